//! The catalog: funded projects, the partner directory, municipalities, provinces, province
//! adjacency and matching weights. Staff edit the source files in `data/catalog/`; `load_catalog`
//! (feature `source`) compiles them into a [`Catalog`] that round-trips through JSON and the packed form, which
//! is what the web app embeds. `validate_catalog` reports every problem with file and field path.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use crate::model::{IstatCode, MemberKind, Need, ProvinceCode};
use crate::problem::Problem;
pub use crate::search::fold;
use crate::text::Text;

/// The 14 provinces of the call's territory.
pub const TERRITORY: [&str; 14] = ["BG", "BS", "CO", "CR", "LC", "LO", "MN", "MI", "MB", "PV", "SO", "VA", "NO", "VB"];

pub const PROJECTS_FILE: &str = "projects.json";
pub const ORGANISATIONS_FILE: &str = "organisations.json";
pub const MUNICIPALITIES_FILE: &str = "comuni-territorio.csv";
pub const PROVINCES_FILE: &str = "province-italia.csv";
pub const ADJACENCY_FILE: &str = "adjacency.toml";
pub const WEIGHTS_FILE: &str = "weights.toml";

/// One partner as listed by a funded project.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectPartner {
    pub name: String,
    /// The kind as the research data gave it (public, third_sector, university, business, ...).
    pub source_kind: String,
    /// The organisation's `id` in the directory; absent for collective entries.
    #[serde(default)]
    pub org: Option<String>,
    /// A group or placeholder ("Comuni del Rhodense", "Banche (not named)"), not one organisation.
    #[serde(default)]
    pub collective: bool,
}

/// A funded project of the call (Welfare in Azione).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Project {
    pub id: String,
    pub name: String,
    pub edition_year: u16,
    pub provinces: Vec<ProvinceCode>,
    pub places: Vec<String>,
    /// The lead applicant (capofila), `None` when not found.
    pub lead: Option<String>,
    pub partners: Vec<ProjectPartner>,
    pub needs: Vec<Need>,
    /// The needs in the sources' own words.
    #[serde(default)]
    pub needs_source: Vec<String>,
    #[serde(default)]
    pub beneficiaries_source: Vec<String>,
    /// Total cost in euros, `None` when unknown.
    pub cost: Option<u64>,
    /// Grant from the foundation in euros, `None` when unknown.
    pub grant: Option<u64>,
    /// A short visitor-facing summary.
    pub summary: Text,
    /// The research note (English), with conflicts and inferences in brackets.
    #[serde(default)]
    pub description: String,
    pub sources: Vec<String>,
    pub verified: bool,
    /// Field name → why it is unconfirmed (inferred, conflicting sources, not found).
    #[serde(default)]
    pub unconfirmed: std::collections::BTreeMap<String, String>,
}

/// How a directory entry's kind was obtained.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum KindConfidence {
    /// Given by the source.
    Stated,
    /// From the source's broad kind plus name rules (e.g. public + "Comune di").
    Derived,
    /// A fallback: the source did not say; staff should confirm.
    Inferred,
}

/// Where a directory entry comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// A partner of a funded project.
    FundedProjects,
    /// organisations-public.csv: community foundations, health agencies, ambiti, consortia, CSV.
    PublicDirectory,
    /// Imported from the foundation's own directory (`welfare import`).
    Import,
    /// Generated for benchmarks; never in the real catalog.
    Synthetic,
}

/// An organisation of the partner directory.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organisation {
    pub id: String,
    pub name: String,
    pub kind: MemberKind,
    pub kind_confidence: KindConfidence,
    /// The broad kind as the source gave it.
    #[serde(default)]
    pub source_kind: String,
    pub provinces: Vec<ProvinceCode>,
    /// `source` (known) or `projects` (the provinces of its funded projects).
    #[serde(default)]
    pub provinces_from: String,
    /// Ids of the funded projects it took part in.
    #[serde(default)]
    pub projects: Vec<String>,
    /// Needs it is known to work on, besides those of its projects (imports, synthetic data).
    #[serde(default)]
    pub needs: Vec<Need>,
    /// Free text (Italian) about what it does, if any.
    #[serde(default)]
    pub description: Option<String>,
    pub sources: Vec<String>,
    pub verified: bool,
    #[serde(default)]
    pub verified_note: Option<String>,
    pub origin: Origin,
    /// For a Comune: its ISTAT code.
    #[serde(default)]
    pub istat: Option<IstatCode>,
    #[serde(default)]
    pub lead_municipality: Option<String>,
    #[serde(default)]
    pub website: Option<String>,
    /// Other spellings met in the sources.
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub synthetic: bool,
}

