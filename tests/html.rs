//! HTML to plain text without a DOM.
#![cfg(not(target_arch = "wasm32"))]

use election_widget::text::html::{decode_entities, to_paragraphs, to_text};

#[test]
fn blocks_become_paragraphs_and_inline_tags_vanish() {
    let html = "<h2>تیتر</h2><p>بند <b>اول</b> با <a href=\"x\">پیوند</a>.</p><ul><li>یک</li><li>دو</li></ul>متن<br>پس از br";
    assert_eq!(
        to_paragraphs(html),
        vec!["تیتر", "بند اول با پیوند.", "یک", "دو", "متن", "پس از br"]
    );
}

#[test]
fn script_style_and_comments_are_dropped_whole() {
    let html = "<p>a</p><script>alert('<p>x</p>')</script><style>p{}</style><!-- <p>hidden</p> --><p>b</p><noscript>n</noscript>";
    assert_eq!(to_paragraphs(html), vec!["a", "b"]);
    assert_eq!(to_text("<SCRIPT type=x>evil()</SCRIPT>ok"), "ok");
}

#[test]
fn entities_are_decoded_once() {
    assert_eq!(
        decode_entities(
            "&lt;b&gt; &amp;amp; &#1575;&#x6cc; &laquo;x&raquo; &zwnj; &unknown; & alone"
        ),
        "<b> &amp; ای «x» \u{200c} &unknown; & alone"
    );
    assert_eq!(
        to_text("&lt;script&gt;alert(1)&lt;/script&gt;"),
        "<script>alert(1)</script>",
        "decoded text stays text"
    );
    assert_eq!(
        decode_entities("&#0;&#xD800;&#99999999;"),
        "\u{FFFD}\u{FFFD}\u{FFFD}"
    );
}

#[test]
fn attributes_with_angle_brackets_and_broken_markup() {
    assert_eq!(
        to_text(r#"<img alt="a>b" src=x onerror="alert(1)">after"#),
        "after"
    );
    assert_eq!(to_text("1 < 2 and 3 > 2"), "1 < 2 and 3 > 2");
    assert_eq!(to_text("<p>unterminated <b"), "unterminated");
    assert_eq!(
        to_text("<!DOCTYPE html><html><head><title>t</title></head><body>x</body></html>"),
        "x"
    );
}

#[test]
fn an_unclosed_declaration_swallows_the_rest_once() {
    // as a browser's bogus comment: everything after an unclosed `<!` or `<?` is not text
    assert_eq!(to_paragraphs("<p>before</p><!doctype"), vec!["before"]);
    assert_eq!(to_paragraphs("a<?xml b"), vec!["a"]);
    assert_eq!(to_paragraphs("a<!b>c"), vec!["ac"]);
    // 500,000 unclosed `<!`: read in one pass (this was quadratic: 25 s in the browser)
    let flood = "<!".repeat(500_000);
    assert!(to_paragraphs(&format!("x{flood}")) == vec!["x"]);
    assert!(to_paragraphs(&"<?".repeat(500_000)).is_empty());
}
