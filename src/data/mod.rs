//! What the cleaner knows about pages, as data: every word list, phrase and
//! pattern it matches, each entry with the reason it generalises. Logic lives
//! in the stages; a new chrome phrase, class name or date word goes here.

pub(crate) mod chrome;
pub(crate) mod class_names;
pub(crate) mod dates;
pub(crate) mod head;
pub(crate) mod kind;

/// The tables' invariants: what their readers assume of them. A table read
/// after case folding is in lower case; every entry is in NFC (the text it
/// is compared with is); no entry is listed twice (in a table turned into a
/// map, a duplicate silently wins over its twin).
#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use unicode_normalization::is_nfc;

    use super::{chrome, class_names, dates, head, kind};

    /// Checks one list of words or phrases: NFC, no duplicate, no empty
    /// entry, no white space at either end unless `spaced`, and in lower
    /// case when `lower`.
    fn check(name: &str, items: &[&str], lower: bool, spaced: bool) {
        let mut seen = HashSet::new();
        for item in items {
            assert!(!item.is_empty(), "{name}: an empty entry");
            assert!(is_nfc(item), "{name}: {item:?} is not in NFC");
            assert!(seen.insert(*item), "{name}: {item:?} is listed twice");
            if lower {
                assert_eq!(
                    *item,
                    item.to_lowercase(),
                    "{name}: {item:?} is not lower case"
                );
            }
            if !spaced {
                assert_eq!(
                    *item,
                    item.trim(),
                    "{name}: {item:?} has white space at an end"
                );
            }
        }
    }

    #[test]
    fn chrome_tables() {
        let labels: Vec<&str> = chrome::LABELS.iter().map(|l| l.text).collect();
        check("LABELS", &labels, true, false);
        for l in &labels {
            assert!(!l.contains("  "), "LABELS: {l:?} has a double space");
        }
        let patterns: Vec<&str> = chrome::PATTERNS.iter().map(|p| p.0).collect();
        check("PATTERNS", &patterns, false, true);
        let topics: Vec<&str> = chrome::TEASER_TOPICS.iter().map(|p| p.0).collect();
        check("TEASER_TOPICS", &topics, false, true);
        // Matched against lower-cased text: every letter but a regex
        // escape's (`\W`) is small.
        let escape = regex::Regex::new(r"\\[A-Za-z]").unwrap();
        for t in topics.iter().chain(&patterns) {
            let bare = escape.replace_all(t, "");
            assert_eq!(bare, bare.to_lowercase(), "{t:?} is not lower case");
        }
        check("CAPTION_MARKERS", chrome::CAPTION_MARKERS, true, false);
        check(
            "CAPTION_PAREN_MARKERS",
            chrome::CAPTION_PAREN_MARKERS,
            true,
            false,
        );
        check("STOCK_CAPTIONS", chrome::STOCK_CAPTIONS, true, false);
        check("STOCK_CAPTION_ENDS", chrome::STOCK_CAPTION_ENDS, true, true);
        check("PLACEHOLDER_WORDS", chrome::PLACEHOLDER_WORDS, true, false);
        check("CREDIT_OPENERS", chrome::CREDIT_OPENERS, true, false);
        check("CREDIT_PATTERNS", chrome::CREDIT_PATTERNS, false, true);
        check("BYLINE_ROLES", chrome::BYLINE_ROLES, true, true);
        check("BYLINE_OPENERS", chrome::BYLINE_OPENERS, false, true);
        check("NOT_NAME_WORDS", chrome::NOT_NAME_WORDS, true, false);
        check("TITLE_SEPARATORS", chrome::TITLE_SEPARATORS, false, true);
        for p in [
            chrome::BYLINE_NOTE,
            chrome::FOLLOW_NAME,
            chrome::LEAD_PREFIX,
        ] {
            assert!(is_nfc(p) && regex::Regex::new(p).is_ok(), "{p:?}");
        }
        assert!(chrome::FOLLOW_NAME.contains(chrome::FOLLOW_OPENER));
        assert_eq!(
            chrome::BYLINE_SOURCE_WORD,
            chrome::BYLINE_SOURCE_WORD.to_lowercase()
        );
    }

    #[test]
    fn class_name_tables() {
        // Names are cut into tokens of lower-case ASCII letters or digits
        // (`html::class_names`): an entry word of any other shape could
        // never match.
        let token = |w: &str| {
            w.bytes().all(|b| b.is_ascii_lowercase()) || w.bytes().all(|b| b.is_ascii_digit())
        };
        let mut seen = HashSet::new();
        for e in class_names::TABLE {
            assert!(!e.words.is_empty());
            for w in e.words {
                assert!(token(w), "class-name entry word {w:?} is not one token");
            }
            assert!(seen.insert(e.words), "{:?} is listed twice", e.words);
        }
        check("FILLER", class_names::FILLER, true, false);
        check("ARTICLE_WORDS", class_names::ARTICLE_WORDS, true, false);
        for w in class_names::FILLER.iter().chain(class_names::ARTICLE_WORDS) {
            assert!(token(w), "{w:?} is not one token");
        }
    }

    #[test]
    fn date_tables() {
        check("WEEKDAYS", dates::WEEKDAYS, true, false);
        let months: Vec<&str> = dates::MONTHS.iter().map(|m| m.0).collect();
        check("MONTHS", &months, true, false);
        assert!(dates::MONTHS.iter().all(|m| (1..=12).contains(&m.1)));
        let zones: Vec<&str> = dates::ZONES.iter().map(|z| z.0).collect();
        check("ZONES", &zones, false, false);
        assert!(
            zones
                .iter()
                .all(|z| z.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert!(dates::ZONES.iter().all(|z| z.1.unsigned_abs() <= 18 * 60));
        check("VI_MARKERS", dates::VI_MARKERS, true, false);
        check("ORDINALS", dates::ORDINALS, true, false);
        check("DAY_SUFFIXES", dates::DAY_SUFFIXES, true, false);
        check("OF_WORDS", dates::OF_WORDS, true, false);
    }

    #[test]
    fn head_tables() {
        for table in [head::TITLE_META_NAMES, head::PUBLISHED_META_NAMES] {
            let names: Vec<&str> = table.iter().map(|n| n.0).collect();
            check("head names", &names, true, false);
            // Listed best first, as the docs say.
            assert!(table.windows(2).all(|w| w[0].1 <= w[1].1));
        }
    }

    #[test]
    fn kind_tables() {
        // URL words and og:type values are matched lower-cased; JSON-LD
        // types as schema.org spells them.
        let url: Vec<&str> = kind::URL_WORDS.iter().map(|(w, _)| *w).collect();
        check("URL_WORDS", &url, true, false);
        let og: Vec<&str> = kind::OG_TYPES.iter().map(|(w, _)| *w).collect();
        check("OG_TYPES", &og, true, false);
        let ld: Vec<&str> = kind::LD_TYPES.iter().map(|(w, _)| *w).collect();
        check("LD_TYPES", &ld, false, false);
        // A URL word is one path segment: no slash, no white space.
        assert!(url.iter().all(|w| !w.contains(['/', ' '])));
    }
}
