//! Stage 4: classify every block as body or chrome, with the reason.
//!
//! One classifier serves both input shapes. It works in three steps, in the
//! spirit of trafilatura's and jusText's stage-wise pipelines:
//!
//! 1. **Weigh** each block: running prose weighs its length, widget labels,
//!    menus, link lists and hinted boxes weigh against.
//! 2. **Find the article's span**: the run of blocks with the greatest total
//!    weight (a maximum-sum subarray). The article is one contiguous span of
//!    prose in reading order on every news page; chrome sits around it and,
//!    when inside it, is short and cut below.
//! 3. **Label** every block: outside the span by what it is (navigation
//!    above, footer and lists below); inside, widgets, teasers, captions and
//!    placeholders are cut, the rest is body.
//! 4. **Fall back** when the body holds no clear run of prose: the article
//!    is found again from the page's structure alone, its container scored
//!    by the weights of what its blocks are, whatever the markup's hints say
//!    of the container (see [`fallback`]); the better answer is kept.

// Blocks, features and labels are parallel arrays addressed by index.
#![allow(clippy::needless_range_loop)]

mod fallback;
pub(crate) mod pages;
pub(crate) use fallback::clear_run;
pub(crate) mod features;

use std::collections::HashMap;

use crate::article::Reason;
use crate::block::{BlockKind, Doc, Flags};
use crate::classify::features::{Feats, Features};
use crate::data::chrome::CAPTION_CREDIT_MAX_CHARS;

/// The verdict on one block.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Label {
    /// Part of the article body.
    Body,
    /// Cut, for this reason (captions are cut from the body and kept apart).
    Cut(Reason),
}

/// The classifier's output: a label per block and the article's span.
#[derive(Debug, Clone)]
pub(crate) struct Classified {
    pub labels: Vec<Label>,
    /// Index of the first and one past the last block of the article span.
    pub start: usize,
    pub end: usize,
}

impl Classified {
    /// Cuts the given blocks for the given reasons: the blocks a later step
    /// (the metadata reader) consumed as a headline, dateline, byline….
    pub(crate) fn relabel(&mut self, relabels: &[(usize, Reason)]) {
        for &(i, reason) in relabels {
            self.labels[i] = Label::Cut(reason);
        }
    }
}

/// A short line that is neither prose nor a known widget weighs this much
/// against the span: enough that runs of menu items keep the span out, small
/// enough that a subheading between two paragraphs does not split it.
const SHORT_LINE_WEIGHT: f32 = -12.0;

/// Weight of a widget label that heads a list: a list of teasers below it
/// must not be bridged into the body unless the article goes on for several
/// paragraphs after it.
const LIST_HEAD_WEIGHT: f32 = -150.0;

/// Link density above which an HTML block is a link list item rather than
/// prose. Body paragraphs link a name or two (density under 0.3); teaser
/// titles and menus are links whole.
pub(crate) const LINK_DENSE: f32 = 0.5;

/// A hinted container (other than comments) that holds more than this share
/// of the page's prose is the article's own column under an unlucky class
/// name ("sidebar-1", "read-more-content"): its hint is void. Real chrome boxes hold a small part
/// of a page's prose; the article holds most of it.
const HINT_VOID_SHARE: f32 = 0.5;

/// The chrome hint of each block, voided where the hinted container holds
/// most of the page's prose, or where boxes of one kind that follow one
/// another, each without a linked title, hold it together: the article cut
/// into sections that each carry the same unlucky name ("paywalled").
fn effective_hints(doc: &Doc, feats: &Feats) -> Vec<Option<Reason>> {
    let mut hints: Vec<Option<Reason>> = doc.blocks.iter().map(|b| b.hint).collect();
    if doc.elements.is_empty() {
        return hints;
    }
    let m = doc.elements.len();
    let mut prose = vec![0usize; m];
    // Link titles (blocks that are links through) under each element.
    let mut link_titles = vec![0u32; m];
    let mut total = 0usize;
    for (b, f) in doc.blocks.iter().zip(feats) {
        if b.link_density() > LINK_DENSE {
            let mut e = b.parent as usize;
            while e < m {
                link_titles[e] += 1;
                let p = doc.elements[e].parent as usize;
                if p == e {
                    break;
                }
                e = p;
            }
        }
        if !f.is_prose() {
            continue;
        }
        total += f.chars;
        let mut e = b.parent as usize;
        // Walk up to the root; depth is bounded by the parser's limit.
        loop {
            if e >= m {
                break;
            }
            prose[e] += f.chars;
            let p = doc.elements[e].parent as usize;
            if p == e {
                break;
            }
            e = p;
        }
    }
    if total == 0 {
        return hints;
    }
    // Each hinted block's origin: the outermost ancestor that carries the
    // same hint.
    let mut origins: Vec<Option<usize>> = vec![None; doc.blocks.len()];
    for (i, b) in doc.blocks.iter().enumerate() {
        // A comment thread is the one box that often outgrows the article;
        // its hint always holds.
        let Some(h) = b.hint.filter(|h| *h != Reason::Comments) else {
            continue;
        };
        let mut e = b.parent as usize;
        while e < m {
            if doc.elements[e].hint == Some(h) {
                origins[i] = Some(e);
            }
            let p = doc.elements[e].parent as usize;
            if p == e {
                break;
            }
            e = p;
        }
    }
    // Boxes of one kind that follow one another with no other prose
    // between them (a figure, an ad or a short line of another kind may
    // stand between) are one box: an article cut into sections that each
    // carry the same name. Each such run's prose is summed over its
    // distinct boxes.
    let mut run_of: Vec<usize> = vec![usize::MAX; m];
    let mut runs: Vec<usize> = Vec::new();
    let mut open: Option<(Reason, usize)> = None;
    for (i, b) in doc.blocks.iter().enumerate() {
        match (b.hint, origins[i]) {
            (Some(h), Some(o)) => {
                let run = match open {
                    Some((k, r)) if k == h => r,
                    _ if !feats[i].is_prose() && open.is_some() => continue,
                    _ => {
                        runs.push(0);
                        open = Some((h, runs.len() - 1));
                        runs.len() - 1
                    }
                };
                // A box with a linked title (a teaser card and its
                // summary) is no section of an article.
                if run_of[o] == usize::MAX && link_titles[o] == 0 {
                    run_of[o] = run;
                    runs[run] += prose[o];
                }
            }
            _ if feats[i].is_prose() => open = None,
            _ => {}
        }
    }
    let most = |chars: usize| chars as f32 > HINT_VOID_SHARE * total as f32;
    let article_box = longest_prose_run(doc, feats)
        .and_then(|(a, z)| origins[a].filter(|&o| (a..z).all(|i| origins[i] == Some(o))));
    for i in 0..doc.blocks.len() {
        let Some(o) = origins[i] else {
            continue;
        };
        let run = runs.get(run_of[o]).copied().unwrap_or(0);
        if most(prose[o]) || most(run) || article_box == Some(o) {
            hints[i] = None;
        }
    }
    hints
}

/// Paragraphs of prose in a row that make a whole article's text, with
/// [`ARTICLE_RUN_MIN_CHARS`]. A chrome box holds a paragraph or two of
/// prose (a newsletter prompt, a paywall notice, a teaser's summary);
/// three in a row, one after another with nothing between, are an
/// article's body.
const ARTICLE_RUN_MIN_BLOCKS: usize = 3;

/// Characters of the prose run of [`ARTICLE_RUN_MIN_BLOCKS`]: three short
/// paragraphs of a news story. Measured on the tune halves: 400 and 600
/// void the same boxes (a story in a modal over a home page lifts
/// readability-large's tune mean from 0.828 to 0.885; no check half moves).
const ARTICLE_RUN_MIN_CHARS: usize = 400;

/// The page's longest run of prose blocks in a row (by characters), if it
/// is long enough to be an article's body. The box that holds all of it is
/// the article's, whatever its class name says: a snapshot taken with the
/// story open in a modal over the home page has the story in the "modal",
/// and the home page's teasers around it hold more prose in all.
fn longest_prose_run(doc: &Doc, feats: &Feats) -> Option<(usize, usize)> {
    let mut best: Option<(usize, usize, usize)> = None;
    let mut i = 0;
    while i < doc.blocks.len() {
        if !feats[i].is_prose() || doc.blocks[i].link_density() > LINK_DENSE {
            i += 1;
            continue;
        }
        let a = i;
        let mut chars = 0;
        while i < doc.blocks.len()
            && feats[i].is_prose()
            && doc.blocks[i].link_density() <= LINK_DENSE
        {
            chars += feats[i].chars;
            i += 1;
        }
        if best.is_none_or(|(_, _, c)| chars > c) {
            best = Some((a, i, chars));
        }
    }
    best.filter(|&(a, z, c)| z - a >= ARTICLE_RUN_MIN_BLOCKS && c >= ARTICLE_RUN_MIN_CHARS)
        .map(|(a, z, _)| (a, z))
}

/// What every rule reads: the blocks, their features, and the page-level
/// facts computed once.
struct Ctx<'a> {
    doc: &'a Doc<'a>,
    feats: &'a Feats<'a, 'a>,
    /// Chrome hints, voided where they cover the article's column.
    hints: Vec<Option<Reason>>,
    /// Membership of related-article groups (see [`teaser_groups`]).
    teasers: Vec<Option<bool>>,
    /// The usual number of blank lines between paragraphs (text input).
    para_gap: u32,
    /// Link-heavy blocks that are items of a list of links (HTML): cut
    /// inside the span. A link-heavy item of a list whose other items are
    /// plain text is content (a changelog, a list of sources).
    link_list: Vec<bool>,
    /// Markup flags voided for every block: those the fallback's container
    /// (see [`fallback`]) carries itself, which say nothing about which of
    /// its blocks are chrome. Empty for the main pass.
    masked: Flags,
    /// Whether the caption context of blocks is void: the fallback's
    /// container is mostly "captions", a misread (see [`fallback`]).
    captions_void: bool,
}

