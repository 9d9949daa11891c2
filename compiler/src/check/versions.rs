//! W0701: the language versions of one regulation against each other, as
//! their documents say it — the analysts' readings aside, since a reading
//! that corrects one version hides the very difference it answers.
//!
//! The tables are compared column by column, by the document's cells:
//! next actions by their numbers, deadlines by what they mean, participants
//! by the ids the renditions give them; all the differing actions of a
//! column are one finding (a row copied wrongly is one defect). The text is
//! compared unit by unit — each numbered paragraph with its items, each
//! appendix — by what reads the same in Kazakh and Russian: numbers, dates
//! (month names read in both languages), small numbers in words, the acts a
//! reference names (the Standard, this Regulation, a Code), the ministries
//! and the documents named (`named.rs`). A unit that differs is one finding,
//! at its first line that differs when the two units' lines pair up one to
//! one (as a document's two versions mostly do), else at the first line that
//! holds what the other lacks.

use std::collections::BTreeMap;

use crate::diagnostics::Sink;
use crate::lower::cells;
use crate::messages::{Cells, Message, Phrase, Token, Tokens, Unit};
use crate::model::{Action, Channel, ChannelId, Column, Meaning, ParticipantId, Regulation};
use crate::sources::{fold, is_alphanumeric, lowercase, unspaced, SourceDoc};

/// A regulation's text cut into units (see [`units`]).
pub type Units = BTreeMap<Unit, Text>;

/// The text of one unit: its first line, and each of its lines with the
/// tokens both languages share.
#[derive(Debug, Clone, Default)]
pub struct Text {
    /// The unit's first line.
    pub first: u32,
    /// Each line that says something (blank lines aside), with its tokens.
    pub lines: Vec<(u32, Vec<Token>)>,
    /// The boxes of a diagram's description, by their first line: the
    /// action of the version's own table each describes (its channel and
    /// document number), found by the words they share.
    pub boxes: BTreeMap<u32, ActionKey>,
}

/// An action of a regulation's tables: its channel and document number.
pub type ActionKey = (ChannelId, u32);

impl Text {
    /// All the unit's tokens, line after line.
    fn tokens(&self) -> Vec<Token> {
        self.lines.iter().flat_map(|(_, t)| t.iter().cloned()).collect()
    }

    /// The first line holding one of `tokens`.
    fn first_holding(&self, tokens: &[Token]) -> Option<u32> {
        self.lines.iter().find(|(_, t)| t.iter().any(|x| tokens.contains(x))).map(|(n, _)| *n)
    }
}

/// W0701: the differences between `this` version and `other`, each with the
/// units of its document's text when it could be read.
pub fn compare(
    this: &Regulation,
    this_text: Option<&Units>,
    other: &Regulation,
    other_text: Option<&Units>,
    sink: &mut Sink,
) {
    let other_id = || other.id.clone();
    for ch in &this.channels {
        let Some(theirs) = other.channels.iter().find(|c| c.id == ch.id) else {
            sink.emit(Message::VersionChannelMissing { channel: ch.id.clone(), other: other_id() }, ch.at, 0);
            continue;
        };
        if ch.actions.len() != theirs.actions.len() {
            let message = Message::VersionActionCount {
                channel: ch.id.clone(),
                here: ch.actions.len(),
                other: other_id(),
                there: theirs.actions.len(),
            };
            sink.emit(message, ch.at, 0);
        }
        for column in [Column::Sfe, Column::Deadline, Column::Next] {
            compare_column(this, ch, other, theirs, column, sink);
        }
    }
    compare_term(this, other, sink);
    if let (Some(ours), Some(theirs)) = (this_text, other_text) {
        compare_text(this, ours, other, theirs, sink);
    }
}

