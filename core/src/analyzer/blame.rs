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

use super::clause::comma_clauses;
use super::detect::Hit;
use super::lexicon::{is_number_word, is_past_action, is_past_action_in, DUTY, PARTY, SHORTFALL};
use super::text::{Sentence, Text};
use super::FindingKind;

// Token-indexed lexicon checks: the classes were looked up once when the text was read.
fn party_at(text: &Text, k: usize) -> bool {
    text.class(k) & PARTY != 0
}

fn duty_at(text: &Text, k: usize) -> bool {
    text.class(k) & DUTY != 0
}

fn past_at(text: &Text, k: usize) -> bool {
    is_past_action_in(text.word(k), text.class(k))
}

/// Longest subject noun phrase looked at ("the data engineering team").
const MAX_SUBJECT: usize = 6;

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

/// Dictated text drops apostrophes: "didnt" is "didn't".
fn negation_form(w: &str) -> &str {
    match w {
        "didnt" => "didn't",
        "wasnt" => "wasn't",
        "werent" => "weren't",
        "hadnt" => "hadn't",
        "couldnt" => "couldn't",
        "wouldnt" => "wouldn't",
        _ => w,
    }
}

/// Tokens that end the subject and start the predicate.
fn starts_predicate(text: &Text, k: usize) -> bool {
    let w = negation_form(text.word(k));
    past_at(text, k)
        || matches!(
            w,
            "came"
                | "lied"
                | "went"
                | "got"
                | "took"
                | "left"
                | "lost"
                | "broke"
                | "forgot"
                | "kept"
                | "gave"
                | "sent"
                | "told"
                | "wanted"
                | "pulled"
                | "cut"
                | "quit"
        )
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
    // "The agency we hired completely misunderstood the brief": a relative clause
    // of the speaker's inside the subject; the predicate comes after it.
    let relative = (a + 2..(a + MAX_SUBJECT).min(last)).find(|&k| {
        matches!(text.word(k), "we" | "i")
            && (party_at(text, k - 1) || is_role_noun(text, k - 1))
            && past_at(text, k + 1)
    });
    let from = relative.map_or(a + 1, |r| r + 2);
    let v = (from..(from + reach).min(last)).find(|&k| starts_predicate(text, k))?;
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
        if relative.is_some_and(|r| (r..r + 2).contains(&k)) {
            continue;
        }
        let w = text.word(k);
        // "IT took three days": the department, not the pronoun.
        if w == "it" && text.src.get(text.tokens[k].start..text.tokens[k].end) == Some("IT") {
            party = true;
            continue;
        }
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
        party |= party_at(text, k)
            || is_name(text, k)
            || is_role_noun(text, k)
            || is_handed_over(w)
            || (w.ends_with("'s") && w != "it's" && w != "that's");
    }
    party.then_some((a, v))
}

/// "the appraiser", "our paralegal's assistant", "the florist": a word the lexicon
/// does not know, after a determiner, with the ending of a person's job. Lists of
/// parties never end; job words mostly end like this.
fn is_role_noun(text: &Text, k: usize) -> bool {
    let w = text.word(k).trim_end_matches("'s");
    let role_ending = [
        "er", "ers", "or", "ors", "ist", "ists", "ian", "ians", "ant", "ants",
    ]
    .iter()
    .any(|e| w.ends_with(e));
    role_ending
        && w.len() >= 5
        && text.class(k) == 0
        && !is_thing_with_role_ending(w)
        && (k.saturating_sub(3)..k).any(|j| {
            matches!(
                text.word(j),
                "the" | "our" | "my" | "his" | "her" | "their" | "a" | "an" | "that" | "this"
            )
        })
}

/// Things, not people, that end like a job word.
fn is_thing_with_role_ending(w: &str) -> bool {
    matches!(
        w.trim_end_matches('s'),
        "order"
            | "paper"
            | "letter"
            | "number"
            | "matter"
            | "water"
            | "weather"
            | "center"
            | "counter"
            | "computer"
            | "folder"
            | "border"
            | "power"
            | "corner"
            | "cover"
            | "other"
            | "answer"
            | "quarter"
            | "semester"
            | "trailer"
            | "poster"
            | "filter"
            | "error"
            | "color"
            | "floor"
            | "door"
            | "factor"
            | "sector"
            | "monitor"
            | "elevator"
            | "calculator"
            | "indicator"
            | "tractor"
            | "generator"
            | "motor"
            | "mirror"
            | "behavior"
            | "favor"
            | "labor"
            | "rumor"
            | "flavor"
            | "plant"
            | "grant"
            | "restaurant"
            | "median"
            | "shower"
            | "river"
            | "summer"
            | "winter"
            | "dinner"
            | "chapter"
            | "register"
            | "layer"
            | "timer"
            | "meter"
            | "liter"
            | "container"
            | "banner"
            | "binder"
            | "sticker"
            | "marker"
            | "charger"
            | "header"
            | "footer"
            | "parameter"
            | "character"
            | "buffer"
            | "cluster"
            | "compiler"
            | "browser"
            | "router"
            | "vector"
            | "tensor"
            | "cursor"
            | "junior"
            | "senior"
            | "major"
            | "minor"
            | "interior"
            | "exterior"
            | "variant"
            | "constant"
    )
}

/// "Dave never sent the specs": a capitalised word that is no common word.
fn is_name(text: &Text, k: usize) -> bool {
    let w = text.word(k);
    text.tokens[k].capitalized
        && w != "i"
        && w.len() >= 3
        && text.class(k) == 0
        && !matches!(
            w,
            "everything"
                | "something"
                | "nothing"
                | "everyone"
                | "this"
                | "these"
                | "those"
                | "one"
                | "all"
                | "both"
                | "each"
                | "then"
                | "later"
                | "that"
                | "the"
                | "some"
                | "most"
                | "every"
                | "another"
                | "other"
                | "any"
                | "after"
                | "once"
                | "since"
                | "yesterday"
                | "today"
                | "now"
                | "luckily"
                | "unfortunately"
                | "sadly"
                | "meanwhile"
                | "our"
                | "his"
                | "her"
                | "their"
                | "its"
                | "what"
                | "when"
                | "where"
                | "why"
                | "how"
                | "there"
                | "here"
                | "during"
                | "before"
                | "last"
                | "next"
                | "first"
                | "second"
                | "many"
                | "few"
                | "several"
                | "nobody"
                | "none"
                | "not"
                | "only"
                | "even"
                | "still"
                | "also"
                | "just"
        )
}

