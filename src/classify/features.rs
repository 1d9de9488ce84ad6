//! Per-block features: what each block looks like on its own, before its
//! neighbours are considered. Computed once; every later decision reads
//! these instead of re-scanning text.

use std::cell::OnceCell;

use regex::Regex;

use crate::article::{Reason, TeaserKind};
use crate::block::{Block, BlockKind, Doc, Flags};
use crate::data::chrome::PATTERN_MAX_CHARS;
use crate::hash::FastState;
use crate::recognize::byline::{capitalised, names_of, strip_byline_opener};
use crate::recognize::chrome::{
    CREDIT_OPENERS, PATTERNS, Patterns, Search, caption_marker, credit_of, label_key, label_of,
    placeholder, teaser_kind_of,
};
use crate::recognize::dateline::{self, Found};
use std::hash::BuildHasher;

/// Blocks up to this many characters get a lower-cased key; longer ones
/// (paragraphs, never labels or titles) keep their text as the key (see
/// [`Keys`]).
const KEY_FOLD_MAX_CHARS: usize = 400;

/// Whether a block's key is its text lower-cased (at most
/// [`KEY_FOLD_MAX_CHARS`] characters) rather than its text as printed: the
/// one rule [`Keys::of`] and the readers of a key go by.
fn key_is_folded(text: &str) -> bool {
    // 400 bytes hold at most 400 characters: count them only beyond.
    text.len() <= KEY_FOLD_MAX_CHARS || text.chars().count() <= KEY_FOLD_MAX_CHARS
}

/// Fewest characters of running prose: about one short Vietnamese sentence
/// (see [`Features::is_prose`]); menus, titles and labels stay under it.
const PROSE_MIN_CHARS: usize = 70;

/// Fewest words of running prose, with [`PROSE_MIN_CHARS`]: ten words make
/// a clause with a subject, a verb and what it is about; a label or a
/// heading rarely runs that long and also ends in a stop.
const PROSE_MIN_WORDS: usize = 10;

/// Longest block looked up among the whole-block widget labels: more than
/// twice the longest label of
/// [`LABELS`](crate::data::chrome::LABELS) (38 characters; a test
/// keeps every label within this), so that a label with a count or an arrow
/// glued to it is still looked up, while no paragraph pays for a lookup.
pub(crate) const LABEL_MAX_CHARS: usize = 80;

/// Longest block checked for a photo placeholder ("Ảnh 1", "Photo - 12"):
/// a placeholder is a word and a number, and a caption that ends with one
/// is a sentence or two; a longer block is a paragraph.
const PLACEHOLDER_MAX_CHARS: usize = 300;

/// Longest block read as a credit line ("Theo QĐND", "Nguồn: Reuters"): a
/// credit names an origin in a few words; a longer line that opens with
/// "Theo" is a sentence ("Theo kế hoạch, …").
const CREDIT_LINE_MAX_CHARS: usize = 90;

/// Longest block that may be a byline of names ("NGUYỄN VĂN A - TRẦN B"):
/// three or four full Vietnamese names with separators.
const NAMES_LINE_MAX_CHARS: usize = 80;

/// Longest short block inside a `<figure>` that is taken for its caption
/// even without a caption marker: the same bound as a folded key (longer
/// blocks in a figure are prose the page put there).
const FIGURE_CAPTION_MAX_CHARS: usize = KEY_FOLD_MAX_CHARS;

/// Fewest words of a title-like line (see [`Features::title_like`]). A
/// title tells what happened: a subject and what it did ("Giá vàng tăng",
/// "Fed raises rates"), three words at the least. One- and two-word lines
/// are buttons, widget labels, names and section names ("Thế giới",
/// "Opinion"). Vietnamese writes a word as syllables set apart by spaces,
/// so its three-word lines are still often one or two words of sense
/// ("Bất động sản"): readers that need a real headline ask for more (see
/// `meta::HEADLINE_MIN_WORDS`). Measured on all four fixture sets: at 2 the
/// output of 12 pages changes, at 4 that of 23 (removal reasons: titles of
/// related lists and cards are told from other lines by this); no score
/// moves.
pub(crate) const TITLE_MIN_WORDS: usize = 3;

/// Most words of a title-like line. Headlines and the titles of related
/// articles run to about 20 words (Vietnamese counts syllables, so its
/// titles are the longer ones); twice that leaves room for a long one with
/// its kicker on the same line, and a line without a sentence end that is
/// longer still is prose (see [`Features::is_prose`]). Measured on all four
/// fixture sets: 30 to 60 change no output; at 20 the output of seven
/// pages changes (removal reasons; no score moves).
pub(crate) const TITLE_MAX_WORDS: usize = 40;

/// Most characters of a title-like line: [`TITLE_MAX_WORDS`] words of
/// about six characters with their space (English averages five letters a
/// word, a Vietnamese syllable fewer), so in every language the word count
/// binds first and this bounds only lines of few, very long words (a run of
/// links, a URL, a code). Measured on all four fixture sets: 200 to 1000
/// change no output; at 150 one English page's output changes (no score
/// moves).
pub(crate) const TITLE_MAX_CHARS: usize = 250;

/// Blocks of more words than this are not searched for a date. Every reader
/// of a block's date wants a dateline (the date a third of the block or
/// more, see [`dateline::share`]) or a title-like line (at most
/// [`TITLE_MAX_WORDS`]): the two limits are one. A date with its time and
/// offset weighs 3, and every other word at least a quarter: a third takes
/// 22 other words or fewer, beside a date phrase of at most 14 words, which
/// stays under it.
const DATE_MAX_WORDS: usize = TITLE_MAX_WORDS;

/// Fewest items of a menu line (see [`menu_line`]): three, for two items
/// around one separator are a headline and its site ("Tiêu đề | Báo X"), a
/// pair the headline readers take apart; a breadcrumb has a home and a
/// section at the least, and a menu more.
const MENU_MIN_ITEMS: usize = 3;

