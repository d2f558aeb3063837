//! The facts found after the catalog was built (data-updates.md in the project brief) are in the data,
//! each with its source, and every doubt they raise stays visible (`unconfirmed`, the research note, a
//! kind's `verified_note`). Checked on the real catalog and call files.
#![cfg(feature = "source")]

use welfare_core::catalog::import::CatalogSources;
use welfare_core::catalog::{self, Catalog, KindConfidence, Project};
use welfare_core::rules::call::{load_calls_dir, Call};
use welfare_core::MemberKind;

fn data(path: &str) -> std::path::PathBuf {
    std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../data")).join(path)
}

fn catalog() -> Catalog {
    let src = CatalogSources::read_dir(&data("catalog"), "data/catalog").unwrap_or_else(|p| panic!("{p:#?}"));
    catalog::import::load_catalog(&src).unwrap_or_else(|p| panic!("{p:#?}"))
}

fn project<'a>(c: &'a Catalog, id: &str) -> &'a Project {
    c.projects.iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no project {id}"))
}

fn partner_names(c: &Catalog, p: &Project) -> Vec<String> {
    p.partners
        .iter()
        .filter_map(|part| part.org.as_ref())
        .map(|id| c.organisations.iter().find(|o| &o.id == id).map(|o| o.name.clone()).unwrap_or_default())
        .collect()
}

const CORRIERE: &str = "https://sociale.corriere.it/welfare-gestito-dal-basso-fondazione-cariplo-finanzia-sette-progetti/";
const BOOMERANG_2022: &str = "http://welfareinazione.fondazionecariplo.it/it/article/2022/01/20/giovani-idee-in-azione/293/";
const CONTATTO_2018: &str = "https://periferieecoinformazioni.wordpress.com/2018/02/26/contatto-un-progetto-sulla-giustizia-riparativa/";
const VARESENEWS_2018: &str = "https://www.varesenews.it/2018/12/anche-premezzo-arriva-custode-sociale/778683/";
const TIKITAKA_2018: &str = "https://www.socialcohesiondays.com/2018/story/tikitaka";
const PORTINERIE: &str = "http://www.milanoseilaltro.it/dicono-di-noi-le-portinerie-di-quartiere-che-fanno-rinascere-la-comunita/";
const AMMISSIBILITA: &str = "https://www.fondazionecariplo.it/it/contributi/ammissibilita.html";

/// Each project a later source speaks of: that source among its sources, and the words of the fact
/// in its research note (conflicts spelled out there).
#[test]
fn every_later_fact_is_in_its_project_with_its_source() {
    let c = catalog();
    let facts: &[(&str, &str, &[&str])] = &[
        ("welfare-di-tutti", CORRIERE, &["EUR 1,300,000", "sviluppato da 18 partner", "22 partners: conflict"]),
        ("generazione-boomerang", BOOMERANG_2022, &["started 2017", "under-30s", "14 comuni", "Alce Nero", "Age conflict"]),
        ("contatto", CONTATTO_2018, &["13 public and private bodies", "Lomazzese"]),
        ("revolutionary-road", VARESENEWS_2018, &["custodia sociale", "Cavaria con Premezzo", "Intrecci"]),
        ("tikitaka", TIKITAKA_2018, &["life paths of people with disabilities"]),
        ("milano-sei-l-altro", PORTINERIE, &["portinerie di quartiere", "via Melotti 4", "Terra e Libertà"]),
    ];
    for (id, source, words) in facts {
        let p = project(&c, id);
        assert!(p.sources.iter().any(|s| s == source), "{id}: {source} not among {:?}", p.sources);
        for w in *words {
            assert!(p.description.contains(w), "{id}: \"{w}\" not in its note: {}", p.description);
        }
    }
    assert_eq!(project(&c, "welfare-di-tutti").grant, Some(1_300_000));
    assert!(project(&c, "welfare-di-tutti").unconfirmed.contains_key("partners"), "18 or 22 partners: the conflict stays");
    let boomerang = project(&c, "generazione-boomerang");
    assert!(boomerang.unconfirmed.contains_key("partners") && boomerang.unconfirmed.contains_key("beneficiaries"));
    assert!(project(&c, "revolutionary-road").unconfirmed.contains_key("partners"), "Intrecci: partner or contractor");
}

