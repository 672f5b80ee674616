// End-to-end tests of the page in headless Chromium (Debian's, driven by playwright-core).
// Run by `./dev test` after the web build; each test opens a fresh browser context.
import assert from "node:assert/strict";
import { after, before, test } from "node:test";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "../../scripts/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const shots = join(root, "docs");
mkdirSync(shots, { recursive: true });

let server;
let browser;
let origin;

before(async () => {
  server = await startServer(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** A fresh page that records console errors and requests leaving the origin. */
async function openPage(options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("request", (request) => {
    if (!request.url().startsWith(origin)) problems.push(`request left the origin: ${request.url()}`);
  });
  await page.goto(`${origin}/`);
  await page.waitForSelector("body[data-ready=true]");
  return { context, page, problems };
}

// An article of our own that restates the seed facts: Core Scientific down 18%.
const PASTED = [
  "Core Scientific tumbles after Microsoft steps back",
  "",
  "Core Scientific’s stock fell 18 percent in one session after Microsoft scaled back its CoreWeave commitment — a 📉 day for miners (中文 readers too).",
  "Elsewhere, revenue was €3,5 million.",
].join("\n");

test("a first visit shows the demo contradiction", async () => {
  const { context, page, problems } = await openPage();
  const finding = page.locator(".finding.kind-contradiction").first();
  await finding.waitFor();
  const explanation = await finding.locator(".explanation").textContent();
  assert.match(explanation, /18% .* lies outside 4%–12%/);
  const quotes = await finding.locator(".quote mark").allTextContents();
  assert.deepEqual(quotes.sort(), ["18%", "between 4% and 12%"].sort());
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pasted article is highlighted on exactly its figures and cross-checked", async () => {
  const { context, page, problems } = await openPage({ viewport: { width: 1280, height: 900 } });
  await page.click("#new-article");
  await page.fill("#article-text", PASTED);
  await page.waitForFunction(() => document.querySelectorAll("#reading mark.figure").length >= 2);

  const marks = await page.$$eval("#reading mark.figure", (nodes) =>
    nodes.map((node) => ({ text: node.textContent, kind: [...node.classList].find((c) => c.startsWith("kind-")) })),
  );
  assert.deepEqual(marks, [
    { text: "18 percent", kind: "kind-percent" },
    { text: "€3,5 million", kind: "kind-money" },
  ]);
  // The reading view holds the text unchanged: highlights cover exactly these characters.
  const readingText = await page.textContent("#reading");
  assert.equal(readingText, PASTED);
  const start = await page.$eval("#reading", (reading) => {
    const mark = reading.querySelector("mark");
    let offset = 0;
    for (const node of reading.childNodes) {
      if (node === mark) return offset;
      offset += node.textContent.length;
    }
    return -1;
  });
  assert.equal(start, PASTED.indexOf("18 percent"));

  const finding = page.locator(".finding.kind-contradiction").first();
  await finding.waitFor();
  assert.match(await finding.locator(".explanation").textContent(), /18% .* lies outside 4%–12%/);
  const quotes = await finding.locator(".quote mark").allTextContents();
  assert.ok(quotes.includes("18 percent") && quotes.includes("between 4% and 12%"), quotes.join(" | "));

  await page.screenshot({ path: join(shots, "page-pasted.png"), fullPage: false });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a pasted article survives a reload", async () => {
  const { context, page, problems } = await openPage();
  await page.click("#new-article");
  await page.fill("#article-text", "Acme Corp shares rose 7% on Tuesday.");
  await page.waitForFunction(() => document.querySelectorAll("#reading mark.figure").length === 1);
  await page.reload();
  await page.waitForSelector("body[data-ready=true]");
  const titles = await page.$$eval(".article-button", (nodes) => nodes.map((n) => n.textContent));
  assert.ok(titles.some((t) => t.startsWith("Article 6")), titles.join(" | "));
  assert.deepEqual(problems, []);
  await context.close();
});

test("script in pasted text stays text", async () => {
  const { context, page, problems } = await openPage();
  await page.click("#new-article");
  const hostile = '<img src=x onerror="window.pwned=1"><script>window.pwned=2</script> rose 5%';
  await page.fill("#article-text", hostile);
  await page.waitForFunction(() => document.querySelectorAll("#reading mark.figure").length === 1);
  assert.equal(await page.textContent("#reading"), hostile);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.equal(await page.$$eval("#reading img, #reading script", (n) => n.length), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test("dark mode and phone width render without errors", async () => {
  const { context, page, problems } = await openPage({ colorScheme: "dark", viewport: { width: 1280, height: 900 } });
  await page.locator(".finding").first().waitFor();
  await page.screenshot({ path: join(shots, "page-dark.png") });
  await context.close();
  const phone = await openPage({ viewport: { width: 360, height: 800 } });
  await phone.page.locator(".finding").first().waitFor();
  const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 1, `page is ${overflow}px wider than a 360px screen`);
  await phone.page.screenshot({ path: join(shots, "page-phone.png"), fullPage: false });
  assert.deepEqual([...problems, ...phone.problems], []);
  await phone.context.close();
});

test("a 10 MB paste completes", { timeout: 180_000 }, async () => {
  const { context, page, problems } = await openPage();
  // The demo articles, repeated to ten megabytes: news-shaped text at paste scale.
  const demoDir = join(root, "src", "demo");
  const demo = readdirSync(demoDir)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(join(demoDir, name), "utf8"))
    .join("\n\n");
  const copies = Math.ceil((10 * 1024 * 1024) / (demo.length + 2));
  const big = Array.from({ length: copies }, () => demo).join("\n\n");
  await page.click("#new-article");
  const started = Date.now();
  // What a paste does: the whole text at once, then one input event.
  await page.$eval(
    "#article-text",
    (editor, text) => {
      editor.value = text;
      editor.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertFromPaste" }));
    },
    big,
  );
  await page.waitForFunction(
    (expected) => Number(document.getElementById("figure-count").textContent.replace(/[()]/g, "")) >= expected,
    copies * 30,
    { timeout: 170_000, polling: 500 },
  );
  const seconds = (Date.now() - started) / 1000;
  console.log(`10 MB paste: ${copies} copies of the demo, checked in ${seconds.toFixed(1)} s`);
  // Ten megabytes may not fit the browser's storage quota; the page must then say so
  // rather than fail quietly.
  const status = await page.textContent("#status");
  assert.ok(status === "" || status.startsWith("Could not save"), status);
  assert.deepEqual(problems, []);
  await context.close();
});
