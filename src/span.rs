//! Byte spans into a document, and their one conversion to UTF-16.
//!
//! Every offset in the core is a UTF-8 byte offset into the document's text, half-open
//! (`start..end`), and always on a character boundary. JavaScript strings index by UTF-16
//! code units, so the WebAssembly boundary converts offsets once, with
//! [`utf8_to_utf16_offsets`], just before the report leaves for JS. Nothing else in the
//! crate knows about UTF-16.

use serde::Serialize;

/// A half-open range of UTF-8 byte offsets, `start..end`, into one document's text.
///
/// Both ends lie on `char` boundaries, so `&text[span.start..span.end]` never panics for
/// the text the span was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text under the span, or `""` if the span does not fit `text` (which only
    /// happens when a span is used with the wrong document).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// This span cut to at most `reach` bytes on each side of `center`, on character
    /// boundaries of `text`.
    ///
    /// The claim reader looks at a figure's sentence; text with no sentence breaks (a
    /// pasted table, ten megabytes of digits) would make that sentence the whole
    /// document and every figure's reading linear in it. Cutting the window keeps the
    /// reading of a document linear in its length.
    pub fn clamp_around(self, text: &str, center: Span, reach: usize) -> Span {
        let start = self
            .start
            .max(ceil_char_boundary(text, center.start.saturating_sub(reach)));
        let end = self
            .end
            .min(floor_char_boundary(text, center.end.saturating_add(reach)));
        if start > end {
            center
        } else {
            Span::new(start, end)
        }
    }
}

/// A place in an ordered list that follows a run of searches moving forward through it:
/// the figures of a document are read in order, and each asks for its sentence, its
/// line and its neighbouring words. Each search starts where the last one ended and
/// gallops forward, so a run of them costs about one pass over the list instead of a
/// binary search each; a search that goes back starts over, with the same answer.
#[derive(Debug, Default)]
pub struct Seeker {
    at: std::cell::Cell<usize>,
}

impl Seeker {
    /// What `items.partition_point(is_before)` returns: the first index whose item is
    /// not before the target, `items` being ordered so that those before come first.
    pub fn partition_point<T>(&self, items: &[T], is_before: impl Fn(&T) -> bool) -> usize {
        let mut at = self.at.get().min(items.len());
        if at > 0 && !is_before(&items[at - 1]) {
            // Behind the last answer: search what comes before it.
            at = items[..at].partition_point(&is_before);
        } else {
            let mut step = 1;
            while at + step <= items.len() && is_before(&items[at + step - 1]) {
                at += step;
                step *= 2;
            }
            let end = (at + step).min(items.len() + 1) - 1;
            at += items[at..end].partition_point(&is_before);
        }
        self.at.set(at);
        at
    }
}

/// The largest character boundary of `text` at or before `at`.
pub fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The smallest character boundary of `text` at or after `at`.
pub fn ceil_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// The last `max` bytes of `text[..end]` at most, cut on a character boundary: the
/// window a reader looks back through. Returns where the window starts, and the window.
pub fn window_before(text: &str, end: usize, max: usize) -> (usize, &str) {
    let end = floor_char_boundary(text, end);
    let start = ceil_char_boundary(text, end.saturating_sub(max));
    (start, &text[start..end])
}

/// Sorts `items` by `key`, keeping items with equal keys in their order (a stable
/// sort), through one sort of plain `(key, index)` triples. Every call site of the
/// standard sorts is a copy of a sorting algorithm on the page, some 3 KB each; the
/// figures, numerals, names and word lists sort through this one instead.
pub fn sort_by_position<T>(items: &mut Vec<T>, key: impl Fn(&T) -> (usize, usize)) {
    let mut order: Vec<(usize, usize, usize)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            let (first, second) = key(item);
            (first, second, index)
        })
        .collect();
    sort_triples(&mut order);
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(
        order
            .iter()
            .filter_map(|&(_, _, index)| slots[index].take()),
    );
}

