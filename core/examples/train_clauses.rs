//! Trains the analyzer's clause classifier (see `aiprep_core::analyzer::classifier`)
//! and rewrites `core/src/analyzer/clause_model.bin`:
//!
//! `cargo run -p aiprep-core --release --example train_clauses [HELD_OUT...]`
//!
//! HELD_OUT names training snippet files (as listed in `tests/gold/parts.toml`)
//! to leave out of training and score instead, to measure how the model carries
//! over to wording it has not seen; the model file is then not written.
//!
//! Only the development part of the gold set is read (`development` in
//! `tests/gold/parts.toml`, the list the gold test reads too), plus the blame
//! snippets of its `training` list (short hand-written passages in many
//! wordings, labelled for blame only, which join every training fold but are
//! never scored, so cross-validation still measures whole answers); the report
//! part stays unseen. A clause is a positive of a label when it overlaps a
//! gold span of that kind, left out when it overlaps only an optional label of
//! that kind, and a negative otherwise (traps included). Training is plain
//! stochastic gradient descent on the logistic loss with L2, in a fixed shuffled
//! order (fixed seed), so the same gold files always give the same bytes. Each
//! label's threshold is the lowest one whose 5-fold cross-validated precision (by
//! answer) reaches [`TARGET_PRECISION`]; its veto is the score below which
//! dropping the rules' findings gives the best cross-validated F1 of rules and
//! model together (no veto when none helps).

use aiprep_core::analyzer::classifier::{clause_samples, ClauseModel, LabelModel, BUCKETS, LABELS};
use aiprep_core::analyzer::FindingKind;
use serde::Deserialize;
use std::path::Path;

/// The development part of gold v2 (the same files as the development entry of
/// `V2_PARTS` in tests/tests/analyzer_gold.rs), from the workspace root.
const PARTS: &str = "tests/gold/parts.toml";
const OUTPUT: &str = "core/src/analyzer/clause_model.bin";

const FOLDS: usize = 5;
const EPOCHS: usize = 40;
const LEARNING_RATE: f32 = 0.2;
const L2: f32 = 1e-3;
const SEED: u64 = 0x5eed_c1a5_5e5f_0001;
/// Precision the threshold aims at in cross-validation.
const TARGET_PRECISION: f64 = 0.92;
/// Cross-validated precision of rules and model together below which no
/// threshold and veto are chosen, however good their F1: a false blame finding
/// sinks a good answer to weak, so blame trades recall for precision first.
const MIN_COMBINED_PRECISION: f64 = 0.8;
/// The labels whose rule findings the model may veto. Blame only: a false blame
/// finding sinks an answer to weak, while the fix rules' misses cost more than
/// their false praise (a fix the model vetoes is a takeaway the learner wrote
/// and is told is missing).
const VETOED: [FindingKind; 1] = [FindingKind::BlameShifting];

#[derive(Deserialize)]
struct Gold {
    answer: Vec<Answer>,
}

#[derive(Deserialize)]
struct Answer {
    text: String,
    findings: Vec<Label>,
}

#[derive(Deserialize)]
struct Label {
    kind: String,
    text: Option<String>,
    #[serde(default)]
    optional: bool,
}

/// A clause's features and, per label, whether it is a positive (None: left out)
/// and whether the rules flag it.
struct Example {
    features: Vec<u32>,
    targets: [Option<bool>; LABELS.len()],
    flagged: [bool; LABELS.len()],
}

#[derive(Deserialize)]
struct Snippets {
    snippet: Vec<Snippet>,
}

/// A short passage labelled for blame only: `blame` and `optional` are exact
/// substrings of `text`.
#[derive(Deserialize)]
struct Snippet {
    text: String,
    blame: Vec<String>,
    optional: Vec<String>,
}

