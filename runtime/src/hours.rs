//! Working hours: when the people who give a service work, so that a clock
//! limit («не более 15 минут») counts only the time they are at work and a
//! term in days ends when their working day does.
//!
//! Hours are a list of intervals of the day (`09:00-13:00 14:00-18:00`) kept
//! on the calendar's working days, or around the clock, every day. The
//! calendar data names them per provider (`runtime/data/README.md`); the
//! engine picks the hours of whoever performs a step (docs/deadlines.md).

use std::fmt;

use crate::calendar::Calendar;
use crate::civil::{Date, LocalDateTime, SECONDS_PER_DAY};
use crate::deadline::DeadlineError;

/// How far working time may be counted before the data is judged broken
/// (hours that never open) or the quantity absurd: about a century of days.
const SCAN_LIMIT_DAYS: i32 = 36_600;

/// Working hours.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Hours {
    /// Intervals of the day in seconds since midnight, `start < end <=
    /// 86 400`, sorted and apart; empty when around the clock.
    intervals: Vec<(u32, u32)>,
}

impl Hours {
    /// Every moment of every day: information systems, which run unattended.
    pub fn around_the_clock() -> Hours {
        Hours { intervals: Vec::new() }
    }

    /// The hours used when the data names none: 09:00–13:00 and 14:00–18:00
    /// on working days, the Labour Code's normal week of forty hours (five
    /// days of eight) with an hour's lunch.
    pub fn office() -> Hours {
        Hours { intervals: vec![(9 * 3600, 13 * 3600), (14 * 3600, 18 * 3600)] }
    }

    /// Reads `always`, or intervals `HH:MM-HH:MM` separated by spaces, in
    /// order and apart (`24:00` may end the last one).
    pub fn parse(text: &str) -> Result<Hours, String> {
        let text = text.trim();
        if text == "always" {
            return Ok(Hours::around_the_clock());
        }
        let mut intervals: Vec<(u32, u32)> = Vec::new();
        for part in text.split_whitespace() {
            let bad = || format!("`{part}` is not an interval HH:MM-HH:MM");
            let (from, to) = part.split_once('-').ok_or_else(bad)?;
            let (from, to) = (clock(from).ok_or_else(bad)?, clock(to).ok_or_else(bad)?);
            if from >= to {
                return Err(format!("`{part}` ends before it starts"));
            }
            if intervals.last().is_some_and(|&(_, end)| from < end) {
                return Err(format!("`{part}` overlaps or precedes the interval before it"));
            }
            intervals.push((from, to));
        }
        if intervals.is_empty() {
            return Err("expected `always` or intervals such as `09:00-13:00 14:00-18:00`".to_string());
        }
        Ok(Hours { intervals })
    }

    /// Whether these are the hours of something that never stops.
    pub fn is_around_the_clock(&self) -> bool {
        self.intervals.is_empty()
    }

    /// Whether work is done on `date`: every day around the clock, the
    /// calendar's working days otherwise.
    pub fn works_on(&self, calendar: &Calendar, date: Date) -> bool {
        self.is_around_the_clock() || calendar.is_working_day(date)
    }

    /// The day's intervals as moments, `[start, end)`.
    fn day(&self, date: Date) -> Vec<(LocalDateTime, LocalDateTime)> {
        let midnight = LocalDateTime::start_of_day(date);
        if self.is_around_the_clock() {
            return vec![(midnight, midnight.add_seconds(SECONDS_PER_DAY))];
        }
        let at = |secs: u32| midnight.add_seconds(i64::from(secs));
        self.intervals.iter().map(|&(s, e)| (at(s), at(e))).collect()
    }

    /// The last moment of work on `date`, which must be a day of work: the
    /// end of its last interval, or 23:59:59 around the clock (Civil Code,
    /// art. 173: a term to be met in an organisation ends when its working
    /// day does, otherwise at midnight).
    pub fn close(&self, date: Date) -> LocalDateTime {
        match self.intervals.last() {
            Some(&(_, end)) if end < SECONDS_PER_DAY as u32 => {
                LocalDateTime::start_of_day(date).add_seconds(i64::from(end))
            }
            _ => LocalDateTime::end_of_day(date),
        }
    }

    /// The first moment of work at or after `at`.
    pub fn next_open(&self, calendar: &Calendar, at: LocalDateTime) -> Result<LocalDateTime, DeadlineError> {
        if self.is_around_the_clock() {
            return Ok(at);
        }
        let mut date = at.date();
        for _ in 0..SCAN_LIMIT_DAYS {
            if self.works_on(calendar, date) {
                let open = self.day(date).into_iter().find(|&(_, close)| at < close);
                if let Some((open, _)) = open {
                    return Ok(open.max(at));
                }
            }
            date = date.succ();
        }
        Err(DeadlineError::NoWorkingDay(at.date()))
    }

