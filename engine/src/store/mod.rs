//! The durable store: one SQLite file (rusqlite, SQLite bundled, no server).
//! The engine uses it through [`CaseStore`] (`api.rs`), which another store
//! implements too (PostgreSQL, in `reglament-server`); the checks, backups
//! and migrations here are the SQLite store's own.
//!
//! - Every transition is one transaction: the instance row moves and its
//!   journal entry is written together, or neither is.
//! - Optimistic versioning: each instance has a `version`; a transition says
//!   which version it was planned on, and the update only applies to that
//!   version. Of two writers that read the same version, the second gets
//!   [`StoreError::Conflict`] and writes nothing.
//! - The journal is a hash chain (`chain.rs`) over every entry: starts,
//!   moves and disclosures of personal data. Starts and moves may carry an
//!   idempotency key: the same key again returns what the first did.
//! - Applications are sealed with the operator's key ([`Key`], `seal.rs`);
//!   the file is created readable by its owner only.
//! - Write-ahead log with `synchronous = FULL` by default: a transition
//!   reported as committed survives a crash of the process or of the
//!   machine. [`Durability::Normal`] trades the last moments before a power
//!   failure or an OS crash for several times more transitions per second
//!   (BENCHMARKS.md); the store stays consistent either way.
//! - Readers ([`OpenMode::ReadOnly`]) open the file read-only: they take no
//!   lock, never wait for writers and run no check. The full check is
//!   [`Store::verify`] (`reglament check`).
//! - The schema has a version and the file an application id, so that a
//!   foreign or newer file is refused before anything is written; older
//!   stores are migrated, one step per version, from version 1 on.

mod api;
pub mod chain;
mod escalations;
mod schema;
mod verify;

use std::path::{Path, PathBuf};
use std::time::Duration;

use reglament_runtime::LocalDateTime;
use rusqlite::types::Value;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row, Transaction, TransactionBehavior};

use crate::application::{Application, FlkStatus};
use crate::edition::{sha256_hex, EditionRecord};
use crate::error::StoreError;
use crate::seal::Key;
pub use api::CaseStore;
use chain::{ChainRow, StartDetail};
pub use schema::{APPLICATION_ID, SCHEMA_V1, SCHEMA_VERSION};
pub use verify::Verification;

/// How to open a store.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if it does not exist.
    CreateIfMissing,
    /// The file must exist and be a store. The default.
    #[default]
    Existing,
    /// The file must exist; read it without taking any lock (a store of an
    /// older schema is migrated first, once).
    ReadOnly,
}

/// How long a commit waits for the disk (SQLite's `synchronous` setting,
/// in write-ahead-log mode).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Durability {
    /// `synchronous = FULL`: every commit waits until the log is on disk. A
    /// transition reported as committed survives a crash of the process, of
    /// the operating system, or a power failure. The default.
    #[default]
    Full,
    /// `synchronous = NORMAL`: the log is synced at checkpoints, not at each
    /// commit. A committed transition survives a crash of the process; after
    /// a power failure or an OS crash the last transitions may be lost (the
    /// store is never corrupted, and a conflict check still holds). For
    /// services that can replay recent work, in exchange for far more
    /// transitions per second.
    Normal,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Full => "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;",
            Durability::Normal => "PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
        }
    }
}

/// Everything about opening a store.
#[derive(Debug, Clone, Default)]
pub struct StoreOptions {
    /// Create, require, or only read.
    pub mode: OpenMode,
    /// How commits wait for the disk.
    pub durability: Durability,
    /// The key that seals applications. Without it, a store that has sealed
    /// applications reads them as sealed and refuses new ones, and a store
    /// that has none keeps new ones in clear (for tests and for services
    /// without personal data; the `reglament` command always asks for one).
    pub key: Option<Key>,
}

/// An instance as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInstance {
    /// Its id.
    pub id: i64,
    /// The regulation's id.
    pub regulation: String,
    /// The channel's id.
    pub channel: String,
    /// The application; `None` when it is sealed and the store was opened
    /// without its key.
    pub application: Option<Application>,
    /// Whether the application passed the FLK.
    pub flk: FlkStatus,
    /// The number of the current action (the final one once finished).
    pub state: u32,
    /// The version: 1 at the start, one more per transition.
    pub version: i64,
    /// When it started: when the application was received.
    pub started_at: LocalDateTime,
    /// Whether the final action is done.
    pub finished: bool,
    /// The digest of the edition snapshot it runs on (`None`: stored before
    /// editions were recorded; it runs on the regulation as generated now).
    pub edition: Option<String>,
    /// The digest of the calendar data it was computed with (`None`: stored
    /// before calendars were recorded).
    pub calendar: Option<String>,
    /// Whether it was started under a repealed regulation, replaying history.
    pub replayed: bool,
    /// Whose case it is (a citizen's subject), when the service knows people.
    pub applicant: Option<String>,
}

