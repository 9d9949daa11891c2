//! The store: optimistic versioning across connections, refusing damaged,
//! foreign and newer files without touching them, migrating from v1.

use crate::common::{engine, start, store_path, t, GOOD_APPLICATION, PRESCHOOL};
use reglament_engine::{Engine, EngineError, FlkStatus, OpenMode, Registry, Store, StoreError, Target, SCHEMA_VERSION};
use reglament_runtime::Calendar;

fn reopen(path: &std::path::Path) -> Engine {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    Engine::new(store, Registry::default(), Calendar::kazakhstan().unwrap())
}

#[test]
fn two_concurrent_advances_of_one_instance_cannot_both_win() {
    let mut first = engine("conflict");
    let path = first.store().path().to_path_buf();
    let id = start(&mut first, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let mut second = reopen(&path);
    // Both read version 1 and plan the same move…
    let a = first.plan(id, Target::Action(2), "mio", t("2024-03-15T10:05")).unwrap();
    let b = second.plan(id, Target::Action(2), "mio", t("2024-03-15T10:06")).unwrap();
    // …the second connection commits first; the first loses.
    second.commit(&b).unwrap();
    let err = match first.commit(&a) {
        Err(EngineError::Store(e)) => e,
        other => panic!("{other:?}"),
    };
    assert!(matches!(err, StoreError::Conflict { instance, expected: 1, found: 2 } if instance == id), "{err:?}");
    assert!(err.to_string().starts_with("conflict: instance 1 was advanced by someone else"), "{err}");
    let journal = first.store().journal(id).unwrap();
    assert_eq!(journal.len(), 2);
    assert_eq!(journal[1].at, t("2024-03-15T10:06"), "the winner's entry, only");
}

#[test]
fn two_writers_racing_on_threads_never_both_commit_one_version() {
    let mut e = engine("race");
    let path = e.store().path().to_path_buf();
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    drop(e);
    let results: Vec<Result<(), String>> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..4)
            .map(|n| {
                let path = path.clone();
                s.spawn(move || {
                    let mut e = reopen(&path);
                    let at = t("2024-03-15T10:05").add_seconds(n);
                    e.advance(id, Target::Action(2), "mio", at).map(|_| ()).map_err(|e| e.to_string())
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    let wins = results.iter().filter(|r| r.is_ok()).count();
    assert_eq!(wins, 1, "{results:?}");
    for r in results.iter().filter_map(|r| r.as_ref().err()) {
        // A loser either read version 1 and lost the commit, or read version 2
        // and found action 2's participant is not `mio`.
        assert!(r.starts_with("conflict:") || r.contains("may not perform action 2"), "{r}");
    }
    assert_eq!(reopen(&path).store().journal(id).unwrap().len(), 2);
}

#[test]
fn a_missing_file_is_not_created_except_by_start() {
    let path = store_path("missing");
    let err = Store::open(&path, OpenMode::Existing).unwrap_err();
    assert!(matches!(err, StoreError::Missing(_)), "{err}");
    assert!(!path.exists());
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_alone() {
    let path = store_path("garbage");
    let garbage: Vec<u8> = (0..8192u32).map(|i| (i * 7 + 3) as u8).collect();
    std::fs::write(&path, &garbage).unwrap();
    for mode in [OpenMode::Existing, OpenMode::CreateIfMissing] {
        let err = Store::open(&path, mode).unwrap_err();
        assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
        assert!(err.to_string().contains("is corrupt or not a database"), "{err}");
    }
    assert_eq!(std::fs::read(&path).unwrap(), garbage);
}

#[test]
fn a_damaged_store_is_refused_and_left_alone() {
    let mut e = engine("damaged");
    let path = e.store().path().to_path_buf();
    for n in 0..200 {
        let at = format!("2024-03-15T10:{:02}", n % 60);
        start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, &at);
    }
    drop(e);
    let mut bytes = std::fs::read(&path).unwrap();
    assert!(bytes.len() > 4 * 4096, "{}", bytes.len());
    // Overwrite the header of every page but the first (page type, free
    // block and cell pointers) with noise.
    for page in bytes.chunks_mut(4096).skip(1) {
        page[..12].fill(0xA5);
    }
    std::fs::write(&path, &bytes).unwrap();
    let err = Store::open(&path, OpenMode::Existing).unwrap_err();
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_foreign_sqlite_database_is_refused() {
    let path = store_path("foreign");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('x');").unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, OpenMode::CreateIfMissing).unwrap_err();
    assert!(matches!(err, StoreError::NotAStore(_)), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_store_with_a_newer_schema_is_refused_and_left_alone() {
    let e = engine("newer");
    let path = e.store().path().to_path_buf();
    drop(e);
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute("UPDATE schema_version SET version = ?1", [SCHEMA_VERSION + 1]).unwrap();
    drop(conn);
    let before = std::fs::read(&path).unwrap();
    let err = Store::open(&path, OpenMode::Existing).unwrap_err();
    assert!(
        matches!(err, StoreError::NewerSchema { found, supported, .. } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{err:?}"
    );
    assert!(err.to_string().contains("use a newer `reglament`"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_version_1_store_is_migrated_and_keeps_its_data() {
    let path = store_path("v1");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(reglament_engine::store::SCHEMA_V1).unwrap();
    conn.pragma_update(None, "application_id", reglament_engine::store::APPLICATION_ID).unwrap();
    conn.execute(
        "INSERT INTO instances (id, regulation, channel, application, state, version, started_at)
         VALUES (1, ?1, 'mio', ?2, 1, 1, '2024-03-15T10:00:00')",
        [PRESCHOOL, GOOD_APPLICATION],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO journal (instance, version, at, actor, from_action, to_action)
         VALUES (1, 1, '2024-03-15T10:00:00', 'mio', NULL, 1)",
        [],
    )
    .unwrap();
    drop(conn);
    let mut e = reopen(&path);
    assert_eq!(e.store().schema_version().unwrap(), SCHEMA_VERSION);
    let i = e.store().instance(1).unwrap().unwrap();
    assert_eq!(i.flk, FlkStatus::Unknown, "v1 did not record the FLK");
    e.advance(1, Target::Action(2), "mio", t("2024-03-15T10:05")).unwrap();
    assert_eq!(e.store().journal(1).unwrap().len(), 2);
    assert_eq!(e.store().integrity_check().unwrap(), "ok");
}

#[test]
fn durability_is_full_unless_normal_is_asked_for() {
    use reglament_engine::Durability;
    let path = store_path("durability");
    let full = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    assert_eq!(full.durability().unwrap(), Durability::Full);
    drop(full);
    let normal = Store::open_with(&path, OpenMode::Existing, Durability::Normal).unwrap();
    assert_eq!(normal.durability().unwrap(), Durability::Normal);
    // A NORMAL store runs instances like any other, and the file stays sound.
    let mut e = Engine::new(normal, Registry::default(), Calendar::kazakhstan().unwrap());
    e.set_start_policy(reglament_engine::StartPolicy::ReplayHistory);
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    let actor = e.registry().channel(PRESCHOOL, "mio").unwrap().action(1).unwrap().participant.unwrap_or("");
    e.advance(id, Target::Only, actor, t("2024-03-15T10:05")).unwrap();
    assert_eq!(e.store().journal(id).unwrap().len(), 2);
    assert_eq!(e.store().integrity_check().unwrap(), "ok");
}
