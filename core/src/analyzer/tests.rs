use super::*;
use proptest::prelude::*;

fn kinds(text: &str) -> Vec<FindingKind> {
    analyze(text)
        .map(|a| a.findings.iter().map(|f| f.kind).collect())
        .unwrap_or_default()
}

fn spans_of(text: &str, kind: FindingKind) -> Vec<String> {
    analyze(text)
        .map(|a| {
            a.findings
                .into_iter()
                .filter(|f| f.kind == kind)
                .map(|f| f.text)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn rejects_empty_and_overlong_input() {
    assert_eq!(analyze(""), Err(AnalyzerError::Empty));
    assert_eq!(analyze("  \n\t ... !!"), Err(AnalyzerError::Empty));
    let long = "a".repeat(MAX_CHARS + 1);
    assert_eq!(
        analyze(&long),
        Err(AnalyzerError::TooLong {
            chars: MAX_CHARS + 1,
            max: MAX_CHARS
        })
    );
    // The cap counts characters, not bytes.
    assert!(analyze(&"é".repeat(MAX_CHARS)).is_ok());
}

#[test]
fn serializes_to_the_issue_schema() {
    let a = analyze("I shipped a bug that cost 3 days. I learned to test first, and now every release has a checklist.")
        .expect("valid answer");
    let json = serde_json::to_value(&a).expect("serializes");
    for key in [
        "tier",
        "score",
        "word_count",
        "speaking_seconds",
        "takeaway_share",
        "segments",
        "findings",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let seg = &json["segments"][0];
    for key in ["part", "start", "end"] {
        assert!(seg.get(key).is_some(), "segment missing {key}");
    }
    let finding = &json["findings"][0];
    for key in ["kind", "start", "end", "text", "message", "suggestion"] {
        assert!(finding.get(key).is_some(), "finding missing {key}");
    }
    let kinds: Vec<&str> = json["findings"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["kind"].as_str())
        .collect();
    assert!(
        kinds.contains(&"metric") && kinds.contains(&"too_short"),
        "{kinds:?}"
    );
}

#[test]
fn kind_names_match_serde() {
    for kind in FindingKind::ALL {
        let json = serde_json::to_string(&kind).expect("serializes");
        assert_eq!(json, format!("\"{}\"", kind.as_str()));
    }
    assert!(FindingKind::Metric.is_positive());
    assert!(!FindingKind::Hedging.is_positive());
}

#[test]
fn context_traps_are_not_negative_findings() {
    let traps = [
        "It was the kind of project where everyone had an opinion.",
        "I owned our disaster recovery plan.",
        "The support team and I shared the queue.",
        "The client wrote \"sorry to chase, but where is the export?\"",
        "We overpaid by about $12,000 a year.",
        "On the tablet the screen was read-only until you scrolled.",
        "I should have checked the data first, so then I rebuilt the report.",
        "I wrote that runbook myself, and nobody else touched it.",
        "When the lab called, nobody could say which sample was first.",
        "The contractor lost his license for a year after that job.",
    ];
    for trap in traps {
        let negatives: Vec<FindingKind> = kinds(trap)
            .into_iter()
            .filter(|k| !k.is_positive() && !k.is_whole_answer())
            .collect();
        assert!(negatives.is_empty(), "{trap:?} gave {negatives:?}");
    }
    assert_eq!(
        spans_of(
            "I should have checked the data first.",
            FindingKind::Ownership
        )
        .len(),
        1
    );
    assert_eq!(
        spans_of("We overpaid by about $12,000 a year.", FindingKind::Metric),
        ["$12,000"]
    );
}

#[test]
fn flags_the_classic_negatives() {
    let text = "Mistakes were made. It was not my fault; the vendor should have caught it. \
                I guess it was sort of a nightmare. I'm so sorry. My failure is that I care too much. \
                The lesson is to be more careful.";
    let got = kinds(text);
    for kind in [
        FindingKind::PassiveVoice,
        FindingKind::BlameShifting,
        FindingKind::Hedging,
        FindingKind::EmotionalLanguage,
        FindingKind::OverApologizing,
        FindingKind::FakeFailure,
        FindingKind::ManualFix,
    ] {
        assert!(got.contains(&kind), "missing {kind:?} in {got:?}");
    }
    assert_eq!(analyze(text).map(|a| a.tier), Ok(Tier::Weak));
}

#[test]
fn strong_answer_scores_in_its_band() {
    let text = "I was the release manager for a banking app. I approved a Friday release without waiting \
                for the beta crash reports. On Saturday crashes rose to 4% on older phones, so I paused the \
                rollout at 20% and we shipped a fix within a day. The lesson I took is that the calendar \
                should never outrank the data, and that a rollout decision needs evidence in front of it. \
                Our release checklist now has a mandatory 48-hour beta soak, and I will not approve a \
                rollout until the crash dashboard is green.";
    let a = analyze(text).expect("valid");
    assert!(
        matches!(a.tier, Tier::Strong | Tier::Exemplary),
        "{:?}",
        a.tier
    );
    assert!((65..=100).contains(&a.score), "{}", a.score);
    let sum = a.part_shares.situation
        + a.part_shares.task
        + a.part_shares.action
        + a.part_shares.result
        + a.part_shares.takeaway;
    assert!((sum - 1.0).abs() < 1e-9);
    assert_eq!(a.speaking_seconds, (a.word_count * 60 + 75) / 150);
}

fn passive_suggestion(text: &str) -> String {
    analyze(text)
        .expect("valid")
        .findings
        .into_iter()
        .find(|f| f.kind == FindingKind::PassiveVoice)
        .and_then(|f| f.suggestion)
        .unwrap_or_else(|| panic!("no passive suggestion in {text:?}"))
}

#[test]
fn passive_rewrite_leaves_the_unknown_actor_blank() {
    assert_eq!(
        passive_suggestion("The deadline was missed."),
        "Say who did it: \u{201C}___ missed the deadline\u{201D}, with \u{201C}I\u{201D} or the person or team in the blank."
    );
}

#[test]
fn passive_rewrite_is_never_glued_from_fragments() {
    // Negation, irregular participles and fragments would give wrong English
    // ("I caught it" from "it wasn't caught"): only the general advice is offered.
    for text in [
        "The error wasn't caught until Monday.",
        "Mistakes were made.",
        "The order was done until the allergy check.",
        // A phrasal verb loses its particle, a long subject may hold a clause.
        "The new model was rolled out on Friday.",
        "The water was turned off at noon.",
        "The way player sessions were stored changed.",
    ] {
        let s = passive_suggestion(text);
        assert!(!s.contains("___"), "{text}: {s}");
        assert!(
            !s.contains("I caught") && !s.contains("I done"),
            "{text}: {s}"
        );
    }
}

#[test]
fn utf16_offsets_for_findings_with_emoji_and_accents() {
    let text = "Zoë 🙌 and I shipped 3 “quick” fixes.";
    let a = analyze(text).expect("valid");
    let map = Utf16Map::new(text);
    let metric = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::Metric)
        .expect("metric");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let (s, e) = (
        map.to_utf16(metric.start) as usize,
        map.to_utf16(metric.end) as usize,
    );
    assert_eq!(String::from_utf16_lossy(&utf16[s..e]), metric.text);
}

fn assert_well_formed(text: &str) {
    let Ok(a) = analyze(text) else { return };
    for f in &a.findings {
        assert!(f.start <= f.end && f.end <= text.len(), "{f:?}");
        assert!(
            text.is_char_boundary(f.start) && text.is_char_boundary(f.end),
            "{f:?}"
        );
        assert_eq!(&text[f.start..f.end], f.text);
    }
    for s in &a.segments {
        assert!(s.start <= s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    assert!(a.score <= 100);
    assert!((0.0..=1.0 + 1e-9).contains(&a.takeaway_share));
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn never_panics_on_arbitrary_unicode(text in "\\PC{0,400}") {
        assert_well_formed(&text);
    }

    #[test]
    fn never_panics_on_wordy_mixtures(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("I"), Just("was"), Just("were"), Just("made"), Just("sorry"), Just("so"),
                Just("kind"), Just("of"), Just("the"), Just("not"), Just("my"), Just("fault"),
                Just("$12,000"), Just("1.8%"), Just("Dr."), Just("e.g."), Just("\u{201C}"), Just("\u{201D}"),
                Just("\""), Just("."), Just("\n- "), Just("🙌"), Just("é"), Just("’"), Just("now"),
                Just("every"), Just("checklist"), Just("learned"), Just("should"), Just("have"),
                Just("nobody"), Just("double-check"), Just("myself"), Just("two"), Just("half"),
            ],
            0..120,
        )
    ) {
        let text = parts.join(" ");
        assert_well_formed(&text);
        let glued = parts.concat();
        assert_well_formed(&glued);
    }
}

/// The bundled module must agree with the analyzer: model answers are strong or
/// exemplary, the "before" texts learners rewrite are weak or developing.
#[test]
fn bundled_module_agrees_with_the_analyzer() {
    let module = crate::content::embedded_pack().module;
    let models = module
        .exercises
        .iter()
        .map(|e| (e.id.as_str(), e.model_answer.as_str()))
        .chain(std::iter::once((
            module.open_practice.id.as_str(),
            module.open_practice.model_answer.as_str(),
        )))
        .chain(
            module
                .interviewer
                .strong_examples
                .iter()
                .map(|e| (e.id.as_str(), e.answer.as_str())),
        );
    let befores = module
        .exercises
        .iter()
        .filter_map(|e| e.before.as_deref().map(|b| (e.id.as_str(), b)));
    let mut wrong = Vec::new();
    for (expect_good, (id, text)) in models.map(|m| (true, m)).chain(befores.map(|b| (false, b))) {
        let a = analyze(text).unwrap_or_else(|e| panic!("{id}: {e}"));
        let good = matches!(a.tier, Tier::Strong | Tier::Exemplary);
        println!(
            "{id:<28} {:<8} {:<10} score {:>3} takeaway {:.2}",
            if expect_good { "model" } else { "before" },
            a.tier.as_str(),
            a.score,
            a.takeaway_share
        );
        if good != expect_good {
            let kinds: Vec<&str> = a.findings.iter().map(|f| f.kind.as_str()).collect();
            wrong.push(format!("{id}: {} {kinds:?}", a.tier.as_str()));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

const NO_FIX_STORY: &str =
    "Last year I ran the launch of our new billing page for 4,000 customers. \
I chose to skip the load test because the date was close. The page failed for two hours and \
we lost 300 orders. I learned that a date is never worth an untested release, and I tell my \
team that story whenever a deadline tempts us to cut a step we depend on.";

#[test]
fn a_profile_can_stop_asking_for_a_kind() {
    let default = analyze(NO_FIX_STORY).unwrap();
    assert!(!default
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::SystemicFix));
    let profile = Profile {
        ignored_findings: vec![FindingKind::SystemicFix, FindingKind::MissingMetrics],
        ..Profile::default()
    };
    let relaxed = analyze_with(NO_FIX_STORY, &profile).unwrap();
    assert!(relaxed.score > default.score);
    assert!(relaxed.tier > default.tier || relaxed.tier == Tier::Strong);
    assert_eq!(analyze_with(NO_FIX_STORY, &Profile::default()), Ok(default));
}

#[test]
fn a_profile_moves_the_takeaway_thresholds() {
    let strict = Profile {
        short_takeaway_share: 0.9,
        ..Profile::default()
    };
    assert!(analyze_with(NO_FIX_STORY, &strict)
        .unwrap()
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::ShortTakeaway));
}

#[test]
fn a_short_takeaway_is_measured_against_the_share_the_question_teaches() {
    let conflict = Profile {
        short_takeaway_share: 0.9,
        suggested_takeaway_share: 0.33,
        ..Profile::default()
    };
    let analysis = analyze_with(NO_FIX_STORY, &conflict).unwrap();
    assert_eq!(analysis.suggested_takeaway_share, 0.33);
    let short = analysis
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::ShortTakeaway)
        .expect("a short takeaway");
    assert!(
        short
            .message
            .ends_with("the module suggests about a third."),
        "{}",
        short.message
    );
    let default = Profile {
        short_takeaway_share: 0.9,
        ..Profile::default()
    };
    let failure = analyze_with(NO_FIX_STORY, &default).unwrap();
    assert!(failure
        .findings
        .iter()
        .any(|f| f.kind == FindingKind::ShortTakeaway && f.message.ends_with("about half.")));
}

#[test]
fn labelled_parts_decide_segments_shares_and_missing_parts() {
    let story = LabelledText::new(&[
        (StarPart::Situation, "Last year I ran our billing launch."),
        (StarPart::Action, ""),
        (StarPart::Result, "The page failed for two hours."),
        (StarPart::Takeaway, "I learned to test first."),
    ]);
    assert_eq!(
        story.text,
        "Last year I ran our billing launch.\n\nThe page failed for two hours.\n\nI learned to test first."
    );
    let a = analyze_labelled(&story, &Profile::default()).unwrap();
    let parts: Vec<StarPart> = a.segments.iter().map(|s| s.part).collect();
    assert_eq!(
        parts,
        [StarPart::Situation, StarPart::Result, StarPart::Takeaway]
    );
    assert_eq!(a.missing_parts, [StarPart::Action]);
    assert!((a.takeaway_share - 5.0 / 18.0).abs() < 1e-9);
}

#[test]
fn score_lines_add_up_to_the_score() {
    for text in [
        NO_FIX_STORY,
        "It was not my fault. The QA team should have caught it and the whole week was a nightmare.",
        "I shipped a bug that cost 3 days. I learned to test first, and now every release has a checklist.",
    ] {
        let a = analyze(text).unwrap();
        let sum: i32 = a.score_lines.iter().map(|l| l.points).sum();
        assert_eq!(sum, i32::from(a.score), "{text}");
        assert!(a.score_lines.iter().all(|l| l.points != 0));
    }
    let blamed = analyze("It was not my fault. The QA team should have caught it.").unwrap();
    assert!(blamed
        .score_lines
        .iter()
        .any(|l| l.kind == Some(FindingKind::BlameShifting) && l.points < 0));
}

#[test]
fn ownership_without_i_as_subject_or_told_in_the_present() {
    for text in [
        "The shortcut came from me.",
        "The wrong assumption belonged to me, and so did the missing test.",
        "That outcome traces back to my staffing choices.",
        "The person who ran the swap was me.",
    ] {
        assert_eq!(spans_of(text, FindingKind::Ownership).len(), 1, "{text}");
    }
    assert!(spans_of("The idea did not come from me.", FindingKind::Ownership).is_empty());
    let present = "I am manager of a greenhouse with 12 houses. One spring I change the \
                   fertilizer recipe and I make a mistake in the calculation. The leaves burn \
                   on 8,000 plants. I tell the owner the same afternoon.";
    assert!(spans_of(present, FindingKind::Ownership).len() >= 2);
}

#[test]
fn multiword_hedges_and_feelings_are_found_whole() {
    for (text, kind, span) in [
        (
            "To a certain extent the plan held.",
            FindingKind::Hedging,
            "certain extent",
        ),
        (
            "For the most part it went fine.",
            FindingKind::Hedging,
            "most part",
        ),
        (
            "I'd have to say the launch slipped.",
            FindingKind::Hedging,
            "I'd have to say",
        ),
        ("In a way, the audit was late.", FindingKind::Hedging, "way"),
        (
            "It still eats at me.",
            FindingKind::EmotionalLanguage,
            "eats at me",
        ),
        (
            "Honestly it broke my heart.",
            FindingKind::EmotionalLanguage,
            "broke my heart",
        ),
        (
            "The move was a real ordeal.",
            FindingKind::EmotionalLanguage,
            "ordeal",
        ),
    ] {
        assert_eq!(spans_of(text, kind), [span], "{text}");
    }
    assert!(spans_of("We found a way that worked.", FindingKind::Hedging).is_empty());
}

#[test]
fn numbers_that_name_or_date_things_are_not_metrics() {
    let text = "In 2019 I moved us to version 3 two years ago and had it done by six, at 7 pm.";
    assert_eq!(spans_of(text, FindingKind::Metric), Vec::<String>::new());
    let impact = "I cut the wait by 30% and we saved two weeks.";
    assert_eq!(spans_of(impact, FindingKind::Metric), ["30%", "two weeks"]);
    let story = "I told our two milkers why, because the two files had one name, \
                 and I checked it two times.";
    assert_eq!(spans_of(story, FindingKind::Metric), Vec::<String>::new());
    let when = "In March 2023 the email came at 6:40, and two weeks later runway 09 closed.";
    assert_eq!(spans_of(when, FindingKind::Metric), Vec::<String>::new());
    let list = "1. Every request now needs a second reader.";
    assert_eq!(spans_of(list, FindingKind::Metric), Vec::<String>::new());
    let counted = "Since then the gate has caught four bad lots.";
    assert_eq!(spans_of(counted, FindingKind::Metric), ["four"]);
}

#[test]
fn a_systemic_fix_without_cue_words_is_the_takeaway() {
    let text = "Last year I ran our clinic's move to a new booking system and I chose to skip the \
rehearsal with the front desk. On the first morning 40 patients were double-booked and we lost two \
days. The following week I introduced a rule that every go-live starts with a dry run at the front \
desk, and the checklist for it is signed by the whole team before any date is set.";
    let a = analyze(text).unwrap();
    let kinds: Vec<FindingKind> = a.findings.iter().map(|f| f.kind).collect();
    assert!(kinds.contains(&FindingKind::SystemicFix), "{kinds:?}");
    assert!(!kinds.contains(&FindingKind::MissingTakeaway), "{kinds:?}");
    assert!(a.takeaway_share > 0.0);
}

#[test]
fn a_sentence_that_shifts_blame_is_never_praised_as_a_fix() {
    let text = "I run the inspection desk at a pipeline yard. I signed off 17 films without \
checking their density, and the client's auditor rejected them. That was my call. I asked to \
re-shoot all 17 welds and we lost four days. Honestly the subcontractor was slow with every \
report, so we were always waiting on them. Since then every film gets a density check and a \
second signature before any report goes out, and 900 welds have passed that way.";
    let a = analyze(text).unwrap();
    let blame: Vec<&Finding> = a
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::BlameShifting)
        .collect();
    assert!(!blame.is_empty());
    for fix in a
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::SystemicFix)
    {
        assert!(
            !blame.iter().any(|b| b.start < fix.end && fix.start < b.end),
            "praised as a fix: {:?}",
            &text[fix.start..fix.end]
        );
    }
}

#[test]
fn a_flagged_phrase_is_not_also_praised() {
    let text = "It was not my fault that the marketing team did zero promotion for 3 weeks.";
    let a = analyze(text).unwrap();
    for praise in a.findings.iter().filter(|f| f.kind.is_positive()) {
        assert!(
            !a.findings.iter().any(|n| !n.kind.is_positive()
                && n.end > n.start
                && n.start < praise.end
                && praise.start < n.end),
            "{:?} overlaps a negative",
            praise.text
        );
    }
}

#[test]
fn blame_handed_to_someone_else_is_found_in_its_own_clause() {
    // Each sentence also owns a step, which must not switch the blame off.
    for (text, blamed) in [
        (
            "I paged the lead, but it was not my call to make.",
            "not my call",
        ),
        (
            "I filed the report. It was his responsibility, not mine.",
            "not mine",
        ),
        (
            "I reran the job. The testing gap was really their problem.",
            "their problem",
        ),
        (
            "I refilled it. It was really the prescriber's mistake.",
            "prescriber's mistake",
        ),
        (
            "Due to the client's delays on the pilot, we slipped.",
            "client's delays",
        ),
        (
            "I agreed, but my manager forced us to run double shifts.",
            "forced us",
        ),
        ("I tried, but he set me up to fail.", "set me up"),
        (
            "I stayed late. Nobody had trained us on the new prices.",
            "Nobody had trained",
        ),
        (
            "I pushed on. Honestly anybody would have struggled.",
            "anybody would have",
        ),
    ] {
        let spans = spans_of(text, FindingKind::BlameShifting);
        assert!(
            spans.iter().any(|s| s.contains(blamed)),
            "{text:?}: blame spans {spans:?}"
        );
    }
}

#[test]
fn what_the_failure_did_to_people_or_things_is_not_blame() {
    for text in [
        "The recall letter was never sent.",
        "His metformin dose should have been reduced.",
        "Eight owners who should have been notified were never told.",
        "Twelve of our seniors had missed the deadline.",
        "A school group missed half their tour.",
        "So users kept downloading the old version.",
        "Nobody made a wrong batch.",
    ] {
        let spans = spans_of(text, FindingKind::BlameShifting);
        assert!(spans.is_empty(), "{text:?}: blame spans {spans:?}");
    }
    for text in [
        "The controller should have caught it.",
        "The shipment was delayed by the vendor.",
        "The agency missed every deadline.",
        "Marketing kept sending me garbage leads.",
    ] {
        let spans = spans_of(text, FindingKind::BlameShifting);
        assert!(!spans.is_empty(), "{text:?}: no blame");
    }
}

#[test]
fn owning_the_decision_is_not_blame() {
    for text in [
        "That decision was mine, and I told the client the same day.",
        "It was my call to skip the review, because I wanted the release out.",
        "It's my job to check the totals, and I did not.",
        "We pushed the fix within an hour and I set up an alert.",
    ] {
        let spans = spans_of(text, FindingKind::BlameShifting);
        assert!(spans.is_empty(), "{text:?}: blame spans {spans:?}");
    }
}

#[test]
fn ownership_is_an_owned_act_not_effort_or_pride() {
    for text in [
        "That decision was mine.",
        "That one was on me.",
        "Checking my inputs was my job.",
        "That was my miss.",
        "This was completely my responsibility.",
        "The wording was my choice.",
        "Not checking that list was a failure on my part.",
        "I never went back to check on him.",
        "I have posted the rent accrual twice.",
        "I said yes.",
        "After the audit, I rebuilt the template.",
        "I ran the numbers and skipped the second check.",
    ] {
        assert!(
            kinds(text).contains(&FindingKind::Ownership),
            "{text:?} owns nothing"
        );
    }
    for text in [
        "I still worked really hard all weekend.",
        "I made more calls than anyone to get feedback.",
        "I filled it exactly as written.",
        "Maybe I should have hired better people.",
        "It was not on me.",
        "Two other stores adopted the same screen after I presented those numbers.",
        "The crew lost nine minutes before I caught it on the second call.",
        "Context: I planned a 300-guest charity gala at a hotel.",
        "Now each circuit has been powered and tested before the wall closes.",
    ] {
        assert!(
            !kinds(text).contains(&FindingKind::Ownership),
            "{text:?} read as ownership"
        );
    }
}

#[test]
fn multiword_emotion_hedging_and_trailing_apologies_are_found() {
    for (text, kind, span) in [
        (
            "It was total chaos for an hour.",
            FindingKind::EmotionalLanguage,
            "total chaos",
        ),
        (
            "Honestly, it was a mess.",
            FindingKind::EmotionalLanguage,
            "a mess",
        ),
        (
            "The week was super stressful.",
            FindingKind::EmotionalLanguage,
            "super stressful",
        ),
        (
            "I'd say the launch went badly.",
            FindingKind::Hedging,
            "I'd say",
        ),
        (
            "I'm not totally sure why it broke.",
            FindingKind::Hedging,
            "not totally sure",
        ),
        (
            "I let down the customers, sorry.",
            FindingKind::OverApologizing,
            "sorry",
        ),
        (
            "I know this is not a great example.",
            FindingKind::OverApologizing,
            "not a great",
        ),
        (
            "I am not totally sure why it broke.",
            FindingKind::Hedging,
            "am not totally sure",
        ),
        (
            "It might have been my call.",
            FindingKind::Hedging,
            "might have",
        ),
        (
            "I feel very bad about it.",
            FindingKind::OverApologizing,
            "I feel very bad",
        ),
        ("It was partly my fault.", FindingKind::Hedging, "partly"),
        (
            "That could have been my mistake.",
            FindingKind::Hedging,
            "could have been",
        ),
        (
            "Two kids wandered off for a bit.",
            FindingKind::Hedging,
            "a bit",
        ),
        (
            "The pump stopped for a little bit.",
            FindingKind::Hedging,
            "a little bit",
        ),
        (
            "The whole floor was in a panic.",
            FindingKind::EmotionalLanguage,
            "panic",
        ),
        (
            "I was so stressed that week.",
            FindingKind::EmotionalLanguage,
            "so stressed",
        ),
        (
            "My heart sank when I saw it.",
            FindingKind::EmotionalLanguage,
            "heart sank",
        ),
        (
            "I was absolutely furious with the vendor.",
            FindingKind::EmotionalLanguage,
            "furious",
        ),
        (
            "I was completely overwhelmed.",
            FindingKind::EmotionalLanguage,
            "completely overwhelmed",
        ),
        (
            "It was the most stressful week of my life.",
            FindingKind::EmotionalLanguage,
            "most stressful",
        ),
        (
            "Everything fell apart.",
            FindingKind::EmotionalLanguage,
            "fell apart",
        ),
        (
            "I try to be extra careful with numbers from drafts.",
            FindingKind::ManualFix,
            "try to be extra careful",
        ),
        (
            "I always confirm service dates twice before I file.",
            FindingKind::ManualFix,
            "I always confirm service dates",
        ),
        (
            "Now I must always do the calculation.",
            FindingKind::ManualFix,
            "I must always do the calculation",
        ),
        // Someone else's fury dramatizes the story as much as the speaker's.
        (
            "My boss was furious.",
            FindingKind::EmotionalLanguage,
            "furious",
        ),
        (
            "It was super frustrating.",
            FindingKind::EmotionalLanguage,
            "super frustrating",
        ),
        (
            "It was a really rough week.",
            FindingKind::EmotionalLanguage,
            "really rough",
        ),
        (
            "It was a big shock to the desk.",
            FindingKind::EmotionalLanguage,
            "big shock",
        ),
        (
            "It was a punch in the gut.",
            FindingKind::EmotionalLanguage,
            "punch in the gut",
        ),
        (
            "I felt sick about it for weeks.",
            FindingKind::EmotionalLanguage,
            "felt sick",
        ),
        (
            "My heart just about stopped.",
            FindingKind::EmotionalLanguage,
            "heart just about stopped",
        ),
        (
            "Those were the scariest ten minutes of my life.",
            FindingKind::EmotionalLanguage,
            "scariest ten minutes of my life",
        ),
        (
            "The manager was shouting at everybody.",
            FindingKind::EmotionalLanguage,
            "shouting",
        ),
        (
            "I would say the plan was fine.",
            FindingKind::Hedging,
            "I would say",
        ),
        (
            "im not totally sure it helped",
            FindingKind::Hedging,
            "im not totally sure",
        ),
        ("It was a bit my mistake.", FindingKind::Hedging, "a bit"),
    ] {
        let spans = spans_of(text, kind);
        assert!(
            spans
                .iter()
                .any(|s| s.contains(span) || span.contains(s.as_str())),
            "{text:?}: {} spans {spans:?}",
            kind.as_str()
        );
    }
    for (text, kind) in [
        (
            "We ran chaos engineering drills every quarter.",
            FindingKind::EmotionalLanguage,
        ),
        (
            "I ate in the mess hall with the crew.",
            FindingKind::EmotionalLanguage,
        ),
        (
            "I was sorry to see him leave the team.",
            FindingKind::OverApologizing,
        ),
        (
            "I installed the panic bar hardware on every door.",
            FindingKind::EmotionalLanguage,
        ),
        (
            "A bit of the budget was left.",
            FindingKind::EmotionalLanguage,
        ),
        (
            "We crushed the ice by hand.",
            FindingKind::EmotionalLanguage,
        ),
        (
            "I was frustrated by the delay.",
            FindingKind::EmotionalLanguage,
        ),
        ("We were busy that week.", FindingKind::EmotionalLanguage),
        (
            "It was the worst storm of the year.",
            FindingKind::EmotionalLanguage,
        ),
        ("It was a bit after six.", FindingKind::Hedging),
        ("Nobody was harmed in the end.", FindingKind::PassiveVoice),
        ("Nothing was lost in the move.", FindingKind::PassiveVoice),
        ("No child was harmed.", FindingKind::PassiveVoice),
        ("I stayed until almost ten that night.", FindingKind::Metric),
        (
            "The truck came at eight in the morning.",
            FindingKind::Metric,
        ),
        (
            "The grinder was broken that morning.",
            FindingKind::PassiveVoice,
        ),
        (
            "I logged the date it was checked.",
            FindingKind::PassiveVoice,
        ),
        ("The order was partly shipped.", FindingKind::Hedging),
        ("We could have been faster.", FindingKind::Hedging),
        ("The patient may have seen it.", FindingKind::Hedging),
        (
            "I feel strongly about checklists.",
            FindingKind::OverApologizing,
        ),
        (
            "The client always checks the invoices twice.",
            FindingKind::ManualFix,
        ),
        (
            "I always loved working with that team.",
            FindingKind::ManualFix,
        ),
        ("I ran a little bakery for years.", FindingKind::Hedging),
        ("Sales dropped a bit that quarter.", FindingKind::Hedging),
    ] {
        let spans = spans_of(text, kind);
        assert!(
            spans.is_empty(),
            "{text:?}: {} spans {spans:?}",
            kind.as_str()
        );
    }
}

#[test]
fn a_third_party_failing_is_blame_even_when_the_answer_owns_elsewhere() {
    let text = "I was the shift lead and I chose to open the second dock. \
                The pharmacy sent up the wrong strength. \
                Honestly, half the team called in sick that week.";
    let spans = spans_of(text, FindingKind::BlameShifting);
    assert!(spans.iter().any(|s| s.contains("wrong")), "{spans:?}");
    assert!(
        spans.iter().any(|s| s.contains("called in sick")),
        "{spans:?}"
    );
    // The damage counted, a negated outcome and reported words are not blame.
    for text in [
        "Within a quarter, 27 new hires had missed the training.",
        "Since then the unit has had no order missed.",
        "The steward told me, 'your office messed this up, not the members.'",
        "For five days we missed next-day delivery.",
    ] {
        let spans = spans_of(text, FindingKind::BlameShifting);
        assert!(spans.is_empty(), "{text:?}: blame spans {spans:?}");
    }
}

#[test]
fn ages_are_not_metrics() {
    for text in [
        "I gave a four-year-old the wrong dose.",
        "The boy was six years old.",
    ] {
        let spans = spans_of(text, FindingKind::Metric);
        assert!(spans.is_empty(), "{text:?}: metric spans {spans:?}");
    }
    assert!(!spans_of("The outage lasted two days.", FindingKind::Metric).is_empty());
}

#[test]
fn a_passive_in_a_time_or_condition_clause_is_background() {
    for text in [
        "We closed the wall before the pressure test was done.",
        "Nobody could tell whether it was done.",
        "I shut off what was labeled as the kitchen circuit.",
    ] {
        let spans = spans_of(text, FindingKind::PassiveVoice);
        assert!(spans.is_empty(), "{text:?}: passive spans {spans:?}");
    }
    assert!(!spans_of(
        "The rollback path was never tested.",
        FindingKind::PassiveVoice
    )
    .is_empty());
}

#[test]
fn tenure_and_ordinals_are_not_metrics_but_yearly_rates_are() {
    for text in [
        "I had worked on that ward for eight years.",
        "We signed a two-year contract with the vendor.",
        "I was teaching the 10th grade that spring.",
    ] {
        let spans = spans_of(text, FindingKind::Metric);
        assert!(spans.is_empty(), "{text:?}: metric spans {spans:?}");
    }
    assert_eq!(
        spans_of("We handle about 9,000 calls a year.", FindingKind::Metric),
        vec!["9,000".to_string()]
    );
}

fn passive_suggestions(text: &str) -> Vec<String> {
    analyze(text)
        .map(|a| {
            a.findings
                .into_iter()
                .filter(|f| f.kind == FindingKind::PassiveVoice)
                .filter_map(|f| f.suggestion)
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn passive_rewrites_never_guess_the_actor_or_drop_the_negation() {
    for text in [
        "The wrong tray was not caught until the allergy check.",
        "It wasn't caught before the release.",
        "Our school was built in a hurry and the fire plan was ignored.",
        "One afternoon a prescription was filled with the wrong strength.",
        "The rollout was done until the allergy check failed.",
    ] {
        for s in passive_suggestions(text) {
            for bad in ["I done", "I caught", "I built", "I filled", "I ignored"] {
                assert!(!s.contains(bad), "{text:?} -> {s:?}");
            }
        }
    }
    let got = passive_suggestions("The ICU alarm was muted.");
    assert!(
        got.iter().any(|s| s.contains("___ muted the ICU alarm")),
        "{got:?}"
    );
}

#[test]
fn suggestions_quote_the_learners_own_words() {
    let a = analyze("It was total chaos. I'd say the vendor dropped the ball.").unwrap();
    for f in &a.findings {
        if matches!(
            f.kind,
            FindingKind::EmotionalLanguage | FindingKind::Hedging | FindingKind::BlameShifting
        ) {
            let s = f.suggestion.as_deref().unwrap_or("");
            assert!(s.contains(&f.text), "{:?}: {s:?}", f.kind);
        }
    }
}

/// A clinic story whose last sentence is `fix`: is that sentence a systemic fix?
fn praised_as_systemic(fix: &str) -> bool {
    let story = format!(
        "I ran the front desk at a clinic with 30 visits a day. I booked a patient on the \
         wrong day and did not read the date back. She drove two hours for nothing and we \
         lost the slot. I called her, rebooked her and told my manager. I learned that a \
         date I do not read back is a guess. {fix}"
    );
    spans_of(&story, FindingKind::SystemicFix)
        .iter()
        .any(|s| s == fix)
}

#[test]
fn artefacts_and_enforced_steps_are_systemic_fixes_wherever_they_sit() {
    for fix in [
        "Now every booking has a short note that each lead must sign before the shift.",
        "We now hold a five-minute huddle before every shift.",
        "Every new hire now shadows a senior receptionist for a week.",
        "The team adopted a color-coded labeling system.",
        "We started a weekly debrief with the night crew.",
        "We built a glossary of the 40 terms the two teams used differently.",
        "I wrote a four-part rubric with sample answers for each score.",
        "I set up a weekly totals check with finance.",
        "I added a step to the intake form where the patient confirms the date.",
        "A second person now checks every booking before it is sent.",
        "The calendar now flags any booking more than a month out.",
        "Now every booking over a week out needs a second signature.",
        "My manager added a date check to the booking checklist, which has run for 14 months.",
    ] {
        assert!(praised_as_systemic(fix), "{fix:?}");
    }
}

#[test]
fn evidence_consequences_and_trying_harder_are_not_systemic_fixes() {
    for fix in [
        "We have booked 900 visits since with the read-back and none went wrong.",
        "I rolled the change back and wrote to every patient who had left a review.",
        "I now check every booking myself.",
        "The clinic reviewed its policy after the complaint.",
        "Two other clinics in our network adopted the template.",
        "That one was on me: I wrote the default and I approved my own test plan.",
    ] {
        assert!(!praised_as_systemic(fix), "{fix:?}");
    }
}

#[test]
fn checking_harder_is_a_manual_fix_and_a_mechanism_is_not() {
    for text in [
        "I now double-check my work before sending it.",
        "I always make sure to check the totals.",
        "I pay closer attention to the dates.",
        "I review my work more carefully.",
        "I keep a closer eye on the schedule.",
        "I will never make that mistake again.",
        "I learned to slow down and check.",
        "Now I review every invoice myself.",
    ] {
        assert!(
            kinds(text).contains(&FindingKind::ManualFix),
            "{text:?} not read as a manual fix"
        );
    }
    for text in [
        "A second nurse must double-check every dose.",
        "I made sure the patient was safe.",
        "The vendor never sent it again.",
        "We slowed the rollout to five percent.",
        // The skipped check is the failure itself.
        "I meant to recheck him at midnight and never went back.",
        "I did not recheck it before the flight.",
        "I should have double-checked the order.",
        // "review" as a noun.
        "I wrote the incident review myself.",
        "I presented the numbers at our leadership review myself.",
    ] {
        assert!(
            !kinds(text).contains(&FindingKind::ManualFix),
            "{text:?} read as a manual fix"
        );
    }
}

#[test]
fn blame_suggestions_name_who_was_blamed() {
    for (text, who) in [
        (
            "The pharmacy never sent the right strength.",
            "on the pharmacy,",
        ),
        (
            "Our manager forced us to run double shifts.",
            "on your manager,",
        ),
        (
            "They changed the commission plan halfway through.",
            "on them,",
        ),
        (
            "The agency sent temps who had no idea how to scan.",
            "on temps,",
        ),
    ] {
        let a = analyze(text).unwrap();
        let blame = a
            .findings
            .iter()
            .find(|f| f.kind == FindingKind::BlameShifting)
            .unwrap_or_else(|| panic!("no blame in {text:?}"));
        let s = blame.suggestion.as_deref().unwrap_or("");
        assert!(
            s.contains(who) && s.contains(&blame.text),
            "{text:?}: {s:?}"
        );
    }
    // Blame with no named party keeps the general advice.
    let a = analyze("We lost the launch window due to the weather.").unwrap();
    let s = a
        .findings
        .iter()
        .find(|f| f.kind == FindingKind::BlameShifting)
        .and_then(|f| f.suggestion.clone())
        .unwrap_or_default();
    assert!(
        s.starts_with("Instead of") && !s.contains("puts this on"),
        "{s:?}"
    );
}

#[test]
fn no_span_is_both_praised_and_criticised() {
    let a = analyze(
        "I was the lead on a 40-bed unit. The pharmacy sent up the wrong strength. \
         That decision was mine, and I added a totals check to the template so it runs on every order.",
    )
    .unwrap();
    let praise = [FindingKind::Ownership, FindingKind::SystemicFix];
    for p in a.findings.iter().filter(|f| praise.contains(&f.kind)) {
        for n in a.findings.iter().filter(|f| f.kind.is_negative_wording()) {
            assert!(
                n.end <= p.start || p.end <= n.start,
                "{:?} {:?} overlaps {:?} {:?}",
                p.kind,
                p.text,
                n.kind,
                n.text
            );
        }
    }
    if a.findings
        .iter()
        .any(|f| f.kind == FindingKind::SystemicFix)
    {
        assert!(!a
            .findings
            .iter()
            .any(|f| f.kind == FindingKind::MissingTakeaway));
    }
}

#[test]
fn one_blame_clause_in_an_owned_story_is_developing_and_repeated_blame_is_weak() {
    let owned = "I ran the front desk at a clinic with 30 visits a day. I booked a patient on \
                 the wrong day because I did not read the date back. She drove two hours for \
                 nothing and we lost the slot. I called her, rebooked her and told my manager. \
                 The scheduling software was also confusing. I learned that a date I do not \
                 read back is a guess, so I added a read-back step to the booking checklist, \
                 and in 14 months since then we have had no wrong-day bookings.";
    let a = analyze(owned).unwrap();
    let count = |a: &Analysis, kind| a.findings.iter().filter(|f| f.kind == kind).count();
    assert_eq!(count(&a, FindingKind::BlameShifting), 1, "{:?}", a.findings);
    assert!(count(&a, FindingKind::Ownership) >= 2, "{:?}", a.findings);
    assert_eq!(a.tier, Tier::Developing);

    let repeated = owned.replace(
        "She drove",
        "The vendor never sent the reminder texts. She drove",
    );
    let a = analyze(&repeated).unwrap();
    assert_eq!(count(&a, FindingKind::BlameShifting), 2, "{:?}", a.findings);
    assert_eq!(a.tier, Tier::Weak);
}

#[test]
fn an_intensified_feeling_is_spanned_without_the_next_word() {
    for (text, span) in [
        (
            "It was super frustrating for everyone.",
            "super frustrating",
        ),
        (
            "I was completely overwhelmed by it.",
            "completely overwhelmed",
        ),
        ("I was so stressed that week.", "so stressed"),
        ("It was a big shock to us.", "big shock"),
        ("I was in tears by noon.", "in tears"),
    ] {
        assert_eq!(
            spans_of(text, FindingKind::EmotionalLanguage),
            [span],
            "{text:?}"
        );
    }
}
