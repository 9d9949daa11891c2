//! The model of a regulation: what the compiler checks and emits from.
//!
//! The model is the one intermediate representation between the rendition
//! (front end) and every output (Rust, review pages, diagrams, the export).
//! It keeps every verbatim text with its source line, and the analyst's
//! reading beside it where there is one; `effective` values are what the
//! code follows. Its vocabulary is typed ([`vocab`]) and its ids are types
//! ([`ids`]). It is internal: the JSON export is a designed format of its
//! own (`emit::export`), so fields can change here without breaking users.

pub mod ids;
pub mod vocab;

use reglament_grammar::ast::Span;

pub use crate::messages::Subject;
pub use ids::{ChannelId, FieldId, FormId, ParticipantId, RegionId, RegulationId};
pub use vocab::{
    Bound, ChannelKind, Column, DayCount, FieldColumn, FieldFormat, ItemKind, Language, ParticipantKind, ScenarioKind,
    Status, TermStart, TimeUnit,
};

/// Every regulation compiled in one run.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The regulations, ordered by id.
    pub regulations: Vec<Regulation>,
}

/// A verbatim text of the document, with its source lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text {
    /// The text, verbatim.
    pub text: String,
    /// The first source line.
    pub line: u32,
    /// The last source line (equal to `line` for one-line texts).
    pub last_line: u32,
}

/// A cell or text of the document as the rendition gives it: the
/// document's words (none for a cell the document leaves blank), the
/// analyst's reading where the document is wrong, and where it stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    /// The document's text, verbatim; `None` for an empty cell.
    pub document: Option<String>,
    /// The analyst's reading, which the code follows.
    pub reading: Option<String>,
    /// The first source line.
    pub line: u32,
    /// The last source line.
    pub last_line: u32,
    /// Where the quote (or `empty`) is written in the rendition.
    pub at: Span,
}

impl Cell {
    /// The text the code uses: the reading if there is one, else the document's.
    pub fn effective(&self) -> Option<&str> {
        self.reading.as_deref().or(self.document.as_deref())
    }

    /// Whether the analyst has read the cell differently from the document.
    pub fn is_read(&self) -> bool {
        self.reading.is_some()
    }
}

/// The source document of a regulation and the regulation's lines in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file name under regulations/sources/.
    pub file: String,
    /// The first line of the regulation (of its first range).
    pub first: u32,
    /// The last line of the regulation (of its last range).
    pub last: u32,
    /// The ranges of lines the regulation stands in, first and last line
    /// each, in increasing order and not overlapping: one for most
    /// regulations, more where the document prints part of the regulation
    /// (an appendix) after another text. The lines between them are not
    /// the regulation's.
    pub ranges: Vec<(u32, u32)>,
    /// The SHA-256 digest of the document (lower-case hex), empty when the
    /// document could not be read (an error says so).
    pub sha256: String,
    /// The file of the edition this one follows, as the manifest records it.
    pub follows: Option<String>,
}

impl Source {
    /// Whether a line is the regulation's: inside one of its ranges.
    pub fn contains(&self, line: u32) -> bool {
        self.ranges.iter().any(|&(a, b)| a <= line && line <= b)
    }

    /// The regulation's lines, range after range, from line `from` on and
    /// no further than `count` (the document's last line).
    pub fn lines(&self, from: u32, count: u32) -> impl Iterator<Item = u32> + '_ {
        self.ranges.iter().flat_map(move |&(a, b)| a.max(from)..=b.min(count))
    }

    /// The ranges as the `source` statement writes them: `1-519, 1145-1277`.
    pub fn ranges_text(&self) -> String {
        ranges_text(&self.ranges)
    }
}

/// Line ranges as the `source` statement writes them: `1-519, 1145-1277`.
pub fn ranges_text(ranges: &[(u32, u32)]) -> String {
    ranges.iter().map(|(a, b)| format!("{a}-{b}")).collect::<Vec<_>>().join(", ")
}

/// A date-bearing text (act, registration).
#[derive(Debug, Clone)]
pub struct Dated {
    /// The text as the code uses it, with its reading.
    pub cell: Cell,
    /// The date as YYYY-MM-DD.
    pub date: Option<String>,
}