/// One transition of the journal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JournalEntry {
    /// The instance.
    pub instance: i64,
    /// The instance's version after this entry (1 for the start).
    pub version: i64,
    /// When it happened.
    pub at: LocalDateTime,
    /// The acting participant's id.
    pub actor: String,
    /// The action left (`None` for the start).
    pub from: Option<u32>,
    /// The action entered (`None` when the final action was completed).
    pub to: Option<u32>,
    /// The branch's condition, as the table writes it, if it has one.
    pub branch: Option<String>,
    /// The idempotency key it was committed with, if any.
    pub key: Option<String>,
    /// The person who acted in the participant's role (`reglament serve`
    /// knows people; the command line does not: `None`).
    pub person: Option<String>,
}

/// An instance with everything its timeline shows: what
/// [`CaseStore::case_file`] reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaseFile {
    /// The instance, with its application opened when the store has the key.
    pub instance: StoredInstance,
    /// Its transitions, oldest first.
    pub journal: Vec<JournalEntry>,
    /// Who was shown its personal data, oldest first.
    pub disclosures: Vec<Disclosure>,
}

/// A disclosure of a case's personal data: who asked, when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disclosure {
    /// The instance.
    pub instance: i64,
    /// When.
    pub at: LocalDateTime,
    /// Who asked, as they named themselves.
    pub who: String,
}

/// The calendar data a case is computed with, as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarRecord {
    /// SHA-256 of `data`, hex.
    pub digest: String,
    /// The data, in the calendar format.
    pub data: String,
}

impl CalendarRecord {
    /// The record of a calendar.
    pub fn of(calendar: &reglament_runtime::Calendar) -> CalendarRecord {
        let data = calendar.to_data();
        CalendarRecord { digest: sha256_hex(data.as_bytes()), data }
    }
}

/// A new instance and its first journal entry.
#[derive(Debug, Clone)]
pub struct NewInstance {
    /// The regulation's id.
    pub regulation: String,
    /// The channel's id.
    pub channel: String,
    /// The application.
    pub application: Application,
    /// Whether it passed the FLK.
    pub flk: FlkStatus,
    /// The first action.
    pub start: u32,
    /// When.
    pub at: LocalDateTime,
    /// Who started it.
    pub actor: String,
    /// The edition it starts under.
    pub edition: EditionRecord,
    /// The calendar data it is computed with.
    pub calendar: CalendarRecord,
    /// Whether it replays history under a repealed regulation.
    pub replayed: bool,
    /// The idempotency key, if any.
    pub key: Option<String>,
    /// The person who started it, in the role of `actor`, if known.
    pub person: Option<String>,
    /// Whose case it is (a citizen's subject), if known.
    pub applicant: Option<String>,
}

impl JournalEntry {
    /// The entry that records a disclosure of instance `id`'s application
    /// to `who` at `at` (it moves nothing: version 0, no actions).
    pub fn disclosure(id: i64, who: &str, at: LocalDateTime) -> JournalEntry {
        JournalEntry {
            instance: id,
            version: 0,
            at,
            actor: who.to_string(),
            from: None,
            to: None,
            branch: None,
            key: None,
            person: None,
        }
    }
}

impl NewInstance {
    /// What the start's journal entry records of the instance row, so that
    /// the chain covers it: `flk` as stored, and the digest of the stored
    /// application. Every store writes the same detail.
    pub fn start_detail(&self, flk: Option<String>, application: String) -> StartDetail {
        StartDetail {
            regulation: self.regulation.clone(),
            channel: self.channel.clone(),
            edition: Some(self.edition.digest.clone()),
            calendar: Some(self.calendar.digest.clone()),
            flk,
            replayed: self.replayed,
            application,
            applicant: self.applicant.clone(),
        }
    }

    /// The start's journal entry, for the instance numbered `id`.
    pub fn start_entry(&self, id: i64) -> JournalEntry {
        JournalEntry {
            instance: id,
            version: 1,
            at: self.at,
            actor: self.actor.clone(),
            from: None,
            to: Some(self.start),
            branch: None,
            key: self.key.clone(),
            person: self.person.clone(),
        }
    }
}

/// What storing a start did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Inserted {
    /// The instance's id.
    pub id: i64,
    /// Whether its idempotency key had started it already: nothing was written.
    pub existing: bool,
}

/// A planned transition, to be committed if the instance is still at
/// `expected_version`.
#[derive(Debug, Clone)]
pub struct Transition {
    /// The version the plan was made on.
    pub expected_version: i64,
    /// The instance's new current action.
    pub state: u32,
    /// Whether the instance is finished afterwards.
    pub finished: bool,
    /// The journal entry (its version is `expected_version + 1`).
    pub entry: JournalEntry,
}

/// An entry found by its idempotency key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Keyed {
    /// The instance.
    pub instance: i64,
    /// Whether it started the instance (otherwise it moved it).
    pub start: bool,
    /// The entry.
    pub entry: JournalEntry,
}

