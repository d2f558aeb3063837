//! The call and its rules: [`call`] (an edition as data, a closed set of typed rules, validation, and
//! natively its TOML loader), [`eligibility`] (answers + call + now → verdict, explained in both
//! languages), [`verdict`] (what the verdict says: statuses, remedies as data) and [`cases`] (rule
//! cases as files, feature `source`).
//!
//! Owns: what the call requires and whether answers meet it. Never: the catalog or matching (which read
//! a verdict's remedies, not the other way round), a clock (`now` is an argument), or file reading
//! other than through `crate::source`.

pub mod call;
#[cfg(feature = "source")]
pub mod cases;
pub mod eligibility;
pub mod verdict;
