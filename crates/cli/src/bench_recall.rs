//! `welfare bench-recall [--catalog DIR] [--data DIR] [--call ID] [--show PROJECT_ID [--top N]]`: the partner
//! suggestions measured against real networks. Each funded project with at least 3 partners in the
//! directory becomes a visitor: its own summary as the description, its needs, its provinces and its
//! lead as the one member of the network, with the gaps the call's verdict gives those answers. The
//! project is left out of the catalog first (`leave_out`): its text, its partners' link to it, their
//! funded-project counts and the needs they got from it are gone, so nothing of it reaches the index
//! but the partners' names, kinds and provinces. Then: how many of its real directory partners (the
//! lead aside: it is a member) the matching suggests in its top 10 and top 20 (recall@10, recall@20),
//! against a plain baseline (directory organisations of the project's provinces, most funded
//! projects first).
//!
//! The provinces of most project partners are known only from their funded projects; kept, they
//! still tell that an organisation works where the left-out project did. The strict variant (a line
//! under the table) removes those too, which leaves most partners with nothing but a name.
//! `--show PROJECT_ID` prints one project's top 20 (`--top N`: N, the caps scaled) with each suggestion's reasons, its partners marked.

use std::collections::HashSet;

use welfare_core::catalog::matching::{match_all, Gaps, Limits, PartnerRef, SearchIndex};
use welfare_core::catalog::search::fold;
use welfare_core::catalog::{normalise_name, Catalog, Project};
use welfare_core::rules::call::Call;
use welfare_core::{evaluate, Answers, Member, RomeDateTime, Territory};

#[derive(clap::Args)]
pub struct Args {
    /// The catalog directory
    #[arg(long, value_name = "DIR", default_value = "data/catalog")]
    pub catalog: String,
    /// The data directory (its calls)
    #[arg(long, value_name = "DIR", default_value = "data")]
    pub data: std::path::PathBuf,
    /// The call whose verdict gives the gaps
    #[arg(long, value_name = "ID", default_value = "2016")]
    pub call: String,
    /// One project's top 20 with each suggestion's reasons, its partners marked
    #[arg(long, value_name = "PROJECT_ID")]
    pub show: Option<String>,
    /// With --show: how many suggestions to list (the caps scale with it)
    #[arg(long, value_name = "N", default_value_t = 20)]
    pub top: usize,
}

/// Projects with fewer directory partners than this are not measured.
pub const MIN_PARTNERS: usize = 3;
/// The moment of the verdict that gives the gaps: inside edition III's window.
pub const NOW: (i32, u8, u8) = (2016, 4, 1);

/// One funded project as a test case: the organisations (indices into the full catalog's
/// `organisations`) to find, and its lead's, if the directory has it.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub project: String,
    pub lead: Option<usize>,
    pub partners: Vec<usize>,
}

/// The catalog without project `id`: the project is gone, and so is every organisation's link to it
/// (its funded-project count, the needs and the text it brought to the search index). `strict`: the
/// provinces an organisation has only from its funded projects (`provinces_from = "projects"`) are
/// those of its other projects (none if it had no other).
pub fn leave_out(c: &Catalog, id: &str, strict: bool) -> Catalog {
    let mut out = c.clone();
    out.projects.retain(|p| p.id != id);
    for o in &mut out.organisations {
        o.projects.retain(|p| p != id);
        if strict && o.provinces_from == "projects" {
            let mut provinces: Vec<String> = Vec::new();
            for p in out.projects.iter().filter(|p| o.projects.contains(&p.id)) {
                for code in &p.provinces {
                    if !provinces.contains(code) {
                        provinces.push(code.clone());
                    }
                }
            }
            o.provinces.retain(|code| provinces.contains(code));
        }
    }
    out
}

