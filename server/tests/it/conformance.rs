//! One conformance suite for every store behind the engine: each test runs
//! against SQLite (the embedded store) and against PostgreSQL (a fresh
//! database of the cluster REGLAMENT_TEST_POSTGRES names; skipped loudly
//! without one, failed under CI).

use reglament_engine::{
    Acting, Application, CaseStore, Engine, EngineError, EscalationKind, Key, NewEscalation, OpenMode, Registry,
    StartPolicy, StartRequest, Store, StoreError, StoreOptions, Target,
};
use reglament_runtime::Calendar;
use reglament_server::pg::PgStore;
use reglament_server::AnyEngine;

use crate::harness::{folder, t, ARCHIVE_KK, GOOD_APPLICATION, PRESCHOOL};
use crate::tools;

/// An engine over a new SQLite store with a key.
pub fn sqlite(name: &str) -> AnyEngine {
    let path = folder(&format!("conformance-{name}")).join("store.db");
    let options = StoreOptions { mode: OpenMode::CreateIfMissing, key: Some(Key::generate()), ..Default::default() };
    engine(Box::new(Store::open_options(&path, &options).unwrap()))
}

/// An engine over `store`, replaying history.
pub fn engine(store: Box<dyn CaseStore>) -> AnyEngine {
    let mut engine = Engine::new(store, Registry::default(), Calendar::kazakhstan().unwrap());
    engine.set_start_policy(StartPolicy::ReplayHistory);
    engine
}

/// The URL of a new, empty database named `name` in the test cluster.
pub fn fresh_database(base: &str, name: &str) -> String {
    let name = format!("t_{}", name.replace('-', "_"));
    let mut admin = postgres::Client::connect(base, postgres::NoTls).unwrap();
    // One statement each: neither may run inside a transaction block.
    admin.batch_execute(&format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)")).unwrap();
    admin.batch_execute(&format!("CREATE DATABASE {name}")).unwrap();
    let others: Vec<&str> = base.split_whitespace().filter(|p| !p.starts_with("dbname=")).collect();
    format!("{} dbname={name}", others.join(" "))
}

/// An engine over a new PostgreSQL database with a key.
pub fn postgres(base: &str, name: &str) -> AnyEngine {
    let url = fresh_database(base, name);
    engine(Box::new(PgStore::connect(&url, Some(Key::generate())).unwrap()))
}

/// Starts a case as its start's participant, as the person "aigerim".
pub fn start(engine: &mut AnyEngine, regulation: &str, channel: &str, application: &str, key: Option<&str>) -> i64 {
    let spec = engine.registry().channel(regulation, channel).unwrap();
    let actor = spec.action(spec.start).unwrap().participant.unwrap();
    let request = StartRequest {
        regulation,
        channel,
        form: None,
        application: Application::from_json(application).unwrap(),
        actor,
        at: t("2024-03-15T10:00"),
        key,
    };
    let mut new = engine.prepare(request).unwrap();
    new.person = Some("aigerim".into());
    new.applicant = Some("citizen-1".into());
    engine.insert(&new).unwrap().id
}

fn starts_moves_and_chains(make: &dyn Fn(&str) -> AnyEngine) {
    let mut e = make("chain");
    let id = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let acting = Acting { role: "qyzmet_berushi", person: Some("aigerim") };
    e.advance_by(id, Target::Only, acting, t("2024-03-15T10:01"), None).unwrap();
    e.advance_by(id, Target::Only, acting, t("2024-03-15T10:02"), None).unwrap();
    let moved = e.advance_by(id, Target::Action(5), acting, t("2024-03-15T10:03"), None).unwrap();
    assert_eq!(moved.transition.entry.branch.as_deref(), Some("егер бұзушылықтар болмаса"));
    let instance = e.store().instance(id).unwrap().unwrap();
    assert_eq!((instance.state, instance.version, instance.applicant.as_deref()), (5, 4, Some("citizen-1")));
    let journal = e.store().journal(id).unwrap();
    assert_eq!(journal.len(), 4);
    assert!(journal.iter().all(|j| j.person.as_deref() == Some("aigerim") && j.actor == "qyzmet_berushi"));
    assert_eq!(e.store().last_entry(id).unwrap().unwrap().version, 4);
    let timeline = e.timeline(id).unwrap();
    assert_eq!(timeline.steps[0].done_by_person.as_deref(), Some("aigerim"));
    // Time may not run backwards; the table is the table; only the responsible acts.
    assert!(matches!(
        e.advance_by(id, Target::Only, acting, t("2024-03-15T10:00"), None),
        Err(EngineError::TimeBeforeLast { .. })
    ));
    let other = Acting { role: "hqko_operatory", person: Some("x") };
    assert!(matches!(
        e.advance_by(id, Target::Only, other, t("2024-03-15T10:05"), None),
        Err(EngineError::NotResponsible { .. })
    ));
    // The case file is the three reads in one.
    let file = e.store().case_file(id).unwrap().unwrap();
    assert_eq!(file.instance, e.store().instance(id).unwrap().unwrap());
    assert_eq!((file.journal, file.disclosures), (journal, vec![]));
    assert_eq!(e.store().case_file(999).unwrap(), None);
    let verified = e.store().verify().unwrap();
    assert!(verified.is_ok(), "{:?}", verified.problems);
    assert_eq!((verified.entries, verified.instances), (4, 1));
    assert_eq!(e.list().unwrap().instances.len(), 1);
}

