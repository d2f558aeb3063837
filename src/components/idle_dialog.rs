use welfare_core::Lang;
use yew::prelude::*;

use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct IdleDialogProps {
    pub lang: Lang,
    pub seconds: u32,
}

/// The kiosk's idle warning, with its countdown. Any touch or key counts as activity (the idle
/// watch listens on the whole document), so the button only needs to be there to be pressed.
#[component]
pub fn IdleDialog(props: &IdleDialogProps) -> Html {
    let lang = props.lang;
    let button = use_node_ref();
    {
        let button = button.clone();
        use_effect_with((), move |_| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
        });
    }
    html! {
        <div class="wc-dialog-backdrop">
            <div class="wc-dialog" role="alertdialog" aria-modal="true" aria-labelledby="wc-idle-title" aria-describedby="wc-idle-text">
                <h2 id="wc-idle-title">{ K::IdleTitle.get(lang) }</h2>
                <p id="wc-idle-text" aria-live="assertive">{ K::IdleText.fill(lang, &[&props.seconds.to_string()]) }</p>
                <button type="button" class="wc-button" ref={button}>{ K::IdleContinue.get(lang) }</button>
            </div>
        </div>
    }
}
