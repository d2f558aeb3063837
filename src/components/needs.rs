use welfare_core::{Beneficiary, Lang, Limits, Need};
use yew::prelude::*;

use crate::components::checkboxes::checkboxes;
use crate::components::question::Question;
use crate::i18n::K;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct NeedsProps {
    pub lang: Lang,
    pub needs: Vec<Need>,
    pub beneficiaries: Vec<Beneficiary>,
    pub description: String,
    pub on_action: Callback<Action>,
}

/// The social need: areas from the call's taxonomy, beneficiaries, and a free-text description.
#[component]
pub fn Needs(props: &NeedsProps) -> Html {
    let lang = props.lang;
    let on_action = props.on_action.clone();
    let on_description = on_action.reform(|e: InputEvent| {
        Action::SetDescription(e.target_dyn_into::<web_sys::HtmlTextAreaElement>().map(|t| t.value()).unwrap_or_default())
    });
    html! {
        <Question {lang} step={Step::Needs} title={K::NeedsTitle.get(lang)}
                  on_back={on_action.reform(|_| Action::Back)} on_continue={on_action.reform(|_| Action::Next)}>
            <fieldset class="wc-fieldset" aria-describedby="wc-needs-hint">
                <legend>{ K::NeedsAreas.get(lang) }</legend>
                <span class="wc-hint" id="wc-needs-hint">{ K::NeedsAreasHint.get(lang) }</span>
                { checkboxes("wc-need", &Need::ALL, &props.needs, lang, Need::label, &on_action.reform(Action::ToggleNeed)) }
            </fieldset>
            <fieldset class="wc-fieldset">
                <legend>{ K::NeedsBeneficiaries.get(lang) }</legend>
                { checkboxes("wc-beneficiary", &Beneficiary::ALL, &props.beneficiaries, lang, Beneficiary::label,
                             &on_action.reform(Action::ToggleBeneficiary)) }
            </fieldset>
            <div class="wc-field">
                <label class="wc-label" for="wc-description">
                    { K::NeedsDescription.get(lang) }{ " " }<span class="wc-muted">{ K::Optional.get(lang) }</span>
                </label>
                <span class="wc-hint" id="wc-description-hint">{ K::NeedsDescriptionHint.get(lang) }</span>
                <textarea class="wc-textarea" id="wc-description" rows="6" maxlength={Limits::DESCRIPTION.to_string()}
                          aria-describedby="wc-description-hint" value={props.description.clone()}
                          oninput={on_description} />
            </div>
        </Question>
    }
}
