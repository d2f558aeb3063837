use welfare_core::text::input::{parse_euros, AmountError};
use welfare_core::text::number::{percent, percent_tenths};
use welfare_core::{CofinancingSource, Lang, Money as MoneyAnswers};
use yew::prelude::*;

use crate::components::checkboxes::checkboxes;
use crate::components::field::input_value;
use crate::components::question::{FieldError, Question};
use crate::i18n::K;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct MoneyProps {
    pub lang: Lang,
    pub money: MoneyAnswers,
    pub on_action: Callback<Action>,
}

/// Cost, grant and co-financing, with the grant's share of the cost computed live. What the
/// visitor types is kept as typed until it reads as an amount; Continue checks both fields.
#[component]
pub fn Money(props: &MoneyProps) -> Html {
    let lang = props.lang;
    let on_action = props.on_action.clone();
    let shown = |v: Option<u64>| v.map(|v| v.to_string()).unwrap_or_default();
    let total = use_state(|| shown(props.money.total_cost));
    let grant = use_state(|| shown(props.money.requested_grant));
    let errors = use_state(Vec::<FieldError>::new);

    let read = move |typed: &str, field: &str| -> Result<Option<u64>, FieldError> {
        parse_euros(typed).map_err(|e| FieldError {
            field: field.to_string(),
            message: match e {
                AmountError::NotANumber => K::ErrorAmount,
                AmountError::TooLarge => K::ErrorAmountTooLarge,
            }
            .get(lang)
            .to_string(),
        })
    };
    // Keep what is typed in `mine`, and store both amounts whenever both read as amounts, so the
    // share and the verdict stay live.
    let on_input = |mine: &UseStateHandle<String>, other: &UseStateHandle<String>, mine_is_total: bool| {
        let (mine, other, on_action) = (mine.clone(), other.clone(), on_action.clone());
        Callback::from(move |e: InputEvent| {
            let value = input_value(&e);
            let (typed_total, typed_grant) =
                if mine_is_total { (value.as_str(), other.as_str()) } else { (other.as_str(), value.as_str()) };
            if let (Ok(total_cost), Ok(requested_grant)) = (parse_euros(typed_total), parse_euros(typed_grant)) {
                on_action.emit(Action::SetMoney { total_cost, requested_grant });
            }
            mine.set(value);
        })
    };
    let on_continue = {
        let (total, grant, errors, on_action) = (total.clone(), grant.clone(), errors.clone(), on_action.clone());
        Callback::from(move |_| {
            let found: Vec<FieldError> =
                [read(&total, "wc-total-cost"), read(&grant, "wc-grant")].into_iter().filter_map(Result::err).collect();
            if found.is_empty() {
                errors.set(Vec::new());
                on_action.emit(Action::Next);
            } else {
                errors.set(found);
            }
        })
    };

    let share = match (props.money.total_cost, props.money.requested_grant) {
        (Some(cost), Some(g)) if cost > 0 && g > cost => Some(K::MoneyShareOver.get(lang).to_string()),
        (Some(cost), Some(g)) => percent_tenths(g, cost).map(|grant_share| {
            let (grant, network) = (percent(grant_share), percent(1000u64.saturating_sub(grant_share)));
            K::MoneyShare.fill(lang, &[grant.get(lang), network.get(lang)])
        }),
        _ => None,
    };
    let error_for = |field: &str| errors.iter().find(|e| e.field == field).map(|e| e.message.clone());

    let amount_field = |id: &'static str, label: K, value: String, oninput: Callback<InputEvent>| {
        let error = error_for(id);
        html! {
            <div class={classes!("wc-field", error.is_some().then_some("wc-field--error"))}>
                <label class="wc-label" for={id}>{ label.get(lang) }</label>
                if let Some(message) = &error {
                    <span class="wc-error-message" id={format!("{id}-error")}>{ message }</span>
                }
                <input class="wc-input wc-input--short" id={id} type="text" inputmode="numeric" autocomplete="off"
                       spellcheck="false" {value} {oninput}
                       aria-invalid={error.is_some().to_string()}
                       aria-describedby={error.is_some().then(|| format!("{id}-error"))} />
            </div>
        }
    };

    html! {
        <Question {lang} step={Step::Money} title={K::MoneyTitle.get(lang)} errors={(*errors).clone()}
                  on_back={on_action.reform(|_| Action::Back)} {on_continue}>
            <p>{ K::MoneyIntro.get(lang) }</p>
            { amount_field("wc-total-cost", K::MoneyTotal, (*total).clone(), on_input(&total, &grant, true)) }
            { amount_field("wc-grant", K::MoneyGrant, (*grant).clone(), on_input(&grant, &total, false)) }
            <p class="wc-panel" role="status" aria-live="polite">{ share.unwrap_or_default() }</p>
            <fieldset class="wc-fieldset">
                <legend>{ K::MoneySources.get(lang) }</legend>
                { checkboxes("wc-cofinancing", &CofinancingSource::ALL, &props.money.cofinancing, lang, CofinancingSource::label,
                             &on_action.reform(Action::ToggleCofinancing)) }
            </fieldset>
        </Question>
    }
}