/// A row that cannot be read, and why: the rest are still served.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Damaged {
    /// The instance.
    pub instance: i64,
    /// What is wrong.
    pub problem: String,
}

/// The instances that could be read, and those that could not.
#[derive(Debug, Clone, Default)]
pub struct Listing {
    /// Readable instances, by id.
    pub instances: Vec<StoredInstance>,
    /// Damaged rows, by id.
    pub damaged: Vec<Damaged>,
}

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
    key: Option<Key>,
    /// Whether the store seals applications (it holds a key check value).
    sealed: bool,
    read_only: bool,
}

/// The columns of an instance, in the order `read_instance` reads them.
const INSTANCE_COLUMNS: &str =
    "id, regulation, channel, application, flk, state, version, started_at, finished, edition, \
     calendar, replayed, applicant";

/// The columns of a journal entry, in the order `read_entry` reads them.
const ENTRY_COLUMNS: &str = "instance, version, at, actor, from_action, to_action, branch, key, person";

/// The meta key of the key check value.
const KEY_CHECK: &str = "key_check";

impl Store {
    /// Opens (or creates, with [`OpenMode::CreateIfMissing`]) the store at
    /// `path`, without a key. A file that is not a store, or has a newer
    /// schema, is refused before anything is written to it; an older schema
    /// is migrated.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, StoreError> {
        Store::open_with(path, mode, Durability::default())
    }

    /// Like [`Store::open`], with the durability of commits chosen.
    pub fn open_with(path: &Path, mode: OpenMode, durability: Durability) -> Result<Store, StoreError> {
        Store::open_options(path, &StoreOptions { mode, durability, key: None })
    }

    /// Opens a store with every option.
    pub fn open_options(path: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
        let mode = options.mode;
        let mut store = match mode {
            OpenMode::ReadOnly => Store::open_read_only(path, options)?,
            OpenMode::CreateIfMissing | OpenMode::Existing => Store::open_writable(path, mode, options)?,
        };
        store.key = options.key.clone();
        store.check_key()?;
        Ok(store)
    }

    fn open_writable(path: &Path, mode: OpenMode, options: &StoreOptions) -> Result<Store, StoreError> {
        let len = std::fs::metadata(path).map(|m| m.len()).ok();
        if len.is_none() && mode == OpenMode::Existing {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        if len == Some(0) && mode == OpenMode::Existing {
            return Err(StoreError::NotAStore(path.to_path_buf()));
        }
        if len.is_none() {
            create_private(path)?;
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, "opening the store", e))?;
        let mut store = Store { conn, path: path.to_path_buf(), key: None, sealed: false, read_only: false };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| store.err("setting the busy timeout", e))?;
        if len.unwrap_or(0) > 0 {
            store.check_header()?;
        }
        store.configure(options.durability)?;
        store.create_or_migrate()?;
        store.sealed = store.key_check_value()?.is_some();
        Ok(store)
    }

    fn open_read_only(path: &Path, options: &StoreOptions) -> Result<Store, StoreError> {
        match std::fs::metadata(path).map(|m| m.len()) {
            Err(_) => return Err(StoreError::Missing(path.to_path_buf())),
            Ok(0) => return Err(StoreError::NotAStore(path.to_path_buf())),
            Ok(_) => {}
        }
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, "opening the store", e))?;
        let mut store = Store { conn, path: path.to_path_buf(), key: None, sealed: false, read_only: true };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| store.err("setting the busy timeout", e))?;
        if store.check_header()? < SCHEMA_VERSION {
            // An older store is migrated once, by a writer; then read.
            drop(store);
            let writable = StoreOptions { mode: OpenMode::Existing, ..options.clone() };
            drop(Store::open_writable(path, OpenMode::Existing, &writable)?);
            return Store::open_read_only(path, options);
        }
        store.sealed = store.key_check_value()?.is_some();
        Ok(store)
    }

    /// How commits wait for the disk, as the connection reports it.
    pub fn durability(&self) -> Result<Durability, StoreError> {
        let level: i64 = self
            .conn
            .query_row("PRAGMA synchronous", [], |r| r.get(0))
            .map_err(|e| self.err("reading the durability", e))?;
        // 1 is NORMAL; 2 (FULL) and 3 (EXTRA) wait for the disk at every commit.
        Ok(if level >= 2 { Durability::Full } else { Durability::Normal })
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Whether the store seals applications.
    pub fn is_sealed(&self) -> bool {
        self.sealed
    }

    /// Whether the store was opened with a key.
    pub fn has_key(&self) -> bool {
        self.key.is_some()
    }

    fn err(&self, doing: &'static str, e: rusqlite::Error) -> StoreError {
        classify(&self.path, doing, e)
    }

    /// Read-only checks of an existing file: ours, not newer. Returns its
    /// schema version. (The full check is [`Store::verify`]: a check at every
    /// open would grow with the store.)
    fn check_header(&self) -> Result<i64, StoreError> {
        let app_id: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| self.err("reading the file header", e))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotAStore(self.path.clone()));
        }
        let version = self.schema_version()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { path: self.path.clone(), found: version, supported: SCHEMA_VERSION });
        }
        Ok(version)
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn.query_row("SELECT version FROM schema_version", [], |r| r.get(0)).map_err(|e| match e {
            e if is_corrupt(&e) => classify(&self.path, "reading the schema version", e),
            _ => StoreError::BadRow("the store has no readable schema version".to_string()),
        })
    }

    fn configure(&self, durability: Durability) -> Result<(), StoreError> {
        let mode: String = self
            .conn
            .query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))
            .map_err(|e| self.err("switching to the write-ahead log", e))?;
        if !mode.eq_ignore_ascii_case("wal") {
            return Err(StoreError::BadRow(format!("the store cannot use a write-ahead log (journal mode {mode})")));
        }
        self.conn.execute_batch(durability.pragma()).map_err(|e| self.err("configuring the store", e))
    }

    /// Creates the schema in a new file, or migrates an older one. Both run
    /// in one immediate transaction that re-reads the version, so that two
    /// processes opening the same file at once do the work once.
    fn create_or_migrate(&mut self) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed(&path, "starting the schema transaction"))?;
        let exists: bool = tx
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", [], |r| r.get(0))
            .map_err(failed(&path, "reading the schema"))?;
        if !exists {
            tx.execute_batch(SCHEMA_V1).map_err(failed(&path, "creating the schema"))?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(failed(&path, "writing the file header"))?;
        }
        let version: i64 = tx
            .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .map_err(failed(&path, "reading the schema version"))?;
        for (to, step) in schema::MIGRATIONS.iter().filter(|(to, _)| *to > version) {
            match step {
                schema::Step::Sql(sql) => tx.execute_batch(sql),
                schema::Step::Rust(migrate) => migrate(&tx),
            }
            .map_err(failed(&path, "migrating the schema"))?;
            tx.execute("UPDATE schema_version SET version = ?1", [to])
                .map_err(failed(&path, "recording the schema version"))?;
        }
        tx.commit().map_err(failed(&path, "committing the schema"))
    }

    fn key_check_value(&self) -> Result<Option<Vec<u8>>, StoreError> {
        self.conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [KEY_CHECK], |r| r.get(0))
            .optional()
            .map_err(|e| self.err("reading the key check", e))
    }

    /// A key must be the store's; a writable store opened with a key for the
    /// first time records its check value and seals from then on.
    fn check_key(&mut self) -> Result<(), StoreError> {
        let Some(key) = &self.key else { return Ok(()) };
        match self.key_check_value()? {
            Some(value) if key.matches(&value) => Ok(()),
            Some(_) => Err(StoreError::WrongKey(self.path.clone())),
            None if self.read_only => Ok(()),
            None => {
                let value = key.check_value();
                self.conn
                    .execute("INSERT INTO meta (key, value) VALUES (?1, ?2)", params![KEY_CHECK, value])
                    .map_err(|e| self.err("recording the key check", e))?;
                self.sealed = true;
                Ok(())
            }
        }
    }

    fn write_tx(&mut self, doing: &'static str) -> Result<Transaction<'_>, StoreError> {
        if self.read_only {
            return Err(StoreError::ReadOnly(self.path.clone()));
        }
        let path = self.path.clone();
        self.conn.transaction_with_behavior(TransactionBehavior::Immediate).map_err(|e| classify(&path, doing, e))
    }

    /// Stores a new instance at version 1 with its first journal entry, in
    /// one transaction, with its edition and calendar when the store does not
    /// hold them yet. With an idempotency key that already started an
    /// instance of the same channel, returns that instance and writes nothing.
    pub fn insert_instance(&mut self, new: &NewInstance) -> Result<Inserted, StoreError> {
        if self.sealed && self.key.is_none() {
            return Err(StoreError::KeyRequired(self.path.clone()));
        }
        let path = self.path.clone();
        let key = self.key.clone();
        let tx = self.write_tx("starting a transaction")?;
        if let Some(k) = &new.key {
            if let Some(found) = keyed(&tx, k).map_err(failed(&path, "reading the idempotency key"))? {
                return existing_start(found, k);
            }
        }
        record_once(&tx, "editions", &new.edition.digest, || {
            tx.execute(
                "INSERT INTO editions (digest, regulation, sha256, snapshot) VALUES (?1, ?2, ?3, ?4)",
                params![new.edition.digest, new.edition.regulation, new.edition.sha256, new.edition.snapshot],
            )
        })
        .map_err(failed(&path, "recording the edition"))?;
        record_once(&tx, "calendars", &new.calendar.digest, || {
            tx.execute(
                "INSERT INTO calendars (digest, data) VALUES (?1, ?2)",
                params![new.calendar.digest, new.calendar.data],
            )
        })
        .map_err(failed(&path, "recording the calendar"))?;
        let id: i64 = tx
            .query_row("SELECT coalesce(max(id), 0) + 1 FROM instances", [], |r| r.get(0))
            .map_err(failed(&path, "numbering the instance"))?;
        let json = new.application.to_json();
        let application = match &key {
            Some(key) => Value::Blob(key.seal(json.as_bytes(), id)),
            None => Value::Text(json),
        };
        let flk = new.flk.to_column();
        tx.execute(
            &format!(
                "INSERT INTO instances ({INSTANCE_COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, 1, ?7, 0, ?8, ?9, ?10, ?11)"
            ),
            params![
                id,
                new.regulation,
                new.channel,
                application,
                flk,
                new.start,
                new.at.to_string(),
                new.edition.digest,
                new.calendar.digest,
                new.replayed,
                new.applicant
            ],
        )
        .map_err(failed(&path, "inserting the instance"))?;
        let detail = new.start_detail(flk, sha256_hex(&chain::application_bytes(&application))).to_json();
        let entry = new.start_entry(id);
        append(&tx, chain::START, &entry, Some(&detail)).map_err(failed(&path, "writing the journal"))?;
        tx.commit().map_err(failed(&path, "committing the start"))?;
        Ok(Inserted { id, existing: false })
    }

    /// Commits a transition if the instance is still at the version it was
    /// planned on; otherwise [`StoreError::Conflict`] and nothing is written.
    /// A key already used is [`StoreError::KeyReused`], nothing written.
    pub fn commit(&mut self, t: &Transition) -> Result<(), StoreError> {
        let path = self.path.clone();
        let id = t.entry.instance;
        let tx = self.write_tx("starting a transaction")?;
        let changed = tx
            .prepare_cached(
                "UPDATE instances SET state = ?1, version = ?2, finished = ?3 WHERE id = ?4 AND version = ?5",
            )
            .and_then(|mut update| {
                update.execute(params![t.state, t.expected_version + 1, t.finished, id, t.expected_version])
            })
            .map_err(failed(&path, "moving the instance"))?;
        if changed != 1 {
            let found: Option<i64> = tx
                .query_row("SELECT version FROM instances WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(failed(&path, "reading the instance"))?;
            return Err(StoreError::Conflict { instance: id, expected: t.expected_version, found: found.unwrap_or(0) });
        }
        match append(&tx, chain::MOVE, &t.entry, None) {
            Err(e) if is_constraint(&e) && t.entry.key.is_some() => {
                let key = t.entry.key.clone().unwrap_or_default();
                let instance = keyed(&tx, &key).ok().flatten().map_or(0, |k| k.instance);
                return Err(StoreError::KeyReused { key, instance });
            }
            other => other.map_err(failed(&path, "writing the journal"))?,
        }
        tx.commit().map_err(failed(&path, "committing the transition"))
    }

    /// Records that `who` was shown instance `id`'s application at `at`, and
    /// returns it: the journal entry and the disclosure are one transaction,
    /// so nothing is shown that is not recorded.
    pub fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, StoreError> {
        let path = self.path.clone();
        let key = self.key.clone();
        let tx = self.write_tx("starting a transaction")?;
        let value: Option<Value> = tx
            .query_row("SELECT application FROM instances WHERE id = ?1", [id], |r| r.get(0))
            .optional()
            .map_err(failed(&path, "reading the application"))?;
        let value = value.ok_or(StoreError::NoInstance(id))?;
        let application = match open_application(&value, id, key.as_ref()) {
            Ok(Some(application)) => application,
            Ok(None) => return Err(StoreError::KeyRequired(path.clone())),
            Err(problem) => return Err(StoreError::BadRow(format!("instance {id}: {problem}"))),
        };
        let entry = JournalEntry::disclosure(id, who, at);
        append(&tx, chain::DISCLOSURE, &entry, None).map_err(failed(&path, "recording the disclosure"))?;
        tx.commit().map_err(failed(&path, "committing the disclosure"))?;
        Ok(application)
    }

    /// The entry an idempotency key committed, if any.
    pub fn keyed(&self, key: &str) -> Result<Option<Keyed>, StoreError> {
        keyed(&self.conn, key).map_err(|e| self.err("reading the idempotency key", e))
    }

    /// The instance with this id. A row that cannot be read is a
    /// [`StoreError::BadRow`] naming it.
    pub fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        self.read_instance(id, true)
    }

    /// The instance with this id without its application (`application` is
    /// `None`): what planning a move reads, which never needs personal data.
    pub fn instance_without_application(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        self.read_instance(id, false)
    }

    fn read_instance(&self, id: i64, with_application: bool) -> Result<Option<StoredInstance>, StoreError> {
        let sql = match with_application {
            true => format!("SELECT {INSTANCE_COLUMNS} FROM instances WHERE id = ?1"),
            false => format!("SELECT {} FROM instances WHERE id = ?1", INSTANCE_COLUMNS.replace("application", "NULL")),
        };
        let row = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row([id], read_values).optional())
            .map_err(|e| self.err("reading an instance", e))?;
        let decode = |values| {
            self.decode_instance(values, with_application)
                .map_err(|d| StoreError::BadRow(format!("instance {}: {}", d.instance, d.problem)))
        };
        row.map(decode).transpose()
    }

    /// The last entry of an instance's journal (the latest transition).
    pub fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM journal WHERE instance = ?1 AND version IS NOT NULL ORDER BY version DESC LIMIT 1"
        );
        let row = self
            .conn
            .prepare_cached(&sql)
            .and_then(|mut stmt| stmt.query_row([instance], read_entry).optional())
            .map_err(|e| self.err("reading the journal", e))?;
        row.map(decode_entry).transpose()
    }

    /// Every instance, or only the unfinished ones, by id; rows that cannot
    /// be read are listed apart, with why.
    pub fn instances(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        self.list_instances(unfinished_only, true)
    }

    /// [`Store::instances`] without their applications (`application` is
    /// `None`): what an overdue list reads, which shows no personal data.
    pub fn instances_without_applications(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        self.list_instances(unfinished_only, false)
    }

    fn list_instances(&self, unfinished_only: bool, with_application: bool) -> Result<Listing, StoreError> {
        let filter = if unfinished_only { "WHERE finished = 0" } else { "" };
        let columns = if with_application {
            INSTANCE_COLUMNS.to_string()
        } else {
            INSTANCE_COLUMNS.replace("application", "NULL")
        };
        let sql = format!("SELECT {columns} FROM instances {filter} ORDER BY id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err("listing instances", e))?;
        let rows = stmt.query_map([], read_values).map_err(|e| self.err("listing instances", e))?;
        let mut listing = Listing::default();
        for row in rows {
            let values = row.map_err(|e| self.err("listing instances", e))?;
            match self.decode_instance(values, with_application) {
                Ok(instance) => listing.instances.push(instance),
                Err(damaged) => listing.damaged.push(damaged),
            }
        }
        Ok(listing)
    }

    /// An instance's journal of transitions, oldest first.
    pub fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError> {
        let sql =
            format!("SELECT {ENTRY_COLUMNS} FROM journal WHERE instance = ?1 AND version IS NOT NULL ORDER BY version");
        let mut stmt = self.conn.prepare_cached(&sql).map_err(|e| self.err("reading the journal", e))?;
        let rows = stmt.query_map([instance], read_entry).map_err(|e| self.err("reading the journal", e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(decode_entry(row.map_err(|e| self.err("reading the journal", e))?)?);
        }
        Ok(out)
    }

    /// Who was shown an instance's personal data, and when, oldest first.
    pub fn disclosures(&self, instance: i64) -> Result<Vec<Disclosure>, StoreError> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT at, actor FROM journal WHERE instance = ?1 AND kind = ?2 ORDER BY seq")
            .map_err(|e| self.err("reading the disclosures", e))?;
        let rows = stmt
            .query_map(params![instance, chain::DISCLOSURE], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))
            .map_err(|e| self.err("reading the disclosures", e))?;
        let mut out = Vec::new();
        for row in rows {
            let (at, who) = row.map_err(|e| self.err("reading the disclosures", e))?;
            out.push(Disclosure { instance, at: parse_time(&at, "disclosure time")?, who });
        }
        Ok(out)
    }

    /// The snapshot of the edition with this digest.
    pub fn edition(&self, digest: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT snapshot FROM editions WHERE digest = ?1")
            .and_then(|mut stmt| stmt.query_row([digest], |r| r.get(0)).optional())
            .map_err(|e| self.err("reading an edition", e))
    }

    /// The calendar data with this digest.
    pub fn calendar(&self, digest: &str) -> Result<Option<String>, StoreError> {
        self.conn
            .prepare_cached("SELECT data FROM calendars WHERE digest = ?1")
            .and_then(|mut stmt| stmt.query_row([digest], |r| r.get(0)).optional())
            .map_err(|e| self.err("reading a calendar", e))
    }

    /// SQLite's full `PRAGMA integrity_check`: `"ok"` or the problems found.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(|e| self.err("checking integrity", e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err("checking integrity", e))?;
        let lines: Result<Vec<String>, _> = rows.collect();
        Ok(lines.map_err(|e| self.err("checking integrity", e))?.join("; "))
    }

    /// Copies the store to `dest` with SQLite's online backup, which copies
    /// a consistent state of the file while writers go on (a plain copy of a
    /// live store may miss what is still in its write-ahead log). `dest` must
    /// not exist; it is created readable by its owner only.
    pub fn backup(&self, dest: &Path) -> Result<(), StoreError> {
        if dest.exists() {
            return Err(StoreError::Exists(dest.to_path_buf()));
        }
        create_private(dest)?;
        let mut target = Connection::open(dest).map_err(|e| classify(dest, "opening the backup", e))?;
        let copy = rusqlite::backup::Backup::new(&self.conn, &mut target)
            .and_then(|backup| {
                // One step copies every page inside one read transaction: a consistent state.
                while backup.step(-1)? != rusqlite::backup::StepResult::Done {
                    std::thread::sleep(Duration::from_millis(10));
                }
                Ok(())
            })
            .map_err(|e| classify(dest, "copying the store", e));
        if copy.is_err() {
            drop(target);
            let _ = std::fs::remove_file(dest);
        }
        copy
    }

    /// Reads an instance row; a row whose values cannot be read is
    /// [`Damaged`], never a failure of the whole read.
    fn decode_instance(&self, v: Vec<Value>, with_application: bool) -> Result<StoredInstance, Damaged> {
        let id = match v.first() {
            Some(Value::Integer(id)) => *id,
            _ => 0,
        };
        let bad = |problem: String| Damaged { instance: id, problem };
        let text = |i: usize, what: &str| match v.get(i) {
            Some(Value::Text(s)) => Ok(s.clone()),
            _ => Err(bad(format!("its {what} is not text"))),
        };
        let opt_text = |i: usize| match v.get(i) {
            Some(Value::Text(s)) => Some(s.clone()),
            _ => None,
        };
        let int = |i: usize, what: &str| match v.get(i) {
            Some(Value::Integer(n)) => Ok(*n),
            _ => Err(bad(format!("its {what} is not a number"))),
        };
        let application = match (with_application, v.get(3)) {
            (true, Some(value)) => open_application(value, id, self.key.as_ref()).map_err(|p| bad(p.to_string()))?,
            _ => None,
        };
        let state = u32::try_from(int(5, "state")?).map_err(|_| bad("its state is out of range".to_string()))?;
        let started_at = text(7, "start time")?;
        let started_at = LocalDateTime::parse(&started_at).map_err(|e| bad(format!("its start time: {e}")))?;
        Ok(StoredInstance {
            id,
            regulation: text(1, "regulation")?,
            channel: text(2, "channel")?,
            application,
            flk: FlkStatus::from_column(opt_text(4).as_deref()),
            state,
            version: int(6, "version")?,
            started_at,
            finished: int(8, "finished flag")? != 0,
            edition: opt_text(9),
            calendar: opt_text(10),
            replayed: int(11, "replay flag")? != 0,
            applicant: opt_text(12),
        })
    }
}

