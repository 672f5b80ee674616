//! The extractor: from a document's text to its figures.
//!
//! See the module documentation of [`crate::figures`] for the order of work. Every
//! regex here is compiled once; the hot loops run a regex over the whole text once per
//! family (dates, digit numerals, word numerals) and then look only at a few dozen bytes
//! around each match.

use std::sync::LazyLock;

use crate::pattern::{CandidatePattern, Families, Openers, Regex, WordIndex, WordSet, word_head};

use super::currency;
use super::date::{self, DayInterval};
use super::numeral::{self, Numeral};
use super::unit::{Dimension, Unit, unit_after};
use super::{Amount, ChangeEnd, Figure, FigureKind, NEARLY_TOLERANCE, Qualifier};
use crate::span::{Seeker, Span, floor_char_boundary, window_before};
use crate::text;

/// Extracts every figure in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Figure> {
    extract_among(text, &WordIndex::of(text, &FAMILIES), &text::lines(text))
}

/// [`extract`], given the index of `text`'s words for [`FAMILIES`] and its lines.
pub(crate) fn extract_among(text: &str, index: &WordIndex, lines: &[text::Line]) -> Vec<Figure> {
    // News text holds about one figure per hundred bytes.
    let mut figures = Vec::with_capacity(text.len() / 64);
    // Spans already claimed: a numeral inside a date, a URL or an earlier figure is not
    // read again.
    let mut taken = Taken::default();
    let whole = Span::new(0, text.len());
    taken.add_all(addresses_among(
        text,
        index.starts(Family::WebAddress as usize, whole),
    ));

    let mut metadata = Vec::new();
    for span in METADATA.find_iter(text, metadata_starts(text, index)) {
        figures.push(plain(
            span,
            FigureKind::Metadata,
            Amount::point(leading_value(span.text(text)), 1.0),
        ));
        metadata.push(span);
    }
    taken.add_all(metadata);

    let reference = date::dateline(text);
    let mut dates = Vec::new();
    for found in date::find_dates_at(text, date_starts(text, index), reference) {
        if taken.overlaps(found.span) {
            continue;
        }
        let mut figure = plain(
            found.span,
            FigureKind::Date,
            Amount {
                low: None,
                high: None,
                resolution: 1.0,
            },
        );
        figure.period = found.period;
        figures.push(figure);
        dates.push(found.span);
    }
    taken.add_all(dates);

    let mut multiples = Vec::new();
    let multiple_starts = index
        .starts(Family::Multiple as usize, whole)
        .iter()
        .copied();
    for span in MULTIPLE_WORD.find_iter(text, multiple_starts) {
        let factor = match span.text(text).to_ascii_lowercase().get(..3) {
            Some("dou") => 2.0,
            Some("tri") => 3.0,
            Some("qua") => 4.0,
            _ => 0.5,
        };
        let mut figure = plain(span, FigureKind::Multiple, Amount::point(factor, 0.0));
        figure.unit = Unit::from_symbol("x");
        figures.push(figure);
        multiples.push(span);
    }
    taken.add_all(multiples);

    // Numerals in digits and in words, in order, so that a range can swallow the numeral
    // after it.
    let mut numerals: Vec<Numeral> = Vec::with_capacity(text.len() / 64);
    numerals.extend(
        numeral::digit_runs(text)
            .map(|span| Numeral {
                span,
                value: 0.0,
                resolution: 1.0,
                fraction: false,
                words: false,
            })
            .chain(numeral::word_numerals_at(
                text,
                index
                    .starts(Family::NumberWord as usize, whole)
                    .iter()
                    .copied(),
            )),
    );
    crate::span::sort_by_position(&mut numerals, |numeral| (numeral.span.start, 0));

    let mut cursor = 0;
    for numeral in numerals {
        if numeral.span.start < cursor || taken.overlaps(numeral.span) {
            continue;
        }
        let Some(first) = read(text, numeral, None) else {
            continue;
        };
        cursor = first.span.end;
        match pair_after(text, &first) {
            Some(Pair::Range(range)) => {
                cursor = range.span.end;
                figures.push(range);
            }
            Some(Pair::Change(first, second) | Pair::Both(first, second)) => {
                cursor = second.span.end;
                figures.push(first);
                figures.push(second);
            }
            None if first.bare_words => {}
            None => {
                if let Some(figure) = first.into_figure() {
                    figures.push(figure);
                }
            }
        }
    }

    crate::span::sort_by_position(&mut figures, |figure| (figure.span.start, figure.span.end));
    let mut figures = join_neighbours(text, figures);
    // "1" and 305 zeros "MW" parses, but its value in watts does not fit a float.
    figures.retain(Figure::is_finite);
    mark_boilerplate(lines, &mut figures);
    figures
}

/// What may stand between two figures that read as one: "above 1000 and below 1500",
/// "5 feet, 2 inches", "2 km and 1 metre".
static JOINT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:,?[ \x{00A0}](?:and|but)[ \x{00A0}]|,[ \x{00A0}]|[ \x{00A0}])$")
        .expect("joint pattern")
});

/// Joins neighbouring figures that state one value between them:
///
/// - a lower and an upper bound ("more than 10 and less than 20") become a range;
/// - a measure in descending units ("5 feet 2 inches", "2 km and 1 metre") becomes one
///   quantity in the first unit.
fn join_neighbours(text: &str, figures: Vec<Figure>) -> Vec<Figure> {
    let mut joined: Vec<Figure> = Vec::with_capacity(figures.len());
    for figure in figures {
        if let Some(previous) = joined.last_mut()
            && previous.kind == figure.kind
            && previous.span.end <= figure.span.start
            && figure.span.start - previous.span.end <= 48
            // The second figure's span leaves out its qualifier ("below 1500"); the
            // joint is what lies between the first figure and that qualifier.
            && let (_, joint_end) = qualifier_before(&text[..figure.span.start])
            && previous.span.end <= joint_end
            && JOINT.is_match(&text[previous.span.end..joint_end])
            && let Some(one) = join_pair(previous, &figure)
        {
            *previous = one;
            continue;
        }
        joined.push(figure);
    }
    joined
}

fn join_pair(first: &Figure, second: &Figure) -> Option<Figure> {
    if first.kind != second.kind || first.boilerplate != second.boilerplate {
        return None;
    }
    let commensurable = match (first.unit, second.unit) {
        (Some(a), Some(b)) => a.commensurable(b),
        (None, None) => true,
        _ => false,
    };
    if !commensurable || first.change_end.is_some() || second.change_end.is_some() {
        return None;
    }
    let span = Span::new(first.span.start, second.span.end);
    let lower = |f: &Figure| matches!(f.qualifier, Qualifier::MoreThan | Qualifier::AtLeast);
    let upper = |f: &Figure| matches!(f.qualifier, Qualifier::LessThan | Qualifier::AtMost);
    let (low, high) = if lower(first) && upper(second) {
        (first, second)
    } else if upper(first) && lower(second) {
        (second, first)
    } else {
        return join_measure(first, second, span);
    };
    let factor = |f: &Figure| f.unit.map_or(1.0, |unit| unit.to_base());
    let (Some(bottom), Some(top)) = (low.amount.low, high.amount.high) else {
        return None;
    };
    // Both in the first figure's unit.
    let bottom = bottom * factor(low) / factor(first);
    let top = top * factor(high) / factor(first);
    if bottom >= top {
        // "more than 40 and less than 10" bounds nothing.
        return None;
    }
    Some(Figure {
        span,
        amount: Amount {
            low: Some(bottom),
            high: Some(top),
            resolution: first.amount.resolution.min(second.amount.resolution),
        },
        qualifier: Qualifier::Range,
        ..first.clone()
    })
}

/// "5 feet 2 inches": exact quantities of length, mass or volume, the second in a
/// smaller unit.
fn join_measure(first: &Figure, second: &Figure, span: Span) -> Option<Figure> {
    let (Some(a), Some(b)) = (first.unit, second.unit) else {
        return None;
    };
    let measure = matches!(
        a.dimension(),
        Dimension::Length | Dimension::Mass | Dimension::Volume
    );
    let exact = first.qualifier == Qualifier::Exact && second.qualifier == Qualifier::Exact;
    if !measure || !exact || b.to_base() >= a.to_base() {
        return None;
    }
    let (Some(whole), Some(part)) = (first.amount.as_point(), second.amount.as_point()) else {
        return None;
    };
    let ratio = b.to_base() / a.to_base();
    let value = whole + part * ratio;
    Some(Figure {
        span,
        amount: Amount::point(value, second.amount.resolution * ratio),
        ..first.clone()
    })
}

fn plain(span: Span, kind: FigureKind, amount: Amount) -> Figure {
    Figure {
        span,
        kind,
        amount,
        qualifier: Qualifier::Exact,
        unit: None,
        noun: None,
        period: None,
        change_end: None,
        boilerplate: false,
    }
}

/// Spans already claimed by a figure, a URL or a date, kept sorted and merged so that a
/// look-up is a search, which the numerals, asked in order, make from where the last
/// one ended: extraction stays linear in the length of the text.
#[derive(Default)]
struct Taken(Vec<Span>, Seeker);