/// The directory organisation that leads `p`, among its partners: the one whose name (or an
/// alias) is the lead's, normalised; else the one whose words all appear in the lead's name as the
/// sources wrote it (parentheses included: "Consorzio Desio-Brianza (Codebri Azienda Speciale
/// Consortile)"), or the reverse, most words in common first.
fn lead_org(c: &Catalog, p: &Project) -> Option<usize> {
    let lead = p.lead.as_deref()?;
    let key = normalise_name(lead);
    if key.is_empty() {
        return None;
    }
    let words = |s: &str| fold(s).split_whitespace().map(str::to_string).collect::<HashSet<String>>();
    let lead_words = words(lead);
    let mut best: Option<(usize, usize)> = None;
    for i in p.partners.iter().filter_map(|pp| pp.org.as_deref()).filter_map(|id| c.organisations.iter().position(|o| o.id == id)) {
        let Some(o) = c.organisations.get(i) else { continue };
        if normalise_name(&o.name) == key || o.aliases.iter().any(|a| normalise_name(a) == key) {
            return Some(i);
        }
        let w = words(&o.name);
        let common = w.intersection(&lead_words).count();
        if (common == w.len() || common == lead_words.len()) && best.is_none_or(|(_, n)| common > n) {
            best = Some((i, common));
        }
    }
    best.map(|(i, _)| i)
}

/// The projects with at least `min` distinct directory partners, catalog order.
pub fn cases(c: &Catalog, min: usize) -> Vec<Case> {
    c.projects
        .iter()
        .filter_map(|p| {
            let mut orgs: Vec<usize> = Vec::new();
            for id in p.partners.iter().filter_map(|pp| pp.org.as_deref()) {
                if let Some(i) = c.organisations.iter().position(|o| o.id == id) {
                    if !orgs.contains(&i) {
                        orgs.push(i);
                    }
                }
            }
            if orgs.len() < min {
                return None;
            }
            let lead = lead_org(c, p);
            orgs.retain(|i| Some(*i) != lead);
            Some(Case { project: p.id.clone(), lead, partners: orgs })
        })
        .collect()
}

/// What the project's applicants would have told the widget: the summary as the description, the
/// needs and provinces, and the lead as the one member of the network (kind from the directory).
pub fn answers_for(c: &Catalog, p: &Project, lead: Option<usize>) -> Answers {
    let lead = lead.and_then(|i| c.organisations.get(i));
    let members: Vec<Member> = lead
        // Picked from the directory, as a visitor would.
        .map(|o| Member {
            id: 0,
            name: o.name.clone(),
            kind: Some(o.kind),
            province: o.provinces.first().cloned(),
            letter_of_intent: None,
            directory: Some(o.id.clone()),
        })
        .into_iter()
        .collect();
    Answers {
        territory: Territory { provinces: p.provinces.clone(), municipalities: Vec::new() },
        lead: members.first().map(|m| m.id),
        members,
        needs: p.needs.clone(),
        description: p.summary.it.clone(),
        ..Answers::default()
    }
}

/// The widget's caps (`Limits::default()`: per 10 partners, at most 3 municipalities and 4 of a kind)
/// scaled to `k`.
pub fn limits(k: usize) -> Limits {
    let d = Limits::default();
    let scale = |n: usize| n * k / d.partners.max(1);
    Limits { projects: 0, partners: k, max_municipalities: scale(d.max_municipalities), max_per_kind: scale(d.max_per_kind) }
}

/// The matching's first `k` partner suggestions, as directory organisations (ids into
/// `c.organisations`) or `None` for a municipality.
pub fn suggested(c: &Catalog, ix: &SearchIndex, a: &Answers, gaps: &Gaps, k: usize) -> Vec<Option<String>> {
    match_all(c, ix, a, gaps, limits(k))
        .partners
        .iter()
        .map(|m| match m.target {
            PartnerRef::Organisation(i) => c.organisations.get(i as usize).map(|o| o.id.clone()),
            PartnerRef::Municipality(_) => None,
        })
        .collect()
}

