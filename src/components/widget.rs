//! The root component: one render branch per load state.

use std::rc::Rc;

use yew::prelude::*;

use super::news_card::NewsCard;
use super::status::{EmptyView, ErrorView, Skeleton};
use super::turnout_cta::TurnoutCta;
use crate::config::Config;
use crate::hooks::use_bulletin::{use_bulletin, LoadState};
use crate::hooks::use_minute::use_minute;
use crate::locale::Locale;
use crate::{clock, cta};

/// What the widget tells its host (through `embed`) after each render that changes state.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    Loading,
    Ready { items: usize },
    Error { code: &'static str },
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: Rc<Config>,
    pub on_report: Callback<Report>,
}

/// The widget: news card and call-to-action, or the skeleton, the error or the empty state.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let handle = use_bulletin(props.config.clone());
    let config = &props.config;

    let report = match &handle.state {
        LoadState::Loading => Report::Loading,
        LoadState::Ready { bulletin, .. } => Report::Ready {
            items: bulletin.items.len().min(1),
        },
        LoadState::Error(p) => Report::Error { code: p.code() },
    };
    {
        let on_report = props.on_report.clone();
        use_effect_with(report, move |r| on_report.emit(r.clone()));
    }

    let (skew, boundary, ticking) = match &handle.state {
        LoadState::Ready { bulletin, skew } => {
            let now = clock::now(config.now, *skew);
            (
                *skew,
                cta::next_boundary(&bulletin.elections, now),
                config.now.is_none() && !bulletin.elections.is_empty(),
            )
        }
        _ => (0, None, false),
    };
    use_minute(ticking, skew, boundary);

    let ui_locale = |content_lang: Option<&str>| {
        Rc::new(Locale::for_tag(
            config.lang.as_deref().or(content_lang).unwrap_or("fa"),
        ))
    };
    match &handle.state {
        LoadState::Loading => {
            let locale = ui_locale(None);
            shell(
                &locale,
                "loading",
                html! { <Skeleton locale={locale.clone()} /> },
            )
        }
        LoadState::Error(problem) => {
            let locale = ui_locale(None);
            let view = html! { <ErrorView problem={problem.clone()} locale={locale.clone()} on_retry={handle.retry.clone()} /> };
            shell(&locale, "error", view)
        }
        LoadState::Ready { bulletin, skew } => {
            let content = Rc::new(Locale::for_tag(&bulletin.lang));
            let now = clock::now(config.now, *skew);
            let level = config.heading_level;
            let card = match bulletin.items.first() {
                Some(item) => html! {
                    <NewsCard item={Rc::new(item.clone())} locale={content.clone()} now={now} heading_level={level} />
                },
                None => html! { <EmptyView locale={content.clone()} /> },
            };
            let call = match cta::pick(&bulletin.elections, now) {
                Some(e) => html! {
                    <TurnoutCta election={Rc::new(e.clone())} locale={content.clone()} now={now} heading_level={level} />
                },
                None => match &bulletin.election_problem {
                    Some(_) => {
                        html! { <p class="cta cta--invalid" part="cta">{content.strings.bad_election}</p> }
                    }
                    None => html! {},
                },
            };
            shell(&content, "ready", html! { <>{card}{call}</> })
        }
    }
}

fn shell(locale: &Locale, state: &'static str, inner: Html) -> Html {
    html! {
        <div class="ew" lang={locale.tag.clone()} dir={locale.dir.as_str()} data-state={state}>
            {inner}
        </div>
    }
}
