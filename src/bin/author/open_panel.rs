//! Opening a file (picker or drop) or an address, and starting a new bulletin.

use crate::newsroom::open::{open, OpenResult, Opening};
use election_widget::text::links::{self, check as check_link, LinkKind, Verdict};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::app::Msg;
use crate::browser;

/// What the last opening gave, for the officer to read.
#[derive(Clone, Debug, PartialEq)]
pub struct Report {
    pub title: String,
    pub notes: Vec<String>,
    pub failed: bool,
}

#[derive(Properties, PartialEq)]
pub struct OpenProps {
    pub dispatch: Callback<Msg>,
    /// Whether the current draft holds work that opening a bulletin would replace.
    pub has_work: bool,
}

/// Reads `text` (a file named `name`, or the document at the address `base`) and hands the
/// result to the page.
fn process(
    text: &str,
    name: &str,
    base: Option<&str>,
    has_work: bool,
    dispatch: &Callback<Msg>,
) -> Report {
    let fail = |why: String| Report {
        title: format!("«{name}» باز نشد"),
        notes: vec![why],
        failed: true,
    };
    let tree = match browser::tree_of(text) {
        Ok(t) => t,
        Err(e) => return fail(format!("این فایل JSON درستی نیست ({e}).")),
    };
    let resolve = |raw: &str, kind: LinkKind| match base {
        Some(base) => links::resolve(raw, base, kind),
        None => match check_link(raw, kind) {
            Verdict::Absolute(s) => Some(s),
            _ => None,
        },
    };
    let OpenResult {
        opening,
        format,
        notes,
    } = match open(&tree, name, &resolve) {
        Ok(r) => r,
        Err(why) => return fail(why),
    };
    match opening {
        Opening::Bulletin(draft) => {
            if has_work
                && !browser::confirm("خبرنامهٔ باز شده جای کار کنونی را می‌گیرد. ادامه می‌دهید؟ (اگر لازم است، پیش از آن فایل کنونی را دریافت کنید.)")
            {
                return Report {
                    title: format!("«{name}» باز نشد: کار کنونی دست‌نخورده ماند."),
                    notes: Vec::new(),
                    failed: false,
                };
            }
            dispatch.emit(Msg::Opened(draft));
        }
        Opening::Items(items) => dispatch.emit(Msg::AppendItems(items)),
    }
    Report {
        title: format!("«{name}» باز شد ({format})."),
        notes,
        failed: false,
    }
}

/// The opening controls.
#[function_component]
pub fn OpenPanel(props: &OpenProps) -> Html {
    let report = use_state(|| None::<Report>);
    let url = use_state(String::new);
    let dragging = use_state(|| false);
    let from_file = {
        let (report, dispatch, has_work) = (report.clone(), props.dispatch.clone(), props.has_work);
        Callback::from(move |file: wasm_bindgen::JsValue| {
            let (report, dispatch) = (report.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let name = browser::file_name(&file);
                let r = match browser::file_text(&file).await {
                    Some(text) => process(&text, &name, None, has_work, &dispatch),
                    None => Report {
                        title: format!("«{name}» خوانده نشد."),
                        notes: Vec::new(),
                        failed: true,
                    },
                };
                report.set(Some(r));
            });
        })
    };
    let onchange = {
        let from_file = from_file.clone();
        Callback::from(move |e: Event| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                if let Some(file) = browser::first_file(&browser::prop(&input, "files")) {
                    from_file.emit(file);
                }
                // choosing the same file again opens it again
                input.set_value("");
            }
        })
    };
    let ondragover = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let (from_file, dragging) = (from_file.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            let files = browser::prop(&browser::prop(&e, "dataTransfer"), "files");
            if let Some(file) = browser::first_file(&files) {
                from_file.emit(file);
            }
        })
    };
    let on_url = {
        let url = url.clone();
        Callback::from(move |e: InputEvent| url.set(crate::fields::value_of(&e)))
    };
    let read_url = {
        let (report, dispatch, has_work, url) = (
            report.clone(),
            props.dispatch.clone(),
            props.has_work,
            url.clone(),
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let address = url.trim().to_owned();
            if address.is_empty() {
                return;
            }
            let (report, dispatch) = (report.clone(), dispatch.clone());
            let base = web_sys::window()
                .and_then(|w| w.location().href().ok())
                .unwrap_or_default();
            let Some(full) = links::resolve(&address, &base, LinkKind::Endpoint) else {
                report.set(Some(Report {
                    title: "این نشانی پذیرفته نیست.".into(),
                    notes: vec!["نشانی کامل با https:// بنویسید.".into()],
                    failed: true,
                }));
                return;
            };
            wasm_bindgen_futures::spawn_local(async move {
                let r = match browser::fetch_text(&full).await {
                    Ok(text) => process(&text, &full, Some(&full), has_work, &dispatch),
                    Err(why) => Report {
                        title: format!("«{full}» خوانده نشد{}.", if why.is_empty() { String::new() } else { format!(" ({why})") }),
                        notes: vec!["شاید نشانی نادرست است، اینترنت قطع است، یا سرور آن به صفحه‌های دیگر اجازهٔ خواندن نمی‌دهد (CORS). در این صورت فایل را دریافت کنید و با «باز کردن فایل» باز کنید.".into()],
                        failed: true,
                    },
                };
                report.set(Some(r));
            });
        })
    };
    let new_bulletin = {
        let (dispatch, has_work, report) = (props.dispatch.clone(), props.has_work, report.clone());
        Callback::from(move |_: MouseEvent| {
            if !has_work
                || browser::confirm("کار کنونی کنار گذاشته و خبرنامهٔ تازه‌ای آغاز شود؟ اگر فایل آن را هنوز دریافت نکرده‌اید، «انصراف» را بزنید و نخست آن را دریافت کنید.")
            {
                report.set(None);
                dispatch.emit(Msg::NewBulletin);
            }
        })
    };
    let report_html = report.as_ref().map(|r| {
        html! {
            <div class={classes!("report", r.failed.then_some("report--failed"))}>
                <p><strong>{r.title.clone()}</strong></p>
                if !r.notes.is_empty() {
                    <ul>{ for r.notes.iter().map(|n| html! { <li>{n.clone()}</li> }) }</ul>
                }
            </div>
        }
    });
    html! {
        <section class="open" aria-labelledby="open-heading">
            <h2 id="open-heading">{"باز کردن"}</h2>
            <div class={classes!("drop", (*dragging).then_some("drop--over"))} {ondragover} {ondragleave} {ondrop}>
                <label for="open-file">{"باز کردن فایل: خبرنامه (bulletin.json) برای ویرایش، یا خوراک JSON Feed، وردپرس یا NewsArticle برای افزودن خبرهایش"}</label>
                <input type="file" id="open-file" accept=".json,application/json,application/feed+json,application/ld+json" {onchange} />
                <p class="hint">{"یا فایل را روی این کادر بکشید و رها کنید."}</p>
            </div>
            <form class="open__url" onsubmit={read_url}>
                <label for="open-url">{"یا نشانی خبرنامه یا خوراک"}</label>
                <div class="open__row">
                    <input type="url" id="open-url" dir="ltr" value={(*url).clone()} oninput={on_url} />
                    <button type="submit" class="button" id="open-url-button">{"خواندن از نشانی"}</button>
                </div>
            </form>
            <p>
                <button type="button" class="button" id="new-bulletin" onclick={new_bulletin}>{"خبرنامهٔ تازه"}</button>
            </p>
            <div id="open-report" role="status">{report_html}</div>
        </section>
    }
}