/// The baseline: directory organisations working in one of `provinces`, those with the most funded
/// projects first (then by name), the network's members left out; the first `k` ids.
pub fn baseline(c: &Catalog, provinces: &[String], members: &[Member], k: usize) -> Vec<Option<String>> {
    let member_keys: HashSet<String> = members.iter().map(|m| normalise_name(&m.name)).collect();
    let mut orgs: Vec<&welfare_core::catalog::Organisation> = c
        .organisations
        .iter()
        .filter(|o| o.provinces.iter().any(|p| provinces.contains(p)) && !member_keys.contains(&normalise_name(&o.name)))
        .collect();
    orgs.sort_by(|a, b| b.projects.len().cmp(&a.projects.len()).then_with(|| a.name.cmp(&b.name)));
    orgs.into_iter().take(k).map(|o| Some(o.id.clone())).collect()
}

/// One project's figures: partners to find, found in the top 10 and 20 by the matching and by the baseline.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub project: String,
    pub provinces: Vec<String>,
    pub lead_kind: Option<String>,
    pub partners: usize,
    pub ranking: [usize; 2],
    pub baseline: [usize; 2],
    /// The baseline's whole list: the directory organisations of the project's provinces (members aside).
    pub pool: usize,
}

impl Row {
    pub fn recall(found: usize, of: usize) -> f64 {
        if of == 0 {
            0.0
        } else {
            found as f64 / of as f64
        }
    }
}

fn hits(found: &[Option<String>], want: &HashSet<&str>) -> usize {
    found.iter().flatten().filter(|id| want.contains(id.as_str())).count()
}

/// Measures one case: the project left out of the catalog, its answers, the verdict's gaps.
pub fn evaluate_case(full: &Catalog, call: &Call, now: RomeDateTime, case: &Case, strict: bool) -> Option<Row> {
    let project = full.project(&case.project)?;
    let left = leave_out(full, &case.project, strict);
    let index = SearchIndex::build(&left);
    let answers = answers_for(full, project, case.lead);
    let gaps = Gaps::from_verdict(&evaluate(call, &answers, now));
    let want: HashSet<&str> = case.partners.iter().filter_map(|i| full.organisations.get(*i)).map(|o| o.id.as_str()).collect();
    let at = |k: usize| hits(&suggested(&left, &index, &answers, &gaps, k), &want);
    let base = |k: usize| hits(&baseline(&left, &project.provinces, &answers.members, k), &want);
    let pool = baseline(&left, &project.provinces, &answers.members, usize::MAX).len();
    Some(Row {
        project: case.project.clone(),
        provinces: project.provinces.clone(),
        lead_kind: case.lead.and_then(|i| full.organisations.get(i)).map(|o| o.kind.id().to_string()),
        partners: want.len(),
        ranking: [at(10), at(20)],
        baseline: [base(10), base(20)],
        pool,
    })
}

/// Measures every case of `full` (see the module's comment).
pub fn evaluate_all(full: &Catalog, call: &Call, now: RomeDateTime, strict: bool) -> Vec<Row> {
    cases(full, MIN_PARTNERS).iter().filter_map(|case| evaluate_case(full, call, now, case, strict)).collect()
}

/// Mean recall over rows: [matching@10, matching@20, baseline@10, baseline@20].
pub fn means(rows: &[Row]) -> [f64; 4] {
    let n = rows.len().max(1) as f64;
    let mean = |f: &dyn Fn(&Row) -> f64| rows.iter().map(f).sum::<f64>() / n;
    [
        mean(&|r| Row::recall(r.ranking[0], r.partners)),
        mean(&|r| Row::recall(r.ranking[1], r.partners)),
        mean(&|r| Row::recall(r.baseline[0], r.partners)),
        mean(&|r| Row::recall(r.baseline[1], r.partners)),
    ]
}

/// The markdown table, one row a project, then the means.
pub fn table(rows: &[Row]) -> String {
    let mut out = String::from(
        "| project | provinces | lead's kind | partners to find | matching @10 | matching @20 | baseline @10 | baseline @20 |\n\
         | --- | --- | --- | --- | --- | --- | --- | --- |\n",
    );
    let cell = |found: usize, of: usize| format!("{found} ({:.2})", Row::recall(found, of));
    for r in rows {
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
            r.project,
            r.provinces.join(", "),
            r.lead_kind.as_deref().unwrap_or("(none)"),
            r.partners,
            cell(r.ranking[0], r.partners),
            cell(r.ranking[1], r.partners),
            cell(r.baseline[0], r.partners),
            cell(r.baseline[1], r.partners),
        ));
    }
    let [m10, m20, b10, b20] = means(rows);
    out.push_str(&format!(
        "| **mean recall ({} projects)** |  |  |  | **{m10:.2}** | **{m20:.2}** | **{b10:.2}** | **{b20:.2}** |\n",
        rows.len()
    ));
    out
}