/// Where in `[v, last)` the predicate says the party failed, if it does.
fn failure_at(text: &Text, v: usize, last: usize) -> Option<usize> {
    let at = |k: usize| if k < last { text.word(k) } else { "" };
    let has = |words: &[&str]| (v..last).any(|k| words.contains(&text.word(k)));
    if undergoes(text, v, last) {
        return None;
    }
    for k in v..last {
        let w = negation_form(text.word(k));
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
                            | "very"
                    )
                {
                    j += 1;
                }
                // "they not send the file" (learner English) negates as well.
                let negation = w != "not"
                    || k == v
                    || matches!(
                        at(k.wrapping_sub(1)),
                        "did" | "was" | "were" | "had" | "just"
                    );
                // "failed to chart the dose": whatever the duty was, it was theirs.
                let gave_up =
                    matches!(w, "failed" | "refused" | "forgot" | "neglected") && at(k + 1) == "to";
                // "the system failed overnight": a tool breaking down.
                let broke_down = w == "failed" && is_tool_subject(text, v);
                // "features that did not exist": what was promised never came.
                let owed = (j < last && duty_at(text, j))
                    || matches!(
                        at(j),
                        "compliant"
                            | "clear"
                            | "careful"
                            | "exist"
                            | "work"
                            | "know"
                            | "understand"
                            | "supportive"
                            | "helpful"
                            | "responsive"
                            | "available"
                    );
                broke_down || (negation && j < last && (owed || gave_up))
            }
            // "had no idea how to use a scanner", "gave us no warning".
            "no" => matches!(
                at(k + 1),
                "idea" | "clue" | "training" | "warning" | "notice"
            ),
            // "loaded the wrong meal count": the party handed over the wrong thing
            // ("received the wrong item" is what happened to them).
            // A tool gets it wrong whatever it did: "showed the wrong availability",
            // "the formula was wrong".
            // "the paralegal calendared it wrong": the party's own act, done wrong.
            "wrong" | "wrongly" | "incorrectly"
                if matches!(at(k.wrapping_sub(1)), "it" | "them" | "everything" | "that")
                    && (v..k).any(|j| past_at(text, j)) =>
            {
                true
            }
            // "the patient did not take the wrong one" is the good outcome.
            "wrong"
                if (v..k)
                    .any(|j| matches!(negation_form(text.word(j)), "not" | "didn't" | "never")) =>
            {
                false
            }
            "wrong" => {
                (v..k).any(|j| hands_over(text.word(j)))
                    || (is_tool_subject(text, v)
                        && (v..k).any(|j| past_at(text, j) || text.word(j) == "was"))
            }
            // "the POS system charged everyone twice", "the app logged everyone out",
            // "Excel auto-formatted the IDs".
            "twice" => {
                is_tool_subject(text, v)
                    && (v..k).any(|j| {
                        matches!(
                            text.word(j),
                            "charged"
                                | "sent"
                                | "billed"
                                | "booked"
                                | "posted"
                                | "counted"
                                | "paid"
                                | "imported"
                                | "ran"
                                | "emailed"
                                | "processed"
                        )
                    })
            }
            "logged" => is_tool_subject(text, v) && at(k + 2) == "out",
            _ if w.starts_with("auto") && w.len() > 6 && past_at(text, k) => {
                is_tool_subject(text, v)
            }
            // "changed a table without telling anyone".
            // "without telling anyone", "launched without QA", "went ahead without me".
            "without" => {
                at(k + 1).ends_with("ing")
                    || matches!(
                        at(k + 1),
                        "qa" | "approval"
                            | "notice"
                            | "warning"
                            | "review"
                            | "permission"
                            | "consent"
                            | "sign-off"
                            | "signoff"
                            | "me"
                            | "us"
                    )
            }
            // "only sent an email": a duty done halfway.
            "only" => {
                let counted =
                    text.tokens.get(k + 1).is_some_and(|t| t.number) || is_number_word(at(k + 1));
                (k + 1 < last && duty_at(text, k + 1) && past_at(text, k + 1))
                    || (counted && (v..k).any(|j| hands_over(text.word(j))))
            }
            // "kept sending me garbage leads".
            // "kept sending me garbage leads"; "users kept downloading the old
            // version" is what the failure caused.
            "kept" | "keep" | "keeps" => {
                matches!(
                    at(k + 1),
                    "sending"
                        | "giving"
                        | "changing"
                        | "adding"
                        | "pushing"
                        | "moving"
                        | "canceling"
                        | "cancelling"
                        | "asking"
                        | "calling"
                        | "emailing"
                        | "rescheduling"
                        | "overriding"
                        | "ignoring"
                        | "interrupting"
                        | "skipping"
                        | "forgetting"
                        | "delaying"
                        | "missing"
                        | "booking"
                        | "auto"
                ) || (at(k + 1).starts_with("auto") && at(k + 1).ends_with("ing"))
            }
            // "changed the commission plan halfway through", "was changing the colors every week".
            // "pulled the funding at the last minute".
            "changed" | "changing" | "switched" | "cancelled" | "canceled" | "pulled"
            | "withdrew" | "scrapped" | "reversed" => {
                has(&[
                    "halfway", "midway", "every", "again", "constantly", "overnight",
                    "last-minute", "twice", "without",
                ]) || (v..last).any(|j| text.word(j) == "last" && text.word(j + 1) == "minute")
                    // "the night before", closing the clause.
                    || text.word(last - 1) == "before"
            }
            // "gave my two best accounts to a new hire": what was the speaker's, taken away.
            // "cut our soundcheck to 15 minutes".
            "gave" | "moved" | "reassigned" | "cut" => matches!(at(k + 1), "my" | "our"),
            // "a smaller bus than we booked": not what was ordered.
            "than" => {
                matches!(at(k + 1), "we" | "i")
                    && matches!(
                        at(k + 2),
                        "booked" | "ordered" | "asked" | "agreed" | "requested" | "paid"
                    )
            }
            // "sent the files late".
            "late" => (v..k).any(|j| {
                hands_over(text.word(j)) || matches!(text.word(j), "arrived" | "came" | "showed")
            }),
            // "shipped half the order", "gave us only two days".
            "half" | "part" => (v..k).any(|j| hands_over(text.word(j))),
            // "the courier lost the package"; "lost patience" is what it cost them,
            // and "the contractor lost his license" happened to the contractor.
            "lost" => {
                matches!(at(k + 1), "the" | "our" | "my" | "part" | "half" | "some")
                    && !matches!(
                        at(k + 2),
                        "trust" | "patience" | "money" | "interest" | "confidence"
                    )
            }
            // "the developers broke the build".
            "broke" => matches!(at(k + 1), "the" | "our" | "my" | "a"),
            // "left the door unlocked", "left the books in a mess".
            "left" => (k + 1..(k + 7).min(last)).any(|j| {
                matches!(
                    text.word(j),
                    "unlocked"
                        | "open"
                        | "unlabeled"
                        | "unlabelled"
                        | "unsigned"
                        | "unfinished"
                        | "undone"
                        | "blank"
                        | "empty"
                        | "mess"
                        | "behind"
                        | "half-done"
                )
            }),
            "disappeared" | "vanished" | "quit" | "ghosted" | "bailed" | "noncompliant"
            | "non-compliant" => true,
            // "the agency misunderstood the brief", "the lab mislabeled the tubes": a
            // "mis-" verb is the act done wrong, whatever the act.
            _ if w.starts_with("mis") && w.len() > 6 && past_at(text, k) => {
                !matches!(w, "missed" | "mistook" | "misled")
            }
            // "IT took three days to restore the server".
            "took" => {
                // "IT took three days to restore the server"; "the dashboards took 40
                // seconds to load" is a measurement.
                let slow = (text.tokens.get(k + 1).is_some_and(|t| t.number)
                    || is_number_word(at(k + 1)))
                    && (k + 2..(k + 5).min(last)).any(|j| {
                        text.word(j) == "to"
                            && !matches!(
                                text.word(j + 1),
                                "load"
                                    | "run"
                                    | "open"
                                    | "render"
                                    | "finish"
                                    | "complete"
                                    | "process"
                                    | "start"
                                    | "boot"
                                    | "sync"
                                    | "compile"
                            )
                    })
                    && is_party_head(text, v);
                matches!(at(k + 1), "my" | "our") || slow || matches!(at(k + 1), "forever" | "ages")
            }
            // "management decided to launch anyway": the speaker overruled.
            "anyway" | "regardless" => (v..k).any(|j| past_at(text, j)),
            // "the data from the other department was full of errors".
            "full" | "riddled" => {
                matches!(at(k + 1), "of" | "with")
                    && matches!(
                        at(k + 2),
                        "errors" | "mistakes" | "bugs" | "typos" | "holes"
                    )
            }
            // "double booked everybody" (dictated).
            "double" => k + 1 < last && past_at(text, k + 1),
            // "my manager wanted it by Friday, so we skipped testing": pressure as the cause.
            // "the client demanded it by Friday, so we shipped": pressure as the cause.
            "demanded" | "insisted" => {
                (k + 1..(k + 12).min(text.tokens.len()))
                    .any(|j| text.word(j) == "so" && matches!(text.word(j + 1), "we" | "i"))
                    // "insisted that we hit the deadline no matter what".
                    || (w == "insisted" && matches!(at(k + 1), "that" | "on" | "we"))
            }
            // "was pushing for a faster release", "kept pressuring us".
            "pushing" | "pressuring" => matches!(at(k + 1), "for" | "us" | "me" | "always"),
            // "our cloud provider had a networking issue": a named breakdown of theirs.
            "outage" | "glitch" => (v..k).any(|j| matches!(text.word(j), "had" | "caused")),
            "issue" | "problem" => {
                (v..k).any(|j| text.word(j) == "had")
                    && !matches!(
                        at(k.wrapping_sub(1)),
                        "a" | "an" | "the" | "some" | "no" | "any" | "this" | "that" | "big"
                    )
            }
            // "the appraiser came in low".
            "came" => at(k + 1) == "in" && matches!(at(k + 2), "low" | "late" | "high" | "over"),
            // "my lead made us skip the tests", "they pushed us to launch": coercion.
            "made" | "forced" | "pushed" | "pressured" | "rushed" => {
                matches!(at(k + 1), "us" | "me")
                    && !matches!(
                        at(k + 2),
                        "the"
                            | "a"
                            | "an"
                            | "feel"
                            | "look"
                            | "laugh"
                            | "proud"
                            | "welcome"
                            | "lead"
                            | "part"
                            | "responsible"
                            | "aware"
                            | ""
                    )
            }
            // "misfiled", "double-booked", "overcharged": a fault in one word.
            // "they were overtaxed" says what was done to them.
            _ if is_fault_verb(w) => !matches!(
                at(k.wrapping_sub(1)),
                "was" | "were" | "been" | "be" | "got" | "is" | "are"
            ),
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
            | "unrealistic" | "impossible" | "inadequate" | "insufficient" | "broken"
            | "flawed" | "toxic" | "chaotic" | "nonexistent" | "brutal" | "insane" | "crazy"
            | "unlucky" | "unsupportive" | "disorganized" => {
                (v..k).any(|j| matches!(text.word(j), "was" | "were"))
            }
            // "the setup was a mess before I got there".
            "mess" => {
                at(k.wrapping_sub(1)) == "a"
                    && (v..k).any(|j| matches!(text.word(j), "was" | "were"))
            }
            // "pushed a bad config", "sent a faulty part".
            "bad" | "faulty" | "defective" => {
                matches!(at(k.wrapping_sub(1)), "a" | "the") && (v..k).any(|j| past_at(text, j))
            }
            // "announced it before anyone told the account teams".
            "before" => matches!(at(k + 1), "anyone" | "anybody"),
            // "the scanner marked it delivered on its own".
            "own" => at(k.wrapping_sub(1)) == "its" && is_tool_subject(text, v),
            "messed" | "screwed" | "botched" | "ignored" | "misread" | "mislabeled" => true,
            // A tool as the agent: "the update wiped the settings", "the system went down".
            "wiped" | "erased" | "reset" | "rounded" | "duplicated" | "double-charged" | "died"
            | "dropped" => is_tool_subject(text, v),
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

