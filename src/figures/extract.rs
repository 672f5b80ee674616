//! The extractor: from a document's text to its figures.
//!
//! See the module documentation of [`crate::figures`] for the order of work. Every
//! regex here is compiled once; the hot loops run a regex over the whole text once per
//! family (dates, digit numerals, word numerals) and then look only at a few dozen bytes
//! around each match.

use std::sync::LazyLock;

use regex::Regex;

use super::date::{self, DayInterval};
use super::numeral::{self, DIGITS, Numeral};
use super::unit::{Dimension, Unit, unit_after};
use super::{Amount, ChangeEnd, Figure, FigureKind, NEARLY_TOLERANCE, Qualifier};
use crate::span::Span;
use crate::text;

/// Extracts every figure in `text`, in order of position.
pub fn extract(text: &str) -> Vec<Figure> {
    let mut figures = Vec::new();
    // Spans already claimed: a numeral inside a date, a URL or an earlier figure is not
    // read again.
    let mut taken = Taken::default();
    taken.add_all(URL.find_iter(text).map(|m| Span::new(m.start(), m.end())));

    let mut metadata = Vec::new();
    for found in METADATA.find_iter(text) {
        let span = Span::new(found.start(), found.end());
        figures.push(plain(
            span,
            FigureKind::Metadata,
            Amount::point(leading_value(found.as_str()), 1.0),
        ));
        metadata.push(span);
    }
    taken.add_all(metadata);

    let reference = date::dateline(text);
    let mut dates = Vec::new();
    for found in date::find_dates(text, reference) {
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
    for found in MULTIPLE_WORD.find_iter(text) {
        let span = Span::new(found.start(), found.end());
        let factor = match found.as_str().to_ascii_lowercase().get(..3) {
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
    let mut numerals: Vec<Numeral> = DIGITS
        .find_iter(text)
        .map(|found| {
            let span = Span::new(found.start(), found.end());
            Numeral {
                span,
                value: 0.0,
                resolution: 1.0,
                fraction: false,
                words: false,
            }
        })
        .chain(numeral::word_numerals(text))
        .collect();
    numerals.sort_by_key(|numeral| numeral.span.start);

    let mut cursor = 0;
    for numeral in numerals {
        if numeral.span.start < cursor || taken.overlaps(numeral.span) {
            continue;
        }
        let Some(first) = read(text, numeral) else {
            continue;
        };
        cursor = first.span.end;
        match pair_after(text, &first) {
            Some(Pair::Range(range)) => {
                cursor = range.span.end;
                figures.push(range);
            }
            Some(Pair::Change(from, to)) => {
                cursor = to.span.end;
                figures.push(from);
                figures.push(to);
            }
            None => {
                if let Some(figure) = first.into_figure() {
                    figures.push(figure);
                }
            }
        }
    }

    figures.sort_by_key(|figure| (figure.span.start, figure.span.end));
    mark_boilerplate(text, &mut figures);
    figures
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
/// look-up is a binary search: extraction stays linear in the length of the text.
#[derive(Default)]
struct Taken(Vec<Span>);

impl Taken {
    fn add_all(&mut self, spans: impl IntoIterator<Item = Span>) {
        self.0.extend(spans);
        self.0.sort_unstable();
        let mut merged: Vec<Span> = Vec::with_capacity(self.0.len());
        for span in self.0.drain(..) {
            match merged.last_mut() {
                Some(last) if last.end >= span.start => last.end = last.end.max(span.end),
                _ => merged.push(span),
            }
        }
        self.0 = merged;
    }

    fn overlaps(&self, span: Span) -> bool {
        let index = self.0.partition_point(|taken| taken.start < span.end);
        index > 0 && self.0[index - 1].end > span.start
    }
}

fn leading_value(text: &str) -> f64 {
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().unwrap_or(1.0)
}

fn mark_boilerplate(text: &str, figures: &mut [Figure]) {
    let lines = text::lines(text);
    for figure in figures {
        let index = lines.partition_point(|line| line.span.end < figure.span.start);
        figure.boilerplate = lines.get(index).is_some_and(|line| line.boilerplate);
    }
}

static URL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>]+|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}",
    )
    .expect("url pattern")
});

