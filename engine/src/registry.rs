//! Finding regulations, channels, forms and actions by id in the generated
//! tables. The engine works from these tables only, so it runs every
//! generated channel without code of its own per regulation.
//!
//! A registry may know several editions of one regulation (the same id, a
//! different source document): a new case takes the edition in force on its
//! start date ([`Registry::in_force_on`]); a running case keeps the edition it
//! started under (its snapshot in the store), whatever the registry says.

use reglament_runtime::{ActionSpec, ChannelSpec, Date, FormSpec, RegulationSpec};

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

    /// The editions of the regulation with this id, in registry order.
    pub fn editions(&self, id: &str) -> Vec<&'static RegulationSpec> {
        self.regulations.iter().copied().filter(|r| r.id == id).collect()
    }

    /// The regulation with this id, in its latest edition: the one that
    /// comes into force last (an edition without a date counts as the
    /// earliest), the later in the registry among equals.
    pub fn regulation(&self, id: &str) -> Result<&'static RegulationSpec, EngineError> {
        let editions = self.editions(id);
        editions.iter().copied().max_by_key(|r| r.edition.in_force_from).ok_or_else(|| self.unknown(id))
    }

    /// The edition of regulation `id` in force on `date`: of the editions in
    /// force by then (one without a date is in force from any date), the one
    /// that came into force last. Whether it is repealed is the caller's
    /// question ([`RegulationSpec::is_repealed_on`]).
    pub fn in_force_on(&self, id: &str, date: Date) -> Result<&'static RegulationSpec, EngineError> {
        let editions = self.editions(id);
        if editions.is_empty() {
            return Err(self.unknown(id));
        }
        let in_force: Vec<&'static RegulationSpec> =
            editions.iter().copied().filter(|r| r.edition.in_force_from.is_none_or(|d| d <= date)).collect();
        let Some(latest) = in_force.iter().map(|r| r.edition.in_force_from).max() else {
            let first = editions.iter().filter_map(|r| r.edition.in_force_from).min();
            return Err(EngineError::NoEditionInForce { regulation: id.to_string(), date, first });
        };
        let candidates: Vec<&'static RegulationSpec> =
            in_force.into_iter().filter(|r| r.edition.in_force_from == latest).collect();
        match candidates.as_slice() {
            [one] => Ok(one),
            many => Err(EngineError::AmbiguousEdition {
                regulation: id.to_string(),
                editions: many.iter().map(|r| r.edition.sha256).collect(),
            }),
        }
    }

    fn unknown(&self, id: &str) -> EngineError {
        let mut known: Vec<&'static str> = self.regulations.iter().map(|r| r.id).collect();
        known.dedup();
        EngineError::UnknownRegulation { id: id.to_string(), known }
    }

    /// The channel `channel` of regulation `regulation`'s latest edition.
    pub fn channel(&self, regulation: &str, channel: &str) -> Result<&'static ChannelSpec, EngineError> {
        channel_of(self.regulation(regulation)?, channel)
    }

    /// The form an application of `regulation` (its latest edition) is
    /// checked against: the one named, or the only one; `None` when the
    /// regulation has no form.
    pub fn form(&self, regulation: &str, id: Option<&str>) -> Result<Option<&'static FormSpec>, EngineError> {
        form_of(self.regulation(regulation)?, id)
    }
}

/// The channel with this id of an edition.
pub fn channel_of(reg: &'static RegulationSpec, channel: &str) -> Result<&'static ChannelSpec, EngineError> {
    reg.channels.iter().copied().find(|c| c.id == channel).ok_or_else(|| EngineError::UnknownChannel {
        regulation: reg.id.to_string(),
        id: channel.to_string(),
        known: reg.channels.iter().map(|c| c.id).collect(),
    })
}

/// The form of an edition an application is checked against: the one named,
/// or the only one; `None` when it has no form.
pub fn form_of(reg: &'static RegulationSpec, id: Option<&str>) -> Result<Option<&'static FormSpec>, EngineError> {
    let unknown = |id: Option<&str>| EngineError::UnknownForm {
        regulation: reg.id.to_string(),
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

/// The action `number` of `channel`.
pub fn action(channel: &'static ChannelSpec, number: u32) -> Result<&'static ActionSpec, EngineError> {
    channel.action(number).ok_or_else(|| EngineError::UnknownAction {
        channel: channel.id.to_string(),
        number: number.to_string(),
        known: channel.actions.iter().map(|a| a.number).collect(),
    })
}
