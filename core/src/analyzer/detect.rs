//! Span findings: the wording and content patterns an interviewer reacts to.
//!
//! Each detector walks the tokens of one sentence and reports token ranges.
//! Context rules live next to the pattern they guard, e.g. "kind of" after a
//! determiner is a noun phrase, "disaster recovery" is a technical term, quoted
//! speech is not the speaker's wording, and a passive with a counted subject
//! ("310 claims were denied") reports impact rather than hiding an actor.

use super::lexicon::*;
use super::text::{Sentence, Text};
use super::FindingKind;
use crate::content::StarPart;

/// A detected span, in tokens `[first, last)`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Hit {
    pub kind: FindingKind,
    pub first: usize,
    pub last: usize,
    /// For blame: the tokens naming who or what was blamed, in the learner's words.
    pub agent: Option<(usize, usize)>,
}

/// Where each sentence sits in the answer, as the structure pass labelled it.
pub(crate) struct SentenceInfo {
    pub part: StarPart,
    /// Share of the answer's words that come before this sentence.
    pub position: f64,
}

/// Systemic fixes describe the aftermath; in the opening third a "runbook" or
/// "template" is usually part of the setup, not a change.
const SYSTEMIC_MIN_POSITION: f64 = 0.35;
/// A repeatability marker must sit this close to the mechanism it qualifies.
const SYSTEMIC_WINDOW: usize = 10;

pub(crate) fn detect(text: &Text, info: &[SentenceInfo]) -> Vec<Hit> {
    let mut hits = Vec::new();
    let mut blamed = vec![false; text.sentences.len()];
    let mut fake = false;
    for (n, s) in text.sentences.iter().enumerate() {
        let before = hits.len();
        wording(text, s, &mut hits);
        metrics(text, s, &mut hits);
        passive(text, s, &mut hits);
        explicit_blame(text, s, &mut hits);
        let takeaway = info.get(n).is_some_and(|i| i.part == StarPart::Takeaway);
        if !takeaway {
            super::blame::clause_blame(text, s, &mut hits);
        }
        blamed[n] = hits[before..]
            .iter()
            .any(|h| h.kind == FindingKind::BlameShifting);
        fake |= hits[before..]
            .iter()
            .any(|h| h.kind == FindingKind::FakeFailure);
    }
    // A humblebrag owns nothing, and a sentence that shifts blame owns nothing.
    if !fake {
        let present_story = !text
            .sentences
            .iter()
            .any(|s| super::structure::action_score(text, s) > 0);
        for (n, s) in text.sentences.iter().enumerate() {
            let part = info.get(n).map_or(StarPart::Action, |i| i.part);
            // "I should have done a soft launch" opening the takeaway is the lesson.
            let lesson = info.get(n).is_some_and(|i| i.part == StarPart::Takeaway)
                && super::structure::opens_with_should_have(text, s);
            if !blamed[n] && !lesson {
                if let Some(hit) = ownership(text, s, part, present_story) {
                    hits.push(hit);
                }
            }
        }
    }
    // Blame is judged per sentence: ownership elsewhere in the answer does not
    // excuse a third party named as the agent of the failure here.
    let owning: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| h.kind == FindingKind::Ownership)
        .map(|h| (h.first, h.last))
        .collect();
    for s in &text.sentences {
        if !owning
            .iter()
            .any(|&(first, last)| first < s.last && s.first < last)
        {
            soft_blame(text, s, &mut hits);
        }
    }
    let mut systemic = Vec::new();
    for (n, s) in text.sentences.iter().enumerate() {
        let late = info
            .get(n)
            .is_some_and(|i| i.part == StarPart::Takeaway || i.position >= SYSTEMIC_MIN_POSITION);
        // A sentence that shifts blame is no fix, however it mentions a report.
        if late && !blamed[n] && is_systemic(text, s) {
            systemic.push((s.first, s.last));
            hits.push(Hit {
                kind: FindingKind::SystemicFix,
                first: s.first,
                last: s.last,
                agent: None,
            });
        }
    }
    // A "double-check" inside a sentence that installs a mechanism is part of the fix.
    if !systemic.is_empty() {
        hits.retain(|h| h.kind != FindingKind::ManualFix || !inside_any(&systemic, h.first));
    }
    for h in hits
        .iter_mut()
        .filter(|h| h.kind == FindingKind::BlameShifting && h.agent.is_none())
    {
        h.agent = super::blame::agent_of(text, h.first, h.last);
    }
    hits.sort_by_key(|h| (h.first, h.last));
    merge_overlaps(hits)
}

/// Is token `i` inside one of the sorted, disjoint token ranges?
fn inside_any(ranges: &[(usize, usize)], i: usize) -> bool {
    let n = ranges.partition_point(|&(_, last)| last <= i);
    ranges.get(n).is_some_and(|&(first, _)| first <= i)
}

/// Keeps one hit per kind where two hits of that kind overlap (e.g. "double-check" and
/// "myself" in one phrase).
fn merge_overlaps(hits: Vec<Hit>) -> Vec<Hit> {
    // Hits arrive sorted by start, so only the latest hit of each kind can overlap.
    let mut latest: [Option<usize>; FindingKind::ALL.len()] = [None; FindingKind::ALL.len()];
    let mut out: Vec<Hit> = Vec::with_capacity(hits.len());
    for h in hits {
        let slot = &mut latest[h.kind as usize];
        match slot.and_then(|k| out.get_mut(k)) {
            Some(prev) if h.first < prev.last => {
                prev.last = prev.last.max(h.last);
                prev.agent = prev.agent.or(h.agent);
            }
            _ => {
                *slot = Some(out.len());
                out.push(h);
            }
        }
    }
    out
}

fn push(hits: &mut Vec<Hit>, kind: FindingKind, first: usize, last: usize) {
    hits.push(Hit {
        kind,
        first,
        last,
        agent: None,
    });
}

/// Hedges, emotional words, self-apology, fake failures and "be more careful" lessons.
fn wording(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let lim = s.last;
    for i in s.first..lim {
        if text.tokens[i].quoted || text.class(i) & (WORDING_TRIGGER | EMOTIONAL) == 0 {
            continue;
        }
        let w = text.word(i);
        let prev = if i > s.first { text.word(i - 1) } else { "" };
        let next = if i + 1 < lim { text.word(i + 1) } else { "" };
        if let Some(len) = hedge_len(text, i, lim, w, prev, next) {
            push(hits, FindingKind::Hedging, i, i + len);
        }
        if let Some((first, len)) = emotional_len(text, i, lim, w, next) {
            push(hits, FindingKind::EmotionalLanguage, first, i + len);
        }
        if let Some((first, len)) = apology_len(text, i, lim, s.first, w, prev) {
            push(hits, FindingKind::OverApologizing, first, i + len);
        }
        if let Some((first, last)) = fake_failure_span(text, i, lim, s.first, w) {
            push(hits, FindingKind::FakeFailure, first, last);
        }
        if let Some((first, last)) = manual_fix_span(text, i, lim, s.first, w, prev, next) {
            // "I will never make that mistake again" is the promise itself.
            if w == "again" || !tells_the_lapse(text, s.first, first, last) {
                push(hits, FindingKind::ManualFix, first, last);
            }
        }
    }
}

/// "I meant to recheck him at midnight", "I did not recheck it", "I should have
/// double-checked": the check that was skipped is the failure, not a promise to
/// try harder.
fn tells_the_lapse(text: &Text, clause_start: usize, first: usize, last: usize) -> bool {
    (first.saturating_sub(3).max(clause_start)..last).any(|k| {
        let w = text.word(k);
        matches!(
            w,
            "didn't"
                | "didnt"
                | "never"
                | "meant"
                | "forgot"
                | "supposed"
                | "planned"
                | "should've"
                | "skipped"
        ) || (w == "did" && text.word(k + 1) == "not")
            || (w == "should" && text.word(k + 1) == "have")
    })
}

