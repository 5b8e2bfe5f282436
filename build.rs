//! Minifies `styles/widget.css` into the build directory, so the module carries the
//! stylesheet without its comments and indentation (`embed.rs` includes the result).

use std::{env, fs, path::Path};

fn main() {
    let source = "styles/widget.css";
    println!("cargo:rerun-if-changed={source}");
    let css = fs::read_to_string(source).unwrap_or_else(|e| panic!("reading {source}: {e}"));
    let out = Path::new(&env::var("OUT_DIR").unwrap_or_else(|_| ".".into())).join("widget.min.css");
    fs::write(&out, minify(&css)).unwrap_or_else(|e| panic!("writing {}: {e}", out.display()));
}

/// Drops comments, collapses white space, and removes it where CSS never needs it
/// (after `{`, `;`, `,` and around `}`). Strings in this stylesheet hold no such characters.
fn minify(css: &str) -> String {
    let mut without_comments = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        without_comments.push_str(&rest[..start]);
        rest = rest[start + 2..]
            .find("*/")
            .map_or("", |end| &rest[start + 2 + end + 2..]);
    }
    without_comments.push_str(rest);
    let collapsed = without_comments
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let mut out = String::with_capacity(collapsed.len());
    for c in collapsed.chars() {
        if c == ' ' && out.ends_with(['{', ';', ',', '}']) {
            continue;
        }
        if matches!(c, '{' | '}' | ';') && out.ends_with(' ') {
            out.pop();
        }
        out.push(c);
    }
    out
}
