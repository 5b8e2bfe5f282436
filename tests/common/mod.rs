//! Helpers shared by the host tests.
#![allow(dead_code)]

use election_widget::feed::tree::Tree;
use election_widget::feed::{Context, FeedError, Source};
use election_widget::text::links::{check, LinkKind, Verdict};

/// JSON text read with serde_json: the host's stand-in for the browser's `JSON.parse`.
pub struct JsonText<'a>(pub &'a str);

impl Source for JsonText<'_> {
    fn tree(&self) -> Result<Tree, FeedError> {
        // serde_json's own recursion limit stands in for the browser's iterative depth check
        serde_json::from_str(self.0).map_err(|e| FeedError::document(e.to_string()))
    }
}

/// Resolves like the browser would for an endpoint at https://news.example/feeds/.
pub fn resolve(raw: &str, kind: LinkKind) -> Option<String> {
    match check(raw, kind) {
        Verdict::Absolute(s) => Some(s),
        Verdict::Relative(s) if s.starts_with('/') => Some(format!("https://news.example{s}")),
        Verdict::Relative(s) => Some(format!("https://news.example/feeds/{s}")),
        Verdict::Refused => None,
    }
}

/// The context a Persian page gives by default.
pub fn ctx() -> Context<'static> {
    Context {
        resolve: &resolve,
        normalize: true,
        default_lang: None,
    }
}

pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap()
}