/// Most words (a dash is none) of one item of a menu line: a section name
/// or a command ("Ô tô - Xe máy", "Bất động sản", "Đầu trang", "World news") has four at
/// the most; an item of more words is a title or a sentence, and a line of
/// titles set apart by bars is left to the teaser rules.
const MENU_ITEM_MAX_WORDS: usize = 4;

/// A menu or a breadcrumb printed as one line: at least [`MENU_MIN_ITEMS`]
/// items, each of at most [`MENU_ITEM_MAX_WORDS`] words, without a digit
/// and not ending a sentence, set apart by one of the
/// [`MENU_SEPARATORS`](crate::data::chrome::MENU_SEPARATORS). Such a line
/// may be long enough, and without a stop, to pass for prose by its length.
/// Menu entries are words; a line whose items carry numbers is a line of
/// facts ("1-4 Players • Ages 14+ • 90 minutes", a score, a price list) that
/// the article may print itself.
pub(crate) fn menu_line(text: &str) -> bool {
    menu_items_then(text, menu_item)
}

/// Whether `text`, split at one of the menu separators, is at least
/// [`MENU_MIN_ITEMS`] items, each a [`menu_item`] but the last, which
/// `last` judges. No allocation: every short line of a page is read so.
fn menu_items_then(text: &str, last: impl Fn(&str) -> bool) -> bool {
    crate::data::chrome::MENU_SEPARATORS.iter().any(|sep| {
        text.contains(sep) && {
            let mut items = text.split(sep).peekable();
            let mut n = 0;
            loop {
                let Some(item) = items.next() else {
                    break false;
                };
                n += 1;
                if items.peek().is_none() {
                    break n >= MENU_MIN_ITEMS && last(item);
                }
                if !menu_item(item) {
                    break false;
                }
            }
        }
    })
}

/// One entry of a menu line (see [`menu_line`]): a few words, no digit, no
/// sentence end.
fn menu_item(item: &str) -> bool {
    let item = item.trim();
    !item.is_empty()
        && !item.bytes().any(|b| b.is_ascii_digit())
        && item
            .split(' ')
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
            <= MENU_ITEM_MAX_WORDS
        && !ends_sentence(item)
}

/// A breadcrumb that ends with the page's title ("Home > Blog > Top 10
/// Health Trends to Watch"): a [`menu_line`] but for its last item, which
/// may be long and carry digits. The page prints its headline on a line of
/// its own as well; the breadcrumb is the trail to it, never the headline.
pub(crate) fn breadcrumb_to_title(text: &str) -> bool {
    menu_items_then(text, |last| !last.trim().is_empty())
}

/// What one block looks like. Its key lives in the page's [`Keys`].
#[derive(Debug, Clone, Default)]
pub(crate) struct Features<'k, 't> {
    /// Characters of text.
    pub chars: usize,
    /// Words (runs separated by spaces).
    pub words: usize,
    /// Ends like a sentence: `. ! ? …` or a closing quote after one.
    pub terminal: bool,
    /// A whole-block widget label and whether it heads a list.
    pub label: Option<(Reason, bool)>,
    /// A chrome pattern match.
    pub pattern: Option<Reason>,
    /// Ends with a photo credit, or is a stock caption.
    pub caption_marker: bool,
    /// An image's alternative text standing in for it ("… - Ảnh 1.").
    pub placeholder: bool,
    /// The credited origin, for a credit line ("Theo QĐND" → "QĐND").
    /// Boxed (one pointer): few blocks have one, and every block of a page
    /// is in memory at once.
    #[allow(clippy::box_collection)]
    pub credit: Option<Box<String>>,
    /// The text in lower case: the key for every comparison that ignores
    /// case (repeats, labels, patterns), computed once (see [`Keys`]).
    pub key: &'k str,
    /// The block's text, for the features read only when asked.
    text: &'t str,
    /// Whether the block may hold a date: few words, a four-digit year.
    date_shaped: bool,
    /// Whether the block may be a line of names: short, capitalised, no
    /// digit, no closing full stop.
    names_shaped: bool,
    /// See [`Features::date`]; found when first asked.
    /// Boxed, like the names: few blocks have one, and every block of a
    /// page is in memory at once.
    date: OnceCell<Option<Box<(Found, f32)>>>,
    /// See [`Features::names`]; read when first asked.
    /// A box of a `Vec` (one pointer, where a boxed slice is two).
    #[allow(clippy::box_collection)]
    names: OnceCell<Option<Box<Vec<String>>>>,
}

impl Features<'_, '_> {
    /// Reads as running prose: long enough ([`PROSE_MIN_CHARS`],
    /// [`PROSE_MIN_WORDS`]) and sentence-shaped. Without a sentence end, only a block of
    /// more words than any title-like line ([`TITLE_MAX_WORDS`], twice the
    /// longest headlines) counts as prose, so no line is both.
    pub fn is_prose(&self) -> bool {
        self.chars >= PROSE_MIN_CHARS
            && self.words >= PROSE_MIN_WORDS
            && (self.terminal || self.words > TITLE_MAX_WORDS)
    }

    /// A chrome label or pattern, the strongest sign of a widget.
    pub fn chrome(&self) -> Option<Reason> {
        self.label.map(|(r, _)| r).or(self.pattern)
    }

    /// Whether the block heads a list widget.
    pub fn heads_list(&self) -> bool {
        matches!(self.label, Some((_, true)))
    }

    /// A printed date found in the block, and the share of the block it
    /// covers (0.0–1.0); blocks of more than [`DATE_MAX_WORDS`] words are
    /// not searched. Searched on first call: the classifier settles most
    /// lines of a page before it needs to know.
    pub fn date(&self) -> Option<&(Found, f32)> {
        self.date
            .get_or_init(|| {
                if !self.date_shaped {
                    return None;
                }
                let found = dateline::find(self.text)?;
                let share = dateline::share(self.text, &found);
                Some(Box::new((found, share)))
            })
            .as_deref()
    }

