//! The calendar file: valid RFC 5545, folded by octets without splitting characters.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::ics::{event, file_name};
use election_widget::model::{Election, Link};
use election_widget::time::{parse_rfc3339, Instant};

fn election() -> Election {
    Election {
        title:
            "انتخابات دوازدهمین دوره مجلس شورای اسلامی و ششمین دوره مجلس خبرگان رهبری, دور اول; ویژه"
                .into(),
        opens: parse_rfc3339("2024-03-01T08:00:00+03:30").unwrap(),
        closes: parse_rfc3339("2024-03-01T18:00:00+03:30").unwrap(),
        cta: Some(Link {
            label: "شعبه اخذ رأی".into(),
            url: "https://www.moi.ir/".into(),
        }),
        turnout: None,
    }
}

#[test]
fn has_the_required_properties_in_utc() {
    let now = parse_rfc3339("2024-02-20T12:00:00Z").unwrap();
    let ics = event(&election(), now).unwrap();
    let unfolded = ics.replace("\r\n ", "");
    let lines: Vec<&str> = unfolded.split("\r\n").collect();
    assert_eq!(lines.first(), Some(&"BEGIN:VCALENDAR"));
    assert_eq!(lines[lines.len() - 2], "END:VCALENDAR");
    assert_eq!(lines.last(), Some(&""), "ends with CRLF");
    for required in [
        "VERSION:2.0",
        "BEGIN:VEVENT",
        "END:VEVENT",
        "DTSTART:20240301T043000Z",
        "DTEND:20240301T143000Z",
        "DTSTAMP:20240220T120000Z",
        "URL:https://www.moi.ir/",
    ] {
        assert!(lines.contains(&required), "{required} in {lines:?}");
    }
    assert!(lines.iter().any(|l| l.starts_with("PRODID:")));
    assert!(lines
        .iter()
        .any(|l| l.starts_with("UID:20240301T043000Z-") && l.ends_with("@election-widget")));
    let summary = lines.iter().find(|l| l.starts_with("SUMMARY:")).unwrap();
    assert!(
        summary.contains("رهبری\\, دور اول\\; ویژه"),
        "TEXT escaping: {summary}"
    );
    assert_eq!(
        event(&election(), now).unwrap(),
        ics,
        "deterministic, so the UID is stable"
    );
}

#[test]
fn folds_at_75_octets_on_character_boundaries_with_crlf_only() {
    let ics = event(&election(), parse_rfc3339("2024-02-20T12:00:00Z").unwrap()).unwrap();
    assert!(
        !ics.replace("\r\n", "").contains('\n') && !ics.replace("\r\n", "").contains('\r'),
        "bare LF or CR"
    );
    let mut folded = 0;
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
        if line.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(folded >= 2, "the Persian title needed folding");
}

#[test]
fn file_name_is_ascii() {
    assert_eq!(file_name(&election()), "election-2024-03-01.ics");
}

/// The RFC 5545 rules every file must keep, whatever the election: CRLF only, lines of at most
/// 75 octets, no control characters, no line or paragraph separators, and date-times of exactly
/// four-digit years (`20240301T043000Z`). Returns the unfolded content lines.
fn assert_valid(ics: &str) -> Vec<String> {
    for line in ics.split("\r\n") {
        assert!(line.len() <= 75, "{} octets: {line}", line.len());
    }
    let unfolded = ics.replace("\r\n ", "");
    assert!(unfolded.ends_with("END:VCALENDAR\r\n"), "{unfolded}");
    let lines: Vec<String> = unfolded
        .trim_end_matches("\r\n")
        .split("\r\n")
        .map(str::to_owned)
        .collect();
    for line in &lines {
        let bad = line
            .chars()
            .find(|c| c.is_control() || matches!(c, '\u{2028}' | '\u{2029}' | '\u{85}'));
        assert_eq!(bad, None, "a control or separator in {line:?}");
        for name in ["DTSTAMP:", "DTSTART:", "DTEND:"] {
            if let Some(value) = line.strip_prefix(name) {
                let b = value.as_bytes();
                let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
                assert!(
                    b.len() == 16 && digits(0..8) && b[8] == b'T' && digits(9..15) && b[15] == b'Z',
                    "{line}"
                );
            }
        }
    }
    lines
}

fn with_dates(opens: &str, closes: &str) -> Election {
    Election {
        opens: parse_rfc3339(opens).unwrap(),
        closes: parse_rfc3339(closes).unwrap(),
        ..election()
    }
}

#[test]
fn elections_outside_the_years_0000_to_9999_get_no_file() {
    let now = parse_rfc3339("2024-02-20T12:00:00Z").unwrap();
    // four-digit years in the bulletin, but outside them once in UTC
    let late = with_dates("9999-12-31T20:00:00+03:30", "9999-12-31T23:00:00-05:00");
    assert_eq!(event(&late, now), None, "closes in the year 10000 UTC");
    let early = with_dates("0000-01-01T00:00:00+03:30", "0000-01-01T12:00:00+03:30");
    assert_eq!(event(&early, now), None, "opens in the year -1 UTC");
    let far = Election {
        opens: Instant(-400_000_000_000),
        closes: Instant(400_000_000_000),
        ..election()
    };
    assert_eq!(event(&far, now), None);
    // the very edges are writable
    let edges = with_dates("0000-01-01T00:00:00Z", "9999-12-31T23:59:59Z");
    let lines = assert_valid(&event(&edges, now).expect("the edges are in range"));
    assert!(
        lines.contains(&"DTSTART:00000101T000000Z".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"DTEND:99991231T235959Z".to_owned()),
        "{lines:?}"
    );
}

#[test]
fn a_device_clock_far_off_is_clamped_in_dtstamp() {
    // JavaScript's Date reaches ±8.64e15 ms (the years -271821 and 275760)
    for (now, stamp) in [
        (Instant::from_millis(8.64e15), "DTSTAMP:99991231T235959Z"),
        (Instant::from_millis(-8.64e15), "DTSTAMP:00000101T000000Z"),
        (Instant(i64::MAX), "DTSTAMP:99991231T235959Z"),
        (Instant(i64::MIN), "DTSTAMP:00000101T000000Z"),
    ] {
        let ics = event(&election(), now).expect("the election itself is in range");
        let lines = assert_valid(&ics);
        assert!(lines.contains(&stamp.to_owned()), "{stamp} in {lines:?}");
        assert!(lines.contains(&"DTSTART:20240301T043000Z".to_owned()));
    }
}

#[test]
fn line_and_paragraph_separators_never_stay_in_text() {
    let mut e = election();
    e.title = "a\u{2028}b\u{2029}c\u{85}d\r\ne\rf\u{b}g\u{c}h\ni\u{7}j".into();
    e.cta = Some(Link {
        label: "شعبه\u{2028}اخذ رأی\u{2029}".into(),
        url: "tel:+98 21\u{2028}1".into(),
    });
    let ics = event(&e, parse_rfc3339("2024-02-20T12:00:00Z").unwrap()).unwrap();
    let lines = assert_valid(&ics);
    assert!(
        lines.contains(&"SUMMARY:a\\nb\\nc\\nd\\ne\\nf\\ng\\nh\\nij".to_owned()),
        "every break as \\n, other controls dropped: {lines:?}"
    );
    assert!(
        lines.contains(&"DESCRIPTION:شعبه\\nاخذ رأی\\n: tel:+98 21\\n1".to_owned()),
        "{lines:?}"
    );
    assert!(
        lines.contains(&"URL:tel:+98%2021%E2%80%A81".to_owned()),
        "a URI value is printable ASCII: {lines:?}"
    );
}
