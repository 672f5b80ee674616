//! Checks inside one article: figures that the article's own arithmetic contradicts.
//!
//! Parts within a total: segment figures ("AI colocation revenue of $77.5 million") of a
//! subject's metric must not add up to more than the total stated for the same period
//! ("revenue of $115.2 million in Q1 2026"). Parts and total are read within one
//! paragraph; a part with no period of its own counts when the paragraph's totals all
//! state one period.
//!
//! Shares past the whole: the shares a paragraph gives of one whole ("60% of its
//! revenue", "45% of revenue") must not add up past 100%. A share repeated with the same
//! value is counted once, so a headline that restates the body never adds up.
//!
//! Compound change: a fall in what a miner produces and a fall in the price of what it
//! produces imply a fall in the revenue from producing it: a 45% fall in production and
//! an 18% fall in price leave 0.55 × 0.82 = 0.451 of the revenue, −54.9%. A stated
//! mining-revenue change further than [`COMPOUND_TOLERANCE`] from that is a finding.
//!
//! Growth recomputed: a sentence that states a change in percent and the two levels it
//! runs between ("revenue rose 60% from $79.5 million to $115.2 million", "revenue of
//! $115.2 million, up 45% from $79.5 million") is recomputed from the levels. The levels
//! carry their rounding, so the recomputed change is an interval too; a stated change
//! outside it is a finding, with the arithmetic.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::interval::Interval;
use super::{Finding, FindingKind, Severity, Side};
use crate::claims::{Analysis, Direction};
use crate::figures::{ChangeEnd, FigureKind};

/// The findings inside one document, `doc` being its index in the corpus.
pub fn check_document(analysis: &Analysis, doc: usize) -> Vec<Finding> {
    let mut findings = growth_recomputed(analysis, doc);
    findings.extend(parts_within_total(analysis, doc));
    findings.extend(shares_past_the_whole(analysis, doc));
    findings.extend(compound_change(analysis, doc));
    findings
}

/// How far, in percentage points, a stated revenue change may sit from the one its
/// production and price changes imply. Prices in such sentences are period averages or
/// point-to-point moves, and revenue has small parts besides; five points allows for that
/// and still catches a figure that is plainly off.
pub const COMPOUND_TOLERANCE: f64 = 5.0;

/// A stated change as a signed fraction range, from its rounding and its direction.
fn signed_change(analysis: &Analysis, index: usize) -> Option<(f64, f64)> {
    let interval = Interval::of(&analysis.figures[index])?;
    Some(match analysis.claims[index].direction? {
        Direction::Down => (-interval.high / 100.0, -interval.low / 100.0),
        Direction::Up => (interval.low / 100.0, interval.high / 100.0),
    })
}

