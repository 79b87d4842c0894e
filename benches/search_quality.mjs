// Search quality: shouce's own search and Pagefind judged on the same questions.
//
//   node benches/search_quality.mjs SITE_DIR [--pagefind PAGEFIND_EXE] [--pagefind-index article|body]
//                                   [--queries FILE]
//
// SITE_DIR is a built handbook (the seed: `shouce build --out SITE_DIR`). The questions are
// tests/search/handbook-queries.json, read at run time: {queries: [{who, q, expect}]}, `expect`
// a prefix, or an array of equally right prefixes, of the percent-decoded result url relative
// to the site root. A result matches when its decoded url starts with any of them.
//
// shouce: window.shouce.search(q) in headless Chromium over file://, results best first.
// Pagefind (only with --pagefind; use the extended build, which segments Chinese): a copy of
// the site indexed by it and served over http on 127.0.0.1, as its loader needs http.
// --pagefind-index article (default) marks shouce's content element data-pagefind-body, as
// Pagefind's docs advise for a real site; `body` indexes every page's whole <body> as is.
//
// Uses playwright-core from tests/browser/node_modules (npm ci there first) and Debian's
// Chromium (SHOUCE_CHROMIUM to use another). Prints figures and asserts nothing: it exits 0
// however poor the results, and 2 when Chromium or Pagefind cannot be run.
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";

const ROOT = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const TOP = 10; // results judged per question; MRR counts ranks 1..TOP
const UI_SUBS = 3; // sub results Pagefind's default UI nests under a page

function die(msg) {
  console.error(`search_quality: ${msg}`);
  process.exit(2);
}

// ---- arguments and questions ----

const argv = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = argv.indexOf(name);
  if (i < 0) return dflt;
  if (i + 1 >= argv.length) die(`${name} needs a value`);
  return argv.splice(i, 2)[1];
};
const pagefindExe = opt("--pagefind", null);
const pagefindIndex = opt("--pagefind-index", "article");
const queriesFile = path.resolve(opt("--queries", path.join(ROOT, "tests/search/handbook-queries.json")));
if (!["article", "body"].includes(pagefindIndex)) die("--pagefind-index takes article or body");
if (argv.length !== 1 || argv[0].startsWith("--")) {
  die("usage: node benches/search_quality.mjs SITE_DIR [--pagefind EXE] [--pagefind-index article|body] [--queries FILE]");
}
const site = path.resolve(argv[0]);
if (!fs.existsSync(path.join(site, "index.html"))) die(`${site}/index.html not found: build the handbook first`);

const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8")).queries.map((x) => ({
  who: x.who ?? "",
  q: x.q,
  expect: [].concat(x.expect),
}));
if (!queries.length) die(`no questions in ${queriesFile}`);

/** 1-based rank of the first url starting with an expected prefix among the first TOP, else 0. */
const rankOf = (urls, expect) => urls.slice(0, TOP).findIndex((u) => expect.some((p) => u.startsWith(p))) + 1;

// ---- Pagefind index (before the browser, so that a failure stops the run early) ----

