//! The time of the service. In serve mode the server's clock is the time:
//! no request sets it, so a late officer cannot record "done on time".
//! Tests inject a clock they move.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

use reglament_runtime::LocalDateTime;

/// Kazakhstan's offset from UTC since 1 March 2024, in seconds.
pub const KAZAKHSTAN_OFFSET: i64 = 5 * 3600;

/// Where the time comes from.
pub trait Clock: Send + Sync + std::fmt::Debug {
    /// Seconds since the Unix epoch.
    fn unix(&self) -> i64;

    /// Local civil time in Kazakhstan.
    fn now(&self) -> LocalDateTime {
        LocalDateTime::from_unix(self.unix(), KAZAKHSTAN_OFFSET)
    }
}

/// The system's clock.
#[derive(Debug, Clone, Copy, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn unix(&self) -> i64 {
        let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
        i64::try_from(secs).unwrap_or(i64::MAX)
    }
}

/// A clock that stands still until moved: for tests.
#[derive(Debug, Clone, Default)]
pub struct ManualClock(Arc<AtomicI64>);

impl ManualClock {
    /// A clock at a local time in Kazakhstan.
    pub fn at(local: LocalDateTime) -> ManualClock {
        let clock = ManualClock::default();
        clock.set(local);
        clock
    }

    /// Sets the time.
    pub fn set(&self, local: LocalDateTime) {
        self.0.store(local.seconds() - KAZAKHSTAN_OFFSET, Ordering::SeqCst);
    }

    /// Moves the time on.
    pub fn advance(&self, seconds: i64) {
        self.0.fetch_add(seconds, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn unix(&self) -> i64 {
        self.0.load(Ordering::SeqCst)
    }
}
