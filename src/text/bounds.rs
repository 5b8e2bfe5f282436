//! Bounds on the text that reaches layout (pure).
//!
//! A bulletin under the 1 MiB limit can still be built to be slow: one letter followed by
//! 50,000 combining marks took Chromium 3 s to lay out (45 s in one run), and a title of a
//! megabyte is no title. Every text field is therefore cut to a length far above what a news
//! card needs, and runs of combining marks to [`MAX_MARKS`] per base character (Persian and
//! Arabic use at most three or four: a letter with shadda, a vowel and a hamza).

/// Combining marks kept after one base character.
pub const MAX_MARKS: usize = 8;

/// Whether `c` is a combining mark or another character that stacks on the one before it
/// (variation selectors, the combining blocks of Latin, Greek, Cyrillic, Hebrew, Arabic,
/// Syriac, Thaana, N'Ko and the symbols' combining marks).
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{0300}'..='\u{036F}' | '\u{0483}'..='\u{0489}' | '\u{0591}'..='\u{05BD}' | '\u{05BF}'
        | '\u{05C1}'..='\u{05C2}' | '\u{05C4}'..='\u{05C5}' | '\u{05C7}' | '\u{0610}'..='\u{061A}'
        | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06DC}' | '\u{06DF}'..='\u{06E4}'
        | '\u{06E7}'..='\u{06E8}' | '\u{06EA}'..='\u{06ED}' | '\u{0711}' | '\u{0730}'..='\u{074A}'
        | '\u{07A6}'..='\u{07B0}' | '\u{07EB}'..='\u{07F3}' | '\u{0816}'..='\u{082D}'
        | '\u{0859}'..='\u{085B}' | '\u{0898}'..='\u{089F}' | '\u{08CA}'..='\u{08E1}'
        | '\u{08E3}'..='\u{08FF}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE00}'..='\u{FE0F}' | '\u{FE20}'..='\u{FE2F}'
        | '\u{E0100}'..='\u{E01EF}')
}

/// What bounding a text changed, for the console.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Cut {
    /// Combining marks dropped (runs longer than [`MAX_MARKS`]).
    pub marks: usize,
    /// The text was longer than its limit: its end was dropped.
    pub shortened: bool,
}

/// `s` with runs of combining marks cut to [`MAX_MARKS`] and at most `max_chars`
/// characters (an ellipsis ends a shortened text), and what was cut. One pass.
pub fn bound(s: &str, max_chars: usize) -> (String, Cut) {
    let mut cut = Cut::default();
    let mut out = String::with_capacity(s.len().min(max_chars.saturating_mul(4)));
    let mut run = 0;
    let mut kept = 0;
    for c in s.chars() {
        if is_mark(c) {
            run += 1;
            if run > MAX_MARKS {
                cut.marks += 1;
                continue;
            }
        } else {
            run = 0;
        }
        if kept == max_chars {
            // the last character kept gives way to the ellipsis
            out.pop();
            let end = out.trim_end().len();
            out.truncate(end);
            out.push('…');
            cut.shortened = true;
            break;
        }
        out.push(c);
        kept += 1;
    }
    (out, cut)
}

/// [`bound`], with one console warning naming `path` when anything was cut.
pub fn bounded(s: String, max_chars: usize, path: &str, warnings: &mut Vec<String>) -> String {
    if s.len() <= max_chars && !s.chars().any(is_mark) {
        return s;
    }
    let (text, cut) = bound(&s, max_chars);
    if cut.marks > 0 {
        warnings.push(format!(
            "{path}: {} combining marks dropped (at most {MAX_MARKS} are kept on one letter)",
            cut.marks
        ));
    }
    if cut.shortened {
        warnings.push(format!(
            "{path}: longer than {max_chars} characters; shortened"
        ));
    }
    text
}
