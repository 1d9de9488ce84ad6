//! Class, id and role names that say what an element holds, in priority
//! order, with the rule for how their words must sit in a name. The matcher
//! that reads them is [`crate::html::class_names`]; the module docs there
//! say how a name is cut into tokens.

use crate::article::Reason::{self, *};

use Rule::*;
use Signal::*;

/// What an entry signals.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Signal {
    Chrome(Reason),
    Content,
    CaptionName,
    CaptionInFigure,
    Author,
}

/// How an entry's words must sit in the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Rule {
    /// Anywhere, as whole tokens.
    Anywhere,
    /// As whole tokens that end the name, or are followed only by
    /// [`FILLER`] words or numbers.
    Head,
    /// Like `Head`, and also when not preceded by an [`ARTICLE_WORDS`] token:
    /// "header" is the site header, "article-header" is not.
    PageHead,
    /// Anywhere as whole tokens, or glued inside one longer token. Only for
    /// single long words that have no other meaning in class names.
    Glued,
}

/// One entry of the table.
pub(crate) struct Entry {
    pub(crate) words: &'static [&'static str],
    pub(crate) rule: Rule,
    pub(crate) signal: Signal,
}

const fn e(words: &'static [&'static str], rule: Rule, signal: Signal) -> Entry {
    Entry {
        words,
        rule,
        signal,
    }
}

