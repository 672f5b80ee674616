//! The regex engine, chosen once for the whole crate, and the ways of finding words that
//! spare it most of the text.
//!
//! Natively, figcheck uses the `regex` crate. The page's WebAssembly module uses
//! `regex-lite` instead, which has the same API and syntax for everything figcheck
//! writes, but no DFA and no Unicode tables: about 175 KB less to download (gzipped), the
//! difference between the page fitting its 250 KB budget or not. The `lite-regex` feature
//! builds the native crate with `regex-lite` too, so that the tests can show both engines
//! read the same figures.
//!
//! Patterns are written for both engines: `[0-9]` rather than `\d`, ASCII word
//! boundaries `(?-u:\b)`, and no Unicode classes. None of them scans a whole document:
//!
//! - a [`WordIndex`] reads a document's words once and keeps, for each family of words
//!   ([`Families`] of [`Openers`]), where its words start;
//! - a [`CandidatePattern`] is tried only at those starts;
//! - a [`Phrases`] table reads a fixed vocabulary with no pattern at all, and a
//!   [`WordSet`] holds a fixed list of words to look up.

#[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
pub use regex_lite::{Captures, Regex, escape};

#[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
pub use regex::{Captures, Regex, escape};

use crate::span::{Seeker, Span};

/// Compiles a pattern tried all through a document: with `regex`, a larger lazy-DFA cache
/// than the default keeps the largest of them, the dates, from thrashing.
pub fn compile_large(pattern: &str) -> Regex {
    #[cfg(not(any(target_arch = "wasm32", feature = "lite-regex")))]
    let built = regex::RegexBuilder::new(pattern)
        .dfa_size_limit(16 << 20)
        .build();
    #[cfg(any(target_arch = "wasm32", feature = "lite-regex"))]
    let built = Regex::new(pattern);
    built.expect("a pattern of figcheck's own")
}

/// A pattern whose matches start only at candidates that are cheap to find: the words
/// that open it, from a document's [`WordIndex`] (or [`word_starts`] filtered by
/// [`Openers`]), or a few marks such as "@".
///
/// A search of the whole text pays for every byte: with `regex-lite`, which has no DFA,
/// the dates alone took 40% of the page's reading time, and natively the lazy DFA's scans,
/// one per family of words, were half of all the time with claims on. At a candidate, an
/// anchored attempt gives up after a few bytes, and most positions are no candidate. The
/// attempts find the matches of a leftmost-first search of the whole text, as long as
/// every match starts at a candidate: each use has a test of that
/// (`assert_same_as_whole_text_search`), and the test suite runs with both engines.
pub struct CandidatePattern {
    /// `^(?:pattern)`, tried at each candidate.
    anchored: Regex,
}

/// A match of a [`CandidatePattern`]: the captures of the slice that starts at `offset`.
pub struct CandidateMatch<'h> {
    pub offset: usize,
    pub caps: Captures<'h>,
}

impl CandidateMatch<'_> {
    /// The absolute span of capture group `index` (0 is the whole match).
    pub fn span(&self, index: usize) -> Option<Span> {
        let found = self.caps.get(index)?;
        Some(Span::new(
            self.offset + found.start(),
            self.offset + found.end(),
        ))
    }
}

impl CandidatePattern {
    pub fn new(pattern: &str) -> CandidatePattern {
        CandidatePattern {
            anchored: compile_large(&format!("^(?:{pattern})")),
        }
    }

    /// The anchored pattern, for its capture names (the same as the pattern's).
    pub fn pattern(&self) -> &Regex {
        &self.anchored
    }

