#!/usr/bin/env python3
"""Reads one feed document with feedparser and prints what it understood as JSON.

Usage: feedparser_check.py FILE      (FILE may be "-" for standard input)
       feedparser_check.py --info    (feedparser's version and whether it reads JSON Feed)

Used by IndependentParsersTest: the Java side makes the assertions, so this script exits 0
whenever it could run feedparser at all, bozo or not. Exit 2: usage or missing module.
"""
import json
import sys
import time

try:
    import feedparser
except ImportError as e:  # the Java side turns this into an install hint
    print("feedparser_check: cannot import feedparser (%s); "
          "install it with: apt-get install python3-feedparser" % e, file=sys.stderr)
    sys.exit(2)


def reads_json_feed():
    """feedparser reads JSON Feed from 6.1 on (feedparser/parsers/json.py); 6.0.x does not."""
    try:
        import feedparser.parsers.json  # noqa: F401
        return True
    except ImportError:
        return False


def utc(parsed):
    """feedparser's *_parsed values are time.struct_time in UTC."""
    if not parsed:
        return None
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", parsed)


def text(value):
    return None if value is None else str(value)


def links(node):
    return [{"rel": text(l.get("rel")), "href": text(l.get("href")), "type": text(l.get("type"))}
            for l in node.get("links", [])]


def main(argv):
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    if argv[1] == "--info":
        print(json.dumps({"feedparser": feedparser.__version__, "json_feed": reads_json_feed()}))
        return 0
    if argv[1] == "-":
        data = sys.stdin.buffer.read()
    else:
        with open(argv[1], "rb") as f:
            data = f.read()
    d = feedparser.parse(data)
    exc = d.get("bozo_exception")
    out = {
        "feedparser": feedparser.__version__,
        "bozo": 1 if d.get("bozo") else 0,
        "bozo_exception": None if exc is None else "%s: %s" % (type(exc).__name__, exc),
        "version": d.get("version") or "",
        "encoding": d.get("encoding"),
        "feed": {
            "title": text(d.feed.get("title")),
            "link": text(d.feed.get("link")),
            "links": links(d.feed),
        },
        "entries": [
            {
                "title": text(e.get("title")),
                "link": text(e.get("link")),
                "id": text(e.get("id")),
                "published": utc(e.get("published_parsed")),
                "updated": utc(e.get("updated_parsed")),
            }
            for e in d.entries
        ],
    }
    json.dump(out, sys.stdout, indent=1)  # ASCII: no dependence on the locale
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
