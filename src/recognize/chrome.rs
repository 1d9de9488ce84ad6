//! Known chrome, read from a line alone: the widget labels, chrome patterns,
//! credit lines, teaser topics, caption markers and placeholders of
//! [`crate::data::chrome`], compiled for speed.

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use crate::article::{Reason, TeaserKind};
pub(crate) use crate::data::chrome::CREDIT_OPENERS;
use crate::data::chrome::{self, CAPTION_CREDIT_MAX_CHARS};
use crate::recognize::byline::is_alphanumeric;

pub(crate) static LABEL_INDEX: LazyLock<crate::hash::FastMap<&'static str, (Reason, bool)>> =
    LazyLock::new(|| {
        chrome::LABELS
            .iter()
            .map(|l| (l.text, (l.reason, l.heads_list)))
            .collect()
    });

/// The (first byte, last byte) pairs of the [`chrome::LABELS`], one bit
/// each: most short lines pair their ends otherwise, and one bit read
/// spares them the hash lookup.
pub(crate) static LABEL_ENDS: LazyLock<Vec<u64>> = LazyLock::new(|| {
    let mut bits = vec![0u64; 1 << 10];
    for l in chrome::LABELS {
        let at = ends_index(l.text);
        bits[at / 64] |= 1 << (at % 64);
    }
    bits
});

/// The index of a text's (first byte, last byte) pair in [`LABEL_ENDS`].
pub(crate) fn ends_index(text: &str) -> usize {
    let b = text.as_bytes();
    let (first, last) = (b.first().copied(), b.last().copied());
    usize::from(first.unwrap_or(0)) << 8 | usize::from(last.unwrap_or(0))
}

/// The widget label a lower-cased key is, whole.
pub(crate) fn label_of(key: &str) -> Option<(Reason, bool)> {
    let at = ends_index(key);
    if LABEL_ENDS[at / 64] & (1 << (at % 64)) == 0 {
        return None;
    }
    LABEL_INDEX.get(key).copied()
}

/// The chrome patterns of [`chrome::PATTERNS`], compiled for speed. Every
/// pattern anchored at the start goes into one set, whose search dies within
/// a few bytes on a line that opens otherwise; every other pattern is a
/// regex of its own, so that the engine can search for its literal or back
/// from its end anchor instead of running over every line. (One set of all
/// the patterns runs its automaton over every byte of every short line: ten
/// times the cost.) A pattern opening with `^.*` matches where it would
/// without it, and is compiled without it for the backward search.
pub(crate) struct Patterns {
    /// The patterns opening with `^`, and their (table index, reason).
    pub(crate) anchored: (RegexSet, Vec<(usize, Reason)>),
    /// The other patterns, in table order.
    pub(crate) others: Vec<Other>,
}

/// A chrome pattern not anchored at the start of the block.
pub(crate) struct Other {
    /// Its index in [`chrome::PATTERNS`].
    pub(crate) index: usize,
    pub(crate) re: Regex,
    pub(crate) reason: Reason,
    pub(crate) search: Search,
}

/// How an [`Other`] pattern is searched.
pub(crate) enum Search {
    /// In each block's key, when the key ends with the text every match
    /// must end the block with (see [`required_suffix`]).
    PerKey { suffix: &'static str },
    /// Once over all the keys of the page (see [`Keys::page_hits`](crate::classify::features::Keys::page_hits)): a
    /// pattern without anchors or word boundaries matches the same text
    /// wherever it stands, and one search of the page with the literal
    /// prefilter costs less than a call per block. The block's hit is this
    /// bit of its page hits.
    PageWide { bit: u32 },
}

/// Whether a pattern can be searched once over the whole page: no anchor
/// (in the page's buffer `^` and `$` see the page's ends, not the key's)
/// and no group opening with `?` (a flag could turn on multi-line mode).
/// Word boundaries are refused too, though a key's neighbours in the
/// buffer are line feeds, no word characters: no page-wide pattern needs
/// one, and the proof in [`Keys::page_hits`](crate::classify::features::Keys::page_hits) is kept to plain patterns.
pub(crate) fn page_wide(pattern: &str) -> bool {
    !pattern.contains(['^', '$'])
        && ![r"\b", r"\B", r"\A", r"\z", "(?"]
            .iter()
            .any(|a| pattern.contains(a))
}

/// At most this many patterns are searched page-wide: one bit each in a
/// block's page hits.
pub(crate) const PAGE_WIDE_MAX: u32 = u32::BITS;

/// The literal text every block a pattern matches must end with, when the
/// pattern ends with plain characters and `$` ("… trước$" → " trước"), else
/// "". Checking it first keeps the regex off every block that ends
/// otherwise. Plain means no regex syntax: the scan back from `$` stops at
/// the first syntax character (so a quantified last character gives ""),
/// and a pattern with an alternative at its top level, a flag group or an
/// escape before `$` gives "".
pub(crate) fn required_suffix(pattern: &'static str) -> &'static str {
    const SYNTAX: &str = r"\.+*?()|[]{}^$";
    let Some(body) = pattern.strip_suffix('$') else {
        return "";
    };
    if body.contains("(?") {
        return "";
    }
    // A `|` outside every group and class splits the whole pattern.
    let (mut depth, mut class, mut escaped) = (0usize, false, false);
    for c in body.chars() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '[' => class = true,
            ']' if class => class = false,
            _ if class => {}
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '|' if depth == 0 => return "",
            _ => {}
        }
    }
    let start = body
        .char_indices()
        .rev()
        .take_while(|&(_, c)| !SYNTAX.contains(c))
        .last()
        .map_or(body.len(), |(i, _)| i);
    // A character right after a backslash is part of an escape.
    if body[..start].ends_with('\\') {
        return "";
    }
    &body[start..]
}

