//! Any text as the npm package's answers (`welfare_rules::api`, what `assess` and `matches` read from
//! JavaScript, with the bundled calls and catalog): never panics; a refusal always names `answers` and
//! its field; accepted answers give a verdict and matches that are JSON.
#![no_main]

use std::cell::RefCell;

use libfuzzer_sys::fuzz_target;
use welfare_rules::api::{parse_now, Rules};

thread_local! {
    static RULES: RefCell<Option<Rules>> = const { RefCell::new(None) };
}

fuzz_target!(|text: &str| {
    RULES.with(|cell| {
        let mut slot = cell.borrow_mut();
        let rules = slot.get_or_insert_with(|| Rules::bundled().unwrap_or_else(|e| panic!("the bundled data: {e}")));
        let now = parse_now("2016-04-01T10:00").unwrap_or_else(|e| panic!("{e}"));
        match rules.assess("2016", text, now) {
            Ok(verdict) => {
                assert!(serde_json::from_str::<serde_json::Value>(&verdict).is_ok(), "the verdict is not JSON");
                let matches = rules.matches("2016", text, now).unwrap_or_else(|e| panic!("assess accepted, matches refused: {e}"));
                assert!(serde_json::from_str::<serde_json::Value>(&matches).is_ok(), "the matches are not JSON");
            }
            Err(e) => assert!(e.starts_with("answers: ") || e.starts_with("answers.") || e.starts_with("answers["), "{e}"),
        }
    });
});
