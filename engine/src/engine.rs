//! Instances of generated channels: starting, advancing, timelines, overdue
//! lists and disclosures, over a [`Store`].
//!
//! A new case starts under the edition of its regulation in force on its
//! start date, and the store records that edition (a snapshot) and the
//! calendar data the engine runs with. From then on the case is computed
//! from what it recorded, never from the generated crate or calendar of the
//! day: an amendment or a new `--calendar` changes no case already started.
//!
//! Nothing is written before everything that can fail has been checked: the
//! time against the calendar's years, the actor, the table, and the due time
//! of the step a move enters.

use std::collections::HashMap;
use std::path::Path;
use std::sync::{Arc, Mutex};

use reglament_runtime::{ActionSpec, Calendar, ChannelSpec, Due, LocalDateTime, RegulationSpec, TransitionError};

use crate::application::Application;
use crate::edition::{self, EditionRecord};
use crate::error::{EngineError, StoreError};
use crate::registry::{action, channel_of, form_of, Registry};
use crate::schedule::{service_due, Basis, Timeline};
use crate::store::{
    CalendarRecord, CaseStore, Damaged, Inserted, JournalEntry, Listing, NewInstance, OpenMode, Store, StoreOptions,
    StoredInstance, Transition,
};

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
    /// When: the moment the application is received.
    pub at: LocalDateTime,
    /// An idempotency key: a start with a key that started a case already
    /// returns that case and writes nothing (`None`: no key).
    pub key: Option<&'a str>,
}

/// Whether repealed regulations may start cases.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum StartPolicy {
    /// Only regulations in force on the start date start cases. The default.
    #[default]
    InForce,
    /// Repealed regulations start cases too, each recorded as replaying
    /// history: for replaying or testing cases of their time.
    ReplayHistory,
}

/// A move committed, or found committed by its idempotency key.
#[derive(Debug, Clone)]
pub struct Advanced {
    /// The transition.
    pub transition: Transition,
    /// Whether its key had committed it already: nothing was written now.
    pub already_committed: bool,
}

/// The engine: a store, the regulations it runs, and the calendar. The
/// store is the embedded SQLite [`Store`] unless another [`CaseStore`] is
/// given (`reglament serve` runs on PostgreSQL too).
#[derive(Debug)]
pub struct Engine<S = Store> {
    store: S,
    registry: Registry,
    calendar: Arc<Calendar>,
    calendar_record: CalendarRecord,
    policy: StartPolicy,
    /// Calendars of cases computed with other data than `calendar`, by digest.
    calendars: Mutex<HashMap<String, Arc<Calendar>>>,
    /// Snapshots of the registry's editions, by the edition's address.
    editions: Mutex<HashMap<usize, EditionRecord>>,
}

/// An unfinished instance with when its current step and its whole service
/// fall due, and by how much they are late (in an overdue list, at least
/// one of them is).
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
    /// When the service is due, if anything makes it due.
    pub service_due: Option<LocalDateTime>,
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
    /// Instances that could not be assessed (a damaged row, a regulation
    /// gone, a due time that cannot be computed), with why: the others are
    /// served all the same.
    pub skipped: Vec<String>,
}

/// The longest name a disclosure may record of who asked.
pub const MAX_WHO_CHARS: usize = 200;

impl Engine<Store> {
    /// Opens the store at `path`, without a key, with the generated regulations.
    pub fn open(path: &Path, mode: OpenMode, calendar: Calendar) -> Result<Engine, EngineError> {
        Ok(Engine::new(Store::open(path, mode)?, Registry::default(), calendar))
    }

    /// Opens the store at `path` with every option (a key, the durability)
    /// and the generated regulations.
    pub fn open_options(path: &Path, options: &StoreOptions, calendar: Calendar) -> Result<Engine, EngineError> {
        Ok(Engine::new(Store::open_options(path, options)?, Registry::default(), calendar))
    }
}

impl<S: CaseStore> Engine<S> {
    /// An engine over an open store.
    pub fn new(store: S, registry: Registry, calendar: Calendar) -> Engine<S> {
        let calendar_record = CalendarRecord::of(&calendar);
        Engine {
            store,
            registry,
            calendar: Arc::new(calendar),
            calendar_record,
            policy: StartPolicy::default(),
            calendars: Mutex::default(),
            editions: Mutex::default(),
        }
    }

    /// The store.
    pub fn store(&self) -> &S {
        &self.store
    }

