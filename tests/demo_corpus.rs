//! The demo corpus as a fixture: the case that must always work, and its traps.

use figcheck::check::FindingKind;
use figcheck::report::FindingEntry;
use figcheck::{Corpus, demo};

fn demo_report() -> figcheck::Report {
    let mut corpus = Corpus::new();
    for document in demo::documents() {
        corpus.insert(document).unwrap();
    }
    corpus.report()
}

/// The first finding of `kind`, with its two quotes in sorted order.
fn finding_of(report: &figcheck::Report, kind: FindingKind) -> (&FindingEntry, [&str; 2]) {
    let finding = report
        .findings
        .iter()
        .find(|f| f.kind == kind)
        .unwrap_or_else(|| panic!("no {kind:?} finding"));
    let mut quotes = [finding.a.text.as_str(), finding.b.text.as_str()];
    quotes.sort();
    (finding, quotes)
}

#[test]
fn eighteen_percent_against_four_to_twelve_is_flagged() {
    let report = demo_report();
    let (finding, quotes) = finding_of(&report, FindingKind::Contradiction);
    assert_eq!(quotes, ["18%", "between 4% and 12%"]);
    assert_eq!(finding.subject, "Core Scientific");
    assert!(
        finding.explanation.contains("lies outside 4%–12%"),
        "{}",
        finding.explanation
    );
}

#[test]
fn bitcoins_price_drop_and_gamestops_rise_are_not_flagged() {
    let report = demo_report();
    for finding in &report.findings {
        for side in [&finding.a, &finding.b] {
            let sentence = &side.sentence.text;
            assert!(
                !sentence.contains("BTC prices"),
                "bitcoin's 18% was compared: {}",
                finding.explanation
            );
            assert!(
                !sentence.contains("GameStop"),
                "GameStop's 12% was compared: {}",
                finding.explanation
            );
        }
    }
    let bitcoin = report
        .figures
        .iter()
        .find(|f| f.text == "18%" && f.doc == "strong-quarter.txt")
        .unwrap();
    assert_eq!(bitcoin.subject.as_deref(), Some("Bitcoin"));
    let gamestop = report.figures.iter().find(|f| f.text == "12%").unwrap();
    assert_eq!(gamestop.subject.as_deref(), Some("GameStop"));
    assert!(gamestop.boilerplate);
}

#[test]
fn weak_and_strong_q1_verdicts_are_opposed() {
    let report = demo_report();
    let (_, quotes) = finding_of(&report, FindingKind::QualitativeContradiction);
    assert_eq!(quotes, ["strong Q1 2026 earnings", "weak Q1 profitability"]);
}

#[test]
fn the_list_distributes_to_each_miner() {
    let report = demo_report();
    let range = report
        .figures
        .iter()
        .find(|f| f.text == "between 4% and 12%")
        .unwrap();
    assert_eq!(
        range.subjects,
        [
            "Riot",
            "Marathon Digital",
            "Hut 8",
            "CleanSpark",
            "Bitfarms",
            "Core Scientific"
        ]
    );
    assert!(range.hedged);
}
