//! Unicode NFC, white-space folding and lower-casing, and the text path's
//! line cleaning ([`clean_lines`]), which folds and composes a line where it
//! needs it and copies it as it is where it does not.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Unsure characters this close after the end of a stretch to compose
/// (in bytes) join it: a text with a decomposed letter in every word is
/// composed in a few long stretches, not one short call per letter, while
/// a stray mark in a line still composes only a word or so.
const NFC_JOIN: usize = 32;

/// The text in Unicode NFC, borrowed when it already is.
///
/// Real pages are mostly NFC with a few decomposed letters pasted in, and
/// full composition runs at a few tens of MB/s against a GB/s check, so the
/// text is checked first ([`first_unsure`]) and only the stretches around
/// the characters it cannot vouch for are checked with the quick-check
/// tables, and composed when that fails. A stretch runs from the last
/// `surely_nfc` character before an unsure one to the next `surely_nfc`
/// character after it, which is exact: such a character is a starter that
/// nothing before it composes with (quick check "Yes"), and canonical
/// reordering never crosses a starter, so the text may be cut just before
/// it and the NFC of the whole is the NFC of the pieces.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    let b = text.as_bytes();
    let Some(mut unsure) = first_unsure(b, 0) else {
        return Cow::Borrowed(text);
    };
    // Built only from the first stretch that needs composing; the text
    // before `done` is in it (or needs nothing).
    let mut out: Option<String> = None;
    let mut done = 0;
    loop {
        // The character before the first unsure one is sure (or `done`).
        let start = if unsure > done {
            (done..unsure)
                .rev()
                .find(|&i| b[i] & 0xC0 != 0x80)
                .unwrap_or(done)
        } else {
            done
        };
        let mut end = end_of_unsure(b, unsure);
        let mut next = first_unsure(b, end);
        while let Some(u) = next.filter(|&u| u - end <= NFC_JOIN) {
            end = end_of_unsure(b, u);
            next = first_unsure(b, end);
        }
        let stretch = &text[start..end];
        if is_nfc_quick(stretch.chars()) != IsNormalized::Yes {
            let o = out.get_or_insert_with(|| String::with_capacity(text.len() + 8));
            o.push_str(&text[done..start]);
            o.extend(stretch.nfc());
            done = end;
        }
        match next {
            Some(u) => unsure = u,
            None => break,
        }
    }
    match out {
        None => Cow::Borrowed(text),
        Some(mut o) => {
            o.push_str(&text[done..]);
            Cow::Owned(o)
        }
    }
}

/// The offset of the first character from `b[i]` on (a char boundary) that
/// is not `surely_nfc`, by a vector scan ([`unsure`]).
fn first_unsure(b: &[u8], i: usize) -> Option<usize> {
    crate::scan::next_triple(b, i, unsure)
}

/// Whether the character whose UTF-8 opens with `x` (followed by `y`, `z`)
/// is not `surely_nfc`, from its first bytes without decoding; branch-free
/// for the vector scan. Continuation bytes are never flagged.
#[inline(always)]
fn unsure(x: u8, y: u8, z: u8) -> bool {
    let e1_sure = (0xB8..=0xBB).contains(&y);
    let e2_sure =
        (y == 0x80) & ((0x90..=0xA7).contains(&z) | (z >= 0xB0)) | (y == 0x81) & (z <= 0x9E);
    (0xCC..=0xE0).contains(&x) | (x >= 0xE3) | (x == 0xE1) & !e1_sure | (x == 0xE2) & !e2_sure
}

/// Whether every character of `text` is `surely_nfc`.
#[cfg(test)]
fn surely_nfc_str(text: &str) -> bool {
    first_unsure(text.as_bytes(), 0).is_none()
}

/// The offset of the first `surely_nfc` character after the unsure one
/// at `b[i]`, or the end.
fn end_of_unsure(b: &[u8], mut i: usize) -> usize {
    i += 1;
    while i < b.len() {
        let at = |k: usize| b.get(k).copied().unwrap_or(0);
        if b[i] & 0xC0 != 0x80 && !unsure(b[i], at(i + 1), at(i + 2)) {
            return i;
        }
        i += 1;
    }
    b.len()
}

/// Characters that are starters (combining class 0) with NFC quick check
/// "Yes" whatever surrounds them, known without the Unicode tables: below
/// U+0300 (Latin, Latin-1, Latin Extended A/B, IPA, spacing modifiers), the
/// precomposed Latin letters U+1E00–U+1EFF (the Vietnamese ones among
/// them), and the common punctuation U+2010–U+2027 and U+2030–U+205E
/// (dashes, quotes, ellipsis). A text made only of these is NFC;
/// Vietnamese news almost always is.
#[cfg(test)]
fn surely_nfc(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1E00}'..='\u{1EFF}').contains(&c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
}

