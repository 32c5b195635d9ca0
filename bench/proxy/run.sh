#!/usr/bin/env bash
# Two feedserver instances behind a caching nginx, on loopback. Reports req/s through the proxy and
# its cache hit ratio, then restarts the instances one at a time under load (SIGTERM: drain, stop,
# start again) and counts failed requests.
#
#   bash bench/proxy/run.sh [ARTICLES]      (default 10000; reuses bench/run.sh's corpus folder)
#   PROXY_PORT=17080 A_PORT=17081 B_PORT=17082 DURATION=2s bash bench/proxy/run.sh 1000
#                                           (ports, defaults 18180-18182; steady run, default 10s)
# The instances run with bench/common.sh's JVM flags (-Xmx256m, the CDS archive when the build made
# one, $JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/common.sh
ARTICLES=${1:-10000}
DURATION=${DURATION:-10s}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$(corpus_dir "$ARTICLES" html)
TMP=$WORK/proxy
PROXY=${PROXY_PORT:-18180} A=${A_PORT:-18181} B=${B_PORT:-18182}
command -v wrk >/dev/null && command -v nginx >/dev/null || { apt-get update -q && apt-get install -y -q wrk nginx; }
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
ensure_corpus "$ARTICLES" html
ports_free "$PROXY" "$A" "$B"
rm -rf "$TMP"; mkdir -p "$TMP"

declare -A PIDS
start() { # port
  PORT=$1 FEED_CONTENT_DIR=$CORPUS FEED_BASE_URL=http://127.0.0.1:$PROXY/ FEED_WATCH=false \
    feedserver_java > "$TMP/instance-$1.log" 2>&1 &
  PIDS[$1]=$!
  until curl -sf "http://127.0.0.1:$1/healthz" >/dev/null; do sleep 0.1; done
}
cleanup() { for p in "${PIDS[@]}"; do kill -9 "$p" 2>/dev/null || true; done; [ -f "$TMP/nginx.pid" ] && kill "$(cat "$TMP/nginx.pid")" 2>/dev/null || true; }
trap cleanup EXIT
start $A; start $B
sed -e "s|__PORT__|$PROXY|; s|__A__|$A|; s|__B__|$B|; s|__TMP__|$TMP|g" bench/proxy/nginx-proxy.conf > "$TMP/nginx.conf"
nginx -c "$TMP/nginx.conf" &
until curl -sf -o /dev/null "http://127.0.0.1:$PROXY/rss.xml"; do sleep 0.1; done

FEED=http://127.0.0.1:$PROXY/category/$(python3 -c 'import urllib.parse;print(urllib.parse.quote("周报",safe=""))')/rss.xml
wrk -t2 -c64 -d"$DURATION" -H 'Accept-Encoding: gzip' "$FEED" > "$TMP/wrk-steady.txt"
sleep 1.5 # access log flush
steady_rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk-steady.txt")
hits=$(grep -c '^HIT ' "$TMP/access.log" || true); total=$(wc -l < "$TMP/access.log")

# rolling restart under load: each instance gets SIGTERM, drains, stops, starts again
: > "$TMP/access.log"
wrk -t2 -c64 -d20s -H 'Accept-Encoding: gzip' "$FEED?limit=$(( RANDOM % 50 + 1 ))" > "$TMP/wrk-rolling.txt" &
WRK=$!
for port in $A $B; do
  sleep 3
  kill -TERM "${PIDS[$port]}"; wait "${PIDS[$port]}" 2>/dev/null || true
  start "$port"
done
wait $WRK
sleep 1.5
rolling_rps=$(awk '/Requests\/sec/ {print $2}' "$TMP/wrk-rolling.txt")
failed=$(awk '/Non-2xx/ {print $5}' "$TMP/wrk-rolling.txt"); failed=${failed:-0}
socket_errors=$(grep -o 'Socket errors.*' "$TMP/wrk-rolling.txt" || echo "Socket errors: none")
echo
echo "| through the caching proxy (2 instances) | req/s | cache hits | rolling restart under load |"
echo "| --- | ---: | ---: | --- |"
echo "| 60 KB-class feed, gzip | $steady_rps | $hits / $total ($(python3 -c "print('%.1f%%' % (100*$hits/max($total,1)))")) | $rolling_rps req/s, $failed failed; $socket_errors |"
