// The built site works when opened from a folder: navigation, links, blocks, phone layout.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import { launch, openPage, siteUrl, screenshot } from "./helpers.mjs";

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test("home → industry index → page over file://, no failed requests", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "index.html"));
  assert.equal(await page.locator("h1").first().textContent(), "测试手册");
  await page.locator(".cards a", { hasText: "保险业" }).click();
  await page.waitForURL(/industry\/insurance\/index\.html$/);
  assert.equal(await page.locator("main h1").textContent(), "保险业");
  await page.locator("main .entry-list a", { hasText: "退保咨询" }).click();
  await page.waitForURL(/02-cases\/01-refund\.html$/);
  assert.equal(await page.locator("main h1").textContent(), "退保咨询");
  assert.equal(await page.locator(".sidebar [aria-current=page]").textContent(), "退保咨询");
  // The image from content/ loaded.
  const imgOk = await page.locator("main img").evaluate((img) => img.complete && img.naturalWidth > 0);
  assert.ok(imgOk, "content image must load over file://");
  // Links inside content lead to real pages with the anchor.
  await page.locator("main .content a", { hasText: "名片" }).click();
  await page.waitForURL(/01-card\.html#/);
  assert.equal(await page.locator("main h1").textContent(), "名片");
  assert.deepEqual(problems, []);
  await context.close();
});

test("answer blocks are folded on screen and open for printing", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "02-cases/01-refund.html"));
  const answer = page.locator("details.block-answer");
  assert.equal(await answer.getAttribute("open"), null);
  assert.equal(await page.locator("details.block-answer .block-body p").isVisible(), false);
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  assert.equal(await answer.getAttribute("open"), "");
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  assert.equal(await answer.getAttribute("open"), null);
  // Do/don't pairs sit side by side on screen.
  const [ok, bad] = await Promise.all([
    page.locator("table.dodont td.ok").boundingBox(),
    page.locator("table.dodont td.bad").boundingBox(),
  ]);
  assert.ok(Math.abs(ok.y - bad.y) < 2 && bad.x > ok.x, "correct and wrong phrases side by side");
  // The raw <script> in content ran (raw HTML is kept), proving nothing was escaped away.
  assert.equal(await page.title(), "raw html kept");
  await screenshot(page, "basic-blocks.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("print CSS hides navigation only in print", async () => {
  const { page, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "01-etiquette/01-card.html"));
  assert.equal(await page.locator(".sidebar").isVisible(), true);
  assert.equal(await page.locator(".prevnext").isVisible(), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".sidebar").isVisible(), false);
  assert.equal(await page.locator(".prevnext").isVisible(), false);
  assert.equal(await page.locator("main h1").isVisible(), true);
  await page.emulateMedia({ media: "screen" });
  assert.equal(await page.locator(".sidebar").isVisible(), true);
  await context.close();
});

test("phone layout: the contents menu opens and closes", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "01-etiquette/01-card.html"));
  assert.equal(await page.locator(".sidebar").isVisible(), false);
  await page.locator(".menu-toggle").click();
  assert.equal(await page.locator(".sidebar").isVisible(), true);
  assert.equal(await page.locator(".menu-toggle").getAttribute("aria-expanded"), "true");
  await page.keyboard.press("Escape");
  assert.equal(await page.locator(".sidebar").isVisible(), false);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
  assert.equal(overflow, false, "no sideways scrolling on a phone");
  await screenshot(page, "basic-phone.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("the seed handbook: every page reachable from home opens without errors", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  // Binders (print*.html) are documents of their own, tested below.
  const links = (await page.locator("main a").evaluateAll((as) => as.map((a) => a.href))).filter((h) => !/\/print[^/]*\.html$/.test(h));
  assert.ok(links.length > 30, `home links to the handbook (${links.length})`);
  for (const href of links) {
    await page.goto(href);
    assert.ok((await page.locator("main h1").count()) === 1, `${href} has one title`);
  }
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  await screenshot(page, "handbook-home.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("binders: linked from home and industry pages, print layout only in print", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "industry/insurance/index.html"));
  await page.locator(".print-link a").click();
  await page.waitForURL(/print-insurance\.html$/);
  assert.equal(await page.locator(".cover-title").textContent(), "保险业");
  assert.ok((await page.locator(".binder-entry").count()) > 10);
  // Every table-of-contents entry links to a section of this document.
  const targets = await page.locator(".binder-toc a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  for (const t of targets) assert.equal(await page.locator(t.replace(/^#/, "#")).count(), 1, t);
  // On screen: a toolbar and sheets; in print: no toolbar, each entry on a new sheet.
  assert.equal(await page.locator(".binder-toolbar").isVisible(), true);
  const screenBreak = await page.locator(".binder-entry").first().evaluate((e) => getComputedStyle(e).breakBefore);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".binder-toolbar").isVisible(), false);
  assert.equal(await page.locator(".binder-entry").first().evaluate((e) => getComputedStyle(e).breakBefore), "page");
  await page.emulateMedia({ media: "screen" });
  assert.notEqual(screenBreak, "page");
  await screenshot(page, "binder-screen.png");
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  assert.equal(await page.locator(".print-link a").getAttribute("href"), "print.html");
  assert.deepEqual(problems, []);
  await context.close();
});

