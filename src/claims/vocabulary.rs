//! The words that tie a figure to its metric, direction, period, event, source and
//! verdict. Each family is one regex, compiled once.

use std::sync::LazyLock;

use super::Family;
use crate::pattern::{CandidatePattern, Openers, PhraseSpec, Phrases, Regex, WordIndex};
use serde::Serialize;

use super::quantity::{self, QUANTITY_WORDS, Quantity, known};
use super::subject::{Mention, Subject};
use super::{Verdict, sentence};
use crate::figures::{DayInterval, Figure, FigureKind};
use crate::span::{Seeker, Span};
use crate::span::{floor_char_boundary, window_before};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    Up,
    Down,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Polarity {
    Positive,
    Negative,
}

/// Where the clauses of `sentence` break, as absolute spans of the breaking words: a
/// semicolon, a colon, a dash between spaces, or a conjunction that starts a new
/// statement (", but ", " while "). Commas alone are too common in lists to split on.
///
/// The breaks are the leftmost-first matches of
///
/// ```text
/// (?i);|[,]?[ ](?:but|while|whereas|although|though|yet|and[ ]it|which[ ]also)[ ]|[ ][–—][ ]|:[ ]
/// ```
///
/// read by hand: every sentence with a figure is split, and a regex search per sentence
/// cost more than the reading (the tests hold it to the pattern).
pub fn clause_breaks(text: &str, sentence: Span) -> Vec<Span> {
    const CONJUNCTIONS: [&[u8]; 8] = [
        b"but",
        b"while",
        b"whereas",
        b"although",
        b"though",
        b"yet",
        b"and it",
        b"which also",
    ];
    let bytes = &text.as_bytes()[sentence.start..sentence.end];
    // The end of " but " and the like, given the offset of its first space.
    let conjunction_at = |space: usize| {
        let rest = bytes.get(space + 1..)?;
        // Every conjunction starts with one of these: most words are spared the list.
        if !matches!(
            rest.first()?.to_ascii_lowercase(),
            b'b' | b'w' | b't' | b'a' | b'y'
        ) {
            return None;
        }
        CONJUNCTIONS.iter().find_map(|word| {
            let fits = rest.get(..word.len())?.eq_ignore_ascii_case(word)
                && rest.get(word.len()) == Some(&b' ');
            fits.then_some(space + word.len() + 2)
        })
    };
    let mut breaks = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let next = bytes.get(at + 1);
        let end = match bytes[at] {
            b';' => Some(at + 1),
            b':' if next == Some(&b' ') => Some(at + 2),
            b',' if next == Some(&b' ') => conjunction_at(at + 1),
            // An en dash is E2 80 93 in UTF-8, an em dash E2 80 94.
            b' ' => conjunction_at(at).or_else(|| {
                let dash = bytes.get(at + 1..at + 5)?;
                matches!(dash, [0xE2, 0x80, 0x93 | 0x94, b' ']).then_some(at + 5)
            }),
            _ => None,
        };
        match end {
            Some(end) => {
                breaks.push(Span::new(sentence.start + at, sentence.start + end));
                at = end;
            }
            None => at += 1,
        }
    }
    breaks
}

/// The clause of `sentence` that holds `figure`, given the sentence's [`clause_breaks`].
pub fn clause_around(sentence: Span, breaks: &[Span], figure: Span) -> Span {
    let mut clause = sentence;
    for &Span { start, end } in breaks {
        if end <= figure.start {
            clause.start = end;
        } else if start >= figure.end {
            clause.end = start;
            break;
        }
    }
    clause
}

/// The movement nouns [`OWNED_METRIC_AFTER`] opens on.
static MOVEMENT_NOUNS: LazyLock<Openers> = LazyLock::new(|| {
    Openers::words([
        "drop", "fall", "decline", "plunge", "slide", "rise", "gain", "jump", "increase",
        "decrease", "surge", "climb", "cut", "boost",
    ])
});

/// "an 18% drop in BTC prices": the figure, a movement noun, "in", an owner, a noun.
static OWNED_METRIC_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ ](?:drop|fall|decline|plunge|slide|rise|gain|jump|increase|decrease|surge|climb|cut|boost)[ ]in[ ](?P<owner>(?:[A-Z][A-Za-z0-9]*[ ]?){1,3}|bitcoin|ether)(?:['’]s)?[ ]")
        .expect("owned metric pattern")
});

static SEGMENT: LazyLock<Regex> = LazyLock::new(|| {
    // Lower case only (but "AI"): a capitalised "Hosting" or "Mining" is part of a name,
    // as in "Chi Hosting's revenue".
    Regex::new(r"(?-u:\b)(?P<segment>(?:AI[ ])?colocation|self-mining|hosting|cloud|data[ ]center|mining)(?-u:\b)").expect("segment pattern")
});

