//! Hooks wrapping the app's timed and event-driven side effects.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::EventListener;
use gloo::timers::callback::Interval;
use yew::prelude::*;

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
