//! Subjects: the organisations, tickers and assets a document names, and their aliases.
//!
//! A mention is a run of capitalised words ("Core Scientific", "Polaris DS LLC",
//! "Hut 8"), a ticker ("CORZ", "(NASDAQ: CORZ)"), or a crypto asset in any case
//! ("bitcoin", "BTC"). Every mention gets a key, the same for all of a subject's names:
//! corporate suffixes are dropped ("Polaris DS LLC" is "polaris ds"), tickers and asset
//! symbols map to their names, and a ticker written next to a name in the document
//! ("Core Scientific (NASDAQ: CORZ)") becomes an alias of that name.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::Arc;
use std::sync::LazyLock;

use crate::pattern::{Openers, Regex, WordIndex, WordSet, is_word_byte};
use serde::Serialize;

use crate::span::Span;

/// What a subject is; an asset's price is a different metric from a company's shares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Organisation,
    Asset,
}

/// A subject as the checker compares it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Subject {
    /// How the document first names it ("Core Scientific").
    pub name: std::sync::Arc<str>,
    /// The alias-free key ("core scientific"); equal keys are the same subject.
    pub key: std::sync::Arc<str>,
    pub kind: SubjectKind,
}

/// One place a subject is named.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub span: Span,
    pub subject: Subject,
}

/// Crypto assets, by every name they go by, mapped to a display name.
const ASSETS: &[(&str, &str)] = &[
    ("bitcoin", "Bitcoin"),
    ("btc", "Bitcoin"),
    ("ether", "Ether"),
    ("ethereum", "Ether"),
    ("eth", "Ether"),
    ("solana", "Solana"),
    ("sol", "Solana"),
    ("bnb", "BNB"),
    ("xrp", "XRP"),
    ("dogecoin", "Dogecoin"),
    ("doge", "Dogecoin"),
];

/// Tickers of companies that news about this field names often without spelling out the
/// company. A ticker written next to a name in the document is learnt as well.
const TICKERS: &[(&str, &str)] = &[
    ("CORZ", "Core Scientific"),
    ("MARA", "Marathon Digital"),
    ("RIOT", "Riot"),
    ("CLSK", "CleanSpark"),
    ("BITF", "Bitfarms"),
    ("HUT", "Hut 8"),
    ("MSFT", "Microsoft"),
    ("CRWV", "CoreWeave"),
    ("GME", "GameStop"),
    ("NVDA", "Nvidia"),
    ("IREN", "IREN"),
    ("CIFR", "Cipher Mining"),
    ("WULF", "TeraWulf"),
    ("GOOGL", "Alphabet"),
    ("AMZN", "Amazon"),
    ("META", "Meta"),
    ("AAPL", "Apple"),
    ("TSLA", "Tesla"),
    ("MSTR", "Strategy"),
];

/// Alternative names that mean the same company.
const NAME_ALIASES: &[(&str, &str)] = &[
    ("marathon digital holdings", "marathon digital"),
    ("mara holdings", "marathon digital"),
    ("riot platforms", "riot"),
    ("riot blockchain", "riot"),
    ("hut 8 corp", "hut 8"),
    ("microstrategy", "strategy"),
    ("google", "alphabet"),
];

