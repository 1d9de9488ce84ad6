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
//! reason; with `--json` each file gives one JSON object on one line. A file
//! that cannot be read or cleaned is reported (`{"input", "error"}` with
//! `--json`) and the run goes on; the exit status is then 1.

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

/// Reads and cleans one file; the error is a message for the user.
fn clean_file(path: &Path) -> Result<(Article, bool), String> {
    let bytes = std::fs::read(path).map_err(|e| e.to_string())?;
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
        Ok(Ok(article)) => Ok((article, is_html)),
        Ok(Err(e)) => Err(e.to_string()),
        Err(_) => Err("the cleaner panicked (a bug in tinsach)".to_string()),
    }
}

/// One JSON object on one line, keys in the given order (a `json!` map
/// would sort them, and the documented order reads better).
fn object_line(pairs: &[(&str, Value)]) -> String {
    let fields: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}:{v}", Value::from(*k)))
        .collect();
    format!("{{{}}}", fields.join(","))
}

fn article_json(input: &str, a: &Article, is_html: bool) -> String {
    let dateline = a.dateline.as_ref().map_or(Value::Null, |d| {
        json!({
            "text": d.text,
            "datetime": d.datetime.map(|t| t.to_string()),
            "date": d.date.map(|t| t.to_string()),
        })
    });
    let removed: Vec<Value> = a
        .removed
        .iter()
        .map(|r| json!({"text": r.text, "reason": r.reason.to_string()}))
        .collect();
    let mut pairs = vec![
        ("input", json!(input)),
        ("kind", json!(a.kind.to_string())),
        (
            "confidence",
            json!((a.confidence * 1000.0).round() / 1000.0),
        ),
        ("headline", json!(a.headline)),
        ("kicker", json!(a.kicker)),
        ("dateline", dateline),
        ("source", json!(a.source)),
        ("outlet", json!(a.outlet)),
        ("credit", json!(a.credit)),
        ("authors", json!(a.authors)),
        ("body", json!(a.body)),
        ("captions", json!(a.captions)),
        ("removed", Value::Array(removed)),
    ];
    if is_html {
        let encoding = a.encoding.as_ref().map_or(Value::Null, |e| {
            json!({
                "name": e.name,
                "source": e.source.to_string(),
                "had_errors": e.had_errors,
                "looks_wrong": e.looks_wrong,
            })
        });
        pairs.push(("encoding", encoding));
    }
    object_line(&pairs)
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
            Ok((article, is_html)) if as_json => {
                writeln!(out, "{}", article_json(&name, &article, is_html))?;
            }
            Ok((article, _)) => write_readable(&mut out, &name, &article)?,
            Err(error) => {
                all_ok = false;
                if as_json {
                    let line = object_line(&[("input", json!(name)), ("error", json!(error))]);
                    writeln!(out, "{line}")?;
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
