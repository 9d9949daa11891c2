//! Helpers shared by the integration tests: where things are, and the
//! inline-annotation format of diagnostic fixtures.
//!
//! A fixture marks each expected diagnostic on the line it belongs to with a
//! comment `//~ CODE text`, where `text` is a fragment of the message. The
//! test compiles the fixture and compares: every annotation must match a
//! diagnostic on its line, and every error or warning must be annotated.

use std::path::{Path, PathBuf};

pub mod synth;

use reglament_compiler::diagnostics::{Diagnostic, Severity};
use reglament_compiler::sources::SourceLibrary;
use reglament_compiler::{Lang, Options, Session};

/// The workspace root.
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map(Path::to_path_buf).unwrap_or_default()
}

/// An empty folder for one test under `target/scratch/`, named after the
/// test and the process (tests of one run share nothing; a rerun starts clean).
pub fn scratch(name: &str) -> PathBuf {
    let dir = root().join("target").join("scratch").join(format!("{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch folder");
    dir
}

/// A workspace under `target/scratch/` with the given renditions of the
/// corpus (paths under `regulations/`), the source documents they cite and
/// the manifest that records them.
pub fn workspace_with(name: &str, renditions: &[&str]) -> PathBuf {
    use reglament_compiler::sources::manifest::Manifest;
    let dir = scratch(name);
    let regs = dir.join("regulations");
    std::fs::create_dir_all(regs.join("sources")).expect("regulations/sources");
    let manifest =
        Manifest::read(&Manifest::path_for(&sources())).expect("the manifest").expect("regulations/sources.toml");
    let mut copy = Manifest::empty(Manifest::path_for(&regs.join("sources")));
    for r in renditions {
        let text = std::fs::read_to_string(root().join("regulations").join(r)).expect("a rendition");
        let target = regs.join(r);
        std::fs::create_dir_all(target.parent().expect("a folder")).expect("its folder");
        std::fs::write(&target, &text).expect("the rendition");
        let cited = reglament_compiler::session::cited_source(&text).expect("a source statement").to_string();
        if copy.entry(&cited).is_none() {
            std::fs::copy(sources().join(&cited), regs.join("sources").join(&cited)).expect("the source");
            copy.add(manifest.entry(&cited).expect("a recorded source").clone());
        }
    }
    std::fs::write(&copy.path, copy.text()).expect("the manifest");
    dir
}

/// The folder of source documents.
pub fn sources() -> PathBuf {
    root().join("regulations").join("sources")
}

/// One expected diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expected {
    /// 1-based line in the fixture.
    pub line: usize,
    /// The language of the message: `en`, `ru` or `kk`.
    pub lang: String,
    /// The diagnostic code.
    pub code: String,
    /// A fragment of the message or its help.
    pub fragment: String,
}

/// Reads the annotations of a fixture: `//~ CODE text` (English) or
/// `//~[ru] CODE text`; one line may carry several.
pub fn expectations(text: &str) -> Vec<Expected> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        for part in line.split("//~").skip(1) {
            let (lang, rest) = match part.strip_prefix('[').and_then(|p| p.split_once(']')) {
                Some((lang, rest)) => (lang.to_string(), rest),
                None => ("en".to_string(), part),
            };
            let rest = rest.trim();
            let (code, fragment) = rest.split_once(' ').unwrap_or((rest, ""));
            out.push(Expected { line: i + 1, lang, code: code.to_string(), fragment: fragment.trim().to_string() });
        }
    }
    out
}

/// The languages a fixture has annotations in.
pub fn languages(expected: &[Expected]) -> Vec<Lang> {
    let mut out = Vec::new();
    for lang in Lang::ALL {
        if expected.iter().any(|e| e.lang == lang.code()) {
            out.push(lang);
        }
    }
    out
}

/// The annotations of one language.
pub fn in_language(expected: &[Expected], lang: Lang) -> Vec<Expected> {
    expected.iter().filter(|e| e.lang == lang.code()).cloned().collect()
}

/// Compiles fixture text with the project's sources.
pub fn compile_fixture(path: &Path, text: &str) -> Vec<Diagnostic> {
    let mut library = SourceLibrary::new(Some(sources()));
    let shown = path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
    reglament_compiler::compile_text(&shown, text, path, &mut library).1
}

/// Compiles the renditions under `paths` with the project's sources.
pub fn compile(paths: &[PathBuf]) -> Session {
    let sources = sources();
    let options = Options { sources: Some(&sources), ..Options::default() };
    reglament_compiler::compile_paths(paths, &options).expect("the renditions are readable")
}

/// Compiles every rendition of the project.
pub fn corpus_session() -> Session {
    compile(&[root().join("regulations")])
}

/// A diagnostic as one line, in `lang`: `line: CODE message (help)`.
pub fn describe(d: &Diagnostic, lang: Lang) -> String {
    format!("{}: {} {} ({})", d.line(), d.code(), d.text(lang), d.help(lang).unwrap_or_default())
}

/// Compares diagnostics, shown in `lang`, with a fixture's annotations;
/// returns every mismatch.
pub fn mismatches(expected: &[Expected], actual: &[Diagnostic], lang: Lang) -> Vec<String> {
    let mut problems = Vec::new();
    for e in expected {
        let hit = actual.iter().any(|d| {
            let text = format!("{} {}", d.text(lang), d.help(lang).unwrap_or_default());
            d.line() == e.line && d.code() == e.code && text.contains(&e.fragment)
        });
        if !hit {
            let on_line: Vec<String> =
                actual.iter().filter(|d| d.line() == e.line).map(|d| describe(d, lang)).collect();
            problems
                .push(format!("line {}: expected {} «{}»; the line has: {:?}", e.line, e.code, e.fragment, on_line));
        }
    }
    for d in actual.iter().filter(|d| d.severity != Severity::Note || expected.iter().any(|e| e.code == d.code())) {
        if !expected.iter().any(|e| e.line == d.line() && e.code == d.code()) {
            problems.push(format!("unexpected {}", describe(d, lang)));
        }
    }
    problems
}

/// The rendition files of the project.
pub fn renditions() -> Vec<PathBuf> {
    reglament_compiler::collect_renditions(&[root().join("regulations")]).unwrap_or_default()
}
