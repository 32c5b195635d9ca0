#!/usr/bin/env bash
# Benchmark: feedserver against nginx serving the exported, byte-identical files, in one run.
#
#   bash bench/run.sh [ARTICLES]        (default 10000; 1000, 10000 and 100000 are the documented sizes)
#   ROUNDS=5 DURATION=10s bash bench/run.sh 1000   (interleaved rounds, default 3; wrk duration of
#                                       each case in each round, default 10s; WARMUP, default 3s, per
#                                       case before the first round; CONNECTIONS, default 64)
#   LOAD=0 bash bench/run.sh 100000     (start-up, heap and reload only: no export, no wrk)
#   FORMAT=md bash bench/run.sh 10000   (corpus format: html, the default; md, Hexo Markdown posts;
#                                        mix, half each; see bench/gen_corpus.py --format)
#   APP_PORT=17080 NGINX_PORT=17081 bash bench/run.sh 1000   (ports, defaults 18080 and 18081)
#   FRESH_EXPORT=1 bash bench/run.sh 10000  (export again even if the last one was made by the
#                                        same jar for the same corpus and port)
#
# The server is started with bench/common.sh's JVM flags (-Xmx256m, the run command's
# flags (src/main/jvm/feedserver.options), $JAVA_OPTS). Its export is served by nginx with
# gzip_static and brotli_static. Cases,
# each against nginx on the same bytes: the small feed (/category/短讯/rss.xml, ~5 KB) and the large
# feed (the export's category rss.xml, atom.xml or feed.json whose size is closest to 300 KB), each
# as identity 200, gzip 200, brotli 200 and 304 (If-None-Match with each server's own ETag); and an
# entry page (rendered once already by the warm-up). Before measuring, every case is requested from
# both servers with the same headers and the bodies' sha256, status and Content-Encoding compared;
# the script stops if they differ. Then ROUNDS rounds, each running every case on both servers
# (wrk -t2), which one goes first alternating. Prints a Markdown table of the medians over the
# rounds: req/s, p50/p99, CPU (cores the server's processes used during the run), the ratio
# feedserver / nginx and each round's ratio; a line naming the cases under 0.75x; start-up, heap
# after GC and reload latency. Not part of CI. Installs wrk, nginx and nginx's brotli_static module
# with apt-get when missing.
# bench/startup.sh compares start-up of an html and an md corpus; bench/growth.sh is the growth table.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ARTICLES=${1:-10000}
FORMAT=${FORMAT:-html}
check_format "$FORMAT"
DURATION=${DURATION:-10s}
WARMUP=${WARMUP:-3s}
ROUNDS=${ROUNDS:-3}
CONNECTIONS=${CONNECTIONS:-64}
WORK=${WORK:-/tmp/feedserver-bench}
CORPUS=$(corpus_dir "$ARTICLES" "$FORMAT") # $WORK/corpus-N for html, $WORK/corpus-N-FORMAT otherwise
EXPORT=$WORK/export-${CORPUS#"$WORK"/corpus-}
APP_PORT=${APP_PORT:-18080} NGINX_PORT=${NGINX_PORT:-18081}
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
case $ROUNDS in ''|*[!0-9]*|0) echo "ROUNDS must be a whole number from 1 (got '$ROUNDS')" >&2; exit 2;; esac

for tool in wrk nginx curl python3 sha256sum; do
  command -v "$tool" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk nginx curl python3 coreutils; break; }
done
[ -f "$BROTLI_MODULE" ] || { apt-get update -q && apt-get install -y -q libnginx-mod-http-brotli-static; }
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
ensure_corpus "$ARTICLES" "$FORMAT"

pids=()
NGINX_CONF=$WORK/nginx-$APP_PORT/nginx.conf
# kill -9: a SIGTERM'd server keeps answering for its 3 s drain, and the next run would measure it
cleanup() {
  if [ -f "$NGINX_CONF" ]; then
    nginx -c "$NGINX_CONF" -s stop 2>/dev/null || true
    # let the master take its workers down first: a worker orphaned by kill -9 keeps serving
    for _ in $(seq 50); do [ -f "$WORK/nginx-$APP_PORT/nginx.pid" ] || break; sleep 0.1; done
  fi
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done
}
trap cleanup EXIT
ports_free "$APP_PORT" "$NGINX_PORT"

# ---- start-up: JVM start to the first feed answered; heap after GC (bench/common.sh) ----
start_and_measure "$CORPUS" "$WORK/server-$APP_PORT.log"

