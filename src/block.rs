//! The block list: where the HTML and text paths meet.
//!
//! Both input shapes are segmented into a [`Doc`]: an ordered list of
//! [`Block`]s (paragraphs, headings, list items, captions, or, for text
//! input, lines), plus what the page says about itself ([`PageMeta`]).
//! Everything after this stage (classification, metadata, assembly) is shared
//! by both paths and never looks at markup.

use std::borrow::Cow;

use crate::article::{BlockRole, Reason};

/// A page cut into blocks, in reading order.
#[derive(Debug, Clone, Default)]
pub(crate) struct Doc<'a> {
    /// The blocks in document order. Every block has non-empty text.
    pub blocks: Vec<Block<'a>>,
    /// HTML only: the elements that contain blocks, indexed by
    /// [`Block::parent`] and [`Element::parent`]. Element 0 is the root.
    pub elements: Vec<Element>,
    /// What the page says about itself (HTML head, JSON-LD); empty for text.
    pub meta: PageMeta,
    /// Whether the input was HTML.
    pub is_html: bool,
}

impl Doc<'_> {
    /// The element that holds block `i`'s own element: the list of a list
    /// item, the column of a paragraph (a block's `parent` is its own `p` or
    /// `li`). For text input, where there are no elements, the root.
    pub fn holder(&self, i: usize) -> u32 {
        let p = self.blocks[i].parent;
        self.elements.get(p as usize).map_or(p, |e| e.parent)
    }
}

/// One block of running text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Block<'a> {
    /// The text, in NFC with white space folded to single spaces and trimmed.
    /// A line of text input that is already so borrows the input: most
    /// lines of a page are chrome, which the article never copies (a cut
    /// line is only appended to its removed piece).
    pub text: Cow<'a, str>,
    /// What kind of block this is.
    pub kind: BlockKind,
    /// Text input: how many blank lines stand between this line and the
    /// previous one. HTML input: 1 when a non-text box (image, video, iframe,
    /// hr) stands between this block and the previous one, else 0.
    /// Saturates at 255: only gaps of up to three lines are told
    /// apart (`classify::paragraph_gap`), and every block is in memory at
    /// once (a two-byte line of text input is a block).
    pub gap_before: u8,
    /// HTML only: the element that holds this block directly (an index into
    /// [`Doc::elements`]); 0 for text input.
    pub parent: u32,
    /// HTML only: characters of the text that sit inside links.
    pub link_chars: u32,
    /// HTML only: signals from the block's own element and its ancestors.
    pub flags: Flags,
    /// HTML only: the most specific chrome hint from the class, id or role of
    /// the block's element or an ancestor (a "related" box, a "share" bar…).
    pub hint: Option<Reason>,
}

impl<'a> Block<'a> {
    /// A block of plain text input.
    pub fn line(text: Cow<'a, str>, gap_before: u8) -> Block<'a> {
        Block {
            text,
            kind: BlockKind::Line,
            gap_before,
            parent: 0,
            link_chars: 0,
            flags: Flags::EMPTY,
            hint: None,
        }
    }

    /// The share of the text inside links, 0.0 to 1.0.
    pub fn link_density(&self) -> f32 {
        // Most blocks hold no link (a text input's never do): no count.
        if self.link_chars == 0 {
            return 0.0;
        }
        let chars = self.text.chars().count().max(1);
        (self.link_chars as f32 / chars as f32).min(1.0)
    }
}

/// What kind of block a [`Block`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    /// A line of plain text input (its role is not known from markup).
    Line,
    /// A paragraph (`p`, or text directly inside a `div`).
    Paragraph,
    /// A heading `h1`–`h6` with its level.
    Heading(u8),
    /// A list item.
    ListItem,
    /// A caption: `figcaption`, or a caption cell of an image table.
    Caption,
    /// A block quotation.
    Quote,
    /// A table cell.
    Cell,
    /// Preformatted text.
    Pre,
}

impl BlockKind {
    /// The role a kept block of this kind has in the article's body. A
    /// line of text input carries no markup to tell a subheading from a
    /// paragraph, so it is a paragraph.
    pub fn role(self) -> BlockRole {
        match self {
            BlockKind::Line | BlockKind::Paragraph => BlockRole::Paragraph,
            BlockKind::Heading(level) => BlockRole::Heading(level),
            BlockKind::ListItem => BlockRole::ListItem,
            BlockKind::Caption => BlockRole::Caption,
            BlockKind::Quote => BlockRole::Quote,
            BlockKind::Cell => BlockRole::TableCell,
            BlockKind::Pre => BlockRole::Preformatted,
        }
    }
}

/// Bit flags of HTML signals on a block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) struct Flags(pub u32);