    /// The person names, when the block reads as a line of them (a
    /// byline); read on first call (see [`Features::date`]).
    pub fn names(&self) -> Option<&[String]> {
        self.names
            .get_or_init(|| {
                self.names_shaped
                    .then(|| names_of(self.text))
                    .flatten()
                    .map(Box::new)
            })
            .as_deref()
            .map(Vec::as_slice)
    }

    /// The teaser kind of a block already judged to be a teaser, by its
    /// topic (see [`TEASER_TOPICS`](crate::data::chrome::TEASER_TOPICS)).
    pub fn teaser_kind(&self) -> TeaserKind {
        teaser_kind_of(&self.lower_key())
    }

    /// The text in lower case: the key, or for a long block, whose key is
    /// its text as printed (see [`Keys`]), made now.
    pub fn lower_key(&self) -> std::borrow::Cow<'_, str> {
        if key_is_folded(self.text) {
            self.key.into()
        } else {
            crate::normalize::lower(self.text).into()
        }
    }

    /// Whether the block's text may open with `prefix` (in small letters)
    /// in any case: false only when its lower-cased key surely does not
    /// (a long block's key is its text as printed, see [`Keys`]).
    pub fn may_open_with(&self, prefix: &str) -> bool {
        !key_is_folded(self.text) || self.key.starts_with(prefix)
    }

    /// A date that makes up most of the block: a dateline line.
    pub fn is_dateline(&self) -> bool {
        matches!(self.date(), Some((_, share)) if *share >= 0.5)
    }

    /// Shaped like a title: several words, no sentence end, not too long
    /// (see [`TITLE_MIN_WORDS`], [`TITLE_MAX_WORDS`], [`TITLE_MAX_CHARS`]).
    pub fn title_like(&self) -> bool {
        (TITLE_MIN_WORDS..=TITLE_MAX_WORDS).contains(&self.words)
            && !self.terminal
            && self.chars <= TITLE_MAX_CHARS
    }
}

/// The keys of a page's blocks ([`Features::key`]), all in one buffer: one
/// allocation per page instead of one per block. Blocks up to
/// [`KEY_FOLD_MAX_CHARS`] characters are lower-cased; longer ones (paragraphs,
/// never labels or titles) are kept as printed: a copied paragraph is copied
/// exactly, and lower-casing every paragraph of a page costs more than all
/// the other features together.
pub(crate) struct Keys {
    /// The keys, each followed by a line feed (no key holds one: block text
    /// is folded), so that a search of the whole text finds no match made
    /// of the end of one key and the start of the next (see
    /// [`Keys::page_hits`]).
    text: String,
    /// Where each block's key ends in `text`; it starts one byte after the
    /// previous one ends.
    ends: Vec<usize>,
}

impl Keys {
    /// The keys of every block of `doc`.
    pub fn of(doc: &Doc) -> Keys {
        let size = doc.blocks.iter().map(|b| b.text.len() + 1).sum();
        let mut keys = Keys {
            text: String::with_capacity(size),
            ends: Vec::with_capacity(doc.blocks.len()),
        };
        for b in &doc.blocks {
            let t: &str = &b.text;
            if key_is_folded(t) {
                crate::normalize::push_lower(&mut keys.text, t);
            } else {
                keys.text.push_str(t);
            }
            keys.ends.push(keys.text.len());
            keys.text.push('\n');
        }
        keys
    }

    /// Where the key of block `i` starts in `text`.
    fn start(&self, i: usize) -> usize {
        i.checked_sub(1).map_or(0, |p| self.ends[p] + 1)
    }

    /// The key of block `i`.
    pub fn get(&self, i: usize) -> &str {
        &self.text[self.start(i)..self.ends[i]]
    }

    /// For each block, the page-wide chrome patterns its key matches, as
    /// the bits of [`Search::PageWide`]; empty when no pattern is
    /// page-wide.
    ///
    /// Each pattern is searched over the whole text, from the start of a
    /// key on. A pattern without anchors and boundaries matches a key alone
    /// exactly where it matches the same bytes in the whole text, so the
    /// leftmost match from a key's start lies in the first key, from that
    /// one on, that has a match of its own. A match that runs past its
    /// key's end is no match of that key alone: that key is searched alone.
    /// Either way the search goes on from the next key's start.
    fn page_hits(&self, patterns: &Patterns) -> Vec<u32> {
        let mut hits = Vec::new();
        for other in &patterns.others {
            let Search::PageWide { bit } = other.search else {
                continue;
            };
            if hits.is_empty() {
                hits = vec![0u32; self.ends.len()];
            }
            self.each_match(&other.re, |k| hits[k] |= 1 << bit);
        }
        hits
    }

    /// Calls `hit` with the index of every key that `re` (a pattern without
    /// anchors or boundaries) matches, in order; see [`Keys::page_hits`].
    fn each_match(&self, re: &Regex, mut hit: impl FnMut(usize)) {
        let n = self.ends.len();
        let (mut pos, mut k) = (0, 0);
        while k < n
            && let Some(m) = re.find_at(&self.text, pos)
        {
            // The key the match starts in (or right after).
            while k < n && self.ends[k] < m.start() {
                k += 1;
            }
            if k == n {
                break;
            }
            if m.end() <= self.ends[k] || re.is_match(self.get(k)) {
                hit(k);
            }
            k += 1;
            if k == n {
                break;
            }
            pos = self.start(k);
        }
    }
}

