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
//! The words these patterns know are data tables in `crate::data::dates` ([`WEEKDAYS`],
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

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

pub(crate) use crate::data::dates::VIETNAM_OFFSET;
use crate::data::dates::*;
use crate::datetime::{
    DateTime, Machine, OffsetSource, PageDate, parse_iso, parse_iso_parts, signed_offset, ymd,
};

mod clock;
mod shapes;
mod share;

use clock::*;
use shapes::*;
pub(crate) use share::share;
#[cfg(test)]
use share::*;

/// The regex implementation the matchers replaced: the oracle of the
/// property tests (test-only code, kept with the other references).
#[cfg(test)]
#[path = "../../testutil/dateline_ref.rs"]
mod reference;

#[cfg(test)]
mod tests;

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

    /// The date at the precision printed, with the offset printed (or none).
    pub fn page_date(&self) -> Option<PageDate> {
        PageDate::new(
            self.year,
            self.month,
            self.day,
            self.time,
            self.offset,
            OffsetSource::Printed,
        )
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

/// Reads a machine-readable timestamp at the precision it has, like
/// [`parse_machine_full`] but keeping a date without a time and a time
/// without an offset.
pub(crate) fn parse_machine_parts(s: &str) -> Option<PageDate> {
    let s = s.trim();
    parse_iso_parts(s).or_else(|| {
        let found = find(s).filter(|f| f.start == 0 && f.end == s.len())?;
        found.page_date()
    })
}
