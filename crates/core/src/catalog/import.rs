//! Reading the catalog's source files (`data/catalog/`: JSON, CSV, TOML) into a [`Catalog`], and
//! `welfare import`'s CSV of organisations. Native only (feature `source`): the web app and the
//! catalog engine get the catalog packed.

use std::collections::HashSet;

use serde::Deserialize;

use super::validate::validate_catalog;
use super::*;
use crate::model::{MemberKind, Need};
use crate::problem::Problem;
use crate::source::csv::{col, csv_table};
use crate::text::is_url;

/// Parses province-italia.csv.
pub fn parse_provinces(file: &str, text: &str) -> Result<Vec<Province>, Vec<Problem>> {
    let (header, rows) = csv_table(file, text, &["province_code", "name", "sigla", "region"])?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for r in &rows {
        let code = col(&header, r, "sigla").to_ascii_uppercase();
        if code.len() != 2 || !code.chars().all(|c| c.is_ascii_alphabetic()) {
            problems.push(Problem::new(file, format!("line {}, column 3 (sigla)", r.line), format!("not a two-letter code: \"{code}\"")));
            continue;
        }
        out.push(Province {
            in_territory: TERRITORY.contains(&code.as_str()),
            code,
            istat: col(&header, r, "province_code").to_string(),
            name: col(&header, r, "name").to_string(),
            region: col(&header, r, "region").to_string(),
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Parses comuni-territorio.csv.
pub fn parse_municipalities(file: &str, text: &str) -> Result<Vec<Municipality>, Vec<Problem>> {
    let (header, rows) = csv_table(file, text, &["istat_code", "name", "province", "region", "population_2011"])?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for r in &rows {
        let pop = col(&header, r, "population_2011");
        let population = match pop.parse::<u32>() {
            Ok(p) => p,
            Err(_) => {
                problems.push(Problem::new(
                    file,
                    format!("line {}, column 5 (population_2011)", r.line),
                    format!("not a whole number: \"{pop}\""),
                ));
                0
            }
        };
        out.push(Municipality {
            istat: col(&header, r, "istat_code").to_string(),
            name: col(&header, r, "name").to_string(),
            province: col(&header, r, "province").to_ascii_uppercase(),
            population,
        });
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// Parses a directory export (`welfare import`): columns name,kind,provinces,source_url[,verified];
/// provinces separated by `;`. Either every row is valid and all are returned, or none is and every
/// bad row is reported (path `line N, column C (name)`).
pub fn import_organisations_csv(file: &str, text: &str, provinces: &[Province]) -> Result<Vec<Organisation>, Vec<Problem>> {
    let (header, rows) = csv_table(file, text, &["name", "kind", "provinces", "source_url"])?;
    let colno = |name: &str| header.iter().position(|h| h == name).map(|i| i + 1).unwrap_or(0);
    let mut problems = Vec::new();
    let mut out = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    for r in &rows {
        let at = |c: &str| format!("line {}, column {} ({c})", r.line, colno(c));
        let mut ok = true;
        let name = col(&header, r, "name");
        if name.is_empty() {
            problems.push(Problem::new(file, at("name"), "the name is empty"));
            ok = false;
        }
        let kind_s = col(&header, r, "kind");
        let kind = MemberKind::from_id(kind_s);
        if kind.is_none() {
            problems.push(Problem::new(file, at("kind"), format!("unknown kind \"{kind_s}\"")));
            ok = false;
        }
        let mut provs = Vec::new();
        for p in col(&header, r, "provinces").split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let up = p.to_ascii_uppercase();
            if provinces.iter().any(|x| x.code == up) {
                provs.push(up);
            } else {
                problems.push(Problem::new(file, at("provinces"), format!("unknown province \"{p}\"")));
                ok = false;
            }
        }
        let url = col(&header, r, "source_url");
        if !is_url(url) {
            problems.push(Problem::new(file, at("source_url"), format!("not a web address: \"{url}\"")));
            ok = false;
        }
        let verified_s = col(&header, r, "verified");
        let lower = verified_s.to_ascii_lowercase();
        let verified = if lower.is_empty() || lower.starts_with("no") || lower.starts_with("partial") {
            false
        } else if lower.starts_with("yes") {
            true
        } else {
            problems.push(Problem::new(file, at("verified"), format!("expected yes, no or partial, found \"{verified_s}\"")));
            ok = false;
            false
        };
        if let (true, Some(kind)) = (ok, kind) {
            let base = slug(name);
            let mut id = format!("import-{base}");
            let mut n = 2;
            while !ids.insert(id.clone()) {
                id = format!("import-{base}-{n}");
                n += 1;
            }
            out.push(Organisation {
                id,
                name: name.to_string(),
                kind,
                kind_confidence: KindConfidence::Stated,
                source_kind: kind_s.to_string(),
                provinces: provs,
                provinces_from: "source".to_string(),
                projects: Vec::new(),
                needs: Vec::new(),
                description: None,
                sources: vec![url.to_string()],
                verified,
                verified_note: if verified_s.is_empty() { None } else { Some(verified_s.to_string()) },
                origin: Origin::Import,
                istat: None,
                lead_municipality: None,
                website: None,
                aliases: Vec::new(),
                synthetic: false,
            });
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

// ---------------------------------------------------------------------------------------------
// JSON sources with field-level problems.

fn json_array(file: &str, text: &str) -> Result<Vec<serde_json::Value>, Vec<Problem>> {
    // A byte-order mark (editors on Windows add one) is not JSON: skip it, as `parse_csv` does.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(serde_json::Value::Array(a)) => Ok(a),
        Ok(_) => Err(vec![Problem::new(file, "", "expected a JSON array")]),
        Err(e) => Err(vec![Problem::new(file, format!("line {}, column {}", e.line(), e.column()), e.to_string())]),
    }
}

/// Checks the enum-valued fields by hand, for messages such as `[12].kind: unknown kind "coop"`,
/// then deserialises the rest.
fn check_enum_fields(file: &str, i: usize, v: &serde_json::Value, problems: &mut Vec<Problem>) -> bool {
    let mut ok = true;
    if let Some(k) = v.get("kind") {
        match k.as_str() {
            Some(s) if MemberKind::from_id(s).is_some() => {}
            Some(s) => {
                problems.push(Problem::new(file, format!("[{i}].kind"), format!("unknown kind \"{s}\"")));
                ok = false;
            }
            None => {
                problems.push(Problem::new(file, format!("[{i}].kind"), "expected a kind id (text)"));
                ok = false;
            }
        }
    }
    if let Some(serde_json::Value::Array(needs)) = v.get("needs") {
        for (j, n) in needs.iter().enumerate() {
            if n.as_str().and_then(Need::from_id).is_none() {
                problems.push(Problem::new(file, format!("[{i}].needs[{j}]"), format!("unknown need {n}")));
                ok = false;
            }
        }
    }
    ok
}

fn parse_items<T: for<'de> Deserialize<'de>>(file: &str, text: &str) -> Result<Vec<T>, Vec<Problem>> {
    let arr = json_array(file, text)?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    for (i, v) in arr.into_iter().enumerate() {
        if !check_enum_fields(file, i, &v, &mut problems) {
            continue;
        }
        match serde_json::from_value::<T>(v) {
            Ok(t) => out.push(t),
            Err(e) => problems.push(Problem::new(file, format!("[{i}]"), e.to_string())),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

pub fn parse_projects(file: &str, text: &str) -> Result<Vec<Project>, Vec<Problem>> {
    parse_items(file, text)
}

pub fn parse_organisations(file: &str, text: &str) -> Result<Vec<Organisation>, Vec<Problem>> {
    parse_items(file, text)
}

/// The texts of the catalog's source files. The caller reads them (natively, `read_dir` does), so
/// the catalog itself never touches files.
#[derive(Debug, Clone, Default)]
pub struct CatalogSources {
    /// Directory the files were read from, used in problem messages (e.g. `data/catalog`).
    pub dir: String,
    pub projects: String,
    pub organisations: String,
    pub municipalities: String,
    pub provinces: String,
    pub adjacency: String,
    pub weights: String,
}

impl CatalogSources {
    /// Reads the six source files from `path`; `dir` names the folder in problem messages
    /// (e.g. `data/catalog`). A file that cannot be read is a problem naming it.
    pub fn read_dir(path: &std::path::Path, dir: &str) -> Result<CatalogSources, Vec<Problem>> {
        let mut problems = Vec::new();
        let mut read = |file: &str| {
            std::fs::read_to_string(path.join(file)).unwrap_or_else(|e| {
                problems.push(Problem::new(format!("{}/{file}", dir.trim_end_matches('/')), "", format!("cannot read: {e}")));
                String::new()
            })
        };
        let sources = CatalogSources {
            dir: dir.to_string(),
            projects: read(PROJECTS_FILE),
            organisations: read(ORGANISATIONS_FILE),
            municipalities: read(MUNICIPALITIES_FILE),
            provinces: read(PROVINCES_FILE),
            adjacency: read(ADJACENCY_FILE),
            weights: read(WEIGHTS_FILE),
        };
        if problems.is_empty() {
            Ok(sources)
        } else {
            Err(problems)
        }
    }

    fn name(&self, file: &str) -> String {
        if self.dir.is_empty() {
            file.to_string()
        } else {
            format!("{}/{}", self.dir.trim_end_matches('/'), file)
        }
    }
}

mod toml_files {
    use super::*;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct AdjacencyFile {
        provinces: std::collections::BTreeMap<String, AdjEntry>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct AdjEntry {
        neighbours: Vec<String>,
        #[serde(default)]
        abroad: Vec<String>,
        #[serde(default)]
        confidence: String,
        #[serde(default)]
        note: Option<String>,
    }

    pub(super) fn adjacency(file: &str, text: &str) -> Result<Vec<Neighbours>, Vec<Problem>> {
        let parsed: AdjacencyFile = toml::from_str(text).map_err(|e| vec![Problem::new(file, "", e.to_string())])?;
        Ok(parsed
            .provinces
            .into_iter()
            .map(|(province, e)| Neighbours {
                province,
                neighbours: e.neighbours,
                abroad: e.abroad,
                confidence: e.confidence,
                note: e.note,
            })
            .collect())
    }

    pub(super) fn weights(file: &str, text: &str) -> Result<Weights, Vec<Problem>> {
        toml::from_str::<Weights>(text).map_err(|e| vec![Problem::new(file, "", e.to_string())])
    }
}

/// Compiles the source files into a catalog and validates it. All problems of all files are reported.
pub fn load_catalog(src: &CatalogSources) -> Result<Catalog, Vec<Problem>> {
    fn take<T>(r: Result<T, Vec<Problem>>, problems: &mut Vec<Problem>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(p) => {
                problems.extend(p);
                None
            }
        }
    }
    let mut problems = Vec::new();
    let projects = take(parse_projects(&src.name(PROJECTS_FILE), &src.projects), &mut problems);
    let organisations = take(parse_organisations(&src.name(ORGANISATIONS_FILE), &src.organisations), &mut problems);
    let municipalities = take(parse_municipalities(&src.name(MUNICIPALITIES_FILE), &src.municipalities), &mut problems);
    let provinces = take(parse_provinces(&src.name(PROVINCES_FILE), &src.provinces), &mut problems);
    let adjacency = take(toml_files::adjacency(&src.name(ADJACENCY_FILE), &src.adjacency), &mut problems);
    let weights = take(toml_files::weights(&src.name(WEIGHTS_FILE), &src.weights), &mut problems);
    let (Some(projects), Some(organisations), Some(municipalities), Some(provinces), Some(adjacency), Some(weights)) =
        (projects, organisations, municipalities, provinces, adjacency, weights)
    else {
        return Err(problems);
    };
    let catalog = Catalog { projects, organisations, municipalities, provinces, adjacency, weights };
    let mut found = validate_named(&catalog, src);
    problems.append(&mut found);
    if problems.is_empty() {
        Ok(catalog)
    } else {
        Err(problems)
    }
}

fn validate_named(catalog: &Catalog, src: &CatalogSources) -> Vec<Problem> {
    let mut v = validate_catalog(catalog);
    for p in &mut v {
        p.file = src.name(&p.file);
    }
    v
}
