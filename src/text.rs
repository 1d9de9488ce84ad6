//! Stage 3 (text): plain text into the block list.

use crate::block::{Block, Doc};
use crate::normalize::clean_lines;

/// How the block list grows when full: by a quarter of its length (at
/// least [`GROWTH_MIN`] blocks), not double. Every line of text is a block
/// of 40 bytes, and a doubling list holds up to twice the blocks at its
/// last growth: on a text of two-byte lines that overshoot was the peak of
/// the whole clean (167 MB for 4 MB of lines, 40 bytes per byte, where the
/// blocks themselves take 84 MB). A quarter still grows geometrically
/// (amortised constant time per line) with at most a quarter unused.
const GROWTH_DIVISOR: usize = 4;

/// The least the block list grows by: a short text's lines in one step.
const GROWTH_MIN: usize = 64;

/// Cuts scraped text into lines, each a block, recording blank-line gaps.
/// The blocks borrow `input` wherever a line needs no cleaning.
pub(crate) fn segment(input: &str) -> Doc<'_> {
    let mut blocks = Vec::new();
    let mut gap = 0u8;
    clean_lines(input, |line| {
        if line.is_empty() {
            gap = gap.saturating_add(1);
        } else {
            if blocks.len() == blocks.capacity() {
                blocks.reserve_exact((blocks.len() / GROWTH_DIVISOR).max(GROWTH_MIN));
            }
            blocks.push(Block::line(line, gap));
            gap = 0;
        }
    });
    // The unused quarter is not held for the rest of the clean.
    blocks.shrink_to_fit();
    Doc {
        blocks,
        ..Doc::default()
    }
}
