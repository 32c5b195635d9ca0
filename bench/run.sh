#!/usr/bin/env bash
# Benchmark: feedserver against nginx serving the exported files and a bare Javalin app, in one run.
#
#   bash bench/run.sh [ARTICLES]        (default 10000; 1000, 10000 and 100000 are the documented sizes)
#   LOAD=0 bash bench/run.sh 100000     (start-up, heap and reload only: no export, no wrk)
#   FORMAT=md bash bench/run.sh 10000   (corpus format: html, the default; md, Hexo Markdown posts;
#                                        mix, half each; see bench/gen_corpus.py --format)
#
# Prints a Markdown table: req/s, p50/p99 latency and ratios for a 5 KB-class feed, a 60 KB-class
# feed (identity and gzip), a 304 and a permalink page; start-up time to the first feed, heap after
# GC, reload latency. Not part of CI. Installs wrk and nginx with apt-get when missing.
# bench/startup.sh compares start-up, heap and reload of an html and an md corpus in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ARTICLES=${1:-10000}
FORMAT=${FORMAT:-html}
check_format "$FORMAT"
DURATION=${DURATION:-10s}
CONNECTIONS=${CONNECTIONS:-64}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$(corpus_dir "$ARTICLES" "$FORMAT") # $WORK/corpus-N for html, $WORK/corpus-N-FORMAT otherwise
EXPORT=$WORK/export-${CORPUS#"$WORK"/corpus-}
APP_PORT=18080 NGINX_PORT=18081 BARE_PORT=18082

for tool in wrk nginx curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk nginx curl python3; break; }
done
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
ensure_corpus "$ARTICLES" "$FORMAT"

