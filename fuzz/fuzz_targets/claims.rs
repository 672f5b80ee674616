//! Arbitrary bytes through extraction and the claim layer, asserting the claim invariants
//! of `tests/invariants/mod.rs`: one claim per figure, sentences and verdicts that fit the
//! text on character boundaries, subjects with names and keys.
//!
//! ```text
//! ./dev fuzz        # every target; or: cd fuzz && cargo fuzz run claims -s none
//! ```
#![no_main]

use figcheck::Document;
use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let document = Document::new("fuzz", text.as_ref());
    let figures = figcheck::figures::extract(&document.text);
    let analysis = figcheck::claims::analyse(document, figures);
    if let Err(why) = invariants::check_claims(&text, &analysis) {
        panic!("{why}");
    }
});
