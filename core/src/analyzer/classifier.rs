//! A small learned clause classifier for blame and systemic fixes.
//!
//! The rules in `detect` know a few shapes of blame and of process change; answers
//! they have not seen phrase both in many more ways ("the agency sent temps who had
//! no idea", "whoever is on site photographs the breaker"). Each clause
//! (see `clause`) is scored by one logistic regression per label over hashed
//! features; a clause above the label's threshold becomes a finding of that kind
//! unless the rules already found one overlapping it, and a rule finding whose
//! clauses all score below the label's veto is dropped: the rules propose shapes
//! ("a party + a failure verb"), and the model has seen which of those shapes
//! learners use for plain story-telling ("nobody could finish in time").
//!
//! # Features
//! [`clause_features`] is the one feature function, used by inference and by the
//! training program, so the two cannot drift: lowercase word unigrams and bigrams
//! of the clause (numbers folded into one token, clause edges marked), two words
//! before and one after it in its sentence, the lexicon classes of its words, its
//! subject (the speaker, the team, someone else) and negation, "should have",
//! a number, the sentence's position in the answer and its STAR-T part, the
//! clause length, quoted and reported speech. Each feature is hashed (FNV-1a
//! written out here, not std's randomised hasher) into [`BUCKETS`] buckets.
//! Changing any of this means bumping [`FEATURE_VERSION`] and retraining.
//!
//! # Weights
//! `clause_model.bin`, compiled in with `include_bytes!`: the magic `AICL`, the
//! feature version, the bucket bits and the label count (u32 little-endian), then
//! per label its kind name (u32 length + bytes), bias, weight scale, decision
//! threshold and veto (f32) and one i8 weight per bucket.
//!
//! # Training
//! `cargo run -p aiprep-core --release --example train_clauses` trains on the
//! development part of the gold set and the blame snippets only (the lists in
//! `tests/gold/parts.toml`), deterministically, picks each threshold by
//! 5-fold cross-validation by answer (and each veto by the same folds, over the
//! clauses the rules flag), prints the cross-validated precision and recall, and
//! rewrites `core/src/analyzer/clause_model.bin`; given training snippet files,
//! it holds them out and scores them instead, to measure unseen wording.
//!
//! # Guards
//! Quoted clauses and clauses inside someone else's reported speech are never
//! findings; a systemic fix is never praised on a clause the rules flagged as
//! negative wording; a sentence that shifts blame owns nothing, as in the rules.

use std::sync::LazyLock;

use super::clause::clauses;
use super::detect::{Hit, SentenceInfo};
use super::lexicon::NUMBER_WORD;
use super::text::{Sentence, Text};
use super::{AnalyzerError, FindingKind};
use crate::content::StarPart;

/// Version of [`clause_features`] and of the weights file's layout; the file
/// must carry the same one.
pub const FEATURE_VERSION: u32 = 4;
/// Features hash into `2^BUCKET_BITS` buckets.
pub const BUCKET_BITS: u32 = 14;
pub const BUCKETS: usize = 1 << BUCKET_BITS;
/// The kinds the classifier scores, in the order of [`ClauseScores`].
pub const LABELS: [FindingKind; 2] = [FindingKind::BlameShifting, FindingKind::SystemicFix];

const MAGIC: &[u8; 4] = b"AICL";

static MODEL: LazyLock<Option<ClauseModel>> =
    LazyLock::new(|| ClauseModel::from_bytes(include_bytes!("clause_model.bin")).ok());

#[derive(Debug, thiserror::Error, Clone, PartialEq, Eq)]
pub enum ModelError {
    #[error("not a clause model (bad magic)")]
    Magic,
    #[error("the model is for feature version {found}; the code has {expected}")]
    FeatureVersion { found: u32, expected: u32 },
    #[error("the model has {found} bucket bits; the code has {expected}")]
    Buckets { found: u32, expected: u32 },
    #[error("the model file ends early")]
    Truncated,
    #[error("the model names labels {found:?}; the code expects {expected:?}")]
    Labels {
        found: Vec<String>,
        expected: Vec<String>,
    },
}

