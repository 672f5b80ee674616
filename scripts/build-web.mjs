// Builds the page's WebAssembly module with the settings in wasm-pack.toml.
//
// wasm-pack reads only Cargo.toml and its command line, so this script is the one reader
// of wasm-pack.toml: each setting becomes a wasm-pack flag, and wasm-opt runs from npm's
// binaryen (wasm-pack's own wasm-opt step would download binaryen).
import { execFileSync } from "node:child_process";
import { readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "smol-toml";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const settings = parse(readFileSync(join(root, "wasm-pack.toml"), "utf8"));
const build = settings.build ?? {};
// wasm-pack's own profiles have flags; any other is a Cargo.toml profile.
const profiles = { release: ["--release"], dev: ["--dev"], profiling: ["--profiling"] };
const profile = build.profile ?? "release";
if (!/^[A-Za-z][A-Za-z0-9_-]*$/.test(profile)) {
  throw new Error(`wasm-pack.toml: build.profile ${JSON.stringify(profile)} is not a profile name`);
}
const profileArgs = profiles[profile] ?? ["--profile", profile];

const outDir = join(root, build["out-dir"] ?? "www/pkg");
const outName = build["out-name"] ?? "figcheck";
const args = [
  "build", root,
  "--target", build.target ?? "web",
  "--out-dir", outDir,
  "--out-name", outName,
  ...profileArgs,
  "--no-opt",
  "--no-pack",
  "--no-typescript",
];
console.log(`wasm-pack ${args.join(" ")}`);
execFileSync("wasm-pack", args, { stdio: "inherit", cwd: root });

const wasm = join(outDir, `${outName}_bg.wasm`);
const before = statSync(wasm).size;
const wasmOpt = settings["wasm-opt"] ?? {};
if (wasmOpt.enabled !== false) {
  const binary = join(root, "node_modules", ".bin", "wasm-opt");
  execFileSync(binary, [...(wasmOpt.args ?? []), wasm, "-o", wasm], { stdio: "inherit" });
}
const after = statSync(wasm).size;
console.log(`${wasm}: ${(before / 1024).toFixed(0)} KB -> ${(after / 1024).toFixed(0)} KB after wasm-opt`);