/// The means over the projects whose provinces hold at most `SMALL` directory organisations (the
/// baseline's 20 are all of them), then over the others: (projects, [matching@20, baseline@20]) each.
pub fn by_size(rows: &[Row]) -> [(Vec<&Row>, [f64; 2]); 2] {
    let part = |small: bool| {
        let rs: Vec<&Row> = rows.iter().filter(|r| (r.pool <= SMALL) == small).collect();
        let n = rs.len().max(1) as f64;
        let m = |f: &dyn Fn(&Row) -> f64| rs.iter().map(|r| f(r)).sum::<f64>() / n;
        let means = [m(&|r| Row::recall(r.ranking[1], r.partners)), m(&|r| Row::recall(r.baseline[1], r.partners))];
        (rs, means)
    };
    [part(true), part(false)]
}

/// See `by_size`.
pub const SMALL: usize = 20;

fn run_inner(args: &Args) -> Result<String, String> {
    let call = crate::assess::load_call(&args.data, &args.call)?;
    let dir = args.catalog.as_str();
    let full = crate::catalog_validate::load(dir).ok_or_else(|| format!("{dir}: the catalog does not load"))?;
    let now = RomeDateTime::new(NOW.0, NOW.1, NOW.2, 10, 0).ok_or("bad date")?;
    if let Some(id) = args.show.as_deref() {
        return show(&full, &call, now, id, args.top);
    }
    let rows = evaluate_all(&full, &call, now, false);
    let mut out = table(&rows);
    let [m10, m20, b10, b20] = means(&rows);
    let ratio = |m: f64, b: f64| if b > 0.0 { format!("{:.2}×", m / b) } else { "n/a".to_string() };
    out.push_str(&format!("\nMatching against the baseline: recall@10 {}, recall@20 {}.\n", ratio(m10, b10), ratio(m20, b20)));
    let [(small, [ms, bs]), (large, [ml, bl])] = by_size(&rows);
    let provinces = |rs: &[&Row]| {
        let mut ps: Vec<String> = rs.iter().map(|r| r.provinces.join("/")).collect();
        ps.sort();
        ps.dedup();
        ps.join(", ")
    };
    out.push_str(&format!(
        "\nBy province size, recall@20: where the project's provinces hold at most {SMALL} directory organisations ({} projects: {}), \
         the baseline's 20 are all of them: matching {ms:.2}, baseline {bs:.2} ({}); elsewhere ({} projects: {}): matching {ml:.2}, baseline {bl:.2} ({}).\n",
        small.len(),
        provinces(&small),
        ratio(ms, bs),
        large.len(),
        provinces(&large),
        ratio(ml, bl),
    ));
    let [m10, m20, b10, b20] = means(&evaluate_all(&full, &call, now, true));
    out.push_str(&format!(
        "\nStrict variant (an organisation's provinces known only from the left-out project removed too): mean recall@10 / @20, \
         matching {m10:.2} / {m20:.2}, baseline {b10:.2} / {b20:.2}.\n"
    ));
    Ok(out)
}

