//! The desk in a real browser: headless Chromium, driven by puppeteer-core
//! (tests/browser/desk.cjs), signs in as an officer, opens the inbox and
//! takes a case through its branches to the end, clicking the buttons the
//! page shows; screenshots go to target/screenshots/. Needs `chromium`,
//! `node` and tests/browser/node_modules (.ci/run installs them).

use std::process::Command;

use crate::harness::{Harness, ARCHIVE_KK};
use crate::tools;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_officer_takes_a_case_through_a_branch_to_its_end_in_chromium() {
    let Some(chromium) = tools::chromium() else { return };
    let Some(node) = tools::node_with("puppeteer-core") else { return };
    let h = Harness::sqlite("browser-desk");
    let officer = h.token("aigerim");
    let body = format!(r#"{{"regulation": "{ARCHIVE_KK}", "channel": "qyzmet_berushi", "applicant": "citizen-1"}}"#);
    let case = h.post("/api/cases", Some(&officer), &body).await.json["id"].as_i64().unwrap();
    let address = crate::abuse::listen(&h).await;
    let shots = tools::root().join("target").join("screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let words = serde_json::json!(["егер бұзушылықтар болмаса"]).to_string();
    let script = tools::root().join("tests/browser/desk.cjs");
    let base = format!("http://{address}");
    let (ok, out, err) = tokio::task::spawn_blocking(move || {
        tools::run(
            Command::new(node)
                .arg(script)
                .arg(chromium)
                .arg(base)
                .arg(officer)
                .arg(case.to_string())
                .arg(&shots)
                .arg(words),
        )
    })
    .await
    .unwrap();
    assert!(ok, "the browser run failed:\n{out}\n{err}");
    let seen: serde_json::Value = serde_json::from_str(out.trim()).unwrap_or_else(|e| panic!("{e}: {out}"));
    assert_eq!(seen["inbox"][0]["case"], case.to_string(), "{seen}");
    let clicked: Vec<&str> = seen["clicked"].as_array().unwrap().iter().filter_map(|c| c.as_str()).collect();
    assert_eq!(clicked.len(), 6, "1→2→3, the branch to 5, →6, the branch to 8, the end: {seen}");
    assert!(
        clicked[2].starts_with("егер бұзушылықтар болмаса → 5.")
            && clicked[4].starts_with("егер бұзушылықтар болмаса → 8."),
        "{seen}"
    );
    assert_eq!(seen["status"], "завершено", "{seen}");
    assert!(seen["error"].is_null(), "{seen}");
    let stored = h.get(&format!("/api/cases/{case}"), Some(&h.token("aigerim"))).await;
    assert_eq!(stored.json["status"], "finished");
    assert!(
        stored.json["steps"].as_array().unwrap().iter().all(|s| s["done_by_person"] == "aigerim"),
        "{}",
        stored.text
    );
    for name in ["desk-login", "desk-inbox", "desk-case", "desk-case-branch", "desk-case-finished"] {
        let file = tools::root().join("target/screenshots").join(format!("{name}.png"));
        let bytes = std::fs::metadata(&file).map(|m| m.len()).unwrap_or(0);
        assert!(bytes > 10_000, "the screenshot {} is missing or blank ({bytes} bytes)", file.display());
    }
}
