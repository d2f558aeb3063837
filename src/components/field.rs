//! What a form field's event says: the value of the input or select it came from. Shared by the
//! question pages' components, which own no DOM access of their own beyond this.

use yew::TargetCast;

/// The value of the input an event came from.
pub fn input_value(e: &yew::InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// The value of the select an event came from.
pub fn select_value(e: &yew::Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}