impl Patterns {
    /// The reason of the first pattern in table order that matches `key`,
    /// whose page-wide patterns matched as `page_hits` says.
    pub(crate) fn first_match(&self, key: &str, page_hits: u32) -> Option<Reason> {
        let (set, reasons) = &self.anchored;
        let mut first = set
            .is_match(key)
            .then(|| set.matches(key).iter().next().map(|i| reasons[i]))
            .flatten();
        for other in &self.others {
            if first.is_some_and(|(f, _)| f < other.index) {
                break;
            }
            let hit = match other.search {
                Search::PerKey { suffix } => key.ends_with(suffix) && other.re.is_match(key),
                Search::PageWide { bit } => page_hits & (1 << bit) != 0,
            };
            if hit {
                first = Some((other.index, other.reason));
                break;
            }
        }
        first.map(|(_, r)| r)
    }
}

pub(crate) static PATTERNS: LazyLock<Patterns> = LazyLock::new(|| {
    let mut anchored = (Vec::new(), Vec::new());
    let mut others = Vec::new();
    let mut bits = 0;
    for (index, &(p, reason)) in chrome::PATTERNS.iter().enumerate() {
        if p.starts_with('^') && !p.starts_with("^.*") {
            anchored.0.push(p);
            anchored.1.push((index, reason));
            continue;
        }
        let p = p.strip_prefix("^.*").unwrap_or(p);
        let search = if page_wide(p) && bits < PAGE_WIDE_MAX {
            bits += 1;
            Search::PageWide { bit: bits - 1 }
        } else {
            Search::PerKey {
                suffix: required_suffix(p),
            }
        };
        others.push(Other {
            index,
            re: Regex::new(p).expect("chrome pattern compiles"),
            reason,
            search,
        });
    }
    let set = RegexSet::new(anchored.0).expect("chrome patterns compile");
    Patterns {
        anchored: (set, anchored.1),
        others,
    }
});

pub(crate) static CREDIT: LazyLock<Vec<Regex>> = LazyLock::new(|| {
    chrome::CREDIT_PATTERNS
        .iter()
        .map(|p| Regex::new(&format!("(?i){p}")).expect("credit patterns compile"))
        .collect()
});

/// [`chrome::TEASER_TOPICS`], compiled to match lower-case text (without
/// case folding the engine searches for the topics' literal words): as one
/// set, whose one search tells most teasers (about no topic) apart, and one
/// by one, which tell the topic (the set's own `matches` would report
/// every overlapping match, a dearer search).
pub(crate) static TEASER: LazyLock<(RegexSet, Vec<(Regex, TeaserKind)>)> = LazyLock::new(|| {
    let topics = chrome::TEASER_TOPICS;
    let set = RegexSet::new(topics.iter().map(|(p, _)| p)).expect("teasers compile");
    let each = topics
        .iter()
        .map(|(p, k)| (Regex::new(p).expect("teaser compiles"), *k))
        .collect();
    (set, each)
});

/// The teaser kind of lower-cased text already judged to be a teaser.
pub(crate) fn teaser_kind_of(key: &str) -> TeaserKind {
    let (set, each) = &*TEASER;
    if !set.is_match(key) {
        return TeaserKind::Article;
    }
    each.iter()
        .find(|(re, _)| re.is_match(key))
        .map_or(TeaserKind::Article, |(_, k)| *k)
}

/// The key of a label, from the block's lower-cased text: without
/// surrounding punctuation and a trailing count ("bình luận (0)").
pub(crate) fn label_key(key: &str) -> &str {
    // Most keys open with a letter or digit and end with a letter: nothing
    // to cut, known from two bytes.
    let b = key.as_bytes();
    if b.first().is_some_and(u8::is_ascii_alphanumeric)
        && b.last().is_some_and(u8::is_ascii_alphabetic)
    {
        return key;
    }
    let t = key.trim_matches(|c: char| !is_alphanumeric(c) && c != '(' && c != '>');
    let t = t.trim_end_matches(|c: char| c.is_ascii_digit() || c == ')' || c == ' ');
    t.trim_end_matches(['(', ' '])
}

/// The last bytes of the stock captions and their endings: a block that
/// ends otherwise (most do) is not compared with them.
pub(crate) static STOCK_LAST_BYTES: LazyLock<Vec<u8>> = LazyLock::new(|| {
    let mut last: Vec<u8> = chrome::STOCK_CAPTIONS
        .iter()
        .chain(chrome::STOCK_CAPTION_ENDS)
        .filter_map(|s| s.as_bytes().last().copied())
        .collect();
    last.sort_unstable();
    last.dedup();
    last
});

