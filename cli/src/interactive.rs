//! Interactive sessions: today's challenge with due reviews, and the adaptive
//! quiz. Every answer is saved as it is given; `u` takes the last one back.

use std::io::Write;
use std::time::Instant;

use chrono::{DateTime, Utc};
use console::style;

use aiprep_core::analyzer;
use aiprep_core::learner::Learner;
use aiprep_core::storage::ItemKind;
use aiprep_core::Error;

use crate::input::{self, Choice, Input, Written};
use crate::{commands, render, CliResult, Env};

/// What happened at one item.
enum Outcome {
    Answered,
    /// `u` was typed; the item taken back, if there was one, is asked again
    /// before the current one.
    Undone(Option<(String, ItemKind)>),
    Quit,
}

/// One answer of this session, for the summary and for undo.
struct Answered {
    correct: Option<bool>,
    score: Option<u8>,
}

struct Session<'a> {
    learner: Learner,
    env: &'a Env,
    started: Instant,
    input: Input<'a>,
    answers: Vec<Answered>,
    streak_at_start: u32,
}

impl<'a> Session<'a> {
    fn new(env: &'a Env) -> CliResult<Self> {
        let learner = env.learner()?;
        let streak_at_start = learner.streak(env.now)?.current;
        Ok(Session {
            learner,
            env,
            started: Instant::now(),
            input: Input::stdin(),
            answers: Vec::new(),
            streak_at_start,
        })
    }

    /// The session clock: `--now` (or the system clock at start) plus the
    /// time spent so far, so answers get distinct, ordered instants.
    fn now(&self) -> DateTime<Utc> {
        self.env.now + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    /// Asks one item and records the answer.
    fn ask(&mut self, id: &str, kind: ItemKind) -> CliResult<Outcome> {
        let can_undo = !self.answers.is_empty();
        let asked_at = Instant::now();
        if kind == ItemKind::Exercise {
            return self.ask_written(id, can_undo, asked_at);
        }
        let order = self.learner.option_order(id)?;
        let mut out = std::io::stdout().lock();
        match kind {
            ItemKind::Quiz => {
                let q = self.learner.question(id)?;
                writeln!(out, "\n{}", style(render::question_type(q.kind)).dim())?;
                write!(out, "{}", render::wrap(&q.question, ""))?;
            }
            _ => {
                let s = self.learner.scenario(id)?;
                writeln!(out, "\n{}", style(format!("Scenario · {}", s.title)).bold())?;
                write!(out, "{}", render::wrap(&s.prompt, ""))?;
                writeln!(out, "{}", aiprep_core::content::SCENARIO_QUESTION)?;
            }
        }
        let texts = commands::option_texts(&self.learner, id)?;
        render::options(&mut out, &texts, &order)?;
        drop(out);
        let shown = match self.input.choice(order.len(), can_undo)? {
            Choice::Shown(shown) => shown,
            Choice::Undo => return self.undo(),
            Choice::Quit => return Ok(Outcome::Quit),
        };
        let now = self.now();
        let feedback = self
            .learner
            .answer_choice(id, order[shown], elapsed_ms(asked_at), now)?;
        let texts = commands::option_texts(&self.learner, id)?;
        let mut out = std::io::stdout().lock();
        render::choice_feedback(&mut out, &feedback, &texts, &order, now, self.env.tz)?;
        self.answers.push(Answered {
            correct: Some(feedback.correct),
            score: None,
        });
        if feedback.challenge_completed {
            let streak = self.learner.streak(now)?;
            render::challenge_completed(&mut out, streak.current, streak.longest)?;
        }
        Ok(Outcome::Answered)
    }

    fn ask_written(&mut self, id: &str, can_undo: bool, asked_at: Instant) -> CliResult<Outcome> {
        {
            let e = self.learner.exercise(id)?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "\n{}", style(format!("Exercise · {}", e.title)).bold())?;
            write!(out, "{}", render::wrap(&e.prompt, ""))?;
            if let Some(before) = &e.before {
                write!(out, "{}", render::wrap(before, "  │ "))?;
            }
            render::checklist(&mut out, "A strong answer:", &e.checklist)?;
        }
        let undo = if can_undo {
            ", u to undo the last answer"
        } else {
            ""
        };
        loop {
            println!(
                "{}",
                style(format!(
                    "Write or paste your answer. End it with a line holding only `{}` (or Ctrl-D); \
                     q alone to stop{undo}.",
                    input::END_OF_ANSWER
                ))
                .dim()
            );
            let text = match self.input.written(can_undo)? {
                Written::Text(text) => text,
                Written::Undo => return self.undo(),
                Written::Quit => return Ok(Outcome::Quit),
            };
            let chars = text.chars().count();
            if chars > analyzer::MAX_CHARS {
                let kept = self.keep_draft(id, &text)?;
                println!(
                    "{}",
                    style(format!(
                        "That answer has {chars} characters; answers are limited to {}. Nothing \
                         was lost: it is kept in {}. Shorten it and paste it again.",
                        analyzer::MAX_CHARS,
                        kept.display()
                    ))
                    .yellow()
                );
                continue;
            }
            let now = self.now();
            let feedback = self
                .learner
                .answer_text(id, &text, elapsed_ms(asked_at), now)?;
            let mut out = std::io::stdout().lock();
            render::exercise_feedback(&mut out, &text, &feedback, now, self.env.tz)?;
            self.answers.push(Answered {
                correct: None,
                score: Some(feedback.analysis.score),
            });
            if feedback.challenge_completed {
                let streak = self.learner.streak(now)?;
                render::challenge_completed(&mut out, streak.current, streak.longest)?;
            }
            return Ok(Outcome::Answered);
        }
    }

