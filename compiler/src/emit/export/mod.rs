//! Exports of the compiled regulations: versioned JSON ([`json`]) for tools,
//! and a line-per-element outline ([`outline`]) for people.

pub mod json;
pub mod outline;
