//! Class, id and role names that say what an element holds.
//!
//! Sites name their boxes after what they are: "related-news", "box-tinlienquan",
//! "article-body", "fck_detail". This module is the data table of such names
//! and the matcher that reads them. Every entry is a word (or a short word
//! sequence) that many unrelated sites use for the same thing, in English or
//! Vietnamese; no entry names one outlet's private CSS.
//!
//! A class, id or role value is a whitespace-separated list of names
//! ("box-tags clearfix"), and each name is read on its own: it is cut into
//! lower-case tokens at `-`, `_`, other punctuation, digits/letters changes
//! and camelCase boundaries ("PhotoCMS_Caption" → `photo cms caption`,
//! "tinLienQuan" → `tin lien quan`). An entry matches a run of whole tokens
//! of one name, so "shareholder" is not "share". Entries marked
//! [`Rule::Head`](crate::data::class_names::Rule::Head) must also be the head noun of the name: the last tokens, or
//! followed only by generic container words ("related-news-box"), which keeps
//! WordPress-style state classes such as "tag-economy", "tags-free-text" or
//! "comments-open" from reading as chrome. Entries marked
//! [`Rule::Glued`](crate::data::class_names::Rule::Glued)
//! may also sit glued inside a longer token ("relatedbox", "boxtinlienquan"):
//! only long, unambiguous words get that rule. The hints of a value's
//! names are pooled; when they name several chrome kinds, the earliest table
//! entry wins, whatever order the names come in.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::article::Reason;
use crate::data::class_names::{ARTICLE_WORDS, Entry, FILLER, Rule::*, Signal::*, TABLE};

/// What the tokens of one element's class, id or role say.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Hint {
    /// The chrome kind named, the first found in table order.
    pub reason: Option<Reason>,
    /// The name says "article content" ("article-body", "detail-content").
    pub content: bool,
    /// The name says "caption" wherever it stands.
    pub caption: bool,
    /// The name says "desc" (a description), which is a caption only inside
    /// a figure or an image table (outside, a description is usually the
    /// lead; the longer token "description" is not read as one).
    pub caption_in_figure: bool,
    /// The name says "author" or "byline".
    pub author: bool,
}

impl Hint {
    /// Combines two hints; the chrome reason of `self` wins when both have one.
    pub fn merge(&mut self, other: Hint) {
        if self.reason.is_none() {
            self.reason = other.reason;
        }
        self.content |= other.content;
        self.caption |= other.caption;
        self.caption_in_figure |= other.caption_in_figure;
        self.author |= other.author;
    }
}

/// Glued matches need the word to be at least this long: shorter words
/// ("ads", "tag") occur inside unrelated words ("downloads", "stage").
const GLUE_MIN: usize = 6;

/// A reusable token buffer, so that classifying allocates nothing once warm.
#[derive(Debug, Default)]
pub(crate) struct Tokens {
    buf: String,
    spans: Vec<(u32, u32)>,
}

impl Tokens {
    /// Cuts `value` into lower-case ASCII-letter and digit tokens.
    fn split(&mut self, value: &str) {
        self.buf.clear();
        self.spans.clear();
        let mut start = 0usize;
        // 0: separator, 1: lower, 2: upper, 3: digit.
        let mut prev = 0u8;
        let bytes = value.as_bytes();
        for (i, &b) in bytes.iter().enumerate() {
            let class = match b {
                b'a'..=b'z' => 1,
                b'A'..=b'Z' => 2,
                b'0'..=b'9' => 3,
                _ => 0,
            };
            let next_lower = bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase);
            // A new token starts at a class change, except upper → lower
            // inside a word; "CMSCaption" splits before the "C" of "Caption".
            let boundary = class != 0
                && (prev == 0
                    || (class == 2 && prev == 1)
                    || (class == 2 && prev == 2 && next_lower)
                    || (class == 3) != (prev == 3));
            if boundary && self.buf.len() > start {
                self.spans.push((start as u32, self.buf.len() as u32));
                start = self.buf.len();
            }
            if class == 0 {
                if self.buf.len() > start {
                    self.spans.push((start as u32, self.buf.len() as u32));
                }
                start = self.buf.len();
            } else {
                self.buf.push(b.to_ascii_lowercase() as char);
            }
            prev = class;
        }
        if self.buf.len() > start {
            self.spans.push((start as u32, self.buf.len() as u32));
        }
    }

    fn token(&self, i: usize) -> &str {
        let (s, e) = self.spans[i];
        &self.buf[s as usize..e as usize]
    }

    fn is_filler(&self, i: usize) -> bool {
        let t = self.token(i);
        t.bytes().all(|b| b.is_ascii_digit()) || FILLER.contains(&t)
    }
}