/// Whether the regulation is in force, in the document's words.
#[derive(Debug, Clone)]
pub struct StatusStatement {
    /// In force or repealed.
    pub value: Status,
    /// The words that say so, verbatim.
    pub text: Text,
    /// The repealing act, verbatim.
    pub act: Option<String>,
    /// The date the repeal took effect, YYYY-MM-DD.
    pub date: Option<String>,
}

/// A footnote that amends the regulation.
#[derive(Debug, Clone)]
pub struct Footnote {
    /// The footnote, verbatim.
    pub text: Text,
    /// The amending act, verbatim.
    pub act: Option<String>,
    /// What it amends, as the analyst reads the footnote.
    pub amends: Option<Amends>,
}

/// What a footnote amends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Amends {
    /// The title.
    Title,
    /// The regulation as a whole.
    Whole,
    /// A numbered paragraph (пункт, тармақ).
    Paragraph(u32),
    /// A numbered appendix (приложение, қосымша).
    Appendix(u32),
}

impl std::fmt::Display for Amends {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Amends::Title => f.write_str("title"),
            Amends::Whole => f.write_str("whole"),
            Amends::Paragraph(n) => write!(f, "paragraph {n}"),
            Amends::Appendix(n) => write!(f, "appendix {n}"),
        }
    }
}

/// When an edition of a regulation comes into force, as the analyst records it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce {
    /// The day, `YYYY-MM-DD`.
    pub date: String,
    /// The analyst's reasoning (the document rarely gives the day itself).
    pub because: Option<String>,
}

/// An abbreviation and its definition.
#[derive(Debug, Clone)]
pub struct Abbreviation {
    /// The abbreviation as the regulation uses it.
    pub short: String,
    /// The definition, verbatim.
    pub definition: Text,
    /// Where it is declared in the rendition.
    pub at: Span,
}

/// Source lines a rendition quotes, and what it quotes there.
#[derive(Debug, Clone, PartialEq)]
pub struct CitedLines {
    /// The first line.
    pub first: u32,
    /// The last line.
    pub last: u32,
    /// What stands there.
    pub subject: Subject,
}

impl Regulation {
    /// What the rendition quotes on `line`, in rendition order.
    pub fn cited_on(&self, line: u32) -> Vec<&Subject> {
        let mut found: Vec<&Subject> = Vec::new();
        for c in self.cited.iter().filter(|c| c.first <= line && line <= c.last) {
            if !found.contains(&&c.subject) {
                found.push(&c.subject);
            }
        }
        found
    }
}

/// A quoted text of the rendition, kept for checks that read every text.
#[derive(Debug, Clone)]
pub struct QuoteRef {
    /// The text as the code uses it.
    pub text: String,
    /// The source line.
    pub line: u32,
    /// Where it is in the rendition.
    pub at: Span,
}

/// A participant: unit, information system or applicant.
#[derive(Debug, Clone)]
pub struct Participant {
    /// Its id.
    pub id: ParticipantId,
    /// Its kind.
    pub kind: ParticipantKind,
    /// Its name, verbatim.
    pub name: Text,
    /// Every spelling the document uses.
    pub spellings: Vec<String>,
    /// Where it is declared in the rendition.
    pub at: Span,
}

/// An analyst's reading: the document says one thing, the analyst reads another.
#[derive(Debug, Clone)]
pub struct ReadingNote {
    /// What the reading is about.
    pub subject: Subject,
    /// The document's text, verbatim (absent for free-standing readings and empty cells).
    pub document: Option<String>,
    /// The analyst's reading (absent for free-standing readings).
    pub reading: Option<String>,
    /// Why.
    pub because: String,
    /// The source line.
    pub line: u32,
    /// The last source line it cites.
    pub last_line: u32,
    /// Where it is in the rendition.
    pub at: Span,
}

impl ReadingNote {
    /// Whether it is a free-standing reading (`reading @L because "…"`): a
    /// defect recorded at a line, which answers the findings at that line.
    pub fn is_free_standing(&self) -> bool {
        self.document.is_none() && self.reading.is_none()
    }
}

