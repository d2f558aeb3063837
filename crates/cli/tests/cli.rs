//! Runs the `welfare` binary on the example answers and the data directory.

use std::path::PathBuf;
use std::process::Command;

fn data() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

fn welfare(args: &[&str]) -> (i32, String) {
    let (code, stdout, stderr) = welfare_split(args);
    (code, stdout + &stderr)
}

/// Exit code, stdout, stderr.
fn welfare_split(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_welfare")).args(args).output().expect("run welfare");
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).to_string();
    (out.status.code().unwrap_or(-1), text(&out.stdout), text(&out.stderr))
}

fn assess(example: &str) -> serde_json::Value {
    let data = data();
    let file = data.join("examples").join(example);
    let (code, out) =
        welfare(&["assess", "--call", "2016", "--now", "2016-04-01T10:00", "--data", data.to_str().unwrap(), file.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{e}: {out}"))
}

fn criterion<'a>(v: &'a serde_json::Value, id: &str) -> &'a serde_json::Value {
    v["criteria"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()
}

#[test]
fn three_examples_three_verdicts_with_remedies() {
    let ok = assess("admissible.toml");
    assert_eq!(ok["overall"]["kind"], "admissible");
    assert_eq!(ok["closed"], false);

    let no_public = assess("no-public-body.toml");
    assert_eq!(no_public["overall"]["kind"], "not_yet_admissible");
    assert_eq!(no_public["overall"]["failing"], serde_json::json!(["network_public"]));
    let c = criterion(&no_public, "network_public");
    assert_eq!(c["remedy"]["add_members"]["count"], 1);
    assert!(c["remedy"]["add_members"]["kinds"].as_array().unwrap().contains(&"comune".into()));
    assert!(c["remedy_text"]["it"].as_str().unwrap().starts_with("Aggiungi un ente pubblico"));

    let outside = assess("outside-territory.toml");
    assert_eq!(outside["overall"]["kind"], "not_yet_admissible");
    let t = criterion(&outside, "territory");
    assert_eq!(t["status"], "not_met");
    assert_eq!(t["remedy"]["move_territory"]["provinces"].as_array().unwrap().len(), 14);
    assert_eq!(criterion(&outside, "min_cost")["status"], "unanswered");
}

#[test]
fn validate_accepts_the_data_and_rejects_a_broken_call() {
    let data = data();
    let (code, out) = welfare(&["validate", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("OK   calls"), "{out}");

    let dir = std::env::temp_dir().join(format!("welfare-validate-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("calls")).unwrap();
    let text =
        std::fs::read_to_string(data.join("calls/2016.toml")).unwrap().replacen("max_share_percent = 60", "max_share_percent = 120", 1);
    std::fs::write(dir.join("calls/2016.toml"), text).unwrap();
    let (code, out) = welfare(&["validate", "--data", dir.to_str().unwrap()]);
    std::fs::remove_dir_all(&dir).ok();
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("criteria[6].rule.max_share_percent"), "{out}");
}

#[test]
fn cases_command_runs_all_cases_and_fails_on_a_wrong_one() {
    let data = data();
    let (code, out) = welfare(&["cases", "--data", data.to_str().unwrap()]);
    assert_eq!(code, 0, "{out}");
    assert!(out.lines().last().unwrap().ends_with(" passed, 0 failed"), "{out}");

    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../core/tests/fixtures");
    let (code, out) = welfare(&["cases", "--data", data.to_str().unwrap(), fixtures.to_str().unwrap()]);
    assert_eq!(code, 1, "{out}");
    assert!(out.contains("FAIL") && out.contains("0 passed, 1 failed"), "{out}");
}

/// Usage errors: exit 2, the error on stderr, nothing on stdout.
#[test]
fn unknown_command_and_bad_arguments_exit_2() {
    let cases: &[&[&str]] = &[
        &[],
        &["frobnicate"],
        &["validate", "--bogus"],
        &["validate", "extra"],
        &["assess", "x.toml"],
        &["assess", "--call", "2016", "--now", "yesterday", "x.toml"],
        &["assess", "--call", "2016", "a.toml", "b.toml"],
        &["cases", "a", "b"],
        &["catalog-validate", "--out"],
        &["import"],
        &["match", "--call", "2016"],
        &["match", "--call", "2016", "--lang", "en", "x.toml"],
        &["match", "--call", "2016", "--text", "--lang", "de", "x.toml"],
        &["share", "x.toml"],
        &["share", "--call", "2016"],
        &["bench-match", "--queries", "many"],
        &["bench-match", "--sizes", "10,x"],
        &["bench-recall", "--show"],
    ];
    for args in cases {
        let (code, stdout, stderr) = welfare_split(args);
        assert_eq!(code, 2, "{args:?}: {stdout}{stderr}");
        assert!(stdout.is_empty() && !stderr.is_empty(), "{args:?}: {stdout}{stderr}");
    }
    // A file that cannot be read is said with its name, exit 2, as before.
    let (code, out) =
        welfare(&["assess", "--call", "2016", "--now", "2016-04-01T10:00", "--data", data().to_str().unwrap(), "missing.toml"]);
    assert_eq!(code, 2, "{out}");
    assert!(out.contains("welfare assess: missing.toml: cannot read"), "{out}");
}

/// Every command, its description and the options its help names.
const COMMANDS: &[(&str, &str, &[&str])] = &[
    ("validate", "check every data file", &["--data <DIR>"]),
    ("assess", "print the verdict as JSON", &["--call <ID>", "--now <YYYY-MM-DDTHH:MM>", "--data <DIR>", "<ANSWERS.toml|json>"]),
    ("cases", "run the rule cases", &["--data <DIR>", "[CASES_DIR]"]),
    ("catalog-validate", "check the catalog", &["[DIR]", "--out <FILE.bin|FILE.json>"]),
    ("import", "import a directory export", &["<FILE.csv>", "--out <FILE.json>", "--catalog <DIR>", "provinces separated by ';'"]),
    (
        "match",
        "the funded projects and the partners",
        &[
            "--call <ID>",
            "--now <YYYY-MM-DDTHH:MM>",
            "--data <DIR>",
            "--catalog <DIR>",
            "--text",
            "--lang <it|en>",
            "--drafts",
            "<ANSWERS.toml|json>",
        ],
    ),
    ("share", "the share code", &["--call <ID>", "--data <DIR>", "--base <URL>", "<ANSWERS.toml|json>"]),
    ("bench-match", "matching benchmark", &["--catalog <DIR>", "--queries <N>", "--sizes <N,…>"]),
    ("bench-recall", "partner suggestions", &["--catalog <DIR>", "--data <DIR>", "--call <ID>", "--show <PROJECT_ID>"]),
];

#[test]
fn help_works_on_every_command_and_names_its_options() {
    let (code, top, stderr) = welfare_split(&["--help"]);
    assert_eq!((code, stderr.as_str()), (0, ""), "{top}");
    // The table above is every command there is.
    let listed: Vec<&str> = top
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| !l.is_empty())
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .collect();
    assert_eq!(listed, COMMANDS.iter().map(|(name, _, _)| *name).collect::<Vec<_>>(), "{top}");
    assert_eq!(welfare_split(&["help"]), (0, top.clone(), String::new()));
    for (name, about, options) in COMMANDS {
        let line = top.lines().find(|l| l.trim_start().starts_with(&format!("{name} "))).unwrap_or_default();
        assert!(line.contains(about), "{name}: {line}");
        for ask in [vec![*name, "--help"], vec![*name, "-h"], vec!["help", *name]] {
            let (code, help, stderr) = welfare_split(&ask);
            assert_eq!((code, stderr.as_str()), (0, ""), "{ask:?}: {help}");
            assert!(help.contains(about) && help.contains(&format!("Usage: welfare {name}")), "{ask:?}: {help}");
            for option in *options {
                assert!(help.contains(option), "{ask:?} does not name {option}: {help}");
            }
        }
    }
}

/// `welfare … | head`: the reader goes away before the output is written. Every command that prints
/// to stdout then exits quietly (no panic message, exit 0), as a command whose reader has gone should.
#[test]
fn a_reader_that_closes_early_ends_every_command_quietly() {
    use std::process::Stdio;
    let data = data();
    let d = data.to_str().unwrap();
    let example = data.join("examples/admissible.toml");
    let catalog = data.join("catalog");
    let commands: &[&[&str]] = &[
        &["assess", "--call", "2016", "--now", "2016-04-01T10:00", "--data", d, example.to_str().unwrap()],
        &["validate", "--data", d],
        &["cases", "--data", d],
        &["catalog-validate", catalog.to_str().unwrap()],
        &["match", "--call", "2016", "--now", "2016-04-01T10:00", "--data", d, example.to_str().unwrap()],
        &["match", "--call", "2016", "--now", "2016-04-01T10:00", "--data", d, "--text", example.to_str().unwrap()],
        &["share", "--call", "2016", "--data", d, example.to_str().unwrap()],
        &["help"],
        &["--help"],
        &["validate", "--help"],
        &["match", "--help"],
        &["bench-match", "--help"],
        &["import", "--help"],
        &["catalog-validate", "--help"],
    ];
    for args in commands {
        let mut child = Command::new(env!("CARGO_BIN_EXE_welfare"))
            .args(*args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("run welfare");
        // The reader closes before the command has written anything.
        drop(child.stdout.take());
        let out = child.wait_with_output().expect("wait for welfare");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
    }
}

/// What `match` and `share` print, against the library called directly.
mod browser {
    use std::path::{Path, PathBuf};

    use welfare_core::catalog::engine::{Engine, MatchesView, Request, Response};
    use welfare_core::catalog::import::{load_catalog, CatalogSources};
    use welfare_core::catalog::matching::{Gaps, Limits};
    use welfare_core::catalog::message::Context;
    use welfare_core::catalog::Catalog;
    use welfare_core::codec::share;
    use welfare_core::rules::call::load_call_toml;
    use welfare_core::source::answers::parse_answers_toml;
    use welfare_core::{evaluate, Answers, Lang, RomeDateTime};

    use super::{data, welfare, welfare_split};

    const NOW: &str = "2016-04-01T10:00";

    /// Every example answers file, with its answers.
    fn examples() -> Vec<(PathBuf, Answers)> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(data().join("examples"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        assert!(files.len() >= 3, "{files:?}");
        files
            .into_iter()
            .map(|f| {
                let answers = parse_answers_toml("example", &std::fs::read_to_string(&f).unwrap()).unwrap();
                (f, answers)
            })
            .collect()
    }

    /// The catalog as the widget holds it: compiled, slimmed for embedding.
    fn catalog() -> Catalog {
        load_catalog(&CatalogSources::read_dir(&data().join("catalog"), "data/catalog").unwrap()).unwrap().for_embedding()
    }

    /// The matches as src/app.rs asks them: the verdict's gaps, the default limits.
    fn direct(catalog: &Catalog, answers: &Answers, drafts: bool) -> MatchesView {
        let call = load_call_toml("2016.toml", &std::fs::read_to_string(data().join("calls/2016.toml")).unwrap()).unwrap();
        let verdict = evaluate(&call, answers, RomeDateTime::parse(NOW).unwrap());
        let message = drafts.then(|| Context { call: call.name.clone(), deadline: call.deadline });
        let request = Request::Match { answers: answers.clone(), gaps: Gaps::from_verdict(&verdict), limits: Limits::default(), message };
        match Engine::with_catalog(catalog.clone()).handle(request) {
            Response::Matches(view) => view,
            other => panic!("{other:?}"),
        }
    }

    fn run_match(file: &Path, extra: &[&str]) -> String {
        let d = data();
        let mut args = vec!["match", "--call", "2016", "--now", NOW, "--data", d.to_str().unwrap()];
        args.extend_from_slice(extra);
        args.push(file.to_str().unwrap());
        let (code, out, err) = welfare_split(&args);
        assert_eq!((code, err.as_str()), (0, ""), "{args:?}: {out}");
        out
    }

    #[test]
    fn match_prints_the_engines_cards_for_every_example() {
        let catalog = catalog();
        for (file, answers) in examples() {
            for drafts in [false, true] {
                let want = direct(&catalog, &answers, drafts);
                assert!(!want.partners.is_empty() && !want.projects.is_empty(), "{file:?}");
                assert_eq!(want.partners.iter().all(|p| p.draft.is_some()), drafts);
                let json = run_match(&file, if drafts { &["--drafts"] } else { &[] });
                let got: MatchesView = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}: {json}"));
                assert_eq!(got, want, "{file:?}, drafts {drafts}");
            }
            // As text: every card numbered in the engine's order, with each reason on its own line.
            let want = direct(&catalog, &answers, false);
            for (lang, extra) in [(Lang::It, vec!["--text"]), (Lang::En, vec!["--text", "--lang", "en"])] {
                let text = run_match(&file, &extra);
                let mut at = 0;
                let cards = want
                    .partners
                    .iter()
                    .map(|p| (&p.name, &p.reasons))
                    .enumerate()
                    .chain(want.projects.iter().map(|p| (&p.name, &p.reasons)).enumerate());
                for (n, (name, reasons)) in cards {
                    let heading = format!("\n{}. {name}\n", n + 1);
                    let found = text
                        .get(at..)
                        .and_then(|rest| rest.find(&heading))
                        .unwrap_or_else(|| panic!("{file:?} {lang:?}: no `{heading}` after {at}:\n{text}"));
                    at += found + heading.len();
                    let card = format!("\n{}\n", text.get(at..).unwrap().split("\n\n").next().unwrap());
                    for reason in reasons {
                        assert!(card.contains(&format!("\n   - {}\n", reason.get(lang))), "{file:?} {lang:?}: {reason:?} not in\n{card}");
                    }
                }
            }
            // With drafts, each card's draft under it, quoted line by line.
            let drafted = direct(&catalog, &answers, true);
            let text = run_match(&file, &["--text", "--drafts"]);
            for p in &drafted.partners {
                let draft = p.draft.as_ref().unwrap();
                let quoted: String =
                    draft.it.lines().map(|l| if l.is_empty() { "   >\n".to_string() } else { format!("   > {l}\n") }).collect();
                assert!(text.contains(&format!("   Bozza del messaggio per {}:\n{quoted}", p.name)), "{file:?}: {}\n{text}", p.name);
            }
        }
        // A catalog that does not load: its problem, exit 2.
        let (file, _) = &examples()[0];
        let d = data();
        let (code, out) =
            welfare(&["match", "--call", "2016", "--data", d.to_str().unwrap(), "--catalog", "no-such-dir", file.to_str().unwrap()]);
        assert_eq!(code, 2, "{out}");
        assert!(out.starts_with("welfare match: no-such-dir/") && out.contains("cannot read"), "{out}");
    }

    #[test]
    fn share_prints_the_code_and_link_the_widget_makes() {
        let d = data();
        let d = d.to_str().unwrap();
        // The page's address → the link's base: what a visitor chose, no preview date, no fragment.
        let bases = [
            ("https://example.org/verifica/", "https://example.org/verifica/"),
            ("https://x.example/v/?lang=en&now=2016-04-01T10:00&kiosk=1#/esito", "https://x.example/v/?lang=en"),
        ];
        for (file, answers) in examples() {
            let f = file.to_str().unwrap();
            let (code, out) = welfare(&["share", "--call", "2016", "--data", d, f]);
            assert_eq!(code, 0, "{out}");
            let printed = out.trim_end();
            assert_eq!(printed, share::encode("2016", &answers), "{file:?}");
            assert_eq!(share::decode(printed), Ok(("2016".to_string(), answers.clone())), "{file:?}");
            for (base, kept) in bases {
                let (code, out) = welfare(&["share", "--call", "2016", "--data", d, "--base", base, f]);
                assert_eq!(code, 0, "{out}");
                assert_eq!(out.trim_end(), format!("{kept}#r={printed}"), "{base}");
            }
        }
        // A call that is not in the data: no code.
        let (code, out) = welfare(&["share", "--call", "1999", "--data", d, examples()[0].0.to_str().unwrap()]);
        assert_eq!(code, 2, "{out}");
        assert!(out.contains("1999.toml: cannot read"), "{out}");
    }
}
