//! Datelines: printed dates in Vietnamese and other common shapes, and
//! machine-readable timestamps from metadata.
//!
//! Printed dates are found in two steps. A *core* pattern finds the calendar
//! date itself (`29/03/2023`, `07-03-2026`, `2024-03-24`, `07 tháng 03 năm
//! 2026`, `March 7, 2026`, `7 March 2026`, `2026年3月7日`); the core must
//! carry a four-digit year, so "Ngày 4/7" is never a full date. Then the core
//! is grown outwards over what belongs to the printed date: to the right a
//! time (`21:20`, `08h52`, `09:40 AM`) and a UTC offset (`GMT+7`, `(GMT+7)`,
//! `[GMT+07:00]`, `+0700`, `Z`, `ICT`); to the left "ngày", a time printed
//! before the date (`07:12 ngày 24/03/2024`, `08:47 | 07/03/2026`) and a
//! weekday (`Thứ tư,`, `Chủ nhật,`, `Saturday,`). Anything else around it (a
//! site prefix, a byline, a section label) is left out of the range.
//!
//! The words these patterns know are data tables below ([`WEEKDAYS`],
//! [`MONTHS`], [`ZONES`], [`VI_MARKERS`]): extend them there.
//!
//! The core, time and offset patterns are hand-written matchers (each
//! documents its pattern in regex syntax), because they run on every short
//! line that prints four digits, and four capturing regexes cost 3,000 to
//! 4,000 instructions each per dateline. They follow the regex crate's
//! leftmost-first semantics step by step: the leftmost start wins, and at
//! that start the first alternative, repetitions tried longest first,
//! names in [`alternation`] order. The regex implementation they replaced is
//! kept in the tests (`reference`), and property tests check that both give
//! the same on random date-like text.

use std::ops::{Range, RangeInclusive};
use std::sync::LazyLock;

use regex::Regex;

use crate::article::{DateTime, days_in_month};

/// The offset Vietnamese pages imply when they print none: UTC+07:00
/// (Indochina Time), in minutes.
pub(crate) const VIETNAM_OFFSET: i16 = 7 * 60;

/// Weekday names that may open a printed date ("Thứ tư, 29/03/2023"),
/// lower case; a space stands for any run of whitespace. Vietnamese first
/// (words, digits, and the short "T2"…"T7"/"CN" of compact layouts), then
/// English, French, German and Spanish. Only ever matched right before a
/// date, so short forms like "CN" or "Sun" cannot fire on their own.
pub(crate) const WEEKDAYS: &[&str] = &[
    "thứ hai",
    "thứ ba",
    "thứ tư",
    "thứ năm",
    "thứ sáu",
    "thứ bảy",
    "thứ bẩy",
    "chủ nhật",
    "thứ 2",
    "thứ 3",
    "thứ 4",
    "thứ 5",
    "thứ 6",
    "thứ 7",
    "t2",
    "t3",
    "t4",
    "t5",
    "t6",
    "t7",
    "cn",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
];

/// Month names and abbreviations, lower case, with their number: English,
/// French, German, Spanish, Portuguese, Italian. A name shared by two
/// languages ("mai", "marzo") means the same month in both, so one table
/// serves all of them.
pub(crate) const MONTHS: &[(&str, u8)] = &[
    // English
    ("january", 1),
    ("february", 2),
    ("march", 3),
    ("april", 4),
    ("may", 5),
    ("june", 6),
    ("july", 7),
    ("august", 8),
    ("september", 9),
    ("october", 10),
    ("november", 11),
    ("december", 12),
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
    // French
    ("janvier", 1),
    ("février", 2),
    ("mars", 3),
    ("avril", 4),
    ("mai", 5),
    ("juin", 6),
    ("juillet", 7),
    ("août", 8),
    ("septembre", 9),
    ("octobre", 10),
    ("novembre", 11),
    ("décembre", 12),
    ("janv", 1),
    ("févr", 2),
    ("avr", 4),
    ("juil", 7),
    ("déc", 12),
    // German
    ("januar", 1),
    ("jänner", 1),
    ("februar", 2),
    ("märz", 3),
    ("juni", 6),
    ("juli", 7),
    ("oktober", 10),
    ("dezember", 12),
    // Spanish
    ("enero", 1),
    ("febrero", 2),
    ("marzo", 3),
    ("abril", 4),
    ("mayo", 5),
    ("junio", 6),
    ("julio", 7),
    ("agosto", 8),
    ("septiembre", 9),
    ("setiembre", 9),
    ("octubre", 10),
    ("noviembre", 11),
    ("diciembre", 12),
    // Portuguese
    ("janeiro", 1),
    ("fevereiro", 2),
    ("março", 3),
    ("maio", 5),
    ("junho", 6),
    ("julho", 7),
    ("setembro", 9),
    ("outubro", 10),
    ("novembro", 11),
    ("dezembro", 12),
    // Italian
    ("gennaio", 1),
    ("febbraio", 2),
    ("aprile", 4),
    ("maggio", 5),
    ("giugno", 6),
    ("luglio", 7),
    ("settembre", 9),
    ("ottobre", 10),
    ("dicembre", 12),
];

/// Time-zone abbreviations printed after a time, with their offset in
/// minutes. Only unambiguous ones: "CST" (China or US Central) and "IST"
/// (India, Ireland or Israel) are left out on purpose, since a wrong offset
/// is worse than none. "GMT"/"UTC" with or without a signed offset are
/// handled by the pattern itself.
pub(crate) const ZONES: &[(&str, i16)] = &[
    ("ICT", 420),
    ("WIB", 420),
    ("SGT", 480),
    ("HKT", 480),
    ("PHT", 480),
    ("AWST", 480),
    ("JST", 540),
    ("KST", 540),
    ("AEST", 600),
    ("AEDT", 660),
    ("WET", 0),
    ("BST", 60),
    ("CET", 60),
    ("CEST", 120),
    ("EET", 120),
    ("EEST", 180),
    ("MSK", 180),
    ("EST", -300),
    ("EDT", -240),
    ("CDT", -300),
    ("MST", -420),
    ("MDT", -360),
    ("PST", -480),
    ("PDT", -420),
];

/// Words that mark a text as Vietnamese-shaped, so that a printed date
/// without an offset is read at [`VIETNAM_OFFSET`] by [`parse_dateline`].
/// Matched as whole words, case-insensitively.
pub(crate) const VI_MARKERS: &[&str] = &["thứ", "chủ nhật", "ngày", "tháng", "năm", "lúc"];

/// Years accepted in a printed date. Wider than any news page needs, yet it
/// keeps number runs like "12/3/4567" (a code, not a date) out.
const YEARS: RangeInclusive<u32> = 1000..=2999;

/// A date found in a line of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Found {
    /// Byte range of the date as printed within the line.
    pub start: usize,
    pub end: usize,
    pub year: i32,
    pub month: u8,
    pub day: u8,
    /// Hour and minute (and second), when printed.
    pub time: Option<(u8, u8, u8)>,
    /// The UTC offset in minutes, when printed ("GMT+7").
    pub offset: Option<i16>,
}

impl Found {
    /// The instant, when the date has a time; `default_offset` stands in when
    /// none was printed.
    pub fn datetime(&self, default_offset: Option<i16>) -> Option<DateTime> {
        let (h, m, s) = self.time?;
        let off = self.offset.or(default_offset)?;
        DateTime::new(self.year, self.month, self.day, h, m, s, off)
    }

    /// The printed date: the slice of `line` (the line it was found in) that
    /// holds it.
    pub fn text<'a>(&self, line: &'a str) -> &'a str {
        &line[self.start..self.end]
    }
}

/// Joins names into a regex alternation, in [`alternation_order`]; a space
/// in a name matches any whitespace run.
fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    alternation_order(names)
        .iter()
        .map(|n| regex::escape(n).replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|")
}

fn compile(pattern: &str) -> Regex {
    // The patterns are constants of this file, tested below: failing to
    // compile is a programming error.
    Regex::new(pattern).expect("dateline pattern compiles")
}

/// The month names of [`MONTHS`] in alternation order, by their first letter
/// (every name starts with a small ASCII letter, which a test checks;
/// index 0 is 'a').
static MONTHS_BY_FIRST: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
    let mut by_first: [Vec<&'static str>; 26] = Default::default();
    for name in alternation_order(MONTHS.iter().map(|(n, _)| *n)) {
        by_first[usize::from(name.as_bytes()[0] - b'a')].push(name);
    }
    by_first
});

/// The names of [`MONTHS`] by their last letter (every name ends with a
/// small ASCII letter, which a test checks; index 0 is 'a').
static MONTHS_BY_LAST: LazyLock<[Vec<&'static str>; 26]> = LazyLock::new(|| {
    let mut by_last: [Vec<&'static str>; 26] = Default::default();
    for &(name, _) in MONTHS {
        let last = name.bytes().last().expect("month names are not empty");
        by_last[usize::from(last - b'a')].push(name);
    }
    by_last
});

/// The zone names of [`ZONES`] in alternation order.
static ZONE_ORDER: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| alternation_order(ZONES.iter().map(|(n, _)| *n)));

/// A weekday and its separator right before the date (or the time).
static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i:{})\.?\s*{}?\s*$",
        alternation(WEEKDAYS.iter().copied()),
        regex_class(WEEKDAY_SEPS)
    ))
});

/// The separators of the numbers of a numeric date: "29/03/2023",
/// "7.3.2026", "07-03-2026".
const DATE_SEPS: &[u8] = b"/.-";

/// The marks besides spaces between the month and the year of a "tháng"
/// date: "7 tháng 3, 2026", "15 tháng 3/2026".
const THANG_YEAR_MARKS: &[char] = &[',', '/'];

/// The separators between a date and a time printed before or after it:
/// "08:47 | 7/3/2026", "7/3/2026 - 21:20". After the date "@" too
/// ("7/3/2026 @ 21:20"); between a time and the date after it, "@" was
/// never taken.
const TIME_SEPS: &[char] = &[',', '|', '-', '–', '—', '·', '•'];

/// The separators after a weekday: "Thứ tư, 29/03/2023", "Monday - 7 March
/// 2026".
const WEEKDAY_SEPS: [char; 4] = [',', '-', '–', '—'];

/// A regex character class of `chars`, each escaped: "[,\-]".
fn regex_class(chars: impl IntoIterator<Item = char>) -> String {
    let inner: String = chars
        .into_iter()
        .map(|c| regex::escape(c.encode_utf8(&mut [0; 4])))
        .collect();
    format!("[{inner}]")
}

static VI_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i)\b(?:{})\b",
        alternation(VI_MARKERS.iter().copied())
    ))
});

fn char_before(s: &str, at: usize) -> Option<char> {
    s[..at].chars().next_back()
}

fn char_at(s: &str, at: usize) -> Option<char> {
    s[at..].chars().next()
}

/// Whether a word can start at `at`: no letter or digit right before it.
fn word_starts(s: &str, at: usize) -> bool {
    !char_before(s, at).is_some_and(char::is_alphanumeric)
}

/// Whether a word can end at `at`: no letter or digit right after it.
fn word_ends(s: &str, at: usize) -> bool {
    !char_at(s, at).is_some_and(char::is_alphanumeric)
}

/// Where "ngày" (any case) and spaces end `prefix`, if the word starts
/// there: what `(?i:ngày)\s*$` finds.
fn ngay_before(prefix: &str) -> Option<usize> {
    let end = prefix.trim_end_matches(char::is_whitespace).len();
    let start = word_ending_at(prefix, end, "ngày")?;
    word_starts(prefix, start).then_some(start)
}

/// The last letters of [`WEEKDAYS`], folded (see [`fold`]).
static WEEKDAY_ENDS: LazyLock<Vec<char>> = LazyLock::new(|| {
    let mut ends: Vec<char> = WEEKDAYS
        .iter()
        .filter_map(|w| w.chars().next_back())
        .collect();
    ends.sort_unstable();
    ends.dedup();
    ends
});

/// Fast reject for [`WEEKDAY_BEFORE`]: whether `prefix`, without the
/// spaces, separator and '.' the pattern allows after the weekday, ends
/// with the last letter of one.
fn may_end_with_weekday(prefix: &str) -> bool {
    let spaces = |c: char| c.is_whitespace();
    let t = prefix.trim_end_matches(spaces);
    let t = t
        .strip_suffix(WEEKDAY_SEPS)
        .map_or(t, |t| t.trim_end_matches(spaces));
    let t = t.strip_suffix('.').unwrap_or(t);
    t.chars()
        .next_back()
        .is_some_and(|c| WEEKDAY_ENDS.contains(&fold(c)))
}

/// Whether `b` is an ASCII digit (the patterns' `[0-9]`).
fn is_digit(b: u8) -> bool {
    b.wrapping_sub(b'0') < 10
}

/// The suffixes of a day before its month's name ("7th"): the forward
/// matchers and the backward search for starts read the same lists.
const ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

/// The suffixes of a day before its month's name in day-first dates: the
/// [`ORDINALS`] and the French "er" ("1er mars").
const DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er"];

/// The words between a day and its month's name ("7 of March", "7 de
/// marzo").
const OF_WORDS: &[&str] = &["de", "of"];

/// Whether `b` separates the numbers of a numeric date ([`DATE_SEPS`]).
fn is_date_sep(b: u8) -> bool {
    DATE_SEPS.contains(&b)
}

/// Whether `b[at]` is there and [`is_date_sep`].
fn date_sep_at(b: &[u8], at: usize) -> bool {
    b.get(at).copied().is_some_and(is_date_sep)
}

/// Whether `b[at..at + n]` is there and all ASCII digits.
fn digits_at(b: &[u8], at: usize, n: usize) -> bool {
    b.get(at..at + n)
        .is_some_and(|d| d.iter().all(|&c| is_digit(c)))
}

/// The value of the ASCII digits `b[from..to]` (at most four: no overflow).
fn value(b: &[u8], from: usize, to: usize) -> u32 {
    b[from..to]
        .iter()
        .fold(0, |v, &c| v * 10 + u32::from(c - b'0'))
}

/// Whether `b[at]` is there and is one of `set`.
fn byte_in(b: &[u8], at: usize, set: &[u8]) -> bool {
    b.get(at).is_some_and(|c| set.contains(c))
}

/// The end of the run of whitespace (the patterns' `\s*`) from `at`.
fn skip_spaces(t: &str, at: usize) -> usize {
    let b = t.as_bytes();
    let mut i = at;
    while let Some(&c) = b.get(i) {
        if c < 0x80 {
            if !matches!(c, b' ' | b'\t'..=b'\r') {
                break;
            }
            i += 1;
        } else {
            match t[i..].chars().next() {
                Some(c) if c.is_whitespace() => i += c.len_utf8(),
                _ => break,
            }
        }
    }
    i
}