/// The captures of the last match of `pattern` in `haystack`. Finding the matches first
/// and capturing only the last one spares the capture engine on the others.
fn last_captures<'h>(pattern: &Regex, haystack: &'h str) -> Option<crate::pattern::Captures<'h>> {
    let last = pattern.find_iter(haystack).last()?;
    pattern.captures_at(haystack, last.start())
}

/// The captures of the first match of `pattern` in `haystack`.
fn first_captures<'h>(pattern: &Regex, haystack: &'h str) -> Option<crate::pattern::Captures<'h>> {
    let first = pattern.find(haystack)?;
    pattern.captures_at(haystack, first.start())
}

/// Where a document's metric nouns and movement words are, and what each means, found
/// once for all of its figures: each figure then takes the nearest in its clause by
/// binary search.
#[derive(Default)]
pub struct DocumentWords {
    metrics: Vec<Span>,
    /// `metric_values[i]`: the family of [`quantity::FAMILIES`] `metrics[i]` names.
    metric_values: Vec<u16>,
    directions: Vec<Span>,
    direction_values: Vec<Direction>,
    /// Where the last figure's search in each list ended.
    metric_seeker: Seeker,
    direction_seeker: Seeker,
}

impl DocumentWords {
    /// The words of `stretches` (ascending, not overlapping): the sentences of the
    /// figures whose claims are read. No claim looks beyond its sentence, and most of a
    /// document's words are in sentences without a figure.
    pub fn of(text: &str, index: &WordIndex, stretches: &[Span]) -> DocumentWords {
        // The quantity words are not in the word index: their first words ("of", "to",
        // "per") are among the commonest of any text, and only these stretches need them.
        let quantity_starts: Vec<usize> = stretches
            .iter()
            .flat_map(|&stretch| QUANTITY_WORDS.openers().starts_within(text, stretch))
            .collect();
        let movement_starts: Vec<usize> = stretches
            .iter()
            .flat_map(|&stretch| {
                index
                    .starts(Family::MovementWord.index(), stretch)
                    .iter()
                    .copied()
            })
            .collect();
        let (metrics, metric_values) = QUANTITY_WORDS.find_among(text, &quantity_starts).unzip();
        let (directions, direction_values) =
            MOVEMENT_WORDS.find_among(text, &movement_starts).unzip();
        DocumentWords {
            metrics,
            metric_values,
            directions,
            direction_values,
            metric_seeker: Seeker::default(),
            direction_seeker: Seeker::default(),
        }
    }
}

/// The word of `words` nearest to `figure` that lies wholly in `before` (a stretch that
/// ends where the figure starts) or ends in `after` (one that starts where it ends) and
/// starts at most `reach_after` bytes on. A word that starts inside the figure and runs
/// on past it ("440 megawatts of power" has "megawatts of power") counts as right after
/// it. The one before wins a tie. Returns its index in `words`.
fn nearest(
    words: &[Span],
    seeker: &Seeker,
    figure: Span,
    before: Span,
    after: Span,
    reach_after: usize,
) -> Option<usize> {
    let first_inside = seeker.partition_point(words, |word| word.start < figure.start);
    let after_hit = words[first_inside..]
        .iter()
        .enumerate()
        .take_while(|(_, word)| word.start.saturating_sub(figure.end) <= reach_after)
        .find(|(_, word)| word.end > figure.end && word.end <= after.end)
        .map(|(i, word)| (word.start.saturating_sub(figure.end), first_inside + i));
    let before_hit = words[..first_inside]
        .iter()
        .enumerate()
        .rev()
        .take_while(|(_, word)| word.end > before.start)
        .find(|(_, word)| before.contains(**word))
        .map(|(i, word)| (figure.start - word.end, i));
    match (before_hit, after_hit) {
        (Some((db, b)), Some((da, a))) => Some(if db <= da { b } else { a }),
        (Some((_, b)), None) => Some(b),
        (None, Some((_, a))) => Some(a),
        (None, None) => None,
    }
}

/// A metric noun found near a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct MetricHit {
    pub quantity: Option<Quantity>,
    /// Where the word that names it is.
    pub word: Option<Span>,
    pub segment: Option<String>,
    /// The owner named in "a drop in X's shares", as an absolute span.
    pub owner: Option<Span>,
}

/// How far from a figure a metric noun may be, in bytes.
const METRIC_REACH: usize = 90;

