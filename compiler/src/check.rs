//! Checks on the model: defects of a regulation that lowering cannot see
//! one element at a time.
//!
//! Each check is a function from a regulation to diagnostics, with a stable
//! code (docs/language.md lists them).

use std::collections::BTreeSet;

use crate::diagnostics::Sink;
use crate::model::{Channel, Regulation};

/// Runs every check on a lowered regulation.
pub fn check(reg: &Regulation, sink: &mut Sink) {
    for ch in &reg.channels {
        next_targets_exist(ch, sink);
        has_final_action(ch, sink);
        all_reachable(ch, sink);
        end_reachable(ch, sink);
    }
    readings_as_notes(reg, sink);
}

/// E0403: a next action that points to no action of the channel.
fn next_targets_exist(ch: &Channel, sink: &mut Sink) {
    for a in &ch.actions {
        let Some(next) = &a.next else { continue };
        for t in &next.targets {
            if ch.action(t.action).is_none() {
                let numbers: Vec<String> = ch.actions.iter().map(|a| a.number.to_string()).collect();
                sink.error(
                    "E0403",
                    next.at,
                    next.line,
                    format!(
                        "action {} of channel `{}` goes to action {}, which the table does not have",
                        a.number, ch.id, t.action
                    ),
                )
                .help(format!(
                    "the table has actions {}; if the document is wrong, add `reading \"…\" because \"…\"`",
                    numbers.join(", ")
                ));
            }
        }
    }
}

/// E0405: a channel with actions but none that ends the service.
fn has_final_action(ch: &Channel, sink: &mut Sink) {
    if ch.actions.is_empty() {
        return;
    }
    if !ch.actions.iter().any(|a| a.targets().is_empty()) {
        sink.error(
            "E0405",
            ch.at,
            0,
            format!("channel `{}` has no final action: every action has a next action", ch.id),
        )
        .help(
            "the action that ends the service has «-» as its next action; add a reading where the document forgets it",
        );
    }
}

/// W0101: actions no path from the first action reaches.
fn all_reachable(ch: &Channel, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    let mut seen = BTreeSet::from([first.number]);
    let mut todo = vec![first.number];
    while let Some(n) = todo.pop() {
        let Some(a) = ch.action(n) else { continue };
        for t in a.targets() {
            if seen.insert(t.action) {
                todo.push(t.action);
            }
        }
    }
    for a in &ch.actions {
        if !seen.contains(&a.number) {
            sink.warning(
                "W0101",
                a.at,
                a.line,
                format!("action {} of channel `{}` is reached from no other action", a.number, ch.id),
            )
            .help("check the next-action cells that should lead here; the document may skip or misnumber them");
        }
    }
}

/// E0406: the first action cannot reach any final action: the machine could never finish.
fn end_reachable(ch: &Channel, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    if !ch.actions.iter().any(|a| a.targets().is_empty()) {
        return; // E0405 already says so.
    }
    let mut seen = BTreeSet::from([first.number]);
    let mut todo = vec![first.number];
    while let Some(n) = todo.pop() {
        let Some(a) = ch.action(n) else { continue };
        if a.targets().is_empty() {
            return;
        }
        for t in a.targets() {
            if seen.insert(t.action) {
                todo.push(t.action);
            }
        }
    }
    sink.error("E0406", first.at, first.line, format!("no path leads from action {} of channel `{}` to a final action", first.number, ch.id))
        .help("follow the next-action cells from the first action: they loop or stop at a missing action; add readings where the document goes wrong");
}

/// N0001: every analyst reading, so reviewers see all of them in one list.
fn readings_as_notes(reg: &Regulation, sink: &mut Sink) {
    for r in &reg.readings {
        let message = match (&r.document, &r.reading) {
            (Some(d), Some(x)) => format!(
                "reading ({}): the document says «{}», read as «{}»: {}",
                r.subject,
                d.trim(),
                x.trim(),
                r.because
            ),
            (None, Some(x)) => format!("reading ({}): an empty cell, read as «{}»: {}", r.subject, x.trim(), r.because),
            _ => format!("reading ({}): {}", r.subject, r.because),
        };
        sink.note("N0001", r.at, r.line, message);
    }
}
