//! Persian text normalisation for display: the text as an editor would set it, conservative by design.
//!
//! Press offices paste text out of PDFs and Word: presentation forms instead of letters, Arabic
//! ي/ك instead of Persian ی/ک, kashidas, Latin digits, hard-wrapped lines, doubled spaces, spaces
//! around punctuation where none belongs, and lost or doubled half-spaces (ZWNJ, U+200C). This
//! module repairs what can be repaired without a dictionary, plus a short curated list of
//! compounds, and leaves everything else as written: a wrong "fix" is worse than a missing one.
//! It is applied to Persian text only; Arabic, Urdu and other languages are never rewritten.
//!
//! Every change is recorded against the input's bytes ([`persian_edits`]), so that the authoring
//! page can list what normalisation did, and undo any one change ([`apply_edits`]). Internally the
//! text is a list of `Piece`s, one per input character at first, each knowing the bytes it
//! came from; the passes below rewrite pieces, or insert new empty-sourced ones, never lose them.

use std::ops::Range;

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

/// Verb and pronoun endings written apart after a final «ه» («گفته اند», «نامه اش»): hazm's pattern.
const ENDINGS: [&str; 7] = ["ام", "ای", "ایم", "اید", "اند", "اش", "ات"];

/// Words after which «ای» is a vocative («که ای …»), not an ending.
const NO_ENDING_AFTER: [&str; 3] = ["که", "چه", "نه"];

/// Words ending in «یها» that are not plurals: Arabic «ها» (her, it) after a word ending in «ی»,
/// as quotations and honorifics carry them («سلام‌الله علیها», «ام‌ابیها», «یا ایها الناس»).
const NOT_PLURAL: [&str; 7] = ["ایها", "علیها", "فیها", "الیها", "لدیها", "ابیها", "مافیها"];

/// Compounds that election and administrative news write every day, restored with a half-space
/// when written apart or joined: (first part, second part, not when «از» follows). «اطلاع‌رسانی»,
/// «انسجام‌بخشی», «برنامه‌ریزی», «نقش‌آفرین» and «هم‌افزایی» are the seed article's, set so in the
/// sample bulletin (src/assets/bulletin.fa.json); all but «هم‌افزایی» are in hazm's lexicon (hazm/data/words.dat) with their half-space («رای‌گیری» as
/// «رأی‌گیری»). The second parts are bound forms that never stand alone, except «بخشی» (a part),
/// hence «انسجام بخشی از …» (the cohesion of a part of …) is left apart, and «آفرین» (bravo),
/// which cannot follow «نقش» as a word of its own. Joined, none is a word.
const COMPOUNDS: [(&str, &str, bool); 10] = [
    ("اطلاع", "رسانی", false),
    ("انسجام", "بخشی", true),
    ("برنامه", "ریزی", false),
    ("نقش", "آفرین", false),
    ("نقش", "آفرینی", false),
    ("هم", "افزایی", false),
    ("هم", "اندیشی", false),
    ("رأی", "گیری", false),
    ("رای", "گیری", false),
    ("تصمیم", "گیری", false),
];

/// Opening brackets and quotes: a space outside, none inside.
const OPENING: [char; 4] = ['(', '[', '{', '«'];
/// Closing brackets and quotes.
const CLOSING: [char; 4] = [')', ']', '}', '»'];
/// Punctuation that takes no space before it and one after: «، . : ؛ ؟ !».
const ENDING_PUNCT: [char; 6] = ['،', '.', ':', '؛', '؟', '!'];
/// Punctuation after which a new phrase starts (for the script a number goes with).
const PHRASE_END: [char; 5] = [':', '،', ',', ';', '؛'];
/// Punctuation that may trail a word without being part of it.
const TRAILING_PUNCT: &[char] = &[
    '،', '؛', '؟', '.', ',', ':', ';', '!', '?', ')', ']', '}', '»', '"',
];
/// What may open a word without being part of it.
const LEADING_PUNCT: &[char] = &['(', '[', '{', '«', '"'];

/// Which rule made an edit (for the authoring page's list of changes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Rule {
    /// Arabic «ي», «ى» and «ك» written as Persian «ی» and «ک».
    Letters,
    /// An Arabic presentation form (a letter's shape, as PDFs store it) written as its letter.
    PresentationForm,
    /// A kashida (ـ), the stretching stroke, removed.
    Kashida,
    /// Latin or Arabic-Indic digits written as Persian digits.
    Digits,
    /// A run of spaces made one, or spaces at either end removed.
    Spaces,
    /// A line break inside a paragraph made a space.
    LineBreak,
    /// A half-space restored, or a stray one removed.
    HalfSpace,
    /// Spacing around punctuation, brackets and quotes.
    Punctuation,
    /// A compound of the curated list joined with its half-space.
    Compound,
    /// A Persian number's decimal point «٫» or percent sign «٪».
    Number,
}

