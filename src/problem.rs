//! Everything that can keep a bulletin off the screen, with its code, message and remedy.

use crate::locale::Strings;

/// Why the widget shows its error state. `code()` is the machine-readable form in events.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// No `data-src`, or one that is not a usable http(s) URL.
    Config(String),
    /// The request failed before a response: offline, DNS, refused, or (cross-origin) no CORS headers.
    Network,
    /// No complete response within the time limit.
    Timeout,
    /// 404 or 410.
    NotFound(u16),
    /// 5xx or 429: the server is struggling; retrying later can help.
    Server(u16),
    /// Any other non-success status.
    Http(u16),
    /// The body is larger than the limit.
    TooLarge(u64),
    /// The body is not JSON, or not a bulletin; the text names the JSON path where it can.
    BadData(String),
    /// The host element cannot carry a shadow root.
    Host(String),
}

impl Problem {
    /// Short, stable code for `election-widget:error`'s `detail.code`.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Config(_) => "config",
            Problem::Network => "network",
            Problem::Timeout => "timeout",
            Problem::NotFound(_) => "not-found",
            Problem::Server(_) => "server",
            Problem::Http(_) => "http",
            Problem::TooLarge(_) => "too-large",
            Problem::BadData(_) => "bad-data",
            Problem::Host(_) => "host",
        }
    }

    /// The reader's message in the given language.
    pub fn message(&self, s: &Strings) -> &'static str {
        match self {
            Problem::Config(_) => s.err_config,
            Problem::Network => s.err_network,
            Problem::Timeout => s.err_timeout,
            Problem::NotFound(_) => s.err_not_found,
            Problem::Server(_) => s.err_server,
            Problem::Http(_) => s.err_http,
            Problem::TooLarge(_) => s.err_too_large,
            Problem::BadData(_) => s.err_bad_data,
            Problem::Host(_) => s.err_host,
        }
    }

    /// Whether a retry button can help: for a failing network or server, and for an unexpected
    /// status (a proxy's 403, a 408), which may pass. Not for what a second request cannot
    /// change: the page's own mistakes, a missing bulletin, one that is too large or not a
    /// bulletin (those are fixed at the source, and the next refresh reads the fix).
    pub fn retryable(&self) -> bool {
        matches!(
            self,
            Problem::Network | Problem::Timeout | Problem::Server(_) | Problem::Http(_)
        )
    }

    /// Whether the endpoint refuses this reader (HTTP 401 or 403): an older copy of its
    /// answer is then dropped, not shown as stale.
    pub fn is_refusal(&self) -> bool {
        matches!(self, Problem::Http(401 | 403))
    }

    /// The webmaster's console line (English), without the prefix.
    pub fn describe(&self, endpoint: &str) -> String {
        match self {
            Problem::Config(why) => format!("configuration: {why}"),
            Problem::Network => format!(
                "{endpoint}: network error (offline, unreachable, or - for another origin - \
                 missing CORS headers, the likely cause when the URL opens in a browser tab)"
            ),
            Problem::Timeout => format!("{endpoint}: no complete answer within the time limit"),
            Problem::NotFound(s) => format!("{endpoint}: HTTP {s}, not found"),
            Problem::Server(s) => format!("{endpoint}: HTTP {s}, server error"),
            Problem::Http(s) => format!("{endpoint}: HTTP {s}"),
            Problem::TooLarge(limit) => format!("{endpoint}: body larger than {limit} bytes"),
            Problem::BadData(why) => format!("{endpoint}: {why}"),
            Problem::Host(why) => format!("host element: {why}"),
        }
    }
}
