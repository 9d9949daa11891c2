//! Flow checks: where each channel's next-action cells lead, diagnosed by
//! cause.
//!
//! One defect of a table — a misnumbered column, a next-action cell that
//! points past the table, a «-» in the middle of it — leaves actions
//! unreachable, flows that never end and numbers that skip. The checker
//! reports the defect once, at its cell, with what follows from it as
//! related labels: it repairs the defect in the most likely way (the column
//! takes the missing number, the cell leads to the next column), analyses
//! the flow again, and the findings the repair removes are the defect's
//! consequences. What no repair explains is reported on its own.

use std::collections::{BTreeMap, BTreeSet};

use reglament_grammar::ast::Span;

use crate::diagnostics::Sink;
use crate::messages::{List, Message, Path, Phrase};
use crate::model::{Action, Channel};

/// One finding of the flow analysis, before it is reported.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Finding {
    /// The channel has no action that ends it (E0405).
    NoFinal,
    /// A next action the table does not have (E0403).
    Dangling { from: u32, target: u32 },
    /// An action without a next-action cell (W0103).
    DeadEnd { action: u32 },
    /// An action nothing leads to (W0104).
    Orphan { action: u32 },
    /// An action something leads to, but which the first action never reaches (W0101).
    Unreached { action: u32 },
    /// Actions that lead only to each other (E0407), in ascending order.
    Loop { actions: Vec<u32> },
    /// No final action can be reached from the first (E0406).
    NoWayToEnd,
    /// The numbering goes back (W0105).
    Renumbered { previous: u32, number: u32 },
    /// A number the numbering skips (W0106).
    Gap { missing: u32 },
}

/// A channel's flow as the analysis sees it: the actions in table order and
/// where each leads.
#[derive(Debug, Clone)]
struct Graph {
    /// Action numbers, in table order.
    order: Vec<u32>,
    /// Each action's next actions, the ones the table lacks included.
    next: BTreeMap<u32, Vec<u32>>,
    /// Actions without a next-action cell.
    blank: BTreeSet<u32>,
}

impl Graph {
    fn of(ch: &Channel) -> Graph {
        let order = ch.actions.iter().map(|a| a.number).collect();
        let next = ch.actions.iter().map(|a| (a.number, a.targets().iter().map(|t| t.action).collect())).collect();
        let blank = ch.actions.iter().filter(|a| is_blank(a)).map(|a| a.number).collect();
        Graph { order, next, blank }
    }

    fn has(&self, n: u32) -> bool {
        self.next.contains_key(&n)
    }

    /// The action after `n` in table order.
    fn after(&self, n: u32) -> Option<u32> {
        let i = self.order.iter().position(|&x| x == n)?;
        self.order.get(i + 1).copied()
    }

