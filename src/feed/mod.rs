//! From what an endpoint served to the widget's [`Bulletin`](crate::model::Bulletin).
//!
//! Every format is read from one generic, depth-bounded [`Tree`]: the browser builds it
//! from `JSON.parse`'s result (no JSON parser and no serde in the wasm, which keeps the
//! module small), the host tests from serde_json, both through [`Source`]. The format is
//! detected from the document's shape ([`detect`]) unless the page names it. Each adapter
//! turns its format into [`Draft`] items; [`finish`] applies the one set of rules for every
//! format: text normalisation, the link policy, dates.
//! Structural errors name the JSON path of the bad field; a bad optional field is dropped
//! with a warning so that the rest of the bulletin still shows.

pub mod dates;
pub mod field_map;
pub mod jsonfeed;
pub mod native;
pub mod newsarticle;
pub mod tree;
pub mod wordpress;

use std::fmt;

use tree::Tree;

use crate::model::{Bulletin, Image, Item};
use crate::text::links::LinkKind;
use crate::text::{normalize, script};
use crate::time::{parse_rfc3339, Instant};

/// A parsed JSON document.
pub trait Source {
    /// The document as a tree.
    fn tree(&self) -> Result<Tree, FeedError>;
}

/// The browser's source: a value from `JSON.parse`, turned into a [`Tree`] without serde.
pub struct JsSource(pub wasm_bindgen::JsValue);

impl Source for JsSource {
    fn tree(&self) -> Result<Tree, FeedError> {
        Tree::from_js(&self.0).map_err(FeedError::document)
    }
}

/// What adapting needs from its surroundings.
pub struct Context<'a> {
    /// Checks a raw link and makes it absolute (against the endpoint's URL); None refuses it.
    pub resolve: &'a dyn Fn(&str, LinkKind) -> Option<String>,
    /// Whether Persian text is normalised for display (`data-normalize`, on by default).
    pub normalize: bool,
    /// The language the page names for feeds that name none (`data-lang`). Without either,
    /// a feed is read by its script: each text field's own letters decide.
    pub default_lang: Option<&'a str>,
}

/// A bulletin that was read, with what had to be dropped from it.
#[derive(Debug, PartialEq)]
pub struct Parsed {
    pub bulletin: Bulletin,
    pub format: Format,
    /// One line per dropped field: `items[2].published: expected an RFC 3339 date …`.
    pub warnings: Vec<String>,
}

impl Parsed {
    /// A news-only bulletin (feeds other than the native format carry no election block).
    pub fn news(
        lang: Option<String>,
        items: Vec<crate::model::Item>,
        format: Format,
        warnings: Vec<String>,
    ) -> Parsed {
        Parsed {
            bulletin: Bulletin {
                lang,
                items,
                ..Bulletin::default()
            },
            format,
            warnings,
        }
    }
}

/// Why a response is not a bulletin at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedError {
    /// JSON path of the offending value (`items[2].title`), empty for the document itself.
    pub path: String,
    pub message: String,
}

impl FeedError {
    /// An error about the document as a whole.
    pub fn document(message: impl Into<String>) -> FeedError {
        FeedError {
            path: String::new(),
            message: message.into(),
        }
    }
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// The feed formats the widget reads without conversion.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Native,
    JsonFeed,
    WordPress,
    NewsArticle,
    /// Anything else, through the page's `data-fields` map.
    FieldMap,
}

impl Format {
    /// The `data-format` value naming a format.
    pub fn from_attribute(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "native" => Some(Format::Native),
            "jsonfeed" | "json-feed" => Some(Format::JsonFeed),
            "wordpress" | "wp" => Some(Format::WordPress),
            "newsarticle" | "json-ld" | "jsonld" => Some(Format::NewsArticle),
            _ => None,
        }
    }

    /// The name used in console lines and the README.
    pub fn name(self) -> &'static str {
        match self {
            Format::Native => "native",
            Format::JsonFeed => "jsonfeed",
            Format::WordPress => "wordpress",
            Format::NewsArticle => "newsarticle",
            Format::FieldMap => "field map",
        }
    }
}

