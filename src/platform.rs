//! Every side effect the app has, in one place: the clock, the document's language, focus, the
//! URL, storage, printing, the clipboard, fetching a catalog, the service worker. Components and
//! hooks call these; nothing else touches the browser directly.

use wasm_bindgen::JsCast;
use welfare_core::time::RomeDateTime;
use welfare_core::Lang;

use std::cell::RefCell;

/// Runs `work` and records how long it took as a User Timing measure named `name` (the browser's
/// performance panel shows it; the start-up benchmark reads it). Only the latest measure of a name is
/// kept, so a kiosk's sessions do not pile entries up.
pub fn timed<T>(name: &str, work: impl FnOnce() -> T) -> T {
    let Some(performance) = gloo::utils::window().performance() else { return work() };
    let start = format!("{name}:start");
    let _ = performance.mark(&start);
    let out = work();
    performance.clear_measures_with_measure_name(name);
    let _ = performance.measure_with_start_mark(name, &start);
    performance.clear_marks_with_mark_name(&start);
    out
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

thread_local! {
    /// The element the widget is mounted in: in a shadow root, `document.getElementById` cannot
    /// see the widget's elements, so lookups go through it.
    static ROOT: RefCell<Option<web_sys::Element>> = const { RefCell::new(None) };
}

pub fn set_root(root: &web_sys::Element) {
    ROOT.with(|r| *r.borrow_mut() = Some(root.clone()));
}

/// The root element the widget is mounted in.
pub fn root() -> Option<web_sys::Element> {
    ROOT.with(|r| r.borrow().clone())
}

/// The widget's element with this id (inside a shadow root too).
pub fn find(id: &str) -> Option<web_sys::HtmlElement> {
    let in_root = root().and_then(|r| r.query_selector(&format!("#{id}")).ok().flatten());
    in_root.or_else(|| gloo::utils::document().get_element_by_id(id)).and_then(|e| e.dyn_into().ok())
}

/// Moves focus to the element with this id (a heading with tabindex="-1"), so screen readers
/// announce the new step.
pub fn focus_id(id: &str) {
    if let Some(el) = find(id) {
        let _ = el.focus();
    }
}

// ---- The URL: the step in the fragment (`#/rete`), so Back and Forward work; a share link is
// `#r=w2.…`. The fragment is never sent to a server.

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

/// Shows this fragment in the URL: a new history entry (`push_hash`), or, on a kiosk, the same entry
/// rewritten, so the session history never holds a visitor's steps for the next one to go back through.
pub fn show_hash(fragment: &str, kiosk: bool) {
    if !kiosk {
        push_hash(fragment);
    } else if hash() != fragment {
        replace_hash(fragment);
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

/// Local storage, or `None` where the browser refuses it. Not `gloo::storage`: its `raw()` throws
/// when access is denied (a blocked-storage setting), and it stores JSON, which needs a JSON writer
/// and reader in the wasm for one string.
fn local_storage() -> Option<web_sys::Storage> {
    gloo::utils::window().local_storage().ok().flatten()
}

/// Saves the share code of the answers; `false` if the browser refused.
pub fn save_answers(code: &str) -> bool {
    local_storage().is_some_and(|s| s.set_item(STORAGE_KEY, code).is_ok())
}

/// The saved share code, if any (earlier builds stored it as a JSON string, in quotes).
pub fn saved_answers() -> Option<String> {
    let code = local_storage()?.get_item(STORAGE_KEY).ok()??;
    Some(code.trim_matches('"').to_string())
}

/// Forgets the saved answers.
pub fn forget_answers() {
    if let Some(s) = local_storage() {
        let _ = s.remove_item(STORAGE_KEY);
    }
}

/// Opens the browser's print dialog (print stylesheet gives a clean summary; "save as PDF" is there).
pub fn print() {
    let _ = gloo::utils::window().print();
}

/// Copies text to the clipboard, then calls `done` with whether it worked. `navigator.clipboard`
/// is missing outside a secure context (a kiosk on a plain-http LAN address) and `writeText` may
/// throw or reject (permission refused): each is a `false`, never an exception or an unhandled
/// rejection (which the crash listener and the e2e console guard would see).
pub fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    use js_sys::{Function, Promise, Reflect};
    let navigator = gloo::utils::window().navigator();
    // web-sys's getters assume the property exists: look it up instead.
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| !c.is_undefined() && !c.is_null());
    let write = clipboard.as_ref().and_then(|c| Reflect::get(c, &"writeText".into()).ok()?.dyn_into::<Function>().ok());
    let promise = match (clipboard, write) {
        (Some(clipboard), Some(write)) => write.call1(&clipboard, &text.into()).ok().and_then(|p| p.dyn_into::<Promise>().ok()),
        _ => None,
    };
    match promise {
        // The future handles the rejection: none goes unhandled.
        Some(promise) => wasm_bindgen_futures::spawn_local(async move {
            done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
        }),
        None => done(false),
    }
}

/// Focuses the text field with this id and selects its text, for copying by hand.
pub fn select_text(id: &str) {
    if let Some(input) = find(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    }
}

/// Wipes every trace of the visitor on this device: storage and the URL's fragment. The caller
/// resets the state (memory).
pub fn wipe() {
    forget_answers();
    replace_hash("/");
}

// ---- The kiosk's service worker (embed/sw.template.js): it precaches the build, so the kiosk works
// offline, and a new deploy takes over only at a wipe, when nobody is using the kiosk. A page keeps the
// worker (and the cache) it loaded with until then: its catalog and engine files stay there for it.
// `navigator.serviceWorker` is missing outside secure contexts (a kiosk on a plain-http LAN address)
// and in some others; every call may fail or reject: then the kiosk runs as it is, without a word in
// the console (the crash listener watches `unhandledrejection`, so no promise is left unhandled).

/// The message that tells a waiting worker to take over (embed/sw.template.js listens for it).
const SW_ACTIVATE: &str = "welfare-check:activate";

/// `navigator.serviceWorker`, where the browser has it.
fn service_worker_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = gloo::utils::window().navigator();
    // A getter that may be absent, or throw (an opaque-origin frame): not web-sys's, which assumes it is there.
    let container = js_sys::Reflect::get(&navigator, &"serviceWorker".into()).ok()?;
    if container.is_undefined() || container.is_null() {
        return None;
    }
    container.dyn_into().ok()
}

