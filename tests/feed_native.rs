//! Reading the native bulletin format (version 1) from JSON, as the host tests see it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, resolve, JsonText};
use election_widget::feed::{native, Context, FeedError, Parsed, Source};
use election_widget::time::parse_rfc3339;

fn parse(json: &str) -> Result<Parsed, FeedError> {
    native::parse(&JsonText(json).tree()?, &ctx())
}

fn sample() -> String {
    std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/assets/bulletin.fa.json"
    ))
    .unwrap()
}

#[test]
fn the_bundled_sample_reads_completely() {
    let p = parse(&sample()).unwrap();
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    let b = p.bulletin;
    assert_eq!(b.lang.as_deref(), Some("fa"));
    assert_eq!(b.items.len(), 1);
    let item = &b.items[0];
    assert_eq!(item.kicker.as_deref(), Some("رئیس حوزه انتخابیه قدس؛"));
    assert!(item
        .title
        .starts_with("انسجام\u{200c}بخشی روابط عمومی\u{200c}های ادارات"));
    assert_eq!(item.body.len(), 7);
    assert_eq!(
        item.source.as_deref(),
        Some("کمیته اطلاع\u{200c}رسانی ستاد انتخابات شهرستان قدس")
    );
    assert_eq!(
        item.published,
        Some(parse_rfc3339("2024-01-20T07:00:00Z").unwrap())
    );
    let e = &b.elections[0];
    assert_eq!(e.opens, parse_rfc3339("2024-03-01T04:30:00Z").unwrap());
    assert_eq!(e.closes, parse_rfc3339("2024-03-01T14:30:00Z").unwrap());
    assert_eq!(e.turnout.as_ref().map(|t| t.previous), Some(42.57));
    assert_eq!(
        e.cta.as_ref().map(|c| c.url.as_str()),
        Some("https://www.moi.ir/")
    );
}

