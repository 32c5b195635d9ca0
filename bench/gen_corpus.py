#!/usr/bin/env python3
"""Deterministic benchmark corpus in the seed's format (Hexo front matter + scraped HTML body).

    python3 bench/gen_corpus.py --articles 10000 --out /tmp/corpus-10k [--seed 1]

Same arguments, same bytes. Categories: CJK and ASCII names with Zipf-like sizes (one holds nearly
every article, like the seed's 最新文章; many hold a handful), 1-3 per article, sometimes nested
Hexo-style. Bodies: 2-20 KB of WordPress-style markup with <svg>, <button>, data-* noise, proxied
images with referrerpolicy, CJK and ASCII text. Dates: RFC 1123, ISO 8601 and Hexo's format.
Files are spread over 100 sub-folders, ~10 KB on average (100k articles ~ 1 GB).
Two small categories give the benchmark its feed sizes: 短讯 (one short article: a ~5 KB feed) and
周报 (a few articles: a ~60 KB feed).
"""
import argparse
import os
import random
from datetime import datetime, timedelta, timezone

CJK_CATEGORIES = ["新媒体", "人人都是产品经理", "产品设计", "运营", "电商", "短视频", "人工智能",
                  "互联网", "创业", "数据分析", "用户研究", "营销", "职场", "科技", "教育", "游戏"]
ASCII_CATEGORIES = ["Java", "C++", "C#", "UI/UX", "Go", "Rust", "Design", "Startups", "AI", "Cloud",
                    "Security", "Open Source", "DevOps", "Mobile", "Web", "Data"]
CJK_TEXT = ("微信一直承载着腾讯的电商野望。据自媒体百准报道，除了直播，微信视频号目前正在灰度测试短视频购物车功能，"
            "这被视为微信加码电商业务的一大跨步。早在2014年，腾讯就在微信公众号上线了微信小店插件，作为微信电商板块中至关重要的一环。")
ASCII_TEXT = ("Feed readers poll every feed every few minutes, forever; aggregators and caches sit between "
              "the server and them, so every response should be cheap to send and cheap to revalidate. ")


def body(rng, size):
    parts = ['<div>\n<blockquote><p>编辑导读：' + CJK_TEXT[: rng.randint(20, 80)] + '</p></blockquote>\n']
    n = 0
    while sum(len(p.encode()) for p in parts) < size:
        n += 1
        kind = rng.random()
        if kind < 0.55:
            text = CJK_TEXT if rng.random() < 0.7 else ASCII_TEXT
            parts.append('<p data-pid="%d" class="p-%d">%s</p>\n' % (n, n % 7, text * rng.randint(1, 3)))
        elif kind < 0.7:
            parts.append('<p><img data-action="zoom" class="size-full wp-image-%d aligncenter" '
                         'src="https://cors.example.workers.dev/?http://image.example.com/wp-files/%d/%02d/img%d.jpg" '
                         'alt width="900" height="420" referrerpolicy="no-referrer"></p>\n'
                         % (rng.randint(1, 9999999), 2015 + n % 10, 1 + n % 12, rng.randint(1, 10**6)))
        elif kind < 0.8:
            parts.append('<h2 id="toc-%d">%d、%s</h2>\n' % (n, n, CJK_TEXT[:24]))
        elif kind < 0.88:
            parts.append('<svg viewBox="0 0 24 24" class="icon"><path d="M12 2L2 7l10 5 10-5-10-5z"/></svg>'
                         '<button data-action="like" onclick="like(%d)">赞 %d</button>\n' % (n, n))
        else:
            parts.append('<ul>' + ''.join('<li>%s</li>' % ASCII_TEXT[:40] for _ in range(rng.randint(2, 5))) + '</ul>\n')
    parts.append('<div><div>给作者打赏，鼓励TA抓紧创作！</div></div>\n</div>\n')
    return ''.join(parts)


def date_text(rng, when):
    shape = rng.random()
    if shape < 0.4:
        return when.strftime('%a, %d %b %Y %H:%M:%S GMT')
    if shape < 0.7:
        return when.strftime('%Y-%m-%d %H:%M:%S')
    return when.strftime('%Y-%m-%dT%H:%M:%S+00:00')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--articles', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    names = [c for pair in zip(CJK_CATEGORIES, ASCII_CATEGORIES) for c in pair]
    weights = [1.0 / (i + 1) ** 1.1 for i in range(len(names))]
    start = datetime(2015, 1, 1, tzinfo=timezone.utc)
    os.makedirs(args.out, exist_ok=True)
    for i in range(args.articles):
        cats = ['最新文章'] if rng.random() < 0.95 else []
        short = i == args.articles - 1
        if short:
            cats = ['短讯']
        elif i % max(1, args.articles // 6) == 7:
            cats.append('周报')
        for c in rng.choices(names, weights, k=rng.randint(1, 2)):
            if c not in cats:
                cats.append(c)
        when = start + timedelta(seconds=int(i * (11 * 365 * 86400 / max(args.articles, 1))) + rng.randint(0, 3600))
        if rng.random() < 0.1 and len(cats) > 1:
            cat_yaml = 'categories:\n - %s\n - [%s]\n' % (cats[0], ', '.join("'%s'" % c for c in cats[1:]))
        else:
            cat_yaml = 'categories: \n' + ''.join(' - %s\n' % c for c in cats)
        size = 1200 if short else int(min(20000, max(2000, rng.lognormvariate(9.0, 0.5))))
        text = ('\n---\ntitle: \'%s %d\'\n%sheadimg: \'https://cors.example.workers.dev/?http://image.example.com/h/%d.jpg\'\n'
                'author: %s\ncomments: false\ndate: %s\n---\n\n%s') % (
            CJK_TEXT[rng.randint(0, 40):][:rng.randint(8, 30)], i, cat_yaml, i,
            rng.choice(['人人都是产品经理', 'Ada', '小明', 'editor']), date_text(rng, when), body(rng, size))
        folder = os.path.join(args.out, '%02d' % (i % 100))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, '%06d_%08x.txt' % (i, rng.getrandbits(32))), 'w', encoding='utf-8') as f:
            f.write(text)


if __name__ == '__main__':
    main()
