//! Python bindings of tinsach: the extension module `tinsach._tinsach`,
//! re-exported by the Python package `tinsach` (see `tinsach/__init__.py`).
//!
//! Every call that cleans releases the GIL while it works, so Python threads
//! run meanwhile; the batch methods clean on all cores (rayon's global pool,
//! sized by `RAYON_NUM_THREADS` when set). Articles stay Rust values: their
//! fields become Python objects when read, so a caller who reads only
//! `text()` pays for no other field.

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyDict, PyString};
use rayon::prelude::*;

create_exception!(
    tinsach,
    Error,
    PyException,
    "The input cannot be an article, or breaks a configured limit."
);
create_exception!(
    tinsach,
    EmptyInput,
    Error,
    "The input was empty, or held only white space."
);
create_exception!(
    tinsach,
    TooLarge,
    Error,
    "The input is larger than the cleaner's max_bytes (attributes: size, limit)."
);
create_exception!(
    tinsach,
    TooManyNodes,
    Error,
    "The HTML has more elements than the cleaner's max_nodes (attribute: limit)."
);
create_exception!(
    tinsach,
    Binary,
    Error,
    "The input is binary data (an image, a PDF, UTF-16 without a byte-order mark), not text."
);
create_exception!(
    tinsach,
    WorkLimit,
    Error,
    "Cleaning took more steps of work than the cleaner's max_work (attribute: limit)."
);
create_exception!(
    tinsach,
    NotAnArticle,
    Error,
    "The page was cleaned, but with less confidence than the cleaner's min_confidence that it is one article (attributes: kind, confidence)."
);
create_exception!(
    tinsach,
    NoArticle,
    Error,
    "Nothing on the page reads as an article (attribute why: 'no_text' or 'no_body')."
);

/// The Python exception for a tinsach error, with the kind's details as
/// attributes.
fn to_py_err(py: Python<'_>, e: tinsach::Error) -> PyErr {
    use tinsach::ErrorKind;
    let message = e.to_string();
    let (err, attrs): (PyErr, Vec<(&str, PyObject)>) = match e.into_kind() {
        ErrorKind::EmptyInput => (EmptyInput::new_err(message), vec![]),
        ErrorKind::TooLarge { size, limit } => (
            TooLarge::new_err(message),
            vec![
                ("size", size.into_pyobject(py).unwrap().into_any().unbind()),
                (
                    "limit",
                    limit.into_pyobject(py).unwrap().into_any().unbind(),
                ),
            ],
        ),
        ErrorKind::TooManyNodes { limit } => (
            TooManyNodes::new_err(message),
            vec![(
                "limit",
                limit.into_pyobject(py).unwrap().into_any().unbind(),
            )],
        ),
        ErrorKind::Binary => (Binary::new_err(message), vec![]),
        ErrorKind::WorkLimit { limit } => (
            WorkLimit::new_err(message),
            vec![(
                "limit",
                limit.into_pyobject(py).unwrap().into_any().unbind(),
            )],
        ),
        ErrorKind::NoArticle { why } => (
            NoArticle::new_err(message),
            vec![("why", PyString::new(py, why.name()).into_any().unbind())],
        ),
        ErrorKind::NotAnArticle { kind, confidence } => (
            NotAnArticle::new_err(message),
            vec![
                (
                    "kind",
                    PyString::new(py, &kind.to_string()).into_any().unbind(),
                ),
                (
                    "confidence",
                    f64::from(confidence)
                        .into_pyobject(py)
                        .unwrap()
                        .into_any()
                        .unbind(),
                ),
            ],
        ),
        // A kind added to the library after this binding: the common class.
        _ => (Error::new_err(message), vec![]),
    };
    let value = err.value(py);
    for (name, v) in attrs {
        // Setting an attribute on a fresh exception instance cannot fail.
        let _ = value.setattr(name, v);
    }
    err
}

/// The date as printed and as parsed.
#[pyclass(module = "tinsach", frozen, get_all)]
struct Dateline {
    /// The date as printed, or None when only metadata carries it.
    text: Option<String>,
    /// The full instant in RFC 3339 ("2023-03-29T21:20:00+07:00"), or None.
    datetime: Option<String>,
    /// The date at the page's precision, ISO 8601 ("2016-02-01",
    /// "2016-02-01T01:28"), or None.
    date: Option<String>,
}

#[pymethods]
impl Dateline {
    fn __repr__(&self) -> String {
        format!(
            "Dateline(text={:?}, datetime={:?}, date={:?})",
            self.text, self.datetime, self.date
        )
    }
}

