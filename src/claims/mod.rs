//! Step 3: claims. Ties each figure to what it measures.
//!
//! "18%" alone cannot be checked; "Core Scientific · share price · fell 18% · after
//! Microsoft pulled back" can. For each figure the claim layer reads, from the words of
//! its sentence:
//!
//! 1. the subject: the named organisation or asset the figure is about, from the
//!    pattern "18% drop in BTC prices", else the nearest name before it in its clause
//!    (every name of a list: "Bitfarms, CleanSpark and Riot fell 4%–12%"), else the
//!    nearest after it, else the document's main subject when the sentence refers back
//!    to it ("the company", "the miner", "its shares");
//! 2. the metric, from the nearest metric noun in the clause ("shares", "revenue",
//!    "production"), else from the unit (megawatts are capacity);
//! 3. the direction, from the nearest movement verb ("fell", "soared") or from "from X
//!    to Y";
//! 4. the period, from a date in the sentence ("in Q1 2026"), shifting one year back for
//!    "a year earlier";
//! 5. the event ("after Microsoft scaled back ..."), the attribution ("according to
//!    Bloomberg"), and hedges ("generally").
//!
//! Evaluative phrases without a number ("weak Q1 profitability", "strong Q1 2026
//! earnings") become [`Verdict`]s with a polarity.

pub mod basis;
pub mod quantity;
pub mod sentence;
pub mod subject;
mod vocabulary;

use serde::Serialize;

pub use basis::{Basis, Modality};
pub use quantity::Quantity;
pub use subject::{Mention, Subject, SubjectKind};
pub use vocabulary::{Direction, Polarity};

use crate::figures::{ChangeEnd, DayInterval, Figure, FigureKind, Qualifier};
use crate::pattern::{Families, WordIndex};
use crate::span::{Seeker, Span};
use crate::text::Document;
use quantity::known;
use std::sync::LazyLock;

/// What a figure says, beyond its number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Claim {
    /// The subjects it is about; several when a list shares one figure.
    pub subjects: Vec<Subject>,
    /// What the figure counts or measures; `None` when nothing says.
    pub quantity: Option<Quantity>,
    /// Against what a change is measured, in which session, on which measure.
    pub basis: Basis,
    /// The figure itself, an estimate of it, or a record cited beside it.
    pub modality: Modality,
    /// A segment of the metric ("AI colocation" revenue), when named.
    pub segment: Option<String>,
    pub direction: Option<Direction>,
    /// Whether the figure is the size of a change ("fell 18%", "fell by 18%") rather
    /// than a level ("fell to 18%", "revenue of $115.2 million").
    pub is_change: bool,
    pub period: Option<DayInterval>,
    /// The event the figure is tied to, as written ("after Microsoft scaled back").
    pub event: Option<String>,
    /// Softened by "generally", "reportedly", "about" and the like.
    pub hedged: bool,
    /// Who says so, as written ("Bloomberg", "TD Cowen analysts").
    pub attribution: Option<String>,
    /// The sentence the figure is in.
    pub sentence: Span,
}

impl Claim {
    /// The claim of a figure that measures nothing by itself: a date, a reading time.
    fn none(figure: &Figure, sentences: &[Span], seeker: &Seeker) -> Claim {
        Claim {
            subjects: Vec::new(),
            quantity: None,
            basis: Basis::default(),
            modality: Modality::Actual,
            segment: None,
            direction: None,
            is_change: false,
            period: figure.period,
            event: None,
            hedged: false,
            attribution: None,
            sentence: sentence::containing_from(seeker, sentences, figure.span.start)
                .map_or(figure.span, |i| sentences[i]),
        }
    }
}

/// An evaluative statement with no number: "weak Q1 profitability".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Verdict {
    pub span: Span,
    pub sentence: Span,
    pub subject: Option<Subject>,
    pub polarity: Polarity,
    /// What is judged ("profitability", "earnings").
    pub aspect: String,
    /// The quarter or half judged, as "Q1" or "Q1 2026"; compared by quarter, and by
    /// year where both sides state one.
    pub period_label: Option<String>,
    pub boilerplate: bool,
}