/// The features of a page's blocks, indexed by block: `feats[i]` is block
/// `i`'s. Blocks that read alike (one text, the same caption kind and
/// figure flag: all [`of_block`] reads of a block) and are shorter than a
/// record share one record, computed once, when the earlier one still
/// holds its slot of [`SHARED_SLOTS`].
///
/// Every block of a page is in memory at once, and a record takes about
/// a hundred bytes: on a page made of tiny blocks (a text of one-letter
/// lines, HTML of one-letter paragraphs, a menu repeated down a listing)
/// the records were most of the peak, over 45 bytes per byte of input.
/// A shared record costs the block an index of four bytes. A block as long
/// as a record or longer keeps its own: its text already outweighs the
/// record, and hashing it would cost more than sharing saves.
pub(crate) struct Feats<'k, 't> {
    /// One record per distinct block, in the order first met.
    records: Vec<Features<'k, 't>>,
    /// For each block, its record in `records`. `u32`, as
    /// [`Block::parent`]: a page holds fewer blocks than bytes.
    of: Vec<u32>,
}

impl<'k, 't> Feats<'k, 't> {
    /// Block `i`'s features, or `None` past the last block.
    pub fn get(&self, i: usize) -> Option<&Features<'k, 't>> {
        self.of.get(i).map(|&r| &self.records[r as usize])
    }

    /// Every block's features, in order.
    pub fn iter(&self) -> Iter<'_, 'k, 't> {
        Iter {
            records: &self.records,
            of: self.of.iter(),
        }
    }
}

impl<'k, 't> std::ops::Index<usize> for Feats<'k, 't> {
    type Output = Features<'k, 't>;
    fn index(&self, i: usize) -> &Features<'k, 't> {
        &self.records[self.of[i] as usize]
    }
}

impl<'a, 'k, 't> IntoIterator for &'a Feats<'k, 't> {
    type Item = &'a Features<'k, 't>;
    type IntoIter = Iter<'a, 'k, 't>;
    fn into_iter(self) -> Iter<'a, 'k, 't> {
        self.iter()
    }
}

/// The features of every block, in order (see [`Feats::iter`]).
pub(crate) struct Iter<'a, 'k, 't> {
    records: &'a [Features<'k, 't>],
    of: std::slice::Iter<'a, u32>,
}

impl<'a, 'k, 't> Iterator for Iter<'a, 'k, 't> {
    type Item = &'a Features<'k, 't>;
    fn next(&mut self) -> Option<&'a Features<'k, 't>> {
        self.of.next().map(|&r| &self.records[r as usize])
    }
    fn size_hint(&self) -> (usize, Option<usize>) {
        self.of.size_hint()
    }
}

impl ExactSizeIterator for Iter<'_, '_, '_> {}

/// What makes two blocks' features one record: their text, whether the
/// block is a caption and whether it stands in a figure (see [`Feats`]).
type Likeness<'t> = (&'t str, bool, bool);

/// Most slots of the table of recent short blocks that [`compute`] looks a
/// block up in, to share its record (see [`Feats`]). A table of fixed size,
/// each slot holding the last block that hashed to it: no growth, no
/// rehash, and no memory beyond its 24 KiB however many distinct blocks a
/// page has (a map of every distinct short block cost 0.3% of the
/// instructions of a clean, and as much memory again as the records it
/// saved on a page of distinct short lines). Tiny blocks that repeat (a
/// page of one-letter lines, menus repeated down a listing) come in far
/// fewer kinds than this.
const SHARED_SLOTS: usize = 1024;

/// Blocks per slot below [`SHARED_SLOTS`]: a page of few blocks gets a
/// table to match (a slot is 24 bytes; the full table was three times
/// the peak heap of a 2.5 KB text), and has few repeats to share anyway.
const BLOCKS_PER_SLOT: usize = 4;

