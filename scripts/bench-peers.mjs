// figcheck side by side with the tools a user would pick instead, in one run on this
// machine: speed, memory, download size and accuracy. Run by `./dev bench`, or alone
// after `./dev build`:
//
//   node scripts/bench-peers.mjs [--quick]
//
// It installs the peers it compares with (benches/peers: compromise and
// Recognizers-Text from npm, quantulum3 from PyPI into a virtualenv), writes news corpora
// of about 1 MB and 10 MB (the demo articles, over and over, one article at a time), runs
// every tool in its own process, and rewrites the section of BENCHMARKS.md between the
// "bench-peers" markers. Headline figures are ratios within this one run. Accuracy uses
// ../shared/peer-suites (or PEER_SUITES) and is skipped, with a note, when it is absent.
// --quick uses 100 KB and 1 MB corpora instead, for trying the script out.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { demoArticles } from "../benches/peers/common.mjs";
import { SIZE_BUDGET_KB, pageSize } from "./page-size.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const peers = join(root, "benches", "peers");
const work = join(root, "target", "bench-peers");
const quick = process.argv.includes("--quick");
const suites = resolve(root, process.env.PEER_SUITES ?? "../shared/peer-suites");
mkdirSync(work, { recursive: true });

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8", maxBuffer: 1 << 28, ...options });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(" ")} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

function step(message) {
  console.error(`\n== ${message}`);
}

// --- set-up: the peers, figcheck's builds, the corpora ---

step("installing the peers (benches/peers)");
if (!existsSync(join(peers, "node_modules", ".package-lock.json"))) {
  run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: peers, stdio: ["ignore", "ignore", "inherit"] });
}
const python = join(peers, ".venv", "bin", "python");
if (!existsSync(python)) run("python3", ["-m", "venv", join(peers, ".venv")]);
run(python, ["-m", "pip", "install", "-q", "-r", join(peers, "requirements.txt")]);

step("building figcheck (release example, web module)");
run("cargo", ["build", "--release", "--quiet", "--example", "throughput", "--example", "peer_suites"]);
if (!existsSync(join(root, "www", "pkg", "figcheck_bg.wasm"))) run("node", [join(root, "scripts", "build-web.mjs")]);

const demo = demoArticles();
const sizes = quick ? [100_000, 1_000_000] : [1_000_000, 10_000_000];
const corpora = sizes.map((target) => {
  const articles = [];
  let bytes = 0;
  for (let index = 0; bytes < target; index++) {
    const article = demo[index % demo.length];
    articles.push(article);
    bytes += Buffer.byteLength(article) + 1;
  }
  const path = join(work, `articles-${target}.txt`);
  writeFileSync(path, articles.join("\f"));
  return path;
});

// --- speed and memory ---

const timings = [];
function timed(label, command, args) {
  step(`timing ${label}`);
  const result = JSON.parse(run(command, args));
  result.label = label;
  timings.push(result);
  console.error(JSON.stringify(result));
  return result;
}
const native = timed("figcheck, native", join(root, "target", "release", "examples", "throughput"), corpora);
native.runtime = `native (${run("rustc", ["--version"]).trim()})`;
native.checks = JSON.parse(run(join(root, "target", "release", "examples", "throughput"), ["--against"]));
timed("figcheck, WebAssembly in Node", "node", [join(peers, "run-node.mjs"), "figcheck-wasm", ...corpora]);
const browser = timed("figcheck, WebAssembly in Chromium", "node", [join(peers, "run-browser.mjs"), "figcheck-wasm", ...corpora]);
timed("compromise, Node", "node", [join(peers, "run-node.mjs"), "compromise", ...corpora]);
timed("Recognizers-Text, Node", "node", [join(peers, "run-node.mjs"), "recognizers", ...corpora]);
timed("Recognizers-Text, Chromium", "node", [join(peers, "run-browser.mjs"), "recognizers", ...corpora]);
timed("quantulum3, Python", python, [join(peers, "run_quantulum.py"), ...corpora]);

