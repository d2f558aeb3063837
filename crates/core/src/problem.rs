//! A problem found while loading or validating data: always names the file and the field path,
//! so foundation staff can fix it without reading Rust. Loaders collect all of them, not only the first.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Problem {
    /// The file, as the caller named it (e.g. `data/calls/2016.toml`).
    pub file: String,
    /// Where in the file: a field path such as `criteria[2].rule.max_share_percent`, or `line 14, column 3`.
    pub path: String,
    pub message: String,
}

impl Problem {
    pub fn new(file: impl Into<String>, path: impl Into<String>, message: impl Into<String>) -> Problem {
        Problem { file: file.into(), path: path.into(), message: message.into() }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}: {}: {}", self.file, self.path, self.message)
        }
    }
}