/// The service terms of both versions by their units, as their documents
/// say them; the terms' numbers are the text's, compared with their paragraph.
fn compare_term(this: &Regulation, other: &Regulation, sink: &mut Sink) {
    let (Some(ours), Some(theirs)) = (this.term.as_ref(), other.term.as_ref()) else { return };
    let (Some(here), Some(there)) = (term_unit(ours), term_unit(theirs)) else { return };
    if here == there {
        return;
    }
    let message = Message::VersionTermUnit { here, other: other.id.clone(), there };
    sink.emit(message, ours.cell.at, ours.cell.line).related_source(
        &other.source.file,
        theirs.cell.line,
        Phrase::OtherVersionHere { other: other.id.clone() },
    );
}

/// The unit a term counts in, by the document's words: clock time, calendar
/// days (days of no stated kind among them), working days, months.
fn term_unit(term: &crate::model::Deadline) -> Option<Phrase> {
    let read = cells::deadline(term.cell.document.as_deref()?).ok()?;
    let Meaning::Limit(limit) = read.meaning else { return None };
    Some(match super::deadlines::measure(limit.max).0 {
        0 => Phrase::UnitClockTime {},
        1 if limit.days == crate::model::DayCount::Working => Phrase::UnitWorkingDays {},
        1 => Phrase::UnitCalendarDays {},
        2 => Phrase::UnitWorkingDays {},
        _ => Phrase::UnitMonths {},
    })
}

/// A cell as the document says it, in a form both languages share.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Value {
    /// A blank cell.
    Blank,
    /// The next actions' numbers (none: «-»).
    Next(Vec<u32>),
    /// A deadline's meaning.
    Deadline(Meaning),
    /// The participant a cell names.
    Participant(ParticipantId),
    /// A cell the compiler cannot read, which is compared with nothing.
    Unknown,
}

/// The document's value of an action's cell in `column`.
fn value(reg: &Regulation, a: &Action, column: Column) -> Option<Value> {
    let cell = a.cell(column)?;
    let Some(text) = cell.document.as_deref() else { return Some(Value::Blank) };
    Some(match column {
        Column::Next => cells::next(text).map_or(Value::Unknown, |t| Value::Next(t.iter().map(|t| t.action).collect())),
        Column::Deadline => cells::deadline(text).map_or(Value::Unknown, |d| Value::Deadline(d.meaning)),
        Column::Sfe => participant(reg, text).map_or(Value::Unknown, Value::Participant),
        Column::Does | Column::Completion => return None,
    })
}

/// The participant whose name or spelling an СФЕ cell is.
fn participant(reg: &Regulation, text: &str) -> Option<ParticipantId> {
    let key = fold(text);
    reg.participants.iter().find(|p| p.spellings.iter().any(|s| fold(s) == key)).map(|p| p.id.clone())
}

fn same(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Unknown, _) | (_, Value::Unknown) => true,
        // The maxima: the Kazakh phrasings of an exceptional maximum are no
        // phrasing the compiler reads yet, so a version cannot be held to one.
        (Value::Deadline(Meaning::Limit(x)), Value::Deadline(Meaning::Limit(y))) => {
            super::deadlines::measure(x.max) == super::deadlines::measure(y.max)
        }
        _ => a == b,
    }
}

/// The document's number of an action (a reading's renumbering aside).
fn document_number(a: &Action) -> u32 {
    a.document_number.unwrap_or(a.number)
}

/// One column of a channel in both versions: the actions whose cells differ,
/// in one finding at the first of them.
fn compare_column(
    this: &Regulation,
    ch: &Channel,
    other: &Regulation,
    theirs: &Channel,
    column: Column,
    sink: &mut Sink,
) {
    let mut differing: Vec<(&Action, &Action)> = Vec::new();
    for a in &ch.actions {
        let Some(b) = theirs.actions.iter().find(|b| document_number(b) == document_number(a)) else { continue };
        if let (Some(x), Some(y)) = (value(this, a, column), value(other, b, column)) {
            if !same(&x, &y) {
                differing.push((a, b));
            }
        }
    }
    let Some(&(first, theirs_first)) = differing.first() else { return };
    let text = |a: &Action| a.cell(column).and_then(|c| c.document.as_deref()).map(fold);
    let message = Message::VersionColumnDiffers {
        column,
        channel: ch.id.clone(),
        actions: crate::messages::List(differing.iter().map(|(a, _)| document_number(a)).collect()),
        here: Cells(differing.iter().map(|(a, _)| text(a)).collect()),
        other: other.id.clone(),
        there: Cells(differing.iter().map(|(_, b)| text(b)).collect()),
    };
    let (Some(cell), Some(theirs_cell)) = (first.cell(column), theirs_first.cell(column)) else { return };
    sink.emit(message, cell.at, cell.line).related_source(
        &other.source.file,
        theirs_cell.line,
        Phrase::OtherVersionHere { other: other.id.clone() },
    );
}

