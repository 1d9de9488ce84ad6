//! Stages 2 and 3 (HTML), one pass: html5ever's tokenizer straight into
//! blocks (parse and segment at once).
//!
//! The reference parse (test-only, `testutil::tree`) runs html5ever's full
//! tree builder, builds an arena and walks it. Here the tokenizer drives a sink of our own ([`Fast`])
//! that keeps a light stack of open elements and feeds the same block cutter
//! ([`Walker`]) and metadata reader ([`MetaReader`]) as tokens arrive: no
//! tree, no second pass.
//!
//! Only the tree-construction rules that change where text blocks start and
//! end are kept: the implied `html`/`head`/`body`, an open `p` closed by the
//! standard's start tags ([`closes_p`]), the implied closes of
//! `li`, `dt`, `dd`, `tr`, `td`, `th`, `option` and headings, the form
//! element pointer (a nested `form` is ignored), void elements,
//! the raw text of `script`, `style`, `textarea`, `title` and their kin, and
//! end tags that match no open element in scope are ignored. Formatting
//! elements closed by another element's end are reopened (the list of
//! active formatting elements), but a formatting end tag across blocks
//! only closes what opened in the innermost one (the adoption agency's
//! last round) and clones nothing, tables do not foster-parent, and
//! `svg`/`math` subtrees are skipped whole (they hold icons and formulas,
//! not running text).
//!
//! The stack is bounded by the depth limit: a start tag that would open an
//! element deeper is dropped (with its matching end tag) and its text lands
//! in the element at the limit, so every scan of the stack is bounded too.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};
use html5ever::{LocalName, local_name};

use crate::block::Doc;
use crate::error::{Error, ErrorKind};
use crate::html::head::MetaReader;
use crate::html::segment::{Role, Walker, role_of};
use crate::html::tags::*;
use crate::html::tokens::{
    Key, drop_raw_text, feed_in_slices, find_attr, kept_value, key_of, skip_foreign, take_raw_text,
};
use crate::limits::Limits;
use crate::normalize::push_folded;

/// Parses an HTML document into blocks in one pass over its tokens; also
/// the steps of work it took (see [`crate::Builder::max_work`]).
pub(crate) fn parse(html: &str, limits: &Limits) -> Result<(Doc<'static>, u64), Error> {
    parse_with(html, limits, Reading::Shown)
}

/// Which text of the page a reading shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    /// What a browser with scripting on shows.
    Shown,
    /// Also the elements that carry the `hidden` attribute.
    Hidden,
    /// What a browser with scripting off shows: the body's `<noscript>`
    /// elements read as markup.
    NoScript,
}

/// Parses an HTML document with the elements that carry the `hidden`
/// attribute read as shown. Pages render their text server-side into a
/// hidden element that a script then moves into place (streamed rendering,
/// "read more" expanders, tabs): a browser shows it, a reader of the markup
/// does not. Only for a page whose shown text holds no article
/// ([`crate::cleaner`]): elsewhere `hidden` hides templates, pop-ups and
/// copies that are no text of the page.
pub(crate) fn parse_showing_hidden(
    html: &str,
    limits: &Limits,
) -> Result<(Doc<'static>, u64), Error> {
    parse_with(html, limits, Reading::Hidden)
}

/// Parses an HTML document as a browser with scripting off reads it: the
/// `<noscript>` elements of its body are markup, shown. Single-page
/// applications (forum software above all) serve their whole text there for
/// crawlers and readers without scripts, and nothing but a loading screen
/// outside it. Only for a page whose shown text holds no article
/// ([`crate::cleaner`]): elsewhere `<noscript>` holds a tracking pixel, a
/// copy of an image, or "please enable JavaScript".
pub(crate) fn parse_without_scripts(
    html: &str,
    limits: &Limits,
) -> Result<(Doc<'static>, u64), Error> {
    parse_with(html, limits, Reading::NoScript)
}

fn parse_with(html: &str, limits: &Limits, reading: Reading) -> Result<(Doc<'static>, u64), Error> {
    let input = Rc::new(BufferQueue::default());
    let mut sink = Fast::new(limits, Rc::clone(&input));
    match reading {
        Reading::Shown => {}
        Reading::Hidden => sink.state.get_mut().walker.show_hidden(),
        Reading::NoScript => {
            let st = sink.state.get_mut();
            st.scripting_off = true;
            st.walker.show_noscript();
        }
    }
    let tokenizer = Tokenizer::new(sink, TokenizerOpts::default());
    feed_in_slices(&tokenizer, &input, html, |t| {
        let st = t.sink.state.borrow();
        if st.elements > limits.max_nodes {
            Some(Error::new(ErrorKind::TooManyNodes {
                limit: limits.max_nodes,
            }))
        } else if st.work.get() > limits.max_work {
            Some(Error::new(ErrorKind::WorkLimit {
                limit: limits.max_work,
            }))
        } else {
            None
        }
    })?;
    let state = tokenizer.sink.state.into_inner();
    let work = state.work.get();
    let meta = state.meta.finish();
    let (blocks, elements) = state.walker.finish();
    let doc = Doc {
        blocks,
        elements,
        meta,
        is_html: true,
    };
    Ok((doc, work))
}

/// The token sink: html5ever calls it through `&self`.
struct Fast {
    state: RefCell<State>,
    /// The tokenizer's input, for taking raw text in one piece.
    input: Rc<BufferQueue>,
}

