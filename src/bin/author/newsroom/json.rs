//! JSON text from a [`Tree`]: indented two spaces like `src/assets/bulletin.fa.json`, UTF-8
//! as it is (Persian stays readable), with control and invisible formatting characters
//! escaped so that an editor shows them (the half-space, U+200C, is kept as it is: Persian
//! text is full of it).

use std::fmt::Write;

use election_widget::feed::tree::{number_text, Tree};

/// The document as indented JSON text, ending in a line break.
pub fn pretty(tree: &Tree) -> String {
    let mut out = String::new();
    write(&mut out, tree, 0);
    out.push('\n');
    out
}

fn indent(out: &mut String, level: usize) {
    out.push('\n');
    for _ in 0..level {
        out.push_str("  ");
    }
}

fn write(out: &mut String, tree: &Tree, level: usize) {
    match tree {
        Tree::Null => out.push_str("null"),
        Tree::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Tree::Number(n) if n.is_finite() => out.push_str(&number_text(*n)),
        Tree::Number(_) => out.push_str("null"),
        Tree::String(s) => string(out, s),
        Tree::Array(items) if items.is_empty() => out.push_str("[]"),
        Tree::Array(items) => {
            out.push('[');
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, level + 1);
                write(out, item, level + 1);
            }
            indent(out, level);
            out.push(']');
        }
        Tree::Object(members) if members.is_empty() => out.push_str("{}"),
        Tree::Object(members) => {
            out.push('{');
            for (i, (key, value)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                indent(out, level + 1);
                string(out, key);
                out.push_str(": ");
                write(out, value, level + 1);
            }
            indent(out, level);
            out.push('}');
        }
    }
}

/// Whether a character is escaped: controls, and invisible format characters other than
/// the half-space (direction marks and overrides, zero-width spaces, the BOM, separators).
fn escaped(c: char) -> bool {
    c < ' '
        || c == '\u{7F}'
        || ('\u{80}'..='\u{9F}').contains(&c)
        || matches!(c, '\u{200B}' | '\u{200D}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{FEFF}' | '\u{061C}')
}

fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if escaped(c) => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
