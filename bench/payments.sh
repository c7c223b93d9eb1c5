#!/usr/bin/env bash
# AT payment notifications to one instance on 127.0.0.1: 5,000 bills, each bill's notification delivered 4 times
# (the first and 3 redeliveries, 20,000 in all), shuffled, from 50 concurrent senders. Prints notifications/s and
# the service's CPU per notification, and checks that every bill was paid exactly once, 5,000 receipts, 0 unmatched.
# Usage: bench/payments.sh [bills] [deliveries per notification] [senders] [file|memory]
#   file (default): the embedded store in a temporary directory, every write forced to disk before its answer
#   memory: the embedded store in memory only
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test >/dev/null
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx2g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
  -Dlogback.configurationFile=bench/logback-quiet.xml \
  org.afyadial.payments.PaymentsBench "${1:-5000}" "${2:-4}" "${3:-50}" "${4:-file}"