/// The metric named nearest the figure in its clause.
pub fn metric_near(
    text: &str,
    words: &DocumentWords,
    clause: Span,
    figure: &Figure,
) -> Option<MetricHit> {
    // A fraction ("two-thirds of") takes no vocabulary word: what it is a fraction of
    // is read elsewhere.
    if !quantity::measures(figure.kind) || figure.kind == FigureKind::Fraction {
        return None;
    }
    let span = figure.span;
    let after = &text[span.end..clause.end];
    // The pattern needs a movement noun right after the figure: most figures have none.
    let may_own =
        after.as_bytes().first() == Some(&b' ') && MOVEMENT_NOUNS.admit(&after.as_bytes()[1..]);
    if may_own && let Some(caps) = OWNED_METRIC_AFTER.captures(after) {
        let owner = caps.name("owner")?;
        let noun_start = span.end + caps.get(0)?.end();
        let found = words
            .metrics
            .binary_search_by_key(&noun_start, |word| word.start)
            .ok();
        return Some(MetricHit {
            quantity: found.map(|i| quantity::of_family(words.metric_values[i])),
            word: found.map(|i| words.metrics[i]),
            segment: None,
            owner: Some(Span::new(span.end + owner.start(), span.end + owner.end())),
        });
    }
    // Only a noun that starts within reach counts; the longest runs some 30 bytes on.
    let after_end = span.end + floor_char_boundary(after, METRIC_REACH + 32);
    let before_start = crate::span::ceil_char_boundary(
        text,
        span.start.saturating_sub(METRIC_REACH).max(clause.start),
    );
    let before = Span::new(before_start.min(span.start), span.start);
    let noun = nearest(
        &words.metrics,
        &words.metric_seeker,
        span,
        before,
        Span::new(span.end, after_end),
        METRIC_REACH,
    )?;
    let metric = quantity::of_family(words.metric_values[noun]);
    let segment = if metric.is(known::REVENUE) {
        last_captures(&SEGMENT, before.text(text))
            .or_else(|| first_captures(&SEGMENT, &text[span.end..after_end]))
            .and_then(|caps| caps.name("segment").map(|m| m.as_str().to_string()))
    } else {
        None
    };
    Some(MetricHit {
        quantity: Some(metric),
        word: Some(words.metrics[noun]),
        segment,
        owner: None,
    })
}

static PRICE_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?-u:\b)prices?(?-u:\b)").expect("price pattern"));

/// Whether the clause really says "price" (not "share price").
pub fn names_a_price(before: &str, after: &str) -> bool {
    let near_after = &after[..floor_char_boundary(after, 40)];
    PRICE_WORD.is_match(near_after) && !near_after.to_ascii_lowercase().contains("share")
        || ends_with_ignoring_case(before, "price of ")
}

/// Whether `text` ends with `suffix`, an ASCII phrase, in any case.
fn ends_with_ignoring_case(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.as_bytes()[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
}

/// The movement words, and the way each moves.
pub(super) static MOVEMENT_WORDS: LazyLock<Phrases<Direction>> = LazyLock::new(|| {
    use Direction::{Down, Up};
    const DOWN: &[&str] = &[
        "fell",
        "fall",
        "falls",
        "falling",
        "drop",
        "drops",
        "dropped",
        "dropping",
        "plunge",
        "plunges",
        "plunged",
        "plunging",
        "plummet",
        "plummets",
        "plummeted",
        "plummeting",
        "tumble",
        "tumbles",
        "tumbled",
        "tumbling",
        "decline",
        "declines",
        "declined",
        "declining",
        "slid",
        "slide",
        "slides",
        "sliding",
        "sank",
        "sink",
        "sinks",
        "sinking",
        "lost",
        "lose",
        "loses",
        "losing",
        "lower",
        "down",
        "decrease",
        "decreases",
        "decreased",
        "shed",
        "slump",
        "slumps",
        "slumped",
        "shrank",
        "shrink",
        "shrinks",
        "shrinking",
        "shrunk",
        "retreat",
        "retreats",
        "retreated",
        "slip",
        "slips",
        "slipped",
        "cut",
        "crash",
        "crashes",
        "crashed",
        "selloff",
        "sell-off",
        "pullback",
    ];
    const UP: &[&str] = &[
        "rose",
        "rise",
        "rises",
        "risen",
        "rising",
        "soar",
        "soars",
        "soared",
        "soaring",
        "jump",
        "jumps",
        "jumped",
        "jumping",
        "gain",
        "gains",
        "gained",
        "gaining",
        "up",
        "surge",
        "surges",
        "surged",
        "surging",
        "climb",
        "climbs",
        "climbed",
        "climbing",
        "increase",
        "increases",
        "increased",
        "increasing",
        "grew",
        "grow",
        "grows",
        "grown",
        "growing",
        "growth",
        "higher",
        "rally",
        "rallied",
        "rallies",
        "leap",
        "leaps",
        "leapt",
        "leaped",
        "add",
        "adds",
        "added",
        "boost",
        "boosts",
        "boosted",
        "reached",
    ];
    let words: Vec<PhraseSpec<Direction>> = DOWN
        .iter()
        .map(|&word| (word, Down))
        .chain(UP.iter().map(|&word| (word, Up)))
        .collect();
    Phrases::new(&words)
});

/// The movement word nearest the figure in its clause, within a few words on either
/// side.
pub fn direction_near(
    text: &str,
    words: &DocumentWords,
    clause: Span,
    figure: Span,
) -> Option<Direction> {
    const REACH: usize = 60;
    let after_end = figure.end + floor_char_boundary(&text[figure.end..clause.end], REACH);
    let (before_start, _) = window_before(text, figure.start, REACH);
    let before = Span::new(
        before_start.max(clause.start).min(figure.start),
        figure.start,
    );
    let word = nearest(
        &words.directions,
        &words.direction_seeker,
        figure,
        before,
        Span::new(figure.end, after_end),
        REACH,
    )?;
    Some(words.direction_values[word])
}

/// "fell to 18%", "stood at 18%": the figure is a level, not a change.
pub fn is_level(before: &str) -> bool {
    let before = before.trim_end();
    let ends_with = |suffix| ends_with_ignoring_case(before, suffix);
    ends_with(" to")
        || ends_with(" at")
        || ends_with("of")
            && !ends_with("increase of")
            && !ends_with("decline of")
            && !ends_with("drop of")
            && !ends_with("fall of")
            && !ends_with("rise of")
}

/// "down from", "lowered to 97 from": the figure after this is where a change started.
pub fn ends_with_from(before: &str) -> bool {
    let before = before.trim_end();
    ends_with_ignoring_case(before, " from") || before.eq_ignore_ascii_case("from")
}

/// "fell by $5 million", "a drop of $5 million": an amount that is a change.
pub fn is_change_by(before: &str) -> bool {
    let before = before.trim_end();
    [
        "by",
        "drop of",
        "fall of",
        "decline of",
        "increase of",
        "rise of",
        "gain of",
        "loss of",
    ]
    .iter()
    .any(|suffix| ends_with_ignoring_case(before, suffix))
}

static RELATIVE_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:a[ ]year[ ](?:earlier|ago|before)|(?:the[ ])?previous[ ]year|last[ ]year|the[ ]year[ ]before|year-ago|prior[ ]year)").expect("relative year pattern")
});

