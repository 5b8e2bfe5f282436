//! Webmaster-facing console lines, one per problem, always prefixed.

/// The prefix of every console line, so a webmaster can filter for them.
pub const PREFIX: &str = "[election-widget]";

/// A problem that kept something off the screen.
pub fn error(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::error_1(&format!("{PREFIX} {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// Something was ignored or replaced by a default; the widget still works.
pub fn warn(message: &str) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_1(&format!("{PREFIX} {message}").into());
    #[cfg(not(target_arch = "wasm32"))]
    let _ = message;
}

/// A warning with the JavaScript value that caused it, shown by the console itself (an
/// exception keeps its stack there; no string conversion needed on our side).
pub fn warn_value(message: &str, value: &wasm_bindgen::JsValue) {
    #[cfg(target_arch = "wasm32")]
    web_sys::console::warn_2(&format!("{PREFIX} {message}").into(), value);
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (message, value);
}
