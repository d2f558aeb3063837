//! The catalog engine: everything that needs the catalog (reading it, the municipality search, the
//! search index, matching) behind one message interface, so that the web app can run it as a separate
//! wasm module, fetched with the catalog after the start page, instead of shipping it in its first load.
//!
//! The interface is bytes in, bytes out: a postcard-encoded [`Request`] gives a postcard-encoded
//! [`Response`]. `crates/engine` exports [`Engine::handle_bytes`] from a wasm module with no imports;
//! the app's debug build (and its tests) call the same function in process. Answers go in, display-ready
//! views come out ([`MatchesView`]): the app never holds the catalog itself.

use std::cell::OnceCell;

use serde::{Deserialize, Serialize};

use crate::catalog::Catalog;

use crate::catalog::compare::CompareView;
use crate::catalog::matching::{match_all, Gaps, Limits, Matches, PartnerRef, SearchIndex};
use crate::catalog::message::{self, Ask, Idea};
use crate::catalog::validate::validate_catalog;
use crate::codec::pack;
use crate::codec::qr::QrView;
use crate::model::{Answers, Member, MemberKind};
use crate::text::{Lang, Text};

/// The interface's version: the app refuses an engine module that answers with another one.
pub const VERSION: u32 = 1;

/// What the app asks the engine (built once per question, never stored: no need to box the answers).
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// The interface version this engine speaks ([`Response::Version`]).
    Version,
    /// Reads a packed catalog (`pack::encode_catalog`), replacing any before. `validate`: check
    /// every field (a host's update); without it the bytes are trusted (the build's own catalog,
    /// whose content hash the app has checked). `name` names the file in problems.
    Load { name: String, bytes: Vec<u8>, validate: bool },
    /// Builds the search index now (the visitor has started: the result will need it).
    Prepare,
    /// The name of a municipality, by ISTAT code.
    Municipality { istat: String },
    /// Municipalities whose name matches what the visitor typed, best first.
    SearchMunicipalities { query: String, limit: u32 },
    /// Funded projects and partners for these answers.
    /// With `message`, each card carries a first message to send (none on a kiosk).
    Match { answers: Answers, gaps: Gaps, limits: Limits, message: Option<message::Context> },
    /// The kiosk's QR code of the share link on `base` for these answers (needs no catalog).
    Qr { base: String, call_id: String, answers: Answers },
    /// Organisations of the directory and municipalities ("Comune di X") whose name matches what the
    /// visitor typed as a member's name (`Catalog::search_directory`), best first.
    SearchDirectory { query: String, limit: u32 },
    /// The idea beside the funded projects, figure by figure, as the result page's section in `lang`
    /// ([`CompareView::markup`]).
    Compare { answers: Answers, lang: Lang },
}

/// The engine's answer to a [`Request`], same order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Version(u32),
    /// The catalog is read (no problem) or refused (every problem, naming the file and field).
    Loaded(Vec<String>),
    Prepared,
    Municipality(Option<String>),
    Municipalities(Vec<MunicipalityHit>),
    Matches(MatchesView),
    Qr(QrView),
    Directory(Vec<DirectoryHit>),
    /// Markup to insert as it is (the comparison's section; empty: nothing to show).
    Markup(String),
    /// The request could not be read or needs a catalog that is not loaded.
    Failed(String),
}

/// One municipality found by the search.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MunicipalityHit {
    pub istat: String,
    pub name: String,
    pub province: String,
}

/// One organisation or municipality found by the directory search: what fills a member's fields.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectoryHit {
    pub name: String,
    pub kind: MemberKind,
    /// Its (first) province, if known.
    pub province: Option<String>,
    /// What the member keeps of it (`Member::directory`): the organisation's id, the ISTAT code.
    pub key: String,
}

/// A funded project that resembles the visitor's idea, with what the result page shows of it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProjectCard {
    pub id: String,
    pub name: String,
    pub edition_year: u16,
    pub provinces: Vec<String>,
    pub verified: bool,
    pub summary: Text,
    /// The first source, where the facts come from.
    pub source: Option<String>,
    /// Why it was suggested, highest contribution first.
    pub reasons: Vec<Text>,
    /// A first message to the project ([`crate::catalog::message`]), when the request asked for one.
    pub draft: Option<Text>,
}

/// A suggested partner (an organisation or a municipality).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PartnerCard {
    /// Its directory key (`Member::directory`): the organisation's id, the municipality's ISTAT code.
    pub key: String,
    pub name: String,
    pub kind: MemberKind,
    /// Where it works: its provinces (an organisation) or its province (a municipality).
    pub places: Vec<String>,
    pub verified: bool,
    pub source: Option<String>,
    pub reasons: Vec<Text>,
    /// A first message to it ([`crate::catalog::message`]), when the request asked for one.
    pub draft: Option<Text>,
}

