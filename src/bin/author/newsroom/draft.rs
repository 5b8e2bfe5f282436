//! The bulletin being written, as the officer typed it, and every change the page can make
//! to it ([`Action`]): a pure reducer, so each step is testable on the host.

use super::edits::Edit;
use super::paste::{split, PartName, Pasted};
use super::when::{tehran_reading, time_text};
use election_widget::time::Instant;

/// A text part of an item: filled from the pasted release until the officer edits it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text {
    pub value: String,
    /// Typed or changed by hand: a new paste no longer overwrites it.
    pub by_hand: bool,
}

/// A Solar Hijri date and a time of day as typed (`month` 1–12, 0 for none chosen).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct When {
    pub day: String,
    pub month: u32,
    pub year: String,
    pub time: String,
}

impl When {
    /// Nothing typed.
    pub fn is_empty(&self) -> bool {
        self.day.trim().is_empty()
            && self.month == 0
            && self.year.trim().is_empty()
            && self.time.trim().is_empty()
    }

    /// The fields filled with Tehran's reading of `t`, in Persian digits.
    pub fn at(t: Instant) -> When {
        match tehran_reading(t) {
            Some((date, seconds)) => When {
                day: fa_digits(&date.day.to_string()),
                month: date.month,
                year: fa_digits(&date.year.to_string()),
                time: fa_digits(&time_text(seconds - seconds % 60)),
            },
            None => When::default(),
        }
    }
}

fn fa_digits(s: &str) -> String {
    election_widget::locale::to_persian_digits(s)
}

/// An item's picture: its address, its description, and its size once it has loaded.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImageDraft {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// Identifies a normalisation edit across re-splits of the same text, to remember an undo.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct EditKey {
    pub part: PartName,
    pub at: usize,
    pub before: String,
    pub after: String,
}

impl EditKey {
    /// The key of `edit` in `part`.
    pub fn of(part: PartName, edit: &Edit) -> EditKey {
        EditKey {
            part,
            at: edit.range.start,
            before: edit.before.clone(),
            after: edit.after.clone(),
        }
    }
}

/// One news item as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ItemDraft {
    /// The item's `id` in the bulletin: kept across edits, exports and re-opening.
    pub id: String,
    /// The release as pasted.
    pub paste: String,
    /// Normalisation edits the officer undid.
    pub undone: Vec<EditKey>,
    pub kicker: Text,
    pub title: Text,
    pub lead: Text,
    /// Paragraphs separated by a blank line.
    pub body: Text,
    pub source: String,
    pub published: When,
    pub url: String,
    pub image: ImageDraft,
}

impl ItemDraft {
    /// A new, empty item published `now`.
    pub fn new(id: String, now: Instant) -> ItemDraft {
        ItemDraft {
            id,
            published: When::at(now),
            ..ItemDraft::default()
        }
    }

    /// The pasted release, split.
    pub fn pasted(&self) -> Pasted {
        split(&self.paste)
    }

    /// Whether nothing of the item's own text has been written.
    pub fn is_blank(&self) -> bool {
        [&self.kicker, &self.title, &self.lead, &self.body]
            .iter()
            .all(|t| t.value.trim().is_empty())
            && self.url.trim().is_empty()
            && self.image.src.trim().is_empty()
    }

    /// Whether the edit `key` is undone.
    pub fn is_undone(&self, key: &EditKey) -> bool {
        self.undone.contains(key)
    }

    /// Fills the parts not edited by hand from the pasted text.
    fn refill(&mut self) {
        let pasted = self.pasted();
        let raw = self.paste.clone();
        let undone = self.undone.clone();
        let text = |name: PartName, part: Option<&super::paste::Part>| {
            part.map(|p| p.text(&raw, |e| undone.contains(&EditKey::of(name, e))))
                .unwrap_or_default()
        };
        if !self.kicker.by_hand {
            self.kicker.value = text(PartName::Kicker, pasted.kicker.as_ref());
        }
        if !self.title.by_hand {
            self.title.value = text(PartName::Title, pasted.title.as_ref());
        }
        if !self.lead.by_hand {
            self.lead.value = text(PartName::Lead, pasted.lead.as_ref());
        }
        if !self.body.by_hand {
            self.body.value = pasted
                .body
                .iter()
                .enumerate()
                .map(|(i, p)| text(PartName::Body(i), Some(p)))
                .collect::<Vec<_>>()
                .join("\n\n");
        }
        // forget undos of edits that no longer exist in the text
        let live: Vec<EditKey> = pasted
            .parts()
            .into_iter()
            .flat_map(|(name, p)| p.edits.iter().map(move |e| EditKey::of(name, e)))
            .collect();
        self.undone.retain(|k| live.contains(k));
    }

    /// The body's paragraphs: blank lines separate them.
    pub fn paragraphs(&self) -> Vec<String> {
        paragraphs(&self.body.value)
    }
}

