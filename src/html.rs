//! Stages 2 and 3 (HTML), the tree-builder parse: the reference that the
//! one-pass parse `clean_html` uses (`html_fast`) is checked against,
//! reachable as `stages::parse_html_tree` and `stages::clean_html_tree`. The
//! block walker ([`Walker`], stage 3: segmenting into blocks) and the
//! metadata reader here serve both parses.
//!
//! html5ever's tree builder drives a lean sink of our own ([`Sink`]): an
//! arena of nodes linked by index, adjacent text merged in place, and only the
//! attributes the later stages read. No generic DOM is built. A walk with an
//! explicit stack then cuts the tree into blocks the way a browser's
//! `innerText` breaks lines, and a linear pass over the arena reads what the
//! page says about itself ([`PageMeta`]).
//!
//! Nothing here recurses, so hostile nesting cannot overflow the stack, and
//! the arena drops as one flat `Vec`.

use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::tree_builder::{
    ElemName, ElementFlags, NodeOrText, QuirksMode, TreeBuilder, TreeBuilderOpts, TreeSink,
};
use html5ever::{Attribute, LocalName, Namespace, QualName, TokenizerResult, local_name, ns};

use crate::article::Reason;
use crate::block::{Block, BlockKind, Doc, Element, Flags, PageMeta};
use crate::cleaner::Limits;
use crate::error::{Error, ErrorKind};
use crate::hints::{self, Hint, Tokens};
use crate::normalize::{fold, nfc, push_folded};

/// Parses an HTML document into blocks.
pub(crate) fn parse(html: &str, limits: &Limits) -> Result<Doc<'static>, Error> {
    let tree = build_tree(html, limits)?;
    let meta = read_meta(&tree);
    let (blocks, elements) = Walker::new(limits.max_depth).run(&tree);
    Ok(Doc {
        blocks,
        elements,
        meta,
        is_html: true,
    })
}

// ---------------------------------------------------------------------------
// The tree.

/// The longest author name read from an `itemprop=author` item, in
/// characters: a name, not a paragraph (real bylines are a few names; 80
/// holds three long Vietnamese names with separators).
pub(crate) const AUTHOR_MAX_CHARS: usize = 80;

/// "No node" in the index links.
const NONE: u32 = u32::MAX;
/// The document node.
const DOCUMENT: u32 = 0;
/// One shared node for comments, processing instructions: never linked
/// into the tree, so they cost nothing.
const IGNORED: u32 = 1;

/// Input is fed to the parser in slices of this size, so that a page over
/// the element limit stops within one slice (at most ~20,000 extra elements)
/// instead of being parsed to the end.
const CHUNK: usize = 256 << 10;

/// The attributes kept; every other attribute is dropped at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Class,
    Id,
    Role,
    Itemprop,
    Style,
    Hidden,
    AriaHidden,
    Href,
    Content,
    Property,
    Name,
    Rel,
    Datetime,
    Lang,
    Align,
    Type,
    Open,
}

/// The value of `key` among an element's kept attributes.
pub(crate) fn find_attr(attrs: &[(Key, StrTendril)], key: Key) -> Option<&str> {
    attrs.iter().find(|(k, _)| *k == key).map(|(_, v)| &**v)
}

pub(crate) fn key_of(name: &QualName) -> Option<Key> {
    if name.ns != ns!() {
        return None;
    }
    Some(match name.local {
        local_name!("class") => Key::Class,
        local_name!("id") => Key::Id,
        local_name!("role") => Key::Role,
        local_name!("itemprop") => Key::Itemprop,
        local_name!("style") => Key::Style,
        local_name!("hidden") => Key::Hidden,
        local_name!("aria-hidden") => Key::AriaHidden,
        local_name!("href") => Key::Href,
        local_name!("content") => Key::Content,
        local_name!("property") => Key::Property,
        local_name!("name") => Key::Name,
        local_name!("rel") => Key::Rel,
        local_name!("datetime") => Key::Datetime,
        local_name!("lang") => Key::Lang,
        local_name!("align") => Key::Align,
        local_name!("type") => Key::Type,
        local_name!("open") => Key::Open,
        _ => return None,
    })
}

#[derive(Debug)]
enum Data {
    /// The document, or a template's contents.
    Document,
    Element {
        ns: Namespace,
        local: LocalName,
        /// Range into [`Tree::attrs`].
        attrs: (u32, u32),
    },
    Text(StrTendril),
    Ignored,
}

#[derive(Debug)]
struct Node {
    parent: u32,
    first: u32,
    last: u32,
    prev: u32,
    next: u32,
    data: Data,
}

impl Node {
    fn new(data: Data) -> Node {
        Node {
            parent: NONE,
            first: NONE,
            last: NONE,
            prev: NONE,
            next: NONE,
            data,
        }
    }
}

/// The parsed page: a flat arena, dropped without recursion.
#[derive(Debug)]
struct Tree {
    nodes: Vec<Node>,
    attrs: Vec<(Key, StrTendril)>,
}

impl Tree {
    fn attr(&self, node: u32, key: Key) -> Option<&str> {
        match &self.nodes[node as usize].data {
            Data::Element { attrs, .. } => {
                find_attr(&self.attrs[attrs.0 as usize..attrs.1 as usize], key)
            }
            _ => None,
        }
    }

    /// The nodes below `node` in document order (iterative).
    fn descendants(&self, node: u32) -> impl Iterator<Item = u32> + '_ {
        let mut stack = vec![self.nodes[node as usize].first];
        std::iter::from_fn(move || {
            loop {
                let n = stack.pop()?;
                if n == NONE {
                    continue;
                }
                let nd = &self.nodes[n as usize];
                stack.push(nd.next);
                stack.push(nd.first);
                return Some(n);
            }
        })
    }

    /// The text of `node`'s subtree, folded.
    fn text_of(&self, node: u32) -> String {
        let mut out = String::new();
        for n in self.descendants(node) {
            if let Data::Text(t) = &self.nodes[n as usize].data {
                push_folded(&mut out, t);
            }
        }
        if out.ends_with(' ') {
            out.pop();
        }
        out
    }
}

/// html5ever's view of an element name: a borrow of the arena, so that the
/// tree builder's frequent name checks copy nothing.
struct Name<'a> {
    nodes: Ref<'a, Vec<Node>>,
    node: u32,
}

impl std::fmt::Debug for Name<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:?}", self.local_name())
    }
}

/// The name html5ever sees for the document and template contents, which
/// it never asks about.
static NO_NS: Namespace = ns!();
static NO_NAME: LocalName = local_name!("");

impl ElemName for Name<'_> {
    fn ns(&self) -> &Namespace {
        match &self.nodes[self.node as usize].data {
            Data::Element { ns, .. } => ns,
            _ => &NO_NS,
        }
    }
    fn local_name(&self) -> &LocalName {
        match &self.nodes[self.node as usize].data {
            Data::Element { local, .. } => local,
            _ => &NO_NAME,
        }
    }
}

/// Where a node is inserted.
#[derive(Debug, Clone, Copy)]
enum Place {
    LastChildOf(u32),
    Before(u32),
}

/// The tree sink: html5ever calls it through `&self`, hence the cells.
struct Sink {
    nodes: RefCell<Vec<Node>>,
    attrs: RefCell<Vec<(Key, StrTendril)>>,
    elements: Cell<usize>,
    max_nodes: usize,
    /// Where html5ever last inserted a node: its current node, near enough.
    last_parent: Cell<u32>,
    /// The last answer of `inserting_deeper_than`, by `last_parent`: past
    /// the limit, tags are dropped and nothing is inserted, so it repeats.
    deep_memo: Cell<(u32, bool)>,
}

impl Sink {
    fn new(max_nodes: usize) -> Sink {
        Sink {
            nodes: RefCell::new(vec![Node::new(Data::Document), Node::new(Data::Ignored)]),
            attrs: RefCell::new(Vec::new()),
            elements: Cell::new(0),
            max_nodes,
            last_parent: Cell::new(DOCUMENT),
            deep_memo: Cell::new((NONE, false)),
        }
    }

    fn over_limit(&self) -> bool {
        self.elements.get() > self.max_nodes
    }

    /// Whether html5ever is inserting at least `limit` levels deep. The
    /// depth guard's shadow stack can fall behind html5ever's real one
    /// (`</td>` inside a nested table, `</span>` across a `<div>`: html5ever
    /// ignores them, the shadow pops), and table soup then grew the real
    /// stack without bound, its scans quadratic (3 s for 40,000 pieces).
    /// The tree does not lie: at most `limit` steps up the parent links.
    fn inserting_deeper_than(&self, limit: usize) -> bool {
        let start = self.last_parent.get();
        let (memo_at, memo) = self.deep_memo.get();
        if memo_at == start {
            return memo;
        }
        let nodes = self.nodes.borrow();
        let mut n = start;
        let mut steps = 0;
        while n != NONE && steps < limit {
            n = nodes[n as usize].parent;
            steps += 1;
        }
        let deep = n != NONE;
        self.deep_memo.set((start, deep));
        deep
    }

    fn push(&self, data: Data) -> u32 {
        let mut nodes = self.nodes.borrow_mut();
        nodes.push(Node::new(data));
        (nodes.len() - 1) as u32
    }

    fn detach(nodes: &mut [Node], n: u32) {
        let (parent, prev, next) = {
            let nd = &nodes[n as usize];
            (nd.parent, nd.prev, nd.next)
        };
        if parent == NONE {
            return;
        }
        if prev != NONE {
            nodes[prev as usize].next = next;
        } else {
            nodes[parent as usize].first = next;
        }
        if next != NONE {
            nodes[next as usize].prev = prev;
        } else {
            nodes[parent as usize].last = prev;
        }
        let nd = &mut nodes[n as usize];
        nd.parent = NONE;
        nd.prev = NONE;
        nd.next = NONE;
    }

