#!/usr/bin/env bash
# single-unit requests at 16 clients on a server warmed first by 20 s at 64 clients (run.sh measures 16 first, cold)
set -eu
cd /work/main
W=$(mktemp -d); PORT=18282; URL=http://127.0.0.1:$PORT/api/v1/evaluations
java -cp benchmarks/target/benchmarks.jar org.thidua.bench.RequestFile 1 $W/one.json
java -jar service/target/thidua.jar serve --port $PORT --db $W/t.db > $W/server.log 2>&1 & S=$!
trap 'kill $S; rm -rf $W' EXIT
for _ in $(seq 1 600); do curl -sf -o /dev/null -H 'Content-Type: application/json' --data-binary @$W/one.json $URL && break; sleep 0.05; done
BODY=$W/one.json wrk -t2 -c64 -d20s --latency -s benchmarks/load/post.lua $URL | grep SUMMARY | sed 's/^/warm-up 64: /'
for c in 16 64; do BODY=$W/one.json wrk -t2 -c$c -d20s --latency -s benchmarks/load/post.lua $URL | grep SUMMARY | sed "s/^/warm $c: /"; done
uptime
