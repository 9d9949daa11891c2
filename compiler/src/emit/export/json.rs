//! `regc export --format json`: the compiled regulations as designed,
//! versioned data (docs/export.md), decoupled from the model's internals.
//!
//! The format number ([`FORMAT`]) changes when a field changes meaning or
//! goes away; new fields may appear in any version.

use serde::{Serialize, Serializer};

use crate::messages::{Arg, Lang};
use crate::model::{self, Cell, Corpus, Deadline, Meaning, Quantity, Regulation, Text};

/// The version of the export format.
pub const FORMAT: u32 = 2;

/// The export of a corpus.
#[derive(Debug, Serialize)]
pub struct Export {
    /// The format's version.
    pub format: u32,
    /// What wrote it.
    pub generator: String,
    /// The regulations, ordered by id.
    pub regulations: Vec<RegulationExport>,
}

/// The JSON text of the export.
pub fn to_json(corpus: &Corpus) -> Result<String, String> {
    let export = Export {
        format: FORMAT,
        generator: format!("regc {}", env!("CARGO_PKG_VERSION")),
        regulations: corpus.regulations.iter().map(regulation).collect(),
    };
    serde_json::to_string_pretty(&export).map_err(|e| e.to_string())
}

/// A regulation.
#[derive(Debug, Serialize)]
pub struct RegulationExport {
    id: String,
    title: CellExport,
    language: &'static str,
    region: Option<String>,
    version_of: Option<String>,
    source: SourceExport,
    rendition: String,
    issuer: Option<CellExport>,
    act: Option<DatedExport>,
    registration: Option<DatedExport>,
    status: Option<StatusExport>,
    in_force: Option<InForceExport>,
    term: Option<DeadlineExport>,
    footnotes: Vec<FootnoteExport>,
    abbreviations: Vec<AbbreviationExport>,
    participants: Vec<ParticipantExport>,
    channels: Vec<ChannelExport>,
    forms: Vec<FormExport>,
    readings: Vec<ReadingExport>,
    acknowledgements: Vec<AcknowledgementExport>,
}

/// A text of the document and the analyst's reading of it.
#[derive(Debug, Serialize)]
struct CellExport {
    /// Verbatim; `null` for a cell the document leaves empty.
    text: Option<String>,
    reading: Option<String>,
    line: u32,
}

impl From<&Cell> for CellExport {
    fn from(c: &Cell) -> Self {
        CellExport { text: c.document.clone(), reading: c.reading.clone(), line: c.line }
    }
}

impl From<&Text> for CellExport {
    fn from(t: &Text) -> Self {
        CellExport { text: Some(t.text.clone()), reading: None, line: t.line }
    }
}

/// One range of a regulation's lines in its source.
#[derive(Debug, Serialize)]
struct RangeExport {
    first_line: u32,
    last_line: u32,
}

#[derive(Debug, Serialize)]
struct SourceExport {
    file: String,
    first_line: u32,
    last_line: u32,
    /// The ranges the regulation stands in, `first_line` to `last_line`
    /// each: one, or more where the document prints part of it elsewhere.
    ranges: Vec<RangeExport>,
    sha256: String,
    follows: Option<String>,
}

#[derive(Debug, Serialize)]
struct InForceExport {
    date: String,
    because: Option<String>,
}

#[derive(Debug, Serialize)]
struct DatedExport {
    #[serde(flatten)]
    cell: CellExport,
    date: Option<String>,
}

#[derive(Debug, Serialize)]
struct StatusExport {
    value: &'static str,
    text: String,
    line: u32,
    act: Option<String>,
    date: Option<String>,
}

#[derive(Debug, Serialize)]
struct DeadlineExport {
    cell: CellExport,
    /// `limit`, `none` (the cell says there is none) or `unreadable`.
    meaning: &'static str,
    limit: Option<LimitExport>,
}

#[derive(Debug, Serialize)]
struct LimitExport {
    bound: &'static str,
    min: Option<QuantityExport>,
    max: QuantityExport,
    exceptional_max: Option<QuantityExport>,
    days: &'static str,
    start: &'static str,
    condition: Option<String>,
    remarks: Vec<String>,
}

#[derive(Debug, Serialize)]
struct QuantityExport {
    amount: Amount,
    unit: &'static str,
}

/// An amount in thousandths, written as a JSON integer when whole.
#[derive(Debug)]
struct Amount(u64);

impl Serialize for Amount {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if self.0 % 1000 == 0 {
            s.serialize_u64(self.0 / 1000)
        } else {
            s.serialize_f64(self.0 as f64 / 1000.0)
        }
    }
}