/// A municipality of the territory (short field names: 1,667 of them are embedded).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Municipality {
    #[serde(rename = "i")]
    pub istat: IstatCode,
    #[serde(rename = "n")]
    pub name: String,
    #[serde(rename = "p")]
    pub province: ProvinceCode,
    /// 2011 census population.
    #[serde(rename = "k")]
    pub population: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    /// Two-letter code (sigla), e.g. `SO`.
    pub code: ProvinceCode,
    /// ISTAT province code, e.g. `014`.
    pub istat: String,
    pub name: String,
    pub region: String,
    pub in_territory: bool,
}

/// Neighbours of one province of the territory.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Neighbours {
    pub province: ProvinceCode,
    pub neighbours: Vec<ProvinceCode>,
    #[serde(default)]
    pub abroad: Vec<String>,
    /// `confirmed` or `assumed`.
    #[serde(default)]
    pub confidence: String,
    #[serde(default)]
    pub note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerWeights {
    pub need: f32,
    pub need_max: f32,
    pub same_municipality: f32,
    pub same_province: f32,
    pub neighbour_province: f32,
    pub same_region: f32,
    pub gap_required: f32,
    pub gap_boost: f32,
    /// Share of the gap points for a candidate in a neighbouring province (0..=1).
    pub gap_neighbour_share: f32,
    /// Share of the gap points for a candidate farther away (0..=1); full share when the visitor
    /// has not said where the project takes place.
    pub gap_away_share: f32,
    pub experience: f32,
    pub experience_max: f32,
    pub area_project: f32,
    pub text: f32,
    pub population: f32,
    /// Per funded project an organisation shared with a member of the visitor's network, up to
    /// `partnered_max` (0 when weights.toml, from before these weights, lacks it).
    #[serde(default)]
    pub partnered: f32,
    #[serde(default)]
    pub partnered_max: f32,
    /// For an organisation whose name carries a municipality the visitor's description names.
    #[serde(default)]
    pub named: f32,
    /// For an organisation of the visitor's provinces whose name carries another place the
    /// description names ("Valtellina", "Valle Camonica"), not a municipality.
    #[serde(default)]
    pub named_area: f32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectWeights {
    pub need: f32,
    pub need_max: f32,
    pub same_municipality: f32,
    pub same_province: f32,
    pub neighbour_province: f32,
    pub same_region: f32,
    pub gap: f32,
    pub text: f32,
}

/// Matching weights (from weights.toml).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Weights {
    pub partners: PartnerWeights,
    pub projects: ProjectWeights,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            partners: PartnerWeights {
                need: 6.0,
                need_max: 12.0,
                same_municipality: 18.0,
                same_province: 16.0,
                neighbour_province: 6.0,
                same_region: 2.0,
                gap_required: 20.0,
                gap_boost: 6.0,
                gap_neighbour_share: 0.5,
                gap_away_share: 0.0,
                experience: 3.0,
                experience_max: 9.0,
                area_project: 2.0,
                text: 10.0,
                population: 3.0,
                partnered: 12.0,
                partnered_max: 18.0,
                named: 30.0,
                named_area: 10.0,
            },
            projects: ProjectWeights {
                need: 10.0,
                need_max: 30.0,
                same_municipality: 8.0,
                same_province: 12.0,
                neighbour_province: 5.0,
                same_region: 1.0,
                gap: 3.0,
                text: 12.0,
            },
        }
    }
}

/// The province with this code (in any case) among `provinces`: the catalog's, or the ones the web
/// app embeds beside the calls (`pack::CallData`).
pub fn find_province<'a>(provinces: &'a [Province], code: &str) -> Option<&'a Province> {
    provinces.iter().find(|p| p.code.eq_ignore_ascii_case(code))
}

