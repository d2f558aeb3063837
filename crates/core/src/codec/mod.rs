//! The widget's wire formats: [`pack`] (the calls and the catalog compiled at build time, read in the
//! browser without a text parser), [`share`] (the share link's code) and [`qr`] (a share link as a QR
//! code, built by the catalog engine).
//!
//! Owns: bytes and codes, their versions and their limits. Never: what the data means or whether it is
//! valid (that is `rules` and `catalog::validate`); a bad input is an error value, never a panic.

pub mod pack;
pub mod qr;
pub mod share;