/// Creates `path` empty, readable and writable by its owner only, so that
/// SQLite (which gives its log files the database's permissions) never
/// makes personal data readable by others.
fn create_private(path: &Path) -> Result<(), StoreError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    match options.open(path) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(source) => Err(StoreError::Io { path: path.to_path_buf(), source }),
    }
}

/// Reads a stored application: clear JSON (stores without a key, and those
/// of schema 2), or a sealed value opened with `key`; `Ok(None)` when sealed
/// and there is no key.
fn open_application(value: &Value, id: i64, key: Option<&Key>) -> Result<Option<Application>, &'static str> {
    let json = match (value, key) {
        (Value::Text(text), _) => text.clone(),
        (Value::Blob(_), None) => return Ok(None),
        (Value::Blob(sealed), Some(key)) => {
            let clear =
                key.open(sealed, id).ok_or("its application does not open with the store's key (altered or moved)")?;
            String::from_utf8(clear).map_err(|_| "its application is not text")?
        }
        _ => return Err("its application is neither JSON nor a sealed value"),
    };
    Application::from_json(&json).map(Some).map_err(|_| "its application is not a readable JSON object")
}

fn read_values(r: &Row<'_>) -> rusqlite::Result<Vec<Value>> {
    (0..13).map(|i| r.get::<_, Value>(i)).collect()
}

