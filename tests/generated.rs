//! generated/ is what `regc build` writes, to the byte.

use reglament_compiler::{build_outputs, compile_paths};
use reglament_tests::{root, sources};

fn outputs() -> Vec<reglament_compiler::Output> {
    let session = compile_paths(&[root().join("regulations")], Some(sources())).expect("regulations/ is readable");
    assert!(!session.has_errors(), "the corpus has errors; run `cargo run -p regc -- check`");
    build_outputs(&session.corpus()).expect("outputs build")
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
    // Every file under the owned folders, subfolders included (the diagrams
    // live in generated/review/<regulation>/).
    for dir in reglament_compiler::OWNED_DIRS {
        for rel in reglament_compiler::owned_files(&root(), dir) {
            if !expected.iter().any(|o| o.path == rel) {
                stale.push(format!("{} (no longer generated)", rel.display()));
            }
        }
    }
    assert!(
        stale.is_empty(),
        "generated/ is stale; regenerate it with `cargo run -p regc -- build` and commit the result:\n  {}",
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
    }
}

#[test]
fn generated_code_parses_and_is_formatted() {
    for o in outputs().iter().filter(|o| o.path.extension().is_some_and(|e| e == "rs")) {
        let file = syn::parse_file(&o.content).unwrap_or_else(|e| panic!("{}: {e}", o.path.display()));
        let body = o.content.split_once("\n\n").map(|(_, b)| b).unwrap_or(&o.content);
        assert_eq!(prettyplease::unparse(&file), body, "{} is not prettyplease-formatted", o.path.display());
    }
}