/// The compiled catalog. It round-trips through JSON and through the packed form the web app embeds
/// (`pack`); no field is ever skipped when writing, as the packed form is positional.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Catalog {
    pub projects: Vec<Project>,
    pub organisations: Vec<Organisation>,
    #[serde(rename = "municipalities")]
    pub municipalities: Vec<Municipality>,
    pub provinces: Vec<Province>,
    pub adjacency: Vec<Neighbours>,
    pub weights: Weights,
}

impl Catalog {
    /// The catalog as the widget embeds it: only what the widget shows or matches on. The data
    /// files keep everything (every source, the research notes); the embedded form keeps one source
    /// a directory entry (the one the widget links to) and drops the notes only staff read.
    pub fn for_embedding(mut self) -> Catalog {
        for p in &mut self.projects {
            p.description.clear();
        }
        for o in &mut self.organisations {
            o.sources.truncate(1);
            o.verified_note = None;
            o.website = None;
            o.lead_municipality = None;
            o.provinces_from.clear();
            o.source_kind.clear();
        }
        self
    }

    /// All Italian provinces, with `in_territory` for the call's 14.
    pub fn provinces(&self) -> &[Province] {
        &self.provinces
    }

    pub fn province(&self, code: &str) -> Option<&Province> {
        find_province(&self.provinces, code)
    }

    pub fn region_of(&self, province: &str) -> Option<&str> {
        self.province(province).map(|p| p.region.as_str())
    }

    pub fn municipality(&self, istat: &str) -> Option<&Municipality> {
        self.municipalities.iter().find(|m| m.istat == istat)
    }

    pub fn organisation(&self, id: &str) -> Option<&Organisation> {
        self.organisations.iter().find(|o| o.id == id)
    }

    pub fn project(&self, id: &str) -> Option<&Project> {
        self.projects.iter().find(|p| p.id == id)
    }

    /// Whether two provinces border each other (symmetric, from adjacency.toml).
    pub fn are_neighbours(&self, a: &str, b: &str) -> bool {
        self.adjacency.iter().any(|n| {
            (n.province == a && n.neighbours.iter().any(|x| x == b)) || (n.province == b && n.neighbours.iter().any(|x| x == a))
        })
    }

    /// Municipalities whose name matches `query`, accent- and case-insensitively: the name starts
    /// with the query ("sesto san" → Sesto San Giovanni), or each query word starts a word of the
    /// name in order ("sesto s", "giovanni"), or (queries of 4+ letters) the name starts with the
    /// query but for one letter ("canta" → Cantù). Ranked by that order, then population, then name.
    pub fn search_municipalities(&self, query: &str, limit: usize) -> Vec<&Municipality> {
        let q = fold(query);
        let q_words: Vec<&str> = q.split_whitespace().collect();
        if q_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let q_joined = q_words.join(" ");
        let mut hits: Vec<(u8, &Municipality)> = Vec::new();
        let mut buf = String::new();
        for m in &self.municipalities {
            buf.clear();
            crate::search::fold_into(&m.name, &mut buf);
            let name_words: Vec<&str> = buf.split_whitespace().collect();
            let name_joined = name_words.join(" ");
            let rank = if name_joined.starts_with(&q_joined) {
                0
            } else if words_prefix_in_order(&q_words, &name_words) {
                1
            } else if q_joined.len() >= 4 && one_off_prefix(&q_joined, &name_joined) {
                2
            } else {
                continue;
            };
            hits.push((rank, m));
        }
        hits.sort_by(|a, b| {
            a.0.cmp(&b.0).then(b.1.population.cmp(&a.1.population)).then(a.1.name.cmp(&b.1.name)).then(a.1.istat.cmp(&b.1.istat))
        });
        hits.into_iter().take(limit).map(|(_, m)| m).collect()
    }

