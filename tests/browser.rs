//! In-browser tests (wasm-bindgen-test, headless Chromium or Firefox): real elements, real
//! shadow roots, real fetches of blob: URLs, events as a page sees them.
#![cfg(target_arch = "wasm32")]

use std::cell::RefCell;
use std::rc::Rc;

use election_widget::embed;
use gloo_events::EventListener;
use gloo_timers::future::TimeoutFuture;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Blob, BlobPropertyBag, Element, Url};

wasm_bindgen_test_configure!(run_in_browser);

const SAMPLE: &str = include_str!("../src/assets/bulletin.fa.json");

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A `blob:` URL serving `body` as JSON, so tests need no server.
fn blob_url(body: &str) -> String {
    let parts = js_sys::Array::of1(&JsValue::from_str(body));
    let bag = BlobPropertyBag::new();
    bag.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &bag).unwrap();
    Url::create_object_url_with_blob(&blob).unwrap()
}

/// A fresh host element on the page, with the given attributes.
fn host(attrs: &[(&str, &str)]) -> Element {
    let el = document().create_element("div").unwrap();
    el.set_attribute("data-election-widget", "").unwrap();
    for (k, v) in attrs {
        el.set_attribute(k, v).unwrap();
    }
    document().body().unwrap().append_child(&el).unwrap();
    el
}

/// Polls `cond` until it holds or `ms` pass; never sleeps a fixed time.
async fn wait_for(what: &str, ms: u32, cond: impl Fn() -> bool) {
    let mut waited = 0;
    while !cond() {
        if waited >= ms {
            let hosts = document()
                .query_selector_all("[data-election-widget]")
                .unwrap();
            let mut seen = String::new();
            for i in 0..hosts.length() {
                let el: Element = hosts.item(i).unwrap().unchecked_into();
                let inner = el.shadow_root().map(|s| s.inner_html()).unwrap_or_default();
                seen.push_str(&format!(
                    "\n[{:?}] {}",
                    state(&el),
                    inner.chars().take(300).collect::<String>()
                ));
            }
            panic!("timed out waiting for {what}; hosts:{seen}");
        }
        TimeoutFuture::new(10).await;
        waited += 10;
    }
}

fn state(el: &Element) -> Option<String> {
    el.get_attribute("data-state")
}

fn shadow_text(el: &Element) -> String {
    el.shadow_root()
        .and_then(|s| s.text_content())
        .unwrap_or_default()
}

/// Records every `detail` of an event that reaches the document.
fn record(event: &'static str) -> (Rc<RefCell<Vec<JsValue>>>, EventListener) {
    let seen = Rc::new(RefCell::new(Vec::new()));
    let sink = seen.clone();
    let listener = EventListener::new(&document(), event, move |e| {
        let detail = e
            .dyn_ref::<web_sys::CustomEvent>()
            .map(|c| c.detail())
            .unwrap_or(JsValue::NULL);
        sink.borrow_mut().push(detail);
    });
    (seen, listener)
}

