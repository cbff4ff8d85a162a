#!/usr/bin/env bash
# threads.sh PID > snapshot: per-thread CPU ticks (utime+stime) by thread name
for t in /proc/$1/task/*; do
  name=$(cat $t/comm 2>/dev/null | sed -E 's/[0-9]+/N/g; s/ /_/g')
  awk -v n="$name" '{ sub(/^.*\) /, ""); print n, $12 + $13 }' $t/stat 2>/dev/null
done | awk '{a[$1]+=$2} END {for (k in a) print k, a[k]}' | sort