/// `text` in lower case.
///
/// Capitals outside ASCII are rare even in Vietnamese, so they are found
/// first, by a vector test of each byte with its successors that flags
/// every character that may be a capital ([`maybe_capital`]); the text
/// between them is copied in slices. Only the flagged characters ask the
/// Unicode tables, and ASCII is lower-cased in bulk at the end.
pub(crate) fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_lower(&mut out, text);
    out
}

/// Appends `text` in lower case to `out` (see [`lower`]). Short texts (a
/// menu item) take the vector scan too: read character by character they
/// ran fewer instructions but took longer, one branch per character.
pub(crate) fn push_lower(out: &mut String, text: &str) {
    let begin = out.len();
    // The text from `run` on is not yet copied.
    let mut run = 0;
    crate::scan::for_each_hit(text.as_bytes(), maybe_capital, |p| {
        // Only lead bytes are flagged: `p` is a char boundary.
        let c = text[p..].chars().next().expect("char boundary");
        let mut small = match vietnamese_small(c) {
            Some(s) => [s].into_iter().chain(None),
            None => {
                let mut l = c.to_lowercase();
                let first = l.next().unwrap_or(c);
                [first].into_iter().chain(l.next())
            }
        };
        match (small.next(), small.next()) {
            (Some(s), None) if s == c => true,
            (Some(s), None) => {
                out.push_str(&text[run..p]);
                out.push(s);
                run = p + c.len_utf8();
                true
            }
            // Two or more characters ("İ" → "i̇"): the rest one by one.
            _ => {
                out.push_str(&text[run..p]);
                out.extend(text[p..].chars().flat_map(char::to_lowercase));
                run = text.len();
                false
            }
        }
    });
    out.push_str(&text[run..]);
    out[begin..].make_ascii_lowercase();
}

/// Whether the character whose UTF-8 opens with `x`, `y`, `z` may be a
/// capital outside ASCII. Exact for the Vietnamese letters (Latin-1,
/// Latin Extended-A, ơ/ư and U+1EA0–U+1EF9, whose small letters are odd);
/// every other script with case is flagged whole, as is every character
/// from U+2080 on (letter-like symbols, full-width Latin…). A flagged
/// character that is not a capital only costs a table lookup. Branch-free,
/// for [`crate::scan::for_each_hit`].
#[inline(always)]
fn maybe_capital(x: u8, y: u8, z: u8) -> bool {
    let odd = y & 1 == 1;
    let latin_a = ((x == 0xC4) | (x == 0xC5))
        & (!odd | (x == 0xC4) & (y >= 0xB8) | (x == 0xC5) & ((y <= 0x88) | (y >= 0xB8)));
    let viet = (y == 0xBA) & (z >= 0xA0) | (y == 0xBB) & (z <= 0xB9);
    let e1 = (x == 0xE1) & (!viet | (z & 1 == 0));
    (x == 0xC3) & (y <= 0x9E)
        | latin_a
        | (x == 0xC6) & (y != 0xA1) & (y != 0xB0)
        | (0xC7..=0xE0).contains(&x)
        | e1
        | (x == 0xE2) & (y >= 0x82)
        | (x >= 0xE3)
}

/// The small form of a letter of the Vietnamese repertoire (itself for a
/// small letter), by arithmetic: Latin-1 capitals are 32 below their small
/// letters, and in U+1EA0–U+1EF9 and the few Latin Extended letters
/// Vietnamese uses, capitals are even and their small letters follow.
/// `None` for any other character.
#[inline]
fn vietnamese_small(c: char) -> Option<char> {
    let code = c as u32;
    match c {
        '\u{C0}'..='\u{DE}' if c != '×' => char::from_u32(code + 32),
        '\u{DF}'..='\u{FF}' if c != '÷' => Some(c),
        '\u{1EA0}'..='\u{1EF9}' => char::from_u32(code | 1),
        'Ă' | 'Đ' | 'Ĩ' | 'Ũ' | 'Ơ' => char::from_u32(code + 1),
        'Ư' => Some('ư'),
        'ă' | 'đ' | 'ĩ' | 'ũ' | 'ơ' | 'ư' => Some(c),
        _ => None,
    }
}

/// Whether a character is upper case, with ASCII and the Vietnamese
/// letters ([`vietnamese_small`]) known without the Unicode tables.
pub(crate) fn is_upper(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_uppercase();
    }
    match vietnamese_small(c) {
        Some(small) => small != c,
        None => c.is_uppercase(),
    }
}