impl Rule {
    /// A short Persian label for the rule.
    pub fn name_fa(self) -> &'static str {
        match self {
            Rule::Letters => "ی و ک فارسی",
            Rule::PresentationForm => "شکل نمایشی حروف",
            Rule::Kashida => "کشیده",
            Rule::Digits => "رقم فارسی",
            Rule::Spaces => "فاصلهٔ اضافی",
            Rule::LineBreak => "شکست سطر",
            Rule::HalfSpace => "نیم‌فاصله",
            Rule::Punctuation => "فاصله‌گذاری نشانه‌ها",
            Rule::Compound => "واژهٔ مرکب",
            Rule::Number => "ممیز و درصد",
        }
    }
}

/// One change normalisation makes: the input's bytes `range` (`before`) become `after`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edit {
    /// The bytes of the input it replaces (empty for an insertion).
    pub range: Range<usize>,
    /// The input's text in `range`.
    pub before: String,
    /// What normalisation writes instead.
    pub after: String,
    /// The rule that made it.
    pub rule: Rule,
}

/// Normalises one paragraph of Persian text (line breaks inside it become spaces).
pub fn persian(text: &str) -> String {
    pieces(text).iter().flat_map(Piece::text).collect()
}

/// The edits `persian(text)` makes, sorted and non-overlapping, such that
/// `apply_edits(text, &persian_edits(text)) == persian(text)`.
///
/// An edit is a word or a gap between words: a word whose changes all come from one rule is one
/// edit, and a space that became a half-space (or vanished) takes the unchanged words on either
/// side with it («دستگاه ها» → «دستگاه‌ها»), so each edit reads on its own in a list.
pub fn persian_edits(text: &str) -> Vec<Edit> {
    edits(text, &pieces(text))
}

/// `text` with the given edits applied (a subset: leaving one out undoes it). Edits out of order,
/// overlapping one already applied, or whose `before` is not what `text` holds there are skipped.
pub fn apply_edits(text: &str, edits: &[Edit]) -> String {
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut at = 0;
    for e in edits {
        if e.range.start < at || text.get(e.range.clone()) != Some(e.before.as_str()) {
            continue;
        }
        out.push_str(text.get(at..e.range.start).unwrap_or(""));
        out.push_str(&e.after);
        at = e.range.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// Splits raw text into paragraphs, rejoining lines that a PDF hard-wrapped.
///
/// Blank lines separate paragraphs only where the text before them ends a sentence;
/// a break after a word that does not end one (as in «…کمیته تبلیغات و⏎⏎اطلاع‌رسانی») is a
/// wrap, not a paragraph. Each paragraph is then normalised with [`persian`].
pub fn paragraphs(raw: &str) -> Vec<String> {
    paragraph_ranges(raw)
        .into_iter()
        .map(|r| persian(raw.get(r).unwrap_or("")))
        .collect()
}

/// The byte ranges of `raw` that `paragraphs(raw)` turns into its paragraphs, in order, such
/// that `paragraphs(raw)[i] == persian(&raw[ranges[i]])`.
pub fn paragraph_ranges(raw: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut current: Option<Range<usize>> = None;
    let mut line_start = 0;
    for line in raw.split_inclusive('\n') {
        let at = line_start;
        line_start += line.len();
        // a line of nothing that normalisation keeps is blank
        if line
            .chars()
            .all(|c| c.is_whitespace() || c == ZWNJ || c == '\u{0640}')
        {
            continue;
        }
        let trimmed = line.trim();
        let start = at + (line.len() - line.trim_start().len());
        let end = start + trimmed.len();
        let range = current.get_or_insert(start..end);
        range.end = end;
        if ends_sentence(trimmed) {
            out.extend(current.take());
        }
    }
    out.extend(current);
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['.', '!', '?', '؟', '؛', '…'])
}

/// Letters of the Arabic script as used in Persian (not digits, not punctuation).
pub fn is_persian_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
}

/// Letters of the left-to-right scripts feeds carry: Latin, Greek, Cyrillic.
fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{370}'..='\u{52F}' | '\u{1E00}'..='\u{1FFF}')
            && c != '×'
            && c != '÷'
}

fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

fn is_persian_digit(c: char) -> bool {
    matches!(c, '\u{06F0}'..='\u{06F9}')
}

/// Which side of the bidi divide a letter is on.
#[derive(Clone, Copy, PartialEq)]
enum Script {
    Persian,
    Latin,
}

/// Letters (and the Persian-only punctuation «، ؛ ؟») by script; anything else has none.
fn script(c: char) -> Option<Script> {
    if is_persian_letter(c) || matches!(c, '،' | '؛' | '؟') {
        Some(Script::Persian)
    } else if is_latin_letter(c) {
        Some(Script::Latin)
    } else {
        None
    }
}

