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

// FxHash rather than SipHash: the checker hashes every claim of every loaded article on
// each edit, and its keys are the articles' own, on the reader's own machine.
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Serialize;

pub use interval::Interval;

use crate::claims::{Analysis, Direction, Modality, Polarity, Quantity, Verdict};
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
    /// A disagreement the checker is not sure of (confidence below
    /// [`ALARM_CONFIDENCE`]): shown apart and folded, never counted as a contradiction.
    #[serde(rename = "possible")]
    Possible,
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
    /// What both sides count or measure.
    pub quantity: Option<Quantity>,
    /// The two values compared, in base units, rounded to four significant digits and
    /// in order: repeats of one disagreement fold into one finding, and two different
    /// disagreements about one quantity do not.
    #[serde(skip)]
    pub values: [i64; 2],
    /// What was compared and why it disagrees, with the arithmetic.
    pub explanation: String,
}

/// The confidence from which a disagreement is an alarm; below it, it is
/// [`FindingKind::Possible`]. Calibrated on the devset (BENCHMARKS.md has the curve).
pub const ALARM_CONFIDENCE: f64 = 0.85;

/// How many days apart two articles' datelines may be for a figure that states no
/// period in one to be taken as of the same moment as the other's.
pub const STORY_DAYS: i32 = 4;

/// Kinds of figure that can be compared.
fn comparable_kind(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Percent
            | FigureKind::PercentagePoints
            | FigureKind::Money
            | FigureKind::Quantity
            | FigureKind::Count
            | FigureKind::Number
            | FigureKind::Multiple
            | FigureKind::Fraction
    )
}

/// Kinds that are compared with each other: a count is a number with its noun said.
fn kind_class(kind: FigureKind) -> FigureKind {
    match kind {
        FigureKind::Number => FigureKind::Count,
        other => other,
    }
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
    basis: crate::claims::Basis,
    modality: Modality,
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
            basis: claim.basis,
            modality: claim.modality,
        }
    }
}

/// A claim's place: document and figure index.
type ClaimRef = (usize, usize);

