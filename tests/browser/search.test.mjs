// The search box, over file://: typing, results, keyboard, filters, `/`, the automation hook,
// HTML injection, and 20 questions a counter clerk or a nurse would ask of the seed handbook.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, siteUrl, screenshot } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function results(page) {
  await page.waitForFunction(() => {
    const s = document.querySelector(".search-status");
    return s && s.textContent && !/正在搜索/.test(s.textContent);
  });
  return page.locator(".search-result a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
}

test("type, see highlighted section results, open one with the keyboard", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_SEARCH", "01-etiquette/03-vip.html"));
  // Nothing of the index is loaded before the box is used.
  const loaded = await page.evaluate(() => [...document.scripts].filter((s) => /\/search\/(meta|p\d|d\d)/.test(s.src)).length);
  assert.equal(loaded, 0);
  await page.keyboard.press("/");
  assert.equal(await page.evaluate(() => document.activeElement.id), "shouce-search");
  await page.keyboard.type("握手五到");
  const hrefs = await results(page);
  assert.ok(hrefs[0].endsWith("01-etiquette/04-summary.html#口诀"), hrefs.join());
  assert.ok(hrefs[1].endsWith("01-etiquette/02-handshake.html#握手的要求"), hrefs.join());
  assert.ok((await page.locator(".search-result mark").count()) > 0, "matches are highlighted");
  assert.equal(await page.locator(".result-crumb").first().textContent(), "银行业 · 礼仪");
  await screenshot(page, "search-fixture.png");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  assert.equal(await page.locator("[aria-selected=true] .result-title").textContent(), "握手 › 握手的要求");
  await page.keyboard.press("Enter");
  await page.waitForURL(/02-handshake\.html#/);
  assert.equal(await page.locator("main h1").textContent(), "握手");
  assert.deepEqual(problems, []);
  await context.close();
});

test("Simplified finds Traditional; filters; no result; Escape closes", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_SEARCH", "index.html"));
  await page.fill("#shouce-search", "寄存须知");
  let hrefs = await results(page);
  assert.ok(hrefs[0].endsWith("02-hospital/01-storage.html"), hrefs.join());
  await page.fill("#shouce-search", "名片");
  hrefs = await results(page);
  assert.ok(hrefs.length >= 2);
  // Each chip counts its results; a chip that hides them all says how many there are.
  const total = hrefs.length;
  assert.equal(await page.locator(".chip-filter", { hasText: "全部" }).locator(".chip-count").textContent(), String(total));
  assert.equal(await page.locator(".chip-filter", { hasText: "医院" }).locator(".chip-count").textContent(), "0");
  await page.locator(".chip-filter", { hasText: "医院" }).click();
  hrefs = await results(page);
  assert.equal(hrefs.length, 0);
  assert.match(await page.locator(".search-status").textContent(), new RegExp(`“医院”里没有“名片”，全部行业共有 ${total} 条结果`));
  await page.locator(".search-show-all").click();
  hrefs = await results(page);
  assert.equal(hrefs.length, total);
  assert.equal(await page.locator(".chip-filter", { hasText: "全部" }).getAttribute("aria-pressed"), "true");
  // Nothing at all: the closest headings, by shared characters.
  await page.fill("#shouce-search", "递茶");
  await page.locator(".search-suggestion").first().waitFor();
  assert.match(await page.locator(".search-status").textContent(), /没有找到“递茶”。 相近的标题：/);
  assert.ok((await page.locator(".search-suggestion a").first().getAttribute("href")).includes("01-card.html#递名片"));
  // The filter is remembered while typing.
  await page.locator(".chip-filter", { hasText: "医院" }).click();
  await page.fill("#shouce-search", "轮椅");
  hrefs = await results(page);
  assert.ok(hrefs[0].endsWith("02-hospital/01-storage.html#寄存範圍"), hrefs.join());
  await page.keyboard.press("Escape");
  assert.equal(await page.locator("#shouce-search-panel").isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test("markup in content and titles is shown as text, never run", async () => {
  const { page, problems, context } = await openPage(browser);
  page.on("dialog", (d) => { problems.push("dialog: " + d.message()); d.dismiss(); });
  await page.goto(siteUrl("SHOUCE_SITE_SEARCH", "index.html"));
  await page.fill("#shouce-search", "粗体");
  await results(page);
  const panel = page.locator("#shouce-search-panel");
  assert.equal(await panel.locator("b, img, script").count(), 0);
  assert.match(await panel.locator(".result-title").first().textContent(), /安全<script>测试/);
  assert.match(await panel.locator(".result-snippet").first().textContent(), /<b>粗体<\/b>/);
  await page.fill("#shouce-search", "<img src=x onerror=alert(1)>");
  await results(page);
  assert.equal(await panel.locator("img").count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("window.shouce.search: url relative to the site root, best first", async () => {
  const { page, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_SEARCH", "01-etiquette/01-card.html"));
  const r = await page.evaluate(() => window.shouce.search("寄存须知"));
  assert.deepEqual(Object.keys(r[0]).sort(), ["snippet", "title", "url"]);
  assert.equal(r[0].url, "02-hospital/01-storage.html");
  assert.equal(r[0].title, "寄存須知");
  assert.deepEqual(await page.evaluate(() => window.shouce.search("火星")), []);
  await context.close();
});

const queries = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "../search/handbook-queries.json"), "utf8"));

test(`the seed handbook answers ${queries.queries.length} front-line questions in the top 3`, async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  const misses = [];
  const timings = [];
  let top1 = 0, top3 = 0, rr = 0;
  for (const { q, expect, who } of queries.queries) {
    const t0 = Date.now();
    const r = await page.evaluate((q) => window.shouce.search(q), q);
    timings.push(Date.now() - t0);
    const prefixes = [].concat(expect);
    const urls = r.map((x) => decodeURIComponent(x.url));
    const rank = urls.findIndex((u) => prefixes.some((p) => u.startsWith(p))) + 1;
    if (rank === 1) top1++;
    if (rank >= 1 && rank <= 3) top3++;
    if (rank) rr += 1 / rank;
    if (!(rank >= 1 && rank <= 3)) misses.push(`${who}: "${q}" → expected ${prefixes.join(" or ")}, got ${urls.slice(0, 3).join(" | ") || "nothing"}`);
  }
  const n = queries.queries.length;
  const pct = (x) => `${((100 * x) / n).toFixed(1)} %`;
  timings.sort((a, b) => a - b);
  console.log(`handbook queries: ${n}; top-1 ${pct(top1)}, top-3 ${pct(top3)}, MRR ${(rr / n).toFixed(3)}; median ${timings[n >> 1]} ms, max ${timings[n - 1]} ms`);
  for (const m of misses) console.log(`  not in the top 3: ${m}`);
  // The bar of issue 16: 95 % of the questions answered in the top 3.
  assert.ok(top3 >= 0.95 * n, `top-3 ${pct(top3)} is below 95 %:\n${misses.join("\n")}`);
  await page.fill("#shouce-search", "名片");
  await results(page);
  await screenshot(page, "search-handbook.png");
  assert.deepEqual(problems, []);
  await context.close();
});
