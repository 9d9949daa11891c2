//! The engine's integration tests, in one binary: instances
//! by string ids, the store, and the typed API of generated channels.

mod common;
mod editions;
mod instances;
mod specs;
mod store;
mod trust;
mod typed;