/// Checks the corpus. With `focus`, only findings that involve that document.
pub fn check(analyses: &[Analysis], focus: Option<usize>) -> Vec<Finding> {
    // Claims by quantity: only claims that count or measure the same thing can disagree.
    let mut buckets: HashMap<&str, Vec<ClaimRef>> = HashMap::default();
    // Claims already placed, by bucket, document and everything a comparison reads: an
    // article that repeats a claim word for word adds nothing to compare, and comparing
    // every repeat with every other would make checking quadratic in the repeats.
    let mut seen: HashSet<(&str, usize, ComparisonKey)> = HashSet::default();
    // What each document says of each quantity: how many claims it placed, the
    // subjects it names and the values it states (see [`Said`]).
    let mut said: HashMap<(&str, usize), Said> = HashMap::default();
    // With a focus, only the buckets the focused document has a claim in can give a
    // finding: checking one new article against a thousand loaded ones reads the others'
    // claims, but builds nothing for buckets the new article does not touch.
    let focus_buckets: Option<HashSet<&str>> = focus.map(|f| {
        analyses.get(f).map_or_else(HashSet::default, |analysis| {
            analysis
                .claims
                .iter()
                .filter_map(|claim| claim.quantity.as_ref().map(Quantity::key))
                .collect()
        })
    });
    for (doc, analysis) in analyses.iter().enumerate() {
        // A document that can meet the focused one in no claim is not read at all: one
        // new article against a thousand loaded ones reads only those of its story.
        if let Some(focused) = focus.and_then(|f| analyses.get(f))
            && !could_meet(focused, analysis)
        {
            continue;
        }
        for (index, (figure, claim)) in analysis.figures.iter().zip(&analysis.claims).enumerate() {
            let Some(quantity) = claim.quantity.as_ref().map(Quantity::key) else {
                continue;
            };
            if figure.boilerplate
                || !comparable_kind(figure.kind)
                || focus_buckets
                    .as_ref()
                    .is_some_and(|buckets| !buckets.contains(quantity))
            {
                continue;
            }
            if !seen.insert((quantity, doc, ComparisonKey::of(figure, claim))) {
                continue;
            }
            let document = said.entry((quantity, doc)).or_default();
            if document.claims >= MAX_CLAIMS_PER_BUCKET {
                continue;
            }
            document.claims += 1;
            buckets.entry(quantity).or_default().push((doc, index));
            document.note(figure, claim);
        }
    }

    let mut findings: Vec<(Finding, Option<Reason>)> = Vec::new();
    for (quantity, refs) in &buckets {
        // The claims that some figure of another document agrees with, by that document:
        // a figure matched there is about what the match is about, and its
        // disagreement with the same document's other figures is not a contradiction
        // ("240 seats" beside "99 seats" for two parties). `agreed[i]`: the documents
        // with a figure that agrees with claim `i`.
        let mut agreed: Vec<Vec<usize>> = vec![Vec::new(); refs.len()];
        // What each claim's document says of the quantity, looked up once per claim
        // rather than once per pair.
        let known: Vec<(&[&str], bool)> = refs
            .iter()
            .map(|&(doc, index)| {
                let document = &said[&(*quantity, doc)];
                let claim = &analyses[doc].claims[index];
                (document.named.as_slice(), document.several_values(claim))
            })
            .collect();
        let mut compared: Vec<(Finding, Reason, usize, usize)> = Vec::new();
        // Every pair, or with a focus every pair with a claim of the focused document,
        // in the bucket's order: a claim of another document meets only the focused
        // document's claims after it, so the work grows with those, not with the square
        // of the bucket.
        let focused: Vec<usize> = focus.map_or_else(Vec::new, |f| {
            (0..refs.len()).filter(|&i| refs[i].0 == f).collect()
        });
        for i in 0..refs.len() {
            let mut all_after = i + 1..refs.len();
            let mut focused_after = focused[focused.partition_point(|&j| j <= i)..]
                .iter()
                .copied();
            let partners: &mut dyn Iterator<Item = usize> = if focus.is_none_or(|f| refs[i].0 == f)
            {
                &mut all_after
            } else {
                &mut focused_after
            };
            for j in partners {
                let (a, b) = (refs[i], refs[j]);
                let context = Pair {
                    named_a: known[i].0,
                    named_b: known[j].0,
                    several_values: known[i].1 || known[j].1,
                };
                if let Some((finding, reason)) = compare(analyses, context, a, b) {
                    if reason == Reason::Overlap {
                        // Earlier figures ("up from 89") never get here: their modality
                        // is historical, and compare sets them apart.
                        agreed[i].push(b.0);
                        agreed[j].push(a.0);
                    }
                    compared.push((finding, reason, i, j));
                }
            }
        }
        findings.extend(
            compared
                .into_iter()
                .filter(|&(_, reason, i, j)| {
                    let matched_elsewhere =
                        agreed[i].contains(&refs[j].0) || agreed[j].contains(&refs[i].0);
                    !(matches!(reason, Reason::Disjoint | Reason::Thousandfold(_))
                        && matched_elsewhere)
                })
                .map(|(finding, reason, _, _)| (finding, Some(reason))),
        );
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

/// What a comparison of two claims knows of their documents beyond the claims: the
/// subjects each document names for the quantity.
#[derive(Clone, Copy)]
struct Pair<'a> {
    named_a: &'a [&'a str],
    named_b: &'a [&'a str],
    /// Either document states more than one value for the quantity and subject.
    several_values: bool,
}

/// What one document says of one quantity.
#[derive(Default)]
struct Said<'a> {
    /// How many of its claims were placed in the bucket.
    claims: usize,
    /// The subjects it names: a figure that names none is taken to be about another
    /// document's subject only when neither document names another.
    named: Vec<&'a str>,
    /// The values it states, each once, by subject, change or level, and modality: an
    /// article that gives several ("180 seats" in the first round, "192" in the second)
    /// leaves open which of them another article's figure is to be set against.
    values: Vec<(ValueGroup<'a>, i64)>,
}

/// A claim's subject, whether it is a change, and its modality.
type ValueGroup<'a> = (&'a str, bool, Modality);

fn value_group(claim: &crate::claims::Claim) -> ValueGroup<'_> {
    (
        claim.subjects.first().map_or("", |s| &*s.key),
        claim.is_change,
        claim.modality,
    )
}

