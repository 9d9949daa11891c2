//! The two sides of `regc diff`: a git revision (its `regulations/` tree,
//! renditions and sources, unpacked into a temporary folder with `git
//! archive`, never touching the work tree or the index), the working tree's
//! `regulations/`, or rendition files and folders named by path. Each side
//! is compiled with the compiler's own session; a side with errors is
//! refused by the caller, since a diff of it would be silently incomplete.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::render::SideLabel;
use crate::diagnostics::render::Texts;
use crate::diagnostics::{display_path, Diagnostic, Severity, Target};
use crate::messages::{Lang, Phrase};
use crate::model::Corpus;
use crate::session::{collect_renditions, compile_paths, find_root, Options, Session};

/// One side of a comparison.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Side {
    /// The working tree's `regulations/` folder.
    WorkingTree,
    /// A git revision: `HEAD`, `HEAD~1`, a branch, a tag, a commit.
    Revision(String),
    /// Rendition files or a folder: the path as given, and where it is.
    Path(String, PathBuf),
}

impl Side {
    /// Reads a side from the command line, relative to `dir` (the folder
    /// regc runs in): an existing file or folder is a path; anything else
    /// is taken for a revision (and refused when loaded if it is none).
    pub fn parse(arg: &str, dir: &Path) -> Side {
        let path = dir.join(arg);
        if path.exists() {
            Side::Path(arg.to_string(), path)
        } else {
            Side::Revision(arg.to_string())
        }
    }

    /// The sides `regc diff [OLD] [NEW]` compares: by default the last
    /// commit (`HEAD`) against the working tree.
    pub fn pair(old: Option<&str>, new: Option<&str>, dir: &Path) -> (Side, Side) {
        let old = old.map_or_else(|| Side::Revision("HEAD".to_string()), |a| Side::parse(a, dir));
        let new = new.map_or(Side::WorkingTree, |a| Side::parse(a, dir));
        (old, new)
    }

    /// Whether the side names a rendition file rather than a folder or a
    /// whole `regulations/`: it is about that regulation only.
    pub fn is_file(&self) -> bool {
        matches!(self, Side::Path(_, path) if path.is_file())
    }

    /// The side as messages name it, in `lang`.
    pub fn name(&self, lang: Lang) -> String {
        match self {
            Side::WorkingTree => Phrase::DiffWorkingTree {}.text(lang),
            Side::Revision(r) => format!("`{r}`"),
            Side::Path(shown, _) => shown.clone(),
        }
    }

    /// The side as the JSON output names it.
    pub fn label(&self) -> SideLabel {
        match self {
            Side::WorkingTree => SideLabel { kind: "working_tree", name: "regulations".to_string() },
            Side::Revision(r) => SideLabel { kind: "revision", name: r.clone() },
            Side::Path(shown, _) => SideLabel { kind: "path", name: shown.clone() },
        }
    }
}

/// Why a side could not be compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SideError {
    /// Neither a path nor a revision, outside a git repository.
    NotGit {
        /// What was given.
        revision: String,
        /// The folder regc ran in.
        folder: String,
    },
    /// Neither a path nor a revision git knows.
    UnknownRevision {
        /// What was given.
        revision: String,
    },
    /// A path (it has a folder separator or the rendition extension) that does not exist.
    PathMissing {
        /// The path, as given.
        path: String,
    },
    /// The revision has no `regulations/` folder.
    NoFolderAt {
        /// The revision.
        revision: String,
        /// The folder, relative to the repository.
        folder: String,
    },
    /// The path names no renditions.
    NoRenditions {
        /// The side, as given.
        side: String,
    },
    /// No `regulations/` folder for the working tree.
    NoRoot,
    /// git could not be run, or failed.
    Git {
        /// What went wrong.
        error: String,
    },
    /// A file or folder could not be read or written.
    Io {
        /// Which.
        path: String,
        /// What went wrong.
        error: String,
    },
}

impl SideError {
    /// The error, in `lang`.
    pub fn text(&self, lang: Lang) -> String {
        let phrase = match self.clone() {
            SideError::NotGit { revision, folder } => Phrase::DiffNotGit { revision, folder },
            SideError::UnknownRevision { revision } => Phrase::DiffUnknownRevision { revision },
            SideError::PathMissing { path } => Phrase::DiffPathMissing { path },
            SideError::NoFolderAt { revision, folder } => Phrase::DiffNoFolderAt { revision, folder },
            SideError::NoRenditions { side } => Phrase::DiffNoRenditions { side },
            SideError::NoRoot => Phrase::DiffNoRoot {},
            SideError::Git { error } => Phrase::DiffGitFailed { error },
            SideError::Io { path, error } => Phrase::DiffIoFailed { path, error },
        };
        phrase.text(lang)
    }
}

/// A side, compiled.
#[derive(Debug)]
pub struct Compiled {
    /// The side.
    pub side: Side,
    /// What compiling it gave.
    pub session: Session,
    /// For a revision: the temporary folder it was unpacked into (removed
    /// when this is dropped), and the name its files are shown under
    /// (`HEAD~1:regulations/…`).
    unpacked: Option<(tempfile::TempDir, String)>,
}

