//! The tree-builder parse: html5ever's full tree builder into an arena, then
//! a walk of the tree into the production [`Walker`]. It is the reference the
//! one-pass parse (`crate::html`) is checked against by the agreement tests,
//! and is compiled for tests only.
//!
//! html5ever's tree builder drives a lean sink of our own ([`Sink`]): an
//! arena of nodes linked by index, adjacent text merged in place, and only the
//! attributes the later stages read. A walk with an explicit stack then feeds
//! the tree to the block walker, and a linear pass over the arena reads what
//! the page says about itself ([`PageMeta`]) with the production
//! [`MetaReader`].

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
use crate::block::{Block, BlockKind, Doc, Element, ElementTag, Flags, PageMeta};
use crate::error::{Error, ErrorKind};
use crate::html::head::{MetaReader, clean};
use crate::html::segment::{Role, Walker, role_of};
use crate::html::tags::*;
use crate::html::tokens::*;
use crate::limits::Limits;
use crate::normalize::push_folded;

/// Parses an HTML document into blocks.
pub(crate) fn parse(html: &str, limits: &Limits) -> Result<Doc<'static>, Error> {
    let tree = build_tree(html, limits)?;
    let meta = read_meta(&tree);
    let (blocks, elements) = walk(Walker::new(limits.max_depth), &tree);
    Ok(Doc {
        blocks,
        elements,
        meta,
        is_html: true,
    })
}

// ---------------------------------------------------------------------------
// The tree.

/// How far down the shadow stack an implied close looks: an unclosed `<p>`
/// or `<li>` is closed by the next one within a few levels.
const IMPLIED_CLOSE_REACH: usize = 6;

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

/// "No node" in the index links.
const NONE: u32 = u32::MAX;
/// The document node.
const DOCUMENT: u32 = 0;
/// One shared node for comments, processing instructions: never linked
/// into the tree, so they cost nothing.
const IGNORED: u32 = 1;

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
                    store.push((k, kept_value(k, &a.value)));
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
                store.push((k, kept_value(k, &a.value)));
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
    let too_many = Error::new(ErrorKind::TooManyNodes {
        limit: limits.max_nodes,
    });
    feed_in_slices(&tokenizer, &input, html, |t| {
        t.sink.builder.sink.over_limit().then(|| too_many.clone())
    })?;
    Ok(tokenizer.sink.builder.sink.finish())
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