impl Ctx<'_> {
    /// Block `i`'s markup flags, less the voided ones.
    fn flags(&self, i: usize) -> Flags {
        Flags(self.doc.blocks[i].flags.0 & !self.masked.0)
    }

    /// Whether block `i` is a caption by its markup (a `figcaption`, a
    /// caption cell).
    fn caption_kind(&self, i: usize) -> bool {
        self.doc.blocks[i].kind == BlockKind::Caption && !self.captions_void
    }

    /// Whether block `i` carries a caption mark; a voided caption context
    /// marks nothing.
    fn caption_marker(&self, i: usize) -> bool {
        self.feats[i].caption_marker
            && !(self.captions_void && self.doc.blocks[i].kind == BlockKind::Caption)
    }
}

/// A page of at most this many blocks, with no prose, is a fragment and is
/// returned whole: five lines leave no room for a menu, a footer and an
/// article to be told apart.
const TINY_PAGE: usize = 5;

/// Share of link-heavy items at or above which a list is a list of links.
/// A link box (a table of contents, a related list, a menu) is links all
/// through, bar a label or the entry of the page itself: two items in three
/// or more, so that a box of three or four items with one plain label still
/// counts. A list of content that links a source or a bug in many of its
/// items (release notes, a list of references) has plain items among them,
/// often half or more, and inside the span its items are body. Measured on
/// all four fixture sets: only English pages change; from 0.5 to 0.62 and
/// above, two lists of notes whose items are links at 50 to 80 % give their
/// linked items back to the body their gold counts them in (readability
/// mean F1 rises); at 0.3 a list of notes loses items. Vietnamese pages do
/// not change from 0.4 to 1.0: their related boxes are links in every item.
const LINK_LIST_SHARE: f32 = 0.65;

/// Marks the link-heavy blocks that belong to lists made mostly of links.
fn link_lists(doc: &Doc) -> Vec<bool> {
    let mut stats: HashMap<u32, (u32, u32)> = HashMap::new();
    for (i, b) in doc.blocks.iter().enumerate() {
        if b.flags.has(Flags::IN_LIST) {
            let e = stats.entry(doc.holder(i)).or_default();
            e.0 += 1;
            e.1 += u32::from(b.link_density() > LINK_DENSE);
        }
    }
    doc.blocks
        .iter()
        .enumerate()
        .map(|(i, b)| {
            if b.link_density() <= LINK_DENSE {
                return false;
            }
            if !b.flags.has(Flags::IN_LIST) {
                return true;
            }
            let (items, dense) = stats.get(&doc.holder(i)).copied().unwrap_or((1, 1));
            dense as f32 >= LINK_LIST_SHARE * items as f32
        })
        .collect()
}

/// Words the longest plain block of a page with no run of prose needs to be
/// its article: about one short sentence. Menu entries stay under it (on the
/// Vietnamese fixture pages navigation lines have two words at the median,
/// four or fewer nine times in ten); link lists are kept out by their link
/// density as well. No fixture reaches this fallback with a choice to make:
/// from 0 to 40 words the output does not change.
const LONE_BLOCK_MIN_WORDS: usize = 8;

pub(crate) fn classify(doc: &Doc, feats: &Feats) -> Classified {
    let n = doc.blocks.len();
    let mut labels = vec![Label::Body; n];
    let cx = Ctx {
        doc,
        feats,
        hints: effective_hints(doc, feats),
        teasers: teaser_groups(doc, feats),
        para_gap: paragraph_gap(doc, feats),
        link_list: link_lists(doc),
        masked: Flags::EMPTY,
        captions_void: false,
    };
    let weights: Vec<f32> = (0..n).map(|i| weight(&cx, i)).collect();
    let (mut start, mut end) = best_span(&weights);
    if start == end {
        // No run of prose at all: a page of one short text. The longest
        // block that is plain text (no widget, no link list) is the article.
        if let Some(i) = (0..n)
            .filter(|&i| {
                let b = &doc.blocks[i];
                feats[i].words >= LONE_BLOCK_MIN_WORDS
                    && feats[i].chrome().is_none()
                    && cx.teasers[i].is_none()
                    && cx.hints[i].is_none()
                    && b.link_density() <= LINK_DENSE
            })
            .max_by_key(|&i| feats[i].chars)
        {
            (start, end) = (i, i + 1);
        } else if n <= TINY_PAGE {
            // A fragment of a page: a few short lines and nothing around
            // them to tell chrome from text. All of it that is not a known
            // widget is the article.
            for i in 0..n {
                labels[i] = match (feats[i].chrome(), cx.hints[i]) {
                    (Some(r), _) | (None, Some(r)) => Label::Cut(r),
                    (None, None) => Label::Body,
                };
            }
            return Classified {
                labels,
                start: 0,
                end: n,
            };
        }
    }

    let end = comments_barrier(&cx, &weights, start, end);
    // Four bytes a block, not needed past here: the labels and the
    // fallback's own weights are made next, with every block in memory.
    drop(weights);
    let main = label_span(&cx, start, end);
    fallback::better(&cx, main)
}

/// Prose weight (about characters of prose) that must stand in the span
/// before a comment thread's header for the header to end the article: a
/// story's worth, three short paragraphs. A header nearer the top is a
/// count beside the headline ("12 comments") with the story after it.
/// Measured on the tune halves: a share of the span (half its weight)
/// instead leaves the long threads in, which outweigh their story.
const BARRIER_MIN_BEFORE: f32 = 400.0;

/// Ends the span at a comment thread's header ("Comments", "59 Comments on
/// …", "Leave a reply"): readers' posts read as prose, and a long thread
/// outweighs the lines of chrome between it and the story, so the span ran
/// on through it. The header must follow a story's worth of prose.
fn comments_barrier(cx: &Ctx, weights: &[f32], start: usize, end: usize) -> usize {
    let mut before = 0.0;
    for i in start..end {
        if before >= BARRIER_MIN_BEFORE
            && (cx.feats[i].chrome() == Some(Reason::Comments) || share_bar(cx, i, end))
        {
            return i;
        }
        before += weights[i].max(0.0);
    }
    end
}

/// Lines of share buttons in a row that close a story in a text rendering
/// ("Facebook", "Twitter", "Email", "Print"…): the bar under the article,
/// after which come tags, related stories and the thread. Measured on
/// wcxb-dev-text's tune half: 3 cuts the last lines of a few stories whose
/// bar stands inside them (recall falls); 4 and 5 keep them and cut the
/// promos after the bar (tune 0.895 -> 0.896, check unchanged).
const SHARE_BAR_MIN: usize = 4;

/// Whether a bar of [`SHARE_BAR_MIN`] share buttons starts at block `i`
/// (text input: in HTML the bar's markup says so already).
fn share_bar(cx: &Ctx, i: usize, end: usize) -> bool {
    !cx.doc.is_html
        && i + SHARE_BAR_MIN <= end
        && (i..i + SHARE_BAR_MIN).all(|k| cx.feats[k].chrome() == Some(Reason::FollowShare))
}

/// Labels every block given the article's span: inside and outside it by
/// their rules, then the span widened over a lead above it and its
/// container's plain blocks, and the lists and cards inside it cut.
fn label_span(cx: &Ctx, start: usize, end: usize) -> Classified {
    let Ctx { doc, feats, .. } = cx;
    let mut labels: Vec<Label> = (0..doc.blocks.len())
        .map(|i| {
            if i >= start && i < end {
                inside(cx, i)
            } else {
                outside(cx, i, i < start)
            }
        })
        .collect();
    let start = recover_lead(cx, &mut labels, start);
    let (start, end) = same_container(cx, &mut labels, start, end);
    list_followers(feats, &mut labels, start, end);
    if doc.is_html {
        captions_between_images(cx, &mut labels, start, end);
    } else {
        photo_captions(cx, &mut labels, start, end);
        trailing_teasers(cx, &mut labels, start, end);
    }
    captions_over_credits(cx, &mut labels);
    if doc.is_html {
        linked_heading_cards(cx, &mut labels, start, end);
    }
    closing_card(doc, feats, &mut labels, start, end);
    Classified { labels, start, end }
}

/// Words the first line of a pair printed twice needs to be an article
/// title: the floor of [`Features::title_like`], for the pair is a title
/// printed twice (an image's alt text and its link). One- and two-word
/// lines printed twice are buttons and menu entries (a share button, the
/// "A" of font-size buttons, a close "×"), which pages print twice often
/// (a desktop and a mobile copy). Measured on all four fixture sets: 0 to 5
/// change no output (a lone pair is left to the other rules anyway); at 6 a
/// five-word related title falls out of its list, which splits (one removal
/// reason changes).
const TITLE_PAIR_MIN_WORDS: usize = crate::classify::features::TITLE_MIN_WORDS;

/// Words a plain line under a title pair needs to be the pair's teaser (its
/// summary) and join its group; a line that trails off ("…") joins whatever its
/// length. Joining is what chains a list: a group that takes in its summary
/// ends where the next pair starts. A summary is a sentence, while the other
/// lines that stand under a title are names and dates (a byline, a byline
/// with its date), menu entries or a caption's third copy, a handful of
/// words; eight words is a short sentence and more than a name with a date
/// has. Measured on all four fixture sets: the shortest summary has 17 words
/// and the other lines six at most; 0 to 12 change no output; at 20 a
/// 17-word summary stays out and its list splits (one removal reason
/// changes).
const TEASER_LINE_MIN_WORDS: usize = 8;

