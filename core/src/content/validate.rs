//! Pack validation: every error names the file, the item id and the field.

use super::model::*;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}: {item}: {field}: {message}")]
pub struct ContentError {
    pub file: String,
    /// The offending item's id, or the section name when it has no id.
    pub item: String,
    pub field: String,
    pub message: String,
}

impl ContentError {
    pub(crate) fn new(file: &str, item: &str, field: &str, message: impl Into<String>) -> Self {
        ContentError {
            file: file.to_owned(),
            item: item.to_owned(),
            field: field.to_owned(),
            message: message.into(),
        }
    }

    pub(crate) fn syntax(file: &str, err: &toml::de::Error) -> Self {
        ContentError::new(file, "-", "-", err.message().to_owned())
    }

    pub(crate) fn io(file: &str, err: &std::io::Error) -> Self {
        ContentError::new(file, "-", "-", err.to_string())
    }
}

pub(crate) fn validate(file: &str, pack: &Pack) -> Result<(), ContentError> {
    if pack.format_version != FORMAT_VERSION {
        return Err(ContentError::new(
            file,
            "-",
            "format_version",
            format!("this app reads format {FORMAT_VERSION}, the pack is {}", pack.format_version),
        ));
    }
    Ok(())
}
