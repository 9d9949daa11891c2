//! `reglament`: run the generated services from the shell.
//!
//! ```text
//! reglament regulations
//! reglament --store s.db start postanovka_na_ochered_doshkolnikov mio --application app.json --actor mio --at 2024-03-15T10:00
//! reglament --store s.db advance 1 --to 2 --actor mio --at 2024-03-15T10:05
//! reglament --store s.db timeline 1
//! reglament --store s.db overdue --at 2024-03-25T09:00
//! ```
//!
//! Errors go to standard error with exit code 1 (2 for a malformed command
//! line); nothing is written when a command fails.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use reglament_engine::{
    now_in_kazakhstan, prepare_start, report, Application, Engine, EngineError, JournalEntry, OpenMode, Registry,
    StartRequest, Target, Transition,
};
use reglament_runtime::{Calendar, LocalDateTime};

/// Runs Reglament's generated services: instances, a journal, due dates on
/// Kazakhstan's working-day calendar. Times are local (Kazakhstan, UTC+5
/// when omitted): YYYY-MM-DDTHH:MM[:SS].
#[derive(Parser, Debug)]
#[command(name = "reglament", version)]
struct Cli {
    /// The store: an SQLite file. `start` and `batch` create it; the other
    /// commands need it to exist.
    #[arg(long, global = true, value_name = "FILE")]
    store: Option<PathBuf>,
    /// Calendar data (runtime/data/README.md) whose years replace or extend
    /// the built-in ones.
    #[arg(long, global = true, value_name = "FILE")]
    calendar: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Lists the regulations, their forms, channels and participants.
    Regulations,
    /// Shows a year of the working-day calendar: acts, days off, transfers.
    Calendar {
        /// The year.
        year: i32,
    },
    /// Starts an instance of a channel for an application.
    Start(StartArgs),
    /// Performs the current action of an instance and moves on.
    Advance(AdvanceArgs),
    /// Shows an instance's steps with due dates, and the service's due date.
    Timeline {
        /// The instance.
        instance: i64,
        /// The time to measure lateness at (default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Lists the instances overdue at a time, and by how much.
    Overdue {
        /// The time (default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Lists every instance.
    List,
    /// Prints an instance's application in clear, as JSON (personal data).
    Application {
        /// The instance.
        instance: i64,
    },
    /// Runs SQLite's full integrity check on the store.
    Check,
    /// Runs `start` and `advance` commands from a file (`-`: standard input),
    /// one per line; prints `committed instance N version V` after each
    /// commit and stops at the first error.
    Batch {
        /// The file.
        file: PathBuf,
    },
}

#[derive(Args, Debug)]
struct StartArgs {
    /// The regulation's id (see `reglament regulations`).
    regulation: String,
    /// The channel's id.
    channel: String,
    /// The application: a JSON object of FLK field ids to strings (`-`: standard input).
    #[arg(long, value_name = "FILE")]
    application: PathBuf,
    /// The participant starting it: the one responsible for the first action.
    #[arg(long)]
    actor: String,
    /// When (default: now).
    #[arg(long)]
    at: Option<String>,
    /// The form, when the regulation has several.
    #[arg(long)]
    form: Option<String>,
}

#[derive(Args, Debug)]
struct AdvanceArgs {
    /// The instance.
    instance: i64,
    /// The next action's number, or `end` to complete a final action
    /// (default: the only way on).
    #[arg(long)]
    to: Option<String>,
    /// The participant performing the current action.
    #[arg(long)]
    actor: String,
    /// When (default: now).
    #[arg(long)]
    at: Option<String>,
}

/// A line of a batch file.
#[derive(Parser, Debug)]
#[command(name = "batch line", no_binary_name = true)]
struct BatchLine {
    #[command(subcommand)]
    command: BatchCommand,
}

#[derive(Subcommand, Debug)]
enum BatchCommand {
    /// As `reglament start`.
    Start(StartArgs),
    /// As `reglament advance`.
    Advance(AdvanceArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// An error of the command line itself, or of the engine.
#[derive(Debug)]
enum CliError {
    Engine(EngineError),
    Usage(String),
}

impl std::fmt::Display for CliError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CliError::Engine(e) => write!(f, "{e}"),
            CliError::Usage(m) => write!(f, "{m}"),
        }
    }
}

impl From<EngineError> for CliError {
    fn from(e: EngineError) -> Self {
        CliError::Engine(e)
    }
}

impl From<reglament_engine::StoreError> for CliError {
    fn from(e: reglament_engine::StoreError) -> Self {
        CliError::Engine(e.into())
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let calendar = load_calendar(cli.calendar.as_deref())?;
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Regulations => print(out, &report::regulations(&Registry::default())),
        Command::Calendar { year } => print(out, &report::calendar_year(&calendar, year)),
        Command::Start(args) => {
            // Check everything before the store is opened, so that bad input
            // does not even create the file.
            let store = store_arg(cli.store.as_deref())?;
            let new = prepare_start(&Registry::default(), start_request(&args)?)?;
            let mut engine = open(Some(store), OpenMode::CreateIfMissing, calendar)?;
            let id = engine.insert(&new)?;
            print(out, &after_start(&engine, id)?)
        }
        Command::Advance(args) => {
            let mut engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            let transition = advance(&mut engine, &args)?;
            print(out, &after_advance(&engine, &transition.entry)?)
        }
        Command::Timeline { instance, at } => {
            let engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            let now = time(at.as_deref())?;
            print(out, &report::timeline(&engine.timeline(instance)?, now))
        }
        Command::Overdue { at } => {
            let engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            print(out, &report::overdue(&engine.overdue(time(at.as_deref())?)?))
        }
        Command::List => {
            let engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            print(out, &report::list(&engine.list()?, engine.registry()))
        }
        Command::Application { instance } => {
            let engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            let i = engine.store().instance(instance)?.ok_or(EngineError::UnknownInstance(instance))?;
            print(out, &format!("{}\n", i.application.to_json()))
        }
        Command::Check => {
            let engine = open(cli.store.as_deref(), OpenMode::Existing, calendar)?;
            let result = engine.store().integrity_check()?;
            print(out, &format!("integrity check: {result}\n"))?;
            if result == "ok" {
                Ok(())
            } else {
                Err(CliError::Usage("the store failed its integrity check".to_string()))
            }
        }
        Command::Batch { file } => {
            let text = read(&file)?;
            let mut engine = open(cli.store.as_deref(), OpenMode::CreateIfMissing, calendar)?;
            batch(&mut engine, &file, &text, out)
        }
    }
}

fn print(out: &mut impl Write, text: &str) -> Result<(), CliError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| CliError::Usage(format!("cannot write output: {e}")))
}

