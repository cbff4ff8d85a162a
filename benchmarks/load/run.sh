#!/usr/bin/env bash
# Load test of the service, from the repository root, once `thidua serve` exists (service/target/thidua.jar):
#   apt-get install -y wrk        # Debian's package
#   bash benchmarks/load/run.sh
# Starts `thidua serve` on 127.0.0.1 with a fresh SQLite file (persistence on), measures the cold start to the
# first answered evaluation, then runs wrk from a separate process for DURATION seconds each:
# single-unit POST /api/v1/evaluations at 16 and 64 connections, and 1,000-unit batches at 4 connections.
# Loopback only; every run is bounded in time; the server is stopped by its process id at the end.
# SERVE_ARGS overrides how the server is started (default: serve --port PORT --db DB).
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18080}
DURATION=${DURATION:-30}
JAR=${JAR:-service/target/thidua.jar}
BENCH=benchmarks/target/benchmarks.jar
URL="http://127.0.0.1:$PORT/api/v1/evaluations"

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
[ -f "$JAR" ] && [ -f "$BENCH" ] || mvn -B -q package -DskipTests
if ! java -jar "$JAR" --help 2>/dev/null | grep -E '^ +serve( |$)' >/dev/null; then  # not grep -q: under pipefail java could die of a closed pipe
  echo "this build of thidua has no 'serve' command yet: the service load test needs it" >&2
  exit 2
fi

WORK=$(mktemp -d)
OUT=benchmarks/results/load-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
java -cp "$BENCH" org.thidua.bench.RequestFile 1 "$WORK/one.json"
java -cp "$BENCH" org.thidua.bench.RequestFile 1000 "$WORK/batch-1000.json"

# shellcheck disable=SC2086
SERVE_ARGS=${SERVE_ARGS:-serve --port $PORT --db $WORK/thidua.db}
start=$(date +%s%N)
# shellcheck disable=SC2086
java -jar "$JAR" $SERVE_ARGS > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
  if curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "$URL"; then
    break
  fi
  sleep 0.05
done
echo "cold start to first answered evaluation: $(( ($(date +%s%N) - start) / 1000000 )) ms" | tee "$OUT/cold-start.txt"

# CPU time the server has used so far (user + system, ms): per request, it shows the cost of a request even when
# other work shares the cores and the wall-clock figures are noisy.
cpu_ms() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$SERVER/stat"; }
echo "server CPU to first answered evaluation: $(cpu_ms) ms" | tee -a "$OUT/cold-start.txt"

run() { # connections body name
  local before after requests
  before=$(cpu_ms)
  BODY="$2" wrk -t2 -c"$1" -d"${DURATION}s" --latency -s benchmarks/load/post.lua "$URL" > "$OUT/$3.txt" 2>&1
  after=$(cpu_ms)
  requests=$(grep -o 'SUMMARY requests=[0-9]*' "$OUT/$3.txt" | grep -o '[0-9]*$' || echo 0)
  echo "SERVER_CPU ms=$((after - before)) per_request_ms=$(awk -v c=$((after - before)) -v r="${requests:-0}" 'BEGIN {printf "%.3f", r ? c / r : 0}')" >> "$OUT/$3.txt"
  echo "$3: $(grep SUMMARY "$OUT/$3.txt") $(grep SERVER_CPU "$OUT/$3.txt" | cut -d' ' -f2-)"
}
run 16 "$WORK/one.json" single-16
run 64 "$WORK/one.json" single-64
run 4 "$WORK/batch-1000.json" batch-1000-4
echo "(batch units/s = rps × 1000; per_request_ms: the server's CPU time per answered request)"
echo "results in $OUT"
