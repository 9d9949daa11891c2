//! `regc diff`: what changed in the law between two versions of the
//! renditions, in the law's terms — per regulation, channel, action, form
//! field and reading — rather than in lines of text.
//!
//! Both sides are compiled into the model ([`side`] finds and compiles them:
//! a git revision, the working tree, or rendition files and folders), and
//! [`compare`] walks the two models: regulations by id, channels by id,
//! actions by their content and number (an action that moved to another
//! number is reported as renumbered, not as removed and added), process-list
//! items and use cases by their text, forms by id, FLK fields by id and
//! number, readings by subject. It reads no line number and no span: an
//! edition of the source document that moves every citation but changes no
//! text shows as the edition alone. Texts are compared with white space
//! folded, as quotes are verified. [`render`] shows the result in the
//! user's language (human, Markdown) or as versioned JSON (docs/diff.md).
//!
//! The comparison knows the model only: not the syntax tree, not the file
//! system, not git, and no back end.

mod align;
mod channel;
mod compare;
mod readings;
pub mod render;
pub mod side;

pub use compare::compare;

use crate::model::{ChannelId, FieldId, FormId, ItemKind, Meaning, ParticipantId, RegulationId, ScenarioKind, Subject};

/// The differences between two corpora: the regulations that changed.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    /// The regulations added, removed or changed, ordered by id.
    pub regulations: Vec<RegulationDiff>,
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.regulations.is_empty()
    }

    /// How many changes there are: one per regulation added or removed, and
    /// one per change of the others.
    pub fn count(&self) -> usize {
        self.regulations
            .iter()
            .map(|r| match r.presence {
                Presence::Changed => r.changes.len(),
                Presence::Added | Presence::Removed => 1,
            })
            .sum()
    }
}

/// What happened to a regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Only the new side has it.
    Added,
    /// Only the old side has it.
    Removed,
    /// Both sides have it, and it changed.
    Changed,
}

impl Presence {
    /// The stable name the JSON output writes.
    pub const fn as_str(self) -> &'static str {
        match self {
            Presence::Added => "added",
            Presence::Removed => "removed",
            Presence::Changed => "changed",
        }
    }
}

/// The changes of one regulation.
#[derive(Debug, Clone, PartialEq)]
pub struct RegulationDiff {
    /// Its id.
    pub id: RegulationId,
    /// Its title as the code uses it (the new side's, when it has one).
    pub title: String,
    /// Added, removed or changed.
    pub presence: Presence,
    /// What changed, in the order of the regulation: the regulation's own
    /// statements, participants, abbreviations, footnotes, then channel by
    /// channel, form by form, and the readings. Empty for a regulation
    /// added or removed.
    pub changes: Vec<Change>,
}

/// One change: where, and what.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The element of the regulation that changed.
    pub place: Place,
    /// What happened to it.
    pub what: What,
}

/// An element of a regulation, named as the law names it. Numbers are the
/// new side's, except for what only the old side has.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The regulation's own statements (title, act, term, edition …).
    Regulation,
    /// A participant.
    Participant(ParticipantId),
    /// An abbreviation, by its short form.
    Abbreviation(String),
    /// A footnote.
    Footnote,
    /// A channel itself (its kind, caption, the process list's heading).
    Channel(ChannelId),
    /// An item of a channel's process list, by its marker.
    ProcessItem(ChannelId, String),
    /// An action of a channel, by number.
    Action(ChannelId, u32),
    /// A use case of a channel: its kind and its place among the channel's use cases (from 1).
    UseCase(ChannelId, ScenarioKind, usize),
    /// A form itself (its heading).
    Form(FormId),
    /// An FLK field of a form: its number and id.
    Field(FormId, u32, FieldId),
    /// An analyst's reading, by its subject.
    Reading(Subject),
}

/// What part of the regulation a [`Place`] belongs to, for output that
/// groups changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Section {
    /// The regulation's own statements, participants, abbreviations and footnotes.
    Regulation,
    /// A channel.
    Channel(ChannelId),
    /// A form.
    Form(FormId),
    /// The analyst's readings.
    Readings,
}

impl Place {
    /// The section the place belongs to.
    pub fn section(&self) -> Section {
        match self {
            Place::Regulation | Place::Participant(_) | Place::Abbreviation(_) | Place::Footnote => Section::Regulation,
            Place::Channel(c) | Place::ProcessItem(c, _) | Place::Action(c, _) | Place::UseCase(c, _, _) => {
                Section::Channel(c.clone())
            }
            Place::Form(f) | Place::Field(f, _, _) => Section::Form(f.clone()),
            Place::Reading(_) => Section::Readings,
        }
    }
}

/// What happened to an element.
#[derive(Debug, Clone, PartialEq)]
pub enum What {
    /// Only the new side has it; `text` says what it is (an action's
    /// «does» cell, a participant's name …); `because` is a reading's reason.
    Added {
        /// What it is, in the document's words (a reading's text for readings).
        text: Option<String>,
        /// A reading's reason.
        because: Option<String>,
    },
    /// Only the old side has it.
    Removed {
        /// What it was, in the document's words (a reading's text for readings).
        text: Option<String>,
        /// A reading's reason.
        because: Option<String>,
    },
    /// The same element under another number (an action, an FLK field).
    Renumbered {
        /// The old number.
        old: u32,
        /// The new number.
        new: u32,
    },
    /// A text changed: the document's words, or a reading's.
    Text {
        /// Which text.
        part: Part,
        /// The old text; `None` when there was none (or an empty cell).
        old: Option<String>,
        /// The new text.
        new: Option<String>,
    },
    /// A value the code uses changed while the document's words it is read
    /// from did not (a deadline read otherwise through a reading, a
    /// next-action cell whose number now names another action, a participant
    /// resolved otherwise), or a value with no text of its own (a region, a
    /// date, a kind, where a next-action cell leads).
    Value {
        /// Which value.
        part: Part,
        /// The old value.
        old: Value,
        /// The new value.
        new: Value,
    },
    /// The source document's edition: another file, or the same file with
    /// other contents.
    Edition {
        /// The old edition.
        old: Edition,
        /// The new edition.
        new: Edition,
    },
}

