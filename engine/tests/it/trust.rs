//! A store that never lies and keeps personal data safe: the hash chain and
//! `verify`, sealed applications and recorded disclosures, idempotency
//! keys, readers that never wait, damaged rows served around, backups, and
//! nothing committed before everything that can fail is checked. Also the
//! service's due time where the regulation states a term, or states nothing.

use reglament_engine::{
    Application, Engine, EngineError, Key, OpenMode, Registry, StartPolicy, StartRequest, Store, StoreError,
    StoreOptions, Target,
};
use reglament_runtime::{Calendar, Unit};

use crate::common::{engine, existing_path, start, store_path, t, GOOD_APPLICATION, PRESCHOOL};
use crate::specs::{self, deadline, Variant, ID};

fn keyed_engine(path: &std::path::Path, key: Option<Key>, mode: OpenMode) -> Result<Engine, EngineError> {
    let options = StoreOptions { mode, key, ..StoreOptions::default() };
    let mut e = Engine::open_options(path, &options, Calendar::kazakhstan().unwrap())?;
    e.set_start_policy(StartPolicy::ReplayHistory);
    Ok(e)
}

fn preschool(at: &str, key: Option<&'static str>) -> StartRequest<'static> {
    StartRequest {
        regulation: PRESCHOOL,
        channel: "mio",
        form: None,
        application: Application::from_json(GOOD_APPLICATION).unwrap(),
        actor: "mio",
        at: t(at),
        key,
    }
}

/// Runs SQL on the store behind the engine's back, as `sqlite3` would.
fn tamper(path: &std::path::Path, sql: &str) {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.execute_batch(sql).unwrap();
}

/// Every byte of the store's files.
fn raw(path: &std::path::Path) -> Vec<u8> {
    ["", "-wal"].iter().flat_map(|s| std::fs::read(format!("{}{s}", path.display())).unwrap_or_default()).collect()
}

#[test]
fn check_finds_every_kind_of_tampering_and_names_the_place() {
    let mut e = engine("trust-tamper");
    let path = e.store().path().to_path_buf();
    for n in 0..3 {
        let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, &format!("2024-03-15T10:0{n}"));
        e.advance(id, Target::Only, "mio", t("2024-03-15T10:10")).unwrap();
    }
    let sound = e.store().verify().unwrap();
    assert!(sound.is_ok(), "{:?}", sound.problems);
    assert_eq!((sound.entries, sound.instances), (6, 3));
    let head = sound.head.clone().unwrap();
    drop(e);
    let problems = |sql: &str| {
        let copy = store_path("trust-tamper-copy");
        Store::open(&path, OpenMode::ReadOnly).unwrap().backup(&copy).unwrap();
        tamper(&copy, sql);
        Store::open(&copy, OpenMode::ReadOnly).unwrap().verify().unwrap().problems
    };
    // An entry's actor changed with sqlite3.
    let p = problems("UPDATE journal SET actor = 'is_mio' WHERE seq = 2");
    assert_eq!(p, vec!["journal entry 2 (instance 1): its hash does not follow from its fields and the entry before it — the journal was edited, or an entry removed, here"]);
    // An entry removed from the middle, and the instance made to agree.
    let p = problems("DELETE FROM journal WHERE seq = 4; UPDATE instances SET version = 1, state = 1 WHERE id = 2");
    assert!(p.iter().any(|p| p.starts_with("journal entry 5 (instance 3): its hash does not follow")), "{p:?}");
    // An instance moved without a journal entry.
    let p = problems("UPDATE instances SET state = 5, version = 3 WHERE id = 3");
    assert!(p.iter().any(|p| p.starts_with("instance 3: its version 3 does not match")), "{p:?}");
    assert!(p.iter().any(|p| p.starts_with("instance 3: its current action")), "{p:?}");
    // An application swapped, a recorded edition edited.
    let p = problems("UPDATE instances SET application = '{}' WHERE id = 1");
    assert_eq!(p, vec!["instance 1: its application differs from the one its start recorded"]);
    let p = problems("UPDATE editions SET snapshot = replace(snapshot, '\"number\":1,', '\"number\":9,')");
    assert!(p.iter().any(|p| p.starts_with("editions: the record")), "{p:?}");
    // The same store, untouched, still has the same head.
    assert_eq!(Store::open(&path, OpenMode::ReadOnly).unwrap().verify().unwrap().head, Some(head));
}

