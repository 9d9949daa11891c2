//! The view model of the review outputs: what a review page shows of a
//! regulation, built once from the model and rendered by both the Markdown
//! page (`regc build`) and the HTML site (`regc doc`).
//!
//! Templates read nothing else, and they render with strict undefined values,
//! so a field they name that the view does not have is an error, not an empty
//! cell. Action tables are rows of cells in the order of [`Column::ALL`]:
//! a new column of the model appears in every review output without a change
//! to any template.

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::messages::{Arg, Lang};
use crate::model::{Action, Cell, Channel, Column, Field, Form, Regulation, Status, Text};
use crate::sources::fold;

/// A review page of one regulation.
#[derive(Debug, Clone, Serialize)]
pub struct RegulationView {
    /// The regulation's id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// Its language code.
    pub language: &'static str,
    /// The rendition, relative to the workspace root.
    pub rendition: String,
    /// The id of the regulation this is a language version of.
    pub version_of: Option<String>,
    /// The metadata table, row by row.
    pub meta: Vec<MetaRow>,
    /// Footnotes.
    pub footnotes: Vec<FootnoteView>,
    /// Participants.
    pub participants: Vec<ParticipantView>,
    /// Channels.
    pub channels: Vec<ChannelView>,
    /// Forms with their FLK rules.
    pub forms: Vec<FormView>,
    /// Every analyst reading.
    pub readings: Vec<ReadingView>,
    /// The checker's findings (on the site; empty on Markdown pages).
    pub findings: Vec<FindingView>,
}

/// One row of the metadata table.
#[derive(Debug, Clone, Serialize)]
pub struct MetaRow {
    /// What it is: `issuer`, `act`, …
    pub label: &'static str,
    /// The value (verbatim text, or a value).
    pub value: CellView,
    /// The source line, when the value is quoted.
    pub line: Option<u32>,
    /// Whether the value is a name to show as code (an id, a file).
    pub code: bool,
}

/// A text of the document and the analyst's reading of it.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct CellView {
    /// The document's text, folded to one line; empty for an empty cell.
    pub text: String,
    /// Whether the document leaves the cell empty.
    pub empty: bool,
    /// The analyst's reading, when there is one.
    pub reading: Option<String>,
}

impl CellView {
    fn of(cell: Option<&Cell>) -> CellView {
        let document = cell.and_then(|c| c.document.as_deref());
        CellView {
            text: document.map(fold).unwrap_or_default(),
            empty: cell.is_some() && document.is_none(),
            reading: cell.and_then(|c| c.reading.as_deref()).map(fold),
        }
    }

    fn plain(text: impl Into<String>) -> CellView {
        CellView { text: text.into(), empty: false, reading: None }
    }
}

/// A footnote.
#[derive(Debug, Clone, Serialize)]
pub struct FootnoteView {
    /// Its text.
    pub text: String,
    /// Its source line.
    pub line: u32,
    /// What it amends, if the analyst says.
    pub amends: Option<String>,
}

/// A participant.
#[derive(Debug, Clone, Serialize)]
pub struct ParticipantView {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: &'static str,
    /// Its name.
    pub name: String,
    /// Every spelling, joined by « · ».
    pub spellings: String,
    /// The source line of its name.
    pub line: u32,
}

/// A channel.
#[derive(Debug, Clone, Serialize)]
pub struct ChannelView {
    /// Its id.
    pub id: String,
    /// Its kind.
    pub kind: &'static str,
    /// The table's caption.
    pub title: String,
    /// The process list's heading.
    pub processes_heading: Option<TextView>,
    /// The process-list items.
    pub steps: Vec<StepView>,
    /// The names of the action table's text columns, in row order.
    pub columns: Vec<&'static str>,
    /// The action table's rows.
    pub rows: Vec<RowView>,
    /// The Mermaid chart (Markdown pages) or SVG drawing (the site), when the channel has actions.
    pub diagram: Option<String>,
}

/// A quoted text and its line.
#[derive(Debug, Clone, Serialize)]
pub struct TextView {
    /// The text.
    pub text: String,
    /// Its source line.
    pub line: u32,
}

impl TextView {
    fn of(t: &Text) -> TextView {
        TextView { text: fold(&t.text), line: t.line }
    }
}

/// An item of a process list.
#[derive(Debug, Clone, Serialize)]
pub struct StepView {
    /// The list marker.
    pub marker: String,
    /// `process`, `condition`, or empty.
    pub kind: &'static str,
    /// The label's number, or empty.
    pub number: String,
    /// The text.
    pub text: String,
    /// The source line.
    pub line: u32,
}

/// One action of a table.
#[derive(Debug, Clone, Serialize)]
pub struct RowView {
    /// The action's number.
    pub number: u32,
    /// The document's number, when a reading changed it.
    pub document_number: Option<u32>,
    /// The block heading, on the first row of each block.
    pub block: Option<String>,
    /// The text cells, in the order of the channel's columns.
    pub cells: Vec<CellView>,
    /// The participant the СФЕ cell resolves to.
    pub participant: Option<String>,
    /// Where the action leads; empty when the service ends.
    pub targets: Vec<TargetView>,
    /// The source line of the action's number.
    pub line: u32,
}