/// The two full partner lists: every name of the later source is a partner (under its directory
/// name), the earlier sources' partners are kept, nobody twice.
#[test]
fn the_two_full_partner_lists_are_the_partners() {
    let c = catalog();
    let cases: &[(&str, usize, &[&str])] = &[
        (
            "contatto",
            13,
            &[
                "Comune di Como",
                "AVC-CSV (Centro Servizi Volontariato) Como",
                "CSV di Lecco",
                "Università degli Studi dell'Insubria",
                "Università di Bergamo",
                "Associazione comunità Il Gabbiano onlus",
                "Cooperativa Lotta contro l'Emarginazione",
                "Cooperativa Questa Generazione",
                "Associazione ARS",
                "Associazione ForMattArt",
                "Consultorio Icaro",
                "Consorzio Concerto",
                "Azienda sociale Comuni Insieme",
            ],
        ),
        (
            "generazione-boomerang",
            9,
            &[
                "Consorzio Progetto Solidarietà",
                "Arci Mantova",
                "Sol.co Mantova",
                "Liceo Scientifico Belfiore",
                "Promo Impresa",
                "CSV Lombardia Sud ETS (Cremona, Lodi, Mantova, Pavia)",
                "Alce Nero cooperativa sociale",
                // Only in the 2017 source: kept, the difference noted.
                "CSVM (CSV Mantova)",
                "Radiobase (media partner)",
            ],
        ),
    ];
    for (id, count, names) in cases {
        let p = project(&c, id);
        let got = partner_names(&c, p);
        assert_eq!(got.len(), *count, "{id}: {got:#?}");
        for n in *names {
            assert!(got.iter().any(|g| g == n), "{id}: {n} missing from {got:#?}");
        }
        for o in c.organisations.iter().filter(|o| o.projects.iter().any(|x| x == id)) {
            assert!(got.contains(&o.name), "{id}: {} says it took part but is not a partner", o.name);
        }
    }
    // A new organisation's first source (the one the widget links to) is the source that names it.
    for (name, source) in [("Alce Nero cooperativa sociale", BOOMERANG_2022), ("Consorzio Concerto", CONTATTO_2018)] {
        let o = c.organisations.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!(o.sources.first().map(String::as_str), Some(source), "{name}");
    }
}

/// Kinds a later source states, with the reason kept beside them.
#[test]
fn kinds_stated_by_a_later_source() {
    let c = catalog();
    for (name, kind) in [("Consorzio Progetto Solidarietà", MemberKind::MunicipalConsortium), ("Promo Impresa", MemberKind::OtherPublic)] {
        let o = c.organisations.iter().find(|o| o.name == name).unwrap_or_else(|| panic!("{name}"));
        assert_eq!((o.kind, o.kind_confidence), (kind, KindConfidence::Stated), "{name}");
        assert!(o.verified_note.as_deref().is_some_and(|n| n.contains("welfareinazione.fondazionecariplo.it (2022)")), "{name}");
    }
}

fn calls() -> Vec<Call> {
    load_calls_dir(&data("calls")).unwrap_or_else(|p| panic!("{p:#?}"))
}

/// The lead rule rests on the foundation's general admissibility rules, still `assumed` (the call texts
/// do not restate it): universities may lead, unions and trade associations may not.
#[test]
fn the_lead_rule_has_its_source_and_stays_assumed() {
    for call in calls() {
        let lead = call.criterion("lead").unwrap_or_else(|| panic!("{}: no lead criterion", call.id));
        assert!(lead.source.iter().any(|s| s == AMMISSIBILITA), "{}", call.id);
        assert_eq!(lead.confidence, welfare_core::rules::verdict::Confidence::Assumed, "{}", call.id);
        let kinds = call.lead_member_kinds();
        assert!(kinds.contains(&MemberKind::University), "{}", call.id);
        for k in [MemberKind::Company, MemberKind::Union, MemberKind::TradeAssociation, MemberKind::Citizen] {
            assert!(!kinds.contains(&k), "{}: {k:?}", call.id);
        }
        assert!(call.documents.iter().any(|d| d.url == AMMISSIBILITA), "{}", call.id);
    }
}

/// Edition III's money rules: still assumed, the note naming both neighbours (II and IV).
#[test]
fn edition_three_money_rules_name_both_neighbours() {
    let calls = calls();
    let call = calls.iter().find(|c| c.id == "2016").unwrap_or_else(|| panic!("no 2016"));
    for id in ["min_cost", "max_grant"] {
        let c = call.criterion(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(c.confidence, welfare_core::rules::verdict::Confidence::Assumed, "{id}");
        let note = c.note.as_ref().map(|n| n.en.clone()).unwrap_or_default();
        assert!(note.contains("No 2016 source") && note.contains("edition II") && note.contains("edition IV"), "{id}: {note}");
        assert!(c.source.iter().any(|s| s.contains("assinews")) && c.source.iter().any(|s| s.contains("cooperativeitalia")), "{id}");
    }
}
