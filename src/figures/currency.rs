//! Currencies around a numeral: signs and codes before it ("$", "US$", "€", "USD", "Rs"),
//! signs, codes and words after it ("10 €", "42 MYR", "40 euros", "1.20 cents"), and the
//! cents of a compound amount ("3 dollars 50 cents", "$20 and 43c").
//!
//! Every currency becomes its ISO 4217 code; the table of codes lives in [`super::unit`].
//! A sign that several currencies share ("$") means US dollars unless a prefix says
//! otherwise ("C$", "HK$", "NZ$"); a single-letter prefix must be glued to the sign, since
//! "A $5 bill" is five US dollars.

use std::sync::LazyLock;

use crate::pattern::Regex;

use super::numeral;
use super::unit::Unit;

/// A currency read before a numeral: the unit and where its sign or code starts, as an
/// offset into the text given to [`currency_before`].
pub struct Before {
    pub unit: Unit,
    pub start: usize,
    /// Read from a currency's name ("ringgit 42"), where a year may follow as well.
    pub named: bool,
}

/// A currency read after a numeral.
pub struct After {
    pub unit: Unit,
    /// Bytes taken, gap included.
    pub len: usize,
    /// The amount was stated in hundredths: "50 cents", "197 pence", "10¢".
    pub hundredths: bool,
    /// A scale folded into the code: "120 MEUR" is 120 million euros.
    pub scale: Option<f64>,
}

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)(?:
            (?:(?-u:\b)(?P<prefix>US|U\.S\.|CA|AU|HK|NZ|SG|MX|Mex|NT|us|u\.s\.|c|ca|cad|aud|hk|hkd|nz|nzd|mx|mex|mxn|usd)\x20?)?
            (?P<sign>\$)
          | (?P<glued>[CASR])\$
          | (?P<symbol>[€£¥₹₩₡₾₭₺₽₪₦₿元])
          | (?-u:\b)(?P<code>USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|HKD|INR|Rs\.?|MYR|RM|UAH|SGD|NZD|SEK|NOK|DKK|ZAR|BRL|MXN)
          | (?-u:\b)(?i:(?P<name>(?:malaysian?\x20)?ringgits?|rupiah|baht|yuan|renminbi|naira|zlotys?|hryvnias?))
          )[\x20\x{00A0}]?$",
    )
    .expect("currency prefix pattern")
});

/// Whether `before` may end with what [`BEFORE`] reads: a sign, a code, or a currency's
/// name, then at most one space. Most numerals follow a word such as "fell" or "to", and
/// this check spares them the pattern, which costs most where regex-lite runs it.
fn may_end_with_currency(before: &str) -> bool {
    let trimmed = before.strip_suffix([' ', '\u{a0}']).unwrap_or(before);
    let Some(last) = trimmed.chars().next_back() else {
        return false;
    };
    if last == '$' || "€£¥₹₩₡₾₭₺₽₪₦₿元".contains(last) {
        return true;
    }
    let word_start = trimmed
        .trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == '.')
        .len();
    let word = trimmed[word_start..].trim_end_matches('.');
    let code = (2..=3).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    code || word == "Rs" || {
        let lower = word.to_ascii_lowercase();
        matches!(
            lower.as_str(),
            "ringgit"
                | "ringgits"
                | "rupiah"
                | "baht"
                | "yuan"
                | "renminbi"
                | "naira"
                | "zloty"
                | "zlotys"
                | "hryvnia"
                | "hryvnias"
        )
    }
}

/// Codes, signs and words after a numeral; group `scale` is a scale word written after a
/// code ("75 USD million").
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^(?:[\x20\x{00A0}]|-)?(?:
            M(?P<million>USD|EUR|GBP|AUD|CAD|CHF|SEK|NOK|DKK)(?-u:\b)
          | (?P<us>US\$)
          | (?P<egp>L\.E\.?|LE|l\.e\.?)(?-u:\b)
          | (?P<rupees>Rs)(?-u:\b)
          | (?P<code>USD|EUR|GBP|JPY|CNY|RMB|CHF|CAD|AUD|HKD|INR|KRW|SGD|NZD|MXN|BRL|SEK|NOK|DKK
                |RUB|ZAR|MYR|RM|EGP|TRY|SAR|QAR|AED|ILS|KWD|LBP|UAH|MNT|BGN|PLN|THB|IDR|PHP|TWD
                |NGN|KES|PKR|CZK|HUF|ARS|CLP|COP|VND|(?i:usd|eur|gbp|rmb))(?-u:\b)
          | (?P<symbol>[$€£¥₹₩₡₾₭₺₽₪₦₿元¢])
          | (?i:(?P<word>
                (?:us|u\.s\.|american|canadian|australian|hong\x20kong|new\x20zealand|singapore|taiwan)\x20dollars?
              | dollars?|bucks|euros?|pounds\x20sterling|sterling|british\x20pounds?
              | egyptian\x20?pounds?|lebanese\x20pounds?|yen|(?:chinese\x20)?yuan|renminbi
              | (?:indian\x20)?rupees?|swiss\x20francs?|(?:malaysian?\x20)?ringgits?|shekels?|tugriks?
              | kuwaiti\x20dinars?|qatari\x20riyals?|saudi\x20?riyals?|(?:turkish\x20)?liras?|zlotys?
              | baht|rupiah|naira|rand|(?:russian\x20)?(?:rubles?|roubles?)|hryvnias?|mexican\x20pesos?
              | cents?|pence|penny|pennies
            )(?-u:\b))
        )",
    )
    .expect("currency suffix pattern")
});

