//! `welfare_core::catalog::engine::Engine` as a wasm module with no imports: the widget fetches it with the
//! catalog once its start page is up (see `src/engine.rs` in the app), so the catalog reader, the
//! search index and the matching are not part of the widget's first load.
//!
//! The calling convention, over the module's own memory (`memory` export):
//! 1. `wc_request(len) -> ptr`: room for a request of `len` bytes; the caller writes it at `ptr`;
//! 2. `wc_call() -> ptr`: handles that request; at `ptr`, the response's length (u32, little
//!    endian) then the response (postcard, `welfare_core::catalog::engine::Response`), valid until the next call.
//!
//! One engine (one catalog) per instance. No `unsafe`: the caller writes and reads the buffers
//! through the memory export; Rust only hands out their addresses. A panic is a trap, which the
//! caller sees as an exception and reports as "the suggestions are unavailable".

use std::cell::RefCell;

use welfare_core::catalog::engine::Engine;

thread_local! {
    static ENGINE: RefCell<Engine> = RefCell::new(Engine::new());
    static REQUEST: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    static RESPONSE: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
}

/// Room for a request of `len` bytes (zeroed), at the returned address.
#[no_mangle]
pub extern "C" fn wc_request(len: usize) -> *mut u8 {
    REQUEST.with(|r| {
        let mut r = r.borrow_mut();
        r.clear();
        r.resize(len, 0);
        r.as_mut_ptr()
    })
}

/// Handles the request written at `wc_request`'s address; returns the response's address.
#[no_mangle]
pub extern "C" fn wc_call() -> *const u8 {
    let request = REQUEST.with(|r| std::mem::take(&mut *r.borrow_mut()));
    let response = ENGINE.with(|e| e.borrow_mut().handle_bytes(&request));
    RESPONSE.with(|r| {
        let mut r = r.borrow_mut();
        r.clear();
        r.extend_from_slice(&(response.len() as u32).to_le_bytes());
        r.extend_from_slice(&response);
        r.as_ptr()
    })
}

/// The request buffer, for callers in the same process (the tests): what `wc_request` made room for.
pub fn request_buffer(bytes: &[u8]) {
    REQUEST.with(|r| *r.borrow_mut() = bytes.to_vec());
}

/// The last response (without its length prefix), for callers in the same process.
pub fn last_response() -> Vec<u8> {
    RESPONSE.with(|r| r.borrow().get(4..).map(<[u8]>::to_vec).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use welfare_core::catalog::engine::{decode_response, encode_request, Request, Response, VERSION};

    #[test]
    fn the_exports_carry_a_request_and_its_response() {
        let request = encode_request(&Request::Version);
        let at = wc_request(request.len());
        assert!(!at.is_null());
        request_buffer(&request);
        let response = wc_call();
        assert!(!response.is_null());
        let bytes = last_response();
        let len = RESPONSE.with(|r| u32::from_le_bytes(r.borrow()[..4].try_into().unwrap()));
        assert_eq!(len as usize, bytes.len());
        assert_eq!(decode_response(&bytes), Response::Version(VERSION));
        // Without a catalog, a search fails in words, and the module goes on answering.
        request_buffer(&encode_request(&Request::SearchMunicipalities { query: "lecco".into(), limit: 3 }));
        wc_call();
        assert!(matches!(decode_response(&last_response()), Response::Failed(_)));
    }
}
