//! The full check of a store (`reglament check`): SQLite's integrity check,
//! the journal's hash chain, every instance against its journal, and the
//! recorded editions and calendars against their digests.

use std::collections::BTreeMap;

use rusqlite::types::Value;

use super::chain::{self, ChainRow, StartDetail};
use super::Store;
use crate::edition::sha256_hex;
use crate::error::StoreError;

/// What [`Store::verify`] found.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Verification {
    /// SQLite's integrity check: `ok` or its findings.
    pub integrity: String,
    /// Journal entries checked (sealed into the chain or not yet).
    pub entries: u64,
    /// Entries committed but not yet sealed into the chain: always 0 on
    /// SQLite, which chains each entry in its own transaction; on
    /// PostgreSQL a sealer chains committed entries in batches shortly
    /// after, so a few are normal while the service is busy.
    pub unsealed: u64,
    /// The hash of the last sealed entry: keep it outside the store to know
    /// later that no entry was cut off the end.
    pub head: Option<String>,
    /// Instances checked against their journals.
    pub instances: u64,
    /// Editions and calendars checked against their digests.
    pub records: u64,
    /// Applications kept in clear in a store that seals them: stored before
    /// the store was given a key (not a problem of the store, but worth
    /// knowing).
    pub clear_applications: u64,
    /// Every problem, one sentence each; empty when the store is sound.
    pub problems: Vec<String>,
}

impl Verification {
    /// Whether nothing is wrong.
    pub fn is_ok(&self) -> bool {
        self.problems.is_empty()
    }
}

/// What the journal says an instance must be.
#[derive(Debug, Default)]
struct Journalled {
    start: Option<(StartDetail, String)>,
    versions: Vec<i64>,
    last: Option<(Option<u32>, Option<u32>)>,
}

type Values = Vec<Value>;

impl Store {
    /// Checks the whole store; problems are reported, not raised, so that
    /// one damaged place does not hide the others.
    pub fn verify(&self) -> Result<Verification, StoreError> {
        let mut v = Verification { integrity: self.integrity_check()?, ..Verification::default() };
        if v.integrity != "ok" {
            v.problems.push(format!("SQLite's integrity check: {}", v.integrity));
        }
        let journalled = self.verify_chain(&mut v)?;
        self.verify_instances(&mut v, journalled)?;
        self.verify_records(&mut v)?;
        if self.is_sealed() {
            let clear = self.rows("SELECT count(*) FROM instances WHERE typeof(application) = 'text'", 1)?;
            v.clear_applications = clear.first().and_then(|r| int(&r[0])).unwrap_or(0) as u64;
        }
        Ok(v)
    }

    fn rows(&self, sql: &str, columns: usize) -> Result<Vec<Values>, StoreError> {
        let mut stmt = self.conn.prepare(sql).map_err(|e| self.err("checking the store", e))?;
        let rows = stmt
            .query_map([], |r| (0..columns).map(|i| r.get::<_, Value>(i)).collect::<rusqlite::Result<Values>>())
            .map_err(|e| self.err("checking the store", e))?;
        rows.collect::<rusqlite::Result<Vec<Values>>>().map_err(|e| self.err("checking the store", e))
    }

    fn verify_chain(&self, v: &mut Verification) -> Result<BTreeMap<i64, Journalled>, StoreError> {
        let rows = self.rows(
            "SELECT seq, instance, version, kind, at, actor, from_action, to_action, branch, key, detail, hash, person
             FROM journal ORDER BY seq",
            13,
        )?;
        let mut journalled: BTreeMap<i64, Journalled> = BTreeMap::new();
        let mut prev = chain::GENESIS.to_string();
        for row in &rows {
            v.entries += 1;
            let seq = int(&row[0]).unwrap_or(0);
            let instance = int(&row[1]).unwrap_or(0);
            let stored = text(&row[11]).unwrap_or_default();
            let fields = ChainRow {
                seq,
                instance,
                version: int(&row[2]),
                kind: text(&row[3]).unwrap_or(""),
                at: text(&row[4]).unwrap_or(""),
                actor: text(&row[5]).unwrap_or(""),
                from: int(&row[6]).and_then(|n| u32::try_from(n).ok()),
                to: int(&row[7]).and_then(|n| u32::try_from(n).ok()),
                branch: text(&row[8]),
                key: text(&row[9]),
                detail: text(&row[10]),
                person: text(&row[12]),
            };
            if chain::link(&prev, &fields) != stored {
                v.problems.push(format!(
                    "journal entry {seq} (instance {instance}): its hash does not follow from its fields and the \
                     entry before it — the journal was edited, or an entry removed, here"
                ));
            }
            prev = stored.to_string();
            note(journalled.entry(instance).or_default(), &fields, v);
        }
        v.head = (!rows.is_empty()).then_some(prev);
        Ok(journalled)
    }

