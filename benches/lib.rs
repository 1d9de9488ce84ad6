//! Nothing: this package exists for its benches (`clean.rs`, `batch.rs`)
//! and the `memory` example, which measure the `tinsach` library beside its
//! peers. See `BENCHMARKS.md`.
