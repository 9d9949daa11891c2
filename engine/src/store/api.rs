//! The interface the engine uses of a store, as a trait, so that the same
//! engine runs on the embedded SQLite store ([`Store`]) or on another one
//! (PostgreSQL, in `reglament-server`). Every implementation keeps the same
//! guarantees, which one conformance suite checks against each: a start or
//! a move is one transaction with its journal entry, a move commits only on
//! the version it was planned on, the journal is one hash chain
//! ([`super::chain`]), idempotency keys are unique, applications are sealed
//! with the operator's key and every disclosure is a journal entry.
//!
//! When an entry joins the chain may differ: the SQLite store chains it in
//! the transaction that commits it; the PostgreSQL store commits it unsealed
//! and a sealer chains it moments later, so that commits do not queue on
//! the chain's head ([`Verification::unsealed`] counts those not chained
//! yet). Callers see no difference: an entry is committed, readable and
//! counted by its instance's checks the moment its commit returns.

use reglament_runtime::LocalDateTime;

use super::{
    CaseFile, Disclosure, Escalation, EscalationRecord, Inserted, JournalEntry, Keyed, Listing, NewEscalation,
    NewInstance, Store, StoredInstance, Transition, Verification,
};
use crate::application::Application;
use crate::error::StoreError;

/// A store of cases: what the engine calls. See [`Store`] for what each
/// method promises; the SQLite store is the reference implementation.
pub trait CaseStore: Send {
    /// Whether the store seals applications.
    fn is_sealed(&self) -> bool;
    /// Stores a new instance with its first journal entry, in one transaction.
    fn insert_instance(&mut self, new: &NewInstance) -> Result<Inserted, StoreError>;
    /// Commits a planned transition on the version it was planned on.
    fn commit(&mut self, transition: &Transition) -> Result<(), StoreError>;
    /// Returns an application, recording the disclosure in the same transaction.
    fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, StoreError>;
    /// The entry an idempotency key committed, if any.
    fn keyed(&self, key: &str) -> Result<Option<Keyed>, StoreError>;
    /// An instance, with its application opened when the store has the key.
    fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError>;
    /// An instance without its application.
    fn instance_without_application(&self, id: i64) -> Result<Option<StoredInstance>, StoreError>;
    /// The latest journal entry of an instance.
    fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError>;
    /// Every instance (or the unfinished ones), with their applications.
    fn instances(&self, unfinished_only: bool) -> Result<Listing, StoreError>;
    /// Every instance (or the unfinished ones), without their applications.
    fn instances_without_applications(&self, unfinished_only: bool) -> Result<Listing, StoreError>;
    /// An instance's transitions, oldest first.
    fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError>;
    /// Who was shown an instance's personal data, oldest first.
    fn disclosures(&self, instance: i64) -> Result<Vec<Disclosure>, StoreError>;
    /// An instance (with its application) and its journal and disclosures,
    /// as [`CaseStore::instance`], [`CaseStore::journal`] and
    /// [`CaseStore::disclosures`] return them: what a timeline shows. A
    /// store over a network reads them in one round trip.
    fn case_file(&self, id: i64) -> Result<Option<CaseFile>, StoreError> {
        let Some(instance) = self.instance(id)? else { return Ok(None) };
        Ok(Some(CaseFile { instance, journal: self.journal(id)?, disclosures: self.disclosures(id)? }))
    }
    /// The snapshot of an edition.
    fn edition(&self, digest: &str) -> Result<Option<String>, StoreError>;
    /// Recorded calendar data.
    fn calendar(&self, digest: &str) -> Result<Option<String>, StoreError>;
    /// Records an escalation once per case, version and kind; whether it was new.
    fn record_escalation(&mut self, escalation: &NewEscalation, now: i64) -> Result<bool, StoreError>;
    /// Claims escalations due for delivery for `lease` seconds.
    fn claim_escalations(&mut self, now: i64, lease: i64, limit: usize) -> Result<Vec<Escalation>, StoreError>;
    /// Marks an escalation delivered.
    fn escalation_delivered(&mut self, id: i64, now: i64) -> Result<(), StoreError>;
    /// Records a failed delivery, to be tried again from `retry_at`.
    fn escalation_failed(&mut self, id: i64, retry_at: i64, error: &str) -> Result<(), StoreError>;
    /// Every escalation with its delivery state.
    fn escalations(&self) -> Result<Vec<EscalationRecord>, StoreError>;
    /// The full check: the chain, every instance against its journal (its
    /// entries sealed into the chain or not yet), the records.
    fn verify(&self) -> Result<Verification, StoreError>;
    /// Whether the connection is lost for good (a server store whose
    /// connection closed): its owner should open another. A file never is.
    fn is_broken(&self) -> bool {
        false
    }
}

