//! Hand-written regulations for the tests of editions, terms and refusals:
//! the generated crate has one edition of each regulation, and the tests
//! need two of one, repeals on chosen dates, and odd deadlines.

use reglament_engine::{Engine, OpenMode, Registry, Store};
use reglament_runtime::{
    ActionSpec, Bound, Branch, Calendar, ChannelKind, ChannelSpec, Date, DayCount, Deadline, Edition, Language,
    ParticipantKind, ParticipantSpec, Quantity, RegulationSpec, Status, TermStart, Unit,
};

use crate::common::store_path;

/// The test regulation's id.
pub const ID: &str = "test_office";

/// A deadline of `milli`/1000 `unit`s from the step's start.
pub fn deadline(milli: u64, unit: Unit) -> Deadline {
    let days = if unit == Unit::WorkingDay { DayCount::Working } else { DayCount::Calendar };
    Deadline {
        text: "test deadline",
        bound: Bound::AtMost,
        min: None,
        max: Quantity { milli, unit },
        exceptional_max: None,
        days,
        start: TermStart::StepStart,
        condition: None,
        remarks: &[],
    }
}

/// What varies between the test regulation's editions.
#[derive(Debug, Clone, Copy)]
pub struct Variant {
    /// The source document's digest: what tells editions apart.
    pub sha256: &'static str,
    /// When the edition comes into force.
    pub in_force_from: Option<Date>,
    /// Action 1's deadline.
    pub first: Option<Deadline>,
    /// Action 2's deadline.
    pub second: Option<Deadline>,
    /// Its status.
    pub status: Status,
    /// Its service term.
    pub term: Option<Deadline>,
}

impl Variant {
    /// An edition in force from any date, action 1 due in `minutes`.
    pub fn minutes(sha256: &'static str, minutes: u64) -> Variant {
        Variant {
            sha256,
            in_force_from: None,
            first: Some(deadline(minutes * 1000, Unit::Minute)),
            second: None,
            status: Status::NotStated,
            term: None,
        }
    }
}

static PARTICIPANTS: [ParticipantSpec; 2] = [
    ParticipantSpec { id: "officer", kind: ParticipantKind::Unit, name: "Сотрудник" },
    ParticipantSpec { id: "system", kind: ParticipantKind::System, name: "ИС" },
];

/// The test regulation in one edition: action 1 (the officer) → 2 (the
/// officer) → 3 (the system, final).
pub fn regulation(v: Variant) -> &'static RegulationSpec {
    let actions = vec![
        action(1, "officer", v.first, &[Branch { to: 2, when: None }]),
        action(2, "officer", v.second, &[Branch { to: 3, when: None }]),
        action(3, "system", None, &[]),
    ];
    let channel: &'static ChannelSpec = Box::leak(Box::new(ChannelSpec {
        regulation: ID,
        id: "office",
        kind: ChannelKind::Authority,
        title: "Test office",
        start: 1,
        actions: Box::leak(actions.into_boxed_slice()),
    }));
    Box::leak(Box::new(RegulationSpec {
        id: ID,
        title: "Test",
        language: Language::Ru,
        version_of: None,
        status: v.status,
        issuer: None,
        region: None,
        act: None,
        term: v.term,
        edition: Edition { file: "test.txt", sha256: v.sha256, follows: None, in_force_from: v.in_force_from },
        rendition: "-",
        participants: &PARTICIPANTS,
        channels: Box::leak(Box::new([channel])),
        forms: &[],
    }))
}

fn action(number: u32, who: &'static str, deadline: Option<Deadline>, next: &'static [Branch]) -> ActionSpec {
    ActionSpec { number, participant: Some(who), sfe: who, action: "act", completion: "-", deadline, next }
}

/// A registry of these editions.
pub fn registry(editions: &[&'static RegulationSpec]) -> Registry {
    Registry::new(Box::leak(editions.to_vec().into_boxed_slice()))
}

/// An engine on the store `name` (created if missing) with these editions.
pub fn engine(name: &str, fresh: bool, editions: &[&'static RegulationSpec], calendar: Calendar) -> Engine {
    let path = if fresh { store_path(name) } else { crate::common::existing_path(name) };
    let store = Store::open(&path, OpenMode::CreateIfMissing).unwrap();
    Engine::new(store, registry(editions), calendar)
}