    /// `secs` seconds of working time after `from`: time outside the hours,
    /// and days that are not working days, do not count. A count that ends
    /// exactly when an interval closes is due at that close.
    pub fn add(&self, calendar: &Calendar, from: LocalDateTime, secs: i64) -> Result<LocalDateTime, DeadlineError> {
        if secs > i64::from(SCAN_LIMIT_DAYS) * SECONDS_PER_DAY {
            return Err(DeadlineError::OutOfRange);
        }
        if self.is_around_the_clock() {
            return Ok(from.add_seconds(secs));
        }
        if secs <= 0 {
            return Ok(from);
        }
        let mut left = secs;
        let mut date = from.date();
        for _ in 0..SCAN_LIMIT_DAYS {
            if self.works_on(calendar, date) {
                for (open, close) in self.day(date) {
                    let start = open.max(from);
                    if start >= close {
                        continue;
                    }
                    let available = close.seconds_since(start);
                    if left <= available {
                        return Ok(start.add_seconds(left));
                    }
                    left -= available;
                }
            }
            date = date.succ();
        }
        Err(DeadlineError::NoWorkingDay(from.date()))
    }
}

impl Default for Hours {
    fn default() -> Self {
        Hours::office()
    }
}

/// `always`, or the intervals: `09:00-13:00 14:00-18:00`.
impl fmt::Display for Hours {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_around_the_clock() {
            return f.write_str("always");
        }
        let hm = |s: u32| format!("{:02}:{:02}", s / 3600, s / 60 % 60);
        let parts: Vec<String> = self.intervals.iter().map(|&(s, e)| format!("{}-{}", hm(s), hm(e))).collect();
        f.write_str(&parts.join(" "))
    }
}

/// Reads `HH:MM` (up to `24:00`) as seconds since midnight.
fn clock(text: &str) -> Option<u32> {
    let (h, m) = text.split_once(':')?;
    if h.len() != 2 || m.len() != 2 || !h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit()) {
        return None;
    }
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    let ok = (h < 24 && m < 60) || (h == 24 && m == 0);
    ok.then_some(h * 3600 + m * 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    #[test]
    fn clock_time_counts_only_working_hours() {
        let cal = Calendar::kazakhstan().unwrap();
        let office = Hours::office();
        // Friday 17:55 + 15 minutes: 5 before the close, 10 on Monday morning.
        assert_eq!(office.add(&cal, t("2024-03-01T17:55"), 900), Ok(t("2024-03-04T09:10")));
        // A count ending at the close is due at the close.
        assert_eq!(office.add(&cal, t("2024-03-01T17:45"), 900), Ok(t("2024-03-01T18:00")));
        // Lunch does not count.
        assert_eq!(office.add(&cal, t("2024-03-04T12:55"), 900), Ok(t("2024-03-04T14:10")));
        // Started late on a holiday (Nauryz, Thursday 21 March 2024): the
        // count starts on Tuesday 26 March, the first working day.
        assert_eq!(office.add(&cal, t("2024-03-21T23:55"), 900), Ok(t("2024-03-26T09:15")));
        // Around the clock, nothing is skipped.
        assert_eq!(Hours::around_the_clock().add(&cal, t("2024-03-21T23:55"), 900), Ok(t("2024-03-22T00:10")));
    }

    #[test]
    fn the_close_and_the_next_opening() {
        let cal = Calendar::kazakhstan().unwrap();
        let office = Hours::office();
        let friday = Date::parse("2024-03-01").unwrap();
        assert_eq!(office.close(friday), t("2024-03-01T18:00"));
        assert_eq!(Hours::around_the_clock().close(friday), t("2024-03-01T23:59:59"));
        assert_eq!(office.next_open(&cal, t("2024-03-01T18:00")), Ok(t("2024-03-04T09:00")));
        assert_eq!(office.next_open(&cal, t("2024-03-04T13:30")), Ok(t("2024-03-04T14:00")));
        assert_eq!(office.next_open(&cal, t("2024-03-04T10:30")), Ok(t("2024-03-04T10:30")));
    }

    #[test]
    fn hours_parse_and_print() {
        assert_eq!(Hours::parse("09:00-13:00 14:00-18:00"), Ok(Hours::office()));
        assert_eq!(Hours::office().to_string(), "09:00-13:00 14:00-18:00");
        assert_eq!(Hours::parse("always").unwrap().to_string(), "always");
        assert_eq!(
            Hours::parse("00:00-24:00").unwrap().close(Date::parse("2024-01-01").unwrap()),
            t("2024-01-01T23:59:59")
        );
        for bad in ["", "9:00-18:00", "18:00-09:00", "09:00-13:00 12:00-18:00", "09:00-24:30", "x"] {
            assert!(Hours::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn absurd_counts_are_errors_not_endless_loops() {
        let cal = Calendar::kazakhstan().unwrap();
        assert_eq!(Hours::office().add(&cal, t("2024-01-01T00:00"), i64::MAX), Err(DeadlineError::OutOfRange));
    }
}