#[derive(Debug, Serialize)]
struct FootnoteExport {
    text: String,
    line: u32,
    act: Option<String>,
    amends: Option<String>,
}

#[derive(Debug, Serialize)]
struct AbbreviationExport {
    short: String,
    definition: String,
    line: u32,
}

#[derive(Debug, Serialize)]
struct ParticipantExport {
    id: String,
    kind: &'static str,
    name: String,
    line: u32,
    spellings: Vec<String>,
}

#[derive(Debug, Serialize)]
struct ChannelExport {
    id: String,
    kind: &'static str,
    title: String,
    /// Whether the actions were derived from the process list (no table).
    derived: bool,
    process_list: Option<ProcessListExport>,
    actions: Vec<ActionExport>,
    use_cases: Vec<UseCaseExport>,
}

#[derive(Debug, Serialize)]
struct ProcessListExport {
    heading: Option<CellExport>,
    items: Vec<ItemExport>,
}

#[derive(Debug, Serialize)]
struct ItemExport {
    marker: Option<String>,
    label: Option<LabelExport>,
    text: String,
    line: u32,
}

#[derive(Debug, Serialize)]
struct LabelExport {
    kind: &'static str,
    number: u32,
}

#[derive(Debug, Serialize)]
struct ActionExport {
    number: u32,
    document_number: Option<u32>,
    block: Option<String>,
    participant: Option<String>,
    sfe: Option<CellExport>,
    does: Option<CellExport>,
    completion: Option<CellExport>,
    deadline: Option<DeadlineExport>,
    next: Option<NextExport>,
    covers: Vec<LabelExport>,
    line: u32,
}

#[derive(Debug, Serialize)]
struct NextExport {
    cell: CellExport,
    /// Empty when the service ends here.
    targets: Vec<TargetExport>,
}

#[derive(Debug, Serialize)]
struct TargetExport {
    action: u32,
    when: Option<String>,
}

#[derive(Debug, Serialize)]
struct UseCaseExport {
    kind: &'static str,
    title: String,
    line: u32,
    actions: Vec<u32>,
}

#[derive(Debug, Serialize)]
struct FormExport {
    id: String,
    title: String,
    line: u32,
    fields: Vec<FieldExport>,
}

#[derive(Debug, Serialize)]
struct FieldExport {
    number: u32,
    id: String,
    name: String,
    required: bool,
    required_text: String,
    /// In characters.
    size: Option<u32>,
    format: &'static str,
    format_text: String,
    line: u32,
}

#[derive(Debug, Serialize)]
struct ReadingExport {
    subject: String,
    document: Option<String>,
    reading: Option<String>,
    because: String,
    line: u32,
}

/// A finding the analyst has examined and keeps.
#[derive(Debug, Serialize)]
struct AcknowledgementExport {
    code: String,
    text: Option<String>,
    line: u32,
    because: String,
}

fn quantity(q: Quantity) -> QuantityExport {
    QuantityExport { amount: Amount(q.milli), unit: q.unit.as_str() }
}

fn deadline(d: &Deadline) -> DeadlineExport {
    let (meaning, limit) = match &d.meaning {
        Meaning::Limit(l) => (
            "limit",
            Some(LimitExport {
                bound: l.bound.as_str(),
                min: l.min.map(quantity),
                max: quantity(l.max),
                exceptional_max: l.exceptional_max.map(quantity),
                days: l.days.as_str(),
                start: l.start.as_str(),
                condition: l.condition.clone(),
                remarks: l.remarks.clone(),
            }),
        ),
        Meaning::NoDeadline => ("none", None),
        Meaning::Unreadable => ("unreadable", None),
    };
    DeadlineExport { cell: (&d.cell).into(), meaning, limit }
}

fn dated(d: &model::Dated) -> DatedExport {
    DatedExport { cell: (&d.cell).into(), date: d.date.clone() }
}

