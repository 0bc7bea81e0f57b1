//! Blame judged per clause: a third party or a circumstance as the agent of the
//! failure, or an excuse, whatever else the answer owns.
//!
//! A sentence is cut into clauses at commas, semicolons and joiners ("and",
//! "but", "because", "which", "who"...). A clause is blame when its subject is
//! someone other than the speaker (a party noun phrase: "the agency", "my
//! director", "marketing", "they", or "who" after such a noun) and its predicate
//! says that party failed: a duty negated ("never sent", "was not ready"), done
//! wrong ("loaded the wrong meal count"), done without asking or telling, done
//! halfway ("only sent an email"), changed under the speaker's feet ("changed the
//! plan halfway through"). Excuses need no party: "due to the weather", "the real
//! problem was the catering company". The speaker's own clauses, counted
//! subjects, conditionals and quoted or reported words are never blame.

use super::detect::Hit;
use super::lexicon::{is_duty, is_number_word, is_party, is_past_action};
use super::text::{Sentence, Text};
use super::FindingKind;

/// Longest subject noun phrase looked at ("the data engineering team").
const MAX_SUBJECT: usize = 6;

/// Words that join clauses; a clause starts at one of them.
fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "because"
            | "which"
            | "who"
            | "since"
            | "while"
            | "although"
            | "though"
            | "whereas"
            | "then"
    )
}

/// Clause boundaries inside a sentence, as token ranges `[first, last)`.
pub(crate) fn clauses<'t>(
    text: &'t Text<'_>,
    s: &Sentence,
) -> impl Iterator<Item = (usize, usize)> + 't {
    let (first, last) = (s.first, s.last);
    let mut start = first;
    let mut i = first;
    std::iter::from_fn(move || {
        if start >= last {
            return None;
        }
        i = i.max(start + 1);
        while i < last {
            let cut = text.gap_after(i - 1).contains([',', ';', ':', '(', ')'])
                || is_joiner(text.word(i));
            if cut {
                break;
            }
            i += 1;
        }
        let clause = (start, i);
        start = i;
        Some(clause)
    })
}

/// Opening words that are not the subject.
fn is_opener(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "because"
            | "since"
            | "while"
            | "although"
            | "though"
            | "whereas"
            | "then"
            | "honestly"
            | "also"
            | "well"
            | "um"
            | "uh"
            | "yeah"
            | "okay"
            | "basically"
            | "plus"
            | "and then"
            | "that"
            | "of"
            | "course"
    )
}

/// Tokens that end the subject and start the predicate.
fn starts_predicate(text: &Text, k: usize) -> bool {
    let w = text.word(k);
    is_past_action(w)
        || matches!(
            w,
            "was"
                | "were"
                | "had"
                | "did"
                | "didn't"
                | "never"
                | "kept"
                | "just"
                | "only"
                | "still"
                | "always"
                | "hadn't"
                | "wasn't"
                | "weren't"
                | "couldn't"
                | "wouldn't"
                | "could"
                | "would"
                | "failed"
                | "refused"
                | "forgot"
                | "really"
                | "simply"
                | "completely"
                | "totally"
                | "not"
                | "mostly"
        )
}

