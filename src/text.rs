//! Stage 3 (text): plain text into the block list.

use crate::block::{Block, Doc};
use crate::normalize::{fold, nfc};

/// Cuts scraped text into lines, each a block, recording blank-line gaps.
pub(crate) fn segment(input: &str) -> Doc {
    let text = nfc(input);
    let mut blocks = Vec::new();
    let mut gap = 0u32;
    for raw in text.lines() {
        let line = fold(raw);
        if line.is_empty() {
            gap = gap.saturating_add(1);
            continue;
        }
        blocks.push(Block::line(line, gap));
        gap = 0;
    }
    Doc {
        blocks,
        ..Doc::default()
    }
}
