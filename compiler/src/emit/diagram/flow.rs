//! The process graph of one channel, shared by every diagram back end.
//!
//! BPMN, the review site's SVG, Mermaid and DOT all draw the same graph, so
//! they agree on what a diagram shows: a start event before the first action,
//! a task per action in the lane of its participant, an exclusive gateway
//! after an action whose next cell has several targets, and an end event
//! after each final action. Deadlines that bound an action become timers.

use crate::model::{
    Action, Bound, Channel, Column, Deadline, Meaning, ParticipantId, ParticipantKind, Quantity, Regulation, TimeUnit,
};
use crate::sources::fold;

/// What a node of the graph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    /// Where the channel's process starts.
    Start,
    /// An action of the table.
    Task,
    /// A choice between the targets of a next-action cell.
    Gateway,
    /// Where the process ends, after a final action.
    End,
}

/// A non-interrupting timer on a task: the action's time limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timer {
    /// The limit as an ISO-8601 duration, such as `PT15M` or `P30D`.
    pub duration: String,
    /// The deadline cell as the code reads it (the reading, else the document's words).
    pub label: String,
}

/// A node of the graph.
#[derive(Debug, Clone)]
pub struct Node {
    /// Its id, an XML NCName used by every back end: `StartEvent`,
    /// `Action_5`, `Gateway_5` (after action 5), `EndEvent_5` (after action 5).
    pub id: String,
    /// What it is.
    pub kind: NodeKind,
    /// The action it is (tasks) or follows (gateways, end events); the first
    /// action for the start event.
    pub action: Option<u32>,
    /// Its lane, an index into [`Flow::lanes`].
    pub lane: usize,
    /// The time limit of a task, when it has one ISO-8601 can state.
    pub timer: Option<Timer>,
}

/// A sequence flow.
#[derive(Debug, Clone)]
pub struct Edge {
    /// Its id, unique in the flow.
    pub id: String,
    /// The source node, an index into [`Flow::nodes`].
    pub from: usize,
    /// The target node.
    pub to: usize,
    /// The condition, as the next-action cell words it.
    pub condition: Option<String>,
}

/// A lane: one participant of the channel.
#[derive(Debug, Clone)]
pub struct Lane {
    /// Its id, an XML NCName.
    pub id: String,
    /// The participant's id, when the СФЕ cell resolved to one.
    pub participant: Option<ParticipantId>,
    /// A short label: the participant's first spelling, as the tables write it.
    pub label: String,
    /// The participant's full name, verbatim.
    pub name: String,
    /// The participant's kind; `None` when the СФЕ cell names no declared participant.
    pub kind: Option<ParticipantKind>,
}

/// The process graph of one channel.
#[derive(Debug, Clone)]
pub struct Flow<'a> {
    /// The channel drawn.
    pub channel: &'a Channel,
    /// Lanes, in order of first appearance in the table.
    pub lanes: Vec<Lane>,
    /// Nodes: the start event, the tasks in table order, then gateways and
    /// end events in the order of the actions they follow.
    pub nodes: Vec<Node>,
    /// Sequence flows, in the order of their sources.
    pub edges: Vec<Edge>,
}

impl<'a> Flow<'a> {
    /// The graph of a channel; empty (no nodes) when it has no actions.
    pub fn of(reg: &Regulation, channel: &'a Channel) -> Flow<'a> {
        let mut flow = Flow { channel, lanes: Vec::new(), nodes: Vec::new(), edges: Vec::new() };
        let Some(first) = channel.actions.first() else { return flow };
        let lane_of: Vec<usize> = channel.actions.iter().map(|a| flow.lane_for(reg, a)).collect();
        flow.push_node("StartEvent".into(), NodeKind::Start, Some(first.number), lane_of[0], None);
        for (a, &lane) in channel.actions.iter().zip(&lane_of) {
            let timer = a.deadline.as_ref().and_then(timer);
            flow.push_node(task_id(a.number), NodeKind::Task, Some(a.number), lane, timer);
        }
        flow.push_edge(0, 1, None);
        for (i, (a, &lane)) in channel.actions.iter().zip(&lane_of).enumerate() {
            flow.connect(i + 1, a, lane);
        }
        flow
    }

    /// The index of the task of action `number`.
    pub fn task(&self, number: u32) -> Option<usize> {
        self.nodes.iter().position(|n| n.kind == NodeKind::Task && n.action == Some(number))
    }

    /// The action a node is or follows.
    pub fn action_of(&self, node: usize) -> Option<&'a Action> {
        let number = self.nodes.get(node)?.action?;
        self.channel.action(number)
    }

