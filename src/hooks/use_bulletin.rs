//! Loads the bulletin for a widget: the cached copy at once, then the network; periodic
//! refreshes; one task per (config, attempt), aborted when superseded or unmounted.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsValue;
use yew::prelude::*;

use crate::config::Config;
use crate::feed::field_map::FieldMap;
use crate::feed::tree::Tree;
use crate::feed::{self, Context, JsSource, Source};
use crate::fetch::{self, Limits};
use crate::model::Bulletin;
use crate::problem::Problem;
use crate::text::links;
use crate::time::Instant;
use crate::{cache, clock, console};

/// A bulletin on screen, with the clock corrections it implies and when it was fetched.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub bulletin: Bulletin,
    /// The device clock's lag behind the news bulletin's `generated` time (seconds): moves the
    /// news items' relative dates only.
    pub skew: i64,
    /// The same for the source the elections came from (`data-election-src`, else the
    /// bulletin itself): the call to vote follows its own source's clock, so a news feed with
    /// a wrong `generated` cannot move it.
    pub election_skew: i64,
    /// When this copy came from the network (ms since the epoch).
    pub fetched_ms: f64,
}

/// What the widget can show right now.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    /// Nothing to show yet.
    Loading,
    /// A fresh bulletin from the network; `fresh` counts network loads rendered.
    Ready {
        shown: Rc<Shown>,
        fresh: u32,
    },
    /// An older copy: from the cache while the network answers, or kept after a failure.
    Stale {
        shown: Rc<Shown>,
        problem: Option<Problem>,
    },
    Error(Problem),
}

impl LoadState {
    fn shown(&self) -> Option<Rc<Shown>> {
        match self {
            LoadState::Ready { shown, .. } | LoadState::Stale { shown, .. } => Some(shown.clone()),
            _ => None,
        }
    }

    fn fresh(&self) -> u32 {
        match self {
            LoadState::Ready { fresh, .. } => *fresh,
            _ => 0,
        }
    }
}

/// The load state and a retry callback.
pub struct BulletinHandle {
    pub state: LoadState,
    pub retry: Callback<()>,
}

/// Fetches, parses and adapts the bulletin named by `config`, keeping it fresh.
#[hook]
pub fn use_bulletin(config: Rc<Config>) -> BulletinHandle {
    let state = use_state(|| {
        from_cache(&config).map_or(LoadState::Loading, |shown| LoadState::Stale {
            shown,
            problem: None,
        })
    });
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((config, *attempt), move |(config, _)| {
            let controller = web_sys::AbortController::new().ok();
            match (&config.src, &controller) {
                (Err(problem), _) => {
                    // a page-side mistake, said in the webmaster's console
                    console::error(&problem.describe(""));
                    state.set(LoadState::Error(problem.clone()));
                }
                (Ok(_), None) => state.set(LoadState::Error(Problem::Network)),
                (Ok(_), Some(controller)) => {
                    let shown = state.shown();
                    // (setting a state re-renders even when it is unchanged)
                    if shown.is_none() && *state != LoadState::Loading {
                        state.set(LoadState::Loading);
                    }
                    let task = Task {
                        config: config.clone(),
                        state: state.clone(),
                        signal: controller.signal(),
                    };
                    let fresh = state.fresh();
                    wasm_bindgen_futures::spawn_local(task.run(shown, fresh));
                }
            }
            move || {
                if let Some(c) = controller {
                    c.abort();
                }
            }
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(attempt.wrapping_add(1)))
    };
    BulletinHandle {
        state: (*state).clone(),
        retry,
    }
}

/// One widget's loading loop.
struct Task {
    config: Rc<Config>,
    state: UseStateHandle<LoadState>,
    signal: web_sys::AbortSignal,
}