/// Capitalised words that start sentences or name things other than subjects.
const NOT_SUBJECTS: &[&str] = &[
    "A",
    "An",
    "The",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "Its",
    "In",
    "On",
    "At",
    "For",
    "With",
    "As",
    "But",
    "And",
    "Or",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "Despite",
    "However",
    "Meanwhile",
    "Still",
    "Yet",
    "So",
    "Some",
    "Many",
    "Most",
    "Much",
    "Investors",
    "Shares",
    "Stock",
    "Stocks",
    "Analysts",
    "Traders",
    "Markets",
    "Market",
    "Management",
    "Revenue",
    "Revenues",
    "Total",
    "What",
    "Why",
    "How",
    "Who",
    "Where",
    "Read",
    "More",
    "Related",
    "Source",
    "Update",
    "Data",
    "Mining",
    "Miners",
    "Company",
    "Companies",
    "Publicly",
    "Talk",
    "Clearer",
    "Further",
    "Reading",
    "Hosting",
    "Traders",
    "Self",
    "According",
    "Nevertheless",
    "Also",
    "Even",
    "Both",
    "Each",
    "All",
    "Any",
    "No",
    "Not",
    "Our",
    "Their",
    "They",
    "We",
    "You",
    "He",
    "She",
    "His",
    "Her",
    "There",
    "Here",
    "Then",
    "Than",
    "To",
    "Of",
    "By",
    "From",
    "Up",
    "Down",
    "Over",
    "Under",
    "About",
    "Into",
    "Once",
    "AI",
    "US",
    "U.S.",
    // A capitalised run stops before a final dot: "the U.S. market" gives "U.S".
    "U.S",
    "UK",
    "U.K",
    "U.K.",
    "EU",
    "CEO",
    "CFO",
    "CTO",
    "GAAP",
    "EPS",
    "GPU",
    "GPUs",
    "HPC",
    "IPO",
    "ETF",
    "AM",
    "PM",
    "FY",
    "ASIC",
    "DEX",
    "DEXs",
    "CEX",
    "CEXs",
    "KPI",
    "KPIs",
    "P&L",
    "Q1",
    "Q2",
    "Q3",
    "Q4",
    "H1",
    "H2",
    "MW",
    "GW",
    "TWh",
    "USD",
    "EUR",
    "GBP",
    "Inc",
    "Corp",
    "LLC",
    "Ltd",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Advertisement",
    "Key",
    "Next",
    "Impact",
    "Broader",
    "Why",
    "Subscribe",
    "Stay",
    "Please",
    "Update",
    "Europe",
    "Washington",
    "Nasdaq",
    "NYSE",
    "Act",
    "Bill",
    "Later",
    "Earlier",
    "Today",
    "Yesterday",
    "Recently",
    "Separately",
    "Additionally",
    "Finally",
    "Overall",
    "Elsewhere",
    "Instead",
    "Now",
    "Thus",
    "Moreover",
    "Operationally",
    "Looking",
    "Forward",
    "Conclusion",
    "Aligning",
    "Such",
    "Could",
    "Will",
    "Is",
    "Can",
    "Should",
    "Would",
    "Does",
    "Did",
    "Has",
    "Have",
];

/// Words that end a name inside a title-case headline ("Core Scientific Stock Drops").
const HEADLINE_BREAKS: &[&str] = &[
    "Stock", "Stocks", "Shares", "Share", "Drops", "Falls", "Fell", "Rises", "Rose", "Jumps",
    "Slides", "Slips", "Plunges", "Plummet", "Plummets", "Soars", "Surges", "Tumbles", "Sinks",
    "Gains", "Climbs", "After", "As", "On", "In", "To", "For", "With", "Amid", "Posts", "Reports",
    "Says", "Is", "Are", "Was", "Will", "Could", "Revenue", "Earnings", "Deal", "The", "A", "An",
    "And", "Of", "By", "From", "Over", "Under", "Scales", "Back",
];

/// Corporate suffixes dropped from keys.
const SUFFIXES: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "co",
    "co.",
    "ltd",
    "ltd.",
    "llc",
    "plc",
    "ag",
    "sa",
    "nv",
    "limited",
    "holdings",
    "group",
];

/// [`NOT_SUBJECTS`] and [`HEADLINE_BREAKS`] as sets: every capitalised word of a text is
/// looked up in them.
static NOT_SUBJECT_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(NOT_SUBJECTS));
static HEADLINE_BREAK_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(HEADLINE_BREAKS));

