use welfare_core::{Lang, Limits, Member, MemberKind, Sector, Text};
use yew::prelude::*;

use crate::components::autocomplete::Suggestion;
use crate::components::member_card::member_card;
use crate::components::member_form::{member_form, Draft, Form};
use crate::components::question::{FieldError, Question};
use crate::i18n::K;
use crate::state::{Action, Step};

#[derive(Properties, PartialEq)]
pub struct NetworkProps {
    pub lang: Lang,
    pub members: Vec<Member>,
    pub lead: Option<u32>,
    /// (code, name) of every Italian province, for "where is it based".
    pub provinces: Vec<(String, String)>,
    /// Live hints from the eligibility engine (remedies of the network criteria not met yet).
    pub hints: Vec<Text>,
    /// Organisations and municipalities of the directory for what is typed as a member's name; a
    /// suggestion's value is "KIND|PROVINCE|KEY|NAME" (`Draft::suggestion_value`).
    pub search: Callback<String, Vec<Suggestion>>,
    /// The directory is still loading (with the catalog).
    #[prop_or_default]
    pub loading: bool,
    pub on_action: Callback<Action>,
}

/// The network builder (a task list in GOV.UK terms): add, edit and remove members, mark the lead.
/// Hints are shown live but never block: the verdict says what is required.
#[component]
pub fn Network(props: &NetworkProps) -> Html {
    let lang = props.lang;
    let draft = use_state(Draft::default);
    let error = use_state(|| None::<FieldError>);
    let announcement = use_state(String::new);

    let on_action = props.on_action.clone();
    let save = {
        let (draft, error, announcement, on_action) = (draft.clone(), error.clone(), announcement.clone(), on_action.clone());
        let count = props.members.len();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if draft.editing.is_none() && count >= Limits::MEMBERS {
                return;
            }
            if draft.name.trim().is_empty() {
                error.set(Some(FieldError { field: "wc-member-name".into(), message: K::ErrorMemberName.get(lang).into() }));
                crate::platform::focus_id("wc-member-name");
                return;
            }
            announcement.set(K::MemberAdded.fill(lang, &[draft.name.trim()]));
            let member = draft.to_member();
            on_action.emit(match draft.editing {
                Some(_) => Action::UpdateMember(member),
                None => Action::AddMember(member),
            });
            error.set(None);
            draft.set(Draft::default());
        })
    };
    let set = |f: fn(&mut Draft, String)| {
        let draft = draft.clone();
        Callback::from(move |value: String| {
            let mut d = (*draft).clone();
            f(&mut d, value);
            draft.set(d);
        })
    };
    let on_name = set(Draft::type_name);
    // A directory suggestion fills the name, the kind, the province and its key (the letter stays the visitor's).
    let on_pick = set(|d, v| d.pick(&v)).reform(|s: Suggestion| s.value);
    let loading = props.loading;
    let results_text = Callback::from(move |n: usize| match n {
        0 if loading => K::CatalogLoading.get(lang).to_string(),
        0 => K::DirectoryNone.get(lang).to_string(),
        n => K::DirectoryResults.fill(lang, &[&n.to_string()]),
    });
    let on_kind = set(|d, v| d.kind = MemberKind::from_id(&v));
    let on_province = set(|d, v| d.province = (!v.is_empty()).then_some(v));
    let on_letter = set(|d, v| {
        d.letter = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    });

    let members = props.members.iter().map(|m| member_card(lang, m, props.lead == Some(m.id), &draft, &on_action, &announcement));

    let has_non_conventional = props.members.iter().any(|m| m.kind.map(MemberKind::sector) == Some(Sector::NonConventional));
    let editing = draft.editing.is_some();
    let cancel = {
        let draft = draft.clone();
        Callback::from(move |_| draft.set(Draft::default()))
    };
    // Past `Limits::MEMBERS` a member would be lost on reload: the add button says the network is full.
    let full = !editing && props.members.len() >= Limits::MEMBERS;

    html! {
        <Question {lang} step={Step::Network} title={K::NetworkTitle.get(lang)}
                  on_back={on_action.reform(|_| Action::Back)} on_continue={on_action.reform(|_| Action::Next)}>
            <p>{ K::NetworkIntro.get(lang) }</p>
            <div role="status" aria-live="polite" class="wc-visually-hidden">{ (*announcement).clone() }</div>
            <div class="wc-hints" aria-live="polite">
                { for props.hints.iter().map(|h| html! { <p class="wc-panel wc-panel--warn">{ h.get(lang) }</p> }) }
                if !has_non_conventional && !props.members.is_empty() {
                    <p class="wc-panel">{ K::HintNonConventional.get(lang) }</p>
                }
            </div>
            <h2>{ K::NetworkMembersHeading.fill(lang, &[&props.members.len().to_string()]) }</h2>
            if props.members.is_empty() {
                <p class="wc-muted">{ K::NetworkEmpty.get(lang) }</p>
            } else {
                <ul class="wc-members" role="list">{ for members }</ul>
            }
        { member_form(&Form { lang, draft: &draft, error: (*error).clone(), full, editing, provinces: &props.provinces,
                              search: props.search.clone(), results_text, save, on_name, on_pick, on_kind, on_province, on_letter, cancel }) }
        </Question>
    }
}
