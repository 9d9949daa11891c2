//! Malformed renditions: each fixture under tests/fixtures/malformed carries
//! its expected diagnostics inline, beside the offending line.

use reglament_tests::{compile_fixture, expectations, mismatches, root};

#[test]
fn every_malformed_fixture_gives_its_diagnostics() {
    let dir = root().join("tests/fixtures/malformed");
    let files = reglament_compiler::collect_renditions(&[dir]).expect("fixtures folder");
    assert!(files.len() >= 10, "expected at least ten malformed fixtures, found {}", files.len());
    let mut failures = Vec::new();
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let expected = expectations(&text);
        assert!(!expected.is_empty(), "{} has no //~ annotation", path.display());
        let actual = compile_fixture(path, &text);
        assert!(
            actual.iter().any(|d| d.severity == reglament_compiler::diagnostics::Severity::Error),
            "{}: no error",
            path.display()
        );
        for m in mismatches(&expected, &actual) {
            failures.push(format!("{}: {m}", path.file_name().unwrap_or_default().to_string_lossy()));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn diagnostics_never_show_grammar_rule_names() {
    let dir = root().join("tests/fixtures/malformed");
    for path in reglament_compiler::collect_renditions(&[dir]).expect("fixtures folder") {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        for d in compile_fixture(&path, &text) {
            let all = format!("{} {}", d.message, d.help.unwrap_or_default());
            for raw in ["_kw", "_stmt", "_cell", "quote_text", "EOI", "SOI", "Rule::"] {
                assert!(!all.contains(raw), "{}: `{raw}` in «{all}»", path.display());
            }
        }
    }
}

#[test]
fn warning_fixtures_give_their_warnings_and_no_error() {
    let dir = root().join("tests/fixtures/warnings");
    for path in reglament_compiler::collect_renditions(&[dir]).expect("fixtures folder") {
        let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
        let actual = compile_fixture(&path, &text);
        let problems = mismatches(&expectations(&text), &actual);
        assert!(problems.is_empty(), "{}:\n{}", path.display(), problems.join("\n"));
        assert!(actual.iter().all(|d| d.severity != reglament_compiler::diagnostics::Severity::Error));
    }
}
