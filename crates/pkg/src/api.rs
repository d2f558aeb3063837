//! The package's three functions over the bundled data, in plain Rust (tested natively): JSON text in,
//! JSON text out, and every problem a message naming the input and field (`callId: …`, `answers.…: …`,
//! `now: …`). The wasm exports (`lib.rs`) only convert JavaScript values and read the clock.

use serde::Serialize;
use welfare_core::catalog::engine::{Engine, Request, Response};
use welfare_core::catalog::matching::{Gaps, Limits};
use welfare_core::codec::pack;
use welfare_core::rules::call::Call;
use welfare_core::{evaluate, RomeDateTime, Text};

use crate::answers;

/// The packed calls and provinces, and the catalog in the form the widget ships, from `build.rs`.
const CALLS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/calls.bin"));
const CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

/// The bundled data, read once: the calls at once, the catalog (and its engine) on the first match.
pub struct Rules {
    calls: Vec<Call>,
    engine: Option<Engine>,
}

/// One edition, as `calls()` lists it.
#[derive(Serialize)]
struct Edition<'a> {
    id: &'a str,
    edition: &'a Text,
    name: &'a Text,
    opening: Option<RomeDateTime>,
    deadline: RomeDateTime,
}

impl Rules {
    /// The bundled calls (validated by `build.rs`, so this fails only on a broken build).
    pub fn bundled() -> Result<Rules, String> {
        let data = pack::decode_calls(CALLS).map_err(|e| format!("the bundled calls: {e}"))?;
        Ok(Rules { calls: data.calls, engine: None })
    }

    /// The editions: id, edition, name, opening and deadline (Italian time), as JSON.
    pub fn calls(&self) -> Result<String, String> {
        let editions: Vec<Edition> = self
            .calls
            .iter()
            .map(|c| Edition { id: &c.id, edition: &c.edition, name: &c.name, opening: c.opening, deadline: c.deadline })
            .collect();
        serde_json::to_string(&editions).map_err(|e| format!("calls: {e}"))
    }

    fn call(&self, id: &str) -> Result<&Call, String> {
        self.calls.iter().find(|c| c.id == id).ok_or_else(|| {
            let ids: Vec<&str> = self.calls.iter().map(|c| c.id.as_str()).collect();
            format!("callId: no edition {} (editions: {})", serde_json::Value::String(id.to_string()), ids.join(", "))
        })
    }

    /// The verdict `welfare assess` prints, as JSON.
    pub fn assess(&self, call_id: &str, answers_json: &str, now: RomeDateTime) -> Result<String, String> {
        let call = self.call(call_id)?;
        let answers = answers::read(answers_json)?;
        serde_json::to_string(&evaluate(call, &answers, now)).map_err(|e| format!("verdict: {e}"))
    }

    /// The funded projects and the partners the widget suggests for these answers, with their reasons,
    /// as JSON (`welfare_core::catalog::engine::MatchesView`): the engine asked exactly as the app asks it, with
    /// the gaps of the verdict at `now`.
    pub fn matches(&mut self, call_id: &str, answers_json: &str, now: RomeDateTime) -> Result<String, String> {
        let call = self.call(call_id)?;
        let answers = answers::read(answers_json)?;
        let gaps = Gaps::from_verdict(&evaluate(call, &answers, now));
        let engine = match &mut self.engine {
            Some(engine) => engine,
            None => {
                let catalog = pack::decode_catalog(CATALOG).map_err(|e| format!("the bundled catalog: {e}"))?;
                self.engine.insert(Engine::with_catalog(catalog))
            }
        };
        match engine.handle(Request::Match { answers, gaps, limits: Limits::default(), message: None }) {
            Response::Matches(view) => serde_json::to_string(&view).map_err(|e| format!("matches: {e}")),
            Response::Failed(e) => Err(format!("matches: {e}")),
            _ => Err("matches: the catalog engine answered something else".into()),
        }
    }
}

/// `now` from its text: `YYYY-MM-DDTHH:MM`, Italian time.
pub fn parse_now(text: &str) -> Result<RomeDateTime, String> {
    RomeDateTime::parse(text)
        .map_err(|_| format!("now: expected YYYY-MM-DDTHH:MM (Italian time, e.g. 2016-04-01T10:00), got {}", quoted(text)))
}

