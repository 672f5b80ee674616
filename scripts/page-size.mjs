// What the page downloads, raw and gzipped (level 9), against its budget. Run by
// `./dev test` after the web build, which fails when the page is over budget:
//
//   node scripts/page-size.mjs
//
// scripts/bench-peers.mjs imports pageSize() for the table in BENCHMARKS.md.
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** The budget for everything the page downloads, gzipped, in KB (1,024 bytes). */
export const SIZE_BUDGET_KB = 250;

/** Every file index.html loads, directly or through its modules and worker. */
export const PAGE_FILES = [
  "pkg/figcheck_bg.wasm",
  "pkg/figcheck.js",
  "fig-check.js",
  "figcheck-worker.js",
  "app.js",
  "fig-check.css",
  "style.css",
  "index.html",
  "favicon.svg",
];

/** Each page file's size, raw and gzipped, in bytes, and their total. */
export function pageSize() {
  const files = PAGE_FILES.map((file) => {
    const bytes = readFileSync(join(root, "www", file));
    return { file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  });
  const total = files.reduce((sum, f) => ({ raw: sum.raw + f.raw, gzip: sum.gzip + f.gzip }), { raw: 0, gzip: 0 });
  return { files, total };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { files, total } = pageSize();
  for (const { file, raw, gzip } of files) {
    console.log(`${file.padEnd(22)} ${(raw / 1024).toFixed(1).padStart(7)} KB ${(gzip / 1024).toFixed(1).padStart(7)} KB gzipped`);
  }
  const kb = total.gzip / 1024;
  console.log(`${"total".padEnd(22)} ${(total.raw / 1024).toFixed(1).padStart(7)} KB ${kb.toFixed(1).padStart(7)} KB gzipped (budget ${SIZE_BUDGET_KB} KB)`);
  if (kb > SIZE_BUDGET_KB) {
    console.error(`The page is over its size budget by ${(kb - SIZE_BUDGET_KB).toFixed(1)} KB gzipped.`);
    process.exit(1);
  }
}
