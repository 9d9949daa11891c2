//! The renditions under regulations/ against their ground truth: the source
//! documents are unchanged, every quote is verbatim, and the corpus compiles.

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::{Lang, Session};
use reglament_tests::{corpus_session, describe, renditions, root, sources};

fn session() -> Session {
    corpus_session()
}

/// FNV-1a, 64 bits: enough to notice any edit of a source document.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3))
}

#[test]
fn source_documents_are_unchanged() {
    let listed =
        std::fs::read_to_string(root().join("tests/fixtures/sources.digest")).expect("tests/fixtures/sources.digest");
    let mut checked = 0;
    for line in listed.lines().filter(|l| !l.trim().is_empty()) {
        let (digest, name) = line.split_once("  ").expect("digest line: HEX  NAME");
        let bytes = std::fs::read(sources().join(name)).unwrap_or_else(|e| panic!("regulations/sources/{name}: {e}"));
        assert_eq!(
            format!("{:016x}", fnv1a(&bytes)),
            digest,
            "regulations/sources/{name} was changed; sources must stay as received"
        );
        checked += 1;
    }
    let present = std::fs::read_dir(sources())
        .expect("regulations/sources")
        .filter(|e| e.as_ref().is_ok_and(|e| e.path().extension().is_some_and(|x| x == "txt")))
        .count();
    assert_eq!(checked, present, "every source document must be listed in tests/fixtures/sources.digest");
    assert_eq!(checked, 5);
}

#[test]
fn every_quote_is_verbatim() {
    let files = renditions();
    assert!(!files.is_empty(), "no renditions under regulations/");
    let problems: Vec<String> = session()
        .diagnostics()
        .into_iter()
        .filter(|d| matches!(d.code(), "E0102" | "E0201" | "E0202"))
        .map(|d| format!("{}:{}", d.file(), describe(&d, Lang::En)))
        .collect();
    assert!(problems.is_empty(), "quotes that are not verbatim:\n{}", problems.join("\n"));
}

#[test]
fn the_corpus_compiles_without_errors() {
    let s = session();
    let errors: Vec<String> = s
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| format!("{}:{}", d.file(), describe(&d, Lang::En)))
        .collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(s.corpus().regulations.len(), renditions().len());
}

#[test]
fn every_reading_is_reported_as_a_note() {
    let s = session();
    let readings: usize = s.corpus().regulations.iter().map(|r| r.readings.len()).sum();
    let notes = s.diagnostics().iter().filter(|d| d.code() == "N0001").count();
    assert_eq!(readings, notes);
}
