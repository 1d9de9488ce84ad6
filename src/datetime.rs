//! [`DateTime`], the instant an article gives, and the machine-readable
//! timestamps (ISO 8601, as in `<meta>` and JSON-LD) it is read from. The
//! printed dates of a page are found in [`crate::recognize::dateline`],
//! which builds on this.

use std::fmt;
use std::ops::RangeInclusive;

/// A calendar date and wall-clock time with its offset from UTC.
///
/// Formats as RFC 3339 (`2023-03-29T21:20:00+07:00`). Fields are checked on
/// construction: every value of this type is a real date and time.
///
/// With the `serde` feature it serialises as its RFC 3339 string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DateTime {
    year: i32,
    month: u8,
    day: u8,
    hour: u8,
    minute: u8,
    second: u8,
    offset_minutes: i16,
}

impl DateTime {
    /// Builds a date-time, or `None` when a field is out of range (month 13,
    /// 30 February, hour 24, an offset beyond ±18 hours…).
    pub fn new(
        year: i32,
        month: u8,
        day: u8,
        hour: u8,
        minute: u8,
        second: u8,
        offset_minutes: i16,
    ) -> Option<DateTime> {
        if !(1..=9999).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 60
            || offset_minutes.unsigned_abs() > 18 * 60
        {
            return None;
        }
        Some(DateTime {
            year,
            month,
            day,
            hour,
            minute,
            second,
            offset_minutes,
        })
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
    /// The hour, 0 to 23.
    pub fn hour(&self) -> u8 {
        self.hour
    }
    /// The minute, 0 to 59.
    pub fn minute(&self) -> u8 {
        self.minute
    }
    /// The second, 0 to 60 (a leap second).
    pub fn second(&self) -> u8 {
        self.second
    }
    /// The offset from UTC in minutes (+07:00 is 420).
    pub fn offset_minutes(&self) -> i16 {
        self.offset_minutes
    }

    /// Minutes since 1970-01-01T00:00Z, for comparing instants.
    pub fn unix_minutes(&self) -> i64 {
        let days = days_from_civil(self.year, self.month, self.day);
        days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
            - i64::from(self.offset_minutes)
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}",
            self.year, self.month, self.day, self.hour, self.minute, self.second
        )?;
        if self.offset_minutes == 0 {
            return f.write_str("Z");
        }
        let sign = if self.offset_minutes < 0 { '-' } else { '+' };
        let off = self.offset_minutes.unsigned_abs();
        write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)
    }
}

/// A date as the page gives it, at the precision it gives it: a day, or a
/// day and a wall-clock time; with its offset from UTC when the page prints
/// one, or when the page's language implies one (Vietnamese pages: +07:00),
/// else none. Unlike [`DateTime`], which is a full instant, no date a page
/// gives is dropped for lack of a time or an offset.
///
/// Formats as ISO 8601 at its precision: `2016-02-01`, `2016-02-01T01:28`,
/// `2016-02-01T01:28+07:00`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct PageDate {
    year: i32,
    month: u8,
    day: u8,
    /// Hour, minute, second.
    time: Option<(u8, u8, u8)>,
    /// Minutes from UTC.
    offset: Option<i16>,
    offset_source: OffsetSource,
}

/// How precise a [`PageDate`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum Precision {
    /// A calendar day, no time.
    Day,
    /// A wall-clock time to the minute (or the second).
    Minute,
}

/// Where the offset of a [`PageDate`] comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "snake_case"))]
#[non_exhaustive]
pub enum OffsetSource {
    /// Printed with the date, or in the page's metadata for the same time.
    Printed,
    /// Implied by the page: the offset of the country its language names
    /// (a Vietnamese page that prints none means +07:00).
    Assumed,
    /// Neither printed nor implied: the date is a local wall-clock time.
    Unknown,
}

impl PageDate {
    /// Builds a date, or `None` when a field is out of range. An offset of
    /// `None` makes the source [`OffsetSource::Unknown`].
    pub(crate) fn new(
        year: i32,
        month: u8,
        day: u8,
        time: Option<(u8, u8, u8)>,
        offset: Option<i16>,
        source: OffsetSource,
    ) -> Option<PageDate> {
        let (h, mi, sec) = time.unwrap_or((0, 0, 0));
        // The same checks as a full instant's.
        DateTime::new(year, month, day, h, mi, sec, offset.unwrap_or(0))?;
        Some(PageDate {
            year,
            month,
            day,
            time,
            offset,
            offset_source: if offset.is_some() {
                source
            } else {
                OffsetSource::Unknown
            },
        })
    }

    /// The same date with an offset the page implies, when it has none.
    pub(crate) fn assume_offset(mut self, offset: Option<i16>) -> PageDate {
        if self.offset.is_none() && offset.is_some() {
            self.offset = offset;
            self.offset_source = OffsetSource::Assumed;
        }
        self
    }