/// Weights of one label, quantised to i8 (`weight = scale * i8`).
#[derive(Debug, Clone, PartialEq)]
pub struct LabelModel {
    pub kind: FindingKind,
    pub bias: f32,
    pub scale: f32,
    /// A clause scoring above this (in logits) is a finding.
    pub threshold: f32,
    /// A rule finding whose clauses all score below this (in logits) is dropped.
    pub veto: f32,
    pub weights: Vec<i8>,
}

impl LabelModel {
    /// Quantises trained float weights (one per bucket).
    pub fn quantized(
        kind: FindingKind,
        bias: f32,
        (threshold, veto): (f32, f32),
        weights: &[f32],
    ) -> Self {
        let max = weights.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / 127.0 } else { 1.0 };
        LabelModel {
            kind,
            bias,
            scale,
            threshold,
            veto,
            weights: weights
                .iter()
                .map(|w| (w / scale).round().clamp(-127.0, 127.0) as i8)
                .collect(),
        }
    }

    /// The logit of a clause with these feature buckets.
    pub fn score(&self, features: &[u32]) -> f32 {
        let sum: i32 = features
            .iter()
            .map(|&f| i32::from(self.weights[f as usize % BUCKETS]))
            .sum();
        self.bias + self.scale * sum as f32
    }
}

/// One weight vector per entry of [`LABELS`].
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseModel {
    pub labels: Vec<LabelModel>,
}

impl ClauseModel {
    /// The model compiled into the analyzer, if its file matches the code.
    pub fn committed() -> Option<&'static ClauseModel> {
        MODEL.as_ref()
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(16 + self.labels.len() * (BUCKETS + 32));
        out.extend_from_slice(MAGIC);
        for n in [FEATURE_VERSION, BUCKET_BITS, self.labels.len() as u32] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for label in &self.labels {
            let name = label.kind.as_str().as_bytes();
            out.extend_from_slice(&(name.len() as u32).to_le_bytes());
            out.extend_from_slice(name);
            for x in [label.bias, label.scale, label.threshold, label.veto] {
                out.extend_from_slice(&x.to_le_bytes());
            }
            out.extend(label.weights.iter().map(|&w| w as u8));
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Result<Self, ModelError> {
        let mut rest = bytes;
        let mut take = |n: usize| -> Result<&[u8], ModelError> {
            if rest.len() < n {
                return Err(ModelError::Truncated);
            }
            let (head, tail) = rest.split_at(n);
            rest = tail;
            Ok(head)
        };
        if take(4)? != MAGIC {
            return Err(ModelError::Magic);
        }
        let read_u32 = |b: &[u8]| u32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let read_f32 = |b: &[u8]| f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        let version = read_u32(take(4)?);
        if version != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion {
                found: version,
                expected: FEATURE_VERSION,
            });
        }
        let bits = read_u32(take(4)?);
        if bits != BUCKET_BITS {
            return Err(ModelError::Buckets {
                found: bits,
                expected: BUCKET_BITS,
            });
        }
        let count = read_u32(take(4)?) as usize;
        let mut labels = Vec::with_capacity(count.min(LABELS.len()));
        let mut names = Vec::new();
        for _ in 0..count {
            let len = read_u32(take(4)?) as usize;
            let name = String::from_utf8_lossy(take(len)?).into_owned();
            let bias = read_f32(take(4)?);
            let scale = read_f32(take(4)?);
            let threshold = read_f32(take(4)?);
            let veto = read_f32(take(4)?);
            let weights = take(BUCKETS)?.iter().map(|&b| b as i8).collect();
            if let Some(kind) = FindingKind::ALL.into_iter().find(|k| k.as_str() == name) {
                labels.push(LabelModel {
                    kind,
                    bias,
                    scale,
                    threshold,
                    veto,
                    weights,
                });
            }
            names.push(name);
        }
        let expected: Vec<String> = LABELS.iter().map(|k| k.as_str().to_owned()).collect();
        if names != expected || labels.len() != LABELS.len() {
            return Err(ModelError::Labels {
                found: names,
                expected,
            });
        }
        Ok(ClauseModel { labels })
    }
}

/// One clause of an answer with its feature buckets, for the training program.
#[derive(Debug, Clone, PartialEq)]
pub struct ClauseSample {
    /// Byte span of the clause (first token's start to last token's end).
    pub start: usize,
    pub end: usize,
    pub features: Vec<u32>,
    /// Per entry of [`LABELS`]: did the rules find that kind in this clause?
    pub flagged_by_rules: [bool; LABELS.len()],
}

