//! The report: what the CLI prints with `--json` and what the WebAssembly API returns.
//!
//! ```json
//! {"offsets": "utf8",
//!  "documents": [{"id", "title", "bytes", "figures"}],
//!  "figures": [{"id", "doc", "start", "end", "text", "kind", "value", "unit", ...}],
//!  "findings": [{"kind", "severity", "confidence", "a": {...}, "b": {...}, "explanation"}]}
//! ```
//!
//! `value` is a number for a point, `{"low": .., "high": ..}` for a range or bound (null
//! for an open side), and null for dates (whose days are in `period`). Offsets are UTF-8
//! bytes in the core and the CLI; the WebAssembly API converts them to UTF-16 code units
//! and says so in `offsets`. The shape only grows.

use serde::Serialize;

use crate::check::{Finding, FindingKind, Severity};
use crate::claims::{Analysis, Basis, Claim, Direction, Modality, Quantity};
use crate::figures::{Amount, ChangeEnd, DayInterval, Figure, FigureKind, Qualifier, Unit};
use crate::span::{Span, utf8_to_utf16_offsets};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// The unit of every `start` and `end`: `"utf8"` bytes or `"utf16"` code units.
    pub offsets: &'static str,
    pub documents: Vec<DocumentEntry>,
    pub figures: Vec<FigureEntry>,
    pub findings: Vec<FindingEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DocumentEntry {
    pub id: String,
    pub title: String,
    /// Length of the text in the offsets' unit.
    pub length: usize,
    pub figures: usize,
}

/// A figure's value: a number, or the sides of a range or bound.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Value {
    Point(f64),
    Interval { low: Option<f64>, high: Option<f64> },
}

impl Value {
    fn of(amount: &Amount) -> Option<Value> {
        match (amount.low, amount.high) {
            (None, None) => None,
            _ => Some(match amount.as_point() {
                Some(point) => Value::Point(point),
                None => Value::Interval {
                    low: amount.low,
                    high: amount.high,
                },
            }),
        }
    }
}