if [ "${LOAD:-1}" = 0 ]; then
  reload_ms=$(reload_latency "$CORPUS")
  echo
  echo "feedserver: $ARTICLES articles$(format_note "$FORMAT") ($(du -shL "$CORPUS" | cut -f1)), $(jvm_note), $(nproc) cores, $(date -u +%Y-%m-%d)"
  echo
  echo "| start-up to first feed | heap after GC | reload latency (edit to visible) |"
  echo "| ---: | ---: | ---: |"
  echo "| ${startup_ms} ms | ${heap_mb} MB | ${reload_ms} ms |"
  exit 0
fi

# ---- the same bytes for nginx ----
# An export takes minutes at 10,000 articles (every file compressed twice): one made by the same jar
# for the same corpus and port is reused (the byte check below still compares every case);
# FRESH_EXPORT=1 makes a new one.
stamp="$(sha256sum < target/feedserver.jar | cut -c1-16) $CORPUS $APP_PORT"
if [ "${FRESH_EXPORT:-0}" != 1 ] && [ -f "$EXPORT.stamp" ] && [ "$(cat "$EXPORT.stamp")" = "$stamp" ]; then
  echo "reusing $EXPORT (same jar, corpus and port; FRESH_EXPORT=1 to write it again)" >&2
else
  rm -rf "$EXPORT" "$EXPORT.stamp"
  echo "exporting to $EXPORT" >&2
  (FEED_CONTENT_DIR=$CORPUS FEED_BASE_URL=http://127.0.0.1:$APP_PORT/ FEED_WATCH=false \
    feedserver_java export "$EXPORT") > "$WORK/export-$APP_PORT.log" 2>&1 \
    || { echo "the export failed:" >&2; tail -20 "$WORK/export-$APP_PORT.log" >&2; exit 1; }
  tail -1 "$WORK/export-$APP_PORT.log" >&2
  echo "$stamp" > "$EXPORT.stamp"
fi
# the large feed: of the export's category feeds, the one whose identity size is closest to 300 KB
read -r LARGE_FILE < <(find "$EXPORT/category" -mindepth 2 -maxdepth 2 -type f \
  \( -name rss.xml -o -name atom.xml -o -name feed.json \) -printf '%s %p\n' \
  | awk '{d = $1 - 300000; if (d < 0) d = -d; sub(/^[0-9]+ /, ""); print d "\t" $0}' | sort -n | head -1 | cut -f2)
SMALL_FILE=$EXPORT/category/短讯/rss.xml
[ -f "$SMALL_FILE" ] && [ -n "$LARGE_FILE" ] || { echo "the export has no $SMALL_FILE or no category feed" >&2; exit 1; }
url_path() { # the URL path of an exported file
  python3 -c 'import sys, urllib.parse as u; print("/" + "/".join(u.quote(s, safe="") for s in sys.argv[1].split("/")))' \
    "${1#"$EXPORT"/}"
}
SMALL=$(url_path "$SMALL_FILE")
LARGE=$(url_path "$LARGE_FILE")
PAGE=/entry/$(article_id "$(first_article "$CORPUS/00")")
PAGE_FILE=$EXPORT${PAGE}/index.html

mkdir -p "$WORK/nginx-$APP_PORT"
sed -e "s|__ROOT__|$EXPORT|" -e "s|__PORT__|$NGINX_PORT|" -e "s|__TMP__|$WORK/nginx-$APP_PORT|" \
  bench/nginx-static.conf > "$NGINX_CONF"
nginx -c "$NGINX_CONF" > "$WORK/nginx-$APP_PORT.out" 2>&1 & NGINX_PID=$!; pids+=("$NGINX_PID")
until curl -sf -o /dev/null "http://127.0.0.1:$NGINX_PORT$SMALL"; do
  kill -0 "$NGINX_PID" 2>/dev/null || { echo "nginx stopped:" >&2; cat "$WORK/nginx-$APP_PORT.out" >&2; exit 1; }
  sleep 0.1
done

# ---- the cases: name, path, request header ("ETAG" stands for each server's own ETag), file ----
CASES=(small small-gzip small-br small-304 large large-gzip large-br large-304 page)
declare -A CPATH CHDR CFILE CLABEL
for size in small large; do
  if [ $size = small ]; then p=$SMALL f=$SMALL_FILE; else p=$LARGE f=$LARGE_FILE; fi
  CPATH[$size]=$p CHDR[$size]= CFILE[$size]=$f
  CPATH[$size-gzip]=$p CHDR[$size-gzip]="Accept-Encoding: gzip" CFILE[$size-gzip]=$f.gz
  CPATH[$size-br]=$p CHDR[$size-br]="Accept-Encoding: br" CFILE[$size-br]=$f.br
  CPATH[$size-304]=$p CHDR[$size-304]="If-None-Match: ETAG" CFILE[$size-304]=
