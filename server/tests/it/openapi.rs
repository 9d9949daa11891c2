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

#[test]
fn every_code_is_documented_with_its_status() {
    let doc = std::fs::read_to_string(tools::root().join("docs/serve.md")).unwrap();
    let engine = reglament_engine::messages::CODES.iter();
    for code in engine.chain(reglament_server::problem::Own::CODES.iter()) {
        assert!(doc.contains(&format!("| {code} | ")), "docs/serve.md does not list {code}");
    }
    for lang in reglament_engine::Lang::ALL {
        for code in reglament_engine::messages::CODES {
            let title = reglament_engine::messages::title(code, lang);
            let internal = reglament_engine::messages::title("R0604", lang);
            let is_internal = ["R0502", "R0504", "R0505", "R0603", "R0604", "R0605"].contains(&code);
            assert_eq!(title == internal, is_internal, "{code} in {lang:?}: {title}");
        }
    }
}

#[tokio::test]
async fn a_store_that_cannot_be_reached_is_a_503_and_other_requests_are_served() {
    // A pool whose engines cannot open answers 503; what needs no store is served.
    let h = Harness::sqlite("openapi-unavailable");
    let broken = reglament_server::pool::Pool::new(
        1,
        Box::new(|| {
            Err(reglament_engine::StoreError::Database {
                doing: reglament_server::pg::CONNECTING,
                detail: "refused".into(),
            }
            .into())
        }),
    );
    let service = reglament_server::Service {
        config: h.service.config.clone(),
        verifier: reglament_server::auth::Verifier::from_config(&h.service.config.auth).unwrap(),
        clock: std::sync::Arc::new(h.clock.clone()),
        pool: std::sync::Arc::new(broken),
        demo: None,
        sealer: None,
    };
    let app = reglament_server::api::router(std::sync::Arc::new(service));
    let request = crate::harness::request("GET", "/api/cases", Some(&h.token("aigerim")), None);
    let response = tower::ServiceExt::oneshot(app, request).await.unwrap();
    assert_eq!(response.status(), 503);
    let body = axum::body::to_bytes(response.into_body(), usize::MAX).await.unwrap();
    assert!(String::from_utf8_lossy(&body).contains("R0713"));
    assert_eq!(h.get("/api/regulations", None).await.status, 200);
}
