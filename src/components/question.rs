use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;
use crate::state::Step;

/// One field's error, for the error summary: the id of the field it links to, and the message.
#[derive(Debug, Clone, PartialEq)]
pub struct FieldError {
    pub field: String,
    pub message: String,
}

#[derive(Properties, PartialEq)]
pub struct QuestionProps {
    pub lang: Lang,
    pub step: Step,
    pub title: AttrValue,
    #[prop_or_default]
    pub errors: Vec<FieldError>,
    pub on_back: Callback<()>,
    pub on_continue: Callback<()>,
    #[prop_or_default]
    pub children: Html,
}

/// The frame of every question page (GOV.UK pattern): progress, heading, error summary, the
/// questions, then Continue and Back. Pages with a form of their own put it in the children.
#[component]
pub fn Question(props: &QuestionProps) -> Html {
    let lang = props.lang;
    let summary_ref = use_node_ref();
    // The error summary takes focus when errors appear, so they are announced and one Tab away.
    {
        let summary_ref = summary_ref.clone();
        use_effect_with(props.errors.clone(), move |errors| {
            if !errors.is_empty() {
                if let Some(el) = summary_ref.cast::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        });
    }
    let on_continue = props.on_continue.reform(|_| ());
    let on_back = props.on_back.reform(|_| ());
    html! {
        <>
            if let Some((n, total)) = props.step.progress() {
                <p class="wc-progress">{ K::StepOf.fill(lang, &[&n.to_string(), &total.to_string()]) }</p>
            }
            if !props.errors.is_empty() {
                <div class="wc-error-summary" role="alert" tabindex="-1" ref={summary_ref} aria-labelledby="wc-error-summary-title">
                    <h2 id="wc-error-summary-title">{ K::ErrorSummaryTitle.get(lang) }</h2>
                    <ul>
                        { for props.errors.iter().map(|e| html! {
                            <li><a href={format!("#{}", e.field)} onclick={focus_field(e.field.clone())}>{ &e.message }</a></li>
                        }) }
                    </ul>
                </div>
            }
            <h1 id="wc-heading" tabindex="-1">{ &props.title }</h1>
            { props.children.clone() }
            <div class="wc-actions">
                <button type="button" class="wc-button" onclick={on_continue}>{ K::Continue.get(lang) }</button>
                <button type="button" class="wc-button wc-button--link" onclick={on_back}>{ K::Back.get(lang) }</button>
            </div>
        </>
    }
}

/// A link in the error summary moves focus to its field without touching the URL (the URL's
/// fragment holds the step).
fn focus_field(id: String) -> Callback<MouseEvent> {
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        crate::platform::focus_id(&id);
    })
}