#[test]
fn a_store_of_schema_2_is_migrated_into_a_sound_chain() {
    let path = store_path("trust-v2");
    let conn = rusqlite::Connection::open(&path).unwrap();
    conn.execute_batch(reglament_engine::store::SCHEMA_V1).unwrap();
    conn.execute_batch("ALTER TABLE instances ADD COLUMN flk TEXT; UPDATE schema_version SET version = 2;").unwrap();
    conn.pragma_update(None, "application_id", reglament_engine::store::APPLICATION_ID).unwrap();
    conn.execute(
        "INSERT INTO instances (id, regulation, channel, application, flk, state, version, started_at)
         VALUES (1, ?1, 'mio', ?2, 'checked:application', 2, 2, '2024-03-15T10:00:00')",
        [PRESCHOOL, GOOD_APPLICATION],
    )
    .unwrap();
    conn.execute_batch(
        "INSERT INTO journal VALUES (1, 1, '2024-03-15T10:00:00', 'mio', NULL, 1, NULL);
         INSERT INTO journal VALUES (1, 2, '2024-03-15T10:05:00', 'mio', 1, 2, NULL);",
    )
    .unwrap();
    drop(conn);
    let store = Store::open(&path, OpenMode::ReadOnly).expect("a reader migrates an old store once");
    assert_eq!(store.schema_version().unwrap(), reglament_engine::SCHEMA_VERSION);
    let v = store.verify().unwrap();
    assert!(v.is_ok() && v.entries == 2, "{v:?}");
    let e = Engine::new(store, Registry::default(), Calendar::kazakhstan().unwrap());
    let timeline = e.timeline(1).unwrap();
    assert!(timeline.legacy, "computed with today's edition, and said so");
}

#[test]
fn applications_are_sealed_at_rest_and_open_only_with_the_key() {
    let path = store_path("trust-sealed");
    let key = Key::generate();
    let mut e = keyed_engine(&path, Some(key.clone()), OpenMode::CreateIfMissing).unwrap();
    let id = e.start(preschool("2024-03-15T10:00", None)).unwrap();
    assert!(e.store().is_sealed());
    let bytes = raw(&path);
    assert!(!bytes.windows(12).any(|w| w == b"920101300010"), "the IIN is nowhere in the files, the log included");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for suffix in ["", "-wal", "-shm"] {
            let mode = std::fs::metadata(format!("{}{suffix}", path.display())).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600, "{suffix}: readable by its owner only");
        }
    }
    drop(e);
    // Without the key: read sealed, and nothing new is accepted.
    let mut bare = keyed_engine(&path, None, OpenMode::Existing).unwrap();
    assert_eq!(bare.store().instance(id).unwrap().unwrap().application, None);
    let err = bare.start(preschool("2024-03-15T10:01", None)).unwrap_err();
    assert!(matches!(err, EngineError::Store(StoreError::KeyRequired(_))), "{err:?}");
    let err = bare.disclose(id, "inspector", t("2024-03-15T10:02")).unwrap_err();
    assert!(err.to_string().contains("give its key"), "{err}");
    assert_eq!(bare.list().unwrap().instances.len(), 1);
    drop(bare);
    // A wrong key is refused before anything is written.
    let before = raw(&path);
    let err = keyed_engine(&path, Some(Key::generate()), OpenMode::Existing).unwrap_err();
    assert!(matches!(err, EngineError::Store(StoreError::WrongKey(_))), "{err:?}");
    assert_eq!(raw(&path), before);
    // With it, the application reads back, and its disclosure is recorded.
    let mut e = keyed_engine(&path, Some(key), OpenMode::Existing).unwrap();
    let shown = e.disclose(id, "inspector Aigerim", t("2024-03-15T10:03")).unwrap();
    assert_eq!(shown.get("iin"), Some("920101300010"));
    let disclosures = e.store().disclosures(id).unwrap();
    assert_eq!(disclosures.len(), 1);
    assert_eq!((disclosures[0].who.as_str(), disclosures[0].at), ("inspector Aigerim", t("2024-03-15T10:03")));
    assert_eq!(e.timeline(id).unwrap().disclosures, disclosures);
    assert!(matches!(e.disclose(id, "  ", t("2024-03-15T10:04")), Err(EngineError::Who { .. })));
    assert!(e.store().verify().unwrap().is_ok(), "disclosures are links of the chain");
}