impl Task {
    async fn run(self, mut shown: Option<Rc<Shown>>, mut fresh: u32) {
        loop {
            let next = fresh.wrapping_add(1);
            // the news may show before a slow election endpoint answers; the same `fresh`
            // number later, with the election added, announces no second ready event
            let early = |news: Rc<Shown>| {
                self.state.set(LoadState::Ready {
                    shown: news,
                    fresh: next,
                })
            };
            let Some(outcome) = self.load(&early).await else {
                return;
            };
            if self.signal.aborted() {
                return;
            }
            match (outcome, &shown) {
                (Ok(new), _) => {
                    fresh = next;
                    shown = Some(new.clone());
                    self.state.set(LoadState::Ready { shown: new, fresh });
                }
                (Err(problem), _) if problem.is_refusal() => {
                    // the endpoint now refuses this reader: no older copy of it is shown again
                    if let Ok(url) = &self.config.src {
                        cache::forget(url);
                    }
                    shown = None;
                    self.state.set(LoadState::Error(problem));
                }
                (Err(problem), Some(old)) => self.state.set(LoadState::Stale {
                    shown: old.clone(),
                    problem: Some(problem),
                }),
                (Err(problem), None) => self.state.set(LoadState::Error(problem)),
            }
            let Some(period) = self.config.refresh_secs else {
                return;
            };
            // jitter spreads thousands of readers' refreshes over time
            let delay = f64::from(period) * 1000.0 * (0.9 + 0.2 * js_sys::Math::random());
            if !fetch::sleep(delay, &self.signal).await || !until_visible(&self.signal).await {
                return;
            }
        }
    }

    /// One load of the bulletin and, side by side, of the election endpoint if any. When the
    /// bulletin comes first, `early` shows it at once. None when aborted.
    async fn load(&self, early: &dyn Fn(Rc<Shown>)) -> Option<Result<Rc<Shown>, Problem>> {
        use futures::future::{select, Either};
        let config = &self.config;
        let url = config.src.as_ref().ok()?;
        let limits = Limits {
            timeout_secs: config.timeout_secs,
            max_bytes: config.max_bytes,
        };
        let election = async {
            match &config.election_src {
                Some(Ok(src)) => Some((src, fetch::get(src, limits, &self.signal).await)),
                Some(Err(problem)) => {
                    console::error(&problem.describe(""));
                    None
                }
                None => None,
            }
        };
        let news = fetch::get(url, limits, &self.signal);
        futures::pin_mut!(news, election);
        let (mut bulletin, election) = match select(news, election).await {
            Either::Left((body, election)) => {
                let bulletin = match self.news(url, body?) {
                    Ok(b) => b,
                    Err(problem) => return Some(Err(problem)),
                };
                if config.election_src.is_some() {
                    // no elections yet: the call to vote waits for its own source
                    early(shown(bulletin.clone(), None));
                }
                (bulletin, election.await)
            }
            Either::Right((election, news)) => match self.news(url, news.await?) {
                Ok(b) => (b, election),
                Err(problem) => return Some(Err(problem)),
            },
        };
        let election_generated = match election {
            Some((src, result)) => self.add_elections(src, result?, &mut bulletin),
            None => bulletin.generated,
        };
        Some(Ok(shown(bulletin, election_generated)))
    }

    /// Parses a fetched bulletin and keeps it as the endpoint's last good copy. Widgets that
    /// shared the request and read it the same way share this too: the first one parses, warns
    /// and writes the cache; the others take its result.
    fn news(&self, url: &str, body: Result<fetch::Body, Problem>) -> Result<Bulletin, Problem> {
        let body = body.map_err(|problem| logged(url, problem))?;
        let key = ReadKey::new(body.id, &self.config);
        if let Some(done) = READ.with(|r| {
            r.borrow()
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.clone())
        }) {
            return done;
        }
        let result = parse(&body.json, url, &self.config)
            .map(|parsed| {
                warn_all(url, &parsed.warnings);
                parsed.bulletin
            })
            .map_err(|problem| logged(url, problem));
        if result.is_ok() {
            cache::store(url, &body.text, clock::device_millis());
        }
        READ.with(|r| {
            let mut r = r.borrow_mut();
            if r.len() >= READ_KEPT {
                drop(r.remove(0));
            }
            r.push((key, result.clone()));
        });
        result
    }

    /// Takes the election block from `data-election-src`. A failure there costs the
    /// call-to-action only: the news still shows. Returns that source's `generated` time.
    fn add_elections(
        &self,
        url: &str,
        result: Result<fetch::Body, Problem>,
        bulletin: &mut Bulletin,
    ) -> Option<Instant> {
        let parsed = result.and_then(|body| {
            let resolve = |raw: &str, kind| links::resolve(raw, url, kind);
            let ctx = context(&self.config, &resolve);
            JsSource(body.json)
                .tree()
                .and_then(|tree| feed::native::parse_elections(&tree, &ctx))
                .map_err(|e| Problem::BadData(e.to_string()))
        });
        match parsed {
            Ok(p) => {
                warn_all(url, &feed::tree::take_notes());
                warn_all(url, &p.warnings);
                bulletin.elections = p.bulletin.elections;
                bulletin.election_problem = p.bulletin.election_problem;
                p.bulletin.generated
            }
            Err(problem) => {
                logged(url, problem);
                None
            }
        }
    }
}

