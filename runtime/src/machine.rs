//! The state-machine trait generated channels implement, and its errors.

use std::fmt;

use crate::spec::{ActionSpec, ChannelSpec};

/// The participants who act in a channel: one value per participant the
/// channel's table names. Generated per channel.
pub trait Role: Sized + Copy + Eq + fmt::Debug + 'static {
    /// Every participant of the channel, in order of first appearance.
    const ALL: &'static [Self];

    /// The participant's id, as the rendition names it.
    fn id(self) -> &'static str;

    /// The participant with this id, if it acts in the channel.
    fn from_id(id: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|r| r.id() == id)
    }
}

/// A channel's state machine: one value per action of its table.
///
/// Generated enums implement the required items; every behaviour is
/// provided here from the channel's [`ChannelSpec`].
pub trait StateMachine: Sized + Copy + Eq + fmt::Debug + 'static {
    /// Who acts in the channel.
    type Participant: Role;
    /// The channel's table.
    const SPEC: &'static ChannelSpec;
    /// Every state, in the order of `SPEC.actions`.
    const ALL: &'static [Self];
    /// This state's position in `SPEC.actions`.
    fn index(self) -> usize;

    /// The action this state stands for.
    fn spec(self) -> &'static ActionSpec {
        &Self::SPEC.actions[self.index()]
    }

    /// The action's number in the table.
    fn number(self) -> u32 {
        self.spec().number
    }

    /// The state for an action number.
    fn from_number(number: u32) -> Option<Self> {
        Self::ALL.iter().copied().find(|s| s.number() == number)
    }

    /// The first action of the channel.
    fn start() -> Self {
        Self::from_number(Self::SPEC.start).unwrap_or(Self::ALL[0])
    }

    /// The participant responsible for this action, when the table names one.
    fn participant(self) -> Option<Self::Participant> {
        self.spec().participant.and_then(Self::Participant::from_id)
    }

    /// Whether the service ends here.
    fn is_terminal(self) -> bool {
        self.spec().is_final()
    }

    /// The states the table allows next.
    fn successors(self) -> Vec<Self> {
        self.spec().next.iter().filter_map(|b| Self::from_number(b.to)).collect()
    }

    /// Moves to `to` if the table allows it.
    fn advance(self, to: Self) -> Result<Self, TransitionError> {
        let spec = Self::SPEC;
        if self.is_terminal() {
            return Err(TransitionError::Terminal { channel: spec.id, from: self.number() });
        }
        if spec.allows(self.number(), to.number()) {
            Ok(to)
        } else {
            Err(TransitionError::NotAllowed {
                channel: spec.id,
                from: self.number(),
                to: to.number(),
                allowed: self.spec().next.iter().map(|b| b.to).collect(),
            })
        }
    }
}

/// The ways a branching action may end: one value per branch of its
/// next-action cell, named from the document's condition. Generated per
/// branching action.
pub trait Outcome: Sized + Copy + Eq + fmt::Debug + 'static {
    /// The channel's machine.
    type Machine: StateMachine;
    /// The action that branches.
    const FROM: Self::Machine;
    /// Every outcome, in the order of the cell.
    const ALL: &'static [Self];

    /// The action this outcome leads to.
    fn to(self) -> Self::Machine;

    /// The branch's condition, verbatim, if the table gives one.
    fn when(self) -> Option<&'static str> {
        let index = Self::ALL.iter().position(|o| *o == self)?;
        Self::FROM.spec().next.get(index).and_then(|b| b.when)
    }

    /// Takes this outcome from `state`, which must be the branching action.
    fn apply(self, state: Self::Machine) -> Result<Self::Machine, TransitionError> {
        if state != Self::FROM {
            let spec = <Self::Machine as StateMachine>::SPEC;
            return Err(TransitionError::NotHere {
                channel: spec.id,
                at: state.number(),
                branching: Self::FROM.number(),
            });
        }
        state.advance(self.to())
    }
}

/// A transition the table does not allow.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TransitionError {
    /// The table has no arrow from `from` to `to`.
    NotAllowed {
        /// The channel's id.
        channel: &'static str,
        /// The current action.
        from: u32,
        /// The action asked for.
        to: u32,
        /// The actions the table allows after `from`.
        allowed: Vec<u32>,
    },
    /// The current action is final.
    Terminal {
        /// The channel's id.
        channel: &'static str,
        /// The final action.
        from: u32,
    },
    /// An outcome of another action than the current one.
    NotHere {
        /// The channel's id.
        channel: &'static str,
        /// The current action.
        at: u32,
        /// The action whose outcome it is.
        branching: u32,
    },
}

impl fmt::Display for TransitionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TransitionError::NotAllowed { channel, from, to, allowed } => {
                let allowed: Vec<String> = allowed.iter().map(u32::to_string).collect();
                write!(
                    f,
                    "channel `{channel}`: action {from} cannot be followed by action {to}; the table allows {}",
                    allowed.join(", ")
                )
            }
            TransitionError::Terminal { channel, from } => {
                write!(f, "channel `{channel}`: action {from} is final; the service has ended")
            }
            TransitionError::NotHere { channel, at, branching } => {
                write!(
                    f,
                    "channel `{channel}`: the case is at action {at}, not at action {branching} whose outcome this is"
                )
            }
        }
    }
}

impl std::error::Error for TransitionError {}

/// Drives a machine along every path of its table and tries every transition
/// the table forbids. Generated crates call it from their tests; it returns a
/// description of the first disagreement between the enum and the table.
pub fn exercise<M: StateMachine>() -> Result<usize, String> {
    let spec = M::SPEC;
    if M::ALL.len() != spec.actions.len() {
        return Err(format!("channel `{}`: {} states for {} actions", spec.id, M::ALL.len(), spec.actions.len()));
    }
    let paths = spec.paths();
    for path in &paths {
        let mut state =
            M::from_number(path[0]).ok_or_else(|| format!("channel `{}`: no state for action {}", spec.id, path[0]))?;
        for &n in &path[1..] {
            let to = M::from_number(n).ok_or_else(|| format!("channel `{}`: no state for action {n}", spec.id))?;
            state = state.advance(to).map_err(|e| e.to_string())?;
        }
        if !state.is_terminal() {
            return Err(format!("channel `{}`: path {path:?} ends on a state that is not terminal", spec.id));
        }
    }
    for &from in M::ALL {
        for &to in M::ALL {
            let allowed = spec.allows(from.number(), to.number());
            if from.advance(to).is_ok() != allowed {
                return Err(format!(
                    "channel `{}`: {} → {} is {} by the table but not by the machine",
                    spec.id,
                    from.number(),
                    to.number(),
                    if allowed { "allowed" } else { "forbidden" }
                ));
            }
        }
    }
    Ok(paths.len())
}
