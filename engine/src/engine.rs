//! Instances of generated channels: starting, advancing, timelines and
//! overdue lists, over a [`Store`].

use std::path::Path;

use reglament_runtime::{ActionSpec, Calendar, ChannelSpec, Due, LocalDateTime, TransitionError, Which};

use crate::application::Application;
use crate::error::EngineError;
use crate::registry::{action, Registry};
use crate::schedule::{service_due, Timeline};
use crate::store::{JournalEntry, NewInstance, OpenMode, Store, StoredInstance, Transition};

/// Where an advance goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// To this action.
    Action(u32),
    /// Completes the current, final action: the service ends.
    End,
    /// The only way on (or the end, from a final action); an error when there are several.
    Only,
}

/// A request to start an instance.
#[derive(Debug, Clone)]
pub struct StartRequest<'a> {
    /// The regulation's id.
    pub regulation: &'a str,
    /// The channel's id.
    pub channel: &'a str,
    /// The form to check the application against, when the regulation has several.
    pub form: Option<&'a str>,
    /// The application.
    pub application: Application,
    /// The participant starting it: the one responsible for the first action.
    pub actor: &'a str,
    /// When.
    pub at: LocalDateTime,
}

/// The engine: a store, the regulations it runs, and the calendar.
#[derive(Debug)]
pub struct Engine {
    store: Store,
    registry: Registry,
    calendar: Calendar,
}

/// An instance whose current step, or the whole service, is overdue.
#[derive(Debug, Clone)]
pub struct OverdueRow {
    /// The instance.
    pub instance: StoredInstance,
    /// Its current action.
    pub action: &'static ActionSpec,
    /// When the current step is due.
    pub step_due: Option<Due>,
    /// Seconds the current step is overdue.
    pub step_late: Option<i64>,
    /// When the current step is due in exceptional cases, if its deadline says.
    pub step_exceptional: Option<LocalDateTime>,
    /// When the service is due.
    pub service_due: LocalDateTime,
    /// Seconds the service is overdue.
    pub service_late: Option<i64>,
}

/// The overdue instances at a time.
#[derive(Debug, Clone)]
pub struct OverdueReport {
    /// The time asked about.
    pub at: LocalDateTime,
    /// The overdue instances, by id.
    pub rows: Vec<OverdueRow>,
    /// Instances that could not be assessed (their regulation is gone), with why.
    pub skipped: Vec<String>,
}

impl Engine {
    /// An engine over an open store.
    pub fn new(store: Store, registry: Registry, calendar: Calendar) -> Engine {
        Engine { store, registry, calendar }
    }

    /// Opens the store at `path` with the generated regulations.
    pub fn open(path: &Path, mode: OpenMode, calendar: Calendar) -> Result<Engine, EngineError> {
        Ok(Engine::new(Store::open(path, mode)?, Registry::default(), calendar))
    }

    /// The store.
    pub fn store(&self) -> &Store {
        &self.store
    }

    /// The regulations.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The calendar.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Starts an instance: checks the application against the form's FLK
    /// rules (every violation reported at once), checks that the actor is
    /// responsible for the first action, and stores the instance with its
    /// first journal entry. Returns the new instance's id.
    pub fn start(&mut self, req: StartRequest<'_>) -> Result<i64, EngineError> {
        let new = prepare_start(&self.registry, req)?;
        self.insert(&new)
    }

    /// Stores a start request already checked by [`prepare_start`]; returns
    /// the new instance's id.
    pub fn insert(&mut self, new: &NewInstance) -> Result<i64, EngineError> {
        Ok(self.store.insert_instance(new)?)
    }

    /// Plans a transition without writing it: who may act, where the table
    /// allows going, and that time does not run backwards. [`Engine::advance`]
    /// plans and commits; planning alone lets a caller (or a test) commit later.
    pub fn plan(&self, id: i64, target: Target, actor: &str, at: LocalDateTime) -> Result<Transition, EngineError> {
        self.plan_expecting(id, target, actor, at, Expect::default())
    }