#[test]
fn idempotency_keys_make_starts_and_moves_happen_once() {
    let mut e = engine("trust-keys");
    let first = e.start(preschool("2024-03-15T10:00", Some("request-1"))).unwrap();
    let again = e.start(preschool("2024-03-15T10:00", Some("request-1"))).unwrap();
    assert_eq!(first, again);
    assert_eq!(e.list().unwrap().instances.len(), 1);
    // Sent again once the rules changed (history no longer replayed), the
    // key still returns what it started: it is looked up first.
    e.set_start_policy(StartPolicy::InForce);
    assert_eq!(e.start(preschool("2024-03-15T10:00", Some("request-1"))).unwrap(), first);
    e.set_start_policy(StartPolicy::ReplayHistory);
    let moved = e.advance_keyed(first, Target::Only, "mio", t("2024-03-15T10:05"), "move-1").unwrap();
    assert!(!moved.already_committed);
    let repeated = e.advance_keyed(first, Target::Only, "mio", t("2024-03-15T10:05"), "move-1").unwrap();
    assert!(repeated.already_committed);
    assert_eq!(repeated.transition.entry, moved.transition.entry);
    assert_eq!(e.store().journal(first).unwrap().len(), 2, "moved once");
    // A key names one request: used for another, it is refused, nothing written.
    let other = e.start(preschool("2024-03-15T10:06", None)).unwrap();
    let err = e.advance_keyed(other, Target::Only, "mio", t("2024-03-15T10:07"), "move-1").unwrap_err();
    assert!(matches!(err, EngineError::Store(StoreError::KeyReused { instance, .. }) if instance == first), "{err:?}");
    let err = e.start(preschool("2024-03-15T10:08", Some("move-1"))).unwrap_err();
    assert!(err.to_string().contains("idempotency key `move-1` already committed another request"), "{err}");
    assert_eq!(e.store().journal(other).unwrap().len(), 1);
}

#[test]
fn readers_never_wait_for_a_writer() {
    let mut e = engine("trust-readers");
    let path = e.store().path().to_path_buf();
    start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, "2024-03-15T10:00");
    drop(e);
    // A writer holds the write lock (and has written, uncommitted) for as
    // long as this test reads: a reader that waited would time out and fail.
    let mut writer = rusqlite::Connection::open(&path).unwrap();
    let tx = writer.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate).unwrap();
    tx.execute("UPDATE instances SET state = 7 WHERE id = 1", []).unwrap();
    let reader = Store::open(&path, OpenMode::ReadOnly).expect("opened without the lock");
    let listing = reader.instances(false).unwrap();
    assert_eq!(listing.instances[0].state, 1, "the last committed state, not the writer's");
    let e = Engine::new(reader, Registry::default(), Calendar::kazakhstan().unwrap());
    e.timeline(1).unwrap();
    e.overdue(t("2024-03-16T10:00")).unwrap();
    assert_eq!(e.store().integrity_check().unwrap(), "ok");
    tx.rollback().unwrap();
}

#[test]
fn a_damaged_row_is_reported_and_the_rest_are_served() {
    let mut e = engine("trust-damaged");
    let path = e.store().path().to_path_buf();
    for n in 0..3 {
        start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, &format!("2024-03-15T10:0{n}"));
    }
    drop(e);
    tamper(
        &path,
        "UPDATE instances SET started_at = 'yesterday' WHERE id = 2; UPDATE instances SET state = 'x' WHERE id = 3",
    );
    let mut e = engine_on(&path);
    let listing = e.list().unwrap();
    assert_eq!(listing.instances.iter().map(|i| i.id).collect::<Vec<_>>(), vec![1]);
    let damaged: Vec<(i64, &str)> = listing.damaged.iter().map(|d| (d.instance, d.problem.as_str())).collect();
    assert_eq!(
        damaged,
        vec![
            (2, "its start time: `yesterday` is not a time written YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD"),
            (3, "its state is not a number")
        ]
    );
    let report = e.overdue(t("2024-03-15T11:00")).unwrap();
    assert_eq!(report.rows.len(), 1);
    assert_eq!(report.skipped.len(), 2);
    // The good case still moves.
    e.advance(1, Target::Only, "mio", t("2024-03-15T11:01")).unwrap();
}

