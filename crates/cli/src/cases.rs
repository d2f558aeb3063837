//! `welfare cases [--data DIR] [CASES_DIR]`: runs every rule case (default `DATA/cases`) and prints one
//! PASS/FAIL line per case, the differences of the failing ones, and a summary. Exit 1 on failures.

use std::path::PathBuf;

use welfare_core::rules::call::load_calls_dir;
use welfare_core::rules::cases::run_cases_dir;

#[derive(clap::Args)]
pub struct Args {
    /// The data directory
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// The cases to run (default: DATA/cases)
    #[arg(value_name = "CASES_DIR")]
    pub cases: Option<PathBuf>,
}

pub fn run(args: Args) -> i32 {
    let data = args.data;
    let dir = args.cases.unwrap_or_else(|| data.join("cases"));
    let calls = match load_calls_dir(&data.join("calls")) {
        Ok(c) => c,
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            return 2;
        }
    };
    let outcomes = match run_cases_dir(&dir, &calls) {
        Ok(o) => o,
        Err(p) => {
            eprintln!("{p}");
            return 2;
        }
    };
    let failed = outcomes.iter().filter(|o| !o.passed).count();
    for o in &outcomes {
        outln!("{} {}  {}", if o.passed { "PASS" } else { "FAIL" }, o.file, o.description);
        for f in &o.failures {
            outln!("     {f}");
        }
    }
    outln!("{} passed, {} failed", outcomes.len() - failed, failed);
    i32::from(failed > 0)
}
