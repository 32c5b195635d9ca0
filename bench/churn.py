#!/usr/bin/env python3
"""Load while content changes (issue: hardening).

    python3 bench/churn.py --port 18280 --content DIR --seconds 60

Runs against a feedserver already serving DIR with watching on. For --seconds it:
  * drives the server from this process with several client threads (every response is checked:
    status 200/304, and every feed body must parse: XML for RSS/Atom, JSON for JSON Feed);
  * meanwhile edits, adds, renames and deletes articles, including one burst of 400 new files
    written at once;
then checks that every change is visible (added ids served, deleted ids 404, edited titles shown),
and prints requests, failures, malformed bodies, heap-after-GC and open file descriptors at the
start and the end. Exit status 1 when anything failed.
"""
import argparse, json, os, random, shutil, subprocess, threading, time, urllib.request, urllib.error
import xml.dom.minidom

ARTICLE = "---\ntitle: '%s'\ncategories: [Churn, 最新文章]\ndate: %s\n---\n<p>%s</p>\n"


def heap_mb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True).stdout
    for word in out.split():
        if word.endswith("K,") or word.endswith("K"):
            pass
    import re
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) // 1024 if m else -1


def fds(pid):
    return len(os.listdir("/proc/%d/fd" % pid))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--content", required=True)
    ap.add_argument("--seconds", type=int, default=60)
    ap.add_argument("--pid", type=int, required=True)
    ap.add_argument("--threads", type=int, default=8)
    args = ap.parse_args()
    base = "http://127.0.0.1:%d" % args.port
    churn_dir = os.path.join(args.content, "churn")
    os.makedirs(churn_dir, exist_ok=True)
    stop = threading.Event()
    stats = {"requests": 0, "failed": 0, "malformed": 0}
    lock = threading.Lock()
    paths = ["/rss.xml", "/atom.xml", "/feed.json", "/category/Churn/rss.xml", "/category/Churn/atom.xml",
             "/category/Churn/feed.json", "/", "/category/Churn", "/rss.xml?limit=50", "/page/2/atom.xml"]
    problems = []

    def client(seed):
        rng = random.Random(seed)
        while not stop.is_set():
            path = rng.choice(paths)
            try:
                with urllib.request.urlopen(base + path, timeout=10) as r:
                    body = r.read()
                    ok = r.status == 200
                if path.split("?")[0].endswith(".xml"):
                    xml.dom.minidom.parseString(body)
                elif path.split("?")[0].endswith(".json"):
                    json.loads(body)
                with lock:
                    stats["requests"] += 1
            except urllib.error.HTTPError as e:
                with lock:
                    stats["requests"] += 1
                    # a category or page may legitimately not exist for a moment (Churn emptied, page 2 gone)
                    if e.code != 404:
                        stats["failed"] += 1
                        problems.append("%s -> %d" % (path, e.code))
            except Exception as e:  # malformed body or broken connection
                with lock:
                    stats["requests"] += 1
                    stats["malformed"] += 1
                    problems.append("%s -> %r" % (path, e))

    start_heap, start_fds = heap_mb(args.pid), fds(args.pid)
    workers = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.threads)]
    for w in workers:
        w.start()
    rng = random.Random(7)
    live = {}  # id -> title
    deleted = set()
    t_end = time.time() + args.seconds
    n = 0
    burst_done = False
    while time.time() < t_end:
        n += 1
        action = rng.random()
        if not burst_done and time.time() > t_end - args.seconds / 2:
            for i in range(400):  # a burst: 400 files at once
                ident = "burst-%d" % i
                with open(os.path.join(churn_dir, ident + ".md"), "w", encoding="utf-8") as f:
                    f.write(ARTICLE % ("Burst %d" % i, "2030-02-01 00:00:%02d" % (i % 60), i))
                live[ident] = "Burst %d" % i
            burst_done = True
        elif action < 0.4 or not live:
            ident = "c-%d" % n
            tmp = os.path.join(churn_dir, ".%s.md.swp" % ident)
            with open(tmp, "w", encoding="utf-8") as f:  # editor style: temp file, then rename
                f.write(ARTICLE % ("Churn %d" % n, "2030-01-01 00:%02d:%02d" % (n // 60 % 60, n % 60), n))
            os.rename(tmp, os.path.join(churn_dir, ident + ".md"))
            live[ident] = "Churn %d" % n
        elif action < 0.65:
            ident = rng.choice(sorted(live))
            title = live[ident] + " edited"
            with open(os.path.join(churn_dir, ident + ".md"), "w", encoding="utf-8") as f:
                f.write(ARTICLE % (title, "2030-01-01 12:00:00", "edited"))
            live[ident] = title
        elif action < 0.8:
            ident = rng.choice(sorted(live))
            new = ident + "-r"
            os.rename(os.path.join(churn_dir, ident + ".md"), os.path.join(churn_dir, new + ".md"))
            live[new] = live.pop(ident)
            deleted.add(ident)
        else:
            ident = rng.choice(sorted(live))
            os.remove(os.path.join(churn_dir, ident + ".md"))
            live.pop(ident)
            deleted.add(ident)
        deleted -= set(live)
        time.sleep(0.05)
    stop.set()
    for w in workers:
        w.join()
    time.sleep(2)  # let the last change settle
    missing = []
    for ident, title in sorted(live.items()):
        try:
            with urllib.request.urlopen(base + "/entry/" + ident, timeout=10) as r:
                if title.encode() not in r.read():
                    missing.append(ident + " (old title)")
        except urllib.error.HTTPError:
            missing.append(ident)
    ghosts = []
    for ident in sorted(deleted):
        try:
            urllib.request.urlopen(base + "/entry/" + ident, timeout=10)
            ghosts.append(ident)
        except urllib.error.HTTPError as e:
            if e.code != 404:
                ghosts.append("%s (%d)" % (ident, e.code))
    end_heap, end_fds = heap_mb(args.pid), fds(args.pid)
    shutil.rmtree(churn_dir)
    print("| seconds | requests | failed | malformed | changes | not visible after | heap after GC start → end | open fds start → end |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |")
    print("| %d | %d | %d | %d | %d (+400 burst) | %d | %d → %d MB | %d → %d |" % (
        args.seconds, stats["requests"], stats["failed"], stats["malformed"], n, len(missing) + len(ghosts),
        start_heap, end_heap, start_fds, end_fds))
    for p in problems[:10]:
        print("  problem:", p)
    for m in (missing + ghosts)[:10]:
        print("  not visible:", m)
    return 1 if stats["failed"] or stats["malformed"] or missing or ghosts else 0


if __name__ == "__main__":
    raise SystemExit(main())
