//! Publication dates as feeds write them (pure). Only the items' dates are read this leniently:
//! the election's hours and the bulletin's `generated` time stay strict RFC 3339.
//!
//! Accepted, beside RFC 3339:
//! - a date alone (schema.org `Date`: `2024-06-25`), shown without a time;
//! - ISO 8601 variants: a space for `T`, no seconds, any number of fraction digits, an offset
//!   without a colon (`+0330`) or of hours only (`+03`);
//! - RFC 2822 (`Fri, 31 May 2019 12:17:58 -0700`, with `GMT`, `UT` or a US zone name), as JSON
//!   Feeds converted from RSS carry them;
//! - a date and time without any offset: its time zone is unknown, so only its date is kept.

use crate::time::{days_from_civil, days_in_month, Instant};

/// A publication date as read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    /// The instant; for a date without a time, midnight UTC of that calendar day.
    pub at: Instant,
    /// A calendar day rather than an instant: shown as the date alone.
    pub date_only: bool,
    /// The feed gave a time but no time zone (so the time was dropped).
    pub zone_missing: bool,
}

/// Why a publication date could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BadPublished;

impl std::fmt::Display for BadPublished {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(
            "expected a date such as 2024-03-01T08:00:00+03:30, 2024-03-01 or \
             Fri, 01 Mar 2024 08:00:00 +0330",
        )
    }
}

/// Reads a publication date in any of the shapes above.
pub fn parse(raw: &str) -> Result<Published, BadPublished> {
    let s = raw.trim();
    let first = s.as_bytes().first().ok_or(BadPublished)?;
    if first.is_ascii_digit() && s.as_bytes().get(4) == Some(&b'-') {
        iso(s)
    } else {
        rfc2822(s)
    }
}

/// A cursor over ASCII input.
struct Scan<'a> {
    b: &'a [u8],
    at: usize,
}

impl Scan<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.at).copied()
    }

    fn eat(&mut self, c: u8) -> bool {
        let hit = self.peek() == Some(c);
        if hit {
            self.at += 1;
        }
        hit
    }

    fn expect(&mut self, c: u8) -> Result<(), BadPublished> {
        self.eat(c).then_some(()).ok_or(BadPublished)
    }

    /// Exactly `n` digits.
    fn digits(&mut self, n: usize) -> Result<i64, BadPublished> {
        let part = self.b.get(self.at..self.at + n).ok_or(BadPublished)?;
        let v = part.iter().try_fold(0i64, |acc, c| {
            c.is_ascii_digit()
                .then(|| acc * 10 + i64::from(c - b'0'))
                .ok_or(BadPublished)
        })?;
        self.at += n;
        Ok(v)
    }

    /// One or more digits (at most `max`).
    fn number(&mut self, max: usize) -> Result<(i64, usize), BadPublished> {
        let start = self.at;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) && self.at - start < max {
            self.at += 1;
        }
        let len = self.at - start;
        if len == 0 {
            return Err(BadPublished);
        }
        self.at = start;
        Ok((self.digits(len)?, len))
    }

    fn skip_spaces(&mut self) {
        while self.peek() == Some(b' ') {
            self.at += 1;
        }
    }

    fn done(&self) -> bool {
        self.at == self.b.len()
    }

    /// A time of day `HH:MM[:SS[.fraction]]`, as seconds.
    fn time(&mut self) -> Result<i64, BadPublished> {
        let hour = self.digits(2)?;
        self.expect(b':')?;
        let minute = self.digits(2)?;
        let second = if self.eat(b':') { self.digits(2)? } else { 0 };
        if self.peek() == Some(b'.') || self.peek() == Some(b',') {
            self.at += 1;
            let start = self.at;
            while self.peek().is_some_and(|c| c.is_ascii_digit()) {
                self.at += 1;
            }
            if self.at == start {
                return Err(BadPublished);
            }
        }
        // 60 is a leap second, read as the last second of that minute
        if hour > 23 || minute > 59 || second > 60 {
            return Err(BadPublished);
        }
        Ok(hour * 3600 + minute * 60 + second.min(59))
    }

    /// A numeric offset `±HH:MM`, `±HHMM` or `±HH`, in seconds east of UTC.
    fn offset(&mut self, sign: u8) -> Result<i64, BadPublished> {
        let hours = self.digits(2)?;
        let minutes = match self.peek() {
            Some(b':') => {
                self.at += 1;
                self.digits(2)?
            }
            Some(c) if c.is_ascii_digit() => self.digits(2)?,
            _ => 0,
        };
        if hours > 23 || minutes > 59 {
            return Err(BadPublished);
        }
        let secs = hours * 3600 + minutes * 60;
        Ok(if sign == b'-' { -secs } else { secs })
    }
}

