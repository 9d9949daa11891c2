//! The PostgreSQL store: the engine's [`CaseStore`] on a PostgreSQL
//! database (the `postgres` client), for when one machine is not enough:
//! several `reglament serve` replicas share one database.
//!
//! It keeps the SQLite store's guarantees, checked by the same conformance
//! suite (tests/it/conformance.rs):
//!
//! - a start or a move is one transaction with its journal entry; a move
//!   updates its instance only at the version it was planned on
//!   (`UPDATE … WHERE version = $n`), so of two replicas moving one case
//!   the second gets a conflict and writes nothing;
//! - the journal is the same hash chain, over the same fields, but it is
//!   chained after the commit rather than inside it: a start, move or
//!   disclosure commits its entry unsealed (no `seq`, no hash), and a
//!   sealer ([`PgStore::seal`], run every [`SEAL_EVERY`] by each `serve`
//!   replica, [`Sealer`]) chains every committed unsealed entry in one
//!   transaction, in the order of their ids, numbering them (`seq`) as it
//!   goes. Only one sealer runs at a time across replicas (an advisory
//!   lock). Commits therefore never wait for one another on a shared row,
//!   and one commit's disk sync seals a whole batch; the chain's order is
//!   the order of sealing, not of commits (ids from a sequence may commit
//!   out of order, so the sealer never assumes they are gap-free). The
//!   SQLite store chains each entry in its own transaction (it has one
//!   writer anyway), so there every entry is sealed at once;
//! - [`PgStore::verify`] recomputes the sealed chain, compares its end with
//!   the head row, checks every instance against all its entries, sealed
//!   or not, and reports unsealed entries: a few are normal while the
//!   service runs, but one committed more than [`SEAL_OVERDUE_SECS`] ago
//!   is a finding (no sealer has run);
//! - idempotency keys are unique (an index), applications are sealed with
//!   the operator's key (the same format, bound to the instance's id), and
//!   every disclosure is a journal entry;
//! - escalations are claimed with `FOR UPDATE SKIP LOCKED` for a lease, so
//!   replicas never deliver the same one at once.
//!
//! The schema is created on first connect, under an advisory lock so that
//! replicas starting together create it once.

use std::collections::HashMap;
use std::sync::{mpsc, Mutex, MutexGuard};
use std::time::Duration;

use postgres::error::SqlState;
use postgres::{Client, GenericClient, NoTls, Row, Statement};
use reglament_engine::store::chain::{self, ChainRow};
use reglament_engine::{
    Application, CaseFile, CaseStore, Damaged, Disclosure, Escalation, EscalationKind, EscalationRecord, FlkStatus,
    Inserted, JournalEntry, Key, Keyed, Listing, NewEscalation, NewInstance, StoreError, StoredInstance, Transition,
    Verification,
};
use reglament_runtime::LocalDateTime;

