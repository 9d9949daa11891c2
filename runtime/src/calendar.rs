//! Kazakhstan's working-day calendar, kept as data by year.
//!
//! A day is a working day unless it is a weekly day off (Saturday, Sunday:
//! the five-day week government bodies keep), a public holiday, a religious
//! day off, a day off that replaces a holiday falling on a day off, or a day
//! off moved there by a transfer act. A transfer also makes its source day —
//! usually a Saturday — a working day.
//!
//! The data (format: `runtime/data/README.md`) lists, per year, the acts it
//! comes from, the holidays and religious days off, the transfers, and how
//! well the year's transfers are known. Two rules are computed, not written
//! in the data:
//!
//! - A public holiday that falls on a day off (a weekend day or a religious
//!   day off) gives a day off on the next working day after it (Law «О
//!   праздниках в Республике Казахстан», art. 5).
//! - Religious days off (the first day of Kurban ait, Orthodox Christmas on
//!   7 January) are not moved when they fall on a day off (Labour Code 2015,
//!   art. 84 (5)).
//!
//! Transfers apply after these rules, so a transfer may move the replacement
//! day itself (2020: from Monday 11 May to Friday 8 May).
//!
//! The data also says when providers work (`hours` lines, [`Hours`]): the
//! default for everyone and, by participant id, for those who keep other
//! hours.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::fmt::Write as _;

use crate::civil::{Date, LocalDateTime};
use crate::hours::Hours;

/// The built-in data: 2011–2027, see `runtime/data/kz-calendar.txt`.
pub const KAZAKHSTAN_DATA: &str = include_str!("../data/kz-calendar.txt");

/// How far a search for a working day may go before the data is judged
/// broken (every day off): ten years.
const SEARCH_LIMIT_DAYS: i32 = 3660;

/// Whether a year's transfers of days off are known.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TransferStatus {
    /// Every transfer act of the year is in the data (possibly none).
    Known,
    /// The listed transfers are confirmed, but the year may have others.
    Partial,
    /// Not known: the year may have transfers the data does not list.
    Unknown,
}

impl TransferStatus {
    /// The keyword used in the data.
    pub const fn keyword(self) -> &'static str {
        match self {
            TransferStatus::Known => "known",
            TransferStatus::Partial => "partial",
            TransferStatus::Unknown => "unknown",
        }
    }
}

/// The kind of a dated day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HolidayKind {
    /// A national or state holiday: replaced by the next working day when it
    /// falls on a day off.
    Public,
    /// A religious day off: never replaced.
    Religious,
}

/// A holiday or religious day off of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Holiday {
    /// The date.
    pub date: Date,
    /// Public or religious.
    pub kind: HolidayKind,
    /// The name, as written in the data.
    pub name: String,
    /// Whether the date is expected but not confirmed (a `?` after it), as
    /// religious dates announced ahead of the moon sighting are.
    pub tentative: bool,
    /// The data line.
    pub line: usize,
}

/// A transfer of a day off: `from` becomes a working day, `to` a day off.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Transfer {
    /// The day off that becomes a working day.
    pub from: Date,
    /// The working day that becomes a day off.
    pub to: Date,
    /// The data line.
    pub line: usize,
}

/// One year of the data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearData {
    /// The year.
    pub year: i32,
    /// The acts the year's entries come from.
    pub acts: Vec<String>,
    /// How well the transfers are known.
    pub transfers_status: TransferStatus,
    /// Holidays and religious days off, in data order.
    pub holidays: Vec<Holiday>,
    /// Transfers, in data order.
    pub transfers: Vec<Transfer>,
    /// Where the year came from (a file name or "built-in").
    pub origin: String,
}