impl Taken {
    fn add_all(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.0.extend(spans);
        crate::span::sort_by_position(&mut self.0, |span| (span.start, span.end));
        let mut merged: Vec<Span> = Vec::with_capacity(self.0.len());
        for span in self.0.drain(..) {
            match merged.last_mut() {
                Some(last) if last.end >= span.start => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        self.0 = merged;
        self.1 = Seeker::default();
    }

    fn overlaps(&self, span: Span) -> bool {
        let index = self
            .1
            .partition_point(&self.0, |taken| taken.start < span.end);
        index > 0 && self.0[index - 1].end > span.start
    }
}

fn leading_value(text: &str) -> f64 {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1.0)
}

fn mark_boilerplate(lines: &[text::Line], figures: &mut [Figure]) {
    let seeker = Seeker::default();
    for figure in figures {
        let index = seeker.partition_point(lines, |line| line.span.end < figure.span.start);
        figure.boilerplate = lines.get(index).is_some_and(|line| line.boilerplate);
    }
}

/// The families of words the extractor looks for, all found in one pass over a
/// document's words.
#[derive(Clone, Copy)]
enum Family {
    NumberWord,
    Multiple,
    WebAddress,
    /// Words that start with a digit.
    Digits,
    /// "a", "an", "one": with numbers, what "3 min read" and "an hour ago" open on.
    Article,
    DateWord,
}

/// The [`Family`] members, in the enum's order.
pub(crate) static FAMILIES: LazyLock<Families> = LazyLock::new(|| {
    Families::new(vec![
        &*numeral::WORD_RUN_OPENERS,
        &*MULTIPLE_OPENERS,
        &*WEB_OPENERS,
        &*DIGIT_OPENERS,
        &*ARTICLE_OPENERS,
        &*date::DATE_OPENERS,
    ])
});

static DIGIT_OPENERS: LazyLock<Openers> =
    LazyLock::new(|| Openers::prefixes(["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"]));

static ARTICLE_OPENERS: LazyLock<Openers> = LazyLock::new(|| Openers::words(["a", "an", "one"]));

/// Where [`METADATA`] may start: a number, "a", "an" or "one" that [`opens_metadata`].
fn metadata_starts<'t>(text: &'t str, index: &'t WordIndex) -> impl Iterator<Item = usize> + 't {
    let whole = Span::new(0, text.len());
    merge(
        index.starts(Family::Digits as usize, whole),
        index.starts(Family::Article as usize, whole),
    )
    .filter(|&start| opens_metadata(&text.as_bytes()[start..]))
}

/// The words of the index a date may open on: numbers and [`date::DATE_OPENERS`].
fn date_starts<'t>(text: &'t str, index: &'t WordIndex) -> impl Iterator<Item = usize> + 't {
    let whole = Span::new(0, text.len());
    merge(
        index.starts(Family::Digits as usize, whole),
        index.starts(Family::DateWord as usize, whole),
    )
}

/// The union of two ascending lists of offsets, ascending.
fn merge<'a>(a: &'a [usize], b: &'a [usize]) -> impl Iterator<Item = usize> + 'a {
    let (mut a, mut b) = (a.iter().copied().peekable(), b.iter().copied().peekable());
    std::iter::from_fn(move || match (a.peek(), b.peek()) {
        (Some(x), Some(y)) if x <= y => a.next(),
        (Some(_), Some(_)) | (None, Some(_)) => b.next(),
        (Some(_), None) => a.next(),
        (None, None) => None,
    })
}

/// The words a web address opens on.
static WEB_OPENERS: LazyLock<Openers> = LazyLock::new(|| Openers::prefixes(["http", "www"]));

/// Web addresses and e-mail addresses: their digits are not figures.
#[cfg(test)]
fn addresses(text: &str) -> impl Iterator<Item = Span> + '_ {
    let starts: Vec<usize> = WEB_OPENERS.starts_in(text).collect();
    addresses_among(text, &starts)
        .collect::<Vec<_>>()
        .into_iter()
}

/// [`addresses`], given the word starts [`WEB_OPENERS`] admits.
fn addresses_among<'t>(text: &'t str, web_starts: &'t [usize]) -> impl Iterator<Item = Span> + 't {
    let bytes = text.as_bytes();
    let web = web_starts.iter().copied().filter(|&start| {
        let head = &bytes[start..bytes.len().min(start + 4)];
        head.eq_ignore_ascii_case(b"http") || head.eq_ignore_ascii_case(b"www.")
    });
    let web = WEB_ADDRESS.find_iter(text, web);
    // An e-mail address starts where the run of address characters before its "@" does.
    let ats = text.match_indices('@').map(|(at, _)| at);
    let mail_starts = ats.filter_map(|at| {
        let local = bytes[..at]
            .iter()
            .rev()
            .take_while(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
            .count();
        (local > 0).then_some(at - local)
    });
    web.chain(MAIL_ADDRESS.find_iter(text, mail_starts))
}

/// "https://…", "www.…": up to the next space or angle bracket.
static WEB_ADDRESS: LazyLock<CandidatePattern> =
    LazyLock::new(|| CandidatePattern::new(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>]+"));

static MAIL_ADDRESS: LazyLock<CandidatePattern> =
    LazyLock::new(|| CandidatePattern::new(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"));

/// "3 min read", "an hour ago": page furniture, not figures about the story.
static METADATA: LazyLock<CandidatePattern> = LazyLock::new(|| {
    CandidatePattern::new(
        r"(?i)(?-u:\b)(?:[0-9]+|an?|one) (?:min(?:ute)?s? read|(?:second|minute|hour|day|week)s? ago)(?-u:\b)",
    )
});

/// Where [`METADATA`] may start: a number, "a", "an" or "one", before a word that starts
/// like one of its units.
fn opens_metadata(word: &[u8]) -> bool {
    let (head, len) = word_head(word);
    let number = head[0].is_ascii_digit() || matches!(&head[..len], b"a" | b"an" | b"one");
    let len = word
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
        .max(len);
    number
        && word.get(len) == Some(&b' ')
        && word.get(len + 1).is_some_and(|b| b"mshdwMSHDW".contains(b))
}

/// "doubled", "halves". Verb forms only: "the halving" is bitcoin's reward cut, not a
/// multiple.
static MULTIPLE_WORD: LazyLock<CandidatePattern> = LazyLock::new(|| {
    CandidatePattern::new(r"(?i)(?-u:\b)(?:doubl|tripl|quadrupl|halv)(?:ed|es)(?-u:\b)")
});

static MULTIPLE_OPENERS: LazyLock<Openers> =
    LazyLock::new(|| Openers::prefixes(["doubl", "tripl", "quadrupl", "halv"]));

/// Words before a numeral that bound or soften it. Matched at the end of the text before
/// the numeral (and its currency sign). "or equal" forms come first so that "greater
/// than or equal to" is an inclusive bound, not a strict one.
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?:(?-u:\b)(?:
            (?P<least>(?:greater|larger|bigger|higher|more)\ (?:than\ )?or\ equal\ (?:to|than)
                |at\ least(?:\ or\ equal\ to)?|no\ less\ than|no\ fewer\ than|not\ less\ than|a\ minimum\ of)
          | (?P<most>(?:less|smaller|lower|fewer)\ (?:than\ )?or\ equal\ (?:to|than)
                |up\ to|at\ most|no\ more\ than|not\ more\ than|as\ much\ as|as\ many\ as|as\ high\ as|a\ maximum\ of)
          | (?P<more>more\ than|greater\ than|larger\ than|bigger\ than|higher\ than|over|above
                |in\ excess\ of|upwards\ of|exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|north\ of)
          | (?P<less>less\ than|smaller\ than|lower\ than|under|below|fewer\ than|south\ of)
          | (?P<nearly>nearly|almost|just\ under|approaching)
          | (?P<about>about|roughly|around|some|approximately|approx\.?|circa|ca\.|an\ estimated|estimated|nearly\ about|close\ to)
          | (?P<between>between)
          | (?P<from>from)
          )[\ \x{00A0}]+
          | (?P<least_sign>>\ ?=|≥)[\ ]*
          | (?P<most_sign><\ ?=|≤)[\ ]*
          | (?:^|[^<=-])(?P<more_sign>>)[\ ]*
          | (?:^|[^=])(?P<less_sign><)[\ ]*
          | (?P<tilde>~)\ ?
          )$",
    )
    .expect("qualifier pattern")
});

/// Words after a numeral that make it a bound: "200 or more", "5,000 or less". Group
/// `than` catches "200 or more than 190", where the bound is the second number's.
static QUALIFIER_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ ]+(?:or|and)[ ]+(?:(?P<more>more|greater|higher|above|over)|(?P<less>less|fewer|lower|below|under))(?-u:\b)(?P<than>[ ]+than)?",
    )
    .expect("trailing qualifier pattern")
});

/// Whether `after` starts with " or " or " and ", the lead of [`QUALIFIER_AFTER`].
fn may_start_with_or_and(after: &str) -> bool {
    let rest = after.trim_start_matches(' ');
    rest.len() < after.len()
        && rest.get(..3).is_some_and(|word| {
            word.eq_ignore_ascii_case("or ") || word.eq_ignore_ascii_case("and")
        })
}

/// A sign written as a word: "minus five percent", "between negative ten and fifteen".
static SIGN_WORD_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)(?:minus|negative)[ ]$").expect("sign word pattern"));

/// Scale words after a numeral. Single letters are accepted only when attached and, for
/// m/b/t, only for money (see [`scale_after`]).
static SCALE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \x{00A0}\x{202F}\x{2009}-]?(?i:(?P<word>thousand|million|billion|trillion|mln|mn|bn|tn|bln|lakhs?|crores?))|(?P<letter>[kKmMbBT]))(?-u:\b)")
        .expect("scale pattern")
});

static PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \x{00A0}\x{202F}\x{2009}]?(?:(?P<bp>(?i:basis[ -]points?|bps|bp)(?-u:\b))|(?P<pp>(?i:percentage[ -]points?|percent(?:age)?[ -]pts?|ppts?|pp|pts?)(?-u:\b))|(?P<pct>%|(?i:percent(?:s|ages?)?|per[ ]cent|pct)(?-u:\b)|pc(?-u:\b)))",
    )
    .expect("percent pattern")
});

static MULTIPLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[x×](?-u:\b)|[ -](?i:times|fold)(?-u:\b)|-fold(?-u:\b))")
        .expect("multiple suffix pattern")
});