/// A source document's edition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition {
    /// The file name under regulations/sources/.
    pub file: String,
    /// Its SHA-256 digest, lower-case hex.
    pub sha256: String,
}

/// Which text or value of an element changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    /// The regulation's title.
    Title,
    /// The rendition's language.
    Language,
    /// The issuing body.
    Issuer,
    /// The region of the issuing body.
    Region,
    /// The approving act.
    Act,
    /// The approving act's date.
    ActDate,
    /// The registration.
    Registration,
    /// The registration's date.
    RegistrationDate,
    /// Whether the regulation is in force.
    Status,
    /// The words that say so.
    StatusText,
    /// The repealing act.
    RepealingAct,
    /// The date the repeal took effect.
    RepealDate,
    /// The edition the rendered edition follows.
    Follows,
    /// The day the edition comes into force.
    InForce,
    /// The service term.
    Term,
    /// The regulation this one is a language version of.
    VersionOf,
    /// A name (a participant's).
    Name,
    /// A kind (a participant's, a channel's).
    Kind,
    /// A participant's other spellings.
    Spellings,
    /// An abbreviation's definition.
    Definition,
    /// The text of a footnote or a process-list item.
    Text,
    /// What a footnote amends.
    Amends,
    /// A footnote's amending act.
    AmendingAct,
    /// A channel's caption (its table's, or its process list's heading).
    Caption,
    /// A channel's process-list heading.
    Heading,
    /// A text column of an action table.
    Sfe,
    /// What is done.
    Does,
    /// The completion form.
    Completion,
    /// The deadline.
    Deadline,
    /// The next action.
    Next,
    /// The participant an action's СФЕ cell resolves to.
    Participant,
    /// The block heading an action stands under.
    Block,
    /// The process-list items an action carries out.
    Covers,
    /// A use case's caption.
    UseCaseTitle,
    /// The actions a use case runs through.
    UseCasePath,
    /// A use case's text for one of its actions.
    UseCaseText(u32),
    /// A form's heading.
    FormTitle,
    /// An FLK field's id.
    FieldId,
    /// An FLK field's name.
    FieldName,
    /// Whether an FLK field is required.
    Required,
    /// An FLK field's size.
    Size,
    /// An FLK field's format.
    Format,
    /// A reading's text.
    Reading,
    /// A reading's reason.
    Because,
}

impl Part {
    /// The stable name the JSON output writes.
    pub fn as_str(self) -> &'static str {
        match self {
            Part::Title => "title",
            Part::Language => "language",
            Part::Issuer => "issuer",
            Part::Region => "region",
            Part::Act => "act",
            Part::ActDate => "act_date",
            Part::Registration => "registration",
            Part::RegistrationDate => "registration_date",
            Part::Status => "status",
            Part::StatusText => "status_text",
            Part::RepealingAct => "repealing_act",
            Part::RepealDate => "repeal_date",
            Part::Follows => "follows",
            Part::InForce => "in_force",
            Part::Term => "term",
            Part::VersionOf => "version_of",
            Part::Name => "name",
            Part::Kind => "kind",
            Part::Spellings => "spellings",
            Part::Definition => "definition",
            Part::Text => "text",
            Part::Amends => "amends",
            Part::AmendingAct => "amending_act",
            Part::Caption => "caption",
            Part::Heading => "heading",
            Part::Sfe => "sfe",
            Part::Does => "does",
            Part::Completion => "completion",
            Part::Deadline => "deadline",
            Part::Next => "next",
            Part::Participant => "participant",
            Part::Block => "block",
            Part::Covers => "covers",
            Part::UseCaseTitle => "use_case_title",
            Part::UseCasePath => "use_case_path",
            Part::UseCaseText(_) => "use_case_text",
            Part::FormTitle => "form_title",
            Part::FieldId => "field_id",
            Part::FieldName => "field_name",
            Part::Required => "required",
            Part::Size => "size",
            Part::Format => "format",
            Part::Reading => "reading",
            Part::Because => "because",
        }
    }
}

/// A value the code uses, as the diff shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    /// No value (the statement or cell is absent).
    Absent,
    /// A word of the rendition language's vocabulary (`ru`, `unit`, `repealed`, `digits` …).
    Word(&'static str),
    /// An id (a participant, a region, a regulation).
    Id(String),
    /// A number (a size).
    Number(u32),
    /// Yes or no (whether a field is required).
    Flag(bool),
    /// A date, YYYY-MM-DD.
    Date(String),
    /// What a deadline cell means.
    Deadline(Meaning),
    /// Where a next-action cell leads; empty when the service ends.
    Targets(Vec<TargetValue>),
    /// A list of action numbers (a use case's path).
    Actions(Vec<u32>),
    /// Process-list items (what an action covers).
    Items(Vec<(ItemKind, u32)>),
    /// Texts (spellings).
    Texts(Vec<String>),
}

/// A target of a next-action cell, with the number it has on the new side
/// when the action it names was renumbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetValue {
    /// The action number, as the side names it.
    pub action: u32,
    /// On the old side: the number the same action has on the new side, when it differs.
    pub now: Option<u32>,
    /// On the old side: whether the action it names is gone from the new side.
    pub gone: bool,
    /// The condition, as the cell words it.
    pub when: Option<String>,
}
