//! The configurable entry point: [`Cleaner`] and its [`Builder`].

use crate::article::Article;
use crate::error::{Error, ErrorKind};
use crate::limits::Limits;
use crate::recognize::site_name::host_of;
use crate::{decode, html, pipeline, text};

/// Work steps counted per block for the stages after segmenting (features,
/// classification, metadata, assembly): one each.
const CLASSIFY_STEPS_PER_BLOCK: u64 = 4;

/// A parse of the page's text into blocks, with its work.
type ParseFn = fn(&str, &Limits) -> Result<(crate::block::Doc<'static>, u64), Error>;

/// What the caller knows about a page besides its bytes or text.
#[derive(Debug, Clone, Copy, Default)]
pub struct PageInfo<'a> {
    /// The page's URL: it gives [`Article::host`] and hints the page's kind
    /// (a `/video/` path).
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
    min_confidence: Option<f32>,
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
        self.clean_text_with(input, PageInfo::default())
    }

    /// Cleans plain text scraped from a news page, given what the caller
    /// knows of the page: its URL gives [`Article::host`] (as for HTML) and
    /// hints the page's kind (a `/video/` path). A content type is not
    /// read: the text is decoded already.
    ///
    /// ```
    /// use tinsach::{Cleaner, PageInfo};
    /// let text = "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n";
    /// let info = PageInfo::new().url("https://www.example.vn/tin/1");
    /// let article = Cleaner::new().clean_text_with(text, info)?;
    /// assert_eq!(article.host.as_deref(), Some("example.vn"));
    /// assert_eq!(article.outlet, None); // the text names no site
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn clean_text_with(&self, input: &str, info: PageInfo<'_>) -> Result<Article, Error> {
        self.check_size(input.len())?;
        if input.chars().all(crate::normalize::is_space) {
            return Err(Error::new(ErrorKind::EmptyInput));
        }
        if decode::looks_binary_text(input) {
            return Err(Error::new(ErrorKind::Binary));
        }
        let mut doc = text::segment(input);
        self.check_work(0, doc.blocks.len())?;
        doc.meta.url = info.url.map(str::to_string);
        doc.meta.host = info.url.and_then(host_of);
        self.admit(pipeline::run(doc, None, self.options)?)
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
        if decode::looks_binary(input) {
            return Err(Error::new(ErrorKind::Binary));
        }
        let tld = info.url.and_then(top_level_domain);
        let decoded = decode::decode(input, info.content_type, tld.as_deref());
        let (mut doc, work) = html::tree::parse(&decoded.text, &self.limits)?;
        self.check_work(work, doc.blocks.len())?;
        if doc.meta.url.is_none() {
            doc.meta.url = info.url.map(str::to_string);
        }
        // The URL the page was fetched from names its host better than
        // the page's own canonical link, which may point elsewhere.
        if let Some(host) = info.url.and_then(host_of) {
            doc.meta.host = Some(host);
        }
        let found = pipeline::run(doc, Some(decoded.info.clone()), self.options);
        let found = match found {
            Err(e) if matches!(e.kind(), ErrorKind::NoArticle { .. }) => {
                let text = &decoded.text;
                // Each second reading is tried only where the page holds
                // what it shows: most pages hold neither.
                let hidden = || {
                    text.contains(" hidden")
                        .then(|| self.read_again(&decoded, info, html::parse_showing_hidden))
                        .flatten()
                };
                let noscript = || {
                    text.contains("<noscript")
                        .then(|| self.read_again(&decoded, info, html::parse_without_scripts))
                        .flatten()
                };
                hidden().or_else(noscript).ok_or(e)
            }
            found => found,
        };
        self.admit(found?)
    }

    /// The page read again another way, when its shown text holds no
    /// article: with its `hidden` elements shown
    /// ([`html::parse_showing_hidden`]), or as with scripting off
    /// ([`html::parse_without_scripts`]). The article, if it holds a clear
    /// run of prose: a hidden pop-up or template, a "please enable
    /// JavaScript" with a line or two of text does not make an article of a
    /// listing.
    fn read_again(
        &self,
        decoded: &decode::Decoded,
        info: PageInfo<'_>,
        parse: ParseFn,
    ) -> Option<Article> {
        let (mut doc, work) = parse(&decoded.text, &self.limits).ok()?;
        self.check_work(work, doc.blocks.len()).ok()?;
        if doc.meta.url.is_none() {
            doc.meta.url = info.url.map(str::to_string);
        }
        // The URL the page was fetched from names its host better than
        // the page's own canonical link, which may point elsewhere.
        if let Some(host) = info.url.and_then(host_of) {
            doc.meta.host = Some(host);
        }
        let article = pipeline::run(doc, Some(decoded.info.clone()), self.options).ok()?;
        crate::classify::clear_run(&article.body).then_some(article)
    }

    /// The article, or [`ErrorKind::NotAnArticle`] when its confidence is
    /// under [`Builder::min_confidence`].
    fn admit(&self, article: Article) -> Result<Article, Error> {
        match self.min_confidence {
            Some(min) if article.confidence < min => Err(Error::new(ErrorKind::NotAnArticle {
                kind: article.kind,
                confidence: article.confidence,
            })),
            _ => Ok(article),
        }
    }

    /// The classifier's stages each take a step per block (features,
    /// labels, metadata, assembly): checked before they start, with the
    /// parse's `work`, so a page over the limit costs no classification.
    fn check_work(&self, work: u64, blocks: usize) -> Result<(), Error> {
        let total = work.saturating_add((blocks as u64).saturating_mul(CLASSIFY_STEPS_PER_BLOCK));
        if total > self.limits.max_work {
            return Err(Error::new(ErrorKind::WorkLimit {
                limit: self.limits.max_work,
            }));
        }
        Ok(())
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
    min_confidence: Option<f32>,
}