/// A document with everything the pipeline read from it.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub document: Document,
    pub figures: Vec<Figure>,
    /// `claims[i]` is the claim of `figures[i]`.
    pub claims: Vec<Claim>,
    pub verdicts: Vec<Verdict>,
    pub sentences: Vec<Span>,
    /// The keys of every subject its claims are about, sorted, once each: the checker
    /// skips a document that shares none with the one being checked.
    pub subject_keys: Vec<std::sync::Arc<str>>,
    /// The day of its dateline, if it has one: figures that state no period are taken
    /// to be of the day the article was written.
    pub published: Option<DayInterval>,
}

/// Steps 2 and 3 on one document: its figures and their claims. The words and lines of
/// its text are read once for both.
pub fn read(document: Document) -> Analysis {
    let text = document.text.as_str();
    let lines = crate::text::lines(text);
    let [figure_words, claim_words] =
        WordIndex::of_each(text, [&*crate::figures::FAMILIES, &*FAMILIES]);
    let figures = crate::figures::extract_among(text, &figure_words, &lines);
    analyse_among(document, figures, &claim_words, Some(&lines))
}

/// Reads the claims of a document's figures.
pub fn analyse(document: Document, figures: Vec<Figure>) -> Analysis {
    let index = word_index(&document.text);
    analyse_among(document, figures, &index, None)
}

/// [`analyse`], given the index of the document's words and, if read, its lines.
fn analyse_among(
    document: Document,
    figures: Vec<Figure>,
    index: &WordIndex,
    lines: Option<&[crate::text::Line]>,
) -> Analysis {
    let text = document.text.as_str();
    let sentences = sentence::sentences(text);
    let mentions = subject::mentions_among(text, index);
    let main = main_subject(&document, &mentions);
    let words =
        vocabulary::DocumentWords::of(text, index, &claimed_stretches(&figures, &sentences));
    let seekers = Seekers::default();
    let context = Context {
        text,
        word_index: index,
        figures: &figures,
        sentences: &sentences,
        mentions: &mentions,
        main: main.as_ref(),
        words: &words,
        seekers: &seekers,
    };
    let mut cache = SentenceCache::default();
    let claims: Vec<Claim> = figures
        .iter()
        .enumerate()
        .map(|(index, figure)| {
            if has_no_claim(figure.kind) {
                Claim::none(figure, &sentences, &seekers.sentence)
            } else {
                claim_for(context, index, &mut cache)
            }
        })
        .collect();
    let verdicts = vocabulary::verdicts(
        text,
        index,
        lines,
        &sentences,
        &mentions,
        main.as_ref(),
        &figures,
    );
    let mut subject_keys: Vec<std::sync::Arc<str>> = claims
        .iter()
        .flat_map(|claim| claim.subjects.iter().map(|subject| subject.key.clone()))
        .collect();
    subject_keys.sort_unstable();
    subject_keys.dedup();
    let published = crate::figures::date::dateline(text);
    Analysis {
        document,
        figures,
        claims,
        verdicts,
        sentences,
        subject_keys,
        published,
    }
}

/// The stretches of text the claims of `figures` read: each figure's sentence (all of
/// the figure, should it run past its end), merged where they touch, in order.
fn claimed_stretches(figures: &[Figure], sentences: &[Span]) -> Vec<Span> {
    let seeker = Seeker::default();
    let mut stretches: Vec<Span> = Vec::new();
    for figure in figures.iter().filter(|f| !has_no_claim(f.kind)) {
        let sentence = sentence::containing_from(&seeker, sentences, figure.span.start)
            .map_or(figure.span, |i| sentences[i]);
        let stretch = Span::new(
            sentence.start.min(figure.span.start),
            sentence.end.max(figure.span.end),
        );
        match stretches.last_mut() {
            Some(last) if stretch.start <= last.end => last.end = last.end.max(stretch.end),
            _ => stretches.push(stretch),
        }
    }
    stretches
}

/// Figures that measure nothing by themselves, and so have no claim to read.
fn has_no_claim(kind: FigureKind) -> bool {
    matches!(
        kind,
        FigureKind::Date | FigureKind::Metadata | FigureKind::Duration
    )
}

/// The families of words the claim reader looks for, all found in one pass over a
/// document's words ([`word_index`]).
#[derive(Debug, Clone, Copy)]
pub(crate) enum Family {
    Asset,
    MovementWord,
    Verdict,
    Hedge,
    EventCue,
    AttributionCue,
}

impl Family {
    /// Its place in [`FAMILIES`].
    pub(crate) fn index(self) -> usize {
        self as usize
    }
}

