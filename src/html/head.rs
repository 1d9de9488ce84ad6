//! What the page says about itself: titles, publication times, authors and
//! publisher from `<title>`, `<meta>`, microdata and JSON-LD, read while the
//! page is parsed ([`MetaReader`]) into a [`PageMeta`].

use html5ever::tendril::StrTendril;
use html5ever::{LocalName, local_name};

use crate::block::PageMeta;
use crate::html::json_ld;
use crate::html::tokens::{Key, find_attr};
use crate::normalize::{fold, nfc};
use crate::recognize::site_name::{self, SiteName};

/// The longest author name read from an `itemprop=author` item, in
/// characters: a name, not a paragraph (real bylines are a few names; 80
/// holds three long Vietnamese names with separators).
pub(crate) const AUTHOR_MAX_CHARS: usize = 80;

/// Ranks of metadata titles, best first (see
/// [`crate::data::head::TITLE_META_NAMES`]).
mod titlerank {
    /// The rank of a `<meta>` name that holds a title; `None` for any other.
    pub fn of(key: &str) -> Option<u8> {
        crate::data::head::TITLE_META_NAMES
            .iter()
            .find(|(name, _)| *name == key)
            .map(|&(_, rank)| rank)
    }
}

/// Priority classes of publication times, best first; the `<meta>` names'
/// classes are in [`crate::data::head::PUBLISHED_META_NAMES`].
mod pubrank {
    pub const ITEMPROP: u8 = 4;
    pub const JSON_LD: u8 = 7;
    pub const TIME: u8 = 8;
    pub const TITLE_ATTR: u8 = 9;
}

/// Longest `title` attribute read as a date: "Thứ Hai, 03/06/2013 08:05 GMT+7"
/// and its kin run to about 35 bytes; a longer title is a sentence (a link's
/// article title), not a timestamp.
const TITLE_DATE_MAX_BYTES: usize = 48;

/// Fewest ASCII digits of a `title` attribute read as a date: a day, a month
/// and a year of two digits each at the least.
const TITLE_DATE_MIN_DIGITS: usize = 6;

/// Most `title` attributes taken as date candidates: the article's own date
/// stands near its top; a few tries pass an image's file name or a code.
const TITLE_DATES_MAX: usize = 4;

/// Priority classes of author names, best first.
mod authrank {
    pub const META: u8 = 0;
    pub const ARTICLE_META: u8 = 1;
    pub const JSON_LD: u8 = 2;
    pub const ITEMPROP: u8 = 3;
}

/// Folds white space and normalises to NFC; `None` when nothing is left.
pub(crate) fn clean(s: &str) -> Option<String> {
    let f = fold(s);
    if f.is_empty() {
        None
    } else {
        Some(nfc(&f).into_owned())
    }
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = clean(value);
    }
}

pub(crate) fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.contains("://") || s.starts_with('/') || s.starts_with("www.")
}

/// What [`MetaReader::element`] needs of the element's content.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Wants {
    /// An `itemprop=author` without `content`: its `itemprop=name`
    /// descendant's, else its own text, goes to [`MetaReader::author_name`].
    pub author_name: bool,
    /// The first `<title>`: its text goes to [`MetaReader::title`].
    pub title: bool,
    /// A JSON-LD script: its raw text goes to [`MetaReader::json_ld`].
    pub json_ld: bool,
}

/// Collects the page's metadata from its elements in document order: fed
/// by the tokenizer sink of [`crate::html::tree`], and in tests by the pass
/// over the tree builder's arena (`testutil::tree`).
#[derive(Debug, Default)]
pub(crate) struct MetaReader {
    meta: PageMeta,
    titles: Vec<(u8, String)>,
    published: Vec<(u8, String)>,
    authors: Vec<(u8, String)>,
    og_url: Option<String>,
    og_description: Option<String>,
    locale: Option<String>,
    /// `og:site_name`, raw.
    og_site_name: Option<String>,
    /// `application-name`, raw.
    app_name: Option<String>,
    publisher: Option<String>,
    /// `title` attributes shaped like a timestamp taken so far.
    title_dates: usize,
}

