//! Solar Hijri conversion and Tehran time, against ICU (tests/fixtures, made by make-icu-reference.mjs).
#![cfg(not(target_arch = "wasm32"))]

use election_widget::locale::calendar::*;
use election_widget::time::{days_from_civil, parse_rfc3339, Instant};

fn gregorian_day(date: &str) -> i64 {
    let mut p = date.split('-').map(|n| n.parse::<i64>().unwrap());
    let (y, m, d) = (p.next().unwrap(), p.next().unwrap(), p.next().unwrap());
    days_from_civil(y, m as u32, d as u32)
}

#[test]
fn known_dates() {
    let election_day = gregorian_day("2024-03-01");
    assert_eq!(
        from_days(election_day),
        Some(JalaliDate {
            year: 1402,
            month: 12,
            day: 11
        })
    );
    assert_eq!(
        from_days(gregorian_day("2024-03-20")),
        Some(JalaliDate {
            year: 1403,
            month: 1,
            day: 1
        })
    );
    assert_eq!(
        from_days(gregorian_day("2025-03-20")),
        Some(JalaliDate {
            year: 1403,
            month: 12,
            day: 30
        })
    );
    assert_eq!(
        from_days(gregorian_day("1979-02-11")),
        Some(JalaliDate {
            year: 1357,
            month: 11,
            day: 22
        })
    );
    assert!(is_leap(1399) && is_leap(1403) && !is_leap(1402) && !is_leap(1404));
    assert_eq!(
        to_days(JalaliDate {
            year: 1402,
            month: 12,
            day: 30
        }),
        None,
        "1402 is not leap"
    );
    assert_eq!(
        to_days(JalaliDate {
            year: 1402,
            month: 13,
            day: 1
        }),
        None
    );
}

/// Every day from 1300 to 1500 SH, both directions, against ICU's Persian calendar.
#[test]
fn every_day_1300_to_1500_matches_icu() {
    let table = include_str!("fixtures/icu-persian-month-starts.txt");
    let starts: Vec<(i64, u32, i64)> = table
        .lines()
        .filter(|l| !l.starts_with('#'))
        .map(|l| {
            let f: Vec<&str> = l.split(' ').collect();
            (
                f[0].parse().unwrap(),
                f[1].parse().unwrap(),
                gregorian_day(f[2]),
            )
        })
        .collect();
    assert_eq!(starts.len(), 201 * 12);
    let mut checked = 0;
    for pair in starts.windows(2) {
        let (year, month, first) = pair[0];
        let next = pair[1].2;
        assert_eq!(
            i64::from(month_length(year, month)),
            next - first,
            "length of {year}/{month}"
        );
        for day in first..next {
            let expected = JalaliDate {
                year,
                month,
                day: (day - first + 1) as u32,
            };
            assert_eq!(from_days(day), Some(expected), "day {day}");
            assert_eq!(to_days(expected), Some(day), "{expected:?}");
            checked += 1;
        }
    }
    assert!(checked > 73_000, "checked {checked} days");
}

#[test]
fn weekdays_start_on_saturday() {
    let friday = parse_rfc3339("2024-03-01T10:00:00+03:30").unwrap();
    assert_eq!(tehran_time(friday).weekday, 6);
    assert_eq!(tehran_time(friday.plus(86_400)).weekday, 0);
}

#[test]
fn tehran_is_utc_plus_0330_without_daylight_saving_since_2023() {
    let t = parse_rfc3339("2024-06-01T12:00:00Z").unwrap();
    assert_eq!(tehran_offset(t), 12_600);
    let local = tehran_time(parse_rfc3339("2024-03-01T04:30:00Z").unwrap());
    assert_eq!((local.hour, local.minute), (8, 0));
}

/// Every Tehran offset change from 1992 to 2030 (and no other), against ICU's Asia/Tehran.
#[test]
fn tehran_offsets_match_icu() {
    let table = include_str!("fixtures/icu-tehran-offsets.txt");
    let changes: Vec<(Instant, i64)> = table
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("1991"))
        .map(|l| {
            let (when, off) = l.split_once(' ').unwrap();
            let secs = if off.ends_with("04:30") {
                16_200
            } else {
                12_600
            };
            (parse_rfc3339(&when.replace(".000", "")).unwrap(), secs)
        })
        .collect();
    let mut t = parse_rfc3339("1992-01-01T00:00:00Z").unwrap();
    let end = parse_rfc3339("2030-01-01T00:00:00Z").unwrap();
    let mut expected = 12_600;
    let mut next = changes.iter().peekable();
    while t < end {
        while let Some((at, off)) = next.peek() {
            if *at <= t {
                expected = *off;
                next.next();
            } else {
                break;
            }
        }
        assert_eq!(tehran_offset(t), expected, "at {t:?}");
        t = t.plus(1800);
    }
    for (at, off) in &changes {
        assert_eq!(tehran_offset(*at), *off);
        assert_ne!(
            tehran_offset(at.plus(-1)),
            *off,
            "change at {at:?} is exact to the second"
        );
    }
}
