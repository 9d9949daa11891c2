//! Comparing two corpora regulation by regulation: the regulation's own
//! statements, participants, abbreviations, footnotes and forms here;
//! channels in `channel.rs`; readings in `readings.rs`.

use std::collections::BTreeMap;

use super::align::{self, Step};
use super::{channel, readings, Change, Diff, Edition, Part, Place, Presence, RegulationDiff, Value, What};
use crate::model::{Cell, Corpus, Dated, Deadline, Field, Form, Regulation};
use crate::sources::fold;

/// Compares two corpora: the regulations only one side has, and the
/// changes of those both have, ordered by id.
pub fn compare(old: &Corpus, new: &Corpus) -> Diff {
    let olds: BTreeMap<_, _> = old.regulations.iter().map(|r| (&r.id, r)).collect();
    let news: BTreeMap<_, _> = new.regulations.iter().map(|r| (&r.id, r)).collect();
    let mut ids: Vec<_> = olds.keys().chain(news.keys()).copied().collect();
    ids.sort();
    ids.dedup();
    let regulations = ids
        .into_iter()
        .filter_map(|id| match (olds.get(id), news.get(id)) {
            (Some(o), Some(n)) => {
                let changes = regulation(o, n);
                (!changes.is_empty()).then(|| diff_of(n, Presence::Changed, changes))
            }
            (None, Some(n)) => Some(diff_of(n, Presence::Added, Vec::new())),
            (Some(o), None) => Some(diff_of(o, Presence::Removed, Vec::new())),
            (None, None) => None,
        })
        .collect();
    Diff { regulations }
}

fn diff_of(reg: &Regulation, presence: Presence, changes: Vec<Change>) -> RegulationDiff {
    RegulationDiff { id: reg.id.clone(), title: reg.title().to_string(), presence, changes }
}

/// The changes of one regulation, in its order.
fn regulation(old: &Regulation, new: &Regulation) -> Vec<Change> {
    let mut c = Changes::default();
    statements(&mut c, old, new);
    participants(&mut c, old, new);
    abbreviations(&mut c, old, new);
    footnotes(&mut c, old, new);
    let mut numbers = Renumbering::default();
    channel::channels(&mut c, old, new, &mut numbers);
    forms(&mut c, old, new, &mut numbers);
    readings::readings(&mut c, old, new, &numbers);
    c.list
}

/// How elements were renumbered between the sides, for the subjects of
/// readings: per channel, old action numbers (as the document gives them)
/// to new ones and old process-list markers to new ones; per form, old field
/// numbers to new ones. Elements only the old side has are absent.
#[derive(Debug, Default)]
pub struct Renumbering {
    /// Per channel: old document number of an action → new.
    pub actions: BTreeMap<String, BTreeMap<u32, u32>>,
    /// Per channel: old marker of a process-list item → new.
    pub markers: BTreeMap<String, BTreeMap<String, String>>,
    /// Per form: old field number → new.
    pub fields: BTreeMap<String, BTreeMap<u32, u32>>,
}

pub use super::align::same;

/// The changes found so far, with helpers that add one only when something changed.
#[derive(Debug, Default)]
pub struct Changes {
    /// The changes, in order.
    pub list: Vec<Change>,
}

impl Changes {
    /// Adds a change.
    pub fn push(&mut self, place: &Place, what: What) {
        self.list.push(Change { place: place.clone(), what });
    }

    /// Adds a text change when the texts differ.
    pub fn text(&mut self, place: &Place, part: Part, old: Option<&str>, new: Option<&str>) {
        if !same(old, new) {
            let (old, new) = (old.map(str::to_string), new.map(str::to_string));
            self.push(place, What::Text { part, old, new });
        }
    }

    /// Adds a value change when the values differ.
    pub fn value(&mut self, place: &Place, part: Part, old: Value, new: Value) {
        if old != new {
            self.push(place, What::Value { part, old, new });
        }
    }

    /// Compares the document's words of two cells (readings are compared
    /// with the readings).
    pub fn cell(&mut self, place: &Place, part: Part, old: Option<&Cell>, new: Option<&Cell>) {
        self.text(place, part, document(old), document(new));
    }

    /// Compares two deadline cells: the document's words, and when they are
    /// the same, what the code reads from them (a reading or a new reader
    /// may read the same words otherwise).
    pub fn deadline(&mut self, place: &Place, part: Part, old: Option<&Deadline>, new: Option<&Deadline>) {
        let (old_cell, new_cell) = (old.map(|d| &d.cell), new.map(|d| &d.cell));
        self.cell(place, part, old_cell, new_cell);
        let differ = old.map(|d| &d.meaning) != new.map(|d| &d.meaning);
        if differ && same(document(old_cell), document(new_cell)) {
            let value = |d: Option<&Deadline>| d.map_or(Value::Absent, |d| Value::Deadline(d.meaning.clone()));
            self.value(place, part, value(old), value(new));
        }
    }
}

/// The document's words of a cell, if it has any.
pub fn document(cell: Option<&Cell>) -> Option<&str> {
    cell.and_then(|c| c.document.as_deref())
}

