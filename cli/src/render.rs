//! Terminal rendering of what the core returns. Colors come from `console`,
//! which turns them off for pipes and when NO_COLOR is set.

use std::io::Write;

use chrono::{Datelike, Days, NaiveDate};
use console::{style, Style};

use aiprep_core::analyzer::{Analysis, Finding};
use aiprep_core::content::{option_letter, Block, LessonSection};
use aiprep_core::learner::{
    ChoiceFeedback, ExerciseFeedback, PartCheck, Stats, StoryDraft, StoryVersion,
};

use crate::CliResult;

const WIDTH: usize = 78;

/// Greedy word wrap with a prefix on every line.
pub fn wrap(text: &str, prefix: &str) -> String {
    let mut out = String::new();
    for paragraph in text.split('\n') {
        let mut line = String::from(prefix);
        let mut empty = true;
        for word in paragraph.split_whitespace() {
            if !empty && line.chars().count() + 1 + word.chars().count() > WIDTH {
                out.push_str(line.trim_end());
                out.push('\n');
                line = String::from(prefix);
                empty = true;
            }
            if !empty {
                line.push(' ');
            }
            line.push_str(word);
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out
}

pub fn section(out: &mut impl Write, section: &LessonSection) -> CliResult {
    writeln!(out, "\n{}", style(&section.title).bold().underlined())?;
    writeln!(out, "{}", style(format!("[{}]", section.id)).dim())?;
    let hint = match section.id {
        "exercises" => Some("Exercises come up in your daily session: run `aiprep`."),
        "quiz" => Some("Start it with `aiprep quiz`."),
        _ => None,
    };
    if let Some(hint) = hint {
        writeln!(out, "{}", style(hint).dim())?;
    }
    for block in &section.blocks {
        match block {
            Block::Heading { text } => writeln!(out, "\n{}", style(text).bold())?,
            Block::Paragraph { text } => write!(out, "{}", wrap(text, ""))?,
            Block::Bullets { items } => {
                for item in items {
                    let wrapped = wrap(item, "    ");
                    write!(out, "  • {}", &wrapped[4.min(wrapped.len())..])?;
                }
            }
            Block::Example { label, text } => {
                writeln!(out, "{}", style(format!("  {label}:")).cyan())?;
                write!(out, "{}", wrap(text, "  │ "))?;
            }
            Block::Locked { title, .. } => writeln!(
                out,
                "{} {}",
                style("  🔒").yellow(),
                style(format!("{title} (full module: `aiprep unlock`)")).dim()
            )?,
        }
    }
    Ok(())
}

pub fn options(out: &mut impl Write, options: &[&str]) -> CliResult {
    for (i, text) in options.iter().enumerate() {
        let prefix = format!("  {}) ", option_letter(i));
        let body = wrap(text, "     ");
        write!(out, "{}{}", style(&prefix).bold(), body.trim_start())?;
    }
    Ok(())
}

pub fn choice_feedback(out: &mut impl Write, feedback: &ChoiceFeedback) -> CliResult {
    if feedback.correct {
        writeln!(out, "{}", style("✔ Correct").green().bold())?;
    } else {
        writeln!(
            out,
            "{} The best answer is {}.",
            style("✘ Not quite.").red().bold(),
            option_letter(feedback.correct_choice)
        )?;
    }
    write!(out, "{}", wrap(&feedback.explanation, "  "))?;
    if let Some(best) = &feedback.best_annotation {
        writeln!(out, "{}", style("  Why the best answer works:").cyan())?;
        write!(out, "{}", wrap(best, "  "))?;
    }
    challenge_completed(out, feedback.challenge_completed)
}

fn challenge_completed(out: &mut impl Write, completed: bool) -> CliResult {
    if completed {
        writeln!(
            out,
            "{}",
            style("★ Today's challenge is complete!").yellow().bold()
        )?;
    }
    Ok(())
}

/// A written answer's analysis, then the model answer to compare with.
pub fn exercise_feedback(
    out: &mut impl Write,
    text: &str,
    feedback: &ExerciseFeedback,
) -> CliResult {
    analysis(out, text, &feedback.analysis)?;
    writeln!(out, "{}", style("A model answer:").cyan())?;
    write!(out, "{}", wrap(&feedback.model_answer, "  │ "))?;
    writeln!(
        out,
        "Saved. Next review: {}",
        feedback.next_due.format("%Y-%m-%d %H:%M UTC")
    )?;
    challenge_completed(out, feedback.challenge_completed)
}

fn finding_style(finding: &Finding) -> Style {
    if finding.kind.is_positive() {
        Style::new().green().underlined()
    } else {
        Style::new().red().underlined()
    }
}

/// The answer with findings highlighted in place, then the list of findings.
pub fn analysis(out: &mut impl Write, text: &str, analysis: &Analysis) -> CliResult {
    writeln!(
        out,
        "{} {}  score {}/100  {} words, about {} s spoken, takeaway {:.0}% of the words",
        style("Tier:").bold(),
        style(analysis.tier.as_str()).bold().cyan(),
        analysis.score,
        analysis.word_count,
        analysis.speaking_seconds,
        analysis.takeaway_share * 100.0
    )?;
    // Highlight non-overlapping spans, earliest first.
    let mut spans: Vec<&Finding> = analysis
        .findings
        .iter()
        .filter(|f| f.end > f.start && f.end <= text.len())
        .collect();
    spans.sort_by_key(|f| (f.start, std::cmp::Reverse(f.end)));
    let mut highlighted = String::new();
    let mut cursor = 0;
    for f in spans {
        if f.start < cursor || !text.is_char_boundary(f.start) || !text.is_char_boundary(f.end) {
            continue;
        }
        highlighted.push_str(&text[cursor..f.start]);
        highlighted.push_str(&finding_style(f).apply_to(&text[f.start..f.end]).to_string());
        cursor = f.end;
    }
    highlighted.push_str(&text[cursor..]);
    writeln!(out)?;
    write!(out, "{}", wrap(&highlighted, "  "))?;
    for f in &analysis.findings {
        let mark = if f.kind.is_positive() {
            style("+").green().bold()
        } else {
            style("−").red().bold()
        };
        let quoted = if f.text.is_empty() {
            String::new()
        } else {
            format!(" “{}”", f.text)
        };
        writeln!(out, "{mark} {}{quoted}", style(f.kind.as_str()).bold())?;
        write!(out, "{}", wrap(&f.message, "    "))?;
        if let Some(s) = &f.suggestion {
            write!(out, "{}", wrap(&format!("Try: {s}"), "    "))?;
        }
    }
    analysis_explanation(out, analysis)
}

/// Why the score is what it is, and the STAR-T split of the words.
fn analysis_explanation(out: &mut impl Write, analysis: &Analysis) -> CliResult {
    let shares = &analysis.part_shares;
    writeln!(
        out,
        "{} situation {:.0}% · task {:.0}% · action {:.0}% · result {:.0}% · takeaway {:.0}%",
        style("Split:").bold(),
        shares.situation * 100.0,
        shares.task * 100.0,
        shares.action * 100.0,
        shares.result * 100.0,
        shares.takeaway * 100.0
    )?;
    writeln!(out, "{}", style("Score:").bold())?;
    for line in &analysis.score_lines {
        writeln!(out, "  {:>+4}  {}", line.points, line.reason)?;
    }
    writeln!(out, "  {:>4}  total", analysis.score)?;
    Ok(())
}

/// A block character for a heatmap cell.
fn shade(count: u32, max: u32) -> &'static str {
    match (count, max) {
        (0, _) => "·",
        (c, m) if c * 4 <= m => "░",
        (c, m) if c * 2 <= m => "▒",
        (c, m) if c * 4 <= m * 3 => "▓",
        _ => "█",
    }
}

fn bar(fraction: f64, width: usize) -> String {
    let filled = (fraction.clamp(0.0, 1.0) * width as f64).round() as usize;
    format!("{}{}", "█".repeat(filled), "░".repeat(width - filled))
}

pub fn stats(out: &mut impl Write, stats: &Stats) -> CliResult {
    writeln!(out, "{}", style("Progress").bold().underlined())?;
    let accuracy = if stats.choice_attempts > 0 {
        format!(
            "{:.0}%",
            100.0 * stats.correct as f64 / stats.choice_attempts as f64
        )
    } else {
        "–".to_owned()
    };
    writeln!(
        out,
        "  {} answers ({} quiz/scenario, {} written), accuracy {accuracy}, {} reviews, {} min studied",
        stats.attempts,
        stats.choice_attempts,
        stats.exercise_attempts,
        stats.reviews,
        stats.time_studied_ms / 60_000
    )?;
    if let Some(retention) = stats.true_retention {
        writeln!(
            out,
            "  true retention {:.0}% (target {:.0}%)",
            retention * 100.0,
            stats.desired_retention * 100.0
        )?;
    }

    writeln!(out, "\n{}", style("Mastery by concept").bold())?;
    for m in &stats.mastery {
        match m.mastery {
            Some(mastery) => writeln!(
                out,
                "  {:<28} {} {:>3.0}%  ({}/{} right)",
                truncate(&m.name, 28),
                bar(mastery, 20),
                mastery * 100.0,
                m.correct,
                m.answered
            )?,
            None => writeln!(
                out,
                "  {:<28} {}",
                truncate(&m.name, 28),
                style("not practised yet").dim()
            )?,
        }
    }

    if let Some(last) = stats.reviews_by_day.last() {
        heatmap(out, stats, last.day)?;
    }

    if !stats.scores.is_empty() {
        writeln!(out, "\n{}", style("Written answers").bold())?;
        for s in stats.scores.iter().rev().take(10).rev() {
            writeln!(
                out,
                "  {} {:<22} {} {:>3} {}",
                s.at.format("%Y-%m-%d"),
                truncate(&s.item_id, 22),
                bar(f64::from(s.score) / 100.0, 20),
                s.score,
                s.tier
            )?;
        }
    }
    Ok(())
}

/// The last 26 weeks of reviews, one row per weekday, oldest column first.
fn heatmap(out: &mut impl Write, stats: &Stats, last: NaiveDate) -> CliResult {
    const WEEKS: u64 = 26;
    writeln!(out, "\n{}", style("Reviews, last 26 weeks").bold())?;
    let counts: std::collections::HashMap<NaiveDate, u32> = stats
        .reviews_by_day
        .iter()
        .map(|d| (d.day, d.reviews))
        .collect();
    let max = counts.values().copied().max().unwrap_or(0);
    let end_of_week = last + Days::new(u64::from(6 - last.weekday().num_days_from_monday()));
    let start = end_of_week - Days::new(WEEKS * 7 - 1);
    for (row, name) in ["Mon", "", "Wed", "", "Fri", "", "Sun"].iter().enumerate() {
        let mut line = format!("  {name:<4}");
        for week in 0..WEEKS {
            let day = start + Days::new(week * 7 + row as u64);
            line.push_str(if day > last {
                " "
            } else {
                shade(counts.get(&day).copied().unwrap_or(0), max)
            });
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn truncate(text: &str, width: usize) -> String {
    if text.chars().count() <= width {
        text.to_owned()
    } else {
        let mut t: String = text.chars().take(width - 1).collect();
        t.push('…');
        t
    }
}

pub fn part_check(out: &mut impl Write, check: &PartCheck) -> CliResult {
    writeln!(
        out,
        "{} {} words",
        style(format!("{}:", check.part.as_str())).bold(),
        check.word_count
    )?;
    match check.sounds_like {
        Some(heard) if heard != check.part => writeln!(
            out,
            "  {}",
            style(format!(
                "This reads more like the {} part; move it there or reword it.",
                heard.as_str()
            ))
            .yellow()
        )?,
        _ => {}
    }
    for f in &check.findings {
        let mark = if f.kind.is_positive() { "+" } else { "−" };
        writeln!(
            out,
            "  {mark} {} “{}”: {}",
            f.kind.as_str(),
            f.text,
            f.message
        )?;
    }
    Ok(())
}

pub fn story_draft(out: &mut impl Write, draft: &StoryDraft) -> CliResult {
    writeln!(out, "{}", style(&draft.title).bold().underlined())?;
    for p in &draft.parts {
        writeln!(out, "{}", style(p.part.as_str()).cyan())?;
        write!(out, "{}", wrap(&p.text, "  "))?;
    }
    if let Some(a) = &draft.analysis {
        let text: Vec<&str> = draft.parts.iter().map(|p| p.text.as_str()).collect();
        writeln!(out)?;
        analysis(out, &text.join("\n\n"), a)?;
    }
    Ok(())
}

pub fn story_history(out: &mut impl Write, versions: &[StoryVersion]) -> CliResult {
    for v in versions {
        writeln!(
            out,
            "  v{:<3} {} {} {:>3}  takeaway {:>3.0}%  {}",
            v.version,
            v.saved_at.format("%Y-%m-%d"),
            bar(f64::from(v.score) / 100.0, 20),
            v.score,
            v.takeaway_share * 100.0,
            v.tier
        )?;
    }
    Ok(())
}