/// A character as the patterns' `(?i)` compares it with a lower-case letter
/// of a word they know: lower case, and the two signs Unicode folds onto
/// ASCII letters ("ſ" is "s", the Kelvin sign "K" is "k"). A test checks
/// that it equates exactly what the regex crate does, for every letter of
/// those words.
fn fold(c: char) -> char {
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    match c {
        'ſ' => 's',
        '\u{212A}' => 'k',
        _ => {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) => l,
                _ => c,
            }
        }
    }
}

/// Whether a character whose UTF-8 form has `byte` where `want` (a byte of
/// a lower-case word) is may fold onto it (see [`fold`]); only ever false
/// when it cannot. An ASCII byte is a whole character, which folds only
/// onto its own lower case; the only other characters that fold onto ASCII
/// letters are "ſ" (C5 BF) and the Kelvin sign (E2 84 AA), tested below.
#[inline(always)]
fn may_fold_onto(byte: u8, want: u8, long_s_or_kelvin: [u8; 2]) -> bool {
    if want >= 0x80 {
        return true;
    }
    if byte < 0x80 {
        return byte.to_ascii_lowercase() == want;
    }
    (want == b's' && byte == long_s_or_kelvin[0]) || (want == b'k' && byte == long_s_or_kelvin[1])
}

/// Where `word` (lower case) ends if `t` holds it at `at`,
/// case-insensitively (see [`fold`]).
#[inline(always)]
fn word_at(t: &str, at: usize, word: &str) -> Option<usize> {
    // Fast reject on the first byte (lead bytes of "ſ" and "K").
    if !may_fold_onto(*t.as_bytes().get(at)?, word.as_bytes()[0], [0xC5, 0xE2]) {
        return None;
    }
    word_at_slow(t, at, word)
}

/// [`word_at`] without its fast reject.
fn word_at_slow(t: &str, at: usize, word: &str) -> Option<usize> {
    let mut chars = t[at..].chars();
    for w in word.chars() {
        let c = chars.next()?;
        if fold(c) != w {
            return None;
        }
    }
    Some(t.len() - chars.as_str().len())
}

/// The first of `words` that `t` holds at `at` (see [`word_at`]), by its
/// end.
fn any_word_at(t: &str, at: usize, words: &[&str]) -> Option<usize> {
    words.iter().find_map(|w| word_at(t, at, w))
}

/// Where `word` and at least one space (`word\s+`) end if `t` holds them
/// at `at`.
fn spaced_word_at(t: &str, at: usize, words: &[&str]) -> Option<usize> {
    let end = any_word_at(t, at, words)?;
    let spaced = skip_spaces(t, end);
    (spaced > end).then_some(spaced)
}

/// Where `word` (lower case) starts if the text of `line` before `at` ends
/// with it, case-insensitively (see [`fold`]).
#[inline(always)]
fn word_ending_at(line: &str, at: usize, word: &str) -> Option<usize> {
    // Fast reject on the last byte (last bytes of "ſ" and "K").
    let last = *line.as_bytes()[..at].last()?;
    if !may_fold_onto(last, *word.as_bytes().last()?, [0xBF, 0xAA]) {
        return None;
    }
    word_ending_at_slow(line, at, word)
}

/// [`word_ending_at`] without its fast reject.
fn word_ending_at_slow(line: &str, at: usize, word: &str) -> Option<usize> {
    let mut before = line[..at].chars();
    for w in word.chars().rev() {
        if fold(before.next_back()?) != w {
            return None;
        }
    }
    Some(before.as_str().len())
}

/// The offset before the run of characters of `line` that ends at `at`
/// and whose every character passes `skip`.
fn skip_back(line: &str, at: usize, skip: impl Fn(char) -> bool) -> usize {
    line[..at].trim_end_matches(skip).len()
}

/// The start of the run of ASCII digits that ends at `at`.
fn digit_run_start(b: &[u8], at: usize) -> usize {
    let mut start = at;
    while start > 0 && is_digit(b[start - 1]) {
        start -= 1;
    }
    start
}

/// The start of the lone number of one or two digits (no digit before it)
/// that ends at `end`.
fn short_number_ending_at(b: &[u8], end: usize) -> Option<usize> {
    let start = digit_run_start(b, end);
    (1..=2).contains(&(end - start)).then_some(start)
}

/// The names in the order an alternation tries them: longest first, so
/// that "september" is tried before "sep" (the regex crate takes the first
/// alternative that matches, not the longest), then by bytes, without
/// repeats. The matchers walk [`MONTHS`] and [`ZONES`] in this order to
/// find what the patterns built by [`alternation`] find.
fn alternation_order<'a>(names: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
    let mut names: Vec<&str> = names.collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    names
}

/// The month names that could start at `at` (by its first letter), in
/// alternation order.
fn months_from(t: &str, at: usize) -> &'static [&'static str] {
    match t[at..].chars().next().map(fold) {
        Some(c @ 'a'..='z') => &MONTHS_BY_FIRST[usize::from(c as u8 - b'a')],
        _ => &[],
    }
}

/// The starts of the month names that end at `at`, after an optional '.'.
fn month_starts_before(line: &str, at: usize, mut push: impl FnMut(usize)) {
    let at = if line[..at].ends_with('.') {
        at - 1
    } else {
        at
    };
    let Some(last) = char_before(line, at)
        .map(fold)
        .filter(char::is_ascii_lowercase)
    else {
        return;
    };
    for name in &MONTHS_BY_LAST[usize::from(last as u8 - b'a')] {
        if let Some(start) = word_ending_at(line, at, name) {
            push(start);
        }
    }
}

/// A calendar date as printed, found at some start: its end, whether it is
/// CJK-shaped (no right boundary), and the date its numbers name, if real.
struct CoreMatch {
    end: usize,
    cjk: bool,
    date: Option<(i32, u8, u8)>,
}

/// The separator before a year in "March 7, 2026" and "7 March 2026"
/// (`\s*,\s*` or `\s+`): where the year may start, in the order tried.
fn year_sep_after(t: &str, at: usize) -> [Option<usize>; 2] {
    let spaced = skip_spaces(t, at);
    let comma = (t.as_bytes().get(spaced) == Some(&b',')).then(|| skip_spaces(t, spaced + 1));
    [comma, (spaced > at).then_some(spaced)]
}

/// The date core that starts at `s`, if any: the first alternative of the
/// core pattern that matches there.
fn core_at(t: &str, s: usize) -> Option<CoreMatch> {
    let b = t.as_bytes();
    if !b.get(s).copied().is_some_and(is_digit) {
        // Only "March 7, 2026" starts with a letter.
        return month_first_at(t, s);
    }
    day_first_at(b, s)
        .or_else(|| year_first_at(b, s))
        .or_else(|| thang_at(t, s))
        .or_else(|| day_month_name_at(t, s))
        .or_else(|| cjk_at(t, s))
}

/// `d{1,2}[/.\-]m{1,2}[/.\-]yyyy`: "29/03/2023", "7.3.2026".
fn day_first_at(b: &[u8], s: usize) -> Option<CoreMatch> {
    for dl in [2, 1] {
        if !digits_at(b, s, dl) {
            continue;
        }
        let p = s + dl;
        if !date_sep_at(b, p) {
            continue;
        }
        for ml in [2, 1] {
            let q = p + 1 + ml;
            if digits_at(b, p + 1, ml) && date_sep_at(b, q) && digits_at(b, q + 1, 4) {
                let (a, m, y) = (value(b, s, p), value(b, p + 1, q), value(b, q + 1, q + 5));
                // Day first, as Vietnam and most of the world print it;
                // month first only when day first is impossible
                // (03/29/2023).
                let date = (b[p] == b[q])
                    .then(|| ymd(y, m, a).or_else(|| ymd(y, a, m)))
                    .flatten();
                return Some(CoreMatch {
                    end: q + 5,
                    cjk: false,
                    date,
                });
            }
        }
    }
    None
}

/// `yyyy[/.\-]m{1,2}[/.\-]d{1,2}`: "2024-03-24".
fn year_first_at(b: &[u8], s: usize) -> Option<CoreMatch> {
    let p = s + 4;
    if !digits_at(b, s, 4) || !date_sep_at(b, p) {
        return None;
    }
    for ml in [2, 1] {
        let q = p + 1 + ml;
        if digits_at(b, p + 1, ml) && date_sep_at(b, q) && digits_at(b, q + 1, 1) {
            let end = q + 1 + if digits_at(b, q + 1, 2) { 2 } else { 1 };
            let date = (b[p] == b[q])
                .then(|| ymd(value(b, s, p), value(b, p + 1, q), value(b, q + 1, end)))
                .flatten();
            return Some(CoreMatch {
                end,
                cjk: false,
                date,
            });
        }
    }
    None
}

/// `d{1,2}\s*tháng\s*m{1,2}(\s+năm\s+|\s*[,/]\s*|\s+)yyyy`: "07 tháng 03
/// năm 2026", "15 tháng 3/2026".
fn thang_at(t: &str, s: usize) -> Option<CoreMatch> {
    let b = t.as_bytes();
    for dl in [2, 1] {
        if !digits_at(b, s, dl) {
            continue;
        }
        let Some(month) = word_at(t, skip_spaces(t, s + dl), "tháng") else {
            continue;
        };
        let m = skip_spaces(t, month);
        for ml in [2, 1] {
            if !digits_at(b, m, ml) {
                continue;
            }
            let r = m + ml;
            let spaced = skip_spaces(t, r);
            let nam = (spaced > r)
                .then(|| spaced_word_at(t, spaced, &["năm"]))
                .flatten();
            // (The marks are ASCII: one byte.)
            let mark = t[spaced..]
                .starts_with(THANG_YEAR_MARKS)
                .then(|| skip_spaces(t, spaced + 1));
            let bare = (spaced > r).then_some(spaced);
            if let Some(y) = [nam, mark, bare]
                .into_iter()
                .flatten()
                .find(|&y| digits_at(b, y, 4))
            {
                return Some(CoreMatch {
                    end: y + 4,
                    cjk: false,
                    date: ymd(value(b, y, y + 4), value(b, m, r), value(b, s, s + dl)),
                });
            }
        }
    }
    None
}

/// `NAME\.?\s*d{1,2}(st|nd|rd|th)?(\s*,\s*|\s+)yyyy`: "March 7, 2026".
fn month_first_at(t: &str, s: usize) -> Option<CoreMatch> {
    let b = t.as_bytes();
    for name in months_from(t, s) {
        let Some(name_end) = word_at(t, s, name) else {
            continue;
        };
        let dot = (b.get(name_end) == Some(&b'.')).then_some(name_end + 1);
        for after_name in [dot, Some(name_end)].into_iter().flatten() {
            let d = skip_spaces(t, after_name);
            for dl in [2, 1] {
                if !digits_at(b, d, dl) {
                    continue;
                }
                let suffix = any_word_at(t, d + dl, ORDINALS);
                for after_day in [suffix, Some(d + dl)].into_iter().flatten() {
                    if let Some(y) = year_sep_after(t, after_day)
                        .into_iter()
                        .flatten()
                        .find(|&y| digits_at(b, y, 4))
                    {
                        return Some(named_month_core(t, y, s..name_end, d..d + dl));
                    }
                }
            }
        }
    }
    None
}

/// The core of a date whose month is a name (at `name` in `t`), its day
/// the digits at `day` and its year the four digits at `y`, which end it.
fn named_month_core(t: &str, y: usize, name: Range<usize>, day: Range<usize>) -> CoreMatch {
    let b = t.as_bytes();
    let date = month_number(&t[name]).and_then(|m| {
        ymd(
            value(b, y, y + 4),
            u32::from(m),
            value(b, day.start, day.end),
        )
    });
    CoreMatch {
        end: y + 4,
        cjk: false,
        date,
    }
}

/// `d{1,2}(\.|st|nd|rd|th|er)?\s*((de|of)\s+)?NAME\.?(\s*,\s*|\s+)(de\s+)?yyyy`:
/// "7 March 2026", "7th of March, 2026", "7 de marzo de 2026".
fn day_month_name_at(t: &str, s: usize) -> Option<CoreMatch> {
    let b = t.as_bytes();
    for dl in [2, 1] {
        if !digits_at(b, s, dl) {
            continue;
        }
        let d_end = s + dl;
        let suffix = if b.get(d_end) == Some(&b'.') {
            Some(d_end + 1)
        } else {
            any_word_at(t, d_end, DAY_SUFFIXES)
        };
        for after_day in [suffix, Some(d_end)].into_iter().flatten() {
            let spaced = skip_spaces(t, after_day);
            // "de", "of" and every month name start with an ASCII letter
            // or a character beyond ASCII ("ſ").
            if !b
                .get(spaced)
                .is_some_and(|&c| c.is_ascii_alphabetic() || c >= 0x80)
            {
                continue;
            }
            let of = spaced_word_at(t, spaced, OF_WORDS);
            for n in [of, Some(spaced)].into_iter().flatten() {
                for name in months_from(t, n) {
                    let Some(name_end) = word_at(t, n, name) else {
                        continue;
                    };
                    let dot = (b.get(name_end) == Some(&b'.')).then_some(name_end + 1);
                    for after_name in [dot, Some(name_end)].into_iter().flatten() {
                        for sep in year_sep_after(t, after_name).into_iter().flatten() {
                            let de = spaced_word_at(t, sep, &["de"]);
                            if let Some(y) = [de, Some(sep)]
                                .into_iter()
                                .flatten()
                                .find(|&y| digits_at(b, y, 4))
                            {
                                return Some(named_month_core(t, y, n..name_end, s..d_end));
                            }
                        }
                    }
                }
            }
        }
    }
    None
}

/// `yyyy\s*[年년]\s*m{1,2}\s*[月월]\s*d{1,2}\s*[日일]`: "2026年3月7日".
fn cjk_at(t: &str, s: usize) -> Option<CoreMatch> {
    let b = t.as_bytes();
    // Each sign is three bytes in UTF-8.
    let sign = |at: usize, signs: [&str; 2]| {
        signs
            .iter()
            .any(|x| t[at..].starts_with(x))
            .then_some(at + 3)
    };
    if !digits_at(b, s, 4) {
        return None;
    }
    let m = skip_spaces(t, sign(skip_spaces(t, s + 4), ["年", "년"])?);
    for ml in [2, 1] {
        if !digits_at(b, m, ml) {
            continue;
        }
        let Some(d) = sign(skip_spaces(t, m + ml), ["月", "월"]).map(|d| skip_spaces(t, d))
        else {
            continue;
        };
        for dl in [2, 1] {
            if digits_at(b, d, dl)
                && let Some(end) = sign(skip_spaces(t, d + dl), ["日", "일"])
            {
                return Some(CoreMatch {
                    end,
                    cjk: true,
                    date: ymd(value(b, s, s + 4), value(b, m, m + ml), value(b, d, d + dl)),
                });
            }
        }
    }
    None
}

