//! Pages that are not one story (issue 12 and 14): a listing, a collection,
//! a service or documentation page. Their main content is what the
//! article-first classifier cuts: item titles with their summaries (teaser
//! cards, most of them links whole), short lines, lists, tables. When the
//! page is judged not an article ([`crate::kind`]), the page's main column is
//! kept whole, less what its markup says is chrome (a menu, an aside, a
//! footer, a form) and the widget labels every page carries.
//!
//! The main column is the page's `<main>` (or `[role=main]`) element: the one element that
//! says "the page's own content" whatever the page is, where a class name
//! or an `<article>` says it of a story or a card. A page without one keeps
//! the article-first answer.

use super::*;
use crate::article::PageKind;

/// The share of the main column's text (characters) under which the main
/// answer's body is not the page's content but a piece of it: a listing's
/// intro, one card's summary. At or over it the main answer found an
/// article the kind model misjudged (a story with a thin related box in its
/// `<main>`), and it stands. Measured on the tune halves: 0.5 kept the
/// non-article pages' gain (wcxb-dev-other 0.645 to 0.686, where 1.0, no
/// bound, gave 0.691 and 0.3 gave 0.683) with no article corpus's tune
/// half falling (at 1.0 readability's lost 0.001 and fundus's 0.001).
const MAIN_ANSWER_MAX_SHARE: f32 = 0.5;

/// The classifier's answer for a page that is not one story: every block of
/// the page's `<main>` element is body, except chrome by structure (inside
/// a `<nav>`, `<aside>`, `<footer>`, `<header>` or form below `<main>`), by
/// a chrome hint other than a list's (a related or teaser list is what a
/// listing is made of), or by its text (a widget label); what the main
/// answer kept as body stays body. `None` when the page has no `<main>`,
/// when the main answer's body is most of it ([`MAIN_ANSWER_MAX_SHARE`]), or
/// when the column holds fewer words than a clear run of prose
/// ([`fallback::RUN_MIN_WORDS`]): a "Loading…" where a script puts the
/// page, a search box, which must not stand in the way of reading the page
/// again ([`crate::cleaner`]).
pub(crate) fn main_column(doc: &Doc, feats: &[Features], main: &Classified) -> Option<Classified> {
    if !doc.is_html || doc.elements.is_empty() {
        return None;
    }
    let m = doc.elements.len();
    // The outermost: an element's flags hold its ancestors'.
    let c = doc
        .elements
        .iter()
        .position(|e| e.flags.has(Flags::IN_MAIN))?;
    // The elements below `main` (an element comes after its parent).
    let mut within = vec![false; m];
    within[c] = true;
    for e in c + 1..m {
        let p = doc.elements[e].parent as usize;
        if p < e && within[p] {
            within[e] = true;
        }
    }
    // What `main` itself inherits (a page wrapped in a form, a `main`
    // inside an `<article>`) says nothing of its blocks.
    let inherited = doc.elements[c].flags.0;
    let chrome_flags = Flags::IN_NAV.0
        | Flags::IN_ASIDE.0
        | Flags::IN_FOOTER.0
        | Flags::IN_HEADER.0
        | Flags::IN_FORM.0;
    let inherited_hint = doc.elements[c].hint;
    let mut labels = main.labels.clone();
    let (mut start, mut end) = (usize::MAX, 0);
    let mut kept_chars = 0usize;
    let body = (0..doc.blocks.len()).filter(|&i| main.labels[i] == Label::Body);
    let main_chars: usize = body.clone().map(|i| feats[i].chars).sum();
    let mut words: usize = body.map(|i| feats[i].words).sum();
    for (i, b) in doc.blocks.iter().enumerate() {
        let e = b.parent as usize;
        if e >= m || !within[e] {
            continue;
        }
        start = start.min(i);
        end = end.max(i + 1);
        if labels[i] == Label::Body {
            continue;
        }
        let f = &feats[i];
        let own_flags = b.flags.0 & !inherited;
        let hint = b.hint.filter(|&h| Some(h) != inherited_hint);
        let list_hint = matches!(
            hint,
            Some(Reason::RelatedList | Reason::MostRead | Reason::Teaser(_))
        );
        if own_flags & chrome_flags != 0
            || (hint.is_some() && !list_hint)
            || f.chrome().is_some()
            || f.placeholder
            || f.chars <= STRAY_MARK_CHARS
        {
            continue;
        }
        labels[i] = Label::Body;
        kept_chars += f.chars;
        words += f.words;
    }
    let column = main_chars + kept_chars;
    let minor = (main_chars as f32) < MAIN_ANSWER_MAX_SHARE * column as f32;
    (start < end && minor && words >= fallback::RUN_MIN_WORDS).then_some(Classified {
        labels,
        start: start.min(main.start),
        end: end.max(main.end),
    })
}

/// The answer for a page of this kind, when it differs from the main
/// answer: the main column ([`main_column`]) for a page judged a listing or
/// another page that is no story. A forum thread keeps the main answer: its
/// posts are its prose, which the main answer finds (the main column, tried
/// on threads, brought their chrome of user cards and vote counts).
pub(crate) fn for_kind(
    doc: &Doc,
    feats: &[Features],
    main: &Classified,
    kind: PageKind,
) -> Option<Classified> {
    match kind {
        PageKind::Listing | PageKind::Other => main_column(doc, feats, main),
        _ => None,
    }
}
