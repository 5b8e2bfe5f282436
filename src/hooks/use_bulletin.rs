//! Loads the bulletin for a widget: one effect per (config, attempt), aborted when superseded.

use std::rc::Rc;

use yew::prelude::*;

use crate::config::Config;
use crate::feed::{self, Context};
use crate::model::Bulletin;
use crate::problem::Problem;

/// What the widget can show right now.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadState {
    Loading,
    /// The bulletin, and the device clock's lag behind its `generated` time (seconds).
    Ready {
        bulletin: Rc<Bulletin>,
        skew: i64,
    },
    Error(Problem),
}

/// The load state and a retry callback.
pub struct BulletinHandle {
    pub state: LoadState,
    pub retry: Callback<()>,
}

/// Fetches, parses and adapts the bulletin named by `config`.
#[hook]
pub fn use_bulletin(config: Rc<Config>) -> BulletinHandle {
    let state = use_state(|| LoadState::Loading);
    let attempt = use_state(|| 0u32);
    {
        let state = state.clone();
        use_effect_with((config, *attempt), move |(config, _)| {
            let controller = web_sys::AbortController::new().ok();
            match (&config.src, &controller) {
                (Err(problem), _) => state.set(LoadState::Error(problem.clone())),
                (Ok(_), None) => state.set(LoadState::Error(Problem::Network)),
                (Ok(url), Some(controller)) => {
                    state.set(LoadState::Loading);
                    let signal = controller.signal();
                    let (url, config) = (url.clone(), config.clone());
                    wasm_bindgen_futures::spawn_local(async move {
                        if let Some(result) = load(&url, &config, &signal).await {
                            if !signal.aborted() {
                                state.set(result);
                            }
                        }
                    });
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

/// One load: fetch, parse, adapt. `None` when aborted.
async fn load(url: &str, config: &Config, signal: &web_sys::AbortSignal) -> Option<LoadState> {
    let json =
        match crate::fetch::get_json(url, config.timeout_secs, config.max_bytes, signal).await? {
            Ok(json) => json,
            Err(problem) => return Some(fail(url, problem)),
        };
    let resolve = |raw: &str, kind| crate::text::links::resolve(raw, url, kind);
    let ctx = Context {
        resolve: &resolve,
        normalize: config.normalize,
    };
    let parsed = feed::native::parse(serde_wasm_bindgen::Deserializer::from(json), &ctx);
    Some(match parsed {
        Ok(parsed) => {
            for w in &parsed.warnings {
                crate::console::warn(&format!("{url}: {w} (field ignored)"));
            }
            let skew = crate::clock::skew(crate::clock::device(), parsed.bulletin.generated);
            LoadState::Ready {
                bulletin: Rc::new(parsed.bulletin),
                skew,
            }
        }
        Err(e) => fail(url, Problem::BadData(e.to_string())),
    })
}

fn fail(url: &str, problem: Problem) -> LoadState {
    crate::console::error(&problem.describe(url));
    LoadState::Error(problem)
}
