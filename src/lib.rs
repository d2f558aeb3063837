//! The widget: a Yew app over `welfare_core`. Components are thin; the state lives in one reducer
//! (`state`), side effects in `platform`, and every string in `i18n`.

pub mod app;
pub mod components;
pub mod data;
pub mod i18n;
pub mod platform;
pub mod state;

/// Mounts the widget into the element with id `welfare-check` (or the body if there is none).
pub fn mount_default() {
    let options = platform::Options::from_page();
    match gloo::utils::document().get_element_by_id("welfare-check") {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root_and_props(root, app::AppProps { options }).render();
        }
        None => {
            yew::Renderer::<app::App>::with_props(app::AppProps { options }).render();
        }
    }
}
