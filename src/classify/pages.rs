//! Pages that are not one story (issue 12 and 14): a listing, a collection,
//! a service or documentation page. Their main content is what the
//! article-first classifier cuts: item titles with their summaries (teaser
//! cards, most of them links whole), short lines, lists, tables. When the
//! page is judged not an article ([`crate::kind`]), the page's main column is
//! kept whole, less what its markup says is chrome (a menu, an aside, a
//! footer, a form) and the widget labels every page carries.
//!
//! The main column is the page's `<main>` (or `[role=main]`) element: the
//! one element that says "the page's own content" whatever the page is,
//! where a class name or an `<article>` says it of a story or a card. A page
//! without one gets the element whose blocks weigh most once chrome weighs
//! against ([`best_column`]), unless the main answer found a story.

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
/// the page's main column (its `<main>`, or the column found by weight when
/// the main answer found no story) is body, except chrome ([`chrome`]: by
/// region below the column, by a hint other than a list's, by its text);
/// what the main answer kept as body stays body. `None` when the page has
/// no column, when the main answer's body is most of it
/// ([`MAIN_ANSWER_MAX_SHARE`]), or when the column holds fewer words than a
/// clear run of prose ([`fallback::RUN_MIN_WORDS`]): a "Loading…" where a
/// script puts the page, a search box, which must not stand in the way of
/// reading the page again ([`crate::cleaner`]).
pub(crate) fn main_column(doc: &Doc, feats: &Feats, main: &Classified) -> Option<Classified> {
    if !doc.is_html || doc.elements.is_empty() {
        return None;
    }
    let m = doc.elements.len();
    // The outermost: an element's flags hold its ancestors'.
    let marked = doc
        .elements
        .iter()
        .position(|e| e.flags.has(Flags::IN_MAIN));
    let c = match marked {
        Some(c) => c,
        // A column found by weight alone is less sure than one the markup
        // names: a story the main answer found holds.
        None if story_words(doc, feats, main) < SCORED_COLUMN_MAX_STORY_WORDS => {
            best_column(doc, feats)?
        }
        None => return None,
    };
    // The elements below the column (an element comes after its parent).
    let mut within = vec![false; m];
    within[c] = true;
    for e in c + 1..m {
        let p = doc.elements[e].parent as usize;
        if p < e && within[p] {
            within[e] = true;
        }
    }
    // What the column itself inherits (a page wrapped in a form, a `main`
    // inside an `<article>`) says nothing of its blocks.
    let inherited = doc.elements[c].flags.0;
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
        let hint = b.hint.filter(|&h| Some(h) != inherited_hint);
        if chrome(b.flags.0 & !inherited, hint, f) {
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

/// Words of prose in the main answer's body from which it found a story
/// that a column found by weight alone ([`best_column`]) must not replace:
/// a clear run of prose, as the fallback counts it. Measured on the tune
/// halves (wcxb-dev-other): no bound cost readability-large's tune half
/// 0.041 (short stories judged listings whose page holds more teasers than
/// story); 80 words lifted the non-article pages 0.704 to 0.719, 150 words
/// to 0.732, 300 to 0.734. 300 dropped vi-synth-html's check half (0.937 to
/// 0.800), and once main's classifier changed (captions between images, the
/// comment barrier) so did 150 (0.975 to 0.913): stories with a long
/// teaser list judged listings. Admitted at 80, where no check half falls
/// (wcxb-dev-other 0.714 / 0.746 after the merge).
const SCORED_COLUMN_MAX_STORY_WORDS: usize = fallback::RUN_MIN_WORDS;

/// Words of prose in an answer's body.
fn story_words(doc: &Doc, feats: &Feats, main: &Classified) -> usize {
    (0..doc.blocks.len())
        .filter(|&i| main.labels[i] == Label::Body && feats[i].is_prose())
        .map(|i| feats[i].words)
        .sum()
}

/// Regions that are chrome on any page.
const CHROME_FLAGS: u32 = Flags::IN_NAV.0
    | Flags::IN_ASIDE.0
    | Flags::IN_FOOTER.0
    | Flags::IN_HEADER.0
    | Flags::IN_FORM.0;

/// Whether a block is chrome on a page that is no story: in a chrome region
/// (`flags`, those of the column's own inheritance taken out), under a
/// chrome hint other than a list's (a related or teaser list is what a
/// listing is made of), or by its text (a widget label).
fn chrome(flags: u32, hint: Option<Reason>, f: &Features) -> bool {
    let list_hint = matches!(
        hint,
        Some(Reason::RelatedList | Reason::MostRead | Reason::Teaser(_))
    );
    flags & CHROME_FLAGS != 0
        || (hint.is_some() && !list_hint)
        || f.chrome().is_some()
        || f.placeholder
        || f.chars <= STRAY_MARK_CHARS
}

/// The page's column when its markup names none: the element whose blocks
/// weigh most, each block its characters, for or against as it is chrome
/// ([`chrome`]).
fn best_column(doc: &Doc, feats: &Feats) -> Option<usize> {
    let m = doc.elements.len();
    let mut score = vec![0.0f32; m];
    for (i, b) in doc.blocks.iter().enumerate() {
        let e = b.parent as usize;
        if e >= m {
            continue;
        }
        let chars = feats[i].chars as f32;
        score[e] += if chrome(b.flags.0, b.hint, &feats[i]) {
            -chars
        } else {
            chars
        };
    }
    // Leaves up: an element comes after its parent.
    for e in (1..m).rev() {
        let p = doc.elements[e].parent as usize;
        if p < e {
            score[p] += score[e];
        }
    }
    // The best; on a tie the inner one (it comes later).
    let mut best: Option<usize> = None;
    for e in 1..m {
        if score[e] > 0.0 && best.is_none_or(|c| score[e] >= score[c]) {
            best = Some(e);
        }
    }
    best
}

/// The answer for a page of this kind, when it differs from the main
/// answer: the main column ([`main_column`]) for a page judged a listing or
/// another page that is no story. A forum thread keeps the main answer: its
/// posts are its prose, which the main answer finds (the main column, tried
/// on threads, brought their chrome of user cards and vote counts).
pub(crate) fn for_kind(
    doc: &Doc,
    feats: &Feats,
    main: &Classified,
    kind: PageKind,
) -> Option<Classified> {
    match kind {
        PageKind::Listing | PageKind::Other => main_column(doc, feats, main),
        _ => None,
    }
}
