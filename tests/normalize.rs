//! Persian normalisation: every rule with its exceptions, the raw seed article, the hand-set sample
//! bulletin, the edit-reporting API, and properties on arbitrary Persian-letter text.
//!
//! The cases are written for this project from the rules' documentation and the kinds of case the
//! public test suites of virastar, hazm, persian-tools and shekar exercise (no case is copied).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::HashMap;

use common::{ctx, JsonText};
use election_widget::feed::{native, Context, Source};
use election_widget::text::normalize::{
    apply_edits, paragraph_ranges, paragraphs, persian, persian_edits, Edit, Rule, ZWNJ,
};
use proptest::prelude::*;

const SEED: &str = include_str!("fixtures/shared/qods-election-pr-committee.fa.txt");
const SAMPLE: &str = include_str!("../src/assets/bulletin.fa.json");
const FORMS: &str = include_str!("fixtures/presentation-forms.txt");

/// `|` stands for a half-space in expected text.
fn z(s: &str) -> String {
    s.replace('|', &ZWNJ.to_string())
}

/// Asserts `persian(input) == expected` (with `|` for half-spaces), and that it is a fixed point.
#[track_caller]
fn check(input: &str, expected: &str) {
    let out = persian(&z(input));
    assert_eq!(out, z(expected), "{input:?}");
    assert_eq!(persian(&out), out, "not idempotent on {input:?}");
}

/// Asserts each input comes out exactly as it went in.
#[track_caller]
fn unchanged(inputs: &[&str]) {
    for s in inputs {
        check(s, s);
    }
}

// ---------------------------------------------------------------------------------------------
// Letters, digits, spaces (the rules that were already there)

#[test]
fn arabic_letters_and_digits_become_persian() {
    check("علي كريمي ٣٤", "علی کریمی ۳۴");
    check("سال 1402 و ساعت 8:30", "سال ۱۴۰۲ و ساعت ۸:۳۰");
    // alef maksura is mapped like yeh; hamza on yeh, keheh and other letters are left alone
    check("موسى و مصطفى", "موسی و مصطفی");
    unchanged(&["مسئول نمائیم ګل ۀ ة"]);
}

#[test]
fn urls_emails_and_latin_words_keep_their_digits() {
    check(
        "نشانی https://example.ir/a1 و info2@example.ir و COVID-19 در 3 شهر",
        "نشانی https://example.ir/a1 و info2@example.ir و COVID-19 در ۳ شهر",
    );
}

#[test]
fn spaces_and_hard_wraps_collapse() {
    check("یک   دو\nسه\r\n\tچهار ", "یک دو سه چهار");
    check("\u{a0} یک\u{2028}دو \u{2009}", "یک دو");
    check("   ", "");
}

#[test]
fn stray_and_doubled_half_spaces_go() {
    check("|خانه|| ها|", "خانه|ها");
    check("کتاب|| خوب", "کتاب خوب");
    check("می||روم", "می|روم");
    check("کتاب|، دفتر |(جلد)", "کتاب، دفتر (جلد)");
}

#[test]
fn restores_half_spaces_in_the_safe_cases_only() {
    check("می کند", "می|کند");
    check("نمی توان گفت", "نمی|توان گفت");
    check(
        "روابط عمومی ها و دستگاه های دولتی",
        "روابط عمومی|ها و دستگاه|های دولتی",
    );
    check("کتاب هایشان،", "کتاب|هایشان،");
    check("(می کند)", "(می|کند)");
    // words that merely start or end like a prefix or suffix stay whole
    unchanged(&[
        "میز",
        "میدان",
        "تهران",
        "نمایش",
        "میهن",
        "تنها",
        "هانیه",
        "رها",
        "میروم",
        "کتابها",
    ]);
    // a lone «ها» at the start, or after a number, has nothing to attach to
    unchanged(&["ها را", "می ۲", "۲ ها"]);
}

// ---------------------------------------------------------------------------------------------
// Punctuation

