//! W0604–W0606: a channel's process list against its action table, without
//! the analyst's `covers` links.
//!
//! The list says what the service does, with its conditions and refusals;
//! the table says who does each step, in what order, within what time. Where
//! the list branches (a condition, a refusal) and the table runs straight
//! through, the table has lost a branch (W0604); a refusal in the table the
//! list never mentions is one of the two out of step (W0605); and a time
//! limit the list states for a step is compared with the deadline of the
//! action that carries it out — the action whose description shares the most
//! words with the item (W0606).

use std::collections::BTreeSet;

use super::Total;
use crate::diagnostics::Sink;
use crate::messages::{ItemNames, Message, Phrase};
use crate::model::{Action, Channel, ItemKind, Limit, Regulation, Step, TimeUnit};
use crate::sources::{fold, has_word, is_alphanumeric, lowercase, unspaced};

/// Stems that every step of every list has, which tell no step apart.
const COMMON: &[&str] = &[
    "проце",
    "услов",
    "үдері",
    "шарт",
    "услуг",
    "қызме",
    "мемле",
    "госуд",
    "элект",
    "потре",
    "тұтын",
    "алушы",
    "получ",
    "сотру",
    "қызмет",
];

/// Runs the list-and-table checks of one channel.
pub fn check(reg: &Regulation, ch: &Channel, sink: &mut Sink) {
    if ch.derived || ch.steps.is_empty() || ch.actions.is_empty() {
        return;
    }
    linear(reg, ch, sink);
    unlisted_refusals(ch, sink);
    limits(reg, ch, sink);
}

/// W0604: a table that never branches under a list with conditions or refusals.
fn linear(reg: &Regulation, ch: &Channel, sink: &mut Sink) {
    if ch.actions.iter().any(|a| a.targets().len() >= 2) {
        return;
    }
    let branching: Vec<&Step> =
        ch.steps.iter().filter(|s| matches!(s.label, Some((ItemKind::Condition, _))) || s.refusal).collect();
    if branching.is_empty() {
        return;
    }
    let Some(&(caption, _)) = ch.table_lines.first() else { return };
    let items = ItemNames(branching.iter().map(|s| item_name(s)).collect());
    sink.emit(Message::LinearTable { channel: ch.id.clone(), items }, super::nearest_quote(reg, caption), caption);
    for s in branching {
        sink.label_last(s.at, Phrase::BranchesHere {});
    }
}

/// How a message names an item: its label, else its marker.
fn item_name(s: &Step) -> (Option<(ItemKind, u32)>, String) {
    (s.label, s.marker.clone().unwrap_or_default())
}

/// W0605: refusals in the table, where the list has none.
fn unlisted_refusals(ch: &Channel, sink: &mut Sink) {
    if ch.steps.iter().any(|s| s.refusal) {
        return;
    }
    for a in ch.actions.iter().filter(|a| a.refusal) {
        let cell = a.does.as_ref().or(a.completion.as_ref()).map_or((a.at, a.line), |c| (c.at, c.line));
        sink.emit(Message::RefusalNotInList { action: a.number, channel: ch.id.clone() }, cell.0, cell.1);
    }
}

/// W0606: a time limit an item states that no deadline of the table has.
/// The finding stands at the item, with a label at the deadline of the
/// action most likely to carry it out (see [`carrier`]); a limit the table
/// gives any action is taken to be the item's (the pairing of items and
/// actions is a guess; the limits are facts).
fn limits(reg: &Regulation, ch: &Channel, sink: &mut Sink) {
    let aligned = align(reg, ch);
    for (i, s) in ch.steps.iter().enumerate() {
        let [item_limit] = s.limits.as_slice() else { continue };
        let given = |x: &Action| x.deadline.as_ref().and_then(|d| d.limit()).is_some_and(|l| same_limit(l, item_limit));
        if ch.actions.iter().any(given) || !ch.actions.iter().any(|a| a.deadline.is_some()) {
            continue;
        }
        let limit = Total::of(&item_limit.max);
        let message = Message::ListDeadlineDiffers { item: item_label(s), channel: ch.id.clone(), limit };
        sink.emit(message, s.at, s.line);
        if let Some((a, d)) = carrier(reg, ch, s, &aligned, i).and_then(|a| a.deadline.as_ref().map(|d| (a, d))) {
            let deadline = d.cell.document.clone().unwrap_or_default();
            sink.label_last(d.cell.at, Phrase::ProbablyThisStep { action: a.number, deadline });
        }
    }
}

