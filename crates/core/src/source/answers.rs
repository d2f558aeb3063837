//! The lenient answers reader of the CLI and the rule cases: JSON or TOML text where any field may be
//! left out (a missing field is an unanswered one).

use serde_json::Value;

use crate::model::{Answers, Member};
use crate::problem::Problem;

fn merge(base: &mut Value, over: Value) {
    match (base, over) {
        (Value::Object(b), Value::Object(o)) => {
            for (k, v) in o {
                match b.get_mut(&k) {
                    Some(bv) => merge(bv, v),
                    None => {
                        b.insert(k, v);
                    }
                }
            }
        }
        (b, o) => *b = o,
    }
}

/// Answers from a JSON value where any field may be left out (a missing field is an unanswered one).
pub fn answers_from_value(mut value: Value) -> Result<Answers, String> {
    if let Some(Value::Array(members)) = value.get_mut("members") {
        for m in members.iter_mut() {
            let mut full = serde_json::to_value(Member::default()).map_err(|e| e.to_string())?;
            merge(&mut full, std::mem::take(m));
            *m = full;
        }
    }
    let mut full = serde_json::to_value(Answers::default()).map_err(|e| e.to_string())?;
    merge(&mut full, value);
    serde_json::from_value(full).map_err(|e| e.to_string())
}

/// Answers from JSON text, fields optional.
pub fn parse_answers_json(text: &str) -> Result<Answers, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let value: Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
    answers_from_value(value)
}

/// Answers from TOML text, fields optional.
pub fn parse_answers_toml(file_name: &str, text: &str) -> Result<Answers, Problem> {
    let value: toml::Value = toml::from_str(text).map_err(|e| super::toml_problem(file_name, text, &e))?;
    let json = serde_json::to_value(value).map_err(|e| Problem::new(file_name, "", e.to_string()))?;
    answers_from_value(json).map_err(|e| Problem::new(file_name, "", e))
}
