//! Explainable matching: which funded projects resemble the visitor's idea, and which organisations
//! or municipalities could join the network. Every suggestion carries its per-factor contributions
//! (`Reason`), in Italian and English, so the score is never a black box.
//!
//! `SearchIndex::build` precomputes per-candidate data once (needs and provinces as bit sets, kind,
//! experience, BM25 postings, each funded project's directory partners, the municipalities each
//! organisation's name names, the organisations by each word of their names); `match_all` then scores
//! all candidates without allocating per candidate.
//!
//! The partners come in this order:
//! 1. for each missing gating requirement (`Gaps::required`), in the verdict's order, a block of the
//!    partners that fill it (at least `FILLERS`): the Comuni of the project's places (the
//!    municipalities the visitor chose, else those the description names, else the chief town of
//!    each of their provinces), the Uffici di Piano of those places' ambiti, then by the order of
//!    kinds the remedy names; each says "Colma il requisito: …";
//! 2. then everyone else: partners in the visitor's provinces, then in the neighbouring provinces,
//!    the region, the rest; by score within each. A municipality without a directory entry is
//!    suggested only in a block, or when the visitor chose it or names it in the description.
//!
//! What the visitor told weighs in the score: the needs, the description (BM25 text; an organisation
//! whose name names a municipality the description names, "Arci Mantova" for "nel distretto di
//! Mantova", or its people, "Fondazione della Comunità Bresciana" for "a Brescia" (`Demonyms`), which
//! also counts as in the visitor's provinces whatever the directory says; one of the
//! visitor's provinces whose name carries another place the description names, "Fondazione Pro
//! Valtellina" for "(Bassa Valtellina)", unless its kind fills a missing requirement: a gap's fillers
//! keep the remedy's order), the gaps, and the members: an organisation that took part in a funded
//! project with one of them says so ("Ha già lavorato con …").
//!
//! Members of the network (by normalised name, an alias, or "Comune di X") are never suggested.

use std::cmp::Ordering;
use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use crate::catalog::search::{fold, Analyzer, Bm25, Query};
use crate::catalog::{normalise_name, Catalog};
use crate::model::{Answers, MemberKind, Need, Sector};
use crate::rules::verdict::{Remedy, Status, Verdict};
use crate::text::number::thousands;
use crate::text::Text;

// ---------------------------------------------------------------------------------------------
// Gaps: what the network lacks, as plain data.

/// Kinds that would meet a failed gating criterion.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RequiredGap {
    pub kinds: Vec<MemberKind>,
    pub count: u32,
    /// The criterion is about the lead applicant (a member of these kinds could lead).
    pub lead: bool,
}

/// What the network lacks: kinds that would fix a failed gating criterion, and kinds that raise merit.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Gaps {
    pub required: Vec<RequiredGap>,
    pub boosting: Vec<MemberKind>,
}

impl Gaps {
    /// From the remedies of the gating criteria that are not met (those that concern partners:
    /// [`Remedy::partners`]) and the merit criteria's boost kinds.
    pub fn from_remedies<'a>(remedies: impl IntoIterator<Item = &'a Remedy>, boost: &[MemberKind]) -> Gaps {
        let mut g = Gaps::default();
        for r in remedies {
            if let Some((kinds, count, lead)) = r.partners() {
                g.required.push(RequiredGap { kinds: kinds.to_vec(), count, lead });
            }
        }
        for k in boost {
            if !g.boosting.contains(k) {
                g.boosting.push(*k);
            }
        }
        g
    }

    /// From an eligibility verdict: the remedies of the gating criteria that are `NotMet`, and the
    /// boost kinds of the merit scores (weakest dimension first).
    pub fn from_verdict(verdict: &Verdict) -> Gaps {
        let remedies = verdict.criteria.iter().filter(|c| c.gating && c.status == Status::NotMet).filter_map(|c| c.remedy.as_ref());
        let mut merit: Vec<&crate::rules::verdict::MeritScore> = verdict.merit.iter().collect();
        crate::order::sort_small_by(&mut merit, |a, b| a.score.cmp(&b.score));
        let boost: Vec<MemberKind> = merit.iter().flat_map(|m| m.boost_kinds.iter().copied()).collect();
        Gaps::from_remedies(remedies, &boost)
    }

    /// A rough fallback before eligibility has run: the call's network rule (at least one public body
    /// and one third-sector organisation) and non-conventional actors as merit.
    pub fn basic(answers: &Answers) -> Gaps {
        let has = |s: Sector| answers.members.iter().any(|m| m.kind.map(MemberKind::sector) == Some(s));
        let of = |s: Sector| MemberKind::ALL.into_iter().filter(|k| k.sector() == s).collect::<Vec<_>>();
        let mut g = Gaps::default();
        if !has(Sector::Public) {
            g.required.push(RequiredGap { kinds: of(Sector::Public), count: 1, lead: false });
        }
        if !has(Sector::ThirdSector) {
            g.required.push(RequiredGap { kinds: of(Sector::ThirdSector), count: 1, lead: false });
        }
        if !has(Sector::NonConventional) {
            g.boosting = of(Sector::NonConventional);
        }
        g
    }
}

// ---------------------------------------------------------------------------------------------
// Results.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Factor {
    /// Works on the same social needs.
    Need,
    /// Same municipality, province, neighbouring province or region.
    Territory,
    /// Its kind would meet a failed gating criterion.
    GapRequired,
    /// Its kind raises merit (e.g. a non-conventional actor).
    GapBoost,
    /// Took part in funded projects (or, for a municipality, its area hosted them).
    Experience,
    /// Words of the visitor's description.
    Text,
    /// A municipality's size.
    Population,
    /// Worked with a member of the visitor's network in a funded project.
    Partnered,
    /// Its name carries a municipality, or another place, the visitor's description names.
    Name,
}