/** Copies the site to a temporary folder and indexes it there. */
function indexWithPagefind() {
  const v = spawnSync(pagefindExe, ["--version"], { encoding: "utf8" });
  if (v.error || v.status !== 0) die(`cannot run Pagefind (${pagefindExe}): ${v.error?.message || v.stderr || `exit ${v.status}`}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "shouce-pagefind-"));
  fs.cpSync(site, dir, { recursive: true });
  if (pagefindIndex === "article") {
    // Without it Pagefind indexes the menu, table of contents and prev/next links of every
    // page as its text, and the print binders, which repeat every chapter; shouce's own index
    // has neither. Pages without the mark (the binders) are then left out.
    for (const f of fs.readdirSync(dir, { recursive: true })) {
      if (!f.endsWith(".html")) continue;
      const p = path.join(dir, f);
      const html = fs.readFileSync(p, "utf8");
      const marked = html.replace(/<article class="page\b/, '<article data-pagefind-body class="page');
      if (marked !== html) fs.writeFileSync(p, marked);
    }
  }
  // The language is detected from <html lang="zh-CN"> (--force-language zh changes nothing);
  // --keep-index-url keeps index.html in urls, as shouce's have it.
  const r = spawnSync(pagefindExe, ["--site", dir, "--keep-index-url"], { encoding: "utf8" });
  if (r.error || r.status !== 0) {
    fs.rmSync(dir, { recursive: true, force: true });
    die(`Pagefind failed (${pagefindExe}): ${r.error?.message || r.stdout + r.stderr}`);
  }
  const count = (what) => new RegExp(`Indexed (\\d+) ${what}`).exec(r.stdout)?.[1] ?? "?";
  return { dir, version: v.stdout.trim(), pages: count("pages"), words: count("words") };
}

const pagefind = pagefindExe ? indexWithPagefind() : null;

// ---- browser ----

const require = createRequire(path.join(ROOT, "tests/browser/package.json"));
let chromium;
try {
  ({ chromium } = require("playwright-core"));
} catch (e) {
  die(`playwright-core is missing: run \`npm ci\` in tests/browser (${e.message})`);
}
const executablePath = process.env.SHOUCE_CHROMIUM || "/usr/bin/chromium";
let browser;
try {
  browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  });
} catch (e) {
  if (pagefind) fs.rmSync(pagefind.dir, { recursive: true, force: true });
  die(`cannot start Chromium (${executablePath}; SHOUCE_CHROMIUM to use another): ${e.message.split("\n")[0]}`);
}

/**
 * Runs every question through `search` inside `page`: a page-side async function of q that
 * returns {urls, ms, …}, urls decoded and best first, ms the time it took in the page. One
 * untimed warm-up query goes first, so that the times are of a loaded engine.
 */
async function runAll(page, search) {
  await page.evaluate(search, queries[0].q);
  const out = [];
  for (const { q } of queries) out.push(await page.evaluate(search, q));
  return out;
}

const judged = (runs, expectOf = (i) => queries[i].expect) =>
  runs.map((r, i) => ({ ...r, expect: expectOf(i), rank: rankOf(r.urls, expectOf(i)) }));

async function judgeShouce() {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(site, "index.html")).href);
  await page.waitForFunction(() => window.shouce?.search, null, { timeout: 10000 });
  const runs = await runAll(page, async (q) => {
    const t0 = performance.now();
    const rs = await window.shouce.search(q);
    const ms = performance.now() - t0;
    const dec = (u) => { try { return decodeURIComponent(u); } catch { return u; } };
    return { urls: rs.slice(0, 10).map((r) => dec(r.url)), ms };
  });
  await page.close();
  return [{ name: "shouce", rule: "sections, best first", runs: judged(runs) }];
}

/** A static file server for `dir` on 127.0.0.1, on a port the system picks. */
async function serve(dir) {
  const types = { ".html": "text/html; charset=utf-8", ".js": "text/javascript", ".css": "text/css", ".json": "application/json" };
  const server = http.createServer((req, res) => {
    // normalize() of an absolute path cannot climb above it: no way out of dir.
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)));
    fs.readFile(file, (err, body) => {
      if (err) res.writeHead(404).end();
      else res.writeHead(200, { "content-type": types[path.extname(file)] || "application/octet-stream" }).end(body);
    });
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  return server;
}

