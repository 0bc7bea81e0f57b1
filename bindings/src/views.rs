//! Plain records and enums for everything the app shows, converted from the
//! core's types. Instants cross as Unix milliseconds, learning days as
//! "YYYY-MM-DD", and text spans as UTF-16 offsets so Kotlin can index its
//! strings directly (an emoji is two units there, four bytes in Rust).

use aiprep_core::analyzer::{Analysis, Finding, FindingKind, IdeaCheck, Utf16Map};
use aiprep_core::content::{Block, LessonSection, StarPart, Tier};
use aiprep_core::learner;
use aiprep_core::scheduler::Rating;
use aiprep_core::storage::ItemKind;
use aiprep_core::unlock::Entitlement;
use chrono::{DateTime, NaiveDate, Utc};

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum ItemType {
    Quiz,
    Scenario,
    Exercise,
}

impl From<ItemKind> for ItemType {
    fn from(kind: ItemKind) -> Self {
        match kind {
            ItemKind::Quiz => ItemType::Quiz,
            ItemKind::Scenario => ItemType::Scenario,
            ItemKind::Exercise => ItemType::Exercise,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum StoryPart {
    Situation,
    Task,
    Action,
    Result,
    Takeaway,
}

impl From<StarPart> for StoryPart {
    fn from(part: StarPart) -> Self {
        match part {
            StarPart::Situation => StoryPart::Situation,
            StarPart::Task => StoryPart::Task,
            StarPart::Action => StoryPart::Action,
            StarPart::Result => StoryPart::Result,
            StarPart::Takeaway => StoryPart::Takeaway,
        }
    }
}

impl From<StoryPart> for StarPart {
    fn from(part: StoryPart) -> Self {
        match part {
            StoryPart::Situation => StarPart::Situation,
            StoryPart::Task => StarPart::Task,
            StoryPart::Action => StarPart::Action,
            StoryPart::Result => StarPart::Result,
            StoryPart::Takeaway => StarPart::Takeaway,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum AnswerTier {
    Weak,
    Developing,
    Strong,
    Exemplary,
}

impl From<Tier> for AnswerTier {
    fn from(tier: Tier) -> Self {
        match tier {
            Tier::Weak => AnswerTier::Weak,
            Tier::Developing => AnswerTier::Developing,
            Tier::Strong => AnswerTier::Strong,
            Tier::Exemplary => AnswerTier::Exemplary,
        }
    }
}

/// How the scheduler graded an answer (FSRS's four ratings).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Enum)]
pub enum Grade {
    Again,
    Hard,
    Good,
    Easy,
}

impl From<Rating> for Grade {
    fn from(rating: Rating) -> Self {
        match rating {
            Rating::Again => Grade::Again,
            Rating::Hard => Grade::Hard,
            Rating::Good => Grade::Good,
            Rating::Easy => Grade::Easy,
        }
    }
}

// ---- lesson ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct LessonSectionView {
    pub id: String,
    pub title: String,
    pub blocks: Vec<LessonBlock>,
}

#[derive(Debug, Clone, PartialEq, uniffi::Enum)]
pub enum LessonBlock {
    Heading {
        text: String,
    },
    Paragraph {
        text: String,
    },
    Bullets {
        items: Vec<String>,
    },
    Example {
        label: String,
        text: String,
    },
    /// Needs the unlock: only the title is shown.
    Locked {
        id: String,
        title: String,
    },
}

impl From<LessonSection> for LessonSectionView {
    fn from(section: LessonSection) -> Self {
        LessonSectionView {
            id: section.id.to_owned(),
            title: section.title,
            blocks: section.blocks.into_iter().map(LessonBlock::from).collect(),
        }
    }
}

impl From<Block> for LessonBlock {
    fn from(block: Block) -> Self {
        match block {
            Block::Heading { text } => LessonBlock::Heading { text },
            Block::Paragraph { text } => LessonBlock::Paragraph { text },
            Block::Bullets { items } => LessonBlock::Bullets { items },
            Block::Example { label, text } => LessonBlock::Example { label, text },
            Block::Locked { id, title } => LessonBlock::Locked { id, title },
        }
    }
}

// ---- quiz and scenarios ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct QuestionListItem {
    pub id: String,
    /// "vocabulary", "scenario", "error_detection" or "judgment".
    pub question_type: String,
    pub locked: bool,
}

impl From<learner::QuestionSummary> for QuestionListItem {
    fn from(q: learner::QuestionSummary) -> Self {
        QuestionListItem {
            id: q.id,
            question_type: q.kind.as_str().to_owned(),
            locked: q.locked,
        }
    }
}

/// A question as asked: the answer stays in the core until it is given.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct QuestionView {
    pub id: String,
    pub question_type: String,
    pub question: String,
    pub options: Vec<String>,
}

impl From<&aiprep_core::content::QuizQuestion> for QuestionView {
    fn from(q: &aiprep_core::content::QuizQuestion) -> Self {
        QuestionView {
            id: q.id.clone(),
            question_type: q.kind.as_str().to_owned(),
            question: q.question.clone(),
            options: q.options.clone(),
        }
    }
}

/// An "in practice" scenario as asked: responses without their annotations.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScenarioView {
    pub id: String,
    pub title: String,
    pub prompt: String,
    pub responses: Vec<String>,
}

impl From<&aiprep_core::content::PracticeScenario> for ScenarioView {
    fn from(s: &aiprep_core::content::PracticeScenario) -> Self {
        ScenarioView {
            id: s.id.clone(),
            title: s.title.clone(),
            prompt: s.prompt.clone(),
            responses: s.responses.iter().map(|r| r.text.clone()).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChoiceFeedbackView {
    pub correct: bool,
    pub chosen: u32,
    pub correct_choice: u32,
    /// The question's explanation, or the chosen response's annotation.
    pub explanation: String,
    /// For a scenario answered wrongly: why the best response works.
    pub best_annotation: Option<String>,
    pub grade: Grade,
    pub next_due_ms: i64,
    pub challenge_completed: bool,
}

impl From<learner::ChoiceFeedback> for ChoiceFeedbackView {
    fn from(f: learner::ChoiceFeedback) -> Self {
        ChoiceFeedbackView {
            correct: f.correct,
            chosen: index(f.chosen),
            correct_choice: index(f.correct_choice),
            explanation: f.explanation,
            best_annotation: f.best_annotation,
            grade: f.rating.into(),
            next_due_ms: f.next_due.timestamp_millis(),
            challenge_completed: f.challenge_completed,
        }
    }
}

// ---- exercises and the analyzer ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseView {
    pub id: String,
    pub title: String,
    pub prompt: String,
    /// The weak answer to rewrite, when the exercise has one.
    pub before: Option<String>,
}

impl From<&aiprep_core::content::Exercise> for ExerciseView {
    fn from(e: &aiprep_core::content::Exercise) -> Self {
        ExerciseView {
            id: e.id.clone(),
            title: e.title.clone(),
            prompt: e.prompt.clone(),
            before: e.before.clone(),
        }
    }
}

/// A stretch of the learner's text, in UTF-16 code units (Kotlin `String` indices).
#[derive(Debug, Clone, Copy, PartialEq, Eq, uniffi::Record)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct SegmentView {
    pub part: StoryPart,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct FindingView {
    /// Stable name of the finding, e.g. "blame_shifting" or "metric".
    pub kind: String,
    /// Praise (green) rather than a problem (amber).
    pub positive: bool,
    /// About the whole answer (no span to highlight).
    pub whole_answer: bool,
    pub span: Span,
    /// The spanned text as the analyzer saw it (empty for whole-answer findings).
    pub text: String,
    pub message: String,
    pub suggestion: Option<String>,
}

/// One reason for the score: what earned or cost how many points.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScoreLineView {
    pub reason: String,
    pub points: i32,
    /// Stable name of the finding kind behind the line, if any.
    pub kind: Option<String>,
}

/// One part's share of the answer's words (the STAR-T split).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PartShareView {
    pub part: StoryPart,
    pub share: f64,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct AnalysisView {
    pub tier: AnswerTier,
    pub score: u8,
    /// Adds up to `score`.
    pub score_lines: Vec<ScoreLineView>,
    pub part_shares: Vec<PartShareView>,
    pub word_count: u32,
    pub speaking_seconds: u32,
    pub takeaway_share: f64,
    /// The share the question's lesson suggests (0 for an explanation).
    pub suggested_takeaway_share: f64,
    /// That share as the lesson says it: "about half", "about a third".
    pub suggested_takeaway_words: String,
    pub segments: Vec<SegmentView>,
    pub findings: Vec<FindingView>,
    pub missing_parts: Vec<StoryPart>,
}

impl AnalysisView {
    /// `text` must be the text that was analysed: spans are mapped against it.
    pub(crate) fn of(analysis: Analysis, text: &str) -> Self {
        let map = Utf16Map::new(text);
        AnalysisView {
            tier: analysis.tier.into(),
            score: analysis.score,
            score_lines: analysis
                .score_lines
                .into_iter()
                .map(|l| ScoreLineView {
                    reason: l.reason,
                    points: l.points,
                    kind: l.kind.map(|k| k.as_str().to_owned()),
                })
                .collect(),
            part_shares: StarPart::ALL
                .iter()
                .map(|&p| PartShareView {
                    part: p.into(),
                    share: analysis.part_shares.of(p),
                })
                .collect(),
            word_count: analysis.word_count,
            speaking_seconds: analysis.speaking_seconds,
            takeaway_share: analysis.takeaway_share,
            suggested_takeaway_share: analysis.suggested_takeaway_share,
            suggested_takeaway_words: aiprep_core::analyzer::share_words(
                analysis.suggested_takeaway_share,
            ),
            segments: analysis
                .segments
                .iter()
                .map(|s| SegmentView {
                    part: s.part.into(),
                    span: span(&map, s.start, s.end),
                })
                .collect(),
            findings: findings(analysis.findings, &map),
            missing_parts: analysis.missing_parts.into_iter().map(Into::into).collect(),
        }
    }
}

fn findings(findings: Vec<Finding>, map: &Utf16Map) -> Vec<FindingView> {
    findings
        .into_iter()
        .map(|f| FindingView {
            kind: f.kind.as_str().to_owned(),
            positive: f.kind.is_positive(),
            whole_answer: FindingKind::is_whole_answer(f.kind),
            span: span(map, f.start, f.end),
            text: f.text,
            message: f.message,
            suggestion: f.suggestion,
        })
        .collect()
}

fn span(map: &Utf16Map, start: usize, end: usize) -> Span {
    Span {
        start: map.to_utf16(start),
        end: map.to_utf16(end),
    }
}

/// One key idea of an explanation exercise and whether the answer covers it.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct KeyIdeaView {
    pub idea: String,
    pub covered: bool,
    /// Where the answer covers it; `None` when it does not.
    pub span: Option<Span>,
    /// The covering words as written (empty when not covered).
    pub text: String,
}

impl KeyIdeaView {
    fn of(check: IdeaCheck, text: &str, map: &Utf16Map) -> Self {
        let covering = check
            .covered
            .then(|| text.get(check.start..check.end))
            .flatten();
        KeyIdeaView {
            idea: check.idea,
            covered: check.covered,
            span: covering.map(|_| span(map, check.start, check.end)),
            text: covering.unwrap_or_default().to_owned(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ExerciseFeedbackView {
    pub analysis: AnalysisView,
    /// For an explanation module, each key idea covered or missing; empty
    /// for a story, whose structure (segments, STAR-T split) is in `analysis`.
    pub key_ideas: Vec<KeyIdeaView>,
    pub grade: Grade,
    pub next_due_ms: i64,
    pub model_answer: String,
    pub checklist: Vec<String>,
    pub challenge_completed: bool,
}

impl ExerciseFeedbackView {
    pub(crate) fn of(f: learner::ExerciseFeedback, text: &str) -> Self {
        let map = Utf16Map::new(text);
        ExerciseFeedbackView {
            analysis: AnalysisView::of(f.analysis, text),
            key_ideas: f
                .key_ideas
                .into_iter()
                .map(|check| KeyIdeaView::of(check, text, &map))
                .collect(),
            grade: f.rating.into(),
            next_due_ms: f.next_due.timestamp_millis(),
            model_answer: f.model_answer,
            checklist: f.checklist,
            challenge_completed: f.challenge_completed,
        }
    }
}

// ---- home ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ChallengeItem {
    pub id: String,
    pub item_type: ItemType,
    pub done: bool,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct TodayView {
    pub learning_day: String,
    pub streak: u32,
    pub longest_streak: u32,
    pub challenge_completed: bool,
    pub challenge: Vec<ChallengeItem>,
    pub due_reviews: u32,
    pub new_available: u32,
}

impl From<learner::TodayPlan> for TodayView {
    fn from(t: learner::TodayPlan) -> Self {
        TodayView {
            learning_day: day(t.learning_day),
            streak: t.streak,
            longest_streak: t.longest_streak,
            challenge_completed: t.challenge.completed,
            challenge: t
                .challenge
                .items
                .into_iter()
                .map(|i| ChallengeItem {
                    id: i.id,
                    item_type: i.kind.into(),
                    done: i.done,
                })
                .collect(),
            due_reviews: t.due_reviews,
            new_available: t.new_available,
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ReviewItem {
    pub id: String,
    pub item_type: ItemType,
}

// ---- stats ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ConceptMasteryView {
    pub concept: String,
    pub name: String,
    /// `None` until a question on the concept was answered.
    pub mastery: Option<f64>,
    pub answered: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DayAccuracyView {
    pub day: String,
    pub answered: u32,
    pub correct: u32,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DayCountView {
    pub day: String,
    pub reviews: u32,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ScorePointView {
    pub item_id: String,
    pub at_ms: i64,
    pub score: u8,
    pub tier: String,
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StatsView {
    pub attempts: u64,
    pub choice_attempts: u64,
    pub correct: u64,
    pub exercise_attempts: u64,
    pub reviews: u64,
    pub time_studied_ms: u64,
    pub true_retention: Option<f64>,
    pub desired_retention: f64,
    pub mastery: Vec<ConceptMasteryView>,
    pub accuracy_by_day: Vec<DayAccuracyView>,
    pub reviews_by_day: Vec<DayCountView>,
    pub scores: Vec<ScorePointView>,
}

impl From<learner::Stats> for StatsView {
    fn from(s: learner::Stats) -> Self {
        StatsView {
            attempts: s.attempts,
            choice_attempts: s.choice_attempts,
            correct: s.correct,
            exercise_attempts: s.exercise_attempts,
            reviews: s.reviews,
            time_studied_ms: s.time_studied_ms,
            true_retention: s.true_retention,
            desired_retention: s.desired_retention,
            mastery: s
                .mastery
                .into_iter()
                .map(|m| ConceptMasteryView {
                    concept: m.concept,
                    name: m.name,
                    mastery: m.mastery,
                    answered: m.answered,
                    correct: m.correct,
                })
                .collect(),
            accuracy_by_day: s
                .accuracy_by_day
                .into_iter()
                .map(|d| DayAccuracyView {
                    day: day(d.day),
                    answered: d.answered,
                    correct: d.correct,
                })
                .collect(),
            reviews_by_day: s
                .reviews_by_day
                .into_iter()
                .map(|d| DayCountView {
                    day: day(d.day),
                    reviews: d.reviews,
                })
                .collect(),
            scores: s
                .scores
                .into_iter()
                .map(|p| ScorePointView {
                    item_id: p.item_id,
                    at_ms: p.at.timestamp_millis(),
                    score: p.score,
                    tier: p.tier,
                })
                .collect(),
        }
    }
}

// ---- unlock ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct EntitlementView {
    pub unlocked: bool,
    pub purchase_token: Option<String>,
    /// Acknowledge this purchase with Play, or Play refunds it.
    pub needs_acknowledgement: bool,
    pub acknowledgement_deadline_ms: Option<i64>,
    pub acknowledgement_overdue: bool,
}

impl From<&Entitlement> for EntitlementView {
    fn from(e: &Entitlement) -> Self {
        EntitlementView {
            unlocked: e.unlocked,
            purchase_token: e.purchase_token.clone(),
            needs_acknowledgement: e.needs_acknowledgement,
            acknowledgement_deadline_ms: e.acknowledgement_deadline_ms,
            acknowledgement_overdue: e.acknowledgement_overdue,
        }
    }
}

// ---- story workshop ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StorySummaryView {
    pub id: i64,
    pub title: String,
    pub updated_ms: i64,
    pub versions: u32,
}

impl From<learner::StorySummary> for StorySummaryView {
    fn from(s: learner::StorySummary) -> Self {
        StorySummaryView {
            id: s.id,
            title: s.title,
            updated_ms: s.updated_at.timestamp_millis(),
            versions: s.versions,
        }
    }
}

/// The analyzer's view of one part as written; spans index the part's text.
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct PartCheckView {
    pub part: StoryPart,
    pub sounds_like: Option<StoryPart>,
    pub word_count: u32,
    pub findings: Vec<FindingView>,
}

impl PartCheckView {
    pub(crate) fn of(check: learner::PartCheck, text: &str) -> Self {
        PartCheckView {
            part: check.part.into(),
            sounds_like: check.sounds_like.map(Into::into),
            word_count: check.word_count,
            findings: findings(check.findings, &Utf16Map::new(text)),
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct DraftPartView {
    pub part: StoryPart,
    pub text: String,
}

/// A draft with the analyzer's overall verdict (spans are per part, via `PartCheckView`).
#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoryDraftView {
    pub id: i64,
    pub title: String,
    pub parts: Vec<DraftPartView>,
    pub tier: Option<AnswerTier>,
    pub score: Option<u8>,
    pub takeaway_share: Option<f64>,
    pub missing_parts: Vec<StoryPart>,
}

impl From<learner::StoryDraft> for StoryDraftView {
    fn from(d: learner::StoryDraft) -> Self {
        let analysis = d.analysis.as_ref();
        StoryDraftView {
            id: d.id,
            title: d.title,
            parts: d
                .parts
                .into_iter()
                .map(|p| DraftPartView {
                    part: p.part.into(),
                    text: p.text,
                })
                .collect(),
            tier: analysis.map(|a| a.tier.into()),
            score: analysis.map(|a| a.score),
            takeaway_share: analysis.map(|a| a.takeaway_share),
            missing_parts: analysis
                .map(|a| a.missing_parts.iter().map(|&p| p.into()).collect())
                .unwrap_or_default(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct StoryVersionView {
    pub version: u32,
    pub saved_ms: i64,
    pub tier: String,
    pub score: u8,
    pub takeaway_share: f64,
    pub text: String,
}

impl From<learner::StoryVersion> for StoryVersionView {
    fn from(v: learner::StoryVersion) -> Self {
        StoryVersionView {
            version: v.version,
            saved_ms: v.saved_at.timestamp_millis(),
            tier: v.tier,
            score: v.score,
            takeaway_share: v.takeaway_share,
            text: v.text,
        }
    }
}

// ---- moving progress ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ImportReportView {
    pub items: u64,
    pub reviews: u64,
    pub quiz_attempts: u64,
    pub exercise_attempts: u64,
    pub challenges: u64,
    pub stories: u64,
}

impl From<aiprep_core::storage::ImportReport> for ImportReportView {
    fn from(r: aiprep_core::storage::ImportReport) -> Self {
        ImportReportView {
            items: r.items,
            reviews: r.reviews,
            quiz_attempts: r.quiz_attempts,
            exercise_attempts: r.exercise_attempts,
            challenges: r.challenges,
            stories: r.stories,
        }
    }
}

// ---- helpers ----

fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// Option and choice indices are tiny; saturate rather than wrap.
fn index(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// Kotlin passes the clock as Unix milliseconds; out-of-range values are refused.
pub(crate) fn instant(now_ms: i64) -> Result<DateTime<Utc>, crate::CoreError> {
    DateTime::from_timestamp_millis(now_ms).ok_or_else(|| crate::CoreError::InvalidInput {
        reason: "the time is out of range".to_owned(),
    })
}

// ---- catalog ----

#[derive(Debug, Clone, PartialEq, uniffi::Record)]
pub struct ModuleCardView {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub content_version: String,
    /// "story" or "explanation".
    pub answer_kind: String,
    pub active: bool,
    pub items: u32,
    pub free_items: u32,
    pub locked_items: u32,
    pub items_started: u32,
    pub items_mature: u32,
    pub progress: f64,
    pub mastery: Option<f64>,
    pub reviews: u64,
    pub time_studied_ms: u64,
    pub related_ids: Vec<String>,
    pub related_titles: Vec<String>,
}

impl From<learner::ModuleCard> for ModuleCardView {
    fn from(c: learner::ModuleCard) -> Self {
        ModuleCardView {
            id: c.id,
            title: c.title,
            summary: c.summary,
            content_version: c.content_version,
            answer_kind: c.answer_kind.as_str().to_owned(),
            active: c.active,
            items: c.items,
            free_items: c.free_items,
            locked_items: c.locked_items,
            items_started: c.items_started,
            items_mature: c.items_mature,
            progress: c.progress,
            mastery: c.mastery,
            reviews: c.reviews,
            time_studied_ms: c.time_studied_ms,
            related_ids: c.related.iter().map(|r| r.id.clone()).collect(),
            related_titles: c.related.into_iter().map(|r| r.title).collect(),
        }
    }
}
