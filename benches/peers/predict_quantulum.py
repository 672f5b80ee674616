"""Runs quantulum3 over the peer suites and writes its answers in the predictions format of
examples/peer_suites.rs, so that it is scored by the same scorer as figcheck:

    benches/peers/.venv/bin/python benches/peers/predict_quantulum.py SUITES_DIR OUT_FILE

quantulum3 reads every category: a quantity in percent is a percent, one whose entity is
a currency is money, a value with an uncertainty ("8 to 16") is a range, and any other
quantity with a unit is a dimension.
"""

import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
from quantulum3 import parser  # noqa: E402

CATEGORIES = ["percent", "money", "range", "dimension"]


def items(text, category):
    found = []
    for quantity in parser.parse(text):
        unit = quantity.unit
        entity = unit.entity.name if unit.entity else ""
        value = quantity.value
        spread = quantity.uncertainty
        low, high = (value - spread, value + spread) if spread else (value, value)
        if category == "percent":
            if unit.name == "percentage":
                found.append({"low": low, "high": high, "unit": "%"})
        elif category == "money":
            if entity == "currency":
                code = getattr(unit, "currency_code", None) or unit.name
                found.append({"low": low, "high": high, "unit": code})
        elif category == "range":
            if spread:
                found.append({"low": low, "high": high, "unit": ""})
        elif unit.name not in ("dimensionless", "percentage") and entity != "currency":
            found.append({"low": low, "high": high, "unit": unit.name})
    return found


def main():
    suites, out = sys.argv[1], sys.argv[2]
    lines = [json.dumps({"tool": "quantulum3", "supports": CATEGORIES})]
    for name in sorted(os.listdir(suites)):
        if not name.endswith(".jsonl"):
            continue
        category = name[: -len(".jsonl")].rsplit("_", 1)[-1]
        if category not in CATEGORIES:
            continue
        with open(os.path.join(suites, name), encoding="utf-8") as handle:
            for line in handle:
                if not line.strip():
                    continue
                case = json.loads(line)
                try:
                    found = items(case["text"], category)
                except Exception:  # a tool that throws on a case has found nothing in it
                    found = []
                lines.append(json.dumps({"id": case["id"], "category": category, "found": found}))
    with open(out, "w", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
