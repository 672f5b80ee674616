// Times the WebAssembly build in headless Chromium: one new article checked against
// 1,000 loaded ones (one in ten about the same companies), the work the page does on
// every edit.
//
//   node scripts/bench-browser.mjs      (after ./dev build; run by ./dev bench)
//
// The module is imported straight from www/pkg, so the figure is the core's cost in the
// browser, report building and the hand-over to JavaScript included, without the page's
// own drawing. Prints the median and the spread of 30 runs.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium } from "./chromium.mjs";
import { startServer } from "./serve.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const demoDir = join(root, "src", "demo");
const articles = readdirSync(demoDir)
  .filter((name) => name.endsWith(".txt"))
  .sort()
  .map((name) => readFileSync(join(demoDir, name), "utf8"));
// A 5 KB article: the demo articles, one after another, cut to size.
const newArticle = articles.join("\n\n").slice(0, 5 * 1024);

// The loaded corpus: 1,000 articles, one in ten about the same companies as the new one
// and the others about companies of their own (the demo articles with every company
// renamed), as a reader's collection of different stories would be.
const COMPANIES = [
  "Core Scientific", "CoreWeave", "Microsoft", "CleanSpark", "Riot", "Marathon Digital",
  "Hut 8", "Bitfarms", "GameStop", "Polaris DS LLC",
];
function renamed(text, tag) {
  let out = text;
  for (const name of COMPANIES) out = out.split(name).join(`${name.split(" ")[0]}${tag} Holdings`);
  return out;
}
const loaded = Array.from({ length: 1000 }, (_, i) => {
  const text = articles[i % articles.length];
  return i % 10 === 0 ? text : renamed(text, `X${i.toString(36)}`);
});

const server = await startServer(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  await page.goto(`${origin}/`);
  const result = await page.evaluate(
    async ({ loaded, newArticle }) => {
      const module = await import("/pkg/figcheck.js");
      await module.default();
      const checker = new module.Checker();
      loaded.forEach((text, i) => checker.set(`loaded-${i}`, "", text));
      const times = [];
      const reading = [];
      const checking = [];
      let findings = 0;
      for (let run = 0; run < 30; run++) {
        const start = performance.now();
        checker.set("new", "", newArticle);
        const read = performance.now();
        const report = checker.reportFor("new");
        const end = performance.now();
        times.push(end - start);
        reading.push(read - start);
        checking.push(end - read);
        if (report.figures.length === 0) throw new Error("the new article has no figures");
        findings = report.findings.length;
      }
      const median = (list) => list.sort((a, b) => a - b)[15];
      times.sort((a, b) => a - b);
      return {
        median: times[15],
        fastest: times[0],
        slowest: times[29],
        reading: median(reading),
        checking: median(checking),
        findings,
      };
    },
    { loaded, newArticle },
  );
  console.log(
    `one 5 KB article against 1,000 loaded, in Chromium: median ${result.median.toFixed(1)} ms ` +
      `(fastest ${result.fastest.toFixed(1)}, slowest ${result.slowest.toFixed(1)}; 30 runs; ` +
      `${result.findings} findings)`,
  );
  console.log(
    `  of which reading the article (set): median ${result.reading.toFixed(1)} ms; ` +
      `checking it and handing the report to JavaScript (reportFor): median ${result.checking.toFixed(1)} ms`,
  );
} finally {
  await browser.close();
  server.close();
}