/// The subject of clause `[first, last)` when it is someone other than the
/// speaker: `(subject start, predicate start)`.
fn party_subject(text: &Text, first: usize, last: usize) -> Option<(usize, usize)> {
    let mut a = first;
    while a < last && is_opener(text.word(a)) {
        a += 1;
    }
    if a >= last {
        return None;
    }
    // "temps who had no idea": "who" stands for the noun before it.
    if text.word(a) == "who" {
        let antecedent = text.word(a.wrapping_sub(1));
        let other =
            a > 0 && !matches!(antecedent, "i" | "me" | "us" | "we" | "myself" | "everyone");
        return other.then_some((a, a + 1));
    }
    // "On the night the catering truck loaded...": the subject follows the opening phrase.
    let opening_phrase = matches!(
        text.word(a),
        "on" | "in" | "at" | "during" | "after" | "before" | "for" | "with" | "from" | "by"
    );
    let reach = if opening_phrase {
        2 * MAX_SUBJECT
    } else {
        MAX_SUBJECT
    };
    let v = (a + 1..(a + reach + 1).min(last)).find(|&k| starts_predicate(text, k))?;
    if opening_phrase {
        a = (a + 1..v).rev().find(|&k| {
            matches!(
                text.word(k),
                "the" | "a" | "an" | "our" | "my" | "his" | "her" | "their" | "this" | "that"
            )
        })?;
    }
    let subject = a..v;
    let mut party = false;
    for k in subject.clone() {
        let w = text.word(k);
        if text.tokens[k].quoted
            || text.tokens[k].number
            || is_number_word(w)
            || matches!(
                w,
                "i" | "we"
                    | "me"
                    | "us"
                    | "it"
                    | "there"
                    | "if"
                    | "unless"
                    | "when"
                    | "until"
                    | "whether"
                    | "no"
                    | "none"
                    | "nobody"
                    | "everyone"
                    | "you"
            )
        {
            return None;
        }
        // The speaker's own group ("our team", "my crew") shares the failure.
        let own_group = matches!(
            w,
            "team" | "crew" | "staff" | "group" | "unit" | "shift" | "squad" | "department"
        ) && (a..k).any(|j| matches!(text.word(j), "my" | "our"));
        if own_group {
            return None;
        }
        party |=
            is_party(w) || is_handed_over(w) || (w.ends_with("'s") && w != "it's" && w != "that's");
    }
    party.then_some((a, v))
}

/// Where in `[v, last)` the predicate says the party failed, if it does.
fn failure_at(text: &Text, v: usize, last: usize) -> Option<usize> {
    let at = |k: usize| if k < last { text.word(k) } else { "" };
    let has = |words: &[&str]| (v..last).any(|k| words.contains(&text.word(k)));
    for k in v..last {
        let w = text.word(k);
        let found = match w {
            // A duty negated: "never sent", "didn't really check", "was not ready".
            "didn't" | "never" | "hadn't" | "wasn't" | "weren't" | "couldn't" | "wouldn't"
            | "not" | "failed" | "refused" | "forgot" | "neglected" => {
                let mut j = k + 1;
                while j < last
                    && matches!(
                        at(j),
                        "to" | "really"
                            | "even"
                            | "ever"
                            | "actually"
                            | "properly"
                            | "fully"
                            | "bother"
                            | "once"
                            | "just"
                    )
                {
                    j += 1;
                }
                let negation = w != "not"
                    || matches!(
                        at(k.wrapping_sub(1)),
                        "did" | "was" | "were" | "had" | "just"
                    );
                negation && j < last && is_duty(at(j))
            }
            // "had no idea how to use a scanner", "gave us no warning".
            "no" => matches!(
                at(k + 1),
                "idea" | "clue" | "training" | "warning" | "notice"
            ),
            // "loaded the wrong meal count": the party handed over the wrong thing
            // ("received the wrong item" is what happened to them).
            "wrong" => (v..k).any(|j| {
                matches!(
                    text.word(j),
                    "sent"
                        | "gave"
                        | "made"
                        | "loaded"
                        | "shipped"
                        | "printed"
                        | "faxed"
                        | "delivered"
                        | "booked"
                        | "ordered"
                        | "entered"
                        | "labeled"
                        | "labelled"
                        | "packed"
                        | "picked"
                        | "installed"
                        | "used"
                        | "wrote"
                        | "quoted"
                        | "told"
                        | "mixed"
                        | "put"
                )
            }),
            // "changed a table without telling anyone".
            "without" => at(k + 1).ends_with("ing"),
            // "only sent an email": a duty done halfway.
            "only" => is_duty(at(k + 1)) && is_past_action(at(k + 1)),
            // "kept sending me garbage leads".
            "kept" => at(k + 1).len() > 4 && at(k + 1).ends_with("ing"),
            // "changed the commission plan halfway through", "was changing the colors every week".
            "changed" | "changing" | "switched" | "cancelled" | "canceled" => has(&[
                "halfway",
                "midway",
                "every",
                "again",
                "constantly",
                "overnight",
                "last-minute",
                "twice",
                "without",
            ]),
            // "gave my two best accounts to a new hire": what was the speaker's, taken away.
            "gave" | "took" | "moved" | "reassigned" => matches!(at(k + 1), "my" | "our"),
            // "a smaller bus than we booked": not what was ordered.
            "than" => {
                matches!(at(k + 1), "we" | "i")
                    && matches!(
                        at(k + 2),
                        "booked" | "ordered" | "asked" | "agreed" | "requested" | "paid"
                    )
            }
            "late" => k > v && is_past_action(at(k - 1)),
            // "the scheduling tool crashed and lost the rota": a tool as the agent.
            "crashed" | "froze" | "glitched" | "corrupted" | "deleted" | "overwrote"
            | "malfunctioned" => true,
            // "the intern made an error"; "the client found an error" is the discovery.
            "mistake" | "mistakes" | "error" | "errors" | "bug" | "bugs" | "typo" => {
                (v..k).any(|j| matches!(text.word(j), "made" | "introduced" | "left" | "caused"))
            }
            // "he was supposed to check it".
            "supposed" => at(k + 1) == "to" && matches!(at(k.wrapping_sub(1)), "was" | "were"),
            // "the instructions were unclear", "the deadline was unrealistic".
            "unclear" | "vague" | "confusing" | "incomplete" | "outdated" | "misleading"
            | "unrealistic" | "impossible" | "inadequate" | "insufficient" | "broken" => {
                (v..k).any(|j| matches!(text.word(j), "was" | "were"))
            }
            "messed" | "screwed" | "botched" | "ignored" | "misread" | "mislabeled" => true,
            // A tool as the agent: "the update wiped the settings", "the system went down".
            "wiped" | "erased" | "reset" | "rounded" | "duplicated" | "double-charged" | "died"
            | "broke" | "lost" | "dropped" => is_tool_subject(text, v),
            "went" => at(k + 1) == "down" && is_tool_subject(text, v),
            "stopped" => at(k + 1) == "working",
            // "she lied about her allergies".
            "lied" => true,
            _ => false,
        };
        if found && !text.tokens[k].quoted {
            return Some(k);
        }
    }
    None
}

