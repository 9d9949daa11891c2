//! Comparing channels: the channel itself, its process list, its actions
//! (with renumbering) and its use cases.

use std::collections::BTreeMap;

use super::align::{self, Step};
use super::compare::{document, effective, same, Changes, Renumbering};
use super::{Part, Place, TargetValue, Value, What};
use crate::model::{Action, Channel, ChannelId, Regulation, Scenario, Target};

/// Channels, by id: in the new side's order, then those removed.
pub fn channels(c: &mut Changes, old: &Regulation, new: &Regulation, numbers: &mut Renumbering) {
    for n in &new.channels {
        match old.channels.iter().find(|o| o.id == n.id) {
            Some(o) => channel(c, o, n, numbers),
            None => c.push(&Place::Channel(n.id.clone()), What::Added { text: Some(n.title.clone()), because: None }),
        }
    }
    for o in old.channels.iter().filter(|o| !new.channels.iter().any(|n| n.id == o.id)) {
        c.push(&Place::Channel(o.id.clone()), What::Removed { text: Some(o.title.clone()), because: None });
    }
}

fn channel(c: &mut Changes, old: &Channel, new: &Channel, numbers: &mut Renumbering) {
    let here = Place::Channel(new.id.clone());
    c.value(&here, Part::Kind, Value::Word(old.kind.as_str()), Value::Word(new.kind.as_str()));
    // Without a table the caption is the process list's heading, compared below.
    if !(old.derived && new.derived) {
        c.text(&here, Part::Caption, Some(&old.title), Some(&new.title));
    }
    let heading = |ch: &Channel| ch.processes_heading.as_ref().map(|h| h.text.clone());
    c.text(&here, Part::Heading, heading(old).as_deref(), heading(new).as_deref());
    let markers = steps(c, old, new);
    numbers.markers.insert(new.id.to_string(), markers);
    let map = actions(c, old, new);
    numbers.actions.insert(new.id.to_string(), document_numbers(old, new, &map));
    scenarios(c, old, new, &map);
}

/// The marker of a process-list item, or its place in the list when it has none.
fn marker(ch: &Channel, i: usize) -> String {
    ch.steps[i].marker.clone().unwrap_or_else(|| format!("#{}", i + 1))
}

/// The process list, paired by text; returns the old markers of the items
/// both sides have, mapped to the new ones. A marker that changed only
/// because items were inserted or removed before it is numbering, not a change.
fn steps(c: &mut Changes, old: &Channel, new: &Channel) -> BTreeMap<String, String> {
    let (o, n) = (&old.steps, &new.steps);
    let steps = align::pair(o, n, |s| [Some(s.text.as_str())], |i, j| o[i].marker == n[j].marker);
    let mut markers = BTreeMap::new();
    for step in steps {
        match step {
            Step::Both(i, j) => {
                markers.insert(o[i].marker.clone().unwrap_or_default(), n[j].marker.clone().unwrap_or_default());
                let place = Place::ProcessItem(new.id.clone(), marker(new, j));
                c.text(&place, Part::Text, Some(&o[i].text), Some(&n[j].text));
            }
            Step::Old(i) => {
                let place = Place::ProcessItem(new.id.clone(), marker(old, i));
                c.push(&place, What::Removed { text: Some(o[i].text.clone()), because: None });
            }
            Step::New(j) => {
                let place = Place::ProcessItem(new.id.clone(), marker(new, j));
                c.push(&place, What::Added { text: Some(n[j].text.clone()), because: None });
            }
        }
    }
    markers
}

/// What an action is, in the document's words: its СФЕ, action, completion
/// and deadline cells (not its number or next action, which renumbering changes).
fn cells(a: &Action) -> [Option<&str>; 4] {
    [
        document(a.sfe.as_ref()),
        document(a.does.as_ref()),
        document(a.completion.as_ref()),
        document(a.deadline.as_ref().map(|d| &d.cell)),
    ]
}

/// What an action does, in the document's words (the reading's for a cell
/// the document leaves empty): how an action added or removed is shown.
fn does(a: &Action) -> Option<String> {
    document(a.does.as_ref()).or_else(|| effective(a.does.as_ref())).map(str::to_string)
}