impl Flags {
    pub const EMPTY: Flags = Flags(0);
    /// Inside `article`, `main`, `[itemprop=articleBody]` or `[role=main]`.
    pub const IN_ARTICLE: Flags = Flags(1 << 0);
    /// Inside `figure` (and not its caption).
    pub const IN_FIGURE: Flags = Flags(1 << 1);
    /// Inside `nav`, `[role=navigation]` or a `menu`.
    pub const IN_NAV: Flags = Flags(1 << 2);
    /// Inside `header` (not one inside an `article`).
    pub const IN_HEADER: Flags = Flags(1 << 3);
    /// Inside `footer` (not one inside an `article`), or `[role=contentinfo]`.
    pub const IN_FOOTER: Flags = Flags(1 << 4);
    /// Inside `aside` or `[role=complementary]`.
    pub const IN_ASIDE: Flags = Flags(1 << 5);
    /// Inside a list (`ul`, `ol`, `dl`).
    pub const IN_LIST: Flags = Flags(1 << 6);
    /// Inside a table.
    pub const IN_TABLE: Flags = Flags(1 << 7);
    /// The whole text is bold or strong (a subheading written as `<p><b>`).
    pub const BOLD: Flags = Flags(1 << 8);
    /// Inside a `form`, `button`, `select` or `label`.
    pub const IN_FORM: Flags = Flags(1 << 9);
    /// The class, id or itemprop of an ancestor names article content
    /// ("article-body", "detail-content", "fck_detail"…).
    pub const CONTENT_HINT: Flags = Flags(1 << 10);
    /// The whole text of the block is one link.
    pub const ALL_LINK: Flags = Flags(1 << 11);
    /// Right-aligned paragraph (where Vietnamese sites print the byline).
    pub const RIGHT_ALIGNED: Flags = Flags(1 << 12);
    /// Inside `address` or an element whose class/id/rel names an author.
    pub const AUTHOR_HINT: Flags = Flags(1 << 13);
    /// Inside `main` or `[role=main]`: the page's own column, whatever the
    /// page is (a story, a listing, a product).
    pub const IN_MAIN: Flags = Flags(1 << 14);

    /// Whether every flag of `other` is set.
    pub fn has(self, other: Flags) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the flags of `other`.
    pub fn set(&mut self, other: Flags) {
        self.0 |= other.0;
    }
}

impl std::ops::BitOr for Flags {
    type Output = Flags;
    fn bitor(self, rhs: Flags) -> Flags {
        Flags(self.0 | rhs.0)
    }
}

/// An HTML element that holds blocks (directly or below).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Element {
    /// The parent element's index; the root is its own parent (0).
    pub parent: u32,
    /// Depth below the root (root is 0).
    pub depth: u32,
    /// The tag name, as far as a later stage tells it apart.
    pub tag: ElementTag,
    /// Flags of this element and its ancestors.
    pub flags: Flags,
    /// The chrome hint of this element or its nearest hinted ancestor.
    pub hint: Option<Reason>,
}

/// The tag names of [`Element`]s that later stages (and tests) tell apart;
/// every other name is `Other`. A byte, where the name itself took 16 and
/// an allocation for each element (on a page of tiny paragraphs, elements
/// are a third of the memory).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ElementTag {
    /// The root.
    Html,
    Article,
    Form,
    Li,
    Ul,
    Other,
}

/// What an HTML page says about itself, outside its visible text.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct PageMeta {
    /// `<title>`.
    pub title: Option<String>,
    /// The best-ranked metadata title (Dublin Core, Open Graph, Twitter…).
    pub og_title: Option<String>,
    /// Every metadata title, best-ranked first.
    pub titles: Vec<String>,
    /// JSON-LD `headline` values, in order found, without repeats.
    pub ld_headlines: Vec<String>,
    /// The site's name: the first of `og:site_name` and the JSON-LD
    /// publisher's name that reads as a name
    /// ([`crate::recognize::site_name::read`]).
    pub site_name: Option<String>,
    /// `<meta name=application-name>`, when it reads as a name.
    pub app_name: Option<String>,
    /// The page's host, lower case, without "www.": from the URL the caller
    /// gave, else `<link rel=canonical>` or `og:url`, else a site name that
    /// was a URL or a host (`http://www.tmz.com`).
    pub host: Option<String>,
    /// `<link rel=canonical>`, else `og:url`, else the URL the caller gave.
    pub url: Option<String>,
    /// Machine-readable publication times, best first: `article:published_time`
    /// and similar meta tags, JSON-LD `datePublished`, `<time datetime>`.
    /// Raw strings as found.
    pub published: Vec<String>,
    /// Author names from meta tags and JSON-LD, in order found.
    pub authors: Vec<String>,
    /// `<html lang>` or `og:locale`, lower-cased.
    pub lang: Option<String>,
    /// `description` / `og:description`.
    pub description: Option<String>,
    /// `og:type`, lower-cased ("article", "website", "video.other").
    pub og_type: Option<String>,
    /// JSON-LD `@type` values, in order, without repeats (at most
    /// [`crate::html::json_ld::TYPES_MAX`] a script).
    pub ld_types: Vec<String>,
    /// Whether the head has any `article:*` meta tag (`article:published_time`,
    /// `article:section`, `article:tag`…), which Open Graph defines for
    /// articles alone.
    pub article_meta: bool,
}