/// Whether a date is "a year earlier", "last year" or the like. Every one of them says
/// "year", which most dates do not.
fn is_relative_year(date: &str) -> bool {
    date.as_bytes()
        .windows(4)
        .any(|word| word.eq_ignore_ascii_case(b"year"))
        && RELATIVE_YEAR.is_match(date)
}

/// The period a figure refers to: the nearest date in its sentence; "a year earlier"
/// is the sentence's other period moved back one year.
pub fn period_for(
    text: &str,
    figures: &[Figure],
    seeker: &Seeker,
    figure: &Figure,
    sentence: Span,
) -> Option<DayInterval> {
    // Figures are sorted by position: take the sentence's by search.
    let first = seeker.partition_point(figures, |f| f.span.start < sentence.start);
    let dates = || {
        figures[first..]
            .iter()
            .take_while(|f| f.span.start < sentence.end)
            .filter(|f| f.kind == FigureKind::Date && sentence.contains(f.span))
    };
    let distance = |f: &&Figure| {
        if f.span.start >= figure.span.end {
            f.span.start - figure.span.end
        } else {
            figure.span.start.saturating_sub(f.span.end)
        }
    };
    let nearest = dates().min_by_key(distance)?;
    if is_relative_year(nearest.span.text(text)) {
        let anchor =
            dates().find(|f| !is_relative_year(f.span.text(text)) && f.period.is_some())?;
        let period = anchor.period?;
        return Some(shift_back_one_year(period));
    }
    nearest.period
}

fn shift_back_one_year(period: DayInterval) -> DayInterval {
    use crate::figures::date::{civil_from_days, days_from_civil};
    let shift = |days: i32| {
        let (y, m, d) = civil_from_days(days);
        days_from_civil(y - 1, m, if m == 2 && d == 29 { 28 } else { d })
    };
    DayInterval {
        start: shift(period.start),
        end: shift(period.end),
    }
}

/// Words that soften a figure's sentence.
pub(super) static HEDGES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(&[
        ("generally", ()),
        ("reportedly", ()),
        ("roughly", ()),
        ("approximately", ()),
        ("estimated", ()),
        ("could", ()),
        ("might", ()),
        ("expected", ()),
        ("likely", ()),
        ("about", ()),
    ])
});

pub fn is_hedged(text: &str, index: &WordIndex, sentence: Span) -> bool {
    HEDGES
        .find_among(text, index.starts(Family::Hedge.index(), sentence))
        .any(|(found, ())| found.end <= sentence.end)
}

/// The words that tie a figure to an event: "after Microsoft scaled back", "on the
/// news".
pub(super) static EVENT_CUES: LazyLock<Phrases<()>> = LazyLock::new(|| {
    Phrases::new(&[
        ("after", ()),
        ("following", ()),
        ("on the news", ()),
        ("amid", ()),
        ("once", ()),
        ("as a result of", ()),
    ])
});

