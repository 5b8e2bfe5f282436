//! Persian text normalisation for display, conservative by design.
//!
//! Press offices paste text out of PDFs and Word: Arabic ي/ك instead of Persian ی/ک,
//! Latin digits, hard-wrapped lines, doubled spaces, lost or doubled half-spaces
//! (ZWNJ, U+200C). This module repairs what can be repaired without a dictionary and
//! leaves everything else as written: a wrong "fix" is worse than a missing one.
//! It is applied to Persian text only; Arabic, Urdu and other languages are never rewritten.

/// Zero-width non-joiner: the Persian half-space.
pub const ZWNJ: char = '\u{200C}';

/// Standalone verb prefixes that take a half-space before the verb: «می کند» → «می‌کند».
const VERB_PREFIXES: [&str; 2] = ["می", "نمی"];

/// Standalone plural suffixes (with possessive endings) that take a half-space: «دستگاه ها» → «دستگاه‌ها».
const PLURAL_SUFFIXES: [&str; 9] = [
    "ها",
    "های",
    "هایی",
    "هایم",
    "هایت",
    "هایش",
    "هایمان",
    "هایتان",
    "هایشان",
];

/// Punctuation that may trail a word without being part of it.
const TRAILING_PUNCT: &[char] = &['،', '؛', '؟', '.', ',', ':', ';', '!', '?', ')', '»', '"'];

/// Normalises one paragraph of Persian text (line breaks inside it become spaces).
pub fn persian(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x06F0).unwrap_or(c),
            '\n' | '\r' | '\t' => ' ',
            _ => c,
        })
        .collect();
    let words: Vec<String> = mapped
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(clean_zwnj)
        .filter(|w| !w.is_empty())
        .collect();
    let joined = restore_half_spaces(words);
    joined
        .iter()
        .map(|w| persian_digits_in_word(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Splits raw text into paragraphs, rejoining lines that a PDF hard-wrapped.
///
/// Blank lines separate paragraphs only where the text before them ends a sentence;
/// a break after a word that does not end one (as in «…کمیته تبلیغات و⏎⏎اطلاع‌رسانی») is a
/// wrap, not a paragraph. Each paragraph is then normalised with [`persian`].
pub fn paragraphs(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current = String::new();
    for line in raw.lines() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !current.is_empty() {
            current.push(' ');
        }
        current.push_str(line);
        if ends_sentence(line) {
            out.push(persian(&current));
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(persian(&current));
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '؟', '؛', '…'])
}

/// Drops half-spaces that do nothing (at a word's edges, beside punctuation) and collapses doubled ones.
fn clean_zwnj(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len());
    for (i, &c) in chars.iter().enumerate() {
        if c != ZWNJ {
            out.push(c);
            continue;
        }
        let prev = out.chars().last();
        let next = chars.get(i + 1).copied();
        let useful = matches!(prev, Some(p) if is_persian_letter(p))
            && matches!(next, Some(n) if is_persian_letter(n));
        if useful {
            out.push(c);
        }
    }
    out
}

/// Joins the safe cases with a half-space: standalone می/نمی before a word, standalone ها/های after one.
fn restore_half_spaces(words: Vec<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut pending_prefix = false;
    for word in words {
        let core = word.trim_end_matches(TRAILING_PUNCT);
        let previous_is_word = out
            .last()
            .is_some_and(|p: &String| p.chars().last().is_some_and(is_persian_letter));
        if PLURAL_SUFFIXES.contains(&core) && previous_is_word && !pending_prefix {
            if let Some(prev) = out.last_mut() {
                prev.push(ZWNJ);
                prev.push_str(&word);
                continue;
            }
        }
        let starts_with_letter = word.chars().next().is_some_and(is_persian_letter);
        if pending_prefix && starts_with_letter {
            if let Some(prev) = out.last_mut() {
                prev.push(ZWNJ);
                prev.push_str(&word);
                pending_prefix = false;
                continue;
            }
        }
        pending_prefix = VERB_PREFIXES.contains(&word.as_str());
        out.push(word);
    }
    out
}

/// Latin digits to Persian inside a Persian word, leaving URLs, e-mail addresses and Latin words alone.
fn persian_digits_in_word(word: &str) -> String {
    let latin_letters = word.chars().any(|c| c.is_ascii_alphabetic());
    let looks_like_address = word.contains("://") || word.contains('@') || word.starts_with("www.");
    if latin_letters || looks_like_address {
        return word.to_owned();
    }
    crate::locale::to_persian_digits(word)
}

/// Letters of the Arabic script as used in Persian (not digits, not punctuation).
pub fn is_persian_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
}
