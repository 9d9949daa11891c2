//! W0501: the same step with different deadlines in the channels of one
//! regulation.
//!
//! A step is the same when its action texts have the same letters and digits
//! (case, white space and punctuation aside: «қалыптастыру.Шешім» is
//! «қалыптастыру. Шешім»). Deadlines are compared by what they mean: days whose
//! kind the document does not state are calendar days («3 дня» is «3
//! календарных дня»), clock units convert («1 минута» is «60 секунд»), and an
//! exceptional maximum counts. All the channels of one step give one finding.

use crate::diagnostics::Sink;
use crate::messages::{Message, Phrase, StepDeadlines};
use crate::model::{Action, Channel, ChannelId, Column, Deadline, Meaning, Quantity, Regulation, TimeUnit};
use crate::sources::fold;

/// One channel's action of a step, with its deadline.
struct Member<'r> {
    channel: &'r Channel,
    action: &'r Action,
    deadline: &'r Deadline,
}

/// W0501: every step that two channels give different deadlines.
pub fn conflicts(reg: &Regulation, sink: &mut Sink) {
    let mut steps: Vec<(String, Vec<Member>)> = Vec::new();
    for ch in &reg.channels {
        for a in &ch.actions {
            let (Some(text), Some(d)) = (a.effective(Column::Does), &a.deadline) else { continue };
            if d.meaning == Meaning::Unreadable {
                continue;
            }
            let key = step_key(text);
            let member = Member { channel: ch, action: a, deadline: d };
            match steps.iter_mut().find(|(k, _)| *k == key) {
                Some((_, members)) if !members.iter().any(|m| m.channel.id == ch.id) => members.push(member),
                Some(_) => {}
                None => steps.push((key, vec![member])),
            }
        }
    }
    for (_, members) in steps {
        if members.len() < 2 || members.iter().all(|m| same_deadline(m.deadline, members[0].deadline)) {
            continue;
        }
        report(&members, sink);
    }
}

/// Reports a step at the deadline most likely wrong — the one fewest
/// channels share, the last of those — with the others as labels.
fn report(members: &[Member], sink: &mut Sink) {
    let shared = |m: &Member| members.iter().filter(|o| same_deadline(o.deadline, m.deadline)).count();
    let fewest = members.iter().map(shared).min().unwrap_or(1);
    let odd = members.iter().rposition(|m| shared(m) == fewest).unwrap_or(0);
    let does = short(members[odd].action.effective(Column::Does).unwrap_or_default());
    let deadlines = StepDeadlines(members.iter().map(|m| (deadline_text(m.deadline), m.channel.id.clone())).collect());
    let cell = &members[odd].deadline.cell;
    sink.emit(Message::DeadlineConflict { does, deadlines }, cell.at, cell.line);
    for (_, m) in members.iter().enumerate().filter(|(i, _)| *i != odd) {
        let channel: ChannelId = m.channel.id.clone();
        sink.label_last(m.deadline.cell.at, Phrase::SameStepThere { channel });
    }
}

/// What makes two action texts the same step: their letters and digits,
/// in small letters.
fn step_key(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Whether two deadlines mean the same: the same maximum and exceptional
/// maximum (or both no deadline).
pub fn same_deadline(a: &Deadline, b: &Deadline) -> bool {
    match (a.limit(), b.limit()) {
        (Some(x), Some(y)) => {
            measure(x.max) == measure(y.max) && x.exceptional_max.map(measure) == y.exceptional_max.map(measure)
        }
        (None, None) => a.meaning == b.meaning,
        _ => false,
    }
}

/// A quantity in a unit of its kind: clock time in thousandths of a second,
/// calendar days (those of no stated kind among them), working days, months.
pub(super) fn measure(q: Quantity) -> (u8, u64) {
    match q.unit {
        TimeUnit::Second => (0, q.milli),
        TimeUnit::Minute => (0, q.milli * 60),
        TimeUnit::Hour => (0, q.milli * 3600),
        TimeUnit::Day | TimeUnit::CalendarDay => (1, q.milli),
        TimeUnit::WorkingDay => (2, q.milli),
        TimeUnit::Month => (3, q.milli),
    }
}

/// A deadline as the code reads it: the analyst's reading, else the document's.
pub fn deadline_text(d: &Deadline) -> String {
    d.cell.effective().unwrap_or_default().trim().to_string()
}

/// A text shortened for a message: sixty characters at most.
pub fn short(text: &str) -> String {
    let t = fold(text);
    if t.chars().count() > 60 {
        format!("{}…", t.chars().take(60).collect::<String>())
    } else {
        t
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_are_the_same_whatever_their_spaces_and_stops() {
        assert_eq!(step_key("қалыптастыру.Шешім қабылдау"), step_key("қалыптастыру. Шешім  қабылдау."));
        assert_ne!(step_key("Прием заявления"), step_key("Прием заявлений"));
    }

    #[test]
    fn days_of_no_stated_kind_are_calendar_days() {
        let q = |milli, unit| Quantity { milli, unit };
        assert_eq!(measure(q(3000, TimeUnit::Day)), measure(q(3000, TimeUnit::CalendarDay)));
        assert_eq!(measure(q(1000, TimeUnit::Minute)), measure(q(60_000, TimeUnit::Second)));
        assert_ne!(measure(q(3000, TimeUnit::Day)), measure(q(3000, TimeUnit::WorkingDay)));
    }
}