#[test]
fn no_space_before_punctuation_and_one_after() {
    check("گفت : سلام", "گفت: سلام");
    check("است،همچنین", "است، همچنین");
    check("آمد ، رفت ؛ ماند .", "آمد، رفت؛ ماند.");
    check("کجاست؟تو کجایی؟", "کجاست؟ تو کجایی؟");
    check("عالی!بسیار عالی !", "عالی! بسیار عالی!");
    check("شد.وی گفت", "شد. وی گفت");
    check("چرا ؟!", "چرا؟!");
    check("صبر کن ... بعد", "صبر کن... بعد");
    check("گفت:«بیایید»", "گفت: «بیایید»");
    check("کتاب ،Notebook", "کتاب، Notebook");
    check("سال ۱۴۰۲.وی", "سال ۱۴۰۲. وی");
    // a line break before the punctuation goes too
    check("گفت\n: سلام", "گفت: سلام");
}

#[test]
fn a_space_outside_brackets_and_quotes_none_inside() {
    check("رهبری(مدظله العالی)", "رهبری (مدظله العالی)");
    check("( مدظله العالی )در", "(مدظله العالی) در");
    check("شرکت « گوگل »اعلام کرد .", "شرکت «گوگل» اعلام کرد.");
    check("کتاب [ جلد دوم ] و {نسخه}", "کتاب [جلد دوم] و {نسخه}");
    check("«این» ، (آن) .", "«این»، (آن).");
    check("گفت«سلام»", "گفت «سلام»");
    // nothing after the closing bracket but punctuation: no space
    unchanged(&["(الف)، (ب).", "«سلام»؛ «خداحافظ»؟"]);
}

#[test]
fn punctuation_exceptions_stay_as_written() {
    unchanged(&[
        // times and decimals
        "ساعت ۱۲:۳۰ و ۸:۰۵",
        "نرخ ۴۲٫۵ است",
        // abbreviations of single letters
        "سال ۱۴۰۲ ه.ش و ۶۲۲ م.",
        "ج.ا.ا و ق.ظ",
        // URLs and e-mail addresses
        "نشانی https://moi.ir/fa/news?id=1,2:3 است",
        "پست info@moi.ir :",
        "نشانی www.moi.ir/a(b)c و",
        // Latin text
        "Note : this ( and that ) stays .",
        "در e.g.Chrome و f(x) یا U.S.A بنویسید",
        // a slash or a dash is not in the rule
        "ادارات/ نقش و سال‌های ۹۸-۱۴۰۰",
    ]);
    // a colon before a bracket (an emoticon) is left alone
    unchanged(&["خوب است :)"]);
}

// ---------------------------------------------------------------------------------------------
// Half-spaces after «ه» and in joined plurals

#[test]
fn verb_and_pronoun_endings_after_final_heh() {
    check(
        "گفته اند داده ام رفته ایم دیده اید نامه اش خانه ات",
        "گفته|اند داده|ام رفته|ایم دیده|اید نامه|اش خانه|ات",
    );
    check("زمین لرزه ای آمد", "زمین لرزه|ای آمد");
    check("پذیرفته ام.", "پذیرفته|ام.");
    check("«شنیده ای؟»", "«شنیده|ای؟»");
    // after «که», «چه», «نه» the «ای» is a vocative
    unchanged(&["که ای دوست", "چه ای", "نه ای"]);
    // only a word ending in «ه», only these endings as words of their own
    unchanged(&[
        "کتاب ام",
        "ه ای",
        "بزرگ تر",
        "گفته است",
        "گفته امروز",
        "رفته، ام",
        "رفته (ام)",
    ]);
}

#[test]
fn plurals_written_joined_after_yeh() {
    check("روابط عمومیهای ادارات", "روابط عمومی|های ادارات");
    check("صندلیها و تازگیها،", "صندلی|ها و تازگی|ها،");
    check("(دانشجوییها)", "(دانشجویی|ها)");
    // word-final only, and only after «ی» that follows a letter
    unchanged(&["کیهان", "یها", "کتابها", "بها", "تنهایی"]);
    // Arabic «ها» (her, it) after a word ending in «ی» is not a plural
    unchanged(&[
        "حضرت زهرا سلام‌الله علیها",
        "ام‌ابیها",
        "یا ایها الناس",
        "دنیا و مافیها",
    ]);
}

