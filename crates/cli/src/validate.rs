//! `welfare validate [--data DIR]`: runs every validator over the data directory and prints OK or the
//! problems (file, field path, message). Exit 1 on any problem. To validate a new kind of data file,
//! add a function to `VALIDATORS`.

use std::path::{Path, PathBuf};

use welfare_core::rules::call::load_calls_dir;
use welfare_core::Problem;

#[derive(clap::Args)]
pub struct Args {
    /// The data directory
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
}

/// A named validator: checks its files under the data directory, returns every problem found.
pub type Validator = fn(&Path) -> Vec<Problem>;

pub const VALIDATORS: &[(&str, Validator)] = &[("calls", validate_calls)];

fn validate_calls(data: &Path) -> Vec<Problem> {
    match load_calls_dir(&data.join("calls")) {
        Ok(calls) if calls.is_empty() => {
            vec![Problem::new(data.join("calls").display().to_string(), "", "no call file (*.toml) found")]
        }
        Ok(_) => Vec::new(),
        Err(problems) => problems,
    }
}

pub fn run(args: Args) -> i32 {
    let mut total = 0;
    for (name, validator) in VALIDATORS {
        let problems = validator(&args.data);
        if problems.is_empty() {
            outln!("OK   {name}");
        } else {
            outln!("FAIL {name}: {} problem(s)", problems.len());
            for p in &problems {
                outln!("  {p}");
            }
        }
        total += problems.len();
    }
    if total == 0 {
        outln!("all data valid");
        0
    } else {
        outln!("{total} problem(s)");
        1
    }
}
