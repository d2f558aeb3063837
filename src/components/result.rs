use std::rc::Rc;

use welfare_core::rules::call::Call;
use welfare_core::rules::verdict::{Confidence, CriterionResult, Overall, Status, Verdict};
use welfare_core::Lang;
use yew::prelude::*;

use crate::components::merit_chart::MeritChart;
use crate::i18n::K;
use crate::state::{step_for_rule, Action, Step};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub lang: Lang,
    pub verdict: Verdict,
    pub call: Rc<Call>,
    /// The matched projects and partners, rendered by the caller.
    #[prop_or_default]
    pub matches: Html,
    /// Share, print, forget: rendered by the caller.
    #[prop_or_default]
    pub tools: Html,
    /// What adding a suggested partner changed, with its undo: rendered by the caller, under the verdict.
    #[prop_or_default]
    pub added: Html,
    /// In kiosk mode no link leaves the app.
    #[prop_or_default]
    pub kiosk: bool,
    pub on_action: Callback<Action>,
}

/// The result: the overall verdict first, a list of the page's sections ("On this page"), then
/// criteria not met (with remedy), unanswered, met; the merit chart; matches; next steps and the
/// official documents.
#[component]
pub fn ResultPage(props: &ResultProps) -> Html {
    let lang = props.lang;
    let v = &props.verdict;
    let (class, label) = match v.overall {
        Overall::Admissible => ("wc-panel wc-panel--ok", K::ResultAdmissible),
        Overall::NotYetAdmissible { .. } => ("wc-panel wc-panel--error", K::ResultNotYet),
        Overall::Incomplete { .. } => ("wc-panel wc-panel--warn", K::ResultIncomplete),
    };
    let gating = |status: Status| v.criteria.iter().filter(move |c| c.gating && c.status == status).collect::<Vec<_>>();
    let not_met = gating(Status::NotMet);
    let unanswered = gating(Status::Unanswered);
    let met = gating(Status::Met);
    let other: Vec<&CriterionResult> = v.criteria.iter().filter(|c| !c.gating).collect();
    let section = |heading: &str, items: Vec<&CriterionResult>, id: &str| {
        if items.is_empty() {
            return html! {};
        }
        html! {
            <section id={id.to_string()} aria-labelledby={format!("{id}-heading")}>
                <h2 id={format!("{id}-heading")} tabindex="-1">{ heading }</h2>
                { for items.into_iter().map(|c| criterion(c, &props.call, lang, &props.on_action)) }
            </section>
        }
    };

    let not_met_heading = K::ResultNotMetHeading.fill(lang, &[&not_met.len().to_string()]);
    let unanswered_heading = K::ResultUnansweredHeading.fill(lang, &[&unanswered.len().to_string()]);
    let met_heading = K::ResultMetHeading.fill(lang, &[&met.len().to_string()]);
    let other_heading = K::ResultMeritCriteriaHeading.get(lang);
    // The page's contents, in the order of its sections (those shown): each link moves focus to its
    // heading. The URL fragment holds the step, and the page may be inside a shadow root, so this is
    // focus, not `#fragment` navigation. The matches' heading is there with or without a catalog.
    let contents: Vec<(&str, String)> = [
        (!not_met.is_empty()).then(|| ("wc-not-met-heading", not_met_heading.clone())),
        (!unanswered.is_empty()).then(|| ("wc-unanswered-heading", unanswered_heading.clone())),
        (!met.is_empty()).then(|| ("wc-met-heading", met_heading.clone())),
        (!other.is_empty()).then(|| ("wc-other-criteria-heading", other_heading.to_string())),
        Some(("wc-merit-heading", K::MeritHeading.get(lang).to_string())),
        Some(("wc-partners-heading", K::ResultNavMatches.get(lang).to_string())),
        Some(("wc-next-heading", K::NextStepsHeading.get(lang).to_string())),
    ]
    .into_iter()
    .flatten()
    .collect();

    html! {
        <>
            <h1 id="wc-heading" tabindex="-1">{ K::ResultTitle.get(lang) }</h1>
            <div class={class} id="wc-verdict">
                <p class="wc-verdict__label"><strong>{ label.get(lang) }</strong></p>
                <p>{ v.headline.get(lang) }</p>
                if v.closed { <p>{ K::ResultClosedNote.get(lang) }</p> }
            </div>
            { props.added.clone() }
            <nav class="wc-toc wc-no-print" aria-labelledby="wc-toc-heading">
                <h2 id="wc-toc-heading">{ K::OnThisPage.get(lang) }</h2>
                <ul>
                    { for contents.into_iter().map(|(id, label)| html! {
                        <li><a href={format!("#{id}")} onclick={Callback::from(move |e: MouseEvent| {
                            e.prevent_default();
                            crate::platform::focus_id(id);
                        })}>{ label }</a></li>
                    }) }
                </ul>
            </nav>
            { props.tools.clone() }
            { section(&not_met_heading, not_met, "wc-not-met") }
            { section(&unanswered_heading, unanswered, "wc-unanswered") }
            { section(&met_heading, met, "wc-met") }
            { section(other_heading, other, "wc-other-criteria") }
            <section aria-labelledby="wc-merit-heading">
                <h2 id="wc-merit-heading" tabindex="-1">{ K::MeritHeading.get(lang) }</h2>
                <MeritChart {lang} scores={v.merit.clone()} />
            </section>
            { props.matches.clone() }
            <section aria-labelledby="wc-next-heading">
                <h2 id="wc-next-heading" tabindex="-1">{ K::NextStepsHeading.get(lang) }</h2>
                <ol>
                    <li>{ K::NextSteps1.get(lang) }</li>
                    <li>{ K::NextSteps2.get(lang) }</li>
                    <li>{ K::NextSteps3.get(lang) }</li>
                </ol>
                if !props.call.documents.is_empty() && !props.kiosk {
                    <h3>{ K::DocumentsHeading.get(lang) }</h3>
                    <ul>
                        { for props.call.documents.iter().map(|d| html! {
                            <li class="wc-external"><a href={d.url.clone()} target="_blank" rel="noopener noreferrer">
                                { d.label.get(lang) }<span class="wc-visually-hidden">{ " " }{ K::OpensNewTab.get(lang) }</span>
                            </a></li>
                        }) }
                    </ul>
                }
            </section>
        </>
    }
}