static METADATA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:[0-9]+|an?|one) (?:min(?:ute)?s? read|(?:second|minute|hour|day|week)s? ago)(?-u:\b)")
        .expect("metadata pattern")
});

static MULTIPLE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    // Verb forms only: "the halving" is bitcoin's reward cut, not a multiple.
    Regex::new(r"(?i)(?-u:\b)(?:doubl|tripl|quadrupl|halv)(?:ed|es)(?-u:\b)")
        .expect("multiple pattern")
});

/// Currency before a numeral: "$", "US$", "€", "USD ", ... Group 1 is the sign or code.
static CURRENCY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(US ?\$|U\.S\. ?\$|C\$|CA\$|A\$|AU\$|HK\$|S\$|NZ\$|R\$|\$|€|£|¥|₹|₩|(?-u:\b)(?:USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|HKD|INR|Rs\.?))[ \x{00A0}]?$")
        .expect("currency prefix pattern")
});

/// Words before a numeral that bound or soften it. Matched at the end of the text before
/// the numeral (and its currency sign).
static QUALIFIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)(?-u:\b)(?:
            (?P<more>more\ than|over|above|in\ excess\ of|upwards\ of|exceeding|north\ of)
          | (?P<least>at\ least|no\ less\ than|no\ fewer\ than|a\ minimum\ of|or\ more)
          | (?P<less>less\ than|under|below|fewer\ than|south\ of)
          | (?P<most>up\ to|at\ most|no\ more\ than|as\ much\ as|as\ many\ as|as\ high\ as|a\ maximum\ of)
          | (?P<nearly>nearly|almost|just\ under|close\ to|approaching)
          | (?P<about>about|roughly|around|some|approximately|approx\.?|circa|ca\.|an\ estimated|estimated|nearly\ about)
          | (?P<between>between)
          | (?P<from>from)
          )[\ \x{00A0}]+$
          | (?P<tilde>~)\ ?$",
    )
    .expect("qualifier pattern")
});

/// Scale words after a numeral. Single letters are accepted only when attached and, for
/// m/b/t, only for money (see [`scale_after`]).
static SCALE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \x{00A0}\x{202F}\x{2009}-]?(?i:(?P<word>thousand|million|billion|trillion|mln|mn|bn|tn|bln))|(?P<letter>[kKmMbBT]))(?-u:\b)")
        .expect("scale pattern")
});

static PERCENT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \x{00A0}\x{202F}\x{2009}]?(?:(?P<bp>(?i:basis[ -]points?|bps|bp)(?-u:\b))|(?P<pp>(?i:percentage[ -]points?|percent(?:age)?[ -]pts?|ppts?|pp|pts?)(?-u:\b))|(?P<pct>%|(?i:percent|per[ ]cent|pct)(?-u:\b)|pc(?-u:\b)))",
    )
    .expect("percent pattern")
});

static CURRENCY_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[ \x{00A0}](?:(?P<code>USD|EUR|GBP|JPY|CNY|CHF|CAD|AUD|HKD|INR)|(?i:(?P<word>(?:us |u\.s\. |american |canadian |australian |hong kong )?dollars?|euros?|pounds sterling|sterling|yen|yuan|renminbi|rupees?|swiss francs?|cents?)))(?-u:\b)",
    )
    .expect("currency suffix pattern")
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
            Qualifier::Nearly => Amount {
                low: Some(value * (1.0 - NEARLY_TOLERANCE)),
                high: Some(value),
                ..point
            },
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

/// The text before `end`, at most `max` bytes, cut on a character boundary.
fn window_before(text: &str, end: usize, max: usize) -> (usize, &str) {
    let mut start = end.saturating_sub(max);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    (start, &text[start..end])
}

