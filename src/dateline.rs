//! Datelines: printed dates in Vietnamese and other common shapes, and
//! machine-readable timestamps from metadata.

use crate::article::DateTime;

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
}

/// Finds the first full printed date (with a year) in a line. STUB.
pub(crate) fn find(_line: &str) -> Option<Found> {
    None
}

/// Parses a machine-readable timestamp (ISO 8601 / RFC 3339 and close
/// variants) as found in meta tags, JSON-LD and `<time datetime>`. STUB.
pub(crate) fn parse_machine(_s: &str, _default_offset: Option<i16>) -> Option<DateTime> {
    None
}
