//! Text from outside: normalisation for display and the link policy (pure).

pub mod bounds;
pub mod html;
pub mod links;
pub mod normalize;
pub mod quoted;
pub mod script;

/// `s` on one line: runs of whitespace (line breaks included) become one space, and none is
/// left at either end.
pub fn collapse_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}