/// The schema, created once per database.
const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS reglament_meta (key TEXT PRIMARY KEY, value BYTEA NOT NULL);
CREATE SEQUENCE IF NOT EXISTS instance_ids;
CREATE TABLE IF NOT EXISTS instances (
    id          BIGINT  PRIMARY KEY,
    regulation  TEXT    NOT NULL,
    channel     TEXT    NOT NULL,
    clear       TEXT,
    sealed      BYTEA,
    flk         TEXT,
    state       BIGINT  NOT NULL,
    version     BIGINT  NOT NULL,
    started_at  TEXT    NOT NULL,
    finished    BOOLEAN NOT NULL DEFAULT false,
    edition     TEXT,
    calendar    TEXT,
    replayed    BOOLEAN NOT NULL DEFAULT false,
    applicant   TEXT
);
CREATE INDEX IF NOT EXISTS instances_open ON instances (finished, id);
CREATE TABLE IF NOT EXISTS editions (digest TEXT PRIMARY KEY, regulation TEXT NOT NULL, sha256 TEXT NOT NULL, snapshot TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS calendars (digest TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS journal (
    id          BIGSERIAL PRIMARY KEY,
    seq         BIGINT UNIQUE,
    instance    BIGINT NOT NULL REFERENCES instances (id),
    version     BIGINT,
    kind        TEXT   NOT NULL,
    at          TEXT   NOT NULL,
    actor       TEXT   NOT NULL,
    from_action BIGINT,
    to_action   BIGINT,
    branch      TEXT,
    key         TEXT,
    detail      TEXT,
    hash        TEXT,
    person      TEXT,
    written     TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((seq IS NULL) = (hash IS NULL))
);
CREATE UNIQUE INDEX IF NOT EXISTS journal_versions ON journal (instance, version);
CREATE UNIQUE INDEX IF NOT EXISTS journal_keys ON journal (key) WHERE key IS NOT NULL;
CREATE INDEX IF NOT EXISTS journal_instance_ids ON journal (instance, id);
CREATE INDEX IF NOT EXISTS journal_unsealed ON journal (id) WHERE seq IS NULL;
CREATE TABLE IF NOT EXISTS chain_head (one INTEGER PRIMARY KEY CHECK (one = 1), seq BIGINT NOT NULL, hash TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS escalations (
    id            BIGSERIAL PRIMARY KEY,
    instance      BIGINT NOT NULL REFERENCES instances (id),
    version       BIGINT NOT NULL,
    kind          TEXT   NOT NULL,
    action        BIGINT NOT NULL,
    due           TEXT   NOT NULL,
    payload       TEXT   NOT NULL,
    attempts      BIGINT NOT NULL DEFAULT 0,
    next_attempt  BIGINT NOT NULL,
    claimed_until BIGINT,
    delivered     BIGINT,
    last_error    TEXT,
    UNIQUE (instance, version, kind)
);
";

/// What a store error says when PostgreSQL cannot be reached.
pub const CONNECTING: &str = "connecting to PostgreSQL";

/// The advisory lock the schema is created under ("RGLM").
const SCHEMA_LOCK: i64 = 0x5247_4c4d;

/// The advisory lock a sealer holds while it seals ("RGLS"): one sealer at
/// a time across replicas.
pub const SEAL_LOCK: i64 = 0x5247_4c53;

/// How often each `serve` replica seals: the chain's end is at most about
/// this far behind the last commit while a sealer runs.
pub const SEAL_EVERY: Duration = Duration::from_millis(25);

/// The most entries one sealing transaction chains; a sealer that fills a
/// batch seals the next one at once.
const SEAL_BATCH: i64 = 5000;

/// An entry committed longer ago than this and still unsealed is a
/// finding of [`PgStore::verify`]: a sealer should have taken it.
pub const SEAL_OVERDUE_SECS: i64 = 60;

const INSTANCE_COLUMNS: &str =
    "id, regulation, channel, clear, sealed, flk, state, version, started_at, finished, edition, calendar, replayed, applicant";
const ENTRY_COLUMNS: &str = "instance, version, at, actor, from_action, to_action, branch, key, person";
const ESCALATION_COLUMNS: &str = "id, instance, version, kind, action, due, payload, attempts";

/// A connection to a PostgreSQL store.
pub struct PgStore {
    /// The connection. The trait's reading methods take `&self`, as the
    /// SQLite store's do, and PostgreSQL's client needs `&mut` for any
    /// query: the lock is never contended (an engine serves one request at
    /// a time), it only lends the client.
    client: Mutex<Client>,
    statements: Statements,
    key: Option<Key>,
    sealed: bool,
}

/// Statements prepared once per connection: each query is then one round
/// trip instead of two (parse, then execute).
#[derive(Default)]
struct Statements(Mutex<HashMap<String, Statement>>);

impl Statements {
    fn get(&self, client: &mut impl GenericClient, sql: &str) -> Result<Statement, postgres::Error> {
        if let Some(found) = self.0.lock().unwrap_or_else(|p| p.into_inner()).get(sql) {
            return Ok(found.clone());
        }
        let prepared = client.prepare(sql)?;
        self.0.lock().unwrap_or_else(|p| p.into_inner()).insert(sql.to_string(), prepared.clone());
        Ok(prepared)
    }
}

impl std::fmt::Debug for PgStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PgStore(sealed: {})", self.sealed)
    }
}

fn db(doing: &'static str) -> impl FnOnce(postgres::Error) -> StoreError {
    move |e| {
        let detail = match e.as_db_error() {
            Some(db) => format!("{}: {}", db.code().code(), db.message()),
            None => e.to_string(),
        };
        StoreError::Database { doing, detail }
    }
}

fn is_unique_violation(e: &postgres::Error) -> bool {
    e.code() == Some(&SqlState::UNIQUE_VIOLATION)
}

impl PgStore {
    /// Connects, creates the schema when the database has none, and checks
    /// the key against the one the store recorded (a store's first key is
    /// recorded, and seals from then on).
    pub fn connect(url: &str, key: Option<Key>) -> Result<PgStore, StoreError> {
        let mut client = Client::connect(url, NoTls).map_err(db(CONNECTING))?;
        let mut tx = client.transaction().map_err(db("starting the schema transaction"))?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&SCHEMA_LOCK]).map_err(db("locking the schema"))?;
        // A schema in place is left alone: its DDL would lock the tables
        // that other replicas and their sealers are writing.
        if !current_layout(&mut tx)? {
            tx.batch_execute(SCHEMA).map_err(db("creating the schema"))?;
            tx.execute(
                "INSERT INTO chain_head (one, seq, hash) VALUES (1, 0, $1) ON CONFLICT (one) DO NOTHING",
                &[&chain::GENESIS],
            )
            .map_err(db("creating the chain"))?;
        }
        if let Some(key) = &key {
            tx.execute(
                "INSERT INTO reglament_meta (key, value) VALUES ('key_check', $1) ON CONFLICT (key) DO NOTHING",
                &[&key.check_value()],
            )
            .map_err(db("recording the key check"))?;
        }
        let check: Option<Vec<u8>> = tx
            .query_opt("SELECT value FROM reglament_meta WHERE key = 'key_check'", &[])
            .map_err(db("reading the key check"))?
            .map(|r| r.get(0));
        tx.commit().map_err(db("committing the schema"))?;
        let sealed = check.is_some();
        if let (Some(key), Some(check)) = (&key, &check) {
            if !key.matches(check) {
                return Err(StoreError::WrongKey("PostgreSQL".into()));
            }
        }
        Ok(PgStore { client: Mutex::new(client), statements: Statements::default(), key, sealed })
    }

    /// Seals every committed unsealed entry into the chain, in batches of
    /// at most 5,000 per transaction, in the order of their ids; returns
    /// how many it sealed, or `None` when another sealer (another replica)
    /// holds the sealing lock, in which case that one seals them.
    pub fn seal(&self) -> Result<Option<u64>, StoreError> {
        let mut client = self.client();
        let mut total = 0;
        loop {
            match seal_batch(&mut client, &self.statements).map_err(db("sealing the journal"))? {
                None if total == 0 => return Ok(None),
                None => return Ok(Some(total)),
                Some(n) => {
                    total += n;
                    if n < SEAL_BATCH.unsigned_abs() {
                        return Ok(Some(total));
                    }
                }
            }
        }
    }

    fn client(&self) -> MutexGuard<'_, Client> {
        self.client.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Empties every table of the store (for tests and benchmarks on a
    /// throwaway database).
    pub fn reset(&mut self) -> Result<(), StoreError> {
        self.client()
            .batch_execute(
                "TRUNCATE escalations, journal, instances, editions, calendars, reglament_meta RESTART IDENTITY;
                 UPDATE chain_head SET seq = 0, hash = '0000000000000000000000000000000000000000000000000000000000000000';
                 ALTER SEQUENCE instance_ids RESTART",
            )
            .map_err(db("emptying the store"))?;
        if let Some(key) = &self.key {
            self.client()
                .execute("INSERT INTO reglament_meta (key, value) VALUES ('key_check', $1)", &[&key.check_value()])
                .map_err(db("recording the key check"))?;
        }
        Ok(())
    }

    fn read_instance(&self, id: i64, with_application: bool) -> Result<Option<StoredInstance>, StoreError> {
        let mut client = self.client();
        let sql = format!("SELECT {INSTANCE_COLUMNS} FROM instances WHERE id = $1");
        let row = self
            .statements
            .get(&mut *client, &sql)
            .and_then(|st| client.query_opt(&st, &[&id]))
            .map_err(db("reading an instance"))?;
        row.map(|r| decode_instance(&r, with_application, self.key.as_ref()))
            .transpose()
            .map_err(|d| StoreError::BadRow(format!("instance {}: {}", d.instance, d.problem)))
    }

    fn list(&self, unfinished_only: bool, with_application: bool) -> Result<Listing, StoreError> {
        let filter = if unfinished_only { "WHERE NOT finished" } else { "" };
        let rows = self
            .client()
            .query(&format!("SELECT {INSTANCE_COLUMNS} FROM instances {filter} ORDER BY id"), &[])
            .map_err(db("listing instances"))?;
        let mut listing = Listing::default();
        for row in rows {
            match decode_instance(&row, with_application, self.key.as_ref()) {
                Ok(i) => listing.instances.push(i),
                Err(d) => listing.damaged.push(d),
            }
        }
        Ok(listing)
    }
}

