//! The one road to the network: a GET that is bounded in time and size, retried with
//! backoff where retrying can help, abortable, shared between widgets that ask for the same
//! URL, and that returns a typed [`Problem`] instead of a panic.
//!
//! It talks to `fetch` through web-sys directly (not gloo-net) because it needs the body
//! as a stream, to stop reading at the size limit whether or not `Content-Length` is sent.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, AbortSignal, Response};

use crate::problem::Problem;

/// Attempts per load: the first and two retries.
pub const ATTEMPTS: u32 = 3;
/// First retry delay; doubled for each further retry, plus up to half a second of jitter.
const BACKOFF_MS: f64 = 1000.0;
/// Longest `Retry-After` honoured, so a misconfigured server cannot park the widget.
const MAX_RETRY_AFTER_SECS: f64 = 30.0;

/// Limits for one load.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    pub timeout_secs: u32,
    pub max_bytes: u64,
}

/// A response body: parsed by the browser's `JSON.parse`, and as text (for the cache).
#[derive(Clone, Debug)]
pub struct Body {
    pub json: JsValue,
    pub text: Rc<str>,
    /// Which response this is. The widgets that shared one request get clones with the same
    /// id, so what they make of it (parsing, warnings, the cache) can be done once.
    pub id: u32,
}

/// An in-flight load that several widgets may wait for.
struct Flight {
    done: js_sys::Promise,
    result: Rc<RefCell<Option<Result<Body, Problem>>>>,
    controller: Option<AbortController>,
    waiting: Cell<usize>,
}

thread_local! {
    /// In-flight loads by URL. A page names a handful of endpoints, so a list does; a hash
    /// map would add another copy of its table code to the module.
    static FLIGHTS: RefCell<Vec<(String, Rc<Flight>)>> = const { RefCell::new(Vec::new()) };
    static RESPONSES: Cell<u32> = const { Cell::new(0) };
}

fn flight_for(url: &str) -> Option<Rc<Flight>> {
    FLIGHTS.with(|f| {
        f.borrow()
            .iter()
            .find(|(u, _)| u == url)
            .map(|(_, g)| g.clone())
    })
}

/// Forgets the flight for `url`; only when it is `flight`, if one is given.
fn forget(url: &str, flight: Option<&Rc<Flight>>) {
    FLIGHTS.with(|f| {
        f.borrow_mut()
            .retain(|(u, g)| u != url || flight.is_some_and(|flight| !Rc::ptr_eq(g, flight)))
    });
}

/// Loads `url` as JSON. Widgets asking for the same URL at the same time share one request;
/// it is aborted when the last of them stops waiting. `None` means `signal` aborted: the
/// caller is gone and nobody needs the answer.
pub async fn get(url: &str, limits: Limits, signal: &AbortSignal) -> Option<Result<Body, Problem>> {
    if signal.aborted() {
        return None;
    }
    let flight = flight_for(url).unwrap_or_else(|| start(url, limits));
    flight.waiting.set(flight.waiting.get() + 1);
    let _leave = Leave {
        flight: flight.clone(),
        url: url.to_owned(),
    };
    let race = js_sys::Promise::race(&js_sys::Array::of2(&flight.done, &aborted(signal)));
    let _ = JsFuture::from(race).await;
    if signal.aborted() {
        return None;
    }
    let result = flight.result.borrow().clone();
    Some(result.unwrap_or(Err(Problem::Network)))
}

/// Stops waiting for a flight; the last one out aborts it.
struct Leave {
    flight: Rc<Flight>,
    url: String,
}

impl Drop for Leave {
    fn drop(&mut self) {
        let left = self.flight.waiting.get().saturating_sub(1);
        self.flight.waiting.set(left);
        if left == 0 && self.flight.result.borrow().is_none() {
            if let Some(c) = &self.flight.controller {
                c.abort();
            }
            forget(&self.url, Some(&self.flight));
        }
    }
}

