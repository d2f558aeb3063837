//! The data the widget ships with: the call editions and the catalog, validated at build time by `build.rs`
//! (which fails the build, naming file and field, on any problem) and embedded packed
//! (`welfare_core::pack`): no JSON parser in the wasm.

use std::cell::OnceCell;
use std::rc::Rc;

use welfare_core::call::Call;
use welfare_core::catalog::Catalog;
use welfare_core::matching::SearchIndex;
use welfare_core::pack;

const CALLS: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/calls.bin"));
const CATALOG: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/catalog.bin"));

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

    /// Reads an updated catalog fetched from the host's URL (packed, as `welfare catalog-validate
    /// --out FILE.bin` writes it): every problem is reported, and the caller keeps the bundled
    /// catalog when there is any.
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
    /// The catalog bundled with the build, parsed on first use: the start page does not wait for it.
    catalog: OnceCell<Rc<CatalogData>>,
    /// Problems met while reading the embedded data (none in a good build), shown to the visitor.
    pub problems: Vec<String>,
}

impl Data {
    fn load() -> Data {
        let mut problems = Vec::new();
        let calls = pack::decode_calls(CALLS).unwrap_or_else(|e| {
            problems.push(format!("calls: {e}"));
            Vec::new()
        });
        Data { calls, catalog: OnceCell::new(), problems }
    }

    /// The bundled catalog (validated by the build; were it unreadable, an empty one and a console error).
    pub fn catalog(&self) -> Rc<CatalogData> {
        self.catalog
            .get_or_init(|| {
                let catalog = pack::decode_catalog(CATALOG).unwrap_or_else(|e| {
                    gloo::console::error!(format!("catalog: {e}"));
                    Catalog::default()
                });
                Rc::new(CatalogData::new(catalog))
            })
            .clone()
    }

    pub fn call(&self, id: &str) -> Option<&Call> {
        self.calls.iter().find(|c| c.id == id).or_else(|| self.calls.first())
    }
}

thread_local! {
    static DATA: Rc<Data> = Rc::new(Data::load());
}

/// The embedded data, parsed once on first use.
pub fn data() -> Rc<Data> {
    DATA.with(Rc::clone)
}
