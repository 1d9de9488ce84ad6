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

use std::ops::RangeInclusive;
use std::sync::LazyLock;

use regex::{Captures, Regex};

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

/// Joins names into a regex alternation, longest first so that "september"
/// is tried before "sep"; a space in a name matches any whitespace run.
fn alternation<'a>(names: impl Iterator<Item = &'a str>) -> String {
    let mut names: Vec<&str> = names.collect();
    names.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    names.dedup();
    names
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

/// The calendar-date cores. Digits are `[0-9]`, never `\d`: `\d` would take
/// any Unicode digit, which `u32::from_str` then refuses.
static CORE: LazyLock<Regex> = LazyLock::new(|| {
    let months = alternation(MONTHS.iter().map(|(n, _)| *n));
    let alternatives = [
        // 29/03/2023, 07-03-2026, 7.3.2026 (day first; month first as a
        // fallback when the day-first reading is impossible)
        r"(?P<d1>[0-9]{1,2})(?P<s1>[/.\-])(?P<m1>[0-9]{1,2})(?P<t1>[/.\-])(?P<y1>[0-9]{4})",
        // 2024-03-24, 2026/03/07
        r"(?P<y2>[0-9]{4})(?P<s2>[/.\-])(?P<m2>[0-9]{1,2})(?P<t2>[/.\-])(?P<d2>[0-9]{1,2})",
        // 07 tháng 03 năm 2026, 7 tháng 3, 2026, 15 tháng 3/2026
        r"(?P<d3>[0-9]{1,2})\s*(?i:tháng)\s*(?P<m3>[0-9]{1,2})(?:\s+(?i:năm)\s+|\s*[,/]\s*|\s+)(?P<y3>[0-9]{4})",
        // March 7, 2026; Mar. 7th 2026
        r"(?P<n4>(?i:MONTHS))\.?\s*(?P<d4>[0-9]{1,2})(?i:st|nd|rd|th)?(?:\s*,\s*|\s+)(?P<y4>[0-9]{4})",
        // 7 March 2026; 7th of March, 2026; 7. März 2026; 7 de marzo de 2026
        r"(?P<d5>[0-9]{1,2})(?:\.|(?i:st|nd|rd|th|er))?\s*(?i:(?:de|of)\s+)?(?P<n5>(?i:MONTHS))\.?(?:\s*,\s*|\s+)(?i:de\s+)?(?P<y5>[0-9]{4})",
        // 2026年3月7日, 2026년 3월 7일
        r"(?P<y6>[0-9]{4})\s*[年년]\s*(?P<m6>[0-9]{1,2})\s*[月월]\s*(?P<d6>[0-9]{1,2})\s*[日일]",
    ];
    compile(&alternatives.join("|").replace("MONTHS", &months))
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
        r"^(?:[Tt]|\s*[,|\-–—·•@]?\s*(?:(?i:lúc|at|um|à|alle)\s+)?){CLOCK}"
    ))
});

/// An offset right after the time, possibly in brackets.
static OFFSET_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"^(?P<osp>\s*)(?P<open>[(\[]\s*)?{}(?P<close>\s*[)\]])?",
        offset_pattern()
    ))
});

/// A time printed before the date ("07:12 ngày", "08:47 | ", "14:05 GMT, ").
static TIME_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"{CLOCK}(?:\s*(?P<open>[(\[]\s*)?{}(?P<close>\s*[)\]])?)?\s*[,|\-–—·•]?\s*$",
        offset_pattern()
    ))
});

/// "ngày" right before the date.
static NGAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| compile(r"(?i:ngày)\s*$"));

/// A weekday and its separator right before the date (or the time).
static WEEKDAY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?i:{})\.?\s*[,\-–—]?\s*$",
        alternation(WEEKDAYS.iter().copied())
    ))
});

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

