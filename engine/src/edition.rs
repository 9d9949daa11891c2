//! What a case keeps of the edition of the regulation it started under: a
//! snapshot of the regulation's tables — channels, actions, branches,
//! deadlines, the service term, participants, status — written to the store
//! once per edition. Running and finished cases are computed from their
//! snapshot, never from whatever the generated crate says today, so an
//! amendment changes no case that started before it (as a workflow engine
//! keeps the code version a workflow started with).
//!
//! A snapshot is JSON of a designed shape (`format` 1) and is named by its
//! SHA-256 digest. Read back, it becomes the runtime's own types, so that a
//! case runs through the same code whatever edition it has. Those types hold
//! `&'static` data, as generated code does: a snapshot read back is kept for
//! the life of the process, once per digest (a store holds few editions).

use std::collections::HashMap;
use std::sync::{Mutex, OnceLock};

use reglament_runtime::{
    Act, ActionSpec, Bound, Branch, ChannelKind, ChannelSpec, Date, DayCount, Deadline, Edition, Language,
    ParticipantKind, ParticipantSpec, Quantity, RegulationSpec, Status, TermStart, Unit,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// The snapshot format this build writes and reads.
pub const FORMAT: u32 = 1;

/// An edition as the store records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditionRecord {
    /// The SHA-256 digest of `snapshot`, in lower-case hex: the case's
    /// reference to it.
    pub digest: String,
    /// The regulation's id.
    pub regulation: String,
    /// The source document's SHA-256 (the edition's own name).
    pub sha256: String,
    /// The snapshot, JSON.
    pub snapshot: String,
}

impl EditionRecord {
    /// The record of a regulation as the generated crate has it.
    pub fn of(spec: &RegulationSpec) -> EditionRecord {
        let snapshot = serde_json::to_string(&Snap::of(spec)).unwrap_or_default();
        EditionRecord {
            digest: sha256_hex(snapshot.as_bytes()),
            regulation: spec.id.to_string(),
            sha256: spec.edition.sha256.to_string(),
            snapshot,
        }
    }
}

/// SHA-256 in lower-case hex.
pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

/// The snapshots read back so far, by digest.
fn loaded() -> std::sync::MutexGuard<'static, HashMap<String, &'static RegulationSpec>> {
    static LOADED: OnceLock<Mutex<HashMap<String, &'static RegulationSpec>>> = OnceLock::new();
    LOADED.get_or_init(Mutex::default).lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// The regulation of a snapshot this process has read already.
pub fn cached(digest: &str) -> Option<&'static RegulationSpec> {
    loaded().get(digest).copied()
}

/// The regulation a snapshot holds, read once per process. The digest is
/// checked against the text first: a snapshot edited in the store is refused.
pub fn load(digest: &str, snapshot: &str) -> Result<&'static RegulationSpec, String> {
    if sha256_hex(snapshot.as_bytes()) != digest {
        return Err(format!("the snapshot of edition {} does not match its digest", short(digest)));
    }
    let mut loaded = loaded();
    if let Some(spec) = loaded.get(digest) {
        return Ok(spec);
    }
    let snap: Snap = serde_json::from_str(snapshot)
        .map_err(|e| format!("the snapshot of edition {} cannot be read ({e})", short(digest)))?;
    if snap.format != FORMAT {
        return Err(format!("the snapshot of edition {} has format {}, not {FORMAT}", short(digest), snap.format));
    }
    let spec = snap.into_spec()?;
    loaded.insert(digest.to_string(), spec);
    Ok(spec)
}

/// The first 12 digits of a digest, for messages.
pub fn short(digest: &str) -> &str {
    digest.get(..12).unwrap_or(digest)
}

fn leak(text: String) -> &'static str {
    Box::leak(text.into_boxed_str())
}

fn leak_slice<T>(items: Vec<T>) -> &'static [T] {
    Box::leak(items.into_boxed_slice())
}

