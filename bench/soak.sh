#!/usr/bin/env bash
# A soak: readers' conditional polling, content churn and full reloads against a watched server.
#   bash bench/soak.sh [ARTICLES] [MINUTES]     (defaults 1000 and 30)
#   SOAK_PORT=17080 bash bench/soak.sh 1000 1   (the server's port, default 18380)
# The server runs with bench/common.sh's JVM flags (-Xmx256m, the run command's flags
# (src/main/jvm/feedserver.options), $JAVA_OPTS).
# Prints a row a minute (requests, 304 share, failures, p50/p99, heap after GC, fds, threads) and
# whether they stayed flat. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ARTICLES=${1:-1000}; MINUTES=${2:-30}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$(corpus_dir "$ARTICLES" html)
COPY=$WORK/soak-content
PORT=${SOAK_PORT:-18380}
export JAR=${JAR:-target/feedserver.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
ensure_corpus "$ARTICLES" html
rm -rf "$COPY"; cp -r "$CORPUS" "$COPY"
mkdir -p "$COPY/soak"
printf -- "---\ntitle: 'Soak seed'\ncategories: [Soak]\ndate: 2029-12-31\n---\n<p>seed</p>\n" > "$COPY/soak/seed.md"
ports_free "$PORT"
feedserver_java serve --port $PORT --content-dir "$COPY" --base-url http://127.0.0.1:$PORT/ \
  > "$WORK/soak-server.log" 2>&1 &
PID=$!
trap 'kill -9 $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
sleep 3
echo "soak: $ARTICLES articles, $MINUTES minutes, $(jvm_note), $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
python3 bench/soak.py --port $PORT --content "$COPY" --pid $PID --minutes "$MINUTES"
