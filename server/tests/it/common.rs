//! Helpers shared by the engine's tests.

use std::path::PathBuf;

use reglament_engine::{Application, Engine, OpenMode, Registry, StartPolicy, StartRequest, Store, Target};
use reglament_runtime::{Calendar, LocalDateTime};

/// The preschool-queue regulation: it has an FLK form.
pub const PRESCHOOL: &str = "postanovka_na_ochered_doshkolnikov";
/// The archive-certificates regulation (ru): no form; an exceptional maximum.
pub const ARCHIVE: &str = "vydacha_arhivnyh_spravok";
/// The archive-certificates regulation (kk): no form; branches with conditions.
pub const ARCHIVE_KK: &str = "muragattyq_anyqtamalar_beru";

/// A valid application for the preschool form.
pub const GOOD_APPLICATION: &str = r#"{"iin": "920101300010", "postal_code": "010000", "phone": "+77011234567"}"#;

/// A fresh, empty path for a store file, under Cargo's test temp dir.
pub fn store_path(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("engine-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!("{name}.db"));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}

/// The path of a store an earlier step of the same test created.
pub fn existing_path(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("engine-tests").join(format!("{name}.db"))
}

/// An engine over a new store with the generated regulations. Nine of the
/// corpus's twelve regulations (all those with forms or deadlines) were
/// repealed in 2012–2014, so the engine replays history: the tests run them
/// on the calendars of later years. `instances.rs` tests the refusal.
pub fn engine(name: &str) -> Engine {
    let store = Store::open(&store_path(name), OpenMode::CreateIfMissing).unwrap();
    let mut engine = Engine::new(store, Registry::default(), Calendar::kazakhstan().unwrap());
    engine.set_start_policy(StartPolicy::ReplayHistory);
    engine
}

pub fn t(text: &str) -> LocalDateTime {
    LocalDateTime::parse(text).unwrap()
}

/// Starts an instance of `regulation`/`channel` by the first action's participant.
pub fn start(engine: &mut Engine, regulation: &str, channel: &str, application: &str, at: &str) -> i64 {
    let spec = engine.registry().channel(regulation, channel).unwrap();
    let actor = spec.action(spec.start).unwrap().participant.unwrap_or("");
    let request = StartRequest {
        regulation,
        channel,
        form: None,
        application: Application::from_json(application).unwrap(),
        actor,
        at: t(at),
        key: None,
    };
    engine.start(request).unwrap()
}

/// Advances instance `id` to each action of `path` in turn, one minute
/// apart from `from`, each time by the participant responsible.
pub fn drive(engine: &mut Engine, id: i64, path: &[u32], from: &str) {
    let mut at = t(from);
    for &to in path {
        let i = engine.store().instance(id).unwrap().unwrap();
        let channel = engine.registry().channel(&i.regulation, &i.channel).unwrap();
        let actor = channel.action(i.state).unwrap().participant.unwrap_or("");
        at = at.add_seconds(60);
        engine.advance(id, Target::Action(to), actor, at).unwrap();
    }
}
