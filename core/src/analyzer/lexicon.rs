//! Word classes shared by the structure labeller and the detectors.
//!
//! Every list lives in one table that is turned into a hash map once
//! (`LazyLock`), so classifying a token is one lookup however many lists it is
//! checked against; `Text` caches each token's classes. Words are normalised
//! tokens: lowercase, straight apostrophes.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// Past-tense forms without "-ed" that describe something the speaker did.
pub(crate) const PAST_IRREGULAR: u32 = 1 << 0;
/// "-ed" words that report a state of mind, not an action.
pub(crate) const NON_ACTION_ED: u32 = 1 << 1;
/// Verbs that usually describe a role rather than a decision ("I managed the desk").
pub(crate) const ROLE_VERB: u32 = 1 << 2;
/// Adverbs that may sit between a subject and its verb ("I then rolled it back").
pub(crate) const SUBJECT_ADVERB: u32 = 1 << 3;
/// Irregular past participles (for passive voice).
pub(crate) const IRREGULAR_PARTICIPLE: u32 = 1 << 4;
/// "-ed" words used as adjectives after "was"/"were" ("was excited").
pub(crate) const ADJECTIVAL: u32 = 1 << 5;
/// Subject pronouns naming a person; a passive with one of these hides nobody.
pub(crate) const PERSON_PRONOUN: u32 = 1 << 6;
/// Spelled-out counts that make a quantity ("three weeks", "twelve deals").
pub(crate) const NUMBER_WORD: u32 = 1 << 7;
/// Units of time: "one week" is a quantity, "one person" is not.
pub(crate) const TIME_UNIT: u32 = 1 << 8;
/// Words that follow a number and belong to the same quantity.
pub(crate) const QUANTITY_SUFFIX: u32 = 1 << 9;
/// Determiners before "kind of"/"sort of" that make it a noun phrase, not a hedge.
pub(crate) const DETERMINER: u32 = 1 << 10;
/// Words after "disaster" that make it a technical term ("disaster recovery").
pub(crate) const DISASTER_COMPOUND: u32 = 1 << 11;
/// Outcome words that mark a sentence as the result.
pub(crate) const RESULT_CUE: u32 = 1 << 12;
/// Dramatising words, flagged on their own.
pub(crate) const EMOTIONAL: u32 = 1 << 13;
/// Nouns of a repeatable mechanism (some need context, see `detect`).
pub(crate) const MECHANISM: u32 = 1 << 14;
/// Markers that a mechanism now always applies, or was put in place.
pub(crate) const REPEAT_MARKER: u32 = 1 << 15;
/// First words of the wording patterns in `detect`; other tokens skip them.
pub(crate) const WORDING_TRIGGER: u32 = 1 << 16;