fn compound_change(analysis: &Analysis, doc: usize) -> Vec<Finding> {
    use crate::claims::quantity::known;
    let change_of = |metric: &str, i: usize| {
        let (figure, claim) = (&analysis.figures[i], &analysis.claims[i]);
        figure.kind == FigureKind::Percent
            && !figure.boilerplate
            && claim.is_change
            && claim.direction.is_some()
            && claim.quantity.as_ref().is_some_and(|q| q.is(metric))
    };
    let figures = 0..analysis.figures.len();
    let Some(production) = figures.clone().find(|&i| change_of(known::PRODUCTION, i)) else {
        return Vec::new();
    };
    let sentence = analysis.claims[production].sentence;
    let Some(price) = figures
        .clone()
        .find(|&i| change_of(known::PRICE, i) && analysis.claims[i].sentence == sentence)
    else {
        return Vec::new();
    };
    let mining = |i: usize| {
        let claim = &analysis.claims[i];
        claim
            .quantity
            .as_ref()
            .is_some_and(|q| q.is(known::REVENUE))
            && claim
                .segment
                .as_deref()
                .is_some_and(|segment| segment.to_ascii_lowercase().contains("mining"))
    };
    // The mining revenue change: stated in percent, or from two levels.
    let stated = figures
        .clone()
        .find(|&i| mining(i) && change_of(known::REVENUE, i))
        .and_then(|i| Some((signed_change(analysis, i)?, i)))
        .or_else(|| {
            let from = figures
                .clone()
                .find(|&i| mining(i) && analysis.figures[i].change_end == Some(ChangeEnd::From))?;
            let to = (from + 1..analysis.figures.len())
                .find(|&i| mining(i) && analysis.figures[i].change_end == Some(ChangeEnd::To))?;
            let (a, b) = (
                Interval::of(&analysis.figures[from])?,
                Interval::of(&analysis.figures[to])?,
            );
            (a.low > 0.0).then_some(((b.low / a.high - 1.0, b.high / a.low - 1.0), to))
        });
    let (Some(p), Some(q), Some(((r_low, r_high), revenue))) = (
        signed_change(analysis, production),
        signed_change(analysis, price),
        stated,
    ) else {
        return Vec::new();
    };
    // Both factors are positive, so the product's extremes are at the corners.
    let implied = (
        (1.0 + p.0) * (1.0 + q.0) - 1.0,
        (1.0 + p.1) * (1.0 + q.1) - 1.0,
    );
    let reach = COMPOUND_TOLERANCE / 100.0;
    if r_high >= implied.0 - reach && r_low <= implied.1 + reach {
        return Vec::new();
    }
    let middle = |(low, high): (f64, f64)| (low + high) / 2.0;
    let (pm, qm) = (middle(p), middle(q));
    let claim = &analysis.claims[revenue];
    let subject = subject_name(claim);
    vec![Finding {
        kind: FindingKind::ArithmeticMismatch,
        severity: Severity::Medium,
        confidence: 0.6,
        a: side(analysis, doc, production),
        b: side(analysis, doc, revenue),
        subject,
        quantity: Some(crate::claims::Quantity::named(known::REVENUE)),
        values: [0, 0],
        explanation: format!(
            "mining revenue: production {:+.0}% and price {:+.0}% imply {:.2} × {:.2} − 1 = {:+.1}%, but the article gives {:+.1}% (more than {} points apart).",
            pm * 100.0,
            qm * 100.0,
            1.0 + pm,
            1.0 + qm,
            ((1.0 + pm) * (1.0 + qm) - 1.0) * 100.0,
            middle((r_low, r_high)) * 100.0,
            trim(COMPOUND_TOLERANCE),
        ),
    }]
}

/// The indexes of the figures that start inside `span`. Figures are in order of
/// position, so this is two binary searches.
fn figures_in(analysis: &Analysis, span: crate::span::Span) -> std::ops::Range<usize> {
    let first = analysis
        .figures
        .partition_point(|f| f.span.start < span.start);
    let last = analysis
        .figures
        .partition_point(|f| f.span.start < span.end);
    first..last
}

/// The figure indexes of each paragraph (text between blank lines) that holds at most
/// [`MAX_FIGURES_PER_PARAGRAPH`] figures.
fn paragraphs(analysis: &Analysis) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut start = 0;
    analysis
        .document
        .text
        .split_inclusive("\n\n")
        .filter_map(move |paragraph| {
            let span = crate::span::Span::new(start, start + paragraph.len());
            start = span.end;
            let figures = figures_in(analysis, span);
            (figures.len() <= MAX_FIGURES_PER_PARAGRAPH).then_some(figures)
        })
}

/// "of its revenue", "of the company's sales", "of Acme's total output": group `whole`
/// is the noun the shares divide.
static SHARE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ ]of[ ](?:(?:its|their|the|total|all|the[ ]company['’]s)[ ])*(?:(?:[A-Z][A-Za-z]*[ ]){0,3}[A-Z][A-Za-z]*['’]s[ ](?:total[ ])?)?(?P<whole>[a-z][a-z-]{2,30})(?-u:\b)")
        .expect("share pattern")
});