/// Adjacent title groups that make a list of related articles. One group
/// alone is as often a headline or a caption printed twice with the lead or
/// a paragraph of the article under it; two in a row are a list. Measured
/// on all four fixture sets: at 1 those paragraphs are cut as teasers (ten
/// pages change; a Vietnamese text page loses a tenth of its body and a
/// floor of `tests/quality.rs` fails); 3 changes no output.
const LIST_MIN_GROUPS: usize = 2;

/// Most words of the kicker a teaser card prints before its title in the
/// link (and then the title alone as its heading): a topic or a section, one
/// to three words ("Landwirtschaft", "Fragen und Antworten").
const CARD_KICKER_MAX_WORDS: usize = 3;

/// Teaser membership of each block: `Some(true)` for a title or teaser of a
/// related-article group, `Some(false)` for a caption printed twice.
///
/// A related list prints each title twice (image alt and link) with a
/// teaser after; a caption printed twice is followed by body prose. Two or
/// more groups in a row, or a group whose teaser trails off ("…"), make a
/// list.
fn teaser_groups(doc: &Doc, feats: &Feats) -> Vec<Option<bool>> {
    let n = doc.blocks.len();
    let mut out = vec![None; n];
    // A title printed twice, the first time maybe after its kicker (a
    // card's link reads "Topic Title", its heading "Title").
    let same = |a: usize, b: usize| {
        let (ka, kb) = (feats[a].key, feats[b].key);
        ka == kb
            || (feats[b].words >= TITLE_PAIR_MIN_WORDS
                && ka.len() > kb.len()
                && ka.ends_with(kb)
                && ka[..ka.len() - kb.len()].ends_with(' ')
                && ka[..ka.len() - kb.len()]
                    .split(' ')
                    .filter(|w| !w.is_empty())
                    .count()
                    <= CARD_KICKER_MAX_WORDS)
    };
    let mut i = 0;
    let mut groups: Vec<(usize, usize)> = Vec::new();
    while i + 1 < n {
        if same(i, i + 1) && feats[i].words >= TITLE_PAIR_MIN_WORDS && !feats[i].is_prose() {
            // A title pair, maybe followed by a teaser line that is not itself
            // the start of the next pair.
            let mut end = i + 2;
            // The card's date may stand between its title and its teaser.
            if end + 1 < n
                && (feats[end].chrome() == Some(Reason::Dateline) || feats[end].is_dateline())
            {
                end += 1;
            }
            if end < n && !(end + 1 < n && same(end, end + 1)) && feats[end].chrome().is_none() {
                let t = &doc.blocks[end].text;
                if t.ends_with("...")
                    || t.ends_with('…')
                    || feats[end].words >= TEASER_LINE_MIN_WORDS
                {
                    end += 1;
                }
            }
            groups.push((i, end));
            i = end;
        } else {
            i += 1;
        }
    }
    let mut g = 0;
    while g < groups.len() {
        // Collect a run of adjacent groups.
        let mut h = g + 1;
        while h < groups.len() && card_gap(feats, groups[h - 1].1, groups[h].0) {
            h += 1;
        }
        let run = &groups[g..h];
        if h - g >= LIST_MIN_GROUPS {
            // The short lines between cards ("more", "with video") are the
            // cards' own.
            for slot in out.iter_mut().take(groups[h - 1].1).skip(groups[g].0) {
                *slot = Some(true);
            }
        }
        for &(s, e) in run {
            // Three lines are a pair and its teaser line: only a group that
            // took one in can trail off.
            let trails = e - s == 3 && {
                let t = &doc.blocks[e - 1].text;
                t.ends_with("...") || t.ends_with('…')
            };
            let is_list = run.len() >= LIST_MIN_GROUPS || trails;
            if is_list {
                for slot in out.iter_mut().take(e).skip(s) {
                    *slot = Some(true);
                }
            } else if feats[s].caption_marker {
                // Only the pair is the caption; a third line is the body.
                out[s] = Some(false);
                out[s + 1] = Some(false);
            }
            // A lone pair without a caption mark (a headline printed twice,
            // a "back to" link) is left to the other rules.
        }
        g = h;
    }
    out
}

/// Most lines between two title groups of one list: a card prints a "more"
/// link and a media mark ("with video") under its teaser, and the next card
/// its image's caption and media mark before its title.
const CARD_GAP_MAX_LINES: usize = 4;

/// Whether the lines from `end` (one group's end) to `next` (the next
/// group's start) keep the two groups in one list: at most
/// [`CARD_GAP_MAX_LINES`] of them, none a sentence of prose.
fn card_gap(feats: &Feats, end: usize, next: usize) -> bool {
    next >= end
        && next - end <= CARD_GAP_MAX_LINES
        && (end..next)
            .all(|k| feats[k].chrome().is_some() || feats[k].words < TEASER_LINE_MIN_WORDS)
}

/// The usual gap between prose paragraphs: the most common `gap_before` of
/// prose blocks (text input separates paragraphs by one blank line, some
/// scrapes by none).
fn paragraph_gap(doc: &Doc, feats: &Feats) -> u32 {
    // Gaps of three blank lines or more count as three: only the most
    // common gap matters, and it is one (text) or none (HTML) on every
    // fixture page (a cap of 1 or 2 changes no output).
    let mut counts = [0usize; 4];
    for (b, f) in doc.blocks.iter().zip(feats) {
        if f.is_prose() {
            counts[(b.gap_before as usize).min(3)] += 1;
        }
    }
    (0..4)
        .max_by_key(|&g| (counts[g], std::cmp::Reverse(g)))
        .unwrap_or(1) as u32
}

/// Inside page-level navigation, footer, aside or a form: never the
/// article's text.
fn off_article(flags: Flags) -> bool {
    flags.0 & OFF_ARTICLE.0 != 0
}

/// The flags of page-level chrome regions (see [`off_article`]).
const OFF_ARTICLE: Flags =
    Flags(Flags::IN_NAV.0 | Flags::IN_FOOTER.0 | Flags::IN_ASIDE.0 | Flags::IN_FORM.0);

/// Most a block of a related-article group weighs against the span: it
/// weighs its length, as prose weighs for it, up to this. The cap never
/// binds on the fixtures (their longest teaser line has 150 characters; from
/// 0 to 100 000 the output does not change), so its value is not measured:
/// it holds what one long line taken for a teaser can cost an article it
/// stands in to about one paragraph (the median Vietnamese gold paragraph
/// has 211 characters).
const TEASER_WEIGHT_CAP: f32 = 200.0;

/// Most a hinted-out or link-dense HTML block weighs against the span. Like
/// [`TEASER_WEIGHT_CAP`] it bounds what one long block (a comment, a table of
/// links) can cost an article it stands in, here to about what one and a
/// half paragraphs earn: the article goes on across it when enough prose
/// follows. Not measured either: 21 such blocks on the fixture pages are
/// longer, yet from 100 to 100 000 the output does not change; at 0 (such
/// blocks weigh nothing) the span runs into chrome on eight English pages
/// (readability precision drops).
const HINTED_WEIGHT_CAP: f32 = 300.0;

/// Words from which a sentence too short to be prose (it ends like one but
/// has under 10 words or 70 characters) weighs for the span, at
/// [`SHORT_SENTENCE_SHARE`] of its length; shorter ones weigh as any short
/// line. Chrome that ends like a sentence is short: sign-offs and prompts
/// ("Posted by" and a name, "Thanks for reading.", "Xem thêm.", "Read
/// more.") have four words or fewer, while a sentence that closes or breaks
/// up an article says something of its own: a subject, a verb, what it is
/// about and one more word, five at the least. Measured on all four
/// fixture sets: at 4 a sign-off joins a blog's body; 6 changes no output;
/// at 7 and 8 short closing lines of an interview and of English pages
/// fall out of their spans (seeds and readability recall drop).
const SHORT_SENTENCE_MIN_WORDS: usize = 5;

/// Share of its length a short sentence (see [`SHORT_SENTENCE_MIN_WORDS`])
/// weighs for the span: half, less than prose of its length would, for a
/// short sentence is weaker evidence of the article (a closing remark, a
/// caption-like line) yet more than a short line's penalty. Measured on all
/// four fixture sets: 0.6 and 0.75 change no output; at 0.4 one page's span
/// loses a two-word line (not gold body); at 0.25 closing paragraphs of
/// three English pages are lost (readability recall drops); at 1.0 the span
/// of one text page climbs over its kicker, headline and byline (a headline
/// is missed and `tests/quality.rs` fails).
const SHORT_SENTENCE_SHARE: f32 = 0.5;

/// Multiplier of the weight of text inside `<article>` or a container whose
/// class, id or itemprop names article content: the markup's own word that
/// the article is there. It is strong evidence but not proof: sites put
/// their share bar, author box, related list and comment thread inside
/// `<article>` too. So the boost is half again, under what would make a
/// short sentence inside the markup weigh as much as prose of its length
/// outside it (`ARTICLE_MARKUP_BOOST * SHORT_SENTENCE_SHARE < 1`, checked
/// when the crate compiles): the markup strengthens prose, it does not turn short lines
/// into paragraphs. Measured on all four fixture sets: from 1.0 to 1.4 a
/// blog post whose body is broken up by lists and short lines is cut in two
/// (it loses a third of its body; readability mean F1 drops); 1.6 changes
/// no output; from 1.9 one page's span reaches its comment controls (a
/// comments button read as an author). No Vietnamese page changes.
const ARTICLE_MARKUP_BOOST: f32 = 1.5;

// The relation [`ARTICLE_MARKUP_BOOST`]'s value rests on.
const _: () = assert!(ARTICLE_MARKUP_BOOST * SHORT_SENTENCE_SHARE < 1.0);

