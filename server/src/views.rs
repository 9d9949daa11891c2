//! What the API returns and the desk shows, built once from the engine's
//! types: regulations with their channels and forms, and a case with its
//! steps, due times, the ways on, and its application masked.

use reglament_engine::{OverdueRow, StoredInstance, Timeline};
use reglament_runtime::{ActionSpec, ChannelKind, ChannelSpec, LocalDateTime, ParticipantKind, RegulationSpec, Status};
use serde::Serialize;

/// A regulation, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct RegulationView {
    /// Its id.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// `ru` or `kk`.
    pub language: &'static str,
    /// `in_force` or `repealed`.
    pub status: &'static str,
    /// The region, if it is a region's.
    pub region: Option<&'static str>,
    /// Its channels.
    pub channels: Vec<ChannelView>,
    /// Its forms.
    pub forms: Vec<FormView>,
    /// Its participants.
    pub participants: Vec<ParticipantView>,
}

/// A participant.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantView {
    /// Its id (the role).
    pub id: &'static str,
    /// `unit`, `system` or `applicant`.
    pub kind: &'static str,
    /// Its name.
    pub name: &'static str,
}

/// A channel.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelView {
    /// Its id.
    pub id: &'static str,
    /// `authority`, `centre` or `portal`.
    pub kind: &'static str,
    /// Its table's title.
    pub title: &'static str,
    /// The first action.
    pub start: u32,
    /// Its actions.
    pub actions: Vec<ActionView>,
}

/// An action of a table.
#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    /// Its number.
    pub number: u32,
    /// The participant responsible.
    pub participant: Option<&'static str>,
    /// The participant as the table writes it.
    pub sfe: &'static str,
    /// What is done.
    pub action: &'static str,
    /// Its deadline, as the table writes it.
    pub deadline: Option<&'static str>,
    /// Where it may go.
    pub next: Vec<NextView>,
}

/// A way on from an action.
#[derive(Debug, Clone, Serialize)]
pub struct NextView {
    /// The action entered.
    pub to: u32,
    /// The condition, in the document's words.
    pub when: Option<&'static str>,
    /// What the action entered does.
    pub action: &'static str,
}

/// A form.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// Its id.
    pub id: &'static str,
    /// Its title.
    pub title: &'static str,
    /// Its fields.
    pub fields: Vec<FieldView>,
    /// Where its JSON Schema is.
    pub schema: String,
}

/// A field of a form.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// Its id.
    pub id: &'static str,
    /// Whether it must be given.
    pub required: bool,
}

fn kind(k: ParticipantKind) -> &'static str {
    match k {
        ParticipantKind::Unit => "unit",
        ParticipantKind::System => "system",
        ParticipantKind::Applicant => "applicant",
    }
}

/// The view of a regulation.
pub fn regulation(r: &'static RegulationSpec) -> RegulationView {
    RegulationView {
        id: r.id,
        title: r.title,
        language: match r.language {
            reglament_runtime::Language::Ru => "ru",
            reglament_runtime::Language::Kk => "kk",
        },
        status: match r.status {
            Status::Repealed { .. } => "repealed",
            _ => "in_force",
        },
        region: r.region,
        channels: r.channels.iter().map(|c| channel(c)).collect(),
        forms: r
            .forms
            .iter()
            .map(|f| FormView {
                id: f.id,
                title: f.title,
                fields: f.fields.iter().map(|x| FieldView { id: x.id, required: x.required }).collect(),
                schema: format!("/api/regulations/{}/forms/{}/schema", r.id, f.id),
            })
            .collect(),
        participants: r
            .participants
            .iter()
            .map(|p| ParticipantView { id: p.id, kind: kind(p.kind), name: p.name })
            .collect(),
    }
}

fn channel(c: &'static ChannelSpec) -> ChannelView {
    ChannelView {
        id: c.id,
        kind: match c.kind {
            ChannelKind::Authority => "authority",
            ChannelKind::Center => "centre",
            ChannelKind::Portal => "portal",
        },
        title: c.title,
        start: c.start,
        actions: c.actions.iter().map(|a| action(c, a)).collect(),
    }
}

fn action(c: &'static ChannelSpec, a: &'static ActionSpec) -> ActionView {
    ActionView {
        number: a.number,
        participant: a.participant,
        sfe: a.sfe,
        action: a.action,
        deadline: a.deadline.as_ref().map(|d| d.text),
        next: next(c, a),
    }
}

/// The ways on from an action, with the document's words.
pub fn next(c: &'static ChannelSpec, a: &'static ActionSpec) -> Vec<NextView> {
    a.next
        .iter()
        .map(|b| NextView { to: b.to, when: b.when, action: c.action(b.to).map_or("", |t| t.action) })
        .collect()
}

/// A case.
#[derive(Debug, Clone, Serialize)]
pub struct CaseView {
    /// Its id.
    pub id: i64,
    /// The regulation.
    pub regulation: String,
    /// The regulation's title.
    pub regulation_title: &'static str,
    /// The channel.
    pub channel: String,
    /// The channel's title.
    pub channel_title: &'static str,
    /// `in_progress` or `finished`.
    pub status: &'static str,
    /// Its version: one more per transition.
    pub version: i64,
    /// When the application was received.
    pub started_at: String,
    /// Whose case it is, if known.
    pub applicant: Option<String>,
    /// The current action, unless finished.
    pub current: Option<CurrentView>,
    /// The ways on from the current action (the document's words).
    pub next: Vec<NextView>,
    /// Whether the current action is final: completing it ends the service.
    pub can_end: bool,
    /// The steps so far.
    pub steps: Vec<StepView>,
    /// When the whole service is due.
    pub service_due: Option<String>,
    /// Seconds the service is late, now.
    pub service_late: Option<i64>,
    /// Who was shown the application, and when.
    pub disclosures: Vec<DisclosureView>,
    /// The application, masked (personal data hidden); `None` when it
    /// cannot be opened.
    pub application: Option<Vec<FieldValue>>,
    /// Whether the FLK checked it, and against which form.
    pub flk: String,
}

