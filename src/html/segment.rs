//! Stage 3 for HTML: cuts the stream of elements and text that the parser
//! hands over into blocks, the way a browser's `innerText` breaks lines,
//! with the flags and class-name hints each block inherits.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::{LocalName, local_name};

use crate::article::Reason;
use crate::block::{Block, BlockKind, Element, ElementTag, Flags};
use crate::html::class_names::{self, Hint, Tokens};
use crate::html::tokens::{Key, find_attr};
use crate::normalize::{nfc, push_folded};

/// "No node" in the index links.
const NONE: u32 = u32::MAX;
/// What an element does to the block list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// Not shown: its subtree is skipped.
    Skip,
    /// A replaced box (image, video, frame): skipped, and the next block
    /// gets `gap_before = 1`.
    Gap,
    /// A line break.
    Br,
    /// Starts and ends a block.
    Block,
    /// Part of the running text.
    Inline,
}

/// Private context bit: inside an element that names a caption.
const CAPTION_CTX: Flags = Flags(1 << 30);
/// Private context bit: inside `blockquote`.
const QUOTE_CTX: Flags = Flags(1 << 29);
/// Private context bit: inside `pre`.
const PRE_CTX: Flags = Flags(1 << 28);
/// Private context bit: under `visibility: hidden` (or `collapse`). Unlike
/// `display: none` it is inherited and a descendant's `visibility: visible`
/// shows that descendant again, so the subtree is walked and only the text
/// of invisible elements is dropped.
const INVISIBLE_CTX: Flags = Flags(1 << 27);
/// The private bits, stripped from what is emitted.
const PRIVATE: u32 = (1 << 30) | (1 << 29) | (1 << 28) | (1 << 27);

fn public(f: Flags) -> Flags {
    Flags(f.0 & !PRIVATE)
}

pub(crate) fn role_of(local: &LocalName) -> Role {
    match *local {
        local_name!("head")
        | local_name!("script")
        | local_name!("style")
        | local_name!("noscript")
        | local_name!("template")
        | local_name!("title")
        | local_name!("select")
        | local_name!("option")
        | local_name!("datalist")
        | local_name!("textarea")
        | local_name!("button")
        | local_name!("input")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("map") => Role::Skip,
        local_name!("img")
        | local_name!("picture")
        | local_name!("video")
        | local_name!("audio")
        | local_name!("iframe")
        | local_name!("object")
        | local_name!("embed")
        | local_name!("canvas") => Role::Gap,
        local_name!("br") => Role::Br,
        local_name!("html")
        | local_name!("body")
        | local_name!("p")
        | local_name!("div")
        | local_name!("search")
        | local_name!("section")
        | local_name!("article")
        | local_name!("header")
        | local_name!("footer")
        | local_name!("nav")
        | local_name!("aside")
        | local_name!("main")
        | local_name!("h1")
        | local_name!("h2")
        | local_name!("h3")
        | local_name!("h4")
        | local_name!("h5")
        | local_name!("h6")
        | local_name!("hgroup")
        | local_name!("ul")
        | local_name!("ol")
        | local_name!("li")
        | local_name!("dl")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("menu")
        | local_name!("dir")
        | local_name!("table")
        | local_name!("caption")
        | local_name!("thead")
        | local_name!("tbody")
        | local_name!("tfoot")
        | local_name!("tr")
        | local_name!("td")
        | local_name!("th")
        | local_name!("blockquote")
        | local_name!("pre")
        | local_name!("listing")
        | local_name!("xmp")
        | local_name!("plaintext")
        | local_name!("figure")
        | local_name!("figcaption")
        | local_name!("form")
        | local_name!("fieldset")
        | local_name!("legend")
        | local_name!("address")
        | local_name!("hr")
        | local_name!("center")
        | local_name!("details")
        | local_name!("summary")
        | local_name!("dialog") => Role::Block,
        _ => Role::Inline,
    }
}

