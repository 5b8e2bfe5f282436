//! The corpus of real documents (`tests/fixtures/real/`, origins in its SOURCES.md): each one
//! read as the widget reads it, and every field a reader sees (title, lead, date, image,
//! source, link) checked against what the document holds.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::{ctx, fixture, JsonText};
use election_widget::feed::{read, Format, Parsed};
use election_widget::model::Item;
use election_widget::time::{format_rfc3339_utc, parse_rfc3339};
use serde_json::Value;

fn real(name: &str) -> (Parsed, Value) {
    let text = fixture(&format!("real/{name}"));
    let parsed =
        read(&JsonText(&text), None, None, &ctx()).unwrap_or_else(|e| panic!("{name}: {e}"));
    (parsed, serde_json::from_str(&text).unwrap())
}

/// What a reader sees of one item, as the document holds it.
struct Seen<'a> {
    title: &'a str,
    /// The lead's beginning, or None when the card shows none.
    lead: Option<&'a str>,
    /// The UTC instant, or the calendar day alone (`2020-03-23`) for a date shown without a time.
    date: Option<&'a str>,
    image: Option<&'a str>,
    source: Option<&'a str>,
    link: Option<&'a str>,
}

fn check(name: &str, item: &Item, want: Seen) {
    assert_eq!(item.title, want.title, "{name}: title");
    match (want.lead, &item.lead) {
        (None, None) => {}
        (Some(start), Some(lead)) => assert!(lead.starts_with(start), "{name}: lead {lead:?}"),
        (w, got) => panic!("{name}: lead {got:?}, expected {w:?}"),
    }
    let date = item.published.map(|t| {
        let full = format_rfc3339_utc(t);
        if item.date_only {
            full[..10].to_owned()
        } else {
            full
        }
    });
    assert_eq!(date.as_deref(), want.date, "{name}: date");
    assert_eq!(
        item.image.as_ref().map(|i| i.src.as_str()),
        want.image,
        "{name}: image"
    );
    assert_eq!(item.source.as_deref(), want.source, "{name}: source");
    assert_eq!(item.url.as_deref(), want.link, "{name}: link");
}

fn s<'a>(v: &'a Value, pointer: &str) -> &'a str {
    v.pointer(pointer)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("no string at {pointer}"))
}