impl PartnerCard {
    /// The member this suggestion becomes when the visitor adds it to the network: its name and kind,
    /// its province in the project's territory (`provinces`) if it has one there, else its first, and
    /// no letter of intent yet (`Some(false)`: the verdict says it is still to collect), keeping its
    /// directory key. The id is the reducer's to give.
    pub fn to_member(&self, provinces: &[String]) -> Member {
        let province = self.places.iter().find(|p| provinces.contains(p)).or(self.places.first()).cloned();
        // An entry the catalog no longer has comes without a key: then none, as a directory pick without one.
        let directory = (!self.key.is_empty()).then(|| self.key.clone());
        Member { id: 0, name: self.name.clone(), kind: Some(self.kind), province, letter_of_intent: Some(false), directory }
    }
}

/// The matches as the result page shows them: no index into a catalog, every fact resolved.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct MatchesView {
    pub projects: Vec<ProjectCard>,
    pub partners: Vec<PartnerCard>,
}

impl MatchesView {
    /// Resolves `matches` (indices into `catalog`) into cards; a match whose index is out of range
    /// is left out.
    pub fn new(catalog: &Catalog, matches: &Matches) -> MatchesView {
        let reasons = |r: &[crate::catalog::matching::Reason]| r.iter().map(|r| r.text.clone()).collect();
        let projects = matches
            .projects
            .iter()
            .filter_map(|m| {
                let p = catalog.projects.get(m.index as usize)?;
                Some(ProjectCard {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    edition_year: p.edition_year,
                    provinces: p.provinces.clone(),
                    verified: p.verified,
                    summary: p.summary.clone(),
                    source: p.sources.first().cloned(),
                    reasons: reasons(&m.reasons),
                    draft: None,
                })
            })
            .collect();
        let partners = matches
            .partners
            .iter()
            .map(|m| {
                let (key, places, source, verified) = match m.target {
                    PartnerRef::Organisation(i) => match catalog.organisations.get(i as usize) {
                        Some(o) => (o.id.clone(), o.provinces.clone(), o.sources.first().cloned(), o.verified),
                        None => (String::new(), Vec::new(), None, true),
                    },
                    PartnerRef::Municipality(i) => match catalog.municipalities.get(i as usize) {
                        Some(c) => (c.istat.clone(), vec![c.province.clone()], None, true),
                        None => (String::new(), Vec::new(), None, true),
                    },
                };
                PartnerCard { key, name: m.name.clone(), kind: m.kind, places, verified, source, reasons: reasons(&m.reasons), draft: None }
            })
            .collect();
        MatchesView { projects, partners }
    }

    /// Puts in each card a first message presenting `idea` ([`message::drafts`]).
    pub fn with_drafts(mut self, idea: &Idea) -> MatchesView {
        for p in &mut self.projects {
            p.draft = Some(message::drafts(idea, Ask::Project, &p.name, &p.reasons));
        }
        for p in &mut self.partners {
            p.draft = Some(message::drafts(idea, Ask::Partner, &p.name, &p.reasons));
        }
        self
    }
}

/// A catalog and its search index (built on first use), answering [`Request`]s.
#[derive(Default)]
pub struct Engine {
    catalog: Option<Catalog>,
    index: OnceCell<SearchIndex>,
}

impl Engine {
    pub fn new() -> Engine {
        Engine::default()
    }

    /// An engine over a catalog already read (the CLI, tests).
    pub fn with_catalog(catalog: Catalog) -> Engine {
        Engine { catalog: Some(catalog), index: OnceCell::new() }
    }

    fn loaded(&self) -> Result<(&Catalog, &SearchIndex), Response> {
        let catalog = self.catalog.as_ref().ok_or_else(|| Response::Failed("no catalog loaded".into()))?;
        Ok((catalog, self.index.get_or_init(|| SearchIndex::build(catalog))))
    }

