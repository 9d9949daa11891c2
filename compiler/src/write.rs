//! The one write path: every file regc writes goes through here.
//!
//! Files are emitted regulation by regulation on several threads; each
//! changed file is written to a temporary file beside its place (a file whose
//! content is already right is left alone). Only when every file is emitted
//! are the temporary files renamed into place and the files the plan no
//! longer produces removed from the folders it owns; on any error the
//! temporary files are removed and nothing has changed.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::model::{Corpus, Regulation};
use crate::plan::{Output, Plan};
use crate::session::{par_map, Options, Stage};

/// What [`write`] did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Written {
    /// The files the plan produces.
    pub files: usize,
    /// How many files changed on disk: written, or removed as stale.
    pub changed: usize,
}

/// Emits the plan's files for `corpus` and writes them under `root`, all or
/// nothing (see the module's documentation).
pub fn write(root: &Path, plan: &Plan, corpus: &Corpus, options: &Options) -> Result<Written, String> {
    let owned = plan.owned();
    let regs: Vec<&Regulation> = corpus.regulations.iter().collect();
    // The shared files are one item of work among the regulations (the
    // first one, taken at once), not a serial step.
    let work: Vec<Option<&Regulation>> = std::iter::once(None).chain(regs.iter().copied().map(Some)).collect();
    let emitted = par_map(
        &work,
        options.jobs,
        || (),
        |(), item| {
            let outputs = match item {
                None => plan.shared(corpus),
                Some(reg) => {
                    let outputs = plan.regulation(reg);
                    options.report(Stage::Emitted);
                    outputs
                }
            };
            outputs.and_then(|o| stage(root, &o))
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
            s.discard();
        }
        return Err(e);
    }
    let mut written = Written::default();
    let mut produced: HashSet<PathBuf> = HashSet::new();
    for s in all {
        written.files += s.paths.len();
        produced.extend(s.paths);
        for (path, tmp) in s.pending {
            std::fs::rename(&tmp, &path).map_err(|e| format!("cannot write {}: {e}", path.display()))?;
            written.changed += 1;
        }
    }
    for dir in owned {
        written.changed += remove_stale(root, &dir, &produced)?;
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

impl Staged {
    /// Removes the temporary files.
    fn discard(&self) {
        for (_, tmp) in &self.pending {
            let _ = std::fs::remove_file(tmp);
        }
    }
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
        let result = temporary(&path, &o.content);
        match result {
            Ok(tmp) => staged.pending.push((path, tmp)),
            Err(e) => {
                staged.discard();
                return Err(e);
            }
        }
    }
    Ok(staged)
}

/// Writes `content` to a temporary file beside `path`; returns its path.
fn temporary(path: &Path, content: &str) -> Result<PathBuf, String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    }
    let mut name = path.file_name().map(std::ffi::OsStr::to_os_string).unwrap_or_default();
    name.push(".tmp~");
    let tmp = path.with_file_name(name);
    std::fs::write(&tmp, content).map_err(|e| format!("cannot write {}: {e}", tmp.display()))?;
    Ok(tmp)
}

/// Removes the files under `root/dir` (at any depth) that are not among
/// `produced`, then the folders left empty. Returns how many files it removed.
fn remove_stale(root: &Path, dir: &Path, produced: &HashSet<PathBuf>) -> Result<usize, String> {
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

/// Every file under `root/dir`, at any depth, as a path relative to `root`,
/// sorted; empty when the folder does not exist.
pub fn owned_files(root: &Path, dir: &Path) -> Vec<PathBuf> {
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