impl Builder {
    /// The largest input accepted, in bytes (default [`DEFAULT_MAX_BYTES`](crate::DEFAULT_MAX_BYTES)).
    /// Larger input is an [`ErrorKind::TooLarge`] error.
    ///
    /// It also bounds the memory of a call: at most about 32 bytes per input
    /// byte (a page of nothing but one-letter lines; ordinary pages take
    /// 1 to 7). A failed allocation aborts the process, as everywhere in
    /// Rust's standard collections, so set this to what the machine can
    /// spare per call.
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

    /// The most steps of work one input may take (default
    /// [`DEFAULT_MAX_WORK`](crate::DEFAULT_MAX_WORK)): tokens read, elements opened, open elements
    /// looked at while matching end tags, and blocks through the classifier.
    /// An input that takes more ends in an [`ErrorKind::WorkLimit`] error,
    /// so a slow path not yet known costs a bounded time.
    pub fn max_work(mut self, limit: u64) -> Builder {
        self.limits.max_work = limit;
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

    /// Refuses pages whose [`Article::confidence`] is under `min` (0.0 to
    /// 1.0): `clean_*` then returns an [`ErrorKind::NotAnArticle`] error
    /// with the page's kind and confidence. By default no page is refused
    /// for its kind: every article comes back with its
    /// [`Article::kind`] and confidence for the caller to judge.
    ///
    /// [`SUGGESTED_MIN_CONFIDENCE`](crate::SUGGESTED_MIN_CONFIDENCE) is the
    /// threshold measured to drop listings, product and service pages while
    /// keeping articles from HTML,
    /// [`SUGGESTED_MIN_CONFIDENCE_TEXT`](crate::SUGGESTED_MIN_CONFIDENCE_TEXT)
    /// from scraped text (see the README).
    ///
    /// ```
    /// use tinsach::{Cleaner, ErrorKind};
    /// let text = "Tiêu đề bài báo\n\nĐoạn mở đầu của bài báo, đủ dài để là một đoạn văn thật sự của bài viết này.\n";
    /// let article = Cleaner::new().clean_text(text)?;
    /// // Refused by a cleaner that asks for more confidence than it has.
    /// let strict = Cleaner::builder().min_confidence(article.confidence + 0.01).build();
    /// let err = strict.clean_text(text).unwrap_err();
    /// assert!(matches!(err.kind(), ErrorKind::NotAnArticle { .. }));
    /// # Ok::<(), tinsach::Error>(())
    /// ```
    pub fn min_confidence(mut self, min: f32) -> Builder {
        self.min_confidence = Some(if min.is_nan() { 0.0 } else { min });
        self
    }

    /// Builds the cleaner.
    pub fn build(self) -> Cleaner {
        Cleaner {
            limits: self.limits,
            options: self.options,
            min_confidence: self.min_confidence,
        }
    }
}

/// The last label of a URL's host, in lower case ("vn" for
/// `https://vnexpress.net.vn/a`), for the encoding guess.
fn top_level_domain(url: &str) -> Option<String> {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit_once('@').map_or(host, |(_, h)| h);
    let host = host.split(':').next()?.trim_end_matches('.');
    let label = host.rsplit('.').next()?;
    (!label.is_empty()
        && label.len() < host.len()
        && label.bytes().all(|b| b.is_ascii_alphabetic()))
    .then(|| label.to_ascii_lowercase())
}