    fn verify_instances(
        &self,
        v: &mut Verification,
        mut journalled: BTreeMap<i64, Journalled>,
    ) -> Result<(), StoreError> {
        let rows = self.rows(
            "SELECT id, regulation, channel, application, flk, state, version, started_at, finished, edition, calendar,
                    replayed, applicant FROM instances ORDER BY id",
            13,
        )?;
        for row in &rows {
            v.instances += 1;
            let id = int(&row[0]).unwrap_or(0);
            let j = journalled.remove(&id).unwrap_or_default();
            for problem in disagreements(row, &j) {
                v.problems.push(format!("instance {id}: {problem}"));
            }
        }
        for id in journalled.keys() {
            v.problems.push(format!("the journal has entries of instance {id}, which the store does not hold"));
        }
        Ok(())
    }

    fn verify_records(&self, v: &mut Verification) -> Result<(), StoreError> {
        for (table, column) in [("editions", "snapshot"), ("calendars", "data")] {
            for row in self.rows(&format!("SELECT digest, {column} FROM {table} ORDER BY digest"), 2)? {
                v.records += 1;
                let digest = text(&row[0]).unwrap_or("");
                if text(&row[1]).map(|t| sha256_hex(t.as_bytes())).as_deref() != Some(digest) {
                    v.problems.push(format!("{table}: the record {digest} does not match its digest (edited)"));
                }
            }
        }
        let missing = self.rows(
            "SELECT id FROM instances WHERE (edition IS NOT NULL AND edition NOT IN (SELECT digest FROM editions))
                OR (calendar IS NOT NULL AND calendar NOT IN (SELECT digest FROM calendars))",
            1,
        )?;
        for row in missing {
            let id = int(&row[0]).unwrap_or(0);
            v.problems.push(format!("instance {id}: its edition or calendar record is missing"));
        }
        Ok(())
    }
}

/// Adds a journal entry to what the journal says of its instance.
fn note(j: &mut Journalled, e: &ChainRow<'_>, v: &mut Verification) {
    match e.kind {
        chain::START => {
            let detail = e.detail.and_then(|d| serde_json::from_str::<StartDetail>(d).ok());
            match detail {
                Some(d) => j.start = Some((d, e.at.to_string())),
                None => v.problems.push(format!("journal entry {}: a start without a readable detail", e.seq)),
            }
        }
        chain::MOVE => {}
        chain::DISCLOSURE => return,
        other => v.problems.push(format!("journal entry {}: unknown kind `{other}`", e.seq)),
    }
    j.versions.extend(e.version);
    j.last = Some((e.from, e.to));
}

/// How an instance row differs from what its journal says.
fn disagreements(row: &Values, j: &Journalled) -> Vec<String> {
    let mut out = Vec::new();
    let Some((start, started_at)) = &j.start else {
        return vec!["the journal has no start for it".to_string()];
    };
    let same = |i: usize, want: Option<&str>| text(&row[i]) == want;
    if !same(1, Some(&start.regulation)) || !same(2, Some(&start.channel)) {
        out.push("its regulation or channel differs from the one its start recorded".to_string());
    }
    if !same(9, start.edition.as_deref()) || !same(10, start.calendar.as_deref()) {
        out.push("its edition or calendar differs from the one its start recorded".to_string());
    }
    if !same(12, start.applicant.as_deref()) {
        out.push("its applicant differs from the one its start recorded".to_string());
    }
    if !same(4, start.flk.as_deref()) || (int(&row[11]) == Some(1)) != start.replayed {
        out.push("its FLK status or replay flag differs from the one its start recorded".to_string());
    }
    if sha256_hex(&chain::application_bytes(&row[3])) != start.application {
        out.push("its application differs from the one its start recorded".to_string());
    }
    if !same(7, Some(started_at)) {
        out.push("its start time differs from its start entry's".to_string());
    }
    let expected: Vec<i64> = (1..=j.versions.len() as i64).collect();
    if j.versions != expected || int(&row[6]) != j.versions.last().copied() {
        out.push(format!(
            "its version {} does not match its journal's {} transition(s)",
            int(&row[6]).map_or("?".to_string(), |n| n.to_string()),
            j.versions.len()
        ));
    }
    let finished = int(&row[8]) == Some(1);
    let state = int(&row[5]).and_then(|n| u32::try_from(n).ok());
    let agrees = match j.last {
        Some((from, None)) => finished && state == from,
        Some((_, Some(to))) => !finished && state == Some(to),
        None => false,
    };
    if !agrees {
        out.push("its current action or finished flag differs from its journal's last entry".to_string());
    }
    out
}

fn int(v: &Value) -> Option<i64> {
    match v {
        Value::Integer(n) => Some(*n),
        _ => None,
    }
}

fn text(v: &Value) -> Option<&str> {
    match v {
        Value::Text(s) => Some(s),
        _ => None,
    }
}