fn the_second_of_two_writers_gets_a_conflict(make: &dyn Fn(&str) -> AnyEngine) {
    let mut e = make("conflict");
    let id = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", None);
    let first = e.plan(id, Target::Only, "qyzmet_berushi", t("2024-03-15T10:01")).unwrap();
    let second = e.plan(id, Target::Only, "qyzmet_berushi", t("2024-03-15T10:01")).unwrap();
    e.commit(&first).unwrap();
    match e.commit(&second) {
        Err(EngineError::Store(StoreError::Conflict { expected: 1, found: 2, .. })) => {}
        other => panic!("expected a conflict, got {other:?}"),
    }
    assert_eq!(e.store().journal(id).unwrap().len(), 2, "nothing written by the loser");
    assert!(e.store().verify().unwrap().is_ok());
}

fn idempotency_keys_are_unique(make: &dyn Fn(&str) -> AnyEngine) {
    let mut e = make("keys");
    let id = start(&mut e, ARCHIVE_KK, "qyzmet_berushi", "{}", Some("start-1"));
    assert_eq!(e.started_by("start-1").unwrap(), Some(id));
    let acting = Acting { role: "qyzmet_berushi", person: None };
    let moved = e.advance_by(id, Target::Only, acting, t("2024-03-15T10:01"), Some("move-1")).unwrap();
    assert!(!moved.already_committed);
    let again = e.advance_by(id, Target::Only, acting, t("2024-03-15T10:02"), Some("move-1")).unwrap();
    assert!(again.already_committed && again.transition.entry.version == 2);
    assert!(matches!(e.started_by("move-1"), Err(EngineError::Store(StoreError::KeyReused { .. }))));
    // The store itself refuses a second start with a used key, returning the first.
    let request = StartRequest {
        regulation: ARCHIVE_KK,
        channel: "qyzmet_berushi",
        form: None,
        application: Application::default(),
        actor: "qyzmet_berushi",
        at: t("2024-03-15T11:00"),
        key: Some("start-1"),
    };
    let new = e.prepare(request).unwrap();
    assert_eq!(e.insert(&new).unwrap(), reglament_engine::Inserted { id, existing: true });
    assert_eq!(e.list().unwrap().instances.len(), 1);
}

fn applications_are_sealed_and_disclosures_recorded(make: &dyn Fn(&str) -> AnyEngine) {
    let mut e = make("sealed");
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, None);
    assert!(e.store().is_sealed(), "a store with a key seals");
    let stored = e.store().instance(id).unwrap().unwrap();
    assert_eq!(stored.application.unwrap().get("iin"), Some("920101300010"));
    assert!(e.store().instance_without_application(id).unwrap().unwrap().application.is_none());
    let shown = e.disclose(id, "Айгерім (aigerim)", t("2024-03-15T10:05")).unwrap();
    assert_eq!(shown.get("phone"), Some("+77011234567"));
    let disclosures = e.store().disclosures(id).unwrap();
    assert_eq!((disclosures.len(), disclosures[0].who.as_str()), (1, "Айгерім (aigerim)"));
    let file = e.store().case_file(id).unwrap().unwrap();
    assert_eq!((file.disclosures, file.journal.len()), (disclosures, 1), "the disclosure is not a transition");
    assert_eq!(file.instance.application.unwrap().get("iin"), Some("920101300010"));
    assert!(matches!(e.disclose(999, "x", t("2024-03-15T10:05")), Err(EngineError::UnknownInstance(999))));
    let verified = e.store().verify().unwrap();
    assert!(verified.is_ok() && verified.entries == 2, "{verified:?}");
    // Its edition and calendar are recorded once, and read back.
    let instance = e.store().instance_without_application(id).unwrap().unwrap();
    assert!(e.store().edition(instance.edition.as_deref().unwrap()).unwrap().is_some());
    assert!(e.store().calendar(instance.calendar.as_deref().unwrap()).unwrap().is_some());
}

