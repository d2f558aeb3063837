//! Matching on the real catalog (data/catalog). Needs the `source` feature to compile the catalog
//! (on by default when testing the workspace: `cargo test -p welfare-core -p welfare-cli`).
#![cfg(feature = "source")]

use welfare_core::catalog::{self, Catalog};

use welfare_core::catalog::import::CatalogSources;
use welfare_core::catalog::matching::{match_all, Factor, Gaps, Limits, Matches, PartnerRef, SearchIndex};
use welfare_core::model::Sector;
use welfare_core::rules::verdict::Remedy;
use welfare_core::{Answers, Member, MemberKind, Need, Territory};

fn load() -> Catalog {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog"));
    let src = CatalogSources::read_dir(dir, "data/catalog").unwrap_or_else(|p| panic!("{p:#?}"));
    match catalog::import::load_catalog(&src) {
        Ok(c) => c,
        Err(p) => panic!("catalog problems: {:#?}", p),
    }
}

fn public_kinds() -> Vec<MemberKind> {
    MemberKind::ALL.into_iter().filter(|k| k.sector() == Sector::Public).collect()
}

fn sondrio_youth() -> Answers {
    Answers {
        territory: Territory { provinces: vec!["SO".into()], municipalities: vec![] },
        members: vec![
            Member {
                id: 0,
                name: "Cooperativa Sociale Ippogrifo".into(),
                kind: Some(MemberKind::SocialCooperative),
                province: Some("SO".into()),
                letter_of_intent: None,
                directory: None,
            },
            Member {
                id: 1,
                name: "Associazione Giovani Valtellina".into(),
                kind: Some(MemberKind::Association),
                province: Some("SO".into()),
                letter_of_intent: None,
                directory: None,
            },
        ],
        lead: Some(0),
        needs: vec![Need::Youth, Need::Employment],
        description: "Lavoro per i giovani NEET della Valtellina: tirocini, orientamento e coworking con le imprese".into(),
        ..Answers::default()
    }
}

fn sondrio_gaps() -> Gaps {
    let remedy = Remedy::AddMembers { kinds: public_kinds(), count: 1 };
    Gaps::from_remedies([&remedy], &[MemberKind::Company, MemberKind::TradeAssociation])
}

fn provinces_of(c: &Catalog, p: &welfare_core::catalog::matching::PartnerMatch) -> Vec<String> {
    match p.target {
        PartnerRef::Organisation(i) => c.organisations[i as usize].provinces.clone(),
        PartnerRef::Municipality(i) => vec![c.municipalities[i as usize].province.clone()],
    }
}

fn names(c: &Catalog, m: &Matches) -> Vec<String> {
    let _ = c;
    m.partners.iter().map(|p| p.name.clone()).collect()
}

#[test]
fn the_real_catalog_has_the_expected_counts_and_round_trips() {
    let c = load();
    assert_eq!(c.projects.len(), 29);
    assert_eq!(c.municipalities.len(), 1667);
    assert_eq!(c.provinces.len(), 107);
    assert_eq!(c.provinces().iter().filter(|p| p.in_territory).count(), 14);
    assert!(c.organisations.len() >= 107 + 150, "{}", c.organisations.len());
    assert!(c.organisations.iter().all(|o| !o.sources.is_empty() && !o.synthetic));
    assert!(catalog::validate::validate_catalog(&c).is_empty());
    let json = serde_json::to_string(&c).unwrap_or_default();
    let back: Catalog = serde_json::from_str(&json).unwrap_or_default();
    assert_eq!(back, c);
}

#[test]
fn sondrio_youth_employment_without_public_body() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let m = match_all(&c, &ix, &sondrio_youth(), &sondrio_gaps(), Limits::default());
    let partner_names = names(&c, &m);

    // The missing public body first: Sondrio's Comuni, the chief town first; then the Uffici di
    // Piano of the area among the suggestions, and everything in SO before anything elsewhere.
    let top3: Vec<&str> = partner_names.iter().take(3).map(String::as_str).collect();
    assert_eq!(top3.first().copied(), Some("Comune di Sondrio"), "{partner_names:?}");
    assert!(m.partners.iter().take(3).all(|p| p.kind == MemberKind::Comune), "{partner_names:?}");
    for n in ["Comunità Montana Valtellina di Tirano - Ufficio di Piano", "Ufficio di Piano distretto di Sondrio (Comune di Sondrio)"] {
        assert!(partner_names.iter().any(|x| x == n), "{n} missing: {partner_names:?}");
    }
    let in_so: Vec<bool> = m.partners.iter().map(|p| provinces_of(&c, p).iter().any(|x| x == "SO")).collect();
    assert!(in_so.windows(2).all(|w| w[0] || !w[1]), "SO first: {partner_names:?}");

    // The funded Sondrio projects on youth and work come first.
    let ids: Vec<&str> = m.projects.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids.first().copied(), Some("sbrighes"), "{ids:?}");
    assert!(ids.contains(&"segni-positivi"), "{ids:?}");

    // Every result explains itself; reasons are sorted and add up to the score.
    for r in m.partners.iter().map(|p| (&p.reasons, p.score)).chain(m.projects.iter().map(|p| (&p.reasons, p.score))) {
        assert!(!r.0.is_empty());
        assert!(r.0.windows(2).all(|w| w[0].points >= w[1].points));
        let sum: f32 = r.0.iter().map(|x| x.points).sum();
        assert!((sum - r.1).abs() < 1e-3);
        assert!(r.0.iter().all(|x| x.text.is_complete()));
    }
    // Diversity: at most 3 municipalities, at most 4 of a kind.
    assert!(m.partners.iter().filter(|p| matches!(p.target, PartnerRef::Municipality(_))).count() <= 3);
    for k in MemberKind::ALL {
        assert!(m.partners.iter().filter(|p| p.kind == k).count() <= 4);
    }
    assert_eq!(m.partners.len(), 10);
}

