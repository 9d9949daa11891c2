//! What a running service waits for: FLK validation of an application, a
//! state transition in memory, and a durable transition in the SQLite store
//! (write-ahead log, `synchronous = NORMAL` and `FULL`).
//!
//! `cargo bench -p reglament-tests --bench runtime` (BENCHMARKS.md has the
//! figures). The regulations are the project's own, from
//! `reglament-generated`.

use std::cell::RefCell;
use std::path::PathBuf;

use divan::counter::ItemsCount;
use divan::Bencher;
use reglament_engine::{
    Application, Durability, Engine, Key, OpenMode, Registry, StartPolicy, StartRequest, Store, StoreOptions, Target,
};
use reglament_generated::postanovka_na_ochered_doshkolnikov::forms::Application as PreschoolApplication;
use reglament_generated::vydacha_arhivnyh_spravok::channels::con::Action;
use reglament_runtime::{Calendar, Form, LocalDateTime, StateMachine};

fn main() {
    divan::main();
}

fn valid_application() -> PreschoolApplication {
    PreschoolApplication {
        iin: Some("920116351215".into()),
        rnn: None,
        postal_code: Some("160000".into()),
        phone: Some("+7 (7252) 53-12".into()),
        child_iin: Some("190514600122".into()),
    }
}

/// FLK validation of a valid application (five rules, two IIN check digits).
#[divan::bench(sample_count = 100, sample_size = 1000)]
fn flk_valid_form(bencher: Bencher) {
    let form = valid_application();
    bencher.counter(ItemsCount::new(1usize)).bench(|| divan::black_box(&form).validate());
}

/// FLK validation of an application that breaks three rules, every
/// violation reported with its rule and field.
#[divan::bench(sample_count = 100, sample_size = 1000)]
fn flk_invalid_form(bencher: Bencher) {
    let form = PreschoolApplication {
        iin: Some("92011635121X".into()),
        postal_code: None,
        phone: Some("1234567890123456".into()),
        ..valid_application()
    };
    bencher.counter(ItemsCount::new(1usize)).bench(|| divan::black_box(&form).validate());
}

/// One transition of a typed state machine in memory: from the middle of a
/// 15-action channel (the tables are searched, so the middle is a fair case).
#[divan::bench(sample_count = 100, sample_size = 1000)]
fn transition_in_memory(bencher: Bencher) {
    let (from, to) = (Action::A7, Action::A8);
    bencher.counter(ItemsCount::new(1usize)).bench(|| divan::black_box(from).advance(divan::black_box(to)));
}

/// A whole channel in memory: 14 transitions from the first action to the last.
#[divan::bench(sample_count = 100, sample_size = 1000)]
fn channel_in_memory(bencher: Bencher) {
    let path: Vec<Action> = Action::ALL.to_vec();
    bencher.counter(ItemsCount::new(path.len() - 1)).bench(|| {
        let mut state = Action::start();
        for &next in &path[1..] {
            state = state.advance(divan::black_box(next)).unwrap_or(state);
        }
        state
    });
}

/// Durable transitions, `synchronous = NORMAL`.
#[divan::bench(sample_count = 20, sample_size = 200)]
fn durable_transition_normal(bencher: Bencher) {
    durable(bencher, Durability::Normal);
}

/// Durable transitions, `synchronous = FULL` (the default).
#[divan::bench(sample_count = 10, sample_size = 20)]
fn durable_transition_full(bencher: Bencher) {
    durable(bencher, Durability::Full);
}

/// Instances of the archive-certificates centre channel (15 actions, no
/// form), advanced round-robin by the participant responsible, each call
/// one `Engine::advance`: the plan (instance, its recorded edition and
/// calendar, journal, who may act, where the table allows going, the due
/// time of the step entered) and its commit in one transaction, its journal
/// entry chained by SHA-256. Every 15th call also starts a new instance,
/// whose application is sealed with the store's key (XChaCha20-Poly1305).
/// The regulation was repealed in 2013, so the engine replays history.
fn durable(bencher: Bencher, durability: Durability) {
    const REGULATION: &str = "vydacha_arhivnyh_spravok";
    const CHANNEL: &str = "con";
    const INSTANCES: usize = 400;
    let path = store_path(match durability {
        Durability::Full => "full",
        Durability::Normal => "normal",
    });
    let options = StoreOptions { mode: OpenMode::CreateIfMissing, durability, key: Some(Key::generate()) };
    let store = Store::open_options(&path, &options).expect("a store");
    let calendar = Calendar::kazakhstan().expect("the built-in calendar");
    let mut engine = Engine::new(store, Registry::default(), calendar);
    engine.set_start_policy(StartPolicy::ReplayHistory);
    let channel = engine.registry().channel(REGULATION, CHANNEL).expect("the channel");
    let route: Vec<u32> = channel.paths().into_iter().next().expect("a path");
    let clock = RefCell::new(LocalDateTime::parse("2024-03-15T09:00").expect("a time"));
    let tick = || {
        let mut c = clock.borrow_mut();
        *c = c.add_seconds(1);
        *c
    };
    let start = |engine: &mut Engine| {
        let request = StartRequest {
            regulation: REGULATION,
            channel: CHANNEL,
            form: None,
            application: Application::default(),
            actor: channel.action(channel.start).and_then(|a| a.participant).unwrap_or(""),
            at: tick(),
            key: None,
        };
        engine.start(request).expect("started")
    };
    // (instance, position on the route) for each instance under way.
    let running: Vec<(i64, usize)> = (0..INSTANCES).map(|_| (start(&mut engine), 0)).collect();
    let state = RefCell::new((engine, running, 0usize));
    bencher.counter(ItemsCount::new(1usize)).bench_local(|| {
        let mut guard = state.borrow_mut();
        let (engine, running, next) = &mut *guard;
        let slot = *next % running.len();
        *next += 1;
        let (id, at) = running[slot];
        let actor = channel.action(route[at]).and_then(|a| a.participant).unwrap_or("");
        let target = route.get(at + 1).map_or(Target::End, |&to| Target::Action(to));
        engine.advance(id, target, actor, tick()).expect("advanced");
        running[slot] = if at + 1 < route.len() { (id, at + 1) } else { (start(engine), 0) };
    });
}

fn store_path(name: &str) -> PathBuf {
    let dir = reglament_tests::root().join("target").join("bench-stores");
    let _ = std::fs::create_dir_all(&dir);
    let path = dir.join(format!("{name}-{}.db", std::process::id()));
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", path.display()));
    }
    path
}