impl MetaReader {
    /// Reads an HTML element's kept attributes; says what of its content
    /// is wanted.
    pub(crate) fn element(&mut self, local: &LocalName, attrs: &[(Key, StrTendril)]) -> Wants {
        let mut wants = Wants::default();
        if let Some(p) = find_attr(attrs, Key::Itemprop) {
            wants.author_name = read_itemprop(attrs, p, &mut self.published, &mut self.authors);
        }
        // Older layouts print the date short ("(03/06/13)") and give the
        // full date and time only in the element's tooltip. The first
        // timestamp-shaped `title`s of the page are candidates of the lowest
        // rank; metadata reads each as a date or drops it (a file name
        // with digits).
        if self.title_dates < TITLE_DATES_MAX
            && let Some(t) = find_attr(attrs, Key::Title)
            && t.len() <= TITLE_DATE_MAX_BYTES
            && t.bytes().filter(u8::is_ascii_digit).count() >= TITLE_DATE_MIN_DIGITS
            && let Some(t) = clean(t)
        {
            self.title_dates += 1;
            self.published.push((pubrank::TITLE_ATTR, t));
        }
        match *local {
            local_name!("html") => {
                if let Some(l) = find_attr(attrs, Key::Lang) {
                    set_once(&mut self.meta.lang, &l.to_ascii_lowercase());
                }
            }
            local_name!("title") => wants.title = self.meta.title.is_none(),
            local_name!("meta") => {
                let Some(content) = find_attr(attrs, Key::Content) else {
                    return wants;
                };
                let keys = find_attr(attrs, Key::Property)
                    .or_else(|| find_attr(attrs, Key::Name))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                // A property may list several names ("dc:title og:title").
                for key in keys.split_ascii_whitespace() {
                    if key.starts_with("article:") {
                        self.meta.article_meta = true;
                    }
                    if let Some(rank) = titlerank::of(key) {
                        if let Some(t) = clean(content) {
                            self.titles.push((rank, t));
                        }
                        continue;
                    }
                    let rank = match key {
                        "og:site_name" => {
                            set_once(&mut self.og_site_name, content);
                            continue;
                        }
                        "application-name" => {
                            set_once(&mut self.app_name, content);
                            continue;
                        }
                        "og:type" => {
                            set_once(&mut self.meta.og_type, &content.to_ascii_lowercase());
                            continue;
                        }
                        "og:url" => {
                            set_once(&mut self.og_url, content);
                            continue;
                        }
                        "description" => {
                            set_once(&mut self.meta.description, content);
                            continue;
                        }
                        "og:description" | "twitter:description" => {
                            set_once(&mut self.og_description, content);
                            continue;
                        }
                        "og:locale" => {
                            set_once(
                                &mut self.locale,
                                &content.to_ascii_lowercase().replace('_', "-"),
                            );
                            continue;
                        }
                        "author" => {
                            if !looks_like_url(content) {
                                self.authors
                                    .extend(clean(content).map(|a| (authrank::META, a)));
                            }
                            continue;
                        }
                        "article:author" | "og:article:author" => {
                            if !looks_like_url(content) {
                                self.authors
                                    .extend(clean(content).map(|a| (authrank::ARTICLE_META, a)));
                            }
                            continue;
                        }
                        name => match crate::data::head::PUBLISHED_META_NAMES
                            .iter()
                            .find(|(n, _)| *n == name)
                        {
                            Some(&(_, rank)) => rank,
                            None => continue,
                        },
                    };
                    self.published.extend(clean(content).map(|d| (rank, d)));
                }
            }
            local_name!("link") => {
                if self.meta.url.is_none()
                    && let (Some(rel), Some(href)) =
                        (find_attr(attrs, Key::Rel), find_attr(attrs, Key::Href))
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    self.meta.url = clean(href);
                }
            }
            local_name!("time") => {
                if let Some(d) = find_attr(attrs, Key::Datetime).and_then(clean) {
                    self.published.push((pubrank::TIME, d));
                }
            }
            local_name!("script") => {
                wants.json_ld = find_attr(attrs, Key::Type)
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            }
            _ => {}
        }
        wants
    }

    /// The name of an `itemprop=author` item, when [`Wants::author_name`].
    pub(crate) fn author_name(&mut self, name: Option<String>) {
        if let Some(n) =
            name.filter(|n| n.chars().count() <= AUTHOR_MAX_CHARS && !looks_like_url(n))
        {
            self.authors.push((authrank::ITEMPROP, n));
        }
    }

    /// The text of the first `<title>`, when [`Wants::title`].
    pub(crate) fn title(&mut self, text: &str) {
        if self.meta.title.is_none() {
            self.meta.title = clean(text);
        }
    }

    /// The raw text of a JSON-LD script, when [`Wants::json_ld`].
    pub(crate) fn json_ld(&mut self, text: &str) {
        let ld = json_ld::read(text);
        self.published
            .extend(ld.published.into_iter().map(|d| (pubrank::JSON_LD, d)));
        for h in ld.headlines {
            if !self.meta.ld_headlines.contains(&h) {
                self.meta.ld_headlines.push(h);
            }
        }
        self.authors
            .extend(ld.authors.into_iter().map(|a| (authrank::JSON_LD, a)));
        if self.publisher.is_none() {
            self.publisher = ld.publisher;
        }
        for t in ld.types {
            if !self.meta.ld_types.contains(&t) && self.meta.ld_types.len() < json_ld::TYPES_MAX {
                self.meta.ld_types.push(t);
            }
        }
    }

    /// The metadata read, with fallbacks and ranks applied.
    pub(crate) fn finish(self) -> PageMeta {
        let mut meta = self.meta;
        if meta.url.is_none() {
            meta.url = self.og_url;
        }
        if meta.description.is_none() {
            meta.description = self.og_description;
        }
        // The site's name from the first value that is one; a value that
        // is a URL or a host in small letters gives the host instead.
        // `application-name` names the web application, often the site but
        // sometimes its software: it is read after the title's suffix.
        let mut site_host = None;
        for (value, app) in [
            (self.og_site_name, false),
            (self.publisher, false),
            (self.app_name, true),
        ] {
            let slot = if app {
                &mut meta.app_name
            } else {
                &mut meta.site_name
            };
            match value
                .as_deref()
                .and_then(clean)
                .map(|v| site_name::read(&v))
            {
                Some(SiteName::Name(n)) if slot.is_none() => *slot = Some(n),
                Some(SiteName::Host(h)) => {
                    site_host.get_or_insert(h);
                }
                _ => {}
            }
        }
        meta.host = meta
            .url
            .as_deref()
            .and_then(site_name::host_of)
            .or(site_host);
        if meta.lang.is_none() {
            meta.lang = self.locale;
        }
        meta.titles = ranked(self.titles);
        meta.og_title = meta.titles.first().cloned();
        meta.published = ranked(self.published);
        meta.authors = ranked(self.authors);
        meta
    }
}

