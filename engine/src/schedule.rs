//! Due times: of each step of an instance, and of the whole service.
//!
//! A step is due by its action's deadline counted from when the step began
//! (the journal entry that entered it) — see [`Deadline::due`] for the
//! counting rules. Actions without a deadline are never overdue.
//!
//! The whole service is due after the maxima of the actions on the path
//! actually taken so far, followed by the *longest* remaining path from the
//! current action to a final one, each maximum counted from where the
//! previous one ends, starting at the instance's start. "Longest" is the
//! remaining path that ends latest. So the service's due time is planned,
//! not measured: a late step does not move it, and an early one does not
//! give time back. Exceptional maxima («в исключительных случаях до 6 мес.»)
//! give a second, exceptional due time.

use std::collections::BTreeSet;

use reglament_runtime::{ActionSpec, Calendar, Caveat, ChannelSpec, Deadline, Due, LocalDateTime, Which};

use crate::error::EngineError;
use crate::store::{JournalEntry, StoredInstance};

/// One step of an instance: an action it entered.
#[derive(Debug, Clone)]
pub struct Step {
    /// The action.
    pub action: &'static ActionSpec,
    /// The journal entry that entered it.
    pub entered: JournalEntry,
    /// When it was left (the next entry's time), if it was.
    pub left: Option<LocalDateTime>,
    /// Who completed it, if it was completed.
    pub done_by: Option<String>,
    /// When it is due, if the action has a deadline.
    pub due: Option<Due>,
    /// When it is due in exceptional cases, if the deadline has an exceptional maximum.
    pub exceptional_due: Option<Due>,
}

impl Step {
    /// Seconds past the due time: at `left` for a completed step, at `now`
    /// for the current one; `None` when on time or without a deadline.
    pub fn late_by(&self, now: LocalDateTime) -> Option<i64> {
        let due = self.due.as_ref()?;
        let end = self.left.unwrap_or(now);
        let late = end.seconds_since(due.at);
        (late > 0).then_some(late)
    }
}

/// When the whole service is due.
#[derive(Debug, Clone)]
pub struct ServiceDue {
    /// The due time under ordinary maxima.
    pub at: LocalDateTime,
    /// The due time under exceptional maxima, when some action has one.
    pub exceptional_at: Option<LocalDateTime>,
    /// The path counted: actions taken, then the longest remaining path.
    pub path: Vec<u32>,
    /// How many of `path` are the actions already taken.
    pub taken: usize,
    /// Actions of the path without a deadline (they add nothing).
    pub without_deadline: Vec<u32>,
    /// Why the calendar may have got it wrong.
    pub caveats: Vec<Caveat>,
}

/// An instance with its steps and due times.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The instance.
    pub instance: StoredInstance,
    /// Its channel's table.
    pub channel: &'static ChannelSpec,
    /// Its steps, in order.
    pub steps: Vec<Step>,
    /// When the service is due.
    pub service: ServiceDue,
}

impl Timeline {
    /// Builds an instance's timeline from its journal.
    pub fn build(
        instance: StoredInstance,
        channel: &'static ChannelSpec,
        journal: Vec<JournalEntry>,
        calendar: &Calendar,
    ) -> Result<Timeline, EngineError> {
        let steps = steps(channel, &journal, calendar)?;
        let taken: Vec<u32> = steps.iter().map(|s| s.action.number).collect();
        let service = service_due(channel, instance.started_at, &taken, instance.finished, calendar)?;
        Ok(Timeline { instance, channel, steps, service })
    }

    /// The current step, unless the instance is finished.
    pub fn current(&self) -> Option<&Step> {
        self.steps.last().filter(|_| !self.instance.finished)
    }
}

fn steps(
    channel: &'static ChannelSpec,
    journal: &[JournalEntry],
    calendar: &Calendar,
) -> Result<Vec<Step>, EngineError> {
    let mut out = Vec::new();
    for (i, entry) in journal.iter().enumerate() {
        let Some(number) = entry.to else { continue };
        let action = crate::registry::action(channel, number)?;
        let next = journal.get(i + 1);
        let (due, exceptional_due) = match &action.deadline {
            Some(d) => (Some(d.due(entry.at, calendar, Which::Max)?), exceptional(d, entry.at, calendar)?),
            None => (None, None),
        };
        out.push(Step {
            action,
            entered: entry.clone(),
            left: next.map(|n| n.at),
            done_by: next.map(|n| n.actor.clone()),
            due,
            exceptional_due,
        });
    }
    Ok(out)
}

fn exceptional(d: &Deadline, start: LocalDateTime, calendar: &Calendar) -> Result<Option<Due>, EngineError> {
    match d.exceptional_max {
        Some(_) => Ok(Some(d.due(start, calendar, Which::Exceptional)?)),
        None => Ok(None),
    }
}

/// The service's due time: maxima along `taken` and then the remaining path
/// from its last action that ends latest.
pub fn service_due(
    channel: &'static ChannelSpec,
    start: LocalDateTime,
    taken: &[u32],
    finished: bool,
    calendar: &Calendar,
) -> Result<ServiceDue, EngineError> {
    let remaining = match (taken.last(), finished) {
        (Some(&current), false) => remaining_paths(channel, current),
        _ => vec![Vec::new()],
    };
    let mut best: Option<ServiceDue> = None;
    for rest in remaining {
        let path: Vec<u32> = taken.iter().chain(&rest).copied().collect();
        let candidate = fold_path(channel, start, &path, taken.len(), calendar)?;
        let later = match &best {
            Some(b) => candidate.at > b.at,
            None => true,
        };
        if later {
            best = Some(candidate);
        }
    }
    best.ok_or_else(|| EngineError::UnknownAction {
        channel: channel.id.to_string(),
        number: "(none)".to_string(),
        known: channel.actions.iter().map(|a| a.number).collect(),
    })
}

/// Every path from `current` (excluded) to a final action that visits no
/// action twice; `[[]]` when `current` is final.
fn remaining_paths(channel: &ChannelSpec, current: u32) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let mut path = vec![current];
    walk(channel, &mut path, &mut out);
    out.into_iter().map(|p| p[1..].to_vec()).collect()
}

fn walk(channel: &ChannelSpec, path: &mut Vec<u32>, out: &mut Vec<Vec<u32>>) {
    let Some(action) = path.last().and_then(|&n| channel.action(n)) else { return };
    if action.is_final() {
        out.push(path.clone());
        return;
    }
    for branch in action.next {
        if !path.contains(&branch.to) {
            path.push(branch.to);
            walk(channel, path, out);
            path.pop();
        }
    }
}

fn fold_path(
    channel: &'static ChannelSpec,
    start: LocalDateTime,
    path: &[u32],
    taken: usize,
    calendar: &Calendar,
) -> Result<ServiceDue, EngineError> {
    let (mut at, mut exceptional) = (start, start);
    let mut any_exceptional = false;
    let mut without_deadline = Vec::new();
    let mut caveats = BTreeSet::new();
    for &number in path {
        let action = crate::registry::action(channel, number)?;
        let Some(deadline) = &action.deadline else {
            without_deadline.push(number);
            continue;
        };
        let due = deadline.due(at, calendar, Which::Max)?;
        caveats.extend(due.caveats);
        at = due.at;
        any_exceptional |= deadline.exceptional_max.is_some();
        exceptional = deadline.due(exceptional, calendar, Which::Exceptional)?.at;
    }
    Ok(ServiceDue {
        at,
        exceptional_at: any_exceptional.then_some(exceptional),
        path: path.to_vec(),
        taken,
        without_deadline,
        caveats: caveats.into_iter().collect(),
    })
}