/// A finding the analyst has examined against the document and keeps, with
/// the reason: `acknowledge W0302 "ЦГО" @3716 because "…"`.
#[derive(Debug, Clone)]
pub struct Acknowledgement {
    /// The code of the warning, such as `W0302`.
    pub code: String,
    /// The text on the cited lines the finding is about, verbatim, when quoted.
    pub text: Option<String>,
    /// The first source line of the finding.
    pub line: u32,
    /// The last source line.
    pub last_line: u32,
    /// Why the finding stands.
    pub because: String,
    /// Where it is written in the rendition.
    pub at: Span,
}

/// A quantity of time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// The amount × 1000, exact («1,5 минут» is 1500).
    pub milli: u64,
    /// The unit.
    pub unit: TimeUnit,
}

impl Quantity {
    /// The amount in decimal notation: `15`, `1.5`.
    pub fn amount(&self) -> String {
        let (whole, frac) = (self.milli / 1000, self.milli % 1000);
        if frac == 0 {
            whole.to_string()
        } else {
            format!("{whole}.{}", format!("{frac:03}").trim_end_matches('0'))
        }
    }
}

/// A deadline cell (or the service term), verbatim and read.
#[derive(Debug, Clone)]
pub struct Deadline {
    /// The cell.
    pub cell: Cell,
    /// What it means.
    pub meaning: Meaning,
}

impl Deadline {
    /// The limit, when the cell states one.
    pub fn limit(&self) -> Option<&Limit> {
        match &self.meaning {
            Meaning::Limit(l) => Some(l),
            Meaning::NoDeadline | Meaning::Unreadable => None,
        }
    }

    /// The maximum, when the cell states a limit.
    pub fn max(&self) -> Option<Quantity> {
        self.limit().map(|l| l.max)
    }
}

/// What a deadline cell means.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Meaning {
    /// A time limit.
    Limit(Limit),
    /// «-»: the table gives no deadline.
    NoDeadline,
    /// A phrasing the compiler could not read (an error was reported).
    Unreadable,
}

/// A time limit, as the compiler read it from the document's words: the
/// runtime applies it without reading any text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limit {
    /// How it bounds the time.
    pub bound: Bound,
    /// The minimum, for ranges.
    pub min: Option<Quantity>,
    /// The maximum.
    pub max: Quantity,
    /// The maximum in exceptional cases.
    pub exceptional_max: Option<Quantity>,
    /// How its days count.
    pub days: DayCount,
    /// When it starts counting.
    pub start: TermStart,
    /// When it applies («в случае отправки на электронную почту»).
    pub condition: Option<String>,
    /// Parenthetical remarks, verbatim (lower-cased by the reader).
    pub remarks: Vec<String>,
}

/// A target of a next-action cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// The action number.
    pub action: u32,
    /// The condition, as the cell words it.
    pub when: Option<String>,
}

/// A next-action cell, verbatim and resolved.
#[derive(Debug, Clone)]
pub struct Next {
    /// The cell.
    pub cell: Cell,
    /// The targets; empty when the process ends here, or when the cell
    /// could not be read.
    pub targets: Vec<Target>,
    /// Whether the cell could not be read (E0402): its targets are unknown,
    /// which is not «-».
    pub unread: bool,
}

/// One action of a table.
#[derive(Debug, Clone)]
pub struct Action {
    /// The action's number, as the code uses it (the reading's, if any).
    pub number: u32,
    /// The number the document gives, if a reading changed it.
    pub document_number: Option<u32>,
    /// The block heading it stands under, if any.
    pub block: Option<String>,
    /// The СФЕ cell.
    pub sfe: Option<Cell>,
    /// The participant the СФЕ cell resolves to.
    pub participant: Option<ParticipantId>,
    /// What is done.
    pub does: Option<Cell>,
    /// The completion form.
    pub completion: Option<Cell>,
    /// The deadline.
    pub deadline: Option<Deadline>,
    /// The next action; `None` when the cell is missing.
    pub next: Option<Next>,
    /// The process-list items the analyst linked the action to.
    pub covers: Vec<StepRef>,
    /// Whether its description or completion form, as the document writes
    /// them, speak of a refusal.
    pub refusal: bool,
    /// The source line of the action's number.
    pub line: u32,
    /// Where the action is in the rendition.
    pub at: Span,
}

