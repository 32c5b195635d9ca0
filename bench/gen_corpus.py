#!/usr/bin/env python3
"""Deterministic benchmark corpus in the seed's format (Hexo front matter + scraped HTML body).

    python3 bench/gen_corpus.py --articles 10000 --out /tmp/corpus-10k [--seed 1] [--format html|md|mix]

Same arguments, same bytes. Categories: CJK and ASCII names with Zipf-like sizes (one holds nearly
every article, like the seed's 最新文章; many hold a handful), 1-3 per article, sometimes nested
Hexo-style. Bodies: 2-20 KB of WordPress-style markup with <svg>, <button>, data-* noise, proxied
images with referrerpolicy, CJK and ASCII text. Dates: RFC 1123, ISO 8601 and Hexo's format.
Files are spread over 100 sub-folders, ~10 KB on average (100k articles ~ 1 GB).
Two small categories give the benchmark its feed sizes: 短讯 (one short article: a ~5 KB feed) and
周报 (a few articles: a ~60 KB feed).

--format html (the default) writes the seed's shape, `.txt` files. --format md writes every article
as a Hexo Markdown post instead (`.md`: `---` front matter with a `+0800` date, flow-style
`categories: [..]`, `tags: [..]` and a `cover:` image; a body of headings, paragraphs with inline
code, links and emphasis, images, lists, tables, fenced code blocks, `{% codeblock %}` and
`{% note %}` tag plugins, a `<!-- more -->` marker), about as many bytes as the HTML body it
replaces. --format mix writes even-numbered articles as HTML and odd-numbered ones as Markdown (so
each of the 100 folders holds one format). Whatever the format, every article keeps its file stem
(its id), title, categories, author, date (the same instant) and head image, so the three corpora
have the same feeds with the same entries; Markdown posts add 1-3 tags, the one difference in
the taxonomy. The HTML articles are byte for byte what an html run writes.
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


# ---- Markdown (Hexo) posts: --format md / mix ----
MD_TAGS = ["Java", "基础", "入门", "JVM", "并发", "Spring", "性能", "Python", "前端", "JavaScript", "Linux",
           "数据库", "产品思维", "增长", "用户体验", "面试", "读书笔记", "Docker", "Kubernetes", "算法"]
MD_CODE = {
    'java': ['public class Demo {',
             '    private final Map<String, List<Integer>> index = new HashMap<>();',
             '',
             '    public static void main(String[] args) throws Exception {',
             '        List<String> names = List.of("Ada", "小明", "editor");',
             '        names.stream().filter(n -> n.length() < 4 && !n.isEmpty()).forEach(System.out::println);',
             '        System.out.println("<p>" + names.size() + " &amp; done</p>");',
             '    }',
             '}'],
    'js': ['const feeds = await fetch("/feeds.json").then((r) => r.json());',
           'for (const f of feeds.filter((x) => x.entries > 0 && x.url.includes("category"))) {',
           '  console.log(`${f.title} <${f.url}>`);',
           '}'],
    'python': ['def fib(n: int) -> list[int]:',
               '    """前 n 个斐波那契数"""',
               '    a, b, out = 0, 1, []',
               '    while len(out) < n:',
               '        out.append(a)',
               '        a, b = b, a + b',
               '    return out'],
    'bash': ['$ java -Xmx512m -jar target/feedserver.jar > server.log 2>&1 &',
             '$ curl -sI http://127.0.0.1:8080/rss.xml | grep -i etag',
             '$ hexo new post "Java 基础" && hexo g -d'],
    'yaml': ['title: 我的博客',
             'url: https://example.com',
             'permalink: :year/:month/:day/:title/',
             'new_post_name: :title.md'],
}
MD_PHRASES = ['视频号', '购物车功能', '电商业务', '微信小店', 'feed readers', 'cheap to revalidate', 'ETag', '304']
MD_TABLE = ['| 名称 | Type | 默认值 | 说明 |', '| --- | :---: | ---: | --- |',
            '| `feedSize` | int | 20 | 每个 feed 的条目数 |', '| `timeZone` | zone | UTC | dates without an offset |',
            '| `baseUrl` | URL | – | 站点地址，用于绝对链接 |', '| `strict` | bool | false | 有问题时拒绝启动 |']


def md_image(rng, n):
    return ('![图%d：%s](https://cors.example.workers.dev/?http://image.example.com/wp-files/%d/%02d/img%d.jpg)'
            % (n, CJK_TEXT[rng.randint(0, 40):][:rng.randint(4, 12)], 2015 + n % 10, 1 + n % 12, rng.randint(1, 10**6)))


def md_text(rng, n):
    """A paragraph's text: CJK or ASCII sentences with inline code, emphasis or a link now and then."""
    text = (CJK_TEXT if rng.random() < 0.7 else ASCII_TEXT) * rng.randint(1, 3)
    # something goes in after a clause: after a CJK comma or full stop, or between two ASCII words
    cuts = [k + 1 for k, ch in enumerate(text[:-1]) if ch in '，。 ']
    cut = rng.choice(cuts)
    extra = rng.random()
    if extra < 0.3:
        insert = '用 `List<String> names = new ArrayList<>();` 声明，'
    elif extra < 0.5:
        insert = '**%s**，' % rng.choice(MD_PHRASES)
    elif extra < 0.7:
        insert = '参见 [Hexo 文档](https://hexo.io/zh-cn/docs/front-matter#p%d)，' % n
    elif extra < 0.8:
        insert = '*%s*，' % rng.choice(MD_PHRASES)
    else:
        insert = ''
    if text[cut - 1] == ' ':  # ASCII: its own punctuation and spacing
        insert = insert.replace('用 ', 'use ').replace(' 声明，', ' ').replace('参见 ', 'see ')
        insert = insert[:-1] + ' ' if insert.endswith('，') else insert
    return text[:cut] + insert + text[cut:]


