#!/usr/bin/env bash
# Start-up of a Markdown corpus against an HTML one of the same size, in one run.
#
#   bash bench/startup.sh [ARTICLES]      (default 10000)
#   ROUNDS=5 bash bench/startup.sh 1000   (rounds, default 3)
#   APP_PORT=17080 bash bench/startup.sh 1000   (the server's port, default 18080)
#
# Alternates html, md, html, md, ... (ROUNDS runs of each), each run a fresh server on
# $WORK/corpus-N (html) or $WORK/corpus-N-md (written by bench/gen_corpus.py when missing; the same
# file stems, titles, categories, authors and dates in both). Each run measures what
# `LOAD=0 bash bench/run.sh` measures, with the same code (bench/common.sh): ready time (JVM start
# to the first 200 for /rss.xml), heap after a full GC once the warm-up is over, and reload latency
# (one article's title edited, until its permalink page shows it), with bench/common.sh's JVM flags
# (-Xmx256m, the run command's flags (src/main/jvm/feedserver.options),
# $JAVA_OPTS). No wrk, no nginx, no export.
# bench/growth.sh measures the same and more at several sizes.
# Prints a Markdown table: every run, the median of each format and the md / html ratio of the
# medians. Server logs: $WORK/server-FORMAT-ROUND.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
ARTICLES=${1:-10000}
ROUNDS=${ROUNDS:-3}
WORK=${WORK:-/tmp/feedserver-bench}
APP_PORT=${APP_PORT:-18080}
case $ROUNDS in ''|*[!0-9]*|0) echo "ROUNDS must be a whole number from 1 (got '$ROUNDS')" >&2; exit 2;; esac

for tool in curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q curl python3; break; }
done
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
for format in html md; do ensure_corpus "$ARTICLES" "$format"; done

pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
ports_free "$APP_PORT"

results=$WORK/startup-$ARTICLES.tsv
: > "$results"
for round in $(seq "$ROUNDS"); do
  for format in html md; do
    corpus=$(corpus_dir "$ARTICLES" "$format")
    start_and_measure "$corpus" "$WORK/server-$format-$round.log"
    loaded=$(echo "$health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("articles"))')
    [ "$loaded" = "$ARTICLES" ] || echo "warning: $format round $round serves $loaded articles, not $ARTICLES" >&2
    reload_ms=$(reload_latency "$corpus")
    stop_app
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$format" "$startup_ms" "$heap_mb" "$reload_ms" >> "$results"
    echo "round $round, $format: ready ${startup_ms} ms, heap ${heap_mb} MB, reload ${reload_ms} ms" >&2
  done
done

echo
echo "feedserver start-up, html vs md: $ARTICLES articles each (html $(du -shL "$(corpus_dir "$ARTICLES" html)" | cut -f1)," \
  "md $(du -shL "$(corpus_dir "$ARTICLES" md)" | cut -f1)), $(jvm_note), $(nproc) cores, $(date -u +%Y-%m-%d)," \
  "$ROUNDS round(s) alternating html, md"
echo
python3 - "$results" <<'PY'
import statistics, sys
rows = [line.rstrip('\n').split('\t') for line in open(sys.argv[1]) if line.strip()]
print('| run | format | ready (JVM start to first /rss.xml 200) | heap after GC | reload latency (edit to visible) |')
print('| ---: | --- | ---: | ---: | ---: |')
for k, (rnd, fmt, ready, heap, reload) in enumerate(rows, 1):
    print('| %d | %s | %s ms | %s MB | %s ms |' % (k, fmt, ready, heap, reload))
med = {}
for fmt in ('html', 'md'):
    med[fmt] = [statistics.median(float(r[c]) for r in rows if r[1] == fmt) for c in (2, 3, 4)]
    print('| median | %s | %.0f ms | %.0f MB | %.0f ms |' % ((fmt,) + tuple(med[fmt])))
ratio = ['%.2f' % (m / h) if h else '–' for m, h in zip(med['md'], med['html'])]
print('| md / html | | %s | %s | %s |' % tuple(ratio))
PY
