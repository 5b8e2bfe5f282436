//! Which way a piece of text reads, from the letters it is written in (pure).
//!
//! `dir="auto"` looks at the first strong character only, which reads «FATF در دستور کار مجمع»
//! (a Persian headline that opens with a Latin acronym) left to right. Here the text as a whole
//! decides: it is right to left when its right-to-left letters (Arabic script, Hebrew) are at
//! least as many as its left-to-right ones. Letters inside URLs and e-mail addresses do not
//! count: they are written left to right in any language.

use crate::locale::Dir;

/// Letters of each direction in a text, URLs and e-mail addresses left out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Letters {
    pub rtl: usize,
    pub ltr: usize,
}

impl Letters {
    /// Counts the letters of `text`.
    pub fn of(text: &str) -> Letters {
        let mut n = Letters::default();
        for word in text.split_whitespace().filter(|w| !is_address(w)) {
            for c in word.chars() {
                if is_rtl_letter(c) {
                    n.rtl += 1;
                } else if is_ltr_letter(c) {
                    n.ltr += 1;
                }
            }
        }
        n
    }

    /// The direction these letters give, or None for a text without letters.
    pub fn direction(self) -> Option<Dir> {
        match (self.rtl, self.ltr) {
            (0, 0) => None,
            (rtl, ltr) if rtl >= ltr => Some(Dir::Rtl),
            _ => Some(Dir::Ltr),
        }
    }
}

/// The direction of a text from its letters; None when it has none (a date, a number).
pub fn direction(text: &str) -> Option<Dir> {
    Letters::of(text).direction()
}

/// A URL, a bare `www.` host or an e-mail address (trailing punctuation allowed).
fn is_address(word: &str) -> bool {
    let lower = word.trim_start_matches(['(', '«', '"', '<', '[']);
    lower.contains("://")
        || lower.starts_with("www.")
        || lower
            .split_once('@')
            .is_some_and(|(user, host)| !user.is_empty() && host.contains('.'))
}

/// Letters of the Arabic script (Persian, Arabic, Urdu, Pashto, Kurdish), Hebrew, Syriac, Thaana.
pub fn is_rtl_letter(c: char) -> bool {
    matches!(c,
        '\u{05D0}'..='\u{05EA}' | '\u{05F0}'..='\u{05F2}'
        | '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{066F}' | '\u{0671}'..='\u{06D3}' | '\u{06D5}'
        | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FC}' | '\u{06FF}'
        | '\u{0710}'..='\u{072F}' | '\u{0750}'..='\u{077F}' | '\u{0780}'..='\u{07A5}'
        | '\u{08A0}'..='\u{08C9}' | '\u{FB1D}'..='\u{FB4F}' | '\u{FB50}'..='\u{FDFB}'
        | '\u{FE70}'..='\u{FEFC}')
}

/// Letters of the left-to-right scripts a news item meets: Latin, Greek, Cyrillic, Armenian,
/// the scripts of India and South-East Asia, Chinese, Japanese, Korean. By ranges rather than
/// `char::is_alphabetic`, whose tables would cost the module kilobytes.
pub fn is_ltr_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || (matches!(c, '\u{00C0}'..='\u{02AF}') && c != '\u{00D7}' && c != '\u{00F7}')
        || matches!(c,
            '\u{0370}'..='\u{03FF}' | '\u{0400}'..='\u{052F}' | '\u{0531}'..='\u{0587}'
            | '\u{0900}'..='\u{0DFF}' | '\u{0E01}'..='\u{0E30}' | '\u{10A0}'..='\u{10FF}'
            | '\u{1E00}'..='\u{1FFF}' | '\u{3041}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}'
            | '\u{AC00}'..='\u{D7A3}')
}
