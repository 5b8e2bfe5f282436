//! The command-line `bulletin`, run as a program: on the repository's bulletins and feeds, on
//! hostile input, and against a local HTTP server (std's TcpListener) for the URL cases.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::thread;

use common::JsonText;
use election_widget::cli::read::resolver;
use election_widget::feed::{read, Context, Parsed};
use serde_json::{json, Value};

const SAMPLE: &str = "src/assets/bulletin.fa.json";
const FEEDS: [&str; 6] = [
    "tests/fixtures/feeds/jsonfeed.json",
    "tests/fixtures/feeds/newsarticle-array.json",
    "tests/fixtures/feeds/newsarticle-graph.json",
    "tests/fixtures/feeds/newsarticle.json",
    "tests/fixtures/feeds/wordpress-embed.json",
    "tests/fixtures/feeds/wordpress.json",
];
const CUSTOM_FIELDS: &str = r#"{"items":"/data/posts","id":"/uid","title":"/headline","lead":"/summary","body":{"pointer":"/html","html":true},"url":"/link","published":"/when","image":"/pic/src","image_alt":"/pic/alt","source":"/desk"}"#;

/// What one run of the program gave.
struct Run {
    status: i32,
    stdout: String,
    stderr: String,
}

fn finish(out: Output) -> Run {
    let run = Run {
        status: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(
        !run.stderr.contains("panicked"),
        "the program panicked: {}",
        run.stderr
    );
    assert!(
        [0, 1, 2].contains(&run.status),
        "exit status {}: {}",
        run.status,
        run.stderr
    );
    run
}

fn program() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_bulletin"));
    c.current_dir(env!("CARGO_MANIFEST_DIR"));
    for proxy in [
        "http_proxy",
        "https_proxy",
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "all_proxy",
    ] {
        c.env_remove(proxy);
    }
    c
}

fn bulletin(args: &[&str]) -> Run {
    finish(program().args(args).output().unwrap())
}

/// Runs with `input` on standard input.
fn bulletin_stdin(args: &[&str], input: &[u8]) -> Run {
    let mut child = program()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let input = input.to_vec();
    // the program may stop reading early (the size limit): a closed pipe is fine
    let writer = thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    finish(out)
}

/// A fresh folder under the system's temporary folder for one test's generated files.
fn scratch() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "bulletin-cli-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_string_lossy().into_owned()
}

fn repo_file(path: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(path)).unwrap()
}

// ---------------------------------------------------------------------------------- check