type EntryRow = (i64, i64, String, String, Option<u32>, Option<u32>, Option<String>, (Option<String>, Option<String>));

fn read_entry(r: &Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, (r.get(7)?, r.get(8)?)))
}

fn decode_entry(row: EntryRow) -> Result<JournalEntry, StoreError> {
    let (instance, version, at, actor, from, to, branch, (key, person)) = row;
    let at = parse_time(&at, "journal time")?;
    Ok(JournalEntry { instance, version, at, actor, from, to, branch, key, person })
}

fn parse_time(text: &str, what: &str) -> Result<LocalDateTime, StoreError> {
    LocalDateTime::parse(text).map_err(|e| StoreError::BadRow(format!("{what}: {e}")))
}

/// Runs `insert` unless `table` holds the record `digest` already: most
/// starts find their edition and calendar recorded, and skip binding them.
fn record_once(
    conn: &Connection,
    table: &str,
    digest: &str,
    insert: impl FnOnce() -> rusqlite::Result<usize>,
) -> rusqlite::Result<()> {
    let sql = format!("SELECT 1 FROM {table} WHERE digest = ?1");
    let known = conn.prepare_cached(&sql)?.query_row([digest], |_| Ok(())).optional()?.is_some();
    if !known {
        insert()?;
    }
    Ok(())
}

