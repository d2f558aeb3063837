use std::rc::Rc;

use welfare_core::codec::qr::QrView;
use welfare_core::{Answers, Lang};
use yew::prelude::*;

use crate::data::CatalogData;
use crate::i18n::K;

#[derive(Properties, PartialEq)]
pub struct QrProps {
    pub lang: Lang,
    /// The address the link opens (`base#r=w2.…`).
    pub base: AttrValue,
    /// The edition and the answers the link carries.
    pub call_id: AttrValue,
    pub answers: Answers,
    /// The catalog engine, which builds the code (`welfare_core::codec::qr`, not in the first load); `None`
    /// while it loads.
    pub engine: Option<Rc<CatalogData>>,
    /// The engine could not be loaded: there will be no code.
    #[prop_or_default]
    pub missing: bool,
}

/// The kiosk's QR code of the share link, generated on the device (no network) and drawn as one SVG
/// path, with what it leaves out; or why there is none. Built once per set of answers, not on every
/// render of the result (a kiosk's countdown re-renders it each second).
#[component]
pub fn Qr(props: &QrProps) -> Html {
    let lang = props.lang;
    let view = use_memo(
        (props.base.clone(), props.call_id.clone(), props.answers.clone(), props.engine.clone()),
        |(base, call_id, answers, engine)| engine.as_ref().and_then(|e| e.qr(base, call_id, answers)),
    );
    let (link, image, note) = match (*view).clone() {
        Some(QrView::Full { link, image }) => (link, image, None),
        Some(QrView::WithoutDescription { link, image }) => (link, image, Some(K::QrWithoutDescription)),
        Some(QrView::TooLarge) => {
            return html! { <p class="wc-panel wc-panel--warn" id="wc-qr-note">{ K::QrTooLarge.get(lang) }</p> };
        }
        None if props.missing || props.engine.is_some() => {
            return html! { <p class="wc-panel wc-panel--warn" id="wc-qr-note">{ K::QrUnavailable.get(lang) }</p> };
        }
        None => return html! { <p role="status">{ K::Loading.get(lang) }</p> },
    };
    let full = image.size.to_string();
    html! {
        <>
            <p>{ K::QrText.get(lang) }</p>
            if let Some(note) = note {
                <p id="wc-qr-note">{ note.get(lang) }</p>
            }
            <div class="wc-qr-box" data-link={link}>
                <svg class="wc-qr" viewBox={format!("0 0 {full} {full}")} role="img" aria-label={K::QrLabel.get(lang)}
                     shape-rendering="crispEdges" xmlns="http://www.w3.org/2000/svg">
                    <rect width={full.clone()} height={full} fill="#ffffff" />
                    <path d={image.path} fill="#000000" />
                </svg>
            </div>
        </>
    }
}