    /// The store, for writes outside the engine's own (the escalation outbox).
    pub fn store_mut(&mut self) -> &mut S {
        &mut self.store
    }

    /// The regulations.
    pub fn registry(&self) -> &Registry {
        &self.registry
    }

    /// The calendar new cases are computed with.
    pub fn calendar(&self) -> &Calendar {
        &self.calendar
    }

    /// Whether repealed regulations may start cases.
    pub fn start_policy(&self) -> StartPolicy {
        self.policy
    }

    /// Chooses whether repealed regulations may start cases.
    pub fn set_start_policy(&mut self, policy: StartPolicy) {
        self.policy = policy;
    }

    /// Starts an instance: checks the application against the form's FLK
    /// rules (every violation reported at once), checks that the actor is
    /// responsible for the first action, and stores the instance with its
    /// first journal entry. Returns the new instance's id (or, for a key
    /// that started one already, that instance's).
    pub fn start(&mut self, req: StartRequest<'_>) -> Result<i64, EngineError> {
        if let Some(id) = req.key.map(|k| self.started_by(k)).transpose()?.flatten() {
            return Ok(id);
        }
        let new = self.prepare(req)?;
        Ok(self.insert(&new)?.id)
    }

    /// The instance an idempotency key started, if it started one: a start
    /// sent again returns it before anything else is checked, whatever has
    /// changed since (a repeal, a new edition). A key that moved a case is
    /// [`StoreError::KeyReused`].
    pub fn started_by(&self, key: &str) -> Result<Option<i64>, EngineError> {
        match self.store.keyed(key)? {
            Some(found) if found.start => Ok(Some(found.instance)),
            Some(found) => Err(StoreError::KeyReused { key: key.to_string(), instance: found.instance }.into()),
            None => Ok(None),
        }
    }

    /// Checks a start request as [`prepare_start`] does, on this engine's
    /// regulations, calendar and policy.
    pub fn prepare(&self, req: StartRequest<'_>) -> Result<NewInstance, EngineError> {
        let edition = |spec: &'static RegulationSpec| self.edition_record(spec);
        check_start(&self.registry, &self.calendar, self.calendar_record.clone(), self.policy, &edition, req)
    }

    /// Stores a start request already checked by [`prepare_start`].
    pub fn insert(&mut self, new: &NewInstance) -> Result<Inserted, EngineError> {
        Ok(self.store.insert_instance(new)?)
    }

