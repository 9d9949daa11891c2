//! The durable store: one SQLite file (rusqlite, SQLite bundled, no server).
//!
//! - Every transition is one transaction: the instance row moves and its
//!   journal entry is written together, or neither is.
//! - Optimistic versioning: each instance has a `version`; a transition says
//!   which version it was planned on, and the update only applies to that
//!   version. Of two writers that read the same version, the second gets
//!   [`StoreError::Conflict`] and writes nothing.
//! - Write-ahead log with `synchronous = FULL` by default: a transition
//!   reported as committed survives a crash of the process or of the
//!   machine. [`Durability::Normal`] (`synchronous = NORMAL`) trades the
//!   last moments before a power failure or an OS crash for about two orders
//!   of magnitude more transitions per second (BENCHMARKS.md); the store
//!   stays consistent either way.
//! - The schema has a version (table `schema_version`) and the file an
//!   application id, so that a foreign or newer file is refused before
//!   anything is written; older stores are migrated, one step per version,
//!   from version 1 on.

use std::path::{Path, PathBuf};
use std::time::Duration;

use reglament_runtime::LocalDateTime;
use rusqlite::{params, Connection, ErrorCode, OpenFlags, OptionalExtension, Row, TransactionBehavior};

use crate::application::{Application, FlkStatus};
use crate::error::StoreError;

/// SQLite's `application_id` of a Reglament store ("RGLM").
pub const APPLICATION_ID: i64 = 0x5247_4c4d;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 2;

