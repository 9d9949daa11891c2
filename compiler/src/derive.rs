//! Channels without an action table: their machine is derived from the
//! process list.
//!
//! Some regulations (003 among them) give only process lists. Each process
//! («процесс N», «N-үдеріс») becomes an action numbered N; a process leads to
//! the next item of the list; a condition («условие N», «N-шарт») is a branch
//! whose outcomes the text does not state, so the analyst must read them
//! (`leads process 3, process 2 because "…"`); a process that ends the service
//! says so (`ends because "…"`). Every such clause is a reading, reported as
//! a note like any other.

use reglament_grammar::ast::{self, Span, StepRef};

use crate::diagnostics::Sink;
use crate::messages::{step_word, Args};
use crate::model::{Action, CellReadings, Next, ReadingNote, Step, Target};
use crate::sources::fold;

/// A labelled item of the list with the analyst's flow clause, if any.
struct Item<'a> {
    step: &'a Step,
    flow: Option<&'a ast::StepFlow>,
}

impl Item<'_> {
    fn is(&self, r: &StepRef) -> bool {
        self.step.number == Some(r.number) && (self.step.kind == "condition") == r.condition
    }
}

/// Derives the actions of channel `channel` from its process list.
pub fn actions(
    channel: &str,
    steps: &[Step],
    ast_steps: &[&ast::Step],
    sink: &mut Sink,
    readings: &mut Vec<ReadingNote>,
) -> Vec<Action> {
    let items: Vec<Item> = steps
        .iter()
        .zip(ast_steps)
        .filter(|(s, _)| s.number.is_some())
        .map(|(step, a)| Item { step, flow: a.flow.as_ref() })
        .collect();
    for item in items.iter().filter(|i| i.flow.is_some()) {
        record(channel, item, readings);
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate().filter(|(_, i)| i.step.kind == "process") {
        let targets = process_targets(channel, &items, i, sink);
        out.push(action(item, targets));
    }
    out
}

fn record(channel: &str, item: &Item, readings: &mut Vec<ReadingNote>) {
    let Some(flow) = item.flow else { return };
    let reading = if flow.leads.is_empty() { "ends".to_string() } else { format!("leads {}", refs(&flow.leads)) };
    readings.push(ReadingNote {
        subject: format!("channel {channel}, {} {}", item.step.kind, item.step.number.unwrap_or(0)),
        document: Some(item.step.text.clone()),
        reading: Some(reading),
        because: flow.because.clone(),
        line: item.step.line,
        at: Span { start: flow.span.start, end: (flow.span.start + 5).min(flow.span.end) },
    });
}

fn refs(list: &[StepRef]) -> String {
    list.iter()
        .map(|r| format!("{} {}", if r.condition { "condition" } else { "process" }, r.number))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where process `items[i]` leads: its own clause, else the next item.
fn process_targets(channel: &str, items: &[Item], i: usize, sink: &mut Sink) -> Vec<Target> {
    if let Some(flow) = items[i].flow {
        return flow.leads.iter().flat_map(|r| resolve(channel, items, r, items[i].step, sink)).collect();
    }
    match items.get(i + 1) {
        None => Vec::new(),
        Some(next) if next.step.kind == "process" => vec![Target { action: next.step.number.unwrap_or(0), when: None }],
        Some(next) => condition_targets(channel, items, next, sink),
    }
}

/// The outcomes of a condition, as the analyst reads them.
fn condition_targets(channel: &str, items: &[Item], condition: &Item, sink: &mut Sink) -> Vec<Target> {
    let Some(flow) = condition.flow.filter(|f| !f.leads.is_empty()) else {
        let args = Args::none().with("channel", channel).with("number", condition.step.number.unwrap_or(0));
        sink.emit("E0602.undecided", condition.step.at, condition.step.line, args);
        return Vec::new();
    };
    let n = flow.leads.len();
    let text = fold(&condition.step.text);
    flow.leads
        .iter()
        .enumerate()
        .filter_map(|(k, r)| {
            let found = items.iter().find(|it| it.is(r) && !r.condition);
            if found.is_none() {
                missing(channel, condition.step, r, sink);
            }
            found
                .map(|it| Target { action: it.step.number.unwrap_or(0), when: Some(format!("{text} [{}/{n}]", k + 1)) })
        })
        .collect()
}

/// A `leads` target of a process: a process, or a condition whose outcomes follow.
fn resolve(channel: &str, items: &[Item], r: &StepRef, from: &Step, sink: &mut Sink) -> Vec<Target> {
    match items.iter().find(|it| it.is(r)) {
        None => {
            missing(channel, from, r, sink);
            Vec::new()
        }
        Some(it) if r.condition => condition_targets(channel, items, it, sink),
        Some(it) => vec![Target { action: it.step.number.unwrap_or(0), when: None }],
    }
}

fn missing(channel: &str, from: &Step, r: &StepRef, sink: &mut Sink) {
    let args = Args::none()
        .with("channel", channel)
        .with("item", format!("{} {}", step_word(from.kind == "condition", sink.lang), from.number.unwrap_or(0)))
        .with("kind", step_word(r.condition, sink.lang))
        .with("number", r.number);
    sink.emit("E0602.missing_target", r.span, from.line, args);
}

fn action(item: &Item, targets: Vec<Target>) -> Action {
    let step = item.step;
    let described = if targets.is_empty() {
        "-".to_string()
    } else {
        targets.iter().map(|t| t.action.to_string()).collect::<Vec<_>>().join(", ")
    };
    Action {
        number: step.number.unwrap_or(0),
        document_number: None,
        block: None,
        sfe: None,
        participant: None,
        action: Some(step.text.clone()),
        completion: None,
        read: CellReadings::default(),
        deadline: None,
        next: Some(Next { text: None, reading: Some(described), targets, line: step.line, at: step.at }),
        covers: Vec::new(),
        line: step.line,
        at: step.at,
    }
}