fn weight(cx: &Ctx, i: usize) -> f32 {
    let Ctx {
        doc,
        feats,
        hints,
        teasers,
        para_gap,
        ..
    } = cx;
    let para_gap = *para_gap;
    let b = &doc.blocks[i];
    let f = &feats[i];
    let chars = f.chars as f32;
    if teasers[i] == Some(true) {
        return -chars.min(TEASER_WEIGHT_CAP);
    }
    if f.heads_list() {
        return LIST_HEAD_WEIGHT;
    }
    if f.chrome().is_some() {
        return SHORT_LINE_WEIGHT;
    }
    if doc.is_html {
        let hinted_out = hints[i].is_some_and(|r| r != Reason::Caption) || off_article(cx.flags(i));
        if hinted_out || b.link_density() > LINK_DENSE {
            return -chars.min(HINTED_WEIGHT_CAP);
        }
    } else if tight_teaser(doc, feats, para_gap, i) {
        return -chars;
    }
    if cx.caption_marker(i) || f.placeholder || f.is_dateline() {
        return 0.0;
    }
    shape_weight(doc, b, f)
}

/// What a block that is neither chrome, a caption, a placeholder nor a
/// dateline weighs by its shape: running prose by its length, a short
/// sentence by part of it, a table cell nothing, another short line
/// against; article markup boosts what weighs for. Shared by [`weight`]
/// and the fallback's container score ([`fallback`]).
pub(crate) fn shape_weight(doc: &Doc, b: &crate::block::Block, f: &Features) -> f32 {
    let chars = f.chars as f32;
    let base = if f.is_prose() {
        chars
    } else if f.terminal && f.words >= SHORT_SENTENCE_MIN_WORDS {
        chars * SHORT_SENTENCE_SHARE
    } else if b.kind == BlockKind::Cell {
        TABLE_CELL_WEIGHT
    } else if b.kind == BlockKind::ListItem && f.words >= SHORT_SENTENCE_MIN_WORDS {
        LIST_ITEM_WEIGHT
    } else {
        SHORT_LINE_WEIGHT
    };
    if doc.is_html && base > 0.0 && article_markup(b.flags) {
        base * ARTICLE_MARKUP_BOOST
    } else {
        base
    }
}

/// Weight of a table cell that is neither prose nor links: a value of a
/// data table ("$175,000", "3 (tie)", a school's name) is no line of
/// chrome, and a table of a hundred such cells inside an article must not
/// weigh as a hundred menu entries and cut the article in two. It weighs
/// nothing either way: the table belongs to whatever stands around it.
/// Cells of layout tables that hold menus are links, and weigh against as
/// link lists (see [`LINK_DENSE`]). Measured on the tune half: neutral
/// cells only inside `<article>` or a content-named container lift three
/// pages; cells anywhere lift one more and lower none.
const TABLE_CELL_WEIGHT: f32 = 0.0;

/// Weight of a list item of plain words (not links, not chrome) that is
/// neither prose nor a sentence: a step of a checklist, a point of a list of
/// facts ("Book music – DJ or band secured"). Such items, by the dozen,
/// stand inside the article; weighed as short lines they cut it in two
/// at its first long list. A menu or a related box is links and weighs
/// against before this is read. Measured on the tune halves: 0 lifts WCXB
/// dev's tune mean by 0.004 (checklist and how-to pages) and moves no other
/// corpus; a small positive weight (a quarter or half of its length, or 6)
/// lowers fundus, whose list items after the article are plain too.
const LIST_ITEM_WEIGHT: f32 = 0.0;

/// Inside `<article>` or a container named for article content: its prose
/// weighs [`ARTICLE_MARKUP_BOOST`] times its length.
fn article_markup(flags: Flags) -> bool {
    flags.0 & (Flags::IN_ARTICLE.0 | Flags::CONTENT_HINT.0) != 0
}

/// Text input whose paragraphs are set apart by blank lines: a title line
/// with a prose line pressed right under it is a teaser card (title and
/// summary), not a paragraph.
fn tight_teaser(doc: &Doc, feats: &Feats, para_gap: u32, i: usize) -> bool {
    if para_gap == 0 {
        return false;
    }
    // The card stands apart from what precedes it (a blank line); a
    // headline pressed onto its lead does not.
    // The layout first: the byline and date tests are the dear ones, and
    // few lines sit over prose pressed right under them.
    let title_then_prose = |t: usize| {
        t + 1 < doc.blocks.len()
            && doc.blocks[t].gap_before >= 1
            && doc.blocks[t + 1].gap_before == 0
            && feats[t + 1].is_prose()
            && (t + 2 >= doc.blocks.len() || doc.blocks[t + 2].gap_before == 0)
            && feats[t].title_like()
            && feats[t].chrome().is_none()
            && feats[t].names().is_none()
            && !feats[t].is_dateline()
    };
    title_then_prose(i) || (i > 0 && title_then_prose(i - 1))
}

/// The span of blocks with the greatest total weight (Kadane's algorithm).
fn best_span(weights: &[f32]) -> (usize, usize) {
    let (mut best, mut best_span) = (0.0f32, (0, 0));
    let (mut sum, mut start) = (0.0f32, 0);
    for (i, &w) in weights.iter().enumerate() {
        if sum <= 0.0 {
            sum = 0.0;
            start = i;
        }
        sum += w;
        if sum > best {
            best = sum;
            best_span = (start, i + 1);
        }
    }
    best_span
}

/// Longest block that a caption mark (a photo credit, "Ảnh: …") makes a
/// caption when it reads as prose inside the span, or anywhere outside it; a
/// longer one stays text, a paragraph that ends in a credit. A caption is a
/// sentence or two about its photo; past two long sentences a block is a
/// paragraph that names its source. Measured on all four fixture sets: the
/// longest gold caption has 189 characters and the longest caption-marked
/// block 199; 200 to 1000 change no output; at 100 two captions of 106 and
/// 119 characters stay in a body (a floor of `tests/quality.rs` fails), and
/// captions of 123 and 194 characters outside the span lose their caption
/// reason.
const CAPTION_MAX_CHARS: usize = 300;

/// Longest block that is a stray mark rather than text: one character, an
/// image's leftover one-letter alt text in a scrape, a close "×", a bullet;
/// a line right under such a mark may be the image's caption. Two
/// characters already make a word or a number a reader needs ("Mỹ", "OK", a
/// table's "12"). Measured on all four fixture sets: at 0 the one-letter
/// stand-in of an image joins a text page's body and the caption under it
/// is missed (`tests/quality.rs` fails); at 2 (the value before) two-digit
/// cells of an English page's table are cut, which its gold keeps; at 3
/// three-letter words and numbers are cut on 16 English pages (readability
/// recall drops). No Vietnamese page changes from 1 to 3.
const STRAY_MARK_CHARS: usize = 1;

/// The label of a block inside the article span.
fn inside(cx: &Ctx, i: usize) -> Label {
    let Ctx {
        doc,
        feats,
        hints,
        teasers,
        para_gap,
        link_list,
        ..
    } = cx;
    let para_gap = *para_gap;
    let f = &feats[i];
    if let Some(t) = teasers[i] {
        return Label::Cut(teaser_group_reason(t, f));
    }
    if let Some(r) = f.chrome() {
        return Label::Cut(r);
    }
    if f.placeholder {
        return Label::Cut(Reason::ImagePlaceholder);
    }
    if cx.caption_marker(i) && (!f.is_prose() || f.chars <= CAPTION_MAX_CHARS) {
        return Label::Cut(Reason::Caption);
    }
    if f.chars <= STRAY_MARK_CHARS {
        return Label::Cut(Reason::ImagePlaceholder);
    }
    if doc.is_html {
        if cx.caption_kind(i) || cx.flags(i).has(Flags::IN_FIGURE) {
            return Label::Cut(Reason::Caption);
        }
        if let Some(r) = hints[i] {
            return Label::Cut(r);
        }
        if off_article(cx.flags(i)) {
            return Label::Cut(Reason::Boilerplate);
        }
        if link_list[i] && !f.is_prose() {
            return Label::Cut(Reason::RelatedList);
        }
    } else {
        if tight_teaser(doc, feats, para_gap, i) {
            return Label::Cut(teaser_reason(f));
        }
        if isolated_caption(doc, feats, para_gap, i) {
            return Label::Cut(Reason::Caption);
        }
    }
    Label::Body
}

/// Most words of a line that its layout alone (see [`isolated_caption`])
/// makes a caption: a caption is a sentence or two about a photo (the
/// longest on the fixture pages has 32 words); the limit is what keeps a
/// paragraph that follows an extra blank line in a body. Measured on all
/// four fixture sets: at 20 two captions of 23 words stay in a body
/// (`tests/quality.rs` fails), at 10 one of 11 words too; 30 to 1000
/// change no output, for on the fixture pages no body paragraph stands
/// where a caption does.
const ISOLATED_CAPTION_MAX_WORDS: usize = 35;

/// Most characters of a line that its layout alone makes a caption: the
/// ceiling of [`Features::title_like`], for a caption is a line of about a
/// title's length (the longest on the fixture pages has 189 characters) and
/// a longer line set apart by blank lines is a paragraph. Measured on all
/// four fixture sets: at 100 two captions of 113 and 117 characters stay in
/// a body; 150 to 10 000 change no output.
const ISOLATED_CAPTION_MAX_CHARS: usize = crate::classify::features::TITLE_MAX_CHARS;

