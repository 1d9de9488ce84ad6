//! The second method: when the main span's body holds no clear run of
//! prose (nothing, a lead, a teaser) while the page holds one, the article
//! is found again from the page's structure alone, and the better of the
//! two answers is kept (as trafilatura chains its own extraction with a
//! Readability-style container score and a jusText-style baseline).
//!
//! The main pass trusts the markup's word on what is chrome: a class name
//! (`has-comments`, `noloaddisqus`), an `<aside>` left open around the page,
//! a `<form>` around everything, a caption context read from a utility
//! class. When such a word covers the article, every one of its paragraphs
//! weighs against the span and the page looks like it has no article. The
//! fallback weighs blocks by what they are (prose, links, short lines,
//! widget labels), never by the hints and regions of their containers:
//!
//! - HTML: every element scores the weights of the blocks below it (one pass
//!   over the blocks, one over the elements from the leaves up; an element's
//!   parent always comes before it). The best-scoring element is the
//!   article's container: its blocks are the span. A hint or region flag
//!   the container itself carries (from its own class or an ancestor's)
//!   says nothing about which of its blocks are chrome and is voided;
//!   a box inside it that is hinted (a share bar, a related list, a comment
//!   thread) is still cut by the usual rules.
//! - Text: the run of blocks with the greatest weight when teaser layouts
//!   are not held against it (the longest run of prose).

use super::*;

/// Words of prose the fallback's article must hold: a clear run of real
/// prose (about four sentences), the size from which a page must not be
/// answered "no article found" (issue 12). A lone paragraph or a teaser
/// under it is what a listing or a page of chrome holds; the fallback keeps
/// away from those. Chinese and Japanese count a word per character (see
/// `features`), so the same bound asks 80 characters of them.
pub(super) const RUN_MIN_WORDS: usize = 80;

/// Characters that make a clear run of prose in a script written without
/// spaces (Chinese, Japanese, Thai), counted on finished paragraphs where
/// words cannot be: [`RUN_MIN_WORDS`] words of about two and a half such
/// characters (issue 12's measure).
const RUN_MIN_CHARS_UNSPACED: usize = 200;

/// Whether an article's body holds a clear run of prose: [`RUN_MIN_WORDS`]
/// words, or [`RUN_MIN_CHARS_UNSPACED`] characters of a paragraph with
/// hardly a space.
pub(crate) fn clear_run(body: &[String]) -> bool {
    let words: usize = body.iter().map(|p| p.split_whitespace().count()).sum();
    words >= RUN_MIN_WORDS
        || body
            .iter()
            .filter(|p| p.split_whitespace().count() * RUN_MIN_WORDS < p.chars().count())
            .map(|p| p.chars().count())
            .sum::<usize>()
            >= RUN_MIN_CHARS_UNSPACED
}

/// The better of the main answer and the fallback's: the main answer
/// stands when its body holds a clear run of prose ([`RUN_MIN_WORDS`]); a
/// page whose main answer holds less (nothing, a lead, a teaser) while the
/// fallback finds such a run gets the fallback's. A larger container does
/// not beat a main answer that found an article: the larger one is most
/// often the article with its comment thread (whose hint the fallback
/// voids when the thread holds most of the prose).
pub(super) fn better(cx: &Ctx, main: Classified) -> Classified {
    let Ctx { doc, feats, .. } = cx;
    let body_words = |labels: &[Label]| -> usize {
        (0..doc.blocks.len())
            .filter(|&i| labels[i] == Label::Body && feats[i].is_prose())
            .map(|i| feats[i].words)
            .sum()
    };
    let main_words = body_words(&main.labels);
    if main_words >= RUN_MIN_WORDS {
        return main;
    }
    let found = if doc.is_html && !doc.elements.is_empty() {
        best_container(cx)
    } else {
        best_run(cx)
    };
    let Some(found) = found else {
        return main;
    };
    let prose_words: usize = (found.start..found.end)
        .filter(|&i| plain_prose(cx, i))
        .map(|i| feats[i].words)
        .sum();
    if prose_words < RUN_MIN_WORDS {
        return main;
    }

    let fcx = Ctx {
        doc,
        feats,
        hints: found.hints,
        teasers: cx.teasers.clone(),
        para_gap: cx.para_gap,
        link_list: cx.link_list.clone(),
        masked: found.masked,
        captions_void: found.captions_void,
    };
    let fb = label_span(&fcx, found.start, found.end);
    if body_words(&fb.labels) > main_words {
        fb
    } else {
        main
    }
}

/// The fallback's article: its span and what its container voids.
struct Found {
    start: usize,
    end: usize,
    /// The chrome hints, less those the container carries.
    hints: Vec<Option<Reason>>,
    /// The region flags the container carries.
    masked: Flags,
    /// Whether the container's "captions" are most of its prose.
    captions_void: bool,
}

