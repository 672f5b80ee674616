//! Scores figcheck's extractor against other projects' test suites.
//!
//! ```text
//! cargo run --release --example peer_suites -- [DIR] [--list]
//! ```
//!
//! `DIR` (default `../shared/peer-suites`) holds JSON Lines files named
//! `<source>_<category>.jsonl`, one case per line, as described in that folder's README.
//! For the percent, money, range and dimension files, every case is either scored or left
//! out with a reason; the scored ones give a value-and-unit precision, recall and F1 per
//! source and category. `--list` also prints every case left out and every disagreement,
//! each with the reason recorded in `benches/peer-verdicts.tsv` (or "unexplained").
//!
//! `--predictions FILE` scores another tool's answers instead of figcheck's, with the same
//! cases, the same cases left out and the same matching (see [`Predictions`]);
//! `scripts/bench-peers.mjs` writes those files for compromise, Recognizers-Text and
//! quantulum3.
//!
//! Matching is on value and unit only, not on span: a peer's "$ 1 billion" and ours are
//! the same figure even where the two projects draw the span differently. Values compare
//! after conversion to the unit's base (1,200 MW equals 1.2 GW) with a relative tolerance
//! of one part in a million; ranges and bounds compare side by side, an open side only
//! with an open side.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use figcheck::Figure;
use figcheck::figures::{Dimension, FigureKind, Qualifier, Unit, extract};
use serde_json::Value;

const CATEGORIES: [&str; 4] = ["percent", "money", "range", "dimension"];
const VERDICTS: &str = include_str!("../benches/peer-verdicts.tsv");

fn main() -> ExitCode {
    let mut dir = PathBuf::from("../shared/peer-suites");
    let mut list = false;
    let mut predictions_path = None;
    let mut arguments = std::env::args().skip(1);
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--list" => list = true,
            "--predictions" => predictions_path = arguments.next().map(PathBuf::from),
            "-h" | "--help" => {
                println!("usage: peer_suites [DIR] [--list] [--predictions FILE]");
                return ExitCode::SUCCESS;
            }
            path => dir = PathBuf::from(path),
        }
    }
    let predictions = match predictions_path.as_deref().map(Predictions::read) {
        Some(Ok(predictions)) => Some(predictions),
        Some(Err(error)) => {
            eprintln!("peer_suites: {error}");
            return ExitCode::from(2);
        }
        None => None,
    };
    let verdicts = verdicts();
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&dir) {
        Ok(entries) => entries.filter_map(|e| e.ok().map(|e| e.path())).collect(),
        Err(error) => {
            eprintln!("peer_suites: cannot read {}: {error}", dir.display());
            return ExitCode::from(2);
        }
    };
    files.sort();

    // Another tool's units are named as that tool names them; the suites record each
    // source's own unit name beside the normalised one, which gives the translation.
    let unit_names = match &predictions {
        Some(_) => unit_names(&files),
        None => HashMap::new(),
    };
    let mut table = String::from(
        "| source | category | cases | scored | left out | TP | FP | FN | precision | recall | F1 |\n\
         |---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    let mut details = String::new();
    let mut unexplained = 0;
    let mut stale: Vec<String> = Vec::new();
    for path in files {
        let Some((source, category)) = split_name(&path) else {
            continue;
        };
        if !CATEGORIES.contains(&category.as_str()) {
            continue;
        }
        if let Some(predictions) = &predictions
            && !predictions.supports.contains(&category)
        {
            let _ = writeln!(
                table,
                "| {source} | {category} | not read by this tool | | | | | | | | |"
            );
            continue;
        }
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("peer_suites: cannot read {}: {error}", path.display());
                return ExitCode::from(2);
            }
        };
        let mut tally = Tally::default();
        for line in text.lines().filter(|line| !line.trim().is_empty()) {
            let case: Value = match serde_json::from_str(line) {
                Ok(case) => case,
                Err(error) => {
                    eprintln!("peer_suites: {}: bad line: {error}", path.display());
                    return ExitCode::from(2);
                }
            };
            let id = case["id"].as_str().unwrap_or("?").to_string();
            let input = case["text"].as_str().unwrap_or("");
            tally.cases += 1;
            let recorded = verdicts.get(id.as_str()).copied();
            if let Some(reason) = recorded.filter(|reason| leaves_out(reason)) {
                tally.left_out += 1;
                let _ = writeln!(details, "left out  {id}\t{reason}");
                continue;
            }
            let expected = match expectations(&case, &category) {
                Ok(expected) => expected,
                Err(reason) => {
                    tally.left_out += 1;
                    let verdict = verdicts
                        .get(id.as_str())
                        .copied()
                        .unwrap_or(reason.as_str());
                    let _ = writeln!(details, "left out  {id}\t{verdict}");
                    continue;
                }
            };
            let found: Vec<Observed> = match &predictions {
                Some(predictions) => predictions.observed(&id, &category, &unit_names),
                None => extract(input)
                    .iter()
                    .filter_map(|figure| match category.as_str() {
                        "range" => observe_range(figure, input),
                        _ => observe(figure, &category, &id),
                    })
                    .collect(),
            };
            let (matched, missed, extra) = pair_up(&expected, &found);
            tally.tp += matched;
            tally.fn_ += missed.len();
            tally.fp += extra.len();
            if missed.is_empty() && extra.is_empty() {
                if recorded.is_some() {
                    stale.push(id.clone());
                }
            } else {
                let verdict = match verdicts.get(id.as_str()) {
                    Some(verdict) => verdict,
                    None => {
                        unexplained += 1;
                        "unexplained"
                    }
                };
                let _ = writeln!(
                    details,
                    "disagree  {id}\t{verdict}\n          text: {input:?}\n          missed: {}\n          extra: {}",
                    describe(&missed),
                    describe(&extra)
                );
            }
        }
        let _ = writeln!(table, "| {source} | {category} | {} |", tally.row());
    }
    print!("{table}");
    if list {
        println!("\n{details}");
    }
    println!("\nunexplained disagreements: {unexplained}");
    println!("reasons for cases that now agree: {}", stale.len());
    for id in &stale {
        println!("  {id}");
    }
    ExitCode::SUCCESS
}