/// Pushes every start where a core could take its year from the run of
/// four or more ASCII digits `line[start..end]` (and more: the walk is
/// loose where that is cheaper): the core grammar read backwards from its
/// year, alternative by alternative.
fn push_core_starts(line: &str, start: usize, end: usize, push: &mut impl FnMut(usize)) {
    let b = line.as_bytes();
    // One or two digits ending at `end`: both may start a day.
    let days_ending_at = |end: usize, push: &mut dyn FnMut(usize)| {
        for dl in [1, 2] {
            if end >= dl && digits_at(b, end - dl, dl) {
                push(end - dl);
            }
        }
    };
    // "29/03/2023": a day, a separator, a lone number, a separator.
    if start >= 1
        && is_date_sep(b[start - 1])
        && let Some(m) = short_number_ending_at(b, start - 1)
        && m >= 1
        && is_date_sep(b[m - 1])
    {
        days_ending_at(m - 1, push);
    }
    // "2024-03-24" and "2026年3月7日": the year is the run's last four
    // digits.
    if date_sep_at(b, end) || line[skip_spaces(line, end)..].starts_with(['年', '년']) {
        push(end - 4);
    }
    let spaces = |c: char| c.is_whitespace();
    let thang_year_sep = |c: char| c.is_whitespace() || THANG_YEAR_MARKS.contains(&c);
    if !line[..start].ends_with(thang_year_sep) {
        return;
    }
    // "7 tháng 3 năm 2026", "15 tháng 3/2026": the day before "tháng",
    // the month, then "năm", a comma or a slash, or spaces.
    let sep = skip_back(line, start, thang_year_sep);
    let after_nam = word_ending_at(line, sep, "năm").map(|n| skip_back(line, n, spaces));
    for at in [Some(sep), after_nam].into_iter().flatten() {
        if let Some(m) = short_number_ending_at(b, at)
            && let Some(t) = word_ending_at(line, skip_back(line, m, spaces), "tháng")
        {
            days_ending_at(skip_back(line, t, spaces), push);
        }
    }
    // "March 7, 2026", "7 March 2026", "7 de marzo de 2026": a comma or
    // spaces (and "de") before the year.
    let comma_or_space = |c: char| c.is_whitespace() || c == ',';
    let sep = skip_back(line, start, comma_or_space);
    let after_de = word_ending_at(line, sep, "de").map(|d| skip_back(line, d, comma_or_space));
    for at in [Some(sep), after_de].into_iter().flatten() {
        // Month first: the day (with its suffix), spaces, the name.
        let suffix = (at > 0 && matches!(b[at - 1].to_ascii_lowercase(), b't' | b'd' | b'h'))
            .then(|| ORDINALS.iter().find_map(|s| word_ending_at(line, at, s)))
            .flatten();
        for day_end in [Some(at), suffix].into_iter().flatten() {
            if let Some(d) = short_number_ending_at(b, day_end) {
                month_starts_before(line, skip_back(line, d, spaces), &mut *push);
            }
        }
        // Day first: the name, then ("de"/"of" and) spaces, the day's
        // suffix, the day.
        month_starts_before(line, at, |n| {
            let spaced = skip_back(line, n, spaces);
            let of = OF_WORDS
                .iter()
                .find_map(|w| word_ending_at(line, spaced, w))
                .map(|o| skip_back(line, o, spaces));
            for before in [Some(spaced), of].into_iter().flatten() {
                let suffix = DAY_SUFFIXES
                    .iter()
                    .chain(&["."])
                    .find_map(|s| word_ending_at(line, before, s));
                for day_end in [Some(before), suffix].into_iter().flatten() {
                    days_ending_at(day_end, push);
                }
            }
        });
    }
}

/// Every start where a core may match in `line`, in order: none at all on
/// the many lines that merely print a year, a price or a phone number.
fn core_starts(line: &str) -> Starts {
    let bytes = line.as_bytes();
    let mut starts = Starts::default();
    let mut from = 0;
    // Runs of three digits found by the vector scan; the fourth is checked
    // here.
    while let Some(at) = crate::scan::next_triple(bytes, from, |x, y, z| {
        is_digit(x) & is_digit(y) & is_digit(z)
    }) {
        if !bytes.get(at + 3).copied().is_some_and(is_digit) {
            from = at + 1;
            continue;
        }
        let start = digit_run_start(bytes, at);
        let end = (at + 4..bytes.len())
            .find(|&i| !is_digit(bytes[i]))
            .unwrap_or(bytes.len());
        push_core_starts(line, start, end, &mut |s| starts.push(s));
        from = end;
    }
    starts.sorted()
}

/// Start offsets: a few on the stack, the rest (seldom any) on the heap.
#[derive(Default)]
struct Starts {
    few: [usize; 8],
    len: usize,
    more: Vec<usize>,
}

impl Starts {
    fn push(&mut self, start: usize) {
        if let Some(slot) = self.few.get_mut(self.len) {
            *slot = start;
            self.len += 1;
        } else {
            self.more.push(start);
        }
    }

    /// The starts in order, without repeats.
    fn sorted(mut self) -> Self {
        if self.more.is_empty() {
            let few = &mut self.few[..self.len];
            few.sort_unstable();
            let mut kept = 0;
            for i in 0..few.len() {
                if i == 0 || few[i] != few[kept - 1] {
                    few[kept] = few[i];
                    kept += 1;
                }
            }
            self.len = kept;
        } else {
            self.more.extend_from_slice(&self.few[..self.len]);
            self.more.sort_unstable();
            self.more.dedup();
            self.len = 0;
        }
        self
    }

    fn as_slice(&self) -> &[usize] {
        if self.more.is_empty() {
            &self.few[..self.len]
        } else {
            &self.more
        }
    }
}

/// A real (year, month, day), or `None`.
fn ymd(year: u32, month: u32, day: u32) -> Option<(i32, u8, u8)> {
    let year = i32::try_from(year).ok().filter(|_| YEARS.contains(&year))?;
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    (day >= 1 && day <= days_in_month(year, month)).then_some((year, month, day))
}

fn month_number(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
}

/// Whether a core match stands alone: not glued to letters or digits, not a
/// piece of a longer number run ("1.12/03/2026") or of a document number
/// ("12/07/2024/QĐ-UBND").
fn core_bounded(line: &str, start: usize, end: usize, cjk: bool) -> bool {
    if !word_starts(line, start) {
        return false;
    }
    if matches!(char_before(line, start), Some('/' | '.'))
        && char_before(line, start - 1).is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    if cjk {
        // CJK text runs on without spaces ("7日电"): no right boundary.
        return true;
    }
    let mut after = line[end..].chars();
    match after.next() {
        None => true,
        Some('/') => false,
        Some('.' | '-') => !after.next().is_some_and(|c| c.is_ascii_digit()),
        // ISO 8601: the time follows a "T" ("2025-10-22T19:25").
        Some('T' | 't') => after.next().is_some_and(|c| c.is_ascii_digit()),
        Some(c) => !c.is_alphanumeric(),
    }
}

/// Hour (24-hour clock), minute, second.
type Clock = (u8, u8, u8);

/// A clock as printed: `h{1,2}([:hH]mi{2}(:s{2}([.,]\d+)?)?|[hH])`, then
/// maybe AM/PM (`\s*(a.m.|p.m.|am|pm|SA|CH)`, the first three any case;
/// "SA"/"CH" are the Vietnamese sáng/chiều of some locales).
#[derive(Clone, Copy)]
struct ClockMatch {
    h: u32,
    mi: Option<u32>,
    s: Option<u32>,
    /// End of the clock without its AM/PM.
    clk_end: usize,
    /// The AM/PM: whether it is PM, and its end.
    ap: Option<(bool, usize)>,
}

impl ClockMatch {
    /// Where the match ends.
    fn end(&self) -> usize {
        self.ap.map_or(self.clk_end, |(_, end)| end)
    }

    /// The clock, checked; the AM/PM read only `with_ampm`.
    fn clock(&self, with_ampm: bool) -> Option<Clock> {
        let h = u8::try_from(self.h).ok()?;
        let mi = u8::try_from(self.mi.unwrap_or(0)).ok()?;
        let s = u8::try_from(self.s.unwrap_or(0)).ok()?;
        checked_clock(h, mi, s, self.ap.filter(|_| with_ampm).map(|(pm, _)| pm))
    }

    /// The clock and where it ends in `t`, or `None`: its AM/PM counts
    /// only when a word ends after it ("07:00 Amsterdam" is 07:00), and
    /// without it the clock must end a word.
    fn word_end(&self, t: &str) -> Option<(Clock, usize)> {
        match self.ap {
            Some((_, ap)) if word_ends(t, ap) => Some((self.clock(true)?, ap)),
            _ if word_ends(t, self.clk_end) => Some((self.clock(false)?, self.clk_end)),
            _ => None,
        }
    }
}

/// A clock in 24-hour time, checked: `pm` says whether a printed AM/PM
/// reads PM ("12:30 AM" is 00:30, "12:30 PM" is 12:30, "13:00 PM" is
/// already 24-hour).
fn checked_clock(h: u8, mi: u8, s: u8, pm: Option<bool>) -> Option<Clock> {
    let h = match (pm, h) {
        (Some(pm), 12) => {
            if pm {
                12
            } else {
                0
            }
        }
        (Some(true), 0..=11) => h + 12,
        _ => h,
    };
    (h <= 23 && mi <= 59 && s <= 60).then_some((h, mi, s))
}

/// Calls `f` with every clock match at `at`, in the order the pattern
/// tries them, until it returns `true`; returns whether it did.
fn clocks_at(t: &str, at: usize, mut f: impl FnMut(ClockMatch) -> bool) -> bool {
    let b = t.as_bytes();
    // The clock with and without its AM/PM.
    let mut with_ap = |h: u32, mi: Option<u32>, s: Option<u32>, clk_end: usize| {
        let w = skip_spaces(t, clk_end);
        // (Every AM/PM starts with one of these letters.)
        let ap = byte_in(b, w, b"aApPSC")
            .then(|| {
                any_word_at(t, w, &["a.m.", "p.m.", "am", "pm"])
                    .map(|end| (b[w] | 0x20 == b'p', end))
                    .or_else(|| {
                        let rest = &b[w..];
                        (rest.starts_with(b"SA") || rest.starts_with(b"CH"))
                            .then(|| (rest[0] == b'C', w + 2))
                    })
            })
            .flatten();
        let m = ClockMatch {
            h,
            mi,
            s,
            clk_end,
            ap: None,
        };
        ap.is_some_and(|ap| f(ClockMatch { ap: Some(ap), ..m })) || f(m)
    };
    for hl in [2, 1] {
        if !digits_at(b, at, hl) {
            continue;
        }
        let q = at + hl;
        let h = value(b, at, q);
        if byte_in(b, q, b":hH") && digits_at(b, q + 1, 2) {
            let mi = Some(value(b, q + 1, q + 3));
            let m_end = q + 3;
            if b.get(m_end) == Some(&b':') && digits_at(b, m_end + 1, 2) {
                let s = Some(value(b, m_end + 1, m_end + 3));
                let s_end = m_end + 3;
                if byte_in(b, s_end, b".,") {
                    let digits = b[s_end + 1..].iter().take_while(|&&c| is_digit(c)).count();
                    for n in (1..=digits).rev() {
                        if with_ap(h, mi, s, s_end + 1 + n) {
                            return true;
                        }
                    }
                }
                if with_ap(h, mi, s, s_end) {
                    return true;
                }
            }
            if with_ap(h, mi, None, m_end) {
                return true;
            }
        }
        if byte_in(b, q, b"hH") && with_ap(h, None, None, q + 1) {
            return true;
        }
    }
    false
}

/// The first clock match at `at`.
fn clock_at(t: &str, at: usize) -> Option<ClockMatch> {
    let mut first = None;
    clocks_at(t, at, |m| {
        first = Some(m);
        true
    });
    first
}

/// The sign of an offset at `at`: whether negative, and its end.
fn sign_at(t: &str, at: usize) -> Option<(bool, usize)> {
    match t.as_bytes().get(at)? {
        b'+' => Some((false, at + 1)),
        b'-' => Some((true, at + 1)),
        _ => t[at..]
            .starts_with('−')
            .then_some((true, at + '−'.len_utf8())),
    }
}

/// A UTC offset as printed: GMT/UTC with or without a signed offset, a
/// bare signed offset, Z, or an abbreviation from [`ZONES`].
#[derive(Clone, Copy)]
struct OffsetMatch {
    value: Option<i16>,
    /// "Z" (which must touch the time).
    z: bool,
    end: usize,
}

/// Calls `f` with every offset match at `at`, in the order the pattern
/// tries them, until it returns `true`; returns whether it did.
fn offsets_at(t: &str, at: usize, mut f: impl FnMut(OffsetMatch) -> bool) -> bool {
    let b = t.as_bytes();
    if let Some(name_end) = any_word_at(t, at, &["gmt", "utc"]) {
        if let Some((negative, sign_end)) = sign_at(t, skip_spaces(t, name_end)) {
            let h = skip_spaces(t, sign_end);
            for hl in [2, 1] {
                if digits_at(b, h, hl)
                    && minutes_at(b, negative, value(b, h, h + hl), h + hl, &mut f)
                {
                    return true;
                }
            }
        }
        if f(OffsetMatch {
            value: Some(0),
            z: false,
            end: name_end,
        }) {
            return true;
        }
    }
    if let Some((negative, h)) = sign_at(t, at)
        && digits_at(b, h, 2)
        && minutes_at(b, negative, value(b, h, h + 2), h + 2, &mut f)
    {
        return true;
    }
    if byte_in(b, at, b"Zz")
        && f(OffsetMatch {
            value: Some(0),
            z: true,
            end: at + 1,
        })
    {
        return true;
    }
    // (Every zone name is upper-case ASCII.)
    b.get(at).is_some_and(u8::is_ascii_uppercase)
        && ZONE_ORDER.iter().any(|name| {
            b[at..].starts_with(name.as_bytes())
                && f(OffsetMatch {
                    value: ZONES.iter().find(|(n, _)| n == name).map(|&(_, v)| v),
                    z: false,
                    end: at + name.len(),
                })
        })
}

