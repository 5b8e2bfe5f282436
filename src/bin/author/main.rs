//! The newsroom page (`author.html`): a press officer pastes a release, sets the election,
//! previews it with the widget's own views and downloads the bulletin.
//!
//! A binary of its own, so the widget's module does not carry it: it links the library for
//! the readers and the views; its pure logic is `newsroom` (tested on the host by
//! `cargo test --bin author`), the rest is the page in the browser. On the host `main` only
//! says where the page is.

// on the host only the tests use it
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod newsroom;
#[cfg(test)]
mod tests;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod browser;
#[cfg(target_arch = "wasm32")]
mod editor;
#[cfg(target_arch = "wasm32")]
mod fields;
#[cfg(target_arch = "wasm32")]
mod items;
#[cfg(target_arch = "wasm32")]
mod open_panel;
#[cfg(target_arch = "wasm32")]
mod preview;

#[cfg(target_arch = "wasm32")]
fn main() {
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    if let Some(root) = root {
        // the loading note goes: the page replaces it
        while let Some(child) = root.first_child() {
            let _ = root.remove_child(&child);
        }
        let _ = root.set_attribute("aria-busy", "false");
        yew::Renderer::<app::App>::with_root(root).render();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "the newsroom page runs in a browser: build it with `trunk build` and open author.html"
    );
}
