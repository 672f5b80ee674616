//! The units a figure can carry, and how to read them after a numeral.
//!
//! Every unit belongs to a [`Dimension`] and knows its factor to that dimension's base
//! unit, so that "1,200 MW" and "1.2 GW" compare equal and power is never compared with
//! energy. Currencies are units of the [`Dimension::Money`] dimension whose symbol is the
//! ISO 4217 code; the checker never converts between currencies.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::pattern::Regex;
use serde::{Serialize, Serializer};

/// What a unit measures. Figures are comparable only within one dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Percent,
    PercentagePoints,
    /// One currency per symbol: USD is never compared with EUR.
    Money,
    Power,
    Energy,
    Hashrate,
    /// An amount of a crypto asset (BTC, ETH), one asset per symbol.
    CryptoAmount,
    Data,
    Length,
    Mass,
    Volume,
    Area,
    Temperature,
    Speed,
    Time,
    /// "3x", "doubled".
    Multiple,
}

/// A unit's definition: its canonical symbol, dimension and factor to the base unit.
#[derive(Debug, PartialEq)]
pub struct UnitDef {
    pub symbol: &'static str,
    pub dimension: Dimension,
    pub to_base: f64,
}

/// A unit, by reference to its static definition. Serialises as its symbol.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit(&'static UnitDef);

impl Unit {
    pub fn symbol(self) -> &'static str {
        self.0.symbol
    }

    pub fn dimension(self) -> Dimension {
        self.0.dimension
    }

    pub fn to_base(self) -> f64 {
        self.0.to_base
    }

    /// Whether values in the two units can be compared after conversion to base units.
    /// Currencies and crypto assets compare only with themselves.
    pub fn commensurable(self, other: Unit) -> bool {
        match self.dimension() {
            Dimension::Money | Dimension::CryptoAmount | Dimension::Temperature => {
                self.symbol() == other.symbol()
            }
            dimension => dimension == other.dimension(),
        }
    }

    /// The unit with this canonical symbol ("MW", "USD", "%").
    pub fn from_symbol(symbol: &str) -> Option<Unit> {
        UNITS.iter().find(|def| def.symbol == symbol).map(Unit)
    }

    /// The base unit of this unit's dimension, as a display symbol.
    pub fn base_symbol(self) -> &'static str {
        match self.dimension() {
            Dimension::Power => "W",
            Dimension::Energy => "Wh",
            Dimension::Hashrate => "H/s",
            Dimension::Data => "B",
            Dimension::Length => "m",
            Dimension::Mass => "g",
            Dimension::Volume => "L",
            Dimension::Area => "m²",
            Dimension::Speed => "km/h",
            Dimension::Time => "s",
            Dimension::PercentagePoints => "pp",
            _ => self.symbol(),
        }
    }
}

impl Serialize for Unit {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.symbol())
    }
}

macro_rules! units {
    ($($symbol:literal $dimension:ident $to_base:expr;)*) => {
        &[$(UnitDef { symbol: $symbol, dimension: Dimension::$dimension, to_base: $to_base },)*]
    };
}

const DAY: f64 = 86_400.0;

