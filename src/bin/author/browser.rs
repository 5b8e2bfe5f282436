//! The page's dealings with the browser: clock, clipboard, downloads, storage, files, the
//! server's `Date`. Everything here fails softly: a refused permission is a message, never
//! a panic (a panic would stop the page with the officer's work in it).

use wasm_bindgen::{JsCast, JsValue};

use election_widget::feed::tree::Tree;
use wasm_bindgen_futures::JsFuture;

use election_widget::time::Instant;

/// The device clock.
pub fn now() -> Instant {
    Instant::from_millis(js_sys::Date::now())
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's own origin (`https://news.example`).
pub fn origin() -> Option<String> {
    window().and_then(|w| w.location().origin().ok())
}

/// Moves keyboard focus to the element with `id`, if there is one.
pub fn focus(id: &str) {
    let el = window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}

/// Offers `content` as a download named `name` (UTF-8 JSON).
pub fn download(name: &str, content: &str) -> bool {
    election_widget::share::download(name, "application/json;charset=utf-8", content).is_ok()
}

/// Puts `text` on the clipboard; false where the browser refuses.
pub async fn copy(text: &str) -> bool {
    let Some(nav) = window().map(|w| w.navigator()) else {
        return false;
    };
    let clipboard = js_sys::Reflect::get(nav.as_ref(), &"clipboard".into())
        .ok()
        .filter(|c| c.is_object());
    let Some(clipboard) = clipboard else {
        return false;
    };
    let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok();
    let Some(write) = write.as_ref().and_then(|w| w.dyn_ref::<js_sys::Function>()) else {
        return false;
    };
    match write.call1(&clipboard, &text.into()) {
        Ok(p) => match p.dyn_into::<js_sys::Promise>() {
            Ok(p) => JsFuture::from(p).await.is_ok(),
            Err(_) => false,
        },
        Err(_) => false,
    }
}

/// The `Date` of the page's own server, in milliseconds, from a same-origin request that no
/// cache answers; None offline or when the server sends none.
pub async fn server_date_millis() -> Option<f64> {
    let w = window()?;
    let href = w.location().href().ok()?;
    let init = web_sys::RequestInit::new();
    init.set_method("HEAD");
    // no cache may answer for the server (set by name: the binding's web-sys feature would
    // change the widget's module too, which shares the crate's features)
    let _ = js_sys::Reflect::set(&init, &"cache".into(), &"no-store".into());
    let response = JsFuture::from(w.fetch_with_str_and_init(&href, &init))
        .await
        .ok()?;
    let response: web_sys::Response = response.dyn_into().ok()?;
    let date = response.headers().get("date").ok().flatten()?;
    let ms = js_sys::Date::parse(&date);
    ms.is_finite().then_some(ms)
}

/// Asks the officer to confirm; a browser that cannot ask counts as a no.
pub fn confirm(message: &str) -> bool {
    window()
        .and_then(|w| w.confirm_with_message(message).ok())
        .unwrap_or(false)
}

fn storage() -> Option<web_sys::Storage> {
    window().and_then(|w| w.local_storage().ok().flatten())
}

/// The text stored under `key`, if storage is available and holds it.
pub fn load(key: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(key).ok().flatten())
}

/// Stores `value` under `key`; false when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes `key` from storage.
pub fn forget(key: &str) {
    if let Some(s) = storage() {
        let _ = s.remove_item(key);
    }
}

/// A JSON text as a tree, read by the browser's parser (as the widget reads a response).
pub fn tree_of(text: &str) -> Result<Tree, String> {
    let value = js_sys::JSON::parse(text).map_err(|e| {
        e.dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default()
    })?;
    Tree::from_js(&value)
}

/// A property of a JavaScript object (`undefined` when absent). The page reads DOM
/// properties whose web-sys bindings sit behind crate features: enabling those features
/// changed the widget's module by a few bytes, so the page reads them by name instead.
pub fn prop(target: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(target, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// The first file of a `FileList` (from a file input or a drop), if any.
pub fn first_file(files: &JsValue) -> Option<JsValue> {
    if !files.is_object() {
        return None;
    }
    js_sys::Reflect::get_u32(files, 0)
        .ok()
        .filter(JsValue::is_object)
}

/// A file's name.
pub fn file_name(file: &JsValue) -> String {
    prop(file, "name").as_string().unwrap_or_default()
}

/// The text of a file the officer chose or dropped (`Blob.text()`).
pub async fn file_text(file: &JsValue) -> Option<String> {
    let text: js_sys::Function = prop(file, "text").dyn_into().ok()?;
    let promise: js_sys::Promise = text.call0(file).ok()?.dyn_into().ok()?;
    JsFuture::from(promise).await.ok()?.as_string()
}

/// Fetches a document the page may read (its own origin, or another that allows it with CORS).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let w = window().ok_or_else(String::new)?;
    let response = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|_| String::new())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| String::new())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| String::new())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(String::new)
}
