//! The call-to-action's state machine, at and around every boundary.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::cta::*;
use election_widget::model::Election;
use election_widget::time::{parse_rfc3339, Instant};

fn at(s: &str) -> Instant {
    parse_rfc3339(s).unwrap()
}

fn election(opens: &str, closes: &str) -> Election {
    Election {
        title: "e".into(),
        opens: at(opens),
        closes: at(closes),
        cta: None,
        turnout: None,
    }
}

#[test]
fn phases_around_the_boundaries() {
    let e = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    assert_eq!(
        phase(&e, e.opens.plus(-1)),
        Phase::Upcoming { remaining: 1 }
    );
    assert_eq!(phase(&e, e.opens), Phase::Open { closes: e.closes });
    assert_eq!(phase(&e, e.opens.plus(1)), Phase::Open { closes: e.closes });
    assert_eq!(
        phase(&e, e.closes.plus(-1)),
        Phase::Open { closes: e.closes }
    );
    assert_eq!(phase(&e, e.closes), Phase::Closed);
    assert_eq!(phase(&e, e.closes.plus(1)), Phase::Closed);
}

#[test]
fn an_extension_in_a_refreshed_bulletin_reopens_the_polls() {
    let first = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    let extended = election("2024-03-01T08:00:00+03:30", "2024-03-01T22:00:00+03:30");
    let now = at("2024-03-01T18:30:00+03:30");
    assert_eq!(phase(&first, now), Phase::Closed);
    assert_eq!(
        phase(&extended, now),
        Phase::Open {
            closes: extended.closes
        }
    );
}

#[test]
fn offsets_are_compared_as_instants() {
    let e = election("2024-03-01T04:30:00Z", "2024-03-01T14:30:00Z");
    assert_eq!(
        phase(&e, at("2024-03-01T07:59:59+03:30")),
        Phase::Upcoming { remaining: 1 }
    );
    assert!(matches!(
        phase(&e, at("2024-03-01T08:00:00+03:30")),
        Phase::Open { .. }
    ));
}

#[test]
fn countdown_days_then_hours_and_minutes() {
    assert_eq!(
        countdown(3 * 86_400 + 5 * 3600 + 59),
        Countdown::Days { days: 3, hours: 5 }
    );
    assert_eq!(countdown(86_400), Countdown::Days { days: 1, hours: 0 });
    assert_eq!(countdown(86_400 - 1), Countdown::Days { days: 1, hours: 0 });
    assert_eq!(
        countdown(86_400 - 60),
        Countdown::Hours {
            hours: 23,
            minutes: 59
        }
    );
    assert_eq!(
        countdown(3600 + 61),
        Countdown::Hours {
            hours: 1,
            minutes: 2
        }
    );
    assert_eq!(
        countdown(1),
        Countdown::Hours {
            hours: 0,
            minutes: 1
        }
    );
    assert_eq!(
        countdown(0),
        Countdown::Hours {
            hours: 0,
            minutes: 0
        }
    );
}

#[test]
fn picks_the_election_under_way_else_next_else_last() {
    let first = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    let runoff = election("2024-05-10T08:00:00+03:30", "2024-05-10T18:00:00+03:30");
    let all = [runoff.clone(), first.clone()];
    assert_eq!(pick(&all, at("2024-02-01T00:00:00Z")), Some(&first));
    assert_eq!(pick(&all, at("2024-03-01T12:00:00+03:30")), Some(&first));
    assert_eq!(pick(&all, at("2024-03-02T00:00:00Z")), Some(&runoff));
    assert_eq!(pick(&all, at("2024-05-10T09:00:00+03:30")), Some(&runoff));
    assert_eq!(pick(&all, at("2025-01-01T00:00:00Z")), Some(&runoff));
    assert_eq!(pick(&[], at("2025-01-01T00:00:00Z")), None);
}

#[test]
fn next_boundary_is_the_next_opening_or_closing() {
    let e = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    let list = [e.clone()];
    assert_eq!(next_boundary(&list, e.opens.plus(-10)), Some(e.opens));
    assert_eq!(next_boundary(&list, e.opens), Some(e.closes));
    assert_eq!(next_boundary(&list, e.closes), None);
}

#[test]
fn a_device_clock_behind_the_bulletin_is_corrected() {
    use election_widget::clock::skew;
    let generated = at("2024-03-01T09:00:00+03:30");
    assert_eq!(
        skew(generated.plus(-3 * 86_400), Some(generated)),
        3 * 86_400
    );
    assert_eq!(
        skew(generated.plus(60), Some(generated)),
        0,
        "a clock ahead is trusted"
    );
    assert_eq!(skew(generated, None), 0);
}

#[test]
fn a_correction_opens_the_polls_but_never_closes_them_early() {
    let e = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    let list = [e.clone()];
    let guarded =
        |device: Instant, corrected: Instant| phase(&e, guarded_now(&list, device, corrected));
    // a phone whose clock is behind: the correction opens the polls
    assert_eq!(
        guarded(e.opens.plus(-3600), e.opens.plus(600)),
        Phase::Open { closes: e.closes }
    );
    // a source whose `generated` is a day ahead cannot close them while the device sees them open
    assert_eq!(
        guarded(e.opens.plus(3600), e.opens.plus(3600 + 86_400)),
        Phase::Open { closes: e.closes }
    );
    // nor before they open: the call to vote stays (open at worst, never closed)
    assert_ne!(
        guarded(e.opens.plus(-600), e.closes.plus(86_400)),
        Phase::Closed
    );
    // once the device clock says closed, they are closed
    assert_eq!(guarded(e.closes, e.closes.plus(86_400)), Phase::Closed);
    // no correction: the device clock, untouched
    assert_eq!(guarded_now(&list, e.opens, e.opens), e.opens);
}

#[test]
fn the_guard_keeps_every_election_the_device_sees_open() {
    let first = election("2024-03-01T08:00:00+03:30", "2024-03-01T18:00:00+03:30");
    let second = election("2024-03-08T08:00:00+03:30", "2024-03-08T18:00:00+03:30");
    let list = [first.clone(), second.clone()];
    let device = first.opens.plus(7200);
    let now = guarded_now(&list, device, second.opens.plus(3600));
    assert!(now < first.closes && now >= device, "{now:?}");
    assert_eq!(pick(&list, now), Some(&first));
}
