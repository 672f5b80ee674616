//! The quantity of a claim: what a figure counts or measures ("death toll", "seats",
//! "revenue", "turnout"), as an open key.
//!
//! A figure's quantity is read, in this order, from:
//!
//! 1. a word of the vocabulary right before it ("killed 115 people", "revenue of $5m",
//!    "delivered 480,000 cars"): the verb or noun that says what is counted;
//! 2. the noun it counts, right after it ("12,000 jobs", "62 turbines", "155 mph
//!    winds"), unless that noun says nothing of its own ("people", "units");
//! 3. the vocabulary word nearest it in its clause ("the death toll ... rose to 99");
//! 4. the dimension of its unit, when no word says more (megawatts are capacity, acres
//!    an area).
//!
//! Every surface word belongs to one family with one canonical name, so that "killed",
//! "dead", "deaths", "death toll" and "fatalities" all give the key "death toll". A noun
//! the vocabulary lacks is still a key of its own: "62 turbines" and "60 turbines" meet
//! under "turbines". The vocabulary is [`FAMILIES`], written once; the phrase table the
//! claim reader searches is derived from it.

use std::sync::{Arc, LazyLock};

use serde::{Serialize, Serializer};

use crate::figures::{Dimension, Figure, FigureKind};
use crate::pattern::{PhraseSpec, Phrases, WordSet};

/// What a figure counts or measures: a canonical head ("death toll"), or a noun of the
/// text the vocabulary lacks ("turbines").
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Quantity {
    key: Arc<str>,
    /// Its index in [`FAMILIES`], `None` for an open noun of the text.
    family: Option<u16>,
}

impl Quantity {
    /// The quantity named `key` in [`FAMILIES`], or an open key of that name.
    pub fn named(key: &str) -> Quantity {
        match family_of(key) {
            Some(family) => family_quantity(family),
            None => Quantity {
                key: Arc::from(key),
                family: None,
            },
        }
    }

    /// Its key: also its name in explanations ("death toll").
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Whether it is the family named `key`.
    pub fn is(&self, key: &str) -> bool {
        &*self.key == key
    }

    /// Whether the vocabulary names it (not an open noun of the text).
    pub fn is_known(&self) -> bool {
        self.family.is_some()
    }
}

impl Serialize for Quantity {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.key)
    }
}

/// The canonical names the claim reader and the checker refer to by name.
pub mod known {
    pub const SHARE_PRICE: &str = "share price";
    pub const PRICE: &str = "price";
    pub const MARKET_VALUE: &str = "market value";
    pub const REVENUE: &str = "revenue";
    pub const NET_INCOME: &str = "net income";
    pub const EPS: &str = "earnings per share";
    pub const CAPACITY: &str = "capacity";
    pub const PRODUCTION: &str = "production";
    pub const HASHRATE: &str = "hashrate";
    pub const ACQUISITION_PRICE: &str = "acquisition price";
    pub const FUNDING: &str = "funding and investment";
    pub const HEADCOUNT: &str = "headcount";
    pub const JOB_CUTS: &str = "job cuts";
    pub const ASSET_SALE: &str = "asset sale";
    pub const AREA: &str = "area";
    pub const DISTANCE: &str = "distance";
    pub const TEMPERATURE: &str = "temperature";
    pub const SPEED: &str = "speed";
    pub const ENERGY: &str = "energy";
    pub const MASS: &str = "mass";
    pub const VOLUME: &str = "volume";
}

