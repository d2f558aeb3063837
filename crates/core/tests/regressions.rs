//! Regression tests for what fuzzing and the broken-data fixtures found (issue 7). Each feeds the
//! exact input that went wrong, natively, so `cargo test` keeps it fixed without a fuzzer.
#![cfg(feature = "source")]

use welfare_core::catalog;
use welfare_core::cases::parse_answers_json;
use welfare_core::share::{self, ShareError};
use welfare_core::Answers;

/// Found by `broken_data.rs` (crafted share codes): postcard ignores bytes after the value, so two
/// links pasted together (`w1.<payload><payload>`) decoded as the first one. Now `Damaged`.
#[test]
fn share_code_with_trailing_bytes_is_damaged() {
    let good = share::encode("2016", &Answers { description: "Giovani e lavoro".into(), ..Answers::default() });
    let payload = good.strip_prefix("w1.").unwrap();
    assert!(share::decode(&good).is_ok());
    // Three base64 characters more always decode to at least one more byte.
    for extra in ["AAAA", "AAA", payload] {
        let code = format!("{good}{extra}");
        assert_eq!(share::decode(&code), Err(ShareError::Damaged), "{code}");
    }
}

/// Found by the `organisations-bom.json` fixture: a catalog JSON file saved with a byte-order mark
/// gave "expected value at line 1 column 1" instead of its real problems (CSV already skipped it).
#[test]
fn json_with_a_byte_order_mark_is_read() {
    let text = "\u{feff}[]";
    assert_eq!(catalog::parse_projects("projects.json", text), Ok(Vec::new()));
    assert_eq!(catalog::parse_organisations("organisations.json", text), Ok(Vec::new()));
    assert_eq!(parse_answers_json("\u{feff}{\"description\": \"x\"}").map(|a| a.description), Ok("x".to_string()));
}