// ---------------------------------------------------------------------------------------------
// Text pasted from PDFs

/// The fixture's mappings, from Unicode's own decompositions.
fn presentation_forms() -> HashMap<char, String> {
    FORMS
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .map(|l| {
            let mut cps = l
                .split(' ')
                .map(|h| char::from_u32(u32::from_str_radix(h, 16).unwrap()).unwrap());
            (cps.next().unwrap(), cps.collect())
        })
        .collect()
}

#[test]
fn presentation_forms_become_their_letters() {
    check("ﺭﺋﻴﺲ ﺣﻮﺯﻩ ﺍﻧﺘﺨﺎﺑﻴﻪ", "رئیس حوزه انتخابیه");
    check("ﻻ ﻼ ﻷ ﻹ ﻵ", "لا لا لأ لإ لآ");
    check("ﮐﺘﺎﺏ ﻛﺘﺎﺏ ﯼ ﻯ", "کتاب کتاب ی ی");
    // and the other rules then apply to the letters
    check("ﺭﻭﺍﺑﻂ ﻋﻤﻮﻣﻰ ﻫﺎ ، ﻣﻰ ﻛﻨﺪ", "روابط عمومی|ها، می|کند");
    let forms = presentation_forms();
    assert_eq!(forms.len(), 250);
    let persian_letter = |c: char| match c {
        'ي' | 'ى' => 'ی',
        'ك' => 'ک',
        c => c,
    };
    for cp in (0xFB50..=0xFDEF).chain(0xFE80..=0xFEFC) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let expected: String = match forms.get(&c) {
            Some(letters) => letters.chars().map(persian_letter).collect(),
            None => c.to_string(),
        };
        // between two letters, so that spacing rules have nothing to do at either end
        assert_eq!(
            persian(&format!("ب{c}ب")),
            format!("ب{expected}ب"),
            "U+{cp:04X}"
        );
    }
    // never the word ligatures (﷼ stays a rial sign), the isolated vowel marks, or U+FEFF
    for cp in (0xFDF0..=0xFDFF).chain(0xFE70..=0xFE7F).chain([0xFEFF]) {
        let Some(c) = char::from_u32(cp) else {
            continue;
        };
        let s = format!("ب{c}ب");
        assert_eq!(persian(&s), s, "U+{cp:04X}");
    }
    unchanged(&["۱۰۰ ﷼", "ﷲ"]);
}

#[test]
fn kashida_goes() {
    check("سلامـــت", "سلامت");
    check("لــعل سـلـسـبیــل", "لعل سلسبیل");
    check("ـ سلام ـ", "سلام");
    check("کتابـ ها", "کتاب|ها");
}

// ---------------------------------------------------------------------------------------------
// Numbers and digits

#[test]
fn decimal_point_and_percent_between_persian_digits() {
    check("مشارکت ۴۲.۵۷% بود", "مشارکت ۴۲٫۵۷٪ بود");
    check("مشارکت 42.57% بود", "مشارکت ۴۲٫۵۷٪ بود");
    check("نرخ ٤٢.٥ و 96% و ۱۲.۵۶.", "نرخ ۴۲٫۵ و ۹۶٪ و ۱۲٫۵۶.");
    // dotted dates and versions, and abbreviations, stay as written
    unchanged(&[
        "تاریخ ۱۴۰۲.۱۲.۱۱ و نسخه ۱.۲.۳",
        "سال ۱۳۵۷ ه.ش و ج.ا.ا",
        "بند ۱. اول",
    ]);
    check("تاریخ 1402.12.11", "تاریخ ۱۴۰۲.۱۲.۱۱");
    // not between Latin digits in Latin text
    unchanged(&["The turnout was 42.57% in 2017."]);
}

