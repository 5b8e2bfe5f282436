//! Any other JSON, through the page's field map (`data-fields`): JSON Pointers (RFC 6901)
//! to the list of items and, inside one item, to each card field.
//!
//! ```json
//! { "items": "/data/posts", "title": "/headline", "lead": "/summary",
//!   "body": { "pointer": "/content", "html": true }, "url": "/link",
//!   "published": "/date", "image": "/picture/src", "source": "/desk" }
//! ```
//! A field marked `"html": true` is read as HTML (tags dropped, entities decoded); every
//! other mapped field is plain text, decoded of well-formed character references.

use super::tree::Tree;
use super::{
    declared, finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, TextRules,
};
use crate::text::html;
use crate::text::quoted::Quoted;

/// Card fields a map may name.
pub const FIELDS: [&str; 10] = [
    "id",
    "kicker",
    "title",
    "lead",
    "body",
    "url",
    "published",
    "image",
    "image_alt",
    "source",
];

/// One mapped field.
#[derive(Clone, Debug, PartialEq)]
pub struct Spec {
    pub pointer: String,
    pub html: bool,
}

/// A validated field map.
#[derive(Clone, Debug, PartialEq)]
pub struct FieldMap {
    /// Pointer to the list of items in the document ("" when the document is the list).
    pub items: String,
    pub fields: Vec<(&'static str, Spec)>,
}

impl FieldMap {
    /// Validates a map read from `data-fields`; the error names the bad key.
    pub fn from_tree(t: &Tree) -> Result<FieldMap, String> {
        let Tree::Object(members) = t else {
            return Err("data-fields must be a JSON object".into());
        };
        let mut items = String::new();
        let mut fields = Vec::new();
        for (key, value) in members {
            let spec = match value {
                Tree::String(p) => Spec { pointer: p.clone(), html: false },
                Tree::Object(_) => Spec {
                    pointer: value.get("pointer").and_then(Tree::as_str).ok_or(format!("data-fields.{key}: needs a \"pointer\""))?.to_owned(),
                    html: matches!(value.get("html"), Some(Tree::Bool(true))),
                },
                _ => return Err(format!("data-fields.{key}: expected a JSON Pointer string or {{\"pointer\", \"html\"}}")),
            };
            if !(spec.pointer.is_empty() || spec.pointer.starts_with('/')) {
                return Err(format!(
                    "data-fields.{key}: {} is not a JSON Pointer (it starts with /)",
                    Quoted(&spec.pointer)
                ));
            }
            if key == "items" {
                items = spec.pointer;
            } else if let Some(name) = FIELDS.iter().find(|f| **f == key) {
                fields.push((*name, spec));
            } else {
                return Err(format!(
                    "data-fields.{key}: unknown field; known: items, {}",
                    FIELDS.join(", ")
                ));
            }
        }
        if !fields.iter().any(|(f, _)| *f == "title") {
            return Err("data-fields: a \"title\" pointer is required".into());
        }
        Ok(FieldMap { items, fields })
    }

    fn spec(&self, name: &str) -> Option<&Spec> {
        self.fields.iter().find(|(f, _)| *f == name).map(|(_, s)| s)
    }
}

/// Reads a document through a field map. Plain fields are decoded of the character
/// references a CMS often leaves in them (a mapped `url` or `image` before the link policy
/// judges it); blank values count as absent; an item without an `id` takes its `url`, else its
/// position.
pub fn parse(doc: &Tree, map: &FieldMap, ctx: &Context) -> Result<Parsed, FeedError> {
    let list = doc.pointer(&map.items).ok_or_else(|| FeedError {
        path: map.items.clone(),
        message: "data-fields.items points at nothing in the response".into(),
    })?;
    let Tree::Array(entries) = list else {
        return Err(FeedError {
            path: map.items.clone(),
            message: "data-fields.items must point at a list".into(),
        });
    };
    let lang = declared(None, ctx);
    let rules = TextRules::new(lang.as_deref(), ctx);
    let mut warnings = Vec::new();
    let drafts = entries
        .iter()
        .enumerate()
        .map(|(i, entry)| {
            let at = format!("{}/{i}", map.items);
            // (value, JSON path, read as HTML)
            let get = |name: &str| -> Option<(String, String, bool)> {
                let spec = map.spec(name)?;
                let value = entry.pointer(&spec.pointer)?.text()?;
                let value = if spec.html {
                    value
                } else {
                    html::decode_references(&value)
                };
                (!value.trim().is_empty())
                    .then(|| (value, format!("{at}{}", spec.pointer), spec.html))
            };
            let line = |name: &str| {
                get(name).map(|(v, _, is_html)| if is_html { html::to_text(&v) } else { v })
            };
            let body = get("body")
                .map(|(v, _, is_html)| {
                    if is_html {
                        html::to_paragraphs(&v)
                    } else {
                        vec![v]
                    }
                })
                .unwrap_or_default();
            let image = get("image").map(|(src, path, _)| DraftImage {
                src: (src, path),
                alt: line("image_alt"),
                width: None,
                height: None,
            });
            let url = get("url").map(|(u, path, _)| (u, path));
            (
                at.clone(),
                Draft {
                    id: line("id")
                        .or_else(|| url.as_ref().map(|(u, _)| u.clone()))
                        .unwrap_or_else(|| i.to_string()),
                    kicker: line("kicker"),
                    title: line("title").unwrap_or_default(),
                    lead: line("lead"),
                    body,
                    url,
                    source: line("source"),
                    published: get("published").map(|(d, path, _)| (d, path, DateStyle::Lenient)),
                    image,
                },
            )
        })
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings)?;
    Ok(Parsed::news(lang, items, Format::FieldMap, warnings))
}