/// What a day is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DayKind<'a> {
    /// An ordinary working day.
    Working,
    /// A weekly day off made a working day by a transfer.
    WorkingByTransfer(&'a Transfer),
    /// Saturday or Sunday.
    Weekend,
    /// A holiday or religious day off.
    Holiday(&'a Holiday),
    /// The day off replacing a public holiday that fell on a day off.
    Replacement(&'a Holiday),
    /// A working day made a day off by a transfer.
    OffByTransfer(&'a Transfer),
}

impl DayKind<'_> {
    /// Whether work is done that day.
    pub fn is_working(&self) -> bool {
        matches!(self, DayKind::Working | DayKind::WorkingByTransfer(_))
    }
}

/// A reason a computation over the calendar may be wrong.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Caveat {
    /// The calendar has no data for the year: only weekends were counted.
    YearNotCovered(i32),
    /// The year's transfers are not (fully) known.
    TransfersNotKnown {
        /// The year.
        year: i32,
        /// `partial` or `unknown`.
        status: &'static str,
    },
    /// A day off on an expected, unconfirmed date was counted.
    TentativeDate {
        /// The date.
        date: Date,
        /// The day's name.
        name: String,
    },
}

impl fmt::Display for Caveat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Caveat::YearNotCovered(year) => write!(f, "the calendar has no data for {year}: only weekends counted"),
            Caveat::TransfersNotKnown { year, status } => write!(f, "transfers of days off in {year} are {status}"),
            Caveat::TentativeDate { date, name } => write!(f, "{date} ({name}) is an expected, unconfirmed date"),
        }
    }
}

/// Calendar data that cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CalendarError {
    /// The file (or "built-in").
    pub origin: String,
    /// The 1-based line, or 0 when the problem is not on one line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for CalendarError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            0 => write!(f, "calendar {}: {}", self.origin, self.message),
            n => write!(f, "calendar {}, line {n}: {}", self.origin, self.message),
        }
    }
}

impl std::error::Error for CalendarError {}

/// A working-day calendar: the data by year and what follows from it, and
/// the providers' working hours.
#[derive(Debug, Clone, Default)]
pub struct Calendar {
    years: BTreeMap<i32, YearData>,
    /// Days off other than plain weekends, and weekend days made working.
    special: BTreeMap<Date, Special>,
    /// Working hours by provider: `default`, or a participant id.
    hours: BTreeMap<String, Hours>,
}

/// The key of the hours that apply to every provider the data does not name.
pub const DEFAULT_HOURS: &str = "default";

/// Where a day's special status comes from: indices into `years`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Special {
    Holiday { year: i32, index: usize },
    Replacement { year: i32, index: usize },
    OffByTransfer { year: i32, index: usize },
    WorkingByTransfer { year: i32, index: usize },
}

impl Calendar {
    /// The built-in calendar of Kazakhstan.
    pub fn kazakhstan() -> Result<Calendar, CalendarError> {
        Calendar::parse(KAZAKHSTAN_DATA, "built-in")
    }

    /// A calendar from data in the documented format; `origin` names the
    /// data in errors.
    pub fn parse(text: &str, origin: &str) -> Result<Calendar, CalendarError> {
        let (years, hours) = parse::parse(text, origin)?;
        Calendar::from_parts(years, hours)
    }

    /// This calendar with `other`'s years and hours added; a year (or a
    /// provider's hours) in both is taken whole from `other`, so a user's
    /// file replaces or extends the data. [`Calendar::replaced_by`] says
    /// which years a file replaces, so that a caller can say so.
    pub fn extended(&self, other: &Calendar) -> Result<Calendar, CalendarError> {
        let mut years = self.years.clone();
        years.extend(other.years.iter().map(|(y, d)| (*y, d.clone())));
        let mut hours = self.hours.clone();
        hours.extend(other.hours.iter().map(|(k, h)| (k.clone(), h.clone())));
        Calendar::from_parts(years, hours)
    }

    /// The years of this calendar that [`Calendar::extended`] with `other`
    /// would replace by different data.
    pub fn replaced_by(&self, other: &Calendar) -> Vec<i32> {
        let differs = |mine: &YearData, theirs: &YearData| year_text(mine) != year_text(theirs);
        other
            .years
            .values()
            .filter(|y| self.years.get(&y.year).is_some_and(|mine| differs(mine, y)))
            .map(|y| y.year)
            .collect()
    }

