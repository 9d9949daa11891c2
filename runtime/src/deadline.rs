//! Deadlines as typed values.

use std::fmt;

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
            Some(s) => Some(self.milli * s),
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
    /// When the deadline applies («в случае отправки на электронную почту»).
    pub condition: Option<&'static str>,
    /// Exclusions from the term and other remarks, verbatim.
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
