//! Persian normalisation, on the raw seed article and on the cases an editor would not touch.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::text::normalize::{paragraphs, persian, ZWNJ};

const SEED: &str = include_str!("fixtures/shared/qods-election-pr-committee.fa.txt");

fn z(s: &str) -> String {
    s.replace('|', &ZWNJ.to_string())
}

#[test]
fn arabic_letters_and_digits_become_persian() {
    assert_eq!(persian("علي كريمي ٣٤"), "علی کریمی ۳۴");
    assert_eq!(persian("سال 1402 و ساعت 8:30"), "سال ۱۴۰۲ و ساعت ۸:۳۰");
}

#[test]
fn urls_emails_and_latin_words_keep_their_digits() {
    let s = "نشانی https://example.ir/a1 و info2@example.ir و COVID-19 در 3 شهر";
    assert_eq!(
        persian(s),
        "نشانی https://example.ir/a1 و info2@example.ir و COVID-19 در ۳ شهر"
    );
}

#[test]
fn spaces_and_hard_wraps_collapse() {
    assert_eq!(persian("یک   دو\nسه\r\n\tچهار "), "یک دو سه چهار");
}

#[test]
fn stray_and_doubled_half_spaces_go() {
    assert_eq!(persian(&z("|خانه|| ها|")), z("خانه|ها"));
    assert_eq!(persian(&z("کتاب|| خوب")), "کتاب خوب");
    assert_eq!(persian(&z("می||روم")), z("می|روم"));
}

#[test]
fn restores_half_spaces_in_the_safe_cases_only() {
    assert_eq!(persian("می کند"), z("می|کند"));
    assert_eq!(persian("نمی توان گفت"), z("نمی|توان گفت"));
    assert_eq!(
        persian("روابط عمومی ها و دستگاه های دولتی"),
        z("روابط عمومی|ها و دستگاه|های دولتی")
    );
    assert_eq!(persian("کتاب هایشان،"), z("کتاب|هایشان،"));
    // words that merely start or end like a prefix or suffix stay whole
    for whole in [
        "میز",
        "میدان",
        "تهران",
        "نمایش",
        "میهن",
        "تنها",
        "هانیه",
        "رها",
    ] {
        assert_eq!(persian(whole), whole);
    }
    // a lone «ها» at the start, or after a number, has nothing to attach to
    assert_eq!(persian("ها را"), "ها را");
    assert_eq!(persian("می 2"), "می ۲");
}

/// The raw seed: every safe case an editor would fix is fixed, and nothing else is added.
#[test]
fn the_seed_article() {
    let paras = paragraphs(SEED);
    let text = paras.join("\n");
    // the hard-wrapped title and lead are whole paragraphs again
    assert!(paras.iter().any(|p| p.ends_with("نقش کمیته تبلیغات و اطلاعرسانی در تبیین فرایند انتخابات یک امر مشهود است رئیس حوزه انتخابیه قدس بر موضوع انسجامبخشی روابط عمومیهای ادارات و اهمیت نقش کمیته تبلیغات و اطلاعرسانی در تبیین فرایند انتخابات تاکید کرد.")), "{paras:#?}");
    assert!(paras
        .iter()
        .any(|p| p.contains("شورای هماهنگی روابط عمومی\u{200c}ها به ریاست وحید گلی کانی")));
    for fixed in [
        "روابط عمومی|ها",
        "عمومی|های",
        "دستگاه|ها،",
        "حوزه|های",
        "جلوگیری می|کند.",
        "فعالیت|های لازم",
    ] {
        assert!(text.contains(&z(fixed)), "missing {fixed}");
    }
    assert!(text.contains("سناریوهای مختلف"));
    assert!(
        text.contains("هم افزایی"),
        "not a safe case: left for an editor"
    );
    assert!(
        text.contains("اطلاع رسانی"),
        "not a safe case: left for an editor"
    );
    assert!(
        text.contains("انسجامبخشی"),
        "a lost half-space inside a word is not guessed"
    );
    // every half-space in the output comes from one of the safe rules
    let words_with_zwnj: Vec<&str> = text.split(' ').filter(|w| w.contains(ZWNJ)).collect();
    for w in &words_with_zwnj {
        let (a, b) = w.split_once(ZWNJ).unwrap();
        assert!(
            a == "می" || a == "نمی" || b.starts_with("ها"),
            "unexpected half-space in {w}"
        );
    }
    let expected = SEED
        .split_whitespace()
        .filter(|w| ["می", "نمی", "ها", "های"].contains(&w.trim_end_matches(['،', '.'])))
        .count();
    assert_eq!(
        words_with_zwnj.len(),
        expected,
        "one half-space per safe case in the seed"
    );
    // the digit in «۴ رکن» is already Persian, and nothing Latin appears
    assert!(!text.chars().any(|c| c.is_ascii_digit()));
}

#[test]
fn collapse_spaces_leaves_one_line_with_single_spaces() {
    use election_widget::text::collapse_spaces;
    assert_eq!(collapse_spaces("  a \n\t b\r\n c  "), "a b c");
    assert_eq!(collapse_spaces(" \n "), "");
    assert_eq!(collapse_spaces("نیم‌فاصله  می‌ماند"), "نیم‌فاصله می‌ماند");
}
