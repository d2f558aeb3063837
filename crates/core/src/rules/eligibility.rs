//! The eligibility engine: every criterion of a call checked against the visitor's answers, explained in
//! Italian and English, with the change that would meet it. Pure: `now` is an input.

use crate::model::{Answers, Member, MemberKind, Sector};
use crate::rules::call::{kinds_of, province_of_municipality, Call, Criterion, MeritDimension, Rule};
use crate::rules::verdict::{Confidence, CriterionResult, MeritScore, Overall, Remedy, Status, Verdict};
use crate::text::number::{euros, percent, percent_tenths};
use crate::text::Text;
use crate::time::RomeDateTime;

fn join(items: &[String], and: &str) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {and} {last}", init.join(", ")),
    }
}

/// A count and its noun: `1 Comune`, `0 Comuni`, `2 Comuni`. Italian and English both take the
/// singular for exactly one and the plural otherwise, zero included.
fn counted(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

/// How a sector's members are named.
struct SectorWords {
    /// With its article: `un ente pubblico`.
    it_a: &'static str,
    it_one: &'static str,
    it_many: &'static str,
    en_one: &'static str,
    en_many: &'static str,
}

fn sector_words(sector: Sector) -> SectorWords {
    match sector {
        Sector::Public => SectorWords {
            it_a: "un ente pubblico",
            it_one: "ente pubblico",
            it_many: "enti pubblici",
            en_one: "public body",
            en_many: "public bodies",
        },
        Sector::ThirdSector => SectorWords {
            it_a: "un'organizzazione del terzo settore",
            it_one: "organizzazione del terzo settore",
            it_many: "organizzazioni del terzo settore",
            en_one: "third-sector organisation",
            en_many: "third-sector organisations",
        },
        Sector::NonConventional => SectorWords {
            it_a: "un soggetto non convenzionale",
            it_one: "soggetto non convenzionale",
            it_many: "soggetti non convenzionali",
            en_one: "non-conventional actor",
            en_many: "non-conventional actors",
        },
    }
}

fn sector_examples(sector: Sector) -> Text {
    match sector {
        Sector::Public => Text::new(
            "un Comune, un Ufficio di Piano o un consorzio di Comuni del tuo territorio",
            "a municipality, a district planning office (Ufficio di Piano) or a consortium of municipalities of your territory",
        ),
        Sector::ThirdSector => Text::new(
            "una cooperativa sociale, un'associazione, una fondazione o una fondazione di comunità",
            "a social cooperative, an association, a foundation or a community foundation",
        ),
        Sector::NonConventional => Text::new(
            "un'impresa, un'associazione di categoria, un'università, un sindacato o un gruppo di cittadini",
            "a company, a trade association, a university, a trade union or a group of citizens",
        ),
    }
}

fn kind_labels(kinds: &[MemberKind]) -> (Vec<String>, Vec<String>) {
    kinds
        .iter()
        .map(|k| {
            let l = k.label();
            (l.it, l.en)
        })
        .unzip()
}

fn member_name(m: &Member) -> String {
    if m.name.trim().is_empty() {
        format!("#{}", m.id)
    } else {
        m.name.trim().to_string()
    }
}

fn known_kinds(answers: &Answers) -> impl Iterator<Item = MemberKind> + '_ {
    answers.members.iter().filter_map(|m| m.kind)
}

fn unknown_kind_count(answers: &Answers) -> usize {
    answers.members.iter().filter(|m| m.kind.is_none()).count()
}

/// What one rule says about the answers: status, the state of the answers, and the remedy.
struct Outcome {
    status: Status,
    /// What the call asks.
    requirement: Text,
    /// Where the answers stand.
    state: Text,
    remedy: Option<Remedy>,
    remedy_text: Option<Text>,
}

impl Outcome {
    fn new(status: Status, requirement: Text, state: Text) -> Outcome {
        Outcome { status, requirement, state, remedy: None, remedy_text: None }
    }

    fn fix(mut self, remedy: Remedy, text: Text) -> Outcome {
        self.remedy = Some(remedy);
        self.remedy_text = Some(text);
        self
    }
}

fn territory(call: &Call, answers: &Answers) -> Outcome {
    let list = call.territory.join(", ");
    let req = Text::new(
        format!("che il progetto si svolga nel territorio del bando (province {list})"),
        format!("the project to take place within the call's territory (provinces {list})"),
    );
    let mut places: Vec<String> = answers.territory.provinces.iter().map(|p| p.trim().to_ascii_uppercase()).collect();
    let mut outside: Vec<String> = places.iter().filter(|p| !call.in_territory(p)).cloned().collect();
    for m in &answers.territory.municipalities {
        match province_of_municipality(m.trim()) {
            Some(p) => {
                places.push(p.to_string());
                if !call.in_territory(p) {
                    outside.push(format!("{p} ({m})"));
                }
            }
            None => outside.push(format!("ISTAT {m}")),
        }
    }
    crate::order::sort_small(&mut places);
    places.dedup();
    crate::order::sort_small(&mut outside);
    outside.dedup();
    if places.is_empty() && outside.is_empty() {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora detto dove si svolge il progetto.", "You have not said yet where the project takes place."),
        );
    }
    if outside.is_empty() {
        let at = places.join(", ");
        return Outcome::new(
            Status::Met,
            req,
            Text::new(
                format!("Il progetto si svolge in {at}: dentro il territorio."),
                format!("The project takes place in {at}: within the territory."),
            ),
        );
    }
    let out_it = join(&outside, "e");
    let out_en = join(&outside, "and");
    Outcome::new(
        Status::NotMet,
        req,
        Text::new(format!("{out_it}: fuori dal territorio del bando."), format!("{out_en}: outside the call's territory.")),
    )
    .fix(
        Remedy::MoveTerritory { provinces: call.territory.clone() },
        Text::new(
            format!("Svolgi il progetto solo nelle province del bando ({list}): togli {out_it}"),
            format!("Run the project only in the call's provinces ({list}): drop {out_en}"),
        ),
    )
}

