//! The root component: one render branch per load state.

use std::rc::Rc;

use yew::prelude::*;

use super::headlines::{headlines, HeadlinesProps};
use super::news_card::NewsCard;
use super::status::{empty_view, error_view, skeleton, ErrorViewProps, LocaleProps};
use super::turnout_cta::{turnout_cta, TurnoutCtaProps};
use crate::config::Config;
use crate::hooks::use_bulletin::{use_bulletin, LoadState, Shown};
use crate::hooks::use_minute::use_minute;
use crate::locale::{fill, Locale};
use crate::model::Bulletin;
use crate::time::Instant;
use crate::{clock, cta};

/// What the widget tells its host (through `embed`) after each render that changes state.
#[derive(Clone, Debug, PartialEq)]
pub enum Report {
    Loading,
    /// A fresh bulletin is shown; `fresh` changes with every network load, so each one is announced.
    Ready {
        items: usize,
        fresh: u32,
    },
    /// An older copy is shown; `code` is the problem that kept the fresh one away, if any.
    Stale {
        code: Option<&'static str>,
    },
    Error {
        code: &'static str,
    },
}

#[derive(Properties, PartialEq)]
pub struct WidgetProps {
    pub config: Rc<Config>,
    pub on_report: Callback<Report>,
    /// The loader's skeleton is on screen until the first report other than `Loading`:
    /// render nothing while loading until then, rather than a second skeleton under it.
    #[prop_or_default]
    pub early: bool,
}

/// The widget: news card and call-to-action, or the skeleton, the error or the empty state.
#[function_component]
pub fn Widget(props: &WidgetProps) -> Html {
    let handle = use_bulletin(props.config.clone());
    let config = &props.config;
    let early = use_mut_ref(|| props.early);
    if handle.state != LoadState::Loading {
        *early.borrow_mut() = false;
    }

    let shown_items = |s: &Shown| s.bulletin.items.len().min(config.items);
    let report = match &handle.state {
        LoadState::Loading => Report::Loading,
        LoadState::Ready { shown, fresh } => Report::Ready {
            items: shown_items(shown),
            fresh: *fresh,
        },
        LoadState::Stale { problem, .. } => Report::Stale {
            code: problem.as_ref().map(|p| p.code()),
        },
        LoadState::Error(p) => Report::Error { code: p.code() },
    };
    {
        let on_report = props.on_report.clone();
        use_effect_with(report, move |r| on_report.emit(r.clone()));
    }

    let shown = match &handle.state {
        LoadState::Ready { shown, .. } | LoadState::Stale { shown, .. } => Some(shown.clone()),
        _ => None,
    };
    let (skew, boundary, ticking) = match &shown {
        Some(s) => {
            let now = cta_now(config, s);
            let ticking = config.now.is_none() && !s.bulletin.elections.is_empty();
            (
                s.election_skew,
                cta::next_boundary(&s.bulletin.elections, now),
                ticking,
            )
        }
        None => (0, None, false),
    };
    use_minute(ticking, skew, boundary);

    let ui_locale = || Rc::new(Locale::for_tag(config.lang.as_deref().unwrap_or("fa")));
    match &handle.state {
        LoadState::Loading if *early.borrow() => html! {},
        LoadState::Loading => {
            let locale = ui_locale();
            shell(
                &locale,
                "loading",
                skeleton(&LocaleProps {
                    locale: locale.clone(),
                }),
            )
        }
        LoadState::Error(problem) => {
            let locale = ui_locale();
            let view = error_view(&ErrorViewProps {
                problem: problem.clone(),
                locale: locale.clone(),
                on_retry: handle.retry.clone(),
            });
            shell(&locale, "error", view)
        }
        LoadState::Ready { shown, .. } => content(config, shown, "ready", html! {}),
        LoadState::Stale { shown, problem } => {
            let locale = chrome(config, &shown.bulletin);
            let when = locale.date_time(Instant::from_millis(shown.fetched_ms));
            let retry = handle.retry.reform(|_: MouseEvent| ());
            let note = html! {
                <div class="stale" part="stale" data-code={problem.as_ref().map(|p| p.code())}>
                    <p>{fill(locale.strings.last_updated, &[("time", &when)])}</p>
                    if problem.as_ref().is_some_and(|p| p.retryable()) {
                        <button type="button" class="button button--quiet" part="button" onclick={retry}>{locale.strings.retry}</button>
                    }
                </div>
            };
            content(config, shown, "stale", note)
        }
    }
}

/// The bulletin: card (or the empty look), headlines, call-to-action, and a note.
fn content(config: &Config, shown: &Shown, state: &'static str, note: Html) -> Html {
    let bulletin = &shown.bulletin;
    let locale = Rc::new(chrome(config, bulletin));
    // each field carries the language the feed declares, where it declares one
    let lang = bulletin.lang.clone().map(AttrValue::from);
    let now = clock::now(config.now, shown.skew);
    let vote_now = cta_now(config, shown);
    let level = config.heading_level;
    let card = match bulletin.items.first() {
        Some(item) => html! {
            <NewsCard item={Rc::new(item.clone())} locale={locale.clone()} lang={lang.clone()} now={now} heading_level={level} />
        },
        None => empty_view(&LocaleProps {
            locale: locale.clone(),
        }),
    };
    let shown_count = bulletin.items.len().min(config.items);
    let headlines = (shown_count > 1).then(|| {
        let items: Rc<[_]> = bulletin.items[1..shown_count].to_vec().into();
        headlines(&HeadlinesProps {
            items,
            locale: locale.clone(),
            lang,
        })
    });
    let call = match cta::pick(&bulletin.elections, vote_now) {
        Some(e) => turnout_cta(&TurnoutCtaProps {
            election: Rc::new(e.clone()),
            locale: locale.clone(),
            now: vote_now,
            heading_level: level,
        }),
        None => match &bulletin.election_problem {
            Some(_) => {
                html! { <p class="cta cta--invalid" part="cta">{locale.strings.bad_election}</p> }
            }
            None => html! {},
        },
    };
    // the note last: when the fresh copy replaces a cached one, the note goes and nothing
    // above it moves
    shell(&locale, state, html! { <>{card}{headlines}{call}{note}</> })
}

/// The instant the call to vote is shown at: its own source's clock, guarded so that no
/// correction closes the polls before the device clock does.
fn cta_now(config: &Config, shown: &Shown) -> Instant {
    if let Some(fixed) = config.now {
        return fixed;
    }
    let device = clock::device();
    let corrected = device.plus(shown.election_skew);
    cta::guarded_now(&shown.bulletin.elections, device, corrected)
}

/// The widget's own language, which its labels, buttons and dates follow: `data-lang`, else
/// the language the bulletin declares, else Persian.
fn chrome(config: &Config, bulletin: &Bulletin) -> Locale {
    let tag = config.lang.as_deref().or(bulletin.lang.as_deref());
    Locale::for_tag(tag.unwrap_or("fa"))
}

fn shell(locale: &Locale, state: &'static str, inner: Html) -> Html {
    html! {
        <div class="ew" lang={locale.tag.clone()} dir={locale.dir.as_str()} data-state={state}>
            {inner}
        </div>
    }
}
