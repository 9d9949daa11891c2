//! Flow checks: where each channel's next-action cells lead.

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Sink;
use crate::messages::Args;
use crate::model::Channel;

/// Runs the flow checks of one channel.
pub fn check_channel(ch: &Channel, sink: &mut Sink) {
    targets_exist(ch, sink);
    dead_ends(ch, sink);
    if !has_final_action(ch, sink) {
        return;
    }
    starts_and_reachability(ch, sink);
    if end_reachable_from_start(ch, sink) {
        traps(ch, sink);
    }
}

fn args(ch: &Channel) -> Args {
    Args::none().with("channel", &ch.id)
}

/// E0403: a next action that points to no action of the channel.
fn targets_exist(ch: &Channel, sink: &mut Sink) {
    let numbers: Vec<String> = ch.actions.iter().map(|a| a.number.to_string()).collect();
    for a in &ch.actions {
        let Some(next) = &a.next else { continue };
        for t in next.targets.iter().filter(|t| ch.action(t.action).is_none()) {
            let args = args(ch).with("action", a.number).with("target", t.action).with("numbers", numbers.join(", "));
            sink.emit("E0403.nowhere", next.at, next.line, args);
        }
    }
}

/// W0103: an action with no next-action cell (or a blank one nobody read):
/// the code would end the service there, which the document never says.
fn dead_ends(ch: &Channel, sink: &mut Sink) {
    for a in &ch.actions {
        let blank = match &a.next {
            None => true,
            Some(n) => n.text.is_none() && n.reading.is_none(),
        };
        if blank {
            sink.emit("W0103.dead_end", a.at, a.line, args(ch).with("action", a.number));
        }
    }
}

/// E0405: a channel with actions but none that ends the service.
fn has_final_action(ch: &Channel, sink: &mut Sink) -> bool {
    if ch.actions.is_empty() || ch.actions.iter().any(|a| a.targets().is_empty()) {
        return true;
    }
    sink.emit("E0405.no_final", ch.at, 0, args(ch));
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
fn starts_and_reachability(ch: &Channel, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    let edges = edges(ch);
    let reached = reachable_from(first.number, &edges);
    let has_predecessor: BTreeSet<u32> = edges.values().flatten().copied().collect();
    for a in ch.actions.iter().filter(|a| !reached.contains(&a.number)) {
        let id = if has_predecessor.contains(&a.number) { "W0101.unreachable" } else { "W0104.second_start" };
        sink.emit(id, a.at, a.line, args(ch).with("action", a.number));
    }
}

/// E0406: the first action cannot reach any final action.
fn end_reachable_from_start(ch: &Channel, sink: &mut Sink) -> bool {
    let Some(first) = ch.actions.first() else { return true };
    let reached = reachable_from(first.number, &edges(ch));
    let ok = ch.actions.iter().any(|a| a.targets().is_empty() && reached.contains(&a.number));
    if !ok {
        sink.emit("E0406.no_way_to_end", first.at, first.line, args(ch).with("action", first.number));
    }
    ok
}

/// E0407: actions, reachable from the start, from which no final action can
/// be reached: a cycle with no way out.
fn traps(ch: &Channel, sink: &mut Sink) {
    let Some(first) = ch.actions.first() else { return };
    let edges = edges(ch);
    let reached = reachable_from(first.number, &edges);
    let finals: BTreeSet<u32> = ch.actions.iter().filter(|a| a.targets().is_empty()).map(|a| a.number).collect();
    let trapped: Vec<u32> =
        reached.iter().copied().filter(|n| reachable_from(*n, &edges).is_disjoint(&finals)).collect();
    if let Some(a) = trapped.first().and_then(|n| ch.action(*n)) {
        let list: Vec<String> = trapped.iter().map(u32::to_string).collect();
        sink.emit("E0407.trap", a.at, a.line, args(ch).with("actions", list.join(", ")));
    }
}
