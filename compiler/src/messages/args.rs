//! The values a message shows, and how each is shown in a language.

use reglament_grammar::{Expected, Hint};

use super::{Lang, Phrase};
use crate::model::{ChannelId, Column, FieldColumn, ItemKind, ParticipantId, RegulationId};

/// A value a message shows. Numbers and names look the same in every
/// language; words (an item's kind, a reading's subject) are phrases of the
/// catalog.
pub trait Arg {
    /// The value as the message in `lang` shows it.
    fn show(&self, lang: Lang) -> String;
}

impl<T: Arg + ?Sized> Arg for &T {
    fn show(&self, lang: Lang) -> String {
        (**self).show(lang)
    }
}

impl<T: Arg + ?Sized> Arg for Box<T> {
    fn show(&self, lang: Lang) -> String {
        (**self).show(lang)
    }
}

/// A message inside another text (a label that names a finding's consequence).
impl Arg for super::Message {
    fn show(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

macro_rules! plain_args {
    ($($ty:ty),*) => {
        $(impl Arg for $ty {
            fn show(&self, _: Lang) -> String {
                self.to_string()
            }
        })*
    };
}

plain_args!(String, str, u32, u64, usize, i64, RegulationId, ChannelId, ParticipantId);

impl Arg for ItemKind {
    fn show(&self, lang: Lang) -> String {
        match self {
            ItemKind::Process => Phrase::Process {}.text(lang),
            ItemKind::Condition => Phrase::Condition {}.text(lang),
        }
    }
}

/// Source lines: `12` or `12-14`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lines {
    /// The first line.
    pub first: u32,
    /// The last line (equal to the first for one line).
    pub last: u32,
}

impl Lines {
    /// One line.
    pub fn one(line: u32) -> Lines {
        Lines { first: line, last: line }
    }
}

impl Arg for Lines {
    fn show(&self, _: Lang) -> String {
        if self.last > self.first {
            format!("{}-{}", self.first, self.last)
        } else {
            self.first.to_string()
        }
    }
}

/// A list of values, shown separated by commas: `1, 2, 3`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct List<T>(pub Vec<T>);

impl<T: Arg> Arg for List<T> {
    fn show(&self, lang: Lang) -> String {
        self.0.iter().map(|x| x.show(lang)).collect::<Vec<_>>().join(", ")
    }
}

/// Other forms of a word the document writes, shown after it: « (also
/// written «ЭУАШ», «ЭҰАШ»)», or nothing when there are none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Also(pub Vec<String>);

impl Arg for Also {
    fn show(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let forms = self.0.iter().map(|w| format!("«{w}»")).collect::<Vec<_>>().join(", ");
        Phrase::AlsoWritten { forms }.text(lang)
    }
}

/// The forms a document writes instead of a defined one, shown after a
/// finding: « (it writes «ЭЦҚ»)», or nothing when there are none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written(pub Vec<String>);

impl Arg for Written {
    fn show(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            return String::new();
        }
        let forms = self.0.iter().map(|w| format!("«{w}»")).collect::<Vec<_>>().join(", ");
        Phrase::WritesInstead { forms }.text(lang)
    }
}

/// The deadlines one step has in several channels: «5 минут» in channel
/// `mio`, «3 рабочих дня» in channel `con`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepDeadlines(pub Vec<(String, ChannelId)>);

impl Arg for StepDeadlines {
    fn show(&self, lang: Lang) -> String {
        let each = self.0.iter().map(|(deadline, channel)| {
            Phrase::DeadlineIn { deadline: deadline.clone(), channel: channel.clone() }.text(lang)
        });
        each.collect::<Vec<_>>().join(", ")
    }
}

/// Items of a process list, by their labels («condition 1», «process 2») or,
/// for unlabelled ones, their markers («item 3)»).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemNames(pub Vec<(Option<(ItemKind, u32)>, String)>);

impl Arg for ItemNames {
    fn show(&self, lang: Lang) -> String {
        let each = self.0.iter().map(|(label, marker)| match label {
            Some((kind, number)) => Phrase::ItemName { kind: *kind, number: *number }.text(lang),
            None => Phrase::ItemMarker { marker: marker.clone() }.text(lang),
        });
        each.collect::<Vec<_>>().join(", ")
    }
}

/// Cells of one column, as the document writes them (`None`: blank):
/// «6», «7», «8», blank.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cells(pub Vec<Option<String>>);

impl Arg for Cells {
    fn show(&self, lang: Lang) -> String {
        let each = self.0.iter().map(|c| match c {
            Some(text) => format!("«{text}»"),
            None => Phrase::BlankCell {}.text(lang),
        });
        each.collect::<Vec<_>>().join(", ")
    }
}