fn load_calendar(path: Option<&Path>) -> Result<Calendar, CliError> {
    let builtin = Calendar::kazakhstan().map_err(EngineError::from)?;
    let Some(path) = path else { return Ok(builtin) };
    let text = read(path)?;
    let user = Calendar::parse(&text, &path.display().to_string()).map_err(EngineError::from)?;
    Ok(builtin.extended(&user).map_err(EngineError::from)?)
}

fn store_arg(store: Option<&Path>) -> Result<&Path, CliError> {
    store.ok_or_else(|| CliError::Usage("this command needs --store FILE".to_string()))
}

fn open(store: Option<&Path>, mode: OpenMode, calendar: Calendar) -> Result<Engine, CliError> {
    Ok(Engine::open(store_arg(store)?, mode, calendar)?)
}

fn read(path: &Path) -> Result<String, CliError> {
    let mut text = String::new();
    let result = if path == Path::new("-") {
        std::io::stdin().read_to_string(&mut text).map(|_| ())
    } else {
        std::fs::read_to_string(path).map(|t| text = t)
    };
    result.map_err(|source| EngineError::Io { path: path.to_path_buf(), source })?;
    Ok(text)
}

fn time(text: Option<&str>) -> Result<LocalDateTime, CliError> {
    match text {
        None => Ok(now_in_kazakhstan()),
        Some(t) => Ok(LocalDateTime::parse(t).map_err(EngineError::Time)?),
    }
}