/// Every quantity family: its canonical name, then the words and phrases that name it,
/// in lower case, each after a `|` (one string per family, not a slice of strings: the
/// page carries no pointer per word). A phrase with `=` before it matches only in lower case ("=power": the
/// noun, not "Power" in a company's name). The longest phrase wins where two overlap
/// ("earnings per share" over "earnings", "insured losses" over "losses").
///
/// Grouped by the news it comes from; a family's words are grown by meaning ("killed"
/// with "dead", "deaths", "fatalities"), not by the one word a text used.
pub const FAMILIES: &[(&str, &str)] = &[
    // Markets and companies.
    (
        known::SHARE_PRICE,
        "share price|share prices|share-price|shareprice|stock price|stock prices|\
         stock-price|shares|stock|stocks|share value",
    ),
    (
        known::MARKET_VALUE,
        "market cap|market capitalisation|market capitalization|market value|valuation|\
         valuations|valued at",
    ),
    (
        known::REVENUE,
        "revenue|revenues|sales|turnover|top line|brought in|generated|raked in|\
         net sales",
    ),
    (
        known::NET_INCOME,
        "net income|net profit|profit|profits|earnings|net loss|net losses|losses|loss|\
         bottom line",
    ),
    (
        "operating income",
        "operating income|operating profit|operating loss|operating losses|\
         operating profits|ebit|ebitda",
    ),
    ("operating margin", "operating margin|operating margins"),
    ("gross margin", "gross margin|gross margins"),
    (known::EPS, "earnings per share|eps|per share"),
    ("dividend", "dividend|dividends|payout"),
    (
        "free cash flow",
        "free cash flow|cash flow|operating cash flow",
    ),
    ("cash", "cash|cash reserves|cash pile|liquidity"),
    ("debt", "debt|borrowings|liabilities|bonds"),
    ("deposits", "deposits|deposit"),
    (
        "withdrawals",
        "withdrawals|withdrawal|withdrew|pulled out|outflows",
    ),
    (
        "deliveries",
        "deliveries|delivered|delivering|shipments|shipped|shipping|handed over",
    ),
    ("orders", "orders|order backlog|backlog|bookings|ordered"),
    (
        "subscribers",
        "subscribers|subscriber|subscriptions|paid memberships|paid members|memberships|\
         paying customers",
    ),
    (
        "users",
        "users|monthly active users|daily active users|active users|weekly users",
    ),
    (
        known::JOB_CUTS,
        "job cuts|layoffs|lay-offs|laid off|lay off|laying off|redundancies|\
         roles eliminated|positions cut|jobs cut|cut jobs|job losses|eliminate|\
         eliminated|eliminating|axe|axed|shed|shedding",
    ),
    (
        known::HEADCOUNT,
        "employees|staff|workforce|headcount|employs|employed|jobs|workers|positions|\
         roles",
    ),
    ("market share", "market share|share of the market"),
    ("stake", "stake|stakes|holding|ownership"),
    (
        "fine",
        "fine|fines|fined|penalty|penalties|settlement|settle|settled with|\
         damages awarded",
    ),
    (
        "contract value",
        "contract|contracts|contract worth|order worth|tender",
    ),
    (
        "cost",
        "cost|costs|price tag|bill|overrun|overruns|to build|cost estimate|budget",
    ),
    (
        "damage",
        "damage|damages|economic loss|economic losses|total damage|damage estimate",
    ),
    (
        "insured losses",
        "insured losses|insured loss|insurance losses|insured damage",
    ),
    (
        "offer price",
        "offer price|ipo price|priced at|offering price",
    ),
    ("discount", "discount"),
    ("premium", "premium"),
    (known::PRICE, "price|prices"),
    (
        known::ACQUISITION_PRICE,
        "acquire|acquires|acquired|acquiring|acquisition|to buy|takeover|purchase|\
         buyout|merger",
    ),
    (
        known::FUNDING,
        "funding|financing|raise|raises|raised|raising|investment|investments|invest|\
         invested|investing|construction|capex|capital expenditure|capital expenditures|\
         spending|funding round",
    ),
    (
        "grants",
        "grant|grants|subsidy|subsidies|direct funding|award|awarded",
    ),
    ("loans", "loans|loan|credit line|credit facility"),
    (
        known::ASSET_SALE,
        "sold|selling|sale of|offload|offloaded|offloading",
    ),
    ("guarantee", "guarantee|guarantees|backstop"),
    // Politics and elections.
    ("seats", "seats|seat|constituencies|mandates"),
    (
        "vote share",
        "vote share|share of the vote|of the vote|of the votes|popular vote|\
         of votes cast|of the ballots",
    ),
    ("votes", "votes|ballots|ballots cast|votes cast"),
    ("turnout", "turnout|participation|voter turnout"),
    ("margin", "margin|lead|margin of victory"),
    ("approval rating", "approval rating|approval"),
    // Disasters, health and safety.
    (
        "death toll",
        "death toll|deaths|dead|killed|killing|kills|fatalities|lives lost|died|death|\
         toll|victims|bodies|perished",
    ),
    (
        "injured",
        "injured|injuries|wounded|hurt|hospitalised|hospitalized",
    ),
    ("missing", "missing|unaccounted for|unaccounted"),
    (
        "displaced",
        "displaced|evacuated|evacuees|evacuate|evacuation|homeless|fled|rescued",
    ),
    ("cases", "cases|infections|infected"),
    ("magnitude", "magnitude"),
    (
        "wind speed",
        "winds|wind speed|wind speeds|gusts|sustained winds",
    ),
    (
        known::AREA,
        "burned|burnt|scorched|charred|area burned|burn area|area",
    ),
    (
        "structures destroyed",
        "structures|buildings|homes destroyed|buildings destroyed|structures destroyed|\
         collapsed",
    ),
    ("rainfall", "rainfall|rain|precipitation"),
    (
        known::TEMPERATURE,
        "temperature|temperatures|reading|readings",
    ),
    // The economy.
    (
        "inflation",
        "inflation|consumer prices|consumer price index|cpi|price index|cost of living|\
         price growth",
    ),
    (
        "interest rate",
        "interest rate|interest rates|policy rate|key rate|deposit rate|benchmark rate|\
         base rate|federal funds rate|borrowing costs|rates",
    ),
    (
        "unemployment rate",
        "unemployment|unemployment rate|jobless rate|jobless",
    ),
    (
        "payrolls",
        "payrolls|nonfarm payrolls|jobs added|hiring|job gains|job growth",
    ),
    ("gdp", "gdp|gross domestic product|economic growth"),
    (
        "wages",
        "wages|wage|average hourly earnings|salaries|hourly pay",
    ),
    ("exports", "exports|exported"),
    ("imports", "imports|imported"),
    ("deficit", "deficit|trade deficit|budget deficit|shortfall"),
    ("surplus", "surplus|trade surplus"),
    // Energy, infrastructure and the environment.
    (
        known::CAPACITY,
        "capacity|megawatts of power|megawatts of electricity|megawatts of capacity|\
         =power supply|=power|generating capacity",
    ),
    (
        known::PRODUCTION,
        "production|output|mined|produced|produce|produces|pumped",
    ),
    (
        "output cut",
        "output cut|output cuts|production cut|production cuts|cut output|\
         cut production",
    ),
    (known::HASHRATE, "hashrate|hash rate"),
    (
        "emissions",
        "emissions|co2|carbon dioxide|greenhouse gas|greenhouse gases|emitted",
    ),
    ("turbines", "turbines|turbine"),
    ("registrations", "registrations|registered|new cars"),
    // Science, technology and sport.
    (
        known::DISTANCE,
        "distance|travelled|traveled|farthest|off the coast|miles from",
    ),
    ("altitude", "altitude|height|elevation"),
    ("attendance", "attendance|spectators|crowd|fans"),
    ("points", "points scored|scored|goals"),
    ("stations", "stations|weather stations"),
];

