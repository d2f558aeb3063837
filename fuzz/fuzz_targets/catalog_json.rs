//! Any bytes as projects.json or organisations.json: parsing never panics; whatever parses is put
//! into a copy of the real catalog and validated, and a catalog with no problems is matched against.
#![no_main]

use libfuzzer_sys::fuzz_target;
use welfare_core::catalog::import::{parse_organisations, parse_projects};
use welfare_core::catalog::validate::validate_catalog;

fuzz_target!(|data: &[u8]| {
    // The first byte picks the file; the rest is its content (lossy UTF-8, like a file read as text).
    let Some((&which, rest)) = data.split_first() else { return };
    let text = String::from_utf8_lossy(rest);
    let (real, _) = welfare_fuzz::catalog();
    // Clone the real catalog only for what parses (most inputs do not: keeps the target fast).
    let catalog = if which % 2 == 0 {
        match parse_projects("projects.json", &text) {
            Ok(projects) => welfare_core::catalog::Catalog { projects, ..real.clone() },
            Err(problems) => return assert!(!problems.is_empty()),
        }
    } else {
        match parse_organisations("organisations.json", &text) {
            Ok(organisations) => welfare_core::catalog::Catalog { organisations, ..real.clone() },
            Err(problems) => return assert!(!problems.is_empty()),
        }
    };
    if validate_catalog(&catalog).is_empty() {
        welfare_fuzz::match_sample(&catalog);
    }
});
