//! Cleans news pages and prints the articles.
//!
//! ```text
//! cargo run --example clean -- [--json] FILE...
//! ```
//!
//! Each FILE is raw HTML (any encoding) or text scraped from a page; which
//! one is told from its content, not its name: bytes that are not UTF-8, or
//! text that opens with a tag or holds `<!doctype`, `<html`, `<head`,
//! `<body`, `<div` or `<p` in its first KiB, are HTML. Without `--json` the
//! article is printed for reading, followed by every removed piece and its
//! reason; with `--json` each file gives one JSON object on one line, the
//! article in the crate's serde schema (`docs/SCHEMA.md`) after an `input`
//! key. A file that cannot be read or cleaned is reported (with `--json`,
//! `{"input", "error": {"kind", "message", …}}`) and the run goes on; the
//! exit status is then 1.

use std::ffi::OsString;
use std::io::{self, Write};
use std::path::Path;
use std::process::ExitCode;

use serde_json::{Value, json};
use tinsach::Article;

const USAGE: &str = "usage: clean [--json] FILE...";

/// How far into the input the HTML markers are looked for. A page's first
/// KiB holds its doctype and head in practice; text scrapes rarely hold any
/// of these markers at all, let alone that early.
const SNIFF_BYTES: usize = 1024;

/// Markers that make an input HTML when they appear (any case) in its first
/// [`SNIFF_BYTES`].
const HTML_MARKERS: &[&str] = &["<!doctype", "<html", "<head", "<body", "<div", "<p"];

/// Whether the input is HTML rather than scraped text.
fn looks_like_html(bytes: &[u8]) -> bool {
    let Ok(text) = std::str::from_utf8(bytes) else {
        // Not UTF-8: only the HTML path decodes other encodings.
        return true;
    };
    let text = text.trim_start_matches('\u{feff}').trim_start();
    // A tag, comment or doctype right at the start.
    let mut chars = text.chars();
    if chars.next() == Some('<')
        && chars
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() || c == '!' || c == '?')
    {
        return true;
    }
    let head: String = text
        .char_indices()
        .take_while(|(i, _)| *i < SNIFF_BYTES)
        .map(|(_, c)| c.to_ascii_lowercase())
        .collect();
    HTML_MARKERS.iter().any(|m| head.contains(m))
}

/// Why a file gave no article.
enum Failure {
    /// The cleaner's error.
    Clean(tinsach::Error),
    /// The file could not be read (`read_error`), or the cleaner panicked
    /// (`panic`).
    Tool { kind: &'static str, message: String },
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Clean(e) => e.fmt(f),
            Failure::Tool { message, .. } => f.write_str(message),
        }
    }
}

/// Reads and cleans one file.
fn clean_file(path: &Path) -> Result<Article, Failure> {
    let bytes = std::fs::read(path).map_err(|e| Failure::Tool {
        kind: "read_error",
        message: e.to_string(),
    })?;
    let is_html = looks_like_html(&bytes);
    // A bug in the library must not end the run over the remaining files:
    // the page is reported as failed, like any other error.
    let result = std::panic::catch_unwind(|| {
        if is_html {
            tinsach::clean_html(&bytes)
        } else {
            // looks_like_html sends every non-UTF-8 input to the HTML path.
            let text = String::from_utf8_lossy(&bytes);
            tinsach::clean_text(text.trim_start_matches('\u{feff}'))
        }
    });
    match result {
        Ok(Ok(article)) => Ok(article),
        Ok(Err(e)) => Err(Failure::Clean(e)),
        Err(_) => Err(Failure::Tool {
            kind: "panic",
            message: "the cleaner panicked (a bug in tinsach)".to_string(),
        }),
    }
}

/// One JSON object on one line, keys in the given order, each value JSON
/// already (a `json!` map would sort the keys, and the documented order
/// reads better).
fn object_line(pairs: &[(&str, String)]) -> String {
    let fields: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}:{v}", Value::from(*k)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

/// The article in the crate's JSON schema (its serde derives, see
/// `docs/SCHEMA.md`), after the input's name.
fn article_json(input: &str, a: &Article) -> String {
    let article = serde_json::to_string(a).expect("an Article serialises");
    // `{"headline":…}` with the input's pair put first.
    format!("{{\"input\":{},{}", Value::from(input), &article[1..])
}

