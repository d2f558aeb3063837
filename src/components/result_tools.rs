use std::rc::Rc;

use welfare_core::{Answers, Lang};
use yew::prelude::*;

use crate::components::qr::Qr;
use crate::data::CatalogData;
use crate::i18n::K;
use crate::platform;
use crate::state::Action;

#[derive(Properties, PartialEq)]
pub struct ResultToolsProps {
    pub lang: Lang,
    pub share_url: AttrValue,
    /// In a kiosk: the address the QR code's link opens (the public address of the widget).
    #[prop_or_default]
    pub qr_base: Option<AttrValue>,
    /// The edition and the answers the QR code carries.
    pub call_id: AttrValue,
    pub answers: Answers,
    /// The catalog's engine, which draws the QR code; `None` until it is there.
    #[prop_or_default]
    pub engine: Option<Rc<CatalogData>>,
    /// The engine could not be loaded: no QR code will come.
    #[prop_or_default]
    pub engine_missing: bool,
    #[prop_or_default]
    pub kiosk: bool,
    pub on_action: Callback<Action>,
    /// Forget everything (storage, URL, memory).
    pub on_wipe: Callback<()>,
}

/// Share link, print, forget my answers, start again.
#[component]
pub fn ResultTools(props: &ResultToolsProps) -> Html {
    let lang = props.lang;
    let status = use_state(String::new);
    let copy = {
        let (url, status) = (props.share_url.clone(), status.clone());
        Callback::from(move |_| {
            let status = status.clone();
            status.set(String::new());
            // "Copied" only when it was; otherwise why not, and the link selected for copying by hand.
            platform::copy_to_clipboard(&url, move |copied| {
                if copied {
                    status.set(K::ShareCopied.get(lang).to_string());
                } else {
                    status.set(K::ShareNotCopied.get(lang).to_string());
                    platform::select_text("wc-share-link");
                }
            });
        })
    };
    let forget = props.on_wipe.reform(|_| ());
    if props.kiosk {
        return html! {
            <section class="wc-tools" aria-labelledby="wc-qr-heading">
                if let Some(base) = &props.qr_base {
                    <h2 id="wc-qr-heading">{ K::QrHeading.get(lang) }</h2>
                    <Qr {lang} base={base.clone()} call_id={props.call_id.clone()} answers={props.answers.clone()}
                        engine={props.engine.clone()} missing={props.engine_missing} />
                }
                <div class="wc-actions wc-no-print">
                    <button type="button" class="wc-button wc-button--warning" onclick={forget}>{ K::KioskRestart.get(lang) }</button>
                </div>
            </section>
        };
    }
    html! {
        <section class="wc-no-print wc-tools" aria-labelledby="wc-share-heading">
            <h2 id="wc-share-heading">{ K::ShareHeading.get(lang) }</h2>
            <p>{ K::ShareIntro.get(lang) }</p>
            <div class="wc-field">
                <label class="wc-label" for="wc-share-link">{ K::ShareLabel.get(lang) }</label>
                <div class="wc-share">
                    <input class="wc-input" id="wc-share-link" type="text" readonly=true value={props.share_url.clone()} />
                    <button type="button" class="wc-button wc-button--secondary" onclick={copy}>{ K::ShareCopy.get(lang) }</button>
                </div>
                <p role="status" class="wc-muted">{ (*status).clone() }</p>
            </div>
            <div class="wc-actions">
                <button type="button" class="wc-button wc-button--secondary" onclick={Callback::from(|_| platform::print())}>{ K::Print.get(lang) }</button>
                <button type="button" class="wc-button wc-button--warning" onclick={forget}>{ K::ForgetAnswers.get(lang) }</button>
            </div>
        </section>
    }
}
