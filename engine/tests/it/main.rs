//! The engine's integration tests, in one binary: the command line, instances
//! by string ids, the store, and the typed API of generated channels.

mod cli;
mod common;
mod editions;
mod instances;
mod specs;
mod store;
mod trust;
mod typed;
