//! Clauses: a sentence cut where a new statement starts, so blame, ownership and
//! process changes can be judged per clause ("I shipped on time, but the vendor
//! never sent the specs" holds one of each kind).
//!
//! A cut falls before a token when the gap before it holds `;`, `:`, a dash or an
//! opening parenthesis, or when the token opens a new clause: "but", "because",
//! "since", "which", "although", "though", "whereas", "while", "due to", and after
//! a comma "and"/"so"/"then" followed by a subject ("and the client", "so we").
//! A cut never leaves a clause shorter than [`MIN_CLAUSE_WORDS`] tokens, so
//! "because of it" stays with its sentence.

use super::text::{Sentence, Text};

/// Shortest clause a cut may leave on either side.
pub(crate) const MIN_CLAUSE_WORDS: usize = 3;

/// Token ranges `[first, last)` of the clauses of sentence `s`, in order; they
/// cover the sentence without gaps.
pub(crate) fn clauses(text: &Text, s: &Sentence) -> Vec<(usize, usize)> {
    let mut out = Vec::with_capacity(4);
    let mut first = s.first;
    for i in s.first + 1..s.last {
        if i - first >= MIN_CLAUSE_WORDS && s.last - i >= MIN_CLAUSE_WORDS && opens_clause(text, i)
        {
            out.push((first, i));
            first = i;
        }
    }
    out.push((first, s.last));
    out
}

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

/// Finer cuts for the blame and systemic-fix rules: at every comma, semicolon,
/// colon or parenthesis and before every joiner, with no minimum length, as
/// token ranges `[first, last)`. The rules look for a subject at the start of
/// each piece; the classifier keeps [`clauses`], since its features need whole
/// clauses (trained on these cuts it lost systemic-fix recall on the report
/// part, 0.921 to 0.861).
pub(crate) fn comma_clauses<'t>(
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
            let cut = text.gap_has(i - 1, &[',', ';', ':', '(', ')']) || is_joiner(text.word(i));
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

/// Does a new clause start at token `i` (never the first of its sentence)?
fn opens_clause(text: &Text, i: usize) -> bool {
    let gap = text.gap_after(i - 1);
    // The usual gap, one space, holds no mark: skip the searches.
    let plain = gap == " ";
    if !plain && (gap.contains([';', ':', '(', '\u{2014}', '\u{2013}']) || gap.contains(" - ")) {
        return true;
    }
    let comma = !plain && gap.contains(',');
    let next = text.word(i + 1);
    match text.word(i) {
        "but" | "because" | "although" | "though" | "whereas" | "which" | "unless" => true,
        // "since" the conjunction, not "ever since" / "since then" (a takeaway cue that
        // stays with what follows it).
        "since" => next != "then" && text.word(i - 1) != "ever",
        "while" => comma,
        "due" => next == "to",
        "and" | "so" | "then" => comma && is_subject_start(next),
        _ => false,
    }
}

/// Words that open a subject phrase: pronouns, determiners, "nobody".
fn is_subject_start(w: &str) -> bool {
    matches!(
        w,
        "i" | "we"
            | "they"
            | "he"
            | "she"
            | "it"
            | "you"
            | "the"
            | "our"
            | "my"
            | "his"
            | "her"
            | "their"
            | "nobody"
            | "no"
            | "none"
            | "everyone"
            | "every"
            | "each"
            | "now"
            | "this"
            | "that"
            | "there"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_cut_at_commas_and_joiners() {
        let text =
            Text::new("The bus was late, and the parents who promised never came because of rain");
        let s = text.sentences[0];
        let got: Vec<usize> = comma_clauses(&text, &s).map(|(f, _)| f).collect();
        let words: Vec<&str> = got.iter().map(|&f| text.word(f)).collect();
        assert_eq!(words, ["the", "and", "who", "because"]);
    }

    fn clause_texts(src: &str) -> Vec<&str> {
        let text = Text::new(src);
        text.sentences
            .iter()
            .flat_map(|s| clauses(&text, s))
            .map(|(first, last)| &src[text.tokens[first].start..text.tokens[last - 1].end])
            .collect()
    }

    #[test]
    fn cuts_at_conjunctions_and_punctuation() {
        assert_eq!(
            clause_texts(
                "I shipped the build on time, but the vendor never sent the specs; we lost a week."
            ),
            [
                "I shipped the build on time",
                "but the vendor never sent the specs",
                "we lost a week"
            ]
        );
        assert_eq!(
            clause_texts("We missed the launch because the client changed the scope twice."),
            [
                "We missed the launch",
                "because the client changed the scope twice"
            ]
        );
        assert_eq!(
            clause_texts("I checked the totals, and the manager signed off: every batch passed."),
            [
                "I checked the totals",
                "and the manager signed off",
                "every batch passed"
            ]
        );
    }

    #[test]
    fn keeps_short_tails_and_takeaway_cues_whole() {
        assert_eq!(
            clause_texts("It failed because of me."),
            ["It failed because of me"]
        );
        assert_eq!(
            clause_texts("Ever since then every release has a sign-off."),
            ["Ever since then every release has a sign-off"]
        );
        // "and" without a comma and subject joins two objects, not two clauses.
        assert_eq!(
            clause_texts("I called the nurse and the pharmacist right away."),
            ["I called the nurse and the pharmacist right away"]
        );
    }

    #[test]
    fn clauses_cover_every_token_of_the_sentence() {
        let src = "The agency sent temps who had no idea, so I trained them myself, which took two days - a lot.";
        let text = Text::new(src);
        for s in &text.sentences {
            let got = clauses(&text, s);
            assert_eq!(got.first().map(|c| c.0), Some(s.first));
            assert_eq!(got.last().map(|c| c.1), Some(s.last));
            assert!(got.windows(2).all(|w| w[0].1 == w[1].0), "{got:?}");
            assert!(got.len() >= 3, "{got:?}");
        }
    }
}