/// One factor's contribution to a score.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    pub factor: Factor,
    pub points: f32,
    pub text: Text,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PartnerRef {
    /// Index into `Catalog::organisations`.
    Organisation(u32),
    /// Index into `Catalog::municipalities` (a potential Comune partner).
    Municipality(u32),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerMatch {
    pub target: PartnerRef,
    /// Display name ("Comune di Sondrio" for a municipality).
    pub name: String,
    pub kind: MemberKind,
    pub score: f32,
    /// Sorted by points, highest first; never empty.
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectMatch {
    /// Index into `Catalog::projects`.
    pub index: u32,
    pub id: String,
    pub score: f32,
    pub reasons: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Matches {
    pub projects: Vec<ProjectMatch>,
    pub partners: Vec<PartnerMatch>,
}

/// How many results, and how diverse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Limits {
    pub projects: usize,
    pub partners: usize,
    /// At most this many municipalities among the partners, so organisations also show.
    pub max_municipalities: usize,
    /// At most this many partners of one kind.
    pub max_per_kind: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { projects: 5, partners: 10, max_municipalities: 3, max_per_kind: 4 }
    }
}

// ---------------------------------------------------------------------------------------------
// Index.

type Bits = u128;

fn kind_bit(k: MemberKind) -> u32 {
    let i = MemberKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
    1u32 << i
}

fn need_bit(n: Need) -> u16 {
    let i = Need::ALL.iter().position(|x| *x == n).unwrap_or(0);
    1u16 << i
}

#[derive(Debug, Clone)]
struct OrgEntry {
    needs: u16,
    provinces: Bits,
    kind: MemberKind,
    kind_bit: u32,
    experience: u32,
    /// The municipality it stands for (a "Comune di X" of the directory).
    municipality: Option<u32>,
}

#[derive(Debug, Clone)]
struct MunEntry {
    province: Bits,
    population: u32,
    area_projects: u32,
    /// Some organisation of the directory already stands for it.
    covered: bool,
}

#[derive(Debug, Clone)]
struct ProjEntry {
    needs: u16,
    provinces: Bits,
    kinds: u32,
    places: Vec<String>,
    /// Its partners in the directory (organisation indices, sorted).
    orgs: Vec<u32>,
}

/// Everything matching precomputes from a catalog. Build once per catalog.
#[derive(Debug, Clone)]
pub struct SearchIndex {
    province_index: HashMap<String, u32>,
    neighbours: Vec<Bits>,
    region_of: Vec<Bits>,
    orgs: Vec<OrgEntry>,
    muns: Vec<MunEntry>,
    projs: Vec<ProjEntry>,
    org_text: Bm25,
    proj_text: Bm25,
    /// Position of each partner candidate (organisations, then municipalities as "Comune di X")
    /// in name order: ties in score break on this number instead of comparing strings.
    name_rank: Vec<u32>,
    /// Normalised name (`normalise_name`) → the partner candidates of that name: an
    /// organisation by its name and aliases, a municipality and the directory's Comune standing for
    /// it by "Comune di X". A member of one of these names is never suggested.
    name_keys: Keyed<u32>,
    /// Per province (index into `Catalog::provinces`): its chief town (capoluogo), a municipality
    /// index. The catalog has no such field: the municipality named as the province ("Monza" for
    /// "Monza e della Brianza"), else the most populous one (Verbania for Verbano-Cusio-Ossola).
    chief_town: Vec<Option<u32>>,
    /// Municipality index → the Uffici di Piano of its ambito: those whose name names it ("Ambito
    /// distrettuale di Lecco", "Ambito di Cinisello Balsamo (Bresso, …)"), in a province of theirs.
    ambito: Vec<Vec<u32>>,
    /// First folded word of a municipality's name → (municipality index, all its folded words):
    /// to find the municipalities a description names.
    mun_words: Keyed<(u32, Vec<String>)>,
    /// Municipality index → the organisations whose name names it ("Imprese in villa (Samarate)",
    /// "Comune di Tirano"; `named_in`), in index order.
    named_by: Vec<Vec<u32>>,
    /// Folded word of an organisation's name (`AREA_WORD_MIN` letters or more) → the organisations
    /// whose name has it, in index order: to find those named after a place the description names
    /// that is not a municipality ("Valtellina", "Valle Camonica"; `areas_in`).
    name_words: Keyed<u32>,
}

/// Lists by text key, through a `HashMap<String, u32>` (the map type the index uses already: each
/// other key or value type would add its own copy of the map's code to the wasm).
#[derive(Debug, Clone)]
struct Keyed<T> {
    keys: HashMap<String, u32>,
    lists: Vec<Vec<T>>,
}

impl<T: PartialEq> Keyed<T> {
    fn new() -> Keyed<T> {
        Keyed { keys: HashMap::new(), lists: Vec::new() }
    }

    /// Adds `item` to `key`'s list, unless it is there already.
    fn add(&mut self, key: String, item: T) {
        let next = id32(self.lists.len());
        let i = *self.keys.entry(key).or_insert(next);
        if i == next {
            self.lists.push(Vec::new());
        }
        if let Some(list) = self.lists.get_mut(i as usize).filter(|l| !l.contains(&item)) {
            list.push(item);
        }
    }

    /// Adds `item` to `key`'s list unless it ends with it: for items added in ascending order
    /// (`add` looks through the whole list, which a common word of 100 000 names makes slow).
    fn push_ascending(&mut self, key: &str, item: T) {
        let next = id32(self.lists.len());
        let i = match self.keys.get(key) {
            Some(i) => *i,
            None => {
                self.keys.insert(key.to_string(), next);
                self.lists.push(Vec::new());
                next
            }
        };
        if let Some(list) = self.lists.get_mut(i as usize).filter(|l| l.last() != Some(&item)) {
            list.push(item);
        }
    }

    fn get(&self, key: &str) -> &[T] {
        self.keys.get(key).and_then(|i| self.lists.get(*i as usize)).map_or(&[], Vec::as_slice)
    }
}

fn bit(i: Option<&u32>) -> Bits {
    match i {
        Some(&i) if i < 128 => 1u128 << i,
        _ => 0,
    }
}

impl SearchIndex {
    pub fn build(c: &Catalog) -> SearchIndex {
        let province_index: HashMap<String, u32> =
            c.provinces.iter().enumerate().map(|(i, p)| (p.code.clone(), u32::try_from(i).unwrap_or(u32::MAX))).collect();
        let pbits = |codes: &[String]| codes.iter().fold(0u128, |acc, p| acc | bit(province_index.get(p)));
        let mut neighbours = vec![0u128; c.provinces.len()];
        for n in &c.adjacency {
            let a = province_index.get(&n.province).copied();
            for x in &n.neighbours {
                let b = province_index.get(x).copied();
                if let (Some(a), Some(b)) = (a, b) {
                    if let Some(s) = neighbours.get_mut(a as usize) {
                        *s |= bit(Some(&b));
                    }
                    if let Some(s) = neighbours.get_mut(b as usize) {
                        *s |= bit(Some(&a));
                    }
                }
            }
        }
        let region_of: Vec<Bits> = c
            .provinces
            .iter()
            .map(|p| {
                c.provinces
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| q.region == p.region)
                    .fold(0u128, |acc, (i, _)| acc | bit(u32::try_from(i).ok().as_ref()))
            })
            .collect();

        let project_pos: HashMap<&str, usize> = c.projects.iter().enumerate().map(|(i, p)| (p.id.as_str(), i)).collect();
        let proj_needs: Vec<u16> = c.projects.iter().map(|p| p.needs.iter().fold(0, |a, n| a | need_bit(*n))).collect();
        let mun_by_istat: HashMap<&str, u32> =
            c.municipalities.iter().enumerate().map(|(i, m)| (m.istat.as_str(), u32::try_from(i).unwrap_or(u32::MAX))).collect();

        let mut analyzer = Analyzer::new();
        let kind_terms: Vec<Vec<String>> = MemberKind::ALL.iter().map(|k| analyzer.terms(&k.label().it)).collect();
        let mut orgs = Vec::with_capacity(c.organisations.len());
        let mut org_docs: Vec<Vec<String>> = Vec::with_capacity(c.organisations.len());
        for o in &c.organisations {
            let mut needs = o.needs.iter().fold(0u16, |a, n| a | need_bit(*n));
            let mut experience = 0;
            let mut doc = analyzer.terms(&o.name);
            doc.extend(analyzer.terms(&o.name)); // the name counts twice
            let ki = MemberKind::ALL.iter().position(|k| *k == o.kind).unwrap_or(0);
            doc.extend(kind_terms.get(ki).into_iter().flatten().cloned());
            for pid in &o.projects {
                if let Some(&pi) = project_pos.get(pid.as_str()) {
                    experience += 1;
                    needs |= proj_needs.get(pi).copied().unwrap_or(0);
                    if let Some(p) = c.projects.get(pi) {
                        doc.extend(analyzer.terms(&p.summary.it));
                        for s in &p.needs_source {
                            doc.extend(analyzer.terms(s));
                        }
                    }
                }
            }
            for n in &o.needs {
                doc.extend(analyzer.terms(&n.label().it));
            }
            if let Some(d) = &o.description {
                doc.extend(analyzer.terms(d));
            }
            org_docs.push(doc);
            orgs.push(OrgEntry {
                needs,
                provinces: pbits(&o.provinces),
                kind: o.kind,
                kind_bit: kind_bit(o.kind),
                experience,
                municipality: o.istat.as_deref().and_then(|i| mun_by_istat.get(i).copied()),
            });
        }
        let org_text = Bm25::build(org_docs);

        let folded_places: Vec<Vec<String>> =
            c.projects.iter().map(|p| p.places.iter().map(|s| fold(s).trim().to_string()).collect()).collect();
        let mut covered = vec![false; c.municipalities.len()];
        for o in &orgs {
            if let Some(m) = o.municipality.and_then(|m| covered.get_mut(m as usize)) {
                *m = true;
            }
        }
        let muns = c
            .municipalities
            .iter()
            .zip(covered)
            .map(|(m, covered)| {
                let f = fold(&m.name).trim().to_string();
                let area_projects = c
                    .projects
                    .iter()
                    .zip(&folded_places)
                    .filter(|(p, places)| p.provinces.contains(&m.province) && places.contains(&f))
                    .count();
                MunEntry {
                    province: bit(province_index.get(&m.province)),
                    population: m.population,
                    area_projects: u32::try_from(area_projects).unwrap_or(0),
                    covered,
                }
            })
            .collect();

        let org_pos: HashMap<&str, u32> = c.organisations.iter().enumerate().map(|(i, o)| (o.id.as_str(), id32(i))).collect();
        let mut proj_docs = Vec::with_capacity(c.projects.len());
        let projs = c
            .projects
            .iter()
            .zip(&proj_needs)
            .zip(folded_places)
            .map(|((p, &needs), places)| {
                let mut doc = analyzer.terms(&p.name);
                doc.extend(analyzer.terms(&p.summary.it));
                for s in p.needs_source.iter().chain(&p.beneficiaries_source).chain(&p.places) {
                    doc.extend(analyzer.terms(s));
                }
                for n in &p.needs {
                    doc.extend(analyzer.terms(&n.label().it));
                }
                proj_docs.push(doc);
                let mut orgs: Vec<u32> =
                    p.partners.iter().filter_map(|pp| pp.org.as_deref().and_then(|id| org_pos.get(id)).copied()).collect();
                crate::order::sort_small(&mut orgs);
                orgs.dedup();
                let kinds = orgs.iter().filter_map(|i| c.organisations.get(*i as usize)).fold(0u32, |a, o| a | kind_bit(o.kind));
                ProjEntry { needs, provinces: pbits(&p.provinces), kinds, places, orgs }
            })
            .collect();
        let proj_text = Bm25::build(proj_docs);
        let mut names: Vec<(String, usize)> = c
            .organisations
            .iter()
            .map(|o| o.name.clone())
            .chain(c.municipalities.iter().map(|m| format!("Comune di {}", m.name)))
            .enumerate()
            .map(|(i, n)| (n, i))
            .collect();
        names.sort();
        let mut name_rank = vec![0u32; names.len()];
        for (rank, (_, i)) in names.iter().enumerate() {
            if let Some(r) = name_rank.get_mut(*i) {
                *r = u32::try_from(rank).unwrap_or(u32::MAX);
            }
        }
        let name_keys = name_keys(c, &orgs);
        let (chief_town, ambito, mun_words) = districts(c, &province_index);
        let mut named_by: Vec<Vec<u32>> = vec![Vec::new(); c.municipalities.len()];
        let demonyms = Demonyms::new(&mun_words);
        for (i, o) in c.organisations.iter().enumerate() {
            let mut ms = named_in(&mun_words, &o.name);
            ms.extend(demonyms.named_in(&o.name));
            crate::order::sort_small(&mut ms);
            ms.dedup();
            for m in ms {
                if let Some(orgs) = named_by.get_mut(m as usize) {
                    orgs.push(id32(i));
                }
            }
        }
        let mut name_words = Keyed::new();
        for (i, o) in c.organisations.iter().enumerate() {
            for w in fold(&o.name).split_whitespace().filter(|w| w.chars().count() >= AREA_WORD_MIN) {
                name_words.push_ascending(w, id32(i));
            }
        }
        SearchIndex {
            province_index,
            neighbours,
            region_of,
            orgs,
            muns,
            projs,
            org_text,
            proj_text,
            name_rank,
            name_keys,
            chief_town,
            ambito,
            mun_words,
            named_by,
            name_words,
        }
    }
}

