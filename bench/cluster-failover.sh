#!/usr/bin/env bash
# Repeats the cluster fail-over round (FailoverRounds) on one start of the two-node WildFly cluster:
# 100 clients fill carts through both nodes, node 1 is killed with kill -9 as soon as the last
# response arrived, the carts are read from node 2, node 1 is started again; prints the carts lost
# per round and a summary line. Exits non-zero if any cart was lost.
#
#   bench/cluster-failover.sh [rounds] [library|raw] [SESSION|ATTRIBUTE]
#
# 'raw' runs the same round on a WAR without the library (a servlet on raw HttpSession).
# Extra Maven options go in MAVEN_ARGS (for example MAVEN_ARGS=-o). Run it in a network namespace
# of its own if other servers run on this machine (CONTRIBUTING.md).
set -euo pipefail
cd "$(dirname "$0")/.."
rounds="${1:-20}"
war="${2:-library}"
granularity="${3:-SESSION}"
log="target/cluster-failover-${war}-${granularity}.log"
mkdir -p target
set +e
mvn -B ${MAVEN_ARGS:-} verify -Pcluster -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
    -Dspotless.check.skip=true -Dit.test=FailoverRounds \
    -Dfailover.rounds="$rounds" -Dfailover.war="$war" -Dfailover.granularity="$granularity" >"$log" 2>&1
status=$?
set -e
grep -E '^(fail-over|  round)' target/failsafe-reports/cluster/*FailoverRounds-output.txt 2>/dev/null \
    || grep -E '^(fail-over|  round)' "$log" || tail -40 "$log"
echo "(full log: $log)"
exit $status