const TABLE: &[(u32, &[&str])] = &[
    (
        PAST_IRREGULAR,
        &[
            "made",
            "took",
            "told",
            "wrote",
            "sent",
            "ran",
            "put",
            "set",
            "built",
            "gave",
            "let",
            "chose",
            "forgot",
            "caught",
            "brought",
            "sat",
            "met",
            "led",
            "shut",
            "cut",
            "kept",
            "left",
            "went",
            "paid",
            "found",
            "rebuilt",
            "rewrote",
            "spent",
            "sold",
            "bought",
            "drove",
            "held",
            "hit",
            "spoke",
            "began",
            "drew",
            "oversaw",
            "undertook",
            "withdrew",
            "froze",
            "rang",
            "won",
            "lost",
            "broke",
            "overrode",
            "taught",
            "mistook",
            "misread",
            "overbooked",
        ],
    ),
    (
        NON_ACTION_ED,
        &[
            "wanted",
            "needed",
            "hoped",
            "liked",
            "loved",
            "hated",
            "believed",
            "realized",
            "realised",
            "learned",
            "seemed",
            "worried",
            "wished",
            "guessed",
            "supposed",
            "used",
            "tried",
            "panicked",
            "cringed",
            "enjoyed",
            "preferred",
            "expected",
            "imagined",
            "wondered",
            "cared",
            "feared",
            "dreaded",
            "remembered",
            "appreciated",
            "struggled",
            "joined",
            "tired",
            "bored",
            "excited",
            "interested",
            "stressed",
            "overwhelmed",
            "exhausted",
            "embarrassed",
            "ashamed",
            "pleased",
            "surprised",
            "disappointed",
            "relieved",
            "frustrated",
            "confused",
            "annoyed",
            "scared",
            "shocked",
            "devastated",
            "humiliated",
            "mortified",
        ],
    ),
    (
        ROLE_VERB,
        &[
            "managed",
            "led",
            "ran",
            "supervised",
            "coordinated",
            "handled",
            "worked",
            "edited",
            "owned",
            "oversaw",
            "joined",
            "taught",
            "shared",
            "served",
            "directed",
            "headed",
            "covered",
            "supported",
            "helped",
        ],
    ),
    (
        SUBJECT_ADVERB,
        &[
            "also",
            "then",
            "quickly",
            "immediately",
            "personally",
            "myself",
            "first",
            "finally",
            "later",
            "eventually",
            "actually",
            "just",
            "all",
            "still",
            "completely",
            "simply",
            "deliberately",
            "mistakenly",
            "wrongly",
            "even",
            "again",
            "directly",
            "ultimately",
            "originally",
            "initially",
            "alone",
            "together",
            "both",
            "promptly",
            "instead",
        ],
    ),
    (
        IRREGULAR_PARTICIPLE,
        &[
            "made",
            "sent",
            "given",
            "taken",
            "done",
            "put",
            "told",
            "built",
            "written",
            "seen",
            "shown",
            "brought",
            "sold",
            "left",
            "kept",
            "caught",
            "cut",
            "known",
            "held",
            "broken",
            "forgotten",
            "chosen",
            "found",
            "lost",
            "paid",
            "hit",
            "set",
            "thrown",
            "spent",
            "overlooked",
            "missed",
            "swept",
            "let",
            "shut",
            "mislaid",
            "undone",
            "overwritten",
            "misread",
            "dropped",
        ],
    ),
    (
        ADJECTIVAL,
        &[
            "located",
            "involved",
            "married",
            "concerned",
            "convinced",
            "prepared",
            "committed",
            "experienced",
            "qualified",
            "limited",
            "detailed",
            "skilled",
            "determined",
            "impressed",
            "engaged",
            "focused",
            "motivated",
            "finished",
            "closed",
            "delighted",
            "satisfied",
            "staffed",
            "understaffed",
            "overstaffed",
            "ruined",
            "panicked",
            "crowded",
            "booked",
            "based",
            "scheduled",
            "allowed",
            "required",
            "expected",
            "supposed",
            "isolated",
            "distracted",
            "unprepared",
            "unexpected",
            "talented",
            "related",
            "connected",
            "dedicated",
            "organized",
            "organised",
            "advanced",
            "complicated",
            "sophisticated",
            "outdated",
            "automated",
            "red",
            "hundred",
        ],
    ),
    (PERSON_PRONOUN, &["i", "we", "you", "he", "she", "they"]),
    (
        NUMBER_WORD,
        &[
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
            "hundred",
            "thousand",
            "million",
            "billion",
            "dozen",
            "dozens",
            "hundreds",
            "thousands",
            "millions",
            "zero",
        ],
    ),
    (
        TIME_UNIT,
        &[
            "second", "minute", "hour", "day", "week", "month", "quarter", "year", "night",
            "shift", "sprint", "cycle",
        ],
    ),
    (
        QUANTITY_SUFFIX,
        &[
            "percent", "per", "million", "billion", "thousand", "hundred", "k", "pm", "am",
            "points", "basis",
        ],
    ),
    (
        DETERMINER,
        &[
            "the",
            "a",
            "an",
            "this",
            "that",
            "what",
            "which",
            "any",
            "some",
            "same",
            "every",
            "one",
            "each",
            "another",
            "no",
            "whatever",
            "our",
            "my",
            "their",
            "its",
            "that's",
            "different",
            "right",
            "wrong",
        ],
    ),
    (
        DISASTER_COMPOUND,
        &[
            "recovery",
            "plan",
            "plans",
            "planning",
            "drill",
            "drills",
            "site",
            "relief",
            "response",
            "preparedness",
            "zone",
            "management",
        ],
    ),
    (
        RESULT_CUE,
        &[
            "fell",
            "dropped",
            "rose",
            "lost",
            "cost",
            "costing",
            "missed",
            "failed",
            "slipped",
            "delayed",
            "delaying",
            "spoiled",
            "churned",
            "recovered",
            "climbed",
            "jumped",
            "doubled",
            "halved",
            "landed",
            "closed",
            "renewed",
            "reached",
            "resulted",
            "result",
            "impact",
            "outcome",
            "meant",
            "ended",
            "broke",
            "broken",
            "crashed",
            "complained",
            "angry",
            "upset",
            "cancelled",
            "canceled",
            "denied",
            "thawed",
            "stalled",
            "overstated",
            "waited",
            "spike",
            "outage",
            "down",
            "stale",
            "lower",
            "higher",
            "wrong",
            "loss",
            "lose",
            "fine",
            "kept",
            "won",
            "improved",
            "increased",
            "decreased",
            "furious",
            "noticed",
            "struggled",
            "confusion",
            "went",
            "cancel",
            "rejected",
            "accepted",
            "back",
        ],
    ),
    (
        EMOTIONAL,
        &[
            "terrifying",
            "terrified",
            "doomed",
            "screaming",
            "catastrophe",
            "catastrophic",
            "nightmare",
            "disastrous",
            "ruined",
            "devastated",
            "devastating",
            "horrible",
            "horribly",
            "terrible",
            "terribly",
            "awful",
            "humiliating",
            "humiliated",
            "mortified",
            "panicked",
            "cringe",
            "cringed",
            "meltdown",
            "traumatic",
            "traumatized",
            "miserable",
            "heartbroken",
            "hell",
        ],
    ),
    (
        MECHANISM,
        &[
            "checklist",
            "checklists",
            "template",
            "templates",
            "runbook",
            "runbooks",
            "playbook",
            "policy",
            "policies",
            "rule",
            "rules",
            "procedure",
            "procedures",
            "gate",
            "gates",
            "sign-off",
            "signoff",
            "drill",
            "drills",
            "pre-mortem",
            "premortem",
            "matrix",
            "form",
            "field",
            "flag",
            "switch",
            "reviewer",
            "pilot",
            "pilots",
            "panel",
            "orientation",
            "walk-through",
            "walkthrough",
            "handover",
            "card",
            "cards",
            "alert",
            "alerts",
            "alerting",
            "threshold",
            "step",
            "requirement",
            "ceiling",
            "blocks",
            "verified",
            "review",
            "holdout",
            "test",
            "tests",
            "report",
            "cross-check",
            "sign",
            "signs",
            "crm",
            "automatically",
            "automatic",
            "automated",
            "soak",
            "run",
        ],
    ),
    (
        REPEAT_MARKER,
        &[
            "every",
            "each",
            "any",
            "now",
            "mandatory",
            "required",
            "requires",
            "require",
            "must",
            "always",
            "standing",
            "automatically",
            "automatic",
            "automated",
            "until",
            "cannot",
            "can't",
            "won't",
            "weekly",
            "quarterly",
            "monthly",
            "policy",
            // Putting a mechanism in place: "I added a device matrix to the checklist".
            "added",
            "introduced",
            "created",
            "proposed",
            "instituted",
            "built",
            "changed",
            "replaced",
            "made",
            "add",
        ],
    ),
    (
        WORDING_TRIGGER,
        &[
            // Multiword emotion, hedging and apology heads (see `detect::wording`).
            "chaos",
            "mess",
            "stressful",
            "terrifying",
            "terrified",
            "doomed",
            "screaming",
            "i'd",
            "example",
            "am",
            "apologise",
            "apologize",
            "ashamed",
            "attention",
            "awful",
            "care",
            "cared",
            "careful",
            "catastrophe",
            "catastrophic",
            "complete",
            "cringe",
            "cringed",
            "devastated",
            "devastating",
            "disaster",
            "disastrous",
            "embarrassed",
            "embarrassing",
            "everything",
            "failed",
            "failure",
            "felt",
            "forgive",
            "freaked",
            "harder",
            "heartbroken",
            "hell",
            "horrible",
            "horribly",
            "humiliated",
            "humiliating",
            "i",
            "i'm",
            "kind",
            "kinda",
            "manually",
            "maybe",
            "meltdown",
            "miserable",
            "more",
            "mortified",
            "mortifying",
            "my",
            "myself",
            "nightmare",
            "panicked",
            "perfectionist",
            "perhaps",
            "possibly",
            "probably",
            "ruined",
            "shameful",
            "somewhat",
            "sorry",
            "sort",
            "sorta",
            "standards",
            "stupid",
            "terrible",
            "terribly",
            "too",
            "total",
            "traumatic",
            "traumatized",
            "utter",
            "work",
            "worked",
            "worst",
        ],
    ),
];

