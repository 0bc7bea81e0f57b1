//! Reading a technical explanation ("explain overfitting and how you prevent
//! it"): no story shape applies, so the answer is checked for the exercise's
//! key ideas, each in any of its authored phrasings, and for hedging, which
//! weakens an explanation as much as a story.
//!
//! # Patterns
//! A key idea lists patterns; it is covered when one matches. A pattern is one
//! or more phrases joined by ` & `, all of which must occur in one sentence. A
//! phrase is words in a row; a word ending in `*` matches any word it begins
//! (`regulari*`), `#` matches any number, and every word also matches its plural.
//! Text is compared in lower case, split at anything but letters and digits.
//!
//! # Tier and score
//! Coverage is the share of key ideas covered.
//! 1. **weak**: under [`MIN_WORDS`] words, or coverage under 0.4.
//! 2. **exemplary**: every idea covered, no hedging, at most [`MAX_WORDS`] words.
//! 3. **strong**: coverage of at least 0.75, at most one hedge, at most [`MAX_WORDS`] words.
//! 4. otherwise **developing**.
//!
//! The score gives 80 points spread over the ideas, 10 for a length in range
//! and 10 for no hedging, minus 4 per hedge, clamped into the tier's band.

use std::ops::Range;

use serde::Serialize;

use super::{
    analyze_with, clamp_to_band, Analysis, AnalyzerError, Finding, FindingKind, PartShares,
    Profile, ScoreLine,
};
use crate::content::{AnswerKind, KeyIdea, Tier};

/// Below this many words there is no room for an explanation.
pub const MIN_WORDS: u32 = 40;
/// Above this many words the explanation runs past about three minutes.
pub const MAX_WORDS: u32 = 450;

const IDEA_POINTS: f64 = 80.0;
const LENGTH_POINTS: i64 = 10;
const NO_HEDGING_POINTS: i64 = 10;
const HEDGE_COST: i64 = 4;

/// Whether one key idea is in the answer, and where it was recognized.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IdeaCheck {
    pub idea: String,
    pub covered: bool,
    /// Byte offsets of the matching words (for a pattern over several
    /// phrases, of the sentence that holds them); empty when not covered.
    pub start: usize,
    pub end: usize,
}

/// A written answer, read the way its module asks.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WrittenReview {
    /// Tier, score, the reasons for it, and findings. For an explanation the
    /// story fields (parts, shares, takeaway) stay empty and the findings
    /// are hedging and length only.
    pub analysis: Analysis,
    /// The key ideas checked, for an explanation; empty for a story.
    pub ideas: Vec<IdeaCheck>,
}

/// Reads a written answer as its module's kind asks: a story with the
/// module's profile, an explanation against the item's key ideas.
pub fn review_answer(
    kind: AnswerKind,
    profile: &Profile,
    ideas: &[KeyIdea],
    text: &str,
) -> Result<WrittenReview, AnalyzerError> {
    match kind {
        AnswerKind::Story => Ok(WrittenReview {
            analysis: analyze_with(text, profile)?,
            ideas: Vec::new(),
        }),
        AnswerKind::Explanation => review_explanation(text, ideas),
    }
}

/// Why `pattern` cannot be matched, if it cannot (for pack validation).
pub fn pattern_error(pattern: &str) -> Option<String> {
    for phrase in pattern.split(" & ") {
        let words: Vec<&str> = phrase.split_whitespace().collect();
        if words.is_empty() {
            return Some(format!("{pattern:?} has an empty phrase"));
        }
        for word in words {
            let stem = word.strip_suffix('*').unwrap_or(word);
            let plain = stem
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit());
            if word == "#" {
                continue;
            }
            if !plain || stem.is_empty() {
                return Some(format!(
                    "{pattern:?}: {word:?} must be lower-case letters or digits, optionally ending in *, or #"
                ));
            }
            if word.ends_with('*') && stem.len() < 3 {
                return Some(format!(
                    "{pattern:?}: {word:?} is too short a prefix to mean anything"
                ));
            }
        }
    }
    None
}