    /// Organisations of the directory and municipalities (as "Comune di X", kind Comune) whose name
    /// matches `query`, accent- and case-insensitively, by word starts: each query word starts a word
    /// of the name, in order ("coop sol" → "Cooperativa Sociale Solco"). A name that starts with the
    /// query comes first (a municipality's own name too: "lecco" → Comune di Lecco), then by name; one
    /// hit a name. At most `limit`.
    pub fn search_directory(&self, query: &str, limit: usize) -> Vec<(String, MemberKind, Option<ProvinceCode>)> {
        let q = fold(query);
        let q_words: Vec<&str> = q.split_whitespace().collect();
        if q_words.is_empty() || limit == 0 {
            return Vec::new();
        }
        let q_joined = q_words.join(" ");
        let rank = |names: &[&str]| -> Option<u8> {
            let mut best = None;
            for name in names {
                let folded = fold(name);
                let words: Vec<&str> = folded.split_whitespace().collect();
                let r = if words.join(" ").starts_with(&q_joined) {
                    0
                } else if words_prefix_in_order(&q_words, &words) {
                    1
                } else {
                    continue;
                };
                best = Some(best.map_or(r, |b: u8| b.min(r)));
            }
            best
        };
        let mut hits: Vec<(u8, String, String, MemberKind, Option<ProvinceCode>)> = Vec::new();
        for o in &self.organisations {
            if let Some(r) = rank(&[&o.name]) {
                hits.push((r, fold(&o.name), o.name.clone(), o.kind, o.provinces.first().cloned()));
            }
        }
        for m in &self.municipalities {
            let name = format!("Comune di {}", m.name);
            if let Some(r) = rank(&[&m.name, &name]) {
                hits.push((r, fold(&name), name, MemberKind::Comune, Some(m.province.clone())));
            }
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (_, key, name, kind, province) in hits {
            if seen.contains(&key) {
                continue;
            }
            seen.push(key);
            out.push((name, kind, province));
            if out.len() == limit {
                break;
            }
        }
        out
    }
}

pub(crate) fn words_prefix_in_order(q: &[&str], name: &[&str]) -> bool {
    let mut it = name.iter();
    q.iter().all(|qw| it.by_ref().any(|nw| nw.starts_with(qw)))
}

fn one_off_prefix(q: &str, name: &str) -> bool {
    let (qb, nb) = (q.as_bytes(), name.as_bytes());
    if nb.len() < qb.len() {
        return false;
    }
    qb.iter().zip(nb.iter()).filter(|(a, b)| a != b).count() <= 1
}

/// The key two names share when they name the same organisation: folded, without parentheses,
/// punctuation and legal-form words (onlus, coop, sociale, ...). Same rule as the build script.
pub fn normalise_name(name: &str) -> String {
    const LEGAL: &[&str] =
        &["onlus", "ets", "odv", "aps", "soc", "sociale", "societa", "cooperativa", "coop", "scs", "srl", "spa", "ente", "filantropico"];
    let mut no_paren = String::with_capacity(name.len());
    let mut depth = 0u32;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            '.' => {}
            _ if depth == 0 => no_paren.push(c),
            _ => no_paren.push(' '),
        }
    }
    let f = fold(&no_paren);
    f.split_whitespace().filter(|w| !LEGAL.contains(w)).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------------------------
// CSV (RFC 4180: quoted fields with commas, doubled quotes, CRLF), read by the `csv` crate, with line
// numbers. Native only (feature `source`): the web app gets the catalog packed.

/// One CSV record and the (1-based) line it starts on.
#[cfg(feature = "source")]
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRecord {
    pub line: usize,
    pub fields: Vec<String>,
}

/// Parses CSV text with the `csv` crate: a leading byte-order mark and blank lines are skipped, a row
/// may have fewer or more fields than the header; a line may end in LF, CRLF or CR. Errors (an unterminated quote, text after a closing
/// quote) name the line.
///
/// The `csv` crate reads leniently (it has no strict mode: BurntSushi/rust-csv#77): a quote left open
/// takes the rest of the file into one field, and text after a closing quote joins the field. Both
/// stay errors here: each record's own text, which the reader's byte positions delimit, is checked for
/// them ([`quoting_problem`]). Lines are counted here too, from those positions: the crate's own count
/// puts a record after a blank line, or after a CRLF, on the line before.
#[cfg(feature = "source")]
pub fn parse_csv(text: &str) -> Result<Vec<CsvRecord>, (usize, String)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let mut out = Vec::new();
    // Lines counted up to byte `counted` (always a character boundary: a position after a terminator).
    let (mut line, mut counted) = (1usize, 0usize);
    loop {
        let start = reader.position().byte() as usize;
        match reader.read_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let at = e.position().map_or(start, |p| p.byte() as usize);
                let line = line + text.get(counted..at).map_or(0, line_ends);
                return Err((line, e.to_string()));
            }
        }
        let end = reader.position().byte() as usize;
        let raw = text.get(start..end).unwrap_or_default();
        // The record's text starts after the line ends the reader skipped (blank lines, a CRLF's LF).
        let content = raw.trim_start_matches(['\r', '\n']);
        let content_start = start + (raw.len() - content.len());
        line += text.get(counted..content_start).map_or(0, line_ends);
        counted = content_start;
        if let Some((lines_in, problem)) = quoting_problem(content) {
            return Err((line + lines_in, problem.to_string()));
        }
        out.push(CsvRecord { line, fields: record.iter().map(str::to_string).collect() });
    }
    Ok(out)
}

