//! `welfare assess --call ID [--now YYYY-MM-DDTHH:MM] [--data DIR] ANSWERS_FILE`: evaluates a set of
//! answers (TOML or JSON, by extension; fields left out are unanswered) with the same `evaluate` the
//! browser calls, and prints the verdict as pretty JSON. Its readers (`Input`, `When`) serve `match`
//! and `share` too.

use std::path::{Path, PathBuf};

use welfare_core::rules::call::{load_call_toml, Call};
use welfare_core::source::answers::{parse_answers_json, parse_answers_toml};
use welfare_core::{evaluate, Answers, RomeDateTime};

/// A call of the data directory and an answers file: what `assess`, `match` and `share` read.
#[derive(clap::Args)]
pub struct Input {
    /// The call edition: DATA/calls/ID.toml (e.g. 2016)
    #[arg(long, value_name = "ID")]
    pub call: String,
    /// The data directory
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: PathBuf,
    /// The answers: TOML or JSON, by extension; a field left out is not yet answered
    #[arg(value_name = "ANSWERS.toml|json")]
    pub answers: PathBuf,
}

impl Input {
    /// The call and the answers, or what is wrong with either (file named).
    pub fn read(&self) -> Result<(Call, Answers), String> {
        Ok((load_call(&self.data, &self.call)?, read_answers(&self.answers)?))
    }
}

/// The moment of the verdict: `assess` and `match`.
#[derive(clap::Args)]
pub struct When {
    /// The moment of the verdict, Italian time (default: now)
    #[arg(long, value_name = "YYYY-MM-DDTHH:MM", value_parser = RomeDateTime::parse)]
    pub now: Option<RomeDateTime>,
}

impl When {
    pub fn now(&self) -> RomeDateTime {
        self.now.unwrap_or_else(now_in_rome)
    }
}

#[derive(clap::Args)]
pub struct Args {
    #[command(flatten)]
    pub input: Input,
    #[command(flatten)]
    pub when: When,
}

/// Rome's current time from the system clock (the core never reads a clock; the CLI may).
pub fn now_in_rome() -> RomeDateTime {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
    RomeDateTime::from_unix_utc(secs)
}

/// The call `id` of the data directory (`DATA/calls/ID.toml`), loaded and validated.
pub fn load_call(data: &Path, id: &str) -> Result<Call, String> {
    let call_path = data.join("calls").join(format!("{id}.toml"));
    let call_name = call_path.display().to_string();
    let text = std::fs::read_to_string(&call_path).map_err(|e| format!("{call_name}: cannot read: {e}"))?;
    load_call_toml(&call_name, &text).map_err(|ps| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))
}

/// An answers file, TOML or JSON by its extension.
pub fn read_answers(path: &Path) -> Result<Answers, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => parse_answers_json(&text).map_err(|e| format!("{name}: {e}")),
        Some("toml") => parse_answers_toml(&name, &text).map_err(|p| p.to_string()),
        _ => Err(format!("{name}: the answers file must end in .toml or .json")),
    }
}

fn assess(args: &Args) -> Result<String, String> {
    let (call, answers) = args.input.read()?;
    let verdict = evaluate(&call, &answers, args.when.now());
    serde_json::to_string_pretty(&verdict).map_err(|e| e.to_string())
}

pub fn run(args: Args) -> i32 {
    match assess(&args) {
        Ok(json) => {
            outln!("{json}");
            0
        }
        Err(e) => {
            eprintln!("welfare assess: {e}");
            2
        }
    }
}
