//! Compiling renditions: one file (read, parse, lower, check), and a set of
//! files on every core, with the checks that span files.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::render::Texts;
use crate::diagnostics::{display_path, place_in, Diagnostic, Severity, Sink, Target};
use crate::messages::{Message, Phrase};
use crate::model::{Corpus, Regulation, RegulationId};
use crate::sources::SourceLibrary;

/// The extension of rendition files. (`.reg`, their first extension, is the
/// Windows Registry's: double-clicking a rendition offered to merge it into
/// the registry.)
pub const EXTENSION: &str = "reglament";

/// The extension renditions had before: still read, with a warning.
pub const LEGACY_EXTENSION: &str = "reg";

/// What compiling one rendition file gave.
#[derive(Debug)]
pub struct FileResult {
    /// The file.
    pub path: PathBuf,
    /// Its text (empty if it could not be read, or when the session does not keep texts).
    pub text: String,
    /// The source document it cites, when it was found.
    pub source_path: Option<PathBuf>,
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
    pub fn take_corpus(&mut self) -> Corpus {
        let mut regulations: Vec<Regulation> = self.files.iter_mut().filter_map(|f| f.regulation.take()).collect();
        regulations.sort_by(|a, b| a.id.cmp(&b.id));
        Corpus { regulations }
    }

    /// The text of every source document the renditions cite, by file name,
    /// for the review site's pages of sources.
    pub fn source_texts(&self) -> BTreeMap<String, String> {
        let mut out = BTreeMap::new();
        for f in &self.files {
            if let (Some(path), Some(reg)) = (&f.source_path, &f.regulation) {
                if !out.contains_key(&reg.source.file) {
                    if let Ok(text) = std::fs::read_to_string(path) {
                        out.insert(reg.source.file.clone(), text);
                    }
                }
            }
        }
        out
    }

    /// The texts that `diagnostics` point into: the renditions, and the
    /// source documents they cite (read again from disk), for showing them.
    pub fn texts(&self, diagnostics: &[Diagnostic]) -> Texts {
        let mut texts = Texts::default();
        let shown: std::collections::BTreeSet<&str> = diagnostics.iter().map(Diagnostic::file).collect();
        for f in &self.files {
            let name = display_path(&f.path);
            if !shown.contains(name.as_str()) {
                continue;
            }
            texts.renditions.insert(name, f.text.clone());
            if let (Some(path), Some(file)) = (&f.source_path, f.regulation.as_ref().map(|r| r.source.file.clone())) {
                let cited = diagnostics.iter().any(|d| d.source.as_ref().is_some_and(|s| s.file == file));
                if cited && !texts.sources.contains_key(&file) {
                    if let Ok(text) = std::fs::read_to_string(path) {
                        texts.sources.insert(file, text);
                    }
                }
            }
        }
        texts
    }
}

