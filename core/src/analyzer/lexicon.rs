//! Word classes shared by the structure labeller and the detectors.
//!
//! Everything is matched against normalised tokens (see `text`), so these are
//! plain lowercase ASCII; `match` on `&str` compiles to length-then-bytes
//! comparisons and needs no table built at run time.

/// Past-tense forms without "-ed" that describe something the speaker did.
pub(crate) fn is_irregular_past_action(w: &str) -> bool {
    matches!(
        w,
        "made"
            | "took"
            | "told"
            | "wrote"
            | "sent"
            | "ran"
            | "put"
            | "set"
            | "built"
            | "gave"
            | "let"
            | "chose"
            | "forgot"
            | "caught"
            | "brought"
            | "sat"
            | "met"
            | "led"
            | "shut"
            | "cut"
            | "kept"
            | "left"
            | "went"
            | "paid"
            | "found"
            | "rebuilt"
            | "rewrote"
            | "spent"
            | "sold"
            | "bought"
            | "drove"
            | "held"
            | "hit"
            | "spoke"
            | "began"
            | "drew"
            | "oversaw"
            | "undertook"
            | "withdrew"
            | "froze"
            | "rang"
            | "won"
            | "lost"
            | "broke"
            | "overrode"
            | "taught"
            | "mistook"
            | "misread"
            | "overbooked"
    )
}

/// "-ed" words that report a state of mind, not an action.
fn is_non_action_ed(w: &str) -> bool {
    matches!(
        w,
        "wanted"
            | "needed"
            | "hoped"
            | "liked"
            | "loved"
            | "hated"
            | "believed"
            | "realized"
            | "realised"
            | "learned"
            | "seemed"
            | "worried"
            | "wished"
            | "guessed"
            | "supposed"
            | "used"
            | "tried"
            | "panicked"
            | "cringed"
            | "enjoyed"
            | "preferred"
            | "expected"
            | "imagined"
            | "wondered"
            | "cared"
            | "feared"
            | "dreaded"
            | "remembered"
            | "appreciated"
            | "struggled"
            | "joined"
            | "tired"
            | "bored"
            | "excited"
            | "interested"
            | "stressed"
            | "overwhelmed"
            | "exhausted"
            | "embarrassed"
            | "ashamed"
            | "pleased"
            | "surprised"
            | "disappointed"
            | "relieved"
            | "frustrated"
            | "confused"
            | "annoyed"
            | "scared"
            | "shocked"
            | "devastated"
            | "humiliated"
            | "mortified"
    )
}

/// A past-tense verb describing an action (regular "-ed" or a known irregular).
pub(crate) fn is_past_action(w: &str) -> bool {
    if is_irregular_past_action(w) {
        return true;
    }
    w.len() >= 5
        && w.ends_with("ed")
        && (!w.ends_with("eed") || matches!(w, "agreed" | "guaranteed" | "freed" | "decreed"))
        && !is_non_action_ed(w)
        && w.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
}

/// Verbs that usually describe a role rather than a decision ("I managed the desk").
/// They count as ownership only outside the opening situation.
pub(crate) fn is_role_verb(w: &str) -> bool {
    matches!(
        w,
        "managed"
            | "led"
            | "ran"
            | "supervised"
            | "coordinated"
            | "handled"
            | "worked"
            | "edited"
            | "owned"
            | "oversaw"
            | "joined"
            | "taught"
            | "shared"
            | "served"
            | "directed"
            | "headed"
            | "covered"
            | "supported"
            | "helped"
    )
}

/// Adverbs that may sit between a subject and its verb ("I then rolled it back").
pub(crate) fn is_subject_adverb(w: &str) -> bool {
    matches!(
        w,
        "also"
            | "then"
            | "quickly"
            | "immediately"
            | "personally"
            | "myself"
            | "first"
            | "finally"
            | "later"
            | "eventually"
            | "actually"
            | "just"
            | "all"
            | "still"
            | "completely"
            | "simply"
            | "deliberately"
            | "mistakenly"
            | "wrongly"
            | "even"
            | "again"
            | "directly"
            | "ultimately"
            | "originally"
            | "initially"
            | "alone"
            | "together"
            | "both"
            | "promptly"
            | "instead"
    )
}

