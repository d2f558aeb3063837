//! Helpers shared by the browser tests.
#![allow(dead_code)]

use wasm_bindgen::JsCast;
use web_sys::{
    Element, Event, EventInit, HtmlElement, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement, InputEvent, KeyboardEvent,
    KeyboardEventInit,
};
use welfare_check::app::{App, AppProps};
use welfare_check::options::{Mode, Options};

/// Mounts a fresh widget, configured by the host with `query` (`key=value&…`, as element attributes), with the URL fragment
/// `fragment` and empty storage, into a new element.
pub async fn mount_at(query: &str, fragment: &str) -> Element {
    let window = gloo::utils::window();
    let _ = window.local_storage().ok().flatten().map(|s| s.clear());
    let _ = window.history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}"))));
    let document = gloo::utils::document();
    let root = document.create_element("div").expect("create div");
    gloo::utils::body().append_child(&root).expect("append");
    welfare_check::platform::set_root(&root);
    provide_catalog();
    let options = Options { mode: Mode::Standalone, ..Options::for_element(query) };
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { options }).render();
    settle().await;
    root
}

/// The bundled catalog as the app would fetch it (the test runner serves no files beside the wasm).
pub fn provide_catalog() {
    use welfare_check::data::{bundled_catalog, keep_bundled_catalog, CatalogData};
    if bundled_catalog().is_none() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
        let catalog = CatalogData::from_bundled("catalog.bin", bytes).expect("the bundled catalog reads");
        keep_bundled_catalog(std::rc::Rc::new(catalog));
    }
}

/// Mounts a fresh widget on its start page.
pub async fn mount(query: &str) -> Element {
    mount_at(query, "/").await
}

/// Lets Yew render and effects run.
pub async fn settle() {
    for _ in 0..3 {
        yew::scheduler::flush().await;
        gloo_timers::future::TimeoutFuture::new(0).await;
    }
}

pub fn find(root: &Element, selector: &str) -> Element {
    root.query_selector(selector).ok().flatten().unwrap_or_else(|| panic!("no element matches {selector}"))
}

pub fn text_of(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

pub fn all_text(root: &Element) -> String {
    root.text_content().unwrap_or_default()
}

pub async fn click(root: &Element, selector: &str) {
    find(root, selector).dyn_into::<HtmlElement>().expect("html element").click();
    settle().await;
}

/// Clicks the first button whose text contains `label`.
pub async fn click_button(root: &Element, label: &str) {
    let buttons = root.query_selector_all("button").expect("buttons");
    for i in 0..buttons.length() {
        let Some(b) = buttons.item(i).and_then(|n| n.dyn_into::<HtmlElement>().ok()) else { continue };
        if b.text_content().unwrap_or_default().contains(label) {
            b.click();
            settle().await;
            return;
        }
    }
    panic!("no button with {label:?}");
}

/// Types `value` into an input or textarea (replacing what is there) as a visitor would.
pub async fn type_into(root: &Element, selector: &str, value: &str) {
    let el = find(root, selector);
    if let Some(input) = el.dyn_ref::<HtmlInputElement>() {
        input.set_value(value);
    } else if let Some(area) = el.dyn_ref::<HtmlTextAreaElement>() {
        area.set_value(value);
    }
    let init = EventInit::new();
    init.set_bubbles(true);
    let event = InputEvent::new_with_event_init_dict("input", &web_sys::InputEventInit::new()).expect("input event");
    let _ = init;
    let _ = el.dispatch_event(&event);
    settle().await;
}

pub async fn choose(root: &Element, selector: &str, value: &str) {
    let el = find(root, selector);
    el.dyn_ref::<HtmlSelectElement>().expect("select").set_value(value);
    let init = EventInit::new();
    init.set_bubbles(true);
    let _ = el.dispatch_event(&Event::new_with_event_init_dict("change", &init).expect("change event"));
    settle().await;
}

pub async fn key(root: &Element, selector: &str, key: &str) {
    let init = KeyboardEventInit::new();
    init.set_key(key);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).expect("keydown");
    let _ = find(root, selector).dispatch_event(&event);
    settle().await;
}
