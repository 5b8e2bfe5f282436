//! Property tests: arbitrary and hostile input through every pure reader. Nothing may panic
//! (in WebAssembly a panic stops every widget on the page), and invariants hold.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, JsonText};
use election_widget::feed::field_map::FieldMap;
use election_widget::feed::tree::Tree;
use election_widget::feed::{dates, read, Format, Source};
use election_widget::locale::calendar::{from_days, to_days};
use election_widget::text::links::{check, LinkKind, Verdict};
use election_widget::text::{html, normalize};
use election_widget::time::parse_rfc3339;
use proptest::prelude::*;
use serde_json::{json, Value};

/// Arbitrary JSON, biased towards the keys the formats look for.
fn any_json() -> impl Strategy<Value = Value> {
    let key = prop_oneof![
        Just("items".to_owned()),
        Just("title".to_owned()),
        Just("id".to_owned()),
        Just("body".to_owned()),
        Just("url".to_owned()),
        Just("published".to_owned()),
        Just("election".to_owned()),
        Just("opens".to_owned()),
        Just("closes".to_owned()),
        Just("version".to_owned()),
        Just("@type".to_owned()),
        Just("@graph".to_owned()),
        Just("content".to_owned()),
        Just("rendered".to_owned()),
        Just("date_gmt".to_owned()),
        Just("image".to_owned()),
        // JSON Feed, JSON-LD and the lenient readers
        Just("@id".to_owned()),
        Just("@list".to_owned()),
        Just("headline".to_owned()),
        Just("publisher".to_owned()),
        Just("author".to_owned()),
        Just("thumbnailUrl".to_owned()),
        Just("mainEntityOfPage".to_owned()),
        Just("datePublished".to_owned()),
        Just("date_published".to_owned()),
        Just("content_text".to_owned()),
        Just("link".to_owned()),
        ".{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<f64>().prop_map(|f| json!(f)),
        any::<i64>().prop_map(|i| json!(i)),
        ".{0,40}".prop_map(Value::String),
        Just(json!("2024-03-01T08:00:00+03:30")),
        Just(json!("https://jsonfeed.org/version/1.1")),
        Just(json!("NewsArticle")),
        Just(json!("<script>alert(1)</script>")),
        Just(json!("javascript:alert(1)")),
        Just(json!("jav&#x61;script:alert(1)")),
        Just(json!("&#106;avascript&#58;alert(1)")),
        Just(json!(
            "&amp;lt;script&amp;gt;alert(1)&amp;lt;/script&amp;gt;"
        )),
        Just(json!("Fri, 31 May 2019 12:17:58 -0700")),
        Just(json!("2024-06-25")),
        Just(json!("2024-06-25 10:30")),
        Just(json!("#a")),
        Just(json!({"@id": "#a"})),
        Just(json!("https://jsonfeed.org/version/1")),
        Just(json!("Article")),
    ];
    leaf.prop_recursive(6, 64, 8, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((key.clone(), inner), 0..8)
                .prop_map(|kv| Value::Object(kv.into_iter().collect())),
        ]
    })
}

