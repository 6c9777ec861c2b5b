#!/usr/bin/env bash
# Browser check of the web page: starts `caselens serve` on a free loopback port, drives headless
# Chromium through the page (paste a note, click Check, apply a suggestion) with
# scripts/browser_check.py, asserts the highlighted findings appear, and saves a screenshot.
#
#   scripts/browser-check.sh [SCREENSHOT.png]      (default: bench/out/browser-check.png, git-ignored)
#
# Needs Debian's chromium (apt-get install chromium) and python3. CASELENS_SCRATCH names another
# build folder than .build; CASELENS_BIN uses a binary already built.
set -euo pipefail
cd "$(dirname "$0")/.."

shot=${1:-bench/out/browser-check.png}
mkdir -p "$(dirname "$shot")"
if ! command -v chromium >/dev/null; then
    echo "browser-check: chromium is missing: apt-get install chromium" >&2
    exit 2
fi

bin=${CASELENS_BIN:-}
if [ -z "$bin" ]; then
    build=${CASELENS_SCRATCH:-.build}
    if ! log=$(swift build --product caselens --scratch-path "$build" 2>&1); then
        echo "$log" >&2
        exit 2
    fi
    bin=$build/debug/caselens
fi

mkdir -p bench/out
log=bench/out/browser-check-server.log
. scripts/start-serve.sh
start_serve "$bin" "$log"
echo "browser-check: server at $url"

python3 scripts/browser_check.py "$url" "$shot"
echo "browser-check: access log (no case text):"
sed 's/^/  /' "$log"
