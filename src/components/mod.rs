//! One component a file. Each takes what it shows as props and reports what the visitor did
//! through `on*` callbacks (usually `on_action`, which dispatches to the reducer).

pub mod autocomplete;
pub mod checkboxes;
pub mod field;
pub mod header;
pub mod idle_dialog;
pub mod matches;
pub mod member_card;
pub mod member_form;
pub mod merit;
pub mod merit_chart;
pub mod money;
pub mod needs;
pub mod network;
pub mod notice;
pub mod qr;
pub mod question;
pub mod result;
pub mod result_tools;
pub mod review;
pub mod start;
pub mod territory;