/// The text of both versions, unit by unit.
fn compare_text(this: &Regulation, ours: &Units, other: &Regulation, theirs: &Units, sink: &mut Sink) {
    for (unit, text) in ours {
        let Some(their_text) = theirs.get(unit) else { continue };
        if let Some((line, their_line)) = differing_box(text, their_text) {
            emit_box(this, other, (text, line), (their_text, their_line), sink);
            continue;
        }
        let (here, there) = difference(&text.tokens(), &their_text.tokens());
        if here.is_empty() && there.is_empty() {
            continue;
        }
        let (line, their_line) = where_differs(text, their_text, &here, &there);
        let message = Message::VersionTextDiffers {
            unit: *unit,
            here: Tokens(here),
            other: other.id.clone(),
            there: Tokens(there),
        };
        emit_against(this, other, message, (line, their_line), sink);
    }
}

/// Emits a difference found at `lines`, this version's and the other's.
/// Found across files, after the rendition's quotes are gone, it is shown at
/// the `version_of` that asks for the comparison, with the other version's
/// line beside it.
fn emit_against(this: &Regulation, other: &Regulation, message: Message, lines: (u32, u32), sink: &mut Sink) {
    let (line, their_line) = lines;
    sink.emit(message, this.spans.version_of, line).related_source(
        &other.source.file,
        their_line,
        Phrase::OtherVersionHere { other: other.id.clone() },
    );
}

/// W0701 for a box of the diagram that names other participants than the
/// box of the other version that describes the same action.
fn emit_box(this: &Regulation, other: &Regulation, ours: (&Text, u32), theirs: (&Text, u32), sink: &mut Sink) {
    let ((text, line), (their_text, their_line)) = (ours, theirs);
    let Some((channel, action)) = text.boxes.get(&line).cloned() else { return };
    let (here, there) = difference(&participants_at(text, line), &participants_at(their_text, their_line));
    let message = Message::VersionDiagramBox {
        action,
        channel,
        here: Tokens(here),
        other: other.id.clone(),
        there: Tokens(there),
    };
    emit_against(this, other, message, (line, their_line), sink);
}

/// The participants a line of a unit names.
fn participants_at(text: &Text, line: u32) -> Vec<Token> {
    let tokens = text.lines.iter().find(|(n, _)| *n == line).map(|(_, t)| t.as_slice()).unwrap_or_default();
    tokens.iter().filter(|t| matches!(t, Token::Participant(_))).cloned().collect()
}

/// The first pair of a diagram's boxes, ours and theirs, that describe the
/// same action but name different participants.
fn differing_box(ours: &Text, theirs: &Text) -> Option<(u32, u32)> {
    box_pairs(ours, theirs).into_iter().find(|&(a, b)| {
        let (x, y) = difference(&participants_at(ours, a), &participants_at(theirs, b));
        !x.is_empty() || !y.is_empty()
    })
}

/// The boxes of two versions of a diagram paired, by their first lines, in
/// our order: a box with theirs that describes the same action. Where
/// several describe it (a diagram draws an action once in each lane that
/// takes it), with the one whose neighbours describe the same actions as
/// its own, the first among equals: the two versions may list the boxes in
/// different orders, but each draws a box among the same others.
fn box_pairs(ours: &Text, theirs: &Text) -> Vec<(u32, u32)> {
    let mut free: Vec<u32> = theirs.boxes.keys().copied().collect();
    let mut out = Vec::new();
    for (&line, key) in &ours.boxes {
        let context = box_neighbours(ours, line);
        let score = |n: &u32| {
            let (before, after) = box_neighbours(theirs, *n);
            usize::from(before.is_some() && before == context.0) + usize::from(after.is_some() && after == context.1)
        };
        let candidates = free.iter().filter(|n| theirs.boxes.get(n) == Some(key));
        let Some(best) = candidates.clone().map(score).max() else { continue };
        let Some(&chosen) = candidates.clone().find(|n| score(n) == best) else { continue };
        free.retain(|&n| n != chosen);
        out.push((line, chosen));
    }
    out
}