fn id32(i: usize) -> u32 {
    u32::try_from(i).unwrap_or(u32::MAX)
}

/// See `SearchIndex::name_keys`.
fn name_keys(c: &Catalog, orgs: &[OrgEntry]) -> Keyed<u32> {
    let mut keys = Keyed::new();
    let mut add = |name: &str, id: u32| {
        let n = normalise_name(name);
        if !n.is_empty() {
            keys.add(n, id);
        }
    };
    let n_orgs = c.organisations.len();
    for (i, (o, e)) in c.organisations.iter().zip(orgs).enumerate() {
        add(&o.name, id32(i));
        for a in &o.aliases {
            add(a, id32(i));
        }
        if let Some(m) = e.municipality.and_then(|m| c.municipalities.get(m as usize)) {
            add(&format!("Comune di {}", m.name), id32(i));
        }
    }
    for (i, m) in c.municipalities.iter().enumerate() {
        add(&format!("Comune di {}", m.name), id32(n_orgs + i));
    }
    keys
}

type MunWords = Keyed<(u32, Vec<String>)>;

/// See `SearchIndex::chief_town`, `SearchIndex::ambito` and `SearchIndex::mun_words`.
fn districts(c: &Catalog, province_index: &HashMap<String, u32>) -> (Vec<Option<u32>>, Vec<Vec<u32>>, MunWords) {
    let words = |s: &str| fold(s).split_whitespace().map(str::to_string).collect::<Vec<String>>();
    let province_words: Vec<String> = c.provinces.iter().map(|p| words(&p.name).join(" ")).collect();
    // Per province: the municipality named as the province, and the most populous (index, population).
    type Towns = (Option<u32>, Option<(u32, u32)>);
    let mut towns: Vec<Towns> = vec![(None, None); c.provinces.len()];
    let mut by_first_word: MunWords = Keyed::new();
    for (i, m) in c.municipalities.iter().enumerate() {
        let w = words(&m.name);
        let name = w.join(" ");
        if let Some(p) = province_index.get(&m.province).copied() {
            if let (Some(t), Some(pw)) = (towns.get_mut(p as usize), province_words.get(p as usize)) {
                if t.0.is_none() && !name.is_empty() && (*pw == name || pw.starts_with(&format!("{name} "))) {
                    t.0 = Some(id32(i));
                }
                if t.1.is_none_or(|(_, pop)| m.population > pop) {
                    t.1 = Some((id32(i), m.population));
                }
            }
        }
        if let Some(first) = w.first() {
            by_first_word.add(first.clone(), (id32(i), w));
        }
    }
    let chief_town = towns.into_iter().map(|(named, big)| named.or(big.map(|(i, _)| i))).collect();
    // "Ambito n. 3 Brescia Est" names the area east of Brescia, not Brescia's ambito.
    const AROUND: [&str; 4] = ["est", "ovest", "nord", "sud"];
    let mut ambito: Vec<Vec<u32>> = vec![Vec::new(); c.municipalities.len()];
    for (oi, o) in c.organisations.iter().enumerate().filter(|(_, o)| o.kind == MemberKind::UfficioDiPiano) {
        let w = words(&o.name);
        for j in 0..w.len() {
            let (Some(first), Some(rest)) = (w.get(j), w.get(j..)) else { continue };
            for (mi, mw) in by_first_word.get(first) {
                let named = rest.starts_with(mw) && !rest.get(mw.len()).is_some_and(|next| AROUND.contains(&next.as_str()));
                let same_province = c.municipalities.get(*mi as usize).is_some_and(|m| o.provinces.contains(&m.province));
                if let Some(udps) = ambito.get_mut(*mi as usize).filter(|u| named && same_province && !u.contains(&id32(oi))) {
                    udps.push(id32(oi));
                }
            }
        }
    }
    (chief_town, ambito, by_first_word)
}

/// A word of a description, folded: whether it is capitalised, whether it opens a sentence (the
/// description's first word, or after `.`, `!`, `?` or `:`), its text as written, and folded.
struct Word<'a> {
    capital: bool,
    opens: bool,
    written: &'a str,
    folded: &'a str,
}

fn words_of<'a>(description: &'a str, folded: &'a str) -> Vec<Word<'a>> {
    // `fold` turns each character into one: positions in the folded text are those of the original.
    // `case::lower`, not `char::is_uppercase`: no Unicode tables in the wasm (see `case`).
    let chars: Vec<(usize, char)> = description.char_indices().collect();
    let mut words: Vec<Word> = Vec::new();
    let mut start: Option<(usize, usize)> = None;
    let mut opens = true;
    for (ci, (bi, ch)) in folded.char_indices().chain(std::iter::once((folded.len(), ' '))).enumerate() {
        match (ch == ' ', start) {
            (false, None) => start = Some((ci, bi)),
            (true, Some((c0, b0))) => {
                let (w0, first) = chars.get(c0).copied().unwrap_or((0, ' '));
                let w1 = chars.get(ci).map_or(description.len(), |(b, _)| *b);
                words.push(Word {
                    capital: crate::text::case::lower(first) != first,
                    opens,
                    written: description.get(w0..w1).unwrap_or(""),
                    folded: folded.get(b0..bi).unwrap_or(""),
                });
                start = None;
                opens = false;
            }
            _ => {}
        }
        if start.is_none() && matches!(chars.get(ci).map(|(_, c)| *c), Some('.' | '!' | '?' | ':')) {
            opens = true;
        }
    }
    words
}

/// Each municipality whose name starts at a capitalised word of `words`: (municipality, the
/// position of its first word, how many words).
fn municipalities_in(mun_words: &MunWords, words: &[Word]) -> Vec<(u32, usize, usize)> {
    let mut out = Vec::new();
    for j in 0..words.len() {
        let (Some(Word { capital: true, folded: first, .. }), Some(rest)) = (words.get(j), words.get(j..)) else { continue };
        for (mi, mw) in mun_words.get(first) {
            let long_enough = mw.iter().map(|w| w.len()).sum::<usize>() >= 3;
            if long_enough && rest.len() >= mw.len() && rest.iter().zip(mw).all(|(a, b)| a.folded == b) {
                out.push((*mi, j, mw.len()));
            }
        }
    }
    out
}

/// The municipalities `description` names, capitalised as names are ("Nei distretti di Gallarate e
/// Somma Lombardo"; not "un mese", whatever Mese in Valchiavenna), sorted.
fn named_in(mun_words: &MunWords, description: &str) -> Vec<u32> {
    let folded = fold(description);
    let mut out: Vec<u32> = municipalities_in(mun_words, &words_of(description, &folded)).into_iter().map(|(m, _, _)| m).collect();
    crate::order::sort_small(&mut out);
    out.dedup();
    out
}

/// The municipalities an organisation's name names by their people's adjective: "Fondazione della
/// Comunità Bresciana" (Brescia), "Caritas Diocesana Bergamasca" (Bergamo), "Fondazione Comunitaria
/// del Varesotto" (Varese). Such a word is a one-word municipality's name less its final vowel (at
/// least `DEMONYM_STEM_MIN` letters: "Brescia" → "bresci") and one of the Italian endings of such
/// adjectives (`DEMONYM_ENDINGS`); it is not itself a word of a municipality's name ("Milanino" of
/// Cusano Milanino is not Milano's).
struct Demonyms {
    /// Stem → municipality indices.
    stems: HashMap<String, Vec<u32>>,
    /// Every folded word of a municipality's name.
    words: std::collections::HashSet<String>,
}

const DEMONYM_STEM_MIN: usize = 5;
const DEMONYM_ENDINGS: &[&str] = &[
    "ese", "esi", "ano", "ana", "ani", "ane", "asco", "asca", "aschi", "asche", "ino", "ina", "ini", "ine", "otto", "otta", "ense", "ensi",
];