    /// Every match in `text`, in order. `starts` are the candidates, ascending and on
    /// character boundaries.
    pub fn captures_iter<'s, 'h: 's>(
        &'s self,
        text: &'h str,
        starts: impl Iterator<Item = usize> + 's,
    ) -> impl Iterator<Item = CandidateMatch<'h>> + 's {
        // Capturing at once is cheaper here than finding first and then capturing.
        attempts(starts, move |start| {
            let caps = self.anchored.captures(&text[start..])?;
            let end = start + caps.get(0)?.end();
            Some((
                end,
                CandidateMatch {
                    offset: start,
                    caps,
                },
            ))
        })
    }

    /// The spans of every match in `text`, as [`captures_iter`](Self::captures_iter)
    /// finds them, without the cost of capturing groups.
    pub fn find_iter<'s, 'h: 's>(
        &'s self,
        text: &'h str,
        starts: impl Iterator<Item = usize> + 's,
    ) -> impl Iterator<Item = Span> + 's {
        self.attempts(text, starts)
    }

    /// The matches of anchored attempts at each of `starts`.
    fn attempts<'s, 'h: 's>(
        &'s self,
        text: &'h str,
        starts: impl Iterator<Item = usize> + 's,
    ) -> impl Iterator<Item = Span> + 's {
        attempts(starts, move |start| {
            let end = start + self.anchored.find(&text[start..])?.end();
            Some((end, Span::new(start, end)))
        })
    }

    /// The match starting at `start` in `text`, if any.
    pub fn find_at(&self, text: &str, start: usize) -> Option<Span> {
        let found = self.anchored.find(&text[start..])?;
        Some(Span::new(start, start + found.end()))
    }
}

/// Leftmost-first, non-overlapping matching over candidate starts: `attempt` tries one
/// start and returns where its match ends with what it found; a start inside an earlier
/// match is skipped, as a whole-text search would skip it.
fn attempts<T>(
    starts: impl Iterator<Item = usize>,
    mut attempt: impl FnMut(usize) -> Option<(usize, T)>,
) -> impl Iterator<Item = T> {
    let mut resume = 0;
    starts.filter_map(move |start| {
        if start < resume {
            return None;
        }
        let (end, found) = attempt(start)?;
        // An empty match moves the search on by one, as a whole-text search does.
        resume = end.max(start + 1);
        Some(found)
    })
}

/// The words a pattern can open on. A word is looked up by its first two bytes (ASCII,
/// case folded) in a table of buckets, then compared with the few openers in its bucket,
/// so that most words are rejected with two loads. An admitted word is only a
/// candidate: the pattern decides.
pub struct Openers {
    /// For each pair of byte classes, an index into `buckets` (0: no opener).
    pairs: Vec<u16>,
    buckets: Vec<Vec<&'static [u8]>>,
    /// Whether an opener may be the start of a longer word ("doubl" opens "doubled").
    prefixes: bool,
}

impl Openers {
    /// The alphabet of the table: the 37 word bytes, case folded, and "not a word byte".
    pub(crate) const SIZE: usize = 38;

    fn class(byte: Option<&u8>) -> usize {
        byte.map_or(37, |&b| usize::from(OPENER_CLASSES[usize::from(b)]))
    }

    fn pair(bytes: &[u8]) -> usize {
        Openers::class(bytes.first()) * Openers::SIZE + Openers::class(bytes.get(1))
    }

    /// Openers that are whole words, in lower case.
    pub fn words(words: impl IntoIterator<Item = &'static str>) -> Openers {
        Openers::build(&mut words.into_iter(), false)
    }

    /// Openers that are the starts of words, in lower case.
    pub fn prefixes(prefixes: impl IntoIterator<Item = &'static str>) -> Openers {
        Openers::build(&mut prefixes.into_iter(), true)
    }

    /// Not generic: a dozen tables are built from a dozen kinds of list, and one copy of
    /// this serves them all (the page carried twelve).
    fn build(openers: &mut dyn Iterator<Item = &'static str>, prefixes: bool) -> Openers {
        let mut pairs = vec![0u16; Openers::SIZE * Openers::SIZE];
        let mut buckets: Vec<Vec<&'static [u8]>> = vec![Vec::new()];
        for opener in openers {
            assert!(!opener.is_empty(), "an empty opener");
            let first = Openers::class(opener.as_bytes().first());
            // A prefix of one byte ("7" for any word that starts with a digit) opens words
            // with any second byte.
            let seconds = if prefixes && opener.len() == 1 {
                0..Openers::SIZE
            } else {
                let second = Openers::class(opener.as_bytes().get(1));
                second..second + 1
            };
            for second in seconds {
                let pair = first * Openers::SIZE + second;
                if pairs[pair] == 0 {
                    pairs[pair] = u16::try_from(buckets.len()).expect("fewer than 65,536 pairs");
                    buckets.push(Vec::new());
                }
                buckets[usize::from(pairs[pair])].push(opener.as_bytes());
            }
        }
        Openers {
            pairs,
            buckets,
            prefixes,
        }
    }

