//! The data the widget ships with, validated at build time by `build.rs` (which fails the build,
//! naming file and field, on any problem) and packed (`welfare_core::codec::pack`): no JSON parser in the wasm.
//! - The call editions and the provinces are embedded: the start page and the first questions need them.
//! - The catalog (funded projects, partners, municipalities) is a file beside the wasm,
//!   [`CATALOG_FILE`], fetched by the app once the start page is up and kept for the page's life.

use std::cell::RefCell;
use std::rc::Rc;

use welfare_core::catalog::engine::{DirectoryHit, MatchesView, MunicipalityHit, Request, Response};
use welfare_core::catalog::matching::{Gaps, Limits};
use welfare_core::catalog::message::Context;
use welfare_core::catalog::Province;
use welfare_core::codec::pack::{self, CallData};
use welfare_core::codec::qr::QrView;
use welfare_core::model::Answers;
use welfare_core::rules::call::Call;
use welfare_core::Lang;
use yew::Html;

use crate::engine::Engine;

const CALLS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/calls.bin"));

/// The bundled catalog's file name beside the wasm (named after its content by `build.rs`).
pub const CATALOG_FILE: &str = env!("WC_CATALOG_FILE");

/// The id of the edition shown when none is asked for.
pub const DEFAULT_CALL: &str = "2016";

/// A catalog, held by its engine (`crate::engine`): the app asks it for municipalities and matches.
pub struct CatalogData {
    engine: Engine,
}

impl CatalogData {
    /// Reads catalog bytes fetched from `url` into an engine started from `base`. `bundled`: the
    /// build's own file, read only if the bytes hash to its name (a stale cache or a file of another
    /// build is refused) and then not validated again; otherwise (a host's update, made by `welfare
    /// catalog-validate --out FILE.bin`) every field is validated and every problem reported.
    pub async fn read(base: &str, url: &str, bytes: Vec<u8>, bundled: bool) -> Result<CatalogData, Vec<String>> {
        if bundled {
            CatalogData::check_bundled(url, &bytes)?;
        }
        let engine = Engine::start(base).await.map_err(|e| vec![e])?;
        CatalogData::load(engine, url, bytes, bundled)
    }

    /// The bundled catalog's bytes must hash to its name ([`CATALOG_FILE`]): anything else (a stale
    /// cache, another build's file) is refused before it is decoded.
    fn check_bundled(url: &str, bytes: &[u8]) -> Result<(), Vec<String>> {
        if CATALOG_FILE == format!("catalog-{}.bin", pack::content_hash(bytes)) {
            Ok(())
        } else {
            Err(vec![format!("{url}: not the catalog of this build")])
        }
    }

    fn load(engine: Engine, url: &str, bytes: Vec<u8>, bundled: bool) -> Result<CatalogData, Vec<String>> {
        match engine.ask(&Request::Load { name: url.to_string(), bytes, validate: !bundled }) {
            Response::Loaded(problems) if problems.is_empty() => Ok(CatalogData { engine }),
            Response::Loaded(problems) => Err(problems),
            Response::Failed(e) => Err(vec![format!("{url}: {e}")]),
            _ => Err(vec![format!("{url}: the catalog engine answered something else")]),
        }
    }

    /// The bundled catalog read at once, in process (the browser tests: the runner serves no files).
    #[cfg(not(all(target_arch = "wasm32", not(debug_assertions))))]
    pub fn from_bundled(url: &str, bytes: &[u8]) -> Result<CatalogData, Vec<String>> {
        CatalogData::check_bundled(url, bytes)?;
        CatalogData::load(Engine::in_process(), url, bytes.to_vec(), true)
    }

    /// Builds the search index now (the visitor has started; the result will need it).
    pub fn prepare(&self) {
        let _ = self.engine.ask(&Request::Prepare);
    }

    pub fn municipality_name(&self, istat: &str) -> Option<String> {
        match self.engine.ask(&Request::Municipality { istat: istat.to_string() }) {
            Response::Municipality(name) => name,
            _ => None,
        }
    }

