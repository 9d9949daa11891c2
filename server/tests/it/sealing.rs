//! The PostgreSQL journal's sealing: entries commit unsealed and a sealer
//! chains them afterwards, one sealer at a time across replicas. The
//! sealed chain still finds an edited or a deleted entry; entries that two
//! replicas commit at once are each sealed once, into one chain; the check
//! reports what is not sealed yet, and calls it a problem once it is old.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reglament_engine::{Acting, CaseStore, Key, StoreError, Target};
use reglament_server::pg::{PgStore, Sealer, SEAL_LOCK};

use crate::conformance::{engine, fresh_database, start};
use crate::harness::{t, Harness, ARCHIVE_KK};
use crate::tools;

const ACTING: Acting<'static> = Acting { role: "qyzmet_berushi", person: Some("aigerim") };

fn raw(url: &str) -> postgres::Client {
    postgres::Client::connect(url, postgres::NoTls).unwrap()
}

fn problems(store: &PgStore) -> Vec<String> {
    store.verify().unwrap().problems
}

#[test]
fn the_sealed_chain_finds_an_edited_and_a_deleted_entry() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_tamper");
    let mut e = engine(Box::new(PgStore::connect(&url, Some(Key::generate())).unwrap()));
    let a = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    e.advance_by(a, Target::Only, ACTING, t("2024-03-15T10:01"), None).unwrap();
    let b = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let c = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let sealer = PgStore::connect(&url, None).unwrap();
    assert_eq!(sealer.seal().unwrap(), Some(4));
    assert_eq!(sealer.seal().unwrap(), Some(0), "nothing left to seal");
    let v = sealer.verify().unwrap();
    assert!(v.is_ok() && v.head.is_some() && (v.entries, v.unsealed) == (4, 0), "{v:?}");

    // An edited entry breaks its own hash; put back, the chain is sound again.
    let mut db = raw(&url);
    let actor: String = db.query_one("SELECT actor FROM journal WHERE seq = 2", &[]).unwrap().get(0);
    db.execute("UPDATE journal SET actor = 'somebody' WHERE seq = 2", &[]).unwrap();
    assert!(problems(&sealer).iter().any(|p| p.contains("journal entry 2")), "{:?}", problems(&sealer));
    db.execute("UPDATE journal SET actor = $1 WHERE seq = 2", &[&actor]).unwrap();
    assert!(problems(&sealer).is_empty(), "{:?}", problems(&sealer));

    // A whole case deleted, its instance with it: only the chain can tell.
    db.batch_execute(&format!("DELETE FROM journal WHERE instance = {b}; DELETE FROM instances WHERE id = {b}"))
        .unwrap();
    let found = problems(&sealer);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].contains("journal entry 4"), "the entry after the deleted one: {found:?}");

    // The last case deleted: the head row no longer names the chain's end.
    db.batch_execute(&format!("DELETE FROM journal WHERE instance = {c}; DELETE FROM instances WHERE id = {c}"))
        .unwrap();
    assert!(problems(&sealer).iter().any(|p| p.contains("head row")), "{:?}", problems(&sealer));
}

/// Drives `cases` cases of its own through three moves each, on a
/// connection of its own (a replica); returns how many entries it wrote.
fn replica(url: String, key: Key, cases: usize) -> u64 {
    let mut e = engine(Box::new(PgStore::connect(&url, Some(key)).unwrap()));
    for _ in 0..cases {
        let id = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
        e.advance_by(id, Target::Only, ACTING, t("2024-03-15T10:01"), None).unwrap();
        e.advance_by(id, Target::Only, ACTING, t("2024-03-15T10:02"), None).unwrap();
        e.advance_by(id, Target::Action(5), ACTING, t("2024-03-15T10:03"), None).unwrap();
    }
    cases as u64 * 4
}

/// Seals in a loop until told to stop, then once more; returns how many
/// entries it sealed.
fn sealing(url: String, stop: Arc<AtomicBool>) -> u64 {
    let store = PgStore::connect(&url, None).unwrap();
    let mut sealed = 0;
    while !stop.load(Ordering::Relaxed) {
        sealed += store.seal().unwrap().unwrap_or(0);
    }
    sealed + store.seal().unwrap().unwrap_or(0)
}

#[test]
fn entries_two_replicas_commit_at_once_are_each_sealed_once_into_one_chain() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_replicas");
    let key = Key::generate();
    drop(PgStore::connect(&url, Some(key.clone())).unwrap());
    let stop = Arc::new(AtomicBool::new(false));
    let sealers: Vec<_> = (0..2)
        .map(|_| {
            let (url, stop) = (url.clone(), Arc::clone(&stop));
            std::thread::spawn(move || sealing(url, stop))
        })
        .collect();
    let writers: Vec<_> = (0..2)
        .map(|_| {
            let (url, key) = (url.clone(), key.clone());
            std::thread::spawn(move || replica(url, key, 15))
        })
        .collect();
    let written: u64 = writers.into_iter().map(|w| w.join().unwrap()).sum();
    stop.store(true, Ordering::Relaxed);
    let sealed: u64 = sealers.into_iter().map(|s| s.join().unwrap()).sum();
    assert_eq!((written, sealed), (120, 120), "every entry sealed, none twice");
    let row = raw(&url)
        .query_one("SELECT count(*), count(seq), count(DISTINCT seq), min(seq), max(seq) FROM journal", &[])
        .unwrap();
    let counts: (i64, i64, i64, i64, i64) = (row.get(0), row.get(1), row.get(2), row.get(3), row.get(4));
    assert_eq!(counts, (120, 120, 120, 1, 120), "one chain numbered 1 to 120 without gaps");
    let v = PgStore::connect(&url, None).unwrap().verify().unwrap();
    assert!(v.is_ok() && (v.entries, v.unsealed, v.instances) == (120, 0, 30), "{v:?}");
}