    /// Plans a transition without writing it: who may act, where the table
    /// allows going, that time does not run backwards and stays within the
    /// calendar, and when the step entered falls due. [`Engine::advance`]
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
        let instance = self.store.instance_without_application(id)?.ok_or(EngineError::UnknownInstance(id))?;
        self.plan_instance(instance, target, actor, at, expect)
    }

    /// Plans a transition of an instance read already: its version guards
    /// the commit, which is a conflict if the instance moved since.
    fn plan_instance(
        &self,
        instance: StoredInstance,
        target: Target,
        actor: &str,
        at: LocalDateTime,
        expect: Expect,
    ) -> Result<Transition, EngineError> {
        let id = instance.id;
        if let Some(expected) = expect.channel {
            check_channel(&instance, expected)?;
        }
        let (regulation, calendar) = self.context(&instance)?;
        let channel = channel_of(regulation, &instance.channel)?;
        if instance.finished {
            return Err(EngineError::Finished(id));
        }
        let current = action(channel, instance.state)?;
        if let Some(branching) = expect.at.filter(|&n| n != current.number) {
            return Err(TransitionError::NotHere { channel: channel.id, at: current.number, branching }.into());
        }
        check_actor(current, actor)?;
        let to = resolve(channel, current, target)?;
        check_time(&calendar, at)?;
        // Only the latest entry matters: time may not run backwards.
        if let Some(last) = self.store.last_entry(id)?.filter(|last| at < last.at) {
            return Err(EngineError::TimeBeforeLast { at: at.to_string(), last: last.at.to_string() });
        }
        if let Some(to) = to {
            let basis = Basis { regulation, calendar: &calendar, receipt: instance.started_at };
            basis.step_due(action(channel, to)?, at)?;
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
                key: None,
                person: None,
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

    /// [`Engine::advance`] with an idempotency key: a key that moved this
    /// instance already returns that move and writes nothing, so a batch or
    /// a client that lost the answer may send the same move again.
    pub fn advance_keyed(
        &mut self,
        id: i64,
        target: Target,
        actor: &str,
        at: LocalDateTime,
        key: &str,
    ) -> Result<Advanced, EngineError> {
        self.advance_by(id, target, Acting { role: actor, person: None }, at, Some(key))
    }

    /// Performs the current action and moves on, as [`Engine::advance`],
    /// recording the person acting in the participant's role, with an
    /// idempotency key if there is one ([`Engine::advance_keyed`]).
    pub fn advance_by(
        &mut self,
        id: i64,
        target: Target,
        acting: Acting<'_>,
        at: LocalDateTime,
        key: Option<&str>,
    ) -> Result<Advanced, EngineError> {
        let instance = self.store.instance_without_application(id)?.ok_or(EngineError::UnknownInstance(id))?;
        self.advance_instance(instance, target, acting, at, key)
    }

    /// [`Engine::advance_by`] on an instance the caller read already (without
    /// its application, to see who is responsible, say): the instance's
    /// version guards the commit, which fails with a conflict, writing
    /// nothing, if the instance moved since it was read.
    pub fn advance_instance(
        &mut self,
        instance: StoredInstance,
        target: Target,
        acting: Acting<'_>,
        at: LocalDateTime,
        key: Option<&str>,
    ) -> Result<Advanced, EngineError> {
        let id = instance.id;
        let Some(key) = key else {
            let mut transition = self.plan_instance(instance, target, acting.role, at, Expect::default())?;
            transition.entry.person = acting.person.map(str::to_string);
            self.commit(&transition)?;
            return Ok(Advanced { transition, already_committed: false });
        };
        if let Some(done) = self.already(id, key)? {
            return Ok(done);
        }
        let mut transition = self.plan_instance(instance, target, acting.role, at, Expect::default())?;
        transition.entry.key = Some(key.to_string());
        transition.entry.person = acting.person.map(str::to_string);
        match self.commit(&transition) {
            Ok(()) => Ok(Advanced { transition, already_committed: false }),
            // Another writer committed the same key in between: its move, or
            // the refusal of a key that moved something else.
            Err(EngineError::Store(StoreError::KeyReused { .. })) => match self.already(id, key)? {
                Some(done) => Ok(done),
                None => Err(StoreError::KeyReused { key: key.to_string(), instance: id }.into()),
            },
            Err(e) => Err(e),
        }
    }

    /// The move `key` committed on instance `id`, if it did; an error if it
    /// committed something else.
    fn already(&self, id: i64, key: &str) -> Result<Option<Advanced>, EngineError> {
        let Some(found) = self.store.keyed(key)? else { return Ok(None) };
        if found.start || found.instance != id {
            return Err(StoreError::KeyReused { key: key.to_string(), instance: found.instance }.into());
        }
        let e = found.entry;
        let transition = Transition {
            expected_version: e.version - 1,
            state: e.to.or(e.from).unwrap_or(0),
            finished: e.to.is_none(),
            entry: e,
        };
        Ok(Some(Advanced { transition, already_committed: true }))
    }

    /// An instance's timeline: its steps with due times, the service's, and
    /// who was shown its personal data.
    pub fn timeline(&self, id: i64) -> Result<Timeline, EngineError> {
        let file = self.store.case_file(id)?.ok_or(EngineError::UnknownInstance(id))?;
        let instance = file.instance;
        let (regulation, calendar) = self.context(&instance)?;
        let channel = channel_of(regulation, &instance.channel)?;
        let basis = Basis { regulation, calendar: &calendar, receipt: instance.started_at };
        let mut timeline = Timeline::build(instance, basis, channel, file.journal)?;
        timeline.disclosures = file.disclosures;
        Ok(timeline)
    }

    /// The action an instance stands at, in the edition it runs on.
    pub fn current_action(&self, instance: &StoredInstance) -> Result<&'static ActionSpec, EngineError> {
        action(channel_of(self.edition_of(instance)?, &instance.channel)?, instance.state)
    }

    /// Every instance, by id, and the rows that cannot be read.
    pub fn list(&self) -> Result<Listing, EngineError> {
        Ok(self.store.instances(false)?)
    }

    /// The unfinished instances whose current step or whole service is past
    /// due at `at`, and by how much. An instance that cannot be assessed is
    /// listed among the skipped, with why; the others are served.
    pub fn overdue(&self, at: LocalDateTime) -> Result<OverdueReport, EngineError> {
        let mut report = self.open_cases(at)?;
        report.rows.retain(|row| row.step_late.is_some() || row.service_late.is_some());
        Ok(report)
    }

    /// Every unfinished instance with when its step and service fall due
    /// and how late they are at `at` (an inbox, a worker looking for what
    /// fell due). An instance that cannot be assessed is listed among the
    /// skipped, with why; the others are served.
    pub fn open_cases(&self, at: LocalDateTime) -> Result<OverdueReport, EngineError> {
        self.open_cases_where(at, |_, _| true)
    }

    /// Like [`Engine::open_cases`], but only the instances `keep` accepts,
    /// given the instance and the action it stands at (in the case's own
    /// edition). Only those are assessed, which reads their journals: an
    /// officer's inbox costs the officer's tasks, not the whole store.
    pub fn open_cases_where(
        &self,
        at: LocalDateTime,
        keep: impl Fn(&StoredInstance, &'static ActionSpec) -> bool,
    ) -> Result<OverdueReport, EngineError> {
        let listing = self.store.instances_without_applications(true)?;
        let mut report = OverdueReport { at, rows: Vec::new(), skipped: Vec::new() };
        report.skipped.extend(
            listing.damaged.iter().map(|Damaged { instance, problem }| format!("instance {instance}: {problem}")),
        );
        for instance in listing.instances {
            let id = instance.id;
            match self.current_action(&instance) {
                Ok(current) if !keep(&instance, current) => continue,
                Ok(_) => {}
                Err(e) => {
                    report.skipped.push(format!("instance {id}: {e}"));
                    continue;
                }
            }
            match self.overdue_row(instance, at) {
                Ok(Some(row)) => report.rows.push(row),
                Ok(None) => {}
                Err(e) => report.skipped.push(format!("instance {id}: {e}")),
            }
        }
        Ok(report)
    }

    fn overdue_row(&self, instance: StoredInstance, at: LocalDateTime) -> Result<Option<OverdueRow>, EngineError> {
        Ok(Some(self.assess(instance, at)?))
    }

    /// When an unfinished instance's step and service fall due, and how
    /// late they are at `at`.
    pub fn assess(&self, instance: StoredInstance, at: LocalDateTime) -> Result<OverdueRow, EngineError> {
        let (regulation, calendar) = self.context(&instance)?;
        let channel = channel_of(regulation, &instance.channel)?;
        let journal = self.store.journal(instance.id)?;
        let current = action(channel, instance.state)?;
        let entered = journal.iter().rev().find(|e| e.to == Some(current.number)).map_or(instance.started_at, |e| e.at);
        let basis = Basis { regulation, calendar: &calendar, receipt: instance.started_at };
        let step = basis.step_due(current, entered)?;
        let taken: Vec<u32> = journal.iter().filter_map(|e| e.to).collect();
        let service = service_due(basis, channel, &taken, false)?;
        let late = |due: LocalDateTime| Some(at.seconds_since(due)).filter(|&s| s > 0);
        let step_late = step.due.as_ref().and_then(|d| late(d.at));
        let service_late = service.late_by(at);
        Ok(OverdueRow {
            instance,
            action: current,
            step_due: step.due,
            step_late,
            step_exceptional: step.exceptional.map(|d| d.at),
            service_due: service.at,
            service_late,
        })
    }

    /// Shows instance `id`'s application to `who` (a person, named as the
    /// service knows them) at `at`, recording the disclosure in the journal
    /// in the same transaction: personal data is never shown unrecorded.
    pub fn disclose(&mut self, id: i64, who: &str, at: LocalDateTime) -> Result<Application, EngineError> {
        let who = who.trim();
        if who.is_empty() || who.chars().count() > MAX_WHO_CHARS {
            return Err(EngineError::Who { limit: MAX_WHO_CHARS });
        }
        match self.store.disclose(id, who, at) {
            Err(StoreError::NoInstance(id)) => Err(EngineError::UnknownInstance(id)),
            other => Ok(other?),
        }
    }

    /// The edition and the calendar an instance's due times are computed
    /// with: those it recorded when it started (or, for a case stored before
    /// they were recorded, today's).
    fn context(&self, instance: &StoredInstance) -> Result<(&'static RegulationSpec, Arc<Calendar>), EngineError> {
        let calendar = match &instance.calendar {
            Some(digest) if *digest != self.calendar_record.digest => self.recorded_calendar(instance.id, digest)?,
            _ => Arc::clone(&self.calendar),
        };
        Ok((self.edition_of(instance)?, calendar))
    }

    /// The edition a case recorded, read from the store once per process.
    fn edition_of(&self, instance: &StoredInstance) -> Result<&'static RegulationSpec, EngineError> {
        let Some(digest) = &instance.edition else { return self.registry.regulation(&instance.regulation) };
        if let Some(spec) = edition::cached(digest) {
            return Ok(spec);
        }
        let id = instance.id;
        let missing =
            || StoreError::BadRow(format!("instance {id}: its edition {} is missing", edition::short(digest)));
        let snapshot = self.store.edition(digest)?.ok_or_else(missing)?;
        Ok(edition::load(digest, &snapshot).map_err(|e| StoreError::BadRow(format!("instance {id}: {e}")))?)
    }

    fn recorded_calendar(&self, id: i64, digest: &str) -> Result<Arc<Calendar>, EngineError> {
        let mut cache = self.calendars.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(calendar) = cache.get(digest) {
            return Ok(Arc::clone(calendar));
        }
        let data = self.store.calendar(digest)?.ok_or_else(|| {
            StoreError::BadRow(format!("instance {id}: its calendar {} is missing", edition::short(digest)))
        })?;
        if edition::sha256_hex(data.as_bytes()) != digest {
            let problem = format!("instance {id}: its calendar {} does not match its digest", edition::short(digest));
            return Err(StoreError::BadRow(problem).into());
        }
        let calendar = Arc::new(Calendar::parse(&data, &format!("recorded {}", edition::short(digest)))?);
        cache.insert(digest.to_string(), Arc::clone(&calendar));
        Ok(calendar)
    }

    fn edition_record(&self, spec: &'static RegulationSpec) -> EditionRecord {
        let mut cache = self.editions.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let address = std::ptr::from_ref(spec) as usize;
        cache.entry(address).or_insert_with(|| EditionRecord::of(spec)).clone()
    }
}

