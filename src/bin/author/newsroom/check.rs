//! From a draft to the bulletin file, checked by the widget's own reader.
//!
//! 1. [`build`] writes the native bulletin as a [`Tree`], leaving out what cannot be written
//!    (a date that is not a date, an image without its description) with a problem for its field.
//! 2. [`check`] reads that tree with [`native::parse`], exactly as the widget reads a response.
//!    A [`FeedError`] is what would put the widget in its error state: it blocks the export.
//!    Each warning is a value the widget would drop (a `javascript:` link, a turnout of 140 %):
//!    it is shown beside its field and removed from the file, so the file holds only what
//!    readers will see, and the preview is rendered from that same reading.

use super::draft::{Draft, ElectionDraft, ElectionField, ItemDraft, ItemField};
use super::when::{self, percentage, rfc3339_tehran, tehran_instant, time_of_day};
use election_widget::feed::tree::Tree;
use election_widget::feed::{native, Context, FeedError};
use election_widget::model::Bulletin;
use election_widget::text::links::{check as check_link, LinkKind, Verdict};

/// Where a problem is shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// The bulletin as a whole.
    Document,
    Item(usize, ItemField),
    Election(usize, ElectionField),
}

/// How bad a problem is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// Advice: the file is written as it is.
    Warning,
    /// The value is left out of the file until it is fixed.
    Error,
    /// The widget would show its error state: no export until it is fixed.
    Blocking,
}

/// A problem with the draft, in Persian, placed beside its field.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    pub target: Target,
    pub severity: Severity,
    pub message: String,
}

impl Problem {
    fn new(target: Target, severity: Severity, message: impl Into<String>) -> Problem {
        Problem {
            target,
            severity,
            message: message.into(),
        }
    }
}

/// A draft, checked: the file's tree (without `generated`), what the widget reads from it,
/// and the problems found on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    pub tree: Tree,
    /// What the widget shows from this file; None when it would show its error state.
    pub bulletin: Option<Bulletin>,
    pub problems: Vec<Problem>,
    /// Which item of the draft each of the file's items comes from.
    pub item_sources: Vec<usize>,
}

impl Checked {
    /// Whether the file may be exported.
    pub fn exportable(&self) -> bool {
        self.bulletin.is_some()
            && !self
                .problems
                .iter()
                .any(|p| p.severity == Severity::Blocking)
    }

    /// The problems shown beside `target`.
    pub fn at(&self, target: Target) -> impl Iterator<Item = &Problem> {
        self.problems.iter().filter(move |p| p.target == target)
    }
}

/// The links the page accepts: absolute http(s) (and `tel:` for the call to action). The
/// widget would resolve a relative link against the bulletin's own address, which the page
/// cannot know, so it asks for the whole address.
fn resolve(raw: &str, kind: LinkKind) -> Option<String> {
    match check_link(raw, kind) {
        Verdict::Absolute(s) => Some(s),
        Verdict::Relative(_) | Verdict::Refused => None,
    }
}

/// The reading context of a Persian page with the widget's defaults.
pub fn context() -> Context<'static> {
    Context {
        resolve: &resolve,
        normalize: true,
        default_lang: None,
    }
}

