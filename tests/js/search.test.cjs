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
  const text = new TextDecoder().decode(core.fromBase91(vectors.base91.encoded, 6));
  assert.equal(text, vectors.base91.text);
});

test("queries: terms, bigrams, single characters and word prefixes", () => {
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
  assert.deepEqual(core.parseQuery("ＡＴＭ取款", fold)[0].parts, [{ kind: "tok", value: "atm" }, { kind: "tok", value: "取款" }]);
  assert.deepEqual(core.parseQuery("  ，。 ", fold), []);
  // Question words around the subject are dropped, unless nothing else is left.
  assert.deepEqual(core.parseQuery("怎么微笑", fold)[0].parts.map((p) => p.value), ["微笑"]);
  assert.deepEqual(core.parseQuery("投诉怎么办", fold)[0].parts.map((p) => p.value), ["投诉"]);
  assert.deepEqual(core.parseQuery("什么", fold)[0].parts.map((p) => p.value), ["什么"]);
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
    vm.runInNewContext(fs.readFileSync(file, "utf8"), { shouceSearch: { add: (_k, _i, p) => { got = p; } } });
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
  // Exact phrase first, then the section with all parts apart; a section with one part is out.
  const shake = await urls("握手五到");
  assert.deepEqual(shake.slice(0, 2), ["01-etiquette/04-summary.html#口诀", "01-etiquette/02-handshake.html#握手的要求"]);
  assert.ok(!shake.includes("01-etiquette/02-handshake.html#握手的历史"), shake.join());
  // Several words mean AND.
  assert.deepEqual(await urls("名片 双手"), ["01-etiquette/01-card.html#递名片"]);
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
