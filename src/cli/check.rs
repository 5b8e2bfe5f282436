//! `bulletin check`: what the widget would make of a file or an endpoint, problem by problem,
//! and what a reader would see, as text or as JSON.

use serde::Serialize;

use super::args::Options;
use super::convert::rfc3339_tehran;
use super::http::HttpReport;
use super::read::{analyse, Analysis, Note, Read, Severity};
use super::{terminal, Outcome, EXIT_FAIL, EXIT_OK};
use crate::cta::{self, countdown, Countdown, Phase};
use crate::locale::{Locale, Strings};
use crate::model::{Bulletin, Election, Item};
use crate::text::quoted::Quoted;
use crate::time::Instant;

/// Items a widget can show at most (`data-items` up to 20).
const MAX_SHOWN: usize = 20;

/// Runs `bulletin check`.
pub fn run(o: &Options) -> Outcome {
    let analysis = analyse(o);
    let strict_failure = o.strict && analysis.dropped_something();
    let status = if analysis.failed() || strict_failure {
        EXIT_FAIL
    } else {
        EXIT_OK
    };
    let stdout = if o.json {
        json_report(&analysis, status)
    } else {
        terminal(&text_report(&analysis, strict_failure))
    };
    Outcome {
        stdout,
        stderr: String::new(),
        status,
    }
}

/// The report for people.
pub fn text_report(a: &Analysis, strict_failure: bool) -> String {
    let mut out = String::new();
    let mut line = |s: String| {
        out.push_str(&s);
        out.push('\n');
    };
    for n in &a.notes {
        line(n.line());
    }
    let warnings = a
        .notes
        .iter()
        .filter(|n| n.severity == Severity::Warning)
        .count();
    let parsed = match &a.result {
        Ok(p) => p,
        Err(t) if t.code == "io" => {
            line("fail: nothing to read".into());
            return out;
        }
        Err(t) => {
            let locale = Locale::persian();
            line(format!(
                "fail: the widget would show its error state ({}); readers see {}",
                t.code,
                Quoted(reader_message(t.code, locale.strings))
            ));
            return out;
        }
    };
    let b = &parsed.bulletin;
    let generated = b
        .generated
        .map(|g| format!(", generated {}", rfc3339_tehran(g)))
        .unwrap_or_default();
    line(format!(
        "{}: {} format, lang {}{generated}",
        a.main.source,
        parsed.format.name(),
        b.lang.as_deref().map_or_else(
            || "none (each field read by its script)".to_owned(),
            |l| Quoted(l).to_string()
        )
    ));
    let locale = Locale::for_tag(b.lang.as_deref().unwrap_or("fa"));
    if b.items.is_empty() {
        line(format!(
            "no items: the widget shows {}",
            Quoted(locale.strings.empty)
        ));
    } else {
        line(format!(
            "{} item{}: the card shows the first; data-items shows up to {MAX_SHOWN}, the others as headlines",
            b.items.len(),
            plural(b.items.len())
        ));
    }
    for (i, item) in b.items.iter().take(MAX_SHOWN).enumerate() {
        line(format!("  {}. {}", i + 1, Quoted(&item.title)));
        line(format!("     {}", item_details(item, &locale)));
    }
    if b.items.len() > MAX_SHOWN {
        line(format!(
            "  … and {} more, which the widget never shows",
            b.items.len() - MAX_SHOWN
        ));
    }
    let when = format!(
        "{} ({})",
        rfc3339_tehran(a.now),
        if a.now_given {
            "--now"
        } else {
            "this computer's clock"
        }
    );
    match cta::pick(&b.elections, a.now) {
        Some(e) => {
            let others = b.elections.len() - 1;
            let also = if others > 0 {
                format!(" (picked at now from {} elections)", b.elections.len())
            } else {
                String::new()
            };
            line(format!("call to vote: {}{also}", Quoted(&e.title)));
            line(format!("  {}", election_details(e)));
            line(format!("  at {when}: {}", phase_text(e, a.now)));
        }
        None => match &b.election_problem {
            Some(_) => line(format!(
                "call to vote: no usable election; the widget shows {}",
                Quoted(locale.strings.bad_election)
            )),
            None => line("call to vote: none (no election block)".into()),
        },
    }
    let verdict = if strict_failure {
        format!(
            "fail (--strict): the widget shows it, but drops {warnings} thing{} listed above",
            plural(warnings)
        )
    } else if warnings > 0 {
        format!(
            "ok: the widget shows it, without the {warnings} thing{} listed above",
            plural(warnings)
        )
    } else {
        "ok: the widget shows it".to_owned()
    };
    line(verdict);
    out
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

fn item_details(item: &Item, locale: &Locale) -> String {
    let mut parts = Vec::new();
    if let Some(k) = &item.kicker {
        parts.push(format!("kicker {}", Quoted(k)));
    }
    match item.published {
        Some(t) => parts.push(format!(
            "published {} (shown as {})",
            rfc3339_tehran(t),
            Quoted(&locale.date_time(t))
        )),
        None => parts.push("no date".into()),
    }
    match &item.url {
        Some(u) => parts.push(format!("link {}", Quoted(u))),
        None => parts.push("no link".into()),
    }
    parts.push(format!(
        "{} paragraph{}",
        item.body.len(),
        plural(item.body.len())
    ));
    if let Some(s) = &item.source {
        parts.push(format!("source {}", Quoted(s)));
    }
    if let Some(img) = &item.image {
        parts.push(format!("image {}", Quoted(&img.src)));
    }
    parts.join(" · ")
}

fn election_details(e: &Election) -> String {
    let mut parts = vec![format!(
        "opens {}, closes {}",
        rfc3339_tehran(e.opens),
        rfc3339_tehran(e.closes)
    )];
    if let Some(c) = &e.cta {
        parts.push(format!("link {} to {}", Quoted(&c.label), Quoted(&c.url)));
    }
    if let Some(t) = &e.turnout {
        parts.push(format!("previous turnout {}%", t.previous));
    }
    parts.join(" · ")
}

/// The phase at `now`, in words.
fn phase_text(e: &Election, now: Instant) -> String {
    match cta::phase(e, now) {
        Phase::Upcoming { remaining } => {
            let left = match countdown(remaining) {
                Countdown::Days { days, hours } => format!("{days} days {hours} hours"),
                Countdown::Hours { hours, minutes } => format!("{hours} hours {minutes} minutes"),
            };
            format!("upcoming, voting opens in {left}")
        }
        Phase::Open { closes } => {
            format!("open, voting is under way until {}", rfc3339_tehran(closes))
        }
        Phase::Closed => {
            "closed, voting has ended (the link and the calendar button are hidden)".into()
        }
    }
}

/// What the reader sees for an error code, in the widget's words.
fn reader_message(code: &str, s: &Strings) -> &'static str {
    match code {
        "config" => s.err_config,
        "network" => s.err_network,
        "timeout" => s.err_timeout,
        "not-found" => s.err_not_found,
        "server" => s.err_server,
        "http" => s.err_http,
        "too-large" => s.err_too_large,
        _ => s.err_bad_data,
    }
}