/// Nouns that make a bare number a count, with an optional adjective between.
static COUNT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^[\ \x{00A0}](?:(?:new|more|other|additional|full-time|part-time|existing|former|current|active|public|listed|major)[\ ])?
        (?P<noun>people|persons|employees|workers|staff(?:ers)?|jobs|positions|roles|layoffs|shares|stocks|customers|clients|users|subscribers|units|homes|households|miners|machines|rigs|servers|gpus|chips|companies|firms|stores|branches|sites|facilities|data[\ ]centers|data[\ ]centres|vehicles|cars|patients|deaths|cases|votes|seats|members|students|visitors|countries|states|cities|analysts|investors|transactions|blocks|wallets|accounts|contracts|leases|deals|projects|plants|factories|person|employee|worker|job|share|customer|user|unit|home|household|miner|machine|rig|company|firm|store|site|facility|data[\ ]center|vehicle|car|patient|death|case|vote|seat|member|student|visitor|country|state|city|analyst|investor)(?-u:\b)",
    )
    .expect("count noun pattern")
});

/// A numeral read with what is attached to it, before ranges are formed.
#[derive(Debug, Clone)]
struct Reading {
    span: Span,
    value: f64,
    resolution: f64,
    /// Multiplier from a scale word, and whether one was written.
    scale: Option<f64>,
    kind: FigureKind,
    unit: Option<Unit>,
    noun: Option<String>,
    qualifier: Qualifier,
    /// Start of the qualifier, for "between" whose span the range includes.
    qualifier_start: usize,
    /// A bare year ("in 2027"): a date, unless a range makes it something else.
    year: Option<i32>,
    /// A number in words with nothing to count ("one of the largest"): a figure only as
    /// one side of a range ("from one thousand to fifteen hundred").
    bare_words: bool,
    /// "2,000.45±0.01 pounds": the stated uncertainty, in the numeral's own scale.
    spread: Option<f64>,
}

impl Reading {
    fn amount(&self) -> Amount {
        let scale = self.scale.unwrap_or(1.0);
        Amount::point(self.value * scale, self.resolution * scale)
    }

    fn into_figure(self) -> Option<Figure> {
        if let Some(year) = self.year {
            let mut figure = plain(
                self.span,
                FigureKind::Date,
                Amount {
                    low: None,
                    high: None,
                    resolution: 1.0,
                },
            );
            figure.period = Some(DayInterval::year(year));
            return Some(figure);
        }
        let point = self.amount();
        let value = point.low?;
        if let Some(spread) = self.spread {
            let spread = spread * self.scale.unwrap_or(1.0);
            let mut figure = plain(
                self.span,
                self.kind,
                Amount {
                    low: Some(value - spread),
                    high: Some(value + spread),
                    resolution: point.resolution,
                },
            );
            figure.qualifier = Qualifier::Range;
            figure.unit = self.unit;
            figure.noun = self.noun;
            return Some(figure);
        }
        let amount = match self.qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => Amount {
                low: Some(value),
                high: None,
                ..point
            },
            Qualifier::LessThan | Qualifier::AtMost => Amount {
                low: None,
                high: Some(value),
                ..point
            },
            // "nearly 10%" is 9%–10%; "nearly -1" is -1 to -0.9: short of the value, in
            // magnitude, on the side of zero.
            Qualifier::Nearly => {
                let short = value * (1.0 - NEARLY_TOLERANCE);
                Amount {
                    low: Some(short.min(value)),
                    high: Some(short.max(value)),
                    ..point
                }
            }
            _ => point,
        };
        let qualifier = match self.qualifier {
            // "between" with no second value: the word was not a range after all.
            Qualifier::Range => Qualifier::Exact,
            other => other,
        };
        Some(Figure {
            span: self.span,
            kind: self.kind,
            amount,
            qualifier,
            unit: self.unit,
            noun: self.noun,
            period: None,
            change_end: None,
            boilerplate: false,
        })
    }
}

/// Reads the numeral at `numeral.span` with its sign, currency, scale, unit and
/// qualifier. `None` when it is not a figure (an identifier, an ordinal, a clock time, a
/// word numeral with nothing to count).
///
/// `floor`, for the second side of a pair, is where the connector ends: nothing before it
/// (the dash of "75-300 mm", say) belongs to this numeral.
fn read(text: &str, numeral: Numeral, floor: Option<usize>) -> Option<Reading> {
    let after_connector = floor.is_some();
    let floor = floor.unwrap_or(0);
    let mut span = numeral.span;
    let (mut value, mut resolution, numeral_len) = if numeral.words {
        (numeral.value, numeral.resolution, span.len())
    } else {
        let run = span.text(text);
        let comma_decimal_ok = run.contains(',') && {
            let after = &text[span.end..];
            SCALE_AFTER.is_match(after)
                || currency::currency_before(window_before(text, span.start, 8).1).is_some()
        };
        let reading = numeral::read_digits(run, comma_decimal_ok)?;
        (reading.value, reading.resolution, reading.len)
    };
    span.end = span.start + numeral_len;
    // ".75 cups": a decimal with no whole part, where the dot cannot end a sentence.
    if !numeral.words && value.fract() == 0.0 {
        let mut before = text[..span.start].chars().rev();
        if before.next() == Some('.') && !before.next().is_some_and(|c| c.is_alphanumeric()) {
            let digits = span.len() as i32;
            let run = span.text(text);
            if run.bytes().all(|b| b.is_ascii_digit()) {
                value /= 10f64.powi(digits);
                resolution = 10f64.powi(-digits);
                span.start -= 1;
            }
        }
    }

    // Left: a sign (also after the currency sign, "$-99.99"), then a currency.
    let (window_start, before) = window_before(text, span.start, 48);
    let (window_start, before) = if window_start < floor {
        (floor, &text[floor..span.start])
    } else {
        (window_start, before)
    };
    let mut left = span.start;
    let mut negative = false;
    let mut currency_start = before.len();
    for minus in ['-', '−'] {
        if let Some(rest) = before.strip_suffix(minus)
            && rest.ends_with(['$', '€', '£', '¥'])
        {
            negative = true;
            currency_start = rest.len();
        }
    }
    let mut currency = None;
    // Every currency prefix ends in a sign or a letter, then at most one space.
    let prefix_end = before[..currency_start]
        .trim_end_matches([' ', '\u{a0}'])
        .chars()
        .next_back();
    let may_have_currency = prefix_end.is_some_and(|c| !c.is_ascii_digit() && !c.is_whitespace())
        && before[..currency_start].len()
            - before[..currency_start]
                .trim_end_matches([' ', '\u{a0}'])
                .len()
            <= 2;
    if may_have_currency
        && let Some(found) = currency::currency_before(&before[..currency_start])
        // "the yuan 2024 outlook": after a currency's name, a year is still a year.
        && !(found.named && is_year(span.text(text)))
    {
        currency = Some(found.unit);
        left = window_start + found.start;
    }
    if !numeral.words && currency.is_none() && !after_connector && is_identifier_context(text, span)
    {
        return None;
    }
    let after = &text[span.end..];
    if !numeral.words
        && (ORDINAL_AFTER.is_match(after)
            || after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }
    // A fraction in digits: "1/4 mile", "10 1/2 miles" (the whole part read here too).
    let mut fraction = numeral.fraction;
    if !numeral.words
        && let Some((fraction_value, len)) = digit_fraction_after(after)
    {
        if after.starts_with('/') {
            value /= fraction_value.1;
            fraction = true;
        } else {
            value += fraction_value.0 / fraction_value.1;
        }
        resolution = 1.0 / fraction_value.1;
        span.end += len;
    } else if !numeral.words
        && after.starts_with('/')
        && after[1..].starts_with(|c: char| c.is_ascii_digit())
    {
        return None;
    }
    if !negative {
        let sign_at = text[floor..left].chars().next_back();
        if matches!(sign_at, Some('-' | '−')) {
            let sign_len = sign_at.map_or(0, char::len_utf8);
            let before_sign = text[..left - sign_len].chars().next_back();
            if !before_sign.is_some_and(|c| c.is_alphanumeric()) {
                negative = true;
                left -= sign_len;
            }
        } else if text[floor..left].ends_with(' ')
            && let Some(found) = SIGN_WORD_BEFORE.find(window_before(text, left, 12).1)
        {
            negative = true;
            left -= found.len();
        }
    }

    // "2,000.45 ± 0.01": an uncertainty right after the numeral.
    let mut spread = None;
    if text[span.end..]
        .trim_start_matches(' ')
        .starts_with(['±', '+'])
        && let Some(found) = PLUS_MINUS.captures(&text[span.end..])
        && let Some(reading) = found
            .name("spread")
            .and_then(|run| numeral::read_digits(run.as_str(), false))
    {
        spread = Some(reading.value);
        span.end += found.name("spread").map_or(0, |m| m.start()) + reading.len;
    }

    // Right: scale, then percent / currency / unit / multiple / count noun.
    let mut right = span.end;
    let mut scale = read_scale(&text[right..], currency.is_some()).map(|(factor, len)| {
        right += len;
        factor
    });

    let mut kind = FigureKind::Number;
    let mut unit = currency;
    let mut noun = None;
    let rest = &text[right..];
    if currency.is_some() {
        kind = FigureKind::Money;
    } else if let Some(found) = PERCENT_AFTER.captures(rest) {
        let (symbol, figure_kind) = if found.name("bp").is_some() {
            ("bp", FigureKind::PercentagePoints)
        } else if found.name("pp").is_some() {
            ("pp", FigureKind::PercentagePoints)
        } else {
            ("%", FigureKind::Percent)
        };
        kind = figure_kind;
        unit = Unit::from_symbol(symbol);
        right += found.get(0)?.end();
    } else if let Some(found) = currency::currency_after(rest) {
        if found.hundredths {
            value /= 100.0;
            resolution /= 100.0;
        }
        kind = if found.unit.dimension() == Dimension::Money {
            FigureKind::Money
        } else {
            FigureKind::Quantity
        };
        unit = Some(found.unit);
        right += found.len;
        scale = scale.or(found.scale);
        // "75 USD million": a scale written after the code.
        if scale.is_none()
            && let Some((factor, len)) = read_scale(&text[right..], false)
        {
            scale = Some(factor);
            right += len;
        }
    } else if let Some(found) = MULTIPLE_AFTER.find(rest) {
        kind = FigureKind::Multiple;
        unit = Unit::from_symbol("x");
        right += found.end();
    } else if scale.is_some() && POUNDS_AFTER.is_match(rest) {
        // "5 million pounds" is money; "5 pounds" alone is a weight.
        kind = FigureKind::Money;
        unit = Unit::from_symbol("GBP");
        right += POUNDS_AFTER.find(rest)?.end();
    } else if let Some((found, len)) = unit_after(rest).or_else(|| {
        // "half a liter", "a tenth of a gallon": a fraction of one unit.
        fraction
            .then(|| FRACTION_OF_A.find(rest))
            .flatten()
            .and_then(|lead| {
                unit_after(&rest[lead.end()..]).map(|(unit, len)| (unit, lead.end() + len))
            })
    }) {
        kind = match found.dimension() {
            Dimension::Time => FigureKind::Duration,
            Dimension::Money => FigureKind::Money,
            _ => FigureKind::Quantity,
        };
        unit = Some(found);
        right += len;
    } else if let Some(found) = COUNT_AFTER.captures(rest) {
        kind = FigureKind::Count;
        noun = found
            .name("noun")
            .map(|n| singular(&n.as_str().to_ascii_lowercase()));
        // The noun is context, not part of the figure's span.
    } else if fraction {
        kind = FigureKind::Fraction;
    }
    // "3 dollars 50 cents", "$20 and 43c".
    if kind == FigureKind::Money
        && value.fract() == 0.0
        && scale.is_none()
        && let Some((cents, len)) = currency::cents_after(&text[right..])
    {
        value += cents / 100.0;
        resolution = 0.01;
        right += len;
    }

    if negative {
        value = -value;
    }
    let (mut qualifier, qualifier_start) = qualifier_before(&text[..left]);
    if matches!(qualifier, Qualifier::Exact | Qualifier::Approximate)
        && may_start_with_or_and(&text[right..])
        && let Some(found) = QUALIFIER_AFTER.captures(&text[right..])
        && found
            .name("than")
            .is_none_or(|than| !starts_with_numeral(&text[right + than.end()..]))
    {
        qualifier = if found.name("more").is_some() {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        };
        right += found.get(0)?.end();
    }

    // What a bare numeral is depends on how it was written.
    let mut year = None;
    let mut bare_words = false;
    if kind == FigureKind::Number && scale.is_none() {
        if numeral.words {
            // "one of the largest", "two layers", "forty winks": words alone are not
            // figures, unless a bound makes a claim of them ("fewer than a thousand"), a
            // range follows, or they compose a number ("one hundred and seventy").
            bare_words = qualifier == Qualifier::Exact && value.abs() < 100.0 || value.abs() < 10.0;
        } else {
            if is_year(span.text(text)) {
                year = Some(value as i32);
            } else if follows_a_name(text, left) {
                // "Hut 8", "Windows 11", "Voyager 2".
                return None;
            }
        }
    }
    if fraction && kind == FigureKind::Fraction && !starts_with_of(&text[right..]) {
        // "half" only counts as a figure in "half of ..."; "a third straight loss" is an
        // ordinal.
        return None;
    }

    // Parenthesised money is a negative amount in financial writing: "($1.2 million)".
    if kind == FigureKind::Money
        && text[..left].ends_with('(')
        && text[right..].starts_with(')')
        && qualifier == Qualifier::Exact
    {
        value = -value.abs();
    }
    Some(Reading {
        span: Span::new(left, right),
        value,
        resolution,
        scale,
        kind,
        unit,
        noun,
        qualifier,
        qualifier_start,
        year,
        bare_words,
        spread,
    })
}

