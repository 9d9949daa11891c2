//! Constant descriptions of regulations, channels and actions.

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
    /// The id of the responsible participant (СФЕ or information system).
    pub participant: &'static str,
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
    /// The source-document line of the action's number.
    pub source_line: u32,
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

/// A whole regulation in one language.
#[derive(Debug, Clone, Copy)]
pub struct RegulationSpec {
    /// Its id.
    pub id: &'static str,
    /// Its title, verbatim.
    pub title: &'static str,
    /// Its language.
    pub language: Language,
    /// The source document's file name.
    pub source_file: &'static str,
    /// Its channels.
    pub channels: &'static [&'static ChannelSpec],
    /// Its forms.
    pub forms: &'static [&'static FormSpec],
}
