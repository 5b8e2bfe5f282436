//! The live preview: the widget's own views (news card, headlines, call to action) rendered
//! from the draft as the widget reads it, in a shadow root with the widget's stylesheet,
//! exactly as `embed.rs` mounts a widget. No request: the bulletin is already in memory.
//! The phase of the call to action is chosen by the `now` the views are given.

use std::rc::Rc;

use election_widget::components::headlines::{headlines, HeadlinesProps};
use election_widget::components::news_card::NewsCard;
use election_widget::components::status::{empty_view, error_view, ErrorViewProps, LocaleProps};
use election_widget::components::turnout_cta::{turnout_cta, TurnoutCtaProps};
use election_widget::cta;
use election_widget::locale::Locale;
use election_widget::model::Bulletin;
use election_widget::problem::Problem;
use election_widget::time::Instant;
use web_sys::{Element, ShadowRootInit, ShadowRootMode};
use yew::prelude::*;

/// The widget's stylesheet, minified by build.rs exactly as `embed.rs` includes it.
const WIDGET_CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

/// Adopts the widget's stylesheet into `shadow` as a constructed stylesheet, as `embed.rs` does
/// for every widget (`style-src 'self'` allows it where it would block a `<style>` element).
/// Done here rather than through the library, so the widget's module does not change at all.
fn adopt_widget_styles(shadow: &web_sys::ShadowRoot) {
    let Ok(sheet) = web_sys::CssStyleSheet::new() else {
        return;
    };
    if sheet.replace_sync(WIDGET_CSS).is_err() {
        return;
    }
    let list = js_sys::Array::of1(&sheet);
    let _ = js_sys::Reflect::set(shadow, &"adoptedStyleSheets".into(), &list);
}

/// When the preview looks at the bulletin.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Moment {
    /// The device clock.
    Now,
    /// Days before the vote: the countdown in days.
    Before,
    /// The evening before: the countdown in hours and minutes.
    LastDay,
    /// Polls open.
    Open,
    /// Polls closed.
    After,
}

impl Moment {
    pub const ALL: [Moment; 5] = [
        Moment::Now,
        Moment::Before,
        Moment::LastDay,
        Moment::Open,
        Moment::After,
    ];

    fn value(self) -> &'static str {
        match self {
            Moment::Now => "now",
            Moment::Before => "before",
            Moment::LastDay => "last-day",
            Moment::Open => "open",
            Moment::After => "after",
        }
    }

    fn label(self) -> &'static str {
        match self {
            Moment::Now => "اکنون",
            Moment::Before => "روزهای پیش از رأی‌گیری",
            Moment::LastDay => "روز آخر پیش از رأی‌گیری",
            Moment::Open => "هنگام رأی‌گیری",
            Moment::After => "پس از پایان رأی‌گیری",
        }
    }

    /// The instant this moment means for the bulletin's first election to open.
    fn instant(self, bulletin: Option<&Bulletin>, now: Instant) -> Instant {
        let first = bulletin.and_then(|b| b.elections.iter().min_by_key(|e| e.opens));
        let Some(e) = first else {
            return now;
        };
        match self {
            Moment::Now => now,
            Moment::Before => e.opens.plus(-5 * 86_400 - 6 * 3600),
            Moment::LastDay => e.opens.plus(-12 * 3600),
            Moment::Open => Instant(e.opens.0 + (e.closes.0 - e.opens.0) / 2),
            Moment::After => e.closes,
        }
    }
}

#[derive(Properties, PartialEq)]
pub struct PreviewProps {
    /// What the widget reads from the draft's file; None when it would show its error state.
    pub bulletin: Option<Rc<Bulletin>>,
    /// Why it would, in the reader's words.
    pub error: Option<String>,
    pub now: Instant,
}

