//! Unicode NFC, white-space folding and lower-casing, and the text path's
//! line cleaning ([`clean_lines`]), which folds and composes a line where it
//! needs it and copies it as it is where it does not.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Size of the blocks normalised one by one: 256 bytes keeps a stray
/// decomposed letter from sending more than a line or two through the slow
/// composing path, while the per-block overhead stays small next to the
/// quick check of its bytes.
const NFC_BLOCK: usize = 256;

/// The text in Unicode NFC, borrowed when it already is.
///
/// Real pages are mostly NFC with a few decomposed letters pasted in, and
/// full composition runs at a few tens of MB/s against a GB/s check, so the
/// text is checked first ([`surely_nfc_str`], then the quick-check tables)
/// and only the blocks that fail are composed. Blocks end just after a space
/// or a line feed, which is exact: those are starters that compose with
/// nothing on either side, and canonical reordering never crosses a
/// starter, so the NFC of the whole is the NFC of the blocks.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    let is_nfc = |t: &str| surely_nfc_str(t) || is_nfc_quick(t.chars()) == IsNormalized::Yes;
    if surely_nfc_str(text) {
        return Cow::Borrowed(text);
    }
    if text.len() <= NFC_BLOCK {
        return if is_nfc(text) {
            Cow::Borrowed(text)
        } else {
            Cow::Owned(text.nfc().collect())
        };
    }
    let is_boundary = |b: &u8| *b == b' ' || *b == b'\n';
    // Built only from the first block that needs composing.
    let mut out: Option<String> = None;
    let mut rest = text;
    while !rest.is_empty() {
        let bytes = rest.as_bytes();
        let window = &bytes[..bytes.len().min(NFC_BLOCK)];
        let end = match window.iter().rposition(is_boundary) {
            Some(i) => i + 1,
            None => bytes[window.len()..]
                .iter()
                .position(is_boundary)
                .map_or(bytes.len(), |i| window.len() + i + 1),
        };
        // `end` follows an ASCII byte or is the end: a char boundary.
        let (block, tail) = rest.split_at(end);
        match (&mut out, is_nfc(block)) {
            (Some(out), true) => out.push_str(block),
            (Some(out), false) => out.extend(block.nfc()),
            (None, true) => {}
            (None, false) => {
                let done = text.len() - rest.len();
                let mut o = String::with_capacity(text.len());
                o.push_str(&text[..done]);
                o.extend(block.nfc());
                out = Some(o);
            }
        }
        rest = tail;
    }
    out.map_or(Cow::Borrowed(text), Cow::Owned)
}

/// Whether every character of `text` is `surely_nfc` (a starter with NFC
/// quick check "Yes" whatever surrounds it), read from the
/// UTF-8 bytes without decoding: ASCII, most of any page's bytes, is skipped
/// eight bytes at a time, and a non-ASCII character is judged by its first
/// two or three bytes.
fn surely_nfc_str(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            if word & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        let b = bytes[i];
        let len = match b {
            0..=0x7F => 1,
            // U+0080–U+02FF.
            0xC2..=0xCB => 2,
            0xE1 | 0xE2 => {
                // `text` is UTF-8: a three-byte lead has two bytes after it.
                let (b1, b2) = (bytes[i + 1], bytes[i + 2]);
                let sure = if b == 0xE1 {
                    // U+1EA0–U+1EBF and U+1EC0–U+1EF9.
                    b1 == 0xBA && b2 >= 0xA0 || b1 == 0xBB && b2 <= 0xB9
                } else {
                    // U+2010–U+2027, U+2030–U+203F and U+2040–U+205E.
                    b1 == 0x80 && ((0x90..=0xA7).contains(&b2) || b2 >= 0xB0)
                        || b1 == 0x81 && b2 <= 0x9E
                };
                if !sure {
                    return false;
                }
                3
            }
            _ => return false,
        };
        i += len;
    }
    true
}