    /// [`Engine::plan`], with what a typed caller expects of the instance
    /// checked on the same read as the plan: the commit then fails with a
    /// conflict if the instance moves in between, so the checks still hold.
    pub(crate) fn plan_expecting(
        &self,
        id: i64,
        target: Target,
        actor: &str,
        at: LocalDateTime,
        expect: Expect,
    ) -> Result<Transition, EngineError> {
        let instance = self.store.instance(id)?.ok_or(EngineError::UnknownInstance(id))?;
        if let Some(expected) = expect.channel {
            check_channel(&instance, expected)?;
        }
        let channel = self.registry.channel(&instance.regulation, &instance.channel)?;
        if instance.finished {
            return Err(EngineError::Finished(id));
        }
        let current = action(channel, instance.state)?;
        if let Some(branching) = expect.at.filter(|&n| n != current.number) {
            return Err(TransitionError::NotHere { channel: channel.id, at: current.number, branching }.into());
        }
        check_actor(current, actor)?;
        let to = resolve(channel, current, target)?;
        // Only the latest entry matters: time may not run backwards.
        if let Some(last) = self.store.last_entry(id)?.filter(|last| at < last.at) {
            return Err(EngineError::TimeBeforeLast { at: at.to_string(), last: last.at.to_string() });
        }
        let branch = to.and_then(|to| current.next.iter().find(|b| b.to == to)).and_then(|b| b.when);
        Ok(Transition {
            expected_version: instance.version,
            state: to.unwrap_or(current.number),
            finished: to.is_none(),
            entry: JournalEntry {
                instance: id,
                version: instance.version + 1,
                at,
                actor: actor.to_string(),
                from: Some(current.number),
                to,
                branch: branch.map(str::to_string),
            },
        })
    }

    /// Commits a planned transition: one transaction, which fails with a
    /// conflict and writes nothing when the instance moved since the plan.
    pub fn commit(&mut self, transition: &Transition) -> Result<(), EngineError> {
        Ok(self.store.commit(transition)?)
    }

    /// Performs the current action and moves on: one transaction. Fails with
    /// a conflict, writing nothing, when someone else advanced the instance
    /// since it was read.
    pub fn advance(
        &mut self,
        id: i64,
        target: Target,
        actor: &str,
        at: LocalDateTime,
    ) -> Result<Transition, EngineError> {
        let transition = self.plan(id, target, actor, at)?;
        self.commit(&transition)?;
        Ok(transition)
    }

    /// An instance's timeline: its steps with due times, and the service's.
    pub fn timeline(&self, id: i64) -> Result<Timeline, EngineError> {
        let instance = self.store.instance(id)?.ok_or(EngineError::UnknownInstance(id))?;
        let channel = self.registry.channel(&instance.regulation, &instance.channel)?;
        let journal = self.store.journal(id)?;
        Timeline::build(instance, channel, journal, &self.calendar)
    }

    /// Every instance, by id.
    pub fn list(&self) -> Result<Vec<StoredInstance>, EngineError> {
        Ok(self.store.instances(false)?)
    }

    /// The unfinished instances whose current step or whole service is past
    /// due at `at`, and by how much.
    pub fn overdue(&self, at: LocalDateTime) -> Result<OverdueReport, EngineError> {
        let mut report = OverdueReport { at, rows: Vec::new(), skipped: Vec::new() };
        for instance in self.store.instances(true)? {
            match self.registry.channel(&instance.regulation, &instance.channel) {
                Ok(channel) => {
                    if let Some(row) = self.overdue_row(instance, channel, at)? {
                        report.rows.push(row);
                    }
                }
                Err(e) => report.skipped.push(format!("instance {}: {e}", instance.id)),
            }
        }
        Ok(report)
    }

    fn overdue_row(
        &self,
        instance: StoredInstance,
        channel: &'static ChannelSpec,
        at: LocalDateTime,
    ) -> Result<Option<OverdueRow>, EngineError> {
        let journal = self.store.journal(instance.id)?;
        let current = action(channel, instance.state)?;
        let entered = journal.iter().rev().find(|e| e.to == Some(current.number)).map_or(instance.started_at, |e| e.at);
        let step_due = current.deadline.map(|d| d.due(entered, &self.calendar, Which::Max)).transpose()?;
        let step_exceptional = match current.deadline {
            Some(d) if d.exceptional_max.is_some() => Some(d.due(entered, &self.calendar, Which::Exceptional)?.at),
            _ => None,
        };
        let taken: Vec<u32> = journal.iter().filter_map(|e| e.to).collect();
        let service = service_due(channel, instance.started_at, &taken, false, &self.calendar)?;
        let late = |due: LocalDateTime| Some(at.seconds_since(due)).filter(|&s| s > 0);
        let step_late = step_due.as_ref().and_then(|d| late(d.at));
        let service_late = late(service.at);
        if step_late.is_none() && service_late.is_none() {
            return Ok(None);
        }
        Ok(Some(OverdueRow {
            instance,
            action: current,
            step_due,
            step_late,
            step_exceptional,
            service_due: service.at,
            service_late,
        }))
    }
}