#[test]
fn digits_follow_the_script_around_them() {
    // in a run of Latin text: as written
    unchanged(&[
        "Windows 95",
        "$4.5 Billion in 2017",
        "2.3GHz",
        "نرم‌افزار Windows 95 را نصب کنید",
        "پردازنده 2.3GHz دارد",
        "iOS 17 منتشر شد",
        "گزارش: $4.5 Billion in 2017.",
    ]);
    // between Persian words, or in a Persian sentence: Persian
    check("در سال 2017 Apple گفت", "در سال ۲۰۱۷ Apple گفت");
    check("بند 3", "بند ۳");
    check("3 نفر آمدند", "۳ نفر آمدند");
    check("Hello world. 3 نفر آمدند", "Hello world. ۳ نفر آمدند");
    check("3ام و 12،", "۳ام و ۱۲،");
    // text without letters follows the widget's language (Persian here)
    check("2024", "۲۰۲۴");
    check("12:30 - 14:00", "۱۲:۳۰ - ۱۴:۰۰");
    // Arabic-Indic digits are always Persian ones
    check("Windows ٩٥", "Windows ۹۵");
}

// ---------------------------------------------------------------------------------------------
// Compounds and the «می» = May exception

#[test]
fn curated_compounds_get_their_half_space() {
    for (apart, set) in [
        ("اطلاع رسانی", "اطلاع|رسانی"),
        ("اطلاعرسانی", "اطلاع|رسانی"),
        ("انسجام بخشی", "انسجام|بخشی"),
        ("انسجامبخشی", "انسجام|بخشی"),
        ("برنامه ریزی", "برنامه|ریزی"),
        ("برنامهریزی", "برنامه|ریزی"),
        ("نقش آفرین", "نقش|آفرین"),
        ("نقش آفرینی", "نقش|آفرینی"),
        ("نقشآفرینی", "نقش|آفرینی"),
        ("هم افزایی", "هم|افزایی"),
        ("همافزایی", "هم|افزایی"),
        ("هم اندیشی", "هم|اندیشی"),
        ("رأی گیری", "رأی|گیری"),
        ("رای گیری", "رای|گیری"),
        ("رأیگیری", "رأی|گیری"),
        ("تصمیم گیری", "تصمیم|گیری"),
        ("برنامه ریزیها", "برنامه|ریزی|ها"),
    ] {
        check(apart, set);
        check(&format!("({apart})."), &format!("({set})."));
    }
    check("اطلاع رسانی ها", "اطلاع|رسانی|ها");
    check("اطلاعرسانیهای", "اطلاع|رسانی|های");
    check("اطلاع رسانی|ها", "اطلاع|رسانی|ها");
}

#[test]
fn compounds_never_split_or_join_other_words() {
    unchanged(&[
        // «بخشی از»: a part of
        "انسجام بخشی از نیروها",
        // the parts inside or beside other words
        "همه افزایش",
        "هم افزایش یافت",
        "او هم آمد",
        "نقش آفرینش",
        "اطلاعات رسانی",
        "رسانی اطلاع",
        "گیری رأی",
        "آفرین نقش",
        // already set
        "اطلاع‌رسانی",
    ]);
}

#[test]
fn may_the_month_stays_apart() {
    unchanged(&["۹ می برگزار شد", "ماه می سال جدید", "(ماه می سال)"]);
    check("9 می 2024", "۹ می ۲۰۲۴");
    check("ماه می گذرد", "ماه می گذرد");
    check("او می رود و ما نمی رویم", "او می|رود و ما نمی|رویم");
}

// ---------------------------------------------------------------------------------------------
// The seed article, the sample bulletin, other languages

