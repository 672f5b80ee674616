//! The checker on multi-article fixtures: `tests/fixtures/check/`, one file per case,
//! each named after the rule it exercises.
//!
//! A fixture holds two or more articles, each after a line `=== <id>`, then a line
//! `---` and the findings expected, one per line:
//!
//! ```text
//! contradiction: 18% | between 4% and 12%
//! no contradiction: 18% drop | between 4% and 12%
//! corroboration: 1,200 MW | 1.2 GW
//! ```
//!
//! Each side is the exact text of a quoted figure or verdict. A `no <kind>` line is a
//! look-alike that must not be reported. Every flag the checker raises (contradiction,
//! scale mismatch, qualitative contradiction, arithmetic mismatch) must be expected
//! somewhere; the test
//! prints precision and recall over the whole set, and fails on any miss.

mod fixture_files;

use figcheck::report::FindingEntry;
use figcheck::{Corpus, Document, FindingKind};

const FLAGS: [FindingKind; 4] = [
    FindingKind::Contradiction,
    FindingKind::ScaleMismatch,
    FindingKind::QualitativeContradiction,
    FindingKind::ArithmeticMismatch,
];

fn kind_named(name: &str) -> Option<FindingKind> {
    Some(match name {
        "contradiction" => FindingKind::Contradiction,
        "scale_mismatch" => FindingKind::ScaleMismatch,
        "qualitative_contradiction" => FindingKind::QualitativeContradiction,
        "corroboration" => FindingKind::Corroboration,
        "not_comparable" => FindingKind::NotComparable,
        "arithmetic_mismatch" => FindingKind::ArithmeticMismatch,
        _ => return None,
    })
}

fn links(finding: &FindingEntry, a: &str, b: &str) -> bool {
    (finding.a.text == a && finding.b.text == b) || (finding.a.text == b && finding.b.text == a)
}

#[test]
fn every_check_fixture_gives_exactly_its_findings() {
    let fixtures = fixture_files::fixtures("check");
    assert!(
        fixtures.len() >= 12,
        "only {} check fixtures",
        fixtures.len()
    );

    let (mut true_flags, mut false_flags, mut missed_flags) = (0, 0, 0);
    let mut failures = Vec::new();
    for fixture in &fixtures {
        let (name, articles, expectations) = (&fixture.name, &fixture.input, &fixture.expectations);
        let mut corpus = Corpus::new();
        for article in articles.split("=== ").filter(|a| !a.trim().is_empty()) {
            let (id, text) = article.split_once('\n').expect("an id line");
            corpus.add(Document::new(id.trim(), text)).unwrap();
        }
        assert!(corpus.len() >= 2, "{name}: fewer than two articles");
        let report = corpus.report();

        let mut expected_flags: Vec<&FindingEntry> = Vec::new();
        for line in expectations.lines().filter(|l| !l.trim().is_empty()) {
            let (negated, line) = match line.strip_prefix("no ") {
                Some(rest) => (true, rest),
                None => (false, line),
            };
            let (kind, sides) = line.split_once(':').expect("kind: a | b");
            let kind = kind_named(kind.trim()).unwrap_or_else(|| panic!("{name}: kind {kind}"));
            let (a, b) = sides.split_once('|').expect("a | b");
            let (a, b) = (a.trim(), b.trim());
            let found = report
                .findings
                .iter()
                .find(|finding| finding.kind == kind && links(finding, a, b));
            match (found, negated) {
                (Some(finding), false) => {
                    if FLAGS.contains(&kind) {
                        true_flags += 1;
                        expected_flags.push(finding);
                    }
                }
                (None, true) => {}
                (None, false) => {
                    if FLAGS.contains(&kind) {
                        missed_flags += 1;
                    }
                    let all: Vec<String> = report
                        .findings
                        .iter()
                        .map(|f| format!("{:?}: {} | {}", f.kind, f.a.text, f.b.text))
                        .collect();
                    failures.push(format!("{name}: missing {line}\n    found: {all:?}"));
                }
                (Some(finding), true) => failures.push(format!(
                    "{name}: reported a look-alike: {line}\n    {}",
                    finding.explanation
                )),
            }
        }
        for finding in report.findings.iter().filter(|f| FLAGS.contains(&f.kind)) {
            if !expected_flags
                .iter()
                .any(|expected| std::ptr::eq(*expected, finding))
            {
                false_flags += 1;
                failures.push(format!(
                    "{name}: unexpected {:?}: {} | {}\n    {}",
                    finding.kind, finding.a.text, finding.b.text, finding.explanation
                ));
            }
        }
    }
    let precision = true_flags as f64 / (true_flags + false_flags).max(1) as f64;
    let recall = true_flags as f64 / (true_flags + missed_flags).max(1) as f64;
    println!(
        "check fixtures: {} cases, {true_flags} flags found, {false_flags} false, {missed_flags} missed: precision {precision:.3}, recall {recall:.3}",
        fixtures.len()
    );
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Checking one article against the others (`report_for`, what the page does on every
/// edit) gives exactly the findings of the whole check that involve it: the focused
/// check skips documents and pairs, and must skip only those that cannot meet it.
#[test]
fn the_focused_check_finds_what_the_whole_check_finds_for_that_article() {
    let mut corpora: Vec<Corpus> = Vec::new();
    for fixture in fixture_files::fixtures("check") {
        let mut corpus = Corpus::new();
        for article in fixture.input.split("=== ").filter(|a| !a.trim().is_empty()) {
            let (id, text) = article.split_once('\n').expect("an id line");
            corpus.add(Document::new(id.trim(), text)).unwrap();
        }
        corpora.push(corpus);
    }
    let mut demo = Corpus::new();
    for document in figcheck::demo::documents() {
        demo.add(document).unwrap();
    }
    corpora.push(demo);
    let key = |f: &FindingEntry| {
        format!(
            "{:?} {} {}:{} {} {}:{} {}",
            f.kind, f.a.doc, f.a.start, f.a.end, f.b.doc, f.b.start, f.b.end, f.explanation
        )
    };
    let mut compared = 0;
    for corpus in &corpora {
        let whole = corpus.report();
        let ids: Vec<String> = corpus
            .analyses()
            .iter()
            .map(|analysis| analysis.document.id.clone())
            .collect();
        for id in ids {
            let mut expected: Vec<String> = whole
                .findings
                .iter()
                .filter(|f| f.a.doc == id || f.b.doc == id)
                .map(key)
                .collect();
            let mut focused: Vec<String> =
                corpus.report_for(&id).findings.iter().map(key).collect();
            expected.sort();
            focused.sort();
            assert_eq!(focused, expected, "focused on {id}");
            compared += expected.len();
        }
    }
    assert!(compared > 20, "only {compared} findings compared");
}