    /// The word starts of `text` whose words this admits: the candidates of a pattern
    /// that opens on these words.
    pub fn starts_in<'t>(&'t self, text: &'t str) -> impl Iterator<Item = usize> + 't {
        let bytes = text.as_bytes();
        word_starts(bytes).filter(move |&start| self.admit(&bytes[start..]))
    }

    /// The word starts within `within`, a stretch of `text`, whose words this admits: a
    /// family's candidates in a few stretches, without an index of the whole text.
    pub fn starts_within<'t>(
        &'t self,
        text: &'t str,
        within: Span,
    ) -> impl Iterator<Item = usize> + 't {
        let bytes = text.as_bytes();
        // A stretch may start inside a word: that word starts before it.
        let inside_word = within.start > 0 && is_word_byte(bytes[within.start - 1]);
        word_starts(&bytes[within.start..within.end])
            .map(move |start| within.start + start)
            .filter(move |&start| !(inside_word && start == within.start))
            .filter(move |&start| self.admit(&bytes[start..]))
    }

    /// Whether the word at the start of `rest` is one of the openers (or, for prefixes,
    /// starts with one).
    pub fn admit(&self, rest: &[u8]) -> bool {
        self.admit_in_bucket(rest, Openers::pair(rest) as u16)
    }

    fn admit_in_bucket(&self, rest: &[u8], pair: u16) -> bool {
        if self.pairs[usize::from(pair)] == 0 {
            return false;
        }
        let word_len = rest
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(rest.len());
        self.admit_word(&rest[..word_len])
    }

    /// Whether `word`, a whole word, is admitted.
    fn admit_word(&self, word: &[u8]) -> bool {
        let bucket = self.pairs[Openers::pair(word)];
        bucket != 0
            && self.buckets[usize::from(bucket)].iter().any(|opener| {
                let fits = if self.prefixes {
                    opener.len() <= word.len()
                } else {
                    opener.len() == word.len()
                };
                fits && word[..opener.len()].eq_ignore_ascii_case(opener)
            })
    }
}

/// A fixed list of word families ([`Openers`]) that documents are searched for
/// together, with one table that says which of them a word's first three bytes (case
/// folded; "not a word byte" past its end) may open. Two bytes, as in each family's own
/// table, let through more than half the words of news text ("to" for "today", "on" for
/// "once"); three let through a fraction.
pub struct Families {
    members: Vec<&'static Openers>,
    /// For each class triple, `(may, sure)`: bit `f` of `may` set if family `f` may
    /// open a word starting so, of `sure` if it surely does. A prefix of up to three
    /// bytes, or a whole word of up to two ("to", "a"), is settled by the triple alone:
    /// the most frequent words are such, and are spared the comparison with the
    /// family's openers. Side by side, the two take one memory access.
    masks: Vec<(u16, u16)>,
}

impl Families {
    const TRIPLES: usize = Openers::SIZE * Openers::SIZE * Openers::SIZE;

    fn triple(bytes: &[u8]) -> usize {
        Openers::pair(bytes) * Openers::SIZE + Openers::class(bytes.get(2))
    }

    /// At most 16 families.
    pub fn new(members: Vec<&'static Openers>) -> Families {
        assert!(members.len() <= 16, "at most 16 families");
        let mut masks = vec![(0u16, 0u16); Families::TRIPLES];
        for (family, openers) in members.iter().enumerate() {
            let bit = 1u16 << family;
            for opener in openers.buckets.iter().flatten() {
                let settled = if openers.prefixes {
                    opener.len() <= 3
                } else {
                    opener.len() <= 2
                };
                // The classes the second and third bytes of an admitted word must have,
                // or None for any: past the end of a whole word comes a byte that is no
                // word byte; past the end of a prefix, anything.
                let end = Openers::SIZE - 1;
                let (second, third) = match (opener.len(), openers.prefixes) {
                    (1, false) => (Some(end), None),
                    (1, true) => (None, None),
                    (2, false) => (Some(Openers::class(opener.get(1))), Some(end)),
                    (2, true) => (Some(Openers::class(opener.get(1))), None),
                    _ => (
                        Some(Openers::class(opener.get(1))),
                        Some(Openers::class(opener.get(2))),
                    ),
                };
                let first = Openers::class(opener.first());
                for c1 in 0..Openers::SIZE {
                    if second.is_some_and(|c| c != c1) {
                        continue;
                    }
                    for c2 in 0..Openers::SIZE {
                        if third.is_some_and(|c| c != c2) {
                            continue;
                        }
                        let triple = (first * Openers::SIZE + c1) * Openers::SIZE + c2;
                        masks[triple].0 |= bit;
                        if settled {
                            masks[triple].1 |= bit;
                        }
                    }
                }
            }
        }
        Families { members, masks }
    }
}