impl Action {
    /// The text cell of a column the code uses; `None` for the deadline and
    /// next columns, which are read into values.
    pub fn cell(&self, column: Column) -> Option<&Cell> {
        match column {
            Column::Sfe => self.sfe.as_ref(),
            Column::Does => self.does.as_ref(),
            Column::Completion => self.completion.as_ref(),
            Column::Deadline => self.deadline.as_ref().map(|d| &d.cell),
            Column::Next => self.next.as_ref().map(|n| &n.cell),
        }
    }

    /// The text of a column the code uses: the reading, else the document's.
    pub fn effective(&self, column: Column) -> Option<&str> {
        self.cell(column).and_then(Cell::effective)
    }

    /// The targets the code follows; empty when the action is final.
    pub fn targets(&self) -> &[Target] {
        self.next.as_ref().map(|n| n.targets.as_slice()).unwrap_or(&[])
    }
}

/// A reference to a process-list item: `process 3`, `condition 2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRef {
    /// Process or condition.
    pub kind: ItemKind,
    /// Its number.
    pub number: u32,
    /// Where the reference is written.
    pub at: Span,
}

/// A use-case table: the order in which one outcome runs through the actions.
#[derive(Debug, Clone)]
pub struct Scenario {
    /// Main or alternative.
    pub kind: ScenarioKind,
    /// The table's caption, verbatim.
    pub title: Text,
    /// The actions in the use case's order.
    pub uses: Vec<ScenarioUse>,
}

/// One action of a use case.
#[derive(Debug, Clone)]
pub struct ScenarioUse {
    /// The action number.
    pub action: u32,
    /// The use case's text for it, verbatim.
    pub text: Option<String>,
    /// The source line of «Действие № N».
    pub line: u32,
    /// Where it is in the rendition.
    pub at: Span,
}

/// One item of a process list.
#[derive(Debug, Clone)]
pub struct Step {
    /// Its label («процесс 3»), if it has one.
    pub label: Option<(ItemKind, u32)>,
    /// The list marker, verbatim.
    pub marker: Option<String>,
    /// The item, as the code uses it (verbatim unless read); empty for an
    /// item the rendition writes `empty`.
    pub text: String,
    /// The source line.
    pub line: u32,
    /// Where it is in the rendition.
    pub at: Span,
    /// Where the analyst reads it to lead, for channels without a table.
    pub flow: Option<StepFlow>,
    /// Whether it speaks of a refusal.
    pub refusal: bool,
    /// The time limits it states («в течение 3 рабочих дней»).
    pub limits: Vec<Limit>,
}

impl Step {
    /// Whether this item carries label `kind` `number`.
    pub fn is(&self, kind: ItemKind, number: u32) -> bool {
        self.label == Some((kind, number))
    }
}

/// Where a process-list item leads, as the analyst reads it.
#[derive(Debug, Clone)]
pub struct StepFlow {
    /// The items it leads to; empty when it ends the service.
    pub leads: Vec<StepRef>,
    /// Why the analyst reads it so.
    pub because: String,
    /// The whole clause.
    pub at: Span,
}

/// A channel.
#[derive(Debug, Clone)]
pub struct Channel {
    /// Its id.
    pub id: ChannelId,
    /// Its kind.
    pub kind: ChannelKind,
    /// The table's caption (or the process list's heading), verbatim.
    pub title: String,
    /// The process list's heading, verbatim.
    pub processes_heading: Option<Text>,
    /// The actions, in table order (derived from the process list when the
    /// channel has no table).
    pub actions: Vec<Action>,
    /// The process-list items, in order.
    pub steps: Vec<Step>,
    /// The use-case tables.
    pub scenarios: Vec<Scenario>,
    /// Whether the actions were derived from the process list.
    pub derived: bool,
    /// Actions numbered like an action before them, which the code leaves
    /// out; the checker reports them (E0404) and what follows from them.
    pub duplicates: Vec<Duplicate>,
    /// The source lines of each of the channel's action tables, from its
    /// caption to its last cell.
    pub table_lines: Vec<(u32, u32)>,
    /// Where the channel is in the rendition.
    pub at: Span,
}

