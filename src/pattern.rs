//! The regex engine, chosen once for the whole crate.
//!
//! Natively, figcheck uses the `regex` crate: its lazy DFA and literal prefilters make the
//! whole-text passes fast. The page's WebAssembly module uses `regex-lite` instead, which
//! has the same API and syntax for everything figcheck writes, but no DFA and no Unicode
//! tables: about 175 KB less to download (gzipped), the difference between the page
//! fitting its 250 KB budget or not. The `lite-regex` feature builds the native crate with
//! `regex-lite` too, so that the tests can show both engines read the same figures.
//!
//! Patterns are written for both engines: `[0-9]` rather than `\d`, ASCII word
//! boundaries `(?-u:\b)`, and no Unicode classes.

#[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
pub use regex_lite::{Captures, Regex, escape};

#[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
pub use regex::{Captures, Regex, escape};

/// Compiles the crate's largest pattern, the dates, which runs over every byte of every
/// document: with `regex`, a larger lazy-DFA cache than the default keeps it from
/// thrashing.
pub fn compile_large(pattern: &str) -> Regex {
    #[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
    let built = regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build();
    #[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
    let built = Regex::new(pattern);
    built.expect("a pattern of figcheck's own")
}

/// A pattern tried only where a match can begin: at the start of a word that passes a
/// cheap test of its first bytes.
///
/// A whole-text search pays for every byte, and `regex-lite`, having no DFA, pays a lot:
/// the dates alone took 40% of the page's reading time. Most words cannot open a date,
/// and at one that can, an anchored attempt gives up after a few bytes. The matches are
/// those of a leftmost-first, non-overlapping search of the whole text, provided every
/// match starts at a word start that the test accepts and is at most `reach` bytes long.
pub struct AtWordStarts {
    anchored: Regex,
    reach: usize,
}

/// A match of an [`AtWordStarts`] pattern: captures of the slice that starts at `offset`.
pub struct Anchored<'h> {
    pub offset: usize,
    pub caps: Captures<'h>,
}

impl Anchored<'_> {
    /// The absolute span of capture group `index` (0 is the whole match).
    pub fn span(&self, index: usize) -> Option<crate::Span> {
        let found = self.caps.get(index)?;
        Some(crate::Span::new(
            self.offset + found.start(),
            self.offset + found.end(),
        ))
    }
}

impl AtWordStarts {
    /// `pattern` must open on a word character at a word boundary in every alternative;
    /// no match may be longer than `reach` bytes.
    pub fn new(pattern: &str, reach: usize) -> AtWordStarts {
        AtWordStarts {
            anchored: compile_large(&format!("^(?:{pattern})")),
            reach,
        }
    }

    /// The anchored pattern, for its capture names.
    pub fn pattern(&self) -> &Regex {
        &self.anchored
    }

    /// Every match in `text`, in order, trying only the word starts `opens` accepts.
    /// `opens` sees the text from the word's first byte on.
    pub fn captures_iter<'s, 'h>(
        &'s self,
        text: &'h str,
        opens: impl Fn(&[u8]) -> bool + 's,
    ) -> impl Iterator<Item = Anchored<'h>> + 's
    where
        'h: 's,
    {
        let bytes = text.as_bytes();
        let mut resume = 0;
        word_starts(bytes).filter_map(move |start| {
            if start < resume || !opens(&bytes[start..]) {
                return None;
            }
            let end = crate::span::ceil_char_boundary(text, start + self.reach);
            let caps = self.anchored.captures(&text[start..end])?;
            resume = start + caps.get(0)?.end().max(1);
            Some(Anchored {
                offset: start,
                caps,
            })
        })
    }
}

/// Whether `byte` is a word character for `(?-u:\b)`.
pub fn is_word_byte(byte: u8) -> bool {
    WORD_BYTES[usize::from(byte)]
}

static WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_';
        byte += 1;
    }
    table
};

/// The offsets where ASCII words start: a word byte after a byte that is not one (or at
/// the start). A non-ASCII byte is not a word byte, as for `(?-u:\b)`.
pub fn word_starts(bytes: &[u8]) -> WordStarts<'_> {
    WordStarts { bytes, at: 0 }
}

/// The iterator of [`word_starts`]: it skips to the next word, then past it.
pub struct WordStarts<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let rest = self.bytes.get(self.at..)?;
        let start = self.at + rest.iter().position(|&b| is_word_byte(b))?;
        let len = self.bytes[start..]
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(self.bytes.len() - start);
        self.at = start + len;
        Some(start)
    }
}

/// The first bytes of a word, lower-cased, up to eight: enough to tell the openers of a
/// pattern apart. Longer words come back cut, so compare them as prefixes.
pub fn word_head(rest: &[u8]) -> ([u8; 8], usize) {
    let mut head = [0u8; 8];
    let mut len = 0;
    for &byte in rest.iter().take(8) {
        if !is_word_byte(byte) {
            break;
        }
        head[len] = byte.to_ascii_lowercase();
        len += 1;
    }
    (head, len)
}