/// One open element of the walk.
#[derive(Debug, Clone)]
struct Frame {
    /// The element's name.
    tag: LocalName,
    block: bool,
    depth: u32,
    /// Inherited flags plus private context bits; `ALL_LINK` and `BOLD` here
    /// mean "inside a link / inside bold", and become block flags only when
    /// they hold for every piece of a block's text.
    flags: Flags,
    hint: Option<Reason>,
    /// Block frames: the kind of a block of this element's own text.
    kind: BlockKind,
    /// Block frames: the element index once recorded, else `NONE`.
    elem: u32,
}

/// A `form` holding more than this share of the page's text (in bytes)
/// wraps the page rather than being a widget in it: search boxes, logins
/// and comment forms hold a few labels, a page wrapper nearly all the text.
/// One half, as the classifier's share that voids a chrome hint on the
/// container of most of the page's prose.
const FORM_WRAPPER_SHARE: f32 = 0.5;

/// The block being filled.
#[derive(Debug)]
struct Pending {
    text: String,
    link_chars: u32,
    /// Flags common to every piece of text.
    flags: Flags,
    /// The hint common to every piece; `None` inside when they differ.
    hint: Option<Option<Reason>>,
    started: bool,
    gap: u8,
    /// `<br>`s in a row with no text between.
    brs: u32,
}

impl Pending {
    fn new() -> Pending {
        Pending {
            text: String::new(),
            link_chars: 0,
            flags: Flags(u32::MAX),
            hint: None,
            started: false,
            gap: 0,
            brs: 0,
        }
    }
}

/// Cuts a stream of elements and text into blocks: fed by the
/// tokenizer-driven parse ([`crate::html::tree`]), and in tests by the walk
/// over the tree builder's tree (`testutil::tree`).
pub(crate) struct Walker {
    max_depth: u32,
    stack: Vec<Frame>,
    /// Indices into `stack` of the block frames.
    blocks_open: Vec<u32>,
    blocks: Vec<Block<'static>>,
    elements: Vec<Element>,
    cur: Pending,
    gap_pending: bool,
    tokens: Tokens,
    /// Hints by class attribute, per page: pages repeat a few class
    /// attributes on many elements. Keyed by the page's own text, so hashed
    /// with the per-process seed ([`crate::hash`]).
    class_memo: crate::hash::FastMap<String, Hint>,
    /// What long inline styles say, by style attribute ([`STYLE_MEMO_MIN`]).
    style_memo: crate::hash::FastMap<String, Style>,
    /// Whether the `hidden` attribute is ignored: set for the second
    /// reading of a page whose shown text holds no article (see
    /// [`crate::html::tree::parse_showing_hidden`]).
    show_hidden: bool,
    /// Whether `<noscript>` is read as a container of shown text: set for
    /// the reading with scripting off (see
    /// [`crate::html::tree::parse_without_scripts`]).
    show_noscript: bool,
}

/// Style attributes at least this long (bytes) are read once per page and
/// remembered: an unclosed formatting element is reopened before every later
/// run of text, and reading its style again each time cost up to
/// [`ATTR_VALUE_MAX`](crate::html::tokens::ATTR_VALUE_MAX) bytes of work per reopening (a 2 KB style over 8-byte
/// paragraphs: 1 µs per input byte). Shorter ones cost less to read than to
/// remember.
const STYLE_MEMO_MIN: usize = 128;

impl Walker {
    pub(crate) fn new(max_depth: usize) -> Walker {
        let mut w = Walker {
            max_depth: max_depth.min(u32::MAX as usize) as u32,
            stack: Vec::new(),
            blocks_open: Vec::new(),
            blocks: Vec::new(),
            elements: vec![Element {
                parent: 0,
                depth: 0,
                tag: ElementTag::Html,
                flags: Flags::EMPTY,
                hint: None,
            }],
            cur: Pending::new(),
            gap_pending: false,
            tokens: Tokens::default(),
            class_memo: crate::hash::FastMap::default(),
            style_memo: crate::hash::FastMap::default(),
            show_hidden: false,
            show_noscript: false,
        };
        // The document frame: never popped by `close`.
        w.stack.push(Frame {
            tag: local_name!(""),
            block: false,
            depth: 0,
            flags: Flags::EMPTY,
            hint: None,
            kind: BlockKind::Paragraph,
            elem: NONE,
        });
        w
    }