/// The event of a sentence, as written: its first [`EVENT_CUES`] phrase and what
/// follows it, up to 100 characters and not past a stop, colon or semicolon.
pub fn event_in(text: &str, index: &WordIndex, sentence: Span) -> Option<String> {
    let (cue, ()) = EVENT_CUES
        .find_among(text, index.starts(Family::EventCue.index(), sentence))
        .next()?;
    if cue.end > sentence.end {
        return None;
    }
    let tail = &text[cue.end..sentence.end];
    let tail_len = tail
        .char_indices()
        .take(100)
        .find(|(_, c)| matches!(c, '.' | ';' | ':' | '!' | '?'))
        .map_or_else(
            || {
                tail.char_indices()
                    .nth(100)
                    .map_or(tail.len(), |(at, _)| at)
            },
            |(at, _)| at,
        );
    let event = text[cue.start..cue.end + tail_len].trim_end_matches([',', ' ']);
    Some(event.to_string())
}

static ATTRIBUTION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:(?-u:\b)(?i:according[ ]to)[ ](?P<according>[^,.;]{2,60})|(?P<who>(?:[A-Z][A-Za-z&]*[ ]){0,3}(?:[A-Z][A-Za-z&]*|analysts|executives|management|people[ ]at[ ]the[ ]company))[ ](?:said|says|stated|reported|noted|argued|estimated|told|wrote))")
        .expect("attribution pattern")
});

/// The words [`ATTRIBUTION`] turns on: "according" (to), or a verb of saying. A
/// sentence without one is spared the full pattern, which opens on any capital letter.
pub(super) static ATTRIBUTION_CUES: LazyLock<Openers> = LazyLock::new(|| {
    Openers::prefixes([
        "according",
        "said",
        "says",
        "stated",
        "reported",
        "noted",
        "argued",
        "estimated",
        "told",
        "wrote",
    ])
});

pub fn attribution_in(text: &str, index: &WordIndex, sentence: Span) -> Option<String> {
    let body = &text[sentence.start..sentence.end];
    if index
        .starts(Family::AttributionCue.index(), sentence)
        .is_empty()
    {
        return None;
    }
    let caps = ATTRIBUTION.captures(body)?;
    let who = caps.name("according").or(caps.name("who"))?;
    Some(who.as_str().trim().to_string())
}

/// Whether the text right before a name introduces it as a source: "according to ",
/// "said ".
pub fn names_a_source(before: &str) -> bool {
    ends_with_ignoring_case(before, "according to ") || ends_with_ignoring_case(before, "cited by ")
}

/// "This acquisition", "the deal": a reference back to the company just acquired.
pub static REFERS_TO_DEAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:this|the)[ ](?:acquisition|deal|purchase|takeover|transaction)(?-u:\b)")
        .expect("deal reference pattern")
});

/// "the acquisition of Polaris DS LLC", "agreed to acquire Polaris": group `object` is
/// where the acquired company's name starts.
pub static ACQUIRED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i:acquisition[ ]of|acquire[sd]?|acquiring|purchase[ ]of|takeover[ ]of|to[ ]buy|bought)[ ](?:the[ ])?(?P<object>[A-Z])")
        .expect("acquired pattern")
});

/// "the company", "the miner", "its": a reference back to the main subject.
pub static REFERS_BACK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?-u:\b)(?:the[ ](?:company|miner|firm|group|stock|business)|its|the[ ]company['’]s)(?-u:\b)").expect("refers back pattern")
});

/// A clause that opens on a metric with no owner: "Shares lost 18%", "Total revenue
/// reached $115.2 million".
pub static IMPLICIT_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ ]*(?:shares|the[ ]stock|stock|(?:total[ ])?revenues?|net[ ](?:income|loss)|profit|self-mining|(?:ai[ ])?colocation|management)(?-u:\b)").expect("implicit subject pattern")
});

