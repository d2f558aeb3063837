//! Matching benchmark (harness = false): `cargo bench -p welfare-core --features source --bench matching`.
//! Same table as `welfare bench-match`.

use welfare_core::catalog::{self, CatalogSources};

#[allow(dead_code)]
mod catalog_validate {
    pub fn load(_dir: &str) -> Option<welfare_core::catalog::Catalog> {
        None
    }
}

#[path = "../../cli/src/bench_match.rs"]
mod bench_match;

fn main() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).unwrap_or_default();
    let src = CatalogSources {
        dir: "data/catalog".to_string(),
        projects: read(catalog::PROJECTS_FILE),
        organisations: read(catalog::ORGANISATIONS_FILE),
        municipalities: read(catalog::MUNICIPALITIES_FILE),
        provinces: read(catalog::PROVINCES_FILE),
        adjacency: read(catalog::ADJACENCY_FILE),
        weights: read(catalog::WEIGHTS_FILE),
    };
    match catalog::load_catalog(&src) {
        Ok(c) => print!("{}", bench_match::table(&c, &[10_000, 100_000], 200)),
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
    }
}
