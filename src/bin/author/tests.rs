//! Host tests of the page's pure logic (`cargo test --bin author`): splitting a pasted
//! release, Solar Hijri input, the checks through the widget's reader, and the exported file.

use crate::newsroom::check::{check, Severity, Target};
use crate::newsroom::draft::{Action, Draft, EditKey, ElectionField, ItemField};
use crate::newsroom::json::pretty;
use crate::newsroom::paste::{split, PartName};
use crate::newsroom::when::{
    date, latin_digits, percentage, rfc3339_tehran, tehran_instant, tehran_reading, time_of_day,
};
use election_widget::locale::calendar::{is_leap, JalaliDate};
use election_widget::text::normalize::Rule;
use election_widget::text::normalize::{paragraphs, persian, ZWNJ};
use election_widget::time::{parse_rfc3339, Instant};

const SEED: &str = include_str!("../../../tests/fixtures/shared/qods-election-pr-committee.fa.txt");

fn typeset() -> serde_json::Value {
    serde_json::from_str(include_str!("../../assets/bulletin.fa.json")).unwrap()
}

fn seeded() -> Draft {
    let mut d = Draft::new("qods".into(), Instant(1_705_734_000));
    d.apply(Action::Paste {
        item: 0,
        text: SEED.into(),
    });
    d
}

#[test]
fn the_seed_splits_into_kicker_title_lead_and_body() {
    let d = seeded();
    let it = &d.items[0];
    let expected = &typeset()["items"][0];
    assert_eq!(it.kicker.value, "رئیس حوزه انتخابیه قدس؛");
    assert_eq!(it.kicker.value, expected["kicker"].as_str().unwrap());
    // the title was hard-wrapped over two lines; the normaliser rejoins it and restores its
    // half-spaces, as the hand-typeset bulletin has them
    assert_eq!(it.title.value, expected["title"].as_str().unwrap());
    assert!(it
        .title
        .value
        .starts_with(&format!("انسجام{ZWNJ}بخشی روابط عمومی{ZWNJ}های")));
    // the lead was broken across a blank line after «و»
    assert!(
        it.lead.value.starts_with("رئیس حوزه انتخابیه قدس بر موضوع"),
        "{}",
        it.lead.value
    );
    assert!(it.lead.value.ends_with(&format!(
        "تبلیغات و اطلاع{ZWNJ}رسانی در تبیین فرایند انتخابات تاکید کرد."
    )));
    assert_eq!(it.lead.value, expected["lead"].as_str().unwrap());
    let body = it.paragraphs();
    assert_eq!(
        body.len(),
        expected["body"].as_array().unwrap().len(),
        "{body:#?}"
    );
    assert!(body[0].starts_with("به گزارش کمیته اطلاع"));
    assert!(body[6].starts_with("لازم به ذکر است"));
    // half-spaces exactly where the widget's normaliser puts them, and nowhere else
    let mut all = vec![
        it.kicker.value.clone(),
        it.title.value.clone(),
        it.lead.value.clone(),
    ];
    all.extend(body.iter().cloned());
    assert_eq!(all[1..].join(" "), paragraphs(SEED)[1..].join(" "));
    assert!(body[0].contains(&format!("روابط عمومی{ZWNJ}ها به ریاست")));
    assert!(body[2].contains(&format!("جلوگیری می{ZWNJ}کند.")));
    for p in &all {
        assert_eq!(&persian(p), p, "already normalised");
    }
}

#[test]
fn every_change_is_listed_and_can_be_undone_one_by_one() {
    let mut d = seeded();
    let pasted = d.items[0].pasted();
    let title = pasted.title.as_ref().unwrap();
    // the hard wrap, and the half-spaces the PDF lost
    let rules: Vec<Rule> = title.edits.iter().map(|e| e.rule).collect();
    assert!(rules.contains(&Rule::LineBreak), "{:?}", title.edits);
    assert!(title.edits.iter().any(|e| e.before == "\n"));
    assert!(title.edits.len() >= 2, "{:?}", title.edits);
    let body0 = &pasted.body[0];
    let half = body0
        .edits
        .iter()
        .find(|e| e.rule == Rule::HalfSpace && e.after.contains(&format!("عمومی{ZWNJ}ها")))
        .expect("a half-space edit in the first body paragraph");
    assert_eq!(half.rule, Rule::HalfSpace);
    assert!(!half.rule.name_fa().is_empty());
    let key = EditKey::of(PartName::Body(0), half);
    d.apply(Action::ToggleEdit {
        item: 0,
        key: key.clone(),
    });
    let undone = d.items[0].paragraphs()[0].clone();
    assert!(undone.contains("روابط عمومی ها به ریاست"), "{undone}");
    assert_eq!(
        undone.matches(ZWNJ).count() + 1,
        body0.text(SEED, |_| false).matches(ZWNJ).count()
    );
    d.apply(Action::ToggleEdit { item: 0, key });
    assert!(d.items[0].paragraphs()[0].contains(&format!("روابط عمومی{ZWNJ}ها به ریاست")));
}

