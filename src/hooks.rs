//! Hooks wrapping the app's side effects: the catalog's loading, the steps in the URL and history,
//! saving on this device, and the kiosk's idle watch. `App` reads them; none holds answers.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

use crate::data::{self, CatalogData};
use crate::platform;
use crate::state::{Action, AppState, Notice, Step};

/// The catalog as the widget sees it: one state, never two that disagree.
#[derive(Clone, PartialEq)]
pub enum Catalog {
    /// Not there yet: the questions work, the municipality search and the matches say they are loading.
    Loading,
    /// The host's updated catalog if it loaded and validated, else the bundled file, with its engine.
    Ready(Rc<CatalogData>),
    /// The bundled file (or its engine) failed too: the check works without suggestions.
    Missing,
}

impl Catalog {
    pub fn ready(&self) -> Option<&Rc<CatalogData>> {
        match self {
            Catalog::Ready(c) => Some(c),
            _ => None,
        }
    }

    pub fn loading(&self) -> bool {
        *self == Catalog::Loading
    }

    pub fn missing(&self) -> bool {
        *self == Catalog::Missing
    }
}

/// The catalog, after the first render: the host's update (`url`) if it loads and validates (then
/// the bundled one is never fetched), else the bundled file beside the wasm (once a page). What goes
/// wrong is said through `notice`.
#[hook]
pub fn use_catalog(url: Option<String>, base: String, notice: Callback<Notice>) -> Catalog {
    let catalog = use_state(|| data::bundled_catalog().map_or(Catalog::Loading, Catalog::Ready));
    {
        let catalog = catalog.clone();
        use_effect_with((), move |_| {
            wasm_bindgen_futures::spawn_local(async move {
                if let Some(url) = url {
                    match data::fetch_catalog(&base, &url, 8_000, false).await {
                        Ok(updated) => return catalog.set(Catalog::Ready(updated)),
                        Err(why) => notice.emit(Notice::CatalogFailed(why)),
                    }
                }
                if catalog.ready().is_none() {
                    data::load_bundled_catalog(&base, move |result| match result {
                        Ok(bundled) => catalog.set(Catalog::Ready(bundled)),
                        Err(why) => {
                            catalog.set(Catalog::Missing);
                            notice.emit(Notice::CatalogUnavailable(why));
                        }
                    });
                }
            });
        });
    }
    (*catalog).clone()
}

/// The steps in the URL and the history. The URL follows the step (a history entry each), and
/// Back/Forward move between steps (`on_step`). The start page needs no fragment: a page opened
/// without one keeps its URL (no history entry, no wait for one). A kiosk rewrites its one entry
/// instead: no visitor's steps stay in the history for the next visitor to go Back through (its
/// screens have their own Back buttons). When the step changes (not on first load) the new heading
/// takes the focus, so it is announced.
#[hook]
pub fn use_step_history(step: Step, kiosk: bool, on_step: Callback<Step>) {
    let first = use_mut_ref(|| true);
    use_effect_with(step, move |step| {
        if !std::mem::replace(&mut *first.borrow_mut(), false) {
            platform::focus_id("wc-heading");
        }
        if !(*step == Step::Start && platform::hash().is_empty()) {
            platform::show_hash(&format!("/{}", step.slug()), kiosk);
        }
    });
    use_effect_with((), move |_| {
        let listener = platform::on_history(move |fragment| {
            let slug = if fragment.is_empty() { Some("") } else { fragment.strip_prefix('/') };
            if let Some(step) = slug.and_then(Step::from_slug) {
                on_step.emit(step);
            }
        });
        move || drop(listener)
    });
}

/// Answers are saved on this device as they change (never on a kiosk), but not over a saved draft
/// that a share link was opened over until the visitor has chosen which to keep
/// (`AppState::to_save`). A browser that refuses storage gets its notice once.
#[hook]
pub fn use_autosave(state: UseReducerHandle<AppState>, kiosk: bool) {
    let deps = (state.answers.clone(), state.call_id.clone(), state.draft.is_some());
    use_effect_with(deps, move |_| {
        if let Some(code) = state.to_save().filter(|_| !kiosk) {
            if !platform::save_answers(&code) && state.notice != Some(Notice::StorageUnavailable) {
                state.dispatch(Action::SetNotice(Some(Notice::StorageUnavailable)));
            }
        }
    });
}

/// The kiosk's idle watch. While `enabled`, any touch, click, key or typing counts as activity.
/// After `idle` seconds without it, returns `Some(seconds left)` for `warning` seconds (the
/// visible countdown); then calls `on_expire` and starts over. Returns `None` while active.
#[hook]
pub fn use_idle(enabled: bool, idle: u32, warning: u32, on_expire: Callback<()>) -> Option<u32> {
    let left = use_state_eq(|| None::<u32>);
    {
        let left = left.clone();
        use_effect_with((enabled, idle, warning), move |&(enabled, idle, warning)| {
            let mut keep: Vec<EventListener> = Vec::new();
            let mut interval = None;
            if enabled {
                let last = Rc::new(Cell::new(js_sys::Date::now()));
                let document = gloo::utils::document();
                for kind in ["pointerdown", "keydown", "touchstart", "input", "wheel"] {
                    let last = last.clone();
                    keep.push(EventListener::new(&document, kind, move |_| last.set(js_sys::Date::now())));
                }
                interval = Some(Interval::new(500, move || {
                    let elapsed = ((js_sys::Date::now() - last.get()) / 1000.0).max(0.0) as u32;
                    if elapsed >= idle + warning {
                        last.set(js_sys::Date::now());
                        left.set(None);
                        on_expire.emit(());
                    } else if elapsed >= idle {
                        left.set(Some(idle + warning - elapsed));
                    } else {
                        left.set(None);
                    }
                }));
            }
            move || {
                drop(keep);
                drop(interval);
            }
        });
    }
    *left
}