fn criterion(c: &CriterionResult, call: &Call, lang: Lang, on_action: &Callback<Action>) -> Html {
    let (tag_class, tag) = match c.status {
        Status::Met => ("wc-tag wc-tag--met", K::StatusMet),
        Status::NotMet => ("wc-tag wc-tag--not-met", K::StatusNotMet),
        Status::Unanswered => ("wc-tag wc-tag--unanswered", K::StatusUnanswered),
    };
    let step = call.criterion(&c.id).map(|k| step_for_rule(&k.rule)).unwrap_or(Step::Start);
    html! {
        <div class="wc-card wc-criterion" id={format!("wc-criterion-{}", c.id)}>
            <h3>
                { c.name.get(lang) }{ " " }<span class={tag_class}>{ tag.get(lang) }</span>
                if c.confidence == Confidence::Assumed { { " " }<span class="wc-tag wc-tag--assumed">{ K::ResultLikely.get(lang) }</span> }
            </h3>
            <p>{ c.explanation.get(lang) }</p>
            if let Some(remedy) = &c.remedy_text {
                <p class="wc-remedy"><strong>{ K::ResultHowToFix.get(lang) }</strong>{ " " }{ remedy.get(lang) }</p>
            }
            if let Some(note) = &c.note { <p class="wc-muted">{ note.get(lang) }</p> }
            if c.status == Status::NotMet && c.remedy.as_ref().is_some_and(welfare_core::rules::verdict::Remedy::concerns_partners) {
                <p class="wc-no-print"><a href="#wc-partners" onclick={Callback::from(|e: MouseEvent| { e.prevent_default(); crate::platform::focus_id("wc-partners-heading"); })}>{ K::ResultSeePartners.get(lang) }</a></p>
            }
            if c.status == Status::Unanswered && step != Step::Start {
                <p class="wc-no-print">
                    <button type="button" class="wc-button wc-button--link" onclick={on_action.reform(move |_| Action::Go(step))}>
                        { K::ResultAnswer.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", c.name.get(lang)) }</span>
                    </button>
                </p>
            }
        </div>
    }
}
