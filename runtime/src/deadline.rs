//! Deadlines as typed values, and when they fall due on a working-day
//! calendar.

use std::fmt;

use crate::calendar::{Calendar, Caveat};
use crate::civil::{Date, LocalDateTime};

/// A unit of time, as the regulations use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// Seconds.
    Second,
    /// Minutes.
    Minute,
    /// Hours.
    Hour,
    /// Days, where the regulation does not say calendar or working.
    Day,
    /// Working days.
    WorkingDay,
    /// Calendar days.
    CalendarDay,
    /// Months.
    Month,
}

impl Unit {
    /// The length of one unit in seconds, for units of clock time; `None` for
    /// days and months, whose length depends on the calendar.
    pub const fn seconds(self) -> Option<u64> {
        match self {
            Unit::Second => Some(1),
            Unit::Minute => Some(60),
            Unit::Hour => Some(3600),
            _ => None,
        }
    }

    /// The unit's name in English, singular.
    pub const fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::WorkingDay => "working day",
            Unit::CalendarDay => "calendar day",
            Unit::Month => "month",
        }
    }
}

/// An amount of a unit; the value is kept in thousandths so that «1,5 минут» is exact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Quantity {
    /// The amount × 1000.
    pub milli: u64,
    /// The unit.
    pub unit: Unit,
}

impl Quantity {
    /// The quantity in whole milliseconds, for units of clock time.
    pub const fn as_millis(self) -> Option<u64> {
        match self.unit.seconds() {
            Some(s) => Some(self.milli.saturating_mul(s)),
            None => None,
        }
    }
}

impl fmt::Display for Quantity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let whole = self.milli / 1000;
        let frac = self.milli % 1000;
        if frac == 0 {
            write!(f, "{whole}")?;
        } else {
            let digits = format!("{frac:03}");
            write!(f, "{whole}.{}", digits.trim_end_matches('0'))?;
        }
        let plural = if self.milli == 1000 { "" } else { "s" };
        write!(f, " {}{plural}", self.unit.name())
    }
}

/// How a deadline bounds the time of an action.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Bound {
    /// At most the maximum.
    AtMost,
    /// Within the maximum.
    Within,
    /// Between the minimum and the maximum.
    Range,
    /// A plain duration, taken as the maximum.
    Plain,
}

/// A deadline: the regulation's words and what they mean.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Deadline {
    /// The deadline cell, verbatim (or the analyst's reading of it).
    pub text: &'static str,
    /// How it bounds the time.
    pub bound: Bound,
    /// The minimum, for ranges.
    pub min: Option<Quantity>,
    /// The maximum.
    pub max: Quantity,
    /// The maximum in exceptional cases («в исключительных случаях до 6 мес.»).
    pub exceptional_max: Option<Quantity>,
    /// How its days count: the compiler read it from the document's words.
    pub days: DayCount,
    /// When it starts counting: the compiler read it from the document's words.
    pub start: TermStart,
    /// When the deadline applies («в случае отправки на электронную почту»).
    pub condition: Option<&'static str>,
    /// Exclusions from the term and other remarks, verbatim, for people to
    /// read: the runtime never interprets them.
    pub remarks: &'static [&'static str],
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.bound, self.min) {
            (Bound::Range, Some(min)) => write!(f, "from {min} to {}", self.max),
            (Bound::Plain, _) => write!(f, "{}", self.max),
            _ => write!(f, "at most {}", self.max),
        }
    }
}

/// How a deadline in days counts them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayCount {
    /// Every day counts.
    Calendar,
    /// Only working days of the calendar count.
    Working,
}

/// When a term starts counting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermStart {
    /// When the step starts.
    StepStart,
    /// On the first working day after the day the step starts, which the
    /// document excludes from the term («день приема … не входит в срок»);
    /// the term then runs to the end of its last day.
    NextWorkingDay,
}

/// Which of a deadline's quantities to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Which {
    /// The minimum of a range (the maximum when there is none).
    Min,
    /// The maximum: the ordinary deadline.
    Max,
    /// The maximum in exceptional cases (the maximum when there is none).
    Exceptional,
}

/// When a term is due, and why that may be wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Due {
    /// The last moment that is still on time.
    pub at: LocalDateTime,
    /// Why the calendar may have got it wrong (unknown transfers, years
    /// without data, tentative dates); empty when it is certain.
    pub caveats: Vec<Caveat>,
}

/// A due time that cannot be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeadlineError {
    /// The result would be beyond the year 9999.
    OutOfRange,
    /// The calendar has no working day within ten years of this date.
    NoWorkingDay(Date),
}

impl fmt::Display for DeadlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DeadlineError::OutOfRange => write!(f, "the due time would be beyond the year 9999"),
            DeadlineError::NoWorkingDay(d) => {
                write!(f, "the calendar has no working day in the ten years after {d}; check its data")
            }
        }
    }
}

impl std::error::Error for DeadlineError {}

