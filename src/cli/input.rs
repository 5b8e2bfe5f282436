//! Bytes from a file, standard input or a URL, and the checks the widget makes on a response
//! before it reads it as a bulletin (src/fetch.rs): the 1 MiB limit, UTF-8, the byte-order
//! mark, an empty body, an HTML page instead of JSON, `JSON.parse` and the depth limit.

use std::io::Read;
use std::time::Duration;

use super::http::{self, HttpReport};
use super::json;
use crate::config::DEFAULT_MAX_BYTES;
use crate::feed::tree::Tree;

/// Something that keeps the widget from reading a source, with the widget's error code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Trouble {
    /// The code of the widget's `election-widget:error` event (`bad-data`, `timeout`, …), or
    /// `io` for a file that cannot be read.
    pub code: &'static str,
    /// The JSON path of the offending value, empty for the document or the request.
    pub path: String,
    pub message: String,
}

impl Trouble {
    /// A problem with the document or the request as a whole.
    pub fn new(code: &'static str, message: impl Into<String>) -> Trouble {
        Trouble {
            code,
            path: String::new(),
            message: message.into(),
        }
    }
}

/// Where a document comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Origin {
    Stdin,
    File(String),
    Url(String),
}

impl Origin {
    /// What the user typed: `-`, a path, or an http(s) URL.
    pub fn of(arg: &str) -> Origin {
        let lower = arg.trim_start().to_ascii_lowercase();
        if arg == "-" {
            Origin::Stdin
        } else if lower.starts_with("http://") || lower.starts_with("https://") {
            Origin::Url(arg.trim().to_owned())
        } else {
            Origin::File(arg.to_owned())
        }
    }

    /// How messages name it.
    pub fn label(&self) -> String {
        match self {
            Origin::Stdin => "<stdin>".into(),
            Origin::File(p) | Origin::Url(p) => p.clone(),
        }
    }

    /// What the document is called in messages: "the response" or "the file".
    fn noun(&self) -> &'static str {
        match self {
            Origin::Url(_) => "the response",
            Origin::Stdin => "the input",
            Origin::File(_) => "the file",
        }
    }
}

/// A source, read: its HTTP exchange (for URLs) and the document or what kept it away.
#[derive(Debug)]
pub struct Loaded {
    pub origin: Origin,
    pub http: Option<HttpReport>,
    pub document: Result<Tree, Trouble>,
}

/// How to read a source.
#[derive(Clone, Copy, Debug)]
pub struct Reading<'a> {
    /// `--origin`: the embedding site.
    pub origin: Option<&'a str>,
    pub timeout: Duration,
    pub max_bytes: u64,
}

impl Reading<'_> {
    /// The widget's defaults: 10 seconds, 1 MiB, no origin.
    pub fn widget() -> Reading<'static> {
        Reading {
            origin: None,
            timeout: Duration::from_secs(10),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Reads a source as the widget would read a response.
pub fn load(arg: &str, how: Reading) -> Loaded {
    let origin = Origin::of(arg);
    let (http, bytes) = match &origin {
        Origin::Url(url) => {
            let (report, body) = http::get(url, how.origin, how.timeout, how.max_bytes);
            (report, body)
        }
        Origin::File(path) => (None, read_file(path, how.max_bytes)),
        Origin::Stdin => (None, read_limited(std::io::stdin().lock(), how.max_bytes)),
    };
    let document = bytes.and_then(|b| document(&b, origin.noun()));
    Loaded {
        origin,
        http,
        document,
    }
}

fn read_file(path: &str, max: u64) -> Result<Vec<u8>, Trouble> {
    let cannot = |e: std::io::Error| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            "not-found"
        } else {
            "io"
        };
        Trouble::new(code, format!("cannot read the file: {e}"))
    };
    let file = std::fs::File::open(path).map_err(cannot)?;
    if file.metadata().map_err(cannot)?.is_dir() {
        return Err(Trouble::new(
            "io",
            "cannot read the file: it is a directory",
        ));
    }
    read_limited(file, max)
}

/// Reads at most `max` bytes; more is the widget's `too-large`.
fn read_limited(reader: impl Read, max: u64) -> Result<Vec<u8>, Trouble> {
    let mut bytes = Vec::new();
    reader
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| Trouble::new("io", format!("cannot read: {e}")))?;
    if bytes.len() as u64 > max {
        return Err(too_large(max));
    }
    Ok(bytes)
}

/// The widget's size limit, said as its console says it.
pub fn too_large(max: u64) -> Trouble {
    Trouble::new(
        "too-large",
        format!("body larger than {max} bytes (the widget reads at most {max} bytes, 1 MiB)"),
    )
}

/// The checks of src/fetch.rs on a body, then `JSON.parse` and the depth limit.
pub fn document(bytes: &[u8], noun: &str) -> Result<Tree, Trouble> {
    let text = std::str::from_utf8(bytes).map_err(|e| {
        Trouble::new(
            "bad-data",
            format!(
                "{noun} is not UTF-8 text (invalid byte at offset {}); the widget reads UTF-8 only",
                e.valid_up_to()
            ),
        )
    })?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(Trouble::new("bad-data", format!("{noun} is empty")));
    }
    if trimmed.starts_with('<') {
        return Err(Trouble::new(
            "bad-data",
            format!("{noun} is HTML, not JSON (an error page, or the wrong URL?)"),
        ));
    }
    json::parse(text).map_err(|e| Trouble::new("bad-data", e.message()))
}