    /// Reads elements with the `hidden` attribute as shown.
    pub(crate) fn show_hidden(&mut self) {
        self.show_hidden = true;
    }

    /// Reads `<noscript>` as a container of shown text.
    pub(crate) fn show_noscript(&mut self) {
        self.show_noscript = true;
    }

    /// Ends the last block and hands back the blocks and their elements.
    pub(crate) fn finish(mut self) -> (Vec<Block<'static>>, Vec<Element>) {
        self.flush();
        self.mark_form_widgets();
        // Capacity doubles as blocks and elements are pushed: up to twice
        // their size held for the rest of the clean (a page of tiny
        // paragraphs is mostly these two lists).
        self.blocks.shrink_to_fit();
        self.elements.shrink_to_fit();
        (self.blocks, self.elements)
    }

    /// Sets `IN_FORM` on the blocks and elements inside a form widget: a
    /// `form` that holds at most [`FORM_WRAPPER_SHARE`] of the page's text.
    /// A bigger one wraps the page (ASP.NET WebForms pages sit in one
    /// `<form>`, `<main><article>` and all) and says nothing about the text
    /// in it. Linear: elements are recorded after their parents.
    fn mark_form_widgets(&mut self) {
        let m = self.elements.len();
        let mut text = vec![0usize; m];
        let mut total = 0usize;
        for b in &self.blocks {
            text[b.parent as usize] += b.text.len();
            total += b.text.len();
        }
        for e in (1..m).rev() {
            let p = self.elements[e].parent as usize;
            text[p] += text[e];
        }
        let mut widget = vec![false; m];
        for e in 0..m {
            let el = &mut self.elements[e];
            let inherited = e > 0 && widget[el.parent as usize];
            widget[e] = inherited
                || (el.tag == ElementTag::Form
                    && text[e] as f32 <= FORM_WRAPPER_SHARE * total as f32);
            if widget[e] {
                el.flags.set(Flags::IN_FORM);
            }
        }
        for b in &mut self.blocks {
            if widget[b.parent as usize] {
                b.flags.set(Flags::IN_FORM);
            }
        }
    }

    /// Closes the innermost element opened by [`Walker::open`].
    pub(crate) fn close(&mut self) {
        if self.stack.len() <= 1 {
            return;
        }
        if self.stack.last().is_some_and(|f| f.block) {
            self.flush();
            self.blocks_open.pop();
        }
        self.stack.pop();
    }

