//! A corpus: the loaded documents, each analysed once when it is added.

use rustc_hash::FxHashMap as HashMap;
use std::fmt;

use crate::check;
use crate::claims::{self, Analysis};
use crate::report::Report;
use crate::text::Document;

/// The largest document accepted, in bytes of UTF-8. A pasted book is fine; a pasted
/// database dump is refused with a message rather than freezing the page.
pub const MAX_DOCUMENT_BYTES: usize = 32 * 1024 * 1024;

const MIB: f64 = 1024.0 * 1024.0;

/// The most documents a corpus holds.
pub const MAX_DOCUMENTS: usize = 20_000;

/// Why a document was not added.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorpusError {
    /// The document's id is empty.
    EmptyId,
    /// The document is larger than [`MAX_DOCUMENT_BYTES`].
    TooLarge { id: String, bytes: usize },
    /// The corpus already holds [`MAX_DOCUMENTS`] documents.
    TooMany,
}

impl fmt::Display for CorpusError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CorpusError::EmptyId => write!(f, "a document needs a non-empty id"),
            CorpusError::TooLarge { id, bytes } => write!(
                f,
                "{id} is {:.1} MiB ({bytes} bytes); figcheck reads documents up to {} MiB ({MAX_DOCUMENT_BYTES} bytes)",
                *bytes as f64 / MIB,
                MAX_DOCUMENT_BYTES / (1 << 20)
            ),
            CorpusError::TooMany => write!(f, "a corpus holds at most {MAX_DOCUMENTS} documents"),
        }
    }
}

impl std::error::Error for CorpusError {}

/// The documents loaded for checking, with their figures and claims.
#[derive(Debug, Default, Clone)]
pub struct Corpus {
    entries: Vec<Analysis>,
    /// Where each id's entry is in `entries`: the page looks documents up by id for every
    /// finding it reports.
    positions: HashMap<String, usize>,
}

impl Corpus {
    pub fn new() -> Corpus {
        Corpus::default()
    }

    /// Adds a document, or replaces the one with the same id, and analyses it.
    pub fn insert(&mut self, document: Document) -> Result<(), CorpusError> {
        if document.id.is_empty() {
            return Err(CorpusError::EmptyId);
        }
        if document.text.len() > MAX_DOCUMENT_BYTES {
            return Err(CorpusError::TooLarge {
                id: document.id,
                bytes: document.text.len(),
            });
        }
        let existing = self.positions.get(&document.id).copied();
        if existing.is_none() && self.entries.len() >= MAX_DOCUMENTS {
            return Err(CorpusError::TooMany);
        }
        let analysis = claims::read(document);
        match existing {
            Some(index) => self.entries[index] = analysis,
            None => {
                self.positions
                    .insert(analysis.document.id.clone(), self.entries.len());
                self.entries.push(analysis);
            }
        }
        Ok(())
    }

    /// Same as [`Corpus::insert`]; reads better where documents are only ever added.
    pub fn add(&mut self, document: Document) -> Result<(), CorpusError> {
        self.insert(document)
    }

    /// Removes the document with this id; returns whether there was one.
    pub fn remove(&mut self, id: &str) -> bool {
        let Some(index) = self.positions.remove(id) else {
            return false;
        };
        self.entries.remove(index);
        // Every later entry moved up by one.
        for position in self.positions.values_mut() {
            if *position > index {
                *position -= 1;
            }
        }
        true
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn analyses(&self) -> &[Analysis] {
        &self.entries
    }

    pub fn get(&self, id: &str) -> Option<&Analysis> {
        self.entries.get(*self.positions.get(id)?)
    }

    /// Every figure of every document, and every finding between and within them.
    pub fn report(&self) -> Report {
        Report::new(&self.entries, check::check(&self.entries, None))
    }

    /// Every finding between and within the documents, with their quotes, but without
    /// the documents' figures: what a list of articles needs to show how many problems
    /// each has, at a fraction of the full report's size.
    pub fn findings_report(&self) -> Report {
        Report::for_documents(&[], &self.entries, check::check(&self.entries, None))
    }

    /// Every figure of every document, without checking them against each other.
    pub fn figures_report(&self) -> Report {
        Report::new(&self.entries, Vec::new())
    }

    /// The report for one document: its figures, and the findings that involve it,
    /// checked against every other document.
    pub fn report_for(&self, id: &str) -> Report {
        let focus = self.positions.get(id).copied();
        let findings = match focus {
            Some(index) => check::check(&self.entries, Some(index)),
            None => Vec::new(),
        };
        let focused: Vec<&Analysis> = focus
            .map(|index| &self.entries[index])
            .into_iter()
            .collect();
        Report::for_documents(&focused, &self.entries, findings)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inserting_an_id_again_replaces_the_document() {
        let mut corpus = Corpus::new();
        corpus.insert(Document::new("a", "up 5%")).unwrap();
        corpus.insert(Document::new("a", "up 6% and 7%")).unwrap();
        assert_eq!(corpus.len(), 1);
        assert_eq!(corpus.report().figures.len(), 2);
    }

    #[test]
    fn errors_say_what_went_wrong() {
        let mut corpus = Corpus::new();
        assert_eq!(
            corpus.insert(Document::new("", "x")),
            Err(CorpusError::EmptyId)
        );
        let huge = "a".repeat(MAX_DOCUMENT_BYTES + 1);
        let error = corpus.insert(Document::new("big.txt", huge)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "big.txt is 32.0 MiB (33554433 bytes); figcheck reads documents up to 32 MiB (33554432 bytes)"
        );
    }

    #[test]
    fn remove_reports_whether_it_removed() {
        let mut corpus = Corpus::new();
        corpus.insert(Document::new("a", "x")).unwrap();
        assert!(corpus.remove("a"));
        assert!(!corpus.remove("a"));
    }
}