/// Computes the features of every block; their keys borrow `keys` (made by
/// [`Keys::of`] from the same `doc`).
pub(crate) fn compute<'k, 't>(doc: &'t Doc, keys: &'k Keys) -> Feats<'k, 't> {
    let page_hits = keys.page_hits(&PATTERNS);
    let mut records = Vec::new();
    let mut of = Vec::with_capacity(doc.blocks.len());
    let hasher = FastState::default();
    let size = (doc.blocks.len() / BLOCKS_PER_SLOT)
        .next_power_of_two()
        .min(SHARED_SLOTS);
    let mut slots: Vec<Option<(Likeness<'t>, u32)>> = vec![None; size];
    for (i, b) in doc.blocks.iter().enumerate() {
        let like = (
            &*b.text,
            matches!(b.kind, BlockKind::Caption),
            b.flags.has(Flags::IN_FIGURE),
        );
        let slot = (b.text.len() < std::mem::size_of::<Features>())
            .then(|| hasher.hash_one(like) as usize % size);
        if let Some(s) = slot
            && let Some((seen, r)) = slots[s]
            && seen == like
        {
            of.push(r);
            continue;
        }
        // A record takes about a hundred bytes: memory runs out long
        // before 2^32 of them.
        let r = u32::try_from(records.len()).expect("fewer than 2^32 records");
        if let Some(s) = slot {
            slots[s] = Some((like, r));
        }
        let hits = page_hits.get(i).copied().unwrap_or(0);
        records.push(of_block(
            b,
            keys.get(i),
            ByteCounts::of(b.text.as_bytes()),
            hits,
            doc.is_html,
        ));
        of.push(r);
    }
    // Sized as records were met: the unshared ones may be far fewer than
    // the blocks.
    records.shrink_to_fit();
    Feats { records, of }
}

/// The features of block `b`. It reads only the block's text (and key,
/// made from it), whether it is a caption, whether it stands in a figure,
/// and whether the page is HTML: blocks alike in these share one record
/// ([`Feats`]). A rule that reads more of the block adds it to
/// [`Likeness`] (`blocks_that_read_alike_share_one_record` compares the
/// shared records with the block's own).
fn of_block<'k, 't>(
    b: &'t Block,
    key: &'k str,
    counts: ByteCounts,
    page_hits: u32,
    is_html: bool,
) -> Features<'k, 't> {
    let text: &str = &b.text;
    // Characters are the bytes that open one; words, the spaces plus one
    // (block text is folded: single spaces, trimmed). Bytes from 0xE3 up open
    // the CJK characters, and only a block with one is decoded.
    let ByteCounts {
        chars,
        spaces,
        digits,
        colons,
        top,
    } = counts;
    let wide = top >= 0xE3;
    debug_assert!(
        !text.is_empty() && !text.starts_with(' ') && !text.ends_with(' ') && !text.contains("  "),
        "block text is folded: {text:?}"
    );
    let cjk = if wide {
        text.chars().filter(|&c| is_cjk(c)).count()
    } else {
        0
    };
    // Chinese and Japanese write words without spaces: each ideograph or kana
    // counts as a word, and weighs as two characters (a CJK sentence carries
    // in 20 characters what a Latin one carries in 40).
    // Thai, Lao, Khmer and Burmese write words without spaces too, and mark
    // no sentence end: a long run of their letters counts a word every
    // [`UNSPACED_CHARS_PER_WORD`] letters, and a line of a paragraph's
    // length in them reads as a sentence. Only a block of few spaces for
    // its length is decoded to look.
    let unspaced = if cjk == 0 && top >= 0xE0 && chars > UNSPACED_SPAN_CHARS * (spaces + 1) {
        text.chars().filter(|&c| is_unspaced_script(c)).count()
    } else {
        0
    };
    let words = spaces + 1 + cjk + unspaced / UNSPACED_CHARS_PER_WORD;
    let chars = chars + cjk;
    let terminal = ends_sentence(text)
        || unspaced * 2 > chars && unspaced / UNSPACED_CHARS_PER_WORD >= UNSPACED_SENTENCE_WORDS
        || cjk * 2 > chars - cjk && cjk >= CJK_SENTENCE_CHARS;
    let mut f = Features {
        chars,
        words,
        terminal,
        key,
        text,
        ..Features::default()
    };
    if chars <= LABEL_MAX_CHARS {
        f.label = label_of(label_key(f.key));
    }
    // The chrome tests read the folded key, which only short blocks have.
    if chars <= KEY_FOLD_MAX_CHARS {
        if chars <= PATTERN_MAX_CHARS {
            f.pattern = PATTERNS.first_match(f.key, page_hits);
        }
        f.caption_marker =
            caption_marker(f.key, colons > 0) || matches!(b.kind, BlockKind::Caption);
        f.placeholder = chars <= PLACEHOLDER_MAX_CHARS && placeholder(f.key);
        // Cheap tests of the first word keep the regexes off most lines.
        if chars <= CREDIT_LINE_MAX_CHARS && CREDIT_OPENERS.iter().any(|o| f.key.starts_with(o)) {
            f.credit = credit_of(text).map(Box::new);
        }
        // Every full date has a four-digit year.
        f.date_shaped = words <= DATE_MAX_WORDS && digits >= 4;
        // A byline opener may bring a date after the names ("By Jane Doe,
        // March 7, 2026"); without one, digits rule names out.
        // The opener is looked for only where the plain test fails: most
        // lines are settled by their length, stop, digits and first letter.
        f.names_shaped = chars <= NAMES_LINE_MAX_CHARS
            && !terminal_period(text)
            && ((digits == 0 && capitalised(text)) || strip_byline_opener(text).is_some());
    }
    // In HTML a menu's entries are links, and the link density tells them;
    // a line of plain words between separators there is one the page wrote
    // as text. A scrape has lost its links: the line's shape is all there is.
    if !is_html && f.pattern.is_none() && f.label.is_none() && menu_line(text) {
        f.pattern = Some(Reason::Navigation);
    }
    if b.flags.has(Flags::IN_FIGURE) && chars <= FIGURE_CAPTION_MAX_CHARS && !f.is_prose() {
        f.caption_marker = true;
    }
    f
}

/// What [`of_block`] counts in a block's bytes.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct ByteCounts {
    /// Bytes that open a character (not UTF-8 continuation bytes).
    chars: usize,
    spaces: usize,
    /// ASCII digits.
    digits: usize,
    colons: usize,
    /// The greatest byte: from 0xE3 up, the block may hold CJK characters.
    top: u8,
}

impl ByteCounts {
    /// Counted in byte-sized lanes over chunks of 255 bytes (no lane can
    /// overflow), which the compiler turns into vector code; counting into
    /// `usize` widens every byte and runs several times slower.
    fn of(bytes: &[u8]) -> ByteCounts {
        let mut out = ByteCounts::default();
        for chunk in bytes.chunks(255) {
            let (c, s, m) = chunk.iter().fold((0u8, 0u8, 0u8), |(c, s, m), &b| {
                (
                    c + u8::from((b as i8) >= -0x40),
                    s + u8::from(b == b' '),
                    m.max(b),
                )
            });
            // A fourth accumulator in the same pass stops the compiler from
            // vectorising it: digits and colons get their own.
            let (d, k) = chunk.iter().fold((0u8, 0u8), |(d, k), &b| {
                (
                    d + u8::from(b.wrapping_sub(b'0') < 10),
                    k + u8::from(b == b':'),
                )
            });
            out.chars += usize::from(c);
            out.spaces += usize::from(s);
            out.digits += usize::from(d);
            out.colons += usize::from(k);
            out.top = out.top.max(m);
        }
        out
    }
}

fn terminal_period(text: &str) -> bool {
    text.ends_with('.') && !text.ends_with("..")
}

/// Characters between spaces past which a block may be written in a
/// script without spaces between words: Latin, Cyrillic or Vietnamese text
/// averages six or fewer (a word and its space), and a run of twenty
/// without a space is a URL, a code or such a script.
const UNSPACED_SPAN_CHARS: usize = 20;

/// Letters of Thai (or Lao, Khmer, Burmese) that make about one word: Thai
/// words run four to five letters with their tone marks and vowels.
const UNSPACED_CHARS_PER_WORD: usize = 5;

