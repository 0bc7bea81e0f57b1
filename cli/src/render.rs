//! Terminal rendering of what the core returns. Colors come from `console`,
//! which turns them off for pipes and when NO_COLOR is set.

use std::io::Write;
use std::sync::OnceLock;

use chrono::{DateTime, Datelike, Days, NaiveDate, Utc};
use chrono_tz::Tz;
use console::{style, Style};

use aiprep_core::analyzer::{Analysis, Finding, FindingKind};
use aiprep_core::content::{option_letter, Block, LessonSection, QuestionType};
use aiprep_core::learner::{
    ChoiceFeedback, ExerciseFeedback, PartCheck, Stats, StoryDraft, StoryVersion,
};
use aiprep_core::scheduler::Rating;

use crate::CliResult;

/// Wider lines than this are hard to read, whatever the terminal.
const MAX_WIDTH: usize = 100;
/// Below this, wrapping would put one word on a line.
const MIN_WIDTH: usize = 30;
/// Where output is not a terminal and `COLUMNS` says nothing.
const DEFAULT_WIDTH: usize = 80;

/// Columns to wrap to: the terminal's width (or `COLUMNS`), capped for
/// reading comfort.
pub fn width() -> usize {
    static WIDTH: OnceLock<usize> = OnceLock::new();
    *WIDTH.get_or_init(|| {
        let columns = console::Term::stdout()
            .size_checked()
            .map(|(_, cols)| usize::from(cols))
            .or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok())
            .unwrap_or(DEFAULT_WIDTH);
        columns.clamp(MIN_WIDTH, MAX_WIDTH)
    })
}

/// Word wrap to the terminal's width with a prefix on every line. Widths
/// are measured as displayed: colour codes take no room, wide characters two.
pub fn wrap(text: &str, prefix: &str) -> String {
    wrap_hanging(text, prefix, prefix)
}

/// Word wrap whose first line starts with `first` and the others with `rest`
/// (list markers, option letters). Words are never split.
pub fn wrap_hanging(text: &str, first: &str, rest: &str) -> String {
    let mut out = String::new();
    for (i, paragraph) in text.split('\n').enumerate() {
        let lead = if i == 0 { first } else { rest };
        let options = textwrap::Options::new(width())
            .initial_indent(lead)
            .subsequent_indent(rest)
            .break_words(false);
        out.push_str(textwrap::fill(paragraph.trim_end(), options).trim_end());
        out.push('\n');
    }
    out
}

/// A question type as a learner reads it.
pub fn question_type(kind: QuestionType) -> &'static str {
    match kind {
        QuestionType::Vocabulary => "Vocabulary",
        QuestionType::Scenario => "Scenario",
        QuestionType::ErrorDetection => "Spot the error",
        QuestionType::Judgment => "Judgment call",
    }
}

/// A finding kind as a learner reads it.
pub fn finding_label(kind: FindingKind) -> &'static str {
    match kind {
        FindingKind::BlameShifting => "Blame",
        FindingKind::PassiveVoice => "Passive voice",
        FindingKind::Hedging => "Hedging",
        FindingKind::EmotionalLanguage => "Emotional wording",
        FindingKind::OverApologizing => "Over-apologizing",
        FindingKind::FakeFailure => "Not a real failure",
        FindingKind::ManualFix => "One-off fix",
        FindingKind::Ownership => "Ownership",
        FindingKind::Metric => "Measured impact",
        FindingKind::SystemicFix => "Lasting fix",
        FindingKind::MissingMetrics => "No numbers",
        FindingKind::MissingTakeaway => "No takeaway",
        FindingKind::ShortTakeaway => "Short takeaway",
        FindingKind::MissingPart => "Missing part",
        FindingKind::TooShort => "Too short",
        FindingKind::TooLong => "Too long",
    }
}

fn rating_label(rating: Rating) -> &'static str {
    match rating {
        Rating::Again => "Again",
        Rating::Hard => "Hard",
        Rating::Good => "Good",
        Rating::Easy => "Easy",
    }
}

