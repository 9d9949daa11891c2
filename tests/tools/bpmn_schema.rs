//! Every generated BPMN file is valid against the official OMG BPMN 2.0 XML
//! schema (BPMN20.xsd with Semantic.xsd, BPMNDI.xsd, DC.xsd and DI.xsd, as
//! the bpmn-moddle npm package ships them), checked with xmllint.
//!
//! Needs `xmllint` (Debian: libxml2-utils) and tests/browser/node_modules
//! (`npm ci`); .ci/run installs both. Outside CI a missing tool skips the
//! test loudly; under CI it fails.

use crate::helpers as tools;

use std::process::Command;
use std::time::Duration;

use reglament_compiler::Output;
use reglament_tests::corpus_session;

fn bpmn_outputs() -> Vec<Output> {
    let outputs = crate::site(&corpus_session());
    outputs.into_iter().filter(|o| o.path.extension().is_some_and(|e| e == "bpmn")).collect()
}

/// Whether xmllint and the schema are there (skips or fails if not).
fn ready() -> bool {
    tools::require("xmllint", tools::on_path("xmllint").is_some(), "apt-get install libxml2-utils")
        && tools::require(
            "the BPMN 2.0 XSDs (npm package bpmn-moddle)",
            tools::bpmn_xsd().is_file(),
            tools::NPM_INSTALL,
        )
}

/// Validates a document; the error text when it is not valid.
fn validate(xml: &str) -> Result<(), String> {
    let xsd = tools::bpmn_xsd();
    let run = tools::run(
        Command::new("xmllint").arg("--noout").arg("--nonet").arg("--schema").arg(&xsd).arg("-"),
        xml,
        Duration::from_secs(120),
    );
    if run.ok {
        Ok(())
    } else {
        Err(run.stderr)
    }
}

#[test]
fn every_bpmn_file_is_valid_against_the_omg_schema() {
    if !ready() {
        return;
    }
    let outputs = bpmn_outputs();
    assert!(outputs.len() >= 9, "expected a BPMN file per channel, got {}", outputs.len());
    let invalid: Vec<String> = outputs
        .iter()
        .filter_map(|o| validate(&o.content).err().map(|e| format!("{}:\n{e}", o.path.display())))
        .collect();
    assert!(invalid.is_empty(), "BPMN files not valid against BPMN20.xsd:\n{}", invalid.join("\n"));
}

/// The check has teeth: the schema really is applied (a wrong attribute
/// value and an unknown element fail), so a pass above means something.
#[test]
fn the_schema_check_rejects_invalid_bpmn() {
    if !ready() {
        return;
    }
    let outputs = bpmn_outputs();
    let Some(good) = outputs.first() else { panic!("no BPMN output") };
    let bad_value = good.content.replacen(r#"isExecutable="true""#, r#"isExecutable="maybe""#, 1);
    let bad_element = good.content.replacen("<bpmn:laneSet ", "<bpmn:swimlane /><bpmn:laneSet ", 1);
    for (what, xml) in [("a wrong boolean", bad_value), ("an unknown element", bad_element)] {
        assert_ne!(xml, good.content, "the mutation for {what} did not apply");
        assert!(validate(&xml).is_err(), "xmllint accepted {what}: the schema is not applied");
    }
}