/// The raw seed: every change, word by word, and nothing else.
#[test]
fn the_seed_article() {
    use Rule::*;
    let expected: &[(usize, Rule, &str, &str)] = &[
        (1, Compound, "انسجامبخشی", "انسجام|بخشی"),
        (1, HalfSpace, "عمومیهای", "عمومی|های"),
        (1, Compound, "اطلاعرسانی", "اطلاع|رسانی"),
        (1, Compound, "انسجامبخشی", "انسجام|بخشی"),
        (1, HalfSpace, "عمومیهای", "عمومی|های"),
        (1, Compound, "اطلاعرسانی", "اطلاع|رسانی"),
        (2, Compound, "اطلاع رسانی", "اطلاع|رسانی"),
        (2, Compound, "اطلاع رسانی", "اطلاع|رسانی"),
        (2, HalfSpace, "عمومی ها", "عمومی|ها"),
        (2, HalfSpace, "عمومی ها", "عمومی|ها"),
        (3, HalfSpace, "عمومی های", "عمومی|های"),
        (3, HalfSpace, "دستگاه\n\nها،", "دستگاه|ها،"),
        (3, Compound, "هم افزایی", "هم|افزایی"),
        (3, HalfSpace, "عمومی ها", "عمومی|ها"),
        (4, HalfSpace, "عمومی ها", "عمومی|ها"),
        (4, Compound, "اطلاع رسانی", "اطلاع|رسانی"),
        (4, HalfSpace, "حوزه های", "حوزه|های"),
        (4, HalfSpace, "می کند.", "می|کند."),
        (5, Punctuation, "رهبری(مدظله", "رهبری (مدظله"),
        (5, HalfSpace, "عمومی ها", "عمومی|ها"),
        (6, Compound, "اطلاع رسانی", "اطلاع|رسانی"),
        (6, Compound, "برنامه ریزی", "برنامه|ریزی"),
        (6, HalfSpace, "عمومی ها", "عمومی|ها"),
        (6, Compound, "انسجام بخشی", "انسجام|بخشی"),
        (6, HalfSpace, "فعالیت های", "فعالیت|های"),
        (7, Punctuation, "است،همچنین", "است، همچنین"),
        (7, Punctuation, "رهبری(مدظله", "رهبری (مدظله"),
        (7, Compound, "نقش آفرین", "نقش|آفرین"),
        (8, HalfSpace, "عمومی های", "عمومی|های"),
    ];
    let ranges = paragraph_ranges(SEED);
    let paras = paragraphs(SEED);
    assert_eq!(paras.len(), 9);
    let mut got = Vec::new();
    let mut line_breaks = 0;
    for (i, r) in ranges.iter().enumerate() {
        let raw = &SEED[r.clone()];
        assert_eq!(paras[i], persian(raw));
        for e in persian_edits(raw) {
            if e.rule == LineBreak {
                // hard wraps inside a paragraph: one line break, or a blank line, becomes a space
                assert!(["\n", "\n\n"].contains(&e.before.as_str()), "{e:?}");
                assert_eq!(e.after, " ");
                line_breaks += 1;
            } else {
                got.push((i, e.rule, e.before, e.after));
            }
        }
    }
    let expected: Vec<_> = expected
        .iter()
        .map(|&(i, rule, b, a)| (i, rule, b.to_owned(), z(a)))
        .collect();
    assert_eq!(got, expected);
    assert_eq!(line_breaks, 11);
    // the hard-wrapped title and lead are whole paragraphs again
    assert!(paras[1].ends_with(&z(
        "نقش کمیته تبلیغات و اطلاع|رسانی در تبیین فرایند انتخابات تاکید کرد."
    )));
    assert_eq!(paras[0], "رئیس حوزه انتخابیه قدس؛");
    let text = paras.join("\n");
    // what is not a safe case is left for an editor
    for kept in ["باتوجه", "نمائیم", "ادارات/ نقش", "مدظله العالی", "۴ رکن"]
    {
        assert!(text.contains(kept), "{kept}");
    }
    assert!(!text.chars().any(|c| c.is_ascii_digit()));
}

/// The sample bulletin is the seed as an editor typeset it by hand: normalisation leaves every
/// text of it exactly as set.
#[test]
fn the_hand_set_sample_bulletin_is_left_as_set() {
    let doc: serde_json::Value = serde_json::from_str(SAMPLE).unwrap();
    let mut texts = Vec::new();
    fn walk<'a>(v: &'a serde_json::Value, out: &mut Vec<&'a str>) {
        match v {
            serde_json::Value::String(s) => out.push(s),
            serde_json::Value::Array(a) => a.iter().for_each(|v| walk(v, out)),
            serde_json::Value::Object(o) => o.values().for_each(|v| walk(v, out)),
            _ => {}
        }
    }
    walk(&doc, &mut texts);
    let persian_texts: Vec<&str> = texts
        .into_iter()
        .filter(|s| s.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)))
        .collect();
    assert!(persian_texts.len() > 10);
    for s in persian_texts {
        assert_eq!(persian(s), s);
        assert!(persian_edits(s).is_empty());
    }
}

