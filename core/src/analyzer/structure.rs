//! STAR-T labelling of sentences.
//!
//! The takeaway is a suffix: it starts at the first sentence that reflects
//! ("I learned", "the lesson", "since then", "now") and runs to the end, because
//! what follows a lesson in a good answer (the changed process, the evidence that
//! it works) belongs to the takeaway. Strong cues ("learned", "lesson") may open it
//! anywhere; weak cues ("now", "since then") only after the first 30% of the words.
//! A takeaway can also open with no lesson word: "I should have done a soft
//! launch", "After that I started...", "The following week I introduced..." (weak),
//! "What I took from it is..." (strong); an "I should have" that opens the
//! takeaway is the lesson, not a separate act of ownership.
//! Before it, the first sentence is the situation (or the task when it names a
//! responsibility), and every later sentence is whichever of task, action or result
//! its cues favour, with actions winning ties.

use super::lexicon::{is_past_action, is_subject_adverb, NUMBER_WORD, RESULT_CUE};
use super::text::{Sentence, Text};
use crate::content::StarPart;

const WEAK_TAKEAWAY_MIN_POSITION: f64 = 0.3;
/// A general truth opens the takeaway only in the second half: in the opening
/// it sets the scene ("A wedding is one day you cannot redo").
const MAXIM_MIN_POSITION: f64 = 0.5;

/// The STAR-T part of each sentence.
pub(crate) fn label(text: &Text) -> Vec<StarPart> {
    let total: usize = text.sentences.iter().map(Sentence::len).sum();
    let many = text.sentences.len() >= 4;
    let mut before = 0usize;
    let mut takeaway_from = text.sentences.len();
    for (n, s) in text.sentences.iter().enumerate() {
        let position = before as f64 / total.max(1) as f64;
        let cue = takeaway_cue(text, s);
        let opens = match cue {
            Cue::Strong => !(n == 0 && many),
            Cue::Weak => position >= WEAK_TAKEAWAY_MIN_POSITION,
            Cue::None => position >= MAXIM_MIN_POSITION && states_a_maxim(text, s),
        };
        if opens {
            takeaway_from = n;
            break;
        }
        before += s.len();
    }
    let present_story = !text.sentences.iter().any(|s| action_score(text, s) > 0);
    text.sentences
        .iter()
        .enumerate()
        .map(|(n, s)| {
            if n >= takeaway_from {
                StarPart::Takeaway
            } else if n == 0 {
                if task_cue(text, s) {
                    StarPart::Task
                } else {
                    StarPart::Situation
                }
            } else {
                body_part(text, s, present_story)
            }
        })
        .collect()
}

#[derive(PartialEq)]
enum Cue {
    None,
    Weak,
    Strong,
}

fn takeaway_cue(text: &Text, s: &Sentence) -> Cue {
    let opening = opening_cue(text, s);
    if opening != Cue::None {
        return opening;
    }
    let mut cue = Cue::None;
    for i in s.first..s.last {
        let w = text.word(i);
        let next = if i + 1 < s.last { text.word(i + 1) } else { "" };
        match w {
            "learned" | "learnt" | "lesson" | "lessons" | "takeaway" | "taught" => {
                // "the lessons were learned" style passives still reflect; "I learned the
                // system" in the setup does not, hence strong cues need a reflective frame.
                let reflective = matches!(w, "lesson" | "lessons" | "takeaway")
                    || matches!(
                        next,
                        "that" | "to" | "a" | "how" | "from" | "is" | "was" | "me" | "i" | "the"
                    );
                if reflective {
                    return Cue::Strong;
                }
            }
            // "I learn that when I decide to wait, I must tell everybody": learner
            // English tells the lesson in the present.
            "learn" | "understand"
                if text.word(i.wrapping_sub(1)) == "i"
                    && matches!(next, "that" | "to" | "how" | "i" | "from" | "always") =>
            {
                return Cue::Strong
            }
            // "I understood that my eyes are not a control", late in the answer.
            "understood" | "realized" | "realised"
                if text.word(i.wrapping_sub(1)) == "i" && next == "that" =>
            {
                cue = Cue::Weak
            }
            // "I rebuilt how we confirm ground transport", "I changed how every file
            // enters our projects": the way of working changed, not one thing fixed.
            "changed" | "rebuilt" | "redesigned" | "reworked" | "rethought"
                if next == "how" && text.word(i.wrapping_sub(1)) == "i" =>
            {
                cue = Cue::Weak
            }
            "took" if next == "away" => return Cue::Strong,
            "learning" if next == "experience" => return Cue::Strong,
            "stayed" if next == "with" => return Cue::Strong,
            "hindsight" => return Cue::Strong,
            "looking" if next == "back" => return Cue::Strong,
            "now" | "nowadays" | "going" | "ever" | "since" | "future" | "next" | "today"
            | "these"
                if weak_cue(w, next) =>
            {
                cue = Cue::Weak
            }
            _ => {}
        }
    }
    cue
}