    fn from_parts(years: BTreeMap<i32, YearData>, hours: BTreeMap<String, Hours>) -> Result<Calendar, CalendarError> {
        let mut calendar = Calendar { years, special: BTreeMap::new(), hours };
        calendar.derive()?;
        Ok(calendar)
    }

    /// The working hours of a provider: those the data names for `provider`
    /// (a participant id), else the data's `default`, else [`Hours::office`].
    pub fn hours(&self, provider: &str) -> Cow<'_, Hours> {
        match self.hours.get(provider).or_else(|| self.hours.get(DEFAULT_HOURS)) {
            Some(hours) => Cow::Borrowed(hours),
            None => Cow::Owned(Hours::office()),
        }
    }

    /// The hours the data names, by provider.
    pub fn named_hours(&self) -> impl Iterator<Item = (&str, &Hours)> {
        self.hours.iter().map(|(k, h)| (k.as_str(), h))
    }

    /// The first and last years the data covers, if any.
    pub fn span(&self) -> Option<(i32, i32)> {
        Some((*self.years.keys().next()?, *self.years.keys().next_back()?))
    }

    /// Whether the data covers the year of `at`: times outside the years the
    /// calendar knows cannot be counted on it.
    pub fn covers(&self, at: LocalDateTime) -> bool {
        self.span().is_some_and(|(first, last)| (first..=last).contains(&at.date().year()))
    }

    /// The data in the documented format, written the same way whatever
    /// file it came from (no comments, no origins, entries in data order):
    /// what the engine records for each case, and hashes to tell calendars
    /// apart. [`Calendar::parse`] reads it back to the same calendar.
    pub fn to_data(&self) -> String {
        let mut out = String::new();
        for (key, hours) in &self.hours {
            let _ = writeln!(out, "hours {key} {hours}");
        }
        for year in self.years.values() {
            out.push_str(&year_text(year));
        }
        out
    }

    /// The years the data covers.
    pub fn years(&self) -> impl Iterator<Item = &YearData> {
        self.years.values()
    }

    /// One year's data.
    pub fn year(&self, year: i32) -> Option<&YearData> {
        self.years.get(&year)
    }

    /// What `date` is.
    pub fn day(&self, date: Date) -> DayKind<'_> {
        let Some(&special) = self.special.get(&date) else {
            return if date.weekday().is_weekend() { DayKind::Weekend } else { DayKind::Working };
        };
        match special {
            Special::Holiday { year, index } => DayKind::Holiday(&self.years[&year].holidays[index]),
            Special::Replacement { year, index } => DayKind::Replacement(&self.years[&year].holidays[index]),
            Special::OffByTransfer { year, index } => DayKind::OffByTransfer(&self.years[&year].transfers[index]),
            Special::WorkingByTransfer { year, index } => {
                DayKind::WorkingByTransfer(&self.years[&year].transfers[index])
            }
        }
    }

    /// Whether work is done on `date`.
    pub fn is_working_day(&self, date: Date) -> bool {
        self.day(date).is_working()
    }

    /// The first working day after `date`, or `None` when the data has no
    /// working day in the ten years after it.
    pub fn next_working_day(&self, date: Date) -> Option<Date> {
        (1..=SEARCH_LIMIT_DAYS).map(|n| date.add_days(n)).find(|&d| self.is_working_day(d))
    }

    /// The `n`-th working day after `date` (`date` itself when `n` is 0).
    pub fn add_working_days(&self, date: Date, n: u32) -> Option<Date> {
        (0..n).try_fold(date, |d, _| self.next_working_day(d))
    }

    /// Why a computation over `from..=to` may be wrong: years without data,
    /// years whose transfers are not known, tentative days off in the range.
    pub fn caveats(&self, from: Date, to: Date) -> Vec<Caveat> {
        let mut out = Vec::new();
        for year in from.year()..=to.year() {
            match self.years.get(&year) {
                None => out.push(Caveat::YearNotCovered(year)),
                Some(data) if data.transfers_status != TransferStatus::Known => {
                    out.push(Caveat::TransfersNotKnown { year, status: data.transfers_status.keyword() });
                }
                Some(_) => {}
            }
        }
        let years = self.years.range(from.year()..=to.year()).flat_map(|(_, y)| &y.holidays);
        for h in years.filter(|h| h.tentative && (from..=to).contains(&h.date)) {
            out.push(Caveat::TentativeDate { date: h.date, name: h.name.clone() });
        }
        out
    }

    /// Computes `special`: holidays, replacements (the weekend rule), then
    /// transfers, checking each transfer against the days before it.
    fn derive(&mut self) -> Result<(), CalendarError> {
        self.special.clear();
        let coinciding = self.mark_holidays()?;
        self.mark_replacements(coinciding);
        self.mark_transfers()
    }

    /// Marks every dated day off and returns the public holidays that fall on
    /// a religious day off (they need a replacement like those on weekends).
    fn mark_holidays(&mut self) -> Result<Vec<(Date, i32, usize)>, CalendarError> {
        let mut coinciding = Vec::new();
        for (&year, data) in &self.years {
            for (index, h) in data.holidays.iter().enumerate() {
                let Some(&Special::Holiday { year: y, index: i }) = self.special.get(&h.date) else {
                    self.special.insert(h.date, Special::Holiday { year, index });
                    continue;
                };
                let first = &self.years[&y].holidays[i];
                if first.kind == h.kind {
                    return Err(data.error(h.line, format!("{} is already «{}»", h.date, first.name)));
                }
                // Keep the public holiday as the day's name; it gets a replacement.
                let public = if h.kind == HolidayKind::Public { (year, index) } else { (y, i) };
                self.special.insert(h.date, Special::Holiday { year: public.0, index: public.1 });
                coinciding.push((h.date, public.0, public.1));
            }
        }
        Ok(coinciding)
    }

    /// A public holiday on a day off (a weekend day, or a religious day off)
    /// gets the next day that is neither a weekend day, a holiday nor another
    /// replacement. Holidays are taken in date order, so 1 and 2 January on a
    /// weekend get 3 and 4 January.
    fn mark_replacements(&mut self, mut public: Vec<(Date, i32, usize)>) {
        for (&year, data) in &self.years {
            for (index, h) in data.holidays.iter().enumerate() {
                if h.kind == HolidayKind::Public && h.date.weekday().is_weekend() {
                    public.push((h.date, year, index));
                }
            }
        }
        public.sort();
        public.dedup();
        for (date, year, index) in public {
            let free = (1..=SEARCH_LIMIT_DAYS)
                .map(|n| date.add_days(n))
                .find(|d| !d.weekday().is_weekend() && !self.special.contains_key(d));
            if let Some(day) = free {
                self.special.insert(day, Special::Replacement { year, index });
            }
        }
    }

    fn mark_transfers(&mut self) -> Result<(), CalendarError> {
        let mut moves = Vec::new();
        for (&year, data) in &self.years {
            for (index, t) in data.transfers.iter().enumerate() {
                if self.is_working_day(t.from) {
                    return Err(data.error(t.line, format!("transfer from {}: that day is a working day", t.from)));
                }
                if !self.is_working_day(t.to) {
                    return Err(data.error(t.line, format!("transfer to {}: that day is already a day off", t.to)));
                }
                moves.push((t.from, t.to, year, index));
            }
        }
        for (from, to, year, index) in moves {
            let already = |d: &Date, this: &Calendar| {
                matches!(this.special.get(d), Some(Special::WorkingByTransfer { .. } | Special::OffByTransfer { .. }))
            };
            if already(&from, self) || already(&to, self) {
                let data = &self.years[&year];
                let line = data.transfers[index].line;
                return Err(data.error(line, format!("transfer {from} -> {to} touches a day another transfer moved")));
            }
            self.special.insert(from, Special::WorkingByTransfer { year, index });
            self.special.insert(to, Special::OffByTransfer { year, index });
        }
        Ok(())
    }
}

