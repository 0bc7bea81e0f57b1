//! On-device answer analyzer for "Tell me about a time you failed".
//!
//! Plain Rust, no network: the answer is tokenised once, split into sentences
//! (abbreviations, numbers, quotes, bullets; dictated run-ons are cut at
//! discourse markers), each sentence is labelled with its STAR-T part, and pattern
//! detectors with context rules report findings with byte spans. Then a small
//! learned classifier ([`classifier`]: hashed n-gram features, one logistic
//! regression per label, 32 KB of i8 weights compiled in) scores every clause for
//! blame and systemic fixes the rules missed. Nothing is built per call beyond
//! the token vectors (and a copy of each word that needed folding to
//! lowercase); word lists are `match` arms. Retrain the classifier with
//! `cargo run -p aiprep-core --release --example train_clauses`.
//!
//! # Entry points
//! [`analyze`] reads a failure story; [`analyze_with`] takes a per-question
//! [`Profile`] (takeaway thresholds, finding kinds the question does not ask
//! for, from a content pack's `[module.analysis]` table); [`analyze_labelled`]
//! reads a story the learner wrote part by part, trusting their labels for the
//! structure while the wording detectors run over the whole text.
//!
//! # Structure
//! Word count counts words and numbers. Speaking time assumes
//! [`WORDS_PER_MINUTE`] (150 wpm, a calm interview pace). Part shares are each
//! part's share of the words; `takeaway_share` is the takeaway's (the module
//! teaches about half).
//!
//! # Whole-answer findings
//! - `too_short` under [`TOO_SHORT_WORDS`] words, `too_long` over [`TOO_LONG_WORDS`];
//!   a too-short answer gets no other whole-answer finding (there is nothing to weigh).
//! - `missing_takeaway` when no sentence is a takeaway; `short_takeaway` when the
//!   takeaway is under [`SHORT_TAKEAWAY_SHARE`] of the words.
//! - `missing_part` once per absent part of the story: context (situation or task),
//!   action, result.
//! - `missing_metrics` when nothing in the answer is quantified.
//!
//! Whole-answer findings have the empty span `0..0`.
//!
//! # Tier and score
//! The tier is decided by rules, in this order:
//! 1. **weak**: two or more `blame_shifting`, or one in an answer with fewer than
//!    two `ownership` findings; any `fake_failure`; no `ownership`; three or more
//!    emotional, hedging or over-apologizing findings together; or a too-short
//!    answer with neither a metric nor a takeaway.
//! 2. **strong**: `ownership`, no `blame_shifting`, a `metric`, a `systemic_fix`, a takeaway of at least
//!    [`STRONG_TAKEAWAY_SHARE`], all parts present, a length in range, none of the
//!    wording negatives (emotional, hedging, over-apologizing, manual fix) and at
//!    most one passive.
//! 3. **exemplary**: strong, plus a takeaway share of at least
//!    [`EXEMPLARY_TAKEAWAY_SHARE`], at least three metrics and no passive at all.
//! 4. otherwise **developing**.
//!
//! The score adds points for what the answer has and subtracts for what it does
//! wrong, then is clamped into the tier's band (weak 0-39, developing 40-64,
//! strong 65-84, exemplary 85-100), so score and tier never disagree:
//! ownership +20; 5 per metric up to +15; systemic fix +15; takeaway share up to
//! +25 (full at the share the question teaches: half the answer by default);
//! all parts present +10; length in range +5; no negative finding +10; minus 10 per blame, 15 per fake failure, 4 per emotional,
//! hedging or over-apologizing finding, 3 per passive, 5 per manual fix.
//!
//! # Limits
//! English only. Detection is lexical with local context, judged per clause:
//! a third party as the subject of a failed duty ("the vendor never sent the
//! specs") is blame whatever the rest of the answer owns, unless the speaker
//! takes the fault in the same sentence; quoted and reported words ("she said
//! the pharmacy...") are someone else's. The clause classifier
//! ([`classifier`]), trained on the development part of the gold set, adds the
//! blame and systemic fixes the rules miss. Blame phrased in unusual ways ("they
//! promised features that did not exist") can still slip through.
//! Quality is tracked against the gold set in `tests/gold/` (see
//! `tests/tests/analyzer_gold.rs`).

mod blame;
pub mod classifier;
mod clause;
mod detect;
mod explanation;
mod lexicon;
mod profile;
mod structure;
mod text;
mod utf16;

use std::ops::Range;

