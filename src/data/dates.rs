//! The words printed dates are made of: weekdays, months, time zones, the
//! words that mark a text as Vietnamese-shaped, and the small words around a
//! day. Lower case where matched case-folded. Read by
//! [`crate::recognize::dateline`]; a new language's month names go here.

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
/// without an offset is read at [`VIETNAM_OFFSET`] by [`parse_dateline`](crate::parse_dateline).
/// Matched as whole words, case-insensitively.
pub(crate) const VI_MARKERS: &[&str] = &["thứ", "chủ nhật", "ngày", "tháng", "năm", "lúc"];

/// The suffixes of a day before its month's name ("7th"): the forward
/// matchers and the backward search for starts read the same lists.
pub(crate) const ORDINALS: &[&str] = &["st", "nd", "rd", "th"];

/// The suffixes of a day before its month's name in day-first dates: the
/// [`ORDINALS`] and the French "er" ("1er mars").
pub(crate) const DAY_SUFFIXES: &[&str] = &["st", "nd", "rd", "th", "er"];

/// The words between a day and its month's name ("7 of March", "7 de
/// marzo").
pub(crate) const OF_WORDS: &[&str] = &["de", "of"];
