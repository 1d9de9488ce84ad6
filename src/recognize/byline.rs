//! Bylines: the person names a byline line holds ("Bài và ảnh: Nguyễn Văn
//! A, Trần B"), without their titles and roles, and the outlet a byline may
//! name instead of a person.

use std::sync::LazyLock;

use crate::data::chrome;
use crate::normalize::is_upper;

/// The pieces of `text` between single spaces, as `text.split(' ')` gives
/// them. A plain byte loop: the standard splitter sets up a substring search
/// per call, which costs more than the few short words of a byline.
pub(crate) fn space_split(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b' ') {
            Some(i) => {
                rest = Some(&r[i + 1..]);
                Some(&r[..i])
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Whether a word is capitalised: its first letter upper case.
pub(crate) fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(is_upper)
}

/// Whether a character is a letter, with the Latin and Vietnamese letters
/// (most characters of a byline) known without the Unicode tables.
pub(crate) fn is_letter(c: char) -> bool {
    c.is_ascii_alphabetic()
        || matches!(c, '\u{C0}'..='\u{24F}' | '\u{1E00}'..='\u{1EFF}') && c != '×' && c != '÷'
        || !c.is_ascii() && c.is_alphabetic()
}

/// Whether a character is a letter or a digit, with ASCII and the Latin and
/// Vietnamese letters known without the Unicode tables.
pub(crate) fn is_alphanumeric(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || !c.is_ascii() && c.is_numeric()
}

/// What one pass over a word of a name finds.
pub(crate) struct NameWord {
    /// Two characters or more, all capitals.
    all_caps: bool,
    /// Every character a capital or a dot.
    caps_or_dots: bool,
}

/// Reads a word of a name in one pass: `None` unless it is capitalised and
/// made of letters, dots, apostrophes and hyphens with no two dots in a row.
pub(crate) fn name_word(word: &str) -> Option<NameWord> {
    let mut chars = word.chars();
    if !chars.next().is_some_and(is_upper) {
        return None;
    }
    let (mut n, mut upper, mut caps_or_dots, mut dot) = (1, true, true, false);
    for c in chars {
        let is_dot = c == '.';
        if is_dot && dot || !(is_dot || c == '\'' || c == '-' || is_letter(c)) {
            return None;
        }
        let up = is_upper(c);
        upper &= up;
        caps_or_dots &= up || is_dot;
        dot = is_dot;
        n += 1;
    }
    Some(NameWord {
        all_caps: n >= 2 && upper,
        caps_or_dots,
    })
}

/// Whether a phrase reads as a person's name: 1 to 5 words, each
/// capitalised, no digits, not opening with a title word or preposition.
/// Vietnamese names are 2–4 syllables; one-word pen names occur, so one
/// word is allowed only in all capitals or when the caller accepts it.
pub(crate) fn is_person_name(name: &str) -> bool {
    // One pass over the words, one over each word's characters; every test
    // below is a plain condition, so the order they are read in does not
    // matter.
    let (mut count, mut any_caps, mut every_caps, mut caps_or_dots) = (0, false, true, true);
    for w in space_split(name).filter(|w| !w.is_empty()) {
        count += 1;
        let Some(word) = name_word(w) else {
            return false;
        };
        if count > 5 {
            return false;
        }
        any_caps |= word.all_caps;
        every_caps &= word.all_caps;
        caps_or_dots &= word.caps_or_dots;
    }
    // 40 bytes hold at most 40 characters: count them only beyond.
    if count == 0 || name.len() > 40 && name.chars().count() > 40 {
        return false;
    }
    // An acronym beside ordinary words ("VTV News") names an outlet; a name
    // in capitals is capitals throughout ("NHẬT XUÂN").
    if count > 1 && any_caps && !every_caps {
        return false;
    }
    // An acronym of the outlet kind (QĐND, TTXVN) is an organisation.
    if count == 1 && caps_or_dots && !name.contains(' ') {
        return false;
    }
    !opens_with_not_name_word(name)
}

/// The first byte of a word's UTF-8 as the lookup of [`NOT_NAME_INDEX`]
/// sees it: ASCII letters in small letters, other bytes as they are. A
/// Vietnamese capital opens with the same byte as its small letter ("Đ" and
/// "đ" both open with 0xC4), which a test checks for every table word.
pub(crate) fn first_byte_folded(word: &str) -> u8 {
    word.as_bytes().first().map_or(0, u8::to_ascii_lowercase)
}

/// [`chrome::NOT_NAME_WORDS`] by their length in bytes and their folded
/// first byte: a word is compared with the one or two entries that could
/// be it, not with the whole table.
pub(crate) static NOT_NAME_INDEX: LazyLock<crate::hash::FastMap<(usize, u8), Vec<&'static str>>> =
    LazyLock::new(|| {
        let mut index: crate::hash::FastMap<(usize, u8), Vec<&'static str>> =
            crate::hash::FastMap::default();
        for w in chrome::NOT_NAME_WORDS {
            index
                .entry((w.len(), first_byte_folded(w)))
                .or_default()
                .push(*w);
        }
        index
    });

/// Whether the first word of a phrase (up to a space, comma, ampersand or
/// slash) is one of [`chrome::NOT_NAME_WORDS`].
pub(crate) fn opens_with_not_name_word(phrase: &str) -> bool {
    let phrase = phrase.trim_start();
    let end = phrase
        .bytes()
        .position(|b| matches!(b, b' ' | b',' | b'&' | b'/'))
        .unwrap_or(phrase.len());
    let first = &phrase[..end];
    // Capitals of these words have the bytes' length of their small letters.
    NOT_NAME_INDEX
        .get(&(first.len(), first_byte_folded(first)))
        .is_some_and(|words| words.iter().any(|w| crate::normalize::eq_lower(first, w)))
}

/// `text` without a closing role ("(tổng hợp)", "PV", see
/// [`chrome::BYLINE_ROLES`]) or source ("theo Reuters"), matched without
/// regard to case.
pub(crate) fn strip_byline_role(text: &str) -> &str {
    // From the source word on ("… theo Reuters"), the rest names a source.
    let mut at = 0;
    for word in space_split(text) {
        let bare = word.trim_start_matches(['(', '[']);
        if at > 0
            && bare.eq_ignore_ascii_case(chrome::BYLINE_SOURCE_WORD)
            && at + word.len() < text.len()
        {
            return text[..at].trim_end();
        }
        at += word.len() + 1;
    }
    let bare = text.trim_end_matches([')', ']', ' ']);
    for role in chrome::BYLINE_ROLES {
        // Capitals of these words have the bytes' length of their small
        // letters: the tail of the role's length in bytes is compared.
        let Some(start) = bare.len().checked_sub(role.len()) else {
            continue;
        };
        // Every role ends in an ASCII letter: its last byte settles most
        // lines before the whole tail is compared.
        if !bare.is_char_boundary(start)
            || !bare
                .as_bytes()
                .last()
                .is_some_and(|b| b.eq_ignore_ascii_case(&role.as_bytes()[role.len() - 1]))
        {
            continue;
        }
        let (head, tail) = bare.split_at(start);
        if crate::normalize::eq_lower(tail, role)
            && (head.is_empty() || head.ends_with([' ', '(', '[']))
        {
            return head.trim_end_matches(['(', '[', ' ']);
        }
    }
    text
}

/// The rest of `text` after a [`chrome::BYLINE_OPENERS`] entry (any case),
/// or after "By" glued to a capitalised name ("ByJane Doe").
pub(crate) fn strip_byline_opener(text: &str) -> Option<&str> {
    for opener in chrome::BYLINE_OPENERS {
        // Openers are ASCII or Vietnamese; capitals of their letters have
        // the bytes' length of the small ones, so the head is compared as
        // bytes of the opener's length.
        if let Some(head) = text.get(..opener.len())
            && crate::normalize::eq_lower(head, opener)
        {
            return Some(&text[opener.len()..]);
        }
    }
    let rest = text.strip_prefix("By")?;
    rest.starts_with(|c: char| c.is_uppercase())
        .then_some(rest)
        .filter(|r| r.chars().nth(1).is_some_and(char::is_lowercase))
}

/// Shortest tail word that cuts a byline where it stands inside the line
/// ("Updated", "Posted", "Last"); shorter ones ("On", "At", "Le") also
/// spell names' parts, and are only cut at the line's end.
const TAIL_WORD_INSIDE_MIN_BYTES: usize = 4;

/// A byline without what follows its names: its date ("Jane Doe Updated Sep
/// 5, 2024", "Jane Doe, March 7, 2026"), or a note after a mark ("Jane
/// Doe · Review Editor"). See [`chrome::BYLINE_TAIL_WORDS`] and
/// [`chrome::BYLINE_TAIL_MARKS`].
pub(crate) fn cut_byline_tail(text: &str) -> &str {
    let mut end = text.find(chrome::BYLINE_TAIL_MARKS).unwrap_or(text.len());
    if let Some(found) = crate::recognize::dateline::find(&text[..end]) {
        end = end.min(found.start);
    }
    let mut t = text[..end].trim_end_matches([' ', ',', '-', '–', '—', ';', ':']);
    // The words that lead into the date ("Updated", "Posted … on").
    loop {
        let (head, last) = t.rsplit_once(' ').unwrap_or(("", t));
        if head.is_empty()
            || !chrome::BYLINE_TAIL_WORDS
                .iter()
                .any(|w| crate::normalize::eq_lower(last, w))
        {
            break;
        }
        t = head.trim_end_matches([' ', ',', '-', '–', '—', ';', ':']);
    }
    // Cut at a capitalised tail word inside the line too ("Jane Doe
    // Updated"): the short ones ("on", "at") are too common inside names'
    // lines to cut at.
    let mut at = 0;
    for word in space_split(t) {
        if at > 0
            && word.len() >= TAIL_WORD_INSIDE_MIN_BYTES
            && word.chars().next().is_some_and(char::is_uppercase)
            && chrome::BYLINE_TAIL_WORDS
                .iter()
                .any(|w| crate::normalize::eq_lower(word, w))
        {
            return t[..at].trim_end_matches([' ', ',', ';', ':']);
        }
        at += word.len() + 1;
    }
    t
}

/// A line of person names: "Chu Văn", "NHẬT XUÂN - NGHI VŨ", "Minh Thư -
/// Đức Trung/DIENBIENTV.VN", "Hà Thu (tổng hợp)", "Theo Hồ Hương".
pub(crate) fn names_of(text: &str) -> Option<Vec<String>> {
    let mut t = text.trim();
    if let Some(rest) = strip_byline_opener(t) {
        t = rest.trim();
    }
    t = cut_byline_tail(t);
    // A name's syllables are all capitalised: a second word in lower case
    // ("Kinh doanh") settles it, and so does a first word that never opens
    // a name ("Báo", "Trang"), before anything else is read.
    if space_split(t).nth(1).is_some_and(|w| {
        !w.starts_with(|c: char| {
            c.is_uppercase() || c == '(' || c == '-' || c == '–' || c == '/' || c == '&'
        })
    }) || opens_with_not_name_word(t)
    {
        return None;
    }
    let cleaned = strip_byline_role(t);
    // An outlet after a slash ("…/DIENBIENTV.VN") is not a name.
    let people = cleaned.split('/').next().unwrap_or("").trim();
    let mut names = Vec::new();
    let parts = people.split([',', '&']).count();
    for (k, part) in people.split([',', '&']).enumerate() {
        // A lower-case word closing a line of names after a comma is the
        // agency's short name ("…, dpa"), not a person.
        let tail = part.trim();
        if k + 1 == parts && !names.is_empty() && !tail.contains(' ') && !is_caps(tail) {
            break;
        }
        // Names are separated by a dash standing alone, or a conjunction
        // ("và", "and", "und"…).
        let mut name: Option<(usize, usize)> = None;
        let mut at = 0;
        for word in space_split(part).chain([""]) {
            let start = at;
            at += word.len() + 1;
            let last = at > part.len() + 1;
            if matches!(word, "-" | "–") || chrome::NAME_CONJUNCTIONS.contains(&word) || last {
                if let Some((s, e)) = name.take() {
                    let name = &part[s..e];
                    // One word is a name only in capitals: that test is
                    // cheap and settles most one-word lines first.
                    if !name.contains(' ') && !is_caps(name) || !is_person_name(name) {
                        return None;
                    }
                    names.push(name.to_string());
                }
            } else if !word.is_empty() {
                let s = name.map_or(start, |(s, _)| s);
                name = Some((s, start + word.len()));
            }
        }
    }
    if names.is_empty() { None } else { Some(names) }
}

pub(crate) fn is_caps(word: &str) -> bool {
    word.chars()
        .filter(|c| c.is_alphabetic())
        .all(char::is_uppercase)
        && word.chars().count() >= 3
}

/// The outlet name after a byline's slash: "Minh Thư/DIENBIENTV.VN".
pub(crate) fn byline_outlet(text: &str) -> Option<String> {
    let (_, after) = text.rsplit_once('/')?;
    let after = after.trim();
    (!after.is_empty() && after.chars().count() <= 40 && !after.contains(' '))
        .then(|| after.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_in_other_languages_and_with_dates() {
        for (line, want) in [
            ("By Jane Doe", Some(vec!["Jane Doe"])),
            ("by Jane Doe", Some(vec!["Jane Doe"])),
            (
                "Von Felix Schröder und Jörg Soldwisch, dpa",
                Some(vec!["Felix Schröder", "Jörg Soldwisch"]),
            ),
            (
                "Par Jean Dupont et Marie Curie",
                Some(vec!["Jean Dupont", "Marie Curie"]),
            ),
            (
                "Por Ana Pérez y Luis García",
                Some(vec!["Ana Pérez", "Luis García"]),
            ),
            ("BY JANE DOE", Some(vec!["JANE DOE"])),
            ("By Jane Doe, March 7, 2026", Some(vec!["Jane Doe"])),
            (
                "By Richard Garner Updated Sep 5, 2024",
                Some(vec!["Richard Garner"]),
            ),
            (
                "by Emily Baron Cadloff· October 10, 2021",
                Some(vec!["Emily Baron Cadloff"]),
            ),
            (
                "By Ben Applebaum-Bauch ⋅ Review Editor",
                Some(vec!["Ben Applebaum-Bauch"]),
            ),
            ("ByKathy Owen January 21, 2025", Some(vec!["Kathy Owen"])),
            (
                "Written by Jane Doe and John Roe",
                Some(vec!["Jane Doe", "John Roe"]),
            ),
            ("Par Jean Dupont, le 7 mars 2026", Some(vec!["Jean Dupont"])),
            ("Von Max Mustermann", Some(vec!["Max Mustermann"])),
            ("Por Ana Pérez", Some(vec!["Ana Pérez"])),
            ("NHẬT XUÂN - NGHI VŨ", Some(vec!["NHẬT XUÂN", "NGHI VŨ"])),
            ("Theo Hồ Hương", Some(vec!["Hồ Hương"])),
            // Not bylines.
            ("By the end of the year", None),
            ("Bylaws of the club", None),
            ("Kinh doanh", None),
        ] {
            let got = names_of(line);
            let want: Option<Vec<String>> = want.map(|v| v.iter().map(|s| s.to_string()).collect());
            assert_eq!(got, want, "{line}");
        }
    }
}
