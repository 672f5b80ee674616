//! Step 2: figures. Finds every checkable number in a document and normalises it.
//!
//! A [`Figure`] is a span of text plus what it says: its [`FigureKind`], its value as an
//! [`Amount`] (a point with its rounding precision, a range, a bound, or an
//! approximation), its [`Unit`], and for dates the [`DayInterval`] it covers. Figures in
//! boilerplate lines ("Read more:", bylines, "1 min read") are kept but marked, so that
//! the checker can leave them out while the page can still show them.
//!
//! The extractor works outward from each numeral:
//!
//! 1. [`numeral`] finds numerals written in digits ("1,234.5", "3,5", "1 234") or in
//!    words ("twenty-five", "a dozen", "two-thirds") and reads their value and
//!    precision.
//! 2. [`extract`] looks right of the numeral for a scale word ("million", "bn"), a
//!    percent sign, a unit ([`unit`](mod@unit)) or a counted noun, and left of it for a currency
//!    sign, a sign, and a qualifier ("more than", "about", "between").
//! 3. Two numerals joined by "to", "and" or a dash become one range; "from X to Y"
//!    becomes two figures marked as the two ends of a change.
//! 4. [`date`] reads dates and periods ("March 26", "Q1 2026", "the second half of
//!    2025") into intervals of days, resolved against the document's dateline.
//!
//! Numerals that are part of identifiers (URLs, "COVID-19", "Windows 11"), ordinals,
//! and clock times are not figures.

mod currency;
pub mod date;
mod extract;
pub mod numeral;
pub mod unit;

use serde::Serialize;

pub use date::DayInterval;
pub use extract::extract;
pub(crate) use extract::{FAMILIES, extract_among};
pub use unit::{Dimension, Unit};

use crate::span::Span;

/// What sort of thing a figure is. The page colours figures by kind, and the checker
/// only compares figures of the same kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FigureKind {
    /// "18%", "18 percent": a value in percent.
    Percent,
    /// "1.5 percentage points", "150 basis points": never compared with percent.
    PercentagePoints,
    /// "$1.2bn", "€3,5 million": an amount in one currency.
    Money,
    /// "200 MW", "3 EH/s", "5 km": an amount of a physical or digital unit.
    Quantity,
    /// "1,200 employees", "six miners": how many of a counted noun.
    Count,
    /// "doubled", "3x", "three times": a ratio between two values.
    Multiple,
    /// "a third", "two-thirds of": a fraction of a whole.
    Fraction,
    /// A bare number whose meaning the words around it do not give.
    Number,
    /// "March 26", "Q1 2026", "fiscal 2025": a calendar interval.
    Date,
    /// "six months", "three years": a length of time.
    Duration,
    /// "1 min read", "1 hour ago": page furniture about the article itself.
    Metadata,
}

/// How the words around a figure qualify its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// Stated as is: "18%".
    Exact,
    /// "about", "roughly", "around", "some", "approximately", "~": see
    /// [`APPROXIMATE_TOLERANCE`].
    Approximate,
    /// "between 4% and 12%", "4–12%".
    Range,
    /// "more than", "over", "above": the value is a strict lower bound.
    MoreThan,
    /// "at least", "no less than": an inclusive lower bound.
    AtLeast,
    /// "less than", "under", "below", "fewer than": a strict upper bound.
    LessThan,
    /// "up to", "at most", "no more than", "as much as": an inclusive upper bound.
    AtMost,
    /// "nearly", "almost", "just under": an upper bound that the value comes close to.
    Nearly,
}

/// Relative tolerance of an approximate figure: "about 2 GW" covers 1.8–2.2 GW.
///
/// Ten percent is what news writing means by "about" for round numbers; the checker
/// widens by this much on each side before deciding two figures disagree.
pub const APPROXIMATE_TOLERANCE: f64 = 0.10;

/// Relative reach of "nearly" and "almost" below the stated value: "nearly 10%" covers
/// 9%–10%.
pub const NEARLY_TOLERANCE: f64 = 0.10;

/// A figure's value in its stated unit, fully scaled ("$1.2bn" is 1.2e9).
///
/// `low` and `high` are equal for a point. An open side is `None` ("more than 10%" has
/// no high). `resolution` is the place value of the last digit written: "18" has 1,
/// "115.2 million" has 100,000; a point really stands for `value ± resolution / 2`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Amount {
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub resolution: f64,
}

impl Amount {
    pub fn point(value: f64, resolution: f64) -> Amount {
        Amount {
            low: Some(value),
            high: Some(value),
            resolution,
        }
    }

    /// The single value of a point, `None` for a range or a bound.
    pub fn as_point(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(low), Some(high)) if low == high => Some(low),
            _ => None,
        }
    }

    /// A representative single value: the point, the midpoint of a range, or the
    /// closed side of a bound.
    pub fn central(&self) -> Option<f64> {
        match (self.low, self.high) {
            (Some(low), Some(high)) => Some((low + high) / 2.0),
            (Some(one), None) | (None, Some(one)) => Some(one),
            (None, None) => None,
        }
    }

    fn scaled(self, factor: f64) -> Amount {
        Amount {
            low: self.low.map(|v| v * factor),
            high: self.high.map(|v| v * factor),
            resolution: self.resolution * factor,
        }
    }
}

/// Which end of a stated change a figure is: "revenue fell from $67.2 million (from) to
/// $30.1 million (to)".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeEnd {
    From,
    To,
}

/// One figure found in a document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    /// Where the figure is, in UTF-8 bytes of the document's text.
    pub span: Span,
    pub kind: FigureKind,
    pub amount: Amount,
    pub qualifier: Qualifier,
    /// The stated unit. `None` for bare numbers and dates.
    pub unit: Option<Unit>,
    /// For counts: the counted noun, lower-cased and singular ("employee").
    pub noun: Option<String>,
    /// For dates and periods: the days covered.
    pub period: Option<DayInterval>,
    /// Set on the two ends of "from X to Y".
    pub change_end: Option<ChangeEnd>,
    /// The figure sits in a byline, a "Read more:" link, navigation or an ad.
    pub boilerplate: bool,
}

impl Figure {
    /// Whether every value of the figure, in its own unit and in the base unit, is a
    /// finite number. Figures that are not are dropped: nothing can be compared with
    /// them.
    pub fn is_finite(&self) -> bool {
        let finite = |amount: Amount| {
            [amount.low, amount.high]
                .into_iter()
                .flatten()
                .all(f64::is_finite)
                && amount.resolution.is_finite()
        };
        finite(self.amount) && finite(self.base_amount())
    }

    /// The figure's value converted to its dimension's base unit (MW to W, GWh to Wh),
    /// so that figures stated in different units compare directly.
    pub fn base_amount(&self) -> Amount {
        match self.unit {
            Some(unit) => self.amount.scaled(unit.to_base()),
            None => self.amount,
        }
    }
}
