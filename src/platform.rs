//! Every side effect the app has, in one place: reading the page's options, the clock, the
//! document's language, focus. Components and the reducer call these; nothing else touches the
//! browser directly.

use wasm_bindgen::JsCast;
use welfare_core::time::RomeDateTime;
use welfare_core::Lang;

use crate::data::DEFAULT_CALL;

/// How the host page asked the widget to run.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    pub lang: Lang,
    pub call_id: String,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::It, call_id: DEFAULT_CALL.to_string() }
    }
}

impl Options {
    /// Reads `?lang=en&call=2017` from the page's URL; anything missing or unknown keeps the default.
    pub fn from_page() -> Options {
        let search = gloo::utils::window().location().search().unwrap_or_default();
        Options::from_query(&search)
    }

    pub fn from_query(search: &str) -> Options {
        let mut options = Options::default();
        for pair in search.trim_start_matches('?').split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            match key {
                "lang" => {
                    if let Some(lang) = Lang::from_code(value) {
                        options.lang = lang;
                    }
                }
                "call" if !value.is_empty() && value.len() <= 16 => {
                    options.call_id = value.chars().filter(|c| c.is_ascii_alphanumeric()).collect();
                }
                _ => {}
            }
        }
        options
    }
}

/// The current time in Italy (the call's deadlines are Italian local time).
pub fn now() -> RomeDateTime {
    let millis = js_sys::Date::now();
    RomeDateTime::from_unix_utc((millis / 1000.0) as i64)
}

/// Keeps `<html lang>` in step with the widget's language when the widget owns the page.
pub fn set_document_lang(lang: Lang) {
    if let Some(html) = gloo::utils::document().document_element() {
        let _ = html.set_attribute("lang", lang.code());
    }
}

/// Moves focus to the element with this id (a heading with tabindex="-1"), so screen readers
/// announce the new step.
pub fn focus_id(id: &str) {
    let element = gloo::utils::document().get_element_by_id(id);
    if let Some(el) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}
