//! Civil dates and times, without time zones.
//!
//! Regulations count time in the civil time of the place where the service is
//! given, and Kazakhstan's working-day calendar is a list of civil dates. So
//! the runtime keeps *local civil* date-times — no offsets, no zone database —
//! and leaves the choice of "now" to the caller. The arithmetic is the
//! proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`), written
//! here so that the runtime stays dependency-free.

use std::fmt;

/// A day of the week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    /// Monday.
    Monday,
    /// Tuesday.
    Tuesday,
    /// Wednesday.
    Wednesday,
    /// Thursday.
    Thursday,
    /// Friday.
    Friday,
    /// Saturday.
    Saturday,
    /// Sunday.
    Sunday,
}

impl Weekday {
    /// Whether the day is a weekly day off of the five-day working week.
    pub const fn is_weekend(self) -> bool {
        matches!(self, Weekday::Saturday | Weekday::Sunday)
    }
}

/// The first and last years a [`Date`] may have; outside them the text form
/// would not be four digits.
const MIN_YEAR: i32 = 1;
const MAX_YEAR: i32 = 9999;

/// A date of the proleptic Gregorian calendar, kept as days since 1970-01-01.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    days: i32,
}

/// Whether `year` is a leap year.
pub const fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// The number of days of a month, or 0 for a month number out of range.
pub const fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The date `year-month-day`, if it exists and the year has four digits.
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (MIN_YEAR..=MAX_YEAR).contains(&year) && day >= 1 && day <= days_in_month(year, month);
        valid.then(|| Date { days: days_from_civil(year, month, day) })
    }

    /// The date `year-month-day` for constant data that the compiler has
    /// checked: out-of-range parts are clamped (month to 1–12, day to the
    /// month's length, year to 1–9999) rather than refused, so that it can be
    /// a `const fn`.
    pub const fn from_ymd(year: i32, month: u32, day: u32) -> Date {
        let year = if year < MIN_YEAR {
            MIN_YEAR
        } else if year > MAX_YEAR {
            MAX_YEAR
        } else {
            year
        };
        let month = if month < 1 {
            1
        } else if month > 12 {
            12
        } else {
            month
        };
        let last = days_in_month(year, month);
        let day = if day < 1 {
            1
        } else if day > last {
            last
        } else {
            day
        };
        Date { days: days_from_civil(year, month, day) }
    }

    /// The date `days` days after 1970-01-01 (before it when negative).
    pub const fn from_days_since_epoch(days: i32) -> Date {
        Date { days }
    }

    /// Days since 1970-01-01.
    pub const fn days_since_epoch(self) -> i32 {
        self.days
    }

    /// The year, month (1–12) and day (1–31).
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.days)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday.
        const FROM_THURSDAY: [Weekday; 7] = [
            Weekday::Thursday,
            Weekday::Friday,
            Weekday::Saturday,
            Weekday::Sunday,
            Weekday::Monday,
            Weekday::Tuesday,
            Weekday::Wednesday,
        ];
        FROM_THURSDAY[self.days.rem_euclid(7) as usize]
    }

    /// The date `n` days later (earlier when negative).
    pub fn add_days(self, n: i32) -> Date {
        Date { days: self.days.saturating_add(n) }
    }

    /// The next day.
    pub fn succ(self) -> Date {
        self.add_days(1)
    }

    /// The same day `n` months later, or the month's last day when the month
    /// is shorter (31 January + 1 month = 28 or 29 February).
    pub fn add_months(self, n: u32) -> Option<Date> {
        let (y, m, d) = self.ymd();
        let index = i64::from(y) * 12 + i64::from(m - 1) + i64::from(n);
        let year = i32::try_from(index.div_euclid(12)).ok()?;
        let month = (index.rem_euclid(12) + 1) as u32;
        Date::new(year, month, d.min(days_in_month(year, month)))
    }

    /// Reads `YYYY-MM-DD`.
    pub fn parse(text: &str) -> Result<Date, ParseTimeError> {
        let bad = || ParseTimeError::new(text, "a date written YYYY-MM-DD");
        let b = text.as_bytes();
        if !text.is_ascii() || b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let year = digits(&text[0..4]).ok_or_else(bad)?;
        let month = digits(&text[5..7]).ok_or_else(bad)?;
        let day = digits(&text[8..10]).ok_or_else(bad)?;
        Date::new(year as i32, month, day).ok_or_else(|| ParseTimeError::new(text, "a date that exists"))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl fmt::Debug for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// Parses a run of ASCII digits (no sign, no spaces).
fn digits(text: &str) -> Option<u32> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// Days since 1970-01-01 of a valid civil date (Hinnant's algorithm).
const fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = month as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count (Hinnant's algorithm), in 64-bit
/// arithmetic so that no day count can overflow it.
fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = i64::from(days) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year as i32, month, day)
}