/// (what the visitor calls a member, its kind, the suggestion that must then disappear)
const MEMBERS_ALREADY_IN: &[(&str, Option<MemberKind>, &str)] = &[
    ("KOINE COOP. SOC.", None, "Koinè cooperativa sociale"),
    ("Consorzio SIR onlus", None, "Consorzio SIR"),
    // An alias the sources use.
    ("Fondazione Comunitaria Pro Valtellina", None, "Fondazione Pro Valtellina (Fondazione della Comunità locale Pro Valtellina)"),
    ("ATS Brianza", None, "ATS della Brianza"),
    // A Comune by its bare name: the municipality, and the directory entry standing for it.
    ("Sondrio", Some(MemberKind::Comune), "Comune di Sondrio"),
    ("Tirano", Some(MemberKind::Comune), "Comune di Tirano"),
    ("Comune di Bergamo", None, "Comune di Bergamo - Ambito 1 di Bergamo"),
];

#[test]
fn network_members_are_never_suggested() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let all = Limits { partners: 400, projects: 0, max_municipalities: 400, max_per_kind: 400 };
    let public_gap = Gaps::from_remedies([&Remedy::AddMembers { kinds: public_kinds(), count: 1 }], &[]);
    let base = |province: &str| Answers {
        territory: Territory { provinces: vec![province.into()], municipalities: vec![] },
        members: vec![Member {
            id: 0,
            name: "Cooperativa Sociale Ippogrifo".into(),
            kind: Some(MemberKind::SocialCooperative),
            ..Member::default()
        }],
        needs: vec![Need::Youth, Need::Employment, Need::Poverty, Need::SocialTies],
        ..Answers::default()
    };
    for (province, a) in ["SO", "MI", "MB", "BG"].into_iter().map(|p| (p, base(p))) {
        let suggested = names(&c, &match_all(&c, &ix, &a, &public_gap, all));
        // The lead of the answers is never suggested back.
        assert!(!suggested.iter().any(|n| n == "Cooperativa Sociale Ippogrifo"), "{province}");
        for (member, kind, gone) in MEMBERS_ALREADY_IN {
            if !suggested.iter().any(|n| n == gone) {
                continue; // not suggested in this province anyway
            }
            let mut with = a.clone();
            with.members.push(Member { id: 1, name: (*member).into(), kind: *kind, ..Member::default() });
            let after = names(&c, &match_all(&c, &ix, &with, &public_gap, all));
            assert!(!after.iter().any(|n| n == gone), "{gone} suggested in {province} although \"{member}\" is a member");
            assert!(after.len() + 1 >= suggested.len(), "{member}: only the member's own entries disappear");
        }
    }
    // Every row was exercised somewhere.
    for (member, _, gone) in MEMBERS_ALREADY_IN {
        let seen = ["SO", "MI", "MB", "BG"]
            .into_iter()
            .any(|p| names(&c, &match_all(&c, &ix, &base(p), &public_gap, all)).iter().any(|n| n == gone));
        assert!(seen, "{member}: {gone} is never suggested, the row tests nothing");
    }
}

