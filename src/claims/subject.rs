//! Subjects: the organisations, tickers and assets a document names, and their aliases.
//!
//! A mention is a run of capitalised words ("Core Scientific", "Polaris DS LLC",
//! "Hut 8"), a ticker ("CORZ", "(NASDAQ: CORZ)"), or a crypto asset in any case
//! ("bitcoin", "BTC"). Every mention gets a key, the same for all of a subject's names:
//! corporate suffixes are dropped ("Polaris DS LLC" is "polaris ds"), tickers and asset
//! symbols map to their names, and a ticker written next to a name in the document
//! ("Core Scientific (NASDAQ: CORZ)") becomes an alias of that name.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use crate::pattern::{CandidatePattern, Openers, Regex, word_starts};
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
    pub name: String,
    /// The alias-free key ("core scientific"); equal keys are the same subject.
    pub key: String,
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
static NOT_SUBJECT_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| NOT_SUBJECTS.iter().copied().collect());
static HEADLINE_BREAK_SET: LazyLock<HashSet<&'static str>> =
    LazyLock::new(|| HEADLINE_BREAKS.iter().copied().collect());

static CAPITALISED_RUN: LazyLock<CandidatePattern> = LazyLock::new(|| {
    // A capitalised word (or an all-caps ticker), then more capitalised words, "&", or a
    // short number that is part of a name ("Hut 8").
    CandidatePattern::new(
        r"(?-u:\b)[A-Z][A-Za-z0-9&]*(?:[.][A-Z])*(?:[ ](?:[A-Z][A-Za-z0-9&]*|&|[0-9]{1,2}(?-u:\b)))*",
    )
});

/// Where a capitalised run may start: a word with a capital first letter.
fn capitalised_starts(text: &str) -> impl Iterator<Item = usize> + '_ {
    let bytes = text.as_bytes();
    word_starts(bytes).filter(|&start| bytes[start].is_ascii_uppercase())
}

/// The companies that mine an asset, named as a group: "Bitcoin miners", "bitcoin mining
/// companies". The group is a subject of its own, not the asset.
static SECTOR: LazyLock<CandidatePattern> = LazyLock::new(|| {
    CandidatePattern::new(
        r"(?i)(?-u:\b)(?P<asset>bitcoin|btc|crypto(?:currency)?)[ ](?:mining[ ])?(?:miners|companies|firms|stocks)(?-u:\b)",
    )
});

/// The words [`SECTOR`] and [`ASSET_WORD`] open on.
static ASSET_OPENERS: LazyLock<Openers> = LazyLock::new(|| {
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
    if line.len() > 160 || line.contains(". ") {
        return false;
    }
    let (mut words, mut capitalised) = (0, 0);
    for word in line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| word.len() > 3)
    {
        words += 1;
        if word.starts_with(|c: char| c.is_uppercase()) {
            capitalised += 1;
        }
    }
    words >= 3 && capitalised * 4 >= words * 3
}

static ASSET_WORD: LazyLock<CandidatePattern> = LazyLock::new(|| {
    CandidatePattern::new(
        r"(?i)(?-u:\b)(?:bitcoin|btc|ether(?:eum)?|eth|solana|bnb|xrp|dogecoin|doge)(?-u:\b)",
    )
});

static EXCHANGE_TICKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ ]?\((?:(?:NASDAQ|Nasdaq|NYSE|TSX|LSE|AMEX)[:]?[ ]?)?([A-Z]{2,5})\)")
        .expect("ticker pattern")
});

/// Finds every subject mention in `text`, in order, with aliases resolved within the
/// document.
pub fn mentions(text: &str) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    let mut learnt: HashMap<String, (String, String)> = HashMap::new();
    let mut seen: HashMap<&str, Subject> = HashMap::new();

    for run in CAPITALISED_RUN.find_iter(text, capitalised_starts(text)) {
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
        let start = run.start + run.text(text).find(name).unwrap_or(0);
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
    let mut title_lines: Vec<Span> = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        if is_title_case(line) {
            title_lines.push(Span::new(line_start, line_start + line.len()));
        }
        line_start += line.len();
    }
    let in_title = |span: Span| {
        let index = title_lines.partition_point(|line| line.end <= span.start);
        title_lines
            .get(index)
            .is_some_and(|line| line.contains(span))
    };
    if !title_lines.is_empty() {
        let named_elsewhere: HashSet<String> = found
            .iter()
            .filter(|mention| !in_title(mention.span))
            .map(|mention| mention.subject.key.clone())
            .collect();
        found.retain(|mention| {
            !in_title(mention.span)
                || named_elsewhere.contains(&mention.subject.key)
                || TICKER_COMPANY_KEYS.contains(&mention.subject.key)
        });
    }
    for sector in SECTOR.captures_iter(text, ASSET_OPENERS.starts_in(text)) {
        let (Some(whole), Some(asset)) = (sector.span(0), sector.caps.name("asset")) else {
            continue;
        };
        let asset = asset.as_str().to_ascii_lowercase();
        let name = match ASSETS.iter().find(|(alias, _)| *alias == asset) {
            Some((_, display)) => format!("{display} miners"),
            None => "Crypto miners".to_string(),
        };
        found.push(Mention {
            span: whole,
            subject: Subject {
                key: name.to_ascii_lowercase(),
                name,
                kind: SubjectKind::Organisation,
            },
        });
    }
    for asset in ASSET_WORD.find_iter(text, ASSET_OPENERS.starts_in(text)) {
        let lower = asset.text(text).to_ascii_lowercase();
        if let Some((_, display)) = ASSETS.iter().find(|(alias, _)| *alias == lower) {
            found.push(Mention {
                span: asset,
                subject: Subject {
                    name: display.to_string(),
                    key: display.to_ascii_lowercase(),
                    kind: SubjectKind::Asset,
                },
            });
        }
    }
    found.sort_by_key(|mention| mention.span.start);
    found.dedup_by(|later, earlier| earlier.span.overlaps(later.span));
    found
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
            name: company.to_string(),
            key: key_of(company),
            kind: SubjectKind::Organisation,
        };
    }
    Subject {
        name: name.to_string(),
        key: key_of(name),
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

    /// The subject families are tried only where their filters say a match may start.
    #[test]
    fn subject_families_are_found_as_a_whole_text_search_finds_them() {
        let text = "Core Scientific (NASDAQ: CORZ) and Hut 8 Corp. rose; U.S. Bitcoin Corp \
            and BTC miners, bitcoin mining stocks, Cryptocurrency firms, ETH and Ether, \
            eBay, iPhone, x.Bitcoin, Dogecoin's 5% and BNB. A & B Holdings 12 rose 8.5%.";
        crate::pattern::assert_same_as_whole_text_search(
            &CAPITALISED_RUN,
            |text| capitalised_starts(text).collect(),
            &[text],
        );
        crate::pattern::assert_same_as_whole_text_search(
            &SECTOR,
            |text| ASSET_OPENERS.starts_in(text).collect(),
            &[text],
        );
        crate::pattern::assert_same_as_whole_text_search(
            &ASSET_WORD,
            |text| ASSET_OPENERS.starts_in(text).collect(),
            &[text],
        );
    }

    fn keys(text: &str) -> Vec<(String, String)> {
        mentions(text)
            .into_iter()
            .map(|m| (m.span.text(text).to_string(), m.subject.key))
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

    #[test]
    fn sentence_openers_are_not_subjects() {
        assert_eq!(keys("The Shares of Acme fell.")[0].0, "Acme");
        assert!(keys("Investors sold. However, it rose.").is_empty());
    }
}