/// What a typed caller expects of the instance it moves, besides what every
/// plan checks.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Expect {
    /// The instance is a case of this channel.
    pub(crate) channel: Option<&'static ChannelSpec>,
    /// The instance is at this action (the branching action of an outcome).
    pub(crate) at: Option<u32>,
}

/// A typed handle names a channel; the instance behind its id must be a
/// case of that channel, or the handle's types would lie about it.
pub(crate) fn check_channel(instance: &StoredInstance, expected: &'static ChannelSpec) -> Result<(), EngineError> {
    if instance.regulation == expected.regulation && instance.channel == expected.id {
        return Ok(());
    }
    Err(EngineError::OtherChannel {
        instance: instance.id,
        regulation: instance.regulation.clone(),
        channel: instance.channel.clone(),
        expected_regulation: expected.regulation,
        expected_channel: expected.id,
    })
}

/// Checks a start request without a store — regulation, channel, form, FLK,
/// actor — so that a caller can refuse bad input before creating anything.
pub fn prepare_start(registry: &Registry, req: StartRequest<'_>) -> Result<NewInstance, EngineError> {
    let channel = registry.channel(req.regulation, req.channel)?;
    let form = registry.form(req.regulation, req.form)?;
    let flk = req.application.check(form)?;
    let first = action(channel, channel.start)?;
    check_actor(first, req.actor)?;
    Ok(NewInstance {
        regulation: channel.regulation.to_string(),
        channel: channel.id.to_string(),
        application: req.application,
        flk,
        start: first.number,
        at: req.at,
        actor: req.actor.to_string(),
    })
}

/// Only the participant responsible for the action may perform it. An
/// action whose table names nobody (a channel derived from a process list)
/// is performed by the empty actor: the engine has no identities yet.
fn check_actor(action: &'static ActionSpec, actor: &str) -> Result<(), EngineError> {
    let responsible = action.participant.unwrap_or("");
    if responsible == actor {
        return Ok(());
    }
    Err(EngineError::NotResponsible { actor: actor.to_string(), action: action.number, responsible, sfe: action.sfe })
}

/// The action to enter (`None`: the service ends), if the table allows it.
fn resolve(
    channel: &'static ChannelSpec,
    current: &'static ActionSpec,
    target: Target,
) -> Result<Option<u32>, EngineError> {
    let allowed = || current.next.iter().map(|b| b.to).collect::<Vec<u32>>();
    match target {
        Target::End | Target::Only if current.is_final() => Ok(None),
        Target::End => {
            Err(EngineError::NotFinal { channel: channel.id.to_string(), action: current.number, allowed: allowed() })
        }
        Target::Only => match current.next {
            [only] => Ok(Some(only.to)),
            many => Err(EngineError::ChooseNext {
                action: current.number,
                choices: many.iter().map(|b| (b.to, b.when)).collect(),
            }),
        },
        Target::Action(_) if current.is_final() => Err(EngineError::IsFinal { action: current.number }),
        Target::Action(to) => {
            action(channel, to)?;
            if !channel.allows(current.number, to) {
                return Err(TransitionError::NotAllowed {
                    channel: channel.id,
                    from: current.number,
                    to,
                    allowed: allowed(),
                }
                .into());
            }
            Ok(Some(to))
        }
    }
}

/// The current local time in Kazakhstan: the system clock in UTC+5 (the
/// country's single time zone since 1 March 2024). Pass explicit times
/// where another offset applies.
pub fn now_in_kazakhstan() -> LocalDateTime {
    let unix = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    LocalDateTime::from_unix(i64::try_from(unix).unwrap_or(i64::MAX), 5 * 3600)
}
