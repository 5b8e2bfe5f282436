//! The page's own rules: allowed endpoints (`data-sources`), `data-allow-now`, and URLs with
//! credentials.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use election_widget::config::Config;
use election_widget::policy::{allows, has_credentials, PagePolicy};
use election_widget::text::links::LinkKind;

fn prefixes(list: &[&str]) -> Vec<String> {
    list.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn a_prefix_allows_its_origin_and_path_at_a_segment_boundary() {
    let p = prefixes(&[
        "https://news.example.ir/election/",
        "https://hq.example.ir/",
    ]);
    for ok in [
        "https://news.example.ir/election/bulletin.json",
        "https://news.example.ir/election/2024/a.json?x=1#y",
        "https://hq.example.ir/",
        "https://hq.example.ir/any/where.json",
    ] {
        assert!(allows(&p, ok), "{ok} should be allowed");
    }
    for refused in [
        "https://news.example.ir/elections.json",
        "https://news.example.ir/",
        "https://news.example.ir/other/election/x.json",
        "http://news.example.ir/election/bulletin.json",
        "https://news.example.ir:8443/election/bulletin.json",
        "https://news.example.ir.attacker.example/election/x.json",
        "https://attacker.example/https://news.example.ir/election/",
        "https://user:pass@news.example.ir/election/x.json",
        "https://news.example.ir@attacker.example/election/x.json",
        "javascript:alert(1)",
        "",
    ] {
        assert!(!allows(&p, refused), "{refused} should be refused");
    }
    // without a trailing slash, the prefix is a whole segment
    let p = prefixes(&["https://a.ir/election"]);
    assert!(allows(&p, "https://a.ir/election"));
    assert!(allows(&p, "https://a.ir/election/x.json"));
    assert!(!allows(&p, "https://a.ir/elections.json"));
    assert!(!allows(&p, "https://a.ir/election-fake/x.json"));
    assert!(
        !allows(&[], "https://a.ir/election"),
        "an empty list allows nothing"
    );
}

#[test]
fn credentials_are_seen_however_written() {
    for raw in [
        "https://user:pass@host/x.json",
        "https://user@host/",
        "//user:pass@host/x",
        "https:\\\\user:pass@host/x",
        "HTTPS://u:p@h",
    ] {
        assert!(has_credentials(raw), "{raw}");
    }
    for raw in [
        "https://host/a@b.json",
        "mailto:a@b",
        "/path/x.json",
        "https://host/?q=a@b",
        "https://host#a@b",
    ] {
        assert!(!has_credentials(raw), "{raw}");
    }
}

fn config(attrs: &[(&str, &str)], policy: &PagePolicy) -> Config {
    let attr = |name: &str| {
        attrs
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| (*v).to_owned())
    };
    Config::from_attributes(&attr, &|s| common::resolve(s, LinkKind::Endpoint), policy)
}

#[test]
fn endpoints_outside_data_sources_are_a_config_error() {
    let policy = PagePolicy {
        sources: Some(prefixes(&["https://news.example.ir/election/"])),
        allow_now: false,
    };
    let c = config(
        &[
            ("data-src", "https://attacker.example/fake.json"),
            (
                "data-election-src",
                "https://news.example.ir/election/hq.json",
            ),
        ],
        &policy,
    );
    let err = c.src.unwrap_err();
    assert_eq!(err.code(), "config");
    assert!(
        err.describe("").contains("data-sources"),
        "{}",
        err.describe("")
    );
    assert_eq!(
        c.election_src,
        Some(Ok("https://news.example.ir/election/hq.json".into()))
    );
    let c = config(
        &[("data-src", "https://news.example.ir/election/b.json")],
        &policy,
    );
    assert_eq!(c.src, Ok("https://news.example.ir/election/b.json".into()));
    // no data-sources: any endpoint, as before
    let c = config(
        &[("data-src", "https://attacker.example/fake.json")],
        &PagePolicy::default(),
    );
    assert!(c.src.is_ok());
}

#[test]
fn credentials_in_an_endpoint_are_a_config_error_and_never_printed() {
    for raw in [
        "https://admin:s3cret@news.example.ir/b.json",
        "//admin:s3cret@news.example.ir/b.json",
    ] {
        let c = config(
            &[("data-src", raw), ("data-election-src", raw)],
            &PagePolicy::default(),
        );
        for problem in [c.src.unwrap_err(), c.election_src.unwrap().unwrap_err()] {
            assert_eq!(problem.code(), "config");
            assert!(!problem.retryable());
            let line = problem.describe(raw);
            assert!(!line.contains("s3cret"), "{line}");
        }
    }
}

#[test]
fn data_now_counts_only_where_the_loader_allows_it() {
    let attrs = [
        ("data-src", "b.json"),
        ("data-now", "2024-03-01T10:00:00+03:30"),
    ];
    let c = config(&attrs, &PagePolicy::default());
    assert_eq!(c.now, None);
    assert!(
        c.warnings.iter().any(|w| w.contains("data-allow-now")),
        "{:?}",
        c.warnings
    );
    let c = config(
        &attrs,
        &PagePolicy {
            sources: None,
            allow_now: true,
        },
    );
    assert!(c.now.is_some());
    assert!(c.warnings.is_empty(), "{:?}", c.warnings);
}
