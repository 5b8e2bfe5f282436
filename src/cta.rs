//! The call-to-action's state as a pure function of (elections, now).

use crate::model::Election;
use crate::time::Instant;

/// Where an election stands at some instant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Voting has not started; `remaining` seconds until it does.
    Upcoming { remaining: i64 },
    /// Voting is under way until `closes`.
    Open { closes: Instant },
    /// Voting has ended.
    Closed,
}

/// The phase of `e` at `now`. Opening is inclusive, closing exclusive: at `closes` it is over.
pub fn phase(e: &Election, now: Instant) -> Phase {
    if now < e.opens {
        Phase::Upcoming {
            remaining: e.opens.0 - now.0,
        }
    } else if now < e.closes {
        Phase::Open { closes: e.closes }
    } else {
        Phase::Closed
    }
}

/// The election to show: the one under way, else the next to open, else the last to close.
pub fn pick(elections: &[Election], now: Instant) -> Option<&Election> {
    let open = elections
        .iter()
        .find(|e| matches!(phase(e, now), Phase::Open { .. }));
    let next = || {
        elections
            .iter()
            .filter(|e| now < e.opens)
            .min_by_key(|e| e.opens)
    };
    let last = || elections.iter().max_by_key(|e| e.closes);
    open.or_else(next).or_else(last)
}

/// The next instant after `now` at which the picture changes (a phase boundary), if any.
pub fn next_boundary(elections: &[Election], now: Instant) -> Option<Instant> {
    elections
        .iter()
        .flat_map(|e| [e.opens, e.closes])
        .filter(|t| *t > now)
        .min()
}

/// The instant the call to vote is shown at. `corrected` is the device clock moved forward by
/// the election source's `generated` time (never backward: see [`crate::clock::skew`]).
///
/// A correction may open the polls on a phone whose clock is behind, but it never closes them
/// early: an election that the device clock still sees as not closed is not shown as closed,
/// whatever the correction says (a source whose `generated` is a day ahead, such as a CMS that
/// labels local time as UTC, would otherwise hide the call to vote while the polls are open).
pub fn guarded_now(elections: &[Election], device: Instant, corrected: Instant) -> Instant {
    elections
        .iter()
        .filter(|e| device < e.closes && corrected >= e.closes)
        .map(|e| e.closes.plus(-1))
        .fold(corrected, Instant::min)
}

/// A countdown as people read it: days and hours, or hours and minutes on the last day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Countdown {
    Days { days: i64, hours: i64 },
    Hours { hours: i64, minutes: i64 },
}

/// The countdown for `remaining` seconds. Minutes round up, so it never reads zero before opening.
pub fn countdown(remaining: i64) -> Countdown {
    let minutes = (remaining.max(0) + 59) / 60;
    if minutes < 24 * 60 {
        Countdown::Hours {
            hours: minutes / 60,
            minutes: minutes % 60,
        }
    } else {
        Countdown::Days {
            days: minutes / (24 * 60),
            hours: minutes % (24 * 60) / 60,
        }
    }
}
