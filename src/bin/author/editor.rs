//! The forms: one news item (its pasted release, its parts, the normaliser's changes, its
//! details) and one election.

use std::rc::Rc;

use crate::newsroom::check::{Checked, Problem, Target};
use crate::newsroom::draft::{
    Action, EditKey, ElectionDraft, ElectionField, ItemDraft, ItemField, Text,
};
use crate::newsroom::edits::Edit;
use crate::newsroom::paste::{Part, PartName};
use crate::newsroom::when::time_of_day;
use election_widget::text::links::{check as check_link, LinkKind, Verdict};
use election_widget::text::normalize::ZWNJ;
use yew::prelude::*;

use crate::app::Msg;
use crate::fields::{field, field_id, month_select, Field, Kind};

/// Persian digits for a count or an ordinal.
pub fn fa(n: usize) -> String {
    election_widget::locale::to_persian_digits(&n.to_string())
}

#[derive(Properties, PartialEq)]
pub struct ItemProps {
    pub index: usize,
    pub count: usize,
    pub item: ItemDraft,
    pub checked: Rc<Checked>,
    pub dispatch: Callback<Msg>,
}

fn problems(checked: &Checked, target: Target) -> Vec<&Problem> {
    checked.at(target).collect()
}

/// One item's editor.
#[function_component]
pub fn ItemEditor(props: &ItemProps) -> Html {
    let ItemProps {
        index,
        count,
        item,
        checked,
        dispatch,
    } = props;
    let i = *index;
    let image_failed = use_state(|| None::<String>);
    let at = |f| Target::Item(i, f);
    let set = |f: ItemField| {
        dispatch.reform(move |value: String| {
            Msg::Act(Action::SetItem {
                item: i,
                field: f,
                value,
            })
        })
    };
    let pasted = use_memo(item.paste.clone(), |p| crate::newsroom::paste::split(p));
    let relink = |f: ItemField, t: &Text| -> Html {
        if !t.by_hand || item.paste.trim().is_empty() {
            return html! {};
        }
        let onclick =
            dispatch.reform(move |_: MouseEvent| Msg::Act(Action::Relink { item: i, field: f }));
        html! {
            <button type="button" class="button button--small" {onclick}
                aria-describedby={field_id(at(f))}>{"دوباره از متن جای‌گذاری‌شده"}</button>
        }
    };
    let role = if i == 0 {
        "کارت اصلی"
    } else {
        "در فهرست سرخط‌ها"
    };
    let heading_id = format!("item-{i}-heading");
    let text_part =
        |f: ItemField, label: &str, t: &Text, kind: Kind, required: bool, hint: Option<Html>| {
            field(Field {
                target: at(f),
                label,
                hint,
                value: t.value.clone(),
                kind,
                required,
                problems: problems(checked, at(f)),
                oninput: set(f),
                after: relink(f, t),
            })
        };

    // the picture, loaded here to read its size (and to show the officer it is the right one)
    let src = item.image.src.trim().to_owned();
    // only what the page's policy lets it load (https, or the page's own origin)
    let loadable = matches!(check_link(&src, LinkKind::Web), Verdict::Absolute(_))
        && !crate::newsroom::check::insecure_image(&src, crate::browser::origin().as_deref());
    let image = if loadable {
        let onload = {
            let (dispatch, src) = (dispatch.clone(), src.clone());
            let image_failed = image_failed.clone();
            Callback::from(move |e: Event| {
                let size = e.target().and_then(|img| {
                    let px = |k| crate::browser::prop(&img, k).as_f64().filter(|n| *n >= 1.0);
                    Some((px("naturalWidth")? as u32, px("naturalHeight")? as u32))
                });
                if let Some((width, height)) = size {
                    image_failed.set(None);
                    dispatch.emit(Msg::Act(Action::ImageSize {
                        item: i,
                        src: src.clone(),
                        width,
                        height,
                    }));
                }
            })
        };
        let onerror = {
            let (image_failed, src) = (image_failed.clone(), src.clone());
            Callback::from(move |_: Event| image_failed.set(Some(src.clone())))
        };
        let failed = image_failed.as_deref() == Some(src.as_str());
        let size = match (item.image.width, item.image.height) {
            (Some(w), Some(h)) => format!(
                "اندازهٔ تصویر: {} × {} پیکسل",
                fa(w as usize),
                fa(h as usize)
            ),
            _ => "اندازهٔ تصویر پس از بارگذاری خوانده می‌شود.".into(),
        };
        html! {
            <figure class="thumb">
                <img src={src.clone()} alt={item.image.alt.clone()} {onload} {onerror} />
                <figcaption id={format!("item-{i}-image-size")}>
                    if failed { {"این تصویر بارگذاری نشد: نشانی را بررسی کنید."} } else { {size} }
                </figcaption>
            </figure>
        }
    } else {
        html! {}
    };
    let p = &item.published;
    let date_problems = problems(checked, at(ItemField::Day));
    html! {
        <section class="item-editor" aria-labelledby={heading_id.clone()}>
            <h3 id={heading_id} tabindex="-1">{format!("خبر {} از {} — {role}", fa(i + 1), fa(*count))}</h3>
            { field(Field {
                target: at(ItemField::Paste),
                label: "متن خبر را اینجا جای‌گذاری کنید",
                hint: Some(html! {{"همان متنی که از PDF یا Word رونوشت گرفته‌اید. صفحه همان لحظه آن را به روتیتر، عنوان، لید و متن خبر بخش می‌کند و نویسه‌ها را درست می‌کند؛ همهٔ خانه‌های زیر را پس از آن می‌توانید ویرایش کنید."}}),
                value: item.paste.clone(),
                kind: Kind::Area(8),
                required: false,
                problems: problems(checked, at(ItemField::Paste)),
                oninput: dispatch.reform(move |text| Msg::Act(Action::Paste { item: i, text })),
                after: html! {},
            }) }
            <fieldset class="parts">
                <legend>{"بخش‌های خبر"}</legend>
                { text_part(ItemField::Kicker, "روتیتر", &item.kicker, Kind::Line, false,
                    Some(html! {{"سطر کوتاه بالای عنوان، مانند «رئیس حوزه انتخابیه قدس؛»."}})) }
                { text_part(ItemField::Title, "عنوان", &item.title, Kind::Area(2), true, None) }
                { text_part(ItemField::Lead, "لید", &item.lead, Kind::Area(3), false,
                    Some(html! {{"بند نخست خبر که چکیدهٔ آن است."}})) }
                { text_part(ItemField::Body, "متن خبر", &item.body, Kind::Area(10), false,
                    Some(html! {{"بندها را با یک سطر خالی از هم جدا کنید."}})) }
            </fieldset>
            { changes(i, item, &pasted, dispatch) }
            <fieldset class="details">
                <legend>{"جزئیات خبر"}</legend>
                { field(Field {
                    target: at(ItemField::Source), label: "منبع", value: item.source.clone(), kind: Kind::Line,
                    hint: Some(html! {{"نام واحدی که خبر را منتشر می‌کند، مانند «کمیته اطلاع‌رسانی ستاد انتخابات شهرستان قدس»."}}),
                    required: false, problems: problems(checked, at(ItemField::Source)), oninput: set(ItemField::Source), after: html! {},
                }) }
                <fieldset class="date">
                    <legend>{"زمان انتشار (تاریخ شمسی، به وقت تهران)"}</legend>
                    <div class="date__row">
                        { field(Field {
                            target: at(ItemField::Day), label: "روز", value: p.day.clone(), kind: Kind::Digits,
                            hint: None, required: false, problems: date_problems, oninput: set(ItemField::Day), after: html! {},
                        }) }
                        { month_select(at(ItemField::Month), "ماه", p.month, &problems(checked, at(ItemField::Month)), set(ItemField::Month)) }
                        { field(Field {
                            target: at(ItemField::Year), label: "سال", value: p.year.clone(), kind: Kind::Digits,
                            hint: None, required: false, problems: problems(checked, at(ItemField::Year)), oninput: set(ItemField::Year), after: html! {},
                        }) }
                        { field(Field {
                            target: at(ItemField::Time), label: "ساعت", value: p.time.clone(), kind: Kind::Digits,
                            hint: Some(html! {{"مانند ۱۰:۳۰"}}), required: false, problems: problems(checked, at(ItemField::Time)),
                            oninput: set(ItemField::Time), after: html! {},
                        }) }
                    </div>
                </fieldset>
                { field(Field {
                    target: at(ItemField::Url), label: "پیوند خبر کامل", value: item.url.clone(), kind: Kind::Link,
                    hint: Some(html! {{"نشانی کامل خبر در وبگاه شما، با https:// (اختیاری)."}}),
                    required: false, problems: problems(checked, at(ItemField::Url)), oninput: set(ItemField::Url), after: html! {},
                }) }
                { field(Field {
                    target: at(ItemField::ImageSrc), label: "نشانی تصویر", value: item.image.src.clone(), kind: Kind::Link,
                    hint: Some(html! {{"نشانی کامل تصویری که روی وبگاه شما است (اختیاری)."}}),
                    required: false, problems: problems(checked, at(ItemField::ImageSrc)), oninput: set(ItemField::ImageSrc), after: image,
                }) }
                { field(Field {
                    target: at(ItemField::ImageAlt), label: "متن جایگزین تصویر", value: item.image.alt.clone(), kind: Kind::Area(2),
                    hint: Some(html! {{"آنچه در تصویر است، برای کسی که آن را نمی‌بیند. اگر تصویر دارید، لازم است."}}),
                    required: !src.is_empty(), problems: problems(checked, at(ItemField::ImageAlt)), oninput: set(ItemField::ImageAlt), after: html! {},
                }) }
            </fieldset>
        </section>
    }
}

