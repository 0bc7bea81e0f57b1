//! Non-interactive commands: each prints JSON or a readable report.

use std::collections::BTreeMap;
use std::io::{BufRead, IsTerminal, Read, Write};
use std::path::Path;

use console::style;
use serde_json::json;

use aiprep_core::analyzer;
use aiprep_core::content::{Module, QuestionType};
use aiprep_core::learner::Learner;
use aiprep_core::scheduler::revlog;

use crate::input::{self, Input, Written};
use crate::{files, render, CliResult, Env};

fn print_json(value: &impl serde::Serialize) -> CliResult {
    println!("{}", serde_json::to_string(value)?);
    Ok(())
}

pub fn today_json(env: &Env) -> CliResult {
    let mut learner = env.learner()?;
    let plan = learner.today(env.now)?;
    print_json(&json!({
        "learning_day": plan.learning_day,
        "streak": plan.streak,
        "longest_streak": plan.longest_streak,
        "challenge": plan.challenge,
        "due_reviews": plan.due_reviews,
        "new_available": plan.new_available,
    }))
}

pub fn learn(env: &Env, section: Option<&str>) -> CliResult {
    let learner = env.learner()?;
    let sections = learner.lesson();
    let chosen: Vec<_> = match section {
        None => sections.iter().collect(),
        Some(id) => {
            let found: Vec<_> = sections.iter().filter(|s| s.id == id).collect();
            if found.is_empty() {
                let ids: Vec<_> = sections.iter().map(|s| s.id).collect();
                return Err(format!("no section {id:?}; sections are: {}", ids.join(", ")).into());
            }
            found
        }
    };
    let page = std::io::stdout().is_terminal() && std::io::stdin().is_terminal();
    let mut input = Input::stdin();
    let count = chosen.len();
    for (i, s) in chosen.into_iter().enumerate() {
        render::section(&mut std::io::stdout().lock(), s)?;
        if page && i + 1 < count {
            let prompt = format!("── {}/{count} · Enter: next section · q: stop ── ", i + 1);
            let reply = input.line(&style(prompt).dim().to_string())?;
            if reply.is_none_or(|r| r.trim().eq_ignore_ascii_case("q")) {
                break;
            }
        }
    }
    Ok(())
}

pub fn quiz_list(env: &Env, json_out: bool) -> CliResult {
    let learner = env.learner()?;
    let list = learner.quiz_list();
    if json_out {
        return print_json(&json!({ "questions": list }));
    }
    let module = learner.module();
    let mut out = std::io::stdout().lock();
    let open = list.iter().filter(|q| !q.locked).count();
    writeln!(
        out,
        "{} questions, {open} open{}:",
        list.len(),
        if open < list.len() {
            " (🔒 in the full module)"
        } else {
            ""
        }
    )?;
    for kind in QuestionType::ALL {
        writeln!(out, "\n{}", style(render::question_type(kind)).bold())?;
        for q in list.iter().filter(|q| q.kind == kind) {
            let text = module
                .quiz
                .iter()
                .find(|m| m.id == q.id)
                .map_or("", |m| m.question.as_str());
            let mark = if q.locked { "  🔒 " } else { "  • " };
            write!(out, "{}", render::wrap_hanging(text, mark, "    "))?;
        }
    }
    Ok(())
}

/// The option a scripted CHOICE names: a number is its 0-based index in
/// the pack; a letter is where it is shown now (the order changes after each
/// answer, as in the session).
fn parse_option(choice: &str, order: &[usize], id: &str) -> CliResult<usize> {
    if let Ok(index) = choice.trim().parse::<usize>() {
        return Ok(index);
    }
    input::letter_position(choice)
        .and_then(|shown| order.get(shown).copied())
        .ok_or_else(|| {
            let last = aiprep_core::content::option_letter(order.len().saturating_sub(1));
            format!("{choice:?} is not an option of {id}: use A to {last}, or a 0-based index")
                .into()
        })
}

