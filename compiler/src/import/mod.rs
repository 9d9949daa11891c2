//! Drafting a rendition from an official text: `regc import SOURCE --lines
//! A-B --lang ru|kk`.
//!
//! A new regulation means hundreds of quotes and line numbers typed by
//! hand. The importer reads the regulation's lines of a recorded source
//! document and writes the rendition an analyst would start from: its
//! title, approving body and act, registration, repeal and footnotes
//! ([`head`]), abbreviations ([`terms`]), participants ([`participants`]),
//! process lists ([`lists`]) and action tables in both layouts of the
//! sources ([`tables`], on the compiler's structural reader), paired into
//! channels ([`channels`]), and FLK rules ([`forms`]). Every text is a quote
//! of its own line, placed where the compiler looks for it, so a draft the
//! compiler accepts is verbatim by construction.
//!
//! The importer decides nothing the document does not say. Where it
//! guessed (a participant's kind, loose text read into a cell) it writes a
//! comment; where the text breaks (a next-action cell that points nowhere,
//! a table that contradicts its list, a deadline in no known phrasing) it
//! writes an `undecided` statement ([`open`]), which the compiler reports
//! as an error (E1001) until the analyst records a reading: nothing
//! undecided can be built by accident.
//!
//! It works on text only: it reads the document ([`crate::sources`]) and
//! the phrases the compiler understands ([`crate::lower::cells`]), and
//! writes rendition text ([`print`]) in the draft's language ([`words`]).
//! It builds neither syntax tree nor model, reads no other file and writes
//! none: the command line loads the document and writes the draft.

mod channels;
mod draft;
mod forms;
mod head;
mod lists;
mod open;
mod participants;
mod print;
mod tables;
mod terms;
mod text;
mod words;

use crate::messages::Phrase;
use crate::model::{Column, Language};
use crate::sources::SourceDoc;
use crate::translit::to_ident;
use draft::{Note, Rendition};
use text::Lines;
use words::Words;

/// How many words of the title the regulation's id keeps.
const ID_WORDS: usize = 4;

/// What to draft: the regulation's lines of a recorded source document.
#[derive(Debug, Clone, Copy)]
pub struct Request<'a> {
    /// The document.
    pub doc: &'a SourceDoc,
    /// Its file name under `regulations/sources/`, as the draft cites it.
    pub file: &'a str,
    /// The regulation's first line.
    pub first: u32,
    /// Its last line.
    pub last: u32,
    /// The language of the document, and of the draft.
    pub language: Language,
}

/// A draft: the rendition's text and what it holds.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The rendition, ready to be saved as a `.reglament` file.
    pub text: String,
    /// What was drafted and what is left to decide.
    pub summary: Summary,
}

/// What a draft holds, for the command line's summary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    /// The regulation's id.
    pub id: String,
    /// How many abbreviations.
    pub abbreviations: usize,
    /// How many participants.
    pub participants: usize,
    /// How many channels.
    pub channels: usize,
    /// How many process lists.
    pub lists: usize,
    /// How many action tables.
    pub tables: usize,
    /// How many actions, in all tables.
    pub actions: usize,
    /// How many cells, in all tables.
    pub cells: usize,
    /// How many forms.
    pub forms: usize,
    /// How many FLK fields.
    pub fields: usize,
    /// The questions left open: the line of the draft each `undecided`
    /// stands on, and the question.
    pub open: Vec<(usize, String)>,
    /// How many comments say where the importer guessed.
    pub guesses: usize,
}

impl Summary {
    /// The summary's first line, in `lang`.
    pub fn drafted(&self) -> Phrase {
        Phrase::ImportDrafted {
            id: self.id.clone(),
            abbreviations: self.abbreviations,
            participants: self.participants,
            channels: self.channels,
            lists: self.lists,
            tables: self.tables,
            actions: self.actions,
            cells: self.cells,
            forms: self.forms,
            fields: self.fields,
        }
    }
}

/// Why nothing could be drafted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The lines are not a range inside the document.
    PastEnd {
        /// The first line asked for.
        first: u32,
        /// The last line asked for.
        last: u32,
        /// How many lines the document has.
        count: u32,
    },
    /// The lines hold neither a process list nor an action table.
    NoRegulation {
        /// The first line.
        first: u32,
        /// The last line.
        last: u32,
    },
}

impl ImportError {
    /// What to tell the user, naming the document's file.
    pub fn phrase(&self, file: &str) -> Phrase {
        let file = file.to_string();
        match *self {
            ImportError::PastEnd { first, last, count } => Phrase::ImportPastEnd { first, last, file, count },
            ImportError::NoRegulation { first, last } => Phrase::ImportNoRegulation { first, last, file },
        }
    }
}