/// Paragraphs of a text area: blocks separated by one or more blank lines, trimmed.
pub fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// One election as written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ElectionDraft {
    pub title: String,
    /// The voting day; its `time` is unused.
    pub day: When,
    pub opens: String,
    pub closes: String,
    pub cta_label: String,
    pub cta_url: String,
    /// Previous turnout in percent, as typed.
    pub turnout: String,
    pub turnout_label: String,
}

impl ElectionDraft {
    /// Whether nothing has been typed.
    pub fn is_empty(&self) -> bool {
        [
            &self.title,
            &self.opens,
            &self.closes,
            &self.cta_label,
            &self.cta_url,
            &self.turnout,
            &self.turnout_label,
        ]
        .iter()
        .all(|s| s.trim().is_empty())
            && self.day.is_empty()
    }
}

/// The whole bulletin being written.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Draft {
    /// The bulletin's language (`fa` unless a file opened says otherwise).
    pub lang: String,
    pub items: Vec<ItemDraft>,
    pub elections: Vec<ElectionDraft>,
    /// The file this draft was opened from, to say what an export changes.
    pub opened: Option<Opened>,
}

/// A bulletin file as it was opened: its name and its content.
#[derive(Clone, Debug, PartialEq)]
pub struct Opened {
    pub name: String,
    pub file: election_widget::feed::tree::Tree,
}

/// A field of an item, for edits and for placing problems beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ItemField {
    Paste,
    Kicker,
    Title,
    Lead,
    Body,
    Source,
    Day,
    Month,
    Year,
    Time,
    Url,
    ImageSrc,
    ImageAlt,
}

/// A field of an election.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ElectionField {
    Title,
    Day,
    Month,
    Year,
    Opens,
    Closes,
    CtaLabel,
    CtaUrl,
    Turnout,
    TurnoutLabel,
}

/// A change the officer makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// The pasted release of an item changed (typed or pasted).
    Paste {
        item: usize,
        text: String,
    },
    /// A field of an item changed; for `Month`, the value is the month's number.
    SetItem {
        item: usize,
        field: ItemField,
        value: String,
    },
    /// Fill a hand-edited part from the pasted release again.
    Relink {
        item: usize,
        field: ItemField,
    },
    /// Undo, or apply again, one normalisation edit.
    ToggleEdit {
        item: usize,
        key: EditKey,
    },
    /// The image at `src` loaded with this size.
    ImageSize {
        item: usize,
        src: String,
        width: u32,
        height: u32,
    },
    /// A field of an election changed.
    SetElection {
        election: usize,
        field: ElectionField,
        value: String,
    },
    /// A new empty item at the end (`id` chosen by the caller, published `now`).
    AddItem {
        id: String,
        now: Instant,
    },
    /// A copy of an item right after it, under a new id.
    Duplicate {
        item: usize,
        id: String,
    },
    Remove {
        item: usize,
    },
    /// Moves an item one place up (towards the card) or down.
    Move {
        item: usize,
        up: bool,
    },
    AddElection,
    RemoveElection {
        election: usize,
    },
    /// Moves an election's closing time by `minutes` (the polls stay open longer).
    ExtendClosing {
        election: usize,
        minutes: i64,
    },
    /// Starts over with another draft (a new bulletin, or a file opened).
    Replace(Box<Draft>),
    /// Items converted from another feed, added at the end.
    Append(Vec<ItemDraft>),
}

impl Draft {
    /// A new bulletin: one empty item published `now`, one empty election.
    pub fn new(first_id: String, now: Instant) -> Draft {
        Draft {
            lang: "fa".into(),
            items: vec![ItemDraft::new(first_id, now)],
            elections: vec![ElectionDraft::default()],
            opened: None,
        }
    }

    /// An id for a new item, unique in this draft, from the instant it was made.
    pub fn fresh_id(&self, now: Instant) -> String {
        let base = format!("news-{}", now.0);
        let mut id = base.clone();
        let mut n = 2;
        while self.items.iter().any(|i| i.id == id) {
            id = format!("{base}-{n}");
            n += 1;
        }
        id
    }

