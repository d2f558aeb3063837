use welfare_core::{Lang, Territory as TerritoryAnswers};
use yew::prelude::*;

use crate::components::autocomplete::{Autocomplete, Suggestion};
use crate::components::field::select_value;
use crate::components::question::Question;
use crate::i18n::K;
use crate::state::{Action, Step};

/// A province as the territory screen shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct ProvinceChoice {
    pub code: String,
    pub name: String,
    pub in_territory: bool,
}

#[derive(Properties, PartialEq)]
pub struct TerritoryProps {
    pub lang: Lang,
    pub provinces: Vec<ProvinceChoice>,
    pub territory: TerritoryAnswers,
    /// (ISTAT code, display name) of the chosen municipalities.
    pub chosen_municipalities: Vec<(String, String)>,
    /// Municipalities matching what is typed; a suggestion's value is "ISTAT:PROVINCE".
    pub search: Callback<String, Vec<Suggestion>>,
    /// The municipalities are still loading (with the catalog).
    #[prop_or_default]
    pub loading: bool,
    pub on_action: Callback<Action>,
}

/// Where the project takes place: provinces (any Italian one: outside the territory gets a kind,
/// clear answer and may go on), then municipalities through an accessible autocomplete.
#[component]
pub fn Territory(props: &TerritoryProps) -> Html {
    let lang = props.lang;
    let on_action = props.on_action.clone();
    let picked = use_state(String::new);
    let add_province = {
        let (picked, on_action) = (picked.clone(), on_action.clone());
        Callback::from(move |_| {
            if !picked.is_empty() {
                on_action.emit(Action::AddProvince((*picked).clone()));
                picked.set(String::new());
            }
        })
    };
    let name_of = |code: &str| props.provinces.iter().find(|p| p.code == code).map(|p| p.name.clone()).unwrap_or_else(|| code.to_string());
    let outside: Vec<String> = props
        .territory
        .provinces
        .iter()
        .filter(|code| props.provinces.iter().any(|p| p.code == **code && !p.in_territory))
        .map(|code| name_of(code))
        .collect();
    let group = |inside: bool| {
        html! {
            <optgroup label={if inside { K::TerritoryGroupIn.get(lang) } else { K::TerritoryGroupOut.get(lang) }}>
                { for props.provinces.iter().filter(|p| p.in_territory == inside).map(|p| html! {
                    <option value={p.code.clone()} selected={*picked == p.code}>{ format!("{} ({})", p.name, p.code) }</option>
                }) }
            </optgroup>
        }
    };
    let on_select = on_action.reform(|s: Suggestion| {
        let (istat, province) = s.value.split_once(':').unwrap_or((s.value.as_str(), ""));
        Action::AddMunicipality { istat: istat.to_string(), province: province.to_string() }
    });
    let loading = props.loading;
    let results_text = Callback::from(move |n: usize| match n {
        0 if loading => K::CatalogLoading.get(lang).to_string(),
        0 => K::TerritoryNoResults.get(lang).to_string(),
        n => K::TerritoryResults.fill(lang, &[&n.to_string()]),
    });

    html! {
        <Question {lang} step={Step::Territory} title={K::TerritoryTitle.get(lang)}
                  on_back={on_action.reform(|_| Action::Back)} on_continue={on_action.reform(|_| Action::Next)}>
            <p>{ K::TerritoryIntro.get(lang) }</p>
            <div class="wc-field">
                <label class="wc-label" for="wc-province">{ K::TerritoryProvince.get(lang) }</label>
                <span class="wc-hint" id="wc-province-hint">{ K::TerritoryProvinceHint.get(lang) }</span>
                <select class="wc-select" id="wc-province" aria-describedby="wc-province-hint"
                        onchange={{ let picked = picked.clone(); Callback::from(move |e: Event| picked.set(select_value(&e))) }}>
                    <option value="" selected={picked.is_empty()}>{ K::TerritoryProvinceChoose.get(lang) }</option>
                    { group(true) }
                    { group(false) }
                </select>
                <div class="wc-actions">
                    <button type="button" class="wc-button wc-button--secondary" onclick={add_province}>
                        { K::TerritoryAddProvince.get(lang) }
                    </button>
                </div>
            </div>
            if !props.territory.provinces.is_empty() {
                <h2>{ K::TerritoryChosen.get(lang) }</h2>
                <ul class="wc-chips" role="list">
                    { for props.territory.provinces.iter().map(|code| {
                        let name = name_of(code);
                        let remove = on_action.reform({ let code = code.clone(); move |_| Action::RemoveProvince(code.clone()) });
                        html! {
                            <li class="wc-chip">{ &name }
                                <button type="button" class="wc-button wc-button--link" onclick={remove}>
                                    { K::Remove.get(lang) }<span class="wc-visually-hidden">{ format!(": {name}") }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
            <div aria-live="polite">
                { for outside.iter().map(|name| html! {
                    <p class="wc-panel wc-panel--warn">{ K::TerritoryOutside.fill(lang, &[name]) }</p>
                }) }
            </div>
            <Autocomplete id="wc-municipality" label={K::TerritoryMunicipality.get(lang)} hint={K::TerritoryMunicipalityHint.get(lang)}
                          search={props.search.clone()} {results_text} {on_select} />
            if !props.chosen_municipalities.is_empty() {
                <h2>{ K::TerritoryMunicipalities.get(lang) }</h2>
                <ul class="wc-chips" role="list">
                    { for props.chosen_municipalities.iter().map(|(istat, name)| {
                        let remove = on_action.reform({ let istat = istat.clone(); move |_| Action::RemoveMunicipality(istat.clone()) });
                        html! {
                            <li class="wc-chip">{ name }
                                <button type="button" class="wc-button wc-button--link" onclick={remove}>
                                    { K::Remove.get(lang) }<span class="wc-visually-hidden">{ format!(": {name}") }</span>
                                </button>
                            </li>
                        }
                    }) }
                </ul>
            }
        </Question>
    }
}
