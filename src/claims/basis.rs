//! The basis and modality of a claim: against what a change is measured, in which part
//! of a trading day, on which accounting or statistical measure, and whether the figure
//! is the thing itself or an estimate, a target or a record.
//!
//! "Sales rose 11% year on year" and "sales rose 3% from the previous quarter" are both
//! true of one quarter; "analysts expected $5bn" and "revenue was $4.8bn" are both true
//! of one report; "shares rose as much as 22%" and "closed up 15%" are both true of one
//! day. A different basis or modality is never a contradiction, so both are part of the
//! key two claims must share before they are compared.
//!
//! Each is read from the figure's clause: the words right around it first, so that in
//! "rose 3% on the quarter and 11% on the year" each figure takes its own.

use std::sync::LazyLock;

use serde::Serialize;

use crate::pattern::{PhraseSpec, Phrases};
use crate::span::Span;

/// Against what a change is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Against the same period a year before; annual rates ("annual inflation").
    YearOnYear,
    /// Against the previous quarter; sequential change.
    QuarterOnQuarter,
    /// Against the previous month.
    MonthOnMonth,
    /// Since the start of the year.
    YearToDate,
    /// Against a forecast or consensus ("above expectations").
    AgainstForecast,
}

/// When in a trading day, or which reading of a value that moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Session {
    /// "at one point", "as much as", "intraday", "earlier in the day".
    Intraday,
    Premarket,
    AfterHours,
    /// "closed", "settled", "ended the day".
    Close,
}

/// Which statistical or accounting measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Measure {
    Adjusted,
    Reported,
    Gross,
    Net,
    Core,
    Headline,
    Real,
    Nominal,
    Annualised,
}

/// Whether a figure claims the thing itself or something about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Modality {
    /// The figure as reported or observed.
    #[default]
    Actual,
    /// An estimate, forecast, projection, guidance, target, consensus or expectation.
    Expected,
    /// A record or an earlier figure cited for comparison ("the previous record of").
    Historical,
}

/// The basis of a claim: each part `None` when the text does not say.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Default)]
pub struct Basis {
    pub comparison: Option<Comparison>,
    pub session: Option<Session>,
    pub measure: Option<Measure>,
}

impl Basis {
    /// Whether two claims may be about the same thing: no part stated on both sides
    /// differs.
    pub fn compatible(self, other: Basis) -> bool {
        fn agree<T: PartialEq>(a: Option<T>, b: Option<T>) -> bool {
            match (a, b) {
                (Some(a), Some(b)) => a == b,
                _ => true,
            }
        }
        agree(self.comparison, other.comparison)
            && agree(self.session, other.session)
            && agree(self.measure, other.measure)
    }

    /// Whether one side states a part the other leaves unsaid.
    pub fn assumed(self, other: Basis) -> bool {
        self.comparison.is_some() != other.comparison.is_some()
            || self.session.is_some() != other.session.is_some()
            || self.measure.is_some() != other.measure.is_some()
    }