/// What the `csv` crate lets through in one record's text (`raw`, from its first character): a quoted
/// field not closed, or text after a closing quote (anything but a comma or the line's end, a space
/// included), with the number of line ends before the problem.
#[cfg(feature = "source")]
fn quoting_problem(raw: &str) -> Option<(usize, &'static str)> {
    let (mut field_start, mut in_quotes, mut after_quote, mut lines) = (true, false, false, 0);
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            match c {
                '"' if chars.peek() == Some(&'"') => {
                    chars.next();
                }
                '"' => (in_quotes, after_quote) = (false, true),
                '\n' => lines += 1,
                '\r' if chars.peek() != Some(&'\n') => lines += 1,
                _ => {}
            }
            continue;
        }
        match c {
            '"' if field_start => (in_quotes, field_start) = (true, false),
            ',' => (field_start, after_quote) = (true, false),
            '\r' | '\n' => return None,
            _ if after_quote => return Some((lines, "text after a closing quote")),
            _ => field_start = false,
        }
    }
    in_quotes.then_some((0, "a quoted field is not closed"))
}

/// Line ends in `text`: LF, CRLF, or a CR alone (old Mac files: the `csv` crate ends a record there,
/// and editors a line).
#[cfg(feature = "source")]
fn line_ends(text: &str) -> usize {
    text.matches('\n').count() + text.matches('\r').count() - text.matches("\r\n").count()
}

/// Header-checked CSV: the trimmed header and the rows, with problems for a missing column.
#[cfg(feature = "source")]
fn csv_table(file: &str, text: &str, required: &[&str]) -> Result<(Vec<String>, Vec<CsvRecord>), Vec<Problem>> {
    let records = parse_csv(text).map_err(|(line, msg)| vec![Problem::new(file, format!("line {line}"), msg)])?;
    let mut it = records.into_iter();
    let Some(header) = it.next() else {
        return Err(vec![Problem::new(file, "line 1", "the file is empty (a header row is expected)")]);
    };
    let header: Vec<String> = header.fields.iter().map(|h| h.trim().to_string()).collect();
    let missing: Vec<Problem> = required
        .iter()
        .filter(|r| !header.iter().any(|h| h == *r))
        .map(|r| Problem::new(file, "line 1", format!("missing column \"{r}\" (expected: {})", required.join(","))))
        .collect();
    if !missing.is_empty() {
        return Err(missing);
    }
    Ok((header, it.collect()))
}

#[cfg(feature = "source")]
fn col<'a>(header: &[String], rec: &'a CsvRecord, name: &str) -> &'a str {
    header.iter().position(|h| h == name).and_then(|i| rec.fields.get(i)).map(|s| s.trim()).unwrap_or("")
}

fn is_url(s: &str) -> bool {
    (s.starts_with("https://") || s.starts_with("http://")) && s.len() > 10 && !s.contains(char::is_whitespace)
}

/// Parses province-italia.csv.
#[cfg(feature = "source")]
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
#[cfg(feature = "source")]
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
#[cfg(feature = "source")]
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

/// A short ASCII identifier from a name.
pub fn slug(name: &str) -> String {
    let f = fold(name);
    let s: Vec<&str> = f.split_whitespace().collect();
    let mut out = s.join("-");
    // At most 60 bytes, cut on a character boundary (folded names keep non-ASCII letters).
    if let Some((at, _)) = out.char_indices().find(|(i, c)| i + c.len_utf8() > 60) {
        out.truncate(at);
    }
    out.trim_end_matches('-').to_string()
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
    #[cfg(feature = "source")]
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

    #[cfg_attr(not(feature = "source"), allow(dead_code))]
    fn name(&self, file: &str) -> String {
        if self.dir.is_empty() {
            file.to_string()
        } else {
            format!("{}/{}", self.dir.trim_end_matches('/'), file)
        }
    }
}