/// The actions the boxes before and after a box describe.
fn box_neighbours(text: &Text, line: u32) -> (Option<&ActionKey>, Option<&ActionKey>) {
    let before = text.boxes.range(..line).next_back().map(|(_, k)| k);
    let after = text.boxes.range((std::ops::Bound::Excluded(line), std::ops::Bound::Unbounded)).next().map(|(_, k)| k);
    (before, after)
}

/// The lines where two differing units differ: their first pair of lines
/// that differ when the units' lines pair up one to one, else the first line
/// of each that holds what the other lacks (or the unit's first line).
fn where_differs(ours: &Text, theirs: &Text, here: &[Token], there: &[Token]) -> (u32, u32) {
    if ours.lines.len() == theirs.lines.len() {
        let pairs = ours.lines.iter().zip(&theirs.lines);
        let differing = pairs.into_iter().find(|((_, a), (_, b))| {
            let (x, y) = difference(a, b);
            !x.is_empty() || !y.is_empty()
        });
        if let Some(((a, _), (b, _))) = differing {
            return (*a, *b);
        }
    }
    let line = ours.first_holding(here).unwrap_or(ours.first);
    (line, theirs.first_holding(there).unwrap_or(theirs.first))
}

/// What one multiset has that the other lacks, both ways, in order.
fn difference(a: &[Token], b: &[Token]) -> (Vec<Token>, Vec<Token>) {
    (only(a, b), only(b, a))
}

/// The tokens of `mine` that `other` lacks (as many times as they are missing), in order.
fn only(mine: &[Token], other: &[Token]) -> Vec<Token> {
    let mut theirs: BTreeMap<&Token, usize> = BTreeMap::new();
    other.iter().for_each(|t| *theirs.entry(t).or_default() += 1);
    let mut out = Vec::new();
    for t in mine {
        match theirs.get_mut(t).filter(|n| **n > 0) {
            Some(n) => *n -= 1,
            None => out.push(t.clone()),
        }
    }
    out
}

/// The regulation's text, from its title, cut into units — numbered
/// paragraphs (their items with them) and appendices — each with its first
/// line and the tokens both languages share.
pub fn units(reg: &Regulation, doc: &SourceDoc) -> Units {
    let mut out: Units = BTreeMap::new();
    let mut current: Option<Unit> = None;
    let mut paragraph = 0;
    let first = reg.title.line.max(1);
    let title = words(&lowercase(reg.title()));
    let tables: Vec<(u32, u32)> = reg.channels.iter().flat_map(|c| c.table_lines.iter().copied()).collect();
    let named = Participants::of(reg);
    let mut open_box = false;
    // The words of each line of the diagram, a box's head with its body.
    let mut said: BTreeMap<u32, String> = BTreeMap::new();
    for n in reg.source.lines(first, doc.line_count()) {
        // The tables are compared cell by cell.
        if tables.iter().any(|&(a, b)| a <= n && n <= b) {
            continue;
        }
        let Some(line) = doc.folded_line(n) else { continue };
        let text = lowercase(&unspaced(line));
        if heads_appendix(&text, &title) {
            continue;
        }
        if let Some(a) = super::appendices::heading(&text) {
            current = Some(Unit::Appendix(a));
            out.entry(Unit::Appendix(a)).or_insert_with(|| Text { first: n, ..Text::default() });
            continue;
        }
        if diagram_heading(&text) {
            current = Some(Unit::Diagram);
            out.entry(Unit::Diagram).or_insert_with(|| Text { first: n, ..Text::default() });
            continue;
        }
        let mut rest = text.as_str();
        if let Some((number, body)) = paragraph_start(&text).filter(|(p, _)| *p == paragraph + 1) {
            paragraph = number;
            current = Some(Unit::Paragraph(number));
            out.entry(Unit::Paragraph(number)).or_insert_with(|| Text { first: n, ..Text::default() });
            rest = body;
        }
        if let Some(unit) = current {
            if let Some(entry) = out.get_mut(&unit).filter(|_| !rest.trim().is_empty()) {
                let mut found = tokens(rest);
                // The diagram's boxes say who does what: the participants
                // are what its two versions must share.
                if unit == Unit::Diagram {
                    found.extend(named.mentioned(rest).into_iter().map(Token::Participant));
                    // A box whose head («Специалист …:») stands on a line of
                    // its own is one line with what follows, as the other
                    // version may write it on one.
                    if std::mem::replace(&mut open_box, rest.trim_end().ends_with(':')) {
                        if let Some(last) = entry.lines.last_mut() {
                            last.1.extend(found);
                            said.entry(last.0).or_default().push_str(&format!(" {rest}"));
                            continue;
                        }
                    }
                    said.insert(n, rest.to_string());
                }
                entry.lines.push((n, found));
            }
        }
    }
    if let Some(diagram) = out.get_mut(&Unit::Diagram) {
        diagram.boxes = described_actions(reg, diagram, &said);
    }
    out
}