pids=()
# kill -9: a SIGTERM'd server keeps answering for its 3 s drain, and the next run would measure it
cleanup() {
  if [ -f "$WORK/nginx/nginx.conf" ]; then
    nginx -c "$WORK/nginx/nginx.conf" -s stop 2>/dev/null || true
    # let the master take its workers down first: a worker orphaned by kill -9 keeps serving
    for _ in $(seq 50); do [ -f "$WORK/nginx/nginx.pid" ] || break; sleep 0.1; done
  fi
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
ports_free $APP_PORT $NGINX_PORT $BARE_PORT

# ---- start-up: JVM start to the first feed answered; heap after GC (bench/common.sh) ----
start_and_measure "$CORPUS" "$WORK/server.log"

if [ "${LOAD:-1}" = 0 ]; then
  reload_ms=$(reload_latency "$CORPUS")
  echo
  echo "feedserver: $ARTICLES articles$(format_note "$FORMAT") ($(du -sh "$CORPUS" | cut -f1)), -Xmx512m, $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "| start-up to first feed | heap after GC | reload latency (edit to visible) |"
  echo "| ---: | ---: | ---: |"
  echo "| ${startup_ms} ms | ${heap_mb} MB | ${reload_ms} ms |"
  exit 0
fi

# ---- the same bytes for nginx and the bare app ----
rm -rf "$EXPORT"
FEED_CONTENT_DIR=$CORPUS FEED_BASE_URL=http://127.0.0.1:$APP_PORT/ FEED_WATCH=false \
  java -Xmx512m -jar target/feedserver.jar export "$EXPORT" > "$WORK/export.log" 2>&1
SMALL=/category/$(python3 -c 'import urllib.parse;print(urllib.parse.quote("短讯",safe=""))')/rss.xml
LARGE=/category/$(python3 -c 'import urllib.parse;print(urllib.parse.quote("周报",safe=""))')/rss.xml
SMALL_FILE=$EXPORT/category/短讯/rss.xml
LARGE_FILE=$EXPORT/category/周报/rss.xml
PAGE=/entry/$(article_id "$(first_article "$CORPUS/00")")

mkdir -p "$WORK/nginx"
sed -e "s|__ROOT__|$EXPORT|" -e "s|__PORT__|$NGINX_PORT|" -e "s|__TMP__|$WORK/nginx|" bench/nginx-static.conf > "$WORK/nginx/nginx.conf"
nginx -c "$WORK/nginx/nginx.conf" > "$WORK/nginx.out" 2>&1 & pids+=($!)
java -cp target/feedserver.jar bench/BareJavalin.java "$BARE_PORT" "$SMALL_FILE" "$LARGE_FILE" > "$WORK/bare.log" 2>&1 & pids+=($!)
until curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$SMALL" && curl -sf -o /dev/null "http://127.0.0.1:$BARE_PORT/small"; do sleep 0.1; done

etag() { curl -sI ${2:+-H "$2"} "$1" | awk -F': ' 'tolower($1)=="etag" {gsub("\r","",$2); print $2}'; }
APP_ETAG=$(etag "http://127.0.0.1:$APP_PORT$LARGE")
NGINX_ETAG=$(etag "http://127.0.0.1:$NGINX_PORT$LARGE")

# wrk: prints "req/s p50 p99"
run() {
  local url=$1; shift
  local header_args=()
  for h in "$@"; do header_args+=(-H "$h"); done
  wrk -t2 -c"$CONNECTIONS" -d"$DURATION" --latency "${header_args[@]}" "$url" > "$WORK/wrk.out" 2>&1 || true
  python3 - "$WORK/wrk.out" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
def lat(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % p, t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
print("%.0f %.2f %.2f %s" % (rps, lat(50), lat(99), bad.group(1) if bad else 0))
PY
}
sizes() { printf '%s B / %s B gz' "$(stat -c %s "$1")" "$(stat -c %s "$1.gz")"; }

# warm-up: the JIT compiles the request path before anything is measured
for url in "http://127.0.0.1:$APP_PORT$SMALL" "http://127.0.0.1:$APP_PORT$LARGE" "http://127.0.0.1:$BARE_PORT/small"; do
  wrk -t2 -c"$CONNECTIONS" -d3s "$url" > /dev/null 2>&1 || true
  wrk -t2 -c"$CONNECTIONS" -d2s -H "Accept-Encoding: gzip" -H "If-None-Match: $APP_ETAG" "$url" > /dev/null 2>&1 || true
done

declare -A R
R[app_small]=$(run "http://127.0.0.1:$APP_PORT$SMALL")
R[nginx_small]=$(run "http://127.0.0.1:$NGINX_PORT$SMALL")
R[bare_small]=$(run "http://127.0.0.1:$BARE_PORT/small")
R[app_large]=$(run "http://127.0.0.1:$APP_PORT$LARGE")
R[nginx_large]=$(run "http://127.0.0.1:$NGINX_PORT$LARGE")
R[bare_large]=$(run "http://127.0.0.1:$BARE_PORT/large")
R[app_gzip]=$(run "http://127.0.0.1:$APP_PORT$LARGE" "Accept-Encoding: gzip")
R[nginx_gzip]=$(run "http://127.0.0.1:$NGINX_PORT$LARGE" "Accept-Encoding: gzip")
R[bare_gzip]=$(run "http://127.0.0.1:$BARE_PORT/large" "Accept-Encoding: gzip")
R[app_304]=$(run "http://127.0.0.1:$APP_PORT$LARGE" "If-None-Match: $APP_ETAG")
R[nginx_304]=$(run "http://127.0.0.1:$NGINX_PORT$LARGE" "If-None-Match: $NGINX_ETAG")
R[bare_304]=$(run "http://127.0.0.1:$BARE_PORT/large" 'If-None-Match: "bare"')
R[app_page]=$(run "http://127.0.0.1:$APP_PORT$PAGE")
R[nginx_page]=$(run "http://127.0.0.1:$NGINX_PORT$PAGE")

reload_ms=$(reload_latency "$CORPUS")

field() { echo "$1" | cut -d' ' -f"$2"; }
ratio() { python3 -c "print('%.2f' % ($1 / $2))"; }
echo
echo "feedserver benchmark: $ARTICLES articles$(format_note "$FORMAT") ($(du -sh "$CORPUS" | cut -f1)), wrk -t2 -c$CONNECTIONS -d$DURATION, $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
echo "| case | feedserver req/s | p50 / p99 ms | bare Javalin req/s | nginx req/s | vs bare | vs nginx |"
echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
for c in small large gzip 304 page; do
  a=${R[app_$c]}; n=${R[nginx_$c]}; b=${R[bare_$c]:-}
  case $c in
    small) label="5 KB-class feed ($(sizes "$SMALL_FILE"))";;
    large) label="60 KB-class feed ($(stat -c %s "$LARGE_FILE") B)";;
    gzip) label="60 KB-class feed, gzip ($(stat -c %s "$LARGE_FILE.gz") B)";;
    304) label="304 (If-None-Match)";;
    page) label="permalink page";;
  esac
  if [ -n "$b" ]; then bare_rps=$(field "$b" 1); vs_bare=$(ratio "$(field "$a" 1)" "$bare_rps"); else bare_rps=–; vs_bare=–; fi
  echo "| $label | $(field "$a" 1) | $(field "$a" 2) / $(field "$a" 3) | $bare_rps | $(field "$n" 1) | $vs_bare | $(ratio "$(field "$a" 1)" "$(field "$n" 1)") |"
done
echo
echo "| start-up to first feed | heap after GC | reload latency (edit to visible) |"
echo "| ---: | ---: | ---: |"
echo "| ${startup_ms} ms | ${heap_mb} MB | ${reload_ms} ms |"
errors=$(for k in "${!R[@]}"; do field "${R[$k]}" 4; done | awk '{s+=$1} END {print s}')
echo
echo "non-2xx/3xx responses during the runs: $errors"