/// A figure's value in its dimension's base unit ("1.2 GW" is 1.2e9 W).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BaseValue {
    pub value: Value,
    pub unit: &'static str,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FigureEntry {
    /// `"<document id>#<n>"`, n counting from 1 in document order.
    pub id: String,
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: FigureKind,
    pub value: Option<Value>,
    pub unit: Option<Unit>,
    pub base: Option<BaseValue>,
    pub qualifier: Qualifier,
    /// Place value of the last digit: the figure stands for value ± precision / 2.
    pub precision: f64,
    pub noun: Option<String>,
    pub period: Option<DayInterval>,
    pub change_end: Option<ChangeEnd>,
    pub boilerplate: bool,
    pub subject: Option<String>,
    /// Every subject when a list shares the figure.
    pub subjects: Vec<String>,
    /// What the figure counts or measures, or null.
    pub quantity: Option<Quantity>,
    /// The quantity's name, "unknown" when nothing says (kept from the first shape).
    pub metric: String,
    /// Against what a change is measured, in which session, on which measure.
    pub basis: Basis,
    /// "actual", "expected" (estimates, forecasts, targets) or "historical" (records).
    pub modality: Modality,
    pub segment: Option<String>,
    pub direction: Option<Direction>,
    pub is_change: bool,
    pub hedged: bool,
    pub event: Option<String>,
    pub attribution: Option<String>,
    /// A readable one-line reading: "Core Scientific · share price · down 18%".
    pub reading: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SideEntry {
    pub doc: String,
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The figure's id, or null for a verdict.
    pub figure: Option<String>,
    pub sentence: SentenceEntry,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SentenceEntry {
    pub start: usize,
    pub end: usize,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingEntry {
    pub kind: FindingKind,
    pub severity: Severity,
    pub confidence: f64,
    pub subject: String,
    pub quantity: Option<Quantity>,
    /// The quantity's name, "unknown" when nothing says (kept from the first shape).
    pub metric: String,
    pub a: SideEntry,
    pub b: SideEntry,
    pub explanation: String,
}

/// A quantity's name for the `metric` field: "unknown" when there is none.
fn metric_name(quantity: Option<&Quantity>) -> String {
    quantity.map_or_else(|| "unknown".to_string(), |q| q.key().to_string())
}

fn figure_id(doc: &str, index: usize) -> String {
    format!("{doc}#{}", index + 1)
}

impl Report {
    /// The report over all analysed documents.
    pub fn new(analyses: &[Analysis], findings: Vec<Finding>) -> Report {
        let all: Vec<&Analysis> = analyses.iter().collect();
        Report::for_documents(&all, analyses, findings)
    }

    /// A report listing the figures of `shown` and the given findings, whose sides may
    /// point into any of `analyses`.
    pub fn for_documents(
        shown: &[&Analysis],
        analyses: &[Analysis],
        findings: Vec<Finding>,
    ) -> Report {
        let documents = shown
            .iter()
            .map(|a| DocumentEntry {
                id: a.document.id.clone(),
                title: a.document.title.clone(),
                length: a.document.text.len(),
                figures: a.figures.len(),
            })
            .collect();
        let figures = shown
            .iter()
            .flat_map(|a| {
                a.figures
                    .iter()
                    .zip(&a.claims)
                    .enumerate()
                    .map(move |(i, (f, c))| figure_entry(a, i, f, c))
            })
            .collect();
        let findings = findings
            .into_iter()
            .map(|f| finding_entry(analyses, f))
            .collect();
        Report {
            offsets: "utf8",
            documents,
            figures,
            findings,
        }
    }

    /// Rewrites every offset as UTF-16 code units, one pass over each document. The
    /// WebAssembly boundary calls this once before the report crosses to JS.
    pub fn offsets_to_utf16<'t>(&mut self, text_of: &dyn Fn(&str) -> Option<&'t str>) {
        if self.offsets == "utf16" {
            return;
        }
        let mut by_doc: rustc_hash::FxHashMap<String, Vec<&mut usize>> =
            rustc_hash::FxHashMap::default();
        let mut lengths: Vec<(&String, &mut usize)> = Vec::new();
        for document in &mut self.documents {
            lengths.push((&document.id, &mut document.length));
        }
        for (id, length) in lengths {
            by_doc.entry(id.clone()).or_default().push(length);
        }
        for figure in &mut self.figures {
            let offsets = by_doc.entry(figure.doc.clone()).or_default();
            offsets.push(&mut figure.start);
            offsets.push(&mut figure.end);
        }
        for finding in &mut self.findings {
            for side in [&mut finding.a, &mut finding.b] {
                let offsets = by_doc.entry(side.doc.clone()).or_default();
                offsets.push(&mut side.start);
                offsets.push(&mut side.end);
                offsets.push(&mut side.sentence.start);
                offsets.push(&mut side.sentence.end);
            }
        }
        for (doc, mut offsets) in by_doc {
            if let Some(text) = text_of(&doc) {
                utf8_to_utf16_offsets(text, &mut offsets);
            }
        }
        self.offsets = "utf16";
    }
}

fn figure_entry(analysis: &Analysis, index: usize, figure: &Figure, claim: &Claim) -> FigureEntry {
    let text = &analysis.document.text;
    let base = figure.unit.and_then(|unit| {
        Value::of(&figure.base_amount()).map(|value| BaseValue {
            value,
            unit: unit.base_symbol(),
        })
    });
    FigureEntry {
        id: figure_id(&analysis.document.id, index),
        doc: analysis.document.id.clone(),
        start: figure.span.start,
        end: figure.span.end,
        text: figure.span.text(text).to_string(),
        kind: figure.kind,
        value: Value::of(&figure.amount),
        unit: figure.unit,
        base,
        qualifier: figure.qualifier,
        precision: figure.amount.resolution,
        noun: figure.noun.clone(),
        period: figure.period.or(claim.period),
        change_end: figure.change_end,
        boilerplate: figure.boilerplate,
        subject: claim.subjects.first().map(|s| s.name.to_string()),
        subjects: claim.subjects.iter().map(|s| s.name.to_string()).collect(),
        quantity: claim.quantity.clone(),
        metric: metric_name(claim.quantity.as_ref()),
        basis: claim.basis,
        modality: claim.modality,
        segment: claim.segment.clone(),
        direction: claim.direction,
        is_change: claim.is_change,
        hedged: claim.hedged,
        event: claim.event.clone(),
        attribution: claim.attribution.clone(),
        reading: reading(figure, claim),
    }
}

/// "Core Scientific · share price · down · 18%".
pub fn reading(figure: &Figure, claim: &Claim) -> String {
    if matches!(figure.kind, FigureKind::Date | FigureKind::Metadata) {
        return figure.period.map_or_else(String::new, |p| {
            let (first, last) = (
                crate::figures::date::iso(p.start),
                crate::figures::date::iso(p.end - 1),
            );
            if first == last {
                first
            } else {
                format!("{first} to {last}")
            }
        });
    }
    let mut parts: Vec<String> = Vec::new();
    if !claim.subjects.is_empty() {
        parts.push(
            claim
                .subjects
                .iter()
                .map(|s| &*s.name)
                .collect::<Vec<_>>()
                .join(", "),
        );
    }
    if let Some(quantity) = &claim.quantity {
        let metric = match &claim.segment {
            Some(segment) => format!("{segment} {}", quantity.key()),
            None => quantity.key().to_string(),
        };
        parts.push(metric);
    }
    if let Some(basis) = claim.basis.describe() {
        parts.push(basis);
    }
    match claim.modality {
        Modality::Actual => {}
        Modality::Expected => parts.push("expected".into()),
        Modality::Historical => parts.push("earlier figure".into()),
    }
    if let Some(direction) = claim.direction {
        parts.push(if direction == Direction::Up {
            "up".into()
        } else {
            "down".into()
        });
    }
    parts.push(format_amount(figure));
    if let Some(period) = figure.period.or(claim.period) {
        parts.push(format!(
            "{} to {}",
            crate::figures::date::iso(period.start),
            crate::figures::date::iso(period.end - 1)
        ));
    }
    parts.join(" · ")
}

/// A figure's value for people: "18%", "4%–12%", "more than 10%", "$115.2 million".
pub fn format_amount(figure: &Figure) -> String {
    let Some(unit) = figure.unit else {
        return match figure.amount.central() {
            Some(value) => trim_number(value),
            None => String::new(),
        };
    };
    let one = |value: f64| format_value(value, unit);
    let amount = figure.amount;
    match (amount.low, amount.high) {
        (Some(low), Some(high)) if low == high => match figure.qualifier {
            Qualifier::Approximate => format!("about {}", one(low)),
            _ => one(low),
        },
        (Some(low), Some(high)) if figure.qualifier == Qualifier::Nearly => {
            format!("nearly {} (≥ {})", one(high), one(low))
        }
        (Some(low), Some(high)) => format!("{}–{}", one(low), one(high)),
        (Some(low), None) => format!(
            "{} {}",
            if figure.qualifier == Qualifier::MoreThan {
                "more than"
            } else {
                "at least"
            },
            one(low)
        ),
        (None, Some(high)) => format!(
            "{} {}",
            if figure.qualifier == Qualifier::LessThan {
                "less than"
            } else {
                "at most"
            },
            one(high)
        ),
        (None, None) => String::new(),
    }
}

/// A value in a unit, for people: "$115.2 million", "18%", "200 MW", "€3.5 million".
pub fn format_value(value: f64, unit: Unit) -> String {
    let symbol = unit.symbol();
    let currency_sign = match symbol {
        "USD" => Some("$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "JPY" => Some("¥"),
        _ => None,
    };
    if unit.dimension() == crate::figures::Dimension::Money {
        let (scaled, word) = match value.abs() {
            v if v >= 1e12 => (value / 1e12, " trillion"),
            v if v >= 1e9 => (value / 1e9, " billion"),
            v if v >= 1e6 => (value / 1e6, " million"),
            _ => (value, ""),
        };
        let number = trim_number(scaled);
        return match currency_sign {
            Some(sign) if value < 0.0 => format!("−{sign}{}{word}", number.trim_start_matches('-')),
            Some(sign) => format!("{sign}{number}{word}"),
            None => format!("{number}{word} {symbol}"),
        };
    }
    match symbol {
        "%" => format!("{}%", trim_number(value)),
        "x" => format!("{}×", trim_number(value)),
        _ => format!("{} {symbol}", trim_number(value)),
    }
}

/// A number without float noise: 115.2, 18, 0.333.
pub(crate) fn trim_number(value: f64) -> String {
    // Whole numbers, most figures in news, need no rounding.
    if value.fract() == 0.0 && value.abs() < 1e15 {
        return (value as i64).to_string();
    }
    // The shortest form that reads back as the same number is the answer when it has at
    // most three decimals ("17.5"), and much cheaper to write than a rounded one.
    let shortest = value.to_string();
    if shortest
        .split_once('.')
        .is_some_and(|(_, decimals)| decimals.len() <= 3 && !decimals.contains('e'))
    {
        return shortest;
    }
    let rounded = format!("{:.3}", value);
    let trimmed = rounded.trim_end_matches('0').trim_end_matches('.');
    if trimmed == "-0" {
        "0".to_string()
    } else {
        trimmed.to_string()
    }
}

fn finding_entry(analyses: &[Analysis], finding: Finding) -> FindingEntry {
    let side = |side: &crate::check::Side| {
        let analysis = &analyses[side.doc];
        let text = &analysis.document.text;
        SideEntry {
            doc: analysis.document.id.clone(),
            start: side.span.start,
            end: side.span.end,
            text: side.span.text(text).to_string(),
            figure: side.figure.map(|i| figure_id(&analysis.document.id, i)),
            sentence: sentence_entry(text, side.sentence),
        }
    };
    FindingEntry {
        kind: finding.kind,
        severity: finding.severity,
        confidence: (finding.confidence * 100.0).round() / 100.0,
        subject: finding.subject.clone(),
        metric: metric_name(finding.quantity.as_ref()),
        quantity: finding.quantity,
        a: side(&finding.a),
        b: side(&finding.b),
        explanation: finding.explanation,
    }
}

fn sentence_entry(text: &str, sentence: Span) -> SentenceEntry {
    SentenceEntry {
        start: sentence.start,
        end: sentence.end,
        text: sentence.text(text).to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Corpus, Document};

    #[test]
    fn values_serialise_as_numbers_or_sides() {
        let mut corpus = Corpus::new();
        corpus
            .insert(Document::new(
                "a",
                "fell 18% or between 4% and 12%, more than 10%",
            ))
            .unwrap();
        let json = serde_json::to_value(corpus.report()).unwrap();
        assert_eq!(json["figures"][0]["value"], serde_json::json!(18.0));
        assert_eq!(
            json["figures"][1]["value"],
            serde_json::json!({"low": 4.0, "high": 12.0})
        );
        assert_eq!(
            json["figures"][2]["value"],
            serde_json::json!({"low": 10.0, "high": null})
        );
    }

    #[test]
    fn utf16_offsets_select_the_same_text() {
        let text = "€5 – 📉 中 shares fell 18%";
        let mut corpus = Corpus::new();
        corpus.insert(Document::new("a", text)).unwrap();
        let mut report = corpus.report();
        report.offsets_to_utf16(&|_| Some(text));
        let units: Vec<u16> = text.encode_utf16().collect();
        for figure in &report.figures {
            assert_eq!(
                String::from_utf16(&units[figure.start..figure.end]).unwrap(),
                figure.text
            );
        }
        assert_eq!(report.documents[0].length, units.len());
        assert_eq!(report.offsets, "utf16");
    }

    #[test]
    fn money_reads_back_in_words() {
        let usd = Unit::from_symbol("USD").unwrap();
        assert_eq!(format_value(115_200_000.0, usd), "$115.2 million");
        assert_eq!(format_value(-5e6, usd), "−$5 million");
        assert_eq!(format_value(18.0, Unit::from_symbol("%").unwrap()), "18%");
    }
}
