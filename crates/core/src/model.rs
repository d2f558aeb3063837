//! The visitor's answers and the taxonomies they are made of.
//!
//! Every field may be unanswered: `None`, an empty list or an empty string means "not yet said",
//! and nothing in the core ever turns a missing answer into a verdict.
//!
//! These types travel in the share link (see `share`), so they use only plain structs,
//! externally tagged enums and `Option`s: no `flatten`, no `untagged`, no internal tags.

use serde::{Deserialize, Serialize};

use crate::text::Text;

/// A two-letter Italian province code ("sigla"), e.g. `MI`, `SO`, `NO`.
pub type ProvinceCode = String;
/// An ISTAT municipality code as in `comuni-territorio.csv`, six digits with leading zeros.
pub type IstatCode = String;

/// Which of the three families of the call a member belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// Ente pubblico.
    Public,
    /// Terzo settore, privato sociale: non-profit organisations.
    ThirdSector,
    /// Soggetti non convenzionali: companies, trade associations, universities, unions, insurers, citizens.
    NonConventional,
}

impl Sector {
    pub const ALL: [Sector; 3] = [Sector::Public, Sector::ThirdSector, Sector::NonConventional];

    pub fn label(self) -> Text {
        match self {
            Sector::Public => Text::new("Ente pubblico", "Public body"),
            Sector::ThirdSector => Text::new("Terzo settore (privato sociale)", "Third sector (non-profit)"),
            Sector::NonConventional => Text::new("Soggetto non convenzionale", "Non-conventional actor"),
        }
    }
}

/// The kind of a network member: a closed taxonomy in the words applicants use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberKind {
    // Public bodies
    Comune,
    /// Consorzio or azienda speciale of municipalities, consortium of social services.
    MunicipalConsortium,
    /// Ufficio di Piano / ambito territoriale.
    UfficioDiPiano,
    /// ATS, ASST, ASL.
    HealthAgency,
    School,
    /// Provincia, Camera di Commercio, Regione and other public bodies.
    OtherPublic,
    // Third sector
    SocialCooperative,
    CooperativeConsortium,
    /// APS, ODV and other associations, volunteer service centres (CSV).
    Association,
    Foundation,
    CommunityFoundation,
    /// Other non-profit organisations (ETS), parishes, social enterprises.
    OtherThirdSector,
    // Non-conventional actors
    Company,
    TradeAssociation,
    University,
    Union,
    Insurer,
    InformalGroup,
    Citizen,
}

impl MemberKind {
    pub const ALL: [MemberKind; 19] = [
        MemberKind::Comune,
        MemberKind::MunicipalConsortium,
        MemberKind::UfficioDiPiano,
        MemberKind::HealthAgency,
        MemberKind::School,
        MemberKind::OtherPublic,
        MemberKind::SocialCooperative,
        MemberKind::CooperativeConsortium,
        MemberKind::Association,
        MemberKind::Foundation,
        MemberKind::CommunityFoundation,
        MemberKind::OtherThirdSector,
        MemberKind::Company,
        MemberKind::TradeAssociation,
        MemberKind::University,
        MemberKind::Union,
        MemberKind::Insurer,
        MemberKind::InformalGroup,
        MemberKind::Citizen,
    ];

    pub fn sector(self) -> Sector {
        use MemberKind::*;
        match self {
            Comune | MunicipalConsortium | UfficioDiPiano | HealthAgency | School | OtherPublic => Sector::Public,
            SocialCooperative | CooperativeConsortium | Association | Foundation | CommunityFoundation | OtherThirdSector => {
                Sector::ThirdSector
            }
            Company | TradeAssociation | University | Union | Insurer | InformalGroup | Citizen => Sector::NonConventional,
        }
    }

    /// Whether this kind is a for-profit body or a private person (never an admissible lead by the
    /// foundation's general rule).
    pub fn is_for_profit_or_person(self) -> bool {
        matches!(self, MemberKind::Company | MemberKind::Insurer | MemberKind::InformalGroup | MemberKind::Citizen)
    }