    /// In words, for explanations: "year on year, at the close".
    pub fn describe(self) -> Option<String> {
        let parts: Vec<&str> = [
            self.comparison.map(|c| match c {
                Comparison::YearOnYear => "year on year",
                Comparison::QuarterOnQuarter => "quarter on quarter",
                Comparison::MonthOnMonth => "month on month",
                Comparison::YearToDate => "year to date",
                Comparison::AgainstForecast => "against forecasts",
            }),
            self.session.map(|s| match s {
                Session::Intraday => "intraday",
                Session::Premarket => "before the market opened",
                Session::AfterHours => "after hours",
                Session::Close => "at the close",
            }),
            self.measure.map(|m| match m {
                Measure::Adjusted => "adjusted",
                Measure::Reported => "as reported",
                Measure::Gross => "gross",
                Measure::Net => "net",
                Measure::Core => "core",
                Measure::Headline => "headline",
                Measure::Real => "real",
                Measure::Nominal => "nominal",
                Measure::Annualised => "annualised",
            }),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}

/// What one basis word says.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum BasisWord {
    Comparison(Comparison),
    Session(Session),
    Measure(Measure),
    Modality(Modality),
}

/// Every basis and modality word, by what it says. Written once; [`BASIS_WORDS`] is
/// derived from it.
const WORDS: &[(BasisWord, &str)] = {
    use BasisWord as W;
    use Comparison as C;
    use Measure as M;
    use Session as S;
    &[
        (
            W::Comparison(C::YearOnYear),
            "year on year|year-on-year|year over year|year-over-year|y/y|yoy|\
             from a year earlier|from a year ago|than a year earlier|than a year ago|\
             a year earlier|a year ago|annual|annually|in the 12 months|\
             over the 12 months|12-month|on the year|compared with a year|\
             from the same period|versus a year|from last year|than last year",
        ),
        (
            W::Comparison(C::QuarterOnQuarter),
            "quarter on quarter|quarter-on-quarter|quarter over quarter|q/q|qoq|\
             sequential|sequentially|from the previous quarter|\
             than the previous quarter|on the quarter|from the prior quarter|\
             from the third quarter|from the second quarter|from the first quarter|\
             from the fourth quarter",
        ),
        (
            W::Comparison(C::MonthOnMonth),
            "month on month|month-on-month|m/m|from the previous month|\
             than the previous month|on the month|from a month earlier|monthly rate|\
             monthly basis|monthly increase|monthly gain",
        ),
        (
            W::Comparison(C::YearToDate),
            "year to date|year-to-date|ytd|so far this year|this year|\
             since the start of the year|since january|since the beginning of the year",
        ),
        (
            W::Comparison(C::AgainstForecast),
            "above expectations|below expectations|than expected|than forecast|\
             beat estimates|missed estimates|above forecasts|below forecasts|\
             relative to|than the consensus",
        ),
        (
            W::Session(S::Intraday),
            "intraday|at one point|as much as|as high as|as low as|earlier in the day|\
             in early trading|during the session|at its peak|at the peak|briefly",
        ),
        (
            W::Session(S::Premarket),
            "premarket|pre-market|before the bell|before the open",
        ),
        (
            W::Session(S::AfterHours),
            "after-hours|after hours|extended trading|after the bell|late trading|\
             post-market",
        ),
        (
            W::Session(S::Close),
            "closed at|closed up|closed down|closed higher|closed lower|settled|\
             ended the day|ended the session|at the close|finished the day|by the close",
        ),
        (
            W::Measure(M::Adjusted),
            "adjusted|underlying|non-gaap|excluding items",
        ),
        (W::Measure(M::Reported), "reported|gaap|statutory"),
        // In lower case only: "Core Scientific", "Net Power" and "Real Madrid" are names.
        (W::Measure(M::Gross), "=gross"),
        (W::Measure(M::Net), "=net"),
        (W::Measure(M::Core), "=core|underlying inflation"),
        (W::Measure(M::Headline), "=headline"),
        (
            W::Measure(M::Real),
            "=real|inflation-adjusted|in real terms",
        ),
        (W::Measure(M::Nominal), "=nominal"),
        (
            W::Measure(M::Annualised),
            "annualised|annualized|annual rate",
        ),
        (
            W::Modality(Modality::Expected),
            "expected|expects|expect|expectation|expectations|forecast|forecasts|\
             forecasting|forecaster|forecasters|projected|projection|projections|\
             projects|estimate|estimates|estimated|guidance|guided|outlook|target|\
             targets|targeting|consensus|analysts|predicted|predicts|anticipated|\
             planned|plans|aims|goal|would|could|=may|might|will|proposed|seen at|\
             penciled|pencilled",
        ),
        (
            W::Modality(Modality::Historical),
            "previous record|old record|prior record|former record|highest since|\
             lowest since|since records began|the last time",
        ),
    ]
};

/// The table of [`WORDS`], each phrase meaning the index of its group. An index, not
/// the [`BasisWord`] itself: the quantity table is a `Phrases<u16>` too, and the page
/// carries one copy of the table's code, not one per meaning type.
pub(super) static BASIS_WORDS: LazyLock<Phrases<u16>> = LazyLock::new(|| {
    let specs: Vec<PhraseSpec<u16>> = WORDS
        .iter()
        .enumerate()
        .flat_map(|(group, (_, words))| words.split('|').map(move |word| (word, group as u16)))
        .collect();
    Phrases::new(&specs)
});

/// The basis words of a document, found once: every figure then reads its clause's.
#[derive(Debug, Default)]
pub struct BasisWords {
    spans: Vec<Span>,
    meanings: Vec<BasisWord>,
}

impl BasisWords {
    /// The basis words of `sentence`. Read per sentence with a figure, not from the
    /// document's word index: their first words ("a", "on", "at", "from") are among the
    /// commonest of any text.
    pub fn of(text: &str, sentence: Span) -> BasisWords {
        let starts: Vec<usize> = BASIS_WORDS
            .openers()
            .starts_within(text, sentence)
            .collect();
        let (spans, meanings) = BASIS_WORDS
            .find_among(text, &starts)
            .map(|(span, group)| (span, WORDS[usize::from(group)].0))
            .unzip();
        BasisWords { spans, meanings }
    }