/// Arabic and Urdu bulletins are never rewritten, and `data-normalize="off"` turns everything off.
#[test]
fn other_languages_and_normalize_off_are_left_alone() {
    let raw = "ﺭﺋﻴﺲ كتاب ، عموميها مي كند 42.5%  (علي)در";
    let title = |lang: &str, normalize: bool| {
        let doc = format!(
            r#"{{"lang":"{lang}","items":[{{"id":"a","title":"{raw}","body":"{raw}\n{raw}"}}]}}"#
        );
        let base = ctx();
        let ctx = Context { normalize, ..base };
        let p = native::parse(&JsonText(&doc).tree().unwrap(), &ctx).unwrap();
        let item = &p.bulletin.items[0];
        (item.title.clone(), item.body.join("\n"))
    };
    let collapsed = election_widget::text::collapse_spaces(raw);
    for lang in ["ar", "ur", "ar-EG"] {
        assert_eq!(title(lang, true).0, collapsed, "{lang}");
    }
    assert_eq!(title("fa", false).0, collapsed);
    // and Persian is normalised, through the same reader
    let (fa, body) = title("fa", true);
    assert_eq!(fa, z("رئیس کتاب، عمومی|ها می|کند ۴۲٫۵٪ (علی) در"));
    assert_eq!(body, fa.clone() + " " + &fa);
}

// ---------------------------------------------------------------------------------------------
// The edit-reporting API

fn edit(range: std::ops::Range<usize>, before: &str, after: &str, rule: Rule) -> Edit {
    Edit {
        range,
        before: before.to_owned(),
        after: z(after),
        rule,
    }
}

#[test]
fn edits_are_words_and_gaps_a_reader_understands() {
    let s = " علي  رفت\nو دستگاه ها ،گفت : 12";
    let edits = persian_edits(s);
    let at = |w: &str| s.find(w).unwrap();
    assert_eq!(
        edits,
        vec![
            edit(0..1, " ", "", Rule::Spaces),
            edit(1..7, "علي", "علی", Rule::Letters),
            edit(7..9, "  ", " ", Rule::Spaces),
            edit(at("\n")..at("\n") + 1, "\n", " ", Rule::LineBreak),
            edit(
                at("دستگاه")..at(" ،"),
                "دستگاه ها",
                "دستگاه|ها",
                Rule::HalfSpace
            ),
            // touching changes of one rule read as one
            edit(
                at(" ،")..at(" :") + 2,
                " ،گفت :",
                "، گفت:",
                Rule::Punctuation
            ),
            edit(s.len() - 2..s.len(), "12", "۱۲", Rule::Digits),
        ]
    );
    assert_eq!(apply_edits(s, &edits), persian(s));
    assert_eq!(persian(s), z("علی رفت و دستگاه|ها، گفت: ۱۲"));
    // leaving one out undoes exactly that one
    let without_letters: Vec<Edit> = edits
        .iter()
        .filter(|e| e.rule != Rule::Letters)
        .cloned()
        .collect();
    assert_eq!(
        apply_edits(s, &without_letters),
        z("علي رفت و دستگاه|ها، گفت: ۱۲")
    );
    // edits that do not fit the text are skipped, never applied wrongly
    let stale = vec![
        edit(0..1, " ", "", Rule::Spaces),
        edit(1..7, "كتب", "کتب", Rule::Letters),
    ];
    assert_eq!(apply_edits(s, &stale), &s[1..]);
    let overlapping = vec![
        edit(1..7, "علي", "علی", Rule::Letters),
        edit(5..9, &s[5..9], "", Rule::Spaces),
    ];
    assert_eq!(apply_edits(s, &overlapping), s.replacen("علي", "علی", 1));
    let out_of_range = vec![
        edit(5..500, "x", "y", Rule::Spaces),
        edit(2..3, "x", "y", Rule::Spaces),
    ];
    assert_eq!(apply_edits(s, &out_of_range), s);
    assert!(persian_edits("").is_empty() && persian_edits("سلام").is_empty());
}

