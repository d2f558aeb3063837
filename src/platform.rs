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
    /// A fixed "now" (Italian time) instead of the clock: for staff previews of an open edition
    /// and for tests (`?now=2016-04-01T10:00`).
    pub now: Option<RomeDateTime>,
}

impl Default for Options {
    fn default() -> Self {
        Options { lang: Lang::It, call_id: DEFAULT_CALL.to_string(), now: None }
    }
}

impl Options {
    /// The time the verdict is computed at: the fixed one if given, else the clock.
    pub fn now(&self) -> RomeDateTime {
        self.now.unwrap_or_else(clock)
    }

    /// Reads `?lang=en&call=2017&now=2016-04-01T10:00` from the page's URL; anything missing or unknown keeps the default.
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
                "now" => options.now = RomeDateTime::parse(&value.replace("%3A", ":")).ok(),
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
pub fn clock() -> RomeDateTime {
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

// ---- The URL: the step in the fragment (`#/rete`), so Back and Forward work; a share link is
// `#r=w1.…`. The fragment is never sent to a server.

/// The page's fragment without the `#`.
pub fn hash() -> String {
    gloo::utils::window().location().hash().unwrap_or_default().trim_start_matches('#').to_string()
}

/// Records a new history entry with this fragment (unless it is already the current one).
pub fn push_hash(fragment: &str) {
    if hash() != fragment {
        let _ = gloo::utils::history().push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
    }
}

/// Replaces the current history entry's fragment (no new entry).
pub fn replace_hash(fragment: &str) {
    let _ = gloo::utils::history().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("#{fragment}")));
}

/// The page's address without its fragment: the base of a share link.
pub fn page_url() -> String {
    let location = gloo::utils::window().location();
    let href = location.href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// Calls `on_change` with the new fragment when the visitor uses Back or Forward.
pub fn on_history(on_change: impl Fn(String) + 'static) -> gloo::events::EventListener {
    gloo::events::EventListener::new(&gloo::utils::window(), "popstate", move |_| on_change(hash()))
}

// ---- Local storage: save and resume on the same device. Every call may fail (private mode,
// storage disabled or full): failures are reported, never fatal.

const STORAGE_KEY: &str = "welfare-check/answers";

/// Saves the share code of the answers; `false` if the browser refused.
pub fn save_answers(code: &str) -> bool {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::set(STORAGE_KEY, code).is_ok()
}

/// The saved share code, if any.
pub fn saved_answers() -> Option<String> {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::get::<String>(STORAGE_KEY).ok()
}

/// Forgets the saved answers.
pub fn forget_answers() {
    use gloo::storage::{LocalStorage, Storage};
    LocalStorage::delete(STORAGE_KEY);
}

/// Opens the browser's print dialog (print stylesheet gives a clean summary; "save as PDF" is there).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Copies text to the clipboard where the browser allows it; returns immediately.
pub fn copy_to_clipboard(text: &str) {
    let clipboard = gloo::utils::window().navigator().clipboard();
    let _ = clipboard.write_text(text);
}