/// The runs of capitalised words that may name a subject, in order: a capitalised word
/// (or an all-caps ticker, or "U.S"), then more capitalised words, "&", or a short
/// number that is part of a name ("Hut 8"). Exactly the leftmost-first matches of
///
/// ```text
/// (?-u:\b)[A-Z][A-Za-z0-9&]*(?:[.][A-Z])*(?:[ ](?:[A-Z][A-Za-z0-9&]*|&|[0-9]{1,2}(?-u:\b)))*
/// ```
///
/// read by hand: names are the most frequent thing a document holds, and a regex search
/// per run cost more than all the rest of reading them (the tests hold it to the regex).
fn capitalised_runs(text: &str) -> impl Iterator<Item = Span> + '_ {
    let bytes = text.as_bytes();
    let name_byte = |at: usize| {
        bytes
            .get(at)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'&')
    };
    let upper = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_uppercase);
    let word_end = move |mut at: usize| {
        while name_byte(at) {
            at += 1;
        }
        at
    };
    let mut at = 0;
    std::iter::from_fn(move || {
        // The next capital that starts a word.
        let start = loop {
            let candidate = crate::pattern::next_byte_in(bytes, at, b'A', b'Z')?;
            at = candidate + 1;
            if candidate == 0 || !crate::pattern::is_word_byte(bytes[candidate - 1]) {
                break candidate;
            }
        };
        let mut end = word_end(start + 1);
        while bytes.get(end) == Some(&b'.') && upper(end + 1) {
            end += 2;
        }
        while bytes.get(end) == Some(&b' ') {
            let next = end + 1;
            end = if upper(next) {
                word_end(next + 1)
            } else if bytes.get(next) == Some(&b'&') {
                next + 1
            } else {
                let digits = bytes[next..]
                    .iter()
                    .take(3)
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if !(1..=2).contains(&digits)
                    || bytes
                        .get(next + digits)
                        .is_some_and(|&b| crate::pattern::is_word_byte(b))
                {
                    break;
                }
                next + digits
            };
        }
        at = end;
        Some(Span::new(start, end))
    })
}

/// The words that open an asset's name or a sector (see [`asset_mentions`]).
pub(super) static ASSET_OPENERS: LazyLock<Openers> = LazyLock::new(|| {
    Openers::words([
        "bitcoin",
        "btc",
        "crypto",
        "cryptocurrency",
        "ether",
        "ethereum",
        "eth",
        "solana",
        "bnb",
        "xrp",
        "dogecoin",
        "doge",
    ])
});

/// Whether a line is a headline in title case ("Is BNB Getting Ready for a Big Surge"):
/// most of its longer words capitalised. There a capital does not mark a name.
fn is_title_case(line: &str) -> bool {
    // A headline is one short line with no sentence inside it.
    let line = line.trim();
    if line.len() > 160 || line.as_bytes().windows(2).any(|pair| pair == b". ") {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    if line.is_ascii() {
        // The same count over bytes: most lines are, and every line is asked.
        for word in line
            .as_bytes()
            .split(|b| !b.is_ascii_alphanumeric())
            .filter(|word| word.len() > 3)
        {
            words += 1;
            capitalised += usize::from(word[0].is_ascii_uppercase());
        }
    } else {
        for word in line
            .split(|c: char| !c.is_alphanumeric())
            .filter(|word| word.len() > 3)
        {
            words += 1;
            if word.starts_with(|c: char| c.is_uppercase()) {
                capitalised += 1;
            }
        }
    }
    words >= 3 && capitalised * 4 >= words * 3
}

static EXCHANGE_TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ ]?\((?:(?:NASDAQ|Nasdaq|NYSE|TSX|LSE|AMEX)[:]?[ ]?)?([A-Z]{2,5})\)")
        .expect("ticker pattern")
});

/// Finds every subject mention in `text`, in order, with aliases resolved within the
/// document.
pub fn mentions(text: &str) -> Vec<Mention> {
    mentions_among(text, &super::word_index(text))
}

