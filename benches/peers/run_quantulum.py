"""Times quantulum3 in its own process and prints one JSON object, like run-node.mjs:

    benches/peers/.venv/bin/python benches/peers/run_quantulum.py FILE...

Cold start is importing quantulum3 and reading the first demo article; warm is the
median per demo article over 50 readings; each FILE is parsed once, article by article
(separated by form feeds), and skipped when the
one before it took longer than BUDGET_SECONDS (default 60); peak memory is the
process's maximum resident set.
"""

import json
import os
import platform
import resource
import sys
import time
import warnings

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
DEMO_DIR = os.path.join(ROOT, "src", "demo")


def main():
    files = sys.argv[1:]
    budget = float(os.environ.get("BUDGET_SECONDS", "60"))
    demo = []
    for name in sorted(os.listdir(DEMO_DIR)):
        if name.endswith(".txt"):
            with open(os.path.join(DEMO_DIR, name), encoding="utf-8") as handle:
                demo.append(handle.read())

    cold_start = time.perf_counter()
    warnings.simplefilter("ignore")
    from quantulum3 import parser

    parser.parse(demo[0])
    cold = (time.perf_counter() - cold_start) * 1000

    warm = []
    for index in range(50):
        start = time.perf_counter()
        parser.parse(demo[index % len(demo)])
        warm.append((time.perf_counter() - start) * 1000)
    warm.sort()

    throughput = []
    skipping = None
    for path in files:
        with open(path, encoding="utf-8") as handle:
            articles = handle.read().split("\f")
        size = sum(len(article.encode("utf-8")) for article in articles)
        if skipping:
            throughput.append({"file": path, "bytes": size, "skipped": skipping})
            continue
        start = time.perf_counter()
        found = sum(len(parser.parse(article)) for article in articles)
        seconds = time.perf_counter() - start
        throughput.append(
            {"file": path, "bytes": size, "seconds": seconds, "mb_s": size / 1e6 / seconds, "found": found}
        )
        if seconds > budget:
            skipping = "the %.1f MB run took %.0f s" % (size / 1e6, seconds)

    print(
        json.dumps(
            {
                "tool": "quantulum3",
                "runtime": "Python " + platform.python_version(),
                "cold_start_ms": cold,
                "warm_article_ms": warm[25],
                "throughput": throughput,
                "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
            }
        )
    )


if __name__ == "__main__":
    main()