/// An action numbered like an action before it in the same channel.
#[derive(Debug, Clone)]
pub struct Duplicate {
    /// How many of the channel's actions stand before it in table order.
    pub after: usize,
    /// The action, as the table gives it.
    pub action: Action,
}

impl Channel {
    /// The action with this number.
    pub fn action(&self, number: u32) -> Option<&Action> {
        self.actions.iter().find(|a| a.number == number)
    }
}

/// One FLK rule: a field of a form.
#[derive(Debug, Clone)]
pub struct Field {
    /// The rule's number.
    pub number: u32,
    /// The field's id: its JSON key and Rust name.
    pub id: FieldId,
    /// The field's name, verbatim.
    pub name: String,
    /// Whether it must be filled in.
    pub required: bool,
    /// The size in characters.
    pub size: Option<u32>,
    /// The format, as read.
    pub format: FieldFormat,
    /// The format cell, verbatim.
    pub format_text: String,
    /// The required cell, verbatim.
    pub required_text: String,
    /// The source line.
    pub line: u32,
    /// Where the field is in the rendition.
    pub at: Span,
}

/// A form and its FLK rules.
#[derive(Debug, Clone)]
pub struct Form {
    /// The form's id.
    pub id: FormId,
    /// Its heading, verbatim.
    pub title: Text,
    /// Its fields.
    pub fields: Vec<Field>,
    /// Where the form is in the rendition.
    pub at: Span,
}

/// A regulation in one language.
#[derive(Debug, Clone)]
pub struct Regulation {
    /// Its id (the Rust module name).
    pub id: RegulationId,
    /// Its title.
    pub title: Cell,
    /// Its language.
    pub language: Language,
    /// The source document.
    pub source: Source,
    /// The rendition file, relative to the workspace root.
    pub rendition: String,
    /// The issuing body.
    pub issuer: Option<Cell>,
    /// The region of the issuing body.
    pub region: Option<RegionId>,
    /// The approving act.
    pub act: Option<Dated>,
    /// The registration.
    pub registration: Option<Dated>,
    /// Whether it is in force.
    pub status: Option<StatusStatement>,
    /// When this edition comes into force, when the analyst records it.
    pub in_force: Option<InForce>,
    /// The overall service term.
    pub term: Option<Deadline>,
    /// The regulation this is a language version of.
    pub version_of: Option<RegulationId>,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Abbreviations.
    pub abbreviations: Vec<Abbreviation>,
    /// Participants.
    pub participants: Vec<Participant>,
    /// Channels.
    pub channels: Vec<Channel>,
    /// Forms with FLK rules.
    pub forms: Vec<Form>,
    /// Every analyst reading, in rendition order.
    pub readings: Vec<ReadingNote>,
    /// The findings the analyst has acknowledged, in rendition order.
    pub acknowledgements: Vec<Acknowledgement>,
    /// Every quoted text, for checks that read them all; emptied once the
    /// checks have run (every text is in the model's other fields too).
    pub quotes: Vec<QuoteRef>,
    /// What the rendition quotes on each source line it cites: the structural
    /// name of a line (a reading's `@1795` is shown as what stands there,
    /// not as a number that moves with every amendment).
    pub cited: Vec<CitedLines>,
    /// Where the rendition's parts are, for diagnostics across files.
    pub spans: Spans,
}

impl Regulation {
    /// The title the code uses.
    pub fn title(&self) -> &str {
        self.title.effective().unwrap_or_default()
    }

    /// The participant with this id.
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }
}

/// Where parts of a rendition are written, for diagnostics that point at them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Spans {
    /// The regulation's id.
    pub id: Span,
    /// The `version_of` statement's id.
    pub version_of: Span,
}

#[cfg(test)]
mod tests {
    use super::Source;

    #[test]
    fn a_source_in_two_ranges_holds_their_lines_only() {
        let source = Source {
            file: "004.txt".into(),
            first: 1,
            last: 12,
            ranges: vec![(1, 3), (10, 12)],
            sha256: String::new(),
            follows: None,
        };
        assert!(source.contains(3) && source.contains(10) && !source.contains(5) && !source.contains(13));
        assert_eq!(source.lines(2, 11).collect::<Vec<_>>(), [2, 3, 10, 11]);
        assert_eq!(source.ranges_text(), "1-3, 10-12");
    }
}