/// The cents after a whole amount: "3 dollars 50 cents", "$20 and 43c", "17 USD 25 cents".
static CENTS_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^,?[\x20\x{00A0}](?:and[\x20\x{00A0}])?").expect("cents lead pattern")
});

static CENTS_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\x20\x{00A0}]?(?:cents?|c|¢|pence|p|sens?|kopiykas?)(?-u:\b)")
        .expect("cents word pattern")
});

/// Reads a currency sign or code at the end of `before`.
pub fn currency_before(before: &str) -> Option<Before> {
    if !may_end_with_currency(before) {
        return None;
    }
    let found = BEFORE.captures(before)?;
    let start = found.get(0)?.start();
    let code = if let Some(prefix) = found.name("prefix") {
        match prefix.as_str().to_ascii_lowercase().trim_end_matches('.') {
            "c" | "ca" | "cad" => "CAD",
            "au" | "aud" => "AUD",
            "hk" | "hkd" => "HKD",
            "nz" | "nzd" => "NZD",
            "sg" => "SGD",
            "mx" | "mex" | "mxn" => "MXN",
            "nt" => "TWD",
            _ => "USD",
        }
    } else if let Some(glued) = found.name("glued") {
        match glued.as_str() {
            "C" => "CAD",
            "A" => "AUD",
            "S" => "SGD",
            _ => "BRL",
        }
    } else if found.name("sign").is_some() {
        "USD"
    } else if let Some(symbol) = found.name("symbol") {
        symbol_code(symbol.as_str())
    } else if let Some(name) = found.name("name") {
        // Currency names that are no other English word may also come first, as in
        // "ringgit 42"; "dollars", "pounds" and "won" may not.
        word_code(&name.as_str().to_ascii_lowercase()).0
    } else {
        match found.name("code")?.as_str().trim_end_matches('.') {
            "RMB" => "CNY",
            "Rs" => "INR",
            "RM" => "MYR",
            code => code,
        }
    };
    Some(Before {
        unit: Unit::from_symbol(code)?,
        start,
        named: found.name("name").is_some(),
    })
}

/// Reads a currency code, sign or word at the start of `after`.
pub fn currency_after(after: &str) -> Option<After> {
    let found = AFTER.captures(after)?;
    let len = found.get(0)?.end();
    let scale = found.name("million").map(|_| 1e6);
    let (code, hundredths) = if let Some(code) = found.name("million") {
        (Unit::from_symbol(code.as_str())?.symbol(), false)
    } else if found.name("us").is_some() {
        ("USD", false)
    } else if found.name("egp").is_some() {
        ("EGP", false)
    } else if found.name("rupees").is_some() {
        ("INR", false)
    } else if let Some(code) = found.name("code") {
        let code = code.as_str().to_ascii_uppercase();
        let code = match code.as_str() {
            "RMB" => "CNY",
            "RM" => "MYR",
            _ => Unit::from_symbol(&code)?.symbol(),
        };
        (code, false)
    } else if let Some(symbol) = found.name("symbol") {
        match symbol.as_str() {
            "¢" => ("USD", true),
            symbol => (symbol_code(symbol), false),
        }
    } else {
        let word = found.name("word")?.as_str().to_ascii_lowercase();
        word_code(&word)
    };
    Some(After {
        unit: Unit::from_symbol(code)?,
        len,
        hundredths,
        scale,
    })
}

/// Reads the cents of a compound amount at the start of `after`: returns their value in
/// hundredths ("50" for "50 cents") and the bytes taken.
pub fn cents_after(after: &str) -> Option<(f64, usize)> {
    let lead = CENTS_LEAD.find(after)?.end();
    let rest = &after[lead..];
    let (value, numeral_len) = match numeral::digit_run_at_start(rest) {
        Some(found) if found.len() <= 2 => (found.text(rest).parse::<f64>().ok()?, found.end),
        Some(_) => return None,
        None => {
            let words = numeral::word_numeral_at_start(rest)?;
            (words.value, words.span.end)
        }
    };
    if !(1.0..100.0).contains(&value) {
        return None;
    }
    let tail = &rest[numeral_len..];
    let unit_len = match CENTS_WORD.find(tail) {
        Some(unit) => unit.end(),
        // "15 dollars 50." with nothing after the cents but the end of the sentence.
        None if numeral_len == 2
            && (tail.is_empty() || tail.starts_with(['.', ',', ';', '!', '?'])) =>
        {
            0
        }
        None => return None,
    };
    Some((value, lead + numeral_len + unit_len))
}