/// Words of such a script (counted by [`UNSPACED_CHARS_PER_WORD`]) that
/// make a line a sentence though it has no stop: more than a headline's
/// length, which in Thai runs to about fifteen words.
const UNSPACED_SENTENCE_WORDS: usize = 20;

/// Ideographs and kana that make a line a sentence though it has no stop
/// (blogs in Chinese break their lines between photos and leave the 。 out):
/// more than most headlines, which in Chinese and Japanese run to 15 to 25
/// characters, and than a teaser title with its kicker in front. Measured on
/// the tune halves: at 25 and 30 Japanese teaser titles with kickers read as
/// sentences and five Japanese pages fall; at 35 one does (a sidebar of
/// long titles) while readability-large's Chinese blog page rises from
/// 0.03 to 0.77; no check half moves.
const CJK_SENTENCE_CHARS: usize = 35;

/// Whether a character is of a script written without spaces between words
/// and without a sentence stop: Thai, Lao, Burmese, Khmer.
fn is_unspaced_script(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}')
}

/// Whether a character is a Han ideograph or Japanese kana.
fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

/// Whether text ends like a sentence.
pub(crate) fn ends_sentence(text: &str) -> bool {
    // The last byte settles most blocks: a letter or digit ends no
    // sentence, an ASCII stop ends one.
    match text.as_bytes().last() {
        Some(b) if b.is_ascii_alphanumeric() => return false,
        Some(b'.' | b'!' | b'?' | b';' | b':') => return true,
        _ => {}
    }
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', '»', ' ', '*', '」', '』', '）']);
    t.ends_with(['.', '!', '?', '…', ';', ':', '。', '！', '？', '：', '；'])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::data::chrome;
    use crate::recognize::byline::*;
    use crate::recognize::chrome::*;

    #[test]
    fn every_label_is_looked_up() {
        for l in chrome::LABELS {
            assert!(
                l.text.chars().count() * 2 <= LABEL_MAX_CHARS,
                "{:?}",
                l.text
            );
        }
    }

    /// The features of one line of text (its page and keys leaked: tests
    /// only).
    fn feat(t: &str) -> Features<'static, 'static> {
        let t: &'static str = Box::leak(t.to_string().into_boxed_str());
        let doc: &'static Doc = Box::leak(Box::new(crate::text::segment(t)));
        assert_eq!(doc.blocks.len(), 1, "one line: {t}");
        let keys: &'static Keys = Box::leak(Box::new(Keys::of(doc)));
        compute(doc, keys).records.remove(0)
    }

    /// Blocks of one text share a record, which is what each would have
    /// had alone; a caption or a block in a figure does not share with a
    /// line of the same text, and a block as long as a record keeps its own.
    #[test]
    fn blocks_that_read_alike_share_one_record() {
        let long =
            "Một dòng đủ dài để có bản ghi của riêng nó, vì văn bản đã nặng hơn bản ghi rồi.";
        assert!(long.len() >= std::mem::size_of::<Features>());
        let mut blocks: Vec<Block> = Vec::new();
        for _ in 0..500 {
            // One short text: two could meet in one slot of the table (its
            // hash is seeded per process) and share less.
            for t in ["a", long] {
                blocks.push(Block::line(t.into(), 0));
            }
        }
        let mut caption = Block::line("a".into(), 0);
        caption.kind = BlockKind::Caption;
        blocks.push(caption);
        let mut figure = Block::line("a".into(), 0);
        figure.flags.set(Flags::IN_FIGURE);
        blocks.push(figure);
        let doc = Doc {
            blocks,
            ..Doc::default()
        };
        let keys = Keys::of(&doc);
        let feats = compute(&doc, &keys);
        assert_eq!(feats.iter().count(), doc.blocks.len());
        // "a", the caption and the figure's block once each; the long line
        // every time.
        assert_eq!(feats.records.len(), 3 + 500);
        let n = doc.blocks.len();
        assert!(!std::ptr::eq(&feats[n - 1], &feats[0]));
        assert!(!std::ptr::eq(&feats[n - 2], &feats[0]));
        assert!(feats[n - 2].caption_marker);
        let hits = keys.page_hits(&PATTERNS);
        for (i, b) in doc.blocks.iter().enumerate() {
            let own = of_block(
                b,
                keys.get(i),
                ByteCounts::of(b.text.as_bytes()),
                hits.get(i).copied().unwrap_or(0),
                false,
            );
            assert_eq!(format!("{:?}", feats[i]), format!("{own:?}"), "block {i}");
        }
    }

    #[test]
    fn breadcrumbs_to_a_title() {
        for (text, want) in [
            (
                "Main > Blog > Top 10 Health and Nutrition Trends to Watch",
                true,
            ),
            (
                "Home » Follow Our Journey » The Ultimate 12-Month Wedding Planning Timeline",
                true,
            ),
            (
                "Trang chủ > Xã hội > Ngư dân cứu sống 9 thuyền viên gặp nạn",
                true,
            ),
            // A whole menu line is one too.
            ("Home » News » World", true),
            // A headline and its site: two items.
            ("Top 10 Health and Nutrition Trends | Tastewise", false),
            // Titles, not a trail.
            (
                "Giá vàng trong nước tăng mạnh phiên đầu tuần | Xăng giảm giá lần thứ hai | Mưa lớn",
                false,
            ),
            ("Top 10 Health and Nutrition Trends to Watch", false),
        ] {
            assert_eq!(breadcrumb_to_title(text), want, "{text}");
        }
    }

    #[test]
    fn menu_lines() {
        let cases: &[(&str, bool)] = &[
            (
                "Trang chủ | Thời sự | Thế giới | Ô tô - Xe máy | Diễn đàn",
                true,
            ),
            ("Trang chủ > Xã hội > Phóng sự", true),
            ("Home » News » World", true),
            ("In trang | Trở về | Đầu trang", true),
            // A headline and its site: two items.
            ("Giá vàng tăng mạnh | Báo X", false),
            // Titles, not entries.
            (
                "Giá vàng trong nước tăng mạnh phiên đầu tuần | Xăng giảm giá lần thứ hai | Mưa lớn",
                false,
            ),
            // A line of facts.
            ("1-4 Players • Ages 14+ • 90-120 minutes • $45", false),
            // A sentence with one bar in it.
            ("Ông nói: a | b là hai lựa chọn.", false),
            ("Xem | Đọc. | Nghe", false),
        ];
        for &(text, want) in cases {
            assert_eq!(menu_line(text), want, "{text}");
        }
        // A scraped menu line is cut as navigation, though long enough for
        // prose.
        let menu = "Trang chủ | Thời sự | Thế giới | Kinh tế | Xã hội | Pháp luật | Giáo dục | Sức khỏe | Văn hóa | Giải trí | Thể thao | Khoa học | Công nghệ | Du lịch";
        assert_eq!(feat(menu).chrome(), Some(Reason::Navigation));
    }

    #[test]
    fn names() {
        let cases: &[(&str, Option<&[&str]>)] = &[
            ("Chu Văn", Some(&["Chu Văn"])),
            ("NHẬT XUÂN - NGHI VŨ", Some(&["NHẬT XUÂN", "NGHI VŨ"])),
            (
                "Minh Thư - Đức Trung/DIENBIENTV.VN",
                Some(&["Minh Thư", "Đức Trung"]),
            ),
            ("Hà Thu (tổng hợp)", Some(&["Hà Thu"])),
            ("Theo Hồ Hương", Some(&["Hồ Hương"])),
            ("Duy Anh", Some(&["Duy Anh"])),
            ("Lan Anh và Minh Đức", Some(&["Lan Anh", "Minh Đức"])),
            ("By Jane Doe", Some(&["Jane Doe"])),
            ("Kinh doanh", None),
            ("Theo QĐND", None),
            ("Đại Đoàn kết", None),
            ("Ông Tống Anh Linh", None),
            ("Chia sẻ", None),
            ("VTV News", None),
            ("Năm 2026", None),
            ("Hoàng Nghi", Some(&["Hoàng Nghi"])),
            ("Minh Anh theo Reuters", Some(&["Minh Anh"])),
            ("Lan Anh thực hiện", Some(&["Lan Anh"])),
            ("Thu Hà (PV)", Some(&["Thu Hà"])),
            ("TRANG CHỦ", None),
        ];
        for (text, want) in cases {
            let got = names_of(text);
            let got: Option<Vec<&str>> =
                got.as_ref().map(|v| v.iter().map(String::as_str).collect());
            assert_eq!(got.as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn letters_agree_with_unicode() {
        for c in ('\u{0}'..='\u{2FFF}').chain(['中', 'ㄱ', '\u{FF21}', '\u{FF11}']) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "U+{:04X}", c as u32);
            assert_eq!(
                is_alphanumeric(c),
                c.is_alphanumeric(),
                "U+{:04X}",
                c as u32
            );
        }
    }

    /// The role check compares last bytes first, without regard to ASCII
    /// case: a role ending in a letter outside ASCII would be missed in
    /// capitals.
    #[test]
    fn byline_roles_end_in_ascii_letters() {
        for role in chrome::BYLINE_ROLES {
            assert!(
                role.as_bytes().last().is_some_and(u8::is_ascii_alphabetic),
                "{role}"
            );
        }
    }

    /// The not-name lookup goes by length and first byte: a capital must
    /// have the length and the first byte of its small letter.
    #[test]
    fn not_name_words_keep_length_and_first_byte_in_capitals() {
        for w in chrome::NOT_NAME_WORDS {
            let mut chars = w.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            let capitalised = first + chars.as_str();
            assert_eq!(capitalised.len(), w.len(), "{w}");
            assert_eq!(first_byte_folded(&capitalised), first_byte_folded(w), "{w}");
            let upper = w.to_uppercase();
            assert_eq!(upper.len(), w.len(), "{w}");
            assert_eq!(first_byte_folded(&upper), first_byte_folded(w), "{w}");
            assert!(opens_with_not_name_word(&capitalised), "{w}");
            assert!(opens_with_not_name_word(&upper), "{w}");
        }
    }

    /// The page-wide search finds exactly the keys that match alone,
    /// matches across two keys and empty matches included.
    #[test]
    fn page_wide_search_matches_each_key_alone() {
        let lines = [
            "ab", "b a", "x", "a", "b", "aab", "ba b", "xx a", "b", "ab ab", "bx",
        ];
        let patterns = [
            "ab", "a b", "b\\s*a", "[^ ]+x", "x*", "a+b+", "(a|b)b", "zz",
        ];
        for start in 0..lines.len() {
            for len in 1..=lines.len() - start {
                let page = &lines[start..start + len];
                let joined = page.join("\n");
                let doc = crate::text::segment(&joined);
                let keys = Keys::of(&doc);
                for p in patterns {
                    let re = Regex::new(p).unwrap();
                    let mut got = Vec::new();
                    keys.each_match(&re, |k| got.push(k));
                    let want: Vec<usize> =
                        (0..page.len()).filter(|&k| re.is_match(page[k])).collect();
                    assert_eq!(got, want, "{p} on {page:?}");
                }
            }
        }
    }

    #[test]
    fn page_wide_patterns() {
        assert!(page_wide("(giữ bản quyền|all rights reserved)"));
        for p in ["^a", "a$", r"\ba", r"(?i)a", r"a\B"] {
            assert!(!page_wide(p), "{p}");
        }
    }

    #[test]
    fn sentence_ends() {
        for (text, want) in [
            ("Câu văn.", true),
            ("Hỏi gì?", true),
            ("Ông nói: \"Xong.\"", true),
            ("Ông nói: “Xong!”", true),
            ("(Xong.)", true),
            ("Kết thúc…", true),
            ("Đoạn sau:", true),
            ("Tiêu đề bài", false),
            ("Năm 2026", false),
            ("(Ảnh: TTXVN)", false),
            ("Ý kiến (0)", false),
            ("»", false),
        ] {
            assert_eq!(ends_sentence(text), want, "{text}");
        }
    }

    #[test]
    fn long_cjk_lines_without_a_stop_are_sentences() {
        // A blog's line between two photos, 40 ideographs, no 。.
        let line = "一波波接續性低溫寒流報到 已將新竹尖石鄉後山一帶層層山巒披上嫣紅 玉峰道路一路上雲氣山嵐滯留";
        assert!(feat(line).terminal, "{line}");
        // A headline's length is not.
        let title = "新竹尖石鄉後山一帶層層山巒披上嫣紅";
        assert!(!feat(title).terminal, "{title}");
    }

    #[test]
    fn label_keys() {
        for (key, want) in [
            ("bình luận (0)", "bình luận"),
            ("tin mới", "tin mới"),
            ("» xem thêm", "xem thêm"),
            ("đọc thêm >>", "đọc thêm >>"),
            ("(video)", "(video"),
            ("tin 24h", "tin 24h"),
            ("a", "a"),
            ("", ""),
        ] {
            assert_eq!(label_key(key), want, "{key}");
        }
    }

    #[test]
    fn required_suffixes() {
        for (pattern, want) in [
            (r"[0-9]+ ?(phút|giờ) trước$", " trước"),
            (r"abc$", "abc"),
            (r"ab?$", ""),
            (r"a{2}$", ""),
            (r"(x|y)z$", "z"),
            (r"x|yz$", ""),
            (r"[|]z$", "z"),
            (r"\.$", ""),
            (r"\.ab$", "ab"),
            (r"(?i)ab$", ""),
            (r"ab", ""),
            (r"$", ""),
        ] {
            assert_eq!(required_suffix(pattern), want, "{pattern}");
        }
    }

    #[test]
    fn space_split_splits_as_the_standard_one() {
        for t in ["", " ", "a", "a b", " a  b ", "Minh Thư - Đức Trung", "x  "] {
            assert_eq!(
                space_split(t).collect::<Vec<_>>(),
                t.split(' ').collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn credits() {
        let cases: &[(&str, Option<&str>)] = &[
            ("Theo QĐND", Some("QĐND")),
            ("(theo TTXVN)", Some("TTXVN")),
            ("Nguồn: Reuters", Some("Reuters")),
            ("Theo Đại Đoàn kết Copy link", Some("Đại Đoàn kết")),
            ("Theo VnEconomy Link bài gốc Lấy link!", Some("VnEconomy")),
            ("(Theo TTXVN) Chia sẻ", Some("TTXVN")),
            ("Theo Bộ Y tế.", Some("Bộ Y tế")),
            ("Theo Nhịp sống thị trường", Some("Nhịp sống thị trường")),
            (
                "Theo thông báo của doanh nghiệp, Chứng khoán Artex sẽ quản lý.",
                None,
            ),
            ("Theo đó, tình hình quốc tế", None),
        ];
        for (text, want) in cases {
            assert_eq!(credit_of(text).as_deref(), *want, "{text}");
        }
    }

    #[test]
    fn captions_and_placeholders() {
        let f = feat;
        assert!(f("Ông Phan Đình Trạc phát biểu. Ảnh: Phương Hoa - TTXVN").caption_marker);
        assert!(f("Thường trực Ban Bí thư phát biểu. (Ảnh: TTXVN)").caption_marker);
        assert!(f("Trưởng ban phát biểu. (Nguồn: TTXVN)").caption_marker);
        assert!(f("Một bó hoa hồng - Ảnh: H.Y.T.").caption_marker);
        assert!(f("Ảnh minh hoạ.").caption_marker);
        assert!(!f("Ông nói rằng ảnh hưởng là rất lớn.").caption_marker);
        // Other languages' credit words.
        assert!(
            f("Viele Hände arbeiten in der Halle. Bildrechte: MDR/David Straub").caption_marker
        );
        assert!(f("Der Marktplatz am Abend. Foto: dpa").caption_marker);
        assert!(f("The harbour at dawn. Photograph: Jane Doe/Reuters").caption_marker);
        assert!(!f("Das Bild zeigt: Die Stadt wächst seit Jahren, und zwar schneller als gedacht, sagt der Bürgermeister der Stadt.").caption_marker);
        assert!(f("Chú trọng tham mưu chiến lược về đối ngoại - Ảnh 1.").placeholder);
        assert!(!f("Năm 2023 có 1 ảnh.").placeholder);
    }

    #[test]
    fn labels() {
        let f = feat;
        assert_eq!(f("Xem nhiều nhất").label, Some((Reason::MostRead, true)));
        assert_eq!(f("TIN MỚI").label, Some((Reason::MostRead, true)));
        assert_eq!(
            f("Cùng chuyên mục").label,
            Some((Reason::RelatedList, true))
        );
        assert_eq!(f("Bình luận (0)").label, Some((Reason::Comments, false)));
        assert_eq!(
            f("Theo dõi Baoquocte.vn trên").pattern,
            Some(Reason::FollowShare)
        );
        assert_eq!(f("XSMN 10/5, kết quả xổ số miền Nam").label, None);
        assert_eq!(
            f("XSMN 10/5, kết quả xổ số miền Nam").teaser_kind(),
            TeaserKind::Lottery
        );
        assert_eq!(
            f("Tử vi 12 cung hoàng đạo").teaser_kind(),
            TeaserKind::Horoscope
        );
        let long = format!("{}Xổ số miền Nam.", "Một câu dài. ".repeat(40));
        assert_eq!(f(&long).teaser_kind(), TeaserKind::Lottery);
    }
}
