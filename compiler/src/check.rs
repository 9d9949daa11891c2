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

use std::collections::{BTreeMap, BTreeSet};

use crate::diagnostics::Sink;
use crate::messages::{step_word, Args};
use crate::model::{Action, Channel, Deadline, Quantity, Regulation};
use crate::sources::{fold, has_word, is_alphanumeric};

mod durations;
mod flow;

/// Runs every check on a lowered regulation.
pub fn check(reg: &Regulation, sink: &mut Sink) {
    for ch in &reg.channels {
        flow::check_channel(ch, sink);
        numbering(ch, sink);
        process_list(ch, sink);
        conditions(ch, sink);
        correspondence(ch, sink);
        scenarios(ch, sink);
        durations::critical_path(reg, ch, sink);
    }
    durations::deadlines_against_term(reg, sink);
    deadline_conflicts(reg, sink);
    unused_participants(reg, sink);
    abbreviations(reg, sink);
    readings_as_notes(reg, sink);
}

fn channel_args(ch: &Channel) -> Args {
    Args::none().with("channel", &ch.id)
}

/// W0105, W0106: action numbers that go back or skip, in table order.
fn numbering(ch: &Channel, sink: &mut Sink) {
    for pair in ch.actions.windows(2) {
        let (prev, next) = (&pair[0], &pair[1]);
        if next.number < prev.number {
            let args = channel_args(ch).with("previous", prev.number).with("number", next.number);
            sink.emit("W0105.renumbered", next.at, next.line, args);
        }
    }
    let numbers: BTreeSet<u32> = ch.actions.iter().map(|a| a.number).collect();
    let (Some(&lo), Some(&hi)) = (numbers.first(), numbers.last()) else { return };
    for missing in (lo..=hi).filter(|n| !numbers.contains(n)) {
        sink.emit("W0106.gap", ch.at, 0, channel_args(ch).with("missing", missing));
    }
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
            sink.emit("W0202.marker_duplicate", step.at, step.line, channel_args(ch).with("marker", n));
        } else if let Some(p) = previous {
            if n > p + 1 {
                let args = channel_args(ch).with("previous", p).with("found", n).with("expected", p + 1);
                sink.emit("W0201.marker_gap", step.at, step.line, args);
            }
        }
        previous = Some(n);
    }
    for condition in [false, true] {
        step_numbers(ch, condition, sink);
    }
    if let Some(last) = ch.steps.last() {
        if last.kind == "condition" {
            sink.emit(
                "W0205.condition_nowhere",
                last.at,
                last.line,
                channel_args(ch).with("number", last.number.unwrap_or(0)),
            );
        }
    }
}