/// Days since the epoch of a valid Gregorian date.
fn day(year: i64, month: i64, day: i64) -> Result<i64, BadPublished> {
    if !(1..=12).contains(&month) || day < 1 || day > i64::from(days_in_month(year, month as u32)) {
        return Err(BadPublished);
    }
    Ok(days_from_civil(year, month as u32, day as u32))
}

fn date_only(days: i64, zone_missing: bool) -> Published {
    Published {
        at: Instant(days * 86_400),
        date_only: true,
        zone_missing,
    }
}

/// `2024-06-25`, `2024-06-25T10:30`, `2024-06-25 10:30:00.123+0330`, `…Z`, `…+03`.
fn iso(s: &str) -> Result<Published, BadPublished> {
    let mut p = Scan {
        b: s.as_bytes(),
        at: 0,
    };
    let year = p.digits(4)?;
    p.expect(b'-')?;
    let month = p.digits(2)?;
    p.expect(b'-')?;
    let dd = p.digits(2)?;
    let days = day(year, month, dd)?;
    if p.done() {
        return Ok(date_only(days, false));
    }
    if !(p.eat(b'T') || p.eat(b't') || p.eat(b' ')) {
        return Err(BadPublished);
    }
    let secs = p.time()?;
    p.skip_spaces();
    let offset = match p.peek() {
        None => return Ok(date_only(days, true)),
        Some(b'Z' | b'z') => {
            p.at += 1;
            0
        }
        Some(sign @ (b'+' | b'-')) => {
            p.at += 1;
            p.offset(sign)?
        }
        _ => return Err(BadPublished),
    };
    if !p.done() {
        return Err(BadPublished);
    }
    Ok(Published {
        at: Instant(days * 86_400 + secs - offset),
        date_only: false,
        zone_missing: false,
    })
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// `Fri, 31 May 2019 12:17:58 -0700` (RFC 2822, with its obsolete zone names).
fn rfc2822(s: &str) -> Result<Published, BadPublished> {
    // the day name is optional and not checked
    let rest = match s.split_once(',') {
        Some((name, rest)) if name.len() <= 9 && name.bytes().all(|c| c.is_ascii_alphabetic()) => {
            rest.trim_start()
        }
        Some(_) => return Err(BadPublished),
        None => s,
    };
    let mut words = rest.split_ascii_whitespace();
    let mut next = || words.next().ok_or(BadPublished);
    let dd = next()?.parse::<i64>().map_err(|_| BadPublished)?;
    let name = next()?.to_ascii_lowercase();
    let month = MONTHS
        .iter()
        .position(|m| name.starts_with(m) && name.len() <= 9)
        .ok_or(BadPublished)? as i64
        + 1;
    let year_word = next()?;
    let mut y = Scan {
        b: year_word.as_bytes(),
        at: 0,
    };
    let (mut year, len) = y.number(4)?;
    if !y.done() || len == 1 || len == 3 {
        return Err(BadPublished);
    }
    if len == 2 {
        // RFC 2822 §4.3: 00–49 are 2000–2049, 50–99 are 1950–1999
        year += if year < 50 { 2000 } else { 1900 };
    }
    let days = day(year, month, dd)?;
    let time_word = next()?;
    let mut t = Scan {
        b: time_word.as_bytes(),
        at: 0,
    };
    let secs = t.time()?;
    if !t.done() {
        return Err(BadPublished);
    }
    let zone = words.next();
    if words.next().is_some() {
        return Err(BadPublished);
    }
    let offset = match zone {
        None => return Ok(date_only(days, true)),
        Some(z) => zone_offset(z)?,
    };
    Ok(Published {
        at: Instant(days * 86_400 + secs - offset),
        date_only: false,
        zone_missing: false,
    })
}

/// An RFC 2822 zone: `+0330`, `-0700`, `GMT`, `UT`, `Z` or a US zone name, in seconds east of UTC.
fn zone_offset(z: &str) -> Result<i64, BadPublished> {
    let hours = match z.to_ascii_uppercase().as_str() {
        "GMT" | "UT" | "UTC" | "Z" => 0,
        "EDT" => -4,
        "EST" | "CDT" => -5,
        "CST" | "MDT" => -6,
        "MST" | "PDT" => -7,
        "PST" => -8,
        _ => {
            let mut p = Scan {
                b: z.as_bytes(),
                at: 1,
            };
            let sign = *z.as_bytes().first().ok_or(BadPublished)?;
            if !matches!(sign, b'+' | b'-') || z.len() != 5 {
                return Err(BadPublished);
            }
            return p.offset(sign);
        }
    };
    Ok(hours * 3600)
}
