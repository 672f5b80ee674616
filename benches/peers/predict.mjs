// Runs compromise or Recognizers-Text over the peer suites and writes its answers in the
// predictions format of examples/peer_suites.rs, so that every tool is scored by the
// same scorer:
//
//   node benches/peers/predict.mjs TOOL SUITES_DIR OUT_FILE     (TOOL: compromise | recognizers)
//
// Only the categories the tool reads are listed as supported: compromise reads percent
// and money, Recognizers-Text's npm suite percent, money and dimensions (its number-range
// model is not in the npm package).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import nlp from "compromise";
import * as Recognizers from "@microsoft/recognizers-text-suite";

const [tool, suites, out] = process.argv.slice(2);
const CATEGORIES = ["percent", "money", "range", "dimension"];

/** A number from a tool's string or number, or null. */
function number(value) {
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value !== "string") return null;
  const parsed = Number.parseFloat(value.replace(/,/g, ""));
  return Number.isFinite(parsed) ? parsed : null;
}

const point = (value, unit) => ({ low: value, high: value, unit });

const readers = {
  compromise: {
    supports: ["percent", "money"],
    read(text, category) {
      const doc = nlp(text);
      if (category === "percent") {
        return doc.percentages().json().map((m) => point(number(m.number?.num ?? m.number), "%"));
      }
      if (category === "money") {
        // compromise names a currency by word or code: "dollar", "euro", "GBP".
        const codes = { dollar: "USD", euro: "EUR", pound: "GBP", yen: "JPY", yuan: "CNY", rupee: "INR", peso: "MXN" };
        return doc.money().json().map((m) => {
          const currency = String(m.money?.currency ?? "");
          const unit = codes[currency.toLowerCase()] ?? currency.toUpperCase();
          return point(number(m.money?.num), unit);
        });
      }
      return [];
    },
  },
  recognizers: {
    supports: ["percent", "money", "dimension"],
    read(text, category) {
      const english = Recognizers.Culture.English;
      if (category === "percent") {
        return Recognizers.recognizePercentage(text, english).map((r) => point(number(r.resolution?.value), "%"));
      }
      if (category === "money") {
        return Recognizers.recognizeCurrency(text, english).map((r) =>
          point(number(r.resolution?.value), r.resolution?.isoCurrency || r.resolution?.unit || ""),
        );
      }
      if (category === "dimension") {
        return [
          ...Recognizers.recognizeDimension(text, english),
          ...Recognizers.recognizeTemperature(text, english),
          ...Recognizers.recognizeAge(text, english),
        ].map((r) => point(number(r.resolution?.value), r.resolution?.unit ?? ""));
      }
      return [];
    },
  },
};

const reader = readers[tool];
if (!reader || !suites || !out) {
  console.error("usage: node predict.mjs compromise|recognizers SUITES_DIR OUT_FILE");
  process.exit(2);
}

const lines = [JSON.stringify({ tool, supports: reader.supports })];
for (const name of readdirSync(suites).sort()) {
  const match = name.match(/^(.+)_([a-z]+)\.jsonl$/);
  if (!match || !CATEGORIES.includes(match[2]) || !reader.supports.includes(match[2])) continue;
  const category = match[2];
  for (const line of readFileSync(join(suites, name), "utf8").split("\n")) {
    if (!line.trim()) continue;
    const { id, text } = JSON.parse(line);
    let found = [];
    try {
      found = reader.read(text, category).filter((item) => item.low !== null);
    } catch {
      // A tool that throws on a case has found nothing in it.
    }
    lines.push(JSON.stringify({ id, category, found }));
  }
}
writeFileSync(out, `${lines.join("\n")}\n`);