fn split_name(path: &Path) -> Option<(String, String)> {
    let stem = path.file_stem()?.to_str()?;
    if path.extension()? != "jsonl" {
        return None;
    }
    let (source, category) = stem.rsplit_once('_')?;
    Some((source.to_string(), category.to_string()))
}

/// Another tool's answers, for scoring it with this same scorer: a JSON Lines file whose
/// first line is `{"tool": NAME, "supports": [CATEGORY, ...]}` and each further line
/// `{"id": CASE, "category": CATEGORY, "found": [{"low", "high", "unit"}]}`, values as the
/// tool states them (percent in percent units) and units as the tool names them.
struct Predictions {
    supports: Vec<String>,
    found: HashMap<(String, String), Vec<Value>>,
}

impl Predictions {
    fn read(path: &Path) -> Result<Predictions, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|error| format!("cannot read {}: {error}", path.display()))?;
        let mut lines = text.lines().filter(|line| !line.trim().is_empty());
        let header: Value = serde_json::from_str(lines.next().unwrap_or("{}"))
            .map_err(|error| format!("{}: bad header: {error}", path.display()))?;
        let supports = header["supports"]
            .as_array()
            .map(|list| {
                list.iter()
                    .filter_map(|c| c.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or_default();
        let mut found = HashMap::new();
        for line in lines {
            let entry: Value = serde_json::from_str(line)
                .map_err(|error| format!("{}: bad line: {error}", path.display()))?;
            let key = (
                entry["id"].as_str().unwrap_or("").to_string(),
                entry["category"].as_str().unwrap_or("").to_string(),
            );
            let items = entry["found"].as_array().cloned().unwrap_or_default();
            found.insert(key, items);
        }
        Ok(Predictions { supports, found })
    }

    /// The tool's figures for one case, as the category sees them; a unit the scorer
    /// cannot place is kept under its own name, so that it counts as a false positive.
    fn observed(
        &self,
        id: &str,
        category: &str,
        unit_names: &HashMap<String, String>,
    ) -> Vec<Observed> {
        let Some(items) = self.found.get(&(id.to_string(), category.to_string())) else {
            return Vec::new();
        };
        items
            .iter()
            .map(|item| {
                let (low, high) = (item["low"].as_f64(), item["high"].as_f64());
                let name = item["unit"].as_str().unwrap_or("");
                let normalised = unit_names.get(name).map_or(name, String::as_str);
                let (factor, unit) = match category {
                    "percent" => (1.0, "%".to_string()),
                    "range" => (1.0, String::new()),
                    "money" => match Unit::from_symbol(normalised) {
                        Some(unit) => (1.0, unit.symbol().to_string()),
                        None => (1.0, format!("?{name}")),
                    },
                    _ => match peer_unit(normalised) {
                        Some(unit) => (unit.to_base(), unit_key(unit)),
                        None => (1.0, format!("?{name}")),
                    },
                };
                Observed {
                    low: low.map(|v| v * factor),
                    high: high.map(|v| v * factor),
                    unit,
                }
            })
            .collect()
    }
}

/// Each source's unit names and the normalised unit the suites give for them
/// ("Kilometer" and "kilometre" are "km").
fn unit_names(files: &[PathBuf]) -> HashMap<String, String> {
    let mut names = HashMap::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(path) else {
            continue;
        };
        for line in text.lines() {
            let Ok(case) = serde_json::from_str::<Value>(line) else {
                continue;
            };
            for item in case["expected"].as_array().into_iter().flatten() {
                if let (Some(source), Some(unit)) =
                    (item["unit_source"].as_str(), item["unit"].as_str())
                {
                    names
                        .entry(source.to_string())
                        .or_insert_with(|| unit.to_string());
                }
            }
        }
    }
    names
}