/// Reads the numeral at `numeral.span` with its sign, currency, scale, unit and
/// qualifier. `None` when it is not a figure (an identifier, an ordinal, a clock time, a
/// word numeral with nothing to count).
fn read(text: &str, numeral: Numeral) -> Option<Reading> {
    let mut span = numeral.span;
    let (mut value, resolution, numeral_len) = if numeral.words {
        (numeral.value, numeral.resolution, span.len())
    } else {
        let run = span.text(text);
        let comma_decimal_ok = run.contains(',') && {
            let after = &text[span.end..];
            SCALE_AFTER.is_match(after)
                || CURRENCY_BEFORE.is_match(window_before(text, span.start, 8).1)
        };
        let reading = numeral::read_digits(run, comma_decimal_ok)?;
        (reading.value, reading.resolution, reading.len)
    };
    span.end = span.start + numeral_len;

    if !numeral.words && is_identifier_context(text, span) {
        return None;
    }
    let after = &text[span.end..];
    if !numeral.words
        && (ORDINAL_AFTER.is_match(after)
            || after.starts_with(':') && after[1..].starts_with(|c: char| c.is_ascii_digit()))
    {
        return None;
    }

    // Left: sign and currency.
    let (window_start, before) = window_before(text, span.start, 48);
    let mut left = span.start;
    let mut currency = None;
    let mut negative = false;
    if let Some(found) = CURRENCY_BEFORE.captures(before) {
        let code = currency_code(found.get(1)?.as_str());
        currency = Unit::from_symbol(code);
        left = window_start + found.get(0)?.start();
    }
    let sign_at = text[..left].chars().next_back();
    if matches!(sign_at, Some('-' | '−')) {
        let sign_len = sign_at.map_or(0, char::len_utf8);
        let before_sign = text[..left - sign_len].chars().next_back();
        if !before_sign.is_some_and(|c| c.is_alphanumeric()) {
            negative = true;
            left -= sign_len;
        }
    }

    // Right: scale, then percent / currency / unit / multiple / count noun.
    let mut right = span.end;
    let mut scale = None;
    if let Some(found) = SCALE_AFTER.captures(&text[right..]) {
        let factor = match (found.name("word"), found.name("letter")) {
            (Some(word), _) => Some(scale_factor(&word.as_str().to_ascii_lowercase())),
            (None, Some(letter)) => match letter.as_str() {
                "k" | "K" => Some(1e3),
                "m" | "M" if currency.is_some() => Some(1e6),
                "b" | "B" if currency.is_some() => Some(1e9),
                "T" if currency.is_some() => Some(1e12),
                _ => None,
            },
            _ => None,
        };
        if let Some(factor) = factor {
            scale = Some(factor);
            right += found.get(0)?.end();
        }
    }

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
    } else if let Some(found) = CURRENCY_AFTER.captures(rest) {
        let word = found.name("word").map(|w| w.as_str().to_ascii_lowercase());
        let code = match (&word, found.name("code")) {
            (_, Some(code)) => code.as_str(),
            (Some(word), None) => currency_word_code(word),
            _ => "USD",
        };
        if word.as_deref().is_some_and(|w| w.starts_with("cent")) {
            value /= 100.0;
        }
        kind = FigureKind::Money;
        unit = Unit::from_symbol(code);
        right += found.get(0)?.end();
    } else if let Some(found) = MULTIPLE_AFTER.find(rest) {
        kind = FigureKind::Multiple;
        unit = Unit::from_symbol("x");
        right += found.end();
    } else if scale.is_some() && POUNDS_AFTER.is_match(rest) {
        // "5 million pounds" is money; "5 pounds" alone is a weight.
        kind = FigureKind::Money;
        unit = Unit::from_symbol("GBP");
        right += POUNDS_AFTER.find(rest)?.end();
    } else if let Some((found, len)) = unit_after(rest) {
        kind = if found.dimension() == Dimension::Time {
            FigureKind::Duration
        } else {
            FigureKind::Quantity
        };
        unit = Some(found);
        right += len;
    } else if let Some(found) = COUNT_AFTER.captures(rest) {
        kind = FigureKind::Count;
        noun = found
            .name("noun")
            .map(|n| singular(&n.as_str().to_ascii_lowercase()));
        // The noun is context, not part of the figure's span.
    } else if numeral.fraction {
        kind = FigureKind::Fraction;
    }

    // What a bare numeral is depends on how it was written.
    let mut year = None;
    if kind == FigureKind::Number && scale.is_none() {
        if numeral.words {
            // "one of the largest", "two layers": words alone are not figures.
            return None;
        }
        let run = span.text(text);
        if run.len() == 4
            && run.bytes().all(|b| b.is_ascii_digit())
            && (1800..=2100).contains(&(value as i32))
        {
            year = Some(value as i32);
        } else if follows_a_name(text, left) {
            // "Hut 8", "Windows 11", "Voyager 2".
            return None;
        }
    }
    if numeral.fraction
        && kind == FigureKind::Fraction
        && !rest
            .trim_start()
            .get(..2)
            .is_some_and(|word| word.eq_ignore_ascii_case("of"))
    {
        // "half" only counts as a figure in "half of ..."; "a third straight loss" is an
        // ordinal.
        return None;
    }

    if negative {
        value = -value;
    }
    let qualifier_text = &text[..left];
    let (qualifier, qualifier_start) = qualifier_before(qualifier_text);
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
    })
}

