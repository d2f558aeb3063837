//! The call as data: one edition of "Welfare di Comunità e Innovazione Sociale", read from an editable
//! TOML file (`data/calls/*.toml`), with its criteria written in a small closed vocabulary of rules.
//!
//! The types round-trip through TOML and JSON (the CLI) and through the packed form the web app embeds
//! (`pack`): in that form a rule is externally tagged, in the text forms it carries its `kind`. Member kinds are
//! kept as their string ids (`"comune"`, `"social_cooperative"`) so that `validate` can report every
//! unknown id at once, with its field path, instead of stopping at the first.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{MemberKind, ProvinceCode, Sector};
use crate::problem::Problem;
use crate::rules::verdict::Confidence;
use crate::text::{is_url, Text};
use crate::time::RomeDateTime;

/// The 107 Italian provinces: (two-letter code, ISTAT province code).
pub const ITALIAN_PROVINCES: [(&str, &str); 107] = [
    ("TO", "001"),
    ("VC", "002"),
    ("NO", "003"),
    ("CN", "004"),
    ("AT", "005"),
    ("AL", "006"),
    ("AO", "007"),
    ("IM", "008"),
    ("SV", "009"),
    ("GE", "010"),
    ("SP", "011"),
    ("VA", "012"),
    ("CO", "013"),
    ("SO", "014"),
    ("MI", "015"),
    ("BG", "016"),
    ("BS", "017"),
    ("PV", "018"),
    ("CR", "019"),
    ("MN", "020"),
    ("BZ", "021"),
    ("TN", "022"),
    ("VR", "023"),
    ("VI", "024"),
    ("BL", "025"),
    ("TV", "026"),
    ("VE", "027"),
    ("PD", "028"),
    ("RO", "029"),
    ("UD", "030"),
    ("GO", "031"),
    ("TS", "032"),
    ("PC", "033"),
    ("PR", "034"),
    ("RE", "035"),
    ("MO", "036"),
    ("BO", "037"),
    ("FE", "038"),
    ("RA", "039"),
    ("FC", "040"),
    ("PU", "041"),
    ("AN", "042"),
    ("MC", "043"),
    ("AP", "044"),
    ("MS", "045"),
    ("LU", "046"),
    ("PT", "047"),
    ("FI", "048"),
    ("LI", "049"),
    ("PI", "050"),
    ("AR", "051"),
    ("SI", "052"),
    ("GR", "053"),
    ("PG", "054"),
    ("TR", "055"),
    ("VT", "056"),
    ("RI", "057"),
    ("RM", "058"),
    ("LT", "059"),
    ("FR", "060"),
    ("CE", "061"),
    ("BN", "062"),
    ("NA", "063"),
    ("AV", "064"),
    ("SA", "065"),
    ("AQ", "066"),
    ("TE", "067"),
    ("PE", "068"),
    ("CH", "069"),
    ("CB", "070"),
    ("FG", "071"),
    ("BA", "072"),
    ("TA", "073"),
    ("BR", "074"),
    ("LE", "075"),
    ("PZ", "076"),
    ("MT", "077"),
    ("CS", "078"),
    ("CZ", "079"),
    ("RC", "080"),
    ("TP", "081"),
    ("PA", "082"),
    ("ME", "083"),
    ("AG", "084"),
    ("CL", "085"),
    ("EN", "086"),
    ("CT", "087"),
    ("RG", "088"),
    ("SR", "089"),
    ("SS", "090"),
    ("NU", "091"),
    ("CA", "092"),
    ("PN", "093"),
    ("IS", "094"),
    ("OR", "095"),
    ("BI", "096"),
    ("LC", "097"),
    ("LO", "098"),
    ("RN", "099"),
    ("PO", "100"),
    ("KR", "101"),
    ("VV", "102"),
    ("VB", "103"),
    ("MB", "108"),
    ("FM", "109"),
    ("BT", "110"),
    ("SU", "111"),
];

pub fn is_italian_province(code: &str) -> bool {
    ITALIAN_PROVINCES.iter().any(|(c, _)| *c == code)
}