/// A word without what opens it: «(می» → «می».
fn lead(w: &str) -> &str {
    w.trim_start_matches(LEADING_PUNCT)
}

/// A word without what trails it: «ها،» → «ها».
fn trail(w: &str) -> &str {
    w.trim_end_matches(TRAILING_PUNCT)
}

/// URLs and e-mail addresses: never touched inside.
fn is_address(w: &[char]) -> bool {
    let w = &w[w.iter().take_while(|c| LEADING_PUNCT.contains(c)).count()..];
    w.contains(&'@')
        || w.windows(3).any(|x| x == [':', '/', '/'])
        || w.starts_with(&['w', 'w', 'w', '.'])
}

// ---------------------------------------------------------------------------------------------
// Pieces

/// A piece of the output and the input bytes it stands for (empty for an insertion).
#[derive(Default)]
struct Piece {
    src: Range<usize>,
    /// Its text: none, one or two characters (a lam-alef ligature), kept inline.
    out: [char; 2],
    len: u8,
    /// The rule that last changed it.
    rule: Option<Rule>,
    /// A run of whitespace between words (or at an end), made one piece.
    gap: bool,
}

impl Piece {
    fn new(src: Range<usize>, text: Option<char>, rule: Option<Rule>, gap: bool) -> Piece {
        let mut p = Piece {
            src,
            rule,
            gap,
            ..Piece::default()
        };
        p.set(text);
        p
    }

    fn text(&self) -> impl Iterator<Item = char> + '_ {
        self.out.iter().take(self.len.into()).copied()
    }

    fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn set(&mut self, c: Option<char>) {
        self.out[0] = c.unwrap_or_default();
        self.len = c.is_some().into();
    }
}

fn pieces(text: &str) -> Vec<Piece> {
    let mut p = spaces(text, letters(text));
    punctuation(&mut p);
    joins(&mut p);
    numbers(&mut p);
    p
}

/// The output as characters, each with the index of its piece.
struct View {
    c: Vec<char>,
    piece: Vec<usize>,
}

impl View {
    fn of(pieces: &[Piece]) -> View {
        let mut v = View {
            c: Vec::with_capacity(pieces.len()),
            piece: Vec::with_capacity(pieces.len()),
        };
        for (i, p) in pieces.iter().enumerate() {
            for c in p.text() {
                v.c.push(c);
                v.piece.push(i);
            }
        }
        v
    }

    /// The words: runs of characters between spaces.
    fn words(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, &c) in self.c.iter().enumerate() {
            if c == ' ' {
                if start < i {
                    out.push(start..i);
                }
                start = i + 1;
            }
        }
        if start < self.c.len() {
            out.push(start..self.c.len());
        }
        out
    }

    fn string(&self, r: &Range<usize>) -> String {
        self.c.get(r.clone()).unwrap_or_default().iter().collect()
    }

    /// Whether character `i` is the last of its piece (so that inserting after the piece
    /// inserts after the character).
    fn ends_piece(&self, i: usize) -> bool {
        self.piece.get(i + 1) != self.piece.get(i)
    }
}

/// Changes one pass makes, applied together so the pass reads a stable [`View`].
struct Ops {
    /// Piece, its new text (one character or none), the rule.
    set: Vec<(usize, Option<char>, Rule)>,
    /// Per piece, a character inserted after it (the first asked for).
    insert: Vec<Option<(char, Rule)>>,
}

impl Ops {
    fn new(pieces: &[Piece]) -> Ops {
        Ops {
            set: Vec::new(),
            insert: vec![None; pieces.len()],
        }
    }

    fn insert(&mut self, piece: usize, c: char, rule: Rule) {
        if let Some(slot) = self.insert.get_mut(piece) {
            slot.get_or_insert((c, rule));
        }
    }