// --- size of what the page downloads ---

const { files: size, total } = pageSize();

// --- accuracy, with examples/peer_suites.rs scoring every tool ---

const accuracy = new Map();
function scored(tool, args) {
  const table = run(join(root, "target", "release", "examples", "peer_suites"), [suites, ...args]);
  for (const line of table.split("\n")) {
    const cells = line.split("|").map((cell) => cell.trim());
    if (cells.length < 12 || cells[1] === "source" || cells[1].startsWith("---")) continue;
    const key = `${cells[1]} · ${cells[2]}`;
    if (!accuracy.has(key)) accuracy.set(key, {});
    accuracy.get(key)[tool] = cells[3].startsWith("not read") ? "—" : cells[11];
  }
}
let accuracyNote = "";
if (existsSync(suites)) {
  step(`accuracy on ${suites}`);
  scored("figcheck", []);
  for (const tool of ["compromise", "recognizers"]) {
    const out = join(work, `predictions-${tool}.jsonl`);
    run("node", [join(peers, "predict.mjs"), tool, suites, out]);
    scored(tool, ["--predictions", out]);
  }
  const out = join(work, "predictions-quantulum3.jsonl");
  run(python, [join(peers, "predict_quantulum.py"), suites, out]);
  scored("quantulum3", ["--predictions", out]);
} else {
  accuracyNote = `Accuracy was not measured: no peer suites at ${suites} (set PEER_SUITES).`;
}

// --- the report ---

const fmt = (value, digits = 1) => (value === null || value === undefined ? "—" : Number(value).toFixed(digits));
const mb = (bytes) => `${(bytes / 1e6).toFixed(bytes < 1e6 ? 1 : 0)} MB`;
const cpu = cpus()[0]?.model ?? "unknown CPU";
const lines = [];
lines.push(
  `Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${cpus().length} cores shared with other work, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB; ${timings.map((t) => t.runtime).filter((v, i, a) => a.indexOf(v) === i).join(", ")}. ` +
    "One run of each; compare within the table, not across runs.",
  "",
);

const rate = (timing, index) => {
  const entry = timing.throughput[index];
  if (!entry) return null;
  if (entry.skipped) return null;
  return entry.claims_mb_s ?? entry.mb_s;
};
const figcheckRate = rate(native, 0);
lines.push(
  `### Speed: news read article by article`,
  "",
  `Throughput in MB/s over about ${mb(sizes[0])} and ${mb(sizes[1])} of news (the demo articles repeated, ` +
    "each read on its own); cold start is loading the tool and reading the first article; warm is the median per " +
    "article (about 1 KB). figcheck natively reads figures with their claims; in Node and Chromium it is the " +
    "page's WebAssembly `extract`, which also builds the report and hands it to JavaScript. Peak memory is the " +
    "process's resident high-water mark (Chromium: its JS heap, plus figcheck's WebAssembly memory).",
  "",
  `| tool | runtime | ${mb(sizes[0])} | ${mb(sizes[1])} | figcheck native is … × faster (${mb(sizes[0])}) | cold start | warm per article | peak memory |`,
  "|---|---|---:|---:|---:|---:|---:|---:|",
);
for (const timing of timings) {
  const small = rate(timing, 0);
  const large = rate(timing, 1);
  const skippedLarge = timing.throughput[1]?.skipped;
  const ratio = small ? figcheckRate / small : null;
  const memory =
    timing.peak_rss_mb != null
      ? `${fmt(timing.peak_rss_mb, 0)} MB`
      : `${fmt(timing.js_heap_mb, 0)} MB heap${timing.wasm_memory_mb ? ` + ${fmt(timing.wasm_memory_mb, 0)} MB wasm` : ""}`;
  lines.push(
    `| ${timing.label} | ${timing.runtime} | ${fmt(small, small < 1 ? 3 : 1)} | ${skippedLarge ? `not run: ${skippedLarge}` : fmt(large, large < 1 ? 3 : 1)} | ${timing === native ? "1" : fmt(ratio, ratio < 10 ? 1 : 0)} | ${fmt(timing.cold_start_ms, 0)} ms | ${fmt(timing.warm_article_ms, 2)} ms | ${memory} |`,
  );
}
lines.push(
  "",
  `figcheck natively, figures alone (no claims): ${fmt(native.throughput[0].figures_mb_s)} MB/s on ${mb(sizes[0])}.`,
  "",
  "### Checking one new article against many",
  "",
  "The demo articles loaded over and over, then one more demo article added and checked against all of them " +
    "(median of 15). Every loaded copy is about the same companies, so this is the worst case for the number " +
    "of findings: the cost grows with the findings, not with the articles that share nothing.",
  "",
  "| loaded articles | native | Chromium (WebAssembly) |",
  "|---:|---:|---:|",
);
for (const [index, check] of native.checks.check_one_against.entries()) {
  lines.push(`| ${check.loaded.toLocaleString("en")} | ${fmt(check.median_ms, 2)} ms | ${fmt(browser.check_one_against?.[index]?.median_ms, 1)} ms |`);
}
lines.push(`\nNative peak memory with 10,000 articles loaded: ${fmt(native.checks.peak_rss_mb, 0)} MB.`);

