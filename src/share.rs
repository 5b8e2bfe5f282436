//! Browser actions behind the share and add-to-calendar buttons.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// What sharing achieved, so the view can confirm it or offer the link to copy by hand.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Shared {
    /// The system share sheet took it (or the reader closed it).
    Sheet,
    /// The link is on the clipboard.
    Copied,
    /// Neither is available (no Web Share, no clipboard on plain-http sites): show the link.
    Manual,
}

/// Shares `url` with the Web Share API where the browser has it, else copies it.
pub async fn share(title: &str, url: &str) -> Shared {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return Shared::Manual;
    };
    let nav: &JsValue = navigator.as_ref();
    if let Ok(share) = js_sys::Reflect::get(nav, &"share".into()) {
        if let Some(share) = share.dyn_ref::<js_sys::Function>() {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
            if let Ok(promise) = share.call1(nav, &data) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    // a reader who cancels the sheet has still been offered it
                    let _ = JsFuture::from(promise).await;
                    return Shared::Sheet;
                }
            }
        }
    }
    let clipboard = js_sys::Reflect::get(nav, &"clipboard".into())
        .ok()
        .filter(|c| !c.is_undefined() && !c.is_null());
    if let Some(clipboard) = clipboard {
        let write = js_sys::Reflect::get(&clipboard, &"writeText".into()).ok();
        if let Some(write) = write.as_ref().and_then(|w| w.dyn_ref::<js_sys::Function>()) {
            if let Ok(promise) = write.call1(&clipboard, &url.into()) {
                if let Ok(promise) = promise.dyn_into::<js_sys::Promise>() {
                    if JsFuture::from(promise).await.is_ok() {
                        return Shared::Copied;
                    }
                }
            }
        }
    }
    Shared::Manual
}

/// The page's own URL, for sharing an item that has none.
pub fn page_url() -> Option<String> {
    web_sys::window()?.location().href().ok()
}

/// Offers `content` as a file download named `name`, generated in the browser.
pub fn download(name: &str, mime: &str, content: &str) -> Result<(), JsValue> {
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let bag = web_sys::BlobPropertyBag::new();
    bag.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(JsValue::NULL)?;
    let a: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    a.set_href(&url);
    a.set_download(name);
    a.click();
    // revoke once the click has been handled
    let revoke = url.clone();
    gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&revoke);
    })
    .forget();
    Ok(())
}
