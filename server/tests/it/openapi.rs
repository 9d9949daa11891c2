//! The OpenAPI document, checked by an independent validator
//! (@apidevtools/swagger-parser, locked in tests/browser/), and against
//! the routes the service answers.

use std::process::Command;

use crate::harness::{folder, Harness};
use crate::tools;

#[tokio::test]
async fn the_openapi_document_is_valid_and_names_every_route() {
    let h = Harness::sqlite("openapi");
    let doc = h.get("/api/openapi.json", None).await;
    assert_eq!(doc.status, 200);
    // Every path of the document is a route: none answers "no such endpoint".
    for (path, _) in doc.json["paths"].as_object().unwrap() {
        let uri = path.replace("{id}", "1").replace("{form}", "application");
        let answer = h.get(&uri, None).await;
        assert_ne!(answer.json["code"], "R0707", "{path} is not served");
    }
    let Some(node) = tools::node_with("@apidevtools/swagger-parser") else { return };
    let file = folder("openapi-doc").join("openapi.json");
    std::fs::write(&file, &doc.text).unwrap();
    let script = tools::root().join("tests/browser/validate-openapi.cjs");
    let (ok, out, err) = tools::run(Command::new(node).arg(script).arg(&file));
    assert!(ok && out.starts_with("valid: Reglament"), "the validator refused the document:\n{out}\n{err}");

    // The validator is not a formality: a broken document is refused.
    let mut broken: serde_json::Value = doc.json.clone();
    broken["paths"]["/api/cases/{id}"]["get"].as_object_mut().unwrap().remove("responses");
    std::fs::write(&file, broken.to_string()).unwrap();
    let script = tools::root().join("tests/browser/validate-openapi.cjs");
    let (ok, _, err) = tools::run(Command::new(tools::on_path("node").unwrap()).arg(script).arg(&file));
    assert!(!ok && err.contains("responses"), "an operation without responses must be refused: {err}");
}