/// A predicate in the passive ("was never sent", "should have been reduced",
/// "were never told"): the subject is what the failure happened to, and who
/// failed is not said, unless "by" names them.
fn undergoes(text: &Text, v: usize, last: usize) -> bool {
    let mut k = v;
    while k < last
        && matches!(
            negation_form(text.word(k)),
            "should"
                | "have"
                | "had"
                | "not"
                | "never"
                | "also"
                | "just"
                | "already"
                | "wasn't"
                | "weren't"
                | "hadn't"
        )
    {
        k += 1;
    }
    let auxiliary = matches!(text.word(k), "was" | "were" | "been" | "got")
        || matches!(
            negation_form(text.word(k.wrapping_sub(1))),
            "wasn't" | "weren't"
        );
    let start = if matches!(text.word(k), "was" | "were" | "been" | "got") {
        k + 1
    } else {
        k
    };
    let mut p = start;
    while p < last
        && matches!(
            text.word(p),
            "never" | "not" | "also" | "just" | "ever" | "properly"
        )
    {
        p += 1;
    }
    let w = text.word(p);
    let participle = p < last
        && (super::lexicon::is_irregular_participle(w) || (w.len() >= 5 && w.ends_with("ed")))
        && !super::lexicon::is_adjectival_participle(w)
        && !matches!(w, "supposed" | "unclear" | "outdated");
    let by_party = (p + 1..(p + 5).min(last)).any(|j| text.word(j) == "by");
    auxiliary && participle && !by_party
}

