//! Sentences: where one statement ends and the next begins.
//!
//! A line break always ends a sentence, so headlines, bullets and lines without final
//! punctuation stand alone. Inside a line, a sentence ends at ".", "!" or "?" followed
//! by a space, unless the word before the period is an abbreviation ("U.S.", "Inc.",
//! "Mr.", "No.") or a single initial. Decimals never end a sentence: their period is
//! followed by a digit, not a space.

use std::sync::LazyLock;

use crate::pattern::WordSet;
use crate::span::{Seeker, Span};

/// Words that end with a period without ending the sentence. Compared without the
/// period, case-sensitively.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "Inc", "Corp", "Co", "Ltd", "No", "Nos",
    "vs", "etc", "e.g", "i.e", "U.S", "U.K", "U.N", "E.U", "Jan", "Feb", "Mar", "Apr", "Jun",
    "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "approx", "est", "Fig", "Gov", "Sen", "Rep",
    "Gen", "Lt", "Col", "Bros", "Mt", "a.m", "p.m", "A.M", "P.M",
];

/// Splits `text` into sentence spans, trimmed of surrounding whitespace; empty pieces are
/// left out.
pub fn sentences(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    // Every character that can end a sentence is ASCII, and an ASCII byte is never part of
    // a longer UTF-8 sequence: the scan goes over bytes.
    for index in sentence_marks(bytes) {
        let ch = char::from(bytes[index]);
        let ends = match ch {
            '\n' => true,
            '.' | '!' | '?' => {
                let next = bytes.get(index + 1).copied();
                let closes = matches!(next, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
                    || text[index + 1..].starts_with(['"', '”', '’', ')']);
                closes && (ch != '.' || !is_abbreviation(&text[start..index]))
            }
            _ => false,
        };
        if ends {
            let mut end = if ch == '\n' {
                index
            } else {
                index + ch.len_utf8()
            };
            // A closing quote or bracket belongs to the sentence it closes.
            while let Some(close) = text[end..]
                .chars()
                .next()
                .filter(|c| matches!(c, '"' | '”' | '’' | ')'))
            {
                end += close.len_utf8();
            }
            if end < start {
                continue;
            }
            push_trimmed(text, start, end, &mut spans);
            start = end;
        }
    }
    push_trimmed(text, start, text.len(), &mut spans);
    spans
}

/// [`ABBREVIATIONS`] as a set: every period before a space asks.
static ABBREVIATION_SET: LazyLock<WordSet> = LazyLock::new(|| WordSet::new(ABBREVIATIONS));

/// The offsets of the bytes that may end a sentence: line breaks, stops, exclamation and
/// question marks. Eight bytes are tested at a time (most hold none), then one by one.
fn sentence_marks(bytes: &[u8]) -> impl Iterator<Item = usize> + '_ {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGHS: u64 = u64::from_ne_bytes([0x80; 8]);
    // Non-zero if any byte of `word` is zero (exact for "any", not for "which").
    let has_zero = |word: u64| word.wrapping_sub(ONES) & !word & HIGHS;
    let has_mark = move |chunk: &[u8]| {
        let word = u64::from_ne_bytes(chunk.try_into().unwrap_or([0; 8]));
        [b'\n', b'.', b'!', b'?']
            .iter()
            .any(|&mark| has_zero(word ^ (ONES * u64::from(mark))) != 0)
    };
    let is_mark = |byte: &u8| matches!(byte, b'\n' | b'.' | b'!' | b'?');
    let whole = bytes.len() / 8 * 8;
    bytes[..whole]
        .chunks_exact(8)
        .enumerate()
        .filter(move |(_, chunk)| has_mark(chunk))
        .flat_map(move |(at, chunk)| {
            chunk
                .iter()
                .enumerate()
                .filter(move |(_, byte)| is_mark(byte))
                .map(move |(offset, _)| at * 8 + offset)
        })
        .chain(
            bytes[whole..]
                .iter()
                .enumerate()
                .filter(move |(_, byte)| is_mark(byte))
                .map(move |(offset, _)| whole + offset),
        )
}

fn is_abbreviation(before_period: &str) -> bool {
    let word = before_period
        .rsplit([' ', '(', '\t', '"', '“'])
        .next()
        .unwrap_or("");
    let mut chars = word.chars();
    let single_initial =
        matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase());
    single_initial || ABBREVIATION_SET.contains(word)
}

fn push_trimmed(text: &str, start: usize, end: usize, spans: &mut Vec<Span>) {
    let piece = &text[start..end];
    let leading = piece.len() - piece.trim_start().len();
    let trailing = piece.len() - piece.trim_end().len();
    if leading + trailing < piece.len() {
        spans.push(Span::new(start + leading, end - trailing));
    }
}

/// The sentence that contains byte offset `at`, if any.
pub fn containing(sentences: &[Span], at: usize) -> Option<usize> {
    containing_from(&Seeker::default(), sentences, at)
}

/// [`containing`], for one of a run of offsets that moves forward.
pub fn containing_from(seeker: &Seeker, sentences: &[Span], at: usize) -> Option<usize> {
    let index = seeker.partition_point(sentences, |sentence| sentence.end <= at);
    sentences
        .get(index)
        .filter(|sentence| sentence.start <= at)
        .map(|_| index)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_marks_are_every_stop_mark_and_line_break() {
        let texts = crate::pattern::random_texts(
            &["a", ".", "!", "?", "\n", " ", "é", "\u{2e}"],
            3_000,
            30,
        );
        for text in &texts {
            let expected: Vec<usize> = text
                .bytes()
                .enumerate()
                .filter(|(_, b)| matches!(b, b'\n' | b'.' | b'!' | b'?'))
                .map(|(at, _)| at)
                .collect();
            assert_eq!(
                sentence_marks(text.as_bytes()).collect::<Vec<_>>(),
                expected
            );
        }
    }

    fn split(text: &str) -> Vec<&str> {
        sentences(text).into_iter().map(|s| s.text(text)).collect()
    }

    #[test]
    fn abbreviations_and_decimals_do_not_end_sentences() {
        assert_eq!(
            split("Acme Inc. rose 1.5% in the U.S. market. Mr. Smith said so. It fell."),
            vec![
                "Acme Inc. rose 1.5% in the U.S. market.",
                "Mr. Smith said so.",
                "It fell."
            ]
        );
    }

    #[test]
    fn lines_end_sentences() {
        assert_eq!(
            split("Miners slide 18%\n\n• Revenue up\n– Shares down 4%"),
            vec!["Miners slide 18%", "• Revenue up", "– Shares down 4%"]
        );
    }

    #[test]
    fn quotes_close_sentences() {
        assert_eq!(
            split("He said \"sell.\" Then it fell."),
            vec!["He said \"sell.\"", "Then it fell."]
        );
    }

    #[test]
    fn containing_finds_the_sentence() {
        let spans = sentences("A b. C d.");
        assert_eq!(containing(&spans, 0), Some(0));
        assert_eq!(containing(&spans, 6), Some(1));
        assert_eq!(containing(&spans, 4), None);
    }
}
