//! Flow checks: where each channel's next-action cells lead.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Sink;
use crate::messages::{List, Message};
use crate::model::Channel;

/// Runs the flow checks of one channel.
pub fn check_channel(ch: &Channel, sink: &mut Sink) {
    targets_exist(ch, sink);
    dead_ends(ch, sink);
    if !has_final_action(ch, sink) {
        return;
    }
    let edges = edges(ch);
    starts_and_reachability(ch, &edges, sink);
    if end_reachable_from_start(ch, &edges, sink) {
        traps(ch, &edges, sink);
    }
}

/// E0403: a next action that points to no action of the channel.
fn targets_exist(ch: &Channel, sink: &mut Sink) {
    let numbers: Vec<u32> = ch.actions.iter().map(|a| a.number).collect();
    for a in &ch.actions {
        let Some(next) = &a.next else { continue };
        for t in next.targets.iter().filter(|t| ch.action(t.action).is_none()) {
            let message = Message::NextNowhere {
                action: a.number,
                channel: ch.id.clone(),
                target: t.action,
                numbers: List(numbers.clone()),
            };
            sink.emit(message, next.cell.at, next.cell.line);
        }
    }
}

/// W0103: an action with no next-action cell (or a blank one nobody read):
/// the code would end the service there, which the document never says.
fn dead_ends(ch: &Channel, sink: &mut Sink) {
    for a in &ch.actions {
        let blank = match &a.next {
            None => true,
            Some(n) => n.cell.effective().is_none(),
        };
        if blank {
            sink.emit(Message::DeadEnd { action: a.number, channel: ch.id.clone() }, a.at, a.line);
        }
    }
}

/// E0405: a channel with actions but none that ends the service.
fn has_final_action(ch: &Channel, sink: &mut Sink) -> bool {
    if ch.actions.is_empty() || ch.actions.iter().any(|a| a.targets().is_empty()) {
        return true;
    }
    sink.emit(Message::NoFinalAction { channel: ch.id.clone() }, ch.at, 0);
    false
}

/// The actions each action leads to, restricted to actions that exist.
fn edges(ch: &Channel) -> BTreeMap<u32, Vec<u32>> {
    ch.actions
        .iter()
        .map(|a| (a.number, a.targets().iter().map(|t| t.action).filter(|n| ch.action(*n).is_some()).collect()))
        .collect()
}

fn reachable_from(start: u32, edges: &BTreeMap<u32, Vec<u32>>) -> BTreeSet<u32> {
    let mut seen = BTreeSet::from([start]);
    let mut todo = vec![start];
    while let Some(n) = todo.pop() {
        for &t in edges.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(t) {
                todo.push(t);
            }
        }
    }
    seen
}

/// W0104, W0101: actions the first action does not reach — a second start
/// when nothing leads to them, otherwise merely unreachable.
fn starts_and_reachability(ch: &Channel, edges: &BTreeMap<u32, Vec<u32>>, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    let reached = reachable_from(first.number, edges);
    let has_predecessor: BTreeSet<u32> = edges.values().flatten().copied().collect();
    for a in ch.actions.iter().filter(|a| !reached.contains(&a.number)) {
        let (action, channel) = (a.number, ch.id.clone());
        let message = if has_predecessor.contains(&a.number) {
            Message::Unreachable { action, channel }
        } else {
            Message::SecondStart { action, channel }
        };
        sink.emit(message, a.at, a.line);
    }
}

/// The actions from which some action of `targets` can be reached.
fn reaching(targets: &BTreeSet<u32>, edges: &BTreeMap<u32, Vec<u32>>) -> BTreeSet<u32> {
    let mut back: BTreeMap<u32, Vec<u32>> = BTreeMap::new();
    for (&from, tos) in edges {
        for &to in tos {
            back.entry(to).or_default().push(from);
        }
    }
    let mut seen = targets.clone();
    let mut todo: Vec<u32> = targets.iter().copied().collect();
    while let Some(n) = todo.pop() {
        for &p in back.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
            if seen.insert(p) {
                todo.push(p);
            }
        }
    }
    seen
}

/// E0406: the first action cannot reach any final action.
fn end_reachable_from_start(ch: &Channel, edges: &BTreeMap<u32, Vec<u32>>, sink: &mut Sink) -> bool {
    let Some(first) = ch.actions.first() else { return true };
    let reached = reachable_from(first.number, edges);
    let ok = ch.actions.iter().any(|a| a.targets().is_empty() && reached.contains(&a.number));
    if !ok {
        sink.emit(Message::NoWayToEnd { action: first.number, channel: ch.id.clone() }, first.at, first.line);
    }
    ok
}

/// E0407: actions, reachable from the start, from which no final action can
/// be reached: a cycle with no way out.
fn traps(ch: &Channel, edges: &BTreeMap<u32, Vec<u32>>, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    let reached = reachable_from(first.number, edges);
    let finals: BTreeSet<u32> = ch.actions.iter().filter(|a| a.targets().is_empty()).map(|a| a.number).collect();
    // The actions from which a final one can be reached: the finals and,
    // backwards, whatever leads to one; the others are trapped.
    let escapes = reaching(&finals, edges);
    let trapped: Vec<u32> = reached.iter().copied().filter(|n| !escapes.contains(n)).collect();
    if let Some(a) = trapped.first().and_then(|n| ch.action(*n)) {
        sink.emit(Message::Trap { actions: List(trapped.clone()), channel: ch.id.clone() }, a.at, a.line);
    }
}
