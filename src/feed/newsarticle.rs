//! schema.org `NewsArticle` JSON-LD: one object, an array, or inside `@graph`.

use super::tree::Tree;
use super::{finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, TextRules};

/// Reads every article (`NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, …) in the document.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let mut found: Vec<(String, &Tree)> = Vec::new();
    collect(doc, String::new(), &mut found);
    if found.is_empty() && !doc.as_list().is_empty() {
        return Err(FeedError::document(
            "no schema.org NewsArticle (or other Article) object found",
        ));
    }
    let lang = found
        .iter()
        .find_map(|(_, a)| a.get("inLanguage").and_then(language))
        .unwrap_or_else(|| ctx.default_lang.to_owned());
    let rules = TextRules::new(&lang, ctx);
    let mut warnings = Vec::new();
    let drafts = found
        .into_iter()
        .enumerate()
        .map(|(i, (at, a))| (at.clone(), draft(a, &at, i)))
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings);
    Ok(Parsed::news(lang, items, Format::NewsArticle, warnings))
}

/// Articles at the top level, in a top-level array, or in `@graph`.
fn collect<'a>(node: &'a Tree, at: String, found: &mut Vec<(String, &'a Tree)>) {
    match node {
        Tree::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                collect(item, format!("{at}[{i}]"), found);
            }
        }
        Tree::Object(_) if is_article(node) => found.push((at, node)),
        Tree::Object(_) => {
            if let Some(graph) = node.get("@graph") {
                collect(graph, join(&at, "@graph"), found);
            }
        }
        _ => {}
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

fn is_article(node: &Tree) -> bool {
    node.get("@type").is_some_and(|t| {
        t.as_list().iter().filter_map(|t| t.as_str()).any(|t| {
            let t = t.rsplit(['/', ':']).next().unwrap_or(t);
            t.ends_with("Article") || t == "BlogPosting" || t == "NewsArticle"
        })
    })
}

fn language(t: &Tree) -> Option<String> {
    t.as_str()
        .map(str::to_owned)
        .or_else(|| t.get("alternateName").and_then(Tree::text))
}

/// Text of a field that may be a string, a number, an object with `name`, or a list of those.
fn text(t: Option<&Tree>) -> Option<String> {
    let parts: Vec<String> = t?
        .as_list()
        .into_iter()
        .filter_map(|v| v.text().or_else(|| v.get("name").and_then(Tree::text)))
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join("، "))
}

fn draft(a: &Tree, at: &str, index: usize) -> Draft {
    let field = |k: &str| join(at, k);
    let url = a
        .get("url")
        .and_then(Tree::text)
        .map(|u| (u, field("url")))
        .or_else(|| {
            let page = a.get("mainEntityOfPage")?;
            let id = page
                .as_str()
                .map(str::to_owned)
                .or_else(|| page.get("@id").and_then(Tree::text))?;
            Some((id, field("mainEntityOfPage")))
        });
    let image = a.get("image").and_then(|img| {
        let first = img.as_list().into_iter().next()?;
        let (src, alt, width, height) = match first {
            Tree::String(s) => (s.clone(), None, None, None),
            obj => (
                obj.get("url")
                    .or(obj.get("contentUrl"))
                    .and_then(Tree::text)?,
                obj.get("caption").or(obj.get("name")).and_then(Tree::text),
                obj.get("width").and_then(dimension),
                obj.get("height").and_then(dimension),
            ),
        };
        Some(DraftImage {
            src: (src, field("image")),
            alt,
            width,
            height,
        })
    });
    Draft {
        id: a
            .get("@id")
            .or(a.get("identifier"))
            .and_then(Tree::text)
            .unwrap_or_else(|| index.to_string()),
        kicker: a.get("alternativeHeadline").and_then(Tree::text),
        title: a
            .get("headline")
            .or(a.get("name"))
            .and_then(Tree::text)
            .unwrap_or_default(),
        lead: a.get("description").and_then(Tree::text),
        body: a
            .get("articleBody")
            .and_then(Tree::text)
            .into_iter()
            .collect(),
        url,
        source: text(a.get("publisher")).or_else(|| text(a.get("author"))),
        published: a
            .get("datePublished")
            .and_then(Tree::text)
            .map(|d| (d, field("datePublished"), DateStyle::Rfc3339)),
        image,
    }
}

/// A width or height: a number, a string holding one, or a QuantitativeValue.
fn dimension(t: &Tree) -> Option<f64> {
    t.as_f64().or_else(|| t.get("value").and_then(Tree::as_f64))
}
