#!/usr/bin/env bash
# CaseLens benchmark harness: builds release, generates synthetic corpora under bench/out/, and
# prints one Markdown table (also written to bench/out/latest.md). See bench/README.md.
#
# Everything is a parameter with a default (environment variables):
#   CASELENS=path      use this binary; skip the build
#   SCRATCH=dir        SwiftPM scratch path for the build (default .build-bench)
#   CORPUS_MB=100      size of the audit / ripgrep corpus, MiB
#   CORPUS_FILES=800   files in it (each a multi-note case-file export of CORPUS_MB/CORPUS_FILES)
#   SCAN_MB=50         MiB of that corpus given to `caselens _bench` (the first files)
#   DUP_MB=5           MiB for the lexicon ×1 vs ×10 comparison (same files for both)
#   NOTE_BYTES=2048    size of the note for the `check` latency row
#   LATENCY_RUNS=30    timed `check` runs (after 3 warm-up runs)
#   HYPERFINE=auto     no: time them with bash's $EPOCHREALTIME even when hyperfine is installed
#   REPEAT=3           rounds for the throughput rows (medians are reported); fewer when a round
#                      would overrun BENCH_BUDGET=120 / DUP_BUDGET=90 / AUDIT_BUDGET=240 seconds
#   SPACY=auto         auto: try to install spaCy into bench/out/spacy-venv; skip: leave it out
#   SPACY_MB=10        MiB of the corpus given to spaCy
#   SEED=20261122      generator seed
#   STEP_TIMEOUT=300   seconds before any one timed command is killed
#   RG_MEM_MB=4096     virtual-memory cap for ripgrep (a huge phrase list can otherwise take GBs)
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$BENCH_DIR/.." && pwd)"
OUT="$BENCH_DIR/out"
SCRATCH="${SCRATCH:-$ROOT/.build-bench}"
CORPUS_MB="${CORPUS_MB:-100}"
CORPUS_FILES="${CORPUS_FILES:-800}"
SCAN_MB="${SCAN_MB:-50}"
DUP_MB="${DUP_MB:-5}"
BENCH_BUDGET="${BENCH_BUDGET:-120}"
DUP_BUDGET="${DUP_BUDGET:-90}"
AUDIT_BUDGET="${AUDIT_BUDGET:-240}"
NOTE_BYTES="${NOTE_BYTES:-2048}"
LATENCY_RUNS="${LATENCY_RUNS:-30}"
REPEAT="${REPEAT:-3}"
SPACY="${SPACY:-auto}"
SPACY_MB="${SPACY_MB:-10}"
SEED="${SEED:-20261122}"
STEP_TIMEOUT="${STEP_TIMEOUT:-300}"
NPROC="$(nproc)"
START=$EPOCHREALTIME
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg)"

mkdir -p "$OUT"
log() { printf '[bench %5.0fs] %s\n' "$(elapsed)" "$*" >&2; }
elapsed() { python3 -c "import sys; print(float(sys.argv[1]) - float(sys.argv[2]))" "$EPOCHREALTIME" "$START"; }
die() { echo "bench/run.sh: $*" >&2; exit 2; }
command -v python3 >/dev/null || die "python3 is needed (generator and statistics)"

