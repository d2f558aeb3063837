//! Matching benchmark (harness = false): `cargo bench -p welfare-core --features source --bench matching`.
//! Same table as `welfare bench-match`.

use welfare_core::catalog::{self};

use welfare_core::catalog::import::CatalogSources;

#[allow(dead_code)]
mod catalog_validate {
    pub fn load(_dir: &str) -> Option<welfare_core::catalog::Catalog> {
        None
    }
}

// `bench_match.rs`'s `run` prints through the CLI's `outln!` and `out!`.
#[macro_use]
#[allow(dead_code, unused_macros)]
#[path = "../../cli/src/out.rs"]
mod out;

#[path = "../../cli/src/bench_match.rs"]
mod bench_match;

fn main() {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog"));
    let src = CatalogSources::read_dir(dir, "data/catalog").unwrap_or_default();
    match catalog::import::load_catalog(&src) {
        Ok(c) => print!("{}", bench_match::table(&c, &[10_000, 100_000], 200)),
        Err(problems) => {
            for p in problems {
                eprintln!("{p}");
            }
            std::process::exit(1);
        }
    }
}
