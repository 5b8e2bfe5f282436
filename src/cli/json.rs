//! JSON text to the widget's [`Tree`], as the browser makes it: `JSON.parse`, then
//! `Tree::from_js` (src/feed/tree.rs) with its depth limit.
//!
//! serde_json and `JSON.parse` read the same grammar; three differences are evened out here so
//! that the tree is the one the widget would see: a repeated key keeps its last value at its
//! first place (a JavaScript object has one property per name), keys that are array indices
//! come first in ascending order (the order of `Object.entries`), and an unpaired surrogate
//! escape becomes U+FFFD (JavaScript keeps it; the widget's copy into Rust replaces it), and a
//! number beyond a double's range is ±Infinity (serde_json refuses it).

use std::borrow::Cow;

use serde_json::error::Category;

use crate::feed::tree::{Tree, MAX_DEPTH};
use crate::feed::{FeedError, Source};

/// A document already read: the host's counterpart of the browser's `JsSource`.
pub struct HostSource(pub Tree);

impl Source for HostSource {
    fn tree(&self) -> Result<Tree, FeedError> {
        // within the browser conversion's limits (lists, objects, values), said the same way
        Ok(crate::feed::tree::limited(self.0.clone()))
    }
}

/// Why JSON text is not a tree the widget reads.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum JsonError {
    /// Not JSON at all; the parser's message (with line and column).
    Syntax(String),
    /// Nested deeper than [`MAX_DEPTH`].
    TooDeep,
}

impl JsonError {
    /// The message the widget gives for it.
    pub fn message(&self) -> String {
        match self {
            JsonError::Syntax(why) => format!("not JSON ({why})"),
            JsonError::TooDeep => format!("the JSON is nested more than {MAX_DEPTH} levels deep"),
        }
    }
}

/// Parses JSON text into the tree the widget would build from it.
pub fn parse(text: &str) -> Result<Tree, JsonError> {
    // a marker no document can guess: it is made up anew for each run
    let nonce = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let marker = format!("\u{0}infinity-{:x}-{nonce:x}", std::process::id());
    let prepared = prepared(text, &marker.replace('\u{0}', "\\u0000"));
    let rewritten = matches!(prepared, Cow::Owned(_));
    match serde_json::from_str::<Tree>(&prepared) {
        Ok(tree) if rewritten => Ok(as_javascript_objects(infinities_restored(tree, &marker))),
        Ok(tree) => Ok(as_javascript_objects(tree)),
        // the tree's own depth check is the only data error: every JSON value is a Tree
        Err(e) if e.classify() == Category::Data => Err(JsonError::TooDeep),
        Err(e) => Err(JsonError::Syntax(e.to_string())),
    }
}

/// One member per key (the last value, at the first key's place), array-index keys first.
fn as_javascript_objects(tree: Tree) -> Tree {
    match tree {
        Tree::Array(items) => Tree::Array(items.into_iter().map(as_javascript_objects).collect()),
        Tree::Object(members) => {
            let mut unique: Vec<(String, Tree)> = Vec::with_capacity(members.len());
            for (key, value) in members {
                let value = as_javascript_objects(value);
                match unique.iter_mut().find(|(k, _)| *k == key) {
                    Some(slot) => slot.1 = value,
                    None => unique.push((key, value)),
                }
            }
            let (mut indices, names): (Vec<_>, Vec<_>) = unique
                .into_iter()
                .partition(|(k, _)| array_index(k).is_some());
            indices.sort_by_key(|(k, _)| array_index(k));
            indices.extend(names);
            Tree::Object(indices)
        }
        other => other,
    }
}

/// The key as an array index, as JavaScript orders them: a canonical whole number below 2³²−1.
fn array_index(key: &str) -> Option<u32> {
    let canonical = key == "0" || (!key.starts_with('0') && !key.is_empty());
    let n: u32 = key.parse().ok().filter(|_| canonical)?;
    (n < u32::MAX && key.bytes().all(|b| b.is_ascii_digit())).then_some(n)
}

