//! Opening a document: a bulletin (native format) to edit it, or another feed (JSON Feed,
//! WordPress posts, schema.org NewsArticle) converted into items, with what could not be
//! carried over listed in Persian.

use super::draft::{Draft, ElectionDraft, ImageDraft, ItemDraft, Opened, Text, When};
use super::when::{tehran_reading, time_text};
use election_widget::feed::tree::{number_text, Tree};
use election_widget::feed::{self, Context, FeedError, Format, Probe, Source};
use election_widget::locale::to_persian_digits;
use election_widget::text::links::{check, LinkKind, Verdict};
use election_widget::time::parse_rfc3339;

/// What opening a document gave.
#[derive(Debug, PartialEq)]
pub enum Opening {
    /// A bulletin: the draft to edit in place of the current one.
    Bulletin(Box<Draft>),
    /// Items converted from another feed, to add to the current draft.
    Items(Vec<ItemDraft>),
}

/// The outcome, with the notes for the officer.
#[derive(Debug, PartialEq)]
pub struct OpenResult {
    pub opening: Opening,
    /// Which format the document was read as, in Persian.
    pub format: &'static str,
    /// What could not be carried over, or was changed on the way.
    pub notes: Vec<String>,
}

/// A tree that is already parsed, as a reader's source.
struct Parsed<'a>(&'a Tree);

impl Source for Parsed<'_> {
    fn tree(&self) -> Result<Tree, FeedError> {
        Ok(self.0.clone())
    }
}

fn format_name(f: Format) -> &'static str {
    match f {
        Format::Native => "خبرنامهٔ ابزارک",
        Format::JsonFeed => "JSON Feed",
        Format::WordPress => "نوشته‌های وردپرس",
        Format::NewsArticle => "NewsArticle (JSON-LD)",
        Format::FieldMap => "JSON",
    }
}

/// Opens a parsed document named `name`. `resolve` makes a link absolute (against the
/// document's address when it came from one) or refuses it.
pub fn open(
    doc: &Tree,
    name: &str,
    resolve: &dyn Fn(&str, LinkKind) -> Option<String>,
) -> Result<OpenResult, String> {
    let Some(format) = feed::detect(&Probe::of(doc)) else {
        return Err("این فایل خبرنامه یا خوراکی نیست که این صفحه بشناسد (خبرنامهٔ ابزارک، JSON Feed، نوشته‌های وردپرس یا NewsArticle).".into());
    };
    if format == Format::Native {
        return bulletin(doc, name, resolve);
    }
    // relative links made whole against the document's address are reported, as for bulletins
    let completed = std::cell::RefCell::new(Vec::new());
    let recording = |raw: &str, kind: LinkKind| {
        let out = resolve(raw, kind);
        if let (Verdict::Relative(_), Some(full)) = (check(raw, kind), &out) {
            completed
                .borrow_mut()
                .push(format!("نشانی نسبی «{}» کامل شد: {full}", raw.trim()));
        }
        out
    };
    let ctx = Context {
        resolve: &recording,
        normalize: true,
        default_lang: None,
    };
    let parsed = feed::read(&Parsed(doc), Some(format), None, &ctx)
        .map_err(|e| format!("این {} خوانده نشد: {e}", format_name(format)))?;
    let mut notes: Vec<String> = parsed
        .warnings
        .iter()
        .map(|w| format!("منتقل نشد: {}", warning_fa(w)))
        .collect();
    notes.extend(completed.take());
    let mut items = Vec::new();
    for item in parsed.bulletin.items {
        let mut it = ItemDraft {
            id: item.id.clone(),
            kicker: by_hand(item.kicker.unwrap_or_default()),
            title: by_hand(item.title.clone()),
            lead: by_hand(item.lead.unwrap_or_default()),
            body: by_hand(item.body.join("\n\n")),
            source: item.source.unwrap_or_default(),
            published: item.published.map(When::reading).unwrap_or_default(),
            url: item.url.unwrap_or_default(),
            ..ItemDraft::default()
        };
        if let Some(img) = item.image {
            if img.alt.trim().is_empty() {
                notes.push(format!(
                    "تصویر خبر «{}» متن جایگزین ندارد: آن را بنویسید، وگرنه تصویر در فایل نمی‌آید.",
                    item.title
                ));
            }
            it.image = ImageDraft {
                src: img.src,
                alt: img.alt,
                width: img.width,
                height: img.height,
            };
        }
        items.push(it);
    }
    notes.extend(unmapped(doc, format));
    if matches!(format, Format::JsonFeed | Format::WordPress) {
        notes.push(
            "قالب‌بندی HTML متن‌ها (پیوند درون متن، پررنگ، فهرست، جدول) به متن ساده تبدیل شد.".into(),
        );
    }
    notes.push(format!(
        "{} خبر افزوده شد؛ روتیتر، زمان انتشار و منبع هر کدام را بررسی کنید.",
        to_persian_digits(&items.len().to_string())
    ));
    Ok(OpenResult {
        opening: Opening::Items(items),
        format: format_name(format),
        notes,
    })
}

