use welfare_core::text::number::euros as in_euros;
use welfare_core::{Answers, Lang};
use yew::prelude::*;

use crate::i18n::K;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct ReviewProps {
    pub lang: Lang,
    pub answers: Answers,
    /// Display names: provinces and municipalities of the territory, already resolved.
    pub province_names: Vec<String>,
    pub municipality_names: Vec<String>,
    pub merit_questions: usize,
    pub on_action: Callback<Action>,
}

/// Check your answers: everything on one page, each row with a link back to its question.
#[component]
pub fn Review(props: &ReviewProps) -> Html {
    let lang = props.lang;
    let a = &props.answers;
    let on_action = props.on_action.clone();
    let none = || K::ReviewNotAnswered.get(lang).to_string();
    let list = |items: Vec<String>| if items.is_empty() { none() } else { items.join(", ") };
    let euros = |v: Option<u64>| v.map(|v| in_euros(v).get(lang).to_string()).unwrap_or_else(none);

    let row = |label: K, value: Html, step: Step| {
        let change = on_action.reform(move |_| Action::Go(step));
        html! {
            <div class="wc-summary__row">
                <dt>{ label.get(lang) }</dt>
                <dd>{ value }</dd>
                <dd>
                    <button type="button" class="wc-button wc-button--link" onclick={change}>
                        { K::ReviewChange.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", label.get(lang)) }</span>
                    </button>
                </dd>
            </div>
        }
    };
    let members = if a.members.is_empty() {
        html! { none() }
    } else {
        html! {
            <ul class="wc-reasons">
                { for a.members.iter().map(|m| html! {
                    <li>{ &m.name }{ " — " }{ m.kind.map(|k| k.label().get(lang).to_string()).unwrap_or_else(none) }</li>
                }) }
            </ul>
        }
    };
    let answered = a.merit.len().min(props.merit_questions);

    html! {
        <>
            <h1 id="wc-heading" tabindex="-1">{ K::ReviewTitle.get(lang) }</h1>
            <p>{ K::ReviewIntro.get(lang) }</p>
            <dl class="wc-summary">
                { row(K::ReviewProvinces, html! { list(props.province_names.clone()) }, Step::Territory) }
                { row(K::ReviewMunicipalities, html! { list(props.municipality_names.clone()) }, Step::Territory) }
                { row(K::ReviewMembers, members, Step::Network) }
                { row(K::ReviewLead, html! { a.lead_member().map(|m| m.name.clone()).unwrap_or_else(none) }, Step::Network) }
                { row(K::ReviewNeeds, html! { list(a.needs.iter().map(|n| n.label().get(lang).to_string()).collect()) }, Step::Needs) }
                { row(K::ReviewBeneficiaries, html! { list(a.beneficiaries.iter().map(|b| b.label().get(lang).to_string()).collect()) }, Step::Needs) }
                { row(K::ReviewDescription, html! { { if a.description.trim().is_empty() { none() } else { a.description.clone() } } }, Step::Needs) }
                { row(K::ReviewCost, html! { euros(a.money.total_cost) }, Step::Money) }
                { row(K::ReviewGrant, html! { euros(a.money.requested_grant) }, Step::Money) }
                { row(K::ReviewCofinancing, html! { list(a.money.cofinancing.iter().map(|c| c.label().get(lang).to_string()).collect()) }, Step::Money) }
                { row(K::ReviewMerit, html! { K::ReviewMeritCount.fill(lang, &[&answered.to_string(), &props.merit_questions.to_string()]) }, Step::Merit) }
            </dl>
            <div class="wc-actions">
                <button type="button" class="wc-button" onclick={on_action.reform(|_| Action::Go(Step::Result))}>{ K::ReviewSubmit.get(lang) }</button>
                <button type="button" class="wc-button wc-button--link" onclick={on_action.reform(|_| Action::Back)}>{ K::Back.get(lang) }</button>
            </div>
        </>
    }
}
