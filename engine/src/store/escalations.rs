//! The escalation outbox of an SQLite store: notices that a case's step or
//! whole service fell due, kept until a webhook has taken them.
//!
//! An escalation is recorded once per case, version and kind (a unique
//! key), so that every worker noticing the same late step records one
//! notice. Delivery claims rows for a lease: a claimed row is not handed to
//! another worker until its lease runs out, so each notice goes out once
//! even when several workers share the store; a worker that dies holding a
//! claim leaves the row to be claimed again when the lease ends.

use rusqlite::{params, OptionalExtension, Row};

use super::{failed, Store};
use crate::error::StoreError;
use crate::store::{Escalation, EscalationKind, EscalationRecord, NewEscalation};

const COLUMNS: &str = "id, instance, version, kind, action, due, payload, attempts";

impl Store {
    /// Records an escalation unless the same case, version and kind has one
    /// already; returns whether it was new. `now` is the server's clock in
    /// seconds since the Unix epoch: the first delivery may start then.
    pub fn record_escalation(&mut self, e: &NewEscalation, now: i64) -> Result<bool, StoreError> {
        let path = self.path.clone();
        let tx = self.write_tx("starting a transaction")?;
        let inserted = tx
            .execute(
                "INSERT INTO escalations (instance, version, kind, action, due, payload, next_attempt)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT (instance, version, kind) DO NOTHING",
                params![e.instance, e.version, e.kind.as_str(), e.action, e.due.to_string(), e.payload, now],
            )
            .map_err(failed(&path, "recording an escalation"))?;
        tx.commit().map_err(failed(&path, "committing an escalation"))?;
        Ok(inserted == 1)
    }

    /// Claims up to `limit` escalations due for delivery at `now`, for
    /// `lease` seconds: no other worker is given them meanwhile.
    pub fn claim_escalations(&mut self, now: i64, lease: i64, limit: usize) -> Result<Vec<Escalation>, StoreError> {
        let path = self.path.clone();
        let tx = self.write_tx("starting a transaction")?;
        let claimed = {
            let sql = format!(
                "SELECT {COLUMNS} FROM escalations WHERE delivered IS NULL AND next_attempt <= ?1
                 AND (claimed_until IS NULL OR claimed_until <= ?1) ORDER BY id LIMIT ?2"
            );
            let mut stmt = tx.prepare_cached(&sql).map_err(failed(&path, "claiming escalations"))?;
            let rows = stmt
                .query_map(params![now, i64::try_from(limit).unwrap_or(i64::MAX)], read_escalation)
                .map_err(failed(&path, "claiming escalations"))?;
            rows.collect::<rusqlite::Result<Vec<_>>>().map_err(failed(&path, "claiming escalations"))?
        };
        let mut out = Vec::with_capacity(claimed.len());
        for row in claimed {
            tx.execute("UPDATE escalations SET claimed_until = ?1 WHERE id = ?2", params![now + lease, row.0])
                .map_err(failed(&path, "claiming escalations"))?;
            out.push(decode(row)?);
        }
        tx.commit().map_err(failed(&path, "committing the claim"))?;
        Ok(out)
    }

    /// Marks an escalation delivered at `now`.
    pub fn escalation_delivered(&mut self, id: i64, now: i64) -> Result<(), StoreError> {
        self.escalation_update(
            "UPDATE escalations SET delivered = ?2, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
             WHERE id = ?1",
            params![id, now],
        )
    }

    /// Records a failed delivery: tried again from `retry_at`, with why.
    pub fn escalation_failed(&mut self, id: i64, retry_at: i64, error: &str) -> Result<(), StoreError> {
        self.escalation_update(
            "UPDATE escalations SET attempts = attempts + 1, next_attempt = ?2, claimed_until = NULL, last_error = ?3
             WHERE id = ?1",
            params![id, retry_at, error],
        )
    }

    fn escalation_update(&mut self, sql: &str, params: impl rusqlite::Params) -> Result<(), StoreError> {
        let path = self.path.clone();
        let tx = self.write_tx("starting a transaction")?;
        tx.execute(sql, params).map_err(failed(&path, "recording a delivery"))?;
        tx.commit().map_err(failed(&path, "committing a delivery"))
    }

    /// Every escalation, oldest first, with its delivery state.
    pub fn escalations(&self) -> Result<Vec<EscalationRecord>, StoreError> {
        let sql = format!("SELECT {COLUMNS}, delivered, last_error FROM escalations ORDER BY id");
        let mut stmt = self.conn.prepare(&sql).map_err(|e| self.err("listing escalations", e))?;
        let rows = stmt
            .query_map([], |r| Ok((read_escalation(r)?, r.get::<_, Option<i64>>(8)?, r.get::<_, Option<String>>(9)?)))
            .map_err(|e| self.err("listing escalations", e))?;
        let mut out = Vec::new();
        for row in rows {
            let (row, delivered, last_error) = row.map_err(|e| self.err("listing escalations", e))?;
            out.push(EscalationRecord { escalation: decode(row)?, delivered, last_error });
        }
        Ok(out)
    }

    /// Whether a case has an escalation of this version and kind.
    pub fn has_escalation(&self, instance: i64, version: i64, kind: EscalationKind) -> Result<bool, StoreError> {
        self.conn
            .query_row(
                "SELECT 1 FROM escalations WHERE instance = ?1 AND version = ?2 AND kind = ?3",
                params![instance, version, kind.as_str()],
                |_| Ok(()),
            )
            .optional()
            .map(|found| found.is_some())
            .map_err(|e| self.err("reading escalations", e))
    }
}

type EscalationRow = (i64, i64, i64, String, u32, String, String, u32);

fn read_escalation(r: &Row<'_>) -> rusqlite::Result<EscalationRow> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?))
}

fn decode(row: EscalationRow) -> Result<Escalation, StoreError> {
    let (id, instance, version, kind, action, due, payload, attempts) = row;
    let kind = EscalationKind::parse(&kind).ok_or_else(|| StoreError::BadRow(format!("escalation {id}: its kind")))?;
    let due = super::parse_time(&due, "escalation due time")?;
    Ok(Escalation { id, instance, version, kind, action, due, payload, attempts })
}
