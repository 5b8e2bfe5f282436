//! The last good bulletin per endpoint, in `localStorage`: bounded, versioned, and never
//! trusted blindly (a corrupt or old entry is ignored, a full or disabled storage tolerated).

/// Version of the stored layout; a new layout ignores (and replaces) old entries.
const PREFIX: &str = "election-widget:v1:";
const INDEX: &str = "election-widget:v1:index";
/// Largest bulletin kept, in bytes of text.
pub const MAX_ENTRY_BYTES: usize = 64 * 1024;
/// Endpoints kept; the least recently used goes first.
pub const MAX_ENDPOINTS: usize = 4;
/// Oldest copy shown, in milliseconds (7 days).
pub const MAX_AGE_MS: f64 = 7.0 * 24.0 * 3600.0 * 1000.0;

/// A stored copy: when it was saved (ms since the epoch) and the response text.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    pub saved_ms: f64,
    pub text: String,
}

/// The stored form of an entry: `"<saved ms>\n<text>"`.
pub fn encode(e: &Entry) -> String {
    // whole milliseconds as an integer: no float formatting code in the module
    format!("{}\n{}", e.saved_ms.floor() as i64, e.text)
}

/// Reads a stored entry; None when it is corrupt, from the future, or too old.
pub fn decode(raw: &str, now_ms: f64) -> Option<Entry> {
    let (stamp, text) = raw.split_once('\n')?;
    let saved_ms = stamp.parse::<i64>().ok()? as f64;
    let age = now_ms - saved_ms;
    let fresh_enough = saved_ms.is_finite() && (0.0..=MAX_AGE_MS).contains(&age);
    (fresh_enough && !text.is_empty()).then(|| Entry {
        saved_ms,
        text: text.to_owned(),
    })
}

/// The index after using `url`: most recent first, at most [`MAX_ENDPOINTS`]; also returns
/// the endpoints that fell out, whose entries are to be removed.
pub fn touch(index: &str, url: &str) -> (String, Vec<String>) {
    let mut urls: Vec<&str> = index
        .lines()
        .filter(|u| !u.is_empty() && *u != url)
        .collect();
    urls.insert(0, url);
    let evicted = urls
        .split_off(urls.len().min(MAX_ENDPOINTS))
        .into_iter()
        .map(str::to_owned)
        .collect();
    (urls.join("\n"), evicted)
}

fn storage() -> Option<web_sys::Storage> {
    // local_storage() throws where storage is disabled (some privacy modes, sandboxed frames)
    web_sys::window()?.local_storage().ok().flatten()
}

/// The stored copy for `url`, if any is usable.
pub fn load(url: &str, now_ms: f64) -> Option<Entry> {
    let store = storage()?;
    let key = format!("{PREFIX}{url}");
    let raw = store.get_item(&key).ok().flatten()?;
    let entry = decode(&raw, now_ms);
    if entry.is_none() {
        let _ = store.remove_item(&key);
    }
    entry
}

/// Keeps `text` as the last good copy for `url`. Too large a text, or a full storage, is
/// silently not kept: the cache is a convenience, never a reason to fail.
pub fn store(url: &str, text: &str, now_ms: f64) {
    if text.len() > MAX_ENTRY_BYTES {
        return;
    }
    let Some(store) = storage() else { return };
    let index = store.get_item(INDEX).ok().flatten().unwrap_or_default();
    let (index, evicted) = touch(&index, url);
    for old in evicted {
        let _ = store.remove_item(&format!("{PREFIX}{old}"));
    }
    let entry = encode(&Entry {
        saved_ms: now_ms,
        text: text.to_owned(),
    });
    if store.set_item(&format!("{PREFIX}{url}"), &entry).is_ok() {
        let _ = store.set_item(INDEX, &index);
    }
}

/// Forgets the copy for `url` (it no longer parses).
pub fn forget(url: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{PREFIX}{url}"));
    }
}