async function judgePagefind() {
  const server = await serve(pagefind.dir);
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${server.address().port}/index.html`);
    await page.evaluate(async () => {
      window.pf = await import("/pagefind/pagefind.js");
      await window.pf.init?.();
    });
    const runs = await runAll(page, async (q) => {
      const t0 = performance.now();
      const s = await window.pf.search(q);
      const pages = await Promise.all(s.results.slice(0, 10).map((r) => r.data()));
      const ms = performance.now() - t0;
      const dec = (u) => { try { return decodeURIComponent(u).replace(/^\//, ""); } catch { return u.replace(/^\//, ""); } };
      // Sections in the order Pagefind's default UI (showSubResults: true, pagefind-ui.js
      // 1.5) lists them: pages best first; under each, its sub results, except a first one
      // that is the page itself (the text before the first heading), which the page title
      // stands for; of more than 3, the 3 with most hits, kept in page order. A page with
      // none of these is one entry, its own url. (Taking simply the first 3 sub results
      // scores Pagefind a little lower.)
      const urls = [];
      for (const d of pages) {
        const own = d.meta?.url || d.url;
        let subs = d.sub_results || [];
        if (subs[0]?.url === own) subs = subs.slice(1);
        if (subs.length > 3) {
          const most = new Set([...subs].sort((a, b) => b.locations.length - a.locations.length).slice(0, 3).map((x) => x.url));
          subs = subs.filter((x) => most.has(x.url));
        }
        urls.push(...(subs.length ? subs.map((x) => dec(x.url)) : [dec(own)]));
      }
      return { urls, pageUrls: pages.map((d) => dec(d.meta?.url || d.url)), ms };
    });
    await page.close();
    // Page level: the page results alone, against the expected pages (the prefixes up to '#').
    const pageRuns = runs.map((r) => ({ urls: r.pageUrls, ms: r.ms }));
    const expectedPages = (i) => [...new Set(queries[i].expect.map((p) => p.split("#")[0]))];
    return [
      { name: "pagefind", rule: `sections as its UI lists them (≤${UI_SUBS} a page)`, runs: judged(runs) },
      { name: "pagefind pages", rule: "pages, expected page only", runs: judged(pageRuns, expectedPages) },
    ];
  } finally {
    server.close();
  }
}

const engines = [];
try {
  engines.push(...(await judgeShouce()));
  if (pagefind) engines.push(...(await judgePagefind()));
} catch (e) {
  die(`a search failed in Chromium: ${e.message.split("\n")[0]}`);
} finally {
  await browser.close();
  if (pagefind) fs.rmSync(pagefind.dir, { recursive: true, force: true });
}

// ---- report ----

const pct = (x) => `${(100 * x).toFixed(0)}%`.padStart(5);
console.log(`${queries.length} questions from ${path.relative(process.cwd(), queriesFile)}; site ${site}`);
console.log(`a result matches when its percent-decoded url (relative to the site root) starts with an expected prefix; MRR over the first ${TOP}`);
if (pagefind) {
  const how = pagefindIndex === "article"
    ? "data-pagefind-body on <article class=page>: content only, print binders left out"
    : "whole <body> of every page, print binders included";
  console.log(`Pagefind ${pagefind.version}: ${pagefind.pages} pages, ${pagefind.words} words indexed (${how}), served over http://127.0.0.1`);
  console.log(`  "pagefind" ranks sections as its default UI lists them: pages best first, under each up to ${UI_SUBS} sub results`);
  console.log(`  (the ${UI_SUBS} with most hits, in page order, the page's own top excluded; the page itself when it has none).`);
  console.log(`  "pagefind pages" ranks its page results alone against the expected page (the prefix up to '#'): coarser, easier.`);
  console.log(`  Pagefind's time is search() plus data() of the first 10 pages.`);
}
console.log(`ms: each question once, in the page, after one untimed warm-up query\n`);
const w = Math.max(...engines.map((e) => e.name.length));
console.log(`${"engine".padEnd(w)}  top-1  top-3    MRR  median ms  max ms  ranked as`);
for (const e of engines) {
  const ranks = e.runs.map((r) => r.rank);
  const ms = e.runs.map((r) => r.ms).sort((a, b) => a - b);
  const n = ranks.length;
  const share = (ok) => pct(ranks.filter(ok).length / n);
  const mrr = ranks.reduce((s, r) => s + (r ? 1 / r : 0), 0) / n;
  console.log(
    `${e.name.padEnd(w)}  ${share((r) => r === 1)}  ${share((r) => r && r <= 3)}  ${mrr.toFixed(3).padStart(5)}` +
      `  ${ms[n >> 1].toFixed(1).padStart(9)}  ${ms[n - 1].toFixed(1).padStart(6)}  ${e.rule}`,
  );
}
for (const e of engines) {
  const misses = e.runs.map((r, i) => ({ ...queries[i], ...r })).filter((r) => !r.rank || r.rank > 3);
  console.log(`\nmisses of ${e.name} (not in the top 3): ${misses.length}`);
  for (const m of misses) {
    const at = m.rank ? ` (rank ${m.rank})` : "";
    console.log(`  ${m.who}  ${m.q}  → expected ${m.expect.join(" or ")}${at} … got ${m.urls.slice(0, 3).join("  |  ") || "(nothing)"}`);
  }
}
