#!/usr/bin/env bash
# Start time and heap of the embedded store holding a year of one busy clinic's traffic, for the packaged jar.
# bench/YearOfTraffic.java writes the year (fixed seed, ending now) through the store's wire listener: 20,000
# patients; 10 doctors; 60 appointments a day over 365 days and 14 days booked ahead, each with its slot claim,
# confirmation and 2 reminders (a third also a follow-up text) with their delivery reports (1 in 20 failed), a
# reply from a quarter of the patients and audit entries (booking, reading, outcome); 8 staff a day signing in and
# refreshing their token every 15 minutes (each refresh audited). The service's expiry sweep then deletes what
# retention ends (the expired refresh tokens), the service stops, and a restart on that data is measured: launch
# to first /health 200 and heap used after a full GC, next to the same on an empty store.
#   Usage: bench/year-of-traffic.sh        (build first: ./mvnw -q package -DskipTests)
#   JAVA_OPTS=... as in bench/ussd.sh (default: the run command's flags, with its class-data-sharing archive)
#   YEAR_DIR=dir bench/year-of-traffic.sh   keeps the year's data directory (and its logs) in dir; a later run with
#                                           the same dir measures the restart again without writing the year again
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-18082}
jar=target/afyadial.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
jcmd=$(dirname "$(command -v "$java")")/jcmd
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
flags="-XX:MaxGCPauseMillis=12 -XX:MaxTenuringThreshold=0"
[ -f target/afyadial.jsa ] && flags="-XX:SharedArchiveFile=target/afyadial.jsa $flags"
flags=${JAVA_OPTS-$flags}

year=${YEAR_DIR:-$(mktemp -d)}
mkdir -p "$year"
empty=$(mktemp -d)
pid=
stop() { [ -n "$pid" ] && { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; }; pid=; }
trap 'stop; rm -rf "$empty"; [ -n "${YEAR_DIR:-}" ] || rm -rf "$year"' EXIT

# starts the service on the data directory $1 with the extra JVM flags $2..., waits for /health 200, sets $ms
start() {
  local data=$1; shift
  local began=$(date +%s%N)
  AFYADIAL_DATA_DIR="$data" PORT="$port" "$java" $flags "$@" -jar "$jar" >>"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - began) / 1000000 ))
}

# the service's CPU time so far, heap used after a full collection, and the process's resident memory: the host is
# shared, so the CPU time says what the start cost whatever else ran
measure() {
  local cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / hz}' "/proc/$pid/stat")
  "$jcmd" "$pid" GC.run >/dev/null
  local used=$("$jcmd" "$pid" GC.heap_info | grep -o 'used [0-9]*K' | head -1 | grep -o '[0-9]*')
  local rss=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status")
  printf '%s: %.2f s to first /health 200 (%s s of CPU), heap used after a full GC %d MB, resident %d MB\n' \
    "$1" "$(echo "$ms / 1000" | bc -l)" "$cpu" $((used / 1024)) $((rss / 1024))
}

start "$empty"
measure "empty store      "
stop

if [ ! -f "$year/afyadial.mv" ]; then
  # the generator reaches the store through its wire listener; the expiry sweep runs every 5 s instead of 60 s
  AFYADIAL_EMBEDDED_PORT=0 start "$year" -Dafyadial.store.expiry-interval=5s
  store=$(grep -o 'embedded store listens on 127.0.0.1:[0-9]*' "$year/log" | grep -o '[0-9]*$')
  began=$(date +%s)
  "$java" -cp "$jar" bench/YearOfTraffic.java "mongodb://127.0.0.1:$store/afyadial" 2>"$year/generator.log" \
    || { tail -50 "$year/generator.log"; exit 1; }
  echo "year written and expired tokens swept in $(( $(date +%s) - began )) s"
  stop
fi
echo "store file: $(du -sh "$year/afyadial.mv" | cut -f1)"

start "$year"
measure "a year of traffic"
"$jcmd" "$pid" GC.class_histogram | sed -n '4,9p' | awk '{printf "  %8.1f MB  %s\n", $3 / 1048576, $4}'