/// Appends an entry to the journal, chained to the last one.
fn append(conn: &Connection, kind: &str, e: &JournalEntry, detail: Option<&str>) -> rusqlite::Result<()> {
    let last: Option<(i64, String)> = conn
        .prepare_cached("SELECT seq, hash FROM journal ORDER BY seq DESC LIMIT 1")?
        .query_row([], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    let (seq, prev) = last.map_or((1, chain::GENESIS.to_string()), |(seq, hash)| (seq + 1, hash));
    let at = e.at.to_string();
    let version = (kind != chain::DISCLOSURE).then_some(e.version);
    let row = ChainRow {
        seq,
        instance: e.instance,
        version,
        kind,
        at: &at,
        actor: &e.actor,
        from: e.from,
        to: e.to,
        branch: e.branch.as_deref(),
        key: e.key.as_deref(),
        detail,
        person: e.person.as_deref(),
    };
    let hash = chain::link(&prev, &row);
    conn.prepare_cached(
        "INSERT INTO journal (seq, instance, version, kind, at, actor, from_action, to_action, branch, key, detail, hash,
                              person)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)",
    )?
    .execute(params![
        seq, e.instance, version, kind, at, e.actor, e.from, e.to, e.branch, e.key, detail, hash, e.person
    ])?;
    Ok(())
}

