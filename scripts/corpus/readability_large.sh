#!/bin/sh
# Copies the 41 pages of Mozilla Readability's test suite that tests/fixtures
# does not ship (each over 200 KiB) from the shared corpus into the
# development corpus, as the corpus `readability-large` (split in
# tests/fixtures/splits/readability-large.tsv by scripts/corpus/split.py).
#
#     scripts/corpus/readability_large.sh [SHARED_READABILITY] [DEVCORPUS]
set -eu
src=${1:-/work/shared/corpus/readability}
dst=${2:-/work/devcorpus}/readability-large
here=$(dirname "$0")/../../tests/fixtures/readability
mkdir -p "$dst"
for g in "$src"/*.gold.json; do
    page=$(basename "$g" .gold.json)
    [ -e "$here/$page.gold.json" ] && continue
    cp "$src/$page".* "$dst/"
done
echo "readability-large: $(ls "$dst"/*.gold.json | wc -l) pages in $dst"