/// A part of a regulation's text: a numbered paragraph or an appendix.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Unit {
    /// Paragraph N (пункт, тармақ), with its items.
    Paragraph(u32),
    /// Appendix N (приложение, қосымша).
    Appendix(u32),
    /// The description of the diagram of functional interaction (схема,
    /// сызба), whichever appendix holds it: a version may lack its heading.
    Diagram,
}

impl Arg for Unit {
    fn show(&self, lang: Lang) -> String {
        match self {
            Unit::Paragraph(number) => Phrase::ParagraphN { number: *number }.text(lang),
            Unit::Appendix(number) => Phrase::AppendixN { number: *number }.text(lang),
            Unit::Diagram => Phrase::DiagramDescription {}.text(lang),
        }
    }
}

/// What a text says in words both languages share.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Token {
    /// A number (a date's day or year, an article's, an item's).
    Number(String),
    /// A month, named in words.
    Month(u8),
    /// The Standard of the service.
    Standard,
    /// This Regulation (or another's).
    Regulation,
    /// A Code.
    Code,
    /// A ministry, by its index in `check::named::MINISTRIES`.
    Ministry(u8),
    /// A document an applicant brings, by its index in `check::named::DOCUMENTS`.
    Document(u8),
    /// A participant, by the id both renditions give it, where the text
    /// names it by one of its spellings.
    Participant(crate::model::ParticipantId),
}

/// Tokens, shown one after the other: «27, July, article 2» words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tokens(pub Vec<Token>);

impl Arg for Tokens {
    fn show(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            return Phrase::Nothing {}.text(lang);
        }
        let each = self.0.iter().map(|t| match t {
            Token::Number(n) => n.clone(),
            Token::Month(m) => Phrase::Month { number: u32::from(*m) }.text(lang),
            Token::Standard => Phrase::TheStandard {}.text(lang),
            Token::Regulation => Phrase::TheRegulation {}.text(lang),
            Token::Code => Phrase::TheCode {}.text(lang),
            Token::Ministry(n) => named(crate::check::named::MINISTRIES, *n, lang),
            Token::Document(n) => named(crate::check::named::DOCUMENTS, *n, lang),
            Token::Participant(id) => format!("`{id}`"),
        });
        each.collect::<Vec<_>>().join(", ")
    }
}

/// The name of entry `n` of a list of names, in «quotes».
fn named(list: &[crate::check::named::Named], n: u8, lang: Lang) -> String {
    list.get(usize::from(n)).map_or_else(String::new, |m| format!("«{}»", m.name(lang)))
}

/// A path through a channel's actions: `1 → 2 → 5`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Path(pub Vec<u32>);

impl Arg for Path {
    fn show(&self, _: Lang) -> String {
        self.0.iter().map(u32::to_string).collect::<Vec<_>>().join(" → ")
    }
}

/// What a reading is about: a part of the regulation, named in the
/// language of the message (the ids stay as written).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Subject {
    /// The regulation as a whole.
    Regulation,
    /// Its title.
    Title,
    /// The issuing body.
    Issuer,
    /// The approving act.
    Act,
    /// The registration.
    Registration,
    /// Its status.
    Status,
    /// The service term.
    Term,
    /// A footnote.
    Footnote,
    /// An abbreviation.
    Abbreviation(String),
    /// A participant.
    Participant(ParticipantId),
    /// A channel.
    Channel(ChannelId),
    /// A channel's process list.
    ProcessList(ChannelId),
    /// An item of a process list, by its marker.
    ProcessItem(ChannelId, String),
    /// A labelled item of a process list.
    Item(ChannelId, ItemKind, u32),
    /// A channel's action table.
    Table(ChannelId),
    /// A block of an action table.
    Block(ChannelId),
    /// A use-case table.
    UseCase(ChannelId),
    /// An action.
    Action(ChannelId, u32),
    /// An action's number.
    ActionNumber(ChannelId, u32),
    /// A cell of an action.
    Cell(ChannelId, u32, Column),
    /// A form.
    Form(String),
    /// A cell of a form's field.
    Field(String, u32, FieldColumn),
}

