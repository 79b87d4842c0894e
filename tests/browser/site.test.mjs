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

const VECTORS = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "..", "reading", "vectors.json"), "utf8")).vectors;

/** What `main` shows for each vector's text once added to the page (new text follows the choice). */
async function shownVectors(page, to) {
  return page.evaluate((texts) => {
    const box = document.createElement("div");
    document.querySelector("main").appendChild(box);
    for (const t of texts) {
      const p = document.createElement("p");
      p.textContent = t;
      box.appendChild(p);
    }
    return new Promise((resolve) => setTimeout(() => {
      const shown = [...box.children].map((p) => p.textContent);
      box.remove();
      resolve(shown);
    }, 50));
  }, VECTORS.filter((v) => v.to === to).map((v) => v.text));
}

test("简/繁: the hospital regulation in Simplified, the etiquette chapter in Traditional, remembered over file://", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "04-hospital/07-storage.html"));
  const original = await page.locator("main").innerText();
  assert.match(original, /客服中心免費為您在醫院看病/);
  await page.locator(".in-topbar [data-script=hans]").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
  assert.match(await page.locator("main").innerText(), /客服中心免费为您在医院看病/);
  assert.equal(await page.locator("main h1").textContent(), "寄存须知");
  assert.match(await page.title(), /寄存须知/);
  assert.equal(await page.locator(".in-topbar [data-script=hans]").getAttribute("aria-pressed"), "true");
  assert.deepEqual(await shownVectors(page, "hans"), VECTORS.filter((v) => v.to === "hans").map((v) => v.expect));
  // Search results follow the choice.
  await page.fill("#shouce-search", "寄存");
  await page.locator(".search-result").first().waitFor();
  await page.waitForTimeout(100);
  const results = await page.locator(".search-results").innerText();
  assert.match(results, /寄存须知/);
  assert.doesNotMatch(results, /須知|醫院/);
  await screenshot(page, "reading-hans.png");

  // Another page opens in the same choice; 繁 turns the Simplified etiquette chapter Traditional.
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "03-etiquette/01-behaviour.html"));
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
  const etiquette = await page.evaluate(() => {
    // The original text, read before 繁 (the page is in 简, its own script: unchanged).
    return document.querySelector("main h1").textContent;
  });
  assert.equal(etiquette, "第一章 客户服务行为礼仪标准化");
  await page.locator(".in-topbar [data-script=hant]").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hant");
  assert.equal(await page.locator("main h1").textContent(), "第一章 客戶服務行為禮儀標準化");
  assert.match(await page.locator(".sidebar").innerText(), /醫院客服中心管理制度/);
  assert.deepEqual(await shownVectors(page, "hant"), VECTORS.filter((v) => v.to === "hant").map((v) => v.expect));
  await screenshot(page, "reading-hant.png");

  // Pressing the chosen script again restores the page exactly: never a conversion of a conversion.
  await page.locator(".in-topbar [data-script=hant]").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-CN");
  assert.equal(await page.locator("main h1").textContent(), "第一章 客户服务行为礼仪标准化");
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "04-hospital/07-storage.html"));
  assert.equal(await page.locator("main").innerText(), original);
  for (const script of ["hans", "hant", "hans", "hant"]) {
    await page.locator(`.in-topbar [data-script=${script}]`).click();
    await page.waitForFunction((s) => document.documentElement.lang === (s === "hans" ? "zh-Hans" : "zh-Hant"), script);
  }
  assert.match(await page.locator("main").innerText(), /客服中心免費為您在醫院看病/);
  await page.locator(".in-topbar [data-script=hant]").click();
  assert.equal(await page.locator("main").innerText(), original);

  // Print follows the current choice: the binder opens in it.
  await page.locator(".in-topbar [data-script=hans]").click();
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "print-hospital.html"));
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
  await page.emulateMedia({ media: "print" });
  assert.match(await page.locator(".binder-body").innerText(), /客服中心免费为您在医院看病/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("简/繁 with storage disabled: works for the page, says nothing", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } });
  });
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "04-hospital/07-storage.html"));
  await page.locator(".in-topbar [data-script=hans]").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
  assert.equal(await page.locator("main h1").textContent(), "寄存须知");
  await page.locator(".in-topbar [data-size='1']").click();
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontSize), "18px");
  assert.deepEqual(problems, []);
  await context.close();
});

