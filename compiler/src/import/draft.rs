//! What a draft holds, before it is written as rendition text: the
//! statements an analyst would write, each text with the lines it stands on,
//! and beside them the importer's guesses (comments) and what it leaves open
//! (`undecided`).

use crate::model::{ChannelKind, Column, FieldColumn, Language, ParticipantKind};

/// A text of the document, as folded, and the lines it stands on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Quote {
    /// The text, its white space folded.
    pub text: String,
    /// Its first line.
    pub first: u32,
    /// Its last line.
    pub last: u32,
}

impl Quote {
    /// A text on the lines `first..=last`.
    pub fn new(text: impl Into<String>, first: u32, last: u32) -> Quote {
        Quote { text: text.into(), first, last: last.max(first) }
    }
}

/// A table cell as the draft quotes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Cell {
    /// One text over its lines.
    Text(Quote),
    /// A cell the document splits over lines with other cells' text
    /// between its pieces: quoted piece by piece.
    Pieces(Vec<Quote>),
    /// A cell the document leaves blank, at a line of its row.
    Empty(u32),
}

impl Cell {
    /// The cell's text (pieces a space apart); `None` for an empty cell.
    pub fn text(&self) -> Option<String> {
        match self {
            Cell::Text(q) => Some(q.text.clone()),
            Cell::Pieces(p) => Some(p.iter().map(|q| q.text.as_str()).collect::<Vec<_>>().join(" ")),
            Cell::Empty(_) => None,
        }
    }

    /// The first line it cites.
    pub fn line(&self) -> u32 {
        match self {
            Cell::Text(q) => q.first,
            Cell::Pieces(p) => p.first().map_or(0, |q| q.first),
            Cell::Empty(l) => *l,
        }
    }
}

/// What the draft says beside a statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Note {
    /// A comment: where the importer guessed, or what it did not draft.
    Guess(String),
    /// A question left open, about a line of the document: an `undecided`
    /// statement, which fails `regc check` until the analyst decides.
    Open {
        /// The line the question is about.
        line: u32,
        /// The question.
        question: String,
    },
}

/// A whole draft.
#[derive(Debug, Clone, Default)]
pub(super) struct Rendition {
    pub id: String,
    pub title: Option<Quote>,
    pub language: Option<Language>,
    pub file: String,
    pub range: (u32, u32),
    pub issuer: Option<Quote>,
    pub region: Option<&'static str>,
    pub act: Option<Dated>,
    pub registration: Option<Dated>,
    pub status: Option<Repeal>,
    pub footnotes: Vec<Footnote>,
    /// Notes about the regulation as a whole (what was not found, say).
    pub notes: Vec<Note>,
    pub abbreviations: Vec<Abbreviation>,
    pub participants: Vec<Participant>,
    pub channels: Vec<Channel>,
    pub forms: Vec<Form>,
}

/// A text with the date the importer read from it.
#[derive(Debug, Clone)]
pub(super) struct Dated {
    pub text: Quote,
    pub date: Option<String>,
}

/// A repeal: the words that say so, the repealing act and its date.
#[derive(Debug, Clone)]
pub(super) struct Repeal {
    pub text: Quote,
    pub act: Option<String>,
    pub date: Option<String>,
}

/// A footnote with its act and what it amends, where its words say.
#[derive(Debug, Clone)]
pub(super) struct Footnote {
    pub text: Quote,
    pub act: Option<String>,
    /// `paragraph 1`, `appendix 2`, `whole`.
    pub amends: Option<String>,
}

/// An abbreviation and its definition.
#[derive(Debug, Clone)]
pub(super) struct Abbreviation {
    pub short: String,
    pub definition: Quote,
    pub notes: Vec<Note>,
}

/// A participant: its id, kind, name where the text lists it, and the
/// other spellings the tables use.
#[derive(Debug, Clone)]
pub(super) struct Participant {
    pub id: String,
    pub kind: ParticipantKind,
    pub name: Quote,
    pub spellings: Vec<String>,
    pub notes: Vec<Note>,
}

/// A channel: its process list, its action table, or both.
#[derive(Debug, Clone)]
pub(super) struct Channel {
    pub id: String,
    pub kind: ChannelKind,
    pub notes: Vec<Note>,
    pub list: Option<List>,
    pub table: Option<Table>,
}

/// A process list.
#[derive(Debug, Clone)]
pub(super) struct List {
    pub heading: Quote,
    pub items: Vec<Item>,
}

/// An item of a process list.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub marker: String,
    pub text: Quote,
    pub notes: Vec<Note>,
}

/// An action table.
#[derive(Debug, Clone)]
pub(super) struct Table {
    pub caption: Quote,
    pub notes: Vec<Note>,
    pub blocks: Vec<Block>,
}

/// A block of a table; without a heading, its actions stand in the table.
#[derive(Debug, Clone)]
pub(super) struct Block {
    pub heading: Option<Quote>,
    pub actions: Vec<Action>,
}

/// An action: its number, the line of its number, its cells.
#[derive(Debug, Clone)]
pub(super) struct Action {
    pub number: u32,
    pub line: u32,
    pub cells: Vec<(Column, Cell)>,
    pub notes: Vec<Note>,
}

impl Action {
    /// The cell of a column, if the draft has one.
    pub fn cell(&self, column: Column) -> Option<&Cell> {
        self.cells.iter().find(|(c, _)| *c == column).map(|(_, cell)| cell)
    }
}

/// An application form with its FLK rules.
#[derive(Debug, Clone)]
pub(super) struct Form {
    pub id: String,
    pub heading: Quote,
    pub fields: Vec<Field>,
}

/// An FLK field: its number and id, the line of its number, its cells.
#[derive(Debug, Clone)]
pub(super) struct Field {
    pub number: u32,
    pub id: String,
    pub line: u32,
    /// Its cells, in the order of [`FieldColumn::ALL`].
    pub cells: Vec<(FieldColumn, Quote)>,
    pub notes: Vec<Note>,
}