pub fn answer(
    env: &Env,
    id: &str,
    choice: Option<&str>,
    text: Option<&str>,
    duration_ms: u32,
    json_out: bool,
) -> CliResult {
    let mut learner = env.learner()?;
    match (choice, text) {
        (Some(choice), None) => {
            let order = learner.option_order(id)?;
            let choice = parse_option(choice, &order, id)?;
            let feedback = learner.answer_choice(id, choice, duration_ms, env.now)?;
            if json_out {
                return print_json(&feedback);
            }
            let texts = option_texts(&learner, id)?;
            let mut out = std::io::stdout().lock();
            render::choice_feedback(&mut out, &feedback, &texts, &order, env.now, env.tz)?;
            if feedback.challenge_completed {
                let streak = learner.streak(env.now)?;
                render::challenge_completed(&mut out, streak.current, streak.longest)?;
            }
            Ok(())
        }
        (None, Some(text)) => {
            let feedback = learner.answer_text(id, text, duration_ms, env.now)?;
            if json_out {
                return print_json(&feedback);
            }
            let mut out = std::io::stdout().lock();
            render::exercise_feedback(&mut out, text, &feedback, env.now, env.tz)?;
            if feedback.challenge_completed {
                let streak = learner.streak(env.now)?;
                render::challenge_completed(&mut out, streak.current, streak.longest)?;
            }
            Ok(())
        }
        (Some(_), Some(_)) => Err("give either CHOICE or --text, not both".into()),
        (None, None) => Err(format!(
            "answer {id} needs CHOICE (a letter, or a 0-based option index) or --text TEXT"
        )
        .into()),
    }
}

/// The option texts of a quiz question or scenario, in pack order.
pub fn option_texts<'l>(learner: &'l Learner, id: &str) -> CliResult<Vec<&'l str>> {
    Ok(match learner.question(id) {
        Ok(q) => q.options.iter().map(String::as_str).collect(),
        Err(aiprep_core::Error::NotFound { .. }) => learner
            .scenario(id)?
            .responses
            .iter()
            .map(|r| r.text.as_str())
            .collect(),
        Err(e) => return Err(e.into()),
    })
}

/// Counts per module: every bundled module, or the `--pack` one.
pub fn content_stats(env: &Env, json_out: bool) -> CliResult {
    let modules: Vec<Module> = match &env.pack_path {
        Some(_) => vec![env.pack()?.module],
        None => aiprep_core::content::bundled_packs()
            .into_iter()
            .map(|(_, pack)| pack.module)
            .collect(),
    };
    if !json_out {
        for (i, module) in modules.iter().enumerate() {
            if i > 0 {
                println!();
            }
            content_stats_text(module)?;
        }
        return Ok(());
    }
    let listed: Vec<_> = modules.iter().map(module_counts).collect();
    print_json(&json!({ "modules": listed }))
}

fn module_counts(module: &Module) -> serde_json::Value {
    let mut types = BTreeMap::new();
    for kind in QuestionType::ALL {
        let count = module.quiz.iter().filter(|q| q.kind == kind).count();
        types.insert(kind.as_str(), count);
    }
    json!({
        "id": module.id,
        "title": module.title,
        "content_version": module.content_version,
        "answer_kind": module.answer_kind.as_str(),
        "related_modules": module.related_modules,
        "quiz_items": module.quiz.len(),
        "quiz_types": types,
        "free_quiz_items": module.quiz.iter().filter(|q| q.free).count(),
        "exercises": module.exercises.len(),
        "scenarios": module.practice_scenarios.len(),
        "workplace_scenarios": module.workplace_scenarios.len(),
        "mistakes": module.mistakes.len(),
        "strong_examples": module.interviewer.strong_examples.len(),
        "faq": module.faq.len(),
        "rubric_tiers": module.open_practice.rubric.len(),
    })
}

/// Validates a pack file for its author; errors name file, item and field.
pub fn content_check(path: &Path) -> CliResult {
    let pack = aiprep_core::content::load_pack(path)?;
    aiprep_core::content::bundled_catalog().with_pack(&path.display().to_string(), pack.clone())?;
    let m = &pack.module;
    println!(
        "{}: {} ({}) is a valid pack: {} quiz questions, {} scenarios, {} exercises.",
        path.display(),
        m.title,
        m.id,
        m.quiz.len(),
        m.practice_scenarios.len(),
        m.exercises.len()
    );
    Ok(())
}

fn content_stats_text(module: &Module) -> CliResult {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} {}",
        style(&module.title).bold(),
        style(format!("(version {})", module.content_version)).dim()
    )?;
    let free_quiz = module.quiz.iter().filter(|q| q.free).count();
    writeln!(
        out,
        "  {:>3} quiz questions ({free_quiz} free):",
        module.quiz.len()
    )?;
    for kind in QuestionType::ALL {
        let count = module.quiz.iter().filter(|q| q.kind == kind).count();
        writeln!(
            out,
            "        {count:>3} {}",
            render::question_type(kind).to_lowercase()
        )?;
    }
    let rows = [
        (module.practice_scenarios.len(), "practice scenarios"),
        (module.exercises.len(), "written exercises"),
        (module.workplace_scenarios.len(), "workplace scenarios"),
        (module.mistakes.len(), "common mistakes"),
        (
            module.interviewer.strong_examples.len(),
            "strong example answers",
        ),
        (module.faq.len(), "FAQ entries"),
        (module.open_practice.rubric.len(), "rubric tiers"),
    ];
    for (count, what) in rows {
        writeln!(out, "  {count:>3} {what}")?;
    }
    Ok(())
}

