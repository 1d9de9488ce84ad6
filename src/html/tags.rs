//! Tag sets of the HTML standard that the parser and the segmenter need:
//! void elements, raw-text elements, what closes a paragraph, what an
//! unclosed element is closed by.

use html5ever::{LocalName, local_name};

pub(crate) fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
            | local_name!("frame")
    )
}

/// Start tags that close an open `p` element: the HTML standard's list (the
/// "in body" start tags that "close a p element" when one is in button
/// scope). Both parses use it: the one-pass parse ([`crate::html::tree`]) to
/// close its `p`, and [`implied_close`] for the test-only depth guard's shadow stack. A
/// `table` closes a `p` only in no-quirks mode and a nested `form` is
/// ignored (so closes nothing); callers that know the mode or the form
/// check those. Table parts, `caption`, `legend`, `html` and `body` are
/// not on the list: they are block boxes here ([`role_of`](crate::html::segment::role_of)), but their
/// start tag does not end a paragraph in the standard.
pub(crate) fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("search")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("pre")
            | local_name!("listing")
            | local_name!("form")
            | local_name!("li")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("plaintext")
            | local_name!("table")
            | local_name!("hr")
            | local_name!("xmp")
    )
}

/// The element an opening tag implicitly closes, if any: the same-name
/// element for list items, table cells and rows and options, an open `p`
/// for the tags of [`closes_p`]. One name only: the shadow stack of the
/// depth guard is approximate (an `li` also closes a `p` in the standard;
/// here it closes the `li` before it).
pub(crate) fn implied_close(name: &LocalName) -> Option<LocalName> {
    match *name {
        local_name!("li")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("tr")
        | local_name!("td")
        | local_name!("th")
        | local_name!("option") => Some(name.clone()),
        _ if closes_p(name) => Some(local_name!("p")),
        _ => None,
    }
}

/// Elements that may stand in `head` before the body starts.
pub(crate) fn in_head(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("head")
            | local_name!("meta")
            | local_name!("link")
            | local_name!("title")
            | local_name!("script")
            | local_name!("style")
            | local_name!("base")
            | local_name!("noscript")
            | local_name!("template")
            | local_name!("basefont")
            | local_name!("bgsound")
    )
}

/// The HTML standard's "special" elements (its "special" category, HTML
/// namespace): an end tag of an ordinary element does not close across
/// them, nor does an `li`, `dt` or `dd` start tag look past them. The
/// category's svg and MathML members do not matter here: foreign subtrees
/// are skipped whole and scans pass over their elements. html5ever's tree
/// builder (the other parse) lists the obsolete `isindex` instead of
/// `keygen` and `search`; `keygen` is void, so only a `<search>` box can
/// tell the two apart: an ordinary end tag inside one (a test,
/// `standard_lists_agree_with_tree_parse`, shows the case).
pub(crate) fn is_special(name: &LocalName) -> bool {
    is_heading(name)
        || matches!(
            *name,
            local_name!("address")
                | local_name!("applet")
                | local_name!("area")
                | local_name!("article")
                | local_name!("aside")
                | local_name!("base")
                | local_name!("basefont")
                | local_name!("bgsound")
                | local_name!("blockquote")
                | local_name!("body")
                | local_name!("br")
                | local_name!("button")
                | local_name!("caption")
                | local_name!("center")
                | local_name!("col")
                | local_name!("colgroup")
                | local_name!("dd")
                | local_name!("details")
                | local_name!("dir")
                | local_name!("div")
                | local_name!("dl")
                | local_name!("dt")
                | local_name!("embed")
                | local_name!("fieldset")
                | local_name!("figcaption")
                | local_name!("figure")
                | local_name!("footer")
                | local_name!("form")
                | local_name!("frame")
                | local_name!("frameset")
                | local_name!("head")
                | local_name!("header")
                | local_name!("hgroup")
                | local_name!("hr")
                | local_name!("html")
                | local_name!("iframe")
                | local_name!("img")
                | local_name!("input")
                | local_name!("keygen")
                | local_name!("li")
                | local_name!("link")
                | local_name!("listing")
                | local_name!("main")
                | local_name!("marquee")
                | local_name!("menu")
                | local_name!("meta")
                | local_name!("nav")
                | local_name!("noembed")
                | local_name!("noframes")
                | local_name!("noscript")
                | local_name!("object")
                | local_name!("ol")
                | local_name!("p")
                | local_name!("param")
                | local_name!("plaintext")
                | local_name!("pre")
                | local_name!("script")
                | local_name!("search")
                | local_name!("section")
                | local_name!("select")
                | local_name!("source")
                | local_name!("style")
                | local_name!("summary")
                | local_name!("table")
                | local_name!("tbody")
                | local_name!("td")
                | local_name!("template")
                | local_name!("textarea")
                | local_name!("tfoot")
                | local_name!("th")
                | local_name!("thead")
                | local_name!("title")
                | local_name!("tr")
                | local_name!("track")
                | local_name!("ul")
                | local_name!("wbr")
                | local_name!("xmp")
        )
}