/// A text as a message quotes it (JSON string syntax, cut at 40 characters).
pub fn quoted(text: &str) -> String {
    let short: String = text.chars().take(40).collect();
    let more = if short.len() < text.len() { "…" } else { "" };
    format!("{}{more}", serde_json::Value::String(short))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::Value;

    fn now() -> RomeDateTime {
        parse_now("2016-04-01T10:00").unwrap()
    }

    fn admissible() -> String {
        let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/examples/admissible.toml")).unwrap();
        let answers = welfare_core::source::answers::parse_answers_toml("admissible.toml", &text).unwrap();
        serde_json::to_string(&answers).unwrap()
    }

    #[test]
    fn calls_lists_every_edition_with_its_deadline() {
        let rules = Rules::bundled().unwrap();
        let calls: Value = serde_json::from_str(&rules.calls().unwrap()).unwrap();
        let ids: Vec<&str> = calls.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["2016", "2017"]);
        assert_eq!(calls[0]["deadline"], "2016-04-28T18:00");
        assert!(calls[0]["name"]["it"].as_str().unwrap().contains("Welfare"));
        assert!(calls[0]["edition"]["en"].is_string());
    }

    #[test]
    fn assess_gives_the_verdict_the_cli_prints() {
        let rules = Rules::bundled().unwrap();
        let json = rules.assess("2016", &admissible(), now()).unwrap();
        // The same verdict as the core's, in the same JSON.
        let calls =
            welfare_core::rules::call::load_calls_dir(std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/calls")))
                .unwrap();
        let answers = answers::read(&admissible()).unwrap();
        let expected = serde_json::to_string(&evaluate(&calls[0], &answers, now())).unwrap();
        assert_eq!(json, expected);
        let verdict: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(verdict["overall"]["kind"], "admissible");
        // After the deadline: closed.
        let late = rules.assess("2016", &admissible(), parse_now("2016-04-28T18:01").unwrap()).unwrap();
        assert_eq!(serde_json::from_str::<Value>(&late).unwrap()["closed"], true);
    }

    #[test]
    fn matches_gives_projects_and_partners_with_reasons() {
        let mut rules = Rules::bundled().unwrap();
        let json = rules.matches("2016", &admissible(), now()).unwrap();
        let view: Value = serde_json::from_str(&json).unwrap();
        let projects = view["projects"].as_array().unwrap();
        let partners = view["partners"].as_array().unwrap();
        assert!(!projects.is_empty() && !partners.is_empty());
        for card in projects.iter().chain(partners) {
            assert!(!card["name"].as_str().unwrap().is_empty());
            assert!(!card["reasons"].as_array().unwrap().is_empty(), "{card}");
        }
        // No suggestion is already in the network.
        assert!(partners.iter().all(|p| p["name"] != "Comune di Lecco"));
        // The engine is kept: a second call answers the same.
        assert_eq!(rules.matches("2016", &admissible(), now()).unwrap(), json);
        // Nothing answered yet: still suggestions (what the call needs), no error.
        assert!(rules.matches("2017", "{}", now()).is_ok());
    }

    #[test]
    fn bad_input_names_the_input() {
        let mut rules = Rules::bundled().unwrap();
        assert_eq!(rules.assess("2099", "{}", now()).unwrap_err(), "callId: no edition \"2099\" (editions: 2016, 2017)");
        assert_eq!(rules.matches("", "{}", now()).unwrap_err(), "callId: no edition \"\" (editions: 2016, 2017)");
        assert!(rules.assess("2016", "{", now()).unwrap_err().starts_with("answers: not valid JSON"));
        assert!(rules
            .matches("2016", "{\"members\":[{\"kind\":\"x\"}]}", now())
            .unwrap_err()
            .starts_with("answers.members[0].kind: unknown kind \"x\""));
        for bad in ["", "2016-04-01", "2016-04-31T10:00", "tomorrow", "2016-04-01T10:00Z"] {
            assert!(parse_now(bad).unwrap_err().starts_with("now: expected YYYY-MM-DDTHH:MM"), "{bad}");
        }
        assert!(parse_now("2016-04-01 10:00").is_ok());
        assert_eq!(quoted(&"x".repeat(50)), format!("\"{}\"…", "x".repeat(40)));
    }
}
