use super::*;

/// Hour (24-hour clock), minute, second.
pub(super) type Clock = (u8, u8, u8);

/// A clock as printed: `h{1,2}([:hH]mi{2}(:s{2}([.,]\d+)?)?|[hH])`, then
/// maybe AM/PM (`\s*(a.m.|p.m.|am|pm|SA|CH)`, the first three any case;
/// "SA"/"CH" are the Vietnamese sáng/chiều of some locales).
#[derive(Clone, Copy)]
pub(super) struct ClockMatch {
    pub(super) h: u32,
    pub(super) mi: Option<u32>,
    pub(super) s: Option<u32>,
    /// End of the clock without its AM/PM.
    pub(super) clk_end: usize,
    /// The AM/PM: whether it is PM, and its end.
    pub(super) ap: Option<(bool, usize)>,
}

impl ClockMatch {
    /// Where the match ends.
    pub(super) fn end(&self) -> usize {
        self.ap.map_or(self.clk_end, |(_, end)| end)
    }

    /// The clock, checked; the AM/PM read only `with_ampm`.
    pub(super) fn clock(&self, with_ampm: bool) -> Option<Clock> {
        let h = u8::try_from(self.h).ok()?;
        let mi = u8::try_from(self.mi.unwrap_or(0)).ok()?;
        let s = u8::try_from(self.s.unwrap_or(0)).ok()?;
        checked_clock(h, mi, s, self.ap.filter(|_| with_ampm).map(|(pm, _)| pm))
    }

    /// The clock and where it ends in `t`, or `None`: its AM/PM counts
    /// only when a word ends after it ("07:00 Amsterdam" is 07:00), and
    /// without it the clock must end a word.
    pub(super) fn word_end(&self, t: &str) -> Option<(Clock, usize)> {
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
pub(super) fn checked_clock(h: u8, mi: u8, s: u8, pm: Option<bool>) -> Option<Clock> {
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
pub(super) fn clocks_at(t: &str, at: usize, mut f: impl FnMut(ClockMatch) -> bool) -> bool {
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
pub(super) fn clock_at(t: &str, at: usize) -> Option<ClockMatch> {
    let mut first = None;
    clocks_at(t, at, |m| {
        first = Some(m);
        true
    });
    first
}

/// The sign of an offset at `at`: whether negative, and its end.
pub(super) fn sign_at(t: &str, at: usize) -> Option<(bool, usize)> {
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
pub(super) struct OffsetMatch {
    pub(super) value: Option<i16>,
    /// "Z" (which must touch the time).
    pub(super) z: bool,
    pub(super) end: usize,
}

/// Calls `f` with every offset match at `at`, in the order the pattern
/// tries them, until it returns `true`; returns whether it did.
pub(super) fn offsets_at(t: &str, at: usize, mut f: impl FnMut(OffsetMatch) -> bool) -> bool {
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
pub(super) fn minutes_at(
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

/// Where an offset match really ends, or `None` when it is not one: brackets
/// must pair, "Z" must touch the time, and a zone name must end a word.
/// `spaced`: spaces before it; `open`: a bracket before it; `close`: the
/// end of a closing bracket after it.
pub(super) fn offset_end(
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
pub(super) fn open_at(t: &str, at: usize) -> (bool, usize) {
    if byte_in(t.as_bytes(), at, b"([") {
        (true, skip_spaces(t, at + 1))
    } else {
        (false, at)
    }
}

/// Spaces and a closing bracket at `at` (`\s*[)\]]`): the end.
pub(super) fn close_at(t: &str, at: usize) -> Option<usize> {
    let x = skip_spaces(t, at);
    byte_in(t.as_bytes(), x, b")]").then_some(x + 1)
}

/// The time right after a date: the clock and the length it takes in `rest`.
/// The pattern: "T", or spaces, a separator (`,` `-` `|` `·` …), spaces and
/// a word ("lúc", "at", …) with spaces; then the clock.
pub(super) fn time_after(rest: &str) -> Option<(Clock, usize)> {
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
pub(super) fn offset_after(rest: &str) -> Option<(i16, usize)> {
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
pub(super) struct Before {
    pub(super) start: usize,
    pub(super) clock: Clock,
    pub(super) offset: Option<i16>,
}

/// Whether `c` may be part of a time printed before a date, with its
/// offset and separator: ASCII letters and digits, spaces, a few marks.
pub(super) fn in_time_before(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || c.is_whitespace()
        || TIME_SEPS.contains(&c)
        || matches!(c, ':' | '.' | '+' | '−' | '(' | ')' | '[' | ']')
}

/// Whether `t[at..]` is what may follow a time before a date: spaces, a
/// [`TIME_SEPS`] or none, spaces, to the end.
pub(super) fn separator_ends(t: &str, at: usize) -> bool {
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
pub(super) fn time_before(prefix: &str) -> Option<Before> {
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
pub(super) fn word_before(re: &Regex, prefix: &str) -> Option<usize> {
    let start = re.find(prefix)?.start();
    word_starts(prefix, start).then_some(start)
}
