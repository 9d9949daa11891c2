//! The commands of the amendment workflow: `regc source add|list` and
//! `regc rebase` (docs/amendments.md).

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Subcommand;
use reglament_compiler::find_root;
use reglament_compiler::messages::Phrase;
use reglament_compiler::sources::add::{add, AddRequest, Added};
use reglament_compiler::sources::manifest::Manifest;
use reglament_compiler::Lang;

/// `regc source …`.
#[derive(Subcommand)]
pub enum SourceCommand {
    /// Record a received source document (or a new edition of one) in regulations/sources.toml and copy it under regulations/sources/.
    Add {
        /// The received file.
        file: PathBuf,
        /// The recorded document this one amends or restates.
        #[arg(long, value_name = "RECORDED_FILE")]
        edition_of: Option<String>,
        /// The file's encoding when it is not UTF-8 (windows-1251 for Cyrillic saved on Windows); it is converted.
        #[arg(long)]
        encoding: Option<String>,
        /// The act, as you read it («постановление акимата … от … № …»).
        #[arg(long)]
        act: Option<String>,
        /// The act's date, YYYY-MM-DD.
        #[arg(long)]
        date: Option<String>,
        /// The name under regulations/sources/ (default: the file's own name).
        #[arg(long = "as", value_name = "NAME.txt")]
        name: Option<String>,
        /// The workspace root (default: the nearest folder with a regulations/ folder).
        #[arg(long)]
        root: Option<PathBuf>,
    },
    /// List the recorded source documents and their editions.
    List {
        /// The workspace root (default: the nearest folder with a regulations/ folder).
        #[arg(long)]
        root: Option<PathBuf>,
    },
}

/// The workspace root: the one given, or the nearest above the current folder.
fn workspace(root: Option<PathBuf>) -> Result<PathBuf, String> {
    match root {
        Some(r) => Ok(r),
        None => {
            let cwd = std::env::current_dir().map_err(|e| format!("cannot read the current folder: {e}"))?;
            find_root(&cwd).ok_or_else(|| "no regulations/ folder here or above; pass --root".to_string())
        }
    }
}

