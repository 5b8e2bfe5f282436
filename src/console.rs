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