fn start_request(args: &StartArgs) -> Result<StartRequest<'_>, CliError> {
    let application = Application::from_json(&read(&args.application)?).map_err(EngineError::from)?;
    Ok(StartRequest {
        regulation: &args.regulation,
        channel: &args.channel,
        form: args.form.as_deref(),
        application,
        actor: &args.actor,
        at: time(args.at.as_deref())?,
    })
}

fn start(engine: &mut Engine, args: &StartArgs) -> Result<i64, CliError> {
    Ok(engine.start(start_request(args)?)?)
}

fn target(to: Option<&str>) -> Result<Target, CliError> {
    match to {
        None => Ok(Target::Only),
        Some("end") => Ok(Target::End),
        Some(n) => n
            .parse()
            .map(Target::Action)
            .map_err(|_| CliError::Usage(format!("--to `{n}`: expected an action number or `end`"))),
    }
}

fn advance(engine: &mut Engine, args: &AdvanceArgs) -> Result<Transition, CliError> {
    let target = target(args.to.as_deref())?;
    Ok(engine.advance(args.instance, target, &args.actor, time(args.at.as_deref())?)?)
}

/// What to do next: the current action, who is responsible, when it is due.
fn current_line(engine: &Engine, id: i64) -> Result<String, CliError> {
    let t = engine.timeline(id)?;
    let Some(step) = t.current() else {
        return Ok(format!("the service has ended; service due was {}\n", t.service.at));
    };
    let a = step.action;
    let due = step.due.as_ref().map_or_else(|| "no deadline".to_string(), |d| format!("due {}", d.at));
    Ok(format!(
        "current action {} — {} («{}»): {}\n  {due}; the service is due {}\n",
        a.number,
        a.participant.unwrap_or("-"),
        a.sfe,
        a.action,
        t.service.at
    ))
}

fn after_start(engine: &Engine, id: i64) -> Result<String, CliError> {
    let i = engine.store().instance(id)?.ok_or(EngineError::UnknownInstance(id))?;
    Ok(format!(
        "started instance {id} ({} / {}), version {}\napplication: {}; {}\n{}",
        i.regulation,
        i.channel,
        i.version,
        i.application,
        i.flk,
        current_line(engine, id)?
    ))
}

fn after_advance(engine: &Engine, last: &JournalEntry) -> Result<String, CliError> {
    let id = last.instance;
    let from = last.from.map_or_else(|| "-".to_string(), |n| n.to_string());
    let to = last.to.map_or_else(|| "end".to_string(), |n| n.to_string());
    let via = last.branch.as_ref().map(|b| format!(" ({b})")).unwrap_or_default();
    Ok(format!(
        "instance {id}: action {from} → {to}{via} by {} at {}, version {}\n{}",
        last.actor,
        last.at,
        last.version,
        current_line(engine, id)?
    ))
}

/// Runs a batch file; each commit is reported as soon as it is durable, so
/// that a caller who kills the process knows what was committed.
fn batch(engine: &mut Engine, file: &Path, text: &str, out: &mut impl Write) -> Result<(), CliError> {
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at_line = |e: String| CliError::Usage(format!("{}, line {}: {e}", file.display(), n + 1));
        let parsed = BatchLine::try_parse_from(line.split_whitespace()).map_err(|e| at_line(e.to_string()))?;
        let (id, version) = match parsed.command {
            BatchCommand::Start(args) => (start(engine, &args).map_err(|e| at_line(e.to_string()))?, 1),
            BatchCommand::Advance(args) => {
                let t = advance(engine, &args).map_err(|e| at_line(e.to_string()))?;
                (args.instance, t.entry.version)
            }
        };
        print(out, &format!("committed instance {id} version {version}\n"))?;
    }
    Ok(())
}
