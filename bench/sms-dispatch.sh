#!/usr/bin/env bash
# 100,000 due SMS through several dispatchers sharing one (embedded, in-memory) store to a fake AT
# on localhost, rate limiter off. Prints messages/s and the number of texts AT got twice (must be 0).
# Usage: bench/sms-dispatch.sh [messages] [dispatchers] [batch size] [embedded|memory]
#   embedded (default): the embedded H2-backed store in memory, or MONGODB_URI when set
#   memory: mongo-java-server's plain memory backend (closer to a real mongod's cost)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  -Dlogback.configurationFile=bench/logback-quiet.xml \
  org.afyadial.sms.SmsDispatchBench "${1:-100000}" "${2:-3}" "${3:-500}" "${4:-embedded}"
