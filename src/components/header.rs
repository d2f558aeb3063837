use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub lang: Lang,
    pub on_lang: Callback<Lang>,
    /// In kiosk mode: the on-screen restart.
    #[prop_or_default]
    pub on_restart: Option<Callback<()>>,
}

/// The widget's header: its name, the language switch and, in a kiosk, the restart.
#[component]
pub fn Header(props: &HeaderProps) -> Html {
    let lang = props.lang;
    let other = match lang {
        Lang::It => Lang::En,
        Lang::En => Lang::It,
    };
    let onclick = props.on_lang.reform(move |_| other);
    html! {
        <header class="wc-header">
            <div>
                <p class="wc-header__brand">{ K::AppName.get(lang) }</p>
                <p class="wc-header__programme">{ K::Programme.get(lang) }</p>
            </div>
            <div class="wc-header__tools">
                if let Some(restart) = &props.on_restart {
                    <button type="button" class="wc-button wc-button--secondary" onclick={restart.reform(|_| ())}>
                        { K::KioskRestart.get(lang) }
                    </button>
                }
                <button type="button" class="wc-button wc-button--secondary" lang={other.code()}
                        {onclick}>
                    { K::LangSwitchTo.get(lang) }
                </button>
            </div>
        </header>
    }
}
