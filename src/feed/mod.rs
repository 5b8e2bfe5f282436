//! From what an endpoint served to the widget's [`Bulletin`](crate::model::Bulletin).
//!
//! Deserialisation is generic over serde: the browser feeds it from `JSON.parse`
//! (serde-wasm-bindgen, no JSON parser in the wasm), the host tests from serde_json.
//! Structural errors name the JSON path of the bad field; a bad optional field is
//! dropped with a warning so that the rest of the bulletin still shows.

pub mod native;

use std::fmt;

use crate::model::Bulletin;
use crate::text::links::LinkKind;

/// What adapting needs from its surroundings.
pub struct Context<'a> {
    /// Checks a raw link and makes it absolute (against the endpoint's URL); None refuses it.
    pub resolve: &'a dyn Fn(&str, LinkKind) -> Option<String>,
    /// Whether Persian text is normalised for display (`data-normalize`, on by default).
    pub normalize: bool,
}

/// A bulletin that was read, with what had to be dropped from it.
#[derive(Debug, PartialEq)]
pub struct Parsed {
    pub bulletin: Bulletin,
    /// One line per dropped field: `items[2].published: expected an RFC 3339 date …`.
    pub warnings: Vec<String>,
}

/// Why a response is not a bulletin at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedError {
    /// JSON path of the offending value (`items[2].title`), empty for the document itself.
    pub path: String,
    pub message: String,
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl<E: serde::de::Error> From<serde_path_to_error::Error<E>> for FeedError {
    fn from(e: serde_path_to_error::Error<E>) -> Self {
        FeedError {
            path: e.path().to_string(),
            message: e.into_inner().to_string(),
        }
    }
}