impl Demonyms {
    fn new(mun_words: &MunWords) -> Demonyms {
        let mut stems: HashMap<String, Vec<u32>> = HashMap::new();
        let mut words = std::collections::HashSet::new();
        for list in &mun_words.lists {
            for (m, w) in list {
                words.extend(w.iter().cloned());
                let [name] = w.as_slice() else { continue };
                let mut stem = name.clone();
                if stem.pop().is_some_and(|v| "aeiou".contains(v)) && stem.chars().count() >= DEMONYM_STEM_MIN {
                    stems.entry(stem).or_default().push(*m);
                }
            }
        }
        Demonyms { stems, words }
    }

    fn named_in(&self, name: &str) -> Vec<u32> {
        let mut out = Vec::new();
        for w in fold(name).split_whitespace().filter(|w| !self.words.contains(*w)) {
            for ending in DEMONYM_ENDINGS {
                if let Some(ms) = w.strip_suffix(ending).and_then(|stem| self.stems.get(stem)) {
                    out.extend(ms);
                }
            }
        }
        out
    }
}

/// Words of an organisation's name shorter than this are not matched as a place (`areas_in`).
const AREA_WORD_MIN: usize = 4;

/// Words that, capitalised, still name no particular place: kinds of area and of body, and the
/// qualifiers of places ("Bassa Valtellina", "Alto Lario", "Valle Camonica": the last word tells).
const NOT_AN_AREA: &[&str] = &[
    "alta",
    "alto",
    "ambiti",
    "ambito",
    "area",
    "aree",
    "bassa",
    "basso",
    "casa",
    "case",
    "centro",
    "citta",
    "comune",
    "comuni",
    "distretti",
    "distretto",
    "municipi",
    "municipio",
    "nord",
    "ovest",
    "provincia",
    "province",
    "quartiere",
    "quartieri",
    "regione",
    "santa",
    "santo",
    "valle",
    "valli",
    "zona",
    "zone",
];