test("phone: the 简/繁 switch and text size are in the 目录 drawer", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "04-hospital/07-storage.html"));
  assert.equal(await page.locator(".in-topbar").isVisible(), false);
  await page.locator(".menu-toggle").click();
  await page.locator(".in-drawer [data-script=hans]").click();
  await page.waitForFunction(() => document.documentElement.lang === "zh-Hans");
  assert.equal(await page.locator(".in-drawer [data-script=hans]").getAttribute("aria-pressed"), "true");
  await screenshot(page, "reading-phone.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("text size: A+ and A− scale the page, are remembered, and stop at the ends", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "03-etiquette/02-appearance.html"));
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
  assert.equal(await size(), 16);
  const h1 = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main h1")).fontSize));
  await page.locator(".in-topbar [data-size='1']").click();
  await page.locator(".in-topbar [data-size='1']").click();
  assert.equal(await size(), 20);
  const h1Larger = await page.evaluate(() => parseFloat(getComputedStyle(document.querySelector("main h1")).fontSize));
  assert.ok(h1Larger > h1 * 1.2, `headings grow too: ${h1} → ${h1Larger}`);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  assert.equal(await size(), 20);
  for (let i = 0; i < 8; i++) {
    const smaller = page.locator(".in-topbar [data-size='-1']");
    if (await smaller.isDisabled()) break;
    await smaller.click();
  }
  assert.equal(await size(), 14);
  assert.ok(await page.locator(".in-topbar [data-size='-1']").isDisabled());
  // Print keeps its own size.
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "16px");
  await page.evaluate(() => localStorage.clear());
  assert.deepEqual(problems, []);
  await context.close();
});

test("copy-link buttons put a section's address on the clipboard", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "03-etiquette/02-appearance.html"));
  const heading = page.locator("main .content h2").first();
  const id = await heading.getAttribute("id");
  const button = heading.locator(".copy-link");
  assert.equal(await button.getAttribute("aria-label"), "复制本节链接");
  await button.focus();
  await page.keyboard.press("Enter");
  await page.locator(".copy-status.shown").waitFor();
  assert.equal(await page.locator(".copy-status").textContent(), "已复制本节链接");
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(decodeURIComponent(copied), decodeURIComponent(page.url().split("#")[0] + "#" + id));
  assert.deepEqual(problems, []);
  await context.close();
});

test("keyboard only: home → industry → page → search → result", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 1280, height: 900 } });
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "index.html"));
  // Tab until the focus is on a link with `text`, then press Enter; every stop has a visible focus.
  async function tabTo(text, limit = 80) {
    for (let i = 0; i < limit; i++) {
      await page.keyboard.press("Tab");
      const f = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { text: el.textContent.trim(), tag: el.tagName, outline: style.outlineStyle, inMain: !!el.closest("main") };
      });
      if (f.tag === "A" || f.tag === "BUTTON" || f.tag === "INPUT") {
        assert.notEqual(f.outline, "none", `focus visible on ${f.tag} ${f.text}`);
      }
      if (f.text.startsWith(text) && (f.inMain || text === "")) return;
    }
    assert.fail(`no focusable "${text}" within ${limit} tabs`);
  }
  await tabTo("银行业");
  await page.keyboard.press("Enter");
  await page.waitForURL(/industry\/banking\/index\.html$/);
  await tabTo("柜面服务礼仪");
  await page.keyboard.press("Enter");
  await page.waitForURL(/\.html(#.*)?$/);
  assert.match(await page.locator("main").innerText(), /站姿/);
  // The search box is reached from the page's start and a result is chosen with the arrows.
  await page.keyboard.press("Shift+Tab");
  let onSearch = false;
  for (let i = 0; i < 80 && !onSearch; i++) {
    await page.keyboard.press("Tab");
    onSearch = await page.evaluate(() => document.activeElement.id === "shouce-search");
  }
  assert.ok(onSearch, "the search box is reachable by Tab");
  await page.keyboard.type("名片");
  await page.locator(".search-result").first().waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await page.waitForURL(/#/);
  assert.match(await page.locator("main").innerText(), /名片/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("a hundred industries: only the chips with results (and 全部) show beside the results", async () => {
  const { page, problems, context } = await openPage(browser, { viewport: { width: 390, height: 800 } });
  await page.goto(siteUrl("SHOUCE_SITE_MANY", "guide/card.html"));
  await page.fill("#shouce-search", "名片");
  await page.locator(".search-result").first().waitFor();
  const chips = await page.locator(".chip-filter:visible .chip-name").allTextContents();
  assert.deepEqual(chips, ["全部", "行业1", "行业50", "行业99"]);
  assert.ok(await page.locator(".search-result").first().isVisible(), "the first result is in view");
  await page.locator(".chip-filter[data-industry=i50]").click();
  assert.equal(await page.locator(".chip-filter[data-industry=i50]").getAttribute("aria-pressed"), "true");
  assert.ok(await page.locator(".search-result").count() >= 1);
  assert.deepEqual(problems, []);
  await context.close();
});

test("本版修订: a changed page highlights its new sentences in one click, and links to its entry", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_REVISED", "01-etiquette/01-card.html"));
  const note = page.locator(".revision-note");
  assert.match(await note.textContent(), /本版改动了本页 1 个小节：新增 2 句，删去 1 句。/);
  const mark = note.locator(".revision-mark");
  assert.equal(await mark.textContent(), "标出改动");
  assert.equal(await page.locator(".revised").count(), 0);
  await mark.click();
  assert.equal(await mark.getAttribute("aria-pressed"), "true");
  assert.equal(await mark.textContent(), "取消标出");
  // The paragraph the edit changed (its sentence runs over a line break) and the new one.
  const marked = await page.locator(".content .revised").allTextContents();
  assert.deepEqual(marked.map((t) => t.replace(/\s+/g, "")), [
    "注意：名片正面朝向客户，双手递上，同时说“请多关照”。",
    "递完名片，等客户先收好。",
  ]);
  await screenshot(page, "revised-page.png");
  await mark.click();
  assert.equal(await page.locator(".revised").count(), 0);
  // The note leads to the page's entry in the 修订记录, which shows the sentences.
  await note.locator("a", { hasText: "查看修订记录" }).click();
  await page.waitForURL(/revisions\.html#01-etiquette\/01-card\.html$/);
  const entry = page.locator('[id="01-etiquette/01-card.html"]');
  assert.match(await entry.locator(".diff-removed").textContent(), /注意：名片正面朝向客户，双手递上。/);
  assert.equal(await entry.locator(".diff-added").count(), 2);
  await screenshot(page, "revisions.png");
  // From the home page too.
  await page.goto(siteUrl("SHOUCE_SITE_REVISED", "index.html"));
  await page.locator(".print-link a", { hasText: "修订记录" }).click();
  await page.waitForURL(/revisions\.html$/);
  assert.deepEqual(problems, []);
  await context.close();
});

test("axe-core: the 修订记录 and a changed page, light and dark", async () => {
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    for (const rel of ["revisions.html", "01-etiquette/01-card.html"]) {
      const { page, context } = await openPage(browser, { colorScheme });
      await page.goto(siteUrl("SHOUCE_SITE_REVISED", rel));
      const mark = page.locator(".revision-mark");
      if (await mark.count()) await mark.click();
      await page.addScriptTag({ content: AXE });
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { resultTypes: ["violations"] })).violations
          .filter((v) => v.impact === "serious" || v.impact === "critical")
          .map((v) => `${v.id} (${v.impact}) at ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(", ")}`));
      for (const v of violations) found.push(`${colorScheme} ${rel}: ${v}`);
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

test("打印本页 prints the page itself; 打印本章 opens the binder with that chapter alone", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "03-etiquette/03-conduct.html"));
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await page.locator(".print-this button", { hasText: "打印本页" }).click();
  assert.equal(await page.evaluate(() => window.printed), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".print-this").isVisible(), false);
  assert.match(await page.locator(".print-meta").textContent(), /客户服务手册/);
  await page.emulateMedia({ media: "screen" });

  await page.goto(siteUrl("SHOUCE_SITE_HANDBOOK", "03-etiquette/index.html"));
  await page.locator(".print-link a", { hasText: "打印本章" }).click();
  await page.waitForURL(/print\.html\?only=c\d+$/);
  const visible = (sel) => page.$$eval(sel, (els) => els.filter((e) => e.offsetParent !== null).map((e) => e.textContent.trim()));
  assert.deepEqual(await visible(".binder-entry > .entry-title"), [
    "客户服务标准化礼仪",
    "第一章 客户服务行为礼仪标准化",
    "第二章 客户服务仪容仪表标准",
    "第三章 客户服务行为礼仪标准",
  ]);
  assert.equal((await visible(".binder-toc li")).length, 4);
  assert.equal(await page.locator(".cover").isVisible(), false);
  assert.match(await page.locator(".handout-head").textContent(), /客户服务手册/);
  assert.match(await page.title(), /^客户服务标准化礼仪 - /);
  await screenshot(page, "chapter-handout.png");
  assert.deepEqual(problems, []);
  await context.close();
});

