//! Share an item: the system share sheet, else the clipboard, else the link shown selected.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use crate::share::{self, Shared};

#[derive(Properties, PartialEq)]
pub struct ShareButtonProps {
    pub title: AttrValue,
    /// The item's own URL; the page's URL when it has none.
    pub url: Option<AttrValue>,
    pub locale: Rc<Locale>,
}

/// A share button with visible confirmation and a manual fallback.
#[function_component]
pub fn ShareButton(props: &ShareButtonProps) -> Html {
    let outcome = use_state(|| None::<(Shared, String)>);
    let input = use_node_ref();
    let s = props.locale.strings;
    let onclick = {
        let (outcome, title, url) = (outcome.clone(), props.title.clone(), props.url.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(url) = url.as_ref().map(|u| u.to_string()).or_else(share::page_url) else {
                return;
            };
            let (outcome, title) = (outcome.clone(), title.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let result = share::share(&title, &url).await;
                outcome.set(Some((result, url)));
            });
        })
    };
    {
        // select the link so that one keystroke copies it
        let input = input.clone();
        use_effect_with(outcome.clone(), move |_| {
            if let Some(el) = input.cast::<web_sys::HtmlInputElement>() {
                let _ = el.focus();
                el.select();
            }
        });
    }
    let feedback = match &*outcome {
        Some((Shared::Copied, _)) => html! { <p class="share__note" role="status">{s.copied}</p> },
        Some((Shared::Manual, url)) => html! {
            <label class="share__manual">
                <span>{s.copy_by_hand}</span>
                <input ref={input} class="share__input" type="text" readonly=true value={url.clone()} dir="ltr" />
            </label>
        },
        _ => html! { <span role="status" class="visually-hidden"></span> },
    };
    html! {
        <div class="share">
            <button type="button" class="button button--quiet" part="button" onclick={onclick}>{s.share}</button>
            {feedback}
        </div>
    }
}