/// For each old action (by index), the index of the same action on the new side.
type ActionMap = Vec<Option<usize>>;

/// The actions, paired by their cells and then by number. Renumbered
/// actions are listed first (the output groups runs of them), then each
/// action's changes, removals and additions in table order. Returns the pairing.
fn actions(c: &mut Changes, old: &Channel, new: &Channel) -> ActionMap {
    let (o, n) = (&old.actions, &new.actions);
    let steps = align::pair(o, n, cells, |i, j| o[i].number == n[j].number);
    let mut map: ActionMap = vec![None; o.len()];
    for step in &steps {
        if let Step::Both(i, j) = *step {
            map[i] = Some(j);
        }
    }
    for step in &steps {
        if let Step::Both(i, j) = *step {
            if o[i].number != n[j].number {
                let place = Place::Action(new.id.clone(), n[j].number);
                c.push(&place, What::Renumbered { old: o[i].number, new: n[j].number });
            }
        }
    }
    let numbers = number_map(old, new, &map);
    for step in steps {
        match step {
            Step::Both(i, j) => action(c, &new.id, &o[i], &n[j], &numbers),
            Step::Old(i) => {
                let place = Place::Action(new.id.clone(), o[i].number);
                c.push(&place, What::Removed { text: does(&o[i]), because: None });
            }
            Step::New(j) => {
                let place = Place::Action(new.id.clone(), n[j].number);
                c.push(&place, What::Added { text: does(&n[j]), because: None });
            }
        }
    }
    map
}

/// Old action numbers to new ones (`None`: the action was removed).
fn number_map(old: &Channel, new: &Channel, map: &ActionMap) -> BTreeMap<u32, Option<u32>> {
    old.actions.iter().zip(map).map(|(a, j)| (a.number, j.map(|j| new.actions[j].number))).collect()
}

/// Old document numbers of actions to new ones, for the subjects of readings.
fn document_numbers(old: &Channel, new: &Channel, map: &ActionMap) -> BTreeMap<u32, u32> {
    let doc = |a: &Action| a.document_number.unwrap_or(a.number);
    old.actions.iter().zip(map).filter_map(|(a, j)| j.map(|j| (doc(a), doc(&new.actions[j])))).collect()
}

/// The number an old action number has on the new side: itself when no
/// old action has it (a next-action cell naming a missing action), `None`
/// when the action was removed.
fn renumbered(numbers: &BTreeMap<u32, Option<u32>>, number: u32) -> Option<u32> {
    numbers.get(&number).copied().unwrap_or(Some(number))
}

fn action(c: &mut Changes, channel: &ChannelId, o: &Action, n: &Action, numbers: &BTreeMap<u32, Option<u32>>) {
    let place = Place::Action(channel.clone(), n.number);
    c.cell(&place, Part::Sfe, o.sfe.as_ref(), n.sfe.as_ref());
    if o.participant != n.participant && same(document(o.sfe.as_ref()), document(n.sfe.as_ref())) {
        let participant = |a: &Action| a.participant.as_ref().map_or(Value::Absent, |p| Value::Id(p.to_string()));
        c.value(&place, Part::Participant, participant(o), participant(n));
    }
    c.cell(&place, Part::Does, o.does.as_ref(), n.does.as_ref());
    c.cell(&place, Part::Completion, o.completion.as_ref(), n.completion.as_ref());
    c.deadline(&place, Part::Deadline, o.deadline.as_ref(), n.deadline.as_ref());
    next(c, &place, o, n, numbers);
    c.text(&place, Part::Block, o.block.as_deref(), n.block.as_deref());
    let covers = |a: &Action| a.covers.iter().map(|r| (r.kind, r.number)).collect::<Vec<_>>();
    if !o.covers.iter().map(|r| (r.kind, r.number)).eq(n.covers.iter().map(|r| (r.kind, r.number))) {
        c.push(&place, What::Value { part: Part::Covers, old: Value::Items(covers(o)), new: Value::Items(covers(n)) });
    }
}

