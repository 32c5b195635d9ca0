#!/usr/bin/env bash
# Growth: how start-up, memory, reload and serving scale with the corpus, for HTML and Markdown.
#
#   bash bench/growth.sh                          (1000, 10000 and 100000 articles; html and md)
#   SIZES="1000 10000" FORMATS="html md" ROUNDS=3 DURATION=5s bash bench/growth.sh
#   APP_PORT=17080 bash bench/growth.sh           (the server's port, default 18080)
#
# For each size, ROUNDS first starts (default 3) on every format's corpus, each with an empty read
# cache (every file read; ready time and heap only), then ROUNDS restarts of each, formats in turn
# (html, md, html, md, ...), with the read cache the last first start kept
# (FEED_READ_CACHE=$WORK/read-cache-N-FORMAT), each a fresh JVM (bench/common.sh's flags: -Xmx256m,
# the run command's flags (src/main/jvm/feedserver.options), $JAVA_OPTS): ready
# time (JVM start to the first 200 for /rss.xml), heap after a full GC once the warm-up thread has
# finished, reload latency (one article's title edited until its entry page shows it), and from
# 10,000 articles up feed req/s (wrk -t2 -c64 for DURATION,
# default 5s, after a WARMUP, default 2s, with Accept-Encoding: gzip) on a category feed
# (/category/周报/rss.xml) and on /rss.xml. Corpora are $WORK/corpus-N(-md), written by
# bench/gen_corpus.py when missing (waiting for a generator that is still writing one).
# Prints one Markdown table, a row per (format, size) with the medians of the rounds, then a
# md / html line per size (the aim: Markdown within 10% of HTML). Not part of CI. Installs wrk with
# apt-get when missing. Per-run numbers: $WORK/growth.tsv; server logs: $WORK/growth-*.log.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/common.sh
SIZES=${SIZES:-1000 10000 100000}
FORMATS=${FORMATS:-html md}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-5s}
WARMUP=${WARMUP:-2s}
WORK=${WORK:-/tmp/feedserver-bench}
APP_PORT=${APP_PORT:-18080}
case $ROUNDS in ''|*[!0-9]*|0) echo "ROUNDS must be a whole number from 1 (got '$ROUNDS')" >&2; exit 2;; esac
for format in $FORMATS; do check_format "$format"; done
for size in $SIZES; do
  case $size in ''|*[!0-9]*|0) echo "SIZES must be whole numbers (got '$size')" >&2; exit 2;; esac
done

for tool in wrk curl python3; do
  command -v "$tool" >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q wrk curl python3; break; }
done
[ -f target/feedserver.jar ] || mvn -B -q package -DskipTests
mkdir -p "$WORK"
for size in $SIZES; do for format in $FORMATS; do ensure_corpus "$size" "$format"; done; done

pids=()
cleanup() { for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; done; }
trap cleanup EXIT
ports_free "$APP_PORT"

CATEGORY=/category/$(python3 -c 'import urllib.parse; print(urllib.parse.quote("周报", safe=""))')/rss.xml
rps() { # path: req/s of wrk on it with gzip
  wrk -t2 -c64 -d"$WARMUP" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$1" > /dev/null 2>&1 || true
  wrk -t2 -c64 -d"$DURATION" -H 'Accept-Encoding: gzip' "http://127.0.0.1:$APP_PORT$1" > "$WORK/growth-wrk.out" 2>&1 || true
  awk '/Requests\/sec/ {printf "%.0f", $2; found = 1} END {if (!found) exit 1}' "$WORK/growth-wrk.out" \
    || { echo "wrk printed no result:" >&2; cat "$WORK/growth-wrk.out" >&2; exit 1; }
  if grep -q 'Non-2xx' "$WORK/growth-wrk.out"; then echo "warning: $(grep 'Non-2xx' "$WORK/growth-wrk.out") on $1" >&2; fi
}