/// Schema version 1: instances and their journal.
pub const SCHEMA_V1: &str = "
CREATE TABLE schema_version (version INTEGER NOT NULL);
INSERT INTO schema_version (version) VALUES (1);
CREATE TABLE instances (
    id          INTEGER PRIMARY KEY,
    regulation  TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    application TEXT    NOT NULL,
    state       INTEGER NOT NULL,
    version     INTEGER NOT NULL,
    started_at  TEXT    NOT NULL,
    finished    INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE journal (
    instance    INTEGER NOT NULL REFERENCES instances (id),
    version     INTEGER NOT NULL,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    from_action INTEGER,
    to_action   INTEGER,
    branch      TEXT,
    PRIMARY KEY (instance, version)
);
";

/// Migrations: `(to_version, sql)`, applied in order to stores older than
/// `to_version`, each in the transaction that also records the new version.
const MIGRATIONS: &[(i64, &str)] = &[(
    2,
    // Whether the application passed the FLK (v1 did not record it: NULL),
    // and an index for listing open instances.
    "ALTER TABLE instances ADD COLUMN flk TEXT;
     CREATE INDEX instances_open ON instances (finished, id);",
)];

/// How to open a store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Create the file if it does not exist.
    CreateIfMissing,
    /// The file must exist and be a store.
    Existing,
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

/// An instance as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredInstance {
    /// Its id.
    pub id: i64,
    /// The regulation's id.
    pub regulation: String,
    /// The channel's id.
    pub channel: String,
    /// The application.
    pub application: Application,
    /// Whether the application passed the FLK.
    pub flk: FlkStatus,
    /// The number of the current action (the final one once finished).
    pub state: u32,
    /// The version: 1 at the start, one more per transition.
    pub version: i64,
    /// When it started.
    pub started_at: LocalDateTime,
    /// Whether the final action is done.
    pub finished: bool,
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

/// An open store.
#[derive(Debug)]
pub struct Store {
    conn: Connection,
    path: PathBuf,
}

impl Store {
    /// Opens (or creates, with [`OpenMode::CreateIfMissing`]) the store at
    /// `path`. A file that is not a store, is damaged, or has a newer schema
    /// is refused before anything is written to it; an older schema is
    /// migrated.
    pub fn open(path: &Path, mode: OpenMode) -> Result<Store, StoreError> {
        Store::open_with(path, mode, Durability::default())
    }

    /// Like [`Store::open`], with the durability of commits chosen.
    pub fn open_with(path: &Path, mode: OpenMode, durability: Durability) -> Result<Store, StoreError> {
        let len = std::fs::metadata(path).map(|m| m.len()).ok();
        if len.is_none() && mode == OpenMode::Existing {
            return Err(StoreError::Missing(path.to_path_buf()));
        }
        if len == Some(0) && mode == OpenMode::Existing {
            return Err(StoreError::NotAStore(path.to_path_buf()));
        }
        let mut flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        if mode == OpenMode::CreateIfMissing {
            flags |= OpenFlags::SQLITE_OPEN_CREATE;
        }
        let conn = Connection::open_with_flags(path, flags).map_err(|e| classify(path, "opening the store", e))?;
        let mut store = Store { conn, path: path.to_path_buf() };
        store.conn.busy_timeout(Duration::from_secs(10)).map_err(|e| store.err("setting the busy timeout", e))?;
        let fresh = len.unwrap_or(0) == 0;
        if !fresh {
            store.check_existing()?;
        }
        store.configure(durability)?;
        store.create_or_migrate()?;
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

    fn err(&self, doing: &'static str, e: rusqlite::Error) -> StoreError {
        classify(&self.path, doing, e)
    }

    /// Read-only checks of an existing file: ours, not damaged, not newer.
    fn check_existing(&self) -> Result<(), StoreError> {
        let app_id: i64 = self
            .conn
            .query_row("PRAGMA application_id", [], |r| r.get(0))
            .map_err(|e| self.err("reading the file header", e))?;
        if app_id != APPLICATION_ID {
            return Err(StoreError::NotAStore(self.path.clone()));
        }
        let check = self.quick_check()?;
        if check != "ok" {
            return Err(StoreError::Corrupt { path: self.path.clone(), detail: check });
        }
        let version = self.schema_version()?;
        if version > SCHEMA_VERSION {
            return Err(StoreError::NewerSchema { path: self.path.clone(), found: version, supported: SCHEMA_VERSION });
        }
        Ok(())
    }

    fn quick_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA quick_check").map_err(|e| self.err("checking the file", e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err("checking the file", e))?;
        let lines: Result<Vec<String>, _> = rows.collect();
        Ok(lines.map_err(|e| self.err("checking the file", e))?.join("; "))
    }

    /// The schema version recorded in the store.
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.conn
            .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .map_err(|_| StoreError::BadRow("the store has no readable schema version".to_string()))
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
            .map_err(|e| classify(&path, "starting the schema transaction", e))?;
        let exists: bool = tx
            .query_row("SELECT count(*) FROM sqlite_master WHERE name = 'schema_version'", [], |r| r.get(0))
            .map_err(|e| classify(&path, "reading the schema", e))?;
        if !exists {
            tx.execute_batch(SCHEMA_V1).map_err(|e| classify(&path, "creating the schema", e))?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)
                .map_err(|e| classify(&path, "writing the file header", e))?;
        }
        let version: i64 = tx
            .query_row("SELECT version FROM schema_version", [], |r| r.get(0))
            .map_err(|e| classify(&path, "reading the schema version", e))?;
        for (to, sql) in MIGRATIONS.iter().filter(|(to, _)| *to > version) {
            tx.execute_batch(sql).map_err(|e| classify(&path, "migrating the schema", e))?;
            tx.execute("UPDATE schema_version SET version = ?1", [to])
                .map_err(|e| classify(&path, "recording the schema version", e))?;
        }
        tx.commit().map_err(|e| classify(&path, "committing the schema", e))
    }

    /// Stores a new instance at version 1 with its first journal entry, in
    /// one transaction; returns its id.
    pub fn insert_instance(&mut self, new: &NewInstance) -> Result<i64, StoreError> {
        let path = self.path.clone();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "starting a transaction", e))?;
        tx.execute(
            "INSERT INTO instances (regulation, channel, application, flk, state, version, started_at, finished)
             VALUES (?1, ?2, ?3, ?4, ?5, 1, ?6, 0)",
            params![
                new.regulation,
                new.channel,
                new.application.to_json(),
                new.flk.to_column(),
                new.start,
                new.at.to_string()
            ],
        )
        .map_err(|e| classify(&path, "inserting the instance", e))?;
        let id = tx.last_insert_rowid();
        let entry = JournalEntry {
            instance: id,
            version: 1,
            at: new.at,
            actor: new.actor.clone(),
            from: None,
            to: Some(new.start),
            branch: None,
        };
        insert_entry(&tx, &entry).map_err(|e| classify(&path, "writing the journal", e))?;
        tx.commit().map_err(|e| classify(&path, "committing the start", e))?;
        Ok(id)
    }

    /// Commits a transition if the instance is still at the version it was
    /// planned on; otherwise [`StoreError::Conflict`] and nothing is written.
    pub fn commit(&mut self, t: &Transition) -> Result<(), StoreError> {
        let path = self.path.clone();
        let id = t.entry.instance;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| classify(&path, "starting a transaction", e))?;
        let changed = tx
            .prepare_cached(
                "UPDATE instances SET state = ?1, version = ?2, finished = ?3 WHERE id = ?4 AND version = ?5",
            )
            .and_then(|mut update| {
                update.execute(params![t.state, t.expected_version + 1, t.finished, id, t.expected_version])
            })
            .map_err(|e| classify(&path, "moving the instance", e))?;
        if changed != 1 {
            let found: Option<i64> = tx
                .query_row("SELECT version FROM instances WHERE id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(|e| classify(&path, "reading the instance", e))?;
            return Err(StoreError::Conflict { instance: id, expected: t.expected_version, found: found.unwrap_or(0) });
        }
        insert_entry(&tx, &t.entry).map_err(|e| classify(&path, "writing the journal", e))?;
        tx.commit().map_err(|e| classify(&path, "committing the transition", e))
    }

    /// The instance with this id.
    pub fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        const SQL: &str = "SELECT id, regulation, channel, application, flk, state, version, started_at, finished
                           FROM instances WHERE id = ?1";
        let row = self
            .conn
            .prepare_cached(SQL)
            .and_then(|mut stmt| stmt.query_row([id], read_instance_row).optional())
            .map_err(|e| self.err("reading an instance", e))?;
        row.map(decode_instance).transpose()
    }

    /// The last entry of an instance's journal (the latest transition).
    pub fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError> {
        let row = self
            .conn
            .prepare_cached(
                "SELECT instance, version, at, actor, from_action, to_action, branch
                 FROM journal WHERE instance = ?1 ORDER BY version DESC LIMIT 1",
            )
            .and_then(|mut stmt| stmt.query_row([instance], read_entry_row).optional())
            .map_err(|e| self.err("reading the journal", e))?;
        row.map(decode_entry).transpose()
    }

    /// Every instance, or only the unfinished ones, by id.
    pub fn instances(&self, unfinished_only: bool) -> Result<Vec<StoredInstance>, StoreError> {
        let filter = if unfinished_only { "WHERE finished = 0" } else { "" };
        let sql = format!("SELECT {INSTANCE_COLUMNS} FROM instances {filter} ORDER BY id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err("listing instances", e))?;
        let rows = stmt.query_map([], read_instance_row).map_err(|e| self.err("listing instances", e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(decode_instance(row.map_err(|e| self.err("listing instances", e))?)?);
        }
        Ok(out)
    }

    /// An instance's journal, oldest first.
    pub fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError> {
        let mut stmt = self
            .conn
            .prepare(
                "SELECT instance, version, at, actor, from_action, to_action, branch
                 FROM journal WHERE instance = ?1 ORDER BY version",
            )
            .map_err(|e| self.err("reading the journal", e))?;
        let rows = stmt.query_map([instance], read_entry_row).map_err(|e| self.err("reading the journal", e))?;
        let mut out = Vec::new();
        for row in rows {
            out.push(decode_entry(row.map_err(|e| self.err("reading the journal", e))?)?);
        }
        Ok(out)
    }

    /// SQLite's full `PRAGMA integrity_check`: `"ok"` or the problems found.
    pub fn integrity_check(&self) -> Result<String, StoreError> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check").map_err(|e| self.err("checking integrity", e))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).map_err(|e| self.err("checking integrity", e))?;
        let lines: Result<Vec<String>, _> = rows.collect();
        Ok(lines.map_err(|e| self.err("checking integrity", e))?.join("; "))
    }
}

