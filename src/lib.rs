//! The widget: a Yew app over `welfare_core`. Components are thin; the state lives in one reducer
//! (`state`), side effects in `platform` and `hooks`, every string in `i18n`, the host's wishes in
//! `options`.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

use wasm_bindgen::prelude::*;

pub mod app;
pub mod components;
pub mod data;
pub mod engine;
pub mod hooks;
pub mod i18n;
pub mod options;
pub mod platform;
pub mod state;

use options::Options;

/// Talc, smaller than std's dlmalloc in the wasm (single-threaded: no atomics).
#[cfg(all(target_family = "wasm", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

/// Mounts the widget on the standalone page (`#welfare-check`), configured by the operator's
/// `widget.conf` (its text, fetched same-origin by `start.js`; empty when there is none) and by what
/// the page's link may choose (`Options::for_page`). On a host page nothing happens until the
/// `<welfare-check>` element calls `mount_in`.
#[wasm_bindgen]
pub fn mount_page(config_file: &str) {
    let document = gloo::utils::document();
    if let Some(root) = document.get_element_by_id("welfare-check") {
        let search = gloo::utils::window().location().search().unwrap_or_default();
        mount(root, Options::for_page(config_file, &search));
    }
}

/// Mounts the widget into `root` (inside the `<welfare-check>` element's shadow root), configured
/// by the element's attributes as a query string (`lang=it&call=2016&kiosk=1`): the host's.
#[wasm_bindgen]
pub fn mount_in(root: web_sys::Element, config: &str) {
    mount(root, Options::for_element(config));
}

fn mount(root: web_sys::Element, options: Options) {
    root.set_inner_html("");
    // The bundled catalog downloads while the first screen renders (unless a host's update is asked
    // for: it is fetched first, and the bundled one only if it fails).
    if options.catalog_url.is_none() {
        data::load_bundled_catalog(&options.asset_base, |_| ());
    }
    platform::set_root(&root);
    let kiosk = options.kiosk;
    platform::on_crash_show_screen(kiosk);
    // A debug build logs the panic's message (the release build has none) and can be told to crash, to
    // check the crash screen; the crash screen comes from the trap that follows, in every build.
    #[cfg(debug_assertions)]
    {
        std::panic::set_hook(Box::new(|info| gloo::console::error!(info.to_string())));
        #[allow(clippy::panic)]
        match options.debug_panic {
            Some(options::DebugPanic::AtMount) => panic!("debug-panic requested"),
            Some(options::DebugPanic::Later) => {
                gloo::timers::callback::Timeout::new(0, || panic!("debug-panic requested")).forget();
            }
            None => {}
        }
    }
    yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { options }).render();
}
