#!/usr/bin/env python3
"""How often figcheck's disagreements are true, by confidence, on a devset.

    python3 scripts/devset-calibration.py [DEVSET] [FIGCHECK]

DEVSET (default ../shared/devset) holds clusters of articles with gold.json; FIGCHECK
(default target/release/figcheck) is the CLI. Every disagreement figcheck reports
(contradiction, scale_mismatch, arithmetic_mismatch and the unsure "possible") is
matched with the cluster's gold contradictions as the devset's scorer matches them: a
side overlaps a side's quote (or one of its alt_quotes), in either order. Prints, for
each confidence threshold, how many findings reach it and how many of those are true:
the curve ALARM_CONFIDENCE in src/check/mod.rs is set from. A benchmark, not a test.
"""
import glob
import json
import os
import subprocess
import sys

DISAGREEMENTS = {"contradiction", "scale_mismatch", "arithmetic_mismatch", "possible"}


def byte_span(text, quote):
    at = text.find(quote)
    if at < 0:
        return None
    start = len(text[:at].encode())
    return start, start + len(quote.encode())


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "../shared/devset"
    tool = sys.argv[2] if len(sys.argv) > 2 else "target/release/figcheck"
    if not os.path.isdir(root):
        print(f"skipped: no devset at {root}")
        return
    findings = []  # (confidence, true?)
    for cluster in sorted(glob.glob(os.path.join(root, "*", "gold.json"))):
        folder = os.path.dirname(cluster)
        gold = json.load(open(cluster, encoding="utf-8"))
        names = gold.get("documents") or sorted(
            os.path.basename(p) for p in glob.glob(os.path.join(folder, "*.txt")))
        paths = [os.path.join(folder, n) for n in names]
        texts = {n: open(p, encoding="utf-8").read() for n, p in zip(names, paths)}
        out = json.loads(subprocess.run([tool, "check", "--json", *paths],
                                        capture_output=True, text=True, check=True).stdout)

        def covers(side, doc, quotes):
            if os.path.basename(side["doc"]) != doc:
                return False
            for quote in quotes:
                span = byte_span(texts[doc], quote)
                if span and side["start"] < span[1] and side["end"] > span[0]:
                    return True
            return False

        pairs = [(c["a"]["doc"], [c["a"]["quote"], *c["a"].get("alt_quotes", [])],
                  c["b"]["doc"], [c["b"]["quote"], *c["b"].get("alt_quotes", [])])
                 for c in gold.get("contradictions", [])]
        for finding in out["findings"]:
            if finding["kind"] not in DISAGREEMENTS:
                continue
            a, b = finding["a"], finding["b"]
            true = any(covers(a, da, qa) and covers(b, db, qb) or covers(b, da, qa) and covers(a, db, qb)
                       for da, qa, db, qb in pairs)
            findings.append((finding["confidence"], true, finding["kind"]))
    print("confidence ≥ | findings | true | precision")
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95):
        reached = [t for c, t, _ in findings if c >= threshold - 1e-9]
        share = f"{sum(reached) / len(reached):.2f}" if reached else "—"
        print(f"{threshold:>12.2f} | {len(reached):>8} | {sum(reached):>4} | {share}")


if __name__ == "__main__":
    main()