/// `--show ID`: one project's top 20 as the matching ranks them, its partners marked, and the baseline's.
fn show(full: &Catalog, call: &Call, now: RomeDateTime, id: &str, top: usize) -> Result<String, String> {
    let case = cases(full, 1).into_iter().find(|c| c.project == id).ok_or_else(|| format!("no project {id} with directory partners"))?;
    let project = full.project(id).ok_or("no project")?;
    let left = leave_out(full, id, false);
    let index = SearchIndex::build(&left);
    let answers = answers_for(full, project, case.lead);
    let gaps = Gaps::from_verdict(&evaluate(call, &answers, now));
    let want: HashSet<&str> = case.partners.iter().filter_map(|i| full.organisations.get(*i)).map(|o| o.id.as_str()).collect();
    let mut out = format!("{id}: lead {:?}, gaps {gaps:?}\n", answers.members.first().map(|m| &m.name));
    for (n, m) in match_all(&left, &index, &answers, &gaps, limits(top)).partners.iter().enumerate() {
        let hit = match m.target {
            PartnerRef::Organisation(i) => left.organisations.get(i as usize).is_some_and(|o| want.contains(o.id.as_str())),
            PartnerRef::Municipality(_) => false,
        };
        let why: Vec<String> = m.reasons.iter().map(|r| format!("{:?} {:.1}", r.factor, r.points)).collect();
        out.push_str(&format!(
            "{:>2} {} {:>5.1} {:<22} {} [{}]\n",
            n + 1,
            if hit { "*" } else { " " },
            m.score,
            m.kind.id(),
            m.name,
            why.join(", ")
        ));
    }
    let missed: Vec<String> = want
        .iter()
        .filter_map(|w| left.organisations.iter().find(|o| o.id == *w))
        .map(|o| format!("{} ({}, {})", o.name, o.kind.id(), o.provinces.join("/")))
        .collect();
    out.push_str(&format!("partners: {}\n", missed.join("; ")));
    Ok(out)
}

