//! The command line: commands, options (each named after the element attribute it stands for,
//! with the same values and limits) and the help texts.

use crate::feed::Format;
use crate::text::quoted::Quoted;
use crate::time::{parse_rfc3339, Instant};

/// A command with its options.
#[derive(Debug, PartialEq)]
pub enum Command {
    Check(Options),
    Convert(Options),
    Fallback(Options),
}

/// What the command line asked for.
#[derive(Debug, PartialEq)]
pub enum Parsed {
    Run(Command),
    Help(&'static str),
    Version,
    /// A mistake on the command line; `command` names the help to point at.
    Usage {
        message: String,
        command: Option<&'static str>,
    },
}

/// Every option; each command reads the ones it accepts.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// A file, `-` for standard input, or an http(s) URL.
    pub input: String,
    /// `--format`, like `data-format`.
    pub format: Option<Format>,
    /// `--fields`, like `data-fields`: the JSON text of a field map.
    pub fields: Option<String>,
    /// `--election`, like `data-election-src`: a file or URL with the election block.
    pub election: Option<String>,
    /// `--origin`: the site that will embed the widget, sent as `Origin` to URLs.
    pub origin: Option<String>,
    /// `--base`: the address a file will be served from; relative links resolve against it.
    pub base: Option<String>,
    /// `--lang`, like `data-lang`.
    pub lang: Option<String>,
    /// `--normalize`, like `data-normalize`.
    pub normalize: bool,
    /// `--now`, like `data-now`.
    pub now: Option<Instant>,
    /// `--timeout`, like `data-timeout` (seconds).
    pub timeout_secs: u32,
    /// `--json` (check): the report as JSON.
    pub json: bool,
    /// `--strict`: a dropped field or a lost election block fails too.
    pub strict: bool,
    /// `-o`/`--output` (convert, fallback): a file instead of standard output.
    pub output: Option<String>,
    /// `--items` (fallback), like `data-items`.
    pub items: usize,
    /// `--heading-level` (fallback), like `data-heading-level`.
    pub heading_level: u8,
}

impl Options {
    fn new(input: String) -> Options {
        Options {
            input,
            format: None,
            fields: None,
            election: None,
            origin: None,
            base: None,
            lang: None,
            normalize: true,
            now: None,
            timeout_secs: 10,
            json: false,
            strict: false,
            output: None,
            items: 3,
            heading_level: 2,
        }
    }
}

/// Options every reading command takes (`--flag` alone, or `--name VALUE` / `--name=VALUE`).
const READING: [&str; 10] = [
    "--format",
    "--fields",
    "--election",
    "--origin",
    "--base",
    "--lang",
    "--normalize",
    "--now",
    "--timeout",
    "--strict",
];

fn accepts(command: &str, option: &str) -> bool {
    READING.contains(&option)
        || match command {
            "check" => option == "--json",
            "convert" => option == "--output",
            "fallback" => matches!(option, "--output" | "--items" | "--heading-level"),
            _ => false,
        }
}

fn takes_value(option: &str) -> bool {
    !matches!(option, "--json" | "--strict")
}

