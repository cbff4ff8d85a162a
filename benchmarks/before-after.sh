#!/usr/bin/env bash
# thidua's full results before and after a change, beside Easy Rules, with the bytes each batch allocates (-prof gc):
#   bash benchmarks/before-after.sh BEFORE_JAR [AFTER_JAR] [ROUNDS]
# BEFORE_JAR is benchmarks.jar built from the commit before (mvn -B -q package -DskipTests in a copy of it); AFTER_JAR
# defaults to benchmarks/target/benchmarks.jar. The two jars run in turns, round after round, so that both see the
# same moments of a shared machine's load. Results (JMH JSON and text, the load average) go to
# benchmarks/results/before-after-<date-time>/; the table: java -cp AFTER_JAR org.thidua.bench.ResultsTable --pooled ...
set -euo pipefail
cd "$(dirname "$0")/.."
BEFORE=${1:?BEFORE_JAR}
AFTER=${2:-benchmarks/target/benchmarks.jar}
ROUNDS=${3:-2}
OUT=benchmarks/results/before-after-$(date +%Y%m%d-%H%M%S)
mkdir -p "$OUT"
ENGINES=easy-rules-mvel,easy-rules-lambda,thidua,thidua-1-thread,thidua-one-unit-per-call
load() { echo "load average $1: $(cat /proc/loadavg)" >> "$OUT/machine.txt"; }
{ echo "nproc: $(nproc)"; java -version 2>&1 | sed -n 1p; } > "$OUT/machine.txt"
for round in $(seq 1 "$ROUNDS"); do
  for side in before after; do
    jar=$BEFORE engines=$ENGINES
    if [ "$side" = after ]; then jar=$AFTER engines=$ENGINES,thidua-in-chunks,thidua-five-criteria; fi
    load "before $side round $round"
    java -jar "$jar" PeerComparison -p engine=$engines -wi 2 -i 3 -w 2 -r 2 -f 1 -prof gc \
      -rf json -rff "$OUT/$side-$round.json" > "$OUT/$side-$round.txt" 2>&1
  done
done
load "at the end"
cat "$OUT/machine.txt"
echo "results in $OUT"
