//! Any text as an answers file (JSON, fields optional): parsing never panics, and parsed answers,
//! raw and clamped, survive eligibility against the real 2016 call.
#![no_main]

use libfuzzer_sys::fuzz_target;
use welfare_core::source::answers::parse_answers_json;

fuzz_target!(|text: &str| {
    if let Ok(answers) = parse_answers_json(text) {
        let call = welfare_fuzz::call_2016();
        let _ = welfare_core::evaluate(call, &answers, welfare_fuzz::now());
        let _ = welfare_core::evaluate(call, &answers.clamped(), welfare_fuzz::now());
    }
});
