//! The page's pure logic, tested on the host (`cargo test --bin author`): splitting a pasted
//! release, dates and times as typed, the draft and its changes, the checks through the
//! widget's reader, the JSON writer, opening files and feeds, the stored draft, and what an
//! export changes.
//!
//! It lives in this binary rather than in the library: in the library, even unreachable from
//! the widget's exports, it changed how the widget's own functions were inlined before
//! link-time optimisation and made the widget's module 0.7 KiB larger (measured).

pub mod check;
pub mod diff;
pub mod draft;
pub mod edits;
pub mod json;
pub mod open;
pub mod paste;
pub mod store;
pub mod when;
