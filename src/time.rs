//! Instants and RFC 3339: the widget's one notion of time, without a date-time crate.
//!
//! Everything is kept as whole seconds since the Unix epoch (UTC). Instants are compared
//! as instants; only `locale` turns them into wall-clock dates, in Asia/Tehran.

use std::fmt;

/// Seconds since 1970-01-01T00:00:00Z. Plain data so it is `Copy` and trivially comparable.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Instant(pub i64);

impl Instant {
    /// The instant `secs` seconds later (or earlier, when negative).
    pub fn plus(self, secs: i64) -> Instant {
        Instant(self.0.saturating_add(secs))
    }

    /// From JavaScript's milliseconds since the epoch (`Date.now()`), rounding down.
    pub fn from_millis(ms: f64) -> Instant {
        Instant((ms / 1000.0).floor() as i64)
    }

    /// UTC calendar date and time of day: (year, month, day, hour, minute, second).
    pub fn to_utc(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (
            y,
            m,
            d,
            (secs / 3600) as u32,
            (secs / 60 % 60) as u32,
            (secs % 60) as u32,
        )
    }
}

/// Why a string is not an RFC 3339 date-time; the message reads after a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadDate;

impl fmt::Display for BadDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("expected an RFC 3339 date (for example 2024-03-01T08:00:00+03:30)")
    }
}

/// Parses an RFC 3339 date-time (`2024-03-01T08:00:00+03:30`, `…Z`, fractions ignored).
///
/// A date-time without an offset is ambiguous and rejected: RFC 3339 requires one.
pub fn parse_rfc3339(s: &str) -> Result<Instant, BadDate> {
    let b = s.trim().as_bytes();
    if b.len() < 20 {
        return Err(BadDate);
    }
    let num = |from: usize, len: usize| -> Result<i64, BadDate> {
        let part = b.get(from..from + len).ok_or(BadDate)?;
        part.iter().try_fold(0i64, |acc, c| {
            if c.is_ascii_digit() {
                Ok(acc * 10 + i64::from(c - b'0'))
            } else {
                Err(BadDate)
            }
        })
    };
    let expect = |at: usize, allowed: &[u8]| -> Result<(), BadDate> {
        match b.get(at) {
            Some(c) if allowed.contains(c) => Ok(()),
            _ => Err(BadDate),
        }
    };
    let year = num(0, 4)?;
    expect(4, b"-")?;
    let month = num(5, 2)?;
    expect(7, b"-")?;
    let day = num(8, 2)?;
    expect(10, b"Tt ")?;
    let hour = num(11, 2)?;
    expect(13, b":")?;
    let minute = num(14, 2)?;
    expect(16, b":")?;
    let second = num(17, 2)?;
    let mut at = 19;
    if b.get(at) == Some(&b'.') {
        at += 1;
        let start = at;
        while b.get(at).is_some_and(u8::is_ascii_digit) {
            at += 1;
        }
        if at == start {
            return Err(BadDate);
        }
    }
    let offset = match b.get(at) {
        Some(b'Z' | b'z') if at + 1 == b.len() => 0,
        Some(sign @ (b'+' | b'-')) if at + 6 == b.len() => {
            expect(at + 3, b":")?;
            let (oh, om) = (num(at + 1, 2)?, num(at + 4, 2)?);
            if oh > 23 || om > 59 {
                return Err(BadDate);
            }
            let off = oh * 3600 + om * 60;
            if *sign == b'-' {
                -off
            } else {
                off
            }
        }
        _ => return Err(BadDate),
    };
    let month_ok = (1..=12).contains(&month);
    if !month_ok || day < 1 || day > days_in_month(year, month as u32) as i64 {
        return Err(BadDate);
    }
    // 60 is a leap second; it is read as the last second of that minute
    if hour > 23 || minute > 59 || second > 60 {
        return Err(BadDate);
    }
    let days = days_from_civil(year, month as u32, day as u32);
    let local = days * 86_400 + hour * 3600 + minute * 60 + second.min(59);
    Ok(Instant(local - offset))
}

/// Formats an instant as RFC 3339 in UTC (`2024-03-01T04:30:00Z`).
pub fn format_rfc3339_utc(t: Instant) -> String {
    let (y, mo, d, h, mi, s) = t.to_utc();
    format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
}

/// Whether a Gregorian year has 29 February.
pub fn is_leap_year(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days in a Gregorian month.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(y) => 29,
        2 => 28,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Proleptic Gregorian date of a day count since 1970-01-01.
pub fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}