/// The table, in priority order: when one name matches entries of two chrome
/// kinds, the earlier entry wins (a "related-comments" box is a related list).
///
/// Why each group generalises:
/// - Related lists: "related"/"relate" is the English CMS word, "lien quan"
///   ("liên quan") and "cung chuyen muc" ("cùng chuyên mục") the Vietnamese
///   ones; "xem them"/"read more"/"tin khac"/"other news" head the same boxes.
/// - Most read / latest: "most read/viewed/popular", "popular", "trending",
///   "latest", and Vietnamese "xem nhieu"/"doc nhieu" ("read a lot") and
///   "tin moi" ("new stories").
/// - Share bars: "share", "sharing", "social", "follow", "subscribe",
///   "newsletter" name the same widget everywhere.
/// - Comments: "comment(s)", "binh luan" ("bình luận"), "feedback", "disqus".
/// - Tags: "tag(s)", "keyword(s)", "tu khoa" ("từ khóa"), "hashtag".
/// - Ads: "ad(s)", "advert…", "banner", "sponsor(ed)", "quang cao"
///   ("quảng cáo"), Google's "adsbygoogle".
/// - Players: "player", "video player", "jwplayer".
/// - Navigation: "menu", "nav", "navbar", "navigation", "breadcrumb",
///   "topbar", and "header" when it is the page's own (not "article-header").
/// - Pop-ups: "modal", "popup", "overlay", "paywall": boxes drawn over the
///   page (log-in, payment, consent), never article text.
/// - Footer: "footer" (page-level as above) and "copyright".
/// - Side columns: "sidebar" (the article's own column under that name,
///   "sidebar-1" on some CMSes, is voided by the classifier, which sees it
///   holds most of the page's prose).
/// - Content: the names CMSes give the article's text column: "article body",
///   "detail content", "entry content", "post content", "story body",
///   "fck detail" (the CKEditor output class many Vietnamese CMSes keep),
///   "maincontent".
/// - Captions: "caption" (also glued: "imagecaption", "tplCaption" splits
///   anyway) and, inside figures only, "desc".
/// - Authors: "author", "byline", "tac gia" ("tác giả"), "writer", "reporter".
pub(crate) static TABLE: &[Entry] = &[
    // Related lists.
    e(&["related"], Glued, Chrome(RelatedList)),
    e(&["relate"], Head, Chrome(RelatedList)),
    e(&["lien", "quan"], Head, Chrome(RelatedList)),
    e(&["lienquan"], Glued, Chrome(RelatedList)),
    e(&["tinlienquan"], Glued, Chrome(RelatedList)),
    e(&["same", "category"], Head, Chrome(RelatedList)),
    e(&["cung", "chuyen", "muc"], Head, Chrome(RelatedList)),
    e(&["cungchuyenmuc"], Glued, Chrome(RelatedList)),
    e(&["xem", "them"], Head, Chrome(RelatedList)),
    e(&["xemthem"], Head, Chrome(RelatedList)),
    e(&["read", "more"], Head, Chrome(RelatedList)),
    e(&["readmore"], Head, Chrome(RelatedList)),
    e(&["tin", "khac"], Head, Chrome(RelatedList)),
    e(&["other", "news"], Head, Chrome(RelatedList)),
    // Most read, latest.
    e(&["most", "read"], Head, Chrome(MostRead)),
    e(&["most", "viewed"], Head, Chrome(MostRead)),
    e(&["most", "popular"], Head, Chrome(MostRead)),
    e(&["mostread"], Glued, Chrome(MostRead)),
    e(&["mostviewed"], Glued, Chrome(MostRead)),
    e(&["popular"], Head, Chrome(MostRead)),
    e(&["trending"], Head, Chrome(MostRead)),
    e(&["latest"], Head, Chrome(MostRead)),
    e(&["xem", "nhieu"], Head, Chrome(MostRead)),
    e(&["xemnhieu"], Glued, Chrome(MostRead)),
    e(&["doc", "nhieu"], Head, Chrome(MostRead)),
    e(&["docnhieu"], Glued, Chrome(MostRead)),
    e(&["tin", "moi"], Head, Chrome(MostRead)),
    e(&["tinmoi"], Head, Chrome(MostRead)),
    // Players (before share: a "player-share" bar belongs to the player).
    e(&["player"], Glued, Chrome(PlayerWidget)),
    // Share bars.
    e(&["share"], Head, Chrome(FollowShare)),
    e(&["sharing"], Head, Chrome(FollowShare)),
    e(&["social"], Head, Chrome(FollowShare)),
    e(&["follow"], Head, Chrome(FollowShare)),
    e(&["subscribe"], Head, Chrome(FollowShare)),
    e(&["newsletter"], Head, Chrome(FollowShare)),
    // Comments.
    e(&["comment"], Head, Chrome(Comments)),
    e(&["comments"], Head, Chrome(Comments)),
    e(&["binh", "luan"], Head, Chrome(Comments)),
    e(&["binhluan"], Glued, Chrome(Comments)),
    e(&["feedback"], Head, Chrome(Comments)),
    e(&["disqus"], Glued, Chrome(Comments)),
    // Tags.
    e(&["tag"], Head, Chrome(Tags)),
    e(&["tags"], Head, Chrome(Tags)),
    e(&["keyword"], Head, Chrome(Tags)),
    e(&["keywords"], Head, Chrome(Tags)),
    e(&["tu", "khoa"], Head, Chrome(Tags)),
    e(&["tukhoa"], Head, Chrome(Tags)),
    e(&["hashtag"], Glued, Chrome(Tags)),
    // Advertising.
    e(&["ad"], Head, Chrome(Advertisement)),
    e(&["ads"], Head, Chrome(Advertisement)),
    e(&["advert"], Glued, Chrome(Advertisement)),
    e(&["banner"], Head, Chrome(Advertisement)),
    e(&["sponsor"], Glued, Chrome(Advertisement)),
    e(&["quang", "cao"], Head, Chrome(Advertisement)),
    e(&["quangcao"], Glued, Chrome(Advertisement)),
    e(&["adsbygoogle"], Anywhere, Chrome(Advertisement)),
    // Navigation.
    e(&["menu"], Head, Chrome(Navigation)),
    e(&["nav"], Head, Chrome(Navigation)),
    e(&["navbar"], Head, Chrome(Navigation)),
    e(&["navigation"], Head, Chrome(Navigation)),
    e(&["breadcrumb"], Glued, Chrome(Navigation)),
    e(&["topbar"], Head, Chrome(Navigation)),
    e(&["header"], PageHead, Chrome(Navigation)),
    // Pop-ups: modals, overlays and paywall prompts sit over the page, never
    // in the article's text.
    e(&["modal"], Head, Chrome(Boilerplate)),
    e(&["popup"], Glued, Chrome(Boilerplate)),
    e(&["overlay"], Head, Chrome(Boilerplate)),
    e(&["paywall"], Glued, Chrome(Boilerplate)),
    // Side columns of widgets. Some CMSes name the article's own column
    // "sidebar-1": a hinted box holding most of the page's prose is voided
    // by the classifier (`HINT_VOID_SHARE`), so the name can be listed.
    e(&["sidebar"], Head, Chrome(Boilerplate)),
    // Footer.
    e(&["footer"], PageHead, Chrome(Footer)),
    e(&["copyright"], Glued, Chrome(Footer)),
    // Article content.
    e(&["article", "body"], Anywhere, Content),
    e(&["articlebody"], Anywhere, Content),
    e(&["article", "content"], Anywhere, Content),
    e(&["detail", "content"], Anywhere, Content),
    e(&["content", "detail"], Anywhere, Content),
    e(&["detail", "body"], Anywhere, Content),
    e(&["fck", "detail"], Anywhere, Content),
    e(&["maincontent"], Anywhere, Content),
    e(&["entry", "content"], Anywhere, Content),
    e(&["post", "content"], Anywhere, Content),
    e(&["post", "body"], Anywhere, Content),
    e(&["story", "body"], Anywhere, Content),
    e(&["story", "content"], Anywhere, Content),
    e(&["news", "content"], Anywhere, Content),
    // Captions.
    e(&["caption"], Glued, CaptionName),
    e(&["figcaption"], Anywhere, CaptionName),
    e(&["desc"], Anywhere, CaptionInFigure),
    // Authors.
    e(&["author"], Glued, Author),
    e(&["byline"], Glued, Author),
    e(&["tac", "gia"], Anywhere, Author),
    e(&["tacgia"], Anywhere, Author),
    e(&["writer"], Anywhere, Author),
    e(&["reporter"], Anywhere, Author),
];

/// Generic container words that may follow a [`Rule::Head`] match: a
/// "related-news-box" is still a related box.
pub(crate) static FILLER: &[&str] = &[
    "area",
    "article",
    "articles",
    "bar",
    "block",
    "body",
    "bottom",
    "box",
    "btn",
    "button",
    "buttons",
    "cont",
    "container",
    "content",
    "desktop",
    "detail",
    "holder",
    "home",
    "icon",
    "icons",
    "inner",
    "item",
    "items",
    "label",
    "left",
    "link",
    "links",
    "list",
    "main",
    "mb",
    "mobile",
    "module",
    "nhat",
    "news",
    "outer",
    "panel",
    "pc",
    "post",
    "posts",
    "right",
    "section",
    "slot",
    "stories",
    "story",
    "tin",
    "title",
    "top",
    "widget",
    "wrap",
    "wrapper",
    "zone",
];

/// Words that, right before "header" or "footer", make it the article's own
/// header or footer rather than the page's.
pub(crate) static ARTICLE_WORDS: &[&str] = &[
    "article", "content", "detail", "entry", "news", "post", "single", "story",
];
