//! The catalog engine (`welfare_core::catalog::engine`) as the app reaches it: one `call`, bytes in and out.
//! - The release wasm runs it as a separate module (`crates/engine`, built by `build.rs`, the file
//!   `WC_ENGINE_FILE` beside the app), fetched and compiled once a page, together with the catalog, so
//!   the catalog reader, the search index and the matching are not in the first load (issue 8).
//! - Debug builds (the browser tests) and native builds run the same engine in process.
//!
//! Either way the requests and responses are the same postcard bytes, so the tests exercise the codec
//! the release build relies on.

use welfare_core::catalog::engine::{decode_response, encode_request, Request, Response, VERSION};

/// A catalog engine: one catalog, its search index.
pub struct Engine {
    backend: backend::Backend,
}

impl Engine {
    /// An engine, ready for its catalog: in the release wasm, an instance of the engine module (fetched
    /// from `base` on the page's first call, compiled once); elsewhere, in process.
    pub async fn start(base: &str) -> Result<Engine, String> {
        let engine = Engine { backend: backend::Backend::start(base).await? };
        match engine.ask(&Request::Version) {
            Response::Version(VERSION) => Ok(engine),
            _ => Err("the catalog engine is of another version".into()),
        }
    }

    /// Starts fetching and compiling the engine module now (the release wasm), so that it downloads
    /// while the catalog does.
    pub fn prefetch(base: &str) {
        backend::prefetch(base);
    }

    /// The engine's answer; `Failed` if it could not be reached (a trap in the module, say).
    pub fn ask(&self, request: &Request) -> Response {
        match self.backend.call(&encode_request(request)) {
            Ok(bytes) => decode_response(&bytes),
            Err(e) => Response::Failed(e),
        }
    }
}

#[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
mod backend {
    use std::cell::RefCell;

    /// The engine in process.
    pub struct Backend(RefCell<welfare_core::catalog::engine::Engine>);

    impl Backend {
        pub async fn start(_base: &str) -> Result<Backend, String> {
            Ok(Backend::now())
        }

        pub fn now() -> Backend {
            Backend(RefCell::new(welfare_core::catalog::engine::Engine::new()))
        }

        pub fn call(&self, request: &[u8]) -> Result<Vec<u8>, String> {
            Ok(self.0.try_borrow_mut().map_err(|_| "the catalog engine is busy".to_string())?.handle_bytes(request))
        }
    }

    pub fn prefetch(_base: &str) {}

    impl super::Engine {
        /// An engine in process, at once (the tests).
        pub fn in_process() -> super::Engine {
            super::Engine { backend: Backend::now() }
        }
    }
}

#[cfg(all(target_arch = "wasm32", not(debug_assertions)))]
mod backend {
    use std::cell::RefCell;

    use js_sys::{Function, Object, Promise, Reflect, Uint8Array, WebAssembly};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    /// The engine module's file beside the app (named after its content by `build.rs`).
    const FILE: &str = env!("WC_ENGINE_FILE");

    thread_local! {
        /// The compiled engine module, once a page (a failed fetch is not retried: reloading does).
        static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
    }

    fn module(base: &str) -> Promise {
        MODULE.with(|m| {
            m.borrow_mut()
                .get_or_insert_with(|| {
                    let url = format!("{base}{FILE}");
                    // Resolves with the module or with why not (a string): never rejects, so a failure
                    // before anyone waits for it is not an unhandled rejection.
                    wasm_bindgen_futures::future_to_promise(async move {
                        let compiled = match crate::platform::fetch_bytes(&url, 30_000).await {
                            Ok(bytes) => JsFuture::from(WebAssembly::compile(&Uint8Array::from(bytes.as_slice()).into()))
                                .await
                                .map_err(|_| format!("{url}: not a wasm module")),
                            Err(e) => Err(format!("{url}: {e}")),
                        };
                        Ok(compiled.unwrap_or_else(JsValue::from))
                    })
                })
                .clone()
        })
    }

    pub fn prefetch(base: &str) {
        let _ = module(base);
    }

    /// An instance of the engine module: its memory and its two functions (see crates/engine).
    pub struct Backend {
        memory: WebAssembly::Memory,
        request: Function,
        call: Function,
    }

    fn export<T: JsCast>(exports: &Object, name: &str) -> Result<T, String> {
        Reflect::get(exports, &name.into())
            .ok()
            .and_then(|v| v.dyn_into::<T>().ok())
            .ok_or_else(|| format!("the catalog engine has no {name}"))
    }

    impl Backend {
        pub async fn start(base: &str) -> Result<Backend, String> {
            let unavailable = |_| format!("{base}{FILE}: the catalog engine could not be loaded");
            let module = JsFuture::from(module(base)).await.map_err(unavailable)?;
            let module: WebAssembly::Module = match module.dyn_into() {
                Ok(module) => module,
                Err(why) => return Err(why.as_string().unwrap_or_else(|| format!("{base}{FILE}: not a wasm module"))),
            };
            let instance = JsFuture::from(WebAssembly::instantiate_module(&module, &Object::new())).await.map_err(unavailable)?;
            let exports = WebAssembly::Instance::from(instance).exports();
            Ok(Backend {
                memory: export(&exports, "memory")?,
                request: export(&exports, "wc_request")?,
                call: export(&exports, "wc_call")?,
            })
        }

        /// Writes the request into the module's memory, runs it, reads the response (its length, u32
        /// little endian, then its bytes). A trap inside comes back as an error, not as a crash.
        pub fn call(&self, request: &[u8]) -> Result<Vec<u8>, String> {
            let failed = |_| "the catalog engine stopped".to_string();
            let address = |v: JsValue| v.as_f64().map(|a| a as u32).ok_or_else(|| "the catalog engine gave no address".to_string());
            let at = address(self.request.call1(&JsValue::UNDEFINED, &(request.len() as u32).into()).map_err(failed)?)?;
            // The memory may have grown (a new buffer): view it after each call.
            Uint8Array::new(&self.memory.buffer()).set(&Uint8Array::from(request), at);
            let at = address(self.call.call0(&JsValue::UNDEFINED).map_err(failed)?)?;
            let memory = Uint8Array::new(&self.memory.buffer());
            let mut len = [0u8; 4];
            if at.checked_add(4).is_none_or(|end| end > memory.length()) {
                return Err("the catalog engine's answer is out of bounds".into());
            }
            memory.subarray(at, at + 4).copy_to(&mut len);
            let len = u32::from_le_bytes(len);
            match (at + 4).checked_add(len) {
                Some(end) if end <= memory.length() => Ok(memory.subarray(at + 4, end).to_vec()),
                _ => Err("the catalog engine's answer is out of bounds".into()),
            }
        }
    }
}