    /// Opens an HTML element with its kept attributes; `cursor` is the
    /// tree walk's first child. Returns false when the element shows no
    /// text of its own (skipped, hidden, a replaced box, a line break): its
    /// content must then be skipped and no [`Walker::close`] follows.
    pub(crate) fn open(&mut self, local: &LocalName, attrs: &[(Key, StrTendril)]) -> bool {
        let parent = self.stack.last().expect("document frame").clone();
        let mut role = role_of(local);
        if role == Role::Skip {
            if !(self.show_noscript && *local == local_name!("noscript")) {
                return false;
            }
            role = Role::Block;
        }
        let mut flags = parent.flags;
        // First the attributes that can hide the element, and the early
        // exits: an element that shows no text needs no hints read.
        let mut hidden = false;
        let mut visibility = None;
        for (key, value) in attrs {
            let value: &str = value;
            match key {
                // Not `aria-hidden`: it hides an element from screen
                // readers only, and snapshots taken with a modal open carry
                // it on the whole page behind the modal.
                Key::Hidden => hidden |= !self.show_hidden,
                Key::Style => {
                    let style = if value.len() < STYLE_MEMO_MIN {
                        read_style(value)
                    } else if let Some(s) = self.style_memo.get(value) {
                        *s
                    } else {
                        let s = read_style(value);
                        self.style_memo.insert(value.to_string(), s);
                        s
                    };
                    hidden |= style.display_none;
                    visibility = style.visible.or(visibility);
                    if style.right {
                        flags.set(Flags::RIGHT_ALIGNED);
                    }
                }
                _ => {}
            }
        }
        if hidden {
            return false;
        }
        match visibility {
            Some(false) => flags.set(INVISIBLE_CTX),
            Some(true) => flags = Flags(flags.0 & !INVISIBLE_CTX.0),
            None => {}
        }
        if *local == local_name!("dialog") && find_attr(attrs, Key::Open).is_none() {
            return false;
        }
        if role == Role::Gap {
            self.gap_pending = true;
            return false;
        }
        if role == Role::Br {
            self.line_break();
            return false;
        }
        let mut own = Hint::default();
        let is_root = matches!(*local, local_name!("html") | local_name!("body"));
        for (key, value) in attrs {
            let value: &str = value;
            match key {
                Key::Align if value.trim().eq_ignore_ascii_case("right") => {
                    flags.set(Flags::RIGHT_ALIGNED);
                }
                Key::Rel if value.split_ascii_whitespace().any(|t| t == "author") => {
                    flags.set(Flags::AUTHOR_HINT);
                }
                Key::Itemprop => {
                    for t in value.split_ascii_whitespace() {
                        if t.eq_ignore_ascii_case("articlebody") {
                            flags.set(Flags::IN_ARTICLE | Flags::CONTENT_HINT);
                        } else if t == "author" || t == "creator" {
                            flags.set(Flags::AUTHOR_HINT);
                        }
                    }
                }
                Key::Role => {
                    for t in value.split_ascii_whitespace() {
                        match t {
                            "navigation" | "menu" | "menubar" => flags.set(Flags::IN_NAV),
                            "main" => flags.set(Flags::IN_ARTICLE | Flags::IN_MAIN),
                            "article" => flags.set(Flags::IN_ARTICLE),
                            "complementary" => flags.set(Flags::IN_ASIDE),
                            "contentinfo" => flags.set(Flags::IN_FOOTER),
                            "banner" => flags.set(Flags::IN_HEADER),
                            "form" | "search" => flags.set(Flags::IN_FORM),
                            _ => {}
                        }
                    }
                    if !is_root {
                        own.merge(class_names::classify(value, &mut self.tokens));
                    }
                }
                Key::Class if !is_root => {
                    let h = match self.class_memo.get(value) {
                        Some(h) => *h,
                        None => {
                            let h = class_names::classify(value, &mut self.tokens);
                            self.class_memo.insert(value.to_string(), h);
                            h
                        }
                    };
                    own.merge(h);
                }
                Key::Id if !is_root => own.merge(class_names::classify(value, &mut self.tokens)),
                _ => {}
            }
        }
        match *local {
            local_name!("article") => flags.set(Flags::IN_ARTICLE),
            local_name!("main") => flags.set(Flags::IN_ARTICLE | Flags::IN_MAIN),
            local_name!("figure") => flags.set(Flags::IN_FIGURE),
            local_name!("figcaption") => {
                flags = Flags(flags.0 & !Flags::IN_FIGURE.0);
                flags.set(CAPTION_CTX);
            }
            local_name!("nav") => flags.set(Flags::IN_NAV),
            local_name!("menu") => flags.set(Flags::IN_NAV | Flags::IN_LIST),
            local_name!("header") if !parent.flags.has(Flags::IN_ARTICLE) => {
                flags.set(Flags::IN_HEADER)
            }
            local_name!("footer") if !parent.flags.has(Flags::IN_ARTICLE) => {
                flags.set(Flags::IN_FOOTER)
            }
            local_name!("aside") => flags.set(Flags::IN_ASIDE),
            local_name!("ul") | local_name!("ol") | local_name!("dl") => flags.set(Flags::IN_LIST),
            local_name!("table") => flags.set(Flags::IN_TABLE),
            // `search` has the implicit ARIA role `search`, read as a form
            // like `role=search` above: a site's search box, not text. A
            // `form` is judged by its size once the page is read
            // ([`Walker::mark_form_widgets`]).
            local_name!("search") | local_name!("label") | local_name!("fieldset") => {
                flags.set(Flags::IN_FORM)
            }
            local_name!("address") => flags.set(Flags::AUTHOR_HINT),
            local_name!("blockquote") => flags.set(QUOTE_CTX),
            local_name!("pre") | local_name!("listing") | local_name!("xmp") => flags.set(PRE_CTX),
            local_name!("b") | local_name!("strong") => flags.set(Flags::BOLD),
            local_name!("a") if find_attr(attrs, Key::Href).is_some() => flags.set(Flags::ALL_LINK),
            _ => {}
        }
        if own.content {
            flags.set(Flags::CONTENT_HINT);
        }
        if own.author {
            flags.set(Flags::AUTHOR_HINT);
        }
        if own.caption
            || (own.caption_in_figure && flags.0 & (Flags::IN_FIGURE.0 | Flags::IN_TABLE.0) != 0)
        {
            flags.set(CAPTION_CTX);
        }
        let hint = own.reason.or(parent.hint);
        let depth = parent.depth + 1;
        if depth > self.max_depth && role == Role::Block {
            // Deeper than the limit: attached at the limit, so the element
            // adds no block of its own but its text is kept. It still ends
            // the text before it, which would otherwise glue onto its words.
            self.flush();
            role = Role::Inline;
        }
        let block = role == Role::Block;
        if *local == local_name!("form") && !block {
            // Past the depth limit the form is not recorded as an element,
            // so it cannot be measured: a form that deep is no page wrapper.
            flags.set(Flags::IN_FORM);
        }
        if block {
            self.flush();
        }
        let kind = block_kind(local, flags);
        let is_html = *local == local_name!("html");
        if is_html {
            self.elements[0].flags = public(flags);
            self.elements[0].hint = hint;
        }
        self.stack.push(Frame {
            tag: local.clone(),
            block,
            depth,
            flags,
            hint,
            kind,
            elem: if is_html { 0 } else { NONE },
        });
        if block {
            self.blocks_open.push((self.stack.len() - 1) as u32);
            if *local == local_name!("hr") {
                self.gap_pending = true;
            }
        }
        true
    }

