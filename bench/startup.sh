#!/usr/bin/env bash
# Startup to first served request, on the embedded store, for the packaged jar.
# Usage: bench/startup.sh [runs]   (build first: ./mvnw -q package -DskipTests)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
jar=target/afyadial.jar
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
port=${PORT:-18080}
total=0
for i in $(seq "$runs"); do
  data=$(mktemp -d)
  start=$(date +%s%N)
  AFYADIAL_DATA_DIR="$data" PORT="$port" "${JAVA_HOME:+$JAVA_HOME/bin/}java" ${JAVA_OPTS:-} -jar "$jar" >"$data/log" 2>&1 &
  pid=$!
  until curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
    sleep 0.02
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$data"
  echo "run $i: ${ms} ms to first /health 200"
  total=$((total + ms))
done
echo "mean: $((total / runs)) ms over $runs runs"