    /// Municipalities matching what the visitor typed, best first.
    pub fn search_municipalities(&self, query: &str, limit: u32) -> Vec<MunicipalityHit> {
        match self.engine.ask(&Request::SearchMunicipalities { query: query.to_string(), limit }) {
            Response::Municipalities(hits) => hits,
            _ => Vec::new(),
        }
    }

    /// Organisations and municipalities whose name matches what the visitor typed, best first.
    pub fn search_directory(&self, query: &str, limit: u32) -> Vec<DirectoryHit> {
        match self.engine.ask(&Request::SearchDirectory { query: query.to_string(), limit }) {
            Response::Directory(hits) => hits,
            _ => Vec::new(),
        }
    }

    /// The funded projects and partners for these answers; `None` (logged) if the engine failed.
    /// With `message`, each card carries a first message to send (`welfare_core::catalog::message`).
    pub fn matches(&self, answers: &Answers, gaps: &Gaps, limits: Limits, message: Option<Context>) -> Option<MatchesView> {
        match self.engine.ask(&Request::Match { answers: answers.clone(), gaps: gaps.clone(), limits, message }) {
            Response::Matches(view) => Some(view),
            Response::Failed(e) => {
                gloo::console::warn!(format!("matching: {e}"));
                None
            }
            _ => None,
        }
    }

    /// The idea beside the funded projects, as the result page's section in `lang` (markup the engine
    /// builds from fixed labels and numbers, `welfare_core::catalog::compare`); `None` if the engine failed or
    /// has nothing to show.
    pub fn compare(&self, answers: &Answers, lang: Lang) -> Option<Html> {
        match self.engine.ask(&Request::Compare { answers: answers.clone(), lang }) {
            Response::Markup(markup) if !markup.is_empty() => Some(Html::from_html_unchecked(markup.into())),
            _ => None,
        }
    }
}

impl CatalogData {
    /// The kiosk's QR code of the share link on `base` for these answers; `None` if the engine failed.
    pub fn qr(&self, base: &str, call_id: &str, answers: &Answers) -> Option<QrView> {
        let request = Request::Qr { base: base.to_string(), call_id: call_id.to_string(), answers: answers.clone() };
        match self.engine.ask(&request) {
            Response::Qr(view) => Some(view),
            _ => None,
        }
    }
}

impl PartialEq for CatalogData {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub struct Data {
    /// Shared, not copied, by the pages that show a call.
    pub calls: Vec<Rc<Call>>,
    pub provinces: Vec<Province>,
    /// Problems met while reading the embedded data (none in a good build), shown to the visitor.
    pub problems: Vec<String>,
}

impl Data {
    fn load() -> Data {
        let (data, problems) = match pack::decode_calls(CALLS) {
            Ok(data) => (data, Vec::new()),
            Err(e) => (CallData::default(), vec![format!("calls: {e}")]),
        };
        Data { calls: data.calls.into_iter().map(Rc::new).collect(), provinces: data.provinces, problems }
    }