/// A piece of the page that was cut, and why.
#[pyclass(module = "tinsach", frozen, get_all)]
struct Removed {
    /// The text cut; blocks in a row cut for the same reason, a line each.
    text: String,
    /// Why it was cut: the reason's snake_case name ("navigation",
    /// "related_list", "caption", "teaser_lottery"…).
    reason: String,
}

#[pymethods]
impl Removed {
    fn __repr__(&self) -> String {
        format!("Removed(reason={:?}, text={:?})", self.reason, self.text)
    }
}

/// The character encoding an HTML page was decoded with, and why.
#[pyclass(module = "tinsach", frozen, get_all)]
struct Encoding {
    /// The WHATWG name ("UTF-8", "windows-1258").
    name: String,
    /// How it was chosen: "byte_order_mark", "content_type", "meta_prescan",
    /// "detected" or "utf8_over_declaration".
    source: String,
    /// Whether malformed bytes were replaced with U+FFFD.
    had_errors: bool,
    /// Whether the decode looks wrong although the standard was followed.
    looks_wrong: bool,
}

#[pymethods]
impl Encoding {
    fn __repr__(&self) -> String {
        format!(
            "Encoding(name={:?}, source={:?}, had_errors={}, looks_wrong={})",
            self.name,
            self.source,
            if self.had_errors { "True" } else { "False" },
            if self.looks_wrong { "True" } else { "False" },
        )
    }
}

/// A news article, cleaned of the page around it.
#[pyclass(module = "tinsach", frozen)]
struct Article {
    inner: tinsach::Article,
}

impl Article {
    fn dateline_value(&self) -> Option<Dateline> {
        self.inner.dateline.as_ref().map(|d| Dateline {
            text: d.text.clone(),
            datetime: d.datetime.map(|t| t.to_string()),
            date: d.date.map(|t| t.to_string()),
        })
    }

    fn encoding_value(&self) -> Option<Encoding> {
        self.inner.encoding.as_ref().map(|e| Encoding {
            name: e.name.clone(),
            source: e.source.name().to_string(),
            had_errors: e.had_errors,
            looks_wrong: e.looks_wrong,
        })
    }
}

#[pymethods]
impl Article {
    /// The headline, without a site-name suffix or kicker.
    #[getter]
    fn headline(&self) -> Option<&str> {
        self.inner.headline.as_deref()
    }

    /// A topic label printed above the headline, if any.
    #[getter]
    fn kicker(&self) -> Option<&str> {
        self.inner.kicker.as_deref()
    }

    /// When the article was published.
    #[getter]
    fn dateline(&self) -> Option<Dateline> {
        self.dateline_value()
    }

    /// The credited origin of the story: the explicit credit, else the outlet.
    #[getter]
    fn source(&self) -> Option<&str> {
        self.inner.source.as_deref()
    }

    /// The name of the site that published the page; never a URL.
    #[getter]
    fn outlet(&self) -> Option<&str> {
        self.inner.outlet.as_deref()
    }

    /// The page's host, lower case, without "www.".
    #[getter]
    fn host(&self) -> Option<&str> {
        self.inner.host.as_deref()
    }

    /// The explicit credit alone ("QĐND" from "Theo QĐND").
    #[getter]
    fn credit(&self) -> Option<&str> {
        self.inner.credit.as_deref()
    }

    /// People in the byline, without titles.
    #[getter]
    fn authors(&self) -> Vec<String> {
        self.inner.authors.clone()
    }

    /// The article's paragraphs in order, the lead first.
    #[getter]
    fn body(&self) -> Vec<String> {
        self.inner.body.clone()
    }

    /// Each photo or video caption once.
    #[getter]
    fn captions(&self) -> Vec<String> {
        self.inner.captions.clone()
    }

    /// Every piece cut from the page, with its reason.
    #[getter]
    fn removed(&self) -> Vec<Removed> {
        self.inner
            .removed
            .iter()
            .map(|r| Removed {
                text: r.text.clone(),
                reason: r.reason.name().to_string(),
            })
            .collect()
    }

    /// For HTML input: the encoding used and how it was chosen.
    #[getter]
    fn encoding(&self) -> Option<Encoding> {
        self.encoding_value()
    }

    /// What kind of page this is: "article", "listing", "media", "forum" or
    /// "other".
    #[getter]
    fn kind(&self) -> String {
        self.inner.kind.to_string()
    }