impl Deadline {
    /// How the deadline's days count (months are calendar months).
    pub const fn day_count(&self) -> DayCount {
        self.days
    }

    /// Whether the day of reception is excluded from the term: then the
    /// count starts on the next working day and the term runs to the end of
    /// its last day.
    pub const fn excludes_reception_day(&self) -> bool {
        matches!(self.start, TermStart::NextWorkingDay)
    }

    /// The quantity for `which`.
    pub fn quantity(&self, which: Which) -> Quantity {
        match which {
            Which::Min => self.min.unwrap_or(self.max),
            Which::Max => self.max,
            Which::Exceptional => self.exceptional_max.unwrap_or(self.max),
        }
    }

    /// When an action started at `start` is due under this deadline.
    ///
    /// - Seconds, minutes, hours: added to `start`.
    /// - Calendar days: added to `start` as 24-hour days.
    /// - Working days: the `n`-th working day after `start`'s date, at
    ///   `start`'s time of day.
    /// - Months: the same day `n` months later (or the month's last day).
    /// - With the reception day excluded: the count starts on the first
    ///   working day after `start`'s date, and the term ends at 23:59:59 of
    ///   its `n`-th day (working or calendar).
    ///
    /// Fractions of days or months are rounded up to whole units; fractions
    /// of clock units are kept to the second (rounded up).
    pub fn due(&self, start: LocalDateTime, calendar: &Calendar, which: Which) -> Result<Due, DeadlineError> {
        let quantity = self.quantity(which);
        let due = self.due_unchecked(start, calendar, quantity)?;
        if !(1..=9999).contains(&due.at.date().year()) {
            return Err(DeadlineError::OutOfRange);
        }
        Ok(due)
    }

    fn due_unchecked(
        &self,
        start: LocalDateTime,
        calendar: &Calendar,
        quantity: Quantity,
    ) -> Result<Due, DeadlineError> {
        if let Some(millis) = quantity.as_millis() {
            return clock_due(start, millis);
        }
        let whole = quantity.milli.div_ceil(1000);
        if whole > MAX_DAYS {
            return Err(DeadlineError::OutOfRange);
        }
        let whole = whole as u32;
        if self.excludes_reception_day() {
            return self.due_excluding_reception(start, calendar, quantity.unit, whole);
        }
        let at = match (quantity.unit, self.day_count()) {
            (Unit::Month, _) => start.on(start.date().add_months(whole).ok_or(DeadlineError::OutOfRange)?),
            (_, DayCount::Working) => start.on(add_working(calendar, start.date(), whole)?),
            (_, DayCount::Calendar) => {
                let secs = i64::try_from(quantity.milli.saturating_mul(86_400).div_ceil(1000));
                start.add_seconds(secs.map_err(|_| DeadlineError::OutOfRange)?)
            }
        };
        let caveats = match self.day_count() {
            DayCount::Working => calendar.caveats(start.date(), at.date()),
            DayCount::Calendar => Vec::new(),
        };
        Ok(Due { at, caveats })
    }

    fn due_excluding_reception(
        &self,
        start: LocalDateTime,
        calendar: &Calendar,
        unit: Unit,
        whole: u32,
    ) -> Result<Due, DeadlineError> {
        let first = add_working(calendar, start.date(), 1)?;
        let last = match (unit, self.day_count()) {
            (_, _) if whole == 0 => start.date(),
            (Unit::Month, _) => first.add_months(whole).ok_or(DeadlineError::OutOfRange)?.add_days(-1),
            (_, DayCount::Working) => add_working(calendar, first, whole - 1)?,
            (_, DayCount::Calendar) => first.add_days(i32::try_from(whole - 1).map_err(|_| DeadlineError::OutOfRange)?),
        };
        Ok(Due { at: LocalDateTime::end_of_day(last), caveats: calendar.caveats(start.date(), last) })
    }
}

/// The most days (or months) a deadline may count: about a century of days,
/// far beyond any regulation, so that bad data fails fast instead of
/// counting working days for ever.
const MAX_DAYS: u64 = 36_600;

fn clock_due(start: LocalDateTime, millis: u64) -> Result<Due, DeadlineError> {
    let secs = i64::try_from(millis.div_ceil(1000)).map_err(|_| DeadlineError::OutOfRange)?;
    Ok(Due { at: start.add_seconds(secs), caveats: Vec::new() })
}