/// The preview with its controls: moment, theme and width.
#[function_component]
pub fn Preview(props: &PreviewProps) -> Html {
    let moment = use_state(|| Moment::Now);
    let dark = use_state(|| false);
    let width = use_state(|| "full");
    let host = use_node_ref();
    let root = use_state(|| None::<Element>);
    {
        let (host, root) = (host.clone(), root.clone());
        use_effect_with((), move |_| {
            if let Some(h) = host.cast::<Element>() {
                let shadow = match h.shadow_root() {
                    Some(s) => Some(s),
                    None => h
                        .attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
                        .ok(),
                };
                if let Some(shadow) = shadow {
                    adopt_widget_styles(&shadow);
                    let div = h
                        .owner_document()
                        .and_then(|d| d.create_element("div").ok());
                    if let Some(div) = div {
                        div.set_class_name("ew-root");
                        if shadow.append_child(&div).is_ok() {
                            root.set(Some(div));
                        }
                    }
                }
            }
        });
    }
    let now = moment.instant(props.bulletin.as_deref(), props.now);
    let content = match (&props.bulletin, &props.error) {
        (Some(b), _) => widget(b, now),
        (None, error) => {
            let locale = Rc::new(Locale::persian());
            shell(
                &locale,
                "error",
                error_view(&ErrorViewProps {
                    problem: Problem::BadData(error.clone().unwrap_or_default()),
                    locale: locale.clone(),
                    on_retry: Callback::noop(),
                }),
            )
        }
    };
    let has_election = props
        .bulletin
        .as_ref()
        .is_some_and(|b| !b.elections.is_empty());
    let radio = |name: &'static str,
                 value: &'static str,
                 label: &'static str,
                 checked: bool,
                 onchange: Callback<Event>| {
        let id = format!("preview-{name}-{value}");
        html! {
            <span class="choice">
                <input type="radio" id={id.clone()} name={name} value={value} {checked} {onchange} />
                <label for={id}>{label}</label>
            </span>
        }
    };
    let moments = Moment::ALL.iter().map(|m| {
        let (state, m) = (moment.clone(), *m);
        let disabled = !has_election && m != Moment::Now;
        let id = format!("preview-moment-{}", m.value());
        html! {
            <span class="choice">
                <input type="radio" id={id.clone()} name="moment" value={m.value()} checked={*moment == m}
                    disabled={disabled} onchange={Callback::from(move |_| state.set(m))} />
                <label for={id}>{m.label()}</label>
            </span>
        }
    });
    let themes =
        [("light", "روشن", false), ("dark", "تیره", true)].map(|(value, label, is_dark)| {
            let state = dark.clone();
            radio(
                "theme",
                value,
                label,
                *dark == is_dark,
                Callback::from(move |_| state.set(is_dark)),
            )
        });
    let widths = [
        ("320", "۳۲۰ پیکسل (تلفن)"),
        ("768", "۷۶۸ پیکسل (تبلت)"),
        ("full", "تمام عرض"),
    ]
    .map(|(value, label)| {
        let state = width.clone();
        radio(
            "width",
            value,
            label,
            *width == value,
            Callback::from(move |_| state.set(value)),
        )
    });
    let moment_note = (!has_election).then(|| {
        html! {
            <p class="hint">{"مرحله‌های رأی‌گیری پس از نوشتن روز و ساعت انتخابات در دسترس است."}</p>
        }
    });
    html! {
        <section class="preview" aria-labelledby="preview-heading">
            <h2 id="preview-heading">{"پیش‌نمایش: آنچه خوانندگان می‌بینند"}</h2>
            <div class="preview__controls">
                <fieldset><legend>{"زمان"}</legend>{ for moments }{moment_note}</fieldset>
                <fieldset><legend>{"رنگ"}</legend>{ for themes }</fieldset>
                <fieldset><legend>{"پهنا"}</legend>{ for widths }</fieldset>
            </div>
            <div class="preview__frame" data-width={*width}>
                // the width is the viewport's: the widget's :host rule resets the host's own
                <div class="preview__viewport">
                    <div id="preview-widget" ref={host} data-theme={if *dark { "dark" } else { "light" }}
                        data-moment={moment.value()} data-state={if props.bulletin.is_some() { "ready" } else { "error" }}></div>
                </div>
            </div>
            { root.as_ref().map(|r| create_portal(content, r.clone())).unwrap_or_default() }
        </section>
    }
}

/// The widget's content for a bulletin at `now`: card, headlines for every other item (as
/// with `data-items` covering them all), call to action.
fn widget(b: &Bulletin, now: Instant) -> Html {
    // as the widget's own `content`: its labels in the bulletin's language (no data-lang
    // here), and each field marked with the language the bulletin declares
    let locale = Rc::new(Locale::for_tag(b.lang.as_deref().unwrap_or("fa")));
    let lang = b.lang.clone().map(AttrValue::from);
    let level = 3;
    let card = match b.items.first() {
        Some(item) => html! {
            <NewsCard item={Rc::new(item.clone())} locale={locale.clone()} lang={lang.clone()} now={now} heading_level={level} />
        },
        None => empty_view(&LocaleProps {
            locale: locale.clone(),
        }),
    };
    let more = (b.items.len() > 1).then(|| {
        headlines(&HeadlinesProps {
            items: b.items[1..].to_vec().into(),
            locale: locale.clone(),
            lang,
        })
    });
    let call = match cta::pick(&b.elections, now) {
        Some(e) => turnout_cta(&TurnoutCtaProps {
            election: Rc::new(e.clone()),
            locale: locale.clone(),
            now,
            heading_level: level,
        }),
        None if b.election_problem.is_some() => {
            html! { <p class="cta cta--invalid" part="cta">{locale.strings.bad_election}</p> }
        }
        None => html! {},
    };
    shell(&locale, "ready", html! { <>{card}{more}{call}</> })
}

fn shell(locale: &Locale, state: &'static str, inner: Html) -> Html {
    html! {
        <div class="ew" lang={locale.tag.clone()} dir={locale.dir.as_str()} data-state={state}>
            {inner}
        </div>
    }
}