/// A list of some open cases (an officer's inbox) assesses only those: the
/// others' journals are not even read, so a damaged one elsewhere is not
/// in the way, and the list costs what it shows.
#[test]
fn a_filtered_list_of_open_cases_reads_only_the_cases_it_keeps() {
    let mut e = engine("trust-filtered");
    let path = e.store().path().to_path_buf();
    for n in 0..3 {
        start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, &format!("2024-03-15T10:0{n}"));
    }
    drop(e);
    tamper(&path, "UPDATE journal SET at = 'yesterday' WHERE instance = 3");
    let e = engine_on(&path);
    let at = t("2024-03-15T11:00");
    let all = e.open_cases(at).unwrap();
    assert_eq!((all.rows.len(), all.skipped.len()), (2, 1), "{:?}", all.skipped);
    let mine = e.open_cases_where(at, |instance, action| instance.id != 3 && action.number == 1).unwrap();
    let ids: Vec<i64> = mine.rows.iter().map(|r| r.instance.id).collect();
    assert_eq!((ids, mine.skipped.len()), (vec![1, 2], 0), "{:?}", mine.skipped);
    let none = e.open_cases_where(at, |_, action| action.number == 2).unwrap();
    assert!(none.rows.is_empty() && none.skipped.is_empty());
}

#[test]
fn nothing_is_committed_before_due_times_and_the_calendar_are_checked() {
    // Action 2's deadline runs beyond the year 9999: the service's due time
    // cannot be computed, so no case starts.
    let absurd =
        specs::regulation(Variant { second: Some(deadline(u64::MAX, Unit::Day)), ..Variant::minutes("eeee", 10) });
    let mut e = specs::engine("trust-precheck-absurd", true, &[absurd], Calendar::kazakhstan().unwrap());
    let request = StartRequest {
        regulation: ID,
        channel: "office",
        form: None,
        application: Application::default(),
        actor: "officer",
        at: t("2024-03-04T10:00"),
        key: None,
    };
    let err = e.start(request.clone()).unwrap_err();
    assert!(matches!(err, EngineError::Deadline(_)), "{err:?}");
    assert!(e.list().unwrap().instances.is_empty(), "nothing written");

    let spec = specs::regulation(Variant::minutes("ffff", 10));
    let mut e = specs::engine("trust-precheck", true, &[spec], Calendar::kazakhstan().unwrap());
    let id = e.start(request.clone()).unwrap();
    // Times outside the calendar's years are refused, at the start and later.
    let err = e.start(StartRequest { at: t("2030-01-01T10:00"), ..request.clone() }).unwrap_err();
    assert!(err.to_string().contains("is outside the years the calendar knows (2011–2027)"), "{err}");
    let err = e.start(StartRequest { at: t("0001-01-01T00:00"), ..request }).unwrap_err();
    assert!(matches!(err, EngineError::TimeOutsideCalendar { .. }), "{err:?}");
    let err = e.advance(id, Target::Only, "officer", t("9999-12-31T23:59:30")).unwrap_err();
    assert!(matches!(err, EngineError::TimeOutsideCalendar { .. }), "{err:?}");
    assert_eq!(e.list().unwrap().instances.len(), 1);
    assert_eq!(e.store().journal(id).unwrap().len(), 1);
    assert!(e.overdue(t("2024-03-05T10:00")).unwrap().skipped.is_empty(), "the store serves overdue lists");
    let other = e.start(StartRequest { at: t("2024-03-04T10:01"), ..request_at_ten() }).unwrap();
    // A store already holding a case whose due times cannot be computed
    // (written by an older build) is served around it.
    drop(e);
    tamper(&existing_path("trust-precheck"), "UPDATE instances SET started_at = '9999-12-31T23:59:30' WHERE id = 1");
    let mut e = specs::engine("trust-precheck", false, &[spec], Calendar::kazakhstan().unwrap());
    let report = e.overdue(t("2024-03-05T10:00")).unwrap();
    assert_eq!(report.skipped, vec!["instance 1: the due time would be beyond the year 9999"]);
    assert_eq!(report.rows.iter().map(|r| r.instance.id).collect::<Vec<_>>(), vec![other]);
    e.advance(other, Target::Only, "officer", t("2024-03-05T10:01")).expect("the other case still moves");
}

