//! Feeds read the way their publishers meant them: dates in every common shape, JSON-LD
//! references, double-encoded entities, missing identifiers, empty strings, untitled items,
//! and text read by its own script when the feed names no language.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, resolve, JsonText};
use election_widget::feed::dates::{self, Published};
use election_widget::feed::field_map::FieldMap;
use election_widget::feed::{native, read, Context, Format, Parsed, Source};
use election_widget::locale::Dir;
use election_widget::text::html::{decode_entities, decode_references, to_text};
use election_widget::text::script::direction;
use election_widget::time::{format_rfc3339_utc, parse_rfc3339};

fn utc(s: &str) -> String {
    let p = dates::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    assert!(!p.date_only, "{s}");
    format_rfc3339_utc(p.at)
}

fn day(s: &str) -> (String, bool) {
    let p: Published = dates::parse(s).unwrap_or_else(|e| panic!("{s}: {e}"));
    assert!(p.date_only, "{s}");
    (format_rfc3339_utc(p.at)[..10].to_owned(), p.zone_missing)
}

#[test]
fn publication_dates_in_every_shape_publishers_use() {
    assert_eq!(utc("2024-03-01T08:00:00+03:30"), "2024-03-01T04:30:00Z");
    assert_eq!(
        utc("2024-03-01T08:00:00+0330"),
        "2024-03-01T04:30:00Z",
        "no colon"
    );
    assert_eq!(
        utc("2024-03-01T08:00:00+03"),
        "2024-03-01T05:00:00Z",
        "hours only"
    );
    assert_eq!(
        utc("2024-03-01T08:00:00.123456789Z"),
        "2024-03-01T08:00:00Z"
    );
    assert_eq!(
        utc("2020-06-03T03:01+0400"),
        "2020-06-02T23:01:00Z",
        "no seconds"
    );
    assert_eq!(utc("2020-06-07T15:06Z"), "2020-06-07T15:06:00Z");
    assert_eq!(
        utc("2019-11-20 13:42:06+08:00"),
        "2019-11-20T05:42:06Z",
        "space for T"
    );
    assert_eq!(utc("2024-03-01t08:00:00z"), "2024-03-01T08:00:00Z");
    assert_eq!(utc("2020-05-06T14:10:05+0000"), "2020-05-06T14:10:05Z");
    assert_eq!(
        utc("Fri, 31 May 2019 12:17:58 -0700"),
        "2019-05-31T19:17:58Z"
    );
    assert_eq!(
        utc("31 May 2019 12:17 GMT"),
        "2019-05-31T12:17:00Z",
        "no day name, no seconds"
    );
    assert_eq!(utc("Tue, 06 Feb 2018 06:34:12 EST"), "2018-02-06T11:34:12Z");
    assert_eq!(
        utc("Sat, 1 Mar 24 08:00:00 +0330"),
        "2024-03-01T04:30:00Z",
        "two-digit year"
    );
    assert_eq!(
        utc("Mon, 01 Jan 1990 00:00:00 +0000"),
        "1990-01-01T00:00:00Z"
    );
    // a schema.org Date: the day alone, nothing to warn about
    assert_eq!(day("2024-06-25"), ("2024-06-25".into(), false));
    // a time without a zone: the day alone, and a warning
    assert_eq!(day("2018-01-06T08:00"), ("2018-01-06".into(), true));
    assert_eq!(day("2021-11-19 10:27"), ("2021-11-19".into(), true));
    assert_eq!(
        day("2017-11-03 03:01:00.000000"),
        ("2017-11-03".into(), true)
    );
    assert_eq!(
        day("Fri, 31 May 2019 12:17:58"),
        ("2019-05-31".into(), true)
    );
    for bad in [
        "",
        "yesterday",
        "2024-02-30",
        "2024-13-01T00:00:00Z",
        "2024-03-01T24:00:00Z",
        "2024-03-01T08:00:00+2400",
        "2024-03-01T08:00:00 CET",
        "20200316T13:00:00Z",
        "Tue Jan 28 15:28:56 CET 2020",
        "Fri, 31 Foo 2019 12:17:58 -0700",
        "Fri, 31 May 2019 12:17:58 -07000",
        "2024-03-01T08",
        "2024-03-01T08:00:00.Z",
        "2024-03-01T08:00:00Zjunk",
    ] {
        assert!(dates::parse(bad).is_err(), "{bad:?} should not be read");
    }
}