pub fn run(args: Args) -> i32 {
    match run_inner(&args) {
        Ok(t) => {
            out!("{t}");
            0
        }
        Err(e) => {
            eprintln!("welfare bench-recall: {e}");
            2
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn full() -> Catalog {
        crate::catalog_validate::load(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog")).unwrap()
    }

    fn org(c: &Catalog, name: &str) -> usize {
        c.organisations.iter().position(|o| o.name == name).unwrap()
    }

    #[test]
    fn the_left_out_project_leaves_nothing_behind() {
        let c = full();
        let left = leave_out(&c, "sbrighes", false);
        assert!(left.project("sbrighes").is_none());
        assert_eq!(left.projects.len(), c.projects.len() - 1);
        assert!(left.organisations.iter().all(|o| !o.projects.iter().any(|p| p == "sbrighes")));
        // Its partners keep what they have besides: Intrecci its two other projects, Forme its place.
        let (intrecci, forme) = (org(&c, "Cooperativa Sociale Intrecci"), org(&c, "Forme"));
        assert_eq!(left.organisations[intrecci].projects.len(), c.organisations[intrecci].projects.len() - 1);
        assert_eq!(left.organisations[forme].provinces, vec!["SO".to_string()]);
        // Strictly, a place known only from the project goes too.
        let strict = leave_out(&c, "sbrighes", true);
        assert!(strict.organisations[forme].provinces.is_empty());
        // Intrecci's other projects are in SO and MI too.
        assert_eq!(strict.organisations[intrecci].provinces, c.organisations[intrecci].provinces);
    }

    #[test]
    fn each_case_is_a_project_its_lead_and_the_partners_to_find() {
        let c = full();
        let all = cases(&c, MIN_PARTNERS);
        assert_eq!(all.len(), 26);
        let sbrighes = all.iter().find(|k| k.project == "sbrighes").unwrap();
        let lead = org(&c, "Cooperativa Sociale Ippogrifo");
        assert_eq!(sbrighes.lead, Some(lead));
        assert_eq!(sbrighes.partners.len(), 7);
        assert!(!sbrighes.partners.contains(&lead));
        // Leads the sources spell otherwise: "Consorzio Desio-Brianza (Codebri …)", "… (SIS)".
        let lead_name = |id: &str| all.iter().find(|k| k.project == id).and_then(|k| k.lead).map(|i| c.organisations[i].name.as_str());
        assert_eq!(lead_name("tikitaka"), Some("Codebri Azienda Speciale Consortile Desio-Brianza"));
        assert_eq!(lead_name("milano-sei-l-altro"), Some("Consorzio Sistema Imprese Sociali SIS"));
        assert_eq!(lead_name("texere"), None);

        let project = c.project("sbrighes").unwrap();
        let a = answers_for(&c, project, sbrighes.lead);
        assert_eq!(
            (a.description.as_str(), &a.needs, &a.territory.provinces),
            (project.summary.it.as_str(), &project.needs, &project.provinces)
        );
        assert_eq!(a.members.len(), 1);
        assert_eq!(
            (a.members[0].name.as_str(), a.members[0].kind, a.lead),
            ("Cooperativa Sociale Ippogrifo", Some(welfare_core::MemberKind::SocialCooperative), Some(0))
        );
    }

    #[test]
    fn recall_counts_the_partners_found_in_the_first_k() {
        let c = full();
        // The baseline: the province's organisations, most funded projects first, members left out.
        let so = baseline(&c, &["SO".to_string()], &[], 3);
        let first = c.organisations.iter().find(|o| Some(o.id.clone()) == so[0]).unwrap();
        assert_eq!(first.name, "Cooperativa Sociale Intrecci");
        let member = Member { name: first.name.clone(), ..Member::default() };
        assert!(!baseline(&c, &["SO".to_string()], &[member], 20).contains(&so[0]));

        let want: HashSet<&str> = ["a", "b", "c", "d"].into_iter().collect();
        let found = [Some("a".to_string()), None, Some("x".to_string()), Some("c".to_string())];
        assert_eq!(hits(&found, &want), 2);
        let rows = [
            Row { project: "p".into(), provinces: vec![], lead_kind: None, partners: 4, ranking: [2, 4], baseline: [1, 2], pool: 12 },
            Row { project: "q".into(), provinces: vec![], lead_kind: None, partners: 2, ranking: [0, 1], baseline: [0, 0], pool: 60 },
        ];
        assert_eq!(means(&rows), [0.25, 0.75, 0.125, 0.25]);
        let [(small, small_means), (large, large_means)] = by_size(&rows);
        assert_eq!((small.len(), small_means, large.len(), large_means), (1, [1.0, 0.5], 1, [0.5, 0.0]));
        let t = table(&rows);
        assert!(t.contains("| p |  | (none) | 4 | 2 (0.50) | 4 (1.00) | 1 (0.25) | 2 (0.50) |"), "{t}");
        assert!(t.contains("**0.25** | **0.75** | **0.12** | **0.25**"), "{t}");
    }

    #[test]
    fn a_left_out_project_is_no_reason_to_suggest_its_partners() {
        use welfare_core::catalog::matching::Factor;
        let c = full();
        let answers = Answers {
            territory: Territory { provinces: vec!["SO".into()], municipalities: Vec::new() },
            members: vec![Member {
                name: "Consorzio Sol.Co Sondrio".into(),
                kind: Some(welfare_core::MemberKind::CooperativeConsortium),
                ..Member::default()
            }],
            ..Answers::default()
        };
        // (suggestion, why it already worked with the member)
        let partnered = |cat: &Catalog| -> Vec<(String, String)> {
            let m = match_all(cat, &SearchIndex::build(cat), &answers, &Gaps::default(), limits(100));
            m.partners
                .iter()
                .filter_map(|p| p.reasons.iter().find(|r| r.factor == Factor::Partnered).map(|r| (p.name.clone(), r.text.en.clone())))
                .collect()
        };
        let udp = "Ufficio di Piano distretto di Sondrio (Comune di Sondrio)";
        let before = partnered(&c);
        assert!(before.iter().any(|(n, t)| n == udp && t.contains("Segni Positivi")), "{before:?}");
        assert!(before.iter().any(|(n, t)| n.starts_with("Fondazione Pro Valtellina") && t.contains("in 2 funded projects")), "{before:?}");
        // Left out, the project links nobody to the member: the Ufficio di Piano was only there.
        let after = partnered(&leave_out(&c, "segni-positivi", false));
        assert!(!after.iter().any(|(n, t)| n == udp || t.contains("Segni Positivi")), "{after:?}");
        assert!(
            after.iter().any(|(n, t)| n.starts_with("Fondazione Pro Valtellina") && t.ends_with("“Comunità che diventa famiglia”")),
            "{after:?}"
        );
    }
}