fn by_hand(value: String) -> Text {
    Text {
        value,
        by_hand: true,
    }
}

/// A reader's warning (`items[2].url: not an allowed link …`) in Persian.
fn warning_fa(w: &str) -> String {
    let (path, message) = w.split_once(": ").unwrap_or(("", w));
    let what = if message.contains("not an allowed link") {
        "نشانی پذیرفته نیست (فقط نشانی کامل http یا https)"
    } else if message.contains("without a title") {
        "خبر بی‌عنوان کنار گذاشته شد"
    } else if message.contains("RFC 3339") {
        "تاریخ خوانده نشد"
    } else {
        message
    };
    format!("{what} ({path})")
}

/// Kinds of content a feed's items carry that a bulletin has no place for, counted.
fn unmapped(doc: &Tree, format: Format) -> Vec<String> {
    let (entries, kinds): (Vec<&Tree>, &[(&str, &str)]) = match format {
        Format::JsonFeed => (
            doc.get("items").map(Tree::as_list).unwrap_or_default(),
            &[
                ("tags", "برچسب‌ها"),
                ("attachments", "پیوست‌ها"),
                ("date_modified", "زمان ویرایش"),
            ],
        ),
        Format::WordPress => (
            doc.as_list(),
            &[
                ("categories", "دسته‌ها"),
                ("tags", "برچسب‌ها"),
                ("modified", "زمان ویرایش"),
            ],
        ),
        Format::NewsArticle => (
            doc.as_list()
                .into_iter()
                .flat_map(|t| {
                    t.get("@graph")
                        .map(Tree::as_list)
                        .unwrap_or_else(|| vec![t])
                })
                .collect(),
            &[
                ("keywords", "کلیدواژه‌ها"),
                ("articleSection", "بخش"),
                ("dateModified", "زمان ویرایش"),
                ("video", "ویدیو"),
            ],
        ),
        _ => (Vec::new(), &[]),
    };
    kinds
        .iter()
        .filter_map(|(key, label)| {
            let n = entries.iter().filter(|e| e.get(key).is_some()).count();
            (n > 0).then(|| {
                format!(
                    "منتقل نشد: {label} (در {} خبر) جایی در خبرنامه ندارد.",
                    to_persian_digits(&n.to_string())
                )
            })
        })
        .collect()
}

impl When {
    /// The fields for Tehran's reading of `t`, seconds kept (so a file opened and written
    /// again keeps its times).
    pub fn reading(t: election_widget::time::Instant) -> When {
        match tehran_reading(t) {
            Some((date, seconds)) => When {
                day: to_persian_digits(&date.day.to_string()),
                month: date.month,
                year: to_persian_digits(&date.year.to_string()),
                time: to_persian_digits(&time_text(seconds)),
            },
            None => When::default(),
        }
    }
}