/// The text the code reads from a cell.
pub fn effective(cell: Option<&Cell>) -> Option<&str> {
    cell.and_then(Cell::effective)
}

fn id_value(id: Option<&str>) -> Value {
    id.map_or(Value::Absent, |i| Value::Id(i.to_string()))
}

fn date_value(date: Option<&String>) -> Value {
    date.map_or(Value::Absent, |d| Value::Date(d.clone()))
}

/// The regulation's own statements: edition, title, language, issuer,
/// region, act, registration, status, term, language version.
fn statements(c: &mut Changes, old: &Regulation, new: &Regulation) {
    let here = Place::Regulation;
    if old.source.file != new.source.file || old.source.sha256 != new.source.sha256 {
        let edition = |r: &Regulation| Edition { file: r.source.file.clone(), sha256: r.source.sha256.clone() };
        c.push(&here, What::Edition { old: edition(old), new: edition(new) });
    }
    let follows = |r: &Regulation| id_value(r.source.follows.as_deref());
    c.value(&here, Part::Follows, follows(old), follows(new));
    let in_force = |r: &Regulation| date_value(r.in_force.as_ref().map(|f| &f.date));
    c.value(&here, Part::InForce, in_force(old), in_force(new));
    c.cell(&here, Part::Title, Some(&old.title), Some(&new.title));
    c.value(&here, Part::Language, Value::Word(old.language.as_str()), Value::Word(new.language.as_str()));
    c.cell(&here, Part::Issuer, old.issuer.as_ref(), new.issuer.as_ref());
    let region = |r: &Regulation| id_value(r.region.as_ref().map(|r| r.as_str()));
    c.value(&here, Part::Region, region(old), region(new));
    dated(c, (Part::Act, Part::ActDate), old.act.as_ref(), new.act.as_ref());
    dated(c, (Part::Registration, Part::RegistrationDate), old.registration.as_ref(), new.registration.as_ref());
    status(c, old, new);
    c.deadline(&here, Part::Term, old.term.as_ref(), new.term.as_ref());
    let version = |r: &Regulation| id_value(r.version_of.as_ref().map(|v| v.as_str()));
    c.value(&here, Part::VersionOf, version(old), version(new));
}

fn dated(c: &mut Changes, (text, date): (Part, Part), old: Option<&Dated>, new: Option<&Dated>) {
    let here = Place::Regulation;
    c.cell(&here, text, old.map(|d| &d.cell), new.map(|d| &d.cell));
    c.value(&here, date, date_value(old.and_then(|d| d.date.as_ref())), date_value(new.and_then(|d| d.date.as_ref())));
}

fn status(c: &mut Changes, old: &Regulation, new: &Regulation) {
    let here = Place::Regulation;
    let (o, n) = (old.status.as_ref(), new.status.as_ref());
    let value = |s: Option<&crate::model::StatusStatement>| s.map_or(Value::Absent, |s| Value::Word(s.value.as_str()));
    c.value(&here, Part::Status, value(o), value(n));
    c.text(&here, Part::StatusText, o.map(|s| s.text.text.as_str()), n.map(|s| s.text.text.as_str()));
    c.text(&here, Part::RepealingAct, o.and_then(|s| s.act.as_deref()), n.and_then(|s| s.act.as_deref()));
    c.value(
        &here,
        Part::RepealDate,
        date_value(o.and_then(|s| s.date.as_ref())),
        date_value(n.and_then(|s| s.date.as_ref())),
    );
}

/// Participants, by id: in the new side's order, then those removed.
fn participants(c: &mut Changes, old: &Regulation, new: &Regulation) {
    for n in &new.participants {
        let place = Place::Participant(n.id.clone());
        let Some(o) = old.participant(&n.id) else {
            c.push(&place, What::Added { text: Some(n.name.text.clone()), because: None });
            continue;
        };
        c.value(&place, Part::Kind, Value::Word(o.kind.as_str()), Value::Word(n.kind.as_str()));
        c.text(&place, Part::Name, Some(&o.name.text), Some(&n.name.text));
        // The first spelling is the name itself.
        if o.spellings.get(1..) != n.spellings.get(1..) {
            let others = |p: &crate::model::Participant| {
                let mut list: Vec<String> = p.spellings.iter().skip(1).map(|s| fold(s)).collect();
                list.sort();
                list.dedup();
                Value::Texts(list)
            };
            c.value(&place, Part::Spellings, others(o), others(n));
        }
    }
    for o in old.participants.iter().filter(|o| new.participant(&o.id).is_none()) {
        c.push(&Place::Participant(o.id.clone()), What::Removed { text: Some(o.name.text.clone()), because: None });
    }
}

