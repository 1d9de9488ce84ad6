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

/// Elements whose content the tokenizer reads as text, not tags: skipped
/// whole by [`cap_attributes`], as the tokenizer does.
const RAW_TEXT: [&[u8]; 9] = [
    b"script",
    b"style",
    b"textarea",
    b"title",
    b"xmp",
    b"iframe",
    b"noembed",
    b"noframes",
    b"noscript",
];

/// `html` with every tag cut to its first [`MAX_ATTRS`] attributes (the
/// rest, up to the tag's `>`, dropped), borrowed when no tag has more. A
/// linear scan that follows the tokenizer's attribute states (names, quoted
/// and unquoted values), and skips comments and raw-text content.
pub(crate) fn cap_attributes(html: &str) -> Cow<'_, str> {
    let b = html.as_bytes();
    let ws = |c: u8| matches!(c, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ');
    // Where `pat` (ASCII, its first two bytes not letters) next starts, any
    // case, from `from`; the end if nowhere. `str::find` runs the
    // library's vector search for the first two bytes.
    let find = |mut from: usize, pat: &[u8]| -> usize {
        let head = std::str::from_utf8(&pat[..2]).expect("ASCII");
        while let Some(k) = html.get(from..).and_then(|rest| rest.find(head)) {
            let at = from + k;
            if b[at..].len() >= pat.len() && b[at..at + pat.len()].eq_ignore_ascii_case(pat) {
                return at;
            }
            from = at + 1;
        }
        b.len()
    };
    let mut out = String::new();
    let mut copied = 0;
    let mut i = 0;
    while let Some(k) = html.get(i..).and_then(|rest| rest.find('<')) {
        let lt = i + k;
        i = lt + 1;
        if b[i..].starts_with(b"!--") {
            i = find(i + 3, b"-->");
            continue;
        }
        if !b.get(i).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let name_start = i;
        let mut j = i;
        while j < b.len() && !ws(b[j]) && !matches!(b[j], b'/' | b'>') {
            j += 1;
        }
        let name = &b[name_start..j];
        let mut count = 0;
        let mut cut = None;
        loop {
            while j < b.len() && (ws(b[j]) || b[j] == b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            count += 1;
            if count == MAX_ATTRS + 1 {
                cut = Some(j);
            }
            // The name (its first character may be `=`), then maybe a value.
            j += 1;
            while j < b.len() && !ws(b[j]) && !matches!(b[j], b'/' | b'>' | b'=') {
                j += 1;
            }
            let mut v = j;
            while v < b.len() && ws(b[v]) {
                v += 1;
            }
            if b.get(v) != Some(&b'=') {
                continue;
            }
            v += 1;
            while v < b.len() && ws(b[v]) {
                v += 1;
            }
            j = match b.get(v) {
                // Values are most of a tag's bytes: skipped by the
                // library's vector search.
                Some(&q) if q == b'"' || q == b'\'' => html[v + 1..]
                    .find(char::from(q))
                    .map_or(b.len(), |e| v + 2 + e),
                _ => {
                    let mut e = v;
                    while e < b.len() && !ws(b[e]) && b[e] != b'>' {
                        e += 1;
                    }
                    e
                }
            };
        }
        if let Some(cut) = cut {
            out.push_str(&html[copied..cut]);
            copied = j;
        }
        i = j;
        if RAW_TEXT.iter().any(|r| name.eq_ignore_ascii_case(r)) {
            let mut end_tag = Vec::with_capacity(name.len() + 2);
            end_tag.extend_from_slice(b"</");
            end_tag.extend_from_slice(name);
            i = find(i, &end_tag);
        }
        if i >= b.len() {
            break;
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
