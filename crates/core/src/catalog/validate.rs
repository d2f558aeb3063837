//! Validation of a compiled catalog: every problem, each naming the source file and the field path.
//! Runs natively (`load_catalog`, the CLI) and in the catalog engine on a host's updated catalog, so it
//! reads no text format.

use std::collections::HashSet;

use super::*;
use crate::problem::Problem;
use crate::text::is_url;

/// Every problem of a compiled catalog, each naming file and field path, file by file (provinces,
/// municipalities, projects, organisations, adjacency, weights). Never panics.
pub fn validate_catalog(c: &Catalog) -> Vec<Problem> {
    let k = Known::of(c);
    let mut out = provinces(c, &k);
    out.extend(municipalities(c));
    out.extend(projects(c, &k));
    out.extend(organisations(c, &k));
    out.extend(adjacency(c, &k));
    out.extend(weights(&c.weights));
    out
}

/// The ids one file's entries may refer to in another.
struct Known<'a> {
    provinces: HashSet<&'a str>,
    municipalities: HashSet<&'a str>,
    /// Non-empty project ids.
    projects: HashSet<&'a str>,
    organisations: HashSet<&'a str>,
}

impl<'a> Known<'a> {
    fn of(c: &'a Catalog) -> Known<'a> {
        Known {
            provinces: c.provinces.iter().map(|p| p.code.as_str()).collect(),
            municipalities: c.municipalities.iter().map(|m| m.istat.as_str()).collect(),
            projects: c.projects.iter().map(|p| p.id.as_str()).filter(|id| !id.trim().is_empty()).collect(),
            organisations: c.organisations.iter().map(|o| o.id.as_str()).collect(),
        }
    }
}

/// The problems of one source file, as `rules::call`'s checker collects a call's.
struct Checker {
    file: &'static str,
    problems: Vec<Problem>,
}

impl Checker {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(self.file, path, message));
    }
}

/// The provinces file: unique codes, names and regions, every province of the territory, at most 128.
fn provinces(cat: &Catalog, k: &Known) -> Vec<Problem> {
    let mut c = Checker { file: PROVINCES_FILE, problems: Vec::new() };
    let mut seen = HashSet::new();
    for (i, p) in cat.provinces.iter().enumerate() {
        if !seen.insert(p.code.as_str()) {
            c.add(format!("[{i}].sigla"), format!("duplicate province \"{}\"", p.code));
        }
        if p.name.trim().is_empty() || p.region.trim().is_empty() {
            c.add(format!("[{i}]"), "name and region are required");
        }
    }
    for t in TERRITORY {
        if !k.provinces.contains(t) {
            c.add("", format!("the territory's province \"{t}\" is missing"));
        }
    }
    if cat.provinces.len() > 128 {
        c.add("", "more than 128 provinces: matching supports at most 128");
    }
    c.problems
}

/// The municipalities file: six-digit unique ISTAT codes, names, provinces of the territory.
fn municipalities(cat: &Catalog) -> Vec<Problem> {
    let mut c = Checker { file: MUNICIPALITIES_FILE, problems: Vec::new() };
    let mut seen = HashSet::new();
    for (i, m) in cat.municipalities.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if m.istat.len() != 6 || !m.istat.bytes().all(|b| b.is_ascii_digit()) {
            c.add(at("istat_code"), format!("not a six-digit ISTAT code: \"{}\"", m.istat));
        }
        if !seen.insert(m.istat.as_str()) {
            c.add(at("istat_code"), format!("duplicate ISTAT code \"{}\"", m.istat));
        }
        if m.name.trim().is_empty() {
            c.add(at("name"), "the name is empty");
        }
        if !TERRITORY.contains(&m.province.as_str()) {
            c.add(at("province"), format!("\"{}\" is not a province of the territory", m.province));
        }
    }
    c.problems
}

