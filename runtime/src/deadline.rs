//! Deadlines as typed values, and when they fall due on a working-day
//! calendar.

use std::fmt;

use crate::calendar::{Calendar, Caveat};
use crate::civil::{Date, LocalDateTime};
use crate::hours::Hours;

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

/// When a term starts counting: read by the compiler from the document's
/// words, applied here. Terms in days begin on the day after their event
/// (Civil Code, art. 170), so the day of the event itself is never counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TermStart {
    /// When the step starts: a step's own deadline, where the document says
    /// nothing else.
    StepStart,
    /// When the application was received, the case's start («с момента
    /// обращения», «өтініш жасаған уақытынан бастап»).
    Receipt,
    /// On the first working day after the day the application was received,
    /// which the document excludes from the term («день приема … не входит
    /// в срок», «қабылдау … күні … кірмейді»).
    NextWorkingDay,
}

/// The moments a term may count from: the case's receipt and the step's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchors {
    /// When the application was received: the case's start.
    pub receipt: LocalDateTime,
    /// When the step began.
    pub step: LocalDateTime,
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
    /// The calendar (or the working hours) has no working day within ten
    /// years of this date.
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

/// What a deadline means for counting, without its words: what a running
/// case needs to compute due times, and what the engine keeps of each
/// edition of a regulation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Term {
    /// How it bounds the time.
    pub bound: Bound,
    /// The minimum, for ranges.
    pub min: Option<Quantity>,
    /// The maximum.
    pub max: Quantity,
    /// The maximum in exceptional cases.
    pub exceptional_max: Option<Quantity>,
    /// How its days count.
    pub days: DayCount,
    /// When it starts counting.
    pub start: TermStart,
}

impl Deadline {
    /// How the deadline's days count (months are calendar months).
    pub const fn day_count(&self) -> DayCount {
        self.days
    }

    /// Whether the day of reception is excluded from the term: then the
    /// count starts on the first working day after it.
    pub const fn excludes_reception_day(&self) -> bool {
        matches!(self.start, TermStart::NextWorkingDay)
    }

    /// What the deadline means for counting.
    pub const fn term(&self) -> Term {
        Term {
            bound: self.bound,
            min: self.min,
            max: self.max,
            exceptional_max: self.exceptional_max,
            days: self.days,
            start: self.start,
        }
    }

    /// The quantity for `which`.
    pub fn quantity(&self, which: Which) -> Quantity {
        self.term().quantity(which)
    }

    /// When this deadline is due; see [`Term::due`].
    pub fn due(&self, from: Anchors, calendar: &Calendar, hours: &Hours, which: Which) -> Result<Due, DeadlineError> {
        self.term().due(from, calendar, hours, which)
    }
}

impl Term {
    /// The quantity for `which`.
    pub fn quantity(&self, which: Which) -> Quantity {
        match which {
            Which::Min => self.min.unwrap_or(self.max),
            Which::Max => self.max,
            Which::Exceptional => self.exceptional_max.unwrap_or(self.max),
        }
    }

    /// When the term is due, counted from `from` by its start, on
    /// `calendar`, for someone who works `hours` (docs/deadlines.md has each
    /// rule with its legal basis and an example):
    ///
    /// - Seconds, minutes, hours count working time only: the time within
    ///   `hours` on working days (around the clock, every moment counts).
    /// - Days, working days and months begin on the day after their event
    ///   (Civil Code, art. 170) — with [`TermStart::NextWorkingDay`], on the
    ///   first working day after the day of receipt. Working days count the
    ///   calendar's working days; days and calendar days count every day; a
    ///   term in months ends on the same date of its last month, or that
    ///   month's last day (art. 171).
    /// - A term in days whose last day is not a working day ends on the next
    ///   working day (art. 172), at the close of that day's `hours` (art. 173).
    ///
    /// Fractions of days or months are rounded up to whole units; fractions
    /// of clock units are kept to the second (rounded up).
    pub fn due(&self, from: Anchors, calendar: &Calendar, hours: &Hours, which: Which) -> Result<Due, DeadlineError> {
        let quantity = self.quantity(which);
        let due = match quantity.as_millis() {
            Some(millis) => self.clock_due(from, calendar, hours, millis)?,
            None => self.day_due(from, calendar, hours, quantity)?,
        };
        if !(1..=9999).contains(&due.at.date().year()) {
            return Err(DeadlineError::OutOfRange);
        }
        Ok(due)
    }

    /// The moment the term's event happened.
    fn event(&self, from: Anchors) -> LocalDateTime {
        match self.start {
            TermStart::StepStart => from.step,
            TermStart::Receipt | TermStart::NextWorkingDay => from.receipt,
        }
    }