fn hedge_len(text: &Text, i: usize, lim: usize, w: &str, prev: &str, next: &str) -> Option<usize> {
    match w {
        "maybe" | "probably" | "perhaps" | "possibly" | "somewhat" | "kinda" | "sorta"
        | "presumably" | "arguably" | "hopefully" | "somehow" => Some(1),
        // "it was partly my fault": ownership taken halfway.
        "partly" | "partially" if matches!(next, "my" | "mine" | "on" | "because" | "to") => {
            Some(1)
        }
        "could" if prev == "it" || prev == "that" => {
            text.matches_at(i + 1, lim, &["have", "been"]).then_some(3)
        }
        // "wandered off for a bit", "for a little bit": the damage shrunk. (A bare
        // "a bit" or "a little" is too often plain measure to flag.)
        "a" if prev == "for"
            && (next == "bit" || (next == "little" && text.word(i + 2) == "bit")) =>
        {
            Some(if next == "bit" { 2 } else { 3 })
        }
        // "to some extent", "to a degree", "to a certain extent".
        "some" if matches!(next, "extent" | "degree") && prev == "to" => Some(2),
        "certain" if next == "extent" && prev == "a" => Some(2),
        // "for the most part".
        "most" if next == "part" && prev == "the" && text.word(i.wrapping_sub(2)) == "for" => {
            Some(2)
        }
        // "in a way, it was...": not "in a way that works".
        "way"
            if prev == "a"
                && text.word(i.wrapping_sub(2)) == "in"
                && (i + 1 == lim || text.gap_after(i).contains(',')) =>
        {
            Some(1)
        }
        "kind" | "sort" if next == "of" && !is_determiner(prev) => Some(2),
        "more" if text.matches_at(i, lim, &["more", "or", "less"]) => Some(3),
        // "it was a bit my mistake", "a bit rushed": the claim shrunk.
        "a" if next == "bit"
            && matches!(
                text.word(i + 2),
                "my" | "our"
                    | "rushed"
                    | "careless"
                    | "off"
                    | "unclear"
                    | "sloppy"
                    | "hasty"
                    | "naive"
                    | "optimistic"
                    | "overconfident"
                    | "much"
                    | "too"
                    | "unsure"
                    | "confused"
            )
            && i + 2 < lim =>
        {
            Some(2)
        }
        "i" => match next {
            "guess" | "suppose" | "believe" | "reckon" => Some(2),
            "would" if text.word(i + 2) == "say" && i + 2 < lim => Some(3),
            "think" => {
                let after = if i + 2 < lim { text.word(i + 2) } else { "" };
                (!matches!(after, "about" | "of" | "back" | "through")).then_some(2)
            }
            "feel" if text.word(i + 2) == "like" && i + 2 < lim => Some(3),
            _ => None,
        },
        "i'd" if next == "say" || next == "guess" => Some(2),
        // "I'd have to say", "I'd like to think".
        "i'd"
            if text.word(i + 2) == "to"
                && matches!(
                    (next, text.word(i + 3)),
                    ("have", "say") | ("like", "think")
                )
                && i + 3 < lim =>
        {
            Some(4)
        }
        // "I am not totally sure" (learner English spells it out).
        "am" if prev == "i" && next == "not" => {
            let sure = (i + 2..(i + 4).min(lim)).find(|&k| text.word(k) == "sure");
            sure.map(|k| k + 1 - i)
        }
        // "it might have been my call", "I may have rushed it": owning it halfway.
        "might" | "may" if next == "have" && matches!(prev, "i" | "it" | "we" | "that") => Some(2),
        // "I'm not totally sure", "I'm not sure": the speaker doubting their own claim.
        "i'm" | "im" if next == "not" => {
            let sure = (i + 2..(i + 4).min(lim)).find(|&k| text.word(k) == "sure");
            sure.map(|k| k + 1 - i)
        }
        _ => None,
    }
}

fn emotional_len(text: &Text, i: usize, lim: usize, w: &str, next: &str) -> Option<(usize, usize)> {
    // Whose feeling it is does not matter: "the client was furious" dramatizes the
    // story as much as "I was furious"; the facts of the harm say it better.
    if text.class(i) & EMOTIONAL != 0 {
        return Some((i, 1));
    }
    let prev = text.word(i.wrapping_sub(1));
    match w {
        // "super frustrating", "crazy busy", "a really rough week": a feeling turned up.
        _ if is_feeling_word(w)
            && i > 0
            && matches!(
                prev,
                "super" | "crazy" | "insanely" | "incredibly" | "extremely" | "so" | "really"
            )
            && (w != "busy" || matches!(prev, "super" | "crazy" | "insanely")) =>
        {
            Some((i - 1, 1))
        }
        // "a big shock", "the whole desk was in shock", "it was a horror".
        "shock" | "horror"
            if i > 0 && matches!(prev, "a" | "in" | "big" | "total" | "complete" | "pure") =>
        {
            Some((i - 1, 1))
        }
        "bloodbath" | "shouting" | "yelling" | "yelled" | "screamed" => Some((i, 1)),
        // "a gut punch", "a punch in the gut", "a slap in the face".
        "punch" if prev == "gut" => Some((i - 1, 1)),
        "punch" if text.matches_at(i + 1, lim, &["in", "the", "gut"]) => Some((i, 4)),
        "slap" if text.matches_at(i + 1, lim, &["in", "the", "face"]) => Some((i, 4)),
        // "I felt sick about it", "it still makes me sick".
        "sick" if i > 0 && matches!(prev, "felt" | "feel" | "feeling" | "me") => Some((i - 1, 1)),
        "stomach" if matches!(next, "dropped" | "sank" | "turned" | "churned") => Some((i, 2)),
        // "one of the worst months of my career", "the scariest ten minutes of my life".
        "worst" | "scariest" | "hardest" | "darkest" | "lowest"
            if of_my_life(text, i, lim).is_some() =>
        {
            of_my_life(text, i, lim).map(|k| (i, k + 1 - i))
        }
        "disaster" if !is_disaster_compound(next) => Some((i, 1)),
        "worst"
            if matches!(
                next,
                "day"
                    | "failure"
                    | "moment"
                    | "experience"
                    | "mistake"
                    | "week"
                    | "thing"
                    | "nightmare"
                    | "time"
                    | "days"
            ) =>
        {
            Some((i, 2))
        }
        "total" | "complete" | "utter" if next == "failure" || next == "disaster" => Some((i, 2)),
        "freaked" | "freaking" | "stressed" | "flipped" if next == "out" => Some((i, 2)),
        "stressed"
            if matches!(
                text.word(i.wrapping_sub(1)),
                "so" | "super" | "really" | "very" | "totally" | "completely" | "incredibly"
            ) =>
        {
            Some((i - 1, 1))
        }
        // "in a panic", "total panic", "panic mode"; "panic bar hardware" is a device.
        "panic"
            if matches!(next, "mode" | "attack")
                || matches!(
                    text.word(i.wrapping_sub(1)),
                    "total" | "pure" | "full" | "complete" | "a" | "of"
                ) && !matches!(
                    next,
                    "bar" | "bars" | "button" | "buttons" | "hardware" | "alarm" | "room"
                ) =>
        {
            Some((i, 1))
        }
        // "completely overwhelmed", "beyond frustrated": a feeling turned up.
        "overwhelmed" | "frustrated"
            if matches!(
                text.word(i.wrapping_sub(1)),
                "completely"
                    | "totally"
                    | "so"
                    | "super"
                    | "beyond"
                    | "incredibly"
                    | "extremely"
                    | "absolutely"
                    | "utterly"
            ) =>
        {
            Some((i - 1, 1))
        }
        // "I was crushed", "I was shaking"; not "crushed ice".
        "crushed" | "shaking" if matches!(text.word(i.wrapping_sub(1)), "was" | "felt") => {
            Some((i, 1))
        }
        "fell" if next == "apart" => Some((i, 2)),
        "epic" if matches!(next, "fail" | "failure" | "disaster") => Some((i, 2)),
        "drowning" if next == "in" => Some((i, 2)),
        // "my heart sank", "my heart just about stopped", "it broke my heart".
        "heart" if prev == "my" && matches!(text.word(i.wrapping_sub(2)), "broke" | "breaks") => {
            Some((i - 2, 1))
        }
        "heart" => (i + 1..(i + 4).min(lim))
            .find(|&k| matches!(text.word(k), "sank" | "dropped" | "stopped"))
            .map(|k| (i, k + 1 - i)),
        // "it still eats at me".
        "eats" | "ate" | "eating" if next == "at" && text.word(i + 2) == "me" => Some((i, 3)),
        "tears" if text.word(i.wrapping_sub(1)) == "in" => Some((i - 1, 1)),
        "wreck"
            if matches!(
                text.word(i.wrapping_sub(1)),
                "a" | "total" | "train" | "complete"
            ) =>
        {
            Some((i - 1, 1))
        }
        "crazy" | "chaotic" | "brutal" | "insane"
            if matches!(
                text.word(i.wrapping_sub(1)),
                "was" | "so" | "totally" | "just" | "absolutely"
            ) =>
        {
            Some((i, 1))
        }
        // "total chaos", "it was chaos"; "chaos engineering" is a discipline.
        "chaos" if !matches!(next, "engineering" | "monkey" | "testing") => {
            let intensified = matches!(
                text.word(i.wrapping_sub(1)),
                "total" | "complete" | "utter" | "pure" | "absolute"
            );
            Some((if intensified { i - 1 } else { i }, 1))
        }
        // "it was a mess", "a total mess"; not "mess hall".
        "mess"
            if i > 0
                && matches!(
                    text.word(i - 1),
                    "a" | "total" | "complete" | "huge" | "hot" | "absolute" | "such" | "big"
                )
                && next != "hall" =>
        {
            Some((i - 1, 1))
        }
        "stressful"
            if i > 0
                && matches!(
                    text.word(i - 1),
                    "super"
                        | "so"
                        | "very"
                        | "incredibly"
                        | "extremely"
                        | "really"
                        | "insanely"
                        | "most"
                ) =>
        {
            Some((i - 1, 1))
        }
        "felt" if text.matches_at(i + 1, lim, &["like", "a", "failure"]) => Some((i, 4)),
        _ => None,
    }
}