fn detail_field(detail: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(detail, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

fn at(s: &str) -> election_widget::time::Instant {
    election_widget::time::parse_rfc3339(s).unwrap()
}

/// A page's data-now without the loader's data-allow-now is ignored (issue 13, finding 4).
#[wasm_bindgen_test]
async fn data_now_is_ignored_without_the_loaders_permission() {
    let el = host(&[
        ("data-src", &blob_url(SAMPLE)),
        ("data-now", "2024-03-01T10:00:00+03:30"),
    ]);
    embed::mount(&el);
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    let phase = el
        .shadow_root()
        .and_then(|s| s.query_selector(".cta").ok().flatten())
        .and_then(|cta| cta.get_attribute("data-phase"));
    // the device clock says 2026 and later: the sample's election of 2024 is over
    assert_eq!(phase.as_deref(), Some("closed"));
    embed::unmount(&el);
}

#[wasm_bindgen_test]
async fn mounts_into_a_shadow_root_and_becomes_ready() {
    let (ready, _l) = record("election-widget:ready");
    let el = host(&[("data-src", &blob_url(SAMPLE))]);
    // mounted without the loader, so without its data-allow-now: the instant is passed directly
    embed::mount_at(&el, at("2024-03-01T10:00:00+03:30"));
    assert!(el.shadow_root().is_some(), "open shadow root attached");
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    let text = shadow_text(&el);
    assert!(
        text.contains("انسجام\u{200c}بخشی روابط عمومی\u{200c}های ادارات"),
        "{text}"
    );
    assert!(
        text.contains("تا ساعت ۱۸:۰۰ باز هستند"),
        "call-to-action open at data-now: {text}"
    );
    let root = el
        .shadow_root()
        .unwrap()
        .query_selector(".ew")
        .unwrap()
        .unwrap();
    assert_eq!(root.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(root.get_attribute("lang").as_deref(), Some("fa"));
    let sheets =
        js_sys::Reflect::get(&el.shadow_root().unwrap(), &"adoptedStyleSheets".into()).unwrap();
    assert_eq!(
        js_sys::Array::from(&sheets).length(),
        1,
        "styles adopted, not a <style> element"
    );
    let events = ready.borrow();
    let mine: Vec<_> = events
        .iter()
        .filter(|d| detail_field(d, "items").as_f64() == Some(1.0))
        .collect();
    assert!(!mine.is_empty(), "ready event with detail.items = 1");
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn the_body_unfolds_with_a_real_button() {
    let el = host(&[("data-src", &blob_url(SAMPLE))]);
    embed::mount(&el);
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    let shadow = el.shadow_root().unwrap();
    let body = shadow.query_selector("#ew-body").unwrap().unwrap();
    assert!(body.has_attribute("hidden"));
    let button: web_sys::HtmlElement = shadow
        .query_selector("button[aria-controls=ew-body]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    button.click();
    wait_for("unfolded", 2000, || !body.has_attribute("hidden")).await;
    assert_eq!(
        button.get_attribute("aria-expanded").as_deref(),
        Some("true")
    );
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn each_error_state_has_a_code_and_a_message() {
    let (errors, _l) = record("election-widget:error");
    let revoked = blob_url(SAMPLE);
    Url::revoke_object_url(&revoked).unwrap();
    let cases = [
        (host(&[]), "config"),
        (host(&[("data-src", "javascript:alert(1)")]), "config"),
        (host(&[("data-src", &revoked)]), "network"),
        (host(&[("data-src", &blob_url("{not json"))]), "bad-data"),
        (
            host(&[("data-src", &blob_url(r#"{"items":[{"id":1,"title":5}]}"#))]),
            "bad-data",
        ),
    ];
    for (el, code) in &cases {
        embed::mount(el);
        wait_for(code, 5000, || state(el).as_deref() == Some("error")).await;
        let shadow = el.shadow_root().unwrap();
        let view = shadow
            .query_selector(".error")
            .unwrap()
            .expect("error view");
        assert_eq!(view.get_attribute("data-code").as_deref(), Some(*code));
        assert!(shadow_text(el).contains("نمایش خبرها ممکن نشد"));
    }
    let codes: Vec<String> = errors
        .borrow()
        .iter()
        .filter_map(|d| detail_field(d, "code").as_string())
        .collect();
    for (_, code) in &cases {
        assert!(
            codes.iter().any(|c| c == code),
            "error event with code {code}: {codes:?}"
        );
    }
    for (el, _) in cases {
        embed::unmount(&el);
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn an_empty_bulletin_is_ready_with_its_own_look() {
    let (ready, _l) = record("election-widget:ready");
    let el = host(&[("data-src", &blob_url(r#"{"version":1,"items":[]}"#))]);
    embed::mount(&el);
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    assert!(el
        .shadow_root()
        .unwrap()
        .query_selector(".empty")
        .unwrap()
        .is_some());
    assert!(ready
        .borrow()
        .iter()
        .any(|d| detail_field(d, "items").as_f64() == Some(0.0)));
    embed::unmount(&el);
    el.remove();
}

/// Runs `body` (a JavaScript function of `params`, called with `args`) that patches a browser
/// API for one test and returns `[counter, restore]`.
fn patch(params: &str, body: &str, args: &[JsValue]) -> (js_sys::Function, js_sys::Function) {
    let install = js_sys::Function::new_with_args(params, body);
    let args: js_sys::Array = args.iter().collect();
    let pair = js_sys::Array::from(&install.apply(&JsValue::NULL, &args).unwrap());
    (pair.get(0).unchecked_into(), pair.get(1).unchecked_into())
}

/// Replaces `window.fetch` for one test: the first `failures` calls to a URL containing
/// `needle` reject as a network error would; the rest go through. Returns (calls, restore).
fn flaky_fetch(needle: &str, failures: u32) -> (js_sys::Function, js_sys::Function) {
    patch(
        "needle, failures",
        "const real = window.fetch; let calls = 0;
         window.fetch = function (input, init) {
           if (String(input).includes(needle)) {
             calls += 1;
             if (calls <= failures) { return Promise.reject(new TypeError('Failed to fetch')); }
           }
           return real.call(this, input, init);
         };
         return [() => calls, () => { window.fetch = real; }];",
        &[needle.into(), failures.into()],
    )
}

fn calls(counter: &js_sys::Function) -> f64 {
    counter.call0(&JsValue::NULL).unwrap().as_f64().unwrap()
}

#[wasm_bindgen_test]
async fn transient_failures_are_retried_with_backoff() {
    let url = blob_url(SAMPLE);
    let (count, restore) = flaky_fetch(&url, 2);
    let el = host(&[("data-src", &url)]);
    embed::mount(&el);
    wait_for("ready after two retries", 10_000, || {
        state(&el).as_deref() == Some("ready")
    })
    .await;
    assert_eq!(calls(&count), 3.0, "two failures, then success");
    restore.call0(&JsValue::NULL).unwrap();
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn retry_fetches_again() {
    let url = blob_url(SAMPLE);
    let (count, restore) = flaky_fetch(&url, 3);
    let el = host(&[("data-src", &url)]);
    embed::mount(&el);
    wait_for("error after three attempts", 10_000, || {
        state(&el).as_deref() == Some("error")
    })
    .await;
    assert_eq!(calls(&count), 3.0, "at most three attempts");
    let shadow = el.shadow_root().unwrap();
    let retry: web_sys::HtmlElement = shadow
        .query_selector(".error button")
        .unwrap()
        .expect("retry button")
        .unchecked_into();
    retry.click();
    wait_for("ready after retry", 5000, || {
        state(&el).as_deref() == Some("ready")
    })
    .await;
    assert!(shadow_text(&el).contains("رئیس حوزه انتخابیه قدس"));
    restore.call0(&JsValue::NULL).unwrap();
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn widgets_with_the_same_endpoint_share_one_request() {
    let url = blob_url(SAMPLE);
    let (count, restore) = flaky_fetch(&url, 0);
    let hosts: Vec<Element> = (0..3).map(|_| host(&[("data-src", &url)])).collect();
    for el in &hosts {
        embed::mount(el);
    }
    for el in &hosts {
        wait_for("ready", 5000, || state(el).as_deref() == Some("ready")).await;
    }
    assert_eq!(calls(&count), 1.0);
    restore.call0(&JsValue::NULL).unwrap();
    for el in hosts {
        embed::unmount(&el);
        el.remove();
    }
}

/// Counts console warnings that contain `needle`; returns the counter and the restorer.
fn count_warnings(needle: &str) -> (js_sys::Function, js_sys::Function) {
    patch(
        "needle",
        "const real = console.warn; let seen = 0;
         console.warn = function (...args) {
           if (args.map(String).join(' ').includes(needle)) { seen += 1; }
           return real.apply(this, args);
         };
         return [() => seen, () => { console.warn = real; }];",
        &[needle.into()],
    )
}

#[wasm_bindgen_test]
async fn widgets_on_one_endpoint_read_its_response_once_per_reading() {
    // one item with a link the policy refuses: every reading of the response warns once
    let url = blob_url(
        r#"{"version":1,"lang":"fa","items":[{"id":"a","title":"خبر","url":"javascript:alert(1)"}]}"#,
    );
    let (warnings, restore) = count_warnings("items[0].url");
    let same: Vec<Element> = (0..3).map(|_| host(&[("data-src", &url)])).collect();
    let other = host(&[("data-src", &url), ("data-normalize", "off")]);
    for el in same.iter().chain([&other]) {
        embed::mount(el);
    }
    for el in same.iter().chain([&other]) {
        wait_for("ready", 5000, || state(el).as_deref() == Some("ready")).await;
    }
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(
        calls(&warnings),
        2.0,
        "three widgets with the same settings read the response once; the fourth reads it its own way"
    );
    for el in same.into_iter().chain([other]) {
        assert!(shadow_text(&el).contains("خبر"));
        embed::unmount(&el);
        el.remove();
    }
}

#[wasm_bindgen_test]
async fn a_cached_copy_does_not_repeat_its_warnings() {
    let url = blob_url(
        r#"{"version":1,"lang":"fa","items":[{"id":"a","title":"خبر","url":"javascript:alert(2)"}]}"#,
    );
    let (warnings, restore) = count_warnings("items[0].url");
    let first = host(&[("data-src", &url)]);
    embed::mount(&first);
    wait_for("ready", 5000, || state(&first).as_deref() == Some("ready")).await;
    embed::unmount(&first);
    first.remove();
    // the next view starts from the cached copy, then reads the network's: one warning for
    // each copy fetched, none for the copy read back from the cache
    let second = host(&[("data-src", &url)]);
    embed::mount(&second);
    wait_for("ready", 5000, || state(&second).as_deref() == Some("ready")).await;
    restore.call0(&JsValue::NULL).unwrap();
    assert_eq!(calls(&warnings), 2.0, "two responses read, two warnings");
    embed::unmount(&second);
    second.remove();
}

#[wasm_bindgen_test]
async fn the_last_good_copy_is_shown_at_once_and_kept_on_failure() {
    let (errors, _l) = record("election-widget:error");
    let url = blob_url(SAMPLE);
    let first = host(&[("data-src", &url)]);
    embed::mount(&first);
    wait_for("ready", 5000, || state(&first).as_deref() == Some("ready")).await;
    embed::unmount(&first);
    // the endpoint now fails: the copy from localStorage shows at once, then stays, marked stale
    let (_count, restore) = flaky_fetch(&url, 99);
    let second = host(&[("data-src", &url)]);
    embed::mount(&second);
    // the cached copy comes with the first render, long before the failing network gives up
    wait_for("cached copy", 500, || {
        state(&second).as_deref() == Some("stale")
    })
    .await;
    assert!(shadow_text(&second).contains("رئیس حوزه انتخابیه قدس"));
    let saw_stale_error = || {
        errors.borrow().iter().any(|d| {
            detail_field(d, "code").as_string().as_deref() == Some("network")
                && detail_field(d, "stale").as_bool() == Some(true)
        })
    };
    wait_for("error event with detail.stale", 10_000, saw_stale_error).await;
    assert_eq!(state(&second).as_deref(), Some("stale"));
    assert!(
        shadow_text(&second).contains("آخرین به\u{200c}روزرسانی"),
        "last-updated note"
    );
    restore.call0(&JsValue::NULL).unwrap();
    embed::unmount(&second);
    second.remove();
}

#[wasm_bindgen_test]
async fn deeply_nested_json_is_an_error_state_not_a_trap() {
    let deep = format!(
        r#"{{"items":[{{"id":"a","title":"t","body":{}{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let el = host(&[("data-src", &blob_url(&deep))]);
    embed::mount(&el);
    wait_for("error", 10_000, || state(&el).as_deref() == Some("error")).await;
    assert_eq!(
        el.shadow_root()
            .unwrap()
            .query_selector(".error")
            .unwrap()
            .unwrap()
            .get_attribute("data-code")
            .as_deref(),
        Some("bad-data")
    );
    // a deep value in an unknown field, read through the generic tree of the field map
    let fields = r#"{"items":"/items","title":"/title"}"#;
    let deep_unknown = format!(
        r#"{{"items":[{{"title":"t","x":{}{}}}]}}"#,
        "[".repeat(100_000),
        "]".repeat(100_000)
    );
    let mapped = host(&[
        ("data-src", &blob_url(&deep_unknown)),
        ("data-fields", fields),
    ]);
    embed::mount(&mapped);
    wait_for("error", 10_000, || {
        state(&mapped).as_deref() == Some("error")
    })
    .await;
    // and the module still works for the next widget
    let next = host(&[("data-src", &blob_url(SAMPLE))]);
    embed::mount(&next);
    wait_for("ready", 5000, || state(&next).as_deref() == Some("ready")).await;
    for e in [el, mapped, next] {
        embed::unmount(&e);
        e.remove();
    }
}

#[wasm_bindgen_test]
async fn too_large_bodies_stop_at_the_limit() {
    let big = format!(r#"{{"items":[],"pad":"{}"}}"#, "x".repeat(1_100_000));
    let el = host(&[("data-src", &blob_url(&big))]);
    embed::mount(&el);
    wait_for("error", 5000, || state(&el).as_deref() == Some("error")).await;
    assert_eq!(
        el.shadow_root()
            .unwrap()
            .query_selector(".error")
            .unwrap()
            .unwrap()
            .get_attribute("data-code")
            .as_deref(),
        Some("too-large")
    );
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn headlines_and_an_election_from_a_second_endpoint() {
    let news = r#"{"version":1,"lang":"fa","items":[{"id":"1","title":"یک"},{"id":"2","title":"دو","url":"https://a.example/2"},{"id":"3","title":"سه"},{"id":"4","title":"چهار"}]}"#;
    let election = r#"{"version":1,"election":{"title":"انتخابات","opens":"2024-03-01T08:00:00+03:30","closes":"2024-03-01T18:00:00+03:30"}}"#;
    let el = host(&[
        ("data-src", &blob_url(news)),
        ("data-election-src", &blob_url(election)),
        ("data-items", "3"),
    ]);
    let (ready, _l) = record("election-widget:ready");
    embed::mount_at(&el, at("2024-03-01T09:00:00+03:30"));
    // the news may be shown (and ready) before the election endpoint has answered
    wait_for("ready with the call to vote", 5000, || {
        state(&el).as_deref() == Some("ready")
            && el
                .shadow_root()
                .is_some_and(|s| s.query_selector(".cta").ok().flatten().is_some())
    })
    .await;
    let shadow = el.shadow_root().unwrap();
    assert_eq!(
        shadow.query_selector_all(".headlines li").unwrap().length(),
        2,
        "items 2 and 3"
    );
    assert!(shadow
        .query_selector(".headlines a[href='https://a.example/2']")
        .unwrap()
        .is_some());
    assert_eq!(
        shadow
            .query_selector(".cta")
            .unwrap()
            .unwrap()
            .get_attribute("data-phase")
            .as_deref(),
        Some("open")
    );
    assert!(ready
        .borrow()
        .iter()
        .any(|d| detail_field(d, "items").as_f64() == Some(3.0)));
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn news_shows_before_a_slow_election_endpoint_answers() {
    let news = r#"{"version":1,"items":[{"id":"1","title":"خبر"}]}"#;
    let election = r#"{"version":1,"election":{"title":"انتخابات","opens":"2024-03-01T08:00:00+03:30","closes":"2024-03-01T18:00:00+03:30"}}"#;
    let election_url = blob_url(election);
    // hold the election endpoint's answer back for 1.5 s
    let install = js_sys::Function::new_with_args(
        "needle",
        "const real = window.fetch;
         window.fetch = function (input, init) {
           const answer = real.call(this, input, init);
           return String(input).includes(needle) ? new Promise((ok) => setTimeout(() => ok(answer), 1500)) : answer;
         };
         return () => { window.fetch = real; };",
    );
    let restore: js_sys::Function = install
        .call1(&JsValue::NULL, &election_url.as_str().into())
        .unwrap()
        .unchecked_into();
    let (ready, _l) = record("election-widget:ready");
    let el = host(&[
        ("data-src", &blob_url(news)),
        ("data-election-src", &election_url),
    ]);
    embed::mount_at(&el, at("2024-03-01T09:00:00+03:30"));
    wait_for("the news", 1000, || state(&el).as_deref() == Some("ready")).await;
    let shadow = el.shadow_root().unwrap();
    assert!(shadow.query_selector(".card").unwrap().is_some());
    assert!(
        shadow.query_selector(".cta").unwrap().is_none(),
        "the election is still on its way"
    );
    wait_for("the election", 5000, || {
        shadow.query_selector(".cta").ok().flatten().is_some()
    })
    .await;
    let mine = ready
        .borrow()
        .iter()
        .filter(|d| detail_field(d, "items").as_f64() == Some(1.0))
        .count();
    assert_eq!(mine, 1, "one network load, one ready event");
    restore.call0(&JsValue::NULL).unwrap();
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn a_failed_image_keeps_its_box_and_shows_no_broken_icon() {
    let doc = r#"{"items":[{"id":"1","title":"t","image":{"src":"https://127.0.0.1:9/missing.jpg","alt":"a","width":640,"height":360}}]}"#;
    let el = host(&[("data-src", &blob_url(doc)), ("data-eager", "")]);
    embed::mount(&el);
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    let shadow = el.shadow_root().unwrap();
    wait_for("the image's error", 10_000, || {
        shadow
            .query_selector(".card__image--failed")
            .ok()
            .flatten()
            .is_some()
    })
    .await;
    assert!(
        shadow.query_selector("img").unwrap().is_none(),
        "no <img> left to show a broken icon"
    );
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn mounting_twice_is_harmless_and_unmount_tears_down() {
    let before = embed::mounted_count();
    let el = host(&[("data-src", &blob_url(SAMPLE))]);
    embed::mount(&el);
    embed::mount(&el);
    assert_eq!(embed::mounted_count(), before + 1);
    wait_for("ready", 5000, || state(&el).as_deref() == Some("ready")).await;
    embed::unmount(&el);
    assert_eq!(embed::mounted_count(), before);
    assert_eq!(
        el.shadow_root().unwrap().child_nodes().length(),
        0,
        "shadow root emptied"
    );
    assert_eq!(state(&el), None);
    // and it can come back
    embed::mount(&el);
    wait_for("ready again", 5000, || {
        state(&el).as_deref() == Some("ready")
    })
    .await;
    embed::unmount(&el);
    el.remove();
}

#[wasm_bindgen_test]
async fn an_element_that_cannot_host_a_shadow_root_reports_an_error() {
    let img = document().create_element("img").unwrap();
    img.set_attribute("data-src", "x.json").unwrap();
    document().body().unwrap().append_child(&img).unwrap();
    embed::mount(&img);
    assert_eq!(state(&img).as_deref(), Some("error"));
    img.remove();
}

#[wasm_bindgen_test]
async fn damaged_persian_text_is_shown_as_an_editor_sets_it() {
    let doc = |lang: &str| {
        format!(
            r#"{{"version":1,"lang":"{lang}","items":[{{"id":"a","title":"ﺭﺋﻴﺲ ﺣﻮﺯﻩ ﺍﻧﺘﺨﺎﺑﻴﻪ ﻗﺪﺱ","lead":"مشارکت 42.57% بود،همچنین رهبری(مدظله العالی) گفته اند Windows 95 عرضه شد"}}]}}"#
        )
    };
    let fa = host(&[("data-src", &blob_url(&doc("fa")))]);
    let off = host(&[
        ("data-src", &blob_url(&doc("fa"))),
        ("data-normalize", "off"),
    ]);
    let ar = host(&[("data-src", &blob_url(&doc("ar")))]);
    for el in [&fa, &off, &ar] {
        embed::mount(el);
    }
    for el in [&fa, &off, &ar] {
        wait_for("ready", 5000, || state(el).as_deref() == Some("ready")).await;
    }
    let text = shadow_text(&fa);
    assert!(text.contains("رئیس حوزه انتخابیه قدس"), "{text}");
    assert!(
        text.contains(
            "مشارکت ۴۲٫۵۷٪ بود، همچنین رهبری (مدظله العالی) گفته\u{200c}اند Windows 95 عرضه شد"
        ),
        "{text}"
    );
    for el in [&off, &ar] {
        let text = shadow_text(el);
        assert!(text.contains("ﺭﺋﻴﺲ ﺣﻮﺯﻩ"), "{text}");
        assert!(text.contains("42.57% بود،همچنین رهبری(مدظله"), "{text}");
    }
    for el in [fa, off, ar] {
        embed::unmount(&el);
        el.remove();
    }
}