#[test]
fn the_check_reports_unsealed_entries_and_finds_old_ones() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_pending");
    let mut e = engine(Box::new(PgStore::connect(&url, Some(Key::generate())).unwrap()));
    let first = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let v = e.store().verify().unwrap();
    assert!(v.is_ok() && (v.entries, v.unsealed, v.instances) == (2, 2, 2) && v.head.is_none(), "{v:?}");
    let text = reglament_engine::report::verification(&v);
    assert!(text.contains("journal: 0 entries in a hash chain"), "{text}");
    assert!(text.contains("2 more entries committed, not yet sealed"), "{text}");

    // Unsealed for longer than a sealer would leave it: a finding.
    raw(&url)
        .execute("UPDATE journal SET written = now() - interval '2 minutes' WHERE instance = $1", &[&first])
        .unwrap();
    let v = e.store().verify().unwrap();
    assert_eq!(v.problems.len(), 1, "{v:?}");
    assert!(
        v.problems[0].starts_with(
            "journal entries committed more than 60 s ago are still not sealed into the chain (1 of them)"
        ),
        "{v:?}"
    );

    // Unsealed entries count for their instances too: one deleted is found.
    let second_move = e.advance_by(first, Target::Only, ACTING, t("2024-03-15T10:01"), None).unwrap();
    assert_eq!(second_move.transition.entry.version, 2);
    raw(&url).execute("DELETE FROM journal WHERE instance = $1 AND version = 1", &[&first]).unwrap();
    let v = e.store().verify().unwrap();
    assert!(v.problems.iter().any(|p| p.contains("misses a version")), "{v:?}");
}

#[test]
fn one_replica_at_a_time_holds_the_sealing_lock() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_lock");
    let mut e = engine(Box::new(PgStore::connect(&url, Some(Key::generate())).unwrap()));
    start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let (a, b) = (PgStore::connect(&url, None).unwrap(), PgStore::connect(&url, None).unwrap());
    // Another sealer in the middle of its transaction: neither may seal.
    let mut other = raw(&url);
    let mut held = other.transaction().unwrap();
    let got: bool = held.query_one("SELECT pg_try_advisory_xact_lock($1)", &[&SEAL_LOCK]).unwrap().get(0);
    assert!(got);
    assert_eq!((a.seal().unwrap(), b.seal().unwrap()), (None, None));
    assert_eq!(a.verify().unwrap().unsealed, 1);
    held.rollback().unwrap();
    assert_eq!(a.seal().unwrap(), Some(1));
    assert_eq!(b.seal().unwrap(), Some(0));
    assert_eq!(a.verify().unwrap().unsealed, 0);
}

#[test]
fn a_journal_of_the_earlier_layout_is_refused_with_a_reason() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_old_layout");
    raw(&url).batch_execute("CREATE TABLE journal (seq BIGINT PRIMARY KEY, hash TEXT NOT NULL)").unwrap();
    match PgStore::connect(&url, None) {
        Err(StoreError::Database { detail, .. }) => {
            assert!(detail.contains("layout of an earlier version") && detail.contains("empty database"), "{detail}")
        }
        other => panic!("expected a refusal, got {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_serve_replica_seals_what_it_commits_within_moments() {
    let Some(base) = tools::postgres() else { return };
    let url = tokio::task::spawn_blocking(move || fresh_database(&base, "seal_serve")).await.unwrap();
    let store = format!("postgres = \"{url}\"");
    let h = tokio::task::spawn_blocking(move || Harness::with("seal-serve", &store, "")).await.unwrap();
    let token = h.token("aigerim");
    let body = format!(r#"{{"regulation": "{ARCHIVE_KK}", "channel": "qyzmet_berushi"}}"#);
    assert_eq!(h.post("/api/cases", Some(&token), &body).await.status, 201);
    let began = Instant::now();
    loop {
        let v = h.service.pool.run(|e| Ok(e.store().verify()?)).await.unwrap();
        assert!(v.is_ok(), "{v:?}");
        if (v.entries, v.unsealed) == (1, 0) {
            break;
        }
        assert!(began.elapsed() < Duration::from_secs(10), "not sealed after 10 s: {v:?}");
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

#[test]
fn a_sealer_stopping_seals_what_is_left() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "seal_stop");
    let mut e = engine(Box::new(PgStore::connect(&url, Some(Key::generate())).unwrap()));
    // A sealer whose first round is an hour away: only stopping seals.
    let sealer = Sealer::start(url.clone(), Duration::from_secs(3600));
    start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    assert_eq!(e.store().verify().unwrap().unsealed, 2);
    sealer.stop();
    sealer.stop();
    let v = e.store().verify().unwrap();
    assert!(v.is_ok() && (v.entries, v.unsealed) == (2, 0), "{v:?}");
}
