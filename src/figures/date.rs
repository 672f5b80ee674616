//! Dates and periods, read into intervals of days.
//!
//! "March 26" is one day, "June 2024" a month, "Q1 2026" a quarter, "the second half of
//! 2025" six months, "early 2027" January to April. A date without a year takes the
//! year of the document's dateline (the first full date near its top), and stays
//! unresolved when the document has none. Fiscal years are read as calendar years: an
//! article rarely says where its company's fiscal year starts.

use std::sync::LazyLock;

use crate::pattern::{
    CandidateMatch, CandidatePattern, Captures, Openers, Regex, group_index, word_head, word_starts,
};
use serde::{Serialize, Serializer};

use crate::span::{Span, window_before};

/// A half-open interval of days, `start..end`, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DayInterval {
    pub start: i32,
    pub end: i32,
}

impl DayInterval {
    pub fn day(year: i32, month: u32, day: u32) -> DayInterval {
        let start = days_from_civil(year, month, day);
        DayInterval {
            start,
            end: start + 1,
        }
    }

    /// Whole months `first..=last` of `year` (months may run past 12 into next year).
    pub fn months(year: i32, first: u32, last: u32) -> DayInterval {
        let start = days_from_civil(year, first, 1);
        let (end_year, end_month) = if last >= 12 {
            (year + 1, last - 11)
        } else {
            (year, last + 1)
        };
        DayInterval {
            start,
            end: days_from_civil(end_year, end_month, 1),
        }
    }

    pub fn year(year: i32) -> DayInterval {
        DayInterval::months(year, 1, 12)
    }

    pub fn overlaps(self, other: DayInterval) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The calendar year the interval starts in.
    pub fn start_year(self) -> i32 {
        civil_from_days(self.start).0
    }
}

impl Serialize for DayInterval {
    /// `{"start": "2026-01-01", "end": "2026-04-01"}`, end exclusive.
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        let mut state = serializer.serialize_struct("DayInterval", 2)?;
        state.serialize_field("start", &iso(self.start))?;
        state.serialize_field("end", &iso(self.end))?;
        state.end()
    }
}

