//! Any text as a directory export: `import_organisations_csv` imports every row or reports every bad
//! one, never panics; imported organisations have unique ids.
#![no_main]

use std::collections::HashSet;

use libfuzzer_sys::fuzz_target;
use welfare_core::catalog::import::import_organisations_csv;

fuzz_target!(|text: &str| {
    match import_organisations_csv("import.csv", text, welfare_fuzz::provinces()) {
        Ok(orgs) => {
            let ids: HashSet<&str> = orgs.iter().map(|o| o.id.as_str()).collect();
            assert_eq!(ids.len(), orgs.len(), "duplicate import ids");
        }
        Err(problems) => assert!(!problems.is_empty()),
    }
});