/// One open element.
#[derive(Debug)]
struct Open {
    name: LocalName,
    /// The walker has a frame for it (closed with it).
    frame: bool,
    /// Its content shows no text (skipped, hidden, svg…).
    skip: bool,
    /// svg or MathML, or inside one.
    foreign: bool,
    /// The form element pointer points at it ([`FormPointer::Open`]).
    pointed: bool,
    /// Taken off the tree builder's stack of open elements while elements
    /// opened inside it were still open (a form by `</form>`, a
    /// formatting element by the adoption agency): it stays here only so
    /// that the walker's frames keep their nesting, is invisible to every
    /// scan, and closes as soon as it is the top again.
    detached: bool,
    /// Its entry on the list of active formatting elements (0: none).
    active: u32,
}

/// An entry of the tree builder's list of active formatting elements.
#[derive(Debug)]
enum Active {
    /// Put by a cell, caption, object, marquee, applet or template: a
    /// formatting element before it is not reopened inside it.
    Marker,
    /// A formatting element, reopened with its kept attributes when text or
    /// an inline element comes after it was closed by another element's
    /// end.
    Elem {
        name: LocalName,
        attrs: Vec<(Key, StrTendril)>,
        /// The stack entry's `active` while open.
        id: u32,
        open: bool,
    },
}

/// At most this many formatting elements after the last marker: past it
/// the oldest is forgotten, so reopening stays bounded on pages that leave
/// hundreds open (the standard bounds only identical ones, to 3).
const MAX_ACTIVE: usize = 32;

/// The tree builder's form element pointer: set by a `<form>` start tag
/// (outside templates) and cleared only by a `</form>` end tag, so that
/// while it is set a nested `<form>` start tag is ignored, even when the
/// form it points at was closed by another end tag meanwhile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FormPointer {
    /// Not set.
    None,
    /// Set, at the stack entry marked `pointed`.
    Open,
    /// Set, at an element no longer on the stack (closed, or inserted and
    /// popped at once in a table): a `</form>` finds it out of scope.
    Gone,
}

/// A microdata author item whose name is read from its content.
#[derive(Debug)]
struct AuthorCapture {
    /// Stack length when it opened: it closes when the stack falls below.
    at: usize,
    text: String,
    /// The first `itemprop=name` inside: its name once known, and the
    /// stack length of that element while its text is read.
    name: Option<String>,
    name_at: Option<usize>,
    name_text: String,
}

struct State {
    walker: Walker,
    meta: MetaReader,
    stack: Vec<Open>,
    /// How many entries of `stack` have `skip`.
    skipping: usize,
    /// How many `p` elements are open: most block starts need no scan.
    open_p: usize,
    /// How many list items, cells, rows, options are open (same reason).
    open_implied: usize,
    /// How many `select` elements are open.
    open_select: usize,
    /// The kept attributes of the current start tag (a reused buffer).
    attr_buf: Vec<(Key, StrTendril)>,
    /// No doctype was seen: the page is read in quirks mode.
    quirks: bool,
    /// How many `table` elements are open.
    open_table: usize,
    /// The form element pointer.
    form: FormPointer,
    /// The list of active formatting elements.
    active: Vec<Active>,
    /// The last id given to an entry of `active`.
    last_id: u32,
    html_open: bool,
    body_open: bool,
    elements: usize,
    max_nodes: usize,
    max_depth: usize,
    /// Start tags dropped past the depth limit and not yet closed, by name.
    dropped: HashMap<LocalName, u32>,
    /// The first `<title>`'s text while it is open.
    title: Option<String>,
    /// A JSON-LD script's text while it is open.
    json: Option<String>,
    authors: Vec<AuthorCapture>,
    /// An `svg` or `math` element just opened: its content may be skipped
    /// in one piece ([`skip_foreign`]).
    skip_foreign: bool,
    /// How many entries of `stack` have a name in each [`bucket`]: an end
    /// tag whose bucket is empty matches no open element, known without
    /// scanning the stack. Stray end tags each scanned it to the first
    /// special element, up to the depth limit (`</x>` by the million after
    /// 510 open `span`s parsed at 0.6 MB/s).
    names: [u32; NAME_BUCKETS],
    /// Steps of work so far ([`crate::Builder::max_work`]): tokens, elements
    /// opened, open elements looked at by [`State::find`]. A cell, as
    /// `find` reads the state through `&self`.
    work: std::cell::Cell<u64>,
    max_work: u64,
    /// The page is read as with scripting off ([`parse_without_scripts`]):
    /// a `<noscript>` in the body is an ordinary element.
    scripting_off: bool,
}

/// Buckets of [`State::names`]: enough that the few dozen distinct names of
/// a real stack rarely share one with a stray end tag's.
const NAME_BUCKETS: usize = 256;

/// The bucket of an element name: its atom's precomputed hash.
fn bucket(name: &LocalName) -> usize {
    name.get_hash() as usize % NAME_BUCKETS
}

impl Fast {
    fn new(limits: &Limits, input: Rc<BufferQueue>) -> Fast {
        Fast {
            state: RefCell::new(State {
                walker: Walker::new(limits.max_depth),
                meta: MetaReader::default(),
                stack: Vec::new(),
                skipping: 0,
                open_p: 0,
                open_implied: 0,
                open_select: 0,
                quirks: true,
                attr_buf: Vec::new(),
                open_table: 0,
                form: FormPointer::None,
                active: Vec::new(),
                last_id: 0,
                html_open: false,
                body_open: false,
                elements: 0,
                max_nodes: limits.max_nodes,
                max_depth: limits.max_depth.max(2),
                dropped: HashMap::new(),
                title: None,
                json: None,
                authors: Vec::new(),
                skip_foreign: false,
                names: [0; NAME_BUCKETS],
                work: std::cell::Cell::new(0),
                max_work: limits.max_work,
                scripting_off: false,
            }),
            input,
        }
    }
}

