//! What the analysis weighs differently per interview question.
//!
//! The default is the failure-story question the analyzer was built for; a content
//! pack's `[module.analysis]` table deserializes into a [`Profile`] for other questions.

use serde::{Deserialize, Serialize};

use super::FindingKind;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Profile {
    /// A takeaway under this share of the words is `short_takeaway`.
    pub short_takeaway_share: f64,
    /// Strong answers need at least this takeaway share.
    pub strong_takeaway_share: f64,
    /// Exemplary answers need at least this takeaway share.
    pub exemplary_takeaway_share: f64,
    /// The takeaway share the lesson teaches, named to the learner in feedback.
    pub suggested_takeaway_share: f64,
    /// Kinds not reported for this question. An ignored kind is also not required
    /// by the tier rules, and an ignored positive kind earns its points, so the
    /// score scale stays the same for every question.
    pub ignored_findings: Vec<FindingKind>,
}

impl Default for Profile {
    fn default() -> Self {
        Profile {
            short_takeaway_share: super::SHORT_TAKEAWAY_SHARE,
            strong_takeaway_share: super::STRONG_TAKEAWAY_SHARE,
            exemplary_takeaway_share: super::EXEMPLARY_TAKEAWAY_SHARE,
            suggested_takeaway_share: super::SUGGESTED_TAKEAWAY_SHARE,
            ignored_findings: Vec::new(),
        }
    }
}

impl Profile {
    pub fn ignores(&self, kind: FindingKind) -> bool {
        self.ignored_findings.contains(&kind)
    }

    /// The suggested takeaway share as a learner would say it: "about half".
    pub fn suggested_takeaway_words(&self) -> String {
        share_words(self.suggested_takeaway_share)
    }
}

/// A share of an answer in words: the fractions lessons use, else a percentage.
pub fn share_words(share: f64) -> String {
    let named = [
        (0.5, "about half"),
        (1.0 / 3.0, "about a third"),
        (0.25, "about a quarter"),
    ];
    match named.iter().find(|(value, _)| (share - value).abs() < 0.02) {
        Some((_, words)) => (*words).to_string(),
        None => format!("about {:.0}%", share * 100.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_table_is_the_failure_story_default() {
        let profile: Profile = toml::from_str("").unwrap();
        assert_eq!(profile, Profile::default());
    }

    #[test]
    fn a_pack_table_sets_thresholds_and_ignored_kinds_by_name() {
        let profile: Profile = toml::from_str(
            "short_takeaway_share = 0.1\nstrong_takeaway_share = 0.1\n\
             ignored_findings = [\"missing_takeaway\", \"systemic_fix\"]",
        )
        .unwrap();
        assert_eq!(profile.short_takeaway_share, 0.1);
        assert_eq!(
            profile.exemplary_takeaway_share,
            super::super::EXEMPLARY_TAKEAWAY_SHARE
        );
        assert!(profile.ignores(FindingKind::MissingTakeaway));
        assert!(profile.ignores(FindingKind::SystemicFix));
        assert!(!profile.ignores(FindingKind::BlameShifting));
    }

    #[test]
    fn the_suggested_share_reads_as_the_lesson_says_it() {
        assert_eq!(Profile::default().suggested_takeaway_words(), "about half");
        assert_eq!(share_words(0.33), "about a third");
        assert_eq!(share_words(0.25), "about a quarter");
        assert_eq!(share_words(0.4), "about 40%");
    }

    #[test]
    fn unknown_keys_and_kinds_are_refused() {
        assert!(toml::from_str::<Profile>("takeaway = 0.3").is_err());
        assert!(toml::from_str::<Profile>("ignored_findings = [\"rudeness\"]").is_err());
    }
}