// Fx, not std's SipHash: the keys are our own word lists, so there is no
// flooding to defend against, and every token of every answer is looked up.
static LEXICON: LazyLock<FxHashMap<&'static str, u32>> = LazyLock::new(|| {
    let mut map: FxHashMap<&'static str, u32> = FxHashMap::default();
    for &(class, words) in TABLE {
        for &w in words {
            *map.entry(w).or_insert(0) |= class;
        }
    }
    map
});

/// All classes of a normalised word (0 when it is in no list).
pub(crate) fn classes(w: &str) -> u32 {
    LEXICON.get(w).copied().unwrap_or(0)
}

fn has(w: &str, class: u32) -> bool {
    classes(w) & class != 0
}

/// A past-tense verb describing an action (regular "-ed" or a known irregular).
pub(crate) fn is_past_action(w: &str) -> bool {
    let c = classes(w);
    if c & PAST_IRREGULAR != 0 {
        return true;
    }
    w.len() >= 5
        && w.ends_with("ed")
        && (!w.ends_with("eed") || matches!(w, "agreed" | "guaranteed" | "freed" | "decreed"))
        && c & NON_ACTION_ED == 0
        && w.chars().all(|ch| ch.is_ascii_alphabetic() || ch == '-')
}

/// They count as ownership only outside the opening situation.
pub(crate) fn is_role_verb(w: &str) -> bool {
    has(w, ROLE_VERB)
}