/// The action that most likely carries out item `i`, which states one time
/// limit: between the actions paired with the items around it, one with a
/// deadline in the same kind of unit (clock time or days), by a participant
/// the item names if there is one; else the action paired with it.
fn carrier<'c>(reg: &Regulation, ch: &'c Channel, s: &Step, aligned: &[Option<usize>], i: usize) -> Option<&'c Action> {
    let lo = aligned[..i].iter().rev().find_map(|a| *a).unwrap_or(0);
    let hi = aligned[i + 1..].iter().find_map(|a| *a).unwrap_or(ch.actions.len().saturating_sub(1));
    let class = |q: crate::model::Quantity| super::deadlines::measure(q).0.min(1);
    let item_class = class(s.limits[0].max);
    let text = unspaced(&fold(&s.text));
    let between = || {
        ch.actions[lo..=hi.max(lo).min(ch.actions.len() - 1)]
            .iter()
            .filter(|a| a.deadline.as_ref().and_then(|d| d.limit()).is_some_and(|l| class(l.max) == item_class))
    };
    let named = |a: &&Action| names_participant(reg, a, &text);
    between()
        .find(named)
        .or_else(|| between().next())
        .or_else(|| aligned[i].map(|j| &ch.actions[j]))
        .filter(|a| a.deadline.as_ref().is_some_and(|d| d.limit().is_some()))
}

/// Whether an item's text names the participant of an action.
fn names_participant(reg: &Regulation, a: &Action, item: &str) -> bool {
    names_any(item, &spellings_of(reg, a))
}

/// The spellings of an action's participant, folded and closed up: read
/// once per action, since an item is compared with every action.
fn spellings_of(reg: &Regulation, a: &Action) -> Vec<String> {
    let p = a.participant.as_ref().and_then(|p| reg.participant(p));
    let spellings = p.map(|p| p.spellings.iter().map(|s| unspaced(&fold(s))).collect::<Vec<_>>());
    spellings.unwrap_or_default().into_iter().filter(|s| !s.is_empty()).collect()
}

/// Whether an item's text names one of `spellings`.
fn names_any(item: &str, spellings: &[String]) -> bool {
    spellings.iter().any(|s| has_word(item, s))
}

/// An item as a message names it: «process 12», or its marker.
fn item_label(s: &Step) -> ItemNames {
    ItemNames(vec![item_name(s)])
}

/// The action that carries out each item of the list, where one does (by
/// its position in the table): the list and the table in the same order, an
/// item matched to an action by the participant it names (the action's) and
/// the words they share. The pairing that scores most is found by dynamic
/// programming, like a diff: items the table lacks and actions the list
/// lacks are left unpaired.
fn align(reg: &Regulation, ch: &Channel) -> Vec<Option<usize>> {
    let items: Vec<(String, BTreeSet<String>)> =
        ch.steps.iter().map(|s| (unspaced(&fold(&s.text)), stems(&s.text))).collect();
    let actions: Vec<BTreeSet<String>> = ch.actions.iter().map(action_stems).collect();
    let spellings: Vec<Vec<String>> = ch.actions.iter().map(|a| spellings_of(reg, a)).collect();
    let (n, m) = (items.len(), actions.len());
    // Each pair is scored once: the pairing and its reading back both use it.
    let scores: Vec<Vec<usize>> = (0..n)
        .map(|i| {
            let shared = |j: usize| items[i].1.intersection(&actions[j]).count();
            (0..m).map(|j| shared(j) + if names_any(&items[i].0, &spellings[j]) { 2 } else { 0 }).collect()
        })
        .collect();
    let score = |i: usize, j: usize| scores[i][j];
    // best[i][j]: the best total pairing items i.. with actions j..
    let mut best = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let pair = score(i, j);
            let paired = if pair >= 2 { pair + best[i + 1][j + 1] } else { 0 };
            best[i][j] = paired.max(best[i + 1][j]).max(best[i][j + 1]);
        }
    }
    let mut out = vec![None; n];
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        let pair = score(i, j);
        if pair >= 2 && best[i][j] == pair + best[i + 1][j + 1] {
            out[i] = Some(j);
            i += 1;
            j += 1;
        } else if best[i][j] == best[i + 1][j] {
            i += 1;
        } else {
            j += 1;
        }
    }
    out
}

/// The stems of an action's description and completion form, as the document writes them.
pub(super) fn action_stems(a: &Action) -> BTreeSet<String> {
    let text = [a.does.as_ref(), a.completion.as_ref()]
        .into_iter()
        .flatten()
        .filter_map(|c| c.document.as_deref())
        .collect::<Vec<_>>()
        .join(" ");
    stems(&text)
}

/// The stems of a text's words that tell steps apart.
pub(super) fn stems(text: &str) -> BTreeSet<String> {
    unspaced(&fold(text))
        .split(|c: char| !is_alphanumeric(c))
        .filter(|w| w.chars().count() >= 4)
        .map(|w| lowercase(w).chars().take(5).collect::<String>())
        .filter(|w| !COMMON.contains(&w.as_str()))
        .collect()
}

/// Whether two limits have the same maximum; days of no stated kind («үш
/// күн») are taken to be of the other's kind, since a list speaks loosely.
fn same_limit(a: &Limit, b: &Limit) -> bool {
    let loose = a.max.unit == TimeUnit::Day || b.max.unit == TimeUnit::Day;
    let days = |u: TimeUnit| matches!(u, TimeUnit::Day | TimeUnit::CalendarDay | TimeUnit::WorkingDay);
    if loose && days(a.max.unit) && days(b.max.unit) {
        return a.max.milli == b.max.milli;
    }
    super::deadlines::measure(a.max) == super::deadlines::measure(b.max)
}