/// Reads a scale after a numeral ("million", "bn", "k"); single letters m, b and T are
/// scales only for money ("$5m"), since "5m" is otherwise five metres.
/// Whether `after` may open with what [`SCALE_AFTER`] reads: a scale letter that ends
/// a word, or a scale word after at most one separator. Most numerals are followed by
/// neither ("18% to", "$5 million" is the exception), and are spared the pattern.
fn may_start_with_scale(after: &str) -> bool {
    static SCALE_WORDS: LazyLock<Openers> = LazyLock::new(|| {
        Openers::words([
            "thousand", "million", "billion", "trillion", "mln", "mn", "bn", "tn", "bln", "lakh",
            "lakhs", "crore", "crores",
        ])
    });
    let bytes = after.as_bytes();
    if matches!(
        bytes.first(),
        Some(b'k' | b'K' | b'm' | b'M' | b'b' | b'B' | b'T')
    ) && !bytes
        .get(1)
        .is_some_and(|&b| crate::pattern::is_word_byte(b))
    {
        return true;
    }
    let word = after
        .strip_prefix([' ', '\u{00A0}', '\u{202F}', '\u{2009}', '-'])
        .unwrap_or(after);
    SCALE_WORDS.admit(word.as_bytes())
}

fn read_scale(after: &str, money: bool) -> Option<(f64, usize)> {
    if !may_start_with_scale(after) {
        return None;
    }
    let found = SCALE_AFTER.captures(after)?;
    let factor = match (found.name("word"), found.name("letter")) {
        (Some(word), _) => scale_factor(&word.as_str().to_ascii_lowercase()),
        (None, Some(letter)) => match letter.as_str() {
            "k" | "K" => 1e3,
            "m" | "M" if money => 1e6,
            "b" | "B" if money => 1e9,
            "T" if money => 1e12,
            _ => return None,
        },
        _ => return None,
    };
    Some((factor, found.get(0)?.end()))
}

/// A fraction in digits right after a numeral: "/4" of "1/4", or " 1/2" of "10 1/2".
/// Returns (numerator, denominator) and the bytes taken. Only small denominators count,
/// and only where a unit or "of" follows, so "24/7" and "9/11" stay identifiers.
fn digit_fraction_after(after: &str) -> Option<((f64, f64), usize)> {
    // Cheap test first: most numerals are not followed by "/" or " 1/2".
    if !(after.starts_with('/')
        || after.len() > 3 && after.as_bytes()[0] == b' ' && after.as_bytes()[1].is_ascii_digit())
    {
        return None;
    }
    let found = DIGIT_FRACTION.captures(after)?;
    let numerator: f64 = found
        .name("numerator")
        .map_or(Some(1.0), |n| n.as_str().parse().ok())?;
    let denominator: f64 = found.name("denominator")?.as_str().parse().ok()?;
    if !(2.0..=16.0).contains(&denominator) || numerator >= denominator {
        return None;
    }
    let len = found.get(0)?.end();
    let rest = &after[len..];
    let followed = unit_after(rest).is_some() || starts_with_of(rest);
    followed.then_some(((numerator, denominator), len))
}

/// Whether a numeral, in digits or words, starts the text after one space.
fn starts_with_numeral(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    rest.starts_with(|c: char| c.is_ascii_digit())
        || numeral::word_numerals(&rest[..floor_char_boundary(rest, 24)])
            .next()
            .is_some_and(|numeral| numeral.span.start == 0)
}

/// Whether the words after a figure start with "of": "a third of", "1/4 of".
fn starts_with_of(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.get(..2)
        .is_some_and(|word| word.eq_ignore_ascii_case("of"))
        && !rest[2..].starts_with(char::is_alphanumeric)
}

static DIGIT_FRACTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:/|[\x20\x{00A0}](?P<numerator>[0-9]{1,2})/)(?P<denominator>[0-9]{1,2})(?-u:\b)",
    )
    .expect("digit fraction pattern")
});

/// Between a fraction and the unit it divides: "half a", "a tenth of a", "fourth of".
static FRACTION_OF_A: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ ](?:of[ ])?(?:an?[ ])?").expect("fraction lead pattern"));

static PLUS_MINUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ ]?(?:±|\+/-|\+-)[ ]?(?P<spread>[0-9]+(?:\.[0-9]+)?)")
        .expect("plus-minus pattern")
});

static ORDINAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:st|nd|rd|th)(?-u:\b)").expect("ordinal pattern"));

static POUNDS_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \x{00A0}](?i:pounds?)(?-u:\b)").expect("pounds pattern"));

fn scale_factor(word: &str) -> f64 {
    match word {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        // Indian English: a lakh is 100,000 and a crore ten million.
        "lakh" | "lakhs" => 1e5,
        "crore" | "crores" => 1e7,
        _ => 1e12,
    }
}

fn singular(noun: &str) -> String {
    if let Some(stem) = noun.strip_suffix("ies") {
        format!("{stem}y")
    } else if noun.ends_with("ss") || noun == "staff" {
        noun.to_string()
    } else if let Some(stem) = noun.strip_suffix('s') {
        stem.to_string()
    } else {
        noun.to_string()
    }
}