/// The distinct shares a paragraph gives of one whole: ((subject key, whole), [(value,
/// figure index)]).
type Shares = ((String, String), Vec<(f64, usize)>);

fn shares_past_the_whole(analysis: &Analysis, doc: usize) -> Vec<Finding> {
    let text = analysis.document.text.as_str();
    let mut findings = Vec::new();
    for figures in paragraphs(analysis) {
        let mut wholes: Vec<Shares> = Vec::new();
        for index in figures {
            let (figure, claim) = (&analysis.figures[index], &analysis.claims[index]);
            if figure.kind != FigureKind::Percent
                || figure.boilerplate
                || claim.direction.is_some()
                || figure.qualifier != crate::figures::Qualifier::Exact
            {
                continue;
            }
            let (Some(value), Some(found)) = (
                figure.amount.as_point(),
                SHARE_OF.captures(&text[figure.span.end..]),
            ) else {
                continue;
            };
            let Some(whole) = found.name("whole") else {
                continue;
            };
            let subject = claim
                .subjects
                .first()
                .map_or_else(String::new, |s| s.key.to_string());
            let key = (subject, whole.as_str().to_string());
            match wholes.iter_mut().find(|(k, _)| *k == key) {
                Some((_, shares)) => {
                    if !shares.iter().any(|(v, _)| *v == value) {
                        shares.push((value, index));
                    }
                }
                None => wholes.push((key, vec![(value, index)])),
            }
        }
        for ((_, whole), shares) in wholes {
            let least: f64 = shares
                .iter()
                .filter_map(|&(_, i)| Interval::of(&analysis.figures[i]).map(|i| i.low))
                .sum();
            if shares.len() < 2 || least <= 100.0 {
                continue;
            }
            let (first_share, last_share) = (shares[0].1, shares[shares.len() - 1].1);
            let claim = &analysis.claims[last_share];
            let listed: Vec<String> = shares
                .iter()
                .map(|(v, _)| format!("{}%", trim(*v)))
                .collect();
            let total: f64 = shares.iter().map(|(v, _)| v).sum();
            findings.push(Finding {
                kind: FindingKind::ArithmeticMismatch,
                severity: Severity::Medium,
                confidence: 0.6,
                a: side(analysis, doc, first_share),
                b: side(analysis, doc, last_share),
                subject: subject_name(claim),
                quantity: claim.quantity.clone(),
                values: [0, 0],
                explanation: format!(
                    "shares of {whole}: {} = {}%, more than the whole.",
                    listed.join(" + "),
                    trim(total)
                ),
            });
        }
    }
    findings
}

/// The most figures a paragraph may hold for [`parts_within_total`] to read it: every
/// total is matched against every part, and a pasted table is no place for that.
const MAX_FIGURES_PER_PARAGRAPH: usize = 200;

fn parts_within_total(analysis: &Analysis, doc: usize) -> Vec<Finding> {
    let level = |i: usize| {
        let (figure, claim) = (&analysis.figures[i], &analysis.claims[i]);
        !claim.is_change
            && !figure.boilerplate
            && figure.change_end != Some(ChangeEnd::From)
            && matches!(
                figure.kind,
                FigureKind::Money | FigureKind::Quantity | FigureKind::Count
            )
            && figure.amount.as_point().is_some()
            && !claim.subjects.is_empty()
    };
    let mut findings = Vec::new();
    for figures in paragraphs(analysis) {
        let levels: Vec<usize> = figures.filter(|&i| level(i)).collect();
        findings.extend(parts_in_paragraph(analysis, doc, &levels));
    }
    findings
}

