//! Interactive sessions: today's challenge with due reviews, and the adaptive
//! quiz. Input is read line by line, so sessions also run from a pipe.

use std::io::{BufRead, Write};
use std::time::Instant;

use chrono::{DateTime, Utc};
use console::style;

use aiprep_core::learner::Learner;
use aiprep_core::storage::ItemKind;
use aiprep_core::Error;

use crate::{render, CliResult, Env};

/// What the learner typed at a prompt.
enum Reply {
    Choice(usize),
    Text(String),
    Quit,
}

struct Session<'a> {
    learner: Learner,
    env: &'a Env,
    started: Instant,
    input: Box<dyn BufRead + 'a>,
    answered: u32,
    correct: u32,
}

impl<'a> Session<'a> {
    fn new(env: &'a Env) -> CliResult<Self> {
        Ok(Session {
            learner: env.learner()?,
            env,
            started: Instant::now(),
            input: Box::new(std::io::stdin().lock()),
            answered: 0,
            correct: 0,
        })
    }

    /// The session clock: `--now` (or the system clock at start) plus the
    /// time spent so far, so answers get distinct, ordered instants.
    fn now(&self) -> DateTime<Utc> {
        self.env.now + chrono::Duration::from_std(self.started.elapsed()).unwrap_or_default()
    }

    fn read_line(&mut self, prompt: &str) -> CliResult<Option<String>> {
        print!("{prompt}");
        std::io::stdout().flush()?;
        let mut line = String::new();
        if self.input.read_line(&mut line)? == 0 {
            println!();
            return Ok(None);
        }
        Ok(Some(line.trim().to_owned()))
    }

    fn read_choice(&mut self, options: usize) -> CliResult<Reply> {
        let last = aiprep_core::content::option_letter(options - 1);
        loop {
            let Some(line) = self.read_line(&format!("Your answer (A-{last}, q to stop): "))?
            else {
                return Ok(Reply::Quit);
            };
            let lower = line.to_lowercase();
            if lower == "q" || lower == "quit" {
                return Ok(Reply::Quit);
            }
            let index = match lower.chars().next() {
                Some(c @ 'a'..='z') if lower.len() == 1 => Some(c as usize - 'a' as usize),
                _ => lower.parse::<usize>().ok().and_then(|n| n.checked_sub(1)),
            };
            match index {
                Some(i) if i < options => return Ok(Reply::Choice(i)),
                _ => println!("Type a letter from A to {last}, or q."),
            }
        }
    }

    /// A written answer: lines until an empty line.
    fn read_text(&mut self) -> CliResult<Reply> {
        println!(
            "{}",
            style("Write your answer; finish with an empty line (q alone to stop).").dim()
        );
        let mut text = String::new();
        loop {
            let Some(line) = self.read_line("> ")? else {
                break;
            };
            if line.is_empty() {
                break;
            }
            if text.is_empty() && line.eq_ignore_ascii_case("q") {
                return Ok(Reply::Quit);
            }
            text.push_str(&line);
            text.push('\n');
        }
        if text.trim().is_empty() {
            return Ok(Reply::Quit);
        }
        Ok(Reply::Text(text))
    }

    /// Prints an item; returns its number of options, or `None` for a written one.
    fn show(&self, id: &str, kind: ItemKind) -> CliResult<Option<usize>> {
        let mut out = std::io::stdout().lock();
        match kind {
            ItemKind::Quiz => {
                let q = self.learner.question(id)?;
                let label = format!("Question · {}", q.kind.as_str().replace('_', " "));
                writeln!(out, "\n{}", style(label).dim())?;
                write!(out, "{}", render::wrap(&q.question, ""))?;
                let options: Vec<&str> = q.options.iter().map(String::as_str).collect();
                render::options(&mut out, &options)?;
                Ok(Some(options.len()))
            }
            ItemKind::Scenario => {
                let s = self.learner.scenario(id)?;
                writeln!(out, "\n{}", style(format!("Scenario · {}", s.title)).bold())?;
                write!(out, "{}", render::wrap(&s.prompt, ""))?;
                writeln!(out, "Which response would you give?")?;
                let options: Vec<&str> = s.responses.iter().map(|r| r.text.as_str()).collect();
                render::options(&mut out, &options)?;
                Ok(Some(options.len()))
            }
            ItemKind::Exercise => {
                let e = self.learner.exercise(id)?;
                writeln!(out, "\n{}", style(format!("Exercise · {}", e.title)).bold())?;
                write!(out, "{}", render::wrap(&e.prompt, ""))?;
                if let Some(before) = &e.before {
                    write!(out, "{}", render::wrap(before, "  │ "))?;
                }
                Ok(None)
            }
        }
    }

