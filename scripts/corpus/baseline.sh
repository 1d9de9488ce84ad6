#!/bin/sh
# Runs the eval on every corpus with its split and prints the mean, tune and check lines.
#   scripts/corpus/baseline.sh [DEVCORPUS]   (default /work/devcorpus; corpora not found there are skipped)
# Needs `cargo build --release --example eval` first.
set -u
cd "$(dirname "$0")/../.."
dev=${1:-/work/devcorpus}
eval_bin=target/release/examples/eval
[ -x "$eval_bin" ] || { echo "build it first: nice cargo build --release --example eval" >&2; exit 2; }
for dir in tests/fixtures/seeds tests/fixtures/vi-html tests/fixtures/vi-text tests/fixtures/readability \
    "$dev/wcxb-dev" "$dev/wcxb-dev-other" "$dev/fundus" "$dev/newspaper4k"; do
    [ -d "$dir" ] || { echo "skipped: no $dir" >&2; continue; }
    echo "== $dir"
    nice "$eval_bin" "$dir" --split auto | grep -E '^(mean|tune |check |[0-9]+ pages not in)'
done
