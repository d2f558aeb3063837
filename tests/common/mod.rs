//! Helpers shared by the browser tests.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};
use welfare_check::app::{App, AppProps};
use welfare_check::options::Options;

/// Mounts a fresh widget, configured as by the query string `query`, into a new element.
pub async fn mount(query: &str) -> Element {
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body().append_child(&root).expect("append");
    let options = Options::from_query(query);
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { options }).render();
    yew::scheduler::flush().await;
    root
}

pub fn text_of(root: &Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub async fn click(root: &Element, selector: &str) {
    let el = root
        .query_selector(selector)
        .ok()
        .flatten()
        .unwrap_or_else(|| panic!("no element matches {selector}"));
    el.dyn_into::<HtmlElement>().expect("html element").click();
    yew::scheduler::flush().await;
}