/// Where "... of my life" or "... of my career" ends within a few words of `i`.
fn of_my_life(text: &Text, i: usize, lim: usize) -> Option<usize> {
    (i + 2..(i + 7).min(lim))
        .find(|&k| matches!(text.word(k), "life" | "career") && text.word(k - 1) == "my")
}

/// Feelings that an intensifier turns into drama ("super frustrating").
fn is_feeling_word(w: &str) -> bool {
    matches!(
        w,
        "frustrating"
            | "scary"
            | "rough"
            | "painful"
            | "upsetting"
            | "overwhelming"
            | "nerve-wracking"
            | "hectic"
            | "upset"
            | "scared"
            | "nervous"
            | "angry"
            | "mad"
            | "shocked"
            | "busy"
            | "awkward"
    )
}

fn apology_len(
    text: &Text,
    i: usize,
    lim: usize,
    clause_start: usize,
    w: &str,
    prev: &str,
) -> Option<(usize, usize)> {
    match w {
        "sorry" => {
            if matches!(
                prev,
                "so" | "very" | "really" | "truly" | "terribly" | "i'm" | "am"
            ) {
                let first = if matches!(text.word(i.wrapping_sub(2)), "i'm" | "am")
                    && i >= clause_start + 2
                {
                    i - 2
                } else {
                    i - 1
                };
                Some((first, 1))
            } else if i == clause_start
                || i + 1 == lim
                || text.word(i + 1) == "again"
                || text.gap_after(i).contains(',')
                || text.gap_after(i - 1).contains(',')
            {
                // "Sorry" opening or closing a clause: an apology to the listener.
                Some((i, 1))
            } else {
                None
            }
        }
        // "I know this is not a great example": apologising for the answer itself.
        "example" | "story"
            if matches!(prev, "great" | "good" | "best" | "ideal")
                && (i.saturating_sub(4).max(clause_start)..i)
                    .any(|k| matches!(text.word(k), "not" | "isn't")) =>
        {
            Some((i.saturating_sub(4).max(clause_start), 1))
        }
        "apologize" | "apologise" if prev == "i" => Some((i - 1, 1)),
        "ashamed" | "shameful" | "embarrassing" | "embarrassed" | "mortifying" => Some((i, 1)),
        "i'm" | "am" => {
            let mut j = i + 1;
            if text.word(j) == "just" {
                j += 1;
            }
            let bad_at = (text.word(j) == "not" && text.word(j + 1) == "good")
                || matches!(text.word(j), "hopeless" | "useless" | "terrible" | "bad")
                    && matches!(text.word(j + 1), "at" | "with");
            (bad_at && j + 1 < lim).then_some((i, j + 2 - i))
        }
        "my" if text.word(i + 1) == "bad" && i + 1 < lim => Some((i, 2)),
        // "I feel very bad", "I felt so guilty": the speaker's distress, told to the listener.
        "feel" | "felt" if prev == "i" => {
            let mut j = i + 1;
            if matches!(
                text.word(j),
                "very" | "so" | "really" | "terribly" | "super"
            ) {
                j += 1;
            }
            (j < lim && matches!(text.word(j), "bad" | "guilty" | "horrible" | "awful"))
                .then_some((i - 1, j + 1 - i))
        }
        "forgive" if text.word(i + 1) == "me" && i + 1 < lim => Some((i, 2)),
        "stupid" if text.matches_at(i + 1, lim, &["of", "me"]) => Some((i, 3)),
        _ => None,
    }
}

fn fake_failure_span(
    text: &Text,
    i: usize,
    lim: usize,
    clause_start: usize,
    w: &str,
) -> Option<(usize, usize)> {
    let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
    match w {
        "perfectionist" => Some((i.saturating_sub(3).max(clause_start), i + 1)),
        "care" | "cared" | "work" | "worked"
            if at(1) == "too" && matches!(at(2), "much" | "hard") =>
        {
            Some((i, i + 3))
        }
        "too"
            if matches!(
                at(1),
                "successful"
                    | "dedicated"
                    | "detail-oriented"
                    | "passionate"
                    | "committed"
                    | "hardworking"
                    | "hard-working"
                    | "generous"
                    | "loyal"
                    | "driven"
                    | "honest"
            ) =>
        {
            Some((i, i + 2))
        }
        "standards"
            if (clause_start..i).any(|k| text.word(k) == "myself")
                && text.word(i - 1) == "high" =>
        {
            Some((i - 1, i + 1))
        }
        "failed" => {
            let negated = (i.saturating_sub(3).max(clause_start)..i)
                .any(|k| matches!(text.word(k), "not" | "never" | "haven't" | "hasn't"));
            let first_person = (i.saturating_sub(5).max(clause_start)..i)
                .any(|k| text.is_first_person_singular(k));
            (negated && first_person).then_some((i.saturating_sub(3).max(clause_start), i + 1))
        }
        "failure" => {
            // "I don't really have a failure (story)", "I can't think of a failure".
            let window = i.saturating_sub(5).max(clause_start)..i;
            let denies = window
                .clone()
                .any(|k| matches!(text.word(k), "don't" | "can't" | "cannot"))
                && window
                    .clone()
                    .any(|k| matches!(text.word(k), "have" | "think"));
            denies.then(|| (window.start, i + 1))
        }
        _ => None,
    }
}

fn manual_fix_span(
    text: &Text,
    i: usize,
    lim: usize,
    clause_start: usize,
    w: &str,
    prev: &str,
    next: &str,
) -> Option<(usize, usize)> {
    let speaker_subject = |k: usize| {
        (k.saturating_sub(3).max(clause_start)..k).any(|j| matches!(text.word(j), "i" | "i'll"))
    };
    match w {
        // "be careful", "be more careful", "try to be extra careful".
        "careful"
            if matches!(
                prev,
                "be" | "more" | "extra" | "very" | "really" | "super" | "especially" | "so"
            ) =>
        {
            let from = (i.saturating_sub(4).max(clause_start)..i)
                .find(|&k| matches!(text.word(k), "try" | "be"))
                .unwrap_or(i - 1);
            Some((from, i + 1))
        }
        // "I always confirm service dates twice", "I must always do the calculation".
        "always" | "must" if speaker_subject(i) => {
            let mut v = i + 1;
            while v < lim && matches!(text.word(v), "always" | "now" | "still") {
                v += 1;
            }
            let checking = matches!(
                text.word(v),
                "confirm"
                    | "check"
                    | "double-check"
                    | "verify"
                    | "read"
                    | "reread"
                    | "re-read"
                    | "recheck"
                    | "review"
                    | "do"
                    | "count"
                    | "look"
                    | "proofread"
                    | "call"
                    | "ask"
            ) && v < lim;
            let from = (i.saturating_sub(3).max(clause_start)..i)
                .find(|&k| text.word(k) == "i")
                .unwrap_or(i);
            checking.then_some((from, lim.min(v + 6)))
        }
        // "confirm service dates twice".
        "twice"
            if (i.saturating_sub(4).max(clause_start)..i).any(|k| {
                matches!(
                    text.word(k),
                    "check" | "confirm" | "verify" | "read" | "count"
                )
            }) && speaker_subject(i.saturating_sub(4).max(clause_start) + 1) =>
        {
            let from = (i.saturating_sub(4).max(clause_start)..i)
                .find(|&k| {
                    matches!(
                        text.word(k),
                        "check" | "confirm" | "verify" | "read" | "count"
                    )
                })
                .unwrap_or(i);
            Some((from, i + 1))
        }
        "remind" if next == "myself" && speaker_subject(i) => Some((i, i + 2)),
        // "I now double-check my work", "I always make sure to check the totals",
        // "I learned to slow down": the speaker checking harder, no mechanism.
        "double-check" | "recheck" | "re-check" | "triple-check" | "sure" | "slow"
            if speaker_subject(i)
                && (w != "sure" || prev == "make")
                && (w != "slow" || next == "down") =>
        {
            let from = (i.saturating_sub(3).max(clause_start)..i)
                .find(|&k| text.word(k) == "i")
                .unwrap_or(i);
            Some((from, lim.min(i + 4)))
        }
        "double" if next == "check" && speaker_subject(i) => Some((i, lim.min(i + 4))),
        // "pay closer attention", "keep a closer eye on", "review my work more carefully".
        "closer" if matches!(next, "attention" | "eye" | "look") => Some((i, i + 2)),
        "carefully" | "closely" if prev == "more" => Some((i - 1, i + 1)),
        // "I will never make that mistake again", "it won't happen again": a promise.
        "again"
            if (i.saturating_sub(5).max(clause_start)..i)
                .any(|k| matches!(text.word(k), "never" | "won't"))
                && (i.saturating_sub(4).max(clause_start)..i)
                    .any(|k| matches!(text.word(k), "make" | "happen" | "let")) =>
        {
            Some((i.saturating_sub(5).max(clause_start), i + 1))
        }
        "attention"
            if prev == "pay" || (prev == "more" && text.word(i.wrapping_sub(2)) == "pay") =>
        {
            Some((i - 1, i + 1))
        }
        "attention"
            if next == "to" && matches!(text.word(i + 2), "detail" | "details") && i + 2 < lim =>
        {
            Some((i, i + 3))
        }
        "more" if matches!(next, "thorough" | "diligent" | "attentive" | "vigilant") => {
            Some((i, i + 2))
        }
        "harder" if matches!(prev, "try" | "work") => Some((i - 1, i + 1)),
        "myself" | "manually" => {
            let window = i.saturating_sub(5).max(clause_start)..i;
            // "I review it myself", not "wrote the incident review myself" (a noun).
            let as_verb = |k: usize| {
                k == clause_start
                    || matches!(
                        text.word(k - 1),
                        "i" | "we"
                            | "to"
                            | "will"
                            | "i'll"
                            | "now"
                            | "always"
                            | "and"
                            | "then"
                            | "still"
                            | "also"
                            | "personally"
                    )
            };
            let checking = window.clone().find(|&k| {
                let w = text.word(k);
                matches!(w, "reviewing" | "checking")
                    || (matches!(
                        w,
                        "review"
                            | "check"
                            | "verify"
                            | "proofread"
                            | "recheck"
                            | "double-check"
                            | "re-check"
                    ) && as_verb(k))
            });
            checking.map(|k| (k, i + 1))
        }
        "everything" if matches!(prev, "check" | "double-check" | "checking" | "recheck") => {
            Some((i - 1, i + 1))
        }
        _ => None,
    }
}