/// Reads any supported document: the field map when the page gave one, else the format the
/// page named, else the one its shape shows.
pub fn read(
    source: &impl Source,
    format: Option<Format>,
    fields: Option<&field_map::FieldMap>,
    ctx: &Context,
) -> Result<Parsed, FeedError> {
    let doc = source.tree()?;
    // what the conversion skipped (lists and objects over the limits) comes first
    let skipped = tree::take_notes();
    let parsed = read_tree(&doc, format, fields, ctx);
    parsed.map(|mut p| {
        if !skipped.is_empty() {
            p.warnings.splice(0..0, skipped);
        }
        p
    })
}

fn read_tree(
    doc: &Tree,
    format: Option<Format>,
    fields: Option<&field_map::FieldMap>,
    ctx: &Context,
) -> Result<Parsed, FeedError> {
    if let Some(map) = fields {
        return field_map::parse(doc, map, ctx);
    }
    let format = match format {
        Some(f) => f,
        None => detect(&Probe::of(doc)).ok_or_else(|| {
            FeedError::document(
                "unrecognised format: expected a native bulletin (version 1), JSON Feed, \
                 WordPress posts or schema.org NewsArticle JSON-LD; set data-format or data-fields",
            )
        })?,
    };
    match format {
        Format::Native | Format::FieldMap => native::parse(doc, ctx),
        Format::JsonFeed => jsonfeed::parse(doc, ctx),
        Format::WordPress => wordpress::parse(doc, ctx),
        Format::NewsArticle => newsarticle::parse(doc, ctx),
    }
}

/// The shape of a document: enough to tell the formats apart.
#[derive(Debug, Default, PartialEq)]
pub struct Probe {
    pub array: bool,
    /// Keys of the top-level object, or of the first element of a top-level array.
    pub keys: Vec<String>,
    /// The top-level `version`, when it is a string (JSON Feed names its version by URL).
    pub version_url: Option<String>,
}

impl Probe {
    /// The shape of a document.
    pub fn of(doc: &Tree) -> Probe {
        let keys = |t: &Tree| match t {
            Tree::Object(members) => members.iter().map(|(k, _)| k.clone()).collect(),
            _ => Vec::new(),
        };
        match doc {
            Tree::Array(items) => Probe {
                array: true,
                keys: items.first().map(keys).unwrap_or_default(),
                version_url: None,
            },
            other => Probe {
                array: false,
                keys: keys(other),
                version_url: other
                    .get("version")
                    .and_then(Tree::as_str)
                    .map(str::to_owned),
            },
        }
    }
}

/// Tells the format from a document's shape.
pub fn detect(p: &Probe) -> Option<Format> {
    let has = |k: &str| p.keys.iter().any(|key| key == k);
    if p.array {
        if has("@type") || has("@context") {
            return Some(Format::NewsArticle);
        }
        if has("title") && (has("content") || has("excerpt")) && (has("date_gmt") || has("link")) {
            return Some(Format::WordPress);
        }
        return None;
    }
    if p.version_url
        .as_deref()
        .is_some_and(|v| v.contains("jsonfeed.org"))
    {
        return Some(Format::JsonFeed);
    }
    if has("@graph") || has("@type") || has("@context") {
        return Some(Format::NewsArticle);
    }
    if has("items") {
        return Some(Format::Native);
    }
    None
}

/// How a feed writes its dates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateStyle {
    /// RFC 3339 with an offset (the native format).
    Rfc3339,
    /// `2024-03-01T04:30:00` with no offset, meaning UTC (WordPress `date_gmt`).
    UtcWithoutOffset,
    /// As publishers write them: see [`dates`].
    Lenient,
}

