//! `welfare`: the command-line tool over welfare-core. Each subcommand lives in its own module and
//! takes its arguments (after the subcommand name), returning the process exit code.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]
// Stdout goes through `out` (`outln!`, `out!`): `print!` panics when the reader has gone.
#![deny(clippy::print_stdout)]

#[macro_use]
mod out;

mod args;
mod assess;
mod bench_match;
mod bench_recall;
mod cases;
mod catalog_validate;
mod import;
mod validate;

/// A subcommand: name, one-line usage, entry point.
type Command = (&'static str, &'static str, fn(&[String]) -> i32);

const COMMANDS: &[Command] = &[
    ("validate", "validate [--data DIR]            check every data file (calls, …)", validate::run),
    ("assess", "assess --call ID [--now YYYY-MM-DDTHH:MM] [--data DIR] ANSWERS.toml|json", assess::run),
    ("cases", "cases [--data DIR] [CASES_DIR]      run the rule cases", cases::run),
    ("catalog-validate", "catalog-validate [DIR] [--out FILE.bin|FILE.json]  check the catalog (data/catalog), optionally pack it for the widget", catalog_validate::run),
    ("import", "import FILE.csv [--out FILE.json] [--catalog DIR]  import a directory export (name,kind,provinces,source_url[,verified])", import::run),
    ("bench-match", "bench-match [--catalog DIR] [--queries N] [--sizes 10000,100000]  matching benchmark", bench_match::run),
    ("bench-recall", "bench-recall [--catalog DIR] [--data DIR] [--call ID]  partner suggestions against the funded projects' real partners", bench_recall::run),
];

fn usage() -> String {
    let mut s = String::from("usage: welfare <command> [options]\n\ncommands:\n");
    for (_, line, _) in COMMANDS {
        s.push_str("  welfare ");
        s.push_str(line);
        s.push('\n');
    }
    s
}

fn main() {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let code = match argv.split_first() {
        Some((name, rest)) => match COMMANDS.iter().find(|(n, _, _)| n == name) {
            Some((_, _, run)) => run(rest),
            None if name == "-h" || name == "--help" || name == "help" => {
                out!("{}", usage());
                0
            }
            None => {
                eprintln!("unknown command `{name}`\n\n{}", usage());
                2
            }
        },
        None => {
            eprint!("{}", usage());
            2
        }
    };
    std::process::exit(code);
}
