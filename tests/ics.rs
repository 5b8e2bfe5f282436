//! The calendar file: valid RFC 5545, folded by octets without splitting characters.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::ics::{event, file_name};
use election_widget::model::{Election, Link};
use election_widget::time::parse_rfc3339;

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
    let ics = event(&election(), now);
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
        event(&election(), now),
        ics,
        "deterministic, so the UID is stable"
    );
}

#[test]
fn folds_at_75_octets_on_character_boundaries_with_crlf_only() {
    let ics = event(&election(), parse_rfc3339("2024-02-20T12:00:00Z").unwrap());
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