impl<'a> Said<'a> {
    fn note(&mut self, figure: &Figure, claim: &'a crate::claims::Claim) {
        let stated = (value_group(claim), value_key(figure, figure.unit));
        if !self.values.contains(&stated) {
            self.values.push(stated);
        }
        for subject in &claim.subjects {
            if !self.named.contains(&&*subject.key) {
                self.named.push(&subject.key);
            }
        }
    }

    /// Whether the document states more than one value in `claim`'s group.
    fn several_values(&self, claim: &crate::claims::Claim) -> bool {
        let group = value_group(claim);
        self.values.iter().filter(|(g, _)| *g == group).count() > 1
    }
}

/// Whether two documents tell one story: they share at least two subjects, or one when
/// either names few, or either names too few to tell. Figures that name no subject ("the
/// death toll rose to 99") are compared only between documents of one story, as figures
/// about the same event.
fn same_story(a: &Analysis, b: &Analysis) -> bool {
    let shared = shared_subjects(a, b);
    let fewest = a.subject_keys.len().min(b.subject_keys.len());
    // Articles loaded side by side are taken to tell one story unless both name enough
    // of their own to show otherwise.
    shared >= 2 || shared == 1 && fewest <= 3 || fewest < 2
}

/// Whether a claim of one document may be compared with one of the other: they tell one
/// story, or share a subject.
fn could_meet(a: &Analysis, b: &Analysis) -> bool {
    same_story(a, b) || shared_subjects(a, b) > 0
}

/// How many subjects two documents share: both lists of keys are sorted, so by merging.
fn shared_subjects(a: &Analysis, b: &Analysis) -> usize {
    let (ka, kb) = (&a.subject_keys, &b.subject_keys);
    let (mut i, mut j, mut shared) = (0, 0, 0);
    while i < ka.len() && j < kb.len() {
        match ka[i].cmp(&kb[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                shared += 1;
                i += 1;
                j += 1;
            }
        }
    }
    shared
}

/// Whether each of two documents names the other claim's first subject.
fn both_name(
    a: &Analysis,
    b: &Analysis,
    ca: &crate::claims::Claim,
    cb: &crate::claims::Claim,
) -> bool {
    let names = |analysis: &Analysis, claim: &crate::claims::Claim| {
        claim
            .subjects
            .first()
            .is_some_and(|subject| analysis.subject_keys.binary_search(&subject.key).is_ok())
    };
    names(a, cb) && names(b, ca)
}

/// Who two claims are about, and whether the checker had to assume it.
struct SharedSubject<'c> {
    name: &'c str,
    /// One side or both name no subject: they are taken to be about the same one.
    assumed: bool,
}

