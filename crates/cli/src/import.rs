//! `welfare import FILE.csv [--out FILE.json] [--catalog DIR]`: turn a CSV export of the
//! foundation's own directory (columns name,kind,provinces,source_url[,verified]) into a validated
//! organisations file. Any bad row: nothing is written, every bad row is listed, exit 1.

use welfare_core::catalog;

#[derive(clap::Args)]
pub struct Args {
    /// The directory export
    #[arg(value_name = "FILE.csv")]
    pub input: String,
    /// Write the organisations there (default: print them)
    #[arg(long, value_name = "FILE.json")]
    pub out: Option<String>,
    /// The catalog whose provinces the rows may name
    #[arg(long, value_name = "DIR", default_value = "data/catalog")]
    pub catalog: String,
}

pub fn run(args: Args) -> i32 {
    let Args { input, out, catalog: dir } = args;
    let text = match std::fs::read_to_string(&input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{input}: {e}");
            return 1;
        }
    };
    let prov_path = std::path::Path::new(&dir).join(catalog::PROVINCES_FILE);
    let provinces = match std::fs::read_to_string(&prov_path).map_err(|e| format!("{}: {e}", prov_path.display())).and_then(|t| {
        catalog::import::parse_provinces(&prov_path.display().to_string(), &t)
            .map_err(|ps| ps.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
    }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    match catalog::import::import_organisations_csv(&input, &text, &provinces) {
        Ok(orgs) => {
            let json = match serde_json::to_string_pretty(&orgs) {
                Ok(j) => j,
                Err(e) => {
                    eprintln!("{e}");
                    return 1;
                }
            };
            match out {
                Some(out) => {
                    if let Err(e) = std::fs::write(&out, json + "\n") {
                        eprintln!("{out}: {e}");
                        return 1;
                    }
                    outln!("{input}: {} organisations imported into {out}", orgs.len());
                }
                None => outln!("{json}"),
            }
            0
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            let mut lines: Vec<&str> = problems.iter().filter_map(|p| p.path.split(',').next()).collect();
            lines.dedup();
            eprintln!("{} problem(s) in {} row(s); nothing was imported", problems.len(), lines.len());
            1
        }
    }
}