def md_body(rng, size):
    """A Hexo Markdown body of about `size` UTF-8 bytes."""
    parts = ['> 编辑导读：' + CJK_TEXT[: rng.randint(20, 80)] + '\n\n',
             md_text(rng, 0) + '\n\n', '<!-- more -->\n\n']
    total = sum(len(p.encode()) for p in parts)
    n = 0
    while total < size:
        n += 1
        kind = rng.random()
        if kind < 0.42:
            part = md_text(rng, n) + '\n\n'
        elif kind < 0.52:
            part = md_image(rng, n) + '\n\n'
        elif kind < 0.60:
            part = '%s %s、%s\n\n' % ('##' if rng.random() < 0.7 else '###', n, CJK_TEXT[rng.randint(0, 30):][:16])
        elif kind < 0.68:
            lang = rng.choice(sorted(MD_CODE))
            part = '```%s\n%s\n```\n\n' % (lang, '\n'.join(MD_CODE[lang][: rng.randint(3, len(MD_CODE[lang]))]))
        elif kind < 0.74:
            ordered = rng.random() < 0.4
            items = [(CJK_TEXT if rng.random() < 0.5 else ASCII_TEXT)[:rng.randint(15, 45)].strip()
                     for _ in range(rng.randint(2, 6))]
            part = ''.join('%s %s\n' % ('%d.' % (k + 1) if ordered else '-', t) for k, t in enumerate(items)) + '\n'
        elif kind < 0.79:
            part = '\n'.join(MD_TABLE[: rng.randint(3, len(MD_TABLE))]) + '\n\n'
        elif kind < 0.84:
            lang = rng.choice(['js', 'python'])
            part = '{%% codeblock %s.%s lang:%s %%}\n%s\n{%% endcodeblock %%}\n\n' % (
                'demo%d' % n, 'js' if lang == 'js' else 'py', lang, '\n'.join(MD_CODE[lang]))
        elif kind < 0.89:
            part = '{%% note %s %%}\n%s\n{%% endnote %%}\n\n' % (
                rng.choice(['info', 'warning', 'success']), md_text(rng, n))
        elif kind < 0.94:
            part = '> ' + CJK_TEXT[: rng.randint(20, 100)] + '\n>\n> —— ' + rng.choice(['Ada', '小明']) + '\n\n'
        else:
            part = ('参考：[原文链接](https://www.example.com/p/%d)，相关阅读 `%s`、<https://example.org/feed/%d>\n\n'
                    % (rng.randint(1, 10**6), rng.choice(['hexo g', 'npm i', 'mvn package']), n))
        parts.append(part)
        total += len(part.encode())
    parts.append('---\n\n*给作者打赏，鼓励TA抓紧创作！*\n')
    return ''.join(parts)