/// Numbers, money, percentages and spelled-out counts, with their unit.
fn metrics(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let lim = s.last;
    let mut i = s.first;
    while i < lim {
        let w = text.word(i);
        let next = if i + 1 < lim { text.word(i + 1) } else { "" };
        let is_metric = if text.tokens[i].number {
            !is_year(text, i, s.first)
        } else {
            spelled_quantity(text, i, next) && !(w == "one" && starts_clause(text.word(i + 2)))
        };
        if !is_metric {
            i += 1;
            continue;
        }
        let mut last = i + 1;
        while last < lim && {
            let u = text.word(last);
            is_quantity_suffix(u) || is_time_unit(u.trim_end_matches('s')) || is_number_word(u)
        } {
            last += 1;
        }
        if !is_not_impact(text, s, i, last) {
            push(hits, FindingKind::Metric, i, last);
        }
        i = last;
    }
}

/// Numbers that name or date something rather than measure the story's impact:
/// "version 3", "ward 6", "two years ago", "a four-year-old", "by six", "at 7 pm".
fn is_not_impact(text: &Text, s: &Sentence, first: usize, last: usize) -> bool {
    let before = if first > s.first {
        text.word(first - 1)
    } else {
        ""
    };
    let after = if last < s.last { text.word(last) } else { "" };
    let label = matches!(
        before,
        "version"
            | "v"
            | "release"
            | "build"
            | "phase"
            | "step"
            | "level"
            | "grade"
            | "chapter"
            | "page"
            | "room"
            | "ward"
            | "bed"
            | "floor"
            | "gate"
            | "aisle"
            | "sprint"
            | "season"
            | "episode"
            | "iteration"
            | "no"
            | "number"
            | "runway"
            | "form"
            | "site"
            | "store"
            | "route"
            | "flight"
            | "bay"
            | "exit"
            | "track"
            | "channel"
            | "zone"
            | "station"
            | "terminal"
            | "dock"
            | "pier"
            | "unit"
            | "lane"
            | "table"
            | "model"
    );
    // "two years ago", and "Two weeks later", "a week before the date": when,
    // not how much.
    let ago = matches!(
        after,
        "ago" | "later" | "earlier" | "before" | "after" | "ahead" | "beforehand"
    );
    // "6:40 in the morning": the minutes of a clock time.
    let minutes = text.tokens[first].number
        && first > s.first
        && text.tokens[first - 1].number
        && text.gap_after(first - 1) == ":";
    // "1. Any request that...": a list's number at the start of a line.
    let list_marker = first == s.first
        && text.tokens[first].number
        && matches!(text.gap_after(first).trim_end(), "." | ")");
    // "ten years as a nurse", "a two-year contract", "in my fourth year": how long
    // the speaker has been somewhere, not what the failure cost ("a year" rates
    // such as "9,000 calls a year" keep their number, which is not next to it).
    let span_end = text.word(last - 1);
    let tenure = matches!(span_end, "year" | "years") || span_end.ends_with("-year");
    // "the 10th grade", "the 14th": a rank or a date.
    let ordinal = last == first + 1 && is_ordinal(text.word(first));
    // "a four-year-old", "six years old": an age.
    let age = after == "old" || text.word(last - 1).ends_with("-old");
    let clock = (first + 1..=last).any(|k| {
        matches!(
            if k < s.last { text.word(k) } else { "" },
            "am" | "pm" | "a.m" | "p.m" | "o'clock"
        )
    });
    // "by six", "until almost ten", "at eight that night".
    let hour_word = |w: &str| {
        matches!(
            w,
            "by" | "at" | "until" | "till" | "before" | "after" | "around"
        )
    };
    let approximate = matches!(before, "almost" | "about" | "nearly" | "past" | "around")
        && first >= s.first + 2
        && hour_word(text.word(first - 2));
    let part_of_day = (after == "that" || after == "in")
        && matches!(
            text.word(last + 1),
            "night" | "morning" | "evening" | "afternoon" | "the"
        );
    let bare_hour = last == first + 1
        && (hour_word(before) || approximate || part_of_day)
        && hour_value(text.word(first)).is_some();
    // "the two files", "our two milkers", "one of two hospitals", "two of them",
    // "two times", "two different words": a small spelled count that points at
    // people or things of the story, or repeats, rather than measuring impact.
    let spelled = !text.tokens[first].number && last == first + 1;
    let known_ones = spelled
        && (matches!(
            before,
            "the"
                | "our"
                | "my"
                | "his"
                | "her"
                | "their"
                | "these"
                | "those"
                | "other"
                | "ages"
                | "aged"
        ) || matches!(after, "times" | "different" | "ways" | "parts"));
    label
        || ago
        || tenure
        || ordinal
        || age
        || clock
        || bare_hour
        || known_ones
        || minutes
        || list_marker
}

/// "1st", "22nd", "3rd", "10th".
fn is_ordinal(w: &str) -> bool {
    let digits = w.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &w[digits.len()..];
    !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

/// 1 to 12, as digits or a word: a clock hour when it follows "by" or "at".
fn hour_value(w: &str) -> Option<u8> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    let n = w
        .parse::<u8>()
        .ok()
        .or_else(|| WORDS.iter().position(|x| *x == w).map(|p| p as u8 + 1))?;
    (1..=12).contains(&n).then_some(n)
}

/// Token `i` spells a count ("twelve deals", "two-week", "one month", "half the").
fn spelled_quantity(text: &Text, i: usize, next: &str) -> bool {
    let w = text.word(i);
    let (head, tail) = w.split_once('-').unwrap_or((w, next));
    // Every token is checked: its cached classes spare a lookup unless hyphenated.
    let number = if head.len() == w.len() {
        text.class(i) & NUMBER_WORD != 0
    } else {
        is_number_word(head)
    };
    if number {
        return !next.is_empty() || w.contains('-');
    }
    match head {
        "one" => is_time_unit(tail.trim_end_matches('s')),
        "half" => matches!(next, "a" | "an" | "the" | "of") || w.contains('-'),
        _ => false,
    }
}

/// "one day the server ..." / "one month it was late": a time reference opening a clause.
fn starts_clause(w: &str) -> bool {
    matches!(
        w,
        "it" | "i" | "we" | "they" | "he" | "she" | "you" | "would" | "will" | "the" | "our"
    )
}

/// "in 2021" is a date, not a result.
fn is_year(text: &Text, i: usize, first: usize) -> bool {
    let w = text.word(i);
    let plain_year = w.len() == 4
        && w.bytes().all(|b| b.is_ascii_digit())
        && matches!(w.get(..2), Some("19" | "20"));
    // "In March 2023", "a 2024 workshop paper", "Windows Server 2012".
    let named = |k: usize| text.tokens[k].capitalized && !text.tokens[k].number;
    plain_year
        && i > first
        && (named(i - 1)
            || matches!(
                text.word(i - 1),
                "a" | "the"
                    | "that"
                    | "this"
                    | "in"
                    | "since"
                    | "of"
                    | "by"
                    | "from"
                    | "until"
                    | "early"
                    | "late"
                    | "mid"
                    | "summer"
                    | "spring"
                    | "autumn"
                    | "fall"
                    | "winter"
            ))
}

