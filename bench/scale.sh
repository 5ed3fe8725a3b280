#!/usr/bin/env bash
# How cost grows with the work (BENCHMARKS.md, "Scale"): with 1,000, 10,000 and 100,000 live
# logged-in sessions of raw HttpSession, Session and a slice (each in its own application), the
# throughput and p99 of reading the cart over all of them (wrk, each request the next session's
# cookie) and the heap after full collections. Sessions accumulate: each step logs in the
# difference. Run bench/run.sh (or its build) once before. Writes bench/results/scale.md.
# Usage: bench/scale.sh [SECONDS] [SIZES...]
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-10}
shift || true
SIZES=${*:-1000 10000 100000}
RESULTS=results
source ./wildfly.sh
mkdir -p "$RESULTS"
[ -f war/target/bench.war ] || { echo "run bench/run.sh first: it builds the benchmark's WARs" >&2; exit 1; }
SERVER_CPU=() LOAD_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  SERVER_CPU=(taskset -c 1) LOAD_CPU=(taskset -c 0)
fi
trap '[ -f "$RESULTS/wildfly.pid" ] && kill "$(cat "$RESULTS/wildfly.pid")" 2>/dev/null; wait 2>/dev/null || true' EXIT
start_wildfly "$PWD/$RESULTS/wildfly.pid" "$RESULTS/wildfly-scale.log" "${SERVER_CPU[@]}"

path() { case "$1" in raw) echo "/bench-raw/api/raw";; *) echo "/bench-$1/api/$1";; esac; }
meter() { echo "http://127.0.0.1:8080$(path "$1" | sed -E 's#/[a-z]+$##')/meter"; }
IMPLS="raw session slice"
echo "| live sessions | implementation | read cart req/s | p50 ms | p99 ms | errors | heap MiB after full GC (the whole server) | load average |" | tee "$RESULTS/scale.md"
echo "|---|---|---|---|---|---|---|---|" | tee -a "$RESULTS/scale.md"
have=0
rm -f "$RESULTS"/scale-cookies-*.txt
for size in $SIZES; do
  for impl in $IMPLS; do
    python3 tools.py pool 8080 "$(path "$impl")/login" $((size - have)) "$RESULTS/scale-new-$impl.txt"
    cat "$RESULTS/scale-new-$impl.txt" >> "$RESULTS/scale-cookies-$impl.txt"
  done
  have=$size
  for impl in $IMPLS; do
    METHOD=GET COOKIES="$RESULTS/scale-cookies-$impl.txt" "${LOAD_CPU[@]}" wrk -t2 -c32 -d5s -s wrk/session.lua \
      "http://127.0.0.1:8080$(path "$impl")/cart" > /dev/null  # warm-up over the new sessions
    line=$(METHOD=GET COOKIES="$RESULTS/scale-cookies-$impl.txt" "${LOAD_CPU[@]}" wrk -t2 -c32 -d"$SECONDS_PER_RUN"s \
      -s wrk/session.lua "http://127.0.0.1:8080$(path "$impl")/cart" | grep '^RESULT')
    heap=$(curl -s "$(meter "$impl")/heap")
    echo "$line" | sed -E "s/RESULT rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+)/| $size | $impl | \1 | \2 | \3 | \4 | $((heap / 1048576)) | $(uptime | sed 's/.*average: //') |/" \
      | tee -a "$RESULTS/scale.md"
  done
done
