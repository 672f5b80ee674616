//! No input makes figcheck panic or hand back offsets that do not fit the text.
//!
//! figcheck reads whatever a reader pastes: any Unicode, in any script, of any length.
//! Its contract (see `src/lib.rs`, "Failure" and "Offsets") is that extraction and
//! checking never panic, and that every span it reports can be used to slice the
//! document it came from, in UTF-8 bytes and, after [`Report::offsets_to_utf16`], in
//! UTF-16 code units. These properties check that contract on random text:
//!
//! - [`figcheck::figures::extract`] returns figures in order, each inside the text, on
//!   character boundaries, with finite amounts whose low side is not above the high;
//! - a [`Corpus`] of two random documents reports without panicking, and every figure
//!   and every finding's quotes and sentences are exactly what their offsets select,
//!   before and after the conversion to UTF-16;
//! - [`utf8_to_utf16_offsets`] agrees with counting `encode_utf16` over the prefix;
//! - extraction and checking are deterministic, and adding an article about another
//!   company never changes the findings between two others.
//!
//! The random text is mostly news-shaped: numerals, currency signs, dashes, the
//! no-break and thin spaces that pasted pages are full of, and the words that start
//! ranges, changes and dates, mixed with CJK, right-to-left scripts, non-ASCII digits
//! and emoji. Uniformly random strings almost never contain "between 4% and 12%", so on
//! their own they would leave the extractor's interesting paths untried.
//!
//! The invariants themselves live in `tests/invariants/mod.rs`, shared with the fuzz
//! target in `fuzz/`.
//!
//! The `ten_megabytes_*` tests at the end check that a 10 MB paste completes: ten
//! megabytes of news runs with every `cargo test` (about 3 s in a debug build). The runs
//! of one token take longer and are ignored; run them in release, where each prints its
//! timings:
//!
//! ```text
//! cargo test --release --test properties -- --ignored --nocapture ten_megabytes
//! ```
#![cfg(not(target_arch = "wasm32"))]

mod invariants;

use std::time::Instant;

use figcheck::figures::extract;
use figcheck::span::utf8_to_utf16_offsets;
use figcheck::{Corpus, Document, Report, demo};
use proptest::prelude::*;
use proptest::sample::Index;

/// Words that make the extractor and the claim reader take their less common paths:
/// scales, qualifiers, range and change words, periods, units, boilerplate markers,
/// identifiers whose numerals are not figures.
const WORDS: &[&str] = &[
    "million",
    "billion",
    "bn",
    "trillion",
    "thousand",
    "percent",
    "per cent",
    "percentage points",
    "basis points",
    "between",
    "and",
    "from",
    "to",
    "about",
    "more than",
    "at least",
    "nearly",
    "up to",
    "less than",
    "fell",
    "rose",
    "dropped",
    "doubled",
    "times",
    "x",
    "Q1",
    "Q4 2025",
    "March",
    "March 26",
    "fiscal 2025",
    "the second half of",
    "a year earlier",
    "shares",
    "revenue",
    "Acme Corp",
    "the company",
    "MW",
    "GW",
    "EH/s",
    "employees",
    "twenty-five",
    "a dozen",
    "two-thirds",
    "a third",
    "Read more:",
    "By Ana Ruiz",
    "1 min read",
    "https://example.com/x-1",
    "COVID-19",
    "Windows 11",
    "weak",
    "strong",
    "profitability",
    "according to",
    "Inc.",
    "Mr.",
];

/// Signs and separators, including the look-alikes of pasted text: en and em dashes,
/// the minus sign U+2212, no-break, narrow no-break and thin spaces.
const SIGNS: &[&str] = &[
    "€", "$", "£", "¥", "%", "–", "—", "-", "\u{2212}", "\u{a0}", "\u{202f}", "\u{2009}", ",", ".",
    "(", ")", "~", "+", "/", ":", "'", "\"", "\n", "\n\n", "\r\n",
];

/// Other scripts and characters whose UTF-8 and UTF-16 widths differ from ASCII's:
/// CJK, Hebrew and Arabic with their direction marks, Arabic-Indic, fullwidth and
/// Bengali digits (which `\d` would match), letters whose lowercase has a different
/// length (İ, ẞ, the Kelvin sign), emoji with joiners, a byte-order mark.
const SCRIPTS: &[&str] = &[
    "中文",
    "株価は",
    "עברית",
    "\u{200f}",
    "العربية",
    "\u{200e}",
    "١٢٣",
    "٫",
    "٪",
    "１２３",
    "৪২",
    "İ",
    "ẞ",
    "\u{212a}",
    "é",
    "📉",
    "👩\u{200d}👩\u{200d}👧",
    "🇯🇵",
    "\u{feff}",
    "\u{301}",
];