/// Appends an entry to the journal inside the transaction `tx`, unsealed:
/// the sealer chains it after the commit ([`PgStore::seal`]), so that
/// commits never wait for one another on the chain's head.
fn append(
    tx: &mut impl GenericClient,
    st: &Statements,
    kind: &str,
    e: &JournalEntry,
    detail: Option<&str>,
) -> Result<(), postgres::Error> {
    let at = e.at.to_string();
    let version = (kind != chain::DISCLOSURE).then_some(e.version);
    let from = e.from.map(i64::from);
    let to = e.to.map(i64::from);
    let insert = st.get(
        tx,
        "INSERT INTO journal (instance, version, kind, at, actor, from_action, to_action, branch, key, detail, person)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
    )?;
    tx.execute(
        &insert,
        &[&e.instance, &version, &kind, &at, &e.actor, &from, &to, &e.branch, &e.key, &detail, &e.person],
    )?;
    Ok(())
}

/// The columns of a journal entry as the chain hashes them, after its id
/// (or its `seq`): `ChainRow`'s fields in `JOURNAL_ROW`'s order.
const JOURNAL_ROW: &str = "instance, version, kind, at, actor, from_action, to_action, branch, key, detail, person";

/// A journal row's hashed fields, read from `JOURNAL_ROW`'s columns
/// starting at column `first`.
struct Fields {
    instance: i64,
    version: Option<i64>,
    kind: String,
    at: String,
    actor: String,
    from: Option<i64>,
    to: Option<i64>,
    branch: Option<String>,
    key: Option<String>,
    detail: Option<String>,
    person: Option<String>,
}

impl Fields {
    fn read(r: &Row, first: usize) -> Fields {
        Fields {
            instance: r.get(first),
            version: r.get(first + 1),
            kind: r.get(first + 2),
            at: r.get(first + 3),
            actor: r.get(first + 4),
            from: r.get(first + 5),
            to: r.get(first + 6),
            branch: r.get(first + 7),
            key: r.get(first + 8),
            detail: r.get(first + 9),
            person: r.get(first + 10),
        }
    }

    /// Its hash at place `seq` of the chain, after `prev`.
    fn link(&self, prev: &str, seq: i64) -> String {
        let row = ChainRow {
            seq,
            instance: self.instance,
            version: self.version,
            kind: &self.kind,
            at: &self.at,
            actor: &self.actor,
            from: self.from.and_then(|n| u32::try_from(n).ok()),
            to: self.to.and_then(|n| u32::try_from(n).ok()),
            branch: self.branch.as_deref(),
            key: self.key.as_deref(),
            detail: self.detail.as_deref(),
            person: self.person.as_deref(),
        };
        chain::link(prev, &row)
    }
}

/// One sealing transaction: under the sealing lock, chains up to
/// `SEAL_BATCH` committed unsealed entries after the head, in the order of
/// their ids, and moves the head. `None` when another sealer holds the lock.
fn seal_batch(client: &mut Client, st: &Statements) -> Result<Option<u64>, postgres::Error> {
    let mut tx = client.transaction()?;
    let lock = st.get(&mut tx, "SELECT pg_try_advisory_xact_lock($1)")?;
    if !tx.query_one(&lock, &[&SEAL_LOCK])?.get::<_, bool>(0) {
        return Ok(None);
    }
    // The head is read, and the unsealed entries chosen, after the lock is
    // held: each statement of a READ COMMITTED transaction sees what was
    // committed before it, so a sealer that just finished is seen whole.
    let head = st.get(&mut tx, "SELECT seq, hash FROM chain_head WHERE one = 1 FOR UPDATE")?;
    let head = tx.query_one(&head, &[])?;
    let (mut seq, mut prev): (i64, String) = (head.get(0), head.get(1));
    let pending = st.get(
        &mut tx,
        &format!("SELECT id, {JOURNAL_ROW} FROM journal WHERE seq IS NULL ORDER BY id LIMIT {SEAL_BATCH}"),
    )?;
    let rows = tx.query(&pending, &[])?;
    if rows.is_empty() {
        return Ok(Some(0));
    }
    let (mut ids, mut seqs, mut hashes) = (Vec::new(), Vec::new(), Vec::new());
    for r in &rows {
        seq += 1;
        prev = Fields::read(r, 1).link(&prev, seq);
        ids.push(r.get::<_, i64>(0));
        seqs.push(seq);
        hashes.push(prev.clone());
    }
    let update = st.get(
        &mut tx,
        "UPDATE journal SET seq = u.seq, hash = u.hash
         FROM unnest($1::BIGINT[], $2::BIGINT[], $3::TEXT[]) AS u (id, seq, hash) WHERE journal.id = u.id",
    )?;
    tx.execute(&update, &[&ids, &seqs, &hashes])?;
    let moved = st.get(&mut tx, "UPDATE chain_head SET seq = $1, hash = $2 WHERE one = 1")?;
    tx.execute(&moved, &[&seq, &prev])?;
    tx.commit()?;
    Ok(Some(rows.len() as u64))
}

