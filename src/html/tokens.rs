//! What the parser keeps of html5ever's tokens: the few attributes later
//! stages read ([`Key`]), input fed in slices so that the element limit
//! stops a huge page early, and raw text (scripts, styles) taken whole.

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{BufferQueue, TokenSink, Tokenizer};
use html5ever::{QualName, TokenizerResult, local_name, ns};

use crate::html::tags::BREAKS_FOREIGN;

use crate::error::Error;

/// Input is fed to the parser in slices of this size, so that a page over
/// the element limit stops within one slice (at most ~20,000 extra elements)
/// instead of being parsed to the end.
pub(crate) const CHUNK: usize = 256 << 10;

/// The attributes kept; every other attribute is dropped at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Key {
    Class,
    Id,
    Role,
    Itemprop,
    Style,
    Hidden,
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
    Title,
}

/// The longest value kept of an attribute the block walker reads (class,
/// id, style, role…), in bytes. Real ones are well under a few hundred
/// bytes. The walker reads them again each time the parser reopens a
/// formatting element (once per later run of text, the standard's
/// reconstruction), so a 100 KB `style` on an unclosed `<b>` cost 100 KB per
/// paragraph after it; cut here it costs a constant. `href` and `content`
/// (links, meta values) are not read per reopening and are kept whole.
pub(crate) const ATTR_VALUE_MAX: usize = 2048;

/// An attribute's value as kept: cut to [`ATTR_VALUE_MAX`] bytes (at a
/// character boundary) for the keys the walker reads.
pub(crate) fn kept_value(key: Key, value: &StrTendril) -> StrTendril {
    if value.len() <= ATTR_VALUE_MAX || matches!(key, Key::Href | Key::Content) {
        return value.clone();
    }
    let mut end = ATTR_VALUE_MAX;
    while !value.is_char_boundary(end) {
        end -= 1;
    }
    value.subtendril(0, end as u32)
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
        local_name!("title") => Key::Title,
        _ => return None,
    })
}

/// The most attributes read from one tag. Real tags carry a few, a few dozen
/// at most; html5ever's tokenizer checks each new attribute's name against
/// all the earlier ones of its tag (to drop duplicates), so one tag with
/// 125,000 attributes cost 3.3 s (0.55 MB) and grew with the square.
pub(crate) const MAX_ATTRS: usize = 1024;

/// A tag shorter than this, from its `<` to its `>`, holds at most
/// [`MAX_ATTRS`] attributes: every attribute but the last takes at least
/// two bytes (a name byte and a separator, white space or `/`; a value is
/// longer still), and `<`, a name byte and the separator after the name
/// take three more, so MAX_ATTRS + 1 attributes span at least
/// 2 × MAX_ATTRS + 4 bytes. Only a tag this long is read attribute by
/// attribute; any shorter one costs [`cap_attributes`] one byte search.
const LONG_TAG: usize = 2 * MAX_ATTRS;

/// What the tokenizer's tag states treat as white space (CR included: the
/// tokenizer reads it as LF).
fn is_ws(c: u8) -> bool {
    matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ')
}

/// How a tag ends, as html5ever's tokenizer reads it.
struct TagEnd {
    /// The offset of the tag's `>`, or the input's length when the input
    /// ends first.
    end: usize,
    /// Where attribute number MAX_ATTRS + 1 starts, when there is one.
    cut: Option<usize>,
    /// Whether the `>` came right after a `/` read as the self-closing flag.
    self_closing: bool,
}

/// Reads a tag's attributes from `j` (just after its name) to its end,
/// state by state as the tokenizer does: a name (whose first byte may be
/// `=` or a quote) runs to white space, `/`, `>` or `=`; a value after `=`
/// is quoted (to the same quote: a `>` inside does not end the tag) or runs
/// to white space or `>`.
fn read_attributes(b: &[u8], mut j: usize) -> TagEnd {
    let mut count = 0;
    let mut cut = None;
    loop {
        // Before an attribute name: white space and `/` (the self-closing
        // flag when a `>` follows at once) are skipped.
        let mut slash = false;
        while j < b.len() && (is_ws(b[j]) || b[j] == b'/') {
            slash = b[j] == b'/';
            j += 1;
        }
        if j >= b.len() || b[j] == b'>' {
            return TagEnd {
                end: j,
                cut,
                self_closing: slash && j < b.len(),
            };
        }
        count += 1;
        if count == MAX_ATTRS + 1 {
            cut = Some(j);
        }
        j += 1;
        while j < b.len() && !is_ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
            j += 1;
        }
        let mut v = j;
        while v < b.len() && is_ws(b[v]) {
            v += 1;
        }
        if b.get(v) != Some(&b'=') {
            continue;
        }
        v += 1;
        while v < b.len() && is_ws(b[v]) {
            v += 1;
        }
        j = match b.get(v) {
            // Values are most of a tag's bytes: skipped by a vector search.
            Some(&q) if q == b'"' || q == b'\'' => {
                memchr::memchr(q, &b[v + 1..]).map_or(b.len(), |e| v + 2 + e)
            }
            _ => {
                let mut e = v;
                while e < b.len() && !is_ws(b[e]) && b[e] != b'>' {
                    e += 1;
                }
                e
            }
        };
    }
}