/// [`mentions`], given the words of `text`.
pub(crate) fn mentions_among(text: &str, index: &WordIndex) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut learnt: HashMap<String, (Arc<str>, Arc<str>)> = HashMap::default();
    let mut seen: HashMap<&str, Subject> = HashMap::default();

    for run in capitalised_runs(text) {
        let mut name = run.text(text);
        // A trailing number is part of the name only if it is not the start of a figure:
        // "Hut 8," is a name, "Acme 8.5%" is a name and a figure.
        if let Some((head, number)) = name
            .rsplit_once(' ')
            .filter(|(_, n)| n.bytes().all(|b| b.is_ascii_digit()))
        {
            let after = &text[run.end..];
            let figure_follows = after.starts_with('%')
                || (after.starts_with(['.', ','])
                    && after[1..].starts_with(|c: char| c.is_ascii_digit()));
            if figure_follows || number.is_empty() {
                name = head;
            }
        }
        let name = strip_leading_stopwords(name);
        if name.is_empty() {
            continue;
        }
        // `name` is a slice of the run's text: where it starts in it is a difference of
        // addresses.
        let start = run.start + (name.as_ptr() as usize - run.text(text).as_ptr() as usize);
        let span = Span::new(start, start + name.len());
        if NOT_SUBJECT_SET.contains(name) || name.len() < 2 {
            continue;
        }
        if ASSETS
            .iter()
            .any(|(alias, _)| alias.eq_ignore_ascii_case(name))
        {
            continue; // picked up below, in any case
        }
        // A document names its subjects over and over: read each name once.
        let subject = match seen.get(name) {
            Some(subject) => subject.clone(),
            None => {
                let subject = organisation(name);
                seen.insert(name, subject.clone());
                subject
            }
        };
        // "Core Scientific (NASDAQ: CORZ)": learn the ticker.
        let rest = &text[span.end..];
        if (rest.starts_with('(') || rest.starts_with(" ("))
            && let Some(caps) = EXCHANGE_TICKER.captures(rest)
        {
            if let Some(ticker) = caps.get(1) {
                learnt.insert(
                    ticker.as_str().to_string(),
                    (subject.name.clone(), subject.key.clone()),
                );
            }
        }
        found.push(Mention { span, subject });
    }
    if !learnt.is_empty() {
        for mention in &mut found {
            if let Some((name, key)) = learnt.get(mention.span.text(text)) {
                mention.subject.name.clone_from(name);
                mention.subject.key.clone_from(key);
            }
        }
    }
    // In a title-case headline, a capitalised run is a name only if the document names it
    // elsewhere too: "Core Scientific Stock Drops" yes, "a Big Surge" no.
    // Only the lines that hold a name are asked whether they are headlines.
    let mut line = Span::new(0, 0);
    let mut line_is_title = false;
    let in_title: Vec<bool> = found
        .iter()
        .map(|mention| {
            let at = mention.span.start;
            if !(line.start <= at && at < line.end) {
                // The line holding `at`, with its line break, as `split_inclusive` cuts it.
                let start = text[..at].rfind('\n').map_or(0, |newline| newline + 1);
                let end = text[at..]
                    .find('\n')
                    .map_or(text.len(), |newline| at + newline + 1);
                line = Span::new(start, end);
                line_is_title = is_title_case(line.text(text));
            }
            line_is_title && line.contains(mention.span)
        })
        .collect();
    if in_title.contains(&true) {
        let named_elsewhere: HashSet<&str> = found
            .iter()
            .zip(&in_title)
            .filter(|(_, in_title)| !**in_title)
            .map(|(mention, _)| &*mention.subject.key)
            .collect();
        let keep: Vec<bool> = found
            .iter()
            .zip(&in_title)
            .map(|(mention, in_title)| {
                !in_title
                    || named_elsewhere.contains(&*mention.subject.key)
                    || TICKER_COMPANY_KEYS.contains(&*mention.subject.key)
            })
            .collect();
        let mut keep = keep.into_iter();
        found.retain(|_| keep.next().unwrap_or(true));
    }
    drop_common_word_openings(text, &mut found);
    asset_mentions(text, index, &mut found);
    crate::span::sort_by_position(&mut found, |mention| (mention.span.start, 0));
    found.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    found
}