fn compare(
    analyses: &[Analysis],
    pair: Pair,
    a: ClaimRef,
    b: ClaimRef,
) -> Option<(Finding, Reason)> {
    let (fa, ca) = (&analyses[a.0].figures[a.1], &analyses[a.0].claims[a.1]);
    let (fb, cb) = (&analyses[b.0].figures[b.1], &analyses[b.0].claims[b.1]);
    let same_document = a.0 == b.0;
    if same_document
        && (ca.sentence == cb.sentence || fa.change_end.is_some() && fb.change_end.is_some())
    {
        // Two figures of one sentence describe different things ("from X to Y").
        return None;
    }
    if kind_class(fa.kind) != kind_class(fb.kind)
        || ca.is_change != cb.is_change
        || ca.segment != cb.segment
        || ca.modality != cb.modality
        || !ca.basis.compatible(cb.basis)
    {
        return None;
    }
    // "lowered to 97 from 115": the level a change starts from is an earlier figure,
    // of no stated time; it is compared with nothing.
    if !ca.is_change
        && (fa.change_end == Some(crate::figures::ChangeEnd::From)
            || fb.change_end == Some(crate::figures::ChangeEnd::From))
    {
        return None;
    }
    let (ua, ub) = compared_units(fa, fb)?;
    if !units_commensurable(ua, ub) || fa.noun.is_some() && fb.noun.is_some() && fa.noun != fb.noun
    {
        return None;
    }
    let (da, db) = (&analyses[a.0], &analyses[b.0]);
    let subject = shared_subject(ca, cb, pair, |names_differ| {
        !same_document && same_story(da, db) && (!names_differ || both_name(da, db, ca, cb))
    })?;
    // Inside one article, a figure with no subject is too often another part of the
    // story ("74 have been identified" beside "97 victims").
    if same_document && subject.assumed {
        return None;
    }
    let periods_differ = match (ca.period, cb.period) {
        (Some(pa), Some(pb)) => !pa.overlaps(pb),
        // Where one side states no period, the articles' datelines stand in for it: a
        // figure of a report a month later is of another moment of the story.
        _ => {
            !same_document
                && matches!(
                    (analyses[a.0].published, analyses[b.0].published),
                    (Some(da), Some(db)) if (da.start - db.start).abs() > STORY_DAYS
                )
        }
    };
    // A level changes over time: inside one article, two levels are compared only when
    // both say when. Across articles of one story, a level that states no period is
    // taken to be of the story's moment, and the finding says so.
    if same_document && (ca.period.is_none() || cb.period.is_none()) {
        return None;
    }
    let hedged = ca.hedged || cb.hedged;
    let opposite = matches!((ca.direction, cb.direction), (Some(da), Some(db)) if da != db);
    let (kind, severity, reason) = if ca.is_change && opposite && !periods_differ && !same_document
    {
        (
            FindingKind::Contradiction,
            Severity::High,
            Reason::OppositeDirections,
        )
    } else {
        let (ia, ib) = base_intervals(fa, fb, ua, ub)?;
        let slip = thousandfold(fa, fb, base_of(ua), base_of(ub));
        if ia.overlaps(&ib) {
            if periods_differ || same_document {
                // An article repeating its own figure is not corroboration.
                return None;
            }
            (FindingKind::Corroboration, Severity::Info, Reason::Overlap)
        } else if !periods_differ && slip.is_none() && orders_apart(&ia, &ib) {
            // "312 electoral votes" and "77 million votes", "240 seats" and "12": two
            // figures more than ten times apart, and not by a scale slip, are two
            // different things that one word names.
            return None;
        } else if periods_differ {
            (
                FindingKind::NotComparable,
                Severity::Info,
                Reason::DifferentPeriods,
            )
        } else if let Some(power) = slip {
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
    let mut confidence = confidence_of(ca, cb, hedged, subject.assumed);
    if pair.several_values {
        confidence -= 0.15;
    }
    // In hundredths, as reported: 0.95 − 0.15 is 0.8, not 0.7999….
    let confidence = (confidence * 100.0).round() / 100.0;
    let kind = if matches!(
        kind,
        FindingKind::Contradiction | FindingKind::ScaleMismatch
    ) && confidence < ALARM_CONFIDENCE
    {
        FindingKind::Possible
    } else {
        kind
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
        confidence,
        a: side(a, fa, ca.sentence),
        b: side(b, fb, cb.sentence),
        subject: subject.name.to_string(),
        quantity: ca.quantity.clone(),
        values: fold_values(fa, fb, ua, ub),
        explanation: String::new(),
    };
    Some((finding, reason))
}

/// Whether two intervals lie more than a factor of ten apart.
fn orders_apart(a: &Interval, b: &Interval) -> bool {
    let apart = |low: &Interval, high: &Interval| {
        low.high > 0.0 && high.low.is_finite() && high.low > 10.0 * low.high
    };
    apart(a, b) || apart(b, a)
}

/// The key [`Finding::values`] of a comparison.
pub(crate) fn fold_values(
    fa: &Figure,
    fb: &Figure,
    ua: Option<Unit>,
    ub: Option<Unit>,
) -> [i64; 2] {
    let (x, y) = (value_key(fa, ua), value_key(fb, ub));
    [x.min(y), x.max(y)]
}

/// A figure's central value in base units, to four significant digits, as an exact
/// key: what [`Finding::values`] and [`ValueGroup`] tell values apart by.
fn value_key(figure: &Figure, unit: Option<Unit>) -> i64 {
    let value = figure.amount.central().unwrap_or(0.0) * base_of(unit);
    if value == 0.0 || !value.is_finite() {
        return 0;
    }
    let magnitude = value.abs().log10().floor() as i32;
    let scaled = (value / 10f64.powi(magnitude - 3)).round() as i64;
    scaled * 100 + i64::from(magnitude)
}

/// The units two figures are compared in: a count with no unit of its own ("4 miners")
/// takes the other side's; two plain counts have none.
fn compared_units(fa: &Figure, fb: &Figure) -> Option<(Option<Unit>, Option<Unit>)> {
    let plain = |f: &Figure| matches!(f.kind, FigureKind::Count | FigureKind::Number);
    match (fa.unit, fb.unit) {
        (Some(ua), Some(ub)) => Some((Some(ua), Some(ub))),
        (Some(ua), None) if plain(fb) => Some((Some(ua), Some(ua))),
        (None, Some(ub)) if plain(fa) => Some((Some(ub), Some(ub))),
        (None, None) if plain(fa) && plain(fb) => Some((None, None)),
        _ => None,
    }
}

fn units_commensurable(ua: Option<Unit>, ub: Option<Unit>) -> bool {
    match (ua, ub) {
        (Some(ua), Some(ub)) => ua.commensurable(ub),
        (None, None) => true,
        _ => false,
    }
}

fn base_of(unit: Option<Unit>) -> f64 {
    unit.map_or(1.0, |u| u.to_base())
}

/// Both figures as intervals in their base unit, so that 1,200 MW meets 1.2 GW.
fn base_intervals(
    fa: &Figure,
    fb: &Figure,
    ua: Option<Unit>,
    ub: Option<Unit>,
) -> Option<(Interval, Interval)> {
    Some((
        Interval::of(fa)?.scaled(base_of(ua)),
        Interval::of(fb)?.scaled(base_of(ub)),
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
    let what = what_is_compared(finding, ca, cb);
    let assumptions = assumptions(ca, cb);
    let intervals = || {
        let (ua, ub) = compared_units(fa, fb)?;
        let (ia, ib) = base_intervals(fa, fb, ua, ub)?;
        Some((ia, ib, ua, ub))
    };
    let said = match reason {
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
    };
    format!("{said}{assumptions}")
}

/// What both sides state, in plain words: "Acme's fourth-quarter deliveries, year on
/// year", "the death toll".
fn what_is_compared(
    finding: &Finding,
    a: &crate::claims::Claim,
    b: &crate::claims::Claim,
) -> String {
    let quantity = finding.quantity.as_ref().map_or("figure", Quantity::key);
    let mut what = match finding.subject.as_str() {
        "" => format!("the {quantity}"),
        name if name.ends_with('s') => format!("{name}' {quantity}"),
        name => format!("{name}'s {quantity}"),
    };
    if let Some(segment) = &a.segment {
        what = format!("{what} ({segment})");
    }
    let basis = crate::claims::Basis {
        comparison: a.basis.comparison.or(b.basis.comparison),
        session: a.basis.session.or(b.basis.session),
        measure: a.basis.measure.or(b.basis.measure),
    };
    if let Some(basis) = basis.describe() {
        what = format!("{what}, {basis}");
    }
    if a.modality == Modality::Expected {
        what = format!("the expected {what}");
    }
    // The sentence starts with "the" or a name: an ASCII capital serves, and spares the
    // page Unicode's case tables.
    if let Some(first) = what.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    what
}

/// What the checker assumed to compare two claims, said after the finding.
fn assumptions(a: &crate::claims::Claim, b: &crate::claims::Claim) -> String {
    let mut said = String::new();
    if a.subjects.is_empty() || b.subjects.is_empty() {
        said.push_str(" One side names no subject; both are taken to be about the same story.");
    }
    if a.period.is_none() && b.period.is_none() && !a.is_change {
        said.push_str(" Neither states a period; both are taken to describe the same moment.");
    } else if a.period.is_none() != b.period.is_none() {
        said.push_str(" Only one side states a period; the other is taken to share it.");
    }
    if a.basis.assumed(b.basis) {
        said.push_str(" Only one side states the basis; the other is taken to share it.");
    }
    said
}

/// The subject both claims share, by key, with the first claim's name for it. A claim
/// that names no subject is taken to share the other's when `same_story` says the two
/// documents tell one story.
fn shared_subject<'c>(
    a: &'c crate::claims::Claim,
    b: &'c crate::claims::Claim,
    pair: Pair,
    same_story: impl FnOnce(bool) -> bool,
) -> Option<SharedSubject<'c>> {
    // An unnamed subject is assumed only where no other could be meant: each document
    // names at most one subject for the quantity, and the same one.
    let unambiguous = || {
        pair.named_a.len() <= 1
            && pair.named_b.len() <= 1
            && (pair.named_a.is_empty() || pair.named_b.is_empty() || pair.named_a == pair.named_b)
    };
    match (a.subjects.is_empty(), b.subjects.is_empty()) {
        (false, false) => {
            let shared = a
                .subjects
                .iter()
                .find(|s| b.subjects.iter().any(|t| t.key == s.key));
            match shared {
                Some(s) => Some(SharedSubject {
                    name: &s.name,
                    assumed: false,
                }),
                // Two names for one holder: each document names one subject for the
                // quantity, and each names the other's too ("Turkey" and "the World
                // Bank" in both reports of one earthquake's toll).
                None if pair.named_a.len() == 1 && pair.named_b.len() == 1 && same_story(true) => {
                    Some(SharedSubject {
                        name: &a.subjects[0].name,
                        assumed: true,
                    })
                }
                None => None,
            }
        }
        _ if !unambiguous() || !same_story(false) => None,
        (true, false) => Some(SharedSubject {
            name: &b.subjects[0].name,
            assumed: true,
        }),
        (false, true) => Some(SharedSubject {
            name: &a.subjects[0].name,
            assumed: true,
        }),
        (true, true) => Some(SharedSubject {
            name: "",
            assumed: true,
        }),
    }
}

/// How sure the checker is that two claims are about the same thing, from what each
/// states and what it had to assume.
fn confidence_of(
    a: &crate::claims::Claim,
    b: &crate::claims::Claim,
    hedged: bool,
    subject_assumed: bool,
) -> f64 {
    let mut confidence: f64 = 0.95;
    if hedged {
        confidence -= 0.05;
    }
    if a.subjects.len() > 1 || b.subjects.len() > 1 {
        // A figure shared by a list is a statement about the group.
        confidence -= 0.05;
    }
    if subject_assumed {
        confidence -= 0.1;
    }
    // A level changes over time; a change is tied to its event ("fell 18% on the
    // news") and needs no date.
    if a.period.is_none() && b.period.is_none() && !a.is_change {
        confidence -= 0.05;
    }
    if a.basis.assumed(b.basis) {
        confidence -= 0.05;
    }
    if a.quantity.as_ref().is_some_and(|q| !q.is_known()) {
        // An open noun of the text: the vocabulary does not vouch for it.
        confidence -= 0.05;
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
    ua: Option<Unit>,
    ub: Option<Unit>,
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
    let mut by_subject: HashMap<&str, Vec<(usize, &Verdict)>> = HashMap::default();
    // One verdict per document, subject, polarity and period: repeats add nothing.
    let mut seen: HashSet<(usize, &str, Polarity, Option<&str>)> = HashSet::default();
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
                    quantity: None,
                    values: [0, 0],
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
/// subject, the quantity, the kind and the two values compared.
type FoldKey = (
    usize,
    usize,
    String,
    Option<Quantity>,
    FindingKind,
    [i64; 2],
);

/// Keeps one finding per (documents, subject, metric, kind): the most confident, and
/// among equals the one whose first side comes first. Findings come out sorted by
/// severity, then by position.
fn fold_repeats<T>(findings: Vec<(Finding, T)>) -> Vec<(Finding, T)> {
    let mut best: HashMap<FoldKey, (Finding, T)> = HashMap::default();
    for (finding, extra) in findings {
        let (a, b) = (
            finding.a.doc.min(finding.b.doc),
            finding.a.doc.max(finding.b.doc),
        );
        let key = (
            a,
            b,
            finding.subject.to_lowercase(),
            finding.quantity.clone(),
            finding.kind,
            finding.values,
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
