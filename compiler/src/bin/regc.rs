//! `regc`, the Reglament compiler's command line.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use codespan_reporting::term::termcolor::{ColorChoice, StandardStream};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use reglament_compiler::diagnostics::{render_human, Counts, Diagnostic, Severity};
use reglament_compiler::{
    compile_paths, compile_paths_in, compile_paths_with, emit_and_write, find_root, Lang, Options, Session, Stage,
};

/// Compiles regulation renditions into checked models and typed Rust.
#[derive(Parser)]
#[command(name = "regc", version, about)]
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
    },
    /// Print the compiled model as JSON.
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
    /// Write the review site: an index and a page per regulation with diagrams, findings and readings (static, offline).
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
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum Format {
    /// Like rustc: the offending line with a marker, the source line, help.
    Human,
    /// One line per diagnostic.
    Short,
    /// One JSON object: {"diagnostics":[…],"summary":{…}}.
    Json,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum ExportFormat {
    /// The model as JSON (docs/export.md).
    Json,
    /// A compact text outline, a line per element, for reviewers.
    Outline,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
enum DenyLevel {
    Warnings,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Build { root, deny } => build(root, deny.is_some(), cli.lang.into()),
        Command::Check { paths, format, deny, sources } => {
            check(paths, format, deny.is_some(), sources, cli.lang.into())
        }
        Command::Export { paths, format, sources } => export(paths, format, sources),
        Command::Doc { paths, out, sources } => doc(paths, out, sources, cli.lang.into()),
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

/// Applies `--deny warnings`: warnings become errors.
fn deny_warnings(session: &mut Session, lang: Lang) {
    for f in &mut session.files {
        for d in &mut f.diagnostics {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
                d.message.push_str(lang.pick(
                    " (denied by --deny warnings)",
                    " (запрещено --deny warnings)",
                    " (--deny warnings тыйым салған)",
                ));
            }
        }
    }
}

fn print_human(session: &Session, diagnostics: &[Diagnostic], lang: Lang) {
    let choice = if std::io::stderr().is_terminal() { ColorChoice::Auto } else { ColorChoice::Never };
    let mut out = StandardStream::stderr(choice);
    if let Err(e) = render_human(diagnostics, &session.texts(), lang, &mut out) {
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

fn check(
    paths: Vec<PathBuf>,
    format: Format,
    deny: bool,
    sources: Option<PathBuf>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let mut session = compile_paths_in(&default_paths(paths)?, sources, lang)?;
    if deny {
        deny_warnings(&mut session, lang);
    }
    let diagnostics = session.diagnostics();
    let counts = Counts::of(&diagnostics);
    match format {
        Format::Human => {
            print_human(&session, &diagnostics, lang);
            let checked = lang.pick("rendition(s) checked", "файл(ов) проверено", "файл тексерілді");
            eprintln!("{} {checked}: {}", session.files.len(), counts.summary(lang));
        }
        Format::Short => {
            print!("{}", reglament_compiler::diagnostics::render_short(&diagnostics, lang));
            eprintln!("{}", counts.summary(lang));
        }
        Format::Json => {
            let json = serde_json::json!({ "diagnostics": diagnostics, "summary": counts });
            println!("{}", serde_json::to_string_pretty(&json).map_err(|e| e.to_string())?);
        }
    }
    Ok(exit_for(&diagnostics))
}

fn export(paths: Vec<PathBuf>, format: ExportFormat, sources: Option<PathBuf>) -> Result<ExitCode, String> {
    let session = compile_paths(&default_paths(paths)?, sources)?;
    let diagnostics = session.diagnostics();
    if session.has_errors() {
        let errors: Vec<Diagnostic> = diagnostics.into_iter().filter(|d| d.severity == Severity::Error).collect();
        print_human(&session, &errors, Lang::En);
        eprintln!("export refused: {} error(s); fix them first (see `regc check`)", errors.len());
        return Ok(ExitCode::from(1));
    }
    let corpus = session.corpus();
    let text = match format {
        ExportFormat::Json => serde_json::to_string_pretty(&corpus).map_err(|e| e.to_string())?,
        ExportFormat::Outline => {
            corpus.regulations.iter().map(reglament_compiler::emit::outline::regulation).collect::<Vec<_>>().join("\n")
        }
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
    let mut session = compile_paths_with(&[root.join("regulations")], None, lang, &options)?;
    bar.finish_and_clear();
    timer.lap("compile (parse, lower, check)");
    if deny {
        deny_warnings(&mut session, lang);
    }
    let diagnostics = session.diagnostics();
    let shown: Vec<Diagnostic> = diagnostics.iter().filter(|d| d.severity != Severity::Note).cloned().collect();
    print_human(&session, &shown, lang);
    let counts = Counts::of(&diagnostics);
    drop(diagnostics);
    let has_errors = session.has_errors();
    // The models move out of the session: the texts are not needed any more.
    let corpus = session.into_corpus();
    let channels: usize = corpus.regulations.iter().map(|r| r.channels.len()).sum();
    let actions: usize = corpus.regulations.iter().flat_map(|r| &r.channels).map(|c| c.actions.len()).sum();
    let rules: usize = corpus.regulations.iter().flat_map(|r| &r.flk).map(|f| f.fields.len()).sum();
    println!(
        "{} regulation(s), {channels} channel(s), {actions} action(s), {rules} FLK rule(s); {}",
        corpus.regulations.len(),
        counts.summary(lang)
    );
    if has_errors {
        eprintln!("nothing written: fix the errors above (`regc check` shows them with notes)");
        return Ok(ExitCode::from(1));
    }
    let bar = progress_bar(corpus.regulations.len(), "writing");
    let report = |_: Stage| bar.inc(1);
    let options = Options { progress: Some(&report), ..Options::default() };
    timer.lap("diagnostics");
    let written = emit_and_write(&root, &corpus, &options)?;
    bar.finish_and_clear();
    timer.lap("emit and write");
    println!("generated/: {} file(s), {} changed", written.files, written.changed);
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
    let session = compile_paths_in(&default_paths(paths)?, sources, lang)?;
    let diagnostics = session.diagnostics();
    let files = reglament_compiler::emit::site::site(&session)?;
    let count = files.len();
    let changed = reglament_compiler::emit::site::write(&out, files)?;
    println!(
        "review site: {count} file(s), {changed} changed, in {}; open {}; {}",
        out.display(),
        out.join("index.html").display(),
        Counts::of(&diagnostics).summary(lang)
    );
    Ok(exit_for(&diagnostics))
}