/// A short line standing alone between image gaps: more blank lines before
/// it than between paragraphs (where the image was), or right under a stray
/// image marker, with no sentence run-on.
fn isolated_caption(doc: &Doc, feats: &Feats, para_gap: u32, i: usize) -> bool {
    let f = &feats[i];
    if f.words > ISOLATED_CAPTION_MAX_WORDS
        || f.chars > ISOLATED_CAPTION_MAX_CHARS
        || f.credit.is_some()
    {
        return false;
    }
    let b = &doc.blocks[i];
    let after_marker = i > 0 && feats[i - 1].chars <= STRAY_MARK_CHARS && b.gap_before == 0;
    let wide_gap = u32::from(b.gap_before) > para_gap && para_gap >= 1;
    let next_apart = i + 1 >= doc.blocks.len() || doc.blocks[i + 1].gap_before >= 1;
    // The byline test last: it is the dear one.
    (after_marker || wide_gap) && next_apart && f.names().is_none()
}

/// Most characters of a line that its place alone (see [`photo_captions`])
/// makes a photo's caption: a caption is one sentence about its photo, a
/// line of a short paragraph's length; the paragraphs of a news article
/// run longer (the median Vietnamese gold paragraph has 211 characters),
/// and a one-sentence line past this is a paragraph however it stands.
const PHOTO_CAPTION_MAX_CHARS: usize = 120;

/// Fewest captions in a row after the lead that make a photo story when
/// each is long enough to pass for a paragraph: a lead followed by photos,
/// each under its one-sentence caption. One or two short sentences after a
/// lead can be the article's own; three one-sentence lines in a row, each
/// shorter than a paragraph, and the article resuming after them, are the
/// captions of a row of photos.
const PHOTO_RUN_MIN: usize = 3;

/// Shaped like a photo's caption: one sentence closed by a full stop, at
/// most [`PHOTO_CAPTION_MAX_CHARS`], not an item of a list ("- …", "a) …"),
/// not a quotation, not names or a known widget.
fn caption_shaped(cx: &Ctx, i: usize) -> bool {
    let f = &cx.feats[i];
    let t: &str = &cx.doc.blocks[i].text;
    f.chars <= PHOTO_CAPTION_MAX_CHARS
        && f.words >= SHORT_SENTENCE_MIN_WORDS
        && t.ends_with('.')
        && !t.ends_with("..")
        && one_sentence(t)
        && !list_item(t)
        && !t.starts_with(['"', '“', '\'', '‘', '«', '('])
        && f.chrome().is_none()
        && !f.placeholder
        && f.credit.is_none()
        && f.names().is_none()
}

/// Whether a text holds one sentence: no stop inside it followed by a
/// space and a capital.
fn one_sentence(t: &str) -> bool {
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, '.' | '!' | '?' | '…') && chars.peek() == Some(&' ') {
            chars.next();
            if chars.peek().is_some_and(|n| n.is_uppercase()) {
                return false;
            }
        }
    }
    true
}

/// Whether a line opens with a dash or a bullet.
fn bulleted(t: &str) -> bool {
    t.starts_with(['-', '–', '—', '+', '•', '*', '·'])
}

/// Whether a line opens like an item of a list: a dash or a bullet, or a
/// number of one or two digits or a small letter closed by a bracket or a
/// stop ("a)", "(2)", "3.").
fn list_item(t: &str) -> bool {
    if bulleted(t) {
        return true;
    }
    let open = t.strip_prefix('(').unwrap_or(t);
    let Some(k) = open.find([')', '.']) else {
        return false;
    };
    let mark = &open[..k];
    // One or two digits, or one small letter: "3.", "(2)", "a)". Not an
    // abbreviation such as "TP.".
    let digits = (1..=2).contains(&mark.len()) && mark.bytes().all(|b| b.is_ascii_digit());
    let letter = mark.chars().count() == 1 && mark.chars().all(char::is_lowercase);
    digits || letter
}

/// Lines between images that make a row of captioned photos (see
/// [`captions_between_images`]). Measured on the tune halves: at 1 a
/// one-sentence closing paragraph after the story's last photo is cut
/// (fundus); 2 and 3 cut the same captions of photo stories.
const IMAGE_CAPTIONS_MIN: usize = 2;

/// Photo captions in HTML read from where they stand: a caption-shaped
/// line (see [`caption_shaped`]) with an image right before it and another
/// right after it (or the article's end) is the first image's caption, set
/// as a plain paragraph, as old layouts and photo stories do (a lead, then
/// photos, each under its one-sentence caption). A paragraph of the story
/// is longer than a caption or stands against other text. A page needs
/// [`IMAGE_CAPTIONS_MIN`] such lines: one short sentence between two
/// images can be the story's own.
fn captions_between_images(cx: &Ctx, labels: &mut [Label], start: usize, end: usize) {
    let Ctx { doc, .. } = cx;
    let between: Vec<usize> = (start..end.saturating_sub(1))
        .filter(|&i| {
            labels[i] == Label::Body
                && doc.blocks[i].gap_before >= 1
                && doc.blocks[i + 1].gap_before >= 1
                && caption_shaped(cx, i)
        })
        .collect();
    if between.len() >= IMAGE_CAPTIONS_MIN {
        for i in between {
            labels[i] = Label::Cut(Reason::Caption);
        }
    }
}

/// Photo captions in a scraped text, read from where they stand; the
/// image itself left nothing in the text.
///
/// - **After the lead**: Vietnamese news pages (and many others) set the
///   lead, then the photos, each under its caption, then the body. Right
///   after the span's first paragraph, a run of caption-shaped lines (see
///   [`caption_shaped`]) followed by a paragraph is a row of captions when
///   it has [`PHOTO_RUN_MIN`] lines or more, or when every line in it is
///   shorter than a paragraph (a lone short sentence between the lead and
///   the body is the lead photo's caption).
/// - **Over a subheading**: a paragraph stands apart by blank lines on both
///   sides; a caption-shaped line with a blank line before it and a
///   subheading pressed right under it is not a paragraph but the caption of
///   a photo closing a section (a `<figure>` renders without the blank lines
///   a `<p>` has).
fn photo_captions(cx: &Ctx, labels: &mut [Label], start: usize, end: usize) {
    let Ctx { doc, feats, .. } = cx;
    let body = |labels: &[Label], i: usize| labels[i] == Label::Body;
    // After the lead.
    if let Some(lead) = (start..end).find(|&i| body(labels, i) && feats[i].is_prose()) {
        let first = lead + 1;
        let mut j = first;
        while j < end && body(labels, j) && caption_shaped(cx, j) {
            j += 1;
        }
        let run = j - first;
        let resumes = j < end && body(labels, j) && feats[j].is_prose();
        let short = (first..j).all(|k| !feats[k].is_prose());
        if run > 0 && resumes && (run >= PHOTO_RUN_MIN || short) {
            for k in first..j {
                labels[k] = Label::Cut(Reason::Caption);
            }
        }
    }
    // Over a subheading.
    if cx.para_gap == 0 {
        return;
    }
    for i in start..end.saturating_sub(2) {
        let (next, after) = (&doc.blocks[i + 1], i + 2);
        if body(labels, i)
            && doc.blocks[i].gap_before >= 1
            && next.gap_before == 0
            && feats[i + 1].title_like()
            && feats[i + 1].chrome().is_none()
            && feats[after].is_prose()
            && caption_shaped(cx, i)
        {
            labels[i] = Label::Cut(Reason::Caption);
        }
    }
}

/// A photo's credit alone on its line: the block opens with a caption
/// marker and its colon ("Image: Jane Doe", "Ảnh: Thế Anh").
fn credit_only(f: &Features) -> bool {
    f.caption_marker
        && f.key
            .split_once(':')
            .is_some_and(|(head, _)| crate::data::chrome::CAPTION_MARKERS.contains(&head.trim()))
}

/// HTML: captions that no markup names. A caption whose credit the page
/// set on a line of its own: the
/// block right after an image (its `gap_before`) and right before a credit
/// line ([`credit_only`]) is that image's caption: the credit names the
/// image's author, and what stands between an image and its credit is what
/// the image shows (up to [`CAPTION_MAX_CHARS`], the bound of a caption).
/// And a line under an image that reads as its caption
/// ([`untitled_caption`]).
fn captions_over_credits(cx: &Ctx, labels: &mut [Label]) {
    let Ctx { doc, feats, .. } = cx;
    if !doc.is_html {
        return;
    }
    for i in 0..doc.blocks.len().saturating_sub(1) {
        if labels[i] == Label::Body
            && doc.blocks[i].gap_before >= 1
            && feats[i].chars <= CAPTION_MAX_CHARS
            && credit_only(&feats[i + 1])
        {
            labels[i] = Label::Cut(Reason::Caption);
        }
    }
    let n = doc.blocks.len();
    for i in 0..n {
        if labels[i] == Label::Body && untitled_caption(cx, labels, i) {
            labels[i] = Label::Cut(Reason::Caption);
        }
    }
}

/// Fewest and most words of a line that its place under an image makes a
/// caption (see [`untitled_caption`]). A caption says who or what is shown
/// and doing what, a clause of seven words or more ("Chelsea fans produced
/// a banner backing Conor Gallagher"); the article's labels that an image
/// may stand over are shorter ("In a paragraph", a product's name, a
/// kicker). Past 25 words a line without a stop is a paragraph cut short
/// (a link or a list follows), not a caption. Seen on tune pages while the
/// rule was built: with a title's floor of three words, labels under
/// images and videos left two bodies (a readability page, a wcxb-dev
/// product list); without the upper bound, paragraphs closed by an inline
/// list left another.
const UNTITLED_CAPTION_WORDS: std::ops::RangeInclusive<usize> = 7..=25;

