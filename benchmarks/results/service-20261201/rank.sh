#!/usr/bin/env bash
# rank.sh JAR DB PORT TIMES: starts thidua serve on DB (a copy of 40,000 units), times ranking and HTML report TIMES times each
JAR=$1; DB=$2; PORT=$3; N=${4:-3}
java -jar $JAR serve --port $PORT --db "$DB" > /tmp/svcperf/rank-$PORT.log 2>&1 &
S=$!
base=http://127.0.0.1:$PORT
for i in $(seq 600); do curl -sf -o /dev/null $base/api/v1/campaigns/thach-that-cchc-2021/ranking?limit=1 && break; sleep 0.2; done
for what in "api/v1/campaigns/thach-that-cchc-2021/ranking" "reports/thach-that-cchc-2021"; do
  t=$(for _ in $(seq $N); do curl -sf -o /tmp/svcperf/rank-answer-$PORT -w '%{time_total}\n' "$base/$what"; done | sort -n | tr '\n' ' ')
  echo "$(date +%T) $(basename $JAR) $what bytes=$(wc -c < /tmp/svcperf/rank-answer-$PORT) seconds(sorted)=$t load=$(cut -d' ' -f1 /proc/loadavg)"
done
kill $S; wait $S 2>/dev/null