/// The action of `reg`'s tables each box of its diagram describes: the one
/// whose description and completion form share the most words with the box
/// (one at least), the box's participant the action's breaking a tie (the
/// participant is what the versions may give differently, so the words
/// decide), the first action among equals. The participants' names are no
/// such word: every box names them.
fn described_actions(reg: &Regulation, diagram: &Text, said: &BTreeMap<u32, String>) -> BTreeMap<u32, ActionKey> {
    let names: std::collections::BTreeSet<String> = reg
        .participants
        .iter()
        .flat_map(|p| std::iter::once(&p.name.text).chain(&p.spellings))
        .flat_map(|n| super::lists::stems(n))
        .collect();
    let actions: Vec<_> = reg
        .channels
        .iter()
        .filter(|ch| !ch.derived)
        .flat_map(|ch| ch.actions.iter().map(move |a| (ch, a)))
        .map(|(ch, a)| {
            let words: std::collections::BTreeSet<String> =
                super::lists::action_stems(a).difference(&names).cloned().collect();
            let sfe = match value(reg, a, Column::Sfe) {
                Some(Value::Participant(p)) => Some(p),
                _ => a.participant.clone(),
            };
            ((ch.id.clone(), document_number(a)), sfe, words)
        })
        .collect();
    let mut out = BTreeMap::new();
    for (line, tokens) in &diagram.lines {
        // A box names who does what: a line that names no participant is
        // a lane's heading or a box's stray end, and describes no action.
        let head = tokens.iter().find_map(|t| match t {
            Token::Participant(p) => Some(p),
            _ => None,
        });
        let (Some(text), Some(head)) = (said.get(line), head) else { continue };
        let words: std::collections::BTreeSet<String> = super::lists::stems(text).difference(&names).cloned().collect();
        let mut best: Option<(usize, &ActionKey)> = None;
        for (key, sfe, action_words) in &actions {
            let shared = words.intersection(action_words).count();
            let score = 2 * shared + usize::from(Some(head) == sfe.as_ref());
            if shared >= 1 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, key));
            }
        }
        if let Some((_, key)) = best {
            out.insert(*line, key.clone());
        }
    }
    out
}

/// The heading of the diagram of functional interaction, in either
/// language: «Схема (Диаграмма) функционального взаимодействия …»,
/// «… функционалдық өзара әрекеттерінің сызбасы (диаграммасы)»; not a
/// paragraph that names it.
fn diagram_heading(line: &str) -> bool {
    let russian = (line.starts_with("схема ") || line.starts_with("диаграмма "))
        && line.contains("функционального взаимодействия");
    let kazakh = line.contains("функционалдық өзара")
        && (line.trim_end().ends_with("сызбасы") || line.trim_end().ends_with("диаграммасы"));
    (russian || kazakh) && !line.starts_with(|c: char| c.is_ascii_digit())
}

