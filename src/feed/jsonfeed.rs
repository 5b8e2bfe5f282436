//! JSON Feed 1.1 (<https://jsonfeed.org/version/1.1>).

use serde::Deserialize;

use super::{
    finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, Source, TextRules,
};
use crate::text::html;

/// Reads a JSON Feed.
pub fn parse(source: &impl Source, ctx: &Context) -> Result<Parsed, FeedError> {
    let feed: Feed = source.read()?;
    let mut warnings = Vec::new();
    let lang = feed
        .language
        .filter(|l| !l.trim().is_empty())
        .unwrap_or_else(|| ctx.default_lang.to_owned());
    let rules = TextRules::new(&lang, ctx);
    let feed_authors = names(feed.authors.as_deref());
    let drafts = feed
        .items
        .into_iter()
        .enumerate()
        .map(|(i, it)| {
            let at = format!("items[{i}]");
            let body = match (it.content_text, it.content_html) {
                (Some(text), _) => vec![text],
                (None, Some(markup)) => html::to_paragraphs(&markup),
                (None, None) => Vec::new(),
            };
            let title = it.title.unwrap_or_default();
            let source = names(it.authors.as_deref())
                .or_else(|| feed_authors.clone())
                .or_else(|| feed.title.clone());
            let url = it
                .url
                .map(|u| (u, format!("{at}.url")))
                .or(it.external_url.map(|u| (u, format!("{at}.external_url"))));
            let image = it
                .image
                .map(|src| (src, format!("{at}.image")))
                .or(it
                    .banner_image
                    .map(|src| (src, format!("{at}.banner_image"))))
                .map(|src| DraftImage {
                    src,
                    alt: None,
                    width: None,
                    height: None,
                });
            (
                at.clone(),
                Draft {
                    id: it.id,
                    kicker: None,
                    title,
                    lead: it.summary,
                    body,
                    url,
                    source,
                    published: it
                        .date_published
                        .map(|d| (d, format!("{at}.date_published"), DateStyle::Rfc3339)),
                    image,
                },
            )
        })
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings);
    Ok(Parsed::news(lang, items, Format::JsonFeed, warnings))
}

fn names(authors: Option<&[Author]>) -> Option<String> {
    let names: Vec<&str> = authors?
        .iter()
        .filter_map(|a| a.name.as_deref())
        .filter(|n| !n.trim().is_empty())
        .collect();
    (!names.is_empty()).then(|| names.join("، "))
}

#[derive(Deserialize)]
struct Feed {
    title: Option<String>,
    language: Option<String>,
    authors: Option<Vec<Author>>,
    items: Vec<FeedItem>,
}

#[derive(Deserialize)]
struct Author {
    name: Option<String>,
}

#[derive(Deserialize)]
struct FeedItem {
    id: String,
    url: Option<String>,
    external_url: Option<String>,
    title: Option<String>,
    summary: Option<String>,
    content_text: Option<String>,
    content_html: Option<String>,
    image: Option<String>,
    banner_image: Option<String>,
    date_published: Option<String>,
    authors: Option<Vec<Author>>,
}
