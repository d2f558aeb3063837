//! Reading the editable data files natively: the directory listing of `*.toml` files, TOML errors as
//! problems with line and column, the [`csv`] reader and the lenient [`answers`] reader. The whole
//! module is behind the feature `source` (the CLI, `build.rs`, tests, fuzzing): the wasm has no TOML,
//! JSON or CSV reader, and a use of one there is a compile error.
//!
//! Owns: generic file and text-format helpers. Never: what a file means (a call is read by
//! `rules::call::load_call_toml`, the catalog by `catalog::import`, the rule cases by `rules::cases`).

use std::path::{Path, PathBuf};

use crate::problem::Problem;

pub mod answers;
pub mod csv;

/// The `*.toml` files of a directory, sorted by name.
pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| Problem::new(dir.display().to_string(), "", format!("cannot read the directory: {e}")))?;
    let mut files: Vec<PathBuf> =
        entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file()).collect();
    files.sort();
    Ok(files)
}

/// Line and column (1-based) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let before = text.get(..offset.min(text.len())).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map(|l| l.chars().count()).unwrap_or(0) + 1;
    (line, col)
}

/// A TOML error as a `Problem` with line and column.
pub fn toml_problem(file_name: &str, text: &str, err: &toml::de::Error) -> Problem {
    let path = match err.span() {
        Some(span) => {
            let (line, col) = line_col(text, span.start);
            format!("line {line}, column {col}")
        }
        None => String::new(),
    };
    Problem::new(file_name, path, err.message().trim().to_string())
}
