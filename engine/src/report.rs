//! Plain-text reports for the command line. Applications appear masked;
//! every string that comes from outside (field names, actors, who asked,
//! what a store holds) is escaped, so that no report can carry a terminal
//! escape sequence.

use std::fmt::Write as _;

use reglament_runtime::calendar::HolidayKind;
use reglament_runtime::{ActionSpec, Calendar, ChannelKind, DayKind, Deadline, Language, LocalDateTime, TermStart};

use crate::edition;
use crate::engine::{Engine, OverdueReport};
use crate::registry::Registry;
use crate::schedule::{Step, Timeline};
use crate::store::{CaseStore, Listing, StoredInstance, Verification};
use crate::text::Escaped;

/// `2d 3h 4m`, `5m 10s`, `30s`.
pub fn duration(secs: i64) -> String {
    let secs = secs.max(0);
    let (d, h, m, s) = (secs / 86_400, secs / 3600 % 24, secs / 60 % 60, secs % 60);
    match (d, h, m) {
        (0, 0, 0) => format!("{s}s"),
        (0, 0, _) => format!("{m}m {s}s"),
        (0, _, _) => format!("{h}h {m}m"),
        _ => format!("{d}d {h}h {m}m"),
    }
}

fn or_dash(t: Option<LocalDateTime>) -> String {
    t.map_or_else(|| "-".to_string(), |t| t.to_string())
}

/// The status word of an instance.
pub fn status(instance: &StoredInstance) -> &'static str {
    if instance.finished {
        "finished"
    } else {
        "in progress"
    }
}

/// The application as the reports show it: masked, or sealed.
fn application(i: &StoredInstance) -> String {
    match &i.application {
        Some(a) => a.to_string(),
        None => "sealed (give the store's key to see it masked)".to_string(),
    }
}

/// An instance's timeline, with every step's due time and lateness at `now`.
pub fn timeline(t: &Timeline, now: LocalDateTime) -> String {
    let i = &t.instance;
    let mut out = String::new();
    let _ =
        writeln!(out, "instance {} — {} / {}: {}", i.id, Escaped(&i.regulation), Escaped(&i.channel), t.channel.title);
    let where_ = match t.steps.last() {
        Some(s) if i.finished => format!("ended with action {} at {}", s.action.number, or_dash(s.left)),
        Some(s) => format!("at action {}", s.action.number),
        None => "no steps".to_string(),
    };
    let _ = writeln!(out, "status: {} ({where_}), version {}", status(i), i.version);
    let _ = writeln!(out, "application: {}; {}", application(i), i.flk);
    basis_lines(&mut out, t);
    let _ = writeln!(out, "now: {now}");
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{:>4}  {:>6}  {:<22}  {:<19}  {:<19}  {:<19}  status",
        "step", "action", "responsible", "entered", "left", "due"
    );
    for (n, step) in t.steps.iter().enumerate() {
        step_lines(&mut out, n + 1, step, now);
    }
    let _ = writeln!(out);
    service_lines(&mut out, t);
    for d in &t.disclosures {
        let _ = writeln!(out, "personal data shown to {} at {}", Escaped(&d.who), d.at);
    }
    out
}

/// The edition and calendar a case runs on.
fn basis_lines(out: &mut String, t: &Timeline) {
    let i = &t.instance;
    let e = &t.regulation.edition;
    if t.legacy {
        let _ = writeln!(
            out,
            "edition: not recorded (stored before editions were): computed with today's `{}` ({}) and calendar",
            e.file,
            edition::short(e.sha256)
        );
        return;
    }
    let calendar = i.calendar.as_deref().map_or("-", edition::short);
    let _ = writeln!(
        out,
        "edition: {} (sha256 {}), recorded at the start; calendar data {}",
        e.file,
        edition::short(e.sha256),
        calendar
    );
    if i.replayed {
        let _ = writeln!(out, "replaying history: started under a regulation repealed on its start date");
    }
}

fn step_lines(out: &mut String, n: usize, step: &Step, now: LocalDateTime) {
    let a = step.action;
    let due = step.due.as_ref().map(|d| d.at);
    let state = match (step.late_by(now), step.left, due) {
        (_, _, None) => "no deadline".to_string(),
        (Some(late), Some(_), _) => format!("done {} late", duration(late)),
        (Some(late), None, _) => format!("OVERDUE by {}", duration(late)),
        (None, Some(_), _) => "done on time".to_string(),
        (None, None, Some(due)) => format!("due in {}", duration(due.seconds_since(now))),
    };
    let _ = writeln!(
        out,
        "{n:>4}  {:>6}  {:<22}  {:<19}  {:<19}  {:<19}  {state}",
        a.number,
        a.participant.unwrap_or("-"),
        step.entered.at.to_string(),
        or_dash(step.left),
        or_dash(due),
    );
    let _ = writeln!(out, "{:14}{}", "", a.action);
    if let Some(branch) = &step.entered.branch {
        let _ = writeln!(out, "{:14}entered because: {}", "", Escaped(branch));
    }
    if let Some(d) = &a.deadline {
        let _ = writeln!(out, "{:14}deadline «{}»{}", "", d.text, deadline_notes(d, step));
    }
    match (&step.done_by, &step.done_by_person) {
        (Some(by), Some(person)) => {
            let _ = writeln!(out, "{:14}done by {} ({})", "", Escaped(by), Escaped(person));
        }
        (Some(by), None) => {
            let _ = writeln!(out, "{:14}done by {}", "", Escaped(by));
        }
        _ => {}
    }
    for c in step.due.iter().flat_map(|d| &d.caveats) {
        let _ = writeln!(out, "{:14}caveat: {c}", "");
    }
}

