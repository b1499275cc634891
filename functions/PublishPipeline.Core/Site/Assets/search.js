// 会議録 search on a static host: character-bigram index (search/meta.json + hashed shards)
// narrows the minutes, then each candidate's open-data JSON confirms the phrase and gives the
// utterance anchors (#s{section}-t{turn}). No framework; DOM built with textContent only.
(function () {
  'use strict';
  var form = document.getElementById('search-form');
  if (!form || !window.fetch || !Array.from) { return; }
  var input = form.querySelector('input[name="q"]');
  var status = document.getElementById('search-status');
  var list = document.getElementById('search-results');
  var more = document.getElementById('search-more');
  var PAGE = 10;
  var HITS_PER_MINUTES = 5;
  var meta = null;
  var shardCache = {};
  var run = 0;
  var state = null;

  // Same folding as SearchIndexBuilder.Fold: full-width ASCII and half-width kana folded,
  // ASCII lower case, no white space.
  var KANA = '。「」、・ヲァィゥェォャュョッーアイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワン';
  var VOICE1 = 'カキクケコサシスセソタチツテトハヒフヘホ', VOICE2 = 'ハヒフヘホ';
  function fold(s) {
    var out = [];
    Array.from(s).forEach(function (ch) {
      var c = ch.codePointAt(0);
      if (/\s/.test(ch)) { return; }
      if (c >= 0xFF01 && c <= 0xFF5E) { c -= 0xFEE0; }
      if (c >= 65 && c <= 90) { c += 32; }
      if (c >= 0xFF61 && c <= 0xFF9D) { out.push(KANA[c - 0xFF61]); return; }
      if (c === 0xFF9E || c === 0xFF9F) {
        var last = out.length ? out[out.length - 1] : '';
        if (c === 0xFF9E && last === 'ウ') { out[out.length - 1] = 'ヴ'; return; }
        if (c === 0xFF9E && last && VOICE1.indexOf(last) >= 0) { out[out.length - 1] = String.fromCharCode(last.charCodeAt(0) + 1); return; }
        if (c === 0xFF9F && last && VOICE2.indexOf(last) >= 0) { out[out.length - 1] = String.fromCharCode(last.charCodeAt(0) + 2); return; }
        out.push(c === 0xFF9E ? '゛' : '゜');
        return;
      }
      out.push(String.fromCodePoint(c));
    });
    return out.join('');
  }
  function chars(s) { return Array.from(s); }
  function bigrams(term) {
    var c = chars(term), out = [];
    for (var i = 0; i + 1 < c.length; i++) {
      var g = c[i] + c[i + 1];
      if (out.indexOf(g) < 0) { out.push(g); }
    }
    return out;
  }
  function hash(s) {
    var h = 0x811c9dc5;
    for (var i = 0; i < s.length; i++) { h ^= s.charCodeAt(i); h = Math.imul(h, 0x01000193); }
    return h >>> 0;
  }
  function getJson(url) {
    return fetch(url, { credentials: 'same-origin' }).then(function (r) {
      if (!r.ok) { throw new Error(url + ': ' + r.status); }
      return r.json();
    });
  }
  function loadMeta() { return meta ? Promise.resolve(meta) : getJson(form.getAttribute('data-meta')).then(function (m) { meta = m; return m; }); }
  function loadShard(n) {
    if (!shardCache[n]) { shardCache[n] = getJson(meta.shards[n]); }
    return shardCache[n];
  }
  function postings(gram) {
    var n = hash(gram) % meta.shards.length;
    return loadShard(n).then(function (shard) {
      var deltas = shard[gram] || [], out = [], v = 0;
      for (var i = 0; i < deltas.length; i++) { v += deltas[i]; out.push(v); }
      return out;
    });
  }
  function intersect(a, b) {
    var out = [], i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; } else if (a[i] < b[j]) { i++; } else { j++; }
    }
    return out;
  }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined) { e.textContent = text; }
    return e;
  }
  function say(text) { status.textContent = text; }

  // A snippet around the first term, with the term marked; plain text if it is not found verbatim.
  function snippet(text, terms) {
    var lower = text.toLowerCase(), at = -1, len = 0;
    for (var i = 0; i < terms.length && at < 0; i++) { at = lower.indexOf(terms[i].raw.toLowerCase()); len = terms[i].raw.length; }
    var p = el('p');
    if (at < 0) { p.textContent = text.length > 120 ? text.slice(0, 120) + '…' : text; return p; }
    var start = Math.max(0, at - 40), end = Math.min(text.length, at + len + 60);
    p.appendChild(document.createTextNode((start > 0 ? '…' : '') + text.slice(start, at)));
    p.appendChild(el('mark', null, text.slice(at, at + len)));
    p.appendChild(document.createTextNode(text.slice(at + len, end) + (end < text.length ? '…' : '')));
    return p;
  }

  function matchMinutes(doc, row, terms) {
    var hits = [];
    var all = function (s) { var f = fold(s || ''); return terms.every(function (t) { return f.indexOf(t.folded) >= 0; }); };
    (doc.sections || []).forEach(function (section, si) {
      (section.turns || []).forEach(function (turn, ti) {
        if (all((turn.speaker || '') + turn.text)) {
          hits.push({ anchor: '#s' + (si + 1) + '-t' + (ti + 1), speaker: turn.speaker, text: turn.text.replace(/\n/g, ' ') });
        }
      });
    });
    if (hits.length === 0 && !all([doc.title, doc.body, doc.session].concat(doc.agenda || []).join(' '))) { return null; }
    var li = el('li');
    var a = el('a', null, row[2]);
    a.href = row[0];
    li.appendChild(a);
    li.appendChild(el('p', 'hit-meta', [row[3], row[4]].filter(Boolean).join('、')));
    if (hits.length === 0) {
      li.appendChild(el('p', null, '会議名・議題に一致しました。'));
      return li;
    }
    var ul = el('ul');
    hits.slice(0, HITS_PER_MINUTES).forEach(function (h) {
      var item = el('li');
      var link = el('a', null, (h.speaker ? h.speaker + 'の発言' : '記録') + '（' + h.anchor.slice(2).replace('-t', '-') + '）');
      link.href = row[0] + h.anchor;
      item.appendChild(link);
      item.appendChild(snippet(h.text, terms));
      ul.appendChild(item);
    });
    li.appendChild(ul);
    if (hits.length > HITS_PER_MINUTES) {
      li.appendChild(el('p', 'hit-meta', 'この会議録ではほかに' + (hits.length - HITS_PER_MINUTES) + '件の発言が一致しました。'));
    }
    return li;
  }

  // Confirms candidates in catalogue order (newest first) until PAGE minutes have shown.
  function showMore(token) {
    more.hidden = true;
    var shown = 0;
    function step() {
      if (token !== run) { return null; }
      if (shown >= PAGE || state.next >= state.candidates.length) {
        var done = state.next >= state.candidates.length;
        more.hidden = done;
        say(state.found === 0 ? '「' + state.query + '」に一致する会議録はありませんでした。'
          : '「' + state.query + '」に一致する会議録を' + state.found + '件表示しています' + (done ? '。' : '（続きがあります）。'));
        return null;
      }
      var row = meta.minutes[state.candidates[state.next++]];
      return getJson(row[1]).then(function (doc) {
        if (token !== run) { return null; }
        var li = matchMinutes(doc, row, state.terms);
        if (li) { list.appendChild(li); shown++; state.found++; }
        return step();
      });
    }
    return step();
  }

  function search(query) {
    var token = ++run;
    list.textContent = '';
    more.hidden = true;
    var terms = query.split(/\s+/).filter(Boolean).map(function (raw) { return { raw: raw, folded: fold(raw) }; })
      .filter(function (t) { return t.folded.length > 0; });
    if (terms.length === 0) { say(''); return Promise.resolve(); }
    if (terms.some(function (t) { return chars(t.folded).length < 2; })) {
      say('語句は2文字以上で入力してください。');
      return Promise.resolve();
    }
    say('検索しています…');
    return loadMeta().then(function () {
      var grams = [];
      terms.forEach(function (t) { bigrams(t.folded).forEach(function (g) { if (grams.indexOf(g) < 0) { grams.push(g); } }); });
      return Promise.all(grams.map(postings));
    }).then(function (lists) {
      if (token !== run) { return null; }
      lists.sort(function (a, b) { return a.length - b.length; });
      var candidates = lists.reduce(intersect);
      state = { query: query, terms: terms, candidates: candidates, next: 0, found: 0 };
      return showMore(token);
    }).catch(function (e) {
      say('検索できませんでした。時間をおいてもう一度お試しください。');
      if (window.console) { console.error(e); }
    });
  }

  form.addEventListener('submit', function (ev) {
    ev.preventDefault();
    var q = input.value.trim();
    var url = new URL(window.location.href);
    url.searchParams.set('q', q);
    window.history.replaceState(null, '', url);
    search(q);
  });
  more.addEventListener('click', function () { showMore(run); });
  var initial = new URLSearchParams(window.location.search).get('q');
  if (initial) { input.value = initial; search(initial.trim()); }
})();
