//! Step 4: checking. Compares claims and reports what a careful fact-checker would.
//!
//! 1. Claims are indexed by (subject, metric), so only claims that could disagree are
//!    ever compared: the work grows with the number of comparable pairs, not with the
//!    square of the corpus.
//! 2. Two claims in one bucket are compared only if their figures are of one kind and
//!    their units convert (percent never meets percentage points; dollars never meet
//!    euros), both are changes or both are levels, and their periods overlap or are
//!    unknown. Claims in different periods are "not comparable", reported only where
//!    their values would otherwise disagree.
//! 3. Each claim becomes an [`Interval`]: a point carries its rounding ("18%" is 17.5 to
//!    18.5), an approximation its tolerance, a range and a bound their sides. Disjoint
//!    intervals contradict; a ratio of a thousand between them is reported as a scale
//!    mismatch, the classic million-for-billion slip. Opposite directions ("rose 3%",
//!    "fell 3%") contradict whatever the numbers.
//! 4. Verdicts ("weak Q1 profitability", "strong Q1 2026 earnings") about one subject
//!    and quarter with opposite polarity are a qualitative contradiction.
//! 5. Inside each article, a stated change in percent is recomputed from the two levels
//!    it runs between (the `internal` module).
//! 6. Repeats are folded: one finding per pair of documents, subject, metric and kind.

mod internal;
mod interval;

use std::collections::{HashMap, HashSet};

use serde::Serialize;

pub use interval::Interval;

use crate::claims::{Analysis, Direction, Metric, Polarity, SubjectKind, Verdict};
use crate::figures::{Figure, FigureKind, Qualifier, Unit};
use crate::span::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Two figures for the same thing that cannot both be true.
    Contradiction,
    /// Two figures a thousand times apart: million against billion.
    ScaleMismatch,
    /// Opposite verdicts on the same subject and period.
    QualitativeContradiction,
    /// Figures that agree.
    Corroboration,
    /// Figures that would disagree but refer to different periods.
    NotComparable,
    /// An article's own figures that its arithmetic contradicts: a stated change that
    /// the two levels it runs between do not give.
    ArithmeticMismatch,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    High,
    Medium,
    Low,
    Info,
}

/// One side of a finding: a figure or a verdict in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Side {
    /// Index of the document in the corpus.
    pub doc: usize,
    pub span: Span,
    /// Index of the figure in its document, `None` for a verdict.
    pub figure: Option<usize>,
    pub sentence: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    pub severity: Severity,
    /// 0 to 1: how sure the checker is that both sides are about the same thing.
    pub confidence: f64,
    pub a: Side,
    pub b: Side,
    /// The subject's name, as the first side writes it.
    pub subject: String,
    pub metric: Metric,
    /// What was compared and why it disagrees, with the arithmetic.
    pub explanation: String,
}

/// Kinds of figure that can be compared.
fn comparable_kind(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Percent
            | FigureKind::PercentagePoints
            | FigureKind::Money
            | FigureKind::Quantity
            | FigureKind::Count
            | FigureKind::Multiple
    )
}

/// The most distinct claims one document contributes about one subject and metric. A
/// news article states a handful; a pasted data table could state thousands, and every
/// pair of claims in a bucket is compared. Claims past the limit are not checked.
pub const MAX_CLAIMS_PER_BUCKET: usize = 64;

/// Everything a comparison reads of a claim: two claims with equal keys in one document
/// give the same findings. Numbers are kept as their bits, so that the key is exact.
#[derive(PartialEq, Eq, Hash)]
struct ComparisonKey<'a> {
    kind: FigureKind,
    low: Option<u64>,
    high: Option<u64>,
    resolution: u64,
    unit: Option<&'static str>,
    qualifier: Qualifier,
    noun: Option<&'a str>,
    change_end: Option<crate::figures::ChangeEnd>,
    is_change: bool,
    direction: Option<Direction>,
    period: Option<crate::figures::DayInterval>,
    segment: Option<&'a str>,
    hedged: bool,
    subjects: usize,
    metric: Metric,
}

impl<'a> ComparisonKey<'a> {
    fn of(figure: &'a Figure, claim: &'a crate::claims::Claim) -> ComparisonKey<'a> {
        ComparisonKey {
            kind: figure.kind,
            low: figure.amount.low.map(f64::to_bits),
            high: figure.amount.high.map(f64::to_bits),
            resolution: figure.amount.resolution.to_bits(),
            unit: figure.unit.map(|unit| unit.symbol()),
            qualifier: figure.qualifier,
            noun: figure.noun.as_deref(),
            change_end: figure.change_end,
            is_change: claim.is_change,
            direction: claim.direction,
            period: claim.period,
            segment: claim.segment.as_deref(),
            hedged: claim.hedged,
            subjects: claim.subjects.len(),
            metric: claim.metric,
        }
    }
}