fn object(members: Vec<(&str, Tree)>) -> Tree {
    Tree::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn string(s: &str) -> Tree {
    Tree::String(s.trim().to_owned())
}

/// The bulletin's tree from the draft, with the problems of fields that could not be written.
pub fn build(draft: &Draft, origin: Option<&str>) -> (Tree, Vec<usize>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut items = Vec::new();
    let mut sources = Vec::new();
    for (i, it) in draft.items.iter().enumerate() {
        if it.is_blank() {
            problems.push(Problem::new(
                Target::Item(i, ItemField::Paste),
                Severity::Warning,
                "این خبر هنوز خالی است و در فایل نمی‌آید.",
            ));
            continue;
        }
        items.push(item(i, it, origin, &mut problems));
        sources.push(i);
    }
    let mut elections = Vec::new();
    for (i, e) in draft.elections.iter().enumerate() {
        if e.is_empty() {
            continue;
        }
        if let Some(tree) = election(i, e, &mut problems) {
            elections.push(tree);
        }
    }
    let mut members = vec![
        ("version", Tree::Number(native::VERSION as f64)),
        ("lang", Tree::String(draft.lang.clone())),
        ("items", Tree::Array(items)),
    ];
    match elections.len() {
        0 => {}
        1 => members.push(("election", elections.remove(0))),
        _ => members.push(("election", Tree::Array(elections))),
    }
    (object(members), sources, problems)
}

fn item(i: usize, it: &ItemDraft, origin: Option<&str>, problems: &mut Vec<Problem>) -> Tree {
    let at = |f| Target::Item(i, f);
    let mut m = vec![("id", Tree::String(it.id.clone()))];
    let optional = |m: &mut Vec<(&'static str, Tree)>, key, value: &str| {
        if !value.trim().is_empty() {
            m.push((key, string(value)));
        }
    };
    optional(&mut m, "kicker", &it.kicker.value);
    m.push(("title", string(&it.title.value)));
    optional(&mut m, "lead", &it.lead.value);
    let body = it.paragraphs();
    if !body.is_empty() {
        m.push((
            "body",
            Tree::Array(body.into_iter().map(Tree::String).collect()),
        ));
    }
    optional(&mut m, "url", &it.url);
    optional(&mut m, "source", &it.source);
    if !it.published.is_empty() {
        let p = &it.published;
        let date = when::date(&p.day, p.month, &p.year).map_err(|e| (ItemField::Day, e));
        let time = time_of_day(&p.time).map_err(|e| (ItemField::Time, e));
        match date
            .and_then(|d| time.and_then(|s| tehran_instant(d, s).map_err(|e| (ItemField::Time, e))))
        {
            Ok(t) => m.push(("published", Tree::String(rfc3339_tehran(t)))),
            Err((field, bad)) => problems.push(Problem::new(
                at(field),
                Severity::Error,
                format!(
                    "{} تا درست نشود، زمان انتشار در فایل نمی‌آید.",
                    bad.message()
                ),
            )),
        }
    }
    let src = it.image.src.trim();
    if !src.is_empty() {
        if insecure_image(src, origin) {
            problems.push(Problem::new(
                at(ItemField::ImageSrc),
                Severity::Error,
                "وبگاه‌های امن (https) تصویر با نشانی http را نشان نمی‌دهند: نشانی تصویر را با https:// بنویسید. تا آن زمان تصویر در فایل نمی‌آید.",
            ));
        } else if it.image.alt.trim().is_empty() {
            problems.push(Problem::new(
                at(ItemField::ImageAlt),
                Severity::Error,
                "برای تصویر، متن جایگزین بنویسید: آنچه در تصویر است، برای کسی که آن را نمی‌بیند. تا نوشته نشود، تصویر در فایل نمی‌آید.",
            ));
        } else {
            let mut img = vec![("src", string(src)), ("alt", string(&it.image.alt))];
            if let (Some(w), Some(h)) = (it.image.width, it.image.height) {
                img.push(("width", Tree::Number(f64::from(w))));
                img.push(("height", Tree::Number(f64::from(h))));
            }
            m.push(("image", object(img)));
        }
    }
    object(m)
}

fn election(i: usize, e: &ElectionDraft, problems: &mut Vec<Problem>) -> Option<Tree> {
    let at = |f| Target::Election(i, f);
    let before = problems.len();
    let mut missing = |field, text: &str, what: &str| {
        if text.trim().is_empty() {
            problems.push(Problem::new(
                at(field),
                Severity::Error,
                format!("{what} را بنویسید."),
            ));
        }
    };
    missing(ElectionField::Title, &e.title, "عنوان انتخابات");
    let day = when::date(&e.day.day, e.day.month, &e.day.year);
    let opens = time_of_day(&e.opens);
    let closes = time_of_day(&e.closes);
    let mut instant = |field, seconds: &Result<i64, when::Bad>| match (&day, seconds) {
        (Ok(d), Ok(s)) => match tehran_instant(*d, *s) {
            Ok(t) => Some(t),
            Err(bad) => {
                problems.push(Problem::new(at(field), Severity::Error, bad.message()));
                None
            }
        },
        (_, Err(bad)) => {
            problems.push(Problem::new(at(field), Severity::Error, bad.message()));
            None
        }
        _ => None,
    };
    let opens = instant(ElectionField::Opens, &opens);
    let closes = instant(ElectionField::Closes, &closes);
    if let Err(bad) = &day {
        let field = match bad {
            when::Bad::Missing("سال") => ElectionField::Year,
            when::Bad::Missing("ماه") => ElectionField::Month,
            when::Bad::Invalid(m) if m.starts_with("سال") => ElectionField::Year,
            _ => ElectionField::Day,
        };
        problems.push(Problem::new(at(field), Severity::Error, bad.message()));
    }
    let (label, url) = (e.cta_label.trim(), e.cta_url.trim());
    let cta = match (label.is_empty(), url.is_empty()) {
        (true, true) => None,
        (false, false) => Some(object(vec![("label", string(label)), ("url", string(url))])),
        (true, false) => {
            problems.push(Problem::new(
                at(ElectionField::CtaLabel),
                Severity::Error,
                "متن دکمه را بنویسید؛ بی آن، دکمه در فایل نمی‌آید.",
            ));
            None
        }
        (false, true) => {
            problems.push(Problem::new(
                at(ElectionField::CtaUrl),
                Severity::Error,
                "نشانی دکمه را بنویسید؛ بی آن، دکمه در فایل نمی‌آید.",
            ));
            None
        }
    };
    let turnout = if e.turnout.trim().is_empty() {
        if !e.turnout_label.trim().is_empty() {
            problems.push(Problem::new(
                at(ElectionField::Turnout),
                Severity::Error,
                "درصد مشارکت را بنویسید؛ بی آن، عنوانش هم در فایل نمی‌آید.",
            ));
        }
        None
    } else {
        match percentage(&e.turnout) {
            Some(p) => {
                let mut t = vec![("previous", Tree::Number(p))];
                if !e.turnout_label.trim().is_empty() {
                    t.push(("label", string(&e.turnout_label)));
                }
                Some(object(t))
            }
            None => {
                problems.push(Problem::new(
                    at(ElectionField::Turnout),
                    Severity::Error,
                    "درصد را به عدد بنویسید، مانند ۴۲٫۵۷.",
                ));
                None
            }
        }
    };
    let (Some(opens), Some(closes)) = (opens, closes) else {
        if problems.len() == before {
            problems.push(Problem::new(
                at(ElectionField::Day),
                Severity::Error,
                "روز و ساعت رأی‌گیری را بنویسید.",
            ));
        }
        note_left_out(i, problems);
        return None;
    };
    if e.title.trim().is_empty() {
        note_left_out(i, problems);
        return None;
    }
    let mut m = vec![
        ("title", string(&e.title)),
        ("opens", Tree::String(rfc3339_tehran(opens))),
        ("closes", Tree::String(rfc3339_tehran(closes))),
    ];
    if let Some(c) = cta {
        m.push(("cta", c));
    }
    if let Some(t) = turnout {
        m.push(("turnout", t));
    }
    Some(object(m))
}

fn note_left_out(i: usize, problems: &mut Vec<Problem>) {
    problems.push(Problem::new(
        Target::Election(i, ElectionField::Title),
        Severity::Error,
        "تا این خطاها درست نشود، این انتخابات در فایل نمی‌آید و ابزارک فراخوانی نشان نمی‌دهد.",
    ));
}

/// Builds the draft's bulletin and reads it as the widget would.
#[cfg(test)]
pub fn check(draft: &Draft) -> Checked {
    check_on(draft, None)
}

/// [`check`] on a page at `origin` (`https://news.example`): an image on the page's own
/// origin may be plain http (a development server), any other must be https.
pub fn check_on(draft: &Draft, origin: Option<&str>) -> Checked {
    let (mut tree, item_sources, mut problems) = build(draft, origin);
    let ctx = context();
    let several = matches!(tree.get("election"), Some(Tree::Array(_)));
    let election_index = |written: usize| {
        draft
            .elections
            .iter()
            .enumerate()
            .filter(|(_, e)| !e.is_empty())
            .map(|(i, _)| i)
            .nth(written)
            .unwrap_or(written)
    };
    match native::parse(&tree, &ctx) {
        Err(e) => {
            problems.push(blocking(&e, &item_sources, several, &election_index));
            Checked {
                tree,
                bulletin: None,
                problems,
                item_sources,
            }
        }
        Ok(parsed) => {
            let mut dropped = Vec::new();
            for w in &parsed.warnings {
                let (path, message) = w.split_once(": ").unwrap_or(("", w.as_str()));
                let target = target(path, &item_sources, several, &election_index);
                problems.push(Problem::new(
                    target,
                    Severity::Error,
                    persian(path, message),
                ));
                dropped.push(path.to_owned());
            }
            if dropped.is_empty() {
                return Checked {
                    tree,
                    bulletin: Some(parsed.bulletin),
                    problems,
                    item_sources,
                };
            }
            for path in &dropped {
                prune(&mut tree, path);
            }
            // the file as written now reads without a warning; anything left is a bug here,
            // and it blocks rather than writes a file the page did not check
            match native::parse(&tree, &ctx) {
                Ok(again) if again.warnings.is_empty() => Checked {
                    tree,
                    bulletin: Some(again.bulletin),
                    problems,
                    item_sources,
                },
                Ok(again) => {
                    for w in again.warnings {
                        problems.push(Problem::new(Target::Document, Severity::Blocking, w));
                    }
                    Checked {
                        tree,
                        bulletin: None,
                        problems,
                        item_sources,
                    }
                }
                Err(e) => {
                    problems.push(blocking(&e, &item_sources, several, &election_index));
                    Checked {
                        tree,
                        bulletin: None,
                        problems,
                        item_sources,
                    }
                }
            }
        }
    }
}

fn blocking(
    e: &FeedError,
    items: &[usize],
    several: bool,
    election_index: &dyn Fn(usize) -> usize,
) -> Problem {
    let target = target(&e.path, items, several, election_index);
    let message = match target {
        Target::Item(_, ItemField::Title) => {
            "عنوان خبر لازم است؛ بی عنوان، ابزارک به جای خبرها پیام خطا نشان می‌دهد.".to_owned()
        }
        _ => format!(
            "ابزارک این فایل را نمی‌خواند و به جای خبرها پیام خطا نشان می‌دهد: {}",
            e
        ),
    };
    Problem::new(target, Severity::Blocking, message)
}

/// The field a reader's JSON path names (`items[2].image.src`, `election[1].cta.url`).
fn target(
    path: &str,
    items: &[usize],
    several: bool,
    election_index: &dyn Fn(usize) -> usize,
) -> Target {
    let index = |rest: &str| -> Option<(usize, String)> {
        let rest = rest.strip_prefix('[')?;
        let (n, tail) = rest.split_once(']')?;
        Some((n.parse().ok()?, tail.trim_start_matches('.').to_owned()))
    };
    if let Some(rest) = path.strip_prefix("items") {
        if let Some((n, field)) = index(rest) {
            let item = items.get(n).copied().unwrap_or(n);
            let f = match field.as_str() {
                "kicker" => ItemField::Kicker,
                "title" | "" => ItemField::Title,
                "lead" => ItemField::Lead,
                f if f.starts_with("body") => ItemField::Body,
                "url" => ItemField::Url,
                "source" => ItemField::Source,
                "published" => ItemField::Day,
                f if f.starts_with("image.alt") => ItemField::ImageAlt,
                f if f.starts_with("image") => ItemField::ImageSrc,
                _ => ItemField::Title,
            };
            return Target::Item(item, f);
        }
    }
    if let Some(rest) = path.strip_prefix("election") {
        let (n, field) = if several {
            index(rest).unwrap_or((0, String::new()))
        } else {
            (0, rest.trim_start_matches('.').to_owned())
        };
        let f = match field.as_str() {
            "opens" => ElectionField::Opens,
            "closes" | "" => ElectionField::Closes,
            f if f.starts_with("cta.label") => ElectionField::CtaLabel,
            f if f.starts_with("cta") => ElectionField::CtaUrl,
            f if f.starts_with("turnout.label") => ElectionField::TurnoutLabel,
            f if f.starts_with("turnout") => ElectionField::Turnout,
            _ => ElectionField::Title,
        };
        return Target::Election(election_index(n), f);
    }
    Target::Document
}

/// The reader's English message for `path`, in Persian.
fn persian(path: &str, message: &str) -> String {
    if message.contains("not an allowed link") {
        let tel = if path.contains("cta") {
            " (یا برای تلفن، tel: و شماره)"
        } else {
            ""
        };
        return format!(
            "ابزارک این نشانی را نمی‌پذیرد و در فایل نمی‌آید. نشانی کامل بنویسید که با https:// یا http:// آغاز شود{tel}."
        );
    }
    if message.contains("opens must be before closes") {
        return "ساعت پایان رأی‌گیری باید پس از ساعت آغاز آن باشد؛ تا درست نشود، این انتخابات در فایل نمی‌آید.".into();
    }
    if message.contains("percentage") {
        return "درصد مشارکت باید عددی از ۰ تا ۱۰۰ باشد؛ تا درست نشود، در فایل نمی‌آید.".into();
    }
    if message.contains("RFC 3339") {
        return "این تاریخ خوانده نمی‌شود و در فایل نمی‌آید.".into();
    }
    format!("ابزارک این مقدار را نمی‌پذیرد و در فایل نمی‌آید ({message}).")
}

/// Removes the value at a reader's JSON path from the tree; a required member takes its
/// object with it (an image without `src`, a call to action without `url`).
fn prune(tree: &mut Tree, path: &str) {
    let mut steps: Vec<Step> = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            steps.push(Step::Key(key.to_owned()));
        }
        for idx in rest.split('[') {
            if let Some(n) = idx
                .trim_end_matches(']')
                .parse::<usize>()
                .ok()
                .filter(|_| !idx.is_empty())
            {
                steps.push(Step::Index(n));
            }
        }
    }
    // a required member goes with its parent
    while let Some(Step::Key(last)) = steps.last() {
        let required = matches!(
            (steps.len().checked_sub(2).and_then(|i| steps.get(i)), last.as_str()),
            (Some(Step::Key(p)), "src") if p == "image"
        ) || matches!(
            (steps.len().checked_sub(2).and_then(|i| steps.get(i)), last.as_str()),
            (Some(Step::Key(p)), "url" | "label") if p == "cta"
        ) || matches!(
            (steps.len().checked_sub(2).and_then(|i| steps.get(i)), last.as_str()),
            (Some(Step::Key(p)), "previous") if p == "turnout"
        );
        if required {
            steps.pop();
        } else {
            break;
        }
    }
    // a whole election (bad dates, opens after closes) is removed as a unit
    if matches!(steps.first(), Some(Step::Key(k)) if k == "election")
        && !steps.iter().skip(1).any(|s| matches!(s, Step::Key(_)))
    {
        steps.truncate(if steps.len() > 1 { 2 } else { 1 });
    }
    remove(tree, &steps);
    // an election list left with one election or none
    if let Some(Tree::Array(list)) = tree.get("election") {
        if list.len() <= 1 {
            let only = list.first().cloned();
            if let Tree::Object(members) = tree {
                members.retain(|(k, _)| k != "election");
                if let Some(e) = only {
                    members.push(("election".into(), e));
                }
            }
        }
    }
}

