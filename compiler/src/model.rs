//! The model of a regulation: what the compiler checks and emits from.
//!
//! The model is the one intermediate representation between the rendition
//! (front end) and every output (Rust, JSON export, review documents). It keeps
//! every verbatim text with its source line, and the analyst's reading beside
//! it where there is one; the `effective` values are what the code follows.
//! It serialises to the JSON of `regc export` (docs/export.md).

use reglament_grammar::ast::Span;
use serde::Serialize;

/// Every regulation compiled in one run.
#[derive(Debug, Clone, Serialize, Default)]
pub struct Corpus {
    /// The regulations, ordered by id.
    pub regulations: Vec<Regulation>,
}

/// A verbatim text of the document, with its source lines.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Text {
    /// The text, verbatim.
    pub text: String,
    /// The first source line.
    pub line: u32,
    /// The last source line (equal to `line` for one-line texts).
    #[serde(skip_serializing_if = "is_zero")]
    pub last_line: u32,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

/// The source document of a regulation.
#[derive(Debug, Clone, Serialize)]
pub struct Source {
    /// The file name under regulations/sources/.
    pub file: String,
    /// First and last line.
    pub lines: [u32; 2],
}

/// A date-bearing text (act, registration).
#[derive(Debug, Clone, Serialize)]
pub struct Dated {
    /// The verbatim text.
    #[serde(flatten)]
    pub text: Text,
    /// The date as YYYY-MM-DD.
    pub date: Option<String>,
}

/// A footnote that amends the regulation.
#[derive(Debug, Clone, Serialize)]
pub struct Footnote {
    /// The footnote, verbatim.
    #[serde(flatten)]
    pub text: Text,
    /// The amending act, verbatim.
    pub act: Option<String>,
    /// What it amends.
    pub amends: Option<String>,
}

