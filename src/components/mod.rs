//! Views: they take data as props and know nothing about the network or the host page.

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