/// The places other than municipalities that `description` names, as organisation names can carry
/// them ("Nel distretto di Morbegno (Bassa Valtellina)" → Valtellina; "In Valle Camonica" →
/// Camonica; "Nel distretto di Carate Brianza" → Brianza, the area a municipality's name places it
/// in): capitalised words that do not open a sentence, are not the first word of a municipality's
/// name there (the municipality has its own points, `named`), are not in `NOT_AN_AREA` and are in
/// some organisation's name (`SearchIndex::name_words`). (word as written, folded), each once, in
/// the description's order.
fn areas_in<'a>(ix: &SearchIndex, description: &'a str, folded: &'a str) -> Vec<(&'a str, &'a str)> {
    let words = words_of(description, folded);
    let mut municipality_starts = vec![false; words.len()];
    for (_, j, _) in municipalities_in(&ix.mun_words, &words) {
        if let Some(x) = municipality_starts.get_mut(j) {
            *x = true;
        }
    }
    let mut out: Vec<(&str, &str)> = Vec::new();
    for (w, municipal) in words.iter().zip(municipality_starts) {
        let area = w.capital
            && !w.opens
            && !municipal
            && w.folded.chars().count() >= AREA_WORD_MIN
            && !NOT_AN_AREA.contains(&w.folded)
            && !ix.name_words.get(w.folded).is_empty();
        if area && !out.iter().any(|(_, f)| *f == w.folded) {
            out.push((w.written, w.folded));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Matching.

/// One failed gating requirement, as the scoring needs it.
struct GapSpec {
    /// The kinds that would fill it, in the remedy's order.
    kinds: Vec<MemberKind>,
    mask: u32,
    count: u32,
    lead: bool,
}

/// The visitor, reduced to what the scoring loop needs.
struct Visitor {
    needs: u16,
    provinces: Bits,
    neighbours: Bits,
    region: Bits,
    municipalities: Vec<u32>,
    municipality_names: Vec<String>,
    required: u32,
    lead: u32,
    boost: u32,
    gaps: Vec<GapSpec>,
    /// The Comuni the gaps' blocks start with (municipality indices): the project's places, else the
    /// chief towns of the visitor's provinces.
    towns: Vec<u32>,
    /// The project's places: the municipalities the visitor chose, else those the description names.
    places: Vec<u32>,
    /// The Uffici di Piano of the places' ambiti (organisation indices, sorted).
    ambito: Vec<u32>,
    /// Partner candidates that are already members (sorted ids: organisations, then municipalities).
    excluded: Vec<u32>,
    /// Municipalities of the visitor's territory (or any, without one) that the description names (sorted).
    named: Vec<u32>,
    /// The organisations that took part in a funded project with a member of the network (sorted by `org`).
    partnered: Vec<Partnered>,
    /// The members' names as the visitor wrote them.
    member_names: Vec<String>,
    /// Each municipality of `named` that organisation names name, with those organisations (sorted).
    name_named: Vec<(u32, Vec<u32>)>,
    /// Each other place the description names (`areas_in`, as written) with the organisations whose
    /// name carries it (sorted).
    area_named: Vec<(String, Vec<u32>)>,
}

/// An organisation that already worked with a member of the visitor's network.
struct Partnered {
    org: u32,
    /// How many funded projects it shared with members.
    projects: u16,
    /// The first of them (index into `Catalog::projects`) and the member there (index into `Answers::members`).
    project: u32,
    member: u32,
}

/// See `Visitor::partnered`: the directory partners of each funded project a member took part in
/// (`members`: organisation index, member index; first member first), members left out.
fn partnered(ix: &SearchIndex, members: &[(u32, u32)], excluded: &[u32]) -> Vec<Partnered> {
    let mut out: Vec<Partnered> = Vec::new();
    if members.is_empty() {
        return out;
    }
    for (pi, p) in ix.projs.iter().enumerate() {
        let Some(&(_, member)) = members.iter().find(|(o, _)| p.orgs.binary_search(o).is_ok()) else { continue };
        for &o in &p.orgs {
            if excluded.binary_search(&o).is_ok() {
                continue;
            }
            match out.iter_mut().find(|x| x.org == o) {
                Some(x) => x.projects = x.projects.saturating_add(1),
                None => out.push(Partnered { org: o, projects: 1, project: id32(pi), member }),
            }
        }
    }
    crate::order::sort_small_by(&mut out, |a, b| a.org.cmp(&b.org));
    out
}

fn visitor(c: &Catalog, ix: &SearchIndex, a: &Answers, g: &Gaps) -> Visitor {
    let mut codes: Vec<String> = a.territory.provinces.iter().map(|p| p.trim().to_ascii_uppercase()).collect();
    let mut municipalities = Vec::new();
    let mut municipality_names = Vec::new();
    for istat in &a.territory.municipalities {
        if let Some((i, m)) = c.municipalities.iter().enumerate().find(|(_, m)| &m.istat == istat) {
            municipalities.push(id32(i));
            municipality_names.push(fold(&m.name).trim().to_string());
            codes.push(m.province.clone());
        }
    }
    if codes.is_empty() {
        codes.extend(a.members.iter().filter_map(|m| m.province.clone()));
    }
    let provinces = codes.iter().fold(0u128, |acc, p| acc | bit(ix.province_index.get(p)));
    let mut named = named_in(&ix.mun_words, &a.description);
    named.retain(|m| provinces == 0 || ix.muns.get(*m as usize).is_some_and(|e| e.province & provinces != 0));
    // The project's places: the municipalities chosen, else those the description names.
    let places = if municipalities.is_empty() { named.clone() } else { municipalities.clone() };
    let mut neighbours = 0u128;
    let mut region = 0u128;
    let mut towns = places.clone();
    for i in 0..ix.neighbours.len() {
        if provinces & bit(u32::try_from(i).ok().as_ref()) != 0 {
            neighbours |= ix.neighbours.get(i).copied().unwrap_or(0);
            region |= ix.region_of.get(i).copied().unwrap_or(0);
            if places.is_empty() {
                towns.extend(ix.chief_town.get(i).copied().flatten());
            }
        }
    }
    let mut ambito: Vec<u32> = places.iter().filter_map(|m| ix.ambito.get(*m as usize)).flatten().copied().collect();
    crate::order::sort_small(&mut ambito);
    ambito.dedup();
    let kinds = |ks: &[MemberKind]| ks.iter().fold(0u32, |a, k| a | kind_bit(*k));
    let mut excluded: Vec<u32> = Vec::new();
    // (organisation index, index of the member it is), first member first.
    let mut members: Vec<(u32, u32)> = Vec::new();
    let n_orgs = ix.orgs.len();
    for (mi, m) in a.members.iter().enumerate() {
        let n = normalise_name(&m.name);
        let from = excluded.len();
        // Picked from the directory: that entry, whatever the name says now.
        excluded.extend(m.directory.as_deref().and_then(|key| c.candidate_position(key)).map(id32));
        if !n.is_empty() {
            excluded.extend(ix.name_keys.get(&n));
        }
        if !n.is_empty() && m.kind == Some(MemberKind::Comune) && !n.starts_with("comune di ") {
            excluded.extend(ix.name_keys.get(&format!("comune di {n}")));
        }
        for &o in excluded.get(from..).unwrap_or(&[]) {
            if (o as usize) < n_orgs && !members.iter().any(|(x, _)| *x == o) {
                members.push((o, id32(mi)));
            }
        }
    }
    crate::order::sort_small(&mut excluded);
    excluded.dedup();
    let name_named = named.iter().filter_map(|m| ix.named_by.get(*m as usize).filter(|o| !o.is_empty()).map(|o| (*m, o.clone()))).collect();
    let folded = fold(&a.description);
    let area_named =
        areas_in(ix, &a.description, &folded).into_iter().map(|(w, f)| (w.to_string(), ix.name_words.get(f).to_vec())).collect();
    Visitor {
        needs: a.needs.iter().fold(0, |acc, n| acc | need_bit(*n)),
        provinces,
        neighbours: neighbours & !provinces,
        region: region & !provinces,
        municipalities,
        municipality_names,
        required: g.required.iter().filter(|r| !r.lead).fold(0, |acc, r| acc | kinds(&r.kinds)),
        lead: g.required.iter().filter(|r| r.lead).fold(0, |acc, r| acc | kinds(&r.kinds)),
        boost: kinds(&g.boosting),
        gaps: g.required.iter().map(|r| GapSpec { kinds: r.kinds.clone(), mask: kinds(&r.kinds), count: r.count, lead: r.lead }).collect(),
        towns,
        places,
        ambito,
        partnered: partnered(ix, &members, &excluded),
        member_names: a.members.iter().map(|m| m.name.trim().to_string()).collect(),
        excluded,
        named,
        name_named,
        area_named,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Where {
    Municipality,
    Province,
    Neighbour,
    Region,
    Away,
}

fn territory(v: &Visitor, provinces: Bits) -> Where {
    if provinces & v.provinces != 0 {
        Where::Province
    } else if provinces & v.neighbours != 0 {
        Where::Neighbour
    } else if provinces & v.region != 0 {
        Where::Region
    } else {
        Where::Away
    }
}

fn need_count(a: u16, b: u16) -> f32 {
    (a & b).count_ones() as f32
}

/// Ranks the funded projects and the possible partners for these answers and gaps.
pub fn match_all(catalog: &Catalog, index: &SearchIndex, answers: &Answers, gaps: &Gaps, limits: Limits) -> Matches {
    let v = visitor(catalog, index, answers, gaps);
    let mut analyzer = Analyzer::new();
    let query = Query::parse(&mut analyzer, &answers.description);
    Matches { projects: match_projects(catalog, index, &v, &query, limits), partners: match_partners(catalog, index, &v, &query, limits) }
}

fn by_score_then_name(a: (f32, &str, u32), b: (f32, &str, u32)) -> Ordering {
    b.0.total_cmp(&a.0).then_with(|| a.1.cmp(b.1)).then(a.2.cmp(&b.2))
}

fn sort_reasons(r: &mut [Reason]) {
    crate::order::sort_small_by(r, |a, b| b.points.total_cmp(&a.points).then((a.factor as u8).cmp(&(b.factor as u8))));
}

fn lower_first(s: &str) -> String {
    crate::text::case::decapitalise(s)
}

fn need_reason(shared: u16, points: f32) -> Reason {
    let needs: Vec<Need> = Need::ALL.into_iter().filter(|n| shared & need_bit(*n) != 0).collect();
    let it: Vec<String> = needs.iter().map(|n| lower_first(&n.label().it)).collect();
    let en: Vec<String> = needs.iter().map(|n| lower_first(&n.label().en)).collect();
    let (pit, pen) = if needs.len() > 1 { ("Stessi bisogni", "Same needs") } else { ("Stesso bisogno", "Same need") };
    Reason { factor: Factor::Need, points, text: Text::new(format!("{pit}: {}", it.join(", ")), format!("{pen}: {}", en.join(", "))) }
}

fn text_reason(index: &Bm25, query: &Query, ids: &[(u32, usize)], doc: u32, points: f32) -> Reason {
    let words: Vec<&str> = ids
        .iter()
        .filter(|(t, _)| index.contains(*t, doc))
        .filter_map(|(_, qi)| query.terms.get(*qi).map(|(_, w)| w.as_str()))
        .take(5)
        .collect();
    let list = words.join(", ");
    Reason {
        factor: Factor::Text,
        points,
        text: Text::new(
            format!("Parole in comune con la tua descrizione: {list}"),
            format!("Words in common with your description: {list}"),
        ),
    }
}

fn province_names(c: &Catalog, bits: Bits) -> String {
    c.provinces
        .iter()
        .enumerate()
        .filter(|(i, _)| bits & bit(u32::try_from(*i).ok().as_ref()) != 0)
        .map(|(_, p)| p.name.as_str())
        .take(3)
        .collect::<Vec<_>>()
        .join(", ")
}

fn match_projects(c: &Catalog, ix: &SearchIndex, v: &Visitor, q: &Query, limits: Limits) -> Vec<ProjectMatch> {
    let w = &c.weights.projects;
    let (ids, text, max) = q.scores(&ix.proj_text);
    let gap_kinds = v.required | v.lead;
    let mut out: Vec<ProjectMatch> = Vec::new();
    for (i, (p, e)) in c.projects.iter().zip(&ix.projs).enumerate() {
        let idx = u32::try_from(i).unwrap_or(u32::MAX);
        let mut reasons = Vec::new();
        let shared = e.needs & v.needs;
        if shared != 0 {
            reasons.push(need_reason(shared, (w.need * need_count(e.needs, v.needs)).min(w.need_max)));
        }
        let same_mun = v.municipality_names.iter().any(|n| e.places.iter().any(|pl| pl == n));
        let terr = if same_mun { Where::Municipality } else { territory(v, e.provinces) };
        let (pts, it, en) = match terr {
            Where::Municipality => {
                (w.same_municipality.max(w.same_province), "Nel tuo stesso Comune".to_string(), "In your municipality".to_string())
            }
            Where::Province => (w.same_province, "Nella tua provincia".to_string(), "In your province".to_string()),
            Where::Neighbour => {
                let names = province_names(c, e.provinces & v.neighbours);
                (w.neighbour_province, format!("In una provincia vicina: {names}"), format!("In a neighbouring province: {names}"))
            }
            Where::Region => (w.same_region, "Nella tua regione".to_string(), "In your region".to_string()),
            Where::Away => (0.0, String::new(), String::new()),
        };
        if pts > 0.0 {
            reasons.push(Reason { factor: Factor::Territory, points: pts, text: Text::new(it, en) });
        }
        let gk = e.kinds & gap_kinds;
        if gk != 0 && w.gap > 0.0 {
            let kinds: Vec<MemberKind> = MemberKind::ALL.into_iter().filter(|k| gk & kind_bit(*k) != 0).take(3).collect();
            let it: Vec<String> = kinds.iter().map(|k| lower_first(&k.label().it)).collect();
            let en: Vec<String> = kinds.iter().map(|k| lower_first(&k.label().en)).collect();
            reasons.push(Reason {
                factor: Factor::GapRequired,
                points: w.gap,
                text: Text::new(
                    format!("La sua rete aveva il tipo di soggetto che manca alla tua: {}", it.join(", ")),
                    format!("Its network had the kind of member yours lacks: {}", en.join(", ")),
                ),
            });
        }
        let t = text.get(i).copied().unwrap_or(0.0);
        if t > 0.0 && max > 0.0 {
            reasons.push(text_reason(&ix.proj_text, q, &ids, idx, w.text * t / max));
        }
        reasons.retain(|r| r.points > 0.0);
        if reasons.is_empty() {
            continue;
        }
        sort_reasons(&mut reasons);
        let score = reasons.iter().map(|r| r.points).sum();
        out.push(ProjectMatch { index: idx, id: p.id.clone(), score, reasons });
    }
    // At most one entry a funded project (29 today).
    crate::order::sort_small_by(&mut out, |a, b| {
        let na = c.projects.get(a.index as usize).map(|p| p.name.as_str()).unwrap_or("");
        let nb = c.projects.get(b.index as usize).map(|p| p.name.as_str()).unwrap_or("");
        by_score_then_name((a.score, na, a.index), (b.score, nb, b.index))
    });
    out.truncate(limits.projects);
    out
}

/// A candidate in the partner ranking: 0..n_orgs are organisations, then municipalities. Lower
/// `rank` first, then higher score: the territory band (`band`), or in a gap's block the filler's
/// order (`filler_rank`).
#[derive(Clone, Copy)]
struct Cand {
    score: f32,
    id: u32,
    rank: u16,
}

/// How many partners that fill a missing requirement come first (more if it needs more).
const FILLERS: usize = 3;

/// Partners in the visitor's provinces come first, then the neighbouring provinces, the region, the rest.
fn band(w: Where) -> u16 {
    match w {
        Where::Municipality | Where::Province => 0,
        Where::Neighbour => 1,
        Where::Region => 2,
        Where::Away => 3,
    }
}

fn gap_share(wp: &crate::catalog::PartnerWeights, v: &Visitor, w: Where) -> f32 {
    if v.provinces == 0 {
        return 1.0;
    }
    match w {
        Where::Municipality | Where::Province => 1.0,
        Where::Neighbour => wp.gap_neighbour_share,
        Where::Region | Where::Away => wp.gap_away_share,
    }
}

fn territory_points(wp: &crate::catalog::PartnerWeights, w: Where) -> f32 {
    match w {
        Where::Municipality => wp.same_municipality,
        Where::Province => wp.same_province,
        Where::Neighbour => wp.neighbour_province,
        Where::Region => wp.same_region,
        Where::Away => 0.0,
    }
}

fn gap_points(wp: &crate::catalog::PartnerWeights, v: &Visitor, kind_bit: u32, w: Where) -> f32 {
    let share = gap_share(wp, v, w);
    if (v.required | v.lead) & kind_bit != 0 {
        wp.gap_required * share
    } else if v.boost & kind_bit != 0 {
        wp.gap_boost * share
    } else {
        0.0
    }
}

/// An organisation's place: the visitor's own municipality for a Comune of the directory standing
/// for it, else by its provinces; in the visitor's provinces, whatever its provinces say, if its name
/// names a municipality of theirs that the description names ("Arci Mantova" for a project "nel
/// distretto di Mantova": the directory may not know where it works).
fn org_where(v: &Visitor, id: u32, o: &OrgEntry) -> Where {
    if o.municipality.is_some_and(|m| v.municipalities.contains(&m)) {
        return Where::Municipality;
    }
    match territory(v, o.provinces) {
        Where::Neighbour | Where::Region | Where::Away if v.named_in_name(id).is_some() => Where::Province,
        w => w,
    }
}

fn org_score(wp: &crate::catalog::PartnerWeights, v: &Visitor, id: u32, o: &OrgEntry, w: Where, text: f32) -> f32 {
    let mut s = (wp.need * need_count(o.needs, v.needs)).min(wp.need_max);
    s += territory_points(wp, w);
    s += gap_points(wp, v, o.kind_bit, w);
    s += (wp.experience * o.experience as f32).min(wp.experience_max);
    s += partnered_points(wp, v.partnered_with(id));
    if v.named_in_name(id).is_some() {
        s += wp.named;
    } else if v.area_named_here(id, o, w).is_some() {
        s += wp.named_area;
    }
    s + wp.text * text
}

impl Visitor {
    /// The municipality of the description that organisation `org`'s name names.
    fn named_in_name(&self, org: u32) -> Option<u32> {
        self.name_named.iter().find(|(_, orgs)| orgs.binary_search(&org).is_ok()).map(|(m, _)| *m)
    }

    /// The other place of the description (as written) that organisation `org`'s name carries,
    /// if it counts: the organisation is in the visitor's provinces, and its kind fills no missing
    /// requirement (those come in the remedy's order, `filler_rank`, which a name does not change).
    fn area_named_here(&self, org: u32, o: &OrgEntry, w: Where) -> Option<&str> {
        if !matches!(w, Where::Municipality | Where::Province) || (self.required | self.lead) & o.kind_bit != 0 {
            return None;
        }
        self.area_named.iter().find(|(_, orgs)| orgs.binary_search(&org).is_ok()).map(|(w, _)| w.as_str())
    }

    fn partnered_with(&self, org: u32) -> Option<&Partnered> {
        self.partnered.binary_search_by(|p| p.org.cmp(&org)).ok().and_then(|i| self.partnered.get(i))
    }
}

fn partnered_points(wp: &crate::catalog::PartnerWeights, p: Option<&Partnered>) -> f32 {
    p.map_or(0.0, |p| (wp.partnered * f32::from(p.projects)).min(wp.partnered_max))
}

fn mun_where(v: &Visitor, m: &MunEntry, i: u32) -> Where {
    if v.municipalities.contains(&i) {
        Where::Municipality
    } else {
        territory(v, m.province)
    }
}

/// (the score, the score it is ranked by): its population only breaks ties among municipalities,
/// as a bigger Comune is not a better partner than an organisation of the directory.
fn mun_score(wp: &crate::catalog::PartnerWeights, v: &Visitor, m: &MunEntry, i: u32) -> (f32, f32) {
    let w = mun_where(v, m, i);
    let mut s = territory_points(wp, w) + gap_points(wp, v, kind_bit(MemberKind::Comune), w);
    s += wp.area_project * m.area_projects.min(2) as f32;
    if v.named.binary_search(&i).is_ok() {
        s += wp.text;
    }
    let population = population_points(wp.population, m.population);
    (s + population, s + population * 1e-3)
}

fn population_points(weight: f32, population: u32) -> f32 {
    if population == 0 {
        return 0.0;
    }
    weight * ((population as f32).log10() / 6.0).clamp(0.0, 1.0)
}

/// A candidate's kind and the municipality it stands for.
fn cand_kind(ix: &SearchIndex, n_orgs: usize, id: usize) -> (MemberKind, Option<u32>) {
    match ix.orgs.get(id) {
        Some(o) => (o.kind, o.municipality),
        None if id >= n_orgs => (MemberKind::Comune, Some(id32(id - n_orgs))),
        None => (MemberKind::OtherThirdSector, None),
    }
}

/// Where a partner that fills `gap` comes in its block: the chosen territory's Comuni (the named
/// municipalities, else the chief towns) first, then the Uffici di Piano of the named municipalities'
/// ambiti, then by territory band and by the order of kinds the remedy names. `None`: it does not
/// fill the gap, or is too far (farther than a neighbouring province of the visitor's).
fn filler_rank(ix: &SearchIndex, v: &Visitor, gap: &GapSpec, n_orgs: usize, c: &Cand) -> Option<u16> {
    let (kind, municipality) = cand_kind(ix, n_orgs, c.id as usize);
    let kind_pos = u16::try_from(gap.kinds.iter().position(|k| *k == kind)?).unwrap_or(u16::MAX);
    if v.provinces != 0 && c.rank > 1 {
        return None;
    }
    let tier = if kind == MemberKind::Comune && municipality.is_some_and(|m| v.towns.contains(&m)) {
        0
    } else if (c.id as usize) < n_orgs && v.ambito.binary_search(&c.id).is_ok() {
        1
    } else {
        2
    };
    // tier (2 bits), band (2 bits), the kind's position in the remedy (≤ 19).
    Some((tier << 12) | (c.rank << 8) | kind_pos.min(255))
}

/// Diversity caps while picking: at most `max_per_kind` a kind, `max_municipalities` municipalities.
#[derive(Clone, Copy)]
struct Caps {
    per_kind: [usize; MemberKind::ALL.len()],
    municipalities: usize,
}

impl Caps {
    /// Counts candidate `id` in if the caps allow it.
    fn admit(&mut self, ix: &SearchIndex, n_orgs: usize, limits: Limits, id: usize) -> bool {
        let municipality_candidate = id >= n_orgs;
        let ki = MemberKind::ALL.iter().position(|k| *k == cand_kind(ix, n_orgs, id).0).unwrap_or(0);
        let Some(count) = self.per_kind.get_mut(ki) else { return false };
        if *count >= limits.max_per_kind || (municipality_candidate && self.municipalities >= limits.max_municipalities) {
            return false;
        }
        *count += 1;
        if municipality_candidate {
            self.municipalities += 1;
        }
        true
    }
}

fn match_partners(c: &Catalog, ix: &SearchIndex, v: &Visitor, q: &Query, limits: Limits) -> Vec<PartnerMatch> {
    let wp = &c.weights.partners;
    let (ids, text, max) = q.scores(&ix.org_text);
    let inv_max = if max > 0.0 { 1.0 / max } else { 0.0 };
    let n_orgs = ix.orgs.len();
    let excluded = |id: usize| v.excluded.binary_search(&id32(id)).is_ok();

    let mut orgs: Vec<Cand> = Vec::with_capacity(n_orgs);
    for (i, o) in ix.orgs.iter().enumerate() {
        if excluded(i) {
            continue;
        }
        let t = text.get(i).copied().unwrap_or(0.0) * inv_max;
        let w = org_where(v, id32(i), o);
        let s = org_score(wp, v, id32(i), o, w, t);
        if s > 0.0 {
            orgs.push(Cand { score: s, id: id32(i), rank: band(w) });
        }
    }
    // Municipalities (the Comuni the directory has no entry for) are suggested when they fill a
    // missing requirement (`fillers`), or when the visitor chose or named them (`muns`).
    let mut muns: Vec<Cand> = Vec::new();
    let mut fillers: Vec<Cand> = Vec::new();
    let mun_cap = limits.max_municipalities.min(limits.max_per_kind);
    let comune_fills = v.gaps.iter().any(|g| g.mask & kind_bit(MemberKind::Comune) != 0);
    if mun_cap > 0 {
        for (i, m) in ix.muns.iter().enumerate() {
            let iu = id32(i);
            let tied = v.municipalities.contains(&iu) || v.named.binary_search(&iu).is_ok();
            if m.covered || !(tied || comune_fills) || excluded(n_orgs + i) {
                continue;
            }
            let (s, rank_score) = mun_score(wp, v, m, iu);
            if s > 0.0 {
                let cand = Cand { score: rank_score, id: id32(n_orgs + i), rank: band(mun_where(v, m, iu)) };
                if tied {
                    muns.push(cand);
                }
                if comune_fills {
                    fillers.push(cand);
                }
            }
        }
    }

    let name_rank = |id: u32| ix.name_rank.get(id as usize).copied().unwrap_or(u32::MAX);
    let cmp = |a: &Cand, b: &Cand| -> Ordering {
        a.rank
            .cmp(&b.rank)
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| name_rank(a.id).cmp(&name_rank(b.id)))
            .then(a.id.cmp(&b.id))
    };
    let mut caps = Caps { per_kind: [0; MemberKind::ALL.len()], municipalities: 0 };
    let block = fill_gaps(ix, v, &orgs, &fillers, n_orgs, limits, &mut caps, cmp);
    // Only the head of each list is sorted: municipalities beyond the cap are never shown, and
    // organisations beyond `head` only matter if the caps skip many (then `head` grows).
    let mun_head = mun_cap + block.len();
    sort_head(&mut muns, mun_head, cmp);
    muns.truncate(mun_head);
    let mut head = limits.partners.saturating_mul(8).max(64);
    let chosen = loop {
        sort_head(&mut orgs, head, cmp);
        let more = head < orgs.len();
        let (mut chosen, mut caps) = (block.clone(), caps);
        let complete = pick(orgs.get(..head.min(orgs.len())).unwrap_or(&[]), more, &muns, ix, n_orgs, limits, &mut chosen, &mut caps, cmp);
        if complete || head >= orgs.len() {
            break chosen;
        }
        head = head.saturating_mul(4);
    };
    chosen
        .into_iter()
        .filter_map(|id| {
            if id < n_orgs {
                explain_org(c, ix, v, q, &ids, id, text.get(id).copied().unwrap_or(0.0) * inv_max)
            } else {
                explain_mun(c, ix, v, id - n_orgs)
            }
        })
        .collect()
}

/// The blocks that come first: for each missing requirement in turn, the partners that fill it
/// (`filler_rank` order), at least `FILLERS` of them, and every Comune of the chosen territory and
/// Ufficio di Piano of its ambito.
#[allow(clippy::too_many_arguments)]
fn fill_gaps(
    ix: &SearchIndex,
    v: &Visitor,
    orgs: &[Cand],
    muns: &[Cand],
    n_orgs: usize,
    limits: Limits,
    caps: &mut Caps,
    cmp: impl Fn(&Cand, &Cand) -> Ordering + Copy,
) -> Vec<usize> {
    let mut chosen: Vec<usize> = Vec::new();
    let mut fillers: Vec<Cand> = Vec::new();
    for gap in &v.gaps {
        fillers.clear();
        fillers.extend(orgs.iter().chain(muns).filter_map(|c| filler_rank(ix, v, gap, n_orgs, c).map(|rank| Cand { rank, ..*c })));
        let want = (gap.count as usize).max(FILLERS);
        let mut head = want.saturating_mul(4).max(16);
        let mut taken = 0;
        let mut i = 0;
        'fill: loop {
            // The ranking's own comparison: one copy of the sort in the wasm.
            sort_head(&mut fillers, head, cmp);
            while let Some(f) = fillers.get(i).filter(|_| i < head) {
                i += 1;
                if chosen.len() >= limits.partners || (taken >= want && f.rank >> 12 >= 2) {
                    break 'fill;
                }
                let id = f.id as usize;
                if chosen.contains(&id) {
                    taken += 1;
                    continue;
                }
                if caps.admit(ix, n_orgs, limits, id) {
                    chosen.push(id);
                    taken += 1;
                }
            }
            if head >= fillers.len() {
                break;
            }
            head = head.saturating_mul(4);
        }
    }
    chosen
}

/// Puts the `head` best candidates first, sorted; the rest stays behind in any order.
fn sort_head(v: &mut [Cand], head: usize, cmp: impl Fn(&Cand, &Cand) -> Ordering) {
    if v.len() > head && head > 0 {
        v.select_nth_unstable_by(head, &cmp);
    }
    let n = head.min(v.len());
    if let Some(h) = v.get_mut(..n) {
        // The head grows on long directories: not `order::sort_small_by`.
        h.sort_by(&cmp);
    }
}

/// Merges the two sorted lists under the caps into `out` (which may hold a gap's block already).
/// Returns whether the list is full (or both inputs were used up).
#[allow(clippy::too_many_arguments)]
fn pick(
    orgs: &[Cand],
    more_orgs: bool,
    muns: &[Cand],
    ix: &SearchIndex,
    n_orgs: usize,
    limits: Limits,
    out: &mut Vec<usize>,
    caps: &mut Caps,
    cmp: impl Fn(&Cand, &Cand) -> Ordering,
) -> bool {
    // Never more than there are candidates: `limits` may come from outside (the engine's requests).
    out.reserve(limits.partners.min(orgs.len() + muns.len()).saturating_sub(out.len()));
    let (mut i, mut j) = (0, 0);
    while out.len() < limits.partners {
        let (cand, from_orgs) = match (orgs.get(i), muns.get(j)) {
            (Some(a), Some(b)) => {
                if cmp(a, b) != Ordering::Greater {
                    (a, true)
                } else {
                    (b, false)
                }
            }
            (Some(a), None) => (a, true),
            (None, _) if more_orgs => return false,
            (None, Some(b)) => (b, false),
            (None, None) => return true,
        };
        if from_orgs {
            i += 1;
        } else {
            j += 1;
        }
        let id = cand.id as usize;
        if out.contains(&id) {
            continue;
        }
        if caps.admit(ix, n_orgs, limits, id) {
            out.push(id);
        }
    }
    true
}

/// The requirement a gap stands for, in words: "almeno un ente pubblico" / "at least one public body".
fn requirement(g: &GapSpec) -> Text {
    if g.lead {
        return Text::new("un capofila ammissibile", "an admissible lead applicant");
    }
    let sector = g.kinds.first().map(|k| k.sector()).filter(|s| g.kinds.iter().all(|k| k.sector() == *s));
    let n = g.count.max(1);
    let (one_it, many_it, one_en, many_en) = match sector {
        Some(Sector::Public) => ("un ente pubblico", "enti pubblici", "one public body", "public bodies"),
        Some(Sector::ThirdSector) => (
            "un'organizzazione del terzo settore",
            "organizzazioni del terzo settore",
            "one third-sector organisation",
            "third-sector organisations",
        ),
        Some(Sector::NonConventional) => {
            ("un soggetto non convenzionale", "soggetti non convenzionali", "one non-conventional actor", "non-conventional actors")
        }
        None => {
            let it: Vec<String> = g.kinds.iter().take(3).map(|k| lower_first(&k.label().it)).collect();
            let en: Vec<String> = g.kinds.iter().take(3).map(|k| lower_first(&k.label().en)).collect();
            let more = if g.kinds.len() > 3 { "…" } else { "" };
            return Text::new(format!("almeno {n} tra {}{more}", it.join(", ")), format!("at least {n} of {}{more}", en.join(", ")));
        }
    };
    if n == 1 {
        Text::new(format!("almeno {one_it}"), format!("at least {one_en}"))
    } else {
        Text::new(format!("almeno {n} {many_it}"), format!("at least {n} {many_en}"))
    }
}

fn gap_reason(wp: &crate::catalog::PartnerWeights, v: &Visitor, kind: MemberKind, w: Where) -> Option<Reason> {
    let b = kind_bit(kind);
    let share = gap_share(wp, v, w);
    let (required, boost) = (wp.gap_required * share, wp.gap_boost * share);
    if let Some(g) = v.gaps.iter().find(|g| g.mask & b != 0) {
        let r = requirement(g);
        Some(Reason {
            factor: Factor::GapRequired,
            points: required,
            text: Text::new(format!("Colma il requisito: {}", r.it), format!("Fills the requirement: {}", r.en)),
        })
    } else if v.boost & b != 0 {
        let text = if kind.sector() == Sector::NonConventional {
            Text::new(
                format!("{}: un soggetto non convenzionale rafforza la candidatura", kind.label().it),
                format!("{}: a non-conventional actor strengthens the proposal", kind.label().en),
            )
        } else {
            Text::new(format!("{}: rafforza la candidatura", kind.label().it), format!("{}: strengthens the proposal", kind.label().en))
        };
        Some(Reason { factor: Factor::GapBoost, points: boost, text })
    } else {
        None
    }
}

fn territory_reason(c: &Catalog, v: &Visitor, provinces: Bits, wp: &crate::catalog::PartnerWeights) -> Option<Reason> {
    let (points, it, en) = match territory(v, provinces) {
        Where::Municipality | Where::Province => {
            (wp.same_province, "Lavora nella tua provincia".to_string(), "Works in your province".to_string())
        }
        Where::Neighbour => {
            let names = province_names(c, provinces & v.neighbours);
            (
                wp.neighbour_province,
                format!("Lavora in una provincia vicina: {names}"),
                format!("Works in a neighbouring province: {names}"),
            )
        }
        Where::Region => (wp.same_region, "Lavora nella tua regione".to_string(), "Works in your region".to_string()),
        Where::Away => return None,
    };
    Some(Reason { factor: Factor::Territory, points, text: Text::new(it, en) })
}

/// For a Comune of the chosen territory, or an Ufficio di Piano of its ambito (`org`): what its
/// territory reason says instead of the province (why it comes first among a gap's fillers).
fn district_text(c: &Catalog, ix: &SearchIndex, v: &Visitor, org: Option<usize>, municipality: Option<u32>) -> Option<Text> {
    if let Some(m) = municipality {
        if v.municipalities.contains(&m) {
            return Some(Text::new("È il Comune dove si svolge il tuo progetto", "It is the municipality where your project takes place"));
        }
        if v.places.contains(&m) {
            return Some(Text::new("Un Comune che la tua descrizione cita", "A municipality your description names"));
        }
        if v.towns.contains(&m) {
            return Some(Text::new("Il capoluogo della tua provincia", "The chief town of your province"));
        }
    }
    let org = id32(org?);
    if v.ambito.binary_search(&org).is_err() {
        return None;
    }
    let names: Vec<&str> = v
        .places
        .iter()
        .filter(|m| ix.ambito.get(**m as usize).is_some_and(|u| u.contains(&org)))
        .filter_map(|m| c.municipalities.get(*m as usize))
        .map(|m| m.name.as_str())
        .take(3)
        .collect();
    let names = names.join(", ");
    Some(Text::new(format!("L'Ufficio di Piano dell'ambito di {names}"), format!("The district planning office for {names}")))
}

fn finish(target: PartnerRef, name: String, kind: MemberKind, mut reasons: Vec<Reason>) -> Option<PartnerMatch> {
    reasons.retain(|r| r.points > 0.0);
    if reasons.is_empty() {
        return None;
    }
    sort_reasons(&mut reasons);
    let score = reasons.iter().map(|r| r.points).sum();
    Some(PartnerMatch { target, name, kind, score, reasons })
}

fn explain_org(c: &Catalog, ix: &SearchIndex, v: &Visitor, q: &Query, ids: &[(u32, usize)], i: usize, text: f32) -> Option<PartnerMatch> {
    let wp = &c.weights.partners;
    let (o, e) = (c.organisations.get(i)?, ix.orgs.get(i)?);
    let mut reasons = Vec::new();
    let shared = e.needs & v.needs;
    if shared != 0 {
        reasons.push(need_reason(shared, (wp.need * need_count(e.needs, v.needs)).min(wp.need_max)));
    }
    let w = org_where(v, id32(i), e);
    match district_text(c, ix, v, Some(i), e.municipality) {
        Some(text) if w != Where::Away => reasons.push(Reason { factor: Factor::Territory, points: territory_points(wp, w), text }),
        // In the visitor's provinces by its name only (`org_where`).
        _ if w == Where::Province && territory(v, e.provinces) != Where::Province => reasons.push(Reason {
            factor: Factor::Territory,
            points: territory_points(wp, w),
            text: Text::new("Il suo nome lo colloca nel tuo territorio", "Its name places it in your area"),
        }),
        _ => reasons.extend(territory_reason(c, v, e.provinces, wp)),
    }
    reasons.extend(gap_reason(wp, v, e.kind, w));
    if e.experience > 0 {
        let n = e.experience;
        let text = if n == 1 {
            Text::new("Ha partecipato a 1 progetto finanziato", "Took part in 1 funded project")
        } else {
            Text::new(format!("Ha partecipato a {n} progetti finanziati"), format!("Took part in {n} funded projects"))
        };
        reasons.push(Reason { factor: Factor::Experience, points: (wp.experience * n as f32).min(wp.experience_max), text });
    }
    if text > 0.0 {
        reasons.push(text_reason(&ix.org_text, q, ids, u32::try_from(i).unwrap_or(u32::MAX), wp.text * text));
    }
    if let Some(p) = v.partnered_with(id32(i)) {
        reasons.push(partnered_reason(c, v, p, partnered_points(wp, Some(p))));
    }
    if let Some(m) = v.named_in_name(id32(i)) {
        let text = if e.municipality == Some(m) {
            Text::new("Citato nella tua descrizione", "Named in your description")
        } else {
            let name = c.municipalities.get(m as usize).map_or("", |m| m.name.as_str());
            Text::new(
                format!("Il suo nome cita {name}, come la tua descrizione"),
                format!("Its name mentions {name}, as your description does"),
            )
        };
        reasons.push(Reason { factor: Factor::Name, points: wp.named, text });
    } else if let Some(area) = v.area_named_here(id32(i), e, w) {
        let text = Text::new(
            format!("Il suo nome cita {area}, come la tua descrizione"),
            format!("Its name mentions {area}, as your description does"),
        );
        reasons.push(Reason { factor: Factor::Name, points: wp.named_area, text });
    }
    finish(PartnerRef::Organisation(u32::try_from(i).ok()?), o.name.clone(), o.kind, reasons)
}

/// "Ha già lavorato con Cooperativa X nel progetto finanziato «P»" / "Already worked with …".
fn partnered_reason(c: &Catalog, v: &Visitor, p: &Partnered, points: f32) -> Reason {
    let member = v.member_names.get(p.member as usize).map_or("", String::as_str);
    let project = c.projects.get(p.project as usize).map_or("", |p| p.name.as_str());
    let text = if p.projects == 1 {
        Text::new(
            format!("Ha già lavorato con {member} nel progetto finanziato «{project}»"),
            format!("Already worked with {member} in the funded project “{project}”"),
        )
    } else {
        let n = p.projects;
        Text::new(
            format!("Ha già lavorato con {member} in {n} progetti finanziati, tra cui «{project}»"),
            format!("Already worked with {member} in {n} funded projects, among them “{project}”"),
        )
    };
    Reason { factor: Factor::Partnered, points, text }
}

fn explain_mun(c: &Catalog, ix: &SearchIndex, v: &Visitor, i: usize) -> Option<PartnerMatch> {
    let wp = &c.weights.partners;
    let (m, e) = (c.municipalities.get(i)?, ix.muns.get(i)?);
    let iu = u32::try_from(i).ok()?;
    let mut reasons = Vec::new();
    let w = mun_where(v, e, iu);
    if let Some(text) = district_text(c, ix, v, None, Some(iu)).filter(|_| w != Where::Away) {
        reasons.push(Reason { factor: Factor::Territory, points: territory_points(wp, w), text });
    } else {
        let (points, it, en) = match territory(v, e.province) {
            Where::Municipality | Where::Province => {
                (wp.same_province, "Un Comune della tua provincia".to_string(), "A municipality in your province".to_string())
            }
            Where::Neighbour => (
                wp.neighbour_province,
                "Un Comune di una provincia vicina".to_string(),
                "A municipality in a neighbouring province".to_string(),
            ),
            Where::Region => (wp.same_region, "Un Comune della tua regione".to_string(), "A municipality in your region".to_string()),
            Where::Away => (0.0, String::new(), String::new()),
        };
        reasons.push(Reason { factor: Factor::Territory, points, text: Text::new(it, en) });
    }
    reasons.extend(gap_reason(wp, v, MemberKind::Comune, mun_where(v, e, iu)));
    if e.area_projects > 0 {
        let n = e.area_projects;
        let text = if n == 1 {
            Text::new("Il suo territorio ha ospitato un progetto finanziato", "Its area hosted a funded project")
        } else {
            Text::new(format!("Il suo territorio ha ospitato {n} progetti finanziati"), format!("Its area hosted {n} funded projects"))
        };
        reasons.push(Reason { factor: Factor::Experience, points: wp.area_project * n.min(2) as f32, text });
    }
    if v.named.binary_search(&iu).is_ok() {
        reasons.push(Reason {
            factor: Factor::Text,
            points: wp.text,
            text: Text::new("Citato nella tua descrizione", "Named in your description"),
        });
    }
    let pop = population_points(wp.population, e.population);
    if pop > 0.0 {
        let population = thousands(u64::from(e.population));
        reasons.push(Reason {
            factor: Factor::Population,
            points: pop,
            text: Text::new(format!("Comune di {} abitanti", population.it), format!("Municipality of {} inhabitants", population.en)),
        });
    }
    finish(PartnerRef::Municipality(iu), format!("Comune di {}", m.name), MemberKind::Comune, reasons)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gaps_from_remedies_keep_kinds_and_lead() {
        let r = [
            Remedy::AddMembers { kinds: vec![MemberKind::Comune], count: 1 },
            Remedy::ChangeLead { kinds: vec![MemberKind::SocialCooperative] },
            Remedy::AwaitNextEdition,
        ];
        let g = Gaps::from_remedies(r.iter(), &[MemberKind::Company, MemberKind::Company]);
        assert_eq!(g.required.len(), 2);
        assert!(g.required[1].lead);
        assert_eq!(g.boosting, vec![MemberKind::Company]);
    }
}