/// Reads the command line (without the program's name).
pub fn parse(args: &[String]) -> Parsed {
    let Some(first) = args.first() else {
        return Parsed::Help(MAIN_HELP);
    };
    let command: &'static str = match first.as_str() {
        "-h" | "--help" => return Parsed::Help(MAIN_HELP),
        "-V" | "--version" => return Parsed::Version,
        "help" => {
            return match args.get(1).map(String::as_str) {
                None => Parsed::Help(MAIN_HELP),
                Some(c) => match help_for(c) {
                    Some(h) => Parsed::Help(h),
                    None => usage(format!("no command {}", Quoted(c)), None),
                },
            }
        }
        "check" => "check",
        "convert" => "convert",
        "fallback" => "fallback",
        other => {
            return usage(
                format!(
                    "unknown command {}; the commands are check, convert and fallback",
                    Quoted(other)
                ),
                None,
            )
        }
    };
    let mut input = None;
    let mut given: Vec<(&'static str, String)> = Vec::new();
    let mut rest = args[1..].iter();
    let mut only_inputs = false;
    while let Some(arg) = rest.next() {
        if only_inputs || arg == "-" || !arg.starts_with('-') {
            if input.is_some() {
                return usage(
                    format!("one input at a time (also given: {})", Quoted(arg)),
                    Some(command),
                );
            }
            input = Some(arg.clone());
            continue;
        }
        if arg == "--" {
            only_inputs = true;
            continue;
        }
        if arg == "-h" || arg == "--help" {
            return Parsed::Help(help_for(command).unwrap_or(MAIN_HELP));
        }
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n, Some(v.to_owned())),
            _ => (arg.as_str(), None),
        };
        let name = if name == "-o" { "--output" } else { name };
        let Some(option) = READING
            .iter()
            .chain(&["--json", "--output", "--items", "--heading-level"])
            .find(|o| **o == name)
            .copied()
        else {
            return usage(format!("unknown option {}", Quoted(arg)), Some(command));
        };
        if !accepts(command, option) {
            return usage(format!("{command} does not take {option}"), Some(command));
        }
        let value = if takes_value(option) {
            match inline.or_else(|| rest.next().cloned()) {
                Some(v) => v,
                None => return usage(format!("{option} needs a value"), Some(command)),
            }
        } else if inline.is_some() {
            return usage(format!("{option} takes no value"), Some(command));
        } else {
            String::new()
        };
        if given.iter().any(|(o, _)| *o == option) {
            return usage(format!("{option} given twice"), Some(command));
        }
        given.push((option, value));
    }
    let Some(input) = input else {
        return usage(
            "no input: give a file, - for standard input, or an http(s) URL".into(),
            Some(command),
        );
    };
    let mut o = Options::new(input);
    for (option, value) in given {
        if let Err(message) = apply(&mut o, option, value) {
            return usage(message, Some(command));
        }
    }
    Parsed::Run(match command {
        "check" => Command::Check(o),
        "convert" => Command::Convert(o),
        _ => Command::Fallback(o),
    })
}

fn usage(message: String, command: Option<&'static str>) -> Parsed {
    Parsed::Usage { message, command }
}

/// Sets one option, with the limits of the attribute it stands for.
fn apply(o: &mut Options, option: &str, value: String) -> Result<(), String> {
    let number = |min: u32, max: u32| -> Result<u32, String> {
        match value.trim().parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(format!(
                "{option} {}: expected a whole number from {min} to {max}",
                Quoted(&value)
            )),
        }
    };
    match option {
        "--format" => {
            o.format = Some(Format::from_attribute(&value).ok_or_else(|| {
                format!(
                    "--format {}: expected native, jsonfeed, wordpress or newsarticle",
                    Quoted(&value)
                )
            })?)
        }
        "--fields" => o.fields = Some(value),
        "--election" => o.election = Some(value),
        "--origin" => o.origin = Some(origin(&value)?),
        "--base" => {
            let ok = url::Url::parse(&value)
                .is_ok_and(|u| matches!(u.scheme(), "http" | "https") && u.has_host());
            if !ok {
                return Err(format!(
                    "--base {}: expected the http(s) URL the file will be served from",
                    Quoted(&value)
                ));
            }
            o.base = Some(value);
        }
        "--lang" => o.lang = Some(value.trim().to_owned()).filter(|l| !l.is_empty()),
        "--normalize" => {
            o.normalize = match value.trim() {
                "on" | "true" => true,
                "off" | "false" => false,
                _ => {
                    return Err(format!(
                        "--normalize {}: expected on or off",
                        Quoted(&value)
                    ))
                }
            }
        }
        "--now" => {
            o.now =
                Some(parse_rfc3339(&value).map_err(|e| format!("--now {}: {e}", Quoted(&value)))?)
        }
        "--timeout" => o.timeout_secs = number(1, 120)?,
        "--json" => o.json = true,
        "--strict" => o.strict = true,
        "--output" => o.output = Some(value),
        "--items" => o.items = number(1, 20)? as usize,
        "--heading-level" => o.heading_level = number(1, 6)? as u8,
        _ => return Err(format!("unknown option {option}")),
    }
    Ok(())
}

