//! Byte scans that the compiler turns into vector code.
//!
//! The per-line tests of the text path (is this line already folded and in
//! NFC, where are its capitals, does it hold a run of four digits) look at
//! each byte with the two after it. Written as plain comparisons over
//! fixed-size windows, with no early exit inside a window, they compile to
//! SIMD code on every target: a fraction of a nanosecond per byte, where
//! decoding the text character by character costs several.

/// Bytes tested between two early exits of [`next_triple`]: two vector
/// registers' worth.
const LANES: usize = 32;

/// The first offset from `from` on where `f` holds for the byte of `b` there
/// and its two successors (zero past the end). The bytes go in fixed-size
/// windows that the compiler turns into vector code (`f` must be
/// branch-free), each storing a flag per byte.
#[inline(always)]
pub(crate) fn next_triple(
    b: &[u8],
    from: usize,
    f: impl Fn(u8, u8, u8) -> bool + Copy,
) -> Option<usize> {
    let mut i = from;
    while let Some(w) = b.get(i..i + LANES + 2) {
        if let Some(k) = first_hit(w.try_into().expect("window"), f) {
            return Some(i + k);
        }
        i += LANES;
    }
    // The last bytes (up to LANES + 1 of them), padded with zeros into one
    // or two windows; hits in the padding do not count.
    let mut padded = [0u8; 2 * LANES + 2];
    let rest = b.len().saturating_sub(i);
    padded[..rest].copy_from_slice(&b[i.min(b.len())..]);
    [0, LANES]
        .into_iter()
        .filter(|&at| at < rest)
        .find_map(|at| {
            let w = padded[at..at + LANES + 2].try_into().expect("window");
            first_hit(w, f).map(|k| at + k)
        })
        .filter(|&k| k < rest)
        .map(|k| i + k)
}

/// The first of the window's first [`LANES`] bytes where `f` holds of it and
/// its two successors. The flags are computed for the whole window at once
/// (vector code) and read eight at a time.
#[inline(always)]
fn first_hit(w: &[u8; LANES + 2], f: impl Fn(u8, u8, u8) -> bool) -> Option<usize> {
    let mut hits = [0u8; LANES];
    for k in 0..LANES {
        hits[k] = u8::from(f(w[k], w[k + 1], w[k + 2]));
    }
    hits.chunks_exact(8).enumerate().find_map(|(j, eight)| {
        let word = u64::from_le_bytes(eight.try_into().expect("eight bytes"));
        (word != 0).then(|| 8 * j + word.trailing_zeros() as usize / 8)
    })
}