/// Where the words of each family of a [`Families`] start in one document, read in one
/// pass over its words: a family's candidates are then a slice, for the whole document
/// or a sentence, instead of another scan of the text.
pub struct WordIndex {
    /// `candidates[f]`: the starts of the words family `f` admits, ascending.
    candidates: Vec<Vec<usize>>,
    /// Where the last search in each family's candidates ended: a document's sentences
    /// ask for theirs in order.
    seekers: Vec<Seeker>,
}

impl WordIndex {
    pub fn of(text: &str, families: &Families) -> WordIndex {
        let [index] = WordIndex::of_each(text, [families]);
        index
    }

    /// An index for each of several lists of families, from one pass over the words.
    pub fn of_each<const N: usize>(text: &str, families: [&Families; N]) -> [WordIndex; N] {
        let bytes = text.as_bytes();
        let mut indexes = families.map(|families| WordIndex {
            candidates: vec![Vec::new(); families.members.len()],
            seekers: (0..families.members.len())
                .map(|_| Seeker::default())
                .collect(),
        });
        for start in word_starts(bytes) {
            let triple = Families::triple(&bytes[start..]);
            let mut word = None;
            for (families, index) in families.iter().zip(&mut indexes) {
                let (mask, sure) = families.masks[triple];
                if mask == 0 {
                    continue;
                }
                let mut mask = mask & !sure;
                let mut sure = sure;
                while sure != 0 {
                    let family = sure.trailing_zeros() as usize;
                    sure &= sure - 1;
                    index.candidates[family].push(start);
                }
                if mask == 0 {
                    continue;
                }
                let word = *word.get_or_insert_with(|| {
                    let rest = &bytes[start..];
                    &rest[..rest
                        .iter()
                        .position(|&b| !is_word_byte(b))
                        .unwrap_or(rest.len())]
                });
                while mask != 0 {
                    let family = mask.trailing_zeros() as usize;
                    mask &= mask - 1;
                    if families.members[family].admit_word(word) {
                        index.candidates[family].push(start);
                    }
                }
            }
        }
        indexes
    }

    /// The starts of family `family`'s words within `within`.
    pub fn starts(&self, family: usize, within: Span) -> &[usize] {
        let starts = &self.candidates[family];
        let first = self.seekers[family].partition_point(starts, |&start| start < within.start);
        let end = first + starts[first..].partition_point(|&start| start < within.end);
        &starts[first..end]
    }
}

/// A vocabulary of words and short phrases, each with what it means: matched at word
/// starts, in any ASCII case (or in the case written, for a phrase marked so), and only
/// where a word ends after it. Where several match at one start, the longest wins.
///
/// A family of fixed words is cheaper to read this way than with a regex: its
/// candidates come from a [`WordIndex`] by their first word, exact, and a match needs no
/// capture groups to say what it means.
pub struct Phrases<T> {
    table: PhraseTable,
    /// `values[i]`: what the phrases of index `i` in `table` mean.
    values: Vec<T>,
}

