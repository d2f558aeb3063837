//! Rule cases as files (`data/cases/*.toml`): answers, a moment, and the statuses the engine must give.
//! Also the lenient answers reader used by the CLI: fields left out mean "not yet said".

use serde_json::Value;

use crate::model::{Answers, Member};

fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(bv) => merge(bv, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// Answers from a JSON value where any field may be left out (a missing field is an unanswered one).
pub fn answers_from_value(mut value: Value) -> Result<Answers, String> {
    if let Some(Value::Array(members)) = value.get_mut("members") {
        for m in members.iter_mut() {
            let mut full = serde_json::to_value(Member::default()).map_err(|e| e.to_string())?;
            merge(&mut full, std::mem::take(m));
            *m = full;
        }
    }
    let mut full = serde_json::to_value(Answers::default()).map_err(|e| e.to_string())?;
    merge(&mut full, value);
    serde_json::from_value(full).map_err(|e| e.to_string())
}

/// Answers from JSON text, fields optional.
pub fn parse_answers_json(text: &str) -> Result<Answers, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    answers_from_value(value)
}

#[cfg(feature = "source")]
pub use source::*;

#[cfg(feature = "source")]
mod source {
    use std::collections::BTreeMap;
    use std::path::{Path, PathBuf};

    use serde::Deserialize;

    use super::answers_from_value;
    use crate::call::{toml_problem, Call};
    use crate::eligibility::evaluate;
    use crate::model::Answers;
    use crate::problem::Problem;
    use crate::time::RomeDateTime;
    use crate::verdict::Status;

    /// Answers from TOML text, fields optional.
    pub fn parse_answers_toml(file_name: &str, text: &str) -> Result<Answers, Problem> {
        let value: toml::Value = toml::from_str(text).map_err(|e| toml_problem(file_name, text, &e))?;
        let json = serde_json::to_value(value).map_err(|e| Problem::new(file_name, "", e.to_string()))?;
        answers_from_value(json).map_err(|e| Problem::new(file_name, "", e))
    }

    /// One case file.
    #[derive(Debug, Clone, Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct Case {
        pub description: String,
        /// The call id, e.g. "2016".
        pub call: String,
        pub now: RomeDateTime,
        /// "admissible", "not_yet_admissible" or "incomplete".
        pub overall: String,
        /// Expected status per criterion id; criteria not listed are not checked.
        #[serde(default)]
        pub expected: BTreeMap<String, Status>,
        /// Texts that must appear somewhere in the verdict's JSON (e.g. a remedy's amount "1.080.000 €").
        #[serde(default)]
        pub expect_text: Vec<String>,
        #[serde(default = "empty_table")]
        pub answers: toml::Value,
    }

    fn empty_table() -> toml::Value {
        toml::Value::Table(toml::map::Map::new())
    }

    /// The result of running one case.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CaseOutcome {
        pub file: String,
        pub description: String,
        pub passed: bool,
        /// What differs from the expectation (empty when passed).
        pub failures: Vec<String>,
    }

    /// Parses a case file, evaluates it against its call, and compares with the expectation.
    pub fn run_case(file_name: &str, text: &str, calls: &[Call]) -> CaseOutcome {
        let fail = |description: String, failures: Vec<String>| CaseOutcome {
            file: file_name.to_string(),
            description,
            passed: false,
            failures,
        };
        let case: Case = match toml::from_str(text) {
            Ok(c) => c,
            Err(e) => return fail(String::new(), vec![toml_problem(file_name, text, &e).to_string()]),
        };
        let answers = match serde_json::to_value(&case.answers)
            .map_err(|e| e.to_string())
            .and_then(answers_from_value)
        {
            Ok(a) => a,
            Err(e) => return fail(case.description, vec![format!("answers: {e}")]),
        };
        let Some(call) = calls.iter().find(|c| c.id == case.call) else {
            return fail(case.description, vec![format!("no call with id `{}`", case.call)]);
        };
        let verdict = evaluate(call, &answers, case.now);
        let mut failures = Vec::new();
        if !["admissible", "not_yet_admissible", "incomplete"].contains(&case.overall.as_str()) {
            failures.push(format!("overall: `{}` is not admissible, not_yet_admissible or incomplete", case.overall));
        } else if verdict.overall.kind() != case.overall {
            failures.push(format!("overall: expected {}, got {} ({})", case.overall, verdict.overall.kind(), verdict.headline.en));
        }
        for (id, expected) in &case.expected {
            match verdict.criterion(id) {
                None => failures.push(format!("{id}: no such criterion in call {}", call.id)),
                Some(r) if r.status != *expected => failures.push(format!(
                    "{id}: expected {}, got {} ({})",
                    status_name(*expected),
                    status_name(r.status),
                    r.explanation.en
                )),
                Some(_) => {}
            }
        }
        if !case.expect_text.is_empty() {
            let json = serde_json::to_string(&verdict).unwrap_or_default();
            for t in &case.expect_text {
                if !json.contains(t.as_str()) {
                    failures.push(format!("text `{t}` not found in the verdict"));
                }
            }
        }
        CaseOutcome { file: file_name.to_string(), description: case.description, passed: failures.is_empty(), failures }
    }

    pub fn status_name(s: Status) -> &'static str {
        match s {
            Status::Met => "met",
            Status::NotMet => "not_met",
            Status::Unanswered => "unanswered",
        }
    }

    /// The `*.toml` files of a directory, sorted by name.
    pub fn toml_files(dir: &Path) -> Result<Vec<PathBuf>, Problem> {
        let entries = std::fs::read_dir(dir)
            .map_err(|e| Problem::new(dir.display().to_string(), "", format!("cannot read the directory: {e}")))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml") && p.is_file())
            .collect();
        files.sort();
        Ok(files)
    }

    /// Runs every case file of a directory.
    pub fn run_cases_dir(dir: &Path, calls: &[Call]) -> Result<Vec<CaseOutcome>, Problem> {
        let mut out = Vec::new();
        for path in toml_files(dir)? {
            let name = path.display().to_string();
            match std::fs::read_to_string(&path) {
                Ok(text) => out.push(run_case(&name, &text, calls)),
                Err(e) => out.push(CaseOutcome {
                    file: name,
                    description: String::new(),
                    passed: false,
                    failures: vec![format!("cannot read: {e}")],
                }),
            }
        }
        Ok(out)
    }
}
