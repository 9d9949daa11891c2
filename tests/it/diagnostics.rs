//! Diagnostic fixtures: each file under tests/fixtures/{malformed,checks,warnings,versions}
//! carries its expected diagnostics inline, beside the offending line, in one
//! or more languages (`//~ CODE text`, `//~[ru] CODE text`, `//~[kk] CODE text`).
//! Every annotation must match a diagnostic on its line, and every error or
//! warning (and every note of an annotated code) must be annotated.

use std::path::{Path, PathBuf};

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::Lang;
use reglament_tests::{compile, compile_fixture, describe, expectations, in_language, languages, mismatches, root};

fn fixtures(dir: &str) -> Vec<PathBuf> {
    reglament_compiler::collect_renditions(&[root().join("tests/fixtures").join(dir)]).expect("fixtures folder")
}

fn name(path: &Path) -> String {
    path.file_name().unwrap_or_default().to_string_lossy().to_string()
}

/// Compiles each fixture of `dir` on its own, in every language it is annotated in.
fn check_each(dir: &str) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let files = fixtures(dir);
    for path in &files {
        let text = std::fs::read_to_string(path).expect("fixture is UTF-8");
        let expected = expectations(&text);
        assert!(!expected.is_empty(), "{} has no //~ annotation", path.display());
        let actual = compile_fixture(path, &text);
        for lang in languages(&expected) {
            for m in mismatches(&in_language(&expected, lang), &actual, lang) {
                failures.push(format!("{} [{lang:?}]: {m}", name(path)));
            }
        }
    }
    (files.len(), failures)
}

#[test]
fn malformed_fixtures_give_their_errors() {
    let (count, failures) = check_each("malformed");
    assert!(count >= 10, "expected at least ten malformed fixtures, found {count}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    for path in fixtures("malformed") {
        let text = std::fs::read_to_string(&path).expect("fixture");
        assert!(
            compile_fixture(&path, &text).iter().any(|d| d.severity == Severity::Error),
            "{}: no error",
            name(&path)
        );
    }
}

#[test]
fn check_fixtures_give_their_findings() {
    let (count, failures) = check_each("checks");
    assert!(count >= 8, "expected a fixture per check, found {count}");
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn some_fixtures_are_checked_in_all_three_languages() {
    let trilingual = ["malformed", "checks"]
        .iter()
        .flat_map(|d| fixtures(d))
        .filter(|p| languages(&expectations(&std::fs::read_to_string(p).unwrap_or_default())).len() == 3)
        .count();
    assert!(trilingual >= 3, "only {trilingual} fixtures are annotated in en, ru and kk");
}

#[test]
fn language_versions_are_compared() {
    let session = compile(&[root().join("tests/fixtures/versions")]);
    for lang in Lang::ALL {
        let mut failures = Vec::new();
        for file in &session.files {
            let expected = in_language(&expectations(&file.text), lang);
            if expected.is_empty() && lang != Lang::En {
                continue;
            }
            for m in mismatches(&expected, &file.diagnostics, lang) {
                failures.push(format!("{} [{lang:?}]: {m}", name(&file.path)));
            }
        }
        assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    }
}

/// A valid rendition gives no error and no warning: what is wrong with its
/// document is acknowledged (and then a note). The clean fixtures of the
/// mutation suite (tests/it/mutations.rs) give no finding at all.
#[test]
fn a_valid_rendition_gives_no_unanswered_findings() {
    let valid = fixtures("valid");
    assert!(!valid.is_empty(), "tests/fixtures/valid has no rendition");
    for path in valid {
        let text = std::fs::read_to_string(&path).expect("fixture");
        let findings: Vec<String> = compile_fixture(&path, &text)
            .iter()
            .filter(|d| d.severity != Severity::Note)
            .map(|d| describe(d, Lang::En))
            .collect();
        assert!(findings.is_empty(), "{}: {findings:?}", name(&path));
    }
}

#[test]
fn diagnostics_never_show_grammar_rule_names() {
    for dir in ["malformed", "checks"] {
        for path in fixtures(dir) {
            let text = std::fs::read_to_string(&path).expect("fixture is UTF-8");
            let diagnostics = compile_fixture(&path, &text);
            for lang in Lang::ALL {
                for d in &diagnostics {
                    let all = format!("{} {}", d.text(lang), d.help(lang).unwrap_or_default());
                    for raw in ["_kw", "_stmt", "_cell", "quote_text", "EOI", "SOI", "Rule::", "{"] {
                        if raw == "{" && (all.contains("{ … }") || all.contains("`{`")) {
                            continue;
                        }
                        assert!(!all.contains(raw), "{}: `{raw}` in «{all}»", path.display());
                    }
                }
            }
        }
    }
}