fn sectors_rule(answers: &Answers, sectors: &[Sector], count: u32) -> Outcome {
    let reqs: Vec<(String, String)> = sectors
        .iter()
        .map(|s| {
            let w = sector_words(*s);
            if count == 1 {
                (format!("almeno {}", w.it_a), format!("at least one {}", w.en_one))
            } else {
                (format!("almeno {count} {}", w.it_many), format!("at least {count} {}", w.en_many))
            }
        })
        .collect();
    let (req_it, req_en): (Vec<String>, Vec<String>) = reqs.into_iter().unzip();
    let req =
        Text::new(format!("che nella rete ci sia {}", join(&req_it, "e")), format!("the network to include {}", join(&req_en, "and")));
    if known_kinds(answers).next().is_none() {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora indicato il tipo dei membri della rete.", "You have not given the kind of any network member yet."),
        );
    }
    let mut state_it = Vec::new();
    let mut state_en = Vec::new();
    let mut missing: Vec<(Sector, u32)> = Vec::new();
    for s in sectors {
        let n = known_kinds(answers).filter(|k| k.sector() == *s).count() as u32;
        let w = sector_words(*s);
        state_it.push(counted(n, w.it_one, w.it_many));
        state_en.push(counted(n, w.en_one, w.en_many));
        if n < count {
            missing.push((*s, count - n));
        }
    }
    let state = Text::new(format!("La tua rete ha {}.", join(&state_it, "e")), format!("Your network has {}.", join(&state_en, "and")));
    if missing.is_empty() {
        return Outcome::new(Status::Met, req, state);
    }
    let unknown = unknown_kind_count(answers);
    if unknown > 0 {
        return Outcome::new(
            Status::Unanswered,
            req,
            if unknown == 1 {
                Text::new(
                    format!("{} Indica il tipo dell'altro membro per saperlo.", state.it),
                    format!("{} Give the kind of the other member to know.", state.en),
                )
            } else {
                Text::new(
                    format!("{} Indica il tipo degli altri {unknown} membri per saperlo.", state.it),
                    format!("{} Give the kind of the other {unknown} members to know.", state.en),
                )
            },
        );
    }
    let kinds: Vec<MemberKind> = MemberKind::ALL.into_iter().filter(|k| missing.iter().any(|(s, _)| k.sector() == *s)).collect();
    let total: u32 = missing.iter().map(|(_, n)| n).sum();
    let (fix_it, fix_en): (Vec<String>, Vec<String>) = missing
        .iter()
        .map(|(s, n)| {
            let w = sector_words(*s);
            let ex = sector_examples(*s);
            if *n == 1 {
                (format!("aggiungi {}: {}", w.it_a, ex.it), format!("add a {}: {}", w.en_one, ex.en))
            } else {
                (format!("aggiungi {n} {}, per esempio {}", w.it_many, ex.it), format!("add {n} {}, for example {}", w.en_many, ex.en))
            }
        })
        .unzip();
    let text = Text::new(capitalise(&fix_it.join("; ")), capitalise(&fix_en.join("; ")));
    Outcome::new(Status::NotMet, req, state).fix(Remedy::AddMembers { kinds, count: total }, text)
}

use crate::text::case::{capitalise, decapitalise};

fn kinds_rule(answers: &Answers, kind_ids: &[String], count: u32) -> Outcome {
    let kinds = kinds_of(kind_ids);
    let (it, en) = kind_labels(&kinds);
    let req = Text::new(
        format!("che nella rete {} almeno {count} tra: {}", if count == 1 { "ci sia" } else { "ci siano" }, join(&it, "o")),
        format!("the network to include at least {count} of: {}", join(&en, "or")),
    );
    if known_kinds(answers).next().is_none() {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora indicato il tipo dei membri della rete.", "You have not given the kind of any network member yet."),
        );
    }
    let n = known_kinds(answers).filter(|k| kinds.contains(k)).count() as u32;
    let state = Text::new(format!("La tua rete ne ha {n}."), format!("Your network has {n}."));
    if n >= count {
        return Outcome::new(Status::Met, req, state);
    }
    if unknown_kind_count(answers) > 0 {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new(
                format!("{} Indica il tipo di tutti i membri per saperlo.", state.it),
                format!("{} Give every member's kind to know.", state.en),
            ),
        );
    }
    let need = count - n;
    let text = Text::new(format!("Aggiungi {need} tra: {}", join(&it, "o")), format!("Add {need} of: {}", join(&en, "or")));
    Outcome::new(Status::NotMet, req, state).fix(Remedy::AddMembers { kinds, count: need }, text)
}