pub fn stats(env: &Env, json_out: bool) -> CliResult {
    let mut learner = env.learner()?;
    let stats = learner.stats(env.now)?;
    if json_out {
        return print_json(&stats);
    }
    let module = learner.module();
    let title_of = |id: &str| {
        module
            .exercises
            .iter()
            .find(|e| e.id == id)
            .map(|e| e.title.clone())
            .unwrap_or_else(|| "Open practice".to_owned())
    };
    render::stats(&mut std::io::stdout().lock(), &stats, title_of)
}

/// A file's text, or standard input's. A person at a terminal is told how
/// to finish; a pipe is read to its end.
fn read_input(file: Option<&Path>) -> CliResult<String> {
    if let Some(path) = file.filter(|p| *p != Path::new("-")) {
        return files::read_text(path);
    }
    if std::io::stdin().is_terminal() {
        println!(
            "{}",
            style(format!(
                "Type or paste your answer. End with a line holding only `{}` (or Ctrl-D).",
                input::END_OF_ANSWER
            ))
            .dim()
        );
        return match Input::stdin().written(false)? {
            Written::Text(text) => Ok(text),
            Written::Quit | Written::Undo => Err("no answer was given".into()),
        };
    }
    let mut bytes = Vec::new();
    std::io::stdin().read_to_end(&mut bytes)?;
    files::decode(Path::new("standard input"), bytes)
}

pub fn analyze(file: Option<&Path>, json_out: bool, jsonl: bool) -> CliResult {
    if jsonl {
        return analyze_jsonl(file);
    }
    let text = read_input(file)?;
    let analysis = analyzer::analyze(&text)?;
    if json_out {
        print_json(&analysis)
    } else {
        render::analysis(&mut std::io::stdout().lock(), &text, &analysis)
    }
}

/// One analysis per input line; a bad line stops with an error naming it,
/// after the lines before it were written.
fn analyze_jsonl(file: Option<&Path>) -> CliResult {
    #[derive(serde::Deserialize)]
    struct Line {
        id: serde_json::Value,
        text: String,
    }
    let input: Box<dyn BufRead> = match file {
        Some(path) if path != Path::new("-") => Box::new(std::io::BufReader::new(
            std::fs::File::open(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?,
        )),
        _ => Box::new(std::io::stdin().lock()),
    };
    let mut out = std::io::stdout().lock();
    let mut line_out = Vec::new();
    for (number, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: expected {{\"id\", \"text\"}}: {e}", number + 1))?;
        let analysis =
            analyzer::analyze(&parsed.text).map_err(|e| format!("line {}: {e}", number + 1))?;
        // Written straight from the analysis, without building a JSON tree first
        // (that tree was a fifth of the time per line).
        #[derive(serde::Serialize)]
        struct Analyzed<'a> {
            id: &'a serde_json::Value,
            #[serde(flatten)]
            analysis: &'a analyzer::Analysis,
        }
        // One reused buffer and one write per line: stdout's small line buffer
        // would otherwise be flushed several times inside a long line.
        line_out.clear();
        serde_json::to_writer(
            &mut line_out,
            &Analyzed {
                id: &parsed.id,
                analysis: &analysis,
            },
        )?;
        line_out.push(b'\n');
        out.write_all(&line_out)?;
    }
    Ok(())
}

fn read_revlog(path: &Path) -> CliResult<Vec<revlog::RevlogEntry>> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    Ok(revlog::parse_csv(&text)?)
}

fn parse_params(text: &str) -> CliResult<Vec<f32>> {
    let trimmed = text.trim().trim_start_matches('[').trim_end_matches(']');
    trimmed
        .split(',')
        .map(|p| {
            p.trim()
                .parse::<f32>()
                .map_err(|_| format!("--params: {p:?} is not a number").into())
        })
        .collect()
}

