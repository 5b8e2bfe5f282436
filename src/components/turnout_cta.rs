//! The call to vote: election, date and hours, countdown / open / closed, link, previous turnout.

use std::rc::Rc;

use yew::prelude::*;

use super::{heading, Field};
use crate::cta::{countdown, phase, Countdown, Phase};
use crate::locale::{calendar::tehran_time, fill, Locale};
use crate::model::Election;
use crate::time::{format_rfc3339_utc, Instant};
use crate::{ics, share};

pub struct TurnoutCtaProps {
    pub election: Rc<Election>,
    pub locale: Rc<Locale>,
    pub now: Instant,
    pub heading_level: u8,
}

/// The call-to-action for one election at `now`.
pub fn turnout_cta(props: &TurnoutCtaProps) -> Html {
    let TurnoutCtaProps {
        election: e,
        locale,
        now,
        heading_level,
    } = props;
    let s = locale.strings;
    let phase = phase(e, *now);
    // announced politely when it changes; the ticking figures are deliberately not a live region
    let announcement = match phase {
        Phase::Upcoming { .. } => s.starts_in,
        Phase::Open { .. } => s.open_now,
        Phase::Closed => s.closed,
    };
    // None (no button) for an election the calendar format cannot date (see ics::event)
    let add_to_calendar = ics::event(e, *now).map(|text| {
        let name = ics::file_name(e);
        Callback::from(move |_: MouseEvent| {
            if let Err(err) = share::download(&name, "text/calendar", &text) {
                crate::console::warn_value("calendar download failed:", &err);
            }
        })
    });
    let (phase_name, status) = match phase {
        Phase::Upcoming { remaining } => (
            "upcoming",
            html! {
                <p class="cta__countdown">
                    <span class="cta__label">{s.starts_in}{" "}</span>
                    <strong class="cta__figures">{countdown_text(locale, countdown(remaining))}</strong>
                </p>
            },
        ),
        Phase::Open { closes } => (
            "open",
            html! {
                <p class="cta__status cta__status--open">
                    <strong>{s.open_now}</strong>{" "}
                    {fill(s.open_until, &[("time", &locale.time(closes))])}
                </p>
            },
        ),
        Phase::Closed => ("closed", html! { <p class="cta__status">{s.closed}</p> }),
    };
    let same_day = tehran_time(e.opens).day == tehran_time(e.closes).day;
    let to = if same_day {
        locale.time(e.closes)
    } else {
        locale.date_time(e.closes)
    };
    let hours = fill(
        s.hours_range,
        &[("from", &locale.time(e.opens)), ("to", &to)],
    );
    let link = e.cta.as_ref().filter(|_| phase != Phase::Closed).map(|c| html! {
        <a class="button button--primary" part="cta-button" href={c.url.clone()} rel="noopener" dir={Field::of(&c.label, locale.dir, &None).dir}>{c.label.clone()}</a>
    });
    let turnout = e.turnout.as_ref().map(|t| {
        let percent = fill(s.percent, &[("n", &locale.decimal(t.previous))]);
        let label = t.label.clone().unwrap_or_else(|| s.previous_turnout.to_owned());
        let label_dir = Field::of(&label, locale.dir, &None).dir;
        html! {
            <div class="turnout">
                <span class="turnout__label" id="ew-turnout" dir={label_dir}>{label}</span>
                <meter class="turnout__bar" min="0" max="100" value={crate::feed::tree::number_text(t.previous)}
                    aria-labelledby="ew-turnout" aria-valuetext={percent.clone()}>{percent.clone()}</meter>
                <span class="turnout__value" aria-hidden="true">{percent}</span>
            </div>
        }
    });

    html! {
        <section class="cta" part="cta" aria-labelledby="ew-cta-title" data-phase={phase_name}>
            { heading(*heading_level, "ew-cta-title", "cta__title", &e.title, Field::of(&e.title, locale.dir, &None)) }
            <p class="cta__when">
                <span class="visually-hidden">{s.election_day}{": "}</span>
                <time datetime={format_rfc3339_utc(e.opens)}>{locale.date(e.opens)}</time>
                <span class="cta__hours"><span class="visually-hidden">{s.hours}{": "}</span>{hours}</span>
            </p>
            {status}
            <p class="visually-hidden" role="status" aria-live="polite">{announcement}</p>
            <div class="cta__actions">
                {link}
                if let Some(onclick) = add_to_calendar.filter(|_| phase != Phase::Closed) {
                    <button type="button" class="button" part="button" {onclick}>{s.add_to_calendar}</button>
                }
            </div>
            {turnout}
        </section>
    }
}

/// The countdown in words and the locale's digits.
pub fn countdown_text(locale: &Locale, c: Countdown) -> String {
    let s = locale.strings;
    match c {
        Countdown::Days { days, hours } => fill(
            s.countdown_days,
            &[("d", &locale.number(days)), ("h", &locale.number(hours))],
        ),
        Countdown::Hours { hours, minutes } => fill(
            s.countdown_hours,
            &[("h", &locale.number(hours)), ("m", &locale.number(minutes))],
        ),
    }
}