fn lead_rule(call: &Call, answers: &Answers) -> Outcome {
    let admissible = call.lead_member_kinds();
    let req = Text::new(
        "che il capofila sia un ente pubblico o un'organizzazione privata non profit (non un'impresa profit, salvo le imprese sociali, né un sindacato, un'associazione di categoria o un privato cittadino)",
        "the lead applicant to be a public body or a private non-profit organisation (not a for-profit company, social enterprises aside, nor a union, a trade association or a private citizen)",
    );
    let Some(lead) = answers.lead_member() else {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora scelto il capofila.", "You have not chosen the lead applicant yet."),
        );
    };
    let Some(kind) = lead.kind else {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new(
                format!("Indica il tipo del capofila, {}.", member_name(lead)),
                format!("Give the kind of the lead applicant, {}.", member_name(lead)),
            ),
        );
    };
    let label = kind.label();
    if admissible.contains(&kind) {
        return Outcome::new(
            Status::Met,
            req,
            Text::new(
                format!("Il capofila, {}, è un soggetto di tipo «{}».", member_name(lead), label.it),
                format!("The lead, {}, is a {}.", member_name(lead), crate::text::case::lowercase(&label.en)),
            ),
        );
    }
    let state = Text::new(
        format!("Il capofila, {}, è di tipo «{}»: non può guidare la rete.", member_name(lead), label.it),
        format!("The lead, {}, is a {}: it cannot lead the network.", member_name(lead), crate::text::case::lowercase(&label.en)),
    );
    let candidates: Vec<String> =
        answers.members.iter().filter(|m| m.kind.is_some_and(|k| admissible.contains(&k))).map(member_name).collect();
    let text = if candidates.is_empty() {
        Text::new(
            "Affida il ruolo di capofila a un ente pubblico o non profit: aggiungi per esempio un Comune o una cooperativa sociale e sceglilo come capofila",
            "Give the lead role to a public or non-profit body: add, for example, a municipality or a social cooperative and make it the lead",
        )
    } else {
        let it = join(&candidates, "o");
        let en = join(&candidates, "or");
        Text::new(
            format!("Scegli come capofila un membro pubblico o non profit della rete: {it}"),
            format!("Make a public or non-profit member of the network the lead: {en}"),
        )
    };
    Outcome::new(Status::NotMet, req, state).fix(Remedy::ChangeLead { kinds: admissible }, text)
}

fn min_cost_rule(answers: &Answers, eur: u64) -> Outcome {
    let req = Text::new(format!("un costo totale di almeno {}", euros(eur).it), format!("a total cost of at least {}", euros(eur).en));
    let Some(cost) = answers.money.total_cost else {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora indicato il costo totale.", "You have not given the total cost yet."),
        );
    };
    let state = Text::new(format!("Il costo totale è {}.", euros(cost).it), format!("The total cost is {}.", euros(cost).en));
    if cost >= eur {
        return Outcome::new(Status::Met, req, state);
    }
    let gap = eur - cost;
    Outcome::new(Status::NotMet, req, state).fix(
        Remedy::Money { max_grant: None, min_cost: Some(eur) },
        Text::new(
            format!("Porta il costo totale ad almeno {} (mancano {})", euros(eur).it, euros(gap).it),
            format!("Raise the total cost to at least {} ({} more)", euros(eur).en, euros(gap).en),
        ),
    )
}