/// A claim's place: document and figure index.
type ClaimRef = (usize, usize);

/// Checks the corpus. With `focus`, only findings that involve that document.
pub fn check(analyses: &[Analysis], focus: Option<usize>) -> Vec<Finding> {
    let mut buckets: HashMap<(&str, Metric), Vec<ClaimRef>> = HashMap::new();
    // Claims already placed, by bucket, document and everything a comparison reads: an
    // article that repeats a claim word for word adds nothing to compare, and comparing
    // every repeat with every other would make checking quadratic in the repeats.
    let mut seen: HashSet<(&str, Metric, usize, ComparisonKey)> = HashSet::new();
    let mut per_document: HashMap<(&str, Metric, usize), usize> = HashMap::new();
    // With a focus, only the buckets the focused document has a claim in can give a
    // finding: checking one new article against a thousand loaded ones reads the others'
    // claims, but builds nothing for buckets the new article does not touch.
    let focus_buckets: Option<HashSet<(&str, Metric)>> = focus.map(|f| {
        analyses.get(f).map_or_else(HashSet::new, |analysis| {
            analysis
                .claims
                .iter()
                .flat_map(|claim| {
                    claim
                        .subjects
                        .iter()
                        .map(move |subject| (&*subject.key, claim.metric))
                })
                .collect()
        })
    });
    let focus_keys: Option<HashSet<&str>> = focus_buckets
        .as_ref()
        .map(|buckets| buckets.iter().map(|(key, _)| *key).collect());
    for (doc, analysis) in analyses.iter().enumerate() {
        if let Some(keys) = &focus_keys
            && !analysis
                .subject_keys
                .iter()
                .any(|key| keys.contains(&**key))
        {
            continue;
        }
        for (index, (figure, claim)) in analysis.figures.iter().zip(&analysis.claims).enumerate() {
            if figure.boilerplate
                || claim.metric == Metric::Unknown
                || !comparable_kind(figure.kind)
            {
                continue;
            }
            let relevant = |bucket: &(&str, Metric)| {
                focus_buckets
                    .as_ref()
                    .is_none_or(|buckets| buckets.contains(bucket))
            };
            if !claim
                .subjects
                .iter()
                .any(|subject| relevant(&(&*subject.key, claim.metric)))
            {
                continue;
            }
            for subject in &claim.subjects {
                let bucket = (&*subject.key, claim.metric);
                if !relevant(&bucket) {
                    continue;
                }
                if !seen.insert((bucket.0, bucket.1, doc, ComparisonKey::of(figure, claim))) {
                    continue;
                }
                let count = per_document.entry((bucket.0, bucket.1, doc)).or_default();
                if *count >= MAX_CLAIMS_PER_BUCKET {
                    continue;
                }
                *count += 1;
                buckets.entry(bucket).or_default().push((doc, index));
            }
        }
    }

    let mut findings: Vec<(Finding, Option<Reason>)> = Vec::new();
    for refs in buckets.values() {
        for (i, &a) in refs.iter().enumerate() {
            for &b in &refs[i + 1..] {
                if focus.is_some_and(|f| a.0 != f && b.0 != f) {
                    continue;
                }
                if let Some((finding, reason)) = compare(analyses, a, b) {
                    findings.push((finding, Some(reason)));
                }
            }
        }
    }
    findings.extend(
        compare_verdicts(analyses, focus)
            .into_iter()
            .map(|finding| (finding, None)),
    );
    for (doc, analysis) in analyses.iter().enumerate() {
        if focus.is_none_or(|f| f == doc) {
            findings.extend(
                internal::check_document(analysis, doc)
                    .into_iter()
                    .map(|finding| (finding, None)),
            );
        }
    }
    let mut kept = fold_repeats(findings);
    for (finding, reason) in &mut kept {
        if let Some(reason) = *reason {
            finding.explanation = explain(analyses, finding, reason);
        }
    }
    kept.into_iter().map(|(finding, _)| finding).collect()
}

/// Why two claims agree or disagree: enough to write the explanation later, once the
/// finding is known to survive [`fold_repeats`]. Checking one article against a thousand
/// can compare a figure with hundreds of copies of itself, and most of those findings
/// are folded away.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Reason {
    OppositeDirections,
    Overlap,
    DifferentPeriods,
    /// The sign of the power of 1,000 between the first side and the second.
    Thousandfold(i32),
    Disjoint,
}