/// Is the subject ending before `v` a tool or system rather than a person?
fn is_tool_subject(text: &Text, v: usize) -> bool {
    matches!(
        text.word(v.wrapping_sub(1)),
        "software"
            | "system"
            | "tool"
            | "app"
            | "platform"
            | "server"
            | "database"
            | "spreadsheet"
            | "scanner"
            | "website"
            | "network"
            | "equipment"
            | "update"
            | "script"
            | "printer"
            | "machine"
            | "computer"
            | "excel"
            | "laptop"
            | "pump"
    )
}

/// What reached the speaker from someone else: it can arrive late, be unclear or
/// break ("the instructions were unclear", "the shipment arrived late").
fn is_handed_over(w: &str) -> bool {
    matches!(
        w,
        "instructions"
            | "brief"
            | "specs"
            | "spec"
            | "requirements"
            | "documentation"
            | "handoff"
            | "guidelines"
            | "deadline"
            | "timeline"
            | "shipment"
            | "delivery"
            | "parts"
            | "server"
            | "database"
            | "spreadsheet"
            | "scanner"
            | "website"
            | "network"
            | "equipment"
    )
}

/// Outside events offered as a cause.
fn is_circumstance(w: &str) -> bool {
    matches!(
        w,
        "weather"
            | "storm"
            | "snow"
            | "rain"
            | "traffic"
            | "flu"
            | "strike"
            | "shortage"
            | "shortages"
            | "delays"
            | "cuts"
            | "politics"
            | "economy"
            | "market"
            | "holidays"
            | "pandemic"
    )
}