fn symbol_code(symbol: &str) -> &'static str {
    match symbol {
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "元" => "CNY",
        "₹" => "INR",
        "₩" => "KRW",
        "₡" => "CRC",
        "₾" => "GEL",
        "₭" => "LAK",
        "₺" => "TRY",
        "₽" => "RUB",
        "₪" => "ILS",
        "₦" => "NGN",
        "₿" => "BTC",
        _ => "USD",
    }
}

fn word_code(word: &str) -> (&'static str, bool) {
    let code = if word.starts_with("cent") {
        return ("USD", true);
    } else if word.starts_with("pen") {
        return ("GBP", true);
    } else if word.contains("euro") {
        "EUR"
    } else if word.contains("egyptian") {
        "EGP"
    } else if word.contains("lebanese") {
        "LBP"
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
    } else if word.contains("ringgit") {
        "MYR"
    } else if word.contains("shekel") {
        "ILS"
    } else if word.contains("tugrik") {
        "MNT"
    } else if word.contains("dinar") {
        "KWD"
    } else if word.contains("qatari") {
        "QAR"
    } else if word.contains("riyal") {
        "SAR"
    } else if word.contains("lira") {
        "TRY"
    } else if word.contains("zloty") {
        "PLN"
    } else if word.contains("baht") {
        "THB"
    } else if word.contains("rupiah") {
        "IDR"
    } else if word.contains("naira") {
        "NGN"
    } else if word == "rand" {
        "ZAR"
    } else if word.contains("ruble") || word.contains("rouble") {
        "RUB"
    } else if word.contains("hryvnia") {
        "UAH"
    } else if word.contains("peso") {
        "MXN"
    } else if word.contains("canadian") {
        "CAD"
    } else if word.contains("australian") {
        "AUD"
    } else if word.contains("hong kong") {
        "HKD"
    } else if word.contains("zealand") {
        "NZD"
    } else if word.contains("singapore") {
        "SGD"
    } else if word.contains("taiwan") {
        "TWD"
    } else {
        "USD"
    };
    (code, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn before(text: &str) -> Option<(&'static str, usize)> {
        currency_before(text).map(|found| (found.unit.symbol(), found.start))
    }

    fn after(text: &str) -> Option<(&'static str, usize, bool)> {
        currency_after(text).map(|found| (found.unit.symbol(), found.len, found.hundredths))
    }

    #[test]
    fn signs_and_codes_before() {
        assert_eq!(before("cost $"), Some(("USD", 5)));
        assert_eq!(before("cost US$"), Some(("USD", 5)));
        assert_eq!(before("cost HK$"), Some(("HKD", 5)));
        assert_eq!(before("to hk $ "), Some(("HKD", 3)));
        assert_eq!(before("cost C$"), Some(("CAD", 5)));
        assert_eq!(before("cost €"), Some(("EUR", 5)));
        assert_eq!(before("cost USD "), Some(("USD", 5)));
        assert_eq!(before("cost RM"), Some(("MYR", 5)));
        assert_eq!(before("Rs"), Some(("INR", 0)));
    }

    /// [`may_end_with_currency`] lists the names [`BEFORE`] reads: a name missing there
    /// would never be read before a number.
    #[test]
    fn every_name_read_before_a_number_passes_the_quick_test() {
        let names = [
            "ringgit",
            "Ringgits",
            "malaysian ringgit",
            "Malaysia ringgits",
            "rupiah",
            "baht",
            "yuan",
            "renminbi",
            "naira",
            "zloty",
            "zlotys",
            "hryvnia",
            "hryvnias",
        ];
        for name in names {
            assert!(before(&format!("paid {name} ")).is_some(), "{name}");
        }
    }

    #[test]
    fn a_lone_article_is_not_a_prefix() {
        assert_eq!(before("A $"), Some(("USD", 2)));
        assert_eq!(before("a $"), Some(("USD", 2)));
    }

    #[test]
    fn codes_signs_and_words_after() {
        assert_eq!(after(" EUR"), Some(("EUR", 4, false)));
        assert_eq!(after("USD"), Some(("USD", 3, false)));
        assert_eq!(after(" €"), Some(("EUR", 4, false)));
        assert_eq!(after(" euros"), Some(("EUR", 6, false)));
        assert_eq!(after(" malaysian ringgits"), Some(("MYR", 19, false)));
        assert_eq!(after(" cents"), Some(("USD", 6, true)));
        assert_eq!(after(" pence"), Some(("GBP", 6, true)));
        assert_eq!(after("-yen"), Some(("JPY", 4, false)));
        assert_eq!(after(" EURO"), Some(("EUR", 5, false)));
        assert_eq!(after(" USDT"), None);
    }

    #[test]
    fn cents_of_a_compound_amount() {
        assert_eq!(cents_after(" 50 cents"), Some((50.0, 9)));
        assert_eq!(cents_after(" and 43c"), Some((43.0, 8)));
        assert_eq!(cents_after(" and forty-five cents"), Some((45.0, 21)));
        assert_eq!(cents_after(" 50 people"), None);
        assert_eq!(cents_after(" 150 cents"), None);
    }
}
