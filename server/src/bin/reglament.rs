//! `reglament`: run the generated services from the shell.
//!
//! ```text
//! reglament regulations
//! reglament keygen demo.key
//! reglament --store s.db --key-file demo.key start kezekke_qoiu_e_qyzmet uo --application app.json --actor … --at 2024-03-15T10:00
//! reglament --store s.db advance 1 --to 2 --actor … --at 2024-03-15T10:05
//! reglament --store s.db timeline 1
//! reglament --store s.db overdue --at 2024-03-25T09:00
//! reglament --store s.db check
//! reglament check --config reglament.toml     # the store a service's configuration names (SQLite or PostgreSQL)
//! reglament --store s.db backup s-copy.db
//! reglament serve --demo demo/                 # the HTTP service and the desk, with a demo configuration
//! reglament serve reglament.toml               # the HTTP service of a configuration
//! reglament token keygen signing-key.json jwks.json
//! reglament token issue signing-key.json --sub aigerim
//! ```
//!
//! Errors go to standard error with exit code 1 (2 for a malformed command
//! line), as `error[CODE]: …` with the codes the HTTP service's problems
//! carry, in English, Russian or Kazakh (`--lang en|ru|kk`); nothing is written when a command fails. Reading commands open the
//! store read-only: they never wait for writers.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use reglament_engine::edition::sha256_hex;
use reglament_engine::{
    now_in_kazakhstan, prepare_start, report, Application, Engine, EngineError, JournalEntry, Key, Lang, OpenMode,
    Registry, StartPolicy, StartRequest, Store, StoreOptions, Target,
};
use reglament_runtime::{Calendar, LocalDateTime};

/// The environment variable that names the key file when --key-file is not given.
const KEY_FILE_VAR: &str = "REGLAMENT_KEY_FILE";

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
    /// Calendar data (runtime/data/README.md) whose years and hours replace
    /// or extend the built-in ones, for the cases started now.
    #[arg(long, global = true, value_name = "FILE")]
    calendar: Option<PathBuf>,
    /// The key that seals applications (64 hex digits; `reglament keygen`
    /// writes one). Default: the file named by REGLAMENT_KEY_FILE.
    #[arg(long, global = true, value_name = "FILE")]
    key_file: Option<PathBuf>,
    /// Let repealed regulations start cases, each recorded as replaying history.
    #[arg(long, global = true)]
    replay_history: bool,
    /// The language of errors: English, Russian or Kazakh (the codes are the same in each).
    #[arg(long, value_enum, global = true, default_value_t = ErrorLang::En)]
    lang: ErrorLang,
    #[command(subcommand)]
    command: Command,
}

/// A language the command line's errors are written in.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum ErrorLang {
    En,
    Ru,
    Kk,
}

