// Unit tests of the search core in themes/default/static/search.js, run with `node --test`
// (through `cargo test --test js`). The tokenizer is checked against the same vectors as the
// Rust tokenizer; ranking and snippets run on an index that the Rust code built.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

const core = require("../../themes/default/static/search.js");
const vectors = JSON.parse(fs.readFileSync(path.join(__dirname, "../search/vectors.json"), "utf8"));

test("tokenizer matches the shared vectors", () => {
  for (const c of vectors.cases) {
    const n = core.normalize(c.text, vectors.fold);
    assert.equal(n, c.normalized, `normalize ${JSON.stringify(c.text)}`);
    assert.deepEqual(core.tokens(n), c.tokens, `tokens of ${JSON.stringify(c.text)}`);
  }
});

test("hashes, shard keys and postings match the Rust encoder", () => {
  for (const [k, h] of Object.entries(vectors.fnv)) assert.equal(core.fnv1a(k), h, `fnv ${JSON.stringify(k)}`);
  for (const [t, k] of Object.entries(vectors.shard_keys)) assert.equal(core.shardKey(t), k);
  const w = core.decodePostings(Uint8Array.from(vectors.postings.bytes), new Uint8Array(2000));
  const pairs = [...w.entries()].filter(([, x]) => x > 0);
  assert.deepEqual(pairs, vectors.postings.pairs);
  // Packed files: one character per byte, as a browser reads them (windows-1252) or Node (latin1).
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  assert.deepEqual(core.bytesOf(new TextDecoder("windows-1252").decode(all)), all);
  assert.deepEqual(core.bytesOf(Buffer.from(all).toString("latin1")), all);
});

test("queries: segments, bigrams, single characters and word prefixes", () => {
  const fold = core.parseFold("須须");
  const q = core.parseQuery("握手五到", fold);
  assert.equal(q.length, 1);
  assert.deepEqual(q[0].parts.map((p) => p.value), ["握手", "手五", "五到"]);
  assert.equal(q[0].phrase, "握手五到");
  assert.deepEqual(core.parseQuery("寄存須知", fold)[0].phrase, "寄存须知");
  assert.deepEqual(core.parseQuery("茶", fold)[0].parts, [{ kind: "pre", value: "茶" }]);
  assert.deepEqual(core.parseQuery("名片 双手", fold).map((t) => t.phrase), ["名片", "双手"]);
  assert.deepEqual(core.parseQuery("cust", fold)[0].parts, [{ kind: "pre", value: "cust" }]);
  assert.deepEqual(core.parseQuery("cust ", fold)[0].parts, [{ kind: "tok", value: "cust" }]);
  assert.deepEqual(core.parseQuery("ＡＴＭ取款", fold).map((t) => t.parts), [[{ kind: "tok", value: "atm" }], [{ kind: "tok", value: "取款" }]]);
  assert.deepEqual(core.parseQuery("  ，。 ", fold), []);
});

test("stop words weigh little, never split a word, and stay when they are the whole query", () => {
  const list = ["要求", "规范", "注意", "什么", "怎么", "怎么办", "几个", "多少", "有", "要", "是", "的", "吗", "了"];
  const stop = new Set(list);
  stop.longest = 3;
  const words = { stop, syn: [], industries: [] };
  const segs = (q) => core.parseQuery(q, {}, words).map((s) => (s.stop ? "(" + s.text + ")" : s.text)).join(" ");
  assert.equal(segs("着装要求"), "着装 (要求)");
  assert.equal(segs("站姿规范"), "站姿 (规范)");
  assert.equal(segs("接电话要注意什么"), "接电话 (要注意什么)");
  assert.equal(segs("微笑有什么好处"), "微笑 (有什么) 好处");
  assert.equal(segs("外科组几个人"), "外科组 (几个) 人");
  assert.equal(segs("怎么微笑"), "(怎么) 微笑");
  // A one-character stop word inside a topic word is part of it.
  assert.equal(segs("重要客户"), "重要客户");
  assert.equal(segs("有效期"), "有效期");
  assert.equal(segs("男生能留胡子吗"), "男生能留胡子 (吗)");
  // Only stop words: searched as typed.
  assert.equal(segs("注意什么"), "注意什么");
  assert.equal(segs("要求"), "要求");
});

test("synonyms and industry names are alternatives of a segment", () => {
  const words = { stop: new Set(), syn: [["客户", "顾客", "客人"], ["沏茶", "倒茶"]], industries: [["banking", "银行业"]] };
  const [s] = core.parseQuery("客人投诉", {}, words);
  assert.deepEqual(s.alts.map((a) => a.text), ["客人投诉", "客户投诉", "顾客投诉"]);
  assert.deepEqual(core.parseQuery("沏茶", {}, words)[0].alts.map((a) => a.text), ["沏茶", "倒茶"]);
  const bank = core.parseQuery("银行", {}, words)[0];
  assert.deepEqual(bank.alts[1].parts, [{ kind: "ind", value: "banking" }]);
  assert.ok(core.parseQuery("banking", {}, words)[0].alts.some((a) => a.industry));
  assert.ok(!core.parseQuery("银行卡", {}, words)[0].alts.some((a) => a.industry));
});