impl YearData {
    fn error(&self, line: usize, message: String) -> CalendarError {
        CalendarError { origin: self.origin.clone(), line, message }
    }
}

/// A year in the data format, without comments, origin or line numbers.
fn year_text(y: &YearData) -> String {
    let mut out = format!("year {:04}\n", y.year);
    for act in &y.acts {
        let _ = writeln!(out, "act {act}");
    }
    let _ = writeln!(out, "transfers {}", y.transfers_status.keyword());
    for h in &y.holidays {
        let kind = match h.kind {
            HolidayKind::Public => "holiday",
            HolidayKind::Religious => "religious",
        };
        let _ = writeln!(out, "{}{} {kind} {}", h.date, if h.tentative { "?" } else { "" }, h.name);
    }
    for t in &y.transfers {
        let _ = writeln!(out, "transfer {} -> {}", t.from, t.to);
    }
    out
}

mod parse {
    //! The line-based data format (see `runtime/data/README.md`).

    use std::collections::BTreeMap;

    use super::{CalendarError, Holiday, HolidayKind, Transfer, TransferStatus, YearData};
    use crate::civil::Date;
    use crate::hours::Hours;

    /// The years, and the hours by provider.
    type Parsed = (BTreeMap<i32, YearData>, BTreeMap<String, Hours>);