static VERDICT: LazyLock<CandidatePattern> = LazyLock::new(|| {
    CandidatePattern::new(
        r"(?ix)(?-u:\b)(?:
            (?P<word>weak(?:er)?|strong(?:er)?|solid|record|disappointing|poor|robust|stellar|dismal|soft|upbeat|impressive|lacklust(?:re|er)|blowout|better-than-expected|worse-than-expected)
            \x20(?:(?P<period>q[1-4](?:\x20[0-9]{4})?|(?:first|second|third|fourth)[\x20-]quarter)\x20)?
            (?P<aspect>profitability|earnings|results|quarter|profits?|performance)
          | (?P<miss>missed|beat)\x20(?:analysts['’]?\x20)?(?:estimates|expectations|forecasts)
          )(?-u:\b)",
    )
});

/// The words a [`VERDICT`] opens on.
pub(super) static VERDICT_OPENERS: LazyLock<Openers> = LazyLock::new(|| {
    Openers::words([
        "weak",
        "weaker",
        "strong",
        "stronger",
        "solid",
        "record",
        "disappointing",
        "poor",
        "robust",
        "stellar",
        "dismal",
        "soft",
        "upbeat",
        "impressive",
        "lacklustre",
        "lackluster",
        "blowout",
        "better",
        "worse",
        "missed",
        "beat",
    ])
});

/// Evaluative phrases with no number, each with its subject and quarter.
pub fn verdicts(
    text: &str,
    index: &WordIndex,
    lines: Option<&[crate::text::Line]>,
    sentences: &[Span],
    mentions: &[Mention],
    main: Option<&Subject>,
    figures: &[Figure],
) -> Vec<Verdict> {
    // Lines are marked (if not given) only if a verdict needs its line's boilerplate flag.
    let mut read_lines: Option<Vec<crate::text::Line>> = None;
    VERDICT
        .captures_iter(
            text,
            index
                .starts(Family::Verdict.index(), Span::new(0, text.len()))
                .iter()
                .copied(),
        )
        .filter_map(|found| {
            let span = found.span(0)?;
            let caps = &found.caps;
            let sentence =
                sentence::containing(sentences, span.start).map_or(span, |i| sentences[i]);
            let (polarity, aspect) = match (caps.name("word"), caps.name("miss")) {
                (Some(word), _) => {
                    let word = word.as_str().to_ascii_lowercase();
                    let negative = [
                        "weak",
                        "disappointing",
                        "poor",
                        "dismal",
                        "soft",
                        "lacklust",
                        "worse",
                    ]
                    .iter()
                    .any(|w| word.starts_with(w));
                    let polarity = if negative {
                        Polarity::Negative
                    } else {
                        Polarity::Positive
                    };
                    (
                        polarity,
                        caps.name("aspect")
                            .map_or("", |m| m.as_str())
                            .to_ascii_lowercase(),
                    )
                }
                (None, Some(miss)) => {
                    let polarity = if miss.as_str().eq_ignore_ascii_case("beat") {
                        Polarity::Positive
                    } else {
                        Polarity::Negative
                    };
                    (polarity, "estimates".to_string())
                }
                _ => return None,
            };
            let period_label = caps
                .name("period")
                .map(|p| quarter_label(p.as_str()))
                .or_else(|| {
                    // "strong earnings for Q1 2026": a quarter later in the sentence.
                    let first = figures.partition_point(|f| f.span.start < span.end);
                    figures[first..]
                        .iter()
                        .take_while(|f| f.span.start < sentence.end)
                        .filter(|f| {
                            f.kind == FigureKind::Date
                                && sentence.contains(f.span)
                                && f.span.start >= span.end
                        })
                        .find_map(|f| {
                            QUARTER
                                .is_match(f.span.text(text))
                                .then(|| quarter_label(f.span.text(text)))
                        })
                });
            // Mentions are sorted: only those before the verdict, back to its sentence.
            let before = mentions.partition_point(|m| m.span.start < span.start);
            let subject = mentions[..before]
                .iter()
                .rev()
                .take_while(|m| m.span.start >= sentence.start)
                .find(|m| {
                    sentence.contains(m.span)
                        && m.span.end <= span.start
                        && m.subject.kind == super::SubjectKind::Organisation
                })
                .map(|m| m.subject.clone())
                .or_else(|| main.cloned());
            let lines = match lines {
                Some(lines) => lines,
                None => read_lines.get_or_insert_with(|| crate::text::lines(text)),
            };
            let index = lines.partition_point(|line| line.span.end < span.start);
            let boilerplate = lines.get(index).is_some_and(|line| line.boilerplate);
            Some(Verdict {
                span,
                sentence,
                subject,
                polarity,
                aspect,
                period_label,
                boilerplate,
            })
        })
        .collect()
}

static QUARTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:the[ ])?(?:q[1-4]|(?:first|second|third|fourth)[ -]quarter)")
        .expect("quarter pattern")
});

/// "Q1", "Q1 2026", "first quarter" → "Q1".
fn quarter_label(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    let number = if let Some(rest) = lower
        .split('q')
        .nth(1)
        .filter(|_| lower.contains('q') && !lower.contains("quarter"))
    {
        rest.chars().next().unwrap_or('1').to_string()
    } else {
        match lower
            .trim_start_matches("the ")
            .split([' ', '-'])
            .next()
            .unwrap_or("")
        {
            "first" => "1".into(),
            "second" => "2".into(),
            "third" => "3".into(),
            _ => "4".into(),
        }
    };
    let year: String = lower.chars().filter(char::is_ascii_digit).skip(1).collect();
    let year = if lower.contains("quarter") {
        lower.chars().filter(char::is_ascii_digit).collect()
    } else {
        year
    };
    if year.len() == 4 {
        format!("Q{number} {year}")
    } else {
        format!("Q{number}")
    }
}

