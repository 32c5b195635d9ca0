#!/usr/bin/env bash
# Load while content changes: a watched server on a copy of the corpus, churn.py driving and editing.
#   bash bench/churn.sh [ARTICLES] [SECONDS]     (defaults 10000 and 60)
#   CHURN_PORT=17080 bash bench/churn.sh 1000 10  (the server's port, default 18280)
# The server runs with bench/common.sh's JVM flags (-Xmx256m, the run command's flags
# (src/main/jvm/feedserver.options), $JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ARTICLES=${1:-10000}; SECONDS_=${2:-60}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$(corpus_dir "$ARTICLES" html)
COPY=$WORK/churn-content
PORT=${CHURN_PORT:-18280}
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
ensure_corpus "$ARTICLES" html
rm -rf "$COPY"; cp -r "$CORPUS" "$COPY"
mkdir -p "$COPY/churn" # one article so that the Churn category exists from the start
printf -- "---\ntitle: 'Churn seed'\ncategories: [Churn]\ndate: 2029-12-31\n---\n<p>seed</p>\n" > "$COPY/churn/seed.md"
ports_free "$PORT"
PORT=$PORT FEED_CONTENT_DIR=$COPY FEED_BASE_URL=http://127.0.0.1:$PORT/ feedserver_java > "$WORK/churn-server.log" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$PORT/healthz" >/dev/null; do sleep 0.2; done
sleep 3
# saturation from a second process (wrk) on the feeds that change, while churn.py checks every
# body it gets and makes the changes
command -v wrk >/dev/null || { apt-get update -q && apt-get install -y -q wrk; }
wrk -t1 -c32 -d"${SECONDS_}s" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$PORT/category/Churn/rss.xml" > "$WORK/churn-wrk.txt" 2>&1 &
WRK=$!
status=0
python3 bench/churn.py --port $PORT --content "$COPY" --seconds "$SECONDS_" --pid $PID || status=$?
wait $WRK || true
echo
echo "wrk on /category/Churn/rss.xml meanwhile: $(awk '/Requests\/sec/ {print $2}' "$WORK/churn-wrk.txt") req/s," \
  "$(awk '/requests in/ {print $1}' "$WORK/churn-wrk.txt") requests," \
  "non-2xx/3xx: $(awk '/Non-2xx/ {print $5}' "$WORK/churn-wrk.txt" | grep . || echo 0)," \
  "$(grep -o 'Socket errors.*' "$WORK/churn-wrk.txt" || echo 'socket errors: none')"
exit $status