/// Agentless past passives: "mistakes were made", "the deadline was missed".
fn passive(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let lim = s.last;
    for i in s.first..lim {
        if !matches!(text.word(i), "was" | "were" | "got" | "wasn't" | "weren't") {
            continue;
        }
        let mut j = i + 1;
        while j < lim
            && matches!(
                text.word(j),
                "not"
                    | "never"
                    | "then"
                    | "also"
                    | "eventually"
                    | "quickly"
                    | "completely"
                    | "finally"
                    | "later"
                    | "all"
                    | "already"
                    | "just"
                    | "immediately"
                    | "partly"
                    | "simply"
            )
        {
            j += 1;
        }
        if j >= lim {
            continue;
        }
        let verb = text.word(j);
        let participle = (verb.len() >= 5 && verb.ends_with("ed") && !verb.ends_with("eed"))
            || is_irregular_participle(verb);
        // "lessons were learned" is the classic evasive passive, whatever "learned" means elsewhere.
        if !participle || (is_adjectival_participle(verb) && verb != "learned") {
            continue;
        }
        let subject = if i > s.first { text.word(i - 1) } else { "" };
        // "nobody was harmed" reports an outcome; no one is hidden.
        if is_person_pronoun(subject) || matches!(subject, "nobody" | "none" | "one") {
            continue;
        }
        // A counted subject reports impact ("120 reports were filed late").
        let window = i.saturating_sub(4).max(s.first)..i;
        // "nothing was lost", "no child was harmed": an outcome that did not happen.
        if (i.saturating_sub(3).max(s.first)..i)
            .any(|k| matches!(text.word(k), "nothing" | "no" | "nobody" | "none"))
        {
            continue;
        }
        // "the date it was checked": a relative clause dating something else.
        if subject == "it"
            && i >= s.first + 3
            && matches!(text.word(i - 3), "the" | "a" | "an" | "each" | "every")
        {
            continue;
        }
        if window
            .clone()
            .any(|k| text.tokens[k].number || is_number_word(text.word(k)))
        {
            continue;
        }
        // A passive in a time or condition clause is background to the main one
        // ("before the pressure test was done", "whether it was done", "what was
        // labeled"), not the failure told without its actor.
        if window.clone().any(|k| {
            matches!(
                text.word(k),
                "since" | "whether" | "what" | "while" | "before" | "until" | "once" | "if"
            )
        }) {
            continue;
        }
        // "by the foundation" names the actor; "by 14%" measures the change. Either
        // way nothing is hidden.
        if (j + 1..(j + 5).min(lim)).any(|k| text.word(k) == "by") {
            continue;
        }
        let mut first = window.start.max(clause_start_before(text, s.first, i));
        // The subject, without fillers: "basically the launch was delayed" -> "the launch".
        while first < i && is_filler(text.word(first)) {
            first += 1;
        }
        push(hits, FindingKind::PassiveVoice, first, j + 1);
    }
}

fn is_filler(w: &str) -> bool {
    matches!(
        w,
        "basically"
            | "honestly"
            | "then"
            | "also"
            | "eventually"
            | "afterwards"
            | "unfortunately"
            | "sadly"
            | "obviously"
            | "well"
            | "um"
            | "okay"
            | "anyway"
            | "so"
            | "and"
            | "but"
    )
}

/// Start of the subject phrase: the nearest clause joiner before `i`.
fn clause_start_before(text: &Text, sentence_start: usize, i: usize) -> usize {
    (sentence_start..i)
        .rev()
        .find(|&k| {
            matches!(
                text.word(k),
                "and" | "but" | "so" | "that" | "which" | "when" | "because"
            )
        })
        .map_or(sentence_start, |k| k + 1)
}

/// Blame that needs no context: "not my fault", "they should have caught it".
fn explicit_blame(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let lim = s.last;
    for i in s.first..lim {
        if text.tokens[i].quoted {
            continue;
        }
        let w = text.word(i);
        let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
        let span = match w {
            // "not my fault", "it was not my call to make", "not our responsibility".
            "fault" | "call" | "responsibility" | "job" | "problem" | "decision"
                if matches!(text.word(i.wrapping_sub(1)), "my" | "our") =>
            {
                let from = i.saturating_sub(4).max(s.first);
                (from..i)
                    .any(|k| matches!(text.word(k), "not" | "wasn't" | "isn't" | "no" | "never"))
                    .then_some((from, i + 1))
            }
            // "his responsibility, not mine": the duty handed to someone else.
            "mine" if text.word(i.wrapping_sub(1)) == "not" && i >= s.first + 3 => {
                Some((clause_start_before(text, s.first, i - 1), i + 1))
            }
            // "the testing gap was really their problem", "the prescriber's mistake".
            "problem" | "fault" | "mistake" | "responsibility" | "error"
                if i > s.first
                    && (matches!(text.word(i - 1), "their" | "his" | "her")
                        || (text.word(i - 1).ends_with("'s")
                            && text.word(i - 1) != "it's"
                            && text.word(i - 1) != "that's"))
                    && (s.first..i).any(|k| matches!(text.word(k), "was" | "is" | "were")) =>
            {
                Some((clause_start_before(text, s.first, i), i + 1))
            }
            // "due to the client's delays": someone else's delay as the cause.
            "due" | "because"
                if matches!(at(1), "to" | "of")
                    && (2..5).any(|k| at(k).ends_with("'s") && at(k) != "it's") =>
            {
                Some((i, (i + 5).min(lim)))
            }
            // "my manager forced us", "the product owner pushed us to ship".
            "forced" | "pushed" | "pressured" | "made"
                if matches!(at(1), "us" | "me")
                    && i > s.first
                    && !matches!(text.word(i - 1), "i" | "we")
                    && (w != "made" || at(2) == "ship") =>
            {
                Some((clause_start_before(text, s.first, i), (i + 3).min(lim)))
            }
            "set" if matches!(at(1), "me" | "us") && at(2) == "up" => {
                Some((clause_start_before(text, s.first, i), (i + 5).min(lim)))
            }
            // "anybody would have struggled": an excuse that nobody could have done better.
            "anybody" | "anyone" if at(1) == "would" && at(2) == "have" => {
                Some((i, (i + 4).min(lim)))
            }
            "unfair" if matches!(text.word(i.wrapping_sub(1)), "was" | "totally" | "really") => {
                Some((clause_start_before(text, s.first, i), i + 1))
            }
            "should" | "should've" if i > s.first => {
                let subject = (s.first..i)
                    .rev()
                    .map(|k| text.word(k))
                    .find(|w| {
                        !is_subject_adverb(w)
                            && !matches!(
                                *w,
                                "probably"
                                    | "really"
                                    | "definitely"
                                    | "maybe"
                                    | "honestly"
                                    | "clearly"
                                    | "obviously"
                            )
                    })
                    .unwrap_or("");
                let has = w == "should've" || at(1) == "have";
                let other = !matches!(subject, "i" | "we" | "you" | "i'd" | "i've");
                // "longer than they should have been" measures time, it accuses nobody.
                let comparison =
                    (i.saturating_sub(3).max(s.first)..i).any(|k| text.word(k) == "than");
                // "his dose should have been reduced": what should have happened, with
                // nobody named as the one who failed to do it.
                let passive = at(2) == "been"
                    && (at(3).ends_with("ed") || is_irregular_participle(at(3)))
                    && !matches!(at(4), "by");
                (has && other && !comparison && !passive)
                    .then(|| (clause_start_before(text, s.first, i), (i + 4).min(lim)))
            }
            "nobody" | "no" if w == "nobody" || at(1) == "one" => {
                let v = if w == "nobody" { 1 } else { 2 };
                // "nobody had trained them": the same omission in the pluperfect.
                // "nobody else touched it" and "nobody could say" name no one who
                // failed: the speaker alone did the work, or no one knew.
                let v = if at(v) == "had" { v + 1 } else { v };
                // "nobody could have seen it coming": the excuse that nobody could.
                let could_not_have = at(v) == "could" && at(v + 1) == "have";
                (could_not_have
                    || matches!(
                        at(v),
                        "listened"
                            | "gave"
                            | "told"
                            | "helped"
                            | "warned"
                            | "supported"
                            | "cared"
                            | "followed"
                            | "bothered"
                            | "noticed"
                            | "checked"
                            | "trained"
                            | "explained"
                            | "showed"
                    ))
                .then_some((i, (i + v + 2).min(lim)))
            }
            "out"
                if at(1) == "of"
                    && matches!(at(2), "my" | "our")
                    && matches!(at(3), "hands" | "control") =>
            {
                Some((i, i + 4))
            }
            "nothing" => {
                let could = (i + 1..(i + 5).min(lim)).find(|&k| text.word(k) == "could");
                could.map(|k| (i, (k + 3).min(lim)))
            }
            "did" if matches!(at(1), "my" | "our") && matches!(at(2), "part" | "job" | "bit") => {
                Some((i.saturating_sub(2).max(s.first), i + 3))
            }
            // "you cannot trust agencies", "don't trust other teams": a verdict on others.
            "trust"
                if i > s.first
                    && matches!(text.word(i - 1), "cannot" | "can't" | "don't" | "never") =>
            {
                let who = if i >= s.first + 2 {
                    text.word(i - 2)
                } else {
                    ""
                };
                matches!(who, "you" | "i" | "we" | "" | "learned" | "lesson" | "that")
                    .then_some((i - 1, (i + 3).min(lim)))
            }
            "drop" | "dropped" if at(1) == "the" && at(2) == "ball" => {
                Some((i.saturating_sub(2).max(s.first), i + 3))
            }
            "pulled" | "pull" if at(1) == "their" && at(2) == "weight" => {
                Some((i.saturating_sub(3).max(s.first), i + 3))
            }
            "better"
                if text.word(i.wrapping_sub(1)) == "a"
                    && matches!(
                        at(1),
                        "agency"
                            | "vendor"
                            | "manager"
                            | "team"
                            | "client"
                            | "partner"
                            | "boss"
                            | "supplier"
                    ) =>
            {
                Some((i.saturating_sub(2).max(s.first), i + 2))
            }
            "want" | "need"
                if at(1) == "a"
                    && matches!(at(2), "manager" | "boss" | "team" | "client")
                    && at(3) == "who" =>
            {
                Some((i, (i + 5).min(lim)))
            }
            "if" if matches!(at(1), "she" | "he" | "they" | "management" | "leadership")
                && at(2) == "had" =>
            {
                Some((i, (i + 5).min(lim)))
            }
            // "that was mostly down to the consultants".
            "down"
                if at(1) == "to"
                    && matches!(at(2), "the" | "their" | "his" | "her" | "our")
                    && matches!(
                        text.word(i.wrapping_sub(1)),
                        "was" | "mostly" | "all" | "entirely" | "largely" | "really" | "purely"
                    ) =>
            {
                Some((i.saturating_sub(2).max(s.first), (i + 4).min(lim)))
            }
            // "I would never hire that agency again": a verdict on someone else.
            "never"
                if matches!(at(1), "hire" | "use" | "trust" | "work")
                    && (i + 2..(i + 7).min(lim)).any(|k| text.word(k) == "again") =>
            {
                Some((i, (i + 5).min(lim)))
            }
            _ => None,
        };
        if let Some((first, last)) = span {
            push(hits, FindingKind::BlameShifting, first, last);
        }
    }
}