#[cfg(test)]
mod tests {
    use super::super::word_index;
    use super::*;

    /// Where the phrases of `table` may start in `text`.
    fn all_starts<T: Copy>(table: &Phrases<T>, text: &str) -> Vec<usize> {
        table.openers().starts_in(text).collect()
    }

    const SENTENCE: &str = "Shares fell; revenue rose: 5%, but costs grew, while margins \
        shrank — and it fell – again, whereas, although, Though, yet And it Which also \
        butter, andit; it was generally, roughly about expected, Likely reportedly, after \
        the news, following a cut, on the news, amid talk, once, as a result of it; \
        afterwards, aftermath, as the asset.";

    /// Clause breaks are the matches of the pattern they were written as.
    #[test]
    fn clause_breaks_are_the_matches_of_their_pattern() {
        let mut texts = crate::pattern::random_texts(
            &[
                ";", ",", " ", ":", "but", "And it", "which", " also", "—", "–", "-", "though",
                "al", "x", "yet", "While",
            ],
            20_000,
            8,
        );
        texts.push(SENTENCE.to_string());
        crate::pattern::assert_same_as_regex(
            r"(?i);|[,]?[ ](?:but|while|whereas|although|though|yet|and[ ]it|which[ ]also)[ ]|[ ][–—][ ]|: ",
            |text| clause_breaks(text, Span::new(0, text.len())),
            &texts,
        );
    }

    #[test]
    fn hedges_are_the_matches_of_their_pattern() {
        let mut texts = crate::pattern::random_texts(
            &[
                "about", "could", "Likely", "roughly", "s", "x", " ", "_", ".",
            ],
            5_000,
            6,
        );
        texts.push(SENTENCE.to_string());
        assert_table_is_pattern(
            &HEDGES,
            r"(?i)(?-u:\b)(?P<hedge>generally|reportedly|roughly|approximately|estimated|could|might|expected|likely|about)(?-u:\b)",
            &[("hedge", ())],
            &texts,
        );
    }

    /// A sentence's event is the first match of the pattern it was written as.
    #[test]
    fn events_are_the_first_match_of_their_pattern() {
        let pattern = Regex::new(
            r"(?i)(?-u:\b)(?:after|following|on[ ]the[ ]news|amid|once|as[ ]a[ ]result[ ]of)(?-u:\b)[^.;:!?]{0,100}",
        )
        .expect("event pattern");
        let mut texts = crate::pattern::random_texts(
            &[
                "after",
                "On",
                " the",
                " news",
                "amid",
                "once",
                "as",
                " a",
                " result",
                " of",
                "x",
                " ",
                ".",
                "!",
                "é",
                "_",
                "Following",
            ],
            10_000,
            10,
        );
        texts.push(SENTENCE.to_string());
        texts.push(format!("after {}", "é".repeat(150)));
        for text in &texts {
            let expected = pattern
                .find(text)
                .map(|found| found.as_str().trim_end_matches([',', ' ']).to_string());
            let index = word_index(text);
            assert_eq!(
                event_in(text, &index, Span::new(0, text.len())),
                expected,
                "in {text:?}"
            );
        }
    }

    #[test]
    fn attribution_needs_its_cue() {
        let text = "Revenue rose 5%, according to Bloomberg. TD Cowen analysts said it fell.";
        let index = word_index(text);
        let first = Span::new(0, 40);
        assert_eq!(
            attribution_in(text, &index, first).as_deref(),
            Some("Bloomberg")
        );
        let rest = Span::new(41, text.len());
        assert_eq!(
            attribution_in(text, &index, rest).as_deref(),
            Some("TD Cowen analysts")
        );
        let shouted = "Revenue rose, ACCORDING TO Kappa.";
        let index = word_index(shouted);
        let whole = Span::new(0, shouted.len());
        assert_eq!(
            attribution_in(shouted, &index, whole).as_deref(),
            Some("Kappa")
        );
    }

    /// Checks that `table` finds exactly the matches of `pattern`, whose named groups
    /// are the values `groups` names, with the value of the group that matched.
    fn assert_table_is_pattern<T: Copy + PartialEq + std::fmt::Debug>(
        table: &Phrases<T>,
        pattern: &str,
        groups: &[(&str, T)],
        texts: &[String],
    ) {
        let regex = Regex::new(pattern).expect("a test pattern");
        let demo = crate::demo::ARTICLES.iter().map(|(_, text)| *text);
        for text in texts.iter().map(String::as_str).chain(demo) {
            let expected: Vec<(Span, T)> = regex
                .captures_iter(text)
                .map(|caps| {
                    let whole = caps.get(0).expect("group 0");
                    let (_, value) = groups
                        .iter()
                        .find(|(name, _)| caps.name(name).is_some())
                        .expect("a named group matched");
                    (Span::new(whole.start(), whole.end()), *value)
                })
                .collect();
            let found: Vec<(Span, T)> = table.find_among(text, &all_starts(table, text)).collect();
            assert_eq!(found, expected, "in {text:?}");
        }
    }