static UNITS: &[UnitDef] = units! {
    "%" Percent 1.0;
    "pp" PercentagePoints 1.0;
    "bp" PercentagePoints 0.01;
    "USD" Money 1.0; "EUR" Money 1.0; "GBP" Money 1.0; "JPY" Money 1.0; "CNY" Money 1.0;
    "CHF" Money 1.0; "CAD" Money 1.0; "AUD" Money 1.0; "HKD" Money 1.0; "INR" Money 1.0;
    "KRW" Money 1.0; "SGD" Money 1.0; "NZD" Money 1.0; "MXN" Money 1.0; "BRL" Money 1.0;
    "SEK" Money 1.0; "NOK" Money 1.0; "DKK" Money 1.0; "RUB" Money 1.0; "ZAR" Money 1.0;
    "MYR" Money 1.0; "EGP" Money 1.0; "TRY" Money 1.0; "SAR" Money 1.0; "QAR" Money 1.0;
    "AED" Money 1.0; "ILS" Money 1.0; "KWD" Money 1.0; "LBP" Money 1.0; "UAH" Money 1.0;
    "MNT" Money 1.0; "BGN" Money 1.0; "PLN" Money 1.0; "THB" Money 1.0; "IDR" Money 1.0;
    "PHP" Money 1.0; "TWD" Money 1.0; "NGN" Money 1.0; "KES" Money 1.0; "PKR" Money 1.0;
    "CZK" Money 1.0; "HUF" Money 1.0; "ARS" Money 1.0; "CLP" Money 1.0; "COP" Money 1.0;
    "CRC" Money 1.0; "GEL" Money 1.0; "LAK" Money 1.0; "LKR" Money 1.0; "VND" Money 1.0;
    "W" Power 1.0; "kW" Power 1e3; "MW" Power 1e6; "GW" Power 1e9; "TW" Power 1e12;
    "Wh" Energy 1.0; "kWh" Energy 1e3; "MWh" Energy 1e6; "GWh" Energy 1e9; "TWh" Energy 1e12;
    "H/s" Hashrate 1.0; "TH/s" Hashrate 1e12; "PH/s" Hashrate 1e15; "EH/s" Hashrate 1e18;
    "BTC" CryptoAmount 1.0; "ETH" CryptoAmount 1.0;
    "B" Data 1.0; "kB" Data 1e3; "MB" Data 1e6; "GB" Data 1e9; "TB" Data 1e12; "PB" Data 1e15;
    "dm" Length 0.1; "mm" Length 1e-3; "cm" Length 1e-2; "m" Length 1.0; "km" Length 1e3;
    "in" Length 0.0254; "ft" Length 0.3048; "yd" Length 0.9144; "mi" Length 1609.344;
    "nmi" Length 1852.0;
    "µg" Mass 1e-6; "mg" Mass 1e-3; "g" Mass 1.0; "kg" Mass 1e3; "t" Mass 1e6; "lb" Mass 453.592_37;
    "oz" Mass 28.349_523_125; "ton" Mass 907_184.74;
    "mL" Volume 1e-3; "cL" Volume 1e-2; "dL" Volume 0.1; "L" Volume 1.0; "hL" Volume 100.0;
    // US customary kitchen measures, as recipes and the peers' suites use them.
    "cup" Volume 0.236_588_236_5; "tbsp" Volume 0.014_786_764_781_25;
    "tsp" Volume 0.004_928_921_593_75; "gal" Volume 3.785_411_784; "bbl" Volume 158.987_294_928;
    "m³" Volume 1e3;
    "m²" Area 1.0; "km²" Area 1e6; "ha" Area 1e4; "acre" Area 4_046.856_422_4;
    "sq ft" Area 0.092_903_04; "sq mi" Area 2_589_988.110_336;
    "°C" Temperature 1.0; "°F" Temperature 1.0;
    "km/h" Speed 1.0; "mph" Speed 1.609_344; "m/s" Speed 3.6;
    "s" Time 1.0; "min" Time 60.0; "h" Time 3600.0; "day" Time DAY; "week" Time 7.0 * DAY;
    "month" Time 30.436_875 * DAY; "year" Time 365.2425 * DAY;
    "x" Multiple 1.0;
};