    fn clock_due(&self, from: Anchors, calendar: &Calendar, hours: &Hours, millis: u64) -> Result<Due, DeadlineError> {
        let secs = i64::try_from(millis.div_ceil(1000)).map_err(|_| DeadlineError::OutOfRange)?;
        let event = self.event(from);
        let counted_from = match self.start {
            TermStart::NextWorkingDay => {
                let day = add_working(calendar, event.date(), 1)?;
                hours.next_open(calendar, LocalDateTime::start_of_day(day))?
            }
            TermStart::StepStart | TermStart::Receipt => event,
        };
        let at = hours.add(calendar, counted_from, secs)?;
        Ok(Due { at, caveats: calendar.caveats(event.date(), at.date()) })
    }

    fn day_due(
        &self,
        from: Anchors,
        calendar: &Calendar,
        hours: &Hours,
        quantity: Quantity,
    ) -> Result<Due, DeadlineError> {
        let whole = quantity.milli.div_ceil(1000);
        if whole > MAX_DAYS {
            return Err(DeadlineError::OutOfRange);
        }
        let whole = whole as u32;
        let event = self.event(from).date();
        // The day before the first counted day: the event's day, or the day
        // before the first working day after the day of receipt.
        let before_first = match self.start {
            TermStart::NextWorkingDay => add_working(calendar, event, 1)?.add_days(-1),
            TermStart::StepStart | TermStart::Receipt => event,
        };
        let last = match (quantity.unit, self.days) {
            (Unit::Month, _) => before_first.add_months(whole).ok_or(DeadlineError::OutOfRange)?,
            (_, DayCount::Working) => add_working(calendar, before_first, whole)?,
            (_, DayCount::Calendar) => before_first.add_days(whole as i32),
        };
        let last = if calendar.is_working_day(last) { last } else { add_working(calendar, last, 1)? };
        Ok(Due { at: hours.close(last), caveats: calendar.caveats(event, last) })
    }
}

