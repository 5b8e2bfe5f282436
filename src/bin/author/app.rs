//! The page: the draft and its reducer, the forms, the checks, the export and the preview.

use std::rc::Rc;

use crate::newsroom::check::{check_on, election_only, Checked, Severity, Target};
use crate::newsroom::diff;
use crate::newsroom::draft::{Action, Draft, ItemDraft};
use crate::newsroom::json::pretty;
use crate::newsroom::store::{self, Refused};
use crate::newsroom::when::rfc3339_tehran;
use election_widget::feed::tree::Tree;
use yew::prelude::*;

use crate::browser;
use crate::editor::{fa, ElectionEditor, ItemEditor};
use crate::fields::{field_id, severity_word};
use crate::items::item_list;
use crate::open_panel::OpenPanel;
use crate::preview::Preview;

/// Where the draft is kept in the browser.
const DRAFT_KEY: &str = "election-widget-newsroom:draft";
/// Where a stored draft this page could not read is moved, kept for the officer.
const UNREAD_KEY: &str = "election-widget-newsroom:unread-draft";

/// Everything the page keeps between renders.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    pub draft: Draft,
    /// The item being edited.
    pub selected: usize,
    /// An element to focus after the next render (after a move, a new item).
    pub focus: Option<String>,
    /// Why the stored draft could not be read, if it could not.
    pub refused: Option<String>,
    /// Whether the last change could be stored.
    pub saved: bool,
}

impl State {
    /// The stored draft, or a new bulletin (with the reason, when a stored one was refused).
    fn start() -> State {
        let now = browser::now();
        let fresh = || Draft::new(Draft::default().fresh_id(now), now);
        // a draft refused on an earlier visit is still kept: say so until it is dealt with
        let kept = browser::load(UNREAD_KEY).map(|_| {
            "پیش‌نویسی که این صفحه نتوانست بخواند (از نسخهٔ دیگری از صفحه) هنوز نگه داشته شده است. آن را دریافت کنید یا اگر لازم نیست پاکش کنید.".to_owned()
        });
        let Some(text) = browser::load(DRAFT_KEY) else {
            return State {
                draft: fresh(),
                selected: 0,
                focus: None,
                refused: kept,
                saved: true,
            };
        };
        let read = browser::tree_of(&text)
            .map_err(|e| Refused::Unreadable(format!("JSON نادرست: {e}")))
            .and_then(|t| store::from_tree(&t));
        match read {
            Ok((draft, selected)) if !draft.items.is_empty() => State {
                draft,
                selected,
                focus: None,
                refused: kept,
                saved: true,
            },
            Ok(_) => State {
                draft: fresh(),
                selected: 0,
                focus: None,
                refused: kept,
                saved: true,
            },
            Err(why) => {
                // never lost: kept under its own key until the officer downloads or deletes it
                browser::save(UNREAD_KEY, &text);
                State {
                    draft: fresh(),
                    selected: 0,
                    focus: None,
                    refused: Some(why.message()),
                    saved: true,
                }
            }
        }
    }
}

/// What the officer did.
pub enum Msg {
    Act(Action),
    RemoveElection(usize),
    Select(usize),
    AddItem,
    Duplicate(usize),
    Remove(usize),
    /// Move an item one place up (true) or down.
    Move(usize, bool),
    AddElection,
    /// A bulletin file was opened: it replaces the draft.
    Opened(Box<Draft>),
    /// Items converted from a feed, added at the end.
    AppendItems(Vec<ItemDraft>),
    NewBulletin,
    /// The refused draft's notice is dealt with.
    DismissRefused,
    /// Focus an element once it is on the page.
    Focus(String),
    Focused,
}

impl Reducible for State {
    type Action = Msg;

