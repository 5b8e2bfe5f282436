//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>).

use super::tree::{At, Tree};
use super::{finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, TextRules};
use crate::text::html;

/// Reads a JSON Feed.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let feed = At::root(doc).object()?;
    let mut warnings = Vec::new();
    let lang = feed
        .opt_string("language")?
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| ctx.default_lang.to_owned());
    let rules = TextRules::new(&lang, ctx);
    let feed_authors = names(feed.get("authors"))?;
    let feed_title = feed.opt_string("title")?;
    let mut drafts = Vec::new();
    for item in feed.require("items")?.list()? {
        let it = item.object()?;
        let at = it.path.clone();
        let body = match (
            it.opt_string("content_text")?,
            it.opt_string("content_html")?,
        ) {
            (Some(text), _) => vec![text],
            (None, Some(markup)) => html::to_paragraphs(&markup),
            (None, None) => Vec::new(),
        };
        let source = names(it.get("authors"))?
            .or_else(|| feed_authors.clone())
            .or_else(|| feed_title.clone());
        let url = match it.opt_string("url")? {
            Some(u) => Some((u, format!("{at}.url"))),
            None => it
                .opt_string("external_url")?
                .map(|u| (u, format!("{at}.external_url"))),
        };
        let image = match it.opt_string("image")? {
            Some(src) => Some((src, format!("{at}.image"))),
            None => it
                .opt_string("banner_image")?
                .map(|src| (src, format!("{at}.banner_image"))),
        }
        .map(|src| DraftImage {
            src,
            alt: None,
            width: None,
            height: None,
        });
        let draft = Draft {
            id: it.require("id")?.id()?,
            kicker: None,
            title: it.opt_string("title")?.unwrap_or_default(),
            lead: it.opt_string("summary")?,
            body,
            url,
            source,
            published: it
                .opt_string("date_published")?
                .map(|d| (d, format!("{at}.date_published"), DateStyle::Rfc3339)),
            image,
        };
        drafts.push((at, draft));
    }
    let items = finish(drafts, &rules, ctx, &mut warnings);
    Ok(Parsed::news(lang, items, Format::JsonFeed, warnings))
}

/// Authors' names joined, if any are given.
fn names(authors: Option<At>) -> Result<Option<String>, FeedError> {
    let Some(authors) = authors else {
        return Ok(None);
    };
    let mut names = Vec::new();
    for a in authors.list()? {
        if let Some(name) = a
            .object()?
            .opt_string("name")?
            .filter(|n| !n.trim().is_empty())
        {
            names.push(name);
        }
    }
    Ok((!names.is_empty()).then(|| names.join("، ")))
}