#[derive(Serialize)]
struct JsonReport<'a> {
    source: &'a str,
    /// Whether the widget shows the bulletin (false: its error state).
    shows: bool,
    exit: u8,
    /// The widget's error code when it does not show it.
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'static str>,
    problems: &'a [Note],
    #[serde(skip_serializing_if = "Option::is_none")]
    http: Option<&'a HttpReport>,
    #[serde(skip_serializing_if = "Option::is_none")]
    election_source: Option<&'a Read>,
    now: String,
    now_given: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    bulletin: Option<JsonBulletin<'a>>,
}

#[derive(Serialize)]
struct JsonBulletin<'a> {
    format: &'static str,
    lang: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    generated: Option<String>,
    items: Vec<JsonItem<'a>>,
    /// The election the call to vote shows now, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    election: Option<JsonElection<'a>>,
    elections: usize,
    /// Set when the bulletin had an election block but none of it was usable.
    #[serde(skip_serializing_if = "Option::is_none")]
    election_problem: Option<&'a str>,
}

#[derive(Serialize)]
struct JsonItem<'a> {
    id: &'a str,
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kicker: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lead: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<&'a str>,
    paragraphs: usize,
}

#[derive(Serialize)]
struct JsonElection<'a> {
    title: &'a str,
    opens: String,
    closes: String,
    /// `upcoming`, `open` or `closed` at `now`.
    phase: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    seconds_to_opening: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cta_url: Option<&'a str>,
}

fn json_bulletin<'a>(b: &'a Bulletin, format: &'static str, now: Instant) -> JsonBulletin<'a> {
    JsonBulletin {
        format,
        lang: b.lang.as_deref(),
        generated: b.generated.map(rfc3339_tehran),
        items: b
            .items
            .iter()
            .map(|i| JsonItem {
                id: &i.id,
                title: &i.title,
                kicker: i.kicker.as_deref(),
                lead: i.lead.as_deref(),
                published: i.published.map(rfc3339_tehran),
                url: i.url.as_deref(),
                source: i.source.as_deref(),
                image: i.image.as_ref().map(|img| img.src.as_str()),
                paragraphs: i.body.len(),
            })
            .collect(),
        election: cta::pick(&b.elections, now).map(|e| {
            let (phase, seconds) = match cta::phase(e, now) {
                Phase::Upcoming { remaining } => ("upcoming", Some(remaining)),
                Phase::Open { .. } => ("open", None),
                Phase::Closed => ("closed", None),
            };
            JsonElection {
                title: &e.title,
                opens: rfc3339_tehran(e.opens),
                closes: rfc3339_tehran(e.closes),
                phase,
                seconds_to_opening: seconds,
                cta_url: e.cta.as_ref().map(|c| c.url.as_str()),
            }
        }),
        elections: b.elections.len(),
        election_problem: b.election_problem.as_deref(),
    }
}

/// The report for tools.
fn json_report(a: &Analysis, status: u8) -> String {
    let report = JsonReport {
        source: &a.main.source,
        shows: !a.failed(),
        exit: status,
        code: a.result.as_ref().err().map(|t| t.code),
        problems: &a.notes,
        http: a.main.http.as_ref(),
        election_source: a.election.as_ref(),
        now: rfc3339_tehran(a.now),
        now_given: a.now_given,
        bulletin: a
            .result
            .as_ref()
            .ok()
            .map(|p| json_bulletin(&p.bulletin, p.format.name(), a.now)),
    };
    let mut text = serde_json::to_string_pretty(&report).unwrap_or_default();
    text.push('\n');
    text
}