    /// The stable identifier used in data files and share links (`snake_case`).
    pub fn id(self) -> &'static str {
        use MemberKind::*;
        match self {
            Comune => "comune",
            MunicipalConsortium => "municipal_consortium",
            UfficioDiPiano => "ufficio_di_piano",
            HealthAgency => "health_agency",
            School => "school",
            OtherPublic => "other_public",
            SocialCooperative => "social_cooperative",
            CooperativeConsortium => "cooperative_consortium",
            Association => "association",
            Foundation => "foundation",
            CommunityFoundation => "community_foundation",
            OtherThirdSector => "other_third_sector",
            Company => "company",
            TradeAssociation => "trade_association",
            University => "university",
            Union => "union",
            Insurer => "insurer",
            InformalGroup => "informal_group",
            Citizen => "citizen",
        }
    }

    pub fn from_id(id: &str) -> Option<MemberKind> {
        MemberKind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> Text {
        use MemberKind::*;
        match self {
            Comune => Text::new("Comune", "Municipality (Comune)"),
            MunicipalConsortium => Text::new("Consorzio o azienda speciale di Comuni", "Consortium or special company of municipalities"),
            UfficioDiPiano => Text::new("Ufficio di Piano / ambito territoriale", "District planning office (Ufficio di Piano)"),
            HealthAgency => Text::new("ATS, ASST o ASL", "Health agency (ATS, ASST, ASL)"),
            School => Text::new("Scuola", "School"),
            OtherPublic => {
                Text::new("Altro ente pubblico (Provincia, Camera di Commercio…)", "Other public body (province, chamber of commerce…)")
            }
            SocialCooperative => Text::new("Cooperativa sociale", "Social cooperative"),
            CooperativeConsortium => Text::new("Consorzio di cooperative", "Consortium of cooperatives"),
            Association => Text::new("Associazione (APS, ODV)", "Association (APS, ODV)"),
            Foundation => Text::new("Fondazione", "Foundation"),
            CommunityFoundation => Text::new("Fondazione di comunità", "Community foundation"),
            OtherThirdSector => Text::new("Altro ente del terzo settore", "Other third-sector body"),
            Company => Text::new("Impresa", "Company"),
            TradeAssociation => Text::new("Associazione di categoria", "Trade association"),
            University => Text::new("Università o centro di ricerca", "University or research centre"),
            Union => Text::new("Sindacato", "Trade union"),
            Insurer => Text::new("Assicurazione", "Insurer"),
            InformalGroup => Text::new("Gruppo informale di cittadini", "Informal group of citizens"),
            Citizen => Text::new("Cittadino o cittadina", "Private citizen"),
        }
    }

    /// A plain-words explanation shown next to the choice.
    pub fn hint(self) -> Text {
        use MemberKind::*;
        match self {
            Comune => Text::new("L'amministrazione comunale.", "The local authority."),
            MunicipalConsortium => Text::new(
                "Più Comuni che gestiscono insieme i servizi sociali.",
                "Several municipalities running social services together.",
            ),
            UfficioDiPiano => Text::new(
                "L'ufficio che gestisce il Piano di Zona di un gruppo di Comuni.",
                "The office that runs the social plan of a group of municipalities.",
            ),
            HealthAgency => Text::new("Le agenzie sanitarie e sociosanitarie.", "Health and social-care agencies."),
            School => Text::new("Istituti scolastici pubblici.", "Public schools."),
            OtherPublic => Text::new("Ogni altro ente pubblico.", "Any other public body."),
            SocialCooperative => {
                Text::new("Di tipo A (servizi) o B (inserimento lavorativo).", "Type A (services) or B (work integration).")
            }
            CooperativeConsortium => Text::new("Per esempio Consolida, Sol.Co.", "For example Consolida, Sol.Co."),
            Association => {
                Text::new("Associazioni di promozione sociale e di volontariato.", "Social-promotion and volunteer associations.")
            }
            Foundation => Text::new("Fondazioni senza scopo di lucro.", "Non-profit foundations."),
            CommunityFoundation => {
                Text::new("Raccolgono e gestiscono fondi della comunità locale.", "They raise and hold funds of the local community.")
            }
            OtherThirdSector => Text::new("Parrocchie, imprese sociali, altri ETS.", "Parishes, social enterprises, other non-profits."),
            Company => Text::new("Aziende e imprese profit.", "For-profit businesses."),
            TradeAssociation => Text::new("Confcommercio, Confartigianato, Coldiretti…", "Chambers of trades, employers' bodies…"),
            University => Text::new("Atenei, dipartimenti, centri di ricerca.", "Universities, departments, research centres."),
            Union => Text::new("CGIL, CISL, UIL e altri.", "Workers' unions."),
            Insurer => Text::new("Compagnie e mutue assicurative.", "Insurance companies and mutuals."),
            InformalGroup => Text::new("Cittadini attivi senza forma giuridica.", "Active citizens without a legal form."),
            Citizen => Text::new("Una persona che partecipa a titolo personale.", "A person taking part on their own behalf."),
        }
    }
}