use crate::content::{StarPart, Tier};
use serde::{Deserialize, Serialize};

pub use explanation::{pattern_error, review_answer, review_explanation, IdeaCheck, WrittenReview};
pub use profile::{share_words, Profile};
pub use utf16::Utf16Map;

/// Longest accepted answer, in characters (about 20 minutes of speech).
pub const MAX_CHARS: usize = 20_000;
/// Pace used for `speaking_seconds`.
pub const WORDS_PER_MINUTE: u32 = 150;
/// Below this many words an answer is `too_short` (about 20 seconds).
pub const TOO_SHORT_WORDS: u32 = 50;
/// Above this many words an answer is `too_long` (about 3 minutes).
pub const TOO_LONG_WORDS: u32 = 450;
/// A takeaway under this share of the words is `short_takeaway` (the module teaches half).
pub const SHORT_TAKEAWAY_SHARE: f64 = 0.25;
/// Strong answers need at least this takeaway share.
pub const STRONG_TAKEAWAY_SHARE: f64 = 0.2;
/// Exemplary answers give the takeaway close to the half the module teaches.
pub const EXEMPLARY_TAKEAWAY_SHARE: f64 = 0.45;
/// What the failure-story lesson teaches: spend about half the answer on the takeaway.
pub const SUGGESTED_TAKEAWAY_SHARE: f64 = 0.5;

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum AnalyzerError {
    #[error("the answer is empty")]
    Empty,
    #[error("the answer has {chars} characters; the limit is {max}")]
    TooLong { chars: usize, max: usize },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    BlameShifting,
    PassiveVoice,
    Hedging,
    EmotionalLanguage,
    OverApologizing,
    FakeFailure,
    ManualFix,
    Ownership,
    Metric,
    SystemicFix,
    MissingMetrics,
    MissingTakeaway,
    ShortTakeaway,
    MissingPart,
    TooShort,
    TooLong,
}

impl FindingKind {
    pub const ALL: [FindingKind; 16] = [
        FindingKind::BlameShifting,
        FindingKind::PassiveVoice,
        FindingKind::Hedging,
        FindingKind::EmotionalLanguage,
        FindingKind::OverApologizing,
        FindingKind::FakeFailure,
        FindingKind::ManualFix,
        FindingKind::Ownership,
        FindingKind::Metric,
        FindingKind::SystemicFix,
        FindingKind::MissingMetrics,
        FindingKind::MissingTakeaway,
        FindingKind::ShortTakeaway,
        FindingKind::MissingPart,
        FindingKind::TooShort,
        FindingKind::TooLong,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            FindingKind::BlameShifting => "blame_shifting",
            FindingKind::PassiveVoice => "passive_voice",
            FindingKind::Hedging => "hedging",
            FindingKind::EmotionalLanguage => "emotional_language",
            FindingKind::OverApologizing => "over_apologizing",
            FindingKind::FakeFailure => "fake_failure",
            FindingKind::ManualFix => "manual_fix",
            FindingKind::Ownership => "ownership",
            FindingKind::Metric => "metric",
            FindingKind::SystemicFix => "systemic_fix",
            FindingKind::MissingMetrics => "missing_metrics",
            FindingKind::MissingTakeaway => "missing_takeaway",
            FindingKind::ShortTakeaway => "short_takeaway",
            FindingKind::MissingPart => "missing_part",
            FindingKind::TooShort => "too_short",
            FindingKind::TooLong => "too_long",
        }
    }

    /// Something to keep (highlighted green), as opposed to something to change.
    pub fn is_positive(self) -> bool {
        matches!(
            self,
            FindingKind::Ownership | FindingKind::Metric | FindingKind::SystemicFix
        )
    }

    /// Wording to change in place (blame, passive, hedging, emotion, apology,
    /// fake failure, manual fix): neither praise nor about the whole answer.
    pub fn is_negative_wording(self) -> bool {
        !self.is_positive() && !self.is_whole_answer()
    }

    /// Findings about the answer as a whole, reported with the empty span `0..0`.
    pub fn is_whole_answer(self) -> bool {
        matches!(
            self,
            FindingKind::MissingMetrics
                | FindingKind::MissingTakeaway
                | FindingKind::ShortTakeaway
                | FindingKind::MissingPart
                | FindingKind::TooShort
                | FindingKind::TooLong
        )
    }
}

