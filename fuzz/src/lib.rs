//! Shared fixtures for the fuzz targets: the real 2016 call and the real catalog, embedded at
//! compile time and loaded once per process.

use std::sync::OnceLock;

use welfare_core::catalog::{self, Catalog, Province};

use welfare_core::catalog::import::CatalogSources;
use welfare_core::catalog::matching::SearchIndex;
use welfare_core::{Call, RomeDateTime};

pub const CALL_2016: &str = include_str!("../../data/calls/2016.toml");

fn sources() -> CatalogSources {
    CatalogSources {
        dir: "data/catalog".into(),
        projects: include_str!("../../data/catalog/projects.json").into(),
        organisations: include_str!("../../data/catalog/organisations.json").into(),
        municipalities: include_str!("../../data/catalog/comuni-territorio.csv").into(),
        provinces: include_str!("../../data/catalog/province-italia.csv").into(),
        adjacency: include_str!("../../data/catalog/adjacency.toml").into(),
        weights: include_str!("../../data/catalog/weights.toml").into(),
    }
}

/// The real 2016 call. The real data is valid (the build checks it), so a failure here is a bug
/// in the fuzz setup, not a finding: abort loudly.
pub fn call_2016() -> &'static Call {
    static CALL: OnceLock<Call> = OnceLock::new();
    CALL.get_or_init(|| match welfare_core::rules::call::load_call_toml("data/calls/2016.toml", CALL_2016) {
        Ok(c) => c,
        Err(p) => panic!("the real 2016 call does not load: {p:?}"),
    })
}

/// The real catalog and its search index.
pub fn catalog() -> &'static (Catalog, SearchIndex) {
    static CATALOG: OnceLock<(Catalog, SearchIndex)> = OnceLock::new();
    CATALOG.get_or_init(|| match catalog::import::load_catalog(&sources()) {
        Ok(c) => {
            let ix = SearchIndex::build(&c);
            (c, ix)
        }
        Err(p) => panic!("the real catalog does not load: {p:?}"),
    })
}

pub fn provinces() -> &'static [Province] {
    &catalog().0.provinces
}

/// Matches a visitor (Milan; youth, work, elderly) against a catalog that validated: must not panic.
pub fn match_sample(catalog: &Catalog) {
    use welfare_core::catalog::matching::{match_all, Gaps, Limits};
    let index = SearchIndex::build(catalog);
    let answers = welfare_core::Answers {
        description: "giovani lavoro anziani".into(),
        territory: welfare_core::Territory { provinces: vec!["MI".into()], municipalities: vec![] },
        ..Default::default()
    };
    let _ = match_all(catalog, &index, &answers, &Gaps::basic(&answers), Limits::default());
}

/// A fixed moment during the 2016 call (before its deadline).
pub fn now() -> RomeDateTime {
    RomeDateTime { year: 2016, month: 3, day: 1, hour: 12, minute: 0 }
}