#[test]
fn check_the_sample_bulletin() {
    let r = bulletin(&["check", SAMPLE, "--now", "2024-02-24T14:15:00+03:30"]);
    assert_eq!(r.status, 0, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stdout.contains("native format, lang \"fa\""),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("انسجام‌بخشی روابط عمومی‌های ادارات"));
    assert!(
        r.stdout.contains("\"شنبه ۳۰ دی ۱۴۰۲، ساعت ۱۰:۳۰\""),
        "the date as readers see it"
    );
    assert!(
        r.stdout
            .contains("upcoming, voting opens in 5 days 17 hours"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.trim_end().ends_with("ok: the widget shows it"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("warning:") && !r.stdout.contains("error:"));
}

#[test]
fn check_reports_the_phase_at_any_instant() {
    for (now, phase) in [
        ("2024-02-24T14:15:00+03:30", "upcoming"),
        ("2024-03-01T10:00:00+03:30", "open"),
        ("2024-03-01T18:00:00+03:30", "closed"),
    ] {
        let r = bulletin(&["check", SAMPLE, "--now", now, "--json"]);
        assert_eq!(r.status, 0);
        let v: Value = serde_json::from_str(&r.stdout).unwrap();
        assert_eq!(v["bulletin"]["election"]["phase"], phase, "{now}");
        assert_eq!(v["now_given"], true);
    }
}

#[test]
fn check_as_json_for_other_tools() {
    let r = bulletin(&[
        "check",
        SAMPLE,
        "--json",
        "--now",
        "2024-03-01T10:00:00+03:30",
    ]);
    assert_eq!(r.status, 0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["shows"], true);
    assert_eq!(v["exit"], 0);
    assert_eq!(v["problems"], json!([]));
    assert_eq!(v["bulletin"]["format"], "native");
    assert_eq!(
        v["bulletin"]["items"][0]["id"],
        "qods-election-pr-committee"
    );
    assert_eq!(
        v["bulletin"]["items"][0]["published"],
        "2024-01-20T10:30:00+03:30"
    );
    assert_eq!(v["bulletin"]["items"][0]["paragraphs"], 7);
    assert_eq!(v["bulletin"]["election"]["cta_url"], "https://www.moi.ir/");
    assert_eq!(v["now"], "2024-03-01T10:00:00+03:30");
}

#[test]
fn check_every_feed_fixture() {
    for feed in FEEDS {
        let r = bulletin(&["check", feed]);
        assert_eq!(r.status, 0, "{feed}: {}", r.stdout);
        assert!(
            r.stdout.contains("ok: the widget shows it"),
            "{feed}: {}",
            r.stdout
        );
    }
    let r = bulletin(&["check", "tests/fixtures/feeds/wordpress.json", "--json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["bulletin"]["format"], "wordpress");
    assert_eq!(v["bulletin"]["items"].as_array().unwrap().len(), 2);
}

#[test]
fn a_field_map_as_data_fields() {
    let custom = "tests/fixtures/feeds/custom.json";
    let r = bulletin(&["check", custom]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout
            .contains(&format!("error: {custom}: unrecognised format")),
        "{}",
        r.stdout
    );
    let r = bulletin(&["check", custom, "--fields", CUSTOM_FIELDS]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(r.stdout.contains("field map format"), "{}", r.stdout);
    // from a file, and a bad map named as the widget names it
    let dir = scratch();
    let map = write(&dir, "map.json", CUSTOM_FIELDS.as_bytes());
    assert_eq!(
        bulletin(&["check", custom, "--fields", &format!("@{map}")]).status,
        0
    );
    let r = bulletin(&["check", custom, "--fields", r#"{"items":"/data/posts"}"#]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout
            .contains("data-fields: a \"title\" pointer is required"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(config)"), "{}", r.stdout);
    let r = bulletin(&["check", custom, "--fields", "{nope"]);
    assert!(
        r.stdout.contains("data-fields is not valid JSON"),
        "{}",
        r.stdout
    );
}

#[test]
fn origin_on_a_file_is_a_note_not_a_failure() {
    let r = bulletin(&["check", SAMPLE, "--origin", "https://office.example"]);
    assert_eq!(r.status, 0);
    assert!(
        r.stdout
            .starts_with(&format!("note: {SAMPLE}: --origin is for URLs")),
        "{}",
        r.stdout
    );
}

#[test]
fn a_forced_format_as_data_format() {
    let r = bulletin(&[
        "check",
        "tests/fixtures/feeds/wordpress.json",
        "--format",
        "jsonfeed",
    ]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("error: tests/fixtures/feeds/wordpress.json: "),
        "{}",
        r.stdout
    );
}

#[test]
fn errors_name_the_file_and_the_json_path() {
    let dir = scratch();
    let broken = write(
        &dir,
        "broken.json",
        r#"{"version": 1, "items": [{"id": 1, "title": "خبر"}, {"id": 2, "title": "   "}]}"#
            .as_bytes(),
    );
    let r = bulletin(&["check", &broken]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains(&format!(
            "error: {broken}: items[1].title: must not be empty"
        )),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("fail: the widget would show its error state (bad-data)"));
    let wrong = write(
        &dir,
        "wrong.json",
        br#"{"version": 1, "items": [{"id": 1, "title": ["x"]}]}"#,
    );
    let r = bulletin(&["check", &wrong, "--json"]);
    assert_eq!(r.status, 1);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["shows"], false);
    assert_eq!(v["code"], "bad-data");
    assert_eq!(v["problems"][0]["path"], "items[0].title");
    assert_eq!(
        v["problems"][0]["message"],
        "expected a string, found a list"
    );
    let version = write(&dir, "v2.json", br#"{"version": 2, "items": []}"#);
    let r = bulletin(&["check", &version]);
    assert!(
        r.stdout.contains("version: unsupported version 2"),
        "{}",
        r.stdout
    );
}

#[test]
fn ignored_fields_are_warnings_and_strict_fails_on_them() {
    let dir = scratch();
    let doc = json!({"version": 1, "items": [{"id": 1, "title": "خبر", "published": "1402/11/01",
        "url": "javascript:alert(1)"}],
        "election": {"title": "x", "opens": "2024-03-01T18:00:00+03:30", "closes": "2024-03-01T08:00:00+03:30"}});
    let file = write(&dir, "w.json", doc.to_string().as_bytes());
    let r = bulletin(&["check", &file]);
    assert_eq!(r.status, 0, "the widget still shows it: {}", r.stdout);
    for line in [
        format!(
            "warning: {file}: items[0].url: not an allowed link (only http and https) (ignored)"
        ),
        format!("warning: {file}: items[0].published: expected an RFC 3339 date"),
        format!("warning: {file}: election: opens must be before closes (ignored)"),
        "call to vote: no usable election; the widget shows".to_owned(),
        "ok: the widget shows it, without the 3 things listed above".to_owned(),
    ] {
        assert!(r.stdout.contains(&line), "missing {line:?} in {}", r.stdout);
    }
    let r = bulletin(&["check", &file, "--strict"]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("fail (--strict)"));
}

#[test]
fn an_election_block_from_another_file() {
    let dir = scratch();
    let r = bulletin(&[
        "check",
        "tests/fixtures/feeds/wordpress.json",
        "--election",
        SAMPLE,
        "--now",
        "2024-03-01T10:00:00+03:30",
    ]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("call to vote: \"انتخابات دوازدهمین دوره"),
        "{}",
        r.stdout
    );
    assert!(r
        .stdout
        .contains("open, voting is under way until 2024-03-01T18:00:00+03:30"));
    // a broken election source costs the call to vote only, as in the widget
    let bad = write(&dir, "e.json", br#"{"election": {"title": 5}}"#);
    let r = bulletin(&[
        "check",
        "tests/fixtures/feeds/wordpress.json",
        "--election",
        &bad,
    ]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "warning: {bad}: election.title: expected a string, found a number (the news still shows, without the call to vote) (ignored)"
        )),
        "{}",
        r.stdout
    );
    let r = bulletin(&[
        "check",
        "tests/fixtures/feeds/wordpress.json",
        "--election",
        &bad,
        "--strict",
    ]);
    assert_eq!(r.status, 1);
}

#[test]
fn hostile_input_gets_a_clear_message_and_status_1() {
    let dir = scratch();
    let binary: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let mut big = br#"{"version":1,"items":[{"id":1,"title":""#.to_vec();
    big.extend(std::iter::repeat_n(b'x', 5 * 1024 * 1024));
    big.extend(br#""}]}"#);
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "binary.json",
            binary,
            "is not UTF-8 text (invalid byte at offset",
        ),
        ("big.json", big, "body larger than 1048576 bytes"),
        (
            "deep.json",
            deep.into_bytes(),
            "the JSON is nested more than 64 levels deep",
        ),
        (
            "latin1.json",
            b"{\"items\":[{\"id\":1,\"title\":\"caf\xe9\"}]}".to_vec(),
            "is not UTF-8 text (invalid byte at offset 30)",
        ),
        (
            "page.json",
            b"\n  <!doctype html><h1>404</h1>".to_vec(),
            "is HTML, not JSON",
        ),
        (
            "empty.json",
            "\u{FEFF} \n".as_bytes().to_vec(),
            "the file is empty",
        ),
        (
            "trailing.json",
            br#"{"items": []} x"#.to_vec(),
            "not JSON (trailing characters at line 1 column 15)",
        ),
        (
            "nul.json",
            vec![0; 64],
            "not JSON (expected value at line 1 column 1)",
        ),
        ("scalar.json", b"42".to_vec(), "unrecognised format"),
    ];
    for (name, bytes, message) in cases {
        let path = write(&dir, name, &bytes);
        let r = bulletin(&["check", &path]);
        assert_eq!(r.status, 1, "{name}: {}", r.stdout);
        assert!(
            r.stdout.contains(&format!("error: {path}: ")),
            "{name}: {}",
            r.stdout
        );
        assert!(
            r.stdout.contains(message),
            "{name}: expected {message:?} in {}",
            r.stdout
        );
        // the other commands write nothing and say why
        for command in ["convert", "fallback"] {
            let r = bulletin(&[command, &path]);
            assert_eq!(r.status, 1, "{command} {name}");
            assert!(r.stdout.is_empty(), "{command} {name} wrote {}", r.stdout);
            assert!(r.stderr.contains(message), "{command} {name}: {}", r.stderr);
        }
    }
    let r = bulletin(&["check", &dir.join("missing.json").to_string_lossy()]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("cannot read the file"), "{}", r.stdout);
    let r = bulletin(&["check", &dir.to_string_lossy()]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("it is a directory"), "{}", r.stdout);
}

#[test]
fn standard_input_is_read_with_the_same_limit() {
    let r = bulletin_stdin(&["check", "-"], repo_file(SAMPLE).as_bytes());
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout.starts_with("<stdin>: native format"),
        "{}",
        r.stdout
    );
    let r = bulletin_stdin(&["check", "-"], &vec![b' '; 3 * 1024 * 1024]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout
            .contains("error: <stdin>: body larger than 1048576 bytes"),
        "{}",
        r.stdout
    );
}

#[test]
fn terminal_escapes_in_the_data_are_not_passed_to_the_terminal() {
    let doc = json!({"version": 1, "items": [{"id": 1, "title": "a\u{1b}]0;owned\u{7}b \u{202e}cba", "kicker": "\u{1b}[2J"}]});
    let r = bulletin_stdin(&["check", "-"], doc.to_string().as_bytes());
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        !r.stdout.contains('\u{1b}') && !r.stdout.contains('\u{202e}'),
        "{:?}",
        r.stdout
    );
    assert!(r.stdout.contains("\\u{1b}"), "{}", r.stdout);
}

#[test]
fn usage_errors_exit_2_and_every_command_has_help() {
    for args in [
        &[][..],
        &["--help"],
        &["help", "check"],
        &["check", "--help"],
        &["convert", "--help"],
        &["fallback", "-h"],
    ] {
        let r = bulletin(args);
        assert_eq!(r.status, 0, "{args:?}");
        assert!(r.stdout.contains("Usage:"), "{args:?}: {}", r.stdout);
    }
    assert!(bulletin(&["check", "--help"])
        .stdout
        .contains("--origin ORIGIN"));
    assert!(bulletin(&["convert", "--help"])
        .stdout
        .contains("-o, --output FILE"));
    assert!(bulletin(&["fallback", "--help"])
        .stdout
        .contains("--items N"));
    for args in [
        &["frobnicate"][..],
        &["check"],
        &["check", SAMPLE, "--timeout", "0"],
        &["check", SAMPLE, "--format", "rss"],
        &["check", SAMPLE, "--origin", "office.example"],
        &["convert", SAMPLE, "--json"],
        &["fallback", SAMPLE, "--items", "50"],
        &["check", SAMPLE, SAMPLE],
    ] {
        let r = bulletin(args);
        assert_eq!(r.status, 2, "{args:?}");
        assert!(
            r.stderr.contains("bulletin: ") && r.stderr.contains("--help"),
            "{args:?}: {}",
            r.stderr
        );
        assert!(r.stdout.is_empty());
    }
}

// -------------------------------------------------------------------------------- convert

/// Reads native or any other format with the widget's reader, links kept as the CLI keeps them.
fn widget_read(text: &str, fields: Option<&str>) -> Parsed {
    let resolve = resolver(None);
    let ctx = Context {
        resolve: &resolve,
        normalize: true,
        default_lang: "fa",
    };
    let map = fields.map(|f| {
        election_widget::feed::field_map::FieldMap::from_tree(
            &election_widget::feed::Source::tree(&JsonText(f)).unwrap(),
        )
        .unwrap()
    });
    read(&JsonText(text), None, map.as_ref(), &ctx).unwrap()
}

#[test]
fn convert_output_reads_back_as_the_same_items() {
    let mut inputs: Vec<(&str, Option<&str>)> = FEEDS.iter().map(|f| (*f, None)).collect();
    inputs.push((SAMPLE, None));
    inputs.push(("src/assets/bulletin.en.json", None));
    inputs.push(("tests/fixtures/feeds/custom.json", Some(CUSTOM_FIELDS)));
    for (input, fields) in inputs {
        let mut args = vec!["convert", input];
        if let Some(f) = fields {
            args.extend(["--fields", f]);
        }
        let r = bulletin(&args);
        assert_eq!(r.status, 0, "{input}: {}", r.stderr);
        let original = widget_read(&repo_file(input), fields);
        let converted = widget_read(&r.stdout, None);
        assert_eq!(converted.format, election_widget::feed::Format::Native);
        assert_eq!(converted.bulletin.items, original.bulletin.items, "{input}");
        assert_eq!(
            converted.bulletin.elections, original.bulletin.elections,
            "{input}"
        );
        assert_eq!(converted.bulletin.lang, original.bulletin.lang, "{input}");
        assert_eq!(
            converted.bulletin.generated, original.bulletin.generated,
            "{input}"
        );
        assert!(
            converted.warnings.is_empty(),
            "{input}: {:?}",
            converted.warnings
        );
        // and it passes check, without a warning
        let r = bulletin_stdin(&["check", "-", "--strict"], r.stdout.as_bytes());
        assert_eq!(r.status, 0, "{input}: {}", r.stdout);
    }
}

#[test]
fn convert_merges_an_election_and_writes_a_file() {
    let dir = scratch();
    let out = dir.join("bulletin.json");
    let out = out.to_string_lossy();
    let r = bulletin(&[
        "convert",
        "tests/fixtures/feeds/jsonfeed.json",
        "--election",
        SAMPLE,
        "-o",
        &out,
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains(&format!("wrote {out} (")), "{}", r.stderr);
    let v: Value = serde_json::from_str(&std::fs::read_to_string(&*out).unwrap()).unwrap();
    assert_eq!(v["version"], 1);
    assert_eq!(v["election"]["opens"], "2024-03-01T08:00:00+03:30");
    assert_eq!(v["election"]["cta"]["url"], "https://www.moi.ir/");
    assert_eq!(v["election"]["turnout"]["previous"], 42.57);
    // a failed conversion leaves the existing file as it was
    let broken = write(&dir, "broken.json", b"{");
    let r = bulletin(&["convert", &broken, "-o", &out]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("nothing written"), "{}", r.stderr);
    assert_eq!(
        serde_json::from_str::<Value>(&std::fs::read_to_string(&*out).unwrap()).unwrap(),
        v
    );
    // an unwritable output is an error, not a panic
    let r = bulletin(&[
        "convert",
        SAMPLE,
        "-o",
        &dir.join("no/such/dir/x.json").to_string_lossy(),
    ]);
    assert_eq!(r.status, 1);
    assert!(r.stderr.contains("error: cannot write"), "{}", r.stderr);
}

#[test]
fn convert_resolves_relative_links_against_base() {
    let base = "https://news.example.ir/election/feed.json";
    let r = bulletin(&[
        "convert",
        "tests/fixtures/feeds/jsonfeed.json",
        "--base",
        base,
    ]);
    assert_eq!(r.status, 0);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let urls: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["url"].as_str())
        .collect();
    assert!(
        urls.contains(&"https://news.example.ir/election/news/2"),
        "{urls:?}"
    );
    let r = bulletin(&["convert", "tests/fixtures/feeds/jsonfeed.json"]);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    let urls: Vec<&str> = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|i| i["url"].as_str())
        .collect();
    assert!(
        urls.contains(&"news/2"),
        "without --base the link stays relative: {urls:?}"
    );
}

// ------------------------------------------------------------------------------- fallback

/// Parses a fallback with a real HTML parser and checks it is inert: only the expected
/// elements and attributes, no event handler, no style, only absolute http(s) or tel links.
fn assert_inert(html: &str, context: &str) -> scraper::Html {
    let doc = scraper::Html::parse_fragment(html);
    assert!(
        doc.errors.is_empty(),
        "{context}: parse errors {:?} in {html}",
        doc.errors
    );
    const ELEMENTS: [&str; 16] = [
        "html", "body", "div", "article", "section", "nav", "ul", "li", "p", "h1", "h2", "h3",
        "h4", "a", "time", "bdi",
    ];
    const ATTRIBUTES: [&str; 6] = ["lang", "dir", "href", "rel", "datetime", "aria-label"];
    for node in doc.tree.nodes() {
        let Some(el) = node.value().as_element() else {
            continue;
        };
        let name = el.name();
        assert!(
            ELEMENTS.contains(&name),
            "{context}: element <{name}> in {html}"
        );
        for (attr, value) in el.attrs() {
            assert!(
                ATTRIBUTES.contains(&attr),
                "{context}: attribute {attr}={value:?} in {html}"
            );
            assert!(!attr.starts_with("on"), "{context}: event handler {attr}");
            if attr == "href" {
                let url = url::Url::parse(value)
                    .unwrap_or_else(|_| panic!("{context}: href {value:?} is not absolute"));
                assert!(
                    ["http", "https", "tel"].contains(&url.scheme()),
                    "{context}: href {value:?}"
                );
                assert_eq!(
                    url.as_str(),
                    value,
                    "{context}: href {value:?} is not as a browser writes it"
                );
            }
        }
    }
    doc
}

fn texts(doc: &scraper::Html, selector: &str) -> Vec<String> {
    let s = scraper::Selector::parse(selector).unwrap();
    doc.select(&s)
        .map(|e| e.text().collect::<String>())
        .collect()
}

#[test]
fn fallback_of_the_sample_bulletin() {
    let r = bulletin(&["fallback", SAMPLE, "--now", "2024-02-24T14:15:00+03:30"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let doc = assert_inert(&r.stdout, "sample");
    let root = doc
        .select(&scraper::Selector::parse("div").unwrap())
        .next()
        .unwrap();
    assert_eq!(root.value().attr("lang"), Some("fa"));
    assert_eq!(root.value().attr("dir"), Some("rtl"));
    assert_eq!(
        texts(&doc, "article > p")[0],
        "رئیس حوزه انتخابیه قدس؛",
        "the kicker"
    );
    assert!(texts(&doc, "article h2")[0].starts_with("انسجام‌بخشی روابط عمومی‌های ادارات"));
    assert!(
        texts(&doc, "article p")[1].starts_with("رئیس حوزه انتخابیه قدس بر موضوع"),
        "the lead"
    );
    assert_eq!(texts(&doc, "article time"), ["شنبه ۳۰ دی ۱۴۰۲، ساعت ۱۰:۳۰"]);
    assert!(texts(&doc, "section h2")[0].starts_with("انتخابات دوازدهمین دوره"));
    let section = texts(&doc, "section p").join("\n");
    assert!(
        section.contains("روز رأی‌گیری: جمعه ۱۱ اسفند ۱۴۰۲"),
        "{section}"
    );
    assert!(
        section.contains("ساعت رأی‌گیری: از ۰۸:۰۰ تا ۱۸:۰۰"),
        "{section}"
    );
    assert!(r.stdout.contains(
        r#"<a href="https://www.moi.ir/" rel="noopener">شعبه اخذ رأی نزدیک خود را پیدا کنید</a>"#
    ));
    assert!(!r.stdout.contains("ادامه خبر"), "no dead buttons");
    // after voting has ended, the link goes, as in the widget
    let r = bulletin(&["fallback", SAMPLE, "--now", "2024-03-01T18:00:00+03:30"]);
    assert!(!r.stdout.contains("https://www.moi.ir/"));
}

#[test]
fn fallback_headlines_links_and_heading_level() {
    let r = bulletin(&[
        "fallback",
        "tests/fixtures/feeds/wordpress.json",
        "--heading-level",
        "3",
        "--items",
        "2",
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let doc = assert_inert(&r.stdout, "wordpress");
    assert_eq!(texts(&doc, "h3").len(), 1);
    assert_eq!(texts(&doc, "nav li a"), ["خبر «دوم»"]);
    assert!(r.stdout.contains(r#"href="https://qods.example/?p=100""#));
    let r = bulletin(&[
        "fallback",
        "tests/fixtures/feeds/wordpress.json",
        "--items",
        "1",
    ]);
    assert!(!r.stdout.contains("<nav"), "{}", r.stdout);
    // relative links: left out with a warning, or resolved with --base
    let r = bulletin(&["fallback", "tests/fixtures/feeds/jsonfeed.json"]);
    assert_eq!(r.status, 0);
    assert!(
        r.stderr
            .contains("a relative link is left out of the fallback"),
        "{}",
        r.stderr
    );
    assert_inert(&r.stdout, "jsonfeed");
    let r = bulletin(&[
        "fallback",
        "tests/fixtures/feeds/jsonfeed.json",
        "--base",
        "https://news.example.ir/feed.json",
    ]);
    assert!(
        r.stdout
            .contains(r#"href="https://news.example.ir/news/2""#),
        "{}",
        r.stdout
    );
    let dir = scratch();
    let out = dir.join("f.html");
    let r = bulletin(&["fallback", SAMPLE, "-o", &out.to_string_lossy()]);
    assert_eq!(r.status, 0);
    assert_inert(&std::fs::read_to_string(out).unwrap(), "file");
}

/// The public hostile corpora and the page tests' own hostile strings.
fn hostile_strings() -> Vec<String> {
    let mut all = Vec::new();
    for file in [
        "tests/fixtures/shared/xss-public.json",
        "tests/fixtures/shared/naughty-public.json",
        "tests/page/hostile/strings.json",
    ] {
        all.extend(serde_json::from_str::<Vec<String>>(&repo_file(file)).unwrap());
    }
    assert!(all.len() > 250, "{} strings", all.len());
    all
}

#[test]
fn fallback_is_inert_for_every_hostile_string() {
    let strings = hostile_strings();
    // four workers: each string is one run of the program
    let (tx, rx) = mpsc::channel::<String>();
    let chunks: Vec<Vec<String>> = strings
        .chunks(strings.len().div_ceil(4))
        .map(<[String]>::to_vec)
        .collect();
    let workers: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            let tx = tx.clone();
            thread::spawn(move || {
                for s in chunk {
                    let doc = json!({"version": 1, "lang": "fa",
                        "items": [
                            {"id": s, "kicker": s, "title": format!("عنوان {s}"), "lead": s, "body": [s], "url": s,
                             "source": s, "published": s, "image": {"src": s, "alt": s}},
                            {"id": "b", "title": s, "url": s, "published": "2024-01-20T10:30:00+03:30"}],
                        "election": {"title": s, "opens": "2024-03-01T08:00:00+03:30", "closes": "2024-03-01T18:00:00+03:30",
                            "cta": {"label": s, "url": s}, "turnout": {"previous": 40, "label": s}}});
                    for base in [None, Some("https://news.example.ir/election/bulletin.json")] {
                        let mut args = vec!["fallback", "-", "--now", "2024-02-24T14:15:00+03:30"];
                        if let Some(b) = base {
                            args.extend(["--base", b]);
                        }
                        let r = bulletin_stdin(&args, doc.to_string().as_bytes());
                        assert_eq!(r.status, 0, "{s:?}: {}", r.stderr);
                        let parsed = assert_inert(&r.stdout, &format!("{s:?}"));
                        assert_eq!(texts(&parsed, "article").len(), 1, "{s:?}: one card");
                        assert_eq!(texts(&parsed, "section").len(), 1, "{s:?}: one call to vote");
                    }
                    tx.send(s).unwrap();
                }
            })
        })
        .collect();
    drop(tx);
    for w in workers {
        w.join().unwrap();
    }
    assert_eq!(rx.iter().count(), strings.len());
}

// ------------------------------------------------------------------------------- URLs

/// What the local server answers.
#[derive(Clone)]
enum Reply {
    /// Status, headers, body (Content-Length added).
    Full(u16, Vec<(&'static str, String)>, Vec<u8>),
    /// 200 with a body of this many bytes and no Content-Length (read to the end).
    Endless(usize),
    /// Accepts, reads the request, never answers (until the client goes away).
    Hang,
}

/// A server on 127.0.0.1 answering each path with `route(path)`; sends each request's head
/// (request line and headers) to the returned receiver.
fn serve(route: impl Fn(&str) -> Reply + Send + 'static) -> (String, mpsc::Receiver<String>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let (heads, seen) = mpsc::channel();
    thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut head = String::new();
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line == "\r\n" {
                    break;
                }
                head.push_str(&line);
            }
            let path = head.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let _ = heads.send(head);
            answer(&mut stream, &mut reader, route(&path));
        }
    });
    (base, seen)
}

fn answer(stream: &mut TcpStream, reader: &mut BufReader<TcpStream>, reply: Reply) {
    match reply {
        Reply::Full(status, headers, body) => {
            let mut head = format!(
                "HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n",
                body.len()
            );
            for (k, v) in headers {
                head.push_str(&format!("{k}: {v}\r\n"));
            }
            head.push_str("\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
        Reply::Endless(n) => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nAccess-Control-Allow-Origin: *\r\nConnection: close\r\n\r\n");
            let chunk = vec![b' '; 64 * 1024];
            let mut sent = 0;
            while sent < n {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
                sent += chunk.len();
            }
        }
        Reply::Hang => {
            // wait for the client to give up: the read ends when it closes the connection
            let mut rest = Vec::new();
            let _ = reader.read_to_end(&mut rest);
        }
    }
}

fn json_reply(body: &str, headers: &[(&'static str, &str)]) -> Reply {
    let mut h = vec![("Content-Type", "application/json; charset=utf-8".to_owned())];
    h.extend(headers.iter().map(|(k, v)| (*k, (*v).to_owned())));
    Reply::Full(200, h, body.as_bytes().to_vec())
}

#[test]
fn a_url_is_fetched_with_the_origin_and_its_cors_header_checked() {
    let sample = repo_file(SAMPLE);
    let (base, heads) = serve(move |path| match path {
        "/open.json" => json_reply(&sample, &[("Access-Control-Allow-Origin", "*")]),
        "/closed.json" => json_reply(&sample, &[]),
        "/named.json" => json_reply(
            &sample,
            &[("Access-Control-Allow-Origin", "https://office.example")],
        ),
        _ => Reply::Full(404, vec![], b"not here".to_vec()),
    });
    let origin = "https://office.example";
    let r = bulletin(&[
        "check",
        &format!("{base}/open.json"),
        "--origin",
        origin,
        "--json",
    ]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["http"]["origin_sent"], origin);
    assert_eq!(v["http"]["responses"][0]["status"], 200);
    assert_eq!(v["http"]["bytes"], sample_len());
    let head = heads.recv().unwrap();
    assert!(head.starts_with("GET /open.json HTTP/1.1"), "{head}");
    assert!(
        head.to_ascii_lowercase()
            .contains("origin: https://office.example\r\n"),
        "{head}"
    );

    // no Access-Control-Allow-Origin: the browser blocks the response, the widget shows its error
    let url = format!("{base}/closed.json");
    let r = bulletin(&["check", &url, "--origin", origin]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!("error: {url}: a page on https://office.example cannot read this response: there is no Access-Control-Allow-Origin header")),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(network)"), "{}", r.stdout);
    // without --origin the same response is readable by a page of its own origin: a note
    let r = bulletin(&["check", &url]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "note: {url}: no Access-Control-Allow-Origin header"
        )),
        "{}",
        r.stdout
    );
    // a named origin must be this one, and should come with Vary: Origin
    let named = format!("{base}/named.json");
    let r = bulletin(&["check", &named, "--origin", origin]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout.contains("Vary does not include Origin"),
        "{}",
        r.stdout
    );
    let r = bulletin(&["check", &named, "--origin", "https://other.example"]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout
            .contains("Access-Control-Allow-Origin is \"https://office.example\""),
        "{}",
        r.stdout
    );
    // the status decides before the body, as in the widget
    let r = bulletin(&["check", &format!("{base}/gone.json")]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("HTTP 404, not found") && r.stdout.contains("(not-found)"),
        "{}",
        r.stdout
    );
}

fn sample_len() -> usize {
    repo_file(SAMPLE).len()
}

#[test]
fn a_url_that_hangs_times_out() {
    let (base, _) = serve(|_| Reply::Hang);
    let url = format!("{base}/slow.json");
    let started = std::time::Instant::now();
    let r = bulletin(&["check", &url, "--timeout", "1"]);
    assert_eq!(r.status, 1, "{}", r.stdout);
    assert!(
        r.stdout.contains(&format!(
            "error: {url}: no complete answer within 1 seconds"
        )),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("(timeout)"));
    assert!(started.elapsed().as_secs() < 30, "the timeout held");
}

#[test]
fn a_url_too_large_is_refused_with_or_without_content_length() {
    let (base, _) = serve(|path| match path {
        "/declared.json" => Reply::Full(
            200,
            vec![("Access-Control-Allow-Origin", "*".into())],
            vec![b' '; 2 * 1024 * 1024],
        ),
        _ => Reply::Endless(5 * 1024 * 1024),
    });
    for path in ["/declared.json", "/streamed.json"] {
        let url = format!("{base}{path}");
        let r = bulletin(&["check", &url]);
        assert_eq!(r.status, 1, "{path}: {}", r.stdout);
        assert!(
            r.stdout
                .contains(&format!("error: {url}: body larger than 1048576 bytes")),
            "{}",
            r.stdout
        );
        assert!(r.stdout.contains("(too-large)"));
    }
}

#[test]
fn a_url_with_the_wrong_content_redirects_and_server_errors() {
    let sample = repo_file(SAMPLE);
    let (base, _) = serve(move |path| match path {
        "/page" => Reply::Full(
            200,
            vec![("Content-Type", "text/html".into())],
            b"<!doctype html><p>Login".to_vec(),
        ),
        "/text" => Reply::Full(
            200,
            vec![("Content-Type", "text/plain; charset=windows-1256".into())],
            sample.clone().into_bytes(),
        ),
        "/moved" => Reply::Full(
            302,
            vec![
                ("Location", "/text".into()),
                ("Access-Control-Allow-Origin", "*".into()),
            ],
            vec![],
        ),
        "/moved-closed" => Reply::Full(302, vec![("Location", "/text".into())], vec![]),
        _ => Reply::Full(503, vec![], vec![]),
    });
    let r = bulletin(&["check", &format!("{base}/page")]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("the response is HTML, not JSON"),
        "{}",
        r.stdout
    );
    let r = bulletin(&["check", &format!("{base}/text")]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    assert!(
        r.stdout
            .contains("Content-Type is \"text/plain; charset=windows-1256\""),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout
            .contains("names the charset \"windows-1256\": the widget reads UTF-8 only"),
        "{}",
        r.stdout
    );
    let r = bulletin(&["check", &format!("{base}/moved"), "--json"]);
    assert_eq!(r.status, 0, "{}", r.stdout);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["http"]["responses"][0]["status"], 302);
    assert_eq!(v["http"]["responses"][1]["status"], 200);
    // every response of a cross-origin request needs the CORS header, redirects too
    let r = bulletin(&[
        "check",
        &format!("{base}/moved-closed"),
        "--origin",
        "https://office.example",
    ]);
    assert_eq!(r.status, 1);
    assert!(r.stdout.contains("(on the redirect from"), "{}", r.stdout);
    let r = bulletin(&["check", &format!("{base}/busy")]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains("HTTP 503, server error") && r.stdout.contains("(server)"),
        "{}",
        r.stdout
    );
    // nobody listening
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/x.json", closed.local_addr().unwrap());
    drop(closed);
    let r = bulletin(&["check", &url]);
    assert_eq!(r.status, 1);
    assert!(
        r.stdout.contains(&format!("error: {url}: network error")),
        "{}",
        r.stdout
    );
}

#[test]
fn convert_and_fallback_read_urls_with_relative_links_against_them() {
    let feed = repo_file("tests/fixtures/feeds/jsonfeed.json");
    let election = repo_file(SAMPLE);
    let (base, _) = serve(move |path| match path {
        "/feeds/feed.json" => json_reply(&feed, &[("Access-Control-Allow-Origin", "*")]),
        _ => json_reply(&election, &[("Access-Control-Allow-Origin", "*")]),
    });
    let url = format!("{base}/feeds/feed.json");
    let r = bulletin(&[
        "convert",
        &url,
        "--election",
        &format!("{base}/election.json"),
    ]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    let v: Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["url"] == format!("{base}/feeds/news/2")),
        "{v}"
    );
    assert_eq!(v["election"]["closes"], "2024-03-01T18:00:00+03:30");
    let r = bulletin(&["fallback", &url, "--now", "2024-02-24T14:15:00+03:30"]);
    assert_eq!(r.status, 0, "{}", r.stderr);
    assert_inert(&r.stdout, "url");
}

// ------------------------------------------------------------------------ links on the host

#[test]
fn links_resolve_on_the_host_as_in_the_browser() {
    use election_widget::text::links::{resolve, LinkKind};
    let base = "https://news.example.ir/election/bulletin.json";
    let cases: [(&str, LinkKind, Option<&str>); 9] = [
        (
            "news/2",
            LinkKind::Web,
            Some("https://news.example.ir/election/news/2"),
        ),
        (
            "/a b?x=1#y",
            LinkKind::Web,
            Some("https://news.example.ir/a%20b?x=1#y"),
        ),
        (
            "//other.example/x",
            LinkKind::Web,
            Some("https://other.example/x"),
        ),
        (
            "HTTPS://EXAMPLE.com:443/",
            LinkKind::Web,
            Some("https://example.com/"),
        ),
        (" JaVa\tScRiPt:alert(1)", LinkKind::Web, None),
        ("data:text/html,x", LinkKind::Web, None),
        ("tel:+98-21-1234", LinkKind::Web, None),
        (
            "tel:+98-21-1234",
            LinkKind::WebOrTel,
            Some("tel:+98-21-1234"),
        ),
        ("https://[::1", LinkKind::Web, None),
    ];
    for (raw, kind, expected) in cases {
        assert_eq!(resolve(raw, base, kind).as_deref(), expected, "{raw:?}");
    }
    let idn = resolve("https://انتخابات.ایران/خبر", base, LinkKind::Web).unwrap();
    assert!(
        idn.starts_with("https://xn--") && idn.contains("/%D8%AE"),
        "{idn}"
    );
}