    fn link_last(nodes: &mut [Node], parent: u32, n: u32) {
        let last = nodes[parent as usize].last;
        {
            let nd = &mut nodes[n as usize];
            nd.parent = parent;
            nd.prev = last;
            nd.next = NONE;
        }
        if last != NONE {
            nodes[last as usize].next = n;
        } else {
            nodes[parent as usize].first = n;
        }
        nodes[parent as usize].last = n;
    }

    fn link_before(nodes: &mut [Node], sibling: u32, n: u32) {
        let (parent, prev) = {
            let s = &nodes[sibling as usize];
            (s.parent, s.prev)
        };
        {
            let nd = &mut nodes[n as usize];
            nd.parent = parent;
            nd.prev = prev;
            nd.next = sibling;
        }
        nodes[sibling as usize].prev = n;
        if prev != NONE {
            nodes[prev as usize].next = n;
        } else if parent != NONE {
            nodes[parent as usize].first = n;
        }
    }

    /// Inserts a node or text at `place`, merging text with a text node
    /// already there.
    fn insert(&self, place: Place, child: NodeOrText<u32>) {
        let link = |nodes: &mut [Node], n: u32| match place {
            Place::LastChildOf(parent) => Sink::link_last(nodes, parent, n),
            Place::Before(sibling) => Sink::link_before(nodes, sibling, n),
        };
        match child {
            NodeOrText::AppendNode(n) => {
                if n != IGNORED {
                    let mut nodes = self.nodes.borrow_mut();
                    Sink::detach(&mut nodes, n);
                    link(&mut nodes, n);
                }
            }
            NodeOrText::AppendText(t) => {
                let neighbour = {
                    let nodes = self.nodes.borrow();
                    match place {
                        Place::LastChildOf(parent) => nodes[parent as usize].last,
                        Place::Before(sibling) => nodes[sibling as usize].prev,
                    }
                };
                if !Sink::merge_text(&mut self.nodes.borrow_mut(), neighbour, &t) {
                    let n = self.push(Data::Text(t));
                    link(&mut self.nodes.borrow_mut(), n);
                }
            }
        }
    }

    /// Appends text to `node` when it is a text node; false otherwise.
    fn merge_text(nodes: &mut [Node], node: u32, text: &StrTendril) -> bool {
        if node == NONE {
            return false;
        }
        if let Data::Text(t) = &mut nodes[node as usize].data {
            t.push_tendril(text);
            true
        } else {
            false
        }
    }
}

impl TreeSink for Sink {
    type Handle = u32;
    type Output = Tree;
    type ElemName<'a> = Name<'a>;

    fn finish(self) -> Tree {
        Tree {
            nodes: self.nodes.into_inner(),
            attrs: self.attrs.into_inner(),
        }
    }

    fn parse_error(&self, _msg: Cow<'static, str>) {}

    fn get_document(&self) -> u32 {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a u32) -> Name<'a> {
        Name {
            nodes: self.nodes.borrow(),
            node: *target,
        }
    }

    fn create_element(&self, name: QualName, attrs: Vec<Attribute>, flags: ElementFlags) -> u32 {
        self.elements.set(self.elements.get() + 1);
        let range = {
            let mut store = self.attrs.borrow_mut();
            let start = store.len() as u32;
            for a in attrs {
                if let Some(k) = key_of(&a.name) {
                    store.push((k, a.value));
                }
            }
            (start, store.len() as u32)
        };
        let id = self.push(Data::Element {
            ns: name.ns,
            local: name.local,
            attrs: range,
        });
        if flags.template {
            // The template's contents live in the next slot.
            self.push(Data::Document);
        }
        id
    }

    fn create_comment(&self, _text: StrTendril) -> u32 {
        IGNORED
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> u32 {
        IGNORED
    }

    fn append(&self, parent: &u32, child: NodeOrText<u32>) {
        self.last_parent.set(*parent);
        self.insert(Place::LastChildOf(*parent), child);
    }

    fn append_based_on_parent_node(&self, element: &u32, prev: &u32, child: NodeOrText<u32>) {
        if self.nodes.borrow()[*element as usize].parent != NONE {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev, child);
        }
    }

    fn append_doctype_to_document(&self, _: StrTendril, _: StrTendril, _: StrTendril) {}

    fn get_template_contents(&self, target: &u32) -> u32 {
        target + 1
    }

    fn same_node(&self, x: &u32, y: &u32) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &u32, child: NodeOrText<u32>) {
        self.last_parent.set(*sibling);
        self.insert(Place::Before(*sibling), child);
    }

    fn add_attrs_if_missing(&self, target: &u32, attrs: Vec<Attribute>) {
        let mut nodes = self.nodes.borrow_mut();
        let Data::Element { attrs: range, .. } = &mut nodes[*target as usize].data else {
            return;
        };
        let mut store = self.attrs.borrow_mut();
        // Rare (a second <html> or <body> tag): copy the element's attributes
        // to the end of the store so that its range stays contiguous.
        let start = store.len();
        for i in range.0..range.1 {
            let a = store[i as usize].clone();
            store.push(a);
        }
        for a in attrs {
            if let Some(k) = key_of(&a.name)
                && !store[start..].iter().any(|(have, _)| *have == k)
            {
                store.push((k, a.value));
            }
        }
        *range = (start as u32, store.len() as u32);
    }

    fn remove_from_parent(&self, target: &u32) {
        Sink::detach(&mut self.nodes.borrow_mut(), *target);
    }

    fn reparent_children(&self, node: &u32, new_parent: &u32) {
        let mut nodes = self.nodes.borrow_mut();
        let mut child = nodes[*node as usize].first;
        while child != NONE {
            let next = nodes[child as usize].next;
            Sink::detach(&mut nodes, child);
            Sink::link_last(&mut nodes, *new_parent, child);
            child = next;
        }
    }
}

/// Runs html5ever over `html`, checking the element limit between slices.
fn build_tree(html: &str, limits: &Limits) -> Result<Tree, Error> {
    let builder = TreeBuilder::new(Sink::new(limits.max_nodes), TreeBuilderOpts::default());
    let input = Rc::new(BufferQueue::default());
    let guard = DepthGuard {
        input: Rc::clone(&input),
        builder,
        open: RefCell::new(Vec::new()),
        foreign: Cell::new(0),
        dropped: RefCell::new(HashMap::new()),
        max_depth: limits.max_depth.max(1),
    };
    let tokenizer = Tokenizer::new(guard, TokenizerOpts::default());
    feed_in_slices(&tokenizer, &input, html, limits, |t| {
        t.sink.builder.sink.over_limit()
    })?;
    Ok(tokenizer.sink.builder.sink.finish())
}

/// Feeds `html` to `tokenizer` through `input` in slices of [`CHUNK`], then
/// ends it; a [`ErrorKind::TooManyNodes`] error as soon as `over` says the
/// sink went over the element limit (checked after each slice and at the
/// end).
pub(crate) fn feed_in_slices<S: TokenSink>(
    tokenizer: &Tokenizer<S>,
    input: &BufferQueue,
    html: &str,
    limits: &Limits,
    over: impl Fn(&Tokenizer<S>) -> bool,
) -> Result<(), Error> {
    let too_many = || {
        Error::new(ErrorKind::TooManyNodes {
            limit: limits.max_nodes,
        })
    };
    let mut rest = html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        input.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        while !matches!(tokenizer.feed(input), TokenizerResult::Done) {}
        if over(tokenizer) {
            return Err(too_many());
        }
    }
    tokenizer.end();
    if over(tokenizer) {
        return Err(too_many());
    }
    Ok(())
}

/// Keeps html5ever's stack of open elements within the depth limit.
///
/// html5ever checks scopes by scanning its stack of open elements, so a page
/// of 200,000 nested `<div>`s costs it quadratic time (minutes). This token
/// filter keeps a shadow of that stack (start tags push, end tags pop to the
/// matching name, the common implied closes of `p`, `li`, `dt`, `dd`, `tr`,
/// `td`, `th`, `option` are mimicked) and drops start tags that would open an
/// element deeper than `max_depth`, with their matching end tags. Their text
/// is kept: it lands in the element at the limit. The shadow is approximate,
/// which is harmless: real pages nest a few dozen levels, far from the
/// limit, and an error only shifts where flattening starts.
struct DepthGuard {
    /// The tokenizer's input, shared so that raw text (scripts, styles) can
    /// be handed to the tree builder in one piece: see
    /// [`DepthGuard::pass_raw_text`].
    input: Rc<BufferQueue>,
    builder: TreeBuilder<u32, Sink>,
    open: RefCell<Vec<LocalName>>,
    /// How many `svg`/`math` elements are open (self-closing tags close
    /// there, not in HTML).
    foreign: Cell<u32>,
    /// Start tags dropped and not yet closed, by name. A map: a page can
    /// drop 100,000 different custom tag names, and a list scanned on
    /// every tag made that quadratic (16 s).
    dropped: RefCell<HashMap<LocalName, u32>>,
    max_depth: usize,
}

/// How far down the shadow stack an implied close looks: an unclosed `<p>`
/// or `<li>` is closed by the next one within a few levels.
pub(crate) const IMPLIED_CLOSE_REACH: usize = 6;

pub(crate) fn is_void(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("area")
            | local_name!("base")
            | local_name!("br")
            | local_name!("col")
            | local_name!("embed")
            | local_name!("hr")
            | local_name!("img")
            | local_name!("input")
            | local_name!("link")
            | local_name!("meta")
            | local_name!("source")
            | local_name!("track")
            | local_name!("wbr")
            | local_name!("param")
            | local_name!("keygen")
            | local_name!("frame")
    )
}

/// Elements whose content the tokenizer reads as raw text: they must reach
/// the tree builder, which switches the tokenizer's state.
fn is_raw_text(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("script")
            | local_name!("style")
            | local_name!("textarea")
            | local_name!("title")
            | local_name!("xmp")
            | local_name!("iframe")
            | local_name!("noembed")
            | local_name!("noframes")
            | local_name!("noscript")
            | local_name!("plaintext")
    )
}