/// Whether a recorded reason takes the case out of scoring: the peer's expectation is
/// wrong by a fact of the text ("peer error: ..."), or the case is not English usage
/// ("not English: ..."). Scoring against either would measure nothing. Every other
/// disagreement stays scored.
fn leaves_out(reason: &str) -> bool {
    reason.starts_with("peer error:") || reason.starts_with("not English:")
}

/// `benches/peer-verdicts.tsv`: one case id and our reason for disagreeing, per line.
fn verdicts() -> HashMap<&'static str, &'static str> {
    VERDICTS
        .lines()
        .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
        .filter_map(|line| line.split_once('\t'))
        .collect()
}

#[derive(Default)]
struct Tally {
    cases: usize,
    left_out: usize,
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn row(&self) -> String {
        let precision = ratio(self.tp, self.tp + self.fp);
        let recall = ratio(self.tp, self.tp + self.fn_);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        format!(
            "{} | {} | {} | {} | {} | {} | {precision:.3} | {recall:.3} | {f1:.3}",
            self.cases,
            self.cases - self.left_out,
            self.left_out,
            self.tp,
            self.fp,
            self.fn_
        )
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

/// A value reduced to what both sides can state: base-unit bounds and a unit key.
#[derive(Debug, Clone, PartialEq)]
struct Observed {
    low: Option<f64>,
    high: Option<f64>,
    /// The currency code, the dimension name, or "" for unitless ranges.
    unit: String,
}

fn describe(values: &[Observed]) -> String {
    let parts: Vec<String> = values
        .iter()
        .map(|value| match (value.low, value.high) {
            (Some(low), Some(high)) if low == high => format!("{low} {}", value.unit),
            (low, high) => format!("[{low:?}, {high:?}] {}", value.unit),
        })
        .collect();
    if parts.is_empty() {
        "-".to_string()
    } else {
        parts.join("; ")
    }
}

/// What the peer expects, or why the case is out of figcheck's scope.
fn expectations(case: &Value, category: &str) -> Result<Vec<Observed>, String> {
    if let Some(locale) = case["meta"]["locale"].as_str()
        && locale != "EN"
        && category == "money"
    {
        return Err(format!("regional money slang ({locale})"));
    }
    let Some(expected) = case["expected"].as_array() else {
        return Err("no expectations".to_string());
    };
    if let Some(item) = expected
        .iter()
        .find(|item| !has_numeral(item["text"].as_str().unwrap_or("0")))
    {
        return Err(format!(
            "no numeral in {:?}: figcheck reads \"a\" as an article, not as one",
            item["text"].as_str().unwrap_or("")
        ));
    }
    expected
        .iter()
        .map(|item| {
            let (low, high) = match &item["value"] {
                // quantulum3 writes "8 to 16" as 12 with an uncertainty of 4.
                Value::Number(number) => match (number.as_f64(), item["uncertainty"].as_f64()) {
                    (Some(value), Some(spread)) => (Some(value - spread), Some(value + spread)),
                    (value, _) => (value, value),
                },
                Value::Array(sides) if sides.len() == 2 => (sides[0].as_f64(), sides[1].as_f64()),
                other => return Err(format!("value {other} has no numeric reading")),
            };
            let unit = item["unit"].as_str();
            let (factor, key) = match category {
                "percent" => (1.0, "%".to_string()),
                "range" => (1.0, String::new()),
                "money" => match unit.and_then(Unit::from_symbol) {
                    Some(unit)
                        if matches!(
                            unit.dimension(),
                            Dimension::Money | Dimension::CryptoAmount
                        ) =>
                    {
                        (1.0, unit.symbol().to_string())
                    }
                    _ => return Err(format!("currency {unit:?} not in figcheck's table")),
                },
                _ => match unit.and_then(peer_unit) {
                    Some(unit) => (unit.to_base(), unit_key(unit)),
                    None => return Err(format!("unit {unit:?} not in scope")),
                },
            };
            Ok(Observed {
                low: low.map(|v| v * factor),
                high: high.map(|v| v * factor),
                unit: key,
            })
        })
        .collect()
}

/// Whether a peer's figure is written with a numeral: digits or a number word. "a
/// kilogram" and "a dollar" are not; "half a liter" is.
fn has_numeral(text: &str) -> bool {
    const NUMBER_WORDS: &[&str] = &[
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "twenty", "thirty", "forty", "fifty", "hundred", "thousand", "million",
        "billion", "dozen", "half", "third", "quarter", "fourth", "tenth",
    ];
    text.contains(|c: char| c.is_ascii_digit())
        || text
            .to_lowercase()
            .split(|c: char| !c.is_alphabetic())
            .any(|word| NUMBER_WORDS.iter().any(|number| word.starts_with(number)))
}

/// The peers' unit names for units figcheck has.
fn peer_unit(name: &str) -> Option<Unit> {
    let symbol = match name {
        "km2" => "km²",
        "m2" => "m²",
        "square mile" => "sq mi",
        "kelvin" | "°" | "degree" => return None,
        "centilitre" => "cL",
        "hour" => "h",
        "minute" => "min",
        "byte" => "B",
        other => other,
    };
    Unit::from_symbol(symbol)
}

fn unit_key(unit: Unit) -> String {
    match unit.dimension() {
        Dimension::Money | Dimension::CryptoAmount | Dimension::Temperature => {
            unit.symbol().to_string()
        }
        dimension => format!("{dimension:?}"),
    }
}

/// Our figure as the peer category sees it, or `None` if that category does not list it.
///
/// `case_id` says which of the peer's models the case was written for: Recognizers keeps
/// temperature, age and other dimensions in separate models, and Duckling keeps distance,
/// volume, quantity and temperature in separate corpora, each listing only its own.
fn observe(figure: &Figure, category: &str, case_id: &str) -> Option<Observed> {
    let key = match category {
        // Recognizers' "percent mode" reads "one in four" and "a quarter of" as 25%.
        "percent" if figure.kind == FigureKind::Fraction && case_id.contains("PercentMode") => {
            let amount = figure.amount;
            return Some(Observed {
                low: amount.low.map(|v| v * 100.0),
                high: amount.high.map(|v| v * 100.0),
                unit: "%".to_string(),
            });
        }
        "percent" if figure.kind == FigureKind::Percent => "%".to_string(),
        _ => return observe_unit(figure, category, case_id),
    };
    let amount = figure.base_amount();
    Some(Observed {
        low: amount.low,
        high: amount.high,
        unit: key,
    })
}

fn observe_unit(figure: &Figure, category: &str, case_id: &str) -> Option<Observed> {
    let unit = figure.unit?;
    let key = match category {
        "money"
            if figure.kind == FigureKind::Money || unit.dimension() == Dimension::CryptoAmount =>
        {
            unit.symbol().to_string()
        }
        "dimension"
            if matches!(figure.kind, FigureKind::Quantity | FigureKind::Duration)
                && model_lists(case_id, unit.dimension()) =>
        {
            unit_key(unit)
        }
        _ => return None,
    };
    let amount = figure.base_amount();
    Some(Observed {
        low: amount.low,
        high: amount.high,
        unit: key,
    })
}

/// Whether the peer model a case belongs to reports figures of this dimension.
fn model_lists(case_id: &str, dimension: Dimension) -> bool {
    use Dimension::{Temperature, Time};
    if case_id.contains("Temperature") {
        dimension == Temperature
    } else if case_id.contains("AgeModel") {
        dimension == Time
    } else if case_id.contains("Distance/") {
        dimension == Dimension::Length
    } else if case_id.contains("Volume/") {
        dimension == Dimension::Volume
    } else if case_id.contains("DimensionModel") || case_id.contains("Quantity/") {
        !matches!(dimension, Temperature | Time)
    } else {
        true
    }
}

/// Observes a figure for the range category: any figure stated as a range or a bound,
/// and an exact figure stated as an equality ("equals 20", "is equal to 20"), which
/// Recognizers' range model lists as the range from 20 to 20 and figcheck as the point 20.
fn observe_range(figure: &Figure, text: &str) -> Option<Observed> {
    if figure.kind == FigureKind::Date {
        return None;
    }
    let exact = matches!(figure.qualifier, Qualifier::Exact | Qualifier::Approximate);
    if exact && !states_equality(&text[..figure.span.start]) {
        return None;
    }
    Some(Observed {
        low: figure.amount.low,
        high: figure.amount.high,
        unit: String::new(),
    })
}

/// Whether the text before a figure ends on an equality: "equals", "equal to".
fn states_equality(before: &str) -> bool {
    let before = before.trim_end().to_ascii_lowercase();
    [
        "equal to",
        "equals",
        "equals to",
        "equaling to",
        "equalling to",
    ]
    .iter()
    .any(|phrase| before.ends_with(phrase))
}

fn same(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9),
        (None, None) => true,
        _ => false,
    }
}

/// Whether a found value states what the peer expects. A peer that gives a point for
/// "more than $247 million" has no notion of bounds; ours states the same number, as its
/// closed side.
fn agrees(got: &Observed, want: &Observed) -> bool {
    if same(got.low, want.low) && same(got.high, want.high) {
        return true;
    }
    let point = want.low.filter(|_| same(want.low, want.high));
    match (point, got.low, got.high) {
        (Some(value), Some(low), None) | (Some(value), None, Some(low)) => {
            same(Some(low), Some(value))
        }
        _ => false,
    }
}

/// Pairs expected and found values greedily; returns the matches, the misses and the
/// extras.
fn pair_up(expected: &[Observed], found: &[Observed]) -> (usize, Vec<Observed>, Vec<Observed>) {
    let mut extra: Vec<Observed> = found.to_vec();
    let mut missed = Vec::new();
    let mut matched = 0;
    for want in expected {
        let hit = extra
            .iter()
            .position(|got| got.unit == want.unit && agrees(got, want));
        match hit {
            Some(index) => {
                extra.remove(index);
                matched += 1;
            }
            None => missed.push(want.clone()),
        }
    }
    (matched, missed, extra)
}