fn qualifier_before(before: &str) -> (Qualifier, usize) {
    if !may_end_with_qualifier(before) {
        return (Qualifier::Exact, before.len());
    }
    let (window_start, window) = window_before(before, before.len(), 40);
    let Some(found) = QUALIFIER_BEFORE.captures(window) else {
        return (Qualifier::Exact, before.len());
    };
    let groups = &*QUALIFIER_GROUPS;
    let group = |index: usize| found.get(index).is_some();
    // A sign's group starts at the sign; the match may start a character earlier.
    let sign = [
        groups.least_sign,
        groups.most_sign,
        groups.more_sign,
        groups.less_sign,
    ]
    .iter()
    .find_map(|&index| found.get(index));
    let start = window_start + sign.or(found.get(0)).map_or(window.len(), |m| m.start());
    let qualifier = if group(groups.least) || group(groups.least_sign) {
        Qualifier::AtLeast
    } else if group(groups.most) || group(groups.most_sign) {
        Qualifier::AtMost
    } else if group(groups.more) || group(groups.more_sign) {
        Qualifier::MoreThan
    } else if group(groups.less) || group(groups.less_sign) {
        Qualifier::LessThan
    } else if group(groups.nearly) {
        Qualifier::Nearly
    } else if group(groups.between) {
        Qualifier::Range
    } else if group(groups.from) {
        return (Qualifier::Exact, start);
    } else {
        Qualifier::Approximate
    };
    (qualifier, start)
}

/// The groups of [`QUALIFIER_BEFORE`] by index: looking a group up by name hashes the
/// name, and a qualifier asked for up to a dozen.
struct QualifierGroups {
    least: usize,
    most: usize,
    more: usize,
    less: usize,
    nearly: usize,
    between: usize,
    from: usize,
    least_sign: usize,
    most_sign: usize,
    more_sign: usize,
    less_sign: usize,
}

static QUALIFIER_GROUPS: LazyLock<QualifierGroups> = LazyLock::new(|| {
    let index = |name| crate::pattern::group_index(&QUALIFIER_BEFORE, name);
    QualifierGroups {
        least: index("least"),
        most: index("most"),
        more: index("more"),
        less: index("less"),
        nearly: index("nearly"),
        between: index("between"),
        from: index("from"),
        least_sign: index("least_sign"),
        most_sign: index("most_sign"),
        more_sign: index("more_sign"),
        less_sign: index("less_sign"),
    }
});

/// The last words of every qualifier, lower-cased. Most numerals follow a word that ends
/// no qualifier ("fell 18%"), and this check spares them the qualifier regex.
const QUALIFIER_LAST_WORDS: &[&str] = &[
    "than",
    "to",
    "least",
    "of",
    "most",
    "as",
    "over",
    "above",
    "under",
    "below",
    "exceed",
    "exceeds",
    "exceeded",
    "exceeding",
    "surpass",
    "surpasses",
    "surpassed",
    "surpassing",
    "nearly",
    "almost",
    "approaching",
    "about",
    "roughly",
    "around",
    "some",
    "approximately",
    "approx",
    "circa",
    "ca",
    "estimated",
    "between",
    "from",
];

/// [`QUALIFIER_LAST_WORDS`] as a set: every numeral asks.
static QUALIFIER_LAST_WORD_SET: LazyLock<WordSet> =
    LazyLock::new(|| WordSet::new(QUALIFIER_LAST_WORDS));

fn may_end_with_qualifier(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.ends_with(['~', '<', '>', '=', '≥', '≤']) {
        return true;
    }
    if trimmed.len() == before.len() {
        // A qualifier word is always followed by a space.
        return false;
    }
    let word_start = trimmed
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic() && *c != '.')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = trimmed[word_start..].trim_end_matches('.');
    let mut buffer = [0u8; 16];
    let Some(word) = crate::pattern::lowercase_ascii(word, &mut buffer) else {
        return false;
    };
    if !QUALIFIER_LAST_WORD_SET.contains(word) {
        return false;
    }
    // "to", "of" and "as" end a qualifier only after certain words: "up to", "in excess
    // of", "as much as". They are common, so look one word further back.
    let needs = match word {
        "to" => &["up", "close", "equal", "than"][..],
        "of" => &["excess", "upwards", "north", "south", "minimum", "maximum"][..],
        "as" => &["much", "many", "high"][..],
        _ => return true,
    };
    let previous = trimmed[..word_start].trim_end_matches([' ', '\u{a0}']);
    let previous_start = previous
        .char_indices()
        .rev()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let previous = &previous[previous_start..];
    needs.iter().any(|word| word.eq_ignore_ascii_case(previous))
}

/// Whether the numeral at `span` is part of an identifier: glued to letters
/// ("A320", "COVID-19", "x86"), inside a path or tag ("24/7", "#1"), or one group of a
/// dotted address.
fn is_identifier_context(text: &str, span: Span) -> bool {
    let mut before = text[..span.start].chars().rev();
    let previous = before.next();
    let second = before.next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    match previous {
        Some(c) if c.is_alphabetic() || c == '_' => {
            // "US$5", "FY2025" are handled elsewhere; other letters glue.
            !matches!(c, '$')
        }
        // "COVID-19" is a code and so is "scp2-173", but "75-300" is a range.
        Some('-') => {
            let word: &str = text[..span.start - 1]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            glued(second)
                && (!second.is_some_and(|c| c.is_ascii_digit())
                    || word.contains(|c: char| c.is_alphabetic()))
        }
        Some('/' | '#' | '@' | '\\' | '=' | '&') => true,
        Some('.' | ':' | ',') => second.is_some_and(|c| c.is_ascii_digit()),
        _ => {
            let next = text[span.end..].chars().next();
            next.is_some_and(|c| {
                c.is_alphabetic()
                    && !text[span.end..].starts_with(|c: char| "kKmMbBTx×".contains(c))
            }) && !starts_with_unit_or_scale(&text[span.end..])
        }
    }
}

fn starts_with_unit_or_scale(after: &str) -> bool {
    SCALE_AFTER.is_match(after)
        || currency::currency_after(after).is_some()
        || PERCENT_AFTER.is_match(after)
        || unit_after(after).is_some()
        || ORDINAL_AFTER.is_match(after)
}

/// Four digits from 1800 to 2100: a year when nothing else claims them.
fn is_year(run: &str) -> bool {
    run.len() == 4
        && run.bytes().all(|b| b.is_ascii_digit())
        && run
            .parse::<u16>()
            .is_ok_and(|year| (1800..=2100).contains(&year))
}

/// Whether the word right before `start` is a capitalised name that is not the first
/// word of a sentence: "Hut 8", "Windows 11".
fn follows_a_name(text: &str, start: usize) -> bool {
    let before = text[..start].strip_suffix(' ').unwrap_or("");
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &before[word_start..];
    if !word.starts_with(|c: char| c.is_uppercase()) {
        return false;
    }
    let earlier = before[..word_start].trim_end_matches([' ', '"', '“', '‘', '(']);
    let sentence_start =
        earlier.is_empty() || earlier.ends_with(['.', '!', '?', '\n', ':', '|', '•', '–', '—']);
    if matches!(
        word,
        "Q" | "H" | "FY" | "No" | "Top" | "Rank" | "Level" | "Page"
    ) {
        return false;
    }
    // At the start of a sentence a capital says nothing, unless the word is not one
    // that opens sentences ("Windows 11 shipped" against "About 40 left").
    !sentence_start || !SENTENCE_OPENERS.contains(&word)
}

/// Capitalised words that open sentences before a number: "About 40 miners ...".
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "By",
    "About",
    "Some",
    "Only",
    "All",
    "Over",
    "Under",
    "Around",
    "Nearly",
    "Almost",
    "Roughly",
    "Just",
    "With",
    "Of",
    "For",
    "From",
    "To",
    "And",
    "But",
    "Since",
    "After",
    "Before",
    "During",
    "Its",
    "Their",
    "Our",
    "These",
    "Those",
    "This",
    "That",
    "Every",
    "Each",
    "More",
    "Less",
    "Fewer",
    "Up",
    "Down",
    "Approximately",
    "Exactly",
    "Another",
    "Between",
    "Above",
    "Below",
    "Than",
    "Against",
    "Until",
];

enum Pair {
    /// A range, or a ratio ("one in four").
    Range(Figure),
    Change(Figure, Figure),
    /// Two figures with one unit written once: "45 and 50 mg".
    Both(Figure, Figure),
}

/// What joins the two sides of a range. An approximation or an emphasis on the second
/// side ("between 2 g and about 7 g", "2 - ~7 grams", "from $67.2 million to a mere
/// $30.1 million") is part of the joint, not a new figure.
static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:-?[ ](?i:to|and|through|thru)[ ]|[ \x{00A0}]?[–—~-][ \x{00A0}]?)(?:(?i:about|around|roughly|approximately|a[ ]mere|a[ ]meagre|a[ ]meager|just|only|a[ ]record)[ ]|~[ ]?)?")
        .expect("connector pattern")
});

/// A verb or noun of change before "from": "fell from $67.2 million to $30.1 million" is
/// a change; "from 100 to 1,000 g of strawberries" is a range.
static CHANGE_BEFORE_FROM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:
            ris(?:e|es|en|ing)|rose|f[ae]ll(?:s|en|ing)?|grow(?:s|n|ing|th)?|grew|increas(?:e|es|ed|ing)
          | decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|drop(?:s|ped|ping)?|jump(?:s|ed|ing)?
          | climb(?:s|ed|ing)?|slid(?:e|es|ing)?|slump(?:s|ed|ing)?|plung(?:e|es|ed|ing)|soar(?:s|ed|ing)?
          | surg(?:e|es|ed|ing)|tumbl(?:e|es|ed|ing)|sank|sunk|sink(?:s|ing)?|cut(?:s|ting)?
          | reduc(?:e|es|ed|ing|tion)|rais(?:e|es|ed|ing)|lower(?:s|ed|ing)?|boost(?:s|ed|ing)?
          | shr[iau]nk(?:s|ing)?|narrow(?:s|ed|ing)?|widen(?:s|ed|ing)?|expand(?:s|ed|ing)?
          | swung|swing(?:s|ing)?|mov(?:e|es|ed|ing)|chang(?:e|es|ed|ing)|revis(?:e|es|ed|ing|ion)
          | adjust(?:s|ed|ing)?|upgrad(?:e|es|ed|ing)|downgrad(?:e|es|ed|ing)|hik(?:e|es|ed|ing)
          | slash(?:es|ed|ing)?|trimm?(?:s|ed|ing)?|lift(?:s|ed|ing)?|went|go(?:es|ne|ing)?|up|down
          | doubl(?:e|es|ed|ing)|halv(?:e|es|ed|ing)|gain(?:s|ed|ing)?|los(?:e|es|t|ing)|shift(?:s|ed|ing)?
          | plummet(?:s|ed|ing)?|skyrocket(?:s|ed|ing)?|tank(?:s|ed|ing)?|dip(?:s|ped|ping)?
          | rebound(?:s|ed|ing)?|recover(?:s|ed|ing)?|leap(?:s|ed|t|ing)?|spik(?:e|es|ed|ing)
        )(?-u:\b)[^.;:!?\n]{0,40}$",
    )
    .expect("change verb pattern")
});