/// Start tags that close an open `p` element: the HTML standard's list (the
/// "in body" start tags that "close a p element" when one is in button
/// scope). Both parses use it: the one-pass parse of `html_fast` to close
/// its `p`, and [`implied_close`] for the depth guard's shadow stack. A
/// `table` closes a `p` only in no-quirks mode and a nested `form` is
/// ignored (so closes nothing); callers that know the mode or the form
/// check those. Table parts, `caption`, `legend`, `html` and `body` are
/// not on the list: they are block boxes here ([`role_of`]), but their
/// start tag does not end a paragraph in the standard.
pub(crate) fn closes_p(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("address")
            | local_name!("article")
            | local_name!("aside")
            | local_name!("blockquote")
            | local_name!("center")
            | local_name!("details")
            | local_name!("dialog")
            | local_name!("dir")
            | local_name!("div")
            | local_name!("dl")
            | local_name!("fieldset")
            | local_name!("figcaption")
            | local_name!("figure")
            | local_name!("footer")
            | local_name!("header")
            | local_name!("hgroup")
            | local_name!("main")
            | local_name!("menu")
            | local_name!("nav")
            | local_name!("ol")
            | local_name!("p")
            | local_name!("search")
            | local_name!("section")
            | local_name!("summary")
            | local_name!("ul")
            | local_name!("h1")
            | local_name!("h2")
            | local_name!("h3")
            | local_name!("h4")
            | local_name!("h5")
            | local_name!("h6")
            | local_name!("pre")
            | local_name!("listing")
            | local_name!("form")
            | local_name!("li")
            | local_name!("dd")
            | local_name!("dt")
            | local_name!("plaintext")
            | local_name!("table")
            | local_name!("hr")
            | local_name!("xmp")
    )
}

/// The element an opening tag implicitly closes, if any: the same-name
/// element for list items, table cells and rows and options, an open `p`
/// for the tags of [`closes_p`]. One name only: the shadow stack of the
/// depth guard is approximate (an `li` also closes a `p` in the standard;
/// here it closes the `li` before it).
pub(crate) fn implied_close(name: &LocalName) -> Option<LocalName> {
    match *name {
        local_name!("li")
        | local_name!("dt")
        | local_name!("dd")
        | local_name!("tr")
        | local_name!("td")
        | local_name!("th")
        | local_name!("option") => Some(name.clone()),
        _ if closes_p(name) => Some(local_name!("p")),
        _ => None,
    }
}

impl TokenSink for DepthGuard {
    type Handle = u32;

    fn process_token(&self, token: Token, line: u64) -> TokenSinkResult<u32> {
        if let Token::TagToken(tag) = &token {
            let name = &tag.name;
            match tag.kind {
                TagKind::StartTag => {
                    if is_void(name) {
                        return self.builder.process_token(token, line);
                    }
                    let mut open = self.open.borrow_mut();
                    if let Some(closes) = implied_close(name) {
                        let floor = open.len().saturating_sub(IMPLIED_CLOSE_REACH);
                        if let Some(pos) = open[floor..].iter().rposition(|n| *n == closes) {
                            self.truncate(&mut open, floor + pos);
                        }
                    }
                    if tag.self_closing && self.foreign.get() > 0 {
                        drop(open);
                        return self.builder.process_token(token, line);
                    }
                    let deep = open.len() >= self.max_depth
                        || self.builder.sink.inserting_deeper_than(self.max_depth);
                    if deep && !is_raw_text(name) {
                        let mut dropped = self.dropped.borrow_mut();
                        *dropped.entry(name.clone()).or_insert(0) += 1;
                        drop((open, dropped));
                        self.block_boundary(name, line);
                        return TokenSinkResult::Continue;
                    }
                    if matches!(*name, local_name!("svg") | local_name!("math")) {
                        self.foreign.set(self.foreign.get() + 1);
                    }
                    open.push(name.clone());
                }
                TagKind::EndTag => {
                    {
                        let mut dropped = self.dropped.borrow_mut();
                        if let Some(c) = dropped.get_mut(name).filter(|c| **c > 0) {
                            *c -= 1;
                            drop(dropped);
                            self.block_boundary(name, line);
                            return TokenSinkResult::Continue;
                        }
                    }
                    let mut open = self.open.borrow_mut();
                    if let Some(pos) = open.iter().rposition(|n| n == name) {
                        self.truncate(&mut open, pos);
                    }
                }
            }
        }
        let raw = match &token {
            Token::TagToken(t) if t.kind == TagKind::StartTag && is_raw_text(&t.name) => {
                Some(t.name.clone())
            }
            _ => None,
        };
        let result = self.builder.process_token(token, line);
        if let (Some(name), TokenSinkResult::RawData(kind)) = (raw, &result) {
            self.pass_raw_text(&name, *kind, line);
        }
        result
    }

