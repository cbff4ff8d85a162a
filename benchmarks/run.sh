#!/usr/bin/env bash
# Runs every in-process benchmark with the settings BENCHMARKS.md reports, from the repository root:
#   bash benchmarks/run.sh          # everything, about 30 minutes
#   bash benchmarks/run.sh peers    # only thidua beside its peers (Easy Rules, Drools used directly), about 12 minutes
# Results (JMH JSON and text, the heap harness's output, Markdown tables) go to benchmarks/results/<date-time>/.
# On a 2-core machine. The service's load test is benchmarks/load/run.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=benchmarks/target/benchmarks.jar
if [ ! -f "$JAR" ]; then
  mvn -B -q package -DskipTests
fi
OUT=benchmarks/results/$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
{
  echo "nproc: $(nproc)"
  free -m | sed -n 2p | awk '{print "memory: " $2 " MiB"}'
  java -version 2>&1 | sed -n 1,2p   # sed reads it all: head could close the pipe early under pipefail
  echo "load before: $(uptime)"
} > "$OUT/machine.txt"

jmh() { java -jar "$JAR" "$@"; }
load() { echo "load average $1: $(cat /proc/loadavg)" >> "$OUT/machine.txt"; }
# thidua beside the engines users compare it with, and plain Java, on 100k units; the peers decide statuses only.
# Three rounds one after another, so that each engine is measured at three moments of a shared machine's load.
for round in 1 2 3; do
  load "before peers round $round"
  jmh PeerComparison -wi 3 -i 3 -w 3 -r 3 -f 1 -rf json -rff "$OUT/peers-$round.json" > "$OUT/peers-$round.txt" 2>&1
  load "after peers round $round"
done
java -cp "$JAR" org.thidua.bench.ResultsTable --pooled "$OUT"/peers-[123].json > "$OUT/peers.md"
if [ "${1:-all}" = peers ]; then
  cat "$OUT/machine.txt" "$OUT/peers.md"
  echo "results in $OUT"
  exit 0
fi
# batch throughput: 10k, 100k, 1M units; thidua (every core, one thread) against plain Java (one thread, every core)
jmh BatchEvaluation -wi 2 -i 3 -w 3 -r 3 -rf json -rff "$OUT/batch.json" > "$OUT/batch.txt" 2>&1
# one unit at a time, sampled: p50, p99
jmh OneUnitLatency -wi 2 -i 3 -w 5 -r 5 -rf json -rff "$OUT/latency.json" > "$OUT/latency.txt" 2>&1
# compile: first compile in 5 fresh JVMs, then repeated compiles in a warm one
jmh 'CompileTime.cold' -rf json -rff "$OUT/compile-cold.json" > "$OUT/compile-cold.txt" 2>&1
jmh 'CompileTime.warm' -wi 2 -i 3 -rf json -rff "$OUT/compile-warm.json" > "$OUT/compile-warm.txt" 2>&1
# a million units streamed from a file under a 256 MB heap
java -Xmx256m -cp "$JAR" org.thidua.bench.StreamedHeap 1000000 10000 benchmarks/target/units-1000000.jsonl > "$OUT/heap.txt" 2>&1

echo "load after: $(uptime)" >> "$OUT/machine.txt"
java -cp "$JAR" org.thidua.bench.ResultsTable "$OUT"/batch.json "$OUT"/latency.json "$OUT"/compile-cold.json \
  "$OUT"/compile-warm.json > "$OUT/tables.md"
cat "$OUT/machine.txt" "$OUT/peers.md" "$OUT/tables.md" "$OUT/heap.txt"
echo "results in $OUT"
