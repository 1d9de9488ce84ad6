//! Stage 3 (text): plain text into the block list.

use crate::block::{Block, Doc};
use crate::normalize::clean_lines;

/// Cuts scraped text into lines, each a block, recording blank-line gaps.
/// The blocks borrow `input` wherever a line needs no cleaning.
pub(crate) fn segment(input: &str) -> Doc<'_> {
    let mut blocks = Vec::new();
    let mut gap = 0u8;
    clean_lines(input, |line| {
        if line.is_empty() {
            gap = gap.saturating_add(1);
        } else {
            blocks.push(Block::line(line, gap));
            gap = 0;
        }
    });
    // Capacity doubles as lines are pushed: up to twice the blocks' size
    // held for the rest of the clean (half the peak on a page of tiny
    // lines).
    blocks.shrink_to_fit();
    Doc {
        blocks,
        ..Doc::default()
    }
}
