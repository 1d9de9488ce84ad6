//! Byte scans that the compiler turns into vector code.
//!
//! The per-line tests of the text path (is this line already folded and in
//! NFC, where are its capitals, where does a run of digits start) look at
//! each byte with the two after it. Written as plain comparisons over
//! fixed-size windows, with no early exit inside a window, they compile to
//! SIMD code on every target: a fraction of a nanosecond per byte, where
//! decoding the text character by character costs several.

/// Bytes tested per window of [`for_each_hit`]: two 16-byte vector
/// registers' worth.
const LANES: usize = 32;

/// The first offset from `from` on where `f` holds for the byte of `b` there
/// and its two successors (zero past the end). See [`for_each_hit`].
#[inline(always)]
pub(crate) fn next_triple(
    b: &[u8],
    from: usize,
    f: impl Fn(u8, u8, u8) -> bool + Copy,
) -> Option<usize> {
    let mut first = None;
    for_each_hit(b.get(from..).unwrap_or_default(), f, |at| {
        first = Some(from + at);
        false
    });
    first
}

/// The byte of `b` at `at` and its two successors (zero past the end): the
/// arguments a scan's test saw at a hit, to test a hit again more finely.
#[inline(always)]
pub(crate) fn triple(b: &[u8], at: usize) -> (u8, u8, u8) {
    let byte = |i: usize| b.get(i).copied().unwrap_or(0);
    (byte(at), byte(at + 1), byte(at + 2))
}

/// Calls `visit` with every offset where `f` holds for the byte of `b` there
/// and its two successors (zero past the end), in order, until `visit`
/// returns `false`. The bytes go in fixed-size windows that the compiler
/// turns into vector code (`f` must be branch-free); each window stores a
/// flag per byte, and only a window with a flag is read, eight flags at a
/// time.
#[inline(always)]
pub(crate) fn for_each_hit(
    b: &[u8],
    f: impl Fn(u8, u8, u8) -> bool + Copy,
    mut visit: impl FnMut(usize) -> bool,
) {
    let mut i = 0;
    while let Some(w) = b.get(i..i + LANES + 2) {
        if !visit_window(w.try_into().expect("window"), f, LANES, |k| visit(i + k)) {
            return;
        }
        i += LANES;
    }
    // The last bytes (up to LANES + 1 of them), padded with zeros into one
    // or two windows; flags in the padding are not read.
    let mut padded = [0u8; 2 * LANES + 2];
    let rest = b.len() - i;
    padded[..rest].copy_from_slice(&b[i..]);
    for at in [0, LANES].into_iter().filter(|&at| at < rest) {
        let w = padded[at..at + LANES + 2].try_into().expect("window");
        if !visit_window(w, f, rest - at, |k| visit(i + at + k)) {
            return;
        }
    }
}

/// Calls `visit` with each of the window's first `len` (at most [`LANES`])
/// offsets where `f` holds, until it returns `false`; returns whether it
/// never did.
#[inline(always)]
fn visit_window(
    w: &[u8; LANES + 2],
    f: impl Fn(u8, u8, u8) -> bool,
    len: usize,
    mut visit: impl FnMut(usize) -> bool,
) -> bool {
    // The window's bytes and their first and second successors, each as
    // one array: three plain vector loads.
    let x: &[u8; LANES] = w.first_chunk().expect("a window");
    let y: &[u8; LANES] = w[1..].first_chunk().expect("a window");
    let z: &[u8; LANES] = w[2..].first_chunk().expect("a window");
    let mut flags = [0u8; LANES];
    for k in 0..LANES {
        flags[k] = u8::from(f(x[k], y[k], z[k]));
    }
    let words: [u64; LANES / 8] =
        std::array::from_fn(|j| u64::from_le_bytes(*flags[8 * j..].first_chunk().expect("eight")));
    // Most windows have no hit: one test for all their flags.
    if words.iter().fold(0, |all, w| all | w) == 0 {
        return true;
    }
    for (j, &word) in words.iter().enumerate() {
        let mut word = word;
        while word != 0 {
            let k = 8 * j + word.trailing_zeros() as usize / 8;
            if k >= len {
                return true;
            }
            if !visit(k) {
                return false;
            }
            word &= word - 1;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scans_agree_with_byte_loops() {
        let text: Vec<u8> = (0..300u32)
            .map(|i| (i * 7 % 13) as u8 + b'\n' - 3)
            .collect();
        for len in 0..text.len() {
            let b = &text[..len];
            let f = |x: u8, y: u8, z: u8| x == b'\n' && y != z;
            let want: Vec<usize> = (0..len)
                .filter(|&i| {
                    let (x, y, z) = triple(b, i);
                    f(x, y, z)
                })
                .collect();
            let mut got = Vec::new();
            for_each_hit(b, f, |at| {
                got.push(at);
                true
            });
            assert_eq!(got, want, "{len}");
            assert_eq!(
                next_triple(b, len / 2, f),
                want.iter().copied().find(|&i| i >= len / 2)
            );
        }
    }
}