fn compare(analyses: &[Analysis], a: ClaimRef, b: ClaimRef) -> Option<(Finding, Reason)> {
    let (fa, ca) = (&analyses[a.0].figures[a.1], &analyses[a.0].claims[a.1]);
    let (fb, cb) = (&analyses[b.0].figures[b.1], &analyses[b.0].claims[b.1]);
    if a.0 == b.0
        && (ca.sentence == cb.sentence || fa.change_end.is_some() && fb.change_end.is_some())
    {
        // Two figures of one sentence describe different things ("from X to Y").
        return None;
    }
    if fa.kind != fb.kind || ca.is_change != cb.is_change || ca.segment != cb.segment {
        return None;
    }
    let (ua, ub) = compared_units(fa, fb)?;
    if !ua.commensurable(ub) || fa.noun != fb.noun {
        return None;
    }
    let subject = shared_subject(ca, cb)?;
    let periods_differ = matches!((ca.period, cb.period), (Some(pa), Some(pb)) if !pa.overlaps(pb));
    // A level (capacity, revenue) changes over time and is often scoped to a part of the
    // business; two levels are compared only when both say when. A change tied to an
    // event ("fell 18% on the news") is compared without a date.
    if !ca.is_change && (ca.period.is_none() || cb.period.is_none()) {
        return None;
    }
    let hedged = ca.hedged || cb.hedged;
    let opposite = matches!((ca.direction, cb.direction), (Some(da), Some(db)) if da != db);
    let (kind, severity, reason) = if ca.is_change && opposite && !periods_differ {
        (
            FindingKind::Contradiction,
            Severity::High,
            Reason::OppositeDirections,
        )
    } else {
        let (ia, ib) = base_intervals(fa, fb, ua, ub)?;
        if ia.overlaps(&ib) {
            if periods_differ || a.0 == b.0 {
                // An article repeating its own figure is not corroboration.
                return None;
            }
            (FindingKind::Corroboration, Severity::Info, Reason::Overlap)
        } else if periods_differ {
            (
                FindingKind::NotComparable,
                Severity::Info,
                Reason::DifferentPeriods,
            )
        } else if let Some(power) = thousandfold(fa, fb, ua.to_base(), ub.to_base()) {
            (
                FindingKind::ScaleMismatch,
                Severity::High,
                Reason::Thousandfold(power),
            )
        } else {
            let severity = if hedged {
                Severity::Medium
            } else {
                Severity::High
            };
            (FindingKind::Contradiction, severity, Reason::Disjoint)
        }
    };
    let side = |r: ClaimRef, figure: &Figure, sentence: Span| Side {
        doc: r.0,
        span: figure.span,
        figure: Some(r.1),
        sentence,
    };
    let finding = Finding {
        kind,
        severity,
        confidence: confidence_of(ca, cb, hedged),
        a: side(a, fa, ca.sentence),
        b: side(b, fb, cb.sentence),
        subject: subject.0.to_string(),
        metric: ca.metric,
        explanation: String::new(),
    };
    Some((finding, reason))
}

/// The units two figures are compared in: a count with no unit of its own ("4 miners")
/// takes the other side's.
fn compared_units(fa: &Figure, fb: &Figure) -> Option<(Unit, Unit)> {
    let ua = fa.unit?;
    let ub = fb
        .unit
        .or(Some(ua).filter(|_| fb.kind == FigureKind::Count))?;
    Some((ua, ub))
}

/// Both figures as intervals in their base unit, so that 1,200 MW meets 1.2 GW.
fn base_intervals(fa: &Figure, fb: &Figure, ua: Unit, ub: Unit) -> Option<(Interval, Interval)> {
    Some((
        Interval::of(fa)?.scaled(ua.to_base()),
        Interval::of(fb)?.scaled(ub.to_base()),
    ))
}

