#!/usr/bin/env bash
# usage: prof.sh JAR OUTDIR PORT [DB]; profiles 1,000-unit batches (4 clients) then single units (64) with JFR
set -u
JAR=$1; OUT=$2; PORT=$3; DB=${4:-$OUT/t.db}; mkdir -p $OUT; rm -f $OUT/t.db*
B=/work/wt-svcperf/benchmarks/target/benchmarks.jar
W=/tmp/svcperf
[ -f $W/one.json ] || java -cp $B org.thidua.bench.RequestFile 1 $W/one.json
[ -f $W/batch.json ] || java -cp $B org.thidua.bench.RequestFile 1000 $W/batch.json
java $JOPTS -jar $JAR serve --port $PORT --db $DB > $OUT/server.log 2>&1 &
S=$!
URL=http://127.0.0.1:$PORT/api/v1/evaluations
for i in $(seq 600); do curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @$W/one.json $URL && break; sleep 0.05; done
cpu() { awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$S/stat; }
BODY=$W/batch.json timeout 90 wrk -t2 -c4 -d${WARM:-5}s -s /work/wt-svcperf/benchmarks/load/post.lua $URL > /dev/null
jcmd $S JFR.start name=batch settings=profile filename=$OUT/batch.jfr > /dev/null
c0=$(cpu); ./threads.sh $S > $OUT/t0
BODY=$W/batch.json timeout 60 wrk -t2 -c4 -d20s --latency -s /work/wt-svcperf/benchmarks/load/post.lua $URL | grep SUMMARY | tee $OUT/batch.txt
echo "cpu_ms=$(( $(cpu) - c0 ))" | tee -a $OUT/batch.txt; ./threads.sh $S > $OUT/t1; ./tdiff.sh $OUT/t0 $OUT/t1 | tee -a $OUT/batch.threads
jcmd $S JFR.stop name=batch > /dev/null
jcmd $S JFR.start name=single settings=profile filename=$OUT/single.jfr > /dev/null
c0=$(cpu); ./threads.sh $S > $OUT/t0
BODY=$W/one.json timeout 60 wrk -t2 -c64 -d20s --latency -s /work/wt-svcperf/benchmarks/load/post.lua $URL | grep SUMMARY | tee $OUT/single.txt
echo "cpu_ms=$(( $(cpu) - c0 ))" | tee -a $OUT/single.txt; ./threads.sh $S > $OUT/t1; ./tdiff.sh $OUT/t0 $OUT/t1 | tee -a $OUT/single.threads
jcmd $S JFR.stop name=single > /dev/null
uptime | tee $OUT/uptime.txt
kill $S; wait $S 2>/dev/null
