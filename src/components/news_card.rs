//! The news card: kicker, headline, lead, folded body, source, date and link.

use std::rc::Rc;

use yew::prelude::*;

use super::share_button::ShareButton;
use super::{datetime, heading, Field};
use crate::locale::Locale;
use crate::model::Item;
use crate::time::Instant;

#[derive(Properties, PartialEq)]
pub struct NewsCardProps {
    pub item: Rc<Item>,
    /// The widget's own language: labels, buttons, dates.
    pub locale: Rc<Locale>,
    /// The language the feed declares, for the item's text fields.
    #[prop_or_default]
    pub lang: Option<AttrValue>,
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
        lang,
        now,
        heading_level,
    } = props;
    let s = locale.strings;
    let field = |text: &str| Field::of(text, locale.dir, lang);

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
        let source = item.source.as_ref().map(|src| {
            let Field { dir, lang } = field(src);
            html! {
                <span class="card__source"><span class="visually-hidden">{s.source}{": "}</span><bdi dir={dir} lang={lang}>{src.clone()}</bdi></span>
            }
        });
        let date = item.published.map(|t| {
            // a calendar day has no time to show, and no age in hours
            let (shown, age) = if item.date_only {
                (locale.date(t), None)
            } else {
                (locale.date_time(t), locale.age(t, *now))
            };
            let age = age.map(|a| html! { <span class="card__age">{" ("}{a}{")"}</span> });
            html! {
                <span class="card__date">
                    <span class="visually-hidden">{s.published}{": "}</span>
                    <time datetime={datetime(t, item.date_only)}>{shown}</time>
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
                // each paragraph in its own direction: a quoted English paragraph in a Persian story
                { for item.body.iter().map(|p| {
                    let Field { dir, lang } = field(p);
                    html! { <p dir={dir} lang={lang}>{p.clone()}</p> }
                }) }
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
                <p class="card__kicker" dir={field(kicker).dir} lang={lang.clone()}>{kicker.clone()}</p>
            }
            { heading(*heading_level, "ew-title", "card__title", &item.title, field(&item.title)) }
            if let Some(lead) = &item.lead {
                <p class="card__lead" dir={field(lead).dir} lang={lang.clone()}>{lead.clone()}</p>
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