/// The development answers' examples, one list per answer, the training
/// snippets' and those of the training snippet files in `held_out`.
fn load(held_out: &[String]) -> (Vec<Vec<Example>>, Vec<Example>, Vec<Example>) {
    #[derive(Deserialize)]
    struct Parts {
        development: Vec<String>,
        #[serde(default)]
        training: Vec<String>,
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let parts: Parts =
        toml::from_str(&std::fs::read_to_string(root.join(PARTS)).expect(PARTS)).expect(PARTS);
    let read = |file: &str| {
        std::fs::read_to_string(root.join("tests/gold").join(file))
            .unwrap_or_else(|e| panic!("cannot read {file}: {e}"))
    };
    let mut answers = Vec::new();
    for file in &parts.development {
        let gold: Gold = toml::from_str(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        for answer in gold.answer {
            let labels = LABELS.map(|k| {
                let spans = |optional: bool| -> Vec<&str> {
                    answer
                        .findings
                        .iter()
                        .filter(|l| l.kind == k.as_str() && l.optional == optional)
                        .filter_map(|l| l.text.as_deref())
                        .collect()
                };
                Some((spans(false), spans(true)))
            });
            answers.push(examples_of(&answer.text, labels));
        }
    }
    let (mut snippets, mut validation) = (Vec::new(), Vec::new());
    for file in &parts.training {
        let set: Snippets = toml::from_str(&read(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        for snippet in set.snippet {
            let labels = LABELS.map(|k| {
                (k == FindingKind::BlameShifting)
                    .then(|| (strs(&snippet.blame), strs(&snippet.optional)))
            });
            let examples = examples_of(&snippet.text, labels);
            if held_out.contains(file) {
                validation.extend(examples);
            } else {
                snippets.extend(examples);
            }
        }
    }
    (answers, snippets, validation)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Per label, the must-find and optional spans of a text, or None when the text
/// is not labelled for that kind (its clauses are then left out of it).
type SpanLabels<'a> = [Option<(Vec<&'a str>, Vec<&'a str>)>; LABELS.len()];

fn examples_of(text: &str, labels: SpanLabels) -> Vec<Example> {
    let located = |snippets: &[&str]| -> Vec<(usize, usize)> {
        snippets
            .iter()
            .flat_map(|t| text.match_indices(t).map(|(i, s)| (i, i + s.len())))
            .collect()
    };
    let kinds = labels.map(|l| l.map(|(must, optional)| (located(&must), located(&optional))));
    let samples = clause_samples(text).expect("gold texts are not empty");
    samples
        .into_iter()
        .map(|c| {
            let over =
                |spans: &[(usize, usize)]| spans.iter().any(|&(s, e)| s < c.end && c.start < e);
            let targets = kinds.each_ref().map(|spans| {
                let (must, optional) = spans.as_ref()?;
                if over(must) {
                    Some(true)
                } else if over(optional) {
                    None
                } else {
                    Some(false)
                }
            });
            Example {
                features: c.features,
                targets,
                flagged: c.flagged_by_rules,
            }
        })
        .collect()
}

/// xorshift64*: a fixed, dependency-free shuffle order.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

fn sigmoid(z: f32) -> f32 {
    1.0 / (1.0 + (-z).exp())
}

/// Float weights and bias of one label trained on `data`.
fn train(data: &[(&[u32], bool)]) -> (Vec<f32>, f32) {
    let mut weights = vec![0f32; BUCKETS];
    let mut bias = 0f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = Rng(SEED);
    for epoch in 0..EPOCHS {
        rng.shuffle(&mut order);
        let rate = LEARNING_RATE / (1.0 + epoch as f32 * 0.2);
        for &n in &order {
            let (features, positive) = data[n];
            let z = bias + features.iter().map(|&f| weights[f as usize]).sum::<f32>();
            let gradient = sigmoid(z) - f32::from(u8::from(positive));
            bias -= rate * gradient;
            for &f in features {
                let w = &mut weights[f as usize];
                *w -= rate * (gradient + L2 * *w);
            }
        }
    }
    (weights, bias)
}

/// (precision, recall) of `scored` (logit, positive) above `threshold`.
fn precision_recall(scored: &[(f32, bool)], threshold: f32) -> (f64, f64, usize) {
    let (mut tp, mut fp, mut positives) = (0usize, 0usize, 0usize);
    for &(score, positive) in scored {
        positives += usize::from(positive);
        if score > threshold {
            if positive {
                tp += 1;
            } else {
                fp += 1;
            }
        }
    }
    let precision = if tp + fp == 0 {
        1.0
    } else {
        tp as f64 / (tp + fp) as f64
    };
    let recall = if positives == 0 {
        1.0
    } else {
        tp as f64 / positives as f64
    };
    (precision, recall, tp + fp)
}

/// The lowest threshold (between two observed scores) whose precision reaches the
/// target, with at least a few predictions so one lucky clause does not decide it.
fn pick_threshold(scored: &[(f32, bool)]) -> f32 {
    let mut scores: Vec<f32> = scored.iter().map(|s| s.0).collect();
    scores.sort_by(|a, b| b.total_cmp(a));
    let mut best = scores.first().copied().unwrap_or(0.0);
    for pair in scores.windows(2) {
        let threshold = (pair[0] + pair[1]) / 2.0;
        let (precision, _, predicted) = precision_recall(scored, threshold);
        if predicted >= 10 && precision >= TARGET_PRECISION {
            best = threshold;
        }
    }
    best
}

/// Cross-validated scores of one label's clauses: (score, positive, rules flag it).
type Scored = Vec<(f32, bool, bool)>;

/// Precision, recall and F1 of rules and model together: a clause is a finding
/// when the rules flag it and it scores at least `veto`, or it scores above
/// `threshold`.
fn combined(scored: &Scored, threshold: f32, veto: f32) -> (f64, f64, f64) {
    let (mut tp, mut fp, mut fn_) = (0u32, 0u32, 0u32);
    for &(score, positive, flagged) in scored {
        let found = (flagged && score >= veto) || score > threshold;
        match (found, positive) {
            (true, true) => tp += 1,
            (true, false) => fp += 1,
            (false, true) => fn_ += 1,
            (false, false) => {}
        }
    }
    (
        ratio(tp, tp + fp),
        ratio(tp, tp + fn_),
        ratio(2 * tp, 2 * tp + fp + fn_),
    )
}

fn ratio(a: u32, b: u32) -> f64 {
    f64::from(a) / f64::from(b.max(1))
}

/// For a vetoed label, the threshold and veto with the best combined F1
/// (thresholds on a grid from the precision-target one down; no veto, minus
/// infinity, unless one helps). Other labels keep the precision-target threshold.
fn pick_threshold_and_veto(kind: FindingKind, scored: &Scored, precise: f32) -> (f32, f32) {
    let mut vetoes: Vec<f32> = scored.iter().filter(|s| s.2).map(|s| s.0).collect();
    vetoes.sort_by(f32::total_cmp);
    vetoes.dedup();
    let vetoes: Vec<f32> = std::iter::once(f32::NEG_INFINITY)
        .chain(vetoes.windows(2).map(|p| (p[0] + p[1]) / 2.0))
        .collect();
    let mut best = (precise, f32::NEG_INFINITY, 0.0);
    if !VETOED.contains(&kind) {
        return (best.0, best.1);
    }
    for step in 0..=24 {
        let threshold = precise - 0.25 * step as f32;
        for &veto in &vetoes {
            let (precision, _, f1) = combined(scored, threshold, veto);
            if f1 > best.2 && precision >= MIN_COMBINED_PRECISION {
                best = (threshold, veto, f1);
            }
        }
    }
    (best.0, best.1)
}

/// Clause-level precision and recall on snippets the model did not train on:
/// the model alone by threshold, and rules and model as the analyzer combines them.
fn report_held_out(
    kind: FindingKind,
    l: usize,
    held_out: &[Example],
    weights: &[f32],
    bias: f32,
    (threshold, veto): (f32, f32),
) {
    let model = LabelModel::quantized(kind, bias, (0.0, 0.0), weights);
    let scored: Scored = held_out
        .iter()
        .filter_map(|e| Some((model.score(&e.features), e.targets[l]?, e.flagged[l])))
        .collect();
    if scored.is_empty() {
        return;
    }
    let (p, r, f1) = combined(&scored, threshold, veto);
    let (rp, rr, rf1) = combined(&scored, f32::INFINITY, f32::NEG_INFINITY);
    println!(
        "  held-out snippets, {} clauses: rules alone precision {rp:.3} recall {rr:.3} F1 {rf1:.3}; with the model precision {p:.3} recall {r:.3} F1 {f1:.3}",
        scored.len()
    );
    let alone: Vec<(f32, bool)> = scored.iter().map(|s| (s.0, s.1)).collect();
    for t in [-2.0f32, -1.0, 0.0, 1.0, 2.0] {
        let (p, r, n) = precision_recall(&alone, t);
        println!("    model alone at {t:.1}: precision {p:.3} recall {r:.3} ({n} predicted)");
    }
}

fn main() {
    let held_out: Vec<String> = std::env::args().skip(1).collect();
    let (answers, snippets, validation) = load(&held_out);
    let clauses: usize = answers.iter().map(Vec::len).sum();
    println!(
        "development part: {} answers, {clauses} clauses; {} snippet clauses",
        answers.len(),
        snippets.len()
    );
    let mut labels = Vec::new();
    for (l, kind) in LABELS.iter().enumerate() {
        // Snippets train every fold and the final model; only answers are held out.
        let of = |fold: Option<usize>, held_out: bool| -> Vec<&Example> {
            answers
                .iter()
                .enumerate()
                .filter(|(n, _)| fold.is_none_or(|f| (n % FOLDS == f) == held_out))
                .flat_map(|(_, a)| a.iter())
                .chain(snippets.iter().filter(|_| !held_out))
                .filter(|e| e.targets[l].is_some())
                .collect()
        };
        fn labelled<'a>(examples: &[&'a Example], l: usize) -> Vec<(&'a [u32], bool)> {
            examples
                .iter()
                .map(|e| (e.features.as_slice(), e.targets[l] == Some(true)))
                .collect()
        }
        let mut scored_with_rules: Scored = Vec::new();
        for fold in 0..FOLDS {
            let (weights, bias) = train(&labelled(&of(Some(fold), false), l));
            let model = LabelModel::quantized(*kind, bias, (0.0, 0.0), &weights);
            scored_with_rules.extend(of(Some(fold), true).into_iter().map(|e| {
                let positive = e.targets[l] == Some(true);
                (model.score(&e.features), positive, e.flagged[l])
            }));
        }
        let scored: Vec<(f32, bool)> = scored_with_rules.iter().map(|s| (s.0, s.1)).collect();
        let precise = pick_threshold(&scored);
        let (threshold, veto) = pick_threshold_and_veto(*kind, &scored_with_rules, precise);
        for (name, t, v) in [
            (
                "no veto, threshold at the precision target",
                precise,
                f32::NEG_INFINITY,
            ),
            ("chosen", threshold, veto),
        ] {
            let (p, r, f1) = combined(&scored_with_rules, t, v);
            println!(
                "    rules and model, {name} (threshold {t:.3}, veto {v:.3}): precision {p:.3} recall {r:.3} F1 {f1:.3}"
            );
        }
        let all = labelled(&of(None, false), l);
        let positives = all.iter().filter(|e| e.1).count();
        let (precision, recall, predicted) = precision_recall(&scored, threshold);
        println!(
            "{}: {} clauses, {positives} positive; {FOLDS}-fold CV at threshold {threshold:.3}: precision {precision:.3} recall {recall:.3} ({predicted} predicted)",
            kind.as_str(),
            all.len()
        );
        for t in [
            -3.0f32, -2.5, -2.0, -1.5, -1.0, -0.5, 0.0, 0.5, 1.0, 1.5, 2.0,
        ] {
            let (p, r, n) = precision_recall(&scored, t);
            println!("    threshold {t:.3}: precision {p:.3} recall {r:.3} ({n} predicted)");
        }
        let (weights, bias) = train(&all);
        if !validation.is_empty() {
            report_held_out(*kind, l, &validation, &weights, bias, (threshold, veto));
        }
        labels.push(LabelModel::quantized(
            *kind,
            bias,
            (threshold, veto),
            &weights,
        ));
    }
    if !validation.is_empty() {
        println!("snippet files held out: the model file is left as it was");
        return;
    }
    let bytes = ClauseModel { labels }.to_bytes();
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join(OUTPUT);
    std::fs::write(&path, &bytes).unwrap_or_else(|e| panic!("cannot write {OUTPUT}: {e}"));
    println!("wrote {OUTPUT} ({} bytes)", bytes.len());
}
