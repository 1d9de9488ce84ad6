//! The one-pass parse, checked against the tree builder's parse
//! ([`crate::testutil::tree`]) and the standard's rules.

use super::tree::*;
use crate::block::Doc;
use crate::error::ErrorKind;
use crate::limits::Limits;

#[test]
fn foreign_end_stops_where_foreign_content_may_end() {
    let end = |b: &str| crate::html::tokens::foreign_end(b.as_bytes(), b"svg");
    assert_eq!(end("<g><path d=\"M0\"/></g><svg></svg></svg>x"), Some(32));
    assert_eq!(end("<path></path><title>t</title></svg>"), Some(29));
    // `</p>` and the end tag of an open HTML element end the content.
    assert_eq!(end("</p><x></svg>"), None);
    assert_eq!(end("<g></a></g></svg>"), None);
    // A start tag that breaks out to HTML, a comment, an unended tag.
    assert_eq!(end("<g><div></g></svg>"), None);
    assert_eq!(end("<!-- c --></svg>"), None);
    assert_eq!(end("<g d=1"), None);
}

/// The one-pass parse with the default limits.
fn doc(html: &str) -> Doc<'static> {
    let limits = Limits::default();
    match parse(html, &limits) {
        Ok((d, _)) => d,
        Err(e) => panic!("{e}"),
    }
}

/// The block texts, checked against the tree builder's parse.
fn texts(html: &str) -> Vec<String> {
    let fast: Vec<String> = doc(html)
        .blocks
        .into_iter()
        .map(|b| b.text.into_owned())
        .collect();
    let tree = crate::testutil::tree::parse(html, &Limits::default()).expect("parses");
    let tree: Vec<String> = tree
        .blocks
        .into_iter()
        .map(|b| b.text.into_owned())
        .collect();
    assert_eq!(fast, tree, "{html}");
    fast
}

