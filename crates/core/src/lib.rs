//! The domain of the widget, pure Rust: the call and its rules, the visitor's answers, eligibility,
//! matching, the catalog and the share-link codec.
//!
//! Invariants (stated as absences):
//! - nothing here touches the DOM, the network, storage or a clock: time is an input (`now`);
//! - no `unwrap`, `expect` or indexing that can panic: bad data becomes a `Problem` naming file and field.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod call;
pub mod case;
pub mod cases;
pub mod catalog;
pub mod compare;
pub mod eligibility;
pub mod engine;
pub mod input;
pub mod matching;
pub mod message;
pub mod model;
pub mod order;
pub mod pack;
pub mod problem;
pub mod qr;
pub mod share;
pub mod search;
pub mod synth;
pub mod text;
pub mod time;
pub mod verdict;

pub use model::*;
pub use problem::Problem;
pub use call::{validate, Call, Criterion, Rule};
pub use eligibility::evaluate;
pub use text::{Lang, Text};
pub use time::RomeDateTime;
pub use verdict::{CriterionResult, MeritScore, Overall, Verdict};
