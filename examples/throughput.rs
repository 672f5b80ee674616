//! figcheck's native timings for `scripts/bench-peers.mjs`, as one JSON object on stdout.
//!
//! ```text
//! cargo run --release --example throughput -- FILE...      # reading
//! cargo run --release --example throughput -- --against    # checking
//! ```
//!
//! Reading: the cold start (the first demo article, regexes compiled on first use), the
//! warm time per article (median over 50), and for each FILE (news articles separated by
//! form feeds) the time to extract their figures, and to extract them and read their
//! claims, article by article, best of three runs, as MB/s. Checking: one new demo article checked against 1, 100, 1,000 and 10,000
//! loaded ones (median of 15). Peak memory is the process's high-water mark (`VmHWM`),
//! read last, so run the two modes as separate processes.

use std::time::{Duration, Instant};

use figcheck::figures::extract;
use figcheck::{Corpus, Document, claims, demo};
use serde_json::{Value, json};

fn main() {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.iter().any(|file| file == "--against") {
        let report =
            json!({ "check_one_against": check_one_against(), "peak_rss_mb": peak_rss_mb() });
        println!("{report}");
        return;
    }
    let cold_start = Instant::now();
    let first = demo::ARTICLES[0].1;
    let _ = claims::read(Document::new("cold", first));
    let cold = cold_start.elapsed();

    let mut per_article = Vec::new();
    for round in 0..50 {
        let (_, text) = demo::ARTICLES[round % demo::ARTICLES.len()];
        let start = Instant::now();
        let _ = claims::read(Document::new("warm", text));
        per_article.push(start.elapsed());
    }

    let mut throughput = Vec::new();
    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(error) => {
                eprintln!("throughput: cannot read {path}: {error}");
                std::process::exit(2);
            }
        };
        // Article by article, as the peers read it (articles are separated by form feeds).
        let articles: Vec<&str> = text.split('\u{c}').collect();
        let figures = best_of_three(|| {
            for article in &articles {
                let _ = extract(article);
            }
        });
        let with_claims = best_of_three(|| {
            for article in &articles {
                let _ = claims::read(Document::new("bench", *article));
            }
        });
        throughput.push(json!({
            "file": path,
            "bytes": text.len(),
            "figures_mb_s": mb_per_s(text.len(), figures),
            "claims_mb_s": mb_per_s(text.len(), with_claims),
        }));
    }

    let report: Value = json!({
        "cold_start_ms": millis(cold),
        "warm_article_ms": millis(median(&mut per_article)),
        "throughput": throughput,
        "peak_rss_mb": peak_rss_mb(),
    });
    println!("{report}");
}

fn check_one_against() -> Vec<Value> {
    let mut checks = Vec::new();
    for loaded in [1usize, 100, 1_000, 10_000] {
        let mut corpus = Corpus::new();
        for copy in 0..loaded {
            let (id, text) = demo::ARTICLES[copy % demo::ARTICLES.len()];
            corpus
                .add(Document::new(format!("{copy}-{id}"), text))
                .expect("demo articles are valid");
        }
        let (_, text) = demo::ARTICLES[1];
        let mut times = Vec::new();
        for _ in 0..15 {
            let start = Instant::now();
            corpus
                .insert(Document::new("new", text))
                .expect("a demo article is valid");
            let report = corpus.report_for("new");
            times.push(start.elapsed());
            std::hint::black_box(report);
        }
        checks.push(json!({ "loaded": loaded, "median_ms": millis(median(&mut times)) }));
    }

    checks
}

fn best_of_three(mut run: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / 1e6 / time.as_secs_f64().max(1e-9)
}

fn millis(time: Duration) -> f64 {
    time.as_secs_f64() * 1e3
}

fn median(times: &mut [Duration]) -> Duration {
    times.sort();
    times.get(times.len() / 2).copied().unwrap_or_default()
}

/// The process's peak resident memory, from /proc (Linux); `None` elsewhere.
fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    let kilobytes: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kilobytes / 1024.0)
}