/// When `at` is, seen from `now` in the learner's zone: "in 10 min (14:32)",
/// "tomorrow at 09:00", "in 3 days (Sun, Dec 6)".
pub fn when(at: DateTime<Utc>, now: DateTime<Utc>, tz: Tz) -> String {
    // Rounded up: something due in 40 seconds is "in 1 min", not "now".
    let minutes = ((at - now).num_seconds() + 59).div_euclid(60);
    let local = at.with_timezone(&tz);
    let today = now.with_timezone(&tz).date_naive();
    let days = (local.date_naive() - today).num_days();
    let clock = local.format("%H:%M");
    match (minutes, days) {
        (..=0, _) => "now".to_owned(),
        (1..=59, _) => format!("in {minutes} min ({clock})"),
        (_, 0) => format!("today at {clock}"),
        (_, 1) => format!("tomorrow at {clock}"),
        _ => format!("in {days} days ({})", local.format("%a, %b %-d")),
    }
}

/// "Rated Good · back in 3 days (Sun, Dec 6)".
pub fn rating_and_return(
    out: &mut impl Write,
    rating: Rating,
    next_due: DateTime<Utc>,
    now: DateTime<Utc>,
    tz: Tz,
) -> CliResult {
    writeln!(
        out,
        "{}",
        style(format!(
            "Rated {} · comes back {}",
            rating_label(rating),
            when(next_due, now, tz)
        ))
        .dim()
    )?;
    Ok(())
}

pub fn section(out: &mut impl Write, section: &LessonSection) -> CliResult {
    writeln!(out)?;
    write!(
        out,
        "{}",
        wrap(&style(&section.title).bold().underlined().to_string(), "")
    )?;
    writeln!(
        out,
        "{}",
        style(format!("aiprep learn {}", section.id)).dim()
    )?;
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
            Block::Heading { text } => {
                writeln!(out)?;
                write!(out, "{}", wrap(&style(text).bold().to_string(), ""))?;
            }
            Block::Paragraph { text } => write!(out, "{}", wrap(text, ""))?,
            Block::Bullets { items } => {
                for item in items {
                    write!(out, "{}", wrap_hanging(item, "  • ", "    "))?;
                }
            }
            Block::Example { label, text } => {
                writeln!(out, "{}", style(format!("  {label}:")).cyan())?;
                write!(out, "{}", wrap(text, "  │ "))?;
            }
            Block::Locked { title, .. } => write!(
                out,
                "{}",
                wrap_hanging(
                    &style(format!("{title} (in the full module: `aiprep unlock`)"))
                        .dim()
                        .to_string(),
                    "  🔒 ",
                    "     "
                )
            )?,
        }
    }
    Ok(())
}

/// The options in the order they are shown: `order[shown] = option index`.
pub fn options(out: &mut impl Write, texts: &[&str], order: &[usize]) -> CliResult {
    for (shown, &index) in order.iter().enumerate() {
        let prefix = format!("  {}) ", option_letter(shown));
        let body = wrap_hanging(texts[index], &prefix, "     ");
        let (head, tail) = body.split_at(prefix.len());
        write!(out, "{}{tail}", style(head).bold())?;
    }
    Ok(())
}