/// The province (two-letter code) of a municipality's six-digit ISTAT code: its first three digits.
pub fn province_of_municipality(istat: &str) -> Option<&'static str> {
    let prefix = istat.get(0..3)?;
    if istat.len() != 6 || !istat.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    ITALIAN_PROVINCES.iter().find(|(_, p)| *p == prefix).map(|(c, _)| *c)
}

/// One edition of the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Call {
    /// "2016", "2017": the key used by the UI, the CLI and the case files.
    pub id: String,
    /// "III edizione (2016)" / "Edition III (2016)".
    pub edition: Text,
    pub name: Text,
    /// Budget of the edition, in euros.
    pub amount_available_eur: u64,
    /// When ideas are first accepted (Rome time); `None` when the sources do not say.
    #[serde(default)]
    pub opening: Option<RomeDateTime>,
    /// Last minute ideas are accepted (Rome time).
    pub deadline: RomeDateTime,
    /// Province codes where projects may take place.
    pub territory: Vec<ProvinceCode>,
    /// Member kinds (ids as in `MemberKind::id`) admissible as lead applicant.
    pub lead_kinds: Vec<String>,
    pub criteria: Vec<Criterion>,
    #[serde(default)]
    pub merit: Vec<MeritDimension>,
    #[serde(default)]
    pub documents: Vec<Link>,
}

/// One rule of the call, gating (admissibility) or merit (what makes an idea stronger).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub name: Text,
    /// `true`: a proposal failing it is not admissible. `false`: merit only.
    pub gating: bool,
    #[cfg_attr(feature = "source", serde(with = "tagged_rule"))]
    pub rule: Rule,
    /// Public sources the rule rests on (URLs).
    pub source: Vec<String>,
    pub confidence: Confidence,
    /// Why the rule is assumed, or anything staff should know. Required when `confidence = "assumed"`.
    #[serde(default)]
    pub note: Option<Text>,
}

/// The closed vocabulary of rules the engine knows how to check and explain. Written in the call
/// files as `rule = { kind = "min_total_cost", eur = 1_500_000 }` (see `tagged_rule`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    /// Every province and municipality of the project lies within the call's `territory`.
    TerritoryWithin,
    /// At least `count` members of each listed sector.
    MinMembersOfSectors { sectors: Vec<Sector>, count: u32 },
    /// At least `count` members whose kind is one of `kinds` (ids).
    MinMembersOfKinds { kinds: Vec<String>, count: u32 },
    /// The lead's kind is one of the call's `lead_kinds`.
    LeadKindAdmissible,
    /// Total project cost at least `eur`.
    MinTotalCost { eur: u64 },
    /// Requested grant at most `eur` and at most `max_share_percent` % of the total cost.
    MaxGrant { eur: u64, max_share_percent: u32 },
    /// Every member has signed a letter of intent.
    LettersOfIntent,
    /// The idea is submitted no later than the call's `deadline`.
    BeforeDeadline,
    /// Merit: at least `min` non-conventional actors (companies, trade associations, universities…).
    NonConventionalActors { min: u32 },
    /// Merit: the network works at the scale of an ambito: an Ufficio di Piano or a consortium of
    /// municipalities, or at least `min_comuni` Comuni as members, or at least `min_municipalities`
    /// municipalities in the project's territory.
    AmbitoScale { min_comuni: u32, min_municipalities: u32 },
}

impl Rule {
    /// The `kind` tag as written in the files.
    pub fn kind(&self) -> &'static str {
        match self {
            Rule::TerritoryWithin => "territory_within",
            Rule::MinMembersOfSectors { .. } => "min_members_of_sectors",
            Rule::MinMembersOfKinds { .. } => "min_members_of_kinds",
            Rule::LeadKindAdmissible => "lead_kind_admissible",
            Rule::MinTotalCost { .. } => "min_total_cost",
            Rule::MaxGrant { .. } => "max_grant",
            Rule::LettersOfIntent => "letters_of_intent",
            Rule::BeforeDeadline => "before_deadline",
            Rule::NonConventionalActors { .. } => "non_conventional_actors",
            Rule::AmbitoScale { .. } => "ambito_scale",
        }
    }
}

