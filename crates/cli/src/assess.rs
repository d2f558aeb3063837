//! `welfare assess --call ID [--now YYYY-MM-DDTHH:MM] [--data DIR] ANSWERS_FILE`: evaluates a set of
//! answers (TOML or JSON, by extension; fields left out are unanswered) with the same `evaluate` the
//! browser calls, and prints the verdict as pretty JSON.

use std::path::Path;

use welfare_core::call::load_call_toml;
use welfare_core::cases::{parse_answers_json, parse_answers_toml};
use welfare_core::{evaluate, Answers, RomeDateTime};

use crate::args::Args;

/// Rome's current time from the system clock (the core never reads a clock; the CLI may).
pub fn now_in_rome() -> RomeDateTime {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs() as i64)
        .unwrap_or(0);
    RomeDateTime::from_unix_utc(secs)
}

fn read_answers(path: &Path) -> Result<Answers, String> {
    let name = path.display().to_string();
    let text = std::fs::read_to_string(path).map_err(|e| format!("{name}: cannot read: {e}"))?;
    match path.extension().and_then(|e| e.to_str()) {
        Some("json") => parse_answers_json(&text).map_err(|e| format!("{name}: {e}")),
        Some("toml") => parse_answers_toml(&name, &text).map_err(|p| p.to_string()),
        _ => Err(format!("{name}: the answers file must end in .toml or .json")),
    }
}

fn assess(args: &[String]) -> Result<String, String> {
    let args = Args::parse(args, &["call", "now", "data"])?;
    let call_id = args.get("call").ok_or("--call ID is required (e.g. --call 2016)")?;
    let [answers_file] = args.positional.as_slice() else {
        return Err("give exactly one answers file".into());
    };
    let now = match args.get("now") {
        Some(t) => RomeDateTime::parse(t)?,
        None => now_in_rome(),
    };
    let call_path = args.data_dir().join("calls").join(format!("{call_id}.toml"));
    let call_name = call_path.display().to_string();
    let text = std::fs::read_to_string(&call_path).map_err(|e| format!("{call_name}: cannot read: {e}"))?;
    let call = load_call_toml(&call_name, &text)
        .map_err(|ps| ps.iter().map(|p| p.to_string()).collect::<Vec<_>>().join("\n"))?;
    let answers = read_answers(Path::new(answers_file))?;
    let verdict = evaluate(&call, &answers, now);
    serde_json::to_string_pretty(&verdict).map_err(|e| e.to_string())
}

pub fn run(args: &[String]) -> i32 {
    match assess(args) {
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
