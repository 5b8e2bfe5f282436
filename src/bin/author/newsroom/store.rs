//! The draft as kept in the browser's storage between visits (and through a crash): every
//! field as typed, the pasted releases, the undone edits, the file it was opened from.
//!
//! The stored text names its format and version. A draft this page cannot read (another
//! version, damaged) is refused with a reason, never dropped: the page keeps its text for
//! the officer to download.

use super::draft::{Draft, EditKey, ElectionDraft, ImageDraft, ItemDraft, Opened, Text, When};
use super::paste::PartName;
use election_widget::feed::tree::Tree;

/// The `format` member that marks a stored draft of this page.
pub const FORMAT: &str = "election-widget-newsroom-draft";

/// The version this page writes; it reads this one and every older one it knows.
pub const VERSION: u32 = 1;

/// Why a stored draft cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Refused {
    /// Written by a later version of the page (a newer build, opened in an old tab).
    Newer(u32),
    /// Not a draft of this page, or damaged.
    Unreadable(String),
}

impl Refused {
    /// The officer's message.
    pub fn message(&self) -> String {
        match self {
            Refused::Newer(v) => format!(
                "پیش‌نویس ذخیره‌شده را نسخهٔ تازه‌تری از این صفحه (نسخهٔ {}) نوشته است و این نسخه آن را نمی‌خواند. صفحه را از نو بارگذاری کنید تا نسخهٔ تازه باز شود؛ متن پیش‌نویس نگه داشته شده و می‌توانید آن را دریافت کنید.",
                election_widget::locale::to_persian_digits(&v.to_string())
            ),
            Refused::Unreadable(why) => format!(
                "پیش‌نویس ذخیره‌شده خوانده نشد ({why}). متن آن نگه داشته شده و می‌توانید آن را دریافت کنید."
            ),
        }
    }
}

fn obj(members: Vec<(&str, Tree)>) -> Tree {
    Tree::Object(
        members
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect(),
    )
}

fn s(v: &str) -> Tree {
    Tree::String(v.to_owned())
}

fn text(t: &Text) -> Tree {
    obj(vec![
        ("value", s(&t.value)),
        ("by_hand", Tree::Bool(t.by_hand)),
    ])
}

fn when(w: &When) -> Tree {
    obj(vec![
        ("day", s(&w.day)),
        ("month", Tree::Number(f64::from(w.month))),
        ("year", s(&w.year)),
        ("time", s(&w.time)),
    ])
}

fn part_name(p: PartName) -> String {
    match p {
        PartName::Kicker => "kicker".into(),
        PartName::Title => "title".into(),
        PartName::Lead => "lead".into(),
        PartName::Body(n) => format!("body:{n}"),
    }
}

fn read_part(s: &str) -> Option<PartName> {
    match s {
        "kicker" => Some(PartName::Kicker),
        "title" => Some(PartName::Title),
        "lead" => Some(PartName::Lead),
        _ => s.strip_prefix("body:")?.parse().ok().map(PartName::Body),
    }
}

/// The draft as a tree to store; `selected` is the item being edited.
pub fn to_tree(d: &Draft, selected: usize) -> Tree {
    let items = d
        .items
        .iter()
        .map(|it| {
            let undone = it
                .undone
                .iter()
                .map(|k| {
                    obj(vec![
                        ("part", s(&part_name(k.part))),
                        ("at", Tree::Number(k.at as f64)),
                        ("before", s(&k.before)),
                        ("after", s(&k.after)),
                    ])
                })
                .collect();
            let size = |n: Option<u32>| n.map_or(Tree::Null, |n| Tree::Number(f64::from(n)));
            obj(vec![
                ("id", s(&it.id)),
                ("paste", s(&it.paste)),
                ("undone", Tree::Array(undone)),
                ("kicker", text(&it.kicker)),
                ("title", text(&it.title)),
                ("lead", text(&it.lead)),
                ("body", text(&it.body)),
                ("source", s(&it.source)),
                ("published", when(&it.published)),
                ("url", s(&it.url)),
                (
                    "image",
                    obj(vec![
                        ("src", s(&it.image.src)),
                        ("alt", s(&it.image.alt)),
                        ("width", size(it.image.width)),
                        ("height", size(it.image.height)),
                    ]),
                ),
            ])
        })
        .collect();
    let elections = d
        .elections
        .iter()
        .map(|e| {
            obj(vec![
                ("title", s(&e.title)),
                ("day", when(&e.day)),
                ("opens", s(&e.opens)),
                ("closes", s(&e.closes)),
                ("cta_label", s(&e.cta_label)),
                ("cta_url", s(&e.cta_url)),
                ("turnout", s(&e.turnout)),
                ("turnout_label", s(&e.turnout_label)),
            ])
        })
        .collect();
    let opened = match &d.opened {
        Some(o) => obj(vec![("name", s(&o.name)), ("file", o.file.clone())]),
        None => Tree::Null,
    };
    obj(vec![
        ("format", s(FORMAT)),
        ("version", Tree::Number(f64::from(VERSION))),
        ("selected", Tree::Number(selected as f64)),
        ("lang", s(&d.lang)),
        ("items", Tree::Array(items)),
        ("elections", Tree::Array(elections)),
        ("opened", opened),
    ])
}

