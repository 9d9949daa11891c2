//! The examples in docs/language.md are real: the whole-regulation example
//! parses and quotes its source verbatim.

use reglament_tests::{compile_fixture, root};

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
            .filter(|d| {
                d.code.starts_with("E00") || d.code.starts_with("E01") || d.code.starts_with("E02") || d.code == "E0301"
            })
            .map(|d| format!("line {}: {} {}", d.line, d.code, d.message))
            .collect();
        assert!(bad.is_empty(), "the example in docs/language.md is wrong:\n{}", bad.join("\n"));
    }
}

#[test]
fn every_diagnostic_code_is_documented() {
    let doc = std::fs::read_to_string(root().join("docs/checks.md")).expect("docs/checks.md");
    for id in reglament_compiler::messages::ids() {
        let code = reglament_compiler::messages::code_of(id);
        assert!(doc.contains(&format!("| {code} |")), "docs/checks.md does not document {code} ({id})");
    }
    assert!(doc.contains("| E0001 |"), "syntax errors (E0001) come from the grammar crate and must be documented too");
}
