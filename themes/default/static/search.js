// shouce search: Chinese full-text search that works from a file share.
//
// Index data comes from <script> files that call shouceSearch.add(kind, id, payload) (fetch,
// XHR and WASM are blocked on file://). The tokenizer is the same algorithm as
// src/search/tokenize.rs; both are checked against tests/search/vectors.json.
// Everything shown is set with textContent: content may contain "<script>".
(function (root, factory) {
  "use strict";
  var core = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = core;
  } else {
    root.shouceSearchCore = core;
    core.startUi(root);
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var i = 0; i < ALPHABET.length; i++) DIGIT[ALPHABET.charCodeAt(i)] = i;
  var WORD = /[\p{Alphabetic}\p{N}]/u;
  var MAX_RESULTS = 20;
  // Question words people type around what they look for ("怎么微笑", "投诉怎么办"): dropped
  // from a query when something else is left.
  var QUESTION_WORDS = /怎么办|怎么样|怎么|怎样|如何|为什么|什么|哪些|哪里|是否|吗|呢/g;
  var VERIFY = 10; // candidates whose text is loaded to check for the exact phrase

  // ---- tokenizer (mirror of src/search/tokenize.rs) ----

  function isCjk(cp) {
    return (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x20000 && cp <= 0x2fa1f);
  }
  function classOf(ch) {
    if (isCjk(ch.codePointAt(0))) return 0;
    return WORD.test(ch) ? 1 : 2;
  }
  /** One character normalised; CJK ideographs and ASCII (nearly all text) skip NFKC. */
  function normChar(ch, fold) {
    var cp = ch.codePointAt(0);
    if (cp < 0x80) return ch.toLowerCase();
    if (cp >= 0x4e00 && cp <= 0x9fff) return (fold && fold[ch]) || ch;
    var out = "";
    for (var c of ch.normalize("NFKC")) {
      for (var l of c.toLowerCase()) out += (fold && fold[l]) || l;
    }
    return out;
  }
  /** NFKC, lower case (character by character, as Rust does), Traditional → Simplified. */
  function normalize(text, fold) {
    var out = "";
    // NFKC can join a character with the next (a base letter and a combining mark), so
    // text with combining marks goes through the full path in one piece.
    if (/[\u0300-\u036f\u3099\u309a\u1160-\u11ff]/.test(text)) {
      for (var ch of text.normalize("NFKC")) {
        for (var l of ch.toLowerCase()) out += (fold && fold[l]) || l;
      }
      return out;
    }
    for (var c of text) out += normChar(c, fold);
    return out;
  }
  /** Runs of one class: [{cls, chars}] (separators dropped). */
  function runs(normalized) {
    var chars = Array.from(normalized);
    var out = [];
    var i = 0;
    while (i < chars.length) {
      var cls = classOf(chars[i]);
      var start = i;
      while (i < chars.length && classOf(chars[i]) === cls) i++;
      if (cls !== 2) out.push({ cls: cls, chars: chars.slice(start, i) });
    }
    return out;
  }
  function tokens(normalized) {
    var out = [];
    runs(normalized).forEach(function (r) {
      if (r.cls === 1) {
        out.push(r.chars.join(""));
      } else {
        for (var j = 0; j + 1 < r.chars.length; j++) out.push(r.chars[j] + r.chars[j + 1]);
        out.push(r.chars[r.chars.length - 1]);
      }
    });
    return out;
  }
  function parseFold(s) {
    var map = {};
    var chars = Array.from(s || "");
    for (var j = 0; j + 1 < chars.length; j += 2) map[chars[j]] = chars[j + 1];
    return map;
  }

  // ---- index format (mirror of src/search/mod.rs and encode.rs) ----

  function fnv1a(str) {
    var bytes = new TextEncoder().encode(str);
    var h = 0x811c9dc5;
    for (var j = 0; j < bytes.length; j++) {
      h ^= bytes[j];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h >>> 0;
  }
  function shardKey(token) {
    var chars = Array.from(token);
    if (chars.length === 0) return token;
    if (chars[0] === "\u0001") return token;
    if (isCjk(chars[0].codePointAt(0))) return chars[0];
    return chars.slice(0, 2).join("");
  }
  function varint(bytes, pos) {
    var v = 0, shift = 0;
    for (;;) {
      var b = bytes[pos.i++];
      v += (b & 0x7f) * Math.pow(2, shift);
      if (!(b & 0x80)) return v;
      shift += 7;
    }
  }
  /**
   * A token's postings, as weights into `into` (one byte per document, 0 = absent):
   * `2n + h`, `n` body-text document gaps (weight 1), then if `h`, `m` title/heading
   * postings, `gap * 4 + weight`.
   */
  function decodePostings(bytes, into) {
    var pos = { i: 0 };
    var head = varint(bytes, pos);
    var n = Math.floor(head / 2);
    var doc = 0;
    for (var j = 0; j < n; j++) {
      doc += varint(bytes, pos);
      if (into[doc] < 1) into[doc] = 1;
    }
    var m = head % 2 ? varint(bytes, pos) : 0;
    doc = 0;
    for (j = 0; j < m; j++) {
      var v = varint(bytes, pos);
      doc += Math.floor(v / 4);
      var w = v % 4;
      if (into[doc] < w) into[doc] = w;
    }
    return into;
  }
  /** Shard bytes → Map(token → posting bytes); records are `token \t 2n+h body… [m high…]`. */
  function parseShard(bytes) {
    var map = new Map();
    var dec = new TextDecoder();
    var pos = { i: 0 };
    while (pos.i < bytes.length) {
      var tab = bytes.indexOf(9, pos.i);
      if (tab < 0) break;
      var token = dec.decode(bytes.subarray(pos.i, tab));
      var start = tab + 1;
      pos.i = start;
      var head = varint(bytes, pos);
      for (var j = 0; j < Math.floor(head / 2); j++) varint(bytes, pos);
      var m = head % 2 ? varint(bytes, pos) : 0;
      for (j = 0; j < m; j++) varint(bytes, pos);
      map.set(token, bytes.subarray(start, pos.i));
    }
    return map;
  }
  // Base-91 text → bytes: two characters carry 13 bits (see src/search/encode.rs).
  var B91 = "!#$%&()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
  var B91V = new Int16Array(128);
  for (var k = 0; k < B91.length; k++) B91V[B91.charCodeAt(k)] = k;
  function fromBase91(s, len) {
    var out = new Uint8Array(len);
    var n = 0, acc = 0, bits = 0;
    for (var j = 0; j + 1 < s.length && n < len; j += 2) {
      acc |= (B91V[s.charCodeAt(j)] + 91 * B91V[s.charCodeAt(j + 1)]) << bits;
      bits += 13;
      while (bits >= 8 && n < len) {
        out[n++] = acc & 255;
        acc >>>= 8;
        bits -= 8;
      }
    }
    return out;
  }
  /** [base-91 of gzip, length] → bytes, inflated by the browser's own DecompressionStream. */
  async function unpack(packed) {
    var bytes = fromBase91(packed[0], packed[1]);
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // ---- queries ----

  /**
   * Space-separated terms must all match (AND). A term's parts: CJK bigrams ("tok"), a lone
   * CJK character ("pre": any token starting with it), words ("tok", or "pre" for the last
   * word while it is being typed).
   */
  function parseQuery(q, fold) {
    var open = !/\s$/.test(q);
    var raw = q.split(/\s+/).filter(Boolean);
    var terms = [];
    raw.forEach(function (t, ti) {
      var n = normalize(t, fold);
      var stripped = n.replace(QUESTION_WORDS, " ");
      if (stripped.trim()) n = stripped;
      var rs = runs(n);
      var parts = [];
      rs.forEach(function (r, ri) {
        var last = open && ti === raw.length - 1 && ri === rs.length - 1;
        if (r.cls === 1) {
          parts.push({ kind: last ? "pre" : "tok", value: r.chars.join("") });
        } else if (r.chars.length === 1) {
          parts.push({ kind: "pre", value: r.chars[0] });
        } else {
          for (var j = 0; j + 1 < r.chars.length; j++) parts.push({ kind: "tok", value: r.chars[j] + r.chars[j + 1] });
        }
      });
      if (parts.length) {
        terms.push({ parts: parts, phrase: rs.map(function (r) { return r.chars.join(""); }).join("") });
      }
    });
    return terms;
  }

  function Engine(loader) {
    this.loader = loader;
  }
  Engine.prototype.meta = function () {
    var self = this;
    if (!self._meta) {
      self._meta = self.loader("m", 0).then(function (m) {
        m.foldMap = parseFold(m.fold);
        return m;
      });
    }
    return self._meta;
  };
  Engine.prototype.shard = function (n) {
    var self = this;
    self._shards = self._shards || {};
    if (!self._shards[n]) {
      self._shards[n] = self.loader("p", n).then(unpack).then(parseShard);
    }
    return self._shards[n];
  };
  Engine.prototype.chunk = function (n) {
    var self = this;
    self._chunks = self._chunks || {};
    if (!self._chunks[n]) {
      // Document chunks are plain literals (posting shards are packed).
      self._chunks[n] = self.loader("d", n);
    }
    return self._chunks[n];
  };
  Engine.prototype.doc = async function (id) {
    var m = await this.meta();
    var c = await this.chunk(Math.floor(id / m.chunk));
    var s = c[1][id % m.chunk];
    var p = c[0][s[0]];
    return { id: id, url: s[1] ? p[0] + "#" + s[1] : p[0], title: p[1], heading: s[2], crumb: p[2], text: s[3] };
  };
  /** The shards that may hold tokens of `part` (see src/search/mod.rs, `shard`). */
  function shardsFor(part, m) {
    var key = shardKey(part.value);
    var group = m.split[key];
    if (!group) return [fnv1a(key) % m.shards];
    if (part.kind === "tok") return [group[0] + (fnv1a(part.value) % group[1])];
    var all = [];
    for (var k = 0; k < group[1]; k++) all.push(group[0] + k);
    return all;
  }
  /** Weights (one byte per document, 0 = absent) for one query part. */
  Engine.prototype.partPostings = async function (part, m) {
    var shards = await Promise.all(shardsFor(part, m).map(this.shard, this));
    var out = new Uint8Array(m.docs);
    shards.forEach(function (shard) {
      if (part.kind === "tok") {
        var p = shard.get(part.value);
        if (p) decodePostings(p, out);
      } else {
        shard.forEach(function (postings, token) {
          if (token.startsWith(part.value)) decodePostings(postings, out);
        });
      }
    });
    return out;
  };

  /**
   * Results, best first: sections with every term's exact phrase, then sections with all
   * parts of every term, then sections with most parts; title and heading matches weigh more.
   */
  Engine.prototype.search = async function (query, options) {
    var industry = options && options.industry;
    var m = await this.meta();
    var terms = parseQuery(String(query || ""), m.foldMap);
    if (!terms.length) return [];
    var self = this;
    var perTerm = await Promise.all(terms.map(function (t) {
      return Promise.all(t.parts.map(function (p) { return self.partPostings(p, m); }));
    }));
    var allowed = null;
    if (industry) {
      allowed = await self.partPostings({ kind: "tok", value: "\u0001" + industry }, m);
    }
    // One pass per term over all documents with typed arrays: fast even for 50,000 sections.
    var n = m.docs;
    var scores = new Float64Array(n);
    var alive = new Uint8Array(n).fill(1);
    var complete = new Uint8Array(n).fill(1);
    perTerm.forEach(function (lists) {
      var need = Math.max(1, Math.ceil(lists.length / 2));
      for (var doc = 0; doc < n; doc++) {
        if (!alive[doc]) continue;
        var c = 0, w = 0;
        for (var k = 0; k < lists.length; k++) {
          var x = lists[k][doc];
          if (x) { c++; w += x; }
        }
        if (c < need || (allowed && !allowed[doc])) {
          alive[doc] = 0;
          continue;
        }
        scores[doc] += (100 * c + 3 * w) / lists.length;
        if (c < lists.length) complete[doc] = 0;
      }
    });
    var ranked = [];
    for (var d = 0; d < n; d++) if (alive[d]) ranked.push(d);
    ranked.sort(function (a, b) {
      return complete[b] - complete[a] || scores[b] - scores[a] || a - b;
    });
    var top = ranked.slice(0, VERIFY);
    var docs = await Promise.all(top.map(function (id) { return self.doc(id); }));
    var fold = m.foldMap;
    var results = docs.map(function (d) {
      var hay = normalize(d.title + "\n" + d.heading + "\n" + d.text, fold);
      var phrase = terms.every(function (t) { return hay.indexOf(t.phrase) >= 0; });
      return { doc: d, phrase: phrase, complete: complete[d.id], score: scores[d.id] };
    });
    results.sort(function (a, b) {
      return (b.phrase - a.phrase) || (b.complete - a.complete) || (b.score - a.score) || (a.doc.id - b.doc.id);
    });
    return results.slice(0, MAX_RESULTS).map(function (r) {
      var d = r.doc;
      var sn = snippet(d.text, terms, fold);
      return {
        url: d.url,
        title: d.heading ? d.title + " › " + d.heading : d.title,
        pageTitle: d.title,
        heading: d.heading,
        crumb: d.crumb,
        snippet: sn.text,
        marks: sn.marks,
        titleMarks: marks(d.heading ? d.title + " › " + d.heading : d.title, terms, fold),
      };
    });
  };

  // ---- snippets and highlighting ----

  /** The folded form of `text` and, for each folded character, its index in `text`. */
  function foldWithMap(text, fold) {
    var folded = "";
    var map = [];
    var idx = 0;
    for (var ch of text) {
      var n = normChar(ch, fold);
      for (var k = 0; k < n.length; k++) map.push(idx);
      folded += n;
      idx += ch.length;
    }
    map.push(idx);
    return { folded: folded, map: map };
  }
  function needles(terms) {
    var out = [];
    terms.forEach(function (t) {
      out.push(t.phrase);
      t.parts.forEach(function (p) { out.push(p.value); });
    });
    return out.filter(Boolean).sort(function (a, b) { return b.length - a.length; });
  }
  /** Ranges [start, end) in `text` (UTF-16 indices) that match the query, merged. */
  function marks(text, terms, fold) {
    var f = foldWithMap(text, fold);
    var ranges = [];
    needles(terms).forEach(function (n) {
      var from = 0;
      for (;;) {
        var at = f.folded.indexOf(n, from);
        if (at < 0) break;
        ranges.push([f.map[at], f.map[at + n.length]]);
        from = at + n.length;
      }
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }
  /** About 110 characters around the best match, with the match ranges inside it. */
  function snippet(text, terms, fold) {
    text = text.replace(/\s+/g, " ").trim();
    var all = marks(text, terms, fold);
    var f = foldWithMap(text, fold);
    var start = 0;
    // Prefer where the whole phrase occurs, then the first match of any part.
    var best = -1;
    terms.some(function (t) {
      var at = f.folded.indexOf(t.phrase);
      if (at >= 0) best = f.map[at];
      return at >= 0;
    });
    if (best < 0 && all.length) best = all[0][0];
    if (best > 30) start = best - 30;
    var end = Math.min(text.length, start + 110);
    var piece = text.slice(start, end);
    var prefix = start > 0 ? "…" : "";
    var suffix = end < text.length ? "…" : "";
    var inside = all
      .filter(function (r) { return r[1] > start && r[0] < end; })
      .map(function (r) {
        return [Math.max(r[0], start) - start + prefix.length, Math.min(r[1], end) - start + prefix.length];
      });
    return { text: prefix + piece + suffix, marks: inside };
  }

  // ---- loading data files with <script> ----

  function scriptLoader(base, doc, win) {
    var waiting = {};
    var got = {};
    win.shouceSearch = {
      add: function (kind, id, payload) {
        var key = kind + id;
        got[key] = payload;
        if (waiting[key]) waiting[key].resolve(payload);
      },
    };
    var cache = {};
    return function (kind, id) {
      var key = kind + id;
      if (!cache[key]) {
        cache[key] = new Promise(function (resolve, reject) {
          waiting[key] = { resolve: resolve };
          var s = doc.createElement("script");
          s.src = base + (kind === "m" ? "meta" : kind + id) + ".js";
          s.async = true;
          s.onload = function () {
            if (key in got) resolve(got[key]);
            else reject(new Error("search data did not register: " + s.src));
          };
          s.onerror = function () { reject(new Error("cannot load " + s.src)); };
          doc.head.appendChild(s);
        });
      }
      return cache[key];
    };
  }

  // ---- the search box ----

  function el(doc, tag, cls, text) {
    var e = doc.createElement(tag);
    if (cls) e.className = cls;
    if (text != null) e.textContent = text;
    return e;
  }
  /** Text with <mark> around `ranges`, built from text nodes only. */
  function highlighted(doc, tag, cls, text, ranges) {
    var e = el(doc, tag, cls);
    var pos = 0;
    (ranges || []).forEach(function (r) {
      if (r[0] > pos) e.appendChild(doc.createTextNode(text.slice(pos, r[0])));
      e.appendChild(el(doc, "mark", null, text.slice(r[0], r[1])));
      pos = r[1];
    });
    if (pos < text.length) e.appendChild(doc.createTextNode(text.slice(pos)));
    return e;
  }

  function startUi(win) {
    var doc = win.document;
    if (!doc) return;
    var me = doc.currentScript;
    if (!me) return;
    var dataBase = new URL("search/", me.src).href;
    var siteRoot = new URL("../", me.src).href;
    var engine = new Engine(scriptLoader(dataBase, doc, win));
    var api = {
      search: function (q, options) {
        return engine.search(q, options).then(function (rs) {
          return rs.map(function (r) { return { url: r.url, title: r.title, snippet: r.snippet }; });
        });
      },
      engine: engine,
    };
    win.shouce = Object.assign(win.shouce || {}, api);

    var box = doc.getElementById("shouce-search");
    var panel = doc.getElementById("shouce-search-panel");
    if (!box || !panel) return;
    var list = panel.querySelector(".search-results");
    var status = panel.querySelector(".search-status");
    var filters = panel.querySelector(".search-filters");
    var t = JSON.parse(panel.getAttribute("data-strings") || "{}");
    var industry = "";
    var active = -1;
    var timer = null;
    var seq = 0;

    function open(yes) {
      panel.hidden = !yes;
      box.setAttribute("aria-expanded", yes ? "true" : "false");
    }
    function setActive(n) {
      var items = list.querySelectorAll("[role=option]");
      if (!items.length) { active = -1; return; }
      active = (n + items.length) % items.length;
      items.forEach(function (it, k) { it.setAttribute("aria-selected", k === active ? "true" : "false"); });
      box.setAttribute("aria-activedescendant", items[active].id);
      items[active].scrollIntoView({ block: "nearest" });
    }
    function buildFilters(m) {
      if (filters.childElementCount || !m.industries.length) return;
      var all = [["", t.all || "全部"]].concat(m.industries);
      all.forEach(function (ind) {
        var b = el(doc, "button", "chip-filter", ind[1]);
        b.type = "button";
        b.setAttribute("aria-pressed", ind[0] === industry ? "true" : "false");
        b.addEventListener("click", function () {
          industry = ind[0];
          filters.querySelectorAll("button").forEach(function (x) {
            x.setAttribute("aria-pressed", x === b ? "true" : "false");
          });
          run();
          box.focus();
        });
        filters.appendChild(b);
      });
    }
    function render(q, results) {
      list.textContent = "";
      active = -1;
      box.removeAttribute("aria-activedescendant");
      results.forEach(function (r, k) {
        var li = el(doc, "li", "search-result");
        li.id = "shouce-result-" + k;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        var a = el(doc, "a");
        a.href = siteRoot + r.url;
        a.appendChild(highlighted(doc, "span", "result-title", r.title, r.titleMarks));
        if (r.crumb) a.appendChild(el(doc, "span", "result-crumb", r.crumb));
        a.appendChild(highlighted(doc, "span", "result-snippet", r.snippet, r.marks));
        li.appendChild(a);
        li.addEventListener("mousemove", function () { if (active !== k) setActive(k); });
        list.appendChild(li);
      });
      status.textContent = results.length
        ? (t.found || "找到 {n} 条结果").replace("{n}", results.length)
        : (t.none || "没有找到“{q}”。试试更短的词。").replace("{q}", q);
    }
    function run() {
      var q = box.value;
      var my = ++seq;
      if (!q.trim()) {
        list.textContent = "";
        status.textContent = "";
        open(false);
        return;
      }
      open(true);
      status.textContent = t.loading || "正在搜索…";
      engine.meta().then(buildFilters);
      engine.search(q, { industry: industry }).then(function (rs) {
        if (my === seq) render(q, rs);
      }, function (e) {
        if (my === seq) status.textContent = (t.error || "搜索索引无法加载：") + e.message;
      });
    }
    box.addEventListener("focus", function () {
      engine.meta().then(buildFilters, function () {});
      if (box.value.trim()) open(true);
    });
    box.addEventListener("input", function () {
      clearTimeout(timer);
      seq++; // results of an older query are stale from now on
      if (box.value.trim()) status.textContent = t.loading || "正在搜索…";
      timer = setTimeout(run, 120);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (panel.hidden) run(); else setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter") {
        var items = list.querySelectorAll("[role=option] a");
        var target = items[active >= 0 ? active : 0];
        if (target) { e.preventDefault(); win.location.href = target.href; }
      } else if (e.key === "Escape") {
        open(false);
        box.blur();
      }
    });
    doc.addEventListener("keydown", function (e) {
      var tag = (e.target && e.target.tagName) || "";
      if (e.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !(e.target && e.target.isContentEditable)) {
        e.preventDefault();
        box.focus();
        box.select();
      }
    });
    doc.addEventListener("click", function (e) {
      if (!panel.contains(e.target) && e.target !== box) open(false);
    });
  }

  return {
    normalize: normalize,
    tokens: tokens,
    parseFold: parseFold,
    parseQuery: parseQuery,
    fnv1a: fnv1a,
    shardKey: shardKey,
    decodePostings: decodePostings,
    fromBase91: fromBase91,
    Engine: Engine,
    snippet: snippet,
    marks: marks,
    startUi: startUi,
  };
});