/// Takeaways that open with no lesson word: "I should have done a soft launch",
/// "The following week I introduced a rule", "After that I started...", "What I
/// took from it is...".
fn opening_cue(text: &Text, s: &Sentence) -> Cue {
    let mut a = s.first;
    while a < s.last
        && matches!(
            text.word(a),
            "so" | "and" | "um" | "uh" | "okay" | "then" | "but"
        )
    {
        a += 1;
    }
    let at = |k: usize| if a + k < s.last { text.word(a + k) } else { "" };
    let period = |w: &str| {
        matches!(
            w,
            "week"
                | "month"
                | "day"
                | "year"
                | "quarter"
                | "shift"
                | "morning"
                | "term"
                | "semester"
                | "season"
                | "sprint"
        )
    };
    let aftermath = (at(0) == "after" && matches!(at(1), "that" | "this"))
        || matches!(at(0), "afterwards" | "afterward")
        || (at(0) == "from" && (at(1) == "then" || (at(1) == "that" && at(2) == "day")))
        || (at(0) == "the" && matches!(at(1), "following" | "next") && period(at(2)));
    let should_have = matches!(at(0), "i" | "we")
        && (at(1) == "should've" || (at(1) == "should" && at(2) == "have"));
    // "Here is what changed.", "What changed afterward is the part I would point
    // to.", "The change that lasted came next.", "Two changes came out of it.":
    // the speaker announcing the fix.
    let change_word = |w: &str| matches!(w, "change" | "changes" | "changed" | "fix" | "fixes");
    let announces_change = (matches!((at(0), at(1)), ("here", "is") | ("here's", _))
        && (a..s.last).any(|k| change_word(text.word(k))))
        || (at(0) == "what" && change_word(at(1)))
        || (at(0) == "the"
            && change_word(at(1))
            && (a + 2..s.last).any(|k| matches!(text.word(k), "came" | "was" | "lasted")))
        || ((a..(a + 3).min(s.last)).any(|k| change_word(text.word(k)))
            && text.matches_at(a + 2, s.last, &["came", "out", "of"]))
        || (matches!(at(1), "part" | "changes")
            && (a..s.last).any(|k| matches!(text.word(k), "after" | "afterward" | "next"))
            && s.len() <= 12);
    if announces_change {
        return Cue::Weak;
    }
    if at(0) == "what"
        && at(1) == "i"
        && matches!(
            at(2),
            "took" | "changed" | "learned" | "learnt" | "realized" | "do"
        )
    {
        Cue::Strong
    } else if aftermath || should_have {
        Cue::Weak
    } else {
        Cue::None
    }
}

/// A lesson put as a general truth, with no lesson word: "A phone call is not a
/// booking.", "Every answer in a questionnaire is a commitment.", "Knowledge that
/// lives in one head is a risk.", "Safety that depends on my memory is not a
/// system." A generic subject, a present-tense "is"/"are" (or "has to",
/// "cannot"), and no story: no "I"/"we", no past tense, no numbers.
fn states_a_maxim(text: &Text, s: &Sentence) -> bool {
    let generic_subject = matches!(
        text.word(s.first),
        "a" | "an" | "every" | "each" | "any" | "knowledge" | "trust" | "speed"
    );
    let present = (s.first + 1..s.last).any(|i| {
        matches!(
            text.word(i),
            "is" | "isn't" | "are" | "aren't" | "cannot" | "can't"
        ) || (matches!(text.word(i), "has" | "have") && text.word(i + 1) == "to")
    });
    let from_the_story = (s.first..s.last).any(|i| {
        let w = text.word(i);
        text.tokens[i].number
            || text.tokens[i].quoted
            || matches!(
                w,
                "i" | "we" | "our" | "us" | "was" | "were" | "had" | "did"
            )
            || (is_past_action(w) && !matches!(text.word(i - 1), "has" | "have" | "been"))
    });
    generic_subject && present && !from_the_story && s.len() >= 4
}

/// A sentence that opens with "I should have ...": in the takeaway it is the lesson.
pub(crate) fn opens_with_should_have(text: &Text, s: &Sentence) -> bool {
    let a = s.first;
    matches!(text.word(a), "i" | "we")
        && (text.word(a + 1) == "should've"
            || (text.word(a + 1) == "should" && text.word(a + 2) == "have"))
        && a + 2 < s.last
}

/// A sentence that reflects on the story ("I learned that", "the lesson I took").
pub(crate) fn is_reflection(text: &Text, s: &Sentence) -> bool {
    takeaway_cue(text, s) == Cue::Strong
}