/// Table entries by their first word, and the glued entries: built once so
/// that reading a name costs one map lookup per token.
struct Index {
    by_first: HashMap<&'static str, Vec<usize>>,
    glued: Vec<usize>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let mut by_first: HashMap<&'static str, Vec<usize>> = HashMap::new();
    let mut glued = Vec::new();
    for (i, entry) in TABLE.iter().enumerate() {
        by_first.entry(entry.words[0]).or_default().push(i);
        if entry.rule == Glued && entry.words.len() == 1 && entry.words[0].len() >= GLUE_MIN {
            glued.push(i);
        }
    }
    Index { by_first, glued }
});

/// Whether `entry` matches at token `i` as whole tokens, by its rule.
fn matches_at(entry: &Entry, tokens: &Tokens, i: usize) -> bool {
    let n = tokens.spans.len();
    let k = entry.words.len();
    if i + k > n || !(0..k).all(|j| tokens.token(i + j) == entry.words[j]) {
        return false;
    }
    match entry.rule {
        Anywhere | Glued => true,
        Head => (i + k..n).all(|j| tokens.is_filler(j)),
        PageHead => {
            (i + k..n).all(|j| tokens.is_filler(j))
                && (i == 0 || !ARTICLE_WORDS.contains(&tokens.token(i - 1)))
        }
    }
}

/// Reads one class, id or role value; `tokens` is scratch space.
///
/// The value is a whitespace-separated list of names (a class attribute
/// such as "box-tags clearfix", a role list); each name is read on its own,
/// so a [`Rule::Head`](crate::data::class_names::Rule::Head) entry needs its filler words inside its own name and
/// a multi-word entry never spans two names. The hints of the names are
/// pooled; when several names (or entries) say chrome, the earliest entry in
/// table order wins, whatever order the names come in: the names of a class
/// attribute form an unordered set, and the table is the one priority list.
pub(crate) fn classify(value: &str, tokens: &mut Tokens) -> Hint {
    let mut hint = Hint::default();
    let index = &*INDEX;
    // The earliest matching chrome entry wins (table order is priority).
    let mut best = usize::MAX;
    let mut apply = |ei: usize, hint: &mut Hint| match TABLE[ei].signal {
        Chrome(_) => best = best.min(ei),
        Content => hint.content = true,
        CaptionName => hint.caption = true,
        CaptionInFigure => hint.caption_in_figure = true,
        Author => hint.author = true,
    };
    for name in value.split_ascii_whitespace() {
        tokens.split(name);
        for i in 0..tokens.spans.len() {
            let t = tokens.token(i);
            if let Some(list) = index.by_first.get(t) {
                for &ei in list {
                    if matches_at(&TABLE[ei], tokens, i) {
                        apply(ei, &mut hint);
                    }
                }
            }
            if t.len() > GLUE_MIN {
                for &ei in &index.glued {
                    let w = TABLE[ei].words[0];
                    if t.len() > w.len() && (t.starts_with(w) || t.ends_with(w)) {
                        apply(ei, &mut hint);
                    }
                }
            }
        }
    }
    if let Some(Chrome(r)) = TABLE.get(best).map(|e| e.signal) {
        hint.reason = Some(r);
    }
    hint
}

#[cfg(test)]
mod tests {
    use super::*;
    use Reason::*;

    fn reason(v: &str) -> Option<Reason> {
        classify(v, &mut Tokens::default()).reason
    }

    #[test]
    fn splits_camel_case_and_separators() {
        let mut t = Tokens::default();
        t.split("PhotoCMS_Caption tinLienQuan box-2col");
        let got: Vec<&str> = (0..t.spans.len()).map(|i| t.token(i)).collect();
        assert_eq!(
            got,
            [
                "photo", "cms", "caption", "tin", "lien", "quan", "box", "2", "col"
            ]
        );
    }

