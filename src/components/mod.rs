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

/// A heading of the level the host asked for (`data-heading-level`), clamped to h1–h6.
pub fn heading(level: u8, id: &'static str, class: &'static str, text: Html) -> Html {
    let tag = format!("h{}", level.clamp(1, 6));
    html! { <@{tag} id={id} class={class}>{text}</@> }
}
