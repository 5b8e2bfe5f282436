//! The newsroom (`author.html`): the pure logic of the authoring page, where a press officer
//! pastes a release, sets the election, previews and exports the bulletin.
//!
//! Only the page's own binary (`src/bin/author/`) and the tests use this module; the
//! widget's exports never reach it, so link-time dead-code elimination keeps it out of the
//! widget's module (checked by the size ratchet).

pub mod check;
pub mod draft;
pub mod edits;
pub mod json;
pub mod paste;
pub mod when;