/// "2026-05-07".
pub fn iso(days: i32) -> String {
    let (year, month, day) = civil_from_days(days);
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month = month as i32;
    let day_of_year =
        (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day as i32 - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The inverse of [`days_from_civil`].
pub fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let mp = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

const MONTH: &str = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

fn month_number(name: &str) -> u32 {
    match &name[..3] {
        "Jan" => 1,
        "Feb" => 2,
        "Mar" => 3,
        "Apr" => 4,
        "May" => 5,
        "Jun" => 6,
        "Jul" => 7,
        "Aug" => 8,
        "Sep" => 9,
        "Oct" => 10,
        "Nov" => 11,
        _ => 12,
    }
}

/// One pattern per form, tried together; the leftmost-first match wins, so longer forms
/// come first. Month names are matched case-sensitively ("may" is a verb). Every form
/// starts at a word [`opens_a_date`] accepts.
static DATE: LazyLock<CandidatePattern> = LazyLock::new(|| {
    let year = r"(?:[0-9]{4})";
    let time = r"(?:,?[ ]+[0-9]{1,2}:[0-9]{2}(?:[ ]?[AaPp]\.?[Mm]\.?)?)?";
    let patterns = [
        // ISO: 2026-05-07
        r"(?P<iso>(?-u:\b)(?P<iy>[0-9]{4})-(?P<im>[01][0-9])-(?P<id>[0-3][0-9])(?-u:\b))".to_string(),
        // March 26, 2025, 8:48 AM / March 26
        format!(r"(?P<mdy>(?-u:\b){MONTH}\.?[ ]+(?P<day>[0-9]{{1,2}})(?:st|nd|rd|th)?(?-u:\b)(?:,?[ ]+(?P<year>{year})(?-u:\b))?{time})"),
        // 26 March 2025
        format!(r"(?P<dmy>(?-u:\b)(?P<day2>[0-9]{{1,2}})(?:st|nd|rd|th)?[ ]+(?:of[ ]+)?{}\.?(?:,?[ ]+(?P<year2>{year}))?(?-u:\b))", MONTH.replace("?P<month>", "?P<month2>")),
        // June 2024
        format!(r"(?P<my>(?-u:\b){}[ ]+(?:of[ ]+)?(?P<year3>{year})(?-u:\b))", MONTH.replace("?P<month>", "?P<month3>")),
        // Q1 2026, Q1'26, Q1
        r"(?P<q>(?-u:\b)Q(?P<qn>[1-4])(?:[ -]?(?:FY[ ]?)?(?:'|’)?(?P<qy>[0-9]{4}|[0-9]{2}))?(?-u:\b))".to_string(),
        // the first quarter (of 2026)
        format!(r"(?P<oq>(?i:(?-u:\b)(?:the[ ]+)?(?P<oqn>first|second|third|fourth|1st|2nd|3rd|4th)[ -]quarter(?-u:\b))(?:[ ]+(?i:of[ ]+)?(?i:fiscal[ ]+)?(?P<oqy>{year})(?-u:\b))?)"),
        // the second half of 2025, H2 2025
        format!(r"(?P<h>(?i:(?-u:\b)(?:the[ ]+)?(?P<hn>first|second|1st|2nd)[ ]+half(?-u:\b))(?:[ ]+(?i:of[ ]+)?(?i:the[ ]+year|(?:fiscal[ ]+)?(?P<hy>{year}))(?-u:\b))?)"),
        format!(r"(?P<hh>(?-u:\b)H(?P<hhn>[12])[ ]?(?P<hhy>{year})(?-u:\b))"),
        // early 2027, mid-2025, late 2024
        format!(r"(?P<eml>(?i:(?-u:\b)(?P<part>early|mid|late)[ -])(?P<emly>{year})(?-u:\b))"),
        // fiscal 2025, fiscal year 2025, FY2025, FY25
        r"(?P<fy>(?:(?i:(?-u:\b)fiscal(?:[ ]+year)?[ ]+)|(?-u:\b)FY[ ]?)(?P<fyy>[0-9]{4}|[0-9]{2})(?-u:\b))".to_string(),
        // relative periods
        r"(?P<rel>(?i:(?-u:\b)(?:year[ -](?:over|on)[ -]year|(?:the[ ]+)?previous[ ]+year|a[ ]+year[ ]+(?:earlier|ago|before)|last[ ]+year|this[ ]+year|the[ ]+year[ ]+before)(?-u:\b)))".to_string(),
        // in March, the April halving: last, so that "March 26" and "June 2024" win; the
        // word before is checked in find_dates. "May" is left out: it is also a verb.
        r"(?P<mo>(?-u:\b)(?P<month4>Jan(?:uary)?|Feb(?:ruary)?|March|April|June|July|Aug(?:ust)?|Sept(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?-u:\b))".to_string(),
    ];
    CandidatePattern::new(&patterns.join("|"))
});

/// Where a date may start: the words [`opens_a_date`] accepts.
fn date_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    word_starts(bytes).filter(|&start| opens_a_date(&bytes[start..]))
}

/// Whether a word can open one of [`DATE`]'s forms: a month, "Q1", "H2", "FY", a number
/// that a date can start with ("2026-05-07", "26 March", "1st quarter"), or a word the
/// spelt-out forms start with, followed by a word that can come next. Rejecting a word
/// the pattern would match loses a date, so each test only looks for what every form
/// opening on that word needs.
fn opens_a_date(word: &[u8]) -> bool {
    const MONTHS: [&[u8; 3]; 12] = [
        b"Jan", b"Feb", b"Mar", b"Apr", b"May", b"Jun", b"Jul", b"Aug", b"Sep", b"Oct", b"Nov",
        b"Dec",
    ];
    match word {
        [b'Q' | b'H', b'0'..=b'9', ..] | [b'F', b'Y', ..] => return true,
        [a, b, c, ..] if MONTHS.contains(&&[*a, *b, *c]) => return true,
        [b'0'..=b'9', ..] => return opens_a_numeric_date(word),
        _ => {}
    }
    let (head, len) = word_head(word);
    // The first byte of the next word, lower-cased.
    let next = || {
        let rest = word.get(len..).unwrap_or_default();
        let rest = rest.strip_prefix(b"-").unwrap_or(rest);
        rest.iter()
            .find(|byte| **byte != b' ')
            .map(u8::to_ascii_lowercase)
    };
    match &head[..len] {
        // "early 2027", "fiscal 2025", "year over year": the form is settled by the
        // pattern itself.
        b"early" | b"mid" | b"late" | b"fiscal" | b"year" | b"previous" => true,
        // "the first quarter", "the second half", "the previous year", "the year before":
        // "the" is the most common word there is, so the next word is read whole.
        b"the" => {
            const AFTER_THE: [&[u8]; 10] = [
                b"first",
                b"second",
                b"third",
                b"fourth",
                b"1st",
                b"2nd",
                b"3rd",
                b"4th",
                b"previous",
                b"year",
            ];
            let rest = word.get(len..).unwrap_or_default();
            let rest = rest.strip_prefix(b"-").unwrap_or(rest);
            let rest = &rest[rest.iter().take_while(|b| **b == b' ').count()..];
            let next_len = rest
                .iter()
                .take_while(|b| crate::pattern::is_word_byte(**b))
                .count();
            AFTER_THE
                .iter()
                .any(|after| rest[..next_len].eq_ignore_ascii_case(after))
        }
        b"first" | b"second" | b"third" | b"fourth" => matches!(next(), Some(b'q' | b'h')),
        // "a year earlier", "last year", "this year"
        b"a" | b"last" | b"this" => next() == Some(b'y'),
        _ => false,
    }
}

/// Whether a word of digits can open a date: "2026-05-07", "26 March", "26th of March",
/// "1st quarter", "2nd half".
fn opens_a_numeric_date(word: &[u8]) -> bool {
    let digits = word.iter().take_while(|b| b.is_ascii_digit()).count();
    if digits == 4 && word.get(4) == Some(&b'-') {
        return true;
    }
    if digits > 2 {
        return false;
    }
    let rest = &word[digits..];
    let rest = match rest {
        [a, b, tail @ ..]
            if matches!(
                &[a.to_ascii_lowercase(), b.to_ascii_lowercase()],
                b"st" | b"nd" | b"rd" | b"th"
            ) =>
        {
            tail
        }
        _ => rest,
    };
    let rest = match rest {
        [b' ' | b'-', tail @ ..] => tail,
        _ => return false,
    };
    let next = rest.iter().find(|byte| **byte != b' ');
    matches!(next, Some(b'A'..=b'Z' | b'o' | b'q' | b'h'))
}

/// A date or period found in text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FoundDate {
    pub span: Span,
    /// `None` when the year is not stated and the document has no dateline, or for
    /// comparison phrases such as "year over year".
    pub period: Option<DayInterval>,
}