/// A phrase of a [`Phrases`] table, in lower case, and what it means; with `=` before
/// it, it matches only in lower case ("=power": the noun, not "Power" in a name).
pub type PhraseSpec<T> = (&'static str, T);

impl<T: Copy> Phrases<T> {
    pub fn new(phrases: &[PhraseSpec<T>]) -> Phrases<T> {
        let values: Vec<T> = phrases.iter().map(|&(_, value)| value).collect();
        let specs: Vec<&'static str> = phrases.iter().map(|&(spec, _)| spec).collect();
        Phrases {
            table: PhraseTable::new(&specs),
            values,
        }
    }

    /// The phrase that starts at `start`, a word start of `text`, with its end.
    pub fn at(&self, text: &str, start: usize) -> Option<(usize, T)> {
        let (end, index) = self.table.at(text, start)?;
        Some((end, self.values[index]))
    }

    /// The words a phrase of this table opens on: its family in a [`Families`].
    pub fn openers(&self) -> &Openers {
        &self.table.openers
    }

    /// Every phrase at `starts` (the word starts of its family), in order and not
    /// overlapping, as a leftmost-first search would find them.
    pub fn find_among<'t>(
        &'t self,
        text: &'t str,
        starts: &'t [usize],
    ) -> impl Iterator<Item = (Span, T)> + 't {
        attempts(starts.iter().copied(), move |start| {
            let (end, value) = self.at(text, start)?;
            Some((end, (Span::new(start, end), value)))
        })
    }
}

/// The phrases of a [`Phrases`] table with the index of their spec for a meaning: not
/// generic, so that one copy of its building and matching serves every table (the page
/// carried one per meaning type).
struct PhraseTable {
    /// The first word of every phrase.
    openers: Openers,
    /// By first word, then longest first.
    entries: Vec<PhraseEntry>,
}

struct PhraseEntry {
    first_word: &'static str,
    phrase: &'static str,
    case_sensitive: bool,
    /// The index of its spec.
    index: usize,
}

impl PhraseTable {
    fn new(specs: &[&'static str]) -> PhraseTable {
        let mut entries: Vec<PhraseEntry> = specs
            .iter()
            .enumerate()
            .map(|(index, &spec)| {
                let (phrase, case_sensitive) = match spec.strip_prefix('=') {
                    Some(phrase) => (phrase, true),
                    None => (spec, false),
                };
                let first_len = phrase
                    .bytes()
                    .position(|b| !is_word_byte(b))
                    .unwrap_or(phrase.len());
                assert!(
                    first_len > 0 && phrase.bytes().last().is_some_and(is_word_byte),
                    "a phrase starts and ends with a word: {phrase:?}"
                );
                // The table is ordered by lower-case first words.
                assert!(
                    !phrase.bytes().any(|b| b.is_ascii_uppercase()),
                    "a phrase in lower case: {phrase:?}"
                );
                PhraseEntry {
                    first_word: &phrase[..first_len],
                    phrase,
                    case_sensitive,
                    index,
                }
            })
            .collect();
        entries.sort_by(|a, b| {
            (a.first_word, std::cmp::Reverse(a.phrase.len()))
                .cmp(&(b.first_word, std::cmp::Reverse(b.phrase.len())))
        });
        let mut first_words: Vec<&'static str> = entries.iter().map(|e| e.first_word).collect();
        first_words.dedup();
        PhraseTable {
            openers: Openers::words(first_words),
            entries,
        }
    }

    /// The phrase that starts at `start`, with its end and the index of its spec.
    fn at(&self, text: &str, start: usize) -> Option<(usize, usize)> {
        let rest = &text.as_bytes()[start..];
        let first_len = rest
            .iter()
            .position(|&b| !is_word_byte(b))
            .unwrap_or(rest.len());
        let first = &rest[..first_len];
        let from = self
            .entries
            .partition_point(|e| cmp_ignoring_case(e.first_word.as_bytes(), first).is_lt());
        self.entries[from..]
            .iter()
            .take_while(|e| e.first_word.as_bytes().eq_ignore_ascii_case(first))
            .find(|e| {
                let phrase = e.phrase.as_bytes();
                let matches = rest.get(..phrase.len()).is_some_and(|head| {
                    if e.case_sensitive {
                        head == phrase
                    } else {
                        head.eq_ignore_ascii_case(phrase)
                    }
                });
                matches && !rest.get(phrase.len()).is_some_and(|&b| is_word_byte(b))
            })
            .map(|e| (start + e.phrase.len(), e.index))
    }
}

/// Orders byte strings as their ASCII lower-case forms order.
fn cmp_ignoring_case(a: &[u8], b: &[u8]) -> std::cmp::Ordering {
    a.iter()
        .map(u8::to_ascii_lowercase)
        .cmp(b.iter().map(u8::to_ascii_lowercase))
}

/// `word` in ASCII lower case, written into `buffer`: None if it is longer, or not ASCII
/// (no word of a fixed list is). Spares an allocation per lookup.
pub fn lowercase_ascii<'b>(word: &str, buffer: &'b mut [u8; 16]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.len() > buffer.len() || !word.is_ascii() {
        return None;
    }
    let lower = &mut buffer[..bytes.len()];
    lower.copy_from_slice(bytes);
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).ok()
}