/// Awaits a promise the browser may reject; `None` then (the rejection is handled here).
async fn settle(promise: js_sys::Promise) -> Option<wasm_bindgen::JsValue> {
    wasm_bindgen_futures::JsFuture::from(promise).await.ok()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = gloo::utils::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = settle(promise).await;
}

/// Registers the service worker (once a page load, on a kiosk), and asks whether a new deploy is out:
/// if so it installs beside the running one and waits for the next wipe (`take_update_at_wipe`).
pub fn register_service_worker() {
    let Some(container) = service_worker_container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Some(registration) = settle(container.register("sw.js")).await else { return };
        let registration: web_sys::ServiceWorkerRegistration = registration.unchecked_into();
        if let Ok(update) = registration.update() {
            let _ = settle(update).await;
        }
    });
}

/// At a kiosk's wipe, when nobody is using it: a new deploy takes over now, with one reload. A worker
/// already waiting (found at load or at an earlier wipe) is told to take over at once; otherwise the
/// registration looks for one now, and a worker found then takes over once it has installed, if the
/// kiosk is still on its untouched start page (a visitor who has begun is not interrupted: the next
/// wipe takes it). The old worker's cache is deleted when the new one activates, which only this page
/// asks for, and it reloads from the new cache as soon as the new worker controls it.
pub fn take_update_at_wipe() {
    let Some(container) = service_worker_container() else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let Some(registration) = settle(container.get_registration()).await else { return };
        let Ok(registration) = registration.dyn_into::<web_sys::ServiceWorkerRegistration>() else { return };
        if registration.waiting().is_none() {
            if let Ok(update) = registration.update() {
                let _ = settle(update).await;
            }
            // A new version downloads the whole build before it waits: a minute at most.
            for _ in 0..120 {
                if registration.installing().is_none() {
                    break;
                }
                sleep(500).await;
            }
        }
        let Some(waiting) = registration.waiting() else { return };
        if !matches!(hash().as_str(), "" | "/") {
            return;
        }
        gloo::events::EventListener::once(&container, "controllerchange", |_| {
            let _ = gloo::utils::window().location().reload();
        })
        .forget();
        let _ = waiting.post_message(&wasm_bindgen::JsValue::from_str(SW_ACTIVATE));
    });
}

/// Fetches the bytes at `url`, giving up after `timeout_ms`. Errors are plain words for a notice.
pub async fn fetch_bytes(url: &str, timeout_ms: u32) -> Result<Vec<u8>, String> {
    use wasm_bindgen_futures::JsFuture;
    let controller = web_sys::AbortController::new().map_err(|_| "AbortController".to_string())?;
    let init = web_sys::RequestInit::new();
    init.set_signal(Some(&controller.signal()));
    init.set_credentials(web_sys::RequestCredentials::Omit);
    let timer = {
        let controller = controller.clone();
        gloo::timers::callback::Timeout::new(timeout_ms, move || controller.abort())
    };
    let response = JsFuture::from(gloo::utils::window().fetch_with_str_and_init(url, &init))
        .await
        .map_err(|_| "network error or timeout".to_string())?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("HTTP {}", response.status()));
    }
    let body = JsFuture::from(response.array_buffer().map_err(|_| "unreadable body".to_string())?)
        .await
        .map_err(|_| "network error or timeout".to_string())?;
    drop(timer);
    Ok(js_sys::Uint8Array::new(&body).to_vec())
}