/// Seconds in a day.
pub const SECONDS_PER_DAY: i64 = 86_400;

/// A local civil date and time to the second, without a time zone.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    /// Seconds since 1970-01-01T00:00:00 local time.
    secs: i64,
}

impl LocalDateTime {
    /// The moment `hour:minute:second` of `date`, if those are in range.
    pub fn new(date: Date, hour: u32, minute: u32, second: u32) -> Option<LocalDateTime> {
        (hour < 24 && minute < 60 && second < 60).then(|| {
            let of_day = i64::from(hour * 3600 + minute * 60 + second);
            LocalDateTime { secs: i64::from(date.days) * SECONDS_PER_DAY + of_day }
        })
    }

    /// Midnight at the start of `date`.
    pub fn start_of_day(date: Date) -> LocalDateTime {
        LocalDateTime { secs: i64::from(date.days) * SECONDS_PER_DAY }
    }

    /// The last second of `date` (23:59:59): a term "to the end of the day" is
    /// met by anything done that day.
    pub fn end_of_day(date: Date) -> LocalDateTime {
        LocalDateTime { secs: i64::from(date.days) * SECONDS_PER_DAY + SECONDS_PER_DAY - 1 }
    }

    /// Local time from seconds since the Unix epoch and the local offset from
    /// UTC in seconds (Kazakhstan: +5 h since 1 March 2024).
    pub fn from_unix(unix_secs: i64, offset_secs: i64) -> LocalDateTime {
        LocalDateTime { secs: unix_secs.saturating_add(offset_secs) }
    }

    /// Seconds since 1970-01-01T00:00:00 local time.
    pub const fn seconds(self) -> i64 {
        self.secs
    }

    /// The date.
    pub fn date(self) -> Date {
        let days = self.secs.div_euclid(SECONDS_PER_DAY);
        Date { days: days.clamp(i64::from(i32::MIN), i64::from(i32::MAX)) as i32 }
    }

    /// Seconds since midnight.
    pub fn seconds_of_day(self) -> i64 {
        self.secs.rem_euclid(SECONDS_PER_DAY)
    }

    /// The same time of day on `date`.
    pub fn on(self, date: Date) -> LocalDateTime {
        LocalDateTime { secs: i64::from(date.days) * SECONDS_PER_DAY + self.seconds_of_day() }
    }

    /// The moment `secs` seconds later (earlier when negative).
    pub fn add_seconds(self, secs: i64) -> LocalDateTime {
        LocalDateTime { secs: self.secs.saturating_add(secs) }
    }

    /// Seconds from `earlier` to `self` (negative when `earlier` is later).
    pub fn seconds_since(self, earlier: LocalDateTime) -> i64 {
        self.secs - earlier.secs
    }