const INSTANCE_COLUMNS: &str = "id, regulation, channel, application, flk, state, version, started_at, finished";

type InstanceRow = (i64, String, String, String, Option<String>, u32, i64, String, bool);

fn read_instance_row(r: &Row<'_>) -> rusqlite::Result<InstanceRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?))
}

fn decode_instance(row: InstanceRow) -> Result<StoredInstance, StoreError> {
    let (id, regulation, channel, application, flk, state, version, started_at, finished) = row;
    let application = Application::from_json(&application)
        .map_err(|e| StoreError::BadRow(format!("instance {id}: its application: {e}")))?;
    Ok(StoredInstance {
        id,
        regulation,
        channel,
        application,
        flk: FlkStatus::from_column(flk.as_deref()),
        state,
        version,
        started_at: parse_time(&started_at, "start time")?,
        finished,
    })
}

fn parse_time(text: &str, what: &str) -> Result<LocalDateTime, StoreError> {
    LocalDateTime::parse(text).map_err(|e| StoreError::BadRow(format!("{what}: {e}")))
}

type EntryRow = (i64, i64, String, String, Option<u32>, Option<u32>, Option<String>);

fn read_entry_row(r: &Row<'_>) -> rusqlite::Result<EntryRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
}

fn decode_entry(row: EntryRow) -> Result<JournalEntry, StoreError> {
    let (instance, version, at, actor, from, to, branch) = row;
    let at = parse_time(&at, "journal time")?;
    Ok(JournalEntry { instance, version, at, actor, from, to, branch })
}

fn insert_entry(conn: &Connection, e: &JournalEntry) -> rusqlite::Result<usize> {
    conn.prepare_cached(
        "INSERT INTO journal (instance, version, at, actor, from_action, to_action, branch)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?
    .execute(params![e.instance, e.version, e.at.to_string(), e.actor, e.from, e.to, e.branch])
}

/// Maps SQLite's "not a database" and "corrupt" to [`StoreError::Corrupt`].
fn classify(path: &Path, doing: &'static str, e: rusqlite::Error) -> StoreError {
    let corrupt = matches!(e.sqlite_error_code(), Some(ErrorCode::NotADatabase | ErrorCode::DatabaseCorrupt));
    if corrupt {
        StoreError::Corrupt { path: path.to_path_buf(), detail: e.to_string() }
    } else {
        StoreError::Sqlite { doing, source: e }
    }
}