/// Third parties at fault ("the agency missed every deadline"): blame only when the
/// speaker owns nothing anywhere in the answer; otherwise it is plain narrative.
fn soft_blame(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let lim = s.last;
    let mut clause = s.first;
    for i in s.first..lim {
        let w = text.word(i);
        if i > s.first
            && (text.gap_after(i - 1).contains(',') || matches!(w, "and" | "but" | "because"))
        {
            clause = i;
        }
        if text.tokens[i].quoted || !is_fault_word(text, i, lim) {
            continue;
        }
        let subject = (clause..i).map(|k| text.word(k)).find(|w| {
            !matches!(
                *w,
                "and" | "but" | "so" | "then" | "honestly" | "also" | "because" | "to" | "be"
            )
        });
        if subject.is_some_and(|w| matches!(w, "i" | "we" | "i'm" | "we're" | "it" | "there"))
            || subject.is_none()
        {
            continue;
        }
        // The speaker or the team inside the clause, a negated outcome ("no order
        // missed since") or reported words ("she said your office messed up") are
        // not the speaker blaming someone.
        // A counted group ("27 new hires had missed") sizes the damage.
        let reporting = |w: &str| {
            matches!(
                w,
                "said" | "says" | "told" | "yelled" | "shouted" | "claimed" | "insisted"
            )
        };
        let own_or_reported = (clause..i)
            .any(|k| matches!(text.word(k), "no" | "lesson") || reporting(text.word(k)))
            || (i.saturating_sub(3).max(clause)..i)
                .any(|k| matches!(text.word(k), "i" | "we" | "we've" | "we'd" | "i've"))
            || (s.first..clause).any(|k| reporting(text.word(k)))
            || subject.is_some_and(|w| {
                w.starts_with(|c: char| c.is_ascii_digit())
                    || is_number_word(w)
                    || matches!(w, "nobody" | "none" | "nothing" | "no")
            });
        if own_or_reported || harmed_party_subject(text, clause, i) {
            continue;
        }
        // "was never sent", "should have been reduced", "were never told": the
        // subject underwent it, and who failed is not said.
        let passive = (i.saturating_sub(4).max(clause)..i)
            .any(|k| matches!(text.word(k), "was" | "were" | "been" | "wasn't" | "weren't"))
            && (text.word(i).ends_with("ed")
                || is_irregular_participle(text.word(i))
                || (i + 1 < lim
                    && (is_irregular_participle(at_word(text, i + 1))
                        || at_word(text, i + 1).ends_with("ed"))));
        if passive {
            continue;
        }
        push(hits, FindingKind::BlameShifting, clause, (i + 3).min(lim));
    }
}

fn at_word<'a>(text: &'a Text, k: usize) -> &'a str {
    if k < text.tokens.len() {
        text.word(k)
    } else {
        ""
    }
}

/// "A school group missed half their tour", "riders missed their connections":
/// the people the failure hit, not a party who failed.
fn harmed_party_subject(text: &Text, clause: usize, i: usize) -> bool {
    (clause..i).any(|k| {
        matches!(
            text.word(k),
            "riders"
                | "passengers"
                | "users"
                | "customers"
                | "guests"
                | "patients"
                | "students"
                | "families"
                | "group"
                | "visitors"
                | "members"
                | "shoppers"
                | "diners"
                | "buyers"
                | "viewers"
                | "readers"
                | "listeners"
                | "callers"
                | "applicants"
                | "seniors"
                | "kids"
                | "children"
        )
    })
}

fn is_fault_word(text: &Text, i: usize, lim: usize) -> bool {
    let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
    match text.word(i) {
        "missed" | "refused" | "misunderstood" | "forgot" | "ignored" | "botched" | "messed" => {
            true
        }
        "never" => matches!(
            at(1),
            "showed"
                | "fixed"
                | "sent"
                | "told"
                | "delivered"
                | "answered"
                | "replied"
                | "listened"
                | "bothered"
                | "followed"
                | "checked"
                | "responded"
        ),
        // "kept adding requirements", "kept missing handoffs"; "users kept
        // downloading the old version" is what the failure caused (see
        // `harmed_party_subject`).
        "kept" => at(1).len() > 4 && at(1).ends_with("ing"),
        "didn't" | "not" if text.word(i.wrapping_sub(1)) != "i" => {
            (text.word(i) == "didn't" || text.word(i.wrapping_sub(1)) == "did")
                && matches!(
                    at(1),
                    "follow"
                        | "check"
                        | "tell"
                        | "send"
                        | "deliver"
                        | "listen"
                        | "bother"
                        | "test"
                        | "read"
                        | "respond"
                        | "show"
                        | "warn"
                )
        }
        "changed" => at(1) == "the" && matches!(at(2), "scope" | "requirements" | "brief" | "plan"),
        "sent" | "gave" | "delivered" => {
            matches!(at(1), "us" | "me") && at(2) == "the" && at(3) == "wrong"
        }
        "slow" => matches!(
            text.word(i.wrapping_sub(1)),
            "was" | "were" | "too" | "so" | "always" | "really" | "very"
        ),
        // "the pharmacy sent up the wrong strength", "got the forecast completely wrong".
        // "the patient did not take the wrong one", "nobody made a wrong batch":
        // the good outcome.
        "wrong" => {
            (i.saturating_sub(5)..i).any(|k| {
                matches!(
                    text.word(k),
                    "sent"
                        | "gave"
                        | "made"
                        | "got"
                        | "faxed"
                        | "delivered"
                        | "shipped"
                        | "printed"
                )
            }) && !(i.saturating_sub(5)..i)
                .any(|k| matches!(text.word(k), "not" | "didn't" | "never" | "nobody"))
        }
        "showed" | "show" => at(1) == "up" && matches!(at(2), "late" | "" | "drunk"),
        "called" => at(1) == "in" && at(2) == "sick",
        "lets" | "let" => matches!(at(1), "you" | "us" | "me") && at(2) == "down",
        "understood" => text.word(i.wrapping_sub(1)) == "really" || at(1) == "nothing",
        "junk" | "struggling" | "unrealistic" | "impossible" | "useless" | "incompetent" => true,
        "terrible" | "awful" => {
            text.word(i.wrapping_sub(1)) == "was" || text.word(i.wrapping_sub(1)) == "just"
        }
        "did" => at(1) == "zero" || at(1) == "nothing",
        "without" => at(1) == "listening" || at(1) == "asking",
        _ => false,
    }
}