/// HTML: a line right under an image (its `gap_before`) that does not end
/// a sentence, with the article's text going on under it (the next block,
/// or the one after a short credit line, a body paragraph), is the image's
/// caption: the article's paragraphs end in stops, and its subheadings are
/// headings or bold. Only inside the article's markup (`<article>`, a
/// content class), where an image is the article's own; not a list item,
/// not linked, no colon (a label, "Best for: …"), not names or a date.
fn untitled_caption(cx: &Ctx, labels: &[Label], i: usize) -> bool {
    let Ctx { doc, feats, .. } = cx;
    let (b, f) = (&doc.blocks[i], &feats[i]);
    let n = doc.blocks.len();
    let resumes = || {
        let mut j = i + 1;
        if j < n && !feats[j].is_prose() && feats[j].chars <= CAPTION_CREDIT_MAX_CHARS {
            j += 1;
        }
        j < n && labels[j] == Label::Body && feats[j].is_prose()
    };
    b.gap_before >= 1
        && matches!(b.kind, BlockKind::Paragraph | BlockKind::Line)
        && !b.flags.has(Flags::BOLD)
        && b.flags.0 & (Flags::IN_ARTICLE.0 | Flags::CONTENT_HINT.0) != 0
        && UNTITLED_CAPTION_WORDS.contains(&f.words)
        && f.title_like()
        && b.link_density() == 0.0
        && !b.text.contains(':')
        && !list_item(&b.text)
        && resumes()
        && f.names().is_none()
        && !f.is_dateline()
}

/// The reason of a block in a teaser group: a title or teaser of a related
/// list (`true`), or a caption printed twice (`false`); see `teaser_groups`.
fn teaser_group_reason(teaser: bool, f: &Features) -> Reason {
    if teaser {
        teaser_reason(f)
    } else {
        Reason::Caption
    }
}

fn teaser_reason(f: &Features) -> Reason {
    match f.teaser_kind() {
        crate::article::TeaserKind::Article => Reason::RelatedList,
        kind => Reason::Teaser(kind),
    }
}

/// The label of a block outside the article span.
fn outside(cx: &Ctx, i: usize, before: bool) -> Label {
    let Ctx {
        doc,
        feats,
        hints,
        teasers,
        ..
    } = cx;
    let b = &doc.blocks[i];
    let f = &feats[i];
    if let Some(t) = teasers[i] {
        return Label::Cut(teaser_group_reason(t, f));
    }
    if let Some(r) = f.chrome() {
        return Label::Cut(r);
    }
    if f.placeholder {
        return Label::Cut(Reason::ImagePlaceholder);
    }
    if f.caption_marker && f.chars <= CAPTION_MAX_CHARS {
        return Label::Cut(Reason::Caption);
    }
    if let Some(r) = hints[i] {
        return Label::Cut(r);
    }
    if b.flags.has(Flags::IN_FOOTER) {
        return Label::Cut(Reason::Footer);
    }
    if before {
        return Label::Cut(Reason::Navigation);
    }
    if f.title_like() || b.link_density() > LINK_DENSE {
        return Label::Cut(teaser_reason(f));
    }
    Label::Cut(Reason::Boilerplate)
}