#[test]
fn json_feed_1_0_daring_fireball() {
    let (p, doc) = real("jsonfeed-1.0-daringfireball.json");
    assert_eq!(p.format, Format::JsonFeed);
    assert_eq!(p.bulletin.items.len(), 2);
    let [first, second] = &p.bulletin.items[..] else {
        unreachable!()
    };
    check(
        "daringfireball",
        first,
        Seen {
            title: s(&doc, "/items/0/title"),
            lead: None,
            date: Some("2020-01-24T23:46:57Z"),
            image: None,
            source: Some(s(&doc, "/author/name")),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert!(first.body[0].starts_with("Good summary from The New York Times."));
    // a Latin title with a number: not Persian, so its digits stay as written
    assert_eq!(second.title, "Instagram for Windows 95");
    assert_eq!(p.bulletin.lang, None, "the feed names no language");
}

#[test]
fn json_feed_1_1_with_rfc_2822_dates_and_no_ids() {
    let (p, doc) = real("jsonfeed-1.1-influxdata.json");
    assert_eq!(p.bulletin.lang.as_deref(), Some("en-US"));
    assert_eq!(
        p.bulletin.items.len(),
        3,
        "items without `id` are not fatal"
    );
    let first = &p.bulletin.items[0];
    check(
        "influxdata",
        first,
        Seen {
            title: "InfluxDB vs. Graphite for Time Series Data & Metrics Benchmark",
            lead: None,
            // Fri, 31 May 2019 12:17:58 -0700
            date: Some("2019-05-31T19:17:58Z"),
            image: None,
            source: Some("Chris Churilo, Fake Author 1"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert_eq!(
        first.id,
        s(&doc, "/items/0/url"),
        "an item without id takes its url"
    );
    assert!(first.body[0].starts_with("This blog post has been updated on September 10, 2020"));
    assert_eq!(
        format_rfc3339_utc(p.bulletin.items[1].published.unwrap()),
        "2018-02-06T13:34:12Z"
    );
    // JSON Feed 1.0's `author`, where the item has no 1.1 `authors`
    assert_eq!(p.bulletin.items[1].source.as_deref(), Some("Chris Churilo"));
    // neither: the feed's authors
    assert_eq!(
        p.bulletin.items[2].source.as_deref(),
        Some("Fake Author 3, Fake Author 4")
    );
    assert_eq!(p.bulletin.items[2].id, s(&doc, "/items/2/url"));
}

#[test]
fn json_feed_1_0_with_offsets_and_without_summaries() {
    let (p, doc) = real("jsonfeed-1.0-inessential.json");
    assert_eq!(p.bulletin.items.len(), 20);
    check(
        "inessential",
        &p.bulletin.items[0],
        Seen {
            title: "James Dempsey and the Breakpoints Benefit App Camp for Girls",
            lead: None,
            // 2017-06-02T22:05:47-07:00
            date: Some("2017-06-03T05:05:47Z"),
            image: None,
            source: Some("Brent Simmons"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert_eq!(p.bulletin.items[1].title, "Evergreen Diary #1: Open Source");
    for (i, item) in p.bulletin.items.iter().enumerate() {
        assert_eq!(
            item.url.as_deref(),
            Some(s(&doc, &format!("/items/{i}/url")))
        );
        assert_eq!(item.title, s(&doc, &format!("/items/{i}/title")));
    }
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn json_feed_dates_without_a_zone_show_the_day_and_warn_once() {
    let (p, doc) = real("jsonfeed-1.0-curtclifton.json");
    assert_eq!(p.bulletin.items.len(), 26);
    check(
        "curtclifton",
        &p.bulletin.items[0],
        Seen {
            title: "Twitter Quitter",
            lead: None,
            // 2018-01-06T08:00: a time in an unknown zone, so the day alone
            date: Some("2018-01-06"),
            image: None,
            source: Some(s(&doc, "/author/name")),
            link: Some("http://www.curtclifton.net/twitter-quitter"),
        },
    );
    assert!(p.bulletin.items.iter().all(|i| i.date_only));
    assert_eq!(
        p.warnings,
        vec![
            "items[0].date_published: a date and time without a time zone; shown as a date only (and 25 more)"
                .to_owned()
        ]
    );
}

#[test]
fn json_feed_latin_numbers_stay_as_written() {
    let (p, doc) = real("jsonfeed-1.0-pxlnv.json");
    check(
        "pxlnv",
        &p.bulletin.items[0],
        Seen {
            title: "Uber Lost $4.5 Billion in 2017",
            lead: None,
            date: Some("2018-02-13T23:23:12Z"),
            image: None,
            source: Some("Nick Heer"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert_eq!(p.bulletin.items.len(), 20);
}

#[test]
fn json_feed_titles_escaped_twice_are_decoded_once() {
    let (p, doc) = real("jsonfeed-1.0-rosemaryorchard.json");
    assert_eq!(p.bulletin.items.len(), 84);
    assert_eq!(
        s(&doc, "/items/0/title"),
        "Workflow: Add Task &amp; Sub Tasks To OmniFocus"
    );
    check(
        "rosemaryorchard",
        &p.bulletin.items[0],
        Seen {
            title: "Workflow: Add Task & Sub Tasks To OmniFocus",
            lead: None,
            // 2018-08-24T07:00:00+02:00
            date: Some("2018-08-24T05:00:00Z"),
            image: None,
            source: Some("Rosemary Orchard"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert!(p.bulletin.items[0].body[0].starts_with("One thing I frequently do in OmniFocus"));
    assert!(p.bulletin.items.iter().all(|i| !i.title.contains("&amp;")));
}

#[test]
fn json_feed_1_1_in_german_with_empty_summaries() {
    let (p, doc) = real("jsonfeed-1.1-3960.json");
    assert_eq!(p.bulletin.lang.as_deref(), Some("de-DE"));
    check(
        "3960",
        &p.bulletin.items[0],
        Seen {
            title: "Lecker, lecker",
            lead: Some("Da ist es zwar nicht ganz billig, dafür schmeckt's aber auch nicht."),
            date: Some("2020-02-21T17:08:06Z"),
            image: Some(s(&doc, "/items/0/image")),
            source: Some("Frank Boës"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    let migrants = &p.bulletin.items[2];
    assert_eq!(migrants.title, "Migrants");
    assert_eq!(s(&doc, "/items/2/summary"), "");
    assert_eq!(migrants.lead, None, "an empty string is absent");
    assert!(p.warnings.is_empty(), "and says nothing: {:?}", p.warnings);
}

#[test]
fn json_feed_1_0_with_summaries() {
    let (p, doc) = real("jsonfeed-1.0-allthis.json");
    check(
        "allthis",
        &p.bulletin.items[0],
        Seen {
            title: "Last thoughts on modifier keys",
            lead: Some("The first shall be last."),
            date: Some("2017-11-23T21:08:29Z"),
            image: None,
            source: Some("Dr. Drang"),
            link: Some(s(&doc, "/items/0/url")),
        },
    );
    assert_eq!(p.bulletin.items.len(), 12);
}

#[test]
fn wordpress_with_embed() {
    let (p, doc) = real("wordpress-embed-worona.json");
    assert_eq!(p.format, Format::WordPress);
    assert_eq!(p.bulletin.items.len(), 5);
    check(
        "worona",
        &p.bulletin.items[0],
        Seen {
            title: "Shinjuku Gyoen National Garden",
            lead: Some("Shinjuku Gyoen National Garden (新宿御苑 Shinjuku Gyoen) is a large park"),
            // date_gmt 2016-10-25T18:25:24, UTC
            date: Some("2016-10-25T18:25:24Z"),
            image: Some(s(&doc, "/0/_embedded/wp:featuredmedia/0/source_url")),
            source: Some(s(&doc, "/0/_embedded/author/0/name")),
            link: Some(s(&doc, "/0/link")),
        },
    );
    let image = p.bulletin.items[0].image.as_ref().unwrap();
    assert_eq!((image.width, image.height), (Some(4173), Some(2782)));
    let banff = &p.bulletin.items[3];
    assert!(
        banff
            .lead
            .as_deref()
            .unwrap()
            .starts_with("Banff National Park is Canada’s oldest"),
        "`&#8217;` in the rendered excerpt: {:?}",
        banff.lead
    );
    assert_eq!(banff.id, "36");
}

#[test]
fn wordpress_without_embed() {
    let (p, doc) = real("wordpress-core-posts.json");
    assert_eq!(p.format, Format::WordPress);
    check(
        "wp core",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/0/title/rendered"),
            lead: Some("REST API Client Fixture: Post"),
            date: Some("2017-02-14T00:00:00Z"),
            image: None,
            source: None,
            link: Some(s(&doc, "/0/link")),
        },
    );
    assert_eq!(p.bulletin.items[0].body, vec!["Updated post content."]);
}

#[test]
fn wordpress_items_without_title_are_skipped_with_a_warning() {
    let (p, doc) = real("wordpress-core-revisions.json");
    assert_eq!(s(&doc, "/0/title/rendered"), "");
    assert_eq!(p.bulletin.items.len(), 1);
    assert_eq!(p.bulletin.items[0].id, "5");
    assert_eq!(p.bulletin.items[0].url, None, "a revision has no link");
    assert_eq!(
        p.warnings,
        vec!["[0]: an item without a title was skipped".to_owned()]
    );
}

#[test]
fn persian_news_article_without_language() {
    let (p, doc) = real("newsarticle-fa-khabaronline.json");
    assert_eq!(p.format, Format::NewsArticle);
    check(
        "khabaronline",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/headline"),
            // the document's «نوشت:اصلاح…», with the space after the colon that Persian
            // punctuation spacing adds (issue 15)
            lead: Some("روزنامه جوان نوشت: اصلاح\u{200c}طلبان رادیکالی"),
            date: Some("2020-02-18T03:25:00Z"),
            image: Some(s(&doc, "/image/0")),
            source: Some(s(&doc, "/publisher/name")),
            link: Some(s(&doc, "/url")),
        },
    );
}

#[test]
fn persian_news_article_with_head_line() {
    let (p, doc) = real("newsarticle-fa-yjc.json");
    check(
        "yjc",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/headLine"),
            lead: None,
            // 2020-05-10T18:59:01+04:30
            date: Some("2020-05-10T14:29:01Z"),
            image: Some(s(&doc, "/image/url")),
            source: Some(s(&doc, "/publisher/name")),
            link: Some(s(&doc, "/mainEntityOfPage/url")),
        },
    );
    let item = &p.bulletin.items[0];
    assert_eq!(item.body, vec![s(&doc, "/articleBody")]);
    assert_eq!(
        item.image.as_ref().unwrap().alt,
        "",
        "a file name is no description"
    );
}

#[test]
fn arabic_news_articles_are_not_rewritten() {
    let (p, doc) = real("newsarticle-ar-albayan.json");
    assert_eq!(p.bulletin.lang.as_deref(), Some("ar"));
    check(
        "albayan",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/headline"),
            lead: Some("ثمّن أحمد ساير داودزي"),
            // 2020-06-03T03:01+0400
            date: Some("2020-06-02T23:01:00Z"),
            // `{"@list": […]}`
            image: Some(s(&doc, "/image/@list/0")),
            source: Some(s(&doc, "/publisher/name")),
            link: Some(s(&doc, "/url")),
        },
    );

    // no language named, but Arabic by its letters: its ي and ك stay
    let (p, doc) = real("newsarticle-ar-alyaum.json");
    assert_eq!(p.bulletin.lang, None);
    check(
        "alyaum",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/headline"),
            lead: Some(s(&doc, "/description")),
            date: Some("2020-11-30T23:00:00Z"),
            image: Some(s(&doc, "/image/url")),
            source: Some("alyaum"),
            // a relative @id, resolved against the endpoint's URL
            link: Some("https://news.example/feeds/6291787"),
        },
    );
    assert!(p.bulletin.items[0].title.contains("الإيرانية"));
}

#[test]
fn yoast_graphs_resolve_their_references() {
    let (p, doc) = real("yoast-graph-politics-co-uk.json");
    assert_eq!(p.bulletin.items.len(), 1, "only the article of the graph");
    check("politics.co.uk", &p.bulletin.items[0], Seen {
        title: "Two Labour council leaders call for Starmer to resign over ‘failure to listen’ on Gaza ceasefire calls",
        lead: None,
        date: Some("2023-11-03T09:59:33Z"),
        // image: {"@id": …#primaryimage} → the ImageObject node's url
        image: Some(s(&doc, "/@graph/2/url")),
        // publisher: {"@id": …#organization} → the Organization's name
        source: Some(s(&doc, "/@graph/5/name")),
        // mainEntityOfPage: {"@id"} → the WebPage
        link: Some(s(&doc, "/@graph/1/url")),
    });
    let image = p.bulletin.items[0].image.as_ref().unwrap();
    assert_eq!((image.width, image.height), (Some(2976), Some(1984)));
    assert!(image
        .alt
        .starts_with("Keir Starmer, Leader of the Labour Party"));

    let (p, _) = real("yoast-graph-1000things.json");
    check("1000things", &p.bulletin.items[0], Seen {
        // `&#038;` escaped twice
        title: "6 Wellnessoasen für eure Auszeit im Thermen- & Vulkanland",
        // the description sits on the WebPage
        lead: Some("Was hilft gegen die niedrigen Temperaturen? Richtig: dampfendes Thermalwasser."),
        date: Some("2023-11-06T15:01:00Z"),
        image: Some("https://cdn.1000things.at/app/uploads/2023/10/c-tv-thermen-vulkanland-michael-konigshofer-1-scaled.jpg"),
        source: Some("1000things"),
        link: Some("https://www.1000things.at/blog/wellnessoasen-thermen-vulkanland/"),
    });
    assert_eq!(p.bulletin.lang.as_deref(), Some("de-DE"));

    // one @id shared by the article, the page, the image and the breadcrumb
    let (p, _) = real("yoast-graph-kentnews.json");
    check(
        "kentnews",
        &p.bulletin.items[0],
        Seen {
            title: "Lengthy Prison Sentences For Two Thanet Drug Dealers",
            lead: Some("Lengthy Prison Sentences For Two Thanet Drug Dealers - News"),
            date: Some("2023-11-09T08:35:32Z"),
            image: Some("https://www.kentnews.online/wp-content/uploads/2023/11/drugs_091123.jpg"),
            source: Some("KentNews.Online"),
            link: Some(
                "https://www.kentnews.online/lengthy-prison-sentences-for-two-thanet-drug-dealers/",
            ),
        },
    );

    // publisher over author (a list of references to a Person)
    let (p, _) = real("yoast-graph-boston.json");
    check("boston", &p.bulletin.items[0], Seen {
        title: "Feds: Alleged sex ring drew politicians, business execs to brothels in Mass.",
        lead: Some("Federal prosecutors alleged that the \"high-end brothel network\""),
        date: Some("2023-11-08T18:49:38Z"),
        image: Some("https://bdc2020.o0bc.com/wp-content/uploads/2023/11/s3___bgmp-arc_arc-feeds_generic-photos_to-arc_greenhouse09brothel1-654be6e36fa82-scaled.jpg"),
        source: Some("Boston.com"),
        link: Some("https://www.boston.com/news/crime/2023/11/08/feds-alleged-sex-ring-drew-politicians-business-execs-to-brothels-in-mass/"),
    });
}

#[test]
fn rank_math_graph() {
    let (p, doc) = real("rankmath-graph-laweekly.json");
    check(
        "laweekly",
        &p.bulletin.items[0],
        Seen {
            title: "Meet Cultural Cultivation Artist Alexandria Douziech - LA Weekly",
            lead: Some("Cultivation is more than a metaphor for creativity"),
            // 2023-11-06T08:00:15-08:00
            date: Some("2023-11-06T16:00:15Z"),
            image: Some(s(&doc, "/@graph/2/url")),
            source: Some("LA Weekly"),
            link: Some(s(&doc, "/@graph/3/url")),
        },
    );
    assert_eq!(
        p.bulletin.items[0].image.as_ref().unwrap().alt,
        "Alexandria Douziech"
    );
}

#[test]
fn schema_org_dates_as_publishers_write_them() {
    // a schema.org Date: the day alone, no warning
    let (p, _) = real("graph-ap-reportage.json");
    check("ap", &p.bulletin.items[0], Seen {
        title: "AP Exclusive: Allen has new publisher, memoir out Monday",
        lead: Some("NEW YORK - Woody Allen's memoir, dropped by its original publisher"),
        date: Some("2020-03-23"),
        image: Some("https://images.thestar.com/bHeqHpTSAQuKClBODoUUea0CwJM=/1280x1024/smart/filters:cb(1584983648222)/https://www.thestar.com/content/dam/thestar/news/world/us/2020/03/23/ap-exclusive-allen-has-new-publisher-memoir-out-monday/NYET109-323_2020_123643.jpg"),
        source: Some("Toronto Star"),
        link: Some("https://www.thestar.com/news/world/us/2020/03/23/ap-exclusive-allen-has-new-publisher-memoir-out-monday.html"),
    });
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);

    // `2021-11-19 10:27`: space, no seconds, no zone
    let (p, _) = real("graph-domradio.json");
    check("domradio", &p.bulletin.items[0], Seen {
        title: "Irme Stetter-Karp ist neue ZdK-Präsidentin",
        lead: Some("Irme Stetter-Karp ist mit großer Mehrheit"),
        date: Some("2021-11-19"),
        image: Some("https://www.domradio.de/sites/default/files/styles/domradio-share/public/irme-stetter-karp_1.jpg?itok=10ZBHVLT"),
        source: Some("domradio.de"),
        link: Some("https://www.domradio.de/themen/laien/2021-11-19/reformstau-loesen-irme-stetter-karp-ist-neue-zdk-praesidentin"),
    });
    assert_eq!(p.warnings.len(), 1, "{:?}", p.warnings);

    // `+0100`
    let (p, doc) = real("graph-haus-de.json");
    check(
        "haus.de",
        &p.bulletin.items[0],
        Seen {
            title: "Was ist eine Vorsatzschalung und was bringt sie?",
            lead: Some("Eine Vorsatzschalung kann den Schallschutz verbessern"),
            date: Some("2022-01-25T13:47:35Z"),
            // `&amp;` in the URL, as the page's HTML escaped it, decoded
            image: Some(&s(&doc, "/@graph/0/image/0/url").replace("&amp;", "&")),
            source: Some("Das Haus"),
            link: Some("https://www.haus.de/bauen/vorsatzschalung-33656"),
        },
    );

    // `2017-11-03 03:01:00.000000`: fractions, no zone; `&amp;` in the image URL decoded
    let (p, doc) = real("article-engadget.json");
    check(
        "engadget",
        &p.bulletin.items[0],
        Seen {
            title: "Xbox One X review: A console that keeps up with gaming PCs",
            lead: None,
            date: Some("2017-11-03"),
            image: Some(&s(&doc, "/image/0/url").replace("&amp;", "&")),
            source: Some("Engadget"),
            link: Some(s(&doc, "/url")),
        },
    );

    // the basic format `20200316T13:00:00Z` is not read: a warning, the rest shows
    let (p, doc) = real("newsarticle-rockland.json");
    check(
        "rockland",
        &p.bulletin.items[0],
        Seen {
            title: s(&doc, "/headline"),
            lead: None,
            date: None,
            image: Some(s(&doc, "/image/url")),
            source: Some(s(&doc, "/publisher/name")),
            link: Some(s(&doc, "/url")),
        },
    );
    assert!(
        p.warnings[0].starts_with("datePublished: expected a date"),
        "{:?}",
        p.warnings
    );
}

#[test]
fn image_as_a_json_ld_list() {
    let (p, doc) = real("article-bbc.json");
    check(
        "bbc",
        &p.bulletin.items[0],
        Seen {
            title: "Obama admits US gun laws are his 'biggest frustration'",
            lead: None,
            date: Some("2015-07-24T04:36:09Z"),
            image: Some(s(&doc, "/image/@list/0")),
            source: Some("BBC News"),
            link: Some(s(&doc, "/url")),
        },
    );
}

/// Every document of the corpus reads, and every item shows a title and only allowed links.
#[test]
fn every_real_document_reads() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/real/");
    let mut count = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if !name.ends_with(".json") {
            continue;
        }
        count += 1;
        let (p, _) = real(&name);
        assert!(!p.bulletin.items.is_empty(), "{name}");
        for item in &p.bulletin.items {
            assert!(!item.title.is_empty(), "{name}");
            for url in item.url.iter().chain(item.image.as_ref().map(|i| &i.src)) {
                assert!(
                    url.starts_with("http://") || url.starts_with("https://"),
                    "{name}: {url}"
                );
            }
            assert!(
                !item.title.contains("&amp;") && !item.title.contains("&#"),
                "{name}: {}",
                item.title
            );
        }
        assert!(
            SOURCES.contains(&format!("`{name}`")),
            "{name} has no line in SOURCES.md"
        );
    }
    assert!(count >= 20, "{count} documents");
    let _ = parse_rfc3339;
}

const SOURCES: &str = include_str!("fixtures/real/SOURCES.md");
