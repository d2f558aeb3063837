use welfare_core::{Lang, Member};
use yew::prelude::*;

use crate::components::member_form::Draft;
use crate::i18n::K;
use crate::state::Action;

/// One member of the network as a card: name (and "capofila"), kind, province and letter of intent,
/// with "make lead", "edit" (fills the form: `draft`) and "remove" (said in `announcement`).
/// A plain function, not a component: it has no state of its own.
pub fn member_card(
    lang: Lang,
    m: &Member,
    is_lead: bool,
    draft: &UseStateHandle<Draft>,
    on_action: &Callback<Action>,
    announcement: &UseStateHandle<String>,
) -> Html {
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
}