const ITEM_KEYS: [&str; 9] = [
    "id",
    "kicker",
    "title",
    "lead",
    "body",
    "url",
    "source",
    "published",
    "image",
];

fn str_of(t: &Tree, key: &str) -> String {
    t.get(key).and_then(Tree::text).unwrap_or_default()
}

/// A link as written, made absolute when it was relative and the document's address is known.
fn link(
    raw: String,
    resolve: &dyn Fn(&str, LinkKind) -> Option<String>,
    kind: LinkKind,
    notes: &mut Vec<String>,
) -> String {
    match check(&raw, kind) {
        Verdict::Relative(_) => match resolve(&raw, kind) {
            Some(full) => {
                notes.push(format!("نشانی نسبی «{raw}» کامل شد: {full}"));
                full
            }
            None => raw,
        },
        _ => raw,
    }
}

/// A native bulletin, field by field as written (the page's checks then show what the widget
/// would drop), with the fields it does not know listed.
fn bulletin(
    doc: &Tree,
    name: &str,
    resolve: &dyn Fn(&str, LinkKind) -> Option<String>,
) -> Result<OpenResult, String> {
    let Tree::Object(members) = doc else {
        return Err("خبرنامه باید یک شیء JSON باشد.".into());
    };
    let mut notes = Vec::new();
    if let Some(v) = doc.get("version") {
        if v.as_f64() != Some(1.0) {
            return Err(format!(
                "این خبرنامه نسخهٔ {} است و این صفحه نسخهٔ ۱ را می‌خواند.",
                v.text().unwrap_or_default()
            ));
        }
    }
    for (key, _) in members {
        if !["version", "lang", "generated", "items", "election"].contains(&key.as_str()) {
            notes.push(format!("منتقل نشد: بخش ناشناختهٔ «{key}» در خبرنامه."));
        }
    }
    let lang = doc
        .get("lang")
        .and_then(Tree::as_str)
        .filter(|l| !l.trim().is_empty())
        .unwrap_or("fa")
        .to_owned();
    let mut items = Vec::new();
    for (n, it) in doc
        .get("items")
        .map(Tree::as_list)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        let place = format!("خبر {}", to_persian_digits(&(n + 1).to_string()));
        let Tree::Object(fields) = it else {
            notes.push(format!("منتقل نشد: {place} شیء نیست."));
            continue;
        };
        for (key, _) in fields {
            if !ITEM_KEYS.contains(&key.as_str()) {
                notes.push(format!("منتقل نشد: بخش ناشناختهٔ «{key}» در {place}."));
            }
        }
        let body = match it.get("body") {
            Some(Tree::Array(ps)) => ps
                .iter()
                .filter_map(Tree::text)
                .collect::<Vec<_>>()
                .join("\n\n"),
            Some(other) => other.text().unwrap_or_default(),
            None => String::new(),
        };
        let published = match it.get("published").and_then(Tree::as_str) {
            Some(p) => match parse_rfc3339(p) {
                Ok(t) => When::reading(t),
                Err(_) => {
                    notes.push(format!(
                        "منتقل نشد: زمان انتشار {place} («{p}») خوانده نشد."
                    ));
                    When::default()
                }
            },
            None => When::default(),
        };
        let image = it.get("image").map(|img| ImageDraft {
            src: link(str_of(img, "src"), resolve, LinkKind::Web, &mut notes),
            alt: str_of(img, "alt"),
            width: img
                .get("width")
                .and_then(Tree::as_f64)
                .filter(|w| *w >= 1.0)
                .map(|w| w as u32),
            height: img
                .get("height")
                .and_then(Tree::as_f64)
                .filter(|h| *h >= 1.0)
                .map(|h| h as u32),
        });
        let id = Some(str_of(it, "id"))
            .filter(|i| !i.trim().is_empty())
            .unwrap_or_else(|| format!("item-{}", n + 1));
        items.push(ItemDraft {
            id,
            kicker: by_hand(str_of(it, "kicker")),
            title: by_hand(str_of(it, "title")),
            lead: by_hand(str_of(it, "lead")),
            body: by_hand(body),
            source: str_of(it, "source"),
            published,
            url: link(str_of(it, "url"), resolve, LinkKind::Web, &mut notes),
            image: image.unwrap_or_default(),
            ..ItemDraft::default()
        });
    }
    let mut elections = Vec::new();
    for (n, e) in doc
        .get("election")
        .map(Tree::as_list)
        .unwrap_or_default()
        .into_iter()
        .enumerate()
    {
        elections.push(election(e, n, resolve, &mut notes));
    }
    if elections.is_empty() {
        elections.push(ElectionDraft::default());
    }
    let draft = Draft {
        lang,
        items,
        elections,
        opened: Some(Opened {
            name: name.to_owned(),
            file: doc.clone(),
        }),
    };
    Ok(OpenResult {
        opening: Opening::Bulletin(Box::new(draft)),
        format: format_name(Format::Native),
        notes,
    })
}