#[test]
fn hand_edits_survive_a_change_of_the_pasted_text_until_relinked() {
    let mut d = seeded();
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Title,
        value: "عنوان دیگر".into(),
    });
    d.apply(Action::Paste {
        item: 0,
        text: format!("{SEED}\nیک جملهٔ دیگر."),
    });
    assert_eq!(d.items[0].title.value, "عنوان دیگر");
    assert!(d.items[0]
        .paragraphs()
        .last()
        .unwrap()
        .contains("یک جملهٔ دیگر."));
    d.apply(Action::Relink {
        item: 0,
        field: ItemField::Title,
    });
    assert!(d.items[0]
        .title
        .value
        .starts_with(&format!("انسجام{ZWNJ}بخشی")));
    // emptying the text area and pasting again fills every part afresh
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Lead,
        value: "دستی".into(),
    });
    d.apply(Action::Paste {
        item: 0,
        text: String::new(),
    });
    d.apply(Action::Paste {
        item: 0,
        text: "تیتر\n\nلید خبر.".into(),
    });
    assert_eq!(d.items[0].title.value, "تیتر");
    assert_eq!(d.items[0].lead.value, "لید خبر.");
}

#[test]
fn splits_one_paragraph_per_line_and_text_without_a_kicker() {
    let p = split("عنوان خبر\nلید خبر که یک جمله است.\nبند اول.\nبند دوم.\n");
    let raw = "عنوان خبر\nلید خبر که یک جمله است.\nبند اول.\nبند دوم.\n";
    assert!(p.kicker.is_none());
    assert_eq!(p.title.unwrap().text(raw, |_| false), "عنوان خبر");
    assert_eq!(
        p.lead.unwrap().text(raw, |_| false),
        "لید خبر که یک جمله است."
    );
    assert_eq!(p.body.len(), 2);
    // a kicker ends in «:» too; white space around the text is ignored
    let raw = "\n\n  گزارش تصویری:\nتیتر\n\nلید.\n\n";
    let p = split(raw);
    assert_eq!(p.kicker.unwrap().text(raw, |_| false), "گزارش تصویری:");
    assert_eq!(p.title.unwrap().text(raw, |_| false), "تیتر");
    assert_eq!(p.body.len(), 0);
    assert_eq!(split("  \n "), Default::default());
    // a lone line is a title, not a kicker
    let p = split("فقط یک عنوان؛");
    assert!(p.kicker.is_none() && p.title.is_some());
}

#[test]
fn typed_digits_persian_arabic_indic_or_latin() {
    assert_eq!(latin_digits("۱۴۰۲/۱۲/۱۱ ٠٨"), "1402/12/11 08");
    for (day, year) in [
        ("11", "1402"),
        ("۱۱", "۱۴۰۲"),
        ("١١", "١٤٠٢"),
        (" 11 ", "۱۴۰2"),
    ] {
        assert_eq!(
            date(day, 12, year),
            Ok(JalaliDate {
                year: 1402,
                month: 12,
                day: 11
            })
        );
    }
    assert_eq!(time_of_day("۸"), Ok(8 * 3600));
    assert_eq!(time_of_day("08:00"), Ok(8 * 3600));
    assert_eq!(time_of_day("۱۸:۳۰"), Ok(18 * 3600 + 1800));
    assert_eq!(time_of_day("18.30"), Ok(18 * 3600 + 1800));
    assert_eq!(time_of_day("24:00"), Ok(86_400));
    assert!(time_of_day("24:30").is_err());
    assert!(time_of_day("8:60").is_err());
    assert!(time_of_day("ساعت هشت").is_err());
    assert!(date("x", 1, "1402").is_err());
    assert!(
        date("1", 1, "402").is_err(),
        "two- or three-digit years are refused"
    );
    assert!(date("1", 0, "1402").is_err(), "no month chosen");
    assert_eq!(percentage("42.57"), Some(42.57));
    assert_eq!(percentage("۴۲٫۵۷"), Some(42.57));
    assert_eq!(percentage("۴۲/۵۷ ٪"), Some(42.57));
    assert_eq!(percentage("60%"), Some(60.0));
    assert_eq!(percentage("4.2.1"), None);
    assert_eq!(percentage("چهل"), None);
}

