use super::*;

/// A calendar date as printed, found at some start: its end, whether it is
/// CJK-shaped (no right boundary), and the date its numbers name, if real.
pub(super) struct CoreMatch {
    pub(super) end: usize,
    pub(super) cjk: bool,
    pub(super) date: Option<(i32, u8, u8)>,
}

/// The separator before a year in "March 7, 2026" and "7 March 2026"
/// (`\s*,\s*` or `\s+`): where the year may start, in the order tried.
pub(super) fn year_sep_after(t: &str, at: usize) -> [Option<usize>; 2] {
    let spaced = skip_spaces(t, at);
    let comma = (t.as_bytes().get(spaced) == Some(&b',')).then(|| skip_spaces(t, spaced + 1));
    [comma, (spaced > at).then_some(spaced)]
}

/// The date core that starts at `s`, if any: the first alternative of the
/// core pattern that matches there.
pub(super) fn core_at(t: &str, s: usize) -> Option<CoreMatch> {
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
pub(super) fn day_first_at(b: &[u8], s: usize) -> Option<CoreMatch> {
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
pub(super) fn year_first_at(b: &[u8], s: usize) -> Option<CoreMatch> {
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
pub(super) fn thang_at(t: &str, s: usize) -> Option<CoreMatch> {
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
pub(super) fn month_first_at(t: &str, s: usize) -> Option<CoreMatch> {
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
pub(super) fn named_month_core(
    t: &str,
    y: usize,
    name: Range<usize>,
    day: Range<usize>,
) -> CoreMatch {
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
pub(super) fn day_month_name_at(t: &str, s: usize) -> Option<CoreMatch> {
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
pub(super) fn cjk_at(t: &str, s: usize) -> Option<CoreMatch> {
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
pub(super) fn push_core_starts(line: &str, start: usize, end: usize, push: &mut impl FnMut(usize)) {
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
pub(super) fn core_starts(line: &str) -> Starts {
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
pub(super) struct Starts {
    pub(super) few: [usize; 8],
    pub(super) len: usize,
    pub(super) more: Vec<usize>,
}

impl Starts {
    pub(super) fn push(&mut self, start: usize) {
        if let Some(slot) = self.few.get_mut(self.len) {
            *slot = start;
            self.len += 1;
        } else {
            self.more.push(start);
        }
    }

    /// The starts in order, without repeats.
    pub(super) fn sorted(mut self) -> Self {
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

    pub(super) fn as_slice(&self) -> &[usize] {
        if self.more.is_empty() {
            &self.few[..self.len]
        } else {
            &self.more
        }
    }
}

pub(super) fn month_number(name: &str) -> Option<u8> {
    let name = name.trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(n, _)| *n == name).map(|&(_, m)| m)
}

/// Whether a core match stands alone: not glued to letters or digits, not a
/// piece of a longer number run ("1.12/03/2026") or of a document number
/// ("12/07/2024/QĐ-UBND").
pub(super) fn core_bounded(line: &str, start: usize, end: usize, cjk: bool) -> bool {
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