/// What the tokenizer must read after a start tag: its raw-text state.
fn raw_kind(name: &LocalName) -> Option<TokenSinkResult<()>> {
    Some(match *name {
        local_name!("script") => TokenSinkResult::RawData(RawKind::ScriptData),
        // `noscript` as a browser with scripting on reads it (as html5ever's
        // tree builder does by default).
        local_name!("style")
        | local_name!("xmp")
        | local_name!("iframe")
        | local_name!("noembed")
        | local_name!("noframes")
        | local_name!("noscript") => TokenSinkResult::RawData(RawKind::Rawtext),
        local_name!("title") | local_name!("textarea") => TokenSinkResult::RawData(RawKind::Rcdata),
        local_name!("plaintext") => TokenSinkResult::Plaintext,
        _ => return None,
    })
}

/// The kept attributes of a tag.
fn kept_attrs(tag: &Tag, out: &mut Vec<(Key, StrTendril)>) {
    out.clear();
    out.extend(
        tag.attrs
            .iter()
            .filter_map(|a| key_of(&a.name).map(|k| (k, kept_value(k, &a.value)))),
    );
}

impl State {
    /// The raw-text state after a start tag, as this reading parses: with
    /// scripting off a `<noscript>` in the body holds markup (one in the
    /// head stays raw text: it holds styles and pixels, never the page).
    fn raw_kind(&self, name: &LocalName) -> Option<TokenSinkResult<()>> {
        if self.scripting_off && self.body_open && *name == local_name!("noscript") {
            return None;
        }
        raw_kind(name)
    }

    /// The stack length without the svg/MathML elements on top of it.
    fn html_len(&self) -> usize {
        self.stack
            .iter()
            .rposition(|o| !o.foreign)
            .map_or(0, |i| i + 1)
    }

    fn foreign(&self) -> bool {
        self.stack.last().is_some_and(|o| o.foreign)
    }

    /// Pushes an open element, counted in [`State::names`].
    fn push_open(&mut self, o: Open) {
        self.work.set(self.work.get() + 1);
        self.names[bucket(&o.name)] += 1;
        self.stack.push(o);
    }

    /// Whether no open element can have this name (its bucket is empty).
    fn surely_not_open(&self, name: &LocalName) -> bool {
        self.names[bucket(name)] == 0
    }

    /// Pops the stack down to `len` entries, closing what they opened, and
    /// then any detached form left on top (its last child just closed).
    fn pop_to(&mut self, len: usize) {
        while self.stack.len() > len || self.stack.last().is_some_and(|o| o.detached) {
            let Some(o) = self.stack.pop() else { break };
            self.names[bucket(&o.name)] -= 1;
            if o.pointed {
                self.form = FormPointer::Gone;
            }
            if o.active != 0 {
                self.close_active(o.active);
            }
            if !o.foreign && o.name != local_name!("html") && is_formatting_marker(&o.name) {
                // Up to and including the last marker.
                while let Some(a) = self.active.pop() {
                    if matches!(a, Active::Marker) {
                        break;
                    }
                }
            }
            if o.frame {
                self.walker.close();
            }
            if o.skip {
                self.skipping -= 1;
            }
            if o.name == local_name!("p") && !o.foreign {
                self.open_p -= 1;
            }
            if o.name == local_name!("select") && !o.foreign {
                self.open_select -= 1;
            }
            if o.name == local_name!("table") && !o.foreign {
                self.open_table -= 1;
            }
            if is_implied(&o.name) && !o.foreign {
                self.open_implied -= 1;
            }
            let depth = self.stack.len();
            if o.name == local_name!("title")
                && let Some(t) = self.title.take()
            {
                self.meta.title(&t);
            }
            if o.name == local_name!("script")
                && let Some(t) = self.json.take()
            {
                self.meta.json_ld(&t);
            }
            self.close_captures(depth);
        }
    }

    /// Ends the author captures opened at stack length `depth` or deeper.
    fn close_captures(&mut self, depth: usize) {
        while let Some(c) = self.authors.last_mut() {
            if c.name_at.is_some_and(|at| at > depth) {
                c.name_at = None;
                c.name = crate::html::head::clean(&c.name_text);
            }
            if c.at <= depth {
                break;
            }
            let Some(c) = self.authors.pop() else { break };
            let name = c.name.or_else(|| crate::html::head::clean(&c.text));
            self.meta.author_name(name);
        }
    }

    /// The index of the innermost open element `target` accepts, scanning
    /// down from the top and stopping at one `barrier` accepts.
    fn find(
        &self,
        target: impl Fn(&LocalName) -> bool,
        barrier: impl Fn(&LocalName) -> bool,
    ) -> Option<usize> {
        for (i, o) in self.stack.iter().enumerate().rev() {
            self.work.set(self.work.get() + 1);
            if o.foreign || o.detached {
                continue;
            }
            if target(&o.name) {
                return Some(i);
            }
            if barrier(&o.name) {
                return None;
            }
        }
        None
    }

    fn ensure_html(&mut self) {
        if !self.html_open {
            self.open_html(&[]);
        }
    }

    fn open_html(&mut self, attrs: &[(Key, StrTendril)]) {
        self.html_open = true;
        self.meta.element(&local_name!("html"), attrs);
        let frame = self.walker.open(&local_name!("html"), attrs);
        self.push_open(Open {
            name: local_name!("html"),
            frame,
            skip: false,
            foreign: false,
            pointed: false,
            detached: false,
            active: 0,
        });
    }