/// One numeral in one of the ways news writes them, or one that no `f64` holds.
fn numeral() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[0-9]{1,4}",
        2 => "[0-9]{1,3}(,[0-9]{3}){1,3}(\\.[0-9]{1,3})?",
        2 => "[0-9]{1,3}\\.[0-9]{1,3}",
        1 => "[0-9]{1,2},[0-9]{1,2}",
        1 => "[0-9]{1,3}( [0-9]{3}){1,2}",
        1 => "[0-9]{1,3}(,[0-9]{1,4}){2,6}",
        1 => "[1-9][0-9]{300,320}",
    ]
}

/// One piece of text between two separators: a numeral, a word, a sign or a character
/// of another script, weighted towards what makes figures.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => numeral(),
        4 => prop::sample::select(WORDS).prop_map(str::to_owned),
        3 => prop::sample::select(SIGNS).prop_map(str::to_owned),
        1 => prop::sample::select(SCRIPTS).prop_map(str::to_owned),
        1 => any::<char>().prop_map(String::from),
    ]
}

/// What usually stands between two tokens: a space, nothing, or a space look-alike.
fn separator() -> impl Strategy<Value = &'static str> {
    prop_oneof![
        6 => Just(" "),
        2 => Just(""),
        1 => prop::sample::select(&["\u{a0}", "\u{202f}", "\u{2009}", "\n", "\t"][..]),
    ]
}

/// Mostly news-shaped text, sometimes an arbitrary string.
fn text() -> impl Strategy<Value = String> {
    let news = prop::collection::vec((token(), separator()), 0..48).prop_map(|parts| {
        parts
            .into_iter()
            .flat_map(|(token, separator)| [token, separator.to_owned()])
            .collect::<String>()
    });
    prop_oneof![4 => news, 1 => any::<String>()]
}

/// `offset` rounded down to a character boundary of `text`, and capped at its length:
/// what [`utf8_to_utf16_offsets`] documents for offsets that are not on one.
fn boundary_at_or_before(text: &str, offset: usize) -> usize {
    (0..=offset.min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0)
}

fn converted(text: &str, offsets: &[usize]) -> Vec<usize> {
    let mut converted = offsets.to_vec();
    let mut refs: Vec<&mut usize> = converted.iter_mut().collect();
    utf8_to_utf16_offsets(text, &mut refs);
    converted
}

