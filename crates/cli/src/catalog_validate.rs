//! `welfare catalog-validate [DIR] [--out FILE.bin | FILE.json]`: compile and validate the catalog
//! sources in DIR (default `data/catalog`); with `--out`, write the packed catalog a host serves to
//! the widget (`catalog="URL"`), or, for a `.json` name, the whole compiled catalog as minified JSON.

use std::path::Path;

use welfare_core::catalog::{self, CatalogSources};

/// Reads the six source files of a catalog directory.
pub fn read_sources(dir: &str) -> Result<CatalogSources, String> {
    CatalogSources::read_dir(Path::new(dir), dir)
        .map_err(|problems| problems.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
}

/// Loads and validates; prints every problem to stderr on failure.
pub fn load(dir: &str) -> Option<catalog::Catalog> {
    let src = match read_sources(dir) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            return None;
        }
    };
    match catalog::load_catalog(&src) {
        Ok(c) => Some(c),
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!("{} problem(s)", problems.len());
            None
        }
    }
}

pub fn run(args: &[String]) -> i32 {
    let mut dir = "data/catalog".to_string();
    let mut out: Option<String> = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().cloned(),
            "-h" | "--help" => {
                outln!("usage: welfare catalog-validate [DIR] [--out FILE.bin | FILE.json]");
                return 0;
            }
            other => dir = other.to_string(),
        }
    }
    let Some(c) = load(&dir) else { return 1 };
    outln!(
        "{dir}: ok: {} projects, {} organisations, {} municipalities, {} provinces ({} in the territory)",
        c.projects.len(),
        c.organisations.len(),
        c.municipalities.len(),
        c.provinces.len(),
        c.provinces.iter().filter(|p| p.in_territory).count()
    );
    if let Some(out) = out {
        // `.json`: the whole compiled catalog, for people and tools. Anything else: the packed form the
        // widget reads (`catalog="URL"`), slimmed as the build embeds it.
        let bytes = if out.ends_with(".json") {
            match serde_json::to_string(&c) {
                Ok(json) => json.into_bytes(),
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            }
        } else {
            welfare_core::pack::encode_catalog(&c.for_embedding())
        };
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("{out}: {e}");
            return 1;
        }
        outln!("wrote {out} ({} bytes)", bytes.len());
    }
    0
}