/// The boundaries of the standard's default scope: block end tags and
/// formatting end tags do not reach across them. `select` is one since the
/// standard's customizable select (and in html5ever's tree builder).
pub(crate) fn is_scope_boundary(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("html")
            | local_name!("select")
            | local_name!("table")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("applet")
            | local_name!("template")
    )
}

/// Formatting elements (the adoption agency's): their end tag closes them
/// across blocks, within scope.
pub(crate) fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Start tags before which the tree builder reopens closed formatting
/// elements: the inline ones. Not block starts that close a `p` (but
/// `xmp`), list items, head elements, table parts, or raw-text fields.
pub(crate) fn reconstructs(name: &LocalName) -> bool {
    if *name == local_name!("xmp") {
        return true;
    }
    !(closes_p(name)
        || in_head(name)
        || is_table_only(name)
        || matches!(
            *name,
            local_name!("html")
                | local_name!("body")
                | local_name!("textarea")
                | local_name!("iframe")
                | local_name!("noembed")
                | local_name!("noframes")
                | local_name!("frameset")
        ))
}

/// The elements that put a marker on the list of active formatting
/// elements (and `html`, its bottom): a formatting element opened before
/// one is not seen by a link start tag inside it.
pub(crate) fn is_formatting_marker(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("html")
            | local_name!("td")
            | local_name!("th")
            | local_name!("caption")
            | local_name!("marquee")
            | local_name!("object")
            | local_name!("applet")
            | local_name!("template")
    )
}

pub(crate) fn is_heading(name: &LocalName) -> bool {
    matches!(name.as_bytes(), [b'h', b'1'..=b'6'])
}

/// The parts of a table below `table` itself.
pub(crate) fn is_table_part(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("tr")
            | local_name!("td")
            | local_name!("th")
            | local_name!("tbody")
            | local_name!("thead")
            | local_name!("tfoot")
    )
}

/// Start tags that the tree builder ignores outside a table (and
/// outside a frameset, for `frame`): the "in body" insertion mode's parse
/// errors for `caption`, `col`, `colgroup`, `frame`, `tbody`, `td`,
/// `tfoot`, `th`, `thead` and `tr` (`head` is handled with the body).
pub(crate) fn is_table_only(name: &LocalName) -> bool {
    is_table_part(name)
        || matches!(
            *name,
            local_name!("caption")
                | local_name!("col")
                | local_name!("colgroup")
                | local_name!("frame")
        )
}

/// Elements counted in `State::open_implied` ([`crate::html::tree`]): those a later start tag
/// closes without an end tag of their own (besides `p`).
pub(crate) fn is_implied(name: &LocalName) -> bool {
    implied_close(name).is_some_and(|c| c == *name)
        || is_table_part(name)
        || *name == local_name!("optgroup")
}

/// Start tags that break out of svg/MathML back to HTML (`font` only with
/// some attributes: left out, it stays foreign here).
pub(crate) const BREAKS_FOREIGN: [&[u8]; 44] = [
    b"b",
    b"big",
    b"blockquote",
    b"body",
    b"br",
    b"center",
    b"code",
    b"dd",
    b"div",
    b"dl",
    b"dt",
    b"em",
    b"embed",
    b"h1",
    b"h2",
    b"h3",
    b"h4",
    b"h5",
    b"h6",
    b"head",
    b"hr",
    b"i",
    b"img",
    b"li",
    b"listing",
    b"menu",
    b"meta",
    b"nobr",
    b"ol",
    b"p",
    b"pre",
    b"ruby",
    b"s",
    b"small",
    b"span",
    b"strong",
    b"strike",
    b"sub",
    b"sup",
    b"table",
    b"tt",
    b"u",
    b"ul",
    b"var",
];

pub(crate) fn breaks_foreign(name: &LocalName) -> bool {
    BREAKS_FOREIGN.contains(&name.as_bytes())
}
