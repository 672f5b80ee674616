//! Scores figcheck against the hand-made reference annotations of the seed articles.
//!
//! ```text
//! cargo run --release --example gold -- [DIR]
//! ```
//!
//! `DIR` (default `../shared/seeds`) holds the articles and `gold.json`. The gold file
//! lists every figure (quote, value, unit, subject, metric, direction), the
//! contradictions to report and the pairs not to report. This prints:
//!
//! 1. figures: how many gold figures figcheck finds at the quoted place, with the right
//!    value and unit; then how many it ties to the right subject, metric and direction;
//!    every miss, with what figcheck read instead;
//! 2. extras: figures figcheck reports that the gold lacks, outside boilerplate;
//! 3. findings: each gold contradiction found or missed, and each gold non-contradiction
//!    kept or wrongly reported.
//!
//! The numbers are a benchmark, reported in BENCHMARKS.md, not a test: the tests must
//! pass without the seed folder.

use std::path::PathBuf;
use std::process::ExitCode;

use figcheck::report::{FigureEntry, FindingEntry, Value};
use figcheck::{Corpus, Document, FindingKind};
use serde_json::Value as Json;

fn main() -> ExitCode {
    let dir = PathBuf::from(
        std::env::args()
            .nth(1)
            .unwrap_or_else(|| "../shared/seeds".to_string()),
    );
    let gold: Json = match std::fs::read_to_string(dir.join("gold.json"))
        .map_err(|e| e.to_string())
        .and_then(|text| serde_json::from_str(&text).map_err(|e| e.to_string()))
    {
        Ok(gold) => gold,
        Err(error) => {
            eprintln!("gold: cannot read {}/gold.json: {error}", dir.display());
            return ExitCode::from(2);
        }
    };
    let Some(figures) = gold["figures"].as_object() else {
        eprintln!("gold: gold.json has no figures");
        return ExitCode::from(2);
    };
    let mut corpus = Corpus::new();
    let mut texts = Vec::new();
    for name in figures.keys() {
        let text = match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("gold: cannot read {name}: {error}");
                return ExitCode::from(2);
            }
        };
        texts.push((name.clone(), text.clone()));
        if let Err(error) = corpus.add(Document::new(name.clone(), text)) {
            eprintln!("gold: {name}: {error}");
            return ExitCode::from(2);
        }
    }
    let report = corpus.report();
    let text_of = |doc: &str| {
        texts
            .iter()
            .find(|(name, _)| name == doc)
            .map_or("", |(_, text)| text.as_str())
    };

    println!("## Figures\n");
    let mut tally = Tally::default();
    let mut gold_spans: Vec<(String, usize, usize)> = Vec::new();
    let mut misses = Vec::new();
    for (doc, entries) in figures {
        for entry in entries.as_array().into_iter().flatten() {
            let quote = entry["quote"].as_str().unwrap_or("");
            let nth = entry["nth"].as_u64().unwrap_or(1) as usize;
            let Some(start) = nth_occurrence(text_of(doc), quote, nth) else {
                misses.push(format!("{doc}: quote {quote:?} #{nth} not in the text"));
                continue;
            };
            let end = start + quote.len();
            gold_spans.push((doc.clone(), start, end));
            tally.figures += 1;
            let found = report
                .figures
                .iter()
                .find(|figure| figure.doc == *doc && figure.start < end && start < figure.end);
            let Some(found) = found else {
                misses.push(format!("{doc}: {quote:?} not found"));
                continue;
            };
            tally.found += 1;
            if entry.get("value").is_none() {
                // Dates and page furniture: the gold gives a kind, not a value.
                let kind = entry["kind"].as_str().unwrap_or("");
                if format!("{:?}", found.kind).eq_ignore_ascii_case(kind) {
                    tally.value_unit += 1;
                } else {
                    misses.push(format!(
                        "{doc}: {quote:?} read as {:?}, gold {kind}",
                        found.kind
                    ));
                }
                continue;
            }
            tally.with_claim += 1;
            if value_matches(&entry["value"], found) && unit_matches(&entry["unit"], found) {
                tally.value_unit += 1;
            } else {
                misses.push(format!(
                    "{doc}: {quote:?} read as {:?} {:?}, gold {} {}",
                    found.value,
                    found.unit.map(|u| u.symbol()),
                    entry["value"],
                    entry["unit"]
                ));
            }
            let subject = entry["subject"].as_str().unwrap_or("");
            // An empty gold subject marks a figure shared by a list of companies.
            let list = subject.is_empty() && found.subjects.len() > 1;
            if list
                || found
                    .subjects
                    .iter()
                    .any(|s| s.eq_ignore_ascii_case(subject))
            {
                tally.subject += 1;
            } else {
                misses.push(format!(
                    "{doc}: {quote:?} subject {:?}, gold {subject:?}",
                    found.subjects
                ));
            }
            let metric = entry["metric"].as_str().unwrap_or("");
            if metric_matches(metric, found) {
                tally.metric += 1;
            } else {
                misses.push(format!(
                    "{doc}: {quote:?} metric {:?}, gold {metric:?}",
                    found.metric
                ));
            }
            let direction = entry["direction"].as_str();
            let ours = found.direction.map(|d| format!("{d:?}").to_lowercase());
            if direction.is_none() || direction == ours.as_deref() {
                tally.direction += 1;
            } else {
                misses.push(format!(
                    "{doc}: {quote:?} direction {ours:?}, gold {direction:?}"
                ));
            }
        }
    }
    println!(
        "gold figures: {}\nfound at the quoted place: {}\nright value and unit (or kind): {}\n\
         of the {} with a claim: subject right {}, metric right {}, direction right {}\n",
        tally.figures,
        tally.found,
        tally.value_unit,
        tally.with_claim,
        tally.subject,
        tally.metric,
        tally.direction
    );
    for miss in &misses {
        println!("- {miss}");
    }

    println!("\n## Figures the gold lacks (outside boilerplate)\n");
    let extras: Vec<&FigureEntry> = report
        .figures
        .iter()
        .filter(|figure| !figure.boilerplate)
        .filter(|figure| {
            !gold_spans.iter().any(|(doc, start, end)| {
                figure.doc == *doc && figure.start < *end && *start < figure.end
            })
        })
        .collect();
    println!("{} extras", extras.len());
    for figure in extras {
        println!("- {}: {:?} ({:?})", figure.doc, figure.text, figure.kind);
    }

    println!("\n## Findings\n");
    let locate = |side: &Json| -> Option<(String, usize, usize)> {
        let doc = side["doc"].as_str()?.to_string();
        let quote = side["quote"].as_str()?;
        let nth = side["nth"].as_u64().unwrap_or(1) as usize;
        let start = nth_occurrence(text_of(&doc), quote, nth)?;
        Some((doc, start, start + quote.len()))
    };
    let links = |finding: &FindingEntry, a: &(String, usize, usize), b: &(String, usize, usize)| {
        let touches = |side: &figcheck::report::SideEntry,
                       (doc, start, end): &(String, usize, usize)| {
            side.doc == *doc && side.start < *end && *start < side.end
        };
        (touches(&finding.a, a) && touches(&finding.b, b))
            || (touches(&finding.a, b) && touches(&finding.b, a))
    };
    for contradiction in gold["contradictions"].as_array().into_iter().flatten() {
        let (Some(a), Some(b)) = (locate(&contradiction["a"]), locate(&contradiction["b"])) else {
            println!("- contradiction with an unlocatable quote: {contradiction}");
            continue;
        };
        // Any 18% in the first article may stand for side a (the gold says so), so
        // match side a by document and quote text.
        let any_a = |finding: &FindingEntry| {
            let quote = contradiction["a"]["quote"].as_str().unwrap_or("");
            let side_b = |side: &figcheck::report::SideEntry| {
                side.doc == b.0 && side.start < b.2 && b.1 < side.end
            };
            (finding.a.doc == a.0 && finding.a.text.contains(quote) && side_b(&finding.b))
                || (finding.b.doc == a.0 && finding.b.text.contains(quote) && side_b(&finding.a))
        };
        let found = report.findings.iter().find(|finding| {
            matches!(
                finding.kind,
                FindingKind::Contradiction | FindingKind::QualitativeContradiction
            ) && (links(finding, &a, &b) || any_a(finding))
        });
        match found {
            Some(finding) => println!(
                "- found: {:?} vs {:?} ({:?}, confidence {:.2})",
                finding.a.text, finding.b.text, finding.kind, finding.confidence
            ),
            None => println!(
                "- MISSED: {:?} vs {:?}",
                contradiction["a"]["quote"], contradiction["b"]["quote"]
            ),
        }
    }
    for pair in gold["non_contradictions"].as_array().into_iter().flatten() {
        let (Some(a), Some(b)) = (locate(&pair["a"]), locate(&pair["b"])) else {
            println!("- pair with an unlocatable quote: {pair}");
            continue;
        };
        let wrong = report.findings.iter().find(|finding| {
            matches!(
                finding.kind,
                FindingKind::Contradiction
                    | FindingKind::ScaleMismatch
                    | FindingKind::Corroboration
                    | FindingKind::QualitativeContradiction
            ) && links(finding, &a, &b)
        });
        match wrong {
            Some(finding) => println!(
                "- WRONGLY REPORTED ({:?}): {:?} vs {:?}",
                finding.kind, pair["a"]["quote"], pair["b"]["quote"]
            ),
            None => println!(
                "- kept apart: {:?} vs {:?}",
                pair["a"]["quote"], pair["b"]["quote"]
            ),
        }
    }
    println!("\nall findings: {}", report.findings.len());
    for finding in &report.findings {
        println!(
            "- {:?}: {} {} — {:?} vs {:?}",
            finding.kind, finding.subject, finding.metric, finding.a.text, finding.b.text
        );
    }
    ExitCode::SUCCESS
}

