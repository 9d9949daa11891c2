//! Finding regulations, channels, forms and actions by id in the generated
//! tables. The engine works from these tables only, so it runs every
//! generated channel without code of its own per regulation.

use reglament_runtime::{ActionSpec, ChannelSpec, FormSpec, RegulationSpec};

use crate::error::EngineError;

/// The regulations the engine can run.
#[derive(Debug, Clone, Copy)]
pub struct Registry {
    regulations: &'static [&'static RegulationSpec],
}

impl Default for Registry {
    /// Every regulation of `reglament-generated`.
    fn default() -> Self {
        Registry { regulations: reglament_generated::REGULATIONS }
    }
}

impl Registry {
    /// A registry of these regulations (tests use their own).
    pub const fn new(regulations: &'static [&'static RegulationSpec]) -> Self {
        Registry { regulations }
    }

    /// Every regulation.
    pub fn regulations(&self) -> &'static [&'static RegulationSpec] {
        self.regulations
    }

    /// The regulation with this id.
    pub fn regulation(&self, id: &str) -> Result<&'static RegulationSpec, EngineError> {
        self.regulations.iter().copied().find(|r| r.id == id).ok_or_else(|| EngineError::UnknownRegulation {
            id: id.to_string(),
            known: self.regulations.iter().map(|r| r.id).collect(),
        })
    }

    /// The channel `channel` of regulation `regulation`.
    pub fn channel(&self, regulation: &str, channel: &str) -> Result<&'static ChannelSpec, EngineError> {
        let reg = self.regulation(regulation)?;
        reg.channels.iter().copied().find(|c| c.id == channel).ok_or_else(|| EngineError::UnknownChannel {
            regulation: regulation.to_string(),
            id: channel.to_string(),
            known: reg.channels.iter().map(|c| c.id).collect(),
        })
    }

    /// The form an application of `regulation` is checked against: the one
    /// named, or the only one; `None` when the regulation has no form.
    pub fn form(&self, regulation: &str, id: Option<&str>) -> Result<Option<&'static FormSpec>, EngineError> {
        let reg = self.regulation(regulation)?;
        let unknown = |id: Option<&str>| EngineError::UnknownForm {
            regulation: regulation.to_string(),
            id: id.map(str::to_string),
            known: reg.forms.iter().map(|f| f.id).collect(),
        };
        match (id, reg.forms) {
            (Some(id), forms) => forms.iter().copied().find(|f| f.id == id).map(Some).ok_or_else(|| unknown(Some(id))),
            (None, []) => Ok(None),
            (None, [only]) => Ok(Some(*only)),
            (None, _) => Err(unknown(None)),
        }
    }
}

/// The action `number` of `channel`.
pub fn action(channel: &'static ChannelSpec, number: u32) -> Result<&'static ActionSpec, EngineError> {
    channel.action(number).ok_or_else(|| EngineError::UnknownAction {
        channel: channel.id.to_string(),
        number: number.to_string(),
        known: channel.actions.iter().map(|a| a.number).collect(),
    })
}