    fn end(&self) {
        self.builder.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.builder
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

impl DepthGuard {
    /// Hands the raw text after a `script`, `style` (or other RAWTEXT)
    /// start tag to the tree builder as one text token, taken straight from
    /// the input, so the tokenizer finds its end tag next.
    ///
    /// Why: on news pages 55% of the bytes are script and style bodies,
    /// which html5ever's tokenizer reads a character run at a time (split at
    /// every line break) into many small tokens appended one by one. The
    /// end is found here with a byte scan that follows the tokenizer's own
    /// states ([`raw_text_end`]), and line breaks are normalised as the
    /// tokenizer does, so the tree is the same. When the text holds a NUL
    /// (rare; the tokenizer rewrites it) or its end is not in the current
    /// input slice, nothing is done and the tokenizer reads it as usual.
    fn pass_raw_text(&self, name: &LocalName, kind: RawKind, line: u64) {
        #[cfg(test)]
        if tests::TOKENIZER_RAW_TEXT.with(Cell::get) {
            return;
        }
        let Some(text) = take_raw_text(&self.input, name, kind) else {
            return;
        };
        let _ = self
            .builder
            .process_token(Token::CharacterTokens(text), line);
    }

    /// A block tag dropped past the depth limit still separates the text
    /// around it: two `<br>`s (void, so no deeper) end the walk's block
    /// there. Without them the paragraphs past the limit ran together with
    /// words glued ("…điểm.Theo…"). Not in svg/math, where `<br>` would
    /// break out of foreign content.
    fn block_boundary(&self, name: &LocalName, line: u64) {
        if role_of(name) != Role::Block || self.foreign.get() > 0 {
            return;
        }
        for _ in 0..2 {
            let br = Tag {
                kind: TagKind::StartTag,
                name: local_name!("br"),
                self_closing: false,
                had_duplicate_attributes: false,
                attrs: Vec::new(),
            };
            let _ = self.builder.process_token(Token::TagToken(br), line);
        }
    }

    fn truncate(&self, open: &mut Vec<LocalName>, len: usize) {
        for n in open.drain(len..) {
            if matches!(n, local_name!("svg") | local_name!("math")) {
                self.foreign.set(self.foreign.get().saturating_sub(1));
            }
        }
    }
}

/// Takes the raw text after a `script` or RAWTEXT start tag straight from
/// the front of the tokenizer's input, up to (not including) its end tag,
/// with line breaks as the tokenizer gives them; see
/// [`DepthGuard::pass_raw_text`] for why. `None` (nothing taken) when the
/// text is empty, holds a NUL, or its end is not in the front slice.
pub(crate) fn take_raw_text(input: &BufferQueue, name: &str, kind: RawKind) -> Option<StrTendril> {
    let mut front = input.peek_front_chunk_mut()?;
    let end = raw_text_len(&front, name, kind)?;
    let body = &front.as_bytes()[..end];
    if body.contains(&b'\0') {
        return None;
    }
    let text = if body.contains(&b'\r') {
        StrTendril::from(lf_line_breaks(&front[..end]))
    } else {
        front.subtendril(0, end as u32)
    };
    front.pop_front(end as u32);
    Some(text)
}

/// Drops the raw text [`take_raw_text`] would take, when it is not wanted:
/// no copy, and NULs do not matter.
pub(crate) fn drop_raw_text(input: &BufferQueue, name: &str, kind: RawKind) {
    if let Some(mut front) = input.peek_front_chunk_mut()
        && let Some(end) = raw_text_len(&front, name, kind)
    {
        front.pop_front(end as u32);
    }
}

/// The length of the raw text at the front of `front`, if its end tag is
/// there and it is not empty.
fn raw_text_len(front: &str, name: &str, kind: RawKind) -> Option<usize> {
    let script = match kind {
        RawKind::ScriptData => true,
        RawKind::Rawtext => false,
        _ => return None,
    };
    raw_text_end(front, name, script).filter(|&end| end > 0)
}

/// Where raw text ends in `text`: the offset of the `<` of the end tag
/// that closes it, following the tokenizer's RAWTEXT states (`script` false:
/// the first `</name` followed by white space, `/` or `>`) or its script data
/// states (`script` true: `<!--` escapes and `<script` double escapes as
/// the HTML standard defines them). `None` when `text` ends first or before
/// the answer is known.
fn raw_text_end(text: &str, name: &str, script: bool) -> Option<usize> {
    let b = text.as_bytes();
    let mut i = 0;
    if !script {
        loop {
            let lt = i + text.get(i..)?.find('<')?;
            match closing_tag(b, lt + 1, name)? {
                Closing::Yes => return Some(lt),
                Closing::ResumeAt(j) => i = j,
            }
        }
    }
    /// The script data states: outside an escape, or inside a `<!--`
    /// escape (`double`: inside `<script` within it), after 0, 1 or 2+
    /// dashes.
    #[derive(Clone, Copy)]
    enum S {
        Data,
        Escaped { double: bool, dashes: u8 },
    }
    let mut s = S::Data;
    loop {
        match s {
            S::Data => {
                let lt = i + text.get(i..)?.find('<')?;
                i = lt + 1;
                match *b.get(i)? {
                    b'/' => match closing_tag(b, i, name)? {
                        Closing::Yes => return Some(lt),
                        Closing::ResumeAt(j) => i = j,
                    },
                    // "<!--" opens an escape; "<!" or "<!-" alone do not.
                    b'!' => {
                        i += 1;
                        if *b.get(i)? == b'-' {
                            i += 1;
                            if *b.get(i)? == b'-' {
                                i += 1;
                                s = S::Escaped {
                                    double: false,
                                    dashes: 2,
                                };
                            }
                        }
                    }
                    _ => {}
                }
            }
            S::Escaped { double, dashes } => {
                let c = *b.get(i)?;
                i += 1;
                let mut double = double;
                let mut dashes_now = 0;
                match c {
                    b'-' => dashes_now = dashes.saturating_add(1).min(2),
                    b'>' if dashes == 2 => {
                        s = S::Data;
                        continue;
                    }
                    b'<' if !double => match *b.get(i)? {
                        b'/' => match closing_tag(b, i, name)? {
                            Closing::Yes => return Some(i - 1),
                            Closing::ResumeAt(j) => i = j,
                        },
                        c if c.is_ascii_alphabetic() => {
                            let (opens, next) = script_word(b, i)?;
                            i = next;
                            double = opens;
                        }
                        _ => {}
                    },
                    b'<' if *b.get(i)? == b'/' => {
                        let (closes, next) = script_word(b, i + 1)?;
                        i = next;
                        double = !closes;
                    }
                    _ => {}
                }
                s = S::Escaped {
                    double,
                    dashes: dashes_now,
                };
            }
        }
    }
}

/// What follows a `<` in raw text.
enum Closing {
    /// The end tag that closes the raw text.
    Yes,
    /// Not it: the tokenizer goes on from this offset.
    ResumeAt(usize),
}

/// Whether `b[i..]` (just after a `<`) is `/name` ending a tag name;
/// `None` when the input ends before that is known.
fn closing_tag(b: &[u8], i: usize, name: &str) -> Option<Closing> {
    if *b.get(i)? != b'/' {
        return Some(Closing::ResumeAt(i));
    }
    let j = alpha_end(b, i + 1);
    let next = *b.get(j)?;
    if j > i + 1 && b[i + 1..j].eq_ignore_ascii_case(name.as_bytes()) && is_tag_name_end(next) {
        Some(Closing::Yes)
    } else {
        Some(Closing::ResumeAt(j))
    }
}

/// A double escape's marker in script data (the word of `<script` opens
/// one, of `</script` closes it): whether the letters from `i` spell
/// "script" and end a tag name, and where the tokenizer goes on.
fn script_word(b: &[u8], i: usize) -> Option<(bool, usize)> {
    let j = alpha_end(b, i);
    if is_tag_name_end(*b.get(j)?) {
        Some((b[i..j].eq_ignore_ascii_case(b"script"), j + 1))
    } else {
        Some((false, j))
    }
}

/// What the tokenizer makes of line breaks: CR LF and a lone CR become LF.
fn lf_line_breaks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(cr) = rest.find('\r') {
        out.push_str(&rest[..cr]);
        out.push('\n');
        rest = &rest[cr + 1..];
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

/// The end of the run of ASCII letters from `i`.
fn alpha_end(b: &[u8], mut i: usize) -> usize {
    while i < b.len() && b[i].is_ascii_alphabetic() {
        i += 1;
    }
    i
}

/// What ends a tag name in raw text (CR counts: the tokenizer reads it as LF).
fn is_tag_name_end(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>')
}

// ---------------------------------------------------------------------------
// The walk.

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
/// The private bits, stripped from what is emitted.
const PRIVATE: u32 = (1 << 30) | (1 << 29) | (1 << 28);

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
    /// The next child to visit.
    cursor: u32,
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
    gap: u32,
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

/// Cuts a stream of elements and text into blocks: fed by the walk over
/// the tree here, and by the tokenizer-driven parse of `html_fast`.
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
}

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
                tag: "html".into(),
                flags: Flags::EMPTY,
                hint: None,
            }],
            cur: Pending::new(),
            gap_pending: false,
            tokens: Tokens::default(),
            class_memo: crate::hash::FastMap::default(),
        };
        // The document frame: never popped by `close`.
        w.stack.push(Frame {
            tag: local_name!(""),
            cursor: NONE,
            block: false,
            depth: 0,
            flags: Flags::EMPTY,
            hint: None,
            kind: BlockKind::Paragraph,
            elem: NONE,
        });
        w
    }

    fn run(mut self, tree: &Tree) -> (Vec<Block<'static>>, Vec<Element>) {
        self.stack[0].cursor = tree.nodes[DOCUMENT as usize].first;
        while let Some(top) = self.stack.last_mut() {
            let child = top.cursor;
            if child == NONE {
                if top.block {
                    self.flush();
                    self.blocks_open.pop();
                }
                self.stack.pop();
                continue;
            }
            let node = &tree.nodes[child as usize];
            top.cursor = node.next;
            match &node.data {
                Data::Text(t) => self.push_text(t),
                // svg, MathML: icons and formulas, not running text.
                Data::Element { ns, local, attrs } if *ns == ns!(html) => {
                    let attrs = &tree.attrs[attrs.0 as usize..attrs.1 as usize];
                    self.open(local, attrs, node.first);
                }
                _ => {}
            }
        }
        self.finish()
    }

    /// Ends the last block and hands back the blocks and their elements.
    pub(crate) fn finish(mut self) -> (Vec<Block<'static>>, Vec<Element>) {
        self.flush();
        (self.blocks, self.elements)
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
    pub(crate) fn open(
        &mut self,
        local: &LocalName,
        attrs: &[(Key, StrTendril)],
        cursor: u32,
    ) -> bool {
        let parent = self.stack.last().expect("document frame").clone();
        let mut role = role_of(local);
        if role == Role::Skip {
            return false;
        }
        let mut flags = parent.flags;
        // First the attributes that can hide the element, and the early
        // exits: an element that shows no text needs no hints read.
        let mut hidden = false;
        for (key, value) in attrs {
            let value: &str = value;
            match key {
                Key::Hidden => hidden = true,
                Key::AriaHidden => hidden |= value.trim().eq_ignore_ascii_case("true"),
                Key::Style => {
                    let (h, right) = read_style(value);
                    hidden |= h;
                    if right {
                        flags.set(Flags::RIGHT_ALIGNED);
                    }
                }
                _ => {}
            }
        }
        if hidden {
            return false;
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
                            "main" | "article" => flags.set(Flags::IN_ARTICLE),
                            "complementary" => flags.set(Flags::IN_ASIDE),
                            "contentinfo" => flags.set(Flags::IN_FOOTER),
                            "banner" => flags.set(Flags::IN_HEADER),
                            "form" | "search" => flags.set(Flags::IN_FORM),
                            _ => {}
                        }
                    }
                    if !is_root {
                        own.merge(hints::classify(value, &mut self.tokens));
                    }
                }
                Key::Class if !is_root => {
                    let h = match self.class_memo.get(value) {
                        Some(h) => *h,
                        None => {
                            let h = hints::classify(value, &mut self.tokens);
                            self.class_memo.insert(value.to_string(), h);
                            h
                        }
                    };
                    own.merge(h);
                }
                Key::Id if !is_root => own.merge(hints::classify(value, &mut self.tokens)),
                _ => {}
            }
        }
        match *local {
            local_name!("article") | local_name!("main") => flags.set(Flags::IN_ARTICLE),
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
            // like `role=search` above: a site's search box, not text.
            local_name!("form")
            | local_name!("search")
            | local_name!("label")
            | local_name!("fieldset") => flags.set(Flags::IN_FORM),
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
            cursor,
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
        let cur = &mut self.cur;
        let before = cur.text.len();
        push_folded(&mut cur.text, t);
        let added = &cur.text[before..];
        if !added.bytes().any(|b| b != b' ') {
            return;
        }
        if !cur.started {
            cur.started = true;
            cur.gap = u32::from(self.gap_pending);
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
            let tag = Box::<str>::from(&*f.tag);
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

/// Reads an inline style: (hidden, right-aligned).
fn read_style(style: &str) -> (bool, bool) {
    let mut compact = String::with_capacity(style.len());
    compact.extend(
        style
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .map(|c| c.to_ascii_lowercase()),
    );
    let hidden = compact
        .split(';')
        .any(|d| d.starts_with("display:none") || d.starts_with("visibility:hidden"));
    let right = compact
        .split(';')
        .any(|d| d.starts_with("text-align:right"));
    (hidden, right)
}

// ---------------------------------------------------------------------------
// Page metadata.

/// Ranks of metadata titles, best first: the order publishers' tools fill
/// them in with most care (Dublin Core, then Open Graph, then the rest).
mod titlerank {
    /// The rank of a `<meta>` name that holds a title; `None` for any other.
    pub fn of(key: &str) -> Option<u8> {
        match key {
            "dc:title" | "dcterm:title" | "dcterms:title" | "dc.title" => Some(0),
            "og:title" => Some(1),
            "weibo:article:title" | "weibo:webpage:title" => Some(2),
            "title" => Some(3),
            "twitter:title" => Some(4),
            "parsely-title" => Some(5),
            _ => None,
        }
    }
}

/// Priority classes of publication times, best first.
mod pubrank {
    pub const ARTICLE_META: u8 = 0;
    pub const OG_META: u8 = 1;
    pub const PUBDATE: u8 = 2;
    pub const PUBLISHDATE: u8 = 3;
    pub const ITEMPROP: u8 = 4;
    pub const DUBLIN_CORE: u8 = 5;
    pub const JSON_LD: u8 = 6;
    pub const TIME: u8 = 7;
}

/// Priority classes of author names, best first.
mod authrank {
    pub const META: u8 = 0;
    pub const ARTICLE_META: u8 = 1;
    pub const JSON_LD: u8 = 2;
    pub const ITEMPROP: u8 = 3;
}

/// Folds white space and normalises to NFC; `None` when nothing is left.
pub(crate) fn clean(s: &str) -> Option<String> {
    let f = fold(s);
    if f.is_empty() {
        None
    } else {
        Some(nfc(&f).into_owned())
    }
}

fn set_once(slot: &mut Option<String>, value: &str) {
    if slot.is_none() {
        *slot = clean(value);
    }
}

fn looks_like_url(s: &str) -> bool {
    let s = s.trim();
    s.contains("://") || s.starts_with('/') || s.starts_with("www.")
}

/// Reads the page's own metadata in one pass over the arena (document order).
fn read_meta(tree: &Tree) -> PageMeta {
    let mut reader = MetaReader::default();
    for (i, node) in tree.nodes.iter().enumerate() {
        let i = i as u32;
        let Data::Element { ns, local, attrs } = &node.data else {
            continue;
        };
        if *ns != ns!(html) {
            continue;
        }
        let wants = reader.element(local, &tree.attrs[attrs.0 as usize..attrs.1 as usize]);
        if wants.author_name {
            let name = microdata_name(tree, i).or_else(|| clean(&tree.text_of(i)));
            reader.author_name(name);
        }
        if wants.title {
            reader.title(&tree.text_of(i));
        }
        if wants.json_ld {
            reader.json_ld(&script_text(tree, i));
        }
    }
    reader.finish()
}

/// What [`MetaReader::element`] needs of the element's content.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Wants {
    /// An `itemprop=author` without `content`: its `itemprop=name`
    /// descendant's, else its own text, goes to [`MetaReader::author_name`].
    pub author_name: bool,
    /// The first `<title>`: its text goes to [`MetaReader::title`].
    pub title: bool,
    /// A JSON-LD script: its raw text goes to [`MetaReader::json_ld`].
    pub json_ld: bool,
}

/// Collects the page's metadata from its elements in document order: fed
/// by the pass over the arena here and by `html_fast`'s tokenizer sink.
#[derive(Debug, Default)]
pub(crate) struct MetaReader {
    meta: PageMeta,
    titles: Vec<(u8, String)>,
    published: Vec<(u8, String)>,
    authors: Vec<(u8, String)>,
    og_url: Option<String>,
    og_description: Option<String>,
    locale: Option<String>,
    publisher: Option<String>,
}

impl MetaReader {
    /// Reads an HTML element's kept attributes; says what of its content
    /// is wanted.
    pub(crate) fn element(&mut self, local: &LocalName, attrs: &[(Key, StrTendril)]) -> Wants {
        let mut wants = Wants::default();
        if let Some(p) = find_attr(attrs, Key::Itemprop) {
            wants.author_name = read_itemprop(attrs, p, &mut self.published, &mut self.authors);
        }
        match *local {
            local_name!("html") => {
                if let Some(l) = find_attr(attrs, Key::Lang) {
                    set_once(&mut self.meta.lang, &l.to_ascii_lowercase());
                }
            }
            local_name!("title") => wants.title = self.meta.title.is_none(),
            local_name!("meta") => {
                let Some(content) = find_attr(attrs, Key::Content) else {
                    return wants;
                };
                let keys = find_attr(attrs, Key::Property)
                    .or_else(|| find_attr(attrs, Key::Name))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                // A property may list several names ("dc:title og:title").
                for key in keys.split_ascii_whitespace() {
                    if let Some(rank) = titlerank::of(key) {
                        if let Some(t) = clean(content) {
                            self.titles.push((rank, t));
                        }
                        continue;
                    }
                    let rank = match key {
                        "og:site_name" => {
                            set_once(&mut self.meta.site_name, content);
                            continue;
                        }
                        "og:url" => {
                            set_once(&mut self.og_url, content);
                            continue;
                        }
                        "description" => {
                            set_once(&mut self.meta.description, content);
                            continue;
                        }
                        "og:description" | "twitter:description" => {
                            set_once(&mut self.og_description, content);
                            continue;
                        }
                        "og:locale" => {
                            set_once(
                                &mut self.locale,
                                &content.to_ascii_lowercase().replace('_', "-"),
                            );
                            continue;
                        }
                        "author" => {
                            if !looks_like_url(content) {
                                self.authors
                                    .extend(clean(content).map(|a| (authrank::META, a)));
                            }
                            continue;
                        }
                        "article:author" | "og:article:author" => {
                            if !looks_like_url(content) {
                                self.authors
                                    .extend(clean(content).map(|a| (authrank::ARTICLE_META, a)));
                            }
                            continue;
                        }
                        "article:published_time" => pubrank::ARTICLE_META,
                        "og:published_time" | "og:article:published_time" => pubrank::OG_META,
                        "pubdate" => pubrank::PUBDATE,
                        "publishdate" | "publish-date" | "publish_date" => pubrank::PUBLISHDATE,
                        "dc.date" | "dc.date.issued" | "dcterms.date" | "dcterms.issued" => {
                            pubrank::DUBLIN_CORE
                        }
                        _ => continue,
                    };
                    self.published.extend(clean(content).map(|d| (rank, d)));
                }
            }
            local_name!("link") => {
                if self.meta.url.is_none()
                    && let (Some(rel), Some(href)) =
                        (find_attr(attrs, Key::Rel), find_attr(attrs, Key::Href))
                    && rel
                        .split_ascii_whitespace()
                        .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    self.meta.url = clean(href);
                }
            }
            local_name!("time") => {
                if let Some(d) = find_attr(attrs, Key::Datetime).and_then(clean) {
                    self.published.push((pubrank::TIME, d));
                }
            }
            local_name!("script") => {
                wants.json_ld = find_attr(attrs, Key::Type)
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"));
            }
            _ => {}
        }
        wants
    }

    /// The name of an `itemprop=author` item, when [`Wants::author_name`].
    pub(crate) fn author_name(&mut self, name: Option<String>) {
        if let Some(n) =
            name.filter(|n| n.chars().count() <= AUTHOR_MAX_CHARS && !looks_like_url(n))
        {
            self.authors.push((authrank::ITEMPROP, n));
        }
    }

    /// The text of the first `<title>`, when [`Wants::title`].
    pub(crate) fn title(&mut self, text: &str) {
        if self.meta.title.is_none() {
            self.meta.title = clean(text);
        }
    }

    /// The raw text of a JSON-LD script, when [`Wants::json_ld`].
    pub(crate) fn json_ld(&mut self, text: &str) {
        let ld = json_ld::read(text);
        self.published
            .extend(ld.published.into_iter().map(|d| (pubrank::JSON_LD, d)));
        self.authors
            .extend(ld.authors.into_iter().map(|a| (authrank::JSON_LD, a)));
        if self.publisher.is_none() {
            self.publisher = ld.publisher;
        }
    }

    /// The metadata read, with fallbacks and ranks applied.
    pub(crate) fn finish(self) -> PageMeta {
        let mut meta = self.meta;
        if meta.url.is_none() {
            meta.url = self.og_url;
        }
        if meta.description.is_none() {
            meta.description = self.og_description;
        }
        if meta.site_name.is_none() {
            meta.site_name = self.publisher.and_then(|p| clean(&p));
        }
        if meta.lang.is_none() {
            meta.lang = self.locale;
        }
        meta.titles = ranked(self.titles);
        meta.og_title = meta.titles.first().cloned();
        meta.published = ranked(self.published);
        meta.authors = ranked(self.authors);
        meta
    }
}