    /// The edges into a node, in edge order.
    pub fn incoming(&self, node: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.to == node)
    }

    /// The edges out of a node, in edge order.
    pub fn outgoing(&self, node: usize) -> impl Iterator<Item = &Edge> {
        self.edges.iter().filter(move |e| e.from == node)
    }

    /// Links task `node` (action `a`) to what follows it. Targets that name
    /// no action are left out: the checker reports them.
    fn connect(&mut self, node: usize, a: &Action, lane: usize) {
        let targets: Vec<(usize, Option<String>)> =
            a.targets().iter().filter_map(|t| Some((self.task(t.action)?, t.when.clone()))).collect();
        if a.targets().is_empty() {
            let end = self.push_node(format!("EndEvent_{}", a.number), NodeKind::End, Some(a.number), lane, None);
            self.push_edge(node, end, None);
            return;
        }
        match targets.as_slice() {
            [] => {}
            [(to, when)] => self.push_edge(node, *to, when.clone()),
            _ => {
                let gw = self.push_node(format!("Gateway_{}", a.number), NodeKind::Gateway, Some(a.number), lane, None);
                self.push_edge(node, gw, None);
                for (to, when) in targets {
                    self.push_edge(gw, to, when);
                }
            }
        }
    }

    fn push_node(
        &mut self,
        id: String,
        kind: NodeKind,
        action: Option<u32>,
        lane: usize,
        timer: Option<Timer>,
    ) -> usize {
        self.nodes.push(Node { id, kind, action, lane, timer });
        self.nodes.len() - 1
    }

    /// Adds a flow; its id names both ends, so ids stay stable when other
    /// actions change. A repeated pair (the same target twice) gets a suffix.
    fn push_edge(&mut self, from: usize, to: usize, condition: Option<String>) {
        let base = format!("Flow_{}_{}", self.nodes[from].id, self.nodes[to].id);
        let mut id = base.clone();
        let mut n = 2;
        while self.edges.iter().any(|e| e.id == id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        self.edges.push(Edge { id, from, to, condition: condition.map(|c| fold(&c)) });
    }

    /// The lane of an action's participant, added on first appearance.
    /// Actions whose СФЕ cell names no declared participant share a lane
    /// per distinct cell text.
    fn lane_for(&mut self, reg: &Regulation, a: &Action) -> usize {
        let participant = a.participant.as_ref().and_then(|p| reg.participant(p));
        let lane = match participant {
            Some(p) => Lane {
                id: format!("Lane_{}", p.id),
                participant: Some(p.id.clone()),
                label: fold(p.spellings.first().unwrap_or(&p.name.text)),
                name: fold(&p.name.text),
                kind: Some(p.kind),
            },
            None => {
                let label = a.effective(Column::Sfe).map(fold).unwrap_or_else(|| NO_SFE.to_string());
                Lane {
                    id: format!("Lane_unresolved_{}", self.lanes.len() + 1),
                    participant: None,
                    name: label.clone(),
                    label,
                    kind: None,
                }
            }
        };
        let same = |l: &Lane| match (&l.participant, &lane.participant) {
            (Some(a), Some(b)) => a == b,
            (None, None) => l.label == lane.label,
            _ => false,
        };
        if let Some(i) = self.lanes.iter().position(same) {
            return i;
        }
        self.lanes.push(lane);
        self.lanes.len() - 1
    }
}

/// How much of a condition a flow's label shows; the whole condition is the
/// flow's condition expression.
const CONDITION_CHARS: usize = 90;

