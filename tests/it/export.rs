//! `regc export --format json` is designed, versioned data: it says its
//! format, and every key it writes is documented in docs/export.md.

use std::collections::BTreeSet;

use reglament_compiler::emit::export::json::{to_json, FORMAT};
use reglament_tests::{corpus_session, root};
use serde_json::Value;

fn keys(value: &Value, out: &mut BTreeSet<String>) {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                out.insert(k.clone());
                keys(v, out);
            }
        }
        Value::Array(items) => items.iter().for_each(|v| keys(v, out)),
        _ => {}
    }
}

#[test]
fn the_export_says_its_format_and_every_key_is_documented() {
    let json: Value = serde_json::from_str(&to_json(&corpus_session().corpus()).expect("export")).expect("JSON");
    assert_eq!(json["format"], FORMAT);
    assert_eq!(json["regulations"].as_array().map(Vec::len), Some(12));
    let doc = std::fs::read_to_string(root().join("docs/export.md")).expect("docs/export.md");
    let mut all = BTreeSet::new();
    keys(&json, &mut all);
    let undocumented: Vec<&String> = all.iter().filter(|k| !doc.contains(&format!("`{k}`"))).collect();
    assert!(undocumented.is_empty(), "keys of the export that docs/export.md does not document: {undocumented:?}");
}

#[test]
fn deadlines_are_exported_as_values_the_runtime_applies() {
    let json: Value = serde_json::from_str(&to_json(&corpus_session().corpus()).expect("export")).expect("JSON");
    let reg = json["regulations"]
        .as_array()
        .and_then(|r| r.iter().find(|r| r["id"] == "vydacha_spravok_bezrabotnym"))
        .expect("the regulation");
    let con = reg["channels"].as_array().and_then(|c| c.iter().find(|c| c["id"] == "con")).expect("the channel");
    let three_days = con["actions"]
        .as_array()
        .and_then(|a| {
            a.iter().find(|a| a["deadline"]["cell"]["text"].as_str().is_some_and(|t| t.starts_with("Три рабочих дня")))
        })
        .expect("the action whose deadline is «Три рабочих дня (… не входят в срок …)»");
    let limit = &three_days["deadline"]["limit"];
    assert_eq!(limit["days"], "working");
    assert_eq!(limit["start"], "next_working_day", "the plural «не входят» excludes the day of reception too");
    assert_eq!(limit["max"], serde_json::json!({"amount": 3, "unit": "working_day"}));
}
