//! Text for people, in both languages: bilingual [`Text`] and [`Lang`] here, [`case`] (upper and lower
//! case without Unicode's tables), [`number`] (euros, percentages, thousands, as `Text`) and [`input`] (what a visitor types, read as amounts).
//!
//! Owns: how the core writes and reads words and numbers. Never: what the text says about the call or
//! the catalog (their modules write it), and no UI strings (those are the app's `i18n`).
//!
//! Bilingual text. Italian is the visitors' language; English second. Every text the core
//! produces carries both, so the UI can switch language without recomputing anything.

use serde::{Deserialize, Serialize};

pub mod case;
pub mod input;
pub mod number;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    It,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::It => "it",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "it" | "it-it" => Some(Lang::It),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A text in Italian and English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Text {
    pub it: String,
    pub en: String,
}

impl Text {
    pub fn new(it: impl Into<String>, en: impl Into<String>) -> Text {
        Text { it: it.into(), en: en.into() }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }

    /// Both languages present and not blank.
    pub fn is_complete(&self) -> bool {
        !self.it.trim().is_empty() && !self.en.trim().is_empty()
    }
}

/// Whether a text looks like a web address (`http://` or `https://`, no spaces): the call's links and
/// the catalog's sources are checked with it.
pub fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 10 && !s.contains(char::is_whitespace)
}
