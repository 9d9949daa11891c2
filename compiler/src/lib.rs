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

    /// The model of every file that lowered, ordered by regulation id, moved
    /// out of the session (which keeps the texts and diagnostics).
    pub fn into_corpus(self) -> Corpus {
        let mut regulations: Vec<Regulation> = self.files.into_iter().filter_map(|f| f.regulation).collect();
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
    compile_read(path, std::fs::read_to_string(path), library, lang)
}

/// Compiles a rendition file already read (or that could not be read).
fn compile_read(path: &Path, read: std::io::Result<String>, library: &mut SourceLibrary, lang: Lang) -> FileResult {
    let shown = diagnostics::display_path(path);
    let text = match read {
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
    let mut regulation = regulation;
    if let Some(reg) = &mut regulation {
        check::check(reg, &mut sink);
        // Only the checks read every quote; the back ends read the model's fields.
        reg.quotes = Vec::new();
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
    compile_paths_with(paths, sources, lang, &Options::default())
}

/// How a run uses the machine, and whom it tells how far it got.
#[derive(Clone, Copy)]
pub struct Options<'p> {
    /// How many threads compile and emit (at least one).
    pub jobs: usize,
    /// Called once per rendition compiled and once per regulation emitted,
    /// from any thread.
    pub progress: Option<&'p (dyn Fn(Stage) + Sync)>,
    /// Whether every rendition's text stays in the session. `regc build`,
    /// which shows only errors and warnings, keeps the text of a file only
    /// when it has one (and reads it again if a check across files finds
    /// one later), so that a corpus of thousands of renditions is not held
    /// in memory twice, as text and as model.
    pub keep_texts: bool,
}

impl Default for Options<'_> {
    /// As many threads as the machine has cores; no progress reports.
    fn default() -> Self {
        Options { jobs: default_jobs(), progress: None, keep_texts: true }
    }
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("jobs", &self.jobs)
            .field("progress", &self.progress.is_some())
            .field("keep_texts", &self.keep_texts)
            .finish()
    }
}

impl Options<'_> {
    fn report(&self, stage: Stage) {
        if let Some(progress) = self.progress {
            progress(stage);
        }
    }
}

/// What a progress report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// One more rendition is compiled.
    Compiled,
    /// One more regulation's files are emitted.
    Emitted,
}

/// The number of threads to use: the cores the machine offers, or
/// `REGC_JOBS` when it is set to a positive number.
pub fn default_jobs() -> usize {
    let env = std::env::var("REGC_JOBS").ok().and_then(|v| v.trim().parse::<usize>().ok()).filter(|&n| n > 0);
    env.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get))
}

/// Maps `f` over `items` on `jobs` threads, keeping the order of `items`.
/// Each thread has its own state, made by `init` (a cache of source
/// documents, say). Threads take items one at a time, so uneven items
/// balance out.
pub fn par_map<T: Sync, S, R: Send>(
    items: &[T],
    jobs: usize,
    init: impl Fn() -> S + Sync,
    f: impl Fn(&mut S, &T) -> R + Sync,
) -> Vec<R> {
    let jobs = jobs.clamp(1, items.len().max(1));
    if jobs == 1 {
        let mut state = init();
        return items.iter().map(|item| f(&mut state, item)).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut parts: Vec<Vec<(usize, R)>> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..jobs)
            .map(|_| {
                scope.spawn(|| {
                    let mut state = init();
                    let mut done = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        done.push((i, f(&mut state, item)));
                    }
                    done
                })
            })
            .collect();
        // A worker that panicked has lost its items; they are computed again below.
        workers.into_iter().map(|w| w.join().unwrap_or_default()).collect()
    });
    let mut slots: Vec<Option<R>> = std::iter::repeat_with(|| None).take(items.len()).collect();
    for (i, r) in parts.iter_mut().flat_map(std::mem::take) {
        slots[i] = Some(r);
    }
    let mut state = None;
    slots
        .into_iter()
        .zip(items)
        .map(|(slot, item)| slot.unwrap_or_else(|| f(state.get_or_insert_with(&init), item)))
        .collect()
}

