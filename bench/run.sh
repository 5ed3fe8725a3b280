#!/usr/bin/env bash
# Runs every benchmark of BENCHMARKS.md on this machine and writes bench/results/:
#   - heap bytes per session for a 10-item cart stored each way, and sessions made by 10,000
#     anonymous reads;
#   - HTTP throughput and latency (wrk, loopback) of four endpoints written three ways on WildFly
#     (raw HttpSession in an application without the library, the same beside the library,
#     Session, a ScopedSession slice) and on express-session (Node, MemoryStore), in alternating
#     order, ROUNDS times;
#   - JMH micro-benchmarks of Session and of a slice against raw attribute access.
# With two cores or more, wrk runs on core 0 and the servers on core 1, so they do not take turns
# on one core.
# Needs Java 17, Maven, Node.js with npm, python3 and wrk (apt-get install wrk). Ports 8080, 9990
# and 3000 must be free. Usage: bench/run.sh [ROUNDS] [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
ROUNDS=${1:-10}
SECONDS_PER_RUN=${2:-4}
WARMUP_SECONDS=10
POOL=1000
THREADS=2
CONNECTIONS=32
RESULTS=results
source ./wildfly.sh
mkdir -p "$RESULTS"
: > "$RESULTS/http.jsonl"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install wrk" >&2; exit 1; }
SERVER_CPU=() LOAD_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  SERVER_CPU=(taskset -c 1) LOAD_CPU=(taskset -c 0)
fi

echo "== building the library, the benchmark WAR and the JMH jar from source"
mvn -B -q -o -f pom.xml -DskipTests package  # -o: what it needs is cached after a first online build

echo "== starting WildFly with the benchmark's applications, and express-session"
start_wildfly "$PWD/$RESULTS/wildfly.pid" "$RESULTS/wildfly.log" "${SERVER_CPU[@]}"
(cd express && { [ -d node_modules ] || npm ci --no-audit --no-fund >/dev/null; } && exec "${SERVER_CPU[@]}" node server.js) \
  > "$RESULTS/express.log" 2>&1 &
EXPRESS_PID=$!
stop() {
  kill "$EXPRESS_PID" 2>/dev/null || true
  [ -f "$RESULTS/wildfly.pid" ] && kill "$(cat "$RESULTS/wildfly.pid")" 2>/dev/null || true
  wait 2>/dev/null || true
}
trap stop EXIT
for _ in $(seq 1 60); do
  curl -sf http://127.0.0.1:3000/cart >/dev/null && break
  sleep 1
done

# raw: HttpSession in an application without the library (the baseline); raw-lib: the same code in
# an application that has the library, which runs its listener and filter on every request
path() { case "$1" in express) echo "";; raw) echo "/bench-raw/api/raw";; raw-lib) echo "/bench-lib/api/raw";; *) echo "/bench-$1/api/$1";; esac; }
port() { case "$1" in express) echo 3000;; *) echo 8080;; esac; }
base() { echo "http://127.0.0.1:$(port "$1")$(path "$1")"; }
IMPLS="raw raw-lib session slice express"

echo "== heap per session (10-item cart, 5,000 sessions a way, alternating, twice), before any load"
: > "$RESULTS/memory.txt"
for round in 1 2; do
  order="raw session slice"; [ $round -eq 2 ] && order="slice session raw"
  for way in $order; do
    echo "$way $(python3 tools.py memory 8080 "$(path $way)" 5000)" | tee -a "$RESULTS/memory.txt"
  done
done
echo "== sessions created by 10,000 anonymous reads" | tee -a "$RESULTS/memory.txt"
for way in raw session slice; do
  echo "anonymous $way $(python3 tools.py anonymous 8080 "$(path $way)" 10000)" | tee -a "$RESULTS/memory.txt"
done

echo "== $POOL logged-in clients for each implementation"
for impl in $IMPLS; do
  python3 tools.py pool "$(port $impl)" "$(path $impl)/login" "$POOL" "$RESULTS/cookies-$impl.txt"
done

run() { # impl endpoint round seconds
  local impl=$1 endpoint=$2 round=$3 seconds=$4 method=GET url cookies=""
  case "$endpoint" in
    "read cart") url="$(base $impl)/cart"; cookies="$RESULTS/cookies-$impl.txt";;
    "add to cart") url="$(base $impl)/cart"; method=POST; cookies="$RESULTS/cookies-$impl.txt";;
    "anonymous read") url="$(base $impl)/anonymous";;
    "login") url="$(base $impl)/login"; method=POST;;
  esac
  local line
  line=$(METHOD=$method COOKIES=$cookies "${LOAD_CPU[@]}" wrk -t$THREADS -c$CONNECTIONS -d${seconds}s -s wrk/session.lua "$url" | grep '^RESULT')
  if [ "$round" != warmup ]; then
    echo "$line" | sed -E 's/RESULT rps=([0-9.]+) p50_ms=([0-9.]+) p99_ms=([0-9.]+) errors=([0-9]+)/{"endpoint":"'"$endpoint"'","impl":"'"$impl"'","round":'"$round"',"rps":\1,"p50":\2,"p99":\3,"errors":\4}/' >> "$RESULTS/http.jsonl"
    echo "  round $round  $endpoint  $impl  $line"
  fi
}

echo "== warm-up"
for endpoint in "read cart" "add to cart" "anonymous read" "login"; do
  for impl in $IMPLS; do run "$impl" "$endpoint" warmup "$WARMUP_SECONDS"; done
done

echo "== $ROUNDS rounds of ${SECONDS_PER_RUN}s runs, order alternating"
for round in $(seq 1 "$ROUNDS"); do
  order="$IMPLS"
  [ $((round % 2)) -eq 0 ] && order=$(echo "$IMPLS" | tr ' ' '\n' | tac | tr '\n' ' ')
  for endpoint in "read cart" "add to cart" "anonymous read" "login"; do
    for impl in $order; do run "$impl" "$endpoint" "$round" "$SECONDS_PER_RUN"; done
  done
done
python3 tools.py report "$RESULTS/http.jsonl" > "$RESULTS/http.md"

stop
trap - EXIT

echo "== JMH"
java -jar jmh/target/benchmarks.jar SessionBenchmark -bm sample -f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff "$RESULTS/jmh.json" \
  | tee "$RESULTS/jmh.txt" | grep -E "^(Benchmark|SessionBenchmark.[a-zA-Z]+( |:p0.50))"

echo "== results in bench/$RESULTS: http.md, memory.txt, jmh.txt"
cat "$RESULTS/http.md"