fn keyed(conn: &Connection, key: &str) -> rusqlite::Result<Option<Keyed>> {
    let sql = format!("SELECT {ENTRY_COLUMNS}, kind FROM journal WHERE key = ?1");
    let found =
        conn.prepare_cached(&sql)?.query_row([key], |r| Ok((read_entry(r)?, r.get::<_, String>(9)?))).optional()?;
    let Some((row, kind)) = found else { return Ok(None) };
    let entry = decode_entry(row).map_err(|e| rusqlite::Error::ToSqlConversionFailure(Box::new(e)))?;
    Ok(Some(Keyed { instance: entry.instance, start: kind == chain::START, entry }))
}

/// A start whose key is in the journal already: the instance it started, or
/// a refusal when the key moved a case instead.
fn existing_start(found: Keyed, key: &str) -> Result<Inserted, StoreError> {
    if found.start {
        return Ok(Inserted { id: found.instance, existing: true });
    }
    Err(StoreError::KeyReused { key: key.to_string(), instance: found.instance })
}

fn is_corrupt(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt))
}

fn is_constraint(e: &rusqlite::Error) -> bool {
    matches!(e.sqlite_error_code(), Some(ErrorCode::ConstraintViolation))
}

/// The error of `doing` on `path`, for `map_err`.
fn failed<'a>(path: &'a Path, doing: &'static str) -> impl FnOnce(rusqlite::Error) -> StoreError + 'a {
    move |e| classify(path, doing, e)
}