/// A disclosure of personal data.
#[derive(Debug, Clone, Serialize)]
pub struct DisclosureView {
    /// Who was shown it.
    pub who: String,
    /// When.
    pub at: String,
}

/// A field of an application and its value (masked, unless revealed).
#[derive(Debug, Clone, Serialize)]
pub struct FieldValue {
    /// The field.
    pub field: String,
    /// Its value.
    pub value: String,
}

/// The current action.
#[derive(Debug, Clone, Serialize)]
pub struct CurrentView {
    /// Its number.
    pub action: u32,
    /// Who performs it.
    pub participant: Option<&'static str>,
    /// Who, as the table writes it.
    pub sfe: &'static str,
    /// What is done.
    pub text: &'static str,
    /// When it is due.
    pub due: Option<String>,
    /// Seconds late, now.
    pub late: Option<i64>,
}

/// A step of a case.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// The action.
    pub action: u32,
    /// What is done.
    pub text: &'static str,
    /// Who is responsible.
    pub participant: Option<&'static str>,
    /// When it was entered.
    pub entered: String,
    /// The branch's words that led here, if any.
    pub branch: Option<String>,
    /// When it was left.
    pub left: Option<String>,
    /// The role that performed it.
    pub done_by: Option<String>,
    /// The person who performed it.
    pub done_by_person: Option<String>,
    /// When it is due.
    pub due: Option<String>,
    /// Seconds late (done late, or overdue now).
    pub late: Option<i64>,
}

/// The view of a case from its timeline, at `now`; `stored` is the
/// instance with its application (shown masked), if it could be read.
pub fn case(t: &Timeline, stored: Option<&StoredInstance>, now: LocalDateTime) -> CaseView {
    let i = &t.instance;
    let current = if i.finished { None } else { t.channel.action(i.state) };
    let current_step = t.steps.last().filter(|_| !i.finished);
    CaseView {
        id: i.id,
        regulation: i.regulation.clone(),
        regulation_title: t.regulation.title,
        channel: i.channel.clone(),
        channel_title: t.channel.title,
        status: if i.finished { "finished" } else { "in_progress" },
        version: i.version,
        started_at: i.started_at.to_string(),
        applicant: i.applicant.clone(),
        current: current.map(|a| CurrentView {
            action: a.number,
            participant: a.participant,
            sfe: a.sfe,
            text: a.action,
            due: current_step.and_then(|s| s.due.as_ref()).map(|d| d.at.to_string()),
            late: current_step.and_then(|s| s.late_by(now)),
        }),
        next: current.map(|a| next(t.channel, a)).unwrap_or_default(),
        can_end: current.is_some_and(|a| a.is_final()),
        steps: t.steps.iter().map(|s| step(s, now)).collect(),
        service_due: t.service.at.map(|a| a.to_string()),
        service_late: t.service.late_by(now),
        disclosures: t
            .disclosures
            .iter()
            .map(|d| DisclosureView { who: d.who.clone(), at: d.at.to_string() })
            .collect(),
        application: stored.and_then(|i| i.application.as_ref()).map(|a| {
            a.reveal()
                .iter()
                .map(|(k, v)| FieldValue { field: k.clone(), value: reglament_runtime::ident::mask(v) })
                .collect()
        }),
        flk: i.flk.to_string(),
    }
}

fn step(s: &reglament_engine::Step, now: LocalDateTime) -> StepView {
    StepView {
        action: s.action.number,
        text: s.action.action,
        participant: s.action.participant,
        entered: s.entered.at.to_string(),
        branch: s.entered.branch.clone(),
        left: s.left.map(|l| l.to_string()),
        done_by: s.done_by.clone(),
        done_by_person: s.done_by_person.clone(),
        due: s.due.as_ref().map(|d| d.at.to_string()),
        late: s.late_by(now),
    }
}

/// A case waiting for someone, in a list.
#[derive(Debug, Clone, Serialize)]
pub struct TaskView {
    /// The case.
    pub id: i64,
    /// The regulation.
    pub regulation: String,
    /// The channel.
    pub channel: String,
    /// The current action.
    pub action: u32,
    /// What is to be done.
    pub text: &'static str,
    /// Who is to do it.
    pub participant: Option<&'static str>,
    /// When the step is due.
    pub due: Option<String>,
    /// Seconds the step is late.
    pub late: Option<i64>,
    /// When the service is due.
    pub service_due: Option<String>,
    /// Seconds the service is late.
    pub service_late: Option<i64>,
}

/// The view of an open case.
pub fn task(row: &OverdueRow) -> TaskView {
    TaskView {
        id: row.instance.id,
        regulation: row.instance.regulation.clone(),
        channel: row.instance.channel.clone(),
        action: row.action.number,
        text: row.action.action,
        participant: row.action.participant,
        due: row.step_due.as_ref().map(|d| d.at.to_string()),
        late: row.step_late,
        service_due: row.service_due.map(|d| d.to_string()),
        service_late: row.service_late,
    }
}