/// Reads `text` as an explanation that should cover `ideas`.
pub fn review_explanation(text: &str, ideas: &[KeyIdea]) -> Result<WrittenReview, AnalyzerError> {
    let wording = analyze_with(text, &hedging_only())?;
    let tokens = tokens(text);
    let sentences = sentences(text, &tokens);
    let checks: Vec<IdeaCheck> = ideas
        .iter()
        .map(|idea| {
            let found = idea
                .any
                .iter()
                .filter_map(|pattern| find_pattern(pattern, &tokens, &sentences))
                .min_by_key(|span| span.start);
            IdeaCheck {
                idea: idea.idea.clone(),
                covered: found.is_some(),
                start: found.as_ref().map_or(0, |s| s.start),
                end: found.map_or(0, |s| s.end),
            }
        })
        .collect();
    let words = wording.word_count;
    let mut findings: Vec<Finding> = wording.findings;
    findings.extend(length_finding(words));
    let hedges = findings
        .iter()
        .filter(|f| f.kind == FindingKind::Hedging)
        .count() as u32;
    let covered = checks.iter().filter(|c| c.covered).count();
    let coverage = match checks.len() {
        0 => 1.0,
        n => covered as f64 / n as f64,
    };
    let tier = tier(coverage, hedges, words);
    let (score, score_lines) = score(&checks, hedges, words, tier);
    Ok(WrittenReview {
        analysis: Analysis {
            tier,
            score,
            score_lines,
            word_count: words,
            speaking_seconds: wording.speaking_seconds,
            takeaway_share: 0.0,
            // An explanation has no takeaway to size.
            suggested_takeaway_share: 0.0,
            segments: Vec::new(),
            findings,
            part_shares: PartShares::default(),
            missing_parts: Vec::new(),
        },
        ideas: checks,
    })
}

/// The analyzer's wording detectors with every story-specific kind switched off.
fn hedging_only() -> Profile {
    Profile {
        ignored_findings: FindingKind::ALL
            .into_iter()
            .filter(|k| *k != FindingKind::Hedging)
            .collect(),
        ..Profile::default()
    }
}

fn length_finding(words: u32) -> Option<Finding> {
    let (kind, message, suggestion) = if words < MIN_WORDS {
        (
            FindingKind::TooShort,
            format!(
                "{words} words is under {MIN_WORDS}: too little to define, explain and back it up."
            ),
            "Say what it is, why it happens, how you would know and what you would do.",
        )
    } else if words > MAX_WORDS {
        (
            FindingKind::TooLong,
            format!("{words} words is over {MAX_WORDS}, about three minutes spoken."),
            "Keep one example and the ideas the question asks for; cut the rest.",
        )
    } else {
        return None;
    };
    Some(Finding {
        kind,
        start: 0,
        end: 0,
        text: String::new(),
        message,
        suggestion: Some(suggestion.into()),
    })
}

fn tier(coverage: f64, hedges: u32, words: u32) -> Tier {
    let in_length = words <= MAX_WORDS;
    if words < MIN_WORDS || coverage < 0.4 {
        Tier::Weak
    } else if coverage >= 1.0 && hedges == 0 && in_length {
        Tier::Exemplary
    } else if coverage >= 0.75 && hedges <= 1 && in_length {
        Tier::Strong
    } else {
        Tier::Developing
    }
}