/// A fixed set of words, compared byte for byte: the stop lists every capitalised word
/// of a document is looked up in. The table never grows, so a cheap hash of a word's
/// length and end bytes serves: no input can lengthen a lookup beyond its bucket.
pub struct WordSet {
    buckets: Vec<Vec<&'static str>>,
}

impl WordSet {
    const BUCKETS: usize = 256;

    pub fn new(words: &[&'static str]) -> WordSet {
        let mut buckets = vec![Vec::new(); WordSet::BUCKETS];
        for &word in words {
            buckets[WordSet::bucket(word.as_bytes())].push(word);
        }
        WordSet { buckets }
    }

    fn bucket(word: &[u8]) -> usize {
        let (first, last) = match word {
            [] => (0, 0),
            [first, .., last] => (*first, *last),
            [only] => (*only, *only),
        };
        (word.len() * 61 + usize::from(first) * 7 + usize::from(last)) % WordSet::BUCKETS
    }

    pub fn contains(&self, word: &str) -> bool {
        self.buckets[WordSet::bucket(word.as_bytes())].contains(&word)
    }
}

/// The class of each byte in an [`Openers`] table: a letter in either case 0 to 25, a
/// digit 26 to 35, `_` 36, anything else 37. Every word of a document is classed, so it
/// is a table, not a match.
static OPENER_CLASSES: [u8; 256] = {
    let mut table = [37u8; 256];
    let mut byte = 0;
    while byte < 256 {
        let b = (byte as u8).to_ascii_lowercase();
        table[byte] = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            b'_' => 36,
            _ => 37,
        };
        byte += 1;
    }
    table
};

/// The offset of the first byte of `bytes` in `first..=last`, two ASCII bytes, at or
/// after `from`. Eight bytes are tested at a time, then one by one: a word test for a
/// byte between two bounds is exact byte by byte, since no sum carries across bytes, and
/// the capitals or digits of a text are a few in a hundred bytes.
pub fn next_byte_in(bytes: &[u8], from: usize, first: u8, last: u8) -> Option<usize> {
    debug_assert!(first.is_ascii() && last.is_ascii() && first <= last);
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    let (below, above) = (u64::from(first) - 1, u64::from(last) + 1);
    let has_one = |word: u64| {
        // Bytes strictly between `below` and `above`, and below 128.
        let low = word & (ONES * 127);
        (ONES * (127 + above) - low) & !word & (low + ONES * (127 - below)) & (ONES * 128) != 0
    };
    let mut at = from;
    while let Some(chunk) = bytes.get(at..at + 8) {
        if has_one(u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]))) {
            break;
        }
        at += 8;
    }
    let offset = bytes
        .get(at..)?
        .iter()
        .position(|b| (first..=last).contains(b))?;
    Some(at + offset)
}

/// The index of the capture group `name` of `pattern`: looking a group up by index is
/// cheaper than by name, which hashes the name, so the patterns read for every figure
/// find their groups' indices once.
pub fn group_index(pattern: &Regex, name: &str) -> usize {
    pattern
        .capture_names()
        .position(|group| group == Some(name))
        .unwrap_or_else(|| panic!("no group {name} in {}", pattern.as_str()))
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
    WordStarts {
        bytes,
        block: 0,
        starts: 0,
        previous_is_word: 0,
    }
}

/// The iterator of [`word_starts`]. It reads the text 64 bytes at a time into a bit mask
/// of word bytes, whose rising edges are the starts: every family of words a document
/// is searched for begins with this scan, and a byte at a time it cost as much as the
/// search itself.
pub struct WordStarts<'b> {
    bytes: &'b [u8],
    /// The offset of the block after the one `starts` holds.
    block: usize,
    /// The starts left in the current block, one bit per byte.
    starts: u64,
    /// 1 if the last byte of the previous block is a word byte.
    previous_is_word: u64,
}

