//! Slideshows: a run of photos, each announced by a counter ("1/50",
//! "2 / 50"…) with its title, caption and credit under it. A slideshow set
//! into an article page is another story's pictures ("Business news in
//! pictures"); its captions read as prose and, weighed as prose, pull the
//! article's span over fifty slides.

use crate::block::Doc;

/// Counters in a row, each one more than the last and all of the same
/// total, that make a slideshow. Two counters could be a list's numbering
/// by chance ("1/2 cup", "2/2 cups" in a recipe); three in a row with one
/// total is a gallery's pager. Measured on the tune halves: 3 and 4 cut
/// the same slides.
const SLIDES_MIN: usize = 3;

/// Most digits of a counter's numbers: galleries run to a few hundred
/// photos; a longer number is a year or an amount ("2016/17").
const COUNTER_MAX_DIGITS: usize = 3;

/// Reads a slide counter at the start of a line: `k/N` or `k / N`, then the
/// line's end or a space. Returns `(k, N)` with `1 <= k <= N`.
fn counter(text: &str) -> Option<(u32, u32)> {
    let b = text.trim_start().as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let number = |from: usize, len: usize| -> Option<u32> {
        std::str::from_utf8(&b[from..from + len]).ok()?.parse().ok()
    };
    let k_len = digits(0);
    if k_len == 0 || k_len > COUNTER_MAX_DIGITS {
        return None;
    }
    let mut i = k_len;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    if b.get(i) != Some(&b'/') {
        return None;
    }
    i += 1;
    while b.get(i) == Some(&b' ') {
        i += 1;
    }
    let n_len = digits(i);
    if n_len == 0 || n_len > COUNTER_MAX_DIGITS {
        return None;
    }
    match b.get(i + n_len) {
        None | Some(b' ') => {}
        Some(_) => return None,
    }
    let (k, n) = (number(0, k_len)?, number(i, n_len)?);
    (1 <= k && k <= n).then_some((k, n))
}

/// Marks the blocks of every slideshow: from each counter of a run of at
/// least [`SLIDES_MIN`] counters to the block before the next; the last
/// slide runs as long as the longest slide before it.
pub(super) fn slideshows(doc: &Doc) -> Vec<bool> {
    let n = doc.blocks.len();
    let mut out = vec![false; n];
    // (block, k, N) of every counter, in page order.
    let counters: Vec<(usize, u32, u32)> = doc
        .blocks
        .iter()
        .enumerate()
        .filter_map(|(i, b)| counter(&b.text).map(|(k, t)| (i, k, t)))
        .collect();
    let mut a = 0;
    while a < counters.len() {
        // The run that starts at counter `a`: each next counter one more,
        // of the same total.
        let mut z = a + 1;
        while z < counters.len()
            && counters[z].2 == counters[a].2
            && counters[z].1 == counters[z - 1].1 + 1
        {
            z += 1;
        }
        if z - a >= SLIDES_MIN {
            let longest = (a + 1..z)
                .map(|j| counters[j].0 - counters[j - 1].0)
                .max()
                .unwrap_or(1);
            let last = counters[z - 1].0;
            let end = (last + longest).min(n);
            for o in &mut out[counters[a].0..end] {
                *o = true;
            }
        }
        a = z;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counters() {
        for (line, want) in [
            ("1/50 United goin down", Some((1, 50))),
            ("12 / 50", Some((12, 50))),
            ("  3/5 Photo", Some((3, 5))),
            ("1/2 cup of flour", Some((1, 2))),
            ("24/7 coverage", None),
            ("2016/17 season", None),
            ("1/50th of a second", None),
            ("0/5", None),
            ("Page 1/5", None),
            ("1/", None),
        ] {
            assert_eq!(counter(line), want, "{line}");
        }
    }
}
