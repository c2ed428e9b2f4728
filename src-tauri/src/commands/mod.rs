//! One file per screen; each command is a few lines over the core. Commands
//! are `async` so Tauri runs them off the UI thread.

pub mod actions;
pub mod app;
pub mod dispositif;
pub mod followups;
pub mod offers;
pub mod partners;
pub mod people;
pub mod plans;
pub mod programmes;
pub mod proofs;
pub mod results;
pub mod support;