    /// The basis and modality of a figure at `figure` in `clause`. A word nearer the
    /// figure wins over one further away; a modality word counts only in the clause
    /// before the figure or just after it ("expected 5%", "5%, as forecast").
    pub fn read(&self, clause: Span, figure: Span) -> (Basis, Modality) {
        let first = self.spans.partition_point(|s| s.start < clause.start);
        let mut basis = Basis::default();
        let mut modality = Modality::Actual;
        let mut distances = [usize::MAX; 4];
        for (span, meaning) in self.spans[first..]
            .iter()
            .zip(&self.meanings[first..])
            .take_while(|(s, _)| s.start < clause.end)
        {
            if !clause.contains(*span) || span.overlaps(figure) {
                continue;
            }
            let distance = if span.start >= figure.end {
                span.start - figure.end
            } else {
                figure.start - span.end
            };
            let slot = match meaning {
                BasisWord::Comparison(_) => 0,
                BasisWord::Session(_) => 1,
                BasisWord::Measure(_) => 2,
                BasisWord::Modality(_) => 3,
            };
            // Modality is read near the figure: "revenue was $5bn, and analysts expect
            // $6bn next year" gives the first figure no modality of the second.
            if slot == 3 && (span.start >= figure.end && distance > 24 || distance > 80) {
                continue;
            }
            if distance >= distances[slot] {
                continue;
            }
            distances[slot] = distance;
            match *meaning {
                BasisWord::Comparison(c) => basis.comparison = Some(c),
                BasisWord::Session(s) => basis.session = Some(s),
                BasisWord::Measure(m) => basis.measure = Some(m),
                BasisWord::Modality(m) => modality = m,
            }
        }
        (basis, modality)
    }
}

/// Whether `word`, in lower case, is a whole basis or modality phrase.
pub fn is_basis_word(word: &str) -> bool {
    BASIS_WORDS
        .at(word, 0)
        .is_some_and(|(end, _)| end == word.len())
}

impl BasisWords {
    /// Whether a line's label ("First projection (Ipsos): ...", "Forecast: ...")
    /// says that what follows is expected.
    pub fn label_expects(&self, label: Span) -> bool {
        let first = self.spans.partition_point(|s| s.start < label.start);
        self.spans[first..]
            .iter()
            .zip(&self.meanings[first..])
            .take_while(|(s, _)| s.end <= label.end)
            .any(|(_, meaning)| *meaning == BasisWord::Modality(Modality::Expected))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, figure: &str) -> (Basis, Modality) {
        let words = BasisWords::of(text, Span::new(0, text.len()));
        let at = text.find(figure).unwrap();
        words.read(Span::new(0, text.len()), Span::new(at, at + figure.len()))
    }

    #[test]
    fn year_on_year_and_quarter_on_quarter_are_told_apart() {
        let (yoy, _) = read("Sales rose 11% from a year earlier.", "11%");
        let (qoq, _) = read("Sales rose 3% from the previous quarter.", "3%");
        assert_eq!(yoy.comparison, Some(Comparison::YearOnYear));
        assert_eq!(qoq.comparison, Some(Comparison::QuarterOnQuarter));
        assert!(!yoy.compatible(qoq));
    }

    #[test]
    fn an_estimate_is_not_the_actual() {
        assert_eq!(
            read("Analysts expected revenue of $5bn.", "$5bn").1,
            Modality::Expected
        );
        assert_eq!(read("Revenue was $5bn.", "$5bn").1, Modality::Actual);
    }

    #[test]
    fn a_session_high_is_not_the_close() {
        let (peak, _) = read("Shares rose as much as 22% on Friday.", "22%");
        let (close, _) = read("Shares closed up 15% on Friday.", "15%");
        assert!(!peak.compatible(close));
    }
}
