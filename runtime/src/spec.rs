//! Constant descriptions of regulations, channels and actions.

use crate::civil::Date;
use crate::deadline::Deadline;
use crate::flk::FormSpec;

/// The language of a regulation's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Language {
    /// Russian.
    Ru,
    /// Kazakh.
    Kk,
}

impl Language {
    /// The language's code: `ru` or `kk`.
    pub const fn code(self) -> &'static str {
        match self {
            Language::Ru => "ru",
            Language::Kk => "kk",
        }
    }
}

/// The kind of channel through which a citizen gets the service.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChannelKind {
    /// The authorised body (МИО, ММ, уәкілетті орган).
    Authority,
    /// A public service centre (ЦОН, ХҚКО).
    Center,
    /// The e-government portal (ПЭП, ЭҮП).
    Portal,
}

/// What kind of participant acts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ParticipantKind {
    /// A structural-functional unit (СФЕ, ҚФБ): people in an organisation.
    Unit,
    /// An information system (ИС, АЖ).
    System,
    /// The applicant (потребитель, алушы).
    Applicant,
}

/// A participant of a regulation: who may be responsible for an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ParticipantSpec {
    /// Its id, as the rendition names it.
    pub id: &'static str,
    /// Its kind.
    pub kind: ParticipantKind,
    /// Its name, verbatim.
    pub name: &'static str,
}

/// Whether a regulation is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Status {
    /// The rendition does not say.
    NotStated,
    /// In force.
    InForce,
    /// Repealed.
    Repealed {
        /// The repealing act, verbatim, when the rendition records it.
        act: Option<&'static str>,
        /// The day the repeal took effect, when the rendition records it.
        from: Option<Date>,
    },
}

/// The act that approved a regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Act {
    /// The act, verbatim (or as the analyst reads it).
    pub text: &'static str,
    /// Its date.
    pub date: Option<Date>,
}

/// The edition of a source document a regulation was compiled from. Every
/// amendment or restatement of a decree is a new edition, a new file under
/// `regulations/sources/`; a running case keeps the edition it started under.
///
/// Where the regulation stands in the document (its lines) is not here: line
/// numbers move with every inserted line, and the generated code changes only
/// where the law does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Edition {
    /// The source document's file name under `regulations/sources/`.
    pub file: &'static str,
    /// The SHA-256 digest of the document, in lower-case hex: what tells two
    /// editions apart.
    pub sha256: &'static str,
    /// The file of the edition this one follows, when the manifest records it.
    pub follows: Option<&'static str>,
    /// The day this edition of the regulation comes into force, when the
    /// analyst records it.
    pub in_force_from: Option<Date>,
}

/// One way an action may continue.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Branch {
    /// The number of the next action.
    pub to: u32,
    /// The condition under which this branch is taken, verbatim, if the table gives one.
    pub when: Option<&'static str>,
}

/// One action of a channel's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ActionSpec {
    /// The action's number in the table.
    pub number: u32,
    /// The id of the responsible participant (СФЕ or information system),
    /// when the table names one.
    pub participant: Option<&'static str>,
    /// The СФЕ cell, verbatim.
    pub sfe: &'static str,
    /// What is done, verbatim.
    pub action: &'static str,
    /// The completion form, verbatim.
    pub completion: &'static str,
    /// The deadline, if the table gives one.
    pub deadline: Option<Deadline>,
    /// Where the action may go; empty for a final action.
    pub next: &'static [Branch],
}

impl ActionSpec {
    /// Whether the service ends with this action.
    pub const fn is_final(&self) -> bool {
        self.next.is_empty()
    }
}

/// One channel of a regulation: its action table as data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ChannelSpec {
    /// The regulation's id.
    pub regulation: &'static str,
    /// The channel's id.
    pub id: &'static str,
    /// Its kind.
    pub kind: ChannelKind,
    /// The table's caption, verbatim.
    pub title: &'static str,
    /// The number of the first action.
    pub start: u32,
    /// The actions, in table order.
    pub actions: &'static [ActionSpec],
}

impl ChannelSpec {
    /// The action with this number.
    pub fn action(&self, number: u32) -> Option<&'static ActionSpec> {
        self.actions.iter().find(|a| a.number == number)
    }

    /// Whether the table allows going from `from` to `to`.
    pub fn allows(&self, from: u32, to: u32) -> bool {
        self.action(from).is_some_and(|a| a.next.iter().any(|b| b.to == to))
    }

    /// Every path from the first action to a final one that visits no action
    /// twice, as action numbers. Cycles are cut where they close.
    pub fn paths(&self) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut path = vec![self.start];
        self.walk(&mut path, &mut out);
        out
    }

    fn walk(&self, path: &mut Vec<u32>, out: &mut Vec<Vec<u32>>) {
        let Some(&here) = path.last() else { return };
        let Some(action) = self.action(here) else { return };
        if action.is_final() {
            out.push(path.clone());
            return;
        }
        for branch in action.next {
            if path.contains(&branch.to) {
                continue;
            }
            path.push(branch.to);
            self.walk(path, out);
            path.pop();
        }
    }
}

/// A whole regulation in one language: enough to tell it from every other
/// regulation of the crate, two with the same title included.
#[derive(Debug, Clone, Copy)]
pub struct RegulationSpec {
    /// Its id.
    pub id: &'static str,
    /// Its title, verbatim (or as the analyst reads it).
    pub title: &'static str,
    /// Its language.
    pub language: Language,
    /// The id of the regulation this is a language version of.
    pub version_of: Option<&'static str>,
    /// Whether it is in force.
    pub status: Status,
    /// The issuing body, verbatim.
    pub issuer: Option<&'static str>,
    /// The region of the issuing body, as an id (docs/language.md lists them).
    pub region: Option<&'static str>,
    /// The approving act and its date.
    pub act: Option<Act>,
    /// The overall service term, where the regulation states one.
    pub term: Option<Deadline>,
    /// The edition of the source document it renders.
    pub edition: Edition,
    /// The rendition it was compiled from, relative to the workspace root.
    pub rendition: &'static str,
    /// Its participants.
    pub participants: &'static [ParticipantSpec],
    /// Its channels.
    pub channels: &'static [&'static ChannelSpec],
    /// Its forms.
    pub forms: &'static [&'static FormSpec],
}

impl RegulationSpec {
    /// The participant with this id.
    pub fn participant(&self, id: &str) -> Option<&'static ParticipantSpec> {
        self.participants.iter().find(|p| p.id == id)
    }

    /// Whether it is repealed on `date` (a repeal without a date counts from
    /// any date).
    pub fn is_repealed_on(&self, date: Date) -> bool {
        match self.status {
            Status::Repealed { from: Some(from), .. } => date >= from,
            Status::Repealed { from: None, .. } => true,
            Status::InForce | Status::NotStated => false,
        }
    }
}