/// The length of the UTF-8 sequence a lead byte opens.
#[inline]
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// Whether `text` lower-cased is `small`, compared character by character
/// without building the lower-cased text: for the short words of the
/// tables, against words of the page, most of which differ in their first
/// byte (settled before any character is decoded).
pub(crate) fn eq_lower(text: &str, small: &str) -> bool {
    if let (Some(&x), Some(&y)) = (text.as_bytes().first(), small.as_bytes().first())
        && x < 0x80
        && x.to_ascii_lowercase() != y
    {
        return false;
    }
    let mut want = small.chars();
    text.chars().all(|c| match vietnamese_small(c) {
        _ if c.is_ascii() => want.next() == Some(c.to_ascii_lowercase()),
        Some(l) => want.next() == Some(l),
        None => c.to_lowercase().all(|l| want.next() == Some(l)),
    }) && want.next().is_none()
}

/// Whether a character is white space for folding: Unicode white space plus
/// the zero-width characters pages use as spacers.
pub(crate) fn is_space(c: char) -> bool {
    class(c) == Class::Space
}

/// What a character is to folding.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Class {
    Keep,
    Space,
    Drop,
}

/// ASCII is classified by a match; only non-ASCII characters pay for the
/// Unicode tables.
#[inline]
fn class(c: char) -> Class {
    match c {
        ' ' | '\t' | '\n' | '\r' | '\x0c' | '\x0b' => Class::Space,
        '\u{0}'..='\u{1F}' | '\u{7F}' => Class::Drop,
        c if c.is_ascii() => Class::Keep,
        // Unicode White_Space outside ASCII, and the zero-width spacers.
        '\u{85}'
        | '\u{A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200B}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{2060}'
        | '\u{3000}'
        | '\u{FEFF}' => Class::Space,
        // C1 controls are never visible text.
        '\u{80}'..='\u{9F}' => Class::Drop,
        _ => Class::Keep,
    }
}

/// Appends `text` to `out` with runs of white space folded to one space.
/// `out` never gets a leading space, nor a space after one it ends with.
/// NUL and other control characters are dropped: they are never visible
/// text, and a scrape full of them must not become a paragraph of them.
///
/// Runs of kept characters are copied as slices, not one by one, and a
/// single ASCII space between two kept characters stays inside its run:
/// most lines are copied whole. A long text is searched for the other
/// characters by a vector scan ([`maybe_unkept`]), a short one (most text
/// nodes of a page) byte by byte ([`next_unkept`]), which costs less than
/// setting up the scan.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut fold = Fold {
        pending: !out.is_empty() && !out.ends_with(' ') && text.starts_with(is_space),
        out,
        text,
        run: 0,
    };
    // White space at the start is a space like any after an unkept
    // character.
    let mut i = fold.after_unkept(0);
    if bytes.len() < FOLD_SCAN_MIN {
        loop {
            let (at, len, class) = next_unkept(bytes, i, fold.run);
            if class == Class::Keep {
                break;
            }
            i = fold.unkept(at, len, class);
        }
    } else {
        fold.scan(i);
    }
    fold.finish();
}

/// Texts from this many bytes on are searched by the vector scan in
/// [`push_folded`]: below, its padded last window costs more than reading
/// the bytes one by one (a 64-byte line of Vietnamese costs about the same
/// either way).
const FOLD_SCAN_MIN: usize = 64;

/// The state of [`push_folded`]: where the run of kept characters not yet
/// copied starts, and whether a space is due before the next one.
struct Fold<'a> {
    out: &'a mut String,
    text: &'a str,
    pending: bool,
    run: usize,
}

