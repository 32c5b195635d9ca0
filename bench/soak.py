#!/usr/bin/env python3
"""A soak: readers polling, content churning, full reloads, for as long as asked (issue 13, part 5).

    python3 bench/soak.py --port 18380 --content DIR --pid PID --minutes 30

Runs against a feedserver already serving DIR with watching on. For --minutes it:
  * polls like feed readers: --readers threads, each keeping the ETag and Last-Modified of every
    URL it fetched and sending them back (If-None-Match, If-Modified-Since), a short random pause
    between requests; every answer must be 200 or 304, every 200 feed body must parse (XML for RSS
    and Atom, JSON for JSON Feed) and every 304 must carry the ETag that was sent;
  * churns the content: every second an article is added, edited or deleted the way editors do it
    (temporary file, then rename);
  * every --reload-minutes, touches every file so that the server reads all of them again (a full
    reload, as after a checkout);
and prints, every minute: requests, 304 share, failures, p50/p99 latency of that minute, heap after
a full GC, open file descriptors and threads of the server. At the end it compares the last
third of the run with the middle third (caches fill while the run is young) and says whether heap,
descriptors, threads and p99 stayed flat.
Exit status 1 when any request failed or anything grew.
"""
import argparse, json, os, random, re, statistics, subprocess, threading, time, urllib.request, urllib.error
import xml.dom.minidom

from churn import fds, heap_mb  # the same readings as the churn run

ARTICLE = "---\ntitle: '%s'\ncategories: [Soak, 最新文章]\ndate: %s\n---\n<p>%s</p>\n"
PATHS = ["/rss.xml", "/atom.xml", "/feed.json", "/category/Soak/rss.xml", "/category/Soak/atom.xml",
         "/category/Soak/feed.json", "/", "/category/Soak", "/opml.xml", "/feeds.json", "/rss.xml?limit=50",
         "/page/2/atom.xml"]


def threads(pid):
    return len(os.listdir("/proc/%d/task" % pid))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--minutes", type=int, default=30)
    ap.add_argument("--readers", type=int, default=32)
    ap.add_argument("--reload-minutes", type=int, default=5)
    args = ap.parse_args()
    base = "http://127.0.0.1:%d" % args.port
    soak_dir = os.path.join(args.content, "soak")
    os.makedirs(soak_dir, exist_ok=True)
    stop = threading.Event()
    lock = threading.Lock()
    minute = {"requests": 0, "not_modified": 0, "failed": 0, "latencies": []}
    problems = []

    def record(ms, status_ok, not_modified):
        with lock:
            minute["requests"] += 1
            minute["latencies"].append(ms)
            if not_modified:
                minute["not_modified"] += 1
            if not status_ok:
                minute["failed"] += 1

    def reader(seed):
        rng = random.Random(seed)
        validators = {}
        while not stop.is_set():
            path = rng.choice(PATHS)
            request = urllib.request.Request(base + path, headers={"Accept-Encoding": "identity"})
            sent = validators.get(path)
            if sent:
                request.add_header("If-None-Match", sent[0])
                request.add_header("If-Modified-Since", sent[1])
            t0 = time.monotonic()
            try:
                with urllib.request.urlopen(request, timeout=10) as r:
                    body = r.read()
                    ok = r.status == 200
                    validators[path] = (r.headers.get("ETag"), r.headers.get("Last-Modified"))
                    if ok and ("rss" in path or "atom" in path or path.endswith("opml.xml")):
                        xml.dom.minidom.parseString(body)
                    elif ok and path.endswith(".json"):
                        json.loads(body)
                    record((time.monotonic() - t0) * 1000, ok, False)
            except urllib.error.HTTPError as e:
                ok = e.code == 304 and sent is not None and e.headers.get("ETag") == sent[0]
                record((time.monotonic() - t0) * 1000, ok, e.code == 304)
                if not ok:
                    with lock:
                        problems.append("%s: %s" % (path, e.code))
            except Exception as e:  # a malformed body, a refused connection, a timeout
                record((time.monotonic() - t0) * 1000, False, False)
                with lock:
                    problems.append("%s: %r" % (path, e))
            time.sleep(rng.uniform(0.0, 0.05))

    def churn():
        rng = random.Random(7)
        n = 0
        while not stop.is_set():
            n += 1
            name = os.path.join(soak_dir, "s%03d.md" % (n % 200))
            if os.path.exists(name) and rng.random() < 0.3:
                os.remove(name)
            else:
                tmp = name + ".tmp~"
                with open(tmp, "w", encoding="utf-8") as f:
                    f.write(ARTICLE % ("Soak %d" % n, "2030-01-01 00:%02d:%02d" % (n // 60 % 60, n % 60), "body %d" % n))
                os.replace(tmp, name)
            stop.wait(1.0)

    def full_reloads():
        while not stop.wait(args.reload_minutes * 60):
            now = time.time()
            for root, _, files in os.walk(args.content):
                for f in files:
                    try:
                        os.utime(os.path.join(root, f), (now, now))
                    except FileNotFoundError:
                        pass

    workers = [threading.Thread(target=reader, args=(i,), daemon=True) for i in range(args.readers)]
    workers += [threading.Thread(target=churn, daemon=True), threading.Thread(target=full_reloads, daemon=True)]
    for w in workers:
        w.start()
    rows = []
    print("| minute | requests | 304 share | failed | p50 / p99 ms | heap after GC | open fds | threads |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |", flush=True)
    for m in range(1, args.minutes + 1):
        time.sleep(60)
        with lock:
            snapshot = dict(minute)
            minute.update({"requests": 0, "not_modified": 0, "failed": 0, "latencies": []})
        lat = sorted(snapshot["latencies"]) or [0.0]
        p50 = statistics.median(lat)
        p99 = lat[min(len(lat) - 1, int(len(lat) * 0.99))]
        row = (m, snapshot["requests"], snapshot["not_modified"] / max(1, snapshot["requests"]), snapshot["failed"],
               p50, p99, heap_mb(args.pid), fds(args.pid), threads(args.pid))
        rows.append(row)
        print("| %d | %d | %.0f%% | %d | %.1f / %.1f | %d MB | %d | %d |" % (
            row[0], row[1], 100 * row[2], row[3], row[4], row[5], row[6], row[7], row[8]), flush=True)
    stop.set()
    failed = sum(r[3] for r in rows)
    # caches fill while the run is young (bounded by size and by 10 minutes without a request):
    # flat means the last third grows no further than the middle third
    third = max(1, len(rows) // 3)
    first, last = rows[third:2 * third] or rows[:1], rows[2 * third:] or rows[-1:]
    def grew(i, slack):
        return max(r[i] for r in last) > max(r[i] for r in first) + slack
    verdicts = {
        "heap after GC": not grew(6, 16),
        "open fds": not grew(7, 8),
        "threads": not grew(8, 4),
        "p99": max(r[5] for r in last) <= 2 * max(r[5] for r in first) + 5,
    }
    print()
    print("failed requests: %d%s" % (failed, (" (first: %s)" % problems[:3]) if problems else ""))
    print("flat at the end (the last third of the run against the middle third): " +
          ", ".join("%s %s" % (k, "yes" if v else "NO") for k, v in verdicts.items()))
    return 0 if failed == 0 and all(verdicts.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