/// Written forms of units after a numeral: symbols are matched case-sensitively
/// ("MW" is megawatts, "mW" would be milliwatts and is not listed), words
/// case-insensitively, singular or plural.
static SYMBOL_FORMS: &[(&str, &str)] = &[
    ("W", "W"),
    ("kW", "kW"),
    ("KW", "kW"),
    ("MW", "MW"),
    ("GW", "GW"),
    ("TW", "TW"),
    ("Wh", "Wh"),
    ("kWh", "kWh"),
    ("KWh", "kWh"),
    ("MWh", "MWh"),
    ("GWh", "GWh"),
    ("TWh", "TWh"),
    ("H/s", "H/s"),
    ("TH/s", "TH/s"),
    ("Th/s", "TH/s"),
    ("PH/s", "PH/s"),
    ("Ph/s", "PH/s"),
    ("EH/s", "EH/s"),
    ("Eh/s", "EH/s"),
    ("BTC", "BTC"),
    ("ETH", "ETH"),
    ("kB", "kB"),
    ("KB", "kB"),
    ("MB", "MB"),
    ("GB", "GB"),
    ("TB", "TB"),
    ("PB", "PB"),
    ("dm", "dm"),
    ("mm", "mm"),
    ("cm", "cm"),
    ("m", "m"),
    ("km", "km"),
    ("kms", "km"),
    ("ft", "ft"),
    ("yd", "yd"),
    ("yds", "yd"),
    ("mi", "mi"),
    ("nmi", "nmi"),
    ("µg", "µg"),
    ("μg", "µg"),
    ("mg", "mg"),
    ("g", "g"),
    ("gs", "g"),
    ("kg", "kg"),
    ("kgs", "kg"),
    ("k.g.", "kg"),
    ("t", "t"),
    ("lb", "lb"),
    ("lbs", "lb"),
    ("oz", "oz"),
    ("ml", "mL"),
    ("mls", "mL"),
    ("mL", "mL"),
    ("cl", "cL"),
    ("cL", "cL"),
    ("dl", "dL"),
    ("dL", "dL"),
    ("hl", "hL"),
    ("hL", "hL"),
    ("tbsp", "tbsp"),
    ("tsp", "tsp"),
    ("l", "L"),
    ("L", "L"),
    ("gal", "gal"),
    ("gals", "gal"),
    ("bbl", "bbl"),
    ("m3", "m³"),
    ("m³", "m³"),
    ("m2", "m²"),
    ("m²", "m²"),
    ("km2", "km²"),
    ("km^2", "km²"),
    ("km squared", "km²"),
    ("m squared", "m²"),
    ("m^2", "m²"),
    ("km²", "km²"),
    ("ha", "ha"),
    ("sq ft", "sq ft"),
    ("sq mi", "sq mi"),
    ("sq km", "km²"),
    ("sq m", "m²"),
    ("°C", "°C"),
    ("ºC", "°C"),
    ("°F", "°F"),
    ("ºF", "°F"),
    // A degree sign with a spelled-out scale.
    ("° celsius", "°C"),
    ("°celsius", "°C"),
    ("° fahrenheit", "°F"),
    ("°fahrenheit", "°F"),
    ("° Celsius", "°C"),
    ("° Fahrenheit", "°F"),
    ("km/h", "km/h"),
    ("kph", "km/h"),
    ("kmh", "km/h"),
    ("kmph", "km/h"),
    ("km/hr", "km/h"),
    ("mph", "mph"),
    ("m/s", "m/s"),
    ("sec", "s"),
    ("secs", "s"),
    ("min", "min"),
    ("mins", "min"),
    ("hr", "h"),
    ("hrs", "h"),
    // Age in clinical and social writing: "an 87 yo man".
    ("yo", "year"),
    ("y/o", "year"),
];