impl Fold<'_> {
    /// Copies the kept run up to `at`, after the space due before it.
    #[inline(always)]
    fn flush(&mut self, at: usize) {
        if at > self.run {
            if self.pending && !self.out.is_empty() && !self.out.ends_with(' ') {
                self.out.push(' ');
            }
            self.pending = false;
            self.out.push_str(&self.text[self.run..at]);
        }
    }

    /// Takes the unkept character of `len` bytes and `class` at `at` (after
    /// the kept run before it), and the white space after it; returns where
    /// the next run starts.
    #[inline(always)]
    fn unkept(&mut self, at: usize, len: usize, class: Class) -> usize {
        self.flush(at);
        if class == Class::Space {
            self.pending = !self.out.is_empty();
        }
        self.after_unkept(at + len)
    }

    /// Takes the ASCII white space from `i` on, where a run would start: it
    /// folds into one space (a space opening a run is never kept in it).
    /// The indentation between the tags of a page, whole text nodes of it,
    /// is skipped eight spaces at a time, then byte by byte. Returns where
    /// the run starts.
    #[inline(always)]
    fn after_unkept(&mut self, mut i: usize) -> usize {
        const SPACES: u64 = u64::from_le_bytes(*b"        ");
        let bytes = self.text.as_bytes();
        let is_white = |c: u8| c == b' ' || (b'\t'..=b'\r').contains(&c);
        if bytes.get(i).is_some_and(|&c| is_white(c)) {
            self.pending = !self.out.is_empty();
            while let Some(eight) = bytes.get(i..).and_then(<[u8]>::first_chunk)
                && u64::from_le_bytes(*eight) == SPACES
            {
                i += 8;
            }
            while bytes.get(i).is_some_and(|&c| is_white(c)) {
                i += 1;
            }
        }
        self.run = i;
        i
    }

    /// Takes every unkept character from `i` on, found by the vector scan.
    /// Out of line: most texts are short and never get here.
    #[inline(never)]
    fn scan(&mut self, mut i: usize) {
        let bytes = self.text.as_bytes();
        crate::scan::for_each_hit(bytes, maybe_unkept, |at| {
            // Hits in the white space an unkept character took along are
            // done.
            if at >= i {
                let (len, class) = unkept_at(bytes, at);
                if class != Class::Keep {
                    i = self.unkept(at, len, class);
                }
            }
            true
        });
    }

    /// Copies the last run and the space due after it.
    fn finish(mut self) {
        self.flush(self.text.len());
        if self.pending && !self.out.ends_with(' ') {
            self.out.push(' ');
        }
    }
}

/// Whether the character whose UTF-8 opens with `x` (followed by `y`, `z`)
/// may be one folding does not keep as is, or an ASCII space before one:
/// a superset of [`unkept_at`]'s, branch-free for the vector scan. A space
/// before a kept character is kept, unless a run starts with it, and runs
/// start only after an unkept character, which takes the white space after
/// it along ([`Fold::after_unkept`]).
#[inline(always)]
fn maybe_unkept(x: u8, y: u8, z: u8) -> bool {
    // Of U+1000–U+1FFF only U+1680 (E1 9A 80) is not kept; of U+2000–U+2FFF
    // only characters of U+2000–U+207F; of U+3000–U+3FFF only U+3000; of
    // U+F000–U+FFFF only U+FEFF.
    let unkept_lead = |x: u8, y: u8| {
        (x < 0x20)
            | (x == 0x7F)
            | (x == 0xC2) & (y <= 0xA0)
            | (x == 0xE1) & (y == 0x9A)
            | (x == 0xE2) & (y <= 0x81)
            | (x == 0xE3)
            | (x == 0xEF)
    };
    unkept_lead(x, y) | (x == b' ') & (unkept_lead(y, z) | (y == b' ') | (y == 0xC2) | (y >= 0xE1))
}

/// Bytes that may open a character that is not [`Class::Keep`]: ASCII white
/// space and controls, and the lead bytes of U+0080–U+00BF, U+1680,
/// U+2000–U+2060, U+3000 and U+FEFF. Every other byte is kept unread.
static MAYBE_UNKEPT: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b <= 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7F] = true;
    t[0xC2] = true;
    t[0xE1] = true;
    t[0xE2] = true;
    t[0xE3] = true;
    t[0xEF] = true;
    t
};

/// The next character from byte `i` on that folding does not keep as is:
/// its offset, length and class, or `(bytes.len(), 0, Class::Keep)` at the
/// end. A lone ASCII space after a kept character of the run started at
/// `run`, and before another kept character, is kept: folding leaves it.
#[inline]
fn next_unkept(bytes: &[u8], mut i: usize, run: usize) -> (usize, usize, Class) {
    // Whether the character opening at `at` is kept, read from its first
    // bytes (`false` when unsure).
    let surely_kept = |at: usize| match bytes.get(at) {
        Some(&x) if !MAYBE_UNKEPT[usize::from(x)] => true,
        // Of U+1000–U+1FFF only U+1680 (E1 9A 80) is not kept.
        Some(0xE1) => bytes[at + 1] != 0x9A,
        _ => false,
    };
    while i < bytes.len() {
        let b = bytes[i];
        if !MAYBE_UNKEPT[usize::from(b)] {
            i += 1;
            continue;
        }
        let (len, class) = match b {
            b' ' if i > run && surely_kept(i + 1) => (1, Class::Keep),
            _ => unkept_at(bytes, i),
        };
        if class != Class::Keep {
            return (i, len, class);
        }
        i += len;
    }
    (bytes.len(), 0, Class::Keep)
}

