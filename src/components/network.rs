use welfare_core::{Lang, Limits, Member, MemberKind, Sector, Text};
use yew::prelude::*;

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
    pub on_action: Callback<Action>,
}

/// The member being added or edited: what the form fields hold.
#[derive(Debug, Clone, PartialEq, Default)]
struct Draft {
    editing: Option<u32>,
    name: String,
    kind: Option<MemberKind>,
    province: Option<String>,
    letter: Option<bool>,
}

impl Draft {
    fn from_member(m: &Member) -> Draft {
        Draft {
            editing: Some(m.id),
            name: m.name.clone(),
            kind: m.kind,
            province: m.province.clone(),
            letter: m.letter_of_intent,
        }
    }

    fn to_member(&self) -> Member {
        Member {
            id: self.editing.unwrap_or_default(),
            name: self.name.clone(),
            kind: self.kind,
            province: self.province.clone(),
            letter_of_intent: self.letter,
        }
    }
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
    let on_name = set(|d, v| d.name = v);
    let on_kind = set(|d, v| d.kind = MemberKind::from_id(&v));
    let on_province = set(|d, v| d.province = (!v.is_empty()).then_some(v));
    let on_letter = set(|d, v| {
        d.letter = match v.as_str() {
            "yes" => Some(true),
            "no" => Some(false),
            _ => None,
        }
    });

