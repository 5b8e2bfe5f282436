//! A pasted press release, split into the card's parts: kicker (روتیتر), title, lead and
//! body paragraphs, each with the normalisation edits that the officer may undo one by one.
//!
//! Text comes out of PDFs and word processors in two shapes: blank lines between blocks
//! (often also between the hard-wrapped lines of one paragraph), or one paragraph per line.
//! - The kicker is a short first line that ends in «؛» or «:».
//! - The title is the next block: its lines up to the first blank line when the text has
//!   blank lines, else the next line alone.
//! - The rest is split into paragraphs by the widget's own rule
//!   ([`paragraph_ranges`]: a blank line ends a paragraph only after a sentence); the first
//!   is the lead, the others the body.

use std::ops::Range;

use super::edits::{apply_edits, paragraph_ranges, persian_edits, Edit};

/// The longest line (in characters) still read as a kicker.
const KICKER_MAX_CHARS: usize = 120;

/// One part of the release: where it is in the pasted text, and what normalising changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Byte range in the pasted text, without surrounding white space.
    pub range: Range<usize>,
    /// Edits relative to `range.start`.
    pub edits: Vec<Edit>,
}

impl Part {
    fn new(raw: &str, range: Range<usize>) -> Part {
        let edits = persian_edits(&raw[range.clone()]);
        Part { range, edits }
    }

    /// The part's text with every edit applied except those `undone` says to leave out.
    pub fn text(&self, raw: &str, undone: impl Fn(&Edit) -> bool) -> String {
        let kept: Vec<Edit> = self.edits.iter().filter(|e| !undone(e)).cloned().collect();
        raw.get(self.range.clone())
            .map(|s| apply_edits(s, &kept))
            .unwrap_or_default()
    }
}

/// Which part of a release a piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PartName {
    Kicker,
    Title,
    Lead,
    /// The n-th body paragraph.
    Body(usize),
}

/// A release split into parts.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Pasted {
    pub kicker: Option<Part>,
    pub title: Option<Part>,
    pub lead: Option<Part>,
    pub body: Vec<Part>,
}

impl Pasted {
    /// Every part with its name, in reading order.
    pub fn parts(&self) -> Vec<(PartName, &Part)> {
        let mut out = Vec::new();
        if let Some(k) = &self.kicker {
            out.push((PartName::Kicker, k));
        }
        if let Some(t) = &self.title {
            out.push((PartName::Title, t));
        }
        if let Some(l) = &self.lead {
            out.push((PartName::Lead, l));
        }
        out.extend(
            self.body
                .iter()
                .enumerate()
                .map(|(i, p)| (PartName::Body(i), p)),
        );
        out
    }
}

/// A line of the pasted text: its byte range without the line break, and whether it is blank.
struct Line {
    range: Range<usize>,
    blank: bool,
}

fn lines(raw: &str) -> Vec<Line> {
    let mut out = Vec::new();
    let mut at = 0;
    for piece in raw.split_inclusive('\n') {
        let content = piece.trim_end_matches(['\n', '\r']);
        out.push(Line {
            range: at..at + content.len(),
            blank: content.trim().is_empty(),
        });
        at += piece.len();
    }
    out
}

/// `range` without white space at either end.
fn trimmed(raw: &str, range: Range<usize>) -> Range<usize> {
    let s = &raw[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    start..start + s.trim().len()
}

/// Splits a pasted release into kicker, title, lead and body.
pub fn split(raw: &str) -> Pasted {
    let lines = lines(raw);
    let mut i = 0;
    let skip_blank = |mut i: usize| {
        while lines.get(i).is_some_and(|l| l.blank) {
            i += 1;
        }
        i
    };
    i = skip_blank(i);
    let mut pasted = Pasted::default();
    let Some(first) = lines.get(i) else {
        return pasted;
    };
    let first_text = raw[first.range.clone()].trim();
    let more_follows = lines[i + 1..].iter().any(|l| !l.blank);
    if more_follows
        && first_text.ends_with(['؛', ':', ';'])
        && first_text.chars().count() <= KICKER_MAX_CHARS
    {
        pasted.kicker = Some(Part::new(raw, trimmed(raw, first.range.clone())));
        i = skip_blank(i + 1);
    }
    let Some(title_first) = lines.get(i) else {
        return pasted;
    };
    let has_blank_lines = lines[i..].iter().any(|l| l.blank);
    let mut end = i + 1;
    if has_blank_lines {
        while lines.get(end).is_some_and(|l| !l.blank) {
            end += 1;
        }
    }
    let title_range = title_first.range.start..lines[end - 1].range.end;
    pasted.title = Some(Part::new(raw, trimmed(raw, title_range)));
    let rest_start = lines.get(end).map_or(raw.len(), |l| l.range.start);
    let rest = &raw[rest_start..];
    let mut paragraphs = paragraph_ranges(rest)
        .into_iter()
        .map(|r| Part::new(raw, trimmed(raw, r.start + rest_start..r.end + rest_start)));
    pasted.lead = paragraphs.next();
    pasted.body = paragraphs.collect();
    pasted
}