lines.push(
  "",
  "### What the page downloads",
  "",
  "| file | raw | gzip -9 |",
  "|---|---:|---:|",
  ...size.map((file) => `| www/${file.file} | ${(file.raw / 1024).toFixed(1)} KB | ${(file.gzip / 1024).toFixed(1)} KB |`),
  `| **total** | ${(total.raw / 1024).toFixed(0)} KB | **${(total.gzip / 1024).toFixed(0)} KB** |`,
  "",
  `Budget: ${SIZE_BUDGET_KB} KB gzipped. ${total.gzip / 1024 <= SIZE_BUDGET_KB ? "Within budget." : `**Over budget by ${(total.gzip / 1024 - SIZE_BUDGET_KB).toFixed(0)} KB**: the regex engine and its Unicode tables are most of the WebAssembly module.`}`,
);

lines.push("", "### Accuracy on the peer suites", "");
if (accuracy.size > 0) {
  lines.push(
    "Value-and-unit F1 per source and category, every tool scored by `examples/peer_suites.rs` on the same cases " +
      "(the same cases left out, the same matching); \"—\" is a category the tool does not read. Each suite comes " +
      "from one of the tools, whose own tests it is, which favours that tool on its own rows; figcheck in turn " +
      "was developed against all of them (every disagreement it keeps is reasoned in benches/peer-verdicts.tsv), " +
      "so its rows measure how much of these forms it reads more than how it does on forms nobody tried.",
    "",
    "| suite | figcheck | compromise | Recognizers-Text (npm) | quantulum3 |",
    "|---|---:|---:|---:|---:|",
  );
  for (const [key, tools] of accuracy) {
    lines.push(`| ${key} | ${tools.figcheck ?? "—"} | ${tools.compromise ?? "—"} | ${tools.recognizers ?? "—"} | ${tools.quantulum3 ?? "—"} |`);
  }
} else {
  lines.push(accuracyNote);
}

const markdown = lines.join("\n");
const benchmarks = join(root, "BENCHMARKS.md");
const START = "<!-- bench-peers:start (written by scripts/bench-peers.mjs) -->";
const END = "<!-- bench-peers:end -->";
const current = readFileSync(benchmarks, "utf8");
const from = current.indexOf(START);
const to = current.indexOf(END);
if (from >= 0 && to > from && !quick) {
  writeFileSync(benchmarks, `${current.slice(0, from + START.length)}\n${markdown}\n${current.slice(to)}`);
  console.error("\nBENCHMARKS.md updated.");
}
console.log(markdown);