    let members = props.members.iter().map(|m| {
        let is_lead = props.lead == Some(m.id);
        let id = m.id;
        let name = m.name.clone();
        let remove = {
            let (on_action, announcement) = (on_action.clone(), announcement.clone());
            Callback::from(move |_| {
                announcement.set(K::MemberRemoved.fill(lang, &[&name]));
                on_action.emit(Action::RemoveMember(id));
            })
        };
        let edit = {
            let (draft, member) = (draft.clone(), m.clone());
            Callback::from(move |_| {
                draft.set(Draft::from_member(&member));
                crate::platform::focus_id("wc-member-name");
            })
        };
        let make_lead = on_action.reform(move |_| Action::SetLead(Some(id)));
        let letter = match m.letter_of_intent {
            Some(true) => K::LetterSigned,
            Some(false) => K::LetterMissing,
            None => K::LetterUnknown,
        };
        html! {
            <li class="wc-card" key={m.id}>
                <h3>
                    { &m.name }
                    if is_lead { { " " }<span class="wc-tag wc-tag--met">{ K::MemberLead.get(lang) }</span> }
                </h3>
                <p class="wc-muted">
                    { m.kind.map(|k| k.label().get(lang).to_string()).unwrap_or_else(|| "—".into()) }
                    { " · " }{ m.province.clone().unwrap_or_else(|| "—".into()) }
                    { " · " }{ letter.get(lang) }
                </p>
                <div class="wc-actions">
                    if !is_lead {
                        <button type="button" class="wc-button wc-button--secondary" onclick={make_lead}>
                            { K::MakeLead.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", m.name) }</span>
                        </button>
                    }
                    <button type="button" class="wc-button wc-button--link" onclick={edit}>
                        { K::Edit.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", m.name) }</span>
                    </button>
                    <button type="button" class="wc-button wc-button--link" onclick={remove}>
                        { K::Remove.get(lang) }<span class="wc-visually-hidden">{ format!(": {}", m.name) }</span>
                    </button>
                </div>
            </li>
        }
    });

    let has_non_conventional =
        props.members.iter().any(|m| m.kind.map(MemberKind::sector) == Some(Sector::NonConventional));
    let editing = draft.editing.is_some();
    let cancel = {
        let draft = draft.clone();
        Callback::from(move |_| draft.set(Draft::default()))
    };
    let name_error = (*error).clone();
    // Past `Limits::MEMBERS` a member would be lost on reload: the add button says the network is full.
    let full = !editing && props.members.len() >= Limits::MEMBERS;
    let cap = Limits::MEMBERS.to_string();

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
        // The add/edit form: Enter in any field adds the member.
        <form class="wc-panel wc-member-form" novalidate=true onsubmit={save} aria-labelledby="wc-member-form-title">
            <h2 id="wc-member-form-title">{ if editing { K::NetworkEditHeading.get(lang) } else { K::NetworkAddHeading.get(lang) } }</h2>
            <div class={classes!("wc-field", name_error.is_some().then_some("wc-field--error"))}>
                <label class="wc-label" for="wc-member-name">{ K::MemberName.get(lang) }</label>
                <span class="wc-hint" id="wc-member-name-hint">{ K::MemberNameHint.get(lang) }</span>
                if let Some(e) = &name_error {
                    <span class="wc-error-message" id="wc-member-name-error">{ &e.message }</span>
                }
                <input class="wc-input" id="wc-member-name" type="text" autocomplete="organization" value={draft.name.clone()}
                       maxlength={Limits::NAME.to_string()}
                       aria-describedby={if name_error.is_some() { "wc-member-name-hint wc-member-name-error" } else { "wc-member-name-hint" }}
                       aria-invalid={name_error.is_some().to_string()}
                       oninput={on_name.reform(|e: InputEvent| input_value(&e))} />
            </div>
            <div class="wc-field">
                <label class="wc-label" for="wc-member-kind">{ K::MemberKind.get(lang) }</label>
                <select class="wc-select" id="wc-member-kind" aria-describedby="wc-member-kind-hint"
                        onchange={on_kind.reform(|e: Event| select_value(&e))}>
                    <option value="" selected={draft.kind.is_none()}>{ K::MemberKindChoose.get(lang) }</option>
                    { for Sector::ALL.iter().map(|sector| html! {
                        <optgroup label={sector.label().get(lang).to_string()}>
                            { for MemberKind::ALL.iter().filter(|k| k.sector() == *sector).map(|k| html! {
                                <option value={k.id()} selected={draft.kind == Some(*k)}>{ k.label().get(lang) }</option>
                            }) }
                        </optgroup>
                    }) }
                </select>
                <span class="wc-hint" id="wc-member-kind-hint" aria-live="polite">
                    { draft.kind.map(|k| k.hint().get(lang).to_string()).unwrap_or_default() }
                </span>
            </div>
            <div class="wc-field">
                <label class="wc-label" for="wc-member-province">{ K::MemberProvince.get(lang) }</label>
                <select class="wc-select" id="wc-member-province" onchange={on_province.reform(|e: Event| select_value(&e))}>
                    <option value="" selected={draft.province.is_none()}>{ K::MemberProvinceChoose.get(lang) }</option>
                    { for props.provinces.iter().map(|(code, name)| html! {
                        <option value={code.clone()} selected={draft.province.as_deref() == Some(code.as_str())}>{ format!("{name} ({code})") }</option>
                    }) }
                </select>
            </div>
            <fieldset class="wc-fieldset" aria-describedby="wc-member-letter-hint">
                <legend>{ K::MemberLetter.get(lang) }</legend>
                <span class="wc-hint" id="wc-member-letter-hint">{ K::MemberLetterHint.get(lang) }</span>
                { for [("yes", Some(true), K::Yes), ("no", Some(false), K::NotYet)].into_iter().map(|(value, v, label)| {
                    let id = format!("wc-member-letter-{value}");
                    html! {
                        <div class="wc-choice">
                            <input type="radio" name="wc-member-letter" id={id.clone()} value={value} checked={draft.letter == v}
                                   onchange={on_letter.reform(move |_| value.to_string())} />
                            <label for={id}>{ label.get(lang) }</label>
                        </div>
                    }
                }) }
            </fieldset>
            if full {
                <p class="wc-panel wc-panel--warn" id="wc-member-cap">{ K::MemberCapWhy.fill(lang, &[&cap]) }</p>
            }
            <div class="wc-actions">
                if full {
                    <button type="submit" class="wc-button wc-button--secondary" disabled=true aria-describedby="wc-member-cap">
                        { K::MemberCapReached.fill(lang, &[&cap]) }
                    </button>
                } else {
                    <button type="submit" class="wc-button wc-button--secondary">
                        { if editing { K::MemberSave.get(lang) } else { K::MemberAdd.get(lang) } }
                    </button>
                }
                if editing {
                    <button type="button" class="wc-button wc-button--link" onclick={cancel}>{ K::Cancel.get(lang) }</button>
                }
            </div>
        </form>
        </Question>
    }
}

/// The value of the input an event came from.
pub fn input_value(e: &InputEvent) -> String {
    e.target_dyn_into::<web_sys::HtmlInputElement>().map(|i| i.value()).unwrap_or_default()
}

/// The value of the select an event came from.
pub fn select_value(e: &Event) -> String {
    e.target_dyn_into::<web_sys::HtmlSelectElement>().map(|s| s.value()).unwrap_or_default()
}