fn election(
    e: &Tree,
    n: usize,
    resolve: &dyn Fn(&str, LinkKind) -> Option<String>,
    notes: &mut Vec<String>,
) -> ElectionDraft {
    let place = format!("انتخابات {}", to_persian_digits(&(n + 1).to_string()));
    let instant = |key: &str, notes: &mut Vec<String>| {
        let raw = str_of(e, key);
        match parse_rfc3339(&raw) {
            Ok(t) => Some(t),
            Err(_) => {
                notes.push(format!(
                    "منتقل نشد: زمان «{key}» در {place} («{raw}») خوانده نشد."
                ));
                None
            }
        }
    };
    let opens = instant("opens", notes);
    let closes = instant("closes", notes);
    let mut draft = ElectionDraft {
        title: str_of(e, "title"),
        ..ElectionDraft::default()
    };
    let day_of = opens.or(closes).and_then(tehran_reading);
    if let Some((date, _)) = day_of {
        draft.day = When {
            day: to_persian_digits(&date.day.to_string()),
            month: date.month,
            year: to_persian_digits(&date.year.to_string()),
            time: String::new(),
        };
    }
    let time_on_day = |t: Option<election_widget::time::Instant>,
                       notes: &mut Vec<String>,
                       what: &str| {
        let (day, _) = day_of?;
        let (date, seconds) = tehran_reading(t?)?;
        if date == day {
            return Some(to_persian_digits(&time_text(seconds)));
        }
        // the next midnight is the end of the voting day
        let next = election_widget::locale::calendar::to_days(day)? + 1;
        if election_widget::locale::calendar::to_days(date)? == next && seconds == 0 {
            return Some(to_persian_digits("24:00"));
        }
        notes.push(format!(
            "منتقل نشد: {what} {place} روز دیگری است؛ این صفحه آغاز و پایان رأی‌گیری را در یک روز می‌نویسد. آن را دوباره بنویسید."
        ));
        None
    };
    draft.opens = time_on_day(opens, notes, "آغاز").unwrap_or_default();
    draft.closes = time_on_day(closes, notes, "پایان").unwrap_or_default();
    if let Some(c) = e.get("cta") {
        draft.cta_label = str_of(c, "label");
        draft.cta_url = link(str_of(c, "url"), resolve, LinkKind::WebOrTel, notes);
    }
    if let Some(t) = e.get("turnout") {
        draft.turnout = match t.get("previous") {
            Some(Tree::Number(p)) => number_text(*p),
            Some(other) => other.text().unwrap_or_default(),
            None => String::new(),
        };
        draft.turnout_label = str_of(t, "label");
    }
    if let Tree::Object(fields) = e {
        for (key, _) in fields {
            if !["title", "opens", "closes", "cta", "turnout"].contains(&key.as_str()) {
                notes.push(format!("منتقل نشد: بخش ناشناختهٔ «{key}» در {place}."));
            }
        }
    }
    draft
}
