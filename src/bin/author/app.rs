//! The page: the draft and its reducer, the forms, the checks, the export and the preview.

use std::rc::Rc;

use crate::newsroom::check::{check, Checked, Severity, Target};
use crate::newsroom::draft::{Action, Draft};
use crate::newsroom::json::pretty;
use crate::newsroom::when::rfc3339_tehran;
use election_widget::feed::tree::Tree;
use yew::prelude::*;

use crate::browser;
use crate::editor::{fa, ElectionEditor, ItemEditor};
use crate::fields::{field_id, severity_word};
use crate::preview::Preview;

/// Everything the page keeps between renders.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub draft: Draft,
    /// The item being edited.
    pub selected: usize,
    /// An element to focus after the next render (after a move, a new item).
    pub focus: Option<String>,
}

/// What the officer did.
pub enum Msg {
    Act(Action),
    RemoveElection(usize),
    /// Focus an element once it is on the page.
    Focus(String),
    Focused,
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        match msg {
            Msg::Act(action) => s.draft.apply(action),
            Msg::RemoveElection(i) => s.draft.apply(Action::RemoveElection { election: i }),
            Msg::Focus(id) => s.focus = Some(id),
            Msg::Focused => s.focus = None,
        }
        if s.draft.elections.is_empty() {
            s.draft.apply(Action::AddElection);
        }
        s.selected = s.selected.min(s.draft.items.len().saturating_sub(1));
        Rc::new(s)
    }
}

/// The whole page.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(|| {
        let now = browser::now();
        let draft = Draft::new(Draft::default().fresh_id(now), now);
        State {
            draft,
            selected: 0,
            focus: None,
        }
    });
    let dispatch = {
        let state = state.clone();
        Callback::from(move |m: Msg| state.dispatch(m))
    };
    let checked = use_memo(state.draft.clone(), check);
    let clock = use_state(|| ClockCheck::Pending);
    {
        let clock = clock.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                clock.set(ClockCheck::measure().await);
            });
        });
    }
    {
        let (focus, dispatch) = (state.focus.clone(), dispatch.clone());
        use_effect_with(focus, move |focus| {
            if let Some(id) = focus {
                browser::focus(id);
                dispatch.emit(Msg::Focused);
            }
        });
    }
    let draft = &state.draft;
    let item = state.selected.min(draft.items.len().saturating_sub(1));
    let items = draft.items.get(item).map(|it| {
        html! {
            <ItemEditor index={item} count={draft.items.len()} item={it.clone()} checked={checked.clone()} dispatch={dispatch.clone()} />
        }
    });
    let elections = draft.elections.iter().enumerate().map(|(i, e)| {
        html! {
            <ElectionEditor index={i} count={draft.elections.len()} election={e.clone()} checked={checked.clone()} dispatch={dispatch.clone()} />
        }
    });
    let bulletin = checked.bulletin.clone().map(Rc::new);
    let error = checked
        .problems
        .iter()
        .find(|p| p.severity == Severity::Blocking)
        .map(|p| p.message.clone());
    html! {
        <div class="workspace">
            <div class="workspace__edit">
                <section aria-labelledby="news-heading">
                    <h2 id="news-heading">{"خبر"}</h2>
                    {items}
                </section>
                <section aria-labelledby="election-heading">
                    <h2 id="election-heading">{"انتخابات و فراخوان به مشارکت"}</h2>
                    <p class="hint">{"اگر خبرنامه فراخوانی ندارد، این بخش را خالی بگذارید."}</p>
                    { for elections }
                </section>
            </div>
            <div class="workspace__side">
                { summary(&checked, &dispatch) }
                <Export checked={checked.clone()} clock={(*clock).clone()} on_clock={Callback::from(move |c| clock.set(c))} />
                <Preview bulletin={bulletin} error={error} now={browser::now()} />
            </div>
        </div>
    }
}

/// The list of every problem, each a link to its field.
fn summary(checked: &Checked, dispatch: &Callback<Msg>) -> Html {
    let count = |s: Severity| checked.problems.iter().filter(|p| p.severity == s).count();
    let (blocking, errors, warnings) = (
        count(Severity::Blocking),
        count(Severity::Error),
        count(Severity::Warning),
    );
    let status = if blocking > 0 {
        format!(
            "{} مشکل مانع انتشار است: تا درست نشود، فایل ساخته نمی‌شود.",
            fa(blocking)
        )
    } else if errors > 0 {
        format!(
            "{} خطا: آن مقدارها در فایل نمی‌آیند تا درست شوند. فایل را می‌توانید بگیرید.",
            fa(errors)
        )
    } else if warnings > 0 {
        format!("{} هشدار؛ فایل آمادهٔ انتشار است.", fa(warnings))
    } else {
        "خبرنامه آمادهٔ انتشار است و ابزارک آن را همان‌گونه که در پیش‌نمایش می‌بینید نشان می‌دهد.".into()
    };
    let mut problems: Vec<_> = checked.problems.iter().collect();
    problems.sort_by(|a, b| b.severity.cmp(&a.severity));
    let rows = problems.into_iter().map(|p| {
        let id = field_id(p.target);
        let onclick = {
            let (dispatch, id) = (dispatch.clone(), id.clone());
            Callback::from(move |e: MouseEvent| {
                e.prevent_default();
                dispatch.emit(Msg::Focus(id.clone()));
            })
        };
        let place = match p.target {
            Target::Document => "خبرنامه".to_owned(),
            Target::Item(i, _) => format!("خبر {}", fa(i + 1)),
            Target::Election(i, _) => format!("انتخابات {}", fa(i + 1)),
        };
        html! {
            <li class={format!("problem problem--{}", match p.severity { Severity::Blocking => "blocking", Severity::Error => "error", Severity::Warning => "warning" })}>
                <a href={format!("#{id}")} {onclick}>{place}</a>{" — "}
                <strong>{severity_word(p.severity)}{": "}</strong>{p.message.clone()}
            </li>
        }
    });
    html! {
        <section class="checks" aria-labelledby="checks-heading">
            <h2 id="checks-heading">{"بررسی خبرنامه"}</h2>
            <p id="checks-status" role="status" data-blocking={blocking.to_string()} data-errors={errors.to_string()}>{status}</p>
            if !checked.problems.is_empty() {
                <ul class="checks__list">{ for rows }</ul>
            }
        </section>
    }
}

