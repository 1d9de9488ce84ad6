//! Fixture loading shared by the benches and `memory.rs`.

#![allow(dead_code)] // each bench target uses a different part

use std::path::PathBuf;

/// One fixture file: its name (without directory) and its content, kept
/// once.
pub struct Page {
    pub name: String,
    /// The text when the bytes are UTF-8 (every fixture is), checked once at
    /// load: whoever takes `&str` (`clean_text`, the peers) is timed without
    /// a validation pass that is not its work. Else the bytes, which only
    /// `clean_html` may take (a page given to `memory.rs`).
    content: Result<String, Vec<u8>>,
}

impl Page {
    /// A page read from `bytes`.
    pub fn new(name: String, bytes: Vec<u8>) -> Page {
        let content = String::from_utf8(bytes).map_err(|e| e.into_bytes());
        Page { name, content }
    }

    /// The page as text.
    ///
    /// # Panics
    ///
    /// If the page is not UTF-8: the peers and `clean_text` would see other
    /// text than `clean_html` decodes, and the comparison would be unfair.
    pub fn text(&self) -> &str {
        match &self.content {
            Ok(text) => text,
            Err(_) => panic!("{} is not UTF-8", self.name),
        }
    }

    /// The page's bytes, as `clean_html` takes them.
    pub fn bytes(&self) -> &[u8] {
        match &self.content {
            Ok(text) => text.as_bytes(),
            Err(bytes) => bytes,
        }
    }
}

/// `tests/fixtures/<dir>`.
pub fn fixture_dir(dir: &str) -> PathBuf {
    // This package sits in `benches/`, one level below the fixtures' root.
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("tests")
        .join("fixtures")
        .join(dir)
}

/// Every `*.<ext>` file in `tests/fixtures/<dir>`, sorted by name.
pub fn load(dir: &str, ext: &str) -> Vec<Page> {
    let mut pages: Vec<Page> = std::fs::read_dir(fixture_dir(dir))
        .expect("fixture directory")
        .map(|entry| entry.expect("fixture entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == ext))
        .map(|path| {
            Page::new(
                path.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(&path).expect("fixture file"),
            )
        })
        .collect();
    pages.sort_by(|a, b| a.name.cmp(&b.name));
    pages
}

/// The total size of the pages in bytes.
pub fn total_bytes(pages: &[Page]) -> u64 {
    pages.iter().map(|p| p.bytes().len() as u64).sum()
}

/// The page with its `<body>` content repeated `times` times: the head and
/// the body's opening tag once, then the body's inner HTML `times` times,
/// then `</body></html>`. A page without a body is repeated whole.
pub fn repeat_body(html: &str, times: usize) -> String {
    let lower = html.to_ascii_lowercase();
    let open = lower
        .find("<body")
        .and_then(|at| lower[at..].find('>').map(|end| at + end + 1));
    let close = lower.rfind("</body");
    match (open, close) {
        (Some(open), Some(close)) if open <= close => {
            let inner = &html[open..close];
            let mut out = String::with_capacity(open + inner.len() * times + 16);
            out.push_str(&html[..open]);
            for _ in 0..times {
                out.push_str(inner);
            }
            out.push_str("</body></html>");
            out
        }
        _ => html.repeat(times),
    }
}