    /// Writes a refused answer beside the database so it is never lost.
    fn keep_draft(&self, id: &str, text: &str) -> CliResult<std::path::PathBuf> {
        let dir = std::path::PathBuf::from(format!("{}.drafts", self.env.db_path()?.display()));
        std::fs::create_dir_all(&dir)
            .map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let path = dir.join(format!("{id}-{}.txt", self.now().format("%Y%m%dT%H%M%S")));
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        Ok(path)
    }

    fn undo(&mut self) -> CliResult<Outcome> {
        match self.learner.undo_last_answer()? {
            Some(item) => {
                self.answers.pop();
                println!(
                    "{}",
                    style("↶ Your last answer was taken back; here it is again.").cyan()
                );
                Ok(Outcome::Undone(Some(item)))
            }
            None => {
                println!("There is no answer to take back.");
                Ok(Outcome::Undone(None))
            }
        }
    }

    /// Asks `item`, then any item an undo brought back, until one is answered.
    fn ask_until_answered(&mut self, item: (String, ItemKind)) -> CliResult<bool> {
        let mut pending = vec![item];
        while let Some((id, kind)) = pending.pop() {
            match self.ask(&id, kind) {
                Ok(Outcome::Answered) => {}
                Ok(Outcome::Quit) => return Ok(false),
                Ok(Outcome::Undone(again)) => {
                    pending.push((id, kind));
                    pending.extend(again);
                }
                Err(e) if matches!(e.downcast_ref::<Error>(), Some(Error::Locked { .. })) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(true)
    }
}

fn elapsed_ms(since: Instant) -> u32 {
    since.elapsed().as_millis().min(u128::from(u32::MAX)) as u32
}

/// The main job: today's challenge, then due reviews.
pub fn today(env: &Env) -> CliResult {
    let mut session = Session::new(env)?;
    let plan = session.learner.today(session.now())?;
    let local_day = plan.learning_day.format("%A, %B %-d");
    println!(
        "{}  {local_day}  ·  streak {} (best {})",
        style("aiprep").bold().cyan(),
        plan.streak,
        plan.longest_streak,
    );
    if session.learner.answer_count()? == 0 && !welcome(&mut session)? {
        return Ok(());
    }
    let open: Vec<_> = plan
        .challenge
        .items
        .iter()
        .filter(|i| !i.done)
        .cloned()
        .collect();
    let total = plan.challenge.items.len();
    if open.is_empty() {
        println!("Today's challenge is done. Reviews next.");
    }
    for (i, item) in open.iter().enumerate() {
        let done_before = total - open.len() + i;
        println!(
            "{}",
            style(format!(
                "\n── Today's challenge {}/{total} · then {} due, {} new ──",
                done_before + 1,
                plan.due_reviews,
                plan.new_available
            ))
            .dim()
        );
        if !session.ask_until_answered((item.id.clone(), item.kind))? {
            return finish(&mut session);
        }
    }
    loop {
        let now = session.now();
        let Some(next) = session.learner.next_review(now)? else {
            nothing_due(&session, now)?;
            break;
        };
        let left = session.learner.today(now)?;
        println!(
            "{}",
            style(format!(
                "\n── Reviews · {} due, {} new left today ──",
                left.due_reviews, left.new_available
            ))
            .dim()
        );
        if !session.ask_until_answered(next)? {
            break;
        }
    }
    finish(&mut session)
}

/// First session: point to the lesson and explain the day. Returns false
/// when the learner chose to stop.
fn welcome(session: &mut Session<'_>) -> CliResult<bool> {
    let text = format!(
        "Welcome! This module teaches you to answer \"{}\". If you are new to it, read the \
         lesson first (about 10 minutes): it explains the STAR-T framework the questions are \
         about.\nYour day in aiprep starts at 4:00 local time, so a late-night session still \
         counts for the day before.",
        session.learner.module().title
    );
    print!("{}", render::wrap(&text, ""));
    if !session.input.is_terminal {
        return Ok(true);
    }
    let reply = session
        .input
        .line("Enter: start today's challenge · l: read the lesson first · q: stop ")?;
    match reply.map(|r| r.trim().to_lowercase()) {
        None => Ok(false),
        Some(r) if r == "q" => Ok(false),
        Some(r) if r == "l" => {
            commands::learn(session.env, None)?;
            Ok(session
                .input
                .line("\nEnter: start today's challenge · q: stop ")?
                .is_some_and(|r| !r.trim().eq_ignore_ascii_case("q")))
        }
        Some(_) => Ok(true),
    }
}

/// Says when to come back, never "tomorrow" when something is due sooner.
fn nothing_due(session: &Session<'_>, now: DateTime<Utc>) -> CliResult {
    let text = match session.learner.next_due_after(now)? {
        Some(at) => format!(
            "Nothing else is due right now. The next review is due {}.",
            render::when(at, now, session.env.tz)
        ),
        None => "Nothing else is due. Come back tomorrow for a new challenge.".to_owned(),
    };
    println!("\n{}", style(text).green());
    Ok(())
}

/// An adaptive quiz of up to `count` questions.
pub fn quiz(env: &Env, count: usize) -> CliResult {
    let mut session = Session::new(env)?;
    let mut asked: Vec<String> = Vec::new();
    while asked.len() < count {
        let Some(id) = session.learner.next_question(&asked, session.now())? else {
            println!("You have seen every question available.");
            break;
        };
        asked.push(id.clone());
        println!(
            "{}",
            style(format!("\n── Question {}/{count} ──", asked.len())).dim()
        );
        if !session.ask_until_answered((id, ItemKind::Quiz))? {
            break;
        }
    }
    finish(&mut session)
}

/// Hours between automatic backups, and how many are kept.
const BACKUP_EVERY_HOURS: i64 = 24;
const BACKUPS_KEPT: usize = 5;
/// Concepts named as the weakest in the summary.
const WEAKEST_SHOWN: usize = 3;

fn finish(session: &mut Session<'_>) -> CliResult {
    let now = session.now();
    session.learner.backup_if_due(
        &session.env.backup_dir()?,
        chrono::Duration::hours(BACKUP_EVERY_HOURS),
        BACKUPS_KEPT,
        now,
    )?;
    // Refitting takes a moment on a phone-sized history; at the end of a
    // session nobody is waiting for the next question.
    if let Some(job) = session.learner.optimization_job()? {
        let outcome = job.run(&std::sync::atomic::AtomicBool::new(false))?;
        session.learner.apply_optimization(&outcome, now)?;
        if outcome.accepted {
            println!(
                "{}",
                style(format!(
                    "Scheduling refitted to your memory (log loss {:.4} → {:.4}).",
                    outcome.log_loss_before, outcome.log_loss_after
                ))
                .dim()
            );
        }
    }
    if session.answers.is_empty() {
        return Ok(());
    }
    summary(session, now)
}

fn summary(session: &mut Session<'_>, now: DateTime<Utc>) -> CliResult {
    let choices: Vec<bool> = session.answers.iter().filter_map(|a| a.correct).collect();
    let right = choices.iter().filter(|&&c| c).count();
    let scores: Vec<u8> = session.answers.iter().filter_map(|a| a.score).collect();
    let streak = session.learner.streak(now)?.current;
    let stats = session.learner.stats(now)?;
    let mut weakest: Vec<_> = stats
        .mastery
        .iter()
        .filter_map(|m| m.mastery.map(|v| (v, m.name.as_str())))
        .collect();
    weakest.sort_by(|a, b| a.0.total_cmp(&b.0));
    let elapsed = session.started.elapsed().as_secs();

    let mut out = std::io::stdout().lock();
    writeln!(out, "\n{}", style("Session saved").bold().underlined())?;
    let mut answered = format!("  {} answered", session.answers.len());
    if !choices.is_empty() {
        answered += &format!(", {right} of {} right", choices.len());
    }
    if !scores.is_empty() {
        let mean = scores.iter().map(|&s| u32::from(s)).sum::<u32>() / scores.len() as u32;
        let written = if scores.len() == 1 {
            "answer"
        } else {
            "answers"
        };
        answered += &format!(", {} written {written} (score {mean}/100)", scores.len());
    }
    writeln!(out, "{answered}")?;
    writeln!(out, "  time: {} min {} s", elapsed / 60, elapsed % 60)?;
    let change = if streak > session.streak_at_start {
        format!("{} → {streak} days", session.streak_at_start)
    } else {
        format!("{streak} days")
    };
    writeln!(out, "  streak: {change}")?;
    if !weakest.is_empty() {
        let names: Vec<String> = weakest
            .iter()
            .take(WEAKEST_SHOWN)
            .map(|(v, name)| format!("{name} ({:.0}%)", v * 100.0))
            .collect();
        write!(
            out,
            "{}",
            render::wrap_hanging(&names.join(", "), "  to practice: ", "    ")
        )?;
    }
    if let Some(at) = session.learner.next_due_after(now)? {
        writeln!(
            out,
            "  next review: {}",
            render::when(at, now, session.env.tz)
        )?;
    }
    writeln!(
        out,
        "{}",
        style("`aiprep stats` shows your progress.").dim()
    )?;
    Ok(())
}