fn start(url: &str, limits: Limits) -> Rc<Flight> {
    let controller = AbortController::new().ok();
    let result = Rc::new(RefCell::new(None));
    let done = match &controller {
        Some(controller) => {
            let (url, result, signal) = (url.to_owned(), result.clone(), controller.signal());
            // a plain promise resolved by a spawned task (lighter than future_to_promise)
            let mut resolve = None;
            let done = js_sys::Promise::new(&mut |r, _| resolve = Some(r));
            wasm_bindgen_futures::spawn_local(async move {
                let outcome = with_retries(&url, limits, &signal)
                    .await
                    .unwrap_or(Err(Problem::Network));
                *result.borrow_mut() = Some(outcome);
                forget(&url, None);
                if let Some(resolve) = resolve {
                    let _ = resolve.call0(&JsValue::UNDEFINED);
                }
            });
            done
        }
        None => {
            *result.borrow_mut() = Some(Err(Problem::Network));
            js_sys::Promise::resolve(&JsValue::UNDEFINED)
        }
    };
    let flight = Rc::new(Flight {
        done,
        result,
        controller,
        waiting: Cell::new(0),
    });
    forget(url, None);
    FLIGHTS.with(|f| f.borrow_mut().push((url.to_owned(), flight.clone())));
    flight
}

/// A failed attempt, and how long the server asked us to wait.
struct Failure {
    problem: Problem,
    retry_after: Option<f64>,
}

impl From<Problem> for Failure {
    fn from(problem: Problem) -> Self {
        Failure {
            problem,
            retry_after: None,
        }
    }
}

/// Up to [`ATTEMPTS`] attempts, with exponential backoff and jitter on network errors,
/// timeouts, 5xx and 429; never on other 4xx or bad data. `None` when aborted.
async fn with_retries(
    url: &str,
    limits: Limits,
    signal: &AbortSignal,
) -> Option<Result<Body, Problem>> {
    let mut n = 0;
    loop {
        let failure = match attempt(url, limits, signal).await? {
            Ok(body) => return Some(Ok(body)),
            Err(f) => f,
        };
        n += 1;
        let retryable = matches!(
            failure.problem,
            Problem::Network | Problem::Timeout | Problem::Server(_)
        );
        if !retryable || n >= ATTEMPTS {
            return Some(Err(failure.problem));
        }
        let backoff = BACKOFF_MS * f64::from(1u32 << (n - 1)) + js_sys::Math::random() * 500.0;
        let delay = failure
            .retry_after
            .map_or(backoff, |s| s.min(MAX_RETRY_AFTER_SECS) * 1000.0);
        if !sleep(delay, signal).await {
            return None;
        }
    }
}

