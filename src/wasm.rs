//! The WebAssembly boundary: the only module that knows about JavaScript.
//!
//! Plain data crosses as plain JS objects through one configured serializer
//! ([`to_js`]); every offset is converted from UTF-8 bytes to UTF-16 code units once,
//! here, on the way out; failures become JS `Error` objects with a message.

use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::report::Report;
use crate::{Corpus, Document};

#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// Objects as plain JS objects (not Maps), missing values as null.
///
/// The value is written as JSON by serde_json and read back by the engine's own
/// `JSON.parse`. For a report of tens of thousands of figures this is several times
/// faster than building the objects field by field across the boundary.
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let json = serde_json::to_string(value)
        .map_err(|error| JsError::new(&format!("cannot hand the report to JavaScript: {error}")))?;
    js_sys::JSON::parse(&json)
        .map_err(|_| JsError::new("cannot hand the report to JavaScript: JSON.parse failed"))
}

/// A corpus of articles, kept in WebAssembly memory between calls, so that checking a
/// new article does not re-read the others.
#[wasm_bindgen]
pub struct Checker {
    corpus: Corpus,
}

#[wasm_bindgen]
impl Checker {
    #[wasm_bindgen(constructor)]
    pub fn new() -> Checker {
        Checker {
            corpus: Corpus::new(),
        }
    }

    /// Adds an article, or replaces the one with the same id.
    pub fn set(&mut self, id: &str, title: &str, text: &str) -> Result<(), JsError> {
        let document = if title.trim().is_empty() {
            Document::new(id, text)
        } else {
            Document::with_title(id, title, text)
        };
        self.corpus
            .insert(document)
            .map_err(|error| JsError::new(&error.to_string()))
    }

    /// Removes an article; returns whether it was there.
    pub fn remove(&mut self, id: &str) -> bool {
        self.corpus.remove(id)
    }

    #[wasm_bindgen(getter)]
    pub fn size(&self) -> usize {
        self.corpus.len()
    }

    /// Every figure and every finding across all articles, with UTF-16 offsets.
    pub fn report(&self) -> Result<JsValue, JsError> {
        self.finish(self.corpus.report())
    }

    /// Every finding across all articles, without the figures, with UTF-16 offsets.
    pub fn findings(&self) -> Result<JsValue, JsError> {
        self.finish(self.corpus.findings_report())
    }

    /// One article's figures and the findings that involve it.
    #[wasm_bindgen(js_name = reportFor)]
    pub fn report_for(&self, id: &str) -> Result<JsValue, JsError> {
        if self.corpus.get(id).is_none() {
            return Err(JsError::new(&format!("no article with id {id:?}")));
        }
        self.finish(self.corpus.report_for(id))
    }

    fn finish(&self, mut report: Report) -> Result<JsValue, JsError> {
        report.offsets_to_utf16(&|id| self.corpus.get(id).map(|a| a.document.text.as_str()));
        to_js(&report)
    }
}

impl Default for Checker {
    fn default() -> Checker {
        Checker::new()
    }
}

/// The figures of one text, with UTF-16 offsets.
#[wasm_bindgen]
pub fn extract(text: &str) -> Result<JsValue, JsError> {
    let mut corpus = Corpus::new();
    corpus
        .insert(Document::new("text", text))
        .map_err(|error| JsError::new(&error.to_string()))?;
    let mut report = corpus.figures_report();
    report.offsets_to_utf16(&|_| Some(text));
    to_js(&report)
}

#[derive(Serialize)]
struct DemoArticle<'a> {
    id: &'a str,
    title: String,
    text: &'a str,
}

/// The built-in demo articles: `[{id, title, text}]`.
#[wasm_bindgen(js_name = demoCorpus)]
pub fn demo_corpus() -> Result<JsValue, JsError> {
    let articles: Vec<DemoArticle> = crate::demo::ARTICLES
        .iter()
        .map(|(id, text)| DemoArticle {
            id,
            title: Document::new(*id, *text).title,
            text,
        })
        .collect();
    to_js(&articles)
}