/// Maps SQLite's "not a database" and "corrupt" to [`StoreError::Corrupt`].
fn classify(path: &Path, doing: &'static str, e: rusqlite::Error) -> StoreError {
    if is_corrupt(&e) {
        StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() }
    } else {
        StoreError::Sqlite { doing, source: e }
    }
}

/// What fell due: the current step of a case, or its whole service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EscalationKind {
    /// The current step is overdue.
    Step,
    /// The whole service is overdue.
    Service,
}

impl EscalationKind {
    /// The word stored and sent.
    pub fn as_str(self) -> &'static str {
        match self {
            EscalationKind::Step => "step",
            EscalationKind::Service => "service",
        }
    }

    /// The kind a stored word names.
    pub fn parse(text: &str) -> Option<EscalationKind> {
        match text {
            "step" => Some(EscalationKind::Step),
            "service" => Some(EscalationKind::Service),
            _ => None,
        }
    }
}

/// An escalation to record: a case's step or service that fell due.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewEscalation {
    /// The case.
    pub instance: i64,
    /// The case's version when it was noticed: one escalation per step entered.
    pub version: i64,
    /// Step or service.
    pub kind: EscalationKind,
    /// The action the case stood at.
    pub action: u32,
    /// When it fell due.
    pub due: LocalDateTime,
    /// What the webhook receives: JSON without personal data.
    pub payload: String,
}

/// An escalation waiting for delivery.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Escalation {
    /// Its id: the webhook receives it, to recognise a notice sent twice.
    pub id: i64,
    /// The case.
    pub instance: i64,
    /// The case's version when it was noticed.
    pub version: i64,
    /// Step or service.
    pub kind: EscalationKind,
    /// The action the case stood at.
    pub action: u32,
    /// When it fell due.
    pub due: LocalDateTime,
    /// What the webhook receives.
    pub payload: String,
    /// Deliveries tried so far.
    pub attempts: u32,
}

/// An escalation with its delivery state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EscalationRecord {
    /// The escalation.
    pub escalation: Escalation,
    /// When it was delivered (seconds since the Unix epoch), if it was.
    pub delivered: Option<i64>,
    /// Why the last delivery failed, if it did.
    pub last_error: Option<String>,
}