/// Characters that are starters (combining class 0) with NFC quick check
/// "Yes" whatever surrounds them, known without the Unicode tables: below
/// U+0300 (Latin, Latin-1, Latin Extended A/B, IPA, spacing modifiers), the
/// precomposed Vietnamese letters U+1EA0–U+1EF9, and the common
/// punctuation U+2010–U+2027 and U+2030–U+205E (dashes, quotes, ellipsis).
/// A text made only of these is NFC; Vietnamese news almost always is.
#[cfg(test)]
fn surely_nfc(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
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

/// Appends `text` in lower case to `out` (see [`lower`]).
pub(crate) fn push_lower(out: &mut String, text: &str) {
    // A short text (a menu item, a label) is cheaper read character by
    // character than set up for the vector scan.
    if text.len() <= SHORT_LOWER {
        for c in text.chars() {
            match vietnamese_small(c) {
                _ if c.is_ascii() => out.push(c.to_ascii_lowercase()),
                Some(small) => out.push(small),
                None => out.extend(c.to_lowercase()),
            }
        }
        return;
    }
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

/// Texts up to this many bytes are lower-cased character by character: the
/// vector scan pads a short text to a whole window first, which costs more
/// than reading a few characters (measured: a menu item of 10–30 bytes).
const SHORT_LOWER: usize = 32;

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

/// Whether the character whose UTF-8 opens with `x`, `y`, `z` may be a
/// capital outside ASCII. Exact for the Vietnamese letters (Latin-1,
/// Latin Extended-A, ơ/ư and U+1EA0–U+1EF9, whose small letters are odd);
/// every other script with case is flagged whole, as is every character
/// from U+2080 on (letter-like symbols, full-width Latin…). A flagged
/// character that is not a capital only costs a table lookup. Branch-free,
/// for [`crate::scan::next_triple`].
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

/// Whether `text` lower-cased is `small` (already lower case), compared
/// character by character without building the lower-cased text: for the
/// short words of the tables, against words of the page.
pub(crate) fn eq_lower(text: &str, small: &str) -> bool {
    let mut want = small.chars();
    text.chars().all(|c| {
        if c.is_ascii() {
            return want.next() == Some(c.to_ascii_lowercase());
        }
        c.to_lowercase().all(|l| want.next() == Some(l))
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
/// most lines are copied whole.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    let bytes = text.as_bytes();
    let mut pending = !out.is_empty() && !out.ends_with(' ') && text.starts_with(is_space);
    // The kept run not yet copied starts here.
    let mut run = 0;
    let mut i = 0;
    loop {
        let (at, len, class) = next_unkept(bytes, i, run);
        if at > run {
            if pending && !out.is_empty() && !out.ends_with(' ') {
                out.push(' ');
            }
            pending = false;
            out.push_str(&text[run..at]);
        }
        match class {
            Class::Keep => break,
            Class::Space => pending = !out.is_empty(),
            Class::Drop => {}
        }
        i = at + len;
        run = i;
    }
    if pending && !out.ends_with(' ') {
        out.push(' ');
    }
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
    while i < bytes.len() {
        let b = bytes[i];
        if !MAYBE_UNKEPT[b as usize] {
            i += 1;
            continue;
        }
        let (len, class) = class_at(bytes, i);
        match class {
            Class::Keep => {}
            Class::Space
                if b == b' '
                    && i > run
                    && bytes.get(i + 1).is_some_and(|&n| !MAYBE_UNKEPT[n as usize]) => {}
            other => return (i, len, other),
        }
        i += len;
    }
    (bytes.len(), 0, Class::Keep)
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
/// carriage return before it is dropped.
///
/// One vector scan over the whole text ([`crate::scan::for_each_hit`]) stops
/// at every line feed and at every character that may need folding or
/// composing ([`unclean`]); a line with no such stop is copied as it is,
/// less the spaces at its ends (the usual case), and only the others are
/// composed and folded. A line is a unit of NFC: a line feed composes with
/// nothing on either side.
pub(crate) fn clean_lines(text: &str, mut line: impl FnMut(String)) {
    let b = text.as_bytes();
    let mut start = 0;
    let mut dirty = false;
    let mut emit = |start: usize, end: usize, dirty: bool| {
        let raw = &text[start..end];
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        // Spaces at the ends fold away whatever the rest is; a carriage
        // return before the line feed is no stop of its own.
        let trimmed = raw.trim_matches(' ');
        if !dirty || is_clean(trimmed) {
            return line(trimmed.to_owned());
        }
        // No-break spaces are the usual fault of an otherwise clean line:
        // made plain, the line may be clean.
        if raw.contains('\u{A0}') {
            let plain = raw.replace('\u{A0}', " ");
            let trimmed = plain.trim_matches(' ');
            if is_clean(trimmed) {
                return line(trimmed.to_owned());
            }
        }
        // Fold first: a control character dropped by folding may stand
        // between a letter and its combining mark, which compose only then.
        line(nfc(&fold(raw)).into_owned());
    };
    crate::scan::for_each_hit(b, unclean, |p| {
        if b[p] == b'\n' {
            emit(start, p, dirty);
            start = p + 1;
            dirty = false;
        } else if !(b[p] == b'\r' && b.get(p + 1) == Some(&b'\n')) {
            dirty = true;
        }
        true
    });
    if start < b.len() {
        emit(start, b.len(), dirty);
    }
}

/// Whether the character or pair starting at `x` (followed by `y`, `z`) may
/// make a line unclean: white space other than a lone ASCII space, a control
/// character (the line feed among them), or a character that
/// [`surely_nfc_str`] does not accept (the characters U+1E00–U+1EFF are
/// accepted: composed Latin letters, all quick-check "Yes"). Non-short-
/// circuit operators keep it branch-free, for the vector scan.
#[inline(always)]
fn unclean(x: u8, y: u8, z: u8) -> bool {
    let e1_sure = (0xB8..=0xBB).contains(&y);
    let e2_sure =
        (y == 0x80) & ((0x90..=0xA7).contains(&z) | (z >= 0xB0)) | (y == 0x81) & (z <= 0x9E);
    (x < 0x20)
        | (x == 0x7F)
        | (x == b' ') & (y == b' ')
        | (x == 0xC2) & (y <= 0xA0)
        | (0xCC..=0xE0).contains(&x)
        | (x >= 0xE3)
        | (x == 0xE1) & !e1_sure
        | (x == 0xE2) & !e2_sure
}

/// Whether `text` is surely NFC and folding leaves it as it is: no leading,
/// trailing or doubled space and no [`unclean`] character.
fn is_clean(text: &str) -> bool {
    let b = text.as_bytes();
    let n = b.len();
    if n == 0 || b[0] == b' ' || b[n - 1] == b' ' {
        return n == 0;
    }
    crate::scan::next_triple(b, 0, unclean).is_none()
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
        for c in ('\u{0}'..='\u{2FFF}').filter(|c| !c.is_whitespace()) {
            let s = c.to_string();
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
        clean_lines("a\r\nb\n\n c \nd\re\n\u{a0}f\u{a0}", |l| lines.push(l));
        assert_eq!(lines, ["a", "b", "", "c", "d e", "f"]);
        // A control character between a letter and its mark: dropped, then
        // the two compose.
        let mut lines = Vec::new();
        clean_lines("e\u{1}\u{301}", |l| lines.push(l));
        assert_eq!(lines, ["é"]);
        for c in ('\u{0}'..='\u{3000}').filter(|&c| c != '\n').chain([
            '\u{FEFF}',
            '\u{FFFD}',
            '\u{1F600}',
        ]) {
            for line in [format!("a{c}b"), format!("{c}"), format!("ab{c}")] {
                let want = nfc(&fold(&line)).into_owned();
                if is_clean(&line) {
                    assert_eq!(line, want, "U+{:04X}", c as u32);
                }
                let mut got = Vec::new();
                clean_lines(&line, |l| got.push(l));
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
            text in "([a-zA-Z ]|Đ|đ|Ă|ă|Ơ|ơ|Ư|ư|Ấ|ấ|Ỹ|ỹ|Ẁ|ẁ|ẞ|À|à|×|Ĳ|ĸ|Ŀ|ŀ|Ÿ|ſ|İ|Ω|ω|Ж|ж|Ａ|ａ|Ⓐ|中|–|“){0,60}",
        ) {
            proptest::prop_assert_eq!(lower(&text), text.to_lowercase());
        }

        /// The byte-level fold agrees with folding character by character.
        #[test]
        fn fold_agrees_with_chars(
            text in "([a-c ]|\t|\n|\u{0}|\u{A0}|\u{85}|\u{9F}|\u{200B}|\u{2028}|\u{3000}|\u{FEFF}|ạ|ở|“|é|中){0,40}",
            prefix in "(| |a|a )",
        ) {
            let mut want = prefix.clone();
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
            let mut got = prefix;
            push_folded(&mut got, &text);
            proptest::prop_assert_eq!(got, want);
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

        /// Composing block by block gives exactly the NFC of the whole.
        #[test]
        fn nfc_is_nfc(
            text in "([a-eoux<=> \n.]|\u{301}|\u{300}|\u{323}|\u{338}|\u{302}|\u{31B}|\u{1100}|\u{1161}|\u{11A8}|ơ|ê){0,700}",
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
