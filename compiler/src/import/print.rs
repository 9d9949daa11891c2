//! Writing a draft as rendition text, in the layout of the committed
//! renditions: statements in the document's order, four spaces a level,
//! cells aligned, each guess a comment and each open question an
//! `undecided` line right where it belongs.

use super::draft::{Abbreviation, Action, Cell, Channel, Form, Note, Participant, Quote, Rendition, Table};
use super::words::Words;
use crate::messages::Phrase;
use crate::model::Column;

/// The text of a draft, and the questions it leaves open with the line of
/// the draft each stands on.
pub(super) struct Printed {
    pub text: String,
    pub open: Vec<(usize, String)>,
    pub guesses: usize,
}

/// Writes the draft.
pub(super) fn rendition(r: &Rendition, words: &Words) -> Printed {
    let mut p = Printer { out: String::new(), depth: 0, open: Vec::new(), guesses: 0, words: *words };
    p.comment(&words.say(Phrase::ImportHeader { file: r.file.clone(), first: r.range.0, last: r.range.1 }));
    p.line(&format!("regulation {} {{", r.id));
    p.depth += 1;
    head(&mut p, r);
    if !r.abbreviations.is_empty() {
        p.blank();
        r.abbreviations.iter().for_each(|a| abbreviation(&mut p, a));
    }
    if !r.participants.is_empty() {
        p.blank();
        p.guess(&words.say(Phrase::ImportParticipants {}));
        r.participants.iter().for_each(|x| participant(&mut p, x));
    }
    for ch in &r.channels {
        p.blank();
        channel(&mut p, ch);
    }
    for f in &r.forms {
        p.blank();
        form(&mut p, f);
    }
    p.depth -= 1;
    p.line("}");
    Printed { text: p.out, open: p.open, guesses: p.guesses }
}

/// Lines at an indentation, and what is said beside them.
struct Printer {
    out: String,
    depth: usize,
    open: Vec<(usize, String)>,
    guesses: usize,
    words: Words,
}

impl Printer {
    fn line(&mut self, text: &str) {
        for _ in 0..self.depth {
            self.out.push_str("    ");
        }
        self.out.push_str(text);
        self.out.push('\n');
    }

    fn blank(&mut self) {
        self.out.push('\n');
    }

    fn comment(&mut self, text: &str) {
        self.line(&format!("// {text}"));
    }

    /// A comment where the importer guessed, marked so that an analyst
    /// finds every guess («// импорт: …»).
    fn guess(&mut self, text: &str) {
        let prefix = self.words.say(Phrase::ImportPrefix {});
        self.comment(&format!("{prefix}: {text}"));
        self.guesses += 1;
    }

    fn notes(&mut self, notes: &[Note]) {
        for n in notes {
            match n {
                Note::Guess(text) => self.guess(text),
                Note::Open { line, question } => {
                    self.line(&format!("undecided @{line} {}", string(question)));
                    let at = self.out.lines().count();
                    self.open.push((at, question.clone()));
                }
            }
        }
    }

    /// Opens a block: `head {`.
    fn open(&mut self, head: &str) {
        self.line(&format!("{head} {{"));
        self.depth += 1;
    }

    fn close(&mut self) {
        self.depth -= 1;
        self.line("}");
    }
}

/// A text as a quote of the rendition language: `"…"`, with `"` and `\`
/// escaped.
fn string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        if c == '"' || c == '\\' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('"');
    out
}

/// `@12` or `@12-14`.
fn citation(first: u32, last: u32) -> String {
    if last > first {
        format!("@{first}-{last}")
    } else {
        format!("@{first}")
    }
}

/// A quote with its citation.
fn cited(q: &Quote) -> String {
    format!("{} {}", string(&q.text), citation(q.first, q.last))
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(q) => cited(q),
        Cell::Pieces(pieces) => pieces.iter().map(cited).collect::<Vec<_>>().join(" + "),
        Cell::Empty(line) => format!("empty @{line}"),
    }
}