/// [`parts_within_total`] for the level figures of one paragraph.
fn parts_in_paragraph(analysis: &Analysis, doc: usize, levels: &[usize]) -> Vec<Finding> {
    let mut findings = Vec::new();
    for &total in levels {
        let (total_figure, total_claim) = (&analysis.figures[total], &analysis.claims[total]);
        if total_claim.segment.is_some() || total_claim.period.is_none() {
            continue;
        }
        let (Some(total_interval), Some(total_unit)) =
            (Interval::of(total_figure), total_figure.unit)
        else {
            continue;
        };
        let same_whole = |i: usize| {
            let claim = &analysis.claims[i];
            claim.quantity == total_claim.quantity
                && claim.subjects.first().map(|s| &s.key)
                    == total_claim.subjects.first().map(|s| &s.key)
                && analysis.figures[i]
                    .unit
                    .is_some_and(|unit| unit.commensurable(total_unit))
        };
        // A part with no period of its own belongs to the paragraph's total only if the
        // paragraph's totals all state one period: "revenue of $115.2 million, against
        // $79.5 million a year earlier" leaves a segment's year unsaid.
        let one_period = levels.iter().all(|&t| {
            let other = &analysis.claims[t];
            other.segment.is_some() || !same_whole(t) || other.period == total_claim.period
        });
        // One part per segment: the last one stated, which is the current level when a
        // segment is given "from" one level "to" another.
        let mut parts: Vec<usize> = Vec::new();
        for &part in levels.iter().filter(|&&i| i != total) {
            let claim = &analysis.claims[part];
            let same_period = match claim.period {
                Some(period) => Some(period) == total_claim.period,
                None => one_period,
            };
            if same_whole(part) && same_period && claim.segment.is_some() {
                parts.retain(|&p| analysis.claims[p].segment != claim.segment);
                parts.push(part);
            }
        }
        if parts.is_empty() {
            continue;
        }
        let base = |i: usize| analysis.figures[i].unit.map_or(1.0, |unit| unit.to_base());
        let least: f64 = parts
            .iter()
            .filter_map(|&p| Interval::of(&analysis.figures[p]).map(|i| i.low * base(p)))
            .sum();
        if least <= total_interval.high * base(total) {
            continue;
        }
        let amount = crate::report::format_amount;
        let listed: Vec<String> = parts
            .iter()
            .map(|&p| {
                format!(
                    "{} {}",
                    analysis.claims[p].segment.as_deref().unwrap_or("part"),
                    amount(&analysis.figures[p])
                )
            })
            .collect();
        let subject = subject_name(total_claim);
        let last = *parts.last().unwrap_or(&total);
        findings.push(Finding {
            kind: FindingKind::ArithmeticMismatch,
            severity: Severity::High,
            confidence: 0.7,
            a: side(analysis, doc, last),
            b: side(analysis, doc, total),
            subject: subject.clone(),
            quantity: total_claim.quantity.clone(),
            values: [0, 0],
            explanation: format!(
                "{subject}'s {}: the parts ({}) add up to more than the total of {}.",
                quantity_label(total_claim),
                listed.join(" + "),
                amount(total_figure),
            ),
        });
    }
    findings
}