fn request_at_ten() -> StartRequest<'static> {
    StartRequest {
        regulation: ID,
        channel: "office",
        form: None,
        application: Application::default(),
        actor: "officer",
        at: t("2024-03-04T10:00"),
        key: None,
    }
}

#[test]
fn a_service_without_deadlines_is_never_overdue_and_a_stated_term_applies() {
    let mut e = engine("trust-service");
    // «kezekke_qoiu_e_qyzmet» states no term and no deadline: never overdue.
    let spec = e.registry().channel("kezekke_qoiu_e_qyzmet", "uo").unwrap();
    let actor = spec.action(spec.start).unwrap().participant.unwrap_or("");
    let request = StartRequest {
        regulation: "kezekke_qoiu_e_qyzmet",
        channel: "uo",
        form: None,
        application: Application::default(),
        actor,
        at: t("2024-03-15T16:00"),
        key: None,
    };
    let quiet = e.start(request.clone()).unwrap();
    assert!(e.overdue(t("2024-03-15T16:00:01")).unwrap().rows.is_empty());
    assert!(e.overdue(t("2025-12-31T23:00")).unwrap().rows.is_empty());
    assert_eq!(e.timeline(quiet).unwrap().service.at, None);
    // «postanovka_na_ochered_gosusluga» states only the centre's term: three
    // working days from the working day after the receipt. Received on
    // Friday 15 March 2024, it is due at the close of Wednesday 20 March.
    let spec = e.registry().channel("postanovka_na_ochered_gosusluga", "center").unwrap();
    let actor = spec.action(spec.start).unwrap().participant.unwrap_or("");
    let termed = e
        .start(StartRequest { regulation: "postanovka_na_ochered_gosusluga", channel: "center", actor, ..request })
        .unwrap();
    let service = e.timeline(termed).unwrap().service;
    assert_eq!(service.at, Some(t("2024-03-20T18:00")));
    assert!(service.planned.is_none(), "no action has a deadline");
    assert!(e.overdue(t("2024-03-20T18:00")).unwrap().rows.is_empty());
    let rows = e.overdue(t("2024-03-20T18:01")).unwrap().rows;
    assert_eq!(
        rows.iter().map(|r| (r.instance.id, r.step_late, r.service_late)).collect::<Vec<_>>(),
        vec![(termed, None, Some(60))]
    );
}

#[test]
fn a_backup_of_a_live_store_is_whole_and_sound() {
    let mut e = engine("trust-backup");
    for n in 0..20 {
        let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, &format!("2024-03-15T10:{n:02}"));
        e.advance(id, Target::Only, "mio", t(&format!("2024-03-15T10:{:02}", n + 1))).unwrap();
    }
    let copy = store_path("trust-backup-copy");
    // The engine's connection stays open, with its log not yet checkpointed.
    e.store().backup(&copy).unwrap();
    let copied = Store::open(&copy, OpenMode::ReadOnly).unwrap();
    let v = copied.verify().unwrap();
    assert!(v.is_ok() && v.entries == 40 && v.instances == 20, "{v:?}");
    assert_eq!(v.head, e.store().verify().unwrap().head);
    let err = e.store().backup(&copy).unwrap_err();
    assert!(matches!(err, StoreError::Exists(_)), "{err:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600);
    }
}

fn engine_on(path: &std::path::Path) -> Engine {
    let store = Store::open(path, OpenMode::Existing).unwrap();
    let mut e = Engine::new(store, Registry::default(), Calendar::kazakhstan().unwrap());
    e.set_start_policy(StartPolicy::ReplayHistory);
    e
}