    pub(crate) fn line_break(&mut self) {
        if !self.cur.started {
            return;
        }
        if self.cur.brs >= 1 {
            self.flush();
            return;
        }
        self.cur.brs += 1;
        if !self.cur.text.ends_with(' ') {
            self.cur.text.push(' ');
        }
    }

    pub(crate) fn push_text(&mut self, t: &str) {
        let frame = self.stack.last().expect("document frame");
        if frame.flags.has(INVISIBLE_CTX) {
            return;
        }
        let cur = &mut self.cur;
        let before = cur.text.len();
        push_folded(&mut cur.text, t);
        let added = &cur.text[before..];
        if !added.bytes().any(|b| b != b' ') {
            return;
        }
        if !cur.started {
            cur.started = true;
            cur.gap = u8::from(self.gap_pending);
        }
        // An image between two pieces of one block's text is inline.
        self.gap_pending = false;
        cur.brs = 0;
        cur.flags = Flags(cur.flags.0 & frame.flags.0);
        cur.hint = match cur.hint {
            None => Some(frame.hint),
            Some(h) if h == frame.hint => Some(h),
            Some(_) => Some(None),
        };
        if frame.flags.has(Flags::ALL_LINK) {
            cur.link_chars += added.trim_start().chars().count() as u32;
        }
    }

