//! Throughput of figcheck's pipeline on news text, natively, on one core.
//!
//! ```text
//! cargo bench --bench extraction
//! ```
//!
//! The corpus is the five demo articles repeated to about 1 MiB, with the repeats
//! separated by blank lines so that each copy stays its own paragraph. Three stages are
//! measured in one run, so their ratios are comparable even on a noisy machine:
//!
//! - `figures`: step 2 alone ([`figcheck::figures::extract`]), the issue's 50 MB/s target;
//! - `figures+claims`: steps 1 to 3 ([`figcheck::claims::read`], as a corpus reads
//!   each document it is given);
//! - `report`: a whole [`figcheck::Corpus`] report with the five demo articles loaded
//!   once each, the size a reader actually pastes;
//! - `one against 1,000`: with 1,000 articles loaded (the demo articles, over and over),
//!   adding one more and checking it against all of them, which is what the page does on
//!   every edit. The issue's bar is well under one frame, 16 ms.

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use figcheck::figures::extract;
use figcheck::{Corpus, Document, claims, demo};

const TARGET_BYTES: usize = 1 << 20;

fn news_corpus() -> String {
    let mut text = String::with_capacity(TARGET_BYTES + 16 * 1024);
    while text.len() < TARGET_BYTES {
        for (_, article) in demo::ARTICLES {
            text.push_str(article);
            text.push_str("\n\n");
        }
    }
    text
}

fn throughput(c: &mut Criterion) {
    let text = news_corpus();
    let mut group = c.benchmark_group("news");
    group.throughput(Throughput::Bytes(text.len() as u64));
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("figures", |b| b.iter(|| extract(black_box(&text))));
    group.bench_function("figures+claims", |b| {
        b.iter(|| claims::read(Document::new("bench", black_box(text.as_str()))))
    });
    group.finish();

    let demo_bytes: usize = demo::ARTICLES.iter().map(|(_, text)| text.len()).sum();
    let mut group = c.benchmark_group("demo");
    group.throughput(Throughput::Bytes(demo_bytes as u64));
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(3));
    group.bench_function("report", |b| {
        b.iter(|| {
            let mut corpus = Corpus::new();
            for document in demo::documents() {
                corpus.add(document).expect("demo articles are valid");
            }
            corpus.report()
        })
    });
    group.finish();
}

fn one_against_many(c: &mut Criterion) {
    let mut corpus = Corpus::new();
    for copy in 0..1_000 {
        let (id, text) = demo::ARTICLES[copy % demo::ARTICLES.len()];
        corpus
            .add(Document::new(format!("{copy}-{id}"), text))
            .expect("demo articles are valid");
    }
    let (_, new_text) = demo::ARTICLES[0];
    let mut group = c.benchmark_group("check");
    group.sample_size(20);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("one against 1,000", |b| {
        b.iter(|| {
            corpus
                .insert(Document::new("new", black_box(new_text)))
                .expect("a valid article");
            corpus.report_for("new")
        })
    });
    group.finish();
}

criterion_group!(benches, throughput, one_against_many);
criterion_main!(benches);
