//! `bulletin convert`: the native bulletin (version 1) that the widget builds from any
//! supported input: its model written back in the documented format, so that reading the
//! result gives the same items.

use serde::Serialize;

use super::args::Options;
use super::read::{analyse, Severity};
use super::{deliver, Outcome, EXIT_FAIL, EXIT_OK};
use crate::feed::native::VERSION;
use crate::locale::calendar::tehran_offset;
use crate::model::{Bulletin, Election, Item};
use crate::time::Instant;

/// Runs `bulletin convert`.
pub fn run(o: &Options) -> Outcome {
    let analysis = analyse(o);
    let mut out = Outcome::default();
    if !analysis.report_before_writing(o.strict, &mut out) {
        return out;
    }
    let Ok(parsed) = &analysis.result else {
        return out; // (report_before_writing refused it)
    };
    if parsed.bulletin.election_problem.is_some() {
        out.stderr.push_str(&format!(
            "note: {}: no election in it is usable, so the converted bulletin has no election block\n",
            super::terminal(&analysis.main.source)
        ));
    }
    let text = native_json(&parsed.bulletin);
    match deliver(o.output.as_deref(), &text) {
        Ok(Some(stdout)) => out.stdout = stdout,
        Ok(None) => {
            let dropped = analysis
                .notes
                .iter()
                .filter(|n| n.severity == Severity::Warning)
                .count();
            out.stderr.push_str(&format!(
                "wrote {} ({} items, {} election{}{})\n",
                o.output.as_deref().unwrap_or(""),
                parsed.bulletin.items.len(),
                parsed.bulletin.elections.len(),
                if parsed.bulletin.elections.len() == 1 {
                    ""
                } else {
                    "s"
                },
                if dropped > 0 {
                    format!("; {dropped} dropped as listed above")
                } else {
                    String::new()
                },
            ));
        }
        Err(message) => {
            out.stderr.push_str(&format!("error: {message}\n"));
            out.status = EXIT_FAIL;
            return out;
        }
    }
    out.status = EXIT_OK;
    out
}

/// The bulletin as native JSON, pretty-printed, with a final line break.
pub fn native_json(b: &Bulletin) -> String {
    let elections: Vec<WireElection> = b.elections.iter().map(WireElection::of).collect();
    let election = match elections.len() {
        0 => None,
        1 => elections.into_iter().next().map(Elections::One),
        _ => Some(Elections::Many(elections)),
    };
    let wire = Wire {
        version: VERSION,
        lang: b.lang.as_deref(),
        generated: b.generated.map(rfc3339_tehran),
        items: b.items.iter().map(WireItem::of).collect(),
        election,
    };
    // serialising plain structs of strings and numbers cannot fail
    let mut text = serde_json::to_string_pretty(&wire).unwrap_or_default();
    text.push('\n');
    text
}

/// An instant as RFC 3339 at Tehran's offset then (`2024-03-01T08:00:00+03:30`), as
/// bulletins are written.
pub fn rfc3339_tehran(t: Instant) -> String {
    let offset = tehran_offset(t);
    let (y, mo, d, h, mi, s) = t.plus(offset).to_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let abs = offset.abs();
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
        abs / 3600,
        abs / 60 % 60
    )
}

#[derive(Serialize)]
struct Wire<'a> {
    version: i64,
    // a feed that names no language is converted to a bulletin that names none: the widget
    // then reads it by its script, as it read the feed
    #[serde(skip_serializing_if = "Option::is_none")]
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<String>,
    items: Vec<WireItem<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    election: Option<Elections<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Elections<'a> {
    One(WireElection<'a>),
    Many(Vec<WireElection<'a>>),
}

#[derive(Serialize)]
struct WireItem<'a> {
    id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kicker: Option<&'a str>,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<&'a str>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    body: &'a [String],
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<WireImage<'a>>,
}

impl<'a> WireItem<'a> {
    fn of(i: &'a Item) -> WireItem<'a> {
        WireItem {
            id: &i.id,
            kicker: i.kicker.as_deref(),
            title: &i.title,
            lead: i.lead.as_deref(),
            body: &i.body,
            url: i.url.as_deref(),
            source: i.source.as_deref(),
            published: i.published.map(rfc3339_tehran),
            image: i.image.as_ref().map(|img| WireImage {
                src: &img.src,
                alt: Some(img.alt.as_str()).filter(|a| !a.is_empty()),
                width: img.width,
                height: img.height,
            }),
        }
    }
}

#[derive(Serialize)]
struct WireImage<'a> {
    src: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    alt: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
}

#[derive(Serialize)]
struct WireElection<'a> {
    title: &'a str,
    opens: String,
    closes: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    cta: Option<WireLink<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    turnout: Option<WireTurnout<'a>>,
}

impl<'a> WireElection<'a> {
    fn of(e: &'a Election) -> WireElection<'a> {
        WireElection {
            title: &e.title,
            opens: rfc3339_tehran(e.opens),
            closes: rfc3339_tehran(e.closes),
            cta: e.cta.as_ref().map(|c| WireLink {
                label: &c.label,
                url: &c.url,
            }),
            turnout: e.turnout.as_ref().map(|t| WireTurnout {
                previous: t.previous,
                label: t.label.as_deref(),
            }),
        }
    }
}

#[derive(Serialize)]
struct WireLink<'a> {
    label: &'a str,
    url: &'a str,
}

#[derive(Serialize)]
struct WireTurnout<'a> {
    previous: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    label: Option<&'a str>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::time::parse_rfc3339;

    #[test]
    fn dates_are_written_at_tehrans_offset_of_the_day() {
        for s in [
            "2024-03-01T08:00:00+03:30",
            "2020-06-01T12:00:00+04:30",
            "1999-12-31T23:59:59+03:30",
        ] {
            assert_eq!(rfc3339_tehran(parse_rfc3339(s).unwrap()), s);
        }
    }
}
