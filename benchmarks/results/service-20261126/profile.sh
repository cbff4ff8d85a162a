#!/usr/bin/env bash
# usage: prof.sh JAR OUTDIR PORT ; profiles single-16 and batch-4 with JFR (20 s each)
set -u
JAR=$1; OUT=$2; PORT=$3; mkdir -p $OUT; rm -f $OUT/t.db*
B=/work/wt-perf/benchmarks/target/benchmarks.jar
[ -f /tmp/perf-base/one.json ] || java -cp $B org.thidua.bench.RequestFile 1 /tmp/perf-base/one.json
[ -f /tmp/perf-base/batch.json ] || java -cp $B org.thidua.bench.RequestFile 1000 /tmp/perf-base/batch.json
timeout 200 java -jar $JAR serve --port $PORT --db $OUT/t.db > $OUT/server.log 2>&1 &
T=$!; sleep 0.5; S=$(pgrep -P $T java)
URL=http://127.0.0.1:$PORT/api/v1/evaluations
for i in $(seq 400); do curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @/tmp/perf-base/one.json $URL && break; sleep 0.05; done
BODY=/tmp/perf-base/one.json timeout 30 wrk -t2 -c16 -d5s -s /work/wt-perf/benchmarks/load/post.lua $URL > /dev/null
jcmd $S JFR.start name=single settings=/tmp/perf-base/prof/fast.jfc filename=$OUT/single.jfr > /dev/null
BODY=/tmp/perf-base/one.json timeout 40 wrk -t2 -c64 -d20s --latency -s /work/wt-perf/benchmarks/load/post.lua $URL | grep SUMMARY
jcmd $S JFR.stop name=single > /dev/null
jcmd $S JFR.start name=batch settings=/tmp/perf-base/prof/fast.jfc filename=$OUT/batch.jfr > /dev/null
BODY=/tmp/perf-base/batch.json timeout 40 wrk -t2 -c4 -d20s --latency -s /work/wt-perf/benchmarks/load/post.lua $URL | grep SUMMARY
jcmd $S JFR.stop name=batch > /dev/null
kill $S; wait $T 2>/dev/null
