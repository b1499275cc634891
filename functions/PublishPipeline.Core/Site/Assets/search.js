// 会議録 search on a static host (docs/site.md, "Search design"). search/meta.json lists the
// minutes (stable keys, newest first) and the shard trees; every character pair of a query term
// is looked up in one shard per tier, whose postings carry document keys and unit ids, so AND,
// OR, NOT and the filters are answered from the index; a result's text comes from one small
// fragment file. On a minutes page opened from a result (?hl=…) the words are marked.
// No framework; DOM built with textContent only.
(function () {
  'use strict';
  if (!window.fetch || !window.Map || !Array.from || !window.URLSearchParams) { return; }
  var PAGE = 10, HITS_PER_MINUTES = 5, SLOT_BITS = 5, UNDATED = 1048576, PER_DAY = 1024;
  var EPOCH = Date.UTC(1868, 0, 1), DAY = 864e5;
  var B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

  // Same folding as SearchText.Fold: full-width ASCII and half-width kana folded, ASCII lower
  // case, no white space. With a map, records where each folded unit came from in the original.
  var KANA = '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
  var VOICE1 = 'カキクケコサシスセソタチツテトハヒフヘホ', VOICE2 = 'ハヒフヘホ';
  function fold(s, map) {
    var out = '', i = 0;
    while (i < s.length) {
      var c = s.codePointAt(i), start = i, piece;
      i += c > 0xFFFF ? 2 : 1;
      if (/\s/.test(String.fromCodePoint(c))) { continue; }
      if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; }
      if (c >= 65 && c <= 90) { c += 32; }
      if (c >= 0xFF61 && c <= 0xFF9D) {
        piece = KANA[c - 0xFF61];
      } else if ((c === 0xFF9E || c === 0xFF9F) && out.length) {
        var last = out[out.length - 1], v = '';
        if (c === 0xFF9E && last === 'ウ') { v = 'ヴ'; }
        else if (c === 0xFF9E && VOICE1.indexOf(last) >= 0) { v = String.fromCharCode(last.charCodeAt(0) + 1); }
        else if (c === 0xFF9F && VOICE2.indexOf(last) >= 0) { v = String.fromCharCode(last.charCodeAt(0) + 2); }
        if (v) { out = out.slice(0, -1) + v; if (map) { map.to[map.to.length - 1] = i; } continue; }
        piece = c === 0xFF9E ? '゛' : '゜';
      } else {
        piece = String.fromCodePoint(c);
      }
      out += piece;
      if (map) { for (var k = 0; k < piece.length; k++) { map.from.push(start); map.to.push(i); } }
    }
    return out;
  }
  function chars(s) { return Array.from(s); }
  function bigrams(term) {
    var c = chars(term), out = [];
    for (var i = 0; i + 1 < c.length; i++) { if (out.indexOf(c[i] + c[i + 1]) < 0) { out.push(c[i] + c[i + 1]); } }
    return out;
  }
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }

  // Base64url VLQ (PostingCodec): 5 bits a character, least significant first, bit 5 = more.
  function Reader(s) { this.s = s; this.i = 0; }
  Reader.prototype.raw = function () { return B64.indexOf(this.s.charAt(this.i++)); };
  Reader.prototype.vlq = function () {
    var v = 0, mul = 1, d;
    do { d = this.raw(); v += (d & 31) * mul; mul *= 32; } while (d & 32);
    return v;
  };
  // A posting list → Map(document key → ascending unit ids).
  function decode(s, into) {
    var r = new Reader(s), key = 0, first = true;
    while (r.i < s.length) {
      var delta = r.vlq(), h = r.vlq(), ids = [], k, id;
      key = first ? delta : key - delta;
      first = false;
      if (h & 1) {
        for (k = 0; k < (h - 1) / 2; k++) {
          var bits = r.raw();
          for (var b = 0; b < 6; b++) { if (bits & (1 << b)) { ids.push(6 * k + b); } }
        }
      } else {
        ids.push(id = r.vlq());
        for (k = 1; k < h / 2; k++) { ids.push(id += r.vlq() + 1); }
      }
      into.set(key, ids);
    }
    return into;
  }

  // Sets of units: Map(key → ascending ids).
  function both(a, b) {
    var out = new Map(), small = a.size <= b.size ? a : b, other = small === a ? b : a;
    small.forEach(function (x, key) {
      var y = other.get(key);
      if (!y) { return; }
      var ids = [], i = 0, j = 0;
      while (i < x.length && j < y.length) {
        if (x[i] === y[j]) { ids.push(x[i]); i++; j++; } else if (x[i] < y[j]) { i++; } else { j++; }
      }
      if (ids.length) { out.set(key, ids); }
    });
    return out;
  }
  function either(a, b) {
    var out = new Map(a);
    b.forEach(function (y, key) {
      var x = out.get(key);
      out.set(key, x ? Array.from(new Set(x.concat(y))).sort(function (p, q) { return p - q; }) : y);
    });
    return out;
  }
  function without(a, b) {
    var out = new Map();
    a.forEach(function (x, key) {
      var y = b.get(key);
      var ids = y ? x.filter(function (id) { return y.indexOf(id) < 0; }) : x;
      if (ids.length) { out.set(key, ids); }
    });
    return out;
  }

  // ── the index ──
  var meta = null, shards = new Map(), postingCache = new Map(), fragments = new Map();
  // After the index is rebuilt, a manifest cached from before may name shards already replaced:
  // on a missing file the search starts once more from a fresh manifest.
  function forget() { meta = null; shards = new Map(); postingCache = new Map(); fragments = new Map(); }
  function loadMeta(url, fresh) {
    if (meta) { return Promise.resolve(meta); }
    return fetch(url, { credentials: 'same-origin', cache: fresh ? 'no-cache' : 'default' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    }).then(function (m) {
      var r = new Reader(m.keys), key = 0;
      m.docKeys = [];
      m.index = new Map();
      for (var i = 0; i < m.count; i++) { key = i === 0 ? r.vlq() : key - r.vlq(); m.docKeys.push(key); m.index.set(key, i); }
      var rb = new Reader(m.body);
      m.docBody = [];
      for (i = 0; i < m.count; i++) { m.docBody.push(rb.vlq()); }
      m.tiers.forEach(function (t) {
        var at = 0, n = 0;
        t.leaves = {};
        (function walk(d, v) {
          if (t.tree.charAt(at++) === '1') { walk(d + 1, v); walk(d + 1, v + Math.pow(2, d)); } else { t.leaves[d + ':' + v] = t.files.substr(12 * n++, 12); }
        })(0, 0);
      });
      meta = m;
      return m;
    });
  }
  function shardUrl(tier, h) {
    for (var d = 0; d <= 24; d++) {
      var v = d === 0 ? 0 : (h & ((1 << d) - 1)) >>> 0, file = tier.leaves[d + ':' + v];
      if (file) { return meta.base + 'search/s' + tier.id + d + '-' + v.toString(16) + '.' + file + '.json'; }
    }
    return null;
  }
  // The units where an index key (a character pair or role:…) occurs, over every tier.
  function posting(key) {
    if (!postingCache.has(key)) {
      var h = hash(key);
      postingCache.set(key, Promise.all(meta.tiers.map(function (tier) {
        var url = shardUrl(tier, h);
        if (!shards.has(url)) { shards.set(url, getJson(url)); }
        return shards.get(url);
      })).then(function (loaded) {
        var map = new Map();
        loaded.forEach(function (shard) { if (Object.prototype.hasOwnProperty.call(shard, key)) { decode(shard[key], map); } });
        return map;
      }));
    }
    return postingCache.get(key);
  }
  function termUnits(term) {
    return Promise.all(bigrams(term.folded).map(posting)).then(function (lists) {
      lists.sort(function (a, b) { return a.size - b.size; });
      return lists.reduce(both);
    });
  }
  function fragmentUrl(key, chunk) {
    var i = meta.index.get(key), folder = 'undated';
    if (key >= UNDATED) {
      var d = new Date(EPOCH + Math.floor((key - UNDATED) / PER_DAY) * DAY);
      folder = d.toISOString().slice(0, 10).replace(/-/g, '');
    }
    return meta.base + 'search/f/' + folder + '/' + meta.frag.substr(8 * i, 8) + '-' + chunk + '.json';
  }
  function fragment(key, chunk) {
    var url = fragmentUrl(key, chunk);
    if (!fragments.has(url)) { fragments.set(url, getJson(url)); }
    return fragments.get(url);
  }
  function dayOf(iso) {
    var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso || '');
    return m ? Math.max(0, Math.floor((Date.UTC(+m[1], +m[2] - 1, +m[3]) - EPOCH) / DAY)) : null;
  }

  // ── queries: space = AND, OR between words, -word = NOT, "…" keeps spaces inside one word ──
  function parse(text) {
    var tokens = [], re = /(-|－)?(?:"([^"]*)"|“([^”]*)”|(\S+))/g, m;
    while ((m = re.exec(text))) {
      var raw = m[2] !== undefined ? m[2] : m[3] !== undefined ? m[3] : m[4], neg = !!m[1];
      if (!neg && m[4] !== undefined && /^(OR|ＯＲ|\||｜)$/i.test(raw)) { tokens.push('OR'); continue; }
      tokens.push({ raw: raw, folded: fold(raw), neg: neg });
    }
    var groups = [], not = [], joinNext = false;
    tokens.forEach(function (t) {
      if (t === 'OR') { joinNext = groups.length > 0; return; }
      if (!t.folded) { return; }
      if (t.neg) { not.push(t); } else if (joinNext) { groups[groups.length - 1].push(t); } else { groups.push([t]); }
      joinNext = false;
    });
    return { groups: groups, not: not, words: [].concat.apply([], groups) };
  }
  // The exact words (not just their character pairs) in the folded fields of one unit.
  function matches(q, fields) {
    var has = function (t) { return fields.some(function (f) { return f.indexOf(t.folded) >= 0; }); };
    return q.groups.every(function (g) { return g.some(has); }) && !q.not.some(has);
  }

  // ── the search page ──
  var form = document.getElementById('search-form');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var run = 0, state = null;
  function say(text) { status.textContent = text; }
  function field(name) { return form.elements[name] ? form.elements[name].value.trim() : ''; }

  function evaluate(q, f) {
    var parts = q.groups.map(function (g) {
      return Promise.all(g.map(termUnits)).then(function (sets) { return sets.reduce(either); });
    });
    var nots = q.not.map(termUnits);
    var role = f.role ? posting('role:' + f.role) : null;
    return Promise.all([Promise.all(parts), Promise.all(nots), role]).then(function (r) {
      var units = r[0].sort(function (a, b) { return a.size - b.size; }).reduce(both);
      r[1].forEach(function (n) { units = without(units, n); });
      if (r[2]) { units = both(units, r[2]); }
      var body = f.body ? meta.bodies.indexOf(f.body) : -1, lo = -Infinity, hi = Infinity;
      if (f.body && body < 0) { return { keys: [], units: new Map() }; }
      var from = dayOf(f.from), to = dayOf(f.to);
      if (f.year) { from = Math.max(from === null ? 0 : from, dayOf(f.year + '-04-01')); to = Math.min(to === null ? Infinity : to, dayOf((+f.year + 1) + '-03-31')); }
      if (from !== null || to !== null) { lo = UNDATED + (from || 0) * PER_DAY; }
      if (to !== null && to !== Infinity) { hi = UNDATED + (to + 1) * PER_DAY - 1; }
      var keys = [];
      units.forEach(function (ids, key) {
        if (key < lo || key > hi || (body >= 0 && meta.docBody[meta.index.get(key)] !== body)) { return; }
        keys.push(key);
      });
      keys.sort(function (a, b) { return b - a; });
      return { keys: keys, units: units };
    });
  }

  // Original-text ranges of every occurrence of the words in text.
  function ranges(text, words) {
    var map = { from: [], to: [] }, f = fold(text, map), out = [];
    words.forEach(function (w) {
      for (var at = f.indexOf(w.folded); at >= 0; at = f.indexOf(w.folded, at + w.folded.length)) {
        out.push([map.from[at], map.to[at + w.folded.length - 1]]);
      }
    });
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out.filter(function (r, i) { return i === 0 || r[0] >= out[i - 1][1]; });
  }
  function appendMarked(parent, text, marks, start, end) {
    var at = start;
    marks.forEach(function (m) {
      if (m[1] <= start || m[0] >= end) { return; }
      var a = Math.max(m[0], at), b = Math.min(m[1], end);
      if (a > at) { parent.appendChild(document.createTextNode(text.slice(at, a))); }
      parent.appendChild(el('mark', null, text.slice(a, b)));
      at = b;
    });
    if (end > at) { parent.appendChild(document.createTextNode(text.slice(at, end))); }
  }
  function snippet(text, words) {
    text = text.replace(/\n/g, ' ');
    var marks = ranges(text, words), p = el('p');
    var first = marks.length ? marks[0][0] : 0, start = Math.max(0, first - 40), end = Math.min(text.length, first + 80);
    if (start > 0) { p.appendChild(document.createTextNode('…')); }
    appendMarked(p, text, marks, start, end);
    if (end < text.length) { p.appendChild(document.createTextNode('…')); }
    return p;
  }

  // Confirms a document's candidate units against its fragments (one chunk at a time) and builds its entry.
  function entry(key, ids, q) {
    var chunks = [];
    ids.forEach(function (id) { var c = id >> SLOT_BITS; if (chunks.indexOf(c) < 0) { chunks.push(c); } });
    var hits = [], header = false, doc = null, at = 0;
    function next() {
      if (at >= chunks.length || hits.length > 0 || header) { return Promise.resolve(); }
      var c = chunks[at++];
      return fragment(key, c).then(function (f) {
        doc = f;
        ids.forEach(function (id) {
          if (id >> SLOT_BITS !== c) { return; }
          var unit = f.x[id & 31];
          if (id === 0) { header = header || matches(q, unit.map(function (s) { return fold(s); })); return; }
          if (unit && matches(q, [fold(unit[1] || ''), fold(unit[2])])) { hits.push(unit); }
        });
        return next();
      });
    }
    return next().then(function () {
      if (!doc || (!hits.length && !header)) { return null; }
      var li = el('li'), a = el('a', null, doc.t);
      a.href = doc.u;
      li.appendChild(a);
      li.appendChild(el('p', 'hit-meta', [doc.d, doc.b].filter(Boolean).join('、')));
      if (!hits.length) { li.appendChild(el('p', null, '会議名・議題に一致しました。')); return li; }
      var ul = el('ul'), hl = '?hl=' + encodeURIComponent(q.words.map(function (w) { return w.raw; }).join(' '));
      hits.slice(0, HITS_PER_MINUTES).forEach(function (h) {
        var item = el('li'), link = el('a', null, (h[1] ? h[1] + 'の発言' : '記録') + '（' + h[0].slice(1).replace('-t', '-') + '）');
        link.href = doc.u + hl + '#' + h[0];
        item.appendChild(link);
        item.appendChild(snippet(h[2], q.words));
        ul.appendChild(item);
      });
      li.appendChild(ul);
      var rest = ids.filter(function (id) { return id !== 0; }).length - Math.min(hits.length, HITS_PER_MINUTES);
      if (rest > 0) { li.appendChild(el('p', 'hit-meta', 'この会議録ではほかに' + rest + '件の発言が一致しました。')); }
      return li;
    });
  }

  function report() {
    var s = state, done = s.next >= s.result.keys.length;
    more.hidden = done;
    if (s.shown === 0 && done) { say('「' + s.query + '」に一致する会議録はありませんでした。' + s.filters); return; }
    say('「' + s.query + '」に一致する会議録は' + s.result.keys.length + '件（一致した発言など' + s.units + '件）です。' + s.filters +
      '新しい順に' + s.shown + '件を表示しています' + (done ? '。' : '（続きがあります）。'));
  }
  // Shows the next PAGE confirmed documents, newest first.
  function showMore(token) {
    more.hidden = true;
    var target = state.shown + PAGE, firstNew = null;
    function batch() {
      if (token !== run) { return null; }
      if (state.shown >= target || state.next >= state.result.keys.length) {
        report();
        if (firstNew && state.shown > PAGE) { firstNew.focus(); }
        return null;
      }
      var keys = state.result.keys.slice(state.next, state.next + (target - state.shown));
      state.next += keys.length;
      return Promise.all(keys.map(function (k) { return entry(k, state.result.units.get(k), state.q); })).then(function (items) {
        if (token !== run) { return null; }
        items.forEach(function (li) {
          if (!li) { return; }
          list.appendChild(li);
          state.shown++;
          firstNew = firstNew || li.querySelector('a');
        });
        return batch();
      });
    }
    return batch();
  }

  function describe(f) {
    var parts = [];
    if (f.body) { parts.push('会議体「' + f.body + '」'); }
    if (f.year) { var o = Array.from(form.elements.year.options).filter(function (x) { return x.value === f.year; })[0]; parts.push(o ? o.textContent : f.year + '年度'); }
    if (f.from || f.to) { parts.push('開催日' + (f.from || '') + '〜' + (f.to || '')); }
    if (f.role) { parts.push('発言者「' + f.role + '」'); }
    return parts.length ? '（絞り込み：' + parts.join('、') + '）' : '';
  }
  function search(query, f, retried) {
    var token = ++run;
    list.textContent = '';
    more.hidden = true;
    var q = parse(query);
    if (!q.groups.length) { say(query ? '探す語句を入力してください（除く語句だけでは探せません）。' : ''); return Promise.resolve(); }
    if (q.words.concat(q.not).some(function (t) { return chars(t.folded).length < 2; })) {
      say('語句は2文字以上で入力してください。');
      return Promise.resolve();
    }
    say('検索しています…');
    return loadMeta(form.getAttribute('data-meta'), retried).then(function () { return evaluate(q, f); }).then(function (result) {
      if (token !== run) { return null; }
      var units = 0;
      result.keys.forEach(function (k) { units += result.units.get(k).length; });
      state = { query: query, q: q, result: result, units: units, next: 0, shown: 0, filters: describe(f) };
      return showMore(token);
    }).catch(function (e) {
      if (token !== run) { return null; }
      if (!retried) { forget(); return search(query, f, true); }
      say('検索できませんでした。時間をおいてもう一度お試しください。');
      if (window.console) { console.error(e); }
      return null;
    });
  }

  var NAMES = ['q', 'body', 'year', 'from', 'to', 'role'];
  function submit() {
    var f = {}, url = new URL(window.location.href);
    NAMES.forEach(function (n) { f[n] = field(n); if (f[n]) { url.searchParams.set(n, f[n]); } else { url.searchParams.delete(n); } });
    window.history.replaceState(null, '', url);
    return search(f.q, f);
  }
  if (form) {
    form.addEventListener('submit', function (ev) { ev.preventDefault(); submit(); });
    Array.from(form.elements).filter(function (c) { return c.tagName === 'SELECT' || c.type === 'date'; }).forEach(function (c) {
      c.addEventListener('change', function () { if (field('q')) { submit(); } });
    });
    more.addEventListener('click', function () {
      Promise.resolve(showMore(run)).catch(function (e) {
        say('続きを表示できませんでした。もう一度検索してください。');
        if (window.console) { console.error(e); }
      });
    });
    var params = new URLSearchParams(window.location.search);
    NAMES.forEach(function (n) { if (params.get(n) && form.elements[n]) { form.elements[n].value = params.get(n); } });
    if (field('q')) { submit(); }
  }

  // ── a minutes page opened from a result: mark the words ──
  var article = document.querySelector('article.minutes');
  var hl = new URLSearchParams(window.location.search).get('hl');
  if (article && hl) {
    var words = parse(hl).words.filter(function (w) { return chars(w.folded).length >= 2; });
    var nodes = [], walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {
      acceptNode: function (n) { return n.parentNode.closest('.permalink, .visually-hidden') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT; },
    });
    while (walker.nextNode()) { nodes.push(walker.currentNode); }
    var count = 0;
    nodes.forEach(function (node) {
      var text = node.nodeValue, marks = ranges(text, words);
      if (!marks.length) { return; }
      var span = document.createDocumentFragment();
      appendMarked(span, text, marks, 0, text.length);
      node.parentNode.replaceChild(span, node);
      count += marks.length;
    });
    if (words.length) {
      var note = el('p', 'search-highlight', count ? '検索語「' + words.map(function (w) { return w.raw; }).join('」「') + '」を強調表示しています（' + count + 'か所）。'
        : '検索語「' + words.map(function (w) { return w.raw; }).join('」「') + '」はこのページに見つかりませんでした。');
      note.setAttribute('role', 'status');
      article.insertBefore(note, article.firstChild);
      var target = window.location.hash && document.getElementById(decodeURIComponent(window.location.hash.slice(1)));
      if (target) { target.scrollIntoView(); }
    }
  }
})();
