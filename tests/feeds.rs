//! Every feed format the widget reads without conversion, detection, and the field map.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, fixture, JsonText};
use election_widget::feed::field_map::FieldMap;
use election_widget::feed::tree::{Tree, MAX_DEPTH};
use election_widget::feed::{read, Format, Parsed, Probe, Source};
use election_widget::time::parse_rfc3339;

fn auto(name: &str) -> Parsed {
    let text = fixture(&format!("feeds/{name}"));
    read(&JsonText(&text), None, None, &ctx()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

const TITLE_START: &str = "انسجام\u{200c}بخشی روابط عمومی\u{200c}های ادارات";

#[test]
fn detects_each_format_from_its_shape() {
    let probe =
        |json: &str| election_widget::feed::detect(&Probe::of(&JsonText(json).tree().unwrap()));
    assert_eq!(
        probe(&fixture("feeds/jsonfeed.json")),
        Some(Format::JsonFeed)
    );
    assert_eq!(
        probe(&fixture("feeds/wordpress.json")),
        Some(Format::WordPress)
    );
    assert_eq!(
        probe(&fixture("feeds/wordpress-embed.json")),
        Some(Format::WordPress)
    );
    assert_eq!(
        probe(&fixture("feeds/newsarticle.json")),
        Some(Format::NewsArticle)
    );
    assert_eq!(
        probe(&fixture("feeds/newsarticle-array.json")),
        Some(Format::NewsArticle)
    );
    assert_eq!(
        probe(&fixture("feeds/newsarticle-graph.json")),
        Some(Format::NewsArticle)
    );
    assert_eq!(
        probe(&std::fs::read_to_string("src/assets/bulletin.fa.json").unwrap()),
        Some(Format::Native)
    );
    assert_eq!(probe(&fixture("feeds/custom.json")), None);
    assert_eq!(probe("[]"), None);
    assert_eq!(probe("[1,2]"), None);
}

#[test]
fn unknown_shapes_are_a_clear_error() {
    let err = read(&JsonText(&fixture("feeds/custom.json")), None, None, &ctx()).unwrap_err();
    assert!(err.message.starts_with("unrecognised format"), "{err}");
    assert!(read(&JsonText("\"text\""), None, None, &ctx()).is_err());
}

#[test]
fn json_feed() {
    let p = auto("jsonfeed.json");
    assert_eq!(p.format, Format::JsonFeed);
    let first = &p.bulletin.items[0];
    assert!(first.title.starts_with(TITLE_START));
    assert_eq!(
        first.body.len(),
        2,
        "content_html paragraphs, script dropped: {:?}",
        first.body
    );
    assert!(
        first.body[1].ends_with("& پایان"),
        "entities decoded, tags dropped: {:?}",
        first.body
    );
    assert!(!first.body.concat().contains("alert"));
    assert_eq!(first.source.as_deref(), Some("کمیته اطلاع\u{200c}رسانی"));
    assert_eq!(
        first.image.as_ref().map(|i| i.src.as_str()),
        Some("https://news.example/img/1.jpg")
    );
    assert_eq!(
        first.published,
        Some(parse_rfc3339("2024-01-20T07:00:00Z").unwrap())
    );
    let second = &p.bulletin.items[1];
    assert_eq!(
        second.url.as_deref(),
        Some("https://news.example/feeds/news/2"),
        "relative to the endpoint"
    );
    assert_eq!(second.body, vec!["متن خبر دوم."]);
}

#[test]
fn wordpress_with_and_without_embed() {
    let plain = auto("wordpress.json");
    assert_eq!(plain.format, Format::WordPress);
    let post = &plain.bulletin.items[0];
    assert_eq!(post.id, "101");
    assert!(
        post.title.contains("ادارات– نقش"),
        "rendered title's entities decoded: {}",
        post.title
    );
    assert_eq!(
        post.published,
        Some(parse_rfc3339("2024-01-20T07:00:00Z").unwrap()),
        "date_gmt is UTC"
    );
    assert_eq!(post.body.len(), 2, "style content dropped: {:?}", post.body);
    assert!(post.lead.as_deref().unwrap().ends_with("[…]"));
    assert_eq!(post.url.as_deref(), Some("https://qods.example/?p=101"));
    assert!(post.image.is_none() && post.source.is_none());
    assert_eq!(plain.bulletin.items[1].title, "خبر «دوم»");

    let embedded = auto("wordpress-embed.json");
    let post = &embedded.bulletin.items[0];
    assert_eq!(post.source.as_deref(), Some("روابط عمومی فرمانداری"));
    let image = post.image.as_ref().unwrap();
    assert_eq!(
        (
            image.src.as_str(),
            image.alt.as_str(),
            image.width,
            image.height
        ),
        (
            "https://qods.example/wp-content/uploads/meeting.jpg",
            "نشست کمیته",
            Some(1200),
            Some(675)
        )
    );
}

#[test]
fn news_article_object_array_and_graph() {
    for name in [
        "newsarticle.json",
        "newsarticle-array.json",
        "newsarticle-graph.json",
    ] {
        let p = auto(name);
        assert_eq!(p.format, Format::NewsArticle, "{name}");
        assert_eq!(p.bulletin.lang.as_deref(), Some("fa-IR"));
        let a = &p.bulletin.items[0];
        assert!(a.title.starts_with(TITLE_START), "{name}");
        assert_eq!(a.kicker.as_deref(), Some("رئیس حوزه انتخابیه قدس؛"));
        assert_eq!(a.body.len(), 2, "{name}: {:?}", a.body);
        assert_eq!(a.url.as_deref(), Some("https://qods.example/news/1"));
        assert_eq!(
            a.source.as_deref(),
            Some("ستاد انتخابات شهرستان قدس"),
            "publisher first"
        );
        assert_eq!(a.image.as_ref().and_then(|i| i.width), Some(1280));
    }
    assert_eq!(auto("newsarticle-array.json").bulletin.items.len(), 2);
    assert_eq!(
        auto("newsarticle-graph.json").bulletin.items.len(),
        1,
        "only the article of the graph"
    );
}

#[test]
fn the_page_may_name_the_format() {
    let text = fixture("feeds/jsonfeed.json");
    let err = read(&JsonText(&text), Some(Format::WordPress), None, &ctx()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "expected a list, found an object",
        "WordPress serves a list of posts"
    );
    assert!(read(&JsonText(&text), Some(Format::JsonFeed), None, &ctx()).is_ok());
}

fn map(json: &str) -> Result<FieldMap, String> {
    FieldMap::from_tree(&JsonText(json).tree().unwrap())
}

#[test]
fn field_map_reads_anything_else() {
    let fields = map(
        r#"{"items":"/data/posts","id":"/uid","title":"/headline","lead":"/summary",
        "body":{"pointer":"/html","html":true},"url":"/link","published":"/when","image":"/pic/src",
        "image_alt":"/pic/alt","source":"/desk"}"#,
    )
    .unwrap();
    let text = fixture("feeds/custom.json");
    let p = read(&JsonText(&text), None, Some(&fields), &ctx()).unwrap();
    assert_eq!(p.format, Format::FieldMap);
    let a = &p.bulletin.items[0];
    assert_eq!(a.id, "7");
    assert!(a.title.starts_with(TITLE_START));
    assert_eq!(a.body.len(), 2, "html field read as HTML: {:?}", a.body);
    assert_eq!(a.url.as_deref(), Some("https://news.example/n/7"));
    assert_eq!(a.image.as_ref().map(|i| i.alt.as_str()), Some("عکس"));
    assert_eq!(a.source.as_deref(), Some("واحد خبر"));
    assert!(
        p.warnings
            .iter()
            .any(|w| w.starts_with("/data/posts/1/when:")),
        "{:?}",
        p.warnings
    );

    // a field not marked as HTML shows markup literally
    let literal = map(r#"{"items":"/data/posts","title":"/headline","body":"/html"}"#).unwrap();
    let p = read(&JsonText(&text), None, Some(&literal), &ctx()).unwrap();
    assert!(p.bulletin.items[0].body[0].starts_with("<p>"));
}

#[test]
fn field_map_errors_name_the_key() {
    assert!(map(r#"{"items":"/x"}"#).unwrap_err().contains("\"title\""));
    assert!(map(r#"{"title":"headline"}"#)
        .unwrap_err()
        .starts_with("data-fields.title"));
    assert!(map(r#"{"title":"/h","colour":"/c"}"#)
        .unwrap_err()
        .starts_with("data-fields.colour: unknown field"));
    assert!(map(r#"["/h"]"#).is_err());
    let ok = map(r#"{"items":"/nope","title":"/h"}"#).unwrap();
    let err = read(&JsonText("{}"), None, Some(&ok), &ctx()).unwrap_err();
    assert_eq!(err.path, "/nope");
}

#[test]
fn json_pointer_follows_rfc_6901() {
    let doc: Tree = JsonText(r#"{"a/b":{"m~n":[10,{"x":"y"}]},"":1}"#)
        .tree()
        .unwrap();
    assert_eq!(
        doc.pointer("/a~1b/m~0n/1/x"),
        Some(&Tree::String("y".into()))
    );
    assert_eq!(doc.pointer("/a~1b/m~0n/0"), Some(&Tree::Number(10.0)));
    assert_eq!(doc.pointer("/"), Some(&Tree::Number(1.0)));
    assert_eq!(doc.pointer(""), Some(&doc));
    assert_eq!(doc.pointer("/a~1b/m~0n/01"), None, "no leading zeros");
    assert_eq!(doc.pointer("/a~1b/m~0n/-"), None);
    assert_eq!(doc.pointer("a"), None);
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
    let mut de = serde_json::Deserializer::from_str(&deep);
    let err = serde::Deserialize::deserialize(&mut de)
        .map(|_: Tree| ())
        .unwrap_err();
    assert!(err.to_string().contains("nested more than"), "{err}");
    let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
    assert!(JsonText(&ok).tree().is_ok());
}

#[test]
fn numbers_are_written_without_float_formatting() {
    use election_widget::feed::tree::number_text;
    assert_eq!(number_text(42.0), "42");
    assert_eq!(number_text(-7.0), "-7");
    assert_eq!(number_text(42.57), "42.57");
    assert_eq!(number_text(0.125), "0.125");
    assert_eq!(number_text(-1.5), "-1.5");
    assert_eq!(number_text(1e20), "1e20");
    assert_eq!(number_text(-2.5e300), "-2.5e300");
    assert_eq!(number_text(123_456_789_012.0), "123456789012");
    assert_eq!(number_text(f64::NAN), "");
}