/// An excuse with no party needed: "due to the weather", "because of the storm",
/// "the real problem was the catering company", "the late list was the real reason".
fn excuse(text: &Text, first: usize, last: usize) -> Option<(usize, usize)> {
    let own = |from: usize, to: usize| {
        (from..to.min(last)).any(|k| {
            matches!(
                text.word(k),
                "i" | "me" | "my" | "we" | "our" | "us" | "myself" | "mine"
            )
        })
    };
    for k in first..last {
        if text.tokens[k].quoted {
            continue;
        }
        let w = text.word(k);
        let next = text.word(k + 1);
        let cause = (w == "due" && next == "to") || (w == "because" && next == "of");
        if cause && k + 2 < last {
            // The cause named is someone else or an outside circumstance, not the
            // speaker's own work ("due to the rework I ordered").
            let object = (k + 2)..(k + 6).min(last);
            let outside = object.clone().any(|j| {
                let o = text.word(j);
                matches!(o, "them" | "him" | "her")
                    || is_party(o)
                    || (o.ends_with("'s") && o != "it's" && o != "that's")
                    || is_circumstance(o)
            });
            if outside && !own(k + 2, k + 7) {
                return Some((k, (k + 6).min(last)));
            }
        }
        // "it was mostly the vendor", "the problem was really their QA".
        let mostly = w == "was"
            && matches!(next, "mostly" | "largely" | "mainly" | "really" | "partly")
            && matches!(text.word(k + 2), "the" | "their" | "his" | "her")
            && (k + 3..(k + 6).min(last)).any(|j| is_party(text.word(j)));
        if mostly && !own(first, last) {
            return Some((first, last));
        }
        // "I was never told about the change", "we weren't trained on the new system":
        // someone else's omission, told in the passive.
        let left_out = matches!(text.word(k.wrapping_sub(1)), "i" | "we")
            && k > first
            && (matches!(w, "wasn't" | "weren't")
                || (matches!(w, "was" | "were") && matches!(next, "never" | "not")))
            && {
                let p = if matches!(w, "wasn't" | "weren't") {
                    k + 1
                } else {
                    k + 2
                };
                let p = if text.word(p) == "ever" || text.word(p) == "properly" {
                    p + 1
                } else {
                    p
                };
                matches!(
                    text.word(p),
                    "told"
                        | "trained"
                        | "given"
                        | "informed"
                        | "warned"
                        | "shown"
                        | "notified"
                        | "consulted"
                        | "asked"
                        | "taught"
                )
            };
        if left_out {
            return Some((k - 1, (k + 4).min(last)));
        }
        // "there wasn't enough time", "we were short-staffed": conditions as the cause.
        let short = (w == "enough"
            && matches!(
                text.word(k.wrapping_sub(1)),
                "not" | "wasn't" | "weren't" | "enough"
            ))
            || matches!(w, "short-staffed" | "understaffed" | "underfunded")
            || (w == "too" && matches!(next, "tight" | "short") && k > first);
        if short && !matches!(text.word(first), "i" | "i'm") {
            return Some((first, last.min(k + 4)));
        }
        let real = w == "real"
            && matches!(next, "problem" | "reason" | "issue" | "cause" | "culprit")
            && text.word(k.wrapping_sub(1)) == "the";
        if real && !own(first, last) {
            return Some((first, last));
        }
    }
    None
}

/// The span runs to the end of the clause, or a few words past the fault in a long one.
fn clause_end(fault: usize, last: usize) -> usize {
    if last - fault <= 8 {
        last
    } else {
        fault + 4
    }
}

/// Who a blame span starting at `first` names as its subject, when it names a
/// party ("our manager forced us" -> "our manager").
pub(crate) fn agent_of(text: &Text, first: usize, last: usize) -> Option<(usize, usize)> {
    party_subject(text, first, last).filter(|&(a, _)| text.word(a) != "who")
}

/// The speaker takes the fault in the sentence ("..., and I didn't catch it"), so a
/// third party's part in it is the story, not an excuse.
fn speaker_takes_fault(text: &Text, s: &Sentence) -> bool {
    (s.first..s.last).any(|i| {
        let w = text.word(i);
        if matches!(w, "i" | "we") && !text.tokens[i].quoted {
            let mut j = i + 1;
            while j < s.last && super::lexicon::is_subject_adverb(text.word(j)) {
                j += 1;
            }
            return matches!(
                text.word(j),
                "didn't"
                    | "never"
                    | "hadn't"
                    | "should"
                    | "should've"
                    | "forgot"
                    | "missed"
                    | "skipped"
                    | "failed"
                    | "assumed"
                    | "overlooked"
                    | "wasn't"
            ) || (text.word(j) == "did" && text.word(j + 1) == "not");
        }
        // "..., because I had ordered from last year's numbers": the speaker is the cause.
        let caused = matches!(w, "because" | "since")
            && matches!(text.word(i + 1), "i" | "i'd" | "we")
            && !text.tokens[i].quoted;
        caused || w == "my" && matches!(text.word(i + 1), "mistake" | "fault" | "error" | "call")
    })
}

