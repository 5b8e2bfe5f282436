//! The link policy against disguised schemes.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::text::links::{allowed_protocol, check, LinkKind, Verdict};

#[test]
fn http_and_https_pass() {
    assert_eq!(
        check("https://a.ir/x", LinkKind::Web),
        Verdict::Absolute("https://a.ir/x".into())
    );
    assert_eq!(
        check("  HTTP://a.ir ", LinkKind::Web),
        Verdict::Absolute("HTTP://a.ir".into())
    );
    assert_eq!(
        check("story.html", LinkKind::Web),
        Verdict::Relative("story.html".into())
    );
    assert_eq!(
        check("/a?b=c:d", LinkKind::Web),
        Verdict::Relative("/a?b=c:d".into())
    );
}

#[test]
fn tel_only_for_the_call_to_action() {
    assert_eq!(check("tel:+98-21-1", LinkKind::Web), Verdict::Refused);
    assert_eq!(
        check("tel:+98-21-1", LinkKind::WebOrTel),
        Verdict::Absolute("tel:+98-21-1".into())
    );
    assert!(
        allowed_protocol("tel:", LinkKind::WebOrTel) && !allowed_protocol("tel:", LinkKind::Web)
    );
}

#[test]
fn disguised_schemes_are_refused() {
    for raw in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        " javascript:alert(1)",
        "\u{0}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "\u{1f}javascript:alert(1)",
        "vbscript:msgbox",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "blob:https://a/x",
        "mailto:a@b",
        "",
        "   ",
        "jav&#x09;ascript:alert(1)",
    ] {
        match check(raw, LinkKind::WebOrTel) {
            Verdict::Absolute(s) => panic!("{raw:?} passed as {s:?}"),
            // an entity is not decoded by a URL parser: the string is a harmless relative path
            Verdict::Relative(s) => assert!(s.contains('&'), "{raw:?} read as relative {s:?}"),
            Verdict::Refused => {}
        }
    }
    for protocol in ["javascript:", "data:", "vbscript:", "file:", "ftp:"] {
        assert!(!allowed_protocol(protocol, LinkKind::WebOrTel));
    }
}