fn max_grant_rule(answers: &Answers, eur: u64, pct: u32) -> Outcome {
    let co = 100u32.saturating_sub(pct);
    let req = Text::new(
        format!(
            "un contributo di al massimo {} e al massimo il {pct} % del costo totale (la rete cofinanzia almeno il {co} %)",
            euros(eur).it
        ),
        format!("a grant of at most {} and at most {pct} % of the total cost (the network co-finances at least {co} %)", euros(eur).en),
    );
    let Some(grant) = answers.money.requested_grant else {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora indicato il contributo richiesto.", "You have not given the requested grant yet."),
        );
    };
    let cost = answers.money.total_cost;
    let share_cap = cost.map(|c| (u128::from(c) * u128::from(pct) / 100) as u64);
    let allowed = share_cap.map_or(eur, |s| s.min(eur));
    let state = match (cost, cost.and_then(|c| percent_tenths(grant, c))) {
        (Some(c), Some(t)) => Text::new(
            format!("Chiedi {} su un costo di {} ({}).", euros(grant).it, euros(c).it, percent(t).it),
            format!("You ask {} on a cost of {} ({}).", euros(grant).en, euros(c).en, percent(t).en),
        ),
        _ => Text::new(format!("Chiedi {}.", euros(grant).it), format!("You ask {}.", euros(grant).en)),
    };
    if grant > eur {
        return Outcome::new(Status::NotMet, req, state).fix(
            Remedy::Money { max_grant: Some(allowed), min_cost: None },
            Text::new(
                format!("Abbassa il contributo a {}: il bando non dà più di {}", euros(allowed).it, euros(eur).it),
                format!("Lower the grant to {}: the call gives no more than {}", euros(allowed).en, euros(eur).en),
            ),
        );
    }
    if cost.is_none() {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new(
                format!("{} Indica il costo totale per verificare il limite del {pct} %.", state.it),
                format!("{} Give the total cost to check the {pct} % limit.", state.en),
            ),
        );
    }
    if grant <= allowed {
        return Outcome::new(Status::Met, req, state);
    }
    // The cost at which this grant would be exactly the maximum share.
    let min_cost = if pct == 0 { None } else { Some(((u128::from(grant) * 100).div_ceil(u128::from(pct))) as u64) };
    let text = match min_cost {
        Some(mc) => Text::new(
            format!("Abbassa il contributo a {} o aumenta il costo totale ad almeno {}", euros(allowed).it, euros(mc).it),
            format!("Lower the grant to {} or raise the total cost to at least {}", euros(allowed).en, euros(mc).en),
        ),
        None => Text::new(format!("Abbassa il contributo a {}", euros(allowed).it), format!("Lower the grant to {}", euros(allowed).en)),
    };
    Outcome::new(Status::NotMet, req, state).fix(Remedy::Money { max_grant: Some(allowed), min_cost }, text)
}

fn letters_rule(answers: &Answers) -> Outcome {
    let req = Text::new("che ogni membro della rete firmi una lettera d'intenti", "every network member to sign a letter of intent");
    if answers.members.is_empty() {
        return Outcome::new(Status::Unanswered, req, Text::new("La rete non ha ancora membri.", "The network has no members yet."));
    }
    let missing: Vec<&Member> = answers.members.iter().filter(|m| m.letter_of_intent == Some(false)).collect();
    let unknown: Vec<&Member> = answers.members.iter().filter(|m| m.letter_of_intent.is_none()).collect();
    if !missing.is_empty() {
        let names: Vec<String> = missing.iter().map(|m| member_name(m)).collect();
        let (it, en) = (join(&names, "e"), join(&names, "and"));
        return Outcome::new(
            Status::NotMet,
            req,
            Text::new(format!("Manca la lettera d'intenti di {it}."), format!("{en}: no letter of intent yet.")),
        )
        .fix(
            Remedy::CollectLetters { members: missing.iter().map(|m| m.id).collect() },
            Text::new(format!("Raccogli la lettera d'intenti firmata di {it}"), format!("Collect a signed letter of intent from {en}")),
        );
    }
    if !unknown.is_empty() {
        let names: Vec<String> = unknown.iter().map(|m| member_name(m)).collect();
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new(
                format!("Indica se {} ha firmato la lettera d'intenti.", join(&names, "e")),
                format!("Say whether {} signed a letter of intent.", join(&names, "and")),
            ),
        );
    }
    Outcome::new(
        Status::Met,
        req,
        Text::new("Tutti i membri hanno firmato la lettera d'intenti.", "Every member has signed a letter of intent."),
    )
}

fn deadline_rule(call: &Call, now: RomeDateTime) -> Outcome {
    let d = call.deadline;
    let req = Text::new(
        format!("che l'idea sia presentata entro il {} (ora italiana)", d.format_it()),
        format!("the idea to be submitted by {} (Italian time)", d.format_en()),
    );
    if now > d {
        return Outcome::new(
            Status::NotMet,
            req,
            Text::new(
                format!("La scadenza è passata: la {} del bando è chiusa.", call.edition.it),
                format!("The deadline has passed: {} of the call is closed.", call.edition.en),
            ),
        )
        .fix(
            Remedy::AwaitNextEdition,
            Text::new(
                "Prepara la rete per la prossima edizione del bando, e segui gli avvisi della Fondazione Cariplo",
                "Prepare the network for the next edition of the call, and watch Fondazione Cariplo's announcements",
            ),
        );
    }
    let state = match call.opening {
        Some(o) if now < o => Text::new(
            format!("Il bando apre il {}: sei in anticipo.", o.format_it()),
            format!("The call opens on {}: you are early.", o.format_en()),
        ),
        _ => Text::new("Sei in tempo.", "You are in time."),
    };
    Outcome::new(Status::Met, req, state)
}