/// Compiles every rendition under `paths` on `options.jobs` threads, then
/// checks what spans files. The result does not depend on the number of threads.
///
/// Renditions that cite the same source document are compiled together, by
/// one thread, so that each document is loaded once (the language versions
/// of a regulation usually share one).
pub fn compile_paths_with(
    paths: &[PathBuf],
    sources: Option<PathBuf>,
    lang: Lang,
    options: &Options,
) -> Result<Session, String> {
    let files = collect_renditions(paths)?;
    let texts = par_map(&files, options.jobs, || (), |(), path| std::fs::read_to_string(path));
    let mut groups: BTreeMap<String, Vec<ReadFile>> = BTreeMap::new();
    for (i, text) in texts.into_iter().enumerate() {
        // Only the order of work depends on this guess; a file it misreads is compiled alone.
        let key = text.as_ref().ok().and_then(|t| cited_source(t)).map_or_else(|| format!("\u{0}{i}"), str::to_string);
        groups.entry(key).or_default().push((i, text));
    }
    let groups: Vec<std::sync::Mutex<Vec<ReadFile>>> = groups.into_values().map(std::sync::Mutex::new).collect();
    let compiled = par_map(
        &groups,
        options.jobs,
        || SourceLibrary::new(sources.clone()),
        |library, group| {
            let group = group.lock().map(|mut g| std::mem::take(&mut *g)).unwrap_or_default();
            group
                .into_iter()
                .map(|(i, text)| {
                    let mut result = compile_read(&files[i], text, library, lang);
                    if !options.keep_texts && result.diagnostics.iter().all(|d| d.severity == Severity::Note) {
                        result.text = String::new();
                    }
                    options.report(Stage::Compiled);
                    (i, result)
                })
                .collect::<Vec<_>>()
        },
    );
    let mut results: Vec<(usize, FileResult)> = compiled.into_iter().flatten().collect();
    if results.len() != files.len() {
        return Err(format!("internal error: {} of {} renditions were compiled", results.len(), files.len()));
    }
    results.sort_by_key(|(i, _)| *i);
    let mut session = Session { files: results.into_iter().map(|(_, r)| r).collect() };
    check_corpus(&mut session, lang);
    Ok(session)
}

/// A rendition file's index among the files of a run, and its text (or why it could not be read).
type ReadFile = (usize, std::io::Result<String>);

/// The source document a rendition names in its `source "…"` statement,
/// found without parsing: the first line that starts with `source "`.
pub fn cited_source(text: &str) -> Option<&str> {
    let rest = text.lines().map(str::trim_start).find_map(|l| l.strip_prefix("source \""))?;
    rest.split('"').next()
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
            let file = &mut session.files[i];
            let found =
                findings(file, lang, |sink, _| sink.emit("E0302.regulation_twice", Default::default(), 0, args));
            add_findings(file, found);
            session.files[i].regulation = None;
        } else {
            owners.insert(id.clone(), i);
        }
    }
    for i in 0..session.files.len() {
        let Some(target) = session.files[i].regulation.as_ref().and_then(|r| r.version_of.clone()) else { continue };
        // The other version is read where it is; this file's findings are added after.
        let this = &session.files[i];
        let other = owners.get(&target).and_then(|&j| session.files[j].regulation.as_ref());
        let shown = diagnostics::display_path(&this.path);
        let mut sink = Sink::new(&shown, &this.text, lang);
        sink.source_file = this.regulation.as_ref().map(|r| r.source.file.clone());
        match (other, this.regulation.as_ref()) {
            (Some(other), Some(reg)) => check::compare_versions(reg, other, &mut sink),
            (_, reg) => {
                let at = reg.map(|r| r.version_of_at).unwrap_or_default();
                sink.emit("W0102.version_missing", at, 0, Args::none().with("target", &target))
            }
        }
        let found = sink.diagnostics;
        add_findings(&mut session.files[i], found);
    }
}

/// What `f` reports with a sink for `file`.
fn findings(file: &FileResult, lang: Lang, f: impl FnOnce(&mut Sink, Option<&Regulation>)) -> Vec<Diagnostic> {
    let shown = diagnostics::display_path(&file.path);
    let mut sink = Sink::new(&shown, &file.text, lang);
    sink.source_file = file.regulation.as_ref().map(|r| r.source.file.clone());
    f(&mut sink, file.regulation.as_ref());
    sink.diagnostics
}

/// Adds findings to a file's diagnostics. When the session did not keep
/// the file's text ([`Options::keep_texts`]), the text is read again, to
/// place the findings and to show them.
fn add_findings(file: &mut FileResult, mut found: Vec<Diagnostic>) {
    if found.is_empty() {
        return;
    }
    if file.text.is_empty() {
        if let Ok(text) = std::fs::read_to_string(&file.path) {
            for d in &mut found {
                (d.line, d.column) = reglament_grammar::line_col(&text, d.span.start);
            }
            file.text = text;
        }
    }
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
        out.extend(regulation_outputs(reg)?);
    }
    // The table of every regulation and every reading, for analysts and reviewers.
    out.push(Output { path: PathBuf::from("docs/regulations.md"), content: emit::corpus::page(corpus)? });
    Ok(out)
}

/// The files of one regulation: its module of the generated crate, its
/// review page, and the diagrams of each channel beside the page.
pub fn regulation_outputs(reg: &Regulation) -> Result<Vec<Output>, String> {
    // Each Mermaid chart is drawn once: the review page embeds it, and it is a file of its own.
    let mermaid: BTreeMap<&str, String> =
        reg.channels.iter().map(|c| (c.id.as_str(), emit::mermaid::channel_chart(reg, c))).collect();
    let mut out = vec![
        Output {
            path: PathBuf::from(format!("generated/src/{}.rs", reg.id)),
            content: emit::rust::regulation_module(reg)?,
        },
        Output {
            path: PathBuf::from(format!("generated/review/{}.md", reg.id)),
            content: emit::docs::regulation_page_with(reg, &mermaid)?,
        },
    ];
    for ch in reg.channels.iter().filter(|c| !c.actions.is_empty()) {
        let dir = format!("generated/review/{}/{}", reg.id, ch.id);
        let chart = mermaid.get(ch.id.as_str()).cloned().unwrap_or_else(|| emit::mermaid::channel_chart(reg, ch));
        out.push(Output { path: PathBuf::from(format!("{dir}.bpmn")), content: emit::bpmn::channel_file(reg, ch) });
        out.push(Output { path: PathBuf::from(format!("{dir}.mmd")), content: chart });
        out.push(Output { path: PathBuf::from(format!("{dir}.dot")), content: emit::dot::channel_graph(reg, ch) });
    }
    Ok(out)
}

