use welfare_core::rules::verdict::MeritScore;
use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct MeritChartProps {
    pub lang: Lang,
    pub scores: Vec<MeritScore>,
}

/// A bar chart of the merit dimensions, with its text equivalent: the list below says the same
/// (score, what drove it, advice), so the chart itself is hidden from screen readers. Each row is
/// HTML: the dimension's name wraps instead of being cut at any width, and only the bar is SVG
/// (an attribute width, so no inline style for a strict Content-Security-Policy). A dimension with
/// no answer yet says so instead of drawing a bar at 0; one answered in part is drawn lighter.
#[component]
pub fn MeritChart(props: &MeritChartProps) -> Html {
    let lang = props.lang;
    html! {
        <div class="wc-merit">
            <figure class="wc-merit__chart" aria-hidden="true">
                <div class="wc-merit__rows">
                    { for props.scores.iter().map(|s| html! {
                        <div class="wc-merit__row" data-dimension={s.id.clone()}>
                            <span class="wc-merit__label">{ s.name.get(lang) }</span>
                            <span class="wc-merit__measure">
                                if s.assessed {
                                    <span class="wc-merit__track">
                                        <svg viewBox="0 0 100 1" preserveAspectRatio="none" focusable="false">
                                            <rect width={s.score.min(100).to_string()} height="1"
                                                  class={if s.answered { "wc-merit__bar" } else { "wc-merit__bar wc-merit__bar--partial" }} />
                                        </svg>
                                    </span>
                                    <span class="wc-merit__value">{ s.score }</span>
                                } else {
                                    <span class="wc-merit__none">{ K::MeritNotAssessed.get(lang) }</span>
                                }
                            </span>
                        </div>
                    }) }
                </div>
                <figcaption>{ K::MeritChartTitle.get(lang) }</figcaption>
            </figure>
            <ul class="wc-merit__list">
                { for props.scores.iter().map(|s| html! {
                    <li data-dimension={s.id.clone()}>
                        if s.assessed {
                            <strong>{ K::MeritScoreText.fill(lang, &[s.name.get(lang), &s.score.to_string()]) }</strong>
                            if !s.answered { { " (" }{ K::MeritPartlyAssessed.get(lang) }{ ")" } }
                        } else {
                            <strong>{ K::MeritScoreNotAssessed.fill(lang, &[s.name.get(lang)]) }</strong>
                        }
                        if !s.drivers.is_empty() {
                            <ul>{ for s.drivers.iter().map(|d| html! { <li>{ d.get(lang) }</li> }) }</ul>
                        }
                        if s.score < 67 && !s.advice.get(lang).is_empty() {
                            <p>{ K::MeritAdvice.get(lang) }{ " " }{ s.advice.get(lang) }</p>
                        }
                    </li>
                }) }
            </ul>
        </div>
    }
}
