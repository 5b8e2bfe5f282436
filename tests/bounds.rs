//! Bounded work on any input (issue 13, finding 2): what reaches layout is bounded, and every
//! cut is said in the console.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, JsonText};
use election_widget::feed::tree::{MAX_LIST, MAX_MEMBERS};
use election_widget::feed::{read, MAX_LEAD, MAX_LINE, MAX_PARAGRAPHS};
use election_widget::text::bounds::{bound, is_mark, MAX_MARKS};

fn native(items: serde_json::Value) -> String {
    serde_json::json!({ "version": 1, "lang": "fa", "items": items }).to_string()
}

#[test]
fn runs_of_combining_marks_are_cut_per_letter() {
    let flood = format!("a{}b", "\u{301}".repeat(50_000));
    let (text, cut) = bound(&flood, 1_000_000);
    assert_eq!(text, format!("a{}b", "\u{301}".repeat(MAX_MARKS)));
    assert_eq!(cut.marks, 50_000 - MAX_MARKS);
    assert!(!cut.shortened);
    // fully vowelled Arabic and Persian keep every mark
    for text in [
        "بِسْمِ اللَّهِ الرَّحْمَٰنِ الرَّحِيمِ",
        "مُدَّتِ",
        "رأیِ مردم",
        "Zoë, café, naïve",
    ] {
        assert_eq!(
            bound(text, 1000),
            (text.to_owned(), Default::default()),
            "{text}"
        );
    }
    assert!(
        is_mark('\u{064E}')
            && is_mark('\u{0651}')
            && is_mark('\u{FE0F}')
            && !is_mark('ی')
            && !is_mark('\u{200C}')
    );
}

#[test]
fn long_text_is_shortened_with_an_ellipsis() {
    let (text, cut) = bound(&"ب".repeat(MAX_LINE + 10), MAX_LINE);
    assert!(cut.shortened);
    assert_eq!(text.chars().count(), MAX_LINE);
    assert!(text.ends_with('…'));
    let (text, _) = bound("one two three", 5);
    assert_eq!(text, "one…", "no space before the ellipsis");
}

#[test]
fn every_field_is_bounded_with_a_warning_naming_it() {
    let marks = format!("الف{}", "\u{64E}".repeat(200_000));
    let doc = native(serde_json::json!([{
        "id": "1", "title": marks, "kicker": "ک".repeat(10_000), "lead": "ل".repeat(MAX_LEAD * 3),
        "source": "م".repeat(MAX_LINE + 1), "body": ["پ".repeat(300_000)]
    }]));
    let parsed = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    let item = &parsed.bulletin.items[0];
    assert!(item.title.chars().filter(|c| is_mark(*c)).count() <= MAX_MARKS);
    assert!(item.kicker.as_ref().unwrap().chars().count() <= MAX_LINE);
    assert!(item.lead.as_ref().unwrap().chars().count() <= MAX_LEAD);
    assert!(item.source.as_ref().unwrap().chars().count() <= MAX_LINE);
    let body: usize = item.body.iter().map(|p| p.chars().count()).sum();
    assert!(body <= 100_000, "{body}");
    for field in ["title", "kicker", "lead", "source", "body"] {
        assert!(
            parsed
                .warnings
                .iter()
                .any(|w| w.starts_with(&format!("items[0].{field}:"))),
            "{field}: {:?}",
            parsed.warnings
        );
    }
}

#[test]
fn thirty_thousand_items_are_read_as_the_first_few() {
    let items: Vec<_> = (0..30_000)
        .map(|i| serde_json::json!({ "id": i, "title": format!("n{i}") }))
        .collect();
    let doc = native(serde_json::Value::Array(items));
    let parsed = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    assert_eq!(parsed.bulletin.items.len(), MAX_LIST);
    assert_eq!(
        parsed.bulletin.items[MAX_LIST - 1].title,
        format!("n{}", MAX_LIST - 1)
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w
                == &format!("items: a list of 30000 entries; only the first {MAX_LIST} are read")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn sixty_thousand_paragraphs_are_read_as_the_first_few() {
    let body: Vec<_> = (0..60_000).map(|i| format!("بند {i}.")).collect();
    let doc = native(serde_json::json!([{ "id": "1", "title": "خبر", "body": body }]));
    let parsed = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    assert_eq!(
        parsed.bulletin.items[0].body.len(),
        MAX_LIST.min(MAX_PARAGRAPHS)
    );
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.starts_with("items[0].body: a list of 60000 entries")),
        "{:?}",
        parsed.warnings
    );
    // the same paragraphs as one string with blank lines between them
    let one = (0..60_000)
        .map(|i| format!("بند {i}."))
        .collect::<Vec<_>>()
        .join("\n\n");
    let doc = native(serde_json::json!([{ "id": "1", "title": "خبر", "body": one }]));
    let parsed = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    assert_eq!(parsed.bulletin.items[0].body.len(), MAX_PARAGRAPHS);
    assert!(
        parsed
            .warnings
            .iter()
            .any(|w| w.contains("paragraphs; only the first")),
        "{:?}",
        parsed.warnings
    );
}

#[test]
fn an_object_of_many_members_is_read_as_its_first() {
    let mut item = serde_json::Map::new();
    item.insert("id".into(), "1".into());
    item.insert("title".into(), "خبر".into());
    for i in 0..1000 {
        item.insert(format!("x{i}"), i.into());
    }
    let doc = native(serde_json::json!([item]));
    let parsed = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    assert_eq!(parsed.bulletin.items.len(), 1);
    assert!(
        parsed.warnings.iter().any(|w| w
            == &format!(
                "items[0]: an object with 1002 members; only the first {MAX_MEMBERS} are read"
            )),
        "{:?}",
        parsed.warnings
    );
}
