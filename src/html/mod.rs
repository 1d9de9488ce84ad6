//! Stages 2 and 3 for HTML: parse (html5ever's tokenizer driving our own
//! tree-construction rules, [`tree`]) and segment the page into blocks
//! ([`segment`]), reading the page's own metadata on the way ([`head`]).

pub(crate) mod class_names;
pub(crate) mod head;
pub(crate) mod json_ld;
pub(crate) mod segment;
pub(crate) mod tags;
pub(crate) mod tokens;
pub(crate) mod tree;

pub(crate) use tree::{parse, parse_showing_hidden, parse_without_scripts};

#[cfg(test)]
mod tests;
