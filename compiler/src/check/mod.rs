//! The checker: defects of a regulation that need the whole model.
//!
//! Each check is a small function from the model to diagnostics, with a
//! stable code (docs/checks.md lists them all). Lowering has already reported
//! what one element shows on its own (a quote that is not verbatim, a deadline
//! phrasing nobody knows); here are the defects of the whole: flows that point
//! nowhere or never end, numbering that skips, participants and abbreviations
//! that do not match, deadlines that contradict each other or the service term,
//! tables that disagree with their process lists, and language versions that
//! disagree with each other.

use std::collections::BTreeSet;

use reglament_grammar::ast::Span;

use crate::diagnostics::Sink;
use crate::messages::Message;
use crate::model::{Action, Channel, ItemKind, Regulation};
use crate::sources::{fold, SourceDoc};

pub mod abbreviations;
pub mod answers;
mod appendices;
mod columns;
mod deadlines;
mod durations;
mod flow;
mod lists;
pub mod named;
pub mod names;
mod participants;
pub mod services;
pub mod versions;

pub use durations::Total;

/// Runs every check on a lowered regulation; the checks that read the
/// document itself (abbreviations, appendices) need its source, when it
/// could be read.
pub fn check(reg: &Regulation, doc: Option<&SourceDoc>, sink: &mut Sink) {
    for ch in &reg.channels {
        flow::check_channel(ch, sink);
        process_list(ch, sink);
        conditions(ch, sink);
        correspondence(ch, sink);
        lists::check(reg, ch, sink);
        scenarios(ch, sink);
        durations::critical_path(reg, ch, sink);
    }
    durations::deadlines_against_term(reg, sink);
    deadlines::conflicts(reg, sink);
    participants::check(reg, sink);
    columns::check(reg, sink);
    if let Some(doc) = doc {
        let text = abbreviations::Text::of(reg, doc);
        abbreviations::check(reg, &text, sink);
        appendices::check(reg, &text, sink);
    }
    readings_as_notes(reg, sink);
    names::check(reg, sink);
}

/// W0201–W0205: the process list's markers and labels.
fn process_list(ch: &Channel, sink: &mut Sink) {
    let mut previous: Option<u32> = None;
    let mut seen_markers = BTreeSet::new();
    for step in &ch.steps {
        let Some(n) = step.marker.as_deref().and_then(|m| m.trim_end_matches(')').parse::<u32>().ok()) else {
            continue;
        };
        if !seen_markers.insert(n) {
            sink.emit(Message::MarkerDuplicate { channel: ch.id.clone(), marker: n.to_string() }, step.at, step.line);
        } else if let Some(p) = previous {
            if n > p + 1 {
                let message = Message::MarkerGap { channel: ch.id.clone(), previous: p, found: n, expected: p + 1 };
                sink.emit(message, step.at, step.line);
            }
        }
        previous = Some(n);
    }
    for kind in [ItemKind::Process, ItemKind::Condition] {
        step_numbers(ch, kind, sink);
    }
    if let Some((ItemKind::Condition, number)) = ch.steps.last().and_then(|s| s.label) {
        if let Some(last) = ch.steps.last() {
            sink.emit(Message::ConditionLast { channel: ch.id.clone(), number }, last.at, last.line);
        }
    }
}

/// W0203, W0204: process (or condition) numbers that skip or repeat.
fn step_numbers(ch: &Channel, kind: ItemKind, sink: &mut Sink) {
    let mut seen = BTreeSet::new();
    let mut highest = 0;
    for step in &ch.steps {
        let Some((k, n)) = step.label else { continue };
        if k != kind {
            continue;
        }
        if !seen.insert(n) {
            sink.emit(Message::StepDuplicate { channel: ch.id.clone(), kind, number: n }, step.at, step.line);
            continue;
        }
        for missing in highest + 1..n {
            if !seen.contains(&missing) {
                sink.emit(Message::StepGap { channel: ch.id.clone(), kind, missing }, step.at, step.line);
            }
        }
        highest = highest.max(n);
    }
}

/// W0401–W0403: conditional next actions whose conditions do not cover the outcomes.
fn conditions(ch: &Channel, sink: &mut Sink) {
    for a in &ch.actions {
        let Some(next) = &a.next else { continue };
        let targets = &next.targets;
        let (channel, action, at, line) = (ch.id.clone(), a.number, next.cell.at, next.cell.line);
        if targets.len() == 1 {
            if let Some(when) = &targets[0].when {
                let message =
                    Message::SingleCondition { channel, action, target: targets[0].action, when: when.clone() };
                sink.emit(message, at, line);
            }
            continue;
        }
        let mut seen = BTreeSet::new();
        for t in targets {
            match &t.when {
                None => {
                    let message =
                        Message::BranchWithoutCondition { channel: channel.clone(), action, target: t.action };
                    sink.emit(message, at, line);
                }
                Some(w) if !seen.insert(fold(w).to_lowercase()) => {
                    sink.emit(Message::SameCondition { channel: channel.clone(), action, when: w.clone() }, at, line);
                }
                Some(_) => {}
            }
        }
    }
}

