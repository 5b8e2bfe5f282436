//! What the page itself allows its widgets (pure): the endpoints they may read and whether
//! `data-now` may fix their clock.
//!
//! Only the loader's own `<script>` element can say so (`data-sources`, `data-allow-now`):
//! an attribute on a widget element is not enough, since sanitised user content (a comment
//! that DOMPurify passes keeps `data-*` attributes) can make widget elements of its own.

use std::cell::RefCell;

/// The page's rules, read by the loader from its `<script>` element(s).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PagePolicy {
    /// Absolute URL prefixes every `data-src` and `data-election-src` must fall under; None
    /// when the page names none (then any endpoint is read, as before, with a warning).
    pub sources: Option<Vec<String>>,
    /// Whether `data-now` may fix a widget's clock (demos and tests only).
    pub allow_now: bool,
}

thread_local! {
    static PAGE: RefCell<PagePolicy> = RefCell::new(PagePolicy::default());
}

/// Sets the page's rules (the loader calls this before mounting).
pub fn set(policy: PagePolicy) {
    PAGE.with(|p| *p.borrow_mut() = policy);
}

/// The page's rules as last set.
pub fn current() -> PagePolicy {
    PAGE.with(|p| p.borrow().clone())
}

/// Whether `url` (absolute, as the browser's URL parser writes it) falls under one of
/// `prefixes` (the same): same origin, then the prefix's path at a segment boundary, so
/// `https://a.ir/election/` allows `https://a.ir/election/x.json` but `https://a.ir/election`
/// does not allow `https://a.ir/elections.json`. Queries and fragments are not compared.
pub fn allows(prefixes: &[String], url: &str) -> bool {
    let Some((origin, path)) = split(url) else {
        return false;
    };
    prefixes.iter().any(|prefix| match split(prefix) {
        Some((o, p)) if o.eq_ignore_ascii_case(origin) => {
            path == p
                || (path.starts_with(p) && (p.ends_with('/') || path[p.len()..].starts_with('/')))
        }
        _ => false,
    })
}

/// An absolute http(s) URL's origin (`https://host:port`) and path (at least `/`), without
/// query or fragment; None for anything else, and for URLs with a user name or password.
fn split(url: &str) -> Option<(&str, &str)> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"))?;
    let scheme_len = url.len() - rest.len();
    let authority_len = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    if authority_len == 0 || rest[..authority_len].contains('@') {
        return None;
    }
    let origin = &url[..scheme_len + authority_len];
    let after = &rest[authority_len..];
    let path = &after[..after.find(['?', '#']).unwrap_or(after.len())];
    Some((origin, if path.is_empty() { "/" } else { path }))
}

/// Whether a URL as written names a user or password (`https://user:pass@host/`, also
/// scheme-relative): such a URL is never requested nor printed, since the page's markup would
/// be leaking a secret.
pub fn has_credentials(raw: &str) -> bool {
    let Some(start) = raw.find("//").or_else(|| raw.find("\\\\")) else {
        return false;
    };
    let after = raw[start + 2..].trim_start_matches(['/', '\\']);
    let authority = &after[..after.find(['/', '\\', '?', '#']).unwrap_or(after.len())];
    authority.contains('@')
}