/// Drafts the rendition of the regulation on the lines of `request`.
pub fn draft(request: &Request) -> Result<Draft, ImportError> {
    let Request { doc, file, first, last, language } = *request;
    let count = doc.line_count();
    if first == 0 || first > last || last > count {
        return Err(ImportError::PastEnd { first, last, count });
    }
    let lines = Lines { doc, first, last };
    let words = Words::of(language);
    let found = tables::find(lines);
    let lists = lists::find(lines);
    if found.tables.is_empty() && lists.is_empty() {
        return Err(ImportError::NoRegulation { first, last });
    }
    let mut r =
        Rendition { file: file.to_string(), range: (first, last), language: Some(language), ..Default::default() };
    r.title = head::title(lines);
    head::decree(lines, &mut r, &words);
    let (abbreviations, terms_at) = terms::abbreviations(lines, &words);
    let terms_note = match terms_at {
        Some(line) if !abbreviations.is_empty() => Phrase::ImportAbbreviationsFrom { line },
        _ => Phrase::ImportNoAbbreviations {},
    };
    r.abbreviations = abbreviations;
    if let Some(first) = r.abbreviations.first_mut() {
        first.notes.insert(0, Note::Guess(words.say(terms_note)));
    } else {
        r.notes.push(Note::Guess(words.say(terms_note)));
    }
    let guessed: Vec<u32> =
        found.tables.iter().filter(|t| !tables::is_captioned(lines, t.caption)).map(|t| t.caption).collect();
    let drafted = found
        .tables
        .iter()
        .map(|t| channels::Drafted {
            table: tables::draft(lines, t, &words),
            caption_guessed: guessed.contains(&t.caption),
        })
        .collect();
    r.channels = channels::pair(lists, drafted, &words);
    for ch in &mut r.channels {
        open::channel(ch, &words);
    }
    r.participants = participants::find(lines, &r.channels, &words);
    r.forms = forms::find(lines, &words);
    for line in found.use_cases {
        r.notes.push(Note::Guess(words.say(Phrase::ImportUseCaseSkipped { line })));
    }
    r.id = regulation_id(&r);
    let printed = print::rendition(&r, &words);
    let summary = summary(&r, printed.open, printed.guesses);
    Ok(Draft { text: printed.text, summary })
}

/// The regulation's id: its title's first words, transliterated.
fn regulation_id(r: &Rendition) -> String {
    let title = r.title.as_ref().map_or("regulation", |t| t.text.as_str());
    let words: Vec<&str> = title.split_whitespace().take(ID_WORDS).collect();
    to_ident(&words.join(" "))
}

fn summary(r: &Rendition, open: Vec<(usize, String)>, guesses: usize) -> Summary {
    let tables: Vec<&draft::Table> = r.channels.iter().filter_map(|c| c.table.as_ref()).collect();
    let actions = tables.iter().flat_map(|t| &t.blocks).flat_map(|b| &b.actions);
    Summary {
        id: r.id.clone(),
        abbreviations: r.abbreviations.len(),
        participants: r.participants.len(),
        channels: r.channels.len(),
        lists: r.channels.iter().filter(|c| c.list.is_some()).count(),
        tables: tables.len(),
        actions: actions.clone().count(),
        cells: actions.map(|a| Column::ALL.iter().filter(|c| a.cell(**c).is_some()).count()).sum(),
        forms: r.forms.len(),
        fields: r.forms.iter().map(|f| f.fields.len()).sum(),
        open,
        guesses,
    }
}

/// Whether a text looks Kazakh: it has letters only the Kazakh alphabet
/// uses (ә, ғ, қ, ң, ө, ұ, ү, һ, і) in more than a few of its words.
pub fn looks_kazakh(doc: &SourceDoc, first: u32, last: u32) -> bool {
    let mut words = 0usize;
    let mut kazakh = 0usize;
    for n in first..=last.min(doc.line_count()) {
        for w in doc.folded_line(n).unwrap_or("").split_whitespace() {
            words += 1;
            if w.chars().any(|c| "әғқңөұүһіӘҒҚҢӨҰҮҺІ".contains(c)) {
                kazakh += 1;
            }
        }
    }
    words > 0 && kazakh * 10 >= words
}

/// Loads a source document to draft from, checked against its folder's
/// manifest as the compiler checks the sources it cites; the error is the
/// compiler's own diagnostic for the document (not UTF-8, not recorded,
/// changed since it was recorded).
pub fn load<'l>(
    library: &'l mut crate::sources::SourceLibrary,
    path: &std::path::Path,
    file: &str,
) -> Result<&'l SourceDoc, Box<crate::messages::Message>> {
    let loaded = library.load(path).map_err(|problem| Box::new(crate::lower::source_problem(file, problem)))?;
    Ok(loaded.doc)
}
