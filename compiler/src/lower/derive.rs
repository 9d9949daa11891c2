//! Channels without an action table: their machine is derived from the
//! process list.
//!
//! Some regulations (003 among them) give only process lists. Each process
//! («процесс N», «N-үдеріс») becomes an action numbered N; a process leads to
//! the next labelled item of the list; a condition («условие N», «N-шарт») is
//! a branch whose outcomes the text does not state, so the analyst must read
//! them (`leads process 3, process 2 because "…"`); a process that ends the
//! service says so (`ends because "…"`). Every such clause is a reading,
//! reported as a note like any other.
//!
//! Each flow clause belongs to its item in the model ([`Step::flow`]): items
//! are never paired with the syntax tree by position, so an item the
//! rendition writes `empty` cannot move a clause onto its neighbour.

use crate::diagnostics::Sink;
use crate::messages::{Message, Phrase, Subject};
use crate::model::{Action, Cell, ChannelId, ItemKind, Next, ReadingNote, Step, StepRef, Target};
use crate::sources::fold;

/// A labelled item of the list.
struct Item<'a> {
    step: &'a Step,
    kind: ItemKind,
    number: u32,
}

/// Derives the actions of channel `channel` from its process list.
pub fn actions(channel: &ChannelId, steps: &[Step], sink: &mut Sink, readings: &mut Vec<ReadingNote>) -> Vec<Action> {
    let items: Vec<Item> =
        steps.iter().filter_map(|step| step.label.map(|(kind, number)| Item { step, kind, number })).collect();
    for item in &items {
        record(channel, item, readings);
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate().filter(|(_, i)| i.kind == ItemKind::Process) {
        let targets = process_targets(channel, &items, i, sink);
        out.push(action(item, targets));
    }
    out
}

fn record(channel: &ChannelId, item: &Item, readings: &mut Vec<ReadingNote>) {
    let Some(flow) = &item.step.flow else { return };
    let reading = if flow.leads.is_empty() { "ends".to_string() } else { format!("leads {}", refs(&flow.leads)) };
    readings.push(ReadingNote {
        subject: Subject::Item(channel.clone(), item.kind, item.number),
        document: Some(item.step.text.clone()),
        reading: Some(reading),
        because: flow.because.clone(),
        line: item.step.line,
        last_line: item.step.line,
        at: reglament_grammar::ast::Span { start: flow.at.start, end: (flow.at.start + 5).min(flow.at.end) },
    });
}

/// The clause as the rendition writes it: `process 3, condition 2`.
fn refs(list: &[StepRef]) -> String {
    list.iter().map(|r| format!("{} {}", r.kind, r.number)).collect::<Vec<_>>().join(", ")
}

/// Where process `items[i]` leads: its own clause, else the next labelled item.
fn process_targets(channel: &ChannelId, items: &[Item], i: usize, sink: &mut Sink) -> Vec<Target> {
    if let Some(flow) = &items[i].step.flow {
        return flow.leads.iter().flat_map(|r| resolve(channel, items, r, &items[i], sink)).collect();
    }
    match items.get(i + 1) {
        None => Vec::new(),
        Some(next) if next.kind == ItemKind::Process => vec![Target { action: next.number, when: None }],
        Some(next) => condition_targets(channel, items, next, sink),
    }
}

/// The outcomes of a condition, as the analyst reads them.
fn condition_targets(channel: &ChannelId, items: &[Item], condition: &Item, sink: &mut Sink) -> Vec<Target> {
    let Some(flow) = condition.step.flow.as_ref().filter(|f| !f.leads.is_empty()) else {
        let message = Message::ConditionUndecided { channel: channel.clone(), number: condition.number };
        sink.emit(message, condition.step.at, condition.step.line);
        return Vec::new();
    };
    let n = flow.leads.len();
    let text = fold(&condition.step.text);
    flow.leads
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            let found =
                items.iter().find(|it| r.kind == ItemKind::Process && it.kind == r.kind && it.number == r.number);
            if found.is_none() {
                missing(channel, condition, r, sink);
            }
            found.map(|it| Target { action: it.number, when: Some(format!("{text} [{}/{n}]", k + 1)) })
        })
        .collect()
}

/// A `leads` target of a process: a process, or a condition whose outcomes follow.
fn resolve(channel: &ChannelId, items: &[Item], r: &StepRef, from: &Item, sink: &mut Sink) -> Vec<Target> {
    match items.iter().find(|it| it.kind == r.kind && it.number == r.number) {
        None => {
            missing(channel, from, r, sink);
            Vec::new()
        }
        Some(it) if r.kind == ItemKind::Condition => condition_targets(channel, items, it, sink),
        Some(it) => vec![Target { action: it.number, when: None }],
    }
}

fn missing(channel: &ChannelId, from: &Item, r: &StepRef, sink: &mut Sink) {
    let message = Message::LeadsNowhere {
        channel: channel.clone(),
        item: Phrase::ItemName { kind: from.kind, number: from.number },
        kind: r.kind,
        number: r.number,
    };
    sink.emit(message, r.at, from.step.line);
}

fn action(item: &Item, targets: Vec<Target>) -> Action {
    let step = item.step;
    let described = if targets.is_empty() {
        "-".to_string()
    } else {
        targets.iter().map(|t| t.action.to_string()).collect::<Vec<_>>().join(", ")
    };
    let text =
        Cell { document: Some(step.text.clone()), reading: None, line: step.line, last_line: step.line, at: step.at };
    let next = Cell { document: None, reading: Some(described), line: step.line, last_line: step.line, at: step.at };
    Action {
        number: item.number,
        document_number: None,
        block: None,
        sfe: None,
        participant: None,
        does: Some(text),
        completion: None,
        deadline: None,
        next: Some(Next { cell: next, targets, unread: false }),
        covers: Vec::new(),
        refusal: item.step.refusal,
        line: step.line,
        at: step.at,
    }
}