/// Counted nouns that say nothing of their own: "115 people" is a death toll, a crowd
/// or a workforce as the words around it say.
static GENERIC_NOUNS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "people",
        "persons",
        "person",
        "individuals",
        "units",
        "unit",
        "times",
        "others",
        "more",
        "less",
        "ones",
        "percent",
        "per",
        "cent",
        "points",
        "point",
        "items",
        "residents",
        "those",
        "each",
        "million",
        "billion",
        "thousand",
        "new",
        "total",
    ])
});

/// Words that end a counted noun's run: "2,207 structures were damaged".
static NOUN_STOPS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "of",
        "in",
        "at",
        "on",
        "for",
        "from",
        "to",
        "by",
        "with",
        "and",
        "or",
        "but",
        "were",
        "was",
        "are",
        "is",
        "be",
        "been",
        "have",
        "has",
        "had",
        "that",
        "which",
        "who",
        "as",
        "than",
        "the",
        "a",
        "an",
        "its",
        "their",
        "this",
        "last",
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "ago",
        "earlier",
        "later",
        "each",
        "per",
        "so",
        "far",
        "will",
        "would",
        "could",
        "after",
        "before",
        "since",
        "over",
        "under",
        "into",
        "about",
        "up",
        "down",
        "more",
        "less",
        "compared",
        "against",
        "versus",
        "vs",
        "while",
        "when",
        "where",
        "said",
        "says",
        "according",
        "a",
        "it",
        "he",
        "she",
        "they",
        "we",
        "not",
        "also",
    ])
});

