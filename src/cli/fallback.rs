//! `bulletin fallback`: the HTML to put inside the widget's element, for readers without
//! WebAssembly and for search engines. Rendered by Yew's server-side renderer from the model
//! the widget builds, with the widget's locale: its words, Solar Hijri dates, digits and
//! direction.
//!
//! Not the widget's card itself: that one is made for its shadow root (a folding button, a
//! share button, element ids that would repeat with two widgets on a page, classes for its own
//! stylesheet). The fallback lives in the page's own DOM, styled by the page, so it is plain
//! semantic HTML: headings, paragraphs, `time`, links and a list; no script, no style, no class,
//! no id. Yew escapes every text and attribute; links are the reader's checked links, checked
//! once more here to be absolute http(s) (or `tel:` for the call to vote).

use std::rc::Rc;

use yew::{function_component, html, Html, LocalServerRenderer, Properties};

use super::args::Options;
use super::read::{analyse, Note, Severity};
use super::{deliver, Outcome, EXIT_FAIL, EXIT_OK};
use crate::cta::{self, Phase};
use crate::locale::Locale;
use crate::model::{Bulletin, Election};
use crate::text::links::{check, LinkKind, Verdict};
use crate::time::{format_rfc3339_utc, Instant};

/// What the fallback shows.
#[derive(Properties, PartialEq)]
pub struct FallbackProps {
    pub bulletin: Rc<Bulletin>,
    /// Picks the election (as the widget does) and hides its link once voting has ended.
    pub now: Instant,
    /// Items shown: the first in full, the others as headlines.
    pub items: usize,
    pub heading_level: u8,
}

/// The fallback content.
#[function_component]
pub fn Fallback(props: &FallbackProps) -> Html {
    let b = &props.bulletin;
    let locale = Locale::for_tag(b.lang.as_deref().unwrap_or("fa"));
    let s = locale.strings;
    let level = props.heading_level.clamp(1, 6);
    let heading = |text: String| html! { <@{format!("h{level}")}>{text}</@> };
    let first = b.items.first().map(|item| {
        let source = item.source.as_ref().map(|src| {
            html! { <>{s.source}{": "}<bdi>{text(src)}</bdi></> }
        });
        let date = item.published.map(|t| {
            html! { <time datetime={format_rfc3339_utc(t)}>{locale.date_time(t)}</time> }
        });
        let between = (source.is_some() && date.is_some()).then(|| html! { {" · "} });
        let meta =
            (source.is_some() || date.is_some()).then(|| html! { <p>{source}{between}{date}</p> });
        let link = item
            .url
            .as_deref()
            .and_then(|u| absolute(u, LinkKind::Web))
            .map(|url| {
                html! { <p><a href={url} rel="noopener">{s.full_story}</a></p> }
            });
        html! {
            <article>
                if let Some(kicker) = &item.kicker {
                    <p>{text(kicker)}</p>
                }
                {heading(text(&item.title))}
                if let Some(lead) = &item.lead {
                    <p>{text(lead)}</p>
                }
                {meta}
                {link}
            </article>
        }
    });
    let empty = b.items.is_empty().then(|| html! { <p>{s.empty}</p> });
    let shown = b.items.len().min(props.items.max(1));
    let more = (shown > 1).then(|| {
        html! {
            <nav aria-label={s.more_news}>
                <ul>
                    { for b.items[1..shown].iter().map(|item| {
                        let title = match item.url.as_deref().and_then(|u| absolute(u, LinkKind::Web)) {
                            Some(url) => html! { <a href={url} rel="noopener">{text(&item.title)}</a> },
                            None => html! { {text(&item.title)} },
                        };
                        let date = item.published.map(|t| html! {
                            <>{" · "}<time datetime={format_rfc3339_utc(t)}>{locale.date(t)}</time></>
                        });
                        html! { <li>{title}{date}</li> }
                    }) }
                </ul>
            </nav>
        }
    });
    let call =
        cta::pick(&b.elections, props.now).map(|e| election(e, &locale, props.now, &heading));
    html! {
        <div lang={locale.tag.clone()} dir={locale.dir.as_str()}>
            {first}{empty}{more}{call}
        </div>
    }
}