fn escalations_are_recorded_once_and_claimed_by_one(make: &dyn Fn(&str) -> AnyEngine) {
    let mut e = make("outbox");
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, None);
    let report = e.open_cases(t("2024-03-15T10:30")).unwrap();
    assert_eq!(report.rows.len(), 1);
    assert!(report.rows[0].step_late.is_some());
    let new = NewEscalation {
        instance: id,
        version: 1,
        kind: EscalationKind::Step,
        action: 1,
        due: t("2024-03-15T10:10"),
        payload: "{}".into(),
    };
    assert!(e.store_mut().record_escalation(&new, 1000).unwrap());
    assert!(!e.store_mut().record_escalation(&new, 1001).unwrap(), "once per case, version and kind");
    let claimed = e.store_mut().claim_escalations(1000, 60, 10).unwrap();
    assert_eq!(claimed.len(), 1);
    assert!(e.store_mut().claim_escalations(1010, 60, 10).unwrap().is_empty(), "held by its lease");
    e.store_mut().escalation_failed(claimed[0].id, 1100, "503").unwrap();
    assert!(e.store_mut().claim_escalations(1050, 60, 10).unwrap().is_empty(), "not before its retry");
    let again = e.store_mut().claim_escalations(1100, 60, 10).unwrap();
    assert_eq!((again.len(), again[0].attempts), (1, 1));
    e.store_mut().escalation_delivered(again[0].id, 1101).unwrap();
    assert!(e.store_mut().claim_escalations(5000, 60, 10).unwrap().is_empty(), "delivered");
    let all = e.store().escalations().unwrap();
    assert_eq!((all.len(), all[0].delivered, all[0].escalation.attempts), (1, Some(1101), 2));
}

macro_rules! conformance {
    ($($name:ident),* $(,)?) => {
        mod on_sqlite {
            $(
                #[test]
                fn $name() {
                    super::$name(&|n| super::sqlite(&format!("{}-{n}", stringify!($name))));
                }
            )*
        }
        mod on_postgres {
            $(
                #[test]
                fn $name() {
                    let Some(base) = super::tools::postgres() else { return };
                    super::$name(&|n| super::postgres(&base, &format!("{}_{n}", stringify!($name))));
                }
            )*
        }
    };
}

conformance!(
    starts_moves_and_chains,
    the_second_of_two_writers_gets_a_conflict,
    idempotency_keys_are_unique,
    applications_are_sealed_and_disclosures_recorded,
    escalations_are_recorded_once_and_claimed_by_one,
);

#[test]
fn postgres_refuses_a_wrong_key_and_finds_an_edited_journal() {
    let Some(base) = tools::postgres() else { return };
    let url = fresh_database(&base, "pg_trust");
    let key = Key::generate();
    let mut e = engine(Box::new(PgStore::connect(&url, Some(key.clone())).unwrap()));
    let id = start(&mut e, PRESCHOOL, "mio", GOOD_APPLICATION, None);
    assert!(matches!(PgStore::connect(&url, Some(Key::generate())), Err(StoreError::WrongKey(_))));
    let mut raw = postgres::Client::connect(&url, postgres::NoTls).unwrap();
    let sealed: Vec<u8> = raw.query_one("SELECT sealed FROM instances WHERE id = $1", &[&id]).unwrap().get(0);
    assert!(!sealed.windows(12).any(|w| w == b"920101300010"), "sealed at rest");
    // The entry is chained by a sealer (in `serve`, every replica runs one).
    assert_eq!(PgStore::connect(&url, None).unwrap().seal().unwrap(), Some(1));
    assert!(e.store().verify().unwrap().is_ok(), "{:?}", e.store().verify());
    // The instance row is covered through its start's detail: an edited
    // applicant or FLK status is found, though the row is not in the chain.
    raw.execute("UPDATE instances SET applicant = 'somebody-else', flk = NULL WHERE id = $1", &[&id]).unwrap();
    let verified = e.store().verify().unwrap();
    let about = |what: &str| verified.problems.iter().any(|p| p.contains(&format!("instance {id}: its {what}")));
    assert!(about("applicant") && about("FLK status"), "{verified:?}");
    assert_eq!(raw.execute("UPDATE journal SET actor = 'somebody' WHERE seq = 1", &[]).unwrap(), 1);
    let verified = e.store().verify().unwrap();
    assert!(verified.problems.iter().any(|p| p.contains("journal entry 1")), "{verified:?}");
}
