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

/// Decodes character references as a browser does in HTML text: numeric ones, HTML 4's named
/// ones, and the Latin-1 names even without their `;`.
pub fn decode_entities(s: &str) -> String {
    decode(s, false)
}

/// Decodes well-formed character references only (with their `;`), in one pass: for plain-text
/// fields that a CMS escaped twice (`&amp;#8217;`, `&#039;`), where `&copy=2` in a query string
/// must stay as written. `&amp;lt;` becomes `&lt;`, never `<`.
pub fn decode_references(s: &str) -> String {
    decode(s, true)
}

fn decode(s: &str, strict: bool) -> String {
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
        let (body, consumed, terminated) = match end {
            Some(e) if rest.as_bytes().get(e) == Some(&b';') => (&rest[1..e], e + 1, true),
            Some(e) => (&rest[1..e], e, false),
            None => (&rest[1..], rest.len(), false),
        };
        // without its `;` (in HTML only, as a browser reads it): numbers, and the Latin-1 names
        let legacy = |c: &char| body.starts_with('#') || (*c as u32) < 0x100;
        let decoded = entity(body).filter(|c| terminated || (!strict && legacy(c)));
        match decoded {
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

/// HTML 4's named character references and `&apos;`, as runs of consecutive code points: a
/// run's first code point, then its names in order, `_` where a code point has none. Text
/// rather than a table of pairs: a third of the bytes in the module.
const NAMED: [(u32, &str); 40] = [
    (0x22, "quot _ _ _ amp apos"),
    (0x3C, "lt _ gt"),
    (0xA0, "nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute thorn yuml"),
    (0x152, "OElig oelig"),
    (0x160, "Scaron scaron"),
    (0x178, "Yuml"),
    (0x192, "fnof"),
    (0x2C6, "circ"),
    (0x2DC, "tilde"),
    (0x391, "Alpha Beta Gamma Delta Epsilon Zeta Eta Theta Iota Kappa Lambda Mu Nu Xi Omicron Pi Rho _ Sigma Tau Upsilon Phi Chi Psi Omega"),
    (0x3B1, "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho sigmaf sigma tau upsilon phi chi psi omega"),
    (0x3D1, "thetasym upsih _ _ _ piv"),
    (0x2002, "ensp emsp"),
    (0x2009, "thinsp _ _ zwnj zwj lrm rlm _ _ _ ndash mdash _ _ _ lsquo rsquo sbquo _ ldquo rdquo bdquo _ dagger Dagger bull _ _ _ hellip"),
    (0x2030, "permil _ prime Prime"),
    (0x2039, "lsaquo rsaquo _ _ _ oline"),
    (0x2044, "frasl"),
    (0x20AC, "euro"),
    (0x2111, "image"),
    (0x2118, "weierp _ _ _ real"),
    (0x2122, "trade"),
    (0x2135, "alefsym"),
    (0x2190, "larr uarr rarr darr harr"),
    (0x21B5, "crarr"),
    (0x21D0, "lArr uArr rArr dArr hArr"),
    (0x2200, "forall _ part exist _ empty _ nabla isin notin _ ni _ _ _ prod _ sum minus"),
    (0x2217, "lowast _ _ radic _ _ prop infin _ ang"),
    (0x2227, "and or cap cup int"),
    (0x2234, "there4"),
    (0x223C, "sim"),
    (0x2245, "cong _ _ asymp"),
    (0x2260, "ne equiv _ _ le ge"),
    (0x2282, "sub sup nsub _ sube supe"),
    (0x2295, "oplus _ otimes"),
    (0x22A5, "perp"),
    (0x22C5, "sdot"),
    (0x2308, "lceil rceil lfloor rfloor"),
    (0x25CA, "loz"),
    (0x2660, "spades _ _ clubs _ hearts diams"),
    (0x27E8, "lang rang"),
];

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
    if name.is_empty() || name == "_" {
        return None;
    }
    NAMED.iter().find_map(|(first, names)| {
        let at = names.split(' ').position(|n| n == name)?;
        char::from_u32(first + at as u32)
    })
}
