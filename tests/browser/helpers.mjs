// Shared set-up for the browser tests: Debian's Chromium, headless, no network, driven by
// playwright-core over file:// URLs (the way staff open the handbook from a file share).
import { chromium } from "playwright-core";
import { pathToFileURL } from "node:url";
import path from "node:path";
import fs from "node:fs";

export const ARTIFACTS = path.resolve(import.meta.dirname, "..", "artifacts");

export async function launch() {
  const executablePath = process.env.SHOUCE_CHROMIUM || "/usr/bin/chromium";
  return chromium.launch({
    executablePath,
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ],
  });
}

export function siteUrl(envName, rel) {
  const dir = process.env[envName];
  if (!dir) throw new Error(`${envName} is not set: run these tests through \`cargo test --test browser\``);
  return pathToFileURL(path.join(dir, rel)).href;
}

/** Opens a page that records every failed request and every request that leaves file://. */
export async function openPage(browser, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} (${r.failure()?.errorText})`));
  page.on("request", (r) => {
    if (!r.url().startsWith("file://") && !r.url().startsWith("data:")) problems.push(`left the file share: ${r.url()}`);
  });
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
  return { page, problems, context };
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, name), fullPage: false });
}