/// A merit dimension assessed by the visitor (#Comunità, #Innovazione, #Partnership, #Risorse).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeritDimension {
    pub id: String,
    pub name: Text,
    pub description: Text,
    /// Shown when the score is low.
    pub advice: Text,
    /// Member kinds (ids) whose presence would strengthen this dimension: the matching proposes them.
    #[serde(default)]
    pub boost_kinds: Vec<String>,
    pub questions: Vec<MeritQuestion>,
}

/// A self-assessment question, answered 0..=3 (the index of one of four options).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MeritQuestion {
    /// Unique in the whole call: `Answers.merit` refers to it.
    pub id: String,
    pub text: Text,
    /// Exactly four options, from weakest (0) to strongest (3).
    pub options: Vec<Text>,
}

/// An official document or page about the call.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Link {
    pub url: String,
    pub label: Text,
}

impl Call {
    pub fn criterion(&self, id: &str) -> Option<&Criterion> {
        self.criteria.iter().find(|c| c.id == id)
    }

    /// The admissible lead kinds, unknown ids skipped (`validate` reports them).
    pub fn lead_member_kinds(&self) -> Vec<MemberKind> {
        kinds_of(&self.lead_kinds)
    }

    pub fn in_territory(&self, province: &str) -> bool {
        self.territory.iter().any(|p| p == province)
    }
}

/// Member kinds from ids, unknown ids skipped.
pub fn kinds_of(ids: &[String]) -> Vec<MemberKind> {
    ids.iter().filter_map(|id| MemberKind::from_id(id)).collect()
}

struct Checker<'a> {
    file: &'a str,
    problems: Vec<Problem>,
}

impl Checker<'_> {
    fn add(&mut self, path: impl Into<String>, message: impl Into<String>) {
        self.problems.push(Problem::new(self.file, path, message));
    }

    fn text(&mut self, path: &str, text: &Text) {
        if text.it.trim().is_empty() {
            self.add(format!("{path}.it"), "the Italian text is missing");
        }
        if text.en.trim().is_empty() {
            self.add(format!("{path}.en"), "the English text is missing");
        }
    }

    fn kinds(&mut self, path: &str, kinds: &[String]) {
        for (i, k) in kinds.iter().enumerate() {
            if MemberKind::from_id(k).is_none() {
                let known: Vec<&str> = MemberKind::ALL.iter().map(|k| k.id()).collect();
                self.add(format!("{path}[{i}]"), format!("unknown member kind `{k}`; known kinds: {}", known.join(", ")));
            }
        }
    }

    fn id(&mut self, path: &str, id: &str, seen: &mut HashSet<String>, what: &str) {
        if id.trim().is_empty() {
            self.add(path, format!("the {what} id is empty"));
        } else if !seen.insert(id.to_string()) {
            self.add(path, format!("duplicate {what} id `{id}`"));
        }
    }
}