/// Codes that are capitalised but name no one: currencies and time zones.
static CODES: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "USD", "EUR", "GBP", "JPY", "CHF", "CNY", "INR", "CAD", "AUD", "ET", "PT", "CT", "GMT",
        "UTC", "BST", "CET", "EST", "EDT", "PST", "PDT", "AM", "PM", "YOY", "QOQ", "Mt", "Gt",
        "MW", "GW", "GWh", "MWh", "TWh", "kWh", "Bn", "Mn", "bn", "mn", "Mb", "Gb", "MMbbl",
        "Mbbl",
    ])
});

/// What [`opening_word`] makes of a capitalised run.
enum Opening {
    Name,
    NotAName,
    /// A one-word sentence opener, in lower case: a name unless the text also writes it
    /// so.
    NameUnlessWrittenLower(String),
}

/// Drops the capitalised runs that are not names after all: a code, a number, a
/// headline shouted in capitals, or one word that is capitalised only because it opens
/// a sentence or a line ("Turnout fell", "Rebuilding is expected", "Net income") —
/// known so when the text also writes it in lower case, or it is a word of the quantity
/// or basis vocabulary.
///
/// The openers to look up are gathered first and the text's words read once for all
/// of them: a search of the whole text per opener made a long paste quadratic, and a
/// set of every word cost a hash per word of every document.
fn drop_common_word_openings(text: &str, found: &mut Vec<Mention>) {
    let openings: Vec<Opening> = found.iter().map(|m| opening_word(text, m.span)).collect();
    // The openers to look up, once each, by first letter (a to z: every opener is a
    // capitalised word in lower case).
    let mut asked: Vec<&str> = Vec::new();
    let mut by_letter: [Vec<usize>; 26] = Default::default();
    for opening in &openings {
        if let Opening::NameUnlessWrittenLower(word) = opening
            && !asked.contains(&word.as_str())
        {
            by_letter[usize::from(word.as_bytes()[0] - b'a')].push(asked.len());
            asked.push(word);
        }
    }
    let mut written_lower = vec![false; asked.len()];
    if !asked.is_empty() {
        let longest = asked.iter().map(|w| w.len()).max().unwrap_or(0);
        let bytes = text.as_bytes();
        for start in crate::pattern::word_starts(bytes) {
            // Most words start with a letter no opener starts with.
            let Some(candidates) = bytes[start]
                .checked_sub(b'a')
                .and_then(|letter| by_letter.get(usize::from(letter)))
                .filter(|candidates| !candidates.is_empty())
            else {
                continue;
            };
            let len = bytes[start..]
                .iter()
                .take(longest + 1)
                .position(|&b| !crate::pattern::is_word_byte(b))
                .unwrap_or((bytes.len() - start).min(longest + 1));
            let word = &text[start..start + len];
            if let Some(&at) = candidates.iter().find(|&&at| asked[at] == word) {
                written_lower[at] = true;
            }
        }
    }
    let mut next = 0;
    found.retain(|_| {
        let opening = &openings[next];
        next += 1;
        match opening {
            Opening::NotAName => false,
            Opening::NameUnlessWrittenLower(word) => asked
                .iter()
                .position(|asked| asked == word)
                .is_some_and(|at| !written_lower[at]),
            Opening::Name => true,
        }
    });
}

/// Whether a capitalised run is a name, not one, or a sentence opener to look up (see
/// [`drop_common_word_openings`]).
fn opening_word(text: &str, span: Span) -> Opening {
    let name = span.text(text);
    if CODES.contains(name) || name.bytes().all(|b| b.is_ascii_digit() || b == b' ') {
        return Opening::NotAName;
    }
    let words = name.split(' ').count();
    if words >= 3 && !name.bytes().any(|b| b.is_ascii_lowercase()) {
        return Opening::NotAName;
    }
    if words != 1 {
        return Opening::Name;
    }
    // Lower-cased on the stack: every one-word name of a document comes here.
    let mut buffer = [0u8; 16];
    let lowered;
    let lower = match crate::pattern::lowercase_ascii(name, &mut buffer) {
        Some(lower) => lower,
        None => {
            lowered = name.to_ascii_lowercase();
            lowered.as_str()
        }
    };
    // "GDP grew", "CPI rose": the quantity, not its holder.
    if super::quantity::names_a_quantity(lower) {
        return Opening::NotAName;
    }
    if !name.bytes().skip(1).all(|b| b.is_ascii_lowercase()) {
        return Opening::Name;
    }
    if !name.as_bytes()[0].is_ascii_uppercase() {
        return Opening::Name;
    }
    let before = text[..span.start].trim_end_matches([' ', '\t', '"', '\u{201c}', '(']);
    let opens = before.is_empty()
        || before.ends_with(['.', '!', '?', '\n', ':', '\u{2014}', '\u{2013}', '|'])
        || before.ends_with(" -");
    if !opens {
        return Opening::Name;
    }
    if super::basis::is_basis_word(lower) {
        return Opening::NotAName;
    }
    Opening::NameUnlessWrittenLower(lower.to_string())
}