/// An abbreviation and its definition.
#[derive(Debug, Clone, Serialize)]
pub struct Abbreviation {
    /// The abbreviation.
    pub short: String,
    /// The definition, verbatim.
    pub definition: Text,
    /// How often the regulation's source lines use it, besides its definition
    /// (`None` when the source document could not be read).
    pub uses: Option<usize>,
    /// Where it is declared in the rendition.
    #[serde(skip)]
    pub at: Span,
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
#[derive(Debug, Clone, Serialize)]
pub struct Participant {
    /// Its id.
    pub id: String,
    /// `unit`, `system` or `applicant`.
    pub kind: &'static str,
    /// Its name, verbatim.
    pub name: Text,
    /// Every spelling the document uses.
    pub spellings: Vec<String>,
    /// Where it is declared in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// An analyst's reading: the document says one thing, the analyst reads another.
#[derive(Debug, Clone, Serialize)]
pub struct ReadingNote {
    /// What the reading is about, such as "channel mio, action 6, next".
    pub subject: String,
    /// The document's text, verbatim (absent for free-standing readings).
    pub document: Option<String>,
    /// The analyst's reading (absent for free-standing readings).
    pub reading: Option<String>,
    /// Why.
    pub because: String,
    /// The source line.
    pub line: u32,
    /// Where it is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// A quantity of time.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
pub struct Quantity {
    /// The amount (may be fractional: 1.5).
    pub value: f64,
    /// `second`, `minute`, `hour`, `day`, `working_day`, `calendar_day` or `month`.
    pub unit: &'static str,
    /// The amount × 1000, exact.
    #[serde(skip)]
    pub milli: u64,
}

/// A deadline cell, verbatim and read.
#[derive(Debug, Clone, Serialize)]
pub struct Deadline {
    /// The cell, verbatim.
    pub text: String,
    /// The analyst's reading, if any; the parsed value follows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// `at_most`, `within`, `range` or `plain`; absent when unreadable.
    pub bound: Option<&'static str>,
    /// The minimum, for ranges.
    pub min: Option<Quantity>,
    /// The maximum.
    pub max: Option<Quantity>,
    /// The exceptional maximum.
    pub exceptional_max: Option<Quantity>,
    /// Remarks such as exclusions, verbatim (lower-cased by the reader).
    pub remarks: Vec<String>,
    /// The condition on the deadline.
    pub condition: Option<String>,
    /// The source line.
    pub line: u32,
}

/// A target of a next-action cell.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
pub struct Target {
    /// The action number.
    pub action: u32,
    /// The condition, as the cell words it.
    pub when: Option<String>,
}

/// A next-action cell, verbatim and resolved.
#[derive(Debug, Clone, Serialize)]
pub struct Next {
    /// The cell, verbatim; null for an empty cell.
    pub text: Option<String>,
    /// The analyst's reading, if any; the targets follow it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reading: Option<String>,
    /// The targets; empty when the process ends here.
    pub targets: Vec<Target>,
    /// The source line.
    pub line: u32,
    /// Where the cell is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// One action of a table.
#[derive(Debug, Clone, Serialize)]
pub struct Action {
    /// The action's number, as the code uses it (the reading's, if any).
    pub number: u32,
    /// The number the document gives, if a reading changed it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<u32>,
    /// The block heading it stands under, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub block: Option<String>,
    /// The СФЕ cell, verbatim.
    pub sfe: Option<String>,
    /// The participant the СФЕ cell resolves to.
    pub participant: Option<String>,
    /// What is done, verbatim.
    pub action: Option<String>,
    /// The completion form, verbatim.
    pub completion: Option<String>,
    /// The analyst's readings of the СФЕ, action and completion cells, where
    /// the document gets them wrong; generated code uses these.
    #[serde(skip_serializing_if = "CellReadings::is_empty")]
    pub read: CellReadings,
    /// The deadline.
    pub deadline: Option<Deadline>,
    /// The next action; null when the cell is missing.
    pub next: Option<Next>,
    /// The process-list items the analyst linked the action to.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub covers: Vec<StepLink>,
    /// The source line of the action's number.
    pub line: u32,
    /// Where the action is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// A link from an action to a process-list item.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct StepLink {
    /// `process` or `condition`.
    pub kind: &'static str,
    /// Its number.
    pub number: u32,
    /// Where the link is written.
    #[serde(skip)]
    pub at: Span,
}

/// Readings of an action's text cells.
#[derive(Debug, Clone, Default, Serialize)]
pub struct CellReadings {
    /// The СФЕ cell as read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sfe: Option<String>,
    /// The action cell as read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub action: Option<String>,
    /// The completion cell as read.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub completion: Option<String>,
}

impl CellReadings {
    /// Whether no cell has a reading.
    pub fn is_empty(&self) -> bool {
        self.sfe.is_none() && self.action.is_none() && self.completion.is_none()
    }
}

impl Action {
    /// The СФЕ text the code uses: the reading, else the document's.
    pub fn effective_sfe(&self) -> Option<&str> {
        self.read.sfe.as_deref().or(self.sfe.as_deref())
    }

    /// The action text the code uses.
    pub fn effective_action(&self) -> Option<&str> {
        self.read.action.as_deref().or(self.action.as_deref())
    }

    /// The completion text the code uses.
    pub fn effective_completion(&self) -> Option<&str> {
        self.read.completion.as_deref().or(self.completion.as_deref())
    }

