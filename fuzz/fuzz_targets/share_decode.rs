//! Any text as a share code: `decode` must never panic; decoded answers must survive eligibility
//! and matching against the real call and catalog, and re-encode to a code that decodes the same.
#![no_main]

use libfuzzer_sys::fuzz_target;
use welfare_core::catalog::matching::{match_all, Gaps, Limits};
use welfare_core::codec::share;

fuzz_target!(|code: &str| {
    if let Ok((call_id, answers)) = share::decode(code) {
        let call = welfare_fuzz::call_2016();
        let verdict = welfare_core::evaluate(call, &answers, welfare_fuzz::now());
        let (catalog, index) = welfare_fuzz::catalog();
        let _ = match_all(catalog, index, &answers, &Gaps::from_verdict(&verdict), Limits::default());
        // Decoded answers are already clamped: encoding them again must round-trip.
        let again = share::encode(&call_id, &answers);
        assert_eq!(share::decode(&again), Ok((call_id, answers)));
    }
});
