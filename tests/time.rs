//! RFC 3339 parsing and Gregorian day arithmetic.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::time::*;

#[test]
fn parses_offsets_as_instants() {
    let tehran = parse_rfc3339("2024-03-01T08:00:00+03:30").unwrap();
    let utc = parse_rfc3339("2024-03-01T04:30:00Z").unwrap();
    assert_eq!(tehran, utc);
    assert_eq!(utc, Instant(1_709_267_400));
    assert_eq!(
        parse_rfc3339("2024-02-29T23:00:00-05:00").unwrap(),
        parse_rfc3339("2024-03-01T04:00:00Z").unwrap()
    );
}

#[test]
fn accepts_fractions_lowercase_and_space_separator() {
    let base = parse_rfc3339("2024-03-01T04:30:00Z").unwrap();
    assert_eq!(parse_rfc3339("2024-03-01T04:30:00.999Z").unwrap(), base);
    assert_eq!(parse_rfc3339("2024-03-01t04:30:00z").unwrap(), base);
    assert_eq!(parse_rfc3339("2024-03-01 08:00:00+03:30").unwrap(), base);
    assert_eq!(parse_rfc3339("  2024-03-01T04:30:00Z ").unwrap(), base);
}

#[test]
fn rejects_what_is_not_rfc3339() {
    for bad in [
        "",
        "2024-03-01",
        "2024-03-01T08:00:00",
        "2024-03-01T08:00+03:30",
        "2024-13-01T00:00:00Z",
        "2023-02-29T00:00:00Z",
        "2024-02-30T00:00:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T08:60:00Z",
        "2024-03-01T08:00:00+3:30",
        "2024-03-01T08:00:00+24:00",
        "2024-03-01T08:00:00.Z",
        "۲۰۲۴-۰۳-۰۱T08:00:00Z",
        "2024-03-01T08:00:00Zjunk",
        "yesterday",
        "2024/03/01T08:00:00Z",
    ] {
        assert_eq!(parse_rfc3339(bad), Err(BadDate), "{bad:?} must be rejected");
    }
}

#[test]
fn leap_years_and_month_lengths() {
    assert!(parse_rfc3339("2024-02-29T00:00:00Z").is_ok());
    assert!(parse_rfc3339("2000-02-29T00:00:00Z").is_ok());
    assert!(parse_rfc3339("1900-02-29T00:00:00Z").is_err());
    assert_eq!(days_in_month(2023, 2), 28);
    assert_eq!(days_in_month(2024, 4), 30);
}

#[test]
fn civil_days_round_trip() {
    assert_eq!(days_from_civil(1970, 1, 1), 0);
    assert_eq!(civil_from_days(19_783), (2024, 3, 1));
    for day in (-800_000..800_000).step_by(97) {
        let (y, m, d) = civil_from_days(day);
        assert_eq!(days_from_civil(y, m, d), day);
    }
}

#[test]
fn formats_utc() {
    assert_eq!(
        format_rfc3339_utc(Instant(1_709_267_400)),
        "2024-03-01T04:30:00Z"
    );
    assert_eq!(format_rfc3339_utc(Instant(-1)), "1969-12-31T23:59:59Z");
}
