//! The runtime of Reglament: what generated code depends on.
//!
//! Generated modules describe each channel of a regulation as constant data
//! ([`ChannelSpec`], [`ActionSpec`]) plus a small enum per channel that
//! implements [`StateMachine`]; forms implement [`Form`]. All behaviour —
//! which transitions are allowed, what is terminal, how a form is validated —
//! lives here, once, so that generated code stays small and compiles fast.
//!
//! Architecture invariant: this crate knows nothing of pest, of the rendition
//! language or of the compiler. It depends on no other crate of the workspace.

pub mod deadline;
pub mod flk;
pub mod machine;
pub mod spec;

pub use deadline::{Bound, Deadline, Quantity, Unit};
pub use flk::{FieldFormat, FieldSpec, Form, FormSpec, Rule, ValidationErrors, Violation};
pub use machine::{exercise, StateMachine, TransitionError};
pub use spec::{ActionSpec, Branch, ChannelKind, ChannelSpec, Language, RegulationSpec};