fn at(day: &str, month: u32, year: &str, time: &str) -> Result<String, String> {
    let d = date(day, month, year).map_err(|e| e.message())?;
    let s = time_of_day(time).map_err(|e| e.message())?;
    tehran_instant(d, s)
        .map(rfc3339_tehran)
        .map_err(|e| e.message())
}

#[test]
fn the_demo_election_converts_to_rfc3339_with_tehran_offset() {
    assert_eq!(
        at("۱۱", 12, "۱۴۰۲", "۰۸:۰۰").unwrap(),
        "2024-03-01T08:00:00+03:30"
    );
    assert_eq!(
        at("11", 12, "1402", "18:00").unwrap(),
        "2024-03-01T18:00:00+03:30"
    );
    assert_eq!(
        parse_rfc3339("2024-03-01T08:00:00+03:30").unwrap(),
        tehran_instant(date("11", 12, "1402").unwrap(), 8 * 3600).unwrap()
    );
}

#[test]
fn esfand_boundaries_in_leap_and_common_years() {
    // 1402 is a common year (Esfand has 29 days), 1403 a leap year (30)
    assert!(!is_leap(1402) && is_leap(1403) && !is_leap(1404));
    assert_eq!(
        at("29", 12, "1402", "12:00").unwrap(),
        "2024-03-19T12:00:00+03:30"
    );
    let err = at("30", 12, "1402", "12:00").unwrap_err();
    assert!(err.contains("۲۹") && err.contains("کبیسه"), "{err}");
    assert_eq!(
        at("1", 1, "1403", "12:00").unwrap(),
        "2024-03-20T12:00:00+03:30"
    );
    assert_eq!(
        at("30", 12, "1403", "23:59").unwrap(),
        "2025-03-20T23:59:00+03:30"
    );
    assert_eq!(
        at("1", 1, "1404", "00:00").unwrap(),
        "2025-03-21T00:00:00+03:30"
    );
    assert!(at("31", 12, "1403", "12:00").is_err());
    // 24:00 on the last day of Esfand is the first moment of the new year
    assert_eq!(
        at("30", 12, "1403", "24:00").unwrap(),
        "2025-03-21T00:00:00+03:30"
    );
    // 1399 was leap: 30 Esfand 1399 = 20 March 2021
    assert_eq!(
        at("30", 12, "1399", "10:00").unwrap(),
        "2021-03-20T10:00:00+03:30"
    );
}

#[test]
fn tehran_summer_time_in_the_years_it_was_kept() {
    // 1401: summer time from 2 Farvardin to 30 Shahrivar
    assert_eq!(
        at("1", 4, "1401", "10:00").unwrap(),
        "2022-06-22T10:00:00+04:30"
    );
    assert_eq!(
        at("1", 4, "1402", "10:00").unwrap(),
        "2023-06-22T10:00:00+03:30"
    );
    assert_eq!(
        at("1", 1, "1401", "23:00").unwrap(),
        "2022-03-21T23:00:00+03:30"
    );
    // the hour the clocks skipped on 2 Farvardin 1401
    assert!(at("2", 1, "1401", "00:30").is_err());
    assert_eq!(
        at("2", 1, "1401", "01:00").unwrap(),
        "2022-03-22T01:00:00+04:30"
    );
    // and back: the hour they showed twice on 30 Shahrivar is the first of the two
    assert_eq!(
        at("30", 6, "1401", "23:30").unwrap(),
        "2022-09-21T23:30:00+04:30"
    );
    // reading an instant back gives the fields again
    let t = parse_rfc3339("2022-06-22T10:00:00+04:30").unwrap();
    let (d, s) = tehran_reading(t).unwrap();
    assert_eq!(
        (d, s),
        (
            JalaliDate {
                year: 1401,
                month: 4,
                day: 1
            },
            10 * 3600
        )
    );
}

