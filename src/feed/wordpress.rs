//! WordPress REST API posts (`/wp-json/wp/v2/posts`, with or without `_embed`).

use super::tree::{At, Tree};
use super::{
    declared, finish, Context, DateStyle, Draft, DraftImage, FeedError, Format, Parsed, TextRules,
};
use crate::text::html;

/// Reads a list of WordPress posts. Their `*.rendered` fields are HTML; `date_gmt` is UTC.
/// WordPress names no language: the page's `data-lang`, else each field's script, decides.
pub fn parse(doc: &Tree, ctx: &Context) -> Result<Parsed, FeedError> {
    let mut warnings = Vec::new();
    let lang = declared(None, ctx);
    let rules = TextRules::new(lang.as_deref(), ctx);
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
        let published = match (post.opt_text("date_gmt")?, post.opt_text("date")?) {
            (Some(gmt), _) => Some((gmt, format!("{at}.date_gmt"), DateStyle::UtcWithoutOffset)),
            // `date` is the site's local time, usually with no offset: then only its day is known
            (None, Some(local)) => Some((local, format!("{at}.date"), DateStyle::Lenient)),
            (None, None) => None,
        };
        let url = post.opt_text("link")?;
        let id = match post.get("id") {
            Some(id) => Some(id.id()?).filter(|id| !id.trim().is_empty()),
            None => None,
        };
        let draft = Draft {
            id: id.or_else(|| url.clone()).unwrap_or_else(|| i.to_string()),
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
            url: url.map(|l| (l, format!("{at}.link"))),
            source: author,
            published,
            image,
        };
        drafts.push((at, draft));
    }
    let items = finish(drafts, &rules, ctx, &mut warnings)?;
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
    let Some(src) = m.opt_text("source_url")? else {
        return Ok(None);
    };
    // `media_details` is `[]` (PHP's empty array) for media without metadata
    let size = |key: &str| {
        m.value
            .get("media_details")
            .and_then(|d| d.get(key))
            .and_then(Tree::as_f64)
    };
    let (width, height) = (size("width"), size("height"));
    Ok(Some(DraftImage {
        src: (
            src,
            format!("{at}._embedded.wp:featuredmedia[0].source_url"),
        ),
        alt: m.opt_text("alt_text")?,
        width,
        height,
    }))
}

fn first_name(authors: Option<At>) -> Result<Option<String>, FeedError> {
    let Some(authors) = authors else {
        return Ok(None);
    };
    match authors.list()?.into_iter().next() {
        Some(a) => a.object()?.opt_text("name"),
        None => Ok(None),
    }
}
