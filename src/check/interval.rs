//! Every claim as an interval of values it allows.

use crate::figures::{APPROXIMATE_TOLERANCE, Figure, Qualifier, Unit};

/// The values a figure allows, from `low` to `high` (either may be infinite); a strict
/// side excludes its end. Bounds from "more than" and "less than" are strict, and so is
/// the top of a rounded value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub low: f64,
    pub high: f64,
    pub low_strict: bool,
    pub high_strict: bool,
}

impl Interval {
    /// The interval a figure stands for:
    ///
    /// - a point widens by half its last digit: "18%" is 17.5–18.5, "$115.2 million" is
    ///   115.15–115.25 million;
    /// - "about" widens by [`APPROXIMATE_TOLERANCE`] on each side, or by its rounding if
    ///   that is wider;
    /// - a range widens its ends by their rounding: "4%–12%" is 3.5–12.5;
    /// - a bound is open on one side.
    pub fn of(figure: &Figure) -> Option<Interval> {
        let amount = figure.amount;
        let half = amount.resolution / 2.0;
        let (mut low, mut high) = (
            amount.low.map_or(f64::NEG_INFINITY, |v| v - half),
            amount.high.map_or(f64::INFINITY, |v| v + half),
        );
        if amount.low.is_none() && amount.high.is_none() {
            return None;
        }
        // Rounding makes the top end open: "18%" is 17.5 up to, not including, 18.5.
        let (mut low_strict, mut high_strict) = (false, half > 0.0);
        match figure.qualifier {
            Qualifier::Approximate => {
                let value = amount.central()?;
                let reach = (value.abs() * APPROXIMATE_TOLERANCE).max(half);
                low = value - reach;
                high = value + reach;
            }
            Qualifier::MoreThan => {
                low = amount.low?;
                low_strict = true;
            }
            Qualifier::AtLeast => low = amount.low?,
            Qualifier::LessThan => {
                high = amount.high?;
                high_strict = true;
            }
            Qualifier::Nearly => {
                high = amount.high?;
                high_strict = false;
            }
            Qualifier::AtMost => {
                high = amount.high?;
                high_strict = false;
            }
            Qualifier::Exact | Qualifier::Range => {}
        }
        Some(Interval {
            low,
            high,
            low_strict,
            high_strict,
        })
    }

    pub fn scaled(self, factor: f64) -> Interval {
        let (low, high) = (self.low * factor, self.high * factor);
        Interval {
            low: low.min(high),
            high: low.max(high),
            ..self
        }
    }

    /// Whether some value lies in both.
    pub fn overlaps(&self, other: &Interval) -> bool {
        let below = |high: f64, high_strict: bool, low: f64, low_strict: bool| {
            high < low || (high == low && (high_strict || low_strict))
        };
        !below(self.high, self.high_strict, other.low, other.low_strict)
            && !below(other.high, other.high_strict, self.low, self.low_strict)
    }

    /// "[17.5%, 18.5%]", in the figure's own unit.
    pub fn display(&self, unit: Option<Unit>) -> String {
        let factor = unit.map_or(1.0, |u| u.to_base());
        let side = |value: f64| {
            if value.is_infinite() {
                if value > 0.0 {
                    "∞".to_string()
                } else {
                    "−∞".to_string()
                }
            } else {
                match unit {
                    Some(unit) => crate::report::format_value(value / factor, unit),
                    None => crate::report::trim_number(value),
                }
            }
        };
        let open = if self.low_strict { "(" } else { "[" };
        let close = if self.high_strict { ")" } else { "]" };
        format!("{open}{}, {}{close}", side(self.low), side(self.high))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    fn interval(text: &str) -> Interval {
        Interval::of(&extract(text)[0]).unwrap()
    }

    #[test]
    fn points_carry_their_rounding() {
        let i = interval("18%");
        assert_eq!((i.low, i.high), (17.5, 18.5));
        let i = interval("$115.2 million");
        assert!((i.low - 115_150_000.0).abs() < 1e-3 && (i.high - 115_250_000.0).abs() < 1e-3);
    }

    #[test]
    fn eighteen_lies_outside_four_to_twelve() {
        assert!(!interval("18%").overlaps(&interval("between 4% and 12%")));
        assert!(interval("12%").overlaps(&interval("between 4% and 12%")));
        assert!(interval("12.4%").overlaps(&interval("4-12%")));
    }

    #[test]
    fn approximations_and_bounds() {
        assert!(interval("about 2 GW").overlaps(&interval("2.1 GW")));
        assert!(!interval("about 2 GW").overlaps(&interval("3 GW")));
        assert!(!interval("more than 10%").overlaps(&interval("less than 10%")));
        assert!(interval("at least 10%").overlaps(&interval("up to 10%")));
    }
}
