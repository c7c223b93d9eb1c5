#!/usr/bin/env bash
# 55,500 rows of the healthcare dataset format (bench/ImportData.java, fixed seed: about 300 duplicates and 300 bad
# rows) imported by `import-csv` into a fresh embedded store, the JVM's heap capped at 256 MB. Prints the import's
# summary (the import alone: rows/s and the process's CPU from the first row read to the last batch on disk), then the
# whole command's wall and CPU time (start-up and shutdown included), and the largest heap in use after a collection.
# Usage: bench/import.sh [rows] [seed]. Build first: ./mvnw -B package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$java" bench/ImportData.java "${1:-55500}" "${2:-20261203}" > "$work/healthcare.csv"
echo "$(($(wc -l < "$work/healthcare.csv") - 1)) rows, $(du -h "$work/healthcare.csv" | cut -f1)"
TIMEFORMAT="whole command: %R s, %U s user + %S s system CPU"
time AFYADIAL_DATA_DIR="$work/data" "$java" -Xmx256m -Xlog:gc:file="$work/gc.log" \
  -Dlogback.configurationFile=bench/logback-quiet.xml \
  -jar target/afyadial.jar import-csv "$work/healthcare.csv" --rejects "$work/rejects.csv"
echo "rejects file: $(($(wc -l < "$work/rejects.csv") - 1)) rows"
grep -o '[0-9]*M->[0-9]*M([0-9]*M)' "$work/gc.log" | sed 's/.*->\([0-9]*\)M.*/\1/' | sort -n | tail -1 \
  | xargs -I{} echo "largest heap after a collection: {} MB (cap 256 MB)"
