//! A generic JSON value with a depth limit, for formats whose fields take many shapes
//! (JSON-LD) and for the field map's JSON Pointers.
//!
//! The depth limit matters: the browser's stack is small, and a recursive read of a
//! 100,000-level document would trap the WebAssembly module and every widget with it.

use std::cell::{Cell, RefCell};
use std::fmt;

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Deserializer};

/// Deepest nesting read; deeper documents are a `bad-data` error, not a trap.
pub const MAX_DEPTH: usize = 64;

/// Entries read from any one list: more than the widget ever shows (at most 20 items, and a
/// card's body paragraphs), so that a bulletin of 30,000 items or one item of 60,000
/// paragraphs under the 1 MiB limit costs no more than one of 200; the rest is skipped with a
/// console warning.
pub const MAX_LIST: usize = 200;

/// Members read from any one object (real feeds' objects have a few dozen).
pub const MAX_MEMBERS: usize = 256;

/// Values read from one document in all; past it, the rest is skipped with a warning.
pub const MAX_VALUES: usize = 50_000;

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
            // whole numbers only: parsing decimals would pull float parsing into the module
            Tree::String(s) => s.trim().parse::<u32>().ok().map(f64::from),
            _ => None,
        }
    }

    /// Text for a display field: strings as they are, numbers written out.
    pub fn text(&self) -> Option<String> {
        match self {
            Tree::String(s) => Some(s.clone()),
            Tree::Number(n) => Some(number_text(*n)),
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
    /// Values read so far from the document being converted.
    static VALUES: Cell<usize> = const { Cell::new(0) };
    /// Where the conversion is (for the warnings), as list indexes and member names.
    static PATH: RefCell<Vec<Step>> = const { RefCell::new(Vec::new()) };
    /// What the last conversion skipped, one line each, for the console.
    static NOTES: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

/// One step of a path into the document.
enum Step {
    Index(usize),
    Key(String),
}

/// What the last conversion of a document skipped (lists, objects or values over the
/// limits), one warning each; empties the record.
pub fn take_notes() -> Vec<String> {
    NOTES.with(|n| std::mem::take(&mut *n.borrow_mut()))
}

/// Starts the count for a new document.
fn begin() {
    VALUES.with(|v| v.set(0));
    PATH.with(|p| p.borrow_mut().clear());
    NOTES.with(|n| n.borrow_mut().clear());
}

/// Counts one value; false once the document's budget is spent (said once).
fn count_value() -> bool {
    let n = VALUES.with(|v| {
        let n = v.get() + 1;
        v.set(n);
        n
    });
    if n == MAX_VALUES + 1 {
        note(format!(
            "the document has more than {MAX_VALUES} values; the rest is not read"
        ));
    }
    n <= MAX_VALUES
}

/// Records a warning, prefixed with where the conversion is.
fn note(message: String) {
    let at = PATH.with(|p| {
        let mut at = String::new();
        for step in p.borrow().iter() {
            match step {
                Step::Index(i) => at.push_str(&format!("[{i}]")),
                Step::Key(k) if at.is_empty() => at.push_str(k),
                Step::Key(k) => {
                    at.push('.');
                    at.push_str(k);
                }
            }
        }
        at
    });
    let line = if at.is_empty() {
        message
    } else {
        format!("{at}: {message}")
    };
    NOTES.with(|n| n.borrow_mut().push(line));
}

/// Runs `f` one step further into the document.
fn within<T>(step: Step, f: impl FnOnce() -> T) -> T {
    PATH.with(|p| p.borrow_mut().push(step));
    let out = f();
    PATH.with(|p| p.borrow_mut().pop());
    out
}

fn skipped_entries(total: usize) {
    note(format!(
        "a list of {total} entries; only the first {MAX_LIST} are read"
    ));
}

fn skipped_members(total: usize) {
    note(format!(
        "an object with {total} members; only the first {MAX_MEMBERS} are read"
    ));
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
        // the same limits as the browser's conversion (Tree::from_js), so that the host
        // (tests, the command-line tool) reads exactly what the widget reads
        if DEPTH.with(|d| d.get()) == 0 {
            begin();
        }
        if !count_value() {
            d.deserialize_ignored_any(de::IgnoredAny)?;
            return Ok(Tree::Null);
        }
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
        while items.len() < MAX_LIST {
            match within(Step::Index(items.len()), || seq.next_element::<Tree>())? {
                Some(item) => items.push(item),
                None => return Ok(Tree::Array(items)),
            }
        }
        let mut total = items.len();
        while seq.next_element::<de::IgnoredAny>()?.is_some() {
            total += 1;
        }
        if total > MAX_LIST {
            skipped_entries(total);
        }
        Ok(Tree::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Tree, A::Error> {
        let _level = Level::enter()?;
        let mut members = Vec::new();
        let mut total = 0;
        while let Some(key) = map.next_key::<String>()? {
            total += 1;
            if members.len() < MAX_MEMBERS {
                let value = within(Step::Key(key.clone()), || map.next_value::<Tree>())?;
                members.push((key, value));
            } else {
                map.next_value::<de::IgnoredAny>()?;
            }
        }
        if total > MAX_MEMBERS {
            skipped_members(total);
        }
        Ok(Tree::Object(members))
    }
}

impl Tree {
    /// What kind of value this is, for error messages ("expected a string, found a number").
    pub fn kind(&self) -> &'static str {
        match self {
            Tree::Null => "null",
            Tree::Bool(_) => "a boolean",
            Tree::Number(_) => "a number",
            Tree::String(_) => "a string",
            Tree::Array(_) => "a list",
            Tree::Object(_) => "an object",
        }
    }

    /// Converts a value from the browser's `JSON.parse` without serde: a walk over plain
    /// JavaScript values that refuses to go deeper than [`MAX_DEPTH`], so a 100,000-level
    /// document is an error after 64 frames instead of a stack overflow that would trap the
    /// module (and every widget with it).
    /// Lists, objects and the document are read up to [`MAX_LIST`], [`MAX_MEMBERS`] and
    /// [`MAX_VALUES`]; what is skipped is said by [`take_notes`].
    pub fn from_js(value: &wasm_bindgen::JsValue) -> Result<Tree, String> {
        begin();
        Tree::from_js_at(value, 0)
    }

    fn from_js_at(value: &wasm_bindgen::JsValue, depth: usize) -> Result<Tree, String> {
        use wasm_bindgen::JsCast;
        if !count_value() || value.is_null() || value.is_undefined() {
            return Ok(Tree::Null);
        }
        if let Some(b) = value.as_bool() {
            return Ok(Tree::Bool(b));
        }
        if let Some(n) = value.as_f64() {
            return Ok(Tree::Number(n));
        }
        if let Some(s) = value.as_string() {
            return Ok(Tree::String(s));
        }
        if !value.is_object() {
            return Ok(Tree::Null);
        }
        if depth >= MAX_DEPTH {
            return Err(format!(
                "the JSON is nested more than {MAX_DEPTH} levels deep"
            ));
        }
        if js_sys::Array::is_array(value) {
            let array = js_sys::Array::from(value);
            let total = array.length() as usize;
            if total > MAX_LIST {
                skipped_entries(total);
            }
            let items = (0..total.min(MAX_LIST)).map(|i| {
                within(Step::Index(i), || {
                    Tree::from_js_at(&array.get(i as u32), depth + 1)
                })
            });
            return items.collect::<Result<_, _>>().map(Tree::Array);
        }
        let entries = js_sys::Object::entries(value.unchecked_ref());
        let total = entries.length() as usize;
        if total > MAX_MEMBERS {
            skipped_members(total);
        }
        let members = (0..total.min(MAX_MEMBERS)).map(|i| {
            let pair = js_sys::Array::from(&entries.get(i as u32));
            let key = pair.get(0).as_string().unwrap_or_default();
            within(Step::Key(key.clone()), || {
                Tree::from_js_at(&pair.get(1), depth + 1)
            })
            .map(|v| (key, v))
        });
        members.collect::<Result<_, _>>().map(Tree::Object)
    }
}

/// `tree` within the same limits as a conversion ([`MAX_LIST`], [`MAX_MEMBERS`],
/// [`MAX_VALUES`]), what was dropped said by [`take_notes`]: for trees built another way (the
/// command-line tool's reader of JSON text), so that they read as the browser's do.
pub fn limited(tree: Tree) -> Tree {
    begin();
    limit(tree)
}

fn limit(tree: Tree) -> Tree {
    if !count_value() {
        return Tree::Null;
    }
    match tree {
        Tree::Array(items) => {
            if items.len() > MAX_LIST {
                skipped_entries(items.len());
            }
            let items = items.into_iter().take(MAX_LIST).enumerate();
            Tree::Array(
                items
                    .map(|(i, v)| within(Step::Index(i), || limit(v)))
                    .collect(),
            )
        }
        Tree::Object(members) => {
            if members.len() > MAX_MEMBERS {
                skipped_members(members.len());
            }
            let members = members.into_iter().take(MAX_MEMBERS);
            Tree::Object(
                members
                    .map(|(k, v)| {
                        let v = within(Step::Key(k.clone()), || limit(v));
                        (k, v)
                    })
                    .collect(),
            )
        }
        other => other,
    }
}

/// A number as text, without the float formatting machinery (which costs the module
/// kilobytes): integers exactly, other numbers to six decimals, trailing zeros dropped,
/// and very large ones as `1.5e20`.
pub fn number_text(n: f64) -> String {
    if !n.is_finite() {
        return String::new();
    }
    if n.abs() >= 1e15 {
        let exponent = n.abs().log10().floor() as i32;
        return format!("{}e{exponent}", number_text(n / 10f64.powi(exponent)));
    }
    if n.fract() == 0.0 {
        return (n as i64).to_string();
    }
    let sign = if n < 0.0 { "-" } else { "" };
    let micro = (n.abs() * 1e6).round() as u64;
    let fraction = format!("{:06}", micro % 1_000_000);
    format!(
        "{sign}{}.{}",
        micro / 1_000_000,
        fraction.trim_end_matches('0')
    )
}

/// A value with the JSON path it was found at: typed reads with errors that name the path.
/// Absent and `null` members are the same: not given.
#[derive(Clone, Debug)]
pub struct At<'a> {
    pub value: &'a Tree,
    pub path: String,
}

impl<'a> At<'a> {
    /// The document itself.
    pub fn root(value: &'a Tree) -> At<'a> {
        At {
            value,
            path: String::new(),
        }
    }

    fn error(&self, message: String) -> super::FeedError {
        super::FeedError {
            path: self.path.clone(),
            message,
        }
    }

    fn expected(&self, what: &str) -> super::FeedError {
        self.error(format!("expected {what}, found {}", self.value.kind()))
    }

    /// The member `key`, if given and not null.
    pub fn get(&self, key: &str) -> Option<At<'a>> {
        let value = self.value.get(key).filter(|v| **v != Tree::Null)?;
        let path = if self.path.is_empty() {
            key.to_owned()
        } else {
            format!("{}.{key}", self.path)
        };
        Some(At { value, path })
    }

    /// The member `key`, which must be given.
    pub fn require(&self, key: &str) -> Result<At<'a>, super::FeedError> {
        self.get(key)
            .ok_or_else(|| self.error(format!("missing field `{key}`")))
    }

    /// This value, which must be an object.
    pub fn object(self) -> Result<At<'a>, super::FeedError> {
        match self.value {
            Tree::Object(_) => Ok(self),
            _ => Err(self.expected("an object")),
        }
    }

    /// The elements of this value, which must be a list.
    pub fn list(&self) -> Result<Vec<At<'a>>, super::FeedError> {
        match self.value {
            Tree::Array(items) => Ok(items
                .iter()
                .enumerate()
                .map(|(i, value)| At {
                    value,
                    path: format!("{}[{i}]", self.path),
                })
                .collect()),
            _ => Err(self.expected("a list")),
        }
    }

    /// This value as text: it must be a string.
    pub fn string(&self) -> Result<String, super::FeedError> {
        self.value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| self.expected("a string"))
    }

    /// This value as a number.
    pub fn number(&self) -> Result<f64, super::FeedError> {
        match self.value {
            Tree::Number(n) => Ok(*n),
            _ => Err(self.expected("a number")),
        }
    }

    /// An identifier: a string, or a number written out.
    pub fn id(&self) -> Result<String, super::FeedError> {
        match self.value {
            Tree::String(_) | Tree::Number(_) => Ok(self.value.text().unwrap_or_default()),
            _ => Err(self.expected("a string or a number")),
        }
    }

    /// The optional string member `key`.
    pub fn opt_string(&self, key: &str) -> Result<Option<String>, super::FeedError> {
        self.get(key).map(|v| v.string()).transpose()
    }

    /// The optional string member `key`, blank counting as absent (feeds often write `""`
    /// for a field they do not fill).
    pub fn opt_text(&self, key: &str) -> Result<Option<String>, super::FeedError> {
        Ok(self.opt_string(key)?.filter(|s| !s.trim().is_empty()))
    }

    /// The optional numeric member `key`.
    pub fn opt_number(&self, key: &str) -> Result<Option<f64>, super::FeedError> {
        self.get(key).map(|v| v.number()).transpose()
    }

    /// The required string member `key`.
    pub fn req_string(&self, key: &str) -> Result<String, super::FeedError> {
        self.require(key)?.string()
    }
}