/// How many recent readings of responses are kept for other widgets on the same endpoint.
const READ_KEPT: usize = 4;

thread_local! {
    /// Recent readings of responses, by response and the settings that shape the reading.
    static READ: RefCell<Vec<(ReadKey, Result<Bulletin, Problem>)>> = const { RefCell::new(Vec::new()) };
}

/// A response (which also names its URL: requests are shared per URL), and everything in a
/// widget's settings that changes what is read from it.
#[derive(PartialEq)]
struct ReadKey {
    response: u32,
    format: Option<feed::Format>,
    fields: Option<String>,
    normalize: bool,
    lang: Option<String>,
}

impl ReadKey {
    fn new(response: u32, config: &Config) -> Self {
        ReadKey {
            response,
            format: config.format,
            fields: config.fields.clone(),
            normalize: config.normalize,
            lang: config.lang.clone(),
        }
    }
}

/// A bulletin fresh from the network, with the clock corrections it implies (`elections`:
/// the `generated` time of the source its elections came from).
fn shown(bulletin: Bulletin, elections: Option<Instant>) -> Rc<Shown> {
    let device = clock::device();
    Rc::new(Shown {
        skew: clock::skew(device, bulletin.generated),
        election_skew: clock::skew(device, elections),
        bulletin,
        fetched_ms: clock::device_millis(),
    })
}

fn context<'a>(
    config: &'a Config,
    resolve: &'a dyn Fn(&str, links::LinkKind) -> Option<String>,
) -> Context<'a> {
    Context {
        resolve,
        normalize: config.normalize,
        default_lang: config.lang.as_deref(),
    }
}

/// Parses a response (or a cached copy) with the page's format settings.
fn parse(json: &JsValue, url: &str, config: &Config) -> Result<feed::Parsed, Problem> {
    let fields = match &config.fields {
        Some(raw) => Some(field_map(raw)?),
        None => None,
    };
    let resolve = |raw: &str, kind| links::resolve(raw, url, kind);
    let ctx = context(config, &resolve);
    let source = JsSource(json.clone());
    feed::read(&source, config.format, fields.as_ref(), &ctx)
        .map_err(|e| Problem::BadData(e.to_string()))
}

fn field_map(raw: &str) -> Result<FieldMap, Problem> {
    let json = js_sys::JSON::parse(raw)
        .map_err(|_| Problem::Config("data-fields is not valid JSON".into()))?;
    let tree: Tree = JsSource(json)
        .tree()
        .map_err(|e| Problem::Config(format!("data-fields: {e}")))?;
    FieldMap::from_tree(&tree).map_err(Problem::Config)
}

/// The last good copy for this endpoint, parsed, if there is a usable one. Its warnings were
/// said when it came from the network (and are said again when the next copy does).
fn from_cache(config: &Config) -> Option<Rc<Shown>> {
    let url = config.src.as_ref().ok()?;
    let entry = cache::load(url, clock::device_millis())?;
    let Ok(json) = js_sys::JSON::parse(&entry.text) else {
        cache::forget(url);
        return None;
    };
    // A copy this widget's settings cannot read (another field map, say) is not corrupt:
    // another widget on the same endpoint may rely on it, so it stays.
    match parse(&json, url, config) {
        Ok(feed::Parsed { bulletin, .. }) => {
            let skew = clock::skew(clock::device(), bulletin.generated);
            Some(Rc::new(Shown {
                bulletin,
                skew,
                election_skew: skew,
                fetched_ms: entry.saved_ms,
            }))
        }
        Err(_) => None,
    }
}

fn warn_all(url: &str, warnings: &[String]) {
    for w in warnings {
        console::warn(&format!("{url}: {w} (ignored)"));
    }
}

fn logged(url: &str, problem: Problem) -> Problem {
    console::error(&problem.describe(url));
    problem
}

/// Waits until the page is visible (at once if it is); false when aborted first.
async fn until_visible(signal: &web_sys::AbortSignal) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return true;
    };
    while document.hidden() {
        let changed = js_sys::Promise::new(&mut |resolve, _| {
            let options = web_sys::AddEventListenerOptions::new();
            options.set_once(true);
            let _ = document.add_event_listener_with_callback_and_add_event_listener_options(
                "visibilitychange",
                &resolve,
                &options,
            );
        });
        let _ = wasm_bindgen_futures::JsFuture::from(changed).await;
        if signal.aborted() {
            return false;
        }
    }
    !signal.aborted()
}