impl Iterator for WordStarts<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        while self.starts == 0 {
            let chunk = self.bytes.get(self.block..)?;
            if chunk.is_empty() {
                return None;
            }
            let chunk = &chunk[..chunk.len().min(64)];
            let mut words: u64 = 0;
            for (bit, &byte) in chunk.iter().enumerate() {
                words |= u64::from(is_word_byte(byte)) << bit;
            }
            self.starts = words & !((words << 1) | self.previous_is_word);
            self.previous_is_word = words >> 63;
            self.block += 64;
        }
        let bit = self.starts.trailing_zeros() as usize;
        self.starts &= self.starts - 1;
        Some(self.block - 64 + bit)
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

/// Checks that `pattern`, tried at `starts(text)`, finds exactly the matches a search of
/// the whole text with the same pattern finds, in each of `texts` and in the demo
/// articles: the test every use of [`CandidatePattern`] owes its candidate filter.
#[cfg(test)]
pub(crate) fn assert_same_as_whole_text_search(
    pattern: &CandidatePattern,
    starts: impl Fn(&str) -> Vec<usize>,
    texts: &[&str],
) {
    let anchored = pattern.pattern().as_str();
    let unanchored = anchored
        .strip_prefix("^(?:")
        .and_then(|p| p.strip_suffix(')'))
        .expect("an anchored pattern");
    let whole_text = compile_large(unanchored);
    let demo = crate::demo::ARTICLES.iter().map(|(_, text)| *text);
    for text in texts.iter().copied().chain(demo) {
        let expected: Vec<Span> = whole_text
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        let found: Vec<Span> = pattern.attempts(text, starts(text).into_iter()).collect();
        assert_eq!(found, expected, "in {:?}", &text[..text.len().min(60)]);
    }
}

/// Checks that a hand-written reader finds exactly the leftmost-first matches of
/// `pattern` (the specification it replaces) in each of `texts` and in the demo articles.
#[cfg(test)]
pub(crate) fn assert_same_as_regex(
    pattern: &str,
    reader: impl Fn(&str) -> Vec<Span>,
    texts: &[String],
) {
    let regex = compile_large(pattern);
    let demo = crate::demo::ARTICLES.iter().map(|(_, text)| *text);
    for text in texts.iter().map(String::as_str).chain(demo) {
        let expected: Vec<Span> = regex
            .find_iter(text)
            .map(|m| Span::new(m.start(), m.end()))
            .collect();
        assert_eq!(reader(text), expected, "in {text:?}");
    }
}