fn deadline_notes(d: &Deadline, step: &Step) -> String {
    let mut notes = Vec::new();
    match d.start {
        TermStart::StepStart => {}
        TermStart::Receipt => notes.push("counted from the receipt of the application".to_string()),
        TermStart::NextWorkingDay => notes.push("counted from the working day after the day of reception".to_string()),
    }
    if d.day_count() == reglament_runtime::DayCount::Working && d.max.unit.seconds().is_none() {
        notes.push("working days".to_string());
    }
    if let Some(e) = &step.exceptional_due {
        notes.push(format!("in exceptional cases until {}", e.at));
    }
    if let Some(c) = d.condition {
        notes.push(format!("applies «{c}»"));
    }
    if notes.is_empty() {
        String::new()
    } else {
        format!(": {}", notes.join("; "))
    }
}

fn service_lines(out: &mut String, t: &Timeline) {
    let s = &t.service;
    let path: Vec<String> = s.path.iter().map(u32::to_string).collect();
    let (taken, rest) = path.split_at(s.taken.min(path.len()));
    match (&s.term, s.at) {
        (Some(term), _) => {
            let text = t.regulation.term.map_or("", |d| d.text);
            let _ = writeln!(out, "service due: {} (the regulation's term «{text}»)", term.at);
        }
        (None, Some(at)) => {
            let _ = writeln!(out, "service due: {at} (planned: the regulation states no term)");
        }
        (None, None) => {
            let _ = writeln!(out, "service due: never (the regulation states no term and its actions no deadline)");
        }
    }
    if let Some(planned) = s.planned {
        let _ = writeln!(
            out,
            "  planned {planned}: maxima of the actions taken ({}) then of the longest remaining path ({})",
            if taken.is_empty() { "none".to_string() } else { taken.join(" → ") },
            if rest.is_empty() { "none".to_string() } else { rest.join(" → ") },
        );
    }
    if let Some(e) = s.exceptional_at {
        let _ = writeln!(out, "  in exceptional cases: {e}");
    }
    if !s.without_deadline.is_empty() {
        let n: Vec<String> = s.without_deadline.iter().map(u32::to_string).collect();
        let _ = writeln!(out, "  actions without a deadline (count as no time): {}", n.join(", "));
    }
    for c in &s.caveats {
        let _ = writeln!(out, "  caveat: {c}");
    }
}

/// One line per instance, then the rows that cannot be read. Who is
/// responsible comes from each case's own edition.
pub fn list<S: CaseStore>(listing: &Listing, engine: &Engine<S>) -> String {
    let mut out = format!(
        "{:>5}  {:<48}  {:>6}  {:<22}  {:>7}  {:<19}  status\n",
        "id", "regulation / channel", "action", "responsible", "version", "started"
    );
    for i in &listing.instances {
        let responsible = engine.current_action(i).ok().and_then(|a| a.participant).unwrap_or("?");
        let _ = writeln!(
            out,
            "{:>5}  {:<48}  {:>6}  {:<22}  {:>7}  {:<19}  {}",
            i.id,
            format!("{} / {}", Escaped(&i.regulation), Escaped(&i.channel)),
            i.state,
            if i.finished { "-" } else { responsible },
            i.version,
            i.started_at.to_string(),
            status(i)
        );
    }
    for d in &listing.damaged {
        let _ = writeln!(out, "{:>5}  damaged: {}; `reglament check` says more", d.instance, Escaped(&d.problem));
    }
    out
}

/// The overdue instances.
pub fn overdue(r: &OverdueReport) -> String {
    let mut out = format!("overdue at {}: {} instance(s)\n", r.at, r.rows.len());
    if !r.rows.is_empty() {
        let _ = writeln!(
            out,
            "{:>5}  {:<48}  {:>6}  {:<22}  {:<19}  {:<16}  {:<19}  service overdue by",
            "id", "regulation / channel", "action", "responsible", "step due", "step overdue by", "service due"
        );
    }
    for row in &r.rows {
        let i = &row.instance;
        let _ = writeln!(
            out,
            "{:>5}  {:<48}  {:>6}  {:<22}  {:<19}  {:<16}  {:<19}  {}",
            i.id,
            format!("{} / {}", Escaped(&i.regulation), Escaped(&i.channel)),
            row.action.number,
            row.action.participant.unwrap_or("-"),
            or_dash(row.step_due.as_ref().map(|d| d.at)),
            row.step_late.map_or_else(|| "-".to_string(), duration),
            or_dash(row.service_due),
            row.service_late.map_or_else(|| "-".to_string(), duration),
        );
        if let Some(e) = row.step_exceptional {
            let _ = writeln!(out, "{:7}the step's exceptional maximum runs until {e}", "");
        }
    }
    for s in &r.skipped {
        let _ = writeln!(out, "skipped: {}", Escaped(s));
    }
    out
}