    /// Reads `YYYY-MM-DDTHH:MM[:SS]` (a space may replace the `T`) or a bare
    /// `YYYY-MM-DD`, which means midnight.
    pub fn parse(text: &str) -> Result<LocalDateTime, ParseTimeError> {
        let text = text.trim();
        let bad = || ParseTimeError::new(text, "a time written YYYY-MM-DDTHH:MM[:SS] or YYYY-MM-DD");
        if text.len() == 10 {
            return Date::parse(text).map(LocalDateTime::start_of_day);
        }
        if text.len() < 16 || !text.is_char_boundary(10) || !text.is_char_boundary(11) {
            return Err(bad());
        }
        let (date, rest) = (&text[..10], &text[11..]);
        if !matches!(text.as_bytes()[10], b'T' | b' ') {
            return Err(bad());
        }
        let date = Date::parse(date)?;
        let parts: Vec<&str> = rest.split(':').collect();
        let (h, m, s) = match parts.as_slice() {
            [h, m] if h.len() == 2 && m.len() == 2 => (digits(h), digits(m), Some(0)),
            [h, m, s] if h.len() == 2 && m.len() == 2 && s.len() == 2 => (digits(h), digits(m), digits(s)),
            _ => return Err(bad()),
        };
        match (h, m, s) {
            (Some(h), Some(m), Some(s)) => LocalDateTime::new(date, h, m, s).ok_or_else(bad),
            _ => Err(bad()),
        }
    }
}

impl fmt::Display for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.seconds_of_day();
        write!(f, "{}T{:02}:{:02}:{:02}", self.date(), s / 3600, s / 60 % 60, s % 60)
    }
}

impl fmt::Debug for LocalDateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

/// A date or time that could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseTimeError {
    /// The text, shortened to 40 characters.
    pub text: String,
    /// What was expected.
    pub expected: &'static str,
}

impl ParseTimeError {
    fn new(text: &str, expected: &'static str) -> ParseTimeError {
        ParseTimeError { text: text.chars().take(40).collect(), expected }
    }
}

impl fmt::Display for ParseTimeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` is not {}", self.text, self.expected)
    }
}

impl std::error::Error for ParseTimeError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    #[test]
    fn days_round_trip_over_four_centuries() {
        let start = d("1900-01-01").days_since_epoch();
        for days in start..start + 146_097 {
            let date = Date::from_days_since_epoch(days);
            let (y, m, dd) = date.ymd();
            assert_eq!(Date::new(y, m, dd), Some(date));
        }
    }

    #[test]
    fn extreme_values_do_not_overflow() {
        let far = LocalDateTime::start_of_day(d("2024-01-01")).add_seconds(i64::MAX);
        let _ = far.to_string();
        let _ = Date::from_days_since_epoch(i32::MAX).ymd();
        let _ = Date::from_days_since_epoch(i32::MIN).ymd();
    }

    #[test]
    fn weekdays_are_known() {
        assert_eq!(d("1970-01-01").weekday(), Weekday::Thursday);
        assert_eq!(d("2024-03-15").weekday(), Weekday::Friday);
        assert_eq!(d("2000-02-29").weekday(), Weekday::Tuesday);
        assert_eq!(d("1969-12-31").weekday(), Weekday::Wednesday);
    }

    #[test]
    fn months_clamp_to_the_last_day() {
        assert_eq!(d("2024-01-31").add_months(1), Some(d("2024-02-29")));
        assert_eq!(d("2023-01-31").add_months(1), Some(d("2023-02-28")));
        assert_eq!(d("2024-08-15").add_months(6), Some(d("2025-02-15")));
        assert_eq!(d("9999-12-01").add_months(1), None);
    }

    #[test]
    fn bad_dates_are_refused() {
        for bad in
            ["2023-02-29", "2024-13-01", "2024-00-10", "24-01-01", "2024-1-01", "2024-01-01x", "", "２０２４-01-01"]
        {
            assert!(Date::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn times_parse_and_print() {
        let t = LocalDateTime::parse("2024-03-15T10:00").unwrap();
        assert_eq!(t.to_string(), "2024-03-15T10:00:00");
        assert_eq!(LocalDateTime::parse("2024-03-15 23:59:59").unwrap().to_string(), "2024-03-15T23:59:59");
        assert_eq!(LocalDateTime::parse("2024-03-15").unwrap().to_string(), "2024-03-15T00:00:00");
        for bad in ["2024-03-15T24:00", "2024-03-15T10", "2024-03-15X10:00", "2024-03-15T10:00:60", "2024-03-15Tаа:00"]
        {
            assert!(LocalDateTime::parse(bad).is_err(), "{bad}");
        }
    }
}