/// Verbs of handing work over, which can be done wrong, late or halfway ("sent
/// the files late", "shipped half the order", "loaded the wrong meal count").
fn hands_over(w: &str) -> bool {
    matches!(
        w,
        "sent"
            | "gave"
            | "shipped"
            | "delivered"
            | "paid"
            | "filled"
            | "packed"
            | "loaded"
            | "did"
            | "finished"
            | "completed"
            | "printed"
            | "faxed"
            | "made"
            | "booked"
            | "ordered"
            | "entered"
            | "labeled"
            | "labelled"
            | "picked"
            | "installed"
            | "used"
            | "wrote"
            | "quoted"
            | "told"
            | "put"
            | "mixed"
            | "approved"
            | "assigned"
            | "scheduled"
            | "set"
            | "chose"
            | "filed"
            | "prepared"
            | "cooked"
            | "served"
            | "returned"
            | "submitted"
            | "posted"
            | "uploaded"
            | "emailed"
            | "translated"
    )
}

/// "misfiled", "double-booked", "overcharged", "mislabeled": the fault in one word.
fn is_fault_verb(w: &str) -> bool {
    let prefixed = ["mis", "double-", "over", "under"]
        .iter()
        .any(|p| w.strip_prefix(p).is_some_and(|rest| rest.len() >= 4));
    prefixed
        && is_past_action(w)
        && !matches!(
            w,
            "missed"
                | "oversaw"
                | "overcame"
                | "underwent"
                | "understood"
                | "undertook"
                | "overheard"
                | "underlined"
                | "overhauled"
                | "underscored"
        )
}

/// Is the last word of the subject ending before `v` a party ("IT", "the vendor")?
fn is_party_head(text: &Text, v: usize) -> bool {
    let head = v.wrapping_sub(1);
    party_at(text, head) || is_name(text, head) || text.word(head) == "it"
}

/// Systems and equipment: a tool as a subject, and something handed over that
/// can break or arrive late.
fn is_equipment(w: &str) -> bool {
    matches!(
        w,
        "server" | "database" | "spreadsheet" | "scanner" | "website" | "network" | "equipment"
    )
}

/// Is the subject ending before `v` a tool or system rather than a person?
fn is_tool_subject(text: &Text, v: usize) -> bool {
    let w = text.word(v.wrapping_sub(1));
    is_equipment(w)
        || matches!(
            w,
            "autocorrect"
                | "formula"
                | "pos"
                | "ehr"
                | "emr"
                | "crm"
                | "autofill"
                | "software"
                | "system"
                | "tool"
                | "app"
                | "platform"
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
    is_equipment(w)
        || matches!(
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
                | "process"
                | "workflow"
                | "setup"
                | "tools"
                | "culture"
                | "training"
                | "onboarding"
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

/// Conditions of the place or the day, offered as a cause: "due to the heat in
/// the salon", "due to the dry air in that theater".
fn is_condition(w: &str) -> bool {
    matches!(
        w,
        "heat"
            | "cold"
            | "humidity"
            | "fog"
            | "ice"
            | "wind"
            | "air"
            | "maintenance"
            | "backlog"
            | "outage"
            | "construction"
            | "noise"
            | "illness"
            | "turnover"
            | "workload"
            | "bureaucracy"
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
                    || party_at(text, j)
                    || (o.ends_with("'s") && o != "it's" && o != "that's")
                    || is_circumstance(o)
                    || is_condition(o)
            });
            if outside && !own(k + 2, k + 7) {
                return Some((k, (k + 6).min(last)));
            }
        }
        // "it was mostly the vendor", "the problem was really their QA".
        let mostly = w == "was"
            && matches!(next, "mostly" | "largely" | "mainly" | "really" | "partly")
            && matches!(text.word(k + 2), "the" | "their" | "his" | "her")
            && (k + 3..(k + 6).min(last)).any(|j| party_at(text, j));
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
        // "we were set up to fail", "I was just following the instructions",
        // "I had no choice but to ship": the speaker as someone else's instrument.
        let instrument = (w == "set" && text.matches_at(k + 1, last, &["up", "to", "fail"]))
            // "I was just doing what I was told".
            || (w == "doing"
                && matches!(text.word(k.wrapping_sub(1)), "just" | "only")
                && next == "what")
            || (w == "following"
                && matches!(text.word(k.wrapping_sub(1)), "just" | "only" | "simply")
                && matches!(
                    next,
                    "orders" | "instructions" | "the" | "what" | "procedure"
                ))
            || (w == "no"
                && matches!(next, "choice" | "option")
                && matches!(text.word(k.wrapping_sub(1)), "had" | "have"));
        if instrument {
            return Some((first.max(k.saturating_sub(3)), (k + 4).min(last)));
        }
        let real = (w == "real"
            && matches!(next, "problem" | "reason" | "issue" | "cause" | "culprit")
            && text.word(k.wrapping_sub(1)) == "the")
            // "the issue was really how that conductor worked", "really the problem
            // was the measures from her".
            || (matches!(w, "problem" | "issue")
                && matches!(next, "was" | "is")
                && (text.word(k + 2) == "really" || text.word(k.wrapping_sub(2)) == "really"));
        // "a lot of it came down to the conductor's tempo".
        let came_down = w == "came"
            && text.matches_at(k + 1, last, &["down", "to"])
            && (k + 3..(k + 7).min(last))
                .any(|j| party_at(text, j) || text.word(j).ends_with("'s"));
        if came_down && !own(first, last) {
            return Some((first, last));
        }
        // "it was mostly a process problem", "a communication issue": nobody's fault.
        let systemic_cause = matches!(w, "problem" | "issue" | "failure" | "breakdown")
            && matches!(
                text.word(k.wrapping_sub(1)),
                "process" | "system" | "systems" | "communication" | "timing" | "staffing"
            )
            && (first..k).any(|j| matches!(text.word(j), "was" | "is" | "were"));
        // "a lot of it was bad luck", "which is unfair".
        let fate = (w == "luck" && matches!(text.word(k.wrapping_sub(1)), "bad" | "pure" | "dumb"))
            || (matches!(w, "unfair" | "unreasonable")
                && (first..k).any(|j| matches!(text.word(j), "was" | "is" | "were" | "felt")));
        if (real || systemic_cause || fate) && !own(first, last) {
            return Some((first, last));
        }
        // "there was no time", "there was no budget for a second check".
        let lacking = w == "there"
            && matches!(next, "was" | "were" | "wasn't" | "weren't")
            && matches!(text.word(k + 2), "no" | "not" | "never" | "enough")
            && matches!(
                text.word(k + 3),
                "time" | "budget" | "money" | "staff" | "support" | "training" | "process"
            );
        if lacking {
            return Some((k, (k + 4).min(last)));
        }
        if fate_or_pressure(text, k, first, last) {
            return Some((first, last));
        }
    }
    None
}

