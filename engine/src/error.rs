//! Every way running a service can fail, as one typed error with plain
//! messages. Messages never carry application values: they end up in logs.

use std::fmt;
use std::path::PathBuf;

use reglament_runtime::{CalendarError, Date, DeadlineError, TransitionError, ValidationErrors};

use crate::seal::KeyError;
use crate::text::Escaped;

/// What went wrong with an application before the FLK rules could run, or
/// besides them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ApplicationProblem {
    /// The text is not JSON; where it breaks.
    NotJson {
        /// The 1-based line.
        line: usize,
        /// The 1-based column.
        column: usize,
    },
    /// The JSON is not an object of fields.
    NotAnObject,
    /// A field's value is not a string.
    NotAString {
        /// The field.
        field: String,
    },
    /// The same field twice: JSON readers disagree on which one counts.
    DuplicateField {
        /// The field.
        field: String,
    },
    /// More bytes than any application may have.
    TooLarge {
        /// Its size in bytes.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
    /// More fields than any application may have.
    TooManyFields {
        /// How many it has.
        fields: usize,
        /// The limit.
        limit: usize,
    },
    /// Fields the form does not have.
    UnknownFields {
        /// The unknown fields, sorted.
        fields: Vec<String>,
        /// The form's fields, in table order.
        known: Vec<&'static str>,
    },
}

impl fmt::Display for ApplicationProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ApplicationProblem::NotJson { line, column } => {
                write!(f, "the application is not valid JSON (line {line}, column {column})")
            }
            ApplicationProblem::NotAnObject => {
                write!(f, "the application must be a JSON object mapping field ids to strings")
            }
            ApplicationProblem::NotAString { field } => {
                write!(f, "field `{}` must be a JSON string (write the value in quotes)", Escaped(field))
            }
            ApplicationProblem::DuplicateField { field } => {
                write!(f, "field `{}` appears twice in the application; give each field once", Escaped(field))
            }
            ApplicationProblem::TooLarge { bytes, limit } => write!(
                f,
                "the application is {bytes} bytes; the limit is {limit} bytes ({} KiB) for any application",
                limit / 1024
            ),
            ApplicationProblem::TooManyFields { fields, limit } => {
                write!(f, "the application has {fields} fields; the limit is {limit}")
            }
            ApplicationProblem::UnknownFields { fields, known } => write!(
                f,
                "unknown field(s) {}; the form has {}",
                quoted(fields.iter().map(String::as_str)),
                quoted(known.iter().copied())
            ),
        }
    }
}

impl std::error::Error for ApplicationProblem {}

fn quoted<'a>(items: impl Iterator<Item = &'a str>) -> String {
    let items: Vec<String> = items.map(|s| format!("`{}`", Escaped(s))).collect();
    if items.is_empty() {
        "none".to_string()
    } else {
        items.join(", ")
    }
}