/// Adds the crypto assets `text` names, in any case ("bitcoin", "BTC"), and the groups
/// of companies that mine one ("Bitcoin miners", "crypto mining firms"), which are
/// subjects of their own, not the asset. For each word that opens one, a group is read
/// first, so that sorting by start keeps it over the asset it begins with. The words are
/// the leftmost-first matches of
///
/// ```text
/// (?i)(?-u:\b)(?:bitcoin|btc|ether(?:eum)?|eth|solana|bnb|xrp|dogecoin|doge)(?-u:\b)
/// (?i)(?-u:\b)(bitcoin|btc|crypto(?:currency)?)[ ](?:mining[ ])?(?:miners|companies|firms|stocks)(?-u:\b)
/// ```
///
/// read by hand from the word starts [`ASSET_OPENERS`] admits (the tests hold it to them).
fn asset_mentions(text: &str, index: &WordIndex, found: &mut Vec<Mention>) {
    const SECTOR_ASSETS: [&str; 4] = ["bitcoin", "btc", "crypto", "cryptocurrency"];
    const GROUPS: [&str; 4] = ["miners", "companies", "firms", "stocks"];
    let bytes = text.as_bytes();
    let word_at = |start: usize| {
        let len = bytes[start..]
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(bytes.len() - start);
        &text[start..start + len]
    };
    let one_of = |word: &str, list: &[&str]| list.iter().any(|w| w.eq_ignore_ascii_case(word));
    // The end of the group named by the words after an asset's name, if they name one.
    let group_after = |asset_end: usize| {
        if bytes.get(asset_end) != Some(&b' ') {
            return None;
        }
        let mut at = asset_end + 1;
        if at < bytes.len() && word_at(at).eq_ignore_ascii_case("mining") {
            let next = at + "mining".len();
            if bytes.get(next) == Some(&b' ')
                && next + 1 < bytes.len()
                && one_of(word_at(next + 1), &GROUPS)
            {
                at = next + 1;
            }
        }
        let group = word_at(at.min(bytes.len()));
        one_of(group, &GROUPS).then_some(at + group.len())
    };
    let whole = Span::new(0, text.len());
    for &start in index.starts(super::Family::Asset.index(), whole) {
        let word = word_at(start);
        let lower = word.to_ascii_lowercase();
        if one_of(word, &SECTOR_ASSETS) {
            if let Some(end) = group_after(start + word.len()) {
                let name = match ASSETS.iter().find(|(alias, _)| *alias == lower) {
                    Some((_, display)) => format!("{display} miners"),
                    None => "Crypto miners".to_string(),
                };
                found.push(Mention {
                    span: Span::new(start, end),
                    subject: Subject {
                        key: name.to_ascii_lowercase().into(),
                        name: name.into(),
                        kind: SubjectKind::Organisation,
                    },
                });
            }
        }
        // ASSET_OPENERS leaves out "sol", too common a word to be taken for Solana
        // unless capitalised.
        if let Some((_, display)) = ASSETS.iter().find(|(alias, _)| *alias == lower) {
            found.push(Mention {
                span: Span::new(start, start + word.len()),
                subject: Subject {
                    name: (*display).into(),
                    key: display.to_ascii_lowercase().into(),
                    kind: SubjectKind::Asset,
                },
            });
        }
    }
}

