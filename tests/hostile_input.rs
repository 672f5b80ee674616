//! Hostile and broken input: every case runs the whole pipeline and checks the invariants
//! of `tests/invariants/` (spans on character boundaries, quotes equal to what their
//! offsets select, in UTF-8 and in UTF-16, finite values), then what the case is about.
//! BENCHMARKS.md ("Hostile input") lists these cases with their results and timings.

mod invariants;

use std::path::Path;

use figcheck::figures::{FigureKind, extract};
use figcheck::{Corpus, CorpusError, Document, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS};

/// Runs the pipeline over one document and checks every invariant.
fn survives(name: &str, text: &str) {
    let documents = [
        Document::new(name, text),
        Document::new("other", "Acme Corp shares fell 18% on Monday."),
    ];
    if let Err(why) = invariants::check_pipeline(&documents) {
        panic!("{name}: {why}");
    }
}

#[test]
fn line_endings_and_control_characters() {
    survives(
        "crlf",
        "Acme Corp shares fell 18%\r\non Monday.\r\n\r\nRevenue was $5 million.\r\n",
    );
    survives("nul", "Acme\0 Corp shares fell 1\08%\0 and \0$5\0 million");
    survives(
        "controls",
        "\u{1}\u{7}\u{1b}[31m18%\u{1b}[0m \u{7f}5 MW\u{85}\u{2028}12 GW\u{2029}",
    );
    let crlf = extract("Shares fell 18%\r\nRevenue rose 5%\r\n");
    assert_eq!(crlf.len(), 2);
}

#[test]
fn right_to_left_joiners_and_combining_marks() {
    survives(
        "rtl",
        "\u{5e9}\u{5dc}\u{5d5}\u{5dd} 18% \u{627}\u{644}\u{633}\u{647}\u{645} \u{202e}12%\u{202c} \u{200f}5 MW",
    );
    survives(
        "zwj",
        "👩\u{200d}👩\u{200d}👧 18\u{200d}% 1\u{200b}2% \u{2060}5 MW \u{feff}",
    );
    survives(
        "combining",
        "1\u{301}8% e\u{301}\u{302}\u{303} 5\u{20dd} MW \u{338}12%",
    );
    // A combining mark on a digit does not make the figure swallow half a character.
    for figure in extract("1\u{301}8% and 5\u{20dd} MW") {
        assert!(figure.span.start <= figure.span.end);
    }
}

#[test]
fn numbers_too_large_for_a_float_are_dropped_not_infinite() {
    let huge = format!("{} percent", "9".repeat(500));
    survives("500 digits", &huge);
    survives("exponent", "1e400 and 1E+400 and 1e-400 MW");
    for text in [huge.as_str(), "1e400 MW", "a market of 9e999 dollars"] {
        for figure in extract(text) {
            for side in [figure.amount.low, figure.amount.high]
                .into_iter()
                .flatten()
            {
                assert!(side.is_finite(), "{text:?} gave {figure:?}");
            }
        }
    }
}

#[test]
fn pathological_repetition_completes() {
    survives("percent signs", &"%".repeat(100_000));
    survives("a million digits", &"7".repeat(1_000_000));
    survives("dashes and digits", &"1-".repeat(20_000));
}

#[test]
fn a_one_megabyte_single_line_keeps_every_figure() {
    let line = "Acme Corp shares fell 18% and revenue was $5 million; ".repeat(20_000);
    assert!(line.len() > 1_000_000 && !line.contains('\n'));
    let figures = extract(&line);
    assert_eq!(
        figures
            .iter()
            .filter(|f| f.kind == FigureKind::Percent)
            .count(),
        20_000
    );
    assert_eq!(
        figures
            .iter()
            .filter(|f| f.kind == FigureKind::Money)
            .count(),
        20_000
    );
}

#[test]
fn a_document_over_the_size_limit_is_refused_with_a_message() {
    let mut corpus = Corpus::new();
    let big = "1".repeat(MAX_DOCUMENT_BYTES + 1);
    let error = corpus.add(Document::new("huge.txt", big)).unwrap_err();
    assert!(matches!(error, CorpusError::TooLarge { .. }));
    assert_eq!(
        error.to_string(),
        "huge.txt is 32.0 MiB (33554433 bytes); figcheck reads documents up to 32 MiB (33554432 bytes)"
    );
    assert!(
        corpus.is_empty(),
        "a refused document leaves nothing behind"
    );
}

#[test]
fn a_corpus_past_the_document_limit_refuses_more_and_keeps_what_it_has() {
    let mut corpus = Corpus::new();
    for index in 0..MAX_DOCUMENTS {
        corpus.add(Document::new(format!("d{index}"), "")).unwrap();
    }
    assert_eq!(
        corpus.add(Document::new("one more", "")),
        Err(CorpusError::TooMany)
    );
    assert_eq!(
        CorpusError::TooMany.to_string(),
        format!("a corpus holds at most {MAX_DOCUMENTS} documents")
    );
    // Replacing a document already there is still allowed.
    corpus.add(Document::new("d0", "Acme rose 5%")).unwrap();
    assert_eq!(corpus.len(), MAX_DOCUMENTS);
}

/// Every input that ever crashed figcheck or broke an invariant, kept in
/// `tests/fixtures/crashes/` (see its README), still runs clean.
#[test]
fn every_recorded_crash_stays_fixed() {
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/crashes");
    let mut checked = 0;
    for entry in std::fs::read_dir(&folder).expect("tests/fixtures/crashes exists") {
        let path = entry.expect("a readable entry").path();
        if path.extension().is_some_and(|extension| extension == "md") {
            continue;
        }
        let bytes = std::fs::read(&path).expect("a readable crash file");
        let text = String::from_utf8_lossy(&bytes);
        let name = path
            .file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
        survives(&name, &text);
        if let Some((a, b)) = text.split_once('\u{c}') {
            let documents = [Document::new("a", a), Document::new("b", b)];
            if let Err(why) = invariants::check_pipeline(&documents) {
                panic!("{name}, split in two: {why}");
            }
        }
        checked += 1;
    }
    assert!(
        checked >= 2,
        "the recorded crashes are missing from {}",
        folder.display()
    );
}