    /// How sure the cleaner is, 0.0 to 1.0, that the page's main content is
    /// one article.
    #[getter]
    fn confidence(&self) -> f64 {
        // The f32's shortest decimal, as the JSON of `to_dict()` writes it
        // (0.9829123, not 0.98291230201721): the two are then equal.
        self.inner.confidence.to_string().parse().unwrap_or(0.0)
    }

    /// The publication instant in RFC 3339, if the page gives a full one.
    #[getter]
    fn published(&self) -> Option<String> {
        self.inner.published().map(|t| t.to_string())
    }

    /// The body as one string, paragraphs separated by a blank line.
    fn text(&self) -> String {
        self.inner.text()
    }

    /// The role of each body paragraph, index for index: "paragraph",
    /// "heading_2", "list_item", "quote", "table_cell", "preformatted" or
    /// "caption".
    #[getter]
    fn roles(&self) -> Vec<String> {
        self.inner.blocks().map(|b| b.role.to_string()).collect()
    }

    /// The article as Markdown (escaped: the page's text cannot make markup).
    fn to_markdown(&self) -> String {
        self.inner.to_markdown()
    }

    /// The article as a sanitised HTML fragment (`<article>…</article>`).
    fn to_html(&self) -> String {
        self.inner.to_html()
    }

    /// The article as a dict of plain Python values: the library's JSON
    /// schema (docs/SCHEMA.md), as `cargo run --example clean -- --json`
    /// prints it (without `input`), read by Python's `json` module.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let json = serde_json::to_string(&self.inner).expect("an Article serialises");
        let value = py.import("json")?.call_method1("loads", (json,))?;
        Ok(value.downcast_into::<PyDict>()?)
    }

    fn __repr__(&self) -> String {
        format!(
            "Article(headline={:?}, {} paragraphs, {} removed)",
            self.inner.headline,
            self.inner.body.len(),
            self.inner.removed.len()
        )
    }
}

/// An HTML page as handed over by Python: bytes are borrowed, a str is
/// encoded to UTF-8 (and then read as UTF-8 whatever its `<meta>` says).
enum Page<'py> {
    Bytes(Bound<'py, PyBytes>),
    Str(String),
}

impl<'py> Page<'py> {
    fn extract(data: &Bound<'py, PyAny>) -> PyResult<Page<'py>> {
        if let Ok(b) = data.downcast::<PyBytes>() {
            Ok(Page::Bytes(b.clone()))
        } else if let Ok(s) = data.downcast::<PyString>() {
            Ok(Page::Str(s.to_cow()?.into_owned()))
        } else {
            Err(PyTypeError::new_err(format!(
                "expected bytes or str, got {}",
                data.get_type().name()?
            )))
        }
    }

    fn bytes(&self) -> &[u8] {
        match self {
            Page::Bytes(b) => b.as_bytes(),
            Page::Str(s) => s.as_bytes(),
        }
    }

    /// The content type to clean with: the caller's, else UTF-8 for a str.
    fn content_type<'a>(&self, given: Option<&'a str>) -> Option<&'a str> {
        match (given, self) {
            (Some(ct), _) => Some(ct),
            (None, Page::Str(_)) => Some("text/html; charset=utf-8"),
            (None, Page::Bytes(_)) => None,
        }
    }
}

/// A cleaner's settings: max_bytes, max_nodes, max_depth, max_work,
/// keep_removed, min_confidence.
type Settings = (usize, usize, usize, u64, bool, Option<f32>);

/// Cleans pages with its settings. Build one and reuse it: it is cheap to
/// share across threads.
#[pyclass(module = "tinsach", frozen)]
struct Cleaner {
    inner: tinsach::Cleaner,
    settings: Settings,
}

fn clean_html_one(
    cleaner: &tinsach::Cleaner,
    bytes: &[u8],
    url: Option<&str>,
    content_type: Option<&str>,
) -> Result<tinsach::Article, tinsach::Error> {
    let mut info = tinsach::PageInfo::new();
    if let Some(u) = url {
        info = info.url(u);
    }
    if let Some(ct) = content_type {
        info = info.content_type(ct);
    }
    cleaner.clean_html_with(bytes, info)
}

/// Turns batch results into a list of Article or exception instances.
fn batch_results(
    py: Python<'_>,
    results: Vec<Result<tinsach::Article, tinsach::Error>>,
) -> PyResult<Vec<PyObject>> {
    results
        .into_iter()
        .map(|r| match r {
            Ok(a) => Ok(Py::new(py, Article { inner: a })?.into_any()),
            Err(e) => Ok(to_py_err(py, e).into_value(py).into_any()),
        })
        .collect()
}

