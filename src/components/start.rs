use std::rc::Rc;

use welfare_core::rules::call::Call;
use welfare_core::time::RomeDateTime;
use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct StartProps {
    pub lang: Lang,
    pub call: Rc<Call>,
    pub now: RomeDateTime,
    pub on_start: Callback<()>,
}

/// The start page: what the call is, who may apply, what the check covers and takes, the deadline.
#[component]
pub fn Start(props: &StartProps) -> Html {
    let lang = props.lang;
    let call = &props.call;
    let closed = props.now > call.deadline;
    let deadline = match lang {
        Lang::It => call.deadline.format_it(),
        Lang::En => call.deadline.format_en(),
    };
    let onclick = props.on_start.reform(|_| ());
    html! {
        <>
            <h1 id="wc-heading" tabindex="-1">{ call.name.get(lang) }</h1>
            <p class="wc-caption">{ call.edition.get(lang) }</p>
            <p class="wc-lead">{ K::StartLead.fill(lang, &[call.name.get(lang)]) }</p>
            if closed {
                <div class="wc-panel wc-panel--warn" role="note">
                    <p>{ K::StartDeadline.fill(lang, &[&deadline]) }</p>
                    <p><strong>{ K::StartClosed.fill(lang, &[call.edition.get(lang)]) }</strong></p>
                </div>
            } else {
                <div class="wc-panel" role="note">
                    <p><strong>{ K::StartDeadline.fill(lang, &[&deadline]) }</strong></p>
                </div>
            }
            <h2>{ K::StartWhoHeading.get(lang) }</h2>
            <p>{ K::StartWho.get(lang) }</p>
            <h2>{ K::StartWhatHeading.get(lang) }</h2>
            <ul>
                <li>{ K::StartWhat1.get(lang) }</li>
                <li>{ K::StartWhat2.get(lang) }</li>
                <li>{ K::StartWhat3.get(lang) }</li>
            </ul>
            <h2>{ K::StartTimeHeading.get(lang) }</h2>
            <p>{ K::StartTime.get(lang) }</p>
            <p class="wc-muted">{ K::StartNoteAssumed.get(lang) }</p>
            <div class="wc-actions">
                <button type="button" class="wc-button wc-button--start" {onclick}>
                    { K::StartButton.get(lang) }
                    <span aria-hidden="true">{ "→" }</span>
                </button>
            </div>
        </>
    }
}
