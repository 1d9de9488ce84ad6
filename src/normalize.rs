//! Unicode NFC and white-space folding.

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

/// Whether every character of `text` is [`surely_nfc`]. ASCII, most of any
/// page's bytes, is skipped eight bytes at a time.
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
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        // A non-ASCII byte starts a character here: every byte before it
        // was ASCII or a whole character.
        let c = text[i..].chars().next().expect("char boundary");
        if !surely_nfc(c) {
            return false;
        }
        i += c.len_utf8();
    }
    true
}

/// Characters that are starters (combining class 0) with NFC quick check
/// "Yes" whatever surrounds them, known without the Unicode tables: below
/// U+0300 (Latin, Latin-1, Latin Extended A/B, IPA, spacing modifiers), the
/// precomposed Vietnamese letters U+1EA0–U+1EF9, and the common
/// punctuation U+2010–U+2027 and U+2030–U+205E (dashes, quotes, ellipsis).
/// A text made only of these is NFC; Vietnamese news almost always is.
#[inline]
fn surely_nfc(c: char) -> bool {
    c < '\u{300}'
        || ('\u{1EA0}'..='\u{1EF9}').contains(&c)
        || ('\u{2010}'..='\u{2027}').contains(&c)
        || ('\u{2030}'..='\u{205E}').contains(&c)
}

/// `text` in lower case. Vietnamese letters (Latin-1, Latin Extended A/B
/// and the precomposed block U+1EA0–U+1EF9, where capitals are even and
/// small letters odd) are mapped by arithmetic; anything else goes through
/// the Unicode tables.
pub(crate) fn lower(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            c if c.is_ascii() => out.push(c),
            '\u{C0}'..='\u{DE}' if c != '\u{D7}' => {
                out.push(char::from_u32(c as u32 + 32).unwrap_or(c));
            }
            '\u{1EA0}'..='\u{1EF9}' => {
                out.push(char::from_u32(c as u32 | 1).unwrap_or(c));
            }
            '\u{102}' | '\u{110}' | '\u{128}' | '\u{168}' | '\u{1A0}' => {
                out.push(char::from_u32(c as u32 + 1).unwrap_or(c));
            }
            '\u{1AF}' => out.push('\u{1B0}'),
            // Small letters of the same repertoire are their own lower case.
            '\u{DF}'..='\u{FF}'
            | '\u{103}'
            | '\u{111}'
            | '\u{129}'
            | '\u{169}'
            | '\u{1A1}'
            | '\u{1B0}' => out.push(c),
            c => out.extend(c.to_lowercase()),
        }
    }
    out
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
/// Runs of kept characters are copied as slices, not one by one.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    let mut pending = !out.is_empty() && !out.ends_with(' ') && text.starts_with(is_space);
    let mut run_start = None;
    for (i, c) in text.char_indices() {
        match class(c) {
            Class::Keep => {
                if run_start.is_none() {
                    if pending && !out.is_empty() && !out.ends_with(' ') {
                        out.push(' ');
                    }
                    pending = false;
                    run_start = Some(i);
                }
            }
            other => {
                if let Some(s) = run_start.take() {
                    out.push_str(&text[s..i]);
                }
                if other == Class::Space {
                    pending = !out.is_empty();
                }
            }
        }
    }
    if let Some(s) = run_start {
        out.push_str(&text[s..]);
    }
    if pending && !out.ends_with(' ') {
        out.push(' ');
    }
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
    fn lower_matches_unicode() {
        let samples = [
            "ĂÂĐÊÔƠƯ ăâđêôơư ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ",
            "ÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ × Ω Σ İ ẞ ǅ ÄÖÜ Tiếng Việt CÓ DẤU",
            "ĨŨ ĩũ Ơ Ư abc XYZ 123 «» — …",
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