/// Fate, pressure or someone above as the cause, however it is put: "we were
/// short staffed", "under a lot of time pressure", "these things just happen",
/// "the dates come from above", "the ground doesn't cooperate", "I kind of blame
/// the pace", "there's only so much one person can catch", "we were always
/// waiting on them", "somebody should have caught that".
fn fate_or_pressure(text: &Text, k: usize, first: usize, last: usize) -> bool {
    let w = text.word(k);
    let next = if k + 1 < last { text.word(k + 1) } else { "" };
    let prev = if k > first { text.word(k - 1) } else { "" };
    let before = |reach: usize, words: &[&str]| {
        (first.max(k.saturating_sub(reach))..k).any(|j| words.contains(&text.word(j)))
    };
    match w {
        "pressure" => before(5, &["under"]),
        "short" => matches!(next, "staffed" | "handed"),
        "happen" | "happens" => before(3, &["things", "stuff"]),
        "above" => prev == "from",
        "decided" => next == "for" && matches!(text.word(k + 2), "you" | "us" | "me"),
        "cooperate" => matches!(
            negation_form(prev),
            "doesn't" | "didn't" | "won't" | "wouldn't" | "just"
        ),
        "wants" => prev == "what" && before(3, &["does", "did"]),
        // "I kind of blame the pace": not "I blame myself" or "I don't blame them".
        "blame" => {
            before(3, &["i", "i'd"])
                && !before(3, &["don't", "dont", "can't", "not", "never"])
                && !matches!(next, "myself" | "me" | "no" | "nobody" | "only")
                && k + 1 < last
        }
        // The clause cut before "so" leaves "only" at the end of the one before.
        "so" => text.word(k.wrapping_sub(1)) == "only" && next == "much",
        // "there was not much I could do", "nothing we could have done".
        // ... and "nobody could keep up with that" ("nobody could have" is the
        // wording rule's, "nobody could say" no excuse at all).
        "could" | "can" => {
            (matches!(prev, "i" | "we" | "anyone" | "anybody")
                && matches!(text.word(k.wrapping_sub(2)), "nothing" | "much" | "little"))
                || (matches!(prev, "nobody" | "one")
                    && next != "have"
                    && !names_no_one_at_fault(text, first, last))
        }
        // "What with the designers changing the layout every other day".
        "what" => next == "with",
        // "Blame it on the casting house", "those booking apps are hit or miss".
        "on" => prev == "it" && matches!(text.word(k.wrapping_sub(2)), "blame" | "blamed"),
        "miss" => prev == "or" && text.word(k.wrapping_sub(2)) == "hit",
        "waiting" => {
            matches!(next, "on" | "for")
                && (matches!(text.word(k + 2), "them" | "him" | "her")
                    || party_at(text, (k + 3).min(last.saturating_sub(1))))
        }
        "should" => {
            matches!(prev, "somebody" | "someone") && text.word(k + 1) == "have" && k + 2 < last
        }
        _ => false,
    }
}

/// The speaker disowns the failure, whatever else the sentence owns: "it wasn't
/// really on me", "that's on him", "not my fault", "outside my control",
/// "nothing to do with me", "his responsibility, not mine". Not "That call was not
/// mine to make", which owns overstepping.
fn disowned(text: &Text, first: usize, last: usize) -> Option<usize> {
    let at = |k: usize| if k < last { text.word(k) } else { "" };
    let negated_before = |k: usize| {
        (first.max(k.saturating_sub(4))..k).any(|j| {
            matches!(
                negation_form(text.word(j)),
                "wasn't" | "isn't" | "not" | "weren't" | "aren't" | "nothing"
            )
        })
    };
    let copula_before = |k: usize| {
        (first.max(k.saturating_sub(3))..k).any(|j| {
            matches!(
                text.word(j),
                "was"
                    | "is"
                    | "were"
                    | "are"
                    | "that's"
                    | "it's"
                    | "fell"
                    | "falls"
                    | "wasn't"
                    | "isn't"
                    | "weren't"
                    | "aren't"
            )
        })
    };
    for k in first..last {
        if text.tokens[k].quoted {
            continue;
        }
        let w = text.word(k);
        let found = match w {
            "on" => match at(k + 1) {
                "me" | "us" => negated_before(k),
                "him" | "her" | "them" => copula_before(k) && !negated_before(k),
                _ => false,
            },
            "my" | "our" if negated_before(k) => {
                let duty = matches!(
                    at(k + 1),
                    "fault" | "failure" | "job" | "role" | "responsibility" | "problem" | "area"
                ) && at(k + 2) != "to";
                // "it wasn't my technique, it was the schedule".
                let elsewhere = (k + 2..(k + 5).min(last))
                    .any(|j| text.word(j) == "it" && matches!(at(j + 1), "was" | "is"));
                duty || elsewhere
            }
            "mine" => negated_before(k) && at(k + 1) != "to",
            "me" => {
                // "the problem wasn't really me".
                negated_before(k) && copula_before(k) && (k + 1 == last || at(k + 1) == "who")
            }
            "control" => {
                let outside = (first.max(k.saturating_sub(3))..k)
                    .any(|j| matches!(text.word(j), "outside" | "beyond"));
                let could = at(k.wrapping_sub(1)) == "could" && negated_before(k);
                (outside || could) && !text.matches_at(k + 1, last, &["of"])
            }
            "nothing" => text.matches_at(k + 1, last, &["to", "do", "with"]),
            _ => false,
        };
        if found {
            return Some(k);
        }
    }
    None
}

