//! What a draft leaves open: the places where the document does not say
//! what it means, each an `undecided` question beside the text it concerns.
//!
//! The importer reads the cells with the compiler's own phrase readers
//! ([`crate::lower::cells`]) and asks where the table's flow breaks — a
//! next-action cell naming an action the table does not have, leading
//! back, skipping an action nothing else leads to, ending the service
//! before actions that follow, left empty or unreadable; a deadline in no
//! known phrasing — and where the table and its process list disagree.
//! It never answers: answering is the analyst's reading.

use std::collections::BTreeSet;

use super::draft::{Action, Cell, Channel, Note, Table};
use super::words::Words;
use crate::lower::cells;
use crate::messages::Phrase;
use crate::model::{Column, ItemKind};

/// Asks every question a channel leaves open.
pub(super) fn channel(ch: &mut Channel, words: &Words) {
    let conditions = conditions(ch, words);
    match ch.table.as_mut() {
        Some(table) => {
            flow(table, words);
            deadlines(table, words);
            if !conditions.is_empty() && !branches(table) {
                let question = words.say(Phrase::ImportTableLinear { conditions: conditions.join(", ") });
                table.notes.push(Note::Open { line: table.caption.first, question });
            }
        }
        None => {
            // A channel without a table follows its list; what a condition
            // leads to, the text does not say.
            for item in ch.list.iter_mut().flat_map(|l| l.items.iter_mut()) {
                if matches!(cells::step_label(&item.text.text), Some((ItemKind::Condition, _))) {
                    let label: String = item.text.text.chars().take(60).collect();
                    let question = words.say(Phrase::ImportConditionLeads { label });
                    item.notes.push(Note::Open { line: item.text.first, question });
                }
            }
        }
    }
}

/// The conditions of a channel's process list, as the document labels them.
fn conditions(ch: &Channel, words: &Words) -> Vec<String> {
    let items = ch.list.iter().flat_map(|l| &l.items);
    items
        .filter_map(|i| match cells::step_label(&i.text.text) {
            Some((ItemKind::Condition, n)) => Some(Phrase::ItemName { kind: ItemKind::Condition, number: n }),
            _ => None,
        })
        .map(|p| words.say(p))
        .collect()
}

/// Whether some action of the table leads to several others.
fn branches(table: &Table) -> bool {
    actions(table).any(|a| targets(a).is_some_and(|t| t.len() > 1))
}

fn actions(table: &Table) -> impl Iterator<Item = &Action> {
    table.blocks.iter().flat_map(|b| &b.actions)
}

/// The actions an action's next-action cell names; `None` when it has no
/// readable cell, empty when it ends the service.
fn targets(action: &Action) -> Option<Vec<u32>> {
    let text = action.cell(Column::Next)?.text()?;
    cells::next(&text).ok().map(|t| t.iter().map(|t| t.action).collect())
}

/// Questions about the table's flow.
fn flow(table: &mut Table, words: &Words) {
    let numbers: Vec<u32> = actions(table).map(|a| a.number).collect();
    let known: BTreeSet<u32> = numbers.iter().copied().collect();
    let led_to: BTreeSet<u32> = actions(table).filter_map(targets).flatten().collect();
    let mut asked: BTreeSet<u32> = BTreeSet::new();
    for action in table.blocks.iter_mut().flat_map(|b| b.actions.iter_mut()) {
        if let Some(question) = next_cell(action, &known, words) {
            let line = action.cell(Column::Next).map_or(action.line, Cell::line);
            action.notes.push(Note::Open { line, question });
            asked.insert(action.number);
        }
    }
    // An action nothing leads to (but the first): the cell before it in
    // the table's order most likely says why.
    for i in 1..numbers.len() {
        let number = numbers[i];
        if led_to.contains(&number) || numbers[..i].contains(&number) {
            continue;
        }
        let previous = numbers[i - 1];
        if asked.contains(&previous) {
            continue;
        }
        let Some(before) = actions(table).nth(i - 1) else { continue };
        let next_text = before.cell(Column::Next).and_then(Cell::text).unwrap_or_default();
        let question = match targets(before).as_deref() {
            Some([]) => Phrase::ImportEndsEarly { action: previous, next: next_text, skipped: number },
            Some([target]) if *target > number => {
                Phrase::ImportNextSkips { action: previous, next: next_text, skipped: number }
            }
            _ => Phrase::ImportUnreached { action: number },
        };
        let asks_before = !matches!(question, Phrase::ImportUnreached { .. });
        let (index, at) = if asks_before { (i - 1, previous) } else { (i, number) };
        if let Some(action) = table.blocks.iter_mut().flat_map(|b| b.actions.iter_mut()).nth(index) {
            let line =
                if asks_before { action.cell(Column::Next).map_or(action.line, Cell::line) } else { action.line };
            action.notes.push(Note::Open { line, question: words.say(question) });
            asked.insert(at);
        }
    }
}

/// The question a next-action cell raises, if any.
fn next_cell(action: &Action, known: &BTreeSet<u32>, words: &Words) -> Option<String> {
    let number = action.number;
    let cell = action.cell(Column::Next)?;
    let Some(text) = cell.text() else {
        return Some(words.say(Phrase::ImportNextEmpty { action: number }));
    };
    let Ok(targets) = cells::next(&text) else {
        return Some(words.say(Phrase::ImportNextUnreadable { action: number, next: text }));
    };
    let missing: Vec<String> =
        targets.iter().filter(|t| !known.contains(&t.action)).map(|t| t.action.to_string()).collect();
    if !missing.is_empty() {
        let missing = missing.join(", ");
        return Some(words.say(Phrase::ImportNextNowhere { action: number, next: text, missing }));
    }
    match targets.as_slice() {
        [only] if only.action <= number => {
            Some(words.say(Phrase::ImportNextBack { action: number, next: text, target: only.action }))
        }
        _ => None,
    }
}

/// Questions about deadlines the compiler cannot read.
fn deadlines(table: &mut Table, words: &Words) {
    for action in table.blocks.iter_mut().flat_map(|b| b.actions.iter_mut()) {
        let Some(cell) = action.cell(Column::Deadline) else { continue };
        let Some(text) = cell.text() else { continue };
        let readable = cells::deadline(&text).is_ok_and(|d| d.unknown_remarks.is_empty());
        if !readable {
            let question = words.say(Phrase::ImportDeadlineUnreadable { action: action.number, deadline: text });
            let line = cell.line();
            action.notes.push(Note::Open { line, question });
        }
    }
}
