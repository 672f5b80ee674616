//! What must hold for every input, whatever its bytes: shared by the property tests
//! (`tests/properties.rs`) and the fuzz targets (`fuzz/fuzz_targets/`), so that
//! both check exactly the same things.
//!
//! Each check returns the first broken invariant as a message rather than panicking:
//! proptest turns it into a failing case it can shrink, and the fuzz target panics with
//! it so that libFuzzer records the input.

use figcheck::claims::Analysis;
use figcheck::figures::{Amount, Figure};
use figcheck::report::{SideEntry, Value};
use figcheck::span::Span;
use figcheck::{Corpus, Document, Report};

/// Runs the whole pipeline over `documents` (distinct, non-empty ids) and checks every
/// invariant along the way: the figures and claims of each document, the report in UTF-8 offsets,
/// and the same report converted to UTF-16 offsets.
pub fn check_pipeline(documents: &[Document]) -> Result<(), String> {
    for document in documents {
        check_figures(&document.text, &figcheck::figures::extract(&document.text))?;
    }
    let mut corpus = Corpus::new();
    for document in documents {
        corpus
            .add(document.clone())
            .map_err(|error| format!("adding {:?} failed: {error}", document.id))?;
    }
    for analysis in corpus.analyses() {
        check_claims(&analysis.document.text, analysis)
            .map_err(|why| format!("{}: {why}", analysis.document.id))?;
    }
    let mut report = corpus.report();
    check_report(documents, &report)?;
    report.offsets_to_utf16(&|id| text_of(documents, id));
    check_utf16_report(documents, &report)
}

/// The extractor's contract: spans lie inside the text on character boundaries, come in
/// order, and carry amounts that are real numbers with `low <= high`.
pub fn check_figures(text: &str, figures: &[Figure]) -> Result<(), String> {
    let mut previous_start = 0;
    for figure in figures {
        let span = figure.span;
        if span.start > span.end || span.end > text.len() {
            return Err(format!(
                "span {span:?} does not fit a text of {} bytes: {figure:?}",
                text.len()
            ));
        }
        if !text.is_char_boundary(span.start) || !text.is_char_boundary(span.end) {
            return Err(format!("span {span:?} splits a character: {figure:?}"));
        }
        if span.start < previous_start {
            return Err(format!(
                "figure at {span:?} comes after one starting at {previous_start}"
            ));
        }
        previous_start = span.start;
        // The checker compares base amounts ("1.2 GW" as 1.2e9 W), so those must be real
        // numbers too, not just the amount as written.
        check_amount(&figure.amount)
            .and_then(|()| check_amount(&figure.base_amount()))
            .map_err(|why| format!("{why}: {figure:?}"))?;
    }
    Ok(())
}

/// The claim layer's contract: one claim per figure, each claim's sentence a slice of
/// the text on character boundaries that holds the figure's start, subjects with names
/// and keys, and verdicts and sentences that fit the text.
pub fn check_claims(text: &str, analysis: &Analysis) -> Result<(), String> {
    if analysis.claims.len() != analysis.figures.len() {
        return Err(format!(
            "{} claims for {} figures",
            analysis.claims.len(),
            analysis.figures.len()
        ));
    }
    let fits = |span: Span| {
        span.start <= span.end
            && span.end <= text.len()
            && text.is_char_boundary(span.start)
            && text.is_char_boundary(span.end)
    };
    for (figure, claim) in analysis.figures.iter().zip(&analysis.claims) {
        let sentence = claim.sentence;
        if !fits(sentence) {
            return Err(format!(
                "claim sentence {sentence:?} does not fit the text: {figure:?}"
            ));
        }
        let holds_start = sentence.start <= figure.span.start && figure.span.start < sentence.end;
        if !holds_start && sentence != figure.span {
            return Err(format!(
                "claim sentence {sentence:?} misses its figure {:?}",
                figure.span
            ));
        }
        if claim
            .subjects
            .iter()
            .any(|subject| subject.name.trim().is_empty() || subject.key.is_empty())
        {
            return Err(format!("a subject without a name or key: {claim:?}"));
        }
    }
    for verdict in &analysis.verdicts {
        if !fits(verdict.span) || !fits(verdict.sentence) {
            return Err(format!("verdict does not fit the text: {verdict:?}"));
        }
    }
    let mut previous_end = 0;
    for sentence in &analysis.sentences {
        if !fits(*sentence) || sentence.start < previous_end {
            return Err(format!(
                "sentence {sentence:?} does not fit or overlaps the one before"
            ));
        }
        previous_end = sentence.end;
    }
    Ok(())
}

