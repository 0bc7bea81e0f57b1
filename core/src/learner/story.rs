//! The story workshop: the learner builds their own failure story part by
//! part, each part checked by the analyzer as it is written, and saves
//! versions to see the score and the takeaway share improve.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{not_found, Learner};
use crate::analyzer::{self, Analysis, Finding};
use crate::content::StarPart;
use crate::error::{Error, Result};
use crate::storage::StoryVersionRow;

/// Longest title a story may have, in characters.
const MAX_TITLE_CHARS: usize = 200;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StorySummary {
    pub id: i64,
    pub title: String,
    pub updated_at: DateTime<Utc>,
    pub versions: u32,
}

/// The analyzer's view of one part as written.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PartCheck {
    pub part: StarPart,
    /// The part the analyzer hears most in this text; differs from `part`
    /// when, say, the "result" is really more action.
    pub sounds_like: Option<StarPart>,
    pub word_count: u32,
    /// Findings within this part's text (offsets into the part).
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryDraft {
    pub id: i64,
    pub title: String,
    pub parts: Vec<DraftPart>,
    /// The whole draft analyzed as one answer, once it has any text.
    pub analysis: Option<Analysis>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DraftPart {
    pub part: StarPart,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoryVersion {
    pub version: u32,
    pub saved_at: DateTime<Utc>,
    pub tier: String,
    pub score: u8,
    pub takeaway_share: f64,
    pub text: String,
}

impl From<StoryVersionRow> for StoryVersion {
    fn from(row: StoryVersionRow) -> Self {
        StoryVersion {
            version: row.version,
            saved_at: row.saved_at,
            tier: row.tier,
            score: row.score,
            takeaway_share: row.takeaway_share,
            text: row.body,
        }
    }
}

impl Learner {
    pub fn story_create(&mut self, title: &str, now: DateTime<Utc>) -> Result<i64> {
        let title = title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE_CHARS {
            return Err(Error::InvalidInput(format!(
                "a story title needs 1 to {MAX_TITLE_CHARS} characters"
            )));
        }
        Ok(self.storage.create_story(title, now)?)
    }

    pub fn stories(&self) -> Result<Vec<StorySummary>> {
        Ok(self
            .storage
            .stories()?
            .into_iter()
            .map(|s| StorySummary {
                id: s.id,
                title: s.title,
                updated_at: s.updated_at,
                versions: s.versions,
            })
            .collect())
    }

    /// Writes one part of the draft and returns the analyzer's check of it.
    pub fn story_set_part(
        &mut self,
        id: i64,
        part: StarPart,
        text: &str,
        now: DateTime<Utc>,
    ) -> Result<PartCheck> {
        self.require_story(id)?;
        let check = if text.trim().is_empty() {
            PartCheck {
                part,
                sounds_like: None,
                word_count: 0,
                findings: Vec::new(),
            }
        } else {
            check_part(part, &analyzer::analyze(text)?)
        };
        self.storage.set_story_part(id, part, text.trim(), now)?;
        Ok(check)
    }

    pub fn story_draft(&self, id: i64) -> Result<StoryDraft> {
        let title = self
            .storage
            .stories()?
            .into_iter()
            .find(|s| s.id == id)
            .ok_or_else(|| not_found("story", &id.to_string()))?
            .title;
        let parts: Vec<DraftPart> = self
            .storage
            .story_parts(id)?
            .into_iter()
            .map(|(part, text)| DraftPart { part, text })
            .collect();
        let body = join_parts(&parts);
        let analysis = if body.is_empty() {
            None
        } else {
            Some(analyzer::analyze(&body)?)
        };
        Ok(StoryDraft {
            id,
            title,
            parts,
            analysis,
        })
    }

    /// Saves the current draft as a new analyzed version.
    pub fn story_save_version(&mut self, id: i64, now: DateTime<Utc>) -> Result<StoryVersion> {
        let draft = self.story_draft(id)?;
        let analysis = draft
            .analysis
            .ok_or_else(|| Error::InvalidInput("the story has no text yet".into()))?;
        let row = StoryVersionRow {
            version: 0,
            saved_at: now,
            body: join_parts(&draft.parts),
            tier: analysis.tier.as_str().to_owned(),
            score: analysis.score,
            takeaway_share: analysis.takeaway_share,
        };
        let version = self.storage.save_story_version(id, &row)?;
        Ok(StoryVersion { version, ..row.into() })
    }

    pub fn story_versions(&self, id: i64) -> Result<Vec<StoryVersion>> {
        self.require_story(id)?;
        Ok(self
            .storage
            .story_versions(id)?
            .into_iter()
            .map(StoryVersion::from)
            .collect())
    }

    fn require_story(&self, id: i64) -> Result<()> {
        if self.storage.story_exists(id)? {
            Ok(())
        } else {
            Err(not_found("story", &id.to_string()))
        }
    }
}

fn join_parts(parts: &[DraftPart]) -> String {
    parts
        .iter()
        .map(|p| p.text.trim())
        .filter(|t| !t.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The part with the most words in the analysis, and the findings that are
/// about wording (not about the whole answer, which one part cannot have).
fn check_part(part: StarPart, analysis: &Analysis) -> PartCheck {
    let mut words_by_part = [0usize; 5];
    for segment in &analysis.segments {
        let index = StarPart::ALL
            .iter()
            .position(|p| *p == segment.part)
            .unwrap_or(0);
        words_by_part[index] += segment.end.saturating_sub(segment.start);
    }
    let sounds_like = words_by_part
        .iter()
        .enumerate()
        .filter(|(_, n)| **n > 0)
        .max_by_key(|(_, n)| **n)
        .map(|(i, _)| StarPart::ALL[i]);
    PartCheck {
        part,
        sounds_like,
        word_count: analysis.word_count,
        findings: analysis
            .findings
            .iter()
            .filter(|f| f.end > f.start)
            .cloned()
            .collect(),
    }
}
