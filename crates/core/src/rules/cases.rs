//! Rule cases as files (`data/cases/*.toml`): answers, a moment, and the statuses the engine must give.
//! Read natively only (feature `source`); the answers inside a case are read leniently by
//! [`crate::source::answers`].

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::problem::Problem;
use crate::rules::call::Call;
use crate::rules::eligibility::evaluate;
use crate::rules::verdict::Status;
use crate::source::answers::answers_from_value;
use crate::source::toml_problem;
use crate::time::RomeDateTime;

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
    let fail =
        |description: String, failures: Vec<String>| CaseOutcome { file: file_name.to_string(), description, passed: false, failures };
    let case: Case = match toml::from_str(text) {
        Ok(c) => c,
        Err(e) => return fail(String::new(), vec![toml_problem(file_name, text, &e).to_string()]),
    };
    let answers = match serde_json::to_value(&case.answers).map_err(|e| e.to_string()).and_then(answers_from_value) {
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
            Some(r) if r.status != *expected => {
                failures.push(format!("{id}: expected {}, got {} ({})", status_name(*expected), status_name(r.status), r.explanation.en))
            }
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

/// Runs every case file of a directory.
pub fn run_cases_dir(dir: &Path, calls: &[Call]) -> Result<Vec<CaseOutcome>, Problem> {
    let mut out = Vec::new();
    for path in crate::source::toml_files(dir)? {
        let name = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => out.push(run_case(&name, &text, calls)),
            Err(e) => {
                out.push(CaseOutcome { file: name, description: String::new(), passed: false, failures: vec![format!("cannot read: {e}")] })
            }
        }
    }
    Ok(out)
}