/// How a tag that starts at `lt` with its name ending at `name_end` ends.
/// Most tags are read with one vector search: when their first `>` comes
/// before any quote, no value can hide it, so it ends the tag; when that
/// `>` is also less than [`LONG_TAG`] bytes away, the tag cannot hold more
/// than [`MAX_ATTRS`] attributes. A quote first (a quoted value may hold a
/// `>`), a long tag, or a `/` before the `>` (the self-closing flag, or the
/// end of an unquoted value) are read by [`read_attributes`].
fn tag_end(b: &[u8], lt: usize, name_end: usize) -> TagEnd {
    let rest = &b[name_end..];
    if let Some(p) = memchr::memchr3(b'>', b'"', b'\'', rest)
        && rest[p] == b'>'
        && name_end + p - lt < LONG_TAG
        && (p == 0 || rest[p - 1] != b'/')
    {
        return TagEnd {
            end: name_end + p,
            cut: None,
            self_closing: false,
        };
    }
    read_attributes(b, name_end)
}

/// Where a comment that starts at `lt` (with `<!--`) ends, as the
/// tokenizer's comment states read it: the offset of its `>` (after `--`
/// or `--!`, or at once in `<!-->` and `<!--->`), or `None` when the input
/// ends first.
fn comment_end(b: &[u8], lt: usize, dashes: &memchr::memmem::Finder) -> Option<usize> {
    let body = lt + 4;
    match b.get(body..) {
        Some([b'>', ..]) => return Some(body),
        Some([b'-', b'>', ..]) => return Some(body + 1),
        _ => {}
    }
    let mut from = body;
    loop {
        let at = from + dashes.find(b.get(from..)?)?;
        match b.get(at + 2..)? {
            [b'>', ..] => return Some(at + 2),
            [b'!', b'>', ..] => return Some(at + 3),
            _ => from = at + 1,
        }
    }
}

/// The content kind the tree builder gives an HTML element of this name
/// (see `tree::raw_kind`): script data, raw text (RCDATA ends the same
/// way), or the rest of the input (`plaintext`).
fn raw_content(name: &[u8]) -> Option<Option<bool>> {
    const RAW: [&[u8]; 8] = [
        b"style",
        b"xmp",
        b"iframe",
        b"noembed",
        b"noframes",
        b"noscript",
        b"title",
        b"textarea",
    ];
    if name.eq_ignore_ascii_case(b"script") {
        Some(Some(true))
    } else if RAW.iter().any(|r| name.eq_ignore_ascii_case(r)) {
        Some(Some(false))
    } else if name.eq_ignore_ascii_case(b"plaintext") {
        Some(None)
    } else {
        None
    }
}

/// Whether a start tag of this name ends svg/MathML content in the tree
/// builder (`tags::BREAKS_FOREIGN`).
fn breaks_foreign_bytes(name: &[u8]) -> bool {
    name.len() <= 10 && BREAKS_FOREIGN.iter().any(|n| name.eq_ignore_ascii_case(n))
}