    /// Starts the body (closing `head`), as the tree builder does at the
    /// first content that cannot stand in `head`.
    fn ensure_body(&mut self, attrs: &[(Key, StrTendril)]) {
        self.ensure_html();
        if self.body_open {
            return;
        }
        if let Some(i) = self.find(|n| *n == local_name!("head"), |_| false) {
            self.pop_to(i);
        }
        self.body_open = true;
        self.push(local_name!("body"), attrs, false);
    }

    /// Opens an element: the walker decides whether its content shows.
    fn push(&mut self, name: LocalName, attrs: &[(Key, StrTendril)], void: bool) {
        // Every entry under a skipped one is skipped through `skipping`;
        // only the entry that starts the skip counts in it.
        let frame = self.skipping == 0 && self.walker.open(&name, attrs);
        if void {
            if frame {
                self.walker.close();
            }
            return;
        }
        let skip = self.skipping == 0 && !frame;
        if skip {
            self.skipping += 1;
        }
        if name == local_name!("p") {
            self.open_p += 1;
        }
        if name == local_name!("select") {
            self.open_select += 1;
        }
        if name == local_name!("table") {
            self.open_table += 1;
        }
        if is_implied(&name) {
            self.open_implied += 1;
        }
        self.push_open(Open {
            name,
            frame,
            skip,
            foreign: false,
            pointed: false,
            detached: false,
            active: 0,
        });
    }

    /// Opens an svg/MathML element (unless self-closing or past the depth
    /// limit); whether it was opened.
    fn push_foreign(&mut self, tag: &Tag) -> bool {
        let open = !tag.self_closing && self.stack.len() < self.max_depth;
        if open {
            self.push_open(Open {
                name: tag.name.clone(),
                frame: false,
                skip: false,
                foreign: true,
                pointed: false,
                detached: false,
                active: 0,
            });
        }
        open
    }

    /// The implied closes a start tag causes before it opens.
    fn implied_closes(&mut self, name: &LocalName) {
        if self.open_implied > 0 {
            let hit = match *name {
                local_name!("li") => self.find(
                    |n| *n == local_name!("li"),
                    |n| {
                        is_special(n)
                            && !matches!(
                                *n,
                                local_name!("address") | local_name!("div") | local_name!("p")
                            )
                    },
                ),
                local_name!("dt") | local_name!("dd") => self.find(
                    |n| matches!(*n, local_name!("dt") | local_name!("dd")),
                    |n| {
                        is_special(n)
                            && !matches!(
                                *n,
                                local_name!("address") | local_name!("div") | local_name!("p")
                            )
                    },
                ),
                // Outside a select (in scope), an option closes an option
                // that is the current node.
                local_name!("option") | local_name!("optgroup") if !self.select_in_scope() => self
                    .find(
                        |n| *n == local_name!("option"),
                        |n| *n != local_name!("option"),
                    ),
                _ => None,
            };
            if let Some(i) = hit {
                self.pop_to(i);
            }
        }
        // In a select, an option or optgroup closes what may be left
        // open above (an option, a p, an li…; an optgroup stays open for
        // an option).
        if matches!(*name, local_name!("option") | local_name!("optgroup"))
            && self.select_in_scope()
        {
            let keep = (*name == local_name!("option")).then_some(local_name!("optgroup"));
            self.pop_implied_ends(0, keep.as_ref());
        }
        if self.open_table > 0 {
            self.clear_table_context(name);
        }
        // In quirks mode (no doctype) a table does not close a paragraph.
        if self.open_p > 0 && closes_p(name) && !(self.quirks && *name == local_name!("table")) {
            let hit = self.find(
                |n| *n == local_name!("p"),
                |n| is_scope_boundary(n) || *n == local_name!("button"),
            );
            if let Some(i) = hit {
                self.pop_to(i);
            }
        }
        // A heading right inside a heading closes it.
        if is_heading(name) && self.stack.last().is_some_and(|o| is_heading(&o.name)) {
            self.pop_to(self.stack.len() - 1);
        }
        // A link inside a link (one opened since the last cell, caption or
        // other marker of the active formatting elements) runs the
        // adoption agency for the first, which then leaves the tree
        // builder's stack: closed when nothing special opened inside it,
        // otherwise as a formatting end tag across blocks, and only taken
        // off the stack when out of scope (past a select or a table).
        if *name == local_name!("a")
            && let Some((k, open)) = self.last_active(name)
        {
            if !open {
                // Closed already: the adoption agency only forgets it.
                self.active.remove(k);
                return;
            }
            let Some(i) = self.find(|n| *n == local_name!("a"), is_formatting_marker) else {
                return;
            };
            let id = std::mem::take(&mut self.stack[i].active);
            self.remove_active(id);
            let in_scope = self.stack[i + 1..]
                .iter()
                .all(|o| o.foreign || o.detached || !is_scope_boundary(&o.name));
            if !in_scope {
                self.stack[i].detached = true;
            } else if !self.adopt_across_blocks(i) {
                self.pop_to(i);
            }
        }
    }

    /// The adoption agency for the formatting element at stack index `i`
    /// when blocks (special elements) opened inside it; whether there were
    /// any. The tree builder keeps the blocks open and moves the
    /// formatting out of them, so the text that follows stays in the
    /// innermost block; what was opened inside that block (inline
    /// elements, svg or MathML) is closed by its last round. It runs at
    /// most 8 rounds, one a block: past 7 blocks the last round finds a
    /// block again and nothing closes.
    fn adopt_across_blocks(&mut self, i: usize) -> bool {
        let mut blocks = self.stack[i + 1..]
            .iter()
            .enumerate()
            .filter(|(_, o)| !o.foreign && !o.detached && is_special(&o.name))
            .map(|(j, _)| i + 1 + j);
        let Some(innermost) = blocks.by_ref().take(7).last() else {
            return false;
        };
        if blocks.next().is_none() {
            let id = std::mem::take(&mut self.stack[i].active);
            self.remove_active(id);
            self.pop_to(innermost + 1);
            // The tree builder took the formatting element off its stack:
            // a second end tag of its name closes nothing.
            self.stack[i].detached = true;
        }
        true
    }