#[derive(Default)]
struct Tally {
    figures: usize,
    found: usize,
    value_unit: usize,
    with_claim: usize,
    subject: usize,
    metric: usize,
    direction: usize,
}

fn nth_occurrence(text: &str, quote: &str, nth: usize) -> Option<usize> {
    text.match_indices(quote)
        .nth(nth.checked_sub(1)?)
        .map(|(at, _)| at)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1.0)
}

fn value_matches(gold: &Json, found: &FigureEntry) -> bool {
    match (gold, found.value) {
        (Json::Number(number), Some(Value::Point(value))) => {
            number.as_f64().is_some_and(|gold| close(gold, value))
        }
        // An approximate or bounded figure states its number as one side.
        (Json::Number(number), Some(Value::Interval { low, high })) => number
            .as_f64()
            .is_some_and(|gold| [low, high].into_iter().flatten().any(|v| close(gold, v))),
        (Json::Array(sides), Some(Value::Interval { low, high })) if sides.len() == 2 => {
            let same = |gold: &Json, ours: Option<f64>| match (gold.as_f64(), ours) {
                (Some(gold), Some(ours)) => close(gold, ours),
                (None, None) => true,
                _ => false,
            };
            same(&sides[0], low) && same(&sides[1], high)
        }
        _ => false,
    }
}

