//! schema.org `NewsArticle` JSON-LD: one object, an array, or inside `@graph`.
//!
//! Read as publishers write it: nodes that refer to each other by `@id` within the document
//! (Yoast SEO and Rank Math put the image, the publisher, the author and the page beside the
//! article in one `@graph`), images in every shape schema.org allows, and text fields with
//! the character references a CMS escaped twice.

use super::tree::Tree;
use super::{
    declared, finish, join_names, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed,
    TextRules,
};
use crate::text::html::decode_references;

/// Reads every article (`NewsArticle`, `Article`, `ReportageNewsArticle`, `BlogPosting`, …) in the document.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let mut found: Vec<(String, &Tree)> = Vec::new();
    collect(doc, String::new(), &mut found);
    if found.is_empty() && !doc.as_list().is_empty() {
        return Err(FeedError::document(
            "no schema.org NewsArticle (or other Article) object found",
        ));
    }
    let nodes = Nodes::of(doc);
    let lang = declared(
        found
            .iter()
            .find_map(|(_, a)| a.get("inLanguage").and_then(language)),
        ctx,
    );
    let rules = TextRules::new(lang.as_deref(), ctx);
    let mut warnings = Vec::new();
    let drafts = found
        .into_iter()
        .enumerate()
        .map(|(i, (at, a))| (at.clone(), draft(a, &at, i, &nodes)))
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings)?;
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

/// The document's nodes that carry an `@id` (top level, arrays, `@graph`), sorted by it, so
/// that a reference is found in logarithmic time even in a graph of thousands of nodes.
struct Nodes<'a>(Vec<(&'a str, &'a Tree)>);

impl<'a> Nodes<'a> {
    fn of(doc: &'a Tree) -> Nodes<'a> {
        fn walk<'a>(node: &'a Tree, out: &mut Vec<(&'a str, &'a Tree)>) {
            match node {
                Tree::Array(items) => items.iter().for_each(|n| walk(n, out)),
                Tree::Object(_) => {
                    if let Some(id) = node.get("@id").and_then(Tree::as_str) {
                        out.push((id, node));
                    }
                    if let Some(graph) = node.get("@graph") {
                        walk(graph, out);
                    }
                }
                _ => {}
            }
        }
        let mut out = Vec::new();
        walk(doc, &mut out);
        heapsort(&mut out);
        Nodes(out)
    }

