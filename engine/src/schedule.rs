//! Due times: of each step of a case, and of the whole service, on the
//! case's own edition and calendar data (docs/deadlines.md has the rules).
//!
//! A step is due by its action's deadline, counted from when the step began
//! or from the application's receipt, as the deadline's start says, in the
//! working hours of whoever performs it: people work their provider's hours
//! (the calendar data's `hours`), information systems and the applicant
//! around the clock. A step without a deadline is never overdue.
//!
//! The whole service is due by the regulation's stated term, counted from
//! the receipt, where the regulation states one. Where it does not, it is
//! due by a plan: the maxima of the actions on the path taken so far,
//! followed by the remaining path that ends latest, each counted from where
//! the previous one ends. A path without any deadline gives no due time: the
//! service is then never overdue. Exceptional maxima («в исключительных
//! случаях до 6 мес.») give a second, exceptional plan.

use std::borrow::Cow;
use std::collections::BTreeSet;

use reglament_runtime::{
    ActionSpec, Anchors, Calendar, Caveat, ChannelSpec, Deadline, Due, Hours, LocalDateTime, ParticipantKind,
    RegulationSpec, Which,
};

use crate::error::EngineError;
use crate::store::{Disclosure, JournalEntry, StoredInstance};

/// What a case's due times are computed with.
#[derive(Debug, Clone, Copy)]
pub struct Basis<'a> {
    /// The edition the case runs on.
    pub regulation: &'static RegulationSpec,
    /// The calendar data it is computed with.
    pub calendar: &'a Calendar,
    /// When the application was received: the case's start.
    pub receipt: LocalDateTime,
}

impl<'a> Basis<'a> {
    /// The working hours of whoever performs `action`: information systems
    /// and the applicant around the clock, people (or an action whose table
    /// names nobody) the hours the calendar data gives their provider.
    pub fn hours(&self, action: &ActionSpec) -> Cow<'a, Hours> {
        let id = action.participant.unwrap_or("");
        match self.regulation.participant(id).map(|p| p.kind) {
            Some(ParticipantKind::System | ParticipantKind::Applicant) => Cow::Owned(Hours::around_the_clock()),
            Some(ParticipantKind::Unit) | None => self.calendar.hours(id),
        }
    }

    /// When `action`, entered at `entered`, is due: ordinarily, and in
    /// exceptional cases when its deadline has an exceptional maximum.
    pub fn step_due(&self, action: &ActionSpec, entered: LocalDateTime) -> Result<StepDue, EngineError> {
        let Some(deadline) = &action.deadline else { return Ok(StepDue::default()) };
        let from = Anchors { receipt: self.receipt, step: entered };
        let hours = self.hours(action);
        let due = deadline.due(from, self.calendar, &hours, Which::Max)?;
        let exceptional = match deadline.exceptional_max {
            Some(_) => Some(deadline.due(from, self.calendar, &hours, Which::Exceptional)?),
            None => None,
        };
        Ok(StepDue { due: Some(due), exceptional })
    }

    /// The regulation's stated service term, counted from the receipt in
    /// the provider's default hours.
    fn term(&self) -> Result<Option<Due>, EngineError> {
        let Some(term) = &self.regulation.term else { return Ok(None) };
        let from = Anchors { receipt: self.receipt, step: self.receipt };
        let hours = self.calendar.hours(reglament_runtime::calendar::DEFAULT_HOURS);
        Ok(Some(term.due(from, self.calendar, &hours, Which::Max)?))
    }
}

/// When a step is due.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StepDue {
    /// Under its deadline's ordinary maximum; `None` without a deadline.
    pub due: Option<Due>,
    /// Under its exceptional maximum, if it has one.
    pub exceptional: Option<Due>,
}

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
    /// The person who performed it in that role, when the journal names one.
    pub done_by_person: Option<String>,
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
    /// When it is due: by the stated term where the regulation states one,
    /// otherwise by the plan; `None` when neither gives a time (a regulation
    /// without deadlines): the service is then never overdue.
    pub at: Option<LocalDateTime>,
    /// The regulation's stated term, counted by its start.
    pub term: Option<Due>,
    /// The plan: the maxima along the path; `None` when no action on the
    /// path has a deadline.
    pub planned: Option<LocalDateTime>,
    /// The plan under exceptional maxima, when some action has one.
    pub exceptional_at: Option<LocalDateTime>,
    /// The path planned: actions taken, then the remaining path that ends latest.
    pub path: Vec<u32>,
    /// How many of `path` are the actions already taken.
    pub taken: usize,
    /// Actions of the path without a deadline (they add nothing).
    pub without_deadline: Vec<u32>,
    /// Why the calendar may have got it wrong.
    pub caveats: Vec<Caveat>,
}

impl ServiceDue {
    /// Seconds the service is past due at `now`, if it is.
    pub fn late_by(&self, now: LocalDateTime) -> Option<i64> {
        let late = now.seconds_since(self.at?);
        (late > 0).then_some(late)
    }
}