/// The explanation of a finding [`compare`] made, with its arithmetic.
fn explain(analyses: &[Analysis], finding: &Finding, reason: Reason) -> String {
    let figure_of = |side: &Side| {
        let analysis = &analyses[side.doc];
        side.figure
            .and_then(|index| Some((analysis.figures.get(index)?, analysis.claims.get(index)?)))
    };
    let (Some((fa, ca)), Some((fb, cb))) = (figure_of(&finding.a), figure_of(&finding.b)) else {
        return String::new();
    };
    let quote_a = describe(&analyses[finding.a.doc], fa);
    let quote_b = describe(&analyses[finding.b.doc], fb);
    let what = format!("{}'s {}", finding.subject, finding.metric.label());
    let intervals = || {
        let (ua, ub) = compared_units(fa, fb)?;
        let (ia, ib) = base_intervals(fa, fb, ua, ub)?;
        Some((ia, ib, ua, ub))
    };
    match reason {
        Reason::OppositeDirections => format!(
            "{what}: one says it {} {quote_a}, the other that it {} {quote_b}; the directions are opposite.",
            verb(ca.direction),
            verb(cb.direction),
        ),
        Reason::Overlap => match intervals() {
            Some((ia, ib, ua, ub)) => format!(
                "{what}: {quote_a} and {quote_b} agree ({} overlaps {}).",
                ia.display(ua),
                ib.display(ub)
            ),
            None => format!("{what}: {quote_a} and {quote_b} agree."),
        },
        Reason::DifferentPeriods => {
            format!("{what}: {quote_a} and {quote_b} differ, but they refer to different periods.")
        }
        Reason::Thousandfold(power) => format!(
            "{what}: {quote_a} against {quote_b} is a factor of {} apart: likely a million/billion slip in one of them.",
            if power > 0 { "1,000" } else { "1/1,000" }
        ),
        Reason::Disjoint => match intervals() {
            Some((ia, ib, ua, ub)) => format!(
                "{what}: {}.",
                relation(fa, fb, &ia, &ib, ua, ub, quote_a, quote_b)
            ),
            None => format!("{what}: {quote_a} and {quote_b} cannot both hold."),
        },
    }
}

/// The subject both claims share, by key, with the first claim's name for it.
fn shared_subject<'c>(
    a: &'c crate::claims::Claim,
    b: &crate::claims::Claim,
) -> Option<(&'c str, SubjectKind)> {
    a.subjects
        .iter()
        .find(|s| b.subjects.iter().any(|t| t.key == s.key))
        .map(|s| (&*s.name, s.kind))
}

fn confidence_of(a: &crate::claims::Claim, b: &crate::claims::Claim, hedged: bool) -> f64 {
    let mut confidence: f64 = 0.9;
    if hedged {
        confidence -= 0.15;
    }
    if a.subjects.len() > 1 || b.subjects.len() > 1 {
        // A figure shared by a list is a statement about the group.
        confidence -= 0.1;
    }
    if a.period.is_none() || b.period.is_none() {
        confidence -= 0.1;
    }
    confidence.clamp(0.1, 1.0)
}

fn verb(direction: Option<Direction>) -> &'static str {
    match direction {
        Some(Direction::Up) => "rose",
        Some(Direction::Down) => "fell",
        None => "moved",
    }
}

/// Whether two point figures are 1,000 (or 1,000,000) times apart within rounding;
/// returns the sign of the exponent.
fn thousandfold(a: &Figure, b: &Figure, base_a: f64, base_b: f64) -> Option<i32> {
    if !matches!(
        a.kind,
        FigureKind::Money | FigureKind::Quantity | FigureKind::Count
    ) {
        return None;
    }
    let (va, vb) = (a.amount.as_point()? * base_a, b.amount.as_point()? * base_b);
    if va == 0.0 || vb == 0.0 {
        return None;
    }
    let ratio = va / vb;
    for (factor, sign) in [(1e3, 1), (1e-3, -1), (1e6, 1), (1e-6, -1)] {
        if (ratio / factor - 1.0).abs() < 0.02 {
            return Some(sign);
        }
    }
    None
}

/// "18% lies outside 4%–12%" / "18% and 15% cannot both hold".
#[allow(clippy::too_many_arguments)]
fn relation(
    fa: &Figure,
    fb: &Figure,
    ia: &Interval,
    ib: &Interval,
    ua: Unit,
    ub: Unit,
    qa: String,
    qb: String,
) -> String {
    let is_span = |f: &Figure| f.amount.as_point().is_none() || f.qualifier != Qualifier::Exact;
    let arithmetic = format!("{} and {} do not overlap", ia.display(ua), ib.display(ub));
    match (is_span(fa), is_span(fb)) {
        (false, true) => format!("{qa} lies outside {qb} ({arithmetic})"),
        (true, false) => format!("{qb} lies outside {qa} ({arithmetic})"),
        _ => format!("{qa} and {qb} cannot both hold ({arithmetic})"),
    }
}

/// A figure's value with its document: "4%–12% (miners-fall.txt)".
fn describe(analysis: &Analysis, figure: &Figure) -> String {
    format!(
        "{} ({})",
        crate::report::format_amount(figure),
        analysis.document.id
    )
}