#[test]
fn the_election_and_generated_stay_strict() {
    for lenient in [
        "2024-03-01T08:00:00+0330",
        "2024-03-01",
        "Fri, 01 Mar 2024 08:00:00 +0330",
    ] {
        assert!(parse_rfc3339(lenient).is_err(), "{lenient}");
        let doc = format!(
            r#"{{"version":1,"generated":"{lenient}","items":[],
            "election":{{"title":"t","opens":"{lenient}","closes":"2024-03-01T18:00:00+03:30"}}}}"#
        );
        let p = native::parse(&JsonText(&doc).tree().unwrap(), &ctx()).unwrap();
        assert_eq!(p.bulletin.generated, None, "{lenient}");
        assert!(p.bulletin.elections.is_empty(), "{lenient}");
        assert!(p.warnings.iter().any(|w| w.starts_with("generated:")));
    }
    // WordPress date_gmt is UTC, whatever it looks like
    let wp = r#"[{"id":1,"link":"https://a.example/1","date_gmt":"2024-03-01T08:00:00","title":{"rendered":"t"},"content":{"rendered":""}}]"#;
    let p = read(&JsonText(wp), None, None, &ctx()).unwrap();
    assert_eq!(
        format_rfc3339_utc(p.bulletin.items[0].published.unwrap()),
        "2024-03-01T08:00:00Z"
    );
    assert!(!p.bulletin.items[0].date_only);
}

#[test]
fn wordpress_local_date_without_offset_is_a_day() {
    let wp = r#"[{"id":1,"link":"https://a.example/1","date":"2024-03-01T23:30:00","title":{"rendered":"t"},"content":{"rendered":""}}]"#;
    let p = read(&JsonText(wp), None, None, &ctx()).unwrap();
    let item = &p.bulletin.items[0];
    assert!(item.date_only);
    assert_eq!(
        format_rfc3339_utc(item.published.unwrap()),
        "2024-03-01T00:00:00Z"
    );
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);
}

#[test]
fn zoneless_dates_warn_once_per_bulletin() {
    let feed = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
        {"id":"1","title":"a","date_published":"2024-03-01T08:00"},
        {"id":"2","title":"b","date_published":"2024-03-02T08:00"},
        {"id":"3","title":"c","date_published":"2024-03-03"}]}"#;
    let p = read(&JsonText(feed), None, None, &ctx()).unwrap();
    assert_eq!(
        p.warnings,
        vec!["items[0].date_published: a date and time without a time zone; shown as a date only (and 1 more)".to_owned()]
    );
    assert!(p.bulletin.items.iter().all(|i| i.date_only));
}

#[test]
fn text_direction_is_decided_by_the_whole_text() {
    assert_eq!(
        direction("FATF در دستور کار مجمع"),
        Some(Dir::Rtl),
        "opens with Latin, still Persian"
    );
    assert_eq!(
        direction("Why did 3 of 5 voters stay home?"),
        Some(Dir::Ltr)
    );
    assert_eq!(
        direction("ایرانی Persia"),
        Some(Dir::Rtl),
        "ties go right to left"
    );
    assert_eq!(direction("خبر دوم about the iPhone"), Some(Dir::Ltr));
    assert_eq!(
        direction("ثبت‌نام در https://www.example.com/register/english-words-here"),
        Some(Dir::Rtl),
        "URLs do not count"
    );
    assert_eq!(
        direction("تماس: press.office@election.example.org"),
        Some(Dir::Rtl),
        "nor e-mail addresses"
    );
    assert_eq!(direction("www.example.com"), None);
    assert_eq!(
        direction("1402/11/30 — 12:30"),
        None,
        "no letters: the card decides"
    );
    assert_eq!(direction("שלום עולם"), Some(Dir::Rtl));
    assert_eq!(direction("Ελλάδα"), Some(Dir::Ltr));
    assert_eq!(direction(""), None);
}