/// A block's weight by what it is, whatever its containers say: the main
/// weight without hints, regions and teaser layouts.
fn plain_weight(cx: &Ctx, i: usize) -> f32 {
    let b = &cx.doc.blocks[i];
    let f = &cx.feats[i];
    let chars = f.chars as f32;
    if cx.doc.is_html && b.link_density() > LINK_DENSE {
        return -chars.min(HINTED_WEIGHT_CAP);
    }
    if cx.teasers[i] == Some(true) {
        return -chars.min(TEASER_WEIGHT_CAP);
    }
    if f.heads_list() {
        return LIST_HEAD_WEIGHT;
    }
    if f.chrome().is_some() {
        return SHORT_LINE_WEIGHT;
    }
    // A caption context is not held against a block here: it may be the
    // misread that hid the article.
    let marked = f.caption_marker && b.kind != BlockKind::Caption;
    if marked || f.placeholder || f.is_dateline() {
        return 0.0;
    }
    super::shape_weight(cx.doc, b, f)
}

/// Text input: the run of blocks of greatest plain weight.
fn best_run(cx: &Ctx) -> Option<Found> {
    let n = cx.doc.blocks.len();
    let weights: Vec<f32> = (0..n).map(|i| plain_weight(cx, i)).collect();
    let (start, end) = best_span(&weights);
    (start < end).then(|| Found {
        start,
        end,
        hints: cx.hints.clone(),
        masked: Flags::EMPTY,
        captions_void: false,
    })
}

/// HTML: the element whose blocks have the greatest plain weight, and its
/// blocks' span.
fn best_container(cx: &Ctx) -> Option<Found> {
    let doc = cx.doc;
    let m = doc.elements.len();
    let parent = |e: usize| doc.elements[e].parent as usize;
    let mut score = vec![0.0f32; m];
    // Characters of plain prose (see [`plain_prose`]) below each element.
    let mut prose = vec![0usize; m];
    // The span of each element's blocks, in `u32` as `Block::parent` (a
    // page holds fewer blocks than bytes): on a page of tiny paragraphs
    // these are made for every block's element at the peak of the clean.
    let mut first = vec![u32::MAX; m];
    let mut last = vec![0u32; m];
    for (i, b) in doc.blocks.iter().enumerate() {
        let e = b.parent as usize;
        if e >= m {
            continue;
        }
        score[e] += plain_weight(cx, i);
        if plain_prose(cx, i) {
            prose[e] += cx.feats[i].chars;
        }
        first[e] = first[e].min(i as u32);
        last[e] = last[e].max(i as u32 + 1);
    }
    // Leaves up: an element comes after its parent in `elements`.
    for e in (1..m).rev() {
        let p = parent(e);
        if p >= e {
            continue;
        }
        score[p] += score[e];
        prose[p] += prose[e];
        first[p] = first[p].min(first[e]);
        last[p] = last[p].max(last[e]);
    }
    // The best container; on a tie the inner one (it comes later).
    let mut best: Option<usize> = None;
    for e in 0..m {
        if first[e] < last[e] && score[e] > 0.0 && best.is_none_or(|c| score[e] >= score[c]) {
            best = Some(e);
        }
    }
    let c = best?;
    let (start, end) = (first[c] as usize, last[c] as usize);
    // The article's core: the innermost element inside the container that
    // holds most of its prose (those that do make a chain from the
    // container down; the innermost comes last). What the core carries, its
    // own class and its ancestors', is said of the whole article and is
    // void; what starts below it (a share bar, a related box, a comment
    // thread beside the text) holds.
    let mut within = vec![false; m];
    within[c] = true;
    let mut core = c;
    for e in c + 1..m {
        let p = parent(e);
        if p < e && within[p] {
            within[e] = true;
            if 2 * prose[e] > prose[c] {
                core = e;
            }
        }
    }
    // Whether an element lies below the core, and a hint starts below it:
    // at an element whose parent does not carry it.
    let mut below = vec![false; m];
    let mut own = vec![false; m];
    below[core] = true;
    for e in core + 1..m {
        let p = parent(e);
        if p < e && below[p] {
            below[e] = true;
            let h = doc.elements[e].hint;
            own[e] = own[p] || (h.is_some() && h != doc.elements[p].hint);
        }
    }
    let mut hints = cx.hints.clone();
    let mut caption_chars = 0;
    for i in start..end {
        let b = &doc.blocks[i];
        let e = b.parent as usize;
        if e >= m {
            continue;
        }
        // Below the core, a hint of the block's own (an inline box) or of
        // an element below the core holds; the core's was said of the
        // whole article. Beside the core (a headline, a share bar, a
        // comment thread in the same container) every hint holds.
        if below[e] && !own[e] && b.hint == doc.elements[e].hint {
            hints[i] = None;
        }
        if below[e] && b.kind == BlockKind::Caption && plain_prose(cx, i) {
            caption_chars += cx.feats[i].chars;
        }
    }
    Some(Found {
        start,
        end,
        hints,
        masked: Flags(doc.elements[core].flags.0 & (OFF_ARTICLE.0 | Flags::IN_FIGURE.0)),
        captions_void: 2 * caption_chars > prose[core],
    })
}

/// Prose that is not a list of links: what the article's text is made of.
fn plain_prose(cx: &Ctx, i: usize) -> bool {
    cx.feats[i].is_prose() && cx.doc.blocks[i].link_density() <= LINK_DENSE
}
