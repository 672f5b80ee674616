// Times the WebAssembly build in headless Chromium: one new article checked against
// 1,000 loaded ones, the work the page does on every edit.
//
//   node scripts/bench-browser.mjs      (after ./dev build; run by ./dev bench)
//
// The module is imported straight from www/pkg, so the figure is the core's cost in the
// browser, report building and the hand-over to JavaScript included, without the page's
// own drawing. Prints the median and the spread of 30 runs.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { startServer } from "./serve.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const demoDir = join(root, "src", "demo");
const articles = readdirSync(demoDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => readFileSync(join(demoDir, name), "utf8"));
// A 5 KB article: the demo articles, one after another, cut to size.
const newArticle = articles.join("\n\n").slice(0, 5 * 1024);

const server = await startServer(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
});
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const result = await page.evaluate(
    async ({ articles, newArticle }) => {
      const module = await import("/pkg/figcheck.js");
      await module.default();
      const checker = new module.Checker();
      for (let i = 0; i < 1000; i++) checker.set(`loaded-${i}`, "", articles[i % articles.length]);
      const times = [];
      for (let run = 0; run < 30; run++) {
        const start = performance.now();
        checker.set("new", "", newArticle);
        const report = checker.reportFor("new");
        times.push(performance.now() - start);
        if (report.figures.length === 0) throw new Error("the new article has no figures");
      }
      times.sort((a, b) => a - b);
      return { median: times[15], fastest: times[0], slowest: times[29] };
    },
    { articles, newArticle },
  );
  console.log(
    `one 5 KB article against 1,000 loaded, in Chromium: median ${result.median.toFixed(1)} ms ` +
      `(fastest ${result.fastest.toFixed(1)}, slowest ${result.slowest.toFixed(1)}; 30 runs)`,
  );
} finally {
  await browser.close();
  server.close();
}