#[derive(Serialize, Deserialize)]
struct Snap {
    format: u32,
    id: String,
    title: String,
    language: String,
    version_of: Option<String>,
    status: StatusSnap,
    issuer: Option<String>,
    region: Option<String>,
    act: Option<ActSnap>,
    term: Option<DeadlineSnap>,
    edition: EditionSnap,
    rendition: String,
    participants: Vec<ParticipantSnap>,
    channels: Vec<ChannelSnap>,
}

#[derive(Serialize, Deserialize)]
struct StatusSnap {
    state: String,
    act: Option<String>,
    from: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ActSnap {
    text: String,
    date: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct EditionSnap {
    file: String,
    sha256: String,
    follows: Option<String>,
    in_force_from: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct ParticipantSnap {
    id: String,
    kind: String,
    name: String,
}

#[derive(Serialize, Deserialize)]
struct ChannelSnap {
    id: String,
    kind: String,
    title: String,
    start: u32,
    actions: Vec<ActionSnap>,
}

#[derive(Serialize, Deserialize)]
struct ActionSnap {
    number: u32,
    participant: Option<String>,
    sfe: String,
    action: String,
    completion: String,
    deadline: Option<DeadlineSnap>,
    next: Vec<BranchSnap>,
}

#[derive(Serialize, Deserialize)]
struct BranchSnap {
    to: u32,
    when: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct DeadlineSnap {
    text: String,
    bound: String,
    min: Option<QuantitySnap>,
    max: QuantitySnap,
    exceptional_max: Option<QuantitySnap>,
    days: String,
    start: String,
    condition: Option<String>,
    remarks: Vec<String>,
}

#[derive(Serialize, Deserialize)]
struct QuantitySnap {
    milli: u64,
    unit: String,
}

impl Snap {
    fn of(spec: &RegulationSpec) -> Snap {
        Snap {
            format: FORMAT,
            id: spec.id.to_string(),
            title: spec.title.to_string(),
            language: spec.language.code().to_string(),
            version_of: spec.version_of.map(str::to_string),
            status: StatusSnap::of(spec.status),
            issuer: spec.issuer.map(str::to_string),
            region: spec.region.map(str::to_string),
            act: spec.act.map(|a| ActSnap { text: a.text.to_string(), date: a.date.map(|d| d.to_string()) }),
            term: spec.term.as_ref().map(DeadlineSnap::of),
            edition: EditionSnap {
                file: spec.edition.file.to_string(),
                sha256: spec.edition.sha256.to_string(),
                follows: spec.edition.follows.map(str::to_string),
                in_force_from: spec.edition.in_force_from.map(|d| d.to_string()),
            },
            rendition: spec.rendition.to_string(),
            participants: spec
                .participants
                .iter()
                .map(|p| ParticipantSnap {
                    id: p.id.to_string(),
                    kind: participant_kind(p.kind).to_string(),
                    name: p.name.to_string(),
                })
                .collect(),
            channels: spec.channels.iter().map(|c| ChannelSnap::of(c)).collect(),
        }
    }

    fn into_spec(self) -> Result<&'static RegulationSpec, String> {
        let language = match self.language.as_str() {
            "ru" => Language::Ru,
            "kk" => Language::Kk,
            other => return Err(format!("unknown language `{other}` in a snapshot")),
        };
        let participants = self
            .participants
            .into_iter()
            .map(|p| Ok(ParticipantSpec { id: leak(p.id), kind: read_participant_kind(&p.kind)?, name: leak(p.name) }))
            .collect::<Result<Vec<_>, String>>()?;
        let id = leak(self.id);
        let channels = self
            .channels
            .into_iter()
            .map(|c| c.into_spec(id).map(|c| &*Box::leak(Box::new(c))))
            .collect::<Result<Vec<&'static ChannelSpec>, String>>()?;
        let spec = RegulationSpec {
            id,
            title: leak(self.title),
            language,
            version_of: self.version_of.map(leak),
            status: self.status.into_status()?,
            issuer: self.issuer.map(leak),
            region: self.region.map(leak),
            act: self.act.map(|a| Ok::<_, String>(Act { text: leak(a.text), date: read_date(a.date)? })).transpose()?,
            term: self.term.map(DeadlineSnap::into_deadline).transpose()?,
            edition: Edition {
                file: leak(self.edition.file),
                sha256: leak(self.edition.sha256),
                follows: self.edition.follows.map(leak),
                in_force_from: read_date(self.edition.in_force_from)?,
            },
            rendition: leak(self.rendition),
            participants: leak_slice(participants),
            channels: leak_slice(channels),
            forms: &[],
        };
        Ok(Box::leak(Box::new(spec)))
    }
}

impl StatusSnap {
    fn of(status: Status) -> StatusSnap {
        match status {
            Status::NotStated => StatusSnap { state: "not_stated".into(), act: None, from: None },
            Status::InForce => StatusSnap { state: "in_force".into(), act: None, from: None },
            Status::Repealed { act, from } => {
                StatusSnap { state: "repealed".into(), act: act.map(str::to_string), from: from.map(|d| d.to_string()) }
            }
        }
    }

    fn into_status(self) -> Result<Status, String> {
        Ok(match self.state.as_str() {
            "not_stated" => Status::NotStated,
            "in_force" => Status::InForce,
            "repealed" => Status::Repealed { act: self.act.map(leak), from: read_date(self.from)? },
            other => return Err(format!("unknown status `{other}` in a snapshot")),
        })
    }
}

impl ChannelSnap {
    fn of(c: &ChannelSpec) -> ChannelSnap {
        ChannelSnap {
            id: c.id.to_string(),
            kind: channel_kind(c.kind).to_string(),
            title: c.title.to_string(),
            start: c.start,
            actions: c
                .actions
                .iter()
                .map(|a| ActionSnap {
                    number: a.number,
                    participant: a.participant.map(str::to_string),
                    sfe: a.sfe.to_string(),
                    action: a.action.to_string(),
                    completion: a.completion.to_string(),
                    deadline: a.deadline.as_ref().map(DeadlineSnap::of),
                    next: a.next.iter().map(|b| BranchSnap { to: b.to, when: b.when.map(str::to_string) }).collect(),
                })
                .collect(),
        }
    }

    fn into_spec(self, regulation: &'static str) -> Result<ChannelSpec, String> {
        let actions = self
            .actions
            .into_iter()
            .map(|a| {
                Ok(ActionSpec {
                    number: a.number,
                    participant: a.participant.map(leak),
                    sfe: leak(a.sfe),
                    action: leak(a.action),
                    completion: leak(a.completion),
                    deadline: a.deadline.map(DeadlineSnap::into_deadline).transpose()?,
                    next: leak_slice(a.next.into_iter().map(|b| Branch { to: b.to, when: b.when.map(leak) }).collect()),
                })
            })
            .collect::<Result<Vec<_>, String>>()?;
        Ok(ChannelSpec {
            regulation,
            id: leak(self.id),
            kind: read_channel_kind(&self.kind)?,
            title: leak(self.title),
            start: self.start,
            actions: leak_slice(actions),
        })
    }
}

impl DeadlineSnap {
    fn of(d: &Deadline) -> DeadlineSnap {
        DeadlineSnap {
            text: d.text.to_string(),
            bound: bound(d.bound).to_string(),
            min: d.min.map(QuantitySnap::of),
            max: QuantitySnap::of(d.max),
            exceptional_max: d.exceptional_max.map(QuantitySnap::of),
            days: match d.days {
                DayCount::Calendar => "calendar",
                DayCount::Working => "working",
            }
            .to_string(),
            start: term_start(d.start).to_string(),
            condition: d.condition.map(str::to_string),
            remarks: d.remarks.iter().map(|r| r.to_string()).collect(),
        }
    }

    fn into_deadline(self) -> Result<Deadline, String> {
        Ok(Deadline {
            text: leak(self.text),
            bound: read_bound(&self.bound)?,
            min: self.min.map(QuantitySnap::into_quantity).transpose()?,
            max: self.max.into_quantity()?,
            exceptional_max: self.exceptional_max.map(QuantitySnap::into_quantity).transpose()?,
            days: match self.days.as_str() {
                "calendar" => DayCount::Calendar,
                "working" => DayCount::Working,
                other => return Err(format!("unknown day count `{other}` in a snapshot")),
            },
            start: read_term_start(&self.start)?,
            condition: self.condition.map(leak),
            remarks: leak_slice(self.remarks.into_iter().map(leak).collect()),
        })
    }
}

impl QuantitySnap {
    fn of(q: Quantity) -> QuantitySnap {
        QuantitySnap { milli: q.milli, unit: unit(q.unit).to_string() }
    }

    fn into_quantity(self) -> Result<Quantity, String> {
        Ok(Quantity { milli: self.milli, unit: read_unit(&self.unit)? })
    }
}

fn read_date(text: Option<String>) -> Result<Option<Date>, String> {
    text.map(|t| Date::parse(&t).map_err(|e| format!("a snapshot's date: {e}"))).transpose()
}

/// Defines the stable words of an enum in snapshots, both ways.
macro_rules! words {
    ($write:ident, $read:ident, $ty:ty, $what:literal, { $($variant:path => $word:literal,)* }) => {
        fn $write(value: $ty) -> &'static str {
            match value {
                $($variant => $word,)*
            }
        }

        fn $read(word: &str) -> Result<$ty, String> {
            match word {
                $($word => Ok($variant),)*
                other => Err(format!("unknown {} `{other}` in a snapshot", $what)),
            }
        }
    };
}

words!(participant_kind, read_participant_kind, ParticipantKind, "participant kind", {
    ParticipantKind::Unit => "unit",
    ParticipantKind::System => "system",
    ParticipantKind::Applicant => "applicant",
});

words!(channel_kind, read_channel_kind, ChannelKind, "channel kind", {
    ChannelKind::Authority => "authority",
    ChannelKind::Center => "center",
    ChannelKind::Portal => "portal",
});

words!(bound, read_bound, Bound, "bound", {
    Bound::AtMost => "at_most",
    Bound::Within => "within",
    Bound::Range => "range",
    Bound::Plain => "plain",
});

words!(unit, read_unit, Unit, "unit", {
    Unit::Second => "second",
    Unit::Minute => "minute",
    Unit::Hour => "hour",
    Unit::Day => "day",
    Unit::WorkingDay => "working_day",
    Unit::CalendarDay => "calendar_day",
    Unit::Month => "month",
});

words!(term_start, read_term_start, TermStart, "term start", {
    TermStart::StepStart => "step_start",
    TermStart::Receipt => "receipt",
    TermStart::NextWorkingDay => "next_working_day",
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_generated_regulation_survives_its_snapshot() {
        for spec in reglament_generated::REGULATIONS {
            let record = EditionRecord::of(spec);
            let back = load(&record.digest, &record.snapshot).unwrap();
            assert_eq!(EditionRecord::of(back), record, "{}", spec.id);
            assert_eq!(back.channels.len(), spec.channels.len());
            for (a, b) in back.channels.iter().zip(spec.channels) {
                assert_eq!((a.id, a.start, a.actions), (b.id, b.start, b.actions), "{}", spec.id);
            }
            assert_eq!(back.term, spec.term);
        }
    }

    #[test]
    fn an_edited_snapshot_is_refused() {
        let record = EditionRecord::of(reglament_generated::REGULATIONS[0]);
        let edited = record.snapshot.replacen("\"number\":1", "\"number\":9", 1);
        let err = load(&record.digest, &edited).unwrap_err();
        assert!(err.contains("does not match its digest"), "{err}");
    }
}
