//! figcheck reads news articles, extracts every figure they state, ties each figure to
//! what it measures, and flags the figures that contradict each other, across articles
//! and inside one.
//!
//! # The pipeline
//!
//! Each step is one module, and each step's output is plain data that the next one reads:
//!
//! 1. [`text`]: a [`Document`] is split into lines; bylines, "Read more:" links and
//!    other page furniture are marked boilerplate.
//! 2. [`figures`]: every figure is found and normalised: "18%", "between 4% and 12%",
//!    "$115.2 million", "200 megawatts", "Q1 2026". Each is a [`Figure`] with a byte
//!    [`Span`], a kind, an amount (point, range or bound, with its rounding precision)
//!    and a unit.
//! 3. [`claims`]: each figure becomes a [`Claim`]: who or what it is about (Core
//!    Scientific, bitcoin), which metric (share price, revenue), which direction (fell,
//!    rose), which period, and who says so. Evaluative phrases with no number ("weak Q1
//!    profitability") become verdicts.
//! 4. [`check`]: claims about the same subject, metric and period are compared as
//!    intervals; the disagreements, agreements and impossible arithmetic become
//!    [`Finding`]s, each with both quotes and an explanation.
//!
//! A [`Corpus`] holds the documents and runs the pipeline; a [`Report`] is what it
//! returns, the one shape shared by the CLI's `--json` output and the WebAssembly API.
//!
//! # Offsets
//!
//! All offsets in the core are UTF-8 byte offsets into a document's text, half-open. The
//! WebAssembly boundary converts them to UTF-16 code units once, on the way out
//! ([`Report::offsets_to_utf16`]); nothing else does.
//!
//! # Regex engines
//!
//! Natively the patterns run on `regex`; the page's WebAssembly module runs them on
//! `regex-lite`, which is some 175 KB smaller to download but has no DFA. No pattern
//! scans a whole document: one pass over its words finds where each family of words
//! (dates, number words, metric nouns, hedges…) may start, and a pattern is tried only
//! there. Fixed vocabularies are tables rather than patterns, and the most frequent
//! things (names, runs of digits, clause breaks) are read by hand; each such reader has a
//! test that holds it to the pattern it replaced. Both engines find the same figures. The
//! choice is made in one private module, `pattern`; the `lite-regex` feature builds the
//! native crate with `regex-lite`, for the tests.
//!
//! # Failure
//!
//! Extraction and checking are infallible and never panic on any input. Only adding a
//! document to a corpus can fail, with a [`CorpusError`] that says why.
//!
//! ```
//! use figcheck::{Corpus, Document};
//!
//! let mut corpus = Corpus::new();
//! corpus.add(Document::new("a", "Acme Corp shares fell 18% on Monday.")).unwrap();
//! corpus.add(Document::new("b", "Acme Corp shares dropped between 4% and 12% on Monday.")).unwrap();
//! let report = corpus.report();
//! assert_eq!(report.figures.len(), 2);
//! assert_eq!(report.findings[0].kind, figcheck::FindingKind::Contradiction);
//! ```

pub mod check;
pub mod claims;
mod corpus;
pub mod demo;
pub mod figures;
mod pattern;
pub mod report;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use check::{Finding, FindingKind};
pub use claims::Claim;
pub use corpus::{Corpus, CorpusError, MAX_DOCUMENT_BYTES, MAX_DOCUMENTS};
pub use figures::Figure;
pub use report::Report;
pub use span::Span;
pub use text::Document;
