#!/usr/bin/env bash
# USSD throughput of the packaged jar on the embedded store: 50 patients registered beforehand, each on its own
# keep-alive connection running the 7-hop booking conversation in order (wrk -t50 -c50, bench/ussd.lua).
# Prints hops/s, p50/p99 per hop and the count of bad answers (must be 0).
#   Usage: bench/ussd.sh [seconds=30]      (build first: ./mvnw -q package -DskipTests)
#   PROFILE=1 bench/ussd.sh                 also records a JFR profile and prints where the CPU time goes
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
port=${PORT:-18081}
jar=target/afyadial.jar
java=${JAVA_HOME:+$JAVA_HOME/bin/}java
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw package -DskipTests first" >&2; exit 1; }
command -v wrk >/dev/null || { echo "installing wrk"; apt-get install -y wrk >/dev/null || sudo apt-get install -y wrk >/dev/null; }

data=$(mktemp -d)
secret=$(head -c 64 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 48)
jfr_opts=()
if [ "${PROFILE:-0}" = 1 ]; then
  jfr_opts=(-XX:StartFlightRecording=filename="$data/bench.jfr",settings=profile,delay=10s)
fi
JWT_SECRET="$secret" AFYADIAL_DATA_DIR="$data" PORT="$port" "$java" "${jfr_opts[@]}" -jar "$jar" >"$data/log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; rm -rf "$data"' EXIT
base=http://127.0.0.1:$port
until curl -fs "$base/health" >/dev/null 2>&1; do
  kill -0 "$pid" 2>/dev/null || { cat "$data/log"; exit 1; }
  sleep 0.1
done

# an ADMIN token signed with the secret the service was started with (HS256)
b64url() { base64 -w0 | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"bench","roles":["ADMIN"],"iat":%d,"exp":%d}' "$now" $((now + 3600)) | b64url)
signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -hmac "$secret" -binary | b64url)
token="$header.$payload.$signature"
api() { curl -fsS -X POST "$base$1" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d "$2" >/dev/null; }

# one service, 8 doctors seeing patients every day round the clock in 5-minute slots: enough free slots for 30 s
api /api/v1/specialties '{"name":"General Medicine"}'
hours=$(for d in MONDAY TUESDAY WEDNESDAY THURSDAY FRIDAY SATURDAY SUNDAY; do
  printf '{"day":"%s","from":"00:00","to":"23:55"},' "$d"; done)
for i in $(seq 1 8); do
  api /api/v1/doctors "{\"firstName\":\"Bench\",\"lastName\":\"Doctor$i\",\"specialty\":\"general-medicine\",
    \"fee\":{\"amount\":1000},\"schedule\":{\"slotMinutes\":5,\"hours\":[${hours%,}]}}"
done

# 50 patients registered through USSD itself (language, names, year, sex, PIN)
for i in $(seq 1 50); do
  phone=$(printf '%%2B2547100%05d' "$i")
  text=""
  for input in "" 1 Bench Patient 1990 1 1234; do
    text=${text:+$text*}$input
    [ -z "$input" ] && text=""
    curl -fsS "$base/at/ussd" -d "sessionId=register-$i&serviceCode=%2A384%2A1%23&phoneNumber=$phone&networkCode=99999&text=$text" >/dev/null
  done
done
echo "seeded: 1 service, 8 doctors, 50 patients; running ${seconds}s"

wrk -t50 -c50 -d"${seconds}s" --timeout 10s -s bench/ussd.lua "$base"

if [ "${PROFILE:-0}" = 1 ]; then
  "$(dirname "$java")/jcmd" "$pid" JFR.dump filename="$data/bench.jfr" >/dev/null
  python3 bench/jfr_top.py "$data/bench.jfr" "$(dirname "$java")/jfr"
fi
