//! Broken data files (`tests/fixtures/broken/`): every one loads to problems naming the file and the
//! field, never to a panic. Each fixture `NAME.EXT` has `NAME.expect` beside it: one expected
//! substring a line, each of which must occur in one problem as printed (`file: path: message`);
//! no line (only `#` comments) means the file must load without problems.
//!
//! The fixture's name says what it stands for: `call-*.toml` a call edition; `projects-*.json`,
//! `organisations-*.json`, `municipalities-*.csv`, `provinces-*.csv`, `weights-*.toml`,
//! `adjacency-*.toml` that file of the real catalog (the other files real), reported as
//! `FIXTURE/projects.json`; `import-*.csv` a directory export for `welfare import`.
#![cfg(feature = "source")]

use std::path::{Path, PathBuf};

use welfare_core::catalog::import::{import_organisations_csv, CatalogSources};
use welfare_core::catalog::{self};
use welfare_core::codec::share::{self, ShareError};
use welfare_core::rules::call::load_call_toml;
use welfare_core::{Answers, Problem};

const BROKEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken");
const CATALOG: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog");

fn real_sources(dir: &str) -> CatalogSources {
    CatalogSources::read_dir(std::path::Path::new(CATALOG), dir).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// Loads one fixture as what its name says it is; the problems found (empty: it loaded).
fn load(name: &str, text: String) -> Vec<Problem> {
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    let (kind, _) = name.split_once('-').unwrap_or_else(|| panic!("{name}: no kind prefix"));
    let catalog_with = |set: &dyn Fn(&mut CatalogSources)| {
        let mut src = real_sources(stem);
        set(&mut src);
        catalog::import::load_catalog(&src).err().unwrap_or_default()
    };
    match kind {
        "call" => load_call_toml(name, &text).err().unwrap_or_default(),
        "projects" => catalog_with(&|s| s.projects = text.clone()),
        "organisations" => catalog_with(&|s| s.organisations = text.clone()),
        "municipalities" => catalog_with(&|s| s.municipalities = text.clone()),
        "provinces" => catalog_with(&|s| s.provinces = text.clone()),
        "weights" => catalog_with(&|s| s.weights = text.clone()),
        "adjacency" => catalog_with(&|s| s.adjacency = text.clone()),
        "import" => {
            let provinces = catalog::import::parse_provinces("province-italia.csv", &real_sources("").provinces).unwrap_or_default();
            match import_organisations_csv(name, &text, &provinces) {
                Ok(orgs) => {
                    // Accepted rows keep their names as plain text, markup and all: escaping is the
                    // renderer's job (Yew escapes text nodes).
                    for o in &orgs {
                        assert!(text.contains(&o.name), "{name}: name altered: {:?}", o.name);
                    }
                    Vec::new()
                }
                Err(p) => p,
            }
        }
        other => panic!("{name}: unknown fixture kind `{other}`"),
    }
}

fn fixtures() -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(BROKEN)
        .unwrap_or_else(|e| panic!("{BROKEN}: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x != "expect"))
        .collect();
    v.sort();
    v
}

fn expectations(fixture: &Path) -> Vec<String> {
    let path = fixture.with_extension("expect");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
}

#[test]
fn every_broken_fixture_gives_the_expected_problems_and_never_panics() {
    let files = fixtures();
    assert!(files.len() >= 20, "only {} broken fixtures", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default().to_string();
        // Read as bytes and decode lossily, as the CLI's readers would see a non-UTF-8 file.
        let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{name}: {e}"));
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let expected = expectations(path);
        let outcome = std::panic::catch_unwind(|| load(&name, text));
        let problems = match outcome {
            Ok(p) => p,
            Err(_) => {
                failures.push(format!("{name}: PANICKED"));
                continue;
            }
        };
        let printed: Vec<String> = problems.iter().map(ToString::to_string).collect();
        if expected.is_empty() {
            if !printed.is_empty() {
                failures.push(format!("{name}: expected to load, got:\n    {}", printed.join("\n    ")));
            }
            continue;
        }
        if printed.is_empty() {
            failures.push(format!("{name}: loaded without problems, expected: {expected:?}"));
            continue;
        }
        for e in &expected {
            if !printed.iter().any(|p| p.contains(e.as_str())) {
                let shown: Vec<&str> = printed.iter().take(8).map(|p| p.get(..300).unwrap_or(p)).collect();
                failures.push(format!("{name}: no problem contains `{e}`; got:\n    {}", shown.join("\n    ")));
            }
        }
        for p in &problems {
            assert!(!p.file.is_empty(), "{name}: a problem names no file: {p}");
        }
    }
    assert!(failures.is_empty(), "{} of {} fixtures failed:\n{}", failures.len(), files.len(), failures.join("\n"));
}

#[test]
fn every_fixture_has_an_expectation_and_every_expectation_a_fixture() {
    let entries: Vec<PathBuf> = std::fs::read_dir(BROKEN).unwrap().filter_map(|e| e.ok().map(|e| e.path())).collect();
    for e in &entries {
        if e.extension().is_some_and(|x| x == "expect") {
            let stem = e.file_stem().unwrap().to_str().unwrap();
            let has = entries.iter().any(|f| f != e && f.file_stem().and_then(|s| s.to_str()) == Some(stem));
            assert!(has, "{} has no fixture", e.display());
        } else {
            assert!(e.with_extension("expect").is_file(), "{} has no .expect", e.display());
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Share codes: a crafted list, each an error (never a panic).

fn good_code() -> String {
    let answers = Answers {
        members: vec![welfare_core::Member {
            id: 3,
            name: "Comune di Sondrio".into(),
            kind: Some(welfare_core::MemberKind::Comune),
            ..Default::default()
        }],
        lead: Some(3),
        description: "Giovani e lavoro".into(),
        ..Answers::default()
    };
    share::encode("2016", &answers)
}

#[test]
fn crafted_share_codes_are_errors_never_panics() {
    let good = good_code();
    let payload = good.strip_prefix("w2.").unwrap().to_string();
    let mut crafted: Vec<(String, ShareError)> = vec![
        (String::new(), ShareError::Empty),
        ("   \n\t".into(), ShareError::Empty),
        (format!("w0.{payload}"), ShareError::UnknownVersion("w0".into())),
        // A code of the version before members kept their directory key.
        (format!("w1.{payload}"), ShareError::UnknownVersion("w1".into())),
        (format!("w10.{payload}"), ShareError::UnknownVersion("w10".into())),
        (format!("W1.{payload}"), ShareError::Damaged),
        (format!("v1.{payload}"), ShareError::Damaged),
        (format!("wwwww.{payload}"), ShareError::Damaged),
        (payload.clone(), ShareError::Damaged),
        ("w2.".into(), ShareError::Damaged),
        ("w2".into(), ShareError::Damaged),
        (".".into(), ShareError::Damaged),
        ("w2.====".into(), ShareError::Damaged),
        (format!("w2.{payload}="), ShareError::Damaged),
        (format!("w2.{}", payload.replace('-', "+").replace('_', "/") + "+/"), ShareError::Damaged),
        ("w2.\u{0}\u{1}\u{7f}".into(), ShareError::Damaged),
        ("w2.ÿþ€\u{fffd}\u{202e}".into(), ShareError::Damaged),
        ("w2.w2.w2.".into(), ShareError::Damaged),
        // A length prefix claiming 2^63 bytes of call id.
        ("w2.gICAgICAgICAAQ".into(), ShareError::Damaged),
        // A call id that is not alphanumeric.
        (format!("w2.{}", "BDIwMS8"), ShareError::Damaged),
        (format!("w2.{}", "A".repeat(share::MAX_LINK_LEN)), ShareError::TooLong),
        ("x".repeat(1 << 20), ShareError::TooLong),
        (format!("w2.{payload}{payload}"), ShareError::Damaged),
    ];
    // Truncations of the payload that cut inside the binary data.
    for cut in [1, 2, 3, 5, 8, payload.len() / 2, payload.len() - 2] {
        crafted.push((format!("w2.{}", payload.get(..cut).unwrap()), ShareError::Damaged));
    }
    for (code, expected) in &crafted {
        let got = std::panic::catch_unwind(|| share::decode(code)).unwrap_or_else(|_| panic!("decode panicked on {code:?}"));
        let shown =
            if code.len() > 100 { format!("{}… ({} bytes)", code.get(..60).unwrap_or_default(), code.len()) } else { code.clone() };
        assert_eq!(got.as_ref().err(), Some(expected), "{shown:?}");
    }

    // Every single-bit flip of every character of a good code: an error or clamped answers, never a
    // panic; whatever decodes re-encodes to a code that decodes the same.
    let bytes = good.as_bytes();
    let mut decoded = 0;
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut b = bytes.to_vec();
            b[i] ^= 1 << bit;
            let code = String::from_utf8_lossy(&b).into_owned();
            let got = std::panic::catch_unwind(|| share::decode(&code)).unwrap_or_else(|_| panic!("decode panicked on {code:?}"));
            if let Ok((call, answers)) = got {
                decoded += 1;
                assert_eq!(share::decode(&share::encode(&call, &answers)), Ok((call, answers)));
            }
        }
    }
    assert!(decoded < bytes.len() * 8);
}

#[test]
fn the_fuzz_seed_share_codes_decode() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../fuzz/seeds/share_decode");
    let admissible = std::fs::read_to_string(format!("{dir}/admissible-lecco")).unwrap();
    let (call, answers) = share::decode(&admissible).unwrap();
    assert_eq!(call, "2016");
    assert_eq!(answers.members.len(), 4);
    assert_eq!(answers.lead, Some(1));
    let empty = std::fs::read_to_string(format!("{dir}/empty-2017")).unwrap();
    assert_eq!(share::decode(&empty), Ok(("2017".to_string(), Answers::default())));
}
