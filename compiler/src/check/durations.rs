//! Deadlines added up: the critical path of each channel and the service term.
//!
//! Clock time (seconds to hours), calendar days, working days and months do
//! not convert into each other without a calendar, so a total keeps them
//! apart. Days whose kind the document does not state count as calendar days.
//! To pick the longest path, totals are ranked by an estimate (a working day
//! as 7/5 of a calendar day, a month as 30 days); the estimate is never shown.

use std::cmp::Ordering;

use reglament_grammar::Lang;

use crate::diagnostics::Sink;
use crate::messages::Args;
use crate::model::{Action, Channel, Quantity, Regulation};

/// How many paths a channel may have before the search stops; real tables have a handful.
const MAX_PATHS: usize = 10_000;

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
            "second" => self.clock_milli_seconds += m,
            "minute" => self.clock_milli_seconds += m * 60,
            "hour" => self.clock_milli_seconds += m * 3600,
            "working_day" => self.working_days_milli += m,
            "month" => self.months_milli += m,
            _ => self.calendar_days_milli += m,
        }
    }

    fn of(q: &Quantity) -> Total {
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
        let mut parts = Vec::new();
        let number = |milli: u64| {
            let text = if (milli / 1000) * 1000 == milli {
                (milli / 1000).to_string()
            } else {
                format!("{}", milli as f64 / 1000.0)
            };
            if lang == Lang::En {
                text
            } else {
                text.replace('.', ",")
            }
        };
        if self.months_milli > 0 {
            parts.push(format!("{} {}", number(self.months_milli), lang.pick("months", "мес.", "ай")));
        }
        if self.calendar_days_milli > 0 {
            parts.push(format!(
                "{} {}",
                number(self.calendar_days_milli),
                lang.pick("calendar days", "календ. дн.", "күнтізбелік күн")
            ));
        }
        if self.working_days_milli > 0 {
            parts.push(format!(
                "{} {}",
                number(self.working_days_milli),
                lang.pick("working days", "раб. дн.", "жұмыс күні")
            ));
        }
        if self.clock_milli_seconds > 0 || parts.is_empty() {
            parts.push(clock(self.clock_milli_seconds, lang));
        }
        parts.join(" + ")
    }
}

fn clock(milli_seconds: u64, lang: Lang) -> String {
    let seconds = milli_seconds.div_ceil(1000);
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = Vec::new();
    if h > 0 {
        out.push(format!("{h} {}", lang.pick("h", "ч", "сағ")));
    }
    if m > 0 {
        out.push(format!("{m} {}", lang.pick("min", "мин", "мин")));
    }
    if s > 0 || out.is_empty() {
        out.push(format!("{s} {}", lang.pick("s", "с", "сек")));
    }
    out.join(" ")
}

fn action_max(a: &Action) -> Option<&Quantity> {
    a.deadline.as_ref().and_then(|d| d.max.as_ref())
}

fn term_total(reg: &Regulation) -> Option<Total> {
    reg.term.as_ref().and_then(|t| t.max.as_ref()).map(Total::of)
}

/// Every path from the first action to a final one, visiting no action twice.
fn paths(ch: &Channel) -> Vec<Vec<u32>> {
    let mut out = Vec::new();
    let Some(first) = ch.actions.first() else { return out };
    let mut path = vec![first.number];
    walk(ch, &mut path, &mut out);
    out
}

fn walk(ch: &Channel, path: &mut Vec<u32>, out: &mut Vec<Vec<u32>>) {
    if out.len() >= MAX_PATHS {
        return;
    }
    let Some(a) = path.last().and_then(|n| ch.action(*n)) else { return };
    if a.targets().is_empty() {
        out.push(path.clone());
        return;
    }
    for t in a.targets() {
        if path.contains(&t.action) || ch.action(t.action).is_none() {
            continue;
        }
        path.push(t.action);
        walk(ch, path, out);
        path.pop();
    }
}

fn path_total(ch: &Channel, path: &[u32]) -> Total {
    let mut total = Total::default();
    for q in path.iter().filter_map(|n| ch.action(*n)).filter_map(action_max) {
        total.add(q);
    }
    total
}

/// N0501 and W0503: the critical path of a channel — the largest sum of
/// maximum deadlines along any path — and whether it fits the service term.
pub fn critical_path(reg: &Regulation, ch: &Channel, sink: &mut Sink) {
    if !ch.actions.iter().any(|a| action_max(a).is_some()) {
        return;
    }
    let Some((path, total)) =
        paths(ch).into_iter().map(|p| (path_total(ch, &p), p)).max_by_key(|(t, _)| t.rank()).map(|(t, p)| (p, t))
    else {
        return;
    };
    let shown: Vec<String> = path.iter().map(u32::to_string).collect();
    let args =
        Args::none().with("channel", &ch.id).with("path", shown.join(" → ")).with("total", total.describe(sink.lang));
    sink.emit("N0501.critical_path", ch.at, 0, args.clone());
    let Some(term) = term_total(reg) else { return };
    if total.compare(&term) == Some(Ordering::Greater) {
        sink.emit("W0503.path_exceeds_term", ch.at, 0, args.with("term", term.describe(sink.lang)));
    }
}

/// W0502: an action whose deadline alone is longer than the service term.
pub fn deadlines_against_term(reg: &Regulation, sink: &mut Sink) {
    let Some(term) = term_total(reg) else { return };
    for ch in &reg.channels {
        for a in &ch.actions {
            let Some(q) = action_max(a) else { continue };
            let own = Total::of(q);
            if own.compare(&term) == Some(Ordering::Greater) {
                let args = Args::none()
                    .with("channel", &ch.id)
                    .with("action", a.number)
                    .with("deadline", own.describe(sink.lang))
                    .with("term", term.describe(sink.lang));
                sink.emit("W0502.exceeds_term", a.at, a.line, args);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(milli: u64, unit: &'static str) -> Quantity {
        Quantity { value: milli as f64 / 1000.0, unit, milli }
    }

    #[test]
    fn totals_keep_calendar_and_working_days_apart() {
        let mut t = Total::default();
        t.add(&q(15_000, "day"));
        t.add(&q(1500, "minute"));
        t.add(&q(30_000, "second"));
        assert_eq!(t.describe(Lang::En), "15 calendar days + 2 min");
        assert_eq!(t.describe(Lang::Kk), "15 күнтізбелік күн + 2 мин");
        let working = Total::of(&q(3000, "working_day"));
        assert_eq!(t.compare(&working), None);
        assert_eq!(Total::of(&q(10_000, "minute")).compare(&working), Some(Ordering::Less));
        assert_eq!(Total::of(&q(1500, "working_day")).describe(Lang::Ru), "1,5 раб. дн.");
    }
}
