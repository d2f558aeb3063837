use welfare_core::codec::share::ShareError;
use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;
use crate::state::{Action, Notice};

#[derive(Properties, PartialEq)]
pub struct NoticeProps {
    pub lang: Lang,
    pub notice: Notice,
    pub on_dismiss: Callback<()>,
}

/// A dismissible message about where the answers came from or why they cannot be kept.
#[component]
pub fn NoticeBanner(props: &NoticeProps) -> Html {
    let lang = props.lang;
    let (class, text) = match &props.notice {
        Notice::Resumed => ("wc-panel", K::NoticeResumed.get(lang).to_string()),
        Notice::ShareRestored => ("wc-panel", K::NoticeShareRestored.get(lang).to_string()),
        Notice::ShareError(ShareError::UnknownVersion(v)) => ("wc-panel wc-panel--error", K::NoticeShareVersion.fill(lang, &[v])),
        Notice::ShareError(_) => ("wc-panel wc-panel--error", K::NoticeShareDamaged.get(lang).to_string()),
        Notice::CatalogFailed(why) => ("wc-panel wc-panel--warn", K::NoticeCatalog.fill(lang, &[why])),
        Notice::CatalogUnavailable(why) => ("wc-panel wc-panel--warn", K::NoticeCatalogUnavailable.fill(lang, &[why])),
        Notice::StorageUnavailable => ("wc-panel wc-panel--warn", K::NoticeStorage.get(lang).to_string()),
    };
    html! {
        <div class={classes!(class, "wc-notice", "wc-no-print")} role="status">
            <p>{ text }</p>
            <button type="button" class="wc-button wc-button--link" onclick={props.on_dismiss.reform(|_| ())}>
                { K::Dismiss.get(lang) }
            </button>
        </div>
    }
}

/// A share link opened over a different draft saved on this device: the draft stays in storage until
/// the visitor opens it or keeps the link (no dismiss: either choice is an answer). A plain function,
/// not a component: it holds no state.
pub fn draft_choice(lang: Lang, on_action: &Callback<Action>) -> Html {
    html! {
        <div class="wc-panel wc-panel--warn wc-no-print" role="group" aria-labelledby="wc-draft-text" id="wc-draft">
            <p id="wc-draft-text">{ K::DraftKept.get(lang) }</p>
            <div class="wc-actions">
                <button type="button" class="wc-button wc-button--secondary" onclick={on_action.reform(|_| Action::OpenDraft)}>
                    { K::DraftOpen.get(lang) }
                </button>
                <button type="button" class="wc-button wc-button--secondary" onclick={on_action.reform(|_| Action::KeepLink)}>
                    { K::DraftKeepLink.get(lang) }
                </button>
            </div>
        </div>
    }
}
