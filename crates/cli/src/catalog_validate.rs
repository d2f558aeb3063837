//! `welfare catalog-validate [DIR] [--out FILE.bin | FILE.json]`: compile and validate the catalog
//! sources in DIR (default `data/catalog`); with `--out`, write the packed catalog a host serves to
//! the widget (`catalog="URL"`), or, for a `.json` name, the whole compiled catalog as minified JSON.

use std::path::Path;

use welfare_core::catalog::{self};

use welfare_core::catalog::import::CatalogSources;

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
    match catalog::import::load_catalog(&src) {
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

#[derive(clap::Args)]
pub struct Args {
    /// The catalog's source files
    #[arg(value_name = "DIR", default_value = "data/catalog")]
    pub dir: String,
    /// Write the packed catalog a host serves to the widget (`catalog="URL"`), or, for a name ending
    /// in .json, the whole compiled catalog as JSON
    #[arg(long, value_name = "FILE.bin|FILE.json")]
    pub out: Option<String>,
}

pub fn run(args: Args) -> i32 {
    let Args { dir, out } = args;
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
            welfare_core::codec::pack::encode_catalog_for_widget(c)
        };
        if let Err(e) = std::fs::write(&out, &bytes) {
            eprintln!("{out}: {e}");
            return 1;
        }
        outln!("wrote {out} ({} bytes)", bytes.len());
    }
    0
}
