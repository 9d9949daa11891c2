//! Engines, one per store connection, lent to one request at a time. The
//! engine is synchronous (SQLite, the PostgreSQL client): it runs on
//! Tokio's blocking threads, so a slow store never stalls the server's
//! other connections.

use std::sync::{Arc, Mutex};

use reglament_engine::{CaseStore, EngineError, StoreError};
use tokio::sync::Semaphore;

use crate::AnyEngine;

/// Opens one more engine (a new connection).
pub type Opener = Box<dyn Fn() -> Result<AnyEngine, EngineError> + Send + Sync>;

/// The engines.
pub struct Pool {
    idle: Mutex<Vec<AnyEngine>>,
    permits: Semaphore,
    open: Opener,
}

impl std::fmt::Debug for Pool {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Pool({} permits)", self.permits.available_permits())
    }
}

impl Pool {
    /// A pool of at most `size` engines, opened by `open` when first needed
    /// (and again if one is lost).
    pub fn new(size: usize, open: Opener) -> Pool {
        Pool { idle: Mutex::new(Vec::new()), permits: Semaphore::new(size.max(1)), open }
    }

    /// Puts an engine opened elsewhere into the pool.
    pub fn give_back(&self, engine: AnyEngine) {
        self.idle.lock().unwrap_or_else(|p| p.into_inner()).push(engine);
    }

    /// Runs `work` on an engine, on a blocking thread.
    pub async fn run<T, F>(self: &Arc<Self>, work: F) -> Result<T, EngineError>
    where
        T: Send + 'static,
        F: FnOnce(&mut AnyEngine) -> Result<T, EngineError> + Send + 'static,
    {
        let lost = || EngineError::Store(StoreError::BadRow("the service is shutting down".to_string()));
        let _permit = self.permits.acquire().await.map_err(|_| lost())?;
        let pool = Arc::clone(self);
        let joined = tokio::task::spawn_blocking(move || {
            let idle = pool.idle.lock().unwrap_or_else(|p| p.into_inner()).pop();
            let mut engine = match idle {
                Some(engine) => engine,
                None => (pool.open)()?,
            };
            let result = work(&mut engine);
            // A lost connection is not given to the next request: it opens another.
            if !engine.store().is_broken() {
                pool.idle.lock().unwrap_or_else(|p| p.into_inner()).push(engine);
            }
            result
        })
        .await;
        // A panic loses that engine only; the next request opens another.
        joined.unwrap_or_else(|_| Err(EngineError::Store(StoreError::BadRow("a request failed".to_string()))))
    }
}

impl Drop for Pool {
    /// Engines are closed on a thread of their own: a PostgreSQL client
    /// closes its connection by blocking, which an async task must not do.
    fn drop(&mut self) {
        let engines = std::mem::take(self.idle.get_mut().unwrap_or_else(|p| p.into_inner()));
        if !engines.is_empty() {
            let _ = std::thread::spawn(move || drop(engines)).join();
        }
    }
}