/// The values sorted by rank (stable), without repeats.
fn ranked(mut items: Vec<(u8, String)>) -> Vec<String> {
    items.sort_by_key(|(r, _)| *r);
    // A set, not a scan of `out`: a page can carry 200,000 author meta
    // tags, each distinct, and the scan made that quadratic (45 s).
    let mut seen = std::collections::HashSet::with_capacity(items.len());
    items
        .into_iter()
        .filter_map(|(_, v)| seen.insert(v.clone()).then_some(v))
        .collect()
}

/// The raw text of a script element (its text children, unfolded).
fn script_text(tree: &Tree, node: u32) -> String {
    let mut out = String::new();
    let mut c = tree.nodes[node as usize].first;
    while c != NONE {
        if let Data::Text(t) = &tree.nodes[c as usize].data {
            out.push_str(t);
        }
        c = tree.nodes[c as usize].next;
    }
    out
}

/// Reads microdata: `itemprop=datePublished` and `itemprop=author`.
/// Returns true for an author item without `content`, whose name is in
/// its content.
fn read_itemprop(
    attrs: &[(Key, StrTendril)],
    prop: &str,
    published: &mut Vec<(u8, String)>,
    authors: &mut Vec<(u8, String)>,
) -> bool {
    let mut wants_name = false;
    for p in prop.split_ascii_whitespace() {
        if p.eq_ignore_ascii_case("datepublished") {
            let v = find_attr(attrs, Key::Content).or_else(|| find_attr(attrs, Key::Datetime));
            if let Some(d) = v.and_then(clean) {
                published.push((pubrank::ITEMPROP, d));
            }
        } else if p == "author" {
            match find_attr(attrs, Key::Content).and_then(clean) {
                Some(n) => {
                    if n.chars().count() <= 80 && !looks_like_url(&n) {
                        authors.push((authrank::ITEMPROP, n));
                    }
                }
                None => wants_name = true,
            }
        }
    }
    wants_name
}

/// The `itemprop=name` inside an `itemprop=author` item.
fn microdata_name(tree: &Tree, node: u32) -> Option<String> {
    let n = tree.descendants(node).find(|&n| {
        tree.attr(n, Key::Itemprop)
            .is_some_and(|p| p.split_ascii_whitespace().any(|t| t == "name"))
    })?;
    tree.attr(n, Key::Content)
        .and_then(clean)
        .or_else(|| clean(&tree.text_of(n)))
}