/// A stretch of text with invisible characters made visible: ␣ for a space, ↵ for a line
/// break, ¦ for a half-space.
fn visible(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            ' ' => '␣',
            '\n' | '\r' => '↵',
            ZWNJ => '¦',
            '\t' => '⇥',
            c => c,
        })
        .collect()
}

/// Up to `n` characters of `s` from its end (`tail`) or its start.
fn context(s: &str, n: usize, tail: bool) -> String {
    let chars: Vec<char> = s.chars().collect();
    let picked: String = if tail {
        chars[chars.len().saturating_sub(n)..].iter().collect()
    } else {
        chars[..n.min(chars.len())].iter().collect()
    };
    picked.replace(['\n', '\r'], " ")
}

fn part_name(p: PartName) -> String {
    match p {
        PartName::Kicker => "روتیتر".into(),
        PartName::Title => "عنوان".into(),
        PartName::Lead => "لید".into(),
        PartName::Body(n) => format!("بند {}", fa(n + 1)),
    }
}

/// The normaliser's changes to the pasted text, each with its own undo.
fn changes(
    i: usize,
    item: &ItemDraft,
    pasted: &crate::newsroom::paste::Pasted,
    dispatch: &Callback<Msg>,
) -> Html {
    let by_hand = |p: PartName| match p {
        PartName::Kicker => item.kicker.by_hand,
        PartName::Title => item.title.by_hand,
        PartName::Lead => item.lead.by_hand,
        PartName::Body(_) => item.body.by_hand,
    };
    let parts: Vec<(PartName, &Part)> = pasted
        .parts()
        .into_iter()
        .filter(|(name, p)| !p.edits.is_empty() && !by_hand(*name))
        .collect();
    let total: usize = parts.iter().map(|(_, p)| p.edits.len()).sum();
    if total == 0 {
        return html! {};
    }
    let undone = item.undone.len();
    let raw = &item.paste;
    let row = |name: PartName, part: &Part, n: usize, e: &Edit| -> Html {
        // (ranges come from splitting this same text; `get` keeps a slip from being a panic)
        let text = raw.get(part.range.clone()).unwrap_or_default();
        let before_ctx = context(text.get(..e.range.start).unwrap_or_default(), 14, true);
        let after_ctx = context(text.get(e.range.end..).unwrap_or_default(), 14, false);
        let key = EditKey::of(name, e);
        let is_undone = item.is_undone(&key);
        let onclick = dispatch.reform(move |_: MouseEvent| {
            Msg::Act(Action::ToggleEdit {
                item: i,
                key: key.clone(),
            })
        });
        let label = if is_undone {
            "دوباره اعمال شود"
        } else {
            "برگردانده شود"
        };
        let row_id = format!("item-{i}-change-{n}");
        html! {
            <li class={classes!("change", is_undone.then_some("change--undone"))} id={row_id.clone()}>
                <span class="change__rule">{e.rule.name_fa()}{" — "}{part_name(name)}</span>
                <span class="change__text">
                    <span class="change__before"><span class="visually-hidden">{"پیش از تغییر: "}</span>
                        {before_ctx.clone()}<del>{visible(&e.before)}</del>{after_ctx.clone()}</span>
                    <span aria-hidden="true">{" ← "}</span>
                    <span class="change__after"><span class="visually-hidden">{"پس از تغییر: "}</span>
                        {before_ctx}<ins>{visible(&e.after)}</ins>{after_ctx}</span>
                </span>
                <button type="button" class="button button--small" aria-pressed={if is_undone { "true" } else { "false" }}
                    aria-describedby={row_id} {onclick}>{label}</button>
            </li>
        }
    };
    let mut n = 0;
    let rows: Vec<Html> = parts
        .iter()
        .flat_map(|(name, part)| {
            part.edits
                .iter()
                .map(|e| {
                    n += 1;
                    row(*name, part, n, e)
                })
                .collect::<Vec<_>>()
        })
        .collect();
    html! {
        <details class="changes" id={format!("item-{i}-changes")}>
            <summary id={format!("item-{i}-changes-summary")}>
                {format!("تغییرهای خودکار در متن: {} تغییر", fa(total))}
                if undone > 0 { {format!("، {} برگردانده", fa(undone))} }
            </summary>
            <p class="hint">{"صفحه حرف‌ها و رقم‌های عربی را فارسی، سطرهای شکسته را یکی و نیم‌فاصله‌های روشن (می‌، ‌ها) را درست می‌کند. هر تغییری را که نمی‌خواهید برگردانید. نشانه‌ها: ␣ فاصله، ↵ سطر تازه، ¦ نیم‌فاصله."}</p>
            <ol class="changes__list">{ for rows }</ol>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct ElectionProps {
    pub index: usize,
    pub count: usize,
    pub election: ElectionDraft,
    pub checked: Rc<Checked>,
    pub dispatch: Callback<Msg>,
}

/// One election's form.
#[function_component]
pub fn ElectionEditor(props: &ElectionProps) -> Html {
    let ElectionProps {
        index,
        count,
        election: e,
        checked,
        dispatch,
    } = props;
    let i = *index;
    let at = |f| Target::Election(i, f);
    let set = |f: ElectionField| {
        dispatch.reform(move |value: String| {
            Msg::Act(Action::SetElection {
                election: i,
                field: f,
                value,
            })
        })
    };
    let simple = |f: ElectionField,
                  label: &str,
                  value: &str,
                  kind: Kind,
                  hint: Option<Html>,
                  after: Html| {
        field(Field {
            target: at(f),
            label,
            hint,
            value: value.to_owned(),
            kind,
            required: false,
            problems: problems(checked, at(f)),
            oninput: set(f),
            after,
        })
    };
    // extending the hours is one action on election day; never past midnight
    let extend = match time_of_day(&e.closes) {
        Ok(closes) if closes + 3600 <= 24 * 3600 => {
            let onclick = dispatch.reform(move |_: MouseEvent| {
                Msg::Act(Action::ExtendClosing {
                    election: i,
                    minutes: 60,
                })
            });
            html! {
                <button type="button" class="button button--small" id={format!("election-{i}-extend")}
                    aria-describedby={field_id(at(ElectionField::Closes))} {onclick}>{"تمدید رأی‌گیری: یک ساعت دیرتر"}</button>
            }
        }
        _ => html! {},
    };
    let remove = (*count > 1).then(|| {
        let onclick = dispatch.reform(move |_: MouseEvent| Msg::RemoveElection(i));
        html! { <button type="button" class="button button--small button--danger" {onclick}>{format!("حذف انتخابات {}", fa(i + 1))}</button> }
    });
    let legend = if *count > 1 {
        format!("انتخابات {}", fa(i + 1))
    } else {
        "انتخابات".into()
    };
    html! {
        <fieldset class="election" id={format!("election-{i}")}>
            <legend>{legend}</legend>
            { simple(ElectionField::Title, "عنوان انتخابات", &e.title, Kind::Line,
                Some(html! {{"مانند «انتخابات دوازدهمین دوره مجلس شورای اسلامی»."}}), html! {}) }
            <fieldset class="date">
                <legend>{"روز رأی‌گیری (تاریخ شمسی)"}</legend>
                <div class="date__row">
                    { simple(ElectionField::Day, "روز", &e.day.day, Kind::Digits, None, html! {}) }
                    { month_select(at(ElectionField::Month), "ماه", e.day.month, &problems(checked, at(ElectionField::Month)), set(ElectionField::Month)) }
                    { simple(ElectionField::Year, "سال", &e.day.year, Kind::Digits, None, html! {}) }
                </div>
            </fieldset>
            <div class="date__row">
                { simple(ElectionField::Opens, "ساعت آغاز رأی‌گیری", &e.opens, Kind::Digits,
                    Some(html! {{"به وقت تهران، مانند ۰۸:۰۰"}}), html! {}) }
                { simple(ElectionField::Closes, "ساعت پایان رأی‌گیری", &e.closes, Kind::Digits,
                    Some(html! {{"به وقت تهران، مانند ۱۸:۰۰؛ نیمه‌شب: ۲۴:۰۰"}}), extend) }
            </div>
            { simple(ElectionField::CtaLabel, "متن دکمهٔ فراخوان", &e.cta_label, Kind::Line,
                Some(html! {{"مانند «شعبه اخذ رأی نزدیک خود را پیدا کنید»."}}), html! {}) }
            { simple(ElectionField::CtaUrl, "نشانی دکمهٔ فراخوان", &e.cta_url, Kind::Link,
                Some(html! {{"نشانی کامل با https://، یا برای شمارهٔ تلفن tel: و شماره (مانند tel:110)."}}), html! {}) }
            <div class="date__row">
                { simple(ElectionField::Turnout, "مشارکت در دورهٔ پیش (درصد)", &e.turnout, Kind::Digits,
                    Some(html! {{"مانند ۴۲٫۵۷ (اختیاری)"}}), html! {}) }
                { simple(ElectionField::TurnoutLabel, "عنوان نوار مشارکت", &e.turnout_label, Kind::Line,
                    Some(html! {{"مانند «مشارکت در انتخابات مجلس ۱۳۹۸»."}}), html! {}) }
            </div>
            {remove}
        </fieldset>
    }
}
