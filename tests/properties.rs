//! Properties of the cleaner on generated input (proptest, modest case
//! counts so `cargo test` stays fast).
//!
//! What is asserted, precisely:
//!
//! 1. No panic: `clean_html` on arbitrary bytes and on HTML-ish soup built
//!    from tag, entity and Vietnamese text fragments; `clean_text` on
//!    arbitrary strings and on the same soup.
//! 2. Nothing is invented. Text input: every body paragraph and caption,
//!    and every line of a removed piece, is a non-empty substring of one
//!    input line after NFC and white-space folding (the
//!    documented removals, a source prefix before the lead and a trailing
//!    "./.", only ever shorten a line at its ends), both compared in NFD
//!    without combining marks (see `unmarked`). HTML input: every body
//!    paragraph and caption, with all white space removed, is a substring
//!    of the page's shown text nodes (html5ever's parse, so entities
//!    decoded; not those inside script, style, title, form controls, svg or
//!    MathML, which the cleaner skips) concatenated, both sides in NFD with
//!    all white space and all combining marks removed. The page is passed
//!    as UTF-8. White space is compared away because the cleaner puts a
//!    space where a `<br>` or a flattened block stood, which no text node
//!    holds; combining marks because normalizing the page's whole text
//!    reorders marks across the boundary of two blocks (a block that
//!    starts with a mark swaps it with the previous block's last mark),
//!    which the cleaner, normalizing each block apart, rightly does not.
//! 3. Cleaning an article's own text again keeps its body: the text
//!    "headline, blank line, body paragraphs separated by blank lines"
//!    cleans to the same body paragraphs, in the same order (checked on the
//!    fixture pages and on generated articles).
//! 4. `Article::to_html` writes no markup of the text's: every `<` of its
//!    output opens or closes one of its documented elements, with no
//!    attribute, whatever the fields hold (arbitrary strings and roles, and
//!    the articles cleaned from soup).

#[path = "support/common.rs"]
mod common;

use std::fs;

use common::{fixtures_dir, fold, is_space};
use proptest::prelude::*;
use tinsach::{Article, BlockRole, Cleaner, PageInfo};
use unicode_normalization::UnicodeNormalization;

/// `text` in NFD without any white space, control characters or
/// combining marks (see the module docs for why the marks go).
fn squeeze(text: &str) -> String {
    text.nfd()
        .filter(|c| {
            !is_space(*c)
                && !c.is_control()
                && unicode_normalization::char::canonical_combining_class(*c) == 0
        })
        .collect()
}

/// `text` in NFD without combining marks: a control character the cleaner
/// drops between two marks lets normalization reorder them, which the
/// input line, normalized with the control character in place, does not
/// show (the soup case \u{10eab} NUL \u{5ad} cleans to \u{5ad}\u{10eab}).
fn unmarked(text: &str) -> String {
    text.nfd()
        .filter(|c| unicode_normalization::char::canonical_combining_class(*c) == 0)
        .collect()
}

/// Every body paragraph and caption of a text-input article, and every
/// line of a removed piece, is inside one folded input line; no piece holds
/// an empty line.
fn assert_text_of_lines(input: &str, article: &Article) -> Result<(), TestCaseError> {
    let nfc: String = input.nfc().collect();
    let lines: Vec<String> = nfc.lines().map(|l| unmarked(&fold(l))).collect();
    let removed = article.removed.iter().flat_map(|r| r.text.split('\n'));
    for p in article
        .body
        .iter()
        .map(String::as_str)
        .chain(article.captions.iter().map(String::as_str))
        .chain(removed)
    {
        prop_assert!(!p.is_empty(), "an empty line in {:?}", article.removed);
        let bare = unmarked(p);
        prop_assert!(
            lines.iter().any(|l| l.contains(&bare)),
            "not a line's text: {p:?}"
        );
    }
    Ok(())
}

/// Elements whose text is never shown: scripts, styles, the title, form
/// controls. (svg and MathML, outside the HTML namespace, neither.)
const NEVER_SHOWN: &[&str] = &[
    "head", "script", "style", "noscript", "template", "title", "select", "option", "datalist",
    "textarea", "button", "noembed", "noframes", "map",
];

/// Every body paragraph and caption of an HTML article is in the page's
/// shown text, white space aside.
fn assert_text_of_page(html: &str, article: &Article) -> Result<(), TestCaseError> {
    let doc = scraper::Html::parse_document(html);
    // Text nodes in document order, but not those of elements a reader
    // never sees: their text is cut out of the middle of running text.
    let shown = |node: &scraper::node::Node| {
        node.as_element().is_none_or(|e| {
            &*e.name.ns == "http://www.w3.org/1999/xhtml" && !NEVER_SHOWN.contains(&e.name())
        })
    };
    let all: String = doc
        .tree
        .root()
        .descendants()
        .filter(|n| n.ancestors().all(|a| shown(a.value())))
        .filter_map(|n| n.value().as_text().map(|t| &**t))
        .collect();
    let all = squeeze(&all);
    for p in article.body.iter().chain(&article.captions) {
        prop_assert!(all.contains(&squeeze(p)), "not the page's text: {p:?}");
    }
    Ok(())
}