/// A few keys of JSON-LD, read without a JSON library.
///
/// This is a scanner, not a parser: it finds the keys `"datePublished"`,
/// `"author"` and `"publisher"` anywhere in the script text (at any depth,
/// in `@graph` arrays too) and reads their values by matching brackets
/// outside strings. Limitations: a key inside a string value that happens to
/// be spelt with quotes (`"\"author\""`) is skipped only when escaped; the
/// first publisher found wins even when the script describes several items;
/// malformed JSON yields whatever the scanner can still read.
mod json_ld {
    /// What the scanner found.
    #[derive(Debug, Default)]
    pub(super) struct Found {
        pub published: Vec<String>,
        pub authors: Vec<String>,
        pub publisher: Option<String>,
    }

    pub(super) fn read(text: &str) -> Found {
        let b = text.as_bytes();
        let mut found = Found::default();
        for start in values_of(b, "datePublished") {
            if let Some(s) = string_at(b, start) {
                found.published.push(s);
            }
        }
        for start in values_of(b, "author") {
            names(b, start, &mut found.authors);
        }
        if let Some(start) = values_of(b, "publisher").next() {
            let mut v = Vec::new();
            names(b, start, &mut v);
            found.publisher = v.into_iter().next();
        }
        found
    }

    /// Start offsets of the values of every `"key":` in the text.
    fn values_of<'a>(b: &'a [u8], key: &'a str) -> impl Iterator<Item = usize> + 'a {
        let pat = format!("\"{key}\"");
        let text = std::str::from_utf8(b).unwrap_or("");
        text.match_indices(pat.as_str())
            .map(|(i, _)| i)
            .collect::<Vec<_>>()
            .into_iter()
            .filter_map(move |i| {
                if i > 0 && b[i - 1] == b'\\' {
                    return None;
                }
                let mut j = skip_ws(b, i + key.len() + 2);
                if b.get(j) != Some(&b':') {
                    return None;
                }
                j = skip_ws(b, j + 1);
                (j < b.len()).then_some(j)
            })
    }

    /// Person or organisation names in a value: a string, an object's
    /// `"name"`, or an array of those.
    fn names(b: &[u8], start: usize, out: &mut Vec<String>) {
        if b[start] != b'[' {
            out.extend(single_name(b, start));
            return;
        }
        let mut i = skip_ws(b, start + 1);
        while i < b.len() && b[i] != b']' {
            out.extend(single_name(b, i));
            // A stray `}` or `,` ends no value: stop rather than loop on it.
            let Some(end) = value_end(b, i).filter(|&end| end > i) else {
                return;
            };
            i = skip_ws(b, end);
            if b.get(i) == Some(&b',') {
                i = skip_ws(b, i + 1);
            }
        }
    }

    /// The name in a string value or in an object's `"name"`.
    fn single_name(b: &[u8], start: usize) -> Option<String> {
        let s = match b[start] {
            b'"' => string_at(b, start),
            b'{' => member(b, start, "name").and_then(|v| string_at(b, v)),
            _ => None,
        }?;
        let s = s.trim();
        (!s.is_empty() && !super::looks_like_url(s)).then(|| s.to_string())
    }

    /// The value start of the top-level member `key` of the object at `obj`.
    fn member(b: &[u8], obj: usize, key: &str) -> Option<usize> {
        let mut i = skip_ws(b, obj + 1);
        while i < b.len() && b[i] == b'"' {
            let key_end = string_end(b, i)?;
            let is_key = &b[i + 1..key_end - 1] == key.as_bytes();
            i = skip_ws(b, key_end);
            if b.get(i) != Some(&b':') {
                return None;
            }
            i = skip_ws(b, i + 1);
            if is_key {
                return Some(i);
            }
            i = skip_ws(b, value_end(b, i)?);
            if b.get(i) == Some(&b',') {
                i = skip_ws(b, i + 1);
            }
        }
        None
    }

    fn skip_ws(b: &[u8], mut i: usize) -> usize {
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        i
    }

    /// The offset after the string that starts at `i` (a `"`).
    fn string_end(b: &[u8], i: usize) -> Option<usize> {
        let mut j = i + 1;
        while j < b.len() {
            match b[j] {
                b'\\' => j += 2,
                b'"' => return Some(j + 1),
                _ => j += 1,
            }
        }
        None
    }

    /// The offset after the value that starts at `i`.
    fn value_end(b: &[u8], i: usize) -> Option<usize> {
        match *b.get(i)? {
            b'"' => string_end(b, i),
            b'{' | b'[' => {
                let mut depth = 0usize;
                let mut j = i;
                while j < b.len() {
                    match b[j] {
                        b'"' => {
                            j = string_end(b, j)?;
                            continue;
                        }
                        b'{' | b'[' => depth += 1,
                        b'}' | b']' => {
                            depth -= 1;
                            if depth == 0 {
                                return Some(j + 1);
                            }
                        }
                        _ => {}
                    }
                    j += 1;
                }
                None
            }
            _ => {
                let mut j = i;
                while j < b.len() && !matches!(b[j], b',' | b'}' | b']') {
                    j += 1;
                }
                Some(j)
            }
        }
    }

    /// The decoded string that starts at `i`, if a string starts there.
    fn string_at(b: &[u8], i: usize) -> Option<String> {
        if b.get(i) != Some(&b'"') {
            return None;
        }
        let end = string_end(b, i)?;
        let raw = std::str::from_utf8(&b[i + 1..end - 1]).ok()?;
        Some(unescape(raw))
    }

    fn unescape(raw: &str) -> String {
        let s = unescape_json(raw);
        if s.contains('&') {
            decode_entities(&s)
        } else {
            s
        }
    }