/// One sentence (or clause of a dictated run-on) and its STAR-T part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub part: StarPart,
    /// Byte offsets into the analysed text, on character boundaries.
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub kind: FindingKind,
    /// Byte offsets into the analysed text, on character boundaries.
    pub start: usize,
    pub end: usize,
    /// The spanned text (empty for whole-answer findings).
    pub text: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// Share of the words in each STAR-T part; the five add up to 1 for a non-empty answer.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct PartShares {
    pub situation: f64,
    pub task: f64,
    pub action: f64,
    pub result: f64,
    pub takeaway: f64,
}

impl PartShares {
    pub fn of(&self, part: StarPart) -> f64 {
        match part {
            StarPart::Situation => self.situation,
            StarPart::Task => self.task,
            StarPart::Action => self.action,
            StarPart::Result => self.result,
            StarPart::Takeaway => self.takeaway,
        }
    }
}

/// One reason the score is what it is.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreLine {
    /// What earned or cost the points, in plain words.
    pub reason: String,
    /// Signed contribution to the score.
    pub points: i32,
    /// The finding kind behind the line, when there is one.
    pub kind: Option<FindingKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub tier: Tier,
    pub score: u8,
    /// Why the score is what it is: the lines add up to `score`, the last one
    /// bringing the sum into the tier's band when it fell outside.
    pub score_lines: Vec<ScoreLine>,
    pub word_count: u32,
    pub speaking_seconds: u32,
    pub takeaway_share: f64,
    /// The share the question's lesson suggests ([`Profile::suggested_takeaway_share`]).
    pub suggested_takeaway_share: f64,
    pub segments: Vec<Segment>,
    pub findings: Vec<Finding>,
    pub part_shares: PartShares,
    /// Parts of the story with no sentence: situation/task counted together as context.
    pub missing_parts: Vec<StarPart>,
}

/// Analyses one answer as a failure story ([`Profile::default`]). Fails only on
/// empty input or input over [`MAX_CHARS`].
pub fn analyze(text: &str) -> Result<Analysis, AnalyzerError> {
    analyze_with(text, &Profile::default())
}

/// Analyses one answer to a question weighed by `profile`.
pub fn analyze_with(text: &str, profile: &Profile) -> Result<Analysis, AnalyzerError> {
    let parsed = parse(text)?;
    let parts = structure::label(&parsed);
    let missing = missing_parts(&parsed, &parts);
    Ok(finish(&parsed, &parts, missing, profile, Labels::Heard))
}

/// A story written part by part: the non-empty parts, trimmed, joined in the
/// order given with a blank line between them.
#[derive(Debug, Clone, PartialEq)]
pub struct LabelledText {
    pub text: String,
    /// Each part's byte range in `text`.
    pub parts: Vec<(StarPart, Range<usize>)>,
}

impl LabelledText {
    pub fn new(parts: &[(StarPart, &str)]) -> Self {
        let mut text = String::new();
        let mut ranges = Vec::new();
        for (part, body) in parts {
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            if !text.is_empty() {
                text.push_str("\n\n");
            }
            let start = text.len();
            text.push_str(body);
            ranges.push((*part, start..text.len()));
        }
        LabelledText {
            text,
            parts: ranges,
        }
    }

    /// The label of the part holding byte `offset` (the first part if none does).
    fn part_at(&self, offset: usize) -> StarPart {
        self.parts
            .iter()
            .find(|(_, r)| r.contains(&offset))
            .or(self.parts.first())
            .map_or(StarPart::Situation, |(p, _)| *p)
    }
}

/// Analyses a story whose parts the learner labelled. Segments, part shares and
/// missing parts follow the labels (a filled part is never missing); the wording
/// detectors run over the whole story, each sentence knowing its labelled part.
/// Offsets are into `story.text`.
pub fn analyze_labelled(
    story: &LabelledText,
    profile: &Profile,
) -> Result<Analysis, AnalyzerError> {
    let parsed = parse(&story.text)?;
    let parts: Vec<StarPart> = parsed
        .sentences
        .iter()
        .map(|s| story.part_at(s.start))
        .collect();
    let labelled = |wanted: &[StarPart]| story.parts.iter().any(|(p, _)| wanted.contains(p));
    let missing = [
        (
            &[StarPart::Situation, StarPart::Task][..],
            StarPart::Situation,
        ),
        (&[StarPart::Action][..], StarPart::Action),
        (&[StarPart::Result][..], StarPart::Result),
    ]
    .into_iter()
    .filter(|(wanted, _)| !labelled(wanted))
    .map(|(_, part)| part)
    .collect();
    Ok(finish(&parsed, &parts, missing, profile, Labels::Given))
}