    pub fn handle(&mut self, request: Request) -> Response {
        match request {
            Request::Version => Response::Version(VERSION),
            Request::Load { name, bytes, validate } => {
                let catalog = match pack::decode_catalog(&bytes) {
                    Ok(catalog) => catalog,
                    Err(e) => return Response::Loaded(vec![format!("{name}: {e}")]),
                };
                if validate {
                    let problems = validate_catalog(&catalog);
                    if !problems.is_empty() {
                        return Response::Loaded(problems.iter().map(|p| format!("{name}: {p}")).collect());
                    }
                }
                *self = Engine::with_catalog(catalog);
                Response::Loaded(Vec::new())
            }
            Request::Prepare => match self.loaded() {
                Ok(_) => Response::Prepared,
                Err(failed) => failed,
            },
            Request::Municipality { istat } => match &self.catalog {
                Some(c) => Response::Municipality(c.municipality(&istat).map(|m| m.name.clone())),
                None => Response::Failed("no catalog loaded".into()),
            },
            Request::SearchMunicipalities { query, limit } => match &self.catalog {
                Some(c) => Response::Municipalities(
                    c.search_municipalities(&query, limit as usize)
                        .into_iter()
                        .map(|m| MunicipalityHit { istat: m.istat.clone(), name: m.name.clone(), province: m.province.clone() })
                        .collect(),
                ),
                None => Response::Failed("no catalog loaded".into()),
            },
            Request::SearchDirectory { query, limit } => match &self.catalog {
                Some(c) => Response::Directory(
                    c.search_directory(&query, limit as usize)
                        .into_iter()
                        .map(|(name, kind, province, key)| DirectoryHit { name, kind, province, key })
                        .collect(),
                ),
                None => Response::Failed("no catalog loaded".into()),
            },
            Request::Match { answers, gaps, limits, message } => match self.loaded() {
                Ok((catalog, index)) => {
                    let view = MatchesView::new(catalog, &match_all(catalog, index, &answers, &gaps, limits));
                    Response::Matches(match message {
                        Some(context) => view.with_drafts(&Idea::of(&answers, &catalog.provinces, &context)),
                        None => view,
                    })
                }
                Err(failed) => failed,
            },
            Request::Qr { base, call_id, answers } => Response::Qr(crate::codec::qr::qr_link(&base, &call_id, &answers)),
            Request::Compare { answers, lang } => match &self.catalog {
                Some(c) => Response::Markup(CompareView::new(c, &answers).markup(lang)),
                None => Response::Failed("no catalog loaded".into()),
            },
        }
    }

    /// [`Engine::handle`] over the wire format: a request that cannot be read gets `Failed`.
    pub fn handle_bytes(&mut self, request: &[u8]) -> Vec<u8> {
        let response = match postcard::from_bytes::<Request>(request) {
            Ok(request) => self.handle(request),
            Err(e) => Response::Failed(format!("unreadable request: {e}")),
        };
        encode_response(&response)
    }
}

pub fn encode_request(request: &Request) -> Vec<u8> {
    postcard::to_allocvec(request).unwrap_or_default()
}

pub fn encode_response(response: &Response) -> Vec<u8> {
    postcard::to_allocvec(response).unwrap_or_default()
}

