use yew::prelude::*;

use crate::components::field::input_value;

/// One suggestion: a stable value and the text shown.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    pub value: String,
    pub label: String,
}

#[derive(Properties, PartialEq)]
pub struct AutocompleteProps {
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    /// Suggestions for what is typed (the caller searches).
    pub search: Callback<String, Vec<Suggestion>>,
    /// "{} found" with the count, and "none found", for the screen-reader status.
    pub results_text: Callback<usize, String>,
    pub on_select: Callback<Suggestion>,
    /// The field's text when the caller keeps it (a member's name: free text, kept after a choice, and
    /// Enter without a chosen suggestion submits the form); `None`: the field keeps its own text and
    /// empties after a choice.
    #[prop_or_default]
    pub value: Option<AttrValue>,
    /// Every change of the text, as typed.
    #[prop_or_default]
    pub on_input: Callback<String>,
    /// What is wrong with the field, if anything (shown, and described).
    #[prop_or_default]
    pub error: Option<AttrValue>,
    #[prop_or_default]
    pub maxlength: Option<AttrValue>,
}

/// An accessible autocomplete (ARIA 1.2 combobox with a listbox popup): type, move with the arrow
/// keys, choose with Enter or a click, close with Escape. The number of results is announced.
#[component]
pub fn Autocomplete(props: &AutocompleteProps) -> Html {
    let query = use_state(String::new);
    let options = use_state(Vec::<Suggestion>::new);
    let active = use_state(|| None::<usize>);
    let id = props.id.to_string();
    let listbox_id = format!("{id}-listbox");

    let choose = {
        let (query, options, active, on_select) = (query.clone(), options.clone(), active.clone(), props.on_select.clone());
        Callback::from(move |s: Suggestion| {
            on_select.emit(s);
            query.set(String::new());
            options.set(Vec::new());
            active.set(None);
        })
    };
    let oninput = {
        let (query, options, active, search, on_input) =
            (query.clone(), options.clone(), active.clone(), props.search.clone(), props.on_input.clone());
        Callback::from(move |e: InputEvent| {
            let q = input_value(&e);
            on_input.emit(q.clone());
            options.set(if q.trim().is_empty() { Vec::new() } else { search.emit(q.clone()) });
            active.set(None);
            query.set(q);
        })
    };
    // A caller's text emptied (a member added) closes the list too.
    let text = props.value.clone().unwrap_or_else(|| (*query).clone().into());
    let typed = !text.trim().is_empty();
    let onkeydown = {
        let (options, active, choose, free_text) = (options.clone(), active.clone(), choose.clone(), props.value.is_some());
        Callback::from(move |e: KeyboardEvent| {
            let n = if typed { options.len() } else { 0 };
            match e.key().as_str() {
                "ArrowDown" if n > 0 => {
                    e.prevent_default();
                    active.set(Some(active.map(|i| (i + 1) % n).unwrap_or(0)));
                }
                "ArrowUp" if n > 0 => {
                    e.prevent_default();
                    active.set(Some(active.map(|i| (i + n - 1) % n).unwrap_or(n - 1)));
                }
                "Enter" => {
                    let pick =
                        active.filter(|_| n > 0).and_then(|i| options.get(i)).or_else(|| (n == 1).then(|| options.first()).flatten());
                    if pick.is_some() || !free_text {
                        e.prevent_default();
                    }
                    if let Some(s) = pick {
                        choose.emit(s.clone());
                    }
                }
                "Escape" => {
                    options.set(Vec::new());
                    active.set(None);
                }
                _ => {}
            }
        })
    };

    let expanded = typed && !options.is_empty();
    let active_id = active.filter(|_| expanded).map(|i| format!("{id}-option-{i}"));
    let status = if typed { props.results_text.emit(options.len()) } else { String::new() };
    let described = if props.error.is_some() { format!("{id}-hint {id}-error") } else { format!("{id}-hint") };
    html! {
        <div class={classes!("wc-field", "wc-autocomplete", props.error.is_some().then_some("wc-field--error"))}>
            <label class="wc-label" for={id.clone()}>{ &props.label }</label>
            <span class="wc-hint" id={format!("{id}-hint")}>{ &props.hint }</span>
            if let Some(error) = &props.error {
                <span class="wc-error-message" id={format!("{id}-error")}>{ error }</span>
            }
            <input class="wc-input" id={id.clone()} type="text" role="combobox" autocomplete="off" spellcheck="false"
                   aria-autocomplete="list" aria-expanded={expanded.to_string()} aria-controls={listbox_id.clone()}
                   aria-activedescendant={active_id} aria-describedby={described} aria-invalid={props.error.is_some().to_string()}
                   maxlength={props.maxlength.clone()}
                   value={text} {oninput} {onkeydown} />
            <ul class="wc-listbox" id={listbox_id} role="listbox" aria-label={props.label.clone()} hidden={!expanded}>
                { for options.iter().enumerate().map(|(i, s)| {
                    let pick = { let (choose, s) = (choose.clone(), s.clone()); Callback::from(move |_| choose.emit(s.clone())) };
                    html! {
                        <li id={format!("{id}-option-{i}")} role="option" class="wc-listbox__option"
                            aria-selected={(Some(i) == *active).to_string()} onclick={pick}>
                            { &s.label }
                        </li>
                    }
                }) }
            </ul>
            <div role="status" aria-live="polite" class="wc-visually-hidden">{ status }</div>
        </div>
    }
}