/// Past participles that are irregular (for passive voice).
pub(crate) fn is_irregular_participle(w: &str) -> bool {
    matches!(
        w,
        "made"
            | "sent"
            | "given"
            | "taken"
            | "done"
            | "put"
            | "told"
            | "built"
            | "written"
            | "seen"
            | "shown"
            | "brought"
            | "sold"
            | "left"
            | "kept"
            | "caught"
            | "cut"
            | "known"
            | "held"
            | "broken"
            | "forgotten"
            | "chosen"
            | "found"
            | "lost"
            | "paid"
            | "hit"
            | "set"
            | "thrown"
            | "spent"
            | "overlooked"
            | "missed"
            | "swept"
            | "let"
            | "shut"
            | "mislaid"
            | "undone"
            | "overwritten"
            | "misread"
            | "dropped"
    )
}

/// "-ed" words used as adjectives after "was"/"were" ("was excited", "were finished").
pub(crate) fn is_adjectival_participle(w: &str) -> bool {
    is_non_action_ed(w)
        || matches!(
            w,
            "located"
                | "involved"
                | "married"
                | "concerned"
                | "convinced"
                | "prepared"
                | "committed"
                | "experienced"
                | "qualified"
                | "limited"
                | "detailed"
                | "skilled"
                | "determined"
                | "impressed"
                | "engaged"
                | "focused"
                | "motivated"
                | "finished"
                | "closed"
                | "delighted"
                | "satisfied"
                | "staffed"
                | "understaffed"
                | "overstaffed"
                | "ruined"
                | "panicked"
                | "crowded"
                | "booked"
                | "based"
                | "scheduled"
                | "allowed"
                | "required"
                | "expected"
                | "supposed"
                | "isolated"
                | "distracted"
                | "unprepared"
                | "unexpected"
                | "talented"
                | "related"
                | "connected"
                | "dedicated"
                | "organized"
                | "organised"
                | "advanced"
                | "complicated"
                | "sophisticated"
                | "outdated"
                | "automated"
                | "red"
                | "hundred"
        )
}

/// Subject pronouns naming a person; a passive with one of these hides nobody.
pub(crate) fn is_person_pronoun(w: &str) -> bool {
    matches!(w, "i" | "we" | "you" | "he" | "she" | "they")
}

/// Spelled-out counts that make a quantity ("three weeks", "twelve deals").
pub(crate) fn is_number_word(w: &str) -> bool {
    matches!(
        w,
        "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "thirteen"
            | "fourteen"
            | "fifteen"
            | "sixteen"
            | "seventeen"
            | "eighteen"
            | "nineteen"
            | "twenty"
            | "thirty"
            | "forty"
            | "fifty"
            | "sixty"
            | "seventy"
            | "eighty"
            | "ninety"
            | "hundred"
            | "thousand"
            | "million"
            | "billion"
            | "dozen"
            | "dozens"
            | "hundreds"
            | "thousands"
            | "millions"
            | "zero"
    )
}

/// Units of time: "one week" is a quantity, "one person" is not.
pub(crate) fn is_time_unit(w: &str) -> bool {
    matches!(
        w,
        "second"
            | "minute"
            | "hour"
            | "day"
            | "week"
            | "month"
            | "quarter"
            | "year"
            | "night"
            | "shift"
            | "sprint"
            | "cycle"
    )
}

/// Words that follow a number and belong to the same quantity.
pub(crate) fn is_quantity_suffix(w: &str) -> bool {
    matches!(
        w,
        "percent"
            | "per"
            | "million"
            | "billion"
            | "thousand"
            | "hundred"
            | "k"
            | "pm"
            | "am"
            | "points"
            | "basis"
    )
}

/// Determiners before "kind of"/"sort of" that make it a noun phrase, not a hedge.
pub(crate) fn is_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "what"
            | "which"
            | "any"
            | "some"
            | "same"
            | "every"
            | "one"
            | "each"
            | "another"
            | "no"
            | "whatever"
            | "our"
            | "my"
            | "their"
            | "its"
            | "that's"
            | "different"
            | "right"
            | "wrong"
    )
}

/// Words after "disaster" that make it a technical term ("disaster recovery").
pub(crate) fn is_disaster_compound(w: &str) -> bool {
    matches!(
        w,
        "recovery"
            | "plan"
            | "plans"
            | "planning"
            | "drill"
            | "drills"
            | "site"
            | "relief"
            | "response"
            | "preparedness"
            | "zone"
            | "management"
    )
}