/// The speaker as the agent of a past decision, mistake or recovery step.
/// `present_story`: the answer tells its story in the present tense (no "I" +
/// past action anywhere), as learner English often does.
fn ownership(text: &Text, s: &Sentence, part: StarPart, present_story: bool) -> Option<Hit> {
    let situation = matches!(part, StarPart::Situation | StarPart::Task);
    let lim = s.last;
    // "I learned that ...", "The lesson I took ...": reflection, not an act, unless
    // it names what the speaker should have done.
    let reflection = super::structure::is_reflection(text, s);
    // "I held everyone to the plan as best I could": effort claimed, nothing owned.
    let defends = (s.first + 1..lim).any(|i| {
        text.word(i) == "best" && matches!(text.word(i - 1), "as" | "my")
            || text.word(i) == "everything"
                && text.word(i + 1) == "i"
                && text.word(i + 2) == "could"
    });
    if defends || claims_effort(text, s.first, lim) {
        return None;
    }
    // Learner English tells the story in the present: "I change the recipe and I
    // make a mistake in the calculation", "I tell my manager the same day".
    let narrated = present_story
        && matches!(part, StarPart::Action | StarPart::Result)
        && super::structure::narrates_present_action(text, s);
    if owns_by_naming(text, s.first, lim) || narrated {
        return Some(Hit {
            kind: FindingKind::Ownership,
            first: s.first,
            last: s.last,
            agent: None,
        });
    }
    let mut subject_seen = false;
    for i in s.first..lim {
        let w = text.word(i);
        if text.tokens[i].quoted {
            continue;
        }
        let owns = if reflection {
            w == "i"
                && (text.word(i + 1) == "should've"
                    || text.matches_at(i + 1, lim, &["should", "have"]))
        } else if w == "i" {
            subject_seen = true;
            // "... after I presented those numbers", "... before I caught it": a time
            // clause dates the main event, which is someone else's.
            let subordinate = i > s.first
                && matches!(
                    text.word(i - 1),
                    "after" | "before" | "until" | "once" | "when" | "while"
                )
                && !text.gap_after(i.saturating_sub(2)).contains(',');
            let relative = i > s.first && (is_relative_head(text.word(i - 1)) || subordinate);
            !relative && owned_action_after(text, i + 1, lim, situation)
        } else if w == "and" && subject_seen {
            // "I ran a study and recruited only existing customers"; not "... has been
            // powered and tested", a passive pair.
            let verb = text.word(i + 1);
            let passive_pair = i > s.first + 1
                && matches!(
                    text.word(i - 2),
                    "been" | "was" | "were" | "be" | "is" | "are"
                );
            i + 1 < lim && is_past_action(verb) && !is_role_verb(verb) && !passive_pair
        } else {
            text.word(i) == "my"
                && matches!(
                    text.word(i + 1),
                    "mistake"
                        | "call"
                        | "error"
                        | "decision"
                        | "oversight"
                        | "misjudgment"
                        | "misjudgement"
                )
                && i + 1 < lim
                && !(i.saturating_sub(3)..i)
                    .any(|k| matches!(text.word(k), "not" | "wasn't" | "isn't"))
        };
        if owns {
            return Some(Hit {
                kind: FindingKind::Ownership,
                first: s.first,
                last: s.last,
                agent: None,
            });
        }
    }
    None
}

/// The fault traced to the speaker without "I" as its subject: "the shortcut came
/// from me", "the wrong assumption belonged to me", "the miss sat squarely with
/// me", "that outcome traces back to my staffing choices", "the person who ran it
/// was me".
fn traced_to_me(text: &Text, first: usize, lim: usize) -> bool {
    (first + 1..lim).any(|i| {
        let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
        let traced = match text.word(i) {
            "came" | "comes" => at(1) == "from" && at(2) == "me",
            "belonged" | "belongs" => at(1) == "to" && at(2) == "me",
            "traces" | "traced" => at(1) == "back" && at(2) == "to" && matches!(at(3), "my" | "me"),
            "sat" | "sits" | "rests" | "rested" | "lay" | "lies" => {
                let from = usize::from(at(1) == "squarely");
                at(1 + from) == "with" && at(2 + from) == "me"
            }
            // "the facilitator was me": "me" closing the clause.
            "was" => {
                at(1) == "me"
                    && (i + 2 == lim || text.gap_after(i + 1).contains([',', '.', ';']))
                    && i > first + 1
            }
            _ => false,
        };
        traced
            && !text.tokens[i].quoted
            && !(i.saturating_sub(2).max(first)..i)
                .any(|k| matches!(text.word(k), "not" | "never" | "wasn't" | "isn't"))
    })
}

/// Effort or pride dressed as ownership: "I still worked really hard", "I made more
/// calls than anyone", "I filled it exactly as written", "I should have hired better
/// people" (the fault still lies with others).
fn claims_effort(text: &Text, first: usize, lim: usize) -> bool {
    (first..lim).any(|i| {
        let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
        match text.word(i) {
            "worked" => matches!(at(1), "hard" | "really" | "so" | "very" | "nonstop"),
            "than" => {
                matches!(at(1), "anyone" | "anybody" | "everyone")
                    || (at(1) == "any" && at(2) == "other")
            }
            "as" => at(1) == "written" || at(1) == "instructed",
            "supposed" => at(1) == "to" && i > first && text.word(i - 1) == "are",
            "hired" => at(1) == "better",
            _ => false,
        }
    })
}

/// Ownership said by naming it rather than by an "I + verb" shape: "That decision
/// was mine", "That one was on me", "checking my inputs was my job".
pub(crate) fn owns_by_naming(text: &Text, first: usize, lim: usize) -> bool {
    traced_to_me(text, first, lim)
        || (first + 1..lim).any(|i| {
            if !matches!(text.word(i), "was" | "is" | "on") {
                return false;
            }
            let at = |k: usize| if i + k < lim { text.word(i + k) } else { "" };
            let negated = matches!(text.word(i - 1), "not" | "wasn't" | "isn't")
                || matches!(at(1), "not" | "never");
            // "was completely my responsibility", "was entirely on me".
            let adverb = usize::from(matches!(
                at(1),
                "completely" | "entirely" | "all" | "totally" | "fully" | "clearly" | "squarely"
            ));
            let (owner, what) = (at(1 + adverb), at(2 + adverb));
            let names = match text.word(i) {
                "was" | "is" if owner == "mine" || owner == "on" => {
                    owner == "mine" || (owner == "on" && what == "me")
                }
                // Past only: "it is my responsibility" states a role, not an act.
                "was" => {
                    owner == "my"
                        && matches!(
                            what,
                            "job"
                                | "responsibility"
                                | "call"
                                | "step"
                                | "fault"
                                | "mistake"
                                | "miss"
                                | "doing"
                                | "choice"
                                | "work"
                                | "shortcut"
                                | "decision"
                                | "error"
                                | "oversight"
                                | "slip"
                                | "change"
                                | "misunderstanding"
                                | "assignment"
                                | "omission"
                                | "idea"
                                | "plan"
                        )
                }
                // "a failure on my part".
                "on" => at(1) == "my" && at(2) == "part",
                _ => false,
            };
            names && !negated && !text.tokens[i].quoted
        })
}

fn owned_action_after(text: &Text, mut j: usize, lim: usize, situation: bool) -> bool {
    while j < lim && is_subject_adverb(text.word(j)) {
        j += 1;
    }
    if j >= lim {
        return false;
    }
    let verb = text.word(j);
    let after = if j + 1 < lim { text.word(j + 1) } else { "" };
    match verb {
        "didn't" => true,
        // "I did it anyway", "I did that without asking".
        "did" => matches!(after, "not" | "it" | "that" | "this"),
        // "I never went back", "I never checked".
        "never" => is_past_action(after),
        // "I have posted the rent accrual twice" (the learner's present perfect).
        "have" | "'ve" => is_past_action(after) && !(situation && is_role_verb(after)),
        // "I said yes": the decision, in two words.
        "said" => matches!(after, "yes" | "no"),
        "should" => after == "have",
        "should've" => true,
        "had" => {
            let part = if j + 1 < lim { text.word(j + 1) } else { "" };
            is_past_action(part)
                || (matches!(part, "our" | "my" | "the")
                    && j + 2 < lim
                    && matches!(text.word(j + 2), "team" | "staff" | "group"))
        }
        "take" | "takes" => matches!(after, "responsibility" | "ownership" | "full"),
        _ => is_past_action(verb) && !(situation && is_role_verb(verb)) && !defensive(text, j, lim),
    }
}

/// Nouns that make the following "I ..." a relative clause ("the change I ran lifted ...").
fn is_relative_head(w: &str) -> bool {
    matches!(
        w,
        "what"
            | "which"
            | "whom"
            | "lesson"
            | "takeaway"
            | "thing"
            | "things"
            | "way"
            | "change"
            | "everything"
            | "something"
            | "one"
    )
}

/// "I tried my best", "I did everything I could": effort claimed, nothing owned.
fn defensive(text: &Text, verb: usize, lim: usize) -> bool {
    let after = if verb + 1 < lim {
        text.word(verb + 1)
    } else {
        ""
    };
    text.word(verb) == "tried"
        || (text.word(verb) == "did" && matches!(after, "my" | "everything" | "what" | "all"))
}

