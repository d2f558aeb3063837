//! `welfare import FILE.csv [--out FILE.json] [--catalog DIR]`: turn a CSV export of the
//! foundation's own directory (columns name,kind,provinces,source_url[,verified]) into a validated
//! organisations file. Any bad row: nothing is written, every bad row is listed, exit 1.

use welfare_core::catalog;

pub fn run(args: &[String]) -> i32 {
    let mut input: Option<String> = None;
    let mut out: Option<String> = None;
    let mut dir = "data/catalog".to_string();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--out" => out = it.next().cloned(),
            "--catalog" => {
                if let Some(d) = it.next() {
                    dir = d.clone();
                }
            }
            "-h" | "--help" => {
                outln!("usage: welfare import FILE.csv [--out FILE.json] [--catalog DIR]");
                outln!("columns: name,kind,provinces,source_url[,verified]; provinces separated by ';'");
                return 0;
            }
            other => input = Some(other.to_string()),
        }
    }
    let Some(input) = input else {
        eprintln!("usage: welfare import FILE.csv [--out FILE.json]");
        return 2;
    };
    let text = match std::fs::read_to_string(&input) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{input}: {e}");
            return 1;
        }
    };
    let prov_path = std::path::Path::new(&dir).join(catalog::PROVINCES_FILE);
    let provinces = match std::fs::read_to_string(&prov_path)
        .map_err(|e| format!("{}: {e}", prov_path.display()))
        .and_then(|t| {
            catalog::parse_provinces(&prov_path.display().to_string(), &t)
                .map_err(|ps| ps.iter().map(ToString::to_string).collect::<Vec<_>>().join("\n"))
        }) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    match catalog::import_organisations_csv(&input, &text, &provinces) {
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