/// Abbreviations, by the short form the regulation uses.
fn abbreviations(c: &mut Changes, old: &Regulation, new: &Regulation) {
    let find = |r: &Regulation, short: &str| {
        r.abbreviations.iter().find(|a| a.short == short).map(|a| a.definition.text.clone())
    };
    for n in &new.abbreviations {
        let place = Place::Abbreviation(n.short.clone());
        match find(old, &n.short) {
            Some(o) => c.text(&place, Part::Definition, Some(&o), Some(&n.definition.text)),
            None => c.push(&place, What::Added { text: Some(n.definition.text.clone()), because: None }),
        }
    }
    for o in old.abbreviations.iter().filter(|o| find(new, &o.short).is_none()) {
        c.push(
            &Place::Abbreviation(o.short.clone()),
            What::Removed { text: Some(o.definition.text.clone()), because: None },
        );
    }
}

/// Footnotes, paired by their text.
fn footnotes(c: &mut Changes, old: &Regulation, new: &Regulation) {
    let (o, n) = (&old.footnotes, &new.footnotes);
    let steps = align::pair(o, n, |f| [Some(f.text.text.as_str())], |_, _| false);
    let here = Place::Footnote;
    for step in steps {
        match step {
            Step::Both(i, j) => {
                c.text(&here, Part::Text, Some(&o[i].text.text), Some(&n[j].text.text));
                c.text(&here, Part::AmendingAct, o[i].act.as_deref(), n[j].act.as_deref());
                c.value(
                    &here,
                    Part::Amends,
                    id_value(o[i].amends.map(|a| a.to_string()).as_deref()),
                    id_value(n[j].amends.map(|a| a.to_string()).as_deref()),
                );
            }
            Step::Old(i) => c.push(&here, What::Removed { text: Some(o[i].text.text.clone()), because: None }),
            Step::New(j) => c.push(&here, What::Added { text: Some(n[j].text.text.clone()), because: None }),
        }
    }
}

/// Forms, by id; their fields by id, then by number.
fn forms(c: &mut Changes, old: &Regulation, new: &Regulation, numbers: &mut Renumbering) {
    for n in &new.forms {
        let place = Place::Form(n.id.clone());
        match old.forms.iter().find(|o| o.id == n.id) {
            Some(o) => {
                c.text(&place, Part::FormTitle, Some(&o.title.text), Some(&n.title.text));
                fields(c, o, n, numbers);
            }
            None => c.push(&place, What::Added { text: Some(n.title.text.clone()), because: None }),
        }
    }
    for o in old.forms.iter().filter(|o| !new.forms.iter().any(|n| n.id == o.id)) {
        c.push(&Place::Form(o.id.clone()), What::Removed { text: Some(o.title.text.clone()), because: None });
    }
}

/// The FLK fields of a form: paired by id, and what is left by number (a
/// field whose name changed has another id).
fn fields(c: &mut Changes, old: &Form, new: &Form, numbers: &mut Renumbering) {
    let mut pairs: Vec<(Option<&Field>, Option<&Field>)> = Vec::new();
    let by_id = |f: &Field, list: &[Field]| list.iter().any(|x| x.id == f.id);
    for n in &new.fields {
        let o = old.fields.iter().find(|o| o.id == n.id).or_else(|| {
            old.fields.iter().find(|o| o.number == n.number && !by_id(o, &new.fields) && !by_id(n, &old.fields))
        });
        pairs.push((o, Some(n)));
    }
    for o in &old.fields {
        if !pairs.iter().any(|(p, _)| p.is_some_and(|p| std::ptr::eq(p, o))) {
            pairs.push((Some(o), None));
        }
    }
    let map = numbers.fields.entry(new.id.to_string()).or_default();
    for (o, n) in pairs {
        match (o, n) {
            (Some(o), Some(n)) => {
                map.insert(o.number, n.number);
                field(c, &new.id, o, n);
            }
            (None, Some(n)) => {
                let place = Place::Field(new.id.clone(), n.number, n.id.clone());
                c.push(&place, What::Added { text: Some(n.name.clone()), because: None });
            }
            (Some(o), None) => {
                let place = Place::Field(new.id.clone(), o.number, o.id.clone());
                c.push(&place, What::Removed { text: Some(o.name.clone()), because: None });
            }
            (None, None) => {}
        }
    }
}

fn field(c: &mut Changes, form: &crate::model::FormId, o: &Field, n: &Field) {
    let place = Place::Field(form.clone(), n.number, n.id.clone());
    if o.number != n.number {
        c.push(&place, What::Renumbered { old: o.number, new: n.number });
    }
    if o.id != n.id {
        c.value(&place, Part::FieldId, Value::Id(o.id.to_string()), Value::Id(n.id.to_string()));
    }
    c.text(&place, Part::FieldName, Some(&o.name), Some(&n.name));
    c.text(&place, Part::Required, Some(&o.required_text), Some(&n.required_text));
    if same(Some(&o.required_text), Some(&n.required_text)) {
        c.value(&place, Part::Required, Value::Flag(o.required), Value::Flag(n.required));
    }
    let size = |f: &Field| f.size.map_or(Value::Absent, Value::Number);
    c.value(&place, Part::Size, size(o), size(n));
    c.text(&place, Part::Format, Some(&o.format_text), Some(&n.format_text));
    if same(Some(&o.format_text), Some(&n.format_text)) {
        c.value(&place, Part::Format, Value::Word(o.format.as_str()), Value::Word(n.format.as_str()));
    }
}