    #[test]
    fn related_and_most_read() {
        assert_eq!(reason("box-tinlienquan"), Some(RelatedList));
        assert_eq!(reason("tin-lien-quan"), Some(RelatedList));
        assert_eq!(reason("kbw-relatedbox"), Some(RelatedList));
        assert_eq!(reason("related-news"), Some(RelatedList));
        assert_eq!(reason("box-xem-nhieu-nhat"), Some(MostRead));
        assert_eq!(reason("mostViewed"), Some(MostRead));
    }

    #[test]
    fn whole_tokens_only() {
        assert_eq!(reason("shareholder-news"), None);
        assert_eq!(reason("downloads"), None);
        assert_eq!(reason("share-buttons"), Some(FollowShare));
        assert_eq!(reason("box-tags"), Some(Tags));
        assert_eq!(reason("tag-economy"), None);
        assert_eq!(reason("tags-free-text"), None);
        assert_eq!(reason("comments-open"), None);
    }

    /// Each whitespace-separated name is read on its own: a utility class
    /// after a chrome name ("clearfix", "d-flex", "fl") no longer stands
    /// between the head word and the end of its name.
    #[test]
    fn names_read_one_by_one() {
        let cases: &[(&str, Option<Reason>)] = &[
            ("box-tags clearfix", Some(Tags)),
            ("clearfix box-tags", Some(Tags)),
            ("tag_detail d-flex", Some(Tags)),
            ("ads align-center", Some(Advertisement)),
            ("vnn-btn-share facebook", Some(FollowShare)),
            ("zalo-share-button fl", Some(FollowShare)),
            ("social_comment flexbox", Some(Comments)),
            ("header_main clearfix", Some(Navigation)),
            ("all-menu has_transition", Some(Navigation)),
            ("footer_bottom d-flex", Some(Footer)),
            ("related-news  \t\n clearfix", Some(RelatedList)),
            // Several chrome names: the earliest table entry wins, in
            // either order of the names.
            ("banner caja_footer", Some(Advertisement)),
            ("caja_footer banner", Some(Advertisement)),
            ("c-nav c-nav--footer", Some(Navigation)),
            ("c-nav--footer c-nav", Some(Navigation)),
            // WordPress state classes still say nothing, alone or in the
            // post's usual class list.
            ("tag-economy", None),
            ("tags-free-text", None),
            ("comments-open", None),
            (
                "post-12 post type-post status-publish format-standard \
                 hentry category-news tag-economy tag-trade",
                None,
            ),
            // A multi-word entry never spans two names.
            ("read more", None),
            ("", None),
            ("   ", None),
        ];
        for &(value, want) in cases {
            assert_eq!(reason(value), want, "{value:?}");
        }
    }

    /// Flags from different names of one value are pooled.
    #[test]
    fn names_pool_their_flags() {
        let h = classify("author-info social-links", &mut Tokens::default());
        assert_eq!(h.reason, Some(FollowShare));
        assert!(h.author);
        let h = classify("fck_detail clearfix", &mut Tokens::default());
        assert_eq!(h.reason, None);
        assert!(h.content);
    }

    #[test]
    fn page_header_not_article_header() {
        assert_eq!(reason("header"), Some(Navigation));
        assert_eq!(reason("site-header top"), Some(Navigation));
        assert_eq!(reason("detail-header"), None);
        assert_eq!(reason("article-footer"), None);
        assert_eq!(reason("footer"), Some(Footer));
    }

    #[test]
    fn content_caption_author() {
        let mut t = Tokens::default();
        assert!(classify("fck_detail", &mut t).content);
        assert!(classify("detail-content afcbc-body", &mut t).content);
        assert!(classify("content_detail_news", &mut t).content);
        assert!(classify("PhotoCMS_Caption", &mut t).caption);
        assert!(classify("tplCaption", &mut t).caption);
        assert!(!classify("description", &mut t).caption_in_figure);
        assert!(classify("author_mail", &mut t).author);
        assert!(classify("byline", &mut t).author);
    }
}
