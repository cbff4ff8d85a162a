#!/usr/bin/env bash
# The quiet-machine measurements of issue 16, on merged main (/work/main built).
set -u
BEFORE_LAUNCHER=/tmp/thidua-before/service/target/thidua VARIANTS="launcher-before launcher" bash benchmarks/startup.sh 7; uptime
cd /work/main
uptime
bash benchmarks/before-after.sh /tmp/thidua-before/benchmarks/target/benchmarks.jar benchmarks/target/benchmarks.jar 1
uptime
PORT=18181 DURATION=20 bash benchmarks/load/run.sh
uptime
UNITS=40000 ROUNDS=1 PORT=18190 bash benchmarks/load/standing.sh service/target/thidua.jar; uptime