fn election(d: &mut Draft, field: ElectionField, value: &str) {
    d.apply(Action::SetElection {
        election: 0,
        field,
        value: value.into(),
    });
}

fn demo_election(d: &mut Draft) {
    election(d, ElectionField::Title, "انتخابات مجلس");
    election(d, ElectionField::Day, "۱۱");
    election(d, ElectionField::Month, "12");
    election(d, ElectionField::Year, "۱۴۰۲");
    election(d, ElectionField::Opens, "۸");
    election(d, ElectionField::Closes, "18:00");
    election(d, ElectionField::CtaLabel, "شعبه اخذ رأی");
    election(d, ElectionField::CtaUrl, "https://www.moi.ir/");
    election(d, ElectionField::Turnout, "۴۲٫۵۷");
    election(d, ElectionField::TurnoutLabel, "مشارکت ۱۳۹۸");
}

#[test]
fn the_file_is_what_the_widget_reads_and_matches_the_typeset_bulletin() {
    let mut d = seeded();
    demo_election(&mut d);
    let checked = check(&d);
    assert!(checked.exportable(), "{:?}", checked.problems);
    assert!(
        checked
            .problems
            .iter()
            .all(|p| p.severity == Severity::Warning),
        "{:?}",
        checked.problems
    );
    let text = pretty(&checked.tree);
    let file: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(file["version"], 1);
    assert_eq!(file["election"]["opens"], "2024-03-01T08:00:00+03:30");
    assert_eq!(file["election"]["closes"], "2024-03-01T18:00:00+03:30");
    assert_eq!(file["election"]["turnout"]["previous"], 42.57);
    assert_eq!(file["items"][0]["published"], "2024-01-20T10:30:00+03:30");
    assert_eq!(file["items"][0]["kicker"], typeset()["items"][0]["kicker"]);
    let b = checked.bulletin.unwrap();
    assert_eq!(b.items[0].body.len(), 7);
    assert_eq!(b.elections.len(), 1);
    assert!(
        text.contains('\u{200C}'),
        "half-spaces are written as they are"
    );
}

#[test]
fn a_javascript_link_is_an_error_beside_its_field_and_never_reaches_the_file() {
    let mut d = seeded();
    demo_election(&mut d);
    election(&mut d, ElectionField::CtaUrl, " JaVa\tScRiPt:alert(1)");
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Url,
        value: "javascript:alert(2)".into(),
    });
    let checked = check(&d);
    let cta: Vec<_> = checked
        .at(Target::Election(0, ElectionField::CtaUrl))
        .collect();
    assert_eq!(cta.len(), 1, "{:?}", checked.problems);
    assert_eq!(cta[0].severity, Severity::Error);
    assert!(cta[0].message.contains("https://"));
    assert_eq!(checked.at(Target::Item(0, ItemField::Url)).count(), 1);
    let text = pretty(&checked.tree);
    assert!(!text.to_lowercase().contains("script"), "{text}");
    assert!(
        checked.exportable(),
        "a dropped link does not block the export"
    );
    let b = checked.bulletin.unwrap();
    assert!(b.elections[0].cta.is_none() && b.items[0].url.is_none());
    // a relative link is refused too: the page cannot know where the file will live
    election(&mut d, ElectionField::CtaUrl, "/vote");
    assert_eq!(
        check(&d)
            .at(Target::Election(0, ElectionField::CtaUrl))
            .count(),
        1
    );
    election(&mut d, ElectionField::CtaUrl, "tel:+98-21-110");
    let checked = check(&d);
    assert_eq!(
        checked
            .at(Target::Election(0, ElectionField::CtaUrl))
            .count(),
        0
    );
    assert_eq!(
        checked.bulletin.unwrap().elections[0]
            .cta
            .as_ref()
            .unwrap()
            .url,
        "tel:+98-21-110"
    );
}

