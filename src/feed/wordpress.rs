//! WordPress REST API posts (`/wp-json/wp/v2/posts`, with or without `_embed`).

use super::tree::{At, Tree};
use super::{finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, TextRules};
use crate::text::html;

/// Reads a list of WordPress posts. Their `*.rendered` fields are HTML; `date_gmt` is UTC.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let mut warnings = Vec::new();
    let lang = ctx.default_lang.to_owned();
    let rules = TextRules::new(&lang, ctx);
    let mut drafts = Vec::new();
    for (i, post) in At::root(doc).list()?.into_iter().enumerate() {
        let post = post.object()?;
        let at = post.path.clone();
        let rendered = |key: &str| -> Result<Option<String>, FeedError> {
            post.get(key)
                .map(|r| r.object()?.req_string("rendered"))
                .transpose()
        };
        let (image, author) = match post.get("_embedded") {
            Some(embedded) => {
                let embedded = embedded.object()?;
                (
                    featured_image(&embedded, &at)?,
                    first_name(embedded.get("author"))?,
                )
            }
            None => (None, None),
        };
        let published = match (post.opt_string("date_gmt")?, post.opt_string("date")?) {
            (Some(gmt), _) => Some((gmt, format!("{at}.date_gmt"), DateStyle::UtcWithoutOffset)),
            // `date` is the site's local time with no offset: only usable if it has one
            (None, Some(local)) => Some((local, format!("{at}.date"), DateStyle::Rfc3339)),
            (None, None) => None,
        };
        let draft = Draft {
            id: post
                .get("id")
                .map(|id| id.id())
                .transpose()?
                .unwrap_or_else(|| i.to_string()),
            kicker: None,
            title: rendered("title")?
                .map(|t| html::to_text(&t))
                .unwrap_or_default(),
            lead: rendered("excerpt")?
                .map(|e| html::to_text(&e))
                .filter(|t| !t.is_empty()),
            body: rendered("content")?
                .map(|c| html::to_paragraphs(&c))
                .unwrap_or_default(),
            url: post.opt_string("link")?.map(|l| (l, format!("{at}.link"))),
            source: author,
            published,
            image,
        };
        drafts.push((at, draft));
    }
    let items = finish(drafts, &rules, ctx, &mut warnings);
    Ok(Parsed::news(lang, items, Format::WordPress, warnings))
}

/// The featured image from `_embedded["wp:featuredmedia"][0]`, if it has a source URL
/// (WordPress puts an error object there when the media is private).
fn featured_image(embedded: &At, at: &str) -> Result<Option<DraftImage>, FeedError> {
    let Some(media) = embedded.get("wp:featuredmedia") else {
        return Ok(None);
    };
    let Some(first) = media.list()?.into_iter().next() else {
        return Ok(None);
    };
    let m = first.object()?;
    let Some(src) = m.opt_string("source_url")? else {
        return Ok(None);
    };
    let (width, height) = match m.get("media_details") {
        Some(d) => {
            let d = d.object()?;
            (d.opt_number("width")?, d.opt_number("height")?)
        }
        None => (None, None),
    };
    Ok(Some(DraftImage {
        src: (
            src,
            format!("{at}._embedded.wp:featuredmedia[0].source_url"),
        ),
        alt: m.opt_string("alt_text")?,
        width,
        height,
    }))
}

fn first_name(authors: Option<At>) -> Result<Option<String>, FeedError> {
    let Some(authors) = authors else {
        return Ok(None);
    };
    match authors.list()?.into_iter().next() {
        Some(a) => a.object()?.opt_string("name"),
        None => Ok(None),
    }
}
