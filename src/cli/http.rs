//! One GET the way the widget's `fetch` makes it (src/fetch.rs), with what a browser adds
//! around it for a page on another origin: the `Origin` header, the CORS check on every
//! response (redirects included), and the "tainted" origin after a cross-origin redirect.
//!
//! One attempt, no retries (the widget retries network errors, timeouts and 5xx twice; a
//! report says what the first attempt met). Redirects are followed by hand, up to 20 as in
//! browsers, so that each response's CORS header is checked.

use std::io::Read;
use std::time::{Duration, Instant};

use serde::Serialize;
use ureq::Agent;
use url::Url;

use super::input::{too_large, Trouble};
use crate::text::quoted::Quoted;

/// Redirects a browser follows before it gives up.
const MAX_REDIRECTS: usize = 20;

/// What the exchange showed, for the report.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct HttpReport {
    /// The URL asked for.
    pub url: String,
    /// The `Origin` sent with the first request (None: not given, or the same origin).
    pub origin_sent: Option<String>,
    /// Each response, redirects first.
    pub responses: Vec<Response>,
    /// Bytes of the body read (the last response).
    pub bytes: Option<usize>,
    /// Advice that does not change what the widget shows.
    pub notes: Vec<String>,
}

/// One response's headers that matter to the widget.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Response {
    pub url: String,
    pub status: u16,
    pub content_type: Option<String>,
    pub content_length: Option<u64>,
    pub allow_origin: Option<String>,
    pub vary: Option<String>,
    pub location: Option<String>,
}

/// Fetches `url` with the widget's limits. The report is None when no request could be made.
pub fn get(
    url: &str,
    origin: Option<&str>,
    timeout: Duration,
    max_bytes: u64,
) -> (Option<HttpReport>, Result<Vec<u8>, Trouble>) {
    let mut current = match Url::parse(url) {
        Ok(u) if matches!(u.scheme(), "http" | "https") && u.has_host() => u,
        _ => {
            let problem = Trouble::new("config", format!("{} is not an http(s) URL", Quoted(url)));
            return (None, Err(problem));
        }
    };
    let page = origin.map(str::to_owned);
    let mut report = HttpReport {
        url: url.to_owned(),
        ..HttpReport::default()
    };
    let started = Instant::now();
    let agent: Agent = Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(concat!(
            "bulletin/",
            env!("CARGO_PKG_VERSION"),
            " (election-widget)"
        ))
        .accept("*/*")
        .accept_encoding("identity")
        .build()
        .into();
    let mut tainted = false;
    for hop in 0..=MAX_REDIRECTS {
        let remaining = timeout.saturating_sub(started.elapsed());
        if remaining.is_zero() {
            return (Some(report), Err(timed_out(timeout)));
        }
        // the browser sends Origin on a cross-origin request: "null" once a redirect tainted it
        let cross = page
            .as_deref()
            .is_some_and(|p| tainted || origin_of(&current) != p);
        let sent = match (&page, cross, tainted) {
            (_, false, _) | (None, _, _) => None,
            (Some(_), true, true) => Some("null".to_owned()),
            (Some(p), true, false) => Some(p.clone()),
        };
        if hop == 0 {
            report.origin_sent = sent.clone();
        }
        let mut request = agent
            .get(current.as_str())
            .config()
            .timeout_global(Some(remaining))
            .build();
        if let Some(o) = &sent {
            request = request.header("Origin", o);
        }
        let response = match request.call() {
            Ok(r) => r,
            Err(e) => return (Some(report), Err(failure(e, timeout, &current))),
        };
        let header = |name: &str| {
            response
                .headers()
                .get(name)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.trim().to_owned())
        };
        let seen = Response {
            url: current.to_string(),
            status: response.status().as_u16(),
            content_type: header("content-type"),
            content_length: header("content-length").and_then(|v| v.parse().ok()),
            allow_origin: header("access-control-allow-origin"),
            vary: header("vary"),
            location: header("location"),
        };
        report.responses.push(seen.clone());
        if let Some(sent) = &sent {
            if let Err(t) = cors(&seen, sent, page.as_deref().unwrap_or(sent)) {
                return (Some(report), Err(t));
            }
        }
        if matches!(seen.status, 301 | 302 | 303 | 307 | 308) {
            let Some(next) = seen.location.as_deref().and_then(|l| current.join(l).ok()) else {
                let t = Trouble::new(
                    "network",
                    format!("HTTP {} redirect without a usable Location", seen.status),
                );
                return (Some(report), Err(t));
            };
            if !matches!(next.scheme(), "http" | "https") {
                let t = Trouble::new(
                    "network",
                    format!(
                        "redirected to {}, which is not http(s)",
                        Quoted(next.as_str())
                    ),
                );
                return (Some(report), Err(t));
            }
            if let Some(p) = &page {
                if origin_of(&next) != origin_of(&current) && *p != origin_of(&current) {
                    tainted = true;
                }
            }
            current = next;
            continue;
        }
        if !(200..300).contains(&seen.status) {
            return (Some(report), Err(status_problem(seen.status)));
        }
        notes(&seen, page.as_deref(), sent.as_deref(), &mut report.notes);
        if seen.content_length.is_some_and(|n| n > max_bytes) {
            return (Some(report), Err(too_large(max_bytes)));
        }
        let mut bytes = Vec::new();
        let read = response
            .into_body()
            .into_reader()
            .take(max_bytes.saturating_add(1))
            .read_to_end(&mut bytes);
        if let Err(e) = read {
            return (
                Some(report),
                Err(failure(ureq::Error::from(e), timeout, &current)),
            );
        }
        report.bytes = Some(bytes.len());
        if bytes.len() as u64 > max_bytes {
            return (Some(report), Err(too_large(max_bytes)));
        }
        return (Some(report), Ok(bytes));
    }
    let t = Trouble::new("network", format!("more than {MAX_REDIRECTS} redirects"));
    (Some(report), Err(t))
}

