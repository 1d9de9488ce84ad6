use super::*;

/// Tokens that set a dateline apart from a byline or section label beside it
/// ("Lan Anh - 12/05/2026", "10:15 AM | Thị trường vàng"). Dashes count only
/// standing alone, so "VTV News-Thứ tư" and "NĐ-CP" are not cut.
pub(super) const SEGMENT_MARKS: &[char] = &['|', '-', '–', '—', '·', '•', '/'];

/// What a word outside the date weighs when a [`SEGMENT_MARKS`] token sets
/// it apart from the date. A quarter: a four-word section label then weighs
/// one unit, less than a date with its time (two), while every word of the
/// date's own phrase weighs a full unit.
pub(super) const NEIGHBOUR_WEIGHT: f32 = 0.25;

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

/// What a word of [`share()`] is.
pub(super) enum WordKind {
    /// It holds a letter or digit: a word that weighs.
    Alphanumeric,
    /// It holds none, but one of [`SEGMENT_MARKS`].
    Mark,
    /// Anything else (quotes, other punctuation).
    Other,
}

/// What `word` is (see [`WordKind`]).
#[inline(always)]
pub(super) fn word_kind(word: &str) -> WordKind {
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
pub(super) static SPACE_LEADS: [bool; 256] = {
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
pub(super) fn space_len(b: &[u8], i: usize) -> usize {
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
