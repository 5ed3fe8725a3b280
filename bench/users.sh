#!/usr/bin/env bash
# What the user index costs (BENCHMARKS.md, "The user index"): a login through Session.login (a new
# id, the session listed under its user) and a read of the cart and an update of it (Session.update,
# under the per-session lock) in such a session, with the
# memory index (bench-session) and with the jdbc index in WildFly's default data source, H2
# (bench-jdbc), against the raw HttpSession login, read and update. ROUNDS rounds of SECONDS-second wrk
# runs, the order alternating. Run bench/run.sh (or at least its build) once before.
# Writes bench/results/users.md and users.jsonl. Usage: bench/users.sh [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-5}
SECONDS_PER_RUN=${2:-4}
RESULTS=results
source ./wildfly.sh
mkdir -p "$RESULTS"
: > "$RESULTS/users.jsonl"
[ -f war/target/bench.war ] || { echo "run bench/run.sh first: it builds the benchmark's WARs" >&2; exit 1; }
SERVER_CPU=() LOAD_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  SERVER_CPU=(taskset -c 1) LOAD_CPU=(taskset -c 0)
fi
trap '[ -f "$RESULTS/wildfly.pid" ] && kill "$(cat "$RESULTS/wildfly.pid")" 2>/dev/null; wait 2>/dev/null || true' EXIT
start_wildfly "$PWD/$RESULTS/wildfly.pid" "$RESULTS/wildfly-users.log" "${SERVER_CPU[@]}"

url() { case "$1" in raw) echo "http://127.0.0.1:8080/bench-raw/api/raw";; memory) echo "http://127.0.0.1:8080/bench-session/api/session";; jdbc) echo "http://127.0.0.1:8080/bench-jdbc/api/session";; esac; }
login() { case "$1" in raw) echo login;; *) echo signin;; esac; }
IMPLS="raw memory jdbc"
for impl in $IMPLS; do
  python3 tools.py pool 8080 "$(url "$impl" | sed 's#http://127.0.0.1:8080##')/$(login "$impl")" 1000 "$RESULTS/cookies-users-$impl.txt"
done
run() { # impl endpoint round seconds
  local impl=$1 endpoint=$2 round=$3 method=GET url cookies="$RESULTS/cookies-users-$1.txt" line
  case "$endpoint" in
    "read cart") url="$(url "$impl")/cart";;
    "add to cart") url="$(url "$impl")/cart"; method=POST;;
    "login") url="$(url "$impl")/$(login "$impl")"; method=POST; cookies="";;
  esac
  line=$(METHOD=$method COOKIES=$cookies "${LOAD_CPU[@]}" wrk -t2 -c32 -d"$4"s -s wrk/session.lua "$url" | grep '^RESULT')
  if [ "$round" != warmup ]; then
    echo "$line" | sed -E 's/RESULT rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+)/{"endpoint":"'"$endpoint"'","impl":"'"$impl"'","round":'"$round"',"rps":\1,"p50":\2,"p99":\3,"errors":\4}/' >> "$RESULTS/users.jsonl"
    echo "  round $round  $endpoint  $impl  $line"
  fi
}
echo "== warm-up"
for endpoint in "read cart" "add to cart" "login"; do for impl in $IMPLS; do run "$impl" "$endpoint" warmup 10; done; done
echo "== $ROUNDS rounds"
for round in $(seq 1 "$ROUNDS"); do
  order="$IMPLS"
  [ $((round % 2)) -eq 0 ] && order="jdbc memory raw"
  for endpoint in "read cart" "add to cart" "login"; do
    for impl in $order; do run "$impl" "$endpoint" "$round" "$SECONDS_PER_RUN"; done
  done
done
python3 tools.py report "$RESULTS/users.jsonl" | tee "$RESULTS/users.md"
