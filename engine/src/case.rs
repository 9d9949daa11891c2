//! The typed API: cases of a generated channel, started with a generated
//! form and moved by the channel's generated enums.
//!
//! The string-id API ([`Engine::start`], [`Engine::advance`]) serves callers
//! that learn the regulation at run time, like the command line. A service
//! written in Rust knows at compile time which channel it runs, so here the
//! channel is a type parameter (`M`, the generated `Action` enum): a case of
//! one channel cannot be moved to another channel's action, an outcome
//! belongs to one branching action, and the current state reads back as `M`.
//!
//! Every method goes through the same plan and commit as the string-id API:
//! the table, the responsible participant, time order and the store's
//! optimistic versions are checked once, in one place. What types cannot
//! prove — that a stored id is a case of `M`'s channel, that a form belongs
//! to the channel's regulation, that the case is at an outcome's branching
//! action — is checked at run time, on the same read as the plan.

use std::fmt;
use std::marker::PhantomData;

use reglament_runtime::{Form, LocalDateTime, Outcome, StateMachine};
use serde::de::DeserializeOwned;

use crate::application::{Application, FlkStatus};
use crate::engine::{check_channel, Engine, Expect, StartRequest, Target};
use crate::error::EngineError;
use crate::store::{CaseStore, StoredInstance};

/// A case (an instance) of the channel whose state machine is `M`: its id,
/// typed. Cheap to copy and to keep; it borrows nothing from the engine.
///
/// Get one from [`Engine::start_case`], or for an id stored elsewhere (a
/// request path, a queue message) from [`Engine::case`], which checks that
/// the instance is a case of `M`'s channel.
pub struct Case<M> {
    id: i64,
    // `fn() -> M`: the handle neither owns an `M` nor limits where it may be sent.
    machine: PhantomData<fn() -> M>,
}

impl<M: StateMachine> Case<M> {
    fn new(id: i64) -> Case<M> {
        Case { id, machine: PhantomData }
    }

    /// The instance's id in the store (for the string-id API, timelines and
    /// the command line).
    pub fn id(self) -> i64 {
        self.id
    }
}

// Written out rather than derived: derives would ask `M` for the same traits
// (and `Hash`, which `StateMachine` does not promise), yet only the id is stored.
impl<M> Clone for Case<M> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<M> Copy for Case<M> {}

impl<M> PartialEq for Case<M> {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl<M> Eq for Case<M> {}

impl<M> std::hash::Hash for Case<M> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.id.hash(state);
    }
}

impl<M: StateMachine> fmt::Debug for Case<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Case({} of {} / {})", self.id, M::SPEC.regulation, M::SPEC.id)
    }
}

impl<M: StateMachine> fmt::Display for Case<M> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "case {} of {} / {}", self.id, M::SPEC.regulation, M::SPEC.id)
    }
}

/// Where a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CaseState<M> {
    /// At this action: its responsible participant is to perform it.
    At(M),
    /// This final action is done: the service has ended.
    Ended(M),
}

impl<M: StateMachine> CaseState<M> {
    /// The current action, or the last one once the service has ended.
    pub fn action(self) -> M {
        match self {
            CaseState::At(m) | CaseState::Ended(m) => m,
        }
    }

    /// The action to perform next; `None` once the service has ended.
    pub fn current(self) -> Option<M> {
        match self {
            CaseState::At(m) => Some(m),
            CaseState::Ended(_) => None,
        }
    }

    /// Whether the service has ended.
    pub fn is_ended(self) -> bool {
        matches!(self, CaseState::Ended(_))
    }

    fn from_stored(state: u32, finished: bool) -> Result<CaseState<M>, EngineError> {
        let action = M::from_number(state).ok_or_else(|| EngineError::UnknownAction {
            channel: M::SPEC.id.to_string(),
            number: state.to_string(),
            known: M::SPEC.actions.iter().map(|a| a.number).collect(),
        })?;
        Ok(if finished { CaseState::Ended(action) } else { CaseState::At(action) })
    }
}

