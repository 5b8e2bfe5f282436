//! Text from outside, quoted for a diagnostic: `"…"` with quotes, backslashes, control
//! characters and bidirectional controls escaped, so a hostile attribute cannot reorder or
//! hide the rest of a console message.
//!
//! Written out rather than `{:?}`, whose escaping pulls the Unicode printable tables into
//! the module (about 2 KB) for the same job.

use std::fmt;

/// Displays a string in double quotes with anything invisible or reordering escaped as `\u{…}`.
pub struct Quoted<'a>(pub &'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("\"")?;
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                '\n' => f.write_str("\\n")?,
                '\r' => f.write_str("\\r")?,
                '\t' => f.write_str("\\t")?,
                c if hidden(c) => write!(f, "\\u{{{:x}}}", c as u32)?,
                c => {
                    let mut buf = [0; 4];
                    f.write_str(c.encode_utf8(&mut buf))?;
                }
            }
        }
        f.write_str("\"")
    }
}

/// Control characters, and the format characters that reorder or hide text: bidirectional
/// marks, embeddings, overrides and isolates, zero-width space, word joiner, byte-order mark.
/// The zero-width non-joiner and joiner (U+200C, U+200D) stay: Persian text needs them.
fn hidden(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

#[cfg(test)]
mod tests {
    use super::Quoted;

    fn q(s: &str) -> String {
        Quoted(s).to_string()
    }

    #[test]
    fn plain_text_is_quoted_like_debug() {
        assert_eq!(
            q("https://example.org/a.json"),
            format!("{:?}", "https://example.org/a.json")
        );
        assert_eq!(q("ستاد انتخابات"), "\"ستاد انتخابات\"");
        assert_eq!(q(""), "\"\"");
    }

    #[test]
    fn quotes_backslashes_and_controls_are_escaped() {
        assert_eq!(q("a\"b\\c"), r#""a\"b\\c""#);
        assert_eq!(q("a\nb\r\tc"), r#""a\nb\r\tc""#);
        assert_eq!(q("\u{0}\u{1b}[31m\u{7f}"), r#""\u{0}\u{1b}[31m\u{7f}""#);
    }

    #[test]
    fn bidi_controls_cannot_reorder_the_message() {
        assert_eq!(q("abc\u{202E}txt.exe"), r#""abc\u{202e}txt.exe""#);
        assert_eq!(
            q("\u{2066}x\u{2069}\u{200F}"),
            r#""\u{2066}x\u{2069}\u{200f}""#
        );
        assert_eq!(q("\u{FEFF}\u{200B}"), r#""\u{feff}\u{200b}""#);
    }

    #[test]
    fn persian_joiners_stay() {
        assert_eq!(q("می\u{200C}شود"), "\"می\u{200C}شود\"");
    }
}