/// W0203, W0204: process (or condition) numbers that skip or repeat.
fn step_numbers(ch: &Channel, condition: bool, sink: &mut Sink) {
    let kind = if condition { "condition" } else { "process" };
    let word = step_word(condition, sink.lang);
    let mut seen = BTreeSet::new();
    let mut highest = 0;
    for step in ch.steps.iter().filter(|s| s.kind == kind) {
        let Some(n) = step.number else { continue };
        if !seen.insert(n) {
            sink.emit(
                "W0204.step_duplicate",
                step.at,
                step.line,
                channel_args(ch).with("kind", word).with("number", n),
            );
            continue;
        }
        for missing in highest + 1..n {
            if !seen.contains(&missing) {
                sink.emit(
                    "W0203.step_gap",
                    step.at,
                    step.line,
                    channel_args(ch).with("kind", word).with("missing", missing),
                );
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
        let args = || channel_args(ch).with("action", a.number);
        if targets.len() == 1 {
            if let Some(when) = &targets[0].when {
                sink.emit(
                    "W0403.single_condition",
                    next.at,
                    next.line,
                    args().with("target", targets[0].action).with("when", when),
                );
            }
            continue;
        }
        let mut seen = BTreeSet::new();
        for t in targets {
            match &t.when {
                None => {
                    sink.emit("W0401.branch_without_condition", next.at, next.line, args().with("target", t.action))
                }
                Some(w) if !seen.insert(fold(w).to_lowercase()) => {
                    sink.emit("W0402.same_condition", next.at, next.line, args().with("when", w))
                }
                Some(_) => {}
            }
        }
    }
}

/// E0601, W0601, W0602: the table against its process list, where the
/// rendition links them with `covers`.
fn correspondence(ch: &Channel, sink: &mut Sink) {
    let links: Vec<(&Action, &crate::model::StepLink)> =
        ch.actions.iter().flat_map(|a| a.covers.iter().map(move |l| (a, l))).collect();
    if links.is_empty() {
        return;
    }
    let listed: BTreeSet<(&str, u32)> = ch.steps.iter().filter_map(|s| s.number.map(|n| (s.kind, n))).collect();
    let mut covered = BTreeSet::new();
    let mut latest_process: Option<u32> = None;
    for (a, link) in &links {
        let word = step_word(link.kind == "condition", sink.lang);
        let args = || channel_args(ch).with("action", a.number).with("kind", word).with("number", link.number);
        if !listed.contains(&(link.kind, link.number)) {
            sink.emit("E0601.covers_missing", link.at, a.line, args());
            continue;
        }
        covered.insert((link.kind, link.number));
        if link.kind == "process" {
            match latest_process {
                Some(later) if later > link.number => {
                    sink.emit("W0602.out_of_order", link.at, a.line, args().with("later", later))
                }
                _ => latest_process = Some(link.number),
            }
        }
    }
    for step in &ch.steps {
        let Some(n) = step.number else { continue };
        if !covered.contains(&(step.kind, n)) {
            let word = step_word(step.kind == "condition", sink.lang);
            sink.emit("W0601.uncovered", step.at, step.line, channel_args(ch).with("kind", word).with("number", n));
        }
    }
}

/// W0801–W0803: use cases against the action table: each use names an
/// action the table has, each next use is a next action the table allows, and
/// a use case ends where the table ends.
fn scenarios(ch: &Channel, sink: &mut Sink) {
    for sc in &ch.scenarios {
        let args = || channel_args(ch).with("scenario", sc.title.text.chars().take(40).collect::<String>());
        for u in sc.uses.iter().filter(|u| ch.action(u.action).is_none()) {
            sink.emit("W0801.unknown_action", u.at, u.line, args().with("action", u.action));
        }
        for pair in sc.uses.windows(2) {
            let (from, to) = (&pair[0], &pair[1]);
            let Some(a) = ch.action(from.action) else { continue };
            if ch.action(to.action).is_some() && !a.targets().iter().any(|t| t.action == to.action) {
                sink.emit("W0802.not_allowed", to.at, to.line, args().with("from", from.action).with("to", to.action));
            }
        }
        if let Some(last) = sc.uses.last() {
            if ch.action(last.action).is_some_and(|a| !a.targets().is_empty()) {
                sink.emit("W0803.does_not_end", last.at, last.line, args().with("action", last.action));
            }
        }
    }
}

/// W0501: the same step (the same action text) with different deadlines in
/// two channels of one regulation.
fn deadline_conflicts(reg: &Regulation, sink: &mut Sink) {
    let mut first_seen: BTreeMap<String, (&Channel, &Action, &Deadline)> = BTreeMap::new();
    for ch in &reg.channels {
        for a in &ch.actions {
            let (Some(text), Some(d)) = (a.effective_action(), &a.deadline) else { continue };
            let key = fold(text).to_lowercase();
            match first_seen.get(&key) {
                Some((other_ch, other_a, other_d)) if other_ch.id != ch.id && !same_deadline(d, other_d) => {
                    let args = Args::none()
                        .with("does", short(text))
                        .with("here", deadline_text(d))
                        .with("there", deadline_text(other_d))
                        .with("other", &other_ch.id)
                        .with("other_line", other_a.line);
                    sink.emit("W0501.deadline_conflict", a.at, d.line, args);
                }
                Some(_) => {}
                None => {
                    first_seen.insert(key, (ch, a, d));
                }
            }
        }
    }
}

fn same_deadline(a: &Deadline, b: &Deadline) -> bool {
    let q = |x: &Option<Quantity>| x.map(|q| (q.milli, q.unit));
    (a.bound, q(&a.min), q(&a.max)) == (b.bound, q(&b.min), q(&b.max))
}

fn deadline_text(d: &Deadline) -> String {
    d.reading.clone().unwrap_or_else(|| d.text.clone())
}

fn short(text: &str) -> String {
    let t = fold(text);
    if t.chars().count() > 60 {
        format!("{}…", t.chars().take(60).collect::<String>())
    } else {
        t
    }
}

/// W0301: a participant no action names.
fn unused_participants(reg: &Regulation, sink: &mut Sink) {
    let used: BTreeSet<&str> =
        reg.channels.iter().flat_map(|c| &c.actions).filter_map(|a| a.participant.as_deref()).collect();
    if used.is_empty() {
        return; // A regulation without action tables names nobody; that is not a defect of each participant.
    }
    for p in reg.participants.iter().filter(|p| !used.contains(p.id.as_str())) {
        sink.emit("W0301.unused_participant", p.at, p.name.line, Args::none().with("id", &p.id));
    }
}

/// W0302, W0303: abbreviations used but never defined, and defined but never used.
fn abbreviations(reg: &Regulation, sink: &mut Sink) {
    let defined: BTreeSet<String> =
        reg.abbreviations.iter().flat_map(|a| a.short.split_whitespace().map(str::to_string)).collect();
    let mut reported = BTreeSet::new();
    for q in &reg.quotes {
        for word in abbreviation_like(&q.text) {
            if !defined.contains(&word) && reported.insert(word.clone()) {
                sink.emit("W0302.undefined_abbreviation", q.at, q.line, Args::none().with("abbr", word));
            }
        }
    }
    for a in reg.abbreviations.iter().filter(|a| a.uses == Some(0)) {
        let used_in_rendition =
            reg.quotes.iter().any(|q| q.line != a.definition.line && has_word(&fold(&q.text), &fold(&a.short)));
        if !used_in_rendition {
            sink.emit("W0303.unused_abbreviation", a.at, a.definition.line, Args::none().with("abbr", &a.short));
        }
    }
}

/// The words of a text that look like abbreviations: two to eight capital
/// Cyrillic letters (a Kazakh ending after a hyphen is dropped: «ЭҮП-те»).
pub fn abbreviation_like(text: &str) -> Vec<String> {
    text.split(|c: char| !(is_alphanumeric(c) || c == '-'))
        .filter_map(|w| w.split('-').next())
        .filter(|w| {
            let n = w.chars().count();
            (2..=8).contains(&n) && w.chars().all(|c| is_cyrillic(c) && c.is_uppercase())
        })
        .map(str::to_string)
        .collect()
}

fn is_cyrillic(c: char) -> bool {
    matches!(c, '\u{0400}'..='\u{04FF}')
}

/// N0001: every analyst reading, so reviewers see all of them in one list.
fn readings_as_notes(reg: &Regulation, sink: &mut Sink) {
    for r in &reg.readings {
        let args = Args::none().with("subject", &r.subject).with("because", &r.because);
        match (&r.document, &r.reading) {
            (Some(d), Some(x)) => {
                sink.emit("N0001.reading", r.at, r.line, args.with("document", d.trim()).with("reading", x.trim()))
            }
            (None, Some(x)) => sink.emit("N0001.empty", r.at, r.line, args.with("reading", x.trim())),
            _ => sink.emit("N0001.note", r.at, r.line, args),
        }
    }
}

/// W0701: differences between two language versions of one regulation.
pub fn compare_versions(this: &Regulation, other: &Regulation, sink: &mut Sink) {
    let base = || Args::none().with("other", &other.id);
    for ch in &this.channels {
        let Some(theirs) = other.channels.iter().find(|c| c.id == ch.id) else {
            sink.emit("W0701.channel_missing", ch.at, 0, base().with("channel", &ch.id));
            continue;
        };
        if ch.actions.len() != theirs.actions.len() {
            let args =
                base().with("channel", &ch.id).with("here", ch.actions.len()).with("there", theirs.actions.len());
            sink.emit("W0701.action_count", ch.at, 0, args);
        }
        for a in &ch.actions {
            let Some(b) = theirs.action(a.number) else { continue };
            compare_actions(ch, a, b, &base, sink);
        }
    }
}

fn compare_actions(ch: &Channel, a: &Action, b: &Action, base: &dyn Fn() -> Args, sink: &mut Sink) {
    let args = || base().with("channel", &ch.id).with("action", a.number);
    let targets = |x: &Action| x.targets().iter().map(|t| t.action.to_string()).collect::<Vec<_>>().join(", ");
    let (here, there) = (targets(a), targets(b));
    if here != there {
        let show = |s: String| if s.is_empty() { "-".to_string() } else { s };
        sink.emit("W0701.next_differs", a.at, a.line, args().with("here", show(here)).with("there", show(there)));
    }
    match (&a.deadline, &b.deadline) {
        (Some(x), Some(y)) if !same_deadline(x, y) => sink.emit(
            "W0701.deadline_differs",
            a.at,
            x.line,
            args().with("here", deadline_text(x)).with("there", deadline_text(y)),
        ),
        _ => {}
    }
    if a.participant.is_some() && b.participant.is_some() && a.participant != b.participant {
        let (p, q) = (a.participant.clone().unwrap_or_default(), b.participant.clone().unwrap_or_default());
        sink.emit("W0701.participant_differs", a.at, a.line, args().with("here", p).with("there", q));
    }
}

#[cfg(test)]
mod tests {
    use super::abbreviation_like;

    #[test]
    fn finds_abbreviations_with_kazakh_endings() {
        assert_eq!(abbreviation_like("ЭҮП-те ЖСН және БСН, ИС МИО"), vec!["ЭҮП", "ЖСН", "БСН", "ИС", "МИО"]);
        assert!(abbreviation_like("Не более 10 минут. А").is_empty());
        assert!(abbreviation_like("HTTP and ДДОшка").is_empty());
    }

    #[test]
    fn the_fast_alphanumeric_test_agrees_with_the_standard_one() {
        for c in ('\u{0}'..='\u{2FFF}').chain(['\u{A0}', '\u{FEFF}', '\u{1F600}']) {
            assert_eq!(crate::sources::is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
