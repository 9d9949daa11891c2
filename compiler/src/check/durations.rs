//! Deadlines added up: the critical path of each channel and the service term.
//!
//! Clock time (seconds to hours), calendar days, working days and months do
//! not convert into each other without a calendar, so a total keeps them
//! apart. Days whose kind the document does not state count as calendar days.
//! To pick the longest path, totals are ranked by an estimate (a working day
//! as 7/5 of a calendar day, a month as 30 days); the estimate is never shown.

use std::cmp::Ordering;

use crate::diagnostics::Sink;
use crate::messages::{Arg, Lang, Message, Path, Phrase};
use crate::model::{Action, Channel, Quantity, Regulation, TimeUnit};

/// A sum of deadlines, kept in buckets that do not convert into each other.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Total {
    clock_milli_seconds: u64,
    calendar_days_milli: u64,
    working_days_milli: u64,
    months_milli: u64,
}

impl Total {
    /// Adds a quantity to its bucket.
    pub fn add(&mut self, q: &Quantity) {
        let m = q.milli;
        match q.unit {
            TimeUnit::Second => self.clock_milli_seconds += m,
            TimeUnit::Minute => self.clock_milli_seconds += m * 60,
            TimeUnit::Hour => self.clock_milli_seconds += m * 3600,
            TimeUnit::WorkingDay => self.working_days_milli += m,
            TimeUnit::Month => self.months_milli += m,
            // Days whose kind the document does not state count as calendar days.
            TimeUnit::Day | TimeUnit::CalendarDay => self.calendar_days_milli += m,
        }
    }

    /// Adds another total, bucket by bucket.
    fn add_total(&mut self, other: &Total) {
        self.clock_milli_seconds += other.clock_milli_seconds;
        self.calendar_days_milli += other.calendar_days_milli;
        self.working_days_milli += other.working_days_milli;
        self.months_milli += other.months_milli;
    }

    /// The total of one quantity.
    pub fn of(q: &Quantity) -> Total {
        let mut t = Total::default();
        t.add(q);
        t
    }

    /// An estimate in thousandths of a second, only to rank totals.
    fn rank(&self) -> u128 {
        let day = 86_400u128;
        u128::from(self.clock_milli_seconds)
            + u128::from(self.calendar_days_milli) * day
            + u128::from(self.working_days_milli) * day * 7 / 5
            + u128::from(self.months_milli) * day * 30
    }

    /// Compares two totals when their day buckets are of the same kind;
    /// `None` when one counts working days and the other calendar days or months.
    pub fn compare(&self, other: &Total) -> Option<Ordering> {
        let working = |t: &Total| t.working_days_milli > 0;
        let calendar = |t: &Total| t.calendar_days_milli > 0 || t.months_milli > 0;
        let mixed = (working(self) && calendar(other))
            || (calendar(self) && working(other))
            || (working(self) && calendar(self));
        if mixed {
            None
        } else {
            Some(self.rank().cmp(&other.rank()))
        }
    }

    /// The total in words, in `lang`: «15 күн + 4 мин 30 сек».
    pub fn describe(&self, lang: Lang) -> String {
        let number = |milli: u64| {
            let text =
                if milli % 1000 == 0 { (milli / 1000).to_string() } else { format!("{}", milli as f64 / 1000.0) };
            match lang {
                Lang::En => text,
                Lang::Ru | Lang::Kk => text.replace('.', ","),
            }
        };
        let mut parts = Vec::new();
        if self.months_milli > 0 {
            parts.push(Phrase::Months { n: number(self.months_milli) }.text(lang));
        }
        if self.calendar_days_milli > 0 {
            parts.push(Phrase::CalendarDays { n: number(self.calendar_days_milli) }.text(lang));
        }
        if self.working_days_milli > 0 {
            parts.push(Phrase::WorkingDays { n: number(self.working_days_milli) }.text(lang));
        }
        if self.clock_milli_seconds > 0 || parts.is_empty() {
            parts.push(clock(self.clock_milli_seconds, lang));
        }
        parts.join(" + ")
    }
}

impl Arg for Total {
    fn show(&self, lang: Lang) -> String {
        self.describe(lang)
    }
}

fn clock(milli_seconds: u64, lang: Lang) -> String {
    let seconds = milli_seconds.div_ceil(1000);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = Vec::new();
    if h > 0 {
        out.push(Phrase::Hours { n: h }.text(lang));
    }
    if m > 0 {
        out.push(Phrase::Minutes { n: m }.text(lang));
    }
    if s > 0 || out.is_empty() {
        out.push(Phrase::Seconds { n: s }.text(lang));
    }
    out.join(" ")
}

fn action_max(a: &Action) -> Option<Quantity> {
    a.deadline.as_ref().and_then(|d| d.max())
}

fn term_total(reg: &Regulation) -> Option<Total> {
    reg.term.as_ref().and_then(|t| t.max()).map(|q| Total::of(&q))
}

/// The critical path of a channel: the path from the first action to a
/// final one with the largest total, by dynamic programming — the best
/// continuation of each action is computed once. A next action that leads
/// back to an action on the way there (a loop: «return for correction») is
/// not followed, so every path visits an action once, and the search is
/// linear in the table however many loops it has. Of equal totals the last
/// target wins. `None` when no path ends.
fn critical(ch: &Channel) -> Option<(Vec<u32>, Total)> {
    let mut search = Search { ch, best: vec![None; ch.actions.len()], on_path: vec![false; ch.actions.len()] };
    let (_, total, _) = search.suffix(0)?;
    let mut path = vec![0];
    while let Some(Some(Some((_, _, Some(next))))) = path.last().map(|&i| search.best[i]) {
        if path.contains(&next) {
            break;
        }
        path.push(next);
    }
    Some((path.into_iter().map(|i| ch.actions[i].number).collect(), total))
}