    fn start_tag(&mut self, tag: &Tag) -> Option<TokenSinkResult<()>> {
        let name = &tag.name;
        self.elements += 1;
        if self.foreign() {
            if breaks_foreign(name) {
                self.pop_to(self.html_len());
            } else {
                // Inside svg/MathML: nested, skipped, no raw text.
                self.push_foreign(tag);
                return None;
            }
        }
        if self.open_select > 0 {
            // In a select, as html5ever's tree builder reads it (the
            // standard's customizable select: its content is parsed as
            // body content, and hidden here as a form control's): another
            // select or an input closes a select in scope; the select
            // start tag is then dropped.
            if matches!(*name, local_name!("select") | local_name!("input"))
                && let Some(i) = self.find(|n| *n == local_name!("select"), is_scope_boundary)
            {
                self.pop_to(i);
                if *name == local_name!("select") {
                    return None;
                }
            }
        }
        // The buffer is reused from tag to tag (the rare early returns below
        // give it up: the next tag allocates a new one).
        let mut attrs = std::mem::take(&mut self.attr_buf);
        kept_attrs(tag, &mut attrs);
        match *name {
            local_name!("html") => {
                if !self.html_open {
                    self.open_html(&attrs);
                }
                return None;
            }
            local_name!("body") => {
                self.ensure_body(&attrs);
                return None;
            }
            local_name!("head") if self.body_open => return None,
            _ => {}
        }
        self.ensure_html();
        if !self.body_open && !in_head(name) {
            self.ensure_body(&[]);
        }
        // A `<form>` outside templates sets the form element pointer, and
        // while it is set a nested one is ignored whole (no `p` closes, no
        // element opens). In a table, where the tree builder's current
        // node is the table or one of its sections or rows, a form is
        // inserted and popped at once: an empty element, as if void.
        let mut points = false;
        let mut form_void = false;
        if *name == local_name!("form") {
            let in_template = self.in_template();
            if self.form != FormPointer::None && !in_template {
                self.attr_buf = attrs;
                return None;
            }
            points = !in_template;
            form_void = points && self.in_table_mode();
            if points {
                // Until the element is on the stack (it may be dropped
                // past the depth limit, or be void here), the pointer
                // points at no open element.
                self.form = FormPointer::Gone;
            }
        }
        // Table parts with no table open are ignored whole, as the tree
        // builder's "in body" mode does (in a template they open: its
        // content may be a table's).
        if self.open_table == 0 && is_table_only(name) && !self.in_template() {
            self.attr_buf = attrs;
            return None;
        }
        let raw = self.raw_kind(name);
        let void = is_void(name) || form_void;
        if !void {
            self.implied_closes(name);
        }
        if reconstructs(name) {
            self.reconstruct();
        }
        let wants = self.meta.element(name, &attrs);
        if matches!(*name, local_name!("svg") | local_name!("math")) {
            self.skip_foreign = self.push_foreign(tag);
            return None;
        }
        if !void && self.stack.len() >= self.max_depth && raw.is_none() {
            // Past the depth limit: the tag is dropped, its text stays in
            // the element at the limit; a block tag still ends the text
            // before it.
            *self.dropped.entry(name.clone()).or_insert(0) += 1;
            self.dropped_block_boundary(name);
            return None;
        }
        self.push(name.clone(), &attrs, void);
        if !void {
            self.list_active(name, &attrs);
        }
        if points
            && !void
            && let Some(top) = self.stack.last_mut()
        {
            top.pointed = true;
            self.form = FormPointer::Open;
        }
        if !void {
            let depth = self.stack.len();
            if wants.title {
                self.title = Some(String::new());
            }
            if wants.json_ld {
                self.json = Some(String::new());
            }
            if wants.author_name {
                self.authors.push(AuthorCapture {
                    at: depth,
                    text: String::new(),
                    name: None,
                    name_at: None,
                    name_text: String::new(),
                });
            }
            self.microdata_name(&attrs, depth);
        }
        self.attr_buf = attrs;
        raw
    }

    /// Marks the active formatting entry `id` closed (its element left the
    /// stack; the entry stays, to be reopened).
    fn close_active(&mut self, id: u32) {
        for a in self.active.iter_mut().rev() {
            if let Active::Elem { id: e, open, .. } = a
                && *e == id
            {
                *open = false;
                return;
            }
        }
    }

    /// Removes the active formatting entry `id`, if listed.
    fn remove_active(&mut self, id: u32) {
        if id == 0 {
            return;
        }
        if let Some(k) = self
            .active
            .iter()
            .rposition(|a| matches!(a, Active::Elem { id: e, .. } if *e == id))
        {
            self.active.remove(k);
        }
    }

    /// The index in `active` of the last entry named `name` after the last
    /// marker, and whether its element is open.
    fn last_active(&self, name: &LocalName) -> Option<(usize, bool)> {
        for (k, a) in self.active.iter().enumerate().rev() {
            match a {
                Active::Marker => return None,
                Active::Elem { name: n, open, .. } if n == name => return Some((k, *open)),
                Active::Elem { .. } => {}
            }
        }
        None
    }