fn add_working(calendar: &Calendar, date: Date, n: u32) -> Result<Date, DeadlineError> {
    calendar.add_working_days(date, n).ok_or(DeadlineError::NoWorkingDay(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn deadline(text: &'static str, max: Quantity, days: DayCount, start: TermStart) -> Deadline {
        Deadline {
            text,
            bound: Bound::Plain,
            min: None,
            max,
            exceptional_max: None,
            days,
            start,
            condition: None,
            remarks: &[],
        }
    }

    fn q(milli: u64, unit: Unit) -> Quantity {
        Quantity { milli, unit }
    }

    fn t(text: &str) -> LocalDateTime {
        LocalDateTime::parse(text).unwrap()
    }

    #[test]
    fn clock_deadlines_add_to_the_time() {
        let cal = Calendar::default();
        let d = deadline("1,5 минут", q(1500, Unit::Minute), DayCount::Calendar, TermStart::StepStart);
        assert_eq!(d.due(t("2024-03-15T10:00"), &cal, Which::Max).unwrap().at, t("2024-03-15T10:01:30"));
    }

    #[test]
    fn the_preschool_queue_term_excludes_the_day_of_reception() {
        // «3 дня (день приема и день выдачи документов не входит в срок …)»,
        // received on the Friday before Nauryz 2024: the count starts on
        // Monday 18 March and runs three calendar days.
        let cal = Calendar::kazakhstan().unwrap();
        let d = deadline("3 дня (день приема …)", q(3000, Unit::Day), DayCount::Calendar, TermStart::NextWorkingDay);
        assert!(d.excludes_reception_day());
        assert_eq!(d.day_count(), DayCount::Calendar);
        let due = d.due(t("2024-03-15T16:00"), &cal, Which::Max).unwrap();
        assert_eq!(due.at, t("2024-03-20T23:59:59"));
        assert!(due.caveats.is_empty(), "{:?}", due.caveats);
    }

    #[test]
    fn working_days_across_nauryz() {
        // Nauryz 21–23 March 2024 (Thu–Sat) and Monday 25 replacing Saturday 23.
        let cal = Calendar::kazakhstan().unwrap();
        let d = deadline(
            "5 рабочих дней (день приема не входит в срок)",
            q(5000, Unit::WorkingDay),
            DayCount::Working,
            TermStart::NextWorkingDay,
        );
        assert_eq!(d.day_count(), DayCount::Working);
        assert_eq!(d.due(t("2024-03-15T16:00"), &cal, Which::Max).unwrap().at, t("2024-03-27T23:59:59"));
        let plain = deadline("5 рабочих дней", q(5000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        assert_eq!(plain.due(t("2024-03-15T16:00"), &cal, Which::Max).unwrap().at, t("2024-03-27T16:00"));
    }

    #[test]
    fn working_days_across_new_year_and_a_transferred_saturday() {
        let cal = Calendar::kazakhstan().unwrap();
        let d = deadline("2 рабочих дня", q(2000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        // 1–2 January 2022 on a weekend: 3 and 4 January are days off.
        assert_eq!(d.due(t("2021-12-30T09:30"), &cal, Which::Max).unwrap().at, t("2022-01-05T09:30"));
        // Saturday 3 March 2018 was a working day (its day off moved to 9 March).
        assert_eq!(d.due(t("2018-03-01T09:30"), &cal, Which::Max).unwrap().at, t("2018-03-03T09:30"));
    }

    #[test]
    fn calendar_days_and_months() {
        let cal = Calendar::kazakhstan().unwrap();
        let days = deadline("15 күн", q(15000, Unit::Day), DayCount::Calendar, TermStart::StepStart);
        assert_eq!(days.due(t("2024-12-20T10:00"), &cal, Which::Max).unwrap().at, t("2025-01-04T10:00"));
        let range = Deadline {
            text: "От 15 до 30 календарных дней (в исключительных случаях до 6 мес.)",
            bound: Bound::Range,
            min: Some(q(15000, Unit::CalendarDay)),
            max: q(30000, Unit::CalendarDay),
            exceptional_max: Some(q(6000, Unit::Month)),
            days: DayCount::Calendar,
            start: TermStart::StepStart,
            condition: None,
            remarks: &[],
        };
        let start = t("2024-08-31T12:00");
        assert_eq!(range.due(start, &cal, Which::Min).unwrap().at, t("2024-09-15T12:00"));
        assert_eq!(range.due(start, &cal, Which::Max).unwrap().at, t("2024-09-30T12:00"));
        assert_eq!(range.due(start, &cal, Which::Exceptional).unwrap().at, t("2025-02-28T12:00"));
    }

    #[test]
    fn absurd_quantities_are_errors_not_panics() {
        let cal = Calendar::kazakhstan().unwrap();
        for unit in [Unit::Second, Unit::Hour, Unit::Day, Unit::WorkingDay, Unit::Month] {
            let d = deadline("∞", q(u64::MAX, unit), DayCount::Working, TermStart::StepStart);
            assert_eq!(d.due(t("2024-01-01T00:00"), &cal, Which::Max), Err(DeadlineError::OutOfRange), "{unit:?}");
        }
    }

    #[test]
    fn unknown_years_are_flagged_not_refused() {
        let cal = Calendar::kazakhstan().unwrap();
        let d = deadline("10 рабочих дней", q(10000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        let due = d.due(t("2027-12-24T10:00"), &cal, Which::Max).unwrap();
        assert!(due.caveats.contains(&Caveat::TransfersNotKnown { year: 2027, status: "unknown" }));
        assert!(due.caveats.contains(&Caveat::YearNotCovered(2028)));
    }
}