#[cfg(feature = "source")]
mod source {
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
#[cfg(feature = "source")]
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
    let adjacency = take(source::adjacency(&src.name(ADJACENCY_FILE), &src.adjacency), &mut problems);
    let weights = take(source::weights(&src.name(WEIGHTS_FILE), &src.weights), &mut problems);
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

#[cfg(feature = "source")]
fn validate_named(catalog: &Catalog, src: &CatalogSources) -> Vec<Problem> {
    let mut v = validate_catalog(catalog);
    for p in &mut v {
        p.file = src.name(&p.file);
    }
    v
}

/// Every problem of a compiled catalog, each naming file and field path. Never panics.
pub fn validate_catalog(c: &Catalog) -> Vec<Problem> {
    let mut out = Vec::new();
    let prov_codes: HashSet<&str> = c.provinces.iter().map(|p| p.code.as_str()).collect();

    // provinces
    let mut seen = HashSet::new();
    for (i, p) in c.provinces.iter().enumerate() {
        if !seen.insert(p.code.as_str()) {
            out.push(Problem::new(PROVINCES_FILE, format!("[{i}].sigla"), format!("duplicate province \"{}\"", p.code)));
        }
        if p.name.trim().is_empty() || p.region.trim().is_empty() {
            out.push(Problem::new(PROVINCES_FILE, format!("[{i}]"), "name and region are required"));
        }
    }
    for t in TERRITORY {
        if !prov_codes.contains(t) {
            out.push(Problem::new(PROVINCES_FILE, "", format!("the territory's province \"{t}\" is missing")));
        }
    }
    if c.provinces.len() > 128 {
        out.push(Problem::new(PROVINCES_FILE, "", "more than 128 provinces: matching supports at most 128"));
    }

    // municipalities
    let mut seen = HashSet::new();
    for (i, m) in c.municipalities.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if m.istat.len() != 6 || !m.istat.bytes().all(|b| b.is_ascii_digit()) {
            out.push(Problem::new(MUNICIPALITIES_FILE, at("istat_code"), format!("not a six-digit ISTAT code: \"{}\"", m.istat)));
        }
        if !seen.insert(m.istat.as_str()) {
            out.push(Problem::new(MUNICIPALITIES_FILE, at("istat_code"), format!("duplicate ISTAT code \"{}\"", m.istat)));
        }
        if m.name.trim().is_empty() {
            out.push(Problem::new(MUNICIPALITIES_FILE, at("name"), "the name is empty"));
        }
        if !TERRITORY.contains(&m.province.as_str()) {
            out.push(Problem::new(MUNICIPALITIES_FILE, at("province"), format!("\"{}\" is not a province of the territory", m.province)));
        }
    }
    let istats: HashSet<&str> = c.municipalities.iter().map(|m| m.istat.as_str()).collect();