# Statistics over numbers on stdin: median, p90 (nearest rank), min, max.
stats() { python3 -c '
import sys, math
xs = sorted(float(x) for x in sys.stdin.read().split())
if not xs: print("nan nan nan nan"); sys.exit()
n = len(xs); med = xs[n // 2] if n % 2 else (xs[n // 2 - 1] + xs[n // 2]) / 2
p90 = xs[min(n - 1, math.ceil(0.9 * n) - 1)]
print(med, p90, xs[0], xs[-1])'; }
median() { stats | cut -d' ' -f1; }
calc() { python3 -c "import sys; from math import *; print(format(eval(sys.argv[1]), sys.argv[2] if len(sys.argv) > 2 else 'g'))" "$@"; }
kv() { tr ' ' '\n' | sed -n "s/^$1=//p"; }   # value of key $1 in a key=value line
now_us() { local t=$EPOCHREALTIME; echo "${t/./}"; }

# --- 1. build ---------------------------------------------------------------------------------
if [[ -z "${CASELENS:-}" ]]; then
    log "building release ($SCRATCH)"
    for try in 1 2 3; do
        if (cd "$ROOT" && swift build -c release --scratch-path "$SCRATCH" >"$OUT/build.log" 2>&1); then break; fi
        # Someone saving a source file mid-build is worth a retry; anything else is not.
        if [[ $try -lt 3 ]] && grep -q "modified during the build" "$OUT/build.log"; then
            log "a source changed during the build; retrying in 30 s"; sleep 30; continue
        fi
        tail -20 "$OUT/build.log" >&2; die "release build failed (full log: $OUT/build.log)"
    done
    CASELENS="$SCRATCH/release/caselens"
fi
[[ -x "$CASELENS" ]] || die "no caselens binary at $CASELENS"
EMPTY="$OUT/empty.txt"; : >"$EMPTY"
"$CASELENS" check "$EMPTY" >/dev/null 2>"$OUT/check.err" || { cat "$OUT/check.err" >&2; die "caselens cannot check an empty note (lexicon?)"; }

# --- 2. tools ---------------------------------------------------------------------------------
apt_install() {   # apt_install PKG...: best effort, quiet
    command -v apt-get >/dev/null || return 1
    local SUDO=""; [[ $(id -u) -eq 0 ]] || SUDO="sudo -n"
    if ! apt-cache policy "$@" 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        $SUDO apt-get update -qq >/dev/null 2>&1 || true
    fi
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "$@" >/dev/null 2>&1
}
if ! command -v rg >/dev/null; then log "installing ripgrep"; apt_install ripgrep || true; fi
if ! command -v hyperfine >/dev/null; then apt_install hyperfine || true; fi   # optional
HAVE_RG=0; command -v rg >/dev/null && HAVE_RG=1
HAVE_HF=0; command -v hyperfine >/dev/null && [[ "${HYPERFINE:-auto}" != no ]] && HAVE_HF=1
TIME_BIN=/usr/bin/time; [[ -x $TIME_BIN ]] || { apt_install time || true; }
HAVE_TIME=0; [[ -x $TIME_BIN ]] && HAVE_TIME=1

# --- 3. corpora -------------------------------------------------------------------------------
GEN="$BENCH_DIR/generate.py"
GEN_SUM="$(cat "$GEN" "$ROOT"/corpus/records/*.txt | cksum | cut -d' ' -f1)"
CORPUS="$OUT/corpus-${CORPUS_MB}mb-${CORPUS_FILES}f-s$SEED"
if [[ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$GEN_SUM" ]]; then
    log "generating $CORPUS_MB MiB in $CORPUS_FILES files"
    rm -rf "$CORPUS"
    python3 "$GEN" --seed "$SEED" --out "$CORPUS" --size-mb "$CORPUS_MB" --files "$CORPUS_FILES"
    echo "$GEN_SUM" >"$CORPUS/.stamp"
fi
NOTE="$OUT/note-${NOTE_BYTES}b-s$SEED.txt"
python3 "$GEN" --seed "$SEED" --single "$NOTE" --bytes "$NOTE_BYTES"
mapfile -t ALL_FILES < <(cd "$CORPUS" && ls -1 | LC_ALL=C sort | sed "s|^|$CORPUS/|")
take_mb() {   # the first files of the corpus adding up to at least $1 MiB
    local want=$(( $1 * 1048576 )) sum=0 f
    for f in "${ALL_FILES[@]}"; do
        ((sum < want)) || break
        echo "$f"; sum=$(( sum + $(stat -c %s "$f") ))
    done
}
mapfile -t SCAN_FILES < <(take_mb "$SCAN_MB")
bytes_of() { cat "$@" | wc -c; }
CORPUS_BYTES=$(bytes_of "${ALL_FILES[@]}")
SCAN_BYTES=$(bytes_of "${SCAN_FILES[@]}")
CORPUS_MIB=$(calc "$CORPUS_BYTES/1048576" .1f)
SCAN_MIB=$(calc "$SCAN_BYTES/1048576" .1f)
PHRASES="$OUT/phrases.txt"
"$CASELENS" _bench --phrases "$EMPTY" >"$PHRASES"
[[ -s "$PHRASES" ]] || die "caselens _bench --phrases printed nothing"
cat "${ALL_FILES[@]}" >/dev/null   # warm the page cache for every tool alike

ROWS=()   # "measurement|result|target|verdict"
row() { ROWS+=("$1|$2|$3|$4"); }
verdict() { python3 -c "import sys; from math import *; print('met' if eval(sys.argv[1]) else '**missed**')" "$1"; }

# --- 4. check latency -------------------------------------------------------------------------
latency() {   # latency FILE → "median_ms p90_ms mean_cpu_ms" (CPU: nan without hyperfine)
    local f=$1 i t0 t1
    for i in 1 2 3; do "$CASELENS" check "$f" >/dev/null 2>&1 || true; done
    if ((HAVE_HF)) && [[ "$CASELENS$f" != *" "* ]]; then   # hyperfine -N splits the command on spaces
        hyperfine -N -i --warmup 3 --runs "$LATENCY_RUNS" --export-json "$OUT/hf.json" \
            "$CASELENS check $f" >/dev/null 2>&1
        echo "$(python3 -c 'import json,sys; print("\n".join(str(t*1000) for t in json.load(open(sys.argv[1]))["results"][0]["times"]))' "$OUT/hf.json" | stats | cut -d' ' -f1,2)" \
             "$(python3 -c 'import json,sys; r=json.load(open(sys.argv[1]))["results"][0]; print((r["user"]+r["system"])*1000)' "$OUT/hf.json")"
    else
        for ((i = 0; i < LATENCY_RUNS; i++)); do
            t0=${EPOCHREALTIME/./}; "$CASELENS" check "$f" >/dev/null 2>&1 || true; t1=${EPOCHREALTIME/./}
            echo $(( t1 - t0 ))
        done | awk '{ print $1 / 1000 }' | stats | awk '{ print $1, $2, "nan" }'
    fi
}
log "check latency: $LATENCY_RUNS runs on a $NOTE_BYTES-byte note"
rc=0; "$CASELENS" check "$NOTE" >/dev/null 2>"$OUT/check.err" || rc=$?
((rc <= 1)) || { cat "$OUT/check.err" >&2; die "caselens check failed with status $rc"; }
read -r LAT_MED LAT_P90 LAT_CPU < <(latency "$NOTE")
read -r EMPTY_MED EMPTY_P90 EMPTY_CPU < <(latency "$EMPTY")
cpu_note() { [[ $1 == nan ]] || echo "; CPU (user+sys) $(calc "$1" .1f) ms"; }
TIMER=$([[ $HAVE_HF == 1 && "$CASELENS$NOTE" != *" "* ]] && echo "hyperfine -N" || echo "bash \$EPOCHREALTIME")
row "\`check\` latency, $NOTE_BYTES-byte note, incl. start-up ($LATENCY_RUNS runs, $TIMER)" \
    "median $(calc "$LAT_MED" .1f) ms, p90 $(calc "$LAT_P90" .1f) ms$(cpu_note "$LAT_CPU")" "≤ 20 ms" "$(verdict "$LAT_MED <= 20")"
row "&nbsp;&nbsp;start-up floor: \`check\` on an empty note" \
    "median $(calc "$EMPTY_MED" .1f) ms, p90 $(calc "$EMPTY_P90" .1f) ms$(cpu_note "$EMPTY_CPU")" "—" "—"

# --- 5. in-process throughput, one core -------------------------------------------------------
# Rounds stop early (after at least one) when another would overrun the section's time budget.
more_rounds() {   # more_rounds DONE SECTION_START_US BUDGET_S
    (($1 < 1)) && return 0
    (($1 >= REPEAT)) && return 1
    local spent=$(( $(now_us) - $2 ))
    (( spent / $1 * ($1 + 1) <= $3 * 1000000 ))
}
bench_runs() {   # bench_runs DUP BUDGET FILES... → one key=value line per round
    local dup=$1 budget=$2 nr=0 t0; shift 2
    t0=$(now_us)
    while more_rounds $nr "$t0" "$budget"; do
        timeout "$STEP_TIMEOUT" "$CASELENS" _bench --duplicate-rules "$dup" "$@"
        nr=$((nr + 1))
    done
}
first() { head -1 <<<"$1" | kv "$2"; }
log "_bench over $SCAN_MIB MiB (up to $REPEAT rounds, budget ${BENCH_BUDGET}s)"
B1="$(bench_runs 1 "$BENCH_BUDGET" "${SCAN_FILES[@]}")"
echo "$B1" >"$OUT/bench-x1.txt"
N1=$(grep -c . <<<"$B1")
SCAN1=$(kv scan_mib_s <<<"$B1" | median);  CHECK1=$(kv check_mib_s <<<"$B1" | median)
SCAN1_S=$(kv scan_s <<<"$B1" | median);    CHECK1_S=$(kv check_s <<<"$B1" | median)
row "tokenise+match, 1 core, in-process (\`_bench\` scan_mib_s, $SCAN_MIB MiB, $N1 rounds)" "$(calc "$SCAN1" .1f) MiB/s" "≥ 40 MiB/s" "$(verdict "$SCAN1 >= 40")"
TOK1_S=$(kv tokenize_s <<<"$B1" | median)
if [[ "$TOK1_S" != nan ]]; then
    row "&nbsp;&nbsp;of which tokenising alone (\`_bench\` tokenize_s)" "$(calc "$SCAN_MIB/$TOK1_S" .1f) MiB/s ($(calc "100*$TOK1_S/$SCAN1_S" .0f) % of the scan time)" "—" "—"
fi
DFA_STATES=$(first "$B1" dfa_states); EXACT=$(first "$B1" exact_share)
if [[ -n "$DFA_STATES" ]]; then
    row "&nbsp;&nbsp;lazy DFA: states built (cold start, first round); share of tokens the exact scan re-reads" "$DFA_STATES states; $(calc "100*$EXACT" .1f) %" "—" "—"
fi
row "full check incl. judging, 1 core, in-process (\`_bench\` check_mib_s)" "$(calc "$CHECK1" .1f) MiB/s ($(calc "$CHECK1_S/$SCAN1_S" .2f)× the scan time)" "—" "—"

# Lexicon ×10: both sizes on the same (smaller) slice, alternating, so the ratio is like for like.
mapfile -t DUP_FILES < <(take_mb "$DUP_MB")
DUP_MIB=$(calc "$(bytes_of "${DUP_FILES[@]}")/1048576" .1f)
log "_bench --duplicate-rules 1 and 10 over $DUP_MIB MiB (up to $REPEAT rounds, budget ${DUP_BUDGET}s)"
D1=""; D10=""; done_r=0; t0=$(now_us)
while more_rounds $done_r "$t0" "$DUP_BUDGET"; do
    D1+="$(timeout "$STEP_TIMEOUT" "$CASELENS" _bench --duplicate-rules 1 "${DUP_FILES[@]}")"$'\n'
    D10+="$(timeout "$STEP_TIMEOUT" "$CASELENS" _bench --duplicate-rules 10 "${DUP_FILES[@]}")"$'\n'
    done_r=$((done_r + 1))
done
printf '%s' "$D1" >"$OUT/dup-x1.txt"; printf '%s' "$D10" >"$OUT/dup-x10.txt"
ratio_of() { paste <(kv "$1" <<<"$D10") <(kv "$1" <<<"$D1") | awk '{ print $1 / $2 }' | median; }
SCAN_RATIO=$(ratio_of scan_s); CHECK_RATIO=$(ratio_of check_s); COMPILE_RATIO=$(ratio_of compile_ms)
RULES1=$(first "$D1" rules); RULES10=$(first "$D10" rules)
row "lexicon ×10 ($RULES1 → $RULES10 rules, $DUP_MIB MiB, $done_r rounds): tokenise+match time ratio" \
    "$(calc "$SCAN_RATIO" .2f)× ($(kv scan_mib_s <<<"$D1" | median) → $(kv scan_mib_s <<<"$D10" | median) MiB/s)" "≤ 1.2×" "$(verdict "$SCAN_RATIO <= 1.2")"
row "&nbsp;&nbsp;lexicon ×10: full check time ratio; compile time ratio" \
    "$(calc "$CHECK_RATIO" .2f)×; $(calc "$COMPILE_RATIO" .1f)× ($(first "$D1" compile_ms) → $(first "$D10" compile_ms) ms)" "—" "—"

# --- 6. audit and ripgrep over the whole corpus -----------------------------------------------
run_timed() {   # run_timed NAME CMD... → appends "NAME wall_s max_rss_kb rc=N cpu_s" to $OUT/timings.txt
    local name=$1; shift
    local t0 t1 rc=0 rss=nan cpu=nan last
    t0=$(now_us)
    if ((HAVE_TIME)); then
        timeout "$STEP_TIMEOUT" "$TIME_BIN" -f '%M %U %S' -o "$OUT/rss.txt" "$@" >/dev/null 2>"$OUT/$name.err" || rc=$?
    else
        timeout "$STEP_TIMEOUT" "$@" >/dev/null 2>"$OUT/$name.err" || rc=$?
    fi
    t1=$(now_us)
    if ((HAVE_TIME)); then
        last=$(grep -E '^[0-9]+ [0-9.]+ [0-9.]+$' "$OUT/rss.txt" | tail -1 || true)
        if [[ -n "$last" ]]; then read -r rss u s <<<"$last"; cpu=$(calc "$u + $s" .2f); fi
    fi
    echo "$name $(calc "($t1 - $t0) / 1e6" .4f) $rss rc=$rc $cpu" >>"$OUT/timings.txt"
}
# ripgrep builds one automaton from every phrase; a huge phrase list can take gigabytes, so it
# runs under a virtual-memory cap (RG_MEM_MB) on this shared machine.
CAPPED=(bash -c 'ulimit -v "$0" && exec "$@"' "$(( ${RG_MEM_MB:-4096} * 1024 ))")
AUDIT=0
if "$CASELENS" audit --help >/dev/null 2>&1; then AUDIT=1; fi
: >"$OUT/timings.txt"
if ((AUDIT || HAVE_RG)); then
    log "audit and ripgrep over $CORPUS_MIB MiB in ${#ALL_FILES[@]} files (up to $REPEAT alternating rounds, budget ${AUDIT_BUDGET}s)"
    done_r=0; t0=$(now_us)
    while more_rounds $done_r "$t0" "$AUDIT_BUDGET"; do
        done_r=$((done_r + 1))
        if ((AUDIT)); then run_timed audit1 "$CASELENS" audit --jobs 1 --no-progress --format jsonl "$CORPUS"; fi
        if ((HAVE_RG)); then run_timed rg1 "${CAPPED[@]}" rg -j1 -F -i -w -c -f "$PHRASES" "$CORPUS"; fi
        if ((AUDIT)); then run_timed auditN "$CASELENS" audit --jobs "$NPROC" --no-progress --format jsonl "$CORPUS"; fi
        if ((HAVE_RG)); then run_timed rgN "${CAPPED[@]}" rg -F -i -w -c -f "$PHRASES" "$CORPUS"; fi
    done
fi
col() { awk -v n="$1" -v c="$2" '$1 == n { print $c }' "$OUT/timings.txt"; }
secs() { col "$1" 2 | median; }
mibs() { calc "$CORPUS_MIB/$(secs "$1")" .1f; }
cpu_mibs() { calc "$CORPUS_MIB/$(col "$1" 5 | median)" .1f; }   # MiB per CPU-second (user+sys)
maxrss_mib() { calc "$(col "$1" 3 | stats | cut -d' ' -f4)/1024" .0f; }
pair_ratio() { paste <(col "$1" 2) <(col "$2" 2) | awk '{ print $1 / $2 }' | median; }
bad_rc() { awk -v n="$1" '$1 == n && $4 !~ /^rc=(0|1|4|5)$/' "$OUT/timings.txt" | head -1; }
if ((AUDIT)); then
    for n in audit1 auditN; do
        if [[ -n "$(bad_rc $n)" ]]; then cat "$OUT/$n.err" >&2; die "caselens audit failed: $(bad_rc $n)"; fi
    done
    SPEEDUP=$(pair_ratio audit1 auditN)
    row "\`audit --format jsonl\`, 1 worker (\`--jobs 1\`), $CORPUS_MIB MiB" "$(mibs audit1) MiB/s ($(cpu_mibs audit1) MiB per CPU-second)" "—" "—"
    row "\`audit --format jsonl\`, all $NPROC cores (\`--jobs $NPROC\`)" "$(mibs auditN) MiB/s ($(cpu_mibs auditN) MiB per CPU-second)" "—" "—"
    row "audit speed-up, all cores / 1 core ($done_r paired rounds)" "$(calc "$SPEEDUP" .2f)×" "≥ 1.8×" "$(verdict "$SPEEDUP >= 1.8")"
    row "&nbsp;&nbsp;audit CPU time (user+sys), all cores / 1 worker" "$(calc "$(col auditN 5 | median)/$(col audit1 5 | median)" .2f)× (ideal 1.00: no extra work from threading)" "—" "—"
    RSS=$(maxrss_mib auditN); RSS1=$(maxrss_mib audit1)
    row "audit peak RSS (\`/usr/bin/time -f %M\`), all cores / 1 worker" "$RSS MiB / $RSS1 MiB" "< 150 MiB" "$(verdict "$RSS < 150 and $RSS1 < 150")"
else
    for m in "\`audit\`, 1 worker" "\`audit\`, all $NPROC cores" "audit speed-up, all cores / 1 core" "audit peak RSS"; do
        row "$m" "n/a (audit not available)" "—" "—"
    done
fi
if ((HAVE_RG)) && [[ -n "$(bad_rc rg1)$(bad_rc rgN)" ]]; then
    row "yardstick: ripgrep" "failed: $(bad_rc rg1) $(bad_rc rgN) with $(wc -l <"$PHRASES") phrases (see $OUT/rg1.err)" "—" "—"
elif ((HAVE_RG)); then
    RGV=$(rg --version | sed -n 1p)
    row "yardstick: \`rg -F -i -w -c -f PHRASES\` ($RGV, $(wc -l <"$PHRASES") phrases), 1 core (\`-j1\`)" "$(mibs rg1) MiB/s ($(cpu_mibs rg1) MiB per CPU-second)" "—" "—"
    row "yardstick: same, all cores" "$(mibs rgN) MiB/s ($(cpu_mibs rgN) MiB per CPU-second)" "—" "—"
    if ((AUDIT)); then
        R1=$(pair_ratio audit1 rg1); RN=$(pair_ratio auditN rgN)
        row "CaseLens/rg time ratio, 1 core" "$(calc "$R1" .2f)" "—" "—"
        row "CaseLens/rg time ratio, all cores" "$(calc "$RN" .2f)" "≤ 1.0" "$(verdict "$RN <= 1.0")"
    else
        row "CaseLens/rg time ratio" "n/a (audit not available)" "≤ 1.0" "—"
    fi
else
    row "yardstick: ripgrep" "n/a (ripgrep could not be installed)" "—" "—"
fi

# --- 7. spaCy yardstick -----------------------------------------------------------------------
SPACY_ROW="skipped (SPACY=skip)"
if [[ "$SPACY" != skip ]]; then
    VENV="$OUT/spacy-venv"
    if [[ ! -x "$VENV/bin/python" ]] || ! "$VENV/bin/python" -c "import spacy" 2>/dev/null; then
        log "installing spaCy into $VENV (once)"
        rm -rf "$VENV" "$OUT/pipcheck"
        if timeout 120 python3 -m pip download -q --no-deps spacy -d "$OUT/pipcheck" >/dev/null 2>&1 &&
            python3 -m venv "$VENV" >/dev/null 2>&1 &&
            timeout 300 "$VENV/bin/pip" install -q spacy >"$OUT/spacy-install.log" 2>&1; then
            :
        else
            SPACY_ROW="skipped (spaCy not installable from PyPI within the time limit; see $OUT/spacy-install.log)"
        fi
        rm -rf "$OUT/pipcheck"
    fi
    if "$VENV/bin/python" -c "import spacy" 2>/dev/null; then
        log "spaCy PhraseMatcher over $SPACY_MB MiB"
        if SP=$(timeout "$STEP_TIMEOUT" "$VENV/bin/python" "$BENCH_DIR/spacy_yardstick.py" \
                --phrases "$PHRASES" --max-mb "$SPACY_MB" "${ALL_FILES[@]}" 2>"$OUT/spacy.err"); then
            echo "$SP" >"$OUT/spacy.txt"
            SPACY_ROW="$(kv mib_s <<<"$SP") MiB/s (spaCy $(kv spacy <<<"$SP"), $(calc "$(kv bytes <<<"$SP")/1048576" .1f) MiB, one Doc per file)"
        else
            SPACY_ROW="failed (see $OUT/spacy.err)"
        fi
    fi
fi
row "yardstick: spaCy \`blank(\"en\")\` + PhraseMatcher(LOWER), 1 core" "$SPACY_ROW" "—" "—"

# --- 8. report --------------------------------------------------------------------------------
CPU="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
SWIFTV="$(swift --version 2>/dev/null | grep -Eo 'Swift version [^ ]+' | head -1 || true)"
ICUV="$(pkg-config --modversion icu-uc 2>/dev/null || echo '?')"
FINDINGS=$(first "$B1" findings); RAW=$(first "$B1" raw_matches); TOKENS=$(first "$B1" tokens)
{
    echo "# CaseLens benchmark, $(date +%Y-%m-%d)"
    echo
    echo "Machine: $NPROC cores (\`nproc\`), $CPU; ${SWIFTV:-Swift ?}; ICU $ICUV."
    LOAD_END="$(cut -d' ' -f1-3 /proc/loadavg)"
    echo "Load average (1, 5, 15 min) at start: $LOAD_START; at end: $LOAD_END."
    echo "Corpus: $CORPUS_MIB MiB in ${#ALL_FILES[@]} files (generate.py, seed $SEED); \`_bench\` on the first $SCAN_MIB MiB" \
         "($TOKENS tokens, $RAW raw matches, $FINDINGS findings); medians of up to $REPEAT rounds (rows say how many); MiB = 2^20 bytes."
    if python3 -c "import sys; sys.exit(0 if max(float(sys.argv[1]), float(sys.argv[2])) > float(sys.argv[3]) * 0.75 else 1)" \
            "${LOAD_START%% *}" "${LOAD_END%% *}" "$NPROC"; then
        echo
        echo "**Warning: the machine was busy (1-minute load above $(calc "$NPROC*0.75" g) on $NPROC cores). Wall-clock rows," \
             "and above all the all-cores speed-up, understate CaseLens; the MiB-per-CPU-second and CPU figures are steadier.**"
    fi
    echo
    echo "| measurement | result | target | verdict |"
    echo "|---|---|---|---|"
    for r in "${ROWS[@]}"; do
        IFS='|' read -r a b c d <<<"$r"
        echo "| $a | $b | $c | $d |"
    done
} >"$OUT/latest.md"
cat "$OUT/latest.md"
log "done; table also in $OUT/latest.md"