/// Every clause of `text` with the features the analyzer scores it by.
pub fn clause_samples(text: &str) -> Result<Vec<ClauseSample>, AnalyzerError> {
    let parsed = super::parse(text)?;
    let parts = super::structure::label(&parsed);
    let info = super::sentence_info(&parsed, &parts);
    let rule_hits = super::detect::detect(&parsed, &info);
    let mut out = Vec::new();
    for (s, info) in parsed.sentences.iter().zip(&info) {
        for clause in clauses(&parsed, s) {
            let mut features = Vec::new();
            clause_features(&parsed, s, clause, info, &mut |f| features.push(f));
            let flagged_by_rules = LABELS.map(|kind| {
                rule_hits
                    .iter()
                    .any(|h| h.kind == kind && h.first < clause.1 && clause.0 < h.last)
            });
            out.push(ClauseSample {
                start: parsed.tokens[clause.0].start,
                end: parsed.tokens[clause.1 - 1].end,
                features,
                flagged_by_rules,
            });
        }
    }
    Ok(out)
}

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(FNV_PRIME)
    })
}

/// Combines two hashes (order matters: a bigram is not its reverse).
fn pair(a: u64, b: u64) -> u64 {
    (a.rotate_left(23) ^ b).wrapping_mul(FNV_PRIME) ^ 0x9e37_79b9_7f4a_7c15
}

/// Feature families; each is mixed into its features' hashes.
#[derive(Clone, Copy)]
enum Family {
    Unigram = 1,
    Bigram,
    Before,
    BeforePair,
    After,
    Class,
    Flag,
    Position,
    Part,
    Length,
    SubjectNegation,
    SubjectHead,
    Cue,
}

fn bucket(family: Family, h: u64) -> u32 {
    let mixed = pair(h, family as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    (mixed >> (64 - BUCKET_BITS)) as u32
}

const NUMBER: u64 = 0x4e55_4d42_4552; // any number token
const CLAUSE_EDGE: u64 = 0x4544_4745;
const SENTENCE_EDGE: u64 = 0x5345_4e54;

/// Boolean features.
#[derive(Clone, Copy)]
enum Flag {
    Negation = 1,
    ShouldHave,
    WouldOrCouldHave,
    Number,
    Quoted,
    Reported,
    ThirdParty,
    Excuse,
}

/// Who the clause's subject is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Subject {
    Speaker = 0,
    Team,
    Other,
    None,
}

fn word_hash(text: &Text, i: usize) -> u64 {
    if text.tokens[i].number {
        NUMBER
    } else {
        fnv1a(text.word(i).as_bytes())
    }
}

fn is_negation(w: &str) -> bool {
    matches!(
        w,
        "not" | "never" | "no" | "nobody" | "nothing" | "none" | "neither" | "nor"
    ) || w.ends_with("n't")
}

fn is_joiner(w: &str) -> bool {
    matches!(
        w,
        "and"
            | "but"
            | "so"
            | "then"
            | "because"
            | "since"
            | "which"
            | "although"
            | "though"
            | "while"
            | "whereas"
            | "unless"
            | "due"
            | "to"
            | "of"
            | "also"
            | "honestly"
    )
}

fn is_reporting_verb(w: &str) -> bool {
    matches!(
        w,
        "said"
            | "says"
            | "told"
            | "wrote"
            | "claimed"
            | "insisted"
            | "complained"
            | "argued"
            | "replied"
            | "yelled"
            | "shouted"
            | "blamed"
    )
}

/// Who else can be the agent of a failure: other people, teams, outside parties,
/// circumstances.
fn is_third_party(w: &str) -> bool {
    matches!(
        w,
        "they"
            | "them"
            | "their"
            | "he"
            | "she"
            | "his"
            | "her"
            | "nobody"
            | "someone"
            | "somebody"
            | "everyone"
            | "vendor"
            | "vendors"
            | "supplier"
            | "suppliers"
            | "client"
            | "client's"
            | "clients"
            | "customer"
            | "customers"
            | "manager"
            | "manager's"
            | "boss"
            | "director"
            | "management"
            | "leadership"
            | "agency"
            | "contractor"
            | "contractors"
            | "marketing"
            | "sales"
            | "legal"
            | "finance"
            | "hr"
            | "pharmacy"
            | "doctor"
            | "engineers"
            | "developers"
            | "company"
            | "corporate"
            | "headquarters"
            | "partner"
            | "partners"
            | "temps"
            | "staff"
            | "coworker"
            | "coworkers"
            | "colleague"
            | "colleagues"
            | "market"
            | "economy"
            | "weather"
            | "traffic"
            | "department"
            | "office"
            | "people"
            | "guy"
            | "else"
            | "other"
            | "others"
    )
}

