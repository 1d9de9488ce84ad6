//! What the cleaner knows about pages, as data: every word list, phrase and
//! pattern it matches, each entry with the reason it generalises. Logic lives
//! in the stages; a new chrome phrase, class name or date word goes here.

pub(crate) mod chrome;
pub(crate) mod dates;