/// The clock of a clock match, checked.
fn clock(c: &Captures, with_ampm: bool) -> Option<Clock> {
    let h = u8::try_from(num(c, "h")?).ok()?;
    let mi = u8::try_from(num(c, "mi").unwrap_or(0)).ok()?;
    let s = u8::try_from(num(c, "s").unwrap_or(0)).ok()?;
    let h = match c.name("ap").filter(|_| with_ampm).map(|m| m.as_str()) {
        None => h,
        Some(ap) => {
            let pm = ap.starts_with(['p', 'P', 'C']);
            match h {
                // "12:30 AM" is 00:30, "12:30 PM" is 12:30, "00:01 AM" 00:01.
                12 => {
                    if pm {
                        12
                    } else {
                        0
                    }
                }
                0..=11 if pm => h + 12,
                // "13:00 PM": the clock is already 24-hour.
                _ => h,
            }
        }
    };
    (h <= 23 && mi <= 59 && s <= 60).then_some((h, mi, s))
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

/// Where an offset match really ends, or `None` when it is not one: brackets
/// must pair, "Z" must touch the time, and a zone name must end a word.
fn offset_end(c: &Captures, text: &str) -> Option<usize> {
    let body = c.name("obody")?;
    if !word_ends(text, body.end()) {
        return None;
    }
    let spaced = c.name("osp").is_some_and(|m| !m.is_empty());
    if c.name("oz").is_some() && (spaced || c.name("open").is_some()) {
        return None;
    }
    match (c.name("open"), c.name("close")) {
        (Some(_), Some(close)) => Some(close.end()),
        (Some(_), None) => None,
        _ => Some(body.end()),
    }
}

/// The time right after a date: the clock and the length it takes in `rest`.
fn time_after(rest: &str) -> Option<(Clock, usize)> {
    let c = TIME_AFTER.captures(rest)?;
    let clk = c.name("clk")?;
    match c.name("ap") {
        Some(ap) if word_ends(rest, ap.end()) => Some((clock(&c, true)?, ap.end())),
        _ if word_ends(rest, clk.end()) => Some((clock(&c, false)?, clk.end())),
        _ => None,
    }
}

/// The offset right after a time: minutes and the length it takes in `rest`.
fn offset_after(rest: &str) -> Option<(i16, usize)> {
    let c = OFFSET_AFTER.captures(rest)?;
    let end = offset_end(&c, rest)?;
    Some((offset_value(&c)?, end))
}

/// A time printed before the date: where it starts, the clock, the offset.
struct Before {
    start: usize,
    clock: Clock,
    offset: Option<i16>,
}

/// A time printed before the date, ending `prefix`.
fn time_before(prefix: &str) -> Option<Before> {
    let c = TIME_BEFORE.captures(prefix)?;
    let start = c.get(0)?.start();
    if !word_starts(prefix, start) || char_before(prefix, start) == Some(':') {
        return None;
    }
    let offset = match c.name("obody") {
        None => None,
        Some(_) => {
            offset_end(&c, prefix)?;
            Some(offset_value(&c)?)
        }
    };
    Some(Before {
        start,
        clock: clock(&c, true)?,
        offset,
    })
}

/// Where a pattern anchored at the end of `prefix` starts, if it starts a
/// word.
fn word_before(re: &Regex, prefix: &str) -> Option<usize> {
    let start = re.find(prefix)?.start();
    word_starts(prefix, start).then_some(start)
}

/// The printed date around a core match, or `None` when the core is not a
/// real, free-standing date.
fn grow(line: &str, c: &Captures) -> Option<Found> {
    let core = c.get(0)?;
    if !core_bounded(line, core.start(), core.end(), c.name("y6").is_some()) {
        return None;
    }
    let (year, month, day) = core_date(c)?;
    let mut end = core.end();
    let mut time = None;
    let mut offset = None;
    if let Some((t, len)) = time_after(&line[end..]) {
        time = Some(t);
        end += len;
        if let Some((o, len)) = offset_after(&line[end..]) {
            offset = Some(o);
            end += len;
        }
    }
    let mut start = core.start();
    if let Some(s) = word_before(&NGAY_BEFORE, &line[..start]) {
        start = s;
    }
    if time.is_none()
        && let Some(before) = time_before(&line[..start])
    {
        start = before.start;
        time = Some(before.clock);
        offset = before.offset;
    }
    if let Some(s) = word_before(&WEEKDAY_BEFORE, &line[..start]) {
        start = s;
    }
    Some(Found {
        start,
        end,
        year,
        month,
        day,
        time,
        offset,
    })
}

/// Finds the first full printed date (day, month and year) in a line, with
/// the time and UTC offset when printed. Dates without a year ("Ngày 4/7")
/// are skipped, as are impossible ones (31/02/2026): scanning goes on for a
/// later full date. An impossible time ("25:00") is left out of the date
/// rather than failing it.
pub(crate) fn find(line: &str) -> Option<Found> {
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

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn fast_reject_without_year_digits() {
        assert!(!has_four_digits("Chiều 29/3, lúc 14:00"));
        assert!(has_four_digits("năm 2026"));
    }
}