fn non_conventional_rule(answers: &Answers, min: u32) -> Outcome {
    let ex = sector_examples(Sector::NonConventional);
    let req = Text::new(
        if min == 1 {
            format!("la presenza di almeno un soggetto non convenzionale nella rete ({})", ex.it)
        } else {
            format!("la presenza di almeno {min} soggetti non convenzionali nella rete ({})", ex.it)
        },
        if min == 1 {
            format!("at least one non-conventional actor in the network ({})", ex.en)
        } else {
            format!("at least {min} non-conventional actors in the network ({})", ex.en)
        },
    );
    if known_kinds(answers).next().is_none() {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new("Non hai ancora indicato il tipo dei membri della rete.", "You have not given the kind of any network member yet."),
        );
    }
    let n = known_kinds(answers).filter(|k| k.sector() == Sector::NonConventional).count() as u32;
    let state = Text::new(format!("La tua rete ne ha {n}."), format!("Your network has {n}."));
    if n >= min {
        return Outcome::new(Status::Met, req, state);
    }
    let kinds: Vec<MemberKind> = MemberKind::ALL.into_iter().filter(|k| k.sector() == Sector::NonConventional).collect();
    Outcome::new(Status::NotMet, req, state)
        .fix(Remedy::AddMembers { kinds, count: min - n }, Text::new(format!("Coinvolgi {}", ex.it), format!("Bring in {}", ex.en)))
}

fn ambito_rule(answers: &Answers, min_comuni: u32, min_municipalities: u32) -> Outcome {
    let req = Text::new(
        "le reti che lavorano alla scala di uno o più ambiti territoriali (preferibile, non necessario)",
        "networks working at the scale of one or more social-planning districts (preferable, not necessary)",
    );
    let municipalities = answers.territory.municipalities.len() as u32;
    if known_kinds(answers).next().is_none() && municipalities == 0 {
        return Outcome::new(
            Status::Unanswered,
            req,
            Text::new(
                "Non hai ancora indicato membri né Comuni del progetto.",
                "You have not given members or municipalities of the project yet.",
            ),
        );
    }
    let district = known_kinds(answers).any(|k| matches!(k, MemberKind::UfficioDiPiano | MemberKind::MunicipalConsortium));
    let comuni = known_kinds(answers).filter(|k| *k == MemberKind::Comune).count() as u32;
    let state = Text::new(
        format!(
            "Nella rete: {} Ufficio di Piano o consorzio di Comuni, {}; il progetto tocca {}.",
            if district { "un" } else { "nessun" },
            counted(comuni, "Comune", "Comuni"),
            counted(municipalities, "Comune", "Comuni"),
        ),
        format!(
            "In the network: {} district planning office or consortium of municipalities, {}; the project covers {}.",
            if district { "a" } else { "no" },
            counted(comuni, "municipality", "municipalities"),
            counted(municipalities, "municipality", "municipalities"),
        ),
    );
    if district || comuni >= min_comuni || municipalities >= min_municipalities {
        return Outcome::new(Status::Met, req, state);
    }
    Outcome::new(Status::NotMet, req, state).fix(
        Remedy::AddMembers { kinds: vec![MemberKind::UfficioDiPiano, MemberKind::MunicipalConsortium, MemberKind::Comune], count: 1 },
        Text::new(
            "Coinvolgi l'Ufficio di Piano del tuo ambito o un consorzio di Comuni, oppure altri Comuni vicini",
            "Bring in your district's planning office (Ufficio di Piano) or a consortium of municipalities, or more nearby municipalities",
        ),
    )
}

fn outcome(call: &Call, criterion: &Criterion, answers: &Answers, now: RomeDateTime) -> Outcome {
    match &criterion.rule {
        Rule::TerritoryWithin => territory(call, answers),
        Rule::MinMembersOfSectors { sectors, count } => sectors_rule(answers, sectors, *count),
        Rule::MinMembersOfKinds { kinds, count } => kinds_rule(answers, kinds, *count),
        Rule::LeadKindAdmissible => lead_rule(call, answers),
        Rule::MinTotalCost { eur } => min_cost_rule(answers, *eur),
        Rule::MaxGrant { eur, max_share_percent } => max_grant_rule(answers, *eur, *max_share_percent),
        Rule::LettersOfIntent => letters_rule(answers),
        Rule::BeforeDeadline => deadline_rule(call, now),
        Rule::NonConventionalActors { min } => non_conventional_rule(answers, *min),
        Rule::AmbitoScale { min_comuni, min_municipalities } => ambito_rule(answers, *min_comuni, *min_municipalities),
    }
}

/// Checks one criterion.
pub fn evaluate_criterion(call: &Call, criterion: &Criterion, answers: &Answers, now: RomeDateTime) -> CriterionResult {
    let o = outcome(call, criterion, answers, now);
    let verb = match (criterion.confidence, criterion.gating) {
        (Confidence::Confirmed, true) => ("Il bando chiede", "The call requires"),
        (Confidence::Assumed, true) => ("Il bando probabilmente chiede", "The call likely requires"),
        (Confidence::Confirmed, false) => ("Il bando premia", "The call rewards"),
        (Confidence::Assumed, false) => ("Il bando probabilmente premia", "The call likely rewards"),
    };
    let explanation =
        Text::new(format!("{} {}. {}", verb.0, o.requirement.it, o.state.it), format!("{} {}. {}", verb.1, o.requirement.en, o.state.en));
    CriterionResult {
        id: criterion.id.clone(),
        name: criterion.name.clone(),
        gating: criterion.gating,
        status: o.status,
        confidence: criterion.confidence,
        explanation,
        remedy: o.remedy,
        remedy_text: o.remedy_text,
        sources: criterion.source.clone(),
        note: criterion.note.clone(),
    }
}