fn compare_verdicts(analyses: &[Analysis], focus: Option<usize>) -> Vec<Finding> {
    let mut by_subject: HashMap<&str, Vec<(usize, &Verdict)>> = HashMap::new();
    // One verdict per document, subject, polarity and period: repeats add nothing.
    let mut seen: HashSet<(usize, &str, Polarity, Option<&str>)> = HashSet::new();
    for (doc, analysis) in analyses.iter().enumerate() {
        for verdict in &analysis.verdicts {
            if let (Some(subject), false) = (&verdict.subject, verdict.boilerplate)
                && seen.insert((
                    doc,
                    &*subject.key,
                    verdict.polarity,
                    verdict.period_label.as_deref(),
                ))
            {
                by_subject
                    .entry(&*subject.key)
                    .or_default()
                    .push((doc, verdict));
            }
        }
    }
    let mut findings = Vec::new();
    for list in by_subject.values() {
        for (i, &(da, va)) in list.iter().enumerate() {
            for &(db, vb) in &list[i + 1..] {
                if da == db
                    || va.polarity == vb.polarity
                    || focus.is_some_and(|f| da != f && db != f)
                {
                    continue;
                }
                if !same_quarter(va.period_label.as_deref(), vb.period_label.as_deref()) {
                    continue;
                }
                let subject = va
                    .subject
                    .as_ref()
                    .map_or_else(String::new, |s| s.name.to_string());
                let quote = |doc: usize, v: &Verdict| {
                    format!(
                        "\"{}\" ({})",
                        v.span.text(&analyses[doc].document.text),
                        analyses[doc].document.id
                    )
                };
                findings.push(Finding {
                    kind: FindingKind::QualitativeContradiction,
                    severity: Severity::Medium,
                    confidence: if va.period_label.is_some() && vb.period_label.is_some() {
                        0.8
                    } else {
                        0.6
                    },
                    a: Side {
                        doc: da,
                        span: va.span,
                        figure: None,
                        sentence: va.sentence,
                    },
                    b: Side {
                        doc: db,
                        span: vb.span,
                        figure: None,
                        sentence: vb.sentence,
                    },
                    subject: subject.clone(),
                    metric: Metric::NetIncome,
                    explanation: format!(
                        "{subject}{}: {} calls it {}, {} calls it {}.",
                        va.period_label
                            .as_ref()
                            .or(vb.period_label.as_ref())
                            .map_or(String::new(), |p| format!(" in {p}")),
                        quote(da, va),
                        polarity_word(va),
                        quote(db, vb),
                        polarity_word(vb)
                    ),
                });
            }
        }
    }
    findings
}

fn polarity_word(verdict: &Verdict) -> &'static str {
    match verdict.polarity {
        crate::claims::Polarity::Positive => "good",
        crate::claims::Polarity::Negative => "bad",
    }
}

/// "Q1" matches "Q1 2026"; "Q1 2025" does not match "Q1 2026". A verdict with no
/// quarter matches only another with none.
fn same_quarter(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            let (qa, ya) = a.split_once(' ').map_or((a, None), |(q, y)| (q, Some(y)));
            let (qb, yb) = b.split_once(' ').map_or((b, None), |(q, y)| (q, Some(y)));
            qa == qb && (ya.is_none() || yb.is_none() || ya == yb)
        }
        (None, None) => true,
        _ => false,
    }
}

/// What [`fold_repeats`] keeps one finding of: the two documents (in order), the
/// subject, the metric and the kind.
type FoldKey = (usize, usize, String, Metric, FindingKind);

/// Keeps one finding per (documents, subject, metric, kind): the most confident, and
/// among equals the one whose first side comes first. Findings come out sorted by
/// severity, then by position.
fn fold_repeats<T>(findings: Vec<(Finding, T)>) -> Vec<(Finding, T)> {
    let mut best: HashMap<FoldKey, (Finding, T)> = HashMap::new();
    for (finding, extra) in findings {
        let (a, b) = (
            finding.a.doc.min(finding.b.doc),
            finding.a.doc.max(finding.b.doc),
        );
        let key = (
            a,
            b,
            finding.subject.to_lowercase(),
            finding.metric,
            finding.kind,
        );
        match best.get(&key) {
            Some((kept, _))
                if kept.confidence > finding.confidence
                    || kept.confidence == finding.confidence
                        && (kept.a.doc, kept.a.span) <= (finding.a.doc, finding.a.span) => {}
            _ => {
                best.insert(key, (finding, extra));
            }
        }
    }
    let mut folded: Vec<(Finding, T)> = best.into_values().collect();
    folded.sort_by(|(x, _), (y, _)| {
        (x.severity, x.a.doc, x.a.span, x.b.doc, x.b.span)
            .cmp(&(y.severity, y.a.doc, y.a.span, y.b.doc, y.b.span))
    });
    folded
}
