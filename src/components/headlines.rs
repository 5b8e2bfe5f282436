//! The items after the first, as a list of headlines (`data-items` > 1).

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use crate::model::Item;
use crate::time::format_rfc3339_utc;

pub struct HeadlinesProps {
    pub items: Rc<[Item]>,
    pub locale: Rc<Locale>,
}

/// Headlines with links and dates; only the items given are rendered.
pub fn headlines(props: &HeadlinesProps) -> Html {
    let locale = &props.locale;
    html! {
        <nav class="headlines" part="headlines" aria-label={locale.strings.more_news}>
            <ul>
                { for props.items.iter().map(|item| {
                    let title = match &item.url {
                        Some(url) => html! { <a href={url.clone()} rel="noopener">{item.title.clone()}</a> },
                        None => html! { <span>{item.title.clone()}</span> },
                    };
                    let date = item.published.map(|t| html! {
                        <time class="headlines__date" datetime={format_rfc3339_utc(t)}>{locale.date(t)}</time>
                    });
                    html! { <li data-item={item.id.clone()}>{title}{date}</li> }
                }) }
            </ul>
        </nav>
    }
}