static WORD_FORMS: &[(&str, &str)] = &[
    ("watt", "W"),
    ("kilowatt", "kW"),
    ("megawatt", "MW"),
    ("gigawatt", "GW"),
    ("terawatt", "TW"),
    ("watt-hour", "Wh"),
    ("watt hour", "Wh"),
    ("kilowatt-hour", "kWh"),
    ("kilowatt hour", "kWh"),
    ("megawatt-hour", "MWh"),
    ("megawatt hour", "MWh"),
    ("gigawatt-hour", "GWh"),
    ("gigawatt hour", "GWh"),
    ("terawatt-hour", "TWh"),
    ("terawatt hour", "TWh"),
    ("terahash per second", "TH/s"),
    ("terahash", "TH/s"),
    ("petahash per second", "PH/s"),
    ("petahash", "PH/s"),
    ("exahash per second", "EH/s"),
    ("exahash", "EH/s"),
    ("bitcoin", "BTC"),
    ("ether", "ETH"),
    ("byte", "B"),
    ("kilobyte", "kB"),
    ("megabyte", "MB"),
    ("gigabyte", "GB"),
    ("terabyte", "TB"),
    ("petabyte", "PB"),
    ("decimetre", "dm"),
    ("decimeter", "dm"),
    ("millimetre", "mm"),
    ("millimeter", "mm"),
    ("centimetre", "cm"),
    ("centimeter", "cm"),
    ("metre", "m"),
    ("meter", "m"),
    ("kilometre", "km"),
    ("kilometer", "km"),
    ("inch", "in"),
    ("inche", "in"),
    ("foot", "ft"),
    ("feet", "ft"),
    ("yard", "yd"),
    ("mile", "mi"),
    ("nautical mile", "nmi"),
    ("microgram", "µg"),
    ("milligram", "mg"),
    ("gram", "g"),
    ("kilogram", "kg"),
    ("kilo", "kg"),
    ("tonne", "t"),
    ("metric ton", "t"),
    ("pound", "lb"),
    ("ounce", "oz"),
    ("ton", "ton"),
    ("millilitre", "mL"),
    ("milliliter", "mL"),
    ("centilitre", "cL"),
    ("centiliter", "cL"),
    ("decilitre", "dL"),
    ("deciliter", "dL"),
    ("hectolitre", "hL"),
    ("hectoliter", "hL"),
    ("cup", "cup"),
    ("tablespoon", "tbsp"),
    ("teaspoon", "tsp"),
    ("litre", "L"),
    ("liter", "L"),
    ("gallon", "gal"),
    ("barrel", "bbl"),
    ("cubic metre", "m³"),
    ("cubic meter", "m³"),
    ("square metre", "m²"),
    ("square meter", "m²"),
    ("square kilometre", "km²"),
    ("square kilometer", "km²"),
    ("hectare", "ha"),
    ("acre", "acre"),
    ("square foot", "sq ft"),
    ("square feet", "sq ft"),
    ("square mile", "sq mi"),
    ("degrees celsius", "°C"),
    ("degree celsius", "°C"),
    ("degrees centigrade", "°C"),
    ("degrees fahrenheit", "°F"),
    ("degree fahrenheit", "°F"),
    ("celsius", "°C"),
    ("fahrenheit", "°F"),
    // Common misspellings, and "degrees" with the scale's letter.
    ("celcius", "°C"),
    ("farenheit", "°F"),
    ("degrees celcius", "°C"),
    ("degrees farenheit", "°F"),
    ("degrees c", "°C"),
    ("degree c", "°C"),
    ("degrees f", "°F"),
    ("degree f", "°F"),
    ("deg c", "°C"),
    ("deg f", "°F"),
    ("deg celsius", "°C"),
    ("deg fahrenheit", "°F"),
    ("kilometres per hour", "km/h"),
    ("kilometers per hour", "km/h"),
    ("miles per hour", "mph"),
    ("miles an hour", "mph"),
    ("mile an hour", "mph"),
    ("kilometres an hour", "km/h"),
    ("kilometers an hour", "km/h"),
    ("metres per second", "m/s"),
    ("meters per second", "m/s"),
    ("second", "s"),
    ("minute", "min"),
    ("hour", "h"),
    ("day", "day"),
    ("week", "week"),
    ("month", "month"),
    ("year", "year"),
];

fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.collect();
    // Longest first, so that "kWh" wins over "kW" and "megawatt hour" over "megawatt".
    crate::span::sort_by_position(&mut forms, |form| (usize::MAX - form.len(), 0));
    forms
        .iter()
        .map(|form| crate::pattern::escape(form))
        .collect::<Vec<_>>()
        .join("|")
}