/// Calls `f` (see [`offsets_at`]) with a signed offset of hours `h` that
/// end at `q`, then its minutes (`(:?m{2})?`): with a colon, without, none.
fn minutes_at(
    b: &[u8],
    negative: bool,
    h: u32,
    q: usize,
    f: &mut impl FnMut(OffsetMatch) -> bool,
) -> bool {
    let mut signed = |m: Option<u32>, end: usize| {
        f(OffsetMatch {
            value: signed_offset(negative, h, m.unwrap_or(0)),
            z: false,
            end,
        })
    };
    (b.get(q) == Some(&b':')
        && digits_at(b, q + 1, 2)
        && signed(Some(value(b, q + 1, q + 3)), q + 3))
        || (digits_at(b, q, 2) && signed(Some(value(b, q, q + 2)), q + 2))
        || signed(None, q)
}

/// A signed offset of `h` hours and `m` minutes, in minutes, or `None` past
/// the ±18 hours a [`DateTime`] allows.
fn signed_offset(negative: bool, h: u32, m: u32) -> Option<i16> {
    if m > 59 {
        return None;
    }
    let v = i16::try_from(h.checked_mul(60)?.checked_add(m)?)
        .ok()
        .filter(|v| *v <= 18 * 60)?;
    Some(if negative { -v } else { v })
}

/// Where an offset match really ends, or `None` when it is not one: brackets
/// must pair, "Z" must touch the time, and a zone name must end a word.
/// `spaced`: spaces before it; `open`: a bracket before it; `close`: the
/// end of a closing bracket after it.
fn offset_end(
    t: &str,
    m: &OffsetMatch,
    spaced: bool,
    open: bool,
    close: Option<usize>,
) -> Option<usize> {
    if !word_ends(t, m.end) {
        return None;
    }
    if m.z && (spaced || open) {
        return None;
    }
    match (open, close) {
        (true, Some(close)) => Some(close),
        (true, None) => None,
        _ => Some(m.end),
    }
}

/// An opening bracket and spaces at `at` (`([(\[]\s*)?`): whether there is
/// one, and where what follows starts.
fn open_at(t: &str, at: usize) -> (bool, usize) {
    if byte_in(t.as_bytes(), at, b"([") {
        (true, skip_spaces(t, at + 1))
    } else {
        (false, at)
    }
}

/// Spaces and a closing bracket at `at` (`\s*[)\]]`): the end.
fn close_at(t: &str, at: usize) -> Option<usize> {
    let x = skip_spaces(t, at);
    byte_in(t.as_bytes(), x, b")]").then_some(x + 1)
}

/// The time right after a date: the clock and the length it takes in `rest`.
/// The pattern: "T", or spaces, a separator (`,` `-` `|` `·` …), spaces and
/// a word ("lúc", "at", …) with spaces; then the clock.
fn time_after(rest: &str) -> Option<(Clock, usize)> {
    let b = rest.as_bytes();
    let m = byte_in(b, 0, b"Tt")
        .then(|| clock_at(rest, 1))
        .flatten()
        .or_else(|| {
            let spaced = skip_spaces(rest, 0);
            let sep = rest[spaced..]
                .chars()
                .next()
                .filter(|&c| TIME_SEPS.contains(&c) || c == '@')
                .map_or(spaced, |c| spaced + c.len_utf8());
            let at = skip_spaces(rest, sep);
            // (The words start with a letter, the clock with a digit.)
            let word = !b.get(at).is_some_and(u8::is_ascii_digit);
            word.then(|| spaced_word_at(rest, at, &["lúc", "at", "um", "à", "alle"]))
                .flatten()
                .and_then(|w| clock_at(rest, w))
                .or_else(|| clock_at(rest, at))
        })?;
    m.word_end(rest)
}

/// The offset right after a time: minutes and the length it takes in `rest`.
/// The pattern: spaces, an opening bracket, the offset, a closing bracket.
fn offset_after(rest: &str) -> Option<(i16, usize)> {
    let spaced = skip_spaces(rest, 0);
    let (open, at) = open_at(rest, spaced);
    let mut first = None;
    offsets_at(rest, at, |m| {
        first = Some(m);
        true
    });
    let m = first?;
    let end = offset_end(rest, &m, spaced > 0, open, close_at(rest, m.end))?;
    Some((m.value?, end))
}

/// A time printed before the date: where it starts, the clock, the offset.
struct Before {
    start: usize,
    clock: Clock,
    offset: Option<i16>,
}

/// Whether `c` may be part of a time printed before a date, with its
/// offset and separator: ASCII letters and digits, spaces, a few marks.
fn in_time_before(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c.is_whitespace()
        || TIME_SEPS.contains(&c)
        || matches!(c, ':' | '.' | '+' | '−' | '(' | ')' | '[' | ']')
}

/// Whether `t[at..]` is what may follow a time before a date: spaces, a
/// [`TIME_SEPS`] or none, spaces, to the end.
fn separator_ends(t: &str, at: usize) -> bool {
    let spaced = skip_spaces(t, at);
    match t[spaced..].chars().next() {
        None => true,
        Some(c) if TIME_SEPS.contains(&c) => skip_spaces(t, spaced + c.len_utf8()) == t.len(),
        Some(_) => false,
    }
}

/// A time printed before the date, ending `prefix` ("07:12 ", "08:47 | ",
/// "14:05 GMT, "; a "ngày" before the date is taken off first): a clock, maybe an offset in brackets, a separator.
/// The leftmost start whose match runs to the end of `prefix` wins.
fn time_before(prefix: &str) -> Option<Before> {
    let b = prefix.as_bytes();
    // All of it is made of such characters, so it starts in the run of
    // them that ends the prefix; a clock starts with a digit.
    let from = prefix.trim_end_matches(in_time_before).len();
    for start in (from..b.len()).filter(|&i| is_digit(b[i])) {
        let mut found = None;
        clocks_at(prefix, start, |c| {
            let (open, at) = open_at(prefix, skip_spaces(prefix, c.end()));
            let with_offset = offsets_at(prefix, at, |o| {
                let close = close_at(prefix, o.end).filter(|&end| separator_ends(prefix, end));
                if close.is_some() || separator_ends(prefix, o.end) {
                    found = Some((c, Some((o, open, close))));
                    return true;
                }
                false
            });
            if with_offset {
                return true;
            }
            if separator_ends(prefix, c.end()) {
                found = Some((c, None));
                return true;
            }
            false
        });
        let Some((c, offset)) = found else {
            continue;
        };
        if !word_starts(prefix, start) || char_before(prefix, start) == Some(':') {
            return None;
        }
        let offset = match offset {
            None => None,
            Some((o, open, close)) => {
                offset_end(prefix, &o, false, open, close)?;
                Some(o.value?)
            }
        };
        return Some(Before {
            start,
            clock: c.clock(true)?,
            offset,
        });
    }
    None
}

/// Where a pattern anchored at the end of `prefix` starts, if it starts a
/// word.
fn word_before(re: &Regex, prefix: &str) -> Option<usize> {
    let start = re.find(prefix)?.start();
    word_starts(prefix, start).then_some(start)
}

/// The printed date around the core `line[core_start..core.end]`, or
/// `None` when the core is not a real, free-standing date.
fn grow(line: &str, core_start: usize, core: &CoreMatch) -> Option<Found> {
    if !core_bounded(line, core_start, core.end, core.cjk) {
        return None;
    }
    Some(widen(&MATCHERS, line, core_start, core.end, core.date?))
}

/// The steps that widen a date core into the printed date: the
/// hand-written matchers ([`MATCHERS`]), and in the tests the regexes of
/// the oracle, which [`widen`] then checks step by step.
struct Steps {
    /// A time right after the date: the clock and its length.
    time_after: fn(&str) -> Option<(Clock, usize)>,
    /// An offset right after a time: minutes and their length.
    offset_after: fn(&str) -> Option<(i16, usize)>,
    /// "ngày" and spaces ending a prefix: where they start.
    ngay_before: fn(&str) -> Option<usize>,
    /// A time printed before the date, ending a prefix.
    time_before: fn(&str) -> Option<Before>,
}

/// The hand-written matchers of this module.
const MATCHERS: Steps = Steps {
    time_after,
    offset_after,
    ngay_before,
    time_before,
};

/// The printed date around a bounded core `line[core_start..core_end]` of
/// the given date: the time and offset after it, or else a time before it
/// past a "ngày", and a weekday before all.
fn widen(
    steps: &Steps,
    line: &str,
    core_start: usize,
    core_end: usize,
    (year, month, day): (i32, u8, u8),
) -> Found {
    let mut end = core_end;
    let mut time = None;
    let mut offset = None;
    if let Some((t, len)) = (steps.time_after)(&line[end..]) {
        time = Some(t);
        end += len;
        if let Some((o, len)) = (steps.offset_after)(&line[end..]) {
            offset = Some(o);
            end += len;
        }
    }
    let mut start = core_start;
    if let Some(s) = (steps.ngay_before)(&line[..start]) {
        start = s;
    }
    if time.is_none()
        && let Some(before) = (steps.time_before)(&line[..start])
    {
        start = before.start;
        time = Some(before.clock);
        offset = before.offset;
    }
    // The fast reject is checked against the regex alone by a property
    // test; both paths share it here.
    if may_end_with_weekday(&line[..start])
        && let Some(s) = word_before(&WEEKDAY_BEFORE, &line[..start])
    {
        start = s;
    }
    Found {
        start,
        end,
        year,
        month,
        day,
        time,
        offset,
    }
}

/// Finds the first full printed date (day, month and year) in a line, with
/// the time and UTC offset when printed. Dates without a year ("Ngày 4/7")
/// are skipped, as are impossible ones (31/02/2026): scanning goes on for a
/// later full date. An impossible time ("25:00") is left out of the date
/// rather than failing it.
pub(crate) fn find(line: &str) -> Option<Found> {
    core_starts(line).as_slice().iter().find_map(|&start| {
        let core = core_at(line, start)?;
        grow(line, start, &core)
    })
}

/// Tokens that set a dateline apart from a byline or section label beside it
/// ("Lan Anh - 12/05/2026", "10:15 AM | Thị trường vàng"). Dashes count only
/// standing alone, so "VTV News-Thứ tư" and "NĐ-CP" are not cut.
const SEGMENT_MARKS: &[char] = &['|', '-', '–', '—', '·', '•', '/'];

/// What a word outside the date weighs when a [`SEGMENT_MARKS`] token sets
/// it apart from the date. A quarter: a four-word section label then weighs
/// one unit, less than a date with its time (two), while every word of the
/// date's own phrase weighs a full unit.
const NEIGHBOUR_WEIGHT: f32 = 0.25;

/// How much of a line is its printed date, from 0.0 (no full date) to 1.0
/// (nothing but the date).
///
/// The date weighs one unit, plus one for a printed time and one for a
/// printed offset, however many words it takes ("ngày 7 tháng 3 năm 2026" is
/// one unit, like "7/3/2026"; a weekday adds nothing). Each other word (a
/// whitespace-separated run holding a letter or digit, whose middle lies
/// outside the date) weighs one unit, or [`NEIGHBOUR_WEIGHT`] when a
/// separator token ("|", " - ", "·") stands between it and the date. The
/// share is the date's weight over the total.
///
/// Datelines score 0.6 or more even with a byline or section label beside
/// them ("Thứ Ba, 12/05/2026 - 08:52" 1.0, "12-05-2026 - 10:15 AM | Thị
/// trường vàng" 0.73, "Lan Anh - 12/05/2026 10:15" 0.8); a sentence that
/// mentions a date scores under 0.3 ("Quy định này có hiệu lực thi hành từ
/// ngày 01/06/2026." 0.1), because its words sit in the date's own phrase
/// and it prints no time.
#[cfg(test)]
pub(crate) fn dateline_share(line: &str) -> f32 {
    find(line).map_or(0.0, |found| share(line, &found))
}

/// The share (see `dateline_share`, in the tests) of a date already found
/// in `line`.
pub(crate) fn share(line: &str, found: &Found) -> f32 {
    let date = 1.0 + f32::from(u8::from(found.time.is_some()) + u8::from(found.offset.is_some()));
    // Words outside the date in segments that hold a word of the date
    // (`near`) and in the others (`far`); the current segment's so far.
    let (mut near, mut far) = (0u32, 0u32);
    let (mut outside, mut touched) = (0u32, false);
    let mut segments = 0u16;
    let b = line.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if SPACE_LEADS[usize::from(b[i])] {
            let space = space_len(b, i);
            if space > 0 {
                i += space;
                continue;
            }
        }
        // A word: the run of characters up to the next space. Most bytes
        // are no space's first byte, which one table look-up tells.
        let start = i;
        i += 1;
        while let Some(&c) = b.get(i) {
            if SPACE_LEADS[usize::from(c)] && space_len(b, i) > 0 {
                break;
            }
            i += 1;
        }
        match word_kind(&line[start..i]) {
            WordKind::Alphanumeric => {
                if (found.start..found.end).contains(&(start + (i - start) / 2)) {
                    touched = true;
                } else {
                    outside += 1;
                }
            }
            // (Past 65,535 marks the last segment takes the rest.)
            WordKind::Mark if segments < u16::MAX => {
                segments += 1;
                *(if touched { &mut near } else { &mut far }) += outside;
                (outside, touched) = (0, false);
            }
            _ => {}
        }
    }
    *(if touched { &mut near } else { &mut far }) += outside;
    // Sums of ones and quarters are exact in f32 (below 2^22 words), so
    // this equals adding the words' weights one by one.
    let other = near as f32 + far as f32 * NEIGHBOUR_WEIGHT;
    date / (date + other)
}

/// What a word of [`share`] is.
enum WordKind {
    /// It holds a letter or digit: a word that weighs.
    Alphanumeric,
    /// It holds none, but one of [`SEGMENT_MARKS`].
    Mark,
    /// Anything else (quotes, other punctuation).
    Other,
}

/// What `word` is (see [`WordKind`]).
#[inline(always)]
fn word_kind(word: &str) -> WordKind {
    let b = word.as_bytes();
    // Most words open with an ASCII letter or digit: one test (the loop
    // after it costs more even when it stops at once).
    if b[0].is_ascii_alphanumeric()
        || b.iter().any(u8::is_ascii_alphanumeric)
        || !word.is_ascii() && word.chars().any(char::is_alphanumeric)
    {
        WordKind::Alphanumeric
    } else if word.contains(SEGMENT_MARKS) {
        WordKind::Mark
    } else {
        WordKind::Other
    }
}

