#!/usr/bin/env bash
# Start-up of the thidua command line (issue 16 item 4): wall time and CPU time (user + system) of `check`, `test`,
# `eval` of the bundled campaigns, and of `serve` to its first answered POST /api/v1/evaluations, for each way of
# starting it, interleaved round by round so that every variant sees the same load. Prints a Markdown table of
# medians with min–max, and the load average before and after. Not run by `mvn verify`.
#
#   mvn -B -q package -DskipTests
#   bash benchmarks/startup.sh [RUNS]            # RUNS per command and variant, default 7
#   BEFORE_JAR=/path/to/old/thidua.jar bash benchmarks/startup.sh   # adds a "before" variant: that jar, java -jar
#   BEFORE_LAUNCHER=/path/to/old/service/target/thidua bash benchmarks/startup.sh   # adds "launcher-before": that
#     build's launcher, in the folder it was built in (its archive names the jar's path; a moved copy runs without it)
#   bash benchmarks/startup.sh profile            # where one check's start goes (class-loading log), jar and launcher
#
# Variants: jar = java -jar service/target/thidua.jar (no JVM options);
#           launcher = service/target/thidua (class-data-sharing archive; C1 and serial GC for short commands);
#           launcher-no-archive = the launcher with the archive moved away for the run (what the JVM options alone do).
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS="${1:-7}"
T=service/target
REQUEST=examples/data/thach-that-2021.json
OUT="$(mktemp -d)"
trap 'rm -rf "$OUT"' EXIT

[ -f "$T/thidua.jar" ] && [ -x "$T/thidua" ] || { echo "build first: mvn -B -q package -DskipTests" >&2; exit 2; }

variants=(jar launcher launcher-no-archive)
[ -n "${BEFORE_LAUNCHER:-}" ] && variants=(launcher-before "${variants[@]}")
[ -n "${BEFORE_JAR:-}" ] && variants=(before "${variants[@]}")
read -r -a only <<< "${VARIANTS:-}"   # VARIANTS="launcher-before launcher" for a subset
[ ${#only[@]} -gt 0 ] && variants=("${only[@]}")
read -r -a commands <<< "${COMMANDS:-check test eval serve}"   # COMMANDS="check test" for a subset

# The command line that starts thidua in a variant.
starter() {
  case "$1" in
    before) echo "java -jar $BEFORE_JAR" ;;
    launcher-before) echo "$BEFORE_LAUNCHER" ;;
    jar) echo "java -jar $T/thidua.jar" ;;
    launcher|launcher-no-archive) echo "$T/thidua" ;;
  esac
}

# Runs one command once; appends "wall cpu" (seconds) to $OUT/<variant>-<command>.
once() {
  local variant="$1" command="$2" start end
  local moved=""
  if [ "$variant" = launcher-no-archive ] && [ -f "$T/thidua.jsa" ]; then
    mv "$T/thidua.jsa" "$T/thidua.jsa.away"; moved=1
  fi
  # shellcheck disable=SC2046
  case "$command" in
    check) /usr/bin/time -o "$OUT/t" -f "%e %U %S" $(starter "$variant") check >/dev/null ;;
    test) /usr/bin/time -o "$OUT/t" -f "%e %U %S" $(starter "$variant") test >/dev/null ;;
    eval) /usr/bin/time -o "$OUT/t" -f "%e %U %S" $(starter "$variant") eval --input "$REQUEST" --format table >/dev/null ;;
    serve) serve_once "$variant" > "$OUT/t" ;;
  esac
  [ -n "$moved" ] && mv "$T/thidua.jsa.away" "$T/thidua.jsa"
  awk '{printf "%.3f %.3f\n", $1, $2 + $3}' "$OUT/t" >> "$OUT/$variant-$command"
}