fn dimension_score(dim: &MeritDimension, answers: &Answers) -> MeritScore {
    let mut sum = 0u32;
    let mut count = 0u32;
    let mut drivers = Vec::new();
    for q in &dim.questions {
        if let Some(a) = answers.merit_answer(&q.id) {
            let a = a.min(3);
            sum += u32::from(a);
            count += 1;
            let option = q.options.get(usize::from(a)).cloned().unwrap_or_default();
            drivers.push(Text::new(format!("{} {}", q.text.it, option.it), format!("{} {}", q.text.en, option.en)));
        }
    }
    let score = if count == 0 { 0 } else { (sum * 100 / (3 * count)) as u8 };
    let advice = if count > 0 && score >= 67 {
        Text::new(
            "Punto di forza: raccontalo nell'idea con esempi concreti e obiettivi misurabili.",
            "A strength: tell it in the idea with concrete examples and measurable targets.",
        )
    } else {
        dim.advice.clone()
    };
    MeritScore {
        id: dim.id.clone(),
        name: dim.name.clone(),
        score,
        answered: count as usize == dim.questions.len() && count > 0,
        assessed: count > 0,
        drivers,
        advice,
        boost_kinds: kinds_of(&dim.boost_kinds),
    }
}

/// A merit score computed from the network, for the merit criteria with a computed rule.
fn computed_score(criterion: &Criterion, result: &CriterionResult, answers: &Answers) -> Option<MeritScore> {
    let members_of = |pred: &dyn Fn(MemberKind) -> bool| -> Vec<Text> {
        answers
            .members
            .iter()
            .filter(|m| m.kind.is_some_and(pred))
            .map(|m| {
                let l = m.kind.map(|k| k.label()).unwrap_or_default();
                Text::new(format!("{} ({})", member_name(m), l.it), format!("{} ({})", member_name(m), l.en))
            })
            .collect()
    };
    let (score, drivers, boost_kinds) = match &criterion.rule {
        Rule::NonConventionalActors { min } => {
            let drivers = members_of(&|k| k.sector() == Sector::NonConventional);
            let n = drivers.len() as u32;
            let score = (n.saturating_mul(50) / (*min).max(1)).min(100) as u8;
            let kinds = MemberKind::ALL.into_iter().filter(|k| k.sector() == Sector::NonConventional).collect();
            (score, drivers, kinds)
        }
        Rule::AmbitoScale { min_comuni, min_municipalities } => {
            let district = members_of(&|k| matches!(k, MemberKind::UfficioDiPiano | MemberKind::MunicipalConsortium));
            let comuni = members_of(&|k| k == MemberKind::Comune);
            let munis = answers.territory.municipalities.len() as u32;
            let score = if !district.is_empty() {
                100
            } else if comuni.len() as u32 >= *min_comuni || munis >= *min_municipalities {
                75
            } else if !comuni.is_empty() || munis > 0 {
                25
            } else {
                0
            };
            let mut drivers = district;
            drivers.extend(comuni);
            if munis > 0 {
                drivers.push(Text::new(
                    format!("{} nel territorio del progetto", counted(munis, "Comune", "Comuni")),
                    format!("{} in the project's territory", counted(munis, "municipality", "municipalities")),
                ));
            }
            (score, drivers, vec![MemberKind::UfficioDiPiano, MemberKind::MunicipalConsortium, MemberKind::Comune])
        }
        _ => return None,
    };
    let advice = result
        .remedy_text
        .clone()
        .unwrap_or_else(|| Text::new("Punto di forza: valorizzalo nell'idea.", "A strength: make the most of it in the idea."));
    Some(MeritScore {
        id: criterion.id.clone(),
        name: criterion.name.clone(),
        score,
        answered: result.status != Status::Unanswered,
        assessed: result.status != Status::Unanswered,
        drivers,
        advice,
        boost_kinds,
    })
}

fn names(results: &[&CriterionResult]) -> (String, String) {
    let it: Vec<String> = results.iter().map(|r| r.name.it.clone()).collect();
    let en: Vec<String> = results.iter().map(|r| r.name.en.clone()).collect();
    (join(&it, "e"), join(&en, "and"))
}

