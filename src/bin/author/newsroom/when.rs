//! Dates and times as a press officer types them: a Solar Hijri date (day, month by name,
//! year) and a time of day in Tehran, in Persian, Arabic-Indic or Latin digits, to an
//! [`Instant`] and to RFC 3339 with Tehran's offset at that instant; and back.

use election_widget::locale::calendar::{
    from_days, month_length, tehran_offset, to_days, JalaliDate,
};
use election_widget::time::Instant;

/// `s` with Persian and Arabic-Indic digits written as ASCII digits; other characters kept.
pub fn latin_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{06F0}'..='\u{06F9}' => {
                char::from_u32(c as u32 - 0x06F0 + u32::from(b'0')).unwrap_or(c)
            }
            '\u{0660}'..='\u{0669}' => {
                char::from_u32(c as u32 - 0x0660 + u32::from(b'0')).unwrap_or(c)
            }
            _ => c,
        })
        .collect()
}

/// A whole number typed in any of the three digit sets, with spaces around it allowed.
pub fn whole_number(s: &str) -> Option<i64> {
    let t = latin_digits(s.trim());
    if t.is_empty() || t.len() > 9 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// A percentage such as `42.57`, `۴۲٫۵۷` or `42/57 ٪`: any digits, `.`, `٫`, `,` or `/` as the
/// decimal separator, an optional percent sign.
pub fn percentage(s: &str) -> Option<f64> {
    let t = latin_digits(s.trim());
    let t = t.trim_end_matches(['%', '٪']).trim();
    let t: String = t
        .chars()
        .map(|c| {
            if matches!(c, '٫' | ',' | '/' | '،') {
                '.'
            } else {
                c
            }
        })
        .collect();
    let valid = !t.is_empty()
        && t.chars().all(|c| c.is_ascii_digit() || c == '.')
        && t.chars().filter(|c| *c == '.').count() <= 1
        && !t.starts_with('.')
        && !t.ends_with('.');
    if !valid {
        return None;
    }
    t.parse().ok()
}

/// Why a typed date or time cannot be used (the message is shown beside the field).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Bad {
    /// Nothing typed in a required part.
    Missing(&'static str),
    /// Not a number, or out of range; the text says what is allowed.
    Invalid(String),
}

impl Bad {
    /// The Persian message for the field.
    pub fn message(&self) -> String {
        match self {
            Bad::Missing(what) => format!("{what} را بنویسید."),
            Bad::Invalid(text) => text.clone(),
        }
    }
}

/// The Persian month names, Farvardin first.
pub fn months() -> &'static [&'static str; 12] {
    &election_widget::locale::fa::STRINGS.months
}

/// A Solar Hijri date from its typed parts (`month` 1–12 from a list).
pub fn date(day: &str, month: u32, year: &str) -> Result<JalaliDate, Bad> {
    if day.trim().is_empty() {
        return Err(Bad::Missing("روز"));
    }
    if year.trim().is_empty() {
        return Err(Bad::Missing("سال"));
    }
    let year = whole_number(year)
        .filter(|y| (1300..=1500).contains(y))
        .ok_or_else(|| Bad::Invalid("سال را به شمسی و چهاررقمی بنویسید، مانند ۱۴۰۳.".into()))?;
    if !(1..=12).contains(&month) {
        return Err(Bad::Missing("ماه"));
    }
    let length = month_length(year, month);
    let day = whole_number(day)
        .filter(|d| (1..=i64::from(length)).contains(d))
        .ok_or_else(|| {
            let name = months()[month as usize - 1];
            let leap_note = if month == 12 && length == 29 {
                " (سال کبیسه نیست)"
            } else {
                ""
            };
            Bad::Invalid(format!(
                "روز باید از ۱ تا {} باشد: {name} {} {} روز دارد{leap_note}.",
                election_widget::locale::to_persian_digits(&length.to_string()),
                election_widget::locale::to_persian_digits(&year.to_string()),
                election_widget::locale::to_persian_digits(&length.to_string()),
            ))
        })? as u32;
    Ok(JalaliDate { year, month, day })
}

/// A time of day: `8`, `08:00`, `۸:۳۰`, `18:00:30`; `24:00` is the end of the day.
/// Returns seconds after midnight.
pub fn time_of_day(s: &str) -> Result<i64, Bad> {
    let t = latin_digits(s.trim()).replace(['٫', '.', '：'], ":");
    if t.is_empty() {
        return Err(Bad::Missing("ساعت"));
    }
    let bad = || Bad::Invalid("ساعت را به شکل ۰۸:۰۰ بنویسید (۲۴ساعته).".into());
    let parts: Vec<&str> = t.split(':').collect();
    if parts.len() > 3 || parts.iter().any(|p| p.is_empty() || p.len() > 2) {
        return Err(bad());
    }
    let mut n = [0i64; 3];
    for (i, p) in parts.iter().enumerate() {
        n[i] = whole_number(p).ok_or_else(bad)?;
    }
    let [h, m, sec] = n;
    if (h == 24 && m == 0 && sec == 0) || (h < 24 && m < 60 && sec < 60) {
        Ok(h * 3600 + m * 60 + sec)
    } else {
        Err(bad())
    }
}

/// The instant at which Tehran's clocks read `date` at `seconds` after midnight.
///
/// Tehran's offset is `tehran_offset` at the instant itself (+03:30, or +04:30 in the summers
/// of 1371–1384 and 1387–1401). A reading the clocks skipped (the hour after midnight on
/// 2 Farvardin in those years) is an error; one they showed twice (the last hour of
/// 30 Shahrivar) is the first of the two.
pub fn tehran_instant(date: JalaliDate, seconds: i64) -> Result<Instant, Bad> {
    let days = to_days(date).ok_or_else(|| Bad::Invalid("این تاریخ در تقویم نیست.".into()))?;
    let local = days * 86_400 + seconds;
    // the first candidate whose offset reads back as the same wall clock
    let mut candidates: Vec<Instant> = [4 * 3600 + 1800, 3 * 3600 + 1800]
        .iter()
        .map(|off| Instant(local - off))
        .filter(|t| t.0 + tehran_offset(*t) == local)
        .collect();
    candidates.sort();
    candidates.first().copied().ok_or_else(|| {
        Bad::Invalid("این ساعت در تهران وجود نداشت (ساعت رسمی یک ساعت جلو کشیده شد).".into())
    })
}

/// RFC 3339 with Tehran's offset at `t`: `2024-03-01T08:00:00+03:30`.
pub fn rfc3339_tehran(t: Instant) -> String {
    let offset = tehran_offset(t);
    let (y, mo, d, h, mi, s) = Instant(t.0 + offset).to_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let off = offset.abs();
    format!(
        "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}{sign}{:02}:{:02}",
        off / 3600,
        off / 60 % 60
    )
}

/// The Tehran wall-clock reading of `t`: Solar Hijri date and seconds after midnight.
pub fn tehran_reading(t: Instant) -> Option<(JalaliDate, i64)> {
    let local = t.0 + tehran_offset(t);
    let date = from_days(local.div_euclid(86_400))?;
    Some((date, local.rem_euclid(86_400)))
}

/// A time of day as typed back into a field: `08:00`, or `08:00:30` when it has seconds.
pub fn time_text(seconds: i64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if s == 0 {
        format!("{h:02}:{m:02}")
    } else {
        format!("{h:02}:{m:02}:{s:02}")
    }
}
