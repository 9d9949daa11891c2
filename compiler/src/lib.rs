//! The Reglament compiler: renditions in, checked model and outputs out.
//!
//! The pipeline: [`reglament_grammar::parse`] (text → syntax tree and syntax
//! errors) → [`lower`] (tree → model, quotes verified against the sources) →
//! [`check`] (defects of the model) → back ends in [`emit`] (Rust, review
//! pages) and the JSON export (the model itself).
//!
//! Architecture invariant: the compiler knows the runtime only through the
//! paths it writes into generated code (`reglament_runtime::…`); it does not
//! link to it. It knows pest only through the grammar crate's tree.

pub mod check;
pub mod derive;
pub mod diagnostics;
pub mod emit;
pub mod lower;
pub mod messages;
pub mod model;
pub mod sources;
pub mod translit;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use diagnostics::{Diagnostic, Severity, Sink};
use messages::Args;
use model::{Corpus, Regulation};
pub use reglament_grammar::Lang;
use sources::SourceLibrary;

/// The extension of rendition files.
pub const EXTENSION: &str = "reg";

/// What compiling one rendition file gave.
#[derive(Debug)]
pub struct FileResult {
    /// The file.
    pub path: PathBuf,
    /// Its text (empty if it could not be read).
    pub text: String,
    /// The model, when the file could be lowered.
    pub regulation: Option<Regulation>,
    /// Every diagnostic for the file.
    pub diagnostics: Vec<Diagnostic>,
}

/// What compiling a set of renditions gave.
#[derive(Debug, Default)]
pub struct Session {
    /// One result per file, in path order.
    pub files: Vec<FileResult>,
}

impl Session {
    /// Every diagnostic, file by file.
    pub fn diagnostics(&self) -> Vec<Diagnostic> {
        self.files.iter().flat_map(|f| f.diagnostics.iter().cloned()).collect()
    }

    /// Whether any file has an error.
    pub fn has_errors(&self) -> bool {
        self.files.iter().any(|f| f.diagnostics.iter().any(|d| d.severity == Severity::Error))
    }

    /// The model of every file that lowered, ordered by regulation id.
    pub fn corpus(&self) -> Corpus {
        let mut regulations: Vec<Regulation> = self.files.iter().filter_map(|f| f.regulation.clone()).collect();
        regulations.sort_by(|a, b| a.id.cmp(&b.id));
        Corpus { regulations }
    }

    /// The texts of the files, for rendering diagnostics.
    pub fn texts(&self) -> Vec<(PathBuf, String)> {
        self.files.iter().map(|f| (f.path.clone(), f.text.clone())).collect()
    }
}

/// Lists the rendition files under the given paths (files are taken as they
/// are; folders are searched for `*.reg`), sorted, without duplicates.
pub fn collect_renditions(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = entry.map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                if entry.file_type().is_file() && entry.path().extension().is_some_and(|e| e == EXTENSION) {
                    out.push(entry.into_path());
                }
            }
        } else {
            return Err(format!("{} does not exist", p.display()));
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Compiles one rendition file, with messages in `lang`.
pub fn compile_file(path: &Path, library: &mut SourceLibrary, lang: Lang) -> FileResult {
    let shown = diagnostics::display_path(path);
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            let mut sink = Sink::new(&shown, "", lang);
            sink.emit("E0102.unreadable", Default::default(), 0, Args::none().with("error", e));
            let diagnostics = sink.diagnostics;
            return FileResult { path: path.to_path_buf(), text: String::new(), regulation: None, diagnostics };
        }
    };
    let (regulation, diagnostics) = compile_text_in(&shown, &text, path, library, lang);
    FileResult { path: path.to_path_buf(), text, regulation, diagnostics }
}

/// Compiles rendition text with English messages; see [`compile_text_in`].
pub fn compile_text(
    shown: &str,
    text: &str,
    path: &Path,
    library: &mut SourceLibrary,
) -> (Option<Regulation>, Vec<Diagnostic>) {
    compile_text_in(shown, text, path, library, Lang::En)
}

