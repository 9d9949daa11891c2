//! The review outputs checked by real tools: the BPMN files against the OMG
//! schema with xmllint, the DOT files drawn by Graphviz, and the review
//! site, BPMN files and Mermaid charts in headless Chromium. `.ci/run`
//! installs the tools; outside CI a missing tool skips its test loudly.

mod bpmn_schema;
mod browser;
mod graphviz;
mod helpers;

use std::collections::BTreeMap;

use reglament_compiler::diagnostics::Diagnostic;
use reglament_compiler::plan::{Failed, Plan};
use reglament_compiler::{Lang, Output, Session};

/// The review site's files for the project's renditions, in memory.
pub fn site(session: &Session) -> Vec<Output> {
    let findings: BTreeMap<_, &[Diagnostic]> = session
        .files
        .iter()
        .filter_map(|f| f.regulation.as_ref().map(|r| (r.id.clone(), f.diagnostics.as_slice())))
        .collect();
    let failed: Vec<Failed> = Vec::new();
    let sources = session.source_texts();
    let plan = Plan::Site { findings, failed, lang: Lang::En, owns_folder: true, sources: &sources };
    plan.all(&session.corpus()).expect("the site builds")
}
