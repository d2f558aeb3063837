//! Any text as a call file: `load_call_toml` returns a call or problems, never panics. A call that
//! loads must also survive `evaluate` on empty answers.
#![no_main]

use libfuzzer_sys::fuzz_target;
use welfare_core::rules::call::load_call_toml;

fuzz_target!(|text: &str| {
    match load_call_toml("fuzz.toml", text) {
        Ok(call) => {
            let _ = welfare_core::evaluate(&call, &welfare_core::Answers::default(), welfare_fuzz::now());
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
