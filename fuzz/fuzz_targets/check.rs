//! Arbitrary bytes through the checker: two documents through extraction, claims,
//! checking, the report and its conversion to UTF-16 offsets, asserting the invariants of
//! `tests/invariants/mod.rs` (the same ones `tests/properties.rs` checks).
//!
//! The bytes are read as UTF-8 with invalid sequences replaced, as a paste would be, and
//! cut into two documents so that the checker compares across documents too: at the
//! first form feed if there is one (so that a seed can spell out both articles), else in
//! the middle.
//!
//! ```text
//! ./dev fuzz        # every target; or: cd fuzz && cargo fuzz run check -s none
//! ```
#![no_main]

use figcheck::Document;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

/// Separates the two documents of an input.
const DOCUMENT_BREAK: char = '\u{c}';

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let (a, b) = match text.split_once(DOCUMENT_BREAK) {
        Some(halves) => halves,
        None => text.split_at(text.floor_char_boundary(text.len() / 2)),
    };
    let documents = [Document::new("a", a), Document::new("b", b)];
    if let Err(why) = invariants::check_pipeline(&documents) {
        panic!("{why}");
    }
});