    /// `value` itself, or, when it is a reference (an object with an `@id` that lacks what is
    /// wanted), the first node of that `@id` that has it. One level deep: what the node found
    /// refers to in turn is not followed, so references that form a cycle are harmless. Real
    /// graphs give one `@id` to several nodes (the page, its image and the article), hence
    /// the test of what is wanted.
    fn resolve(&self, value: &'a Tree, wanted: &dyn Fn(&Tree) -> bool) -> &'a Tree {
        if wanted(value) {
            return value;
        }
        let Some(id) = value.get("@id").and_then(Tree::as_str) else {
            return value;
        };
        let start = self.0.partition_point(|(k, _)| *k < id);
        self.0[start..]
            .iter()
            .take_while(|(k, _)| *k == id)
            .map(|(_, node)| *node)
            .find(|node| wanted(node))
            .unwrap_or(value)
    }
}

/// Sorts by `@id` in O(n log n) whatever the input: a heapsort, a few hundred bytes of module
/// where the standard library's sorts cost kilobytes.
fn heapsort(v: &mut [(&str, &Tree)]) {
    fn sift(v: &mut [(&str, &Tree)], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child].0 < v[child + 1].0 {
                child += 1;
            }
            if v[root].0 >= v[child].0 {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for root in (0..n / 2).rev() {
        sift(v, root, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

fn join(at: &str, key: &str) -> String {
    if at.is_empty() {
        key.to_owned()
    } else {
        format!("{at}.{key}")
    }
}

/// Any `*Article` type (`NewsArticle`, `ReportageNewsArticle`, `OpinionNewsArticle`, …) and
/// `BlogPosting`, as a name or an IRI, alone or in a list of types.
fn is_article(node: &Tree) -> bool {
    node.get("@type").is_some_and(|t| {
        t.as_list().iter().filter_map(|t| t.as_str()).any(|t| {
            let t = t.rsplit(['/', ':', '#']).next().unwrap_or(t);
            t.ends_with("Article") || t.ends_with("BlogPosting")
        })
    })
}

fn language(t: &Tree) -> Option<String> {
    t.as_str()
        .map(str::to_owned)
        .or_else(|| t.get("alternateName").and_then(Tree::text))
}

/// The elements of a list value: a JSON array, a JSON-LD `{"@list": […]}`, or one value.
fn items(t: &Tree) -> Vec<&Tree> {
    match t.get("@list") {
        Some(list) => list.as_list(),
        None => t.as_list(),
    }
}

/// Text of a value: a string, a number, or a JSON-LD `{"@value": …}`; references decoded.
fn plain(t: &Tree) -> Option<String> {
    t.text()
        .or_else(|| t.get("@value").and_then(Tree::text))
        .map(|s| decode_references(&s))
        .filter(|s| !s.trim().is_empty())
}

/// The first text of a field that may also be a list.
fn first_text(t: Option<&Tree>) -> Option<String> {
    items(t?).into_iter().find_map(plain)
}

/// Names of a field that may be a string, an object with `name`, a reference to one, or a list.
fn names(t: Option<&Tree>, nodes: &Nodes) -> Option<String> {
    let has_name = |n: &Tree| n.get("name").is_some();
    let parts: Vec<String> = items(t?)
        .into_iter()
        .filter_map(|v| {
            plain(v).or_else(|| nodes.resolve(v, &has_name).get("name").and_then(plain))
        })
        .collect();
    join_names(&parts)
}

fn draft(a: &Tree, at: &str, index: usize, nodes: &Nodes) -> Draft {
    let field = |k: &str| join(at, k);
    // the page the article is the main entity of: a URL, or a WebPage (often a reference)
    let page = a.get("mainEntityOfPage").map(|p| {
        nodes.resolve(p, &|n: &Tree| {
            n.get("url").is_some() || n.get("description").is_some()
        })
    });
    let page_url = page.and_then(|p| {
        plain(p)
            .or_else(|| p.get("url").and_then(plain))
            .or_else(|| p.get("@id").and_then(plain))
    });
    let url = a
        .get("url")
        .and_then(|u| first_text(Some(u)))
        .map(|u| (u, field("url")))
        .or_else(|| page_url.map(|u| (u, field("mainEntityOfPage"))));
    let image = a
        .get("image")
        .and_then(|img| image(img, nodes))
        .map(|(src, alt, width, height)| DraftImage {
            src: (src, field("image")),
            alt,
            width,
            height,
        })
        .or_else(|| {
            let src = first_text(a.get("thumbnailUrl"))?;
            Some(DraftImage {
                src: (src, field("thumbnailUrl")),
                alt: None,
                width: None,
                height: None,
            })
        });
    // Yoast writes the summary on the page, not on the article
    let lead = first_text(a.get("description"))
        .or_else(|| page.and_then(|p| first_text(p.get("description"))));
    Draft {
        id: first_text(a.get("@id").or(a.get("identifier")))
            .or_else(|| url.as_ref().map(|(u, _)| u.clone()))
            .unwrap_or_else(|| index.to_string()),
        kicker: first_text(a.get("alternativeHeadline")),
        // `headLine` as a widespread Persian news CMS writes it
        title: first_text(a.get("headline").or(a.get("headLine")).or(a.get("name")))
            .unwrap_or_default(),
        lead,
        body: first_text(a.get("articleBody")).into_iter().collect(),
        url,
        source: names(a.get("publisher"), nodes).or_else(|| names(a.get("author"), nodes)),
        published: first_text(a.get("datePublished"))
            .map(|d| (d, field("datePublished"), DateStyle::Lenient)),
        image,
    }
}

type ImageParts = (String, Option<String>, Option<f64>, Option<f64>);

/// The first usable image of an `image` value: a URL, an `ImageObject` (or a reference to
/// one), a list or `{"@list": …}` of those.
fn image(value: &Tree, nodes: &Nodes) -> Option<ImageParts> {
    let is_image = |n: &Tree| n.get("url").is_some() || n.get("contentUrl").is_some();
    items(value).into_iter().find_map(|v| {
        if let Some(src) = plain(v) {
            return Some((src, None, None, None));
        }
        let obj = nodes.resolve(v, &is_image);
        let src = first_text(obj.get("url")).or_else(|| first_text(obj.get("contentUrl")))?;
        Some((
            src,
            // a `name` is often the file's name, which describes nothing
            first_text(obj.get("caption")).or_else(|| {
                first_text(obj.get("name")).filter(|n| n.contains(' ') || !n.contains('.'))
            }),
            obj.get("width").and_then(dimension),
            obj.get("height").and_then(dimension),
        ))
    })
}

/// A width or height: a number, a string holding one, or a QuantitativeValue.
fn dimension(t: &Tree) -> Option<f64> {
    t.as_f64().or_else(|| t.get("value").and_then(Tree::as_f64))
}