results=$WORK/growth.tsv
: > "$results"
for size in $SIZES; do
  for format in $FORMATS; do rm -rf "$WORK/read-cache-$size-$format"; done
  # rounds f1..fROUNDS: first starts on this corpus, every file read (the read cache removed before
  # each; the last one's is kept); rounds 1..ROUNDS: restarts, reading only what changed since
  # (here: the file reload_latency edits)
  for round in $(seq -f 'f%g' 1 "$ROUNDS") $(seq 1 "$ROUNDS"); do
    for format in $FORMATS; do
      corpus=$(corpus_dir "$size" "$format")
      export FEED_READ_CACHE=$WORK/read-cache-$size-$format
      if [[ $round == f* ]]; then rm -rf "$FEED_READ_CACHE"; fi
      start_and_measure "$corpus" "$WORK/growth-$size-$format-$round.log"
      loaded=$(echo "$health" | python3 -c 'import json,sys; print(json.load(sys.stdin).get("articles"))')
      [ "$loaded" = "$size" ] || echo "warning: $format $size round $round serves $loaded articles, not $size" >&2
      if [[ $round == f* ]]; then
        reload_ms=- feed_rps=- site_rps=-
      else
        reload_ms=$(reload_latency "$corpus")
        if [ "$size" -ge 10000 ]; then
          feed_rps=$(rps "$CATEGORY"); site_rps=$(rps /rss.xml)
        else
          feed_rps=- site_rps=-
        fi
      fi
      stop_app
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$format" "$round" "$startup_ms" "$heap_mb" "$reload_ms" \
        "$feed_rps" "$site_rps" "$(du -shL "$corpus" | cut -f1)" >> "$results"
      echo "$size $format round $round: ready ${startup_ms} ms, heap ${heap_mb} MB, reload ${reload_ms} ms," \
        "category feed ${feed_rps} req/s, /rss.xml ${site_rps} req/s" >&2
    done
  done
done
unset FEED_READ_CACHE

echo
echo "feedserver growth: $(jvm_note), $ROUNDS round(s) per size alternating $(echo "$FORMATS" | tr ' ' ','), medians;" \
  "req/s: wrk -t2 -c64 -d$DURATION, Accept-Encoding: gzip; $(nproc) cores, $(date -u +%Y-%m-%d)"
echo
python3 - "$results" "$FORMATS" <<'PY'
import statistics, sys
rows = [l.rstrip('\n').split('\t') for l in open(sys.argv[1]) if l.strip()]
formats = sys.argv[2].split()
sizes = sorted({int(r[0]) for r in rows})
def pick(size, fmt, col, first):
    return [float(r[col]) for r in rows if int(r[0]) == size and r[1] == fmt and r[col] != '-'
            and r[2].startswith('f') == first]
def med(size, fmt, col, first=False):
    vals = pick(size, fmt, col, first)
    return statistics.median(vals) if vals else None
def spread(size, fmt, col, first=False):
    vals = pick(size, fmt, col, first)
    return '%d–%d' % (min(vals), max(vals)) if len(vals) > 1 else ''
show = lambda v, unit='': '–' if v is None else '%.0f%s' % (v, unit)
print('| format | articles | corpus | ready, first start (every file read) | ready, restart (read cache) '
      '| heap after GC | reload (one changed file visible) | category feed req/s (gzip) | /rss.xml req/s (gzip) |')
print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for fmt in formats:
    for size in sizes:
        if not any(int(r[0]) == size and r[1] == fmt for r in rows):
            continue
        disk = next(r[8] for r in rows if int(r[0]) == size and r[1] == fmt)
        ready = show(med(size, fmt, 3), ' ms') + (' (%s)' % spread(size, fmt, 3) if spread(size, fmt, 3) else '')
        first = show(med(size, fmt, 3, True), ' ms') + (' (%s)' % spread(size, fmt, 3, True) if spread(size, fmt, 3, True) else '')
        print('| %s | %d | %s | %s | %s | %s | %s | %s | %s |' % (fmt, size, disk, first,
              ready, show(med(size, fmt, 4), ' MB'), show(med(size, fmt, 5), ' ms'), show(med(size, fmt, 6)),
              show(med(size, fmt, 7))))
if 'html' in formats and 'md' in formats:
    print()
    names = ['first start', 'restart', 'heap', 'reload', 'category feed req/s', '/rss.xml req/s']
    cols = [(3, True), (3, False), (4, False), (5, False), (6, False), (7, False)]
    for size in sizes:
        parts, off = [], []
        for name, (col, first) in zip(names, cols):
            h, m = med(size, 'html', col, first), med(size, 'md', col, first)
            if h is None or m is None or h == 0:
                continue
            r = m / h
            parts.append('%s %.2f' % (name, r))
            # time and memory: more is worse; req/s: less is worse
            if (r > 1.10 if col < 6 else r < 0.90):
                off.append(name)
        print('md / html at %d articles: %s; %s' % (size, ', '.join(parts),
              'worse by more than 10%: ' + ', '.join(off) if off else 'within 10%'))
PY
