//! The DOM edge: shadow root, stylesheet, host state and events, lifecycle.
//!
//! Public contract of a host element (documented in the README):
//! - attributes: see [`crate::config`];
//! - `data-state` reflects `loading`, `ready`, `stale` or `error`;
//! - events (bubbling, composed): `election-widget:ready` with `detail.items`,
//!   `election-widget:error` with `detail.code` and `detail.stale`;
//! - parts: `card`, `cta`, `cta-button`, `button`, `link`, `image`, `error`, `empty`.
//!
//! Mounting twice is harmless; unmounting destroys the app (aborting its request and
//! timers through the components' cleanups) and empties the shadow root.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{CssStyleSheet, Element, ShadowRoot, ShadowRootInit, ShadowRootMode};
use yew::{AppHandle, Callback};

use crate::components::widget::{Report, Widget, WidgetProps};
use crate::config::Config;
use crate::problem::Problem;
use crate::{console, policy, text::links};

/// The widget's stylesheet (styles/widget.css, minified by build.rs), compiled into the
/// module so it needs no request of its own.
const CSS: &str = include_str!(concat!(env!("OUT_DIR"), "/widget.min.css"));

thread_local! {
    static MOUNTED: RefCell<Vec<(Element, AppHandle<Widget>)>> = const { RefCell::new(Vec::new()) };
    static SHEET: RefCell<Option<CssStyleSheet>> = const { RefCell::new(None) };
}

/// Mounts a widget on `host`; a second call for the same element does nothing.
pub fn mount(host: &Element) {
    mount_with(host, None);
}

/// Mounts a widget whose clock is fixed at `now` (in-browser tests, which mount without the
/// loader and so without its `data-allow-now`).
pub fn mount_at(host: &Element, now: crate::time::Instant) {
    mount_with(host, Some(now));
}

fn mount_with(host: &Element, fixed_now: Option<crate::time::Instant>) {
    if MOUNTED.with(|m| m.borrow().iter().any(|(h, _)| h == host)) {
        return;
    }
    let shadow = match shadow_root(host) {
        Ok(s) => s,
        Err(why) => {
            let problem = Problem::Host(why);
            console::error(&problem.describe(""));
            reflect(
                host,
                &Report::Error {
                    code: problem.code(),
                },
            );
            return;
        }
    };
    // embed.js may have drawn a skeleton already: it stays on screen, with its stylesheet,
    // until the widget has something else to show (see `reveal`)
    let early = early_skeleton(&shadow);
    adopt_styles(&shadow, early.is_some());
    let keep: Option<&JsValue> = early.as_ref().map(AsRef::as_ref);
    while let Some(child) = shadow.last_child() {
        if Some(child.as_ref()) == keep {
            break;
        }
        let _ = shadow.remove_child(&child);
    }
    let Some(root) = host
        .owner_document()
        .and_then(|d| d.create_element("div").ok())
    else {
        return;
    };
    root.set_class_name("ew-root");
    if early.is_some() {
        let _ = root.set_attribute("hidden", "");
    }
    if shadow.append_child(&root).is_err() {
        return;
    }
    let base = host.base_uri().ok().flatten().unwrap_or_default();
    let mut config = Config::from_attributes(
        &|name| host.get_attribute(name),
        &|src| links::resolve(src, &base, links::LinkKind::Endpoint),
        &policy::current(),
    );
    if fixed_now.is_some() {
        config.now = fixed_now;
    }
    for w in &config.warnings {
        console::warn(w);
    }
    let on_report = {
        let host = host.clone();
        Callback::from(move |r: Report| {
            if r != Report::Loading {
                reveal(&host);
            }
            reflect(&host, &r)
        })
    };
    let props = WidgetProps {
        config: Rc::new(config),
        on_report,
        early: early.is_some(),
    };
    let app = yew::Renderer::<Widget>::with_root_and_props(root, props).render();
    MOUNTED.with(|m| m.borrow_mut().push((host.clone(), app)));
}