fn head(p: &mut Printer, r: &Rendition) {
    match &r.title {
        Some(t) => p.line(&format!("title {}", cited(t))),
        None => p.guess(&p.words.say(Phrase::ImportNoTitle {})),
    }
    if let Some(language) = r.language {
        p.line(&format!("language {language}"));
    }
    p.line(&format!("source {} lines {}-{}", string(&r.file), r.range.0, r.range.1));
    if let Some(issuer) = &r.issuer {
        p.line(&format!("issuer {}", cited(issuer)));
    }
    if let Some(region) = r.region {
        p.line(&format!("region {region}"));
    }
    if let Some(act) = &r.act {
        p.line(&format!("act {}{}", cited(&act.text), date(&act.date)));
    }
    if let Some(reg) = &r.registration {
        p.line(&format!("registration {}{}", cited(&reg.text), date(&reg.date)));
    }
    if let Some(status) = &r.status {
        if status.date.is_some() {
            p.guess(&p.words.say(Phrase::ImportRepealDate {}));
        }
        p.line(&format!("status repealed {}", cited(&status.text)));
        if let Some(act) = &status.act {
            p.depth += 1;
            p.line(&format!("act {}{}", string(act), date(&status.date)));
            p.depth -= 1;
        }
    }
    for f in &r.footnotes {
        p.line(&format!("footnote {}", cited(&f.text)));
        p.depth += 1;
        if let Some(act) = &f.act {
            p.line(&format!("act {}", string(act)));
        }
        if let Some(amends) = &f.amends {
            p.line(&format!("amends {amends}"));
        }
        p.depth -= 1;
    }
    p.notes(&r.notes);
}

fn date(date: &Option<String>) -> String {
    date.as_ref().map(|d| format!(" date {d}")).unwrap_or_default()
}

fn abbreviation(p: &mut Printer, a: &Abbreviation) {
    p.notes(&a.notes);
    p.line(&format!("abbreviation {} = {}", string(&a.short), cited(&a.definition)));
}

fn participant(p: &mut Printer, x: &Participant) {
    p.notes(&x.notes);
    let head = format!("participant {} {} {}", x.id, x.kind, cited(&x.name));
    if x.spellings.is_empty() {
        p.line(&head);
        return;
    }
    p.open(&head);
    for s in &x.spellings {
        p.line(&format!("spelling {}", string(s)));
    }
    p.close();
}

fn channel(p: &mut Printer, ch: &Channel) {
    p.notes(&ch.notes);
    p.open(&format!("channel {} {}", ch.id, ch.kind));
    if let Some(list) = &ch.list {
        p.open(&format!("processes {}", cited(&list.heading)));
        for item in &list.items {
            p.line(&format!("{} {}", item.marker, cited(&item.text)));
            p.notes(&item.notes);
        }
        p.close();
    }
    if let Some(table) = &ch.table {
        self::table(p, table);
    }
    p.close();
}

fn table(p: &mut Printer, t: &Table) {
    p.open(&format!("table {}", cited(&t.caption)));
    p.notes(&t.notes);
    for block in &t.blocks {
        match &block.heading {
            Some(h) => {
                p.open(&format!("block {}", cited(h)));
                block.actions.iter().for_each(|a| action(p, a));
                p.close();
            }
            None => block.actions.iter().for_each(|a| action(p, a)),
        }
    }
    p.close();
}

/// The keyword of a column, padded so that the cells of an action align.
fn keyword(column: Column) -> String {
    format!("{:<10}", column.as_str())
}

fn action(p: &mut Printer, a: &Action) {
    p.open(&format!("action {} @{}", a.number, a.line));
    for (column, c) in &a.cells {
        p.line(&format!("{} {}", keyword(*column), cell(c)));
    }
    p.notes(&a.notes);
    p.close();
}

fn form(p: &mut Printer, f: &Form) {
    p.open(&format!("form {} {}", f.id, cited(&f.heading)));
    for field in &f.fields {
        p.open(&format!("field {} {} @{}", field.number, field.id, field.line));
        for (column, q) in &field.cells {
            p.line(&format!("{:<8} {}", column.as_str(), cited(q)));
        }
        p.notes(&field.notes);
        p.close();
    }
    p.close();
}