def md_post(rng, title, cats, nested, image, author, when, size):
    """A Hexo post: its front matter (the same metadata as the HTML article) and a Markdown body."""
    if nested:
        cat_yaml = 'categories:\n  - %s\n  - [%s]\n' % (cats[0], ', '.join(cats[1:]))
    else:
        cat_yaml = 'categories: [%s]\n' % ', '.join(cats)
    tags = rng.sample(MD_TAGS, rng.randint(1, 3))
    date = when.astimezone(timezone(timedelta(hours=8))).strftime('%Y-%m-%d %H:%M:%S +0800')
    return ("---\ntitle: '%s'\ndate: %s\n%stags: [%s]\nauthor: %s\ncover: '%s'\ncomments: false\n---\n\n%s"
            % (title, date, cat_yaml, ', '.join(tags), author, image, md_body(rng, size)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--articles', type=int, required=True)
    ap.add_argument('--out', required=True)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--format', choices=['html', 'md', 'mix'], default='html',
                    help='html: .txt files in the seed\'s shape (default); md: Hexo Markdown posts (.md); '
                         'mix: even-numbered articles html, odd-numbered ones md')
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
        nested = rng.random() < 0.1 and len(cats) > 1
        if nested:
            cat_yaml = 'categories:\n - %s\n - [%s]\n' % (cats[0], ', '.join("'%s'" % c for c in cats[1:]))
        else:
            cat_yaml = 'categories: \n' + ''.join(' - %s\n' % c for c in cats)
        size = 1200 if short else int(min(20000, max(2000, rng.lognormvariate(9.0, 0.5))))
        # The shared generator draws the same values in the same order whatever the format (the HTML
        # body is drawn and dropped for a Markdown post), so every format gets the same metadata and
        # file stems, and html output is what it was before --format existed.
        title = '%s %d' % (CJK_TEXT[rng.randint(0, 40):][:rng.randint(8, 30)], i)
        image = 'https://cors.example.workers.dev/?http://image.example.com/h/%d.jpg' % i
        author = rng.choice(['人人都是产品经理', 'Ada', '小明', 'editor'])
        date = date_text(rng, when)
        html = body(rng, size)
        stem = '%06d_%08x' % (i, rng.getrandbits(32))
        if args.format == 'md' or (args.format == 'mix' and i % 2 == 1):
            # its own generator, seeded per article: deterministic, and independent of the shared one
            text = md_post(random.Random(args.seed * 1000003 + i), title, cats, nested, image, author, when, size)
            name = stem + '.md'
        else:
            text = ('\n---\ntitle: \'%s\'\n%sheadimg: \'%s\'\nauthor: %s\ncomments: false\ndate: %s\n---\n\n%s'
                    % (title, cat_yaml, image, author, date, html))
            name = stem + '.txt'
        folder = os.path.join(args.out, '%02d' % (i % 100))
        os.makedirs(folder, exist_ok=True)
        with open(os.path.join(folder, name), 'w', encoding='utf-8') as f:
            f.write(text)


if __name__ == '__main__':
    main()
