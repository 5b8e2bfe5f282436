//! A generic JSON value with a depth limit, for formats whose fields take many shapes
//! (JSON-LD) and for the field map's JSON Pointers.
//!
//! The depth limit matters: the browser's stack is small, and a recursive read of a
//! 100,000-level document would trap the WebAssembly module and every widget with it.

use std::cell::Cell;
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Deepest nesting read; deeper documents are a `bad-data` error, not a trap.
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub enum Tree {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Tree>),
    Object(Vec<(String, Tree)>),
}

impl Tree {
    /// A member of an object.
    pub fn get(&self, key: &str) -> Option<&Tree> {
        match self {
            Tree::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The string, when this is one.
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Tree::String(s) => Some(s),
            _ => None,
        }
    }

    /// The number, when this is one (or a string holding one).
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Tree::Number(n) => Some(*n),
            Tree::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// Text for a display field: strings as they are, numbers written out.
    pub fn text(&self) -> Option<String> {
        match self {
            Tree::String(s) => Some(s.clone()),
            Tree::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => Some(format!("{}", *n as i64)),
            Tree::Number(n) => Some(n.to_string()),
            _ => None,
        }
    }

    /// This value as a list: an array's elements, or the value alone (JSON-LD allows both).
    pub fn as_list(&self) -> Vec<&Tree> {
        match self {
            Tree::Array(items) => items.iter().collect(),
            Tree::Null => Vec::new(),
            other => vec![other],
        }
    }

    /// Resolves an RFC 6901 JSON Pointer (`/data/0/title`, `~1` for `/`, `~0` for `~`).
    pub fn pointer(&self, pointer: &str) -> Option<&Tree> {
        if pointer.is_empty() {
            return Some(self);
        }
        let rest = pointer.strip_prefix('/')?;
        rest.split('/').try_fold(self, |node, raw| {
            let token = raw.replace("~1", "/").replace("~0", "~");
            match node {
                Tree::Object(_) => node.get(&token),
                Tree::Array(items) => {
                    let valid = !token.is_empty() && (token == "0" || !token.starts_with('0'));
                    let index: usize = if valid {
                        token.parse().ok()?
                    } else {
                        return None;
                    };
                    items.get(index)
                }
                _ => None,
            }
        })
    }
}

thread_local! {
    static DEPTH: Cell<usize> = const { Cell::new(0) };
}

/// Counts one level of nesting for as long as it lives.
struct Level;

impl Level {
    fn enter<E: de::Error>() -> Result<Level, E> {
        let depth = DEPTH.with(|d| d.get()) + 1;
        if depth > MAX_DEPTH {
            return Err(E::custom(format!(
                "nested more than {MAX_DEPTH} levels deep"
            )));
        }
        DEPTH.with(|d| d.set(depth));
        Ok(Level)
    }
}

impl Drop for Level {
    fn drop(&mut self) {
        DEPTH.with(|d| d.set(d.get().saturating_sub(1)));
    }
}

impl<'de> Deserialize<'de> for Tree {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(TreeVisitor)
    }
}

struct TreeVisitor;

impl<'de> Visitor<'de> for TreeVisitor {
    type Value = Tree;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Tree, E> {
        Ok(Tree::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Tree, D::Error> {
        Tree::deserialize(d)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Tree, E> {
        Ok(Tree::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Tree, E> {
        Ok(Tree::Number(v as f64))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Tree, E> {
        Ok(Tree::Number(v as f64))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Tree, E> {
        Ok(Tree::Number(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Tree, E> {
        Ok(Tree::String(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Tree, E> {
        Ok(Tree::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Tree, A::Error> {
        let _level = Level::enter()?;
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<Tree>()? {
            items.push(item);
        }
        Ok(Tree::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let _level = Level::enter()?;
        let mut members = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Tree>()? {
            members.push((k, v));
        }
        Ok(Tree::Object(members))
    }
}
