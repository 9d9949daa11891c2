//! The syntax tree of a rendition: what the analyst wrote, with spans.
//!
//! The tree keeps every quote exactly as written (escapes resolved) and every
//! citation of the source document. It knows nothing of what the texts mean:
//! resolving participants, next actions and deadlines is the compiler's job.

/// A byte range in the rendition file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// A name the analyst chose, in ASCII: a regulation, channel, participant or field id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ident {
    /// The identifier itself.
    pub name: String,
    /// Where it is written.
    pub span: Span,
}

/// The source-document lines a text comes from (1-based, inclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Citation {
    /// First source line.
    pub first: u32,
    /// Last source line; equal to `first` for a one-line text.
    pub last: u32,
    /// Where the citation is written in the rendition.
    pub span: Span,
}

/// An analyst's reading of a text the document gets wrong: what the compiler
/// uses instead, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// The replacement text (or number, written as text).
    pub replacement: String,
    /// The analyst's explanation.
    pub because: String,
    /// The whole `reading … because …` clause.
    pub span: Span,
}

/// One quoted piece of a text, with its own citation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The verbatim text of the piece.
    pub text: String,
    /// Where the quote is written.
    pub span: Span,
    /// The source lines of the piece.
    pub citation: Citation,
}

/// A text of the document: quoted verbatim, or a cell the document leaves empty.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cited {
    /// The verbatim text (pieces joined by a space); `None` for a cell written `empty`.
    pub text: Option<String>,
    /// The quoted pieces of a cell split over lines (`"…" @451 + "…" @453`);
    /// empty for an ordinary quote (its text and citation are the whole's)
    /// and for `empty`.
    pub pieces: Vec<Piece>,
    /// Where the quote (or `empty`) is written.
    pub span: Span,
    /// The source lines.
    pub citation: Citation,
    /// The analyst's reading, if the document is wrong here.
    pub reading: Option<Reading>,
}

impl Cited {
    /// A placeholder for a text the parser could not read; it never reaches
    /// the compiler, because the parse that produced it also reported an error.
    pub fn missing(span: Span) -> Self {
        Cited { text: None, pieces: Vec::new(), span, citation: Citation { first: 0, last: 0, span }, reading: None }
    }

    /// The text the compiler should use: the reading if there is one, else the document's text.
    pub fn effective(&self) -> Option<&str> {
        match &self.reading {
            Some(r) => Some(r.replacement.as_str()),
            None => self.text.as_deref(),
        }
    }
}

/// A free-standing reading: a defect of the document recorded at a line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// The source lines the defect is at.
    pub citation: Citation,
    /// The analyst's explanation.
    pub because: String,
    /// The whole statement.
    pub span: Span,
}

/// A question left open (`undecided @L "…"`): what the analyst must decide
/// before the rendition compiles. `regc import` writes these where the
/// document does not say what it means; the compiler reports each as an
/// error until the analyst records a reading and deletes the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Undecided {
    /// The source lines the question is about.
    pub citation: Citation,
    /// The question, in the analyst's words (or the importer's).
    pub question: String,
    /// The whole statement.
    pub span: Span,
}

/// An acknowledged finding: `acknowledge W0302 "ЦГО" @3716 because "…"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Acknowledgement {
    /// The code of the warning acknowledged, such as `W0302`.
    pub code: (String, Span),
    /// The text on the cited line the finding is about, when quoted.
    pub text: Option<(String, Span)>,
    /// The source lines the finding is at.
    pub citation: Citation,
    /// Why the finding stands: what the analyst found in the document.
    pub because: String,
    /// The whole statement.
    pub span: Span,
}

impl Acknowledgement {
    /// The text it quotes, as a quote at its citation, when it quotes one:
    /// checked and moved like any other.
    pub fn quoted(&self) -> Option<Cited> {
        let (text, span) = self.text.as_ref()?;
        Some(Cited {
            text: Some(text.clone()),
            pieces: Vec::new(),
            span: *span,
            citation: self.citation,
            reading: None,
        })
    }
}

/// The language of a rendition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageCode {
    /// Russian (`ru`).
    Ru,
    /// Kazakh (`kk`).
    Kk,
}

/// A `status` statement: whether the regulation is in force and, for a
/// repealed one, by which act and from when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    /// In force or repealed.
    pub value: StatusValue,
    /// The words of the document that say so.
    pub text: Cited,
    /// The repealing act, verbatim, as part of the text.
    pub act: Option<(String, Span)>,
    /// The date the repeal took effect, `YYYY-MM-DD`.
    pub date: Option<(String, Span)>,
}

/// Whether the regulation is in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusValue {
    /// In force.
    InForce,
    /// Repealed (Утратило силу, Күшін жойған).
    Repealed,
}

