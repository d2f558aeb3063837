use welfare_core::engine::CompareView;
use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

/// The idea beside the funded projects: per figure, a strip of the projects' values (one tick each)
/// over their box (quartiles, median), the idea's mark, and the same in words; the table below
/// holds every number (for screen readers, and printed), so the drawing is hidden from them.
/// A plain function, not a component: it has no state, and a component costs the first load more.
pub fn compare(lang: Lang, view: &CompareView) -> Html {
    let x = |v: u16| v.to_string();
    html! {
        <section aria-labelledby="wc-compare-heading" class="wc-compare">
            <h2 id="wc-compare-heading" tabindex="-1">{ K::CompareHeading.get(lang) }</h2>
            <p>{ K::CompareIntro.get(lang) }</p>
            { for view.figures.iter().map(|f| {
                let at = |i: usize| f.at.get(i).copied().unwrap_or(500);
                let (min, q1, med, q3, max) = (at(0), at(1), at(2), at(3), at(4));
                html! {
                    <figure class="wc-compare__figure" data-figure={f.figure.id()}>
                        <figcaption>{ f.caption.get(lang) }</figcaption>
                        <svg class="wc-compare__chart" viewBox="0 0 1000 12" preserveAspectRatio="none" aria-hidden="true" focusable="false">
                            <rect class="wc-compare__whisker" x={x(min)} y="5.5" width={x(max.saturating_sub(min))} height="1" />
                            <rect class="wc-compare__box" x={x(q1)} y="3" width={x(q3.saturating_sub(q1).max(4))} height="6" />
                            <rect class="wc-compare__median" x={x(med.saturating_sub(3))} y="3" width="6" height="6" />
                            { for f.at.iter().skip(5).map(|d| html! { <rect class="wc-compare__dot" x={x(d.saturating_sub(2))} y="1" width="4" height="10" /> }) }
                            if let Some(m) = f.mark { <rect class="wc-compare__you" x={x(m.saturating_sub(9))} y="0" width="18" height="12" /> }
                        </svg>
                        <p class={classes!("wc-compare__words", f.mark.is_some().then_some("wc-compare__words--marked"))}>{ f.words.get(lang) }</p>
                    </figure>
                }
            }) }
            <table class="wc-compare__table">
                <caption>{ K::CompareTableCaption.get(lang) }</caption>
                <thead><tr>
                    { for [K::CompareColFigure, K::CompareColProjects, K::CompareColMin, K::CompareColQ1, K::CompareColMedian, K::CompareColQ3, K::CompareColMax, K::CompareColYours]
                        .map(|k| html! { <th scope="col">{ k.get(lang) }</th> }) }
                </tr></thead>
                <tbody>
                    { for view.figures.iter().map(|f| html! {
                        <tr>{ for f.row.iter().enumerate().map(|(i, c)| if i == 0 {
                            html! { <th scope="row">{ c.get(lang) }</th> }
                        } else {
                            html! { <td>{ c.get(lang) }</td> }
                        }) }</tr>
                    }) }
                </tbody>
            </table>
        </section>
    }
}