/// Words that may stand between a vocabulary word and the figure it names: "killed
/// 115", "revenue of $5m", "the death toll rose to 99", "Area burned: about 2,170".
static JOINERS: LazyLock<WordSet> = LazyLock::new(|| {
    WordSet::new(&[
        "of",
        "to",
        "at",
        "was",
        "were",
        "is",
        "are",
        "by",
        "about",
        "around",
        "roughly",
        "some",
        "nearly",
        "almost",
        "more",
        "than",
        "over",
        "under",
        "less",
        "fewer",
        "least",
        "up",
        "down",
        "the",
        "a",
        "an",
        "rose",
        "fell",
        "stood",
        "reached",
        "totalled",
        "totaled",
        "hit",
        "came",
        "in",
        "approximately",
        "just",
        "had",
        "has",
        "have",
        "been",
        "now",
        "another",
        "further",
        "only",
        "an",
        "estimated",
        "climbed",
        "jumped",
        "dropped",
        "increased",
        "decreased",
        "declined",
        "risen",
        "fallen",
    ])
});

/// Whether `gap`, the text between a vocabulary word and a figure, ties the two: only
/// the joining words (of, to, at, about, rose...), spaces, and a colon or dash of a label.
pub fn joins_word_to_figure(gap: &str) -> bool {
    gap.len() <= 32
        && gap
            .split([' ', ':', '\u{2013}', '\u{2014}', '-'])
            .all(|word| word.is_empty() || JOINERS.contains(word))
}

/// The index of the family named `key`.
fn family_of(key: &str) -> Option<usize> {
    // Only the claim reader's few named quantities ask (`known`): a scan will do.
    FAMILIES.iter().position(|(name, _)| *name == key)
}

/// One shared key per family: a claim's quantity costs a count, not an allocation.
static FAMILY_QUANTITIES: LazyLock<Vec<Quantity>> = LazyLock::new(|| {
    FAMILIES
        .iter()
        .enumerate()
        .map(|(index, (name, _))| Quantity {
            key: Arc::from(*name),
            family: Some(index as u16),
        })
        .collect()
});

fn family_quantity(family: usize) -> Quantity {
    FAMILY_QUANTITIES[family].clone()
}

/// The phrase table of every family's words, each meaning its family's index.
pub(super) static QUANTITY_WORDS: LazyLock<Phrases<u16>> = LazyLock::new(|| {
    let specs: Vec<PhraseSpec<u16>> = FAMILIES
        .iter()
        .enumerate()
        .flat_map(|(family, (_, words))| words.split('|').map(move |word| (word, family as u16)))
        .collect();
    Phrases::new(&specs)
});

/// The quantity a vocabulary word of family `family` names.
pub fn of_family(family: u16) -> Quantity {
    family_quantity(usize::from(family))
}

/// The family a single lower-case word belongs to, if any.
fn family_of_word(word: &str) -> Option<Quantity> {
    let (end, family) = QUANTITY_WORDS.at(word, 0)?;
    (end == word.len()).then(|| of_family(family))
}

/// Whether `word`, in lower case, is a whole phrase of the vocabulary.
pub fn names_a_quantity(word: &str) -> bool {
    family_of_word(word).is_some()
}

/// The noun a figure counts, read right after it: the last of up to three lower-case
/// words before a function word ("83 commercial jets were delivered" counts "jets").
/// `after` is the text from the figure's end to its clause's end. Returns the noun as
/// written and its quantity: its family's, or an open key of its own in the singular.
pub fn counted_noun(after: &str) -> Option<Quantity> {
    let mut last: Option<&str> = None;
    let mut rest = after;
    for _ in 0..3 {
        let trimmed = rest.strip_prefix(' ')?;
        let len = trimmed
            .bytes()
            .position(|b| !(b.is_ascii_lowercase() || b == b'-'))
            .unwrap_or(trimmed.len());
        let word = &trimmed[..len];
        if word.len() < 3 || NOUN_STOPS.contains(word) {
            break;
        }
        last = Some(word);
        rest = &trimmed[len..];
        if !rest.starts_with(' ') {
            break;
        }
    }
    let noun = last?;
    if GENERIC_NOUNS.contains(noun) {
        return None;
    }
    if let Some(quantity) = family_of_word(noun) {
        return Some(quantity);
    }
    // Only plural nouns make open keys: "62 turbines", not "155 mph winds" read as
    // "mph", nor an adjective ("12 new").
    let singular = noun.strip_suffix("ies").map_or_else(
        || noun.strip_suffix('s').map(str::to_string),
        |stem| Some(format!("{stem}y")),
    )?;
    if singular.len() < 3 || noun.ends_with("ss") {
        return None;
    }
    if let Some(quantity) = family_of_word(&singular) {
        return Some(quantity);
    }
    Some(Quantity::named(noun))
}

