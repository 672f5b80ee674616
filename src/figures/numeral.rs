//! Numerals: numbers written in digits or in words, with their value and precision.
//!
//! Digits: "1,234.5", "1 234" (with a no-break or thin space), European "1.234,5",
//! and a comma decimal ("3,5") where the caller says the context makes it unambiguous.
//! Words: "twenty-five", "three hundred", "a dozen", "one and a half", and fractions
//! ("a third", "two-thirds", "half").

use std::sync::LazyLock;

use crate::pattern::{CandidatePattern, Openers};

use crate::span::Span;

/// A numeral's value and the place value of its last written digit.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Numeral {
    pub span: Span,
    pub value: f64,
    /// 1 for "18", 0.1 for "18.5"; 1 for "twenty-five". A point figure stands for
    /// `value ± resolution / 2`.
    pub resolution: f64,
    /// The numeral is a fraction ("a third"): its value is below one and it usually
    /// qualifies a noun ("a third of the fleet").
    pub fraction: bool,
    /// Written in words rather than digits.
    pub words: bool,
}

/// Characters that group thousands besides the comma: no-break space, narrow no-break
/// space and thin space. A plain space groups only before "000" ("10 000 dollars"), since
/// "in 2024 3 miners" is two numbers; [`digit_runs`] enforces that.
const GROUP_SPACES: &str = "\u{00A0}\u{202F}\u{2009} ";

/// A run of digits with inner separators: the leftmost-first matches of
///
/// ```text
/// [0-9]+(?:[,.\x{00A0}\x{202F}\x{2009}][0-9]+|\x20000(?-u:\b))*
/// ```
///
/// read by hand (every numeral of a document is one; the tests hold the reader to the
/// pattern). Which separators group and which mark decimals is decided by
/// [`read_digits`], which a pattern cannot do without look-around.
pub fn digit_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = crate::pattern::next_byte_in(bytes, at, b'0', b'9')?;
        let end = digit_run_end(bytes, start);
        at = end;
        Some(Span::new(start, end))
    })
}

/// The run of digits at the very start of `text`, if any.
pub fn digit_run_at_start(text: &str) -> Option<Span> {
    let bytes = text.as_bytes();
    bytes
        .first()
        .is_some_and(u8::is_ascii_digit)
        .then(|| Span::new(0, digit_run_end(bytes, 0)))
}

/// Where the run of digits that starts at `start` ends.
fn digit_run_end(bytes: &[u8], start: usize) -> usize {
    let digits_end = |from: usize| {
        from + bytes[from..]
            .iter()
            .position(|b| !b.is_ascii_digit())
            .unwrap_or(bytes.len() - from)
    };
    let mut end = digits_end(start);
    loop {
        // A separator (no-break, narrow no-break and thin spaces are two and three bytes
        // of UTF-8) with digits after it, or a plain space before "000" that ends a word.
        let separator = match &bytes[end..] {
            [b',' | b'.', ..] => 1,
            [0xC2, 0xA0, ..] => 2,
            [0xE2, 0x80, 0xAF | 0x89, ..] => 3,
            _ => 0,
        };
        if separator > 0 && bytes.get(end + separator).is_some_and(u8::is_ascii_digit) {
            end = digits_end(end + separator);
        } else if bytes[end..].starts_with(b" 000")
            && !bytes
                .get(end + 4)
                .is_some_and(|&b| crate::pattern::is_word_byte(b))
        {
            end += 4;
        } else {
            return end;
        }
    }
}

/// How a run of digits reads: its value, its resolution, and how many of its bytes
/// belong to the number (a trailing ",5" may be cut off when it is not a decimal).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DigitReading {
    pub value: f64,
    pub resolution: f64,
    pub len: usize,
}