/// Reports the widget's height to the page embedding its iframe, whenever it changes. The message
/// is `{ type: "welfare-check:resize", version: 1, height }`, posted only to `parent_origin` (or,
/// without it, the embedding page's origin as the browser reports it).
pub fn report_height(parent_origin: Option<String>) -> Option<impl Drop> {
    let window = gloo::utils::window();
    let parent = window.parent().ok().flatten()?;
    let target = parent_origin.or_else(|| {
        // `location.ancestorOrigins` (Chromium, Safari): the embedding page's origin.
        let origins = js_sys::Reflect::get(&window.location(), &"ancestorOrigins".into()).ok()?;
        js_sys::Reflect::get(&origins, &0.into()).ok()?.as_string()
    })?;
    let post = move || {
        // The body's own height: the document's would never shrink below the frame's.
        let height = gloo::utils::document().body().map(|b| b.get_bounding_client_rect().height().ceil()).unwrap_or_default();
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &"welfare-check:resize".into());
        let _ = js_sys::Reflect::set(&message, &"version".into(), &1.into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.into());
        let _ = parent.post_message(&message, &target);
    };
    post();
    let callback = wasm_bindgen::closure::Closure::<dyn FnMut(js_sys::Array)>::new(move |_| post());
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    if let Some(body) = gloo::utils::document().body() {
        observer.observe(&body);
    }
    Some(HeightReporter { observer, _callback: callback })
}

struct HeightReporter {
    observer: web_sys::ResizeObserver,
    _callback: wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array)>,
}

impl Drop for HeightReporter {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// Shows the crash screen when the app's wasm stops. A panic in the release build is a bare wasm trap
/// (`-Cpanic=immediate-abort`, see scripts/trunk-release.sh): no panic hook runs, the trap reaches
/// the page as a `WebAssembly.RuntimeError`, thrown from an event handler (the window's `error`
/// event) or from a future (`unhandledrejection`). Only this widget's traps count (the error's stack
/// names its wasm file): a host page's own errors are left alone. The instance still answers calls
/// after a trap, so the screen is drawn by Rust, from the root element kept at mount.
pub fn on_crash_show_screen(kiosk: bool) {
    let window = gloo::utils::window();
    for kind in ["error", "unhandledrejection"] {
        gloo::events::EventListener::new(&window, kind, move |event| {
            let field = if kind == "error" { "error" } else { "reason" };
            let error = js_sys::Reflect::get(event, &field.into()).unwrap_or_default();
            if let Some(trap) = error.dyn_ref::<js_sys::WebAssembly::RuntimeError>() {
                let stack = js_sys::Reflect::get(trap, &"stack".into()).ok().and_then(|s| s.as_string()).unwrap_or_default();
                if stack.contains("welfare-check") || stack.contains("welfare_check") {
                    show_crash(kiosk, &String::from(trap.to_string()));
                }
            }
        })
        .forget();
    }
}

/// The crash screen: if the app panics (it should not), the page does not freeze on a broken
/// screen. Plain HTML, written without the app (which stops after a panic): a message in both
/// languages, "Riprendi" (reload: the answers saved on this device come back) and "Ricomincia da zero"
/// (forgets them first, in case they are what made the check stop); a kiosk, which saves nothing,
/// offers only the latter and restarts by itself after 10 seconds.
pub fn show_crash(kiosk: bool, detail: &str) {
    use crate::i18n::K;
    gloo::console::error!(format!("welfare-check stopped: {detail}"));
    let restart = page_url().replace('"', "%22").replace('<', "%3C");
    let both = |k: K| format!("{} · {}", k.get(Lang::It), k.get(Lang::En));
    let resume = if kiosk { String::new() } else { format!("<a class=\"wc-button\" href=\"{restart}\">{}</a> ", both(K::CrashResume)) };
    let html = format!(
        "<div class=\"wc-app\"><main class=\"wc-main\" role=\"alert\"><h1>{heading}</h1>\
         <p>{it}</p><p lang=\"en\">{en}</p>\
         <p class=\"wc-actions\">{resume}<button type=\"button\" class=\"wc-button wc-button--secondary\" id=\"wc-crash-fresh\">{fresh}</button></p>\
         </main></div>",
        heading = K::CrashHeading.get(Lang::It),
        it = K::CrashText.get(Lang::It),
        en = K::CrashText.get(Lang::En),
        fresh = both(K::CrashFresh),
    );
    let Some(root) = root() else { return };
    root.set_inner_html(&html);
    if let Ok(Some(button)) = root.query_selector("#wc-crash-fresh") {
        let url = page_url();
        gloo::events::EventListener::new(&button, "click", move |_| {
            forget_answers();
            let _ = gloo::utils::window().location().replace(&url);
        })
        .forget();
    }
    if kiosk {
        let document = gloo::utils::document();
        if let (Ok(meta), Some(head)) = (document.create_element("meta"), document.head()) {
            let _ = meta.set_attribute("http-equiv", "refresh");
            let _ = meta.set_attribute("content", &format!("10;url={restart}"));
            let _ = head.append_child(&meta);
        }
    }
}