#[test]
fn a_word_changed_by_two_rules_lists_each_change() {
    // an Arabic yeh and a joined plural in one word: two edits, each undoable alone
    let s = "عموميها";
    let edits = persian_edits(s);
    assert_eq!(
        edits.iter().map(|e| e.rule).collect::<Vec<_>>(),
        vec![Rule::Letters, Rule::HalfSpace]
    );
    assert_eq!(apply_edits(s, &edits[..1]), "عمومیها");
    assert_eq!(apply_edits(s, &edits[1..]), z("عمومي|ها"));
    // a number is one change
    assert_eq!(
        persian_edits("نرخ 42.57%"),
        vec![edit(7..13, "42.57%", "۴۲٫۵۷٪", Rule::Number)]
    );
}

#[test]
fn every_rule_has_a_persian_name() {
    use Rule::*;
    let all = [
        Letters,
        PresentationForm,
        Kashida,
        Digits,
        Spaces,
        LineBreak,
        HalfSpace,
        Punctuation,
        Compound,
        Number,
    ];
    let names: Vec<&str> = all.iter().map(|r| r.name_fa()).collect();
    for n in &names {
        assert!(
            n.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)),
            "{n}"
        );
    }
    let mut unique = names.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique.len(), all.len());
}

#[test]
fn paragraph_ranges_point_at_the_raw_paragraphs() {
    let raw = "  اول و\n\nادامه.\r\n\n\u{200c}\u{640}\n دوم مي كند \nسوم؟ ";
    let ranges = paragraph_ranges(raw);
    assert_eq!(
        ranges.iter().map(|r| &raw[r.clone()]).collect::<Vec<_>>(),
        vec!["اول و\n\nادامه.", "دوم مي كند \nسوم؟"]
    );
    assert_eq!(
        paragraphs(raw),
        vec!["اول و ادامه.".to_owned(), z("دوم می|کند سوم؟")]
    );
    assert!(paragraph_ranges("").is_empty() && paragraph_ranges("\n \n").is_empty());
}

// ---------------------------------------------------------------------------------------------
// Properties

/// Persian-letter text with the material every rule looks at: affixes, compounds' parts,
/// digits of three scripts, punctuation, brackets, half-spaces, kashidas, presentation forms,
/// Arabic letters, Latin words, addresses and every kind of space.
fn persian_text() -> impl Strategy<Value = String> {
    const PARTS: &[&str] = &[
        "می",
        "نمی",
        "ها",
        "های",
        "هایشان",
        "ام",
        "ای",
        "اند",
        "اش",
        "که",
        "نه",
        "گفته",
        "نامه",
        "ماه",
        "ی",
        "یها",
        "یهای",
        "علیها",
        "اطلاع",
        "رسانی",
        "انسجام",
        "بخشی",
        "از",
        "هم",
        "افزایی",
        "رأی",
        "گیری",
        ".",
        "..",
        "%",
        "،",
        ":",
        "؛",
        "؟",
        "!",
        "(",
        ")",
        "«",
        "»",
        "[",
        "]",
        "\"",
        "/",
        "-",
        "\u{200c}",
        "\u{200c}\u{200c}",
        "ـ",
        " ",
        " ",
        " ",
        "  ",
        "\n",
        "\r\n",
        "\t",
        "\u{a0}",
        "ي",
        "ك",
        "ى",
        "Windows",
        "GHz",
        "e.g.",
        "$",
        "https://x.ir/a1",
        "a@b.ir",
        "www.x.ir",
    ];
    let part = prop_oneof![
        4 => "[\\u{0621}-\\u{063A}\\u{0641}-\\u{064A}\\u{067E}\\u{0686}\\u{0698}\\u{06A9}\\u{06AF}\\u{06CC}]{1,5}",
        4 => prop::sample::select(PARTS).prop_map(str::to_owned),
        2 => "[0-9۰-۹٠-٩]{1,3}",
        1 => "[\\u{FB50}-\\u{FBFF}\\u{FE70}-\\u{FEFF}\\u{FDF0}-\\u{FDFF}]{1,3}",
        1 => "[a-zA-Z]{1,4}",
    ];
    prop::collection::vec(part, 0..40).prop_map(|v| v.concat())
}

