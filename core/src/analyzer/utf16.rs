//! Byte offsets to UTF-16 code-unit offsets, for Kotlin/Android highlighting.

/// A non-ASCII character: where it starts in bytes and in UTF-16 units.
#[derive(Debug, Clone, Copy)]
struct Wide {
    byte: usize,
    bytes: usize,
    unit: u32,
    units: u32,
}

/// Built once per text; converts any byte offset in O(log n), where n is the number
/// of non-ASCII characters (an all-ASCII answer stores nothing).
#[derive(Debug, Clone)]
pub struct Utf16Map {
    len: usize,
    wide: Vec<Wide>,
}

impl Utf16Map {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        let mut unit = 0u32;
        for (byte, c) in text.char_indices() {
            let units = c.len_utf16() as u32;
            if !c.is_ascii() {
                wide.push(Wide {
                    byte,
                    bytes: c.len_utf8(),
                    unit,
                    units,
                });
            }
            unit = unit.saturating_add(units);
        }
        Utf16Map {
            len: text.len(),
            wide,
        }
    }

    /// UTF-16 offset of `byte`. Offsets past the end map to the end; an offset inside
    /// a multi-byte character maps to that character's start.
    pub fn to_utf16(&self, byte: usize) -> u32 {
        let byte = byte.min(self.len);
        let before = self.wide.partition_point(|w| w.byte < byte);
        let Some(w) = before.checked_sub(1).and_then(|i| self.wide.get(i)) else {
            return u32::try_from(byte).unwrap_or(u32::MAX);
        };
        let after = w.byte + w.bytes;
        if byte < after {
            return w.unit;
        }
        let ascii_since = u32::try_from(byte - after).unwrap_or(u32::MAX);
        w.unit.saturating_add(w.units).saturating_add(ascii_since)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reference: count UTF-16 units of the prefix.
    fn reference(text: &str, byte: usize) -> u32 {
        text[..byte].encode_utf16().count() as u32
    }

    #[test]
    fn matches_reference_on_emoji_accents_and_curly_quotes() {
        let text = "José said “ok” 🙌 to Zoë’s plan — café 😭!";
        let map = Utf16Map::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(map.to_utf16(byte), reference(text, byte), "byte {byte}");
        }
    }

    proptest::proptest! {
        #[test]
        fn matches_reference_on_any_text(text in "\\PC{0,200}") {
            let map = Utf16Map::new(&text);
            for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
                proptest::prop_assert_eq!(map.to_utf16(byte), reference(&text, byte));
            }
        }
    }

    #[test]
    fn emoji_counts_two_units() {
        let map = Utf16Map::new("🍎a");
        assert_eq!(map.to_utf16(4), 2);
        assert_eq!(map.to_utf16(5), 3);
    }

    #[test]
    fn clamps_inside_characters_and_past_the_end() {
        let map = Utf16Map::new("é!");
        assert_eq!(map.to_utf16(1), 0);
        assert_eq!(map.to_utf16(99), 2);
    }
}