    /// The movement words are what this pattern, their former definition, finds.
    #[test]
    fn movement_words_are_the_matches_of_their_pattern() {
        let mut texts = crate::pattern::random_texts(
            &[
                "fall", "drop", "gr", "ow", "ew", "shr", "ink", "ank", "unk", "s", "ing", "ed",
                "n", "sell", "-", "off", "up", "Down", "rall", "y", "ies", "leap", "t", " ", "x",
                "_", ".", "rise", "cut",
            ],
            20_000,
            6,
        );
        texts.push(
            "fell, falls, dropping, plunged, plunging, plummets, tumbled, tumbling, \
            declines, declining, slid, slides, sliding, sank, sinking, lost, loses, losing, \
            lower, down, decreased, shed, slumped, shrinks, shrunk, retreated, slipped, cut, \
            crashes, sell-off, selloff, pullback, rose, risen, rising, soared, jumps, gaining, up, \
            surged, surging, climbed, increases, increasing, grew, grown, growth, higher, \
            rallied, leapt, adds, boosted, reached; update, upon, great, group, rises, address."
                .to_string(),
        );
        // As before, but for "shr[ai]nk(?:s|ing)?" and "gr[eo]w(?:s|n|ing)?", which also
        // let through the non-words "shranking", "grewn" and the like.
        assert_table_is_pattern(
            &MOVEMENT_WORDS,
            r"(?ix)(?-u:\b)(?:
                (?P<down>fell|fall(?:s|ing)?|drop(?:s|ped|ping)?|plunge[sd]?|plunging|plummet(?:s|ed|ing)?|tumble[sd]?|tumbling|decline[sd]?|declining|slid|slide[s]?|sliding|sank|sink(?:s|ing)?|lost|los(?:e|es|ing)|lower|down|decrease[sd]?|shed|slump(?:s|ed)?|shrank|shrink(?:s|ing)?|shrunk|retreat(?:s|ed)?|slip(?:s|ped)?|cut|crash(?:es|ed)?|sell-?off|pullback)
              | (?P<up>rose|rise[sn]?|rising|soar(?:s|ed|ing)?|jump(?:s|ed|ing)?|gain(?:s|ed|ing)?|up|surge[sd]?|surging|climb(?:s|ed|ing)?|increase[sd]?|increasing|grew|grow(?:s|n|ing)?|growth|higher|rall(?:y|ied|ies)|leap(?:s|t|ed)?|add(?:s|ed)?|boost(?:s|ed)?|reached)
              )(?-u:\b)",
            &[("down", Direction::Down), ("up", Direction::Up)],
            &texts,
        );
    }

    #[test]
    fn verdicts_are_found_as_a_whole_text_search_finds_them() {
        let text = "A weak Q1 2026 quarter, stronger first-quarter results, Record profits, \
            a better-than-expected quarter, worse-than-expected earnings; it missed analysts' \
            estimates and beat expectations. Weakness, strongest, recorded profits, a solid \
            performance, lacklustre results, a lackluster quarter, the beaten path.";
        crate::pattern::assert_same_as_whole_text_search(
            &VERDICT,
            |text| VERDICT_OPENERS.starts_in(text).collect(),
            &[text],
        );
    }

    #[test]
    fn quarter_labels() {
        assert_eq!(quarter_label("Q1"), "Q1");
        assert_eq!(quarter_label("Q1 2026"), "Q1 2026");
        assert_eq!(quarter_label("first quarter"), "Q1");
    }

    /// The direction read for "18%" between `before` and `after`, in a one-clause text.
    fn direction_around(before: &str, after: &str) -> Option<Direction> {
        let text = format!("{before}18%{after}");
        let whole = Span::new(0, text.len());
        let figure = Span::new(before.len(), before.len() + 3);
        let index = word_index(&text);
        direction_near(
            &text,
            &DocumentWords::of(&text, &index, &[whole]),
            whole,
            figure,
        )
    }

    #[test]
    fn nearest_direction_wins() {
        assert_eq!(
            direction_around("shares fell ", " after a rise"),
            Some(Direction::Down)
        );
        assert_eq!(
            direction_around("", " drop in prices"),
            Some(Direction::Down)
        );
        assert_eq!(
            direction_around("GameStop stock rose ", ""),
            Some(Direction::Up)
        );
        // Out of reach: more than 60 bytes away.
        assert_eq!(
            direction_around(&format!("rose {}", "x ".repeat(40)), ""),
            None
        );
    }

    #[test]
    fn levels_and_changes() {
        assert!(is_level("fell to "));
        assert!(!is_level("fell "));
        assert!(is_change_by("fell by "));
    }
}