/// An instance with its steps and due times.
#[derive(Debug, Clone)]
pub struct Timeline {
    /// The instance.
    pub instance: StoredInstance,
    /// The edition it runs on.
    pub regulation: &'static RegulationSpec,
    /// Its channel's table, in that edition.
    pub channel: &'static ChannelSpec,
    /// Its steps, in order.
    pub steps: Vec<Step>,
    /// When the service is due.
    pub service: ServiceDue,
    /// Who was shown its personal data, and when.
    pub disclosures: Vec<Disclosure>,
    /// Whether it was stored before editions and calendars were recorded:
    /// then it is computed with the regulation and calendar of today.
    pub legacy: bool,
}

impl Timeline {
    /// Builds an instance's timeline from its journal.
    pub fn build(
        instance: StoredInstance,
        basis: Basis<'_>,
        channel: &'static ChannelSpec,
        journal: Vec<JournalEntry>,
    ) -> Result<Timeline, EngineError> {
        let steps = steps(basis, channel, &journal)?;
        let taken: Vec<u32> = steps.iter().map(|s| s.action.number).collect();
        let service = service_due(basis, channel, &taken, instance.finished)?;
        let legacy = instance.edition.is_none();
        Ok(Timeline {
            instance,
            regulation: basis.regulation,
            channel,
            steps,
            service,
            disclosures: Vec::new(),
            legacy,
        })
    }

    /// The current step, unless the instance is finished.
    pub fn current(&self) -> Option<&Step> {
        self.steps.last().filter(|_| !self.instance.finished)
    }
}

fn steps(basis: Basis<'_>, channel: &'static ChannelSpec, journal: &[JournalEntry]) -> Result<Vec<Step>, EngineError> {
    let mut out = Vec::new();
    for (i, entry) in journal.iter().enumerate() {
        let Some(number) = entry.to else { continue };
        let action = crate::registry::action(channel, number)?;
        let next = journal.get(i + 1);
        let due = basis.step_due(action, entry.at)?;
        out.push(Step {
            action,
            entered: entry.clone(),
            left: next.map(|n| n.at),
            done_by: next.map(|n| n.actor.clone()),
            done_by_person: next.and_then(|n| n.person.clone()),
            due: due.due,
            exceptional_due: due.exceptional,
        });
    }
    Ok(out)
}

/// The service's due time: the stated term, and the plan along `taken` and
/// then the remaining path from its last action that ends latest.
pub fn service_due(
    basis: Basis<'_>,
    channel: &'static ChannelSpec,
    taken: &[u32],
    finished: bool,
) -> Result<ServiceDue, EngineError> {
    let remaining = match (taken.last(), finished) {
        (Some(&current), false) => remaining_paths(channel, current),
        _ => vec![Vec::new()],
    };
    let mut best: Option<ServiceDue> = None;
    for rest in remaining {
        let path: Vec<u32> = taken.iter().chain(&rest).copied().collect();
        let candidate = fold_path(basis, channel, &path, taken.len())?;
        if best.as_ref().is_none_or(|b| candidate.planned > b.planned) {
            best = Some(candidate);
        }
    }
    let mut service = best.ok_or_else(|| EngineError::UnknownAction {
        channel: channel.id.to_string(),
        number: "(none)".to_string(),
        known: channel.actions.iter().map(|a| a.number).collect(),
    })?;
    service.term = basis.term()?;
    if let Some(term) = &service.term {
        service.caveats.extend(term.caveats.iter().cloned());
        service.caveats.sort();
        service.caveats.dedup();
    }
    service.at = service.term.as_ref().map(|t| t.at).or(service.planned);
    Ok(service)
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
    basis: Basis<'_>,
    channel: &'static ChannelSpec,
    path: &[u32],
    taken: usize,
) -> Result<ServiceDue, EngineError> {
    let (mut at, mut exceptional) = (basis.receipt, basis.receipt);
    let (mut any, mut any_exceptional) = (false, false);
    let mut without_deadline = Vec::new();
    let mut caveats = BTreeSet::new();
    for &number in path {
        let action = crate::registry::action(channel, number)?;
        let Some(deadline) = &action.deadline else {
            without_deadline.push(number);
            continue;
        };
        let due = planned(basis, action, deadline, at, Which::Max)?;
        caveats.extend(due.caveats);
        // A term counted from the receipt may end before the steps planned
        // ahead of it; the plan never runs backwards.
        at = at.max(due.at);
        any = true;
        any_exceptional |= deadline.exceptional_max.is_some();
        exceptional = exceptional.max(planned(basis, action, deadline, exceptional, Which::Exceptional)?.at);
    }
    Ok(ServiceDue {
        at: None,
        term: None,
        planned: any.then_some(at),
        exceptional_at: any_exceptional.then_some(exceptional),
        path: path.to_vec(),
        taken,
        without_deadline,
        caveats: caveats.into_iter().collect(),
    })
}

fn planned(
    basis: Basis<'_>,
    action: &ActionSpec,
    deadline: &Deadline,
    step: LocalDateTime,
    which: Which,
) -> Result<Due, EngineError> {
    let from = Anchors { receipt: basis.receipt, step };
    Ok(deadline.due(from, basis.calendar, &basis.hours(action), which)?)
}