    pub(super) fn parse(text: &str, origin: &str) -> Result<Parsed, CalendarError> {
        let mut years: BTreeMap<i32, YearData> = BTreeMap::new();
        let mut hours: BTreeMap<String, Hours> = BTreeMap::new();
        let mut current: Option<(YearData, bool)> = None;
        let err = |line: usize, message: String| CalendarError { origin: origin.to_string(), line, message };
        for (i, raw) in text.lines().enumerate() {
            let line = i + 1;
            let content = raw.trim();
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let (keyword, rest) = content.split_once(char::is_whitespace).unwrap_or((content, ""));
            let rest = rest.trim();
            if keyword == "hours" {
                let (key, spec) = read_hours(rest).map_err(|m| err(line, m))?;
                if hours.insert(key.clone(), spec).is_some() {
                    return Err(err(line, format!("the hours of `{key}` appear twice")));
                }
                continue;
            }
            if keyword == "year" {
                if let Some((done, _)) = current.take() {
                    years.insert(done.year, done);
                }
                let year = read_year(rest).ok_or_else(|| err(line, format!("`{rest}` is not a year 1–9999")))?;
                if years.contains_key(&year) {
                    return Err(err(line, format!("year {year} appears twice")));
                }
                current = Some((YearData::empty(year, origin), false));
                continue;
            }
            let Some((data, status_seen)) = current.as_mut() else {
                return Err(err(line, "every entry must follow a `year YYYY` line".to_string()));
            };
            entry(data, status_seen, keyword, rest, line).map_err(|m| err(line, m))?;
        }
        if let Some((done, _)) = current.take() {
            years.insert(done.year, done);
        }
        Ok((years, hours))
    }

    /// `KEY always` or `KEY HH:MM-HH:MM …`: a provider's working hours.
    fn read_hours(rest: &str) -> Result<(String, Hours), String> {
        let usage = "expected `hours default 09:00-13:00 14:00-18:00` (or a participant id for `default`, or `always`)";
        let (key, spec) = rest.split_once(char::is_whitespace).ok_or_else(|| usage.to_string())?;
        let valid_key = key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_');
        if !valid_key {
            return Err(format!("`{key}` is not `default` or a participant id; {usage}"));
        }
        let hours = Hours::parse(spec).map_err(|e| format!("hours of `{key}`: {e}"))?;
        Ok((key.to_string(), hours))
    }

    fn read_year(text: &str) -> Option<i32> {
        let year: i32 = text.parse().ok().filter(|_| text.len() == 4)?;
        (1..=9999).contains(&year).then_some(year)
    }