    /// Lists the formatting element or marker just pushed on top of the
    /// stack. Like the standard's "Noah's Ark" clause, a fourth identical
    /// element (same name and kept attributes) after the last marker
    /// drops the first; past [`MAX_ACTIVE`] the oldest goes.
    fn list_active(&mut self, name: &LocalName, attrs: &[(Key, StrTendril)]) {
        if is_formatting_marker(name) {
            self.active.push(Active::Marker);
            return;
        }
        if !is_formatting(name) {
            return;
        }
        let start = self
            .active
            .iter()
            .rposition(|a| matches!(a, Active::Marker))
            .map_or(0, |k| k + 1);
        let mut same = (start..self.active.len()).filter(|&k| {
            matches!(&self.active[k], Active::Elem { name: n, attrs: a, .. }
                if n == name && a.as_slice() == attrs)
        });
        let first = same.next();
        if let Some(first) = first
            && same.nth(1).is_some()
        {
            self.active.remove(first);
        } else if self.active.len() - start >= MAX_ACTIVE {
            self.active.remove(start);
        }
        self.last_id += 1;
        let id = self.last_id;
        if let Some(top) = self.stack.last_mut() {
            top.active = id;
        }
        self.active.push(Active::Elem {
            name: name.clone(),
            attrs: attrs.to_vec(),
            id,
            open: true,
        });
    }

    /// The standard's "reconstruct the active formatting elements": the
    /// formatting elements closed by another element's end since the last
    /// marker or open one are opened again, in order, before text or an
    /// inline element (so `<p><b>a</p>b` keeps `b` bold, and an end tag of
    /// the name later closes what opened inside the reopened element).
    fn reconstruct(&mut self) {
        if !matches!(self.active.last(), Some(Active::Elem { open: false, .. })) {
            return;
        }
        let mut k = self.active.len() - 1;
        while k > 0 && matches!(self.active[k - 1], Active::Elem { open: false, .. }) {
            k -= 1;
        }
        for j in k..self.active.len() {
            if self.stack.len() >= self.max_depth {
                break;
            }
            let Active::Elem { name, attrs, .. } = &self.active[j] else {
                break;
            };
            let (name, attrs) = (name.clone(), attrs.clone());
            // Not counted toward the element limit, which bounds what the
            // page's own tags cost: a reopening stores nothing past the
            // stack entry it pops with, its time is counted by the work
            // limit, and counting it made a 0.4 MB page of paragraphs under
            // 100 unclosed `<b>`s a `TooManyNodes` error.
            self.push(name, &attrs, false);
            self.last_id += 1;
            let new = self.last_id;
            if let Some(top) = self.stack.last_mut() {
                top.active = new;
            }
            if let Active::Elem { id, open, .. } = &mut self.active[j] {
                *id = new;
                *open = true;
            }
        }
    }

    /// A `select` is open in the default scope.
    fn select_in_scope(&self) -> bool {
        self.open_select > 0
            && self
                .find(|n| *n == local_name!("select"), is_scope_boundary)
                .is_some()
    }

    /// The standard's "generate implied end tags" (the set html5ever calls
    /// cursory: the elements whose end tag may be left out), but `keep`,
    /// and never below stack length `floor`.
    fn pop_implied_ends(&mut self, floor: usize, keep: Option<&LocalName>) {
        while self.stack.len() > floor
            && self.stack.last().is_some_and(|o| {
                !o.foreign
                    && Some(&o.name) != keep
                    && matches!(
                        o.name,
                        local_name!("dd")
                            | local_name!("dt")
                            | local_name!("li")
                            | local_name!("optgroup")
                            | local_name!("option")
                            | local_name!("p")
                            | local_name!("rb")
                            | local_name!("rp")
                            | local_name!("rt")
                            | local_name!("rtc")
                    )
            })
        {
            self.pop_to(self.stack.len() - 1);
        }
    }

    /// A `template` is open: the form element pointer is neither read nor
    /// set inside one.
    fn in_template(&self) -> bool {
        self.stack
            .iter()
            .any(|o| !o.foreign && !o.detached && o.name == local_name!("template"))
    }

    /// The tree builder would be in its "in table" insertion mode: the
    /// innermost open element is a table or one of its sections or rows
    /// (inside a cell or caption it reads as body again).
    fn in_table_mode(&self) -> bool {
        self.stack
            .iter()
            .rev()
            .find(|o| !o.foreign && !o.detached)
            .is_some_and(|o| {
                matches!(
                    o.name,
                    local_name!("table")
                        | local_name!("tbody")
                        | local_name!("thead")
                        | local_name!("tfoot")
                        | local_name!("tr")
                )
            })
    }

    /// `</form>` outside templates, as the tree builder reads it: it clears
    /// the form element pointer, and if the element pointed at is open and
    /// in scope, closes the implied ends above it and takes it off the
    /// stack. Elements still open inside it stay open (they are its
    /// children in the tree), so it is only detached until they close.
    fn end_form(&mut self) {
        let pointer = std::mem::replace(&mut self.form, FormPointer::None);
        if pointer != FormPointer::Open {
            return;
        }
        let Some(at) = self.stack.iter().rposition(|o| o.pointed) else {
            return;
        };
        self.stack[at].pointed = false;
        let in_scope = self.stack[at + 1..]
            .iter()
            .all(|o| o.foreign || o.detached || !is_scope_boundary(&o.name));
        if !in_scope {
            return;
        }
        self.pop_implied_ends(at + 1, None);
        if self.stack.len() == at + 1 {
            self.pop_to(at);
        } else {
            self.stack[at].detached = true;
        }
    }

