//! Language conventions: direction, digits, calendars and the widget's own strings.
//!
//! A bulletin's `lang` picks a [`Locale`]; views ask it for every label and every
//! number, so a Persian card never shows a Latin digit and an English one never a Persian.

pub mod calendar;
pub mod en;
pub mod fa;

use crate::time::{civil_from_days, Instant};
use calendar::{from_days, tehran_time};

/// Every label and message the widget writes itself, per language.
#[derive(Debug, PartialEq)]
pub struct Strings {
    pub months: [&'static str; 12],
    /// Saturday first: the Iranian week.
    pub weekdays: [&'static str; 7],
    pub read_more: &'static str,
    pub read_less: &'static str,
    pub full_story: &'static str,
    pub source: &'static str,
    pub published: &'static str,
    pub loading: &'static str,
    pub empty: &'static str,
    pub retry: &'static str,
    pub news_region: &'static str,
    pub election_region: &'static str,
    pub election_day: &'static str,
    pub hours: &'static str,
    pub hours_range: &'static str,
    pub starts_in: &'static str,
    pub countdown_days: &'static str,
    pub countdown_hours: &'static str,
    pub open_until: &'static str,
    pub open_now: &'static str,
    pub closed: &'static str,
    pub bad_election: &'static str,
    pub previous_turnout: &'static str,
    pub percent: &'static str,
    pub err_config: &'static str,
    pub err_network: &'static str,
    pub err_timeout: &'static str,
    pub err_not_found: &'static str,
    pub err_server: &'static str,
    pub err_http: &'static str,
    pub err_too_large: &'static str,
    pub err_bad_data: &'static str,
    pub err_host: &'static str,
    pub err_title: &'static str,
    pub add_to_calendar: &'static str,
    pub share: &'static str,
    pub copied: &'static str,
    pub copy_by_hand: &'static str,
    /// Decimal separator: «٫» in Persian.
    pub decimal: &'static str,
    pub last_updated: &'static str,
    pub more_news: &'static str,
}

/// Writing direction of a language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dir {
    Rtl,
    Ltr,
}

impl Dir {
    /// The value of the HTML `dir` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            Dir::Rtl => "rtl",
            Dir::Ltr => "ltr",
        }
    }
}

/// How a locale writes numbers and dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// Persian digits, Solar Hijri dates.
    Persian,
    /// Latin digits, Gregorian dates.
    Latin,
}

/// A language's conventions, chosen from a BCP 47 tag.
#[derive(Clone, Debug)]
pub struct Locale {
    /// The tag as given (for the `lang` attribute), or `fa` when none was usable.
    pub tag: String,
    pub dir: Dir,
    pub style: Style,
    pub strings: &'static Strings,
}

/// Equal when the tag, direction and style match and both use the same strings table: the
/// tables are statics, so comparing their addresses is enough (a derived comparison would
/// walk every string on each render, and cost the module 0.8 KB).
impl PartialEq for Locale {
    fn eq(&self, other: &Self) -> bool {
        self.tag == other.tag
            && self.dir == other.dir
            && self.style == other.style
            && std::ptr::eq(self.strings, other.strings)
    }
}

/// Languages written right to left: Persian, Arabic, Urdu, Sorani Kurdish, Pashto and a few more.
const RTL: [&str; 10] = ["fa", "ar", "ur", "ckb", "ps", "he", "yi", "dv", "sd", "ug"];

impl Locale {
    /// The conventions for a language tag such as `fa`, `fa-IR` or `en`.
    pub fn for_tag(tag: &str) -> Locale {
        let tag = tag.trim();
        let valid = !tag.is_empty()
            && tag.len() <= 35
            && tag
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let tag = if valid {
            tag.replace('_', "-")
        } else {
            "fa".to_owned()
        };
        let primary = tag.split('-').next().unwrap_or("").to_ascii_lowercase();
        // Kurdish written in Arabic script (Sorani) is right to left; `ku` alone is ambiguous,
        // and in bulletins from Iran it is almost always Sorani.
        let lower = tag.to_ascii_lowercase();
        let rtl = RTL.contains(&primary.as_str())
            || (primary == "ku" && !lower.contains("latn"))
            || lower.contains("-arab");
        let persian = primary == "fa";
        Locale {
            tag,
            dir: if rtl { Dir::Rtl } else { Dir::Ltr },
            style: if persian {
                Style::Persian
            } else {
                Style::Latin
            },
            strings: if persian { &fa::STRINGS } else { &en::STRINGS },
        }
    }

    /// Persian, the default.
    pub fn persian() -> Locale {
        Locale::for_tag("fa")
    }