fn unit_matches(gold: &Json, found: &FigureEntry) -> bool {
    match gold.as_str() {
        Some(unit) => found.unit.is_some_and(|ours| ours.symbol() == unit),
        None => found.unit.is_none(),
    }
}

/// The gold names metrics in free words; figcheck names a quantity by its canonical
/// family. A gold metric matches when it names the family figcheck read.
fn metric_matches(gold: &str, found: &FigureEntry) -> bool {
    use figcheck::claims::quantity::known;
    let gold = gold.to_lowercase();
    let expected = if gold.contains("share price") {
        known::SHARE_PRICE
    } else if gold.contains("market cap") {
        known::MARKET_VALUE
    } else if gold.contains("revenue") {
        known::REVENUE
    } else if gold.contains("acquisition") {
        known::ACQUISITION_PRICE
    } else if gold.contains("sold") {
        known::ASSET_SALE
    } else if gold.contains("production") {
        known::PRODUCTION
    } else if gold == "price" {
        known::PRICE
    } else if gold.contains("construction") || gold.contains("invest") || gold.contains("funding") {
        // Money spent on building is investment.
        known::FUNDING
    } else if gold.contains("capacity") || gold.contains("power") {
        known::CAPACITY
    } else {
        "unknown"
    };
    found.metric == expected
}