/// A next action.
#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    /// Its number.
    pub action: u32,
    /// The condition, as the cell words it.
    pub when: Option<String>,
}

/// A form.
#[derive(Debug, Clone, Serialize)]
pub struct FormView {
    /// Its id.
    pub id: String,
    /// Its heading.
    pub title: TextView,
    /// Its fields.
    pub fields: Vec<FieldView>,
}

/// An FLK rule.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// The rule's number.
    pub number: u32,
    /// The field's id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// The required cell.
    pub required: String,
    /// The size in characters, or empty.
    pub size: String,
    /// The format cell.
    pub format: String,
    /// The format as read.
    pub format_read: &'static str,
    /// The source line.
    pub line: u32,
}

/// An analyst reading.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingView {
    /// The source line.
    pub line: u32,
    /// What it is about.
    pub subject: String,
    /// The document's text.
    pub document: String,
    /// The reading.
    pub reading: String,
    /// Why.
    pub because: String,
}

/// A finding of the checker.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// `error`, `warning` or `note`.
    pub severity: &'static str,
    /// The code.
    pub code: &'static str,
    /// The message.
    pub message: String,
    /// The help, or empty.
    pub help: String,
    /// The rendition line.
    pub line: usize,
    /// The source line, when there is one.
    pub source_line: Option<u32>,
    /// Why the analyst keeps it (an acknowledgement's or a reading's
    /// reason), or empty when nobody has answered it.
    pub answered: String,
}

impl FindingView {
    /// The view of each finding, in `lang`.
    pub fn all(findings: &[Diagnostic], lang: Lang) -> Vec<FindingView> {
        findings
            .iter()
            .map(|d| FindingView {
                severity: d.severity.word(),
                code: d.code(),
                message: d.text(lang),
                help: d.help(lang).unwrap_or_default(),
                line: d.line(),
                source_line: d.source.as_ref().map(|s| s.line),
                answered: d.answer.as_ref().map(|a| a.because.clone()).unwrap_or_default(),
            })
            .collect()
    }
}

impl RegulationView {
    /// The view of a regulation, its diagrams drawn by `diagram` (per channel
    /// with actions), its findings shown in `lang`.
    pub fn of(reg: &Regulation, diagram: impl Fn(&Channel) -> String, findings: &[Diagnostic], lang: Lang) -> Self {
        RegulationView {
            id: reg.id.to_string(),
            title: fold(reg.title()),
            language: reg.language.as_str(),
            rendition: reg.rendition.clone(),
            version_of: reg.version_of.as_ref().map(ToString::to_string),
            meta: meta(reg),
            footnotes: reg
                .footnotes
                .iter()
                .map(|f| FootnoteView {
                    text: fold(&f.text.text),
                    line: f.text.line,
                    amends: f.amends.map(|a| a.to_string()),
                })
                .collect(),
            participants: reg
                .participants
                .iter()
                .map(|p| ParticipantView {
                    id: p.id.to_string(),
                    kind: p.kind.as_str(),
                    name: fold(&p.name.text),
                    spellings: p.spellings.iter().map(|s| fold(s)).collect::<Vec<_>>().join(" · "),
                    line: p.name.line,
                })
                .collect(),
            channels: reg.channels.iter().map(|c| channel(c, &diagram)).collect(),
            forms: reg.forms.iter().map(form).collect(),
            readings: readings(reg),
            findings: FindingView::all(findings, lang),
        }
    }
}

/// The edition a regulation renders: the document's digest, the edition it
/// follows, and when it comes into force, as far as they are recorded.
fn edition(reg: &Regulation) -> String {
    let mut text = format!("SHA-256 {}", reg.source.sha256.get(..16).unwrap_or(&reg.source.sha256));
    if let Some(previous) = &reg.source.follows {
        text.push_str(&format!("; follows `{previous}`"));
    }
    match &reg.in_force {
        Some(f) => text.push_str(&format!("; in force from {}", f.date)),
        None => text.push_str("; date of entry into force not recorded"),
    }
    text
}

