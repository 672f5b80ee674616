// Times one tool in headless Chromium (Debian's, through playwright-core) and prints one
// JSON object, like run-node.mjs:
//
//   node benches/peers/run-browser.mjs TOOL FILE...    (TOOL: figcheck-wasm | recognizers)
//
// figcheck is its page's WebAssembly module, imported from the page's own server;
// Recognizers-Text is bundled for the browser by esbuild and loaded into a blank page.
// Cold start is loading the tool and reading the first demo article; warm is the median
// per demo article over 50; each FILE is read article by article (form feeds separate
// them). For figcheck it also times checking one new article against 1, 100, 1,000 and
// 10,000 loaded ones (the demo articles, over and over; median of 15), and reports the
// size of its WebAssembly memory. Memory is the JS heap Chromium reports.
import { createRequire } from "node:module";
import { launchChromium } from "../../scripts/chromium.mjs";
import { startServer } from "../../scripts/serve.mjs";
import { demoArticles, timeFiles } from "./common.mjs";

const require = createRequire(import.meta.url);
const [tool, ...files] = process.argv.slice(2);
const budget = Number(process.env.BUDGET_SECONDS ?? 60);
const demo = demoArticles();

const server = await startServer(0);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  let bundle = null;
  if (tool === "figcheck-wasm") {
    // A page of figcheck's own origin with nothing running in it (its 404 page).
    await page.goto(`${origin}/blank-page-for-benchmarks`);
  } else if (tool === "recognizers") {
    const esbuild = await import("esbuild");
    const built = await esbuild.build({
      entryPoints: [require.resolve("@microsoft/recognizers-text-suite")],
      bundle: true,
      format: "iife",
      globalName: "Recognizers",
      platform: "browser",
      write: false,
      logLevel: "silent",
    });
    bundle = built.outputFiles[0].text;
    await page.goto("about:blank");
  } else {
    throw new Error(`unknown tool ${tool}`);
  }

  // Loading the tool and reading the first article, timed inside the page.
  const cold = await page.evaluate(
    async ({ tool, bundle, first }) => {
      const start = performance.now();
      if (tool === "figcheck-wasm") {
        const module = await import("/pkg/figcheck.js");
        globalThis.wasmExports = await module.default();
        globalThis.read = (text) => module.extract(text).figures.length;
        globalThis.figcheck = module;
      } else {
        (0, eval)(bundle);
        const R = globalThis.Recognizers;
        const english = R.Culture.English;
        globalThis.read = (text) =>
          R.recognizeNumber(text, english).length +
          R.recognizePercentage(text, english).length +
          R.recognizeCurrency(text, english).length +
          R.recognizeDimension(text, english).length;
      }
      globalThis.read(first);
      return performance.now() - start;
    },
    { tool, bundle, first: demo[0] },
  );

  const warm = await page.evaluate((demo) => {
    const times = [];
    for (let round = 0; round < 50; round++) {
      const start = performance.now();
      globalThis.read(demo[round % demo.length]);
      times.push(performance.now() - start);
    }
    return times.sort((a, b) => a - b)[25];
  }, demo);

  const throughput = await timeFiles(files, budget, (articles) =>
    page.evaluate((articles) => {
      const start = performance.now();
      let found = 0;
      for (const article of articles) found += globalThis.read(article);
      return { seconds: (performance.now() - start) / 1000, found };
    }, articles),
  );

  let checks = null;
  let wasmMemoryMb = null;
  if (tool === "figcheck-wasm") {
    checks = [];
    for (const loaded of [1, 100, 1000, 10000]) {
      const median = await page.evaluate(
        ({ demo, loaded }) => {
          const checker = new globalThis.figcheck.Checker();
          for (let copy = 0; copy < loaded; copy++) checker.set(`loaded-${copy}`, "", demo[copy % demo.length]);
          const times = [];
          for (let run = 0; run < 15; run++) {
            const start = performance.now();
            checker.set("new", "", demo[1]);
            checker.reportFor("new");
            times.push(performance.now() - start);
          }
          checker.free();
          return times.sort((a, b) => a - b)[7];
        },
        { demo, loaded },
      );
      checks.push({ loaded, median_ms: median });
    }
    wasmMemoryMb = await page.evaluate(() => globalThis.wasmExports.memory.buffer.byteLength / 1048576);
  }
  const heapMb = await page.evaluate(() => (performance.memory ? performance.memory.usedJSHeapSize / 1048576 : null));

  console.log(
    JSON.stringify({
      tool,
      runtime: `Chromium ${browser.version()}`,
      cold_start_ms: cold,
      warm_article_ms: warm,
      throughput,
      check_one_against: checks,
      js_heap_mb: heapMb,
      wasm_memory_mb: wasmMemoryMb,
    }),
  );
} finally {
  await browser.close();
  server.close();
}
