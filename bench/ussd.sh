#!/usr/bin/env bash
# USSD throughput of the packaged jar on the embedded store: 50 patients registered beforehand, each on its own
# keep-alive connection running the 7-hop booking conversation in order (wrk -t50 -c50, bench/ussd.lua).
# Prints hops/s, p50/p99 per hop (overall, then for each hop of the conversation) and the count of bad answers
# (must be 0) of the measured run, with the service's CPU time per hop and its garbage-collection pauses. It
# follows a warm-up run of the same load: on 2 cores shared with the load generator the JIT needs about a minute
# of this load before the code runs compiled, and a clinic's gateway runs for days, so the steady state is what
# counts (the warm-up's figures are printed too).
#   Usage: bench/ussd.sh [seconds=30]      (build first: ./mvnw -q package -DskipTests)
#   JAVA_OPTS=... bench/ussd.sh            JVM options of the service (default: the run command's GC flags,
#                                           -XX:MaxGCPauseMillis=12 -XX:MaxTenuringThreshold=0; JAVA_OPTS= runs on
#                                           the JVM's defaults)
#   WARMUP=0 bench/ussd.sh                  measures from a cold start instead (default WARMUP=60 seconds)
#   PROFILE=1 bench/ussd.sh                 also records a JFR profile of the measured run (kept as target/ussd-bench.jfr)
#                                           and prints where the CPU time goes
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
warmup=${WARMUP:-60}
port=${PORT:-18081}
jar=target/afyadial.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk >/dev/null || command -v wrk >/dev/null; }

data=$(mktemp -d)
# JFR keeps 64 frames of a stack by default: a hop's stack is deeper, and its outer frames (the hop, the booking)
# would go unseen
profiling=()
[ "${PROFILE:-0}" = 1 ] && profiling=(-XX:FlightRecorderOptions:stackdepth=512)
# the seeding below reaches the store through its wire listener, opened on a free loopback port for it
AFYADIAL_EMBEDDED_PORT=0 AFYADIAL_DATA_DIR="$data" PORT="$port" "$java" ${JAVA_OPTS--XX:MaxGCPauseMillis=12 -XX:MaxTenuringThreshold=0} \
  "${profiling[@]}" -Xlog:gc:file="$data/gc.log" -jar "$jar" >"$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
base=http://127.0.0.1:$port
until curl -fs "$base/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
  sleep 0.1
done

# two specialties of 10 doctors seeing patients every day round the clock in 5-minute slots (enough free slots
# for the warm-up and the measured run), 50 patients: written through the service's own classes, on the embedded store the service started
store=$(grep -o 'embedded store listens on 127.0.0.1:[0-9]*' "$data/log" | grep -o '[0-9]*$')
"$java" -cp "$jar" bench/BenchSeed.java "mongodb://127.0.0.1:$store/afyadial" 10 50 >"$data/seed.log" 2>&1 \
  || { cat "$data/seed.log"; exit 1; }
echo "seeded: 2 services of 10 doctors, 50 patients"

if [ "$warmup" -gt 0 ]; then
  echo "warm-up: ${warmup}s"
  wrk -t50 -c50 -d"${warmup}s" --timeout 10s -s bench/ussd.lua "$base" | grep -E '^(hops|latency|bad)' | sed 's/^/  warm-up /'
fi
if [ "${PROFILE:-0}" = 1 ]; then
  "$(dirname "$java")/jcmd" "$pid" JFR.start settings=profile filename=target/ussd-bench.jfr >/dev/null
fi
echo "measured run: ${seconds}s"

cpu_ticks() { awk '{print $14 + $15}' "/proc/$pid/stat"; }
before=$(cpu_ticks)
gc_lines_before=$(wc -l <"$data/gc.log")
wrk -t50 -c50 -d"${seconds}s" --timeout 10s -s bench/ussd.lua "$base" | tee "$data/wrk.txt"
# the machine is shared: the service's own CPU time per hop says what the hops cost whatever else runs
hops=$(grep -o '^hops: [0-9]*' "$data/wrk.txt" | grep -o '[0-9]*$')
awk -v ticks=$(( $(cpu_ticks) - before )) -v hz="$(getconf CLK_TCK)" -v hops="$hops" -v s="$seconds" 'BEGIN {
  cpu = ticks / hz; printf "service CPU: %.1f s over %d s (%.2f cores), %.2f ms per hop\n", cpu, s, cpu / s, 1000 * cpu / hops }'
# every hop in flight during a collection's pause waits it out: the pauses are the tail's first suspect. A run
# where G1 also works on the old generation (a concurrent cycle, its remark pause, then mixed collections that
# copy old regions too) has more and longer pauses: the line says so, with what started the cycle
tail -n +$((gc_lines_before + 1)) "$data/gc.log" | awk -v s="$seconds" '
  /Pause/ && /ms$/ { ms = $NF; sub(/ms$/, "", ms); n++; total += ms; if (ms + 0 > max) max = ms + 0; if (/Mixed|Remark/) old++ }
  match($0, /\(Concurrent Start\) \([^)]*\)/) { cycles = cycles (cycles ? ", " : "") substr($0, RSTART + 20, RLENGTH - 21) }
  END { printf "GC pauses: %d, mean %.1f ms, max %.1f ms, %.1f %% of the run stopped; old generation: %s\n", n, n ? total / n : 0,
          max, total / (10 * s), old || cycles ? old + 0 " remark/mixed pauses, cycles started: " (cycles ? cycles : "none") : "untouched" }'

if [ "${PROFILE:-0}" = 1 ]; then
  "$(dirname "$java")/jcmd" "$pid" JFR.dump filename=target/ussd-bench.jfr >/dev/null
  python3 bench/jfr_top.py target/ussd-bench.jfr "$(dirname "$java")/jfr"
fi