/// Words of fault, delay and excuse.
fn is_excuse(w: &str) -> bool {
    matches!(
        w,
        "late"
            | "delay"
            | "delays"
            | "delayed"
            | "refused"
            | "ignored"
            | "forgot"
            | "failed"
            | "wrong"
            | "garbage"
            | "forced"
            | "pushed"
            | "pressured"
            | "blamed"
            | "fault"
            | "responsibility"
            | "mine"
            | "idea"
            | "sick"
            | "quit"
            | "unrealistic"
            | "impossible"
            | "ready"
            | "lazy"
            | "kept"
            | "messed"
            | "screwed"
            | "due"
            | "hands"
            | "control"
            | "supposed"
            | "insisted"
            | "demanded"
            | "changed"
            | "sloppy"
            | "broken"
            | "useless"
    )
}

/// The head word of the clause's subject: the first word after joiners and
/// determiners ("but the vendor never..." -> "vendor").
fn subject_head(text: &Text, first: usize, last: usize) -> Option<usize> {
    (first..last.min(first + 4)).find(|&i| {
        let w = text.word(i);
        !is_joiner(w)
            && !matches!(
                w,
                "the" | "a" | "an" | "our" | "my" | "this" | "that" | "one"
            )
    })
}

fn subject_of(text: &Text, first: usize, last: usize) -> Subject {
    let Some(i) = (first..last.min(first + 3)).find(|&i| !is_joiner(text.word(i))) else {
        return Subject::None;
    };
    match text.word(i) {
        "i" | "i'm" | "i've" | "i'd" | "i'll" | "my" | "me" => Subject::Speaker,
        "we" | "we're" | "we've" | "we'd" | "we'll" | "our" | "us" => Subject::Team,
        _ => Subject::Other,
    }
}

/// Someone other than the speaker reports the clause ("she said the office
/// messed up"): a reporting verb earlier in the sentence, or at the clause's
/// start, not said by "I" or "we".
fn reported_by_other(text: &Text, s: &Sentence, first: usize) -> bool {
    (s.first..(first + 2).min(s.last)).any(|k| {
        is_reporting_verb(text.word(k))
            && !matches!(
                text.word(k.wrapping_sub(1)),
                "i" | "we" | "then" | "and" | "also"
            )
    })
}

