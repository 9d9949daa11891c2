//! Reglament's integration tests, in one binary (one link, one run): each
//! module is a subject. The review outputs checked by external tools
//! (xmllint, Graphviz, Chromium) are in the `tools` binary.

mod amendment;
mod corpus;
mod dependencies;
mod derive;
mod diagnostics;
mod diff;
mod docs;
mod export;
mod flk;
mod generated;
mod hygiene;
mod import;
mod machines;
mod messages;
mod mutations;
mod ranges;
mod report;
mod review;
mod robustness;
mod sources;
mod synth;