    /// The targets the code follows; empty when the action is final.
    pub fn targets(&self) -> &[Target] {
        self.next.as_ref().map(|n| n.targets.as_slice()).unwrap_or(&[])
    }
}

/// A use-case table: the order in which one outcome runs through the actions.
#[derive(Debug, Clone, Serialize)]
pub struct Scenario {
    /// `main` or `alternative`.
    pub kind: &'static str,
    /// The table's caption, verbatim.
    pub title: Text,
    /// The actions in the use case's order.
    pub uses: Vec<ScenarioUse>,
}

/// One action of a use case.
#[derive(Debug, Clone, Serialize)]
pub struct ScenarioUse {
    /// The action number.
    pub action: u32,
    /// The use case's text for it, verbatim.
    pub text: Option<String>,
    /// The source line of «Действие № N».
    pub line: u32,
    /// Where it is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// One item of a process list.
#[derive(Debug, Clone, Serialize)]
pub struct Step {
    /// `process`, `condition` or `step`.
    pub kind: &'static str,
    /// The process or condition number.
    pub number: Option<u32>,
    /// The list marker, verbatim.
    pub marker: Option<String>,
    /// The item, verbatim.
    pub text: String,
    /// The source line.
    pub line: u32,
    /// Where it is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

/// A channel.
#[derive(Debug, Clone, Serialize)]
pub struct Channel {
    /// Its id.
    pub id: String,
    /// `authority`, `center` or `portal`.
    pub kind: &'static str,
    /// The table's caption (or the process list's heading), verbatim.
    pub title: String,
    /// The process list's heading, verbatim.
    pub processes_heading: Option<Text>,
    /// The actions, in table order.
    pub actions: Vec<Action>,
    /// The process-list items, in order.
    pub steps: Vec<Step>,
    /// The use-case tables: main and alternative runs through the actions.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub scenarios: Vec<Scenario>,
    /// Where the channel is in the rendition.
    #[serde(skip)]
    pub at: Span,
}

impl Channel {
    /// The action with this number.
    pub fn action(&self, number: u32) -> Option<&Action> {
        self.actions.iter().find(|a| a.number == number)
    }
}

/// One FLK rule.
#[derive(Debug, Clone, Serialize)]
pub struct Field {
    /// The rule's number.
    pub number: u32,
    /// The Rust field name.
    pub id: String,
    /// The field's name, verbatim.
    pub name: String,
    /// Whether it must be filled in.
    pub required: bool,
    /// The size in characters.
    pub size: Option<u32>,
    /// The format cell, verbatim.
    pub format: String,
    /// `numeric`, `text`, `date` or `iin`.
    pub format_kind: &'static str,
    /// The required cell, verbatim.
    pub required_text: String,
    /// The source line.
    pub line: u32,
}

/// A form and its FLK rules.
#[derive(Debug, Clone, Serialize)]
pub struct Form {
    /// The form's id.
    pub form: String,
    /// Its heading, verbatim.
    pub title: Text,
    /// Its fields.
    pub fields: Vec<Field>,
}

/// A regulation in one language.
#[derive(Debug, Clone, Serialize)]
pub struct Regulation {
    /// Its id (the Rust module name).
    pub id: String,
    /// Its title, verbatim.
    pub title: String,
    /// The title's source line.
    pub title_line: u32,
    /// `ru` or `kk`.
    pub language: String,
    /// The source document.
    pub source: Source,
    /// The rendition file.
    pub rendition: String,
    /// The issuing body.
    pub issuer: Option<Text>,
    /// The approving act.
    pub act: Option<Dated>,
    /// The registration.
    pub registration: Option<Dated>,
    /// `in_force` or `repealed`, with the words that say so.
    pub status: Option<(String, Text)>,
    /// The overall service term.
    pub term: Option<Deadline>,
    /// The regulation this is a language version of.
    pub version_of: Option<String>,
    /// Where `version_of` is written.
    #[serde(skip)]
    pub version_of_at: Span,
    /// Footnotes.
    pub footnotes: Vec<Footnote>,
    /// Abbreviations.
    pub abbreviations: Vec<Abbreviation>,
    /// Participants.
    pub participants: Vec<Participant>,
    /// Channels.
    pub channels: Vec<Channel>,
    /// Forms with FLK rules.
    pub flk: Vec<Form>,
    /// Every analyst reading, in rendition order.
    pub readings: Vec<ReadingNote>,
    /// Every quoted text, for checks that read them all; emptied by
    /// [`crate::compile_text_in`] once the checks have run (every text is
    /// in the model's other fields too).
    #[serde(skip)]
    pub quotes: Vec<QuoteRef>,
}