/// The kind of a participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParticipantKind {
    /// A structural-functional unit (СФЕ, ҚФБ): people in an organisation.
    Unit,
    /// An information system (ИС, АЖ).
    System,
    /// The applicant (потребитель, алушы) acting in the process.
    Applicant,
}

/// The kind of a channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChannelKind {
    /// The authorised body (МИО, ММ, уәкілетті орган).
    Authority,
    /// A public service centre (ЦОН, ХҚКО).
    Center,
    /// The e-government portal (ПЭП, ЭҮП).
    Portal,
}

/// A whole rendition: one regulation in one language.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Regulation {
    /// The regulation's id.
    pub id: Option<Ident>,
    /// Its title.
    pub title: Option<Cited>,
    /// `ru` or `kk`, with its span.
    pub language: Option<(LanguageCode, Span)>,
    /// The source document's file name and the regulation's line range.
    pub source: Option<SourceRef>,
    /// The issuing body.
    pub issuer: Option<Cited>,
    /// The act that approves it, with its date.
    pub act: Option<Dated>,
    /// Its registration with the justice authority, with its date.
    pub registration: Option<Dated>,
    /// Whether it is in force.
    pub status: Option<Status>,
    /// When this edition comes into force, if the analyst records it.
    pub in_force: Option<InForce>,
    /// The overall service term, where the regulation states one.
    pub term: Option<Cited>,
    /// Another rendition this one is a language version of.
    pub version_of: Option<Ident>,
    /// The region of the issuing body, as an id.
    pub region: Option<Ident>,
    /// Footnotes (Сноска, Ескерту) that amend the text.
    pub footnotes: Vec<Footnote>,
    /// Abbreviations the document defines.
    pub abbreviations: Vec<Abbreviation>,
    /// Participants: units, information systems and the applicant.
    pub participants: Vec<Participant>,
    /// Channels through which the service is given.
    pub channels: Vec<Channel>,
    /// Application forms with their FLK rules.
    pub forms: Vec<Form>,
    /// Free-standing readings at regulation level.
    pub notes: Vec<Note>,
    /// Every question left open, wherever it stands in the rendition.
    pub undecided: Vec<Undecided>,
    /// Acknowledged findings, wherever they stand in the rendition.
    pub acknowledgements: Vec<Acknowledgement>,
    /// The whole `regulation { … }` item.
    pub span: Span,
}

/// The source document of a rendition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceRef {
    /// The file name under `regulations/sources/`.
    pub file: String,
    /// First line of the regulation in the file (the earliest of its ranges).
    pub first: u32,
    /// Last line of the regulation in the file (the latest of its ranges).
    pub last: u32,
    /// The ranges of lines the regulation stands in, first and last line
    /// each, as written: one for most regulations; lowering checks that
    /// they go forward and do not overlap.
    pub ranges: Vec<(u32, u32)>,
    /// The whole statement.
    pub span: Span,
}

/// A cited text with an optional normalised date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dated {
    /// The verbatim text.
    pub text: Cited,
    /// The date, as `YYYY-MM-DD`, if the analyst gave one.
    pub date: Option<(String, Span)>,
}

/// A footnote that amends the regulation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Footnote {
    /// The footnote's verbatim text.
    pub text: Cited,
    /// The amending act, verbatim, if given.
    pub act: Option<(String, Span)>,
    /// What it amends, if given.
    pub amends: Option<Amends>,
}

/// What a footnote amends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AmendsTarget {
    /// The title.
    Title,
    /// The regulation as a whole.
    Whole,
    /// A numbered paragraph (пункт, тармақ).
    Paragraph(u32),
    /// A numbered appendix (приложение, қосымша).
    Appendix(u32),
}

/// `amends paragraph 1`, with where it is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Amends {
    /// The target.
    pub target: AmendsTarget,
    /// Where it is written.
    pub span: Span,
}

/// `in_force 2013-02-11 because "…"`: when this edition comes into force.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InForce {
    /// The date, `YYYY-MM-DD`, and where it is written.
    pub date: (String, Span),
    /// The analyst's reasoning, if given.
    pub because: Option<String>,
    /// The statement's span.
    pub span: Span,
}

/// An abbreviation and its definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Abbreviation {
    /// The abbreviation, verbatim.
    pub short: (String, Span),
    /// The analyst's reading of the short form, where the document writes it oddly.
    pub reading: Option<Reading>,
    /// Its definition, cited.
    pub definition: Cited,
}

/// A participant of the service.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Participant {
    /// Its id.
    pub id: Ident,
    /// Its kind.
    pub kind: (ParticipantKind, Span),
    /// Its name where the document lists it.
    pub name: Cited,
    /// Other spellings the document uses for it.
    pub spellings: Vec<(String, Span)>,
}

