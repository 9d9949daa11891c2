//! The schema of a store and the migrations from older ones.
//!
//! A new store is created at version 1 and migrated step by step, so that a
//! new store and a migrated old one have the same schema by construction.
//! Each step runs in the transaction that records the new version.

use rusqlite::{params, Transaction};

use super::chain::{self, ChainRow};
use crate::edition::sha256_hex;

/// SQLite's `application_id` of a Reglament store ("RGLM").
pub const APPLICATION_ID: i64 = 0x5247_4c4d;

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 4;

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

/// One step from the version before `to`.
pub(super) enum Step {
    /// Plain SQL.
    Sql(&'static str),
    /// SQL and work on the rows (hashing the journal).
    Rust(fn(&Transaction<'_>) -> rusqlite::Result<()>),
}

/// Migrations: `(to_version, step)`, applied in order to stores older than
/// `to_version`.
pub(super) const MIGRATIONS: &[(i64, Step)] = &[
    (
        2,
        // Whether the application passed the FLK (v1 did not record it: NULL),
        // and an index for listing open instances.
        Step::Sql(
            "ALTER TABLE instances ADD COLUMN flk TEXT;
             CREATE INDEX instances_open ON instances (finished, id);",
        ),
    ),
    (3, Step::Rust(to_v3)),
    (4, Step::Sql(V4)),
];

/// Version 4, for the HTTP service: each journal entry may name the person
/// who acted in the participant's role, each case the applicant it belongs
/// to; escalations of steps that fell due wait in an outbox until a webhook
/// has them. Escalations are notices about the journal, not part of it, so
/// they are not chained.
const V4: &str = "
ALTER TABLE journal ADD COLUMN person TEXT;
ALTER TABLE instances ADD COLUMN applicant TEXT;
CREATE INDEX instances_applicant ON instances (applicant) WHERE applicant IS NOT NULL;
CREATE TABLE escalations (
    id            INTEGER PRIMARY KEY,
    instance      INTEGER NOT NULL REFERENCES instances (id),
    version       INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    action        INTEGER NOT NULL,
    due           TEXT    NOT NULL,
    payload       TEXT    NOT NULL,
    attempts      INTEGER NOT NULL DEFAULT 0,
    next_attempt  INTEGER NOT NULL,
    claimed_until INTEGER,
    delivered     INTEGER,
    last_error    TEXT,
    UNIQUE (instance, version, kind)
);
CREATE INDEX escalations_pending ON escalations (next_attempt) WHERE delivered IS NULL;
";

/// Version 3: each case records the edition and the calendar data it runs
/// on, and whether it replays history; editions and calendars are kept once
/// each; the journal becomes one hash chain over every entry — starts,
/// moves and disclosures of personal data — with idempotency keys; the key
/// check value of sealed applications lives in `meta`.
const V3_TABLES: &str = "
ALTER TABLE instances ADD COLUMN edition TEXT;
ALTER TABLE instances ADD COLUMN calendar TEXT;
ALTER TABLE instances ADD COLUMN replayed INTEGER NOT NULL DEFAULT 0;
CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB NOT NULL);
CREATE TABLE editions (
    digest     TEXT PRIMARY KEY,
    regulation TEXT NOT NULL,
    sha256     TEXT NOT NULL,
    snapshot   TEXT NOT NULL
);
CREATE TABLE calendars (digest TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE journal_v3 (
    seq         INTEGER PRIMARY KEY,
    instance    INTEGER NOT NULL REFERENCES instances (id),
    version     INTEGER,
    kind        TEXT    NOT NULL,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    from_action INTEGER,
    to_action   INTEGER,
    branch      TEXT,
    key         TEXT,
    detail      TEXT,
    hash        TEXT    NOT NULL
);
";

const V3_SWAP: &str = "
DROP TABLE journal;
ALTER TABLE journal_v3 RENAME TO journal;
CREATE UNIQUE INDEX journal_versions ON journal (instance, version);
CREATE UNIQUE INDEX journal_keys ON journal (key) WHERE key IS NOT NULL;
";

/// A v2 journal entry, in the order it was written.
type OldEntry = (i64, i64, String, String, Option<u32>, Option<u32>, Option<String>);

fn to_v3(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    tx.execute_batch(V3_TABLES)?;
    let old: Vec<OldEntry> = {
        let mut stmt = tx.prepare(
            "SELECT instance, version, at, actor, from_action, to_action, branch FROM journal ORDER BY rowid",
        )?;
        let rows =
            stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let mut prev = chain::GENESIS.to_string();
    for (seq, (instance, version, at, actor, from, to, branch)) in (1i64..).zip(old) {
        let start = from.is_none() && version == 1;
        let detail = if start { Some(legacy_detail(tx, instance)?) } else { None };
        let row = ChainRow {
            seq,
            instance,
            version: Some(version),
            kind: if start { chain::START } else { chain::MOVE },
            at: &at,
            actor: &actor,
            from,
            to,
            branch: branch.as_deref(),
            key: None,
            detail: detail.as_deref(),
            person: None,
        };
        let hash = chain::link(&prev, &row);
        tx.execute(
            "INSERT INTO journal_v3 (seq, instance, version, kind, at, actor, from_action, to_action, branch, key, detail, hash)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, NULL, ?10, ?11)",
            params![seq, instance, version, row.kind, at, actor, from, to, branch, detail, hash],
        )?;
        prev = hash;
    }
    tx.execute_batch(V3_SWAP)
}

/// What a start entry of a case stored before version 3 records: no edition,
/// no calendar, its application as it is (in clear: v2 did not seal).
fn legacy_detail(tx: &Transaction<'_>, instance: i64) -> rusqlite::Result<String> {
    let (regulation, channel, application, flk): (String, String, String, Option<String>) =
        tx.query_row("SELECT regulation, channel, application, flk FROM instances WHERE id = ?1", [instance], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
        })?;
    Ok(chain::StartDetail {
        regulation,
        channel,
        edition: None,
        calendar: None,
        flk,
        replayed: false,
        application: sha256_hex(&chain::application_bytes(&rusqlite::types::Value::Text(application))),
        applicant: None,
    }
    .to_json())
}
