//! JSON Feed 1.1 and 1.0 (<https://jsonfeed.org/version/1.1>).

use super::tree::{At, Tree};
use super::{
    declared, finish, join_names, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed,
    TextRules,
};
use crate::text::html::{self, decode_references};

/// Reads a JSON Feed. Its plain-text fields (`title`, `summary`, `content_text`, names) are
/// decoded of the character references a CMS often leaves in them; `content_html` is HTML.
/// An item without `id` takes its `url`, else its position.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let feed = At::root(doc).object()?;
    let mut warnings = Vec::new();
    let lang = declared(feed.opt_string("language")?, ctx);
    let rules = TextRules::new(lang.as_deref(), ctx);
    let text = |t: Option<String>| t.map(|t| decode_references(&t));
    let feed_authors = authors(&feed)?;
    let feed_title = text(feed.opt_text("title")?);
    let mut drafts = Vec::new();
    for (i, item) in feed.require("items")?.list()?.into_iter().enumerate() {
        let it = item.object()?;
        let at = it.path.clone();
        let body = match (it.opt_text("content_text")?, it.opt_text("content_html")?) {
            (Some(plain), _) => vec![decode_references(&plain)],
            (None, Some(markup)) => html::to_paragraphs(&markup),
            (None, None) => Vec::new(),
        };
        let source = authors(&it)?
            .or_else(|| feed_authors.clone())
            .or_else(|| feed_title.clone());
        let url = match it.opt_text("url")? {
            Some(u) => Some((u, format!("{at}.url"))),
            None => it
                .opt_text("external_url")?
                .map(|u| (u, format!("{at}.external_url"))),
        };
        let image = match it.opt_text("image")? {
            Some(src) => Some((src, format!("{at}.image"))),
            None => it
                .opt_text("banner_image")?
                .map(|src| (src, format!("{at}.banner_image"))),
        }
        .map(|src| DraftImage {
            src,
            alt: None,
            width: None,
            height: None,
        });
        let id = match it.get("id") {
            Some(id) => Some(id.id()?).filter(|id| !id.trim().is_empty()),
            None => None,
        };
        let draft = Draft {
            id: id
                .or_else(|| url.as_ref().map(|(u, _)| u.clone()))
                .unwrap_or_else(|| i.to_string()),
            kicker: None,
            title: text(it.opt_text("title")?).unwrap_or_default(),
            lead: text(it.opt_text("summary")?),
            body,
            url,
            source: text(source),
            published: it
                .opt_text("date_published")?
                .map(|d| (d, format!("{at}.date_published"), DateStyle::Lenient)),
            image,
        };
        drafts.push((at, draft));
    }
    let items = finish(drafts, &rules, ctx, &mut warnings)?;
    Ok(Parsed::news(lang, items, Format::JsonFeed, warnings))
}

/// The names of `authors` (1.1), else of `author` (1.0), joined; None if there are none.
fn authors(at: &At) -> Result<Option<String>, FeedError> {
    let mut names = Vec::new();
    let list = match (at.get("authors"), at.get("author")) {
        (Some(list), _) => list.list()?,
        (None, Some(one)) => vec![one],
        (None, None) => Vec::new(),
    };
    for a in list {
        if let Some(name) = a.object()?.opt_text("name")? {
            names.push(name);
        }
    }
    Ok(join_names(&names))
}