test("binder editions: 讲师版 numbers practice and adds an answer key; 学员版 leaves ruled space", async () => {
  const { page, problems, context } = await openPage(browser);
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "print.html"));
  const trainee = page.locator(".edition-switch button", { hasText: "学员版" });
  const trainer = page.locator(".edition-switch button", { hasText: "讲师版" });
  assert.equal(await trainer.getAttribute("aria-pressed"), "true");
  assert.match(await page.locator(".block-practice .block-label").first().textContent(), /^练习 1$/);
  const answer = page.locator(".binder-body > .binder-entry .block-answer .block-body p").first();
  assert.equal(await answer.isVisible(), true);
  assert.match(await page.locator(".answer-key").textContent(), /参考答案.*先请客户坐下/s);
  await trainee.click();
  assert.equal(await trainee.getAttribute("aria-pressed"), "true");
  assert.equal(await answer.evaluate((p) => getComputedStyle(p).visibility), "hidden");
  assert.match(await answer.evaluate((p) => getComputedStyle(p.parentElement).backgroundImage), /repeating-linear-gradient/);
  assert.equal(await page.locator(".answer-key").isVisible(), false);
  await screenshot(page, "binder-trainee.png");
  // Chosen in a link too; the switch is not printed.
  await page.goto(siteUrl("SHOUCE_SITE_BASIC", "print.html") + "?edition=trainee");
  assert.equal(await page.evaluate(() => document.body.classList.contains("edition-trainee")), true);
  await page.emulateMedia({ media: "print" });
  assert.equal(await page.locator(".edition-switch").isVisible(), false);
  assert.deepEqual(problems, []);
  await context.close();
});