/// Lines listed under a widget label inside the span ("TIN LIÊN QUAN"
/// followed by two titles) belong to the widget: every following block
/// that is not prose, up to the next prose paragraph.
fn list_followers(feats: &Feats, labels: &mut [Label], start: usize, end: usize) {
    let mut i = start;
    while i < end {
        if feats[i].heads_list() {
            let reason = feats[i]
                .label
                .map(|(r, _)| r)
                .unwrap_or(Reason::RelatedList);
            let mut j = i + 1;
            while j < end && labels[j] == Label::Body && !feats[j].is_prose() && feats[j].chars > 0
            {
                labels[j] = Label::Cut(if reason == Reason::RelatedList {
                    teaser_reason(&feats[j])
                } else {
                    reason
                });
                j += 1;
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Most body blocks a teaser card holds under its linked title besides its
/// byline or date: a summary and a kicker (captions and credits are cut
/// already and not counted).
const LINKED_CARD_MAX_BLOCKS: usize = 2;

/// Most words of those blocks together: a summary of a sentence or two and
/// a byline. An item of a list article says more under its heading.
const LINKED_CARD_MAX_WORDS: usize = 60;

/// Cards in a row that make a list of teasers rather than an article's
/// linked subheadings.
const LINKED_CARD_MIN_RUN: usize = 3;

/// Link share from which a heading is a link whole.
const LINKED_HEADING_MIN: f32 = 0.9;

/// Teaser cards inside the span of an HTML page: a heading that is a link
/// whole, at most a short summary, and a byline or a date that closes the
/// card; then, after a few short lines at most (a kicker, a photo's
/// credit), the next card, [`LINKED_CARD_MIN_RUN`] times or more. An article's
/// own subheadings are not links; the items of a list article (a product
/// round-up) are, but they are not signed or dated each.
fn linked_heading_cards(cx: &Ctx, labels: &mut [Label], start: usize, end: usize) {
    let Ctx { doc, feats, .. } = cx;
    let linked = |i: usize| {
        matches!(doc.blocks[i].kind, BlockKind::Heading(_))
            && doc.blocks[i].link_density() >= LINKED_HEADING_MIN
    };
    // A card says who wrote it or when: a list article's items do not.
    let signed = |k: usize| {
        matches!(labels[k], Label::Cut(Reason::Byline | Reason::Dateline))
            || feats[k].is_dateline()
            || feats[k].names().is_some()
    };
    // Each card: (its heading, the end of its blocks: its byline or date).
    let mut cards: Vec<(usize, usize)> = Vec::new();
    let mut i = start;
    while i < end {
        if !linked(i) {
            i += 1;
            continue;
        }
        let (mut j, mut blocks, mut words) = (i + 1, 0, 0);
        let mut sign = None;
        while j < end && !matches!(doc.blocks[j].kind, BlockKind::Heading(_)) {
            if signed(j) {
                sign = Some(j);
                break;
            }
            if labels[j] == Label::Body {
                blocks += 1;
                words += feats[j].words;
            }
            j += 1;
        }
        match sign {
            Some(s) if blocks <= LINKED_CARD_MAX_BLOCKS && words <= LINKED_CARD_MAX_WORDS => {
                cards.push((i, s + 1));
                i = s + 1;
            }
            _ => i = j.max(i + 1),
        }
    }
    if cards.len() < LINKED_CARD_MIN_RUN {
        return;
    }
    let body_words: usize = (start..end)
        .filter(|&k| labels[k] == Label::Body)
        .map(|k| feats[k].words)
        .sum();
    let mut g = 0;
    while g < cards.len() {
        let mut h = g + 1;
        while h < cards.len() && card_gap(feats, cards[h - 1].1, cards[h].0) {
            h += 1;
        }
        let run = cards[g].0..cards[h - 1].1;
        let run_words: usize = run
            .clone()
            .filter(|&k| labels[k] == Label::Body)
            .map(|k| feats[k].words)
            .sum();
        // Cards that hold most of what the span keeps are the page's content
        // (a blog's index, a listing): not cut here (see [`holds_most`]).
        if h - g >= LINKED_CARD_MIN_RUN && !holds_most(run_words, body_words) {
            for k in run {
                if labels[k] == Label::Body {
                    labels[k] = Label::Cut(teaser_reason(&feats[k]));
                }
            }
        }
        g = h;
    }
}

/// Whether a run of teasers holds half or more of the words the span keeps:
/// then it is the page's content (a listing, a blog's index, a service
/// page's features), not a list around a story, whose own text outweighs
/// the teasers beside it. Measured on the text path: at a third or a
/// quarter WCXB's non-article renderings keep a little more (check 0.646
/// against 0.645 at a half) and the stories give back part of their gain
/// (fundus-text check 0.855 against 0.859).
fn holds_most(run_words: usize, span_words: usize) -> bool {
    run_words * 2 >= span_words
}

/// Most words of a teaser's summary: a sentence or two. A paragraph of an
/// article's closing runs longer as often as not; the cut below stops at
/// two such lines in a row anyway.
const TEASER_SUMMARY_MAX_WORDS: usize = 40;

/// Teasers with a summary under their title that make a list at the end of
/// the span: fewer are a closing subheading or two.
const TRAILING_TEASERS_MIN: usize = 3;

/// A list of teasers closing the span of a text: titles (a line shaped
/// like one), each with at most a one- or two-sentence summary under it
/// and short lines (a kicker, a time, a name) around, to the span's end.
/// Without links or markup, a text shows its teaser list only so: title,
/// summary, title, summary. The list starts at the first title after which
/// no two summaries stand in a row (an article's closing paragraphs do), and
/// it must hold [`TRAILING_TEASERS_MIN`] titles with a summary.
fn trailing_teasers(cx: &Ctx, labels: &mut [Label], start: usize, end: usize) {
    let feats = cx.feats;
    let body: Vec<usize> = (start..end).filter(|&i| labels[i] == Label::Body).collect();
    // A quotation under a name is a testimonial or a pull quote, the
    // page's own: a teaser's summary is the desk's sentence.
    let summary = |f: &Features| {
        f.words >= TEASER_LINE_MIN_WORDS
            && f.words <= TEASER_SUMMARY_MAX_WORDS
            && !f.title_like()
            && !f.key.starts_with(['“', '"', '„', '«', '「', '\''])
    };
    let short = |f: &Features| f.words < TEASER_LINE_MIN_WORDS && !f.title_like();
    // Walk back over the body: the earliest title of the list, the titles
    // with a summary, whether a summary waits for its title, and how many
    // short lines stand in a row (one: a kicker, a time or a name; two or
    // more: a list of items, which teasers do not print).
    let (mut first, mut with_summary, mut waiting, mut shorts) = (None, 0, false, 0);
    let mut k = body.len();
    // A line of hard-wrapped prose is shaped like a title; the next line
    // goes on with its sentence in small letters.
    let wrapped = |k: usize| {
        body.get(k + 1).is_some_and(|&j| {
            cx.doc.blocks[j]
                .text
                .chars()
                .next()
                .is_some_and(char::is_lowercase)
        })
    };
    // A bulleted item ("- ", "• ") is the article's: teasers are not
    // bulleted. (Numbered lines are: a most-read list counts its titles.)
    let item = |k: usize| bulleted(&cx.doc.blocks[body[k]].text);
    while k > 0 {
        let f = &feats[body[k - 1]];
        if item(k - 1) {
            break;
        }
        if f.title_like() && !wrapped(k - 1) {
            first = Some(k - 1);
            with_summary += usize::from(waiting);
            (waiting, shorts) = (false, 0);
        } else if summary(f) && !waiting {
            (waiting, shorts) = (true, 0);
        } else if short(f) && shorts == 0 {
            shorts = 1;
        } else {
            break;
        }
        k -= 1;
    }
    if with_summary < TRAILING_TEASERS_MIN {
        return;
    }
    if let Some(mut first) = first {
        // The first title's kicker.
        if k < first && short(&feats[body[first - 1]]) {
            first -= 1;
        }
        // A list that holds most of what the span keeps is the page's
        // content (a listing, an index), not a list closing a story.
        let words = |range: &[usize]| range.iter().map(|&i| feats[i].words).sum::<usize>();
        if holds_most(words(&body[first..]), words(&body)) {
            return;
        }
        for &i in &body[first..] {
            labels[i] = Label::Cut(teaser_reason(&feats[i]));
        }
    }
}

/// How many body blocks at the end of the span are searched for a related
/// card: a card is a title and a summary, and may be followed by one more
/// line (a byline) before the span ends.
const CARD_TAIL: usize = 3;

/// A related-article card closing the article: a title whose text the page
/// prints again elsewhere (in a list of links), followed only by its summary.
fn closing_card(doc: &Doc, feats: &Feats, labels: &mut [Label], start: usize, end: usize) {
    let body: Vec<usize> = (start..end).filter(|&i| labels[i] == Label::Body).collect();
    let tail = &body[body.len().saturating_sub(CARD_TAIL)..];
    for (k, &i) in tail.iter().enumerate() {
        if body.len() <= CARD_TAIL {
            return;
        }
        let key = &feats[i].key;
        let elsewhere = feats[i].title_like()
            && (0..doc.blocks.len()).any(|j| (j < start || j >= end) && feats[j].key == *key);
        // Or, in HTML, a title that is a link whole, the summary under it.
        let link_title = doc.is_html
            && i > 0
            && matches!(labels[i - 1], Label::Cut(Reason::RelatedList))
            && doc.blocks[i - 1].link_density() > LINK_DENSE
            && k + 1 == tail.len();
        if link_title {
            labels[i] = Label::Cut(teaser_reason(&feats[i]));
            return;
        }
        if elsewhere {
            for &j in &tail[k..] {
                if feats[j].names().is_none() {
                    labels[j] = Label::Cut(teaser_reason(&feats[j]));
                }
            }
            return;
        }
    }
}

/// How far above the span a lead may stand, in blocks: a related box of a
/// label and a few titles can sit between the lead and the article's body.
const LEAD_REACH: usize = 8;

/// Takes back a lead paragraph cut off from the span by a widget between it
/// and the body ("TIN LIÊN QUAN" and two titles): prose above the span,
/// separated from it only by chrome, and not itself hinted or a link list.
fn recover_lead(cx: &Ctx, labels: &mut [Label], start: usize) -> usize {
    let Ctx {
        doc,
        feats,
        hints,
        teasers,
        ..
    } = cx;
    let mut new_start = start;
    let mut j = start;
    while j > 0 && start - j < LEAD_REACH {
        j -= 1;
        let b = &doc.blocks[j];
        let f = &feats[j];
        if b.kind == BlockKind::Heading(1) {
            break;
        }
        let clean_prose = f.is_prose()
            && hints[j].is_none()
            && teasers[j].is_none()
            && f.chrome().is_none()
            && b.link_density() <= LINK_DENSE
            && b.flags.0 & (Flags::IN_NAV.0 | Flags::IN_FOOTER.0 | Flags::IN_ASIDE.0) == 0;
        let chrome = f.chrome().is_some()
            || teasers[j].is_some()
            || hints[j].is_some()
            || b.link_density() > LINK_DENSE;
        if clean_prose {
            new_start = j;
        } else if !chrome {
            break;
        }
    }
    for i in new_start..start {
        labels[i] = inside(cx, i);
    }
    new_start
}

/// Widens the span over plain blocks of the same container as its first and
/// last blocks: a paragraph cut into fragments by `<br>`s, a short closing
/// line. Stops at anything that is chrome, a heading of level 1, or in
/// another container.
fn same_container(cx: &Ctx, labels: &mut [Label], start: usize, end: usize) -> (usize, usize) {
    let Ctx {
        doc,
        feats,
        hints,
        teasers,
        ..
    } = cx;
    if !doc.is_html || start >= end {
        return (start, end);
    }
    // The element that holds a block's own element: the list of a list
    // item, the column of a paragraph.
    let plain = |j: usize, boundary: usize| {
        let b = &doc.blocks[j];
        (b.parent == doc.blocks[boundary].parent || doc.holder(j) == doc.holder(boundary))
            && b.kind != BlockKind::Heading(1)
            && feats[j].chrome().is_none()
            && teasers[j].is_none()
            && hints[j].is_none()
            && b.link_density() <= LINK_DENSE
    };
    let mut s = start;
    while s > 0 && plain(s - 1, start) {
        s -= 1;
    }
    let mut e = end;
    while e < doc.blocks.len() && plain(e, end - 1) {
        e += 1;
    }
    for i in (s..start).chain(end..e) {
        labels[i] = inside(cx, i);
    }
    (s, e)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label of every line of a scraped text.
    fn labels_of(text: &str) -> Vec<(String, Label)> {
        let doc = crate::text::segment(text);
        let keys = features::Keys::of(&doc);
        let feats = features::compute(&doc, &keys);
        let cls = classify(&doc, &feats);
        doc.blocks
            .iter()
            .zip(cls.labels)
            .map(|(b, l)| (b.text.to_string(), l))
            .collect()
    }

    const LEAD: &str = "Sáng nay, hội chợ nông sản của tỉnh đã khai mạc tại quảng trường trung tâm với sự tham gia của hơn hai trăm gian hàng đến từ khắp các huyện trong tỉnh.";
    const PARA_1: &str = "Theo ban tổ chức, hội chợ kéo dài năm ngày và dự kiến đón khoảng năm mươi nghìn lượt khách. Nhiều doanh nghiệp đã ký được hợp đồng tiêu thụ ngay trong ngày đầu tiên.";
    const PARA_2: &str = "Ông Nguyễn Văn Hùng, một người bán hàng, cho biết năm nay sức mua tốt hơn năm ngoái. Giá các mặt hàng trái cây cũng ổn định hơn nhờ nguồn cung dồi dào từ các nhà vườn.";
    const PARA_3: &str = "Bên cạnh các gian hàng, hội chợ còn có nhiều hoạt động văn hóa, ẩm thực và hội thảo về xây dựng thương hiệu cho nông sản địa phương trong thời gian tới.";

    /// The lines of a scraped text kept as body.
    fn body_of(text: &str) -> Vec<String> {
        labels_of(text)
            .into_iter()
            .filter(|(_, l)| *l == Label::Body)
            .map(|(t, _)| t)
            .collect()
    }

    /// Which lines are cut as captions, by their text.
    fn captions(text: &str) -> Vec<String> {
        labels_of(text)
            .into_iter()
            .filter(|(_, l)| *l == Label::Cut(Reason::Caption))
            .map(|(t, _)| t)
            .collect()
    }

    #[test]
    fn captions_between_images_in_html() {
        let captions = [
            "Người dân xếp hàng dài trước cổng hội chợ từ sáng sớm để mua đặc sản.",
            "Gian hàng trái cây của các nhà vườn thu hút đông khách tham quan.",
            "Các em nhỏ thích thú với khu trưng bày nông cụ truyền thống.",
        ];
        let page = |captions: &[&str]| {
            let mut html =
                format!("<html><body><article><h1>Hội chợ nông sản khai mạc</h1><p>{LEAD}</p>");
            for c in captions {
                html.push_str(&format!(r#"<img src="a.jpg"><p>{c}</p>"#));
            }
            html.push_str(&format!(
                r#"<img src="b.jpg"><p>{PARA_1}</p><p>{PARA_2}</p></article></body></html>"#
            ));
            crate::clean_html(html.as_bytes()).unwrap()
        };
        let a = page(&captions);
        assert_eq!(a.body, [LEAD, PARA_1, PARA_2]);
        assert_eq!(a.captions, captions);
        // One short sentence between two images may be the story's own.
        let a = page(&captions[..1]);
        assert_eq!(a.body, [LEAD, captions[0], PARA_1, PARA_2]);
    }

    #[test]
    fn teaser_cards_under_linked_headings_in_html() {
        let card = |k: usize| {
            format!(
                r#"<h2><a href="/s{k}">Hội chợ thứ {k} mở cửa đón khách</a></h2>\
                 <p>Hội chợ thứ {k} của tỉnh có hơn một trăm gian hàng đặc sản của các huyện và \
                 nhiều hoạt động văn hóa cho du khách.</p><p>Bởi Minh An</p>"#
            )
        };
        let cards: String = (1..=4).map(card).collect();
        let page = |cards: &str| {
            let html = format!(
                "<html><body><article><h1>Hội chợ nông sản khai mạc</h1><p>{LEAD}</p><p>{PARA_1}</p>\
                 <p>{PARA_2}</p>{cards}<p>{PARA_3}</p></article></body></html>"
            );
            crate::clean_html(html.as_bytes()).unwrap().body
        };
        assert_eq!(page(&cards), [LEAD, PARA_1, PARA_2, PARA_3]);
        // Two linked headings are not yet a list: left to the other rules.
        let two: String = (1..=2).map(card).collect();
        assert!(page(&two).len() > 4);
        // Cards that are most of the page (a blog's index) are its content.
        let index = format!("<html><body><article><p>{LEAD}</p>{cards}</article></body></html>");
        let body = crate::clean_html(index.as_bytes()).unwrap().body;
        assert!(
            body.iter().any(|p| p.starts_with("Hội chợ thứ 1 của tỉnh")),
            "{body:?}"
        );
    }

    #[test]
    fn a_comment_thread_after_the_article_ends_it() {
        let comment = |k: usize| {
            format!(
                "Bạn đọc {k}\n\nTôi đã đến hội chợ này hôm qua và thấy giá cả khá hợp lý, hàng hóa \
                 phong phú, nhân viên nhiệt tình, năm sau chắc chắn sẽ quay lại lần nữa.\n\nTrả lời"
            )
        };
        let comments: Vec<String> = (0..8).map(comment).collect();
        let text = format!(
            "{LEAD}\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\n8 bình luận\n\n{}",
            comments.join("\n\n")
        );
        assert_eq!(body_of(&text), [LEAD, PARA_1, PARA_2, PARA_3]);
    }

    #[test]
    fn comment_headers_in_other_languages_end_it() {
        let comment = "Ich war gestern auf dem Markt und fand die Preise recht günstig, das Angebot reich und die Verkäufer freundlich; nächstes Jahr komme ich bestimmt wieder.";
        for header in [
            "12 Kommentare",
            "Commentaires (3)",
            "Comentarios",
            "5 reacties",
        ] {
            let text = format!(
                "{LEAD}\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\n{header}\n\n{comment}\n\n{comment} 2"
            );
            assert_eq!(body_of(&text), [LEAD, PARA_1, PARA_2, PARA_3], "{header}");
        }
    }

    #[test]
    fn teaser_cards_with_a_kicker_before_their_title() {
        // Each card: media mark, the link "Kicker Title", the heading
        // "Title", its date, its summary, a "more" link.
        let card = |k: usize| {
            format!(
                "mit Video\nRegion Neue Regeln für den Markt im Kreis {k} ab Montag\n\
                 Neue Regeln für den Markt im Kreis {k} ab Montag\n21.04.2023 | 13:09 Uhr\n\n\
                 Im Kreis {k} gelten seit Freitag für viele Händler strenge Regeln, die der Rat \
                 nach langem Streit beschlossen hat.\n\nmehr"
            )
        };
        let cards: Vec<String> = (1..=3).map(card).collect();
        let text = format!(
            "{LEAD}\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\n{}",
            cards.join("\n")
        );
        assert_eq!(body_of(&text), [LEAD, PARA_1, PARA_2, PARA_3]);
    }

    #[test]
    fn a_teaser_list_closing_a_text() {
        let teaser = |k: usize| {
            format!(
                "Giao thông\nHà Nội mở thêm tuyến xe buýt số {k} nối hai quận\n\
                 Từ tuần sau, người dân hai quận có thêm một tuyến xe buýt đi qua trung tâm thành phố."
            )
        };
        let teasers: Vec<String> = (1..=4).map(teaser).collect();
        let text = format!(
            "{LEAD}\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\n{}",
            teasers.join("\n\n")
        );
        assert_eq!(body_of(&text), [LEAD, PARA_1, PARA_2, PARA_3]);
        // A checklist's subheadings with short paragraphs and lists of
        // items are the article's own.
        let section = |k: usize| {
            format!(
                "Bước {k}: chuẩn bị giấy tờ cần thiết\n\nỞ bước thứ {k}, người dân cần mang theo đủ các loại giấy tờ sau khi đến làm thủ tục tại trụ sở phường.\n\n\
                 - Căn cước công dân số {k}\n\n- Sổ hộ khẩu số {k}"
            )
        };
        let sections: Vec<String> = (1..=4).map(section).collect();
        let text = format!(
            "{LEAD}\n\n{PARA_1}\n\n{}\n\n{PARA_3}",
            sections.join("\n\n")
        );
        let body = body_of(&text);
        assert_eq!(body.len(), 2 + 4 * 4 + 1, "{body:#?}");
    }

    #[test]
    fn a_share_bar_under_the_article_ends_it() {
        let promo = "Đăng ký nhận bản tin của chúng tôi mỗi sáng để không bỏ lỡ những câu chuyện hay nhất trong tuần qua.";
        let text = format!(
            "{LEAD}\n\n{PARA_1}\n\n{PARA_2}\n\n{PARA_3}\n\nFacebook\nTwitter\nLinkedIn\nEmail\n\n{promo}"
        );
        assert_eq!(body_of(&text), [LEAD, PARA_1, PARA_2, PARA_3]);
    }

    #[test]
    fn photo_captions_in_text() {
        let photo_story = [
            "Người dân xếp hàng dài trước cổng hội chợ từ sáng sớm để mua đặc sản.",
            "Gian hàng trái cây của các nhà vườn thu hút đông khách tham quan và mua sắm.",
            "Các em nhỏ thích thú với khu trưng bày nông cụ truyền thống của địa phương.",
        ];
        let lone = "Khách tham quan chọn mua rau sạch tại một gian hàng.";
        let long_sentences = [
            "Hội chợ năm nay được tổ chức với quy mô lớn hơn mọi năm và có thêm khu dành riêng cho sản phẩm OCOP.",
            "Lãnh đạo tỉnh đã đến thăm từng gian hàng và động viên các doanh nghiệp mở rộng thị trường tiêu thụ.",
        ];
        let items = [
            "- Khu trưng bày sản phẩm nông nghiệp công nghệ cao của tỉnh.",
            "- Khu ẩm thực với các món đặc sản của mười huyện trong tỉnh.",
            "- Khu hội thảo về xây dựng thương hiệu cho sản phẩm địa phương.",
        ];
        let subheading = "Sức mua tăng mạnh";
        let j = |lines: &[&str]| lines.join("\n\n");
        let cases: Vec<(String, Vec<&str>)> = vec![
            // A lead, a row of photos with their captions, the body.
            (
                j(&[&[LEAD][..], &photo_story, &[PARA_1, PARA_2]].concat()),
                photo_story.to_vec(),
            ),
            // The lead photo's lone short caption.
            (j(&[LEAD, lone, PARA_1, PARA_2]), vec![lone]),
            // Two one-sentence paragraphs of a paragraph's length: body.
            (
                j(&[&[LEAD][..], &long_sentences, &[PARA_1, PARA_2]].concat()),
                vec![],
            ),
            // Items of a list after the lead: body.
            (
                j(&[&[LEAD][..], &items, &[PARA_1, PARA_2]].concat()),
                vec![],
            ),
            // A caption with a subheading pressed under it.
            (
                format!("{LEAD}\n\n{PARA_1}\n\n{lone}\n{subheading}\n\n{PARA_2}\n\n{PARA_3}"),
                vec![lone],
            ),
            // A short paragraph, then a blank line, then a subheading: body.
            (
                format!("{LEAD}\n\n{PARA_1}\n\n{lone}\n\n{subheading}\n\n{PARA_2}\n\n{PARA_3}"),
                vec![],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(captions(&text), want, "{text}");
        }
    }

    #[test]
    fn html_caption_over_its_credit() {
        let para = |t: &str| format!("<p>{t}</p>");
        let caption =
            "Pictured from left are the three authors who spoke at the panel on Saturday.";
        let cases: Vec<(String, Vec<&str>)> = vec![
            // After an image, before its credit: the caption.
            (
                format!(
                    "{}<img src=a.jpg>{}{}{}{}",
                    para(PARA_1),
                    para(caption),
                    para("Image: Jane Doe"),
                    para(PARA_2),
                    para(PARA_3)
                ),
                vec![caption, "Image: Jane Doe"],
            ),
            // No image before it: a paragraph, the credit cut alone.
            (
                format!(
                    "{}{}{}{}{}",
                    para(PARA_1),
                    para(caption),
                    para("Image: Jane Doe"),
                    para(PARA_2),
                    para(PARA_3)
                ),
                vec!["Image: Jane Doe"],
            ),
            // A line under an image without a stop, the text going on.
            (
                format!(
                    "{}<img src=a.jpg><p>Fans held up a banner backing their captain before the match</p>{}{}",
                    para(PARA_1),
                    para(PARA_2),
                    para(PARA_3)
                ),
                vec!["Fans held up a banner backing their captain before the match"],
            ),
            // A subheading in bold, a short label: body.
            (
                format!(
                    "{}<img src=a.jpg><p><b>What the fans said before the match</b></p>{}<img src=b.jpg><p>Sức mua tăng</p>{}",
                    para(PARA_1),
                    para(PARA_2),
                    para(PARA_3)
                ),
                vec![],
            ),
        ];
        for (html, want) in cases {
            let page = format!("<html><body><article>{html}</article></body></html>");
            let a = crate::clean_html(page.as_bytes()).unwrap();
            assert_eq!(a.captions, want, "{html}");
        }
    }

    #[test]
    fn sentence_and_item_shapes() {
        for (t, want) in [
            ("Một câu. Hai câu.", false),
            ("Một câu duy nhất.", true),
            ("Giá 3.000 đồng một ký.", true),
            ("Ông nói... rồi đi.", true),
            ("Xong! Tiếp theo.", false),
        ] {
            assert_eq!(one_sentence(t), want, "{t}");
        }
        for (t, want) in [
            ("- Một mục.", true),
            ("a) Một mục.", true),
            ("(2) Một mục.", true),
            ("3. Một mục.", true),
            ("Một câu bình thường.", false),
            ("TP. HCM có mưa.", false),
        ] {
            assert_eq!(list_item(t), want, "{t}");
        }
    }
}
