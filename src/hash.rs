//! A fast keyed hash for maps keyed by the page's own text.
//!
//! The pipeline hashes every body paragraph (to drop copies) and every short
//! line (to look up widget labels). The standard SipHash costs more there
//! than the lookups themselves. This hash reads eight bytes per step (a
//! rotate, an exclusive or and a multiply, as in the Firefox and rustc
//! hashes), in four independent lanes from 64 bytes on, and ends with a finaliser that mixes the high bits into the low
//! ones, which the table uses to pick a bucket.
//!
//! The page is untrusted input, so the starting state is a per-process
//! random seed (taken from the standard library's random hasher keys): a
//! page cannot be written to collide on every machine.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::sync::LazyLock;

/// The multiplier of each step: odd, with well-spread bits (from the golden
/// ratio, as in Fibonacci hashing).
const K: u64 = 0x9E37_79B9_7F4A_7C15;

static SEED: LazyLock<u64> =
    LazyLock::new(|| RandomState::new().hash_one(0x0074_696E_7361_6368_u64));

/// Builds [`FastHasher`]s from the process's seed.
#[derive(Clone, Copy)]
pub(crate) struct FastState(u64);

impl Default for FastState {
    fn default() -> Self {
        FastState(*SEED)
    }
}

impl BuildHasher for FastState {
    type Hasher = FastHasher;
    fn build_hasher(&self) -> FastHasher {
        FastHasher(self.0)
    }
}

/// The hasher of [`FastState`].
pub(crate) struct FastHasher(u64);

impl FastHasher {
    #[inline]
    fn step(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        // Long text (a paragraph) in four independent lanes of eight bytes,
        // folded into the state at the end: each step waits on the one
        // before it in its lane only, so the four run side by side.
        let mut quads = bytes.chunks_exact(32);
        if bytes.len() >= 64 {
            let s = self.0;
            let mut lanes = [s, s.rotate_left(16), s.rotate_left(32), s.rotate_left(48)];
            for q in &mut quads {
                for (lane, word) in lanes.iter_mut().zip(q.chunks_exact(8)) {
                    let w = u64::from_le_bytes(word.try_into().expect("eight bytes"));
                    *lane = (lane.rotate_left(5) ^ w).wrapping_mul(K);
                }
            }
            for lane in lanes {
                self.step(lane);
            }
        }
        let bytes = if bytes.len() >= 64 {
            quads.remainder()
        } else {
            bytes
        };
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.step(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.step(u64::from_le_bytes(last));
        }
    }

    #[inline]
    fn write_u8(&mut self, b: u8) {
        self.step(u64::from(b));
    }

    #[inline]
    fn finish(&self) -> u64 {
        // The murmur3 finaliser: every input bit reaches every output bit.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
        h ^= h >> 33;
        h
    }
}

/// A hash map keyed by page text.
pub(crate) type FastMap<K, V> = std::collections::HashMap<K, V, FastState>;

/// A hash set of page text.
pub(crate) type FastSet<K> = std::collections::HashSet<K, FastState>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_text_hashes_equal_and_near_text_apart() {
        let s = FastState::default();
        assert_eq!(s.hash_one("Tin mới"), s.hash_one(String::from("Tin mới")));
        let mut seen = std::collections::HashSet::new();
        // Keys that differ in one byte, at every length and place, the
        // four-lane lengths (64 bytes and up) included.
        for len in (0..40).chain(60..140) {
            for at in 0..len {
                let mut k = vec![b'a'; len];
                k[at] = b'b';
                assert!(seen.insert(s.hash_one(&k)), "collision at {len}/{at}");
            }
            assert!(seen.insert(s.hash_one(vec![b'a'; len])));
        }
    }
}