fn formats() -> impl Strategy<Value = Option<Format>> {
    prop_oneof![
        Just(None),
        Just(Some(Format::Native)),
        Just(Some(Format::JsonFeed)),
        Just(Some(Format::WordPress)),
        Just(Some(Format::NewsArticle)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 4000, ..ProptestConfig::default() })]

    /// Any JSON, in any format: a bulletin or an error, never a panic; links always pass the policy.
    #[test]
    fn any_document_reads_or_fails_cleanly(doc in any_json(), format in formats()) {
        let text = doc.to_string();
        if let Ok(parsed) = read(&JsonText(&text), format, None, &ctx()) {
            for item in &parsed.bulletin.items {
                prop_assert!(!item.title.is_empty());
                for url in item.url.iter().chain(item.image.as_ref().map(|i| &i.src)) {
                    let lower = url.to_ascii_lowercase();
                    prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{url}");
                }
            }
            for e in &parsed.bulletin.elections {
                prop_assert!(e.opens < e.closes);
            }
        }
    }

    /// Any JSON through any field map.
    #[test]
    fn any_document_through_a_field_map(doc in any_json(), pointers in prop::collection::vec("(/[a-z0-9~]{0,6}){0,3}", 3)) {
        let map = json!({"items": pointers[0], "title": pointers[1], "body": {"pointer": pointers[2], "html": true}});
        let tree: Tree = JsonText(&map.to_string()).tree().unwrap();
        if let Ok(map) = FieldMap::from_tree(&tree) {
            let text = doc.to_string();
            let _ = read(&JsonText(&text), None, Some(&map), &ctx());
        }
    }

    /// Publication dates: any string reads or fails, never panics; what reads is a real day.
    #[test]
    fn publication_dates_read_or_fail(s in "[0-9A-Za-z:+\\-., TZ]{0,40}", t in "(Mon, )?[0-9]{1,2} (Jan|Feb|May|Dec) [0-9]{2,4} [0-9]{2}:[0-9]{2}(:[0-9]{2})? ?([+-][0-9]{4}|GMT|EST)?") {
        let _ = dates::parse(&s);
        if let Ok(p) = dates::parse(&t) {
            let (y, ..) = p.at.to_utc();
            prop_assert!((0..=9_999).contains(&y), "{t}: {y}");
        }
    }

    /// Arbitrary bytes as a "JSON" body.
    #[test]
    fn any_text_as_a_body(text in ".{0,200}") {
        let _ = read(&JsonText(&text), None, None, &ctx());
    }

    /// HTML to text: never panics, and yields trimmed, non-empty paragraphs.
    #[test]
    fn html_to_text_never_panics_and_trims(s in "(<[a-zA-Z/!]{0,8}[^<>]{0,12}>?|&[#a-z0-9]{0,8};?|[^<&]{0,12}){0,30}") {
        for p in html::to_paragraphs(&s) {
            prop_assert!(!p.is_empty());
            prop_assert_eq!(p.trim(), p.as_str());
        }
    }

    /// Normalisation: never panics, idempotent, and never touches non-Persian letters.
    #[test]
    fn normalisation_is_idempotent(s in "[\\u{0600}-\\u{06FF}\\u{200C} a-zA-Z0-9\\n.،]{0,80}") {
        let once = normalize::persian(&s);
        prop_assert_eq!(normalize::persian(&once), once.clone());
        let latin_in: String = s.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        let latin_out: String = once.chars().filter(|c| c.is_ascii_alphabetic()).collect();
        prop_assert_eq!(latin_in, latin_out);
    }

    /// The link policy: whatever passes as absolute has an allowed scheme.
    #[test]
    fn links_only_allow_http_https_tel(s in "[ \\t\\n\\x00-\\x1f]{0,2}[a-zA-Z]{0,10}[ \\t\\n]?:[^ ]{0,20}") {
        if let Verdict::Absolute(url) = check(&s, LinkKind::WebOrTel) {
            let scheme = url.split(':').next().unwrap_or("").to_ascii_lowercase();
            prop_assert!(["http", "https", "tel"].contains(&scheme.as_str()), "{s:?} -> {url:?}");
        }
    }

    /// Dates: arbitrary strings never panic; valid ones round-trip through UTC.
    #[test]
    fn dates_parse_or_fail(s in ".{0,40}", secs in -10_000_000_000i64..10_000_000_000i64) {
        let _ = parse_rfc3339(&s);
        let t = election_widget::time::Instant(secs);
        prop_assert_eq!(parse_rfc3339(&election_widget::time::format_rfc3339_utc(t)), Ok(t));
    }

    /// The Solar Hijri conversion round-trips far beyond the range checked against ICU.
    #[test]
    fn jalali_round_trips(day in -200_000i64..400_000i64) {
        if let Some(j) = from_days(day) {
            prop_assert_eq!(to_days(j), Some(day));
        }
    }
}