    /// Digits of `s` in this locale's script (ASCII and Arabic-Indic digits are both mapped).
    pub fn digits(&self, s: &str) -> String {
        match self.style {
            Style::Persian => to_persian_digits(s),
            Style::Latin => s.to_owned(),
        }
    }

    /// A number with at most one decimal (no trailing `.0`), in this locale's digits and separator.
    pub fn decimal(&self, x: f64) -> String {
        let tenths = (x * 10.0).round() as i64;
        let text = if tenths % 10 == 0 {
            (tenths / 10).to_string()
        } else {
            format!(
                "{}{}{}",
                tenths / 10,
                self.strings.decimal,
                (tenths % 10).abs()
            )
        };
        self.digits(&text)
    }

    /// A whole number in this locale's digits.
    pub fn number(&self, n: i64) -> String {
        self.digits(&n.to_string())
    }

    /// The date of `t` in Tehran: `جمعه ۱۱ اسفند ۱۴۰۲` or `Friday 1 March 2024`.
    pub fn date(&self, t: Instant) -> String {
        let local = tehran_time(t);
        let weekday = self.strings.weekdays[local.weekday as usize % 7];
        match self.style {
            Style::Persian => match from_days(local.day) {
                Some(j) => {
                    let month = self.strings.months[(j.month as usize + 11) % 12];
                    format!(
                        "{weekday} {} {month} {}",
                        self.number(j.day.into()),
                        self.number(j.year)
                    )
                }
                None => self.gregorian(local.day, weekday),
            },
            Style::Latin => self.gregorian(local.day, weekday),
        }
    }

    fn gregorian(&self, day: i64, weekday: &str) -> String {
        let (y, m, d) = civil_from_days(day);
        let month = self.strings.months[(m as usize + 11) % 12];
        format!(
            "{weekday} {} {month} {}",
            self.number(d.into()),
            self.number(y)
        )
    }

    /// The time of day of `t` in Tehran, 24-hour: `۰۸:۰۰`.
    pub fn time(&self, t: Instant) -> String {
        let local = tehran_time(t);
        self.digits(&format!("{:02}:{:02}", local.hour, local.minute))
    }

    /// Date and time together: `جمعه ۱۱ اسفند ۱۴۰۲، ساعت ۰۸:۰۰`.
    pub fn date_time(&self, t: Instant) -> String {
        match self.style {
            Style::Persian => format!("{}، ساعت {}", self.date(t), self.time(t)),
            Style::Latin => format!("{}, {}", self.date(t), self.time(t)),
        }
    }

    /// Voting hours as a reader says them: `۰۸:۰۰ تا ۱۸:۰۰`, with the closing date too when
    /// the polls close on another day (Tehran time).
    pub fn hours(&self, opens: Instant, closes: Instant) -> String {
        let same_day = tehran_time(opens).day == tehran_time(closes).day;
        let to = if same_day {
            self.time(closes)
        } else {
            self.date_time(closes)
        };
        fill(
            self.strings.hours_range,
            &[("from", &self.time(opens)), ("to", &to)],
        )
    }

    /// How long ago `then` was, for items under a day old: `۲ ساعت پیش`; None when older or in the future.
    pub fn age(&self, then: Instant, now: Instant) -> Option<String> {
        let secs = now.0.checked_sub(then.0)?;
        if !(0..86_400).contains(&secs) {
            return None;
        }
        let (n, persian, english) = match secs {
            0..=59 => {
                return Some(if self.style == Style::Persian {
                    "همین حالا".into()
                } else {
                    "just now".into()
                })
            }
            60..=3599 => (secs / 60, "دقیقه", "minute"),
            _ => (secs / 3600, "ساعت", "hour"),
        };
        Some(match self.style {
            Style::Persian => format!("{} {persian} پیش", self.number(n)),
            Style::Latin if n == 1 => format!("1 {english} ago"),
            Style::Latin => format!("{n} {english}s ago"),
        })
    }
}

/// Replaces `{key}` placeholders in a strings-table template.
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = template.to_owned();
    for (key, value) in values {
        out = out.replace(&format!("{{{key}}}"), value);
    }
    out
}

/// ASCII and Arabic-Indic digits to Persian (Extended Arabic-Indic) digits.
pub fn to_persian_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '0'..='9' => char::from_u32(0x06F0 + (c as u32 - '0' as u32)).unwrap_or(c),
            '\u{0660}'..='\u{0669}' => char::from_u32(0x06F0 + (c as u32 - 0x0660)).unwrap_or(c),
            _ => c,
        })
        .collect()
}