    fn apply(self, pieces: &mut Vec<Piece>) {
        for (i, c, rule) in self.set {
            if let Some(p) = pieces.get_mut(i) {
                p.set(c);
                p.rule = Some(rule);
            }
        }
        if self.insert.iter().all(Option::is_none) {
            return;
        }
        let old = std::mem::take(pieces);
        for (p, insert) in old.into_iter().zip(self.insert) {
            let at = p.src.end;
            pieces.push(p);
            if let Some((c, rule)) = insert {
                pieces.push(Piece::new(at..at, Some(c), Some(rule), false));
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Pass 1: characters

/// One piece per character: letters, presentation forms, kashidas and Arabic-Indic digits mapped.
fn letters(text: &str) -> Vec<Piece> {
    text.char_indices()
        .map(|(i, c)| {
            let mut p = Piece::new(i..i + c.len_utf8(), None, None, false);
            p.rule = map_char(c, &mut p);
            p
        })
        .collect()
}

/// Writes what `c` becomes to `out`; the rule if it changed.
fn map_char(c: char, out: &mut Piece) -> Option<Rule> {
    let rule = match c {
        'ي' | 'ى' | 'ك' => Rule::Letters,
        '\u{0660}'..='\u{0669}' => Rule::Digits,
        '\u{0640}' => return Some(Rule::Kashida),
        '\u{FEF5}'..='\u{FEFC}' => {
            // lam-alef ligatures: lam, then alef with madda, hamza above, hamza below, or bare
            out.out = ['ل', ['آ', 'أ', 'إ', 'ا'][(c as usize - 0xFEF5) / 2]];
            out.len = 2;
            return Some(Rule::PresentationForm);
        }
        _ => match presentation_form(c) {
            Some(letter) => {
                out.set(Some(persian_letter(letter)));
                return Some(Rule::PresentationForm);
            }
            None => {
                out.set(Some(c));
                return None;
            }
        },
    };
    out.set(Some(persian_letter(c)));
    Some(rule)
}

/// Arabic letters and digits as Persian writes them.
fn persian_letter(c: char) -> char {
    match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        '\u{0660}'..='\u{0669}' => char::from_u32(c as u32 - 0x0660 + 0x06F0).unwrap_or(c),
        _ => c,
    }
}

/// The presentation forms of single letters, as (first code point, letter), each block running to
/// the next; 0 starts a block of ligatures and symbols, which stay. From the compatibility
/// decompositions of UnicodeData.txt (checked in tests against tests/fixtures/presentation-forms.txt).
const FORMS: &[(u16, u16)] = &[
    (0xFB50, 0x0671),
    (0xFB52, 0x067B),
    (0xFB56, 0x067E),
    (0xFB5A, 0x0680),
    (0xFB5E, 0x067A),
    (0xFB62, 0x067F),
    (0xFB66, 0x0679),
    (0xFB6A, 0x06A4),
    (0xFB6E, 0x06A6),
    (0xFB72, 0x0684),
    (0xFB76, 0x0683),
    (0xFB7A, 0x0686),
    (0xFB7E, 0x0687),
    (0xFB82, 0x068D),
    (0xFB84, 0x068C),
    (0xFB86, 0x068E),
    (0xFB88, 0x0688),
    (0xFB8A, 0x0698),
    (0xFB8C, 0x0691),
    (0xFB8E, 0x06A9),
    (0xFB92, 0x06AF),
    (0xFB96, 0x06B3),
    (0xFB9A, 0x06B1),
    (0xFB9E, 0x06BA),
    (0xFBA0, 0x06BB),
    (0xFBA4, 0x06C0),
    (0xFBA6, 0x06C1),
    (0xFBAA, 0x06BE),
    (0xFBAE, 0x06D2),
    (0xFBB0, 0x06D3),
    (0xFBB2, 0),
    (0xFBD3, 0x06AD),
    (0xFBD7, 0x06C7),
    (0xFBD9, 0x06C6),
    (0xFBDB, 0x06C8),
    (0xFBDD, 0x0677),
    (0xFBDE, 0x06CB),
    (0xFBE0, 0x06C5),
    (0xFBE2, 0x06C9),
    (0xFBE4, 0x06D0),
    (0xFBE8, 0x0649),
    (0xFBEA, 0),
    (0xFBFC, 0x06CC),
    (0xFC00, 0),
    (0xFE80, 0x0621),
    (0xFE81, 0x0622),
    (0xFE83, 0x0623),
    (0xFE85, 0x0624),
    (0xFE87, 0x0625),
    (0xFE89, 0x0626),
    (0xFE8D, 0x0627),
    (0xFE8F, 0x0628),
    (0xFE93, 0x0629),
    (0xFE95, 0x062A),
    (0xFE99, 0x062B),
    (0xFE9D, 0x062C),
    (0xFEA1, 0x062D),
    (0xFEA5, 0x062E),
    (0xFEA9, 0x062F),
    (0xFEAB, 0x0630),
    (0xFEAD, 0x0631),
    (0xFEAF, 0x0632),
    (0xFEB1, 0x0633),
    (0xFEB5, 0x0634),
    (0xFEB9, 0x0635),
    (0xFEBD, 0x0636),
    (0xFEC1, 0x0637),
    (0xFEC5, 0x0638),
    (0xFEC9, 0x0639),
    (0xFECD, 0x063A),
    (0xFED1, 0x0641),
    (0xFED5, 0x0642),
    (0xFED9, 0x0643),
    (0xFEDD, 0x0644),
    (0xFEE1, 0x0645),
    (0xFEE5, 0x0646),
    (0xFEE9, 0x0647),
    (0xFEED, 0x0648),
    (0xFEEF, 0x0649),
    (0xFEF1, 0x064A),
    // lam-alef (FEF5–FEFC) is two letters: see map_char
    (0xFEF5, 0),
];

/// The letter a presentation form stands for, if it is one letter's form.
fn presentation_form(c: char) -> Option<char> {
    let cp = u16::try_from(c as u32).ok()?;
    if !(0xFB50..=0xFDEF).contains(&cp) && !(0xFE80..=0xFEFC).contains(&cp) {
        return None;
    }
    let i = FORMS.partition_point(|&(start, _)| start <= cp);
    let (_, letter) = FORMS.get(i.checked_sub(1)?)?;
    char::from_u32((*letter).into()).filter(|&c| c != '\0')
}

// ---------------------------------------------------------------------------------------------
// Pass 2: spaces and stray half-spaces

/// Each run of whitespace (with any half-spaces and removed kashidas in it) becomes one gap piece:
/// a single space between words, nothing at either end. Then half-spaces that join nothing go.
fn spaces(text: &str, mut pieces: Vec<Piece>) -> Vec<Piece> {
    let blank = |p: &Piece| p.text().all(|c| c.is_whitespace() || c == ZWNJ);
    let n = pieces.len();
    let mut out: Vec<Piece> = Vec::with_capacity(n);
    let mut seen = false;
    let mut i = 0;
    while i < n {
        if pieces[i].is_empty() || !blank(&pieces[i]) {
            seen |= !pieces[i].is_empty();
            out.push(std::mem::take(&mut pieces[i]));
            i += 1;
            continue;
        }
        let (mut j, mut last) = (i, i);
        let (mut space, mut line_break, mut zwnj) = (false, false, false);
        while j < n && blank(&pieces[j]) {
            for c in pieces[j].text() {
                zwnj |= c == ZWNJ;
                space |= c != ZWNJ;
                line_break |= matches!(
                    c,
                    '\n' | '\r' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}'
                );
            }
            if !pieces[j].is_empty() {
                last = j;
            }
            j += 1;
        }
        let end = if j == n { n } else { last + 1 };
        if !space {
            // half-spaces alone: judged below, where their neighbours are known
            out.extend(pieces[i..end].iter_mut().map(std::mem::take));
            i = end;
            continue;
        }
        let edge = !seen || j == n;
        let src = pieces[i].src.start..pieces[end - 1].src.end;
        let to = (!edge).then_some(' ');
        let rule = if text.get(src.clone()) == Some(if edge { "" } else { " " }) {
            None
        } else if line_break && !edge {
            Some(Rule::LineBreak)
        } else if zwnj {
            Some(Rule::HalfSpace)
        } else {
            Some(Rule::Spaces)
        };
        out.push(Piece::new(src, to, rule, true));
        i = end;
    }
    // a half-space stays only between two letters, and only once
    let v = View::of(&out);
    let mut ops = Ops::new(&out);
    let mut last = None;
    for (k, &c) in v.c.iter().enumerate() {
        if c == ZWNJ {
            let next = v.c.get(k + 1).copied();
            if !(last.is_some_and(is_persian_letter) && next.is_some_and(is_persian_letter)) {
                ops.set.push((v.piece[k], None, Rule::HalfSpace));
                continue;
            }
        }
        last = Some(c);
    }
    ops.apply(&mut out);
    out
}

// ---------------------------------------------------------------------------------------------
// Pass 3: punctuation

/// No space before «، . : ؛ ؟ !» and one after; a space outside brackets and quotes, none inside.
/// Only in Persian text: «. : !» act where the nearest letter before them is Persian, brackets
/// where the text beside them is; times, decimals («۱۲:۳۰», «۴۲.۵»), single-letter abbreviations («ه.ش», «ج.ا.ا»),
/// URLs and e-mail addresses, and Latin text stay as written.
fn punctuation(pieces: &mut Vec<Piece>) {
    let v = View::of(pieces);
    let n = v.c.len();
    // the script of the nearest letter before each character
    let mut before = Vec::with_capacity(n);
    let mut s = None;
    for &c in &v.c {
        before.push(s);
        s = script(c).or(s);
    }
    let mut address = vec![false; n];
    for w in v.words() {
        if is_address(&v.c[w.clone()]) {
            address[w].fill(true);
        }
    }
    let persian = |x: Option<Script>| x == Some(Script::Persian);
    let gap = |i: usize| v.c.get(i) == Some(&' ') && pieces[v.piece[i]].gap;
    // whether the punctuation at `k` takes a space after it
    let spaced = |k: usize| {
        let c = v.c[k];
        let Some(&next) = v.c.get(k + 1) else {
            return false;
        };
        if ENDING_PUNCT.contains(&next) || address[k] || address[k + 1] {
            return false;
        }
        if matches!(c, '،' | '؛' | '؟') {
            return script(next).is_some() || OPENING.contains(&next);
        }
        // «ه.ش», «ج.ا.ا»: a single letter before the dot is an abbreviation
        let abbreviation = c == '.'
            && k >= 1
            && is_persian_letter(v.c[k - 1])
            && !(k >= 2 && is_persian_letter(v.c[k - 2]));
        persian(before[k]) && !abbreviation && (is_persian_letter(next) || OPENING.contains(&next))
    };
    let mut ops = Ops::new(pieces);
    for i in 0..n {
        let c = v.c[i];
        if address[i] || c == ' ' || is_persian_letter(c) {
            continue;
        }
        let prev = i.checked_sub(1).map(|k| v.c[k]);
        let next = v.c.get(i + 1).copied();
        let insert_after = |ops: &mut Ops, k: usize| {
            if v.ends_piece(k) {
                ops.insert(v.piece[k], ' ', Rule::Punctuation);
            }
        };
        if ENDING_PUNCT.contains(&c) {
            let in_persian = matches!(c, '،' | '؛' | '؟') || persian(before[i]);
            if i >= 2 && gap(i - 1) && !address[i - 2] && in_persian {
                // what follows the run of punctuation this one starts
                let mut j = i + 1;
                while v.c.get(j).is_some_and(|c| ENDING_PUNCT.contains(c)) {
                    j += 1;
                }
                let follows = match v.c.get(j) {
                    None | Some(' ') => true,
                    Some(&f) => c != ':' && CLOSING.contains(&f),
                } || spaced(j - 1);
                if follows {
                    ops.set.push((v.piece[i - 1], None, Rule::Punctuation));
                }
            }
            if spaced(i) {
                insert_after(&mut ops, i);
            }
        } else if OPENING.contains(&c) {
            let inside = v.c.get(i + 2).copied();
            if gap(i + 1)
                && inside.is_some_and(|c| is_persian_letter(c) || is_digit(c) && persian(before[i]))
            {
                ops.set.push((v.piece[i + 1], None, Rule::Punctuation));
            }
            if i >= 1 && prev.is_some_and(is_persian_letter) {
                insert_after(&mut ops, i - 1);
            }
        } else if CLOSING.contains(&c) {
            if i >= 1 && gap(i - 1) && persian(before[i - 1]) && !(i >= 2 && address[i - 2]) {
                ops.set.push((v.piece[i - 1], None, Rule::Punctuation));
            }
            if next.is_some_and(is_persian_letter) {
                insert_after(&mut ops, i);
            }
        }
    }
    ops.apply(pieces);
}

// ---------------------------------------------------------------------------------------------
// Pass 4: half-spaces and compounds

/// Joins with a half-space the safe cases between two words (see [`join`]) and inside one word
/// written joined (see [`inner_joins`]).
fn joins(pieces: &mut Vec<Piece>) {
    let v = View::of(pieces);
    let ranges = v.words();
    let words: Vec<String> = ranges.iter().map(|r| v.string(r)).collect();
    let mut ops = Ops::new(pieces);
    for (k, r) in ranges.iter().enumerate() {
        for (at, rule) in inner_joins(&words[k]) {
            let i = r.start + at - 1;
            if v.ends_piece(i) {
                ops.insert(v.piece[i], ZWNJ, rule);
            }
        }
        let Some(next) = words.get(k + 1) else {
            continue;
        };
        let before = k.checked_sub(1).map(|j| words[j].as_str());
        let after = words.get(k + 2).map(String::as_str);
        if let Some(rule) = join(before, &words[k], next, after) {
            ops.set.push((v.piece[r.end], Some(ZWNJ), rule));
        }
    }
    ops.apply(pieces);
}

/// Whether the space between `a` and `b` is a half-space (`w0` before them, `w3` after):
/// - «می»/«نمی» written apart from the verb, except «می» as the month May (after a number or «ماه»);
/// - the plural suffixes «ها», «های», … written apart from the noun;
/// - «ام، ای، ایم، اید، اند، اش، ات» after a word ending in «ه», except after «که، چه، نه»;
/// - the curated [`COMPOUNDS`].
fn join(w0: Option<&str>, a: &str, b: &str, w3: Option<&str>) -> Option<Rule> {
    if lead(b) != b {
        return None;
    }
    let bare_a = lead(a);
    let a_ends = trail(a) == a;
    let b_core = trail(b);
    let last = a.chars().last()?;
    if a_ends && VERB_PREFIXES.contains(&bare_a) {
        let may = bare_a == "می"
            && w0.is_some_and(|w| {
                let w = trail(lead(w));
                w == "ماه" || (!w.is_empty() && w.chars().all(is_digit))
            });
        let verb = b.chars().next().is_some_and(is_persian_letter);
        return (!may && verb && !PLURAL_SUFFIXES.contains(&b_core)).then_some(Rule::HalfSpace);
    }
    if is_persian_letter(last) && PLURAL_SUFFIXES.contains(&b_core) {
        return Some(Rule::HalfSpace);
    }
    if a_ends
        && last == 'ه'
        && bare_a.chars().count() >= 2
        && !NO_ENDING_AFTER.contains(&bare_a)
        && ENDINGS.contains(&b_core)
    {
        return Some(Rule::HalfSpace);
    }
    let compound = COMPOUNDS.iter().any(|&(x, y, not_before_az)| {
        x == bare_a
            && b_core.strip_prefix(y).is_some_and(compound_rest)
            && !(not_before_az && w3.is_some_and(|w| lead(w) == "از"))
    });
    (a_ends && compound).then_some(Rule::Compound)
}

/// What may follow a compound in its word: nothing, a half-space and more, or a joined plural.
fn compound_rest(rest: &str) -> bool {
    rest.is_empty() || rest.starts_with(ZWNJ) || rest == "ها" || rest == "های"
}

/// Where half-spaces go inside one word written joined, as (characters before it, rule): a
/// compound of the list («اطلاعرسانی»), and a plural joined after «ی» («عمومیهای»; word-final
/// only, so «کیهان» stays, and not the Arabic words of [`NOT_PLURAL`]).
fn inner_joins(word: &str) -> Vec<(usize, Rule)> {
    let mut out = Vec::new();
    let bare = lead(word);
    let offset = word.chars().count() - bare.chars().count();
    let core = trail(bare);
    for &(x, y, _) in &COMPOUNDS {
        if core
            .strip_prefix(x)
            .and_then(|r| r.strip_prefix(y))
            .is_some_and(compound_rest)
        {
            out.push((offset + x.chars().count(), Rule::Compound));
            break;
        }
    }
    // forward on purpose: a reverse search would add its own code to the module
    #[allow(clippy::double_ended_iterator_last)]
    let last = core.split(ZWNJ).last().unwrap_or("");
    if NOT_PLURAL.contains(&last) {
        return out;
    }
    if let Some(stem) = last.strip_suffix("های").or_else(|| last.strip_suffix("ها")) {
        let mut rev = stem.chars().rev();
        if rev.next() == Some('ی') && rev.next().is_some_and(is_persian_letter) {
            let at = core.chars().count() - last.chars().count() + stem.chars().count();
            out.push((offset + at, Rule::HalfSpace));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Pass 5: digits and numbers

/// Latin digits become Persian in Persian text: in a word with Persian letters, or a word
/// without letters whose nearest letter in its sentence (before it, else after it) is Persian,
/// as the bidi algorithm groups a number with the text before it (a number that opens a phrase,
/// after «:», «،» or a bracket, goes with the text after it); a sentence without letters
/// follows the widget's language (Persian here). Words with Latin letters («2.3GHz», «COVID-19»),
/// numbers in a run of Latin text («Windows 95»), URLs and e-mail addresses keep theirs. Then,
/// between Persian digits, a single decimal point becomes «٫» and a percent sign after them «٪»;
/// dotted dates and versions («۱۴۰۲.۱۲.۱۱») stay.
fn numbers(pieces: &mut Vec<Piece>) {
    let v = View::of(pieces);
    let ranges = v.words();
    // per word: its first and last letter's script (none in an address), whether its digits stay
    // as written (an address, or a word with Latin letters), and whether a sentence ends with it
    let words: Vec<(Option<Script>, Option<Script>, bool, bool)> = ranges
        .iter()
        .map(|r| {
            let w = &v.c[r.clone()];
            let address = is_address(w);
            let (mut first, mut last, mut keep) = (None, None, address);
            for &c in w {
                if let Some(x) = script(c).filter(|_| !address) {
                    first = first.or(Some(x));
                    last = Some(x);
                    keep |= x == Script::Latin;
                }
            }
            let end = w.iter().rev().find(|c| !CLOSING.contains(c) && **c != '"');
            let ends = end.is_some_and(|c| matches!(c, '.' | '!' | '?' | '؟' | '…'));
            (first, last, keep, ends)
        })
        .collect();
    // the nearest letter's script after each word within its sentence (before it: `before`)
    let mut after = vec![None; words.len()];
    let mut s = None;
    for (k, w) in words.iter().enumerate().rev() {
        if w.3 {
            s = None;
        }
        after[k] = s;
        s = w.0.or(s);
    }
    let mut before = None;
    let mut ops = Ops::new(pieces);
    for (k, r) in ranges.iter().enumerate() {
        let (first, last, keep, ends) = words[k];
        // after «:», «،» or a bracket a number opens a phrase, and goes with what follows it
        let opens = LEADING_PUNCT.contains(&v.c[r.start])
            || (r.start >= 2 && PHRASE_END.contains(&v.c[r.start - 2]));
        let context = if opens {
            after[k].or(before)
        } else {
            before.or(after[k])
        };
        before = if ends { None } else { last.or(before) };
        let persian = first.is_some() || context != Some(Script::Latin);
        if keep
            || !persian
            || !v.c[r.clone()]
                .iter()
                .any(|&c| c.is_ascii_digit() || c == '.' || c == '%')
        {
            continue;
        }
        let cs: Vec<char> = v.c[r.clone()]
            .iter()
            .map(|&c| match c {
                '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap_or(c),
                _ => c,
            })
            .collect();
        // characters that belong to a number whose point or percent sign changed
        let mut number = vec![false; cs.len()];
        for i in 0..cs.len() {
            if !matches!(cs[i], '.' | '%') {
                continue;
            }
            let digits_before = cs[..i]
                .iter()
                .rev()
                .take_while(|&&c| is_persian_digit(c))
                .count();
            if digits_before == 0 {
                continue;
            }
            let digits_after = cs[i + 1..]
                .iter()
                .take_while(|&&c| is_persian_digit(c))
                .count();
            let (a, b) = (i - digits_before, i + 1 + digits_after);
            let to = match cs[i] {
                '%' => '٪',
                '.' if digits_after > 0
                    && !(a > 0 && matches!(cs[a - 1], '.' | '٫'))
                    && !(cs.get(b) == Some(&'.')
                        && cs.get(b + 1).copied().is_some_and(is_digit)) =>
                {
                    '٫'
                }
                _ => continue,
            };
            let end = if to == '٪' { i + 1 } else { b };
            number[a..end].fill(true);
            ops.set.push((v.piece[r.start + i], Some(to), Rule::Number));
        }
        for (i, &c) in cs.iter().enumerate() {
            let original = v.c[r.start + i];
            if number[i] && is_persian_digit(c) {
                ops.set.push((v.piece[r.start + i], Some(c), Rule::Number));
            } else if original != c {
                ops.set.push((v.piece[r.start + i], Some(c), Rule::Digits));
            }
        }
    }
    ops.apply(pieces);
}

// ---------------------------------------------------------------------------------------------
// Edits

/// The pieces' changes as edits a reader understands: per word or gap, then joins widened.
fn edits(text: &str, pieces: &[Piece]) -> Vec<Edit> {
    let changed = |p: &Piece| {
        !text
            .get(p.src.clone())
            .is_some_and(|s| s.chars().eq(p.text()))
    };
    // segments: each gap piece alone, and the runs of pieces between gaps (words)
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        if !pieces[i].gap {
            while j < pieces.len() && !pieces[j].gap {
                j += 1;
            }
        }
        segments.push(i..j);
        i = j;
    }
    // (pieces, rule, segment): a whole segment if one rule made its changes, else runs of one rule
    let mut spans: Vec<(Range<usize>, Rule, usize)> = Vec::new();
    for (s, seg) in segments.iter().enumerate() {
        let rule_of = |k: usize| pieces[k].rule.unwrap_or(Rule::Spaces);
        let mut ks = seg.clone().filter(|&k| changed(&pieces[k])).peekable();
        let Some(&first) = ks.peek() else {
            continue;
        };
        if seg
            .clone()
            .filter(|&k| changed(&pieces[k]))
            .all(|k| rule_of(k) == rule_of(first))
        {
            spans.push((seg.clone(), rule_of(first), s));
            continue;
        }
        for k in ks {
            match spans.last_mut() {
                Some((r, rule, seg_of)) if *seg_of == s && r.end == k && *rule == rule_of(k) => {
                    r.end = k + 1
                }
                _ => spans.push((k..k + 1, rule_of(k), s)),
            }
        }
    }
    // a gap that joined two words takes them along, when they have no change of their own
    let mut taken = vec![false; segments.len()];
    for (_, _, s) in &spans {
        taken[*s] = true;
    }
    for (r, _, s) in spans.iter_mut() {
        let s = *s;
        let p = &pieces[r.start];
        let joined = p.gap && !p.text().any(char::is_whitespace);
        if !joined || s == 0 || s + 1 == segments.len() {
            continue;
        }
        if !taken[s - 1] {
            taken[s - 1] = true;
            r.start = segments[s - 1].start;
        }
        if !taken[s + 1] {
            taken[s + 1] = true;
            r.end = segments[s + 1].end;
        }
    }
    // touching spans of one rule read as one change
    let mut merged: Vec<(Range<usize>, Rule)> = Vec::new();
    for (r, rule, _) in spans {
        match merged.last_mut() {
            Some((m, m_rule)) if m.end == r.start && *m_rule == rule => m.end = r.end,
            _ => merged.push((r, rule)),
        }
    }
    merged
        .into_iter()
        .filter_map(|(r, rule)| {
            let range = pieces[r.start].src.start..pieces[r.end - 1].src.end;
            let before = text.get(range.clone())?.to_owned();
            let after: String = pieces[r].iter().flat_map(Piece::text).collect();
            (before != after).then_some(Edit {
                range,
                before,
                after,
                rule,
            })
        })
        .collect()
}