done
CPATH[page]=$PAGE CHDR[page]= CFILE[page]=$PAGE_FILE
small_name=${SMALL_FILE#"$EXPORT"/} large_name=${LARGE_FILE#"$EXPORT"/}
CLABEL[small]="small feed, identity" CLABEL[small-gzip]="small feed, gzip" CLABEL[small-br]="small feed, brotli"
CLABEL[small-304]="small feed, 304" CLABEL[large]="large feed, identity" CLABEL[large-gzip]="large feed, gzip"
CLABEL[large-br]="large feed, brotli" CLABEL[large-304]="large feed, 304" CLABEL[page]="entry page"

port_of() { if [ "$1" = app ]; then echo "$APP_PORT"; else echo "$NGINX_PORT"; fi; }
declare -A ETAG
for server in app nginx; do
  for p in "$SMALL" "$LARGE"; do
    ETAG[$server$p]=$(curl -sI "http://127.0.0.1:$(port_of $server)$p" | awk -F': ' 'tolower($1)=="etag" {gsub("\r","",$2); print $2}')
    [ -n "${ETAG[$server$p]}" ] || { echo "$server sends no ETag for $p" >&2; exit 1; }
  done
done
header_of() { # server case: the request header line of this case for this server (may be empty)
  local h=${CHDR[$2]}
  if [[ $h == *ETAG* ]]; then h=${h/ETAG/${ETAG[$1${CPATH[$2]}]}}; fi
  echo "$h"
}

# ---- the same bytes from both servers, or no measurement ----
declare -A SHA CSIZE
for c in "${CASES[@]}"; do
  for server in app nginx; do
    h=$(header_of $server "$c")
    : > "$WORK/body-$APP_PORT" # curl writes no file for a body-less 304
    out=$(curl -s -o "$WORK/body-$APP_PORT" -D "$WORK/head-$APP_PORT" ${h:+-H "$h"} \
      -w '%{http_code}' "http://127.0.0.1:$(port_of $server)${CPATH[$c]}")
    enc=$(awk -F': ' 'tolower($1)=="content-encoding" {gsub("\r","",$2); print $2}' "$WORK/head-$APP_PORT")
    SHA[$server-$c]="$out ${enc:-identity} $(sha256sum < "$WORK/body-$APP_PORT" | cut -c1-16)"
    CSIZE[$c]=$(stat -c %s "$WORK/body-$APP_PORT")
  done
  case $c in *-gzip) want=gzip;; *-br) want=br;; *) want=identity;; esac
  case $c in *-304) status=304;; *) status=200;; esac
  expected="$status $want"
  if [ "${SHA[app-$c]}" != "${SHA[nginx-$c]}" ] || [ "${SHA[app-$c]% *}" != "$expected" ]; then
    echo "case $c (${CPATH[$c]}, header '${CHDR[$c]}'): the servers differ or are not what the case measures" >&2
    echo "  expected status and Content-Encoding: $expected" >&2
    echo "  feedserver: ${SHA[app-$c]} (status, Content-Encoding, sha256 of the body)" >&2
    echo "  nginx:      ${SHA[nginx-$c]}" >&2
    echo "  (FRESH_EXPORT=1 writes the export again)" >&2
    exit 1
  fi
  if [ -n "${CFILE[$c]}" ] && [ "$(stat -c %s "${CFILE[$c]}")" != "${CSIZE[$c]}" ]; then
    echo "case $c: the body is not the exported file ${CFILE[$c]}" >&2; exit 1
  fi
done
echo "same bytes from both servers: ${#CASES[@]} cases checked (status, Content-Encoding, sha256)" >&2

# ---- measurement ----
CLK_TCK=$(getconf CLK_TCK)
cpu_ticks() { # user+system ticks of the server's processes (nginx: master and workers)
  local ps_list=$APP_PID
  [ "$1" = nginx ] && ps_list="$NGINX_PID $(ps -o pid= --ppid "$NGINX_PID" | tr '\n' ' ')"
  for p in $ps_list; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'
}
# wrk on one case of one server for $2; prints "req/s p50 p99 non2xx cores"
run() {
  local server=$1 c=$2 duration=$3 h t0 t1 c0 c1
  h=$(header_of "$server" "$c")
  c0=$(cpu_ticks "$server"); t0=$(date +%s%N)
  wrk -t2 -c"$CONNECTIONS" -d"$duration" --latency ${h:+-H "$h"} "http://127.0.0.1:$(port_of "$server")${CPATH[$c]}" \
    > "$WORK/wrk-$APP_PORT.out" 2>&1 || true
  t1=$(date +%s%N); c1=$(cpu_ticks "$server")
  python3 - "$WORK/wrk-$APP_PORT.out" "$(( c1 - c0 ))" "$CLK_TCK" "$(( t1 - t0 ))" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
m = re.search(r"Requests/sec:\s+([\d.]+)", t)
if not m:
    sys.exit("wrk printed no result:\n" + t)
rps = float(m.group(1))
def lat(p):
    m = re.search(r"^\s+%s%%\s+([\d.]+)(us|ms|s)" % p, t, re.M)
    v, u = float(m.group(1)), m.group(2)
    return v / 1000 if u == "us" else v * 1000 if u == "s" else v
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", t)
cores = int(sys.argv[2]) / int(sys.argv[3]) / (int(sys.argv[4]) / 1e9)
print("%.0f %.2f %.2f %s %.2f" % (rps, lat(50), lat(99), bad.group(1) if bad else 0, cores))
PY
}