/// A repeatable process change: a mechanism (checklist, gate, policy...) together with
/// a marker that it now always applies (every, now, mandatory, requires...), or a
/// clause that builds a standing artefact ("I wrote a four-part rubric", "our center
/// added a read-back line to the address script") or makes a tool enforce the step
/// ("the map now flags any street name..."). Evidence of use ("we have run 60
/// specials with a card") and consequences that only mention a review are not fixes.
fn is_systemic(text: &Text, s: &Sentence) -> bool {
    if super::clause::comma_clauses(text, s).any(|(first, last)| {
        evidence_of_use(text, first, last).is_none()
            && (builds_artefact(text, first, last) || tool_enforces(text, first, last))
    }) {
        return true;
    }
    // What follows "we have run 60 specials" is the fix in use; what precedes
    // ", which has run for 14 months" is the fix itself.
    let evidence = evidence_of_use(text, s.first, s.last).unwrap_or(s.last);
    let mechanisms: Vec<usize> = (s.first..evidence)
        .filter(|&i| is_mechanism(text, i) && !is_mention_only(text, i))
        .collect();
    if mechanisms.is_empty() {
        return false;
    }
    let manual_only = (s.first..s.last).any(|i| matches!(text.word(i), "myself" | "manually"))
        && !(s.first..s.last)
            .any(|i| matches!(text.word(i), "checklist" | "template" | "policy" | "rule"));
    if manual_only {
        return false;
    }
    // The marker is another word than the mechanism: "policy" alone ("the clinic
    // reviewed its policy") is a consequence, not a change.
    (s.first..s.last).any(|i| {
        let nearest = mechanisms.partition_point(|&m| m + SYSTEMIC_WINDOW < i);
        is_repeat_marker(text, i, s.last)
            && mechanisms[nearest..]
                .iter()
                .take_while(|&&m| m <= i + SYSTEMIC_WINDOW)
                .any(|&m| m != i)
    })
}

/// Standing artefacts that carry a process by themselves once they exist.
fn is_artefact(text: &Text, i: usize) -> bool {
    match text.word(i) {
        "rubric" | "rubrics" | "checklist" | "checklists" | "template" | "templates"
        | "glossary" | "glossaries" | "script" | "scripts" | "read-back" | "readback"
        | "runbook" | "playbook" | "protocol" | "protocols" | "sign-off" | "signoff"
        | "tracker" | "checkpoint" | "checkpoints" | "huddle" | "huddles" | "cheat" | "guide"
        | "tag" | "tags" | "alarm" | "alarms" | "reminder" | "reminders" | "validation"
        | "lock" | "gate" | "rule" | "rules" | "form" | "field" | "column" | "alert" | "alerts"
        | "system" | "debrief" | "log" | "labeling" | "labelling" => true,
        // "a totals check", "a read back line".
        "check" | "line" | "step" | "sheet" => matches!(
            text.word(i.wrapping_sub(1)),
            "totals"
                | "total"
                | "back"
                | "sign-off"
                | "signoff"
                | "second"
                | "read-back"
                | "confirmation"
                | "a"
                | "an"
                | "one"
                | "new"
        ),
        _ => false,
    }
}

/// "I wrote a four-part rubric", "our center added a read-back line to the script",
/// "I set the template to pull the file by name": someone on the speaker's side
/// puts an artefact in place.
fn builds_artefact(text: &Text, first: usize, last: usize) -> bool {
    let install = (first..last).find(|&k| {
        matches!(
            text.word(k),
            "wrote"
                | "added"
                | "created"
                | "built"
                | "introduced"
                | "designed"
                | "drafted"
                | "made"
                | "put"
                | "set"
                | "rewrote"
                | "adopted"
                | "developed"
                | "started"
                | "proposed"
                | "instituted"
        )
    });
    let Some(k) = install else {
        return false;
    };
    let ours = (first..k).any(|j| {
        matches!(
            text.word(j),
            "i" | "we" | "our" | "my" | "team" | "center" | "unit" | "firm" | "store" | "clinic"
        )
    });
    // "two other clinics adopted the template" is the fix spreading, not the fix.
    let others = (first..k).any(|j| {
        matches!(text.word(j), "other" | "others")
            || text.tokens[j].number
            || is_number_word(text.word(j))
    });
    ours && !others && (k + 1..last.min(k + 9)).any(|j| is_artefact(text, j))
}

/// "the map now flags any street name...", "the screen now stays locked until...",
/// "a second nurse now verifies every dose": the step enforced from now on, by a
/// tool or a second person (the speaker alone checking harder is a manual fix).
fn tool_enforces(text: &Text, first: usize, last: usize) -> bool {
    let manual = (first..last).any(|k| matches!(text.word(k), "myself" | "manually"));
    !manual
        && (first..last).any(|k| {
            text.word(k) == "now"
                && k > first
                && !matches!(text.word(k - 1), "i" | "i'm")
                && matches!(
                    text.word(k + 1),
                    "checks" | "verifies" | "reviews" | "signs" | "approves" | "confirms"
                )
                && k + 1 < last
        })
        || (first..last).any(|k| {
            text.word(k) == "now"
                && matches!(
                    text.word(k + 1),
                    "flags"
                        | "blocks"
                        | "locks"
                        | "requires"
                        | "refuses"
                        | "rejects"
                        | "warns"
                        | "alerts"
                        | "stays"
                        | "pulls"
                        | "prompts"
                        | "stops"
                        | "highlights"
                )
                && k + 1 < last
        })
}

/// "We have run over 60 specials since then with a card for every one", "I have flown
/// about 300 legs with the card": the fix already in place, counted in use.
fn evidence_of_use(text: &Text, first: usize, last: usize) -> Option<usize> {
    (first..last).find(|&k| {
        matches!(text.word(k), "have" | "has" | "'ve")
            && k + 1 < last
            && is_perfect_participle(text.word(k + 1))
            && (k + 2..last.min(k + 5))
                .any(|j| text.tokens[j].number || is_number_word(text.word(j)))
    })
}

/// The participle of a present perfect ("have run", "has flown", "have filed").
fn is_perfect_participle(w: &str) -> bool {
    is_past_action(w)
        || is_irregular_participle(w)
        || matches!(
            w,
            "run" | "had" | "flown" | "gone" | "done" | "seen" | "driven" | "ridden" | "grown"
        )
}

/// "review" in "every user who had left a review" names a thing, not a step.
fn is_mention_only(text: &Text, i: usize) -> bool {
    matches!(text.word(i), "review" | "reviews")
        && matches!(text.word(i.wrapping_sub(1)), "a" | "an")
        && matches!(
            text.word(i.wrapping_sub(2)),
            "left" | "wrote" | "posted" | "bad" | "good"
        )
}

fn is_mechanism(text: &Text, i: usize) -> bool {
    let w = text.word(i);
    match w {
        _ if text.class(i) & MECHANISM != 0 => {
            // "run" only as a noun phrase ("a parallel run"), "test" only as a noun.
            match w {
                "run" => text.word(i.wrapping_sub(1)) == "parallel",
                "test" | "tests" => matches!(
                    text.word(i.wrapping_sub(1)),
                    "a" | "an"
                        | "the"
                        | "that"
                        | "this"
                        | "our"
                        | "field"
                        | "holdout"
                        | "b"
                        | "usability"
                        | "load"
                        | "regression"
                        | "smoke"
                        | "beta"
                        | "automated"
                        | "automatic"
                        | "acceptance"
                        | "user"
                        | "pilot"
                        | "live"
                        | "short"
                ),
                // "signs off", "signs it", "the driver signs the sheet".
                "sign" | "signs" => {
                    matches!(text.word(i + 1), "off" | "it" | "the" | "each" | "every")
                        || matches!(text.word(i.wrapping_sub(1)), "must" | "to" | "both")
                }
                _ => true,
            }
        }
        // "the weekly meeting", "a handover note": a standing slot for the step.
        "meeting" | "meetings" | "note" | "notes" => matches!(
            text.word(i.wrapping_sub(1)),
            "weekly"
                | "daily"
                | "monthly"
                | "handover"
                | "handoff"
                | "release"
                | "change"
                | "short"
        ),
        "check" => matches!(
            text.word(i.wrapping_sub(1)),
            "a" | "that"
                | "weekly"
                | "daily"
                | "monthly"
                | "fact"
                | "usability"
                | "quality"
                | "safety"
                | "name"
                | "weather"
                | "second"
                | "this"
                | "mandatory"
                | "required"
                | "totals"
                | "total"
                | "balance"
                | "sanity"
                | "reconciliation"
                | "spot"
                | "peer"
                | "preflight"
                | "pre-flight"
        ),
        _ => false,
    }
}

fn is_repeat_marker(text: &Text, i: usize, lim: usize) -> bool {
    if text.class(i) & REPEAT_MARKER != 0 {
        return true;
    }
    match text.word(i) {
        "set" => i + 1 < lim && text.word(i + 1) == "up",
        "will" => i + 1 < lim && text.word(i + 1) == "not",
        _ => false,
    }
}
