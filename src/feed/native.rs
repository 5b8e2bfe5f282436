//! The native bulletin format, version 1 (documented in the README, schema in `src/assets/`).

use super::tree::{At, Tree};
use super::{
    bounded, date, finish, link, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed,
    TextRules, MAX_LINE,
};
use crate::model::{Bulletin, Election, Link, Turnout};
use crate::text::links::LinkKind;
use crate::time::parse_rfc3339;

/// The only version this widget reads.
pub const VERSION: i64 = 1;

/// Reads a native bulletin.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    adapt(doc, true, ctx)
}

/// Reads only the election block of a native bulletin (`data-election-src`).
pub fn parse_elections(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    adapt(doc, false, ctx)
}

/// One election as written, before its dates are checked.
struct WireElection {
    at: String,
    title: String,
    opens: String,
    closes: String,
    cta: Option<(String, String)>,
    turnout: Option<(f64, Option<String>)>,
}

fn wire_election(e: At) -> Result<WireElection, FeedError> {
    let e = e.object()?;
    let cta = match e.get("cta") {
        Some(c) => {
            let c = c.object()?;
            Some((c.req_string("label")?, c.req_string("url")?))
        }
        None => None,
    };
    let turnout = match e.get("turnout") {
        Some(t) => {
            let t = t.object()?;
            Some((t.require("previous")?.number()?, t.opt_string("label")?))
        }
        None => None,
    };
    Ok(WireElection {
        title: e.req_string("title")?,
        opens: e.req_string("opens")?,
        closes: e.req_string("closes")?,
        cta,
        turnout,
        at: e.path,
    })
}

fn wire_item(item: At) -> Result<Draft, FeedError> {
    let item = item.object()?;
    let at = item.path.clone();
    let title = item.req_string("title")?;
    if title.trim().is_empty() {
        return Err(FeedError {
            path: format!("{at}.title"),
            message: "must not be empty".into(),
        });
    }
    let body = match item.get("body") {
        Some(b) if matches!(b.value, Tree::String(_)) => vec![b.string()?],
        Some(b) => b.list()?.iter().map(At::string).collect::<Result<_, _>>()?,
        None => Vec::new(),
    };
    let image = match item.get("image") {
        Some(img) => {
            let img = img.object()?;
            Some(DraftImage {
                src: (img.req_string("src")?, format!("{at}.image.src")),
                alt: img.opt_string("alt")?,
                width: img.opt_number("width")?,
                height: img.opt_number("height")?,
            })
        }
        None => None,
    };
    Ok(Draft {
        id: item.require("id")?.id()?,
        kicker: item.opt_string("kicker")?,
        title,
        lead: item.opt_string("lead")?,
        body,
        url: item.opt_string("url")?.map(|u| (u, format!("{at}.url"))),
        source: item.opt_string("source")?,
        published: item
            .opt_string("published")?
            .map(|p| (p, format!("{at}.published"), DateStyle::Rfc3339)),
        image,
    })
}

/// Turns the document into the model, dropping (with a warning) what cannot be shown.
/// Structural errors (a wrong type, a missing required field) name their JSON path.
fn adapt(doc: &Tree, require_items: bool, ctx: &Context) -> Result<Parsed, FeedError> {
    let root = At::root(doc).object()?;
    if let Some(v) = root.get("version") {
        let n = v.number()?;
        if n != VERSION as f64 {
            let v = v.value.text().unwrap_or_default();
            return Err(FeedError {
                path: "version".into(),
                message: format!("unsupported version {v}; this widget reads version {VERSION}"),
            });
        }
    }
    let drafts = match root.get("items") {
        Some(items) => items
            .list()?
            .into_iter()
            .map(wire_item)
            .collect::<Result<Vec<_>, _>>()?,
        None if require_items => return Err(FeedError::document("missing field `items`")),
        None => Vec::new(),
    };
    let given = match root.get("election") {
        Some(e) if matches!(e.value, Tree::Array(_)) => e
            .list()?
            .into_iter()
            .map(wire_election)
            .collect::<Result<Vec<_>, _>>()?,
        Some(e) => vec![wire_election(e)?],
        None => Vec::new(),
    };
    let mut warnings = Vec::new();
    // the native format's language defaults to Persian: it is always declared
    let lang = root
        .opt_string("lang")?
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| ctx.default_lang.unwrap_or("fa").to_owned());
    let rules = TextRules::new(Some(&lang), ctx);
    let generated = root
        .opt_string("generated")?
        .and_then(|g| date(&g, DateStyle::Rfc3339, "generated", &mut warnings));
    let drafts = drafts
        .into_iter()
        .enumerate()
        .map(|(i, d)| (format!("items[{i}]"), d))
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings)?;

    let mut elections = Vec::new();
    let mut election_problem = None;
    for w in given {
        match election(w, &rules, ctx, &mut warnings) {
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
            lang: Some(lang),
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
    rules: &TextRules,
    ctx: &Context,
    warnings: &mut Vec<String>,
) -> Result<Election, String> {
    let at = &w.at;
    let bad_date = |field: &str, e: crate::time::BadDate| format!("{at}.{field}: {e}");
    let opens = parse_rfc3339(&w.opens).map_err(|e| bad_date("opens", e))?;
    let closes = parse_rfc3339(&w.closes).map_err(|e| bad_date("closes", e))?;
    if opens >= closes {
        return Err(format!("{at}: opens must be before closes"));
    }
    let title = rules.line(&bounded(w.title, MAX_LINE, at, "title", warnings));
    let cta = w.cta.and_then(|(label, url)| {
        let label = bounded(label, MAX_LINE, at, "cta.label", warnings);
        let url = link(
            &url,
            LinkKind::WebOrTel,
            &format!("{at}.cta.url"),
            ctx,
            warnings,
        )?;
        Some(Link {
            label: rules.line(&label),
            url,
        })
    });
    let turnout = w.turnout.and_then(|(previous, label)| {
        if previous.is_finite() && (0.0..=100.0).contains(&previous) {
            Some(Turnout {
                previous,
                label: rules
                    .optional(label.map(|l| bounded(l, MAX_LINE, at, "turnout.label", warnings))),
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
