//! Step 1: text. A document, its lines, and which lines are page furniture.
//!
//! News text pasted from a web page carries more than the article: bylines, "1 min
//! read", "Read more:" and "Related:" links to other stories, advertisement markers,
//! share buttons, repeated datelines. Their figures are real figures about other things,
//! so they are kept but marked boilerplate, and the checker leaves them out.

use rustc_hash::FxHashMap as HashMap;
use std::sync::LazyLock;

use crate::pattern::Regex;
use serde::Serialize;

use crate::span::Span;

/// One article: an identifier chosen by the caller (a file name, a page id), a title,
/// and its text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Document {
    pub id: String,
    pub title: String,
    pub text: String,
}

impl Document {
    /// A document whose title is its first line of content: not empty, not boilerplate
    /// such as "1 hour ago" (cut to 120 characters).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Document {
        let text = text.into();
        let title = title_of(&text);
        Document {
            id: id.into(),
            title,
            text,
        }
    }

    pub fn with_title(
        id: impl Into<String>,
        title: impl Into<String>,
        text: impl Into<String>,
    ) -> Document {
        Document {
            id: id.into(),
            title: title.into(),
            text: text.into(),
        }
    }
}

fn title_of(text: &str) -> String {
    // The first line of content: "1 hour ago" or "Source: ..." above a headline is not
    // its title.
    // Only the first line with content matters, and a repeated line's first appearance
    // is content: no need to mark the whole text.
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !BOILERPLATE_LINE.is_match(line))
        .unwrap_or("");
    match line.char_indices().nth(120) {
        Some((cut, _)) => format!("{}…", &line[..cut]),
        None => line.to_string(),
    }
}

/// A line of a document, without its line break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub span: Span,
    pub boilerplate: bool,
}

/// Lines that are page furniture whatever else they hold. Matched against the trimmed
/// line, case-insensitively.
static BOILERPLATE_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?ix)^(?:
            (?:read\ more|related|see\ also|also\ read|recommended|sponsored|advertisement|don'?t\ miss|must\ read|trending|more\ from|source|image|photo|credit|disclaimer|share\ this|follow\ us)(?-u:\b)
          | -\ *advertisement\ *-
          | (?-i:By\ [A-Z][a-z]+(?:\ [A-Z][a-z.]+){0,3})$
          | (?:[0-9]+|an?|one)\ (?:min(?:ute)?s?|hours?|days?)\ (?:read|ago)(?-u:\b)
          | (?:updated|published|posted)[\ :]
          | author\ avatar
          | (?:subscribe|sign\ up)(?-u:\b)
          | (?:share|tweet|email|print|copy\ link)$
          | please\ share
          )",
    )
    .expect("boilerplate pattern")
});

/// Splits `text` into lines and marks the boilerplate ones.
///
/// A line is boilerplate if it opens like page furniture (`BOILERPLATE_LINE`), or if
/// the same short line appears more than once (a dateline or a "Share" button repeated
/// through the page): the first of a repeated dateline is kept as content.
pub fn lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let end = start + piece.trim_end_matches(['\n', '\r']).len();
        lines.push(Line {
            span: Span::new(start, end),
            boilerplate: false,
        });
        start += piece.len();
    }
    let mut seen: HashMap<&str, usize> = HashMap::default();
    for line in &mut lines {
        let trimmed = line.span.text(text).trim();
        if trimmed.is_empty() {
            continue;
        }
        let repeats = trimmed.len() <= 80 && {
            let count = seen.entry(trimmed).or_insert(0);
            *count += 1;
            *count > 1
        };
        line.boilerplate = repeats || BOILERPLATE_LINE.is_match(trimmed);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str) -> Vec<(&str, bool)> {
        lines(text)
            .into_iter()
            .map(|l| (l.span.text(text), l.boilerplate))
            .collect()
    }

    #[test]
    fn furniture_lines_are_boilerplate() {
        let text = "1 hour ago\nMiners slide\n2 min read\nShares fell 5%.\nRead more: Will XYZ hit $10?\n- Advertisement -\nRelated: Acme rose 9%";
        let flags: Vec<bool> = marked(text).into_iter().map(|(_, b)| b).collect();
        assert_eq!(flags, vec![true, false, true, false, true, true, true]);
    }

    #[test]
    fn repeated_datelines_keep_the_first() {
        let text = "Title\nMay 07, 2026 |\nMay 07, 2026 |\nBody.";
        assert_eq!(marked(text)[1], ("May 07, 2026 |", false));
        assert_eq!(marked(text)[2], ("May 07, 2026 |", true));
    }

    #[test]
    fn crlf_line_breaks_are_not_part_of_lines() {
        assert_eq!(marked("a\r\nb")[0].0, "a");
        assert_eq!(marked("a\r\nb")[1].0, "b");
    }

    #[test]
    fn the_title_is_the_first_non_empty_line() {
        assert_eq!(
            Document::new("x", "\n\n  Miners slide  \nbody").title,
            "Miners slide"
        );
        assert_eq!(
            Document::new("x", "1 hour ago\n\nMiners slide").title,
            "Miners slide"
        );
    }
}