/// A member picked from the directory keeps its key (`Member::directory`): matching knows it by that,
/// whatever the name says. Each of the first suggestions (organisations and Comuni), added under
/// another name with its key (as a result card's "Aggiungi alla rete" or a directory pick would),
/// is never suggested again; under that name alone it still is.
#[test]
fn a_member_picked_from_the_directory_is_known_by_its_key() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let limits = Limits { partners: 400, projects: 0, max_municipalities: 400, max_per_kind: 400 };
    let gap = Gaps::from_remedies([&Remedy::AddMembers { kinds: public_kinds(), count: 1 }], &[]);
    let a = sondrio_youth();
    let key_of = |p: &welfare_core::catalog::matching::PartnerMatch| match p.target {
        PartnerRef::Organisation(i) => c.organisations[i as usize].id.clone(),
        PartnerRef::Municipality(i) => c.municipalities[i as usize].istat.clone(),
    };
    let before = match_all(&c, &ix, &a, &gap, limits).partners;
    let firsts: Vec<_> = before.iter().take(6).collect();
    assert!(firsts.iter().any(|p| matches!(p.target, PartnerRef::Municipality(_))), "a Comune among the first");
    assert!(firsts.iter().any(|p| matches!(p.target, PartnerRef::Organisation(_))), "an organisation among the first");
    for p in firsts {
        let key = key_of(p);
        assert!(c.candidate_position(&key).is_some(), "{key}");
        let member = |directory| Member { id: 9, name: "La nostra rete".into(), directory, ..Member::default() };
        let mut keyed = a.clone();
        keyed.members.push(member(Some(key.clone())));
        let after = match_all(&c, &ix, &keyed, &gap, limits).partners;
        assert!(!after.iter().any(|q| key_of(q) == key), "{} suggested although a member has its key", p.name);
        let mut named = a.clone();
        named.members.push(member(None));
        assert!(match_all(&c, &ix, &named, &gap, limits).partners.iter().any(|q| key_of(q) == key), "{}: the name alone", p.name);
    }
    assert_eq!(c.candidate_position("no-such-entry"), None);
}

#[test]
fn ordering_is_deterministic_and_ties_break_by_name() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let a = Answers { territory: Territory { provinces: vec!["MI".into()], municipalities: vec![] }, ..Answers::default() };
    let g = Gaps::default();
    let lim = Limits { partners: 150, projects: 29, max_municipalities: 150, max_per_kind: 150 };
    let m1 = match_all(&c, &ix, &a, &g, lim);
    let ix2 = SearchIndex::build(&c);
    let m2 = match_all(&c, &ix2, &a, &g, lim);
    assert_eq!(m1, m2);
    // Partners in the visitor's province first, then the neighbouring provinces, the region, the
    // rest (their territory points tell which); by score within each, ties by name.
    let place = |p: &welfare_core::catalog::matching::PartnerMatch| {
        p.reasons.iter().find(|r| r.factor == Factor::Territory).map_or(0.0, |r| r.points)
    };
    assert!(m1.partners.iter().any(|p| place(p) == 16.0) && m1.partners.iter().any(|p| place(p) == 6.0));
    for w in m1.partners.windows(2) {
        let (a, b) = (&w[0], &w[1]);
        assert!(place(a) >= place(b), "{} before {}", a.name, b.name);
        if place(a) == place(b) {
            assert!(a.score > b.score || (a.score == b.score && a.name <= b.name), "{} / {}", a.name, b.name);
        }
    }
    for w in m1.projects.windows(2) {
        assert!(w[0].score >= w[1].score);
    }
}

#[test]
fn accent_insensitive_text_and_municipality_search() {
    let c = load();
    let ix = SearchIndex::build(&c);
    // "disabilita" without accent finds the disability project through the text factor alone.
    let a = Answers { description: "Progetto di vita per persone con DISABILITA".into(), ..Answers::default() };
    let m = match_all(&c, &ix, &a, &Gaps::default(), Limits::default());
    assert_eq!(m.projects.first().map(|p| p.id.as_str()), Some("tikitaka"), "{:?}", m.projects);
    assert!(m.projects[0].reasons.iter().any(|r| r.factor == Factor::Text));

    let names = |q: &str| c.search_municipalities(q, 5).into_iter().map(|m| m.name.clone()).collect::<Vec<_>>();
    assert_eq!(names("cantu").first().map(String::as_str), Some("Cantù"));
    assert!(names("canta").contains(&"Cantù".to_string()));
    assert_eq!(names("sesto s").first().map(String::as_str), Some("Sesto San Giovanni"));
    assert_eq!(names("SONDRIO").first().map(String::as_str), Some("Sondrio"));
    assert_eq!(names("giovanni").first().map(String::as_str), Some("Sesto San Giovanni"));
    assert!(names("zzzz").is_empty());
    assert_eq!(c.municipality("014061").map(|m| m.name.as_str()), Some("Sondrio"));
    assert_eq!(catalog::search::fold("Città dell'Àdda"), "citta dell adda");
}

#[test]
fn visitor_municipality_comes_first_among_comuni() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let tirano_less = c.search_municipalities("Morbegno", 1);
    let morbegno = tirano_less.first().map(|m| m.istat.clone()).unwrap_or_default();
    let a = Answers {
        territory: Territory { provinces: vec![], municipalities: vec![morbegno] },
        needs: vec![Need::Families],
        ..Answers::default()
    };
    let m = match_all(&c, &ix, &a, &sondrio_gaps(), Limits::default());
    let first_mun = m.partners.iter().find(|p| matches!(p.target, PartnerRef::Municipality(_)));
    assert_eq!(first_mun.map(|p| p.name.as_str()), Some("Comune di Morbegno"));
    // The project in the Morbegno district ranks first.
    assert_eq!(m.projects.first().map(|p| p.id.as_str()), Some("comunita-che-diventa-famiglia"));
}

