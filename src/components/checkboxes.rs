use welfare_core::{Lang, Text};
use yew::prelude::*;

/// A group of checkboxes over a taxonomy (needs, beneficiaries, co-financing sources): one per
/// item, checked when chosen, each toggling its item. `id` prefixes the inputs' ids.
pub fn checkboxes<T: Copy + PartialEq + 'static>(
    id: &str,
    items: &[T],
    chosen: &[T],
    lang: Lang,
    label: fn(T) -> Text,
    on_toggle: &Callback<T>,
) -> Html {
    html! {
        { for items.iter().enumerate().map(|(i, item)| {
            let item = *item;
            let input_id = format!("{id}-{i}");
            html! {
                <div class="wc-choice">
                    <input type="checkbox" id={input_id.clone()} checked={chosen.contains(&item)}
                           onchange={on_toggle.reform(move |_| item)} />
                    <label for={input_id}>{ label(item).get(lang) }</label>
                </div>
            }
        }) }
    }
}