/// Reads a run of digits found by [`digit_runs`].
///
/// `comma_decimal_ok` allows "3,5" to mean 3.5 (the caller knows a currency or scale word
/// is attached). Returns `None` for identifiers such as "192.168.1.2" or "1.2.3".
pub fn read_digits(run: &str, comma_decimal_ok: bool) -> Option<DigitReading> {
    let groups: Vec<&str> = run
        .split(|c: char| c == ',' || c == '.' || GROUP_SPACES.contains(c))
        .collect();
    let separators: Vec<char> = run
        .chars()
        .filter(|c| *c == ',' || *c == '.' || GROUP_SPACES.contains(*c))
        .collect();
    if separators.is_empty() {
        return finish(run, "", run.len());
    }
    let is_group = |c: char| c == ',' || GROUP_SPACES.contains(c);
    let tail_is_three = groups[1..].iter().all(|group| group.len() == 3) && groups[0].len() <= 3;
    let dots = separators.iter().filter(|c| **c == '.').count();

    // English: groups of three separated by commas or spaces, then at most one dot.
    let last = *separators.last()?;
    let (grouped, decimal) = if last == '.' && dots == 1 {
        let head_groups = &groups[..groups.len() - 1];
        let head_ok =
            head_groups[1..].iter().all(|group| group.len() == 3) && head_groups[0].len() <= 3;
        if separators.len() == 1 || head_ok {
            (&groups[..groups.len() - 1], groups[groups.len() - 1])
        } else {
            return None;
        }
    } else if dots == 0 && separators.iter().all(|c| is_group(*c)) {
        if tail_is_three {
            (&groups[..], "")
        } else if separators.len() == 1 && last == ',' && groups[1].len() <= 2 && comma_decimal_ok {
            (&groups[..1], groups[1])
        } else {
            // "3,5" in running text: the numeral ends before the comma.
            return finish(groups[0], "", groups[0].len());
        }
    } else if last == ',' && separators[..separators.len() - 1].iter().all(|c| *c == '.') {
        // European: "1.234.567,89".
        let head_groups = &groups[..groups.len() - 1];
        if head_groups[1..].iter().all(|group| group.len() == 3) && head_groups[0].len() <= 3 {
            (&groups[..groups.len() - 1], groups[groups.len() - 1])
        } else {
            return None;
        }
    } else {
        // Several dots ("1.2.3", "192.168.1.2"): a version or an address.
        return None;
    };
    let integer: String = grouped.concat();
    finish(&integer, decimal, run.len())
}

fn finish(integer: &str, decimal: &str, len: usize) -> Option<DigitReading> {
    let text = if decimal.is_empty() {
        integer.to_string()
    } else {
        format!("{integer}.{decimal}")
    };
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    let resolution = 10f64.powi(-(decimal.len().min(300) as i32));
    Some(DigitReading {
        value,
        resolution,
        len,
    })
}

/// Number words, lower-case. Scale words are handled apart because they multiply.
const UNITS: &[(&str, f64)] = &[
    ("zero", 0.0),
    ("one", 1.0),
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fourty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
];

const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
];

/// Denominators of fractions, singular and plural.
const DENOMINATORS: &[(&str, f64)] = &[
    ("half", 2.0),
    ("halves", 2.0),
    ("third", 3.0),
    ("thirds", 3.0),
    ("quarter", 4.0),
    ("quarters", 4.0),
    ("fourth", 4.0),
    ("fourths", 4.0),
    ("fifth", 5.0),
    ("fifths", 5.0),
    ("sixth", 6.0),
    ("sixths", 6.0),
    ("eighth", 8.0),
    ("eighths", 8.0),
    ("tenth", 10.0),
    ("tenths", 10.0),
];

/// A run of number words joined by spaces, hyphens and "and". The run may start with
/// "a"/"an" ("a dozen", "a third"); [`read_words`] decides what the run means.
static WORD_RUN: LazyLock<CandidatePattern> = LazyLock::new(|| {
    let mut words: Vec<&str> = number_words().collect();
    // Longest first.
    crate::span::sort_by_position(&mut words, |word| (usize::MAX - word.len(), 0));
    let word = format!("(?:{})", words.join("|"));
    CandidatePattern::new(&format!(
        r"(?i)(?-u:\b)(?:(?:an?|one)[ -])?{word}(?:(?:[ -]|[ ]and[ ](?:an?[ ])?){word})*(?-u:\b)"
    ))
});

/// The words a [`WORD_RUN`] opens on; "a" and "an" only before a number word, which
/// [`opens_a_word_run`] checks.
pub(crate) static WORD_RUN_OPENERS: LazyLock<Openers> =
    LazyLock::new(|| Openers::words(number_words().chain(["a", "an"])));