    /// The next actions of `n` that the table has.
    fn edges(&self, n: u32) -> impl Iterator<Item = u32> + '_ {
        self.next.get(&n).into_iter().flatten().copied().filter(|t| self.has(*t))
    }

    /// Whether the service ends at `n`: its cell is «-» or missing.
    fn stops(&self, n: u32) -> bool {
        self.next.get(&n).is_some_and(Vec::is_empty)
    }

    fn reachable_from(&self, start: u32) -> BTreeSet<u32> {
        let mut seen = BTreeSet::from([start]);
        let mut todo = vec![start];
        while let Some(n) = todo.pop() {
            for t in self.edges(n) {
                if seen.insert(t) {
                    todo.push(t);
                }
            }
        }
        seen
    }

    /// The actions from which the service can end.
    fn ending(&self) -> BTreeSet<u32> {
        let mut seen: BTreeSet<u32> = self.order.iter().copied().filter(|&n| self.stops(n)).collect();
        let mut todo: Vec<u32> = seen.iter().copied().collect();
        while let Some(n) = todo.pop() {
            for &p in &self.order {
                if self.edges(p).any(|t| t == n) && seen.insert(p) {
                    todo.push(p);
                }
            }
        }
        seen
    }

    /// Everything the analysis finds, in a stable order.
    fn findings(&self) -> BTreeSet<Finding> {
        let mut out = BTreeSet::new();
        self.numbering(&mut out);
        for &a in &self.order {
            for &t in self.next.get(&a).into_iter().flatten() {
                if !self.has(t) {
                    out.insert(Finding::Dangling { from: a, target: t });
                }
            }
        }
        out.extend(self.blank.iter().map(|&action| Finding::DeadEnd { action }));
        let Some(&first) = self.order.first() else { return out };
        if !self.order.iter().any(|&n| self.stops(n)) {
            out.insert(Finding::NoFinal);
            return out;
        }
        let reached = self.reachable_from(first);
        let led_to: BTreeSet<u32> = self.order.iter().flat_map(|&n| self.edges(n)).collect();
        for &n in self.order.iter().filter(|n| !reached.contains(n)) {
            out.insert(if led_to.contains(&n) {
                Finding::Unreached { action: n }
            } else {
                Finding::Orphan { action: n }
            });
        }
        let ending = self.ending();
        let trapped: BTreeSet<u32> = reached.difference(&ending).copied().collect();
        let loops = self.loops(&trapped);
        if !ending.contains(&first) && loops.is_empty() {
            out.insert(Finding::NoWayToEnd);
        }
        out.extend(loops.into_iter().map(|actions| Finding::Loop { actions }));
        out
    }

    /// W0105, W0106: numbers that go back or skip, in table order.
    fn numbering(&self, out: &mut BTreeSet<Finding>) {
        for pair in self.order.windows(2) {
            if pair[1] < pair[0] {
                out.insert(Finding::Renumbered { previous: pair[0], number: pair[1] });
            }
        }
        let (Some(&lo), Some(&hi)) = (self.order.iter().min(), self.order.iter().max()) else { return };
        out.extend((lo..=hi).filter(|n| !self.has(*n)).map(|missing| Finding::Gap { missing }));
    }

    /// The cycles among `trapped` actions (strongly connected sets with an
    /// edge inside), each sorted.
    fn loops(&self, trapped: &BTreeSet<u32>) -> Vec<Vec<u32>> {
        let mut out = Vec::new();
        let mut done = BTreeSet::new();
        for &n in trapped {
            if done.contains(&n) {
                continue;
            }
            let forward = self.reachable_from(n);
            let component: Vec<u32> = forward
                .iter()
                .copied()
                .filter(|m| trapped.contains(m) && self.reachable_from(*m).contains(&n))
                .collect();
            done.extend(component.iter().copied());
            let cyclic = component.len() > 1 || self.edges(n).any(|t| t == n);
            if cyclic {
                out.push(component);
            }
        }
        out
    }
}

fn is_blank(a: &Action) -> bool {
    match &a.next {
        None => true,
        Some(n) => n.cell.effective().is_none(),
    }
}

/// A defect the checker reports, with the findings that follow from it.
struct Root {
    message: Message,
    at: Span,
    line: u32,
    /// Labels of its own (besides the consequences).
    labels: Vec<(Span, Phrase)>,
    consequences: Vec<Finding>,
}

/// The channel's actions by number, the repaired duplicates among them.
struct Actions<'c> {
    ch: &'c Channel,
    by_number: BTreeMap<u32, &'c Action>,
}

impl<'c> Actions<'c> {
    fn get(&self, n: u32) -> Option<&'c Action> {
        self.by_number.get(&n).copied()
    }

    /// Where a finding is shown: the cell or action it is about.
    fn place(&self, f: &Finding) -> (Span, u32) {
        let action = |n: u32| self.get(n).map_or((self.ch.at, 0), |a| (a.at, a.line));
        match f {
            Finding::Dangling { from, .. } => self.next_cell(*from),
            Finding::DeadEnd { action: n } | Finding::Orphan { action: n } | Finding::Unreached { action: n } => {
                action(*n)
            }
            Finding::Loop { actions } => action(actions[0]),
            Finding::Renumbered { number, .. } => action(*number),
            Finding::Gap { missing } => {
                let after = self.ch.actions.iter().find(|a| a.number > *missing);
                after.map_or((self.ch.at, 0), |a| (a.at, a.line))
            }
            Finding::NoFinal | Finding::NoWayToEnd => {
                self.ch.actions.first().map_or((self.ch.at, 0), |a| (a.at, a.line))
            }
        }
    }

    /// An action's next-action cell, or the action where it has none.
    fn next_cell(&self, n: u32) -> (Span, u32) {
        match self.get(n) {
            Some(a) => match &a.next {
                Some(next) => (next.cell.at, next.cell.line),
                None => (a.at, a.line),
            },
            None => (self.ch.at, 0),
        }
    }
}

