//! `regc`, the Reglament compiler's command line.

use std::collections::BTreeMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use reglament_compiler::diagnostics::{by_severity, per_code, render, Counts, Diagnostic, Severity};
use reglament_compiler::messages::Phrase;
use reglament_compiler::plan::Failed;
use reglament_compiler::{compile_paths, find_root, Lang, Options, Plan, Session, Stage};

#[path = "regc/amend.rs"]
mod amend;
#[path = "regc/import.rs"]
mod import;

/// What `regc --version` says: the compiler's version, and the formats of
/// the corpus it reads and writes.
const VERSION: &str = concat!(
    env!("CARGO_PKG_VERSION"),
    " (reads renditions *.reglament — and *.reg, with a warning — and regulations/sources.toml; ",
    "writes export format 2 and diff format 1)"
);

/// Compiles regulation renditions into checked models and typed Rust.
#[derive(Parser)]
#[command(name = "regc", version = VERSION, about)]
struct Cli {
    /// The language of diagnostics: English, Russian or Kazakh.
    #[arg(long, value_enum, global = true, default_value_t = MessageLang::En)]
    lang: MessageLang,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum MessageLang {
    En,
    Ru,
    Kk,
}

impl From<MessageLang> for Lang {
    fn from(l: MessageLang) -> Lang {
        match l {
            MessageLang::En => Lang::En,
            MessageLang::Ru => Lang::Ru,
            MessageLang::Kk => Lang::Kk,
        }
    }
}

#[derive(Subcommand)]
enum Command {
    /// Compile every rendition under regulations/ and write generated/ (the generated crate and review pages).
    Build {
        /// The workspace root (default: the nearest folder with a regulations/ folder).
        #[arg(long)]
        root: Option<PathBuf>,
        /// Treat warnings as errors.
        #[arg(long, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
    },
    /// Check renditions and report diagnostics; writes nothing.
    Check {
        /// Rendition files or folders (default: regulations/).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Human)]
        format: Format,
        /// Treat warnings as errors.
        #[arg(long, value_name = "LEVEL")]
        deny: Option<DenyLevel>,
        /// Folder of source documents (default: a sources/ folder beside or above each rendition).
        #[arg(long)]
        sources: Option<PathBuf>,
        /// Show findings of this severity and above: `error`, `warning`, or `note` (everything, the default).
        #[arg(long, value_enum, default_value_t = MinSeverity::Note)]
        severity: MinSeverity,
    },
    /// Print the compiled regulations as versioned JSON (docs/export.md) or as an outline.
    Export {
        /// Rendition files or folders (default: regulations/).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ExportFormat::Json)]
        format: ExportFormat,
        /// Folder of source documents.
        #[arg(long)]
        sources: Option<PathBuf>,
    },
    /// Move renditions to a new edition of their source document: every citation follows its text.
    Rebase {
        /// Rendition files or folders.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// The new edition (a file recorded by `regc source add … --edition-of`).
        #[arg(long, value_name = "SOURCE")]
        to: String,
        /// Show what would move; write nothing.
        #[arg(long)]
        dry_run: bool,
        /// Folder of source documents.
        #[arg(long)]
        sources: Option<PathBuf>,
    },
    /// Run the language server over standard input and output, for editors (docs/editors.md).
    Lsp,
    /// Record source documents and their editions (regulations/sources.toml).
    Source {
        #[command(subcommand)]
        command: amend::SourceCommand,
    },
    /// Write the review site: an index and a page per regulation with diagrams (BPMN, Mermaid, DOT), findings and readings (static, offline).
    Doc {
        /// Rendition files or folders (default: regulations/).
        paths: Vec<PathBuf>,
        /// The folder to write the site to (default: target/review-site/ in the workspace).
        #[arg(long)]
        out: Option<PathBuf>,
        /// Folder of source documents.
        #[arg(long)]
        sources: Option<PathBuf>,
    },
    /// Draft a rendition from a recorded source document's lines (docs/import.md), in the language of --lang (ru or kk): to standard output, or to --out FILE.
    Import {
        /// The source document: its name under regulations/sources/ (`regc source list`), or a path to it there.
        source: String,
        /// The regulation's lines in it, from its title to its last appendix: A-B.
        #[arg(long, value_name = "A-B")]
        lines: String,
        /// Write the draft to FILE (refused if FILE exists, unless --force).
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        /// Replace FILE if it exists.
        #[arg(long)]
        force: bool,
        /// Folder of source documents (default: the workspace's regulations/sources/).
        #[arg(long)]
        sources: Option<PathBuf>,
    },
    /// Show what changed in the law between two versions of the renditions (docs/diff.md); by default HEAD against the working tree.
    Diff {
        /// The old side: a git revision (HEAD, HEAD~1, a branch, a commit) or a rendition file or folder (default: HEAD).
        old: Option<String>,
        /// The new side: a revision, file or folder (default: the working tree's regulations/).
        new: Option<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
        format: DiffFormat,
        /// Exit with 1 when something changed (like `git diff --exit-code`).
        #[arg(long)]
        exit_code: bool,
        /// Folder of source documents for sides named by path (a revision uses its own).
        #[arg(long)]
        sources: Option<PathBuf>,
    },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DiffFormat {
    /// For people: a heading per regulation, a line per change (coloured on a terminal).
    Human,
    /// Headings and tables, to paste into a pull request.
    Markdown,
    /// Versioned JSON (docs/diff.md).
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Like rustc: the offending line with a marker, the cited source line, help.
    Human,
    /// One line per diagnostic.
    Short,
    /// One JSON object: {"diagnostics":[…],"summary":{…}}.
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    /// Versioned JSON (docs/export.md).
    Json,
    /// A compact text outline, a line per element, for reviewers.
    Outline,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum MinSeverity {
    /// Errors only.
    Error,
    /// Errors and warnings.
    Warning,
    /// Everything.
    Note,
}

impl MinSeverity {
    fn shows(self, severity: Severity) -> bool {
        match self {
            MinSeverity::Error => severity == Severity::Error,
            MinSeverity::Warning => severity != Severity::Note,
            MinSeverity::Note => true,
        }
    }
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DenyLevel {
    Warnings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = cli.lang.into();
    let result = match cli.command {
        Command::Build { root, deny } => build(root, deny.is_some(), lang),
        Command::Check { paths, format, deny, sources, severity } => {
            check(CheckRun { paths, format, deny: deny.is_some(), sources, severity }, lang)
        }
        Command::Export { paths, format, sources } => export(paths, format, sources, lang),
        Command::Doc { paths, out, sources } => doc(paths, out, sources, lang),
        Command::Source { command } => amend::source(command, lang),
        Command::Lsp => reglament_compiler::lsp::run(lang).map(|()| ExitCode::SUCCESS),
        Command::Rebase { paths, to, dry_run, sources } => amend::rebase(paths, to, dry_run, sources, lang),
        Command::Import { source, lines, out, force, sources } => {
            import::run(import::ImportRun { source, lines, out, force, sources }, lang)
        }
        Command::Diff { old, new, format, exit_code, sources } => {
            diff(old.as_deref(), new.as_deref(), format, exit_code, sources.as_deref(), lang)
        }
    };
    match result {
        Ok(code) => code,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::from(2)
        }
    }
}

fn default_paths(paths: Vec<PathBuf>) -> Result<Vec<PathBuf>, String> {
    if !paths.is_empty() {
        return Ok(paths);
    }
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let root = find_root(&cwd).ok_or("no regulations/ folder here or above; name the renditions to check")?;
    Ok(vec![root.join("regulations")])
}

/// Compiles `paths` with sources from `sources`, keeping every text.
fn compile(paths: Vec<PathBuf>, sources: Option<&Path>) -> Result<Session, String> {
    compile_paths(&default_paths(paths)?, &Options { sources, ..Options::default() })
}

/// Applies `--deny warnings`: warnings become errors.
fn deny_warnings(session: &mut Session) {
    for d in session.files.iter_mut().flat_map(|f| &mut f.diagnostics) {
        if d.severity == Severity::Warning {
            d.severity = Severity::Error;
        }
    }
}

fn print_human(session: &Session, diagnostics: &[Diagnostic], lang: Lang) {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut out = StandardStream::stderr(choice);
    if let Err(e) = render::human(diagnostics, &session.texts(diagnostics), lang, &mut out) {
        eprintln!("error: cannot print diagnostics: {e}");
    }
}

fn exit_for(diagnostics: &[Diagnostic]) -> ExitCode {
    if diagnostics.iter().any(|d| d.severity == Severity::Error) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What `regc check` was asked to do.
struct CheckRun {
    paths: Vec<PathBuf>,
    format: Format,
    deny: bool,
    sources: Option<PathBuf>,
    severity: MinSeverity,
}

/// `regc check`: the report goes to standard output, as a linter's does
/// (`regc check | less`), errors first, and its summary counts findings per
/// code. Files inside a workspace are checked with the whole workspace, so
/// that what spans files (an id given twice, say) is found for them as
/// `regc build` finds it.
fn check(run: CheckRun, lang: Lang) -> Result<ExitCode, String> {
    let (compiled, only) = workspace_of(&run.paths);
    let mut session = compile(compiled, run.sources.as_deref())?;
    if run.deny {
        deny_warnings(&mut session);
    }
    let mut diagnostics: Vec<Diagnostic> = session.diagnostics();
    if let Some(only) = &only {
        diagnostics.retain(|d| only.iter().any(|f| same_file(f, d.file())));
    }
    by_severity(&mut diagnostics);
    let counts = Counts::of(&diagnostics);
    let shown: Vec<Diagnostic> = diagnostics.iter().filter(|d| run.severity.shows(d.severity)).cloned().collect();
    let files = only.as_ref().map_or(session.files.len(), Vec::len);
    match run.format {
        Format::Human => {
            print_report(&session, &shown, lang);
            println!("{}", Phrase::Checked { files, summary: counts.summary(lang) }.text(lang));
            print_per_code(&diagnostics, lang);
        }
        Format::Short => {
            print!("{}", render::short(&shown, lang));
            println!("{}", counts.summary(lang));
            print_per_code(&diagnostics, lang);
        }
        Format::Json => {
            let summary =
                serde_json::json!({ "errors": counts.errors, "warnings": counts.warnings, "notes": counts.notes });
            let json = serde_json::json!({ "diagnostics": render::json(&shown, lang), "summary": summary });
            println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
        }
    }
    Ok(exit_for(&diagnostics))
}

/// What to compile for the paths of `regc check`, and which files to report
/// on: rendition files inside one workspace bring the workspace's renditions
/// with them; folders, and files outside a workspace, are compiled as given.
fn workspace_of(paths: &[PathBuf]) -> (Vec<PathBuf>, Option<Vec<PathBuf>>) {
    let files: Vec<PathBuf> = paths.iter().filter(|p| p.is_file()).filter_map(|p| p.canonicalize().ok()).collect();
    if paths.is_empty() || files.len() != paths.len() {
        return (paths.to_vec(), None);
    }
    let root_of = |f: &PathBuf| f.parent().and_then(find_root).filter(|r| f.starts_with(r.join("regulations")));
    let roots: Vec<Option<PathBuf>> = files.iter().map(root_of).collect();
    match roots.first() {
        Some(Some(root)) if roots.iter().all(|r| r.as_ref() == Some(root)) => {
            (vec![root.join("regulations")], Some(files))
        }
        _ => (paths.to_vec(), None),
    }
}

/// Whether a diagnostic's file (as shown) is `file`.
fn same_file(file: &Path, shown: &str) -> bool {
    Path::new(shown).canonicalize().is_ok_and(|p| p == file)
}

/// «by code: W0302 ×59, W0303 ×15, …», when there is anything to count.
fn print_per_code(diagnostics: &[Diagnostic], lang: Lang) {
    let codes = per_code(diagnostics);
    if !codes.is_empty() {
        let codes = codes.iter().map(|(c, n)| format!("{c} ×{n}")).collect::<Vec<_>>().join(", ");
        println!("{}", Phrase::PerCode { codes }.text(lang));
    }
}

/// A report on standard output, coloured when that is a terminal.
fn print_report(session: &Session, diagnostics: &[Diagnostic], lang: Lang) {
    let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut out = StandardStream::stdout(choice);
    if let Err(e) = render::human(diagnostics, &session.texts(diagnostics), lang, &mut out) {
        eprintln!("error: cannot print diagnostics: {e}");
    }
}

fn export(paths: Vec<PathBuf>, format: ExportFormat, sources: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let session = compile(paths, sources.as_deref())?;
    if session.has_errors() {
        let errors: Vec<Diagnostic> =
            session.diagnostics().into_iter().filter(|d| d.severity == Severity::Error).collect();
        print_human(&session, &errors, lang);
        eprintln!("{}", Phrase::ExportRefused { errors: errors.len() }.text(lang));
        return Ok(ExitCode::from(1));
    }
    let corpus = session.corpus();
    let text = match format {
        ExportFormat::Json => reglament_compiler::emit::export::json::to_json(&corpus)?,
        ExportFormat::Outline => corpus
            .regulations
            .iter()
            .map(reglament_compiler::emit::export::outline::regulation)
            .collect::<Vec<_>>()
            .join("\n"),
    };
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "{text}").map_err(|e| e.to_string())?;
    Ok(ExitCode::SUCCESS)
}

fn build(root: Option<PathBuf>, deny: bool, lang: Lang) -> Result<ExitCode, String> {
    let root = match root {
        Some(r) => r,
        None => {
            let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
            find_root(&cwd).ok_or("no regulations/ folder here or above; run regc build from the workspace")?
        }
    };
    // Paths in generated files are relative to the root, whatever folder regc runs from.
    std::env::set_current_dir(&root).map_err(|e| format!("cannot enter {}: {e}", root.display()))?;
    let root = PathBuf::from(".");
    let timer = Timer::from_env();
    let renditions = reglament_compiler::collect_renditions(&[root.join("regulations")])?.len();
    let bar = progress_bar(renditions, "compiling");
    let report = |_: Stage| bar.inc(1);
    // Texts are kept only where there are errors or warnings to show.
    let options = Options { progress: Some(&report), keep_texts: false, ..Options::default() };
    let mut session = compile_paths(&[root.join("regulations")], &options)?;
    bar.finish_and_clear();
    timer.lap("compile (parse, lower, check)");
    if deny {
        deny_warnings(&mut session);
    }
    let diagnostics = session.diagnostics();
    let mut shown: Vec<Diagnostic> = diagnostics.iter().filter(|d| d.severity != Severity::Note).cloned().collect();
    by_severity(&mut shown);
    print_human(&session, &shown, lang);
    let counts = Counts::of(&diagnostics);
    drop(diagnostics);
    let has_errors = session.has_errors();
    let corpus = session.take_corpus();
    let channels: usize = corpus.regulations.iter().map(|r| r.channels.len()).sum();
    let actions: usize = corpus.regulations.iter().flat_map(|r| &r.channels).map(|c| c.actions.len()).sum();
    let rules: usize = corpus.regulations.iter().flat_map(|r| &r.forms).map(|f| f.fields.len()).sum();
    let summary = counts.summary(lang);
    let regulations = corpus.regulations.len();
    println!("{}", Phrase::Compiled { regulations, channels, actions, rules, summary }.text(lang));
    if has_errors {
        eprintln!("{}", Phrase::NothingWritten {}.text(lang));
        return Ok(ExitCode::from(1));
    }
    let bar = progress_bar(corpus.regulations.len(), "writing");
    let report = |_: Stage| bar.inc(1);
    let options = Options { progress: Some(&report), ..Options::default() };
    timer.lap("diagnostics");
    let written = reglament_compiler::write(&root, &Plan::Build, &corpus, &options)?;
    bar.finish_and_clear();
    timer.lap("emit and write");
    println!("{}", Phrase::Written { files: written.files, changed: written.changed }.text(lang));
    // The process ends here: freeing the models one by one would only make it end later.
    std::mem::forget(corpus);
    Ok(ExitCode::SUCCESS)
}

/// With `REGC_TIMINGS` set, `regc build` prints how long each phase took
/// to standard error (for benchmarks).
struct Timer(Option<std::cell::Cell<std::time::Instant>>);

impl Timer {
    fn from_env() -> Timer {
        Timer(std::env::var_os("REGC_TIMINGS").map(|_| std::cell::Cell::new(std::time::Instant::now())))
    }

    fn lap(&self, phase: &str) {
        if let Some(start) = &self.0 {
            let now = std::time::Instant::now();
            eprintln!("regc timing: {phase}: {:.3} s", now.duration_since(start.get()).as_secs_f64());
            start.set(now);
        }
    }
}

/// A progress bar on standard error for corpora large enough to wait for,
/// when standard error is a terminal; hidden otherwise (piped output stays plain).
fn progress_bar(len: usize, what: &'static str) -> ProgressBar {
    const WORTH_A_BAR: usize = 200;
    if len < WORTH_A_BAR || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len as u64), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg:>9} [{bar:40}] {pos}/{len} regulations, {elapsed}") {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message(what);
    bar
}

/// `regc doc`: writes the review site for every rendition that compiled,
/// with every finding (in `lang`) shown on its page; exits 1 when there are
/// errors, as `regc check` does, after writing the site that lists them.
fn doc(paths: Vec<PathBuf>, out: Option<PathBuf>, sources: Option<PathBuf>, lang: Lang) -> Result<ExitCode, String> {
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let out = out.unwrap_or_else(|| find_root(&cwd).unwrap_or(cwd).join("target").join("review-site"));
    let session = compile(paths, sources.as_deref())?;
    let diagnostics = session.diagnostics();
    // The site shows every finding; the errors are also said here, where
    // the command was run.
    let errors: Vec<Diagnostic> = diagnostics.iter().filter(|d| d.severity == Severity::Error).cloned().collect();
    print_human(&session, &errors, lang);
    let corpus = session.corpus();
    let findings: BTreeMap<_, &[Diagnostic]> = session
        .files
        .iter()
        .filter_map(|f| f.regulation.as_ref().map(|r| (r.id.clone(), f.diagnostics.as_slice())))
        .collect();
    let failed: Vec<Failed> = session
        .files
        .iter()
        .filter(|f| f.regulation.is_none())
        .map(|f| Failed { file: reglament_compiler::diagnostics::display_path(&f.path), findings: &f.diagnostics })
        .collect();
    let sources = session.source_texts();
    let plan = Plan::Site { findings, failed, lang, owns_folder: Plan::may_own_site(&out), sources: &sources };
    std::fs::create_dir_all(&out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let written = reglament_compiler::write(&out, &plan, &corpus, &Options::default())?;
    let summary = Counts::of(&diagnostics).summary(lang);
    let phrase = Phrase::SiteWritten {
        files: written.files,
        changed: written.changed,
        folder: out.display().to_string(),
        index: out.join("index.html").display().to_string(),
        summary,
    };
    println!("{}", phrase.text(lang));
    Ok(exit_for(&diagnostics))
}

/// `regc diff`: compiles both sides and prints what changed in the law.
/// Exits 0 whether or not something changed (1 with `--exit-code` when it
/// did), and 2 when a side cannot be compiled: a diff of a broken side
/// would be silently incomplete.
fn diff(
    old: Option<&str>,
    new: Option<&str>,
    format: DiffFormat,
    exit_code: bool,
    sources: Option<&Path>,
    lang: Lang,
) -> Result<ExitCode, String> {
    use reglament_compiler::diff::{compare, render as show, side};
    let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
    let (old, new) = side::Side::pair(old, new, &cwd);
    let Some(mut old_corpus) = diff_side(&old, &cwd, sources, lang)? else { return Ok(ExitCode::from(2)) };
    let Some(mut new_corpus) = diff_side(&new, &cwd, sources, lang)? else { return Ok(ExitCode::from(2)) };
    side::narrow(&old, &mut old_corpus, &new, &mut new_corpus);
    let found = compare(&old_corpus, &new_corpus);
    let summary = if found.is_empty() {
        Phrase::DiffNoChanges { old: old.name(lang), new: new.name(lang) }
    } else {
        let regulations = found.regulations.len();
        Phrase::DiffSummary { changes: found.count(), regulations, old: old.name(lang), new: new.name(lang) }
    };
    match format {
        DiffFormat::Human => {
            let choice = if std::io::stdout().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
            show::human(&found, lang, &mut StandardStream::stdout(choice)).map_err(|e| e.to_string())?;
            eprintln!("{}", summary.text(lang));
        }
        DiffFormat::Markdown => {
            print!("{}", show::markdown(&found, lang));
            eprintln!("{}", summary.text(lang));
        }
        DiffFormat::Json => {
            let json = show::json(&found, &old.label(), &new.label());
            println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
        }
    }
    Ok(if exit_code && !found.is_empty() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Compiles one side of `regc diff`; `None` when it has errors, which are
/// shown with a line that says which side does not compile.
fn diff_side(
    side: &reglament_compiler::diff::side::Side,
    cwd: &Path,
    sources: Option<&Path>,
    lang: Lang,
) -> Result<Option<reglament_compiler::model::Corpus>, String> {
    let compiled = reglament_compiler::diff::side::compile(side, cwd, sources).map_err(|e| e.text(lang))?;
    if !compiled.has_errors() {
        return Ok(Some(compiled.into_corpus()));
    }
    let (errors, texts) = compiled.errors();
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    if let Err(e) = render::human(&errors, &texts, lang, &mut StandardStream::stderr(choice)) {
        eprintln!("error: cannot print diagnostics: {e}");
    }
    eprintln!("{}", Phrase::DiffSideBroken { side: side.name(lang), errors: errors.len() }.text(lang));
    Ok(None)
}