impl Arg for Subject {
    fn show(&self, lang: Lang) -> String {
        let p = |phrase: Phrase| phrase.text(lang);
        match self {
            Subject::Regulation => p(Phrase::SubjectRegulation {}),
            Subject::Title => p(Phrase::SubjectTitle {}),
            Subject::Issuer => p(Phrase::SubjectIssuer {}),
            Subject::Act => p(Phrase::SubjectAct {}),
            Subject::Registration => p(Phrase::SubjectRegistration {}),
            Subject::Status => p(Phrase::SubjectStatus {}),
            Subject::Term => p(Phrase::SubjectTerm {}),
            Subject::Footnote => p(Phrase::SubjectFootnote {}),
            Subject::Abbreviation(a) => p(Phrase::SubjectAbbreviation { abbr: a.clone() }),
            Subject::Participant(id) => p(Phrase::SubjectParticipant { id: id.clone() }),
            Subject::Channel(c) => p(Phrase::SubjectChannel { channel: c.clone() }),
            Subject::ProcessList(c) => p(Phrase::SubjectProcessList { channel: c.clone() }),
            Subject::ProcessItem(c, marker) => {
                p(Phrase::SubjectProcessItem { channel: c.clone(), marker: marker.clone() })
            }
            Subject::Item(c, kind, n) => p(Phrase::SubjectItem { channel: c.clone(), kind: *kind, number: *n }),
            Subject::Table(c) => p(Phrase::SubjectTable { channel: c.clone() }),
            Subject::Block(c) => p(Phrase::SubjectBlock { channel: c.clone() }),
            Subject::UseCase(c) => p(Phrase::SubjectUseCase { channel: c.clone() }),
            Subject::Action(c, n) => p(Phrase::SubjectAction { channel: c.clone(), action: *n }),
            Subject::ActionNumber(c, n) => p(Phrase::SubjectActionNumber { channel: c.clone(), action: *n }),
            Subject::Cell(c, n, column) => p(Phrase::SubjectCell { channel: c.clone(), action: *n, column: *column }),
            Subject::Form(f) => p(Phrase::SubjectForm { form: f.clone() }),
            Subject::Field(f, n, column) => p(Phrase::SubjectField { form: f.clone(), number: *n, column: *column }),
        }
    }
}

impl Arg for Column {
    fn show(&self, lang: Lang) -> String {
        self.phrase().text(lang)
    }
}

impl Arg for FieldColumn {
    fn show(&self, lang: Lang) -> String {
        self.phrase().text(lang)
    }
}

impl Arg for Phrase {
    fn show(&self, lang: Lang) -> String {
        self.text(lang)
    }
}

/// What the parser expected, worded: `a, b or c`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expectations(pub Vec<Expected>);

impl Arg for Expectations {
    fn show(&self, lang: Lang) -> String {
        const MAX: usize = 8;
        let items: Vec<String> = self.0.iter().map(|e| expected(*e).text(lang)).collect();
        let or = Phrase::Or {}.text(lang);
        match items.len() {
            0 => Phrase::SomethingElse {}.text(lang),
            1 => items[0].clone(),
            n if n <= MAX => format!("{} {or} {}", items[..n - 1].join(", "), items[n - 1]),
            n => Phrase::ManyAlternatives { first: items[..MAX].join(", "), more: n - MAX }.text(lang),
        }
    }
}

fn expected(e: Expected) -> Phrase {
    match e {
        Expected::Keyword(k) => Phrase::Keyword { keyword: k },
        Expected::Name => Phrase::ExpectName {},
        Expected::Number => Phrase::ExpectNumber {},
        Expected::Date => Phrase::ExpectDate {},
        Expected::Quote => Phrase::ExpectQuote {},
        Expected::Citation => Phrase::ExpectCitation {},
        Expected::CitedText => Phrase::ExpectCited {},
        Expected::Reading => Phrase::ExpectReading {},
        Expected::LanguageCode => Phrase::ExpectLanguage {},
        Expected::Status => Phrase::ExpectStatus {},
        Expected::AmendsTarget => Phrase::ExpectAmendsTarget {},
        Expected::ParticipantKind => Phrase::ExpectParticipantKind {},
        Expected::ChannelKind => Phrase::ExpectChannelKind {},
        Expected::ScenarioKind => Phrase::ExpectScenarioKind {},
        Expected::StepKind => Phrase::ExpectStepKind {},
        Expected::ListMarker => Phrase::ExpectListMarker {},
        Expected::EndOfFile => Phrase::EndOfFile {},
        Expected::Spellings => Phrase::ExpectSpellings {},
        Expected::ProcessItem => Phrase::ExpectProcessItem {},
        Expected::FindingCode => Phrase::ExpectFindingCode {},
        Expected::Other => Phrase::ExpectOther {},
    }
}

/// The token a parser found: `` `word` ``, or the end of the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found(pub String);

impl Arg for Found {
    fn show(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            Phrase::EndOfFile {}.text(lang)
        } else {
            format!("`{}`", self.0)
        }
    }
}

/// A likely fix of a syntax error; empty when there is none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxHint(pub Option<Hint>);

impl Arg for SyntaxHint {
    fn show(&self, lang: Lang) -> String {
        match &self.0 {
            None => String::new(),
            Some(Hint::DidYouMean(keyword)) => Phrase::DidYouMean { keyword }.text(lang),
            Some(Hint::CitationNeedsAt(number)) => Phrase::CitationNeedsAt { number: number.clone() }.text(lang),
            Some(Hint::StraightQuotes) => Phrase::StraightQuotes {}.text(lang),
            Some(Hint::RangesNeedComma(range)) => Phrase::RangesNeedComma { range: range.clone() }.text(lang),
        }
    }
}