    // projects
    let mut project_ids = HashSet::new();
    let org_ids: HashSet<&str> = c.organisations.iter().map(|o| o.id.as_str()).collect();
    for (i, p) in c.projects.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if p.id.trim().is_empty() {
            out.push(Problem::new(PROJECTS_FILE, at("id"), "the id is empty"));
        } else if !project_ids.insert(p.id.as_str()) {
            out.push(Problem::new(PROJECTS_FILE, at("id"), format!("duplicate id \"{}\"", p.id)));
        }
        if p.name.trim().is_empty() {
            out.push(Problem::new(PROJECTS_FILE, at("name"), "the name is empty"));
        }
        if !(2014..=2017).contains(&p.edition_year) {
            out.push(Problem::new(PROJECTS_FILE, at("edition_year"), format!("{} is not an edition year (2014-2017)", p.edition_year)));
        }
        if p.provinces.is_empty() {
            out.push(Problem::new(PROJECTS_FILE, at("provinces"), "at least one province is required"));
        }
        for (j, code) in p.provinces.iter().enumerate() {
            if !TERRITORY.contains(&code.as_str()) {
                out.push(Problem::new(PROJECTS_FILE, format!("[{i}].provinces[{j}]"), format!("\"{code}\" is not a province of the territory")));
            }
        }
        if p.needs.is_empty() {
            out.push(Problem::new(PROJECTS_FILE, at("needs"), "at least one need is required"));
        }
        if !p.summary.is_complete() {
            out.push(Problem::new(PROJECTS_FILE, at("summary"), "the summary needs both Italian and English"));
        }
        if p.sources.is_empty() {
            out.push(Problem::new(PROJECTS_FILE, at("sources"), "at least one source address is required"));
        }
        for (j, u) in p.sources.iter().enumerate() {
            if !is_url(u) {
                out.push(Problem::new(PROJECTS_FILE, format!("[{i}].sources[{j}]"), format!("not a web address: \"{u}\"")));
            }
        }
        if let (Some(cost), Some(grant)) = (p.cost, p.grant) {
            if grant > cost {
                out.push(Problem::new(PROJECTS_FILE, at("grant"), format!("grant {grant} is more than the cost {cost}")));
            }
        }
        for (j, part) in p.partners.iter().enumerate() {
            match (&part.org, part.collective) {
                (Some(id), _) if !org_ids.contains(id.as_str()) => out.push(Problem::new(
                    PROJECTS_FILE,
                    format!("[{i}].partners[{j}].org"),
                    format!("no organisation with id \"{id}\" in {ORGANISATIONS_FILE}"),
                )),
                (None, false) => out.push(Problem::new(
                    PROJECTS_FILE,
                    format!("[{i}].partners[{j}]"),
                    "a partner needs an \"org\" id, or \"collective\": true for a group",
                )),
                _ => {}
            }
        }
    }

    // organisations
    let mut seen = HashSet::new();
    let mut names: HashMap<String, usize> = HashMap::new();
    for (i, o) in c.organisations.iter().enumerate() {
        let at = |f: &str| format!("[{i}].{f}");
        if o.id.trim().is_empty() {
            out.push(Problem::new(ORGANISATIONS_FILE, at("id"), "the id is empty"));
        } else if !seen.insert(o.id.as_str()) {
            out.push(Problem::new(ORGANISATIONS_FILE, at("id"), format!("duplicate id \"{}\"", o.id)));
        }
        if o.name.trim().is_empty() {
            out.push(Problem::new(ORGANISATIONS_FILE, at("name"), "the name is empty"));
        } else if let Some(first) = names.insert(normalise_name(&o.name), i) {
            out.push(Problem::new(ORGANISATIONS_FILE, at("name"), format!("same organisation as [{first}] (\"{}\")", o.name)));
        }
        if o.synthetic || o.origin == Origin::Synthetic {
            out.push(Problem::new(ORGANISATIONS_FILE, at("synthetic"), "synthetic organisations never belong in the real catalog"));
        }
        for (j, code) in o.provinces.iter().enumerate() {
            if !prov_codes.contains(code.as_str()) {
                out.push(Problem::new(ORGANISATIONS_FILE, format!("[{i}].provinces[{j}]"), format!("unknown province \"{code}\"")));
            }
        }
        for (j, pid) in o.projects.iter().enumerate() {
            if !project_ids.contains(pid.as_str()) {
                out.push(Problem::new(ORGANISATIONS_FILE, format!("[{i}].projects[{j}]"), format!("no project with id \"{pid}\"")));
            }
        }
        if o.sources.is_empty() {
            out.push(Problem::new(ORGANISATIONS_FILE, at("sources"), "at least one source address is required"));
        }
        for (j, u) in o.sources.iter().enumerate() {
            if !is_url(u) {
                out.push(Problem::new(ORGANISATIONS_FILE, format!("[{i}].sources[{j}]"), format!("not a web address: \"{u}\"")));
            }
        }
        if let Some(code) = &o.istat {
            if !istats.contains(code.as_str()) {
                out.push(Problem::new(ORGANISATIONS_FILE, at("istat"), format!("no municipality with ISTAT code \"{code}\"")));
            }
        }
    }

    // adjacency
    for (i, n) in c.adjacency.iter().enumerate() {
        if !TERRITORY.contains(&n.province.as_str()) {
            out.push(Problem::new(ADJACENCY_FILE, format!("provinces.{}", n.province), "not a province of the territory"));
        }
        for (j, code) in n.neighbours.iter().enumerate() {
            if !prov_codes.contains(code.as_str()) || code == &n.province {
                out.push(Problem::new(
                    ADJACENCY_FILE,
                    format!("provinces.{}.neighbours[{j}]", n.province),
                    format!("unknown province \"{code}\""),
                ));
            }
        }
        if !matches!(n.confidence.as_str(), "confirmed" | "assumed") {
            out.push(Problem::new(ADJACENCY_FILE, format!("provinces.{}.confidence", n.province), "expected \"confirmed\" or \"assumed\""));
        }
        let _ = i;
    }
    for t in TERRITORY {
        if !c.adjacency.iter().any(|n| n.province == t) {
            out.push(Problem::new(ADJACENCY_FILE, format!("provinces.{t}"), "missing: every province of the territory needs an entry"));
        }
    }
    // Within the territory, each listed border should be listed from both sides.
    for n in &c.adjacency {
        for x in &n.neighbours {
            if TERRITORY.contains(&x.as_str()) {
                if let Some(other) = c.adjacency.iter().find(|m| &m.province == x) {
                    if !other.neighbours.iter().any(|y| y == &n.province) {
                        out.push(Problem::new(
                            ADJACENCY_FILE,
                            format!("provinces.{x}.neighbours"),
                            format!("{} lists {x} as neighbour but {x} does not list {}", n.province, n.province),
                        ));
                    }
                }
            }
        }
    }

    // weights
    let w = &c.weights;
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
            out.push(Problem::new(WEIGHTS_FILE, name, format!("must be a number >= 0, found {}", weight_text(v))));
        }
    }
    for (name, v) in [("partners.gap_neighbour_share", pw.gap_neighbour_share), ("partners.gap_away_share", pw.gap_away_share)] {
        if v > 1.0 {
            out.push(Problem::new(WEIGHTS_FILE, name, format!("a share must be between 0 and 1, found {}", weight_text(v))));
        }
    }
    out
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

    #[test]
    fn csv_handles_quotes_commas_and_lines() {
        let t = "a,b\n\"x, y\",\"he said \"\"hi\"\"\"\n\n3,\"multi\nline\"\n4,5";
        let r = parse_csv(t).unwrap_or_default();
        assert_eq!(r.len(), 4);
        assert_eq!(r[1].fields, vec!["x, y".to_string(), "he said \"hi\"".to_string()]);
        assert_eq!(r[2].line, 4);
        assert_eq!(r[3].line, 6);
        assert!(parse_csv("a,\"b\nc").is_err());
        // Lines as the file numbers them, whatever the line ends and blank lines; a byte-order mark skipped.
        let r = parse_csv("\u{feff}name,kind\r\n\r\n  ,x\r\n\"a\r\nb\",y\r\nlast").unwrap_or_default();
        let lines: Vec<(usize, &str)> = r.iter().map(|r| (r.line, r.fields[0].as_str())).collect();
        assert_eq!(lines, [(1, "name"), (3, "  "), (4, "a\r\nb"), (6, "last")]);
        let r = parse_csv("a,b\rc,d\r\re,f").unwrap_or_default();
        assert_eq!(r.iter().map(|r| (r.line, r.fields[0].as_str())).collect::<Vec<_>>(), [(1, "a"), (2, "c"), (4, "e")], "CR alone");
        // What the `csv` crate would let through: an open quote, text after a closing one.
        let errors = [
            ("a,b\n\"Uno,x\n3,4\n", (2, "a quoted field is not closed")),
            ("a,b\n1,2\n3,\"x", (3, "a quoted field is not closed")),
            ("a,b\n\"Uno\" bis,x\n", (2, "text after a closing quote")),
            ("a,b\n\"Uno\n\"x,y\n", (3, "text after a closing quote")),
            ("a,b\r\n\r\n1,\"2\" \r\n", (3, "text after a closing quote")),
        ];
        for (text, (line, message)) in errors {
            assert_eq!(parse_csv(text), Err((line, message.to_string())), "{text:?}");
        }
        // A quote inside an unquoted field is text, as it was.
        assert_eq!(parse_csv("a\"b,c").unwrap_or_default()[0].fields, ["a\"b", "c"]);
    }

    #[test]
    fn normalised_names_ignore_legal_form_and_accents() {
        assert_eq!(normalise_name("Sol.co Mantova"), normalise_name("Sol.Co. Mantova"));
        assert_eq!(normalise_name("Koinè cooperativa sociale"), normalise_name("Koine Coop. Soc."));
        assert_ne!(normalise_name("Auser"), normalise_name("Associazione Auser"));
    }
}