    /// Decodes the character references some CMSes leave inside JSON-LD
    /// strings ("NH&#7852;T"): numeric ones and the five XML names.
    fn decode_entities(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        let mut rest = s;
        while let Some(at) = rest.find('&') {
            out.push_str(&rest[..at]);
            rest = &rest[at..];
            // A reference is short: look for its ';' in the next 12 bytes.
            let end = rest.bytes().take(12).position(|b| b == b';');
            let decoded = end.and_then(|e| {
                let name = &rest[1..e];
                let c = if let Some(num) = name.strip_prefix('#') {
                    let code = match num.strip_prefix(['x', 'X']) {
                        Some(hex) => u32::from_str_radix(hex, 16).ok(),
                        None => num.parse().ok(),
                    };
                    code.and_then(char::from_u32)
                } else {
                    match name {
                        "amp" => Some('&'),
                        "quot" => Some('"'),
                        "apos" => Some('\''),
                        "lt" => Some('<'),
                        "gt" => Some('>'),
                        "nbsp" => Some(' '),
                        _ => None,
                    }
                };
                c.map(|c| (c, e + 1))
            });
            match decoded {
                Some((c, len)) => {
                    out.push(c);
                    rest = &rest[len..];
                }
                None => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn unescape_json(raw: &str) -> String {
        if !raw.contains('\\') {
            return raw.to_string();
        }
        let mut out = String::with_capacity(raw.len());
        let mut chars = raw.chars();
        while let Some(c) = chars.next() {
            if c != '\\' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('n') | Some('r') | Some('t') => out.push(' '),
                Some('u') => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let Ok(mut code) = u32::from_str_radix(&hex, 16) else {
                        continue;
                    };
                    if (0xD800..0xDC00).contains(&code) {
                        // A surrogate pair: the low half follows as \uXXXX.
                        let rest = chars.as_str();
                        if rest.starts_with("\\u")
                            && let Ok(low) = u32::from_str_radix(rest.get(2..6).unwrap_or(""), 16)
                            && (0xDC00..0xE000).contains(&low)
                        {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00));
                            chars = rest[6..].chars();
                        }
                    }
                    out.extend(char::from_u32(code));
                }
                Some(other) => out.push(other),
                None => {}
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(html: &str) -> Doc<'static> {
        parse(html, &Limits::default()).expect("parses")
    }

    fn texts(html: &str) -> Vec<String> {
        doc(html)
            .blocks
            .into_iter()
            .map(|b| b.text.into_owned())
            .collect()
    }

    #[test]
    fn block_tags_split_inline_text_joins() {
        let t = texts(
            "<div>Intro <b>bold</b> text<p>Para one</p>tail<h2>Head</h2><ul><li>a</li><li>b</li></ul></div>",
        );
        assert_eq!(t, ["Intro bold text", "Para one", "tail", "Head", "a", "b"]);
    }

    #[test]
    fn single_br_is_space_double_br_splits() {
        assert_eq!(texts("<p>one<br>two</p>"), ["one two"]);
        assert_eq!(texts("<p>one<br>\n<br>two</p>"), ["one", "two"]);
        assert_eq!(texts("<p><br><br>only</p>"), ["only"]);
    }

    #[test]
    fn white_space_folded_empty_blocks_skipped() {
        let t = texts("<div>  a \n\t b  </div><p>   </p><div>\u{200B}</div><p>c</p>");
        assert_eq!(t, ["a b", "c"]);
    }

    #[test]
    fn skipped_elements() {
        let t = texts(
            "<head><title>T</title><style>x{}</style></head><body><script>var a;</script>\
             <noscript>ns</noscript><p>keep</p><template><p>tpl</p></template>\
             <svg><text>svg</text></svg><select><option>opt</option></select>\
             <button>btn</button><textarea>ta</textarea><p hidden>h</p>\
             <p aria-hidden=\"true\">ah</p><p style=\"display: none\">dn</p>\
             <p style=\"color:red; visibility : hidden\">vh</p><iframe>if</iframe>\
             <math><mi>x</mi></math><p>end</p></body>",
        );
        assert_eq!(t, ["keep", "end"]);
    }

    #[test]
    fn gaps_after_media() {
        let d = doc("<p>a</p><img src=x><p>b</p><p>c</p><hr><p>d</p><p>e <img> f</p><p>g</p>");
        let gaps: Vec<u32> = d.blocks.iter().map(|b| b.gap_before).collect();
        assert_eq!(gaps, [0, 1, 0, 1, 0, 0]);
    }

    #[test]
    fn kinds() {
        let d = doc(
            "<h3>H</h3><p>P</p><ul><li>L</li></ul><figure><img><figcaption><p>C</p></figcaption></figure>\
             <blockquote><p>Q</p></blockquote><table><tr><td>T</td></tr></table><pre>x  y</pre>\
             <div class=\"PhotoCMS_Caption\">PC</div><div class=\"desc\">D</div>\
             <table><tr><td class=\"desc\">TD</td></tr></table>",
        );
        let kinds: Vec<BlockKind> = d.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Heading(3),
                Paragraph,
                ListItem,
                Caption,
                Quote,
                Cell,
                Pre,
                Caption,
                Paragraph,
                Caption
            ]
        );
    }

    #[test]
    fn flags_inherited() {
        let d = doc("<body><header><p>hd</p></header><nav><a href=/>n</a></nav>\
             <article><header><p>ah</p></header><figure><p>f</p><figcaption>fc</figcaption></figure>\
             <p><b>Bold</b> <strong>all</strong></p><p><a href=x>link</a> not</p>\
             <p align=right>By X</p><p style=\"text-align: right\">R</p><address>A</address>\
             <form><p>F</p></form><search>S</search></article><aside><p>as</p></aside><footer><p>ft</p></footer></body>");
        let get = |t: &str| d.blocks.iter().find(|b| b.text == t).unwrap().flags;
        assert!(get("hd").has(Flags::IN_HEADER));
        assert!(get("n").has(Flags::IN_NAV | Flags::ALL_LINK));
        assert!(get("ah").has(Flags::IN_ARTICLE));
        assert!(!get("ah").has(Flags::IN_HEADER));
        assert!(get("f").has(Flags::IN_FIGURE));
        assert!(!get("fc").has(Flags::IN_FIGURE));
        assert!(get("Bold all").has(Flags::BOLD));
        let l = d.blocks.iter().find(|b| b.text == "link not").unwrap();
        assert!(!l.flags.has(Flags::ALL_LINK) && !l.flags.has(Flags::BOLD));
        assert_eq!(l.link_chars, 4);
        assert!(get("By X").has(Flags::RIGHT_ALIGNED));
        assert!(get("R").has(Flags::RIGHT_ALIGNED));
        assert!(get("A").has(Flags::AUTHOR_HINT));
        assert!(get("F").has(Flags::IN_FORM));
        assert!(get("S").has(Flags::IN_FORM));
        assert!(get("as").has(Flags::IN_ASIDE));
        assert!(get("ft").has(Flags::IN_FOOTER));
        assert!(!get("ft").has(Flags::IN_ARTICLE));
        let list = doc("<ul><li>x</li></ul><table><tr><td>y</td></tr></table>");
        assert!(list.blocks[0].flags.has(Flags::IN_LIST));
        assert!(list.blocks[1].flags.has(Flags::IN_TABLE));
    }

    #[test]
    fn hints_and_content() {
        let d = doc(
            "<body class=\"has-ads tag-news\"><div class=\"detail-content\"><p>body</p>\
             <div class=\"box-tinlienquan\"><ul><li><a href=a>rel</a></li></ul></div>\
             <div id=\"share-bar\"><span>Chia sẻ</span></div></div>\
             <div class=\"author_mail\"><p>Name</p></div><div class=\"tags\"><p>t</p></div></body>",
        );
        let get = |t: &str| d.blocks.iter().find(|b| b.text == t).unwrap();
        assert!(get("body").flags.has(Flags::CONTENT_HINT));
        assert_eq!(get("body").hint, None);
        assert_eq!(get("rel").hint, Some(Reason::RelatedList));
        assert!(get("rel").flags.has(Flags::CONTENT_HINT | Flags::ALL_LINK));
        assert_eq!(get("Chia sẻ").hint, Some(Reason::FollowShare));
        assert!(get("Name").flags.has(Flags::AUTHOR_HINT));
        assert_eq!(get("t").hint, Some(Reason::Tags));
        // Parent elements are recorded with their own hint.
        let rel = get("rel");
        let li = &d.elements[rel.parent as usize];
        assert_eq!(li.tag.as_ref(), "li");
        assert_eq!(li.hint, Some(Reason::RelatedList));
        let ul = &d.elements[li.parent as usize];
        assert_eq!(ul.tag.as_ref(), "ul");
        assert_eq!(ul.depth + 1, li.depth);
    }

    #[test]
    fn inline_hint_only_when_whole_block() {
        let d = doc(
            "<p><span class=\"share\">Share</span> and text</p><p><span class=\"share\">S</span></p>",
        );
        assert_eq!(d.blocks[0].hint, None);
        assert_eq!(d.blocks[1].hint, Some(Reason::FollowShare));
    }

    #[test]
    fn meta_tags() {
        let d = doc(r#"<html lang="VI"><head><title> Page  title </title>
            <meta property="og:title" content="OG title">
            <meta property="og:site_name" content="Site">
            <meta property="og:url" content="https://e.x/og">
            <link rel="canonical" href="https://e.x/canon">
            <meta name="pubdate" content="P2">
            <meta property="article:published_time" content="P1">
            <meta name="author" content="Au Thor">
            <meta property="article:author" content="https://fb.com/x">
            <meta name="description" content="Desc">
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"P3",
              "author":[{"@type":"Person","name":"Nguy\u1ec5n A"},{"name":"B&#7852;Â&amp;Â&#Â"}],
              "publisher":{"@type":"Organization","logo":{"url":"x","name":"no"},"name":"Pub"}}</script>
            </head><body><time datetime="P4">t</time>
            <span itemprop="author"><span itemprop="name">C</span></span></body></html>"#);
        let m = d.meta;
        assert_eq!(m.title.as_deref(), Some("Page title"));
        assert_eq!(m.og_title.as_deref(), Some("OG title"));
        assert_eq!(m.site_name.as_deref(), Some("Site"));
        assert_eq!(m.url.as_deref(), Some("https://e.x/canon"));
        assert_eq!(m.published, ["P1", "P2", "P3", "P4"]);
        assert_eq!(m.authors, ["Au Thor", "Nguyễn A", "BẬÂ&Â&#Â", "C"]);
        assert_eq!(m.lang.as_deref(), Some("vi"));
        assert_eq!(m.description.as_deref(), Some("Desc"));
    }

    #[test]
    fn meta_fallbacks() {
        let d = doc(
            r#"<head><meta property="og:url" content="u"><meta property="og:locale" content="vi_VN">
            <script type="application/ld+json">{"publisher":{"name":"Pub"},"author":"Solo"}</script>
            <meta itemprop="datePublished" content="I1"></head><body><p>x</p></body>"#,
        );
        assert_eq!(d.meta.url.as_deref(), Some("u"));
        assert_eq!(d.meta.site_name.as_deref(), Some("Pub"));
        assert_eq!(d.meta.lang.as_deref(), Some("vi-vn"));
        assert_eq!(d.meta.authors, ["Solo"]);
        assert_eq!(d.meta.published, ["I1"]);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let n = 200_000;
        let html = format!("{}deep text{}", "<div>".repeat(n), "</div>".repeat(n));
        let d = doc(&html);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].text, "deep text");
        assert!(d.elements.len() <= DEFAULT_DEPTH_BOUND);
    }

    /// Elements recorded for one chain are bounded by the depth limit.
    const DEFAULT_DEPTH_BOUND: usize = crate::cleaner::DEFAULT_MAX_DEPTH + 2;

    #[test]
    fn many_unclosed_inline_tags() {
        let n = 100_000;
        let html = format!("<p>{}bold text", "<b>".repeat(n));
        let d = doc(&html);
        assert_eq!(d.blocks.len(), 1);
        assert_eq!(d.blocks[0].text, "bold text");
        assert!(d.blocks[0].flags.has(Flags::BOLD));
    }

    #[test]
    fn too_many_nodes() {
        let limits = Limits {
            max_nodes: 100,
            ..Limits::default()
        };
        let html = "<p>x</p>".repeat(200);
        let err = parse(&html, &limits).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::TooManyNodes { limit: 100 });
    }

    #[test]
    fn depth_limit_keeps_text() {
        let limits = Limits {
            max_depth: 5,
            ..Limits::default()
        };
        let html = format!(
            "{}<p>a</p><p>b</p>{}",
            "<div>".repeat(10),
            "</div>".repeat(10)
        );
        let d = parse(&html, &limits).unwrap();
        // Flattened, but the paragraphs neither merge nor glue ("ab").
        let texts: Vec<&str> = d.blocks.iter().map(|b| &*b.text).collect();
        assert_eq!(texts, ["a", "b"]);
    }

    thread_local! {
        /// Set: raw text goes through html5ever's tokenizer, as before
        /// `DepthGuard::pass_raw_text` (the reference it must match).
        pub(super) static TOKENIZER_RAW_TEXT: Cell<bool> = const { Cell::new(false) };
    }

    /// The tree (every node, every text) with raw text passed in one piece
    /// and with raw text read by the tokenizer.
    fn trees_both_ways(html: &str) -> (String, String) {
        // Text by content: `Debug` of a tendril also shows its storage.
        let dump = |t: Tree| {
            let mut out = format!(
                "{:?}\n",
                t.attrs.iter().map(|(k, v)| (k, &**v)).collect::<Vec<_>>()
            );
            for n in &t.nodes {
                let data = match &n.data {
                    Data::Text(t) => format!("{:?}", &**t),
                    d => format!("{d:?}"),
                };
                let links = (n.parent, n.first, n.last, n.prev, n.next);
                out.push_str(&format!("{links:?} {data}\n"));
            }
            out
        };
        let fast = dump(build_tree(html, &Limits::default()).unwrap());
        TOKENIZER_RAW_TEXT.with(|c| c.set(true));
        let slow = dump(build_tree(html, &Limits::default()).unwrap());
        TOKENIZER_RAW_TEXT.with(|c| c.set(false));
        (fast, slow)
    }

    #[test]
    fn raw_text_passed_whole_as_tokenizer_reads_it() {
        for body in [
            "var a = 1 < 2; // </scrip </scripty> </script\u{0}",
            "<!-- <script> x </script> y --> z",
            "<!-- <script> x </script> --> z",
            "<!-- x </script> y",
            "a\r\nb\rc\n\r\n",
            "<!--<script>--></script>-->",
            "</SCRIPT\t",
            "é <ß </script/x",
        ] {
            for html in [
                format!("<p>a<script>{body}</script>b</p>"),
                format!("<style>{body}</style><p>c</style></p>"),
                format!("<script type=\"application/ld+json\">{body}"),
                format!("<noscript>{body}</noscript><xmp>{body}</xmp>"),
            ] {
                let (fast, slow) = trees_both_ways(&html);
                assert_eq!(fast, slow, "{html:?}");
            }
        }
        // A script across the slices the input is fed in.
        let html = format!("<script>{}</script><p>after</p>", "x\r\n".repeat(CHUNK / 2));
        let (fast, slow) = trees_both_ways(&html);
        assert_eq!(fast, slow);
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]
        #[test]
        fn raw_text_any_body_same_tree(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "<", "/", "!", "-", ">", " ", "\t", "\n", "\r", "\r\n", "\u{0}", "x", "é",
                "script", "SCRIPT", "style", "scripts", "!--", "-->", "<!--",
                "<script>", "</script>", "</script", "<script ", "</style>", "</styl",
            ]),
            0..40,
        )) {
            let body: String = parts.concat();
            for html in [
                format!("<p>a<script>{body}</script>b</p>"),
                format!("<style>{body}</style><p>c</p>"),
                format!("<title>t</title><iframe>{body}</iframe>"),
            ] {
                let (fast, slow) = trees_both_ways(&html);
                proptest::prop_assert_eq!(fast, slow, "{:?}", html);
            }
        }
    }

    /// Pages whose full parse output is pinned by [`SNAPSHOT`].
    const SNAPSHOT_READABILITY: [&str; 12] = [
        "001",
        "005-unescape-html-entities",
        "blogger",
        "citylab-1",
        "clean-links",
        "cnet-svg-classes",
        "keep-tabular-data",
        "lemonde-1",
        "links-in-tables",
        "mathjax",
        "wapo-1",
        "wordpress",
    ];

    /// FNV-1a of the `Debug` rendering of each page's whole `Doc` (every
    /// block field, the elements, the meta), recorded before the parse was
    /// optimised: a speed change must not change a single byte of output.
    /// Update an entry only for a deliberate, explained fix.
    const SNAPSHOT: &[(&str, u64)] = &[
        ("vi-html/baochinhphu-1", 0x5e46201a152a0d1e),
        ("vi-html/baodautu-1", 0x0888fd8d756312e5),
        ("vi-html/cafef-1", 0xb2b552379bf0ab7a),
        ("vi-html/cafef-2", 0x15e05e59ed81f201),
        ("vi-html/tuoitre-1", 0xdfca7a8f850a84b1),
        ("vi-html/vietnamnet-1", 0x88bd0d43ec007957),
        ("vi-html/vnexpress-1", 0x593deefc6934a7ef),
        ("vi-html/vnexpress-2", 0x30b98e03103af85c),
        ("vi-html/vnexpress-3", 0x10cb13499d1f9201),
        ("readability/001", 0xd942975c7ab93021),
        ("readability/005-unescape-html-entities", 0xb0a44ef6ae6897c5),
        ("readability/blogger", 0x3d80ecca9ee5d39a),
        ("readability/citylab-1", 0x94036668639d61ea),
        ("readability/clean-links", 0x008aca9f21beee4e),
        ("readability/cnet-svg-classes", 0x59b13a11a48aabf3),
        ("readability/keep-tabular-data", 0x649c10185c4d3fb3),
        ("readability/lemonde-1", 0x17e0969ada565576),
        ("readability/links-in-tables", 0x3aa78a85d6b67081),
        ("readability/mathjax", 0x386bd041092fa530),
        ("readability/wapo-1", 0x72b72a23c94fe4dd),
        ("readability/wordpress", 0x9043eed9f97f8710),
    ];

    fn snapshot_pages() -> Vec<(String, std::path::PathBuf)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut pages: Vec<_> = std::fs::read_dir(root.join("vi-html"))
            .expect("vi-html fixtures")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .map(|p| {
                let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
                (format!("vi-html/{stem}"), p)
            })
            .collect();
        pages.sort();
        for name in SNAPSHOT_READABILITY {
            let p = root.join("readability").join(format!("{name}.html"));
            pages.push((format!("readability/{name}"), p));
        }
        pages
    }

    /// FNV-1a: stable across runs and versions, unlike the seeded hashes.
    fn fnv(bytes: &[u8]) -> u64 {
        bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// The parse of every snapshot page is byte-identical to the recorded
    /// one. `SNAPSHOT_PRINT=1` prints the table to paste after a deliberate
    /// change.
    #[test]
    fn output_snapshot() {
        let mut got = Vec::new();
        for (name, path) in snapshot_pages() {
            let bytes = std::fs::read(&path).expect("fixture");
            let text = crate::decode::decode(&bytes, None).text;
            let d = doc(&text);
            got.push((name, fnv(format!("{d:?}").as_bytes())));
        }
        if std::env::var_os("SNAPSHOT_PRINT").is_some() {
            for (name, h) in &got {
                println!("        ({name:?}, {h:#018x}),");
            }
        }
        let want: Vec<(String, u64)> = SNAPSHOT.iter().map(|(n, h)| (n.to_string(), *h)).collect();
        assert_eq!(got, want);
    }

    #[test]
    #[ignore]
    fn corpus_block_counts() {
        let Ok(dir) = std::fs::read_dir("/work/shared/corpus/vi-html") else {
            return;
        };
        let mut paths: Vec<_> = dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "html"))
            .collect();
        paths.sort();
        let mut total = 0usize;
        let mut pages = Vec::new();
        for p in &paths {
            let bytes = std::fs::read(p).unwrap();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            total += text.len();
            let d = doc(&text);
            println!(
                "{}: {} blocks, {} elements, title {:?}, published {:?}, authors {:?}",
                p.display(),
                d.blocks.len(),
                d.elements.len(),
                d.meta.title,
                d.meta.published,
                d.meta.authors
            );
            if std::env::var_os("SHOW_BLOCKS").is_some() {
                for b in &d.blocks {
                    println!(
                        "  [{:?} g{} f{:#x} l{} {:?}] {}",
                        b.kind,
                        b.gap_before,
                        b.flags.0,
                        b.link_chars,
                        b.hint,
                        b.text.chars().take(100).collect::<String>()
                    );
                }
            }
            pages.push(text);
        }
        let rounds = 20;
        let start = std::time::Instant::now();
        for _ in 0..rounds {
            for t in &pages {
                std::hint::black_box(doc(t));
            }
        }
        let secs = start.elapsed().as_secs_f64();
        let t0 = std::time::Instant::now();
        for _ in 0..rounds {
            for t in &pages {
                std::hint::black_box(build_tree(t, &Limits::default()).unwrap());
            }
        }
        let tree_secs = t0.elapsed().as_secs_f64();
        println!(
            "tree only: {:.1} MB/s",
            (total * rounds) as f64 / tree_secs / 1e6
        );
        // Peers on the same pages, in the same run (the machine is shared, so
        // only ratios are meaningful): scraper's generic DOM, and html5ever's
        // tokenizer with a sink that drops every token.
        struct Noop;
        impl TokenSink for Noop {
            type Handle = ();
            fn process_token(&self, _: Token, _: u64) -> TokenSinkResult<()> {
                TokenSinkResult::Continue
            }
        }
        let t0 = std::time::Instant::now();
        for _ in 0..rounds {
            for t in &pages {
                std::hint::black_box(scraper::Html::parse_document(t));
            }
        }
        let scraper_secs = t0.elapsed().as_secs_f64();
        let t0 = std::time::Instant::now();
        for _ in 0..rounds {
            for t in &pages {
                let tok = Tokenizer::new(Noop, TokenizerOpts::default());
                let q = BufferQueue::default();
                q.push_back(StrTendril::from_slice(t));
                while !matches!(tok.feed(&q), TokenizerResult::Done) {}
                tok.end();
            }
        }
        let tok_secs = t0.elapsed().as_secs_f64();
        println!(
            "scraper: {:.1} MB/s, tokenizer alone: {:.1} MB/s",
            (total * rounds) as f64 / scraper_secs / 1e6,
            (total * rounds) as f64 / tok_secs / 1e6
        );
        let trees: Vec<Tree> = pages
            .iter()
            .map(|t| build_tree(t, &Limits::default()).unwrap())
            .collect();
        let t0 = std::time::Instant::now();
        for _ in 0..rounds * 5 {
            for t in &trees {
                std::hint::black_box(Walker::new(512).run(t));
            }
        }
        let walk_secs = t0.elapsed().as_secs_f64();
        let t0 = std::time::Instant::now();
        for _ in 0..rounds * 5 {
            for t in &trees {
                std::hint::black_box(read_meta(t));
            }
        }
        let meta_secs = t0.elapsed().as_secs_f64();
        println!(
            "walk only: {:.1} MB/s, meta only: {:.1} MB/s",
            (total * rounds * 5) as f64 / walk_secs / 1e6,
            (total * rounds * 5) as f64 / meta_secs / 1e6
        );
        println!(
            "parse: {:.1} MB/s over {} pages ({} bytes)",
            (total * rounds) as f64 / secs / 1e6,
            pages.len(),
            total
        );
    }
}
