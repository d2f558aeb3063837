//! Every rule case in data/cases passes, and a deliberately wrong case is reported as failing.
#![cfg(feature = "source")]

use std::path::PathBuf;

use welfare_core::rules::call::load_calls_dir;
use welfare_core::rules::cases::{run_case, run_cases_dir};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

#[test]
fn all_data_cases_pass() {
    let calls = load_calls_dir(&root().join("data/calls")).unwrap_or_else(|p| panic!("{p:#?}"));
    let outcomes = run_cases_dir(&root().join("data/cases"), &calls).unwrap();
    assert!(outcomes.len() >= 45, "only {} cases", outcomes.len());
    let failed: Vec<String> = outcomes.iter().filter(|o| !o.passed).map(|o| format!("{}: {}", o.file, o.failures.join("; "))).collect();
    assert!(failed.is_empty(), "{} failing cases:\n{}", failed.len(), failed.join("\n"));
}

#[test]
fn a_wrong_case_is_reported_as_failing_with_a_diff() {
    let calls = load_calls_dir(&root().join("data/calls")).unwrap();
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/wrong-case.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let outcome = run_case("wrong-case.toml", &text, &calls);
    assert!(!outcome.passed);
    assert!(outcome.failures.iter().any(|f| f.starts_with("network_public: expected met, got not_met")), "{:?}", outcome.failures);
    assert!(
        outcome.failures.iter().any(|f| f.starts_with("overall: expected admissible, got not_yet_admissible")),
        "{:?}",
        outcome.failures
    );
}

#[test]
fn a_broken_case_file_fails_without_panicking() {
    let calls = load_calls_dir(&root().join("data/calls")).unwrap();
    for text in
        ["description = \"x\"\ncall = ", "description = \"x\"\ncall = \"1999\"\nnow = \"2016-04-01T10:00\"\noverall = \"admissible\""]
    {
        let outcome = run_case("broken.toml", text, &calls);
        assert!(!outcome.passed);
        assert!(!outcome.failures.is_empty());
    }
}