/// Runs `regc source …`.
pub fn source(command: SourceCommand, lang: Lang) -> Result<ExitCode, String> {
    match command {
        SourceCommand::Add { file, edition_of, encoding, act, date, name, root } => {
            let root = workspace(root)?;
            let sources = root.join("regulations").join("sources");
            std::fs::create_dir_all(&sources).map_err(|e| format!("cannot create {}: {e}", sources.display()))?;
            let request = AddRequest {
                file: &file,
                edition_of: edition_of.as_deref(),
                encoding: encoding.as_deref(),
                act: act.as_deref(),
                date: date.as_deref(),
                name: name.as_deref(),
            };
            match add(&sources, request) {
                Ok(Added::AlreadyRecorded(entry)) => {
                    println!("{}", Phrase::SourceAlreadyRecorded { file: entry.file }.text(lang));
                    Ok(ExitCode::SUCCESS)
                }
                Ok(Added::Recorded(entry)) => {
                    report_recorded(&root, &entry, lang);
                    Ok(ExitCode::SUCCESS)
                }
                Err(e) => {
                    eprintln!("error: {}", e.phrase().text(lang));
                    Ok(ExitCode::from(1))
                }
            }
        }
        SourceCommand::List { root } => {
            let root = workspace(root)?;
            let path = Manifest::path_for(&root.join("regulations").join("sources"));
            let manifest = Manifest::read(&path).map_err(|e| e.to_string())?;
            for e in manifest.map(|m| m.entries).unwrap_or_default() {
                let follows = e.edition_of.map(|p| format!(" ← {p}")).unwrap_or_default();
                let act = [e.act, e.date].into_iter().flatten().collect::<Vec<_>>().join(", ");
                println!("{}  {} lines  {}{follows}  {act}", e.file, e.lines, &e.sha256[..12.min(e.sha256.len())]);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// What was recorded, and for a new edition the renditions to move to it.
fn report_recorded(root: &std::path::Path, entry: &reglament_compiler::sources::manifest::Entry, lang: Lang) {
    let mut line =
        Phrase::SourceRecorded { file: entry.file.clone(), lines: entry.lines, sha256: entry.sha256.clone() }
            .text(lang);
    if let Some(encoding) = &entry.encoding {
        line.push_str(&format!("; {}", Phrase::SourceConverted { encoding: encoding.clone() }.text(lang)));
    }
    if let Some(previous) = &entry.edition_of {
        line.push_str(&format!("; {}", Phrase::SourceRecordedEdition { previous: previous.clone() }.text(lang)));
    }
    println!("{line}");
    let Some(previous) = &entry.edition_of else { return };
    let renditions = citing(root, previous);
    if !renditions.is_empty() {
        let list = renditions.join(" ");
        println!("{}", Phrase::SourceNextStep { renditions: list, file: entry.file.clone() }.text(lang));
    }
}

/// The renditions under `root/regulations` that cite `file`, relative to `root`.
fn citing(root: &std::path::Path, file: &str) -> Vec<String> {
    let all = reglament_compiler::collect_renditions(&[root.join("regulations")]).unwrap_or_default();
    all.into_iter()
        .filter(|p| {
            std::fs::read_to_string(p).ok().is_some_and(|t| reglament_compiler::session::cited_source(&t) == Some(file))
        })
        .map(|p| reglament_compiler::diagnostics::display_path(p.strip_prefix(root).unwrap_or(&p)))
        .collect()
}

/// Runs `regc rebase`: moves the renditions to the edition `to`, writes
/// them (all or none), then checks them and shows what is left to fix.
pub fn rebase(
    paths: Vec<PathBuf>,
    to: String,
    dry_run: bool,
    sources: Option<PathBuf>,
    lang: Lang,
) -> Result<ExitCode, String> {
    let files = reglament_compiler::collect_renditions(&paths)?;
    let planned = match reglament_compiler::rebase::plan(&files, &to, sources.as_deref()) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {}", e.text(lang));
            return Ok(ExitCode::from(1));
        }
    };
    let mut changed = 0;
    for r in &planned {
        let path = reglament_compiler::diagnostics::display_path(&r.path);
        if r.already {
            println!("{}", Phrase::RebaseAlready { path, to: to.clone() }.text(lang));
            continue;
        }
        let (from, moved, kept) = (r.from.clone(), r.moved, r.kept);
        println!("{}", Phrase::Rebased { path: path.clone(), from, to: to.clone(), moved, kept }.text(lang));
        for c in &r.changed {
            let phrase = Phrase::RebaseChanged {
                path: path.clone(),
                line: c.line,
                quoted: c.quoted.clone(),
                now: c.now.clone(),
            };
            println!("{}", phrase.text(lang));
        }
        for a in &r.approximate {
            let show = |(x, y): (u32, u32)| if y > x { format!("{x}-{y}") } else { x.to_string() };
            let phrase =
                Phrase::RebaseApproximate { path: path.clone(), line: a.line, old: show(a.old), new: show(a.new) };
            println!("{}", phrase.text(lang));
        }
        changed += r.changed.len();
    }
    if dry_run {
        println!("{}", Phrase::RebaseDryRun {}.text(lang));
        return Ok(ExitCode::SUCCESS);
    }
    if let Err(e) = reglament_compiler::rebase::write(&planned) {
        eprintln!("error: {}", e.text(lang));
        return Ok(ExitCode::from(1));
    }
    if changed > 0 {
        println!("{}", Phrase::RebaseLeft { changed }.text(lang));
    }
    let options = reglament_compiler::Options { sources: sources.as_deref(), ..reglament_compiler::Options::default() };
    let session = reglament_compiler::compile_paths(&files, &options)?;
    let errors: Vec<_> = session
        .diagnostics()
        .into_iter()
        .filter(|d| d.severity == reglament_compiler::diagnostics::Severity::Error)
        .collect();
    if errors.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    super::print_human(&session, &errors, lang);
    Ok(ExitCode::from(1))
}