    fn reduce(self: Rc<Self>, msg: Msg) -> Rc<Self> {
        let mut s = (*self).clone();
        let now = browser::now();
        match msg {
            Msg::Act(action) => s.draft.apply(action),
            Msg::RemoveElection(i) => {
                s.draft.apply(Action::RemoveElection { election: i });
                s.focus = Some("add-election".into());
            }
            Msg::Select(i) => {
                s.selected = i;
                s.focus = Some(format!("item-{i}-heading"));
            }
            Msg::AddItem => {
                let id = s.draft.fresh_id(now);
                s.draft.apply(Action::AddItem { id, now });
                s.selected = s.draft.items.len() - 1;
                s.focus = Some(format!("item-{}-paste", s.selected));
            }
            Msg::Duplicate(i) => {
                let id = s.draft.fresh_id(now);
                s.draft.apply(Action::Duplicate { item: i, id });
                s.selected = i + 1;
                s.focus = Some(format!("row-{}-edit", i + 1));
            }
            Msg::Remove(i) => {
                let title = s
                    .draft
                    .items
                    .get(i)
                    .map(|it| it.title.value.trim().to_owned())
                    .unwrap_or_default();
                let question = if title.is_empty() {
                    format!("خبر {} حذف شود؟", fa(i + 1))
                } else {
                    format!("خبر «{title}» حذف شود؟")
                };
                if !browser::confirm(&question) {
                    return self;
                }
                s.draft.apply(Action::Remove { item: i });
                if s.draft.items.is_empty() {
                    let id = s.draft.fresh_id(now);
                    s.draft.apply(Action::AddItem { id, now });
                }
                if s.selected > i || s.selected >= s.draft.items.len() {
                    s.selected = s.selected.saturating_sub(1);
                }
                let next = i.min(s.draft.items.len() - 1);
                s.focus = Some(format!("row-{next}-edit"));
            }
            Msg::Move(i, up) => {
                let Some(j) = (if up { i.checked_sub(1) } else { Some(i + 1) })
                    .filter(|j| *j < s.draft.items.len())
                else {
                    return self;
                };
                s.draft.apply(Action::Move { item: i, up });
                if s.selected == i {
                    s.selected = j;
                } else if s.selected == j {
                    s.selected = i;
                }
                // focus stays on the item that moved, on the same button while it can move on
                let last = s.draft.items.len() - 1;
                let button = match (up, j) {
                    (true, 0) => "down",
                    (false, j) if j == last => "up",
                    (true, _) => "up",
                    (false, _) => "down",
                };
                s.focus = Some(format!("row-{j}-{button}"));
            }
            Msg::AddElection => {
                s.draft.apply(Action::AddElection);
                s.focus = Some(format!("election-{}-title", s.draft.elections.len() - 1));
            }
            Msg::Opened(draft) => {
                s.draft.apply(Action::Replace(draft));
                s.selected = 0;
            }
            Msg::AppendItems(items) => {
                let count = items.len();
                s.draft.apply(Action::Append(items));
                // the first of the items added is the one to edit next
                s.selected = s.draft.items.len().saturating_sub(count.max(1));
            }
            Msg::NewBulletin => {
                s.draft = Draft::new(Draft::default().fresh_id(now), now);
                s.selected = 0;
                s.focus = Some("item-0-paste".into());
            }
            Msg::DismissRefused => {
                s.refused = None;
            }
            Msg::Focus(id) => s.focus = Some(id),
            Msg::Focused => s.focus = None,
        }
        if s.draft.elections.is_empty() {
            s.draft.apply(Action::AddElection);
        }
        s.selected = s.selected.min(s.draft.items.len().saturating_sub(1));
        // kept at once, in the same event as the change: a reload or a crash a moment later
        // loses nothing
        if s.draft != self.draft || s.selected != self.selected {
            s.saved = browser::save(DRAFT_KEY, &pretty(&store::to_tree(&s.draft, s.selected)));
        }
        Rc::new(s)
    }
}