/// The length and class of the character opening at `bytes[i]`, with the
/// three-byte characters of Vietnamese text (U+1E00–U+1EFF, the quotes and
/// dashes of U+2010–U+205E) judged by their bytes, not decoded: the few
/// that are not kept are listed in [`class`].
#[inline(always)]
fn unkept_at(bytes: &[u8], i: usize) -> (usize, Class) {
    let b = bytes[i];
    match b {
        0xE1 | 0xE2 => {
            // `bytes` is UTF-8: a three-byte lead has two bytes after it.
            let (y, z) = (bytes[i + 1], bytes[i + 2]);
            let unkept = match (b, y) {
                (0xE1, 0x9A) => z == 0x80,
                // U+2000–U+200B, U+2028, U+2029, U+202F.
                (0xE2, 0x80) => z <= 0x8B || matches!(z, 0xA8 | 0xA9 | 0xAF),
                // U+205F, U+2060.
                (0xE2, 0x81) => matches!(z, 0x9F | 0xA0),
                _ => false,
            };
            (3, if unkept { Class::Space } else { Class::Keep })
        }
        _ => class_at(bytes, i),
    }
}

/// The length and class of the character whose first byte is `bytes[i]`.
#[inline]
fn class_at(bytes: &[u8], i: usize) -> (usize, Class) {
    let b = bytes[i];
    if b < 0x80 {
        return (1, class(char::from(b)));
    }
    let len = utf8_len(b);
    let mut code = u32::from(b) & (0x7F >> len);
    for &c in &bytes[i + 1..i + len] {
        code = code << 6 | u32::from(c & 0x3F);
    }
    (len, char::from_u32(code).map_or(Class::Keep, class))
}

/// Cuts text into lines, each in NFC with white space folded, and calls
/// `line` with each (empty for a blank line). A line feed ends a line; a
/// carriage return before it is dropped, and a carriage return not followed
/// by a line feed ends a line too (old Mac files and some exports end their
/// lines with it alone, which read as one endless line otherwise).
///
/// One vector scan over the whole text ([`crate::scan::for_each_hit`]) stops
/// at every line feed and at every character that may need folding or
/// composing ([`unclean`]); a line with no such stop is handed on borrowed,
/// less the spaces at its ends (the usual case), and only the others are
/// folded, and composed if the scan saw a character that is not
/// `surely_nfc` ([`unsure`]). A line is a unit of NFC: a line feed composes
/// with nothing on either side.
pub(crate) fn clean_lines<'a>(text: &'a str, mut line: impl FnMut(Cow<'a, str>)) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut stops = Stops::default();
    let mut emit = |start: usize, end: usize, stops: Stops| {
        let raw = &text[start..end];
        // A carriage return before the line feed is no stop of its own.
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        if !stops.dirty {
            // Spaces at the ends fold away whatever the rest is.
            return line(Cow::Borrowed(raw.trim_ascii()));
        }
        // Fold first: a control character dropped by folding may stand
        // between a letter and its combining mark, which compose only then.
        let folded = fold(raw);
        // Most dirty lines only had white space to fold (a no-break space,
        // a doubled space): folding only drops characters and adds ASCII
        // spaces, so without an unsure character the folded text is NFC,
        // and `nfc` need not scan it again to find that out.
        if !stops.unsure {
            return line(Cow::Owned(folded));
        }
        line(Cow::Owned(match nfc(&folded) {
            Cow::Borrowed(_) => folded,
            Cow::Owned(composed) => composed,
        }));
    };
    crate::scan::for_each_hit(b, maybe_unclean, |p| {
        let lone_cr = b[p] == b'\r' && b.get(p + 1) != Some(&b'\n');
        if b[p] == b'\n' || lone_cr {
            emit(start, p, stops);
            start = p + 1;
            stops = Stops::default();
        } else if !stops.unsure {
            // The scan's test is a superset of `unclean`'s, and `unclean`'s
            // of `unsure`'s: after an unsure character the line is known
            // to need all there is, and only its end is looked for.
            let (x, y, z) = crate::scan::triple(b, p);
            stops.dirty |= unclean(x, y, z) && !(x == b'\r' && y == b'\n');
            stops.unsure = unsure(x, y, z);
        }
        true
    });
    if start < b.len() {
        emit(start, b.len(), stops);
    }
}

/// What the scan of [`clean_lines`] saw in a line.
#[derive(Clone, Copy, Default)]
struct Stops {
    /// An [`unclean`] character: the line must be folded (and maybe
    /// composed).
    dirty: bool,
    /// An [`unsure`] character: the folded line must be composed.
    unsure: bool,
}

