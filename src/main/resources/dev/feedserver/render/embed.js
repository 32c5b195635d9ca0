/*
 * feedserver embed.js: shows a category's latest entries inside your page.
 *
 *   <div data-feedserver-embed="https://feeds.example/category/NAME/feed.json" data-limit="5"></div>
 *   <script src="https://feeds.example/embed.js" async></script>
 *
 * Reads the category's JSON Feed (served with CORS) and builds plain DOM nodes: titles and dates
 * are set as text, never parsed as HTML; links and images must be http(s). No dependencies, no
 * globals. Style it through the classes feedserver-embed, feedserver-embed__item,
 * feedserver-embed__image and feedserver-embed__date.
 */
(function () {
  'use strict';

  var ATTR = 'data-feedserver-embed';
  var STATE = 'data-feedserver-state';
  var DEFAULT_LIMIT = 5;
  var MAX_LIMIT = 100;

  function httpUrl(value, base) {
    if (typeof value !== 'string' || value === '') {
      return null;
    }
    try {
      var url = new URL(value, base);
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    node.className = className;
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  function item(entry, feedUrl) {
    var li = element('li', 'feedserver-embed__item');
    var image = httpUrl(entry.image, feedUrl);
    if (image) {
      var img = element('img', 'feedserver-embed__image');
      img.alt = '';
      img.loading = 'lazy';
      img.referrerPolicy = 'no-referrer';
      img.width = 56;
      img.height = 56;
      img.src = image;
      li.appendChild(img);
    }
    var title = typeof entry.title === 'string' ? entry.title : '';
    var href = httpUrl(entry.url, feedUrl);
    var link = element(href ? 'a' : 'span', 'feedserver-embed__title', title);
    if (href) {
      link.href = href;
      link.target = '_blank';
      link.rel = 'noopener noreferrer';
    }
    li.appendChild(link);
    if (typeof entry.date_published === 'string') {
      var time = element('time', 'feedserver-embed__date', entry.date_published.slice(0, 10));
      time.dateTime = entry.date_published;
      li.appendChild(time);
    }
    return li;
  }

  function show(host, nodes) {
    while (host.firstChild) {
      host.removeChild(host.firstChild);
    }
    host.appendChild(nodes);
  }

  function load(host) {
    host.setAttribute(STATE, 'loading');
    var feedUrl = httpUrl(host.getAttribute(ATTR), document.baseURI);
    var limit = parseInt(host.getAttribute('data-limit'), 10);
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      limit = DEFAULT_LIMIT;
    }
    if (!feedUrl || typeof fetch !== 'function') {
      host.setAttribute(STATE, 'error');
      return;
    }
    fetch(feedUrl, { mode: 'cors', credentials: 'omit', headers: { Accept: 'application/feed+json' } })
      .then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (feed) {
        var list = element('ul', 'feedserver-embed');
        var entries = feed && Array.isArray(feed.items) ? feed.items.slice(0, limit) : [];
        for (var i = 0; i < entries.length; i++) {
          if (entries[i] && typeof entries[i] === 'object') {
            list.appendChild(item(entries[i], feedUrl));
          }
        }
        show(host, list);
        host.setAttribute(STATE, 'done');
      })
      .catch(function () {
        host.setAttribute(STATE, 'error');
      });
  }

  function start() {
    var hosts = document.querySelectorAll('[' + ATTR + ']');
    for (var i = 0; i < hosts.length; i++) {
      if (!hosts[i].hasAttribute(STATE)) {
        load(hosts[i]);
      }
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