/// The span runs to the end of the clause, or a few words past the fault in a long one.
/// "The shipment was delayed by the vendor", "the samples got lost by the
/// courier": a passive whose named actor is a party and whose verb says the
/// work fell short. Returns the "by".
fn failed_by_party(text: &Text, first: usize, last: usize) -> Option<usize> {
    (first + 2..last.saturating_sub(1)).find(|&k| {
        text.word(k) == "by"
            && matches!(text.word(k - 2), "was" | "were" | "got" | "been")
            && (text.class(k - 1) & SHORTFALL != 0
                || matches!(
                    text.word(k - 1),
                    "lost" | "mislabeled" | "misfiled" | "damaged" | "canceled" | "cancelled"
                ))
            && (k + 1..(k + 4).min(last)).any(|j| party_at(text, j) || is_name(text, j))
    })
}

/// Where the clause holding token `k` starts, past its opening joiners.
fn clause_start(text: &Text, first: usize, k: usize) -> usize {
    (first..k).find(|&j| !is_opener(text.word(j))).unwrap_or(k)
}

/// Words of the predicate a shortfall may sit in: "the crew was slow getting the
/// engine over", "their documentation was, frankly, out of date".
const SHORTFALL_REACH: usize = 6;

/// A third party's predicate that says it fell short ("was slow", "kept dying",
/// "was stretched across three projects"): the lexicon's shortfall class, not
/// negated ("was never late" is praise).
fn shortfall_at(text: &Text, v: usize, last: usize) -> Option<usize> {
    (v..(v + SHORTFALL_REACH).min(last)).find(|&k| {
        let negated = (v..k).any(|j| {
            matches!(
                negation_form(text.word(j)),
                "not" | "never" | "didn't" | "wasn't" | "weren't"
            )
        });
        text.class(k) & SHORTFALL != 0 && !negated && !text.tokens[k].quoted
    })
}

/// The clause `[first, last)` is given as the reason for what went wrong: it
/// follows "because"/"since"/"as", or the sentence goes on "so ..." or "which
/// meant ...". A shortfall told this way is an excuse; told on its own ("the
/// client never came back", "checkout was down for an hour") it is the result.
fn given_as_cause(text: &Text, s: &Sentence, first: usize, last: usize) -> bool {
    let opens_with_cause = (first.saturating_sub(1).max(s.first)..(first + 2).min(last))
        .any(|k| matches!(text.word(k), "because" | "since" | "as" | "cause"));
    let followed_by_effect = (last..s.last).any(|k| {
        matches!(text.word(k), "so") || (text.word(k) == "which" && text.word(k + 1) == "meant")
    });
    opens_with_cause || followed_by_effect
}

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

/// A "because"/"since" clause whose party subject holds the duty now: "because the
/// district handles the bus contracts", "since IT owns the servers".
fn duty_elsewhere(text: &Text, first: usize, last: usize) -> Option<usize> {
    if !matches!(text.word(first), "because" | "since") {
        return None;
    }
    let a = first + 1;
    let v = (a + 1..(a + MAX_SUBJECT + 1).min(last)).find(|&k| {
        matches!(
            text.word(k),
            "handles"
                | "owns"
                | "manages"
                | "decides"
                | "runs"
                | "controls"
                | "approves"
                | "schedules"
                | "books"
                | "signs"
                | "sets"
        ) || text.matches_at(k, last, &["is", "responsible"])
            || text.matches_at(k, last, &["are", "responsible"])
    })?;
    let party = (a..v).any(|k| party_at(text, k) || is_name(text, k))
        && !(a..v).any(|k| matches!(text.word(k), "i" | "we" | "my" | "our"));
    party.then_some(first)
}

/// "Nobody (on the team) listened", "no one had trained them".
/// "nobody else had signed off", "no one could say which sample was first": a
/// clause whose subject is nobody but the speaker, or nobody who knew. Blame
/// neither from the rules nor from the clause model; "nobody could have seen it
/// coming" still is.
pub(crate) fn names_no_one_at_fault(text: &Text, first: usize, last: usize) -> bool {
    (first..last).any(|k| {
        let subject_end = match (text.word(k), text.word(k + 1)) {
            ("nobody", _) => k + 1,
            ("no", "one") => k + 2,
            _ => return false,
        };
        // "nobody could have seen it coming", "nobody could keep up with that":
        // the excuse that nobody could; "nobody could say" is that nobody knew.
        match text.word(subject_end) {
            "else" => true,
            "could" | "can" => matches!(
                text.word(subject_end + 1),
                "say" | "tell" | "explain" | "remember" | "find" | "figure" | "answer" | "confirm"
            ),
            _ => false,
        }
    })
}