/// The number words themselves, without "a" and "an".
static NUMBER_WORDS: LazyLock<Openers> = LazyLock::new(|| Openers::words(number_words()));

/// Every word a [`WORD_RUN`] is made of, but "a" and "an": the pattern and the words it
/// opens on are made from this one list, so that no word of a run goes untried.
fn number_words() -> impl Iterator<Item = &'static str> {
    UNITS
        .iter()
        .chain(SCALES)
        .chain(DENOMINATORS)
        .map(|(w, _)| *w)
        // "three point five": read_words takes the digits after "point" as decimals.
        .chain(["dozen", "dozens", "point"])
}

/// Whether a word [`WORD_RUN_OPENERS`] admits at `start` can open a run: any number
/// word, but "a" or "an" only before one ("a dozen", not "a company"), as the pattern
/// requires.
fn opens_a_word_run(bytes: &[u8], start: usize) -> bool {
    let rest = &bytes[start..];
    let article = match rest {
        [a, n, ..] if a.eq_ignore_ascii_case(&b'a') && n.eq_ignore_ascii_case(&b'n') => 2,
        [a, ..] if a.eq_ignore_ascii_case(&b'a') => 1,
        _ => return true,
    };
    // Not "a" or "an" but a longer word the openers admit ("and" is none).
    if rest
        .get(article)
        .is_some_and(|&b| crate::pattern::is_word_byte(b))
    {
        return true;
    }
    matches!(rest.get(article), Some(b' ' | b'-'))
        && rest
            .get(article + 1..)
            .is_some_and(|next| NUMBER_WORDS.admit(next))
}

/// Finds numerals written in words, in order.
pub fn word_numerals(text: &str) -> impl Iterator<Item = Numeral> + '_ {
    word_numerals_at(text, WORD_RUN_OPENERS.starts_in(text))
}

/// [`word_numerals`], given the word starts [`WORD_RUN_OPENERS`] admits.
pub(crate) fn word_numerals_at<'t>(
    text: &'t str,
    starts: impl Iterator<Item = usize> + 't,
) -> impl Iterator<Item = Numeral> + 't {
    let bytes = text.as_bytes();
    let starts = starts.filter(move |&start| opens_a_word_run(bytes, start));
    WORD_RUN
        .find_iter(text, starts)
        .filter_map(|found| word_numeral(text, found))
}

/// The numeral written in words at the very start of `text`, if any.
pub fn word_numeral_at_start(text: &str) -> Option<Numeral> {
    word_numeral(text, WORD_RUN.find_at(text, 0)?)
}

fn word_numeral(text: &str, run: Span) -> Option<Numeral> {
    let numeral = read_words(run.text(text))?;
    Some(Numeral {
        span: Span::new(run.start + numeral.start, run.start + numeral.end),
        value: numeral.value,
        resolution: numeral.resolution,
        fraction: numeral.fraction,
        words: true,
    })
}

/// What [`read_words`] makes of a run of words.
struct WordReading {
    /// The part of the run that is a number, as byte offsets into the run.
    start: usize,
    end: usize,
    value: f64,
    /// 1 for whole numbers; 0.1 for "three point five".
    resolution: f64,
    fraction: bool,
}