/// The document's dateline: the first date with day, month and year in its first 600
/// bytes.
pub fn dateline(text: &str) -> Option<DayInterval> {
    let mut head_end = text.len().min(600);
    while !text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let head = &text[..head_end];
    DATE.captures_iter(head, date_starts(head))
        .find_map(|CandidateMatch { caps, .. }| {
            let full = caps.name("iso").is_some()
                || (caps.name("mdy").is_some() && caps.name("year").is_some())
                || (caps.name("dmy").is_some() && caps.name("year2").is_some());
            if full { resolve(&caps, None) } else { None }
        })
}

/// Finds every date and period in `text`, resolving missing years against `reference`.
pub fn find_dates(text: &str, reference: Option<DayInterval>) -> Vec<FoundDate> {
    find_dates_at(text, date_starts(text), reference)
}

/// The words a date may open on, before [`opens_a_date`] looks closer: a superset,
/// for a document's word index (with the words that start with a digit).
pub(crate) static DATE_OPENERS: LazyLock<Openers> = LazyLock::new(|| {
    Openers::prefixes([
        "q0", "q1", "q2", "q3", "q4", "q5", "q6", "q7", "q8", "q9", "h0", "h1", "h2", "h3", "h4",
        "h5", "h6", "h7", "h8", "h9", "fy", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug",
        "sep", "oct", "nov", "dec", "early", "mid", "late", "fiscal", "year", "previous", "the",
        "first", "second", "third", "fourth", "a", "last", "this",
    ])
});

/// [`find_dates`], given the word starts where a date may begin ([`opens_a_date`] is
/// asked again here).
pub(crate) fn find_dates_at(
    text: &str,
    starts: impl Iterator<Item = usize>,
    reference: Option<DayInterval>,
) -> Vec<FoundDate> {
    let reference_year = reference.map(DayInterval::start_year);
    let bytes = text.as_bytes();
    let starts = starts.filter(|&start| opens_a_date(&bytes[start..]));
    DATE.captures_iter(text, starts)
        .filter_map(|found| {
            let caps = &found.caps;
            let whole = found.span(0)?;
            // A bare month is a date only after "in", "since", "the"...
            if form_of(caps) == "mo"
                && !MONTH_CONTEXT.is_match(window_before(text, whole.start, 16).1)
            {
                return None;
            }
            Some(FoundDate {
                span: whole,
                period: resolve(caps, reference_year),
            })
        })
        .collect()
}

/// Words that make a bare month name a date: "in March", "the April halving".
static MONTH_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:in|since|by|until|from|during|the|of|early|late|mid|end[ ]of)[ ]+$")
        .expect("month context pattern")
});

fn number<T: std::str::FromStr>(caps: &Captures, group: usize) -> Option<T> {
    caps.get(group)?.as_str().parse().ok()
}