/// Social needs the call's funded projects addressed (taxonomy from the brief).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Need {
    /// Vulnerabilità e nuove povertà, impoverimento, "zona grigia".
    Poverty,
    /// Lavoro e occupabilità di adulti.
    Employment,
    /// Giovani: occupazione, NEET, transizione all'età adulta, partecipazione.
    Youth,
    /// Casa e abitare, anche per i giovani.
    Housing,
    /// Famiglie con figli, genitorialità, conciliazione famiglia-lavoro.
    Families,
    /// Anziani, domiciliarità, caregiver.
    Elderly,
    /// Disabilità e progetto di vita indipendente.
    Disability,
    /// Salute mentale, budget di salute.
    MentalHealth,
    /// Giustizia riparativa, legalità, devianza minorile.
    Justice,
    /// Welfare aziendale legato al welfare territoriale.
    CompanyWelfare,
    /// Migranti e richiedenti asilo, accoglienza diffusa.
    Migrants,
    /// Isolamento, legami di comunità, coesione nei quartieri.
    SocialTies,
}

impl Need {
    pub const ALL: [Need; 12] = [
        Need::Poverty,
        Need::Employment,
        Need::Youth,
        Need::Housing,
        Need::Families,
        Need::Elderly,
        Need::Disability,
        Need::MentalHealth,
        Need::Justice,
        Need::CompanyWelfare,
        Need::Migrants,
        Need::SocialTies,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Need::Poverty => "poverty",
            Need::Employment => "employment",
            Need::Youth => "youth",
            Need::Housing => "housing",
            Need::Families => "families",
            Need::Elderly => "elderly",
            Need::Disability => "disability",
            Need::MentalHealth => "mental_health",
            Need::Justice => "justice",
            Need::CompanyWelfare => "company_welfare",
            Need::Migrants => "migrants",
            Need::SocialTies => "social_ties",
        }
    }

    pub fn from_id(id: &str) -> Option<Need> {
        Need::ALL.into_iter().find(|n| n.id() == id)
    }

    pub fn label(self) -> Text {
        match self {
            Need::Poverty => Text::new("Vulnerabilità e nuove povertà", "Vulnerability and new poverty"),
            Need::Employment => Text::new("Lavoro e occupabilità", "Work and employability"),
            Need::Youth => Text::new("Giovani (lavoro, NEET, autonomia)", "Young people (work, NEET, autonomy)"),
            Need::Housing => Text::new("Casa e abitare", "Housing"),
            Need::Families => {
                Text::new("Famiglie con figli, genitorialità, conciliazione", "Families with children, parenting, work-family balance")
            }
            Need::Elderly => Text::new("Anziani, domiciliarità e caregiver", "Elderly people, home care and carers"),
            Need::Disability => Text::new("Disabilità e vita indipendente", "Disability and independent living"),
            Need::MentalHealth => Text::new("Salute mentale", "Mental health"),
            Need::Justice => {
                Text::new("Giustizia riparativa, legalità, devianza minorile", "Restorative justice, legality, juvenile deviance")
            }
            Need::CompanyWelfare => Text::new("Welfare aziendale e territoriale", "Company welfare linked to local welfare"),
            Need::Migrants => Text::new("Migranti e accoglienza diffusa", "Migrants and dispersed reception"),
            Need::SocialTies => Text::new("Isolamento e legami di comunità", "Isolation and community ties"),
        }
    }
}

