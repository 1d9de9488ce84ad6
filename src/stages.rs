//! One pipeline stage at a time, for benchmarks only: no stability promise.
//!
//! `benches/clean.rs` times each stage apart (decode, parse, segment,
//! classify, metadata) to show where the time of a `clean_html` call goes.
//! These wrappers run the crate's own stage functions and hand back only
//! plain values or the opaque [`Blocks`], so no internal or html5ever type
//! leaks out. Every function returns something the caller can pass to
//! `std::hint::black_box`, so that the optimiser cannot drop the work.

use crate::block::Doc;
use crate::limits::Limits;

/// A page cut into blocks: the output of the parse or segment stage, opaque.
/// It may borrow the text it was cut from (`'a`): a clean line of a text
/// input is not copied.
#[derive(Debug, Clone)]
pub struct Blocks<'a>(Doc<'a>);

impl Blocks<'_> {
    /// How many blocks the page was cut into.
    pub fn len(&self) -> usize {
        self.0.blocks.len()
    }

    /// Whether the page gave no block at all.
    pub fn is_empty(&self) -> bool {
        self.0.blocks.is_empty()
    }
}

/// Stage 1 (HTML): decodes page bytes to text, as `clean_html` does with no
/// `Content-Type` known (not yet NFC: segmenting composes each block).
pub fn decode(bytes: &[u8]) -> String {
    crate::decode::decode(bytes, None, None).text.into_owned()
}

/// Stage 1 (HTML) without the final copy: the decoded length in bytes.
/// `decode` borrows valid UTF-8 input; this measures exactly that path.
pub fn decode_len(bytes: &[u8]) -> usize {
    crate::decode::decode(bytes, None, None).text.len()
}

/// Stages 2 and 3 (HTML): parses decoded text into blocks with the default
/// limits, as `clean_html` does: html5ever's tokenizer straight into blocks.
///
/// # Panics
///
/// When the page is over the default element limit (no fixture is).
pub fn parse_html(html: &str) -> Blocks<'static> {
    match crate::html::parse(html, &Limits::default()) {
        Ok((doc, _)) => Blocks(doc),
        Err(e) => panic!("parse_html: {e}"),
    }
}

/// Stage 3 (text): cuts scraped text into line blocks.
pub fn segment_text(text: &str) -> Blocks<'_> {
    Blocks(crate::text::segment(text))
}

/// Stage 4: computes the block features and classifies every block; returns
/// how many blocks were labelled body.
pub fn classify(blocks: &Blocks<'_>) -> usize {
    let keys = crate::classify::features::Keys::of(&blocks.0);
    let feats = crate::classify::features::compute(&blocks.0, &keys);
    let cls = crate::classify::classify(&blocks.0, &feats);
    cls.labels
        .iter()
        .filter(|l| matches!(l, crate::classify::Label::Body))
        .count()
}

/// Stage 4, then stage 5's metadata read (from the blocks and the page's
/// head) without the assembly; returns the headline's length plus the number
/// of authors (0 when neither was found).
pub fn metadata(blocks: &Blocks<'_>) -> usize {
    let keys = crate::classify::features::Keys::of(&blocks.0);
    let feats = crate::classify::features::compute(&blocks.0, &keys);
    let cls = crate::classify::classify(&blocks.0, &feats);
    let meta = crate::meta::read(&blocks.0, &feats, &cls);
    meta.headline.map_or(0, |h| h.len()) + meta.authors.len()
}

pub use crate::data::kind::Hint;
pub use crate::kind::{Signals, UrlShape};

/// Stages 1 to 5b (HTML): the signals behind the page's kind and
/// confidence, with the kind and confidence, as `clean_html_with` would
/// judge them with this URL; `None` when the page gives no block or breaks
/// the default limits. For `examples/kind.rs`.
pub fn kind_signals_html(
    bytes: &[u8],
    url: Option<&str>,
) -> Option<(crate::PageKind, f32, Signals)> {
    let decoded = crate::decode::decode(bytes, None, None);
    let (mut doc, _) = crate::html::parse(&decoded.text, &Limits::default()).ok()?;
    if doc.meta.url.is_none() {
        doc.meta.url = url.map(str::to_string);
    }
    kind_of(&Blocks(doc))
}

/// Stages 3 to 5b (text): the signals behind the kind and confidence of
/// scraped text, as `clean_text` would judge them.
pub fn kind_signals_text(text: &str) -> Option<(crate::PageKind, f32, Signals)> {
    kind_of(&segment_text(text))
}

fn kind_of(blocks: &Blocks<'_>) -> Option<(crate::PageKind, f32, Signals)> {
    if blocks.0.blocks.is_empty() {
        return None;
    }
    let keys = crate::classify::features::Keys::of(&blocks.0);
    let feats = crate::classify::features::compute(&blocks.0, &keys);
    let mut cls = crate::classify::classify(&blocks.0, &feats);
    let meta = crate::meta::read(&blocks.0, &feats, &cls);
    cls.relabel(&meta.relabels);
    Some(crate::kind::judge(&blocks.0, &feats, &cls, &meta))
}

/// The model's input for a page's signals (for fitting the model's weights
/// in `examples/kind.rs --dump`).
pub fn kind_vector(signals: &Signals) -> Vec<f32> {
    signals.vector().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_stages_run() {
        let text = "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n";
        assert_eq!(decode(text.as_bytes()), text);
        assert_eq!(decode_len(text.as_bytes()), text.len());
        let blocks = segment_text(text);
        assert_eq!(blocks.len(), 2);
        assert!(!blocks.is_empty());
        assert!(classify(&blocks) >= 1);
        assert!(metadata(&blocks) > 0);
    }
}