proptest! {
    // the document is only the setting here (the tests above cover any document): fewer cases
    #![proptest_config(ProptestConfig { cases: 1000, ..ProptestConfig::default() })]

    /// Any JSON through a field map that maps links: whatever the document disguises (character
    /// references included), no mapped link or image leaves the policy with another scheme.
    #[test]
    fn field_map_links_pass_the_policy(doc in any_json(), obfuscated in "(jav|&#106;av|j&#x61;v)(a|&#97;)script(:|&#58;|&colon;)[a-z()1]{0,6}") {
        let doc = json!({"list": [doc, {"t": "x", "u": obfuscated, "i": obfuscated}]});
        let map = json!({"items": "/list", "title": "/t", "url": "/u", "image": "/i", "published": "/d"});
        let map = FieldMap::from_tree(&JsonText(&map.to_string()).tree().unwrap()).unwrap();
        if let Ok(parsed) = read(&JsonText(&doc.to_string()), None, Some(&map), &ctx()) {
            for item in &parsed.bulletin.items {
                for url in item.url.iter().chain(item.image.as_ref().map(|i| &i.src)) {
                    let lower = url.to_ascii_lowercase();
                    prop_assert!(lower.starts_with("http://") || lower.starts_with("https://"), "{url}");
                }
            }
        }
    }
}

/// The public hostile corpora (shared/corpus) through every text field of every format:
/// every string comes out as literal text, and no link with another scheme survives.
#[test]
fn public_corpora_through_every_field() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/shared/");
    let mut strings: Vec<String> = Vec::new();
    for file in ["xss-public.json", "naughty-public.json"] {
        let text = std::fs::read_to_string(format!("{root}{file}")).unwrap();
        strings.extend(serde_json::from_str::<Vec<String>>(&text).unwrap());
    }
    assert!(strings.len() > 200, "{} strings", strings.len());
    let mut cases = 0;
    for s in &strings {
        let native = json!({"version": 1, "items": [{"id": s, "kicker": s, "title": format!("t {s}"), "lead": s, "body": [s],
            "url": s, "source": s, "published": s, "image": {"src": s, "alt": s}}],
            "election": {"title": s, "opens": "2024-03-01T08:00:00Z", "closes": "2024-03-01T18:00:00Z", "cta": {"label": s, "url": s}}});
        let jsonfeed = json!({"version": "https://jsonfeed.org/version/1.1", "items": [{"id": s, "title": format!("t {s}"), "summary": s,
            "content_html": s, "url": s, "image": s}]});
        let wordpress = json!([{"id": 1, "link": s, "date_gmt": s, "title": {"rendered": format!("t {s}")}, "excerpt": {"rendered": s}, "content": {"rendered": s}}]);
        let article = json!({"@type": "NewsArticle", "headline": format!("t {s}"), "description": s, "articleBody": s, "url": s, "image": s});
        let graph = json!({"@graph": [{"@type": "Article", "@id": s, "headline": format!("t {s}"), "image": {"@id": s}, "thumbnailUrl": s,
            "mainEntityOfPage": {"@id": s}, "publisher": {"@id": s}, "datePublished": s}, {"@id": s, "url": s, "name": s, "contentUrl": s}]});
        for doc in [native, jsonfeed, wordpress, article, graph] {
            let parsed = read(&JsonText(&doc.to_string()), None, None, &ctx()).unwrap();
            cases += 1;
            for item in &parsed.bulletin.items {
                for url in item.url.iter().chain(item.image.as_ref().map(|i| &i.src)) {
                    let lower = url.to_ascii_lowercase();
                    assert!(
                        lower.starts_with("http://") || lower.starts_with("https://"),
                        "{s:?} gave link {url:?}"
                    );
                }
            }
            for e in &parsed.bulletin.elections {
                if let Some(cta) = &e.cta {
                    let lower = cta.url.to_ascii_lowercase();
                    assert!(
                        lower.starts_with("http") || lower.starts_with("tel:"),
                        "{s:?} gave {}",
                        cta.url
                    );
                }
            }
        }
    }
    assert_eq!(cases, strings.len() * 5);
}