/// The next-action cell: where it leads, the old targets renumbered as the
/// new side numbers the actions. When it leads to the same actions, its
/// words count only if they changed in more than numbers.
fn next(c: &mut Changes, place: &Place, o: &Action, n: &Action, numbers: &BTreeMap<u32, Option<u32>>) {
    let when = |t: &Target| t.when.as_deref().map(crate::sources::fold);
    let old: Vec<_> = o.targets().iter().map(|t| (when(t), renumbered(numbers, t.action))).collect();
    let new: Vec<_> = n.targets().iter().map(|t| (when(t), Some(t.action))).collect();
    if old != new {
        let value = |targets: &[Target], old: bool| {
            Value::Targets(
                targets
                    .iter()
                    .map(|t| {
                        let now = renumbered(numbers, t.action);
                        TargetValue {
                            action: t.action,
                            now: now.filter(|&m| old && m != t.action),
                            gone: old && now.is_none(),
                            when: t.when.clone(),
                        }
                    })
                    .collect(),
            )
        };
        c.push(place, What::Value { part: Part::Next, old: value(o.targets(), true), new: value(n.targets(), false) });
        return;
    }
    let (od, nd) = (document(o.next.as_ref().map(|x| &x.cell)), document(n.next.as_ref().map(|x| &x.cell)));
    let digitless = |t: Option<&str>| t.map(|t| t.replace(|ch: char| ch.is_ascii_digit(), ""));
    if !same(digitless(od).as_deref(), digitless(nd).as_deref()) {
        c.text(place, Part::Next, od, nd);
    }
}

/// Use cases, paired by caption: their caption, the actions they run
/// through (old numbers renumbered), and their text for each action.
fn scenarios(c: &mut Changes, old: &Channel, new: &Channel, map: &ActionMap) {
    let (o, n) = (&old.scenarios, &new.scenarios);
    let numbers = number_map(old, new, map);
    let steps = align::pair(o, n, |s| [Some(s.title.text.as_str())], |i, j| o[i].kind == n[j].kind);
    for step in steps {
        match step {
            Step::Both(i, j) => {
                let place = Place::UseCase(new.id.clone(), n[j].kind, j + 1);
                scenario(c, &place, &o[i], &n[j], &numbers);
            }
            Step::Old(i) => {
                let place = Place::UseCase(new.id.clone(), o[i].kind, i + 1);
                c.push(&place, What::Removed { text: Some(o[i].title.text.clone()), because: None });
            }
            Step::New(j) => {
                let place = Place::UseCase(new.id.clone(), n[j].kind, j + 1);
                c.push(&place, What::Added { text: Some(n[j].title.text.clone()), because: None });
            }
        }
    }
}

fn scenario(c: &mut Changes, place: &Place, o: &Scenario, n: &Scenario, numbers: &BTreeMap<u32, Option<u32>>) {
    c.text(place, Part::UseCaseTitle, Some(&o.title.text), Some(&n.title.text));
    let mapped: Vec<Option<u32>> = o.uses.iter().map(|u| renumbered(numbers, u.action)).collect();
    let path: Vec<Option<u32>> = n.uses.iter().map(|u| Some(u.action)).collect();
    if mapped != path {
        let actions = |s: &Scenario| Value::Actions(s.uses.iter().map(|u| u.action).collect());
        c.push(place, What::Value { part: Part::UseCasePath, old: actions(o), new: actions(n) });
    }
    let steps = if mapped == path {
        (0..path.len()).map(|i| Step::Both(i, i)).collect()
    } else {
        align::align(o.uses.len(), n.uses.len(), |i, j| (mapped[i] == Some(n.uses[j].action)).then_some(1))
    };

    for step in steps {
        let (text_old, text_new, action) = match step {
            Step::Both(i, j) => (o.uses[i].text.as_deref(), n.uses[j].text.as_deref(), n.uses[j].action),
            Step::Old(i) => (o.uses[i].text.as_deref(), None, o.uses[i].action),
            Step::New(j) => (None, n.uses[j].text.as_deref(), n.uses[j].action),
        };
        c.text(place, Part::UseCaseText(action), text_old, text_new);
    }
}