/// A channel: its process list and its action table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Channel {
    /// Its id.
    pub id: Ident,
    /// Its kind.
    pub kind: (ChannelKind, Span),
    /// Its process lists (normally one).
    pub processes: Vec<ProcessList>,
    /// Its action tables (normally one).
    pub tables: Vec<Table>,
    /// Its use-case tables: main and alternative runs through the actions.
    pub scenarios: Vec<Scenario>,
    /// Free-standing readings in the channel.
    pub notes: Vec<Note>,
    /// The whole item.
    pub span: Span,
}

/// A use-case table: the order in which one outcome runs through the actions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scenario {
    /// True for the main process, false for an alternative one.
    pub main: bool,
    /// The table's caption.
    pub caption: Cited,
    /// The actions in the order the use case gives them.
    pub uses: Vec<ScenarioUse>,
    /// Free-standing readings.
    pub notes: Vec<Note>,
}

/// One action of a use case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScenarioUse {
    /// The action number.
    pub number: (u32, Span),
    /// Where «Действие № N» stands in the source.
    pub citation: Citation,
    /// The use case's text for the action, if it gives one.
    pub text: Option<Cited>,
}

/// A process list: the paragraph that introduces it and its items.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProcessList {
    /// The heading paragraph.
    pub heading: Cited,
    /// The items in document order.
    pub steps: Vec<Step>,
    /// Free-standing readings in the list, such as a skipped item number.
    pub notes: Vec<Note>,
}

/// One item of a process list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The list marker (`6)` or `-`), verbatim, if the document has one.
    pub marker: Option<(String, Span)>,
    /// The item's text, verbatim, including its «процесс N» label.
    pub text: Cited,
    /// The analyst's reading of where the item leads, for channels without a table.
    pub flow: Option<StepFlow>,
}

/// Where a process-list item leads, as the analyst reads it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepFlow {
    /// The items it leads to; empty when it ends the service.
    pub leads: Vec<StepRef>,
    /// Why the analyst reads it so.
    pub because: String,
    /// The whole clause.
    pub span: Span,
}

/// An action table.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The table's caption.
    pub caption: Cited,
    /// Its blocks; actions outside any block form one block without a heading.
    pub blocks: Vec<Block>,
    /// Free-standing readings in the table.
    pub notes: Vec<Note>,
}

/// A block of a table («1. Действия основного процесса», «кестенің жалғасы»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    /// The block's heading, if it has one.
    pub heading: Option<Cited>,
    /// The block's actions.
    pub actions: Vec<Action>,
    /// Free-standing readings in the block.
    pub notes: Vec<Note>,
}

/// One action (a column of a transposed table, or a row).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Action {
    /// The number the document gives it.
    pub number: (u32, Span),
    /// Where the number stands in the source.
    pub citation: Citation,
    /// The analyst's reading of the number.
    pub reading: Option<Reading>,
    /// The responsible СФЕ or information system.
    pub sfe: Option<Cited>,
    /// What is done.
    pub does: Option<Cited>,
    /// The completion form.
    pub completion: Option<Cited>,
    /// The deadline.
    pub deadline: Option<Cited>,
    /// The next action.
    pub next: Option<Cited>,
    /// The process-list items this action carries out, if the analyst linked them.
    pub covers: Vec<StepRef>,
    /// Free-standing readings in the action.
    pub notes: Vec<Note>,
    /// The whole item.
    pub span: Span,
}

/// A reference from an action to a process-list item: `process 3`, `condition 2`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StepRef {
    /// True for `condition`, false for `process`.
    pub condition: bool,
    /// The process or condition number.
    pub number: u32,
    /// Where the reference is written.
    pub span: Span,
}

/// An application form with its FLK rules.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Its id.
    pub id: Ident,
    /// Its heading in the document.
    pub heading: Cited,
    /// Its fields.
    pub fields: Vec<Field>,
    /// Free-standing readings in the form.
    pub notes: Vec<Note>,
}

/// One FLK rule: a field of the form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    /// Its number in the table.
    pub number: (u32, Span),
    /// Its id, if the analyst gave one.
    pub id: Option<Ident>,
    /// Where its number stands in the source.
    pub citation: Citation,
    /// The field's name.
    pub name: Option<Cited>,
    /// «Обязательно / Необязательно».
    pub required: Option<Cited>,
    /// The size cell.
    pub size: Option<Cited>,
    /// The format cell.
    pub format: Option<Cited>,
    /// Free-standing readings.
    pub notes: Vec<Note>,
    /// The whole item.
    pub span: Span,
}
