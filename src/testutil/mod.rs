//! Test-only code: reference implementations the production code is checked
//! against.
pub(crate) mod tree;