/// Walks the tree in document order with an explicit stack, feeding the
/// production [`Walker`] as the one-pass parse does.
fn walk(mut walker: Walker, tree: &Tree) -> (Vec<Block<'static>>, Vec<Element>) {
    // One cursor (the next child to visit) per open element; the bottom one
    // is the document's, which the walker never closes.
    let mut stack = vec![tree.nodes[DOCUMENT as usize].first];
    while let Some(cursor) = stack.last_mut() {
        let child = *cursor;
        if child == NONE {
            stack.pop();
            if !stack.is_empty() {
                walker.close();
            }
            continue;
        }
        let node = &tree.nodes[child as usize];
        *cursor = node.next;
        match &node.data {
            Data::Text(t) => walker.push_text(t),
            // svg, MathML: icons and formulas, not running text.
            Data::Element { ns, local, attrs } if *ns == ns!(html) => {
                let attrs = &tree.attrs[attrs.0 as usize..attrs.1 as usize];
                if walker.open(local, attrs) {
                    stack.push(node.first);
                }
            }
            _ => {}
        }
    }
    walker.finish()
}

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
    fn cap_attributes_cuts_only_tags_over_the_cap() {
        let many = |n: usize| (0..n).map(|i| format!(" a{i}=1")).collect::<String>();
        // At the cap: unchanged, borrowed.
        let at = format!("<p{}>x</p>", many(MAX_ATTRS));
        assert!(matches!(cap_attributes(&at), Cow::Borrowed(_)));
        // Over it: the rest of the tag is dropped, the `>` kept, quoted `>`
        // and unquoted values read as the tokenizer reads them.
        let over = format!("<p{} b='>' c=\">\" d=e>x</p>", many(MAX_ATTRS));
        // The white space before the first dropped one stays.
        assert!(cap_attributes(&over) == format!("<p{} >x</p>", many(MAX_ATTRS)));
        // Comments and raw text hold no tags.
        for raw in [
            format!("<!--<p{}>--><b>", many(MAX_ATTRS + 1)),
            format!("<script>x<p{}></SCRIPT><b>", many(MAX_ATTRS + 1)),
        ] {
            assert!(matches!(cap_attributes(&raw), Cow::Borrowed(_)));
        }
        // An unended tag at the end of the input.
        let unended = format!("<p{}", many(MAX_ATTRS + 2));
        assert!(cap_attributes(&unended) == format!("<p{} ", many(MAX_ATTRS)));
        // Where the tokenizer reads a tag, the guard does: end tags, after
        // comments that end with `--!>` or at once (`<!-->`), after bogus
        // comments and raw text, and in svg (no raw text there; CDATA).
        let over = many(MAX_ATTRS + 1);
        let cut = many(MAX_ATTRS);
        for (before, after) in [
            ("</p", ">"),
            ("<!-- --!><p", ">"),
            ("<!--><p", ">"),
            ("<!---><p", ">"),
            ("<!x <script> ><p", ">"),
            ("<?x <script> ><p", ">"),
            ("</1 <script> ><p", ">"),
            ("</x a='<script>' b=\"<!--\"><p", ">"),
            ("<script><!--<script></script>--></script><p", ">"),
            ("<title></titled></title><p", ">"),
            ("<svg><style><p", "></style></svg>"),
            ("<svg><g/><svg></svg><title><p", ">"),
            ("<svg><![CDATA[<script>]]><p", ">"),
            ("<svg></svg><![CDATA[<script>]]><p", ">"),
            // An end tag that may have left the svg: CDATA to its `>`.
            ("<div><svg></div><![CDATA[><p", ">]]>"),
            ("<svg><g></g><![CDATA[ a > b <p", "> ]]></svg>"),
        ] {
            let html = format!("{before}{over}{after}");
            assert!(
                cap_attributes(&html) == format!("{before}{cut} {after}"),
                "{before}"
            );
        }
        // Where it reads text, the guard does: raw text, `plaintext`, a
        // self-closing svg (no foreign content), CDATA outside svg (a bogus
        // comment), svg left by a tag that breaks out.
        for html in [
            format!("<style><p{over}></style>"),
            format!("<SCRIPT><p{over}></script >"),
            format!("<plaintext></plaintext><p{over}>"),
            format!("<svg/><style><p{over}></style>"),
            format!("<svg><div><style><p{over}></style>"),
            format!("<svg></svg><style><p{over}></style>"),
            format!("<math></p><style><p{over}></style>"),
            format!("<p a=\"<script>\"><style><p{over}></style>"),
        ] {
            assert!(
                matches!(cap_attributes(&html), Cow::Borrowed(_)),
                "{html:.40}"
            );
        }
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
        // `aria-hidden` shows on screen: only screen readers skip it.
        assert_eq!(t, ["keep", "ah", "end"]);
        // `visibility` is inherited, and a descendant can show itself again.
        let t = texts(
            "<div style=\"visibility:hidden\"><p>a</p><p style=\"visibility: visible\">b\
             <span>c</span></p><p style=\"visibility:visible;visibility:collapse\">d</p></div>\
             <p style=\"visibility:visible\">e</p>",
        );
        assert_eq!(t, ["bc", "e"]);
    }

    #[test]
    fn gaps_after_media() {
        let d = doc("<p>a</p><img src=x><p>b</p><p>c</p><hr><p>d</p><p>e <img> f</p><p>g</p>");
        let gaps: Vec<u8> = d.blocks.iter().map(|b| b.gap_before).collect();
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
        assert_eq!(li.tag, ElementTag::Li);
        assert_eq!(li.hint, Some(Reason::RelatedList));
        let ul = &d.elements[li.parent as usize];
        assert_eq!(ul.tag, ElementTag::Ul);
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
              "headline":"L\u00e0 the  headline",
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
        assert_eq!(m.ld_headlines, ["Là the headline"]);
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
    const DEFAULT_DEPTH_BOUND: usize = crate::limits::DEFAULT_MAX_DEPTH + 2;

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
    /// Update an entry only for a deliberate, explained fix. Updated once
    /// for a change of form alone: `Element::tag` became an `ElementTag`
    /// (`tag: "li"` prints `tag: Li`, other names `Other`); every page's
    /// `Debug` text with the old names so mapped was byte-identical to the
    /// new one.
    const SNAPSHOT: &[(&str, u64)] = &[
        ("vi-html/baochinhphu-1", 0x8898f9a8c7c9be4a),
        ("vi-html/baodautu-1", 0x2ce75f12340e3606),
        ("vi-html/cafef-1", 0xf89bdafad88cb00b),
        ("vi-html/cafef-2", 0xab24f2954c3cc6aa),
        ("vi-html/tuoitre-1", 0xeb314a072e7e9b93),
        ("vi-html/vietnamnet-1", 0xb4dceae328bd6f78),
        ("vi-html/vnexpress-1", 0x03348bcf15a328ce),
        ("vi-html/vnexpress-2", 0x824a78b8021a0415),
        ("vi-html/vnexpress-3", 0x9f35744032e20cd5),
        ("readability/001", 0xcf0975808a1c7bbe),
        ("readability/005-unescape-html-entities", 0xdd5192514be20088),
        ("readability/blogger", 0x28f9168bd0664669),
        ("readability/citylab-1", 0x593d3b47140c22fe),
        ("readability/clean-links", 0x8fb9764d72917232),
        ("readability/cnet-svg-classes", 0xe5d245751a8aaff7),
        ("readability/keep-tabular-data", 0x012b10c9b0471e5c),
        ("readability/lemonde-1", 0x28acc6e72f9017cb),
        ("readability/links-in-tables", 0xf328062c58ec9c8f),
        ("readability/mathjax", 0xc37ac1333bd95a02),
        ("readability/wapo-1", 0x0536998980a9f2d3),
        ("readability/wordpress", 0xc349983c0ae6778b),
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
            let text = crate::decode::decode(&bytes, None, None).text;
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
                std::hint::black_box(walk(Walker::new(512), t));
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