/// What must survive normalisation: every character but spaces, half-spaces and kashidas, with
/// the listed mappings applied (presentation forms, Arabic letters, digits, «٫» and «٪»).
fn letters(forms: &HashMap<char, String>, s: &str) -> String {
    s.chars()
        .flat_map(|c| {
            forms
                .get(&c)
                .cloned()
                .unwrap_or_else(|| c.to_string())
                .chars()
                .collect::<Vec<_>>()
        })
        .filter(|&c| !(c.is_whitespace() || c == ZWNJ || c == 'ـ'))
        .map(|c| match c {
            'ي' | 'ى' => 'ی',
            'ك' => 'ک',
            '0'..='9' => char::from_u32(c as u32 - '0' as u32 + 0x06F0).unwrap(),
            '٠'..='٩' => char::from_u32(c as u32 - 0x0660 + 0x06F0).unwrap(),
            '٫' => '.',
            '٪' => '%',
            c => c,
        })
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 3000, ..ProptestConfig::default() })]

    /// Idempotent, and the letters of a word are never changed other than by the listed mappings.
    #[test]
    fn normalisation_is_idempotent_and_keeps_the_letters(s in persian_text()) {
        let once = persian(&s);
        prop_assert_eq!(persian(&once), once.clone());
        let forms = presentation_forms();
        prop_assert_eq!(letters(&forms, &once), letters(&forms, &s));
        prop_assert_eq!(once.trim(), once.as_str());
        prop_assert!(!once.contains("  "));
    }

    /// The edits: sorted, disjoint, on the input's text; all of them make `persian`; leaving any
    /// one out differs from that only in its own range.
    #[test]
    fn edits_rebuild_the_normalised_text(s in persian_text()) {
        let out = persian(&s);
        let edits = persian_edits(&s);
        prop_assert_eq!(apply_edits(&s, &edits), out.clone());
        let mut end = 0;
        let mut shift: isize = 0;
        for (i, e) in edits.iter().enumerate() {
            prop_assert!(e.range.start >= end && e.range.start <= e.range.end, "{:?}", edits);
            prop_assert_eq!(s.get(e.range.clone()), Some(e.before.as_str()));
            prop_assert_ne!(&e.before, &e.after);
            end = e.range.end;
            // its place in the output
            let at = (e.range.start as isize + shift) as usize;
            prop_assert_eq!(out.get(at..at + e.after.len()), Some(e.after.as_str()));
            let mut others = edits.clone();
            others.remove(i);
            let expected = format!("{}{}{}", &out[..at], e.before, &out[at + e.after.len()..]);
            prop_assert_eq!(apply_edits(&s, &others), expected);
            shift += e.after.len() as isize - e.before.len() as isize;
        }
    }

    /// Paragraphs are the normalised raw ranges, in order, none empty.
    #[test]
    fn paragraphs_are_their_ranges(parts in prop::collection::vec((persian_text(), prop::sample::select(&["\n", "\n\n", ".\n\n", "؟\n", " \n \n"][..])), 0..6)) {
        let raw: String = parts.iter().map(|(a, b)| format!("{a}{b}")).collect();
        let ranges = paragraph_ranges(&raw);
        let paras = paragraphs(&raw);
        prop_assert_eq!(ranges.len(), paras.len());
        let mut end = 0;
        for (r, p) in ranges.iter().zip(&paras) {
            prop_assert!(r.start >= end && r.start < r.end);
            end = r.end;
            prop_assert_eq!(&persian(&raw[r.clone()]), p);
            prop_assert!(!p.is_empty());
        }
    }
}
