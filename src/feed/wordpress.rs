//! WordPress REST API posts (`/wp-json/wp/v2/posts`, with or without `_embed`).

use serde::Deserialize;

use super::{
    finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, Source, TextRules,
};
use crate::text::html;

/// Reads a list of WordPress posts. Their `*.rendered` fields are HTML; `date_gmt` is UTC.
pub fn parse(source: &impl Source, ctx: &Context) -> Result<Parsed, FeedError> {
    let posts: Vec<Post> = source.read()?;
    let mut warnings = Vec::new();
    let lang = ctx.default_lang.to_owned();
    let rules = TextRules::new(&lang, ctx);
    let drafts = posts
        .into_iter()
        .enumerate()
        .map(|(i, post)| {
            let at = format!("[{i}]");
            let embedded = post.embedded.unwrap_or_default();
            let image = embedded
                .featured
                .and_then(|m| m.into_iter().next())
                .and_then(|m| {
                    let src = m.source_url?;
                    let size = m.media_details.unwrap_or_default();
                    Some(DraftImage {
                        src: (
                            src,
                            format!("{at}._embedded.wp:featuredmedia[0].source_url"),
                        ),
                        alt: m.alt_text,
                        width: size.width,
                        height: size.height,
                    })
                });
            let author = embedded
                .author
                .and_then(|a| a.into_iter().next())
                .and_then(|a| a.name);
            let published = match (post.date_gmt, post.date) {
                (Some(gmt), _) => {
                    Some((gmt, format!("{at}.date_gmt"), DateStyle::UtcWithoutOffset))
                }
                // `date` is the site's local time with no offset: only usable if it has one
                (None, Some(local)) => Some((local, format!("{at}.date"), DateStyle::Rfc3339)),
                (None, None) => None,
            };
            let lead = post
                .excerpt
                .map(|e| html::to_text(&e.rendered))
                .filter(|t| !t.is_empty());
            (
                at.clone(),
                Draft {
                    id: post
                        .id
                        .map(|id| id.to_string())
                        .unwrap_or_else(|| i.to_string()),
                    kicker: None,
                    title: post
                        .title
                        .map(|t| html::to_text(&t.rendered))
                        .unwrap_or_default(),
                    lead,
                    body: post
                        .content
                        .map(|c| html::to_paragraphs(&c.rendered))
                        .unwrap_or_default(),
                    url: post.link.map(|l| (l, format!("{at}.link"))),
                    source: author,
                    published,
                    image,
                },
            )
        })
        .collect();
    let items = finish(drafts, &rules, ctx, &mut warnings);
    Ok(Parsed::news(lang, items, Format::WordPress, warnings))
}

#[derive(Deserialize)]
struct Post {
    id: Option<u64>,
    date: Option<String>,
    date_gmt: Option<String>,
    link: Option<String>,
    title: Option<Rendered>,
    excerpt: Option<Rendered>,
    content: Option<Rendered>,
    #[serde(rename = "_embedded")]
    embedded: Option<Embedded>,
}

#[derive(Deserialize)]
struct Rendered {
    rendered: String,
}

#[derive(Deserialize, Default)]
struct Embedded {
    #[serde(rename = "wp:featuredmedia")]
    featured: Option<Vec<Media>>,
    author: Option<Vec<Author>>,
}

#[derive(Deserialize)]
struct Media {
    source_url: Option<String>,
    alt_text: Option<String>,
    media_details: Option<MediaDetails>,
}

#[derive(Deserialize, Default)]
struct MediaDetails {
    width: Option<f64>,
    height: Option<f64>,
}

#[derive(Deserialize)]
struct Author {
    name: Option<String>,
}