/// `count` texts of up to `max_len` pieces drawn from `alphabet`, the same every run: the
/// inputs on which a hand-written reader is held to the pattern it replaces. Short
/// texts over a few well-chosen pieces reach the corners a test of prose misses.
#[cfg(test)]
pub(crate) fn random_texts(alphabet: &[&str], count: usize, max_len: usize) -> Vec<String> {
    // xorshift64: enough to spread the draws, and no dependency.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |below: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % below as u64) as usize
    };
    (0..count)
        .map(|_| {
            let len = next(max_len + 1);
            (0..len).map(|_| alphabet[next(alphabet.len())]).collect()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The offsets where runs of ASCII digits start: a digit after a byte that is not one.
    fn digit_starts(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
        let mut at = 0;
        std::iter::from_fn(move || {
            let start = at + bytes.get(at..)?.iter().position(u8::is_ascii_digit)?;
            let len = bytes[start..]
                .iter()
                .position(|b| !b.is_ascii_digit())
                .unwrap_or(bytes.len() - start);
            at = start + len;
            Some(start)
        })
    }

    use std::sync::LazyLock;

    #[test]
    fn word_starts_follow_ascii_word_boundaries() {
        let text = "Hi, wörld_1 2x  (end)";
        let starts: Vec<usize> = word_starts(text.as_bytes()).collect();
        // "ö" is not an ASCII word byte: "rld_1" starts a word of its own, as for (?-u:\b).
        let words: Vec<&str> = starts
            .iter()
            .map(|&s| {
                text[s..]
                    .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                    .next()
                    .unwrap()
            })
            .collect();
        assert_eq!(words, ["Hi", "w", "rld_1", "2x", "end"]);
    }

    /// The eight-byte test finds what a byte-by-byte search finds, from every offset of
    /// all 256 byte values.
    #[test]
    fn next_byte_in_finds_the_first_byte_in_its_range() {
        let bytes: Vec<u8> = (0..=255u8).chain(*b"abc/:@[`{xyz5Z").collect();
        for (first, last) in [(b'A', b'Z'), (b'0', b'9'), (b'a', b'a')] {
            for from in 0..bytes.len() {
                let expected = bytes[from..]
                    .iter()
                    .position(|b| (first..=last).contains(b))
                    .map(|at| from + at);
                assert_eq!(
                    next_byte_in(&bytes, from, first, last),
                    expected,
                    "from {from}"
                );
            }
        }
    }

    #[test]
    fn digit_starts_are_where_runs_of_digits_begin() {
        let starts: Vec<usize> = digit_starts(b"a12b3 45,6").collect();
        assert_eq!(starts, [1, 4, 6, 9]);
    }

    #[test]
    fn openers_admit_their_words_in_any_case_and_nothing_else() {
        let words = Openers::words(["a", "three", "thirty"]);
        for word in ["a ", "A-", "Three", "THIRTY,", "thirty"] {
            assert!(words.admit(word.as_bytes()), "{word}");
        }
        for word in ["an", "the", "threes", "thirt", "", " a"] {
            assert!(!words.admit(word.as_bytes()), "{word}");
        }
        let prefixes = Openers::prefixes(["doubl", "halv"]);
        assert!(prefixes.admit(b"Doubled"));
        assert!(prefixes.admit(b"halves"));
        assert!(prefixes.admit(b"doubl"));
        assert!(!prefixes.admit(b"dou"));
        assert!(!prefixes.admit(b"half"));
    }

    /// A word index holds, for each family, the words its openers admit: what a scan of
    /// the text with each family alone finds.
    #[test]
    fn a_word_index_finds_each_familys_words() {
        // Openers the class triple settles ("to", "ne") and openers it does not ("top",
        // "tonne").
        static A: LazyLock<Openers> = LazyLock::new(|| Openers::words(["to", "top", "net"]));
        static B: LazyLock<Openers> = LazyLock::new(|| Openers::prefixes(["ne", "xy", "tonne"]));
        static C: LazyLock<Openers> = LazyLock::new(|| Openers::words(["q1", "_a"]));
        static D: LazyLock<Openers> = LazyLock::new(|| Openers::prefixes(["1", "x"]));
        let families = Families::new(vec![&*A, &*B, &*C, &*D]);
        let mut texts = random_texts(
            &[
                "to", "p", "net", "Ne", "xy", "Q1", "_a", " ", ".", "é", "1", "TOP",
            ],
            5_000,
            8,
        );
        texts.push("To the top, net of tonnes; Q1 and _a xy-z, tonne".to_string());
        for text in &texts {
            let index = WordIndex::of(text, &families);
            let whole = Span::new(0, text.len());
            for (family, openers) in [&*A, &*B, &*C, &*D].into_iter().enumerate() {
                let expected: Vec<usize> = openers.starts_in(text).collect();
                assert_eq!(index.starts(family, whole), expected, "in {text:?}");
            }
            // A stretch holds the words that start in it.
            let half = Span::new(text.len() / 2, text.len());
            let expected: Vec<usize> = B.starts_in(text).filter(|&s| s >= half.start).collect();
            assert_eq!(index.starts(1, half), expected, "in {text:?}");
        }
    }

    #[test]
    fn candidates_are_tried_in_order_and_only_there() {
        let pattern = CandidatePattern::new(r"[0-9]+%");
        let text = "up 18% and 4% or x5%";
        let all: Vec<&str> = pattern
            .attempts(text, digit_starts(text.as_bytes()))
            .map(|span| span.text(text))
            .collect();
        assert_eq!(all, ["18%", "4%", "5%"]);
        let at_words: Vec<&str> = pattern
            .attempts(text, word_starts(text.as_bytes()))
            .map(|span| span.text(text))
            .collect();
        assert_eq!(at_words, ["18%", "4%"]);
        assert_eq!(pattern.find_at(text, 3), Some(Span::new(3, 6)));
        assert_eq!(pattern.find_at(text, 2), None);
    }
}
