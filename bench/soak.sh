#!/usr/bin/env bash
# A soak: readers' conditional polling, content churn and full reloads against a watched server.
#   bash bench/soak.sh [ARTICLES] [MINUTES]     (defaults 1000 and 30)
# Prints a row a minute (requests, 304 share, failures, p50/p99, heap after GC, fds, threads) and
# whether they stayed flat. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-1000}; MINUTES=${2:-30}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$WORK/corpus-$ARTICLES
COPY=$WORK/soak-content
PORT=18380
JAR=${JAR:-target/feedserver.jar}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -d "$CORPUS" ] || python3 bench/gen_corpus.py --articles "$ARTICLES" --out "$CORPUS"
rm -rf "$COPY"; cp -r "$CORPUS" "$COPY"
mkdir -p "$COPY/soak"
printf -- "---\ntitle: 'Soak seed'\ncategories: [Soak]\ndate: 2029-12-31\n---\n<p>seed</p>\n" > "$COPY/soak/seed.md"
if curl -s -o /dev/null "http://127.0.0.1:$PORT/"; then echo "port $PORT is in use" >&2; exit 1; fi
java -Xmx256m -jar "$JAR" serve --port $PORT --content-dir "$COPY" --base-url http://127.0.0.1:$PORT/ \
  > "$WORK/soak-server.log" 2>&1 &
PID=$!
trap 'kill -9 $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
sleep 3
echo "soak: $ARTICLES articles, $MINUTES minutes, -Xmx256m, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
python3 bench/soak.py --port $PORT --content "$COPY" --pid $PID --minutes "$MINUTES"