/// The people a project serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Beneficiary {
    Families,
    Children,
    YoungPeople,
    Elderly,
    Carers,
    PeopleWithDisability,
    UnemployedAdults,
    VulnerableHouseholds,
    Migrants,
    PeopleWithMentalIllness,
    Offenders,
    Workers,
    WholeCommunity,
}

impl Beneficiary {
    pub const ALL: [Beneficiary; 13] = [
        Beneficiary::Families,
        Beneficiary::Children,
        Beneficiary::YoungPeople,
        Beneficiary::Elderly,
        Beneficiary::Carers,
        Beneficiary::PeopleWithDisability,
        Beneficiary::UnemployedAdults,
        Beneficiary::VulnerableHouseholds,
        Beneficiary::Migrants,
        Beneficiary::PeopleWithMentalIllness,
        Beneficiary::Offenders,
        Beneficiary::Workers,
        Beneficiary::WholeCommunity,
    ];

    pub fn label(self) -> Text {
        use Beneficiary::*;
        match self {
            Families => Text::new("Famiglie", "Families"),
            Children => Text::new("Bambini e ragazzi", "Children and teenagers"),
            YoungPeople => Text::new("Giovani", "Young people"),
            Elderly => Text::new("Anziani", "Elderly people"),
            Carers => Text::new("Caregiver familiari", "Family carers"),
            PeopleWithDisability => Text::new("Persone con disabilità", "People with disabilities"),
            UnemployedAdults => Text::new("Adulti senza lavoro", "Unemployed adults"),
            VulnerableHouseholds => Text::new("Nuclei in difficoltà economica", "Households in financial difficulty"),
            Migrants => Text::new("Migranti e richiedenti asilo", "Migrants and asylum seekers"),
            PeopleWithMentalIllness => Text::new("Persone con disagio psichico", "People with mental illness"),
            Offenders => Text::new("Autori e vittime di reato", "Offenders and victims of crime"),
            Workers => Text::new("Lavoratori e lavoratrici", "Workers"),
            WholeCommunity => Text::new("Tutta la comunità", "The whole community"),
        }
    }
}

/// Where the co-financing (the network's share of the cost) comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CofinancingSource {
    OwnResources,
    PublicFunds,
    Donations,
    CommunityFundraising,
    Companies,
    OtherFoundations,
}

impl CofinancingSource {
    pub const ALL: [CofinancingSource; 6] = [
        CofinancingSource::OwnResources,
        CofinancingSource::PublicFunds,
        CofinancingSource::Donations,
        CofinancingSource::CommunityFundraising,
        CofinancingSource::Companies,
        CofinancingSource::OtherFoundations,
    ];

    pub fn label(self) -> Text {
        use CofinancingSource::*;
        match self {
            OwnResources => Text::new("Risorse proprie dei partner", "Partners' own resources"),
            PublicFunds => Text::new("Fondi pubblici", "Public funds"),
            Donations => Text::new("Donazioni", "Donations"),
            CommunityFundraising => Text::new("Raccolta fondi di comunità", "Community fundraising"),
            Companies => Text::new("Contributi di imprese", "Contributions from companies"),
            OtherFoundations => Text::new("Altre fondazioni", "Other foundations"),
        }
    }
}

