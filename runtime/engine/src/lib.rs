//! Runs Reglament's generated services.
//!
//! The generated crate describes each channel of a regulation as a table of
//! actions ([`reglament_runtime::ChannelSpec`]); this crate runs them, for
//! every regulation at once, from the tables alone:
//!
//! - an **instance** of a channel starts from an application that passes the
//!   form's FLK rules ([`Application`], [`Engine::start`]);
//! - it advances action by action; only the participant responsible for the
//!   current action may advance it ([`Engine::advance`]);
//! - every transition is a **journal** entry — time, actor, from, to, branch —
//!   committed in one SQLite transaction with optimistic versioning
//!   ([`Store`]);
//! - each step and the whole service have **due times** on Kazakhstan's
//!   working-day calendar ([`Timeline`], [`Engine::overdue`]).
//!
//! The `reglament` binary is the command line over this library.
//!
//! Invariant: the engine knows regulations only through the generated tables
//! and the runtime's types; it has no code per regulation, and the runtime
//! does not know the engine.

pub mod application;
pub mod engine;
pub mod error;
pub mod registry;
pub mod report;
pub mod schedule;
pub mod store;

pub use application::{Application, FlkStatus};
pub use engine::{now_in_kazakhstan, prepare_start, Engine, OverdueReport, OverdueRow, StartRequest, Target};
pub use error::{ApplicationProblem, EngineError, StoreError};
pub use registry::Registry;
pub use schedule::{ServiceDue, Step, Timeline};
pub use store::{Durability, JournalEntry, NewInstance, OpenMode, Store, StoredInstance, Transition, SCHEMA_VERSION};
