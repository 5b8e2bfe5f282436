//! Digits, dates, direction and strings per language.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::locale::{fill, to_persian_digits, Dir, Locale, Style};
use election_widget::time::parse_rfc3339;

#[test]
fn persian_dates_are_solar_hijri_in_tehran_with_persian_digits() {
    let fa = Locale::persian();
    let t = parse_rfc3339("2024-03-01T04:30:00Z").unwrap();
    assert_eq!(fa.date(t), "جمعه ۱۱ اسفند ۱۴۰۲");
    assert_eq!(fa.time(t), "۰۸:۰۰");
    assert_eq!(fa.date_time(t), "جمعه ۱۱ اسفند ۱۴۰۲، ساعت ۰۸:۰۰");
    // 22:00 UTC on 29 Feb is already 1 March in Tehran
    let late = parse_rfc3339("2024-02-29T22:00:00Z").unwrap();
    assert_eq!(fa.date_time(late), "جمعه ۱۱ اسفند ۱۴۰۲، ساعت ۰۱:۳۰");
}

#[test]
fn english_dates_are_gregorian_with_latin_digits() {
    let en = Locale::for_tag("en");
    let t = parse_rfc3339("2024-03-01T14:30:00Z").unwrap();
    assert_eq!(en.date_time(t), "Friday 1 March 2024, 18:00");
    assert_eq!(en.number(42), "42");
    assert_eq!(en.dir, Dir::Ltr);
}

#[test]
fn direction_follows_the_language() {
    for rtl in ["fa", "fa-IR", "ar", "ur", "ckb", "ku", "ps", "ku-Arab"] {
        assert_eq!(Locale::for_tag(rtl).dir, Dir::Rtl, "{rtl}");
    }
    for ltr in ["en", "en-GB", "de", "ku-Latn", "tr", "az"] {
        assert_eq!(Locale::for_tag(ltr).dir, Dir::Ltr, "{ltr}");
    }
    assert_eq!(
        Locale::for_tag("ar").style,
        Style::Latin,
        "Arabic text is never rewritten to Persian digits"
    );
    assert_eq!(
        Locale::for_tag("\"><script>").tag,
        "fa",
        "a malformed tag falls back to Persian"
    );
}

#[test]
fn digits_and_templates() {
    assert_eq!(to_persian_digits("0123456789 ٤٥"), "۰۱۲۳۴۵۶۷۸۹ ۴۵");
    assert_eq!(
        fill("{d} روز و {h} ساعت", &[("d", "۳"), ("h", "۵")]),
        "۳ روز و ۵ ساعت"
    );
}

#[test]
fn relative_ages_for_recent_items() {
    let fa = Locale::persian();
    let now = parse_rfc3339("2024-03-01T12:00:00Z").unwrap();
    assert_eq!(
        fa.age(now.plus(-2 * 3600 - 5), now).as_deref(),
        Some("۲ ساعت پیش")
    );
    assert_eq!(
        fa.age(now.plus(-5 * 60), now).as_deref(),
        Some("۵ دقیقه پیش")
    );
    assert_eq!(fa.age(now.plus(-10), now).as_deref(), Some("همین حالا"));
    assert_eq!(fa.age(now.plus(-2 * 86_400), now), None);
    assert_eq!(fa.age(now.plus(60), now), None);
    assert_eq!(
        Locale::for_tag("en").age(now.plus(-3600), now).as_deref(),
        Some("1 hour ago")
    );
}
