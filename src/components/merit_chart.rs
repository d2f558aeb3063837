use welfare_core::verdict::MeritScore;
use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct MeritChartProps {
    pub lang: Lang,
    pub scores: Vec<MeritScore>,
}

/// A bar chart of the merit dimensions in SVG, with its text equivalent: the list beside it says
/// the same (score, what drove it, advice), so the chart itself is hidden from screen readers.
#[component]
pub fn MeritChart(props: &MeritChartProps) -> Html {
    let lang = props.lang;
    const ROW: i32 = 36;
    const LABEL: i32 = 170;
    const BAR: i32 = 300;
    let height = ROW * props.scores.len() as i32 + 8;
    html! {
        <div class="wc-merit">
            <figure class="wc-merit__chart" aria-hidden="true">
                <svg viewBox={format!("0 0 {} {height}", LABEL + BAR + 60)} width="100%" role="presentation" focusable="false">
                    { for props.scores.iter().enumerate().map(|(i, s)| {
                        let y = i as i32 * ROW + 4;
                        let width = BAR * i32::from(s.score.min(100)) / 100;
                        html! {
                            <g>
                                <text x="0" y={(y + 22).to_string()} class="wc-merit__label">{ s.name.get(lang) }</text>
                                <rect x={LABEL.to_string()} y={y.to_string()} width={BAR.to_string()} height="26" class="wc-merit__track" />
                                <rect x={LABEL.to_string()} y={y.to_string()} width={width.to_string()} height="26"
                                      class={if s.answered { "wc-merit__bar" } else { "wc-merit__bar wc-merit__bar--partial" }} />
                                <text x={(LABEL + BAR + 8).to_string()} y={(y + 22).to_string()} class="wc-merit__value">{ s.score }</text>
                            </g>
                        }
                    }) }
                </svg>
                <figcaption>{ K::MeritChartTitle.get(lang) }</figcaption>
            </figure>
            <ul class="wc-merit__list">
                { for props.scores.iter().map(|s| html! {
                    <li>
                        <strong>{ K::MeritScoreText.fill(lang, &[s.name.get(lang), &s.score.to_string()]) }</strong>
                        if !s.answered { { " (" }{ K::MeritNotAssessed.get(lang) }{ ")" } }
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