/// A superset of [`unclean`] cheaper for the vector scan, which spends most
/// of the text path's time: control characters, a doubled space, every
/// character from U+0300 on but the composed Latin letters U+1E00–U+1EFF,
/// and U+0080–U+00BF. Few characters of Vietnamese text are flagged beyond
/// [`unclean`]'s (the quotes and dashes of U+2010–U+205E, « » and the
/// like), and those are judged one by one.
#[inline(always)]
fn maybe_unclean(x: u8, y: u8, _z: u8) -> bool {
    let composed_latin = (x == 0xE1) & (y & 0xFC == 0xB8);
    (x < 0x20)
        | (x == 0x7F)
        | (x == b' ') & (y == b' ')
        | (x == 0xC2)
        | (x >= 0xCC) & !composed_latin
}

/// Whether the character or pair starting at `x` (followed by `y`, `z`) may
/// make a line unclean: white space other than a lone ASCII space, a control
/// character (the line feed among them), or a character that is not
/// `surely_nfc` ([`unsure`]). Non-short-
/// circuit operators keep it branch-free, for the vector scan.
#[inline(always)]
fn unclean(x: u8, y: u8, z: u8) -> bool {
    (x < 0x20)
        | (x == 0x7F)
        | (x == b' ') & (y == b' ')
        | (x == 0xC2) & (y <= 0xA0)
        | unsure(x, y, z)
}