/// Every problem in a call, each naming `file` and the field path. Empty when the call is sound.
/// Usable on a call deserialized from JSON as well as from TOML.
pub fn validate(call: &Call, file: &str) -> Vec<Problem> {
    let mut c = Checker { file, problems: Vec::new() };
    if call.id.trim().is_empty() {
        c.add("id", "the call id is empty");
    }
    c.text("edition", &call.edition);
    c.text("name", &call.name);
    if call.amount_available_eur == 0 {
        c.add("amount_available_eur", "the amount available must be more than 0");
    }
    if let Some(opening) = call.opening {
        if opening >= call.deadline {
            c.add("deadline", format!("the deadline {} is not after the opening {}", call.deadline, opening));
        }
    }
    if call.territory.is_empty() {
        c.add("territory", "the territory lists no province");
    }
    let mut seen = HashSet::new();
    for (i, p) in call.territory.iter().enumerate() {
        if !is_italian_province(p) {
            c.add(format!("territory[{i}]"), format!("unknown province code `{p}` (use the two-letter sigla, e.g. MI)"));
        } else if !seen.insert(p.clone()) {
            c.add(format!("territory[{i}]"), format!("province `{p}` is listed twice"));
        }
    }
    if call.lead_kinds.is_empty() {
        c.add("lead_kinds", "no member kind is admissible as lead");
    }
    c.kinds("lead_kinds", &call.lead_kinds);

    if call.criteria.is_empty() {
        c.add("criteria", "the call has no criteria");
    }
    let mut ids = HashSet::new();
    for (i, cr) in call.criteria.iter().enumerate() {
        let at = format!("criteria[{i}]");
        c.id(&format!("{at}.id"), &cr.id, &mut ids, "criterion");
        c.text(&format!("{at}.name"), &cr.name);
        if cr.source.is_empty() {
            c.add(format!("{at}.source"), "every criterion needs at least one source URL");
        }
        for (j, s) in cr.source.iter().enumerate() {
            if !is_url(s) {
                c.add(format!("{at}.source[{j}]"), format!("`{s}` is not an http(s) URL"));
            }
        }
        match (&cr.note, cr.confidence) {
            (Some(note), _) => c.text(&format!("{at}.note"), note),
            (None, Confidence::Assumed) => c.add(format!("{at}.note"), "an assumed rule needs a note saying why it is assumed"),
            (None, Confidence::Confirmed) => {}
        }
        let rule = format!("{at}.rule");
        match &cr.rule {
            Rule::MinMembersOfSectors { sectors, count } => {
                if sectors.is_empty() {
                    c.add(format!("{rule}.sectors"), "no sector listed");
                }
                if *count == 0 {
                    c.add(format!("{rule}.count"), "count must be at least 1");
                }
            }
            Rule::MinMembersOfKinds { kinds, count } => {
                if kinds.is_empty() {
                    c.add(format!("{rule}.kinds"), "no member kind listed");
                }
                c.kinds(&format!("{rule}.kinds"), kinds);
                if *count == 0 {
                    c.add(format!("{rule}.count"), "count must be at least 1");
                }
            }
            Rule::MinTotalCost { eur } => {
                if *eur == 0 {
                    c.add(format!("{rule}.eur"), "the minimum cost must be more than 0");
                }
            }
            Rule::MaxGrant { eur, max_share_percent } => {
                if *eur == 0 {
                    c.add(format!("{rule}.eur"), "the maximum grant must be more than 0");
                }
                if *max_share_percent == 0 || *max_share_percent > 100 {
                    c.add(format!("{rule}.max_share_percent"), format!("{max_share_percent} is not a percentage between 1 and 100"));
                }
            }
            Rule::NonConventionalActors { min } => {
                if *min == 0 {
                    c.add(format!("{rule}.min"), "min must be at least 1");
                }
            }
            Rule::AmbitoScale { min_comuni, min_municipalities } => {
                if *min_comuni == 0 {
                    c.add(format!("{rule}.min_comuni"), "min_comuni must be at least 1");
                }
                if *min_municipalities == 0 {
                    c.add(format!("{rule}.min_municipalities"), "min_municipalities must be at least 1");
                }
            }
            Rule::TerritoryWithin | Rule::LeadKindAdmissible | Rule::LettersOfIntent | Rule::BeforeDeadline => {}
        }
    }

    let mut dims = HashSet::new();
    let mut questions = HashSet::new();
    for (i, d) in call.merit.iter().enumerate() {
        let at = format!("merit[{i}]");
        c.id(&format!("{at}.id"), &d.id, &mut dims, "merit dimension");
        if ids.contains(&d.id) {
            c.add(format!("{at}.id"), format!("merit dimension `{}` has the id of a criterion", d.id));
        }
        c.text(&format!("{at}.name"), &d.name);
        c.text(&format!("{at}.description"), &d.description);
        c.text(&format!("{at}.advice"), &d.advice);
        c.kinds(&format!("{at}.boost_kinds"), &d.boost_kinds);
        if d.questions.is_empty() {
            c.add(format!("{at}.questions"), "a merit dimension needs at least one question");
        }
        for (j, q) in d.questions.iter().enumerate() {
            let qat = format!("{at}.questions[{j}]");
            c.id(&format!("{qat}.id"), &q.id, &mut questions, "question");
            c.text(&format!("{qat}.text"), &q.text);
            if q.options.len() != 4 {
                c.add(format!("{qat}.options"), format!("a question needs exactly 4 options (from 0 to 3), found {}", q.options.len()));
            }
            for (k, o) in q.options.iter().enumerate() {
                c.text(&format!("{qat}.options[{k}]"), o);
            }
        }
    }
    for (i, l) in call.documents.iter().enumerate() {
        if !is_url(&l.url) {
            c.add(format!("documents[{i}].url"), format!("`{}` is not an http(s) URL", l.url));
        }
        c.text(&format!("documents[{i}].label"), &l.label);
    }
    c.problems
}

