//! W0108, W0504: columns of an action table that say nothing.
//!
//! An action whose description, completion form and deadline are all blank
//! or «-» is an empty column: the table names a participant and a next
//! action, and nothing is done. A blank deadline cell in a table that gives
//! deadlines elsewhere leaves the step without one. Both read the document's
//! cells, the analyst's readings aside.

use crate::diagnostics::Sink;
use crate::messages::Message;
use crate::model::{Action, Cell, Channel, Regulation};

/// Runs the column checks of one regulation.
pub fn check(reg: &Regulation, sink: &mut Sink) {
    for ch in reg.channels.iter().filter(|c| !c.derived) {
        let has_deadlines = ch.actions.iter().any(|a| a.deadline.as_ref().is_some_and(|d| !says_nothing(&d.cell)));
        for a in &ch.actions {
            if is_empty_column(a) {
                empty_column(ch, a, sink);
            } else if has_deadlines {
                empty_deadline(ch, a, sink);
            }
        }
    }
}

/// Whether a cell is blank or a dash, as the document writes it.
fn says_nothing(cell: &Cell) -> bool {
    cell.document.as_deref().is_none_or(|t| t.trim().chars().all(|c| matches!(c, '-' | '–' | '—' | ' ')))
}

/// Whether two of an action's text columns at least are given, and every
/// one given says nothing.
fn is_empty_column(a: &Action) -> bool {
    let cells: Vec<&Cell> =
        [a.does.as_ref(), a.completion.as_ref(), a.deadline.as_ref().map(|d| &d.cell)].into_iter().flatten().collect();
    cells.len() >= 2 && cells.iter().all(|c| says_nothing(c))
}

/// W0108: an action that names who acts and what follows, and nothing done.
fn empty_column(ch: &Channel, a: &Action, sink: &mut Sink) {
    let cell = a.does.as_ref().or(a.completion.as_ref()).map_or((a.at, a.line), |c| (c.at, c.line));
    sink.emit(Message::EmptyColumn { action: a.number, channel: ch.id.clone() }, cell.0, cell.1);
}

/// W0504: a blank deadline cell (`empty`), where the table gives deadlines.
fn empty_deadline(ch: &Channel, a: &Action, sink: &mut Sink) {
    let Some(d) = &a.deadline else { return };
    if d.cell.document.is_none() {
        sink.emit(Message::EmptyDeadline { action: a.number, channel: ch.id.clone() }, d.cell.at, d.cell.line);
    }
}