    /// Applies one change; changes that name an item or election that does not exist do nothing.
    pub fn apply(&mut self, action: Action) {
        match action {
            Action::Paste { item, text } => {
                if let Some(it) = self.items.get_mut(item) {
                    if it.paste.trim().is_empty() {
                        // a fresh paste fills every part, whatever was there
                        for t in [&mut it.kicker, &mut it.title, &mut it.lead, &mut it.body] {
                            t.by_hand = false;
                        }
                        it.undone.clear();
                    }
                    it.paste = text;
                    it.refill();
                }
            }
            Action::SetItem { item, field, value } => {
                if let Some(it) = self.items.get_mut(item) {
                    set_item(it, field, value);
                }
            }
            Action::Relink { item, field } => {
                if let Some(it) = self.items.get_mut(item) {
                    if let Some(t) = text_field(it, field) {
                        t.by_hand = false;
                    }
                    it.refill();
                }
            }
            Action::ToggleEdit { item, key } => {
                if let Some(it) = self.items.get_mut(item) {
                    match it.undone.iter().position(|k| *k == key) {
                        Some(at) => {
                            it.undone.remove(at);
                        }
                        None => it.undone.push(key),
                    }
                    it.refill();
                }
            }
            Action::ImageSize {
                item,
                src,
                width,
                height,
            } => {
                if let Some(it) = self.items.get_mut(item) {
                    if it.image.src.trim() == src.trim() {
                        it.image.width = Some(width);
                        it.image.height = Some(height);
                    }
                }
            }
            Action::SetElection {
                election,
                field,
                value,
            } => {
                if let Some(e) = self.elections.get_mut(election) {
                    set_election(e, field, value);
                }
            }
            Action::AddItem { id, now } => self.items.push(ItemDraft::new(id, now)),
            Action::Duplicate { item, id } => {
                if let Some(it) = self.items.get(item) {
                    let copy = ItemDraft { id, ..it.clone() };
                    self.items.insert(item + 1, copy);
                }
            }
            Action::Remove { item } => {
                if item < self.items.len() {
                    self.items.remove(item);
                }
            }
            Action::Move { item, up } => {
                let other = if up {
                    item.checked_sub(1)
                } else {
                    Some(item + 1)
                };
                if let Some(other) =
                    other.filter(|o| *o < self.items.len() && item < self.items.len())
                {
                    self.items.swap(item, other);
                }
            }
            Action::AddElection => self.elections.push(ElectionDraft::default()),
            Action::RemoveElection { election } => {
                if election < self.elections.len() {
                    self.elections.remove(election);
                }
            }
            Action::ExtendClosing { election, minutes } => {
                if let Some(e) = self.elections.get_mut(election) {
                    if let Ok(closes) = super::when::time_of_day(&e.closes) {
                        let later = (closes + minutes * 60).clamp(0, 24 * 3600);
                        e.closes = fa_digits(&time_text(later));
                    }
                }
            }
            Action::Replace(draft) => *self = *draft,
            Action::Append(items) => {
                // a blank first item (a new bulletin) gives way to what was opened
                if self.items.len() == 1
                    && self.items[0].is_blank()
                    && self.items[0].paste.trim().is_empty()
                {
                    self.items.clear();
                }
                for mut it in items {
                    if self.items.iter().any(|i| i.id == it.id) {
                        let base = it.id.clone();
                        let mut n = 2;
                        while self.items.iter().any(|i| i.id == format!("{base}-{n}")) {
                            n += 1;
                        }
                        it.id = format!("{base}-{n}");
                    }
                    self.items.push(it);
                }
            }
        }
    }
}

fn text_field(it: &mut ItemDraft, field: ItemField) -> Option<&mut Text> {
    match field {
        ItemField::Kicker => Some(&mut it.kicker),
        ItemField::Title => Some(&mut it.title),
        ItemField::Lead => Some(&mut it.lead),
        ItemField::Body => Some(&mut it.body),
        _ => None,
    }
}

fn set_item(it: &mut ItemDraft, field: ItemField, value: String) {
    if let Some(t) = text_field(it, field) {
        t.value = value;
        t.by_hand = true;
        return;
    }
    match field {
        ItemField::Paste => {}
        ItemField::Source => it.source = value,
        ItemField::Day => it.published.day = value,
        ItemField::Month => it.published.month = value.trim().parse().unwrap_or(0),
        ItemField::Year => it.published.year = value,
        ItemField::Time => it.published.time = value,
        ItemField::Url => it.url = value,
        ItemField::ImageSrc => {
            if it.image.src.trim() != value.trim() {
                it.image.width = None;
                it.image.height = None;
            }
            it.image.src = value;
        }
        ItemField::ImageAlt => it.image.alt = value,
        ItemField::Kicker | ItemField::Title | ItemField::Lead | ItemField::Body => {}
    }
}

fn set_election(e: &mut ElectionDraft, field: ElectionField, value: String) {
    match field {
        ElectionField::Title => e.title = value,
        ElectionField::Day => e.day.day = value,
        ElectionField::Month => e.day.month = value.trim().parse().unwrap_or(0),
        ElectionField::Year => e.day.year = value,
        ElectionField::Opens => e.opens = value,
        ElectionField::Closes => e.closes = value,
        ElectionField::CtaLabel => e.cta_label = value,
        ElectionField::CtaUrl => e.cta_url = value,
        ElectionField::Turnout => e.turnout = value,
        ElectionField::TurnoutLabel => e.turnout_label = value,
    }
}