/// `text` with white space folded to single spaces and trimmed.
pub(crate) fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_folded(&mut out, text);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `text` is surely NFC and folding leaves it as it is: no
    /// leading, trailing or doubled space and no [`unclean`] character.
    fn is_clean(text: &str) -> bool {
        let b = text.as_bytes();
        let n = b.len();
        if n == 0 || b[0] == b' ' || b[n - 1] == b' ' {
            return n == 0;
        }
        crate::scan::next_triple(b, 0, unclean).is_none()
    }

    #[test]
    fn folds_and_trims() {
        assert_eq!(fold("  a \t\n b\u{200B} c  "), "a b c");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" \n "), "");
        assert_eq!(fold("a\0\0b \u{1}c\u{7f}"), "ab c");
    }

    #[test]
    fn classes_match_the_unicode_properties() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let want = if c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}') {
                Class::Space
            } else if c.is_control() {
                Class::Drop
            } else {
                Class::Keep
            };
            assert!(class(c) == want, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn case_of_vietnamese_letters_matches_unicode() {
        for c in '\u{0}'..='\u{2FFF}' {
            assert_eq!(is_upper(c), c.is_uppercase(), "U+{:04X}", c as u32);
            if let Some(small) = vietnamese_small(c) {
                assert_eq!(
                    small.to_string(),
                    c.to_lowercase().to_string(),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn lower_matches_unicode() {
        let samples = [
            "ĂÂĐÊÔƠƯ ăâđêôơư ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ",
            "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ × Ω Σ İ ẞ ǅ ÄÖÜ Tiếng Việt CÓ DẤU",
            "ĨŨ ĩũ Ơ Ư abc XYZ 123 «» — …",
            "Ấn İstanbul ẞ Ĳ ǅ ÄÖ Ω 中文 ĐẮK LẮK",
        ];
        for s in samples {
            assert_eq!(lower(s), s.to_lowercase(), "{s}");
        }
        // Every character, alone and between ASCII capitals (the bulk
        // lower-casing around the character must leave it as it is).
        for c in char::MIN..=char::MAX {
            let s = c.to_string();
            assert_eq!(lower(&s), s.to_lowercase(), "U+{:04X}", c as u32);
            let s = format!("AB{c}CD");
            assert_eq!(lower(&s), s.to_lowercase(), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn surely_nfc_agrees_with_the_tables() {
        for c in ('\u{0}'..='\u{2FFF}').filter(|&c| surely_nfc(c)) {
            assert_eq!(
                is_nfc_quick(c.to_string().chars()),
                IsNormalized::Yes,
                "U+{:04X}",
                c as u32
            );
        }
    }

    #[test]
    fn clean_lines_are_copied_only_when_folding_and_nfc_keep_them() {
        let mut lines = Vec::new();
        clean_lines("a\r\nb\n\n c \nd\re\n\u{a0}f\u{a0}", |l| {
            lines.push(l.into_owned())
        });
        assert_eq!(lines, ["a", "b", "", "c", "d", "e", "f"]);
        // A control character between a letter and its mark: dropped, then
        // the two compose.
        let mut lines = Vec::new();
        clean_lines("e\u{1}\u{301}", |l| lines.push(l.into_owned()));
        assert_eq!(lines, ["é"]);
        // Line ends (a line feed, a carriage return alone) are checked above.
        for c in ('\u{0}'..='\u{3000}')
            .filter(|&c| c != '\n' && c != '\r')
            .chain(['\u{FEFF}', '\u{FFFD}', '\u{1F600}'])
        {
            for line in [format!("a{c}b"), format!("{c}"), format!("ab{c}")] {
                let want: String = fold_by_chars("", &line)
                    .trim_end_matches(' ')
                    .nfc()
                    .collect();
                if is_clean(&line) {
                    assert_eq!(line, want, "U+{:04X}", c as u32);
                }
                let mut got = Vec::new();
                clean_lines(&line, |l| got.push(l.into_owned()));
                assert_eq!(got, [want], "U+{:04X}", c as u32);
            }
        }
        assert!(is_clean("Người dân đã đến – “thật” … 100%"));
        assert!(!is_clean("a  b"));
        assert!(!is_clean(" a"));
        assert!(!is_clean("a "));
        assert!(!is_clean("ngu\u{300}a"));
    }

    #[test]
    fn eq_lower_agrees_with_lower() {
        for c in char::MIN..=char::MAX {
            let text = format!("{c}A{c}");
            // Character by character: no final sigma.
            let small: String = text.chars().flat_map(char::to_lowercase).collect();
            assert!(eq_lower(&text, &small), "U+{:04X}", c as u32);
            let mut short = small.clone();
            short.pop();
            assert!(!eq_lower(&text, &short), "U+{:04X}", c as u32);
            assert!(!eq_lower(&text, &format!("{small}a")), "U+{:04X}", c as u32);
            assert_eq!(eq_lower(&text, &text), text == small, "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn eq_lower_compares_lower_case() {
        assert!(eq_lower("Báo", "báo"));
        assert!(eq_lower("TỔNG HỢP", "tổng hợp"));
        assert!(eq_lower("İ", "i\u{307}"));
        assert!(!eq_lower("Bá", "báo"));
        assert!(!eq_lower("Báoo", "báo"));
        assert!(eq_lower("", ""));
    }

    #[test]
    fn every_length_is_scanned_to_its_end() {
        for len in 0..200 {
            let text = "ạ".repeat(len / 3) + &"a".repeat(len % 3);
            assert!(is_clean(&text), "{len}");
            for at in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let (head, tail) = text.split_at(at);
                assert!(!is_clean(&format!("{head}\t{tail}")), "{len}/{at}");
                let capital = format!("{head}Ạ{tail}");
                assert_eq!(lower(&capital), capital.to_lowercase(), "{len}/{at}");
            }
        }
    }

    #[test]
    fn surely_nfc_reads_bytes_as_characters() {
        for c in ('\u{0}'..='\u{3000}').chain(['\u{FEFF}', '\u{1F600}']) {
            let s = c.to_string();
            assert_eq!(surely_nfc_str(&s), surely_nfc(c), "U+{:04X}", c as u32);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Lower-casing by flagged characters agrees with Unicode on mixed
        /// text (no capital sigma: Unicode lower-cases it by context).
        #[test]
        fn lower_agrees_with_unicode(
            text in "([a-zA-Z ]|Đ|đ|Ă|ă|Ơ|ơ|Ư|ư|Ấ|ấ|Ỹ|ỹ|Ẁ|ẁ|ẞ|À|à|×|Ĳ|ĸ|Ŀ|ŀ|Ÿ|ſ|İ|Ω|ω|Ж|ж|Ａ|ａ|Ⓐ|中|–|“|ß|µ|Ⱥ|ẖ|Ỻ|ǅ|𐐀){0,60}",
        ) {
            proptest::prop_assert_eq!(lower(&text), text.to_lowercase());
        }

        /// Comparing without building the lower-cased text agrees with
        /// building it.
        #[test]
        fn eq_lower_agrees_with_lower_on_words(
            text in "([aA]|Đ|đ|Ấ|ấ|ẞ|ß|İ|i|\u{307}|Ω|ω|Ⱥ|ⱥ|中){0,6}",
            small in "([aA]|Đ|đ|Ấ|ấ|ẞ|ß|İ|i|\u{307}|Ω|ω|Ⱥ|ⱥ|中){0,6}",
        ) {
            proptest::prop_assert_eq!(eq_lower(&text, &small), lower(&text) == small);
            let small = lower(&text);
            proptest::prop_assert!(eq_lower(&text, &small));
        }

        /// The byte-level fold agrees with folding character by character,
        /// for short texts and for texts long enough for the vector scan.
        #[test]
        fn fold_agrees_with_chars(
            text in "([a-c ]|  |\t|\n|\u{0}|\u{A0}|\u{85}|\u{9F}|\u{200B}|\u{2028}|\u{3000}|\u{FEFF}|\u{1680}|\u{205F}|\u{2060}|\u{202F}|ạ|ở|ḁ|“|–|…|é|中|\u{1681}|\u{2061}){0,120}",
            prefix in "(| |a|a )",
        ) {
            let mut got = prefix.clone();
            push_folded(&mut got, &text);
            proptest::prop_assert_eq!(got, fold_by_chars(&prefix, &text));
        }

        /// Cutting into clean lines agrees with folding and composing each
        /// line (less a carriage return before its line feed; a carriage
        /// return alone ends a line).
        #[test]
        fn clean_lines_agree_with_fold_and_nfc(
            text in "([a-c ]|\r|\n|\t|\u{1}|\u{A0}|\u{300}|\u{301}|\u{323}|ạ|ở|Ơ|“|–|中|\u{1680}|\u{FEFF}){0,80}",
        ) {
            let mut want: Vec<String> = Vec::new();
            let unix = text.replace("\r\n", "\n").replace('\r', "\n");
            let mut lines = unix.split('\n').peekable();
            while let Some(l) = lines.next() {
                if l.is_empty() && lines.peek().is_none() {
                    break;
                }
                // The reference: the character-by-character fold and the
                // crate's own composition, not the code under test.
                let folded = fold_by_chars("", l);
                want.push(folded.trim_end_matches(' ').nfc().collect());
            }
            let mut got = Vec::new();
            clean_lines(&text, |l| got.push(l.into_owned()));
            proptest::prop_assert_eq!(got, want);
        }
    }

    /// Folding character by character, as [`push_folded`] appends to
    /// `prefix`: the reference for the byte-level fold.
    fn fold_by_chars(prefix: &str, text: &str) -> String {
        let mut want = prefix.to_owned();
        let mut pending = !want.is_empty() && !want.ends_with(' ') && text.starts_with(is_space);
        for c in text.chars() {
            match class(c) {
                Class::Keep => {
                    if pending && !want.is_empty() && !want.ends_with(' ') {
                        want.push(' ');
                    }
                    pending = false;
                    want.push(c);
                }
                Class::Space => pending = !want.is_empty(),
                Class::Drop => {}
            }
        }
        if pending && !want.ends_with(' ') {
            want.push(' ');
        }
        want
    }

    #[test]
    fn fold_reads_bytes_as_characters() {
        // Every character, next to spaces and letters, where the byte-level
        // fold judges it by its first bytes.
        // Short texts are read byte by byte, long ones by the vector scan.
        let long = "x y ".repeat(20);
        for c in (char::MIN..='\u{3100}').chain(['\u{FEFF}', '\u{FFFD}', '\u{1F600}']) {
            for text in [
                format!("a{c}b"),
                format!("a {c} b"),
                format!(" {c}"),
                format!("{c} "),
                format!("a {c}"),
                format!("{long}{c}"),
                format!("{c}{long}{c} {c}"),
                format!("{long} {c}{c}  {long}"),
                format!("{long}\u{1}{c} {long}"),
            ] {
                for prefix in ["", "a", "a "] {
                    let mut got = prefix.to_owned();
                    push_folded(&mut got, &text);
                    assert_eq!(got, fold_by_chars(prefix, &text), "U+{:04X}", c as u32);
                }
            }
        }
    }

    #[test]
    fn nfc_borrows_composed_text() {
        let text = "Người dân đã đến. ".repeat(100);
        assert!(matches!(nfc(&text), Cow::Borrowed(_)));
        let long_word = format!("{}e\u{301} {}", "x".repeat(1000), "y".repeat(1000));
        assert_eq!(
            nfc(&long_word),
            format!("{}é {}", "x".repeat(1000), "y".repeat(1000))
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(128))]

        /// Composing stretch by stretch gives exactly the NFC of the whole.
        #[test]
        fn nfc_is_nfc(
            text in "([a-eoux<=> \n.]|\u{301}|\u{300}|\u{323}|\u{338}|\u{302}|\u{31B}|\u{344}|\u{340}|\u{F73}|\u{1100}|\u{1161}|\u{11A8}|\u{AC00}|\u{2126}|\u{212B}|ơ|ê|ạ|ḁ|“|中){0,700}",
        ) {
            use unicode_normalization::UnicodeNormalization;
            let expected: String = text.nfc().collect();
            proptest::prop_assert_eq!(nfc(&text), expected);
        }

    }

    #[test]
    fn nfc_composes_vietnamese() {
        let decomposed = "ngu\u{300}a";
        assert_eq!(nfc(decomposed), "ngùa");
        assert!(matches!(nfc("đã"), Cow::Borrowed(_)));
    }
}