#[test]
fn only_what_would_break_the_widget_blocks_the_export() {
    let mut d = seeded();
    demo_election(&mut d);
    // the widget refuses an item without a title: its error state
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Title,
        value: "  ".into(),
    });
    let checked = check(&d);
    assert!(!checked.exportable());
    let p: Vec<_> = checked.at(Target::Item(0, ItemField::Title)).collect();
    assert_eq!(p.len(), 1, "{:?}", checked.problems);
    assert_eq!(p[0].severity, Severity::Blocking);
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Title,
        value: "عنوان".into(),
    });
    // closing before opening: the election is left out, the news still goes
    election(&mut d, ElectionField::Closes, "07:00");
    let checked = check(&d);
    assert!(checked.exportable());
    assert_eq!(
        checked
            .at(Target::Election(0, ElectionField::Closes))
            .count(),
        1,
        "{:?}",
        checked.problems
    );
    assert!(checked.tree.get("election").is_none());
    assert!(checked.bulletin.unwrap().election_problem.is_none());
    // an image needs its description; its size comes from the loaded image
    election(&mut d, ElectionField::Closes, "18:00");
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageSrc,
        value: "https://example.ir/a.jpg".into(),
    });
    let checked = check(&d);
    assert_eq!(checked.at(Target::Item(0, ItemField::ImageAlt)).count(), 1);
    assert!(checked.tree.get("items").unwrap().as_list()[0]
        .get("image")
        .is_none());
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageAlt,
        value: "نشست کمیته".into(),
    });
    d.apply(Action::ImageSize {
        item: 0,
        src: "https://example.ir/a.jpg".into(),
        width: 800,
        height: 450,
    });
    let img = check(&d).bulletin.unwrap().items[0].image.clone().unwrap();
    assert_eq!((img.width, img.height), (Some(800), Some(450)));
    // a plain-http image on another origin: secure sites refuse it, so it is an error
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageSrc,
        value: "http://example.ir/a.jpg".into(),
    });
    let checked = check(&d);
    assert_eq!(checked.at(Target::Item(0, ItemField::ImageSrc)).count(), 1);
    assert!(checked.bulletin.unwrap().items[0].image.is_none());
    let own = crate::newsroom::check::check_on(&d, Some("http://example.ir"));
    assert_eq!(
        own.at(Target::Item(0, ItemField::ImageSrc)).count(),
        0,
        "the page's own origin may be http"
    );
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageSrc,
        value: "https://example.ir/a.jpg".into(),
    });
    // a turnout above 100 % is dropped by the reader, and so from the file
    election(&mut d, ElectionField::Turnout, "140");
    let checked = check(&d);
    assert_eq!(
        checked
            .at(Target::Election(0, ElectionField::Turnout))
            .count(),
        1
    );
    assert!(checked
        .tree
        .get("election")
        .unwrap()
        .get("turnout")
        .is_none());
    // a wrong date is named beside its field
    election(&mut d, ElectionField::Day, "30");
    let checked = check(&d);
    assert!(
        checked.at(Target::Election(0, ElectionField::Day)).count() >= 1,
        "{:?}",
        checked.problems
    );
}

#[test]
fn json_text_escapes_what_an_editor_would_hide() {
    use election_widget::feed::tree::Tree;
    let t = Tree::Object(vec![
        (
            "a".into(),
            Tree::String("\"x\"\\\n\u{202E}\u{200C}ی".into()),
        ),
        (
            "b".into(),
            Tree::Array(vec![Tree::Number(42.57), Tree::Bool(true), Tree::Null]),
        ),
        ("c".into(), Tree::Array(vec![])),
    ]);
    let text = pretty(&t);
    assert_eq!(
        text,
        "{\n  \"a\": \"\\\"x\\\"\\\\\\n\\u202e\u{200C}ی\",\n  \"b\": [\n    42.57,\n    true,\n    null\n  ],\n  \"c\": []\n}\n"
    );
    let back: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back["a"], "\"x\"\\\n\u{202E}\u{200C}ی");
}

// ---- issue 17: several items, opening files, drafts, election-day changes ----

use crate::newsroom::diff::changes;
use crate::newsroom::open::{open, OpenResult, Opening};
use crate::newsroom::store::{from_tree, to_tree, Refused, FORMAT};
use election_widget::feed::tree::Tree;
use election_widget::text::links::{check as check_link, LinkKind, Verdict};