/// A two-digit year is in this century.
fn full_year(year: i32) -> i32 {
    if year < 100 { 2000 + year } else { year }
}

fn ordinal(word: &str) -> u32 {
    match word.to_ascii_lowercase().as_str() {
        "first" | "1st" => 1,
        "second" | "2nd" => 2,
        "third" | "3rd" => 3,
        _ => 4,
    }
}

fn valid_day(year: i32, month: u32, day: u32) -> Option<DayInterval> {
    let next_month = if month == 12 {
        days_from_civil(year + 1, 1, 1)
    } else {
        days_from_civil(year, month + 1, 1)
    };
    let length = next_month - days_from_civil(year, month, 1);
    ((1..=12).contains(&month) && day >= 1 && day as i32 <= length)
        .then(|| DayInterval::day(year, month, day))
}

/// The forms of [`DATE`], one per top-level group, by group index: looking a group up
/// by index is cheaper than by name, and every match asks which form it is.
static FORMS: LazyLock<Vec<(usize, &'static str)>> = LazyLock::new(|| {
    const NAMES: [&str; 12] = [
        "iso", "mdy", "dmy", "my", "q", "oq", "h", "hh", "eml", "fy", "rel", "mo",
    ];
    NAMES
        .iter()
        .map(|&form| (group_index(DATE.pattern(), form), form))
        .collect()
});

/// Which form of [`DATE`] matched.
fn form_of(caps: &Captures) -> &'static str {
    FORMS
        .iter()
        .find(|(index, _)| caps.get(*index).is_some())
        .map_or("", |(_, form)| form)
}

/// The capture groups [`resolve`] reads, by index: looking a group up by name hashes the
/// name, and every date asks for several.
macro_rules! date_groups {
    ($($name:ident),*) => {
        struct DateGroups {
            $($name: usize,)*
        }

        static GROUPS: LazyLock<DateGroups> = LazyLock::new(|| DateGroups {
            $($name: group_index(DATE.pattern(), stringify!($name)),)*
        });
    };
}

date_groups!(
    day, day2, emly, fyy, hhn, hhy, hn, hy, id, im, iy, month, month2, month3, month4, oqn, oqy,
    part, qn, qy, rel, year, year2, year3
);