/// Gap allowed between a numeral and its unit: nothing, one space (also no-break and
/// thin spaces), or a hyphen ("200-megawatt").
const GAP: &str = r"(?:[ \x{00A0}\x{202F}\x{2009}]|-)?";

static SYMBOL_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let forms = alternation(SYMBOL_FORMS.iter().map(|(form, _)| *form));
    Regex::new(&format!("^{GAP}({forms})")).expect("symbol unit pattern")
});

static WORD_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let forms = alternation(WORD_FORMS.iter().map(|(form, _)| *form));
    Regex::new(&format!(r"^{GAP}(?i:({forms})(?:e?s)?)")).expect("word unit pattern")
});

static SYMBOL_INDEX: LazyLock<HashMap<&'static str, &'static str>> =
    LazyLock::new(|| SYMBOL_FORMS.iter().copied().collect());

static WORD_INDEX: LazyLock<HashMap<String, &'static str>> = LazyLock::new(|| {
    WORD_FORMS
        .iter()
        .map(|(form, symbol)| (form.to_string(), *symbol))
        .collect()
});

/// Reads a unit at the start of `after` (the text right after a numeral). Returns the
/// unit and the number of bytes it takes, gap included.
///
/// The unit must end at a word boundary: "5 min" is minutes, "5 mining rigs" is not.
pub fn unit_after(after: &str) -> Option<(Unit, usize)> {
    let ends_word = |end: usize| {
        !after[end..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
    };
    if let Some(caps) = WORD_AFTER.captures(after) {
        let whole = caps.get(0)?;
        if ends_word(whole.end()) {
            let word = caps.get(1)?.as_str().to_lowercase();
            if let Some(symbol) = WORD_INDEX.get(word.as_str()) {
                return Some((Unit::from_symbol(symbol)?, whole.end()));
            }
        }
    }
    if let Some(len) = inches_or_feet_after(after) {
        return Some(len);
    }
    if let Some(len) = bracketed_unit_after(after) {
        return Some(len);
    }
    let caps = SYMBOL_AFTER.captures(after)?;
    let whole = caps.get(0)?;
    // "/" and "." may follow a symbol ("5 km/h" is matched whole above; "5 km." ends a
    // sentence), but a letter or digit may not.
    if !ends_word(whole.end()) {
        return None;
    }
    // "24703 L-202": a symbol set apart from the numeral but glued to a number after a
    // hyphen is part of a code ("3km-5km" is a range).
    let rest = &after[whole.end()..];
    let spaced = caps.get(1).is_some_and(|symbol| symbol.start() > 0);
    if spaced && rest.starts_with('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let symbol = SYMBOL_INDEX.get(caps.get(1)?.as_str())?;
    Some((Unit::from_symbol(symbol)?, whole.end()))
}

/// A unit symbol in brackets, as tables and specifications write it: "20 (kg)".
fn bracketed_unit_after(after: &str) -> Option<(Unit, usize)> {
    let inner = after.strip_prefix(' ').unwrap_or(after);
    let open = inner.chars().next()?;
    let close = match open {
        '(' => ')',
        '[' => ']',
        '{' => '}',
        '<' => '>',
        _ => return None,
    };
    let body = &inner[1..];
    let end = body.find(close)?;
    let symbol = SYMBOL_INDEX.get(&body[..end])?;
    Some((
        Unit::from_symbol(symbol)?,
        after.len() - body.len() + end + 1,
    ))
}

/// What may follow "in" for it to mean inches: "2 in thick", "5 in." at the end of a
/// sentence. Anything else ("5 in March", "one in four") makes it the preposition.
static INCH_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:$|[,;)]|\.(?:$|\s)|\x20(?:thick|long|wide|tall|high|deep|across|in\x20diameter|more\x20or\x20less)(?-u:\b))")
        .expect("inch context pattern")
});