/// Whether the database has this version's schema (created in one
/// transaction, so its journal's `written` column stands for all of it);
/// `false` for an empty database. A journal of the first PostgreSQL store's
/// layout (each entry chained inside its own commit, no `written`) is
/// refused rather than written with unsealed entries its readers would not
/// understand.
fn current_layout(tx: &mut impl GenericClient) -> Result<bool, StoreError> {
    let row = tx
        .query_one(
            "SELECT EXISTS (SELECT 1 FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = 'journal'),
                    EXISTS (SELECT 1 FROM information_schema.columns
                            WHERE table_schema = current_schema() AND table_name = 'journal' AND column_name = 'written')",
            &[],
        )
        .map_err(db("reading the schema"))?;
    let (journal, written): (bool, bool) = (row.get(0), row.get(1));
    if journal && !written {
        return Err(StoreError::Database {
            doing: "opening the store",
            detail: "its journal has the layout of an earlier version (each entry chained inside its commit); \
                     this version seals entries after the commit and cannot use it: start from an empty database"
                .to_string(),
        });
    }
    Ok(written)
}

/// A move as one statement, so one round trip and one implicit
/// transaction: the instance moves only from the version the move was
/// planned on, and its journal entry (unsealed) is written only when it did
/// — no row, no entry, and the caller reads the version that won.
const MOVE_SQL: &str = "WITH moved AS (
    UPDATE instances SET state = $1, version = $2, finished = $3 WHERE id = $4 AND version = $5 RETURNING id)
 INSERT INTO journal (instance, version, kind, at, actor, from_action, to_action, branch, key, person)
 SELECT id, $6::BIGINT, $7::TEXT, $8::TEXT, $9::TEXT, $10::BIGINT, $11::BIGINT, $12::TEXT, $13::TEXT, $14::TEXT FROM moved";

fn keyed_in(client: &mut impl GenericClient, st: &Statements, key: &str) -> Result<Option<Keyed>, StoreError> {
    let row = st
        .get(client, &format!("SELECT {ENTRY_COLUMNS}, kind FROM journal WHERE key = $1"))
        .and_then(|q| client.query_opt(&q, &[&key]))
        .map_err(db("reading the idempotency key"))?;
    let Some(row) = row else { return Ok(None) };
    let entry = decode_entry(&row)?;
    let kind: String = row.get(9);
    Ok(Some(Keyed { instance: entry.instance, start: kind == chain::START, entry }))
}

fn decode_entry(r: &Row) -> Result<JournalEntry, StoreError> {
    decode_entry_at(r, 0)
}

/// A journal entry from `ENTRY_COLUMNS`, starting at column `first`.
fn decode_entry_at(r: &Row, first: usize) -> Result<JournalEntry, StoreError> {
    let number = |i: usize| r.get::<_, Option<i64>>(first + i).and_then(|n| u32::try_from(n).ok());
    let at: String = r.get(first + 2);
    Ok(JournalEntry {
        instance: r.get(first),
        version: r.get::<_, Option<i64>>(first + 1).unwrap_or(0),
        at: LocalDateTime::parse(&at).map_err(|e| StoreError::BadRow(format!("journal time: {e}")))?,
        actor: r.get(first + 3),
        from: number(4),
        to: number(5),
        branch: r.get(first + 6),
        key: r.get(first + 7),
        person: r.get(first + 8),
    })
}

/// An instance and its journal in one query: the instance's columns on
/// every row, then one journal entry's (`ENTRY_COLUMNS`, its kind), in the
/// order of their ids.
fn case_file_sql() -> String {
    let instance: Vec<String> = INSTANCE_COLUMNS.split(", ").map(|c| format!("i.{c}")).collect();
    let entry: Vec<String> = ENTRY_COLUMNS.split(", ").map(|c| format!("j.{c}")).collect();
    format!(
        "SELECT {}, {}, j.kind FROM instances i LEFT JOIN journal j ON j.instance = i.id WHERE i.id = $1 ORDER BY j.id",
        instance.join(", "),
        entry.join(", ")
    )
}

/// Splits `case_file_sql`'s rows into the case file.
fn decode_case_file(rows: &[Row], key: Option<&Key>) -> Result<Option<CaseFile>, StoreError> {
    let Some(first) = rows.first() else { return Ok(None) };
    let instance = decode_instance(first, true, key)
        .map_err(|d| StoreError::BadRow(format!("instance {}: {}", d.instance, d.problem)))?;
    let mut file = CaseFile { instance, journal: Vec::new(), disclosures: Vec::new() };
    // The entry's columns follow the instance's.
    let at = INSTANCE_COLUMNS.split(", ").count();
    for r in rows {
        let kind: Option<String> = r.get(at + 9);
        match kind.as_deref() {
            None => {}
            Some(chain::DISCLOSURE) => {
                let entry = decode_entry_at(r, at)?;
                file.disclosures.push(Disclosure { instance: entry.instance, at: entry.at, who: entry.actor });
            }
            Some(_) => file.journal.push(decode_entry_at(r, at)?),
        }
    }
    file.journal.sort_by_key(|e| e.version);
    Ok(Some(file))
}