/// The part the analyzer hears in each sentence of `text`, ignoring any labels.
pub fn heard_parts(text: &str) -> Result<Vec<Segment>, AnalyzerError> {
    let parsed = parse(text)?;
    Ok(segments(&parsed, &structure::label(&parsed)))
}

fn parse(text: &str) -> Result<text::Text<'_>, AnalyzerError> {
    // A text has at most as many characters as bytes: count only a long one.
    if text.len() > MAX_CHARS {
        let chars = text.chars().count();
        if chars > MAX_CHARS {
            return Err(AnalyzerError::TooLong {
                chars,
                max: MAX_CHARS,
            });
        }
    }
    let parsed = text::Text::new(text);
    if parsed.tokens.is_empty() {
        return Err(AnalyzerError::Empty);
    }
    Ok(parsed)
}

fn segments(text: &text::Text, parts: &[StarPart]) -> Vec<Segment> {
    text.sentences
        .iter()
        .zip(parts)
        .map(|(s, &part)| Segment {
            part,
            start: s.start,
            end: s.end,
        })
        .collect()
}

/// How the sentence labels came about.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Labels {
    /// Guessed by the analyzer: a sentence praised as a systemic fix is a takeaway.
    Heard,
    /// Set by the learner and kept as they are.
    Given,
}

fn finish(
    parsed: &text::Text,
    parts: &[StarPart],
    missing_parts: Vec<StarPart>,
    profile: &Profile,
    labels: Labels,
) -> Analysis {
    let word_count = u32::try_from(parsed.tokens.len()).unwrap_or(u32::MAX);
    let info = sentence_info(parsed, parts);
    let mut hits = detect::detect(parsed, &info);
    classifier::add_clause_hits(parsed, &info, &mut hits);
    let mut parts = parts.to_vec();
    if labels == Labels::Heard {
        // A process change is the takeaway's content ("The following week I introduced
        // a rule..."), whatever its opening words: never praise it beside "no takeaway".
        for h in hits.iter().filter(|h| h.kind == FindingKind::SystemicFix) {
            let n = parsed.sentences.partition_point(|s| s.last <= h.first);
            if let Some(part) = parts.get_mut(n) {
                *part = StarPart::Takeaway;
            }
        }
    }
    let parts = &parts[..];
    let shares = part_shares(parsed, parts);

    let mut findings: Vec<Finding> = hits
        .iter()
        .filter(|h| !profile.ignores(h.kind))
        .map(|h| span_finding(parsed, h))
        .collect();
    drop_praise_on_negative_spans(&mut findings);
    let whole = whole_answer_findings(word_count, &shares, &missing_parts, &findings, profile);
    findings.extend(whole.into_iter().filter(|f| !profile.ignores(f.kind)));

    let counts = Counts::new(&findings, profile);
    let tier = tier(&counts, &shares, word_count, profile);
    let (score, score_lines) = score(tier, &counts, &shares, word_count, profile);
    Analysis {
        tier,
        score,
        score_lines,
        word_count,
        speaking_seconds: (word_count.saturating_mul(60) + WORDS_PER_MINUTE / 2) / WORDS_PER_MINUTE,
        takeaway_share: shares.takeaway,
        suggested_takeaway_share: profile.suggested_takeaway_share,
        segments: segments(parsed, parts),
        findings,
        part_shares: shares,
        missing_parts,
    }
}

/// A number inside a flagged phrase ("a total nightmare for 3 weeks" flagged as
/// emotional) is not also praised, nor is a sentence that shifts blame praised
/// as a fix: one span never gets both.
fn drop_praise_on_negative_spans(findings: &mut Vec<Finding>) {
    let spans_of = |kinds: &dyn Fn(FindingKind) -> bool| -> Vec<(usize, usize)> {
        findings
            .iter()
            .filter(|f| kinds(f.kind) && f.end > f.start)
            .map(|f| (f.start, f.end))
            .collect()
    };
    let negatives = spans_of(&|k| !k.is_positive());
    let blame = spans_of(&|k| k == FindingKind::BlameShifting);
    let hit = |spans: &[(usize, usize)], f: &Finding| {
        spans.iter().any(|&(s, e)| s < f.end && f.start < e)
    };
    findings.retain(|f| match f.kind {
        FindingKind::Metric => !hit(&negatives, f),
        FindingKind::SystemicFix => !hit(&blame, f),
        _ => true,
    });
}