/// The folders under `generated/` that regc owns entirely, subfolders included.
pub const OWNED_DIRS: [&str; 2] = ["generated/src", "generated/review"];

/// What [`emit_and_write`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// The files the build produces.
    pub files: usize,
    /// How many files changed on disk: written, or removed as stale.
    pub changed: usize,
}

/// `regc build`'s back half, for corpora of any size: emits every
/// regulation's files on `options.jobs` threads and writes each changed one
/// to a temporary file beside its place, holding only one regulation's
/// outputs per thread in memory. Only when every file is emitted are the
/// temporary files renamed into place and stale files removed; on any error
/// the temporary files are removed and nothing has changed.
pub fn emit_and_write(root: &Path, corpus: &Corpus, options: &Options) -> Result<Written, String> {
    let regs: Vec<&Regulation> = corpus.regulations.iter().collect();
    // The crate root and the corpus page are one item of work among the
    // regulations (the first one, taken at once), not a serial step.
    let work: Vec<Option<&Regulation>> = std::iter::once(None).chain(regs.iter().copied().map(Some)).collect();
    let emitted = par_map(
        &work,
        options.jobs,
        || (),
        |(), item| match item {
            None => {
                let shared = emit::rust::lib_file(&regs).and_then(|lib| {
                    Ok(vec![
                        Output { path: PathBuf::from("generated/src/lib.rs"), content: lib },
                        Output { path: PathBuf::from("docs/regulations.md"), content: emit::corpus::page(corpus)? },
                    ])
                });
                shared.and_then(|outputs| stage(root, &outputs))
            }
            Some(reg) => {
                let staged = regulation_outputs(reg).and_then(|outputs| stage(root, &outputs));
                options.report(Stage::Emitted);
                staged
            }
        },
    );
    let mut all = Vec::new();
    let mut failure = None;
    for staged in emitted {
        match staged {
            Ok(s) => all.push(s),
            Err(e) => failure = failure.or(Some(e)),
        }
    }
    if let Some(e) = failure {
        for s in &all {
            for (_, tmp) in &s.pending {
                let _ = std::fs::remove_file(tmp);
            }
        }
        return Err(e);
    }
    let mut written = Written::default();
    let mut produced: std::collections::HashSet<PathBuf> = std::collections::HashSet::new();
    for s in all {
        written.files += s.paths.len();
        produced.extend(s.paths);
        for (path, tmp) in s.pending {
            std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.changed += 1;
        }
    }
    for dir in OWNED_DIRS {
        written.changed += remove_stale_set(root, dir, &produced)?;
    }
    Ok(written)
}

/// Outputs written to temporary files, waiting to be renamed into place.
struct Staged {
    /// Every output's path, relative to the root.
    paths: Vec<PathBuf>,
    /// (final path, temporary file) of each output whose content changed.
    pending: Vec<(PathBuf, PathBuf)>,
}

/// Writes each output whose content differs from the file on disk to a
/// temporary file beside it.
fn stage(root: &Path, outputs: &[Output]) -> Result<Staged, String> {
    let mut staged = Staged { paths: Vec::with_capacity(outputs.len()), pending: Vec::new() };
    for o in outputs {
        staged.paths.push(o.path.clone());
        let path = root.join(&o.path);
        if std::fs::read(&path).ok().as_deref() == Some(o.content.as_bytes()) {
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        }
        let mut tmp_name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
        tmp_name.push(".tmp~");
        let tmp = path.with_file_name(tmp_name);
        if let Err(e) = std::fs::write(&tmp, &o.content) {
            for (_, t) in &staged.pending {
                let _ = std::fs::remove_file(t);
            }
            return Err(format!("cannot write {}: {e}", tmp.display()));
        }
        staged.pending.push((path, tmp));
    }
    Ok(staged)
}

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
    let produced: std::collections::HashSet<PathBuf> = outputs.iter().map(|o| o.path.clone()).collect();
    remove_stale_set(root, dir, &produced)
}

fn remove_stale_set(root: &Path, dir: &str, produced: &std::collections::HashSet<PathBuf>) -> Result<usize, String> {
    let mut removed = 0;
    for rel in owned_files(root, dir) {
        if !produced.contains(&rel) {
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
    let staged = stage(root, outputs)?;
    let changed = staged.pending.len();
    for (path, tmp) in staged.pending {
        std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
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