# serve: from the process's start to the first answered POST; CPU time of the JVM up to then (from /proc).
serve_once() {
  local variant="$1" db="$OUT/serve.db" log="$OUT/serve.log" pid url="" start end ticks
  rm -f "$db" "$db"-* "$log"; : > "$log"   # a stale log would name the previous run's port
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  $(starter "$variant") serve --port 0 --db "$db" > "$log" 2>/dev/null &
  pid=$!
  while [ -z "$url" ]; do
    url=$(grep -o 'http://127\.0\.0\.1:[0-9]*' "$log" | head -n 1 || true)
    kill -0 "$pid" 2>/dev/null || { echo "serve ended" >&2; exit 1; }
    [ -z "$url" ] && sleep 0.01
  done
  curl -s -o /dev/null -f -H 'Content-Type: application/json' --data-binary @"$REQUEST" "$url/api/v1/evaluations"
  end=$(date +%s%N)
  ticks=$(awk '{print $14 + $15}' "/proc/$pid/stat")
  kill "$pid"; wait "$pid" 2>/dev/null || true
  awk -v w=$(( (end - start) / 1000000 )) -v t="$ticks" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.3f %.3f 0\n", w / 1000, t / hz}'
}

median_range() { # column $1 of file $2: "median (min–max)"
  sort -n -k"$1" "$2" | awk -v c="$1" '{v[NR]=$c} END {m = NR % 2 ? v[(NR+1)/2] : (v[NR/2] + v[NR/2+1]) / 2; printf "%.2f (%.2f–%.2f)", m, v[1], v[NR]}'
}

# `startup.sh profile`: where one `check` spends its start, per variant, from the JVM's class-loading log (uptime of
# the first class of each phase) and the count of classes loaded from the archive and from the jar.
if [ "$RUNS" = profile ]; then
  for variant in jar launcher; do
    log="$OUT/classes-$variant.log"
    # shellcheck disable=SC2046
    if [ "$variant" = jar ]; then
      java -Xlog:class+load:file="$log":uptime -jar "$T/thidua.jar" check > /dev/null
    else
      THIDUA_JAVA_OPTS="-Xlog:class+load:file=$log:uptime" "$T/thidua" check > /dev/null
    fi
    first() { grep -m 1 -F " $1" "$log" | sed 's/^\[\([0-9.]*\)s\].*/\1/'; }
    echo "$variant: JVM to Main $(first org.thidua.service.Main) s; picocli done, first core class $(first org.thidua.core.) s;" \
      "Drools $(first org.kie.api) s; ECJ $(first org.eclipse.jdt) s; first rule class $(first thidua.) s;" \
      "last class $(tail -n 1 "$log" | sed 's/^\[\([0-9.]*\)s\].*/\1/') s; classes $(wc -l < "$log")," \
      "from the archive $(grep -c 'shared objects file (top)' "$log"), from the JDK's archive" \
      "$(grep -c 'shared objects file$' "$log"), from the jar $(grep -c 'source: file:\|source: jar:' "$log")," \
      "generated $(grep -c -v 'source: shared\|source: file:\|source: jar:' "$log")"
  done
  exit 0
fi

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC'); $RUNS runs each" >&2
for variant in "${variants[@]}"; do once "$variant" check; done # warm the page cache; not counted
rm -f "$OUT"/*-*
for ((round = 1; round <= RUNS; round++)); do
  for command in "${commands[@]}"; do
    for variant in "${variants[@]}"; do
      once "$variant" "$command"
    done
  done
  echo "round $round of $RUNS done, load $(cut -d' ' -f1 /proc/loadavg)" >&2
done

echo
echo "| command | variant | wall s, median (min–max) | CPU s (user+sys), median (min–max) |"
echo "| --- | --- | --- | --- |"
for command in "${commands[@]}"; do
  for variant in "${variants[@]}"; do
    echo "| $command | $variant | $(median_range 1 "$OUT/$variant-$command") | $(median_range 2 "$OUT/$variant-$command") |"
  done
done
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u '+%Y-%m-%d %H:%M UTC')"