pub fn fsrs_evaluate(path: &Path, params: Option<&str>) -> CliResult {
    let entries = read_revlog(path)?;
    let params = match params {
        Some(text) => parse_params(text)?,
        None => aiprep_core::scheduler::SchedulerConfig::default().params,
    };
    let evaluation = revlog::evaluate(&entries, &params)?;
    print_json(&json!({
        "items": evaluation.items,
        "log_loss": evaluation.log_loss,
        "rmse_bins": evaluation.rmse_bins,
    }))
}

pub fn fsrs_optimize(path: &Path) -> CliResult {
    let entries = read_revlog(path)?;
    let never = std::sync::atomic::AtomicBool::new(false);
    let result = revlog::optimize(&entries, &never)?;
    print_json(&json!({
        "params": result.params,
        "log_loss_before": result.log_loss_before,
        "log_loss_after": result.log_loss_after,
    }))
}

pub fn simulate(env: &Env, items: u32, reviews: u64) -> CliResult {
    let mut learner = env.learner()?;
    let report = learner.simulate(items, reviews, env.now)?;
    print_json(&report)
}

pub fn unlock(env: &Env, purchase: &Path, signature: &str) -> CliResult {
    let original_json = files::read_text(purchase)?;
    let mut learner = env.learner()?;
    let entitlement = learner
        .unlock(&original_json, signature.trim(), env.now)
        .map_err(|e| match e {
            aiprep_core::Error::Unlock(aiprep_core::unlock::UnlockError::NoKeyConfigured) => {
                "this build has no store key to check purchases with: pass the store's \
                 public key with --public-key B64 or AIPREP_PUBLIC_KEY (docs/UNLOCK.md)"
                    .into()
            }
            other => Box::<dyn std::error::Error>::from(other),
        })?;
    print_json(entitlement)
}

/// `aiprep unlock` with no purchase: what the full module is and how to get it.
pub fn how_to_unlock(env: &Env) -> CliResult {
    let learner = env.learner()?;
    let mut out = std::io::stdout().lock();
    if learner.entitlement().unlocked {
        writeln!(out, "The full module is unlocked. Thank you!")?;
        return Ok(());
    }
    let text = "The full module (every quiz question, scenario, exercise and example) is a \
        one-time purchase in the aiprep app for Android, through Google Play. Once bought, \
        it is verified on the phone, offline.\n\
        Here in the terminal, a purchase can be verified from its files: \
        `aiprep unlock --purchase purchase.json --signature B64` with the store's public key \
        in --public-key or AIPREP_PUBLIC_KEY. docs/UNLOCK.md shows how to try it with a key \
        pair of your own.";
    write!(out, "{}", render::wrap(text, ""))?;
    Ok(())
}

pub fn status(env: &Env, json_out: bool) -> CliResult {
    let learner = env.learner()?;
    let entitlement = learner.entitlement();
    if json_out {
        return print_json(entitlement);
    }
    let mut out = std::io::stdout().lock();
    if entitlement.unlocked {
        writeln!(out, "The full module is unlocked.")?;
        if entitlement.needs_acknowledgement {
            writeln!(
                out,
                "The purchase still needs to be confirmed with the store (the Android app does this)."
            )?;
        }
    } else {
        let free = learner.quiz_list().iter().filter(|q| !q.locked).count();
        writeln!(
            out,
            "You are using the free part: {free} quiz questions and a sample of every section. \
             `aiprep unlock` says how to get the rest."
        )?;
    }
    Ok(())
}

pub fn story(env: &Env, command: crate::StoryCommand) -> CliResult {
    use crate::StoryCommand;
    let mut learner = env.learner()?;
    let mut out = std::io::stdout().lock();
    match command {
        StoryCommand::New { title } => {
            let id = learner.story_create(&title, env.now)?;
            writeln!(out, "Story {id} created. Write its parts with `aiprep story write {id} situation \"...\"`.")?;
        }
        StoryCommand::List => {
            for s in learner.stories()? {
                writeln!(out, "{:>3}  {}  ({} versions)", s.id, s.title, s.versions)?;
            }
        }
        StoryCommand::Write { id, part, text } => {
            let part = parse_part(&part)?;
            let text = match text {
                Some(text) => text,
                None => read_input(None)?,
            };
            let check = learner.story_set_part(id, part, &text, env.now)?;
            render::part_check(&mut out, &check)?;
        }
        StoryCommand::Show { id } => {
            let draft = learner.story_draft(id)?;
            render::story_draft(&mut out, &draft)?;
        }
        StoryCommand::Save { id } => {
            let v = learner.story_save_version(id, env.now)?;
            writeln!(
                out,
                "Saved version {}: {} ({}/100), takeaway {:.0}% of the words.",
                v.version,
                v.tier,
                v.score,
                v.takeaway_share * 100.0
            )?;
        }
        StoryCommand::History { id } => {
            render::story_history(&mut out, &learner.story_versions(id)?)?;
        }
    }
    Ok(())
}