/// The participants a rendition declares, each with the words of its name
/// and spellings, to find where a text names them.
struct Participants {
    /// Per participant, its names as the stems of their words.
    names: Vec<(ParticipantId, Vec<Vec<String>>)>,
}

impl Participants {
    fn of(reg: &Regulation) -> Participants {
        let names = reg
            .participants
            .iter()
            .map(|p| {
                let mut all: Vec<Vec<String>> = std::iter::once(&p.name.text)
                    .chain(&p.spellings)
                    .map(|n| {
                        lowercase(&unspaced(&fold(n)))
                            .split(|c: char| !is_alphanumeric(c))
                            .filter(|w| !w.is_empty())
                            .map(stem)
                            .collect::<Vec<String>>()
                    })
                    .filter(|w| !w.is_empty())
                    .collect();
                all.sort();
                all.dedup();
                (p.id.clone(), all)
            })
            .collect();
        Participants { names }
    }

    /// The participants a text names, in order: a name's words one after
    /// the other, each word with any ending (Kazakh and Russian decline
    /// them: «уәкілетті органның басшысына», «руководителю») and doubled
    /// letters read once, since the documents misspell them («Уәкілеті
    /// органнның басшысы»). The longest name at a place wins.
    fn mentioned(&self, text: &str) -> Vec<ParticipantId> {
        let words: Vec<String> =
            text.split(|c: char| !is_alphanumeric(c)).filter(|w| !w.is_empty()).map(single_letters).collect();
        let mut out = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let longest = self
                .names
                .iter()
                .flat_map(|(id, names)| names.iter().map(move |n| (id, n)))
                .filter(|(_, name)| {
                    name.len() <= words.len() - at
                        && name.iter().zip(&words[at..]).all(|(s, w)| w.starts_with(s.as_str()))
                })
                .max_by_key(|(_, name)| name.len());
            match longest {
                Some((id, name)) => {
                    out.push(id.clone());
                    at += name.len();
                }
                None => at += 1,
            }
        }
        out
    }
}

/// A word with its doubled letters read once: «органнның» and «органның»
/// are one word, «уәкілеті» and «уәкілетті» another.
fn single_letters(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// The stem of a name's word: its letters read once, without the last two
/// (an ending), and never shorter than four letters.
fn stem(word: &str) -> String {
    let single = single_letters(word);
    let count = single.chars().count();
    let keep = count.saturating_sub(2).max(4).min(count);
    single.chars().take(keep).collect()
}

/// The words of a text, in small letters.
fn words(text: &str) -> std::collections::BTreeSet<String> {
    unspaced(&fold(text)).split(|c: char| !is_alphanumeric(c)).filter(|w| !w.is_empty()).map(str::to_string).collect()
}

/// Whether a line is part of an appendix's heading: the regulation's title
/// repeated, «к регламенту …», «… регламентіне» — which the two languages
/// set before or after the appendix's number.
fn heads_appendix(line: &str, title: &std::collections::BTreeSet<String>) -> bool {
    const HEADING: [&str; 9] = [
        "к",
        "регламенту",
        "регламентіне",
        "оказания",
        "государственной",
        "услуги",
        "мемлекеттік",
        "қызмет",
        "көрсету",
    ];
    // `line` is folded, closed up and in small letters already: its distinct
    // words are taken as they stand, without a string for each (every line
    // of the regulation is asked).
    let mut own: Vec<&str> = line.split(|c: char| !is_alphanumeric(c)).filter(|w| !w.is_empty()).collect();
    own.sort_unstable();
    own.dedup();
    let known = own.iter().filter(|w| title.contains(**w) || HEADING.contains(w)).count();
    !own.is_empty() && known * 5 >= own.len() * 4
}

/// A numbered paragraph's start, «12. Мемлекеттік қызметті …», and its text:
/// a number, a full stop and a sentence, not a chapter's short heading
/// («2. Жалпы ережелер»).
fn paragraph_start(line: &str) -> Option<(u32, &str)> {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    let number: u32 = line[..digits].parse().ok()?;
    let body = line[digits..].strip_prefix('.')?.trim_start();
    let words = body.split(' ').count();
    let sentence = words >= 7 || body.ends_with(['.', ':', ';']);
    (!body.is_empty() && !body.starts_with(|c: char| c.is_ascii_digit()) && sentence).then_some((number, body))
}

/// What a text says in words both languages share, in order: its numbers,
/// dates and acts, then the ministries and documents it names.
fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let all: Vec<&str> = text.split(|c: char| !is_alphanumeric(c)).filter(|w| !w.is_empty()).collect();
    for &word in &all {
        let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
        if !digits.is_empty() {
            out.push(Token::Number(digits.trim_start_matches('0').to_string()));
            continue;
        }
        if let Some(m) = month(word) {
            out.push(Token::Month(m));
        } else if let Some(n) = small_number(word) {
            out.push(Token::Number(n.to_string()));
        } else if let Some(act) = act(word) {
            out.push(act);
        }
    }
    out.extend(super::named::ministries(&all).into_iter().map(Token::Ministry));
    out.extend(super::named::documents(&all).into_iter().map(Token::Document));
    out
}