    /// An `itemprop=name` inside an author item names the author.
    fn microdata_name(&mut self, attrs: &[(Key, StrTendril)], depth: usize) {
        let Some(c) = self.authors.last_mut() else {
            return;
        };
        if c.name.is_some() || c.name_at.is_some() || c.at >= depth {
            return;
        }
        let is_name = find_attr(attrs, Key::Itemprop)
            .is_some_and(|p| p.split_ascii_whitespace().any(|t| t == "name"));
        if !is_name {
            return;
        }
        match find_attr(attrs, Key::Content).and_then(crate::html::head::clean) {
            Some(n) => c.name = Some(n),
            None => c.name_at = Some(depth),
        }
    }

    /// A block tag dropped past the depth limit, start or end, still ends
    /// the text before it (as the tree parse's `block_boundary` does), so
    /// that paragraphs past the limit do not run together.
    fn dropped_block_boundary(&mut self, name: &LocalName) {
        if role_of(name) == Role::Block && self.skipping == 0 {
            self.walker.line_break();
            self.walker.line_break();
        }
    }

    fn end_tag(&mut self, name: &LocalName) {
        if !self.dropped.is_empty()
            && let Some(c) = self.dropped.get_mut(name).filter(|c| **c > 0)
        {
            *c -= 1;
            self.dropped_block_boundary(name);
            return;
        }
        if self.foreign() {
            if matches!(*name, local_name!("p") | local_name!("br")) {
                // These end tags break out of foreign content.
                self.pop_to(self.html_len());
            } else {
                // An end tag in foreign content closes a foreign element of
                // its name; past the first HTML element, HTML rules apply.
                let first = self
                    .stack
                    .iter()
                    .rposition(|o| !o.foreign)
                    .map_or(0, |i| i + 1);
                if let Some(i) = self.stack[first..].iter().rposition(|o| o.name == *name) {
                    self.pop_to(first + i);
                    return;
                }
            }
        }
        if *name == local_name!("form") && !self.in_template() {
            self.end_form();
            return;
        }
        match *name {
            local_name!("html") | local_name!("body") => return,
            // `</template>` closes the innermost open template whatever is
            // open inside it (no scope, no special barrier).
            local_name!("template") => {
                if let Some(i) = self.find(|n| *n == local_name!("template"), |_| false) {
                    self.pop_to(i);
                }
                return;
            }
            local_name!("head") => {
                if !self.body_open
                    && let Some(i) = self.find(|n| *n == local_name!("head"), |_| false)
                {
                    self.pop_to(i);
                }
                return;
            }
            local_name!("br") => {
                if self.skipping == 0 {
                    self.walker.line_break();
                }
                return;
            }
            _ => {}
        }
        // The formatting element of that name was closed by another end:
        // the adoption agency forgets it and closes nothing.
        if is_formatting(name)
            && let Some((k, false)) = self.last_active(name)
        {
            self.active.remove(k);
            return;
        }
        let hit = if *name == local_name!("p") {
            let hit = self.find(
                |n| *n == local_name!("p"),
                |n| is_scope_boundary(n) || *n == local_name!("button"),
            );
            if hit.is_none() && self.skipping == 0 {
                // `</p>` with no open `p` is an empty paragraph: a break.
                self.ensure_body(&[]);
                if self.walker.open(&local_name!("p"), &[]) {
                    self.walker.close();
                }
            }
            hit
        } else if is_formatting(name)
            || role_of(name) == Role::Block
            || *name == local_name!("select")
        {
            let barrier = match *name {
                local_name!("li") => |n: &LocalName| {
                    is_scope_boundary(n) || matches!(*n, local_name!("ul") | local_name!("ol"))
                },
                local_name!("td")
                | local_name!("th")
                | local_name!("tr")
                | local_name!("table")
                | local_name!("tbody")
                | local_name!("thead")
                | local_name!("tfoot")
                | local_name!("caption") => {
                    |n: &LocalName| matches!(*n, local_name!("table") | local_name!("html"))
                }
                _ => is_scope_boundary,
            };
            let target = |n: &LocalName| n == name || (is_heading(name) && is_heading(n));
            if !is_heading(name) && self.surely_not_open(name) {
                None
            } else {
                self.find(target, barrier)
            }
        } else if self.surely_not_open(name) {
            None
        } else {
            self.find(|n| n == name, is_special)
        };
        // A formatting end tag with a block opened inside it.
        if is_formatting(name)
            && let Some(i) = hit
        {
            if self.adopt_across_blocks(i) {
                return;
            }
            let id = std::mem::take(&mut self.stack[i].active);
            self.remove_active(id);
        }
        let hit = hit.or_else(|| self.implied_table_part(name));
        if let Some(i) = hit {
            self.pop_to(i);
        }
    }