/// The [`Family`] members, in the enum's order.
static FAMILIES: LazyLock<Families> = LazyLock::new(|| {
    Families::new(vec![
        &*subject::ASSET_OPENERS,
        vocabulary::MOVEMENT_WORDS.openers(),
        &*vocabulary::VERDICT_OPENERS,
        vocabulary::HEDGES.openers(),
        vocabulary::EVENT_CUES.openers(),
        &*vocabulary::ATTRIBUTION_CUES,
    ])
});

/// Where the words of every [`Family`] start in `text`.
pub(crate) fn word_index(text: &str) -> WordIndex {
    WordIndex::of(text, &FAMILIES)
}

/// The organisation a document is mostly about: the first named in its headline (its
/// title where the text holds it, else its first line), else the one it names most, the
/// first named among equals.
fn main_subject(document: &Document, mentions: &[Mention]) -> Option<Subject> {
    let text = document.text.as_str();
    let title_end = match text
        .find(document.title.as_str())
        .filter(|_| !document.title.is_empty())
    {
        Some(at) => at + document.title.len(),
        // A title the reader gave ("Article 6") is not in the text: its first line of
        // content is the headline.
        None => {
            let leading = text.len() - text.trim_start().len();
            leading
                + text
                    .trim_start()
                    .find('\n')
                    .unwrap_or(text.trim_start().len())
        }
    };
    let organisations = || {
        mentions
            .iter()
            .filter(|m| m.subject.kind == SubjectKind::Organisation)
    };
    if let Some(first) = organisations().find(|m| m.span.end <= title_end) {
        return Some(first.subject.clone());
    }
    let mut counts: Vec<(&Subject, usize)> = Vec::new();
    for mention in organisations() {
        match counts
            .iter_mut()
            .find(|(subject, _)| subject.key == mention.subject.key)
        {
            Some(entry) => entry.1 += 1,
            None => counts.push((&mention.subject, 1)),
        }
    }
    // `counts` is in order of first mention; min_by_key keeps the first of equals.
    counts
        .into_iter()
        .min_by_key(|(_, count)| std::cmp::Reverse(*count))
        .filter(|(_, count)| *count >= 2)
        .map(|(s, _)| s.clone())
}

/// How far from a figure, in bytes, the claim reader looks for its subject, metric,
/// period and attribution. A sentence longer than this on either side is cut.
const SENTENCE_REACH: usize = 400;

/// What the claim reader knows of a document while it reads each figure's claim.
#[derive(Clone, Copy)]
struct Context<'a> {
    text: &'a str,
    word_index: &'a WordIndex,
    figures: &'a [Figure],
    sentences: &'a [Span],
    mentions: &'a [Mention],
    main: Option<&'a Subject>,
    words: &'a vocabulary::DocumentWords,
    seekers: &'a Seekers,
}

/// Where the claim reader is in a document's sentences, names and figures: figures are
/// read in order, and each searches on from where the last one was.
#[derive(Default)]
struct Seekers {
    sentence: Seeker,
    mention: Seeker,
    figure: Seeker,
}

