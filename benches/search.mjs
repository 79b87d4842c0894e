// Search benchmark in headless Chromium over file://: first-query latency after focusing the
// box, and bytes of index data loaded per query.
//
//   node benches/search.mjs SITE_DIR [query …]
//
// Uses playwright-core from tests/browser/node_modules (npm ci there first) and Debian's
// Chromium (SHOUCE_CHROMIUM to use another). Prints figures; asserts nothing.
import { createRequire } from "node:module";
import { pathToFileURL, fileURLToPath } from "node:url";
import fs from "node:fs";
import path from "node:path";

const require = createRequire(path.join(path.dirname(fileURLToPath(import.meta.url)), "../tests/browser/package.json"));
const { chromium } = require("playwright-core");

const site = path.resolve(process.argv[2] || "public");
const queries = process.argv.length > 3 ? process.argv.slice(3) : ["客户 服务", "投诉 处理", "名片", "寄存须知", "握手五到", "保险 理赔 流程"];
const browser = await chromium.launch({
  executablePath: process.env.SHOUCE_CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
const searchDir = path.join(site, "_shouce", "search");
const total = fs.readdirSync(searchDir).reduce((n, f) => n + fs.statSync(path.join(searchDir, f)).size, 0);
console.log(`index: ${(total / 1e6).toFixed(1)} MB in ${fs.readdirSync(searchDir).length} files`);
const RUNS = Number(process.env.RUNS || 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
console.log(`query\tfirst ms (median of ${RUNS}, max)\tagain ms\tresults\tindex KB loaded (meta+postings+documents)\tfiles`);
for (const q of queries) {
  const firsts = [];
  let r;
  for (let run = 0; run < RUNS; run++) {
  // A fresh page per run: nothing cached, as for a reader who just opened the handbook.
  const page = await browser.newPage();
  await page.goto(pathToFileURL(path.join(site, "index.html")).href);
  r = await page.evaluate(async (q) => {
    const box = document.getElementById("shouce-search");
    const t0 = performance.now();
    box.focus();
    const res = await window.shouce.search(q);
    const first = performance.now() - t0;
    const t1 = performance.now();
    await window.shouce.search(q);
    const again = performance.now() - t1;
    const files = [...document.scripts].map((s) => s.src).filter((s) => s.includes("/_shouce/search/"));
    return { first, again, n: res.length, files };
  }, q);
  firsts.push(r.first);
  await page.close();
  }
  const size = (re) => r.files.filter((u) => re.test(u)).reduce((n, u) => n + fs.statSync(fileURLToPath(u)).size, 0) / 1024;
  const [m, p, d] = [size(/meta\.js$/), size(/\/p\d+\.js$/), size(/\/d\d+\.js$/)];
  console.log(`${q}\t${median(firsts).toFixed(0)} (${Math.max(...firsts).toFixed(0)})\t${r.again.toFixed(0)}\t${r.n}\t${(m + p + d).toFixed(0)} (${m.toFixed(0)}+${p.toFixed(0)}+${d.toFixed(0)})\t${r.files.length}`);
}
await browser.close();