/// One organisation (or person) in the visitor's network.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Member {
    /// Stable within one set of answers; the lead refers to it.
    pub id: u32,
    pub name: String,
    pub kind: Option<MemberKind>,
    /// Province where the member is based (any Italian province code).
    pub province: Option<ProvinceCode>,
    /// Whether the member has signed a letter of intent (lettera d'intenti).
    pub letter_of_intent: Option<bool>,
    /// The directory entry it was picked from, if any: an organisation's `id` or a municipality's
    /// ISTAT code (`catalog::Catalog::directory_position`). Typing another name drops it. Matching
    /// knows the member by it, whatever the name says; answers files may leave it out.
    #[serde(default)]
    pub directory: Option<String>,
}

/// Where the project takes place.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Territory {
    /// Province codes (any Italian province; outside the call's territory is a valid answer).
    pub provinces: Vec<ProvinceCode>,
    /// ISTAT codes of municipalities within the call's territory.
    pub municipalities: Vec<IstatCode>,
}

/// Money, in whole euros.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Money {
    pub total_cost: Option<u64>,
    pub requested_grant: Option<u64>,
    pub cofinancing: Vec<CofinancingSource>,
}

/// Everything the visitor says. `Answers::default()` is a visitor who has said nothing yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Answers {
    pub territory: Territory,
    pub members: Vec<Member>,
    /// The `id` of the member who leads (capofila).
    pub lead: Option<u32>,
    pub needs: Vec<Need>,
    pub beneficiaries: Vec<Beneficiary>,
    pub description: String,
    pub money: Money,
    /// Merit self-assessment: (question id from the call file, answer 0..=3), in question order.
    pub merit: Vec<(String, u8)>,
}

/// Bounds on what a set of answers may hold: the one set of limits that the UI (the inputs'
/// `maxlength`, the member cap), the reducer and the share codec (`share`: decoded answers are clamped
/// to them, and `share::MAX_LINK_LEN` is the longest code answers within them can make) all use, so
/// answers the UI accepts survive a reload or a share link unchanged. Texts count characters (Unicode
/// scalar values); an HTML `maxlength` of the same number counts UTF-16 units, never fewer.
pub struct Limits;

impl Limits {
    /// Members of the network.
    pub const MEMBERS: usize = 100;
    /// Characters of a member's name.
    pub const NAME: usize = 200;
    /// Characters of the idea's description.
    pub const DESCRIPTION: usize = 4000;
    /// Items of any other list: provinces, municipalities, needs, beneficiaries, co-financing
    /// sources, merit answers.
    pub const LIST: usize = 200;
    /// Characters of a province or ISTAT code.
    pub const CODE: usize = 8;
    /// Characters of a merit question's id.
    pub const QUESTION_ID: usize = 64;
    /// Characters of a call edition's id (ASCII letters and digits).
    pub const CALL_ID: usize = 16;
    /// Characters of a member's directory key (an organisation's id, an ISTAT code): the catalog's
    /// validation refuses longer organisation ids, and a longer key from outside is dropped.
    pub const DIRECTORY_KEY: usize = 64;
}

/// Cuts `text` to at most `max` characters.
pub fn clamp_chars(text: &mut String, max: usize) {
    if let Some((at, _)) = text.char_indices().nth(max) {
        text.truncate(at);
    }
}

impl Answers {
    /// The same answers within `Limits`: longer texts cut, longer lists shortened, merit answers
    /// kept in 0..=3.
    pub fn clamped(mut self) -> Answers {
        self.members.truncate(Limits::MEMBERS);
        for m in &mut self.members {
            clamp_chars(&mut m.name, Limits::NAME);
            if let Some(p) = &mut m.province {
                clamp_chars(p, Limits::CODE);
            }
            if m.directory.as_ref().is_some_and(|key| key.chars().count() > Limits::DIRECTORY_KEY) {
                m.directory = None;
            }
        }
        clamp_chars(&mut self.description, Limits::DESCRIPTION);
        self.territory.provinces.truncate(Limits::LIST);
        self.territory.municipalities.truncate(Limits::LIST);
        for code in self.territory.provinces.iter_mut().chain(self.territory.municipalities.iter_mut()) {
            clamp_chars(code, Limits::CODE);
        }
        self.needs.truncate(Limits::LIST);
        self.beneficiaries.truncate(Limits::LIST);
        self.money.cofinancing.truncate(Limits::LIST);
        self.merit.truncate(Limits::LIST);
        for (q, a) in &mut self.merit {
            clamp_chars(q, Limits::QUESTION_ID);
            *a = (*a).min(3);
        }
        if self.lead.is_some_and(|id| !self.members.iter().any(|m| m.id == id)) {
            self.lead = None;
        }
        self
    }