pub(crate) fn is_subject_adverb(w: &str) -> bool {
    has(w, SUBJECT_ADVERB)
}

pub(crate) fn is_irregular_participle(w: &str) -> bool {
    has(w, IRREGULAR_PARTICIPLE)
}

pub(crate) fn is_adjectival_participle(w: &str) -> bool {
    has(w, ADJECTIVAL | NON_ACTION_ED)
}

pub(crate) fn is_person_pronoun(w: &str) -> bool {
    has(w, PERSON_PRONOUN)
}

pub(crate) fn is_number_word(w: &str) -> bool {
    has(w, NUMBER_WORD)
}

pub(crate) fn is_time_unit(w: &str) -> bool {
    has(w, TIME_UNIT)
}

pub(crate) fn is_quantity_suffix(w: &str) -> bool {
    has(w, QUANTITY_SUFFIX)
}

pub(crate) fn is_determiner(w: &str) -> bool {
    has(w, DETERMINER)
}

pub(crate) fn is_disaster_compound(w: &str) -> bool {
    has(w, DISASTER_COMPOUND)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_combine_across_lists() {
        assert_ne!(classes("led") & PAST_IRREGULAR, 0);
        assert_ne!(classes("led") & ROLE_VERB, 0);
        assert_eq!(classes("customer"), 0);
        assert!(is_past_action("agreed") && is_past_action("rolled") && !is_past_action("wanted"));
        assert!(!is_past_action("need") && !is_past_action("indeed"));
    }
}