/// `html` with every tag cut to its first [`MAX_ATTRS`] attributes (the
/// rest, up to the tag's `>`, dropped), borrowed when no tag has more.
///
/// Why: html5ever's tokenizer compares each new attribute name of a tag
/// with all the earlier ones (to drop duplicates), so one tag of 125,000
/// attributes took 3.4 s and grew with the square.
///
/// A linear scan that keeps in step with the tokenizer, so that no tag is
/// missed and no text is taken for one: comments, bogus comments (`<!…>`,
/// `<?…>`, `</1…>`) and the content of raw-text elements (script, style,
/// title…, with the tokenizer's end rules) hold no tags; start and end tags
/// (html5ever reads attributes on both) end at the first `>` outside a
/// quoted value. Inside svg/MathML, as the tree builder reads it, nothing
/// is raw text and `<![CDATA[…]]>` is a section; the scan follows the
/// svg/math elements opened and closed and the start tags that break out,
/// and stays inside when unsure (an HTML end tag that closes an ancestor):
/// there it may read a script's content as tags, which only costs time.
/// Once unsure, it skips a `<![CDATA[` only to its first `>`, as the
/// tokenizer outside svg does, not to its `]]>`: of the two readings the one
/// that hides nothing (a tag of many attributes after `<![CDATA[>` and
/// before a `]]>` took 34 s at 120,000 attributes when the tree had left the
/// svg and the scan had not).
///
/// Cost: a vector search for each `<`, and one for each tag's end
/// ([`tag_end`]); only quoted and long tags are read attribute by
/// attribute.
pub(crate) fn cap_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let dashes = memchr::memmem::Finder::new(b"--");
    let mut out = String::new();
    let mut copied = 0;
    // The svg/math element the tree builder is inside, and how many
    // elements of that name are open in it.
    let mut foreign: Option<(&[u8], usize)> = None;
    // Whether an end tag inside it may have taken the tree builder out
    // (one that closes an HTML ancestor does; the scan cannot see the
    // HTML stack): CDATA is then read as the shorter of its two readings.
    let mut unsure = false;
    let mut i = 0;
    while let Some(k) = memchr::memchr(b'<', &b[i..]) {
        let lt = i + k;
        let close = b.get(lt + 1) == Some(&b'/');
        let name_start = lt + 1 + usize::from(close);
        if !b.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            // Not a tag: a comment, a bogus comment, or a `<` of text.
            let next = match b.get(lt + 1) {
                Some(b'!') if b[lt..].starts_with(b"<!--") => comment_end(b, lt, &dashes),
                Some(b'!') if foreign.is_some() && !unsure && b[lt..].starts_with(b"<![CDATA[") => {
                    memchr::memmem::find(&b[lt + 9..], b"]]>").map(|e| lt + 9 + e + 2)
                }
                Some(b'!' | b'?' | b'/') => memchr::memchr(b'>', &b[lt + 2..]).map(|e| lt + 2 + e),
                _ => Some(lt),
            };
            match next {
                Some(end) => i = end + 1,
                None => break,
            }
            continue;
        }
        let mut name_end = name_start + 1;
        while name_end < b.len() && !is_ws(b[name_end]) && !matches!(b[name_end], b'/' | b'>') {
            name_end += 1;
        }
        let name = &b[name_start..name_end];
        let tag = tag_end(b, lt, name_end);
        if let Some(cut) = tag.cut {
            out.push_str(&html[copied..cut]);
            copied = tag.end;
        }
        i = tag.end + 1;
        if i >= b.len() {
            break;
        }
        match foreign {
            Some((root, open)) if close => {
                if name.eq_ignore_ascii_case(b"p") || name.eq_ignore_ascii_case(b"br") {
                    foreign = None;
                } else if name.eq_ignore_ascii_case(root) {
                    foreign = (open > 1).then_some((root, open - 1));
                } else {
                    unsure = true;
                }
                if foreign.is_none() {
                    unsure = false;
                }
            }
            Some((root, open)) => {
                if breaks_foreign_bytes(name) {
                    foreign = None;
                    unsure = false;
                } else if name.eq_ignore_ascii_case(root) && !tag.self_closing {
                    foreign = Some((root, open + 1));
                }
            }
            None if close => {}
            // Every name below is 3 to 9 letters and starts with one of
            // these: most tags are told apart by two compares.
            None if !(3..=9).contains(&name.len())
                || !matches!(
                    name[0] | 0x20,
                    b'i' | b'm' | b'n' | b'p' | b's' | b't' | b'x'
                ) => {}
            None => {
                if (name.eq_ignore_ascii_case(b"svg") || name.eq_ignore_ascii_case(b"math"))
                    && !tag.self_closing
                {
                    foreign = Some((name, 1));
                } else if let Some(script) = raw_content(name) {
                    // Raw text runs to its end tag's `<`; `plaintext` and
                    // unended raw text to the end of the input.
                    let Some(script) = script else { break };
                    let Ok(tag_name) = std::str::from_utf8(name) else {
                        break;
                    };
                    match raw_text_end(&html[i..], tag_name, script) {
                        Some(end) => i += end,
                        None => break,
                    }
                }
            }
        }
    }
    if copied == 0 {
        return Cow::Borrowed(html);
    }
    out.push_str(&html[copied..]);
    Cow::Owned(out)
}

