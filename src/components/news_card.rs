//! The news card: kicker, headline, lead, folded body, source, date and link.

use std::rc::Rc;

use yew::prelude::*;

use super::heading;
use super::share_button::ShareButton;
use crate::locale::Locale;
use crate::model::Item;
use crate::time::{format_rfc3339_utc, Instant};

#[derive(Properties, PartialEq)]
pub struct NewsCardProps {
    pub item: Rc<Item>,
    pub locale: Rc<Locale>,
    pub now: Instant,
    pub heading_level: u8,
}

/// One item as a card. The body starts folded behind a real button so the card has a
/// predictable height and the page does not jump.
#[function_component]
pub fn NewsCard(props: &NewsCardProps) -> Html {
    let expanded = use_state(|| false);
    // an image that fails (404, or blocked by the page's img-src) leaves its reserved box, not a broken icon
    let image_failed = use_state(|| false);
    let on_image_error = {
        let image_failed = image_failed.clone();
        Callback::from(move |_: Event| image_failed.set(true))
    };
    let toggle = {
        let expanded = expanded.clone();
        Callback::from(move |_| expanded.set(!*expanded))
    };
    let NewsCardProps {
        item,
        locale,
        now,
        heading_level,
    } = props;
    let s = locale.strings;

    let image = item.image.as_ref().map(|img| {
        if *image_failed {
            return html! { <div class="card__image card__image--failed" part="image" aria-hidden="true"></div> };
        }
        html! {
            <img class="card__image" part="image" src={img.src.clone()} alt={img.alt.clone()}
                width={img.width.map(|w| w.to_string())} height={img.height.map(|h| h.to_string())}
                loading="lazy" decoding="async" onerror={on_image_error} />
        }
    });
    let meta = {
        let source = item.source.as_ref().map(|src| html! {
            <span class="card__source"><span class="visually-hidden">{s.source}{": "}</span><bdi>{src.clone()}</bdi></span>
        });
        let date = item.published.map(|t| {
            let age = locale
                .age(t, *now)
                .map(|a| html! { <span class="card__age">{" ("}{a}{")"}</span> });
            html! {
                <span class="card__date">
                    <span class="visually-hidden">{s.published}{": "}</span>
                    <time datetime={format_rfc3339_utc(t)}>{locale.date_time(t)}</time>
                    {age}
                </span>
            }
        });
        (source.is_some() || date.is_some())
            .then(|| html! { <p class="card__meta">{source}{date}</p> })
    };
    let body = (!item.body.is_empty()).then(|| {
        html! {
            <div id="ew-body" class="card__body" hidden={!*expanded}>
                { for item.body.iter().map(|p| html! { <p>{p.clone()}</p> }) }
            </div>
        }
    });
    let toggle = (!item.body.is_empty()).then(|| {
        html! {
            <button type="button" class="button button--quiet" part="button"
                aria-expanded={if *expanded { "true" } else { "false" }} aria-controls="ew-body"
                onclick={toggle}>
                { if *expanded { s.read_less } else { s.read_more } }
            </button>
        }
    });
    let link = item.url.as_ref().map(|url| {
        html! {
            <a class="card__link" part="link" href={url.clone()} rel="noopener">{s.full_story}</a>
        }
    });

    html! {
        <article class="card" part="card" aria-labelledby="ew-title" data-item={item.id.clone()}>
            {image}
            if let Some(kicker) = &item.kicker {
                <p class="card__kicker">{kicker.clone()}</p>
            }
            { heading(*heading_level, "ew-title", "card__title", html! { {item.title.clone()} }) }
            if let Some(lead) = &item.lead {
                <p class="card__lead">{lead.clone()}</p>
            }
            {meta}
            {body}
            <div class="card__actions">
                {toggle}
                {link}
                <ShareButton title={AttrValue::from(item.title.clone())} url={item.url.clone().map(AttrValue::from)} locale={locale.clone()} />
            </div>
        </article>
    }
}