/// The bytes a whitespace character may start with (see [`space_len`]):
/// ASCII controls and space, and the lead bytes C2, E1, E2, E3.
static SPACE_LEADS: [bool; 256] = {
    let mut leads = [false; 256];
    let mut b = 0;
    while b < 256 {
        leads[b] = b <= 0x20 || matches!(b, 0xC2 | 0xE1 | 0xE2 | 0xE3);
        b += 1;
    }
    leads
};

/// The length of the whitespace character (`char::is_whitespace`) at
/// `b[i]`, or 0: by its bytes, without decoding (a test checks every
/// character).
#[inline(always)]
fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match at(0) {
        b' ' | b'\t'..=b'\r' => 1,
        // U+0085, U+00A0.
        0xC2 if matches!(at(1), 0x85 | 0xA0) => 2,
        // U+1680.
        0xE1 if at(1) == 0x9A && at(2) == 0x80 => 3,
        // U+2000..U+200A, U+2028, U+2029, U+202F; U+205F.
        0xE2 if at(1) == 0x80 && matches!(at(2), 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => 3,
        0xE2 if at(1) == 0x81 && at(2) == 0x9F => 3,
        // U+3000.
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        _ => 0,
    }
}

/// Parses a printed date with its time, as a news page prints it, into an
/// instant.
///
/// Finds the first full date in `text` (see the shapes in the module docs:
/// "Thứ tư, ngày 29/03/2023 21:20 GMT+7", "07-03-2026 - 09:40 AM",
/// "March 7, 2026, 9:40 AM", …). The offset is the one printed ("GMT+7",
/// "(GMT+07:00)", "UTC-5", "+0700", "ICT"); when none is printed it is
/// +07:00 if the text is Vietnamese-shaped (it holds a marker word such as a
/// weekday "Thứ …"/"Chủ nhật", "ngày", "tháng", "năm"), else unknown.
///
/// Returns `None` when there is no full date (no year: "Ngày 4/7"), no time
/// (a date alone is not an instant), or no offset can be told.
///
/// # Example
///
/// ```
/// let dt = tinsach::parse_dateline("VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7").unwrap();
/// assert_eq!(dt.to_string(), "2023-03-29T21:20:00+07:00");
///
/// // No printed offset, but Vietnamese-shaped: +07:00.
/// let dt = tinsach::parse_dateline("Thứ Bảy, 07/03/2026 - 08:52").unwrap();
/// assert_eq!(dt.to_string(), "2026-03-07T08:52:00+07:00");
///
/// // Neither printed nor implied: the offset is unknown.
/// assert_eq!(tinsach::parse_dateline("07/03/2026 08:52"), None);
/// // No year: not a full date.
/// assert_eq!(tinsach::parse_dateline("Chiều 29/3 lúc 14:00"), None);
/// ```
pub fn parse_dateline(text: &str) -> Option<DateTime> {
    let found = find(text)?;
    let default = VI_MARKER.is_match(text).then_some(VIETNAM_OFFSET);
    found.datetime(default)
}

/// A timestamp read by [`parse_machine_full`]: the instant, and which parts
/// the string really gave.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Machine {
    /// The instant; midnight when the string had no time.
    pub datetime: DateTime,
    /// False for a date alone ("2023-11-02"): then `datetime` is midnight
    /// and must not be taken as the time of publication.
    pub has_time: bool,
    /// False when the offset is the caller's default.
    pub has_offset: bool,
}

/// Parses a machine-readable timestamp and says what it held.
///
/// Takes ISO 8601 extended and basic forms ("2025-10-22T19:25:52+07:00",
/// "2026-03-07T08:52:11.000 +07:00", "2023-11-02 19:20:45", "20231102",
/// "20231102T192045Z", "2023-11-02"), offsets "Z", "+07:00", "+0700", "+07",
/// "GMT+7"; and, failing those, any string that is one printed date as a
/// whole ("Sat, 07 Mar 2026 08:52:11 +0700", "07/03/2026 08:52"). With no
/// offset in the string, `default_offset` stands in; `None` then if there is
/// no default.
pub(crate) fn parse_machine_full(s: &str, default_offset: Option<i16>) -> Option<Machine> {
    let s = s.trim();
    parse_iso(s, default_offset).or_else(|| {
        let found = find(s).filter(|f| f.start == 0 && f.end == s.len())?;
        let off = found.offset.or(default_offset)?;
        let (h, m, sec) = found.time.unwrap_or((0, 0, 0));
        Some(Machine {
            datetime: DateTime::new(found.year, found.month, found.day, h, m, sec, off)?,
            has_time: found.time.is_some(),
            has_offset: found.offset.is_some(),
        })
    })
}

/// A cursor over the bytes of an ISO 8601 string.
struct Cursor<'a> {
    b: &'a [u8],
    i: usize,
}

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.b.get(self.i).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let hit = self.peek() == Some(byte);
        self.i += usize::from(hit);
        hit
    }

    /// Skips ASCII digits, returning how many.
    fn skip_digits(&mut self) -> usize {
        let from = self.i;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.i += 1;
        }
        self.i - from
    }

    fn skip_spaces(&mut self) -> usize {
        let from = self.i;
        while self.peek() == Some(b' ') {
            self.i += 1;
        }
        self.i - from
    }

    /// A number of `min..=max` ASCII digits (at most 4, so no overflow).
    fn digits(&mut self, min: usize, max: usize) -> Option<u32> {
        let mut v = 0;
        let mut n = 0;
        while n < max
            && let Some(b) = self.peek().filter(u8::is_ascii_digit)
        {
            v = v * 10 + u32::from(b - b'0');
            n += 1;
            self.i += 1;
        }
        (n >= min).then_some(v)
    }

    /// An offset: `Some(None)` when there is none, `None` when malformed.
    fn offset(&mut self) -> Option<Option<i16>> {
        if self.eat(b'Z') || self.eat(b'z') {
            return Some(Some(0));
        }
        let named = self.b[self.i..]
            .get(..3)
            .is_some_and(|w| w.eq_ignore_ascii_case(b"UTC") || w.eq_ignore_ascii_case(b"GMT"));
        if named {
            self.i += 3;
        }
        let negative = match self.peek() {
            Some(b'+') => false,
            Some(b'-') => true,
            _ => return Some(named.then_some(0)),
        };
        self.i += 1;
        let h = self.digits(if named { 1 } else { 2 }, 2)?;
        let m = if self.eat(b':') || self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.digits(2, 2)?
        } else {
            0
        };
        Some(Some(signed_offset(negative, h, m)?))
    }
}

/// ISO 8601 extended or basic, date with optional time and offset.
fn parse_iso(s: &str, default_offset: Option<i16>) -> Option<Machine> {
    let mut c = Cursor {
        b: s.as_bytes(),
        i: 0,
    };
    let year = c.digits(4, 4)?;
    let extended = c.eat(b'-');
    let (month, day) = if extended {
        let m = c.digits(1, 2)?;
        if !c.eat(b'-') {
            return None;
        }
        (m, c.digits(1, 2)?)
    } else {
        (c.digits(2, 2)?, c.digits(2, 2)?)
    };
    let mut time = None;
    let mark = c.i;
    let separated = c.eat(b'T') || c.eat(b't') || c.skip_spaces() > 0;
    if separated && c.peek().is_some_and(|b| b.is_ascii_digit()) {
        let h = c.digits(2, 2)?;
        let colon = c.eat(b':');
        let mi = c.digits(2, 2)?;
        let sec =
            if (colon && c.eat(b':')) || (!colon && c.peek().is_some_and(|b| b.is_ascii_digit())) {
                c.digits(2, 2)?
            } else {
                0
            };
        if (c.eat(b'.') || c.eat(b',')) && c.skip_digits() == 0 {
            return None;
        }
        time = Some((h, mi, sec));
    } else {
        c.i = mark;
    }
    c.skip_spaces();
    let printed = c.offset()?;
    c.skip_spaces();
    if c.i != c.b.len() {
        return None;
    }
    let (y, mo, d) = ymd(year, month, day)?;
    let (h, mi, sec) = time.unwrap_or((0, 0, 0));
    let off = printed.or(default_offset)?;
    Some(Machine {
        datetime: DateTime::new(
            y,
            mo,
            d,
            u8::try_from(h).ok()?,
            u8::try_from(mi).ok()?,
            u8::try_from(sec).ok()?,
            off,
        )?,
        has_time: time.is_some(),
        has_offset: printed.is_some(),
    })
}

/// The implementation before the hand-written matchers: its regexes are the
/// oracle the property tests compare the matchers with. The checks of the
/// values a match holds (`ymd`, `month_number`, `checked_clock`,
/// `signed_offset`, `core_bounded`), the rules applied after a match
/// (`offset_end`, `ClockMatch::word_end`) and the widening of a core into
/// the printed date (`widen`, with the oracle's steps) are shared with the
/// matchers, not compared: the literal cases of the tests pin them. The
/// oracle turns its captures into the matchers' `ClockMatch` and
/// `OffsetMatch` for them.
#[cfg(test)]
mod reference {
    use std::sync::LazyLock;

    use regex::{Captures, Regex};

    use super::{
        Before, Clock, ClockMatch, DATE_SEPS, Found, MONTHS, NEIGHBOUR_WEIGHT, OffsetMatch,
        SEGMENT_MARKS, Steps, THANG_YEAR_MARKS, TIME_SEPS, ZONES, alternation, char_at,
        char_before, compile, core_bounded, month_number, regex_class, signed_offset, widen,
        word_before, word_starts, ymd,
    };

    /// The calendar-date cores. Digits are `[0-9]`, never `\d`: `\d` would take
    /// any Unicode digit, which `u32::from_str` then refuses.
    static CORE: LazyLock<Regex> = LazyLock::new(|| {
        let months = alternation(MONTHS.iter().map(|(n, _)| *n));
        let date_sep = regex_class(DATE_SEPS.iter().map(|&b| char::from(b)));
        let thang_mark = regex_class(THANG_YEAR_MARKS.iter().copied());
        let alternatives = [
            // 29/03/2023, 07-03-2026, 7.3.2026 (day first; month first as a
            // fallback when the day-first reading is impossible)
            r"(?P<d1>[0-9]{1,2})(?P<s1>DATE_SEP)(?P<m1>[0-9]{1,2})(?P<t1>DATE_SEP)(?P<y1>[0-9]{4})",
            // 2024-03-24, 2026/03/07
            r"(?P<y2>[0-9]{4})(?P<s2>DATE_SEP)(?P<m2>[0-9]{1,2})(?P<t2>DATE_SEP)(?P<d2>[0-9]{1,2})",
            // 07 tháng 03 năm 2026, 7 tháng 3, 2026, 15 tháng 3/2026
            r"(?P<d3>[0-9]{1,2})\s*(?i:tháng)\s*(?P<m3>[0-9]{1,2})(?:\s+(?i:năm)\s+|\s*THANG_MARK\s*|\s+)(?P<y3>[0-9]{4})",
            // March 7, 2026; Mar. 7th 2026
            r"(?P<n4>(?i:MONTHS))\.?\s*(?P<d4>[0-9]{1,2})(?i:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y4>[0-9]{4})",
            // 7 March 2026; 7th of March, 2026; 7. März 2026; 7 de marzo de 2026
            r"(?P<d5>[0-9]{1,2})(?:\.|(?i:st|nd|rd|th|er))?\s*(?i:(?:de|of)\s+)?(?P<n5>(?i:MONTHS))\.?(?:\s*,\s*|\s+)(?i:de\s+)?(?P<y5>[0-9]{4})",
            // 2026年3月7日, 2026년 3월 7일
            r"(?P<y6>[0-9]{4})\s*[年년]\s*(?P<m6>[0-9]{1,2})\s*[月월]\s*(?P<d6>[0-9]{1,2})\s*[日일]",
        ];
        compile(
            &alternatives
                .join("|")
                .replace("MONTHS", &months)
                .replace("DATE_SEP", &date_sep)
                .replace("THANG_MARK", &thang_mark),
        )
    });

    /// A clock time: 21:20, 08:52:11.000, 08h52, 9h; then AM/PM ("SA"/"CH" are
    /// the Vietnamese sáng/chiều of some locales). The clock is its own group
    /// so that a false AM/PM ("07:00 Amsterdam") can be dropped.
    const CLOCK: &str = r"(?P<clk>(?P<h>[0-9]{1,2})(?:[:hH](?P<mi>[0-9]{2})(?::(?P<s>[0-9]{2})(?:[.,][0-9]+)?)?|[hH]))(?:\s*(?P<ap>(?i:a\.m\.|p\.m\.|am|pm)|SA|CH))?";

    /// A UTC offset: GMT/UTC with or without a signed offset, a bare signed
    /// offset, Z, or an abbreviation from [`ZONES`].
    const OFFSET: &str = r"(?P<obody>(?P<zname>(?i:GMT|UTC))(?:\s*(?P<osign>[+\-−])\s*(?P<oh>[0-9]{1,2})(?::?(?P<om>[0-9]{2}))?)?|(?P<osign2>[+\-−])(?P<oh2>[0-9]{2})(?::?(?P<om2>[0-9]{2}))?|(?P<oz>[Zz])|(?P<oabbr>ZONES))";

    fn offset_pattern() -> String {
        OFFSET.replace("ZONES", &alternation(ZONES.iter().map(|(n, _)| *n)))
    }