/// The label of a conditional flow: the condition, cut short.
pub fn condition_label(condition: &str) -> String {
    short(condition, CONDITION_CHARS)
}

/// The label of the lane of actions whose table gives no СФЕ.
const NO_SFE: &str = "(no СФЕ)";

/// The id of the task of action `number`.
pub fn task_id(number: u32) -> String {
    format!("Action_{number}")
}

/// The deadline cell as the code reads it: the reading, else the document's.
pub fn deadline_text(d: &Deadline) -> String {
    fold(d.cell.effective().unwrap_or_default())
}

/// The timer of a deadline: only a limit (`at_most`, `within`, or a range's
/// maximum) is one, and only when ISO-8601 can state its unit (working days
/// depend on a calendar, so they stay in the documentation).
pub fn timer(d: &Deadline) -> Option<Timer> {
    let limit = d.limit()?;
    match limit.bound {
        Bound::AtMost | Bound::Within | Bound::Range => {}
        Bound::Plain => return None,
    }
    let duration = iso_duration(&limit.max)?;
    Some(Timer { duration, label: deadline_text(d) })
}

/// A quantity as an ISO-8601 duration: whole amounts in their own unit,
/// fractions in the next smaller one (1.5 minutes is `PT90S`), since engines
/// parse fractional components unevenly. `None` for working days and for
/// fractions that have no exact smaller unit.
pub fn iso_duration(q: &Quantity) -> Option<String> {
    let m = q.milli;
    let (prefix, amount, letter) = match (q.unit, exact(m)) {
        (TimeUnit::Second, Some(n)) => ("PT", n, 'S'),
        (TimeUnit::Second, None) => return None,
        (TimeUnit::Minute, Some(n)) => ("PT", n, 'M'),
        (TimeUnit::Minute, None) => ("PT", exact(m * 60)?, 'S'),
        (TimeUnit::Hour, Some(n)) => ("PT", n, 'H'),
        (TimeUnit::Hour, None) => ("PT", exact(m * 60)?, 'M'),
        (TimeUnit::Day | TimeUnit::CalendarDay, Some(n)) => ("P", n, 'D'),
        (TimeUnit::Day | TimeUnit::CalendarDay, None) => ("PT", exact(m * 24)?, 'H'),
        (TimeUnit::Month, Some(n)) => ("P", n, 'M'),
        (TimeUnit::Month, None) => return None,
        // Working days depend on a calendar: ISO-8601 cannot state them.
        (TimeUnit::WorkingDay, _) => return None,
    };
    Some(format!("{prefix}{amount}{letter}"))
}

/// A milli-amount that is whole, as the whole amount.
fn exact(milli: u64) -> Option<u64> {
    let whole = milli / 1000;
    (whole * 1000 == milli).then_some(whole)
}

/// Words for a quantity, with its unit spelled out, for documentation.
pub fn quantity_words(q: &Quantity) -> String {
    let unit = match q.unit {
        TimeUnit::WorkingDay => "working day(s)",
        TimeUnit::CalendarDay => "calendar day(s)",
        TimeUnit::Day => "day(s) (calendar or working not stated)",
        TimeUnit::Month => "month(s)",
        TimeUnit::Hour => "hour(s)",
        TimeUnit::Minute => "minute(s)",
        TimeUnit::Second => "second(s)",
    };
    format!("{} {unit}", q.amount())
}