fn growth_recomputed(analysis: &Analysis, doc: usize) -> Vec<Finding> {
    let mut findings = Vec::new();
    for (index, figure) in analysis.figures.iter().enumerate() {
        let claim = &analysis.claims[index];
        if figure.kind != FigureKind::Percent || !claim.is_change || figure.boilerplate {
            continue;
        }
        let Some((from, to)) = levels_in_sentence(analysis, index) else {
            continue;
        };
        let (from_figure, to_figure) = (&analysis.figures[from], &analysis.figures[to]);
        let (Some(earlier), Some(later), Some(stated)) = (
            Interval::of(from_figure),
            Interval::of(to_figure),
            Interval::of(figure),
        ) else {
            continue;
        };
        let (Some(earlier_value), Some(later_value)) =
            (from_figure.amount.central(), to_figure.amount.central())
        else {
            continue;
        };
        if earlier.low <= 0.0 || later.low < 0.0 || !earlier.high.is_finite() {
            continue;
        }
        // The change the levels allow, in percent, from their rounding.
        let computed = (
            (later.low / earlier.high - 1.0) * 100.0,
            (later.high / earlier.low - 1.0) * 100.0,
        );
        let computed_mid = (later_value / earlier_value - 1.0) * 100.0;
        // A change written without a sign ("fell 55%") takes its sign from the words,
        // or from the levels when the words give none.
        let negative = match claim.direction {
            Some(Direction::Down) => true,
            Some(Direction::Up) => false,
            None => computed_mid < 0.0,
        };
        let stated_range = if negative {
            (-stated.high, -stated.low)
        } else {
            (stated.low, stated.high)
        };
        if stated_range.1 >= computed.0 && stated_range.0 <= computed.1 {
            continue;
        }
        let subject = subject_name(claim);
        let what = if subject.is_empty() {
            quantity_label(claim).to_string()
        } else {
            format!("{subject}'s {}", quantity_label(claim))
        };
        let amount = crate::report::format_amount;
        findings.push(Finding {
            kind: FindingKind::ArithmeticMismatch,
            severity: Severity::High,
            confidence: 0.8,
            a: side(analysis, doc, index),
            b: side(analysis, doc, to),
            subject,
            quantity: claim.quantity.clone(),
            values: [0, 0],
            explanation: format!(
                "{what}: from {} to {} is {:+.1}% ({} / {} − 1), not {}{}%.",
                amount(from_figure),
                amount(to_figure),
                computed_mid,
                amount(to_figure),
                amount(from_figure),
                if negative { "−" } else { "+" },
                trim(figure.amount.central().unwrap_or(0.0).abs()),
            ),
        });
    }
    findings
}

/// Figure `index` of the document as a finding's side, quoted with its sentence.
fn side(analysis: &Analysis, doc: usize, index: usize) -> Side {
    Side {
        doc,
        span: analysis.figures[index].span,
        figure: Some(index),
        sentence: analysis.claims[index].sentence,
    }
}

/// The name of a claim's first subject, or "" when it has none.
fn subject_name(claim: &crate::claims::Claim) -> String {
    claim
        .subjects
        .first()
        .map_or_else(String::new, |s| s.name.to_string())
}