/// Reads strings, numbers and flags leniently: a missing member is its default.
struct Reader<'a>(&'a Tree);

impl Reader<'_> {
    fn str(&self, key: &str) -> String {
        self.0
            .get(key)
            .and_then(Tree::as_str)
            .unwrap_or_default()
            .to_owned()
    }
    fn num(&self, key: &str) -> Option<f64> {
        match self.0.get(key) {
            Some(Tree::Number(n)) if n.is_finite() => Some(*n),
            _ => None,
        }
    }
    fn list(&self, key: &str) -> Result<&[Tree], String> {
        match self.0.get(key) {
            Some(Tree::Array(a)) => Ok(a),
            None | Some(Tree::Null) => Ok(&[]),
            Some(_) => Err(format!("«{key}» فهرست نیست")),
        }
    }
    fn text(&self, key: &str) -> Text {
        let t = self.0.get(key).unwrap_or(&Tree::Null);
        Text {
            value: Reader(t).str("value"),
            by_hand: matches!(t.get("by_hand"), Some(Tree::Bool(true))),
        }
    }
    fn when(&self, key: &str) -> When {
        let w = Reader(self.0.get(key).unwrap_or(&Tree::Null));
        When {
            day: w.str("day"),
            month: w
                .num("month")
                .filter(|m| (0.0..=12.0).contains(m))
                .unwrap_or(0.0) as u32,
            year: w.str("year"),
            time: w.str("time"),
        }
    }
}

fn dimension(n: Option<f64>) -> Option<u32> {
    n.filter(|n| (1.0..=100_000.0).contains(n))
        .map(|n| n as u32)
}

/// Reads a stored draft: the draft and the item that was being edited, or why not.
pub fn from_tree(t: &Tree) -> Result<(Draft, usize), Refused> {
    let r = Reader(t);
    if !matches!(t, Tree::Object(_)) || r.str("format") != FORMAT {
        return Err(Refused::Unreadable("پیش‌نویس این صفحه نیست".into()));
    }
    let version = r
        .num("version")
        .filter(|v| v.fract() == 0.0 && *v >= 1.0)
        .ok_or_else(|| {
            Refused::Unreadable("نسخهٔ آن نامعلوم است: از نسخه‌ای پیش از نخستین نسخهٔ این صفحه".into())
        })?;
    if version > f64::from(VERSION) {
        return Err(Refused::Newer(version.min(f64::from(u32::MAX)) as u32));
    }
    // version 1 is the only one so far; an older one would be converted here
    let bad = Refused::Unreadable;
    let mut items = Vec::new();
    for it in r.list("items").map_err(bad)? {
        let i = Reader(it);
        let undone = i
            .list("undone")
            .map_err(bad)?
            .iter()
            .filter_map(|k| {
                let k = Reader(k);
                Some(EditKey {
                    part: read_part(&k.str("part"))?,
                    at: k.num("at")? as usize,
                    before: k.str("before"),
                    after: k.str("after"),
                })
            })
            .collect();
        let img = Reader(it.get("image").unwrap_or(&Tree::Null));
        items.push(ItemDraft {
            id: i.str("id"),
            paste: i.str("paste"),
            undone,
            kicker: i.text("kicker"),
            title: i.text("title"),
            lead: i.text("lead"),
            body: i.text("body"),
            source: i.str("source"),
            published: i.when("published"),
            url: i.str("url"),
            image: ImageDraft {
                src: img.str("src"),
                alt: img.str("alt"),
                width: dimension(img.num("width")),
                height: dimension(img.num("height")),
            },
        });
    }
    if items.iter().any(|i| i.id.trim().is_empty()) {
        return Err(bad("خبری شناسه ندارد".into()));
    }
    let mut elections = Vec::new();
    for e in r.list("elections").map_err(bad)? {
        let e = Reader(e);
        elections.push(ElectionDraft {
            title: e.str("title"),
            day: e.when("day"),
            opens: e.str("opens"),
            closes: e.str("closes"),
            cta_label: e.str("cta_label"),
            cta_url: e.str("cta_url"),
            turnout: e.str("turnout"),
            turnout_label: e.str("turnout_label"),
        });
    }
    let opened = match t.get("opened") {
        Some(o @ Tree::Object(_)) => o.get("file").map(|file| Opened {
            name: Reader(o).str("name"),
            file: file.clone(),
        }),
        _ => None,
    };
    let lang = Some(r.str("lang"))
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| "fa".into());
    let selected = r.num("selected").unwrap_or(0.0).max(0.0) as usize;
    let draft = Draft {
        lang,
        items,
        elections,
        opened,
    };
    Ok((draft, selected))
}