/// What `reglament check` found.
pub fn verification(v: &Verification) -> String {
    let mut out = format!("integrity check: {}\n", v.integrity);
    let head = v.head.as_deref().unwrap_or("none (empty journal)");
    let _ = writeln!(out, "journal: {} entries in a hash chain; head {head}", v.entries.saturating_sub(v.unsealed));
    if v.unsealed > 0 {
        let _ = writeln!(out, "journal: {} more entries committed, not yet sealed into the chain", v.unsealed);
    }
    let _ = writeln!(out, "instances: {} checked against their journals", v.instances);
    let _ = writeln!(out, "editions and calendars: {} checked against their digests", v.records);
    if v.clear_applications > 0 {
        let _ = writeln!(
            out,
            "note: {} application(s) kept in clear, stored before the store was given a key",
            v.clear_applications
        );
    }
    for p in &v.problems {
        let _ = writeln!(out, "problem: {}", Escaped(p));
    }
    let _ = writeln!(out, "{}", if v.is_ok() { "the store is sound" } else { "the store FAILED its check" });
    out
}

/// The regulations, their forms and channels, with who acts where.
pub fn regulations(registry: &Registry) -> String {
    let mut out = String::new();
    for r in registry.regulations() {
        let language = match r.language {
            Language::Ru => "ru",
            Language::Kk => "kk",
        };
        let _ = writeln!(out, "{} ({language}): {}", r.id, r.title);
        if r.forms.is_empty() {
            let _ = writeln!(out, "  no FLK form: applications are not checked");
        }
        for f in r.forms {
            let fields: Vec<String> =
                f.fields.iter().map(|x| format!("{}{}", x.id, if x.required { "*" } else { "" })).collect();
            let _ = writeln!(out, "  form {} (* required): {}", f.id, fields.join(", "));
        }
        for c in r.channels {
            let kind = match c.kind {
                ChannelKind::Authority => "authority",
                ChannelKind::Center => "centre",
                ChannelKind::Portal => "portal",
            };
            let mut who: Vec<&str> = c.actions.iter().filter_map(|a| a.participant).collect();
            who.sort_unstable();
            who.dedup();
            let start = c.action(c.start).and_then(|a: &ActionSpec| a.participant).unwrap_or("?");
            let _ = writeln!(out, "  channel {} ({kind}): {}", c.id, c.title);
            let _ = writeln!(out, "    starts at action {} by {start}; participants: {}", c.start, who.join(", "));
        }
    }
    out
}

/// A year of the calendar: its acts, how well its transfers are known, and
/// every day off that is not a plain weekend day, plus working weekend days.
pub fn calendar_year(calendar: &Calendar, year: i32) -> String {
    let mut out = String::new();
    let Some(data) = calendar.year(year) else {
        return format!("the calendar has no data for {year}: only weekends are days off\n");
    };
    let _ = writeln!(out, "{year} ({}), transfers {}", data.origin, data.transfers_status.keyword());
    for act in &data.acts {
        let _ = writeln!(out, "  act: {act}");
    }
    let mut day = reglament_runtime::Date::new(year, 1, 1);
    while let Some(d) = day.filter(|d| d.year() == year) {
        let line = match calendar.day(d) {
            DayKind::Holiday(h) => {
                let kind = match h.kind {
                    HolidayKind::Public => "public holiday",
                    HolidayKind::Religious => "religious day off",
                };
                let tentative = if h.tentative { ", date expected, not confirmed" } else { "" };
                Some(format!("{} ({kind}{tentative})", h.name))
            }
            DayKind::Replacement(h) => Some(format!("day off replacing {} ({})", h.date, h.name)),
            DayKind::OffByTransfer(t) => Some(format!("day off transferred from {}", t.from)),
            DayKind::WorkingByTransfer(t) => Some(format!("working day: its day off moved to {}", t.to)),
            DayKind::Working | DayKind::Weekend => None,
        };
        if let Some(line) = line {
            let _ = writeln!(out, "  {d} {:?}: {line}", d.weekday());
        }
        day = Some(d.succ());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_check_says_how_many_entries_are_not_sealed_yet() {
        let v = Verification { integrity: "ok".into(), entries: 5, unsealed: 2, ..Verification::default() };
        let text = verification(&v);
        assert!(text.contains("journal: 3 entries in a hash chain"), "{text}");
        assert!(text.contains("journal: 2 more entries committed, not yet sealed into the chain"), "{text}");
        let sealed = verification(&Verification { unsealed: 0, ..v });
        assert!(sealed.contains("journal: 5 entries") && !sealed.contains("not yet sealed"), "{sealed}");
    }
}