static ORDINAL_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:st|nd|rd|th)(?-u:\b)").expect("ordinal pattern"));

static POUNDS_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \x{00A0}](?i:pounds?)(?-u:\b)").expect("pounds pattern"));

fn scale_factor(word: &str) -> f64 {
    match word {
        "thousand" => 1e3,
        "million" | "mln" | "mn" => 1e6,
        "billion" | "bn" | "bln" => 1e9,
        _ => 1e12,
    }
}

fn currency_code(sign: &str) -> &'static str {
    match sign.trim_end_matches('.') {
        "€" | "EUR" => "EUR",
        "£" | "GBP" => "GBP",
        "¥" | "JPY" => "JPY",
        "CNY" | "RMB" => "CNY",
        "₹" | "INR" | "Rs" => "INR",
        "₩" => "KRW",
        "CHF" => "CHF",
        "C$" | "CA$" | "CAD" => "CAD",
        "A$" | "AU$" | "AUD" => "AUD",
        "HK$" | "HKD" => "HKD",
        "S$" => "SGD",
        "NZ$" => "NZD",
        "R$" => "BRL",
        _ => "USD",
    }
}

fn currency_word_code(word: &str) -> &'static str {
    if word.contains("euro") {
        "EUR"
    } else if word.contains("pound") || word.contains("sterling") {
        "GBP"
    } else if word.contains("yen") {
        "JPY"
    } else if word.contains("yuan") || word.contains("renminbi") {
        "CNY"
    } else if word.contains("rupee") {
        "INR"
    } else if word.contains("franc") {
        "CHF"
    } else if word.contains("canadian") {
        "CAD"
    } else if word.contains("australian") {
        "AUD"
    } else if word.contains("hong kong") {
        "HKD"
    } else {
        "USD"
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
    let (window_start, window) = window_before(before, before.len(), 32);
    let Some(found) = QUALIFIER_BEFORE.captures(window) else {
        return (Qualifier::Exact, before.len());
    };
    let start = window_start + found.get(0).map_or(window.len(), |m| m.start());
    let qualifier = if found.name("more").is_some() {
        Qualifier::MoreThan
    } else if found.name("least").is_some() {
        Qualifier::AtLeast
    } else if found.name("less").is_some() {
        Qualifier::LessThan
    } else if found.name("most").is_some() {
        Qualifier::AtMost
    } else if found.name("nearly").is_some() {
        Qualifier::Nearly
    } else if found.name("between").is_some() {
        Qualifier::Range
    } else if found.name("from").is_some() {
        return (Qualifier::Exact, start);
    } else {
        Qualifier::Approximate
    };
    (qualifier, start)
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
        Some('-') => glued(second) && !second.is_some_and(|c| c.is_ascii_digit()),
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
        || PERCENT_AFTER.is_match(after)
        || unit_after(after).is_some()
        || ORDINAL_AFTER.is_match(after)
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
];