/// Pieces of Vietnamese news text, some in decomposed form, some carrying
/// the marks the cleaner strips (source prefix, end mark, captions).
const VI_PIECES: &[&str] = &[
    "Thành phố",
    "người dân",
    "đã",
    "được",
    "ngày 29/3/2023 21:20 GMT+7",
    "Theo TTXVN",
    "(VTV) - ",
    "./.",
    "Ảnh: Minh Khuê",
    "Tin liên quan",
    "Xem thêm",
    "ngu\u{300}a",        // decomposed: composes to "nguà"
    "Vie\u{302}\u{323}t", // decomposed "Việt"
    "Thứ tư, 29/03/2023",
    "TPO - ",
    "Chiều 29/3, Ban Đối ngoại tổ chức hội nghị tổng kết mười năm thực hiện nghị quyết.",
    "Giá vé được giữ nguyên như các tuyến xe buýt thường.",
    "\u{200B}",
    "\u{A0}",
    "\u{0}",
];

/// Pieces of markup, broken on purpose.
const TAG_PIECES: &[&str] = &[
    "<p>",
    "</p>",
    "<div class=\"related\">",
    "<div class='content'>",
    "</div>",
    "<h1>",
    "</h1>",
    "<b>",
    "</b>",
    "<a href=\"/x\">",
    "</a>",
    "<br>",
    "<table>",
    "<td>",
    "</tr>",
    "<figure><figcaption>",
    "</figcaption></figure>",
    "<script>",
    "</script>",
    "<style>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<svg><p>",
    "<math>",
    "&amp;",
    "&#x1F600;",
    "&#0;",
    "&",
    "<",
    ">",
    "\"",
    "<meta charset=windows-1258>",
    "<title>",
    "</title>",
    "<ul><li>",
    "<select><option>",
    "<textarea>",
    "<plaintext>",
    "\n\n",
    "\n",
    " ",
];

fn soup() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        3 => proptest::sample::select(VI_PIECES).prop_map(str::to_string),
        3 => proptest::sample::select(TAG_PIECES).prop_map(str::to_string),
        1 => "\\PC{0,12}",
    ];
    proptest::collection::vec(piece, 0..80).prop_map(|v| v.concat())
}

/// A generated article as text: a headline, then paragraphs of sentences
/// built from the Vietnamese pieces.
fn article_text() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(
        &[
            "người",
            "dân",
            "thành",
            "phố",
            "mở",
            "thêm",
            "tuyến",
            "xe",
            "buýt",
            "điện",
            "ngày",
            "hội",
            "nghị",
            "tổng",
            "kết",
            "chiến",
            "lược",
            "đối",
            "ngoại",
            "năm",
            "2023",
            "ba",
            "trăm",
            "ki-lô-mét",
            "Hà",
            "Nội",
            "sáng",
            "nay",
        ][..],
    );
    let sentence = proptest::collection::vec(word.clone(), 6..20).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    });
    let paragraph = proptest::collection::vec(sentence, 1..4).prop_map(|s| s.join(" "));
    let headline = proptest::collection::vec(word, 5..12).prop_map(|w| w.join(" "));
    (headline, proptest::collection::vec(paragraph, 2..8))
        .prop_map(|(h, ps)| format!("{h}\n\n{}\n", ps.join("\n\n")))
}

/// The article as text: its headline and body, blank lines between.
fn own_text(article: &Article) -> String {
    let mut parts: Vec<&str> = Vec::new();
    if let Some(h) = &article.headline {
        parts.push(h);
    }
    parts.extend(article.body.iter().map(String::as_str));
    parts.join("\n\n")
}

/// Cleaning `article`'s own text gives back its body, paragraph for
/// paragraph.
fn assert_body_kept(article: &Article) -> Result<(), TestCaseError> {
    let again = tinsach::clean_text(&own_text(article))
        .map_err(|e| TestCaseError::fail(format!("own text did not clean: {e}")))?;
    prop_assert_eq!(&again.body, &article.body);
    Ok(())
}

/// The elements `Article::to_html` is documented to write, apart by spaces.
const HTML_TAGS: &str = "article header h1 h2 h3 h4 h5 h6 p ul li blockquote pre figure figcaption";

/// Every `<` of `html` is `<tag>` or `</tag>` for a tag of [`HTML_TAGS`],
/// and every `&` starts one of the five escapes.
fn assert_only_own_tags(html: &str) -> Result<(), TestCaseError> {
    for (at, _) in html.match_indices('<') {
        let rest = &html[at + 1..];
        let rest = rest.strip_prefix('/').unwrap_or(rest);
        let own = HTML_TAGS
            .split(' ')
            .any(|t| rest.strip_prefix(t).is_some_and(|r| r.starts_with('>')));
        prop_assert!(own, "a `<` not of an own tag at {at}: {html:?}");
    }
    for (at, _) in html.match_indices('&') {
        let rest = &html[at..];
        let escape = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"]
            .iter()
            .any(|e| rest.starts_with(e));
        prop_assert!(escape, "a bare `&` at {at}: {html:?}");
    }
    Ok(())
}