#[test]
fn gaps_from_the_real_verdict_drive_the_suggestions() {
    let text = include_str!("../../../data/calls/2016.toml");
    let call = match welfare_core::rules::call::load_call_toml("data/calls/2016.toml", text) {
        Ok(c) => c,
        Err(p) => panic!("{p:#?}"),
    };
    let now = welfare_core::RomeDateTime::new(2016, 4, 1, 12, 0).unwrap_or_else(|| panic!("date"));
    let answers = sondrio_youth();
    let verdict = welfare_core::evaluate(&call, &answers, now);
    let gaps = Gaps::from_verdict(&verdict);
    // The network has no public body: some required gap lists public kinds.
    assert!(gaps.required.iter().any(|g| !g.lead && g.kinds.iter().any(|k| k.sector() == Sector::Public)), "{gaps:?}");
    let c = load();
    let ix = SearchIndex::build(&c);
    let m = match_all(&c, &ix, &answers, &gaps, Limits::default());
    assert_eq!(m.partners.first().map(|p| p.kind.sector()), Some(Sector::Public));
}

#[test]
fn the_embedded_catalog_is_smaller_still_validates_and_matches_the_same() {
    let full = load();
    let slim = full.clone().for_embedding();
    assert!(welfare_core::catalog::validate::validate_catalog(&slim).is_empty());
    let (full_packed, slim_packed) = (welfare_core::codec::pack::encode_catalog(&full), welfare_core::codec::pack::encode_catalog(&slim));
    assert!(slim_packed.len() * 4 < full_packed.len() * 3, "{} vs {} bytes", slim_packed.len(), full_packed.len());
    assert!(slim.organisations.iter().all(|o| o.sources.len() == 1));
    let answers = sondrio_youth();
    let (full_index, slim_index) = (SearchIndex::build(&full), SearchIndex::build(&slim));
    let a = match_all(&full, &full_index, &answers, &sondrio_gaps(), Limits::default());
    let b = match_all(&slim, &slim_index, &answers, &sondrio_gaps(), Limits::default());
    assert_eq!(names(&full, &a), names(&slim, &b));
}

/// What a suggestion at a given place must be.
#[derive(Debug, Clone, Copy)]
enum First {
    Name(&'static str),
    Kind(MemberKind),
}

/// A visitor's territory and missing requirements, and the suggestions that must come first.
struct RemedyCase {
    what: &'static str,
    provinces: &'static [&'static str],
    /// Municipalities by name.
    municipalities: &'static [&'static str],
    description: &'static str,
    remedies: fn() -> Vec<Remedy>,
    first: &'static [First],
    /// The requirement the first suggestion says it fills (Italian, English).
    fills: (&'static str, &'static str),
}

fn public_gap() -> Vec<Remedy> {
    vec![Remedy::AddMembers { kinds: public_kinds(), count: 1 }]
}

fn third_sector_gap() -> Vec<Remedy> {
    vec![Remedy::AddMembers { kinds: MemberKind::ALL.into_iter().filter(|k| k.sector() == Sector::ThirdSector).collect(), count: 1 }]
}

fn lead_gap() -> Vec<Remedy> {
    vec![Remedy::ChangeLead { kinds: MemberKind::ALL.into_iter().filter(|k| k.sector() != Sector::NonConventional).collect() }]
}

fn both_gaps() -> Vec<Remedy> {
    public_gap().into_iter().chain(third_sector_gap()).collect()
}

const PUBLIC: (&str, &str) = ("Colma il requisito: almeno un ente pubblico", "Fills the requirement: at least one public body");
const THIRD: (&str, &str) =
    ("Colma il requisito: almeno un'organizzazione del terzo settore", "Fills the requirement: at least one third-sector organisation");
const COMUNE: First = First::Kind(MemberKind::Comune);

