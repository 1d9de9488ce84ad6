//! Stage 3 (text): plain text into the block list.

use crate::block::{Block, Doc};
use crate::normalize::clean_lines;

/// Cuts scraped text into lines, each a block, recording blank-line gaps.
pub(crate) fn segment(input: &str) -> Doc {
    // A block per line at most: reserved once, not grown by doubling (the
    // copies of a growing block list cost more than this count).
    let mut blocks = Vec::with_capacity(crate::scan::count(input.as_bytes(), b'\n') + 1);
    let mut gap = 0u32;
    clean_lines(input, |line| {
        if line.is_empty() {
            gap = gap.saturating_add(1);
        } else {
            blocks.push(Block::line(line, gap));
            gap = 0;
        }
    });
    Doc {
        blocks,
        ..Doc::default()
    }
}
