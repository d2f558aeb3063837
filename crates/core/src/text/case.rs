//! Upper and lower case for the scripts the widget's visitors write: Latin (ASCII, Latin-1, Latin
//! Extended-A, the Romanian commas of Extended-B), basic Greek and Cyrillic. Any other character is
//! left as it is. `char::to_lowercase` covers all of Unicode, and its tables add about 9 KB (brotli)
//! to the wasm for letters no name in the catalog or answer in this call will use; the tests check
//! every character covered here against the standard library.

/// The lower-case form of `c` (itself when it has none here).
pub fn lower(c: char) -> char {
    let u = c as u32;
    let even = u.is_multiple_of(2);
    let l = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3AB | 0x410..=0x42F => u + 0x20,
        0x400..=0x40F => u + 0x50,
        0x178 => 0xFF,
        // Greek capitals with tonos.
        0x386 => 0x3AC,
        0x388..=0x38A => u + 0x25,
        0x38C => 0x3CC,
        0x38E | 0x38F => u + 0x3F,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x218..=0x21B if even => u + 1,
        0x139..=0x148 | 0x179..=0x17E if !even => u + 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// The upper-case form of `c` (itself when it has none here, e.g. `ß`).
pub fn upper(c: char) -> char {
    let u = c as u32;
    let even = u.is_multiple_of(2);
    let l = match u {
        0x61..=0x7A | 0xE0..=0xF6 | 0xF8..=0xFE | 0x3B1..=0x3C1 | 0x3C3..=0x3CB | 0x430..=0x44F => u - 0x20,
        0x450..=0x45F => u - 0x50,
        0xFF => 0x178,
        0x3AC => 0x386,
        0x3AD..=0x3AF => u - 0x25,
        0x3CC => 0x38C,
        0x3CD | 0x3CE => u - 0x3F,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 | 0x218..=0x21B if !even => u - 1,
        0x139..=0x148 | 0x179..=0x17E if even => u - 1,
        _ => u,
    };
    char::from_u32(l).unwrap_or(c)
}

/// `s` in lower case (see [`lower`]).
pub fn lowercase(s: &str) -> String {
    s.chars().map(lower).collect()
}

/// `s` with its first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|first| std::iter::once(upper(first)).chain(chars).collect()).unwrap_or_default()
}

/// `s` with its first letter in lower case.
pub fn decapitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|first| std::iter::once(lower(first)).chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the standard library does, when it maps to one character.
    fn std_lower(c: char) -> Option<char> {
        let mut it = c.to_lowercase();
        match (it.next(), it.next()) {
            (Some(l), None) => Some(l),
            _ => None,
        }
    }

    fn std_upper(c: char) -> Option<char> {
        let mut it = c.to_uppercase();
        match (it.next(), it.next()) {
            (Some(u), None) => Some(u),
            _ => None,
        }
    }

    #[test]
    fn agrees_with_the_standard_library_on_the_scripts_covered() {
        let covered = (0u32..0x250).chain(0x370..0x3D0).chain(0x400..0x460).filter_map(char::from_u32);
        let mut mapped = 0;
        for c in covered {
            let (l, u) = (lower(c), upper(c));
            // Where we map, we map as the standard library does.
            if l != c {
                assert_eq!(Some(l), std_lower(c), "lower {c:?} U+{:04X}", c as u32);
                mapped += 1;
            }
            if u != c {
                assert_eq!(Some(u), std_upper(c), "upper {c:?} U+{:04X}", c as u32);
            }
            // And every pair of Latin-1, Latin Extended-A, Greek and Cyrillic letters that the standard
            // library maps one to one (both ways), we map too: no Italian or European name is missed.
            let in_blocks = matches!(c as u32, 0..=0x17F | 0x218..=0x21B | 0x386..=0x3CE | 0x400..=0x45F);
            if in_blocks {
                if let Some(sl) = std_lower(c).filter(|&sl| sl != c && std_upper(sl) == Some(c)) {
                    assert_eq!(l, sl, "lower {c:?} U+{:04X} missed", c as u32);
                }
                if let Some(su) = std_upper(c).filter(|&su| su != c && std_lower(su) == Some(c)) {
                    assert_eq!(u, su, "upper {c:?} U+{:04X} missed", c as u32);
                }
            }
        }
        assert!(mapped > 200, "{mapped}");
        // Everything else is left alone.
        for c in ['ß', 'ǅ', '中', 'ا', '1', ' ', 'ı', 'İ', 'ſ'] {
            assert_eq!(lower(c), c, "{c}");
        }
    }

    #[test]
    fn words() {
        assert_eq!(lowercase("CANTÙ Città ŁÓDŹ Ελλάδα МОСКВА"), "cantù città łódź ελλάδα москва");
        assert_eq!(capitalise("è chiusa"), "È chiusa");
        assert_eq!(capitalise(""), "");
        assert_eq!(decapitalise("Ufficio di Piano"), "ufficio di Piano");
    }
}
