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