/// The month a Russian or Kazakh month name (in any form) names.
fn month(word: &str) -> Option<u8> {
    const NAMES: [(&str, &str, u8); 12] = [
        ("январ", "қаңтар", 1),
        ("феврал", "ақпан", 2),
        ("март", "наурыз", 3),
        ("апрел", "сәуір", 4),
        ("ма", "мамыр", 5),
        ("июн", "маусым", 6),
        ("июл", "шілде", 7),
        ("август", "тамыз", 8),
        ("сентябр", "қыркүйек", 9),
        ("октябр", "қазан", 10),
        ("ноябр", "қараша", 11),
        ("декабр", "желтоқсан", 12),
    ];
    NAMES.iter().find_map(|&(ru, kk, n)| {
        let russian = if ru == "ма" {
            matches!(word, "мая" | "май" | "мае")
        } else {
            word.starts_with(ru) && word.len() <= ru.len() + 4
        };
        (russian || word.starts_with(kk)).then_some(n)
    })
}

/// A small number written as a word, in either language (the words that are
/// nothing else: «он» is ten in Kazakh and «he» in Russian, «одного» is
/// «one of»).
fn small_number(word: &str) -> Option<u32> {
    Some(match word {
        "два" | "две" | "двух" | "екі" => 2,
        "три" | "трех" | "трёх" | "үш" => 3,
        "четыре" | "четырех" | "төрт" => 4,
        "пять" | "пяти" | "бес" => 5,
        "десять" | "десяти" => 10,
        _ => return None,
    })
}