/// Calls `emit` with the bucket of every feature of clause `[first, last)` of
/// sentence `s` (a bucket may repeat). Shared by inference and training.
pub(crate) fn clause_features(
    text: &Text,
    s: &Sentence,
    (first, last): (usize, usize),
    info: &SentenceInfo,
    emit: &mut impl FnMut(u32),
) {
    let mut prev = CLAUSE_EDGE;
    let mut classes = 0u32;
    let mut flags = [false; 9];
    for i in first..last {
        let h = word_hash(text, i);
        emit(bucket(Family::Unigram, h));
        emit(bucket(Family::Bigram, pair(prev, h)));
        prev = h;
        classes |= text.class(i);
        let w = text.word(i);
        flags[Flag::Negation as usize] |= is_negation(w);
        flags[Flag::Number as usize] |= text.tokens[i].number || text.class(i) & NUMBER_WORD != 0;
        flags[Flag::Quoted as usize] |= text.tokens[i].quoted;
        flags[Flag::ThirdParty as usize] |= is_third_party(w);
        flags[Flag::Excuse as usize] |= is_excuse(w);
        if i + 1 < last && matches!(text.word(i + 1), "have" | "not") {
            flags[Flag::ShouldHave as usize] |= w == "should";
            flags[Flag::WouldOrCouldHave as usize] |= matches!(w, "would" | "could");
        }
        flags[Flag::ShouldHave as usize] |= w == "should've";
    }
    emit(bucket(Family::Bigram, pair(prev, CLAUSE_EDGE)));
    flags[Flag::Reported as usize] = reported_by_other(text, s, first);

    let before = |k: usize| {
        if first >= s.first + k {
            word_hash(text, first - k)
        } else {
            SENTENCE_EDGE
        }
    };
    emit(bucket(Family::Before, before(1)));
    emit(bucket(Family::BeforePair, pair(before(2), before(1))));
    let after = if last < s.last {
        word_hash(text, last)
    } else {
        SENTENCE_EDGE
    };
    emit(bucket(Family::After, after));

    for bit in 0..u32::BITS {
        if classes & (1 << bit) != 0 {
            emit(bucket(Family::Class, u64::from(bit)));
        }
    }
    for (flag, &on) in flags.iter().enumerate() {
        if on {
            emit(bucket(Family::Flag, flag as u64));
        }
    }
    let subject = subject_of(text, first, last);
    let negated = flags[Flag::Negation as usize];
    let cues = [Flag::ThirdParty, Flag::Excuse, Flag::Negation].map(|f| flags[f as usize]);
    emit(bucket(
        Family::Cue,
        (subject as u64) << 3
            | u64::from(cues[0])
            | u64::from(cues[1]) << 1
            | u64::from(cues[2]) << 2,
    ));
    if let Some(head) = subject_head(text, first, last) {
        emit(bucket(Family::SubjectHead, word_hash(text, head)));
    }
    emit(bucket(
        Family::SubjectNegation,
        subject as u64 * 2 + u64::from(negated),
    ));
    emit(bucket(
        Family::Position,
        (info.position * 5.0).clamp(0.0, 4.0) as u64,
    ));
    let part = match info.part {
        StarPart::Situation => 0,
        StarPart::Task => 1,
        StarPart::Action => 2,
        StarPart::Result => 3,
        StarPart::Takeaway => 4,
    };
    emit(bucket(Family::Part, part));
    let length = match last - first {
        0..=3 => 0,
        4..=7 => 1,
        8..=15 => 2,
        _ => 3,
    };
    emit(bucket(Family::Length, length));
}

/// Scores each clause of every sentence with the committed model and adds the
/// clauses above threshold as hits (see the module docs for the guards). Hits
/// come back sorted by position.
pub(crate) fn add_clause_hits(text: &Text, info: &[SentenceInfo], hits: &mut Vec<Hit>) {
    let Some(model) = MODEL.as_ref() else {
        return;
    };
    let rule_hits = hits.len();
    // Per rule hit: has one of its clauses scored at or above its label's veto?
    let mut upheld = vec![false; rule_hits];
    let mut sums = [0i32; LABELS.len()];
    for (s, info) in text.sentences.iter().zip(info) {
        for (first, last) in clauses(text, s) {
            let others_words = || {
                (first..last).any(|i| text.tokens[i].quoted) || reported_by_other(text, s, first)
            };
            sums.fill(0);
            clause_features(text, s, (first, last), info, &mut |f| {
                for (sum, label) in sums.iter_mut().zip(&model.labels) {
                    *sum += i32::from(label.weights[f as usize]);
                }
            });
            let overlaps = |h: &Hit| h.first < last && first < h.last;
            for (label, &sum) in model.labels.iter().zip(&sums) {
                let logit = label.bias + label.scale * sum as f32;
                for (h, upheld) in hits[..rule_hits].iter().zip(upheld.iter_mut()) {
                    *upheld |= h.kind == label.kind && overlaps(h) && logit >= label.veto;
                }
                let covered = || {
                    hits[..rule_hits].iter().any(|h| {
                        overlaps(h) && (h.kind == label.kind || !praise_allowed(label.kind, h.kind))
                    })
                };
                // Last, as it scans the clause: few clauses get this far.
                let no_one_at_fault = || {
                    label.kind == FindingKind::BlameShifting
                        && super::blame::names_no_one_at_fault(text, first, last)
                };
                if logit > label.threshold && !others_words() && !covered() && !no_one_at_fault() {
                    hits.push(Hit {
                        kind: label.kind,
                        first,
                        last,
                        // The model knows the clause, not who in it was blamed.
                        agent: None,
                    });
                }
            }
        }
    }
    let vetoed = |(h, upheld): (&Hit, &bool)| LABELS.contains(&h.kind) && !upheld;
    let dropped = hits.iter().zip(&upheld).filter(|&p| vetoed(p)).count();
    let mut index = 0;
    hits.retain(|h| {
        let keep = index >= rule_hits || !vetoed((h, &upheld[index]));
        index += 1;
        keep
    });
    let rule_hits = rule_hits - dropped;
    if hits.len() == rule_hits {
        return;
    }
    // A sentence that shifts blame owns nothing (as in the rules).
    let blamed: Vec<(usize, usize)> = hits[rule_hits..]
        .iter()
        .filter(|h| h.kind == FindingKind::BlameShifting)
        .map(|h| (h.first, h.last))
        .collect();
    hits.retain(|h| {
        h.kind != FindingKind::Ownership || !blamed.iter().any(|&(f, l)| h.first < l && f < h.last)
    });
    hits.sort_by_key(|h| (h.first, h.last));
}