/// The election: its title, day and hours, and its link until voting ends.
fn election(e: &Election, locale: &Locale, now: Instant, heading: &dyn Fn(String) -> Html) -> Html {
    let s = locale.strings;
    let hours = locale.hours(e.opens, e.closes);
    let link = e
        .cta
        .as_ref()
        .filter(|_| cta::phase(e, now) != Phase::Closed)
        .and_then(|c| Some((absolute(&c.url, LinkKind::WebOrTel)?, text(&c.label))))
        .map(|(url, label)| html! { <p><a href={url} rel="noopener">{label}</a></p> });
    html! {
        <section>
            {heading(text(&e.title))}
            <p>{s.election_day}{": "}<time datetime={format_rfc3339_utc(e.opens)}>{locale.date(e.opens)}</time></p>
            <p>{s.hours}{": "}{hours}</p>
            {link}
        </section>
    }
}

/// Text as an HTML document may carry it (Yew escapes the markup): control characters (NUL
/// among them) and Unicode noncharacters are parse errors in HTML, so they are left out (a
/// browser would drop a NUL from the page's text anyway).
fn text(s: &str) -> String {
    s.chars()
        .filter(|&c| {
            let control = c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}');
            let u = c as u32;
            let nonchar = (0xFDD0..=0xFDEF).contains(&u) || u & 0xFFFE == 0xFFFE;
            !control && !nonchar
        })
        .collect()
}

/// A link that works from any page: absolute, with an allowed scheme.
fn absolute(url: &str, kind: LinkKind) -> Option<String> {
    match check(url, kind) {
        Verdict::Absolute(u) => Some(u),
        _ => None,
    }
}

/// Renders the fallback to an HTML fragment (with a final line break).
pub fn render(props: FallbackProps) -> Result<String, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| format!("cannot start the renderer: {e}"))?;
    let html = runtime.block_on(
        LocalServerRenderer::<Fallback>::with_props(props)
            .hydratable(false)
            .render(),
    );
    Ok(format!("{html}\n"))
}

/// Runs `bulletin fallback`.
pub fn run(o: &Options) -> Outcome {
    let mut analysis = analyse(o);
    let mut out = Outcome::default();
    let mut bulletin = match &mut analysis.result {
        Ok(p) => std::mem::take(&mut p.bulletin),
        Err(_) => Bulletin::default(),
    };
    // relative links resolve against the page in HTML, not against the bulletin's address
    let shown = bulletin.items.len().min(o.items);
    for (i, item) in bulletin.items.iter_mut().take(shown).enumerate() {
        if let Some(url) = item.url.take() {
            item.url = keep_absolute(
                url,
                LinkKind::Web,
                &format!("items[{i}].url"),
                &analysis.main.source,
                &mut analysis.notes,
            );
        }
    }
    if let Some(e) = cta::pick(&bulletin.elections, analysis.now).cloned() {
        for x in bulletin.elections.iter_mut().filter(|x| **x == e) {
            if let Some(mut c) = x.cta.take() {
                let url = keep_absolute(
                    c.url.clone(),
                    LinkKind::WebOrTel,
                    "election.cta.url",
                    &analysis.main.source,
                    &mut analysis.notes,
                );
                x.cta = url.map(|u| {
                    c.url = u;
                    c
                });
            }
        }
    }
    if !analysis.report_before_writing(o.strict, &mut out) {
        return out;
    }
    let props = FallbackProps {
        bulletin: Rc::new(bulletin),
        now: analysis.now,
        items: o.items,
        heading_level: o.heading_level,
    };
    let html = match render(props) {
        Ok(h) => h,
        Err(message) => {
            out.stderr.push_str(&format!("error: {message}\n"));
            out.status = EXIT_FAIL;
            return out;
        }
    };
    match deliver(o.output.as_deref(), &html) {
        Ok(Some(stdout)) => out.stdout = stdout,
        Ok(None) => out.stderr.push_str(&format!(
            "wrote {} ({} bytes)\n",
            super::terminal(o.output.as_deref().unwrap_or("")),
            html.len()
        )),
        Err(message) => {
            out.stderr
                .push_str(&format!("error: {}\n", super::terminal(&message)));
            out.status = EXIT_FAIL;
            return out;
        }
    }
    out.status = EXIT_OK;
    out
}

/// The link if it is absolute; a relative one is left out with a warning.
fn keep_absolute(
    url: String,
    kind: LinkKind,
    path: &str,
    source: &str,
    notes: &mut Vec<Note>,
) -> Option<String> {
    if absolute(&url, kind).is_some() {
        return Some(url);
    }
    notes.push(Note {
        severity: Severity::Warning,
        source: source.to_owned(),
        path: path.to_owned(),
        message: "a relative link is left out of the fallback: a page resolves it against its \
                  own address; give --base with the address the bulletin is served from"
            .into(),
        code: None,
    });
    None
}
