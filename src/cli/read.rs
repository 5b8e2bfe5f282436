//! A bulletin read as the widget reads it (src/hooks/use_bulletin.rs): the page's format
//! settings, the link policy against the endpoint's address, the election block from a second
//! source, and the clock. Shared by the three commands.

use std::time::Duration;

use serde::Serialize;

use super::args::Options;
use super::http::HttpReport;
use super::input::{self, Loaded, Origin, Reading, Trouble};
use super::json::{self, HostSource};
use crate::config::DEFAULT_MAX_BYTES;
use crate::feed::field_map::FieldMap;
use crate::feed::{self, Context, Parsed};
use crate::text::links::{self, LinkKind, Verdict};
use crate::time::Instant;
use crate::{clock, cta, feed::native};

/// How much a problem costs the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The widget shows its error state.
    Error,
    /// The widget drops this (a field, an item, the election block) and shows the rest.
    Warning,
    /// Advice; what the widget shows does not change.
    Note,
}

impl Severity {
    /// The word that starts a report line.
    pub fn word(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// One problem, with the source and the JSON path it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Note {
    pub severity: Severity,
    /// The file or URL.
    pub source: String,
    /// The JSON path (`items[2].published`), empty for the document or the request.
    pub path: String,
    pub message: String,
    /// The widget's error code, for errors.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

impl Note {
    /// The line a report prints: `warning: feed.json: items[2].url: not an allowed link (ignored)`.
    pub fn line(&self) -> String {
        let path = if self.path.is_empty() {
            String::new()
        } else {
            format!("{}: ", self.path)
        };
        let tail = match self.severity {
            Severity::Warning => " (ignored)",
            _ => "",
        };
        format!(
            "{}: {}: {path}{}{tail}",
            self.severity.word(),
            self.source,
            self.message
        )
    }
}

/// A source as it was read, for the report.
#[derive(Clone, Debug, Serialize)]
pub struct Read {
    pub source: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub http: Option<HttpReport>,
}

/// Everything the widget would make of the inputs.
#[derive(Debug)]
pub struct Analysis {
    pub main: Read,
    pub election: Option<Read>,
    /// Every problem, in the order met.
    pub notes: Vec<Note>,
    /// The bulletin, or why the widget would show its error state.
    pub result: Result<Parsed, Trouble>,
    /// The instant the phase and the pick of the election are computed for.
    pub now: Instant,
    /// Whether `now` was given (`--now`) rather than read from the clock.
    pub now_given: bool,
}

impl Analysis {
    /// Whether the widget would show its error state.
    pub fn failed(&self) -> bool {
        self.result.is_err()
    }

    /// Whether anything was dropped or lost (what `--strict` fails on).
    pub fn dropped_something(&self) -> bool {
        self.notes.iter().any(|n| n.severity != Severity::Note)
    }

    /// What a command that writes a file (`convert`, `fallback`) reports first: every note on
    /// standard error; then why it writes nothing (and the failing status), where the widget
    /// would show its error state or, with `strict`, drop something. True when it may write.
    pub fn report_before_writing(&self, strict: bool, out: &mut super::Outcome) -> bool {
        for n in &self.notes {
            out.stderr.push_str(&super::terminal(&n.line()));
            out.stderr.push('\n');
        }
        let refused = if self.failed() {
            "nothing written: the widget would show its error state\n"
        } else if strict && self.dropped_something() {
            "nothing written (--strict): the widget would drop what is listed above\n"
        } else {
            return true;
        };
        out.stderr.push_str(refused);
        out.status = super::EXIT_FAIL;
        false
    }
}

/// Reads the input (and the election source) with the command's options.
pub fn analyse(o: &Options) -> Analysis {
    let how = Reading {
        origin: o.origin.as_deref(),
        timeout: Duration::from_secs(u64::from(o.timeout_secs)),
        max_bytes: DEFAULT_MAX_BYTES,
    };
    let loaded = input::load(&o.input, how);
    let label = loaded.origin.label();
    let mut notes = Vec::new();
    push_http_notes(&loaded, &mut notes);
    if o.origin.is_some() && !matches!(loaded.origin, Origin::Url(_)) {
        notes.push(Note {
            severity: Severity::Note,
            source: label.clone(),
            path: String::new(),
            message: "--origin is for URLs: a file has no CORS headers to check (check the \
                      URL it will be served from)"
                .into(),
            code: None,
        });
    }
    let main = Read {
        source: label.clone(),
        http: loaded.http.clone(),
    };
    let base = base_for(&loaded.origin, o.base.as_deref());
    let resolve = resolver(base);
    let ctx = Context {
        resolve: &resolve,
        normalize: o.normalize,
        default_lang: o.lang.as_deref(),
    };
    let mut result = loaded.document.and_then(|tree| {
        let fields = match &o.fields {
            Some(raw) => Some(field_map(raw)?),
            None => None,
        };
        if fields.is_some() && o.format.is_some() {
            notes.push(Note {
                severity: Severity::Note,
                source: label.clone(),
                path: String::new(),
                message:
                    "--format is not used when --fields is given (as data-format with data-fields)"
                        .into(),
                code: None,
            });
        }
        feed::read(&HostSource(tree), o.format, fields.as_ref(), &ctx).map_err(|e| Trouble {
            code: "bad-data",
            path: e.path,
            message: e.message,
        })
    });
    match &mut result {
        Ok(parsed) => warnings(&label, std::mem::take(&mut parsed.warnings), &mut notes),
        Err(t) => notes.push(Note {
            severity: Severity::Error,
            source: label.clone(),
            path: t.path.clone(),
            message: t.message.clone(),
            code: Some(t.code),
        }),
    }
    // the call to vote follows the clock of the source its elections came from (as the
    // widget does): --election's `generated` when given, else the bulletin's own
    let mut election_generated = None;
    let election = o.election.as_deref().map(|src| {
        let loaded = input::load(src, how);
        push_http_notes(&loaded, &mut notes);
        let read = Read {
            source: loaded.origin.label(),
            http: loaded.http.clone(),
        };
        let resolve = resolver(base_for(&loaded.origin, o.base.as_deref()));
        let ctx = Context {
            resolve: &resolve,
            ..ctx
        };
        let parsed = loaded.document.and_then(|tree| {
            // within the browser's limits, and what they dropped said like the bulletin's
            let tree = crate::feed::tree::limited(tree);
            let skipped = crate::feed::tree::take_notes();
            let mut p = native::parse_elections(&tree, &ctx).map_err(|e| Trouble {
                code: "bad-data",
                path: e.path,
                message: e.message,
            })?;
            p.warnings.splice(0..0, skipped);
            Ok(p)
        });
        // like the widget: a failure here costs the call to vote only; the news still shows
        match (parsed, &mut result) {
            (Ok(p), Ok(bulletin)) => {
                warnings(&read.source, p.warnings, &mut notes);
                let b = &mut bulletin.bulletin;
                b.elections = p.bulletin.elections;
                b.election_problem = p.bulletin.election_problem;
                election_generated = Some(p.bulletin.generated);
            }
            (Ok(p), Err(_)) => warnings(&read.source, p.warnings, &mut notes),
            (Err(t), result) => {
                let consequence = if result.is_ok() {
                    " (the news still shows, without the call to vote)"
                } else {
                    ""
                };
                notes.push(Note {
                    severity: Severity::Warning,
                    source: read.source.clone(),
                    path: t.path,
                    message: format!("{}{consequence}", t.message),
                    code: Some(t.code),
                });
            }
        }
        read
    });
    let generated = result.as_ref().ok().and_then(|p| p.bulletin.generated);
    let elections = result
        .as_ref()
        .map(|p| p.bulletin.elections.as_slice())
        .unwrap_or_default();
    // the instant the call to vote is shown at: its source's clock, and no correction closes
    // the polls before this computer's clock does (cta::guarded_now, as in the widget)
    let now = o.now.unwrap_or_else(|| {
        let device = clock::device();
        let corrected = device.plus(clock::skew(device, election_generated.unwrap_or(generated)));
        cta::guarded_now(elections, device, corrected)
    });
    Analysis {
        main,
        election,
        notes,
        result,
        now,
        now_given: o.now.is_some(),
    }
}

/// The address relative links resolve against: a URL input's own, else `--base`.
fn base_for(origin: &Origin, base: Option<&str>) -> Option<String> {
    match origin {
        Origin::Url(u) => Some(u.clone()),
        _ => base.map(str::to_owned),
    }
}

/// The widget's link policy against `base`. Without one (a file and no `--base`), a relative
/// link stays relative: the widget resolves it against the address it is served from.
pub fn resolver(base: Option<String>) -> impl Fn(&str, LinkKind) -> Option<String> {
    move |raw, kind| match &base {
        Some(b) => links::resolve(raw, b, kind),
        None => match links::check(raw, kind) {
            Verdict::Absolute(s) => links::resolve(&s, &s, kind),
            Verdict::Relative(s) => Some(s),
            Verdict::Refused => None,
        },
    }
}

/// The field map of `--fields` (JSON text, or `@FILE`), checked as the widget checks `data-fields`.
fn field_map(raw: &str) -> Result<FieldMap, Trouble> {
    let text = match raw.strip_prefix('@') {
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| {
                Trouble::new(
                    "config",
                    format!("--fields @{path}: cannot read the file: {e}"),
                )
            })?;
            String::from_utf8(bytes)
                .map_err(|_| Trouble::new("config", format!("--fields @{path}: not UTF-8 text")))?
        }
        None => raw.to_owned(),
    };
    let tree = json::parse(&text).map_err(|e| {
        Trouble::new(
            "config",
            match &e {
                json::JsonError::TooDeep => format!("data-fields: {}", e.message()),
                json::JsonError::Syntax(why) => format!("data-fields is not valid JSON ({why})"),
            },
        )
    })?;
    FieldMap::from_tree(&tree).map_err(|m| Trouble::new("config", m))
}

/// The reader's warnings (`path: message`) as notes.
fn warnings(source: &str, warnings: Vec<String>, notes: &mut Vec<Note>) {
    for w in warnings {
        let (path, message) = match w.split_once(": ") {
            Some((p, m)) if !p.contains(' ') => (p.to_owned(), m.to_owned()),
            _ => (String::new(), w),
        };
        notes.push(Note {
            severity: Severity::Warning,
            source: source.to_owned(),
            path,
            message,
            code: None,
        });
    }
}

fn push_http_notes(loaded: &Loaded, notes: &mut Vec<Note>) {
    if let Some(http) = &loaded.http {
        for n in &http.notes {
            notes.push(Note {
                severity: Severity::Note,
                source: loaded.origin.label(),
                path: String::new(),
                message: n.clone(),
                code: None,
            });
        }
    }
}
