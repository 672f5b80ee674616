//! Arbitrary bytes through the extractor, asserting the figure invariants of
//! `tests/invariants/mod.rs`: spans inside the text, on character boundaries, in order,
//! with finite amounts whose low side is not above the high. The bytes are read as UTF-8
//! with invalid sequences replaced, as a paste would be.
//!
//! ```text
//! ./dev fuzz        # every target; or: cd fuzz && cargo fuzz run extract -s none
//! ```
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    if let Err(why) = invariants::check_figures(&text, &figcheck::figures::extract(&text)) {
        panic!("{why}");
    }
});