/// Who performs an action: the participant (the role the table names) and,
/// when the service knows people, the person acting in it, whom the journal
/// records beside the role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Acting<'a> {
    /// The participant's id.
    pub role: &'a str,
    /// The person, as the identity provider names them.
    pub person: Option<&'a str>,
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

/// Checks a start request without a store — the edition in force on its
/// date, whether it is repealed, the channel, the form, the FLK, the actor,
/// the time, and the due times the case starts with — so that a caller can
/// refuse bad input before creating anything.
pub fn prepare_start(
    registry: &Registry,
    calendar: &Calendar,
    policy: StartPolicy,
    req: StartRequest<'_>,
) -> Result<NewInstance, EngineError> {
    check_start(registry, calendar, CalendarRecord::of(calendar), policy, &EditionRecord::of, req)
}

fn check_start(
    registry: &Registry,
    calendar: &Calendar,
    calendar_record: CalendarRecord,
    policy: StartPolicy,
    edition: &dyn Fn(&'static RegulationSpec) -> EditionRecord,
    req: StartRequest<'_>,
) -> Result<NewInstance, EngineError> {
    check_time(calendar, req.at)?;
    let regulation = registry.in_force_on(req.regulation, req.at.date())?;
    let replayed = regulation.is_repealed_on(req.at.date());
    if replayed && policy == StartPolicy::InForce {
        let (act, from) = match regulation.status {
            reglament_runtime::Status::Repealed { act, from } => (act, from),
            _ => (None, None),
        };
        return Err(EngineError::Repealed { regulation: regulation.id, act, from });
    }
    let channel = channel_of(regulation, req.channel)?;
    let form = form_of(regulation, req.form)?;
    let flk = req.application.check(form)?;
    let first = action(channel, channel.start)?;
    check_actor(first, req.actor)?;
    let basis = Basis { regulation, calendar, receipt: req.at };
    basis.step_due(first, req.at)?;
    service_due(basis, channel, &[first.number], false)?;
    Ok(NewInstance {
        regulation: regulation.id.to_string(),
        channel: channel.id.to_string(),
        application: req.application,
        flk,
        start: first.number,
        at: req.at,
        actor: req.actor.to_string(),
        edition: edition(regulation),
        calendar: calendar_record,
        replayed,
        key: req.key.map(str::to_string),
        person: None,
        applicant: None,
    })
}

/// Times outside the years the calendar knows cannot be counted on: they
/// are refused before anything is written.
fn check_time(calendar: &Calendar, at: LocalDateTime) -> Result<(), EngineError> {
    if calendar.covers(at) {
        return Ok(());
    }
    Err(EngineError::TimeOutsideCalendar { at: at.to_string(), span: calendar.span() })
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
