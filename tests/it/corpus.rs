//! The renditions under regulations/ against their ground truth: the source
//! documents are unchanged, every quote is verbatim, and the corpus compiles.

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::sources::manifest::Manifest;
use reglament_compiler::sources::SourceDoc;
use reglament_compiler::{Lang, Session};
use reglament_tests::{corpus_session, describe, renditions, sources};

fn session() -> Session {
    corpus_session()
}

/// Every source document is recorded in regulations/sources.toml with the
/// digest of the text as received, and every recorded one is there: a source
/// edited in place, or one added without `regc source add`, fails here (and
/// in every regc command, as E0102).
#[test]
fn source_documents_are_recorded_and_unchanged() {
    let manifest_path = Manifest::path_for(&sources());
    let manifest = Manifest::read(&manifest_path).expect("a readable manifest").expect("regulations/sources.toml");
    let mut present: Vec<String> = std::fs::read_dir(sources())
        .expect("regulations/sources")
        .filter_map(|e| e.ok().map(|e| e.file_name().to_string_lossy().to_string()))
        .filter(|name| name.ends_with(".txt"))
        .collect();
    present.sort();
    let mut recorded: Vec<String> = manifest.entries.iter().map(|e| e.file.clone()).collect();
    recorded.sort();
    assert_eq!(present, recorded, "the files under regulations/sources/ and the manifest must agree");
    for entry in &manifest.entries {
        let bytes = std::fs::read(sources().join(&entry.file)).expect("a recorded source");
        let text = String::from_utf8(bytes).expect("sources are UTF-8");
        let doc = SourceDoc::from_text(&text);
        assert_eq!(doc.sha256(), entry.sha256, "{} was changed; sources must stay as received", entry.file);
        assert_eq!(doc.line_count(), entry.lines, "{}: the recorded line count", entry.file);
    }
    assert!(!manifest.entries.is_empty());
}

#[test]
fn every_quote_is_verbatim() {
    let files = renditions();
    assert!(!files.is_empty(), "no renditions under regulations/");
    let problems: Vec<String> = session()
        .diagnostics()
        .into_iter()
        .filter(|d| matches!(d.code(), "E0102" | "E0201" | "E0202" | "E0203"))
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
