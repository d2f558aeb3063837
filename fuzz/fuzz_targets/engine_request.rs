//! Any bytes as a request to the catalog engine (`welfare_core::catalog::engine`, the second wasm module the
//! widget talks to): `Engine::handle_bytes` never panics, whatever the request, and always answers
//! with a response that decodes. The engine starts with the real catalog; a `Load` of fuzzed bytes
//! that happens to validate replaces it, as it would in the widget.
#![no_main]

use std::sync::{Mutex, OnceLock};

use libfuzzer_sys::fuzz_target;
use welfare_core::catalog::engine::{decode_response, Engine, Response};

fn engine() -> &'static Mutex<Engine> {
    static ENGINE: OnceLock<Mutex<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| Mutex::new(Engine::with_catalog(welfare_fuzz::catalog().0.clone())))
}

fuzz_target!(|data: &[u8]| {
    let Ok(mut engine) = engine().lock() else { return };
    let response = engine.handle_bytes(data);
    // An answer always decodes: a bad request gets `Failed`, never garbage.
    assert!(!matches!(decode_response(&response), Response::Failed(ref e) if e.starts_with("unreadable answer")));
});