/// The best way on from an action: its rank, its total, and the position
/// of the next action.
type Best = (u128, Total, Option<usize>);

/// The search for a channel's critical path, over its actions' positions.
struct Search<'a> {
    ch: &'a Channel,
    /// The best way on from each action, once known (`Some(None)`: none).
    best: Vec<Option<Option<Best>>>,
    /// The actions on the way from the first to the one being searched.
    on_path: Vec<bool>,
}

impl Search<'_> {
    /// The best total from the action at position `i` to a final action,
    /// memoised; `None` when none can be reached without looping back.
    fn suffix(&mut self, i: usize) -> Option<Best> {
        if let Some(known) = self.best[i] {
            return known;
        }
        let ch = self.ch;
        let a = &ch.actions[i];
        self.on_path[i] = true;
        let mut own = Total::default();
        if let Some(q) = action_max(a) {
            own.add(&q);
        }
        let mut result = if a.targets().is_empty() { Some((own.rank(), own, None)) } else { None };
        for t in a.targets() {
            let Some(j) = ch.actions.iter().position(|x| x.number == t.action) else { continue };
            if self.on_path[j] {
                continue;
            }
            if let Some((_, rest, _)) = self.suffix(j) {
                let mut total = own;
                total.add_total(&rest);
                let rank = total.rank();
                if result.as_ref().is_none_or(|(r, _, _)| rank >= *r) {
                    result = Some((rank, total, Some(j)));
                }
            }
        }
        self.on_path[i] = false;
        self.best[i] = Some(result);
        result
    }
}

/// N0501 and W0503: the critical path of a channel — the largest sum of
/// maximum deadlines along any path — and whether it fits the service term.
pub fn critical_path(reg: &Regulation, ch: &Channel, sink: &mut Sink) {
    if !ch.actions.iter().any(|a| action_max(a).is_some()) {
        return;
    }
    let Some((path, total)) = critical(ch) else {
        return;
    };
    sink.emit(Message::CriticalPath { channel: ch.id.clone(), path: Path(path.clone()), total }, ch.at, 0);
    let Some(term) = term_total(reg) else { return };
    // An action on the path longer than the whole term is reported on its
    // own (W0502): the path's excess follows from it.
    let one_exceeds = path
        .iter()
        .filter_map(|n| ch.action(*n))
        .filter_map(action_max)
        .any(|q| Total::of(&q).compare(&term) == Some(Ordering::Greater));
    if !one_exceeds && total.compare(&term) == Some(Ordering::Greater) {
        let message = Message::PathExceedsTerm { channel: ch.id.clone(), total, term, path: Path(path) };
        sink.emit(message, ch.at, 0);
    }
}

/// W0502: an action whose deadline alone is longer than the service term,
/// or whose exceptional maximum («в исключительных случаях до 6 мес.») is
/// longer than the term's (its exceptional maximum, where it has one).
pub fn deadlines_against_term(reg: &Regulation, sink: &mut Sink) {
    let Some(term) = term_total(reg) else { return };
    let term_exceptional = reg
        .term
        .as_ref()
        .and_then(|t| t.limit())
        .and_then(|l| l.exceptional_max)
        .map(|q| Total::of(&q))
        .unwrap_or(term);
    for ch in &reg.channels {
        for a in &ch.actions {
            let Some(d) = &a.deadline else { continue };
            let Some(limit) = d.limit() else { continue };
            let own = Total::of(&limit.max);
            let (at, line) = (d.cell.at, d.cell.line);
            if own.compare(&term) == Some(Ordering::Greater) {
                let message = Message::ExceedsTerm { action: a.number, channel: ch.id.clone(), deadline: own, term };
                sink.emit(message, at, line);
                continue;
            }
            let Some(exceptional) = limit.exceptional_max.map(|q| Total::of(&q)) else { continue };
            if exceptional.compare(&term_exceptional) == Some(Ordering::Greater) {
                let message = Message::ExceptionalExceedsTerm {
                    action: a.number,
                    channel: ch.id.clone(),
                    deadline: exceptional,
                    term: term_exceptional,
                };
                sink.emit(message, at, line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(milli: u64, unit: TimeUnit) -> Quantity {
        Quantity { milli, unit }
    }

    #[test]
    fn totals_keep_calendar_and_working_days_apart() {
        let mut t = Total::default();
        t.add(&q(15_000, TimeUnit::Day));
        t.add(&q(1500, TimeUnit::Minute));
        t.add(&q(30_000, TimeUnit::Second));
        assert_eq!(t.describe(Lang::En), "15 calendar days + 2 min");
        assert_eq!(t.describe(Lang::Kk), "15 күнтізбелік күн + 2 мин");
        let working = Total::of(&q(3000, TimeUnit::WorkingDay));
        assert_eq!(t.compare(&working), None);
        assert_eq!(Total::of(&q(10_000, TimeUnit::Minute)).compare(&working), Some(Ordering::Less));
        assert_eq!(Total::of(&q(1500, TimeUnit::WorkingDay)).describe(Lang::Ru), "1,5 раб. дн.");
    }
}