/// May a finding of `kind` sit on a clause where the rules found `existing`?
/// Praise never shares a span with negative wording.
fn praise_allowed(kind: FindingKind, existing: FindingKind) -> bool {
    !kind.is_positive() || existing.is_positive()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn features_of(src: &str) -> Vec<Vec<u32>> {
        clause_samples(src)
            .expect("non-empty")
            .into_iter()
            .map(|c| c.features)
            .collect()
    }

    #[test]
    fn features_are_deterministic_and_in_range() {
        let src = "The vendor never sent the specs, so we missed the launch by 3 weeks.";
        let once = features_of(src);
        assert_eq!(once, features_of(src));
        assert_eq!(once.len(), 2);
        assert!(once.iter().flatten().all(|&f| (f as usize) < BUCKETS));
        // The same words in another clause order give other context features.
        assert_ne!(
            once[0],
            features_of("We missed the launch by 3 weeks, so the vendor never sent the specs.")[1]
        );
    }

    #[test]
    fn committed_weights_load_and_match_the_feature_version() {
        let bytes = include_bytes!("clause_model.bin");
        let model = ClauseModel::from_bytes(bytes).expect("the committed model loads");
        assert_eq!(
            u32::from_le_bytes([bytes[4], bytes[5], bytes[6], bytes[7]]),
            FEATURE_VERSION
        );
        assert_eq!(
            model.labels.iter().map(|l| l.kind).collect::<Vec<_>>(),
            LABELS
        );
        assert!(model.labels.iter().all(|l| l.weights.len() == BUCKETS));
        assert_eq!(ClauseModel::from_bytes(&model.to_bytes()), Ok(model));
        assert_eq!(
            ClauseModel::from_bytes(&bytes[..bytes.len() - 1]),
            Err(ModelError::Truncated)
        );
    }

    #[test]
    fn rejects_a_model_for_other_features() {
        let mut bytes = include_bytes!("clause_model.bin").to_vec();
        bytes[4..8].copy_from_slice(&(FEATURE_VERSION + 1).to_le_bytes());
        assert_eq!(
            ClauseModel::from_bytes(&bytes),
            Err(ModelError::FeatureVersion {
                found: FEATURE_VERSION + 1,
                expected: FEATURE_VERSION
            })
        );
    }

    /// Model scores above threshold for each label, clause by clause.
    fn decisions(src: &str) -> Vec<[bool; 2]> {
        let model = ClauseModel::committed().expect("model");
        clause_samples(src)
            .expect("non-empty")
            .iter()
            .map(|c| [0, 1].map(|l| model.labels[l].score(&c.features) > model.labels[l].threshold))
            .collect()
    }

    #[test]
    fn tells_blame_from_fixes_and_from_owned_mistakes() {
        let context =
            "I ran the release for our mobile app and we shipped late twice last spring. ";
        for (sentence, want) in [
            ("The vendor never sent the specs.", [true, false]),
            (
                "After that we added a sign-off step to every release.",
                [false, true],
            ),
            ("I skipped the test.", [false, false]),
        ] {
            let src = format!("{context}{sentence}");
            let got = decisions(&src);
            assert_eq!(got.last(), Some(&want), "{sentence:?}: {got:?}");
        }
    }
}