/// Compiles rendition text: parse, lower, check. `path` locates the sources;
/// `shown` is the name diagnostics give the file.
pub fn compile_text_in(
    shown: &str,
    text: &str,
    path: &Path,
    library: &mut SourceLibrary,
    lang: Lang,
) -> (Option<Regulation>, Vec<Diagnostic>) {
    let mut sink = Sink::new(shown, text, lang);
    let parse = reglament_grammar::parse(text);
    for e in &parse.errors {
        sink.syntax(e);
    }
    let regulation = match &parse.tree {
        Some(tree) if parse.errors.is_empty() => lower::lower(tree, path, library, &mut sink),
        _ => None,
    };
    if let Some(reg) = &regulation {
        check::check(reg, &mut sink);
    }
    let mut diagnostics = sink.diagnostics;
    diagnostics.sort_by_key(|d| (d.line, d.column, d.severity));
    (regulation, diagnostics)
}

/// Compiles every rendition under `paths` with English messages.
pub fn compile_paths(paths: &[PathBuf], sources: Option<PathBuf>) -> Result<Session, String> {
    compile_paths_in(paths, sources, Lang::En)
}

/// Compiles every rendition under `paths`, then checks what spans files.
pub fn compile_paths_in(paths: &[PathBuf], sources: Option<PathBuf>, lang: Lang) -> Result<Session, String> {
    let files = collect_renditions(paths)?;
    let mut library = SourceLibrary::new(sources);
    let mut session = Session { files: files.iter().map(|p| compile_file(p, &mut library, lang)).collect() };
    check_corpus(&mut session, lang);
    Ok(session)
}

/// Checks that span files: E0302, two renditions with one id (they would
/// write one module); W0102, a `version_of` naming no rendition; W0701, the
/// differences between language versions of one regulation.
fn check_corpus(session: &mut Session, lang: Lang) {
    let mut owners: BTreeMap<String, usize> = BTreeMap::new();
    let ids: Vec<Option<String>> = session.files.iter().map(|f| f.regulation.as_ref().map(|r| r.id.clone())).collect();
    for (i, id) in ids.iter().enumerate() {
        let Some(id) = id else { continue };
        if let Some(&first) = owners.get(id) {
            let other = diagnostics::display_path(&session.files[first].path);
            let args = Args::none().with("id", id).with("other", other);
            with_sink(&mut session.files[i], lang, |sink, _| {
                sink.emit("E0302.regulation_twice", Default::default(), 0, args)
            });
            session.files[i].regulation = None;
        } else {
            owners.insert(id.clone(), i);
        }
    }
    let models: Vec<Option<Regulation>> = session.files.iter().map(|f| f.regulation.clone()).collect();
    for file in &mut session.files {
        let Some(target) = file.regulation.as_ref().and_then(|r| r.version_of.clone()) else { continue };
        let other = owners.get(&target).and_then(|&i| models[i].as_ref());
        with_sink(file, lang, |sink, reg| match (other, reg) {
            (Some(other), Some(reg)) => check::compare_versions(reg, other, sink),
            _ => {
                let at = reg.map(|r| r.version_of_at).unwrap_or_default();
                sink.emit("W0102.version_missing", at, 0, Args::none().with("target", &target))
            }
        });
    }
}

/// Runs `f` with a sink for `file` and adds what it reports to the file's diagnostics.
fn with_sink(file: &mut FileResult, lang: Lang, f: impl FnOnce(&mut Sink, Option<&Regulation>)) {
    let shown = diagnostics::display_path(&file.path);
    let mut sink = Sink::new(&shown, &file.text, lang);
    sink.source_file = file.regulation.as_ref().map(|r| r.source.file.clone());
    f(&mut sink, file.regulation.as_ref());
    let found = sink.diagnostics;
    file.diagnostics.extend(found);
}

/// One file regc writes, relative to the workspace root.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Output {
    /// Path relative to the root, such as `generated/src/lib.rs`.
    pub path: PathBuf,
    /// Its content.
    pub content: String,
}