/// The one sort behind [`sort_by_position`]: the index makes every triple distinct, so
/// an unstable sort gives the stable order.
#[inline(never)]
fn sort_triples(order: &mut [(usize, usize, usize)]) {
    order.sort_unstable();
}

/// Rewrites UTF-8 byte offsets into `text` as UTF-16 code-unit offsets, in place.
///
/// The offsets may come in any order and may repeat; the text up to the last offset is
/// walked once, so converting every span of a report costs one pass plus a sort. An offset that is not
/// on a character boundary is rounded down to the boundary before it; one past the end
/// of the text maps to the text's UTF-16 length.
pub fn utf8_to_utf16_offsets(text: &str, offsets: &mut [&mut usize]) {
    // In ascending order, through the one sort of [`sort_by_position`].
    let mut order: Vec<(usize, usize, usize)> = offsets
        .iter()
        .enumerate()
        .map(|(index, offset)| (**offset, 0, index))
        .collect();
    sort_triples(&mut order);
    // Walk from offset to offset, not character by character: an ASCII stretch (most of
    // English news) is as long in UTF-16 as in UTF-8, and the walk stops at the last
    // offset instead of the end of the text.
    let mut byte = 0usize;
    let mut utf16 = 0usize;
    for &(value, _, index) in &order {
        let offset = &mut offsets[index];
        let target = floor_char_boundary(text, value.min(text.len()));
        if target > byte {
            let stretch = &text[byte..target];
            utf16 += if stretch.is_ascii() {
                stretch.len()
            } else {
                stretch.chars().map(char::len_utf16).sum()
            };
            byte = target;
        }
        **offset = utf16;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn convert(text: &str, offsets: &[usize]) -> Vec<usize> {
        let mut owned = offsets.to_vec();
        let mut refs: Vec<&mut usize> = owned.iter_mut().collect();
        utf8_to_utf16_offsets(text, &mut refs);
        owned
    }

    /// A seeker answers as a binary search does, whichever way the targets move.
    #[test]
    fn a_seeker_answers_as_partition_point() {
        let items: Vec<usize> = (0..200).map(|i| i * 3 / 2).collect();
        let mut targets: Vec<usize> = (0..320).collect();
        // Forward, then back, then jumping about.
        targets.extend((0..320).rev());
        targets.extend((0..400).map(|i| (i * 7919) % 330));
        for items in [&items[..], &items[..1], &[][..]] {
            let seeker = Seeker::default();
            for &target in &targets {
                assert_eq!(
                    seeker.partition_point(items, |&item| item < target),
                    items.partition_point(|&item| item < target),
                    "target {target}"
                );
            }
        }
    }

    #[test]
    fn ascii_offsets_are_unchanged() {
        assert_eq!(convert("shares fell 18%", &[0, 12, 15]), vec![0, 12, 15]);
    }

    #[test]
    fn multibyte_characters_shrink_to_their_utf16_width() {
        // € is 3 bytes / 1 unit, – is 3 bytes / 1 unit, 📉 is 4 bytes / 2 units,
        // 中 is 3 bytes / 1 unit.
        let text = "€5 – 📉 中 18%";
        let start = text.find("18%").unwrap();
        let utf16: Vec<u16> = text.encode_utf16().collect();
        let converted = convert(text, &[start, start + 3]);
        assert_eq!(
            String::from_utf16(&utf16[converted[0]..converted[1]]).unwrap(),
            "18%"
        );
        assert_eq!(converted, vec![10, 13]);
    }

    #[test]
    fn unsorted_and_repeated_offsets_convert_independently() {
        let text = "📉a📉b";
        assert_eq!(convert(text, &[9, 0, 4, 4, 10]), vec![5, 0, 2, 2, 6]);
    }

    #[test]
    fn offsets_past_the_end_map_to_the_length() {
        assert_eq!(convert("é", &[2, 99]), vec![1, 1]);
    }
}