/// Whether a lower-cased block ends with a photo credit ("… ảnh: x",
/// "(nguồn: x)") or is a stock caption.
pub(crate) fn caption_marker(key: &str, colon: bool) -> bool {
    let bare = key.trim_end_matches(['.', ' ']);
    if bare
        .as_bytes()
        .last()
        .is_some_and(|b| STOCK_LAST_BYTES.contains(b))
        && (chrome::STOCK_CAPTIONS.contains(&bare)
            || chrome::STOCK_CAPTION_ENDS.iter().any(|e| bare.ends_with(e)))
    {
        return true;
    }
    if copyright_credit(key) {
        return true;
    }
    if !colon {
        return false;
    }
    let Some((head, tail)) = key.rsplit_once(':') else {
        return false;
    };
    let paren = tail.trim_end_matches(['.', ' ']).ends_with(')');
    let tail = tail.trim().trim_end_matches(['.', ')', ' ']);
    let tail_chars = tail.chars().count();
    if tail_chars == 0 || tail_chars > CAPTION_CREDIT_MAX_CHARS || tail.contains('(') {
        return false;
    }
    let head = head.trim_end();
    let opens = |marker: &str| {
        head.strip_suffix(marker).is_some_and(|before| {
            before.is_empty() || before.ends_with([' ', '.', '-', '–', '—', '('])
        })
    };
    chrome::CAPTION_MARKERS.iter().any(|m| opens(m))
        || paren
            && chrome::CAPTION_PAREN_MARKERS
                .iter()
                .any(|m| head.strip_suffix(m).is_some_and(|b| b.ends_with('(')))
}

/// Whether a lower-cased block closes with a photo credit after a
/// copyright sign ("… oleksandr usyk. © zac goodwin/press association/dpa"):
/// text before the sign, a credit's length after it, and no year opening
/// the credit ("… © 2024 funke mediengruppe" is a site's copyright line).
fn copyright_credit(key: &str) -> bool {
    let Some((head, tail)) = key.rsplit_once('©') else {
        return false;
    };
    let tail = tail.trim().trim_end_matches(['.', ' ']);
    let chars = tail.chars().count();
    !head.trim().is_empty()
        && (1..=CAPTION_CREDIT_MAX_CHARS).contains(&chars)
        && !tail.starts_with(|c: char| c.is_ascii_digit())
        && !tail.contains("rights")
}

/// Whether a lower-cased block is an image placeholder: "&lt;headline&gt; - ảnh
/// 1.", "photo 2".
pub(crate) fn placeholder(key: &str) -> bool {
    if key.as_bytes().last().is_some_and(u8::is_ascii_alphabetic) {
        return false;
    }
    let bare = key.trim_end_matches(['.', ' ']);
    // The number ends it: one look settles most lines.
    if !bare.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let Some((rest, number)) = bare.rsplit_once(' ') else {
        return false;
    };
    if number.is_empty() || number.len() > 3 || !number.bytes().all(|c| c.is_ascii_digit()) {
        return false;
    }
    chrome::PLACEHOLDER_WORDS.iter().any(|w| {
        rest.strip_suffix(w).is_some_and(|before| {
            before.is_empty() || [" - ", " – ", " — "].iter().any(|d| before.ends_with(d))
        })
    })
}

/// The credited origin of a credit line, unless what follows "Theo" is a
/// person (that is a byline, read by [`names_of`](crate::recognize::byline::names_of)).
pub(crate) fn credit_of(text: &str) -> Option<String> {
    let text = strip_glued_buttons(text);
    for re in CREDIT.iter() {
        if let Some(c) = re.captures(text) {
            let who = c.get(1)?.as_str().trim().trim_end_matches('.');
            if who.contains(',') || who.split(' ').count() > 8 || who.is_empty() {
                return None;
            }
            return Some(who.to_string());
        }
    }
    None
}

/// How many words a button label glued to a line may have ("link bài gốc",
/// "sao chép liên kết"): the longest follow-and-share labels of the table.
pub(crate) const GLUED_LABEL_MAX_WORDS: usize = 5;

/// `text` without the follow-and-share buttons a scrape glued to its end
/// ("Theo Đại Đoàn kết Copy link", "… Link bài gốc Lấy link!"): trailing
/// runs of words that are whole [`chrome::LABELS`] of that kind.
pub(crate) fn strip_glued_buttons(text: &str) -> &str {
    let mut t = text.trim_end();
    'strip: loop {
        let bare = t.trim_end_matches(['!', '.', ' ']);
        let mut cut = bare.len();
        for _ in 0..GLUED_LABEL_MAX_WORDS {
            let Some(space) = bare[..cut].rfind(' ') else {
                break;
            };
            cut = space;
            let tail = crate::normalize::lower(&bare[space + 1..]);
            if matches!(label_of(&tail), Some((Reason::FollowShare, _))) {
                t = bare[..space].trim_end();
                continue 'strip;
            }
        }
        return t;
    }
}
