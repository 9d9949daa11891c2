//! The runtime of Reglament: what generated code depends on.
//!
//! Generated modules describe each channel of a regulation as constant data
//! ([`ChannelSpec`], [`ActionSpec`]) plus a small enum per channel that
//! implements [`StateMachine`]; forms implement [`Form`]. All behaviour —
//! which transitions are allowed, what is terminal, how a form is validated —
//! lives here, once, so that generated code stays small and compiles fast.
//!
//! It also holds what running a service needs and generated code may use:
//! local civil time ([`civil`]), Kazakhstan's working-day calendar
//! ([`calendar`], built-in data for 2011–2027, replaceable by year), the
//! providers' working hours ([`hours`]), when a deadline falls due on them
//! ([`Deadline::due`], docs/deadlines.md), and IIN/BIN validation
//! ([`ident`]).
//!
//! Architecture invariant: this crate knows nothing of pest, of the rendition
//! language or of the compiler. It depends on no other crate of the workspace.

pub mod calendar;
pub mod civil;
pub mod deadline;
pub mod flk;
pub mod hours;
pub mod ident;
pub mod machine;
pub mod spec;

pub use calendar::{Calendar, CalendarError, Caveat, DayKind, TransferStatus};
pub use civil::{Date, LocalDateTime, ParseTimeError, Weekday};
pub use deadline::{Anchors, Bound, DayCount, Deadline, DeadlineError, Due, Quantity, Term, TermStart, Unit, Which};
pub use flk::{FieldFormat, FieldSpec, Form, FormSpec, Rule, ValidationErrors, Violation};
pub use hours::Hours;
pub use ident::IdError;
pub use machine::{exercise, Outcome, Role, StateMachine, TransitionError};
pub use spec::{
    Act, ActionSpec, Branch, ChannelKind, ChannelSpec, Edition, Language, ParticipantKind, ParticipantSpec,
    RegulationSpec, Status,
};
