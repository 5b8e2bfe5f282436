//! Host attributes to a typed configuration, with defaults (pure).
//!
//! | attribute | meaning | default |
//! |---|---|---|
//! | `data-src` | bulletin URL, relative to the page | required |
//! | `data-now` | RFC 3339 instant that fixes the clock (demos, tests; only where the loader's `<script>` carries `data-allow-now`) | the device clock |
//! | `data-lang` | language of the widget's own labels before a bulletin names one | `fa` |
//! | `data-normalize` | `off` disables Persian text normalisation | on |
//! | `data-heading-level` | heading level of card and call-to-action titles, 1–6 | 2 |
//! | `data-timeout` | seconds per request attempt | 10 |
//! | `data-format` | `native`, `jsonfeed`, `wordpress`, `newsarticle` | detected |
//! | `data-fields` | JSON field map (JSON Pointers) for any other JSON | none |
//! | `data-items` | how many items show: the first as the card, the rest as headlines | 1 |
//! | `data-election-src` | a second endpoint, native format, for the election block | none |
//! | `data-refresh` | seconds between refreshes (at least 30) | no refresh |

use crate::feed::Format;
use crate::policy::{self, PagePolicy};
use crate::problem::Problem;
use crate::text::quoted::Quoted;
use crate::time::{parse_rfc3339, Instant};

/// Shortest refresh period; shorter ones are raised to it, with a console warning.
pub const MIN_REFRESH_SECS: u32 = 30;

/// Largest body read, in bytes.
pub const DEFAULT_MAX_BYTES: u64 = 1024 * 1024;

/// A widget's settings, read once from its host element.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The absolute bulletin URL, or why there is none.
    pub src: Result<String, Problem>,
    pub now: Option<Instant>,
    pub lang: Option<String>,
    pub normalize: bool,
    pub heading_level: u8,
    pub timeout_secs: u32,
    pub max_bytes: u64,
    pub format: Option<Format>,
    /// The raw `data-fields` JSON; parsed where the browser's JSON parser is at hand.
    pub fields: Option<String>,
    /// Items shown: 1 is the card alone.
    pub items: usize,
    /// Where the election block comes from, when not from the bulletin itself.
    pub election_src: Option<Result<String, Problem>>,
    pub refresh_secs: Option<u32>,
    /// Problems with optional attributes, for the console; defaults were used instead.
    pub warnings: Vec<String>,
}

impl Config {
    /// Reads the configuration through `attr` (an attribute getter) and `resolve` (makes
    /// `data-src` absolute against the page and checks its scheme), under the page's own
    /// rules (`policy`: allowed endpoints, whether `data-now` counts).
    pub fn from_attributes(
        attr: &dyn Fn(&str) -> Option<String>,
        resolve: &dyn Fn(&str) -> Option<String>,
        policy: &PagePolicy,
    ) -> Config {
        let mut warnings = Vec::new();
        let src = match attr("data-src").map(|s| s.trim().to_owned()) {
            None => Err(Problem::Config(
                "the element has no data-src attribute".into(),
            )),
            Some(s) if s.is_empty() => Err(Problem::Config("data-src is empty".into())),
            Some(s) => endpoint("data-src", &s, resolve, policy),
        };
        let now = match attr("data-now") {
            Some(_) if !policy.allow_now => {
                warnings.push(
                    "data-now is ignored: only a page whose loader <script> element carries \
                     data-allow-now (demos and tests) may fix the widget's clock"
                        .into(),
                );
                None
            }
            Some(raw) => match parse_rfc3339(&raw) {
                Ok(t) => Some(t),
                Err(e) => {
                    warnings.push(format!(
                        "data-now {}: {e}; using the device clock",
                        Quoted(&raw)
                    ));
                    None
                }
            },
            None => None,
        };
        let lang = attr("data-lang")
            .map(|l| l.trim().to_owned())
            .filter(|l| !l.is_empty());
        let normalize = !matches!(
            attr("data-normalize").as_deref().map(str::trim),
            Some("off" | "false")
        );
        let heading_level = number(
            attr("data-heading-level"),
            "data-heading-level",
            1,
            6,
            2,
            &mut warnings,
        ) as u8;
        let timeout_secs = number(
            attr("data-timeout"),
            "data-timeout",
            1,
            120,
            10,
            &mut warnings,
        );
        let format = attr("data-format").and_then(|f| {
            let parsed = Format::from_attribute(&f);
            if parsed.is_none() {
                warnings.push(format!("data-format {}: expected native, jsonfeed, wordpress or newsarticle; detecting the format instead", Quoted(&f)));
            }
            parsed
        });
        let fields = attr("data-fields").filter(|f| !f.trim().is_empty());
        let items = number(attr("data-items"), "data-items", 1, 20, 1, &mut warnings) as usize;
        let election_src = attr("data-election-src")
            .map(|s| endpoint("data-election-src", s.trim(), resolve, policy));
        let refresh_secs = attr("data-refresh").and_then(|raw| match raw.trim().parse::<u32>() {
            Ok(0) => None,
            Ok(n) if n < MIN_REFRESH_SECS => {
                warnings.push(format!(
                    "data-refresh {n}: raised to the minimum of {MIN_REFRESH_SECS} seconds"
                ));
                Some(MIN_REFRESH_SECS)
            }
            Ok(n) => Some(n),
            Err(_) => {
                warnings.push(format!(
                    "data-refresh {}: expected seconds; not refreshing",
                    Quoted(&raw)
                ));
                None
            }
        });
        Config {
            src,
            now,
            lang,
            normalize,
            heading_level,
            timeout_secs,
            max_bytes: DEFAULT_MAX_BYTES,
            format,
            fields,
            items,
            election_src,
            refresh_secs,
            warnings,
        }
    }
}

/// An endpoint attribute made absolute and checked: an http(s) URL, without credentials (never
/// printed), inside the page's `data-sources` when it names any.
fn endpoint(
    name: &str,
    raw: &str,
    resolve: &dyn Fn(&str) -> Option<String>,
    policy: &PagePolicy,
) -> Result<String, Problem> {
    let credentials = || {
        Problem::Config(format!(
            "{name} names a user name or password; credentials never belong in a page's markup \
             (the URL is not printed here and no request was made)"
        ))
    };
    if policy::has_credentials(raw) {
        return Err(credentials());
    }
    let url = resolve(raw)
        .ok_or_else(|| Problem::Config(format!("{name} {} is not an http(s) URL", Quoted(raw))))?;
    if policy::has_credentials(&url) {
        return Err(credentials());
    }
    match &policy.sources {
        Some(prefixes) if !policy::allows(prefixes, &url) => Err(Problem::Config(format!(
            "{name} {} is outside the endpoints this page allows (data-sources on the loader's \
             <script>: {}); no request was made",
            Quoted(&url),
            Quoted(&prefixes.join(" "))
        ))),
        _ => Ok(url),
    }
}

fn number(
    raw: Option<String>,
    name: &str,
    min: u32,
    max: u32,
    default: u32,
    warnings: &mut Vec<String>,
) -> u32 {
    let Some(raw) = raw else { return default };
    match raw.trim().parse::<u32>() {
        Ok(n) if (min..=max).contains(&n) => n,
        _ => {
            warnings.push(format!(
                "{name} {}: expected a whole number from {min} to {max}; using {default}",
                Quoted(&raw)
            ));
            default
        }
    }
}
