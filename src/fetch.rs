//! The one road to the network: a GET that is bounded in time and size, abortable,
//! and that returns a typed [`Problem`] instead of a panic.

use std::cell::Cell;
use std::rc::Rc;

use gloo_events::EventListener;
use gloo_net::http::Request;
use gloo_timers::callback::Timeout;
use wasm_bindgen::JsValue;
use web_sys::AbortSignal;

use crate::problem::Problem;

/// Fetches `url` and parses it with the browser's `JSON.parse`.
///
/// `signal` aborts from outside (the widget was removed, or a newer load superseded
/// this one); the timeout aborts from inside. An aborted request yields `None`:
/// nobody is waiting for its answer.
pub async fn get_json(
    url: &str,
    timeout_secs: u32,
    max_bytes: u64,
    signal: &AbortSignal,
) -> Option<Result<JsValue, Problem>> {
    // A private controller per request, tied to the outer signal, so the timeout can
    // abort this request alone.
    let controller = web_sys::AbortController::new().ok()?;
    let inner = controller.signal();
    let timed_out = Rc::new(Cell::new(false));
    let _timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        Timeout::new(timeout_secs.saturating_mul(1000), move || {
            timed_out.set(true);
            controller.abort();
        })
    };
    // dropped (so removed) when this function returns
    let _forward = {
        let controller = controller.clone();
        EventListener::once(signal, "abort", move |_| controller.abort())
    };
    let result = attempt(url, max_bytes, &inner).await;
    if signal.aborted() {
        return None;
    }
    Some(match result {
        Err(Problem::Network) if timed_out.get() => Err(Problem::Timeout),
        other => other,
    })
}

async fn attempt(url: &str, max_bytes: u64, signal: &AbortSignal) -> Result<JsValue, Problem> {
    let response = Request::get(url)
        .abort_signal(Some(signal))
        .send()
        .await
        .map_err(|_| Problem::Network)?;
    let status = response.status();
    if !(200..300).contains(&status) {
        return Err(match status {
            404 | 410 => Problem::NotFound(status),
            429 | 500..=599 => Problem::Server(status),
            _ => Problem::Http(status),
        });
    }
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.trim().parse::<u64>().ok());
    if declared.is_some_and(|n| n > max_bytes) {
        return Err(Problem::TooLarge(max_bytes));
    }
    let text = response.text().await.map_err(|_| Problem::Network)?;
    if text.len() as u64 > max_bytes {
        return Err(Problem::TooLarge(max_bytes));
    }
    if text.trim().is_empty() {
        return Err(Problem::BadData("the response body is empty".into()));
    }
    js_sys::JSON::parse(&text).map_err(|e| {
        let why = js_sys::Error::from(e).message();
        Problem::BadData(format!("not JSON ({})", String::from(why)))
    })
}