/// A result line for an input that gave no article: `{"input", "error"}`,
/// the error an object with its `kind` and `message` as the library's
/// `Error` serialises (and `read_error`, `panic` for what this tool meets).
fn error_json(input: &str, error: &Failure) -> String {
    let error = match error {
        Failure::Clean(e) => serde_json::to_string(e).expect("an Error serialises"),
        Failure::Tool { kind, message } => json!({"kind": kind, "message": message}).to_string(),
    };
    object_line(&[("input", Value::from(input).to_string()), ("error", error)])
}

fn write_readable(out: &mut impl Write, input: &str, a: &Article) -> io::Result<()> {
    let or_none = |o: &Option<String>| o.clone().unwrap_or_else(|| "(none)".to_string());
    writeln!(out, "== {input}")?;
    writeln!(out, "Headline: {}", or_none(&a.headline))?;
    if let Some(k) = &a.kicker {
        writeln!(out, "Kicker:   {k}")?;
    }
    match &a.dateline {
        Some(d) => {
            let text = d.text.as_deref().unwrap_or("(not printed)");
            let when = match (d.datetime, d.date) {
                (Some(t), _) => t.to_string(),
                (None, Some(day)) => format!("{day}, no full date"),
                (None, None) => "no full date".to_string(),
            };
            writeln!(out, "Dateline: {text} ({when})")?;
        }
        None => writeln!(out, "Dateline: (none)")?,
    }
    writeln!(out, "Source:   {}", or_none(&a.source))?;
    writeln!(out, "Outlet:   {}", or_none(&a.outlet))?;
    writeln!(out, "Host:     {}", or_none(&a.host))?;
    if let Some(c) = &a.credit {
        writeln!(out, "Credit:   {c}")?;
    }
    if !a.authors.is_empty() {
        writeln!(out, "Authors:  {}", a.authors.join(", "))?;
    }
    if let Some(e) = &a.encoding {
        let errors = if e.had_errors { ", with errors" } else { "" };
        let wrong = if e.looks_wrong { ", looks wrong" } else { "" };
        writeln!(out, "Encoding: {} ({}{errors}{wrong})", e.name, e.source)?;
    }
    writeln!(out, "\nBody ({} paragraphs):", a.body.len())?;
    for p in &a.body {
        writeln!(out, "\n{p}")?;
    }
    if !a.captions.is_empty() {
        writeln!(out, "\nCaptions:")?;
        for c in &a.captions {
            writeln!(out, "  - {c}")?;
        }
    }
    writeln!(out, "\nRemoved ({}):", a.removed.len())?;
    for r in &a.removed {
        // A piece of several blocks holds one per line: each is printed
        // under the reason, indented.
        let mut lines = r.text.lines();
        writeln!(out, "  [{}] {}", r.reason, lines.next().unwrap_or(""))?;
        for line in lines {
            writeln!(out, "      {line}")?;
        }
    }
    writeln!(out)
}

/// Writes a message to standard error, ignoring a failure to write it (a
/// closed stderr must not make the run panic).
fn warn(message: &str) {
    let _ = writeln!(io::stderr(), "clean: {message}");
}

fn run(files: &[OsString], as_json: bool) -> io::Result<bool> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut all_ok = true;
    for file in files {
        let path = Path::new(file);
        let name = path.to_string_lossy();
        match clean_file(path) {
            Ok(article) if as_json => writeln!(out, "{}", article_json(&name, &article))?,
            Ok(article) => write_readable(&mut out, &name, &article)?,
            Err(error) => {
                all_ok = false;
                if as_json {
                    writeln!(out, "{}", error_json(&name, &error))?;
                } else {
                    out.flush()?;
                    warn(&format!("{name}: {error}"));
                }
            }
        }
    }
    out.flush()?;
    Ok(all_ok)
}

fn main() -> ExitCode {
    let mut as_json = false;
    let mut files = Vec::new();
    for arg in std::env::args_os().skip(1) {
        match arg.to_str() {
            Some("--json") => as_json = true,
            Some("--help" | "-h") => {
                let _ = writeln!(io::stdout(), "{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ => files.push(arg),
        }
    }
    if files.is_empty() {
        warn(USAGE);
        return ExitCode::from(2);
    }
    match run(&files, as_json) {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        // Writing failed (say, the reader of a pipe went away): stop quietly.
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}