fn weak_cue(w: &str, next: &str) -> bool {
    match w {
        "now" | "nowadays" => true,
        "going" => next == "forward",
        "ever" => next == "since",
        "since" => next == "then",
        "future" => true,
        "next" => next == "time",
        "today" => true,
        "these" => next == "days",
        _ => false,
    }
}

fn task_cue(text: &Text, s: &Sentence) -> bool {
    (s.first..s.last).any(|i| {
        let w = text.word(i);
        let next = text.word(i + 1);
        matches!(w, "responsible" | "tasked" | "accountable")
            || (w == "my" && matches!(next, "job" | "role" | "task" | "goal" | "assignment"))
            || (w == "the" && next == "goal")
            || (w == "in" && next == "charge")
            || (w == "asked" && next == "to")
    })
}

/// `present_story`: no sentence has a past action, so a present-tense "I" +
/// verb is the story's action (learner English: "then I tell my manager").
fn body_part(text: &Text, s: &Sentence, present_story: bool) -> StarPart {
    let action = match action_score(text, s) {
        0 if present_story => usize::from(narrates_present_action(text, s)),
        score => score,
    };
    let result = result_score(text, s);
    if action == 0 && result == 0 {
        if task_cue(text, s) {
            return StarPart::Task;
        }
        return StarPart::Situation;
    }
    if result > action {
        StarPart::Result
    } else {
        StarPart::Action
    }
}

/// First-person actors doing something in the past ("I rolled back", "we shipped").
pub(crate) fn action_score(text: &Text, s: &Sentence) -> usize {
    let mut score = 0;
    for i in s.first..s.last {
        if !matches!(text.word(i), "i" | "we") {
            continue;
        }
        let mut j = i + 1;
        while j < s.last && is_subject_adverb(text.word(j)) {
            j += 1;
        }
        let verb = text.word(j);
        if j < s.last && (is_past_action(verb) || matches!(verb, "didn't")) && verb != "tried" {
            score += 1;
        }
    }
    // Later verbs in a list ("..., rebuilt the deck and told the client") count too.
    for i in s.first + 1..s.last {
        let prev = text.word(i - 1);
        if matches!(prev, "and" | "then") || text.gap_after(i - 1).contains(',') {
            let w = text.word(i);
            if is_past_action(w) && !matches!(w, "missed" | "lost" | "failed") {
                score += 1;
            }
        }
    }
    score
}

/// Learner English often tells the story in the present ("I accept the films
/// without checking, then I tell my manager"), which [`action_score`] does not
/// read as action: "I"/"we" followed by a verb that is not an auxiliary, a
/// state of mind or a role. Only for sentences past the opening, where "I work
/// as a courier" would be the role.
pub(crate) fn narrates_present_action(text: &Text, s: &Sentence) -> bool {
    (s.first..s.last).any(|i| {
        if !matches!(text.word(i), "i" | "we") {
            return false;
        }
        let mut j = i + 1;
        while j < s.last && is_subject_adverb(text.word(j)) {
            j += 1;
        }
        // "I not check the tower letter": the negated action of learner English.
        if matches!(text.word(j), "not" | "dont" | "don't") {
            j += 1;
        }
        let verb = text.word(j);
        j < s.last
            && !text.tokens[j].number
            && verb.len() > 1
            && verb.chars().all(|c| c.is_ascii_alphabetic())
            && !verb.ends_with("ly")
            && !is_not_an_act(verb)
    })
}

/// Words after "I" that are no action of the story: auxiliaries and modals,
/// states of mind, and the present of a role ("I manage 120 hives").
fn is_not_an_act(w: &str) -> bool {
    matches!(
        w,
        "am" | "was"
            | "were"
            | "is"
            | "are"
            | "be"
            | "been"
            | "have"
            | "has"
            | "had"
            | "do"
            | "does"
            | "did"
            | "can"
            | "could"
            | "would"
            | "should"
            | "will"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "think"
            | "thought"
            | "feel"
            | "felt"
            | "know"
            | "knew"
            | "guess"
            | "suppose"
            | "reckon"
            | "wonder"
            | "assume"
            | "doubt"
            | "believe"
            | "mean"
            | "like"
            | "love"
            | "hate"
            | "hope"
            | "wish"
            | "want"
            | "wanted"
            | "need"
            | "needed"
            | "remember"
            | "try"
            | "tried"
            | "learn"
            | "learned"
            | "realize"
            | "understand"
            | "work"
            | "manage"
            | "lead"
            | "run"
            | "teach"
            | "own"
            | "handle"
            | "oversee"
            | "supervise"
            | "coordinate"
            | "live"
            | "study"
            | "and"
            | "or"
            | "but"
            | "so"
            | "the"
            | "a"
            | "to"
    )
}

