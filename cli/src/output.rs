//! Writing one cleaned page (or one error) in the chosen format.

use std::fmt::Write as _;

use clap::ValueEnum;
use serde_json::{Map, Value};
use tinsach::{Article, ErrorKind};

use crate::input::Origin;

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// One JSON object a line: the input's position, id and URL, then the
    /// article's fields, or an error object.
    Json,
    /// The headline, the dateline and the paragraphs; pages apart by two
    /// blank lines.
    Text,
    /// The headline as a heading, a metadata list, the body with its
    /// subheadings, lists and quotes, and the captions as emphasised lines
    /// (the library's `Article::to_markdown`), then the page's URL; pages
    /// apart by a `---` rule.
    Markdown,
}

fn origin_fields(origin: Origin) -> Map<String, Value> {
    let mut out = Map::new();
    out.insert("input".into(), Value::String(origin.input));
    if let Some(id) = origin.id {
        out.insert("id".into(), id);
    }
    if let Some(url) = origin.url {
        out.insert("url".into(), Value::String(url));
    }
    out
}

/// Fields kept from a JSON line go last; the tool's own fields win a clash.
fn add_kept(out: &mut Map<String, Value>, fields: Option<Map<String, Value>>) {
    for (key, value) in fields.into_iter().flatten() {
        out.entry(key).or_insert(value);
    }
}

fn line(object: Map<String, Value>) -> String {
    let mut s = serde_json::to_string(&Value::Object(object)).expect("JSON values serialise");
    s.push('\n');
    s
}

/// A cleaned page as the format wants it.
pub fn article(
    format: Format,
    mut origin: Origin,
    article: &Article,
    keep_removed: bool,
) -> String {
    match format {
        Format::Json => {
            let fields = origin.fields.take();
            let mut out = origin_fields(origin);
            if let Value::Object(map) = serde_json::to_value(article).expect("Article serialises") {
                for (key, value) in map {
                    if key == "removed" && !keep_removed {
                        continue;
                    }
                    out.insert(key, value);
                }
            }
            add_kept(&mut out, fields);
            line(out)
        }
        Format::Text => text(article),
        Format::Markdown => markdown(&origin, article),
    }
}

/// A result line for a page that gave no article: the origin's fields and
/// `"error"`, the cleaner's `ErrorKind` as the library serialises it
/// (`{"kind", details…, "message"}`).
pub fn cleaner_error(origin: Origin, kind: &ErrorKind) -> String {
    error_line(
        origin,
        serde_json::to_value(kind).expect("an ErrorKind serialises"),
    )
}

/// A result line for a record that could not be read: `"error"` holds its
/// `kind` (`bad_record`, `truncated_record`, `invalid_json`, `read_error`)
/// and `message`, the shape of the cleaner's errors.
pub fn record_error(origin: Origin, kind: &str, message: &str) -> String {
    let mut error = Map::new();
    error.insert("kind".into(), Value::String(kind.to_owned()));
    error.insert("message".into(), Value::String(message.to_owned()));
    error_line(origin, Value::Object(error))
}

fn error_line(mut origin: Origin, error: Value) -> String {
    let fields = origin.fields.take();
    let mut out = origin_fields(origin);
    out.insert("error".into(), error);
    add_kept(&mut out, fields);
    line(out)
}

fn text(article: &Article) -> String {
    let mut out = String::new();
    if let Some(headline) = &article.headline {
        out.push_str(headline);
        out.push('\n');
    }
    if let Some(dateline) = &article.dateline {
        let _ = writeln!(
            out,
            "{}",
            dateline
                .text
                .clone()
                .unwrap_or_else(|| dateline.to_string())
        );
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(&article.text());
    out.push_str("\n\n\n");
    out
}

/// Escapes what Markdown would read as markup at the start of a line or
/// inline (the URL line; the article's own text is escaped by
/// `Article::to_markdown`).
fn escape(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, c) in line.chars().enumerate() {
        let starts = i == 0 && matches!(c, '#' | '>' | '-' | '+' | '=' | '|');
        if starts || matches!(c, '*' | '_' | '\\' | '`' | '[' | ']' | '<') {
            out.push('\\');
        }
        out.push(c);
    }
    // "1. " at the start would be a list item.
    if let Some(dot) = out.find(". ")
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
    {
        out.insert(dot, '\\');
    }
    out
}

/// The library's Markdown of the article, then the page's URL (which the
/// article does not hold) and a rule that ends the page.
fn markdown(origin: &Origin, article: &Article) -> String {
    let mut out = article.to_markdown();
    if let Some(url) = &origin.url {
        // Escaped as text, not an autolink: a URL from the input may hold
        // `>` or spaces, which would end an autolink and let the rest be
        // read as markup.
        let _ = writeln!(out, "\nURL: {}", escape(url));
    }
    out.push_str("\n---\n\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_escapes_markup() {
        assert_eq!(escape("# not a heading"), "\\# not a heading");
        assert_eq!(escape("a *b* c_d"), "a \\*b\\* c\\_d");
        assert_eq!(escape("2024. Năm"), "2024\\. Năm");
        assert_eq!(escape("Hà Nội"), "Hà Nội");
    }
}
