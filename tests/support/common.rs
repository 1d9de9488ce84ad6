//! What every test target shares: where the fixture corpora are, and the
//! one text folding comparisons use. Included with `#[path]` by
//! `tests/properties.rs`, and by `tests/support/gold.rs` as its `common`
//! module (so `tests/quality.rs` and `examples/eval.rs` reach it there).

// Each including target uses a different part of this module.
#![allow(dead_code)]

use std::path::PathBuf;

use unicode_normalization::UnicodeNormalization;

/// The fixture corpora's root, `tests/fixtures/` of this crate: one corpus
/// per directory (`seeds`, `vi-text`, `vi-html`, `readability`).
pub fn fixtures_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// White space as the cleaner folds it: Unicode white space plus the
/// zero-width spacers (U+200B, U+2060, U+FEFF).
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}')
}

/// The cleaner's documented folding: NFC, each run of white space
/// ([`is_space`]) to one space, control characters dropped, ends trimmed.
///
/// Both kinds of comparison need this one form. The "nothing invented"
/// properties fold the input the way the cleaner folds it, so that its
/// output can be looked up in it. The gold scoring compares the cleaner's
/// output, already in this form, with hand-written gold text: folding gold
/// the same way (GOLD.md's "whitespace folded") makes equal exactly what
/// the cleaner's contract makes equal. Case is kept; callers that compare
/// names lower-case first.
pub fn fold(text: &str) -> String {
    let nfc: String = text.nfc().collect();
    let mut out = String::new();
    for word in nfc.split(is_space).filter(|w| !w.is_empty()) {
        let word: String = word.chars().filter(|c| !c.is_control()).collect();
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fold_composes_joins_white_space_and_drops_controls() {
        // Decomposed "ệ" composes; spacers and white space runs become one
        // space; a control character inside a word goes.
        assert_eq!(
            fold(" e\u{323}\u{302}\t\u{200B}x\u{0}y \u{A0}\u{FEFF} Z\n"),
            "\u{1EC7} xy Z"
        );
        assert_eq!(fold(" \u{2060} "), "");
        assert!(fixtures_dir().join("GOLD.md").is_file());
    }
}