/// The text rewritten where `JSON.parse` reads what serde_json refuses: an unpaired surrogate
/// escape becomes `\uFFFD`, and a number too large for a double (±Infinity to `JSON.parse`)
/// becomes the string `marker` followed by its sign, turned back into the number after parsing.
fn prepared<'t>(text: &'t str, marker: &str) -> Cow<'t, str> {
    let b = text.as_bytes();
    let hex_at = |i: usize| -> Option<u32> {
        let digits = b.get(i..i + 4)?;
        u32::from_str_radix(std::str::from_utf8(digits).ok()?, 16).ok()
    };
    let escape_at = |i: usize| -> Option<u32> {
        (b.get(i) == Some(&b'\\') && b.get(i + 1) == Some(&b'u'))
            .then(|| hex_at(i + 2))
            .flatten()
    };
    let mut out: Option<String> = None;
    let mut copied = 0;
    let mut replace = |out: &mut Option<String>, from: usize, to: usize, with: &str| {
        let s = out.get_or_insert_with(|| String::with_capacity(text.len()));
        s.push_str(&text[copied..from]);
        s.push_str(with);
        copied = to;
    };
    let mut in_string = false;
    let mut i = 0;
    while i < b.len() {
        match (in_string, b[i]) {
            (_, b'"') => {
                in_string = !in_string;
                i += 1;
            }
            (true, b'\\') => {
                let Some(unit) = escape_at(i) else {
                    // another escape (\" \\ \n …): skip the escaped character too
                    i += 2;
                    continue;
                };
                let high = (0xD800..0xDC00).contains(&unit);
                let low = (0xDC00..0xE000).contains(&unit);
                let paired =
                    high && escape_at(i + 6).is_some_and(|u| (0xDC00..0xE000).contains(&u));
                if paired {
                    i += 12;
                } else {
                    if high || low {
                        replace(&mut out, i, i + 6, "\\uFFFD");
                    }
                    i += 6;
                }
            }
            (false, b'-' | b'0'..=b'9') => {
                let start = i;
                while i < b.len() && matches!(b[i], b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')
                {
                    i += 1;
                }
                let token = &text[start..i];
                let infinite = json_number(token)
                    .then(|| token.parse::<f64>().ok())
                    .flatten()
                    .filter(|v| v.is_infinite());
                if let Some(v) = infinite {
                    let sign = if v > 0.0 { '+' } else { '-' };
                    replace(&mut out, start, i, &format!("\"{marker}{sign}\""));
                }
            }
            _ => i += 1,
        }
    }
    match out {
        Some(mut s) => {
            s.push_str(&text[copied..]);
            Cow::Owned(s)
        }
        None => Cow::Borrowed(text),
    }
}

/// Whether a token is a JSON number: `-?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?`.
fn json_number(t: &str) -> bool {
    let b = t.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let int_start = i;
    let n = digits(&mut i);
    if n == 0 || (n > 1 && b[int_start] == b'0') {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if digits(&mut i) == 0 {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        if digits(&mut i) == 0 {
            return false;
        }
    }
    i == b.len()
}

/// The markers of [`prepared`] back as ±Infinity.
fn infinities_restored(tree: Tree, marker: &str) -> Tree {
    match tree {
        Tree::String(s) if s.strip_prefix(marker) == Some("+") => Tree::Number(f64::INFINITY),
        Tree::String(s) if s.strip_prefix(marker) == Some("-") => Tree::Number(f64::NEG_INFINITY),
        Tree::Array(items) => Tree::Array(
            items
                .into_iter()
                .map(|t| infinities_restored(t, marker))
                .collect(),
        ),
        Tree::Object(members) => Tree::Object(
            members
                .into_iter()
                .map(|(k, v)| (k, infinities_restored(v, marker)))
                .collect(),
        ),
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(t: &Tree) -> Vec<&str> {
        match t {
            Tree::Object(m) => m.iter().map(|(k, _)| k.as_str()).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn objects_read_as_javascript_sees_them() {
        let t = parse(r#"{"b": 1, "10": 2, "a": 3, "b": 4, "2": 5, "02": 6}"#).unwrap();
        assert_eq!(keys(&t), ["2", "10", "b", "a", "02"]);
        assert_eq!(t.get("b"), Some(&Tree::Number(4.0)));
    }

    #[test]
    fn unpaired_surrogates_become_replacement_characters() {
        let t = parse(r#"["\ud800x", "\udc00", "\ud83d\ude00", "\\ud800"]"#).unwrap();
        let Tree::Array(items) = t else { panic!() };
        assert_eq!(items[0], Tree::String("\u{FFFD}x".into()));
        assert_eq!(items[1], Tree::String("\u{FFFD}".into()));
        assert_eq!(items[2], Tree::String("😀".into()));
        assert_eq!(items[3], Tree::String("\\ud800".into()));
    }

    #[test]
    fn numbers_beyond_a_double_are_infinite_as_in_javascript() {
        let t = parse(r#"[1e400, -1E+999, 1e308, "1e400", 01e400]"#);
        assert!(
            matches!(t, Err(JsonError::Syntax(_))),
            "a leading zero is still not JSON"
        );
        let t = parse(r#"{"a": [1e400, -1E+999, 1e308, "1e400 \u0000", 0.5]}"#).unwrap();
        let Some(Tree::Array(items)) = t.get("a") else {
            panic!()
        };
        assert_eq!(items[0], Tree::Number(f64::INFINITY));
        assert_eq!(items[1], Tree::Number(f64::NEG_INFINITY));
        assert_eq!(items[2], Tree::Number(1e308));
        assert_eq!(items[3], Tree::String("1e400 \0".into()));
        assert_eq!(items[4], Tree::Number(0.5));
        for bad in ["1.", ".5", "+1", "1e", "-", "01"] {
            assert!(!json_number(bad), "{bad}");
        }
    }

    #[test]
    fn depth_and_syntax() {
        let deep = "[".repeat(100_000);
        assert_eq!(parse(&deep), Err(JsonError::TooDeep));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
        assert!(matches!(parse("{\"a\":}"), Err(JsonError::Syntax(m)) if m.contains("line 1")));
    }
}
