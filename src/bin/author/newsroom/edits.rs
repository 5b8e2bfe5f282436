//! The normaliser's edits (issue 15's API in `text::normalize`): which change each rule makes to
//! a pasted text, so that the page lists them (with `Rule::name_fa`) and the officer can undo
//! them one by one.

pub use election_widget::text::normalize::{apply_edits, paragraph_ranges, persian_edits, Edit};