/// Joins `first` with a numeral right after it into a range ("4–12%", "between 4% and
/// 12%", "4 to 12 percent") or a change ("from $67.2 million to $30.1 million").
fn pair_after(text: &str, first: &Reading) -> Option<Pair> {
    if let Some(ratio) = ratio_after(text, first) {
        return Some(Pair::Range(ratio));
    }
    let connector = CONNECTOR.find(&text[first.span.end..])?;
    let joint = connector.as_str().trim_start();
    let word = match joint.chars().next() {
        Some('-') if joint[1..].trim_start().starts_with(char::is_alphabetic) => joint[1..]
            .trim_start()
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase(),
        Some(dash @ ('–' | '—' | '-' | '~')) => dash.to_string(),
        _ => joint
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("")
            .to_ascii_lowercase(),
    };
    let spaced_dash = word.len() <= 3 && connector.as_str().starts_with([' ', '\u{a0}']);
    let is_between = first.qualifier == Qualifier::Range;
    let (_, just_before) = window_before(text, first.qualifier_start.min(first.span.start), 8);
    let is_from = just_before.to_ascii_lowercase().ends_with("from ")
        || text[first.qualifier_start..first.span.start]
            .get(..4)
            .is_some_and(|word| word.eq_ignore_ascii_case("from"));
    // "45 and 50 mg": outside "between", "and" joins two figures, not a range.
    let listed = word == "and" && !is_between;
    if listed
        && (first.kind != FigureKind::Number
            || first.unit.is_some()
            || first.scale.is_some()
            || first.year.is_some()
            // "1 point 1 and ...": the digits after a spoken point are not a figure.
            || just_before.to_ascii_lowercase().ends_with("point "))
    {
        return None;
    }
    match word.as_str() {
        "to" | "through" | "thru" | "–" | "—" | "-" | "~" | "and" => {}
        _ => return None,
    }
    let second_start = first.span.end + connector.end();
    let after = &text[second_start..];
    let mut currency_len = CURRENCY_LEAD.find(after).map_or(0, |m| m.end());
    // "from -18 °C to -34 °C": after a word, a minus belongs to the second numeral.
    if word.starts_with(char::is_alphabetic) {
        for minus in ['-', '−'] {
            if after[currency_len..].starts_with(minus) {
                currency_len += minus.len_utf8();
            }
        }
    }
    let digits = numeral::digit_run_at_start(&after[currency_len..]).filter(|run| {
        let digits = run.text(&after[currency_len..]);
        !(digits.starts_with('0') && digits.len() > 1 && !digits[1..].starts_with('.'))
    });
    let second_numeral = match digits {
        Some(found) => Numeral {
            span: Span::new(
                second_start + currency_len,
                second_start + currency_len + found.end,
            ),
            value: 0.0,
            resolution: 1.0,
            fraction: false,
            words: false,
        },
        None => {
            let words = numeral::word_numerals(&after[currency_len..])
                .next()
                .filter(|n| n.span.start == 0)?;
            Numeral {
                span: Span::new(
                    second_start + currency_len + words.span.start,
                    second_start + currency_len + words.span.end,
                ),
                ..words
            }
        }
    };
    let chained_before = text[..first.span.start]
        .strip_suffix(['-', '/'])
        .is_some_and(|rest| rest.ends_with(|c: char| c.is_ascii_digit()));
    if chained_before {
        return None;
    }
    let mut second = read_right_side(text, second_numeral, second_start)?;
    if text[second.span.end..].starts_with(['-', '/'])
        && text[second.span.end + 1..].starts_with(|c: char| c.is_ascii_digit())
    {
        // "+1-222-2222-2222", "2024-01-05": a chain of numbers is an identifier or a date.
        return None;
    }
    let glued_to_letter = text[..first.span.end].ends_with(char::is_alphabetic);
    if word == "-"
        && !spaced_dash
        && glued_to_letter
        && second.unit.is_none()
        && second.scale.is_none()
    {
        // "24703 L-202": a code, not a range of litres.
        return None;
    }
    let mut first = first.clone();
    if listed {
        // The first borrows the second's unit, and each stays a figure of its own.
        if matches!(second.kind, FigureKind::Number | FigureKind::Date) {
            return None;
        }
        first.kind = second.kind;
        first.unit = second.unit;
        first.noun.clone_from(&second.noun);
        first.scale = second.scale;
        first.bare_words = false;
        return Some(Pair::Both(first.into_figure()?, second.into_figure()?));
    }
    // Years joined by a dash ("2024-2025") are a span of years, not a range of numbers.
    if first.year.is_some() && second.year.is_some() {
        return None;
    }
    if spaced_dash && second.kind == FigureKind::Number && first.kind != FigureKind::Number {
        // "rose 5% - 3 analysts said": a dash between clauses, not a range.
        return None;
    }
    if matches!(word.as_str(), "-" | "–" | "—") && first.value > second.value {
        // "a 3-2 vote", "won 7–5": a descending pair joined by a dash is a score.
        return None;
    }
    share_units(&mut first, &mut second)?;
    if first.kind == FigureKind::Number
        && second.kind == FigureKind::Number
        && !matches!(word.as_str(), "to" | "through" | "thru")
        && !is_between
        && first.scale.is_none()
        && first.value.abs().max(second.value.abs()) < 100.0
    {
        // "3-2 vote", "a 7-5 win": a dash between two small bare numbers is a score.
        return None;
    }
    first.year = None;
    second.year = None;

    let from_start = first.qualifier_start.min(first.span.start);
    let is_change = is_from
        && matches!(word.as_str(), "to" | "–")
        && CHANGE_BEFORE_FROM.is_match(window_before(text, from_start, 64).1);
    if is_change {
        let mut from = first.into_figure()?;
        let mut to = second.into_figure()?;
        from.change_end = Some(ChangeEnd::From);
        to.change_end = Some(ChangeEnd::To);
        return Some(Pair::Change(from, to));
    }
    let low = first.amount();
    let high = second.amount();
    let (a, b) = (low.low?, high.low?);
    let span_start = if is_between || is_from {
        first.qualifier_start
    } else {
        first.span.start
    };
    let mut figure = second.into_figure()?;
    figure.span = Span::new(span_start, figure.span.end);
    figure.amount = Amount {
        low: Some(a.min(b)),
        high: Some(a.max(b)),
        resolution: low.resolution.min(high.resolution),
    };
    figure.qualifier = Qualifier::Range;
    Some(Pair::Range(figure))
}

static RATIO_JOINT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ ](?i:in|out[ ]of)[ ]").expect("ratio joint pattern"));

/// "one in four", "2 out of 5": a share of a whole, read as a fraction.
fn ratio_after(text: &str, first: &Reading) -> Option<Figure> {
    if first.kind != FigureKind::Number || first.scale.is_some() || first.year.is_some() {
        return None;
    }
    let joint = RATIO_JOINT.find(&text[first.span.end..])?;
    let start = first.span.end + joint.end();
    let after = &text[start..];
    let numeral = match numeral::digit_run_at_start(after) {
        Some(found) => Numeral {
            span: Span::new(start, start + found.end),
            value: 0.0,
            resolution: 1.0,
            fraction: false,
            words: false,
        },
        None => {
            let words = numeral::word_numerals(after)
                .next()
                .filter(|numeral| numeral.span.start == 0)?;
            Numeral {
                span: Span::new(start + words.span.start, start + words.span.end),
                ..words
            }
        }
    };
    let whole = read_right_side(text, numeral, start)?;
    let (part, of) = (first.value, whole.value);
    let bare = whole.kind == FigureKind::Number && whole.scale.is_none() && whole.year.is_none();
    if !bare || part < 1.0 || of <= part || part.fract() != 0.0 || of.fract() != 0.0 {
        return None;
    }
    let share = part / of;
    let mut end = whole.span.end;
    let mut qualifier = first.qualifier;
    // "2 in 5 or more".
    if qualifier == Qualifier::Exact
        && may_start_with_or_and(&text[end..])
        && let Some(found) = QUALIFIER_AFTER.captures(&text[end..])
        && found.name("than").is_none()
    {
        qualifier = if found.name("more").is_some() {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        };
        end += found.get(0)?.end();
    }
    let amount = match qualifier {
        Qualifier::MoreThan | Qualifier::AtLeast => Amount {
            low: Some(share),
            high: None,
            resolution: 0.0,
        },
        Qualifier::LessThan | Qualifier::AtMost => Amount {
            low: None,
            high: Some(share),
            resolution: 0.0,
        },
        _ => Amount::point(share, 0.0),
    };
    let mut figure = plain(
        Span::new(first.span.start, end),
        FigureKind::Fraction,
        amount,
    );
    figure.qualifier = qualifier;
    Some(figure)
}

static CURRENCY_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:US ?\$|C\$|A\$|HK\$|\$|€|£|¥)[ \x{00A0}]?").expect("currency lead pattern")
});

