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