/// The families whose figures carry a physical unit: a figure in megawatts, acres or
/// miles takes a word's quantity only from one of these ("added 50 MW" is capacity,
/// not payrolls).
const PHYSICAL: &[&str] = &[
    known::CAPACITY,
    known::PRODUCTION,
    "output cut",
    known::HASHRATE,
    "emissions",
    known::AREA,
    known::DISTANCE,
    "altitude",
    "wind speed",
    known::TEMPERATURE,
    "rainfall",
    "magnitude",
    known::ENERGY,
    known::MASS,
    known::VOLUME,
    known::SPEED,
    "exports",
    "imports",
    "deliveries",
];

/// Whether a word's quantity can be that of a figure with this unit.
pub fn fits_unit(quantity: &Quantity, figure: &Figure) -> bool {
    let physical = figure.unit.is_some_and(|u| {
        !matches!(
            u.dimension(),
            Dimension::Money
                | Dimension::Percent
                | Dimension::PercentagePoints
                | Dimension::Multiple
                | Dimension::CryptoAmount
        )
    });
    !physical || PHYSICAL.contains(&quantity.key())
}

/// The quantity a figure's unit implies when no word names one.
pub fn of_unit(figure: &Figure) -> Option<Quantity> {
    let key = match figure.unit.map(|u| u.dimension())? {
        Dimension::Power => known::CAPACITY,
        Dimension::Hashrate => known::HASHRATE,
        Dimension::Area => known::AREA,
        Dimension::Length => known::DISTANCE,
        Dimension::Temperature => known::TEMPERATURE,
        Dimension::Speed => known::SPEED,
        Dimension::Energy => known::ENERGY,
        Dimension::Mass => known::MASS,
        Dimension::Volume => known::VOLUME,
        _ => return None,
    };
    Some(Quantity::named(key))
}

/// Whether a figure of this kind has a quantity at all (dates, durations and reading
/// times measure nothing by themselves).
pub fn measures(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Percent
            | FigureKind::Money
            | FigureKind::Quantity
            | FigureKind::Count
            | FigureKind::Multiple
            | FigureKind::Number
            | FigureKind::PercentagePoints
            | FigureKind::Fraction
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_family_word_is_in_one_family_only() {
        let mut seen = std::collections::HashMap::new();
        for (name, words) in FAMILIES {
            for word in words.split('|') {
                if let Some(other) = seen.insert(word.trim_start_matches('='), name) {
                    panic!("{word:?} is in {other:?} and {name:?}");
                }
            }
        }
    }

    #[test]
    fn a_family_s_words_all_give_its_name() {
        for word in ["killed", "fatalities", "death toll", "dead", "lives lost"] {
            assert_eq!(family_of_word(word).unwrap().key(), "death toll", "{word}");
        }
        for word in ["layoffs", "redundancies", "job cuts"] {
            assert_eq!(family_of_word(word).unwrap().key(), "job cuts", "{word}");
        }
    }

    #[test]
    fn a_counted_noun_is_the_last_word_before_a_function_word() {
        let key = |after: &str| counted_noun(after).map(|q| q.key().to_string());
        assert_eq!(
            key(" commercial jets were delivered").as_deref(),
            Some("jets")
        );
        assert_eq!(key(" turbines, each rated").as_deref(), Some("turbines"));
        assert_eq!(key(" people in the town"), None);
        assert_eq!(key(" deaths in the region").as_deref(), Some("death toll"));
        assert_eq!(key(" seats in parliament").as_deref(), Some("seats"));
        assert_eq!(key(" new"), None);
        assert_eq!(key(" of them"), None);
    }
}