fn check_amount(amount: &Amount) -> Result<(), String> {
    if !(amount.resolution.is_finite() && amount.resolution >= 0.0) {
        return Err(format!(
            "resolution {} is not a place value",
            amount.resolution
        ));
    }
    check_sides(amount.low, amount.high)
}

/// The sides of a value that are present are finite and in order.
fn check_sides(low: Option<f64>, high: Option<f64>) -> Result<(), String> {
    for side in [low, high].into_iter().flatten() {
        if !side.is_finite() {
            return Err(format!("value side {side} is not finite"));
        }
    }
    match (low, high) {
        (Some(low), Some(high)) if low > high => {
            Err(format!("value low {low} is above high {high}"))
        }
        _ => Ok(()),
    }
}

/// A report in UTF-8 offsets: one entry per document, and every figure and finding quotes
/// exactly the text its offsets select in the document it names.
pub fn check_report(documents: &[Document], report: &Report) -> Result<(), String> {
    if report.offsets != "utf8" {
        return Err(format!("a fresh report has offsets {:?}", report.offsets));
    }
    check_document_entries(documents, report, |text| text.len())?;
    for figure in &report.figures {
        let text = known_text(documents, &figure.doc)?;
        check_quote(text, figure.start, figure.end, &figure.text)
            .map_err(|why| format!("figure {}: {why}", figure.id))?;
        if let Some(value) = figure.value {
            check_value(value).map_err(|why| format!("figure {}: {why}", figure.id))?;
        }
    }
    for finding in &report.findings {
        if !(0.0..=1.0).contains(&finding.confidence) {
            return Err(format!(
                "confidence {} is outside 0..=1: {finding:?}",
                finding.confidence
            ));
        }
        for side in [&finding.a, &finding.b] {
            check_side(documents, report, side)
                .map_err(|why| format!("finding {:?}: {why}", finding.explanation))?;
        }
    }
    Ok(())
}

/// One side of a finding quotes its document, and names a figure that is in the report
/// at the same place.
fn check_side(documents: &[Document], report: &Report, side: &SideEntry) -> Result<(), String> {
    let text = known_text(documents, &side.doc)?;
    check_quote(text, side.start, side.end, &side.text)?;
    let sentence = &side.sentence;
    check_quote(text, sentence.start, sentence.end, &sentence.text)
        .map_err(|why| format!("sentence: {why}"))?;
    if let Some(id) = &side.figure {
        let figure = report
            .figures
            .iter()
            .find(|figure| &figure.id == id)
            .ok_or_else(|| format!("names figure {id}, which the report does not list"))?;
        if (figure.doc.as_str(), figure.start, figure.end)
            != (side.doc.as_str(), side.start, side.end)
        {
            return Err(format!(
                "quotes {}..{} of {} but its figure {id} is at {}..{} of {}",
                side.start, side.end, side.doc, figure.start, figure.end, figure.doc
            ));
        }
    }
    Ok(())
}

/// `start..end` is a char-boundary range of `text` that reads `quote`.
fn check_quote(text: &str, start: usize, end: usize, quote: &str) -> Result<(), String> {
    match text.get(start..end) {
        Some(selected) if selected == quote => Ok(()),
        Some(selected) => Err(format!(
            "{start}..{end} selects {selected:?}, not the quoted {quote:?}"
        )),
        None => Err(format!(
            "{start}..{end} is not a char-boundary range of a {}-byte text",
            text.len()
        )),
    }
}