/// An origin as a browser sends it: `https://www.office.example` (scheme, host, port; no path).
fn origin(value: &str) -> Result<String, String> {
    let bad = || {
        format!(
            "--origin {}: expected the embedding site's origin, such as https://www.office.example",
            Quoted(value)
        )
    };
    let url = url::Url::parse(value.trim()).map_err(|_| bad())?;
    let path_ok = matches!(url.path(), "" | "/") && url.query().is_none();
    if !matches!(url.scheme(), "http" | "https") || !url.has_host() || !path_ok {
        return Err(bad());
    }
    Ok(url.origin().ascii_serialization())
}

fn help_for(command: &str) -> Option<&'static str> {
    match command {
        "check" => Some(CHECK_HELP),
        "convert" => Some(CONVERT_HELP),
        "fallback" => Some(FALLBACK_HELP),
        _ => None,
    }
}

/// `bulletin --help`.
pub const MAIN_HELP: &str = "\
bulletin: the election widget's companion for the command line

Reads a bulletin or feed exactly as the widget does (same formats, same checks, same limits).

Usage:
  bulletin check    FILE|URL [options]   what the widget would make of it, problem by problem
  bulletin convert  FILE|URL [options]   the native bulletin (version 1) the widget would build
  bulletin fallback FILE|URL [options]   the no-script HTML to put inside the widget's element
  bulletin help COMMAND                  the options of a command (or: bulletin COMMAND --help)
  bulletin --version

FILE may be - for standard input. URL is http or https.

Exit status: 0 the widget would show it (or the output was written); 1 it would show its
error state (or no output could be made); 2 a mistake on the command line.
";

/// `bulletin check --help`.
pub const CHECK_HELP: &str = concat!(
    "\
bulletin check: reads a bulletin or feed the way the widget would, and says what a reader sees

Usage: bulletin check FILE|URL [options]

Prints each problem on a line, with the file or URL and the JSON path: `error` when the widget
would show its error state, `warning` (ignored) when it would drop that field and show the
rest, `note` for advice that does not change what the widget shows (HTTP headers). Then a
summary: the format, the items and their titles, the election and its phase now.

A URL is fetched once, with the timeout and the widget's 1 MiB limit; its status, Content-Type
and CORS headers are checked (give --origin to check them for the embedding site).

Options:
  --json              print the report as JSON instead
",
    "\
  --format NAME       native, jsonfeed, wordpress or newsarticle (like data-format;
                      default: detected from the document)
  --fields JSON       a field map for any other JSON (like data-fields); @FILE reads it
                      from a file
  --election SOURCE   a file or URL with the election block (like data-election-src)
  --origin ORIGIN     the site that will embed the widget, e.g. https://www.office.example:
                      sent as the Origin header, and the response's CORS headers are
                      checked against it
  --base URL          where a FILE will be served from: relative links resolve against it
                      (a URL input is its own base)
  --lang TAG          the language to assume when the feed names none (like data-lang; fa)
  --normalize on|off  Persian text normalisation (like data-normalize; on)
  --now DATE          an RFC 3339 instant to use as now (like data-now; default: this
                      computer's clock, never earlier than the bulletin's generated time)
  --timeout SECONDS   per request, 1 to 120 (like data-timeout; 10)
  --strict            also fail when a field would be dropped or the election block is lost
",
    "
Exit status: 0 the widget would show it; 1 it would show its error state; 2 a mistake on the
command line.

Examples:
  bulletin check bulletin.json
  bulletin check https://news.example.ir/election/bulletin.json --origin https://www.office.example.ir
  bulletin check posts.json --format wordpress --election election.json --json
"
);

/// `bulletin convert --help`.
pub const CONVERT_HELP: &str = concat!(
    "\
bulletin convert: writes the native bulletin (version 1) the widget would build

Usage: bulletin convert FILE|URL [options]

Reads any supported format (or any JSON through --fields) and writes the native bulletin,
with the text normalised and the links checked as the widget does; --election merges an
election block from another file or URL. What the widget would drop is said on standard
error and left out. The result passes `bulletin check`.

Options:
  -o, --output FILE   write to FILE (replaced only when the conversion succeeds)
                      instead of standard output
",
    "\
  --format NAME       native, jsonfeed, wordpress or newsarticle (like data-format;
                      default: detected from the document)
  --fields JSON       a field map for any other JSON (like data-fields); @FILE reads it
                      from a file
  --election SOURCE   a file or URL with the election block (like data-election-src)
  --origin ORIGIN     the site that will embed the widget (sent as the Origin header)
  --base URL          where a FILE will be served from: relative links resolve against it;
                      without it they stay relative
  --lang TAG          the language to assume when the feed names none (like data-lang; fa)
  --normalize on|off  Persian text normalisation (like data-normalize; on)
  --timeout SECONDS   per request, 1 to 120 (like data-timeout; 10)
  --strict            write nothing when a field would be dropped or the election block is lost
  --now DATE          (accepted for symmetry; conversion does not depend on the time)
