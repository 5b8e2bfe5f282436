//! The items after the first, as a list of headlines (`data-items` > 1).

use std::rc::Rc;

use yew::prelude::*;

use super::{datetime, Field};
use crate::locale::Locale;
use crate::model::Item;

pub struct HeadlinesProps {
    pub items: Rc<[Item]>,
    pub locale: Rc<Locale>,
    /// The language the feed declares, for each title.
    pub lang: Option<AttrValue>,
}

/// Headlines with links and dates; only the items given are rendered. Each title is a bidi
/// island in its own direction, and its date sits on a line of its own, in the widget's
/// language: the two never run together, on screen or in the text copied or read aloud.
pub fn headlines(props: &HeadlinesProps) -> Html {
    let locale = &props.locale;
    html! {
        <nav class="headlines" part="headlines" aria-label={locale.strings.more_news}>
            <ul>
                { for props.items.iter().map(|item| {
                    let Field { dir, lang } = Field::of(&item.title, locale.dir, &props.lang);
                    let title = match &item.url {
                        Some(url) => html! { <a class="headlines__title" href={url.clone()} rel="noopener" dir={dir} lang={lang}>{item.title.clone()}</a> },
                        None => html! { <span class="headlines__title" dir={dir} lang={lang}>{item.title.clone()}</span> },
                    };
                    let date = item.published.map(|t| html! {
                        <div class="headlines__date" dir={locale.dir.as_str()}>
                            <time datetime={datetime(t, item.date_only)}>{locale.date(t)}</time>
                        </div>
                    });
                    html! { <li data-item={item.id.clone()}>{title}{date}</li> }
                }) }
            </ul>
        </nav>
    }
}
