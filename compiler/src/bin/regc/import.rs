//! `regc import SOURCE --lines A-B --lang ru|kk`: a draft rendition from a
//! recorded source document (docs/import.md).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use reglament_compiler::diagnostics::{per_code, Diagnostic, Severity};
use reglament_compiler::import::{self, Request};
use reglament_compiler::messages::Phrase;
use reglament_compiler::model::Language;
use reglament_compiler::sources::SourceLibrary;
use reglament_compiler::{find_root, Lang};

/// What `regc import` was asked to do.
pub struct ImportRun {
    pub source: String,
    pub lines: String,
    pub out: Option<PathBuf>,
    pub force: bool,
    pub sources: Option<PathBuf>,
}

/// Drafts the rendition and writes it (to standard output, or to `--out`),
/// with a summary on standard error. Everything that can fail is checked
/// before anything is written; errors are in the user's language.
pub fn run(run: ImportRun, lang: Lang) -> Result<ExitCode, String> {
    match draft_and_write(&run, lang) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(phrase) => {
            eprintln!("error: {phrase}");
            Ok(ExitCode::from(2))
        }
    }
}

fn draft_and_write(run: &ImportRun, lang: Lang) -> Result<(), String> {
    let language = match lang {
        Lang::Ru => Language::Ru,
        Lang::Kk => Language::Kk,
        Lang::En => return Err(Phrase::ImportNeedsLanguage {}.text(lang)),
    };
    let (first, last) =
        lines(&run.lines).ok_or_else(|| Phrase::ImportBadLines { text: run.lines.clone() }.text(lang))?;
    let folder = sources_folder(run.sources.as_deref()).ok_or_else(|| Phrase::ImportNoSources {}.text(lang))?;
    let (path, file) = locate(&run.source, &folder).map_err(|p| p.text(lang))?;
    if let Some(out) = &run.out {
        if out.exists() && !run.force {
            return Err(Phrase::ImportExists { path: out.display().to_string() }.text(lang));
        }
    }
    let mut library = SourceLibrary::new(Some(folder.clone()));
    let doc = import::load(&mut library, &path, &file).map_err(|m| m.text(lang))?;
    let request = Request { doc, file: &file, first, last, language };
    let draft = import::draft(&request).map_err(|e| e.phrase(&file).text(lang))?;
    if import::looks_kazakh(doc, first, last) != (language == Language::Kk) {
        let (said, looks) = match language {
            Language::Kk => ("kk", Phrase::ImportRussian {}),
            Language::Ru => ("ru", Phrase::ImportKazakh {}),
        };
        eprintln!("{}", Phrase::ImportLanguageMismatch { lang: said.into(), looks: looks.text(lang) }.text(lang));
    }
    // The draft is checked like any rendition: besides its questions, it
    // should have no error, and the summary says when it does.
    let virtual_path = folder.join("..").join(format!("{}.reglament", draft.summary.id));
    let (_, diagnostics) =
        reglament_compiler::compile_text("draft", &draft.text, &virtual_path, &mut SourceLibrary::new(Some(folder)));
    let others: Vec<Diagnostic> =
        diagnostics.into_iter().filter(|d| d.severity == Severity::Error && d.code() != "E1001").collect();
    write(&draft.text, run.out.as_deref(), lang)?;
    summary(&draft.summary, &others, run.out.as_deref(), lang);
    Ok(())
}

/// `A-B` (or `A–B`) as two line numbers, the first at least 1.
fn lines(text: &str) -> Option<(u32, u32)> {
    let (a, b) = text.split_once(['-', '–'])?;
    let (a, b) = (a.trim().parse::<u32>().ok()?, b.trim().parse::<u32>().ok()?);
    (a >= 1 && a <= b).then_some((a, b))
}

/// The folder of recorded sources: the one given, or the workspace's.
fn sources_folder(given: Option<&Path>) -> Option<PathBuf> {
    if let Some(dir) = given {
        return dir.is_dir().then(|| dir.to_path_buf());
    }
    let cwd = std::env::current_dir().ok()?;
    Some(find_root(&cwd)?.join("regulations").join("sources")).filter(|d| d.is_dir())
}

/// The document named by `source`: a file of the sources folder, by its
/// name or by a path to it. A file elsewhere is refused: a rendition may
/// only quote a recorded source.
fn locate(source: &str, folder: &Path) -> Result<(PathBuf, String), Phrase> {
    let shown = folder.display().to_string();
    let as_path = Path::new(source);
    if as_path.is_file() {
        let name = as_path.file_name().map(|n| n.to_string_lossy().to_string()).unwrap_or_default();
        let inside =
            as_path.canonicalize().ok().zip(folder.join(&name).canonicalize().ok()).is_some_and(|(a, b)| a == b);
        if !inside {
            return Err(Phrase::ImportNotASource { path: source.to_string(), folder: shown });
        }
        return Ok((folder.join(&name), name));
    }
    let named = folder.join(source);
    let plain = !source.contains(['/', '\\']) && !source.contains("..");
    if plain && named.is_file() {
        return Ok((named, source.to_string()));
    }
    Err(Phrase::ImportSourceUnknown { name: source.to_string(), folder: shown })
}

/// Writes the draft to standard output, or to `out` through a temporary
/// file renamed into place, so that a failed write leaves nothing behind.
fn write(text: &str, out: Option<&Path>, lang: Lang) -> Result<(), String> {
    let Some(out) = out else {
        let mut stdout = std::io::stdout().lock();
        return stdout.write_all(text.as_bytes()).map_err(|e| e.to_string());
    };
    let failed = |e: &dyn std::fmt::Display| {
        Phrase::ImportWriteFailed { path: out.display().to_string(), error: e.to_string() }.text(lang)
    };
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut temp = tempfile::NamedTempFile::new_in(dir).map_err(|e| failed(&e))?;
    temp.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    temp.persist(out).map_err(|e| failed(&e.error))?;
    Ok(())
}

/// The summary on standard error: what was drafted, what is left to decide,
/// and the other errors `regc check` will report (most of them about the
/// places of the questions: a next action that points nowhere, say).
fn summary(s: &import::Summary, others: &[Diagnostic], out: Option<&Path>, lang: Lang) {
    eprintln!("{}", s.drafted().text(lang));
    if s.open.is_empty() {
        eprintln!("{}", Phrase::ImportNothingOpen {}.text(lang));
    } else {
        eprintln!("{}", Phrase::ImportOpen { count: s.open.len() }.text(lang));
        for (line, question) in &s.open {
            eprintln!("{}", Phrase::ImportOpenItem { line: *line, question: question.clone() }.text(lang));
        }
    }
    eprintln!("{}", Phrase::ImportGuesses { count: s.guesses }.text(lang));
    if !others.is_empty() {
        let codes = per_code(others).iter().map(|(c, n)| format!("{c} ×{n}")).collect::<Vec<_>>().join(", ");
        eprintln!("{}", Phrase::ImportDraftErrors { count: others.len(), codes }.text(lang));
    }
    if let Some(out) = out {
        eprintln!("{}", Phrase::ImportWritten { path: out.display().to_string() }.text(lang));
    }
}
