# Sourced by scripts/browser-check.sh and bench/serve-load.sh: starts `caselens serve` on a free
# loopback port and waits until it listens.
#
#   start_serve BIN LOGFILE     sets $server (its pid) and $url (http://127.0.0.1:PORT); stops it on exit

start_serve() {
    "$1" serve --host 127.0.0.1 --port 0 2> "$2" &
    server=$!
    trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null || true' EXIT
    url=""
    for _ in $(seq 1 100); do
        url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$2" | head -1 || true)
        [ -n "$url" ] && return 0
        kill -0 "$server" 2>/dev/null || break
        sleep 0.1
    done
    cat "$2" >&2
    echo "caselens serve did not start" >&2
    exit 2
}