/// Everything `regc build` writes for a corpus: the generated crate's
/// sources and the review pages.
pub fn build_outputs(corpus: &Corpus) -> Result<Vec<Output>, String> {
    let regs: Vec<&Regulation> = corpus.regulations.iter().collect();
    let mut out = vec![Output { path: PathBuf::from("generated/src/lib.rs"), content: emit::rust::lib_file(&regs)? }];
    for reg in &regs {
        out.push(Output {
            path: PathBuf::from(format!("generated/src/{}.rs", reg.id)),
            content: emit::rust::regulation_module(reg)?,
        });
        out.push(Output {
            path: PathBuf::from(format!("generated/review/{}.md", reg.id)),
            content: emit::docs::regulation_page(reg)?,
        });
        // The diagrams of each channel, beside its review page.
        for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
            let dir = format!("generated/review/{}/{}", reg.id, ch.id);
            out.push(Output { path: PathBuf::from(format!("{dir}.bpmn")), content: emit::bpmn::channel_file(reg, ch) });
            out.push(Output {
                path: PathBuf::from(format!("{dir}.mmd")),
                content: emit::mermaid::channel_chart(reg, ch),
            });
            out.push(Output { path: PathBuf::from(format!("{dir}.dot")), content: emit::dot::channel_graph(reg, ch) });
        }
    }
    // The table of every regulation and every reading, for analysts and reviewers.
    out.push(Output { path: PathBuf::from("docs/regulations.md"), content: emit::corpus::page(corpus)? });
    Ok(out)
}

/// The folders under `generated/` that regc owns entirely, subfolders included.
pub const OWNED_DIRS: [&str; 2] = ["generated/src", "generated/review"];

/// Writes outputs under `root`: each file through a temporary file and a
/// rename, so no file is ever half-written; then removes files in the owned
/// folders (at any depth) that the build no longer produces, and folders
/// left empty. Returns how many files changed.
pub fn write_outputs(root: &Path, outputs: &[Output]) -> Result<usize, String> {
    let mut changed = write_files(root, outputs)?;
    for dir in OWNED_DIRS {
        changed += remove_stale(root, dir, outputs)?;
    }
    Ok(changed)
}

/// Removes the files under `root/dir` (at any depth) that are not among
/// `outputs`, then the folders left empty. Returns how many files it removed.
pub fn remove_stale(root: &Path, dir: &str, outputs: &[Output]) -> Result<usize, String> {
    let mut removed = 0;
    for rel in owned_files(root, dir) {
        if !outputs.iter().any(|o| o.path == rel) {
            std::fs::remove_file(root.join(&rel)).map_err(|e| format!("cannot remove stale {}: {e}", rel.display()))?;
            removed += 1;
        }
    }
    remove_empty_dirs(&root.join(dir));
    Ok(removed)
}

/// Writes outputs under `root`, each through a temporary file and a rename,
/// skipping files whose content is already right; removes nothing. Returns
/// how many files changed.
pub fn write_files(root: &Path, outputs: &[Output]) -> Result<usize, String> {
    let mut changed = 0;
    for o in outputs {
        let path = root.join(&o.path);
        if std::fs::read_to_string(&path).ok().as_deref() == Some(o.content.as_str()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let tmp = path.with_extension("tmp~");
        std::fs::write(&tmp, &o.content).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
        changed += 1;
    }
    Ok(changed)
}

/// Every file under `root/dir`, at any depth, as a path relative to `root`
/// (`dir/…`), sorted; empty when the folder does not exist.
pub fn owned_files(root: &Path, dir: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walkdir::WalkDir::new(root.join(dir))
        .sort_by_file_name()
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter_map(|e| e.path().strip_prefix(root).ok().map(Path::to_path_buf))
        .collect();
    files.sort();
    files
}

/// Removes the empty folders under `dir` (not `dir` itself), deepest first,
/// so that a regulation that is gone leaves no empty folder behind.
fn remove_empty_dirs(dir: &Path) {
    let dirs: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .contents_first(true)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_dir())
        .map(walkdir::DirEntry::into_path)
        .collect();
    for d in dirs {
        // Fails, harmlessly, when the folder is not empty.
        let _ = std::fs::remove_dir(d);
    }
}

/// Finds the workspace root: the nearest folder at or above `start` that has
/// a `regulations/` folder.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start.ancestors().find(|a| a.join("regulations").is_dir()).map(Path::to_path_buf)
}
