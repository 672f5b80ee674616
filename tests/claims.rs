//! The claim layer on fixtures: one small article per construct, in
//! `tests/fixtures/claims/`, each named after the case it reproduces.
//!
//! A fixture is the article, a line `---`, then one expectation per line:
//!
//! ```text
//! 18% | subject=Acme Corp | metric=share price | direction=down | hedged=no
//! between 3% and 9% | subjects=Alpha,Beta Mining | hedged=yes
//! $12.5 million | period=2026-01-01..2026-04-01 | attribution=Kappa Research
//! verdict: weak second-quarter margins | polarity=negative | subject=Acme Corp
//! ```
//!
//! The first field is the figure's exact text (the first figure with that text, or
//! `#2` after it for the second). Only the fields written are checked. A line that
//! starts with `known miss:` is a case figcheck still gets wrong, kept so that the day
//! it is fixed the test says so and the line becomes an expectation.

mod fixture_files;

use figcheck::figures::date::iso;
use figcheck::report::FigureEntry;
use figcheck::{Corpus, Document};

#[test]
fn every_claim_fixture_reads_as_expected() {
    let fixtures = fixture_files::fixtures("claims");
    assert!(
        fixtures.len() >= 10,
        "only {} claim fixtures",
        fixtures.len()
    );
    let mut failures = Vec::new();
    let mut checked = 0;
    for fixture in &fixtures {
        let (name, article) = (&fixture.name, fixture.input.as_str());
        let mut corpus = Corpus::new();
        corpus.add(Document::new(name.clone(), article)).unwrap();
        let report = corpus.report();
        let verdicts = &corpus.get(name).unwrap().verdicts;
        for line in fixture
            .expectations
            .lines()
            .filter(|l| !l.trim().is_empty())
        {
            checked += 1;
            let (known_miss, line) = match line.strip_prefix("known miss:") {
                Some(rest) => (true, rest.trim()),
                None => (false, line),
            };
            let outcome = if let Some(rest) = line.strip_prefix("verdict:") {
                check_verdict(article, verdicts, rest)
            } else {
                check_figure(&report.figures, line)
            };
            match (outcome, known_miss) {
                (Ok(()), false) | (Err(_), true) => {}
                (Err(why), false) => failures.push(format!("{name}: {line}\n    {why}")),
                (Ok(()), true) => failures.push(format!(
                    "{name}: {line}\n    now passes: make it an expectation"
                )),
            }
        }
    }
    assert!(checked >= 35, "only {checked} expectations");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

fn fields(line: &str) -> (String, Vec<(String, String)>) {
    let mut parts = line.split('|').map(str::trim);
    let head = parts.next().unwrap_or("").to_string();
    let fields = parts
        .filter_map(|part| part.split_once('='))
        .map(|(key, value)| (key.trim().to_string(), value.trim().to_string()))
        .collect();
    (head, fields)
}

fn check_figure(figures: &[FigureEntry], line: &str) -> Result<(), String> {
    let (head, fields) = fields(line);
    let (text, nth) = match head.rsplit_once(" #") {
        Some((text, n)) if n.parse::<usize>().is_ok() => (text.to_string(), n.parse().unwrap()),
        _ => (head.clone(), 1),
    };
    let figure = figures
        .iter()
        .filter(|f| f.text == text)
        .nth(nth - 1)
        .ok_or_else(|| {
            let all: Vec<&str> = figures.iter().map(|f| f.text.as_str()).collect();
            format!("no figure {text:?} (#{nth}); figures: {all:?}")
        })?;
    for (key, want) in fields {
        let got = match key.as_str() {
            "subject" => figure.subject.clone().unwrap_or_default(),
            "subjects" => figure.subjects.join(","),
            "metric" => figure.metric.clone(),
            "direction" => figure
                .direction
                .map_or("-".to_string(), |d| format!("{d:?}").to_lowercase()),
            "hedged" => if figure.hedged { "yes" } else { "no" }.to_string(),
            "change" => if figure.is_change { "yes" } else { "no" }.to_string(),
            "boilerplate" => if figure.boilerplate { "yes" } else { "no" }.to_string(),
            "kind" => format!("{:?}", figure.kind).to_lowercase(),
            "period" => figure.period.map_or("-".to_string(), |p| {
                format!("{}..{}", iso(p.start), iso(p.end))
            }),
            "attribution" => figure.attribution.clone().unwrap_or_default(),
            "event" => {
                let event = figure.event.clone().unwrap_or_default();
                if event.contains(&want) {
                    continue;
                }
                return Err(format!("event {event:?} does not contain {want:?}"));
            }
            other => return Err(format!("unknown field {other}")),
        };
        if got != want {
            return Err(format!(
                "{key}: got {got:?}, want {want:?} ({})",
                figure.reading
            ));
        }
    }
    Ok(())
}

fn check_verdict(
    article: &str,
    verdicts: &[figcheck::claims::Verdict],
    line: &str,
) -> Result<(), String> {
    let (quote, fields) = fields(line);
    let verdict = verdicts
        .iter()
        .find(|v| v.span.text(article) == quote)
        .ok_or_else(|| {
            let all: Vec<&str> = verdicts.iter().map(|v| v.span.text(article)).collect();
            format!("no verdict {quote:?}; verdicts: {all:?}")
        })?;
    for (key, want) in fields {
        let got = match key.as_str() {
            "polarity" => format!("{:?}", verdict.polarity).to_lowercase(),
            "subject" => verdict
                .subject
                .as_ref()
                .map_or(String::new(), |s| s.name.to_string()),
            "period" => verdict.period_label.clone().unwrap_or_default(),
            other => return Err(format!("unknown field {other}")),
        };
        if got != want {
            return Err(format!("{key}: got {got:?}, want {want:?}"));
        }
    }
    Ok(())
}
