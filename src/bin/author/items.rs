//! The list of items: the first is the card, the rest are headlines, as the widget shows
//! them with `data-items`. Each row has buttons that work from the keyboard: edit, move up
//! or down, duplicate, remove; focus follows the item that moved.

use crate::newsroom::draft::Draft;
use yew::prelude::*;

use crate::app::Msg;
use crate::editor::fa;

/// The rows, and the button that adds an item.
pub fn item_list(draft: &Draft, selected: usize, dispatch: &Callback<Msg>) -> Html {
    let n = draft.items.len();
    let rows = draft.items.iter().enumerate().map(|(i, it)| {
        let title = it.title.value.trim();
        let title = if title.is_empty() { "(بی‌عنوان)".to_owned() } else { format!("«{title}»") };
        let role = if i == 0 { "کارت اصلی" } else { "سرخط" };
        let name_id = format!("row-{i}-name");
        let hidden = |what: &str| html! { <span class="visually-hidden">{format!("{what} خبر {}", fa(i + 1))}</span> };
        let button = |id: &str, label: &str, what: &str, disabled: bool, msg: fn(usize) -> Msg| {
            let onclick = dispatch.reform(move |_: MouseEvent| msg(i));
            html! {
                <button type="button" class="button button--small" id={format!("row-{i}-{id}")} {disabled} {onclick}>
                    {label}{hidden(what)}
                </button>
            }
        };
        let edit = {
            let onclick = dispatch.reform(move |_: MouseEvent| Msg::Select(i));
            html! {
                <button type="button" class="button button--small" id={format!("row-{i}-edit")}
                    aria-pressed={if i == selected { "true" } else { "false" }} {onclick}>
                    {"ویرایش"}{hidden(":")}
                </button>
            }
        };
        html! {
            <li class={classes!("items__row", (i == selected).then_some("items__row--selected"))}
                aria-current={(i == selected).then_some("true")}>
                <span class="items__name" id={name_id}>
                    <span class="items__role">{format!("{} — {role}", fa(i + 1))}</span>{" "}{title}
                </span>
                <span class="items__actions">
                    {edit}
                    { button("up", "بالا", "بردن به بالای", i == 0, |i| Msg::Move(i, true)) }
                    { button("down", "پایین", "بردن به پایین", i + 1 == n, |i| Msg::Move(i, false)) }
                    { button("copy", "رونوشت", "رونوشت از", false, Msg::Duplicate) }
                    { button("remove", "حذف", "حذف", false, Msg::Remove) }
                </span>
            </li>
        }
    });
    let add = dispatch.reform(|_: MouseEvent| Msg::AddItem);
    html! {
        <>
            <p class="hint">{"خبر نخست کارت اصلی ابزارک است و بقیه در فهرست «خبرهای دیگر» زیر آن می‌آیند (اگر مدیر وبگاه data-items را بیش از ۱ گذاشته باشد)."}</p>
            <ol class="items" aria-label="خبرهای این خبرنامه">{ for rows }</ol>
            <button type="button" class="button" id="add-item" onclick={add}>{"افزودن خبر تازه (جای‌گذاری خبر دیگر)"}</button>
        </>
    }
}
