//! Building the service from a configuration, and serving it: `reglament
//! serve CONFIG`, or `reglament serve --demo DIR`, which writes a demo
//! configuration (an SQLite store, its key, a local signing key and its
//! JWKS, two officers) into DIR the first time and serves it.

use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use axum::Router;
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use tokio::net::TcpListener;

use reglament_engine::{CaseStore, Durability, Engine, Key, OpenMode, Registry, StartPolicy, Store, StoreOptions};
use reglament_runtime::Calendar;

use crate::auth::{SigningKey, Verifier};
use crate::clock::Clock;
use crate::config::Config;
use crate::pool::{Opener, Pool};
use crate::{AnyEngine, Service};

/// The service of a configuration, on `clock`.
pub fn build(config: Config, clock: Arc<dyn Clock>) -> Result<Arc<Service>, String> {
    let verifier = Verifier::from_config(&config.auth)?;
    let key = Key::read_file(&config.store.key_file).map_err(|e| e.to_string())?;
    let calendar = Calendar::kazakhstan().map_err(|e| e.to_string())?;
    let policy = if config.replay_history { StartPolicy::ReplayHistory } else { StartPolicy::InForce };
    let demo = match &config.demo {
        Some(demo) => Some(SigningKey::read(&demo.signing_key)?),
        None => None,
    };
    let (size, open) = opener(&config, key, calendar, policy)?;
    // Open one engine now: a store that cannot be opened stops the start.
    let first = open().map_err(|e| e.to_string())?;
    let pool = Arc::new(Pool::new(size, open));
    pool.give_back(first);
    // PostgreSQL commits journal entries unsealed: this replica seals them.
    let sealer = config.store.postgres.clone().map(|url| crate::pg::Sealer::start(url, crate::pg::SEAL_EVERY));
    Ok(Arc::new(Service { config, verifier, clock, pool, demo, sealer }))
}

fn opener(config: &Config, key: Key, calendar: Calendar, policy: StartPolicy) -> Result<(usize, Opener), String> {
    let with = move |store: Box<dyn CaseStore>, calendar: &Calendar| -> AnyEngine {
        let mut engine = Engine::new(store, Registry::default(), calendar.clone());
        engine.set_start_policy(policy);
        engine
    };
    if let Some(path) = config.store.sqlite.clone() {
        let durability = match config.store.durability.as_deref() {
            Some("normal") => Durability::Normal,
            _ => Durability::Full,
        };
        let options = StoreOptions { mode: OpenMode::CreateIfMissing, durability, key: Some(key) };
        let open: Opener = Box::new(move || Ok(with(Box::new(Store::open_options(&path, &options)?), &calendar)));
        return Ok((config.store.connections.unwrap_or(2), open));
    }
    let url = config.store.postgres.clone().ok_or("no store configured")?;
    let open: Opener =
        Box::new(move || Ok(with(Box::new(crate::pg::PgStore::connect(&url, Some(key.clone()))?), &calendar)));
    Ok((config.store.connections.unwrap_or(8), open))
}

/// Serves until the process is stopped: the API, the desk and the worker.
pub async fn serve(service: Arc<Service>) -> Result<(), String> {
    let listener = tokio::net::TcpListener::bind(service.config.listen)
        .await
        .map_err(|e| format!("cannot listen on {}: {e}", service.config.listen))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    eprintln!("reglament: serving on http://{address}/ (the desk: http://{address}/desk)");
    tokio::spawn(crate::worker::run(Arc::clone(&service)));
    let headers = Duration::from_secs(service.config.limits.header_secs);
    accept(listener, crate::api::router(Arc::clone(&service)), headers, stopped()).await;
    eprintln!("reglament: stopped; the requests under way were finished");
    // Seal what this replica committed before it goes (the sealer blocks).
    let _ = tokio::task::spawn_blocking(move || {
        if let Some(sealer) = &service.sealer {
            sealer.stop();
        }
    })
    .await;
    Ok(())
}

/// Completes when the process is asked to stop: Ctrl-C (SIGINT) or, on
/// Unix, SIGTERM, which is what a service manager or a container runtime
/// sends. Either way the service stops gracefully.
async fn stopped() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{signal, SignalKind};
        if let Ok(mut term) = signal(SignalKind::terminate()) {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
            return;
        }
    }
    let _ = tokio::signal::ctrl_c().await;
}

/// Serves `app` on `listener` until `stop` completes, then lets the requests
/// under way finish (for at most ten seconds). A client must send a request's
/// headers within `headers` of starting it, or of the previous request on the
/// connection: a client that trickles them in byte by byte would otherwise
/// hold a connection, and a task, for ever. (The body has its own limit, in
/// the router.)
pub async fn accept(listener: TcpListener, app: Router, headers: Duration, stop: impl Future<Output = ()>) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new()).header_read_timeout(headers);
    let graceful = GracefulShutdown::new();
    tokio::pin!(stop);
    loop {
        let stream = tokio::select! {
            accepted = listener.accept() => accepted,
            () = &mut stop => break,
        };
        let Ok((stream, _)) = stream else {
            // Out of file descriptors, or a connection reset before it was
            // taken: wait a moment rather than spin, and go on.
            tokio::time::sleep(Duration::from_millis(50)).await;
            continue;
        };
        let connection = http.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app.clone()));
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            let _ = connection.await;
        });
    }
    let _ = tokio::time::timeout(Duration::from_secs(10), graceful.shutdown()).await;
}

/// The demo's officers: who acts in the archive certificates regulation's
/// portal channel and in the preschool queue's authority channel.
const DEMO_CONFIG: &str = r#"# A demo configuration written by `reglament serve --demo`: an SQLite
# store, a local signing key, two officers. Not for production: the desk's
# sign-in page lets anyone sign in as anyone.
listen = "127.0.0.1:8080"
replay_history = true

[store]
sqlite = "reglament.db"
key_file = "reglament.key"

[auth]
jwks = "jwks.json"
issuer = "reglament-demo"

[demo]
signing_key = "signing-key.json"

[worker]
every_secs = 30

[[officers]]
subject = "aigerim"
name = "Айгерім Сейтқали"
grants = [
  { regulation = "muragattyq_anyqtamalar_beru", participants = ["qyzmet_berushi", "qyzmet_berushi_azho", "zht_mdb_zt_mdb"] },
  { regulation = "postanovka_na_ochered_doshkolnikov", participants = ["mio", "is_mio", "con", "is_con"] },
]

[[officers]]
subject = "bolat"
name = "Болат Жумабаев"
grants = [{ regulation = "vydacha_arhivnyh_spravok", participants = ["mio", "is_mio", "con", "is_con"] }]
"#;

/// Writes the demo's files into `dir` (those missing), returning the
/// configuration's path.
pub fn demo(dir: &Path) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let config = dir.join("reglament.toml");
    if !config.exists() {
        std::fs::write(&config, DEMO_CONFIG).map_err(|e| format!("cannot write {}: {e}", config.display()))?;
    }
    let key = dir.join("reglament.key");
    if !key.exists() {
        crate::auth::write_private(&key, &format!("{}\n", Key::generate().to_hex()))?;
    }
    let signing = dir.join("signing-key.json");
    if !signing.exists() {
        let new = SigningKey::generate()?;
        crate::auth::write_private(&signing, &new.to_file())?;
        std::fs::write(dir.join("jwks.json"), new.jwks()).map_err(|e| format!("cannot write the JWKS: {e}"))?;
    }
    Ok(config)
}