const REMEDY_CASES: &[RemedyCase] = &[
    RemedyCase {
        what: "a named municipality: its Comune, then the Ufficio di Piano of its ambito",
        provinces: &[],
        municipalities: &["Lecco"],
        description: "",
        remedies: public_gap,
        first: &[First::Name("Comune di Lecco"), First::Name("Ambito distrettuale di Lecco"), COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "two named municipalities: both Comuni (one is in the directory), then both ambiti",
        provinces: &[],
        municipalities: &["Tirano", "Sondrio"],
        description: "",
        remedies: public_gap,
        first: &[
            First::Name("Comune di Tirano"),
            First::Name("Comune di Sondrio"),
            First::Name("Comunità Montana Valtellina di Tirano - Ufficio di Piano"),
            First::Name("Ufficio di Piano distretto di Sondrio (Comune di Sondrio)"),
        ],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "an ambito that lists its Comuni in its name",
        provinces: &[],
        municipalities: &["Bresso"],
        description: "",
        remedies: public_gap,
        first: &[
            First::Name("Comune di Bresso"),
            First::Name("Ambito di Cinisello Balsamo (Bresso, Cinisello Balsamo, Cormano, Cusano Milanino)"),
        ],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "\"Ambito n. 3 Brescia Est\" is not Brescia's ambito",
        provinces: &[],
        municipalities: &["Brescia"],
        description: "",
        remedies: public_gap,
        first: &[First::Name("Comune di Brescia"), COMUNE, COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "none chosen, one the description names: its Comune, then the Ufficio di Piano of its ambito",
        provinces: &["SO"],
        municipalities: &[],
        description: "Nell'ambito di Tirano (12 Comuni): un hub con coworking e laboratori digitali",
        remedies: public_gap,
        first: &[First::Name("Comune di Tirano"), First::Name("Comunità Montana Valtellina di Tirano - Ufficio di Piano"), COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "one chosen: the description's places come after it",
        provinces: &[],
        municipalities: &["Lecco"],
        description: "Anche a Merate e a Bellano",
        remedies: public_gap,
        first: &[First::Name("Comune di Lecco"), First::Name("Ambito distrettuale di Lecco"), COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "no municipality named: the chief town, then the province's Comuni",
        provinces: &["SO"],
        municipalities: &[],
        description: "",
        remedies: public_gap,
        first: &[First::Name("Comune di Sondrio"), COMUNE, COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "a chief town named in the province's name (Monza e della Brianza)",
        provinces: &["MB"],
        municipalities: &[],
        description: "",
        remedies: public_gap,
        first: &[First::Name("Comune di Monza"), COMUNE, COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "a chief town the province's name does not say (Verbano-Cusio-Ossola): the most populous",
        provinces: &["VB"],
        municipalities: &[],
        description: "",
        remedies: public_gap,
        first: &[First::Name("Comune di Verbania"), COMUNE, COMUNE],
        fills: PUBLIC,
    },
    RemedyCase {
        what: "no third-sector organisation: the remedy's first kind, social cooperatives",
        provinces: &["SO"],
        municipalities: &[],
        description: "",
        remedies: third_sector_gap,
        first: &[First::Kind(MemberKind::SocialCooperative); 3],
        fills: THIRD,
    },
    RemedyCase {
        what: "no social cooperative in the province: the remedy's next kinds, in order",
        provinces: &["CR"],
        municipalities: &[],
        description: "",
        remedies: third_sector_gap,
        first: &[
            First::Kind(MemberKind::CooperativeConsortium),
            First::Kind(MemberKind::CooperativeConsortium),
            First::Kind(MemberKind::Association),
        ],
        fills: THIRD,
    },
    RemedyCase {
        what: "a lead that cannot lead: the admissible kinds in the call's order",
        provinces: &["SO"],
        municipalities: &[],
        description: "",
        remedies: lead_gap,
        first: &[First::Name("Comune di Sondrio"), COMUNE, COMUNE],
        fills: ("Colma il requisito: un capofila ammissibile", "Fills the requirement: an admissible lead applicant"),
    },
    RemedyCase {
        what: "two missing requirements: one block each, in the verdict's order",
        provinces: &["LC"],
        municipalities: &[],
        description: "",
        remedies: both_gaps,
        first: &[
            First::Name("Comune di Lecco"),
            COMUNE,
            COMUNE,
            First::Kind(MemberKind::CooperativeConsortium),
            First::Kind(MemberKind::CooperativeConsortium),
            First::Kind(MemberKind::Association),
        ],
        fills: PUBLIC,
    },
];

#[test]
fn suggestions_follow_the_remedy() {
    let c = load();
    let ix = SearchIndex::build(&c);
    for case in REMEDY_CASES {
        let istat =
            |name: &str| c.municipalities.iter().find(|m| m.name == name).map(|m| m.istat.clone()).unwrap_or_else(|| panic!("{name}"));
        let answers = Answers {
            territory: Territory {
                provinces: case.provinces.iter().map(|p| p.to_string()).collect(),
                municipalities: case.municipalities.iter().map(|m| istat(m)).collect(),
            },
            members: vec![Member { id: 0, name: "Impresa Esempio".into(), kind: Some(MemberKind::Company), ..Member::default() }],
            description: case.description.into(),
            ..Answers::default()
        };
        let remedies = (case.remedies)();
        let gaps = Gaps::from_remedies(remedies.iter(), &[MemberKind::University]);
        let m = match_all(&c, &ix, &answers, &gaps, Limits::default());
        let got: Vec<(MemberKind, &str)> = m.partners.iter().map(|p| (p.kind, p.name.as_str())).collect();
        for (i, want) in case.first.iter().enumerate() {
            let ok = match (want, got.get(i)) {
                (First::Name(n), Some((_, name))) => name == n,
                (First::Kind(k), Some((kind, _))) => kind == k,
                (_, None) => false,
            };
            assert!(ok, "{}: place {} should be {want:?}: {got:#?}", case.what, i + 1);
        }
        // Each filler says which requirement it fills, in both languages.
        let first = &m.partners[0];
        let fills = first.reasons.iter().find(|r| r.factor == Factor::GapRequired).map(|r| (r.text.it.as_str(), r.text.en.as_str()));
        assert_eq!(fills, Some(case.fills), "{}", case.what);
    }
}

#[test]
fn a_municipality_the_description_names_is_suggested() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let answers = |description: &str| Answers {
        territory: Territory { provinces: vec!["SO".into()], municipalities: vec![] },
        description: description.into(),
        ..Answers::default()
    };
    let named = |m: &Matches, n: &str| {
        m.partners.iter().find(|p| p.name == n).is_some_and(|p| p.reasons.iter().any(|r| r.text.en == "Named in your description"))
    };
    let m = match_all(
        &c,
        &ix,
        &answers("Laboratori per ragazzi a Chiavenna e a Villa di Tirano, un mese all'anno"),
        &Gaps::default(),
        Limits::default(),
    );
    assert!(named(&m, "Comune di Chiavenna") && named(&m, "Comune di Villa di Tirano"), "{:?}", names(&c, &m));
    // A common word is not a name: "mese" (Mese is a Comune of SO); without a name, no municipality.
    assert!(!m.partners.iter().any(|p| p.name == "Comune di Mese"));
    let m = match_all(&c, &ix, &answers("Laboratori per ragazzi, un mese all'anno"), &Gaps::default(), Limits::default());
    assert!(!m.partners.iter().any(|p| matches!(p.target, PartnerRef::Municipality(_))), "{:?}", names(&c, &m));
}

#[test]
fn an_organisation_named_after_another_place_of_the_description_comes_first_but_among_fillers() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let answers = |description: &str| Answers {
        territory: Territory { provinces: vec!["BS".into()], municipalities: vec![] },
        members: vec![Member { id: 0, name: "Impresa Esempio".into(), kind: Some(MemberKind::Company), ..Member::default() }],
        description: description.into(),
        ..Answers::default()
    };
    let all = Limits { partners: 400, projects: 0, max_municipalities: 400, max_per_kind: 400 };
    let place = |m: &Matches, n: &str| -> Option<(usize, String)> {
        let (i, p) = m.partners.iter().enumerate().find(|(_, p)| p.name == n)?;
        Some((i, p.reasons.iter().find(|r| r.factor == Factor::Name).map(|r| r.text.it.clone()).unwrap_or_default()))
    };
    let cm = "Comunità Montana di Valle Camonica";
    // A valley is no municipality: the organisations that carry its name come before the others.
    let m = match_all(&c, &ix, &answers("In Valle Camonica, lavoro per i giovani con le imprese locali"), &Gaps::default(), all);
    let (named_at, why) = place(&m, cm).unwrap_or_else(|| panic!("{:?}", names(&c, &m)));
    assert_eq!(why, "Il suo nome cita Camonica, come la tua descrizione");
    let plain = match_all(&c, &ix, &answers("Lavoro per i giovani con le imprese locali"), &Gaps::default(), all);
    let (plain_at, why) = place(&plain, cm).unwrap_or_else(|| panic!("{:?}", names(&c, &plain)));
    assert!(why.is_empty() && named_at < plain_at, "{named_at} / {plain_at}");
    // The area a municipality's name places it in: Carate Brianza → Brianza (the Comune and its
    // ambito have the municipality's own points).
    let mb = |d: &str| Answers { territory: Territory { provinces: vec!["MB".into()], municipalities: vec![] }, ..answers(d) };
    let m = match_all(&c, &ix, &mb("Nel distretto di Carate Brianza, microcredito per le famiglie"), &Gaps::default(), all);
    let why = |n: &str| place(&m, n).map(|(_, why)| why).unwrap_or_else(|| panic!("{n}: {:?}", names(&c, &m)));
    assert_eq!(why("Provincia di Monza e Brianza"), "Il suo nome cita Brianza, come la tua descrizione");
    assert_eq!(why("Ambito distrettuale di Carate Brianza"), "Il suo nome cita Carate Brianza, come la tua descrizione");
    // Not a place: a kind of area ("Comuni", "Valle" alone), a word that opens a sentence.
    for d in ["Nei Comuni della Valle, lavoro per i giovani", "Camonica: lavoro per i giovani"] {
        let m = match_all(&c, &ix, &answers(d), &Gaps::default(), all);
        assert!(m.partners.iter().all(|p| p.reasons.iter().all(|r| r.factor != Factor::Name)), "{d}");
    }
    // The partners that fill a missing requirement keep the remedy's order: no points for their name.
    let gaps = Gaps::from_remedies([&Remedy::AddMembers { kinds: public_kinds(), count: 1 }], &[]);
    let m = match_all(&c, &ix, &answers("In Valle Camonica, lavoro per i giovani con le imprese locali"), &gaps, all);
    assert_eq!(place(&m, cm).map(|(_, why)| why), Some(String::new()));
}

#[test]
fn an_organisation_named_after_the_people_of_a_municipality_of_the_description_is_named_by_it() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let all = Limits { partners: 400, projects: 0, max_municipalities: 400, max_per_kind: 400 };
    let answers = |province: &str, description: &str| Answers {
        territory: Territory { provinces: vec![province.into()], municipalities: vec![] },
        description: description.into(),
        ..Answers::default()
    };
    let why = |m: &Matches, n: &str| -> String {
        let p = m.partners.iter().find(|p| p.name == n).unwrap_or_else(|| panic!("{n}: {:?}", names(&c, m)));
        p.reasons.iter().find(|r| r.factor == Factor::Name).map(|r| r.text.it.clone()).unwrap_or_default()
    };
    // "Bresciana" is Brescia's, "Varesotto" Varese's.
    let m = match_all(&c, &ix, &answers("BS", "A Brescia, punti di comunità nei quartieri"), &Gaps::default(), all);
    assert_eq!(why(&m, "Fondazione della Comunità Bresciana"), "Il suo nome cita Brescia, come la tua descrizione");
    let m = match_all(&c, &ix, &answers("VA", "Nella provincia di Varese, lavoro per i giovani"), &Gaps::default(), all);
    assert_eq!(why(&m, "Fondazione Comunitaria del Varesotto"), "Il suo nome cita Varese, come la tua descrizione");
    // "Milanino" is a word of Cusano Milanino, not Milano's people.
    let m = match_all(&c, &ix, &answers("MI", "A Milano, case per i giovani"), &Gaps::default(), all);
    assert_eq!(why(&m, "Ambito di Cinisello Balsamo (Bresso, Cinisello Balsamo, Cormano, Cusano Milanino)"), "");
}

/// The directory organisations of a funded project (indices into `organisations`), each once.
fn partners_of(c: &Catalog, p: &catalog::Project) -> Vec<usize> {
    let mut out: Vec<usize> = Vec::new();
    for id in p.partners.iter().filter_map(|pp| pp.org.as_deref()) {
        if let Some(i) = c.organisations.iter().position(|o| o.id == id) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

#[test]
fn a_past_partner_of_a_member_says_where_they_worked_together() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let all = Limits { partners: 1000, projects: 0, max_municipalities: 0, max_per_kind: 1000 };
    let w = &c.weights.partners;
    let mut checked = 0;
    // Every funded project, with its first directory partner as the visitor's one member.
    for p in &c.projects {
        let partners = partners_of(&c, p);
        let Some((&member, others)) = partners.split_first() else { continue };
        let member_name = c.organisations[member].name.clone();
        let answers = Answers {
            territory: Territory { provinces: p.provinces.clone(), municipalities: vec![] },
            members: vec![Member { id: 0, name: member_name.clone(), kind: Some(c.organisations[member].kind), ..Member::default() }],
            ..Answers::default()
        };
        let m = match_all(&c, &ix, &answers, &Gaps::default(), all);
        for &o in others {
            // The funded projects the two share (the member's own aliases may hide a duplicate entry).
            let shared: Vec<&catalog::Project> =
                c.projects.iter().filter(|q| partners_of(&c, q).contains(&o) && partners_of(&c, q).contains(&member)).collect();
            let Some(s) = m.partners.iter().find(|s| s.target == PartnerRef::Organisation(o as u32)) else {
                panic!("{}: {} worked with {member_name} and is not suggested", p.id, c.organisations[o].name)
            };
            let r = s
                .reasons
                .iter()
                .find(|r| r.factor == Factor::Partnered)
                .unwrap_or_else(|| panic!("{}: {} without the reason", p.id, s.name));
            assert_eq!(r.points, (w.partnered * shared.len() as f32).min(w.partnered_max), "{}", s.name);
            assert!(r.text.it.starts_with(&format!("Ha già lavorato con {member_name} ")), "{}", r.text.it);
            assert!(r.text.en.starts_with(&format!("Already worked with {member_name} ")), "{}", r.text.en);
            if shared.len() == 1 {
                assert!(r.text.it.ends_with(&format!("nel progetto finanziato «{}»", p.name)), "{}", r.text.it);
                assert!(r.text.en.ends_with(&format!("in the funded project “{}”", p.name)), "{}", r.text.en);
            } else {
                let n = shared.len();
                assert!(r.text.it.contains(&format!(" in {n} progetti finanziati, tra cui «")), "{}", r.text.it);
                assert!(r.text.en.contains(&format!(" in {n} funded projects, among them “")), "{}", r.text.en);
            }
            checked += 1;
        }
        // Without the project (as `bench-recall` leaves it out), it is never the reason.
        let mut without = c.clone();
        without.projects.retain(|q| q.id != p.id);
        let m = match_all(&without, &SearchIndex::build(&without), &answers, &Gaps::default(), all);
        let cites = |s: &welfare_core::catalog::matching::PartnerMatch| {
            s.reasons.iter().any(|r| r.factor == Factor::Partnered && r.text.en.contains(&format!("“{}”", p.name)))
        };
        assert!(!m.partners.iter().any(cites), "{}: still cited once left out", p.id);
    }
    assert!(checked > 100, "{checked}");
    // Nobody worked with a member the directory does not know.
    let a = Answers { members: vec![Member { id: 0, name: "Associazione Mai Vista".into(), ..Member::default() }], ..Answers::default() };
    let m = match_all(&c, &ix, &a, &Gaps::default(), all);
    assert!(!m.partners.iter().any(|s| s.reasons.iter().any(|r| r.factor == Factor::Partnered)));
}

/// (province, description, an organisation whose name names a place of it, its reason in English)
const NAMED_IN_NAMES: &[(&str, &str, &str, &str)] = &[
    (
        "VA",
        "Nei distretti di Gallarate e Somma Lombardo, rimette in uso case sfitte e porta la custodia sociale nei cortili (Samarate, Somma Lombardo)",
        "Imprese in villa (Samarate)",
        "Its name mentions Samarate, as your description does",
    ),
    ("BS", "A Brescia, punti di comunità nei quartieri e un nuovo accreditamento dei servizi", "Auser Volontariato Brescia", "Its name mentions Brescia, as your description does"),
    ("MN", "Nel distretto di Mantova (14 Comuni), azioni progettate dai giovani", "Arci Mantova", "Its name mentions Mantova, as your description does"),
    // A Comune of the directory: the municipality itself.
    ("SO", "Nell'ambito di Tirano (12 Comuni): un hub con coworking", "Comune di Tirano", "Named in your description"),
];

#[test]
fn organisations_named_after_a_place_of_the_description_come_first() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let w = &c.weights.partners;
    let answers = |province: &str, description: &str| Answers {
        territory: Territory { provinces: vec![province.into()], municipalities: vec![] },
        description: description.into(),
        ..Answers::default()
    };
    let reason = |m: &Matches, org: &str| {
        m.partners.iter().find(|p| p.name == org).and_then(|p| p.reasons.iter().find(|r| r.factor == Factor::Name).cloned())
    };
    for (province, description, org, text) in NAMED_IN_NAMES {
        let m = match_all(&c, &ix, &answers(province, description), &Gaps::default(), Limits::default());
        let r = reason(&m, org).unwrap_or_else(|| panic!("{org} not among the first 10 with its name's reason: {:?}", names(&c, &m)));
        assert_eq!((r.text.en.as_str(), r.points), (*text, w.named), "{org}");
        assert!(r.text.is_complete());
        // Without the place, or written as a common word, it says nothing of the name.
        for other in ["Azioni di comunità per i giovani", &description.to_lowercase()] {
            let m = match_all(
                &c,
                &ix,
                &answers(province, other),
                &Gaps::default(),
                Limits { partners: 500, max_per_kind: 500, ..Limits::default() },
            );
            assert!(!m.partners.iter().any(|p| p.reasons.iter().any(|r| r.factor == Factor::Name)), "{other}");
        }
    }
    // The Italian says the same.
    let m = match_all(&c, &ix, &answers("MN", "Nel distretto di Mantova"), &Gaps::default(), Limits::default());
    assert_eq!(reason(&m, "Arci Mantova").map(|r| r.text.it), Some("Il suo nome cita Mantova, come la tua descrizione".to_string()));
}

#[test]
fn a_name_that_names_the_place_puts_an_organisation_in_the_territory() {
    // The directory knows nothing of where Arci Mantova works (as for most partners of a funded
    // project once it is left out); its name places it in the district the description names.
    let mut c = load();
    let arci = c.organisations.iter().position(|o| o.name == "Arci Mantova").unwrap_or_else(|| panic!("Arci Mantova"));
    c.organisations[arci].provinces.clear();
    let ix = SearchIndex::build(&c);
    let all = Limits { partners: 500, projects: 0, max_municipalities: 0, max_per_kind: 500 };
    let answers = |description: &str| Answers {
        territory: Territory { provinces: vec!["MN".into()], municipalities: vec![] },
        description: description.into(),
        ..Answers::default()
    };
    let territory = |m: &Matches| {
        m.partners
            .iter()
            .find(|p| p.name == "Arci Mantova")
            .map(|p| p.reasons.iter().filter(|r| r.factor == Factor::Territory).map(|r| (r.text.en.clone(), r.points)).collect::<Vec<_>>())
    };
    let m = match_all(&c, &ix, &answers("Nel distretto di Mantova, azioni progettate dai giovani"), &Gaps::default(), all);
    assert_eq!(territory(&m), Some(vec![("Its name places it in your area".to_string(), c.weights.partners.same_province)]));
    // Among the organisations of the province: before any of another province.
    let pos = m.partners.iter().position(|p| p.name == "Arci Mantova").unwrap_or(usize::MAX);
    let elsewhere =
        m.partners.iter().position(|p| !provinces_of(&c, p).iter().any(|x| x == "MN") && p.name != "Arci Mantova").unwrap_or(usize::MAX);
    assert!(pos < elsewhere, "{pos} / {elsewhere}: {:?}", names(&c, &m));
    // Without the place in the description, it stays nowhere.
    let m = match_all(&c, &ix, &answers("Azioni progettate dai giovani"), &Gaps::default(), all);
    assert_eq!(territory(&m).unwrap_or_default(), vec![]);
}
