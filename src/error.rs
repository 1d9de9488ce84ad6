//! The one error type of the crate.

use std::fmt;

use crate::article::PageKind;

/// An error from cleaning a page.
///
/// Inspect [`Error::kind`] to tell the cases apart. Broken HTML is never an
/// error: it is parsed as a browser would parse it. Errors are reserved for
/// input that cannot be an article at all, or that breaks a configured limit.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{kind}")]
pub struct Error {
    kind: ErrorKind,
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Error {
        Error { kind }
    }

    /// What went wrong, with its context.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// Consumes the error and returns its kind.
    pub fn into_kind(self) -> ErrorKind {
        self.kind
    }
}

/// The kinds of [`Error`].
///
/// New kinds may be added in minor releases; match with a wildcard arm.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input was empty, or held only white space.
    EmptyInput,
    /// The input is larger than the cleaner's configured limit.
    TooLarge {
        /// The size of the input in bytes.
        size: usize,
        /// The configured limit in bytes.
        limit: usize,
    },
    /// The HTML document has more elements than the configured limit.
    TooManyNodes {
        /// The configured limit.
        limit: usize,
    },
    /// The input is not text: a binary file (an image, a PDF, an archive),
    /// random bytes, or text in an encoding that cannot be told without a
    /// byte-order mark (UTF-16 without one). Judged from a sample of its
    /// start, before any other work.
    Binary,
    /// Cleaning the input took more steps of work than the configured
    /// limit (`Builder::max_work`).
    WorkLimit {
        /// The configured limit.
        limit: u64,
    },
    /// Nothing on the page looks like an article.
    NoArticle {
        /// Why no article was found.
        why: NoArticleReason,
    },
    /// The page was cleaned, but the cleaner is less sure than the
    /// configured [`crate::Builder::min_confidence`] that its main content
    /// is one article.
    NotAnArticle {
        /// What kind of page it looks like.
        kind: PageKind,
        /// The confidence that it is one article, 0.0 to 1.0.
        confidence: f32,
    },
}

// `confidence` is never NaN, so equality is reflexive.
impl Eq for ErrorKind {}

impl ErrorKind {
    /// The stable snake_case name of the kind, the `"kind"` of its
    /// serialised form: `"empty_input"`, `"too_large"`, `"too_many_nodes"`,
    /// `"binary"`, `"work_limit"`, `"no_article"`, `"not_an_article"`.
    ///
    /// ```
    /// let err = tinsach::clean_text("").unwrap_err();
    /// assert_eq!(err.kind().name(), "empty_input");
    /// ```
    pub fn name(&self) -> &'static str {
        match self {
            ErrorKind::EmptyInput => "empty_input",
            ErrorKind::TooLarge { .. } => "too_large",
            ErrorKind::TooManyNodes { .. } => "too_many_nodes",
            ErrorKind::Binary => "binary",
            ErrorKind::WorkLimit { .. } => "work_limit",
            ErrorKind::NoArticle { .. } => "no_article",
            ErrorKind::NotAnArticle { .. } => "not_an_article",
        }
    }
}

/// One object: `"kind"` (its [`ErrorKind::name`]), the kind's details
/// under their field names (`size` and `limit`, `limit`, `why`, and
/// `page_kind` and `confidence` for [`ErrorKind::NotAnArticle`], whose
/// `kind` field would clash with the tag), and `"message"`, the
/// [`Display`](fmt::Display) form:
/// `{"kind":"too_large","size":2048,"limit":1024,"message":"input of 2048 bytes is over the limit of 1024 bytes"}`.
/// Errors are written, not read back: there is no `Deserialize`.
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for ErrorKind {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("kind", self.name())?;
        match self {
            ErrorKind::EmptyInput | ErrorKind::Binary => {}
            ErrorKind::TooLarge { size, limit } => {
                map.serialize_entry("size", size)?;
                map.serialize_entry("limit", limit)?;
            }
            ErrorKind::TooManyNodes { limit } => map.serialize_entry("limit", limit)?,
            ErrorKind::WorkLimit { limit } => map.serialize_entry("limit", limit)?,
            ErrorKind::NoArticle { why } => map.serialize_entry("why", why.name())?,
            ErrorKind::NotAnArticle { kind, confidence } => {
                map.serialize_entry("page_kind", kind)?;
                map.serialize_entry("confidence", confidence)?;
            }
        }
        map.serialize_entry("message", &self.to_string())?;
        map.end()
    }
}

/// As its [`ErrorKind`]: `{"kind": …, details…, "message": …}`.
#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for Error {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.kind.serialize(serializer)
    }
}

/// Why no article was found on a page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoArticleReason {
    /// The page holds no text at all: only markup, scripts, styles or white
    /// space. (Text that is all chrome gives [`NoArticleReason::NoBody`].)
    NoText,
    /// The page holds text, but none of it reads as article paragraphs: it is
    /// a listing, a menu or a page of teasers.
    NoBody,
}

impl NoArticleReason {
    /// The stable snake_case name, the serialised form: `"no_text"`,
    /// `"no_body"`.
    pub fn name(&self) -> &'static str {
        match self {
            NoArticleReason::NoText => "no_text",
            NoArticleReason::NoBody => "no_body",
        }
    }
}

impl fmt::Display for NoArticleReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NoArticleReason::NoText => f.write_str("the page holds no text"),
            NoArticleReason::NoBody => f.write_str(
                "no text on the page reads as article paragraphs (a listing or chrome only)",
            ),
        }
    }
}

impl fmt::Display for ErrorKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ErrorKind::EmptyInput => f.write_str("empty input"),
            ErrorKind::TooLarge { size, limit } => {
                write!(
                    f,
                    "input of {size} bytes is over the limit of {limit} bytes"
                )
            }
            ErrorKind::TooManyNodes { limit } => {
                write!(f, "document has more than {limit} elements")
            }
            ErrorKind::Binary => f.write_str("the input is binary data, not text"),
            ErrorKind::WorkLimit { limit } => {
                write!(f, "cleaning took more than {limit} steps of work")
            }
            ErrorKind::NoArticle { why } => write!(f, "no article found: {why}"),
            ErrorKind::NotAnArticle { kind, confidence } => write!(
                f,
                "not an article: the page looks like a {kind} page (confidence {confidence:.2} that it is one article)"
            ),
        }
    }
}
