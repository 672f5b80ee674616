// What the peer runners (run-node.mjs, run-browser.mjs) and scripts/bench-peers.mjs share:
// the demo articles, and timing a tool over corpus files article by article.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** The built-in demo articles (src/demo/*.txt), in file-name order. */
export function demoArticles() {
  const folder = join(root, "src", "demo");
  return readdirSync(folder)
    .filter((name) => name.endsWith(".txt"))
    .sort()
    .map((name) => readFileSync(join(folder, name), "utf8"));
}

/**
 * Times `readAll(articles)` (which resolves to {seconds, found}) over each corpus file,
 * whose articles are separated by form feeds. A file is skipped, with the reason, once
 * the one before it took longer than `budget` seconds.
 */
export async function timeFiles(files, budget, readAll) {
  const throughput = [];
  let skipping = null;
  for (const file of files) {
    const articles = readFileSync(file, "utf8").split("\f");
    const bytes = articles.reduce((sum, article) => sum + Buffer.byteLength(article), 0);
    if (skipping) {
      throughput.push({ file, bytes, skipped: skipping });
      continue;
    }
    const { seconds, found } = await readAll(articles);
    throughput.push({ file, bytes, seconds, mb_s: bytes / 1e6 / seconds, found });
    if (seconds > budget) skipping = `the ${(bytes / 1e6).toFixed(1)} MB run took ${seconds.toFixed(0)} s`;
  }
  return throughput;
}
