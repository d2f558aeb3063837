//! Matching on the real catalog (data/catalog). Needs the `source` feature to compile the catalog
//! (on by default when testing the workspace: `cargo test -p welfare-core -p welfare-cli`).
#![cfg(feature = "source")]

use welfare_core::catalog::{self, Catalog, CatalogSources};
use welfare_core::matching::{match_all, Factor, Gaps, Limits, Matches, PartnerRef, SearchIndex};
use welfare_core::model::Sector;
use welfare_core::verdict::Remedy;
use welfare_core::{Answers, Member, MemberKind, Need, Territory};

fn load() -> Catalog {
    let dir = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/catalog"));
    let src = CatalogSources::read_dir(dir, "data/catalog").unwrap_or_else(|p| panic!("{p:#?}"));
    match catalog::load_catalog(&src) {
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
            Member { id: 0, name: "Cooperativa Sociale Ippogrifo".into(), kind: Some(MemberKind::SocialCooperative), province: Some("SO".into()), letter_of_intent: None },
            Member { id: 1, name: "Associazione Giovani Valtellina".into(), kind: Some(MemberKind::Association), province: Some("SO".into()), letter_of_intent: None },
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
    assert!(catalog::validate_catalog(&c).is_empty());
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

    // Public bodies of the Sondrio area are among the top suggestions, first of all.
    let first = m.partners.first().unwrap_or_else(|| panic!("no partners"));
    assert_eq!(first.kind.sector(), Sector::Public, "{partner_names:?}");
    let top5: Vec<&str> = partner_names.iter().take(5).map(String::as_str).collect();
    assert!(
        top5.iter().any(|n| *n == "Comunità Montana Valtellina di Tirano - Ufficio di Piano" || *n == "Ufficio di Piano distretto di Sondrio (Comune di Sondrio)"),
        "{top5:?}"
    );
    assert!(partner_names.iter().any(|n| n == "Comune di Tirano" || n == "Comune di Sondrio"), "{partner_names:?}");
    for p in m.partners.iter().take(5) {
        assert_eq!(p.kind.sector(), Sector::Public, "{} in the top 5", p.name);
        let provinces: Vec<String> = match p.target {
            PartnerRef::Organisation(i) => c.organisations[i as usize].provinces.clone(),
            PartnerRef::Municipality(i) => vec![c.municipalities[i as usize].province.clone()],
        };
        assert!(provinces.iter().any(|x| x == "SO"), "{} is not in SO: {provinces:?}", p.name);
    }
    // The gap reason is the first one of a public body from the required gap.
    assert!(first.reasons.iter().any(|r| r.factor == Factor::GapRequired && r.text.it == "Un ente pubblico: la tua rete non ne ha"));

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

#[test]
fn network_members_are_never_suggested() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let mut a = sondrio_youth();
    let before = match_all(&c, &ix, &a, &sondrio_gaps(), Limits { partners: 40, ..Limits::default() });
    let top: Vec<String> = before.partners.iter().take(3).map(|p| p.name.clone()).collect();
    // Add them with other spellings (case, accents, legal form): they disappear.
    for (i, n) in top.iter().enumerate() {
        a.members.push(Member { id: 10 + i as u32, name: n.to_uppercase(), kind: None, province: None, letter_of_intent: None });
    }
    a.members.push(Member { id: 20, name: "Sondrio".into(), kind: Some(MemberKind::Comune), province: Some("SO".into()), letter_of_intent: None });
    let after = match_all(&c, &ix, &a, &sondrio_gaps(), Limits { partners: 40, ..Limits::default() });
    for p in &after.partners {
        assert!(!top.contains(&p.name), "{} suggested although in the network", p.name);
        assert_ne!(p.name, "Comune di Sondrio");
        assert_ne!(p.name, "Cooperativa Sociale Ippogrifo");
    }
    // The members of the network of the answers, too.
    assert!(before.partners.iter().all(|p| p.name != "Cooperativa Sociale Ippogrifo"));
}

#[test]
fn ordering_is_deterministic_and_ties_break_by_name() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let a = Answers { territory: Territory { provinces: vec!["MI".into()], municipalities: vec![] }, ..Answers::default() };
    let g = Gaps::default();
    let lim = Limits { partners: 30, projects: 29, max_municipalities: 30, max_per_kind: 30 };
    let m1 = match_all(&c, &ix, &a, &g, lim);
    let ix2 = SearchIndex::build(&c);
    let m2 = match_all(&c, &ix2, &a, &g, lim);
    assert_eq!(m1, m2);
    for w in m1.partners.windows(2) {
        assert!(w[0].score > w[1].score || (w[0].score == w[1].score && w[0].name <= w[1].name), "{} / {}", w[0].name, w[1].name);
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
    assert_eq!(catalog::fold("Città dell'Àdda"), "citta dell adda");
}

#[test]
fn visitor_municipality_comes_first_among_comuni() {
    let c = load();
    let ix = SearchIndex::build(&c);
    let tirano_less = c.search_municipalities("Morbegno", 1);
    let morbegno = tirano_less.first().map(|m| m.istat.clone()).unwrap_or_default();
    let a = Answers { territory: Territory { provinces: vec![], municipalities: vec![morbegno] }, needs: vec![Need::Families], ..Answers::default() };
    let m = match_all(&c, &ix, &a, &sondrio_gaps(), Limits::default());
    let first_mun = m.partners.iter().find(|p| matches!(p.target, PartnerRef::Municipality(_)));
    assert_eq!(first_mun.map(|p| p.name.as_str()), Some("Comune di Morbegno"));
    // The project in the Morbegno district ranks first.
    assert_eq!(m.projects.first().map(|p| p.id.as_str()), Some("comunita-che-diventa-famiglia"));
}

#[test]
fn gaps_from_the_real_verdict_drive_the_suggestions() {
    let text = include_str!("../../../data/calls/2016.toml");
    let call = match welfare_core::call::load_call_toml("data/calls/2016.toml", text) {
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
    assert!(welfare_core::catalog::validate_catalog(&slim).is_empty());
    let (full_packed, slim_packed) = (welfare_core::pack::encode_catalog(&full), welfare_core::pack::encode_catalog(&slim));
    assert!(slim_packed.len() * 4 < full_packed.len() * 3, "{} vs {} bytes", slim_packed.len(), full_packed.len());
    assert!(slim.organisations.iter().all(|o| o.sources.len() == 1));
    let answers = sondrio_youth();
    let (full_index, slim_index) = (SearchIndex::build(&full), SearchIndex::build(&slim));
    let a = match_all(&full, &full_index, &answers, &sondrio_gaps(), Limits::default());
    let b = match_all(&slim, &slim_index, &answers, &sondrio_gaps(), Limits::default());
    assert_eq!(names(&full, &a), names(&slim, &b));
}