/// The whole page.
#[function_component]
pub fn App() -> Html {
    let state = use_reducer(State::start);
    let dispatch = {
        let state = state.clone();
        Callback::from(move |m: Msg| state.dispatch(m))
    };
    let checked = use_memo(state.draft.clone(), |d| {
        check_on(d, browser::origin().as_deref())
    });
    let clock = use_state(|| ClockCheck::Pending);
    {
        let clock = clock.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                clock.set(ClockCheck::measure().await);
            });
        });
    }
    let saved = state.saved;
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
    let editor = draft.items.get(item).map(|it| {
        html! {
            <ItemEditor key={it.id.clone()} index={item} count={draft.items.len()} item={it.clone()} checked={checked.clone()} dispatch={dispatch.clone()} />
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
    let has_work = draft
        .items
        .iter()
        .any(|i| !i.is_blank() || !i.paste.trim().is_empty())
        || draft.elections.iter().any(|e| !e.is_empty());
    let add_election = dispatch.reform(|_: MouseEvent| Msg::AddElection);
    let changes = draft.opened.as_ref().map(|o| {
        let lines = checked
            .bulletin
            .as_ref()
            .map(|b| diff::changes(&o.file, b))
            .unwrap_or_default();
        (o.name.clone(), lines)
    });
    html! {
        <>
            { refused_notice(state.refused.as_deref(), &dispatch) }
            <p class="hint" id="draft-status" data-saved={if saved { "true" } else { "false" }}>
                { if saved {
                    "کار شما در همین مرورگر نگه داشته می‌شود: با بستن یا بارگذاری دوبارهٔ صفحه از دست نمی‌رود."
                } else {
                    "این مرورگر اجازهٔ نگه‌داشتن پیش‌نویس را نمی‌دهد (یا جایش پر است): پیش از بستن صفحه فایل را دریافت کنید."
                } }
            </p>
            <div class="workspace">
                <div class="workspace__edit">
                    <OpenPanel dispatch={dispatch.clone()} {has_work} />
                    <section aria-labelledby="news-heading">
                        <h2 id="news-heading">{"خبرها"}</h2>
                        { item_list(draft, item, &dispatch) }
                        {editor}
                    </section>
                    <section aria-labelledby="election-heading">
                        <h2 id="election-heading">{"انتخابات و فراخوان به مشارکت"}</h2>
                        <p class="hint">{"اگر خبرنامه فراخوانی ندارد، این بخش را خالی بگذارید. اگر چند انتخابات با هم برگزار می‌شود، هر کدام را جدا بنویسید؛ ابزارک آن را که در جریان است یا زودتر آغاز می‌شود نشان می‌دهد."}</p>
                        { for elections }
                        <button type="button" class="button" id="add-election" onclick={add_election}>{"افزودن انتخابات دیگر"}</button>
                    </section>
                </div>
                <div class="workspace__side">
                    { summary(&checked, &dispatch) }
                    <Export checked={checked.clone()} clock={(*clock).clone()} on_clock={Callback::from(move |c| clock.set(c))} changes={changes} />
                    <Preview bulletin={bulletin} error={error} now={browser::now()} />
                </div>
            </div>
        </>
    }
}

/// The notice about a stored draft this page could not read, with its text to download.
fn refused_notice(why: Option<&str>, dispatch: &Callback<Msg>) -> Html {
    let Some(why) = why else {
        return html! {};
    };
    let download = Callback::from(|_: MouseEvent| {
        if let Some(text) = browser::load(UNREAD_KEY) {
            browser::download("newsroom-draft.json", &text);
        }
    });
    let discard = {
        let dispatch = dispatch.clone();
        Callback::from(move |_: MouseEvent| {
            if browser::confirm("پیش‌نویس کنارگذاشته برای همیشه پاک شود؟")
            {
                browser::forget(UNREAD_KEY);
                dispatch.emit(Msg::DismissRefused);
            }
        })
    };
    html! {
        <div class="refused" id="refused-draft" role="alert">
            <p>{why.to_owned()}</p>
            <button type="button" class="button" id="refused-download" onclick={download}>{"دریافت پیش‌نویس کنارگذاشته"}</button>
            <button type="button" class="button button--danger" id="refused-discard" onclick={discard}>{"پاک کردن آن"}</button>
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
    /// The name of the file the draft was opened from, and what differs from it.
    changes: Option<(String, Vec<String>)>,
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
    let election_file = props
        .checked
        .exportable()
        .then(|| election_only(&props.checked.tree))
        .flatten();
    let download_election = {
        let (election_file, note) = (election_file.clone(), note.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(file) = &election_file else {
                return;
            };
            let text = file_text(file, browser::now());
            if browser::download("election.json", &text) {
                note.set("فایل election.json (فقط بخش انتخابات) دریافت شد: آن را در نشانی‌ای بگذارید که ابزارک‌ها با data-election-src از آن می‌خوانند.".into());
            }
        })
    };
    let changes = props.changes.as_ref().map(|(name, lines)| {
        html! {
            <div class="changes-summary" id="export-changes">
                <h3>{format!("تغییرها نسبت به فایل باز شده («{name}»)")}</h3>
                if lines.is_empty() {
                    <p>{"تغییری نیست."}</p>
                } else {
                    <ul>{ for lines.iter().map(|l| html! { <li>{l.clone()}</li> }) }</ul>
                }
            </div>
        }
    });
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
                <button type="button" class="button" id="download-election" disabled={election_file.is_none()} onclick={download_election}
                    aria-describedby="download-election-hint">{"دریافت فایل انتخابات"}</button>
            </div>
            <p class="hint" id="download-election-hint">{"«فایل انتخابات» (election.json) فقط بخش انتخابات را دارد، برای نشانی مرکزی‌ای که ادارات با data-election-src به آن اشاره می‌کنند؛ با آن، تمدید رأی‌گیری یک‌جا به همهٔ ابزارک‌ها می‌رسد."}</p>
            {changes}
            <p class="export__note" id="export-note" role="status">{(*note).clone()}</p>
        </section>
    }
}
