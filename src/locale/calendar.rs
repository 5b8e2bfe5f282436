//! Solar Hijri (Jalali) calendar and Asia/Tehran wall-clock time, as pure arithmetic.
//!
//! The Jalali conversion follows the published 33-year-cycle "breaks" method of
//! Kazimierz Borkowski (the one jalaali-js and most Iranian software use); the tests
//! compare it against ICU's Persian calendar for every day of 1300–1500 SH.

use crate::time::{civil_from_days, days_from_civil, Instant};

/// A wall-clock reading in some time zone.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LocalTime {
    /// Days since 1970-01-01 of the local date (Gregorian day number).
    pub day: i64,
    pub hour: u32,
    pub minute: u32,
    /// 0 = Saturday … 6 = Friday: the Iranian week.
    pub weekday: u32,
}

/// A Solar Hijri date; `month` is 1 (Farvardin) to 12 (Esfand).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct JalaliDate {
    pub year: i64,
    pub month: u32,
    pub day: u32,
}

/// Years after which the leap pattern changes; outside the first and last, the calendar is undefined.
const BREAKS: [i64; 20] = [
    -61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324,
    2394, 2456, 3178,
];

/// The range of Jalali years this module converts.
pub const YEARS: std::ops::Range<i64> = -61..3178;

struct YearInfo {
    /// Years since the last leap year (0 means `year` is leap).
    leap: i64,
    /// Gregorian year in which this Jalali year starts.
    gy: i64,
    /// Day of March (Gregorian) on which 1 Farvardin falls.
    march: i64,
}

fn year_info(jy: i64) -> Option<YearInfo> {
    if !YEARS.contains(&jy) {
        return None;
    }
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm in &BREAKS[1..] {
        jump = jm - jp;
        if jy < jm {
            break;
        }
        leap_j += jump / 33 * 8 + jump % 33 / 4;
        jp = jm;
    }
    let mut n = jy - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    let march = 20 + leap_j - leap_g;
    if jump - n < 6 {
        n = n - jump + (jump + 4) / 33 * 33;
    }
    let mut leap = ((n + 1) % 33 - 1).rem_euclid(4);
    if (n + 1) % 33 - 1 == -1 {
        leap = 4;
    }
    Some(YearInfo { leap, gy, march })
}

/// Whether a Jalali year has 30 days in Esfand.
pub fn is_leap(jy: i64) -> bool {
    year_info(jy).is_some_and(|i| i.leap == 0)
}

/// Gregorian day number (days since 1970-01-01) of 1 Farvardin of `jy`.
fn nowruz_day(jy: i64) -> Option<i64> {
    year_info(jy).map(|i| days_from_civil(i.gy, 3, i.march as u32))
}

/// Days since 1970-01-01 of a Jalali date, or None outside the supported years or for a bad date.
pub fn to_days(d: JalaliDate) -> Option<i64> {
    if !(1..=12).contains(&d.month) || d.day < 1 || d.day > month_length(d.year, d.month) {
        return None;
    }
    let m = i64::from(d.month);
    let before = (m - 1) * 31 - (m / 7) * (m - 7);
    Some(nowruz_day(d.year)? + before + i64::from(d.day) - 1)
}

/// Days in a Jalali month.
pub fn month_length(jy: i64, month: u32) -> u32 {
    match month {
        1..=6 => 31,
        7..=11 => 30,
        _ if is_leap(jy) => 30,
        _ => 29,
    }
}

/// The Jalali date of a Gregorian day number, or None outside the supported years.
pub fn from_days(day: i64) -> Option<JalaliDate> {
    let (gy, _, _) = civil_from_days(day);
    let mut jy = gy - 621;
    let mut start = nowruz_day(jy)?;
    if day < start {
        jy -= 1;
        start = nowruz_day(jy)?;
    }
    let k = day - start;
    let (month, day) = if k < 186 {
        (1 + k / 31, k % 31 + 1)
    } else {
        let k = k - 186;
        (7 + k / 30, k % 30 + 1)
    };
    Some(JalaliDate {
        year: jy,
        month: month as u32,
        day: day as u32,
    })
}

/// Iran Standard Time, UTC+03:30.
const IRST: i64 = 3 * 3600 + 1800;

/// Seconds east of UTC in Asia/Tehran at `t`.
///
/// Iran has kept UTC+03:30 all year since 1402 SH (2023). In 1371–1384 and 1387–1401 it
/// moved to +04:30 from the end of 1 Farvardin to the end of 30 Shahrivar; that rule is
/// modelled so that older news items show the hour a Tehran reader saw (checked against
/// ICU's Asia/Tehran). The irregular 1370 (1991) season is not.
pub fn tehran_offset(t: Instant) -> i64 {
    let standard = t.0 + IRST;
    let Some(jd) = from_days(standard.div_euclid(86_400)) else {
        return IRST;
    };
    if !((1371..=1384).contains(&jd.year) || (1387..=1401).contains(&jd.year)) {
        return IRST;
    }
    let Some(nowruz) = nowruz_day(jd.year) else {
        return IRST;
    };
    // In standard time, the switch is at 2 Farvardin 00:00 and back at 30 Shahrivar 23:00.
    let start = (nowruz + 1) * 86_400;
    let end = (nowruz + 185) * 86_400 - 3600;
    if (start..end).contains(&standard) {
        IRST + 3600
    } else {
        IRST
    }
}

/// The wall-clock reading of `t` at a fixed offset east of UTC.
pub fn local_time(t: Instant, offset: i64) -> LocalTime {
    let local = t.0.saturating_add(offset);
    let day = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    LocalTime {
        day,
        hour: (secs / 3600) as u32,
        minute: (secs / 60 % 60) as u32,
        // 1970-01-01 was a Thursday, which is 5 in a week that starts on Saturday
        weekday: (day + 5).rem_euclid(7) as u32,
    }
}

/// The wall-clock reading of `t` in Tehran.
pub fn tehran_time(t: Instant) -> LocalTime {
    local_time(t, tehran_offset(t))
}