/// Reads the engine's answer; an unreadable one is `Failed`.
pub fn decode_response(bytes: &[u8]) -> Response {
    postcard::from_bytes(bytes).unwrap_or_else(|e| Response::Failed(format!("unreadable answer: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::import::{load_catalog, CatalogSources};
    use std::path::Path;

    fn packed() -> Vec<u8> {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/catalog");
        let sources = CatalogSources::read_dir(&dir, "data/catalog").unwrap();
        pack::encode_catalog(&load_catalog(&sources).unwrap().for_embedding())
    }

    fn ask(engine: &mut Engine, request: Request) -> Response {
        decode_response(&engine.handle_bytes(&encode_request(&request)))
    }

    #[test]
    fn answers_over_bytes_what_the_core_answers_directly() {
        let bytes = packed();
        let mut engine = Engine::new();
        assert_eq!(ask(&mut engine, Request::Version), Response::Version(VERSION));
        assert!(matches!(ask(&mut engine, Request::Prepare), Response::Failed(_)), "nothing loaded yet");
        let load = Request::Load { name: "catalog.bin".into(), bytes: bytes.clone(), validate: true };
        assert_eq!(ask(&mut engine, load), Response::Loaded(Vec::new()));
        assert_eq!(ask(&mut engine, Request::Prepare), Response::Prepared);

        let catalog = pack::decode_catalog(&bytes).unwrap();
        let lecco = catalog.municipalities.iter().find(|m| m.name == "Lecco").unwrap();
        assert_eq!(ask(&mut engine, Request::Municipality { istat: lecco.istat.clone() }), Response::Municipality(Some("Lecco".into())));
        assert_eq!(ask(&mut engine, Request::Municipality { istat: "000000".into() }), Response::Municipality(None));
        let Response::Municipalities(hits) = ask(&mut engine, Request::SearchMunicipalities { query: "lecc".into(), limit: 3 }) else {
            panic!("expected municipalities")
        };
        assert_eq!(hits.first().map(|h| (h.name.as_str(), h.province.as_str())), Some(("Lecco", "LC")));
        assert!(hits.len() <= 3);

        let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/admissible.toml");
        let answers = crate::source::answers::parse_answers_toml("admissible.toml", &std::fs::read_to_string(file).unwrap()).unwrap();
        let gaps = Gaps::basic(&answers);
        let index = SearchIndex::build(&catalog);
        let direct = MatchesView::new(&catalog, &match_all(&catalog, &index, &answers, &gaps, Limits::default()));
        assert!(!direct.projects.is_empty() && !direct.partners.is_empty());
        let Response::Matches(view) =
            ask(&mut engine, Request::Match { answers: answers.clone(), gaps: gaps.clone(), limits: Limits::default(), message: None })
        else {
            panic!("expected matches")
        };
        assert_eq!(view, direct);
        assert!(view.projects.iter().all(|p| p.draft.is_none()) && view.partners.iter().all(|p| p.draft.is_none()));
        // Asked for messages, every card carries one in both languages, naming it and the call, with
        // the territory's province names from the catalog.
        let context = crate::catalog::message::Context {
            call: Text::new("Welfare di Comunità", "Community Welfare"),
            deadline: crate::time::RomeDateTime::parse("2016-04-28T18:00").unwrap(),
        };
        let Response::Matches(drafted) =
            ask(&mut engine, Request::Match { answers, gaps, limits: Limits::default(), message: Some(context) })
        else {
            panic!("expected matches")
        };
        let cards = drafted.projects.iter().map(|p| (&p.name, &p.draft)).chain(drafted.partners.iter().map(|p| (&p.name, &p.draft)));
        for (name, draft) in cards {
            let draft = draft.as_ref().unwrap();
            assert!(draft.it.starts_with(&format!("Gentili {name},")) && draft.en.starts_with(&format!("Dear {name},")), "{draft:?}");
            assert!(
                draft.it.contains("«Welfare di Comunità»") && draft.en.contains("(28 April 2016, 18:00)")
                    || draft.en.contains("experience"),
                "{draft:?}"
            );
            assert!(draft.it.contains("Territorio: Lecco") && draft.en.contains("Where: Lecco"), "{draft:?}");
        }
        let first = &view.projects[0];
        let project = catalog.project(&first.id).unwrap();
        assert_eq!((first.name.as_str(), first.source.as_ref()), (project.name.as_str(), project.sources.first()));
        let answers = crate::source::answers::parse_answers_toml(
            "admissible.toml",
            &std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/examples/admissible.toml")).unwrap(),
        )
        .unwrap();
        for lang in [Lang::It, Lang::En] {
            let want = Response::Markup(CompareView::new(&catalog, &answers).markup(lang));
            assert_eq!(ask(&mut engine, Request::Compare { answers: answers.clone(), lang }), want);
        }
        assert!(matches!(Engine::new().handle(Request::Compare { answers, lang: Lang::It }), Response::Failed(_)));
    }

    #[test]
    fn the_directory_finds_organisations_and_municipalities_by_word_starts() {
        let mut engine = Engine::new();
        assert_eq!(
            ask(&mut engine, Request::Load { name: "c.bin".into(), bytes: packed(), validate: false }),
            Response::Loaded(Vec::new())
        );
        let search =
            |engine: &mut Engine, query: &str, limit: u32| match ask(engine, Request::SearchDirectory { query: query.into(), limit }) {
                Response::Directory(hits) => hits,
                other => panic!("expected the directory, got {other:?}"),
            };
        let lecco = search(&mut engine, "lecco", 8);
        assert_eq!(
            lecco.first(),
            Some(&DirectoryHit {
                name: "Comune di Lecco".into(),
                kind: MemberKind::Comune,
                province: Some("LC".into()),
                key: "097042".into()
            }),
            "{lecco:?}"
        );
        assert!(lecco.len() <= 8);
        // Case and accents do not matter; a word start anywhere in the name does, in order.
        assert_eq!(search(&mut engine, "CANTÙ", 3).first().map(|h| h.name.as_str()), Some("Comune di Cantù"));
        assert_eq!(search(&mut engine, "cantu", 3).first().map(|h| h.name.as_str()), Some("Comune di Cantù"));
        assert!(search(&mut engine, "di lec", 8).iter().any(|h| h.name == "Comune di Lecco"));
        assert!(search(&mut engine, "ecco", 50).iter().all(|h| h.name != "Comune di Lecco"), "not inside a word");
        let catalog = pack::decode_catalog(&packed()).unwrap();
        let org = catalog.organisations.iter().find(|o| o.name.split_whitespace().count() > 1).unwrap();
        let words: Vec<&str> = org.name.split_whitespace().collect();
        let query = format!("{} {}", &words[0][..words[0].len().min(3)].to_uppercase(), words[1]);
        let hits = search(&mut engine, &query, 100);
        assert!(
            hits.iter()
                .any(|h| h.name == org.name && h.kind == org.kind && h.province == org.provinces.first().cloned() && h.key == org.id),
            "{query}: {hits:?}"
        );
        // The limit holds, one hit a name, nothing for nothing.
        assert_eq!(search(&mut engine, "comune", 5).len(), 5);
        let many = search(&mut engine, "a", 500);
        let mut names: Vec<&str> = many.iter().map(|h| h.name.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), many.len());
        assert!(search(&mut engine, "  ", 5).is_empty() && search(&mut engine, "lecco", 0).is_empty());
    }

    #[test]
    fn a_suggested_partner_joins_with_its_province_in_the_territory_and_no_letter_yet() {
        let card = PartnerCard {
            key: "consorzio-esempio".into(),
            name: "Consorzio Esempio".into(),
            kind: MemberKind::CooperativeConsortium,
            places: vec!["MI".into(), "LC".into()],
            verified: true,
            source: None,
            reasons: Vec::new(),
            draft: None,
        };
        let member = card.to_member(&["LC".into(), "SO".into()]);
        assert_eq!(
            (member.name.as_str(), member.kind, member.province.as_deref()),
            ("Consorzio Esempio", Some(MemberKind::CooperativeConsortium), Some("LC"))
        );
        assert_eq!(member.letter_of_intent, Some(false));
        assert_eq!(member.directory.as_deref(), Some("consorzio-esempio"), "it keeps its directory key");
        assert_eq!(card.to_member(&["SO".into()]).province.as_deref(), Some("MI"), "none in the territory: the first");
        assert_eq!(PartnerCard { key: String::new(), ..card.clone() }.to_member(&[]).directory, None, "no key, none kept");
        assert_eq!(PartnerCard { places: Vec::new(), ..card }.to_member(&[]).province, None);
    }

    #[test]
    fn refuses_what_it_cannot_read_and_keeps_the_catalog_it_has() {
        let mut engine = Engine::new();
        let load = |bytes: &[u8], validate| Request::Load { name: "u.bin".into(), bytes: bytes.to_vec(), validate };
        let Response::Loaded(problems) = ask(&mut engine, load(b"<html>", false)) else { panic!() };
        assert!(problems.first().is_some_and(|p| p.starts_with("u.bin: ")), "{problems:?}");
        assert!(matches!(ask(&mut engine, Request::SearchMunicipalities { query: "lecco".into(), limit: 3 }), Response::Failed(_)));
        assert_eq!(ask(&mut engine, load(&packed(), false)), Response::Loaded(Vec::new()));
        // An invalid catalog (a project naming a province that does not exist) is refused when validated.
        let mut bad = pack::decode_catalog(&packed()).unwrap();
        bad.projects[0].provinces = vec!["XX".into()];
        let Response::Loaded(problems) = ask(&mut engine, load(&pack::encode_catalog(&bad), true)) else { panic!() };
        assert!(!problems.is_empty());
        assert!(
            matches!(ask(&mut engine, Request::SearchMunicipalities { query: "lecco".into(), limit: 3 }), Response::Municipalities(h) if !h.is_empty())
        );
        assert!(matches!(decode_response(&engine.handle_bytes(&[0xff, 0xff])), Response::Failed(_)));
        // Limits from outside are capped by what there is (found by the engine_request fuzz target:
        // `usize::MAX` partners asked for an allocation of that size).
        let huge = Limits { projects: usize::MAX, partners: usize::MAX, max_municipalities: usize::MAX, max_per_kind: usize::MAX };
        let Response::Matches(view) =
            ask(&mut engine, Request::Match { answers: Answers::default(), gaps: Gaps::default(), limits: huge, message: None })
        else {
            panic!("expected matches")
        };
        let catalog = pack::decode_catalog(&packed()).unwrap();
        assert!(view.projects.len() <= catalog.projects.len());
        assert!(view.partners.len() <= catalog.organisations.len() + catalog.municipalities.len());
        assert!(matches!(decode_response(b""), Response::Failed(_)));
    }
}