/// The values sorted by rank (stable), without repeats.
fn ranked(mut items: Vec<(u8, String)>) -> Vec<String> {
    items.sort_by_key(|(r, _)| *r);
    // A set, not a scan of `out`: a page can carry 200,000 author meta
    // tags, each distinct, and the scan made that quadratic (45 s).
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter_map(|(_, v)| seen.insert(v.clone()).then_some(v))
        .collect()
}

/// Reads microdata: `itemprop=datePublished` and `itemprop=author`.
/// Returns true for an author item without `content`, whose name is in
/// its content.
fn read_itemprop(
    attrs: &[(Key, StrTendril)],
    prop: &str,
    published: &mut Vec<(u8, String)>,
    authors: &mut Vec<(u8, String)>,
) -> bool {
    let mut wants_name = false;
    for p in prop.split_ascii_whitespace() {
        if p.eq_ignore_ascii_case("datepublished") {
            let v = find_attr(attrs, Key::Content).or_else(|| find_attr(attrs, Key::Datetime));
            if let Some(d) = v.and_then(clean) {
                published.push((pubrank::ITEMPROP, d));
            }
        } else if p == "author" {
            match find_attr(attrs, Key::Content).and_then(clean) {
                Some(n) => {
                    if n.chars().count() <= 80 && !looks_like_url(&n) {
                        authors.push((authrank::ITEMPROP, n));
                    }
                }
                None => wants_name = true,
            }
        }
    }
    wants_name
}
