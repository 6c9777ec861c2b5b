#!/usr/bin/env bash
# Renders the HTML health-check summary of a folder of records to a PNG with headless Chromium,
# to look at it as a person would (and a PDF, to check printing).
#
#   scripts/render-summary.sh [RECORDS_DIR] [OUT_DIR]      (defaults: corpus/records, bench/out/summary)
#
# Needs Debian's chromium (apt-get install chromium). Writes summary.html, summary.png and
# summary.pdf to OUT_DIR (bench/out/ is git-ignored: don't commit them). Extra arguments after
# the two are passed to 'caselens summary' (e.g. --redact). CASELENS_SCRATCH names another build
# folder than .build.
set -euo pipefail
cd "$(dirname "$0")/.."

records=${1:-corpus/records}
out=${2:-bench/out/summary}
shift $(( $# > 2 ? 2 : $# )) || true
mkdir -p "$out"

if ! command -v chromium >/dev/null; then
    echo "render-summary: chromium is missing: apt-get install chromium" >&2
    exit 2
fi

build=${CASELENS_SCRATCH:-.build}            # another build folder: CASELENS_SCRATCH=.build-x
if ! log=$(swift build -c release --product caselens --scratch-path "$build" 2>&1); then
    echo "$log" >&2
    exit 2
fi
bin=$build/release/caselens

status=0
"$bin" audit --format jsonl --include '*.txt' --include '*.md' --include '*.docx' --include '*.html' --include '*.csv' \
    --no-progress "$records" > "$out/audit.jsonl" || status=$?
if [ "$status" -ge 2 ] && [ "$status" -ne 4 ] && [ "$status" -ne 5 ]; then
    echo "render-summary: audit failed (exit $status)" >&2
    exit "$status"
fi
"$bin" summary --format html "$@" "$out/audit.jsonl" > "$out/summary.html"
"$bin" summary --format md "$@" "$out/audit.jsonl" > "$out/summary.md"

html="file://$(pwd)/$out/summary.html"
flags=(--headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run --disable-extensions
       --user-data-dir="$(mktemp -d)")
chromium "${flags[@]}" --screenshot="$out/summary.png" --window-size=1200,3600 "$html" 2>/dev/null
chromium "${flags[@]}" --print-to-pdf="$out/summary.pdf" --no-pdf-header-footer "$html" 2>/dev/null
echo "render-summary: $out/summary.png and $out/summary.pdf (from $(wc -l < "$out/audit.jsonl") records)"
