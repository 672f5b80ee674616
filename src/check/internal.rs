//! Checks inside one article: figures that the article's own arithmetic contradicts.
//!
//! Growth recomputed: a sentence that states a change in percent and the two levels it
//! runs between ("revenue rose 60% from $79.5 million to $115.2 million", "revenue of
//! $115.2 million, up 45% from $79.5 million") is recomputed from the levels. The levels
//! carry their rounding, so the recomputed change is an interval too; a stated change
//! outside it is a finding, with the arithmetic.

use super::interval::Interval;
use super::{Finding, FindingKind, Severity, Side};
use crate::claims::{Analysis, Direction};
use crate::figures::{ChangeEnd, Figure, FigureKind};

/// The growth-recomputed findings of one document, `doc` being its index in the corpus.
pub fn check_document(analysis: &Analysis, doc: usize) -> Vec<Finding> {
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
        let subject = claim
            .subjects
            .first()
            .map_or_else(String::new, |s| s.name.clone());
        let what = if subject.is_empty() {
            claim.metric.label().to_string()
        } else {
            format!("{subject}'s {}", claim.metric.label())
        };
        let amount = crate::report::format_amount;
        findings.push(Finding {
            kind: FindingKind::ArithmeticMismatch,
            severity: Severity::High,
            confidence: 0.8,
            a: side(doc, index, figure, claim.sentence),
            b: side(doc, to, to_figure, analysis.claims[to].sentence),
            subject,
            metric: claim.metric,
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

fn side(doc: usize, index: usize, figure: &Figure, sentence: crate::span::Span) -> Side {
    Side {
        doc,
        span: figure.span,
        figure: Some(index),
        sentence,
    }
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
    let in_sentence: Vec<usize> = (0..analysis.figures.len())
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
