//! Generated code is hygienic: whatever ids a rendition uses — names of the
//! runtime's types (`form_spec`, `language`, `option`), Rust keywords
//! (`type`, `match`, `mod`), names the generated code uses itself
//! (`formatter`, `values`, `tests`) — the code compiles without a warning,
//! or regc refuses the id with an error at its line (the fixture
//! `malformed/names_rust_cannot_take.reglament`).
//!
//! The test compiles the whole corpus's generated code together with a
//! rendition whose ids are all hostile, in a throwaway crate, with warnings
//! denied, and runs the generated tests.

use std::path::{Path, PathBuf};
use std::process::Command;

use reglament_compiler::diagnostics::Severity;
use reglament_compiler::model::Corpus;
use reglament_compiler::{Lang, Plan};
use reglament_tests::{corpus_session, describe, root, sources};

/// Renames the ids of a real rendition to hostile ones; every quote stays.
fn hostile_rendition() -> String {
    let text = std::fs::read_to_string(root().join("regulations/ru/postanovka_na_ochered_doshkolnikov.reglament"))
        .expect("the rendition");
    let renames = [
        ("regulation postanovka_na_ochered_doshkolnikov {", "regulation type {"),
        ("channel mio authority", "channel tests authority"),
        ("channel con center", "channel spec center"),
        ("channel pep portal", "channel mod portal"),
        ("participant mio unit", "participant super_ unit"),
        ("participant con unit", "participant role unit"),
        ("participant pep system", "participant type system"),
        ("participant rshep system", "participant action system"),
        ("participant is_con system", "participant participant system"),
        ("participant is_mio system", "participant option system"),
        ("form application ", "form form_spec "),
        ("field 1 iin ", "field 1 type "),
        ("field 2 rnn ", "field 2 match "),
        ("field 3 postal_code ", "field 3 formatter "),
        ("field 4 phone ", "field 4 self_ "),
        ("field 5 child_iin ", "field 5 values "),
    ];
    let mut out = text;
    for (from, to) in renames {
        assert!(out.contains(from), "the rendition changed: «{from}» is gone");
        out = out.replacen(from, to, 1);
    }
    out
}

/// The corpus with the hostile rendition added.
fn hostile_corpus() -> Corpus {
    let path = root().join("regulations/ru/hostile.reglament");
    let mut library = reglament_compiler::sources::SourceLibrary::new(Some(sources()));
    let (reg, diagnostics) =
        reglament_compiler::compile_text("hostile.reglament", &hostile_rendition(), &path, &mut library);
    let errors: Vec<String> =
        diagnostics.iter().filter(|d| d.severity == Severity::Error).map(|d| describe(d, Lang::En)).collect();
    assert!(errors.is_empty(), "hostile ids that Rust can take are refused:\n{}", errors.join("\n"));
    let mut corpus = corpus_session().corpus();
    corpus.regulations.push(reg.expect("the hostile rendition lowers"));
    corpus.regulations.sort_by(|a, b| a.id.cmp(&b.id));
    corpus
}

/// Writes a throwaway crate of the generated code; returns its folder.
fn write_crate(corpus: &Corpus) -> PathBuf {
    let dir = root().join("target").join("hygiene");
    let _ = std::fs::remove_dir_all(dir.join("src"));
    std::fs::create_dir_all(dir.join("src")).expect("the crate's folder");
    for o in Plan::Build.all(corpus).expect("the outputs").iter() {
        if let Ok(rel) = o.path.strip_prefix("generated/src") {
            std::fs::write(dir.join("src").join(rel), &o.content).expect("a module");
        }
    }
    let manifest = format!(
        "[package]\nname = \"hygiene\"\nversion = \"0.0.0\"\nedition = \"2021\"\npublish = false\n\n\
         [dependencies]\nreglament-runtime = {{ path = {:?} }}\nserde = {{ version = \"1\", features = [\"derive\"] }}\n\n\
         [workspace]\n",
        root().join("runtime").display().to_string()
    );
    std::fs::write(dir.join("Cargo.toml"), manifest).expect("the manifest");
    // The workspace's lock file: the same versions, and no registry needed.
    std::fs::copy(root().join("Cargo.lock"), dir.join("Cargo.lock")).expect("the lock file");
    dir
}

fn cargo(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()))
        .args(args)
        .arg("--manifest-path")
        .arg(dir.join("Cargo.toml"))
        .env("CARGO_TARGET_DIR", root().join("target").join("hygiene-target"))
        .env("RUSTFLAGS", "-D warnings")
        .env_remove("CARGO_ENCODED_RUSTFLAGS")
        .output()
        .expect("cargo runs")
}

#[test]
fn generated_code_with_hostile_ids_compiles_without_warnings_and_its_tests_pass() {
    let dir = write_crate(&hostile_corpus());
    let mut run = cargo(&dir, &["test", "--offline", "--quiet"]);
    if !run.status.success() && String::from_utf8_lossy(&run.stderr).contains("offline") {
        // A registry cache without serde's exact version: let cargo fetch it.
        run = cargo(&dir, &["test", "--quiet"]);
    }
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert!(run.status.success(), "the generated code does not build cleanly or its tests fail:\n{stderr}");
    let stdout = String::from_utf8_lossy(&run.stdout);
    assert!(stdout.contains("test result: ok"), "{stdout}");
    let _ = std::fs::remove_dir_all(dir.join("src"));
}

#[test]
fn hostile_ids_keep_their_names_in_json_and_in_the_specs() {
    let corpus = hostile_corpus();
    let reg = corpus.regulations.iter().find(|r| r.id == "type").expect("the hostile regulation");
    let code = reglament_compiler::emit::rust::regulation_module(reg);
    assert!(code.contains("pub r#type: ::core::option::Option<::std::string::String>,"), "a keyword field is raw");
    assert!(code.contains("pub struct FormSpec {"), "the form keeps its name, not the runtime's");
    assert!(code.contains("id: \"type\","), "the JSON key and the spec keep the id");
    let lib = reglament_compiler::emit::rust::lib_file(&corpus.regulations.iter().collect::<Vec<_>>());
    assert!(lib.contains("pub mod r#type;"));
}