/// How far the device clock is from the page's server.
#[derive(Clone, Debug, PartialEq)]
pub enum ClockCheck {
    Pending,
    /// Device minus server, in seconds.
    Measured(i64),
    /// Offline, or the server sent no `Date`.
    Unknown,
}

impl ClockCheck {
    fn name(&self) -> &'static str {
        match self {
            ClockCheck::Pending => "pending",
            ClockCheck::Measured(d) if d.abs() > CLOCK_TOLERANCE_SECS => "off",
            ClockCheck::Measured(_) => "ok",
            ClockCheck::Unknown => "unknown",
        }
    }

    async fn measure() -> ClockCheck {
        let before = js_sys::Date::now();
        match browser::server_date_millis().await {
            Some(server) => {
                // the server's second is somewhere in the round trip: compare with its middle
                let device = (before + js_sys::Date::now()) / 2.0;
                ClockCheck::Measured(((device - server) / 1000.0).round() as i64)
            }
            None => ClockCheck::Unknown,
        }
    }
}

/// The largest difference from the server's clock accepted without a warning.
const CLOCK_TOLERANCE_SECS: i64 = 120;

#[derive(Properties, PartialEq)]
struct ExportProps {
    checked: Rc<Checked>,
    clock: ClockCheck,
    on_clock: Callback<ClockCheck>,
}

/// The file with `generated` set to `now`, as text.
fn file_text(tree: &Tree, now: election_widget::time::Instant) -> String {
    let mut tree = tree.clone();
    if let Tree::Object(members) = &mut tree {
        members.retain(|(k, _)| k != "generated");
        let at = members
            .iter()
            .position(|(k, _)| k == "lang")
            .map_or(0, |i| i + 1);
        members.insert(at, ("generated".into(), Tree::String(rfc3339_tehran(now))));
    }
    pretty(&tree)
}

/// The export buttons, and the clock's warning.
#[function_component]
fn Export(props: &ExportProps) -> Html {
    let note = use_state(String::new);
    let exportable = props.checked.exportable();
    let download = {
        let (checked, note, on_clock) =
            (props.checked.clone(), note.clone(), props.on_clock.clone());
        Callback::from(move |_: MouseEvent| {
            if !checked.exportable() {
                return;
            }
            let text = file_text(&checked.tree, browser::now());
            if browser::download("bulletin.json", &text) {
                note.set("فایل bulletin.json دریافت شد. آن را در همان نشانی‌ای بارگذاری کنید که ابزارک‌های ادارات از آن می‌خوانند.".into());
            } else {
                note.set("مرورگر اجازهٔ دریافت فایل را نداد؛ دکمهٔ رونوشت را بزنید و متن را در فایلی به نام bulletin.json بگذارید.".into());
            }
            // the clock that stamped `generated` is checked again
            let on_clock = on_clock.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let c = ClockCheck::measure().await;
                if c != ClockCheck::Unknown {
                    on_clock.emit(c);
                }
            });
        })
    };
    let copy = {
        let (checked, note) = (props.checked.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            if !checked.exportable() {
                return;
            }
            let text = file_text(&checked.tree, browser::now());
            let note = note.clone();
            wasm_bindgen_futures::spawn_local(async move {
                note.set(if browser::copy(&text).await {
                    "متن فایل رونوشت شد.".into()
                } else {
                    "مرورگر اجازهٔ رونوشت نداد؛ دکمهٔ دریافت فایل را بزنید.".into()
                });
            });
        })
    };
    let clock = match props.clock {
        ClockCheck::Measured(diff) if diff.abs() > CLOCK_TOLERANCE_SECS => {
            let minutes = (diff.abs() + 30) / 60;
            let way = if diff > 0 {
                "جلوتر"
            } else {
                "عقب‌تر"
            };
            html! {
                <p class="clock-warning" id="clock-warning" role="alert">
                    {format!("ساعت این رایانه حدود {} دقیقه از ساعت سرور {way} است. زمان ساخت فایل (generated) از این ساعت برداشته می‌شود و ابزارک با آن ساعت گوشی خوانندگان را اصلاح می‌کند؛ ساعت نادرست، زمان فراخوان را برای همه جابه‌جا می‌کند. پیش از دریافت فایل، ساعت و منطقهٔ زمانی رایانه را درست کنید.", fa(minutes as usize))}
                </p>
            }
        }
        _ => html! {},
    };
    html! {
        <section class="export" aria-labelledby="export-heading" id="export" data-clock={props.clock.name()}>
            <h2 id="export-heading">{"انتشار"}</h2>
            {clock}
            <div class="export__buttons">
                <button type="button" class="button button--primary" id="download" disabled={!exportable} onclick={download}
                    aria-describedby="checks-status">{"دریافت فایل خبرنامه"}</button>
                <button type="button" class="button" id="copy" disabled={!exportable} onclick={copy}>{"رونوشت متن فایل"}</button>
            </div>
            <p class="export__note" id="export-note" role="status">{(*note).clone()}</p>
        </section>
    }
}