fn part_shares(text: &text::Text, parts: &[StarPart]) -> PartShares {
    let total = text.tokens.len().max(1) as f64;
    let mut shares = PartShares::default();
    for (s, part) in text.sentences.iter().zip(parts) {
        let share = s.len() as f64 / total;
        match part {
            StarPart::Situation => shares.situation += share,
            StarPart::Task => shares.task += share,
            StarPart::Action => shares.action += share,
            StarPart::Result => shares.result += share,
            StarPart::Takeaway => shares.takeaway += share,
        }
    }
    shares
}

fn sentence_info(text: &text::Text, parts: &[StarPart]) -> Vec<detect::SentenceInfo> {
    let total = text.tokens.len().max(1) as f64;
    text.sentences
        .iter()
        .zip(parts)
        .map(|(s, &part)| detect::SentenceInfo {
            part,
            position: s.first as f64 / total,
        })
        .collect()
}

/// A part is present when some sentence before the takeaway carries its cues, even
/// if the label went to another part (one sentence often holds an action and its result).
fn missing_parts(text: &text::Text, parts: &[StarPart]) -> Vec<StarPart> {
    let story = || {
        text.sentences
            .iter()
            .zip(parts)
            .filter(|(_, &p)| p != StarPart::Takeaway)
    };
    let mut missing = Vec::new();
    if !story().any(|(_, &p)| matches!(p, StarPart::Situation | StarPart::Task)) {
        missing.push(StarPart::Situation);
    }
    let acted = |s: &text::Sentence, part: StarPart| {
        structure::action_score(text, s) > 0
            || (!matches!(part, StarPart::Situation | StarPart::Task)
                && structure::narrates_present_action(text, s))
    };
    if !story().any(|(s, &p)| acted(s, p)) {
        missing.push(StarPart::Action);
    }
    if !story().any(|(s, _)| structure::result_score(text, s) > 0) {
        missing.push(StarPart::Result);
    }
    missing
}

fn span_finding(text: &text::Text, hit: &detect::Hit) -> Finding {
    let start = text.tokens.get(hit.first).map_or(0, |t| t.start);
    let end = hit
        .last
        .checked_sub(1)
        .and_then(|l| text.tokens.get(l))
        .map_or(start, |t| t.end);
    let (start, end) = match hit.kind {
        // Whole-sentence findings keep the sentence's closing punctuation.
        FindingKind::Ownership | FindingKind::SystemicFix => {
            let n = text.sentences.partition_point(|s| s.first < hit.first);
            text.sentences
                .get(n)
                .filter(|s| s.first == hit.first)
                .map_or((start, end), |s| (s.start, s.end))
        }
        _ => (start, end),
    };
    let spanned = text.src.get(start..end).unwrap_or("").to_owned();
    let agent = hit
        .agent
        .map(|(first, last)| blamed_party(text, first, last));
    let word_after = if hit.last < text.tokens.len() {
        text.word(hit.last)
    } else {
        ""
    };
    let (message, suggestion) = explain(hit.kind, &spanned, agent.as_deref(), word_after);
    Finding {
        kind: hit.kind,
        start,
        end,
        text: spanned,
        message,
        suggestion,
    }
}

/// Who a blame finding points at, in the learner's words as an object: "The
/// vendor" -> "the vendor", "They" -> "them".
fn blamed_party(text: &text::Text, first: usize, last: usize) -> String {
    let start = text.tokens.get(first).map_or(0, |t| t.start);
    let end = last
        .checked_sub(1)
        .and_then(|l| text.tokens.get(l))
        .map_or(start, |t| t.end);
    let words = text.src.get(start..end).unwrap_or("");
    match text.word(first) {
        "he" if last == first + 1 => "him".into(),
        "she" if last == first + 1 => "her".into(),
        "they" if last == first + 1 => "them".into(),
        // Spoken back to the learner: "my manager" is "your manager".
        "my" | "our" => {
            let rest = words.split_once(char::is_whitespace).map_or("", |(_, r)| r);
            format!("your {rest}")
        }
        "the" | "a" | "an" | "his" | "her" | "their" | "this" | "that" => {
            let mut chars = words.chars();
            chars.next().map_or(String::new(), |c| {
                c.to_lowercase().chain(chars).collect::<String>()
            })
        }
        _ => words.to_owned(),
    }
}