    /// A time right after the date: "T", or an optional separator (`,` `-` `|`
    /// `·` "lúc" "at" …) and spaces, then the clock.
    static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"^(?:[Tt]|\s*{}?\s*(?:(?i:lúc|at|um|à|alle)\s+)?){CLOCK}",
            regex_class(TIME_SEPS.iter().copied().chain(['@']))
        ))
    });

    /// An offset right after the time, possibly in brackets.
    static OFFSET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"^(?P<osp>\s*)(?P<open>[(\[]\s*)?{}(?P<close>\s*[)\]])?",
            offset_pattern()
        ))
    });

    /// A time printed before the date ("07:12 ", "08:47 | ", "14:05 GMT, ").
    static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        compile(&format!(
            r"{CLOCK}(?:\s*(?P<open>[(\[]\s*)?{}(?P<close>\s*[)\]])?)?\s*{}?\s*$",
            offset_pattern(),
            regex_class(TIME_SEPS.iter().copied())
        ))
    });

    /// "ngày" right before the date.
    static NGAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i:ngày)\s*$"));

    /// Fast reject: every full date printed has a four-digit year.
    fn has_four_digits(line: &str) -> bool {
        let digit = |b: u8| b.wrapping_sub(b'0') < 10;
        let bytes = line.as_bytes();
        let mut from = 0;
        // Runs of three digits found by the vector scan; the fourth is checked
        // here.
        while let Some(at) =
            crate::scan::next_triple(bytes, from, |x, y, z| digit(x) & digit(y) & digit(z))
        {
            if bytes.get(at + 3).is_some_and(|&b| digit(b)) {
                return true;
            }
            from = at + 1;
        }
        false
    }

    fn num(c: &Captures, name: &str) -> Option<u32> {
        // Every numeric group holds at most four ASCII digits: no overflow.
        c.name(name)?.as_str().parse().ok()
    }

    /// The calendar date of a core match, checked.
    fn core_date(c: &Captures) -> Option<(i32, u8, u8)> {
        if c.name("y1").is_some() {
            if c["s1"] != c["t1"] {
                return None;
            }
            let (a, b, y) = (num(c, "d1")?, num(c, "m1")?, num(c, "y1")?);
            // Day first, as Vietnam and most of the world print it; month first
            // only when day first is impossible (03/29/2023).
            return ymd(y, b, a).or_else(|| ymd(y, a, b));
        }
        if c.name("y2").is_some() {
            if c["s2"] != c["t2"] {
                return None;
            }
            return ymd(num(c, "y2")?, num(c, "m2")?, num(c, "d2")?);
        }
        if c.name("y3").is_some() {
            return ymd(num(c, "y3")?, num(c, "m3")?, num(c, "d3")?);
        }
        if let Some(n) = c.name("n4") {
            let m = month_number(n.as_str())?;
            return ymd(num(c, "y4")?, u32::from(m), num(c, "d4")?);
        }
        if let Some(n) = c.name("n5") {
            let m = month_number(n.as_str())?;
            return ymd(num(c, "y5")?, u32::from(m), num(c, "d5")?);
        }
        ymd(num(c, "y6")?, num(c, "m6")?, num(c, "d6")?)
    }

    /// The clock match of the clock pattern's captures.
    fn clock_match(c: &Captures) -> Option<ClockMatch> {
        Some(ClockMatch {
            h: num(c, "h")?,
            mi: num(c, "mi"),
            s: num(c, "s"),
            clk_end: c.name("clk")?.end(),
            ap: c
                .name("ap")
                .map(|m| (m.as_str().starts_with(['p', 'P', 'C']), m.end())),
        })
    }

    /// The offset of an offset match, in minutes, checked.
    fn offset_value(c: &Captures) -> Option<i16> {
        let signed = |sign: regex::Match, h: &str, m: &str| {
            signed_offset(sign.as_str() != "+", num(c, h)?, num(c, m).unwrap_or(0))
        };
        if c.name("zname").is_some() {
            c.name("osign").map_or(Some(0), |s| signed(s, "oh", "om"))
        } else if let Some(s) = c.name("osign2") {
            signed(s, "oh2", "om2")
        } else if c.name("oz").is_some() {
            Some(0)
        } else {
            let abbr = c.name("oabbr")?.as_str();
            Some(ZONES.iter().find(|(n, _)| *n == abbr)?.1)
        }
    }

    /// The offset of an offset match of `text` (its minutes, if valid) and
    /// where it really ends, by the matchers' rule ([`super::offset_end`]).
    fn offset(c: &Captures, text: &str) -> Option<(Option<i16>, usize)> {
        let m = OffsetMatch {
            value: offset_value(c),
            z: c.name("oz").is_some(),
            end: c.name("obody")?.end(),
        };
        let spaced = c.name("osp").is_some_and(|m| !m.is_empty());
        let close = c.name("close").map(|m| m.end());
        let end = super::offset_end(text, &m, spaced, c.name("open").is_some(), close)?;
        Some((m.value, end))
    }

    /// The time right after a date: the clock and the length it takes in `rest`.
    pub(super) fn time_after(rest: &str) -> Option<(Clock, usize)> {
        clock_match(&TIME_AFTER.captures(rest)?)?.word_end(rest)
    }

    /// The offset right after a time: minutes and the length it takes in `rest`.
    pub(super) fn offset_after(rest: &str) -> Option<(i16, usize)> {
        let (value, end) = offset(&OFFSET_AFTER.captures(rest)?, rest)?;
        Some((value?, end))
    }

    /// A time printed before the date, ending `prefix`.
    pub(super) fn time_before(prefix: &str) -> Option<Before> {
        let c = TIME_BEFORE.captures(prefix)?;
        let start = c.get(0)?.start();
        if !word_starts(prefix, start) || char_before(prefix, start) == Some(':') {
            return None;
        }
        let offset = match c.name("obody") {
            None => None,
            Some(_) => Some(offset(&c, prefix)?.0?),
        };
        Some(Before {
            start,
            clock: clock_match(&c)?.clock(true)?,
            offset,
        })
    }

    /// The printed date around a core match, or `None` when the core is not a
    /// real, free-standing date.
    fn grow(line: &str, c: &Captures) -> Option<Found> {
        let core = c.get(0)?;
        if !core_bounded(line, core.start(), core.end(), c.name("y6").is_some()) {
            return None;
        }
        let date = core_date(c)?;
        Some(widen(&REGEXES, line, core.start(), core.end(), date))
    }

    /// The oracle's regexes as the steps of [`widen`].
    const REGEXES: Steps = Steps {
        time_after,
        offset_after,
        ngay_before,
        time_before,
    };

    /// Finds the first full printed date (day, month and year) in a line, with
    /// the time and UTC offset when printed. Dates without a year ("Ngày 4/7")
    /// are skipped, as are impossible ones (31/02/2026): scanning goes on for a
    /// later full date. An impossible time ("25:00") is left out of the date
    /// rather than failing it.
    pub(super) fn find(line: &str) -> Option<Found> {
        if !has_four_digits(line) {
            return None;
        }
        let mut pos = 0;
        while pos < line.len() {
            let c = CORE.captures_at(line, pos)?;
            let core = c.get(0)?;
            if let Some(found) = grow(line, &c) {
                return Some(found);
            }
            pos = core.start() + char_at(line, core.start()).map_or(1, char::len_utf8);
        }
        None
    }

    /// "ngày" and spaces ending `prefix`, by the regex.
    pub(super) fn ngay_before(prefix: &str) -> Option<usize> {
        word_before(&NGAY_BEFORE, prefix)
    }

    /// A core match: start, end, date, CJK-shaped.
    pub(super) type CoreSpan = (usize, usize, Option<(i32, u8, u8)>, bool);

    /// The leftmost core match from `pos`.
    pub(super) fn core_from(line: &str, pos: usize) -> Option<CoreSpan> {
        let c = CORE.captures_at(line, pos)?;
        let m = c.get(0)?;
        Some((m.start(), m.end(), core_date(&c), c.name("y6").is_some()))
    }

    pub(super) fn share(line: &str, found: &Found) -> f32 {
        let date =
            1.0 + f32::from(u8::from(found.time.is_some()) + u8::from(found.offset.is_some()));
        // (segment, whether the word lies in the date) of each word, in order.
        let mut words: Vec<(u16, bool)> = Vec::new();
        let mut segment = 0u16;
        for (start, word) in words_of(line) {
            let alphanumeric = word.bytes().any(|b| b.is_ascii_alphanumeric())
                || !word.is_ascii() && word.chars().any(char::is_alphanumeric);
            if alphanumeric {
                let mid = start + word.len() / 2;
                words.push((segment, (found.start..found.end).contains(&mid)));
            } else if word.contains(SEGMENT_MARKS) {
                segment = segment.saturating_add(1);
            }
        }
        // The segments that hold a word of the date.
        let mut touched = vec![false; usize::from(segment) + 1];
        for &(seg, inside) in &words {
            touched[usize::from(seg)] |= inside;
        }
        let other: f32 = words
            .iter()
            .filter(|&&(_, inside)| !inside)
            .map(|&(seg, _)| {
                if touched[usize::from(seg)] {
                    1.0
                } else {
                    NEIGHBOUR_WEIGHT
                }
            })
            .sum();
        date / (date + other)
    }

    /// The whitespace-separated words of a line, with their byte offsets.
    fn words_of(line: &str) -> impl Iterator<Item = (usize, &str)> {
        line.split(char::is_whitespace)
            .scan(0usize, |pos, word| {
                let start = *pos;
                // The separator is one whitespace character: step over it.
                *pos += word.len()
                    + line[start + word.len()..]
                        .chars()
                        .next()
                        .map_or(0, char::len_utf8);
                Some((start, word))
            })
            .filter(|(_, w)| !w.is_empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The month lookups index by a name's first and last byte as small
    /// ASCII letters: a name added to [`MONTHS`] that opens or ends
    /// otherwise ("març") would make them panic on every line with a year.
    #[test]
    fn month_names_open_and_end_with_small_ascii_letters() {
        for (name, _) in MONTHS {
            let b = name.as_bytes();
            assert!(b[0].is_ascii_lowercase(), "{name}");
            assert!(b[b.len() - 1].is_ascii_lowercase(), "{name}");
        }
    }

    /// The separator lists make the classes the patterns were written
    /// with: every mark escaped, none dropped.
    #[test]
    fn regex_class_escapes_every_mark() {
        assert_eq!(regex_class(WEEKDAY_SEPS), r"[,\-–—]");
        assert_eq!(
            regex_class(TIME_SEPS.iter().copied().chain(['@'])),
            r"[,\|\-–—·•@]"
        );
        assert_eq!(
            regex_class(DATE_SEPS.iter().map(|&b| char::from(b))),
            r"[/\.\-]"
        );
        assert_eq!(regex_class(THANG_YEAR_MARKS.iter().copied()), "[,/]");
    }

    /// A found date as "YYYY-MM-DD[ HH:MM[:SS]][ ±offset-minutes]".
    fn describe(f: &Found) -> String {
        let mut s = format!("{:04}-{:02}-{:02}", f.year, f.month, f.day);
        if let Some((h, m, sec)) = f.time {
            s += &format!(" {h:02}:{m:02}");
            if sec != 0 {
                s += &format!(":{sec:02}");
            }
        }
        if let Some(o) = f.offset {
            s += &format!(" {o:+}");
        }
        s
    }

    /// (line, expected (printed text, date)) — `None`: no full date.
    const FIND: &[(&str, Option<(&str, &str)>)] = &[
        // Corpus shapes.
        (
            "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
            Some((
                "Thứ tư, ngày 29/03/2023 21:20 GMT+7",
                "2023-03-29 21:20 +420",
            )),
        ),
        (
            "Thứ Ba, 14/12/2021, 18:51 [GMT+7]",
            Some(("Thứ Ba, 14/12/2021, 18:51 [GMT+7]", "2021-12-14 18:51 +420")),
        ),
        (
            "Thứ bảy, 07/03/2026 - 08:07",
            Some(("Thứ bảy, 07/03/2026 - 08:07", "2026-03-07 08:07")),
        ),
        (
            "Thứ Bảy, 07/03/2026 - 08:52",
            Some(("Thứ Bảy, 07/03/2026 - 08:52", "2026-03-07 08:52")),
        ),
        (
            "07-03-2026 - 09:40 AM",
            Some(("07-03-2026 - 09:40 AM", "2026-03-07 09:40")),
        ),
        (
            "07-03-2026 - 00:01 AM | Thị trường chứng khoán",
            Some(("07-03-2026 - 00:01 AM", "2026-03-07 00:01")),
        ),
        (
            "07-03-2026 - 09:40 AM | Bất động sản",
            Some(("07-03-2026 - 09:40 AM", "2026-03-07 09:40")),
        ),
        (
            "07/03/2026 08:06 GMT+7",
            Some(("07/03/2026 08:06 GMT+7", "2026-03-07 08:06 +420")),
        ),
        (
            "07/03/2026 08:52 (GMT+07:00)",
            Some(("07/03/2026 08:52 (GMT+07:00)", "2026-03-07 08:52 +420")),
        ),
        (
            "07/03/2026   08:52 (GMT+07:00)",
            Some(("07/03/2026   08:52 (GMT+07:00)", "2026-03-07 08:52 +420")),
        ),
        (
            "Chủ nhật, 2/2/2025 05:01 (GMT+7)",
            Some(("Chủ nhật, 2/2/2025 05:01 (GMT+7)", "2025-02-02 05:01 +420")),
        ),
        (
            "Thứ năm, 2/11/2023, 19:20 (GMT+7)",
            Some(("Thứ năm, 2/11/2023, 19:20 (GMT+7)", "2023-11-02 19:20 +420")),
        ),
        (
            "Thứ bảy, 7/3/2026, 00:05 (GMT+7)",
            Some(("Thứ bảy, 7/3/2026, 00:05 (GMT+7)", "2026-03-07 00:05 +420")),
        ),
        (
            "07:12 ngày 24/03/2024",
            Some(("07:12 ngày 24/03/2024", "2024-03-24 07:12")),
        ),
        (
            "08:47 | 07/03/2026",
            Some(("08:47 | 07/03/2026", "2026-03-07 08:47")),
        ),
        (
            "23:02 , 06/03/2026",
            Some(("23:02 , 06/03/2026", "2026-03-06 23:02")),
        ),
        (
            "Nguyên Minh - 07/03/2026 08:47",
            Some(("07/03/2026 08:47", "2026-03-07 08:47")),
        ),
        (
            "01/03/2026 09:51",
            Some(("01/03/2026 09:51", "2026-03-01 09:51")),
        ),
        (
            "01/03/2026  09:51",
            Some(("01/03/2026  09:51", "2026-03-01 09:51")),
        ),
        (
            "Thứ Bảy, Ngày 07 tháng 03 năm 2026,",
            Some(("Thứ Bảy, Ngày 07 tháng 03 năm 2026", "2026-03-07")),
        ),
        (
            "ngày 7 tháng 3 năm 2026",
            Some(("ngày 7 tháng 3 năm 2026", "2026-03-07")),
        ),
        (
            "Thứ tư, 22/10/2025",
            Some(("Thứ tư, 22/10/2025", "2025-10-22")),
        ),
        // Beyond the corpus.
        (
            "2024-03-24 07:12",
            Some(("2024-03-24 07:12", "2024-03-24 07:12")),
        ),
        (
            "2025-10-22T19:25:52+07:00",
            Some(("2025-10-22T19:25:52+07:00", "2025-10-22 19:25:52 +420")),
        ),
        (
            "March 7, 2026, 9:40 AM",
            Some(("March 7, 2026, 9:40 AM", "2026-03-07 09:40")),
        ),
        ("7 March 2026", Some(("7 March 2026", "2026-03-07"))),
        (
            "Mar 7, 2026 09:40 GMT",
            Some(("Mar 7, 2026 09:40 GMT", "2026-03-07 09:40 +0")),
        ),
        (
            "Updated 14:05 GMT, 7 March 2026",
            Some(("14:05 GMT, 7 March 2026", "2026-03-07 14:05 +0")),
        ),
        (
            "Published March 7, 2026 12:30 PM GMT-5 by staff",
            Some(("March 7, 2026 12:30 PM GMT-5", "2026-03-07 12:30 -300")),
        ),
        (
            "7 March 2026 12:30 AM UTC+05:30",
            Some(("7 March 2026 12:30 AM UTC+05:30", "2026-03-07 00:30 +330")),
        ),
        (
            "Saturday, 7th of March, 2026 at 8:15 p.m. EST",
            Some((
                "Saturday, 7th of March, 2026 at 8:15 p.m. EST",
                "2026-03-07 20:15 -300",
            )),
        ),
        (
            "Sat, 07 Mar 2026 08:52:11 +0700",
            Some((
                "Sat, 07 Mar 2026 08:52:11 +0700",
                "2026-03-07 08:52:11 +420",
            )),
        ),
        (
            "Le samedi 7 mars 2026 à 09h40",
            Some(("samedi 7 mars 2026 à 09h40", "2026-03-07 09:40")),
        ),
        (
            "Samstag, 7. März 2026, 09:40 Uhr",
            Some(("Samstag, 7. März 2026, 09:40", "2026-03-07 09:40")),
        ),
        (
            "7 de marzo de 2026",
            Some(("7 de marzo de 2026", "2026-03-07")),
        ),
        (
            "2026年3月7日 08:52",
            Some(("2026年3月7日 08:52", "2026-03-07 08:52")),
        ),
        (
            "08h52 ngày 7/3/2026",
            Some(("08h52 ngày 7/3/2026", "2026-03-07 08:52")),
        ),
        (
            "T7, 07/03/2026 08:52 ICT",
            Some(("T7, 07/03/2026 08:52 ICT", "2026-03-07 08:52 +420")),
        ),
        (
            "07.03.2026 08:52",
            Some(("07.03.2026 08:52", "2026-03-07 08:52")),
        ),
        // Month first only when day first is impossible.
        (
            "03/29/2023 10:00",
            Some(("03/29/2023 10:00", "2023-03-29 10:00")),
        ),
        ("03/04/2023", Some(("03/04/2023", "2023-04-03"))),
        // 12-hour clock edges.
        (
            "07/03/2026 12:30 AM",
            Some(("07/03/2026 12:30 AM", "2026-03-07 00:30")),
        ),
        (
            "07/03/2026 12:30 PM",
            Some(("07/03/2026 12:30 PM", "2026-03-07 12:30")),
        ),
        (
            "07/03/2026 07:00 Amsterdam",
            Some(("07/03/2026 07:00", "2026-03-07 07:00")),
        ),
        // An impossible time is not part of the date.
        ("07/03/2026 25:00", Some(("07/03/2026", "2026-03-07"))),
        // Brackets must pair.
        (
            "07/03/2026 08:52 (GMT+7",
            Some(("07/03/2026 08:52", "2026-03-07 08:52")),
        ),
        (
            "07/03/2026 08:52 GMT+7)",
            Some(("07/03/2026 08:52 GMT+7", "2026-03-07 08:52 +420")),
        ),
        // Body sentences: the date alone, without what follows.
        (
            "Ngày 20/2/2023, FLC bị hủy niêm yết bắt buộc trên HOSE với gần 710 triệu cổ phiếu.",
            Some(("Ngày 20/2/2023", "2023-02-20")),
        ),
        (
            "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026.",
            Some(("ngày 31/01/2026", "2026-01-31")),
        ),
        // A date without a year is skipped, a later full one found.
        (
            "Ngày 4/7, hội nghị họp; ngày 5/7/2024 bế mạc",
            Some(("ngày 5/7/2024", "2024-07-05")),
        ),
        (
            "31/02/2026 rồi 01/03/2026",
            Some(("01/03/2026", "2026-03-01")),
        ),
        // No full date.
        ("Ngày 4/7", None),
        ("Chiều 29/3", None),
        ("Sáng 24-11", None),
        ("31/02/2026", None),
        ("13/13/2026", None),
        ("Nghị định số 357/2025/NĐ-CP", None),
        ("Quyết định 12/07/2024/QĐ-UBND", None),
        ("99999999999/3/2026", None),
        ("7/3/20266", None),
        ("1.234.07/03/2026", None),
        ("giá 3.000.000 đồng", None),
        ("năm 2026", None),
        ("tháng 3/2026", None),
        ("Summar 7, 2026", None),
        ("", None),
        ("1", None),
        ("2026", None),
        ("//--..", None),
        ("٠٧/٠٣/٢٠٢٦", None),
        ("０７/０３/２０２６", None),
        ("7/3/0999", None),
    ];

    #[test]
    fn find_table() {
        let mut failures = Vec::new();
        for &(line, want) in FIND {
            let got = find(line).map(|f| (f.text(line).to_string(), describe(&f)));
            let want = want.map(|(t, d)| (t.to_string(), d.to_string()));
            if got != want {
                failures.push(format!("{line:?}: got {got:?}, want {want:?}"));
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn parse_dateline_offsets() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
                Some("2023-03-29T21:20:00+07:00"),
            ),
            (
                "Thứ Bảy, 07/03/2026 - 08:52",
                Some("2026-03-07T08:52:00+07:00"),
            ),
            ("07:12 ngày 24/03/2024", Some("2024-03-24T07:12:00+07:00")),
            // Printed offset wins over the Vietnamese default.
            (
                "Thứ Bảy, 07/03/2026 08:52 GMT-5",
                Some("2026-03-07T08:52:00-05:00"),
            ),
            (
                "Updated 14:05 GMT, 7 March 2026",
                Some("2026-03-07T14:05:00Z"),
            ),
            // No printed offset, nothing Vietnamese: unknown.
            ("07/03/2026 08:52", None),
            ("March 7, 2026, 9:40 AM", None),
            // No time, no year.
            ("Thứ Bảy, Ngày 07 tháng 03 năm 2026,", None),
            ("Chiều 29/3 lúc 14:00", None),
        ];
        for &(text, want) in cases {
            let got = parse_dateline(text).map(|d| d.to_string());
            assert_eq!(got.as_deref(), want, "{text:?}");
        }
    }

    #[test]
    fn machine_table() {
        // (input, default offset, expected (RFC 3339, has_time))
        type Row = (&'static str, Option<i16>, Option<(&'static str, bool)>);
        let cases: &[Row] = &[
            (
                "2026-03-07T08:52:11.000 +07:00",
                None,
                Some(("2026-03-07T08:52:11+07:00", true)),
            ),
            (
                "2025-10-22T19:25:52+07:00",
                None,
                Some(("2025-10-22T19:25:52+07:00", true)),
            ),
            (
                "2026-03-07T00:01:00",
                Some(420),
                Some(("2026-03-07T00:01:00+07:00", true)),
            ),
            ("2026-03-07T00:01:00", None, None),
            (
                "2023-11-02 19:20:45",
                Some(420),
                Some(("2023-11-02T19:20:45+07:00", true)),
            ),
            (
                "20231102",
                Some(420),
                Some(("2023-11-02T00:00:00+07:00", false)),
            ),
            (
                "2023-11-02",
                Some(420),
                Some(("2023-11-02T00:00:00+07:00", false)),
            ),
            ("2023-11-02", None, None),
            (
                "2023-11-02T19:20:45Z",
                Some(420),
                Some(("2023-11-02T19:20:45Z", true)),
            ),
            (
                "2023-11-02T19:20:45+0700",
                None,
                Some(("2023-11-02T19:20:45+07:00", true)),
            ),
            (
                "2023-11-02T19:20+07",
                None,
                Some(("2023-11-02T19:20:00+07:00", true)),
            ),
            (
                "20231102T192045Z",
                None,
                Some(("2023-11-02T19:20:45Z", true)),
            ),
            (
                " 2023-11-02T19:20:45-05:30 ",
                None,
                Some(("2023-11-02T19:20:45-05:30", true)),
            ),
            (
                "2023-11-02T19:20:45.123456Z",
                None,
                Some(("2023-11-02T19:20:45Z", true)),
            ),
            (
                "2023-11-02T19:20:45 GMT+7",
                None,
                Some(("2023-11-02T19:20:45+07:00", true)),
            ),
            (
                "Sat, 07 Mar 2026 08:52:11 +0700",
                None,
                Some(("2026-03-07T08:52:11+07:00", true)),
            ),
            ("2023-02-30T10:00:00Z", None, None),
            ("2023-11-02T24:00:00Z", None, None),
            ("2023-11-02T19:20:45+25:00", None, None),
            ("2023-11-02T19:20:45 junk", None, None),
            ("1699000000", Some(0), None),
            ("", Some(0), None),
            ("not a date", Some(0), None),
        ];
        for &(input, def, want) in cases {
            let got = parse_machine_full(input, def).map(|m| (m.datetime.to_string(), m.has_time));
            let want = want.map(|(s, t)| (s.to_string(), t));
            assert_eq!(got, want, "{input:?}");
            assert_eq!(
                parse_machine_full(input, def).map(|m| m.datetime.to_string()),
                want.map(|(s, _)| s),
                "{input:?}"
            );
        }
    }

    #[test]
    fn share_tells_datelines_from_sentences() {
        let datelines = [
            "Thứ Bảy, 07/03/2026 - 08:52",
            "07-03-2026 - 09:40 AM | Bất động sản",
            "Nguyên Minh - 07/03/2026 08:47",
            "VTV News-Thứ tư, ngày 29/03/2023 21:20 GMT+7",
            "Thứ Bảy, Ngày 07 tháng 03 năm 2026,",
        ];
        // The examples of `share`'s documentation, with the shares it states.
        let documented = [
            ("Thứ Ba, 12/05/2026 - 08:52", 1.0),
            ("12-05-2026 - 10:15 AM | Thị trường vàng", 0.73),
            ("Lan Anh - 12/05/2026 10:15", 0.8),
            ("Quy định này có hiệu lực thi hành từ ngày 01/06/2026.", 0.1),
        ];
        for (line, want) in documented {
            let got = dateline_share(line);
            assert!((got - want).abs() < 0.01, "{line:?}: {got}");
        }
        for line in datelines {
            assert!(
                dateline_share(line) >= 0.5,
                "{line:?}: {}",
                dateline_share(line)
            );
        }
        let sentences = [
            "Ngày 20/2/2023, FLC bị hủy niêm yết bắt buộc trên HOSE với gần 710 triệu cổ phiếu.",
            "Nghị định này có hiệu lực thi hành từ ngày 31/01/2026.",
        ];
        for line in sentences {
            assert!(
                dateline_share(line) < 0.3,
                "{line:?}: {}",
                dateline_share(line)
            );
        }
        assert_eq!(dateline_share("Thứ Bảy, 07/03/2026 - 08:52"), 1.0);
        // A date in words weighs one unit, like a numeric one.
        let words = "Ngày 7 tháng 3 năm 2026, Thủ tướng ký quyết định.";
        assert!(dateline_share(words) < 0.3, "{}", dateline_share(words));
        let range = "Từ ngày 1/3/2026 - 31/3/2026, quy định áp dụng cho mọi hộ kinh doanh.";
        assert!(dateline_share(range) < 0.3, "{}", dateline_share(range));
        assert_eq!(dateline_share("Ngày 4/7"), 0.0);
        assert_eq!(dateline_share(""), 0.0);
    }

    #[test]
    fn weird_input_does_not_panic() {
        let weird = [
            "",
            " ",
            "0",
            "00000000000000000000000000",
            "99999999999/3/2026 99999999999:99999",
            "2026-99999999999-1",
            "1/1/2026 ",
            "1/1/2026 (",
            "1/1/2026 1",
            "1/1/2026 1:",
            "1/1/2026 1:1",
            "1/1/2026 12:00 GMT+",
            "1/1/2026 12:00 GMT+999999",
            "1/1/2026 12:00 GMT−7",
            "ngày ngày ngày 2026",
            "Thứ Thứ 2026/2026/2026",
            "𝟘𝟟/𝟘𝟛/𝟚𝟘𝟚𝟞 ١٢:٣٠",
            "٠٧/٠٣/٢٠٢٦ ١٢:٣٠",
            "\u{0}\u{FEFF}07/03/2026\u{200B}08:52",
            "ｘ2026年13月40日",
            "2026年",
        ];
        for s in weird {
            let _ = find(s);
            let _ = dateline_share(s);
            let _ = parse_dateline(s);
            let _ = parse_machine_full(s, Some(420));
            let _ = parse_machine_full(s, None);
            // Every byte offset, so that slicing is exercised on all
            // character boundaries.
            for (i, _) in s.char_indices() {
                let _ = find(&s[i..]);
                let _ = parse_machine_full(&s[i..], Some(0));
            }
        }
    }

    #[test]
    fn unicode_minus_offset() {
        let f = find("1/1/2026 12:00 GMT−7").expect("found");
        assert_eq!(f.offset, Some(-420));
    }

    /// Every character, in order, for scans that compare the regex crate's
    /// classes with this module's.
    fn all_chars() -> String {
        (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .collect()
    }

    #[test]
    fn space_len_reads_spaces_by_their_bytes() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let s = format!("{c}x");
            let want = if c.is_whitespace() { c.len_utf8() } else { 0 };
            let b = s.as_bytes();
            assert_eq!(space_len(b, 0), want, "{c:?}");
            if want > 0 {
                assert!(SPACE_LEADS[usize::from(b[0])], "{c:?}");
            }
        }
    }

    #[test]
    fn spaces_are_the_regex_spaces() {
        let all = all_chars();
        let by_regex: Vec<char> = Regex::new(r"\s")
            .unwrap()
            .find_iter(&all)
            .flat_map(|m| m.as_str().chars())
            .collect();
        let by_char: Vec<char> = all.chars().filter(|c| c.is_whitespace()).collect();
        assert_eq!(by_regex, by_char);
        for c in all.chars() {
            let s = c.to_string();
            assert_eq!(skip_spaces(&s, 0) == s.len(), c.is_whitespace(), "{c:?}");
        }
    }

    /// `fold` equates a character with a letter of a known word exactly when
    /// the regex crate's `(?i)` does.
    #[test]
    fn fold_is_the_regex_case_folding() {
        let mut letters: Vec<char> = MONTHS
            .iter()
            .map(|(n, _)| *n)
            .chain(WEEKDAYS.iter().copied())
            .chain([
                "tháng", "năm", "ngày", "de", "of", "st", "nd", "rd", "th", "er", "lúc", "at",
                "um", "à", "alle", "a.m.", "p.m.", "am", "pm", "gmt", "utc",
            ])
            .flat_map(str::chars)
            .filter(|c| !c.is_whitespace())
            .collect();
        letters.sort_unstable();
        letters.dedup();
        let class: String = letters
            .iter()
            .map(|c| regex::escape(&c.to_string()))
            .collect();
        let all = all_chars();
        // Every character the regexes equate with some letter, and every
        // one `fold` does.
        let mut candidates: Vec<char> = Regex::new(&format!("(?i)[{class}]"))
            .unwrap()
            .find_iter(&all)
            .flat_map(|m| m.as_str().chars())
            .chain(all.chars().filter(|&c| letters.contains(&fold(c))))
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        for x in letters {
            let re = Regex::new(&format!("(?i)^{}$", regex::escape(&x.to_string()))).unwrap();
            for &c in &candidates {
                assert_eq!(
                    re.is_match(&c.to_string()),
                    fold(c) == x,
                    "{c:?} against {x:?}"
                );
            }
        }
    }

    /// The fast rejects of `word_at` and `word_ending_at` rest on this.
    #[test]
    fn only_two_characters_beyond_ascii_fold_onto_ascii() {
        let beyond: Vec<char> = all_chars()
            .chars()
            .filter(|&c| !c.is_ascii() && fold(c).is_ascii())
            .collect();
        assert_eq!(beyond, ['ſ', '\u{212A}']);
        // And the zone names (matched as they are) are upper-case ASCII.
        assert!(
            ZONES
                .iter()
                .all(|(n, _)| n.bytes().all(|b| b.is_ascii_uppercase()))
        );
        assert_eq!("ſ".as_bytes(), [0xC5, 0xBF]);
        assert_eq!("\u{212A}".as_bytes(), [0xE2, 0x84, 0xAA]);
    }

    /// Pieces of date-like text: whole dates, times and offsets, and the
    /// bits they are made of, so that random joins hit every branch of the
    /// grammar and its edges.
    const PIECES: &[&str] = &[
        "7/3/2026",
        "29.03.2023",
        "07-03-2026",
        "03/29/2023",
        "31/02/2026",
        "2024-03-24",
        "2026/03/07",
        "2026.3.7",
        "7 tháng 3 năm 2026",
        "07 THÁNG 03, 2026",
        "15 tháng 3/2026",
        "March 7, 2026",
        "Mar. 7th 2026",
        "7 March 2026",
        "7th of March, 2026",
        "7. März 2026",
        "7 de marzo de 2026",
        "2026年3月7日",
        "2026 년 3 월 7 일",
        "12/07/2024/QĐ",
        "1.234.07/03/2026",
        "08:52",
        "21:20:11",
        "08:52:11.000",
        "9h",
        "12h30",
        "12:30 AM",
        "9:40 p.m.",
        "10:00 PM",
        "25:00",
        "08:47 |",
        "07:12 ngày",
        "14:05 GMT,",
        "GMT+7",
        "(GMT+07:00)",
        "[GMT+7]",
        "GMT-5",
        "UTC+05:30",
        "+0700",
        "-05:00",
        "Z",
        "ICT",
        "EST",
        "CEST",
        "AEDT",
        "GMT−7",
        "T",
        "t",
        "h",
        "H",
        "Z",
        "z",
        "a.m.",
        "am",
        "PM",
        "SA",
        "CH",
        "lúc",
        "LÚC",
        "at",
        "um",
        "à",
        "À",
        "alle",
        "tháng",
        "Tháng",
        "THÁNG",
        "năm",
        "Năm",
        "ngày",
        "Ngày",
        "NGÀY",
        "de",
        "DE",
        "of",
        "st",
        "nd",
        "rd",
        "th",
        "er",
        "Thứ tư",
        "thứ 2",
        "Chủ nhật",
        "T7",
        "CN",
        "Sat",
        "Monday",
        "samedi",
        "March",
        "MARCH",
        "mar",
        "Mar.",
        "sept",
        "ſept",
        "oKtober",
        "o\u{212A}tober",
        "décembre",
        "DÉCEMBRE",
        "märz",
        "août",
        "mai",
        "marzo",
        "Summar",
        "年",
        "년",
        "月",
        "월",
        "日",
        "일",
        "0",
        "1",
        "7",
        "12",
        "29",
        "03",
        "123",
        "2026",
        "1999",
        "20266",
        "0999",
        "99999",
        "/",
        ".",
        "-",
        ",",
        ":",
        ";",
        "|",
        "–",
        "—",
        "·",
        "•",
        "@",
        "(",
        ")",
        "[",
        "]",
        "+",
        "−",
        " ",
        " ",
        " ",
        "  ",
        "\u{A0}",
        "\u{3000}",
        "\t",
        "\n",
        "x",
        "é",
        "ư",
        "ỳ",
        "Ĩ",
        "中",
        "đồng",
        "Nghị định",
        "VTV News-",
    ];

    /// One of `options`, as a strategy.
    fn one(options: &'static [&'static str]) -> proptest::sample::Select<&'static str> {
        proptest::sample::select(options)
    }

    const SPACES: &[&str] = &["", " ", "  ", "\u{A0}", "\t", "\u{3000}"];
    const DAYS: &[&str] = &["7", "07", "3", "12", "31", "123", "0", ""];
    const YEARS_PRINTED: &[&str] = &["2026", "1999", "20266", "999", "0999", "2999", "3000"];
    const NAMES: &[&str] = &[
        "March",
        "MARCH",
        "mar",
        "Mar",
        "sept",
        "Sept",
        "ſept",
        "September",
        "sep",
        "oKtober",
        "o\u{212A}tober",
        "décembre",
        "DÉCEMBRE",
        "märz",
        "août",
        "mai",
        "Mai",
        "marzo",
        "enero",
        "Summar",
        "janv",
        "jänner",
        "xyz",
        "",
    ];
    const YEAR_SEPS: &[&str] = &[",", " ,", ", ", " , ", "", " ", "  ", ";", ",,"];

    /// A date core in one of the grammar's shapes, with near misses.
    fn core_like() -> impl proptest::strategy::Strategy<Value = String> {
        let month_first = (
            one(NAMES),
            one(&["", ".", ".."]),
            one(SPACES),
            one(DAYS),
            one(&["", "st", "nd", "rd", "th", "TH", "ſt", "er", "."]),
            one(YEAR_SEPS),
            one(YEARS_PRINTED),
        )
            .prop_map(|(n, d, w, day, x, sep, y)| format!("{n}{d}{w}{day}{x}{sep}{y}"));
        let day_first = (
            one(DAYS),
            one(&["", ".", "st", "nd", "rd", "th", "er", "ER", "x"]),
            one(SPACES),
            one(&["", "de ", "DE ", "of ", "Of ", "de", "of  "]),
            one(NAMES),
            one(&["", ".", ".."]),
            one(YEAR_SEPS),
            one(&["", "de ", "De  ", "de"]),
            one(YEARS_PRINTED),
        )
            .prop_map(|(day, x, w, of, n, d, sep, de, y)| {
                format!("{day}{x}{w}{of}{n}{d}{sep}{de}{y}")
            });
        let thang = (
            one(DAYS),
            one(SPACES),
            one(&["tháng", "Tháng", "THÁNG", "thang"]),
            one(SPACES),
            one(DAYS),
            one(&[
                " năm ", "  NĂM  ", "năm", " năm", ", ", "/", " / ", " ", "", ",/",
            ]),
            one(YEARS_PRINTED),
        )
            .prop_map(|(d, w1, t, w2, m, sep, y)| format!("{d}{w1}{t}{w2}{m}{sep}{y}"));
        let numeric = (
            one(DAYS),
            one(&["/", ".", "-", "x", "//"]),
            one(DAYS),
            one(&["/", ".", "-", "x"]),
            one(YEARS_PRINTED),
            proptest::bool::ANY,
        )
            .prop_map(|(d, s, m, t, y, year_first)| {
                if year_first {
                    format!("{y}{s}{m}{t}{d}")
                } else {
                    format!("{d}{s}{m}{t}{y}")
                }
            });
        let cjk = (
            one(YEARS_PRINTED),
            one(SPACES),
            one(&["年", "년", "x"]),
            one(DAYS),
            one(&["月", "월", " 月 "]),
            one(DAYS),
            one(&["日", "일", ""]),
        )
            .prop_map(|(y, w, a, m, b, d, c)| format!("{y}{w}{a}{w}{m}{b}{d}{w}{c}"));
        proptest::prop_oneof![month_first, day_first, thang, numeric, cjk]
    }

    /// A clock or an offset in the grammar's shapes, with near misses.
    fn time_like() -> impl proptest::strategy::Strategy<Value = String> {
        let clock = (
            one(&["8", "08", "12", "00", "23", "25", "123", ""]),
            one(&[":", "h", "H", "", "."]),
            one(&["52", "5", "00", "60", ""]),
            one(&["", ":11", ":60", ":1", ":11.000", ":11,5", ":11."]),
            one(SPACES),
            one(&[
                "",
                "AM",
                "am",
                "a.m.",
                "P.M.",
                "pm",
                "SA",
                "CH",
                "Sa",
                "ch",
                "Amsterdam",
            ]),
        )
            .prop_map(|(h, c, m, s, w, ap)| format!("{h}{c}{m}{s}{w}{ap}"));
        let offset = (
            one(SPACES),
            one(&["", "(", "[", "( "]),
            one(&[
                "GMT", "gmt", "UTC", "Utc", "", "Z", "z", "ICT", "CEST", "Cest", "XYZ",
            ]),
            one(&["", " "]),
            one(&["", "+", "-", "−", "+ "]),
            one(&["", "7", "07", "0700", "070", "7:30", "07:00", "19", "99"]),
            one(&["", ")", " ]", "]"]),
        )
            .prop_map(|(w, o, n, s1, sign, num, c)| format!("{w}{o}{n}{s1}{sign}{num}{c}"));
        proptest::prop_oneof![clock, offset]
    }

    /// Random joins of [`PIECES`] and of generated cores, clocks and
    /// offsets.
    fn date_like() -> impl proptest::strategy::Strategy<Value = String> {
        let piece = proptest::prop_oneof![
            3 => proptest::sample::select(PIECES).prop_map(str::to_string),
            2 => core_like(),
            2 => time_like(),
        ];
        proptest::collection::vec(piece, 0..8).prop_map(|pieces| pieces.concat())
    }

    use proptest::strategy::Strategy as _;

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]

        /// `find` and `share` give what the regex implementation gave.
        #[test]
        fn find_agrees_with_the_regexes(line in date_like()) {
            let got = find(&line);
            proptest::prop_assert_eq!(&got, &reference::find(&line));
            if let Some(found) = &got {
                proptest::prop_assert_eq!(
                    share(&line, found).to_bits(),
                    reference::share(&line, found).to_bits()
                );
            }
        }

        /// `share` weighs words as it did, for any range in any line.
        #[test]
        fn share_agrees_with_the_reference(
            line in date_like(),
            a in 0usize..200,
            b in 0usize..200,
            time in proptest::bool::ANY,
            offset in proptest::bool::ANY,
        ) {
            let bounds: Vec<usize> = line.char_indices().map(|(i, _)| i).chain([line.len()]).collect();
            let (a, b) = (bounds[a % bounds.len()], bounds[b % bounds.len()]);
            let found = Found {
                start: a.min(b),
                end: a.max(b),
                year: 2026,
                month: 3,
                day: 7,
                time: time.then_some((8, 52, 0)),
                offset: offset.then_some(420),
            };
            proptest::prop_assert_eq!(
                share(&line, &found).to_bits(),
                reference::share(&line, &found).to_bits()
            );
        }

        /// The core starts and matchers find, from every offset, the match
        /// the core regex finds.
        #[test]
        fn cores_agree_with_the_regex(line in date_like()) {
            let starts = core_starts(&line);
            for (pos, _) in line.char_indices() {
                let got = starts.as_slice().iter().filter(|&&s| s >= pos).find_map(|&s| {
                    core_at(&line, s).map(|m| (s, m.end, m.date, m.cjk))
                });
                proptest::prop_assert_eq!(got, reference::core_from(&line, pos), "from {}", pos);
            }
        }

        /// The pieces around a core agree with their regexes, at every
        /// split of the line.
        #[test]
        fn surroundings_agree_with_the_regexes(line in date_like()) {
            for (at, _) in line.char_indices().chain([(line.len(), ' ')]) {
                let (prefix, rest) = line.split_at(at);
                proptest::prop_assert_eq!(time_after(rest), reference::time_after(rest));
                proptest::prop_assert_eq!(offset_after(rest), reference::offset_after(rest));
                proptest::prop_assert_eq!(
                    time_before(prefix).map(|b| (b.start, b.clock, b.offset)),
                    reference::time_before(prefix).map(|b| (b.start, b.clock, b.offset))
                );
                proptest::prop_assert_eq!(ngay_before(prefix), reference::ngay_before(prefix));
                // The weekday pattern's fast reject never skips a match.
                proptest::prop_assert!(
                    !WEEKDAY_BEFORE.is_match(prefix) || may_end_with_weekday(prefix),
                    "{:?}",
                    prefix
                );
            }
        }
    }

    #[test]
    fn find_table_agrees_with_the_regexes() {
        for &(line, _) in FIND {
            assert_eq!(find(line), reference::find(line), "{line:?}");
        }
    }

    /// More than the eight starts [`Starts`] keeps on the stack: the
    /// starts spill to the heap, come in order without repeats, and the
    /// valid date after nine impossible ones is found, as the regexes find
    /// it.
    #[test]
    fn many_starts_spill_in_order() {
        let line = format!("{}07/03/2026 08:52", "31/02/2026 ".repeat(9));
        let starts = core_starts(&line);
        assert!(!starts.more.is_empty(), "the heap path was not taken");
        assert!(starts.as_slice().windows(2).all(|w| w[0] < w[1]));
        let found = find(&line).expect("the valid date is found");
        assert_eq!(found.text(&line), "07/03/2026 08:52");
        assert_eq!(describe(&found), "2026-03-07 08:52");
        assert_eq!(Some(found), reference::find(&line));
    }

    #[test]
    fn core_starts_skips_lines_without_a_core() {
        assert!(core_starts("Chiều 29/3, lúc 14:00").as_slice().is_empty());
        assert!(core_starts("năm 2026").as_slice().is_empty());
        assert!(
            core_starts("giá 3.000.000 đồng, năm 2026, kỳ 2026 - 2031")
                .as_slice()
                .is_empty()
        );
        assert_eq!(
            core_starts("ngày 7 tháng 3 năm 2026").as_slice(),
            ["ngày ".len()]
        );
    }
}
