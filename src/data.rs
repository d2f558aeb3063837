//! The data the widget ships with, validated at build time by `build.rs` (which fails the build,
//! naming file and field, on any problem) and packed (`welfare_core::pack`): no JSON parser in the wasm.
//! - The call editions and the provinces are embedded: the start page and the first questions need them.
//! - The catalog (funded projects, partners, municipalities) is a file beside the wasm,
//!   [`CATALOG_FILE`], fetched by the app once the start page is up and kept for the page's life.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use welfare_core::call::Call;
use welfare_core::catalog::{Catalog, Province};
use welfare_core::matching::SearchIndex;
use welfare_core::pack::{self, CallData};

const CALLS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/calls.bin"));

/// The bundled catalog's file name beside the wasm (named after its content by `build.rs`).
pub const CATALOG_FILE: &str = env!("WC_CATALOG_FILE");

/// The id of the edition shown when none is asked for.
pub const DEFAULT_CALL: &str = "2016";

/// A catalog and its search index, built on first use (not at start-up).
pub struct CatalogData {
    pub catalog: Catalog,
    index: OnceCell<SearchIndex>,
}

impl CatalogData {
    pub fn new(catalog: Catalog) -> CatalogData {
        CatalogData { catalog, index: OnceCell::new() }
    }

    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(&self.catalog))
    }

    /// Reads the bundled catalog: the very bytes `build.rs` validated, which its name (their content
    /// hash) proves, so they are decoded without validating again; any other bytes (a stale cache, a
    /// file of another build) are refused.
    pub fn from_bundled(url: &str, bytes: &[u8]) -> Result<CatalogData, Vec<String>> {
        if CATALOG_FILE != format!("catalog-{}.bin", pack::content_hash(bytes)) {
            return Err(vec![format!("{url}: not the catalog of this build")]);
        }
        let catalog = pack::decode_catalog(bytes).map_err(|e| vec![format!("{url}: {e}")])?;
        Ok(CatalogData::new(catalog))
    }

    /// Reads a packed catalog fetched from a host's `url` (made by `welfare catalog-validate --out
    /// FILE.bin`): every problem is reported, naming the URL.
    pub fn from_packed(url: &str, bytes: &[u8]) -> Result<CatalogData, Vec<String>> {
        let catalog = pack::decode_catalog(bytes).map_err(|e| vec![format!("{url}: {e}")])?;
        let problems = welfare_core::catalog::validate_catalog(&catalog);
        if problems.is_empty() {
            Ok(CatalogData::new(catalog))
        } else {
            Err(problems.iter().map(|p| format!("{url}: {p}")).collect())
        }
    }
}

impl PartialEq for CatalogData {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

pub struct Data {
    pub calls: Vec<Call>,
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
        Data { calls: data.calls, provinces: data.provinces, problems }
    }

    pub fn call(&self, id: &str) -> Option<&Call> {
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
        let url = format!("{base}{CATALOG_FILE}");
        wasm_bindgen_futures::spawn_local(async move {
            let result = fetch_catalog(&url, 30_000, CatalogData::from_bundled).await;
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

/// Fetches a packed catalog and reads it with `read` (`CatalogData::from_bundled` or `from_packed`);
/// the first problem, in plain words, if it cannot be used.
pub async fn fetch_catalog(url: &str, timeout_ms: u32, read: fn(&str, &[u8]) -> Result<CatalogData, Vec<String>>) -> Loaded {
    let loaded = crate::platform::fetch_bytes(url, timeout_ms).await.map_err(|e| vec![e]).and_then(|bytes| read(url, &bytes));
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

    #[test]
    fn the_bundled_catalog_is_read_only_if_it_is_this_builds() {
        let bytes = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));
        let catalog = CatalogData::from_bundled("catalog.bin", bytes).map_err(|e| e.join("; ")).unwrap();
        assert!(catalog.catalog.municipalities.len() > 1_000);
        // One byte changed: a file of another build, or a stale cache, is refused before decoding.
        let mut other = bytes.to_vec();
        if let Some(last) = other.last_mut() {
            *last ^= 1;
        }
        let refused = CatalogData::from_bundled("catalog.bin", &other).err().unwrap_or_default();
        assert_eq!(refused, ["catalog.bin: not the catalog of this build"]);
        // A host's update is validated instead: the same bytes pass, junk does not.
        assert!(CatalogData::from_packed("u.bin", bytes).is_ok());
        assert!(CatalogData::from_packed("u.bin", b"<html>").is_err());
    }
}