/// Reports each clause of `s` that puts the failure on someone or something else.
/// A party's blame carries the party's token range for the suggestion.
pub(crate) fn clause_blame(text: &Text, s: &Sentence, hits: &mut Vec<Hit>) {
    let owned = speaker_takes_fault(text, s);
    for (first, last) in clauses(text, s) {
        if let Some((a, v)) = party_subject(text, first, last).filter(|_| !owned) {
            if let Some(k) = failure_at(text, v, last) {
                hits.push(Hit {
                    kind: FindingKind::BlameShifting,
                    first: a,
                    last: clause_end(k, last),
                    agent: if text.word(a) == "who" {
                        // "temps who had no idea": the noun before "who".
                        Some((a - 1, a))
                    } else {
                        Some((a, v))
                    },
                });
                continue;
            }
        }
        if let Some((from, to)) = excuse(text, first, last).filter(|_| !owned) {
            hits.push(Hit {
                kind: FindingKind::BlameShifting,
                first: from,
                last: to,
                agent: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blamed(src: &str) -> Vec<String> {
        let text = Text::new(src);
        let mut hits = Vec::new();
        for s in &text.sentences {
            clause_blame(&text, s, &mut hits);
        }
        hits.iter()
            .map(|h| {
                let start = text.tokens[h.first].start;
                let end = text.tokens[h.last - 1].end;
                src[start..end].to_owned()
            })
            .collect()
    }

    #[test]
    fn a_third_party_failing_is_blame_in_each_clause() {
        for (src, want) in [
            (
                "The vendor never sent the specs.",
                "The vendor never sent the specs",
            ),
            (
                "The agency sent temps who had no idea how to use a scanner.",
                "who had no idea how to use a scanner",
            ),
            (
                "The market just was not ready for it.",
                "The market just was not ready for it",
            ),
            (
                "I rebuilt the deck, but the data team changed a table without telling anyone.",
                "the data team changed a table without telling anyone",
            ),
            (
                "On the night the catering truck loaded the wrong meal count.",
                "the catering truck loaded the wrong meal count",
            ),
            (
                "The team leader only sent an email.",
                "The team leader only sent an email",
            ),
            (
                "They changed the commission plan halfway through.",
                "They changed the commission plan halfway through",
            ),
            (
                "We lost the window due to the weather.",
                "due to the weather",
            ),
            (
                "I handed out vouchers, but the real problem was the catering company.",
                "but the real problem was the catering company",
            ),
        ] {
            assert!(
                blamed(src).iter().any(|b| b == want),
                "{src:?}: {:?}",
                blamed(src)
            );
        }
    }

    #[test]
    fn the_speaker_a_consequence_or_reported_words_are_not_blame() {
        for src in [
            "I never sent the specs.",
            "Our team did not test the release.",
            "The client wasn't happy and did not renew.",
            "The client told me what went wrong.",
            "The customer received the wrong item.",
            "The client found an error in the totals.",
            "The instructions I wrote were unclear.",
            "The vendor only charged us half.",
            "Three vendors never replied.",
            "If the vendor had not sent it, we would have missed the date.",
            "She said the pharmacy never sent the right strength.",
            "The delay was due to my formula.",
            "It was due to that.",
            "We lost two days due to the rework.",
            "The real problem was my plan.",
            "Now the vendor cannot ship until the check passes.",
            "The vendor sent the wrong file, and I didn't catch it.",
            "There was not enough stock, because I had ordered from last year's numbers.",
            "The patient was fine and went home the next day.",
            "Sarah, our charge nurse, helped me restock.",
            "Everything was late that week.",
        ] {
            assert!(blamed(src).is_empty(), "{src:?}: {:?}", blamed(src));
        }
    }

    #[test]
    fn clauses_cut_at_commas_and_joiners() {
        let text =
            Text::new("The bus was late, and the parents who promised never came because of rain");
        let s = text.sentences[0];
        let got: Vec<usize> = clauses(&text, &s).map(|(f, _)| f).collect();
        let words: Vec<&str> = got.iter().map(|&f| text.word(f)).collect();
        assert_eq!(words, ["the", "and", "who", "because"]);
    }
}
