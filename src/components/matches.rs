use welfare_core::catalog::engine::{MatchesView, PartnerCard};
use welfare_core::{Lang, Text};
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct MatchesProps {
    pub lang: Lang,
    pub matches: MatchesView,
    /// In kiosk mode no link leaves the app.
    #[prop_or_default]
    pub offline_links: bool,
    /// "Add to the network" on each suggested partner: the card chosen.
    #[prop_or_default]
    pub on_add: Option<Callback<PartnerCard>>,
}

/// Matched funded projects and partner suggestions, each with the reasons that ranked it.
#[component]
pub fn Matches(props: &MatchesProps) -> Html {
    let lang = props.lang;
    let reasons = |reasons: &[Text]| {
        html! {
            <>
                <p class="wc-why">{ K::MatchWhy.get(lang) }</p>
                <ul class="wc-reasons">{ for reasons.iter().map(|r| html! { <li>{ r.get(lang) }</li> }) }</ul>
            </>
        }
    };
    let source = |url: Option<&String>| match url {
        Some(url) if !props.offline_links => html! {
            <p class="wc-source"><a href={url.clone()} target="_blank" rel="noopener noreferrer">
                { K::MatchSource.get(lang) }<span class="wc-visually-hidden">{ " " }{ K::OpensNewTab.get(lang) }</span>
            </a></p>
        },
        _ => html! {},
    };
    // The engine's draft of a first message (none on a kiosk).
    let message = |id: String, name: &str, draft: Option<&Text>| match draft {
        Some(draft) => draft_box(lang, id, name, draft.get(lang).to_string()),
        None => html! {},
    };
    let projects = props.matches.projects.iter().map(|p| {
        html! {
            <li class="wc-card wc-match" key={p.id.clone()}>
                <h3>{ &p.name }</h3>
                <p class="wc-muted">
                    { K::MatchEdition.fill(lang, &[&p.edition_year.to_string()]) }{ " · " }{ p.provinces.join(", ") }
                    if !p.verified { { " · " }{ K::MatchUnverified.get(lang) } }
                </p>
                <p>{ p.summary.get(lang) }</p>
                { reasons(&p.reasons) }
                { source(p.source.as_ref()) }
                { message(format!("wc-draft-{}", p.id), &p.name, p.draft.as_ref()) }
            </li>
        }
    });
    let partners = props.matches.partners.iter().enumerate().map(|(i, m)| {
        html! {
            <li class="wc-card wc-match">
                <h3>{ &m.name }</h3>
                <p class="wc-muted">
                    { m.kind.label().get(lang) }
                    if !m.places.is_empty() { { " · " }{ m.places.join(", ") } }
                    if !m.verified { { " · " }{ K::MatchUnverified.get(lang) } }
                </p>
                { reasons(&m.reasons) }
                { source(m.source.as_ref()) }
                if let Some(on_add) = &props.on_add {
                    <div class="wc-actions wc-no-print">
                        <button type="button" class="wc-button wc-button--secondary" onclick={on_add.reform({ let m = m.clone(); move |_| m.clone() })}>
                            { K::SuggestionAdd.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", m.name) }</span>
                        </button>
                    </div>
                }
                { message(format!("wc-draft-partner-{i}"), &m.name, m.draft.as_ref()) }
            </li>
        }
    });
    html! {
        <>
            <section aria-labelledby="wc-partners-heading" id="wc-partners">
                <h2 id="wc-partners-heading" tabindex="-1">{ K::MatchPartnersHeading.get(lang) }</h2>
                <p>{ K::MatchPartnersIntro.get(lang) }</p>
                if props.matches.partners.is_empty() {
                    <p class="wc-muted">{ K::MatchNone.get(lang) }</p>
                } else {
                    <ol class="wc-matches" role="list">{ for partners }</ol>
                }
            </section>
            <section aria-labelledby="wc-projects-heading">
                <h2 id="wc-projects-heading">{ K::MatchProjectsHeading.get(lang) }</h2>
                <p>{ K::MatchProjectsIntro.get(lang) }</p>
                if props.matches.projects.is_empty() {
                    <p class="wc-muted">{ K::MatchNone.get(lang) }</p>
                } else {
                    <ol class="wc-matches" role="list">{ for projects }</ol>
                }
            </section>
        </>
    }
}

/// "Prepare a message": a native disclosure (`<details>`: keyboard and expanded state built in, no
/// component state) with the draft in a read-only text area (to select or copy) and a Copy button.
/// Nothing is sent.
fn draft_box(lang: Lang, id: String, name: &str, text: String) -> Html {
    let area = format!("{id}-text");
    let copy = {
        let text = text.clone();
        Callback::from(move |_| crate::platform::copy_to_clipboard(&text, |_| ()))
    };
    html! {
        <details class="wc-draft wc-no-print" {id}>
            <summary class="wc-button wc-button--secondary">
                { K::MessageButton.get(lang) }<span class="wc-visually-hidden">{ format!(": {name}") }</span>
            </summary>
            <div class="wc-field">
                <label class="wc-label" for={area.clone()}>{ K::MessageLabel.fill(lang, &[name]) }</label>
                <textarea class="wc-input wc-draft__text" id={area} readonly=true rows="12" value={text} />
                <button type="button" class="wc-button wc-button--secondary" onclick={copy}>{ K::MessageCopy.get(lang) }</button>
                <p class="wc-muted">{ K::MessageNote.get(lang) }</p>
            </div>
        </details>
    }
}
