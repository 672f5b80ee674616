//! The built-in demo corpus: five short articles about the same events, written for this
//! project. They restate the facts and figures of the news stories figcheck was
//! specified from, and they disagree where those stories disagree: one says Core
//! Scientific's shares fell 18%, another puts the whole group of miners at 4%–12%.
//!
//! The page loads them on a first visit; the tests use them as fixtures.

use crate::text::Document;

/// `(id, text)` of each demo article, in the order the page lists them.
pub const ARTICLES: &[(&str, &str)] = &[
    ("miner-slump.txt", include_str!("miner-slump.txt")),
    (
        "miners-fall-on-microsoft-news.txt",
        include_str!("miners-fall-on-microsoft-news.txt"),
    ),
    ("weak-quarter.txt", include_str!("weak-quarter.txt")),
    ("strong-quarter.txt", include_str!("strong-quarter.txt")),
    ("cleanspark-pivot.txt", include_str!("cleanspark-pivot.txt")),
];

/// The demo articles as documents, titled by their first line.
pub fn documents() -> Vec<Document> {
    ARTICLES
        .iter()
        .map(|(id, text)| Document::new(*id, *text))
        .collect()
}