/// Reads a run of number words: the part that is a number, its value and precision, and
/// whether it is a fraction.
fn read_words(run: &str) -> Option<WordReading> {
    let lower = run.to_lowercase();
    // Tokens with their byte ranges; "and" and "a"/"an" stay as tokens.
    let mut tokens: Vec<(usize, usize, &str)> = Vec::new();
    let mut start = None;
    for (i, c) in lower
        .char_indices()
        .chain(std::iter::once((lower.len(), ' ')))
    {
        if c.is_ascii_alphabetic() {
            start.get_or_insert(i);
        } else if let Some(s) = start.take() {
            tokens.push((s, i, &lower[s..i]));
        }
    }
    let lookup =
        |table: &[(&str, f64)], word: &str| table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v);

    let mut total = 0.0;
    let mut current = 0.0;
    let mut seen_number = false;
    let mut numerator: Option<f64> = None;
    let mut fraction = false;
    let mut first = None;
    let mut last_end = 0;
    let mut resolution = 1.0;
    for (index, &(s, e, word)) in tokens.iter().enumerate() {
        let next = tokens.get(index + 1).map(|t| t.2);
        if word == "and" {
            // "and" joins only after a scale ("one hundred and five") or before a
            // fraction ("one and a half"); "ten and fifteen" are two numbers.
            let after_scale = index > 0 && lookup(SCALES, tokens[index - 1].2).is_some();
            let before_fraction = matches!(next, Some("a" | "an"));
            if seen_number && !after_scale && !before_fraction {
                break;
            }
            continue;
        }
        if word == "a" || word == "an" {
            // "a dozen", "a hundred", "a third", "one and a half".
            match next {
                Some(n)
                    if lookup(SCALES, n).is_some()
                        || lookup(DENOMINATORS, n).is_some()
                        || n.starts_with("dozen") =>
                {
                    first.get_or_insert(s);
                    if lookup(DENOMINATORS, n).is_some() {
                        numerator = Some(1.0);
                    } else {
                        current = 1.0;
                    }
                    seen_number = true;
                    continue;
                }
                _ => {
                    if seen_number {
                        break;
                    }
                    continue;
                }
            }
        }
        if let Some(denominator) = lookup(DENOMINATORS, word) {
            // "quarters of transition costs": a denominator alone is a noun, except "half".
            if numerator.is_none() && current == 0.0 && !word.starts_with("hal") {
                return None;
            }
            // "one and a half": a whole number, then "a" set the numerator.
            let mixed = current > 0.0 && numerator.is_some();
            let top = numerator
                .take()
                .unwrap_or(if current > 0.0 { current } else { 1.0 });
            if mixed {
                total += current + top / denominator;
            } else {
                total += top / denominator;
                fraction = true;
            }
            current = 0.0;
            first.get_or_insert(s);
            last_end = e;
            seen_number = true;
            break;
        }
        if let Some(value) = lookup(UNITS, word) {
            first.get_or_insert(s);
            current += value;
            seen_number = true;
            last_end = e;
            continue;
        }
        if word.starts_with("dozen") {
            current = if current > 0.0 { current * 12.0 } else { 12.0 };
            first.get_or_insert(s);
            seen_number = true;
            last_end = e;
            continue;
        }
        if let Some(scale) = lookup(SCALES, word) {
            if current == 0.0 && !seen_number {
                // A bare "million" is a scale word for a digit numeral, not a number.
                return None;
            }
            first.get_or_insert(s);
            if scale == 100.0 {
                current = current.max(1.0) * 100.0;
            } else {
                total += current.max(1.0) * scale;
                current = 0.0;
            }
            last_end = e;
            seen_number = true;
            continue;
        }
        if word == "point" && seen_number && numerator.is_none() {
            // "three point five": one digit word per decimal place. "at one point" has
            // none, and stays "one".
            let mut place = 0.1;
            for &(_, digit_end, digit) in &tokens[index + 1..] {
                match lookup(UNITS, digit) {
                    Some(value) if value < 10.0 => {
                        current += value * place;
                        resolution = place;
                        place /= 10.0;
                        last_end = digit_end;
                    }
                    _ => break,
                }
            }
        }
        break;
    }
    if !seen_number || last_end == 0 {
        return None;
    }
    Some(WordReading {
        start: first?,
        end: last_end,
        value: total + current,
        resolution,
        fraction,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`WORD_RUN_OPENERS`] may only reject words no run of number words opens on, and
    /// runs of digits are what their pattern finds.
    #[test]
    fn numerals_are_found_as_a_whole_text_search_finds_them() {
        // Regression: "dozens" was left out of the words a run opens on, so "hired dozens
        // more" lost its count when runs were tried only at those words.
        let phrases = "Dozens of them, hired dozens more, Twenty-five, a dozen, An eighth, one and a half, three point five, \
            one hundred and seventy-five thousand, two-thirds of the forty-two, often money \
            tone, the none, ten-fold, a third, 1,234.5 and 1 000 and 1\u{a0}234 and 2024 3, \
            x12 A4 1.2.3 99,99,99 0.5";
        crate::pattern::assert_same_as_whole_text_search(
            &WORD_RUN,
            |text| {
                WORD_RUN_OPENERS
                    .starts_in(text)
                    .filter(|&start| opens_a_word_run(text.as_bytes(), start))
                    .collect()
            },
            &[phrases],
        );
        let mut texts = crate::pattern::random_texts(
            &[
                "1", "23", "000", " ", ",", ".", "\u{a0}", "\u{202f}", "\u{2009}", "x", "_", "é",
            ],
            20_000,
            10,
        );
        texts.push(phrases.to_string());
        crate::pattern::assert_same_as_regex(
            r"[0-9]+(?:[,.\x{00A0}\x{202F}\x{2009}][0-9]+|\x20000(?-u:\b))*",
            |text| digit_runs(text).collect(),
            &texts,
        );
        for text in &texts {
            let at_start = digit_run_at_start(text);
            let first = digit_runs(text).next().filter(|run| run.start == 0);
            assert_eq!(at_start, first, "in {text:?}");
        }
    }

    fn digits(run: &str) -> Option<(f64, f64, usize)> {
        read_digits(run, false).map(|r| (r.value, r.resolution, r.len))
    }

    #[test]
    fn grouped_and_decimal_digits() {
        assert_eq!(digits("1,234.5"), Some((1234.5, 0.1, 7)));
        assert_eq!(digits("12,345,678"), Some((12345678.0, 1.0, 10)));
        assert_eq!(digits("18"), Some((18.0, 1.0, 2)));
        assert_eq!(digits("115.2"), Some((115.2, 0.1, 5)));
        assert_eq!(digits("1\u{a0}234"), Some((1234.0, 1.0, 6)));
        assert_eq!(digits("1.234.567,89"), Some((1234567.89, 0.01, 12)));
    }

    #[test]
    fn comma_decimal_only_when_the_caller_allows_it() {
        assert_eq!(read_digits("3,5", true).map(|r| r.value), Some(3.5));
        assert_eq!(digits("3,5"), Some((3.0, 1.0, 1)));
    }

    #[test]
    fn versions_and_addresses_are_not_numbers() {
        assert_eq!(digits("192.168.1.2"), None);
        assert_eq!(digits("1.2.3"), None);
    }

    #[test]
    fn a_million_digits_overflow_to_nothing() {
        assert_eq!(digits(&"9".repeat(1000)), None);
    }

    fn words(text: &str) -> Vec<(String, f64)> {
        word_numerals(text)
            .map(|n| (n.span.text(text).to_string(), n.value))
            .collect()
    }

    #[test]
    fn written_out_numbers() {
        assert_eq!(
            words("twenty-five miners"),
            vec![("twenty-five".into(), 25.0)]
        );
        assert_eq!(
            words("three hundred jobs"),
            vec![("three hundred".into(), 300.0)]
        );
        assert_eq!(words("a dozen rigs"), vec![("a dozen".into(), 12.0)]);
        // Regression: runs were tried only at the words that open them, and "dozens" was
        // not among them.
        assert_eq!(words("hired dozens more"), vec![("dozens".into(), 12.0)]);
        assert_eq!(
            words("two thousand and five"),
            vec![("two thousand and five".into(), 2005.0)]
        );
        assert_eq!(
            words("one hundred and twenty million"),
            vec![("one hundred and twenty million".into(), 120e6)]
        );
    }

    #[test]
    fn fractions() {
        assert_eq!(words("a third of"), vec![("a third".into(), 1.0 / 3.0)]);
        assert_eq!(
            words("two-thirds of"),
            vec![("two-thirds".into(), 2.0 / 3.0)]
        );
        assert_eq!(words("half of"), vec![("half".into(), 0.5)]);
        assert_eq!(words("a quarter of"), vec![("a quarter".into(), 0.25)]);
        assert_eq!(
            words("one and a half"),
            vec![("one and a half".into(), 1.5)]
        );
    }

    #[test]
    fn a_scale_word_alone_is_not_a_numeral() {
        assert!(words("millions of users").is_empty());
        assert!(words("more quarters of costs").is_empty());
    }
}