/// The language a feed declares, else the one the page names for it (`data-lang`); blank
/// tags count as none.
pub fn declared(feed: Option<String>, ctx: &Context) -> Option<String> {
    feed.filter(|l| !l.trim().is_empty())
        .or_else(|| ctx.default_lang.map(str::to_owned))
}

/// One item as an adapter read it, before the common rules. Raw links and dates carry the
/// JSON path that a warning about them names.
#[derive(Debug, Default)]
pub struct Draft {
    pub id: String,
    pub kicker: Option<String>,
    pub title: String,
    pub lead: Option<String>,
    /// Plain text (HTML fields already converted): each entry one paragraph, or several
    /// separated by blank lines.
    pub body: Vec<String>,
    pub url: Option<(String, String)>,
    pub source: Option<String>,
    pub published: Option<(String, String, DateStyle)>,
    pub image: Option<DraftImage>,
}

/// An image as an adapter read it.
#[derive(Debug)]
pub struct DraftImage {
    pub src: (String, String),
    pub alt: Option<String>,
    pub width: Option<f64>,
    pub height: Option<f64>,
}

/// Text rules for one bulletin: Persian normalisation where it applies.
#[derive(Clone, Copy)]
pub struct TextRules {
    /// Whether Persian rules apply, when the language is declared; None: each field's own
    /// script decides (mostly Latin text is not Persian; text without letters is, as the
    /// widget's own language is then Persian).
    persian: Option<bool>,
    /// `data-normalize` is on.
    normalize: bool,
    /// A feed that names no language whose Arabic-script text is Arabic or Urdu, not Persian.
    foreign: bool,
}

impl TextRules {
    /// The rules for content in `lang` (None: a feed that names no language).
    pub fn new(lang: Option<&str>, ctx: &Context) -> TextRules {
        let persian = lang.map(|l| {
            let primary = l.trim().to_ascii_lowercase();
            primary.split(['-', '_']).next() == Some("fa")
        });
        TextRules {
            persian,
            normalize: ctx.normalize,
            foreign: false,
        }
    }

    /// The rules for these drafts: for a feed that names no language, its Arabic-script text
    /// is Arabic when it writes ة and none of the letters Persian has and Arabic lacks
    /// (پ چ ژ گ ک ی), and Urdu when it writes Urdu's own letters (ٹ ڈ ڑ ں ھ ے); either is
    /// left as written. Decided over the whole feed: one short field says too little.
    fn judging(&self, drafts: &[(String, Draft)]) -> TextRules {
        let (mut persian, mut arabic, mut urdu) = (false, false, false);
        if self.persian.is_none() {
            let texts = drafts.iter().flat_map(|(_, d)| {
                [Some(&d.title), d.kicker.as_ref(), d.lead.as_ref()]
                    .into_iter()
                    .flatten()
                    .chain(d.body.iter())
            });
            for c in texts.flat_map(|t| t.chars()) {
                match c {
                    'پ' | 'چ' | 'ژ' | 'گ' | 'ک' | 'ی' => persian = true,
                    'ة' => arabic = true,
                    'ٹ' | 'ڈ' | 'ڑ' | 'ں' | 'ھ' | 'ے' => urdu = true,
                    _ => {}
                }
            }
        }
        TextRules {
            foreign: urdu || (arabic && !persian),
            ..*self
        }
    }

    /// Whether `s` is normalised as Persian.
    fn persian(&self, s: &str) -> bool {
        self.normalize
            && self.persian.unwrap_or_else(|| {
                !self.foreign && script::direction(s) != Some(crate::locale::Dir::Ltr)
            })
    }

    /// One line of text: normalised, or with its whitespace collapsed.
    pub fn line(&self, s: &str) -> String {
        if self.persian(s) {
            normalize::persian(s)
        } else {
            crate::text::collapse_spaces(s)
        }
    }

    /// An optional line; empty becomes None.
    pub fn optional(&self, s: Option<String>) -> Option<String> {
        s.map(|s| self.line(&s)).filter(|t| !t.is_empty())
    }