proptest! {
    // Enough cases to reach the rarer paths on every run while keeping the whole file
    // at a few seconds in a debug build.
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn extracted_figures_fit_the_text_in_order(text in text()) {
        invariants::check_figures(&text, &extract(&text)).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn a_report_over_two_documents_quotes_what_its_offsets_select(
        a in text(),
        b in text(),
    ) {
        let documents = [Document::new("a", a), Document::new("b", b)];
        invariants::check_pipeline(&documents).map_err(TestCaseError::fail)?;
    }

    #[test]
    fn extraction_and_checking_are_deterministic(a in text(), b in text()) {
        prop_assert_eq!(extract(&a), extract(&a));
        let documents = [Document::new("a", a), Document::new("b", b)];
        let first = checked_report(&documents);
        let second = checked_report(&documents);
        prop_assert_eq!(
            serde_json::to_string(&first).unwrap(),
            serde_json::to_string(&second).unwrap()
        );
    }

    #[test]
    fn an_unrelated_article_never_changes_the_findings_between_two_others(
        a in text(),
        b in text(),
        c in text(),
    ) {
        // A and B are about one company, C about another.
        let a = Document::new("a", format!("Acme Corp shares fell 18% on Monday. {a}"));
        let b = Document::new("b", format!("Acme Corp shares fell 4% on Monday. {b}"));
        let c = Document::new("c", format!("Zeta Mining shares rose 9% on Monday. {c}"));
        let keys = |document: &Document| {
            let analysis = figcheck::claims::analyse(document.clone(), extract(&document.text));
            analysis.subject_keys
        };
        let (ka, kb, kc) = (keys(&a), keys(&b), keys(&c));
        prop_assume!(!kc.iter().any(|key| ka.contains(key) || kb.contains(key)));
        let between = |report: &Report| -> Vec<String> {
            report
                .findings
                .iter()
                .filter(|f| f.a.doc != "c" && f.b.doc != "c")
                .map(|f| serde_json::to_string(f).unwrap())
                .collect()
        };
        let without = checked_report(&[a.clone(), b.clone()]);
        let with = checked_report(&[a, b, c]);
        prop_assert_eq!(between(&without), between(&with));
    }

    #[test]
    fn utf16_offsets_count_the_units_before_them(
        text in text(),
        picks in prop::collection::vec(any::<Index>(), 0..16),
    ) {
        let boundaries: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        let offsets: Vec<usize> = picks.iter().map(|pick| *pick.get(&boundaries)).collect();
        let expected: Vec<usize> = offsets
            .iter()
            .map(|&offset| text[..offset].encode_utf16().count())
            .collect();
        prop_assert_eq!(converted(&text, &offsets), expected);
    }

    #[test]
    fn utf16_offsets_inside_a_character_or_past_the_end_round_down(
        text in text(),
        offsets in prop::collection::vec(0usize..600, 0..16),
    ) {
        let expected: Vec<usize> = offsets
            .iter()
            .map(|&offset| text[..boundary_at_or_before(&text, offset)].encode_utf16().count())
            .collect();
        prop_assert_eq!(converted(&text, &offsets), expected);
    }
}

#[test]
fn figures_near_the_largest_float_stay_finite_when_scaled() {
    // Numerals of up to 308 digits parse to a finite f64; a scale word or a unit's
    // conversion to its base unit must not then take them past it.
    let near_max = format!("1{}", "0".repeat(305));
    for text in [
        format!("{near_max} thousand"),
        format!("${near_max} trillion"),
        format!("{near_max} MW"),
    ] {
        if let Err(why) = invariants::check_figures(&text, &extract(&text)) {
            panic!("{why}");
        }
    }
}

/// The size of the issue's paste.
const TEN_MB: usize = 10 * 1024 * 1024;

/// The report over `documents`, after checking every invariant of it.
fn checked_report(documents: &[Document]) -> Report {
    let mut corpus = Corpus::new();
    for document in documents {
        corpus.add(document.clone()).unwrap();
    }
    let report = corpus.report();
    if let Err(why) = invariants::check_report(documents, &report) {
        panic!("{why}");
    }
    report
}

#[test]
fn ten_megabytes_of_news_report_every_copy_of_their_figures() {
    // Blank lines between copies keep each article its own paragraph, as a reader's
    // paste of several articles would.
    let copy: String = demo::ARTICLES
        .iter()
        .map(|(_, article)| format!("{article}\n\n"))
        .collect();
    let figures_per_copy = extract(&copy).len();
    assert!(figures_per_copy > 0, "the demo articles have figures");
    let copies = TEN_MB.div_ceil(copy.len());
    let documents = [Document::new("paste.txt", copy.repeat(copies))];

    let started = Instant::now();
    let report = checked_report(&documents);
    eprintln!(
        "{} MB of news: {} figures, {} findings in {:.1?}",
        documents[0].text.len() / 1_000_000,
        report.figures.len(),
        report.findings.len(),
        started.elapsed()
    );
    assert!(
        report.figures.len() >= copies * figures_per_copy,
        "{copies} copies of {figures_per_copy} figures gave only {}",
        report.figures.len()
    );
}

/// Checks that a document of `unit` repeated to ten megabytes reports, and says how long
/// it took, so that a slow run names the culprit.
fn assert_ten_megabyte_run_completes(unit: &str) {
    let documents = [Document::new("run.txt", unit.repeat(TEN_MB / unit.len()))];
    let started = Instant::now();
    let report = checked_report(&documents);
    eprintln!(
        "{unit:?} repeated to 10 MB: {} figures in {:.1?}",
        report.figures.len(),
        started.elapsed()
    );
}

#[test]
#[ignore = "7 s in a debug build, 2 s in release: run with --ignored"]
fn ten_megabytes_of_one_unbroken_token_complete() {
    // One endless numeral, list or sign for the readers that look left and right of a
    // numeral: where a scan that backs up would go quadratic.
    for unit in ["9", "1,", "1.", "-", "%", "\u{2212}"] {
        assert_ten_megabyte_run_completes(unit);
    }
}

#[test]
#[ignore = "150 s and 3.8 GB in release: five million figures, each with its own claim"]
fn ten_megabytes_of_figures_in_one_sentence_complete() {
    for unit in ["1 ", "1-", "$1", "\u{a0}1"] {
        assert_ten_megabyte_run_completes(unit);
    }
}
