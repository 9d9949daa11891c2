//! generated/ and docs/regulations.md are what `regc build` writes, to the
//! byte: the output plan for the corpus, in memory, against the files.

use reglament_compiler::plan::{Plan, BUILD_OWNED};
use reglament_compiler::write::owned_files;
use reglament_compiler::Output;
use reglament_tests::{corpus_session, root};

const REGENERATE: &str = "cargo run --bin regc -- build";

fn outputs() -> Vec<Output> {
    let session = corpus_session();
    assert!(!session.has_errors(), "the corpus has errors; run `cargo run --bin regc -- check`");
    Plan::Build.all(&session.corpus()).expect("the outputs build")
}

#[test]
fn generated_is_fresh() {
    let mut stale = Vec::new();
    let expected = outputs();
    for o in &expected {
        let on_disk = std::fs::read_to_string(root().join(&o.path)).unwrap_or_default();
        if on_disk != o.content {
            stale.push(o.path.display().to_string());
        }
    }
    // Every file under the owned folders, subfolders included.
    for dir in BUILD_OWNED {
        for rel in owned_files(&root(), dir.as_ref()) {
            if !expected.iter().any(|o| o.path == rel) {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated/ is stale; regenerate it with `{REGENERATE}` and commit the result:\n  {}",
        stale.join("\n  ")
    );
}

#[test]
fn output_is_deterministic_and_marked_generated() {
    let a = outputs();
    let b = outputs();
    assert_eq!(a, b);
    for o in &a {
        assert!(o.content.contains("@generated"), "{} lacks the @generated header", o.path.display());
        assert!(o.content.contains(REGENERATE), "{} does not say how to regenerate it", o.path.display());
    }
}

#[test]
fn generated_code_parses() {
    for o in outputs().iter().filter(|o| o.path.extension().is_some_and(|e| e == "rs")) {
        syn::parse_file(&o.content).unwrap_or_else(|e| panic!("{}: {e}", o.path.display()));
    }
}

#[test]
fn the_library_crate_does_not_deny_warnings() {
    // A `#![deny(warnings)]` in a library breaks its users' builds when a
    // new compiler warns about something new; the tests deny them instead.
    let lib = std::fs::read_to_string(root().join("generated/src/lib.rs")).expect("generated/src/lib.rs");
    assert!(!lib.contains("deny(warnings)"), "generated/src/lib.rs denies warnings");
}