impl CaseStore for Store {
    fn is_sealed(&self) -> bool {
        Store::is_sealed(self)
    }
    fn insert_instance(&mut self, new: &NewInstance) -> Result<Inserted, StoreError> {
        Store::insert_instance(self, new)
    }
    fn commit(&mut self, transition: &Transition) -> Result<(), StoreError> {
        Store::commit(self, transition)
    }
    fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, StoreError> {
        Store::disclose(self, id, who, at)
    }
    fn keyed(&self, key: &str) -> Result<Option<Keyed>, StoreError> {
        Store::keyed(self, key)
    }
    fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        Store::instance(self, id)
    }
    fn instance_without_application(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        Store::instance_without_application(self, id)
    }
    fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError> {
        Store::last_entry(self, instance)
    }
    fn instances(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        Store::instances(self, unfinished_only)
    }
    fn instances_without_applications(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        Store::instances_without_applications(self, unfinished_only)
    }
    fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError> {
        Store::journal(self, instance)
    }
    fn disclosures(&self, instance: i64) -> Result<Vec<Disclosure>, StoreError> {
        Store::disclosures(self, instance)
    }
    fn edition(&self, digest: &str) -> Result<Option<String>, StoreError> {
        Store::edition(self, digest)
    }
    fn calendar(&self, digest: &str) -> Result<Option<String>, StoreError> {
        Store::calendar(self, digest)
    }
    fn record_escalation(&mut self, escalation: &NewEscalation, now: i64) -> Result<bool, StoreError> {
        Store::record_escalation(self, escalation, now)
    }
    fn claim_escalations(&mut self, now: i64, lease: i64, limit: usize) -> Result<Vec<Escalation>, StoreError> {
        Store::claim_escalations(self, now, lease, limit)
    }
    fn escalation_delivered(&mut self, id: i64, now: i64) -> Result<(), StoreError> {
        Store::escalation_delivered(self, id, now)
    }
    fn escalation_failed(&mut self, id: i64, retry_at: i64, error: &str) -> Result<(), StoreError> {
        Store::escalation_failed(self, id, retry_at, error)
    }
    fn escalations(&self) -> Result<Vec<EscalationRecord>, StoreError> {
        Store::escalations(self)
    }
    fn verify(&self) -> Result<Verification, StoreError> {
        Store::verify(self)
    }
}

/// A store chosen at run time (SQLite or PostgreSQL) is a boxed one.
impl<T: CaseStore + ?Sized> CaseStore for Box<T> {
    fn is_sealed(&self) -> bool {
        (**self).is_sealed()
    }
    fn insert_instance(&mut self, new: &NewInstance) -> Result<Inserted, StoreError> {
        (**self).insert_instance(new)
    }
    fn commit(&mut self, transition: &Transition) -> Result<(), StoreError> {
        (**self).commit(transition)
    }
    fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, StoreError> {
        (**self).disclose(id, who, at)
    }
    fn keyed(&self, key: &str) -> Result<Option<Keyed>, StoreError> {
        (**self).keyed(key)
    }
    fn instance(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        (**self).instance(id)
    }
    fn instance_without_application(&self, id: i64) -> Result<Option<StoredInstance>, StoreError> {
        (**self).instance_without_application(id)
    }
    fn last_entry(&self, instance: i64) -> Result<Option<JournalEntry>, StoreError> {
        (**self).last_entry(instance)
    }
    fn instances(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        (**self).instances(unfinished_only)
    }
    fn instances_without_applications(&self, unfinished_only: bool) -> Result<Listing, StoreError> {
        (**self).instances_without_applications(unfinished_only)
    }
    fn journal(&self, instance: i64) -> Result<Vec<JournalEntry>, StoreError> {
        (**self).journal(instance)
    }
    fn disclosures(&self, instance: i64) -> Result<Vec<Disclosure>, StoreError> {
        (**self).disclosures(instance)
    }
    fn case_file(&self, id: i64) -> Result<Option<CaseFile>, StoreError> {
        (**self).case_file(id)
    }
    fn edition(&self, digest: &str) -> Result<Option<String>, StoreError> {
        (**self).edition(digest)
    }
    fn calendar(&self, digest: &str) -> Result<Option<String>, StoreError> {
        (**self).calendar(digest)
    }
    fn record_escalation(&mut self, escalation: &NewEscalation, now: i64) -> Result<bool, StoreError> {
        (**self).record_escalation(escalation, now)
    }
    fn claim_escalations(&mut self, now: i64, lease: i64, limit: usize) -> Result<Vec<Escalation>, StoreError> {
        (**self).claim_escalations(now, lease, limit)
    }
    fn escalation_delivered(&mut self, id: i64, now: i64) -> Result<(), StoreError> {
        (**self).escalation_delivered(id, now)
    }
    fn escalation_failed(&mut self, id: i64, retry_at: i64, error: &str) -> Result<(), StoreError> {
        (**self).escalation_failed(id, retry_at, error)
    }
    fn escalations(&self) -> Result<Vec<EscalationRecord>, StoreError> {
        (**self).escalations()
    }
    fn verify(&self) -> Result<Verification, StoreError> {
        (**self).verify()
    }
    fn is_broken(&self) -> bool {
        (**self).is_broken()
    }
}
