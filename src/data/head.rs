//! Names in a page's head that hold what the page says about itself.

/// The `<meta>` names (or properties) that hold the page's title, lower
/// case, with their rank, best first: the order publishers' tools fill them
/// in with most care (Dublin Core, then Open Graph, then the rest). A page
/// with several gives the best-ranked one.
pub(crate) static TITLE_META_NAMES: &[(&str, u8)] = &[
    ("dc:title", 0),
    ("dcterm:title", 0),
    ("dcterms:title", 0),
    ("dc.title", 0),
    ("og:title", 1),
    ("weibo:article:title", 2),
    ("weibo:webpage:title", 2),
    ("title", 3),
    ("twitter:title", 4),
    ("parsely-title", 5),
];

/// The `<meta>` names (or properties) that hold the time of publication,
/// lower case, with their rank, best first (microdata `datePublished` ranks
/// 4, JSON-LD 7 and `<time datetime>` 8, in `html::head`): Open Graph's
/// article times as publishers' tools fill them, then the older names, then
/// the generic `date` that some CMSs print with no offset.
pub(crate) static PUBLISHED_META_NAMES: &[(&str, u8)] = &[
    ("article:published_time", 0),
    ("og:published_time", 1),
    ("og:article:published_time", 1),
    ("pubdate", 2),
    ("publishdate", 3),
    ("publish-date", 3),
    ("publish_date", 3),
    ("dc.date", 5),
    ("dc.date.issued", 5),
    ("dcterms.date", 5),
    ("dcterms.issued", 5),
    ("date", 6),
];

/// Typographic quotes and the plain ones they stand for, for telling
/// whether two titles are the same text: a page prints its headline with
/// curled quotes ("Here’s how") where its `<title>` or `og:title`, typed
/// into a form, has plain ones ("Here's how"), or the other way round. A
/// quote changes no word, so titles differing only here are one title.
pub(crate) static TITLE_QUOTE_FOLDS: &[(char, char)] = &[
    ('\u{2018}', '\''), // ‘
    ('\u{2019}', '\''), // ’
    ('\u{2032}', '\''), // ′
    ('\u{201C}', '"'),  // “
    ('\u{201D}', '"'),  // ”
    ('\u{2033}', '"'),  // ″
];