fn score(checks: &[IdeaCheck], hedges: u32, words: u32, tier: Tier) -> (u8, Vec<ScoreLine>) {
    let mut lines = Vec::new();
    let per_idea = IDEA_POINTS / checks.len().max(1) as f64;
    // Rounded per line so that the lines add up to the score shown.
    let mut given = 0.0;
    for check in checks {
        let points = if check.covered {
            let before = given;
            given += per_idea;
            (given.round() - before.round()) as i32
        } else {
            0
        };
        let verb = if check.covered { "covers" } else { "missing" };
        lines.push(ScoreLine {
            reason: format!("{verb}: {}", check.idea),
            points,
            kind: None,
        });
    }
    if checks.is_empty() {
        lines.push(ScoreLine {
            reason: "no key ideas to check".into(),
            points: IDEA_POINTS as i32,
            kind: None,
        });
    }
    if (MIN_WORDS..=MAX_WORDS).contains(&words) {
        lines.push(ScoreLine {
            reason: format!("{words} words is a good length"),
            points: LENGTH_POINTS as i32,
            kind: None,
        });
    }
    if hedges == 0 {
        lines.push(ScoreLine {
            reason: "stated plainly, without hedging".into(),
            points: NO_HEDGING_POINTS as i32,
            kind: None,
        });
    } else {
        lines.push(ScoreLine {
            reason: format!("{hedges} × hedging (−{HEDGE_COST} each)"),
            points: -(i64::from(hedges) * HEDGE_COST) as i32,
            kind: Some(FindingKind::Hedging),
        });
    }
    let score = clamp_to_band(tier, &mut lines);
    (score, lines)
}

/// A lower-case word or number of the text, with its byte span.
struct Token {
    word: String,
    span: Range<usize>,
}

fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (at, c) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                out.push(Token {
                    word: text[from..at].to_lowercase(),
                    span: from..at,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Token index ranges of the sentences: a sentence ends at `.`, `!`, `?` or
/// `;` followed by a space, or at a line break (so bullets are sentences).
fn sentences(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    for at in 1..tokens.len() {
        let gap = &text[tokens[at - 1].span.end..tokens[at].span.start];
        let ends = gap.contains('\n')
            || gap
                .char_indices()
                .any(|(i, c)| matches!(c, '.' | '!' | '?' | ';') && gap[i + 1..].starts_with(' '));
        if ends {
            out.push(first..at);
            first = at;
        }
    }
    if first < tokens.len() {
        out.push(first..tokens.len());
    }
    out
}

fn word_matches(pattern: &str, word: &str) -> bool {
    if pattern == "#" {
        return word.starts_with(|c: char| c.is_ascii_digit());
    }
    match pattern.strip_suffix('*') {
        Some(stem) => word.starts_with(stem),
        None => {
            word == pattern
                || word.strip_suffix('s') == Some(pattern)
                || word.strip_suffix("es") == Some(pattern)
        }
    }
}

/// Token index range where `phrase` occurs within `range`, first match.
fn find_phrase(phrase: &[&str], tokens: &[Token], range: Range<usize>) -> Option<Range<usize>> {
    let len = phrase.len();
    (range.start..range.end.saturating_sub(len - 1))
        .find(|&at| {
            phrase
                .iter()
                .zip(&tokens[at..at + len])
                .all(|(p, t)| word_matches(p, &t.word))
        })
        .map(|at| at..at + len)
}

/// Byte span of the first sentence matching every phrase of `pattern`.
fn find_pattern(
    pattern: &str,
    tokens: &[Token],
    sentences: &[Range<usize>],
) -> Option<Range<usize>> {
    let phrases: Vec<Vec<&str>> = pattern
        .split(" & ")
        .map(|p| p.split_whitespace().collect())
        .collect();
    sentences.iter().find_map(|sentence| {
        let found: Option<Vec<Range<usize>>> = phrases
            .iter()
            .map(|phrase| find_phrase(phrase, tokens, sentence.clone()))
            .collect();
        let found = found?;
        let (first, last) = match found.as_slice() {
            [only] => (only.start, only.end - 1),
            _ => (sentence.start, sentence.end - 1),
        };
        Some(tokens[first].span.start..tokens[last].span.end)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn idea(label: &str, any: &[&str]) -> KeyIdea {
        KeyIdea {
            idea: label.into(),
            any: any.iter().map(|s| s.to_string()).collect(),
        }
    }

    fn ideas() -> Vec<KeyIdea> {
        vec![
            idea("Defines the gap", &["train* & valid*", "train* & unseen"]),
            idea("Names early stopping", &["early stop*"]),
            idea(
                "Names regularization",
                &["regulari*", "weight decay", "dropout"],
            ),
            idea("Gives numbers", &["#"]),
        ]
    }

    const GOOD: &str =
        "Overfitting means the model scores far better on its training data than on \
        validation data it never saw: 98% against 84% in my last project. Capacity that is large \
        for the data lets it fit noise. I would stop training early once validation loss rises, \
        and add weight decay, tuning its strength on the validation set so the model does not \
        start to underfit instead.";

    #[test]
    fn an_explanation_with_every_idea_is_exemplary_and_says_why() {
        let review = review_explanation(GOOD, &ideas()).unwrap();
        let missing: Vec<&str> = review
            .ideas
            .iter()
            .filter(|c| !c.covered)
            .map(|c| c.idea.as_str())
            .collect();
        assert_eq!(missing, ["Names early stopping"], "{:#?}", review.ideas);
        assert_eq!(review.analysis.tier, Tier::Strong);
        let with_stopping = GOOD.replace("stop training early", "use early stopping");
        let review = review_explanation(&with_stopping, &ideas()).unwrap();
        assert_eq!(review.analysis.tier, Tier::Exemplary, "{:#?}", review.ideas);
        let sum: i32 = review.analysis.score_lines.iter().map(|l| l.points).sum();
        assert_eq!(sum, i32::from(review.analysis.score));
        assert!(review.analysis.segments.is_empty() && review.analysis.missing_parts.is_empty());
    }

    #[test]
    fn evidence_spans_point_at_the_words_that_matched() {
        let review = review_explanation(GOOD, &ideas()).unwrap();
        let regularization = &review.ideas[2];
        assert_eq!(
            &GOOD[regularization.start..regularization.end],
            "weight decay"
        );
        let numbers = &review.ideas[3];
        assert_eq!(&GOOD[numbers.start..numbers.end], "98");
    }

    #[test]
    fn phrases_joined_by_and_must_share_a_sentence() {
        let split = "The training score was high. Later the validation score fell, which \
            surprised the whole team and meant the launch was delayed by a month.";
        let review = review_explanation(split, &ideas()).unwrap();
        assert!(!review.ideas[0].covered);
        let joined = split.replace("high. Later", "high while");
        assert!(review_explanation(&joined, &ideas()).unwrap().ideas[0].covered);
    }

    #[test]
    fn a_slogan_is_weak_and_story_rules_never_apply() {
        let slogan = "Overfitting is when the model memorizes the data. Use dropout.";
        let review = review_explanation(slogan, &ideas()).unwrap();
        assert_eq!(review.analysis.tier, Tier::Weak);
        let kinds: Vec<FindingKind> = review.analysis.findings.iter().map(|f| f.kind).collect();
        assert_eq!(kinds, [FindingKind::TooShort]);
    }

    #[test]
    fn hedging_costs_points_and_blocks_exemplary() {
        let hedged = GOOD.replace(
            "I would stop training early",
            "I think maybe I would use early stopping",
        );
        let review = review_explanation(&hedged, &ideas()).unwrap();
        assert!(review
            .analysis
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::Hedging));
        assert_ne!(review.analysis.tier, Tier::Exemplary);
    }

    #[test]
    fn plurals_and_prefixes_match_but_inner_words_do_not() {
        assert!(word_matches("curve", "curves"));
        assert!(word_matches("regulari*", "regularization"));
        assert!(!word_matches("bias", "biased"));
        assert!(word_matches("#", "0"));
        assert!(!word_matches("#", "k"));
    }

    #[test]
    fn malformed_patterns_are_explained() {
        assert_eq!(pattern_error("early stop* & valid*"), None);
        assert_eq!(pattern_error("# & epoch*"), None);
        assert!(pattern_error("Early stopping").is_some());
        assert!(pattern_error("va*").is_some());
        assert!(pattern_error("train &  & valid").is_some());
        assert!(pattern_error("").is_some());
    }
}