    /// Ends the block being filled, if it holds text.
    fn flush(&mut self) {
        let cur = std::mem::replace(&mut self.cur, Pending::new());
        if !cur.started {
            return;
        }
        let mut text = cur.text;
        if text.ends_with(' ') {
            text.pop();
        }
        if let Cow::Owned(n) = nfc(&text) {
            text = n;
        }
        let (parent, kind, block_hint) = match self.blocks_open.last() {
            Some(&i) => {
                let f = &self.stack[i as usize];
                let (kind, hint) = (f.kind, f.hint);
                (self.materialize(), kind, hint)
            }
            None => (0, BlockKind::Paragraph, None),
        };
        let kind = if cur.flags.has(CAPTION_CTX) {
            BlockKind::Caption
        } else {
            kind
        };
        let hint = match cur.hint {
            Some(h) if h.is_some() => h,
            _ => block_hint,
        };
        let link_chars = (cur.link_chars as usize).min(text.chars().count()) as u32;
        self.blocks.push(Block {
            text: text.into(),
            kind,
            gap_before: cur.gap,
            parent,
            link_chars,
            flags: public(cur.flags),
            hint,
        });
    }

    /// Records the open block elements in `elements` (those not yet
    /// recorded) and returns the index of the innermost.
    fn materialize(&mut self) -> u32 {
        let mut from = self.blocks_open.len();
        while from > 0 && self.stack[self.blocks_open[from - 1] as usize].elem == NONE {
            from -= 1;
        }
        let mut parent = if from == 0 {
            0
        } else {
            self.stack[self.blocks_open[from - 1] as usize].elem
        };
        for k in from..self.blocks_open.len() {
            let fi = self.blocks_open[k] as usize;
            let f = &self.stack[fi];
            let tag = match f.tag {
                local_name!("article") => ElementTag::Article,
                local_name!("form") => ElementTag::Form,
                local_name!("li") => ElementTag::Li,
                local_name!("ul") => ElementTag::Ul,
                _ => ElementTag::Other,
            };
            let depth = self.elements[parent as usize].depth + 1;
            self.elements.push(Element {
                parent,
                depth,
                tag,
                flags: public(f.flags),
                hint: f.hint,
            });
            parent = (self.elements.len() - 1) as u32;
            self.stack[fi].elem = parent;
        }
        parent
    }
}

/// The kind of a block made of an element's own text, given its context.
fn block_kind(local: &LocalName, flags: Flags) -> BlockKind {
    if flags.has(CAPTION_CTX) {
        return BlockKind::Caption;
    }
    if flags.has(PRE_CTX) {
        return BlockKind::Pre;
    }
    let heading = match *local {
        local_name!("h1") => 1,
        local_name!("h2") => 2,
        local_name!("h3") => 3,
        local_name!("h4") => 4,
        local_name!("h5") => 5,
        local_name!("h6") => 6,
        _ => 0,
    };
    if heading > 0 {
        return BlockKind::Heading(heading);
    }
    if flags.has(QUOTE_CTX) {
        return BlockKind::Quote;
    }
    match *local {
        local_name!("li") => BlockKind::ListItem,
        local_name!("td") | local_name!("th") => BlockKind::Cell,
        _ => BlockKind::Paragraph,
    }
}

/// Reads an inline style.
fn read_style(style: &str) -> Style {
    let mut compact = String::with_capacity(style.len());
    compact.extend(
        style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_lowercase()),
    );
    let mut out = Style {
        display_none: false,
        visible: None,
        right: false,
    };
    for d in compact.split(';') {
        if d.starts_with("display:none") {
            out.display_none = true;
        } else if d.starts_with("text-align:right") {
            out.right = true;
        } else if let Some(v) = d.strip_prefix("visibility:") {
            // Later declarations win, as in CSS.
            if v.starts_with("hidden") || v.starts_with("collapse") {
                out.visible = Some(false);
            } else if v.starts_with("visible") {
                out.visible = Some(true);
            }
        }
    }
    out
}

/// What an inline style says about showing an element.
#[derive(Debug, Clone, Copy)]
struct Style {
    /// `display: none`: the element and everything in it are not shown.
    display_none: bool,
    /// The last `visibility` declaration: `Some(false)` for `hidden` or
    /// `collapse`, `Some(true)` for `visible`.
    visible: Option<bool>,
    /// `text-align: right`.
    right: bool,
}