/// Outcome words and quantities.
pub(crate) fn result_score(text: &Text, s: &Sentence) -> usize {
    (s.first..s.last)
        .filter(|&i| text.tokens[i].number || text.class(i) & (NUMBER_WORD | RESULT_CUE) != 0)
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(src: &str) -> Vec<StarPart> {
        label(&Text::new(src))
    }

    #[test]
    fn a_general_truth_late_in_the_answer_opens_the_takeaway() {
        use StarPart::*;
        let got = parts(
            "I ran bookings for a tour company. I took a hotel's word on the phone for 30 rooms. \
             The hotel had no record of it when the group arrived. I found rooms across town. \
             A phone call is not a booking. Every hold now needs a written confirmation.",
        );
        assert_eq!(got[4..], [Takeaway, Takeaway]);
        // The same kind of sentence in the opening sets the scene.
        let got = parts(
            "A wedding is one day you cannot redo. I was the planner for a June wedding. \
             I booked the florist without a backup. The florist canceled the night before.",
        );
        assert!(!got.contains(&Takeaway), "{got:?}");
    }

    #[test]
    fn announcing_the_change_opens_the_takeaway() {
        use StarPart::*;
        for announcement in [
            "Here is what changed.",
            "The change that lasted came next.",
            "Two changes came out of the review.",
            "I rebuilt how we confirm every booking.",
        ] {
            let got = parts(&format!(
                "I ran the front desk at a hotel. I booked a wedding block on a verbal promise. \
                 The couple arrived to 12 missing rooms. I found rooms across town. \
                 {announcement} Every block now needs a signed form."
            ));
            assert_eq!(got[4..], [Takeaway, Takeaway], "{announcement}");
        }
    }

    #[test]
    fn learner_english_tells_the_lesson_in_the_present() {
        use StarPart::*;
        let got = parts(
            "I am captain of a small ferry. One morning I decide to wait for the fog to go. \
             I did not tell the office, so many people was angry. \
             I learn that I must tell everybody fast.",
        );
        assert_eq!(got.last(), Some(&Takeaway));
    }

    #[test]
    fn present_tense_narration_is_action_but_roles_and_states_are_not() {
        let acts = |src: &str| {
            let text = Text::new(src);
            text.sentences
                .iter()
                .any(|s| narrates_present_action(&text, s))
        };
        assert!(acts(
            "Later I tell my manager and I ask to re-shoot all 17 welds."
        ));
        assert!(acts("I not check the tower letter in the app."));
        assert!(!acts("I work as a courier in the city center."));
        assert!(!acts("I think it was my fault and I feel bad."));
        assert!(!acts("I am sure the vendor will fix it."));
    }

    #[test]
    fn labels_a_plain_star_t_answer() {
        use StarPart::*;
        let got = parts(
            "I was a product manager at a travel site. I shipped a redesign without a test. \
             Bookings fell 12% in a week. I rolled it back and told my director. \
             I learned that untested changes are bets. Every redesign now needs an experiment.",
        );
        assert_eq!(got, [Situation, Action, Result, Action, Takeaway, Takeaway]);
    }

    #[test]
    fn takeaways_open_without_lesson_words() {
        for (src, from) in [
            (
                "I ran the launch for a meal app. I shipped the redesign to everyone at once. \
                 Ratings fell from 4.6 to 3.9 in two days. I should have done a soft launch. \
                 Every redesign now goes to five percent of users first.",
                3,
            ),
            (
                "I was a clerk at a law firm. I copied a court date from an email. \
                 We missed a filing by a day. After that I started entering every date from the order.",
                3,
            ),
            (
                "I ran payroll for forty clients. I keyed one total by hand and it was off. \
                 Two clients were fined. The following week I introduced a totals check.",
                3,
            ),
            (
                "I led a night shift. I skipped the second check. The pump ran fast for forty minutes. \
                 What I took from it is that a check I can skip is not a check.",
                3,
            ),
        ] {
            let got = parts(src);
            assert_eq!(
                got.iter().position(|&p| p == StarPart::Takeaway),
                Some(from),
                "{src:?}: {got:?}"
            );
        }
    }

    #[test]
    fn a_hedged_should_have_or_an_early_one_opens_nothing() {
        for src in [
            "I should have known this job was hard. I ran a school trip. The bus was late.",
            "I ran a school trip. The bus was late and two kids got lost. I guess I should have seen it coming.",
        ] {
            assert!(!parts(src).contains(&StarPart::Takeaway), "{src:?}");
        }
    }

    #[test]
    fn weak_cue_early_does_not_open_the_takeaway() {
        let got =
            parts("Now this was my first job. I broke the build. It cost a day. I fixed it fast.");
        assert!(!got.contains(&StarPart::Takeaway), "{got:?}");
    }
}
