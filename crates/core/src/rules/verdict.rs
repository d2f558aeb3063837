//! What eligibility says about a set of answers. The engine that fills these lives in
//! `eligibility`; the matching reads the remedies to know which partners would fix a failed rule.

use serde::{Deserialize, Serialize};

use crate::model::{MemberKind, ProvinceCode};
use crate::text::Text;

/// The outcome of one criterion. Never a verdict on a missing answer: that is `Unanswered`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Met,
    NotMet,
    Unanswered,
}

/// How sure we are of the rule a criterion rests on (from the brief's [V] / [I] / [?] tags).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Confidence {
    /// Seen in a public source.
    Confirmed,
    /// Inferred or unconfirmed: the UI says "likely".
    Assumed,
}

/// What change would meet a criterion that is not met: data the matching can act on, not only text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Remedy {
    /// Add at least `count` members of any of these kinds.
    AddMembers { kinds: Vec<MemberKind>, count: u32 },
    /// Choose a lead among members of these kinds (or add one).
    ChangeLead { kinds: Vec<MemberKind> },
    /// Run the project within these provinces.
    MoveTerritory { provinces: Vec<ProvinceCode> },
    /// Bring the money within the rules: grant at most `max_grant`, cost at least `min_cost`.
    Money { max_grant: Option<u64>, min_cost: Option<u64> },
    /// These members (by id) still have to sign a letter of intent.
    CollectLetters { members: Vec<u32> },
    /// The edition is closed: prepare for the next one.
    AwaitNextEdition,
}

impl Remedy {
    /// What the remedy asks of the network's partners, when suggested partners can bring it about: the
    /// kinds any of which would do, how many, and whether one of them must lead (`AddMembers`,
    /// `ChangeLead`). `None` for the others (territory, money, letters, the next edition). The result
    /// page's link to the partners and the matching's gaps both ask this.
    pub fn partners(&self) -> Option<(&[MemberKind], u32, bool)> {
        match self {
            Remedy::AddMembers { kinds, count } => Some((kinds, *count, false)),
            Remedy::ChangeLead { kinds } => Some((kinds, 1, true)),
            _ => None,
        }
    }

    /// Whether suggested partners can bring the remedy about ([`Remedy::partners`]).
    pub fn concerns_partners(&self) -> bool {
        self.partners().is_some()
    }
}

/// The overall answer about admissibility.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Overall {
    /// Every gating criterion is met.
    Admissible,
    /// At least one gating criterion is not met: these (criterion ids), `changes` of them.
    NotYetAdmissible { failing: Vec<String>, changes: u32 },
    /// Nothing fails, but these gating criteria (ids) still wait for answers.
    Incomplete { unanswered: Vec<String> },
}

impl Overall {
    /// `admissible`, `not_yet_admissible`, `incomplete` (as in the case files).
    pub fn kind(&self) -> &'static str {
        match self {
            Overall::Admissible => "admissible",
            Overall::NotYetAdmissible { .. } => "not_yet_admissible",
            Overall::Incomplete { .. } => "incomplete",
        }
    }
}

/// The outcome of one criterion of the call, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionResult {
    pub id: String,
    pub name: Text,
    pub gating: bool,
    pub status: Status,
    pub confidence: Confidence,
    /// What the call asks and where the answers stand; says "probabilmente"/"likely" for assumed rules.
    pub explanation: Text,
    /// For `NotMet`: the change that would meet it, as data.
    pub remedy: Option<Remedy>,
    /// For `NotMet`: the same change in words.
    pub remedy_text: Option<Text>,
    pub sources: Vec<String>,
    pub note: Option<Text>,
}

/// A merit dimension's score (self-assessed or computed from the network).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MeritScore {
    pub id: String,
    pub name: Text,
    /// 0..=100
    pub score: u8,
    /// Whether every question of the dimension (or the network it is computed from) is answered.
    pub answered: bool,
    /// Whether at least one question of the dimension is answered (for a computed score: the
    /// network it is computed from is known). When not, `score` is 0 for want of answers, not a
    /// weakness: the result says "not yet assessed" instead of drawing it.
    pub assessed: bool,
    /// The answers that drove the score.
    pub drivers: Vec<Text>,
    pub advice: Text,
    /// Kinds of partner that would raise the score: the matching proposes them.
    pub boost_kinds: Vec<MemberKind>,
}