    pub fn lead_member(&self) -> Option<&Member> {
        let lead = self.lead?;
        self.members.iter().find(|m| m.id == lead)
    }

    pub fn merit_answer(&self, question: &str) -> Option<u8> {
        self.merit.iter().find(|(q, _)| q == question).map(|(_, a)| *a)
    }

    /// The same answers with the members numbered 1..n in their order, the lead following its member
    /// (the first member with the lead's id, if several share it). Answers from outside (a share
    /// link, storage) may carry any ids, repeated or at `u32::MAX`; numbered, every member has an id
    /// of its own and [`Answers::next_member_id`] never runs out.
    pub fn renumbered(mut self) -> Answers {
        let lead_at = self.lead.and_then(|id| self.members.iter().position(|m| m.id == id));
        for (id, m) in (1..).zip(self.members.iter_mut()) {
            m.id = id;
        }
        self.lead = lead_at.and_then(|at| self.members.get(at)).map(|m| m.id);
        self
    }

    /// Whether another member fits within [`Limits::MEMBERS`].
    pub fn can_add_member(&self) -> bool {
        self.members.len() < Limits::MEMBERS
    }

    /// An id no member has: one more than the highest (1 for the first), or if that overflows, the
    /// smallest free one.
    pub fn next_member_id(&self) -> u32 {
        let taken = |id: &u32| self.members.iter().any(|m| m.id == *id);
        match self.members.iter().map(|m| m.id).max() {
            None => 1,
            Some(max) => max.checked_add(1).or_else(|| (1..).find(|id| !taken(id))).unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_taxonomy_label_and_hint_exists_in_both_languages() {
        let mut texts: Vec<(String, Text)> = Vec::new();
        texts.extend(Sector::ALL.iter().map(|s| (format!("{s:?}"), s.label())));
        for k in MemberKind::ALL {
            texts.push((format!("{k:?} label"), k.label()));
            texts.push((format!("{k:?} hint"), k.hint()));
        }
        texts.extend(Need::ALL.iter().map(|n| (format!("{n:?}"), n.label())));
        texts.extend(Beneficiary::ALL.iter().map(|b| (format!("{b:?}"), b.label())));
        texts.extend(CofinancingSource::ALL.iter().map(|c| (format!("{c:?}"), c.label())));
        let missing: Vec<&String> = texts.iter().filter(|(_, t)| !t.is_complete()).map(|(k, _)| k).collect();
        assert!(missing.is_empty(), "missing a language: {missing:?}");
        // Proper names may read the same in both languages; prose may not.
        let untranslated: Vec<&String> =
            texts.iter().filter(|(_, t)| t.it == t.en && t.it.split_whitespace().count() > 2).map(|(k, _)| k).collect();
        assert!(untranslated.is_empty(), "English copies the Italian: {untranslated:?}");
    }

    #[test]
    fn ids_round_trip_and_every_kind_has_a_sector() {
        for k in MemberKind::ALL {
            assert_eq!(MemberKind::from_id(k.id()), Some(k));
            assert!(Sector::ALL.contains(&k.sector()));
        }
        for n in Need::ALL {
            assert_eq!(Need::from_id(n.id()), Some(n));
        }
        assert_eq!(MemberKind::from_id("coop"), None);
    }
}