fn resolve(caps: &Captures, reference_year: Option<i32>) -> Option<DayInterval> {
    let form = form_of(caps);
    if form == "iso" {
        return valid_day(
            number(caps, GROUPS.iy)?,
            number(caps, GROUPS.im)?,
            number(caps, GROUPS.id)?,
        );
    }
    if form == "mdy" {
        let year = number(caps, GROUPS.year).or(reference_year)?;
        return valid_day(
            year,
            month_number(&caps[GROUPS.month]),
            number(caps, GROUPS.day)?,
        );
    }
    if form == "dmy" {
        let year = number(caps, GROUPS.year2).or(reference_year)?;
        return valid_day(
            year,
            month_number(&caps[GROUPS.month2]),
            number(caps, GROUPS.day2)?,
        );
    }
    if form == "my" {
        let month = month_number(&caps[GROUPS.month3]);
        return Some(DayInterval::months(
            number(caps, GROUPS.year3)?,
            month,
            month,
        ));
    }
    if form == "mo" {
        let month = month_number(&caps[GROUPS.month4]);
        return Some(DayInterval::months(reference_year?, month, month));
    }
    if form == "q" || form == "oq" {
        let quarter = match caps.get(GROUPS.qn) {
            Some(n) => n.as_str().parse().ok()?,
            None => ordinal(&caps[GROUPS.oqn]),
        };
        let year = number::<i32>(caps, GROUPS.qy)
            .or(number(caps, GROUPS.oqy))
            .map(full_year)
            .or(reference_year)?;
        return Some(DayInterval::months(year, quarter * 3 - 2, quarter * 3));
    }
    if form == "h" || form == "hh" {
        let half = match caps.get(GROUPS.hhn) {
            Some(n) => n.as_str().parse().ok()?,
            None => ordinal(&caps[GROUPS.hn]),
        };
        let year = number(caps, GROUPS.hy)
            .or(number(caps, GROUPS.hhy))
            .or(reference_year)?;
        return Some(DayInterval::months(year, half * 6 - 5, half * 6));
    }
    if form == "eml" {
        let year = number(caps, GROUPS.emly)?;
        return Some(match caps[GROUPS.part].to_ascii_lowercase().as_str() {
            "early" => DayInterval::months(year, 1, 4),
            "mid" => DayInterval::months(year, 5, 8),
            _ => DayInterval::months(year, 9, 12),
        });
    }
    if form == "fy" {
        return Some(DayInterval::year(full_year(number(caps, GROUPS.fyy)?)));
    }
    if form == "rel" {
        let phrase = caps[GROUPS.rel].to_ascii_lowercase();
        let year = reference_year?;
        return if phrase.starts_with("this") {
            Some(DayInterval::year(year))
        } else if phrase.contains("over") || phrase.contains(" on") || phrase.contains("-on") {
            // "year over year" names a comparison, not a period.
            None
        } else {
            Some(DayInterval::year(year - 1))
        };
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`opens_a_date`] may only reject words no form of [`DATE`] can open on.
    #[test]
    fn dates_are_found_as_a_whole_text_search_finds_them() {
        let phrases = "On 2026-05-07, and by March 26, 2025, 8:48 AM; 26th of March 2025 and \
            6 June; June 2024, Q1 2026, Q4'25, Q3 FY 2025; the first quarter of fiscal 2026, \
            the  second   half of 2025, H2 2025, the 2nd half, early 2027, mid-2025, Late \
            2024, fiscal year 2025, FY25, FY 2026, year-over-year, the previous year, a year \
            earlier, last year, This year, the year before, in March, the April halving, \
            1st quarter, 3rd-quarter, 12 Dec., Sept. 3rd, a dozen, the 18% drop, 40 - 50, \
            THE FOURTH QUARTER, the 4th-quarter, the-first quarter, the stock, the Thirds, \
            the years, the firstly.";
        crate::pattern::assert_same_as_whole_text_search(
            &DATE,
            |text| date_starts(text).collect(),
            &[phrases],
        );
    }

    fn read(text: &str, reference: Option<DayInterval>) -> Vec<(String, Option<(String, String)>)> {
        find_dates(text, reference)
            .into_iter()
            .map(|d| {
                (
                    d.span.text(text).to_string(),
                    d.period.map(|p| (iso(p.start), iso(p.end))),
                )
            })
            .collect()
    }

    fn one(text: &str) -> (String, String) {
        read(text, Some(DayInterval::day(2026, 5, 7)))[0]
            .1
            .clone()
            .expect("resolved")
    }

    #[test]
    fn calendar_round_trips() {
        for days in [-800_000, -1, 0, 1, 19_000, 20_000, 2_000_000] {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days);
        }
        assert_eq!(iso(0), "1970-01-01");
        assert_eq!(iso(days_from_civil(2024, 2, 29)), "2024-02-29");
    }

    #[test]
    fn forms_resolve_to_intervals() {
        let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
        assert_eq!(one("on March 26, 2025"), pair("2025-03-26", "2025-03-27"));
        assert_eq!(one("in June 2024"), pair("2024-06-01", "2024-07-01"));
        assert_eq!(one("Q1 2026 results"), pair("2026-01-01", "2026-04-01"));
        assert_eq!(one("in Q4'25"), pair("2025-10-01", "2026-01-01"));
        assert_eq!(one("the first quarter"), pair("2026-01-01", "2026-04-01"));
        assert_eq!(
            one("the second half of 2025"),
            pair("2025-07-01", "2026-01-01")
        );
        assert_eq!(one("by early 2027"), pair("2027-01-01", "2027-05-01"));
        assert_eq!(one("fiscal 2025"), pair("2025-01-01", "2026-01-01"));
        assert_eq!(one("the previous year"), pair("2025-01-01", "2026-01-01"));
        assert_eq!(one("7 May 2026"), pair("2026-05-07", "2026-05-08"));
    }

    #[test]
    fn missing_years_come_from_the_dateline() {
        let text = "May 07, 2026 |\nRevenue in Q1 rose. On March 26 shares fell.";
        let reference = dateline(text);
        assert_eq!(reference, Some(DayInterval::day(2026, 5, 7)));
        let dates = read(text, reference);
        assert_eq!(dates[1].0, "Q1");
        assert_eq!(
            dates[2],
            (
                "March 26".to_string(),
                Some(("2026-03-26".into(), "2026-03-27".into()))
            )
        );
        assert_eq!(read("On March 26 shares fell.", None)[0].1, None);
    }

    #[test]
    fn a_time_belongs_to_its_date() {
        assert_eq!(
            read("Update (March 26, 8:48 AM local time)", None)[0].0,
            "March 26, 8:48 AM"
        );
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(read("Investors may need to reassess.", None).is_empty());
        assert_eq!(read("in March", None)[0].0, "March");
    }

    #[test]
    fn impossible_days_do_not_resolve() {
        assert_eq!(read("February 30, 2025", None)[0].1, None);
    }
}