/// The act a word names, for the words that are the same in both languages.
fn act(word: &str) -> Option<Token> {
    if word.starts_with("стандарт") {
        Some(Token::Standard)
    } else if word.starts_with("регламент") {
        Some(Token::Regulation)
    } else if word.starts_with("кодекс") {
        Some(Token::Code)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_give_the_same_tokens() {
        let kk = tokens("қазақстан республикасының 2007 жылғы 27 шілдедегі «ақпараттандыру туралы» заңының 2-бабына");
        let ru = tokens("статьи 2 закона республики казахстан от 27 июля 2007 года «об информатизации»");
        assert_eq!(difference(&kk, &ru), (vec![], vec![]));
        let kk = tokens("1) стандарттың 11-тармағына сәйкес");
        let ru = tokens("1) пунктом 11 настоящего регламента");
        assert_eq!(difference(&kk, &ru), (vec![Token::Standard], vec![Token::Regulation]));
        assert_eq!(tokens("үш жұмыс күнін"), tokens("три рабочих дня"));
    }

    fn text(lines: &[(u32, &str)]) -> Text {
        Text { first: lines[0].0, lines: lines.iter().map(|&(n, t)| (n, tokens(t))).collect(), ..Text::default() }
    }

    #[test]
    fn a_unit_differs_at_its_first_differing_line_when_the_lines_pair_up() {
        let kk = text(&[
            (13, "13. құжаттар:"),
            (14, "1) жеке басын куәландыратын құжат;"),
            (15, "2) баланың туу туралы куәлігі."),
        ]);
        let ru = text(&[
            (608, "13. документы:"),
            (609, "1) документ, удостоверяющий личность;"),
            (610, "2) адресная справка."),
        ]);
        let (here, there) = difference(&kk.tokens(), &ru.tokens());
        assert_eq!((here.clone(), there.clone()), (vec![Token::Document(1)], vec![]));
        assert_eq!(where_differs(&kk, &ru, &here, &there), (15, 610));
    }

    #[test]
    fn a_unit_whose_lines_do_not_pair_up_differs_where_it_names_what_the_other_lacks() {
        let kk = text(&[(315, "мекенжайлары"), (317, "қр байланыс және ақпарат министрлігінің бөлімі")]);
        let ru = text(&[(815, "адреса центров"), (816, "№"), (829, "отдел министерства транспорта и коммуникаций")]);
        let (here, there) = difference(&kk.tokens(), &ru.tokens());
        assert_eq!(where_differs(&kk, &ru, &here, &there), (317, 829));
        // Nothing to point at: the units' first lines.
        assert_eq!(where_differs(&kk, &ru, &[], &[]), (315, 815));
    }

    /// A diagram's boxes: (first line, the participant it names, the action it describes).
    fn diagram(boxes: &[(u32, &str, u32)]) -> Text {
        let channel = ChannelId::new("center");
        Text {
            first: boxes[0].0,
            lines: boxes.iter().map(|&(n, p, _)| (n, vec![Token::Participant(ParticipantId::new(p))])).collect(),
            boxes: boxes.iter().map(|&(n, _, a)| (n, (channel.clone(), a))).collect(),
        }
    }

    #[test]
    fn boxes_pair_by_their_action_and_neighbours_whatever_their_order() {
        // Action 3 is drawn twice in each version, in another order: the
        // box after action 5's is paired with the box after action 5's.
        let ru = diagram(&[(10, "head", 6), (11, "spec", 3), (12, "head", 4), (13, "exec", 5), (14, "spec", 3)]);
        let kk = diagram(&[(50, "exec", 5), (51, "exec", 3), (52, "head", 6), (53, "spec", 3), (54, "head", 4)]);
        assert_eq!(box_pairs(&ru, &kk), [(10, 52), (11, 53), (12, 54), (13, 50), (14, 51)]);
        assert_eq!(differing_box(&ru, &kk), Some((14, 51)));
        // The same actors: no box differs.
        let same = diagram(&[(50, "exec", 5), (51, "spec", 3), (52, "head", 6), (53, "spec", 3), (54, "head", 4)]);
        assert_eq!(differing_box(&ru, &same), None);
    }

    #[test]
    fn boxes_name_participants_in_any_form_and_misspelt() {
        // As `Participants::of` reads the renditions' names.
        let name = |id: &str, words: &str| (ParticipantId::new(id), vec![words.split(' ').map(stem).collect()]);
        let names = Participants {
            names: vec![
                name("uo_head", "уәкілетті органның басшысы"),
                name("uo_specialist", "уәкілетті органның маманы"),
            ],
        };
        let head = ParticipantId::new("uo_head");
        assert_eq!(names.mentioned("уәкілеті органнның басшысы:"), std::slice::from_ref(&head));
        let specialist = ParticipantId::new("uo_specialist");
        assert_eq!(names.mentioned("уәкілетті органның басшысына, уәкілетті органның маманына"), [head, specialist]);
    }

    #[test]
    fn paragraphs_are_sentences_not_chapter_headings() {
        assert_eq!(paragraph_start("2. жалпы ережелер"), None);
        assert!(paragraph_start("2. мемлекеттік қызмет уәкілетті орган және орталық арқылы көрсетіледі.").is_some());
        assert_eq!(paragraph_start("12.5 минут"), None);
    }
}
