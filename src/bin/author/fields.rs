//! Labelled form fields with their hint and their problems beside them, wired for screen
//! readers (`aria-describedby`, `aria-invalid`).

use crate::newsroom::check::{Problem, Severity, Target};
use crate::newsroom::draft::{ElectionField, ItemField};
use yew::prelude::*;

/// The DOM id of the control for `target`.
pub fn field_id(target: Target) -> String {
    match target {
        Target::Document => "export".into(),
        Target::Item(i, f) => format!("item-{i}-{}", item_field_name(f)),
        Target::Election(i, f) => format!("election-{i}-{}", election_field_name(f)),
    }
}

fn item_field_name(f: ItemField) -> &'static str {
    match f {
        ItemField::Paste => "paste",
        ItemField::Kicker => "kicker",
        ItemField::Title => "title",
        ItemField::Lead => "lead",
        ItemField::Body => "body",
        ItemField::Source => "source",
        ItemField::Day => "day",
        ItemField::Month => "month",
        ItemField::Year => "year",
        ItemField::Time => "time",
        ItemField::Url => "url",
        ItemField::ImageSrc => "image-src",
        ItemField::ImageAlt => "image-alt",
    }
}

fn election_field_name(f: ElectionField) -> &'static str {
    match f {
        ElectionField::Title => "title",
        ElectionField::Day => "day",
        ElectionField::Month => "month",
        ElectionField::Year => "year",
        ElectionField::Opens => "opens",
        ElectionField::Closes => "closes",
        ElectionField::CtaLabel => "cta-label",
        ElectionField::CtaUrl => "cta-url",
        ElectionField::Turnout => "turnout",
        ElectionField::TurnoutLabel => "turnout-label",
    }
}

/// The Persian word for a severity, as the list of problems prefixes it.
pub fn severity_word(s: Severity) -> &'static str {
    match s {
        Severity::Blocking => "مانع انتشار",
        Severity::Error => "خطا",
        Severity::Warning => "هشدار",
    }
}

fn severity_class(s: Severity) -> &'static str {
    match s {
        Severity::Blocking => "problem problem--blocking",
        Severity::Error => "problem problem--error",
        Severity::Warning => "problem problem--warning",
    }
}

/// How a field is typed.
#[derive(Clone, Copy, PartialEq)]
pub enum Kind {
    /// A one-line text.
    Line,
    /// A link: left to right, `type="url"` keyboards.
    Link,
    /// Digits: a numeric keyboard on phones.
    Digits,
    /// Several lines.
    Area(u32),
}

/// What a field shows.
pub struct Field<'a> {
    pub target: Target,
    pub label: &'a str,
    pub hint: Option<Html>,
    pub value: String,
    pub kind: Kind,
    pub required: bool,
    pub problems: Vec<&'a Problem>,
    pub oninput: Callback<String>,
    /// Extra content after the control (a button, a note).
    pub after: Html,
}

/// The value of the input, text area or select that fired `e`.
pub fn value_of(e: &Event) -> String {
    e.target()
        .and_then(|t| crate::browser::prop(&t, "value").as_string())
        .unwrap_or_default()
}

/// The problems under a field, and the ids that describe it.
pub fn problem_list(id: &str, problems: &[&Problem]) -> (Html, Option<String>) {
    if problems.is_empty() {
        return (html! {}, None);
    }
    let list_id = format!("{id}-problems");
    let html = html! {
        <ul class="problems" id={list_id.clone()}>
            { for problems.iter().map(|p| html! {
                <li class={severity_class(p.severity)}>
                    <strong>{severity_word(p.severity)}{": "}</strong>{p.message.clone()}
                </li>
            }) }
        </ul>
    };
    (html, Some(list_id))
}

/// A labelled field with its hint and problems.
pub fn field(f: Field) -> Html {
    let id = field_id(f.target);
    let hint_id = f.hint.as_ref().map(|_| format!("{id}-hint"));
    let (problems, problems_id) = problem_list(&id, &f.problems);
    let described: Vec<String> = hint_id.iter().chain(problems_id.iter()).cloned().collect();
    let described = (!described.is_empty()).then(|| described.join(" "));
    let invalid = f
        .problems
        .iter()
        .any(|p| p.severity != Severity::Warning)
        .then_some("true");
    let oninput = f.oninput.reform(|e: InputEvent| value_of(&e));
    let control = match f.kind {
        Kind::Area(rows) => html! {
            <textarea id={id.clone()} rows={rows.to_string()} value={f.value.clone()}
                aria-describedby={described.clone()} aria-invalid={invalid} required={f.required} {oninput} />
        },
        Kind::Line => html! {
            <input id={id.clone()} type="text" value={f.value.clone()}
                aria-describedby={described.clone()} aria-invalid={invalid} required={f.required} {oninput} />
        },
        Kind::Link => html! {
            <input id={id.clone()} type="url" dir="ltr" value={f.value.clone()} autocomplete="url"
                aria-describedby={described.clone()} aria-invalid={invalid} required={f.required} {oninput} />
        },
        Kind::Digits => html! {
            <input id={id.clone()} type="text" inputmode="numeric" class="digits" value={f.value.clone()}
                aria-describedby={described.clone()} aria-invalid={invalid} required={f.required} {oninput} />
        },
    };
    html! {
        <div class="field">
            <label for={id.clone()}>
                {f.label}
                if f.required { <span class="required">{" (لازم)"}</span> }
            </label>
            if let Some(hint) = f.hint {
                <p class="hint" id={hint_id.clone()}>{hint}</p>
            }
            {control}
            {f.after}
            {problems}
        </div>
    }
}

/// A list of the twelve Persian months, for a date's month.
pub fn month_select(
    target: Target,
    label: &str,
    month: u32,
    problems: &[&Problem],
    onchange: Callback<String>,
) -> Html {
    let id = field_id(target);
    let (list, problems_id) = problem_list(&id, problems);
    let onchange = onchange.reform(|e: Event| value_of(&e));
    html! {
        <div class="field field--month">
            <label for={id.clone()}>{label}</label>
            <select id={id.clone()} aria-describedby={problems_id} {onchange}>
                <option value="0" selected={month == 0}>{"ماه را برگزینید"}</option>
                { for crate::newsroom::when::months().iter().enumerate().map(|(i, name)| {
                    let n = i as u32 + 1;
                    html! { <option value={n.to_string()} selected={month == n}>{*name}</option> }
                }) }
            </select>
            {list}
        </div>
    }
}
