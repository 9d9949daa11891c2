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
//!   committed in one SQLite transaction with optimistic versioning, and
//!   chained to the entry before it by a SHA-256 hash ([`Store`]);
//! - a case keeps the **edition** of its regulation and the calendar data it
//!   started under ([`edition`]); repealed regulations start no new case;
//! - applications are **sealed** at rest with the operator's key ([`Key`]),
//!   and every disclosure is recorded ([`Engine::disclose`]);
//! - each step and the whole service have **due times** on Kazakhstan's
//!   working-day calendar and the providers' working hours ([`Timeline`],
//!   [`Engine::overdue`], docs/deadlines.md).
//!
//! Two ways in, over the same plan and commit:
//!
//! - **typed**, for services written in Rust: a [`Case`] of a generated
//!   channel starts with a generated form ([`Engine::start_case`]) and moves
//!   by the channel's generated enums ([`Engine::advance_to`], an outcome
//!   with [`Engine::take`], [`Engine::finish`]); its state reads back typed
//!   ([`Engine::state`]). docs/service.md is the guide;
//! - **by string ids**, for callers that learn the regulation at run time:
//!   [`StartRequest`] and [`Target`]. The `reglament` binary (crate
//!   `reglament-server`: the command line and the HTTP service) uses it.
//!
//! Invariant: the engine knows regulations only through the generated tables
//! and the runtime's types; it has no code per regulation, and the runtime
//! does not know the engine.

pub mod application;
pub mod case;
pub mod edition;
pub mod engine;
pub mod error;
pub mod messages;
pub mod registry;
pub mod report;
pub mod schedule;
pub mod seal;
pub mod store;
pub mod text;

pub use application::{Application, FlkStatus, MAX_APPLICATION_BYTES};
pub use case::{Case, CaseState};
pub use edition::EditionRecord;
pub use engine::{
    now_in_kazakhstan, prepare_start, Acting, Advanced, Engine, OverdueReport, OverdueRow, StartPolicy, StartRequest,
    Target,
};
pub use error::{ApplicationProblem, EngineError, StoreError};
pub use messages::Lang;
pub use registry::Registry;
pub use schedule::{Basis, ServiceDue, Step, StepDue, Timeline};
pub use seal::{Key, KeyError};
pub use store::{
    CalendarRecord, CaseFile, CaseStore, Damaged, Disclosure, Durability, Escalation, EscalationKind, EscalationRecord,
    Inserted, JournalEntry, Keyed, Listing, NewEscalation, NewInstance, OpenMode, Store, StoreOptions, StoredInstance,
    Transition, Verification, SCHEMA_VERSION,
};

/// docs/service.md, the guide to building a service on the generated crate
/// and this engine: its `rust` blocks run as doc tests, so the guide's
/// examples are compiled and checked by `cargo test`.
#[cfg(doctest)]
#[doc = include_str!("../../docs/service.md")]
pub struct ServiceGuide;