    pub fn call(&self, id: &str) -> Option<&Rc<Call>> {
        self.calls.iter().find(|c| c.id == id).or_else(|| self.calls.first())
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        welfare_core::catalog::find_province(&self.provinces, code)
    }
}

/// Where the bundled catalog's one fetch a page is: not started, under way (with who waits for
/// it), or done (a problem, in plain words, if it failed).
enum Bundled {
    NotStarted,
    Loading(Vec<Box<dyn FnOnce(Loaded)>>),
    Done(Loaded),
}

/// A fetched catalog, or why it could not be used.
pub type Loaded = Result<Rc<CatalogData>, String>;

thread_local! {
    static DATA: Rc<Data> = Rc::new(Data::load());
    static BUNDLED_CATALOG: RefCell<Bundled> = const { RefCell::new(Bundled::NotStarted) };
}

/// The embedded data, parsed once on first use.
pub fn data() -> Rc<Data> {
    DATA.with(Rc::clone)
}

/// The bundled catalog, once fetched (a kiosk's restart or a second widget on the page reuses it).
pub fn bundled_catalog() -> Option<Rc<CatalogData>> {
    BUNDLED_CATALOG.with(|c| match &*c.borrow() {
        Bundled::Done(Ok(catalog)) => Some(catalog.clone()),
        _ => None,
    })
}

/// Keeps the bundled catalog for the page's life, as if fetched (tests: the runner serves no files).
pub fn keep_bundled_catalog(catalog: Rc<CatalogData>) {
    BUNDLED_CATALOG.with(|c| *c.borrow_mut() = Bundled::Done(Ok(catalog)));
}

/// Calls `done` with the bundled catalog, fetched from `base` + [`CATALOG_FILE`] on the first call
/// of the page (`mount` makes it before the first render, so the download overlaps it) and kept.
/// A failed fetch is not retried within the page: reloading it does.
pub fn load_bundled_catalog(base: &str, done: impl FnOnce(Loaded) + 'static) {
    Engine::prefetch(base);
    let start = BUNDLED_CATALOG.with(|c| {
        let mut c = c.borrow_mut();
        match &mut *c {
            Bundled::Done(result) => {
                let result = result.clone();
                drop(c);
                done(result);
                false
            }
            Bundled::Loading(waiting) => {
                waiting.push(Box::new(done));
                false
            }
            Bundled::NotStarted => {
                *c = Bundled::Loading(vec![Box::new(done)]);
                true
            }
        }
    });
    if start {
        let (base, url) = (base.to_string(), format!("{base}{CATALOG_FILE}"));
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch_catalog(&base, &url, 30_000, true).await;
            let waiting = BUNDLED_CATALOG.with(|c| match std::mem::replace(&mut *c.borrow_mut(), Bundled::Done(result.clone())) {
                Bundled::Loading(waiting) => waiting,
                _ => Vec::new(),
            });
            for done in waiting {
                done(result.clone());
            }
        });
    }
}

/// Fetches a packed catalog from `url` and reads it into an engine from `base` (`bundled`: the build's
/// own file, see [`CatalogData::read`]); the first problem, in plain words, if it cannot be used.
pub async fn fetch_catalog(base: &str, url: &str, timeout_ms: u32, bundled: bool) -> Loaded {
    let loaded = match crate::platform::fetch_bytes(url, timeout_ms).await {
        Ok(bytes) => CatalogData::read(base, url, bytes, bundled).await,
        Err(e) => Err(vec![e]),
    };
    loaded.map(Rc::new).map_err(|problems| {
        for p in &problems {
            gloo::console::warn!(p.clone());
        }
        problems.into_iter().next().unwrap_or_default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Runs a future that never waits (the in-process engine is ready at once).
    fn now<F: std::future::Future>(f: F) -> F::Output {
        let mut f = std::pin::pin!(f);
        match f.as_mut().poll(&mut std::task::Context::from_waker(std::task::Waker::noop())) {
            std::task::Poll::Ready(out) => out,
            std::task::Poll::Pending => panic!("the in-process engine waited"),
        }
    }

    #[test]
    fn the_bundled_catalog_is_read_only_if_it_is_this_builds() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
        let catalog = CatalogData::from_bundled("catalog.bin", bytes).map_err(|e| e.join("; ")).unwrap();
        assert_eq!(catalog.search_municipalities("lecco", 1).first().map(|m| m.name.as_str()), Some("Lecco"));
        // One byte changed: a file of another build, or a stale cache, is refused before decoding.
        let mut other = bytes.to_vec();
        if let Some(last) = other.last_mut() {
            *last ^= 1;
        }
        let refused = now(CatalogData::read("", "catalog.bin", other, true)).err().unwrap_or_default();
        assert_eq!(refused, ["catalog.bin: not the catalog of this build"]);
        // A host's update is validated instead: the same bytes pass, junk does not.
        assert!(now(CatalogData::read("", "u.bin", bytes.to_vec(), false)).is_ok());
        let junk = now(CatalogData::read("", "u.bin", b"<html>".to_vec(), false)).err().unwrap_or_default();
        assert!(junk.first().is_some_and(|p| p.starts_with("u.bin: ")), "{junk:?}");
    }
}