fn claim_for(context: Context, index: usize, cache: &mut SentenceCache) -> Claim {
    let Context {
        text,
        word_index,
        figures,
        sentences,
        mentions,
        main,
        words,
        seekers,
    } = context;
    let figure = &figures[index];
    let sentence = sentence::containing_from(&seekers.sentence, sentences, figure.span.start)
        .map_or(figure.span, |i| sentences[i])
        .clamp_around(text, figure.span, SENTENCE_REACH);
    let facts = cache.facts(text, word_index, sentence);
    let clause = vocabulary::clause_around(sentence, &facts.clause_breaks, figure.span);
    // A figure can run past the end of its sentence (a unit read across a line break):
    // its clause always holds all of it.
    let clause = Span::new(
        clause.start.min(figure.span.start),
        clause.end.max(figure.span.end),
    );
    // Mentions are sorted by position: take the clause's by search.
    let first = seekers
        .mention
        .partition_point(mentions, |m| m.span.start < clause.start);
    let in_clause: Vec<&Mention> = mentions[first..]
        .iter()
        .take_while(|m| m.span.start < clause.end)
        .filter(|m| clause.contains(m.span))
        .collect();

    let after = &text[figure.span.end..clause.end];
    let before = &text[clause.start..figure.span.start];
    let metric_hit = vocabulary::metric_near(text, words, clause, figure);
    let nearby_direction = vocabulary::direction_near(text, words, clause, figure.span);
    let subjects = acquired_company(text, sentence, mentions, &in_clause, figure).map_or_else(
        || subjects_for(text, figure, &in_clause, clause, main, metric_hit.as_ref()),
        |acquired| vec![acquired],
    );
    let segment = metric_hit.as_ref().and_then(|hit| hit.segment.clone());
    let quantity = quantity_of(text, figure, clause, metric_hit.as_ref());
    let quantity = match (quantity, subjects.first().map(|s| s.kind)) {
        // "bitcoin fell 18%" is bitcoin's price; "Acme fell 18%" is Acme's share price.
        (Some(q), Some(SubjectKind::Asset)) if q.is(known::SHARE_PRICE) => {
            Some(Quantity::named(known::PRICE))
        }
        (Some(q), Some(SubjectKind::Organisation))
            if q.is(known::PRICE) && !vocabulary::names_a_price(before, after) =>
        {
            Some(Quantity::named(known::SHARE_PRICE))
        }
        (None, Some(SubjectKind::Organisation))
            if figure.kind == FigureKind::Percent && nearby_direction.is_some() =>
        {
            Some(Quantity::named(known::SHARE_PRICE))
        }
        // "bitcoin fell 18%", "BNB's surge to $2,000": a moving asset is its price.
        (None, Some(SubjectKind::Asset))
            if matches!(figure.kind, FigureKind::Percent | FigureKind::Money)
                && nearby_direction.is_some() =>
        {
            Some(Quantity::named(known::PRICE))
        }
        // "cut 300 jobs", "shed 2,000 workers": a workforce that moves down is a job cut.
        (Some(q), _) if q.is(known::HEADCOUNT) && nearby_direction == Some(Direction::Down) => {
            Some(Quantity::named(known::JOB_CUTS))
        }
        (quantity, _) => quantity,
    };
    let (basis, modality) = facts.basis_words.read(clause, figure.span);
    // "20:01 — First projection (Ipsos): Acme 172 seats": a label before a colon says
    // what the line's figures are.
    let modality = match text[sentence.start..figure.span.start].find(": ") {
        Some(colon)
            if colon < 80
                && modality == Modality::Actual
                && facts
                    .basis_words
                    .label_expects(Span::new(sentence.start, sentence.start + colon)) =>
        {
            Modality::Expected
        }
        _ => modality,
    };
    // "lowered to 97 from 115", "up from 89", "from $8 billion to $10 billion": the
    // level a change starts from is an earlier figure.
    let modality = if modality == Modality::Actual
        && (figure.change_end == Some(ChangeEnd::From) || vocabulary::ends_with_from(before))
    {
        Modality::Historical
    } else {
        modality
    };

    let direction = change_direction(figures, index).or(nearby_direction);
    let is_change = matches!(
        figure.kind,
        FigureKind::Percent | FigureKind::PercentagePoints | FigureKind::Multiple
    ) && !vocabulary::is_level(before)
        || (figure.change_end.is_none() && vocabulary::is_change_by(before));
    let period = vocabulary::period_for(text, figures, &seekers.figure, figure, sentence);
    let hedged = figure.qualifier == Qualifier::Approximate || facts.hedged;
    Claim {
        subjects,
        quantity,
        basis,
        modality,
        segment,
        direction,
        is_change,
        period,
        event: facts.event.clone(),
        hedged,
        attribution: facts.attribution.clone(),
        sentence,
    }
}

/// What a sentence says about every figure in it: where its clauses break, its event, its
/// source, whether it is hedged. Figures come in order, so the facts of the last sentence read are kept for the
/// next figure, which is usually in the same sentence.
#[derive(Default)]
struct SentenceCache {
    sentence: Option<Span>,
    facts: SentenceFacts,
}

#[derive(Default)]
struct SentenceFacts {
    clause_breaks: Vec<Span>,
    event: Option<String>,
    attribution: Option<String>,
    hedged: bool,
    /// Read per sentence, not per document: only sentences with a figure need them,
    /// and their first words ("a", "on", "at", "from") open many of a document's words.
    basis_words: basis::BasisWords,
}