    /// Before a table part opens, what is open above its context closes:
    /// the cell or row it ends, and anything (a `div` the tree builder
    /// would have moved before the table) between.
    fn clear_table_context(&mut self, name: &LocalName) {
        let part = |n: &LocalName| *n == local_name!("table") || is_table_part(n);
        // The standard's table scope: a template inside a cell holds its
        // own table parts, which close nothing outside it.
        let ctx = |st: &State| {
            st.find(part, |n| {
                matches!(*n, local_name!("html") | local_name!("template"))
            })
        };
        match *name {
            // A table start tag where the tree builder is in a table, its
            // section or row (not a cell or caption; elements it moved
            // before the table do not change that) closes that table
            // first: the new one follows it, not nested.
            local_name!("table") => {
                let mode = self.find(
                    |n| part(n) || *n == local_name!("caption"),
                    |n| matches!(*n, local_name!("html") | local_name!("template")),
                );
                let in_table = mode.is_some_and(|i| {
                    !matches!(
                        self.stack[i].name,
                        local_name!("td") | local_name!("th") | local_name!("caption")
                    )
                });
                if in_table && let Some(t) = self.find(|n| *n == local_name!("table"), |_| false) {
                    self.pop_to(t);
                }
            }
            local_name!("td") | local_name!("th") => {
                if let Some(i) = ctx(self) {
                    let cell = matches!(self.stack[i].name, local_name!("td") | local_name!("th"));
                    self.pop_to(if cell { i } else { i + 1 });
                }
            }
            local_name!("tr") => {
                while let Some(i) = ctx(self) {
                    match self.stack[i].name {
                        local_name!("td") | local_name!("th") => self.pop_to(i),
                        local_name!("tr") => {
                            self.pop_to(i);
                            break;
                        }
                        _ => {
                            self.pop_to(i + 1);
                            break;
                        }
                    }
                }
            }
            local_name!("tbody") | local_name!("thead") | local_name!("tfoot") => {
                if let Some(i) = ctx(self) {
                    let at = self
                        .implied_table_part(&local_name!("tbody"))
                        .unwrap_or(i + 1);
                    self.pop_to(at);
                }
            }
            _ => {}
        }
    }

    /// `</tr>`, `</tbody>`, `</thead>`, `</tfoot>` whose element was only
    /// implied (the tree builder adds `tbody` and `tr` around a bare cell,
    /// this stack does not): the outermost open table part of the table.
    fn implied_table_part(&self, name: &LocalName) -> Option<usize> {
        let part = is_table_part;
        if !part(name) || matches!(*name, local_name!("td") | local_name!("th")) {
            return None;
        }
        let table = self.find(
            |n| *n == local_name!("table"),
            |n| *n == local_name!("html"),
        )?;
        (table + 1..self.stack.len()).find(|&i| !self.stack[i].foreign && part(&self.stack[i].name))
    }

    fn text(&mut self, t: &str) {
        if let Some(title) = &mut self.title {
            title.push_str(t);
            return;
        }
        if let Some(json) = &mut self.json {
            json.push_str(t);
            return;
        }
        if !self.body_open {
            if t.bytes().all(|b| b.is_ascii_whitespace()) {
                return;
            }
            let top = self.stack.last().map(|o| &o.name);
            if top.is_some_and(|n| !matches!(*n, local_name!("head") | local_name!("html"))) {
                // Text in a `head` child (noscript, template).
                return;
            }
            self.ensure_body(&[]);
        }
        // Text in the body reopens closed formatting elements, but not in
        // svg/MathML or a raw-text element, nor white space where a table
        // holds it (the tree builder's "in table text").
        if matches!(self.active.last(), Some(Active::Elem { open: false, .. }))
            && !self.foreign()
            && self
                .stack
                .last()
                .is_none_or(|o| self.raw_kind(&o.name).is_none())
            && !(self.in_table_mode() && t.bytes().all(|b| b.is_ascii_whitespace()))
        {
            self.reconstruct();
        }
        let depth = self.stack.len();
        // Past four bytes a character, a text is surely longer than any name
        // kept ([`crate::html::head::AUTHOR_MAX_CHARS`]): stop copying it, so that
        // nested author items cannot each hold a copy of the page.
        let cap = 4 * crate::html::head::AUTHOR_MAX_CHARS;
        for c in &mut self.authors {
            if c.text.len() <= cap {
                push_folded(&mut c.text, t);
            }
            if c.name_at.is_some_and(|at| at <= depth) && c.name_text.len() <= cap {
                push_folded(&mut c.name_text, t);
            }
        }
        if self.skipping == 0 && !self.foreign() {
            self.walker.push_text(t);
        }
    }
}

impl TokenSink for Fast {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        if st.elements > st.max_nodes {
            // Over the limit: the caller reports it after this slice.
            return TokenSinkResult::Continue;
        }
        st.work.set(st.work.get() + 1);
        if st.work.get() > st.max_work && matches!(token, Token::TagToken(_)) {
            // Over the work limit: pausing the tokenizer hands control back
            // to `feed_in_slices`, which reports it at once. Only a tag may
            // pause it (html5ever asserts that other tokens continue); the
            // next tag or the end of the slice comes soon enough.
            return TokenSinkResult::Script(());
        }
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    if let Some(result) = st.start_tag(&tag) {
                        if let TokenSinkResult::RawData(kind) = result {
                            // Script and style bodies are wanted only for
                            // JSON-LD and author names: others are dropped
                            // uncopied.
                            if st.json.is_some() || !st.authors.is_empty() {
                                if let Some(text) = take_raw_text(&self.input, &tag.name, kind) {
                                    st.text(&text);
                                }
                            } else {
                                drop_raw_text(&self.input, &tag.name, kind);
                            }
                        }
                        return result;
                    }
                }
                TagKind::EndTag => st.end_tag(&tag.name),
            },
            Token::CharacterTokens(t) => st.text(&t),
            Token::DoctypeToken(d) => st.quirks = d.force_quirks || d.name.is_none(),
            _ => {}
        }
        if st.skip_foreign {
            st.skip_foreign = false;
            if let Some(name) = st.stack.last().map(|o| o.name.clone()) {
                skip_foreign(&self.input, &name);
            }
        }
        TokenSinkResult::Continue
    }

    fn end(&self) {
        let mut st = self.state.borrow_mut();
        st.pop_to(0);
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.state.borrow().foreign()
    }
}