fn meta(reg: &Regulation) -> Vec<MetaRow> {
    let plain = |label, value: String, code| MetaRow { label, value: CellView::plain(value), line: None, code };
    let mut rows = vec![
        plain("id", reg.id.to_string(), true),
        plain("language", reg.language.as_str().to_string(), false),
        plain("source", reg.source.file.clone(), true),
        plain("lines", reg.source.ranges_text().replace('-', "–"), false),
        plain("edition", edition(reg), false),
        MetaRow { label: "title", value: CellView::of(Some(&reg.title)), line: Some(reg.title.line), code: false },
    ];
    let mut quoted = |label, cell: Option<&Cell>, suffix: Option<&str>| {
        if let Some(c) = cell {
            let mut value = CellView::of(Some(c));
            if let Some(s) = suffix {
                value.text.push_str(&format!(", {s}"));
            }
            rows.push(MetaRow { label, value, line: Some(c.line), code: false });
        }
    };
    quoted("issuer", reg.issuer.as_ref(), None);
    quoted("act", reg.act.as_ref().map(|a| &a.cell), reg.act.as_ref().and_then(|a| a.date.as_deref()));
    quoted(
        "registration",
        reg.registration.as_ref().map(|a| &a.cell),
        reg.registration.as_ref().and_then(|a| a.date.as_deref()),
    );
    if let Some(r) = &reg.region {
        rows.push(plain("region", r.to_string(), true));
    }
    if let Some(s) = &reg.status {
        let mut text = format!("{}: {}", s.value, fold(&s.text.text));
        if let (Status::Repealed, Some(date)) = (s.value, &s.date) {
            text.push_str(&format!(" (from {date})"));
        }
        rows.push(MetaRow { label: "status", value: CellView::plain(text), line: Some(s.text.line), code: false });
    }
    if let Some(t) = &reg.term {
        rows.push(MetaRow {
            label: "service term",
            value: CellView::of(Some(&t.cell)),
            line: Some(t.cell.line),
            code: false,
        });
    }
    rows
}

fn channel(ch: &Channel, diagram: &impl Fn(&Channel) -> String) -> ChannelView {
    let mut previous_block: Option<&str> = None;
    let rows = ch
        .actions
        .iter()
        .map(|a| {
            let block = a.block.as_deref().filter(|b| previous_block != Some(*b)).map(fold);
            previous_block = a.block.as_deref();
            row(a, block)
        })
        .collect();
    ChannelView {
        id: ch.id.to_string(),
        kind: ch.kind.as_str(),
        title: fold(&ch.title),
        processes_heading: ch.processes_heading.as_ref().map(TextView::of),
        steps: ch
            .steps
            .iter()
            .map(|s| StepView {
                marker: s.marker.clone().unwrap_or_default(),
                kind: s.label.map_or("", |(k, _)| k.as_str()),
                number: s.label.map(|(_, n)| n.to_string()).unwrap_or_default(),
                text: fold(&s.text),
                line: s.line,
            })
            .collect(),
        columns: Column::ALL.iter().map(|c| column_title(*c)).collect(),
        rows,
        diagram: (!ch.actions.is_empty()).then(|| diagram(ch)),
    }
}

/// The heading of a column on review pages.
fn column_title(c: Column) -> &'static str {
    match c {
        Column::Sfe => "СФЕ",
        Column::Does => "action",
        Column::Completion => "completion form",
        Column::Deadline => "deadline",
        Column::Next => "next action",
    }
}

fn row(a: &Action, block: Option<String>) -> RowView {
    RowView {
        number: a.number,
        document_number: a.document_number,
        block,
        cells: Column::ALL.iter().map(|c| CellView::of(a.cell(*c))).collect(),
        participant: a.participant.as_ref().map(ToString::to_string),
        targets: a
            .targets()
            .iter()
            .map(|t| TargetView { action: t.action, when: t.when.as_deref().map(fold) })
            .collect(),
        line: a.line,
    }
}

fn form(f: &Form) -> FormView {
    FormView { id: f.id.to_string(), title: TextView::of(&f.title), fields: f.fields.iter().map(field).collect() }
}

fn field(x: &Field) -> FieldView {
    FieldView {
        number: x.number,
        id: x.id.to_string(),
        name: fold(&x.name),
        required: fold(&x.required_text),
        size: x.size.map(|s| s.to_string()).unwrap_or_default(),
        format: fold(&x.format_text),
        format_read: x.format.as_str(),
        line: x.line,
    }
}

/// The readings of a regulation, their subjects in English.
pub fn readings(reg: &Regulation) -> Vec<ReadingView> {
    reg.readings
        .iter()
        .map(|r| ReadingView {
            line: r.line,
            subject: r.subject.show(Lang::En),
            document: r.document.as_deref().map(fold).unwrap_or_default(),
            reading: r.reading.as_deref().map(fold).unwrap_or_default(),
            because: prose(&fold(&r.because), reg),
        })
        .collect()
}

/// A reading's prose with its citations (`@1795`) named by what the
/// rendition quotes there («[channel mm, action 2, СФЕ]»): the pages then
/// change when what a reading talks about changes, not when an amendment
/// moves lines. A line the rendition quotes nothing on keeps its number.
pub fn prose(text: &str, reg: &Regulation) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for c in reglament_grammar::prose_citations(text) {
        out.push_str(&text[at..c.start]);
        let mut names: Vec<String> = Vec::new();
        for line in c.first..=c.last.min(c.first.saturating_add(50)) {
            for subject in reg.cited_on(line) {
                let name = subject.show(Lang::En);
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        match names.len() {
            0 if c.last > c.first => out.push_str(&format!("source lines {}-{}", c.first, c.last)),
            0 => out.push_str(&format!("source line {}", c.first)),
            1..=3 => out.push_str(&format!("[{}]", names.join("; "))),
            n => out.push_str(&format!("[{}; … {} more]", names[..2].join("; "), n - 2)),
        }
        at = c.end;
    }
    out.push_str(&text[at..]);
    out
}
