//! The story workshop: the learner builds their own failure story part by
//! part, each part checked by the analyzer as it is written, and saves
//! versions to see the score and the takeaway share improve.

use chrono::{DateTime, Utc};
use serde::Serialize;

use super::{not_found, Learner};
use crate::analyzer::{self, Analysis, Finding, LabelledText, Profile};
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
    /// The part the analyzer hears in this text, read within the whole story:
    /// the labelled part unless most of its words sound like another one (when,
    /// say, the "result" is really more action). Situation and task count as one.
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
    /// The whole draft analyzed with its parts as labelled, once it has any text.
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
        let mut parts = self.storage.story_parts(id)?;
        parts.retain(|(p, _)| *p != part);
        parts.push((part, text.trim().to_owned()));
        let story = labelled(&parts);
        let check = if text.trim().is_empty() {
            PartCheck {
                part,
                sounds_like: None,
                word_count: 0,
                findings: Vec::new(),
            }
        } else {
            let analysis = analyzer::analyze_labelled(&story, &Profile::default())?;
            check_part(part, &story, &analysis)?
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
        let story = labelled(
            &parts
                .iter()
                .map(|p| (p.part, p.text.clone()))
                .collect::<Vec<_>>(),
        );
        let analysis = if story.parts.is_empty() {
            None
        } else {
            Some(analyzer::analyze_labelled(&story, &Profile::default())?)
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
        let body = labelled(
            &draft
                .parts
                .into_iter()
                .map(|p| (p.part, p.text))
                .collect::<Vec<_>>(),
        )
        .text;
        let row = StoryVersionRow {
            version: 0,
            saved_at: now,
            body,
            tier: analysis.tier.as_str().to_owned(),
            score: analysis.score,
            takeaway_share: analysis.takeaway_share,
        };
        let version = self.storage.save_story_version(id, &row)?;
        Ok(StoryVersion {
            version,
            ..row.into()
        })
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

/// The parts in story order (situation first), joined as the analyzer reads them.
fn labelled(parts: &[(StarPart, String)]) -> LabelledText {
    let ordered: Vec<(StarPart, &str)> = StarPart::ALL
        .iter()
        .filter_map(|part| {
            parts
                .iter()
                .find(|(p, _)| p == part)
                .map(|(p, t)| (*p, t.as_str()))
        })
        .collect();
    LabelledText::new(&ordered)
}

fn is_context(part: StarPart) -> bool {
    matches!(part, StarPart::Situation | StarPart::Task)
}

/// The check of one labelled part within the analysis of the whole story:
/// its word count, what it sounds like, and the wording findings inside it
/// (offsets moved into the part's own text).
fn check_part(part: StarPart, story: &LabelledText, analysis: &Analysis) -> Result<PartCheck> {
    let Some(range) = story
        .parts
        .iter()
        .find(|(p, _)| *p == part)
        .map(|(_, r)| r.clone())
    else {
        return Ok(PartCheck {
            part,
            sounds_like: None,
            word_count: 0,
            findings: Vec::new(),
        });
    };
    let inside = |start: usize, end: usize| range.start <= start && end <= range.end;
    let words_of = |start: usize, end: usize| {
        story.text[start..end]
            .split_whitespace()
            .filter(|w| w.chars().any(char::is_alphanumeric))
            .count()
    };
    let mut heard_words = [0usize; 5];
    for segment in analyzer::heard_parts(&story.text)?
        .iter()
        .filter(|s| inside(s.start, s.end))
    {
        let heard = if is_context(segment.part) && is_context(part) {
            part
        } else {
            segment.part
        };
        let index = StarPart::ALL.iter().position(|p| *p == heard).unwrap_or(0);
        heard_words[index] += words_of(segment.start, segment.end);
    }
    let part_words: usize = heard_words.iter().sum();
    let sounds_like = heard_words
        .iter()
        .enumerate()
        .find(|(_, n)| 2 * **n > part_words)
        .map_or(part, |(i, _)| StarPart::ALL[i]);
    // Every sentence carries its part's label, so the share is exact.
    let word_count = (analysis.part_shares.of(part) * f64::from(analysis.word_count)).round();
    Ok(PartCheck {
        part,
        sounds_like: Some(sounds_like),
        word_count: word_count as u32,
        findings: analysis
            .findings
            .iter()
            .filter(|f| f.end > f.start && inside(f.start, f.end))
            .map(|f| Finding {
                start: f.start - range.start,
                end: f.end - range.start,
                ..f.clone()
            })
            .collect(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyzer::FindingKind;
    use crate::content::embedded_pack;
    use chrono::TimeZone;

    const SITUATION: &str = "Last spring I led our clinic's move to a new booking system, with a go-live date staff had planned around.";
    const ACTION: &str =
        "I skipped the rehearsal with the front desk because I trusted the vendor's demo.";
    const RESULT: &str =
        "On the first morning 40 patients were double-booked and we lost two days.";
    const TAKEAWAY: &str = "I learned that a demo is not a rehearsal. Now every go-live starts with a full dry run at the front desk, and a checklist the team signs. Since then we moved three systems without one double booking.";

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 2, 8, 0, 0).unwrap()
    }

    fn learner_with_story(parts: &[(StarPart, &str)]) -> (Learner, i64, Vec<PartCheck>) {
        let mut learner =
            Learner::open_in_memory("Europe/Berlin", embedded_pack(), None, now()).unwrap();
        let id = learner.story_create("The booking cut-over", now()).unwrap();
        let checks = parts
            .iter()
            .map(|(part, text)| learner.story_set_part(id, *part, text, now()).unwrap())
            .collect();
        (learner, id, checks)
    }

    fn full_story() -> Vec<(StarPart, &'static str)> {
        vec![
            (StarPart::Situation, SITUATION),
            (StarPart::Action, ACTION),
            (StarPart::Result, RESULT),
            (StarPart::Takeaway, TAKEAWAY),
        ]
    }

    #[test]
    fn each_part_is_heard_as_the_part_it_was_written_for() {
        let (learner, id, _) = learner_with_story(&full_story());
        // Checked again once the whole story is there, each part reads as itself.
        let mut learner = learner;
        for (part, text) in full_story() {
            let check = learner.story_set_part(id, part, text, now()).unwrap();
            assert_eq!(check.sounds_like, Some(part), "{part:?}");
        }
    }

    #[test]
    fn a_part_written_for_the_wrong_slot_is_pointed_out() {
        let (_, _, checks) = learner_with_story(&[
            (StarPart::Situation, SITUATION),
            (StarPart::Action, ACTION),
            (StarPart::Result, TAKEAWAY),
        ]);
        assert_eq!(checks[2].sounds_like, Some(StarPart::Takeaway));
    }

    #[test]
    fn a_filled_part_is_never_reported_missing() {
        let (learner, id, _) =
            learner_with_story(&[(StarPart::Action, "I skipped the rehearsal.")]);
        let analysis = learner.story_draft(id).unwrap().analysis.unwrap();
        assert!(!analysis.missing_parts.contains(&StarPart::Action));
        assert!(analysis.missing_parts.contains(&StarPart::Result));

        let (learner, id, _) = learner_with_story(&full_story());
        let analysis = learner.story_draft(id).unwrap().analysis.unwrap();
        assert_eq!(analysis.missing_parts, Vec::<StarPart>::new());
        assert!(!analysis
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::MissingPart));
    }

    #[test]
    fn shares_follow_the_labelled_parts() {
        let (learner, id, checks) = learner_with_story(&full_story());
        let analysis = learner.story_draft(id).unwrap().analysis.unwrap();
        let words: Vec<u32> = checks.iter().map(|c| c.word_count).collect();
        assert_eq!(words.iter().sum::<u32>(), analysis.word_count);
        assert_eq!((words[3], analysis.word_count), (38, 85));
        assert_eq!((analysis.takeaway_share * 100.0).round(), 45.0);
        for (check, part) in checks.iter().zip(full_story()) {
            let share = analysis.part_shares.of(part.0);
            assert_eq!(
                (share * f64::from(analysis.word_count)).round() as u32,
                check.word_count
            );
        }
    }

    #[test]
    fn rewriting_a_part_without_its_flagged_words_changes_the_score() {
        let blaming = "It was not my fault: the vendor should have told us the demo hid gaps.";
        let mut parts = full_story();
        parts[1] = (StarPart::Action, blaming);
        let (mut learner, id, checks) = learner_with_story(&parts);
        assert!(checks[1]
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::BlameShifting));
        let before = learner.story_save_version(id, now()).unwrap();
        let check = learner
            .story_set_part(id, StarPart::Action, ACTION, now())
            .unwrap();
        assert!(!check
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::BlameShifting));
        let after = learner.story_save_version(id, now()).unwrap();
        assert!(
            after.score > before.score,
            "{} -> {}",
            before.score,
            after.score
        );
    }

    #[test]
    fn part_findings_point_into_the_part_text() {
        let (_, _, checks) = learner_with_story(&full_story());
        for (check, (_, text)) in checks.iter().zip(full_story()) {
            for f in &check.findings {
                assert_eq!(&text[f.start..f.end], f.text);
            }
        }
    }
}