fn absolute(raw: &str, kind: LinkKind) -> Option<String> {
    match check_link(raw, kind) {
        Verdict::Absolute(s) => Some(s),
        _ => None,
    }
}

fn tree(text: &str) -> Tree {
    serde_json::from_str(text).unwrap()
}

fn opened(text: &str) -> OpenResult {
    open(&tree(text), "bulletin.json", &absolute).unwrap()
}

fn release(kicker: &str, title: &str) -> String {
    format!("{kicker}\n\n{title}\n\nلید خبر {title}.\n\nبند نخست خبر {title}.\n")
}

#[test]
fn items_are_added_duplicated_moved_and_removed() {
    let mut d = seeded();
    let now = Instant(1_709_262_000);
    let id = d.fresh_id(now);
    d.apply(Action::AddItem {
        id: id.clone(),
        now,
    });
    d.apply(Action::Paste {
        item: 1,
        text: release("گزارش:", "دوم"),
    });
    d.apply(Action::AddItem {
        id: d.fresh_id(now),
        now,
    });
    d.apply(Action::Paste {
        item: 2,
        text: release("گزارش:", "سوم"),
    });
    assert_eq!(d.items.len(), 3);
    assert_ne!(d.items[1].id, d.items[2].id, "fresh ids are unique");
    d.apply(Action::Move { item: 2, up: true });
    let titles: Vec<&str> = d.items.iter().map(|i| i.title.value.as_str()).collect();
    assert_eq!(&titles[1..], ["سوم", "دوم"]);
    d.apply(Action::Move { item: 0, up: true });
    assert!(
        d.items[0]
            .title
            .value
            .starts_with(&format!("انسجام{ZWNJ}بخشی")),
        "the first cannot move up"
    );
    d.apply(Action::Duplicate {
        item: 1,
        id: "copy".into(),
    });
    assert_eq!(d.items[2].id, "copy");
    assert_eq!(d.items[2].title.value, "سوم");
    d.apply(Action::Remove { item: 2 });
    assert_eq!(d.items.len(), 3);
    let file = check(&d);
    let items = file.tree.get("items").unwrap().as_list();
    assert_eq!(items.len(), 3);
    assert_eq!(items[1].get("title").unwrap().as_str(), Some("سوم"));
    assert_eq!(file.bulletin.unwrap().items[2].title, "دوم");
}

#[test]
fn a_stored_draft_reads_back_the_same_and_other_versions_are_refused() {
    let mut d = seeded();
    demo_election(&mut d);
    let key = EditKey::of(PartName::Body(0), &d.items[0].pasted().body[0].edits[0]);
    d.apply(Action::ToggleEdit { item: 0, key });
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Lead,
        value: "لید دستی".into(),
    });
    d.apply(Action::ImageSize {
        item: 0,
        src: String::new(),
        width: 1,
        height: 1,
    });
    let stored = pretty(&to_tree(&d, 0));
    let (back, selected) = from_tree(&tree(&stored)).unwrap();
    assert_eq!(back, d);
    assert_eq!(selected, 0);
    assert_eq!(pretty(&check(&back).tree), pretty(&check(&d).tree));
    // a draft from a later version of the page is refused with a reason, not read wrongly
    let newer = stored.replace("\"version\": 1,", "\"version\": 2,");
    assert_eq!(from_tree(&tree(&newer)), Err(Refused::Newer(2)));
    assert!(Refused::Newer(2).message().contains("۲"));
    // one without a version (older than the first) is refused too, and says why
    let older = stored.replace("\"version\": 1,", "");
    let Err(Refused::Unreadable(why)) = from_tree(&tree(&older)) else {
        panic!("refused")
    };
    assert!(why.contains("نسخه"), "{why}");
    let other = stored.replace(FORMAT, "something-else");
    assert!(matches!(
        from_tree(&tree(&other)),
        Err(Refused::Unreadable(_))
    ));
    assert!(matches!(
        from_tree(&tree("[1, 2]")),
        Err(Refused::Unreadable(_))
    ));
    let damaged = stored.replace("\"items\": [", "\"items\": 3, \"x\": [");
    assert!(matches!(
        from_tree(&tree(&damaged)),
        Err(Refused::Unreadable(_))
    ));
}