fn regulation(r: &Regulation) -> RegulationExport {
    RegulationExport {
        id: r.id.to_string(),
        title: (&r.title).into(),
        language: r.language.as_str(),
        region: r.region.as_ref().map(ToString::to_string),
        version_of: r.version_of.as_ref().map(ToString::to_string),
        source: SourceExport {
            file: r.source.file.clone(),
            first_line: r.source.first,
            last_line: r.source.last,
            ranges: r
                .source
                .ranges
                .iter()
                .map(|&(first_line, last_line)| RangeExport { first_line, last_line })
                .collect(),
            sha256: r.source.sha256.clone(),
            follows: r.source.follows.clone(),
        },
        in_force: r.in_force.as_ref().map(|f| InForceExport { date: f.date.clone(), because: f.because.clone() }),
        rendition: r.rendition.clone(),
        issuer: r.issuer.as_ref().map(Into::into),
        act: r.act.as_ref().map(dated),
        registration: r.registration.as_ref().map(dated),
        status: r.status.as_ref().map(|s| StatusExport {
            value: s.value.as_str(),
            text: s.text.text.clone(),
            line: s.text.line,
            act: s.act.clone(),
            date: s.date.clone(),
        }),
        term: r.term.as_ref().map(deadline),
        footnotes: r
            .footnotes
            .iter()
            .map(|f| FootnoteExport {
                text: f.text.text.clone(),
                line: f.text.line,
                act: f.act.clone(),
                amends: f.amends.map(|a| a.to_string()),
            })
            .collect(),
        abbreviations: r
            .abbreviations
            .iter()
            .map(|a| AbbreviationExport {
                short: a.short.clone(),
                definition: a.definition.text.clone(),
                line: a.definition.line,
            })
            .collect(),
        participants: r
            .participants
            .iter()
            .map(|p| ParticipantExport {
                id: p.id.to_string(),
                kind: p.kind.as_str(),
                name: p.name.text.clone(),
                line: p.name.line,
                spellings: p.spellings.clone(),
            })
            .collect(),
        channels: r.channels.iter().map(channel).collect(),
        forms: r.forms.iter().map(form).collect(),
        readings: r
            .readings
            .iter()
            .map(|x| ReadingExport {
                subject: x.subject.show(Lang::En),
                document: x.document.clone(),
                reading: x.reading.clone(),
                because: x.because.clone(),
                line: x.line,
            })
            .collect(),
        acknowledgements: r
            .acknowledgements
            .iter()
            .map(|a| AcknowledgementExport {
                code: a.code.clone(),
                text: a.text.clone(),
                line: a.line,
                because: a.because.clone(),
            })
            .collect(),
    }
}

fn channel(c: &model::Channel) -> ChannelExport {
    let process_list = (!c.steps.is_empty() || c.processes_heading.is_some()).then(|| ProcessListExport {
        heading: c.processes_heading.as_ref().map(Into::into),
        items: c
            .steps
            .iter()
            .map(|s| ItemExport {
                marker: s.marker.clone(),
                label: s.label.map(|(kind, number)| LabelExport { kind: kind.as_str(), number }),
                text: s.text.clone(),
                line: s.line,
            })
            .collect(),
    });
    ChannelExport {
        id: c.id.to_string(),
        kind: c.kind.as_str(),
        title: c.title.clone(),
        derived: c.derived,
        process_list,
        actions: c.actions.iter().map(action).collect(),
        use_cases: c
            .scenarios
            .iter()
            .map(|s| UseCaseExport {
                kind: s.kind.as_str(),
                title: s.title.text.clone(),
                line: s.title.line,
                actions: s.uses.iter().map(|u| u.action).collect(),
            })
            .collect(),
    }
}

fn action(a: &model::Action) -> ActionExport {
    ActionExport {
        number: a.number,
        document_number: a.document_number,
        block: a.block.clone(),
        participant: a.participant.as_ref().map(ToString::to_string),
        sfe: a.sfe.as_ref().map(Into::into),
        does: a.does.as_ref().map(Into::into),
        completion: a.completion.as_ref().map(Into::into),
        deadline: a.deadline.as_ref().map(deadline),
        next: a.next.as_ref().map(|n| NextExport {
            cell: (&n.cell).into(),
            targets: n.targets.iter().map(|t| TargetExport { action: t.action, when: t.when.clone() }).collect(),
        }),
        covers: a.covers.iter().map(|c| LabelExport { kind: c.kind.as_str(), number: c.number }).collect(),
        line: a.line,
    }
}

fn form(f: &model::Form) -> FormExport {
    FormExport {
        id: f.id.to_string(),
        title: f.title.text.clone(),
        line: f.title.line,
        fields: f
            .fields
            .iter()
            .map(|x| FieldExport {
                number: x.number,
                id: x.id.to_string(),
                name: x.name.clone(),
                required: x.required,
                required_text: x.required_text.clone(),
                size: x.size,
                format: x.format.as_str(),
                format_text: x.format_text.clone(),
                line: x.line,
            })
            .collect(),
    }
}