/// Runs the flow checks of one channel.
pub fn check_channel(ch: &Channel, sink: &mut Sink) {
    let mut graph = Graph::of(ch);
    let mut by_number: BTreeMap<u32, &Action> = ch.actions.iter().map(|a| (a.number, a)).collect();
    let mut roots = Vec::new();
    let mut inserted = 0;
    for d in &ch.duplicates {
        let (root, placed) = duplicate(ch, d, inserted, &mut graph, &mut by_number);
        inserted += usize::from(placed);
        roots.push(root);
    }
    let actions = Actions { ch, by_number };
    unread_cells(ch, &mut graph);
    roots.extend(dangling(ch, &actions, &mut graph));
    // A channel derived from its process list has no table to stop in the middle of.
    if !ch.derived {
        roots.extend(stops_mid_table(ch, &actions, &mut graph));
    }
    roots.extend(remaining(ch, &actions, &graph));
    for root in roots {
        emit(root, &actions, sink);
    }
}

/// Reports a root with its consequences as labels.
fn emit(root: Root, actions: &Actions, sink: &mut Sink) {
    sink.emit(root.message, root.at, root.line);
    for (span, phrase) in root.labels {
        sink.label_last(span, phrase);
    }
    for f in &root.consequences {
        let (span, _) = actions.place(f);
        sink.label_last(span, Phrase::AsAResult { what: Box::new(message(f, actions.ch)) });
    }
}

/// The message of a finding reported on its own (or shown as a consequence).
fn message(f: &Finding, ch: &Channel) -> Message {
    let channel = ch.id.clone();
    match f {
        Finding::NoFinal => Message::NoFinalAction { channel },
        Finding::Dangling { from, target } => {
            let numbers = List(ch.actions.iter().map(|a| a.number).collect());
            Message::NextNowhere { action: *from, channel, target: *target, numbers }
        }
        Finding::DeadEnd { action } => Message::DeadEnd { action: *action, channel },
        Finding::Orphan { action } => Message::NothingLeadsHere { action: *action, channel },
        Finding::Unreached { action } => {
            let from = List(ch.actions.iter().filter(|a| leads_to(a, *action)).map(|a| a.number).collect());
            Message::Unreachable { action: *action, channel, from }
        }
        Finding::Loop { actions } => {
            let (path, from, to) = loop_path(ch, actions);
            Message::LoopWithoutExit { channel, path: Path(path), from, to }
        }
        Finding::NoWayToEnd => Message::NoWayToEnd { action: ch.actions.first().map_or(0, |a| a.number), channel },
        Finding::Renumbered { previous, number } => {
            Message::Renumbered { channel, previous: *previous, number: *number }
        }
        Finding::Gap { missing } => Message::NumberGap { channel, missing: *missing },
    }
}

fn leads_to(a: &Action, n: u32) -> bool {
    a.targets().iter().any(|t| t.action == n)
}

/// A loop as the table runs through it: from its first action in table
/// order along the cells back to it, and the cell that closes it.
fn loop_path(ch: &Channel, members: &[u32]) -> (Vec<u32>, u32, u32) {
    let set: BTreeSet<u32> = members.iter().copied().collect();
    let start = ch.actions.iter().map(|a| a.number).find(|n| set.contains(n)).unwrap_or(members[0]);
    let mut path = vec![start];
    let mut seen = BTreeSet::from([start]);
    let mut at = start;
    loop {
        let next = ch.action(at).and_then(|a| a.targets().iter().map(|t| t.action).find(|t| set.contains(t)));
        match next {
            Some(n) if !seen.contains(&n) => {
                path.push(n);
                seen.insert(n);
                at = n;
            }
            Some(n) => {
                path.push(n);
                return (path, at, n);
            }
            None => return (path, at, start),
        }
    }
}

/// E0404: an action numbered like one before it. It most likely has a
/// number the table lacks and some cell leads to (the second «7» is «8»):
/// it takes it, and what its number's repeat caused is its consequence.
/// Returns the root, and whether the action took a number in the graph.
fn duplicate<'c>(
    ch: &'c Channel,
    d: &'c crate::model::Duplicate,
    inserted: usize,
    graph: &mut Graph,
    by_number: &mut BTreeMap<u32, &'c Action>,
) -> (Root, bool) {
    let number = d.action.number;
    let before = graph.findings();
    let previous = graph.order.get((d.after + inserted).saturating_sub(1)).copied().filter(|_| d.after + inserted > 0);
    let probably = probable_number(graph, &before, previous);
    let first = ch.action(number).map(|a| a.at);
    let mut labels: Vec<(Span, Phrase)> = first.map(|at| (at, Phrase::FirstNumberedHere {})).into_iter().collect();
    let (message, consequences) = match probably {
        Some(m) => {
            let position = (d.after + inserted).min(graph.order.len());
            graph.order.insert(position, m);
            graph.next.insert(m, d.action.targets().iter().map(|t| t.action).collect());
            if is_blank(&d.action) {
                graph.blank.insert(m);
            }
            by_number.insert(m, &d.action);
            let after = graph.findings();
            let leading: Vec<(Span, Phrase)> = ch
                .actions
                .iter()
                .filter(|a| leads_to(a, m))
                .filter_map(|a| {
                    a.next.as_ref().map(|n| (n.cell.at, Phrase::LeadsToMissing { action: a.number, target: m }))
                })
                .collect();
            labels.extend(leading);
            let message = Message::DuplicateProbably { channel: ch.id.clone(), number, probably: m };
            (message, before.difference(&after).cloned().collect())
        }
        None => (Message::DuplicateAction { channel: ch.id.clone(), number }, Vec::new()),
    };
    let placed = probably.is_some();
    (Root { message, at: d.action.at, line: d.action.line, labels, consequences }, placed)
}