/// A rule in the text forms (TOML, JSON): one table with its `kind` beside its parameters. Serde's
/// `tag = "kind"` would do it, but an internally tagged enum cannot be read from a positional format
/// (the packed form), and its reader is large in the wasm: so the derive is externally tagged, and only
/// the native text readers (feature `source`) go through this adapter. Binary formats pass through.
#[cfg(feature = "source")]
mod tagged_rule {
    use serde::de::Error as _;
    use serde::ser::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};
    use serde_json::{Map, Value};

    use super::Rule;

    pub fn serialize<S: Serializer>(rule: &Rule, serializer: S) -> Result<S::Ok, S::Error> {
        if !serializer.is_human_readable() {
            return rule.serialize(serializer);
        }
        let mut table = Map::new();
        table.insert("kind".into(), Value::String(rule.kind().into()));
        // A struct variant is `{ variant: { fields } }`; a unit variant is just its name.
        if let Value::Object(outer) = serde_json::to_value(rule).map_err(S::Error::custom)? {
            for (_, fields) in outer {
                if let Value::Object(fields) = fields {
                    table.extend(fields);
                }
            }
        }
        table.serialize(serializer)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Rule, D::Error> {
        if !deserializer.is_human_readable() {
            return Rule::deserialize(deserializer);
        }
        let mut table = Map::<String, Value>::deserialize(deserializer)?;
        let kind = match table.remove("kind") {
            Some(Value::String(kind)) => kind,
            Some(_) => return Err(D::Error::custom("`kind` must be text")),
            None => return Err(D::Error::missing_field("kind")),
        };
        let value = if table.is_empty() { Value::String(kind) } else { Value::Object(Map::from_iter([(kind, Value::Object(table))])) };
        serde_json::from_value(value).map_err(D::Error::custom)
    }
}

/// Parses and validates a call file. Never panics; a syntax error gives one problem with its line and
/// column, otherwise every semantic problem is reported.
#[cfg(feature = "source")]
pub fn load_call_toml(file_name: &str, text: &str) -> Result<Call, Vec<Problem>> {
    let call: Call = toml::from_str(text).map_err(|e| vec![crate::source::toml_problem(file_name, text, &e)])?;
    let problems = validate(&call, file_name);
    if problems.is_empty() {
        Ok(call)
    } else {
        Err(problems)
    }
}

/// Loads every `*.toml` call in a directory, sorted by file name. Problems of all files together.
#[cfg(feature = "source")]
pub fn load_calls_dir(dir: &std::path::Path) -> Result<Vec<Call>, Vec<Problem>> {
    let mut calls = Vec::new();
    let mut problems = Vec::new();
    for path in crate::source::toml_files(dir).map_err(|p| vec![p])? {
        let name = path.display().to_string();
        match std::fs::read_to_string(&path) {
            Ok(text) => match load_call_toml(&name, &text) {
                Ok(call) => {
                    if calls.iter().any(|c: &Call| c.id == call.id) {
                        problems.push(Problem::new(&name, "id", format!("another call file has the id `{}`", call.id)));
                    }
                    calls.push(call)
                }
                Err(mut p) => problems.append(&mut p),
            },
            Err(e) => problems.push(Problem::new(&name, "", format!("cannot read: {e}"))),
        }
    }
    if problems.is_empty() {
        Ok(calls)
    } else {
        Err(problems)
    }
}
