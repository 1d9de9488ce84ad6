//! The configurable entry point: [`Cleaner`] and its [`Builder`].

use crate::article::Article;
use crate::error::{Error, ErrorKind};
use crate::limits::Limits;
use crate::{decode, html, pipeline, text};

/// What the caller knows about an HTML page besides its bytes.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageInfo<'a> {
    /// The page's URL, used for the outlet when the page names none.
    pub url: Option<&'a str>,
    /// The HTTP `Content-Type` header, whose charset takes precedence over
    /// the page's own declaration.
    pub content_type: Option<&'a str>,
}

impl<'a> PageInfo<'a> {
    /// No knowledge beyond the bytes.
    pub fn new() -> PageInfo<'a> {
        PageInfo::default()
    }

    /// Sets the page's URL.
    pub fn url(mut self, url: &'a str) -> PageInfo<'a> {
        self.url = Some(url);
        self
    }

    /// Sets the HTTP `Content-Type` header value.
    pub fn content_type(mut self, content_type: &'a str) -> PageInfo<'a> {
        self.content_type = Some(content_type);
        self
    }
}

/// Cleans pages with fixed settings. Build once, share across threads.
///
/// ```
/// let cleaner = tinsach::Cleaner::builder().max_bytes(8 << 20).build();
/// let article = cleaner
///     .clean_text("Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n")
///     .unwrap();
/// assert_eq!(article.headline.as_deref(), Some("Tiêu đề bài báo"));
/// ```
#[derive(Debug, Clone, Default)]
pub struct Cleaner {
    limits: Limits,
    options: pipeline::Options,
}

impl Cleaner {
    /// A cleaner with default settings.
    pub fn new() -> Cleaner {
        Cleaner::default()
    }

    /// A builder to configure a cleaner.
    pub fn builder() -> Builder {
        Builder::default()
    }

    /// Cleans plain text scraped from a news page.
    pub fn clean_text(&self, input: &str) -> Result<Article, Error> {
        self.check_size(input.len())?;
        if input.chars().all(crate::normalize::is_space) {
            return Err(Error::new(ErrorKind::EmptyInput));
        }
        let doc = text::segment(input);
        pipeline::run(doc, None, self.options)
    }

    /// Cleans raw HTML bytes, in any encoding.
    pub fn clean_html(&self, input: &[u8]) -> Result<Article, Error> {
        self.clean_html_with(input, PageInfo::default())
    }

    /// Cleans raw HTML bytes, given what the caller knows of the page.
    pub fn clean_html_with(&self, input: &[u8], info: PageInfo<'_>) -> Result<Article, Error> {
        self.check_size(input.len())?;
        if input.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(Error::new(ErrorKind::EmptyInput));
        }
        let decoded = decode::decode(input, info.content_type);
        let mut doc = html::tree::parse(&decoded.text, &self.limits)?;
        if doc.meta.url.is_none() {
            doc.meta.url = info.url.map(str::to_string);
        }
        let found = pipeline::run(doc, Some(decoded.info.clone()), self.options);
        match found {
            Err(e)
                if matches!(e.kind(), ErrorKind::NoArticle { .. })
                    && decoded.text.contains(" hidden") =>
            {
                self.showing_hidden(&decoded, info).ok_or(e)
            }
            found => found,
        }
    }

    /// The page read again with its `hidden` elements shown, when its shown
    /// text holds no article: the article, if it holds a clear run of prose
    /// (see [`html::parse_showing_hidden`]). A hidden pop-up or template
    /// with a line or two of text does not make an article of a listing.
    fn showing_hidden(&self, decoded: &decode::Decoded, info: PageInfo<'_>) -> Option<Article> {
        let mut doc = html::parse_showing_hidden(&decoded.text, &self.limits).ok()?;
        if doc.meta.url.is_none() {
            doc.meta.url = info.url.map(str::to_string);
        }
        let article = pipeline::run(doc, Some(decoded.info.clone()), self.options).ok()?;
        crate::classify::clear_run(&article.body).then_some(article)
    }

    fn check_size(&self, size: usize) -> Result<(), Error> {
        if size > self.limits.max_bytes {
            return Err(Error::new(ErrorKind::TooLarge {
                size,
                limit: self.limits.max_bytes,
            }));
        }
        Ok(())
    }
}

/// Configures a [`Cleaner`].
#[derive(Debug, Clone, Default)]
pub struct Builder {
    limits: Limits,
    options: pipeline::Options,
}

impl Builder {
    /// The largest input accepted, in bytes (default [`DEFAULT_MAX_BYTES`](crate::DEFAULT_MAX_BYTES)).
    /// Larger input is an [`ErrorKind::TooLarge`] error.
    pub fn max_bytes(mut self, limit: usize) -> Builder {
        self.limits.max_bytes = limit;
        self
    }

    /// The most HTML elements parsed (default [`DEFAULT_MAX_NODES`](crate::DEFAULT_MAX_NODES)). A page
    /// with more is an [`ErrorKind::TooManyNodes`] error.
    pub fn max_nodes(mut self, limit: usize) -> Builder {
        self.limits.max_nodes = limit;
        self
    }

    /// The deepest HTML nesting honoured (default [`DEFAULT_MAX_DEPTH`](crate::DEFAULT_MAX_DEPTH)).
    /// Deeper elements are treated as children of the element at the limit:
    /// their text is kept.
    pub fn max_depth(mut self, limit: usize) -> Builder {
        self.limits.max_depth = limit.max(1);
        self
    }

    /// Whether [`Article::removed`] lists every piece cut from the page
    /// with its reason (default `true`).
    ///
    /// A caller that never reads it can turn it off: the article then holds
    /// only what was kept (on the scraped texts of the test corpus, 29% of
    /// an article's text was in `removed`), and a batch that keeps its
    /// articles has fewer strings to free (see `BENCHMARKS.md`). Every other
    /// field is the same either way.
    ///
    /// ```
    /// let cleaner = tinsach::Cleaner::builder().keep_removed(false).build();
    /// let text = "Trang chủ\nThể thao\n\nTiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n";
    /// let article = cleaner.clean_text(text)?;
    /// assert!(article.removed.is_empty());
    /// assert_eq!(article.body, tinsach::clean_text(text)?.body);
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn keep_removed(mut self, keep: bool) -> Builder {
        self.options.keep_removed = keep;
        self
    }

    /// Builds the cleaner.
    pub fn build(self) -> Cleaner {
        Cleaner {
            limits: self.limits,
            options: self.options,
        }
    }
}