fn strip_leading_stopwords(mut name: &str) -> &str {
    // A headline in title case: "Core Scientific Stock Drops 18%" names Core Scientific.
    let mut offset = 0;
    for (index, word) in name.split(' ').enumerate() {
        if index > 0 && HEADLINE_BREAK_SET.contains(word) {
            name = name[..offset].trim_end();
            break;
        }
        offset += word.len() + 1;
    }
    loop {
        let first = name.split(' ').next().unwrap_or("");
        if first.len() < name.len() && NOT_SUBJECT_SET.contains(first) {
            name = name[first.len()..].trim_start();
        } else {
            return name;
        }
    }
}

/// The subject named `name`: a known ticker's company, or the name itself.
fn organisation(name: &str) -> Subject {
    if let Some((_, company)) = TICKERS.iter().find(|(ticker, _)| *ticker == name) {
        return Subject {
            name: (*company).into(),
            key: key_of(company).into(),
            kind: SubjectKind::Organisation,
        };
    }
    Subject {
        name: name.into(),
        key: key_of(name).into(),
        kind: SubjectKind::Organisation,
    }
}

/// The alias-free key of a name: lower-case, without corporate suffixes.
pub fn key_of(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    for word in name.split_whitespace() {
        if !key.is_empty() {
            key.push(' ');
        }
        key.extend(word.chars().flat_map(char::to_lowercase));
    }
    // Drop trailing suffixes, keeping at least one word: "Polaris DS LLC" is "polaris ds".
    while let Some((head, last)) = key.rsplit_once(' ') {
        if !SUFFIXES.contains(&last) {
            break;
        }
        let keep = head.len();
        key.truncate(keep);
    }
    match NAME_ALIASES.iter().find(|(alias, _)| *alias == key) {
        Some((_, canonical)) => canonical.to_string(),
        None => key,
    }
}

/// The keys of the companies in [`TICKERS`]: named in a headline, they are subjects even
/// if the text does not name them again.
static TICKER_COMPANY_KEYS: LazyLock<HashSet<String>> =
    LazyLock::new(|| TICKERS.iter().map(|(_, company)| key_of(company)).collect());

#[cfg(test)]
mod tests {
    use super::*;

    /// The hand-written readers of asset names and mining groups find what their
    /// patterns find.
    #[test]
    fn asset_mentions_are_the_matches_of_their_patterns() {
        let mut texts = crate::pattern::random_texts(
            &[
                "bitcoin",
                "BTC",
                "Crypto",
                "cryptocurrency",
                "ether",
                "Ethereum",
                "eth",
                "sol",
                "doge",
                "x",
                " ",
                " mining",
                "Mining",
                " miners",
                "firms",
                "stocks",
                "_",
                ".",
            ],
            20_000,
            8,
        );
        texts.push(
            "Bitcoin mining companies, BTC miners, cryptocurrency firms and crypto \
            stocks; bitcoin mining miners, Ether, ETH, Solana, sol, BNB's 5%, XRP and doge."
                .to_string(),
        );
        let spans = |kind: SubjectKind| {
            move |text: &str| -> Vec<Span> {
                let mut found = Vec::new();
                asset_mentions(text, &super::super::word_index(text), &mut found);
                found
                    .into_iter()
                    .filter(|m| m.subject.kind == kind)
                    .map(|m| m.span)
                    .collect()
            }
        };
        crate::pattern::assert_same_as_regex(
            r"(?i)(?-u:\b)(?:bitcoin|btc|ether(?:eum)?|eth|solana|bnb|xrp|dogecoin|doge)(?-u:\b)",
            spans(SubjectKind::Asset),
            &texts,
        );
        crate::pattern::assert_same_as_regex(
            r"(?i)(?-u:\b)(bitcoin|btc|crypto(?:currency)?)[ ](?:mining[ ])?(?:miners|companies|firms|stocks)(?-u:\b)",
            spans(SubjectKind::Organisation),
            &texts,
        );
    }

