#!/usr/bin/env bash
# The soak (BENCHMARKS.md, "Soak"): MINUTES of churn at about half the peak rate, for raw
# HttpSession (bench-raw, sessions of a 60-second timeout) and Session (bench-soak: bench.war with
# voltage.session.timeout=60): users log in (Session.login, so the user index follows every session),
# add to the cart, read it, and three in four log out,
# the fourth walks away and its session expires (wrk/churn.lua). Reports per 30-second segment the
# rate, p99 and errors, the library's structures (per-session locks, user index), and heap after
# full collections at the start (after a 2-minute warm-up at the same rate) and at the end.
# Run bench/run.sh (or its build) once before. Writes bench/results/soak-<impl>.txt.
# Usage: bench/soak.sh [MINUTES] [IMPLS...]
set -euo pipefail
cd "$(dirname "$0")"
MINUTES=${1:-10}
shift || true
IMPLS=${*:-raw session}
THREADS=8
RESULTS=results
source ./wildfly.sh
mkdir -p "$RESULTS"
[ -f war/target/bench.war ] || { echo "run bench/run.sh first: it builds the benchmark's WARs" >&2; exit 1; }
SERVER_CPU=() LOAD_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  SERVER_CPU=(taskset -c 1) LOAD_CPU=(taskset -c 0)
fi
trap '[ -f "$RESULTS/wildfly.pid" ] && kill "$(cat "$RESULTS/wildfly.pid")" 2>/dev/null; wait 2>/dev/null || true' EXIT
start_wildfly "$PWD/$RESULTS/wildfly.pid" "$RESULTS/wildfly-soak.log" "${SERVER_CPU[@]}"

base() { case "$1" in raw) echo /bench-raw/api/raw;; *) echo /bench-soak/api/session;; esac; }
meter() { case "$1" in raw) echo /bench-raw/api/meter;; *) echo /bench-soak/api/meter;; esac; }
login() { case "$1" in raw) echo short-login;; *) echo signin;; esac; }
churn() { # impl seconds delay_ms
  BASE=$(base "$1") LOGIN=$(login "$1") DELAY_MS=$3 "${LOAD_CPU[@]}" \
    wrk -t$THREADS -c$THREADS -d"$2"s -s wrk/churn.lua "http://127.0.0.1:8080" | grep '^RESULT'
}
rps() { sed -E 's/.*rps=([0-9.]+).*/\1/'; }

for impl in $IMPLS; do
  out="$RESULTS/soak-$impl.txt"
  : > "$out"
  peak=$(churn "$impl" 20 0 | rps)
  # each thread waits DELAY_MS between requests: about half the peak rate
  delay=$(python3 -c "print(max(1, round($THREADS * 1000 / ($peak / 2))))")
  echo "$impl peak ${peak} req/s, delay ${delay} ms per thread; load: $(uptime)" | tee -a "$out"
  churn "$impl" 120 "$delay" > /dev/null
  echo "start heap=$(curl -s "http://127.0.0.1:8080$(meter "$impl")/heap") live=$(curl -s "http://127.0.0.1:8080$(meter "$impl")/sessions") $(curl -s "http://127.0.0.1:8080$(meter "$impl")/structures")" | tee -a "$out"
  for segment in $(seq 1 $((MINUTES * 2))); do
    line=$(churn "$impl" 30 "$delay")
    echo "segment $segment $line live=$(curl -s "http://127.0.0.1:8080$(meter "$impl")/sessions") $(curl -s "http://127.0.0.1:8080$(meter "$impl")/structures")" | tee -a "$out"
  done
  echo "end heap=$(curl -s "http://127.0.0.1:8080$(meter "$impl")/heap") live=$(curl -s "http://127.0.0.1:8080$(meter "$impl")/sessions") $(curl -s "http://127.0.0.1:8080$(meter "$impl")/structures"); load: $(uptime)" | tee -a "$out"
done