/// An error of the store (the SQLite file).
#[derive(Debug)]
pub enum StoreError {
    /// The file does not exist (only `start` creates a store).
    Missing(PathBuf),
    /// The file is not an SQLite database, or SQLite finds it damaged.
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What SQLite says.
        detail: String,
    },
    /// The file is an SQLite database of something else.
    NotAStore(PathBuf),
    /// The store was written by a newer version of Reglament.
    NewerSchema {
        /// The file.
        path: PathBuf,
        /// The schema version found.
        found: i64,
        /// The newest version this build knows.
        supported: i64,
    },
    /// Two writers advanced one instance; this one lost.
    Conflict {
        /// The instance.
        instance: i64,
        /// The version this writer read.
        expected: i64,
        /// The version in the store now.
        found: i64,
    },
    /// Any other SQLite error, with what was being done.
    Sqlite {
        /// What the store was doing.
        doing: &'static str,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// A row the store cannot read back (edited by hand, or damaged).
    BadRow(String),
    /// The store seals applications and was opened without its key.
    KeyRequired(PathBuf),
    /// The key given is not the store's.
    WrongKey(PathBuf),
    /// An idempotency key already committed something else.
    KeyReused {
        /// The key.
        key: String,
        /// The instance it committed for.
        instance: i64,
    },
    /// A write on a store opened read-only.
    ReadOnly(PathBuf),
    /// No instance has this id.
    NoInstance(i64),
    /// A file that must not exist yet (a backup's destination) exists.
    Exists(PathBuf),
    /// Another store (PostgreSQL) failed, with what was being done.
    Database {
        /// What the store was doing.
        doing: &'static str,
        /// What the database said.
        detail: String,
    },
    /// A file could not be created or written.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::Missing(p) => {
                write!(f, "store {} does not exist (`reglament start` creates one)", p.display())
            }
            StoreError::Corrupt { path, detail } => {
                write!(f, "store {} is corrupt or not a database ({detail}); nothing was changed", path.display())
            }
            StoreError::NotAStore(p) => {
                write!(f, "{} is an SQLite database but not a Reglament store; nothing was changed", p.display())
            }
            StoreError::NewerSchema { path, found, supported } => write!(
                f,
                "store {} has schema version {found}, newer than the {supported} this build knows; \
                 use a newer `reglament` (nothing was changed)",
                path.display()
            ),
            StoreError::Conflict { instance, expected, found } => write!(
                f,
                "conflict: instance {instance} was advanced by someone else (version {expected} read, \
                 {found} now); nothing was written — look at its timeline and try again"
            ),
            StoreError::Sqlite { doing, source } => write!(f, "store error while {doing}: {source}"),
            StoreError::BadRow(detail) => {
                write!(f, "the store holds a row it cannot read: {}; `reglament check` says more", Escaped(detail))
            }
            StoreError::KeyRequired(p) => write!(
                f,
                "store {} keeps applications sealed: give its key with --key-file FILE (or REGLAMENT_KEY_FILE); \
                 nothing was changed",
                p.display()
            ),
            StoreError::WrongKey(p) => {
                write!(f, "the key given is not the key of store {}; nothing was changed", p.display())
            }
            StoreError::KeyReused { key, instance } => write!(
                f,
                "idempotency key `{}` already committed another request (instance {instance}); use a new key \
                 for a new request; nothing was written",
                Escaped(key)
            ),
            StoreError::ReadOnly(p) => write!(f, "store {} was opened read-only; nothing was written", p.display()),
            StoreError::NoInstance(id) => write!(f, "no instance {id} in the store"),
            StoreError::Exists(p) => write!(f, "{} exists already; choose a new file", p.display()),
            StoreError::Database { doing, detail } => write!(f, "store error while {doing}: {}", Escaped(detail)),
            StoreError::Io { path, source } => write!(f, "cannot create {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for StoreError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StoreError::Sqlite { source, .. } => Some(source),
            StoreError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Every error of the engine.
#[derive(Debug)]
pub enum EngineError {
    /// No regulation has this id.
    UnknownRegulation {
        /// The id asked for.
        id: String,
        /// The ids there are.
        known: Vec<&'static str>,
    },
    /// The regulation has no channel with this id.
    UnknownChannel {
        /// The regulation.
        regulation: String,
        /// The id asked for.
        id: String,
        /// The channels there are.
        known: Vec<&'static str>,
    },
    /// The regulation has no form with this id, or several forms and none was named.
    UnknownForm {
        /// The regulation.
        regulation: String,
        /// The id asked for, if any.
        id: Option<String>,
        /// The forms there are.
        known: Vec<&'static str>,
    },
    /// The channel has no action with this number.
    UnknownAction {
        /// The channel.
        channel: String,
        /// The number asked for.
        number: String,
        /// The actions there are.
        known: Vec<u32>,
    },
    /// No instance has this id.
    UnknownInstance(i64),
    /// A typed application of one regulation given to a channel of another.
    FormOfOtherRegulation {
        /// The form's id.
        form: &'static str,
        /// The form's regulation.
        form_regulation: &'static str,
        /// The channel's regulation.
        regulation: &'static str,
        /// The channel.
        channel: &'static str,
    },
    /// A case started without a typed application, of a regulation whose
    /// applications are checked against a form.
    FormRequired {
        /// The regulation.
        regulation: &'static str,
        /// Its forms.
        forms: Vec<&'static str>,
    },
    /// A typed handle whose id names an instance of another channel.
    OtherChannel {
        /// The instance.
        instance: i64,
        /// Its regulation.
        regulation: String,
        /// Its channel.
        channel: String,
        /// The regulation the handle's type names.
        expected_regulation: &'static str,
        /// The channel the handle's type names.
        expected_channel: &'static str,
    },
    /// A stored application that does not read as the typed form asked for.
    ApplicationDoesNotFit {
        /// The instance.
        instance: i64,
        /// The form asked for.
        form: &'static str,
    },
    /// The application cannot be read.
    Application(ApplicationProblem),
    /// The application breaks FLK rules: every violation, plus unknown fields.
    Refused {
        /// Unknown fields, if any.
        unknown: Option<ApplicationProblem>,
        /// The FLK violations.
        violations: ValidationErrors,
    },
    /// The table does not allow the transition.
    Transition(TransitionError),
    /// `--to end` on an action that is not final.
    NotFinal {
        /// The channel.
        channel: String,
        /// The current action.
        action: u32,
        /// The actions the table allows next.
        allowed: Vec<u32>,
    },
    /// A final action has no next action: it can only be completed.
    IsFinal {
        /// The final action.
        action: u32,
    },
    /// The current action has several ways on and none was chosen.
    ChooseNext {
        /// The current action.
        action: u32,
        /// The choices, with their conditions.
        choices: Vec<(u32, Option<&'static str>)>,
    },
    /// The instance's final action is done.
    Finished(i64),
    /// The actor is not the participant responsible for the current action.
    NotResponsible {
        /// Who tried.
        actor: String,
        /// The current action.
        action: u32,
        /// The participant responsible (its id).
        responsible: &'static str,
        /// The participant as the table writes it (СФЕ).
        sfe: &'static str,
    },
    /// The time given is before the instance's last entry.
    TimeBeforeLast {
        /// The time given.
        at: String,
        /// The last entry's time.
        last: String,
    },
    /// The regulation is repealed on the start date: it starts no new case.
    Repealed {
        /// The regulation.
        regulation: &'static str,
        /// The repealing act, as the rendition records it.
        act: Option<&'static str>,
        /// The day the repeal took effect.
        from: Option<Date>,
    },
    /// No edition of the regulation is in force on the start date.
    NoEditionInForce {
        /// The regulation.
        regulation: String,
        /// The start date.
        date: Date,
        /// The first day an edition the engine knows comes into force.
        first: Option<Date>,
    },
    /// Two editions of the regulation come into force on the same day.
    AmbiguousEdition {
        /// The regulation.
        regulation: String,
        /// The SHA-256 of each.
        editions: Vec<&'static str>,
    },
    /// A time outside the years the calendar knows.
    TimeOutsideCalendar {
        /// The time.
        at: String,
        /// The first and last years the calendar knows, if any.
        span: Option<(i32, i32)>,
    },
    /// A disclosure must say who asks, in at most `limit` characters.
    Who {
        /// The limit.
        limit: usize,
    },
    /// A key file that cannot be used.
    Key(KeyError),
    /// A time that cannot be read.
    Time(reglament_runtime::ParseTimeError),
    /// A due time that cannot be computed.
    Deadline(DeadlineError),
    /// Calendar data that cannot be used.
    Calendar(CalendarError),
    /// The store failed.
    Store(StoreError),
    /// A file could not be read.
    Io {
        /// The file.
        path: PathBuf,
        /// The error.
        source: std::io::Error,
    },
}

impl fmt::Display for EngineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EngineError::UnknownRegulation { id, known } => {
                write!(f, "unknown regulation `{}`; known: {}", Escaped(id), quoted(known.iter().copied()))
            }
            EngineError::UnknownChannel { regulation, id, known } => write!(
                f,
                "regulation `{}` has no channel `{}`; its channels: {}",
                Escaped(regulation),
                Escaped(id),
                quoted(known.iter().copied())
            ),
            EngineError::UnknownForm { regulation, id: Some(id), known } => write!(
                f,
                "regulation `{}` has no form `{}`; its forms: {}",
                Escaped(regulation),
                Escaped(id),
                quoted(known.iter().copied())
            ),
            EngineError::UnknownForm { regulation, id: None, known } => write!(
                f,
                "regulation `{regulation}` has several forms ({}); name one with --form",
                quoted(known.iter().copied())
            ),
            EngineError::UnknownAction { channel, number, known } => {
                let known: Vec<String> = known.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "channel `{}` has no action `{}`; its actions: {}",
                    Escaped(channel),
                    Escaped(number),
                    known.join(", ")
                )
            }
            EngineError::UnknownInstance(id) => write!(f, "no instance {id} in the store"),
            EngineError::FormOfOtherRegulation { form, form_regulation, regulation, channel } => write!(
                f,
                "form `{form}` belongs to regulation `{form_regulation}`, not to `{regulation}` whose channel \
                 `{channel}` was asked for; start the case with a form of `{regulation}`"
            ),
            EngineError::FormRequired { regulation, forms } => write!(
                f,
                "regulation `{regulation}` checks applications against form(s) {}; start the case with a typed \
                 application (`Engine::start_case`)",
                quoted(forms.iter().copied())
            ),
            EngineError::OtherChannel { instance, regulation, channel, expected_regulation, expected_channel } => {
                write!(
                    f,
                    "instance {instance} is a case of `{regulation}` / `{channel}`, not of \
                     `{expected_regulation}` / `{expected_channel}`"
                )
            }
            EngineError::ApplicationDoesNotFit { instance, form } => write!(
                f,
                "the application of instance {instance} does not read as form `{form}` (it was started with \
                 another form, or the form has changed since)"
            ),
            EngineError::Application(p) => write!(f, "{p}"),
            EngineError::Refused { unknown, violations } => {
                write!(f, "the application is refused")?;
                if let Some(u) = unknown {
                    write!(f, ": {u}")?;
                }
                if !violations.0.is_empty() {
                    write!(f, "\n{violations}")?;
                }
                Ok(())
            }
            EngineError::Transition(e) => write!(f, "{e}"),
            EngineError::NotFinal { channel, action, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "channel `{channel}`: action {action} is not final, so the service cannot end here; \
                     the table allows {}",
                    allowed.join(", ")
                )
            }
            EngineError::IsFinal { action } => {
                write!(f, "action {action} is final: no action follows it; complete it with --to end")
            }
            EngineError::ChooseNext { action, choices } => {
                write!(f, "action {action} may go on in several ways; choose one with --to:")?;
                for (to, when) in choices {
                    write!(f, "\n  --to {to}{}", when.map(|w| format!("  ({w})")).unwrap_or_default())?;
                }
                Ok(())
            }
            EngineError::Finished(id) => write!(f, "instance {id} has ended: its final action is done"),
            EngineError::NotResponsible { actor, action, responsible, sfe } => write!(
                f,
                "`{}` may not perform action {action}: only its responsible participant `{responsible}` («{sfe}») may",
                Escaped(actor)
            ),
            EngineError::TimeBeforeLast { at, last } => {
                write!(f, "time {at} is before the instance's last entry at {last}")
            }
            EngineError::Repealed { regulation, act, from } => {
                write!(f, "regulation `{regulation}` is repealed")?;
                if let Some(from) = from {
                    write!(f, " since {from}")?;
                }
                if let Some(act) = act {
                    write!(f, " by «{act}»")?;
                }
                write!(
                    f,
                    ": it starts no new case; nothing was written (to replay a case of its time, start it with --at \
                     before the repeal, or pass --replay-history)"
                )
            }
            EngineError::NoEditionInForce { regulation, date, first } => {
                write!(f, "no edition of regulation `{}` is in force on {date}", Escaped(regulation))?;
                match first {
                    Some(first) => write!(f, "; the first comes into force on {first}"),
                    None => Ok(()),
                }
            }
            EngineError::AmbiguousEdition { regulation, editions } => write!(
                f,
                "regulation `{}` has {} editions in force from the same day ({}); record when each comes into force",
                Escaped(regulation),
                editions.len(),
                editions.join(", ")
            ),
            EngineError::TimeOutsideCalendar { at, span: Some((first, last)) } => write!(
                f,
                "time {at} is outside the years the calendar knows ({first}–{last}); due dates cannot be counted \
                 there (add the year with --calendar FILE); nothing was written"
            ),
            EngineError::TimeOutsideCalendar { at, span: None } => {
                write!(f, "time {at}: the calendar knows no year at all; nothing was written")
            }
            EngineError::Who { limit } => write!(
                f,
                "say who asks to see personal data (a name or an id of at most {limit} characters): the journal \
                 records every disclosure"
            ),
            EngineError::Key(e) => write!(f, "{e}"),
            EngineError::Time(e) => write!(f, "{e}"),
            EngineError::Deadline(e) => write!(f, "{e}"),
            EngineError::Calendar(e) => write!(f, "{e}"),
            EngineError::Store(e) => write!(f, "{e}"),
            EngineError::Io { path, source } => write!(f, "cannot read {}: {source}", path.display()),
        }
    }
}

impl std::error::Error for EngineError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            EngineError::Store(e) => Some(e),
            EngineError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<StoreError> for EngineError {
    fn from(e: StoreError) -> Self {
        EngineError::Store(e)
    }
}

impl From<TransitionError> for EngineError {
    fn from(e: TransitionError) -> Self {
        EngineError::Transition(e)
    }
}

impl From<DeadlineError> for EngineError {
    fn from(e: DeadlineError) -> Self {
        EngineError::Deadline(e)
    }
}

impl From<CalendarError> for EngineError {
    fn from(e: CalendarError) -> Self {
        EngineError::Calendar(e)
    }
}

impl From<KeyError> for EngineError {
    fn from(e: KeyError) -> Self {
        EngineError::Key(e)
    }
}

impl From<ApplicationProblem> for EngineError {
    fn from(e: ApplicationProblem) -> Self {
        EngineError::Application(e)
    }
}