/// What a deadline says, in words, for the documentation of a task: the
/// cell, the reading, the bound read, and why there is or is no timer.
pub fn deadline_words(d: &Deadline) -> String {
    let mut out =
        format!("Deadline (source line {}): «{}»", d.cell.line, fold(d.cell.document.as_deref().unwrap_or("")));
    if let Some(r) = &d.cell.reading {
        out.push_str(&format!(", read as «{}»", fold(r)));
    }
    let read = match &d.meaning {
        Meaning::Limit(l) => match (l.bound, l.min) {
            (Bound::Range, Some(min)) => format!("from {} to {}", quantity_words(&min), quantity_words(&l.max)),
            (Bound::Range | Bound::AtMost, _) => format!("at most {}", quantity_words(&l.max)),
            (Bound::Within, _) => format!("within {}", quantity_words(&l.max)),
            (Bound::Plain, _) => format!("{} (a duration, not stated as a limit)", quantity_words(&l.max)),
        },
        Meaning::NoDeadline => "no deadline".to_string(),
        Meaning::Unreadable => "not read".to_string(),
    };
    out.push_str(&format!(". Read: {read}"));
    if let Some(l) = d.limit() {
        if let Some(x) = &l.exceptional_max {
            out.push_str(&format!("; exceptionally up to {}", quantity_words(x)));
        }
        if let Some(c) = &l.condition {
            out.push_str(&format!("; when «{}»", fold(c)));
        }
        for r in &l.remarks {
            out.push_str(&format!("; «{}»", fold(r)));
        }
    }
    match timer(d) {
        Some(t) => out.push_str(&format!(". Timer: {} (non-interrupting).", t.duration)),
        None if d.max().is_some_and(|q| q.unit == TimeUnit::WorkingDay) => {
            out.push_str(". No timer: working days cannot be stated as an ISO-8601 duration.")
        }
        None => out.push('.'),
    }
    out
}

/// Shortens a text to `keep` characters, marking the cut with «…».
pub fn short(text: &str, keep: usize) -> String {
    let t = fold(text);
    if t.chars().count() <= keep {
        t
    } else {
        let cut: String = t.chars().take(keep.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}

/// The label of a task: its number and what is done (the reading, if any).
pub fn task_text(a: &Action) -> String {
    fold(a.effective(Column::Does).unwrap_or(""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: f64, unit: TimeUnit) -> Quantity {
        Quantity { milli: (value * 1000.0).round() as u64, unit }
    }

    #[test]
    fn durations_are_iso_8601() {
        assert_eq!(iso_duration(&q(15.0, TimeUnit::Minute)).as_deref(), Some("PT15M"));
        assert_eq!(iso_duration(&q(1.5, TimeUnit::Minute)).as_deref(), Some("PT90S"));
        assert_eq!(iso_duration(&q(30.0, TimeUnit::Second)).as_deref(), Some("PT30S"));
        assert_eq!(iso_duration(&q(30.0, TimeUnit::CalendarDay)).as_deref(), Some("P30D"));
        assert_eq!(iso_duration(&q(6.0, TimeUnit::Month)).as_deref(), Some("P6M"));
        assert_eq!(iso_duration(&q(2.0, TimeUnit::Hour)).as_deref(), Some("PT2H"));
        assert_eq!(iso_duration(&q(5.0, TimeUnit::WorkingDay)), None);
        assert_eq!(iso_duration(&q(1.5, TimeUnit::Month)), None);
    }

    fn limit(bound: Bound, max: Quantity) -> Meaning {
        Meaning::Limit(crate::model::Limit {
            bound,
            min: None,
            max,
            exceptional_max: None,
            days: crate::model::DayCount::Calendar,
            start: crate::model::TermStart::StepStart,
            condition: None,
            remarks: vec![],
        })
    }

    #[test]
    fn only_limits_are_timers() {
        let cell = crate::model::Cell {
            document: Some("Не более 15 минут.".into()),
            reading: None,
            line: 7,
            last_line: 7,
            at: Default::default(),
        };
        let mut d = Deadline { cell, meaning: limit(Bound::AtMost, q(15.0, TimeUnit::Minute)) };
        assert_eq!(timer(&d).map(|t| t.duration).as_deref(), Some("PT15M"));
        d.meaning = limit(Bound::Plain, q(15.0, TimeUnit::Minute));
        assert_eq!(timer(&d), None);
        d.meaning = limit(Bound::Within, q(3.0, TimeUnit::WorkingDay));
        assert_eq!(timer(&d), None);
        assert!(deadline_words(&d).contains("working days cannot be stated"));
    }

    #[test]
    fn short_cuts_at_characters() {
        assert_eq!(short("абв где", 20), "абв где");
        assert_eq!(short("абвгдеёжзи", 5), "абвг…");
    }
}
