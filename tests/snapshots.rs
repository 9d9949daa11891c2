//! Snapshots for reviewers: each regulation's model (as an outline) and its
//! generated code. `cargo insta review` shows what a change of a rendition,
//! or of the compiler, changes.

use reglament_compiler::emit::{outline, rust};
use reglament_compiler::compile_paths;
use reglament_tests::{root, sources};

#[test]
fn models_and_generated_code() {
    let session = compile_paths(&[root().join("regulations")], Some(sources())).expect("regulations/ is readable");
    let corpus = session.corpus();
    assert!(!corpus.regulations.is_empty());
    for reg in &corpus.regulations {
        insta::assert_snapshot!(format!("model_{}", reg.id), outline::regulation(reg));
        let code = rust::regulation_module(reg).expect("code");
        insta::assert_snapshot!(format!("code_{}", reg.id), code);
    }
}
