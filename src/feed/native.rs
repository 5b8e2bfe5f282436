//! The native bulletin format, version 1 (documented in the README, schema in `src/assets/`).

use serde::de::{self, value::MapAccessDeserializer, value::SeqAccessDeserializer, Deserializer};
use serde::Deserialize;

use super::{
    date, finish, link, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, Source,
    TextRules,
};
use crate::model::{Bulletin, Election, Link, Turnout};
use crate::text::links::LinkKind;
use crate::time::parse_rfc3339;

/// The only version this widget reads.
pub const VERSION: u64 = 1;

/// Reads a native bulletin.
pub fn parse(source: &impl Source, ctx: &Context) -> Result<Parsed, FeedError> {
    let wire: WireBulletin = source.read()?;
    adapt(wire, ctx)
}

/// Reads only the election block of a native bulletin (`data-election-src`).
pub fn parse_elections(source: &impl Source, ctx: &Context) -> Result<Parsed, FeedError> {
    let wire: WireElectionsOnly = source.read()?;
    adapt(
        WireBulletin {
            version: wire.version,
            lang: wire.lang,
            generated: wire.generated,
            items: Vec::new(),
            election: wire.election,
        },
        ctx,
    )
}

#[derive(Deserialize)]
struct WireElectionsOnly {
    version: Option<u64>,
    lang: Option<String>,
    generated: Option<String>,
    election: Option<Elections>,
}

#[derive(Deserialize)]
struct WireBulletin {
    version: Option<u64>,
    lang: Option<String>,
    generated: Option<String>,
    items: Vec<WireItem>,
    election: Option<Elections>,
}

#[derive(Deserialize)]
struct WireItem {
    id: Id,
    kicker: Option<String>,
    title: String,
    lead: Option<String>,
    body: Option<Body>,
    url: Option<String>,
    source: Option<String>,
    published: Option<String>,
    image: Option<WireImage>,
}

#[derive(Deserialize)]
struct WireImage {
    src: String,
    alt: Option<String>,
    width: Option<f64>,
    height: Option<f64>,
}

#[derive(Deserialize)]
struct WireElection {
    title: String,
    opens: String,
    closes: String,
    cta: Option<WireLink>,
    turnout: Option<WireTurnout>,
}

#[derive(Deserialize)]
struct WireLink {
    label: String,
    url: String,
}

#[derive(Deserialize)]
struct WireTurnout {
    previous: f64,
    label: Option<String>,
}

/// An item id: a string, or a number that publishers' tools often emit instead.
struct Id(String);

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl de::Visitor<'_> for V {
            type Value = Id;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a string or a number")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
        }
        d.deserialize_any(V)
    }
}

/// `body`: a list of paragraphs, or one string (split at blank lines).
struct Body(Vec<String>);

impl<'de> Deserialize<'de> for Body {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Body;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a list of paragraphs (strings) or one string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Body, E> {
                Ok(Body(vec![v.to_owned()]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Body, A::Error> {
                Vec::<String>::deserialize(SeqAccessDeserializer::new(seq)).map(Body)
            }
        }
        d.deserialize_any(V)
    }
}

/// `election`: one election, or several (held together, or rounds).
struct Elections(Vec<WireElection>);

impl<'de> Deserialize<'de> for Elections {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> de::Visitor<'de> for V {
            type Value = Elections;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an election object or a list of them")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Elections, A::Error> {
                WireElection::deserialize(MapAccessDeserializer::new(map))
                    .map(|e| Elections(vec![e]))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Elections, A::Error> {
                Vec::<WireElection>::deserialize(SeqAccessDeserializer::new(seq)).map(Elections)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Elections, E> {
                Ok(Elections(Vec::new()))
            }
        }
        d.deserialize_any(V)
    }
}

/// Turns the wire form into the model, dropping (with a warning) what cannot be shown.
fn adapt(wire: WireBulletin, ctx: &Context) -> Result<Parsed, FeedError> {
    if let Some(v) = wire.version {
        if v != VERSION {
            return Err(FeedError {
                path: "version".into(),
                message: format!("unsupported version {v}; this widget reads version {VERSION}"),
            });
        }
    }
    let mut warnings = Vec::new();
    let lang = wire
        .lang
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| ctx.default_lang.to_owned());
    let rules = TextRules::new(&lang, ctx);
    let generated = wire
        .generated
        .and_then(|g| date(&g, DateStyle::Rfc3339, "generated", &mut warnings));
    let mut drafts = Vec::with_capacity(wire.items.len());
    for (i, w) in wire.items.into_iter().enumerate() {
        let at = format!("items[{i}]");
        if w.title.trim().is_empty() {
            return Err(FeedError {
                path: format!("{at}.title"),
                message: "must not be empty".into(),
            });
        }
        let body = match w.body {
            Some(Body(paragraphs)) => paragraphs,
            None => Vec::new(),
        };
        drafts.push((
            at.clone(),
            Draft {
                id: w.id.0,
                kicker: w.kicker,
                title: w.title,
                lead: w.lead,
                body,
                url: w.url.map(|u| (u, format!("{at}.url"))),
                source: w.source,
                published: w
                    .published
                    .map(|p| (p, format!("{at}.published"), DateStyle::Rfc3339)),
                image: w.image.map(|img| DraftImage {
                    src: (img.src, format!("{at}.image.src")),
                    alt: img.alt,
                    width: img.width,
                    height: img.height,
                }),
            },
        ));
    }
    let items = finish(drafts, &rules, ctx, &mut warnings);

    let mut elections = Vec::new();
    let mut election_problem = None;
    let given = wire.election.map(|e| e.0).unwrap_or_default();
    let many = given.len() > 1;
    for (i, w) in given.into_iter().enumerate() {
        let at = if many {
            format!("election[{i}]")
        } else {
            "election".to_owned()
        };
        match election(w, &at, &rules, ctx, &mut warnings) {
            Ok(e) => elections.push(e),
            Err(problem) => {
                warnings.push(problem.clone());
                election_problem.get_or_insert(problem);
            }
        }
    }
    if !elections.is_empty() {
        election_problem = None;
    }
    Ok(Parsed {
        bulletin: Bulletin {
            lang,
            generated,
            items,
            elections,
            election_problem,
        },
        format: Format::Native,
        warnings,
    })
}

fn election(
    w: WireElection,
    at: &str,
    rules: &TextRules,
    ctx: &Context,
    warnings: &mut Vec<String>,
) -> Result<Election, String> {
    let bad_date = |field: &str, e: crate::time::BadDate| format!("{at}.{field}: {e}");
    let opens = parse_rfc3339(&w.opens).map_err(|e| bad_date("opens", e))?;
    let closes = parse_rfc3339(&w.closes).map_err(|e| bad_date("closes", e))?;
    if opens >= closes {
        return Err(format!("{at}: opens must be before closes"));
    }
    let title = rules.line(&w.title);
    let cta = w.cta.and_then(|c| {
        let url = link(
            &c.url,
            LinkKind::WebOrTel,
            &format!("{at}.cta.url"),
            ctx,
            warnings,
        )?;
        Some(Link {
            label: rules.line(&c.label),
            url,
        })
    });
    let turnout = w.turnout.and_then(|t| {
        if t.previous.is_finite() && (0.0..=100.0).contains(&t.previous) {
            Some(Turnout {
                previous: t.previous,
                label: rules.optional(t.label),
            })
        } else {
            warnings.push(format!(
                "{at}.turnout.previous: expected a percentage from 0 to 100"
            ));
            None
        }
    });
    Ok(Election {
        title,
        opens,
        closes,
        cta,
        turnout,
    })
}