fn trim(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// The two levels a change in the same sentence runs between, as figure indexes
/// (earlier, later): the two ends of "from X to Y", or a level and "from X" after it.
fn levels_in_sentence(analysis: &Analysis, index: usize) -> Option<(usize, usize)> {
    let sentence = analysis.claims[index].sentence;
    let text = analysis.document.text.as_str();
    let in_sentence: Vec<usize> = figures_in(analysis, sentence)
        .filter(|&i| i != index && sentence.contains(analysis.figures[i].span))
        .filter(|&i| {
            matches!(
                analysis.figures[i].kind,
                FigureKind::Money | FigureKind::Quantity | FigureKind::Count
            )
        })
        .collect();
    let from = in_sentence
        .iter()
        .copied()
        .find(|&i| analysis.figures[i].change_end == Some(ChangeEnd::From));
    let to = in_sentence
        .iter()
        .copied()
        .find(|&i| analysis.figures[i].change_end == Some(ChangeEnd::To));
    let pair = match (from, to) {
        (Some(from), Some(to)) => (from, to),
        _ => {
            let percent = analysis.figures[index].span;
            let after = |from: usize, word: &str| {
                in_sentence.iter().copied().find(|&i| {
                    let figure = &analysis.figures[i];
                    figure.span.start >= from
                        && text[from..figure.span.start]
                            .trim()
                            .eq_ignore_ascii_case(word)
                })
            };
            // "fell 55% to $30.1 million from $67.2 million".
            if let Some(to) = after(percent.end, "to")
                && let Some(from) = after(analysis.figures[to].span.end, "from")
            {
                return same_kind(analysis, (from, to));
            }
            // "$115.2 million, up 45% from $79.5 million".
            let from = in_sentence.iter().copied().find(|&i| {
                let figure = &analysis.figures[i];
                figure.span.start > percent.end
                    && text[percent.end..figure.span.start]
                        .trim()
                        .eq_ignore_ascii_case("from")
            })?;
            let to = in_sentence
                .iter()
                .copied()
                .rev()
                .find(|&i| analysis.figures[i].span.end <= percent.start)?;
            (from, to)
        }
    };
    same_kind(analysis, pair)
}

/// The pair, if its two levels are of one kind and unit.
fn same_kind(analysis: &Analysis, pair: (usize, usize)) -> Option<(usize, usize)> {
    let (a, b) = (&analysis.figures[pair.0], &analysis.figures[pair.1]);
    let same_unit = match (a.unit, b.unit) {
        (Some(x), Some(y)) => x.commensurable(y),
        (None, None) => true,
        _ => false,
    };
    (same_unit && a.kind == b.kind).then_some(pair)
}

/// A claim's quantity in words, "figure" when nothing says.
fn quantity_label(claim: &crate::claims::Claim) -> &str {
    claim
        .quantity
        .as_ref()
        .map_or("figure", crate::claims::Quantity::key)
}

#[cfg(test)]
mod tests {
    use crate::{Corpus, Document, FindingKind};

    fn mismatches(text: &str) -> Vec<String> {
        let mut corpus = Corpus::new();
        corpus.add(Document::new("a", text)).unwrap();
        corpus
            .report()
            .findings
            .into_iter()
            .filter(|f| f.kind == FindingKind::ArithmeticMismatch)
            .map(|f| f.explanation)
            .collect()
    }

    #[test]
    fn a_growth_rate_the_levels_do_not_give_is_reported_with_the_sum() {
        let found =
            mismatches("Acme Corp's revenue rose 60% from $79.5 million to $115.2 million.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("is +44.9%"), "{}", found[0]);
        assert!(found[0].contains("not +60%"), "{}", found[0]);
    }

    #[test]
    fn parts_that_add_up_past_their_total_are_reported() {
        let found = mismatches(
            "Acme Corp posts results\n\nAcme Corp's revenue was $100 million in Q1 2026. Its colocation revenue was $70 million and its hosting revenue $45 million.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("add up to more than the total of $100 million"),
            "{}",
            found[0]
        );
        assert!(mismatches(
            "Acme Corp posts results\n\nAcme Corp's revenue was $100 million in Q1 2026. Its colocation revenue was $60 million and its hosting revenue $35 million.",
        )
        .is_empty());
    }

    #[test]
    fn shares_of_one_whole_past_a_hundred_percent_are_reported_once_each() {
        let found = mismatches(
            "Acme Corp results\n\nHosting brought in 60% of its revenue in 2025. Mining brought in 55% of revenue in 2025.",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("60% + 55% = 115%"), "{}", found[0]);
        // The same share said twice is one share.
        assert!(mismatches(
            "Acme Corp results\n\nHosting brought in 60% of its revenue. Again, hosting made up 60% of revenue.",
        )
        .is_empty());
    }

    #[test]
    fn production_and_price_falls_imply_the_mining_revenue_fall() {
        let consistent = "Acme Mining results\n\nAcme Mining's self-mining revenue fell from $67.2 million to $30.1 million in Q1 2026. The company pointed to a 45% fall in BTC production and an 18% drop in BTC prices.";
        assert!(
            mismatches(consistent).is_empty(),
            "{:?}",
            mismatches(consistent)
        );
        let off = consistent.replace("$30.1 million", "$50 million");
        let found = mismatches(&off);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].contains("0.55 × 0.82 − 1 = -54.9%"),
            "{}",
            found[0]
        );
    }

    #[test]
    fn rounded_rates_and_falls_in_either_order_are_consistent() {
        assert!(
            mismatches("Acme Corp's revenue was $115.2 million, up 45% from $79.5 million.")
                .is_empty()
        );
        assert!(
            mismatches("Acme Corp's revenue fell 55% to $30.1 million from $67.2 million.")
                .is_empty()
        );
        let found = mismatches("Acme Corp's revenue fell 30% to $30.1 million from $67.2 million.");
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("is -55.2%"), "{}", found[0]);
    }
}
