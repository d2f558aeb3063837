//! `welfare`: the command-line tool over welfare-core. Each subcommand lives in its own module, with
//! its options (`Args`, parsed by clap) beside the code that reads them, and returns the process exit
//! code: 0 done, 1 the data has problems (validate, cases, catalog-validate, import), 2 a usage error.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]
// Stdout goes through `out` (`outln!`, `out!`): `print!` panics when the reader has gone.
#![deny(clippy::print_stdout)]

#[macro_use]
mod out;

mod assess;
mod bench_match;
mod bench_recall;
mod cases;
mod catalog_validate;
mod import;
mod matches;
mod share;
mod validate;

use clap::{Parser, Subcommand};

/// The command-line tool over welfare-core: it prints what the browser shows because it calls the same
/// functions.
#[derive(Parser)]
#[command(name = "welfare", subcommand_required = true, arg_required_else_help = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// check every data file (calls, …)
    Validate(validate::Args),
    /// evaluate an answers file against a call, with the browser's rules, and print the verdict as JSON
    Assess(assess::Args),
    /// run the rule cases
    Cases(cases::Args),
    /// check the catalog (data/catalog), optionally pack it for the widget
    CatalogValidate(catalog_validate::Args),
    /// import a directory export (name,kind,provinces,source_url[,verified])
    #[command(after_help = "Columns: name,kind,provinces,source_url[,verified]; provinces separated by ';'.")]
    Import(import::Args),
    /// the funded projects and the partners the result page shows for an answers file, with their reasons
    Match(matches::Args),
    /// the share code of an answers file, or its link, as the widget makes them
    Share(share::Args),
    /// matching benchmark
    // The options are here, not in `bench_match.rs`: core's matching bench compiles that file without clap.
    BenchMatch {
        /// The catalog directory
        #[arg(long, value_name = "DIR", default_value = "data/catalog")]
        catalog: String,
        /// Visitors to match
        #[arg(long, value_name = "N", default_value_t = 200)]
        queries: usize,
        /// Sizes of the synthetic directories, comma-separated
        #[arg(long, value_name = "N,…", value_delimiter = ',', default_values_t = [10_000, 100_000])]
        sizes: Vec<usize>,
    },
    /// partner suggestions against the funded projects' real partners
    BenchRecall(bench_recall::Args),
}

impl Command {
    fn run(self) -> i32 {
        match self {
            Command::Validate(args) => validate::run(args),
            Command::Assess(args) => assess::run(args),
            Command::Cases(args) => cases::run(args),
            Command::CatalogValidate(args) => catalog_validate::run(args),
            Command::Import(args) => import::run(args),
            Command::Match(args) => matches::run(args),
            Command::Share(args) => share::run(args),
            Command::BenchMatch { catalog, queries, sizes } => bench_match::run(&catalog, queries, &sizes),
            Command::BenchRecall(args) => bench_recall::run(args),
        }
    }
}

fn main() {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help goes to stdout through `out` (a reader that has gone ends the program quietly, where
            // clap's own `exit` would panic on the closed pipe), errors to stderr; the exit code is
            // clap's: 0 for help, 2 for a usage error.
            if e.use_stderr() {
                eprint!("{}", e.render());
            } else {
                out!("{}", e.render());
            }
            std::process::exit(e.exit_code());
        }
    };
    std::process::exit(cli.command.run());
}
