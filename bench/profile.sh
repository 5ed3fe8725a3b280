#!/usr/bin/env bash
# Where WildFly's CPU goes on each endpoint of BENCHMARKS.md: async-profiler (from Maven Central)
# samples the server under the same wrk load as run.sh, and tools.py reports the share of the
# samples spent in the library's code (its beans, their Weld proxies, its listener and filter,
# and what they call), which bounds what the library can cost an endpoint. Unlike a throughput
# ratio, it is read within one run, so the machine's speed changing between runs does not move it.
# Run bench/run.sh once before (it builds and unpacks what this uses). Writes
# bench/results/profiles/ (collapsed stacks, one file a run) and bench/results/cpu-share.md.
# Usage: bench/profile.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")"
SECONDS_PER_RUN=${1:-30}
PROFILER=4.1
RESULTS=results
source ./wildfly.sh
mkdir -p "$RESULTS/profiles"
[ -f war/target/bench.war ] || { echo "run bench/run.sh first: it builds the benchmark's WARs" >&2; exit 1; }
SERVER_CPU=() LOAD_CPU=()
if [ "$(nproc)" -ge 2 ] && command -v taskset >/dev/null; then
  SERVER_CPU=(taskset -c 1) LOAD_CPU=(taskset -c 0)
fi

echo "== async-profiler $PROFILER"
# fetched once (a network namespace without a way out can then run it offline)
[ -f "target/profiler/async-profiler-$PROFILER-linux-x64.jar" ] \
  || mvn -B -q org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="tools.profiler:async-profiler:$PROFILER:jar:linux-x64" -DoutputDirectory=target/profiler
unzip -o -q "target/profiler/async-profiler-$PROFILER-linux-x64.jar" 'linux-x64/*' -d target/profiler
AGENT=$PWD/target/profiler/linux-x64/libasyncProfiler.so

echo "== starting WildFly with the benchmark's applications"
trap '[ -f "$RESULTS/wildfly.pid" ] && kill "$(cat "$RESULTS/wildfly.pid")" 2>/dev/null; wait 2>/dev/null || true' EXIT
start_wildfly "$PWD/$RESULTS/wildfly.pid" "$RESULTS/wildfly-profile.log" "${SERVER_CPU[@]}"
PID=$(cat "$RESULTS/wildfly.pid")

# jdbc: Session with the user index in H2 (bench-jdbc), its sessions logged in through
# Session.login (signin) so that the index follows them
path() { case "$1" in raw) echo "/bench-raw/api/raw";; raw-lib) echo "/bench-lib/api/raw";; jdbc) echo "/bench-jdbc/api/session";; *) echo "/bench-$1/api/$1";; esac; }
login() { case "$1" in jdbc) echo signin;; *) echo login;; esac; }
IMPLS="raw raw-lib session slice jdbc"
for impl in $IMPLS; do
  python3 tools.py pool 8080 "$(path $impl)/$(login $impl)" 1000 "$RESULTS/cookies-$impl.txt"
done
load() { # impl endpoint seconds
  local url="http://127.0.0.1:8080$(path "$1")" method=GET cookies="$RESULTS/cookies-$1.txt"
  case "$2" in
    read-cart) url="$url/cart";;
    add-to-cart) url="$url/cart"; method=POST;;
    anonymous-read) url="$url/anonymous"; cookies="";;
    login) url="$url/$(login "$1")"; method=POST; cookies="";;
  esac
  METHOD=$method COOKIES=$cookies "${LOAD_CPU[@]}" wrk -t2 -c32 -d"$3"s -s wrk/session.lua "$url" | grep '^RESULT'
}
# jcmd reads key=value arguments as its own options: the agent's option string goes in quotes
agent() { jcmd "$PID" JVMTI.agent_load "$AGENT" "\"$1\"" >/dev/null; }

ENDPOINTS="read-cart add-to-cart anonymous-read login"
echo "== warm-up"
for endpoint in $ENDPOINTS; do for impl in $IMPLS; do load "$impl" "$endpoint" 10 >/dev/null; done; done
echo "== ${SECONDS_PER_RUN}s profiled runs"
for endpoint in $ENDPOINTS; do
  for impl in $IMPLS; do
    agent "start,event=itimer,interval=1ms"
    echo "  $endpoint $impl $(load "$impl" "$endpoint" "$SECONDS_PER_RUN")"
    agent "stop,collapsed,file=$PWD/$RESULTS/profiles/${endpoint}__$impl.txt"
  done
done
python3 tools.py share "$RESULTS"/profiles/*.txt | tee "$RESULTS/cpu-share.md"
