//! tinsach ("clean news") turns a scraped news page into a clean article.
//!
//! Give it raw HTML bytes in any encoding, or plain text already scraped from
//! a page; it finds the site's chrome (menus, related-article lists, most-read
//! blocks, lottery and horoscope teasers, repeated captions, share prompts,
//! player widgets, footers), strips it, and returns an [`Article`]: headline,
//! kicker, dateline to the minute with its UTC offset, source, outlet,
//! authors, body paragraphs, captions, and every removed piece with the
//! [`Reason`] it was removed. Vietnamese news first, any language well.
//!
//! # Example
//!
//! ```
//! let page = "Thành phố mở thêm ba tuyến xe buýt điện\n\n\
//!             Thứ Hai, 02/03/2026 07:15 GMT+7\n\n\
//!             TTO - Sáng 2/3, thành phố đưa vào khai thác ba tuyến xe buýt điện mới \
//!             nối trung tâm với các khu dân cư phía tây, giá vé không đổi.\n\n\
//!             Tin liên quan\n";
//! let article = tinsach::clean_text(page)?;
//! assert_eq!(article.headline.as_deref(), Some("Thành phố mở thêm ba tuyến xe buýt điện"));
//! let when = article.published().unwrap();
//! assert_eq!(when.to_string(), "2026-03-02T07:15:00+07:00");
//! assert_eq!(article.body.len(), 1);
//! assert!(article.body[0].starts_with("Sáng 2/3"));
//! assert_eq!(article.outlet.as_deref(), Some("TTO"));
//! # Ok::<(), tinsach::Error>(())
//! ```
//!
//! # The pipeline
//!
//! decode (HTML: bytes → text, WHATWG order) → parse (HTML: html5ever's
//! tokenizer driving a light stack of open elements, no tree) → segment into
//! blocks, each in NFC (HTML and text meet here) → classify each block →
//! assemble the [`Article`], with metadata (headline, dateline, source,
//! authors) read from the blocks and the page's head.
//!
//! # Untrusted input
//!
//! Any bytes end in an [`Article`] or a typed [`Error`], never a panic; work
//! and memory are linear in the input and bounded by the [`Builder`]'s
//! limits ([`DEFAULT_MAX_BYTES`], [`DEFAULT_MAX_NODES`],
//! [`DEFAULT_MAX_DEPTH`], [`DEFAULT_MAX_WORK`]).

#![deny(missing_docs)]
#![forbid(unsafe_code)]
// docs.rs builds with `--cfg docsrs` (see `[package.metadata.docs.rs]`):
// items behind a feature (the batch API, the serde impls) are labelled with
// it.
#![cfg_attr(docsrs, feature(doc_cfg))]

mod article;
#[cfg(feature = "parallel")]
mod batch;
mod block;
mod classify;
mod cleaner;
mod data;
mod datetime;
mod decode;
mod error;
mod hash;
mod html;
mod kind;
mod limits;
mod meta;
mod normalize;
mod pipeline;
mod recognize;
mod render;
mod scan;
// The pipeline's stages one by one, for the repository's benches and
// examples: not part of the API, hidden from the docs.
#[doc(hidden)]
pub mod stages;
#[cfg(test)]
mod testutil;
mod text;

pub use crate::article::{
    Article, BlockRole, BodyBlock, Dateline, EncodingInfo, EncodingSource, PageKind, Reason,
    Removed, TeaserKind,
};
#[cfg(feature = "parallel")]
pub use crate::batch::{HtmlPage, TextPage};
pub use crate::cleaner::{Builder, Cleaner, PageInfo};
pub use crate::datetime::{DateTime, OffsetSource, PageDate, ParseDateTimeError, Precision};
pub use crate::error::{Error, ErrorKind, NoArticleReason};
pub use crate::kind::{SUGGESTED_MIN_CONFIDENCE, SUGGESTED_MIN_CONFIDENCE_TEXT};
pub use crate::limits::{
    DEFAULT_MAX_BYTES, DEFAULT_MAX_DEPTH, DEFAULT_MAX_NODES, DEFAULT_MAX_WORK,
};
pub use crate::recognize::dateline::parse_dateline;

/// Cleans raw HTML bytes, in any encoding, with default settings.
///
/// The encoding is taken from a byte-order mark, else the page's `<meta>`
/// declaration, else guessed from the bytes. To pass the HTTP
/// `Content-Type` or the page's URL, use [`Cleaner::clean_html_with`].
pub fn clean_html(bytes: &[u8]) -> Result<Article, Error> {
    Cleaner::new().clean_html(bytes)
}

/// Cleans plain text scraped from a news page, with default settings.
pub fn clean_text(text: &str) -> Result<Article, Error> {
    Cleaner::new().clean_text(text)
}

/// The README's example, compiled with the doctests so that it cannot drift
/// from the API.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    #[test]
    fn cleaner_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<crate::Cleaner>();
        check::<crate::Article>();
        check::<crate::Error>();
    }
}