    /// The year.
    pub fn year(&self) -> i32 {
        self.year
    }
    /// The month, 1 to 12.
    pub fn month(&self) -> u8 {
        self.month
    }
    /// The day of the month, from 1.
    pub fn day(&self) -> u8 {
        self.day
    }
    /// The wall-clock time (hour, minute), when the page gives one.
    pub fn time(&self) -> Option<(u8, u8)> {
        self.time.map(|(h, m, _)| (h, m))
    }
    /// A day, or a time to the minute.
    pub fn precision(&self) -> Precision {
        if self.time.is_some() {
            Precision::Minute
        } else {
            Precision::Day
        }
    }
    /// The offset from UTC in minutes, printed or assumed (see
    /// [`PageDate::offset_source`]); `None` when neither.
    pub fn offset_minutes(&self) -> Option<i16> {
        self.offset
    }
    /// Whether the offset was printed, assumed from the page's language, or
    /// is unknown.
    pub fn offset_source(&self) -> OffsetSource {
        self.offset_source
    }
    /// The full instant, when the page gives a time and an offset (printed
    /// or assumed).
    pub fn to_datetime(&self) -> Option<DateTime> {
        let (h, mi, sec) = self.time?;
        DateTime::new(self.year, self.month, self.day, h, mi, sec, self.offset?)
    }
}

impl From<DateTime> for PageDate {
    /// A full instant, as a date with its printed offset.
    fn from(d: DateTime) -> PageDate {
        PageDate {
            year: d.year,
            month: d.month,
            day: d.day,
            time: Some((d.hour, d.minute, d.second)),
            offset: Some(d.offset_minutes),
            offset_source: OffsetSource::Printed,
        }
    }
}

impl fmt::Display for PageDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)?;
        let Some((h, mi, _)) = self.time else {
            return Ok(());
        };
        write!(f, "T{h:02}:{mi:02}")?;
        match self.offset {
            None => Ok(()),
            Some(0) => f.write_str("Z"),
            Some(off) => {
                let sign = if off < 0 { '-' } else { '+' };
                let off = off.unsigned_abs();
                write!(f, "{sign}{:02}:{:02}", off / 60, off % 60)
            }
        }
    }
}

/// The error of parsing a [`DateTime`] from a string that is not RFC 3339
/// with a time and an offset.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not an RFC 3339 date-time with an offset: {input:?}")]
pub struct ParseDateTimeError {
    input: String,
}

impl std::str::FromStr for DateTime {
    type Err = ParseDateTimeError;

    /// Parses RFC 3339 (`2023-03-29T21:20:00+07:00`, `…Z`); the ISO 8601
    /// variants pages use (a space for `T`, `+0700`, fractional seconds)
    /// are accepted too. A date without a time or offset is an error.
    fn from_str(s: &str) -> Result<DateTime, ParseDateTimeError> {
        parse_iso(s.trim(), None)
            .filter(|m| m.has_time)
            .map(|m| m.datetime)
            .ok_or_else(|| ParseDateTimeError {
                input: s.to_string(),
            })
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl serde::Serialize for DateTime {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(feature = "serde")]
#[cfg_attr(docsrs, doc(cfg(feature = "serde")))]
impl<'de> serde::Deserialize<'de> for DateTime {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<DateTime, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

pub(crate) fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub(crate) fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// algorithm).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let y = i64::from(year) - i64::from(month <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(month);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// Years accepted in a printed date. Wider than any news page needs, yet it
/// keeps number runs like "12/3/4567" (a code, not a date) out.
pub(crate) const YEARS: RangeInclusive<u32> = 1000..=2999;

/// A real (year, month, day), or `None`.
pub(crate) fn ymd(year: u32, month: u32, day: u32) -> Option<(i32, u8, u8)> {
    let year = i32::try_from(year).ok().filter(|_| YEARS.contains(&year))?;
    let month = u8::try_from(month).ok().filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(day).ok()?;
    (day >= 1 && day <= days_in_month(year, month)).then_some((year, month, day))
}

/// A signed offset of `h` hours and `m` minutes, in minutes, or `None` past
/// the ±18 hours a [`DateTime`] allows.
pub(crate) fn signed_offset(negative: bool, h: u32, m: u32) -> Option<i16> {
    if m > 59 {
        return None;
    }
    let v = i16::try_from(h.checked_mul(60)?.checked_add(m)?)
        .ok()
        .filter(|v| *v <= 18 * 60)?;
    Some(if negative { -v } else { v })
}

/// A timestamp read by [`parse_machine_full`](crate::recognize::dateline::parse_machine_full): the instant, and which parts
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

/// ISO 8601 extended or basic, date with optional time and offset: the
/// parts the string gives, checked.
pub(crate) fn parse_iso_parts(s: &str) -> Option<PageDate> {
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
    let time = match time {
        Some((h, mi, sec)) => Some((
            u8::try_from(h).ok()?,
            u8::try_from(mi).ok()?,
            u8::try_from(sec).ok()?,
        )),
        None => None,
    };
    PageDate::new(y, mo, d, time, printed, OffsetSource::Printed)
}

/// ISO 8601 extended or basic, date with optional time and offset; with no
/// offset in the string, `default_offset` stands in (`None` then if there is
/// no default).
pub(crate) fn parse_iso(s: &str, default_offset: Option<i16>) -> Option<Machine> {
    let parts = parse_iso_parts(s)?;
    let (h, mi, sec) = parts.time.unwrap_or((0, 0, 0));
    let off = parts.offset.or(default_offset)?;
    Some(Machine {
        datetime: DateTime::new(parts.year, parts.month, parts.day, h, mi, sec, off)?,
        has_time: parts.time.is_some(),
        has_offset: parts.offset.is_some(),
    })
}
