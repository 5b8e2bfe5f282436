//! An iCalendar (RFC 5545) file for "add to calendar", generated in the browser (pure).

use crate::model::Election;
use crate::time::Instant;

/// 0000-01-01T00:00:00Z, the first instant iCalendar's four-digit years can write.
const FIRST: Instant = Instant(-62_167_219_200);
/// 9999-12-31T23:59:59Z, the last one.
const LAST: Instant = Instant(253_402_300_799);

/// The `.ics` text for one election: PRODID, one VEVENT with UID, DTSTAMP, SUMMARY, start and
/// end in UTC, and the call-to-action link. CRLF line endings; lines folded at 75 octets
/// without splitting a UTF-8 character.
///
/// None when the election opens or closes outside the years 0000–9999, which the format cannot
/// write (the widget then offers no calendar button: a file with shifted dates would be wrong).
/// A device clock outside them only dates the file (DTSTAMP), so it is clamped to that range.
pub fn event(e: &Election, now: Instant) -> Option<String> {
    if !(FIRST..=LAST).contains(&e.opens) || !(FIRST..=LAST).contains(&e.closes) {
        return None;
    }
    let now = now.clamp(FIRST, LAST);
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//election-widget//Election widget 1.0//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
        "BEGIN:VEVENT".to_owned(),
        format!("UID:{}-{}@election-widget", stamp(e.opens), fnv1a(&e.title)),
        format!("DTSTAMP:{}", stamp(now)),
        format!("DTSTART:{}", stamp(e.opens)),
        format!("DTEND:{}", stamp(e.closes)),
        format!("SUMMARY:{}", escape(&e.title)),
    ];
    if let Some(cta) = &e.cta {
        lines.push(format!(
            "DESCRIPTION:{}",
            escape(&format!("{}: {}", cta.label, cta.url))
        ));
        lines.push(format!("URL:{}", uri(&cta.url)));
    }
    lines.extend(["END:VEVENT".to_owned(), "END:VCALENDAR".to_owned()]);
    Some(lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join(""))
}

/// A file name for the download: ASCII, from the opening date.
pub fn file_name(e: &Election) -> String {
    let (y, m, d, ..) = e.opens.to_utc();
    format!("election-{y:04}-{m:02}-{d:02}.ics")
}

/// `20240301T043000Z`
fn stamp(t: Instant) -> String {
    let (y, mo, d, h, mi, s) = t.to_utc();
    format!("{y:04}{mo:02}{d:02}T{h:02}{mi:02}{s:02}Z")
}

/// TEXT escaping (RFC 5545 §3.3.11): backslash, semicolon, comma, and every line or
/// paragraph break as `\n`: CRLF, CR, LF, NEL, VT, FF and U+2028/U+2029 (calendar apps and
/// JavaScript parsers split lines on the last two, so they never stay raw). Other control
/// characters are dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' if chars.peek() == Some(&'\n') => {}
            '\n' | '\r' | '\u{85}' | '\u{b}' | '\u{c}' | '\u{2028}' | '\u{2029}' => {
                out.push_str("\\n")
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A URI value as printable ASCII: anything else (spaces, controls, separators, non-ASCII
/// letters a host-side resolver left raw) is percent-encoded as UTF-8. The browser's URL
/// serialiser has already done this for every link it resolved.
fn uri(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_ascii_graphic() {
            out.push(c);
        } else {
            let mut buf = [0; 4];
            for b in c.encode_utf8(&mut buf).bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        }
    }
    out
}

/// Folds one content line into chunks of at most 75 octets (continuations start with a
/// space, which counts), each ending in CRLF.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for c in line.chars() {
        let n = c.len_utf8();
        if used + n > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += n;
    }
    out.push_str("\r\n");
    out
}

/// A short stable hash, so the UID is the same for the same election on every download.
fn fnv1a(s: &str) -> String {
    let hash = s.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{hash:016x}")
}
