use welfare_core::call::Call;
use welfare_core::verdict::{Confidence, CriterionResult, Overall, Status, Verdict};
use welfare_core::Lang;
use yew::prelude::*;

use crate::components::merit_chart::MeritChart;
use crate::i18n::K;
use crate::state::{step_for_rule, Action, Step};

#[derive(Properties, PartialEq)]
pub struct ResultProps {
    pub lang: Lang,
    pub verdict: Verdict,
    pub call: Call,
    /// The matched projects and partners, rendered by the caller.
    #[prop_or_default]
    pub matches: Html,
    /// Share, print, forget: rendered by the caller.
    #[prop_or_default]
    pub tools: Html,
    /// In kiosk mode no link leaves the app.
    #[prop_or_default]
    pub kiosk: bool,
    pub on_action: Callback<Action>,
}

/// The result: the overall verdict first, then criteria not met (with remedy), unanswered, met;
/// the merit chart; matches; next steps and the official documents.
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
    let section = |heading: String, items: Vec<&CriterionResult>, id: &str| {
        if items.is_empty() {
            return html! {};
        }
        html! {
            <section id={id.to_string()} aria-labelledby={format!("{id}-heading")}>
                <h2 id={format!("{id}-heading")}>{ heading }</h2>
                { for items.into_iter().map(|c| criterion(c, &props.call, lang, &props.on_action)) }
            </section>
        }
    };

    html! {
        <>
            <h1 id="wc-heading" tabindex="-1">{ K::ResultTitle.get(lang) }</h1>
            <div class={class} id="wc-verdict">
                <p class="wc-verdict__label"><strong>{ label.get(lang) }</strong></p>
                <p>{ v.headline.get(lang) }</p>
                if v.closed { <p>{ K::ResultClosedNote.get(lang) }</p> }
            </div>
            { props.tools.clone() }
            { section(K::ResultNotMetHeading.fill(lang, &[&not_met.len().to_string()]), not_met, "wc-not-met") }
            { section(K::ResultUnansweredHeading.fill(lang, &[&unanswered.len().to_string()]), unanswered, "wc-unanswered") }
            { section(K::ResultMetHeading.fill(lang, &[&met.len().to_string()]), met, "wc-met") }
            { section(K::ResultMeritCriteriaHeading.get(lang).to_string(), other, "wc-other-criteria") }
            <section aria-labelledby="wc-merit-heading">
                <h2 id="wc-merit-heading">{ K::MeritHeading.get(lang) }</h2>
                <MeritChart {lang} scores={v.merit.clone()} />
            </section>
            { props.matches.clone() }
            <section aria-labelledby="wc-next-heading">
                <h2 id="wc-next-heading">{ K::NextStepsHeading.get(lang) }</h2>
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
            if c.status == Status::NotMet && matches!(c.remedy, Some(welfare_core::verdict::Remedy::AddMembers { .. }) | Some(welfare_core::verdict::Remedy::ChangeLead { .. })) {
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
