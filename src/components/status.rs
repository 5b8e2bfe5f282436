//! The states around the content: loading skeleton, error with retry, empty bulletin.

use std::rc::Rc;

use yew::prelude::*;

use crate::locale::Locale;
use crate::problem::Problem;

pub struct LocaleProps {
    pub locale: Rc<Locale>,
}

/// Grey blocks in the card's shape, so the page keeps its layout while the bulletin loads.
pub fn skeleton(props: &LocaleProps) -> Html {
    html! {
        <div class="skeleton" role="status" aria-busy="true">
            <span class="visually-hidden">{props.locale.strings.loading}</span>
            <div class="skeleton__card" aria-hidden="true">
                <div class="skeleton__line skeleton__line--short"></div>
                <div class="skeleton__line skeleton__line--title"></div>
                <div class="skeleton__line"></div>
                <div class="skeleton__line"></div>
                <div class="skeleton__line skeleton__line--short"></div>
            </div>
            <div class="skeleton__cta" aria-hidden="true"></div>
        </div>
    }
}

pub struct ErrorViewProps {
    pub problem: Problem,
    pub locale: Rc<Locale>,
    pub on_retry: Callback<()>,
}

/// A clear message in the reader's language, and a retry button where retrying can help.
pub fn error_view(props: &ErrorViewProps) -> Html {
    let s = props.locale.strings;
    let retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="error" role="alert" part="error" data-code={props.problem.code()}>
            <p class="error__title">{s.err_title}</p>
            <p class="error__message">{props.problem.message(s)}</p>
            if props.problem.retryable() {
                <button type="button" class="button" part="button" onclick={retry}>{s.retry}</button>
            }
        </div>
    }
}

/// The bulletin is fine but has no items yet.
pub fn empty_view(props: &LocaleProps) -> Html {
    html! { <p class="empty" part="empty">{props.locale.strings.empty}</p> }
}