impl SentenceCache {
    fn facts(&mut self, text: &str, index: &WordIndex, sentence: Span) -> &SentenceFacts {
        if self.sentence != Some(sentence) {
            self.sentence = Some(sentence);
            self.facts = SentenceFacts {
                clause_breaks: vocabulary::clause_breaks(text, sentence),
                event: vocabulary::event_in(text, index, sentence),
                attribution: vocabulary::attribution_in(text, index, sentence),
                hedged: vocabulary::is_hedged(text, index, sentence),
                basis_words: basis::BasisWords::of(text, sentence),
            };
        }
        &self.facts
    }
}

/// For the ends of "from X to Y": the direction is the sign of Y − X.
fn change_direction(figures: &[Figure], index: usize) -> Option<Direction> {
    let figure = &figures[index];
    let (from, to) = match figure.change_end? {
        ChangeEnd::From => (figure, figures.get(index + 1)?),
        ChangeEnd::To => (figures.get(index.checked_sub(1)?)?, figure),
    };
    let (a, b) = (from.amount.central()?, to.amount.central()?);
    if b > a {
        Some(Direction::Up)
    } else if b < a {
        Some(Direction::Down)
    } else {
        None
    }
}

/// "... the acquisition of Polaris DS LLC. This acquisition will grant access to 440
/// megawatts": a sentence that opens on "this acquisition" or "the deal", and names no
/// one before the figure, is about the company just acquired.
fn acquired_company(
    text: &str,
    sentence: Span,
    mentions: &[Mention],
    in_clause: &[&Mention],
    figure: &Figure,
) -> Option<Subject> {
    let opening = &text[sentence.start..figure.span.start];
    if in_clause.iter().any(|m| m.span.end <= figure.span.start)
        || !vocabulary::REFERS_TO_DEAL.is_match(opening)
    {
        return None;
    }
    // The previous sentence, or what is left of it within reach.
    let (window_start, window) = crate::span::window_before(text, sentence.start, 400);
    let found = vocabulary::ACQUIRED.captures_iter(window).last()?;
    let object = found.name("object")?;
    let at = window_start + object.start();
    mentions
        .iter()
        .find(|m| m.span.start == at && m.subject.kind == SubjectKind::Organisation)
        .map(|m| m.subject.clone())
}

fn subjects_for(
    text: &str,
    figure: &Figure,
    in_clause: &[&Mention],
    clause: Span,
    main: Option<&Subject>,
    metric_hit: Option<&vocabulary::MetricHit>,
) -> Vec<Subject> {
    let clause_text = &text[clause.start..clause.end];
    let fallback = || match main {
        Some(subject) if refers_back(clause_text) || before_is_empty_subject(clause_text) => {
            vec![subject.clone()]
        }
        _ => Vec::new(),
    };
    // "an 18% drop in BTC prices": the owner follows the figure. But in "a 45% fall in
    // BTC production" bitcoin is what is produced; the producer is the subject.
    if let Some(hit) = metric_hit {
        if let Some(owner) = hit.owner {
            if let Some(mention) = in_clause.iter().find(|m| m.span.overlaps(owner)) {
                let produced = mention.subject.kind == SubjectKind::Asset
                    && hit
                        .quantity
                        .as_ref()
                        .is_some_and(|q| q.is(known::PRODUCTION) || q.is(known::ASSET_SALE));
                if !produced {
                    return vec![mention.subject.clone()];
                }
                return main.map(|s| vec![s.clone()]).unwrap_or_default();
            }
        }
    }
    // "According to Kappa Research, ...": the source is not the subject.
    let before: Vec<&&Mention> = in_clause
        .iter()
        .filter(|m| m.span.end <= figure.span.start)
        .filter(|m| !vocabulary::names_a_source(&text[..m.span.start]))
        .collect();
    if let Some(last) = before.last() {
        // A list right before: "Bitfarms, CleanSpark and Riot dropped 4%–12%".
        let mut list = vec![last.subject.clone()];
        let mut end_of_previous = last.span.start;
        for mention in before.iter().rev().skip(1) {
            let gap = &text[mention.span.end..end_of_previous];
            if matches!(gap, ", " | " and " | ", and " | " & " | " or " | ", or ") {
                list.push(mention.subject.clone());
                end_of_previous = mention.span.start;
            } else {
                break;
            }
        }
        list.reverse();
        list.dedup_by(|a, b| a.key == b.key);
        if list.len() > 1 || !refers_back(&text[last.span.end..figure.span.start]) {
            return list;
        }
    }
    // "The company sold $208 million worth of bitcoin": the company, not bitcoin.
    if main.is_some() && refers_back(&text[clause.start..figure.span.start]) {
        return fallback();
    }
    if let Some(after) = in_clause.iter().find(|m| m.span.start >= figure.span.end) {
        if !(after.subject.kind == SubjectKind::Asset
            && metric_hit
                .is_some_and(|h| h.quantity.as_ref().is_some_and(|q| q.is(known::ASSET_SALE))))
        {
            return vec![after.subject.clone()];
        }
    }
    // A company metric in a sentence that names no organisation ("the colocation
    // segment raked in $77.5 million") belongs to the company the article is about.
    let company_metric = metric_hit.is_some_and(|h| {
        h.quantity
            .as_ref()
            .is_some_and(|q| q.is(known::REVENUE) || q.is(known::NET_INCOME) || q.is(known::EPS))
    });
    if company_metric
        && !in_clause
            .iter()
            .any(|m| m.subject.kind == SubjectKind::Organisation)
    {
        return main.map(|s| vec![s.clone()]).unwrap_or_default();
    }
    fallback()
}

