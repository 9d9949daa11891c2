//! The synthetic corpus of the benchmarks (`synth.rs`): deterministic, and
//! shaped so that it compiles without a finding, like a clean real corpus,
//! into Rust code that parses.

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::model::Language;
use reglament_compiler::{compile_paths, Lang, Options, Plan};
use reglament_tests::describe;
use reglament_tests::synth::{corpus, write_corpus, DEFAULT_SEED};

#[test]
fn the_corpus_is_a_function_of_seed_and_size() {
    let a: Vec<_> = corpus(DEFAULT_SEED, 7).collect();
    let b: Vec<_> = corpus(DEFAULT_SEED, 7).collect();
    assert_eq!(a, b);
    // 7 regulations: 4 documents, 3 with both languages and one Russian only.
    assert_eq!(a.iter().filter(|f| f.is_rendition()).count(), 7);
    assert_eq!(a.iter().filter(|f| !f.is_rendition()).count(), 4);
    let other: Vec<_> = corpus(DEFAULT_SEED + 1, 7).collect();
    assert_ne!(a, other);
    // A larger corpus starts with the same documents.
    let larger: Vec<_> = corpus(DEFAULT_SEED, 9).take(a.len() - 2).collect();
    assert_eq!(&a[..a.len() - 2], &larger[..]);
}

#[test]
fn the_corpus_compiles_without_findings_into_code_that_parses() {
    let dir = reglament_tests::root().join("target").join("synth-test").join(std::process::id().to_string());
    let n = 40;
    let stats = write_corpus(&dir, DEFAULT_SEED, n).expect("the corpus is written");
    assert_eq!(stats.renditions, n);
    let session = compile_paths(&[dir.join("regulations")], &Options::default()).expect("the corpus is readable");
    let findings: Vec<String> = session
        .diagnostics()
        .iter()
        .filter(|d| d.severity != Severity::Note)
        .map(|d| format!("{}:{}", d.file(), describe(d, Lang::En)))
        .collect();
    assert!(findings.is_empty(), "the synthetic corpus has findings:\n{}", findings.join("\n"));
    let corpus = session.corpus();
    assert_eq!(corpus.regulations.len(), n);
    // Both languages, versions linked, several channels, branches, forms.
    assert!(corpus.regulations.iter().any(|r| r.language == Language::Kk && r.version_of.is_some()));
    assert!(corpus.regulations.iter().all(|r| (2..=3).contains(&r.channels.len())));
    assert!(corpus.regulations.iter().flat_map(|r| &r.channels).all(|c| (8..=15).contains(&c.actions.len())));
    assert!(corpus
        .regulations
        .iter()
        .flat_map(|r| &r.channels)
        .flat_map(|c| &c.actions)
        .any(|a| a.targets().len() > 1));
    assert!(corpus.regulations.iter().all(|r| !r.forms.is_empty()));
    for reg in &corpus.regulations {
        for o in Plan::Build
            .regulation(reg)
            .expect("outputs")
            .iter()
            .filter(|o| o.path.extension().is_some_and(|e| e == "rs"))
        {
            syn::parse_file(&o.content).unwrap_or_else(|e| panic!("{}: {e}", o.path.display()));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
