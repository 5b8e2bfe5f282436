//! Stand-in for the normalisation edits API of issue 15 (`text::normalize::{Rule, Edit,
//! persian_edits, apply_edits, paragraph_ranges}`), with the same signatures and contract, so
//! the authoring page is written against that API today. It derives the edits by diffing the
//! text against [`normalize::persian`]'s result instead of knowing the rules; once issue 15
//! is on `main`, this file becomes a re-export of `election_widget::text::normalize`.

use std::ops::Range;

use election_widget::text::normalize::{self, ZWNJ};

/// Which rule made an edit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Arabic ي/ك written as Persian ی/ک.
    ArabicLetter,
    /// Latin or Arabic-Indic digits written as Persian digits.
    Digit,
    /// A hard line break inside a paragraph rejoined.
    LineBreak,
    /// Doubled or edge spaces removed.
    Space,
    /// A half-space restored (می‌، ‌ها).
    HalfSpace,
    /// A half-space that did nothing removed.
    StrayHalfSpace,
}

impl Rule {
    /// A short Persian label for the list of changes.
    pub fn name_fa(self) -> &'static str {
        match self {
            Rule::ArabicLetter => "حرف عربی به فارسی",
            Rule::Digit => "رقم فارسی",
            Rule::LineBreak => "پیوستن سطر شکسته",
            Rule::Space => "فاصلهٔ اضافه",
            Rule::HalfSpace => "نیم‌فاصله",
            Rule::StrayHalfSpace => "نیم‌فاصلهٔ زائد",
        }
    }
}

/// One change the normaliser makes: `text[range]` (`before`) becomes `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    pub range: Range<usize>,
    pub before: String,
    pub after: String,
    pub rule: Rule,
}

/// The changes [`normalize::persian`] makes to `text`: sorted, disjoint, and
/// `apply_edits(text, &persian_edits(text)) == normalize::persian(text)`.
pub fn persian_edits(text: &str) -> Vec<Edit> {
    let target = normalize::persian(text);
    let a: Vec<(usize, char)> = text.char_indices().collect();
    let b: Vec<char> = target.chars().collect();
    let a_chars: Vec<char> = a.iter().map(|(_, c)| *c).collect();
    let byte = |i: usize| a.get(i).map_or(text.len(), |(at, _)| *at);
    hunks(&a_chars, &b)
        .into_iter()
        .map(|(old, new)| {
            let range = byte(old.start)..byte(old.end);
            let before = text[range.clone()].to_owned();
            let after: String = b[new].iter().collect();
            let rule = classify(&before, &after);
            Edit {
                range,
                before,
                after,
                rule,
            }
        })
        .collect()
}

/// `text` with `edits` (sorted, disjoint, from [`persian_edits`]) applied; leaving one out undoes it.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for e in edits {
        if e.range.start < at || e.range.end > text.len() {
            continue;
        }
        out.push_str(&text[at..e.range.start]);
        out.push_str(&e.after);
        at = e.range.end;
    }
    out.push_str(&text[at..]);
    out
}

/// Byte ranges of the paragraphs [`normalize::paragraphs`] finds in `raw`:
/// `paragraphs(raw)[i] == persian(&raw[ranges[i]])`.
pub fn paragraph_ranges(raw: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut offset = 0;
    for line in raw.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let range = start + lead..start + lead + trimmed.len();
        let whole = match current.take() {
            Some(c) => c.start..range.end,
            None => range,
        };
        if trimmed.ends_with(['.', '!', '?', '؟', '؛', '…']) {
            out.push(whole);
        } else {
            current = Some(whole);
        }
    }
    out.extend(current);
    out
}

fn classify(before: &str, after: &str) -> Rule {
    if before.contains(['ي', 'ى', 'ك']) {
        Rule::ArabicLetter
    } else if before
        .chars()
        .any(|c| c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c))
    {
        Rule::Digit
    } else if after.contains(ZWNJ) && !before.contains(ZWNJ) {
        Rule::HalfSpace
    } else if before.contains(['\n', '\r']) {
        Rule::LineBreak
    } else if before.contains(ZWNJ) && !after.contains(ZWNJ) {
        Rule::StrayHalfSpace
    } else {
        Rule::Space
    }
}

/// The differing stretches of `a` and `b` (Myers' O(ND) diff), as pairs of index ranges.
fn hunks(a: &[char], b: &[char]) -> Vec<(Range<usize>, Range<usize>)> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    let off = max as isize + 1;
    let mut v = vec![0isize; 2 * max + 3];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    'search: for d in 0..=max as isize {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
            let mut x = if down {
                v[(off + k + 1) as usize]
            } else {
                v[(off + k - 1) as usize] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[(off + k) as usize] = x;
            if x >= n && y >= m {
                break 'search;
            }
            k += 2;
        }
    }
    // walk back through the trace, collecting (x, y) steps that are not diagonal
    let mut changes: Vec<(Range<usize>, Range<usize>)> = Vec::new();
    let (mut x, mut y) = (n, m);
    for d in (1..trace.len() as isize).rev() {
        let v = &trace[d as usize];
        let k = x - y;
        let down = k == -d || (k != d && v[(off + k - 1) as usize] < v[(off + k + 1) as usize]);
        let prev_k = if down { k + 1 } else { k - 1 };
        let prev_x = v[(off + prev_k) as usize];
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            x -= 1;
            y -= 1;
        }
        // one insertion (down) or deletion (right) step
        let (ox, oy) = (prev_x as usize, prev_y as usize);
        let step = if down {
            (ox..ox, oy..oy + 1)
        } else {
            (ox..ox + 1, oy..oy)
        };
        match changes.last_mut() {
            Some(last) if last.0.start == step.0.end && last.1.start == step.1.end => {
                last.0.start = step.0.start;
                last.1.start = step.1.start;
            }
            _ => changes.push(step),
        }
        x = prev_x;
        y = prev_y;
    }
    changes.reverse();
    changes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_edits_give_the_normalised_text_and_each_can_be_left_out() {
        for text in [
            "علي كريمي ٣٤ می کند",
            " روابط عمومی ها\nو دستگاه های دولتی  ",
            "",
            "سال 1402",
            "کتاب\u{200C}\u{200C} خوب",
        ] {
            let edits = persian_edits(text);
            assert_eq!(
                apply_edits(text, &edits),
                normalize::persian(text),
                "{text:?}"
            );
            for skip in 0..edits.len() {
                let some: Vec<Edit> = edits
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i != skip)
                    .map(|(_, e)| e.clone())
                    .collect();
                let partial = apply_edits(text, &some);
                assert!(partial.contains(&edits[skip].before), "{text:?} {skip}");
            }
        }
    }

    #[test]
    fn paragraph_ranges_match_paragraphs() {
        let raw =
            include_str!("../../../../tests/fixtures/shared/qods-election-pr-committee.fa.txt");
        let ranges = paragraph_ranges(raw);
        let from_ranges: Vec<String> = ranges
            .iter()
            .map(|r| normalize::persian(&raw[r.clone()]))
            .collect();
        assert_eq!(from_ranges, normalize::paragraphs(raw));
    }
}
