//! The examples in docs/language.md are real: the whole-regulation example
//! parses and quotes its source verbatim.

use reglament_compiler::messages::Message;
use reglament_compiler::Lang;
use reglament_tests::{compile_fixture, describe, root};

fn examples() -> Vec<String> {
    let text = std::fs::read_to_string(root().join("docs/language.md")).expect("docs/language.md");
    text.split("```reg\n")
        .skip(1)
        .filter_map(|block| block.split_once("```").map(|(code, _)| code.to_string()))
        .collect()
}

#[test]
fn the_whole_regulation_example_is_verbatim() {
    let whole: Vec<String> = examples().into_iter().filter(|e| e.starts_with("regulation ")).collect();
    assert!(!whole.is_empty(), "docs/language.md has no whole-regulation example");
    for example in whole {
        let diagnostics = compile_fixture(&root().join("docs/language.md"), &example);
        let bad: Vec<String> = diagnostics
            .iter()
            .filter(|d| ["E00", "E01", "E02"].iter().any(|p| d.code().starts_with(p)) || d.code() == "E0301")
            .map(|d| describe(d, Lang::En))
            .collect();
        assert!(bad.is_empty(), "the example in docs/language.md is wrong:\n{}", bad.join("\n"));
    }
}

#[test]
fn every_diagnostic_code_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/checks.md")).expect("docs/checks.md");
    for (name, code, _) in Message::codes() {
        assert!(doc.contains(&format!("| {code} |")), "docs/checks.md does not document {code} ({name})");
    }
}