#[test]
fn character_references_decoded_once_and_only_when_well_formed() {
    assert_eq!(
        decode_references("&amp;lt;script&amp;gt;"),
        "&lt;script&gt;",
        "one pass"
    );
    assert_eq!(
        decode_references("Tom &amp; Jerry&#8217;s &#039;x&#039; &mdash; &hellip;"),
        "Tom & Jerry’s 'x' — …"
    );
    assert_eq!(
        decode_references("&eacute;t&eacute; &Omega; &rarr; &euro; &apos; &#x1F600;"),
        "été Ω → € ' 😀"
    );
    assert_eq!(
        decode_references("?a=1&copy=2&reg;"),
        "?a=1&copy=2®",
        "no `;`, no reference"
    );
    assert_eq!(
        decode_references("&notaname; &#xZZ; & &;"),
        "&notaname; &#xZZ; & &;"
    );
    assert_eq!(decode_references("&#0; &#xD800;"), "\u{FFFD} \u{FFFD}");
    // in HTML, as a browser: the Latin-1 names and numbers even without `;`
    assert_eq!(
        decode_entities("&copy 2024 &#8217 &hellip"),
        "© 2024 ’ &hellip"
    );
    assert_eq!(to_text("<p>R&amp;D &mdash; &lang;x&rang;</p>"), "R&D — ⟨x⟩");
}

fn jsonfeed(items: &str) -> String {
    format!(
        r#"{{"version":"https://jsonfeed.org/version/1","title":"Blog &#8211; News","items":[{items}]}}"#
    )
}

#[test]
fn json_feed_plain_fields_are_decoded_html_is_html() {
    let doc = jsonfeed(
        r#"{"id":"1","title":"Q&amp;A: &#8220;vote&#8221;","summary":"it&#039;s &amp;lt;b&amp;gt;","content_text":"a &amp; b"},
           {"id":"2","title":"t","content_html":"<p>&amp;lt;b&amp;gt;</p>"}"#,
    );
    let p = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    let [a, b] = &p.bulletin.items[..] else {
        panic!()
    };
    assert_eq!(a.title, "Q&A: “vote”");
    assert_eq!(
        a.lead.as_deref(),
        Some("it's &lt;b&gt;"),
        "decoded once: still text, never markup"
    );
    assert_eq!(a.body, vec!["a & b"]);
    assert_eq!(b.body, vec!["&lt;b&gt;"], "HTML decoded once, as HTML");
    assert_eq!(
        a.source.as_deref(),
        Some("Blog – News"),
        "the feed's title, decoded"
    );
}

#[test]
fn json_feed_1_0_author_and_1_1_authors() {
    let doc = r#"{"version":"https://jsonfeed.org/version/1","author":{"name":"Desk"},"items":[
        {"id":"1","title":"a","author":{"name":"Reza"}},
        {"id":"2","title":"b","authors":[{"name":"Sara"},{"name":"Ali"}],"author":{"name":"old"}},
        {"id":"3","title":"c"}]}"#;
    let p = read(&JsonText(doc), None, None, &ctx()).unwrap();
    let sources: Vec<_> = p
        .bulletin
        .items
        .iter()
        .map(|i| i.source.clone().unwrap())
        .collect();
    assert_eq!(sources, ["Reza", "Sara, Ali", "Desk"]);
}