enum Pair {
    Range(Figure),
    Change(Figure, Figure),
}

static CONNECTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \x{00A0}]?[–—-][ \x{00A0}]?|[ ](?i:to|and|through)[ ])")
        .expect("connector pattern")
});

/// Joins `first` with a numeral right after it into a range ("4–12%", "between 4% and
/// 12%", "4 to 12 percent") or a change ("from $67.2 million to $30.1 million").
fn pair_after(text: &str, first: &Reading) -> Option<Pair> {
    let connector = CONNECTOR.find(&text[first.span.end..])?;
    let word = connector.as_str().trim().to_ascii_lowercase();
    let is_between = first.qualifier == Qualifier::Range;
    let (_, just_before) = window_before(text, first.qualifier_start.min(first.span.start), 8);
    let is_from = just_before.to_ascii_lowercase().ends_with("from ")
        || text[first.qualifier_start..first.span.start]
            .get(..4)
            .is_some_and(|word| word.eq_ignore_ascii_case("from"));
    match word.as_str() {
        "and" if !is_between => return None,
        "to" | "through" | "–" | "—" | "-" => {}
        "and" => {}
        _ => return None,
    }
    if word == "-" && connector.as_str().contains(' ') {
        // "5 - 3" with spaces is arithmetic or a dash between clauses, not a range.
        return None;
    }
    let second_start = first.span.end + connector.end();
    let after = &text[second_start..];
    let currency_len = CURRENCY_LEAD.find(after).map_or(0, |m| m.end());
    let digits = DIGITS
        .find(&after[currency_len..])
        .filter(|m| m.start() == 0);
    let second_numeral = match digits {
        Some(found) => Numeral {
            span: Span::new(
                second_start + currency_len,
                second_start + currency_len + found.end(),
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
    let mut second = read_right_side(text, second_numeral)?;
    let mut first = first.clone();
    // Years joined by a dash ("2024-2025") are a span of years, not a range of numbers.
    if first.year.is_some() && second.year.is_some() {
        return None;
    }
    share_units(&mut first, &mut second)?;
    if first.kind == FigureKind::Number
        && second.kind == FigureKind::Number
        && word != "to"
        && !is_between
    {
        // "pages 4-12", "3-2 vote": a dash between two bare numbers says too little.
        return None;
    }
    first.year = None;
    second.year = None;

    if is_from && (word == "to" || word == "–") {
        let mut from = first.into_figure()?;
        let mut to = second.into_figure()?;
        from.change_end = Some(ChangeEnd::From);
        to.change_end = Some(ChangeEnd::To);
        return Some(Pair::Change(from, to));
    }
    let low = first.amount();
    let high = second.amount();
    let (a, b) = (low.low?, high.low?);
    let span_start = if is_between {
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

static CURRENCY_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:US ?\$|C\$|A\$|HK\$|\$|€|£|¥)[ \x{00A0}]?").expect("currency lead pattern")
});

/// Reads the second numeral of a pair; its left context is the connector, so only its
/// own currency sign counts.
fn read_right_side(text: &str, numeral: Numeral) -> Option<Reading> {
    let mut reading = read(text, numeral)?;
    reading.qualifier = Qualifier::Exact;
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

    #[test]
    fn unicode_around_and_inside_numbers() {
        let text = "“收入 rose 18 %” — 1\u{202f}234 MW — נפל 4–12%";
        let figures = read_all(text);
        assert_eq!(figures.len(), 3, "{figures:?}");
        assert_eq!(figures[1].2, Some(1234.0));
    }
}
