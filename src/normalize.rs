//! Unicode NFC and white-space folding.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in Unicode NFC. Most pages are already NFC; the quick check makes
/// that case a scan without allocation.
pub(crate) fn nfc(text: &str) -> Cow<'_, str> {
    match is_nfc_quick(text.chars()) {
        IsNormalized::Yes => Cow::Borrowed(text),
        _ => Cow::Owned(text.nfc().collect()),
    }
}

/// Whether a character is white space for folding: Unicode white space plus
/// the zero-width characters pages use as spacers.
pub(crate) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// Appends `text` to `out` with runs of white space folded to one space.
/// `out` never gets a leading space, nor a space after one it ends with.
pub(crate) fn push_folded(out: &mut String, text: &str) {
    let mut pending = !out.is_empty() && !out.ends_with(' ') && text.starts_with(is_space);
    for c in text.chars() {
        if is_space(c) {
            pending = !out.is_empty();
        } else if c.is_control() {
            // NUL and other control characters are never visible text: a
            // scrape full of them must not become a paragraph of them.
            continue;
        } else {
            if pending && !out.ends_with(' ') {
                out.push(' ');
            }
            pending = false;
            out.push(c);
        }
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
    fn nfc_composes_vietnamese() {
        let decomposed = "ngu\u{300}a";
        assert_eq!(nfc(decomposed), "ngùa");
        assert!(matches!(nfc("đã"), Cow::Borrowed(_)));
    }
}