    /// Asks one item and records the answer. Returns false when the learner stops.
    fn ask(&mut self, id: &str, kind: ItemKind) -> CliResult<bool> {
        let asked_at = Instant::now();
        let options = self.show(id, kind)?;
        let reply = match options {
            Some(count) => self.read_choice(count)?,
            None => self.read_text()?,
        };
        let duration_ms = asked_at.elapsed().as_millis().min(u32::MAX as u128) as u32;
        let now = self.now();
        let mut out = std::io::stdout().lock();
        match reply {
            Reply::Quit => return Ok(false),
            Reply::Choice(choice) => {
                let feedback = self.learner.answer_choice(id, choice, duration_ms, now)?;
                self.answered += 1;
                self.correct += u32::from(feedback.correct);
                render::choice_feedback(&mut out, &feedback)?;
                writeln!(
                    out,
                    "{}",
                    style(format!("Score: {}/{}", self.correct, self.answered)).dim()
                )?;
            }
            Reply::Text(text) => {
                let feedback = self.learner.answer_text(id, &text, duration_ms, now)?;
                self.answered += 1;
                render::exercise_feedback(&mut out, &text, &feedback)?;
            }
        }
        Ok(true)
    }
}

/// The main job: today's challenge, then due reviews.
pub fn today(env: &Env) -> CliResult {
    let mut session = Session::new(env)?;
    let plan = session.learner.today(session.now())?;
    println!(
        "{}  {}  streak {} (best {})  ·  {} due  ·  {} new",
        style("aiprep").bold().cyan(),
        plan.learning_day,
        plan.streak,
        plan.longest_streak,
        plan.due_reviews,
        plan.new_available
    );
    let open: Vec<_> = plan
        .challenge
        .items
        .iter()
        .filter(|i| !i.done)
        .cloned()
        .collect();
    if open.is_empty() {
        println!("Today's challenge is done. Reviews next.");
    } else {
        println!(
            "{} {} of {} items left.",
            style("Today's challenge:").bold(),
            open.len(),
            plan.challenge.items.len()
        );
    }
    for item in open {
        if !session.ask(&item.id, item.kind)? {
            return finish(&mut session);
        }
    }
    loop {
        let next = session.learner.next_review(session.now())?;
        let Some((id, kind)) = next else {
            println!(
                "\n{}",
                style("Nothing else is due. See you tomorrow!").green()
            );
            break;
        };
        match session.ask(&id, kind) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) if matches!(e.downcast_ref::<Error>(), Some(Error::Locked { .. })) => continue,
            Err(e) => return Err(e),
        }
    }
    finish(&mut session)
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
        println!("{}", style(format!("\n[{}/{count}]", asked.len())).dim());
        if !session.ask(&id, ItemKind::Quiz)? {
            break;
        }
    }
    finish(&mut session)
}

/// Hours between automatic backups, and how many are kept.
const BACKUP_EVERY_HOURS: i64 = 24;
const BACKUPS_KEPT: usize = 5;

fn finish(session: &mut Session<'_>) -> CliResult {
    session.learner.backup_if_due(
        &session.env.backup_dir()?,
        chrono::Duration::hours(BACKUP_EVERY_HOURS),
        BACKUPS_KEPT,
        session.now(),
    )?;
    // Refitting takes a moment on a phone-sized history; at the end of a
    // session nobody is waiting for the next question.
    if let Some(job) = session.learner.optimization_job()? {
        let outcome = job.run(&std::sync::atomic::AtomicBool::new(false))?;
        session
            .learner
            .apply_optimization(&outcome, session.now())?;
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
    if session.answered > 0 {
        println!(
            "\nSession saved: {} answered, {} correct. `aiprep stats` shows your progress.",
            session.answered, session.correct
        );
    }
    Ok(())
}
