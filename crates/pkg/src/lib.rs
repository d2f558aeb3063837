//! `welfare-rules`: the rules and the matching of the call "Welfare di Comunità" as an npm package
//! (`make pkg`: wasm-pack builds `pkg/web` and `pkg/node` from this crate), with the bundled calls and
//! catalog. Three functions, JSON in and out in the shapes `welfare assess` reads and prints:
//! `assess(callId, answers, now?)`, `matches(callId, answers, now?)`, `calls()`.
//!
//! Invariants (stated as absences):
//! - no input traps: a wrong type, malformed JSON, an unknown edition or a bad date is a thrown
//!   `Error` whose message names the input and field (`answers.members[2].kind: unknown kind "x" …`);
//!   no `unwrap`, `expect`, panic or indexing that can panic outside tests;
//! - the clock is read here, never in the core: `now` absent is the current time in Rome.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod answers;
pub mod api;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use welfare_core::RomeDateTime;

use crate::api::Rules;

thread_local! {
    /// The bundled data, read on the first call and kept.
    static RULES: RefCell<Option<Rules>> = const { RefCell::new(None) };
}

/// Runs `f` on the bundled data, reading it the first time.
fn with_rules<T>(f: impl FnOnce(&mut Rules) -> Result<T, String>) -> Result<T, String> {
    RULES.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| "welfare-rules: already busy with another call".to_string())?;
        if slot.is_none() {
            *slot = Some(Rules::bundled()?);
        }
        match slot.as_mut() {
            Some(rules) => f(rules),
            None => Err("welfare-rules: the bundled data could not be read".into()),
        }
    })
}

/// A JavaScript value as an error message shows it.
fn describe(value: &JsValue) -> String {
    if value.is_undefined() {
        "nothing (undefined)".into()
    } else if value.is_null() {
        "null".into()
    } else if let Some(text) = value.as_string() {
        api::quoted(&text)
    } else if let Some(n) = value.as_f64() {
        format!("the number {n}")
    } else if let Some(b) = value.as_bool() {
        b.to_string()
    } else if value.is_array() {
        "an array".into()
    } else {
        let kind = value.js_typeof().as_string().unwrap_or_default();
        if kind == "object" {
            "an object".into()
        } else {
            format!("a value of type {kind}")
        }
    }
}

fn call_id_arg(value: &JsValue) -> Result<String, String> {
    value.as_string().ok_or_else(|| format!("callId: expected a string, an edition's id such as \"2016\", got {}", describe(value)))
}

/// The answers as JSON text: a string as it is, an object through `JSON.stringify`.
fn answers_arg(value: &JsValue) -> Result<String, String> {
    if let Some(text) = value.as_string() {
        return Ok(text);
    }
    if !value.is_object() || value.is_array() || value.is_function() {
        return Err(format!("answers: expected an object, or its JSON text, got {}", describe(value)));
    }
    match js_sys::JSON::stringify(value) {
        Ok(text) => text.as_string().ok_or_else(|| "answers: cannot be written as JSON".to_string()),
        Err(e) => {
            let why = js_sys::Error::from(e).message().as_string().unwrap_or_default();
            Err(format!("answers: cannot be written as JSON ({why})"))
        }
    }
}

/// `now`: a `YYYY-MM-DDTHH:MM` text (Italian time) or a `Date`; absent, the current time in Rome.
fn now_arg(value: &JsValue) -> Result<RomeDateTime, String> {
    if value.is_undefined() || value.is_null() {
        return Ok(rome_at(js_sys::Date::now()));
    }
    if let Some(text) = value.as_string() {
        return api::parse_now(&text);
    }
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        let ms = date.get_time();
        if ms.is_finite() {
            return Ok(rome_at(ms));
        }
        return Err("now: an invalid Date".into());
    }
    Err(format!("now: expected YYYY-MM-DDTHH:MM (Italian time, e.g. 2016-04-01T10:00) or a Date, got {}", describe(value)))
}

/// Rome's wall clock at milliseconds since the epoch (UTC).
fn rome_at(ms: f64) -> RomeDateTime {
    RomeDateTime::from_unix_utc((ms / 1000.0).floor() as i64)
}

fn thrown(message: String) -> JsError {
    JsError::new(&message)
}

/// The verdict on `answers` for the edition `callId` at `now`, as JSON (what `welfare assess` prints).
#[wasm_bindgen(skip_typescript)]
pub fn assess(call_id: JsValue, answers: JsValue, now: JsValue) -> Result<String, JsError> {
    let (call_id, answers, now) =
        (call_id_arg(&call_id).map_err(thrown)?, answers_arg(&answers).map_err(thrown)?, now_arg(&now).map_err(thrown)?);
    with_rules(|rules| rules.assess(&call_id, &answers, now)).map_err(thrown)
}

/// The funded projects and partners the widget suggests for `answers`, with their reasons, as JSON.
#[wasm_bindgen(skip_typescript)]
pub fn matches(call_id: JsValue, answers: JsValue, now: JsValue) -> Result<String, JsError> {
    let (call_id, answers, now) =
        (call_id_arg(&call_id).map_err(thrown)?, answers_arg(&answers).map_err(thrown)?, now_arg(&now).map_err(thrown)?);
    with_rules(|rules| rules.matches(&call_id, &answers, now)).map_err(thrown)
}

/// The editions, with their ids, names and deadlines, as JSON.
#[wasm_bindgen(skip_typescript)]
pub fn calls() -> Result<String, JsError> {
    with_rules(|rules| rules.calls()).map_err(thrown)
}

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");
