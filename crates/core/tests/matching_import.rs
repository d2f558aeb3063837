//! `welfare import`'s core: a CSV with bad rows imports nothing and reports exactly the bad rows.

use welfare_core::catalog::import::{import_organisations_csv, parse_provinces};
use welfare_core::MemberKind;

fn provinces() -> Vec<welfare_core::catalog::Province> {
    let text = include_str!("../../../data/catalog/province-italia.csv");
    parse_provinces("province-italia.csv", text).unwrap_or_default()
}

#[test]
fn three_bad_rows_are_reported_and_nothing_is_imported() {
    let text = include_str!("../../../data/catalog/fixtures/import-bad.csv");
    let problems = match import_organisations_csv("import-bad.csv", text, &provinces()) {
        Ok(orgs) => panic!("imported {} rows of a bad file", orgs.len()),
        Err(p) => p,
    };
    let mut lines: Vec<String> = problems.iter().filter_map(|p| p.path.split(',').next().map(str::to_string)).collect();
    lines.dedup();
    assert_eq!(lines, vec!["line 4", "line 5", "line 7"]);
    let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(shown.contains(&"import-bad.csv: line 4, column 2 (kind): unknown kind \"coop\"".to_string()), "{shown:#?}");
    assert!(shown.iter().any(|s| s.starts_with("import-bad.csv: line 5, column 3 (provinces)")));
    assert!(shown.iter().any(|s| s.starts_with("import-bad.csv: line 7, column 1 (name)")));
}

#[test]
fn a_good_file_imports_every_row_with_quoted_commas() {
    let text = include_str!("../../../data/catalog/fixtures/import-good.csv");
    let orgs = import_organisations_csv("import-good.csv", text, &provinces()).unwrap_or_default();
    assert_eq!(orgs.len(), 3);
    assert_eq!(orgs[1].name, "Associazione Due, Tre e Quattro");
    assert_eq!(orgs[1].provinces, vec!["BG".to_string(), "BS".to_string()]);
    assert_eq!(orgs[0].kind, MemberKind::SocialCooperative);
    assert!(orgs[0].verified && !orgs[1].verified && !orgs[2].verified);
    assert_eq!(orgs[0].sources, vec!["https://example.org/uno".to_string()]);
}