/// The projects file: ids, names, editions, places, needs, summaries in both languages, sources, money, partners.
fn projects(cat: &Catalog, k: &Known) -> Vec<Problem> {
    let mut c = Checker { file: PROJECTS_FILE, problems: Vec::new() };
    let mut seen = HashSet::new();
    for (i, p) in cat.projects.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if p.id.trim().is_empty() {
            c.add(at("id"), "the id is empty");
        } else if !seen.insert(p.id.as_str()) {
            c.add(at("id"), format!("duplicate id \"{}\"", p.id));
        }
        if p.name.trim().is_empty() {
            c.add(at("name"), "the name is empty");
        }
        if !(2014..=2017).contains(&p.edition_year) {
            c.add(at("edition_year"), format!("{} is not an edition year (2014-2017)", p.edition_year));
        }
        if p.provinces.is_empty() {
            c.add(at("provinces"), "at least one province is required");
        }
        for (j, code) in p.provinces.iter().enumerate() {
            if !TERRITORY.contains(&code.as_str()) {
                c.add(format!("[{i}].provinces[{j}]"), format!("\"{code}\" is not a province of the territory"));
            }
        }
        if p.needs.is_empty() {
            c.add(at("needs"), "at least one need is required");
        }
        if !p.summary.is_complete() {
            c.add(at("summary"), "the summary needs both Italian and English");
        }
        if p.sources.is_empty() {
            c.add(at("sources"), "at least one source address is required");
        }
        for (j, u) in p.sources.iter().enumerate() {
            if !is_url(u) {
                c.add(format!("[{i}].sources[{j}]"), format!("not a web address: \"{u}\""));
            }
        }
        if let (Some(cost), Some(grant)) = (p.cost, p.grant) {
            if grant > cost {
                c.add(at("grant"), format!("grant {grant} is more than the cost {cost}"));
            }
        }
        for (j, part) in p.partners.iter().enumerate() {
            match (&part.org, part.collective) {
                (Some(id), _) if !k.organisations.contains(id.as_str()) => {
                    c.add(format!("[{i}].partners[{j}].org"), format!("no organisation with id \"{id}\" in {ORGANISATIONS_FILE}"))
                }
                (None, false) => {
                    c.add(format!("[{i}].partners[{j}]"), "a partner needs an \"org\" id, or \"collective\": true for a group")
                }
                _ => {}
            }
        }
    }
    c.problems
}

/// The organisations file: ids, names (one entry per organisation), nothing synthetic, known provinces,
/// projects and municipalities, sources.
fn organisations(cat: &Catalog, k: &Known) -> Vec<Problem> {
    let mut c = Checker { file: ORGANISATIONS_FILE, problems: Vec::new() };
    let mut seen = HashSet::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, o) in cat.organisations.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if o.id.trim().is_empty() {
            c.add(at("id"), "the id is empty");
        } else if !seen.insert(o.id.as_str()) {
            c.add(at("id"), format!("duplicate id \"{}\"", o.id));
        } else if o.id.chars().count() > crate::model::Limits::DIRECTORY_KEY {
            c.add(
                at("id"),
                format!("longer than {} characters (a member picked from the directory keeps it)", crate::model::Limits::DIRECTORY_KEY),
            );
        }
        if o.name.trim().is_empty() {
            c.add(at("name"), "the name is empty");
        } else if let Some(first) = names.insert(normalise_name(&o.name), i) {
            c.add(at("name"), format!("same organisation as [{first}] (\"{}\")", o.name));
        }
        if o.synthetic || o.origin == Origin::Synthetic {
            c.add(at("synthetic"), "synthetic organisations never belong in the real catalog");
        }
        for (j, code) in o.provinces.iter().enumerate() {
            if !k.provinces.contains(code.as_str()) {
                c.add(format!("[{i}].provinces[{j}]"), format!("unknown province \"{code}\""));
            }
        }
        for (j, pid) in o.projects.iter().enumerate() {
            if !k.projects.contains(pid.as_str()) {
                c.add(format!("[{i}].projects[{j}]"), format!("no project with id \"{pid}\""));
            }
        }
        if o.sources.is_empty() {
            c.add(at("sources"), "at least one source address is required");
        }
        for (j, u) in o.sources.iter().enumerate() {
            if !is_url(u) {
                c.add(format!("[{i}].sources[{j}]"), format!("not a web address: \"{u}\""));
            }
        }
        if let Some(code) = &o.istat {
            if !k.municipalities.contains(code.as_str()) {
                c.add(at("istat"), format!("no municipality with ISTAT code \"{code}\""));
            }
        }
    }
    c.problems
}