#[test]
fn missing_ids_are_not_fatal_in_feed_formats() {
    let doc = jsonfeed(
        r#"{"title":"a","url":"https://a.example/1"},{"title":"b"},{"id":"","title":"c"}"#,
    );
    let p = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    let ids: Vec<_> = p.bulletin.items.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, ["https://a.example/1", "1", "2"]);
    let wp = r#"[{"link":"https://a.example/p","title":{"rendered":"a"},"excerpt":{"rendered":""}},{"title":{"rendered":"b"},"date_gmt":"2024-01-01T00:00:00"}]"#;
    let ids: Vec<_> = read(&JsonText(wp), None, None, &ctx())
        .unwrap()
        .bulletin
        .items
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, ["https://a.example/p", "1"]);
    let ld = r#"[{"@type":"NewsArticle","headline":"a","url":"https://a.example/n"},{"@type":"Article","headline":"b"}]"#;
    let ids: Vec<_> = read(&JsonText(ld), None, None, &ctx())
        .unwrap()
        .bulletin
        .items
        .into_iter()
        .map(|i| i.id)
        .collect();
    assert_eq!(ids, ["https://a.example/n", "1"]);
    // the native format keeps its rules
    let err = read(
        &JsonText(r#"{"version":1,"items":[{"title":"a"}]}"#),
        None,
        None,
        &ctx(),
    )
    .unwrap_err();
    assert_eq!(err.to_string(), "items[0]: missing field `id`");
}