fn optional_list(
    values: Option<Vec<Option<String>>>,
    n: usize,
    what: &str,
) -> PyResult<Vec<Option<String>>> {
    match values {
        None => Ok(vec![None; n]),
        Some(v) if v.len() == n => Ok(v),
        Some(v) => Err(PyValueError::new_err(format!(
            "{what} has {} items for {n} pages",
            v.len()
        ))),
    }
}

impl Cleaner {
    fn html(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        url: Option<&str>,
        content_type: Option<&str>,
    ) -> PyResult<Article> {
        let page = Page::extract(data)?;
        let bytes = page.bytes();
        let ct = page.content_type(content_type);
        let cleaner = &self.inner;
        py.allow_threads(|| clean_html_one(cleaner, bytes, url, ct))
            .map(|inner| Article { inner })
            .map_err(|e| to_py_err(py, e))
    }

    fn text(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Article> {
        let text = text.to_cow()?;
        let s: &str = &text;
        let cleaner = &self.inner;
        py.allow_threads(|| cleaner.clean_text(s))
            .map(|inner| Article { inner })
            .map_err(|e| to_py_err(py, e))
    }
}

#[pymethods]
impl Cleaner {
    #[new]
    #[pyo3(signature = (*, max_bytes=None, max_nodes=None, max_depth=None, max_work=None, keep_removed=true, min_confidence=None))]
    fn new(
        max_bytes: Option<usize>,
        max_nodes: Option<usize>,
        max_depth: Option<usize>,
        max_work: Option<u64>,
        keep_removed: bool,
        min_confidence: Option<f32>,
    ) -> Cleaner {
        let max_bytes = max_bytes.unwrap_or(tinsach::DEFAULT_MAX_BYTES);
        let max_nodes = max_nodes.unwrap_or(tinsach::DEFAULT_MAX_NODES);
        let max_depth = max_depth.unwrap_or(tinsach::DEFAULT_MAX_DEPTH);
        let max_work = max_work.unwrap_or(tinsach::DEFAULT_MAX_WORK);
        let mut builder = tinsach::Cleaner::builder()
            .max_bytes(max_bytes)
            .max_nodes(max_nodes)
            .max_depth(max_depth)
            .max_work(max_work)
            .keep_removed(keep_removed);
        if let Some(min) = min_confidence {
            builder = builder.min_confidence(min);
        }
        Cleaner {
            inner: builder.build(),
            settings: (
                max_bytes,
                max_nodes,
                max_depth,
                max_work,
                keep_removed,
                min_confidence,
            ),
        }
    }

    /// Cleans one raw HTML page (bytes in any encoding, or a str).
    #[pyo3(signature = (data, url=None, content_type=None))]
    fn clean_html(
        &self,
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        url: Option<&str>,
        content_type: Option<&str>,
    ) -> PyResult<Article> {
        self.html(py, data, url, content_type)
    }

    /// Cleans text already scraped from a page.
    fn clean_text(&self, py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Article> {
        self.text(py, text)
    }

    /// Cleans many HTML pages on all cores, without the GIL. Returns one item
    /// per page, in order: an Article, or the exception instance (not raised)
    /// for a page that could not be cleaned.
    #[pyo3(signature = (pages, urls=None, content_types=None))]
    fn clean_html_batch(
        &self,
        py: Python<'_>,
        pages: Vec<Bound<'_, PyAny>>,
        urls: Option<Vec<Option<String>>>,
        content_types: Option<Vec<Option<String>>>,
    ) -> PyResult<Vec<PyObject>> {
        let pages: Vec<Page<'_>> = pages.iter().map(Page::extract).collect::<PyResult<_>>()?;
        let urls = optional_list(urls, pages.len(), "urls")?;
        let cts = optional_list(content_types, pages.len(), "content_types")?;
        let jobs: Vec<(&[u8], Option<&str>, Option<&str>)> = pages
            .iter()
            .zip(&urls)
            .zip(&cts)
            .map(|((p, u), ct)| (p.bytes(), u.as_deref(), p.content_type(ct.as_deref())))
            .collect();
        let cleaner = &self.inner;
        let results = py.allow_threads(|| {
            jobs.par_iter()
                .map(|&(bytes, url, ct)| clean_html_one(cleaner, bytes, url, ct))
                .collect::<Vec<_>>()
        });
        batch_results(py, results)
    }

    /// Cleans many scraped texts on all cores, without the GIL; one item per
    /// text, in order: an Article or the exception instance (not raised).
    fn clean_text_batch(&self, py: Python<'_>, texts: Vec<String>) -> PyResult<Vec<PyObject>> {
        let cleaner = &self.inner;
        let results = py.allow_threads(|| {
            texts
                .par_iter()
                .map(|t| cleaner.clean_text(t))
                .collect::<Vec<_>>()
        });
        batch_results(py, results)
    }

    #[getter]
    fn max_bytes(&self) -> usize {
        self.settings.0
    }

    #[getter]
    fn max_nodes(&self) -> usize {
        self.settings.1
    }

    #[getter]
    fn max_depth(&self) -> usize {
        self.settings.2
    }

    #[getter]
    fn max_work(&self) -> u64 {
        self.settings.3
    }

    #[getter]
    fn keep_removed(&self) -> bool {
        self.settings.4
    }

    #[getter]
    fn min_confidence(&self) -> Option<f32> {
        self.settings.5
    }

    /// Pickles as its settings (datatrove copies its steps, Spark ships
    /// closures): `tinsach._make_cleaner(max_bytes, max_nodes, max_depth, max_work,
    /// keep_removed, min_confidence)` builds it again.
    fn __reduce__<'py>(&self, py: Python<'py>) -> PyResult<(Bound<'py, PyAny>, Settings)> {
        let make = py.import("tinsach")?.getattr("_make_cleaner")?;
        Ok((make, self.settings))
    }

