//! CONTRIBUTING.md's recipes, each done once: every rule kind is documented, reads from the text form,
//! survives the packed form and evaluates (a new kind must be added to `every_rule()`: the match below
//! stops the build until it is); on a temporary copy of the data, a new call edition loads,
//! validates, evaluates and passes a rule case written for it; two editions with one id stop the
//! loader (and so the build, which calls the same loader); the catalog's source files are read from
//! any folder, and a missing one is a problem naming it.
#![cfg(feature = "source")]

use std::fs;
use std::path::{Path, PathBuf};

use welfare_core::catalog::import::{load_catalog, CatalogSources};
use welfare_core::codec::pack::{decode_calls, encode_calls, CallData};
use welfare_core::rules::call::load_calls_dir;
use welfare_core::rules::call::{validate, Call, Rule};
use welfare_core::rules::cases::run_case;
use welfare_core::source::answers::parse_answers_toml;
use welfare_core::{evaluate, Answers, RomeDateTime, Sector};

fn data(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data").join(path)
}

/// A fresh empty folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("welfare-contributing-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn copy(from: &Path, to: &Path, edit: impl Fn(String) -> String) {
    fs::write(to, edit(fs::read_to_string(from).unwrap())).unwrap();
}

#[test]
fn a_new_call_edition_validates_evaluates_and_passes_its_case() {
    let dir = TempDir::new("call");
    copy(&data("calls/2016.toml"), &dir.0.join("2016.toml"), |t| t);
    copy(&data("calls/2016.toml"), &dir.0.join("2099.toml"), |t| t.replacen("id = \"2016\"", "id = \"2099\"", 1));
    let calls = load_calls_dir(&dir.0).unwrap_or_else(|p| panic!("{p:#?}"));
    let ids: Vec<&str> = calls.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["2016", "2099"]);
    let call = &calls[1];

    let file = data("examples/admissible.toml");
    let answers = parse_answers_toml("admissible.toml", &fs::read_to_string(file).unwrap()).unwrap();
    let verdict = evaluate(call, &answers, RomeDateTime::parse("2016-03-01T12:00").unwrap());
    assert_eq!(verdict.call_id, "2099");
    assert_eq!(verdict.criteria.len(), call.criteria.len());

    // A rule case for the new edition, as `data/cases/` would hold it.
    let case = fs::read_to_string(data("cases/2016-admissible-base.toml")).unwrap().replacen("call = \"2016\"", "call = \"2099\"", 1);
    let outcome = run_case("2099-admissible-base.toml", &case, &calls);
    assert!(outcome.passed, "{:#?}", outcome.failures);
}

#[test]
fn two_editions_with_one_id_stop_the_loader() {
    let dir = TempDir::new("duplicate");
    copy(&data("calls/2016.toml"), &dir.0.join("2016.toml"), |t| t);
    copy(&data("calls/2016.toml"), &dir.0.join("2016-copy.toml"), |t| t);
    let problems = load_calls_dir(&dir.0).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert_eq!(problems[0].path, "id");
    assert!(problems[0].message.contains("another call file has the id `2016`"), "{}", problems[0]);
}

#[test]
fn the_catalog_sources_are_read_from_any_folder() {
    let dir = TempDir::new("catalog");
    let names = ["projects.json", "organisations.json", "comuni-territorio.csv", "province-italia.csv", "adjacency.toml", "weights.toml"];
    for name in names {
        copy(&data("catalog").join(name), &dir.0.join(name), |t| t);
    }
    let copied = load_catalog(&CatalogSources::read_dir(&dir.0, "copy").unwrap()).unwrap_or_else(|p| panic!("{p:#?}"));
    let real = load_catalog(&CatalogSources::read_dir(&data("catalog"), "data/catalog").unwrap()).unwrap();
    assert_eq!(copied, real);

    fs::remove_file(dir.0.join("weights.toml")).unwrap();
    let problems = CatalogSources::read_dir(&dir.0, "copy").unwrap_err();
    assert_eq!(problems.len(), 1);
    assert_eq!(problems[0].file, "copy/weights.toml");
}

/// One rule of each kind. A new kind makes `kind_is_listed` fail to compile until it is added here.
fn every_rule() -> Vec<Rule> {
    fn kind_is_listed(rule: &Rule) {
        match rule {
            Rule::TerritoryWithin
            | Rule::MinMembersOfSectors { .. }
            | Rule::MinMembersOfKinds { .. }
            | Rule::LeadKindAdmissible
            | Rule::MinTotalCost { .. }
            | Rule::MaxGrant { .. }
            | Rule::LettersOfIntent
            | Rule::BeforeDeadline
            | Rule::NonConventionalActors { .. }
            | Rule::AmbitoScale { .. } => {}
        }
    }
    let all = vec![
        Rule::TerritoryWithin,
        Rule::MinMembersOfSectors { sectors: vec![Sector::Public], count: 1 },
        Rule::MinMembersOfKinds { kinds: vec!["comune".into()], count: 2 },
        Rule::LeadKindAdmissible,
        Rule::MinTotalCost { eur: 1_000_000 },
        Rule::MaxGrant { eur: 1_000_000, max_share_percent: 60 },
        Rule::LettersOfIntent,
        Rule::BeforeDeadline,
        Rule::NonConventionalActors { min: 1 },
        Rule::AmbitoScale { min_comuni: 3, min_municipalities: 5 },
    ];
    all.iter().for_each(kind_is_listed);
    all
}

#[test]
fn every_rule_kind_is_documented_read_packed_and_evaluated() {
    let readme = fs::read_to_string(data("README.md")).unwrap();
    let base = load_calls_dir(&data("calls")).unwrap().remove(0);
    let example = parse_answers_toml("admissible.toml", &fs::read_to_string(data("examples/admissible.toml")).unwrap()).unwrap();
    for rule in every_rule() {
        let kind = rule.kind();
        assert!(readme.contains(&format!("| `{kind}` |")), "{kind}: not in data/README.md's table of rule kinds");
        let mut call = base.clone();
        call.criteria.truncate(1);
        call.criteria[0].rule = rule.clone();
        assert_eq!(validate(&call, "test"), [], "{kind}");
        // The text form carries the kind beside the parameters; the packed form is positional.
        let json = serde_json::to_value(&call).unwrap();
        assert_eq!(json["criteria"][0]["rule"]["kind"], kind);
        assert_eq!(serde_json::from_value::<Call>(json).unwrap(), call, "{kind}");
        let packed = decode_calls(&encode_calls(&CallData { calls: vec![call.clone()], provinces: Vec::new() })).unwrap();
        assert_eq!(packed.calls, [call.clone()], "{kind}");
        for answers in [Answers::default(), example.clone()] {
            let verdict = evaluate(&call, &answers, RomeDateTime::parse("2016-03-01T12:00").unwrap());
            assert_eq!(verdict.criteria.len(), 1, "{kind}");
            assert!(verdict.criteria[0].explanation.is_complete(), "{kind}: the explanation needs both languages");
        }
    }
}