test("snippets centre on the match and mark it; markup stays text", () => {
  const terms = core.parseQuery("五到", {});
  const long = "甲".repeat(80) + "做到“五到”。" + "乙".repeat(200);
  const s = core.snippet(long, terms, {});
  assert.ok(s.text.startsWith("…") && s.text.endsWith("…"));
  const [a, b] = s.marks[0];
  assert.equal(s.text.slice(a, b), "五到");
  const inj = core.snippet("写着 <b>粗体</b> 的文字", core.parseQuery("粗体", {}), {});
  assert.equal(inj.text, "写着 <b>粗体</b> 的文字");
  assert.equal(inj.text.slice(inj.marks[0][0], inj.marks[0][1]), "粗体");
  const trad = core.marks("寄存須知", core.parseQuery("须知", { 須: "须" }), { 須: "须" });
  assert.deepEqual(trad, [[2, 4]]);
});

/** An engine that reads the data files of a built site from disk. */
function engineFor(site) {
  const dir = path.join(site, "_shouce", "search");
  return new core.Engine((kind, id) => {
    const file = path.join(dir, (kind === "m" ? "meta" : kind + id) + ".js");
    let got;
    // meta.js is UTF-8; the packed files are one byte per character.
    vm.runInNewContext(fs.readFileSync(file, kind === "m" ? "utf8" : "latin1"), { shouceSearch: { add: (_k, _i, p) => { got = p; } } });
    return Promise.resolve(got);
  });
}

const site = process.env.SHOUCE_SITE_SEARCH;

test("ranking on the search fixture", { skip: !site && "SHOUCE_SITE_SEARCH not set" }, async () => {
  const e = engineFor(site);
  const urls = async (q, o) => (await e.search(q, o)).map((r) => r.url);

  assert.ok((await urls("名片"))[0].startsWith("01-etiquette/01-card.html"));
  // Traditional ⇄ Simplified both ways.
  assert.deepEqual((await urls("寄存须知"))[0], "02-hospital/01-storage.html");
  assert.deepEqual((await urls("轮椅"))[0], "02-hospital/01-storage.html#寄存範圍");
  // Exact phrase first, then the section with all parts apart, then sections with a part.
  const shake = await urls("握手五到");
  assert.deepEqual(shake.slice(0, 2), ["01-etiquette/04-summary.html#口诀", "01-etiquette/02-handshake.html#握手的要求"]);
  const partial = shake.indexOf("01-etiquette/02-handshake.html#握手的历史");
  assert.ok(partial < 0 || partial > 1, shake.join());
  // Sections with every word come first; a section with one of them still counts.
  assert.equal((await urls("名片 双手"))[0], "01-etiquette/01-card.html#递名片");
  // Words: full-width, prefixes of the word being typed.
  assert.equal((await urls("ＡＴＭ"))[0], "01-etiquette/03-vip.html");
  assert.equal((await urls("cust"))[0], "01-etiquette/03-vip.html");
  assert.equal((await urls("vip"))[0], "01-etiquette/03-vip.html");
  // One character.
  assert.ok((await urls("茶")).length === 0);
  assert.ok((await urls("桌")).includes("01-etiquette/01-card.html#接名片"));
  // No result, and industry filters.
  assert.deepEqual(await urls("火星"), []);
  assert.deepEqual(await urls("名片", { industry: "hospital" }), []);
  assert.ok((await urls("握手", { industry: "insurance" })).every((u) => u.startsWith("01-etiquette/02-handshake.html")));
  // Pinyin of titles and headings, full or initials, as typed without a Chinese input method.
  assert.ok((await urls("mingpian"))[0].startsWith("01-etiquette/01-card.html"));
  assert.ok((await urls("mp"))[0].startsWith("01-etiquette/01-card.html"));
  assert.equal((await urls("jicun"))[0], "02-hospital/01-storage.html");
  // …from any character of a heading, as its Chinese characters are found: 递名片, 寄存須知.
  const card = await urls("mingpian");
  assert.ok(card.includes("01-etiquette/01-card.html#递名片") && card.includes("01-etiquette/01-card.html#接名片"), card.join());
  assert.equal((await urls("xuzhi"))[0], "02-hospital/01-storage.html");
  assert.equal((await urls("xz"))[0], "02-hospital/01-storage.html");
  // Titles and headings weigh more than body text.
  assert.equal((await urls("历史"))[0], "01-etiquette/02-handshake.html#握手的历史");
});

test("markup in content comes back as plain text", { skip: !site && "SHOUCE_SITE_SEARCH not set" }, async () => {
  const e = engineFor(site);
  const [r] = await e.search("粗体");
  assert.equal(r.pageTitle, "安全<script>测试");
  assert.ok(r.snippet.includes("<b>粗体</b>"), r.snippet);
  const [s] = await e.search("script");
  assert.equal(s.url, "03-security/01-script.html");
});

test("bad input: long, punctuation, question words, emoji, mixed scripts, markup", { skip: !site && "SHOUCE_SITE_SEARCH not set" }, async () => {
  const e = engineFor(site);
  const inputs = ["名片握手".repeat(250), "，。！？、；：“”（）", "什么怎么办要求注意", "😀👍🏽🇨🇳", "ATM取款ａｔｍ名片mingpian", "<script>alert(1)</script>", "\u0000\u202e名片", " "];
  for (const q of inputs) {
    const found = await e.query(q);
    assert.ok(Array.isArray(found.results) && typeof found.total === "number", q);
    for (const r of found.results) assert.equal(typeof r.title, "string");
    const suggestions = await e.suggest(q, 5);
    assert.ok(Array.isArray(suggestions) && suggestions.length <= 5, q);
  }
  // A long query costs no more than its first 64 characters.
  const long = await e.query("名片握手".repeat(250));
  assert.ok(long.terms.reduce((n, t) => n + t.text.length, 0) <= 64);
  // Markup typed into the box is text to search for, and nothing of it runs.
  assert.equal((await e.search("<script>"))[0].url, "03-security/01-script.html");
});