/// The number a repeated column most likely has: one the table lacks and a
/// cell leads to — the number after its predecessor's, or else the first
/// such number after it. Without such a cell there is no telling.
fn probable_number(graph: &Graph, findings: &BTreeSet<Finding>, previous: Option<u32>) -> Option<u32> {
    let wanted: BTreeSet<u32> = findings
        .iter()
        .filter_map(|f| match f {
            Finding::Dangling { target, .. } if !graph.has(*target) => Some(*target),
            _ => None,
        })
        .collect();
    match previous.map(|p| p + 1) {
        Some(n) if wanted.contains(&n) => Some(n),
        _ => wanted.iter().copied().find(|n| previous.is_none_or(|p| *n > p)),
    }
}

/// Cells that could not be read (E0402, reported where they were read) are
/// taken to lead to the next column, so that they cause nothing more.
fn unread_cells(ch: &Channel, graph: &mut Graph) {
    for a in ch.actions.iter().filter(|a| a.next.as_ref().is_some_and(|n| n.unread)) {
        let next = graph.after(a.number).into_iter().collect();
        graph.next.insert(a.number, next);
    }
}

/// E0403: next-action cells that name an action the table lacks. The cell
/// most likely meant the next column; when nothing else leads there and its
/// number differs, the column is probably misnumbered.
fn dangling(ch: &Channel, actions: &Actions, graph: &mut Graph) -> Vec<Root> {
    let mut roots = Vec::new();
    let mut done = BTreeSet::new();
    loop {
        let before = graph.findings();
        let Some((from, target)) = before.iter().find_map(|f| match f {
            Finding::Dangling { from, target } if !done.contains(&(*from, *target)) => Some((*from, *target)),
            _ => None,
        }) else {
            return roots;
        };
        done.insert((from, target));
        let column = graph.after(from);
        let orphan = column.filter(|c| before.contains(&Finding::Orphan { action: *c }) && *c != target);
        let retargeted = retarget(graph, from, target, column.filter(|c| *c != from));
        // A column nothing leads to right after the cell may carry the
        // number the cell means: whichever repair explains more is kept.
        *graph = match orphan.map(|c| renumber(graph, c, target)) {
            Some(renumbered) if renumbered.findings().len() < retargeted.findings().len() => {
                done.insert((from, target));
                renumbered
            }
            _ => retargeted,
        };
        let after = graph.findings();
        let consequences: Vec<Finding> =
            before.difference(&after).filter(|f| **f != Finding::Dangling { from, target }).cloned().collect();
        let (at, line) = actions.next_cell(from);
        let message = match orphan {
            Some(found) => Message::NextNowhereMisnumbered { action: from, channel: ch.id.clone(), target, found },
            None => message(&Finding::Dangling { from, target }, ch),
        };
        roots.push(Root { message, at, line, labels: Vec::new(), consequences });
    }
}

/// The graph with `from`'s cell leading to `column` instead of the missing `target`.
fn retarget(graph: &Graph, from: u32, target: u32, column: Option<u32>) -> Graph {
    let mut g = graph.clone();
    if let Some(targets) = g.next.get_mut(&from) {
        targets.retain(|t| *t != target);
        if let Some(c) = column.filter(|c| !targets.contains(c)) {
            targets.push(c);
        }
    }
    g
}

/// The graph with the column numbered `old` numbered `new`.
fn renumber(graph: &Graph, old: u32, new: u32) -> Graph {
    let mut g = graph.clone();
    for n in &mut g.order {
        if *n == old {
            *n = new;
        }
    }
    if let Some(targets) = g.next.remove(&old) {
        g.next.insert(new, targets);
    }
    for targets in g.next.values_mut() {
        for t in targets.iter_mut().filter(|t| **t == old) {
            *t = new;
        }
    }
    if g.blank.remove(&old) {
        g.blank.insert(new);
    }
    g
}