fn nobody_failed(text: &Text, first: usize, last: usize) -> Option<usize> {
    let k = (first..last.min(first + 3)).find(|&k| {
        text.word(k) == "nobody" || (text.word(k) == "no" && text.word(k + 1) == "one")
    })?;
    if names_no_one_at_fault(text, first, last) {
        return None;
    }
    // "Nobody on that production team gave the young artists the support".
    let failed = (k + 1..last.min(k + 9)).any(|j| {
        let w = text.word(j);
        duty_at(text, j) && past_at(text, j)
            || matches!(
                w,
                "listened" | "cared" | "bothered" | "noticed" | "offered" | "explained" | "gave"
            )
    });
    (failed && !text.tokens[k].quoted).then_some(k)
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
    // Both ownership checks scan every word, and most clauses blame no one: they
    // run only once a clause has a blame candidate.
    let owned = std::cell::OnceCell::new();
    let owned = || *owned.get_or_init(|| speaker_takes_fault(text, s));
    for (first, last) in comma_clauses(text, s) {
        if let Some(hit) = clause_blame_candidate(text, s, (first, last), &owned) {
            // "The missed signal was my doing": the speaker names the fault as theirs.
            if !super::detect::owns_by_naming(text, first, last) {
                hits.push(hit);
            }
        }
    }
}