/// Reads the second numeral of a pair; its left context is the connector, so only its
/// own currency sign counts.
fn read_right_side(text: &str, numeral: Numeral, floor: usize) -> Option<Reading> {
    let mut reading = read(text, numeral, Some(floor))?;
    reading.qualifier = Qualifier::Exact;
    reading.bare_words = false;
    Some(reading)
}

/// Gives each side of a pair what only the other states: "4–12%" makes 4 a percent,
/// "$1-2 billion" makes 1 a billion dollars. Fails when the two units disagree.
fn share_units(first: &mut Reading, second: &mut Reading) -> Option<()> {
    match (first.unit, second.unit) {
        (None, Some(unit)) if first.kind == FigureKind::Number => {
            first.unit = Some(unit);
            first.kind = second.kind;
        }
        (Some(unit), None) if second.kind == FigureKind::Number => {
            second.unit = Some(unit);
            second.kind = first.kind;
        }
        (Some(a), Some(b)) if !a.commensurable(b) => return None,
        _ => {}
    }
    if first.kind == FigureKind::Count && second.kind == FigureKind::Number {
        second.kind = FigureKind::Count;
    }
    if second.kind == FigureKind::Count && first.kind == FigureKind::Number {
        first.kind = FigureKind::Count;
        first.noun.clone_from(&second.noun);
    }
    if first.kind != second.kind {
        return None;
    }
    match (first.scale, second.scale) {
        (None, Some(scale)) => first.scale = Some(scale),
        (Some(scale), None) => second.scale = Some(scale),
        _ => {}
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each whole-text family of the extractor is tried only where its filter says a
    /// match may start; the filters may only reject what the patterns would.
    /// The cheap test before the scale pattern lets through everything the pattern
    /// reads.
    #[test]
    fn the_scale_test_admits_every_scale() {
        let mut texts = crate::pattern::random_texts(
            &[
                " ", "-", "\u{a0}", "\u{2009}", "million", "BN", "k", "M", "T", "t", "Lakhs",
                "crore", "x", "5", ".", "mln", "Tn",
            ],
            20_000,
            3,
        );
        texts.push(" thousand".to_string());
        for text in &texts {
            if SCALE_AFTER.is_match(text) {
                assert!(may_start_with_scale(text), "{text:?}");
            }
        }
    }

    #[test]
    fn whole_text_families_are_found_as_a_whole_text_search_finds_them() {
        let text = "Mail john.doe+news@example.co.uk or a@b.c, see https://example.com/a?q=5 \
            and WWW.site.org/4-12, x.www.y, http:/no. By Jane Doe · 3 min read · 2 hours ago · \
            An hour ago · one day ago · 5 Minutes Read · a week agot. Shares doubled, then \
            halved; the halving; revenue Tripled and quadruples; doubles-3x, redoubled.";
        // Dates from the index's candidates are those from every word start.
        let dated = "Q1 2026, q3, H2 2025, FY25, March 26, 2025; 26 March, the first \
            quarter, previously, the year before, a year ago, early 2027, mid-2025, 2026-05-07.";
        for text in [dated, text]
            .into_iter()
            .chain(crate::demo::ARTICLES.iter().map(|(_, t)| *t))
        {
            let index = WordIndex::of(text, &FAMILIES);
            assert_eq!(
                date::find_dates_at(text, date_starts(text, &index), None),
                date::find_dates(text, None),
                "in {text:?}"
            );
        }
        // The candidates as extract takes them, from the document's word index.
        crate::pattern::assert_same_as_whole_text_search(
            &METADATA,
            |text| metadata_starts(text, &WordIndex::of(text, &FAMILIES)).collect(),
            &[
                text,
                "A4 5 min read, 1,2 hours ago, x3 days ago, 12 weeks ago",
            ],
        );
        crate::pattern::assert_same_as_whole_text_search(
            &MULTIPLE_WORD,
            |text| {
                let index = WordIndex::of(text, &FAMILIES);
                let whole = Span::new(0, text.len());
                index.starts(Family::Multiple as usize, whole).to_vec()
            },
            &[text],
        );
        let addresses: Vec<&str> = addresses(text).map(|span| span.text(text)).collect();
        assert_eq!(
            addresses,
            [
                "https://example.com/a?q=5",
                "WWW.site.org/4-12,",
                "www.y,",
                "john.doe+news@example.co.uk"
            ]
        );
    }

    /// (text, kind, low, high, unit) of a figure.
    type Seen = (
        String,
        FigureKind,
        Option<f64>,
        Option<f64>,
        Option<&'static str>,
    );

    fn read_all(text: &str) -> Vec<Seen> {
        extract(text)
            .into_iter()
            .map(|f| {
                (
                    f.span.text(text).to_string(),
                    f.kind,
                    f.amount.low,
                    f.amount.high,
                    f.unit.map(Unit::symbol),
                )
            })
            .collect()
    }

    fn only(text: &str) -> Seen {
        let all = read_all(text);
        assert_eq!(all.len(), 1, "{text:?} gave {all:?}");
        all.into_iter().next().unwrap()
    }

    #[test]
    fn percent_forms() {
        for text in [
            "fell 18%",
            "fell 18 percent",
            "fell 18 per cent",
            "fell 18pc",
            "fell eighteen percent",
        ] {
            let (_, kind, low, high, unit) = only(text);
            assert_eq!(
                (kind, low, high, unit),
                (FigureKind::Percent, Some(18.0), Some(18.0), Some("%")),
                "{text}"
            );
        }
    }

    #[test]
    fn percentage_points_stay_apart_from_percent() {
        assert_eq!(only("up 1.5 percentage points").4, Some("pp"));
        assert_eq!(only("cut by 150 basis points").4, Some("bp"));
        assert_eq!(only("a 25bps hike").1, FigureKind::PercentagePoints);
    }

    #[test]
    fn ranges() {
        for (text, quote) in [
            ("dropped between 4% and 12% on", "between 4% and 12%"),
            ("dropped 4–12% on", "4–12%"),
            ("dropped 4—12% on", "4—12%"),
            ("dropped 4-12% on", "4-12%"),
            ("dropped 4% to 12% on", "4% to 12%"),
            ("dropped 4 to 12 percent on", "4 to 12 percent"),
        ] {
            let (found, kind, low, high, unit) = only(text);
            assert_eq!(found, quote);
            assert_eq!(
                (kind, low, high, unit),
                (FigureKind::Percent, Some(4.0), Some(12.0), Some("%")),
                "{text}"
            );
        }
    }

    #[test]
    fn money_with_scales() {
        assert_eq!(only("a $1.2bn deal").2, Some(1.2e9));
        assert_eq!(only("revenue of $115.2 million").2, Some(115_200_000.0));
        assert_eq!(only("a €3,5 million grant").4, Some("EUR"));
        assert_eq!(only("a €3,5 million grant").2, Some(3_500_000.0));
        assert_eq!(only("worth US$2,000").4, Some("USD"));
        assert_eq!(only("5 million pounds").4, Some("GBP"));
        assert_eq!(only("raised 40 euros").4, Some("EUR"));
        assert_eq!(only("costs 50 cents").2, Some(0.5));
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(only("a loss of -$5 million").2, Some(-5e6));
        assert_eq!(only("margin of −3%").2, Some(-3.0));
        assert_eq!(only("net income ($1.2 million)").2, Some(-1.2e6));
    }

    #[test]
    fn bounds_and_approximations() {
        let figure = &extract("more than 10% of miners")[0];
        assert_eq!(
            (figure.qualifier, figure.amount.low, figure.amount.high),
            (Qualifier::MoreThan, Some(10.0), None)
        );
        let figure = &extract("up to 500 MW")[0];
        assert_eq!(
            (figure.qualifier, figure.amount.low, figure.amount.high),
            (Qualifier::AtMost, None, Some(500e0))
        );
        let figure = &extract("about 2 gigawatts")[0];
        assert_eq!(figure.qualifier, Qualifier::Approximate);
        assert_eq!(figure.span.text("about 2 gigawatts"), "2 gigawatts");
        let figure = &extract("nearly 10%")[0];
        assert_eq!(
            (figure.qualifier, figure.amount.high),
            (Qualifier::Nearly, Some(10.0))
        );
    }

    #[test]
    fn a_change_is_two_ends_not_a_range() {
        let text = "fell from $67.2 million to $30.1 million";
        let figures = extract(text);
        assert_eq!(figures.len(), 2);
        assert_eq!(figures[0].change_end, Some(ChangeEnd::From));
        assert_eq!(figures[1].change_end, Some(ChangeEnd::To));
        assert_eq!(figures[1].amount.low, Some(30_100_000.0));
    }

    #[test]
    fn quantities_normalise_to_base_units() {
        let a = &extract("1,200 MW")[0];
        let b = &extract("1.2 GW")[0];
        assert_eq!(a.base_amount().low, b.base_amount().low);
        assert_eq!(only("200 megawatts").4, Some("MW"));
        assert_eq!(only("a 200-megawatt site").4, Some("MW"));
        assert_eq!(only("15 EH/s of hashrate").4, Some("EH/s"));
        assert_eq!(only("sold 1,000 BTC").4, Some("BTC"));
    }

    #[test]
    fn counts_multiples_and_fractions() {
        assert_eq!(only("cut 1,200 employees").1, FigureKind::Count);
        assert_eq!(only("five other miners").1, FigureKind::Count);
        assert_eq!(only("revenue tripled").2, Some(3.0));
        assert_eq!(only("a 3x increase").1, FigureKind::Multiple);
        assert_eq!(only("three times more").1, FigureKind::Multiple);
        assert_eq!(only("two-thirds of the fleet").1, FigureKind::Fraction);
    }

    #[test]
    fn identifiers_ordinals_and_times_are_not_figures() {
        for text in [
            "Windows 11 shipped",
            "after COVID-19 hit",
            "shares of Hut 8 rose",
            "see https://example.com/a%20b/2024",
            "the 3rd time",
            "at 8:48 local time",
            "version 1.2.3",
            "one of the largest",
        ] {
            assert!(read_all(text).is_empty(), "{text}: {:?}", read_all(text));
        }
    }

    #[test]
    fn years_are_dates() {
        let (_, kind, ..) = only("plants built in 2027");
        assert_eq!(kind, FigureKind::Date);
    }

    #[test]
    fn metadata_and_boilerplate() {
        let text = "1 hour ago\nMiners fall\n1 min read\nShares fell 5%.\nRelated: Acme rose 12% after a deal.";
        let figures = extract(text);
        let summary: Vec<(&str, FigureKind, bool)> = figures
            .iter()
            .map(|f| (f.span.text(text), f.kind, f.boilerplate))
            .collect();
        assert_eq!(
            summary,
            vec![
                ("1 hour ago", FigureKind::Metadata, true),
                ("1 min read", FigureKind::Metadata, true),
                ("5%", FigureKind::Percent, false),
                ("12%", FigureKind::Percent, true),
            ]
        );
    }

    /// (low, high) of the only figure in `text`.
    fn bounds(text: &str) -> (Option<f64>, Option<f64>) {
        let (_, _, low, high, _) = only(text);
        (low, high)
    }

    #[test]
    fn spoken_decimals_read_as_decimals() {
        assert_eq!(
            bounds("lower than three point five miles"),
            (None, Some(3.5))
        );
        let figure = &extract("grew two point five percent")[0];
        assert_eq!(
            (figure.amount.low, figure.amount.resolution),
            (Some(2.5), 0.1)
        );
        assert!(read_all("at one point in the day").is_empty());
    }

    /// Regression, found by the property tests: "nearly -1" gave a low above its high.
    #[test]
    fn nearly_a_negative_value_stays_in_order() {
        assert_eq!(
            bounds("a change of nearly -1 point"),
            (Some(-1.0), Some(-0.9))
        );
    }

    #[test]
    fn comparatives_and_signs_bound_a_figure() {
        assert_eq!(bounds("greater than 4,565 units"), (Some(4565.0), None));
        assert_eq!(bounds("less than or equal to 30%"), (None, Some(30.0)));
        assert_eq!(bounds("costs exceeded $3 million"), (Some(3e6), None));
        assert_eq!(bounds("when x >= 30 %"), (Some(30.0), None));
        assert_eq!(bounds("rates <5%"), (None, Some(5.0)));
        assert_eq!(bounds("200 or more employees"), (Some(200.0), None));
        assert_eq!(bounds("fewer than a thousand pandas"), (None, Some(1000.0)));
        // "<>" is "not equal", and "=>" is an arrow: neither bounds anything.
        assert_eq!(bounds("x <>30%"), (Some(30.0), Some(30.0)));
    }

    #[test]
    fn opposite_bounds_join_into_a_range() {
        assert_eq!(
            bounds("a number above 1000 and below 1500"),
            (Some(1000.0), Some(1500.0))
        );
        assert_eq!(
            bounds("at most 100 and at least 20 apples"),
            (Some(20.0), Some(100.0))
        );
        // Bounds that leave nothing between them stay apart.
        assert_eq!(read_all("more than 40 and less than 10").len(), 2);
    }

    #[test]
    fn from_to_is_a_range_unless_a_verb_of_change_comes_first() {
        assert_eq!(
            bounds("from 100 to 1,000 g of strawberries"),
            (Some(100.0), Some(1000.0))
        );
        assert_eq!(
            bounds("temperatures ranged from -18 °C to -34 °C"),
            (Some(-34.0), Some(-18.0))
        );
        let changed = extract("output was cut from 44 MW to 30 MW");
        assert_eq!(changed.len(), 2);
        assert_eq!(changed[0].change_end, Some(ChangeEnd::From));
    }

    #[test]
    fn bare_ranges_and_scores() {
        assert_eq!(
            bounds("the range is 1000-5000"),
            (Some(1000.0), Some(5000.0))
        );
        assert_eq!(
            bounds("from one thousand to fifteen hundred"),
            (Some(1000.0), Some(1500.0))
        );
        assert_eq!(
            bounds("between negative ten and fifteen"),
            (Some(-10.0), Some(15.0))
        );
        assert_eq!(bounds("about 3km-5km"), (Some(3.0), Some(5.0)));
        assert_eq!(bounds("2 - ~7 grams"), (Some(2.0), Some(7.0)));
        assert_eq!(read_all("a 3-2 vote").len(), 2);
        assert!(
            read_all("call +1-222-2222-2222 now")
                .iter()
                .all(|f| f.2 == f.3)
        );
        assert!(read_all("part 24703 L-202").iter().all(|f| f.4.is_none()));
    }

    #[test]
    fn ratios_fractions_and_uncertainty() {
        let (_, kind, low, ..) = only("one in four adults");
        assert_eq!((kind, low), (FigureKind::Fraction, Some(0.25)));
        assert_eq!(only("2 out of 5 voters").2, Some(0.4));
        assert_eq!(only("a 1/4 mile oval").2, Some(0.25));
        assert_eq!(only("over 10 1/2 miles of cable").2, Some(10.5));
        assert_eq!(only("1/4 of the fleet").1, FigureKind::Fraction);
        assert_eq!(
            bounds("it weighs 2,000.45±0.01 pounds"),
            (Some(2000.44), Some(2000.46))
        );
        assert!(read_all("open 24/7").is_empty());
    }

    #[test]
    fn signs_groups_and_decimals() {
        assert_eq!(only("just need minus five percent").2, Some(-5.0));
        assert_eq!(only("valued 10 000 dollars").2, Some(10_000.0));
        assert_eq!(only("add .75 cups").2, Some(0.75));
        assert_eq!(only("a loss of $-99.99").2, Some(-99.99));
        assert_eq!(only("30 percentage").1, FigureKind::Percent);
    }

    #[test]
    fn more_money_forms() {
        assert_eq!(only("5 lakh rupees").2, Some(500_000.0));
        assert_eq!(only("4 crore rupees").2, Some(40_000_000.0));
        assert_eq!(only("losses of 30 MUSD").2, Some(30e6));
        assert_eq!(only("paid 75 USD million").2, Some(75e6));
        assert_eq!(only("it cost 3 dollars 50 cents").2, Some(3.5));
        assert_eq!(only("a $20 and 43c fee").2, Some(20.43));
        assert_eq!(only("100 ₾ for a bicycle").4, Some("GEL"));
        assert_eq!(only("worth 115USD").4, Some("USD"));
        assert_eq!(only("mxn$ 15").4, Some("MXN"));
    }

    #[test]
    fn measures_in_several_units_join() {
        let (_, _, low, _, unit) = only("he is 5 feet 2 inches");
        assert_eq!(unit, Some("ft"));
        assert!((low.unwrap() - (5.0 + 2.0 / 12.0)).abs() < 1e-9);
        assert_eq!(only("2 km and 1 metre").2, Some(2.001));
        assert_eq!(only("the weight is 20 (kg)").4, Some("kg"));
        assert_eq!(only("a pen 10 \" long").4, Some("in"));
        assert_eq!(only("it is 2 in thick").4, Some("in"));
        assert!(read_all("5 in 10 cases").iter().all(|f| f.4.is_none()));
    }

    #[test]
    fn unicode_around_and_inside_numbers() {
        let text = "“收入 rose 18 %” — 1\u{202f}234 MW — נפל 4–12%";
        let figures = read_all(text);
        assert_eq!(figures.len(), 3, "{figures:?}");
        assert_eq!(figures[1].2, Some(1234.0));
    }

    #[test]
    fn a_unit_written_once_serves_two_figures_joined_by_and() {
        let figures = read_all("doses of 45 and 50 mg");
        assert_eq!(figures.len(), 2, "{figures:?}");
        assert_eq!(figures[0].4, Some("mg"));
        assert_eq!(figures[1].4, Some("mg"));
        let figures = read_all("rates of 10 and 20 percent");
        assert_eq!(figures[0].1, FigureKind::Percent);
        // A year is not a figure that borrows a unit, nor a range's low end.
        assert_eq!(read_all("in 2024 and 50 MW")[0].1, FigureKind::Date);
        assert_eq!(bounds("Between 2 and 5 MW"), (Some(2.0), Some(5.0)));
    }

    #[test]
    fn currency_names_before_the_number() {
        assert_eq!(only("ringgit 42").4, Some("MYR"));
        assert_eq!(only("malaysian ringgits 42").4, Some("MYR"));
        assert_eq!(only("paid 42 l.e.").4, Some("EGP"));
        // "won" is a verb and "yuan 2024" a year.
        assert!(read_all("won 42 games").iter().all(|f| f.4.is_none()));
        assert_eq!(only("the yuan 2024 outlook").1, FigureKind::Date);
    }

    #[test]
    fn equalities_signs_and_close_to() {
        assert_eq!(bounds("which are < = 100"), (None, Some(100.0)));
        assert_eq!(bounds("x >= 30"), (Some(30.0), None));
        // "close to" may fall either side, so it reads as an approximation.
        let figure = &extract("close to 45 degrees Celsius")[0];
        assert_eq!(figure.qualifier, Qualifier::Approximate);
        assert_eq!(
            bounds("is equal to one hundred and seventy"),
            (Some(170.0), Some(170.0))
        );
        assert!(read_all("one of the largest, forty winks").is_empty());
    }

    #[test]
    fn codes_ages_and_quarters() {
        // Regression (peer suites): "scp2-173m" gave 173 metres.
        assert!(read_all("see scp2-173m").is_empty());
        assert_eq!(bounds("lenses of 75-300mm"), (Some(75.0), Some(300.0)));
        assert_eq!(only("an 87 yo patient").1, FigureKind::Duration);
        assert_eq!(only("Q1-2026 revenue").1, FigureKind::Date);
    }
}