/// Tears down the widget on `host`, if any: aborts its request, stops its timers, empties its shadow root.
pub fn unmount(host: &Element) {
    let app = MOUNTED.with(|m| {
        let mut m = m.borrow_mut();
        let at = m.iter().position(|(h, _)| h == host)?;
        Some(m.swap_remove(at).1)
    });
    if let Some(app) = app {
        app.destroy();
        if let Some(shadow) = host.shadow_root() {
            while let Some(child) = shadow.first_child() {
                let _ = shadow.remove_child(&child);
            }
        }
        let _ = host.remove_attribute("data-state");
    }
}

/// How many widgets are mounted (for tests and the loader).
pub fn mounted_count() -> usize {
    MOUNTED.with(|m| m.borrow().len())
}

fn shadow_root(host: &Element) -> Result<ShadowRoot, String> {
    if let Some(existing) = host.shadow_root() {
        return Ok(existing);
    }
    host.attach_shadow(&ShadowRootInit::new(ShadowRootMode::Open))
        .map_err(|_| {
            format!(
                "<{}> cannot host a shadow root; use a <div>",
                host.tag_name().to_ascii_lowercase()
            )
        })
}

/// Replaces embed.js's skeleton with the widget once it has content: one layout, not two.
fn reveal(host: &Element) {
    let Some(shadow) = host.shadow_root() else {
        return;
    };
    let Some(early) = early_skeleton(&shadow) else {
        return;
    };
    let _ = shadow.remove_child(&early);
    if let Ok(Some(root)) = shadow.query_selector(".ew-root") {
        let _ = root.remove_attribute("hidden");
    }
    adopt_styles(&shadow, false);
}

/// The skeleton embed.js drew in `shadow`, if it is still there.
fn early_skeleton(shadow: &ShadowRoot) -> Option<Element> {
    // (`:scope` matches no shadow root; the widget never writes this attribute itself)
    shadow.query_selector("[data-early]").ok().flatten()
}

/// Shares one constructed stylesheet between all widgets; `style-src 'self'` allows it
/// where it would block a `<style>` element. With `keep`, sheets already adopted (embed.js's
/// skeleton) stay in front of it.
fn adopt_styles(shadow: &ShadowRoot, keep: bool) {
    let sheet = SHEET.with(|s| {
        let mut s = s.borrow_mut();
        if s.is_none() {
            *s = CssStyleSheet::new()
                .ok()
                .filter(|sheet| sheet.replace_sync(CSS).is_ok());
        }
        s.clone()
    });
    match sheet {
        Some(sheet) => {
            let key = JsValue::from_str("adoptedStyleSheets");
            let list = match js_sys::Reflect::get(shadow, &key) {
                Ok(old) if keep && js_sys::Array::is_array(&old) => js_sys::Array::from(&old),
                _ => js_sys::Array::new(),
            };
            list.push(&sheet);
            let _ = js_sys::Reflect::set(shadow, &key, &list);
        }
        None => {
            // Browsers without constructable stylesheets (before 2023): a <style> element,
            // which works wherever the page's policy allows inline styles.
            if let Some(style) = shadow
                .owner_document()
                .and_then(|d| d.create_element("style").ok())
            {
                style.set_text_content(Some(CSS));
                let _ = shadow.append_child(&style);
            }
        }
    }
}

/// Reflects a report on the host: `data-state`, and the ready or error event.
fn reflect(host: &Element, report: &Report) {
    let (state, event) = match report {
        Report::Loading => ("loading", None),
        Report::Ready { items, .. } => (
            "ready",
            Some((
                "election-widget:ready",
                vec![("items", JsValue::from(*items as u32))],
            )),
        ),
        Report::Stale { code: None } => ("stale", None),
        Report::Stale { code: Some(code) } => (
            "stale",
            Some((
                "election-widget:error",
                vec![("code", JsValue::from_str(code)), ("stale", JsValue::TRUE)],
            )),
        ),
        Report::Error { code } => (
            "error",
            Some((
                "election-widget:error",
                vec![("code", JsValue::from_str(code)), ("stale", JsValue::FALSE)],
            )),
        ),
    };
    let _ = host.set_attribute("data-state", state);
    if let Some((name, fields)) = event {
        let detail = js_sys::Object::new();
        for (key, value) in fields {
            let _ = js_sys::Reflect::set(&detail, &key.into(), &value);
        }
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = host.dispatch_event(event.unchecked_ref());
        }
    }
}