/// Everything eligibility says about one set of answers at one moment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Verdict {
    pub call_id: String,
    pub overall: Overall,
    /// One sentence that says what is missing (never a bare "not eligible").
    pub headline: Text,
    /// The edition's deadline has passed.
    pub closed: bool,
    pub criteria: Vec<CriterionResult>,
    pub merit: Vec<MeritScore>,
}

impl Verdict {
    pub fn criterion(&self, id: &str) -> Option<&CriterionResult> {
        self.criteria.iter().find(|c| c.id == id)
    }
}

/// What changed between two verdicts on the same call, in words, for the screen-reader announcement
/// after a change made on the result page (a suggested partner added to the network): first every
/// gating criterion that was not met (or unanswered) and now is ("{name}: requisito soddisfatto"), then
/// every gating criterion still or newly not met, with its remedy ("Ancora da fare: {remedy}").
pub fn changes(before: &Verdict, after: &Verdict) -> Vec<Text> {
    let gating = || after.criteria.iter().filter(|c| c.gating);
    let was = |id: &str| before.criterion(id).map(|c| c.status);
    let met = gating()
        .filter(|c| c.status == Status::Met && was(&c.id).is_some_and(|s| s != Status::Met))
        .map(|c| Text::new(format!("{}: requisito soddisfatto", c.name.it), format!("{}: requirement met", c.name.en)));
    let missing = gating().filter(|c| c.status == Status::NotMet).map(|c| {
        let fix = c.remedy_text.as_ref().unwrap_or(&c.name);
        Text::new(format!("Ancora da fare: {}", fix.it), format!("Still to do: {}", fix.en))
    });
    met.chain(missing).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_members_and_lead_remedies_concern_partners() {
        let add = Remedy::AddMembers { kinds: vec![MemberKind::Comune], count: 2 };
        assert_eq!(add.partners(), Some((&[MemberKind::Comune][..], 2, false)));
        let lead = Remedy::ChangeLead { kinds: vec![MemberKind::SocialCooperative] };
        assert_eq!(lead.partners(), Some((&[MemberKind::SocialCooperative][..], 1, true)));
        for other in
            [Remedy::AwaitNextEdition, Remedy::Money { max_grant: Some(1), min_cost: None }, Remedy::CollectLetters { members: vec![1] }]
        {
            assert!(!other.concerns_partners(), "{other:?}");
        }
    }

    fn criterion(id: &str, status: Status, gating: bool) -> CriterionResult {
        CriterionResult {
            id: id.into(),
            name: Text::new(format!("nome {id}"), format!("name {id}")),
            gating,
            status,
            confidence: Confidence::Confirmed,
            explanation: Text::new("", ""),
            remedy: None,
            remedy_text: (status == Status::NotMet).then(|| Text::new(format!("rimedio {id}"), format!("remedy {id}"))),
            sources: Vec::new(),
            note: None,
        }
    }

    fn verdict(criteria: Vec<CriterionResult>) -> Verdict {
        Verdict {
            call_id: "2016".into(),
            overall: Overall::Admissible,
            headline: Text::new("", ""),
            closed: false,
            criteria,
            merit: Vec::new(),
        }
    }

    #[test]
    fn changes_name_what_is_now_met_then_what_is_still_missing() {
        let before = verdict(vec![
            criterion("public", Status::NotMet, true),
            criterion("letters", Status::Met, true),
            criterion("lead", Status::Unanswered, true),
            criterion("merit", Status::NotMet, false),
            criterion("cost", Status::Met, true),
        ]);
        let after = verdict(vec![
            criterion("public", Status::Met, true),
            criterion("letters", Status::NotMet, true),
            criterion("lead", Status::Met, true),
            criterion("merit", Status::Met, false),
            criterion("cost", Status::Met, true),
        ]);
        let it: Vec<String> = changes(&before, &after).iter().map(|t| t.it.clone()).collect();
        assert_eq!(it, ["nome public: requisito soddisfatto", "nome lead: requisito soddisfatto", "Ancora da fare: rimedio letters"]);
        let en: Vec<String> = changes(&before, &after).iter().map(|t| t.en.clone()).collect();
        assert_eq!(en, ["name public: requirement met", "name lead: requirement met", "Still to do: remedy letters"]);
        // Undone: nothing newly met, the failing rule again.
        let back: Vec<String> = changes(&after, &before).iter().map(|t| t.en.clone()).collect();
        assert_eq!(back, ["name letters: requirement met", "Still to do: remedy public"]);
        assert!(changes(&after, &after).iter().all(|t| t.it.starts_with("Ancora da fare")), "no change: only what is missing");
    }
}