# warm-up: the JIT compiles every case's path (and the entry page is rendered) before any round
for c in "${CASES[@]}"; do run app "$c" "$WARMUP" > /dev/null; run nginx "$c" 1s > /dev/null; done

results=$WORK/run-$ARTICLES-$FORMAT.tsv
: > "$results"
for round in $(seq "$ROUNDS"); do
  i=0
  for c in "${CASES[@]}"; do
    if [ $(( (round + i) % 2 )) = 1 ]; then order="app nginx"; else order="nginx app"; fi
    for server in $order; do
      printf '%s\t%s\t%s\t%s\n' "$round" "$c" "$server" "$(run "$server" "$c" "$DURATION")" >> "$results"
    done
    i=$((i + 1))
  done
  echo "round $round of $ROUNDS done" >&2
done

reload_ms=$(reload_latency "$CORPUS")

echo
echo "feedserver vs nginx on the same bytes: $ARTICLES articles$(format_note "$FORMAT") ($(du -shL "$CORPUS" | cut -f1))," \
  "wrk -t2 -c$CONNECTIONS -d$DURATION, $ROUNDS interleaved round(s), medians; $(jvm_note); $(nproc) cores, $(date -u +%Y-%m-%d)"
echo "small feed: $small_name ($(stat -c %s "$SMALL_FILE") B); large feed: $large_name ($(stat -c %s "$LARGE_FILE") B," \
  "the export's category feed closest to 300 KB); entry page: ${PAGE_FILE#"$EXPORT"/}"
echo
labels=$(for c in "${CASES[@]}"; do printf '%s\t%s\t%s\n' "$c" "${CLABEL[$c]}" "${CSIZE[$c]}"; done)
LABELS=$labels python3 - "$results" "$ROUNDS" <<'PY'
import os, statistics, sys
labels = [l.split('\t') for l in os.environ['LABELS'].splitlines()]
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
data = {}  # (case, server) -> list of [rps, p50, p99, bad, cores] per round
rounds = {}  # (case, server, round) -> rps
for rnd, case, server, vals in rows:
    v = [float(x) for x in vals.split()]
    data.setdefault((case, server), []).append(v)
    rounds[(case, server, int(rnd))] = v[0]
med = lambda case, server, k: statistics.median(v[k] for v in data[(case, server)])
print('| case | body | feedserver req/s | p50 / p99 ms | CPU cores | nginx req/s | p50 / p99 ms | CPU cores '
      '| feedserver / nginx | per round |')
print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |')
slow, bad = [], 0
for case, label, size in labels:
    a, n = med(case, 'app', 0), med(case, 'nginx', 0)
    ratio = a / n if n else 0
    per_round = ', '.join('%.2f' % (rounds[(case, 'app', r)] / rounds[(case, 'nginx', r)])
                          for r in range(1, int(sys.argv[2]) + 1) if rounds.get((case, 'nginx', r)))
    print('| %s | %s B | %.0f | %.2f / %.2f | %.2f | %.0f | %.2f / %.2f | %.2f | %.2fx | %s |' % (
        label, size, a, med(case, 'app', 1), med(case, 'app', 2), med(case, 'app', 4),
        n, med(case, 'nginx', 1), med(case, 'nginx', 2), med(case, 'nginx', 4), ratio, per_round))
    if ratio < 0.75:
        slow.append('%s (%.2fx)' % (label, ratio))
    bad += sum(v[3] for s in ('app', 'nginx') for v in data[(case, s)])
print()
print('under 0.75x nginx: ' + (', '.join(slow) if slow else 'none'))
print('non-2xx/3xx responses during the rounds: %d' % bad)
PY
echo
echo "| start-up to first feed | heap after GC | reload latency (edit to visible) |"
echo "| ---: | ---: | ---: |"
echo "| ${startup_ms} ms | ${heap_mb} MB | ${reload_ms} ms |"