impl<S: CaseStore> Engine<S> {
    /// Starts a case of `M`'s channel with a typed application, performed
    /// by `actor` (the participant responsible for the first action).
    ///
    /// The form must belong to the channel's regulation; the application
    /// must pass its FLK rules, every violation reported at once
    /// ([`EngineError::Refused`]). Nothing is stored when it is refused.
    pub fn start_case<M: StateMachine, F: Form>(
        &mut self,
        application: &F,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<Case<M>, EngineError> {
        form_of_regulation::<M, F>()?;
        let request = StartRequest {
            regulation: M::SPEC.regulation,
            channel: M::SPEC.id,
            form: Some(F::SPEC.id),
            application: Application::from_form(application),
            actor,
            at,
            key: None,
        };
        Ok(Case::new(self.start(request)?))
    }

    /// Starts a case of `M`'s channel of a regulation that has no form: there
    /// is no application to check. A regulation with a form refuses it
    /// ([`EngineError::FormRequired`]): use [`Engine::start_case`].
    pub fn start_case_without_form<M: StateMachine>(
        &mut self,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<Case<M>, EngineError> {
        let regulation = self.registry().regulation(M::SPEC.regulation)?;
        if !regulation.forms.is_empty() {
            let forms = regulation.forms.iter().map(|f| f.id).collect();
            return Err(EngineError::FormRequired { regulation: regulation.id, forms });
        }
        let request = StartRequest {
            regulation: M::SPEC.regulation,
            channel: M::SPEC.id,
            form: None,
            application: Application::default(),
            actor,
            at,
            key: None,
        };
        Ok(Case::new(self.start(request)?))
    }

    /// The typed handle of instance `id`, which must be a case of `M`'s
    /// channel ([`EngineError::OtherChannel`] otherwise).
    pub fn case<M: StateMachine>(&self, id: i64) -> Result<Case<M>, EngineError> {
        self.instance_of::<M>(id)?;
        Ok(Case::new(id))
    }

    /// Where the case stands, as its channel's state.
    pub fn state<M: StateMachine>(&self, case: Case<M>) -> Result<CaseState<M>, EngineError> {
        let instance = self.instance_of::<M>(case.id)?;
        CaseState::from_stored(instance.state, instance.finished)
    }

    /// Performs the current action and moves to `to`, if the table allows
    /// it; returns where the case then stands. A forbidden move is refused
    /// ([`EngineError::Transition`]) and writes nothing.
    pub fn advance_to<M: StateMachine>(
        &mut self,
        case: Case<M>,
        to: M,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<CaseState<M>, EngineError> {
        self.move_case(case, Target::Action(to.number()), None, actor, at)
    }

    /// Performs the branching action `O::FROM` and takes the branch
    /// `outcome` names; the journal records the branch's condition. A case
    /// at another action refuses it (a [`reglament_runtime::TransitionError::NotHere`]
    /// in [`EngineError::Transition`]) and nothing is written.
    pub fn take<O: Outcome>(
        &mut self,
        case: Case<O::Machine>,
        outcome: O,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<CaseState<O::Machine>, EngineError> {
        let to = outcome.to().number();
        self.move_case(case, Target::Action(to), Some(O::FROM.number()), actor, at)
    }

    /// Performs the current action, which must be final: the service ends
    /// ([`EngineError::NotFinal`] otherwise).
    pub fn finish<M: StateMachine>(
        &mut self,
        case: Case<M>,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<CaseState<M>, EngineError> {
        self.move_case(case, Target::End, None, actor, at)
    }

    /// The case's application, read back as the typed form `F`, which must
    /// be the form the case was started with, and shown to `who` at `at`:
    /// the journal records the disclosure ([`Engine::disclose`]).
    pub fn application<M: StateMachine, F: Form + DeserializeOwned>(
        &mut self,
        case: Case<M>,
        who: &str,
        at: LocalDateTime,
    ) -> Result<F, EngineError> {
        form_of_regulation::<M, F>()?;
        let instance = self.instance_of::<M>(case.id)?;
        let does_not_fit = || EngineError::ApplicationDoesNotFit { instance: case.id, form: F::SPEC.id };
        if matches!(&instance.flk, FlkStatus::Checked(form) if form != F::SPEC.id) {
            return Err(does_not_fit());
        }
        let application = self.disclose(case.id, who, at)?;
        // Through JSON, the form's own serde reading: unknown fields are
        // refused there. Serde's message is dropped, as it may quote values.
        serde_json::from_str(&application.to_json()).map_err(|_| does_not_fit())
    }

    /// Plans and commits one move of a typed case; `at_action` is the action
    /// the case must be at (an outcome's branching action).
    fn move_case<M: StateMachine>(
        &mut self,
        case: Case<M>,
        target: Target,
        at_action: Option<u32>,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<CaseState<M>, EngineError> {
        let expect = Expect { channel: Some(M::SPEC), at: at_action };
        let transition = self.plan_expecting(case.id, target, actor, at, expect)?;
        self.commit(&transition)?;
        CaseState::from_stored(transition.state, transition.finished)
    }

    /// Instance `id`, checked to be a case of `M`'s channel.
    fn instance_of<M: StateMachine>(&self, id: i64) -> Result<StoredInstance, EngineError> {
        let instance = self.store().instance(id)?.ok_or(EngineError::UnknownInstance(id))?;
        check_channel(&instance, M::SPEC)?;
        Ok(instance)
    }
}

/// Types cannot tie a form to a channel (the generated crate has no such
/// link), so this is checked at run time.
fn form_of_regulation<M: StateMachine, F: Form>() -> Result<(), EngineError> {
    if F::SPEC.regulation == M::SPEC.regulation {
        return Ok(());
    }
    Err(EngineError::FormOfOtherRegulation {
        form: F::SPEC.id,
        form_regulation: F::SPEC.regulation,
        regulation: M::SPEC.regulation,
        channel: M::SPEC.id,
    })
}