",
    "
Exit status: 0 written; 1 nothing written (the widget would show its error state, or the
output could not be written); 2 a mistake on the command line.

Example:
  bulletin convert https://news.example.ir/wp-json/wp/v2/posts --election election.json -o bulletin.json
"
);

/// `bulletin fallback --help`.
pub const FALLBACK_HELP: &str = concat!(
    "\
bulletin fallback: writes the HTML to put inside the widget's element, for readers without
WebAssembly and for search engines

Usage: bulletin fallback FILE|URL [options]

Renders, with the widget's own locale (Solar Hijri dates, Persian digits, its words), the
first items (kicker, title, lead, source, date, link) and the election's date, hours and link
as plain semantic HTML: no script, no style, every text escaped, only http(s) links (and tel:
for the call to vote). The widget hides it when it mounts; it shows again if WebAssembly
cannot run.

Options:
  -o, --output FILE     write to FILE instead of standard output
  --items N             how many items, 1 to 20: the first in full, the others as
                        headlines (3)
  --heading-level N     the level of the headings, 1 to 6 (like data-heading-level; 2)
",
    "\
  --format NAME       native, jsonfeed, wordpress or newsarticle (like data-format;
                      default: detected from the document)
  --fields JSON       a field map for any other JSON (like data-fields); @FILE reads it
                      from a file
  --election SOURCE   a file or URL with the election block (like data-election-src)
  --origin ORIGIN     the site that will embed the widget (sent as the Origin header)
  --base URL          where a FILE will be served from: relative links resolve against it
                      (without it they are left out: the page would resolve them against
                      its own address)
  --lang TAG          the language to assume when the feed names none (like data-lang; fa)
  --normalize on|off  Persian text normalisation (like data-normalize; on)
  --now DATE          which election to show and whether its link still shows (like
                      data-now; default: this computer's clock)
  --timeout SECONDS   per request, 1 to 120 (like data-timeout; 10)
  --strict            write nothing when a field would be dropped or the election block is lost
",
    "
Exit status: 0 written; 1 nothing written; 2 a mistake on the command line.

Example:
  bulletin fallback https://news.example.ir/election/bulletin.json -o fallback.html
"
);

#[cfg(test)]
mod tests {
    use super::*;

    fn args(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_owned).collect()
    }

    #[test]
    fn options_take_the_attributes_values() {
        let Parsed::Run(Command::Check(o)) = parse(&args(
            "check b.json --format=wp --timeout 30 --origin https://Office.Example:443/ --json",
        )) else {
            panic!("not a check");
        };
        assert_eq!(o.format, Some(Format::WordPress));
        assert_eq!(o.timeout_secs, 30);
        assert_eq!(o.origin.as_deref(), Some("https://office.example"));
        assert!(o.json);
    }

    #[test]
    fn mistakes_are_usage_errors() {
        for bad in [
            "check",
            "check a b",
            "check a --timeout 0",
            "check a --format rss",
            "check a --items 3",
            "convert a --json",
            "fallback a --items 21",
            "check a --origin https://x.example/path",
            "check a --base ftp://x",
            "check a --now yesterday",
            "check a --strict=yes",
            "check a --timeout",
            "nonsense",
        ] {
            assert!(
                matches!(parse(&args(bad)), Parsed::Usage { .. }),
                "{bad} should be a usage error"
            );
        }
    }

    #[test]
    fn help_for_every_command() {
        assert_eq!(parse(&args("check --help")), Parsed::Help(CHECK_HELP));
        assert_eq!(parse(&args("help convert")), Parsed::Help(CONVERT_HELP));
        assert_eq!(parse(&args("fallback -h")), Parsed::Help(FALLBACK_HELP));
        assert_eq!(parse(&[]), Parsed::Help(MAIN_HELP));
    }
}
