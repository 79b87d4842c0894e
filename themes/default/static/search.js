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
  // Results shown: their texts are loaded, to reward the query's words side by side.
  var MAX_RESULTS = 10;
  // Characters of a query that are searched: a pasted paragraph costs no more than a sentence.
  var MAX_QUERY = 64;

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
   * A token's postings, as weights into `into` (one byte per document, 0 = absent; 1 body,
   * 2 parent heading, 3 heading, 4 title): `2n + h`, `n` body-text document gaps, then if
   * `h`, `m` postings `gap * 4 + weight - 1`.
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
      var w = (v % 4) + 1;
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
  // Packed files hold one byte per character, read as windows-1252 (src/search/encode.rs):
  // bytes 0x80-0x9f become other characters there; every other byte is its own character
  // code (as it is too when Node reads the file as latin1).
  var BYTE_OF = {};
  (function () {
    if (typeof TextDecoder === "undefined") return;
    var dec = new TextDecoder("windows-1252");
    for (var b = 0x80; b < 0xa0; b++) BYTE_OF[dec.decode(new Uint8Array([b])).charCodeAt(0)] = b;
  })();
  function bytesOf(s) {
    var out = new Uint8Array(s.length);
    for (var j = 0; j < s.length; j++) {
      var c = s.charCodeAt(j);
      out[j] = c < 256 ? c : BYTE_OF[c];
    }
    return out;
  }
  /** A packed file's string → bytes, inflated by the browser's own DecompressionStream. */
  async function unpack(packed) {
    var stream = new Blob([bytesOf(packed)]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // ---- queries ----

  // Field weights by where a token stands (src/search/mod.rs: BODY, PARENT, HEADING, TITLE).
  var FIELD = [0, 1, 1.6, 3, 3];
  // Query words that carry no topic (要求, 什么 …) count this much of a topic word.
  var STOP_WEIGHT = 0.15;
  // A one-character stop word at the end of a run (接待投诉的, 可以吗) is a particle.
  var PARTICLES = "吗呢吧啊了的";
  var MAX_ALTS = 6;
  // Decoded parts kept between queries (one byte per section each: 40 KB at 10k pages).
  var PART_CACHE = 64;
  // A synonym counts a little less than the word typed, so that the word typed wins a tie.
  var SYNONYM_WEIGHT = 0.8;
  // Kept as results: sections scoring at least this share of the best one.
  var KEEP = 0.2;

  /** Which characters of a CJK run are stop words (see themes/default/search/stopwords.txt). */
  function stopMask(chars, stop) {
    var n = chars.length;
    var mask = new Uint8Array(n); // 0 topic, 1 one-character stop word (tentative), 2 stop word
    var longest = stop.longest || 0;
    for (var i = 0; i < n;) {
      var len = 0;
      for (var l = Math.min(longest, n - i); l >= 1; l--) {
        if (stop.has(chars.slice(i, i + l).join(""))) { len = l; break; }
      }
      if (!len) { i++; continue; }
      for (var k = i; k < i + len; k++) mask[k] = len > 1 ? 2 : 1;
      i += len;
    }
    // A one-character word counts beside a stop word (要|注意, 有|什么) or as a final particle,
    // never inside a topic word (重要, 有效, 个人).
    for (var changed = true; changed;) {
      changed = false;
      for (var j = 0; j < n; j++) {
        if (mask[j] !== 1) continue;
        if ((j > 0 && mask[j - 1] === 2) || (j + 1 < n && mask[j + 1] === 2) ||
          (j === n - 1 && PARTICLES.indexOf(chars[j]) >= 0)) {
          mask[j] = 2;
          changed = true;
        }
      }
    }
    return mask;
  }

  /** The parts looked up for one piece of text: CJK bigrams, a lone CJK character or a word. */
  function partsOf(text, last) {
    var parts = [];
    var rs = runs(text);
    rs.forEach(function (r, ri) {
      if (r.cls === 1) {
        parts.push({ kind: last && ri === rs.length - 1 ? "pre" : "tok", value: r.chars.join("") });
      } else if (r.chars.length === 1) {
        parts.push({ kind: "pre", value: r.chars[0] });
      } else {
        for (var j = 0; j + 1 < r.chars.length; j++) parts.push({ kind: "tok", value: r.chars[j] + r.chars[j + 1] });
      }
    });
    return parts;
  }

  /** Other ways to say `text`: each synonym group member in it replaced by the others. */
  function alternatives(text, syn) {
    var out = [text];
    (syn || []).forEach(function (group) {
      group.forEach(function (w) {
        if (!w || text.indexOf(w) < 0) return;
        group.forEach(function (o) {
          var alt = text.split(w).join(o);
          if (o !== w && out.indexOf(alt) < 0 && out.length < MAX_ALTS) out.push(alt);
        });
      });
    });
    return out;
  }

  /**
   * A query as segments: runs of topic words and runs of stop words, each with the parts to
   * look up. Topic segments carry their synonyms as alternatives and, when they name an
   * industry (银行 → 银行业), that industry's sections. `words`: {stop: Set, syn, industries}.
   */
  function parseQuery(q, fold, words) {
    words = words || {};
    var stop = words.stop || new Set();
    var open = !/\s$/.test(q);
    var raw = String(q).split(/\s+/).filter(Boolean);
    var segs = [];
    raw.forEach(function (t, ti) {
      var rs = runs(normalize(t, fold));
      rs.forEach(function (r, ri) {
        var last = open && ti === raw.length - 1 && ri === rs.length - 1;
        if (r.cls === 1) {
          var w = r.chars.join("");
          segs.push({ text: w, stop: stop.has(w), last: last });
          return;
        }
        var mask = stopMask(r.chars, stop);
        for (var i = 0; i < r.chars.length;) {
          var j = i;
          while (j < r.chars.length && (mask[j] === 2) === (mask[i] === 2)) j++;
          segs.push({ text: r.chars.slice(i, j).join(""), stop: mask[i] === 2, last: false });
          i = j;
        }
      });
    });
    // A query of stop words only is searched as typed.
    if (segs.every(function (s) { return s.stop; })) segs.forEach(function (s) { s.stop = false; });
    segs.forEach(function (s) {
      var texts = s.stop ? [s.text] : alternatives(s.text, words.syn);
      s.alts = texts.map(function (x) { return { text: x, parts: partsOf(x, s.last) }; });
      (s.stop ? [] : words.industries || []).forEach(function (ind) {
        var name = normalize(ind[1], fold);
        var bare = name.replace(/业$/, "");
        if (s.text === ind[0] || s.text === name || (bare.length > 1 && s.text === bare)) {
          s.alts.push({ text: s.text, parts: [{ kind: "ind", value: ind[0] }], industry: true });
        }
      });
      // For highlighting: the segment as typed and its parts.
      s.phrase = s.text;
      s.parts = s.alts[0].parts;
    });
    return segs.filter(function (s) { return s.parts.length; });
  }
  // ---- the engine ----

  function Engine(loader) {
    this.loader = loader;
  }
  Engine.prototype.meta = function () {
    var self = this;
    if (!self._meta) {
      self._meta = self.loader("m", 0).then(function (m) {
        m.foldMap = parseFold(m.fold);
        var stop = new Set(m.stop || []);
        stop.longest = (m.stop || []).reduce(function (n, w) { return Math.max(n, Array.from(w).length); }, 0);
        m.words = { stop: stop, syn: m.syn || [], industries: m.industries || [] };
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
  /** Industry → which sections belong to it (one small file, `i0.js`). */
  Engine.prototype.memberships = function () {
    var self = this;
    if (!self._members) {
      self._members = Promise.all([self.meta(), self.loader("i", 0).then(unpack).then(parseShard)]).then(function (r) {
        var out = {};
        r[1].forEach(function (postings, token) {
          out[token.slice(1)] = decodePostings(postings, new Uint8Array(r[0].docs));
        });
        return out;
      });
    }
    return self._members;
  };
  Engine.prototype.chunk = function (n) {
    var self = this;
    self._chunks = self._chunks || {};
    if (!self._chunks[n]) {
      self._chunks[n] = self.loader("d", n).then(unpack).then(function (bytes) {
        return JSON.parse(new TextDecoder().decode(bytes));
      });
    }
    return self._chunks[n];
  };
  Engine.prototype.doc = async function (id) {
    var m = await this.meta();
    var c = await this.chunk(Math.floor(id / m.chunk));
    var s = c[1][id % m.chunk];
    var p = c[0][s[0]];
    return {
      id: id, url: s[1] ? p[0] + "#" + s[1] : p[0], title: p[1], heading: s[2], crumb: p[2], text: s[3],
      parent: s[4] || "",
    };
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
    if (part.kind === "ind") {
      var members = await this.memberships();
      return members[part.value] || new Uint8Array(m.docs);
    }
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
   * Every section's score for the query, BM25F-like with a term frequency of one: a part
   * weighs its rarity (idf, from how many sections hold it) times the weight of the field it
   * stands in (title, heading, parent heading, body). A segment scores its best alternative
   * (itself or a synonym); stop words weigh little; a section that holds more of the query's
   * information (by rarity) scores more. Nothing is required: any rare match is a result.
   */
  Engine.prototype.rank = async function (segs, m) {
    var self = this;
    var n = m.docs;
    // Decoded parts are kept for the next queries: typing 着装 then 着装要求 decodes 着装 once.
    var cache = self._parts = self._parts || new Map();
    var lists = await Promise.all(segs.map(function (s) {
      return Promise.all(s.alts.map(function (a) {
        return Promise.all(a.parts.map(function (p) {
          var key = p.kind + ":" + p.value;
          if (!cache.has(key)) {
            if (cache.size >= PART_CACHE) cache.delete(cache.keys().next().value);
            cache.set(key, self.partPostings(p, m));
          }
          return cache.get(key);
        }));
      }));
    }));
    var idfOf = self._idf = self._idf || new WeakMap();
    function idf(list) {
      if (!idfOf.has(list)) {
        var df = 0;
        for (var d = 0; d < n; d++) if (list[d]) df++;
        idfOf.set(list, df ? Math.log(1 + (n - df + 0.5) / (df + 0.5)) : 0);
      }
      return idfOf.get(list);
    }
    var score = new Float64Array(n);
    var cover = new Float64Array(n);
    var mass = 0;
    var segScore = new Float64Array(n);
    var segFrac = new Float64Array(n);
    segs.forEach(function (s, si) {
      segScore.fill(0);
      segFrac.fill(0);
      var own = 0;
      s.alts.forEach(function (a, ai) {
        var ls = lists[si][ai];
        var idfs = ls.map(idf);
        var total = idfs.reduce(function (x, y) { return x + y; }, 0);
        if (ai === 0) own = total;
        if (!total) return;
        for (var d = 0; d < n; d++) {
          var sc = 0, got = 0;
          for (var k = 0; k < ls.length; k++) {
            var w = ls[k][d];
            if (w) { sc += idfs[k] * FIELD[w]; got += idfs[k]; }
          }
          if (ai > 0) sc *= SYNONYM_WEIGHT;
          if (sc > segScore[d]) { segScore[d] = sc; segFrac[d] = got / total; }
        }
      });
      var weight = s.stop ? STOP_WEIGHT : 1;
      for (var d = 0; d < n; d++) score[d] += weight * segScore[d];
      if (!s.stop) {
        // An alternative may be rarer than the words typed: count the segment by its own rarity.
        own = own || 1;
        mass += own;
        for (d = 0; d < n; d++) cover[d] += own * segFrac[d];
      }
    });
    for (var d = 0; d < n; d++) {
      if (!cover[d]) { score[d] = 0; continue; }
      score[d] *= 0.5 + 0.5 * (cover[d] / mass);
    }
    return score;
  };

  /** The query's topic segments, as texts that can be looked for in a section. */
  function topics(segs) {
    return segs.filter(function (s) { return !s.stop; }).map(function (s) {
      return s.alts.filter(function (a) { return !a.industry; }).map(function (a) { return a.text; });
    });
  }
  /**
   * Rewards, for a section whose text is loaded: the topic words side by side as typed
   * (×1.5), or all of them close together (×1.2). A word in the section's title, headings or
   * parent heading governs the whole section, so it is close to every word of the text.
   */
  function closeness(head, body, tops) {
    if (!tops.length) return 1;
    var joined = tops.map(function (t) { return t[0]; }).join("");
    if (tops.length > 1 && (head.indexOf(joined) >= 0 || body.indexOf(joined) >= 0)) return 1.5;
    var pos = [];
    for (var i = 0; i < tops.length; i++) {
      var inHead = tops[i].some(function (x) { return head.indexOf(x) >= 0; });
      var at = -1;
      for (var k = 0; k < tops[i].length && at < 0; k++) at = body.indexOf(tops[i][k]);
      if (at < 0 && !inHead) return 1;
      if (!inHead) pos.push(at);
    }
    if (pos.length < 2) return 1.2;
    var span = Math.max.apply(null, pos) - Math.min.apply(null, pos);
    return span <= 12 + 4 * joined.length ? 1.2 : 1;
  }

  /**
   * Results, best first, with how many there are in all and in each industry:
   * `{results, total, counts: {industry: n}}`. `options.industry` keeps one industry's.
   */
  Engine.prototype.query = async function (query, options) {
    var industry = options && options.industry;
    var m = await this.meta();
    var segs = parseQuery(String(query || "").slice(0, MAX_QUERY), m.foldMap, m.words);
    var empty = { results: [], total: 0, counts: {}, terms: segs };
    if (!segs.length) return empty;
    var self = this;
    var ranked = await Promise.all([self.rank(segs, m), self.memberships()]);
    var score = ranked[0], members = ranked[1];
    var best = 0;
    for (var d = 0; d < m.docs; d++) if (score[d] > best) best = score[d];
    if (!best) return empty;
    var kept = [];
    for (d = 0; d < m.docs; d++) if (score[d] >= KEEP * best) kept.push(d);
    // An industry's chip also shows the material for every industry (meta `general`).
    var general = (m.general && members[m.general]) || new Uint8Array(m.docs);
    var inIndustry = function (id) {
      var list = members[id] || new Uint8Array(m.docs);
      return function (x) { return list[x] || general[x]; };
    };
    var counts = {};
    Object.keys(members).forEach(function (id) {
      var has = inIndustry(id), c = 0;
      kept.forEach(function (x) { if (has(x)) c++; });
      counts[id] = c;
    });
    var total = kept.length;
    if (industry) kept = kept.filter(inIndustry(industry));
    kept.sort(function (a, b) { return score[b] - score[a] || a - b; });
    var top = kept.slice(0, MAX_RESULTS);
    var docs = await Promise.all(top.map(function (id) { return self.doc(id); }));
    var fold = m.foldMap;
    var tops = topics(segs);
    var results = docs.map(function (doc) {
      var head = normalize(doc.title + "\n" + doc.parent + "\n" + doc.heading, fold);
      return { doc: doc, score: score[doc.id] * closeness(head, normalize(doc.text, fold), tops) };
    });
    results.sort(function (a, b) { return b.score - a.score || a.doc.id - b.doc.id; });
    var all = results.map(function (r) { return r.doc; });
    // Sections of one page with the same heading are told apart by the heading above them.
    var seen = {};
    all.forEach(function (doc) {
      var t = doc.title + "\u0000" + doc.heading;
      seen[t] = (seen[t] || 0) + 1;
    });
    return {
      total: total,
      counts: counts,
      terms: segs,
      results: all.map(function (doc) {
        var twin = seen[doc.title + "\u0000" + doc.heading] > 1 && doc.parent;
        var title = doc.heading ? doc.title + " › " + (twin ? doc.parent + " › " : "") + doc.heading : doc.title;
        var sn = snippet(doc.text, segs, fold);
        return {
          url: doc.url,
          title: title,
          pageTitle: doc.title,
          heading: doc.heading,
          crumb: doc.crumb,
          snippet: sn.text,
          marks: sn.marks,
          titleMarks: marks(title, segs, fold),
        };
      }),
    };
  };
  /** Results only, best first (see `query`). */
  Engine.prototype.search = async function (query, options) {
    return (await this.query(query, options)).results;
  };

  /**
   * When nothing matches: headings that share the most characters with the query (pinyin
   * words by their first letters), best first, as `[{url, title}]`.
   */
  Engine.prototype.suggest = async function (query, max) {
    var m = await this.meta();
    var q = normalize(String(query || "").slice(0, MAX_QUERY), m.foldMap);
    var parts = [];
    runs(q).forEach(function (r) {
      if (r.cls === 0) {
        r.chars.forEach(function (c) {
          if (!parts.some(function (p) { return p.value === c; })) parts.push({ kind: "pre", value: c });
        });
      } else {
        // A mistyped pinyin word still shares its first letters with the right one.
        var w = r.chars.join("");
        parts.push({ kind: "pre", value: w.slice(0, Math.min(3, w.length)) });
      }
    });
    parts = parts.slice(0, 12);
    if (!parts.length) return [];
    var self = this;
    var lists = await Promise.all(parts.map(function (p) { return self.partPostings(p, m); }));
    var shared = new Uint8Array(m.docs);
    lists.forEach(function (l) {
      for (var d = 0; d < m.docs; d++) if (l[d] >= 3) shared[d]++;
    });
    var ids = [];
    for (var d = 0; d < m.docs; d++) if (shared[d]) ids.push(d);
    ids.sort(function (a, b) { return shared[b] - shared[a] || a - b; });
    var docs = await Promise.all(ids.slice(0, max || 5).map(function (id) { return self.doc(id); }));
    return docs.map(function (doc) {
      return { url: doc.url, title: doc.heading ? doc.title + " › " + doc.heading : doc.title };
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
      if (t.stop) return;
      (t.alts || [t]).forEach(function (a) {
        if (a.industry) return;
        out.push(a.text || a.phrase);
        a.parts.forEach(function (p) { out.push(p.value); });
      });
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
      if (t.stop) return false;
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
          // Packed files are bytes, one per character (meta.js is UTF-8, like the page).
          if (kind !== "m") s.charset = "windows-1252";
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
    // The panel's sentences in the handbook's language (SearchStrings in src/i18n.rs).
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
    function fmt(s, vals) {
      return String(s).replace(/\{(\w+)\}/g, function (all, k) { return k in vals ? vals[k] : all; });
    }
    function choose(id) {
      industry = id;
      filters.querySelectorAll("button").forEach(function (x) {
        x.setAttribute("aria-pressed", x.getAttribute("data-industry") === id ? "true" : "false");
      });
      run();
      box.focus();
    }
    var MANY_INDUSTRIES = 12;
    function buildFilters(m) {
      if (filters.childElementCount || !m.industries.length) return;
      var all = [["", t.all]].concat(m.industries);
      all.forEach(function (ind) {
        var b = el(doc, "button", "chip-filter");
        b.type = "button";
        b.setAttribute("data-industry", ind[0]);
        b.appendChild(el(doc, "span", "chip-name", ind[1]));
        b.appendChild(el(doc, "span", "chip-count"));
        b.setAttribute("aria-pressed", ind[0] === industry ? "true" : "false");
        b.addEventListener("click", function () { choose(ind[0]); });
        filters.appendChild(b);
      });
    }
    /**
     * Each chip's count of results for the current query (none shown while there is none).
     * A handbook with many industries shows only the chips that have results (and the chosen
     * one): a hundred chips would push the results out of the panel.
     */
    function showCounts(found) {
      var buttons = filters.querySelectorAll("button");
      var many = buttons.length > MANY_INDUSTRIES + 1;
      buttons.forEach(function (b) {
        var id = b.getAttribute("data-industry");
        var n = !found || !found.total ? null : id ? found.counts[id] || 0 : found.total;
        b.querySelector(".chip-count").textContent = n == null ? "" : String(n);
        b.hidden = many && id !== "" && id !== industry && n === 0;
      });
    }
    function nameOf(id) {
      var b = filters.querySelector("button[data-industry=\"" + (win.CSS && CSS.escape ? CSS.escape(id) : id) + "\"]");
      return b ? b.querySelector(".chip-name").textContent : id;
    }
    /**
     * One option of the list, linking to `url`; returns its link to fill. The link itself is
     * the option: an option may not contain a link (nested interactive content).
     */
    function option(cls, k, url) {
      var li = el(doc, "li", cls);
      li.setAttribute("role", "presentation");
      var a = el(doc, "a");
      a.id = "shouce-result-" + k;
      a.setAttribute("role", "option");
      a.setAttribute("aria-selected", "false");
      a.tabIndex = -1;
      a.href = siteRoot + url;
      li.appendChild(a);
      li.addEventListener("mousemove", function () { if (active !== k) setActive(k); });
      list.appendChild(li);
      return a;
    }
    function render(q, found) {
      var results = found.results;
      list.textContent = "";
      active = -1;
      box.removeAttribute("aria-activedescendant");
      results.forEach(function (r, k) {
        var a = option("search-result", k, r.url);
        a.appendChild(highlighted(doc, "span", "result-title", r.title, r.titleMarks));
        if (r.crumb) a.appendChild(el(doc, "span", "result-crumb", r.crumb));
        if (r.snippet) a.appendChild(highlighted(doc, "span", "result-snippet", r.snippet, r.marks));
      });
      showCounts(found);
      status.textContent = "";
      if (results.length) {
        var shown = industry ? found.counts[industry] || results.length : found.total;
        status.textContent = shown > results.length
          ? fmt(t.found_more, { n: shown, k: results.length })
          : fmt(t.found, { n: results.length });
      } else if (industry && found.total) {
        // The chip hides every result: say how many there are, one click away.
        status.appendChild(doc.createTextNode(fmt(t.none_here, { industry: nameOf(industry), q: q, n: found.total })));
        var all = el(doc, "button", "search-show-all", t.show_all);
        all.type = "button";
        all.addEventListener("click", function () { choose(""); });
        status.appendChild(all);
      } else {
        status.textContent = fmt(t.none, { q: q });
        suggestFor(q);
      }
    }
    /** When nothing matches: the headings closest to the query, as links. */
    function suggestFor(q) {
      var my = seq;
      engine.suggest(q, 5).then(function (rs) {
        if (my !== seq || !rs.length) return;
        status.appendChild(doc.createTextNode(" " + t.suggest));
        rs.forEach(function (r, k) {
          option("search-result search-suggestion", k, r.url).appendChild(el(doc, "span", "result-title", r.title));
        });
      }, function () {});
    }
    function run() {
      var q = box.value;
      var my = ++seq;
      if (!q.trim()) {
        list.textContent = "";
        status.textContent = "";
        showCounts(null);
        open(false);
        return;
      }
      open(true);
      status.textContent = t.loading;
      engine.meta().then(buildFilters);
      engine.query(q, { industry: industry }).then(function (found) {
        if (my === seq) render(q, found);
      }, function (e) {
        if (my === seq) status.textContent = t.error + e.message;
      });
    }
    box.addEventListener("focus", function () {
      engine.meta().then(buildFilters, function () {});
      // Every query counts results per industry: load that small file while the reader types.
      engine.memberships().catch(function () {});
      if (box.value.trim()) open(true);
    });
    box.addEventListener("input", function () {
      clearTimeout(timer);
      seq++; // results of an older query are stale from now on
      if (box.value.trim()) status.textContent = t.loading;
      timer = setTimeout(run, 120);
    });
    box.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") { e.preventDefault(); if (panel.hidden) run(); else setActive(active + 1); }
      else if (e.key === "ArrowUp") { e.preventDefault(); setActive(active - 1); }
      else if (e.key === "Enter") {
        var items = list.querySelectorAll("[role=option]");
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
    bytesOf: bytesOf,
    Engine: Engine,
    snippet: snippet,
    marks: marks,
    startUi: startUi,
  };
});
