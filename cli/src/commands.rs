//! Non-interactive commands: each prints JSON or a readable report.

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::Path;

use serde_json::json;

use aiprep_core::analyzer;
use aiprep_core::content::QuestionType;
use aiprep_core::scheduler::revlog;

use crate::{render, CliResult, Env};

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
    let mut out = std::io::stdout().lock();
    for s in chosen {
        render::section(&mut out, s)?;
    }
    Ok(())
}

pub fn quiz_list(env: &Env) -> CliResult {
    let learner = env.learner()?;
    print_json(&json!({ "questions": learner.quiz_list() }))
}

pub fn answer(
    env: &Env,
    id: &str,
    choice: Option<usize>,
    text: Option<&str>,
    duration_ms: u32,
    json_out: bool,
) -> CliResult {
    let mut learner = env.learner()?;
    match (choice, text) {
        (Some(choice), None) => {
            let feedback = learner.answer_choice(id, choice, duration_ms, env.now)?;
            if json_out {
                print_json(&feedback)
            } else {
                render::choice_feedback(&mut std::io::stdout().lock(), &feedback)
            }
        }
        (None, Some(text)) => {
            let feedback = learner.answer_text(id, text, duration_ms, env.now)?;
            if json_out {
                print_json(&feedback)
            } else {
                render::exercise_feedback(&mut std::io::stdout().lock(), text, &feedback)
            }
        }
        (Some(_), Some(_)) => Err("give either CHOICE or --text, not both".into()),
        (None, None) => {
            Err(format!("answer {id} needs CHOICE (0-based option) or --text TEXT").into())
        }
    }
}

pub fn content_stats(env: &Env) -> CliResult {
    let module = env.pack()?.module;
    let mut types = BTreeMap::new();
    for kind in QuestionType::ALL {
        let count = module.quiz.iter().filter(|q| q.kind == kind).count();
        types.insert(kind.as_str(), count);
    }
    print_json(&json!({
        "modules": [{
            "id": module.id,
            "title": module.title,
            "content_version": module.content_version,
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
        }]
    }))
}

pub fn stats(env: &Env, json_out: bool) -> CliResult {
    let mut learner = env.learner()?;
    let stats = learner.stats(env.now)?;
    if json_out {
        print_json(&stats)
    } else {
        render::stats(&mut std::io::stdout().lock(), &stats)
    }
}

fn read_input(file: Option<&Path>) -> CliResult<String> {
    let mut text = String::new();
    match file {
        Some(path) if path != Path::new("-") => {
            text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?
        }
        _ => {
            std::io::stdin().read_to_string(&mut text)?;
        }
    }
    Ok(text)
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
    for (number, line) in input.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let parsed: Line = serde_json::from_str(&line)
            .map_err(|e| format!("line {}: expected {{\"id\", \"text\"}}: {e}", number + 1))?;
        let analysis =
            analyzer::analyze(&parsed.text).map_err(|e| format!("line {}: {e}", number + 1))?;
        let mut value = serde_json::to_value(&analysis)?;
        value["id"] = parsed.id;
        writeln!(out, "{}", serde_json::to_string(&value)?)?;
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
    let original_json = std::fs::read_to_string(purchase)
        .map_err(|e| format!("cannot read {}: {e}", purchase.display()))?;
    let mut learner = env.learner()?;
    let entitlement = learner.unlock(&original_json, signature.trim(), env.now)?;
    print_json(entitlement)
}

pub fn status(env: &Env) -> CliResult {
    let learner = env.learner()?;
    print_json(learner.entitlement())
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

pub fn export(env: &Env, file: &Path) -> CliResult {
    let learner = env.learner()?;
    let json = learner.export_json()?;
    // Write beside, then rename: a failed export never leaves half a file.
    let partial = file.with_extension("partial");
    std::fs::write(&partial, json)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    std::fs::rename(&partial, file).map_err(|e| format!("cannot write {}: {e}", file.display()))?;
    println!("Exported to {}", file.display());
    Ok(())
}

pub fn import(env: &Env, file: &Path) -> CliResult {
    let json = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let mut learner = env.learner()?;
    let report = learner.import_json(&json, env.now)?;
    print_json(&report)
}

pub fn restore(env: &Env, backup: Option<&Path>) -> CliResult {
    let backup = match backup {
        Some(path) => path.to_owned(),
        None => aiprep_core::storage::list_backups(&env.backup_dir()?)?
            .pop()
            .map(|(_, path)| path)
            .ok_or("no backups yet")?,
    };
    let target = env.db_path()?;
    let moved = aiprep_core::storage::restore_backup(&backup, &target, env.now)?;
    println!("Restored {} from {}.", target.display(), backup.display());
    if let Some(aside) = moved {
        println!("The previous file was kept as {}.", aside.display());
    }
    Ok(())
}