/// The quantity of a figure, in the order the [`quantity`] module gives: a vocabulary
/// word right before it, the noun it counts, the nearest vocabulary word in its clause,
/// its unit.
fn quantity_of(
    text: &str,
    figure: &Figure,
    clause: Span,
    hit: Option<&vocabulary::MetricHit>,
) -> Option<Quantity> {
    if !quantity::measures(figure.kind) {
        return None;
    }
    let named = hit
        .and_then(|hit| Some((hit.quantity.clone()?, hit.word)))
        .filter(|(quantity, _)| quantity::fits_unit(quantity, figure));
    // "killed 115 people", "revenue of $5 million", "delivered 480,000 cars".
    let adjacent = named.as_ref().filter(|(_, word)| {
        word.is_some_and(|word| {
            word.end <= figure.span.start
                && text
                    .get(word.end..figure.span.start)
                    .is_some_and(quantity::joins_word_to_figure)
        })
    });
    if let Some((quantity, _)) = adjacent {
        return Some(quantity.clone());
    }
    let after = &text[figure.span.end..clause.end.max(figure.span.end)];
    if matches!(figure.kind, FigureKind::Count | FigureKind::Number)
        && let Some(noun) = quantity::counted_noun(after)
    {
        return Some(noun);
    }
    if let Some((quantity, _)) = named {
        return Some(quantity);
    }
    quantity::of_unit(figure)
}

/// Words that point back to the document's main subject.
fn refers_back(words: &str) -> bool {
    vocabulary::REFERS_BACK.is_match(words)
}

/// A clause about shares or revenue that names no one ("Shares lost 18% over the
/// session") is about the document's main subject.
fn before_is_empty_subject(clause: &str) -> bool {
    vocabulary::IMPLICIT_SUBJECT.is_match(clause)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::figures::extract;

    fn subject_of(document: Document, figure_text: &str) -> Option<String> {
        let figures = extract(&document.text);
        let analysis = analyse(document, figures);
        let index = analysis
            .figures
            .iter()
            .position(|f| f.span.text(&analysis.document.text) == figure_text)?;
        analysis.claims[index]
            .subjects
            .first()
            .map(|s| s.name.to_string())
    }

    /// Regression (seen on the page): a reader's own title ("Article 6") is not in the
    /// text, and two companies named twice each tied; the later one won.
    #[test]
    fn a_given_title_not_in_the_text_leaves_the_first_line_as_headline() {
        let text = "Acme Corp tumbles after Zeta steps back\n\nAcme Corp shares fell 18% after Zeta scaled back.\nElsewhere, revenue was $5 million.";
        let document = Document::with_title("a", "Article 6", text);
        assert_eq!(
            subject_of(document, "$5 million").as_deref(),
            Some("Acme Corp")
        );
    }

    #[test]
    fn among_subjects_named_equally_often_the_first_named_is_the_main_one() {
        let text = "Markets moved.\nAcme Corp and Zeta rose. Acme Corp and Zeta said so.\nRevenue was $5 million.";
        let document = Document::with_title("a", "", text);
        assert_eq!(
            subject_of(document, "$5 million").as_deref(),
            Some("Acme Corp")
        );
    }
}