/// The blame in clause `[first, last)` of `s`, if any; `owned` tells whether the
/// speaker takes the fault somewhere in the sentence.
fn clause_blame_candidate(
    text: &Text,
    s: &Sentence,
    (first, last): (usize, usize),
    owned: &dyn Fn() -> bool,
) -> Option<Hit> {
    let blame = |first, last, agent| Hit {
        kind: FindingKind::BlameShifting,
        first,
        last,
        agent,
    };
    if let Some(k) = disowned(text, first, last) {
        let start = (first..k).find(|&j| !is_opener(text.word(j))).unwrap_or(k);
        return Some(blame(start, clause_end(k, last), None));
    }
    // "... because the district handles the bus contracts": the duty handed to
    // someone else as the reason.
    if let Some(a) = duty_elsewhere(text, first, last).filter(|_| !owned()) {
        return Some(blame(a, last, None));
    }
    // "nobody on the team listened to me": the omission of everyone else.
    if let Some(k) = nobody_failed(text, first, last) {
        return Some(blame(k, clause_end(k, last), None));
    }
    if let Some((a, v)) = party_subject(text, first, last).filter(|_| !owned()) {
        let given_as_cause =
            || shortfall_at(text, v, last).filter(|_| given_as_cause(text, s, first, last));
        if let Some(k) = failure_at(text, v, last).or_else(given_as_cause) {
            // "temps who had no idea": the noun before "who".
            let agent = if text.word(a) == "who" {
                (a - 1, a)
            } else {
                (a, v)
            };
            return Some(blame(a, clause_end(k, last), Some(agent)));
        }
    }
    if let Some(k) = failed_by_party(text, first, last).filter(|_| !owned()) {
        return Some(blame(clause_start(text, first, k), last, None));
    }
    let (from, to) = excuse(text, first, last).filter(|_| !owned())?;
    Some(blame(from, to, None))
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
        // (sentence, start of the blame span)
        let cases = [
            (
                "The principal was upset because the district handles the bus contracts.",
                "because the district handles",
            ),
            (
                "They promised features that did not exist.",
                "They promised features",
            ),
            (
                "My lead made us skip the load tests.",
                "My lead made us skip",
            ),
            (
                "The app just logged everyone out.",
                "The app just logged everyone out",
            ),
            (
                "The booking software showed the wrong availability.",
                "The booking software showed",
            ),
            (
                "Excel auto-formatted the IDs.",
                "Excel auto-formatted the IDs",
            ),
            (
                "The POS system charged everyone twice.",
                "The POS system charged everyone twice",
            ),
            (
                "The spreadsheet formula was wrong.",
                "The spreadsheet formula was wrong",
            ),
            ("The patient lied about her history.", "The patient lied"),
            (
                "We were set up to fail from day one.",
                "We were set up to fail",
            ),
            (
                "I was just following the instructions.",
                "I was just following",
            ),
            ("I had no choice but to ship.", "I had no choice"),
            ("The process was broken.", "The process was broken"),
            (
                "the other nurse didnt tell me about the allergy",
                "the other nurse didnt tell",
            ),
            (
                "the delivery guys came two hours late",
                "the delivery guys came",
            ),
            (
                "nobody on the team listened to me",
                "nobody on the team listened",
            ),
            (
                "the board pulled the funding at the last minute",
                "the board pulled the funding",
            ),
            (
                "The client demanded it by Friday, so we shipped it.",
                "The client demanded it",
            ),
            (
                "The vendor never sent the specs.",
                "The vendor never sent the specs",
            ),
            (
                "The agency sent temps who had no idea how to use a scanner.",
                "who had no idea",
            ),
            (
                "The market just was not ready for it.",
                "The market just was not ready",
            ),
            (
                "I rebuilt the deck, but the data team changed a table without telling anyone.",
                "the data team changed",
            ),
            (
                "On the night the catering truck loaded the wrong meal count.",
                "the catering truck loaded",
            ),
            (
                "The team leader only sent an email.",
                "The team leader only sent",
            ),
            (
                "They changed the commission plan halfway through.",
                "They changed the commission plan",
            ),
            (
                "We lost the window due to the weather.",
                "due to the weather",
            ),
            (
                "I handed out vouchers, but the real problem was the catering company.",
                "but the real problem",
            ),
            (
                "The night nurse failed to chart the dose.",
                "The night nurse failed to chart",
            ),
            (
                "The scheduling tool crashed overnight.",
                "The scheduling tool crashed",
            ),
            (
                "The intern made an error in the totals.",
                "The intern made an error",
            ),
            ("He was supposed to check it.", "He was supposed to check"),
            (
                "The instructions were unclear.",
                "The instructions were unclear",
            ),
            ("The shipment arrived late.", "The shipment arrived late"),
            ("Dave never sent the specs.", "Dave never sent"),
            (
                "The patient never mentioned the blood thinner.",
                "The patient never mentioned",
            ),
            ("They not send the file on time.", "They not send the file"),
            ("The update wiped the settings.", "The update wiped"),
            (
                "Honestly it was mostly the vendor.",
                "Honestly it was mostly the vendor",
            ),
            ("We were never told about the change.", "We were never told"),
            (
                "There wasn't enough time to test.",
                "There wasn't enough time",
            ),
            ("The launch slipped because of them.", "because of them"),
            (
                "Our supplier shipped half the order.",
                "Our supplier shipped half",
            ),
            (
                "The courier lost the package.",
                "The courier lost the package",
            ),
            (
                "The engineers rushed the release without QA.",
                "The engineers rushed the release",
            ),
            (
                "IT took three days to restore the server.",
                "IT took three days",
            ),
            (
                "Management decided to launch anyway.",
                "Management decided to launch anyway",
            ),
            (
                "The system double-booked the rooms.",
                "The system double-booked",
            ),
            (
                "The patient was not compliant with the diet.",
                "The patient was not compliant",
            ),
            ("They gave us only two days.", "They gave us only two days"),
            (
                "The chef changed the menu the night before.",
                "The chef changed the menu",
            ),
            // Job words the lexicon does not list, by their ending.
            (
                "The paralegal calendared it wrong.",
                "The paralegal calendared",
            ),
            ("The appraiser came in low.", "The appraiser came in low"),
            (
                "Our cloud provider had a networking issue in one region.",
                "Our cloud provider had",
            ),
            (
                "The band's tour manager cut our soundcheck to 15 minutes.",
                "The band's tour manager cut",
            ),
            (
                "The partner insisted that we hit the deadline no matter what.",
                "The partner insisted",
            ),
            (
                "My manager didn't really know the account history.",
                "My manager didn't",
            ),
            // Disowning, whatever else the sentence owns.
            (
                "Honestly, it wasn't really on me.",
                "it wasn't really on me",
            ),
            (
                "I sent it, but that's really on him.",
                "that's really on him",
            ),
            ("The problem wasn't really me.", "The problem wasn't"),
            ("It was outside my control.", "It was outside"),
            (
                "It wasn't something I could control.",
                "It wasn't something",
            ),
            ("His responsibility, not mine.", "not mine"),
            ("It wasnt my technique it was the schedule.", "It wasnt my"),
            ("A lot of it was bad luck.", "A lot of it"),
            ("It was mostly a process problem.", "It was mostly"),
            ("There was no time to test it.", "There was no time"),
            (
                "Due to the heat in the salon that day, the color took badly.",
                "Due to the heat",
            ),
            (
                "Nobody on that production team gave the young artists any support.",
                "Nobody on that",
            ),
            ("The market that spring was just brutal.", "The market"),
            ("The setup was a mess before I got there.", "The setup"),
            ("The provider pushed a bad config.", "The provider pushed"),
            (
                "Marketing announced it before anyone told the account teams.",
                "Marketing announced",
            ),
            (
                "The scanner marked it delivered on its own.",
                "The scanner marked",
            ),
            (
                "A lot of it came down to the conductor's tempo.",
                "A lot of it",
            ),
            (
                "The issue was really how that conductor worked.",
                "The issue was",
            ),
            ("I was just doing what I was told.", "I was just doing"),
            (
                "The administration was not very supportive.",
                "The administration",
            ),
        ];
        for (src, want) in cases {
            assert!(
                blamed(src).iter().any(|b| b.starts_with(want)),
                "{src:?}: {:?}",
                blamed(src)
            );
        }
    }

    /// Each of `blames` holds exactly one blame; none of `clean` holds any.
    fn assert_blame_in(blames: &[&str], clean: &[&str]) {
        for src in blames {
            assert_eq!(blamed(src).len(), 1, "{src}");
        }
        for src in clean {
            assert!(blamed(src).is_empty(), "{src}: {:?}", blamed(src));
        }
    }

    #[test]
    fn a_party_doing_it_wrong_is_blame_past_the_speakers_relative_clause() {
        assert_blame_in(
            &[
                "The agency we hired completely misunderstood the brief.",
                "The lab mislabeled the tubes from the night shift.",
            ],
            &[
                "The agency we hired delivered on time.",
                "I missed the second dose.",
            ],
        );
    }

    #[test]
    fn a_party_falling_short_is_blame_when_given_as_the_reason() {
        assert_blame_in(
            &[
                "The design team was stretched across three projects, so we kept waiting.",
                "The launch slipped because the agency was slow with the mockups.",
            ],
            &[
                "The client was slow to reply after that.",
                "Checkout was down for 35 minutes.",
            ],
        );
    }

    #[test]
    fn fate_pressure_and_waiting_on_others_are_excuses() {
        assert_blame_in(
            &[
                "We were short staffed the whole quarter, so the audit slipped.",
                "We were under a lot of time pressure back then.",
                "Honestly these things just happen in this trade.",
                "It's hard when the dates come from above.",
                "Sometimes the ground just doesn't cooperate.",
                "I kind of blame the pace leadership set.",
                "There's only so much one inspector can catch.",
                "We were always waiting on them for the drawings.",
                "Somebody should have caught that earlier.",
                "There was not much I could do about the frost.",
                "What with the designers changing the layout every day, we slipped.",
                "Blame it on the casting house.",
                "Those booking apps are hit or miss.",
                "Nobody could keep up with that caseload.",
            ],
            &[
                "I blame myself for the delay.",
                "I don't blame the crew for leaving.",
                "The patients were waiting on the second floor.",
                "What happens next is up to the board.",
                "The pressure gauge read low, so I stopped the pump.",
            ],
        );
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
            "My manager wanted a summary, so I wrote it.",
            "The printer cut off the last digit of the zip code.",
            "Nobody was hurt.",
            "I called because our team handles the contracts.",
            "My manager made me the lead for the rollout.",
            "The team made us feel welcome.",
            "The printer jammed twice during the run.",
            "We set up a pilot to test it.",
            "I followed the instructions and it worked.",
            "The finance dashboards took 40 seconds to load.",
            "They were overtaxed for two pay cycles.",
            "She recovered without harm.",
            "The client moved part of their volume to another warehouse.",
            "The judge asked why the report was late.",
            "The client lost patience with us.",
            "It took three days to restore the server.",
            "That call was not mine to make, and I made it anyway.",
            "The order was wrong because I typed it wrong.",
            "I was not on my game that day.",
            "The counter was wrong and I missed it.",
            "The lesson was on me to learn.",
            "I was proud of my process, but it failed.",
            "The issue was mine: I skipped the check.",
            "Nobody else had signed off on it.",
            "Nobody could say when the truck would come.",
            "The problem was the date format.",
            "We lost two days due to the rework I ordered.",
            "The missed signal was my doing.",
            "Carrying it forward without asking was my shortcut.",
        ] {
            assert!(blamed(src).is_empty(), "{src:?}: {:?}", blamed(src));
        }
    }
}