    /// The hand-written reader of capitalised runs finds what its pattern finds.
    #[test]
    fn capitalised_runs_are_the_matches_of_their_pattern() {
        let mut texts = crate::pattern::random_texts(
            &[
                "A", "Bc", "x", "7", "42", "123", " ", ".", "&", "_", "é", "U.S.", "\n",
            ],
            20_000,
            12,
        );
        texts.push(
            "Core Scientific (NASDAQ: CORZ) and Hut 8 Corp. rose; U.S. Bitcoin Corp \
            and A & B Holdings 12 rose 8.5%. eBay, iPhone, x.Bitcoin, Hut 88 and Hut 888."
                .to_string(),
        );
        crate::pattern::assert_same_as_regex(
            r"(?-u:\b)[A-Z][A-Za-z0-9&]*(?:[.][A-Z])*(?:[ ](?:[A-Z][A-Za-z0-9&]*|&|[0-9]{1,2}(?-u:\b)))*",
            |text| capitalised_runs(text).collect(),
            &texts,
        );
    }

    fn keys(text: &str) -> Vec<(String, String)> {
        mentions(text)
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.subject.key.to_string()))
            .collect()
    }

    #[test]
    fn names_lists_and_numbers_in_names() {
        let text = "Data shows Riot, Hut 8, Bitfarms, Core Scientific, Marathon Digital and CleanSpark slid.";
        let names: Vec<String> = keys(text).into_iter().map(|(_, key)| key).collect();
        assert_eq!(
            names,
            vec![
                "riot",
                "hut 8",
                "bitfarms",
                "core scientific",
                "marathon digital",
                "cleanspark"
            ]
        );
    }

    #[test]
    fn suffixes_tickers_and_assets_share_keys() {
        assert_eq!(keys("Acme Corp. said")[0].1, "acme");
        assert_eq!(keys("the Polaris DS LLC deal")[0].1, "polaris ds");
        assert_eq!(keys("shares of CORZ fell")[0].1, "core scientific");
        assert_eq!(keys("an 18% drop in BTC prices")[0].1, "bitcoin");
        assert_eq!(keys("bitcoin's price")[0].1, "bitcoin");
    }

    #[test]
    fn a_ticker_next_to_a_name_becomes_its_alias() {
        let found = keys("Zeta Mining (NASDAQ: ZETA) rose. Later ZETA fell.");
        assert_eq!(found.last().unwrap().1, "zeta mining");
    }

    #[test]
    fn capitals_in_a_title_case_headline_name_only_what_the_text_names_again() {
        let text = "Is BNB Ready for a Big Surge to New Highs?\nAcme Corp Shares Slide Today\nAcme Corp said so.";
        let names: Vec<String> = keys(text).into_iter().map(|(name, _)| name).collect();
        assert!(names.contains(&"BNB".to_string()), "{names:?}");
        assert!(
            names.iter().all(|name| !name.contains("Surge")),
            "{names:?}"
        );
        assert!(
            names.iter().filter(|name| name.starts_with("Acme")).count() >= 2,
            "{names:?}"
        );
    }

    #[test]
    fn miners_of_an_asset_are_a_group_not_the_asset() {
        let found = keys("Bitcoin mining companies could gain, while bitcoin fell.");
        assert_eq!(found[0].1, "bitcoin miners");
        assert_eq!(found[1].1, "bitcoin");
    }

    /// Regression: a name's place in its run was searched for, so "SD" after the
    /// stop word "USD" was placed inside it.
    #[test]
    fn a_name_after_a_stop_word_keeps_its_own_place() {
        let text = "the USD SD deal";
        let found = mentions(text);
        assert_eq!(found[0].span, Span::new(8, 10));
        assert_eq!(found[0].span.text(text), "SD");
    }

    #[test]
    fn sentence_openers_are_not_subjects() {
        assert_eq!(keys("The Shares of Acme fell.")[0].0, "Acme");
        assert!(keys("Investors sold. However, it rose.").is_empty());
    }
}
