//! Reading what the learner types: option letters, written answers that may
//! span paragraphs, and yes/no questions. Input is read line by line, so
//! every session also runs from a pipe.

use std::io::{BufRead, IsTerminal, Write};

use aiprep_core::content::option_letter;

use crate::CliResult;

/// A written answer ends at a line holding only this (or at end of input).
pub const END_OF_ANSWER: &str = ".";

/// What the learner did at a multiple-choice prompt.
#[derive(Debug, PartialEq)]
pub enum Choice {
    /// The option at this shown position (0 for A).
    Shown(usize),
    Undo,
    Quit,
}

/// What the learner did at a written-answer prompt.
#[derive(Debug, PartialEq)]
pub enum Written {
    Text(String),
    Undo,
    Quit,
}

pub struct Input<'a> {
    lines: Box<dyn BufRead + 'a>,
    /// Standard input is a terminal: prompts may wait for a person.
    pub is_terminal: bool,
}

impl<'a> Input<'a> {
    pub fn stdin() -> Self {
        let stdin = std::io::stdin();
        Input {
            is_terminal: stdin.is_terminal(),
            lines: Box::new(stdin.lock()),
        }
    }

    #[cfg(test)]
    fn from_text(text: &'a str) -> Self {
        Input {
            lines: Box::new(text.as_bytes()),
            is_terminal: false,
        }
    }

    /// One line without its line ending, or `None` at the end of input.
    pub fn line(&mut self, prompt: &str) -> CliResult<Option<String>> {
        print!("{prompt}");
        std::io::stdout().flush()?;
        let mut line = String::new();
        if self.lines.read_line(&mut line)? == 0 {
            println!();
            return Ok(None);
        }
        Ok(Some(line.trim_end_matches(['\n', '\r']).to_owned()))
    }

    /// An option letter (or its number, 1 for A), `u` to take back the last
    /// answer when `can_undo`, `q` to stop.
    pub fn choice(&mut self, options: usize, can_undo: bool) -> CliResult<Choice> {
        let last = option_letter(options - 1);
        let undo = if can_undo {
            ", u to undo the last answer"
        } else {
            ""
        };
        loop {
            let Some(line) = self.line(&format!("Your answer (A-{last}{undo}, q to stop): "))?
            else {
                return Ok(Choice::Quit);
            };
            match parse_choice(&line, options) {
                Some(Choice::Undo) if !can_undo => println!("There is no answer to take back yet."),
                Some(choice) => return Ok(choice),
                None => println!("Type a letter from A to {last}, or q to stop."),
            }
        }
    }

    /// A written answer: any number of lines and paragraphs, ended by a line
    /// holding only `.` or by the end of input (Ctrl-D). `q` or `u` alone as
    /// the first line stops or takes back the last answer.
    pub fn written(&mut self, can_undo: bool) -> CliResult<Written> {
        let mut text = String::new();
        loop {
            let Some(line) = self.line("> ")? else {
                break;
            };
            let trimmed = line.trim();
            if trimmed == END_OF_ANSWER {
                break;
            }
            if text.trim().is_empty() {
                match trimmed.to_lowercase().as_str() {
                    "q" | "quit" => return Ok(Written::Quit),
                    "u" | "undo" if can_undo => return Ok(Written::Undo),
                    _ => {}
                }
            }
            text.push_str(&line);
            text.push('\n');
        }
        let text = text.trim().to_owned();
        if text.is_empty() {
            return Ok(Written::Quit);
        }
        Ok(Written::Text(text))
    }

    /// A yes/no question; the end of input and anything but yes is no.
    pub fn confirm(&mut self, question: &str) -> CliResult<bool> {
        let answer = self.line(&format!("{question} [y/N] "))?;
        Ok(answer.is_some_and(|a| matches!(a.trim().to_lowercase().as_str(), "y" | "yes")))
    }
}

fn parse_choice(line: &str, options: usize) -> Option<Choice> {
    let lower = line.trim().to_lowercase();
    match lower.as_str() {
        "q" | "quit" => return Some(Choice::Quit),
        "u" | "undo" => return Some(Choice::Undo),
        _ => {}
    }
    let position = match lower.chars().next() {
        Some(c @ 'a'..='z') if lower.chars().count() == 1 => c as usize - 'a' as usize,
        _ => lower.parse::<usize>().ok()?.checked_sub(1)?,
    };
    (position < options).then_some(Choice::Shown(position))
}

/// The shown position a letter names (`B` is 1), for scripted answers.
pub fn letter_position(text: &str) -> Option<usize> {
    let mut chars = text.trim().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii_alphabetic() => {
            Some(c.to_ascii_lowercase() as usize - 'a' as usize)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn choices_take_letters_and_numbers() {
        assert_eq!(parse_choice("b", 4), Some(Choice::Shown(1)));
        assert_eq!(parse_choice(" D ", 4), Some(Choice::Shown(3)));
        assert_eq!(parse_choice("1", 4), Some(Choice::Shown(0)));
        assert_eq!(parse_choice("e", 4), None);
        assert_eq!(parse_choice("0", 4), None);
        assert_eq!(parse_choice("U", 4), Some(Choice::Undo));
        assert_eq!(letter_position("C"), Some(2));
        assert_eq!(letter_position("2"), None);
    }

    #[test]
    fn a_pasted_answer_keeps_its_paragraphs_until_the_end_mark() {
        let mut input =
            Input::from_text("\nFirst paragraph.\n\nSecond paragraph.\n.\nnext prompt\n");
        assert_eq!(
            input.written(false).unwrap(),
            Written::Text("First paragraph.\n\nSecond paragraph.".into())
        );
        // The rest stays for the next prompt.
        assert_eq!(input.line("").unwrap().as_deref(), Some("next prompt"));
    }

    #[test]
    fn end_of_input_ends_an_answer_and_q_first_stops() {
        let mut input = Input::from_text("One line only");
        assert_eq!(
            input.written(false).unwrap(),
            Written::Text("One line only".into())
        );
        assert_eq!(
            Input::from_text("q\n").written(false).unwrap(),
            Written::Quit
        );
        assert_eq!(
            Input::from_text("u\n").written(true).unwrap(),
            Written::Undo
        );
        // Without an answer to take back, "u" is just text.
        assert_eq!(
            Input::from_text("u\n.\n").written(false).unwrap(),
            Written::Text("u".into())
        );
        // A "q" inside an answer is part of it.
        assert_eq!(
            Input::from_text("I said\nq\n.\n").written(false).unwrap(),
            Written::Text("I said\nq".into())
        );
    }
}