test("binders print practice answers in full", async () => {
  const { page, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "print.html"));
  assert.equal(await page.locator("details.block-answer").getAttribute("open"), "");
  assert.equal(await page.locator("details.block-answer .block-body p").isVisible(), true);
  // A link between two pages points inside the binder.
  const href = await page.locator(".binder-entry a", { hasText: "坐姿" }).first().getAttribute("href");
  assert.match(href, /^#p\d+-/);
  assert.equal(await page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`).count(), 1);
  await context.close();
});

test("an industry binder's links to pages it does not contain land on a list of them", async () => {
  const { page, problems, context } = await openPage(browser);
  for (const binder of ["print.html", "print-bank.html", "print-insurance.html"]) {
    await page.goto(siteUrl("SHOUCE_SITE_BASIC", binder));
    // Every link inside the document has a target in it.
    const hrefs = await page.locator('a[href^="#"]').evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    for (const h of hrefs) {
      assert.equal(await page.locator(`[id="${decodeURIComponent(h.slice(1))}"]`).count(), 1, `${binder} ${h}`);
    }
  }
  // 坐姿 is not an insurance page: its link lands on the list at the end, which links to the site.
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "print-insurance.html"));
  assert.equal(await page.locator(".binder-entry h1, .binder-entry h2", { hasText: /^坐姿$/ }).count(), 0);
  const href = await page.locator(".binder-entry a", { hasText: "坐姿" }).first().getAttribute("href");
  const target = page.locator(`[id="${decodeURIComponent(href.slice(1))}"]`);
  assert.equal(await target.evaluate((e) => e.closest(".binder-missing") !== null), true);
  await page.locator(".binder-missing a", { hasText: "坐姿" }).click();
  await page.waitForURL(/02-posture\.html$/);
  assert.equal(await page.locator("h1").first().textContent(), "坐姿");
  assert.deepEqual(problems, []);
  await context.close();
});

const AXE = fs.readFileSync(path.join(import.meta.dirname, "node_modules/axe-core/axe.min.js"), "utf8");

test("axe-core: no serious or critical violation on any page type, light and dark, desktop and phone", async () => {
  const pages = [
    "index.html",
    "industry/banking/index.html",
    "03-etiquette/index.html",
    "03-etiquette/03-conduct.html",
    "02-counter-service/03-skills.html",
    "print-insurance.html",
  ];
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [1280, 390]) {
      for (const rel of pages) {
        const { page, context } = await openPage(browser, { colorScheme, viewport: { width, height: 800 } });
        await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", rel));
        if (rel === "index.html") {
          // The search panel open with results, chips and highlights.
          await page.fill("#shouce-search", "名片");
          await page.locator(".search-result").first().waitFor();
        }
        await page.addScriptTag({ content: AXE });
        const violations = await page.evaluate(async () =>
          (await window.axe.run(document, { resultTypes: ["violations"] })).violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
        for (const v of violations) found.push(`${colorScheme} ${width}px ${rel}: ${v}`);
        await context.close();
      }
    }
  }
  assert.deepEqual(found, []);
});