    /// A block of plain text, split into paragraphs (hard wraps rejoined in Persian).
    pub fn paragraphs(&self, s: &str) -> Vec<String> {
        if self.persian(s) {
            normalize::paragraphs(s)
        } else {
            s.split("\n\n")
                .map(|p| self.line(p))
                .filter(|p| !p.is_empty())
                .collect()
        }
    }
}

/// Applies the common rules to drafts: text, links, dates. Items without a title are
/// skipped with a warning naming their place, so one bad item does not hide the others; a
/// list whose every item was skipped is not a bulletin (an empty list is).
pub fn finish(
    drafts: Vec<(String, Draft)>,
    rules: &TextRules,
    ctx: &Context,
    warnings: &mut Vec<String>,
) -> Result<Vec<Item>, FeedError> {
    let given = drafts.len();
    let rules = &rules.judging(&drafts);
    let mut items = Vec::with_capacity(given);
    // dates without a time zone: said once per bulletin, naming the first
    let mut zoneless: Option<(String, usize)> = None;
    for (at, d) in drafts {
        let title = rules.line(&bounded(d.title, MAX_LINE, &at, "title", warnings));
        if title.is_empty() {
            warnings.push(format!("{at}: an item without a title was skipped"));
            continue;
        }
        let url = d
            .url
            .and_then(|(raw, path)| link(&raw, LinkKind::Web, &path, ctx, warnings));
        let image = d.image.and_then(|img| {
            let src = link(&img.src.0, LinkKind::Web, &img.src.1, ctx, warnings)?;
            Some(Image {
                src,
                alt: img
                    .alt
                    .map(|a| rules.line(&bounded(a, MAX_LINE, &at, "image.alt", warnings)))
                    .unwrap_or_default(),
                width: dimension(img.width),
                height: dimension(img.height),
            })
        });
        let published = d.published.and_then(|(raw, path, style)| {
            let p = publication(&raw, style, &path, warnings)?;
            if p.zone_missing {
                match &mut zoneless {
                    Some((_, n)) => *n += 1,
                    None => zoneless = Some((path, 1)),
                }
            }
            Some(p)
        });
        let body = body(d.body, rules, &at, warnings);
        items.push(Item {
            id: d.id,
            kicker: rules.optional(
                d.kicker
                    .map(|k| bounded(k, MAX_LINE, &at, "kicker", warnings)),
            ),
            title,
            lead: rules.optional(d.lead.map(|l| bounded(l, MAX_LEAD, &at, "lead", warnings))),
            body,
            url,
            source: rules.optional(
                d.source
                    .map(|s| bounded(s, MAX_LINE, &at, "source", warnings)),
            ),
            published: published.map(|p| p.at),
            date_only: published.is_some_and(|p| p.date_only),
            image,
        });
    }
    if let Some((first, n)) = zoneless {
        let others = match n {
            1 => String::new(),
            n => format!(" (and {} more)", n - 1),
        };
        warnings.push(format!(
            "{first}: a date and time without a time zone; shown as a date only{others}"
        ));
    }
    if items.is_empty() && given > 0 {
        return Err(FeedError::document(format!(
            "none of the {given} items has a title"
        )));
    }
    Ok(items)
}

/// Longest kicker, title, source or image description kept, in characters: far above what a
/// card shows, far below what slows a page (see [`crate::text::bounds`]).
pub const MAX_LINE: usize = 500;
/// Longest lead kept, in characters.
pub const MAX_LEAD: usize = 3_000;
/// Most text kept from one item's body, in characters.
pub const MAX_BODY: usize = 100_000;
/// Most paragraphs kept from one item's body (as many as a list's entries: `tree::MAX_LIST`).
pub const MAX_PARAGRAPHS: usize = tree::MAX_LIST;

