//! The catalog: funded projects, the partner directory, municipalities, provinces, province
//! adjacency and matching weights, and everything that reads it: the types and their lookups here,
//! [`validate`] (every problem, naming file and field), [`import`] (the source files, feature `source`),
//! [`search`] (accent folding, tokens, BM25), [`matching`] (explained suggestions), [`compare`] (the
//! idea beside the funded projects), [`message`] (first-message drafts), [`engine`] (all of it behind
//! one message interface, the second wasm module) and [`synth`] (synthetic directories for benchmarks).
//!
//! Staff edit the source files in `data/catalog/`; [`import::load_catalog`] compiles them into a
//! [`Catalog`] that round-trips through JSON and the packed form, which is what the web app fetches.
//!
//! Owns: the catalog's data and every computation over it. Never: the call's rules (`rules`), the wire
//! formats of links and packed files (`codec`), file or text-format reading outside `import` (which is
//! native only), and never anything the app's first load needs (the app links none of this but the types).

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::model::{IstatCode, MemberKind, Need, ProvinceCode};
use crate::text::Text;
use search::fold;

pub mod compare;
pub mod engine;
#[cfg(feature = "source")]
pub mod import;
pub mod matching;
pub mod message;
pub mod search;
pub mod synth;
pub mod validate;

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
        self.adjacency
            .iter()
            .any(|n| (n.province == a && n.neighbours.iter().any(|x| x == b)) || (n.province == b && n.neighbours.iter().any(|x| x == a)))
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
            crate::catalog::search::fold_into(&m.name, &mut buf);
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
    /// hit a name. At most `limit`, each as (name, kind, province, directory key).
    pub fn search_directory(&self, query: &str, limit: usize) -> Vec<(String, MemberKind, Option<ProvinceCode>, String)> {
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
        // (rank, folded name, name, kind, province, directory key)
        type Hit<'a> = (u8, String, String, MemberKind, Option<ProvinceCode>, &'a str);
        let mut hits: Vec<Hit> = Vec::new();
        for o in &self.organisations {
            if let Some(r) = rank(&[&o.name]) {
                hits.push((r, fold(&o.name), o.name.clone(), o.kind, o.provinces.first().cloned(), &o.id));
            }
        }
        for m in &self.municipalities {
            let name = format!("Comune di {}", m.name);
            if let Some(r) = rank(&[&m.name, &name]) {
                hits.push((r, fold(&name), name, MemberKind::Comune, Some(m.province.clone()), &m.istat));
            }
        }
        hits.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
        let mut seen: Vec<String> = Vec::new();
        let mut out = Vec::new();
        for (_, folded, name, kind, province, key) in hits {
            if seen.contains(&folded) {
                continue;
            }
            seen.push(folded);
            out.push((name, kind, province, key.to_string()));
            if out.len() == limit {
                break;
            }
        }
        out
    }

    /// Where the directory entry with this key (an organisation's `id`, a municipality's ISTAT code:
    /// what `Member::directory` keeps) stands among the partner candidates: organisations first,
    /// then municipalities, as matching numbers them.
    pub fn candidate_position(&self, key: &str) -> Option<usize> {
        let n = self.organisations.len();
        (self.organisations.iter().position(|o| o.id == key))
            .or_else(|| self.municipalities.iter().position(|m| m.istat == key).map(|i| n + i))
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalised_names_ignore_legal_form_and_accents() {
        assert_eq!(normalise_name("Sol.co Mantova"), normalise_name("Sol.Co. Mantova"));
        assert_eq!(normalise_name("Koinè cooperativa sociale"), normalise_name("Koine Coop. Soc."));
        assert_ne!(normalise_name("Auser"), normalise_name("Associazione Auser"));
    }
}