/// The adjacency file: an entry per province of the territory, known neighbours, confidence, borders
/// listed from both sides.
fn adjacency(cat: &Catalog, k: &Known) -> Vec<Problem> {
    let mut c = Checker { file: ADJACENCY_FILE, problems: Vec::new() };
    for n in &cat.adjacency {
        if !TERRITORY.contains(&n.province.as_str()) {
            c.add(format!("provinces.{}", n.province), "not a province of the territory");
        }
        for (j, code) in n.neighbours.iter().enumerate() {
            if !k.provinces.contains(code.as_str()) || code == &n.province {
                c.add(format!("provinces.{}.neighbours[{j}]", n.province), format!("unknown province \"{code}\""));
            }
        }
        if !matches!(n.confidence.as_str(), "confirmed" | "assumed") {
            c.add(format!("provinces.{}.confidence", n.province), "expected \"confirmed\" or \"assumed\"");
        }
    }
    for t in TERRITORY {
        if !cat.adjacency.iter().any(|n| n.province == t) {
            c.add(format!("provinces.{t}"), "missing: every province of the territory needs an entry");
        }
    }
    // Within the territory, each listed border should be listed from both sides.
    for n in &cat.adjacency {
        for x in &n.neighbours {
            if TERRITORY.contains(&x.as_str()) {
                if let Some(other) = cat.adjacency.iter().find(|m| &m.province == x) {
                    if !other.neighbours.iter().any(|y| y == &n.province) {
                        c.add(
                            format!("provinces.{x}.neighbours"),
                            format!("{} lists {x} as neighbour but {x} does not list {}", n.province, n.province),
                        );
                    }
                }
            }
        }
    }
    c.problems
}

/// The weights file: every weight a number >= 0, shares at most 1.
fn weights(w: &Weights) -> Vec<Problem> {
    let mut c = Checker { file: WEIGHTS_FILE, problems: Vec::new() };
    let pw = &w.partners;
    let jw = &w.projects;
    let all = [
        ("partners.need", pw.need),
        ("partners.need_max", pw.need_max),
        ("partners.same_municipality", pw.same_municipality),
        ("partners.same_province", pw.same_province),
        ("partners.neighbour_province", pw.neighbour_province),
        ("partners.same_region", pw.same_region),
        ("partners.gap_required", pw.gap_required),
        ("partners.gap_boost", pw.gap_boost),
        ("partners.gap_neighbour_share", pw.gap_neighbour_share),
        ("partners.gap_away_share", pw.gap_away_share),
        ("partners.experience", pw.experience),
        ("partners.experience_max", pw.experience_max),
        ("partners.area_project", pw.area_project),
        ("partners.text", pw.text),
        ("partners.population", pw.population),
        ("partners.partnered", pw.partnered),
        ("partners.partnered_max", pw.partnered_max),
        ("partners.named", pw.named),
        ("partners.named_area", pw.named_area),
        ("projects.need", jw.need),
        ("projects.need_max", jw.need_max),
        ("projects.same_municipality", jw.same_municipality),
        ("projects.same_province", jw.same_province),
        ("projects.neighbour_province", jw.neighbour_province),
        ("projects.same_region", jw.same_region),
        ("projects.gap", jw.gap),
        ("projects.text", jw.text),
    ];
    for (name, v) in all {
        if !v.is_finite() || v < 0.0 {
            c.add(name, format!("must be a number >= 0, found {}", weight_text(v)));
        }
    }
    for (name, v) in [("partners.gap_neighbour_share", pw.gap_neighbour_share), ("partners.gap_away_share", pw.gap_away_share)] {
        if v > 1.0 {
            c.add(name, format!("a share must be between 0 and 1, found {}", weight_text(v)));
        }
    }
    c.problems
}

/// A weight in a message, to three decimals, through integer formatting: the widget validates
/// updated catalogs, and Rust's float formatting would add about 15 KB to the wasm for these messages.
fn weight_text(v: f32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf" } else { "-inf" }.into();
    }
    let milli = (f64::from(v) * 1000.0).round();
    if milli.abs() >= 1e15 {
        return "a number too large".into();
    }
    let milli = milli as i64;
    let (sign, milli) = (if milli < 0 { "-" } else { "" }, milli.unsigned_abs());
    let (int, frac) = (milli / 1000, milli % 1000);
    if frac == 0 {
        format!("{sign}{int}")
    } else {
        format!("{sign}{int}.{}", format!("{frac:03}").trim_end_matches('0'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_in_messages_read_as_numbers() {
        assert_eq!(weight_text(-1.0), "-1");
        assert_eq!(weight_text(-0.25), "-0.25");
        assert_eq!(weight_text(1.5), "1.5");
        assert_eq!(weight_text(2.125), "2.125");
        // As Rust writes them, so messages read the same as before this function.
        assert_eq!(weight_text(f32::NAN), f32::NAN.to_string());
        assert_eq!(weight_text(f32::NEG_INFINITY), f32::NEG_INFINITY.to_string());
        assert_eq!(weight_text(3e20), "a number too large");
    }
}