impl Compiled {
    /// Whether the side has errors.
    pub fn has_errors(&self) -> bool {
        self.session.has_errors()
    }

    /// The side's errors and the texts they point into, its files named as
    /// the user knows them (`HEAD~1:regulations/ru/x.reglament` for a revision,
    /// not the temporary folder).
    pub fn errors(&self) -> (Vec<Diagnostic>, Texts) {
        let mut errors: Vec<Diagnostic> =
            self.session.diagnostics().into_iter().filter(|d| d.severity == Severity::Error).collect();
        let mut texts = self.session.texts(&errors);
        if let Some((dir, shown)) = &self.unpacked {
            let prefix = format!("{}/", display_path(dir.path()));
            let rename = |file: &mut String| {
                if let Some(rest) = file.strip_prefix(&prefix) {
                    *file = format!("{shown}:{rest}");
                }
            };
            for d in &mut errors {
                rename(&mut d.place.file);
                for r in &mut d.related {
                    if let Target::Rendition(p) = &mut r.target {
                        rename(&mut p.file);
                    }
                }
            }
            texts.renditions = std::mem::take(&mut texts.renditions)
                .into_iter()
                .map(|(mut name, text)| {
                    rename(&mut name);
                    (name, text)
                })
                .collect();
        }
        (errors, texts)
    }

    /// The models of the side's regulations.
    pub fn corpus(&self) -> Corpus {
        self.session.corpus()
    }

    /// The models of the side's regulations, moved out; the rest (texts,
    /// diagnostics, a revision's temporary folder) is dropped, so that
    /// comparing two large sides holds little more than their models.
    pub fn into_corpus(mut self) -> Corpus {
        self.session.take_corpus()
    }
}

/// Compiles a side. `dir` is the folder regc runs in; `sources` replaces
/// the sources of renditions named by path (a revision and the working tree
/// use their own `regulations/sources/`).
pub fn compile(side: &Side, dir: &Path, sources: Option<&Path>) -> Result<Compiled, SideError> {
    match side {
        Side::WorkingTree => {
            let root = find_root(dir).ok_or(SideError::NoRoot)?;
            let session = run(&root.join("regulations"), None)?;
            Ok(Compiled { side: side.clone(), session, unpacked: None })
        }
        Side::Path(shown, path) => {
            let found = collect_renditions(std::slice::from_ref(path)).map_err(|error| io(shown, error))?;
            if found.is_empty() {
                return Err(SideError::NoRenditions { side: shown.clone() });
            }
            let session = run(path, sources)?;
            Ok(Compiled { side: side.clone(), session, unpacked: None })
        }
        Side::Revision(revision) => revision_side(side, revision, dir),
    }
}

fn io(path: &str, error: impl ToString) -> SideError {
    SideError::Io { path: path.to_string(), error: error.to_string() }
}

/// Compiles the renditions under `path` on every core. Only the texts of
/// renditions with errors or warnings are kept (errors are all a diff
/// shows), so that two sides of thousands of renditions fit in memory.
fn run(path: &Path, sources: Option<&Path>) -> Result<Session, SideError> {
    compile_paths(&[path.to_path_buf()], &Options { sources, keep_texts: false, ..Options::default() })
        .map_err(|error| io(&display_path(path), error))
}

/// Whether an argument that is not an existing path was meant as one.
fn looks_like_path(arg: &str) -> bool {
    arg.contains('/')
        || arg.contains('\\')
        || arg.ends_with(&format!(".{}", crate::session::EXTENSION))
        || arg.ends_with(&format!(".{}", crate::session::LEGACY_EXTENSION))
}

/// Unpacks a revision's `regulations/` into a temporary folder and compiles it.
fn revision_side(side: &Side, revision: &str, dir: &Path) -> Result<Compiled, SideError> {
    let not_found = || {
        if looks_like_path(revision) {
            SideError::PathMissing { path: revision.to_string() }
        } else {
            SideError::UnknownRevision { revision: revision.to_string() }
        }
    };
    // The folder that holds regulations/: the workspace's, or else the repository's top.
    let root = find_root(dir).unwrap_or_else(|| dir.to_path_buf());
    let prefix = match git(&root, &["rev-parse", "--show-prefix"]) {
        Ok(out) => out.trim().to_string(),
        Err(Failure::Refused) if looks_like_path(revision) => return Err(not_found()),
        Err(Failure::Refused) => {
            return Err(SideError::NotGit { revision: revision.to_string(), folder: display_path(dir) })
        }
        Err(Failure::NotRun(error)) => return Err(SideError::Git { error }),
    };
    if revision.starts_with('-') {
        return Err(not_found());
    }
    let commit = match git(
        &root,
        &["rev-parse", "--verify", "--quiet", "--end-of-options", &format!("{revision}^{{commit}}")],
    ) {
        Ok(out) => out.trim().to_string(),
        Err(Failure::Refused) => return Err(not_found()),
        Err(Failure::NotRun(error)) => return Err(SideError::Git { error }),
    };
    let folder = format!("{prefix}regulations");
    if git(&root, &["cat-file", "-e", &format!("{commit}:{folder}")]).is_err() {
        return Err(SideError::NoFolderAt { revision: revision.to_string(), folder: format!("{folder}/") });
    }
    let temp = tempfile::Builder::new().prefix("regc-diff-").tempdir().map_err(|e| io("temporary folder", e))?;
    unpack(&root, &commit, &folder, temp.path())?;
    let session = run(&temp.path().join(&folder), None)?;
    Ok(Compiled { side: side.clone(), session, unpacked: Some((temp, revision.to_string())) })
}