fn decode_instance(r: &Row, with_application: bool, key: Option<&Key>) -> Result<StoredInstance, Damaged> {
    let id: i64 = r.get(0);
    let bad = |problem: String| Damaged { instance: id, problem };
    let application = if with_application {
        let clear: Option<String> = r.get(3);
        let sealed: Option<Vec<u8>> = r.get(4);
        let json = match (clear, sealed, key) {
            (Some(text), _, _) => Some(text),
            (None, Some(_), None) => None,
            (None, Some(bytes), Some(key)) => {
                Some(key.open(&bytes, id).and_then(|clear| String::from_utf8(clear).ok()).ok_or_else(|| {
                    bad("its application does not open with the store's key (altered or moved)".into())
                })?)
            }
            (None, None, _) => return Err(bad("it has no application".into())),
        };
        json.map(|j| {
            Application::from_json(&j).map_err(|_| bad("its application is not a readable JSON object".into()))
        })
        .transpose()?
    } else {
        None
    };
    let started_at: String = r.get(8);
    let flk: Option<String> = r.get(5);
    Ok(StoredInstance {
        id,
        regulation: r.get(1),
        channel: r.get(2),
        application,
        flk: FlkStatus::from_column(flk.as_deref()),
        state: u32::try_from(r.get::<_, i64>(6)).map_err(|_| bad("its state is out of range".into()))?,
        version: r.get(7),
        started_at: LocalDateTime::parse(&started_at).map_err(|e| bad(format!("its start time: {e}")))?,
        finished: r.get(9),
        edition: r.get(10),
        calendar: r.get(11),
        replayed: r.get(12),
        applicant: r.get(13),
    })
}

fn decode_escalation(r: &Row) -> Result<Escalation, StoreError> {
    let id: i64 = r.get(0);
    let kind: String = r.get(3);
    let due: String = r.get(5);
    Ok(Escalation {
        id,
        instance: r.get(1),
        version: r.get(2),
        kind: EscalationKind::parse(&kind).ok_or_else(|| StoreError::BadRow(format!("escalation {id}: its kind")))?,
        action: u32::try_from(r.get::<_, i64>(4)).unwrap_or(0),
        due: LocalDateTime::parse(&due).map_err(|e| StoreError::BadRow(format!("escalation {id}: {e}")))?,
        payload: r.get(6),
        attempts: u32::try_from(r.get::<_, i64>(7)).unwrap_or(u32::MAX),
    })
}

impl CaseStore for PgStore {
    fn is_sealed(&self) -> bool {
        self.sealed
    }

    fn insert_instance(&mut self, new: &NewInstance) -> Result<Inserted, StoreError> {
        if self.sealed && self.key.is_none() {
            return Err(StoreError::KeyRequired("PostgreSQL".into()));
        }
        let key = self.key.clone();
        let mut client = self.client();
        let mut tx = client.transaction().map_err(db("starting a transaction"))?;
        if let Some(k) = &new.key {
            if let Some(found) = keyed_in(&mut tx, &self.statements, k)? {
                return existing_start(found, k);
            }
        }
        tx.execute(
            "INSERT INTO editions (digest, regulation, sha256, snapshot) VALUES ($1, $2, $3, $4) ON CONFLICT (digest) DO NOTHING",
            &[&new.edition.digest, &new.edition.regulation, &new.edition.sha256, &new.edition.snapshot],
        )
        .map_err(db("recording the edition"))?;
        tx.execute(
            "INSERT INTO calendars (digest, data) VALUES ($1, $2) ON CONFLICT (digest) DO NOTHING",
            &[&new.calendar.digest, &new.calendar.data],
        )
        .map_err(db("recording the calendar"))?;
        let id: i64 = tx.query_one("SELECT nextval('instance_ids')", &[]).map_err(db("numbering the instance"))?.get(0);
        let json = new.application.to_json();
        let (clear, sealed, digest) = match &key {
            Some(key) => {
                let bytes = key.seal(json.as_bytes(), id);
                let digest = chain::sealed_application_digest(&bytes);
                (None, Some(bytes), digest)
            }
            None => {
                let digest = chain::clear_application_digest(&json);
                (Some(json), None, digest)
            }
        };
        let flk = new.flk.to_column();
        tx.execute(
            &format!("INSERT INTO instances ({INSTANCE_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, false, $9, $10, $11, $12)"),
            &[
                &id,
                &new.regulation,
                &new.channel,
                &clear,
                &sealed,
                &flk,
                &i64::from(new.start),
                &new.at.to_string(),
                &new.edition.digest,
                &new.calendar.digest,
                &new.replayed,
                &new.applicant,
            ],
        )
        .map_err(db("inserting the instance"))?;
        let detail = new.start_detail(flk, digest).to_json();
        let entry = new.start_entry(id);
        match append(&mut tx, &self.statements, chain::START, &entry, Some(&detail)) {
            Ok(()) => {}
            // Another replica committed the same key in between: its start.
            Err(e) if is_unique_violation(&e) && new.key.is_some() => {
                drop(tx);
                let k = new.key.clone().unwrap_or_default();
                return match keyed_in(&mut *client, &self.statements, &k)? {
                    Some(found) => existing_start(found, &k),
                    None => Err(db("writing the journal")(e)),
                };
            }
            Err(e) => return Err(db("writing the journal")(e)),
        }
        tx.commit().map_err(db("committing the start"))?;
        Ok(Inserted { id, existing: false })
    }

    fn commit(&mut self, t: &Transition) -> Result<(), StoreError> {
        let id = t.entry.instance;
        let e = &t.entry;
        let (at, from, to) = (e.at.to_string(), e.from.map(i64::from), e.to.map(i64::from));
        let params: [&(dyn postgres::types::ToSql + Sync); 14] = [
            &i64::from(t.state),
            &(t.expected_version + 1),
            &t.finished,
            &id,
            &t.expected_version,
            &e.version,
            &chain::MOVE,
            &at,
            &e.actor,
            &from,
            &to,
            &e.branch,
            &e.key,
            &e.person,
        ];
        let mut client = self.client();
        let moved = self
            .statements
            .get(&mut *client, MOVE_SQL)
            .and_then(|q| client.execute(&q, &params))
            .map(|written| written == 1);
        match moved {
            Ok(true) => Ok(()),
            Ok(false) => {
                let found: Option<i64> = client
                    .query_opt("SELECT version FROM instances WHERE id = $1", &[&id])
                    .map_err(db("reading the instance"))?
                    .map(|r| r.get(0));
                Err(StoreError::Conflict { instance: id, expected: t.expected_version, found: found.unwrap_or(0) })
            }
            Err(e) if is_unique_violation(&e) && t.entry.key.is_some() => {
                let key = t.entry.key.clone().unwrap_or_default();
                let instance = keyed_in(&mut *client, &self.statements, &key)?.map_or(0, |k| k.instance);
                Err(StoreError::KeyReused { key, instance })
            }
            Err(e) => Err(db("committing the transition")(e)),
        }
    }

    fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, StoreError> {
        let key = self.key.clone();
        let mut client = self.client();
        let mut tx = client.transaction().map_err(db("starting a transaction"))?;
        let row = tx
            .query_opt(&format!("SELECT {INSTANCE_COLUMNS} FROM instances WHERE id = $1"), &[&id])
            .map_err(db("reading the application"))?
            .ok_or(StoreError::NoInstance(id))?;
        let instance = decode_instance(&row, true, key.as_ref())
            .map_err(|d| StoreError::BadRow(format!("instance {id}: {}", d.problem)))?;
        let application = instance.application.ok_or_else(|| StoreError::KeyRequired("PostgreSQL".into()))?;
        let entry = JournalEntry::disclosure(id, who, at);
        append(&mut tx, &self.statements, chain::DISCLOSURE, &entry, None).map_err(db("recording the disclosure"))?;
        tx.commit().map_err(db("committing the disclosure"))?;
        Ok(application)
    }

    fn keyed(&self, key: &str) -> Result<Option<Keyed>, StoreError> {
        keyed_in(&mut *self.client(), &self.statements, key)
    }

    fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        self.read_instance(id, true)
    }

    fn instance_without_application(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        self.read_instance(id, false)
    }

    fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError> {
        let sql = format!(
            "SELECT {ENTRY_COLUMNS} FROM journal WHERE instance = $1 AND version IS NOT NULL ORDER BY version DESC LIMIT 1"
        );
        rows(self, &sql, &[&instance], "reading the journal")?.first().map(decode_entry).transpose()
    }

    fn instances(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        self.list(unfinished_only, true)
    }

    fn instances_without_applications(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        self.list(unfinished_only, false)
    }

    fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError> {
        let sql =
            format!("SELECT {ENTRY_COLUMNS} FROM journal WHERE instance = $1 AND version IS NOT NULL ORDER BY version");
        rows(self, &sql, &[&instance], "reading the journal")?.iter().map(decode_entry).collect()
    }

    fn disclosures(&self, instance: i64) -> Result<Vec<Disclosure>, StoreError> {
        let sql = "SELECT at, actor FROM journal WHERE instance = $1 AND kind = $2 ORDER BY id";
        rows(self, sql, &[&instance, &chain::DISCLOSURE], "reading the disclosures")?
            .iter()
            .map(|r| {
                let at: String = r.get(0);
                let at = LocalDateTime::parse(&at).map_err(|e| StoreError::BadRow(format!("disclosure time: {e}")))?;
                Ok(Disclosure { instance, at, who: r.get(1) })
            })
            .collect()
    }

    fn case_file(&self, id: i64) -> Result<Option<CaseFile>, StoreError> {
        let found = rows(self, &case_file_sql(), &[&id], "reading a case")?;
        decode_case_file(&found, self.key.as_ref())
    }

    fn edition(&self, digest: &str) -> Result<Option<String>, StoreError> {
        let found = rows(self, "SELECT snapshot FROM editions WHERE digest = $1", &[&digest], "reading an edition")?;
        Ok(found.first().map(|r| r.get(0)))
    }

    fn calendar(&self, digest: &str) -> Result<Option<String>, StoreError> {
        let found = rows(self, "SELECT data FROM calendars WHERE digest = $1", &[&digest], "reading a calendar")?;
        Ok(found.first().map(|r| r.get(0)))
    }

    fn record_escalation(&mut self, e: &NewEscalation, now: i64) -> Result<bool, StoreError> {
        let n = self
            .client()
            .execute(
                "INSERT INTO escalations (instance, version, kind, action, due, payload, next_attempt)
                 VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (instance, version, kind) DO NOTHING",
                &[
                    &e.instance,
                    &e.version,
                    &e.kind.as_str(),
                    &i64::from(e.action),
                    &e.due.to_string(),
                    &e.payload,
                    &now,
                ],
            )
            .map_err(db("recording an escalation"))?;
        Ok(n == 1)
    }

    fn claim_escalations(&mut self, now: i64, lease: i64, limit: usize) -> Result<Vec<Escalation>, StoreError> {
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = self
            .client()
            .query(
                &format!(
                    "UPDATE escalations SET claimed_until = $1 + $2 WHERE id IN (
                         SELECT id FROM escalations WHERE delivered IS NULL AND next_attempt <= $1
                         AND (claimed_until IS NULL OR claimed_until <= $1)
                         ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
                     RETURNING {ESCALATION_COLUMNS}"
                ),
                &[&now, &lease, &limit],
            )
            .map_err(db("claiming escalations"))?;
        let mut out: Vec<Escalation> = rows.iter().map(decode_escalation).collect::<Result<_, _>>()?;
        out.sort_by_key(|e| e.id);
        Ok(out)
    }

    fn escalation_delivered(&mut self, id: i64, now: i64) -> Result<(), StoreError> {
        self.client()
            .execute(
                "UPDATE escalations SET delivered = $2, attempts = attempts + 1, claimed_until = NULL, last_error = NULL WHERE id = $1",
                &[&id, &now],
            )
            .map(|_| ())
            .map_err(db("recording a delivery"))
    }

    fn escalation_failed(&mut self, id: i64, retry_at: i64, error: &str) -> Result<(), StoreError> {
        self.client()
            .execute(
                "UPDATE escalations SET attempts = attempts + 1, next_attempt = $2, claimed_until = NULL, last_error = $3 WHERE id = $1",
                &[&id, &retry_at, &error],
            )
            .map(|_| ())
            .map_err(db("recording a delivery"))
    }

    fn escalations(&self) -> Result<Vec<EscalationRecord>, StoreError> {
        with_client(self, |c: &mut Client| {
            let rows = c
                .query(&format!("SELECT {ESCALATION_COLUMNS}, delivered, last_error FROM escalations ORDER BY id"), &[])
                .map_err(db("listing escalations"))?;
            rows.iter()
                .map(|r| {
                    Ok(EscalationRecord {
                        escalation: decode_escalation(r)?,
                        delivered: r.get(8),
                        last_error: r.get(9),
                    })
                })
                .collect()
        })
    }

    fn verify(&self) -> Result<Verification, StoreError> {
        verify(&mut self.client())
    }

    fn is_broken(&self) -> bool {
        self.client().is_closed()
    }
}

