#!/bin/sh
# Seeds the fuzz corpora from the test fixtures (the corpora are not
# committed). Run from anywhere: ./fuzz/seed.sh
set -eu
here=$(cd "$(dirname "$0")" && pwd)
fixtures="$here/../tests/fixtures"
mkdir -p "$here/corpus/clean_html" "$here/corpus/clean_text"
# A spread of HTML pages: Vietnamese news and the smaller readability pages
# (libFuzzer mutates small inputs faster; -max_len caps the rest).
for f in "$fixtures"/vi-html/*.html; do
    [ -e "$f" ] && cp "$f" "$here/corpus/clean_html/"
done
find "$fixtures/readability" -name '*.html' -size -40k | sort | head -n 20 |
    while read -r f; do cp "$f" "$here/corpus/clean_html/"; done
for f in "$fixtures"/vi-text/*.txt "$fixtures"/seeds/*.txt; do
    [ -e "$f" ] && cp "$f" "$here/corpus/clean_text/"
done
echo "seeded: $(ls "$here/corpus/clean_html" | wc -l) html, $(ls "$here/corpus/clean_text" | wc -l) text"
