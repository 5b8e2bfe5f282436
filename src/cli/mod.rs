//! The command-line companion `bulletin` (host only): checks an endpoint or a file the way the
//! widget reads it, converts any supported feed to the native format, and writes the no-script
//! fallback for the widget's element.
//!
//! Everything it decides comes from the widget's own code: [`crate::feed::read`] and the
//! adapters, [`crate::feed::field_map`], [`crate::feed::native::parse_elections`],
//! [`crate::cta`], the limits in [`crate::config`], the link policy in [`crate::text::links`]
//! and the views' locale. What is new here is only what a browser would have done around them:
//! reading bytes ([`input`], [`http`]) and `JSON.parse` ([`json`]).

pub mod args;
pub mod check;
pub mod convert;
pub mod fallback;
pub mod http;
pub mod input;
pub mod json;
pub mod read;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use args::{Command, Parsed};

/// Exit status when the widget would show the bulletin (or the output was written).
pub const EXIT_OK: u8 = 0;
/// Exit status when the widget would show its error state (or no output could be made).
pub const EXIT_FAIL: u8 = 1;
/// Exit status for a mistake on the command line.
pub const EXIT_USAGE: u8 = 2;

/// What a command printed and how it ended.
#[derive(Debug, Default)]
pub struct Outcome {
    pub stdout: String,
    pub stderr: String,
    pub status: u8,
}

impl Outcome {
    /// A usage error: the message and where to read more.
    fn usage(message: &str, command: Option<&str>) -> Outcome {
        let help = match command {
            Some(c) => format!("bulletin {c} --help"),
            None => "bulletin --help".to_owned(),
        };
        Outcome {
            stdout: String::new(),
            stderr: format!("bulletin: {message}\nTry '{help}' for more.\n"),
            status: EXIT_USAGE,
        }
    }
}

/// Runs the program with `args` (without the program's name).
pub fn run(args: Vec<OsString>) -> Outcome {
    let args: Result<Vec<String>, _> = args.into_iter().map(OsString::into_string).collect();
    let Ok(args) = args else {
        return Outcome::usage("an argument is not valid Unicode", None);
    };
    match args::parse(&args) {
        Parsed::Help(text) => Outcome {
            stdout: text.to_owned(),
            ..Outcome::default()
        },
        Parsed::Version => Outcome {
            stdout: format!("bulletin {}\n", env!("CARGO_PKG_VERSION")),
            ..Outcome::default()
        },
        Parsed::Usage { message, command } => Outcome::usage(&message, command),
        Parsed::Run(Command::Check(o)) => check::run(&o),
        Parsed::Run(Command::Convert(o)) => convert::run(&o),
        Parsed::Run(Command::Fallback(o)) => fallback::run(&o),
    }
}

/// The program: runs it and writes what it printed (a closed pipe is not an error).
pub fn main() -> ExitCode {
    let outcome = run(std::env::args_os().skip(1).collect());
    let _ = std::io::stdout().write_all(outcome.stdout.as_bytes());
    let _ = std::io::stderr().write_all(outcome.stderr.as_bytes());
    ExitCode::from(outcome.status)
}

/// Text from outside made safe for a terminal: control characters (escape sequences) and the
/// format characters that reorder text are written as `\u{…}`, line breaks kept.
pub fn terminal(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let hidden = (c.is_control() && c != '\n')
            || matches!(c, '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{2028}' | '\u{2029}' | '\u{202A}'..='\u{202E}' | '\u{2060}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}');
        if hidden {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `text` to the file `path`, or hands it back for standard output when there is none.
/// The file is written beside its final name and renamed into place, so an existing file is
/// replaced whole or not at all.
pub fn deliver(path: Option<&str>, text: &str) -> Result<Option<String>, String> {
    let Some(path) = path else {
        return Ok(Some(text.to_owned()));
    };
    let target = std::path::Path::new(path);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = target.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let written =
        std::fs::write(&temporary, text).and_then(|()| std::fs::rename(&temporary, target));
    written.map(|()| None).map_err(|e| {
        let _ = std::fs::remove_file(&temporary);
        format!("cannot write {path}: {e}")
    })
}
