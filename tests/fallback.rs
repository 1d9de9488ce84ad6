//! The fallback (issue 12, class 7): a page that holds a clear run of prose
//! yields an article even when the markup's word on its container says
//! chrome (a class name, an `<aside>` left open, a caption context), and the
//! fallback does not bring a hinted box inside the article (a comment
//! thread, a share bar) into the body.

use tinsach::Article;

const PARAGRAPHS: &[&str] = &[
    "The council voted on Tuesday to rebuild the old harbour wall, which storms \
     damaged twice last winter, and to pay for the work from the port's own reserves.",
    "Engineers told the meeting that the new wall would stand a metre higher than the \
     old one and would take about eighteen months to build once the contract is let.",
    "Fishermen who use the harbour said they welcomed the decision but asked that the \
     work be done in stages, so that their boats can still land their catch every day.",
    "The mayor said the council would publish the timetable next month, after talks \
     with the harbour master and the two companies that have bid for the contract.",
];

/// A lead of more than 80 words: a clear run of prose by itself.
const LEAD: &str = "The harbour wall that storms broke twice last winter will be rebuilt \
    higher and stronger, the council decided on Tuesday evening after a long \
    debate in which fishermen, engineers, shop owners and the harbour master \
    all spoke, and in which the cost of the work, the time it will take and \
    the way the harbour will stay open while it is done were argued over for \
    more than three hours before the vote was finally taken and the plan was \
    approved by a large majority of the members present.";

const COMMENT: &str = "What a waste of money, the wall was fine for fifty years and \
     it will be fine for fifty more if they just stopped letting the big ships in.";

const MENU: &str = r#"<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
    <li><a href="/sport">Sport</a></li><li><a href="/weather">Weather</a></li>
    <li><a href="/travel">Travel</a></li><li><a href="/about">About us</a></li></ul></nav>"#;

fn paragraphs() -> String {
    PARAGRAPHS.iter().map(|p| format!("<p>{p}</p>")).collect()
}

fn page(body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">\
         <title>Harbour wall to be rebuilt</title></head><body>{body}</body></html>"
    )
}

fn article(html: &str) -> Article {
    tinsach::clean_html(html.as_bytes()).unwrap_or_else(|e| panic!("no article: {e}"))
}

fn assert_body(a: &Article) {
    for p in PARAGRAPHS {
        assert!(
            a.body.iter().any(|b| b == p),
            "paragraph lost: {p:?}\nbody: {:?}",
            a.body
        );
    }
    assert!(
        !a.body.iter().any(|b| b.contains(COMMENT)),
        "comment in body: {:?}",
        a.body
    );
}

/// The article element's class names a state ("has-comments"), which the
/// class reader takes for a comment box: every paragraph was cut and the
/// page answered "no article found".
#[test]
fn article_under_a_comments_class() {
    let html = page(&format!(
        r#"{MENU}<main><article class="post has-comments"><h1>Harbour wall to be rebuilt</h1>
        <div class="text">{}</div>
        <div class="comment-list"><p>{COMMENT}</p><p>{COMMENT} Again.</p></div>
        </article></main><footer><p>© The Harbour Gazette</p></footer>"#,
        paragraphs()
    ));
    assert_body(&article(&html));
}

/// An `<aside>` (an announcement banner) left open at the top of the page
/// wraps everything after it: every paragraph sits in an aside.
#[test]
fn page_inside_an_unclosed_aside() {
    let html = page(&format!(
        r#"<aside class="banner"><p><a href="/news/1">We have moved</a></p>
        {MENU}<main><article><h1>Harbour wall to be rebuilt</h1>{}</article></main>"#,
        paragraphs()
    ));
    assert_body(&article(&html));
}

/// A caption context over the whole article (a caption class on its
/// container): a caption is a line about a photo, not most of an article.
#[test]
fn article_read_as_a_caption() {
    let html = page(&format!(
        r#"{MENU}<main><div class="article-caption"><h1>Harbour wall to be rebuilt</h1>{}</div>
        </main>"#,
        paragraphs()
    ));
    assert_body(&article(&html));
}

/// A page with no run of prose still has no article: the fallback asks for
/// one.
#[test]
fn a_menu_and_a_line_are_no_article() {
    let html = page(&format!(
        r#"{MENU}<div class="comments"><p>{COMMENT}</p></div>"#
    ));
    assert!(tinsach::clean_html(html.as_bytes()).is_err());
}

