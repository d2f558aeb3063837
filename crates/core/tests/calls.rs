//! The call files load, validate, and survive the JSON round trip the web app relies on.
#![cfg(feature = "source")]

use std::path::PathBuf;

use welfare_core::rules::call::{load_call_toml, load_calls_dir, validate, Call};

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn calls() -> Vec<Call> {
    load_calls_dir(&data().join("calls")).unwrap_or_else(|p| panic!("{p:#?}"))
}

#[test]
fn both_editions_load_and_round_trip_through_json() {
    let calls = calls();
    let ids: Vec<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["2016", "2017"]);
    for call in &calls {
        let json = serde_json::to_string(call).unwrap();
        let back: Call = serde_json::from_str(&json).unwrap();
        assert_eq!(&back, call);
        assert!(validate(&back, "json").is_empty());
        assert_eq!(call.territory.len(), 14);
        // Every assumed criterion explains itself.
        for c in &call.criteria {
            assert!(!c.source.is_empty(), "{}", c.id);
        }
    }
}

#[test]
fn syntax_error_names_line_and_column() {
    let text = "id = \"2016\"\nedition = { it = \"x\", en = \"y\" \n";
    let problems = load_call_toml("bad.toml", text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "bad.toml");
    assert!(problems[0].path.starts_with("line 2, column"), "{:?}", problems[0]);
}

#[test]
fn unknown_rule_kind_is_a_problem_not_a_panic() {
    let text = std::fs::read_to_string(data().join("calls/2016.toml")).unwrap();
    let text = text.replacen("kind = \"territory_within\"", "kind = \"territory_inside\"", 1);
    let problems = load_call_toml("c.toml", &text).unwrap_err();
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("territory_inside"), "{:?}", problems[0]);
    assert!(problems[0].path.starts_with("line "), "{:?}", problems[0]);
}

#[test]
fn semantic_validation_reports_every_problem_with_its_path() {
    let text = std::fs::read_to_string(data().join("calls/2016.toml")).unwrap();
    let broken = text
        .replacen("\"MI\", \"MB\"", "\"MI\", \"XX\"", 1)
        .replacen("\"social_cooperative\", \"cooperative_consortium\"", "\"social_coop\", \"cooperative_consortium\"", 1)
        .replacen("max_share_percent = 60", "max_share_percent = 160", 1)
        .replacen("opening = \"2016-03-01T00:00\"", "opening = \"2016-05-01T00:00\"", 1)
        .replacen("id = \"network_third_sector\"", "id = \"network_public\"", 1)
        .replacen("name = { it = \"Territorio\", en = \"Territory\" }", "name = { it = \"Territorio\", en = \"\" }", 1)
        .replacen("source = [\"https://assinews.it/?p=550028493\", ", "source = [\"assinews\", ", 1);
    let problems = load_call_toml("data/calls/2016.toml", &broken).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    for expected in [
        "territory[8]",
        "lead_kinds[6]",
        "criteria[6].rule.max_share_percent",
        "deadline",
        "criteria[2].id",
        "criteria[0].name.en",
        "criteria[5].source[0]",
    ] {
        assert!(paths.contains(&expected), "missing {expected} in {problems:#?}");
    }
    assert!(problems.iter().all(|p| p.file == "data/calls/2016.toml"));
}

#[test]
fn assumed_rule_without_note_and_bad_options_are_reported() {
    let mut call = calls().remove(0);
    if let Some(c) = call.criteria.iter_mut().find(|c| c.id == "lead") {
        c.note = None;
    }
    if let Some(q) = call.merit.get_mut(0).and_then(|d| d.questions.get_mut(0)) {
        q.options.pop();
    }
    if let Some(q) = call.merit.get_mut(1).and_then(|d| d.questions.get_mut(0)) {
        q.id = "comunita_coinvolgimento".into();
    }
    let problems = validate(&call, "x");
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert!(paths.contains(&"criteria[3].note"), "{problems:#?}");
    assert!(paths.contains(&"merit[0].questions[0].options"), "{problems:#?}");
    assert!(paths.contains(&"merit[1].questions[0].id"), "{problems:#?}");
}