/// Feeds `html` to `tokenizer` through `input` in slices of [`CHUNK`], then
/// ends it; the error `over` gives as soon as it gives one (a sink over a
/// limit), checked whenever the tokenizer returns: after each slice, when
/// the sink pauses it, and at the end.
pub(crate) fn feed_in_slices<S: TokenSink>(
    tokenizer: &Tokenizer<S>,
    input: &BufferQueue,
    html: &str,
    over: impl Fn(&Tokenizer<S>) -> Option<Error>,
) -> Result<(), Error> {
    let html = cap_attributes(html);
    let mut rest = &*html;
    while !rest.is_empty() {
        let mut cut = rest.len().min(CHUNK);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        input.push_back(StrTendril::from_slice(&rest[..cut]));
        rest = &rest[cut..];
        loop {
            let done = matches!(tokenizer.feed(input), TokenizerResult::Done);
            if let Some(e) = over(tokenizer) {
                return Err(e);
            }
            if done {
                break;
            }
        }
    }
    tokenizer.end();
    match over(tokenizer) {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Takes the raw text after a `script` or RAWTEXT start tag straight from
/// the front of the tokenizer's input, up to (not including) its end tag,
/// with line breaks as the tokenizer gives them; see
/// `DepthGuard::pass_raw_text` (in `testutil::tree`) for why. `None` (nothing taken) when the
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
            let lt = i + memchr::memchr(b'<', b.get(i..)?)?;
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
                let lt = i + memchr::memchr(b'<', b.get(i..)?)?;
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

/// Drops the content of an `svg` or `math` element that just opened from
/// the front of the tokenizer's input, up to the `<` of its end tag, so
/// that the tokenizer reads that end tag next.
///
/// Why: inline svg icons are 15% of the bytes of Vietnamese news pages,
/// nearly all path data in attributes that the tokenizer copies a character
/// at a time, and none of it is text. Nothing is dropped (the tokenizer
/// reads the content as usual) when the end tag is not in the front slice,
/// or the content holds a comment, CDATA, or an HTML tag that would break
/// out of foreign content, which the tree builder would not skip.
pub(crate) fn skip_foreign(input: &BufferQueue, name: &str) {
    let Some(mut front) = input.peek_front_chunk_mut() else {
        return;
    };
    if let Some(end) = foreign_end(front.as_bytes(), name.as_bytes()) {
        front.pop_front(end as u32);
    }
}

/// Where the content of a foreign element ends in `b`: the offset of its
/// matching end tag's `<`, nested elements of the same name counted.
///
/// `None` as soon as the content may end otherwise: at a start tag that
/// breaks out to HTML, and at an end tag that closes no element opened in
/// the content (`</p>`, `</br>` and the end tag of an open HTML element end
/// foreign content in the tree builder). Scanning past those once made
/// `<svg></p>` repeated quadratic: each `svg` scanned the rest of the slice
/// for an end tag that never came. Now a scan stops where the foreign
/// content stops, so no byte is scanned by two `svg`s.
pub(crate) fn foreign_end(b: &[u8], name: &[u8]) -> Option<usize> {
    let mut depth = 0usize;
    // The names of the elements opened in the content and not closed
    // (`(start, end)` in `b`); self-closing tags open none.
    let mut inner: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(lt) = b[i..].iter().position(|&c| c == b'<') {
        let lt = i + lt;
        let close = b.get(lt + 1) == Some(&b'/');
        let start = lt + 1 + usize::from(close);
        let mut end = start;
        while end < b.len() && (b[end].is_ascii_alphanumeric() || b[end] == b'-') {
            end += 1;
        }
        if end == start {
            if !close && b.get(start) == Some(&b'!') {
                return None;
            }
            i = start;
            continue;
        }
        let tag = &b[start..end];
        if tag.eq_ignore_ascii_case(name) {
            if close {
                if depth == 0 {
                    return Some(lt);
                }
                depth -= 1;
            } else {
                depth += 1;
            }
        } else if close {
            match inner.last() {
                Some(&(s, e)) if b[s..e].eq_ignore_ascii_case(tag) => {
                    inner.pop();
                }
                _ => return None,
            }
        } else {
            if tag.len() <= 10 {
                let mut lower = [0u8; 10];
                lower[..tag.len()].copy_from_slice(tag);
                lower.make_ascii_lowercase();
                if BREAKS_FOREIGN.contains(&&lower[..tag.len()]) {
                    return None;
                }
            }
            // The tag's `>`: an unended tag leaves the content to the
            // tokenizer.
            let gt = end + b[end..].iter().position(|&c| c == b'>')?;
            if b[gt - 1] != b'/' {
                inner.push((start, end));
            }
            i = gt + 1;
            continue;
        }
        i = end;
    }
    None
}