/// Message and suggested rewrite for a span finding; `agent` names whom a blame
/// finding points at, `word_after` is the word that follows the span.
fn explain(
    kind: FindingKind,
    spanned: &str,
    agent: Option<&str>,
    word_after: &str,
) -> (String, Option<String>) {
    let quoted = format!("\u{201C}{spanned}\u{201D}");
    if let (FindingKind::BlameShifting, Some(agent)) = (kind, agent) {
        return (
            format!("{quoted} puts the failure on {agent}."),
            Some(format!(
                "Instead of {quoted}, which puts this on {agent}, say what was in your hands: what you could have checked or asked for earlier."
            )),
        );
    }
    match kind {
        FindingKind::BlameShifting => (
            format!("{quoted} points at someone or something else as the cause."),
            Some(format!(
                "Instead of {quoted}, say what was in your hands: what you could have checked, asked for or agreed earlier."
            )),
        ),
        FindingKind::PassiveVoice => (
            format!("{quoted} hides who acted."),
            Some(passive_rewrite(spanned, word_after)),
        ),
        FindingKind::Hedging => (
            format!("{quoted} softens a statement you should own plainly."),
            Some(format!("Drop {quoted} and state it directly.")),
        ),
        FindingKind::EmotionalLanguage => (
            format!("{quoted} dramatizes the story; interviewers listen for facts."),
            Some(format!("Drop {quoted} and say what it cost in facts: time, money or people affected.")),
        ),
        FindingKind::OverApologizing => (
            format!("{quoted} apologizes to the interviewer or runs yourself down."),
            Some(format!("Leave {quoted} out; state what happened and what you changed.")),
        ),
        FindingKind::FakeFailure => (
            format!("{quoted} reads as a strength dressed up as a failure."),
            Some("Choose a real decision of yours that went wrong and had a cost.".into()),
        ),
        FindingKind::ManualFix => (
            format!("{quoted} relies on trying harder, which does not scale or last."),
            Some("Turn it into a mechanism: a checklist item, an automated check or a required review step.".into()),
        ),
        FindingKind::Ownership => ("You own a decision or the recovery here. Keep it.".into(), None),
        FindingKind::Metric => (format!("{quoted} makes the impact concrete. Keep it."), None),
        FindingKind::SystemicFix => (
            "A repeatable process change: this is what interviewers want to hear.".into(),
            None,
        ),
        _ => (String::new(), None),
    }
}

/// "the deadline was missed" -> "___ missed the deadline". The actor is left
/// blank (the text does not say who acted) and a rewrite is offered only for the
/// plain shape determiner + noun(s) + was/were + regular past participle, where
/// the participle is also the past tense; anything else (negation, irregular
/// verbs, fragments, a phrasal verb such as "was rolled out", a subject long
/// enough to hold a clause such as "the way sessions were stored") gets the
/// general advice rather than a wrong sentence.
fn passive_rewrite(spanned: &str, word_after: &str) -> String {
    let words: Vec<String> = spanned
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'')
                .to_owned()
        })
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let n = lower.len();
    let plain = n >= 3
        && matches!(lower[n - 2].as_str(), "was" | "were")
        && lower[n - 1].len() >= 5
        && lower[n - 1].ends_with("ed")
        && matches!(
            lower[0].as_str(),
            "the" | "a" | "an" | "our" | "my" | "his" | "her" | "their" | "this" | "that" | "its"
        )
        && n - 2 <= 3
        && !matches!(
            word_after,
            "out" | "off" | "up" | "down" | "in" | "on" | "over" | "back" | "away" | "through"
        )
        && lower[1..n - 2]
            .iter()
            .all(|w| w.chars().all(|c| c.is_alphabetic() || c == '-'));
    if plain {
        // The learner's own casing ("the ICU nurse"), only the determiner lowered.
        let object = std::iter::once(lower[0].as_str())
            .chain(words[1..n - 2].iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" ");
        format!(
            "Say who did it: \u{201C}___ {} {object}\u{201D}, with \u{201C}I\u{201D} or the person or team in the blank.",
            lower[n - 1]
        )
    } else {
        "Say who did it: start the sentence with the person or team who acted (\u{201C}I\u{201D} when it was you).".into()
    }
}

fn whole(kind: FindingKind, message: String, suggestion: &str) -> Finding {
    Finding {
        kind,
        start: 0,
        end: 0,
        text: String::new(),
        message,
        suggestion: Some(suggestion.to_owned()),
    }
}

