#!/usr/bin/env bash
# The ranking and the reports of a campaign of many stored units, for one or more builds of thidua, from the repository
# root once service/target/thidua.jar and benchmarks/target/benchmarks.jar exist:
#   bash benchmarks/load/standing.sh [JAR ...]          # default: service/target/thidua.jar
# Stores UNITS (40000) different units of thach-that-cchc-2021 (1,000 per request) through `thidua serve` with the first
# JAR, once. Then, ROUNDS (3) times, for each JAR in turn: starts `thidua serve` on a copy of that database, asks WARM
# (5) times for the ranking (GET …/ranking, the first page of 1,000, ranked over every unit) and the HTML report (its
# first page of 500, with the summary and the area scorecard of every unit) to warm it up, then times TIMES (3) of each,
# and one CSV and one XLSX export of every unit. Prints, per answer, the wall-clock seconds (curl) and the CPU time the
# server's request threads and its JIT compilers spent on it (/proc, ms per request): the request threads' CPU depends
# less on other work sharing the cores than the wall clock does. Loopback only; each server is stopped by its process id.
set -euo pipefail
cd "$(dirname "$0")/../.."
UNITS=${UNITS:-40000}
ROUNDS=${ROUNDS:-3}
WARM=${WARM:-5}
TIMES=${TIMES:-3}
PORT=${PORT:-18090}
BENCH=benchmarks/target/benchmarks.jar
[ $# -gt 0 ] || set -- service/target/thidua.jar
CAMPAIGN=thach-that-cchc-2021
WORK=$(mktemp -d)
SERVER=
trap '[ -z "$SERVER" ] || kill $SERVER 2>/dev/null || true; rm -rf "$WORK"' EXIT
base="http://127.0.0.1:$PORT"

serve() { # jar db
  java -jar "$1" serve --port "$PORT" --db "$2" > "$WORK/server.log" 2>&1 &
  SERVER=$!
  for _ in $(seq 1 1200); do
    curl -sf -o /dev/null "$base/api/v1/campaigns/$CAMPAIGN/ranking?limit=1" && return
    sleep 0.1
  done
  echo "the server did not answer" >&2
  exit 1
}
stop() {
  kill "$SERVER"
  wait "$SERVER" 2>/dev/null || true
  SERVER=
}
# CPU ticks of the server's threads whose name holds $1 (JettyServerThre, CompilerThre)
ticks() {
  cat /proc/"$SERVER"/task/*/stat 2>/dev/null | awk -v p="$1" '{ n = $0; sub(/^[^(]*\(/, "", n); sub(/\).*$/, "", n);
    rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " "); if (index(n, p) > 0) t += f[12] + f[13] } END { print t + 0 }'
}

java -cp "$BENCH" org.thidua.bench.RequestFile 1 "$WORK/one.json"
serve "$1" "$WORK/standing.db"
for ((first = 0; first < UNITS; first += 1000)); do
  java -cp "$BENCH" org.thidua.bench.RequestFile 1000 "$WORK/part.json" 2021 "$first"
  curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @"$WORK/part.json" "$base/api/v1/evaluations"
done
stop

hz=$(getconf CLK_TCK)
for round in $(seq 1 "$ROUNDS"); do
  for jar in "$@"; do
    cp "$WORK/standing.db" "$WORK/copy.db"
    serve "$jar" "$WORK/copy.db"
    for _ in $(seq 1 "$WARM"); do
      curl -sf -o /dev/null "$base/api/v1/campaigns/$CAMPAIGN/ranking"
      curl -sf -o /dev/null "$base/reports/$CAMPAIGN"
    done
    for what in "api/v1/campaigns/$CAMPAIGN/ranking" "reports/$CAMPAIGN" "reports/$CAMPAIGN.csv" "reports/$CAMPAIGN.xlsx"; do
      n=$TIMES
      [[ $what == *.csv || $what == *.xlsx ]] && n=1
      r0=$(ticks JettyServerThre); j0=$(ticks CompilerThre)
      times=$(for _ in $(seq 1 "$n"); do curl -sf -o "$WORK/answer" -w '%{time_total}\n' "$base/$what"; done | sort -n | tr '\n' ' ')
      r1=$(ticks JettyServerThre); j1=$(ticks CompilerThre)
      echo "round $round $(basename "$jar") $what bytes=$(wc -c < "$WORK/answer") seconds(sorted)=$times" \
        "request_threads_cpu_ms=$(( (r1 - r0) * 1000 / hz / n )) jit_cpu_ms=$(( (j1 - j0) * 1000 / hz / n )) load=$(cut -d' ' -f1 /proc/loadavg)"
    done
    stop
  done
done