/// Runs a read on the store's client.
fn with_client<T>(store: &PgStore, read: impl FnOnce(&mut Client) -> Result<T, StoreError>) -> Result<T, StoreError> {
    read(&mut store.client())
}

/// Runs one prepared query on the store's client.
fn rows(
    store: &PgStore,
    sql: &str,
    params: &[&(dyn postgres::types::ToSql + Sync)],
    doing: &'static str,
) -> Result<Vec<Row>, StoreError> {
    let mut client = store.client();
    store.statements.get(&mut *client, sql).and_then(|q| client.query(&q, params)).map_err(db(doing))
}

fn existing_start(found: Keyed, key: &str) -> Result<Inserted, StoreError> {
    if found.start {
        return Ok(Inserted { id: found.instance, existing: true });
    }
    Err(StoreError::KeyReused { key: key.to_string(), instance: found.instance })
}

/// The full check, on one snapshot (a sealer may be running): the sealed
/// chain recomputed from the first entry and its end against the head row,
/// the unsealed entries counted (one older than [`SEAL_OVERDUE_SECS`] is a
/// finding), every instance's versions and state against all its entries,
/// and the recorded editions and calendars against their digests.
fn verify(c: &mut Client) -> Result<Verification, StoreError> {
    let mut v = Verification { integrity: "ok".to_string(), ..Verification::default() };
    let mut tx = c
        .build_transaction()
        .isolation_level(postgres::IsolationLevel::RepeatableRead)
        .read_only(true)
        .start()
        .map_err(db("checking the store"))?;
    let mut versions = verify_chain(&mut tx, &mut v)?;
    verify_unsealed(&mut tx, &mut v, &mut versions)?;
    verify_instances(&mut tx, &mut v, &versions)?;
    verify_records(&mut tx, &mut v)?;
    tx.commit().map_err(db("checking the store"))?;
    Ok(v)
}

/// What the journal says of one instance: its entries' versions, the
/// actions its last entry left and entered, and what its start recorded of
/// the instance row (the detail, as stored, and the start's time).
#[derive(Default)]
struct Journalled {
    versions: Vec<i64>,
    last: Option<(i64, Option<i64>, Option<i64>)>,
    start: Option<(Option<String>, String)>,
}

impl Journalled {
    fn add(&mut self, f: &Fields) {
        if f.kind == chain::START {
            self.start = Some((f.detail.clone(), f.at.clone()));
        }
        let Some(version) = f.version else { return };
        self.versions.push(version);
        if self.last.is_none_or(|(v, _, _)| version > v) {
            self.last = Some((version, f.from, f.to));
        }
    }
}

type Journals = std::collections::BTreeMap<i64, Journalled>;

fn verify_chain(tx: &mut postgres::Transaction<'_>, v: &mut Verification) -> Result<Journals, StoreError> {
    let rows = tx
        .query(&format!("SELECT seq, hash, {JOURNAL_ROW} FROM journal WHERE seq IS NOT NULL ORDER BY seq"), &[])
        .map_err(db("checking the store"))?;
    let mut prev = chain::GENESIS.to_string();
    let mut journals = Journals::new();
    let mut last_seq = 0;
    for r in &rows {
        v.entries += 1;
        let (seq, stored): (i64, String) = (r.get(0), r.get(1));
        let fields = Fields::read(r, 2);
        if fields.link(&prev, seq) != stored {
            v.problems.push(format!(
                "journal entry {seq} (instance {}): its hash does not follow from its fields and the entry before it",
                fields.instance
            ));
        }
        journals.entry(fields.instance).or_default().add(&fields);
        prev = stored;
        last_seq = seq;
    }
    let head = tx.query_opt("SELECT seq, hash FROM chain_head WHERE one = 1", &[]).map_err(db("checking the store"))?;
    let head: Option<(i64, String)> = head.map(|r| (r.get(0), r.get(1)));
    if head.as_ref().is_none_or(|(seq, hash)| *seq != last_seq || *hash != prev) {
        v.problems.push(format!(
            "the chain's head row does not name its last sealed entry ({last_seq}): entries were cut off its end, or the row was edited"
        ));
    }
    v.head = (!rows.is_empty()).then_some(prev);
    Ok(journals)
}

fn verify_unsealed(
    tx: &mut postgres::Transaction<'_>,
    v: &mut Verification,
    journals: &mut Journals,
) -> Result<(), StoreError> {
    let rows = tx
        .query(
            &format!(
                "SELECT (now() - written) > make_interval(secs => $1), {JOURNAL_ROW} FROM journal WHERE seq IS NULL ORDER BY id"
            ),
            &[&(SEAL_OVERDUE_SECS as f64)],
        )
        .map_err(db("checking the store"))?;
    let mut overdue = 0;
    for r in &rows {
        v.entries += 1;
        v.unsealed += 1;
        overdue += usize::from(r.get::<_, bool>(0));
        journals.entry(r.get(1)).or_default().add(&Fields::read(r, 1));
    }
    if overdue > 0 {
        v.problems.push(format!(
            "journal entries committed more than {SEAL_OVERDUE_SECS} s ago are still not sealed into the chain ({overdue} of them): \
             no sealer has run (each `reglament serve` replica seals every {} ms)",
            SEAL_EVERY.as_millis()
        ));
    }
    Ok(())
}

