//! The data the widget ships with: the call editions and the catalog, validated at build time by `build.rs`
//! (which fails the build, naming file and field, on any problem) and embedded as compact JSON.

use std::cell::OnceCell;
use std::rc::Rc;

use welfare_core::call::Call;
use welfare_core::catalog::Catalog;
use welfare_core::matching::SearchIndex;

const CALLS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/calls.json"));
const CATALOG_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/catalog.json"));

/// The id of the edition shown when none is asked for.
pub const DEFAULT_CALL: &str = "2016";

pub struct Data {
    pub calls: Vec<Call>,
    pub catalog: Rc<Catalog>,
    index: OnceCell<SearchIndex>,
    /// Problems met while reading the embedded data (none in a good build), shown to the visitor.
    pub problems: Vec<String>,
}

impl Data {
    fn load() -> Data {
        let mut problems = Vec::new();
        let calls = serde_json::from_str::<Vec<Call>>(CALLS_JSON).unwrap_or_else(|e| {
            problems.push(format!("calls.json: {e}"));
            Vec::new()
        });
        let catalog = serde_json::from_str::<Option<Catalog>>(CATALOG_JSON)
            .map_err(|e| e.to_string())
            .and_then(|c| c.ok_or_else(|| "missing".to_string()))
            .unwrap_or_else(|e| {
                problems.push(format!("catalog.json: {e}"));
                Catalog::default()
            });
        Data { calls, catalog: Rc::new(catalog), index: OnceCell::new(), problems }
    }

    /// The matching's search index, built on first use (not at start-up).
    pub fn index(&self) -> &SearchIndex {
        self.index.get_or_init(|| SearchIndex::build(&self.catalog))
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
