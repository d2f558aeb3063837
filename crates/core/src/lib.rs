//! The domain of the widget, pure Rust: the call and its rules, the visitor's answers, eligibility,
//! matching, the catalog and the share-link codec.
//!
//! Invariants (stated as absences):
//! - nothing here touches the DOM, the network, storage or a clock: time is an input (`now`);
//! - no `unwrap`, `expect` or indexing that can panic: bad data becomes a `Problem` naming file and field.
//!
//! Layout, by concern (each folder's `mod.rs` says what it owns and what it never does): [`rules`] (the
//! call, eligibility, the verdict, rule cases), [`catalog`] (its types, validation, import, search,
//! matching, comparison, message drafts, the catalog engine), [`codec`] (packed data, share links, QR
//! codes), [`text`] (bilingual text, letter case, numbers, typed input), [`source`] (reading the data
//! files, feature `source` only), and beside them [`model`], [`problem`], [`time`], [`order`].
//!
//! The re-exports below are the crate's everyday vocabulary (the answers and taxonomies of `model`,
//! `Call`, `evaluate`, `Verdict`, `Text`, `RomeDateTime`, `Problem`): the clearer API for the app and the
//! CLI, which otherwise name the module a thing lives in.

#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod catalog;
pub mod codec;
pub mod model;
pub mod order;
pub mod problem;
pub mod rules;
#[cfg(feature = "source")]
pub mod source;
pub mod text;
pub mod time;

pub use model::*;
pub use problem::Problem;
pub use rules::call::{validate, Call, Criterion, Rule};
pub use rules::eligibility::evaluate;
pub use rules::verdict::{CriterionResult, MeritScore, Overall, Verdict};
pub use text::{Lang, Text};
pub use time::RomeDateTime;