fn fixture_pages() -> Vec<std::path::PathBuf> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut pages: Vec<_> = ["vi-html", "readability"]
        .iter()
        .flat_map(|d| std::fs::read_dir(root.join(d)).expect("fixtures"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "html"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn agrees_with_tree_parse_on_fixtures() {
    let (mut same_meta, mut same_texts, mut blocks, mut blocks_same, mut full) = (0, 0, 0, 0, 0);
    let pages = fixture_pages();
    for path in &pages {
        let bytes = std::fs::read(path).expect("fixture");
        let text = crate::decode::decode(&bytes, None, None).text;
        let fast = doc(&text);
        let tree = crate::testutil::tree::parse(&text, &Limits::default()).expect("parses");
        same_meta += usize::from(fast.meta == tree.meta);
        let ft: Vec<_> = fast
            .blocks
            .iter()
            .map(|b| (&b.text, b.kind, b.flags, b.hint))
            .collect();
        let tt: Vec<_> = tree
            .blocks
            .iter()
            .map(|b| (&b.text, b.kind, b.flags, b.hint))
            .collect();
        same_texts += usize::from(ft == tt);
        full += usize::from(format!("{fast:?}") == format!("{tree:?}"));
        blocks += tt.len();
        blocks_same += tt.iter().filter(|b| ft.contains(b)).count();
        if std::env::var_os("FAST_DIFF").is_some() && ft != tt {
            println!("{}: {} vs {} blocks", path.display(), ft.len(), tt.len());
            for b in tt.iter().filter(|b| !ft.contains(b)).take(5) {
                println!("  tree only: {b:?}");
            }
            for b in ft.iter().filter(|b| !tt.contains(b)).take(5) {
                println!("  fast only: {b:?}");
            }
        }
    }
    println!(
        "{} pages: meta same {same_meta}, blocks same {same_texts}, docs same {full}; {blocks_same}/{blocks} tree blocks found",
        pages.len()
    );
    // Every fixture gives the same metadata, and at least 99% of the tree
    // parse's blocks (text, kind, flags, hint; all of them at the time of
    // writing); element indices may differ where the tree builder's
    // corrections are not mimicked.
    assert_eq!(same_meta, pages.len());
    assert!(blocks_same * 100 >= blocks * 99, "{blocks_same}/{blocks}");
}

#[test]
fn implied_closes() {
    assert_eq!(texts("<p>one<div>two</div>three"), ["one", "two", "three"]);
    assert_eq!(
        texts("<ul><li>a<li>b<ul><li>c</ul>d</ul>"),
        ["a", "b", "c", "d"]
    );
    assert_eq!(
        texts("<table><tr><td>a<td>b<tr><td>c</table>after"),
        ["a", "b", "c", "after"]
    );
    assert_eq!(texts("<dl><dt>t<dd>d</dl>"), ["t", "d"]);
    // Select soup: another select closes one, a table inside keeps it
    // open to the end.
    for h in [
        "<div><select><option><table><select><option></div>x",
        "<div><select><option><select><option></div>x",
        "<div><select><table></select>a</div>x",
        "<div><select><tr></select>a</div>x",
    ] {
        texts(h);
    }
    // A stray `</p>` is an empty paragraph: it splits the text.
    assert_eq!(texts("<div>one</p>two</div>"), ["one", "two"]);
    // An end tag matching nothing in scope is ignored.
    assert_eq!(texts("<div><span>a</div>b</span>"), ["a", "b"]);
}

/// The form element pointer: a nested `<form>` is ignored while one is
/// set (even after its form closed), `</form>` clears it and takes the
/// form off the stack while what it holds stays open.
#[test]
fn form_pointer() {
    assert_eq!(texts("<form><p>a<form>b</form>c"), ["ab", "c"]);
    for h in [
        "<div><form></div><p>a<form>b</form>c",
        "<div><form></div></form><p>a<form>b</form>c",
        "<form><div>a</form>b</div>c<p>d<form>e",
        "<form><div><p>a</form>b</div>c",
        "<form><ul><li>a</form>b</ul>c",
        "<table><form><tr><td>a<form>b</table><p>c<form>d",
        "<table><tr><td><form><p>a</td><td>b<form>c</table>d",
        "<template><form><p>a<form>b</template><p>c<form>d",
        "<form><template><p>a</form>b</template>c</form><p>d<form>e",
        "<form><b>a<p>b</form>c</b>d",
    ] {
        texts(h);
    }
}

/// Table parts outside a table are ignored (a stray `caption` in a
/// paragraph does not split it); in a template inside a cell they do
/// not close the cell.
#[test]
fn stray_table_parts() {
    assert_eq!(texts("<p>a<caption>b</caption>c"), ["abc"]);
    assert_eq!(texts("<div>a<tr>b<th>c</th>d</tr>e</div>"), ["abcde"]);
    for h in [
        "<p>a<td>b</td>c",
        "<p>a<col>b<colgroup>c<tbody>d<thead>e<tfoot>f<frame>g",
        "<template><p>a<td>b</template>c",
        "<table><tr><td><template><p>a<td>b</template>c</table>d",
        "<table><tr><td><div>a<td>b</table>d",
    ] {
        texts(h);
    }
}

/// A select's content is read as body content (html5ever's tree
/// builder follows the standard's customizable select): svg, MathML,
/// raw text and blocks open inside it, and it closes by its end tag,
/// another select or an input in scope, not by an end tag that does
/// not reach across it. Cases found by the soup property test.
#[test]
fn select_content_is_body_content() {
    for h in [
        "Thành phố<b><select><option><A<p><math><select><option></b>Theo TTXVN",
        "<figure><figcaption><select><option><math><select><option></figcaption></figure>Z",
        "<p><select><option><math><select><option><plaintext>Thành phố",
        "<p><select><option><title><select><option><p>&amp;",
        "<svg><p>a<select><option><title><select><option><ul><li>b",
        "<select><option>a<p>b<option>c</select>d",
        "<p>x<select><option>a<p>b<optgroup><option>c<hr>d</select>e",
        "<select><div>a<input>b",
        "<table><tr><td><select><option>a<td>b</table>c",
        "<select><option><b>a</select>b</b>c",
        // A link in a select does not close one outside it.
        "<a href=x><select><option><a href=y>a",
        "<table><tr><td><a href=x>a<table><tr><td><a href=y>b</table>c</table>d",
    ] {
        texts(h);
    }
}

/// A formatting end tag across blocks: the text after it stays in the
/// innermost block, and what opened inside that block (MathML here)
/// closes, as the adoption agency's last round pops it; past 7 blocks
/// nothing closes. Cases found by the soup property test.
#[test]
fn formatting_end_tag_across_blocks() {
    assert_eq!(
        texts("<b><p>a<math></b>b<meta charset=windows-1258>c"),
        ["abc"]
    );
    for h in [
        "<a href=\"/x\"><ul><li><math></a><title><p>d",
        "<b><p><math></b><select><option><meta charset=windows-1258>d",
        "<b><div>a<math></b>b<br>c",
        "<b><p>a<i>x<div>y<u>z</b>w</div>v",
        "<a href=x>1<div>2<span>3</a>4</div>5",
        "<b>1<div>2<div>3<div>4<div>5<div>6<div>7<u>9</b>10</div>11",
        "<b>1<div>2<div>3<div>4<div>5<div>6<div>7<div>8<u>9</b>10</div>11",
        // The formatting element is off the stack: a second end tag
        // of its name closes nothing.
        "<a href=x><title>t</title><h1>a</a><math></a>b",
        "<b><ul><li></b><math></b>a",
        "<b>a<figure><figcaption></b>b<math></b>c",
    ] {
        texts(h);
    }
}

/// A link start tag inside a link runs the adoption agency for the
/// first: closed in one block, across blocks as an end tag would, and
/// out of scope (past a select) only taken off the stack, so a later
/// select start tag's close leaves it out. Cases found by the soup
/// property test.
#[test]
fn link_inside_link() {
    for h in [
        "<a href=x><select><option><a href=y></a><select><option><a href=z>a",
        "<a href=x>1<div>2<span>3<a href=y>4</div>5",
        "<a href=x>1<dialog open>2<a href=y>3</dialog>4",
        "<table><tr><td><a href=x>1</td><td><a href=y>2</table>3",
        "<p><a href=x>1<p>2<a href=y>3",
    ] {
        texts(h);
    }
}

/// Formatting elements closed by another element's end are reopened
/// before text and inline elements, as the tree builder does; a later
/// end tag of the name then closes what opened inside. Cases found by
/// the soup property test.
#[test]
fn formatting_reopened() {
    assert_eq!(texts("<p><b>a</p>b</b>c"), ["a", "bc"]);
    for h in [
        "<div><a href=x></div>a<math></a>b<script><ul><li>c",
        "<p><a href=x><ul><li><math></a><title><p>a",
        "a<div><b></div><math></b><script><p>b<div>c",
        "<b><a href=x></b><math></a><script><p>a",
        "<a href=x><b><a href=y>a<math></b>b</a>c",
        "<table><tr><td><b>a</td><td>b</b>c</table>d",
        "<b id=1><b id=2><b id=3><b id=4><p>a</p>b",
        "<b><b><b><b><p>a</p>b",
    ] {
        texts(h);
    }
}

/// A table start tag in a table, its section or row closes that table
/// (not in a cell or caption, where tables nest). Cases found by the
/// soup property test.
#[test]
fn table_in_table_closes_it() {
    assert_eq!(
        texts("<table><tr><table><tr><td>a</table>b</table>c"),
        ["a", "bc"]
    );
    for h in [
        "a<table><b><table><math></b><title><br>b",
        "<table>a<figure><figcaption><b><table>b<math></b>c<b>d",
        "<table><div>x<table><tr><td>a</table>b",
        "<table><caption>x<table><tr><td>a</table>b</table>c",
        "<table><tr><td>x<table><tr><td>a</table>b</table>c",
    ] {
        texts(h);
    }
}

/// The standard's lists (`closes_p`, `is_special`) where they differ
/// from the block boxes of `role_of`, checked against the tree parse.
#[test]
fn standard_lists_agree_with_tree_parse() {
    for h in [
        // `search` closes a paragraph, `legend` does not.
        "<p>a<search>b</search>c",
        "<p>a<legend>b</legend>c",
        "<!DOCTYPE html><p>a<table><tr><td>b</table>c",
        "<p>a<table><tr><td>b</table>c",
        // `dialog` and `legend` are no barrier to an `li`, `dd` or an
        // ordinary end tag.
        "<ul><li>a<dialog open><li>b</dialog></ul>c",
        "<dl><dd>a<legend><dt>b</legend></dl>c",
        "<div><span>a<dialog open>b</span>c</dialog>d</div>",
        // `search` is a block box like `div`.
        "<div>a<search>b</search>c</div>",
        "<p>a<search>b<p>c</search>d",
        "<ul><li>a<search><li>b</search></ul>c",
    ] {
        texts(h);
    }
    // Where the two parses part on purpose: `search` is special in the
    // standard (an ordinary end tag does not close across it, as in
    // browsers), not in html5ever's tree builder, which closes the
    // `span` and the `search` with it (["a", "b", "cd"]). When its list
    // catches up, this case belongs in the loop above.
    let h = "<div><span>a<search>b</span>c</search>d</div>";
    let fast: Vec<String> = doc(h)
        .blocks
        .into_iter()
        .map(|b| b.text.into_owned())
        .collect();
    assert_eq!(fast, ["a", "bc", "d"]);
}

#[test]
fn kinds_and_flags() {
    let d = doc(
        "<body><article><h2>Head</h2><p><b>Bold</b></p><p><a href=x>link</a> text</p></article>",
    );
    let kinds: Vec<_> = d.blocks.iter().map(|b| b.kind).collect();
    assert_eq!(
        kinds,
        [
            crate::block::BlockKind::Heading(2),
            crate::block::BlockKind::Paragraph,
            crate::block::BlockKind::Paragraph
        ]
    );
    assert!(
        d.blocks
            .iter()
            .all(|b| b.flags.has(crate::block::Flags::IN_ARTICLE))
    );
    assert!(d.blocks[1].flags.has(crate::block::Flags::BOLD));
    assert_eq!(d.blocks[2].link_chars, 4);
}

#[test]
fn raw_text_and_skipped_content() {
    let html = "<title>The &amp; title</title><script>var s = '<p>no</p>';</script>\
                <style>p{}</style><p>yes<svg><path d='M0'/><text>icon</text></svg> too</p>\
                <noscript><p>ns</p></noscript><select><option>opt</select>";
    assert_eq!(texts(html), ["yes too"]);
    assert_eq!(doc(html).meta.title.as_deref(), Some("The & title"));
    // Unclosed svg: an HTML block tag breaks out of it.
    assert_eq!(texts("<svg><path/><p>kept</p>"), ["kept"]);
}

#[test]
fn meta_read_in_one_pass() {
    let d = doc(concat!(
        "<html lang=VI><head><meta property='og:title' content='OG'>",
        "<link rel=canonical href='https://e.x/a'>",
        "<script type='application/ld+json'>{\"datePublished\":\"2024-01-02\",",
        "\"author\":{\"name\":\"An\"}}</script></head>",
        "<body><span itemprop=author><span itemprop=name>Bình</span></span>",
        "<time datetime='2024-01-03'>x</time></body>"
    ));
    assert_eq!(d.meta.lang.as_deref(), Some("vi"));
    assert_eq!(d.meta.og_title.as_deref(), Some("OG"));
    assert_eq!(d.meta.url.as_deref(), Some("https://e.x/a"));
    assert_eq!(d.meta.published, ["2024-01-02", "2024-01-03"]);
    assert_eq!(d.meta.authors, ["An", "Bình"]);
}

#[test]
fn limits() {
    let deep = "<div>".repeat(2000) + "deep text" + &"</div>".repeat(2000) + "<p>after</p>";
    assert_eq!(texts(&deep), ["deep text", "after"]);
    let limits = Limits {
        max_nodes: 100,
        ..Limits::default()
    };
    let many = "<p>x</p>".repeat(200);
    assert!(matches!(
        parse(&many, &limits).map_err(|e| e.kind().clone()),
        Err(ErrorKind::TooManyNodes { limit: 100 })
    ));
}