    fn entry(
        data: &mut YearData,
        status_seen: &mut bool,
        keyword: &str,
        rest: &str,
        line: usize,
    ) -> Result<(), String> {
        match keyword {
            "act" if rest.is_empty() => Err("`act` needs the act's name".to_string()),
            "act" => {
                data.acts.push(rest.to_string());
                Ok(())
            }
            "transfers" => {
                if std::mem::replace(status_seen, true) {
                    return Err(format!("year {}: `transfers` appears twice", data.year));
                }
                data.transfers_status = match rest {
                    "known" => TransferStatus::Known,
                    "partial" => TransferStatus::Partial,
                    "unknown" => TransferStatus::Unknown,
                    other => return Err(format!("`transfers {other}`: expected known, partial or unknown")),
                };
                Ok(())
            }
            "transfer" => transfer(data, rest, line),
            _ => holiday(data, keyword, rest, line),
        }
    }

    fn transfer(data: &mut YearData, rest: &str, line: usize) -> Result<(), String> {
        let usage = "expected `transfer YYYY-MM-DD -> YYYY-MM-DD`";
        let (from, to) = rest.split_once("->").ok_or_else(|| usage.to_string())?;
        let from = Date::parse(from.trim()).map_err(|e| format!("{e}; {usage}"))?;
        let to = Date::parse(to.trim()).map_err(|e| format!("{e}; {usage}"))?;
        let near = |d: Date| (d.year() - data.year).abs() <= 1;
        if !near(from) || !near(to) {
            return Err(format!("transfer {from} -> {to} is not in or next to {}", data.year));
        }
        if from == to {
            return Err(format!("transfer {from} -> {to} moves a day onto itself"));
        }
        data.transfers.push(Transfer { from, to, line });
        Ok(())
    }

    fn holiday(data: &mut YearData, date: &str, rest: &str, line: usize) -> Result<(), String> {
        let (date, tentative) = match date.strip_suffix('?') {
            Some(d) => (d, true),
            None => (date, false),
        };
        let date = Date::parse(date).map_err(|_| {
            format!("`{date}` is neither a keyword (hours, year, act, transfers, transfer) nor a date YYYY-MM-DD")
        })?;
        if date.year() != data.year {
            return Err(format!("{date} is not in year {}", data.year));
        }
        let (kind, name) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let kind = match kind {
            "holiday" => HolidayKind::Public,
            "religious" => HolidayKind::Religious,
            other => return Err(format!("`{other}`: expected `holiday` or `religious` after the date")),
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(format!("{date}: the day needs a name"));
        }
        data.holidays.push(Holiday { date, kind, name: name.to_string(), tentative, line });
        Ok(())
    }

