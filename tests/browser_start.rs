//! Browser tests: the widget mounted into a real DOM in headless Chromium, clicked and asserted.
//! Run with `make test-browser` (wasm-bindgen-test-runner + chromedriver).
#![cfg(target_arch = "wasm32")]

mod common;

use common::{click, mount, text_of};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn start_page_shows_the_call_and_its_deadline_in_italian() {
    let root = mount("lang=it").await;
    let h1 = text_of(&root, "h1");
    assert!(h1.contains("Welfare di Comunità"), "heading was {h1:?}");
    let body = root.text_content().unwrap_or_default();
    assert!(body.contains("28/04/2016 ore 18:00"), "deadline missing: {body}");
    assert!(body.contains("Inizia la verifica"));
}

#[wasm_bindgen_test]
async fn language_switch_turns_the_page_english_and_sets_lang() {
    let root = mount("lang=it").await;
    click(&root, ".wc-header button").await;
    let body = root.text_content().unwrap_or_default();
    assert!(body.contains("Start the check"), "still Italian: {body}");
    assert!(body.contains("28 April 2016, 18:00"));
    let app = root.query_selector(".wc-app").ok().flatten().expect("app element");
    assert_eq!(app.get_attribute("lang").as_deref(), Some("en"));
}