impl From<ErrorLang> for Lang {
    fn from(l: ErrorLang) -> Lang {
        match l {
            ErrorLang::En => Lang::En,
            ErrorLang::Ru => Lang::Ru,
            ErrorLang::Kk => Lang::Kk,
        }
    }
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
    /// Writes a new random key to FILE (readable by its owner only).
    Keygen {
        /// The key file to create; it must not exist.
        file: PathBuf,
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
    /// Prints an instance's application in clear, as JSON (personal data);
    /// the journal records who asked and when.
    Application {
        /// The instance.
        instance: i64,
        /// Who asks: a person's name or id, recorded in the journal.
        #[arg(long)]
        who: String,
        /// When (default: now).
        #[arg(long)]
        at: Option<String>,
    },
    /// Checks the whole store: SQLite's integrity check, the journal's hash
    /// chain, every instance against its journal, editions and calendars.
    /// With --config, the store the service's configuration names: its
    /// SQLite file, or its PostgreSQL database (the sealed chain, and the
    /// entries not sealed yet).
    Check {
        /// The service's configuration (`reglament serve CONFIG`), instead of --store.
        #[arg(long)]
        config: Option<PathBuf>,
    },
    /// Copies the store to FILE with SQLite's online backup (safe while
    /// writers run; a plain copy is not), and checks the copy.
    Backup {
        /// The backup file to create; it must not exist.
        file: PathBuf,
    },
    /// Runs `start` and `advance` commands from a file (`-`: standard input),
    /// one per line; prints `committed instance N version V` after each
    /// commit and stops at the first error. Each line has an idempotency key
    /// (the file's digest and the line's number, unless it gives --key), so
    /// running the same file again resumes where it stopped.
    Batch {
        /// The file.
        file: PathBuf,
    },
    /// Serves the HTTP API and the web desk (docs/service.md): every
    /// generated regulation, people and roles from bearer tokens, the
    /// server's clock, escalations to a webhook.
    Serve {
        /// The configuration file (TOML).
        #[arg(required_unless_present = "demo")]
        config: Option<PathBuf>,
        /// Writes a demo configuration into DIR (an SQLite store, its key, a
        /// local signing key, two officers) unless it is there, and serves it.
        #[arg(long, value_name = "DIR", conflicts_with = "config")]
        demo: Option<PathBuf>,
        /// Listen here instead of the configuration's address.
        #[arg(long, value_name = "ADDR")]
        listen: Option<std::net::SocketAddr>,
    },
    /// Local tokens: a signing key and its JWKS, and tokens signed with it.
    #[command(subcommand)]
    Token(TokenCommand),
}

#[derive(Subcommand, Debug)]
enum TokenCommand {
    /// Writes a new Ed25519 signing key (readable by its owner only) and
    /// its public JWKS, which the service's configuration names.
    Keygen {
        /// The signing key to create.
        key: PathBuf,
        /// The JWKS to create.
        jwks: PathBuf,
    },
    /// Prints a token signed with a local key.
    Issue {
        /// The signing key.
        key: PathBuf,
        /// The person (`sub`).
        #[arg(long)]
        sub: String,
        /// Their name.
        #[arg(long)]
        name: Option<String>,
        /// The issuer (`iss`) the service expects, if it checks one.
        #[arg(long)]
        iss: Option<String>,
        /// The audience (`aud`) the service expects, if it checks one.
        #[arg(long)]
        aud: Option<String>,
        /// Seconds until it expires.
        #[arg(long, default_value_t = 8 * 3600)]
        ttl: i64,
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
    /// An idempotency key: the same key again returns the same instance.
    #[arg(long)]
    key: Option<String>,
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
    /// An idempotency key: the same key again does not move the instance twice.
    #[arg(long)]
    key: Option<String>,
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
    let lang = Lang::from(cli.lang);
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(CliError::Engine(e)) => {
            eprintln!("error[{}]: {}", e.code(), e.message(lang));
            ExitCode::FAILURE
        }
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

/// What every command shares: where the store is, the calendar, the key.
struct Context {
    store: Option<PathBuf>,
    calendar: Calendar,
    key: Option<Key>,
    policy: StartPolicy,
}

impl Context {
    fn store(&self) -> Result<&Path, CliError> {
        self.store.as_deref().ok_or_else(|| CliError::Usage("this command needs --store FILE".to_string()))
    }

    /// The key, which commands that write or show applications need.
    fn key(&self) -> Result<Key, CliError> {
        self.key.clone().ok_or_else(|| {
            CliError::Usage(format!(
                "applications are personal data, sealed in the store: give the key with --key-file FILE (or \
                 {KEY_FILE_VAR}); `reglament keygen FILE` writes a new one"
            ))
        })
    }

    fn open(&self, mode: OpenMode) -> Result<Engine, CliError> {
        let options = StoreOptions { mode, key: self.key.clone(), ..StoreOptions::default() };
        let mut engine = Engine::open_options(self.store()?, &options, self.calendar.clone())?;
        engine.set_start_policy(self.policy);
        Ok(engine)
    }
}

fn run(cli: Cli) -> Result<(), CliError> {
    let key_file = cli.key_file.clone().or_else(|| std::env::var_os(KEY_FILE_VAR).map(PathBuf::from));
    let key = key_file.map(|f| Key::read_file(&f)).transpose().map_err(EngineError::from)?;
    let policy = if cli.replay_history { StartPolicy::ReplayHistory } else { StartPolicy::InForce };
    let ctx = Context { store: cli.store, calendar: load_calendar(cli.calendar.as_deref())?, key, policy };
    let out = &mut std::io::stdout().lock();
    match cli.command {
        Command::Regulations => print(out, &report::regulations(&Registry::default())),
        Command::Calendar { year } => print(out, &report::calendar_year(&ctx.calendar, year)),
        Command::Keygen { file } => keygen(&file, out),
        Command::Start(args) => {
            ctx.store()?;
            ctx.key()?;
            // A start sent again with its key returns what the first did.
            if let Some(key) = args.key.as_deref().filter(|_| ctx.store().is_ok_and(Path::exists)) {
                let engine = ctx.open(OpenMode::Existing)?;
                if let Some(id) = engine.started_by(key)? {
                    return print(out, &after_start(&engine, id, "already started"));
                }
            }
            // Check everything before the store is opened, so that bad input
            // does not even create the file.
            let new = prepare_start(&Registry::default(), &ctx.calendar, ctx.policy, start_request(&args)?)?;
            let mut engine = ctx.open(OpenMode::CreateIfMissing)?;
            let inserted = engine.insert(&new)?;
            let verb = if inserted.existing { "already started" } else { "started" };
            print(out, &after_start(&engine, inserted.id, verb))
        }
        Command::Advance(args) => {
            let mut engine = ctx.open(OpenMode::Existing)?;
            let (last, already) = advance(&mut engine, &args, None)?;
            print(out, &after_advance(&engine, &last, already))
        }
        Command::Timeline { instance, at } => {
            let engine = ctx.open(OpenMode::ReadOnly)?;
            let now = time(at.as_deref())?;
            print(out, &report::timeline(&engine.timeline(instance)?, now))
        }
        Command::Overdue { at } => {
            let engine = ctx.open(OpenMode::ReadOnly)?;
            print(out, &report::overdue(&engine.overdue(time(at.as_deref())?)?))
        }
        Command::List => {
            let engine = ctx.open(OpenMode::ReadOnly)?;
            print(out, &report::list(&engine.list()?, &engine))
        }
        Command::Application { instance, who, at } => {
            ctx.key()?;
            let mut engine = ctx.open(OpenMode::Existing)?;
            let application = engine.disclose(instance, &who, time(at.as_deref())?)?;
            print(out, &format!("{}\n", application.to_json()))
        }
        Command::Check { config } => {
            let verification = match config {
                Some(config) => verify_configured(&config)?,
                None => ctx.open(OpenMode::ReadOnly)?.store().verify()?,
            };
            print(out, &report::verification(&verification))?;
            match verification.is_ok() {
                true => Ok(()),
                false => Err(CliError::Usage("the store failed its check (see the problems above)".to_string())),
            }
        }
        Command::Backup { file } => {
            let engine = ctx.open(OpenMode::ReadOnly)?;
            engine.store().backup(&file)?;
            let copy = Store::open(&file, OpenMode::ReadOnly)?.verify()?;
            print(
                out,
                &format!("backed up {} to {}\n{}", ctx.store()?.display(), file.display(), report::verification(&copy)),
            )?;
            match copy.is_ok() {
                true => Ok(()),
                false => Err(CliError::Usage("the backup failed its check (see the problems above)".to_string())),
            }
        }
        Command::Serve { config, demo, listen } => serve(config, demo, listen),
        Command::Token(command) => token(command, out),
        Command::Batch { file } => {
            let text = read(&file)?;
            ctx.key()?;
            let mut engine = ctx.open(OpenMode::CreateIfMissing)?;
            batch(&mut engine, &file, &text, out)
        }
    }
}

/// Checks the store a service's configuration names, read-only for SQLite.
fn verify_configured(path: &Path) -> Result<reglament_engine::Verification, CliError> {
    let config = reglament_server::config::Config::read(path).map_err(|e| CliError::Usage(e.to_string()))?;
    if let Some(file) = &config.store.sqlite {
        return Ok(Store::open(file, OpenMode::ReadOnly)?.verify()?);
    }
    let url =
        config.store.postgres.as_deref().ok_or_else(|| CliError::Usage("the configuration names no store".into()))?;
    let store = reglament_server::pg::PgStore::connect(url, None)?;
    Ok(reglament_engine::CaseStore::verify(&store)?)
}

fn print(out: &mut impl Write, text: &str) -> Result<(), CliError> {
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| CliError::Usage(format!("cannot write output: {e}")))
}

/// The built-in calendar, extended by the user's file; a year the file
/// replaces is said out loud, since its holidays and transfers are no longer
/// the built-in ones.
fn load_calendar(path: Option<&Path>) -> Result<Calendar, CliError> {
    let builtin = Calendar::kazakhstan().map_err(EngineError::from)?;
    let Some(path) = path else { return Ok(builtin) };
    let text = read(path)?;
    let user = Calendar::parse(&text, &path.display().to_string()).map_err(EngineError::from)?;
    for year in builtin.replaced_by(&user) {
        eprintln!(
            "note: {} replaces the built-in calendar of {year}: its holidays, transfers and acts are not used; \
             cases started now record the data they are computed with",
            path.display()
        );
    }
    Ok(builtin.extended(&user).map_err(EngineError::from)?)
}

/// Writes a new key to a new file, readable by its owner only.
fn keygen(file: &Path, out: &mut impl Write) -> Result<(), CliError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let key = Key::generate();
    options
        .open(file)
        .and_then(|mut f| writeln!(f, "{}", key.to_hex()).and_then(|()| f.sync_all()))
        .map_err(|e| CliError::Usage(format!("cannot create the key file {}: {e}", file.display())))?;
    print(
        out,
        &format!(
            "wrote a new key to {}: keep it apart from the store and back it up; without it the store's \
             applications cannot be read\n",
            file.display()
        ),
    )
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
    start_request_keyed(args, args.key.as_deref())
}

fn start_request_keyed<'a>(args: &'a StartArgs, key: Option<&'a str>) -> Result<StartRequest<'a>, CliError> {
    let application = Application::from_json(&read(&args.application)?).map_err(EngineError::from)?;
    Ok(StartRequest {
        regulation: &args.regulation,
        channel: &args.channel,
        form: args.form.as_deref(),
        application,
        actor: &args.actor,
        at: time(args.at.as_deref())?,
        key,
    })
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

/// Advances, with the line's key (or `default_key`) if there is one;
/// returns the journal entry and whether the key had committed it already.
fn advance(
    engine: &mut Engine,
    args: &AdvanceArgs,
    default_key: Option<&str>,
) -> Result<(JournalEntry, bool), CliError> {
    let target = target(args.to.as_deref())?;
    let at = time(args.at.as_deref())?;
    match args.key.as_deref().or(default_key) {
        Some(key) => {
            let done = engine.advance_keyed(args.instance, target, &args.actor, at, key)?;
            Ok((done.transition.entry, done.already_committed))
        }
        None => Ok((engine.advance(args.instance, target, &args.actor, at)?.entry, false)),
    }
}

/// What to do next: the current action, who is responsible, when it is due.
fn current_line(engine: &Engine, id: i64) -> Result<String, EngineError> {
    let t = engine.timeline(id)?;
    let service = t.service.at.map_or_else(|| "never (no term, no deadline)".to_string(), |at| at.to_string());
    let Some(step) = t.current() else {
        return Ok(format!("the service has ended; the service was due {service}\n"));
    };
    let a = step.action;
    let due = step.due.as_ref().map_or_else(|| "no deadline".to_string(), |d| format!("due {}", d.at));
    Ok(format!(
        "current action {} — {} («{}»): {}\n  {due}; the service is due {service}\n",
        a.number,
        a.participant.unwrap_or("-"),
        a.sfe,
        a.action,
    ))
}

/// The next step's line, once the commit is done: a failure to compute it
/// does not make the committed command fail.
fn after_commit(engine: &Engine, id: i64) -> String {
    current_line(engine, id).unwrap_or_else(|e| {
        eprintln!("warning: committed, but the timeline of instance {id} cannot be shown: {e}");
        String::new()
    })
}

fn after_start(engine: &Engine, id: i64, verb: &str) -> String {
    let head = match engine.store().instance(id) {
        Ok(Some(i)) => {
            let application = i.application.as_ref().map_or_else(|| "sealed".to_string(), ToString::to_string);
            format!(
                "{verb} instance {id} ({} / {}), version {}\napplication: {application}; {}\n",
                reglament_engine::text::Escaped(&i.regulation),
                reglament_engine::text::Escaped(&i.channel),
                i.version,
                i.flk
            )
        }
        _ => format!("{verb} instance {id}\n"),
    };
    head + &after_commit(engine, id)
}

fn after_advance(engine: &Engine, last: &JournalEntry, already: bool) -> String {
    let id = last.instance;
    let from = last.from.map_or_else(|| "-".to_string(), |n| n.to_string());
    let to = last.to.map_or_else(|| "end".to_string(), |n| n.to_string());
    let via = last.branch.as_ref().map(|b| format!(" ({b})")).unwrap_or_default();
    let note = if already { " (already committed with this key: nothing written)" } else { "" };
    format!(
        "instance {id}: action {from} → {to}{via} by {} at {}, version {}{note}\n{}",
        reglament_engine::text::Escaped(&last.actor),
        last.at,
        last.version,
        after_commit(engine, id)
    )
}

/// Runs a batch file; each commit is reported as soon as it is durable, so
/// that a caller who kills the process knows what was committed. Every line
/// has an idempotency key: running the file again skips what was committed
/// and goes on from there.
fn batch(engine: &mut Engine, file: &Path, text: &str, out: &mut impl Write) -> Result<(), CliError> {
    let digest = sha256_hex(text.as_bytes());
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let at_line = |e: String| CliError::Usage(format!("{}, line {}: {e}", file.display(), n + 1));
        let key = format!("batch:{}:{}", &digest[..16], n + 1);
        let parsed = BatchLine::try_parse_from(line.split_whitespace()).map_err(|e| at_line(e.to_string()))?;
        let (id, version, already) = match parsed.command {
            BatchCommand::Start(args) => {
                let key = args.key.clone().unwrap_or(key);
                match engine.started_by(&key).map_err(|e| at_line(e.to_string()))? {
                    Some(id) => (id, 1, true),
                    None => {
                        let request = start_request_keyed(&args, Some(&key)).map_err(|e| at_line(e.to_string()))?;
                        let new = engine.prepare(request).map_err(|e| at_line(e.to_string()))?;
                        let inserted = engine.insert(&new).map_err(|e| at_line(e.to_string()))?;
                        (inserted.id, 1, inserted.existing)
                    }
                }
            }
            BatchCommand::Advance(args) => {
                let (entry, already) = advance(engine, &args, Some(&key)).map_err(|e| at_line(e.to_string()))?;
                (args.instance, entry.version, already)
            }
        };
        let prefix = if already { "already " } else { "" };
        print(out, &format!("{prefix}committed instance {id} version {version}\n"))?;
    }
    Ok(())
}

fn serve(config: Option<PathBuf>, demo: Option<PathBuf>, listen: Option<std::net::SocketAddr>) -> Result<(), CliError> {
    let path = match (config, demo) {
        (_, Some(dir)) => reglament_server::serve::demo(&dir).map_err(CliError::Usage)?,
        (Some(path), None) => path,
        (None, None) => return Err(CliError::Usage("give a configuration file, or --demo DIR".to_string())),
    };
    let mut config = reglament_server::config::Config::read(&path).map_err(|e| CliError::Usage(e.to_string()))?;
    if let Some(listen) = listen {
        config.listen = listen;
    }
    // The service opens its store before the runtime starts: the PostgreSQL
    // client blocks, which async tasks must not do.
    let clock = std::sync::Arc::new(reglament_server::clock::SystemClock);
    let service = reglament_server::serve::build(config, clock).map_err(CliError::Usage)?;
    let runtime = tokio::runtime::Runtime::new().map_err(|e| CliError::Usage(format!("cannot start: {e}")))?;
    runtime.block_on(reglament_server::serve::serve(service)).map_err(CliError::Usage)
}

fn token(command: TokenCommand, out: &mut impl Write) -> Result<(), CliError> {
    use reglament_server::auth::{write_private, Claims, SigningKey};
    match command {
        TokenCommand::Keygen { key, jwks } => {
            let new = SigningKey::generate().map_err(CliError::Usage)?;
            write_private(&key, &new.to_file()).map_err(CliError::Usage)?;
            std::fs::write(&jwks, new.jwks())
                .map_err(|e| CliError::Usage(format!("cannot write {}: {e}", jwks.display())))?;
            print(
                out,
                &format!(
                    "wrote a signing key to {} (keep it secret) and its JWKS to {} (name it in [auth] jwks)\n",
                    key.display(),
                    jwks.display()
                ),
            )
        }
        TokenCommand::Issue { key, sub, name, iss, aud, ttl } => {
            let key = SigningKey::read(&key).map_err(CliError::Usage)?;
            let now = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
            let claims = Claims { sub, name, exp: now.saturating_add(ttl), iat: now, iss, aud };
            let token = key.issue(&claims).map_err(CliError::Usage)?;
            print(out, &format!("{token}\n"))
        }
    }
}