fn verify_instances(
    tx: &mut postgres::Transaction<'_>,
    v: &mut Verification,
    journals: &Journals,
) -> Result<(), StoreError> {
    let instances = tx
        .query(
            "SELECT id, version, state, finished, regulation, channel, clear, sealed, flk, started_at, edition, \
             calendar, replayed, applicant FROM instances ORDER BY id",
            &[],
        )
        .map_err(db("checking the store"))?;
    for r in &instances {
        v.instances += 1;
        let (id, version, state, finished): (i64, i64, i64, bool) = (r.get(0), r.get(1), r.get(2), r.get(3));
        let journal = journals.get(&id);
        for problem in start_disagreements(r, journal.and_then(|j| j.start.as_ref())) {
            v.problems.push(format!("instance {id}: {problem}"));
        }
        let agrees = match journal.and_then(|j| j.last) {
            Some((v, from, None)) => v == version && finished && from == Some(state),
            Some((v, _, Some(to))) => v == version && !finished && to == state,
            None => false,
        };
        if !agrees {
            v.problems
                .push(format!("instance {id}: its version or current action differs from its journal's last entry"));
        }
        let mut seen = journal.map(|j| j.versions.clone()).unwrap_or_default();
        seen.sort_unstable();
        if seen.iter().zip(1..).any(|(&have, want)| have != want) {
            v.problems.push(format!("instance {id}: its journal misses a version (an entry was deleted)"));
        }
    }
    Ok(())
}

/// How an instance row (read by `verify_instances`) differs from what its
/// start entry recorded of it: the chain covers the row through the start's
/// detail, so that an edited regulation, channel, application, FLK status,
/// start time, edition, calendar, replay flag or applicant is found.
fn start_disagreements(r: &Row, start: Option<&(Option<String>, String)>) -> Vec<String> {
    let Some((detail, started_at)) = start else { return vec!["the journal has no start for it".to_string()] };
    let Some(d) = detail.as_deref().and_then(|d| serde_json::from_str::<chain::StartDetail>(d).ok()) else {
        return vec!["its start entry's detail cannot be read".to_string()];
    };
    let mut out = Vec::new();
    let (regulation, channel): (String, String) = (r.get(4), r.get(5));
    if regulation != d.regulation || channel != d.channel {
        out.push("its regulation or channel differs from the one its start recorded".to_string());
    }
    let (edition, calendar): (Option<String>, Option<String>) = (r.get(10), r.get(11));
    if edition != d.edition || calendar != d.calendar {
        out.push("its edition or calendar differs from the one its start recorded".to_string());
    }
    if r.get::<_, Option<String>>(13) != d.applicant {
        out.push("its applicant differs from the one its start recorded".to_string());
    }
    if r.get::<_, Option<String>>(8) != d.flk || r.get::<_, bool>(12) != d.replayed {
        out.push("its FLK status or replay flag differs from the one its start recorded".to_string());
    }
    let (clear, sealed): (Option<String>, Option<Vec<u8>>) = (r.get(6), r.get(7));
    let digest = match (&clear, &sealed) {
        (_, Some(bytes)) => chain::sealed_application_digest(bytes),
        (Some(json), None) => chain::clear_application_digest(json),
        (None, None) => String::new(),
    };
    if digest != d.application {
        out.push("its application differs from the one its start recorded".to_string());
    }
    if r.get::<_, String>(9) != *started_at {
        out.push("its start time differs from its start entry's".to_string());
    }
    out
}

fn verify_records(tx: &mut postgres::Transaction<'_>, v: &mut Verification) -> Result<(), StoreError> {
    for (table, column) in [("editions", "snapshot"), ("calendars", "data")] {
        for r in tx.query(&format!("SELECT digest, {column} FROM {table}"), &[]).map_err(db("checking the store"))? {
            v.records += 1;
            let (digest, text): (String, String) = (r.get(0), r.get(1));
            if reglament_engine::edition::sha256_hex(text.as_bytes()) != digest {
                v.problems.push(format!("{table}: the record {digest} does not match its digest (edited)"));
            }
        }
    }
    Ok(())
}

/// A sealing loop on a thread of its own, with a connection of its own:
/// every `every` it seals what was committed ([`PgStore::seal`]), and once
/// more when stopped, so that a replica shutting down leaves nothing of its
/// own unsealed. Each `reglament serve` replica on PostgreSQL runs one; the
/// sealing lock lets one of them seal at a time.
#[derive(Debug)]
pub struct Sealer {
    running: Mutex<Option<(mpsc::Sender<()>, std::thread::JoinHandle<()>)>>,
}

impl Sealer {
    /// Starts sealing the store at `url` every `every`.
    pub fn start(url: String, every: Duration) -> Sealer {
        let (stop, stopped) = mpsc::channel();
        let thread = std::thread::spawn(move || {
            let mut sealing = Sealing { url, store: None, last_error: None };
            loop {
                let last = !matches!(stopped.recv_timeout(every), Err(mpsc::RecvTimeoutError::Timeout));
                sealing.once();
                if last {
                    break;
                }
            }
        });
        Sealer { running: Mutex::new(Some((stop, thread))) }
    }

    /// Seals once more and stops; waits for it. Stopping twice is nothing.
    pub fn stop(&self) {
        let running = self.running.lock().unwrap_or_else(|p| p.into_inner()).take();
        if let Some((stop, thread)) = running {
            let _ = stop.send(());
            let _ = thread.join();
        }
    }
}

impl Drop for Sealer {
    fn drop(&mut self) {
        self.stop();
    }
}

/// The sealing thread's connection, opened when first needed and again
/// when lost, and the last error it reported (each is reported once, not
/// every few milliseconds).
struct Sealing {
    url: String,
    store: Option<PgStore>,
    last_error: Option<String>,
}

impl Sealing {
    fn once(&mut self) {
        if self.store.as_ref().is_none_or(|s| s.is_broken()) {
            self.store = None;
            match PgStore::connect(&self.url, None) {
                Ok(store) => self.store = Some(store),
                Err(e) => return self.report(e),
            }
        }
        if let Some(store) = &self.store {
            match store.seal() {
                Ok(_) => self.last_error = None,
                Err(e) => self.report(e),
            }
        }
    }

    fn report(&mut self, e: StoreError) {
        let text = e.to_string();
        if self.last_error.as_deref() != Some(text.as_str()) {
            eprintln!("reglament: sealing the journal: {text} (retrying every {} ms)", SEAL_EVERY.as_millis());
            self.last_error = Some(text);
        }
    }
}
