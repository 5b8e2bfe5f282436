//! Link policy: which strings from a feed may become a clickable `href`.
//!
//! Only `http:` and `https:` (and `tel:` for a call-to-action hotline) pass. The check
//! reads the scheme the way a browser's URL parser will (WHATWG URL: leading and
//! trailing controls and spaces dropped, tabs and newlines removed anywhere, scheme
//! case-insensitive), so disguises such as ` JaVa\tScRiPt:` are caught. In the browser
//! the survivor is then resolved with the real URL parser and its scheme checked again.

/// Which schemes a link may use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkKind {
    /// A news link or image: http(s) only.
    Web,
    /// A call-to-action: http(s) or a `tel:` hotline.
    WebOrTel,
    /// The bulletin endpoint (`data-src`, set by the page, not the feed): http(s), or a
    /// `blob:` URL for pages that build a bulletin in the browser.
    Endpoint,
}

/// What the policy decided about a raw link.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// An absolute link with an allowed scheme, cleaned as a URL parser would.
    Absolute(String),
    /// No scheme: to be resolved against the endpoint's URL.
    Relative(String),
    /// A scheme that is not allowed, or nothing usable.
    Refused,
}

/// Applies the link policy to a raw string from a feed.
pub fn check(raw: &str, kind: LinkKind) -> Verdict {
    let cleaned: String = raw
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    if cleaned.is_empty() || cleaned.len() > 2048 {
        return Verdict::Refused;
    }
    match scheme(&cleaned) {
        None => Verdict::Relative(cleaned),
        Some(s) => {
            let allowed = s == "http"
                || s == "https"
                || (s == "tel" && kind == LinkKind::WebOrTel)
                || (s == "blob" && kind == LinkKind::Endpoint);
            if allowed {
                Verdict::Absolute(cleaned)
            } else {
                Verdict::Refused
            }
        }
    }
}

/// Whether a scheme as the URL parser reports it (`https:`) is allowed for `kind`.
pub fn allowed_protocol(protocol: &str, kind: LinkKind) -> bool {
    match protocol {
        "http:" | "https:" => true,
        "tel:" => kind == LinkKind::WebOrTel,
        "blob:" => kind == LinkKind::Endpoint,
        _ => false,
    }
}

/// The lower-cased scheme of a URL string, if it has one (letters, then letters, digits, `+-.`, then `:`).
fn scheme(s: &str) -> Option<String> {
    let end = s.find(':')?;
    let candidate = &s[..end];
    let mut chars = candidate.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    (first_ok && rest_ok).then(|| candidate.to_ascii_lowercase())
}

/// Checks `raw` with [`check`], resolves it against `base` with the browser's URL parser,
/// and checks the resolved scheme again.
#[cfg(target_arch = "wasm32")]
pub fn resolve(raw: &str, base: &str, kind: LinkKind) -> Option<String> {
    let candidate = match check(raw, kind) {
        Verdict::Absolute(s) | Verdict::Relative(s) => s,
        Verdict::Refused => return None,
    };
    let url = web_sys::Url::new_with_base(&candidate, base).ok()?;
    allowed_protocol(&url.protocol(), kind).then(|| url.href())
}

/// The same on the host (the command-line `bulletin`), where there is no browser: the `url`
/// crate implements the same WHATWG URL standard as the browser's parser.
#[cfg(not(target_arch = "wasm32"))]
pub fn resolve(raw: &str, base: &str, kind: LinkKind) -> Option<String> {
    let candidate = match check(raw, kind) {
        Verdict::Absolute(s) | Verdict::Relative(s) => s,
        Verdict::Refused => return None,
    };
    let url = url::Url::parse(base).ok()?.join(&candidate).ok()?;
    let protocol = format!("{}:", url.scheme());
    allowed_protocol(&protocol, kind).then(|| url.into())
}
