//! HTML to plain text, in Rust: no `innerHTML`, no `DOMParser`, nothing ever inserted as HTML.
//!
//! Feeds that define a field as HTML (JSON Feed `content_html`, WordPress `*.rendered`) are
//! read with this: tags dropped, entities decoded, block elements becoming paragraph breaks,
//! and the content of `script`, `style` and similar elements dropped whole. The result is
//! plain text, which the views render as text.

/// Elements whose content is never text for a reader.
const DROPPED: [&str; 9] = [
    "script", "style", "template", "noscript", "iframe", "object", "svg", "math", "head",
];

/// Elements that end a paragraph.
const BLOCKS: [&str; 27] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "figure",
    "figcaption",
    "table",
    "tr",
    "hr",
    "pre",
    "dd",
    "dt",
    "main",
];

/// Converts an HTML fragment to paragraphs of plain text (empty paragraphs dropped).
pub fn to_paragraphs(html: &str) -> Vec<String> {
    let mut paragraphs = Vec::new();
    let mut current = String::new();
    let mut dropping: Option<String> = None;
    let mut rest = html;
    let flush = |current: &mut String, paragraphs: &mut Vec<String>| {
        let text = super::collapse_spaces(current);
        if !text.is_empty() {
            paragraphs.push(text);
        }
        current.clear();
    };
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if dropping.is_none() {
                current.push_str(&decode_entities(rest));
            }
            break;
        };
        if dropping.is_none() {
            current.push_str(&decode_entities(&rest[..lt]));
        }
        rest = &rest[lt..];
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let Some((name, closing, len)) = tag(rest) else {
            // a '<' that starts no tag is text, as a browser would show it
            if dropping.is_none() {
                current.push('<');
            }
            rest = &rest[1..];
            continue;
        };
        rest = &rest[len..];
        if let Some(dropped) = &dropping {
            if closing && &name == dropped {
                dropping = None;
            }
            continue;
        }
        if !closing && DROPPED.contains(&name.as_str()) {
            dropping = Some(name);
            continue;
        }
        if BLOCKS.contains(&name.as_str()) {
            flush(&mut current, &mut paragraphs);
        }
    }
    flush(&mut current, &mut paragraphs);
    paragraphs
}

/// Converts an HTML fragment to one line of plain text (a title, a summary).
pub fn to_text(html: &str) -> String {
    to_paragraphs(html).join(" ")
}

/// Reads a tag at the start of `s` (which begins with '<'): its lower-cased name, whether it
/// closes, and its length. Quoted attribute values may contain '>'.
fn tag(s: &str) -> Option<(String, bool, usize)> {
    let bytes = s.as_bytes();
    let mut i = 1;
    let closing = bytes.get(i) == Some(&b'/');
    if closing {
        i += 1;
    }
    let start = i;
    if bytes.get(i) == Some(&b'!') || bytes.get(i) == Some(&b'?') {
        // doctype, CDATA, processing instruction: skip to '>'; without one, the rest is
        // swallowed, as a browser's bogus comment is (and each `<!` is scanned once, not
        // once per unclosed `<!`, which was quadratic)
        let end = s[i..].find('>').map_or(s.len(), |end| i + end + 1);
        return Some((String::new(), false, end));
    }
    while bytes
        .get(i)
        .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
    {
        i += 1;
    }
    if i == start || !bytes[start].is_ascii_alphabetic() {
        return None;
    }
    let name = s[start..i].to_ascii_lowercase();
    let mut quote: Option<u8> = None;
    while let Some(&b) = bytes.get(i) {
        match (quote, b) {
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'>') => return Some((name, closing, i + 1)),
            _ => {}
        }
        i += 1;
    }
    // an unterminated tag swallows the rest, as in a browser
    Some((name, closing, s.len()))
}

/// Decodes character references: numeric ones and the named ones feeds actually use.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        let (body, consumed) = match end {
            Some(e) if rest.as_bytes().get(e) == Some(&b';') => (&rest[1..e], e + 1),
            Some(e) => (&rest[1..e], e),
            None => (&rest[1..], rest.len()),
        };
        match entity(body) {
            Some(c) => {
                out.push(c);
                rest = &rest[consumed..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    if let Some(num) = name.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse::<u32>().ok()?,
        };
        // NUL and surrogates become the replacement character, as in HTML
        return Some(
            char::from_u32(code)
                .filter(|c| *c != '\0')
                .unwrap_or('\u{FFFD}'),
        );
    }
    Some(match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => '\u{00A0}',
        "zwnj" => '\u{200C}',
        "zwj" => '\u{200D}',
        "lrm" => '\u{200E}',
        "rlm" => '\u{200F}',
        "laquo" => '«',
        "raquo" => '»',
        "hellip" => '…',
        "mdash" => '—',
        "ndash" => '–',
        "lsquo" => '\u{2018}',
        "rsquo" => '\u{2019}',
        "ldquo" => '\u{201C}',
        "rdquo" => '\u{201D}',
        "bull" => '•',
        "middot" => '·',
        "copy" => '©',
        "reg" => '®',
        "times" => '×',
        _ => return None,
    })
}
