#!/usr/bin/env bash
# Load run for `caselens serve`: release build, the server on a free loopback port, then wrk
# POSTing a ~2 KB note (text/plain) for DURATION seconds at a few concurrency levels. Prints a
# Markdown table: requests/s, latency p50/p99, non-2xx responses and socket errors.
#
#   bench/serve-load.sh
#
# Environment: CASELENS=path (use this binary, skip the build), SCRATCH=dir (build folder,
# default .build-bench), DURATION=10 (seconds per level), LEVELS="1 8 32" (connections),
# NOTE_BYTES=2048. Needs wrk (apt-get install wrk). Loopback only; the server is stopped at the end.
set -euo pipefail
BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out/serve-load"
DURATION="${DURATION:-10}"
LEVELS="${LEVELS:-1 8 32}"
NOTE_BYTES="${NOTE_BYTES:-2048}"
mkdir -p "$OUT"

if ! command -v wrk >/dev/null; then
    apt-get install -y wrk >/dev/null 2>&1 || { echo "serve-load: wrk is missing: apt-get install wrk" >&2; exit 2; }
fi
bin="${CASELENS:-}"
if [ -z "$bin" ]; then
    scratch="${SCRATCH:-$ROOT/.build-bench}"
    (cd "$ROOT" && swift build -c release --product caselens --scratch-path "$scratch" >&2)
    bin="$scratch/release/caselens"
fi

python3 "$BENCH_DIR/generate.py" --single "$OUT/note.txt" --bytes "$NOTE_BYTES" >/dev/null
cat > "$OUT/post.lua" <<LUA
wrk.method = "POST"
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
local f = io.open("$OUT/note.txt", "rb")
wrk.body = f:read("*a")
f:close()
LUA

. "$ROOT/scripts/start-serve.sh"
start_serve "$bin" "$OUT/server.log"

# One request by hand first: the answer must be the findings JSON.
findings=$(curl -sf -H 'Content-Type: text/plain' --data-binary @"$OUT/note.txt" "$url/v1/check" |
    python3 -c 'import json, sys; print(len(json.load(sys.stdin)["findings"]))')
echo "serve-load: $url, note of $(wc -c < "$OUT/note.txt") bytes with $findings findings, ${DURATION}s per level" >&2

echo "| connections | requests/s | p50 | p99 | requests | non-2xx | socket errors |"
echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
for c in $LEVELS; do
    threads=$(( c < 2 ? 1 : 2 ))
    wrk -t"$threads" -c"$c" -d"${DURATION}s" --timeout 10s --latency -s "$OUT/post.lua" "$url/v1/check" > "$OUT/wrk-$c.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$OUT/wrk-$c.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$OUT/wrk-$c.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$OUT/wrk-$c.txt")
    total=$(awk '/requests in/ {print $1}' "$OUT/wrk-$c.txt")
    non2xx=$(awk '/Non-2xx/ {print $NF}' "$OUT/wrk-$c.txt"); non2xx=${non2xx:-0}
    errors=$(awk '/Socket errors/ {sub(/.*Socket errors: /, ""); print}' "$OUT/wrk-$c.txt"); errors=${errors:-none}
    echo "| $c | $rps | $p50 | $p99 | $total | $non2xx | $errors |"
done
echo "serve-load: access-log lines written: $(grep -c ' /v1/check ' "$OUT/server.log")" >&2