enum Step {
    Key(String),
    Index(usize),
}

fn remove(tree: &mut Tree, steps: &[Step]) {
    match steps {
        [] => {}
        [last] => match (tree, last) {
            (Tree::Object(members), Step::Key(k)) => members.retain(|(key, _)| key != k),
            (Tree::Array(items), Step::Index(n)) if *n < items.len() => {
                items.remove(*n);
            }
            _ => {}
        },
        [first, rest @ ..] => {
            let child = match (tree, first) {
                (Tree::Object(members), Step::Key(k)) => {
                    members.iter_mut().find(|(key, _)| key == k).map(|(_, v)| v)
                }
                (Tree::Array(items), Step::Index(n)) => items.get_mut(*n),
                _ => None,
            };
            if let Some(child) = child {
                remove(child, rest);
            }
        }
    }
}

/// The election block of a checked file alone, for a central endpoint that offices name
/// with `data-election-src` (read there by `native::parse_elections`); None without one.
pub fn election_only(file: &Tree) -> Option<Tree> {
    let election = file.get("election")?.clone();
    Some(object(vec![
        ("version", Tree::Number(native::VERSION as f64)),
        ("election", election),
    ]))
}

/// Whether an image address is plain http on another origin than the page's: secure sites
/// (and this page's own policy, `img-src 'self' https:`) refuse to load it.
pub fn insecure_image(src: &str, origin: Option<&str>) -> bool {
    let lower = src.trim().to_ascii_lowercase();
    let own = origin.is_some_and(|o| {
        let o = o.to_ascii_lowercase();
        lower
            .strip_prefix(&o)
            .is_some_and(|rest| rest.starts_with('/'))
    });
    lower.starts_with("http:") && !own
}