    fn __repr__(&self) -> String {
        let (b, n, d, w, k, c) = self.settings;
        let k = if k { "True" } else { "False" };
        let c = c.map_or("None".to_string(), |c| c.to_string());
        format!(
            "Cleaner(max_bytes={b}, max_nodes={n}, max_depth={d}, max_work={w}, keep_removed={k}, min_confidence={c})"
        )
    }
}

/// The default cleaner of the module-level functions.
static DEFAULT: std::sync::LazyLock<Cleaner> =
    std::sync::LazyLock::new(|| Cleaner::new(None, None, None, None, true, None));

/// Cleans one raw HTML page (bytes in any encoding, or a str) with the
/// default settings.
#[pyfunction]
#[pyo3(signature = (data, url=None, content_type=None))]
fn clean_html(
    py: Python<'_>,
    data: &Bound<'_, PyAny>,
    url: Option<&str>,
    content_type: Option<&str>,
) -> PyResult<Article> {
    DEFAULT.html(py, data, url, content_type)
}

/// Cleans text already scraped from a page, with the default settings.
#[pyfunction]
fn clean_text(py: Python<'_>, text: &Bound<'_, PyString>) -> PyResult<Article> {
    DEFAULT.text(py, text)
}

#[pymodule]
fn _tinsach(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add_function(wrap_pyfunction!(clean_html, m)?)?;
    m.add_function(wrap_pyfunction!(clean_text, m)?)?;
    m.add_class::<Cleaner>()?;
    m.add_class::<Article>()?;
    m.add_class::<Dateline>()?;
    m.add_class::<Removed>()?;
    m.add_class::<Encoding>()?;
    m.add("Error", py.get_type::<Error>())?;
    m.add("EmptyInput", py.get_type::<EmptyInput>())?;
    m.add("TooLarge", py.get_type::<TooLarge>())?;
    m.add("TooManyNodes", py.get_type::<TooManyNodes>())?;
    m.add("Binary", py.get_type::<Binary>())?;
    m.add("WorkLimit", py.get_type::<WorkLimit>())?;
    m.add("NoArticle", py.get_type::<NoArticle>())?;
    m.add("NotAnArticle", py.get_type::<NotAnArticle>())?;
    m.add(
        "SUGGESTED_MIN_CONFIDENCE",
        tinsach::SUGGESTED_MIN_CONFIDENCE,
    )?;
    m.add(
        "SUGGESTED_MIN_CONFIDENCE_TEXT",
        tinsach::SUGGESTED_MIN_CONFIDENCE_TEXT,
    )?;
    m.add("DEFAULT_MAX_BYTES", tinsach::DEFAULT_MAX_BYTES)?;
    m.add("DEFAULT_MAX_NODES", tinsach::DEFAULT_MAX_NODES)?;
    m.add("DEFAULT_MAX_DEPTH", tinsach::DEFAULT_MAX_DEPTH)?;
    m.add("DEFAULT_MAX_WORK", tinsach::DEFAULT_MAX_WORK)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
