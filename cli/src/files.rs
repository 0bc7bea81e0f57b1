//! Reading and writing the learner's files with errors that say what to do.

use std::path::Path;

use crate::CliResult;

/// Reads a UTF-8 text file; a UTF-16 one (as some Windows editors save)
/// gets a hint instead of a decoding error.
pub fn read_text(path: &Path) -> CliResult<String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    decode(path, bytes)
}

/// Text from bytes read from `origin` (a file name or "standard input").
pub fn decode(origin: &Path, bytes: Vec<u8>) -> CliResult<String> {
    // ASCII in UTF-16 is valid UTF-8 full of NULs, so test before decoding.
    if looks_like_utf16(&bytes) {
        return Err(utf16_hint(origin));
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok(text
            .strip_prefix('\u{feff}')
            .map(str::to_owned)
            .unwrap_or(text)),
        Err(_) => Err(format!("{} is not UTF-8 text", origin.display()).into()),
    }
}

fn utf16_hint(origin: &Path) -> Box<dyn std::error::Error> {
    format!(
        "{} is UTF-16 text; save it as UTF-8 (in most editors: Save As, encoding UTF-8) and try again",
        origin.display()
    )
    .into()
}

fn looks_like_utf16(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    // Without a byte-order mark, ASCII text in UTF-16 has a zero in every
    // other byte.
    let pairs = bytes.len() / 2;
    pairs >= 4 && bytes.chunks_exact(2).filter(|p| p.contains(&0)).count() * 10 >= pairs * 9
}

/// Writes `contents` to `path` through a file beside it and a rename, so a
/// failure never leaves half a file; refuses to replace an existing file
/// unless `replace`.
pub fn write_new(path: &Path, contents: &str, replace: bool) -> CliResult {
    if path.exists() && !replace {
        return Err(format!(
            "{} already exists; pass --force to replace it, or choose another name",
            path.display()
        )
        .into());
    }
    let partial = path.with_extension("partial");
    std::fs::write(&partial, contents)
        .map_err(|e| format!("cannot write {}: {e}", partial.display()))?;
    std::fs::rename(&partial, path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_gets_a_hint_and_a_bom_is_dropped() {
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("I led it".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let err = decode(Path::new("a.txt"), utf16).unwrap_err().to_string();
        assert!(err.contains("UTF-16") && err.contains("UTF-8"), "{err}");
        let no_bom: Vec<u8> = "I led the launch"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode(Path::new("a.txt"), no_bom)
            .unwrap_err()
            .to_string()
            .contains("UTF-16"));
        let with_bom = "\u{feff}Hello".as_bytes().to_vec();
        assert_eq!(decode(Path::new("a.txt"), with_bom).unwrap(), "Hello");
        let latin1 = vec![b'c', b'a', b'f', 0xE9, b' ', b'o', b'k'];
        assert!(decode(Path::new("a.txt"), latin1)
            .unwrap_err()
            .to_string()
            .contains("not UTF-8"));
    }
}