#[test]
fn empty_strings_count_as_absent_without_a_warning() {
    let doc = jsonfeed(
        r#"{"id":"1","title":"a","url":"","external_url":"https://a.example/x","image":"","summary":" ",
            "content_text":"","content_html":"<p>body</p>","date_published":"","authors":[{"name":""}]}"#,
    );
    let p = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    let a = &p.bulletin.items[0];
    assert_eq!(a.url.as_deref(), Some("https://a.example/x"));
    assert_eq!(
        (a.image.is_none(), a.lead.is_none(), a.published.is_none()),
        (true, true, true)
    );
    assert_eq!(a.body, vec!["body"]);
    assert_eq!(a.source.as_deref(), Some("Blog – News"));
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn untitled_items_are_skipped_and_a_list_of_only_those_is_not_a_bulletin() {
    let doc =
        jsonfeed(r#"{"id":"1","content_text":"x"},{"id":"2","title":"b"},{"id":"3","title":"  "}"#);
    let p = read(&JsonText(&doc), None, None, &ctx()).unwrap();
    assert_eq!(p.bulletin.items.len(), 1);
    assert_eq!(
        p.warnings,
        vec![
            "items[0]: an item without a title was skipped".to_owned(),
            "items[2]: an item without a title was skipped".to_owned()
        ]
    );
    let doc = jsonfeed(r#"{"id":"1","content_text":"x"},{"id":"2","title":""}"#);
    let err = read(&JsonText(&doc), None, None, &ctx()).unwrap_err();
    assert_eq!(err.to_string(), "none of the 2 items has a title");
    // an empty list is still a bulletin, with nothing to show yet
    assert!(read(&JsonText(&jsonfeed("")), None, None, &ctx())
        .unwrap()
        .bulletin
        .items
        .is_empty());
    assert!(read(
        &JsonText(r#"[{"@type":"WebPage","name":"x"}]"#),
        None,
        None,
        &ctx()
    )
    .is_err());
}

fn ld(json: &str) -> Parsed {
    read(&JsonText(json), Some(Format::NewsArticle), None, &ctx()).unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn json_ld_references_are_resolved_one_level_deep_and_cycles_are_harmless() {
    let p = ld(r##"{"@context":"https://schema.org","@graph":[
        {"@type":"Organization","@id":"#org","name":"ستاد","publisher":{"@id":"#article"},"logo":{"@id":"#org"}},
        {"@type":"OpinionNewsArticle","@id":"#article","headline":"h","publisher":{"@id":"#org"},
         "author":{"@id":"#person"},"image":{"@id":"#missing"},"thumbnailUrl":"/thumb.jpg",
         "mainEntityOfPage":{"@id":"#page"}},
        {"@type":"WebPage","@id":"#page","url":"https://a.example/page","description":"از صفحه","mainEntity":{"@id":"#article"}},
        {"@type":"Person","@id":"#person","name":"Someone","author":{"@id":"#person"}}]}"##);
    let a = &p.bulletin.items[0];
    assert_eq!(
        a.source.as_deref(),
        Some("ستاد"),
        "publisher, by reference, before author"
    );
    assert_eq!(a.url.as_deref(), Some("https://a.example/page"));
    assert_eq!(a.lead.as_deref(), Some("از صفحه"), "the page's description");
    assert_eq!(
        a.image.as_ref().map(|i| i.src.as_str()),
        Some("https://news.example/thumb.jpg"),
        "an unresolved image reference falls back to thumbnailUrl"
    );
    // a reference to a node that refers back: read once, not followed again
    let p = ld(
        r##"{"@graph":[{"@type":"BlogPosting","@id":"#a","headline":"x","author":{"@id":"#b"}},
        {"@id":"#b","author":{"@id":"#a"}}]}"##,
    );
    assert_eq!(p.bulletin.items[0].source, None);
}

#[test]
fn json_ld_images_in_every_shape() {
    let image = |v: &str| {
        let p = ld(&format!(
            r#"{{"@type":"NewsArticle","headline":"h","image":{v}}}"#
        ));
        p.bulletin.items[0]
            .image
            .as_ref()
            .map(|i| (i.src.clone(), i.width))
    };
    let src = |s: &str| Some((format!("https://a.example/{s}"), None));
    assert_eq!(image(r#""https://a.example/1.jpg""#), src("1.jpg"));
    assert_eq!(
        image(r#"["https://a.example/1.jpg","https://a.example/2.jpg"]"#),
        src("1.jpg")
    );
    assert_eq!(
        image(r#"{"@list":["https://a.example/1.jpg"]}"#),
        src("1.jpg")
    );
    assert_eq!(
        image(r#"{"@type":"ImageObject","contentUrl":"https://a.example/c.jpg","width":"640"}"#),
        Some(("https://a.example/c.jpg".into(), Some(640)))
    );
    assert_eq!(
        image(r#"[{"@type":"ImageObject"},{"url":"https://a.example/2.jpg"}]"#),
        src("2.jpg")
    );
    assert_eq!(
        image(r#"{"@value":"https://a.example/v.jpg"}"#),
        src("v.jpg")
    );
    assert_eq!(image("null"), None);
}

#[test]
fn any_article_type_is_read() {
    for t in [
        "NewsArticle",
        "Article",
        "ReportageNewsArticle",
        "OpinionNewsArticle",
        "BlogPosting",
        "LiveBlogPosting",
        "ScholarlyArticle",
        "https://schema.org/AnalysisNewsArticle",
        "schema:Article",
    ] {
        let p = ld(&format!(
            r#"[{{"@type":"WebSite","name":"site"}},{{"@type":["CreativeWork","{t}"],"headline":"h"}}]"#
        ));
        assert_eq!(p.bulletin.items.len(), 1, "{t}");
    }
}

#[test]
fn field_map_decodes_links_before_the_link_policy() {
    let map = FieldMap::from_tree(
        &JsonText(
            r#"{"items":"","title":"/t","url":"/u","image":"/i","source":"/s","published":"/d"}"#,
        )
        .tree()
        .unwrap(),
    )
    .unwrap();
    let doc = r#"[{"t":"Q&amp;A","u":"jav&#x61;script:alert(1)","i":"https://a.example/x?a=1&amp;b=2","s":"","d":"2024-06-25"},
                  {"t":"b","u":"https://a.example/p?x=1&amp;y=2"}]"#;
    let p = read(&JsonText(doc), None, Some(&map), &ctx()).unwrap();
    let [a, b] = &p.bulletin.items[..] else {
        panic!()
    };
    assert_eq!(a.title, "Q&A");
    assert_eq!(
        a.url, None,
        "decoded first, then refused: never a clickable javascript: link"
    );
    assert!(
        p.warnings
            .iter()
            .any(|w| w == "/0/u: not an allowed link (only http and https)"),
        "{:?}",
        p.warnings
    );
    assert_eq!(a.image.as_ref().unwrap().src, "https://a.example/x?a=1&b=2");
    assert_eq!(a.source, None);
    assert!(a.date_only);
    assert_eq!(b.url.as_deref(), Some("https://a.example/p?x=1&y=2"));
    assert_eq!(b.id, "https://a.example/p?x=1&y=2", "no id mapped: the url");
}

#[test]
fn a_feed_that_names_no_language_is_read_by_its_script() {
    let doc = r#"{"version":"https://jsonfeed.org/version/1.1","items":[
        {"id":"1","title":"Windows 95 and $4.5 Billion in 2017 (2.3GHz)"},
        {"id":"2","title":"كتاب ها را مي خوانيم"}]}"#;
    let p = read(&JsonText(doc), None, None, &ctx()).unwrap();
    assert_eq!(p.bulletin.lang, None);
    assert_eq!(
        p.bulletin.items[0].title,
        "Windows 95 and $4.5 Billion in 2017 (2.3GHz)"
    );
    assert_eq!(
        p.bulletin.items[1].title, "کتاب‌ها را می‌خوانیم",
        "Persian by its script: normalised"
    );
    // the page's data-lang names the language of feeds that name none
    let en = Context {
        resolve: &resolve,
        normalize: true,
        default_lang: Some("en"),
    };
    let p = read(&JsonText(doc), None, None, &en).unwrap();
    assert_eq!(p.bulletin.lang.as_deref(), Some("en"));
    assert_eq!(
        p.bulletin.items[1].title, "كتاب ها را مي خوانيم",
        "declared English: left as written"
    );
}

#[test]
fn references_in_a_large_graph_resolve_in_any_order() {
    // articles and the publishers they refer to, in scrambled order, some @ids shared; a
    // graph is a list, read up to its first MAX_LIST nodes (issue 13: bounded work)
    use election_widget::feed::tree::MAX_LIST;
    let mut nodes = Vec::new();
    for i in (0..3000).rev() {
        if i % 3 == 0 {
            nodes.push(format!(r##"{{"@type":"Thing","@id":"#p{}"}}"##, i % 7));
        }
        nodes.push(format!(
            r##"{{"@type":"NewsArticle","@id":"#a{i}","headline":"h{i}","publisher":{{"@id":"#p{}"}}}}"##,
            i % 7
        ));
        if i % 3 == 0 {
            nodes.push(format!(
                r##"{{"@type":"Organization","@id":"#p{}","name":"org {}"}}"##,
                i % 7,
                i % 7
            ));
        }
    }
    let doc = format!(r#"{{"@graph":[{}]}}"#, nodes.join(","));
    let p = ld(&doc);
    let articles = nodes[..MAX_LIST]
        .iter()
        .filter(|n| n.contains("NewsArticle"))
        .count();
    assert_eq!(p.bulletin.items.len(), articles);
    assert!(
        p.warnings
            .iter()
            .any(|w| w.starts_with("@graph: a list of ")),
        "{:?}",
        p.warnings
    );
    for item in &p.bulletin.items {
        let i: usize = item.title[1..].parse().unwrap();
        assert_eq!(
            item.source.as_deref(),
            Some(format!("org {}", i % 7).as_str()),
            "{}",
            item.title
        );
    }
}