/// A field's text within its bounds, with a warning naming `at.field` when it was cut.
pub fn bounded(s: String, max: usize, at: &str, field: &str, warnings: &mut Vec<String>) -> String {
    let path = if at.is_empty() {
        field.to_owned()
    } else {
        format!("{at}.{field}")
    };
    crate::text::bounds::bounded(s, max, &path, warnings)
}

/// An item's body as paragraphs, within [`MAX_BODY`] characters and [`MAX_PARAGRAPHS`].
fn body(raw: Vec<String>, rules: &TextRules, at: &str, warnings: &mut Vec<String>) -> Vec<String> {
    let mut budget = MAX_BODY;
    let mut paragraphs = Vec::new();
    let mut marks = 0;
    for block in raw {
        let (block, cut) = crate::text::bounds::bound(&block, budget);
        marks += cut.marks;
        if budget > 0 {
            paragraphs.extend(rules.paragraphs(&block));
        }
        budget = budget.saturating_sub(block.chars().count());
        if cut.shortened {
            warnings.push(format!(
                "{at}.body: longer than {MAX_BODY} characters; shortened"
            ));
            break;
        }
    }
    if marks > 0 {
        warnings.push(format!(
            "{at}.body: {marks} combining marks dropped (at most {} are kept on one letter)",
            crate::text::bounds::MAX_MARKS
        ));
    }
    if paragraphs.len() > MAX_PARAGRAPHS {
        warnings.push(format!(
            "{at}.body: {} paragraphs; only the first {MAX_PARAGRAPHS} are shown",
            paragraphs.len()
        ));
        paragraphs.truncate(MAX_PARAGRAPHS);
    }
    paragraphs
}

/// Parses an item's publication date in its feed's style, or warns and drops it.
fn publication(
    raw: &str,
    style: DateStyle,
    path: &str,
    warnings: &mut Vec<String>,
) -> Option<dates::Published> {
    if style != DateStyle::Lenient {
        return date(raw, style, path, warnings).map(|at| dates::Published {
            at,
            date_only: false,
            zone_missing: false,
        });
    }
    match dates::parse(raw) {
        Ok(p) => Some(p),
        Err(e) => {
            warnings.push(format!("{path}: {e}"));
            None
        }
    }
}

/// Parses a date in a feed's style, or warns and drops it.
pub fn date(
    raw: &str,
    style: DateStyle,
    path: &str,
    warnings: &mut Vec<String>,
) -> Option<Instant> {
    let parsed = match style {
        DateStyle::Rfc3339 => parse_rfc3339(raw),
        DateStyle::UtcWithoutOffset => {
            parse_rfc3339(&format!("{}Z", raw.trim())).or_else(|_| parse_rfc3339(raw))
        }
        DateStyle::Lenient => {
            return publication(raw, style, path, warnings).map(|p| p.at);
        }
    };
    match parsed {
        Ok(t) => Some(t),
        Err(e) => {
            warnings.push(format!("{path}: {e}"));
            None
        }
    }
}

/// Names joined into one source line: with «، » between right-to-left names, «, » otherwise.
pub fn join_names(names: &[String]) -> Option<String> {
    let rtl = script::direction(&names.concat()) == Some(crate::locale::Dir::Rtl);
    (!names.is_empty()).then(|| names.join(if rtl { "، " } else { ", " }))
}

/// Applies the link policy, or warns and drops the link.
pub fn link(
    raw: &str,
    kind: LinkKind,
    path: &str,
    ctx: &Context,
    warnings: &mut Vec<String>,
) -> Option<String> {
    let resolved = (ctx.resolve)(raw, kind);
    if resolved.is_none() {
        let also = if kind == LinkKind::WebOrTel {
            ", or tel"
        } else {
            ""
        };
        warnings.push(format!(
            "{path}: not an allowed link (only http and https{also})"
        ));
    }
    resolved
}

fn dimension(v: Option<f64>) -> Option<u32> {
    v.filter(|v| v.is_finite() && *v >= 1.0 && *v <= 10_000.0)
        .map(|v| v as u32)
}