/// Lists the rendition files under the given paths (files are taken as they
/// are; folders are searched for `*.reglament`, and for `*.reg` files of
/// before, which are read with a warning), sorted, without duplicates.
pub fn collect_renditions(paths: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_file() {
            out.push(p.clone());
        } else if p.is_dir() {
            for entry in walkdir::WalkDir::new(p).sort_by_file_name() {
                let entry = entry.map_err(|e| format!("cannot read {}: {e}", p.display()))?;
                let rendition = entry.path().extension().is_some_and(|e| e == EXTENSION || e == LEGACY_EXTENSION);
                if entry.file_type().is_file() && rendition {
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

/// Compiles one rendition file.
pub fn compile_file(path: &Path, library: &mut SourceLibrary) -> FileResult {
    compile_read(path, std::fs::read_to_string(path), library)
}

/// Compiles a rendition file already read (or that could not be read).
fn compile_read(path: &Path, read: std::io::Result<String>, library: &mut SourceLibrary) -> FileResult {
    let shown = display_path(path);
    let text = match read {
        Ok(t) => t,
        Err(e) => {
            let mut sink = Sink::new(&shown, "");
            sink.emit(Message::Unreadable { error: e.to_string() }, Default::default(), 0);
            let diagnostics = sink.finish();
            return FileResult {
                path: path.to_path_buf(),
                text: String::new(),
                source_path: None,
                regulation: None,
                diagnostics,
            };
        }
    };
    let (regulation, mut diagnostics) = compile_one(&shown, &text, path, library);
    if path.extension().is_some_and(|e| e == LEGACY_EXTENSION) {
        let mut sink = Sink::new(&shown, &text);
        let name = path.file_stem().map(|s| s.to_string_lossy().to_string()).unwrap_or_default();
        sink.emit(Message::LegacyExtension { renamed: format!("{name}.{EXTENSION}") }, Default::default(), 0);
        diagnostics.extend(sink.finish());
    }
    let source_path = regulation.as_ref().and_then(|r| library.locate(path, &r.source.file));
    FileResult { path: path.to_path_buf(), text, source_path, regulation, diagnostics }
}

/// Compiles rendition text on its own: parse, lower, check, and the
/// acknowledgements that answer nothing. `path` locates the sources; `shown`
/// is the name diagnostics give the file.
pub fn compile_text(
    shown: &str,
    text: &str,
    path: &Path,
    library: &mut SourceLibrary,
) -> (Option<Regulation>, Vec<Diagnostic>) {
    let (regulation, mut diagnostics) = compile_one(shown, text, path, library);
    if let Some(reg) = &regulation {
        let mut sink = Sink::new(shown, text);
        sink.source_file = Some(reg.source.file.clone());
        crate::check::answers::unused(reg, &diagnostics, &mut sink);
        diagnostics.extend(sink.finish());
        diagnostics.sort_by_key(|d| (d.place.line, d.place.column, d.severity));
    }
    (regulation, diagnostics)
}

/// Compiles rendition text: parse, lower, check, and the answers to its
/// findings; the checks across files come after (see [`compile_paths`]).
fn compile_one(
    shown: &str,
    text: &str,
    path: &Path,
    library: &mut SourceLibrary,
) -> (Option<Regulation>, Vec<Diagnostic>) {
    let mut sink = Sink::new(shown, text);
    let parse = reglament_grammar::parse(text);
    for e in &parse.errors {
        sink.syntax(e);
    }
    let mut regulation = match &parse.tree {
        Some(tree) if parse.errors.is_empty() => crate::lower::lower(tree, path, library, &mut sink),
        _ => None,
    };
    if let Some(reg) = &mut regulation {
        crate::check::check(reg, library.document(path, &reg.source.file), &mut sink);
        // Only the checks read every quote; the back ends read the model's fields.
        reg.quotes = Vec::new();
    }
    let mut diagnostics = sink.finish();
    if let Some(reg) = &regulation {
        crate::check::answers::answer(&mut diagnostics, reg, shown, text);
    }
    diagnostics.sort_by_key(|d| (d.place.line, d.place.column, d.severity));
    (regulation, diagnostics)
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
    /// A folder of source documents to use instead of the `sources/` folder
    /// beside or above each rendition.
    pub sources: Option<&'p Path>,
}

impl Default for Options<'_> {
    /// As many threads as the machine has cores; no progress reports.
    fn default() -> Self {
        Options { jobs: default_jobs(), progress: None, keep_texts: true, sources: None }
    }
}

impl std::fmt::Debug for Options<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Options")
            .field("jobs", &self.jobs)
            .field("progress", &self.progress.is_some())
            .field("keep_texts", &self.keep_texts)
            .field("sources", &self.sources)
            .finish()
    }
}

impl Options<'_> {
    /// Reports progress, when someone listens.
    pub fn report(&self, stage: Stage) {
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
pub fn compile_paths(paths: &[PathBuf], options: &Options) -> Result<Session, String> {
    let files = collect_renditions(paths)?;
    let texts = par_map(&files, options.jobs, || (), |(), path| std::fs::read_to_string(path));
    let mut groups: BTreeMap<String, Vec<ReadFile>> = BTreeMap::new();
    for (i, text) in texts.into_iter().enumerate() {
        // Only the order of work depends on this guess; a file it misreads is compiled alone.
        let key = text.as_ref().ok().and_then(|t| cited_source(t)).map_or_else(|| format!("\u{0}{i}"), str::to_string);
        groups.entry(key).or_default().push((i, text));
    }
    let groups: Vec<std::sync::Mutex<Vec<ReadFile>>> = groups.into_values().map(std::sync::Mutex::new).collect();
    let sources = options.sources.map(Path::to_path_buf);
    let compiled = par_map(
        &groups,
        options.jobs,
        || SourceLibrary::new(sources.clone()),
        |library, group| {
            let group = group.lock().map(|mut g| std::mem::take(&mut *g)).unwrap_or_default();
            group
                .into_iter()
                .map(|(i, text)| {
                    let mut result = compile_read(&files[i], text, library);
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
    check_corpus(&mut session, options.sources);
    for file in &mut session.files {
        let Some(reg) = &file.regulation else { continue };
        if reg.acknowledgements.is_empty() {
            continue;
        }
        let found = findings(file, |sink, reg| {
            if let Some(reg) = reg {
                crate::check::answers::unused(reg, &file.diagnostics, sink);
            }
        });
        add_findings(file, found);
    }
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
fn check_corpus(session: &mut Session, sources: Option<&Path>) {
    let mut library = SourceLibrary::new(sources.map(Path::to_path_buf));
    let mut owners: BTreeMap<RegulationId, usize> = BTreeMap::new();
    for i in 0..session.files.len() {
        let Some(id) = session.files[i].regulation.as_ref().map(|r| r.id.clone()) else { continue };
        match owners.get(&id) {
            Some(&first) => {
                ensure_text(&mut session.files[first]);
                let other = &session.files[first];
                let other_place =
                    other.regulation.as_ref().map(|r| place_in(&display_path(&other.path), &other.text, r.spans.id));
                let other_name = display_path(&other.path);
                let file = &mut session.files[i];
                let found = findings(file, |sink, reg| {
                    let at = reg.map(|r| r.spans.id).unwrap_or_default();
                    let d = sink.emit(Message::RegulationTwice { id: id.clone(), other: other_name }, at, 0);
                    if let Some(place) = other_place {
                        d.related_place(place, Phrase::OtherRendition {});
                    }
                });
                let later_name = display_path(&file.path);
                let later_place = file.regulation.as_ref().map(|r| place_in(&later_name, &file.text, r.spans.id));
                add_findings(file, found);
                file.regulation = None;
                // The first rendition is told too: an analyst checking either
                // file must learn that the other takes its id.
                let first_file = &mut session.files[first];
                let found = findings(first_file, |sink, reg| {
                    let at = reg.map(|r| r.spans.id).unwrap_or_default();
                    let d = sink.emit(Message::RegulationTwice { id: id.clone(), other: later_name }, at, 0);
                    if let Some(place) = later_place {
                        d.related_place(place, Phrase::OtherRendition {});
                    }
                });
                add_findings(first_file, found);
            }
            None => {
                owners.insert(id, i);
            }
        }
    }
    other_services(session);
    for i in 0..session.files.len() {
        let Some(target) = session.files[i].regulation.as_ref().and_then(|r| r.version_of.clone()) else { continue };
        let other = owners.get(&target).and_then(|&j| session.files[j].regulation.as_ref());
        let this = &session.files[i];
        // Each side's text, cut into units while its document is loaded.
        let mut text = |file: &FileResult| {
            let (path, reg) = (file.source_path.as_ref()?, file.regulation.as_ref()?);
            library.load(path).ok().map(|l| crate::check::versions::units(reg, l.doc))
        };
        let this_text = text(this);
        let other_text = owners.get(&target).and_then(|&j| text(&session.files[j]));
        let found = findings(this, |sink, reg| match (other, reg) {
            (Some(other), Some(reg)) => {
                crate::check::versions::compare(reg, this_text.as_ref(), other, other_text.as_ref(), sink)
            }
            (_, reg) => {
                let at = reg.map(|r| r.spans.version_of).unwrap_or_default();
                sink.emit(Message::VersionMissing { target: target.to_string() }, at, 0);
            }
        });
        add_findings(&mut session.files[i], found);
    }
}

/// W1002: each regulation's texts against the titles of the others.
fn other_services(session: &mut Session) {
    let titles: Vec<(RegulationId, String, crate::model::Language)> = session
        .files
        .iter()
        .filter_map(|f| f.regulation.as_ref())
        .map(|r| (r.id.clone(), r.title().to_string(), r.language))
        .collect();
    let services: Vec<crate::check::services::Service> = titles
        .iter()
        .map(|(id, title, language)| crate::check::services::Service { id, title, language: *language })
        .collect();
    if services.len() < 2 {
        return;
    }
    let titles = crate::check::services::Titles::of(&services);
    for file in &mut session.files {
        let found = findings(file, |sink, reg| {
            if let Some(reg) = reg {
                crate::check::services::check(reg, &titles, sink);
            }
        });
        add_findings(file, found);
    }
}

/// Reads a file's text again when the session did not keep it.
fn ensure_text(file: &mut FileResult) {
    if file.text.is_empty() {
        if let Ok(text) = std::fs::read_to_string(&file.path) {
            file.text = text;
        }
    }
}

/// What `f` reports with a sink for `file`.
fn findings(file: &FileResult, f: impl FnOnce(&mut Sink, Option<&Regulation>)) -> Vec<Diagnostic> {
    let shown = display_path(&file.path);
    let mut sink = Sink::new(&shown, &file.text);
    sink.source_file = file.regulation.as_ref().map(|r| r.source.file.clone());
    f(&mut sink, file.regulation.as_ref());
    sink.finish()
}

/// Adds findings to a file's diagnostics, answered by the file's
/// acknowledgements and readings. When the session did not keep the file's
/// text ([`Options::keep_texts`]), the text is read again, to place the
/// findings and to show them.
fn add_findings(file: &mut FileResult, mut found: Vec<Diagnostic>) {
    if found.is_empty() {
        return;
    }
    if file.text.is_empty() {
        ensure_text(file);
        let shown = display_path(&file.path);
        for d in &mut found {
            d.place = place_in(&shown, &file.text, d.place.span);
            for r in &mut d.related {
                if let Target::Rendition(p) = &mut r.target {
                    if p.file == shown {
                        *p = place_in(&shown, &file.text, p.span);
                    }
                }
            }
        }
    }
    if let Some(reg) = &file.regulation {
        crate::check::answers::answer(&mut found, reg, &display_path(&file.path), &file.text);
    }
    file.diagnostics.extend(found);
}

/// Finds the workspace root: the nearest folder at or above `start` that has
/// a `regulations/` folder.
pub fn find_root(start: &Path) -> Option<PathBuf> {
    start.ancestors().find(|a| a.join("regulations").is_dir()).map(Path::to_path_buf)
}