    impl YearData {
        fn empty(year: i32, origin: &str) -> YearData {
            YearData {
                year,
                acts: Vec::new(),
                transfers_status: TransferStatus::Unknown,
                holidays: Vec::new(),
                transfers: Vec::new(),
                origin: origin.to_string(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Date {
        Date::parse(text).unwrap()
    }

    fn kz() -> Calendar {
        Calendar::kazakhstan().unwrap()
    }

    #[test]
    fn the_builtin_data_covers_2011_to_2027_and_names_its_acts() {
        let cal = kz();
        let years: Vec<i32> = cal.years().map(|y| y.year).collect();
        assert_eq!(years, (2011..=2027).collect::<Vec<_>>());
        for y in cal.years() {
            assert!(!y.acts.is_empty(), "{} names no act", y.year);
        }
        assert_eq!(cal.year(2027).unwrap().transfers_status, TransferStatus::Unknown);
        assert_eq!(cal.year(2018).unwrap().transfers_status, TransferStatus::Known);
    }

    #[test]
    fn a_request_on_the_friday_before_nauryz() {
        // 2024: Nauryz 21–23 March (Thu–Sat); 23 March is a Saturday, so
        // Monday 25 March is a day off too.
        let cal = kz();
        let friday = d("2024-03-15");
        assert_eq!(cal.add_working_days(friday, 3), Some(d("2024-03-20")));
        assert_eq!(cal.add_working_days(friday, 4), Some(d("2024-03-26")));
        assert!(matches!(cal.day(d("2024-03-25")), DayKind::Replacement(h) if h.name.contains("Наурыз")));
    }

    #[test]
    fn a_request_across_the_new_year_holidays() {
        // 1 and 2 January 2022 fell on Saturday and Sunday: 3 and 4 January
        // are days off in their place.
        let cal = kz();
        assert_eq!(cal.add_working_days(d("2021-12-30"), 1), Some(d("2021-12-31")));
        assert_eq!(cal.add_working_days(d("2021-12-30"), 2), Some(d("2022-01-05")));
        // Christmas on Friday 7 January is a religious day off.
        assert_eq!(cal.add_working_days(d("2021-12-30"), 4), Some(d("2022-01-10")));
    }

    #[test]
    fn a_request_across_a_transferred_working_saturday() {
        // 2018: the day off of Saturday 3 March moved to Friday 9 March.
        let cal = kz();
        assert!(cal.is_working_day(d("2018-03-03")));
        assert!(!cal.is_working_day(d("2018-03-09")));
        assert_eq!(cal.add_working_days(d("2018-03-01"), 2), Some(d("2018-03-03")));
        assert_eq!(cal.add_working_days(d("2018-03-01"), 3), Some(d("2018-03-05")));
        // 8 March (Thu) holiday, 9 March off by transfer: Wednesday 7 → Monday 12.
        assert_eq!(cal.add_working_days(d("2018-03-07"), 1), Some(d("2018-03-12")));
    }

    #[test]
    fn religious_days_off_are_not_replaced() {
        let cal = kz();
        // Christmas on Sunday 7 January 2024, Kurban ait on Saturday 9 July 2022.
        assert!(cal.is_working_day(d("2024-01-08")));
        assert!(cal.is_working_day(d("2022-07-11")));
        // A public holiday on a weekend is: Constitution Day, Sunday 30 August 2020.
        assert!(!cal.is_working_day(d("2020-08-31")));
    }

    #[test]
    fn a_public_holiday_on_a_religious_day_off_is_replaced() {
        let data = "year 2030\nact T\n2030-05-01 religious R\n2030-05-01 holiday P\n";
        let cal = Calendar::parse(data, "t").unwrap();
        assert!(matches!(cal.day(d("2030-05-01")), DayKind::Holiday(h) if h.name == "P"));
        assert!(matches!(cal.day(d("2030-05-02")), DayKind::Replacement(h) if h.name == "P"));
    }

    #[test]
    fn a_transfer_may_move_a_replacement_day() {
        // 2020: Victory Day on Saturday 9 May gave Monday 11 May, which a
        // decree moved to Friday 8 May.
        let cal = kz();
        assert!(cal.is_working_day(d("2020-05-11")));
        assert!(!cal.is_working_day(d("2020-05-08")));
    }

    #[test]
    fn caveats_name_unknown_and_uncovered_years() {
        let cal = kz();
        assert!(cal.caveats(d("2018-01-01"), d("2018-12-31")).is_empty());
        let caveats = cal.caveats(d("2027-12-01"), d("2028-01-10"));
        assert!(caveats.contains(&Caveat::TransfersNotKnown { year: 2027, status: "unknown" }), "{caveats:?}");
        assert!(caveats.contains(&Caveat::YearNotCovered(2028)), "{caveats:?}");
    }

    #[test]
    fn user_data_replaces_a_year_and_adds_one() {
        let user = "year 2027\nact Test act\ntransfers known\n2027-01-01 holiday Новый год\n\
                    year 2028\nact Test act\ntransfers known\n2028-01-03 holiday Test\ntransfer 2028-01-08 -> 2028-01-07\n";
        let cal = kz().extended(&Calendar::parse(user, "user.txt").unwrap()).unwrap();
        assert_eq!(cal.year(2027).unwrap().holidays.len(), 1);
        assert_eq!(cal.year(2027).unwrap().transfers_status, TransferStatus::Known);
        assert!(!cal.is_working_day(d("2027-01-01")));
        assert_eq!(cal.year(2026), kz().year(2026), "other years stay");
        assert!(!cal.is_working_day(d("2028-01-03")));
        assert!(cal.is_working_day(d("2028-01-08")), "Saturday made working");
        assert!(!cal.is_working_day(d("2028-01-07")));
    }

    #[test]
    fn bad_data_is_refused_with_its_line() {
        let cases = [
            ("2024-01-01 holiday X", 1, "follow a `year YYYY`"),
            ("year 2024\n2024-02-30 holiday X", 2, "neither a keyword"),
            ("year 2024\n2025-01-01 holiday X", 2, "not in year 2024"),
            ("year 2024\n2024-01-01 feast X", 2, "expected `holiday` or `religious`"),
            ("year 2024\n2024-01-01 holiday", 2, "needs a name"),
            ("year 2024\ntransfers maybe", 2, "known, partial or unknown"),
            ("year 2024\ntransfer 2024-01-06 2024-01-08", 2, "expected `transfer"),
            ("year 2024\ntransfer 2024-01-08 -> 2024-01-09", 2, "is a working day"),
            ("year 2024\ntransfer 2024-01-06 -> 2024-01-07", 2, "already a day off"),
            ("year 2024\nyear 2024", 2, "appears twice"),
            ("year 24", 1, "not a year"),
            ("year 2024\n2024-01-01 holiday A\n2024-01-01 holiday B", 3, "already «A»"),
        ];
        for (text, line, needle) in cases {
            let e = Calendar::parse(text, "t").unwrap_err();
            assert_eq!(e.line, line, "{text}: {e}");
            assert!(e.to_string().contains(needle), "{text}: {e}");
        }
    }

    #[test]
    fn hours_are_read_by_provider_with_a_default() {
        let cal = Calendar::parse("hours default 08:30-17:30\nhours con 09:00-20:00\n", "t").unwrap();
        assert_eq!(cal.hours("con").to_string(), "09:00-20:00");
        assert_eq!(cal.hours("mio").to_string(), "08:30-17:30");
        assert_eq!(*Calendar::default().hours("mio"), Hours::office());
        assert_eq!(*kz().hours("anyone"), Hours::office(), "the built-in data names the office hours");
        for (text, needle) in [
            ("hours default", "expected `hours default"),
            ("hours default 9-18", "is not an interval"),
            ("hours x-y 09:00-18:00", "is not `default` or a participant id"),
            ("hours a always\nhours a always", "appear twice"),
        ] {
            let e = Calendar::parse(text, "t").unwrap_err();
            assert!(e.to_string().contains(needle), "{text}: {e}");
        }
    }

    #[test]
    fn the_canonical_data_reads_back_to_the_same_calendar() {
        let cal = kz();
        let text = cal.to_data();
        let again = Calendar::parse(&text, "again").unwrap();
        assert_eq!(again.to_data(), text);
        for date in ["2024-03-25", "2025-01-05", "2020-05-08", "2026-05-27"] {
            assert_eq!(again.is_working_day(d(date)), cal.is_working_day(d(date)), "{date}");
        }
        assert!(!text.contains('#') && !text.contains("built-in"), "no comments, no origins");
    }

    #[test]
    fn replaced_years_are_named() {
        let builtin = kz();
        let same_2024 = Calendar::parse(&year_text(builtin.year(2024).unwrap()), "f").unwrap();
        assert!(builtin.replaced_by(&same_2024).is_empty(), "the same data replaces nothing");
        let other = Calendar::parse("year 2024\ntransfers known\n2024-01-01 holiday X\nyear 2030\n", "f").unwrap();
        assert_eq!(builtin.replaced_by(&other), vec![2024]);
        let extended = builtin.extended(&other).unwrap();
        assert!(extended.is_working_day(d("2024-03-21")), "2024 was replaced whole: no Nauryz");
        assert_eq!(extended.span(), Some((2011, 2030)));
    }

    #[test]
    fn the_calendar_covers_its_years_only() {
        let cal = kz();
        let at = |text: &str| LocalDateTime::parse(text).unwrap();
        assert!(cal.covers(at("2011-01-01T00:00")) && cal.covers(at("2027-12-31T23:59")));
        assert!(!cal.covers(at("0001-01-01T00:00")) && !cal.covers(at("9999-12-31T23:59:30")));
        assert!(!Calendar::default().covers(at("2024-01-01T00:00")));
    }
}
