//! Source marks: an outlet's short name printed before a lead ("VTV.vn - ",
//! "(TTXVN) - ") or before a dateline ("VTV News-Thứ tư, …"), told from a
//! clause of the sentence or a person's name.

use std::sync::LazyLock;

use regex::Regex;

use crate::data::chrome;
use crate::recognize::byline::is_person_name;

/// A lead's source prefix: "VTV.vn - ", "Điện Biên TV – ", "(Dân trí) - ",
/// "(Chinhphu.vn) - ". The name must look like an outlet: in parentheses,
/// a domain, or with an acronym token (TV, TTO, VOV).
///
/// The name has 2 to 30 characters: an outlet's name or domain is a few
/// words ("Báo Điện tử Chính phủ" has 21 characters); a longer run before
/// a dash is a clause of the sentence ("Ông Tống Anh Linh - Giám đốc …").
/// Measured on all four fixture sets: the longest name before a lead's dash
/// has 12 characters; at 11 that page loses its source mark, at 10 three
/// pages; 12 to 40 change no output. A domain ends in a label of 2 to 4
/// letters (.vn, .com, .info).
static LEAD_PREFIX: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(chrome::LEAD_PREFIX).expect("compiles"));

/// Capital ASCII letters of a word that marks a name as an outlet's (TV,
/// TTO, VOV, TTXVN): from two, for one capital is a person's initial, to
/// six: outlet and agency acronyms run two to five letters (AP, AFP, VTV,
/// TTXVN), and a longer word in capitals is a word shouted ("EXCLUSIVE",
/// "BREAKING"), not a name. Measured on all four fixture sets: with a
/// ceiling of 1 a page's "… TV" source mark is missed; ceilings of 2 to 8
/// change no output, so the ceiling rests on the reason above.
const ACRONYM_LETTERS: std::ops::RangeInclusive<usize> = 2..=6;

/// Most words of an outlet's name printed before a lead's dash or a
/// dateline: a source mark is the outlet's short brand (an acronym, a
/// domain, a place and "TV"), while a longer run before a dash is a phrase
/// of the sentence. Measured on all four fixture sets: the longest name
/// before a lead has three words; at 2 and 1 it is missed; 3 to 8 change no
/// output (nor does any page's outlet come from a dateline), so the ceiling
/// rests on the reason above.
const OUTLET_MAX_WORDS: usize = 4;

/// Fewest characters of what follows a source mark for the mark to be cut
/// off a lead: about four words. A lead is a sentence or more; a line that
/// ends this soon after "Outlet - " is a name with a section or a slogan
/// ("VTV.vn - Thời sự"), and is left whole. Measured on all four fixture
/// sets: from 0 to 100 the output does not change (every first paragraph
/// with a source mark is far longer), so the value rests on the reason
/// above.
const LEAD_REST_MIN_CHARS: usize = 20;

/// Splits a source prefix off a lead paragraph: (prefix name, rest).
pub(crate) fn split_lead_prefix(lead: &str) -> Option<(String, String)> {
    let c = LEAD_PREFIX.captures(lead)?;
    let paren = c.get(1).is_some();
    let name = c.get(1).or(c.get(2))?.as_str().trim();
    let outlet_like = paren
        || name.contains('.')
        || name.split(' ').any(|w| {
            ACRONYM_LETTERS.contains(&w.len()) && w.chars().all(|ch| ch.is_ascii_uppercase())
        });
    if !outlet_like
        || name.split(' ').count() > OUTLET_MAX_WORDS
        || is_person_name(name)
            && !paren
            && !name.contains('.')
            && !name
                .split(' ')
                .any(|w| w.chars().all(|ch| ch.is_ascii_uppercase()))
    {
        return None;
    }
    let rest = lead[c.get(0)?.end()..].trim();
    if rest.chars().count() < LEAD_REST_MIN_CHARS {
        return None;
    }
    Some((name.to_string(), rest.to_string()))
}

/// "VTV News-Thứ tư, …": an outlet name printed before the dateline.
pub(crate) fn dateline_prefix(text: &str, found_start: usize) -> Option<String> {
    let p = text[..found_start]
        .trim()
        .trim_end_matches(['-', '–', '|', ':'])
        .trim();
    let outlet_like = p.split(' ').any(|w| {
        ACRONYM_LETTERS.contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase())
            || w.contains('.')
    });
    (outlet_like && (1..=OUTLET_MAX_WORDS).contains(&p.split(' ').count())).then(|| p.to_string())
}