fn headline(call: &Call, criteria: &[CriterionResult], closed: bool) -> Text {
    let gating: Vec<&CriterionResult> = criteria.iter().filter(|c| c.gating).collect();
    let failing: Vec<&CriterionResult> =
        gating.iter().copied().filter(|c| c.status == Status::NotMet && !(closed && c.remedy == Some(Remedy::AwaitNextEdition))).collect();
    let open: Vec<&CriterionResult> = gating.iter().copied().filter(|c| c.status == Status::Unanswered).collect();
    let assumed = gating.iter().any(|c| c.confidence == Confidence::Assumed);

    let body = if let [one] = failing.as_slice() {
        let fix = one.remedy_text.clone().unwrap_or_else(|| one.name.clone());
        Text::new(
            format!("Per essere ammissibile manca una modifica: {}.", decapitalise(&fix.it)),
            format!("One change to be admissible: {}.", decapitalise(&fix.en)),
        )
    } else if !failing.is_empty() {
        let (it, en) = names(&failing);
        Text::new(
            format!("Per essere ammissibile servono {} modifiche: {it}.", failing.len()),
            format!("{} changes to be admissible: {en}.", failing.len()),
        )
    } else if !open.is_empty() {
        let (it, en) = names(&open);
        Text::new(
            format!("Rispondi ancora su {it} per sapere se l'idea è ammissibile."),
            format!("Answer on {en} to know whether the idea is admissible."),
        )
    } else if closed {
        Text::new("Per il resto l'idea soddisfa i requisiti del bando.", "Otherwise the idea meets the call's requirements.")
    } else {
        Text::new(
            "L'idea sembra ammissibile: soddisfa tutti i requisiti del bando.",
            "The idea looks admissible: it meets all the call's requirements.",
        )
    };
    let body = if assumed && failing.is_empty() && open.is_empty() {
        Text::new(
            format!("{} Alcuni requisiti sono probabili: verificali con la Fondazione.", body.it),
            format!("{} Some requirements are likely, not confirmed: check them with the foundation.", body.en),
        )
    } else {
        body
    };
    if closed {
        Text::new(
            format!(
                "La {} del bando è chiusa (scadenza {}): prepara la prossima edizione. {}",
                call.edition.it,
                call.deadline.format_it(),
                body.it
            ),
            format!(
                "{} of the call is closed (deadline {}): prepare for the next edition. {}",
                call.edition.en,
                call.deadline.format_en(),
                body.en
            ),
        )
    } else {
        body
    }
}

