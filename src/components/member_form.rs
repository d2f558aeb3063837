use welfare_core::{Lang, Limits, Member, MemberKind, Sector};
use yew::prelude::*;

use crate::components::autocomplete::{Autocomplete, Suggestion};
use crate::components::field::select_value;
use crate::components::question::FieldError;
use crate::i18n::K;

/// The member being added or edited: what the form fields hold.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub editing: Option<u32>,
    pub name: String,
    pub kind: Option<MemberKind>,
    pub province: Option<String>,
    pub letter: Option<bool>,
    /// The directory entry picked (`Member::directory`); typing another name drops it.
    pub directory: Option<String>,
}

impl Draft {
    pub fn from_member(m: &Member) -> Draft {
        Draft {
            editing: Some(m.id),
            name: m.name.clone(),
            kind: m.kind,
            province: m.province.clone(),
            letter: m.letter_of_intent,
            directory: m.directory.clone(),
        }
    }

    /// A directory suggestion picked (its value as [`Draft::suggestion_value`] made it): the name,
    /// kind, province and directory key; the letter stays the visitor's.
    pub fn pick(&mut self, value: &str) {
        let mut parts = value.splitn(4, '|');
        self.kind = parts.next().and_then(MemberKind::from_id);
        self.province = parts.next().filter(|p| !p.is_empty()).map(str::to_string);
        self.directory = parts.next().filter(|k| !k.is_empty()).map(str::to_string);
        self.name = parts.next().unwrap_or_default().to_string();
    }

    /// The name as typed: another name than the picked entry's drops its directory key.
    pub fn type_name(&mut self, name: String) {
        if name != self.name {
            self.directory = None;
        }
        self.name = name;
    }

    /// A directory hit as a suggestion's value, "KIND|PROVINCE|KEY|NAME", which [`Draft::pick`] reads.
    pub fn suggestion_value(kind: MemberKind, province: &str, key: &str, name: &str) -> String {
        format!("{}|{province}|{key}|{name}", kind.id())
    }

    pub fn to_member(&self) -> Member {
        Member {
            id: self.editing.unwrap_or_default(),
            name: self.name.clone(),
            kind: self.kind,
            province: self.province.clone(),
            letter_of_intent: self.letter,
            directory: self.directory.clone(),
        }
    }
}

/// What the member form shows and where its fields report: the network page holds the state.
pub struct Form<'a> {
    pub lang: Lang,
    pub draft: &'a Draft,
    pub error: Option<FieldError>,
    /// Past `Limits::MEMBERS` a member would be lost on reload: the add button says the network is full.
    pub full: bool,
    pub editing: bool,
    /// (code, name) of every Italian province.
    pub provinces: &'a [(String, String)],
    pub search: Callback<String, Vec<Suggestion>>,
    pub results_text: Callback<usize, String>,
    pub save: Callback<SubmitEvent>,
    pub on_name: Callback<String>,
    pub on_pick: Callback<Suggestion>,
    pub on_kind: Callback<String>,
    pub on_province: Callback<String>,
    pub on_letter: Callback<String>,
    pub cancel: Callback<MouseEvent>,
}

/// The form that adds a member or edits one: the name (with the directory's suggestions), kind,
/// province and letter of intent; Enter in any field submits. A plain function, not a component:
/// the network page owns its state, since a card's "edit" fills it.
pub fn member_form(f: &Form) -> Html {
    let (lang, draft, editing, full) = (f.lang, f.draft, f.editing, f.full);
    let cap = Limits::MEMBERS.to_string();
    let (on_kind, on_province, on_letter) = (f.on_kind.clone(), f.on_province.clone(), f.on_letter.clone());
    html! {
        // The add/edit form: Enter in any field adds the member.
        <form class="wc-panel wc-member-form" novalidate=true onsubmit={f.save.clone()} aria-labelledby="wc-member-form-title">
            <h2 id="wc-member-form-title">{ if editing { K::NetworkEditHeading.get(lang) } else { K::NetworkAddHeading.get(lang) } }</h2>
            <Autocomplete id="wc-member-name" label={K::MemberName.get(lang)} hint={K::MemberNameHint.get(lang)}
                          search={f.search.clone()} results_text={f.results_text.clone()} on_select={f.on_pick.clone()} value={AttrValue::from(draft.name.clone())}
                          on_input={f.on_name.clone()} error={f.error.clone().map(|e| AttrValue::from(e.message))}
                          maxlength={AttrValue::from(Limits::NAME.to_string())} />
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
                    { for f.provinces.iter().map(|(code, name)| html! {
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
                    <button type="button" class="wc-button wc-button--link" onclick={f.cancel.clone()}>{ K::Cancel.get(lang) }</button>
                }
            </div>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A directory pick fills the name, kind, province and key; the visitor's letter stays; typing
    /// another name drops the key (the member is no longer that entry), typing the same keeps it.
    #[test]
    fn a_pick_keeps_the_directory_key_until_the_name_changes() {
        let value = Draft::suggestion_value(MemberKind::Comune, "LC", "097042", "Comune di Lecco | centro");
        let mut draft = Draft { letter: Some(true), ..Draft::default() };
        draft.pick(&value);
        let member = draft.to_member();
        assert_eq!(
            (member.name.as_str(), member.kind, member.province.as_deref(), member.directory.as_deref(), member.letter_of_intent),
            ("Comune di Lecco | centro", Some(MemberKind::Comune), Some("LC"), Some("097042"), Some(true))
        );
        assert_eq!(Draft::from_member(&member).directory.as_deref(), Some("097042"), "editing keeps it");
        draft.type_name("Comune di Lecco | centro".into());
        assert_eq!(draft.directory.as_deref(), Some("097042"));
        draft.type_name("Comune di Lecc".into());
        assert_eq!(draft.to_member().directory, None);
        // A hit without a province or a key.
        draft.pick(&Draft::suggestion_value(MemberKind::Association, "", "", "Auser"));
        assert_eq!((draft.province, draft.directory, draft.name.as_str()), (None, None, "Auser"));
    }
}