/// `https://host[:port]`, as a browser serialises an origin.
fn origin_of(u: &Url) -> String {
    u.origin().ascii_serialization()
}

/// The browser's CORS check for a response to a request that carried `Origin: sent`.
fn cors(r: &Response, sent: &str, page: &str) -> Result<(), Trouble> {
    let ok = match r.allow_origin.as_deref() {
        Some("*") => true,
        Some(allowed) => allowed == sent,
        None => false,
    };
    if ok {
        return Ok(());
    }
    let seen = match &r.allow_origin {
        Some(v) => format!("Access-Control-Allow-Origin is {}", Quoted(v)),
        None => "there is no Access-Control-Allow-Origin header".to_owned(),
    };
    let hop = if r.location.is_some() {
        format!(" (on the redirect from {})", r.url)
    } else {
        String::new()
    };
    Err(Trouble::new(
        "network",
        format!(
            "a page on {page} cannot read this response: {seen}{hop}, so the browser blocks it \
             and the widget shows its network error; the server must send \
             `Access-Control-Allow-Origin: *` (or `{sent}`)"
        ),
    ))
}

/// The widget's problem for a status other than 2xx (src/fetch.rs).
fn status_problem(status: u16) -> Trouble {
    let (code, what) = match status {
        404 | 410 => ("not-found", "not found"),
        429 | 500..=599 => ("server", "server error (the widget retries twice)"),
        _ => ("http", "not a success"),
    };
    Trouble::new(code, format!("HTTP {status}, {what}"))
}

fn timed_out(timeout: Duration) -> Trouble {
    Trouble::new(
        "timeout",
        format!(
            "no complete answer within {} seconds (data-timeout; the widget retries twice)",
            timeout.as_secs()
        ),
    )
}

/// A request that failed before a usable response.
fn failure(e: ureq::Error, timeout: Duration, url: &Url) -> Trouble {
    let why = match e {
        ureq::Error::Timeout(_) => return timed_out(timeout),
        ureq::Error::HostNotFound => format!("host {} not found", url.host_str().unwrap_or("")),
        ureq::Error::ConnectionFailed => "the connection failed".to_owned(),
        ureq::Error::Io(e) if e.kind() == std::io::ErrorKind::TimedOut => {
            return timed_out(timeout)
        }
        other => other.to_string(),
    };
    Trouble::new("network", format!("network error: {why}"))
}

/// Advice from a successful response's headers.
fn notes(r: &Response, page: Option<&str>, sent: Option<&str>, notes: &mut Vec<String>) {
    match r.content_type.as_deref() {
        None => notes.push(
            "no Content-Type header: the widget reads the body as JSON anyway; \
             send application/json; charset=utf-8"
                .into(),
        ),
        Some(ct) => {
            let lower = ct.to_ascii_lowercase();
            let essence = lower.split(';').next().unwrap_or("").trim();
            if essence != "application/json" && !essence.ends_with("+json") {
                notes.push(format!(
                    "Content-Type is {}: the widget reads the body as JSON anyway; \
                     application/json is the right type",
                    Quoted(ct)
                ));
            }
            let charset = lower
                .split(';')
                .filter_map(|p| p.trim().strip_prefix("charset="))
                .next()
                .map(|c| c.trim_matches('"').to_owned());
            if let Some(c) = charset.filter(|c| c != "utf-8" && c != "utf8") {
                notes.push(format!(
                    "the Content-Type names the charset {}: the widget reads UTF-8 only",
                    Quoted(&c)
                ));
            }
        }
    }
    match (page, sent) {
        (None, _) => notes.push(match r.allow_origin.as_deref() {
            Some("*") => "Access-Control-Allow-Origin: * (any site can show this bulletin)".into(),
            Some(v) => format!(
                "Access-Control-Allow-Origin is {} without --origin; give --origin to check \
                 the embedding site",
                Quoted(v)
            ),
            None => "no Access-Control-Allow-Origin header (to a request without Origin): \
                     only a page on this same origin can read it; give --origin to check \
                     the embedding site"
                .into(),
        }),
        (Some(p), None) => notes.push(format!(
            "same origin as the page ({p}): CORS does not apply"
        )),
        (Some(_), Some(_)) => {
            let named = r.allow_origin.as_deref().is_some_and(|a| a != "*");
            let varies = r.vary.as_deref().is_some_and(|v| {
                v.split(',')
                    .any(|f| f.trim() == "*" || f.trim().eq_ignore_ascii_case("origin"))
            });
            if named && !varies {
                notes.push(
                    "Access-Control-Allow-Origin names one origin but Vary does not include \
                     Origin: a shared cache may give this answer to another site, whose \
                     widget then fails"
                        .into(),
                );
            }
        }
    }
}