/// Checks every criterion of `call` against `answers` at the moment `now` (Rome time).
pub fn evaluate(call: &Call, answers: &Answers, now: RomeDateTime) -> Verdict {
    let criteria: Vec<CriterionResult> = call.criteria.iter().map(|c| evaluate_criterion(call, c, answers, now)).collect();
    let failing: Vec<String> = criteria.iter().filter(|c| c.gating && c.status == Status::NotMet).map(|c| c.id.clone()).collect();
    let unanswered: Vec<String> = criteria.iter().filter(|c| c.gating && c.status == Status::Unanswered).map(|c| c.id.clone()).collect();
    let overall = if !failing.is_empty() {
        Overall::NotYetAdmissible { changes: failing.len() as u32, failing }
    } else if !unanswered.is_empty() {
        Overall::Incomplete { unanswered }
    } else {
        Overall::Admissible
    };
    let closed = now > call.deadline;
    let mut merit: Vec<MeritScore> = call.merit.iter().map(|d| dimension_score(d, answers)).collect();
    for (criterion, result) in call.criteria.iter().zip(&criteria) {
        if let Some(score) = computed_score(criterion, result, answers) {
            merit.push(score);
        }
    }
    let headline = headline(call, &criteria, closed);
    Verdict { call_id: call.id.clone(), overall, headline, closed, criteria, merit }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn network(kinds: &[Option<MemberKind>], municipalities: usize) -> Answers {
        let mut a = Answers {
            members: kinds
                .iter()
                .enumerate()
                .map(|(i, kind)| Member { id: i as u32 + 1, name: format!("Ente {i}"), kind: *kind, ..Member::default() })
                .collect(),
            ..Answers::default()
        };
        a.territory.municipalities = ["097042", "097043"].iter().take(municipalities).map(|m| m.to_string()).collect();
        a
    }

    /// Every sentence that shows a count with a noun, at 0, 1 and 2, in both languages (issue 14).
    #[test]
    fn counts_agree_with_their_nouns() {
        use MemberKind::{Comune as C, SocialCooperative as S};
        let third = |n: usize| -> Vec<Option<MemberKind>> { std::iter::repeat_n(Some(S), n).collect() };
        let with = |mut v: Vec<Option<MemberKind>>, extra: &[Option<MemberKind>]| {
            v.extend_from_slice(extra);
            v
        };
        let public = |a: &Answers| sectors_rule(a, &[Sector::Public], 1).state;
        let third_sector = |a: &Answers| sectors_rule(a, &[Sector::ThirdSector], 1).state;
        let ambito = |a: &Answers| ambito_rule(a, 2, 2).state;
        let kinds2 = |a: &Answers| kinds_rule(a, &["comune".to_string()], 2).requirement;
        let kinds1 = |a: &Answers| kinds_rule(a, &["comune".to_string()], 1).requirement;
        type Sentence = fn(&Answers) -> Text;
        let cases: Vec<(Answers, Sentence, &str, &str)> = vec![
            (network(&third(1), 0), public, "La tua rete ha 0 enti pubblici.", "Your network has 0 public bodies."),
            (network(&with(third(1), &[Some(C)]), 0), public, "La tua rete ha 1 ente pubblico.", "Your network has 1 public body."),
            (network(&with(third(1), &[Some(C), Some(C)]), 0), public, "La tua rete ha 2 enti pubblici.", "Your network has 2 public bodies."),
            (network(&[Some(C)], 0), third_sector, "La tua rete ha 0 organizzazioni del terzo settore.", "Your network has 0 third-sector organisations."),
            (network(&third(1), 0), third_sector, "La tua rete ha 1 organizzazione del terzo settore.", "Your network has 1 third-sector organisation."),
            (network(&third(2), 0), third_sector, "La tua rete ha 2 organizzazioni del terzo settore.", "Your network has 2 third-sector organisations."),
            // Not yet known: the members whose kind is missing, counted.
            (network(&[Some(S), None], 0), public, "La tua rete ha 0 enti pubblici. Indica il tipo dell'altro membro per saperlo.",
             "Your network has 0 public bodies. Give the kind of the other member to know."),
            (network(&[Some(S), None, None], 0), public, "La tua rete ha 0 enti pubblici. Indica il tipo degli altri 2 membri per saperlo.",
             "Your network has 0 public bodies. Give the kind of the other 2 members to know."),
            (network(&third(1), 0), ambito, "Nella rete: nessun Ufficio di Piano o consorzio di Comuni, 0 Comuni; il progetto tocca 0 Comuni.",
             "In the network: no district planning office or consortium of municipalities, 0 municipalities; the project covers 0 municipalities."),
            (network(&[Some(C)], 1), ambito, "Nella rete: nessun Ufficio di Piano o consorzio di Comuni, 1 Comune; il progetto tocca 1 Comune.",
             "In the network: no district planning office or consortium of municipalities, 1 municipality; the project covers 1 municipality."),
            (network(&[Some(C), Some(C)], 2), ambito, "Nella rete: nessun Ufficio di Piano o consorzio di Comuni, 2 Comuni; il progetto tocca 2 Comuni.",
             "In the network: no district planning office or consortium of municipalities, 2 municipalities; the project covers 2 municipalities."),
            (network(&[Some(C)], 0), kinds1, "che nella rete ci sia almeno 1 tra: Comune", "the network to include at least 1 of: Municipality (Comune)"),
            (network(&[Some(C)], 0), kinds2, "che nella rete ci siano almeno 2 tra: Comune", "the network to include at least 2 of: Municipality (Comune)"),
        ];
        let mut wrong = Vec::new();
        for (answers, sentence, it, en) in &cases {
            let got = sentence(answers);
            if got.it != *it {
                wrong.push(format!("it: {:?}\n  want {it:?}", got.it));
            }
            if got.en != *en {
                wrong.push(format!("en: {:?}\n  want {en:?}", got.en));
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    }

    /// A dimension with no answer is not assessed (not a weakness at 0); one answer of several
    /// assesses it partly; a computed dimension is assessed once the network's kinds are known.
    #[test]
    fn a_merit_dimension_is_assessed_once_one_question_is_answered() {
        use crate::rules::call::{MeritDimension, MeritQuestion};
        let question = |id: &str| MeritQuestion {
            id: id.into(),
            text: Text::new("Domanda?", "Question?"),
            options: (0..4).map(|i| Text::new(format!("r{i}"), format!("a{i}"))).collect(),
        };
        let dim = MeritDimension {
            id: "comunita".into(),
            name: Text::new("Comunità", "Community"),
            description: Text::default(),
            advice: Text::new("Coinvolgi", "Involve"),
            boost_kinds: vec![],
            questions: vec![question("q1"), question("q2")],
        };
        let mut answers = Answers::default();
        let none = dimension_score(&dim, &answers);
        assert_eq!((none.assessed, none.answered, none.score), (false, false, 0));
        answers.merit.push(("q1".into(), 0));
        let one = dimension_score(&dim, &answers);
        assert_eq!((one.assessed, one.answered, one.score), (true, false, 0), "answered 0: assessed, and weak");
        answers.merit.push(("q2".into(), 3));
        let both = dimension_score(&dim, &answers);
        assert_eq!((both.assessed, both.answered, both.score), (true, true, 50));
    }

    /// The network's municipalities as a driver of the ambito score: 1 and 2 (none: no driver).
    #[test]
    fn the_ambito_driver_counts_municipalities() {
        let criterion = Criterion {
            id: "ambito".into(),
            name: Text::new("Scala di ambito", "District scale"),
            gating: false,
            rule: Rule::AmbitoScale { min_comuni: 2, min_municipalities: 2 },
            source: vec![],
            confidence: Confidence::Confirmed,
            note: None,
        };
        for (n, it, en) in [
            (1, "1 Comune nel territorio del progetto", "1 municipality in the project's territory"),
            (2, "2 Comuni nel territorio del progetto", "2 municipalities in the project's territory"),
        ] {
            let answers = network(&[], n);
            let result = CriterionResult {
                id: "ambito".into(),
                name: criterion.name.clone(),
                gating: false,
                status: Status::Met,
                confidence: Confidence::Confirmed,
                explanation: Text::default(),
                remedy: None,
                remedy_text: None,
                sources: vec![],
                note: None,
            };
            let score = computed_score(&criterion, &result, &answers).expect("a computed score");
            assert_eq!(score.drivers, vec![Text::new(it, en)]);
        }
    }
}
