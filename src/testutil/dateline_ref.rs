//! The implementation before the hand-written matchers: its regexes are the
//! oracle the property tests compare the matchers with. The checks of the
//! values a match holds (`ymd`, `month_number`, `checked_clock`,
//! `signed_offset`, `core_bounded`), the rules applied after a match
//! (`offset_end`, `ClockMatch::word_end`) and the widening of a core into
//! the printed date (`widen`, with the oracle's steps) are shared with the
//! matchers, not compared: the literal cases of the tests pin them. The
//! oracle turns its captures into the matchers' `ClockMatch` and
//! `OffsetMatch` for them.
use std::sync::LazyLock;

use regex::{Captures, Regex};

use super::{
    Before, Clock, ClockMatch, DATE_SEPS, Found, MONTHS, NEIGHBOUR_WEIGHT, OffsetMatch,
    SEGMENT_MARKS, Steps, THANG_YEAR_MARKS, TIME_SEPS, ZONES, alternation, char_at, char_before,
    compile, core_bounded, month_number, regex_class, signed_offset, widen, word_before,
    word_starts, ymd,
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
    let date = 1.0 + f32::from(u8::from(found.time.is_some()) + u8::from(found.offset.is_some()));
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