/// Feedback on a choice, naming options by the letters they were shown under.
pub fn choice_feedback(
    out: &mut impl Write,
    feedback: &ChoiceFeedback,
    texts: &[&str],
    order: &[usize],
    now: DateTime<Utc>,
    tz: Tz,
) -> CliResult {
    let letter = |index: usize| {
        order
            .iter()
            .position(|&i| i == index)
            .map_or('?', option_letter)
    };
    if feedback.correct {
        writeln!(out, "{}", style("✔ Correct.").green().bold())?;
    } else {
        writeln!(
            out,
            "{} You chose {}; the best answer is {}:",
            style("✘ Not quite.").red().bold(),
            letter(feedback.chosen),
            letter(feedback.correct_choice)
        )?;
        let best = texts[feedback.correct_choice];
        let prefix = format!("  {}) ", letter(feedback.correct_choice));
        write!(
            out,
            "{}",
            style(wrap_hanging(best, &prefix, "     ")).green()
        )?;
    }
    write!(out, "{}", wrap(&feedback.explanation, "  "))?;
    if let Some(best) = &feedback.best_annotation {
        writeln!(out, "{}", style("  Why the best answer works:").cyan())?;
        write!(out, "{}", wrap(best, "  "))?;
    }
    rating_and_return(out, feedback.rating, feedback.next_due, now, tz)
}

/// The checklist a written answer is judged against.
pub fn checklist(out: &mut impl Write, heading: &str, items: &[String]) -> CliResult {
    if items.is_empty() {
        return Ok(());
    }
    writeln!(out, "{}", style(heading).cyan())?;
    for item in items {
        write!(out, "{}", wrap_hanging(item, "  ☐ ", "    "))?;
    }
    Ok(())
}

/// A written answer's analysis, the checklist to compare it with and the
/// model answer.
pub fn exercise_feedback(
    out: &mut impl Write,
    text: &str,
    feedback: &ExerciseFeedback,
    now: DateTime<Utc>,
    tz: Tz,
) -> CliResult {
    analysis(out, text, &feedback.analysis)?;
    checklist(out, "Check your answer against:", &feedback.checklist)?;
    writeln!(out, "{}", style("A model answer:").cyan())?;
    write!(out, "{}", wrap(&feedback.model_answer, "  │ "))?;
    rating_and_return(out, feedback.rating, feedback.next_due, now, tz)
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
    // An explanation has no story parts, so no takeaway share or split.
    let is_story = !analysis.segments.is_empty();
    let takeaway = match is_story {
        true => format!(
            ", takeaway {:.0}% of the words (aim for {})",
            analysis.takeaway_share * 100.0,
            aiprep_core::analyzer::share_words(analysis.suggested_takeaway_share)
        ),
        false => String::new(),
    };
    writeln!(
        out,
        "{} {}  score {}/100  {} words, about {} s spoken{takeaway}",
        style("Tier:").bold(),
        style(analysis.tier.as_str()).bold().cyan(),
        analysis.score,
        analysis.word_count,
        analysis.speaking_seconds,
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
        writeln!(
            out,
            "{mark} {}{quoted}",
            style(finding_label(f.kind)).bold()
        )?;
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
    if !analysis.segments.is_empty() {
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
    }
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

/// Progress, with exercise titles from `title_of`.
pub fn stats(out: &mut impl Write, stats: &Stats, title_of: impl Fn(&str) -> String) -> CliResult {
    let name_width = width().saturating_sub(44).clamp(12, 28);
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
                "  {:<name_width$} {} {:>3.0}%  ({}/{} right)",
                truncate(&m.name, name_width),
                bar(mastery, 20),
                mastery * 100.0,
                m.correct,
                m.answered
            )?,
            None => writeln!(
                out,
                "  {:<name_width$} {}",
                truncate(&m.name, name_width),
                style("not practiced yet").dim()
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
                "  {} {:<name_width$} {} {:>3} {}",
                s.at.format("%Y-%m-%d"),
                truncate(&title_of(&s.item_id), name_width),
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
            finding_label(f.kind),
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

/// The challenge was just completed: say so with the streak it made.
pub fn challenge_completed(out: &mut impl Write, streak: u32, longest: u32) -> CliResult {
    let days = if streak == 1 { "day" } else { "days" };
    let best = if streak >= longest {
        " (your best)".to_owned()
    } else {
        format!(" (best {longest})")
    };
    writeln!(
        out,
        "{}",
        style(format!(
            "★ Today's challenge is complete! Streak: {streak} {days}{best}."
        ))
        .yellow()
        .bold()
    )?;
    Ok(())
}