/// E0601, W0601, W0602: the table against its process list, where the
/// rendition links them with `covers`.
fn correspondence(ch: &Channel, sink: &mut Sink) {
    let links: Vec<(&Action, &crate::model::StepRef)> =
        ch.actions.iter().flat_map(|a| a.covers.iter().map(move |l| (a, l))).collect();
    if links.is_empty() {
        return;
    }
    let listed: BTreeSet<(ItemKind, u32)> = ch.steps.iter().filter_map(|s| s.label).collect();
    let mut covered = BTreeSet::new();
    let mut latest_process: Option<u32> = None;
    for (a, link) in &links {
        let (channel, action, kind, number) = (ch.id.clone(), a.number, link.kind, link.number);
        if !listed.contains(&(kind, number)) {
            sink.emit(Message::CoversMissing { action, kind, number, channel }, link.at, a.line);
            continue;
        }
        covered.insert((kind, number));
        if kind == ItemKind::Process {
            match latest_process {
                Some(later) if later > number => {
                    sink.emit(Message::OutOfOrder { action, kind, number, later }, link.at, a.line);
                }
                _ => latest_process = Some(number),
            }
        }
    }
    for step in &ch.steps {
        let Some((kind, number)) = step.label else { continue };
        if !covered.contains(&(kind, number)) {
            sink.emit(Message::Uncovered { kind, number, channel: ch.id.clone() }, step.at, step.line);
        }
    }
}

/// W0801–W0803: use cases against the action table: each use names an
/// action the table has, each next use is a next action the table allows, and
/// a use case ends where the table ends.
fn scenarios(ch: &Channel, sink: &mut Sink) {
    for sc in &ch.scenarios {
        let scenario = || sc.title.text.chars().take(40).collect::<String>();
        let channel = || ch.id.clone();
        for u in sc.uses.iter().filter(|u| ch.action(u.action).is_none()) {
            let message = Message::UseCaseUnknownAction { scenario: scenario(), channel: channel(), action: u.action };
            sink.emit(message, u.at, u.line);
        }
        for pair in sc.uses.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            let Some(a) = ch.action(from.action) else { continue };
            if ch.action(to.action).is_some() && !a.targets().iter().any(|t| t.action == to.action) {
                let message = Message::UseCaseNotAllowed {
                    scenario: scenario(),
                    channel: channel(),
                    from: from.action,
                    to: to.action,
                };
                sink.emit(message, to.at, to.line);
            }
        }
        if let Some(last) = sc.uses.last() {
            if ch.action(last.action).is_some_and(|a| !a.targets().is_empty()) {
                let message =
                    Message::UseCaseDoesNotEnd { scenario: scenario(), channel: channel(), action: last.action };
                sink.emit(message, last.at, last.line);
            }
        }
    }
}

/// Where in the rendition a finding about source line `line` of the
/// document is shown: at the quote of that line, or of the nearest line
/// before it that the rendition quotes (a rendition quotes only some of the
/// document's lines).
fn nearest_quote(reg: &Regulation, line: u32) -> Span {
    let before = reg.quotes.iter().filter(|q| q.line <= line).max_by_key(|q| q.line);
    before.or_else(|| reg.quotes.first()).map_or(reg.spans.id, |q| q.at)
}

/// N0001: every analyst reading, so reviewers see all of them in one list.
fn readings_as_notes(reg: &Regulation, sink: &mut Sink) {
    for r in &reg.readings {
        let (subject, because) = (r.subject.clone(), r.because.clone());
        let message = match (&r.document, &r.reading) {
            (Some(d), Some(x)) => {
                Message::Reading { subject, document: d.trim().to_string(), reading: x.trim().to_string(), because }
            }
            (None, Some(x)) => Message::ReadingOfEmpty { subject, reading: x.trim().to_string(), because },
            _ => Message::ReadingNote { subject, because },
        };
        sink.emit(message, r.at, r.line);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_standard_one() {
        for c in ('\u{0}'..='\u{2FFF}').chain(['\u{A0}', '\u{FEFF}', '\u{1F600}']) {
            assert_eq!(crate::sources::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