/// Why a git command gave no answer.
enum Failure {
    /// git ran and refused (not a repository, no such revision or path).
    Refused,
    /// git could not be run.
    NotRun(String),
}

/// Runs git in `dir` (relative paths of its answers are the repository's).
fn git(dir: &Path, args: &[&str]) -> Result<String, Failure> {
    let out = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| Failure::NotRun(format!("cannot run git ({e}); is git installed?")))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).to_string())
    } else {
        Err(Failure::Refused)
    }
}

/// Unpacks `folder` of `commit` into `into` from `git archive`, streamed.
fn unpack(root: &Path, commit: &str, folder: &str, into: &Path) -> Result<(), SideError> {
    let git_error = |error: String| SideError::Git { error };
    let mut child = Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["archive", "--format=tar", commit, "--", folder])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| git_error(format!("cannot run git ({e}); is git installed?")))?;
    // git's messages are read beside the archive, so that neither pipe can fill and stall it.
    let stderr = child.stderr.take().map(|mut s| {
        std::thread::spawn(move || {
            let mut text = String::new();
            let _ = s.read_to_string(&mut text);
            text
        })
    });
    let unpacked = match child.stdout.take() {
        Some(mut stdout) => {
            let unpacked = tar::Archive::new(&mut stdout).unpack(into).map_err(|e| e.to_string());
            // tar stops at the archive's end marker (or at its first error),
            // and git still writes the rest of its last record: read it all,
            // or git dies writing into a closed pipe (SIGPIPE, no message),
            // which on a loaded machine failed `regc diff` at random.
            let _ = std::io::copy(&mut stdout, &mut std::io::sink());
            unpacked
        }
        None => Err("git archive gave no output".to_string()),
    };
    let status = child.wait().map_err(|e| git_error(e.to_string()))?;
    let message = stderr.and_then(|t| t.join().ok()).unwrap_or_default();
    if !status.success() {
        return Err(git_error(format!("git archive {commit}: {}", message.trim())));
    }
    unpacked.map_err(|e| io(&display_path(into), e))
}

/// When one side names a rendition file and the other a whole folder or
/// revision (`regc diff HEAD regulations/ru/x.reglament`, or an analyst's copy
/// against the working tree), only the regulations of the file are
/// compared: the others of the folder were not asked about, and would show
/// as added or removed.
pub fn narrow(old_side: &Side, old: &mut Corpus, new_side: &Side, new: &mut Corpus) {
    let keep = |only: &Corpus, other: &mut Corpus| {
        other.regulations.retain(|r| only.regulations.iter().any(|o| o.id == r.id));
    };
    match (old_side.is_file(), new_side.is_file()) {
        (true, false) => keep(old, new),
        (false, true) => keep(new, old),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git_in(dir: &Path, args: &[&str]) {
        let identity = ["-c", "user.name=Reglament tests", "-c", "user.email=tests@reglament.invalid"];
        let out = Command::new("git").arg("-C").arg(dir).args(identity).args(args).output().expect("git runs");
        assert!(out.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }

    #[test]
    fn a_failed_unpacking_is_reported_as_itself_not_as_gits_death() {
        // An archive larger than a pipe holds: when the unpacking stops
        // early, git still has to write the rest. It must not die of it
        // (SIGPIPE, reported as a git failure with no message); the error is
        // the unpacking's.
        let dir = tempfile::tempdir().expect("a folder");
        let regulations = dir.path().join("regulations");
        std::fs::create_dir_all(&regulations).expect("regulations/");
        let text: String = (0..40_000).map(|i| format!("{i}\n")).collect();
        std::fs::write(regulations.join("big.txt"), text).expect("a large file");
        git_in(dir.path(), &["init", "--quiet"]);
        git_in(dir.path(), &["add", "-A"]);
        git_in(dir.path(), &["commit", "--quiet", "-m", "large"]);
        let file = dir.path().join("not-a-folder");
        std::fs::write(&file, "x").expect("a file");
        match unpack(dir.path(), "HEAD", "regulations", &file.join("into")) {
            Err(SideError::Io { .. }) => {}
            other => panic!("expected the unpacking's own error, got {other:?}"),
        }
    }
}