/// One request with its own timeout. `None` when `signal` aborted.
async fn attempt(url: &str, limits: Limits, signal: &AbortSignal) -> Option<Result<Body, Failure>> {
    // a controller per attempt, tied to the outer signal, so the timeout aborts this attempt alone
    let controller = AbortController::new().ok()?;
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        gloo_timers::callback::Timeout::new(limits.timeout_secs.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    let _forward = {
        let controller = controller.clone();
        gloo_events::EventListener::once(signal, "abort", move |_| controller.abort())
    };
    let result = request(url, limits.max_bytes, &controller.signal()).await;
    if signal.aborted() {
        return None;
    }
    Some(result.map_err(|f| match f.problem {
        Problem::Network if timed_out.get() => Failure::from(Problem::Timeout),
        _ => f,
    }))
}

async fn request(url: &str, max_bytes: u64, signal: &AbortSignal) -> Result<Body, Failure> {
    let window = web_sys::window().ok_or(Problem::Network)?;
    let init = web_sys::RequestInit::new();
    init.set_method("GET");
    init.set_signal(Some(signal));
    // A plain GET (no preflight) that never carries the reader's cookies or other
    // credentials, even to the page's own origin: a bulletin is public, and a private answer
    // must not be cached and shown after the reader logs out.
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let pending = match early(url) {
        Some(early) => {
            // The early response has usually arrived already, and reading and drawing it would
            // then run in the task that mounted the widget: one long task. A task of its own.
            if !sleep(0.0, signal).await {
                return Err(Problem::Network.into());
            }
            // a request this attempt did not start does not stop with its signal: raced with it
            js_sys::Promise::race(&js_sys::Array::of2(&early, &aborted(signal)))
        }
        None => window.fetch_with_str_and_init(url, &init),
    };
    let response: Response = JsFuture::from(pending)
        .await
        .map_err(|_| Problem::Network)?
        .dyn_into()
        .map_err(|_| Problem::Network)?;
    // the page's data-sources bind the final URL too: a redirect cannot leave them
    if let Some(prefixes) = crate::policy::current().sources {
        let final_url = response.url();
        if response.redirected() && !crate::policy::allows(&prefixes, &final_url) {
            return Err(Problem::Config(format!(
                "{url} redirected to {final_url}, outside the endpoints this page allows \
                 (data-sources)"
            ))
            .into());
        }
    }
    let status = response.status();
    if !(200..300).contains(&status) {
        let retry_after = response
            .headers()
            .get("retry-after")
            .ok()
            .flatten()
            // delta-seconds; an HTTP-date is ignored (the backoff applies instead)
            .and_then(|v| v.trim().parse::<u32>().ok())
            .map(f64::from);
        let problem = match status {
            404 | 410 => Problem::NotFound(status),
            429 | 500..=599 => Problem::Server(status),
            _ => Problem::Http(status),
        };
        return Err(Failure {
            problem,
            retry_after,
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        return Err(Problem::TooLarge(max_bytes).into());
    }
    let bytes = read_limited(&response, max_bytes, signal).await?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Problem::BadData("the response is not UTF-8 text".into()))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(&text);
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(Problem::BadData("the response body is empty".into()).into());
    }
    if trimmed.starts_with('<') {
        return Err(Problem::BadData(
            "the response is HTML, not JSON (an error page, or the wrong URL?)".into(),
        )
        .into());
    }
    let json = js_sys::JSON::parse(text).map_err(|e| {
        let why: String = js_sys::Error::from(e).message().into();
        Problem::BadData(format!("not JSON ({why})"))
    })?;
    let id = RESPONSES.with(|n| {
        n.set(n.get().wrapping_add(1));
        n.get()
    });
    Ok(Body {
        json,
        text: Rc::from(text),
        id,
    })
}

/// The response `embed.js` already requested for `url` while the module was on its way (the
/// same plain GET without credentials), taken once; None when there is none.
fn early(url: &str) -> Option<js_sys::Promise> {
    let window = web_sys::window()?;
    let key = js_sys::Symbol::for_("election-widget.early");
    let map: js_sys::Map = js_sys::Reflect::get(&window, &key).ok()?.dyn_into().ok()?;
    let url = JsValue::from_str(url);
    let pending = map.get(&url).dyn_into::<js_sys::Promise>().ok()?;
    map.delete(&url);
    Some(pending)
}

/// Reads the body chunk by chunk and stops at `max` bytes, with or without `Content-Length`,
/// or when `signal` aborts (the body of a response `embed.js` requested is not tied to it).
async fn read_limited(
    response: &Response,
    max: u64,
    signal: &AbortSignal,
) -> Result<Vec<u8>, Problem> {
    let Some(stream) = response.body() else {
        // no streams (very old browsers): read whole, then check
        let buffer = JsFuture::from(response.array_buffer().map_err(|_| Problem::Network)?)
            .await
            .map_err(|_| Problem::Network)?;
        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
        return if bytes.len() as u64 > max {
            Err(Problem::TooLarge(max))
        } else {
            Ok(bytes)
        };
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let _cancel = {
        let reader = reader.clone();
        gloo_events::EventListener::once(signal, "abort", move |_| {
            let _ = reader.cancel();
        })
    };
    if signal.aborted() {
        let _ = reader.cancel();
        return Err(Problem::Network);
    }
    let mut bytes = Vec::new();
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|_| Problem::Network)?;
        if signal.aborted() {
            return Err(Problem::Network);
        }
        if js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true)
        {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into()).map_err(|_| Problem::Network)?;
        let part = js_sys::Uint8Array::new(&value);
        if bytes.len() as u64 + u64::from(part.length()) > max {
            let _ = reader.cancel();
            return Err(Problem::TooLarge(max));
        }
        let start = bytes.len();
        bytes.resize(start + part.length() as usize, 0);
        part.copy_to(&mut bytes[start..]);
    }
    Ok(bytes)
}

/// A promise that resolves when `signal` aborts (at once if it already has).
fn aborted(signal: &AbortSignal) -> js_sys::Promise {
    let signal = signal.clone();
    js_sys::Promise::new(&mut |resolve, _reject| {
        if signal.aborted() {
            let _ = resolve.call0(&JsValue::NULL);
            return;
        }
        let options = web_sys::AddEventListenerOptions::new();
        options.set_once(true);
        let callback = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let _ = signal.add_event_listener_with_callback_and_add_event_listener_options(
            "abort",
            callback.unchecked_ref(),
            &options,
        );
    })
}

/// Waits `ms` milliseconds; false when `signal` aborted first.
pub async fn sleep(ms: f64, signal: &AbortSignal) -> bool {
    let timer = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                ms.clamp(0.0, 2.0e9) as i32,
            );
        }
    });
    let _ = JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &timer,
        &aborted(signal),
    )))
    .await;
    !signal.aborted()
}