/// The most days (or months) a deadline may count: about a century of days,
/// far beyond any regulation, so that bad data fails fast instead of
/// counting working days for ever.
const MAX_DAYS: u64 = 36_600;

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

    /// A step that began at `step` of a case received at the same moment.
    fn at(step: &str) -> Anchors {
        Anchors { receipt: t(step), step: t(step) }
    }

    fn kz() -> Calendar {
        Calendar::kazakhstan().unwrap()
    }

    fn office() -> Hours {
        Hours::office()
    }

    #[test]
    fn clock_deadlines_count_working_time() {
        let cal = kz();
        let d = deadline("1,5 минут", q(1500, Unit::Minute), DayCount::Calendar, TermStart::StepStart);
        let due = |from: &str, hours: &Hours| d.due(at(from), &cal, hours, Which::Max).unwrap().at;
        assert_eq!(due("2024-03-15T10:00", &office()), t("2024-03-15T10:01:30"));
        let fifteen = deadline("Не более 15 минут", q(15_000, Unit::Minute), DayCount::Calendar, TermStart::StepStart);
        let due15 = |from: &str, hours: &Hours| fifteen.due(at(from), &cal, hours, Which::Max).unwrap().at;
        // Started at 17:55 on a Friday: ten of the fifteen minutes fall on Monday morning.
        assert_eq!(due15("2024-03-01T17:55", &office()), t("2024-03-04T09:10"));
        // Started at 23:55 on Nauryz: counted from the next working day's opening.
        assert_eq!(due15("2024-03-21T23:55", &office()), t("2024-03-26T09:15"));
        // An information system works around the clock.
        assert_eq!(due15("2024-03-21T23:55", &Hours::around_the_clock()), t("2024-03-22T00:10"));
    }

    #[test]
    fn the_preschool_queue_term_excludes_the_day_of_reception() {
        // «3 дня (день приема и день выдачи документов не входит в срок …)»,
        // received on the Friday before Nauryz 2024: the count starts on
        // Monday 18 March and runs three calendar days, to the close of 20 March.
        let cal = kz();
        let d = deadline("3 дня (день приема …)", q(3000, Unit::Day), DayCount::Calendar, TermStart::NextWorkingDay);
        assert!(d.excludes_reception_day());
        assert_eq!(d.day_count(), DayCount::Calendar);
        let due = d.due(at("2024-03-15T16:00"), &cal, &office(), Which::Max).unwrap();
        assert_eq!(due.at, t("2024-03-20T18:00"));
        assert!(due.caveats.is_empty(), "{:?}", due.caveats);
    }

    #[test]
    fn the_day_of_reception_is_the_day_the_application_was_received() {
        // Received on Friday 15 March 2024; the step with «Три рабочих дня
        // (день приема … не входят в срок)» began on Tuesday 19 March. The
        // three working days are 18, 19 and 20 March, counted from the
        // reception, not from the step.
        let cal = kz();
        let d =
            deadline("Три рабочих дня (…)", q(3000, Unit::WorkingDay), DayCount::Working, TermStart::NextWorkingDay);
        let from = Anchors { receipt: t("2024-03-15T16:00"), step: t("2024-03-19T11:00") };
        assert_eq!(d.due(from, &cal, &office(), Which::Max).unwrap().at, t("2024-03-20T18:00"));
        // A step's own deadline counts from the step.
        let own = deadline("3 рабочих дня", q(3000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        assert_eq!(own.due(from, &cal, &office(), Which::Max).unwrap().at, t("2024-03-27T18:00"));
        // «с момента обращения»: from the receipt, without excluding anything
        // but the day of the event itself (Civil Code, art. 170).
        let receipt = deadline("3 рабочих дня", q(3000, Unit::WorkingDay), DayCount::Working, TermStart::Receipt);
        assert_eq!(receipt.due(from, &cal, &office(), Which::Max).unwrap().at, t("2024-03-20T18:00"));
    }

    #[test]
    fn working_days_across_nauryz_end_at_the_close_of_the_last_day() {
        // Nauryz 21–23 March 2024 (Thu–Sat) and Monday 25 replacing Saturday 23.
        let cal = kz();
        let d = deadline(
            "5 рабочих дней (день приема не входит в срок)",
            q(5000, Unit::WorkingDay),
            DayCount::Working,
            TermStart::NextWorkingDay,
        );
        assert_eq!(d.day_count(), DayCount::Working);
        assert_eq!(d.due(at("2024-03-15T16:00"), &cal, &office(), Which::Max).unwrap().at, t("2024-03-27T18:00"));
        let plain = deadline("5 рабочих дней", q(5000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        assert_eq!(plain.due(at("2024-03-15T16:00"), &cal, &office(), Which::Max).unwrap().at, t("2024-03-27T18:00"));
    }

    #[test]
    fn working_days_across_new_year_and_a_transferred_saturday() {
        let cal = kz();
        let d = deadline("2 рабочих дня", q(2000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        let due = |from: &str| d.due(at(from), &cal, &office(), Which::Max).unwrap().at;
        // 1–2 January 2022 on a weekend: 3 and 4 January are days off.
        assert_eq!(due("2021-12-30T09:30"), t("2022-01-05T18:00"));
        // Saturday 3 March 2018 was a working day (its day off moved to 9 March).
        assert_eq!(due("2018-03-01T09:30"), t("2018-03-03T18:00"));
    }

    #[test]
    fn a_term_in_days_ending_on_a_day_off_ends_on_the_next_working_day() {
        let cal = kz();
        let days = deadline("15 күн", q(15_000, Unit::Day), DayCount::Calendar, TermStart::StepStart);
        let due = |from: &str| days.due(at(from), &cal, &office(), Which::Max).unwrap().at;
        // From 20 December 2024, the 15th day is Saturday 4 January 2025;
        // the next working day is Sunday 5 January, a working day by
        // transfer (its day off moved to Friday 3 January).
        assert_eq!(due("2024-12-20T10:00"), t("2025-01-05T18:00"));
        // From 18 December 2023, the 15th day is Tuesday 2 January 2024, a
        // holiday: Wednesday 3 January.
        assert_eq!(due("2023-12-18T10:00"), t("2024-01-03T18:00"));
        // From 6 March 2024, the 15th day is Thursday 21 March, Nauryz: the
        // term ends on Tuesday 26 March, not during the holiday.
        assert_eq!(due("2024-03-06T10:00"), t("2024-03-26T18:00"));
        // A last day that is a working day stays.
        assert_eq!(due("2024-03-01T10:00"), t("2024-03-18T18:00"));
    }

    #[test]
    fn calendar_days_and_months() {
        let cal = kz();
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
        let start = at("2024-08-31T12:00");
        // 15 September is a Sunday: Monday 16th.
        assert_eq!(range.due(start, &cal, &office(), Which::Min).unwrap().at, t("2024-09-16T18:00"));
        assert_eq!(range.due(start, &cal, &office(), Which::Max).unwrap().at, t("2024-09-30T18:00"));
        // Six months from 31 August: 28 February 2025, a Friday.
        assert_eq!(range.due(start, &cal, &office(), Which::Exceptional).unwrap().at, t("2025-02-28T18:00"));
        assert_eq!(range.term().quantity(Which::Exceptional), q(6000, Unit::Month));
    }

    #[test]
    fn absurd_quantities_are_errors_not_panics() {
        let cal = kz();
        for unit in [Unit::Second, Unit::Hour, Unit::Day, Unit::WorkingDay, Unit::Month] {
            let d = deadline("∞", q(u64::MAX, unit), DayCount::Working, TermStart::StepStart);
            for hours in [office(), Hours::around_the_clock()] {
                let due = d.due(at("2024-01-01T00:00"), &cal, &hours, Which::Max);
                assert_eq!(due, Err(DeadlineError::OutOfRange), "{unit:?}");
            }
        }
    }

    #[test]
    fn unknown_years_are_flagged_not_refused() {
        let cal = kz();
        let d = deadline("10 рабочих дней", q(10000, Unit::WorkingDay), DayCount::Working, TermStart::StepStart);
        let due = d.due(at("2027-12-24T10:00"), &cal, &office(), Which::Max).unwrap();
        assert!(due.caveats.contains(&Caveat::TransfersNotKnown { year: 2027, status: "unknown" }));
        assert!(due.caveats.contains(&Caveat::YearNotCovered(2028)));
    }
}