#[test]
fn a_bulletin_exported_opened_and_exported_again_is_the_same_file() {
    let mut d = seeded();
    demo_election(&mut d);
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::Url,
        value: "https://qods.example/news/1".into(),
    });
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageSrc,
        value: "https://qods.example/a.jpg".into(),
    });
    d.apply(Action::SetItem {
        item: 0,
        field: ItemField::ImageAlt,
        value: "نشست".into(),
    });
    d.apply(Action::ImageSize {
        item: 0,
        src: "https://qods.example/a.jpg".into(),
        width: 800,
        height: 450,
    });
    d.apply(Action::AddItem {
        id: "second".into(),
        now: Instant(1_709_262_030),
    });
    d.apply(Action::Paste {
        item: 1,
        text: release("", "دوم"),
    });
    d.apply(Action::AddElection);
    for (f, v) in [
        (ElectionField::Title, "انتخابات میان‌دوره‌ای"),
        (ElectionField::Day, "۲۱"),
        (ElectionField::Month, "2"),
        (ElectionField::Year, "1403"),
        (ElectionField::Opens, "8"),
        (ElectionField::Closes, "24:00"),
    ] {
        d.apply(Action::SetElection {
            election: 1,
            field: f,
            value: v.into(),
        });
    }
    let first = pretty(&check(&d).tree);
    assert!(
        first.contains("\"closes\": \"2024-05-11T00:00:00+03:30\""),
        "24:00 is the next midnight"
    );
    let r = opened(&first);
    assert!(r.notes.is_empty(), "{:?}", r.notes);
    let Opening::Bulletin(again) = r.opening else {
        panic!("a bulletin")
    };
    assert_eq!(again.opened.as_ref().unwrap().file, tree(&first));
    let second = pretty(&check(&again).tree);
    assert_eq!(second, first);
    // and nothing differs from the file opened
    assert_eq!(
        changes(&tree(&first), &check(&again).bulletin.unwrap()),
        Vec::<String>::new()
    );
}

#[test]
fn an_extension_and_edits_are_listed_against_the_opened_file() {
    let mut d = seeded();
    demo_election(&mut d);
    let file = pretty(&check(&d).tree);
    let Opening::Bulletin(mut again) = opened(&file).opening else {
        panic!()
    };
    again.apply(Action::ExtendClosing {
        election: 0,
        minutes: 60,
    });
    again.apply(Action::ExtendClosing {
        election: 0,
        minutes: 60,
    });
    assert_eq!(again.elections[0].closes, "۲۰:۰۰");
    again.apply(Action::SetItem {
        item: 0,
        field: ItemField::Title,
        value: "عنوان تازه".into(),
    });
    again.apply(Action::AddItem {
        id: "n2".into(),
        now: Instant(1_709_262_000),
    });
    again.apply(Action::Paste {
        item: 1,
        text: release("", "خبر دیگر"),
    });
    let now = check(&again);
    assert_eq!(
        now.tree
            .get("election")
            .unwrap()
            .get("closes")
            .unwrap()
            .as_str(),
        Some("2024-03-01T20:00:00+03:30")
    );
    let lines = changes(&tree(&file), &now.bulletin.unwrap());
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("پایان رأی‌گیری") && l.contains("۱۸:۰۰") && l.contains("۲۰:۰۰")),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l == "ویرایش شده: «عنوان تازه» (عنوان)"),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l == "خبر تازه: «خبر دیگر»"),
        "{lines:?}"
    );
    // removing it is listed too
    again.apply(Action::Remove { item: 0 });
    let lines = changes(&tree(&file), &check(&again).bulletin.unwrap());
    assert!(
        lines.iter().any(|l| l.starts_with("حذف شده: «")),
        "{lines:?}"
    );
    assert!(
        lines.iter().any(|l| l.starts_with("کارت اصلی اکنون")),
        "{lines:?}"
    );
}

#[test]
fn an_election_only_file_is_read_by_the_elections_reader() {
    use crate::newsroom::check::election_only;
    let mut d = seeded();
    demo_election(&mut d);
    let only = election_only(&check(&d).tree).unwrap();
    assert!(only.get("items").is_none());
    let parsed =
        election_widget::feed::native::parse_elections(&only, &crate::newsroom::check::context())
            .unwrap();
    assert_eq!(parsed.bulletin.elections.len(), 1);
    assert!(parsed.warnings.is_empty());
    d.apply(Action::RemoveElection { election: 0 });
    d.apply(Action::AddElection);
    assert!(
        election_only(&check(&d).tree).is_none(),
        "nothing to write without an election"
    );
}

fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/feeds/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}

#[test]
fn the_repository_feeds_open_as_items_with_what_was_left_behind() {
    for (name, at_least) in [
        ("jsonfeed.json", 2),
        ("wordpress.json", 1),
        ("wordpress-embed.json", 1),
        ("newsarticle.json", 1),
        ("newsarticle-array.json", 1),
        ("newsarticle-graph.json", 1),
    ] {
        let r =
            open(&tree(&fixture(name)), name, &absolute).unwrap_or_else(|e| panic!("{name}: {e}"));
        let Opening::Items(items) = &r.opening else {
            panic!("{name}: items")
        };
        assert!(items.len() >= at_least, "{name}: {}", items.len());
        assert!(
            items
                .iter()
                .all(|i| !i.title.value.is_empty() && i.title.by_hand),
            "{name}"
        );
        assert!(
            r.notes.last().unwrap().contains("خبر افزوده شد"),
            "{name}: {:?}",
            r.notes
        );
        // added to a new bulletin, they replace its blank item and check without blocking
        let mut d = Draft::new("blank".into(), Instant(1_709_262_000));
        d.apply(Action::Append(items.clone()));
        assert_eq!(d.items.len(), items.len());
        assert!(check(&d).exportable(), "{name}: {:?}", check(&d).problems);
    }
    // JSON Feed: the relative links cannot be carried from a file without its address
    let r = open(&tree(&fixture("jsonfeed.json")), "jsonfeed.json", &absolute).unwrap();
    assert!(
        r.notes.iter().any(|n| n.contains("نشانی پذیرفته نیست")),
        "{:?}",
        r.notes
    );
    assert!(r.notes.iter().any(|n| n.contains("HTML")));
    // from its address they are made whole
    let base = |raw: &str, kind: LinkKind| match check_link(raw, kind) {
        Verdict::Absolute(s) => Some(s),
        Verdict::Relative(s) if s.starts_with('/') => Some(format!("https://qods.example{s}")),
        Verdict::Relative(s) => Some(format!("https://qods.example/{s}")),
        Verdict::Refused => None,
    };
    let r = open(&tree(&fixture("jsonfeed.json")), "jsonfeed.json", &base).unwrap();
    let Opening::Items(items) = r.opening else {
        panic!()
    };
    assert_eq!(items[1].url, "https://qods.example/news/2");
    assert_eq!(items[0].image.src, "https://qods.example/img/1.jpg");
    // a document of another shape is refused with a reason
    assert!(open(&tree(&fixture("custom.json")), "custom.json", &absolute).is_err());
}

#[test]
fn a_bulletin_file_keeps_what_the_page_cannot_write_listed() {
    let text = r#"{"version": 1, "lang": "fa", "extra": true,
      "items": [{"id": 7, "title": "عنوان", "body": "یک بند", "published": "nope", "tags": ["x"], "url": "javascript:x"}],
      "election": {"title": "ا", "opens": "2024-03-01T08:00:00Z", "closes": "2024-03-03T18:00:00+03:30"}}"#;
    let r = opened(text);
    let Opening::Bulletin(d) = &r.opening else {
        panic!()
    };
    for needle in ["«extra»", "«tags»", "nope", "پایان"] {
        assert!(
            r.notes.iter().any(|n| n.contains(needle)),
            "{needle}: {:?}",
            r.notes
        );
    }
    assert_eq!(d.items[0].id, "7");
    assert_eq!(
        d.items[0].url, "javascript:x",
        "kept as written: the check shows it beside the field"
    );
    assert_eq!(
        d.elections[0].opens, "۱۱:۳۰",
        "08:00 UTC is 11:30 in Tehran"
    );
    assert_eq!(d.elections[0].closes, "");
    let c = check(d);
    assert_eq!(c.at(Target::Item(0, ItemField::Url)).count(), 1);
    assert!(open(&tree(r#"{"version": 2, "items": []}"#), "x", &absolute).is_err());
}