/// W0103 and W0107: an action whose cell is blank, or says «-», though the
/// table goes on and the columns after it are reached from nowhere else:
/// the service would stop in the middle of the table.
fn stops_mid_table(ch: &Channel, actions: &Actions, graph: &mut Graph) -> Vec<Root> {
    let mut roots = Vec::new();
    for a in &ch.actions {
        let n = a.number;
        let blank = graph.blank.contains(&n);
        if !graph.stops(n) && !blank {
            continue;
        }
        let before = graph.findings();
        let column = graph.after(n).filter(|c| {
            before.contains(&Finding::Orphan { action: *c }) || before.contains(&Finding::Unreached { action: *c })
        });
        let mut consequences = Vec::new();
        if let Some(c) = column {
            graph.next.insert(n, vec![c]);
            graph.blank.remove(&n);
            let after = graph.findings();
            consequences =
                before.difference(&after).filter(|f| **f != Finding::DeadEnd { action: n }).cloned().collect();
        }
        let root = if blank {
            let (at, line) = (a.at, a.line);
            Root {
                message: Message::DeadEnd { action: n, channel: ch.id.clone() },
                at,
                line,
                labels: Vec::new(),
                consequences,
            }
        } else if let Some(c) = column {
            let (at, line) = actions.next_cell(n);
            let unreached = List(unreached_after(&consequences, c));
            let message = Message::StopsMidTable { action: n, channel: ch.id.clone(), unreached };
            Root { message, at, line, labels: Vec::new(), consequences }
        } else {
            continue;
        };
        roots.push(root);
    }
    roots
}

/// The actions a stop in the middle of the table leaves unreached, the
/// column after it first.
fn unreached_after(consequences: &[Finding], column: u32) -> Vec<u32> {
    let mut out = vec![column];
    for f in consequences {
        if let Finding::Orphan { action } | Finding::Unreached { action } = f {
            if !out.contains(action) {
                out.push(*action);
            }
        }
    }
    out
}

/// What no repair explains: actions nothing leads to (with the actions
/// reached only through them as consequences), unreachable actions, loops
/// without a way out, and the rest, each on its own.
fn remaining(ch: &Channel, actions: &Actions, graph: &Graph) -> Vec<Root> {
    let findings = graph.findings();
    let Some(&first) = graph.order.first() else { return Vec::new() };
    let from_start = graph.reachable_from(first);
    let mut explained: BTreeSet<Finding> = BTreeSet::new();
    let mut roots = Vec::new();
    for f in &findings {
        let Finding::Orphan { action } = f else { continue };
        let only_through: Vec<Finding> = graph
            .reachable_from(*action)
            .difference(&from_start)
            .filter(|n| *n != action)
            .map(|&n| Finding::Unreached { action: n })
            .filter(|u| findings.contains(u))
            .collect();
        explained.extend(only_through.iter().cloned());
        let (at, line) = actions.place(f);
        let labels = graph
            .order
            .iter()
            .position(|n| n == action)
            .and_then(|i| i.checked_sub(1))
            .map(|i| graph.order[i])
            .filter(|p| !graph.stops(*p))
            .map(|p| (actions.next_cell(p).0, Phrase::GoesElsewhere { action: p }))
            .into_iter()
            .collect();
        roots.push(Root { message: message(f, ch), at, line, labels, consequences: only_through });
    }
    // An unreached action explains the unreached ones it leads to (a loop
    // nothing leads into is one finding), in table order.
    for &n in &graph.order {
        let f = Finding::Unreached { action: n };
        if !findings.contains(&f) || explained.contains(&f) {
            continue;
        }
        explained.insert(f.clone());
        let reached: Vec<Finding> = graph
            .reachable_from(n)
            .into_iter()
            .map(|m| Finding::Unreached { action: m })
            .filter(|u| findings.contains(u) && !explained.contains(u))
            .collect();
        explained.extend(reached.iter().cloned());
        let (at, line) = actions.place(&f);
        roots.push(Root { message: message(&f, ch), at, line, labels: Vec::new(), consequences: reached });
    }
    for f in findings.iter().filter(|f| !matches!(f, Finding::Orphan { .. }) && !explained.contains(f)) {
        let (at, line) = actions.place(f);
        roots.push(Root { message: message(f, ch), at, line, labels: Vec::new(), consequences: Vec::new() });
    }
    roots
}
