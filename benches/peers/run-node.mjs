// Times one tool in Node, in its own process, and prints one JSON object:
//
//   node benches/peers/run-node.mjs TOOL FILE...    (TOOL: figcheck-wasm | compromise | recognizers)
//
// - cold start: loading the tool and reading the first demo article;
// - warm: the median time per demo article over 50 readings;
// - throughput: each FILE read once after the warm-up, article by article (articles are
//   separated by form feeds, as scripts/bench-peers.mjs writes them), in MB/s; a FILE is
//   skipped when the one before it took longer than BUDGET_SECONDS (default 60);
// - peak memory: the process's maximum resident set.
//
// Each tool does the work a reader of figures needs: figcheck extracts figures with
// their claims and builds its report; compromise finds numbers, percentages and money;
// Recognizers-Text runs its number, percentage, currency and dimension models.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { demoArticles, root, timeFiles } from "./common.mjs";

const [tool, ...files] = process.argv.slice(2);
const budget = Number(process.env.BUDGET_SECONDS ?? 60);
const demo = demoArticles();

async function load(name) {
  switch (name) {
    case "figcheck-wasm": {
      const module = await import(pathToFileURL(join(root, "www", "pkg", "figcheck.js")).href);
      module.initSync({ module: readFileSync(join(root, "www", "pkg", "figcheck_bg.wasm")) });
      return (text) => module.extract(text).figures.length;
    }
    case "compromise": {
      const { default: nlp } = await import("compromise");
      return (text) => {
        const doc = nlp(text);
        return doc.numbers().json().length + doc.percentages().json().length + doc.money().json().length;
      };
    }
    case "recognizers": {
      const R = await import("@microsoft/recognizers-text-suite");
      const english = R.Culture.English;
      return (text) =>
        R.recognizeNumber(text, english).length +
        R.recognizePercentage(text, english).length +
        R.recognizeCurrency(text, english).length +
        R.recognizeDimension(text, english).length;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
}

const coldStart = performance.now();
const read = await load(tool);
read(demo[0]);
const cold = performance.now() - coldStart;

const warm = [];
for (let round = 0; round < 50; round++) {
  const start = performance.now();
  read(demo[round % demo.length]);
  warm.push(performance.now() - start);
}
warm.sort((a, b) => a - b);

const throughput = await timeFiles(files, budget, (articles) => {
  const start = performance.now();
  let found = 0;
  for (const article of articles) found += read(article);
  return { seconds: (performance.now() - start) / 1000, found };
});

console.log(
  JSON.stringify({
    tool,
    runtime: `Node ${process.version}`,
    cold_start_ms: cold,
    warm_article_ms: warm[25],
    throughput,
    peak_rss_mb: process.resourceUsage().maxRSS / 1024,
  }),
);
