//! The widget's own data: what a card and a call-to-action show, independent of any feed.

use crate::time::Instant;

/// One bulletin, as adapted from whatever the endpoint served.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Bulletin {
    /// BCP 47 tag of the content, where the feed (or the page, `data-lang`) declares one.
    /// Without it each text field is read by its own script.
    pub lang: Option<String>,
    /// When the publisher generated it; bounds how wrong a reader's clock may be.
    pub generated: Option<Instant>,
    pub items: Vec<Item>,
    /// Valid elections, in the order given.
    pub elections: Vec<Election>,
    /// Set when the bulletin had an election block but none of it was usable.
    pub election_problem: Option<String>,
}

/// One news item. Text fields are plain text; links are already checked and absolute.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Item {
    pub id: String,
    pub kicker: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    pub body: Vec<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub published: Option<Instant>,
    /// `published` names a calendar day (kept as its midnight UTC), not an instant: the feed
    /// gave no time, or a time without a zone. Shown as the date alone.
    pub date_only: bool,
    pub image: Option<Image>,
}

/// An item's picture. `width`/`height` let the card reserve its space before it loads.
#[derive(Clone, Debug, PartialEq)]
pub struct Image {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// An election the call-to-action counts down to. `opens < closes` always holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Election {
    pub title: String,
    pub opens: Instant,
    pub closes: Instant,
    pub cta: Option<Link>,
    pub turnout: Option<Turnout>,
}

/// A labelled link (the call-to-action button).
#[derive(Clone, Debug, PartialEq)]
pub struct Link {
    pub label: String,
    pub url: String,
}

/// Turnout at the previous election, as a percentage in 0..=100.
#[derive(Clone, Debug, PartialEq)]
pub struct Turnout {
    pub previous: f64,
    pub label: Option<String>,
}
