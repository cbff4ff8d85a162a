#!/usr/bin/env bash
# Load test of the service, from the repository root, once `thidua serve` exists (service/target/thidua.jar):
#   apt-get install -y wrk        # Debian's package
#   bash benchmarks/load/run.sh
# Starts `thidua serve` on 127.0.0.1 with a fresh SQLite file (persistence on), measures the cold start to the
# first answered evaluation, then runs wrk from a separate process for DURATION seconds each:
# single-unit POST /api/v1/evaluations at 16 and 64 connections, and 1,000-unit batches at 4 connections.
# Loopback only; every run is bounded in time; the server is stopped by its process id at the end.
# SERVE_ARGS overrides how the server is started (default: serve --port PORT --db DB).
# DB: the history (default: a fresh SQLite file); a postgresql://… address takes its password from THIDUA_DB_PASSWORD
#   and should name an empty database. INSTANCES=2 starts a second `thidua serve` on PORT+1 on the same DB and splits
#   the clients between the two (one wrk per instance; the figures are their sum, the CPU that of both servers).
# TIMEOUT: wrk's timeout in seconds (default 2, wrk's own); a slower answer counts as an error, not a request.
# RANKING_UNITS=40000: afterwards, stores that many different units (1,000 per request) and times, three times each,
#   the campaign's ranking (GET …/ranking, first page of 1,000), its HTML report and its CSV report of every unit.
set -euo pipefail
cd "$(dirname "$0")/../.."
PORT=${PORT:-18080}
DURATION=${DURATION:-30}
JAR=${JAR:-service/target/thidua.jar}
BENCH=benchmarks/target/benchmarks.jar
INSTANCES=${INSTANCES:-1}
TIMEOUT=${TIMEOUT:-2}
RANKING_UNITS=${RANKING_UNITS:-0}
URL="http://127.0.0.1:$PORT/api/v1/evaluations"
URL2="http://127.0.0.1:$((PORT + 1))/api/v1/evaluations"

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

DB=${DB:-$WORK/thidua.db}
# shellcheck disable=SC2086
SERVE_ARGS=${SERVE_ARGS:-serve --port $PORT --db $DB}
start=$(date +%s%N)
# shellcheck disable=SC2086
java -jar "$JAR" $SERVE_ARGS > "$OUT/server.log" 2>&1 &
SERVER=$!
SERVERS=$SERVER
trap 'kill $SERVERS 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 600); do
  if curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "$URL"; then
    break
  fi
  sleep 0.05
done
echo "cold start to first answered evaluation: $(( ($(date +%s%N) - start) / 1000000 )) ms" | tee "$OUT/cold-start.txt"

# CPU time the server has used so far (user + system, ms): per request, it shows the cost of a request even when
# other work shares the cores and the wall-clock figures are noisy.
cpu_ms() { # of every server started
  local total=0 pid
  for pid in $SERVERS; do
    total=$((total + $(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' "/proc/$pid/stat")))
  done
  echo "$total"
}
echo "server CPU to first answered evaluation: $(cpu_ms) ms" | tee -a "$OUT/cold-start.txt"

if [ "$INSTANCES" = 2 ]; then
  java -jar "$JAR" serve --port $((PORT + 1)) --db "$DB" > "$OUT/server-2.log" 2>&1 &
  SERVERS="$SERVER $!"
  for _ in $(seq 1 600); do
    curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/one.json" "$URL2" && break
    sleep 0.05
  done
fi

run() { # connections body name
  local before after requests
  before=$(cpu_ms)
  if [ "$INSTANCES" = 2 ]; then # half the clients on each instance, at the same time
    BODY="$2" wrk -t1 -c$(($1 / 2)) -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency -s benchmarks/load/post.lua "$URL" > "$OUT/$3-a.txt" 2>&1 &
    BODY="$2" wrk -t1 -c$(($1 / 2)) -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency -s benchmarks/load/post.lua "$URL2" > "$OUT/$3-b.txt" 2>&1
    wait $!
    cat "$OUT/$3-a.txt" "$OUT/$3-b.txt" > "$OUT/$3.txt"
    grep -h SUMMARY "$OUT/$3-a.txt" "$OUT/$3-b.txt" | awk '{for (i = 2; i <= NF; i++) {split($i, kv, "="); v[kv[1]] += kv[2]; if (kv[1] ~ /ms$/ && kv[2] > m[kv[1]]) m[kv[1]] = kv[2]}}
      END {printf "SUMMARY requests=%d seconds=%.1f rps=%.1f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f errors=%d non2xx=%d (sum of 2 instances; latencies: the worse)\n",
        v["requests"], v["seconds"] / 2, v["rps"], m["p50_ms"], m["p99_ms"], m["max_ms"], v["errors"], v["non2xx"]}' > "$OUT/$3.sum"
    grep -v '^SUMMARY' "$OUT/$3.txt" > "$OUT/$3.tmp"; cat "$OUT/$3.sum" >> "$OUT/$3.tmp"; mv "$OUT/$3.tmp" "$OUT/$3.txt"; rm "$OUT/$3.sum"
  else
    BODY="$2" wrk -t2 -c"$1" -d"${DURATION}s" --timeout "${TIMEOUT}s" --latency -s benchmarks/load/post.lua "$URL" > "$OUT/$3.txt" 2>&1
  fi
  after=$(cpu_ms)
  requests=$(grep -o 'SUMMARY requests=[0-9]*' "$OUT/$3.txt" | grep -o '[0-9]*$' || echo 0)
  echo "SERVER_CPU ms=$((after - before)) per_request_ms=$(awk -v c=$((after - before)) -v r="${requests:-0}" 'BEGIN {printf "%.3f", r ? c / r : 0}')" >> "$OUT/$3.txt"
  echo "$3: $(grep SUMMARY "$OUT/$3.txt") $(grep SERVER_CPU "$OUT/$3.txt" | cut -d' ' -f2-)"
}
run 16 "$WORK/one.json" single-16
run 64 "$WORK/one.json" single-64
run 4 "$WORK/batch-1000.json" batch-1000-4

if [ "$RANKING_UNITS" -gt 0 ]; then
  for ((first = 0; first < RANKING_UNITS; first += 1000)); do
    java -cp "$BENCH" org.thidua.bench.RequestFile 1000 "$WORK/part.json" 2021 "$first"
    curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/part.json" "$URL"
  done
  CAMPAIGN=thach-that-cchc-2021
  base="http://127.0.0.1:$PORT"
  for what in "api/v1/campaigns/$CAMPAIGN/ranking" "reports/$CAMPAIGN" "reports/$CAMPAIGN.csv"; do
    times=$(for _ in 1 2 3; do curl -sf -o "$WORK/answer" -w '%{time_total}\n' "$base/$what"; done | sort -n | tr '\n' ' ')
    echo "RANKING $what units=$(curl -sf "$base/api/v1/campaigns/$CAMPAIGN/ranking?limit=1" | grep -o '"total":[0-9]*' | cut -d: -f2) bytes=$(wc -c < "$WORK/answer") seconds(min,median,max)=$times" | tee -a "$OUT/ranking.txt"
  done
fi
uptime | tee "$OUT/uptime.txt"
echo "(batch units/s = rps × 1000; per_request_ms: the server's CPU time per answered request)"
echo "results in $OUT"