fn check_value(value: Value) -> Result<(), String> {
    match value {
        Value::Point(point) => check_sides(Some(point), Some(point)),
        Value::Interval { low, high } => check_sides(low, high),
    }
}

/// The same report after [`Report::offsets_to_utf16`]: every offset is within its
/// document's UTF-16 length, and selects the same text in UTF-16 code units that it
/// selected in bytes.
pub fn check_utf16_report(documents: &[Document], report: &Report) -> Result<(), String> {
    if report.offsets != "utf16" {
        return Err(format!(
            "a converted report has offsets {:?}",
            report.offsets
        ));
    }
    check_document_entries(documents, report, |text| text.encode_utf16().count())?;
    let units: Vec<Vec<u16>> = documents
        .iter()
        .map(|document| document.text.encode_utf16().collect())
        .collect();
    let units_of = |id: &str| {
        documents
            .iter()
            .position(|document| document.id == id)
            .map(|index| units[index].as_slice())
            .ok_or_else(|| format!("names document {id:?}, which is not loaded"))
    };
    for figure in &report.figures {
        check_utf16_quote(
            units_of(&figure.doc)?,
            figure.start,
            figure.end,
            &figure.text,
        )
        .map_err(|why| format!("figure {}: {why}", figure.id))?;
    }
    for finding in &report.findings {
        for side in [&finding.a, &finding.b] {
            let units = units_of(&side.doc)?;
            check_utf16_quote(units, side.start, side.end, &side.text)
                .and_then(|()| {
                    let sentence = &side.sentence;
                    check_utf16_quote(units, sentence.start, sentence.end, &sentence.text)
                })
                .map_err(|why| format!("finding {:?}: {why}", finding.explanation))?;
        }
    }
    Ok(())
}

fn check_utf16_quote(units: &[u16], start: usize, end: usize, quote: &str) -> Result<(), String> {
    let Some(selected) = units.get(start..end) else {
        return Err(format!(
            "UTF-16 range {start}..{end} does not fit a text of {} units",
            units.len()
        ));
    };
    match String::from_utf16(selected) {
        Ok(selected) if selected == quote => Ok(()),
        Ok(selected) => Err(format!(
            "UTF-16 range {start}..{end} selects {selected:?}, not the quoted {quote:?}"
        )),
        Err(_) => Err(format!(
            "UTF-16 range {start}..{end} splits a surrogate pair"
        )),
    }
}

/// The report lists each document once, in order, with its length measured by
/// `length_of` and its number of figures.
fn check_document_entries(
    documents: &[Document],
    report: &Report,
    length_of: impl Fn(&str) -> usize,
) -> Result<(), String> {
    let ids: Vec<&str> = report
        .documents
        .iter()
        .map(|entry| entry.id.as_str())
        .collect();
    let expected: Vec<&str> = documents
        .iter()
        .map(|document| document.id.as_str())
        .collect();
    if ids != expected {
        return Err(format!(
            "the report lists documents {ids:?}, not {expected:?}"
        ));
    }
    for (entry, document) in report.documents.iter().zip(documents) {
        let length = length_of(&document.text);
        if entry.length != length {
            return Err(format!(
                "document {} has length {}, not {length}",
                entry.id, entry.length
            ));
        }
        let listed = report
            .figures
            .iter()
            .filter(|figure| figure.doc == entry.id)
            .count();
        if entry.figures != listed {
            return Err(format!(
                "document {} claims {} figures but the report lists {listed}",
                entry.id, entry.figures
            ));
        }
    }
    Ok(())
}

fn text_of<'d>(documents: &'d [Document], id: &str) -> Option<&'d str> {
    documents
        .iter()
        .find(|document| document.id == id)
        .map(|document| document.text.as_str())
}

fn known_text<'d>(documents: &'d [Document], id: &str) -> Result<&'d str, String> {
    text_of(documents, id).ok_or_else(|| format!("names document {id:?}, which is not loaded"))
}
