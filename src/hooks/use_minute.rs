//! Re-renders on each minute of the clock and at each phase boundary, not every second,
//! and not at all while the page is hidden.

use gloo_events::EventListener;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::clock;
use crate::time::Instant;

fn page_hidden() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .is_some_and(|d| d.hidden())
}

/// Schedules a re-render at the next whole minute of the widget's clock, or at `boundary`
/// when that comes first. Does nothing when the clock is fixed (`data-now`) or the page is
/// hidden; becoming visible again re-renders at once, then on the minute.
#[hook]
pub fn use_minute(enabled: bool, skew: i64, boundary: Option<Instant>) {
    let tick = use_state(|| 0u32);
    let visible = use_state(|| !page_hidden());
    {
        let visible = visible.clone();
        use_effect_with(enabled, move |&enabled| {
            let listener = enabled.then(|| {
                web_sys::window().and_then(|w| w.document()).map(|doc| {
                    EventListener::new(&doc, "visibilitychange", move |_| {
                        visible.set(!page_hidden())
                    })
                })
            });
            move || drop(listener)
        });
    }
    let generation = *tick;
    use_effect_with(
        (enabled && *visible, skew, boundary, generation),
        move |&(active, skew, boundary, _)| {
            let timer = active.then(|| {
                // whole milliseconds: integer remainder, not f64's (which links fmod)
                let now_ms =
                    (clock::device_millis() as i64).saturating_add(skew.saturating_mul(1000));
                let to_minute = 60_000 - now_ms.rem_euclid(60_000);
                let to_boundary =
                    boundary.map(|b| b.0.saturating_mul(1000).saturating_sub(now_ms).max(0));
                let delay = to_boundary.map_or(to_minute, |b| b.min(to_minute));
                // a few ms late, so the render lands after the boundary, never just before it
                Timeout::new(delay as u32 + 20, move || {
                    tick.set(generation.wrapping_add(1))
                })
            });
            move || drop(timer)
        },
    );
}