fn parse_part(text: &str) -> CliResult<aiprep_core::content::StarPart> {
    aiprep_core::content::StarPart::ALL
        .into_iter()
        .find(|p| p.as_str().eq_ignore_ascii_case(text.trim()))
        .ok_or_else(|| {
            format!("{text:?} is not a part: use situation, task, action, result or takeaway")
                .into()
        })
}

pub fn export(env: &Env, file: &Path, replace: bool) -> CliResult {
    let learner = env.learner()?;
    let json = learner.export_json()?;
    let replace = replace
        || (file.exists()
            && std::io::stdin().is_terminal()
            && Input::stdin().confirm(&format!("{} exists. Replace it?", file.display()))?);
    files::write_new(file, &json, replace)?;
    println!("Exported your progress to {}.", file.display());
    Ok(())
}

pub fn import(env: &Env, file: &Path, json_out: bool) -> CliResult {
    let json = files::read_text(file)?;
    let mut learner = env.learner()?;
    let report = learner.import_json(&json, env.now)?;
    if json_out {
        return print_json(&report);
    }
    println!(
        "Imported from {}: {} reviews, {} quiz answers, {} written answers, {} daily challenges \
         and {} stories that were not here yet. Nothing already here was duplicated.",
        file.display(),
        report.reviews,
        report.quiz_attempts,
        report.exercise_attempts,
        report.challenges,
        report.stories
    );
    Ok(())
}

pub fn restore(env: &Env, backup: Option<&Path>, yes: bool) -> CliResult {
    let backup = match backup {
        Some(path) => path.to_owned(),
        None => aiprep_core::storage::list_backups(&env.backup_dir()?)?
            .pop()
            .map(|(_, path)| path)
            .ok_or("there are no automatic backups yet (one is made a day, after a session)")?,
    };
    let target = env.db_path()?;
    // A file that opens fine holds progress the backup may not have: replacing
    // it is a choice the learner makes knowingly.
    if target.exists() && !yes {
        if let Ok(learner) = env.learner() {
            let answers = learner.answer_count()?;
            let question = format!(
                "{} opens fine and holds {answers} answers; the backup may be older. Replace it \
                 with {}? (the current file is kept aside)",
                target.display(),
                backup.display()
            );
            drop(learner);
            if !std::io::stdin().is_terminal() {
                return Err(format!("{question} Pass --yes to do so.").into());
            }
            if !Input::stdin().confirm(&question)? {
                println!("Nothing was changed.");
                return Ok(());
            }
        }
    }
    let moved = aiprep_core::storage::restore_backup(&backup, &target, env.now)?;
    println!("Restored {} from {}.", target.display(), backup.display());
    if let Some(aside) = moved {
        println!("The file it replaced was kept as {}.", aside.display());
    }
    Ok(())
}

/// The catalog: every installed module with the learner's progress.
pub fn modules(env: &Env, json_out: bool) -> CliResult {
    let mut learner = env.learner()?;
    let cards = learner.catalog()?;
    if json_out {
        return print_json(&cards);
    }
    let mut out = std::io::stdout().lock();
    for card in &cards {
        let marker = if card.active { "▶" } else { " " };
        writeln!(
            out,
            "{marker} {} {}",
            style(&card.title).bold(),
            style(format!("({}, v{})", card.id, card.content_version)).dim()
        )?;
        writeln!(out, "{}", render::wrap(&card.summary, "    "))?;
        let mastery = card
            .mastery
            .map(|m| format!(", mastery {:.0}%", m * 100.0))
            .unwrap_or_default();
        let locked = match card.locked_items {
            0 => "all unlocked".to_owned(),
            n => format!("{} free, {n} locked", card.free_items),
        };
        writeln!(
            out,
            "    {} of {} items started ({:.0}%), {} mature{mastery}; {locked}",
            card.items_started,
            card.items,
            card.progress * 100.0,
            card.items_mature
        )?;
        if !card.related.is_empty() {
            let related: Vec<&str> = card.related.iter().map(|r| r.title.as_str()).collect();
            writeln!(out, "    Related: {}", related.join(", "))?;
        }
    }
    writeln!(
        out,
        "\nStudy another module with `aiprep --module ID`; reviews of every module keep coming."
    )?;
    Ok(())
}