/// A role, any heading level included.
fn role() -> impl Strategy<Value = BlockRole> {
    prop_oneof![
        Just(BlockRole::Paragraph),
        any::<u8>().prop_map(BlockRole::Heading),
        Just(BlockRole::ListItem),
        Just(BlockRole::Quote),
        Just(BlockRole::TableCell),
        Just(BlockRole::Preformatted),
        Just(BlockRole::Caption),
    ]
}

/// A string of markup-heavy pieces or of any characters.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![soup(), any::<String>()]
}

/// 256 cases per property by default (a few seconds in debug builds);
/// `PROPTEST_CASES=20000 cargo test --release --test properties` searches
/// deeper.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(256)
}

/// The random seed: fixed, so that `cargo test` (and CI) checks the same
/// cases on every run and a red run means a real change; set
/// `PROPTEST_RNG_SEED` to search elsewhere.
fn seed() -> proptest::test_runner::RngSeed {
    let fixed = std::env::var("PROPTEST_RNG_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(0x7469_6e73_6163_6821);
    proptest::test_runner::RngSeed::Fixed(fixed)
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: cases(),
        rng_seed: seed(),
        ..ProptestConfig::default()
    })]

    #[test]
    fn html_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = tinsach::clean_html(&bytes);
    }

    /// Any characters at all, in lines, some of them long word-shaped
    /// sentences so that an article (and the check that nothing is
    /// invented) is reached, not only the "no article" error.
    #[test]
    fn text_strings_never_panic(
        lines in proptest::collection::vec(
            prop_oneof![
                any::<String>(),
                "(\\PC{1,9} ){10,30}\\PC{1,9}[.!?]",
            ],
            0..30,
        )
    ) {
        let text = lines.join("\n");
        if let Ok(a) = tinsach::clean_text(&text) {
            assert_text_of_lines(&text, &a)?;
        }
    }

    #[test]
    fn soup_never_panics_and_invents_nothing(page in soup()) {
        let _ = tinsach::clean_html(page.as_bytes());
        // Told the page is UTF-8 (a `<meta>` piece in the soup cannot
        // re-decode it), so its text is the text the check parses.
        let utf8 = PageInfo::new().content_type("text/html; charset=utf-8");
        if let Ok(a) = Cleaner::new().clean_html_with(page.as_bytes(), utf8) {
            assert_text_of_page(&page, &a)?;
        }
        if let Ok(a) = tinsach::clean_text(&page) {
            assert_text_of_lines(&page, &a)?;
        }
    }

    #[test]
    fn html_holds_only_its_own_tags(
        headline in proptest::option::of(field()),
        kicker in proptest::option::of(field()),
        authors in proptest::collection::vec(field(), 0..3),
        source in proptest::option::of(field()),
        blocks in proptest::collection::vec((field(), role()), 0..8),
        captions in proptest::collection::vec(field(), 0..3),
        page in soup(),
    ) {
        let mut a = Article::default();
        a.headline = headline;
        a.kicker = kicker;
        a.authors = authors;
        a.source = source;
        a.dateline = Some(tinsach::Dateline::new(a.kicker.clone(), None));
        (a.body, a.roles) = blocks.into_iter().unzip();
        a.captions = captions;
        assert_only_own_tags(&a.to_html())?;
        if let Ok(a) = tinsach::clean_html(page.as_bytes()) {
            assert_only_own_tags(&a.to_html())?;
        }
    }

    #[test]
    fn generated_articles_invent_nothing_and_keep_body(text in article_text()) {
        let a = tinsach::clean_text(&text)
            .map_err(|e| TestCaseError::fail(format!("did not clean: {e}")))?;
        assert_text_of_lines(&text, &a)?;
        assert_body_kept(&a)?;
    }
}

/// The fixture pages, text and HTML: nothing invented, and each article's
/// own text cleans back to its body.
#[test]
fn fixtures_invent_nothing_and_keep_body() {
    let root = fixtures_dir();
    let mut checked = 0;
    for dir in ["seeds", "vi-text", "vi-html"] {
        let mut files: Vec<_> = fs::read_dir(root.join(dir))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "html")))
            .collect();
        files.sort();
        for path in files {
            let bytes = fs::read(&path).unwrap();
            let is_html = path.extension().is_some_and(|e| e == "html");
            let (article, check) = if is_html {
                let a = tinsach::clean_html(&bytes).unwrap();
                let text = String::from_utf8_lossy(&bytes).into_owned();
                let check = assert_text_of_page(&text, &a);
                (a, check)
            } else {
                let text = String::from_utf8(bytes).unwrap();
                let a = tinsach::clean_text(&text).unwrap();
                let check = assert_text_of_lines(&text, &a);
                (a, check)
            };
            if let Err(e) = check.and_then(|()| assert_body_kept(&article)) {
                panic!("{}: {e}", path.display());
            }
            checked += 1;
        }
    }
    assert!(checked >= 10, "fixtures missing: {checked} checked");
}
