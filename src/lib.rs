//! An embeddable election-information widget: a right-to-left Persian news card and a
//! call to vote, filled from a JSON bulletin fetched from any endpoint.
//!
//! The flow, one module each: host attributes -> [`config`] -> [`fetch`] -> [`feed`]
//! -> [`model`] -> [`components`]; [`embed`] is the only module that touches the host page.

pub mod cache;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod clock;
pub mod components;
pub mod config;
pub mod console;
pub mod cta;
pub mod embed;
pub mod feed;
pub mod fetch;
pub mod hooks;
pub mod ics;
pub mod locale;
pub mod model;
pub mod policy;
pub mod problem;
pub mod share;
pub mod text;
pub mod time;

use wasm_bindgen::prelude::*;

/// talc instead of Rust's default dlmalloc: smaller, and enough for a single-threaded module.
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts a widget on `host` (called by `embed.js` for every `[data-election-widget]`).
#[wasm_bindgen(js_name = mount)]
pub fn mount_js(host: web_sys::Element) {
    embed::mount(&host);
}

/// Sets the page's rules before mounting (called by `embed.js` from its `<script>` elements):
/// `sources`, the space-separated URL prefixes of `data-sources` (None when no loader tag has
/// the attribute), and whether `data-allow-now` lets `data-now` fix widgets' clocks.
#[wasm_bindgen(js_name = configure)]
pub fn configure_js(sources: Option<String>, allow_now: bool) {
    let base = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.base_uri().ok().flatten())
        .unwrap_or_default();
    let sources = sources.map(|list| {
        list.split_ascii_whitespace()
            .filter_map(|raw| {
                let url = text::links::resolve(raw, &base, text::links::LinkKind::Web);
                if url.is_none() {
                    console::warn(&format!(
                        "data-sources: {} is not an http(s) URL prefix; ignored",
                        text::quoted::Quoted(raw)
                    ));
                }
                url
            })
            .collect()
    });
    policy::set(policy::PagePolicy { sources, allow_now });
}

/// Tears down the widget on `host` (called by `embed.js` when the element leaves the page).
#[wasm_bindgen(js_name = unmount)]
pub fn unmount_js(host: web_sys::Element) {
    embed::unmount(&host);
}
