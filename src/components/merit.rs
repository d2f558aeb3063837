use welfare_core::rules::call::MeritDimension;
use welfare_core::Lang;
use yew::prelude::*;

use crate::components::question::Question;
use crate::i18n::K;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct MeritProps {
    pub lang: Lang,
    pub dimensions: Vec<MeritDimension>,
    pub answers: Vec<(String, u8)>,
    pub on_action: Callback<Action>,
}

/// The merit self-assessment: the call's dimensions, a few questions each, from the call file.
#[component]
pub fn Merit(props: &MeritProps) -> Html {
    let lang = props.lang;
    let on_action = props.on_action.clone();
    let answer_of = |q: &str| props.answers.iter().find(|(id, _)| id == q).map(|(_, a)| *a);
    html! {
        <Question {lang} step={Step::Merit} title={K::MeritTitle.get(lang)}
                  on_back={on_action.reform(|_| Action::Back)} on_continue={on_action.reform(|_| Action::Next)}>
            <p>{ K::MeritIntro.get(lang) }</p>
            { for props.dimensions.iter().filter(|d| !d.questions.is_empty()).map(|d| html! {
                <section aria-labelledby={format!("wc-dim-{}", d.id)}>
                    <h2 id={format!("wc-dim-{}", d.id)}>{ d.name.get(lang) }</h2>
                    <p class="wc-muted">{ d.description.get(lang) }</p>
                    { for d.questions.iter().map(|q| {
                        let current = answer_of(&q.id);
                        let name = format!("wc-q-{}", q.id);
                        let choices = q.options.iter().enumerate().map(|(i, label)| (Some(i as u8), label.get(lang).to_string()))
                            .chain(std::iter::once((None, K::MeritNotAnswered.get(lang).to_string())));
                        html! {
                            <fieldset class="wc-fieldset">
                                <legend>{ q.text.get(lang) }</legend>
                                { for choices.map(|(value, label)| {
                                    let id = format!("{name}-{}", value.map(|v| v.to_string()).unwrap_or_else(|| "none".into()));
                                    let question = q.id.clone();
                                    html! {
                                        <div class="wc-choice">
                                            <input type="radio" id={id.clone()} name={name.clone()} checked={current == value}
                                                   onchange={on_action.reform(move |_| Action::SetMerit { question: question.clone(), answer: value })} />
                                            <label for={id}>{ label }</label>
                                        </div>
                                    }
                                }) }
                            </fieldset>
                        }
                    }) }
                </section>
            }) }
        </Question>
    }
}