/// Inches and feet written with marks glued to the numeral ("9\"", "5''", "7′") or as
/// "in" where the words after it rule out the preposition.
fn inches_or_feet_after(after: &str) -> Option<(Unit, usize)> {
    let not_glued = |rest: &str| !rest.chars().next().is_some_and(char::is_alphanumeric);
    for (mark, symbol) in [
        ("\"", "in"),
        ("''", "in"),
        ("″", "in"),
        ("′", "ft"),
        ("'", "ft"),
    ] {
        if let Some(rest) = after.strip_prefix(mark)
            && not_glued(rest)
        {
            return Some((Unit::from_symbol(symbol)?, mark.len()));
        }
    }
    let spaced = after
        .strip_prefix(' ')
        .or_else(|| after.strip_prefix('\u{a0}'))?;
    // "10 \" long": a spaced mark only with a word of size after it.
    if let Some(rest) = spaced.strip_prefix('"')
        && rest.starts_with(' ')
        && INCH_CONTEXT.is_match(rest)
    {
        return Some((Unit::from_symbol("in")?, after.len() - rest.len()));
    }
    let rest = spaced.strip_prefix("in")?;
    INCH_CONTEXT
        .is_match(rest)
        .then(|| Some((Unit::from_symbol("in")?, after.len() - rest.len())))
        .flatten()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(after: &str) -> Option<(&'static str, usize)> {
        unit_after(after).map(|(unit, len)| (unit.symbol(), len))
    }

    #[test]
    fn every_form_names_a_defined_unit() {
        for (form, symbol) in SYMBOL_FORMS.iter().chain(WORD_FORMS) {
            assert!(
                Unit::from_symbol(symbol).is_some(),
                "{form} -> {symbol} is undefined"
            );
        }
    }

    #[test]
    fn symbols_and_words_read_with_their_gap() {
        assert_eq!(read(" MW of power"), Some(("MW", 3)));
        assert_eq!(read("MW."), Some(("MW", 2)));
        assert_eq!(read(" megawatts of"), Some(("MW", 10)));
        assert_eq!(read("-megawatt plant"), Some(("MW", 9)));
        assert_eq!(read(" gigawatt-hours"), Some(("GWh", 15)));
        assert_eq!(read(" EH/s"), Some(("EH/s", 5)));
        assert_eq!(read("\u{a0}km"), Some(("km", 4)));
    }

    #[test]
    fn power_and_energy_stay_apart() {
        assert_eq!(read(" kWh"), Some(("kWh", 4)));
        assert_eq!(read(" kW"), Some(("kW", 3)));
        let kw = Unit::from_symbol("kW").unwrap();
        let kwh = Unit::from_symbol("kWh").unwrap();
        assert!(!kw.commensurable(kwh));
    }

    #[test]
    fn inches_only_where_in_cannot_be_the_preposition() {
        assert_eq!(read(" in thick"), Some(("in", 3)));
        assert_eq!(read(" in."), Some(("in", 3)));
        assert_eq!(read("\" long"), Some(("in", 1)));
        assert_eq!(read(" in March"), None);
        assert_eq!(read(" in the world"), None);
        assert_eq!(read("\"a"), None);
    }

    #[test]
    fn temperatures_in_their_common_spellings() {
        assert_eq!(read(" degrees F"), Some(("°F", 10)));
        assert_eq!(read(" deg c"), Some(("°C", 6)));
        assert_eq!(read(" ° celsius"), Some(("°C", 11)));
        assert_eq!(read(" degrees colder"), None);
    }

    #[test]
    fn a_unit_must_end_its_word() {
        assert_eq!(read(" mining rigs"), None);
        assert_eq!(read(" monthly"), None);
        assert_eq!(read(" GWx"), None);
    }

    #[test]
    fn currencies_compare_only_with_themselves() {
        let usd = Unit::from_symbol("USD").unwrap();
        let eur = Unit::from_symbol("EUR").unwrap();
        assert!(usd.commensurable(usd));
        assert!(!usd.commensurable(eur));
    }
}