fn whole_answer_findings(
    words: u32,
    shares: &PartShares,
    missing: &[StarPart],
    spans: &[Finding],
    profile: &Profile,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if words < TOO_SHORT_WORDS {
        out.push(whole(
            FindingKind::TooShort,
            format!("{words} words is under {TOO_SHORT_WORDS}; there is no room for the story and the lesson."),
            "Aim for 150 to 300 words: a short setup, your decision, the impact, then the lesson and the change.",
        ));
        return out;
    }
    if words > TOO_LONG_WORDS {
        out.push(whole(
            FindingKind::TooLong,
            format!("{words} words is over {TOO_LONG_WORDS}, about three minutes spoken."),
            "Cut the setup to two sentences and keep the takeaway.",
        ));
    }
    if shares.takeaway == 0.0 {
        out.push(whole(
            FindingKind::MissingTakeaway,
            "There is no takeaway: what you learned and what you changed.".into(),
            &format!(
                "End with the lesson and the process you changed; the module suggests {} of the answer.",
                profile.suggested_takeaway_words()
            ),
        ));
    } else if shares.takeaway < profile.short_takeaway_share {
        out.push(whole(
            FindingKind::ShortTakeaway,
            format!(
                "The takeaway is {:.0}% of the answer; the module suggests {}.",
                shares.takeaway * 100.0,
                profile.suggested_takeaway_words()
            ),
            "Say what you learned, what you changed so it cannot recur, and how it has worked since.",
        ));
    }
    for part in missing {
        let name = match part {
            StarPart::Situation | StarPart::Task => "context (situation and your role)",
            StarPart::Action => "action (what you did)",
            StarPart::Result => "result (what happened because of it)",
            StarPart::Takeaway => "takeaway",
        };
        out.push(whole(
            FindingKind::MissingPart,
            format!("The story has no {name}."),
            "Cover situation, your decision, the result and the takeaway, in that order.",
        ));
    }
    if !spans.iter().any(|f| f.kind == FindingKind::Metric) {
        out.push(whole(
            FindingKind::MissingMetrics,
            "Nothing is quantified.".into(),
            "Add a number: time lost, money, people affected, or the improvement after your fix.",
        ));
    }
    out
}

struct Counts {
    by_kind: [u32; FindingKind::ALL.len()],
    ignored: [bool; FindingKind::ALL.len()],
}

impl Counts {
    fn new(findings: &[Finding], profile: &Profile) -> Self {
        let mut counts = Counts {
            by_kind: [0; FindingKind::ALL.len()],
            ignored: FindingKind::ALL.map(|k| profile.ignores(k)),
        };
        for f in findings {
            counts.by_kind[f.kind as usize] += 1;
        }
        counts
    }

    /// Present, or not asked for by this question's profile.
    fn satisfied(&self, kind: FindingKind) -> bool {
        self.ignored[kind as usize] || self.has(kind)
    }

    fn ignores(&self, kind: FindingKind) -> bool {
        self.ignored[kind as usize]
    }

    fn get(&self, kind: FindingKind) -> u32 {
        self.by_kind[kind as usize]
    }

    fn has(&self, kind: FindingKind) -> bool {
        self.get(kind) > 0
    }

    fn heavy_wording(&self) -> u32 {
        self.get(FindingKind::EmotionalLanguage)
            + self.get(FindingKind::Hedging)
            + self.get(FindingKind::OverApologizing)
    }
}

const HEAVY_WORDING: u32 = 3;
const EXEMPLARY_METRICS: u32 = 3;

