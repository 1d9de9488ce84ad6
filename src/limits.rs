//! The limits that bound the work done on one input, below every stage so
//! that the parser and the [`Cleaner`](crate::Cleaner) both see them.

/// Limits that bound the work done on one input.
///
/// The defaults admit every real news page seen so far with a wide margin
/// and stop hostile input long before it can exhaust memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Limits {
    pub max_bytes: usize,
    pub max_nodes: usize,
    pub max_depth: usize,
    pub max_work: u64,
}

/// The default input limit: 64 MiB. The largest real article pages seen are
/// under 2 MiB; a 32× margin still caps the cost of one call.
pub const DEFAULT_MAX_BYTES: usize = 64 << 20;
/// The default element limit: 4 million elements, about 40× the largest real
/// page seen (≈100,000 elements).
pub const DEFAULT_MAX_NODES: usize = 4_000_000;
/// The default nesting depth honoured: 512, the depth past which Chromium's
/// parser stops nesting elements; deeper elements are attached at the limit,
/// so text is kept but nesting is not.
pub const DEFAULT_MAX_DEPTH: usize = 512;
/// The default work limit: 2^30 steps. A step is one token read, one
/// element opened (reopened formatting elements included), one open element
/// looked at while matching an end tag, or one block through the classifier
/// stages; a real page takes tens of thousands, and a 64 MiB page of the
/// smallest tags about 50 million, so the limit is never near an honest
/// page; at a few nanoseconds a step it bounds any page to seconds, whatever
/// superlinear path it finds.
pub const DEFAULT_MAX_WORK: u64 = 1 << 30;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_bytes: DEFAULT_MAX_BYTES,
            max_nodes: DEFAULT_MAX_NODES,
            max_depth: DEFAULT_MAX_DEPTH,
            max_work: DEFAULT_MAX_WORK,
        }
    }
}