/// Streamed server rendering: the article is sent in a `hidden` element
/// that a script moves into place, and the shown page holds only its
/// chrome. Read with its hidden elements shown, the page has its article.
#[test]
fn article_streamed_into_a_hidden_element() {
    let html = page(&format!(
        r#"{MENU}<main><template id="B:0"></template><p>Loading…</p></main>
        <footer><p>© The Harbour Gazette</p></footer>
        <div hidden id="S:0"><article><h1>Harbour wall to be rebuilt</h1>{}</article></div>
        <script>$RC("B:0","S:0")</script>"#,
        paragraphs()
    ));
    assert_body(&article(&html));
}

/// A hidden pop-up of a line or two does not make an article of a page
/// that has none.
#[test]
fn a_hidden_line_is_no_article() {
    let html = page(&format!(
        r#"{MENU}<div hidden class="popup"><p>{COMMENT}</p></div>"#
    ));
    assert!(tinsach::clean_html(html.as_bytes()).is_err());
}

/// A single-page application (forum software above all) serves its text
/// in a `<noscript>` for readers without scripts, and shows nothing but a
/// loading screen outside it. Read as with scripting off, the page has its
/// text; a `<noscript>` in the head (styles, a pixel) stays unread.
#[test]
fn text_served_in_noscript() {
    let html = format!(
        r#"<!DOCTYPE html><html><head><title>Harbour wall to be rebuilt</title>
        <noscript><style>#splash {{ display: none }}</style></noscript></head>
        <body><section id="splash"><div class="dots"></div></section>
        <noscript><header><a href="/">The Harbour Forum</a></header>
        <div id="main-outlet"><h1>Harbour wall to be rebuilt</h1>{}</div></noscript>
        <section id="main"></section></body></html>"#,
        paragraphs()
    );
    assert_body(&article(&html));
}

/// A "please enable JavaScript" in a `<noscript>` does not make an
/// article of a page that has none.
#[test]
fn a_noscript_line_is_no_article() {
    let html = page(&format!(
        "{MENU}<noscript><p>{COMMENT}</p><img src=\"pixel.gif\"></noscript>"
    ));
    assert!(tinsach::clean_html(html.as_bytes()).is_err());
}

/// The article cut into sections that each carry a chrome name
/// ("paywalled"), after a lead that carries none: no one section holds most
/// of the page's prose, all of them together do, and they are the article.
#[test]
fn article_in_sections_under_a_chrome_name() {
    let sections: String = PARAGRAPHS
        .chunks(2)
        .map(|c| {
            format!(
                r#"<div class="section"><div class="paywalled"><p>{}</p><p>{}</p></div></div>
                <figure><img src="x.jpg"><figcaption>The harbour.</figcaption></figure>"#,
                c[0], c[1]
            )
        })
        .collect();
    let html = page(&format!(
        r#"{MENU}<main><article><h1>Harbour wall to be rebuilt</h1><p>{LEAD}</p>{sections}</article>
        </main><footer><p>© The Harbour Gazette</p></footer>"#
    ));
    let a = article(&html);
    assert_body(&a);
    assert!(a.body.iter().any(|b| b == LEAD), "{:?}", a.body);
}

/// A data table in the middle of an article: its cells are values, not
/// lines of chrome, and the article goes on across it.
#[test]
fn article_across_a_data_table() {
    let rows: String = (1..=40)
        .map(|i| {
            format!(
                "<tr><td>{i}</td><td>Berth {i}</td><td>{} m</td></tr>",
                20 + i
            )
        })
        .collect();
    let html = page(&format!(
        r#"{MENU}<main><article><h1>Harbour wall to be rebuilt</h1><p>{}</p><p>{}</p>
        <table><tr><th>No.</th><th>Berth</th><th>Length</th></tr>{rows}</table>
        <p>{}</p><p>{}</p><p>{LEAD}</p></article></main>
        <footer><p>© The Harbour Gazette</p></footer>"#,
        PARAGRAPHS[0], PARAGRAPHS[1], PARAGRAPHS[2], PARAGRAPHS[3]
    ));
    assert_body(&article(&html));
}