#[test]
fn minimal_bulletin_and_missing_optionals() {
    let p = parse(r#"{"items":[{"id":"a","title":"سلام"}]}"#).unwrap();
    let item = &p.bulletin.items[0];
    assert_eq!(
        p.bulletin.lang.as_deref(),
        Some("fa"),
        "lang defaults to Persian"
    );
    assert_eq!(
        (item.kicker.clone(), item.lead.clone(), item.url.clone()),
        (None, None, None)
    );
    assert!(item.body.is_empty() && item.published.is_none() && item.image.is_none());
    assert!(p.bulletin.elections.is_empty() && p.bulletin.election_problem.is_none());
}

#[test]
fn unknown_fields_are_ignored() {
    let p = parse(r#"{"version":1,"x":{"deep":[1,2,{"y":null}]},"items":[{"id":1,"title":"t","extra":true}]}"#).unwrap();
    assert_eq!(
        p.bulletin.items[0].id, "1",
        "numeric ids are accepted as text"
    );
}

#[test]
fn empty_items_is_a_valid_empty_bulletin() {
    let p = parse(r#"{"version":1,"items":[]}"#).unwrap();
    assert!(p.bulletin.items.is_empty());
}

#[test]
fn structural_errors_name_the_json_path() {
    let cases = [
        (
            r#"{"items":[{"id":"a","title":"ok"},{"id":"b","title":5}]}"#,
            "items[1].title",
        ),
        (r#"{"items":[{"id":"a"}]}"#, "items[0]"),
        (r#"{"version":1}"#, ""),
        (r#"{"items":"nope"}"#, "items"),
        (
            r#"{"items":[{"id":"a","title":"t","body":[1]}]}"#,
            "items[0].body[0]",
        ),
        (
            r#"{"items":[],"election":{"title":"t","opens":"2024-03-01T08:00:00Z"}}"#,
            "election",
        ),
        (r#"[1,2]"#, ""),
    ];
    for (json, path) in cases {
        let err = parse(json).unwrap_err();
        assert!(
            err.path
                .trim_start_matches('.')
                .starts_with(path.trim_start_matches('.')),
            "{json}: got {err}"
        );
        assert!(!err.message.is_empty());
    }
    let err = parse(r#"{"items":[{"id":"a","title":"ok"},{"id":"b","title":5}]}"#).unwrap_err();
    // the same message in the browser and on the host: both read the same tree
    assert_eq!(
        err.to_string(),
        "items[1].title: expected a string, found a number"
    );
    let missing = parse(r#"{"items":[{"id":"a"}]}"#).unwrap_err();
    assert_eq!(missing.to_string(), "items[0]: missing field `title`");
    let top = parse("[1,2]").unwrap_err();
    assert_eq!(top.to_string(), "expected an object, found a list");
}

#[test]
fn wrong_version_and_empty_title_are_errors() {
    assert_eq!(
        parse(r#"{"version":2,"items":[]}"#).unwrap_err().path,
        "version"
    );
    assert_eq!(
        parse(r#"{"items":[{"id":"a","title":"   "}]}"#)
            .unwrap_err()
            .path,
        "items[0].title"
    );
}

#[test]
fn a_bad_optional_field_is_dropped_with_its_path() {
    let p = parse(
        r#"{"items":[{"id":"a","title":"t"},{"id":"b","title":"t"},
            {"id":"c","title":"t","published":"yesterday","url":"javascript:alert(1)",
             "image":{"src":"data:image/png;base64,AAAA","alt":"x"}}]}"#,
    )
    .unwrap();
    let item = &p.bulletin.items[2];
    assert!(item.published.is_none() && item.url.is_none() && item.image.is_none());
    assert_eq!(p.bulletin.items.len(), 3, "the item itself stays");
    assert!(
        p.warnings
            .iter()
            .any(|w| w.starts_with("items[2].published: expected an RFC 3339 date")),
        "{:?}",
        p.warnings
    );
    assert!(p.warnings.iter().any(|w| w.starts_with("items[2].url:")));
    assert!(p
        .warnings
        .iter()
        .any(|w| w.starts_with("items[2].image.src:")));
}

#[test]
fn links_resolve_against_the_endpoint() {
    let p = parse(r#"{"items":[{"id":"a","title":"t","url":"story.html","image":{"src":"/img/a.jpg","alt":"a","width":640,"height":360}}]}"#).unwrap();
    let item = &p.bulletin.items[0];
    assert_eq!(
        item.url.as_deref(),
        Some("https://news.example/feeds/story.html")
    );
    let img = item.image.as_ref().unwrap();
    assert_eq!(
        (img.src.as_str(), img.width, img.height),
        ("https://news.example/img/a.jpg", Some(640), Some(360))
    );
}

#[test]
fn election_whose_opening_is_not_before_closing_spoils_only_the_cta() {
    let p = parse(
        r#"{"items":[{"id":"a","title":"t"}],
            "election":{"title":"e","opens":"2024-03-01T18:00:00+03:30","closes":"2024-03-01T08:00:00+03:30"}}"#,
    )
    .unwrap();
    assert_eq!(p.bulletin.items.len(), 1, "the news still shows");
    assert!(p.bulletin.elections.is_empty());
    assert_eq!(
        p.bulletin.election_problem.as_deref(),
        Some("election: opens must be before closes")
    );
}

#[test]
fn elections_may_be_a_list_and_cta_may_be_a_hotline() {
    let p = parse(
        r#"{"items":[],"election":[
            {"title":"first","opens":"2024-03-01T08:00:00+03:30","closes":"2024-03-01T18:00:00+03:30","cta":{"label":"call","url":"tel:+98-21-123"}},
            {"title":"bad","opens":"x","closes":"2024-03-01T18:00:00+03:30"},
            {"title":"runoff","opens":"2024-05-10T08:00:00+03:30","closes":"2024-05-10T18:00:00+03:30","turnout":{"previous":140}}]}"#,
    )
    .unwrap();
    let b = &p.bulletin;
    assert_eq!(b.elections.len(), 2);
    assert_eq!(b.elections[0].cta.as_ref().unwrap().url, "tel:+98-21-123");
    assert!(b.elections[1].turnout.is_none());
    assert!(b.election_problem.is_none(), "valid elections remain");
    assert!(p
        .warnings
        .iter()
        .any(|w| w.starts_with("election[1].opens:")));
    assert!(p
        .warnings
        .iter()
        .any(|w| w.starts_with("election[2].turnout.previous:")));
}

#[test]
fn body_may_be_one_string_with_hard_wraps() {
    let p = parse(
        r#"{"items":[{"id":"a","title":"t","body":"خط اول و\n\nادامه همان جمله.\n\nبند دوم."}]}"#,
    )
    .unwrap();
    assert_eq!(
        p.bulletin.items[0].body,
        vec!["خط اول و ادامه همان جمله.", "بند دوم."]
    );
}

#[test]
fn persian_text_is_normalised_other_languages_are_not() {
    let p =
        parse(r#"{"lang":"fa","items":[{"id":"a","title":"كتاب ها را مي خوانيم 12"}]}"#).unwrap();
    assert_eq!(
        p.bulletin.items[0].title,
        "کتاب\u{200c}ها را می\u{200c}خوانیم ۱۲"
    );
    let ar = parse(r#"{"lang":"ar","items":[{"id":"a","title":"كتاب 12"}]}"#).unwrap();
    assert_eq!(ar.bulletin.items[0].title, "كتاب 12");
    let off = {
        let ctx = Context {
            resolve: &resolve,
            normalize: false,
            default_lang: Some("fa"),
        };
        native::parse(
            &JsonText(r#"{"items":[{"id":"a","title":"كتاب 12"}]}"#)
                .tree()
                .unwrap(),
            &ctx,
        )
        .unwrap()
    };
    assert_eq!(off.bulletin.items[0].title, "كتاب 12");
}
