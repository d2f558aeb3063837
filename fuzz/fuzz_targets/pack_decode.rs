//! Any bytes as packed data (what the widget reads: its embedded calls and catalog, and a host's
//! updated catalog from `catalog="URL"`): decoding never panics. The first byte picks what follows the
//! bytes: 0 raw (any header), 1 the catalog header, 2 the calls header. A catalog that decodes and
//! validates is matched against; calls that decode and validate are evaluated.
#![no_main]

use libfuzzer_sys::fuzz_target;
use welfare_core::catalog::validate::validate_catalog;
use welfare_core::codec::pack::{self, CALLS_MAGIC, CATALOG_MAGIC};

fuzz_target!(|data: &[u8]| {
    let Some((&which, rest)) = data.split_first() else { return };
    let bytes = match which % 3 {
        0 => rest.to_vec(),
        1 => [CATALOG_MAGIC, rest].concat(),
        _ => [CALLS_MAGIC, rest].concat(),
    };
    if let Ok(catalog) = pack::decode_catalog(&bytes) {
        if validate_catalog(&catalog).is_empty() {
            welfare_fuzz::match_sample(&catalog);
        }
    }
    if let Ok(data) = pack::decode_calls(&bytes) {
        for call in data.calls {
            if welfare_core::validate(&call, "fuzz").is_empty() {
                let _ = welfare_core::evaluate(&call, &welfare_core::Answers::default(), welfare_fuzz::now());
            }
        }
    }
});
