#!/usr/bin/env bash
# Load while content changes: a watched server on a copy of the corpus, churn.py driving and editing.
#   bash bench/churn.sh [ARTICLES] [SECONDS]     (defaults 10000 and 60)
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-10000}; SECONDS_=${2:-60}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$WORK/corpus-$ARTICLES
COPY=$WORK/churn-content
PORT=18280
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
[ -d "$CORPUS" ] || python3 bench/gen_corpus.py --articles "$ARTICLES" --out "$CORPUS"
rm -rf "$COPY"; cp -r "$CORPUS" "$COPY"
PORT=$PORT FEED_CONTENT_DIR=$COPY FEED_BASE_URL=http://127.0.0.1:$PORT/ java -Xmx512m -jar target/feedserver.jar > "$WORK/churn-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
sleep 3
python3 bench/churn.py --port $PORT --content "$COPY" --seconds "$SECONDS_" --pid $PID