fn tier(c: &Counts, shares: &PartShares, words: u32, profile: &Profile) -> Tier {
    use FindingKind as K;
    let too_short = c.has(K::TooShort);
    let takeaway_free = c.ignores(K::MissingTakeaway);
    // One clause that points elsewhere, in an answer that owns its decisions, is a
    // flaw to fix (developing); repeated blame, or blame with no ownership, is weak.
    let shifts_blame =
        c.get(K::BlameShifting) >= 2 || (c.has(K::BlameShifting) && c.get(K::Ownership) < 2);
    if shifts_blame
        || c.has(K::FakeFailure)
        || !c.satisfied(K::Ownership)
        || c.heavy_wording() >= HEAVY_WORDING
        || (too_short && !c.satisfied(K::Metric) && shares.takeaway == 0.0 && !takeaway_free)
    {
        return Tier::Weak;
    }
    let strong = !c.has(K::BlameShifting)
        && c.satisfied(K::Metric)
        && c.satisfied(K::SystemicFix)
        && (takeaway_free || shares.takeaway >= profile.strong_takeaway_share)
        && !c.has(K::MissingPart)
        && (TOO_SHORT_WORDS..=TOO_LONG_WORDS).contains(&words)
        && c.heavy_wording() == 0
        && !c.has(K::ManualFix)
        && c.get(K::PassiveVoice) <= 1;
    if !strong {
        return Tier::Developing;
    }
    if (takeaway_free || shares.takeaway >= profile.exemplary_takeaway_share)
        && (c.ignores(K::Metric) || c.get(K::Metric) >= EXEMPLARY_METRICS)
        && !c.has(K::PassiveVoice)
    {
        Tier::Exemplary
    } else {
        Tier::Strong
    }
}

/// The score and the lines that add up to it (see the module docs for the weights).
fn score(
    tier: Tier,
    c: &Counts,
    shares: &PartShares,
    words: u32,
    profile: &Profile,
) -> (u8, Vec<ScoreLine>) {
    use FindingKind as K;
    let mut lines = Vec::new();
    let mut line = |points: i64, kind: Option<K>, reason: String| {
        if points != 0 {
            lines.push(ScoreLine {
                reason,
                points: points as i32,
                kind,
            });
        }
    };
    if c.satisfied(K::Ownership) {
        line(20, Some(K::Ownership), "you own what went wrong".into());
    }
    let metrics = if c.ignores(K::Metric) {
        3
    } else {
        c.get(K::Metric).min(3)
    };
    line(
        i64::from(metrics) * 5,
        Some(K::Metric),
        format!("{metrics} number(s) that show the impact (5 each, up to 3)"),
    );
    if c.satisfied(K::SystemicFix) {
        line(
            15,
            Some(K::SystemicFix),
            "a repeatable process change".into(),
        );
    }
    // Full points at the share the question teaches, so a conflict story's
    // third earns what a failure story's half does.
    let full_at = profile.suggested_takeaway_share;
    let takeaway = if c.ignores(K::MissingTakeaway) {
        full_at
    } else {
        shares.takeaway
    };
    line(
        (25.0 * (takeaway / full_at).min(1.0)).round() as i64,
        None,
        format!(
            "takeaway is {:.0}% of the words (full 25 at {})",
            shares.takeaway * 100.0,
            profile
                .suggested_takeaway_words()
                .trim_start_matches("about ")
        ),
    );
    if !c.has(K::MissingPart) {
        line(10, None, "every part of the story is there".into());
    }
    if (TOO_SHORT_WORDS..=TOO_LONG_WORDS).contains(&words) {
        line(5, None, format!("{words} words is a good length"));
    }
    let negatives = c.get(K::BlameShifting)
        + c.get(K::FakeFailure)
        + c.heavy_wording()
        + c.get(K::PassiveVoice)
        + c.get(K::ManualFix);
    if negatives == 0 {
        line(10, None, "no wording to change".into());
    }
    for (kind, cost) in [
        (K::BlameShifting, 10),
        (K::FakeFailure, 15),
        (K::EmotionalLanguage, 4),
        (K::Hedging, 4),
        (K::OverApologizing, 4),
        (K::PassiveVoice, 3),
        (K::ManualFix, 5),
    ] {
        let n = c.get(kind);
        line(
            -i64::from(n) * cost,
            Some(kind),
            format!("{n} × {} (−{cost} each)", kind.as_str().replace('_', " ")),
        );
    }
    let score = clamp_to_band(tier, &mut lines);
    (score, lines)
}

/// The sum of `lines` brought into the tier's band, with a line for the
/// difference when it was outside, so score, tier and lines agree.
fn clamp_to_band(tier: Tier, lines: &mut Vec<ScoreLine>) -> u8 {
    let raw: i64 = lines.iter().map(|l| i64::from(l.points)).sum();
    let (lo, hi) = tier.score_band();
    let score = raw.clamp(i64::from(lo), i64::from(hi));
    if score != raw {
        lines.push(ScoreLine {
            reason: format!(
                "kept within the {} band ({lo}-{hi}) so score and tier agree",
                tier.as_str()
            ),
            points: (score - raw) as i32,
            kind: None,
        });
    }
    u8::try_from(score).unwrap_or(0)
}

#[cfg(test)]
mod tests;
