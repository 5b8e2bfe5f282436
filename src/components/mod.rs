//! Views: they take data as props and know nothing about the network or the host page.
//!
//! Only views with state of their own (the card's fold, the share button's outcome) and the
//! widget itself are components; the rest are plain functions from props to `Html`. Each
//! component type instantiates Yew's lifecycle code anew, and views rendered again with their
//! parent anyway gain nothing from it: as functions they cost the module about 2 KiB less.

pub mod headlines;
pub mod news_card;
pub mod share_button;
pub mod status;
pub mod turnout_cta;
pub mod widget;

use yew::prelude::*;

use crate::locale::Dir;
use crate::text::script;

/// A heading of the level the host asked for (`data-heading-level`), clamped to h1–h6, holding
/// one text field in its own direction and language.
pub fn heading(level: u8, id: &'static str, class: &'static str, text: &str, field: Field) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} id={id} class={class} dir={field.dir} lang={field.lang}>{text.to_owned()}</@> }
}

/// The `dir` and `lang` of the element holding one text field from a feed.
pub struct Field {
    pub dir: &'static str,
    pub lang: Option<AttrValue>,
}

impl Field {
    /// A field's direction comes from its own letters (URLs and e-mail addresses left out),
    /// not from the card; one without letters follows the card. Its language is the one the
    /// feed declares, if any.
    pub fn of(text: &str, card: Dir, lang: &Option<AttrValue>) -> Field {
        Field {
            dir: script::direction(text).unwrap_or(card).as_str(),
            lang: lang.clone(),
        }
    }
}

/// A `<time datetime>` value: the UTC instant, or the calendar day alone for a date without a
/// time (`2024-06-25`).
pub fn datetime(t: crate::time::Instant, date_only: bool) -> String {
    let full = crate::time::format_rfc3339_utc(t);
    match full.split_once('T') {
        Some((day, _)) if date_only => day.to_owned(),
        _ => full,
    }
}
